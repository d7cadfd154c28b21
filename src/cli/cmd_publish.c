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
#include "../rules/rules.h"
#include "../util/util.h"
#include "../xslt/xslt.h"
#include "cli.h"
#include "publish.h"

static const char S_synopsis[] =
    "publish --roster 名册 [-o 名单.pdf] [--html 名单.html] [--csv 名单.csv] [--year 年度] [--date 日期]\n"
    "                     [--current] [--empty]";
static const char S_options[] =
    "  --roster R   名册文件 roster.xml（只读）\n"
    "  -o F         通知 PDF\n"
    "  --html F     同一名单的网页（单个文件，手机可读，可打印）\n"
    "  --csv F      同一名单的 CSV（UTF-8 带 BOM，Excel、WPS 可直接打开）\n"
    "  --year Y     公布哪一年度立项的工作坊（默认最近一年）：该年度的立项通知按发布时\n"
    "               的样子重新生成——该年度登记的全部工作坊（其后撤销的也在内），\n"
    "               登记时的名称和主理人，原来的编号和个数\n"
    "  --date D     落款日期 YYYY-MM-DD（立项通知默认为该年度最后的登记日期；\n"
    "               在建名单默认今天，或 SOURCE_DATE_EPOCH）\n"
    "  --current    改为生成目前在建的工作坊名单（各年度立项、未撤销的，含暂缓通过的），\n"
    "               不是立项通知\n"
    "  --empty      名单为空时也生成（否则是错误 E-PUB-EMPTY，什么也不写）\n"
    "  未给出 -o、--html、--csv 时，把 CSV 写到标准输出。\n";

/* One CSV field: quoted when it holds a comma, quote or line break.  A
 * field that Excel or WPS would take for a formula (= + - @, or a tab or
 * carriage return before one) starts with an apostrophe, as OWASP
 * recommends for CSV injection: shown as text, never evaluated. */
static void
S_csv_field(struct buf *b, const char *s, int last)
{
	int formula = strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0';

	if (formula || strpbrk(s, ",\"\r\n")) {
		buf_putc(b, '"');
		if (formula)
			buf_putc(b, '\'');
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
		t = S_trim_text(child ? rules_child(c, child) : c);
		if (b.len)
			buf_puts(&b, "、");
		buf_puts(&b, t);
		free(t);
	}
	return buf_detach(&b);
}

/* Rows of one slice of the list, numbered from first. */
static void
S_csv_rows(struct buf *b, xmlDocPtr slice, size_t first)
{
	size_t i = first;

	for (xmlNode *w = xmlDocGetRootElement(slice)->children; w; w = w->next) {
		if (w->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *id = xmlGetProp(w, BAD_CAST "id");
		xmlNode *leader = rules_child(w, "leader");
		char num[32], *f[5];
		snprintf(num, sizeof num, "%zu", i++);
		S_csv_field(b, num, 0);
		S_csv_field(b, id ? (char *)id : "", 0);
		f[0] = S_trim_text(rules_child(w, "name"));
		f[1] = S_trim_text(rules_child(leader, "name"));
		f[2] = S_trim_text(rules_child(leader, "unit"));
		f[3] = S_join(rules_child(w, "members"), "name");
		f[4] = S_join(rules_child(w, "areas"), NULL);
		for (int k = 0; k < 5; k++) {
			S_csv_field(b, f[k], k == 4);
			free(f[k]);
		}
		xmlFree(id);
	}
}

char *
publish_csv(const struct roster_list *list, size_t *len)
{
	struct buf b;
	size_t n = roster_list_count(list);

	buf_init(&b);
	buf_puts(&b, "\xEF\xBB\xBF");	/* BOM: Excel and WPS read UTF-8 */
	buf_puts(&b, "序号,工作坊编号,工作坊名称,主理人,所在单位,成员,辅导方向\r\n");
	for (size_t i = 0; i < n; i += PUBLISH_SLICE) {
		xmlDocPtr slice = roster_list_doc(list, i, PUBLISH_SLICE);
		S_csv_rows(&b, slice, i + 1);
		xmlFreeDoc(slice);
	}
	*len = b.len;
	return buf_detach(&b);
}

static int
S_write(const char *path, const void *data, size_t len)
{
	if (file_write_atomic(path, data, len) == 0)
		return 0;
	diag(F_IO_WRITE, path, 0, 0, path, errno_text_write(errno));
	return -1;
}

/* Bytes from the HTML serializer, appended to the page's text. */
static int
S_buf_write(void *ctx, const char *data, int len)
{
	buf_append(ctx, data, (size_t)len);
	return len;
}

/* An HTML writer appending to b, in UTF-8 as the page's <meta charset>
 * says (libxml2 2.9 reads no encoding from an HTML5 meta and would write
 * every hanzi as &#20851;: a page three times its size). */
static xmlOutputBufferPtr
S_html_out(struct buf *b)
{
	return xmlOutputBufferCreateIO(S_buf_write, NULL, b,
	    xmlFindCharEncodingHandler("UTF-8"));
}

/* A stylesheet applied to workshops [from, from + n) of the list, with
 * the run's params, the first row's 序号 (first) and the slice's own
 * name/value pairs (more, NULL-terminated).  NULL after diagnostics. */
static xmlDocPtr
S_slice_apply(const char *sheet, const struct roster_list *list,
    const char **params, size_t from, size_t n, const char **more)
{
	const char *p[24];
	char first[32];
	size_t k = 0;
	xmlDocPtr slice, out;

	for (size_t i = 0; params[i] && k < 16; i++)
		p[k++] = params[i];
	snprintf(first, sizeof first, "%zu", from + 1);
	p[k++] = "first";
	p[k++] = first;
	for (size_t i = 0; more[i] && k < 22; i++)
		p[k++] = more[i];
	p[k] = NULL;
	slice = roster_list_doc(list, from, n);
	out = xslt_apply(sheet, slice, p);
	xmlFreeDoc(slice);
	return out;
}

/* list-html.xsl for part 'frame' or 'rows'. */
static xmlDocPtr
S_html_part(const struct roster_list *list, const char **params,
    const char *part, size_t from, size_t n)
{
	const char *more[] = { "part", part, NULL };

	return S_slice_apply("list-html.xsl", list, params, from, n, more);
}

/* The web page of the list, made a slice of PUBLISH_SLICE workshops at a
 * time so that memory does not grow with the list: the page with a
 * marker where the rows go (part 'frame'), serialized and cut at the
 * marker, then each slice's rows (part 'rows') serialized in between.
 * The text is what htmlDocContentDumpFormatOutput gives for the page
 * holding every row: the same serializer with the same encoder
 * (S_html_out).  It puts the rows of a tbody of two
 * or more one a line; a slice's last row has no next sibling and gets
 * no line break from it, so those are written here.  The file is written
 * whole or not at all. */
int
publish_html(const struct roster_list *list, const char **params,
    const char *path)
{
	static const char mark[] = "<!--wsdoc:rows-->";
	size_t n = roster_list_count(list);
	xmlDocPtr frame = S_html_part(list, params, "'frame'", 0, 0);
	xmlOutputBufferPtr ob;
	const char *cut;
	struct buf page, b;
	int rc = 0;

	if (frame == NULL)
		return diag_exit_status() ? diag_exit_status() : 3;
	buf_init(&page);
	buf_init(&b);
	if ((ob = S_html_out(&page)) == NULL)
		rc = 3;
	else {
		htmlDocContentDumpFormatOutput(ob, frame, "UTF-8", 1);
		if (xmlOutputBufferClose(ob) < 0)
			rc = 3;
	}
	xmlFreeDoc(frame);
	if (rc != 0 || page.data == NULL) {
		buf_free(&page);
		return 3;
	}
	if (n == 0) {	/* the frame says 本年度暂无工作坊 */
		rc = S_write(path, page.data, page.len) == 0 ? 0 : 3;
		buf_free(&page);
		return rc;
	}
	if ((cut = strstr(page.data, mark)) == NULL) {
		diag(E_XSLT_FAIL, NULL, 0, 0, "list-html.xsl",
		    "网页框架中没有 <!--wsdoc:rows--> 标记");
		buf_free(&page);
		return diag_exit_status();
	}
	buf_append(&b, page.data, (size_t)(cut - page.data));
	if ((ob = S_html_out(&b)) == NULL)
		rc = 3;
	for (size_t i = 0; i < n && rc == 0; i += PUBLISH_SLICE) {
		xmlDocPtr rows = S_html_part(list, params, "'rows'", i,
		    PUBLISH_SLICE);
		xmlNode *root, *tr;

		if (rows == NULL) {
			rc = diag_exit_status() ? diag_exit_status() : 3;
			break;
		}
		if (n > 1)
			xmlOutputBufferWriteString(ob, "\n");
		root = xmlDocGetRootElement(rows);
		for (tr = root ? root->children : NULL; tr; tr = tr->next)
			htmlNodeDumpFormatOutput(ob, rows, tr, NULL, 1);
		xmlFreeDoc(rows);
		if (xmlOutputBufferFlush(ob) < 0)
			rc = 3;
	}
	if (ob != NULL && xmlOutputBufferClose(ob) < 0 && rc == 0)
		rc = 3;
	if (rc == 0) {
		if (n > 1)
			buf_putc(&b, '\n');
		buf_puts(&b, cut + strlen(mark));
		if (S_write(path, b.data, b.len) != 0)
			rc = 3;
	}
	buf_free(&b);
	buf_free(&page);
	return rc;
}

/* One slice of the notice laid out: rows [from, to) of the list, the
 * title and text when head, the office and date when tail, page numbers
 * from page.  NULL after diagnostics. */
static struct area_doc *
S_pdf_slice(const struct roster_list *list, const char **params, size_t from,
    size_t to, size_t page, int head, int tail, struct lay_columns *cols)
{
	char pg[32];
	const char *more[] = { "page", pg, "head", head ? "1" : "0",
	    "tail", tail ? "1" : "0", NULL };
	xmlDocPtr fodoc;
	struct fo_tree *tree = NULL;
	struct area_doc *area = NULL;

	snprintf(pg, sizeof pg, "%zu", page);
	fodoc = S_slice_apply("list.xsl", list, params, from, to - from, more);
	if (fodoc != NULL) {
		/* Layout messages (a character no font has …) name the
		 * roster the text came from. */
		xmlFree((xmlChar *)fodoc->URL);
		fodoc->URL = xmlStrdup(BAD_CAST roster_list_path(list));
		tree = fo_from_doc(fodoc);
	}
	xmlFreeDoc(fodoc);
	if (tree != NULL) {
		struct lay_options lo = { NULL, 0, 1, cols };	/* no dump boxes */
		area = lay_document(tree, &lo);
	}
	fo_tree_free(tree);
	return area;
}

/* Where a laid-out slice of rows [next, end) is cut: the rows from the
 * first one on its last page are carried to the next slice; if that row
 * began on an earlier page, from the first row on that page, and so on.
 * Returns the first row carried (end: none) and sets *emit to the pages
 * that are final. */
static size_t
S_carry(const struct area_doc *area, size_t next, size_t end, size_t *emit)
{
	size_t P = area->npages - 1, i;

	for (;;) {
		const struct area_anchor *a = NULL;
		for (i = next; i < end; i++) {
			char id[32];
			snprintf(id, sizeof id, "row-%zu", i + 1);
			if ((a = area_anchor(area, id)) != NULL && a->last >= (int)P)
				break;
		}
		if (i == end || a->first >= (int)P)
			break;
		P = (size_t)a->first;
	}
	*emit = P;
	return i;
}

/* The notice as PDF, laid out a slice of PUBLISH_SLICE workshops at a time
 * and written page by page, so that memory stays flat however long the
 * list.  A slice's last page is laid out again at the top of the next
 * slice (its rows carried over), so the pages are those of the whole
 * list laid out at once: the table continues, with its header, on every
 * page. */
int
publish_pdf(const struct roster_list *list, const char **params,
    const char *year, const char *path)
{
	size_t n = roster_list_count(list), next = 0, pages = 0, take = PUBLISH_SLICE;
	struct pdf_out *out;
	struct area_doc *info;
	struct lay_columns *cols;
	int rc = 0, head = 1;

	if (fonts_init() != 0)
		return diag_exit_status() ? diag_exit_status() : 3;
	if ((out = pdf_out_new()) == NULL)
		return 3;
	/* Rows carried to the next slice are laid out twice: their
	 * warnings are shown once. */
	diag_set_once(1);
	/* The table's columns are sized to its content (list.xsl): every
	 * slice is laid out once first, so that each gets the columns of the
	 * whole list. */
	cols = lay_columns_new();
	for (size_t from = 0; from < n || from == 0; from += PUBLISH_SLICE) {
		size_t to = n - from < PUBLISH_SLICE ? n : from + PUBLISH_SLICE;
		struct area_doc *area = S_pdf_slice(list, params, from, to, 1,
		    from == 0, to == n, cols);
		if (area == NULL) {
			rc = diag_exit_status() ? diag_exit_status() : 3;
			break;
		}
		area_doc_free(area);
		if (to == n)
			break;
	}
	for (; rc == 0;) {
		size_t end = n - next < take ? n : next + take;
		int tail = end == n;
		struct area_doc *area = S_pdf_slice(list, params, next, end,
		    pages + 1, head, tail, cols);
		size_t emit, carry = end;

		if (area == NULL) {
			rc = diag_exit_status() ? diag_exit_status() : 3;
			break;
		}
		emit = area->npages;
		if (!tail) {
			carry = S_carry(area, next, end, &emit);
			if (carry == next || emit == 0) {
				/* No whole page in the slice: take more rows. */
				area_doc_free(area);
				take *= 2;
				continue;
			}
		}
		if (pdf_out_pages(out, area, 0, emit) != 0)
			rc = 3;
		area_doc_free(area);
		pages += emit;
		next = carry;
		head = 0;
		take = PUBLISH_SLICE;
		if (tail || rc)
			break;
	}
	if (rc == 0) {
		int current = 0;
		for (size_t i = 0; params[i] && params[i + 1]; i += 2)
			current |= strcmp(params[i], "mode") == 0 &&
			    strcmp(params[i + 1], "'current'") == 0;
		char *title = current ? xstrdup("杭州师范大学在建辅导员工作坊名单") :
		    xasprintf("关于公布%s年度杭州师范大学辅导员工作坊名单的通知", year);
		info = area_doc_new();
		info->title = area_strdup(info, title, strlen(title));
		info->author = "党委学生工作部";
		info->creator = "wsdoc " WSDOC_VERSION;
		free(title);
		if (pdf_out_finish(out, info, path) != 0)
			rc = 3;
		area_doc_free(info);
	}
	diag_set_once(0);
	lay_columns_free(cols);
	pdf_out_free(out);
	return rc;
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
		{ "current", no_argument, NULL, 'C' },
		{ "empty", no_argument, NULL, 'E' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	/* Options point into argv: an early return leaves nothing behind. */
	const char *rpath = NULL, *pdf = NULL, *html = NULL, *csv = NULL;
	const char *year = NULL, *date = NULL;
	char *today = NULL, *qyear, *qdate, *qcount;
	const char *params[11];
	struct roster_list *list;
	int c, rc = 0, current = 0, empty = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'r': rpath = optarg; break;
		case 'o': pdf = optarg; break;
		case 'H': html = optarg; break;
		case 'c': csv = optarg; break;
		case 'y': year = optarg; break;
		case 'D': date = optarg; break;
		case 'C': current = 1; break;
		case 'E': empty = 1; break;
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
	if (year && !(strlen(year) == 4 && strspn(year, "0123456789") == 4)) {
		diag(E_PUB_YEAR, NULL, 0, 0, year);
		return 2;
	}
	if ((list = roster_list_read_mode(rpath, year, current ?
	    ROSTER_LIST_CURRENT : ROSTER_LIST_ADMITTED)) == NULL)
		return diag_exit_status() ? diag_exit_status() : 3;
	year = roster_list_year(list);
	/* An empty notice is never made unasked (第五条第5款 公布 what was
	 * approved: a year with none has nothing to publish). */
	if (roster_list_count(list) == 0) {
		if (!empty) {
			diag(E_PUB_EMPTY, rpath, 0, 0, *year ? year : "任何",
			    current ? "在建" : "立项");
			roster_list_free(list);
			return 1;
		}
		diag(N_PUB_EMPTY, rpath, 0, 0, *year ? year : "任何");
	}
	/* The notice of a year is dated as it was issued: its last
	 * admission; the list of those under construction, today. */
	if (date == NULL && !current && *roster_list_date(list))
		date = roster_list_date(list);
	if (date == NULL)
		date = today = roster_today();
	if (!pdf && !html && !csv)
		csv = "-";
	qyear = xasprintf("'%s'", year);
	qdate = xasprintf("'%s'", date);
	qcount = xasprintf("%zu", roster_list_count(list));
	params[0] = "year"; params[1] = qyear;
	params[2] = "date"; params[3] = qdate;
	params[4] = "count"; params[5] = qcount;
	params[6] = "mode"; params[7] = current ? "'current'" : "'admitted'";
	params[8] = NULL;

	/* The CSV, the web page and the PDF: each written to a temporary
	 * file, all renamed only when all are whole. */
	out_begin();
	if (csv) {
		size_t len;
		char *text = publish_csv(list, &len);
		if (S_write(csv, text, len) != 0)
			rc = 3;
		free(text);
	}
	if (html && rc == 0)
		rc = publish_html(list, params, html);
	if (pdf && rc == 0)
		rc = publish_pdf(list, params, year, pdf);
	if (rc == 0 && diag_exit_status() != 3) {
		if (out_commit() == -1) {
			diag(F_IO_WRITE, NULL, 0, 0, pdf ? pdf : html ? html : csv,
			    errno_text_write(errno));
			rc = 3;
		}
	} else
		out_abort();
	roster_list_free(list);
	free(qyear);
	free(qdate);
	free(today);
	free(qcount);
	xslt_shutdown();
	return rc ? rc : diag_exit_status();
}
