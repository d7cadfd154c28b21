/* cli.h — the commands of build/wsdoc.  For src/cli/ only. */
#ifndef WSDOC_CLI_H
#define WSDOC_CLI_H

/* Each command gets argv with argv[0] the command's name and returns the
 * exit status: 0 done, 1 input has errors, 2 usage, 3 system error. */
#define CMD_LIST(X) \
	X(check,    "检查输入文件是否符合办法和表格要求") \
	X(render,   "把申报表、评估表、成员申报表排成 PDF") \
	X(approve,  "把通过审核的申报登记到名册") \
	X(publish,  "生成工作坊名单（PDF、网页、CSV）") \
	X(evaluate, "按第六条作出年度评估结论并生成评估报告") \
	X(report,   "由名册重新生成某年度的评估报告") \
	X(fo,       "把 XSL-FO 文件排成 PDF") \
	X(convert,  "把 INI 文件转换成等价的 XML") \
	X(template, "打印一份带说明的待填模板") \
	X(serve,    "在浏览器中填写表格：边填边检查，一键生成 PDF") \
	X(fonts,    "显示各字体角色所用的字体文件")

#define X(name, help) int cmd_##name(int argc, char **argv);
CMD_LIST(X)
#undef X

/* Print a command's usage (one-line synopsis and options) to stdout when
 * `to_stdout`, else to stderr; commands call it for -h and on bad usage. */
void cli_usage(const char *synopsis, const char *options, int to_stdout);

#endif
