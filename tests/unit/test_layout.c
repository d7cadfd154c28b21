/* test_layout.c — the layout engine's invariants, checked over many texts
 * and widths: no character lost or added, no line wider than its area,
 * the Chinese line-breaking rules at every line start and end, justified
 * lines exactly as wide as their area, pages that hold what they say. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/tree.h>

#include "diag/diag.h"
#include "fo/fo.h"
#include "font/font.h"
#include "input/input.h"
#include "layout/area.h"
#include "layout/layout.h"
#include "text/linebreak.h"
#include "util/util.h"
#include "xslt/xslt.h"

static void
S_quiet(const struct diag_msg *m, void *arg)
{
	(void)m;
	(void)arg;
}

static struct area_doc *
S_lay(const char *flow, double pagew, double pageh)
{
	char *fo = xasprintf("<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format'>"
	    "<fo:layout-master-set><fo:simple-page-master master-name='p'"
	    " page-width='%gpt' page-height='%gpt' margin='10pt'>"
	    "<fo:region-body/></fo:simple-page-master></fo:layout-master-set>"
	    "<fo:page-sequence master-reference='p'><fo:flow flow-name='xsl-region-body'"
	    " font-family='宋体' font-size='10pt' line-height='14pt'>%s"
	    "</fo:flow></fo:page-sequence></fo:root>", pagew, pageh, flow);
	struct fo_tree *t = fo_parse_memory(fo, strlen(fo), "test.fo");
	struct area_doc *doc;

	free(fo);
	assert_non_null(t);
	doc = lay_document(t, NULL);
	fo_tree_free(t);
	assert_non_null(doc);
	return doc;
}

/* Text of the document with spaces removed, lines separated by \n. */
static char *
S_text(const struct area_doc *doc)
{
	struct buf b;

	buf_init(&b);
	for (size_t p = 0; p < doc->npages; p++)
		for (size_t i = 0; i < doc->pages[p].nitems; i++) {
			const struct area_item *it = &doc->pages[p].items[i];
			if (it->kind == AREA_LINEBOX && b.len > 0)
				buf_putc(&b, '\n');
			if (it->kind != AREA_TEXT)
				continue;
			for (size_t k = 0; k < it->u.text.len; k++)
				if (it->u.text.utf8[k] != ' ')
					buf_putc(&b, it->u.text.utf8[k]);
		}
	return buf_detach(&b);
}

static char *
S_strip(const char *s, int keep_nl)
{
	struct buf b;

	buf_init(&b);
	for (; *s; s++)
		if (*s != ' ' && (keep_nl || *s != '\n'))
			buf_putc(&b, *s);
	return buf_detach(&b);
}

static size_t
S_nchars(const char *s, size_t len)
{
	char *t = xstrndup(s, len);
	size_t n = utf8_count(t);
	free(t);
	return n;
}

static int
S_starts_with_any(const char *line, const char *const *set)
{
	for (; *set; set++)
		if (strncmp(line, *set, strlen(*set)) == 0)
			return 1;
	return 0;
}

static int
S_ends_with_any(const char *line, size_t len, const char *const *set)
{
	for (; *set; set++) {
		size_t n = strlen(*set);
		if (len >= n && memcmp(line + len - n, *set, n) == 0)
			return 1;
	}
	return 0;
}

static const char *const S_texts[] = {
	"辅导员工作坊是以辅导员为主体，围绕学生思想政治教育、心理健康教育、职业生涯规划等方面开展研究与实践的团队。",
	"工作坊实行主理人负责制（主理人应具有中级及以上职称），能够带领成员开展工作；每年评估一次！是否通过？",
	"“优秀通过”“通过”“暂缓通过”和“撤销”四个等级——由学工部认定……结果《公布》于网上。",
	"用 LaTeX 和 XSL-FO 排版的表格，2026 年共有 12 个工作坊；网址 https://www.hznu.edu.cn/ 可查。",
	"Pneumonoultramicroscopicsilicovolcanoconiosis 是一个很长的英文单词，1234567890123456789012345678901234567890 是很长的数。",
	NULL
};

static const char *const S_no_start[] = { "，", "。", "、", "；", "：", "？",
	"！", "）", "》", "」", "』", "”", "’", "…", "—", NULL };
static const char *const S_no_end[] = { "（", "《", "「", "『", "“", "‘", NULL };

/* Every text at every width from 3 to 40 ideographs: all characters come
 * out once and in order, no line breaks a rule, none is too wide. */
static void
lines_keep_every_character_and_rule(void **state)
{
	(void)state;
	for (const char *const *t = S_texts; *t; t++) {
		for (int chars = 3; chars <= 40; chars++) {
			double w = chars * 10.0;
			char *flow = xasprintf("<fo:block-container width='%gpt'>"
			    "<fo:block text-align='justify'>%s</fo:block></fo:block-container>",
			    w, *t);
			struct area_doc *doc = S_lay(flow, 500, 2000);
			char *got = S_text(doc), *flat = S_strip(got, 0), *want = S_strip(*t, 0);

			assert_string_equal(flat, want);
			/* Rules at line starts and ends (single-character lines
			 * are forced and exempt). */
			for (char *line = got; line && *line; ) {
				char *nl = strchr(line, '\n');
				size_t len = nl ? (size_t)(nl - line) : strlen(line);
				if (line != got && S_nchars(line, len) > 1 &&
				    S_starts_with_any(line, S_no_start) && chars >= 6) {
					fail_msg("width %d: line starts with a closing mark: %.*s",
					    chars, (int)len, line);
				}
				if (nl && chars >= 6 && S_ends_with_any(line, len, S_no_end))
					fail_msg("width %d: line ends with an opening mark: %.*s",
					    chars, (int)len, line);
				line = nl ? nl + 1 : NULL;
			}
			/* Widths: nothing past the right edge; justified lines
			 * (all but the last) exactly as wide as the area. */
			const struct area_page *pg = &doc->pages[0];
			const struct area_item *lastline = NULL;
			int nlines = 0, nfull = 0;
			for (size_t i = 0; i < pg->nitems; i++) {
				const struct area_item *it = &pg->items[i];
				if (it->kind == AREA_TEXT && it->x + it->w > 10 + w + 0.01 &&
				    utf8_count(it->u.text.utf8) > 1)
					fail_msg("width %d: \"%s\" ends at %.2f > %.2f", chars,
					    it->u.text.utf8, it->x + it->w, 10 + w);
				if (it->kind == AREA_LINEBOX) {
					nlines++;
					lastline = it;
					if (it->w > w - 0.01 && it->w < w + 0.01)
						nfull++;
				}
			}
			assert_non_null(lastline);
			/* Every line but the last is justified to the full width,
			 * unless a single unbreakable piece is wider, or its
			 * gaps would have to grow by more than half an em
			 * (5 pt here): such a line is set ragged (issue 16). */
			int single = 0, loose = 0, k = 0;
			for (char *line = got; line && *line; ) {
				char *nl = strchr(line, '\n');
				size_t len = nl ? (size_t)(nl - line) : strlen(line);
				size_t nc = S_nchars(line, len);
				single += nc == 1;
				/* the line's box: the k-th AREA_LINEBOX */
				for (size_t i = 0, m = 0; i < pg->nitems; i++)
					if (pg->items[i].kind == AREA_LINEBOX && m++ == (size_t)k) {
						if (nc > 1 && pg->items[i].w + 5.0 * (double)(nc - 1) <
						    w - 0.01)
							loose++;
						break;
					}
				k++;
				line = nl ? nl + 1 : NULL;
			}
			if (nfull < nlines - 1 - single - loose && t - S_texts < 3)
				fail_msg("width %d: %d of %d lines justified:\n%s", chars,
				    nfull, nlines, got);
			free(got);
			free(flat);
			free(want);
			free(flow);
			area_doc_free(doc);
		}
	}
}

/* Text goes down the page and onto more pages: every page's content
 * lies inside its region-body, and the text is complete. */
static void
pages_hold_their_content(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	for (int i = 0; i < 60; i++)
		buf_printf(&b, "<fo:block space-after='3pt'>第%d段：%s</fo:block>", i,
		    S_texts[i % 5]);
	struct area_doc *doc = S_lay(b.data, 300, 300);
	assert_true(doc->npages > 3);
	for (size_t p = 0; p < doc->npages; p++) {
		const struct area_page *pg = &doc->pages[p];
		assert_int_equal(pg->number, (int)p + 1);
		for (size_t i = 0; i < pg->nitems; i++) {
			const struct area_item *it = &pg->items[i];
			if (it->kind == AREA_LINEBOX)
				assert_true(it->y >= 10 - 0.01 && it->y + it->h <= 290 + 0.01);
		}
	}
	char *got = S_text(doc), *flat = S_strip(got, 0);
	assert_non_null(strstr(flat, "第59段"));
	assert_non_null(strstr(flat, "第0段"));
	free(got);
	free(flat);
	area_doc_free(doc);
	buf_free(&b);
}

/* 第 N 页 共 M 页: a citation of the last block, forward, resolved. */
static void
citations_resolve_forward(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_puts(&b, "<fo:block>共<fo:page-number-citation-last ref-id='end'/>页</fo:block>");
	for (int i = 0; i < 12; i++)
		buf_puts(&b, "<fo:block break-before='page'>页</fo:block>");
	buf_puts(&b, "<fo:block id='end'/>");
	struct area_doc *doc = S_lay(b.data, 200, 200);
	assert_int_equal(doc->npages, 13);
	char *got = S_text(doc);
	assert_true(strncmp(got, "共13页", strlen("共13页")) == 0);
	free(got);
	area_doc_free(doc);
	buf_free(&b);
}

/* A table of 10 000 rows: every row appears once, the header on every
 * page, in time linear enough for a unit test. */
static void
long_table_paginates(void **state)
{
	struct buf b;
	int rows = 10000;

	(void)state;
	buf_init(&b);
	buf_puts(&b, "<fo:table table-layout='fixed' width='100%'>"
	    "<fo:table-column column-width='30%'/><fo:table-column column-width='70%'/>"
	    "<fo:table-header><fo:table-row><fo:table-cell><fo:block>号</fo:block>"
	    "</fo:table-cell><fo:table-cell><fo:block>名</fo:block></fo:table-cell>"
	    "</fo:table-row></fo:table-header><fo:table-body>");
	for (int i = 0; i < rows; i++)
		buf_printf(&b, "<fo:table-row><fo:table-cell border='0.5pt solid'>"
		    "<fo:block>%d</fo:block></fo:table-cell><fo:table-cell "
		    "border='0.5pt solid'><fo:block>行</fo:block></fo:table-cell>"
		    "</fo:table-row>", i);
	buf_puts(&b, "</fo:table-body></fo:table>");
	struct area_doc *doc = S_lay(b.data, 300, 400);
	size_t headers = 0, rowsfound = 0;
	for (size_t p = 0; p < doc->npages; p++)
		for (size_t i = 0; i < doc->pages[p].nitems; i++) {
			const struct area_item *it = &doc->pages[p].items[i];
			if (it->kind != AREA_TEXT)
				continue;
			if (strcmp(it->u.text.utf8, "号") == 0)
				headers++;
			if (strcmp(it->u.text.utf8, "行") == 0)
				rowsfound++;
		}
	assert_int_equal(rowsfound, rows);
	assert_int_equal(headers, doc->npages);
	area_doc_free(doc);
	buf_free(&b);
}

/* The pages (indexes) whose text is num or holds the character c:
 * *lo..*hi, -1 if none. */
static void
S_pages_of(const struct area_doc *doc, const char *num, const char *c, int *lo,
    int *hi)
{
	*lo = *hi = -1;
	for (size_t p = 0; p < doc->npages; p++)
		for (size_t i = 0; i < doc->pages[p].nitems; i++) {
			const struct area_item *it = &doc->pages[p].items[i];
			if (it->kind != AREA_TEXT || it->u.text.utf8 == NULL)
				continue;
			if (!(it->u.text.len == strlen(num) &&
			    memcmp(it->u.text.utf8, num, it->u.text.len) == 0) &&
			    memmem(it->u.text.utf8, it->u.text.len, c, strlen(c)) == NULL)
				continue;
			if (*lo < 0)
				*lo = (int)p;
			*hi = (int)p;
		}
}

/* A table row's id is an anchor with the first and the last page the row
 * is on (publish finds by them which rows a slice's last page holds): a
 * row split across pages, even over three, has first < last; every
 * anchor is where the row's own text (its number, its name) is; an id
 * nobody has is NULL. */
static void
row_anchors_span_their_pages(void **state)
{
	static const struct { const char *id, *ch; int n; } rows[] = {
		{ "r1", "甲", 1 }, { "r2", "乙", 2 }, { "r3", "丙", 300 },
		{ "r4", "丁", 1 }, { "r5", "戊", 40 }, { "r6", "己", 1 },
		{ "r7", "庚", 150 }, { "r8", "辛", 1 },
	};
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_puts(&b, "<fo:table table-layout='fixed' width='100%'>"
	    "<fo:table-column column-width='40pt'/><fo:table-column column-width='140pt'/>"
	    "<fo:table-header><fo:table-row><fo:table-cell><fo:block>号</fo:block>"
	    "</fo:table-cell><fo:table-cell><fo:block>名</fo:block></fo:table-cell>"
	    "</fo:table-row></fo:table-header><fo:table-body>");
	for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
		buf_printf(&b, "<fo:table-row id='%s'><fo:table-cell border='0.5pt solid'>"
		    "<fo:block>%zu</fo:block></fo:table-cell><fo:table-cell "
		    "border='0.5pt solid'><fo:block>", rows[r].id, r + 1);
		for (int k = 0; k < rows[r].n; k++)
			buf_puts(&b, rows[r].ch);
		buf_puts(&b, "</fo:block></fo:table-cell></fo:table-row>");
	}
	buf_puts(&b, "</fo:table-body></fo:table><fo:block id='end'>完</fo:block>");
	struct area_doc *doc = S_lay(b.data, 200, 200);
	int split = 0, prev_last = 0;
	for (size_t r = 0; r < sizeof rows / sizeof *rows; r++) {
		const struct area_anchor *a = area_anchor(doc, rows[r].id);
		int lo, hi;
		char num[8];
		if (a == NULL)
			fail_msg("row %s has no anchor", rows[r].id);
		snprintf(num, sizeof num, "%zu", r + 1);
		S_pages_of(doc, num, rows[r].ch, &lo, &hi);
		if (a->first != lo || a->last != hi)
			fail_msg("row %s: anchor on pages %d..%d, its text on %d..%d",
			    rows[r].id, a->first, a->last, lo, hi);
		/* Rows follow each other down the pages. */
		assert_true(a->first >= prev_last && a->first <= a->last);
		prev_last = a->last;
		split += a->first < a->last;
	}
	/* At 13 to a line 丙 takes 24 lines and 庚 12, more than the 11 a
	 * page holds under the header: both rows are split. */
	const struct area_anchor *r3 = area_anchor(doc, "r3");
	assert_true(r3->last - r3->first >= 2);
	assert_true(split >= 2);
	const struct area_anchor *end = area_anchor(doc, "end");
	assert_non_null(end);
	assert_int_equal(end->first, (int)doc->npages - 1);
	assert_int_equal(end->last, end->first);
	assert_null(area_anchor(doc, "r9"));
	assert_null(area_anchor(doc, ""));
	area_doc_free(doc);
	buf_free(&b);
}

/* Where a full-width mark is inked in its em box (mainland convention):
 * an opening mark on the right half, a closing or pause/stop mark on the
 * left; -1 for a character that is no such mark. */
static double
S_ink_start(uint32_t c)
{
	switch (lb_punct(c)) {
	case LB_P_OPEN:	return 0.5;
	case LB_P_CLOSE:
	case LB_P_STOP:	return 0;
	default:	return -1;
	}
}

/* The 附件1 sample as wsdoc render sets it (the real stylesheet): between
 * two adjacent punctuation marks on a line no blank is wider than one em
 * (issue 16: 研究”（已结题），在 showed two ems and more).  Each glyph's
 * place is worked out from its run: x, the font's advances, char_space,
 * word_space and the run's dx. */
static void
sample_has_no_wide_gap_between_marks(void **state)
{
	(void)state;
	xmlDocPtr in = input_read("samples/2026/申报/01-教育学院-沈若溪.ini");
	assert_non_null(in);
	const char *params[] = { "draft", "0", NULL };
	xmlDocPtr out = xslt_apply("application.xsl", in, params);
	assert_non_null(out);
	xmlChar *mem = NULL;
	int len = 0;
	xmlDocDumpMemory(out, &mem, &len);
	struct fo_tree *t = fo_parse_memory((const char *)mem, (size_t)len, "附件1.fo");
	assert_non_null(t);
	struct area_doc *doc = lay_document(t, NULL);
	assert_non_null(doc);

	int pairs = 0;
	for (size_t p = 0; p < doc->npages; p++) {
		uint32_t prev = 0;
		double prev_x = 0, prev_y = -1, prev_em = 0;
		for (size_t i = 0; i < doc->pages[p].nitems; i++) {
			const struct area_item *it = &doc->pages[p].items[i];
			if (it->kind != AREA_TEXT)
				continue;
			const char *u = it->u.text.utf8;
			double x = it->x, em = it->u.text.size;
			size_t k = 0, n = 0;
			uint32_t cp;
			while (k < it->u.text.len &&
			    (len = (int)utf8_decode(u + k, it->u.text.len - k, &cp)) > 0) {
				k += (size_t)len;
				if (prev != 0 && it->y == prev_y &&
				    S_ink_start(prev) >= 0 && S_ink_start(cp) >= 0) {
					/* ink of prev ends half an em after its
					 * ink start; the blank runs to cp's ink */
					double gap = (x + S_ink_start(cp) * em) -
					    (prev_x + (S_ink_start(prev) + 0.5) * prev_em);
					pairs++;
					if (gap > prev_em + 0.01)
						fail_msg("page %zu: a blank of %.2f em between %s",
						    p + 1, gap / prev_em, it->u.text.utf8);
				}
				prev = cp;
				prev_x = x;
				prev_y = it->y;
				prev_em = em;
				x += font_advance(it->u.text.face, cp, em) +
				    it->u.text.char_space +
				    (cp == ' ' ? it->u.text.word_space : 0) +
				    (it->u.text.dx ? it->u.text.dx[n] : 0);
				n++;
			}
		}
	}
	/* ”（ ）， ，“ ”、 ”， ）； … : the sample has a few dozen */
	assert_true(pairs >= 10);
	area_doc_free(doc);
	fo_tree_free(t);
	xmlFree(mem);
	xmlFreeDoc(out);
	xmlFreeDoc(in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lines_keep_every_character_and_rule),
		cmocka_unit_test(pages_hold_their_content),
		cmocka_unit_test(citations_resolve_forward),
		cmocka_unit_test(long_table_paginates),
		cmocka_unit_test(row_anchors_span_their_pages),
		cmocka_unit_test(sample_has_no_wide_gap_between_marks),
	};

	diag_set_sink(S_quiet, NULL);
	if (fonts_init() != 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
