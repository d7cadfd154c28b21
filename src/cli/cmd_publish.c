/* cmd_publish.c — wsdoc publish: the list of approved workshops (第五条第5款
 * 审核公布) from the roster, as a PDF notice, a web page and a CSV file. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/HTMLtree.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

#include "../diag/diag.h"
#include "../fo/fo.h"
#include "../font/font.h"
#include "../layout/area.h"
#include "../layout/layout.h"
#include "../pdf/pdf.h"
#include "../roster/roster.h"
#include "../util/util.h"
#include "../xslt/xslt.h"
#include "cli.h"
#include "publish.h"

static const char S_synopsis[] =
    "publish --roster 名册 [-o 名单.pdf] [--html 名单.html] [--csv 名单.csv] [--year 年度] [--date 日期]";
static const char S_options[] =
    "  --roster R   名册文件 roster.xml（只读）\n"
    "  -o F         通知 PDF\n"
    "  --html F     同一名单的网页（单个文件，手机可读，可打印）\n"
    "  --csv F      同一名单的 CSV（UTF-8 带 BOM，Excel、WPS 可直接打开）\n"
    "  --year Y     公布哪一年度立项的工作坊（默认最近一年）\n"
    "  --date D     通知落款日期 YYYY-MM-DD（默认今天，或 SOURCE_DATE_EPOCH）\n"
    "  未给出 -o、--html、--csv 时，把 CSV 写到标准输出。\n";

/* The latest year of the roster's workshops, or "" if none. */
static char *
S_latest_year(xmlDocPtr roster)
{
	int best = 0;
	for (xmlNode *w = xmlDocGetRootElement(roster)->children; w; w = w->next) {
		xmlChar *y;
		if (w->type != XML_ELEMENT_NODE || !xmlStrEqual(w->name, BAD_CAST "workshop"))
			continue;
		if ((y = xmlGetProp(w, BAD_CAST "year")) != NULL) {
			if (atoi((char *)y) > best)
				best = atoi((char *)y);
			xmlFree(y);
		}
	}
	return best ? xasprintf("%d", best) : xstrdup("");
}

static xmlNode *
S_child(const xmlNode *n, const char *name)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST name))
			return c;
	return NULL;
}

/* One CSV field: quoted when it holds a comma, quote or line break. */
static void
S_csv_field(struct buf *b, const char *s, int last)
{
	if (strpbrk(s, ",\"\r\n")) {
		buf_putc(b, '"');
		for (; *s; s++) {
			if (*s == '"')
				buf_putc(b, '"');
			buf_putc(b, *s);
		}
		buf_putc(b, '"');
	} else
		buf_puts(b, s);
	buf_puts(b, last ? "\r\n" : ",");
}

static char *
S_trim_text(const xmlNode *n)
{
	xmlChar *c = n ? xmlNodeGetContent(n) : NULL;
	struct buf b;
	int space = 0;

	buf_init(&b);
	for (const char *p = c ? (const char *)c : ""; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_putc(&b, ' ');
		space = 0;
		buf_putc(&b, *p);
	}
	xmlFree(c);
	return buf_detach(&b);
}

/* Names of a list's items joined by 、: members/member/name, areas/area. */
static char *
S_join(const xmlNode *list, const char *child)
{
	struct buf b;
	buf_init(&b);
	for (xmlNode *c = list ? list->children : NULL; c; c = c->next) {
		char *t;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		t = S_trim_text(child ? S_child(c, child) : c);
		if (b.len)
			buf_puts(&b, "、");
		buf_puts(&b, t);
		free(t);
	}
	return buf_detach(&b);
}

static int
S_cmp_id(const void *a, const void *b)
{
	xmlChar *x = xmlGetProp(*(xmlNode *const *)a, BAD_CAST "id");
	xmlChar *y = xmlGetProp(*(xmlNode *const *)b, BAD_CAST "id");
	int r = xmlStrcmp(x, y);
	xmlFree(x);
	xmlFree(y);
	return r;
}

char *
publish_csv(xmlDocPtr roster, const char *year, size_t *len)
{
	struct buf b;
	xmlNode **ws = NULL;
	size_t n = 0, cap = 0;

	buf_init(&b);
	buf_puts(&b, "\xEF\xBB\xBF");	/* BOM: Excel and WPS read UTF-8 */
	buf_puts(&b, "序号,工作坊编号,工作坊名称,主理人,所在单位,成员,辅导方向\r\n");
	for (xmlNode *w = xmlDocGetRootElement(roster)->children; w; w = w->next) {
		xmlChar *y, *state;
		int keep;
		if (w->type != XML_ELEMENT_NODE || !xmlStrEqual(w->name, BAD_CAST "workshop"))
			continue;
		y = xmlGetProp(w, BAD_CAST "year");
		state = S_child(w, "status") ? xmlGetProp(S_child(w, "status"), BAD_CAST "state") : NULL;
		keep = y && xmlStrEqual(y, BAD_CAST year) &&
		    !(state && xmlStrEqual(state, BAD_CAST "已撤销"));
		xmlFree(y);
		xmlFree(state);
		if (!keep)
			continue;
		if (n == cap)
			ws = xreallocarray(ws, cap = cap ? cap * 2 : 64, sizeof *ws);
		ws[n++] = w;
	}
	qsort(ws, n, sizeof *ws, S_cmp_id);
	for (size_t i = 0; i < n; i++) {
		xmlChar *id = xmlGetProp(ws[i], BAD_CAST "id");
		xmlNode *leader = S_child(ws[i], "leader");
		char num[32], *f[5];
		snprintf(num, sizeof num, "%zu", i + 1);
		S_csv_field(&b, num, 0);
		S_csv_field(&b, id ? (char *)id : "", 0);
		f[0] = S_trim_text(S_child(ws[i], "name"));
		f[1] = S_trim_text(S_child(leader, "name"));
		f[2] = S_trim_text(S_child(leader, "unit"));
		f[3] = S_join(S_child(ws[i], "members"), "name");
		f[4] = S_join(S_child(ws[i], "areas"), NULL);
		for (int k = 0; k < 5; k++) {
			S_csv_field(&b, f[k], k == 4);
			free(f[k]);
		}
		xmlFree(id);
	}
	free(ws);
	*len = b.len;
	return buf_detach(&b);
}

static int
S_write(const char *path, const void *data, size_t len)
{
	if (file_write_atomic(path, data, len) == 0)
		return 0;
	diag(F_IO_WRITE, path, 0, 0, path, errno_text(errno));
	return -1;
}

int
cmd_publish(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "roster", required_argument, NULL, 'r' },
		{ "html", required_argument, NULL, 'H' },
		{ "csv", required_argument, NULL, 'c' },
		{ "year", required_argument, NULL, 'y' },
		{ "date", required_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *rpath = NULL, *pdf = NULL, *html = NULL, *csv = NULL;
	char *year = NULL, *date = NULL, *qyear, *qdate;
	const char *params[7];
	struct roster *r;
	xmlDocPtr doc;
	int c, rc = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'r': rpath = optarg; break;
		case 'o': pdf = optarg; break;
		case 'H': html = optarg; break;
		case 'c': csv = optarg; break;
		case 'y': free(year); year = xstrdup(optarg); break;
		case 'D': free(date); date = xstrdup(optarg); break;
		case 'h': cli_usage(S_synopsis, S_options, 1); return 0;
		default: cli_usage(S_synopsis, S_options, 0); return 2;
		}
	}
	if (rpath == NULL || optind < argc) {
		cli_usage(S_synopsis, S_options, 0);
		return 2;
	}
	if (date && !roster_date_ok(date)) {
		diag(E_PUB_DATE, NULL, 0, 0, date);
		return 2;
	}
	if ((r = roster_open(rpath, 0)) == NULL)
		return diag_exit_status() ? diag_exit_status() : 3;
	doc = r->doc;
	if (year == NULL)
		year = S_latest_year(doc);
	if (date == NULL)
		date = roster_today();
	if (!pdf && !html && !csv)
		csv = "-";
	qyear = xasprintf("'%s'", year);
	qdate = xasprintf("'%s'", date);
	params[0] = "year"; params[1] = qyear;
	params[2] = "date"; params[3] = qdate;
	params[4] = NULL;

	if (csv) {
		size_t len;
		char *text = publish_csv(doc, year, &len);
		if (S_write(csv, text, len) != 0)
			rc = 3;
		free(text);
	}
	if (html && rc == 0) {
		xmlDocPtr out = xslt_apply("list-html.xsl", doc, params);
		xmlChar *mem = NULL;
		int len = 0;
		if (out == NULL)
			rc = 1;
		else if (htmlDocDumpMemoryFormat(out, &mem, &len, 1), mem == NULL ||
		    S_write(html, mem, (size_t)len) != 0)
			rc = 3;
		xmlFree(mem);
		xmlFreeDoc(out);
	}
	if (pdf && rc == 0) {
		xmlDocPtr fodoc = xslt_apply("list.xsl", doc, params);
		struct fo_tree *tree;
		struct area_doc *area = NULL;
		/* The roster's tree is not needed past the stylesheet: freed
		 * before layout, it is not held beside the area tree (a third
		 * of the peak heap for a long list). */
		roster_close(r);
		r = NULL;
		tree = fodoc ? fo_from_doc(fodoc) : NULL;
		xmlFreeDoc(fodoc);
		if (tree && fonts_init() == 0 && (area = lay_document(tree, NULL)) != NULL) {
			char *title = xasprintf("关于公布%s年度杭州师范大学辅导员工作坊名单的通知", year);
			area->title = area_strdup(area, title, strlen(title));
			area->author = "党委学生工作部";
			area->creator = "wsdoc " WSDOC_VERSION;
			free(title);
			if (pdf_write(area, pdf) != 0)
				rc = 3;
		} else
			rc = diag_exit_status() ? diag_exit_status() : 3;
		area_doc_free(area);
		fo_tree_free(tree);
	}
	free(qyear);
	free(qdate);
	free(year);
	free(date);
	if (r)
		roster_close(r);
	xslt_shutdown();
	return rc ? rc : diag_exit_status();
}
