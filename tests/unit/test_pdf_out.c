/* test_pdf_out.c — the PDF writer fed slice by slice (pdf_out_pages), as
 * publish does: each slice's area tree is freed as soon as its pages are
 * drawn, so nothing the writer keeps may point into it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "unit.h"
#include <png.h>

#include "font/font.h"
#include "layout/area.h"
#include "pdf/pdf.h"
#include "util/util.h"

static char S_dir[256];

static int
S_setup(void **state)
{
	(void)state;
	if (fonts_init() != 0)
		return -1;
	return unit_tmpdir(S_dir, sizeof S_dir, "pdfout");
}

static int
S_teardown(void **state)
{
	(void)state;
	unit_rmdir(S_dir);
	fonts_shutdown();
	return 0;
}

/* How many times needle occurs in the n bytes at p. */
static int
S_count(const char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	int c = 0;

	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(p + i, needle, k) == 0)
			c++;
	return c;
}

/* A one-page slice showing the image at png. */
static struct area_doc *
S_image_slice(const char *png)
{
	struct area_doc *doc = area_doc_new();
	struct area_page *pg = area_page_add(doc, 300, 300);
	struct area_item *it = area_item_add(pg, AREA_IMAGE);

	it->x = 72;
	it->y = 72;
	it->w = 144;
	it->h = 144;
	it->u.image.path = area_strdup(doc, png, strlen(png));
	return doc;
}

/* An image drawn in several slices is embedded once, though the tree that
 * named it first is gone (its text overwritten, then freed) when the next
 * slice draws it. */
static void
image_is_kept_across_slices(void **state)
{
	(void)state;
	png_image pi;
	unsigned char px[8 * 8];
	memset(&pi, 0, sizeof pi);
	memset(px, 0x40, sizeof px);
	pi.version = PNG_IMAGE_VERSION;
	pi.width = 8;
	pi.height = 8;
	pi.format = PNG_FORMAT_GRAY;	/* no alpha: one image object */
	char *png = xasprintf("%s/seal.png", S_dir);
	assert_true(png_image_write_to_file(&pi, png, 0, px, 0, NULL));

	struct pdf_out *o = pdf_out_new();
	assert_non_null(o);
	for (int k = 0; k < 3; k++) {
		struct area_doc *doc = S_image_slice(png);
		assert_int_equal(pdf_out_pages(o, doc, 0, 1), 0);
		char *p = (char *)doc->pages[0].items[0].u.image.path;
		memset(p, 'x', strlen(p));
		area_doc_free(doc);
	}
	struct area_doc *info = area_doc_new();
	char *out = xasprintf("%s/images.pdf", S_dir);
	assert_int_equal(pdf_out_finish(o, info, out), 0);
	pdf_out_free(o);
	area_doc_free(info);

	size_t len;
	char *data = file_read(out, &len);
	assert_non_null(data);
	assert_int_equal(S_count(data, len, "/Type /Page\n") +
	    S_count(data, len, "/Type /Page\r") +
	    S_count(data, len, "/Type /Page "), 3);
	assert_int_equal(S_count(data, len, "/Subtype /Image"), 1);
	free(data);
	free(out);
	free(png);
}

/* A face that only ever draws an empty run gets a font with no
 * characters: it is built (a page named it) from an empty subset. */
static void
font_with_no_characters(void **state)
{
	(void)state;
	struct area_doc *doc = area_doc_new();
	struct area_page *pg = area_page_add(doc, 300, 300);
	const char *runs[] = { "正文", "" };
	const char *roles[] = { "宋体", "楷体" };

	for (int i = 0; i < 2; i++) {
		struct area_item *it = area_item_add(pg, AREA_TEXT);
		it->x = 72;
		it->y = 72 + 20 * i;
		it->u.text.face = font_set_primary(font_set_get(roles[i], 400, 0));
		it->u.text.size = 12;
		it->u.text.utf8 = area_strdup(doc, runs[i], strlen(runs[i]));
		it->u.text.len = strlen(runs[i]);
	}
	assert_ptr_not_equal(pg->items[0].u.text.face, pg->items[1].u.text.face);
	size_t len;
	unsigned char *data = pdf_render(doc, &len);
	assert_non_null(data);
	assert_true(len > 0);
	free(data);
	area_doc_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(image_is_kept_across_slices),
		cmocka_unit_test(font_with_no_characters),
	};
	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
