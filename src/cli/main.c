/* main.c — build/wsdoc: global options, then one of the commands. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>
#include <libxml/parser.h>

#include "../diag/diag.h"
#include "../rules/policy.h"
#include "../util/util.h"
#include "cli.h"

#ifndef WSDOC_VERSION
#define WSDOC_VERSION "0.1"
#endif

static const struct {
	const char	*name;
	int		(*run)(int, char **);
	const char	*help;
} S_cmds[] = {
#define X(name, help) { #name, cmd_##name, help },
	CMD_LIST(X)
#undef X
};

static void
S_help(FILE *f)
{
	fputs("用法: wsdoc [-W 级别] [--policy 规则.ini] 命令 [选项] 文件...\n"
	    "杭州师范大学辅导员工作坊：检查申报、评估材料并排出正式 PDF 文书。\n\n"
	    "命令:\n", f);
	for (size_t i = 0; i < sizeof S_cmds / sizeof S_cmds[0]; i++)
		fprintf(f, "  %-10s %s\n", S_cmds[i].name, S_cmds[i].help);
	fputs("\n全局选项:\n"
	    "  -W 级别     只显示该级别及以上的信息，且该级别即视为失败\n"
	    "              (note|warning|error，或 提示|警告|错误)\n"
	    "  --policy 文件  规则参数文件，代替安装目录的 forms/policy.ini\n"
	    "              （各命令都按它检查；也可用环境变量 WSDOC_POLICY）\n"
	    "  -h, --help  显示帮助；每个命令也接受 -h\n"
	    "  --version   显示版本\n\n"
	    "退出状态: 0 完成; 1 输入有错误; 2 用法错误; 3 系统错误\n"
	    "详见 wsdoc(1)。\n", f);
}

/* Take the global options out of argv wherever they stand, up to "--":
 * "-W LEVEL" (or -WLEVEL) and "--policy FILE" (or --policy=FILE), which
 * every command that applies the rules reads, so check and render agree
 * with approve and evaluate on the same policy.ini. */
static int
S_take_globals(int *argc, char **argv)
{
	int i = 1, j = 1;

	while (i < *argc) {
		const char *lvl = NULL;
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[j++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], "--policy") == 0) {
			if (i + 1 >= *argc || argv[i + 1][0] == '\0') {
				fputs("wsdoc: --policy 需要一个规则参数文件\n", stderr);
				return -1;
			}
			policy_set_path(argv[i + 1]);
			i += 2;
			continue;
		}
		if (strncmp(argv[i], "--policy=", 9) == 0 && argv[i][9] != '\0') {
			policy_set_path(argv[i] + 9);
			i++;
			continue;
		}
		if (strcmp(argv[i], "-W") == 0) {
			if (i + 1 >= *argc) {
				fputs("wsdoc: -W 需要一个级别: note、warning 或 error\n", stderr);
				return -1;
			}
			lvl = argv[i + 1];
			i += 2;
		} else if (strncmp(argv[i], "-W", 2) == 0) {
			lvl = argv[i] + 2;
			i++;
		} else {
			argv[j++] = argv[i++];
			continue;
		}
		int l = diag_level_parse(lvl);
		if (l < 0 || l == DL_FATAL) {
			fprintf(stderr, "wsdoc: -W 的级别“%s”无效；应为 note、warning 或 error\n", lvl);
			return -1;
		}
		diag_set_threshold(l);
		diag_set_fail_level(l < DL_ERROR ? l : DL_ERROR);
	}
	*argc = j;
	argv[j] = NULL;
	return 0;
}

/* libxml2, libxslt and libdeflate allocate through these: out of memory anywhere in
 * them is F-SYS-MEMORY and exit 3, never a crash in code that did not
 * expect NULL. */
static void *
S_xml_malloc(size_t n)
{
	return xmalloc(n);
}

static void *
S_xml_realloc(void *p, size_t n)
{
	return xrealloc(p, n);
}

static char *
S_xml_strdup(const char *s)
{
	return xstrdup(s);
}

int
main(int argc, char **argv)
{
	/* A full file-size limit must be an error we can report, not death. */
	signal(SIGXFSZ, SIG_IGN);
	xmlMemSetup(free, S_xml_malloc, S_xml_realloc, S_xml_strdup);
	libdeflate_set_memory_allocator(S_xml_malloc, free);
	LIBXML_TEST_VERSION

	if (S_take_globals(&argc, argv) == -1)
		return 2;
	if (argc < 2) {
		S_help(stderr);
		return 2;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		S_help(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("wsdoc %s (libxml2 %s)\n", WSDOC_VERSION, xmlParserVersion);
		return 0;
	}
	for (size_t i = 0; i < sizeof S_cmds / sizeof S_cmds[0]; i++)
		if (strcmp(argv[1], S_cmds[i].name) == 0) {
			int rc = S_cmds[i].run(argc - 1, argv + 1);
			xmlCleanupParser();
			return rc;
		}
	fprintf(stderr, "wsdoc: 未知命令“%s”；用 wsdoc -h 查看全部命令\n", argv[1]);
	return 2;
}
