/* test_publish.c — the published list made a slice at a time (publish_pdf,
 * issue 6) is the list laid out whole: the same file, byte for byte, as
 * list.xsl's whole document through the layout and pdf_write.  So the
 * carrying of rows between slices neither moves a row to another page nor
 * changes anything drawn, whatever the list's length against the slice's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "unit.h"

#include <libxml/tree.h>

#include "cli/publish.h"
#include "diag/diag.h"
#include "fo/fo.h"
#include "font/font.h"
#include "layout/area.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "roster/roster.h"
#include "util/util.h"
#include "xslt/xslt.h"

static char S_dir[256];

static int
S_setup(void **state)
{
	(void)state;
	if (fonts_init() != 0)
		return -1;
	return unit_tmpdir(S_dir, sizeof S_dir, "publish");
}

static int
S_teardown(void **state)
{
	(void)state;
	unit_rmdir(S_dir);
	xslt_shutdown();
	fonts_shutdown();
	return 0;
}

/* A roster of n workshops from the bench generator, the workshop with
 * the id big (if any) given extra members: a row taller than the rest of
 * a page, or than a page. */
static char *
S_roster(size_t n, int seed, const char *big, int extra)
{
	char *path = xasprintf("%s/roster-%zu-%d.xml", S_dir, n, seed);
	char *cmd = xasprintf("sh tests/bench/genroster.sh %zu %d | awk -v big='%s' "
	    "-v extra=%d 'index($0, big) { b = 1 } "
	    "b && /<\\/members>/ { for (i = 1; i <= extra; i++) "
	    "printf \"<member><name>增补%%d</name></member>\\n\", i; b = 0 } "
	    "{ print }' > '%s'", n, seed, big ? big : "-", extra, path);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	return path;
}

/* The list laid out whole (list.xsl's defaults: one document, every row,
 * title and closing lines) and written with pdf_write, with the document
 * information publish gives. */
static void
S_whole(const struct roster_list *list, const char **params, const char *year,
    const char *path, size_t *npages)
{
	xmlDocPtr doc = roster_list_doc(list, 0, roster_list_count(list));
	xmlDocPtr fodoc = xslt_apply("list.xsl", doc, params);
	assert_non_null(fodoc);
	struct fo_tree *tree = fo_from_doc(fodoc);
	assert_non_null(tree);
	struct area_doc *area = lay_document(tree, NULL);
	char *title = xasprintf("关于公布%s年度杭州师范大学辅导员工作坊名单的通知", year);

	area->title = area_strdup(area, title, strlen(title));
	area->author = "党委学生工作部";
	area->creator = "wsdoc " WSDOC_VERSION;
	assert_int_equal(pdf_write(area, path), 0);
	*npages = area->npages;
	free(title);
	area_doc_free(area);
	fo_tree_free(tree);
	xmlFreeDoc(fodoc);
	xmlFreeDoc(doc);
}

/* publish_pdf of the roster against the whole list: same bytes.  Returns
 * the number of pages. */
static size_t
S_same_as_whole(const char *roster, const char *year_asked)
{
	struct roster_list *list = roster_list_read(roster, year_asked);
	assert_non_null(list);
	const char *year = roster_list_year(list);
	char *qyear = xasprintf("'%s'", year), *qcount =
	    xasprintf("%zu", roster_list_count(list));
	const char *params[] = { "year", qyear, "date", "'2026-11-23'",
	    "count", qcount, NULL };
	char *sliced = xasprintf("%s/sliced.pdf", S_dir);
	char *whole = xasprintf("%s/whole.pdf", S_dir);
	size_t la, lb, npages;

	diag_reset();
	assert_int_equal(publish_pdf(list, params, year, sliced), 0);
	S_whole(list, params, year, whole, &npages);
	assert_int_equal(diag_count(DL_WARNING) + diag_count(DL_ERROR), 0);
	char *a = file_read(sliced, &la), *b = file_read(whole, &lb);
	assert_non_null(a);
	assert_non_null(b);
	if (la != lb || memcmp(a, b, la) != 0) {
		char *cmd = xasprintf("cd '%s' && pdftotext -layout sliced.pdf && "
		    "pdftotext -layout whole.pdf && diff whole.txt sliced.txt | head -20",
		    S_dir);
		if (system(cmd) != 0)
			fprintf(stderr, "(pdftotext could not show the difference)\n");
		free(cmd);
		fail_msg("%s: %zu workshops made in slices: %zu bytes, whole: %zu bytes "
		    "(%zu pages); the files differ", roster, roster_list_count(list),
		    la, lb, npages);
	}
	free(a);
	free(b);
	free(sliced);
	free(whole);
	free(qyear);
	free(qcount);
	roster_list_free(list);
	return npages;
}

/* Lengths around the slice's: less than one slice, exactly one, one more,
 * two, and many (with split rows). */
static void
slices_make_the_whole_list(void **state)
{
	static const size_t lens[] = { 1, 40, PUBLISH_SLICE, PUBLISH_SLICE + 1,
	    2 * PUBLISH_SLICE, 300 };
	(void)state;
	for (size_t i = 0; i < sizeof lens / sizeof *lens; i++) {
		char *r = S_roster(lens[i], (int)i + 1, NULL, 0);
		size_t pages = S_same_as_whole(r, NULL);
		/* 300 workshops take well over four slices of pages. */
		if (lens[i] == 300)
			assert_true(pages > 12);
		free(r);
	}
}

/* Rows taller than what a slice's last page has left, and taller than a
 * page: the rows carried into the next slice begin on an earlier page
 * than the slice's last. */
static void
tall_rows_are_carried_whole(void **state)
{
	(void)state;
	/* Of 200 generated workshops, in id order, 2024-01 and 02 come
	 * first (the generator's ids move to an earlier year past 99), then
	 * 2025-01 … 99, then 2026: 2025-58 is row 60, near the end of the
	 * first slice; 2026-05 row 106, in the second. */
	static const struct { const char *id; int extra; } big[] = {
		{ "HZNU-GZF-2025-58", 120 }, { "HZNU-GZF-2025-58", 400 },
		{ "HZNU-GZF-2026-05", 60 }, { "HZNU-GZF-2026-05", 700 },
	};
	for (size_t i = 0; i < sizeof big / sizeof *big; i++) {
		char *r = S_roster(200, (int)i + 11, big[i].id, big[i].extra);
		S_same_as_whole(r, NULL);
		free(r);
	}
}

/* An earlier year asked for (--year) is laid out the same way. */
static void
a_year_asked_for(void **state)
{
	(void)state;
	char *r = S_roster(150, 5, NULL, 0);
	char *r2 = xasprintf("%s/years.xml", S_dir);
	/* Rows 1..51 of the generator (ids of 2025) move to year 2025. */
	char *cmd = xasprintf("sed '/id=\"HZNU-GZF-2025-/s/year=\"2026\"/year=\"2025\"/' "
	    "'%s' > '%s'", r, r2);
	assert_int_equal(system(cmd), 0);
	struct roster_list *l = roster_list_read(r2, "2025");
	assert_non_null(l);
	assert_int_equal(roster_list_count(l), 51);
	roster_list_free(l);
	S_same_as_whole(r2, "2025");
	S_same_as_whole(r2, NULL);
	free(cmd);
	free(r);
	free(r2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(slices_make_the_whole_list),
		cmocka_unit_test(tall_rows_are_carried_whole),
		cmocka_unit_test(a_year_asked_for),
	};
	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
