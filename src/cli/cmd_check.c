/* cmd_check.c — wsdoc check FILE...: read each input, find its kind, run
 * every check on it and print the diagnostics. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../diag/diag.h"
#include "../input/input.h"
#include "../util/util.h"
#include "cli.h"
#include "pipeline.h"

/* Not cli_usage(): it lives in main.c, which the unit tests leave out. */
static const char S_usage[] =
    "用法: wsdoc check 文件...\n"
    "检查申报表、成员申报表、评估表、评估结论（INI 或 XML）是否符合办法和表格要求。\n"
    "  -h  显示本帮助\n"
    "“-” 表示从标准输入读取。\n";

/* Read one file and make sure it is an input wsdoc knows.  Returns the
 * tree for pipeline_validate, or NULL after a diagnostic. */
static xmlDocPtr
S_check(const char *path)
{
	return pipeline_known(input_read(path));
}

/* On a terminal, what happened: 通过 for each file without errors, then
 * one line for the run (silence would look like nothing was done). */
static void
S_summary(char **files, int n, const int *bad, const int *warn)
{
	int good = 0, errs = 0, warns = 0;

	if (!isatty(1))
		return;
	for (int k = 0; k < n; k++) {
		errs += bad[k];
		warns += warn[k];
		if (bad[k] == 0) {
			good++;
			if (warn[k])
				printf("通过  %s（%d 条警告）\n", files[k], warn[k]);
			else
				printf("通过  %s\n", files[k]);
		}
	}
	if (good == n)
		printf("检查了 %d 个文件，全部通过", n);
	else
		printf("检查了 %d 个文件：%d 个通过，%d 个有错误（共 %d 处）",
		    n, good, n - good, errs);
	if (warns)
		printf("；警告 %d 条", warns);
	printf("\n");
	fflush(stdout);
}

int
cmd_check(int argc, char **argv)
{
	int i = 1;

	for (; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs(S_usage, stdout);
			return 0;
		}
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "wsdoc check: 未知选项“%s”\n", argv[i]);
			fputs(S_usage, stderr);
			return 2;
		}
		break;
	}
	if (i >= argc) {
		fputs(S_usage, stderr);
		return 2;
	}
	/* Structure, then the measures over all the files at once (the rules
	 * across files need them together); the messages of all the stages
	 * held and printed at the end in file and line order. */
	xmlDocPtr *docs = xcalloc((size_t)(argc - i), sizeof *docs);
	int first = i, nfiles = argc - i;
	int *bad = xcalloc((size_t)nfiles, sizeof *bad);
	int *warn = xcalloc((size_t)nfiles, sizeof *warn);
	size_t n = 0;
	diag_hold(1);
	for (; i < argc; i++)
		if ((docs[n] = S_check(argv[i])) != NULL)
			n++;
	pipeline_validate(docs, n);
	for (int k = 0; k < nfiles; k++) {
		bad[k] = diag_held_count(argv[first + k], diag_fail_level());
		warn[k] = diag_held_count(argv[first + k], DL_WARNING) - bad[k];
	}
	diag_hold(0);
	S_summary(argv + first, nfiles, bad, warn);
	for (size_t k = 0; k < n; k++)
		xmlFreeDoc(docs[k]);
	free(docs);
	free(bad);
	free(warn);
	return diag_exit_status();
}
