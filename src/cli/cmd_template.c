/* cmd_template.c — wsdoc template KIND [--xml]: print the commented form to
 * fill in (forms/templates/KIND.ini or .xml) on standard output. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../diag/diag.h"
#include "../input/input.h"
#include "../util/util.h"
#include "cli.h"

/* Not cli_usage(): it lives in main.c, which the unit tests leave out. */
static const char S_usage[] =
    "用法: wsdoc template 种类 [--xml]\n"
    "打印一份带填写说明的空白表格，填好后用 wsdoc check 检查。\n"
    "种类:\n"
    "  application  申报表      辅导员工作坊主理人申报表（附件1）\n"
    "  member       成员申报表  工作坊成员申报表\n"
    "  evaluation   评估表      辅导员工作坊评估表（附件2）\n"
    "  decisions    评估结论    学工部的年度评估结论\n"
    "选项:\n"
    "  --xml  打印 XML 模板（默认 INI）\n"
    "  -h     显示本帮助\n"
    "例: wsdoc template 申报表 > 申报-张三.ini\n";

static const struct {
	const char	*file;		/* forms/templates/FILE.ini */
	const char	*names[4];
} S_kinds[] = {
	{ "application", { "application", "申报表", "主理人申报表", NULL } },
	{ "member-application",
	    { "member", "member-application", "成员申报表", NULL } },
	{ "evaluation", { "evaluation", "评估表", NULL, NULL } },
	{ "decisions", { "decisions", "评估结论", NULL, NULL } },
};

static const char *
S_file(const char *kind)
{
	for (size_t i = 0; i < sizeof S_kinds / sizeof S_kinds[0]; i++)
		for (int j = 0; j < 4 && S_kinds[i].names[j]; j++)
			if (strcmp(kind, S_kinds[i].names[j]) == 0)
				return S_kinds[i].file;
	return NULL;
}

int
cmd_template(int argc, char **argv)
{
	const char *kind = NULL, *file;
	char *rel, *path, *text;
	size_t len;
	int xml = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs(S_usage, stdout);
			return 0;
		}
		if (strcmp(argv[i], "--xml") == 0)
			xml = 1;
		else if (argv[i][0] == '-' || kind != NULL) {
			fputs(S_usage, stderr);
			return 2;
		} else
			kind = argv[i];
	}
	if (kind == NULL) {
		fputs(S_usage, stderr);
		return 2;
	}
	if ((file = S_file(kind)) == NULL) {
		diag(E_CLI_TEMPLATE, NULL, 0, 0, kind);
		return 2;
	}
	rel = xasprintf("forms/templates/%s.%s", file, xml ? "xml" : "ini");
	path = data_path(rel);
	free(rel);
	if ((text = file_read(path, &len)) == NULL) {
		diag(F_IO_OPEN, path, 0, 0, errno_text(errno));
		free(path);
		return 3;
	}
	free(path);
	if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0) {
		diag(F_IO_WRITE, NULL, 0, 0, "标准输出", errno_text_write(errno));
		free(text);
		return 3;
	}
	free(text);
	return 0;
}
