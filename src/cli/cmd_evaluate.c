/* cmd_evaluate.c — wsdoc evaluate --roster R --year Y [--decisions D]
 * EVAL... [--apply]: the annual evaluation of 第六条, printed as a table;
 * the roster changes only with --apply, and only when nothing is wrong. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "../diag/diag.h"
#include "../input/input.h"
#include "../roster/roster.h"
#include "../rules/rules.h"
#include "../util/util.h"
#include "cli.h"
#include "pipeline.h"
#include "report.h"

static const char S_usage[] =
    "用法: wsdoc evaluate --roster 名册.xml --year 年度 [--decisions 结论文件]\n"
    "                     [--apply] [-o 报告.pdf] [--csv 结论.csv] [--outcomes 结论.xml]\n"
    "                     评估表...\n"
    "      wsdoc evaluate --follow-up --roster 名册.xml --decisions 结论文件 [--apply]\n"
    "按第六条对名册中该年度应评估的每个工作坊作出年度结论。无故不参加评估、擅自变更\n"
    "名称/主理人/建设方案、学术不端或违规的，列为拟撤销并给出依据；只有学工部的\n"
    "结论确认（等级“撤销”）时才写入名册，未确认也未推翻时 --apply 拒绝写入。\n"
    "暂缓通过给予半年继续建设期。评估表之外也可给出申报表（现行建设方案），与登记\n"
    "时的方案逐段比较。结论日期早于该年度的评估起始月份（policy.ini）时拒绝。\n"
    "  --follow-up       暂缓期满的确定：只处理结论文件中列出的暂缓通过的工作坊，\n"
    "                    每个须已期满（结论日期或 decision 的 date 不早于期满日），\n"
    "                    名册中的其他工作坊不变；不需要 --year\n"
    "  --roster 文件     名册\n"
    "  --year 年度       评估的年度\n"
    "  --decisions 文件  学工部的评估结论（等级、缺席说明、批准的变更、违规认定）\n"
    "  --apply           把结论写入名册（需要 --decisions，且没有错误）\n"
    "  --csv 文件        结论表的 CSV（终端上的表按100列折行，CSV 中每格完整）\n"
    "  --outcomes 文件   把结论另存为 XML（供核对；年度报告由名册生成，见 wsdoc report）\n"
    "  -o 文件           年度评估报告 PDF（加 --apply 时由写入后的名册生成，\n"
    "                    与 wsdoc report 生成的相同）\n"
    "  --fo              -o 写出报告的 XSL-FO 而不是 PDF\n"
    "  --policy 文件     规则参数文件，默认安装目录的 forms/policy.ini\n"
    "  -h                显示本帮助\n";

int
cmd_evaluate(int argc, char **argv)
{
	const char *rpath = NULL, *dpath = NULL, *report = NULL, *opath = NULL;
	const char *csv = NULL;
	int year = 0, apply = 0, fo_only = 0, followup = 0, i, nfiles = 0, errors = 0, rc;
	char **files;
	xmlDoc **docs, *dec = NULL, *out = NULL;
	size_t ndocs = 0;
	struct roster *r = NULL;

	files = xcalloc((size_t)argc, sizeof *files);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(S_usage, stdout);
			free(files);
			return 0;
		} else if (strcmp(a, "--roster") == 0 && i + 1 < argc)
			rpath = argv[++i];
		else if (strcmp(a, "--year") == 0 && i + 1 < argc)
			year = atoi(argv[++i]);
		else if (strcmp(a, "--decisions") == 0 && i + 1 < argc)
			dpath = argv[++i];
		else if (strcmp(a, "--outcomes") == 0 && i + 1 < argc)
			opath = argv[++i];
		else if (strcmp(a, "--csv") == 0 && i + 1 < argc)
			csv = argv[++i];
		else if (strcmp(a, "-o") == 0 && i + 1 < argc)
			report = argv[++i];
		else if (strcmp(a, "--apply") == 0)
			apply = 1;
		else if (strcmp(a, "--follow-up") == 0)
			followup = 1;
		else if (strcmp(a, "--fo") == 0)
			fo_only = 1;
		else if (a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "wsdoc evaluate: 未知选项或缺少参数“%s”\n", a);
			fputs(S_usage, stderr);
			free(files);
			return 2;
		} else
			files[nfiles++] = argv[i];
	}
	if (rpath == NULL || (followup ? dpath == NULL || year != 0 :
	    year < 1900 || year > 9999)) {
		fputs(S_usage, stderr);
		free(files);
		return 2;
	}
	if (policy_get() == NULL) {
		free(files);
		return 1;
	}
	docs = xcalloc((size_t)nfiles + 1, sizeof *docs);
	if (dpath) {
		if ((dec = input_read(dpath)) != NULL &&
		    input_kind(dec) != INPUT_DECISIONS) {
			xmlNode *root = xmlDocGetRootElement(dec);
			diag_node(E_CLI_KIND, root, root ? (const char *)root->name : "");
			xmlFreeDoc(dec);
			dec = NULL;
		}
		if (dec)
			docs[ndocs++] = dec;
	}
	for (int k = 0; k < nfiles; k++) {
		xmlDoc *d = input_read(files[k]);
		if (d == NULL)
			continue;
		enum input_kind kind = input_kind(d);
		if (kind != INPUT_EVALUATION && kind != INPUT_APPLICATION) {
			xmlNode *root = xmlDocGetRootElement(d);
			diag_node(E_CLI_KIND, root, root ? (const char *)root->name : "");
			xmlFreeDoc(d);
			continue;
		}
		docs[ndocs++] = d;
	}
	/* the rules on the structurally valid ones; all take part in the
	 * decisions, and any error keeps --apply from writing */
	pipeline_validate(docs, ndocs);

	if ((r = roster_open(rpath, apply)) == NULL)
		goto done;
	out = roster_evaluate(r, year, dec, dec ? docs + 1 : docs,
	    dec ? ndocs - 1 : ndocs, (apply ? ROSTER_EV_APPLY : 0) |
	    (followup ? ROSTER_EV_FOLLOWUP : 0), &errors);
	roster_print_outcomes(stdout, out);
	fflush(stdout);	/* the table before the notes that follow it */
	/* The outcomes, the report and the roster: all written to temporary
	 * files first, renamed only when all are whole, the roster last. */
	out_begin();
	if (csv && out) {	/* the table whole: the terminal's is cut to fit */
		size_t len;
		char *text = roster_outcomes_csv(out, &len);
		if (file_write_atomic(csv, text, len) == -1)
			diag(F_IO_WRITE, csv, 0, 0, csv, errno_text_write(errno));
		free(text);
	}
	if (opath) {
		xmlChar *mem = NULL;
		int len = 0;
		xmlDocDumpFormatMemoryEnc(out, &mem, &len, "UTF-8", 1);
		if (mem == NULL)
			util_oom();
		if (file_write_atomic(opath, mem, (size_t)len) == -1)
			diag(F_IO_WRITE, opath, 0, 0, opath, errno_text_write(errno));
		xmlFree(mem);
	}
	if (apply && dec == NULL)
		diag(E_DEC_NEEDED, NULL, 0, 0);
	int saved = 0;
	if (apply && !diag_failed()) {
		roster_apply(r, out);
		/* The report of what is written, made as `wsdoc report`
		 * makes it again: from the roster alone. */
		xmlDoc *yo = report && !followup ? roster_year_outcomes(r, year) : NULL;
		if (yo) {
			report_write(yo, report, fo_only);
			xmlFreeDoc(yo);
		}
		saved = roster_prepare(r);
	} else if (!apply && report && out && !diag_failed() && !followup) {
		/* a preview, with the follow-ups the report will list */
		roster_year_followups(r, xmlDocGetRootElement(out), year);
		report_write(out, report, fo_only);
	}
	if (diag_exit_status() == 3 || saved == -1) {
		out_abort();
		roster_discard(r);
		if (apply)
			printf("有错误，名册未改动%s。\n", opath || report || csv ?
			    "，也没有写出其他文件" : "");
		goto done;
	}
	out_signals(1);
	if (out_commit() == -1) {
		diag(F_IO_WRITE, NULL, 0, 0, opath ? opath : report ? report : csv,
		    errno_text_write(errno));
		roster_discard(r);
	} else if (apply && !diag_failed()) {
		if (saved == 1)
			diag(N_ROSTER_UNCHANGED, NULL, 0, 0, rpath);
		else if (roster_commit(r) == 0)
			printf("已写入名册 %s。\n", rpath);
	} else if (!apply)
		diag(N_ROSTER_NOT_APPLIED, NULL, 0, 0);
	else
		printf("有错误，名册未改动。\n");
	out_signals(0);
done:
	rc = diag_exit_status();
	if (out)
		xmlFreeDoc(out);
	roster_close(r);
	for (size_t k = 0; k < ndocs; k++)
		xmlFreeDoc(docs[k]);
	free(docs);
	free(files);
	return rc;
}
