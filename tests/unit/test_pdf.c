/* test_pdf.c — the PDF writer on hand-built area trees, checked with the
 * tools a user would use: pdftotext, pdffonts, qpdf, pdftoppm. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "unit.h"
#include <png.h>

#include "diag/diag.h"
#include "font/font.h"
#include "layout/area.h"
#include "pdf/pdf.h"
#include "util/util.h"

static char S_dir[256];
static int S_have_tools;

/* Add text in a role, split into runs by the face that has each
 * character (as the layout does); returns the advance. */
static double
S_text(struct area_doc *doc, struct area_page *pg, const char *role, int weight,
    double x, double y, double size, const char *s)
{
	const struct font_set *set = font_set_get(role, weight, 0);
	size_t n = strlen(s), i = 0;
	double x0 = x;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp), j = i + k;
		const struct font_face *f = font_set_face_for(set, cp);
		if (f == NULL)
			f = font_set_primary(set);
		double w = font_advance(f, cp, size);
		while (j < n) {
			uint32_t cp2;
			size_t k2 = utf8_decode(s + j, n - j, &cp2);
			const struct font_face *f2 = font_set_face_for(set, cp2);
			if ((f2 ? f2 : font_set_primary(set)) != f)
				break;
			w += font_advance(f, cp2, size);
			j += k2;
		}
		struct area_item *it = area_item_add(pg, AREA_TEXT);
		it->x = x;
		it->y = y;
		it->w = w;
		it->u.text.face = f;
		it->u.text.size = size;
		it->u.text.utf8 = area_strdup(doc, s + i, j - i);
		it->u.text.len = j - i;
		it->u.text.fake_bold = font_set_fake_bold(set);
		x += w;
		i = j;
	}
	return x - x0;
}

static void
S_rule(struct area_page *pg, double x, double y, double x2, double y2,
    double t, enum area_rule_style st)
{
	struct area_item *it = area_item_add(pg, AREA_RULE);
	it->x = x;
	it->y = y;
	it->u.rule.x2 = x2;
	it->u.rule.y2 = y2;
	it->u.rule.thickness = t;
	it->u.rule.style = st;
}

/* A three-page form: title, labelled cells, body text, rules. */
static struct area_doc *
S_form(const char *watermark)
{
	struct area_doc *doc = area_doc_new();

	doc->title = "辅导员工作坊主理人申报表";
	doc->author = "张三";
	doc->subject = "附件1";
	doc->keywords = "工作坊, 申报";
	doc->watermark = watermark;
	for (int p = 0; p < 3; p++) {
		struct area_page *pg = area_page_add(doc, 595.28, 841.89);
		double y = 90;
		pg->number = p + 1;
		if (p == 0) {
			S_text(doc, pg, "黑体", 400, 150, 80, 18, "杭州师范大学辅导员工作坊主理人申报表");
			area_bookmark_add(doc, "申报表", 0, 60, 0);
			y = 120;
		} else {
			char t[64];
			snprintf(t, sizeof t, "第%d部分", p + 1);
			area_bookmark_add(doc, t, p, 70, 1);
		}
		S_rule(pg, 57, y, 538, y, 1, RULE_SOLID);
		for (int r = 0; r < 20; r++) {
			double ly = y + 24 + r * 30;
			S_text(doc, pg, "黑体", 400, 62, ly, 14, "建设方案");
			S_text(doc, pg, "宋体", 400, 150, ly, 12,
			    "围绕学生领导力培养，开展“朋辈互助”活动；每学期不少于4次（含线上）。");
			S_rule(pg, 57, ly + 8, 538, ly + 8, 0.5,
			    r % 4 == 1 ? RULE_DASHED : r % 4 == 2 ? RULE_DOTTED :
			    r % 4 == 3 ? RULE_DOUBLE : RULE_SOLID);
		}
		S_text(doc, pg, "楷体", 400, 250, 800, 12, "— 楷体页脚 —");
	}
	return doc;
}

static int
S_setup(void **state)
{
	(void)state;
	if (fonts_init() != 0)
		return -1;
	if (unit_tmpdir(S_dir, sizeof S_dir, "pdf") == -1)
		return -1;
	S_have_tools = system("command -v pdftotext >/dev/null && "
	    "command -v qpdf >/dev/null && command -v pdftoppm >/dev/null && "
	    "command -v pdffonts >/dev/null") == 0;
	return 0;
}

static int
S_teardown(void **state)
{
	(void)state;
	unit_rmdir(S_dir);
	fonts_shutdown();
	return 0;
}

/* Run a shell command; its standard output (and error if err) in a new
 * string. */
static char *
S_run(const char *cmd, int *status)
{
	struct buf b;
	char chunk[4096];
	size_t n;
	FILE *p = popen(cmd, "r");

	buf_init(&b);
	assert_non_null(p);
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		buf_append(&b, chunk, n);
	int st = pclose(p);
	if (status)
		*status = st;
	return buf_detach(&b);
}

static char *
S_write(struct area_doc *doc, const char *name)
{
	char *path = xasprintf("%s/%s", S_dir, name);
	assert_int_equal(pdf_write(doc, path), 0);
	return path;
}

static void
writes_a_valid_small_pdf(void **state)
{
	(void)state;
	struct area_doc *doc = S_form(NULL);
	size_t len;
	unsigned char *data = pdf_render(doc, &len);

	assert_non_null(data);
	assert_memory_equal(data, "%PDF-", 5);
	/* Goal: a 3-page Chinese form in at most 30 KB. */
	assert_true(len < 30 * 1024);
	free(data);
	if (!S_have_tools) {
		area_doc_free(doc);
		skip();
	}
	char *path = S_write(doc, "form.pdf");
	char *cmd = xasprintf("qpdf --check '%s' 2>&1", path);
	int st;
	char *out = S_run(cmd, &st);
	assert_int_equal(st, 0);
	assert_non_null(strstr(out, "No syntax or stream encoding errors"));
	free(out);
	free(cmd);
	free(path);
	area_doc_free(doc);
}

/* pdftotext gives back exactly the text, punctuation and a character that
 * only a fallback face has, and poppler says nothing on stderr. */
static void
text_comes_back_exactly(void **state)
{
	(void)state;
	if (!S_have_tools)
		skip();
	struct area_doc *doc = area_doc_new();
	struct area_page *pg = area_page_add(doc, 595.28, 841.89);
	const char *lines[] = {
		"申报人：王堃（教育学院）",
		"“朋辈互助”——每学期≥4次……完成率100%。",
		"ABC abc 123, 《领导力》；？！",
	};
	const char *roles[] = { "宋体", "黑体", "楷体" };

	for (int i = 0; i < 3; i++)
		S_text(doc, pg, roles[i], 400, 60, 100 + 40 * i, 14, lines[i]);
	char *path = S_write(doc, "text.pdf");
	char *cmd = xasprintf("pdftotext -layout '%s' - 2>'%s/err'", path, S_dir);
	char *out = S_run(cmd, NULL);
	for (int i = 0; i < 3; i++) {
		if (strstr(out, lines[i]) == NULL)
			fail_msg("pdftotext lost \"%s\" in:\n%s", lines[i], out);
	}
	char *errpath = xasprintf("%s/err", S_dir);
	struct stat sb;
	assert_int_equal(stat(errpath, &sb), 0);
	if (sb.st_size != 0) {
		size_t l;
		char *e = file_read(errpath, &l);
		fail_msg("poppler warns: %s", e);
	}
	free(errpath);
	free(out);
	free(cmd);

	/* Every font is an embedded subset with a ToUnicode map. */
	cmd = xasprintf("pdffonts '%s'", path);
	out = S_run(cmd, NULL);
	int fonts = 0;
	for (char *l = strstr(out, "\n---"); l && (l = strchr(l + 1, '\n')); ) {
		if (l[1] == '\0')
			break;
		fonts++;
		/* name+ ... CID TrueType Identity-H yes yes yes */
		char *eol = strchr(l + 1, '\n');
		char line[512];
		size_t ll = eol ? (size_t)(eol - l - 1) : strlen(l + 1);
		snprintf(line, sizeof line, "%.*s", (int)ll, l + 1);
		assert_non_null(strchr(line, '+'));
		assert_non_null(strstr(line, "CID TrueType"));
		assert_non_null(strstr(line, "yes yes yes"));
	}
	/* 宋, the fallback face for 堃, 黑, 楷. */
	assert_true(fonts >= 4);
	free(out);
	free(cmd);
	free(path);
	area_doc_free(doc);
}

static void
same_input_same_bytes(void **state)
{
	(void)state;
	char *epoch = getenv("SOURCE_DATE_EPOCH") ? xstrdup(getenv("SOURCE_DATE_EPOCH")) : NULL;
	unsetenv("SOURCE_DATE_EPOCH");
	struct area_doc *a = S_form("草稿"), *b = S_form("草稿");
	size_t la, lb;
	unsigned char *da = pdf_render(a, &la), *db = pdf_render(b, &lb);

	assert_non_null(da);
	assert_non_null(db);
	assert_int_equal(la, lb);
	assert_memory_equal(da, db, la);
	/* No clock in the file: CreationDate only from SOURCE_DATE_EPOCH. */
	setenv("SOURCE_DATE_EPOCH", "1767225600", 1);
	unsigned char *dc = pdf_render(a, &lb);
	assert_non_null(memmem(dc, lb, "D:20260101000000Z", 17));
	unsetenv("SOURCE_DATE_EPOCH");
	if (epoch) {
		setenv("SOURCE_DATE_EPOCH", epoch, 1);
		free(epoch);
	}
	assert_null(memmem(da, la, "CreationDate", 12));
	free(da);
	free(db);
	free(dc);
	area_doc_free(a);
	area_doc_free(b);
}

/* Non-white pixels inside a box of a 50 dpi greyscale rendering. */
static long
S_ink(const char *pgm, size_t len, double x0, double y0, double x1, double y1)
{
	int w, h, maxv, off = 0;
	if (sscanf(pgm, "P5 %d %d %d%n", &w, &h, &maxv, &off) != 3)
		return -1;
	const unsigned char *px = (const unsigned char *)pgm + off + 1;
	long ink = 0;
	int ax = (int)(x0 * 50 / 72), bx = (int)(x1 * 50 / 72);
	int ay = (int)(y0 * 50 / 72), by = (int)(y1 * 50 / 72);
	for (int y = ay; y < by && y < h; y++)
		for (int x = ax; x < bx && x < w; x++)
			if ((size_t)(off + 1 + y * w + x) < len && px[y * w + x] < 200)
				ink++;
	return ink;
}

/* The hanzi of every default face are really drawn (WenQuanYi's came out
 * blank before subsetting), and nothing is drawn where there is no text. */
static void
hanzi_are_drawn(void **state)
{
	(void)state;
	if (!S_have_tools)
		skip();
	struct area_doc *doc = area_doc_new();
	struct area_page *pg = area_page_add(doc, 595.28, 841.89);
	const char *roles[] = { "宋体", "黑体", "楷体", "仿宋" };
	double w[4];

	for (int i = 0; i < 4; i++)
		w[i] = S_text(doc, pg, roles[i], 400, 72, 100 + 72 * i, 24,
		    "国家教育工作坊");
	char *path = S_write(doc, "ink.pdf");
	char *cmd = xasprintf("pdftoppm -r 50 -gray -singlefile '%s' '%s/ink' && "
	    "cat '%s/ink.pgm'", path, S_dir, S_dir);
	int st;
	char *pgm = S_run(cmd, &st);
	struct stat sb;
	char *pgmpath = xasprintf("%s/ink.pgm", S_dir);
	assert_int_equal(stat(pgmpath, &sb), 0);
	for (int i = 0; i < 4; i++) {
		double base = 100 + 72 * i;
		long ink = S_ink(pgm, (size_t)sb.st_size, 72, base - 24, 72 + w[i], base + 4);
		if (ink < 150)
			fail_msg("%s: only %ld dark pixels in the text box", roles[i], ink);
	}
	assert_int_equal(S_ink(pgm, (size_t)sb.st_size, 72, 420, 500, 700), 0);
	free(pgmpath);
	free(pgm);
	free(cmd);
	free(path);
	area_doc_free(doc);
}

/* A file that claims to be a PNG and is not: a warning, an empty place,
 * and still a valid PDF. */
static void
broken_png_is_a_warning(void **state)
{
	(void)state;
	struct area_doc *doc = area_doc_new();
	struct area_page *pg = area_page_add(doc, 200, 200);
	char *bad = xasprintf("%s/seal.png", S_dir);
	assert_int_equal(file_write_atomic(bad, "\x89PNG\r\n\x1a\nnot really", 18), 0);
	const char *paths[] = { bad, "/nonexistent/seal.png", bad };
	for (int i = 0; i < 3; i++) {
		struct area_item *it = area_item_add(pg, AREA_IMAGE);
		it->x = 10;
		it->y = 10;
		it->w = 50;
		it->h = 50;
		it->u.image.path = paths[i];
	}
	S_text(doc, pg, "宋体", 400, 10, 100, 12, "印章");
	diag_reset();
	size_t len;
	unsigned char *data = pdf_render(doc, &len);
	assert_non_null(data);
	/* One warning per file, not per use. */
	assert_int_equal(diag_count(DL_WARNING), 2);
	assert_int_equal(diag_count(DL_ERROR) + diag_count(DL_FATAL), 0);
	diag_reset();
	free(data);
	free(bad);
	area_doc_free(doc);
}

/* xMin of the word w in pdftotext -bbox output, or -1. */
static double
S_word_x(const char *bbox, const char *w)
{
	char key[128];
	snprintf(key, sizeof key, ">%s</word>", w);
	const char *p = strstr(bbox, key);
	if (p == NULL)
		return -1;
	while (p > bbox && strncmp(p, "<word ", 6) != 0)
		p--;
	double x;
	return sscanf(p, "<word xMin=\"%lf\"", &x) == 1 ? x : -1;
}

/* char_space after every character, word_space after every space: the
 * words land where the layout computed them. */
static void
spacing_lands_where_the_layout_says(void **state)
{
	(void)state;
	if (!S_have_tools)
		skip();
	struct area_doc *doc = area_doc_new();
	struct area_page *pg = area_page_add(doc, 400, 200);
	const struct font_face *f = font_set_primary(font_set_get("黑体", 400, 0));
	const char *s = "AB CD EF";
	struct area_item *it = area_item_add(pg, AREA_TEXT);
	it->x = 20;
	it->y = 50;
	it->u.text.face = f;
	it->u.text.size = 12;
	it->u.text.utf8 = area_strdup(doc, s, strlen(s));
	it->u.text.len = strlen(s);
	it->u.text.char_space = 2;
	it->u.text.word_space = 15;
	char *path = S_write(doc, "space.pdf");
	char *cmd = xasprintf("pdftotext -bbox '%s' -", path);
	char *out = S_run(cmd, NULL);
	double adv = font_advance(f, 'A', 12) + font_advance(f, 'B', 12) +
	    font_advance(f, ' ', 12) + 3 * 2 + 15;
	double cd = S_word_x(out, "CD"), ef = S_word_x(out, "EF");
	double adv2 = font_advance(f, 'C', 12) + font_advance(f, 'D', 12) +
	    font_advance(f, ' ', 12) + 3 * 2 + 15;
	if (fabs(cd - (20 + adv)) > 0.2 || fabs(ef - (20 + adv + adv2)) > 0.2)
		fail_msg("CD at %.2f (want %.2f), EF at %.2f (want %.2f)\n%s",
		    cd, 20 + adv, ef, 20 + adv + adv2, out);
	free(out);
	free(cmd);
	free(path);
	area_doc_free(doc);
}

/* Fake bold (fill and stroke) makes the strokes visibly heavier. */
static void
fake_bold_is_heavier(void **state)
{
	(void)state;
	if (!S_have_tools)
		skip();
	struct area_doc *doc = area_doc_new();
	struct area_page *pg = area_page_add(doc, 400, 200);
	double w = S_text(doc, pg, "宋体", 400, 20, 50, 24, "国家教育");
	S_text(doc, pg, "宋体", 700, 20, 120, 24, "国家教育");
	if (!font_set_fake_bold(font_set_get("宋体", 700, 0))) {
		area_doc_free(doc);
		skip();	/* a real bold face: nothing to fake */
	}
	char *path = S_write(doc, "bold.pdf");
	char *cmd = xasprintf("pdftoppm -r 50 -gray -singlefile '%s' '%s/bold' && "
	    "cat '%s/bold.pgm'", path, S_dir, S_dir);
	char *pgm = S_run(cmd, NULL);
	char *pgmpath = xasprintf("%s/bold.pgm", S_dir);
	struct stat sb;
	assert_int_equal(stat(pgmpath, &sb), 0);
	long reg = S_ink(pgm, (size_t)sb.st_size, 20, 26, 20 + w, 54);
	long bold = S_ink(pgm, (size_t)sb.st_size, 20, 96, 20 + w, 124);
	if (!(reg > 50 && bold > reg * 11 / 10))
		fail_msg("regular %ld, bold %ld dark pixels", reg, bold);
	free(pgmpath);
	free(pgm);
	free(cmd);
	free(path);
	area_doc_free(doc);
}

/* Bookmarks become outlines with their titles, pages and levels. */
static void
bookmarks_become_outlines(void **state)
{
	(void)state;
	if (!S_have_tools)
		skip();
	struct area_doc *doc = S_form(NULL);
	char *path = S_write(doc, "marks.pdf");
	char *cmd = xasprintf("qpdf --json=2 --json-key=outlines '%s'", path);
	char *out = S_run(cmd, NULL);
	const char *a = strstr(out, "\"title\": \"申报表\"");
	const char *b = strstr(out, "\"title\": \"第2部分\"");
	const char *k = strstr(out, "\"kids\": [\n");
	assert_non_null(a);
	assert_non_null(b);
	/* 第2部分 is a kid of 申报表: it comes first, inside its kids. */
	assert_non_null(k);
	assert_true(k < b && b < a);
	assert_non_null(strstr(out, "\"destpageposfrom1\": 3"));
	assert_non_null(strstr(out, "/XYZ"));
	free(out);
	free(cmd);
	free(path);
	area_doc_free(doc);
}

/* Values no layout should produce still give a valid file: NaN and
 * infinite coordinates, negative sizes, bad UTF-8, no face, empty runs,
 * a page of size zero, bookmarks to pages that do not exist. */
static void
hostile_trees_give_valid_pdf(void **state)
{
	(void)state;
	struct area_doc *doc = area_doc_new();
	struct area_page *pg = area_page_add(doc, 595, 842);
	const struct font_face *f = font_set_primary(font_set_get("宋体", 400, 0));
	const char *texts[] = { "\xff\xfe申", "", "𠀀𠀁", "\xe7\x94", "正常" };
	double vals[] = { NAN, INFINITY, -1e300, 1e300, -5, 0 };

	for (int i = 0; i < 5; i++) {
		for (int j = 0; j < 6; j++) {
			struct area_item *it = area_item_add(pg, AREA_TEXT);
			it->x = vals[j];
			it->y = vals[(j + 1) % 6];
			it->u.text.face = j == 5 ? NULL : f;
			it->u.text.size = vals[(j + 2) % 6];
			it->u.text.utf8 = area_strdup(doc, texts[i], strlen(texts[i]));
			it->u.text.len = strlen(texts[i]);
			it->u.text.char_space = vals[(j + 3) % 6];
			it->u.text.word_space = vals[(j + 4) % 6];
			it = area_item_add(pg, AREA_RULE);
			it->x = vals[j];
			it->u.rule.x2 = vals[(j + 1) % 6];
			it->u.rule.thickness = vals[(j + 2) % 6];
			it->u.rule.style = (enum area_rule_style)(j % 4);
			it = area_item_add(pg, AREA_RECT);
			it->w = vals[j];
			it->h = vals[(j + 3) % 6];
		}
	}
	area_page_add(doc, 0, 0);
	area_bookmark_add(doc, "不存在的页", 7, 0, 0);
	area_bookmark_add(doc, "深层", 0, NAN, 12);
	doc->title = "\xff";
	size_t len;
	unsigned char *data = pdf_render(doc, &len);
	assert_non_null(data);
	if (S_have_tools) {
		char *path = xasprintf("%s/hostile.pdf", S_dir);
		assert_int_equal(file_write_atomic(path, data, len), 0);
		char *cmd = xasprintf("qpdf --check '%s' >/dev/null 2>&1", path);
		int st = system(cmd);
		assert_int_equal(st, 0);
		free(cmd);
		free(path);
	}
	free(data);
	area_doc_free(doc);
}

/* The watermark shows through a white background drawn over the page,
 * the text under it stays black, and a fake-bold run before it does not
 * outline it. */
static void
watermark_over_backgrounds(void **state)
{
	(void)state;
	if (!S_have_tools)
		skip();
	struct area_doc *doc = area_doc_new();
	struct area_page *pg = area_page_add(doc, 595.28, 841.89);
	struct area_item *r = area_item_add(pg, AREA_RECT);
	r->x = 0;
	r->y = 0;
	r->w = 595.28;
	r->h = 841.89;
	r->color = 0xffffff;
	double w = S_text(doc, pg, "宋体", 400, 200, 430, 24, "国家教育");
	S_text(doc, pg, "宋体", 700, 60, 800, 12, "粗体结尾");
	doc->watermark = "草稿";
	char *path = S_write(doc, "wm.pdf");
	char *cmd = xasprintf("pdftoppm -r 50 -gray -singlefile '%s' '%s/wm' && "
	    "cat '%s/wm.pgm'", path, S_dir, S_dir);
	char *pgm = S_run(cmd, NULL);
	char *pgmpath = xasprintf("%s/wm.pgm", S_dir);
	struct stat sb;
	assert_int_equal(stat(pgmpath, &sb), 0);
	int pw, ph, maxv, off = 0;
	assert_int_equal(sscanf(pgm, "P5 %d %d %d%n", &pw, &ph, &maxv, &off), 3);
	const unsigned char *px = (const unsigned char *)pgm + off + 1;
	long grey = 0, black = 0, dark_outside = 0;
	for (int y = 0; y < ph; y++) {
		for (int x = 0; x < pw; x++) {
			int v = px[y * pw + x];
			double X = x * 72.0 / 50, Y = y * 72.0 / 50;
			int in_text = (X >= 200 && X <= 200 + w && Y >= 406 && Y <= 434) ||
			    (Y >= 785 && Y <= 805);
			if (v > 180 && v < 240)
				grey++;
			if (in_text && v < 80)
				black++;
			if (!in_text && v < 120)
				dark_outside++;
		}
	}
	if (grey < 2000 || black < 100 || dark_outside > 50)
		fail_msg("grey %ld, black text %ld, dark elsewhere %ld", grey, black,
		    dark_outside);
	free(pgmpath);
	free(pgm);
	free(cmd);
	free(path);
	area_doc_free(doc);
}

/* A PNG with alpha is drawn where the layout put it, as an image with a
 * soft mask. */
static void
png_is_drawn(void **state)
{
	(void)state;
	if (!S_have_tools)
		skip();
	png_image pi;
	memset(&pi, 0, sizeof pi);
	pi.version = PNG_IMAGE_VERSION;
	pi.width = 40;
	pi.height = 40;
	pi.format = PNG_FORMAT_RGBA;
	unsigned char px[40 * 40 * 4];
	for (int i = 0; i < 40 * 40; i++) {
		px[4 * i] = 0;
		px[4 * i + 1] = 0;
		px[4 * i + 2] = 0;
		px[4 * i + 3] = (i % 40) < 20 ? 255 : 0;	/* left half opaque */
	}
	char *png = xasprintf("%s/half.png", S_dir);
	assert_true(png_image_write_to_file(&pi, png, 0, px, 0, NULL));
	struct area_doc *doc = area_doc_new();
	struct area_page *pg = area_page_add(doc, 300, 300);
	struct area_item *it = area_item_add(pg, AREA_IMAGE);
	it->x = 72;
	it->y = 72;
	it->w = 144;
	it->h = 144;
	it->u.image.path = png;
	char *path = S_write(doc, "png.pdf");
	char *cmd = xasprintf("pdfimages -list '%s'", path);
	char *out = S_run(cmd, NULL);
	assert_non_null(strstr(out, "smask"));
	free(out);
	free(cmd);
	cmd = xasprintf("pdftoppm -r 50 -gray -singlefile '%s' '%s/png' && "
	    "cat '%s/png.pgm'", path, S_dir, S_dir);
	char *pgm = S_run(cmd, NULL);
	char *pgmpath = xasprintf("%s/png.pgm", S_dir);
	struct stat sb;
	assert_int_equal(stat(pgmpath, &sb), 0);
	/* Left half black, right half transparent (white), outside white. */
	long left = S_ink(pgm, (size_t)sb.st_size, 76, 76, 140, 212);
	long right = S_ink(pgm, (size_t)sb.st_size, 150, 76, 212, 212);
	long out_of_box = S_ink(pgm, (size_t)sb.st_size, 0, 230, 300, 300);
	if (left < 500 || right != 0 || out_of_box != 0)
		fail_msg("left %ld, right %ld, outside %ld dark pixels", left, right,
		    out_of_box);
	free(pgmpath);
	free(pgm);
	free(cmd);
	free(path);
	free(png);
	area_doc_free(doc);
}

/* Three pages whose characters differ, so that the second and third
 * bring characters and faces (楷体, 宋体's fallback for 堃) the first
 * did not draw; with marks, a bookmark on each page, the later ones
 * nested in the first. */
static struct area_doc *
S_slices_doc(int marks)
{
	static const char *const text[3][2] = {
		{ "宋体", "第一页：甲乙丙丁，工作坊名单。" },
		{ "黑体", "第二页：戊己庚辛与王堃（教育学院）" },
		{ "楷体", "第三页：壬癸子丑，甲乙再现 ABC 123" },
	};
	struct area_doc *doc = area_doc_new();

	doc->title = "关于公布2026年度杭州师范大学辅导员工作坊名单的通知";
	doc->author = "党委学生工作部";
	for (int p = 0; p < 3; p++) {
		struct area_page *pg = area_page_add(doc, 595.28, 841.89);
		char mark[32];
		pg->number = p + 1;
		S_text(doc, pg, text[p][0], 400, 60, 100, 14, text[p][1]);
		if (p == 2)	/* 堃: 宋体's fallback face, first met here */
			S_text(doc, pg, "宋体", 400, 60, 140, 12, "主理人：王堃");
		S_text(doc, pg, "宋体", 400, 280, 800, 10.5, p == 0 ? "— 1 —" :
		    p == 1 ? "— 2 —" : "— 3 —");
		S_rule(pg, 57, 120, 538, 120, 0.5, RULE_SOLID);
		snprintf(mark, sizeof mark, "第%d页", p + 1);
		if (marks)
			area_bookmark_add(doc, mark, p, 90, p == 0 ? 0 : 1);
	}
	return doc;
}

/* The two-slice file of S_slices_doc, as publish writes it: page 0 of
 * one tree, then pages 1..3 of another (an empty range and a range past
 * the end on the way), into path. */
static void
S_write_slices(const char *path, int marks)
{
	struct area_doc *a = S_slices_doc(marks), *b = S_slices_doc(marks);
	struct pdf_out *o = pdf_out_new();

	assert_non_null(o);
	assert_int_equal(pdf_out_pages(o, a, 0, 1), 0);
	area_doc_free(a);	/* a slice is freed once written */
	assert_int_equal(pdf_out_pages(o, b, 1, 1), 0);
	assert_int_equal(pdf_out_pages(o, b, 1, 99), 0);
	assert_int_equal(pdf_out_finish(o, b, path), 0);
	pdf_out_free(o);
	area_doc_free(b);
}

/* A document written a slice at a time (pdf_out, as publish does) is the
 * file pdf_write makes of it whole, byte for byte: characters first drawn
 * in a later slice get the next CIDs, the fonts are subset and embedded
 * at the end.  The file is the same every time, dated from
 * SOURCE_DATE_EPOCH.  (With bookmarks the objects are numbered in another
 * order, each slice's outline items made after its pages: the outline is
 * checked below.) */
static void
slices_write_the_whole_file(void **state)
{
	(void)state;
	char *epoch = getenv("SOURCE_DATE_EPOCH") ? xstrdup(getenv("SOURCE_DATE_EPOCH")) : NULL;
	setenv("SOURCE_DATE_EPOCH", "1767225600", 1);
	struct area_doc *whole = S_slices_doc(0);
	char *p1 = xasprintf("%s/slices1.pdf", S_dir), *p2 = xasprintf("%s/slices2.pdf", S_dir);
	size_t lw, l1, l2;
	unsigned char *dw = pdf_render(whole, &lw);

	S_write_slices(p1, 0);
	S_write_slices(p2, 0);
	char *d1 = file_read(p1, &l1), *d2 = file_read(p2, &l2);
	assert_non_null(dw);
	assert_non_null(d1);
	assert_non_null(d2);
	assert_int_equal(l1, l2);
	assert_memory_equal(d1, d2, l1);
	assert_non_null(memmem(d1, l1, "D:20260101000000Z", 17));
	if (l1 != lw || memcmp(d1, dw, lw) != 0)
		fail_msg("two slices: %zu bytes; whole: %zu bytes; the files differ", l1, lw);
	free(dw);
	free(d1);
	free(d2);
	if (epoch) {
		setenv("SOURCE_DATE_EPOCH", epoch, 1);
		free(epoch);
	} else
		unsetenv("SOURCE_DATE_EPOCH");
	free(p1);
	free(p2);
	area_doc_free(whole);
}

/* What a user sees of a file written in slices: each page's own text,
 * bookmarks nested across slices as in the whole file, embedded subsets
 * with ToUnicode maps, a clean file. */
static void
slices_read_as_the_whole_file(void **state)
{
	(void)state;
	if (!S_have_tools)
		skip();
	struct area_doc *whole = S_slices_doc(1);
	char *sliced = xasprintf("%s/slices-marks.pdf", S_dir);
	char *wpath = S_write(whole, "whole-marks.pdf");

	S_write_slices(sliced, 1);
	for (int p = 0; p < 3; p++) {
		char *cmd = xasprintf("pdftotext -f %d -l %d '%s' - 2>&1 | tr -d ' \\n\\f'",
		    p + 1, p + 1, sliced);
		char *out = S_run(cmd, NULL);
		const struct area_page *pg = &whole->pages[p];
		struct buf want;
		buf_init(&want);
		for (size_t i = 0; i < pg->nitems; i++)
			if (pg->items[i].kind == AREA_TEXT)
				for (size_t k = 0; k < pg->items[i].u.text.len; k++)
					if (pg->items[i].u.text.utf8[k] != ' ')
						buf_putc(&want, pg->items[i].u.text.utf8[k]);
		buf_putc(&want, '\0');
		if (strcmp(out, want.data) != 0)
			fail_msg("page %d: pdftotext gives \"%s\", drawn was \"%s\"", p + 1,
			    out, want.data);
		buf_free(&want);
		free(out);
		free(cmd);
	}
	/* The outlines but their object numbers. */
	char *cmd = xasprintf("qpdf --json=2 --json-key=outlines '%s' | grep -v ' R\"'", sliced);
	char *got = S_run(cmd, NULL);
	free(cmd);
	cmd = xasprintf("qpdf --json=2 --json-key=outlines '%s' | grep -v ' R\"'", wpath);
	char *want = S_run(cmd, NULL);
	assert_non_null(strstr(want, "\"title\": \"第3页\""));
	assert_string_equal(got, want);
	free(got);
	free(want);
	free(cmd);
	cmd = xasprintf("qpdf --check '%s' 2>&1", sliced);
	int st;
	char *out = S_run(cmd, &st);
	if (st != 0 || strstr(out, "No syntax or stream encoding errors") == NULL)
		fail_msg("qpdf --check: %s", out);
	free(out);
	free(cmd);
	cmd = xasprintf("pdffonts '%s' | tail -n +3", sliced);
	out = S_run(cmd, NULL);
	int fonts = 0;
	for (char *l = out; *l; l += strcspn(l, "\n") + (l[strcspn(l, "\n")] != '\0')) {
		char line[512];
		snprintf(line, sizeof line, "%.*s", (int)strcspn(l, "\n"), l);
		if (strchr(line, '+') == NULL || strstr(line, "CID TrueType") == NULL ||
		    strstr(line, "yes yes yes") == NULL)
			fail_msg("not an embedded subset with ToUnicode: %s", line);
		fonts++;
	}
	/* 宋, 黑, 楷, and the fallback face of 堃 */
	assert_true(fonts >= 4);
	free(out);
	free(cmd);
	free(sliced);
	free(wpath);
	area_doc_free(whole);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(writes_a_valid_small_pdf),
		cmocka_unit_test(text_comes_back_exactly),
		cmocka_unit_test(same_input_same_bytes),
		cmocka_unit_test(hanzi_are_drawn),
		cmocka_unit_test(broken_png_is_a_warning),
		cmocka_unit_test(spacing_lands_where_the_layout_says),
		cmocka_unit_test(fake_bold_is_heavier),
		cmocka_unit_test(bookmarks_become_outlines),
		cmocka_unit_test(hostile_trees_give_valid_pdf),
		cmocka_unit_test(watermark_over_backgrounds),
		cmocka_unit_test(png_is_drawn),
		cmocka_unit_test(slices_write_the_whole_file),
		cmocka_unit_test(slices_read_as_the_whole_file),
	};
	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
