/* cmd_report.c — wsdoc report --roster R --year Y -o report.pdf: the annual
 * evaluation report of a year made again from the roster alone, the same
 * bytes as the one `evaluate --apply -o` made when the year was written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../diag/diag.h"
#include "../roster/roster.h"
#include "../rules/rules.h"
#include "cli.h"
#include "report.h"

static const char S_synopsis[] =
    "report --roster 名册 --year 年度 -o 报告.pdf [--fo] [--policy 规则.ini]";
static const char S_options[] =
    "  --roster R   名册文件 roster.xml（只读）\n"
    "  --year Y     报告哪一年度的评估（该年度的结论须已由 evaluate --apply 写入名册）\n"
    "  -o F         年度评估报告 PDF；与写入名册时 evaluate -o 生成的逐字节相同\n"
    "  --fo         -o 写出报告的 XSL-FO 而不是 PDF\n"
    "  --policy F   规则参数文件（评估等级的名称），默认安装目录的 forms/policy.ini\n";

int
cmd_report(int argc, char **argv)
{
	const char *rpath = NULL, *out = NULL;
	int year = 0, fo_only = 0, rc;
	struct roster *r;
	xmlDoc *yo;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			cli_usage(S_synopsis, S_options, 1);
			return 0;
		} else if (strcmp(a, "--roster") == 0 && i + 1 < argc)
			rpath = argv[++i];
		else if (strcmp(a, "--year") == 0 && i + 1 < argc)
			year = atoi(argv[++i]);
		else if (strcmp(a, "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (strcmp(a, "--fo") == 0)
			fo_only = 1;
		else {
			cli_usage(S_synopsis, S_options, 0);
			return 2;
		}
	}
	if (rpath == NULL || out == NULL || year < 1900 || year > 9999) {
		cli_usage(S_synopsis, S_options, 0);
		return 2;
	}
	if (policy_get() == NULL)
		return diag_exit_status() == 3 ? 3 : 1;
	if ((r = roster_open(rpath, 0)) == NULL)
		return diag_exit_status() == 3 ? 3 : 1;
	if ((yo = roster_year_outcomes(r, year)) == NULL) {
		diag(E_REPORT_NONE, rpath, 0, 0, year);
		roster_close(r);
		return 1;
	}
	rc = report_write(yo, out, fo_only);
	xmlFreeDoc(yo);
	roster_close(r);
	return rc ? rc : diag_exit_status();
}
