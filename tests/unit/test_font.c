/* test_font.c — font roles, aliases, fallback, metrics and subsets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <hb.h>

#include "font/font.h"
#include "util/util.h"

static int
S_setup(void **state)
{
	(void)state;
	return fonts_init() == 0 ? 0 : -1;
}

static int
S_teardown(void **state)
{
	(void)state;
	fonts_shutdown();
	return 0;
}

/* Every name of a role leads to the role's one set; the first name that
 * is a role decides; an unknown list is 宋体. */
static void
aliases_pick_the_role(void **state)
{
	(void)state;
	const struct font_set *song = font_set_get("宋体", 400, 0);
	const struct font_set *hei = font_set_get("黑体", 400, 0);
	const struct font_set *kai = font_set_get("楷体", 400, 0);
	const struct font_set *fang = font_set_get("仿宋", 400, 0);

	assert_non_null(song);
	assert_ptr_not_equal(song, hei);
	assert_ptr_not_equal(hei, kai);
	assert_ptr_not_equal(kai, fang);
	assert_ptr_equal(font_set_get("SimSun", 400, 0), song);
	assert_ptr_equal(font_set_get("songti", 400, 0), song);
	assert_ptr_equal(font_set_get("serif", 400, 0), song);
	assert_ptr_equal(font_set_get("SimHei", 400, 0), hei);
	assert_ptr_equal(font_set_get("sans-serif", 400, 0), hei);
	assert_ptr_equal(font_set_get("KaiTi", 400, 0), kai);
	assert_ptr_equal(font_set_get("仿宋_GB2312", 400, 0), fang);
	assert_ptr_equal(font_set_get("FangSong", 400, 0), fang);
	assert_ptr_equal(font_set_get("Comic Sans, 'HeiTi', 宋体", 400, 0), hei);
	assert_ptr_equal(font_set_get("NoSuchFamily", 400, 0), song);
	assert_ptr_equal(font_set_get(NULL, 400, 0), song);
	/* Asked again (answered from the cache), with a weight: another set. */
	assert_ptr_equal(font_set_get("SimSun", 400, 0), song);
	assert_ptr_not_equal(font_set_get("SimSun", 700, 0), song);
	assert_ptr_equal(font_set_get("SimSun", 700, 0), font_set_get("宋体", 800, 0));
	for (int i = 0; i < 40; i++)	/* more questions than the cache holds */
		assert_ptr_equal(font_set_get(i % 2 ? "SimHei" : "KaiTi", 400, 0),
		    i % 2 ? hei : kai);
	assert_ptr_equal(font_set_get("宋体", 400, 0), song);
}

/* The four roles resolve to four TrueType faces with hanzi; 宋 and 黑 come
 * from different files. */
static void
roles_have_faces_with_hanzi(void **state)
{
	(void)state;
	const char *roles[] = { "宋体", "黑体", "楷体", "仿宋" };
	const struct font_face *prim[4];

	for (int i = 0; i < 4; i++) {
		prim[i] = font_set_primary(font_set_get(roles[i], 400, 0));
		assert_non_null(prim[i]);
		assert_true(font_has_glyph(prim[i], 0x5b8b));	/* 宋 */
		assert_true(font_has_glyph(prim[i], 0x9ed1));	/* 黑 */
		size_t total, have = font_gb2312_coverage(prim[i], &total);
		assert_int_equal(total, 6763);
		assert_true(have > 6700);
	}
	assert_string_not_equal(font_face_file(prim[0]), font_face_file(prim[1]));
	assert_string_not_equal(font_face_file(prim[0]), font_face_file(prim[2]));
}

static void
metrics_are_sane(void **state)
{
	(void)state;
	const struct font_face *f = font_set_primary(font_set_get("宋体", 400, 0));
	const struct font_face *h = font_set_primary(font_set_get("黑体", 400, 0));

	/* Hanzi are square: one em. */
	assert_true(font_advance(f, 0x5b8b, 12) > 11.5);
	assert_true(font_advance(f, 0x5b8b, 12) < 12.5);
	assert_true(font_advance(h, 0x3002, 10) > 9.5);	/* 。 */
	/* Proportional Latin in the Hei face. */
	assert_true(font_advance(h, 'i', 12) < font_advance(h, 'W', 12));
	assert_true(font_advance(f, 'a', 12) > 0);
	/* Twice the size, twice the advance. */
	assert_true(font_advance(f, 'a', 24) > 1.99 * font_advance(f, 'a', 12));
	double a = font_ascent(f, 12), d = font_descent(f, 12);
	assert_true(a > 6 && a < 14);
	assert_true(d > 0 && d < 6);
	assert_true(a + d > 9.6 && a + d < 18);
	/* The cache gives the same answer twice. */
	assert_true(font_advance(h, 0x4e00, 12) == font_advance(h, 0x4e00, 12));
}

/* A character the role's face lacks comes from the next face that has it;
 * one that no face has, and any above U+FFFF, give NULL. */
static void
fallback_along_the_list(void **state)
{
	(void)state;
	const struct font_set *song = font_set_get("宋体", 400, 0);
	const struct font_face *p = font_set_primary(song);
	const struct font_face *f;

	assert_ptr_equal(font_set_face_for(song, 0x5b8b), p);
	/* 堃 (U+5803, common in names) is outside GB2312. */
	f = font_set_face_for(song, 0x5803);
	assert_non_null(f);
	assert_true(font_has_glyph(f, 0x5803));
	if (!font_has_glyph(p, 0x5803))
		assert_ptr_not_equal(f, p);
	assert_null(font_set_face_for(song, 0x0378));	/* unassigned */
	assert_null(font_set_face_for(song, 0x20000));	/* 𠀀 */
	assert_false(font_has_glyph(p, 0x0378));
	/* A missing glyph still advances (by .notdef). */
	assert_true(font_advance(p, 0x0378, 12) >= 0);
}

/* Latin letters, digits and ASCII in 宋体 text come from its `latin` role
 * (Times New Roman: Liberation Serif here), in 黑体 text from Arial's;
 * the name dot · and × stay with the Chinese face. */
static void
latin_from_the_latin_role(void **state)
{
	(void)state;
	const struct font_set *song = font_set_get("宋体", 400, 0);
	const struct font_set *hei = font_set_get("黑体", 400, 0);
	const struct font_face *times = font_set_primary(font_set_get("Times New Roman", 400, 0));
	const struct font_face *arial = font_set_primary(font_set_get("Arial", 400, 0));
	const struct font_face *tb = font_set_primary(font_set_get("Times New Roman", 700, 0));

	assert_non_null(times);
	assert_non_null(arial);
	assert_ptr_not_equal(times, font_set_primary(song));
	assert_ptr_not_equal(times, arial);
	for (const char *c = "Aa9 ,.(@~"; *c; c++) {
		assert_ptr_equal(font_set_face_for(song, (uint32_t)*c), times);
		assert_ptr_equal(font_set_face_for(hei, (uint32_t)*c), arial);
	}
	assert_ptr_equal(font_set_face_for(song, 0xe9), times);		/* é */
	assert_ptr_equal(font_set_face_for(song, 0xb7), font_set_primary(song));
	assert_ptr_equal(font_set_face_for(song, 0xd7), font_set_primary(song));
	assert_ptr_equal(font_set_face_for(song, 0x5b8b), font_set_primary(song));
	/* Bold Latin is the Latin role's bold face, which is bold itself. */
	assert_ptr_equal(font_set_face_for(font_set_get("宋体", 700, 0), 'A'), tb);
	assert_true(font_face_is_bold(tb));
	/* Proportional: an i is narrower than an m. */
	assert_true(font_advance(times, 'i', 10) < font_advance(times, 'm', 10) / 2);
}

static void
bold_is_a_face_or_fake(void **state)
{
	(void)state;
	const struct font_set *b = font_set_get("黑体", 700, 0);
	const struct font_set *r = font_set_get("黑体", 400, 0);
	const struct font_face *bf = font_set_primary(b);

	assert_non_null(bf);
	assert_false(font_set_fake_bold(r));
	/* Either a real bold face, or the regular one drawn stroked. */
	assert_true(font_face_is_bold(bf) != font_set_fake_bold(b));
	if (font_set_fake_bold(b))
		assert_ptr_equal(bf, font_set_primary(r));
}

static void
subset_is_small_and_maps_every_character(void **state)
{
	(void)state;
	const char *roles[] = { "宋体", "黑体", "楷体" };
	static const uint32_t cps[] = { 0x7533, 0x62a5, 0x8868, 0xff08, 0xff09,
	    0x3002, 'A', 'b', '1', ' ', 0x5b8b, 0x7533 /* twice */ };
	size_t n = sizeof cps / sizeof cps[0];

	for (int i = 0; i < 3; i++) {
		const struct font_face *f = font_set_primary(font_set_get(roles[i], 400, 0));
		size_t len = 0;
		unsigned char *data = font_subset(f, cps, n, &len);
		assert_non_null(data);
		assert_true(len > 500);
		assert_true(len < 40000);
		hb_blob_t *blob = hb_blob_create((const char *)data, (unsigned)len,
		    HB_MEMORY_MODE_READONLY, NULL, NULL);
		hb_face_t *face = hb_face_create(blob, 0);
		hb_font_t *font = hb_font_create(face);
		/* .notdef, the characters' glyphs and their components (the
		 * Arphic faces build hanzi from parts), not thousands. */
		assert_true(hb_face_get_glyph_count(face) >= n - 1);
		assert_true(hb_face_get_glyph_count(face) < 8 * n);
		for (size_t k = 0; k < n; k++) {
			hb_codepoint_t g = 0;
			if (cps[k] == ' ' && !font_has_glyph(f, ' '))
				continue;
			assert_true(hb_font_get_nominal_glyph(font, cps[k], &g));
			assert_true(g > 0 && g < 32768);
		}
		/* libharu needs these tables. */
		static const char *tags[] = { "glyf", "loca", "hmtx", "cmap",
		    "head", "hhea", "maxp", "name", "post", "OS/2" };
		for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++) {
			hb_blob_t *tb = hb_face_reference_table(face,
			    hb_tag_from_string(tags[t], 4));
			assert_true(hb_blob_get_length(tb) > 0);
			hb_blob_destroy(tb);
		}
		/* The same request again (a batch) gives the same bytes. */
		size_t len2 = 0;
		unsigned char *again = font_subset(f, cps, n, &len2);
		assert_int_equal(len, len2);
		assert_memory_equal(data, again, len);
		free(again);
		hb_font_destroy(font);
		hb_face_destroy(face);
		hb_blob_destroy(blob);
		free(data);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(aliases_pick_the_role),
		cmocka_unit_test(roles_have_faces_with_hanzi),
		cmocka_unit_test(metrics_are_sane),
		cmocka_unit_test(fallback_along_the_list),
		cmocka_unit_test(latin_from_the_latin_role),
		cmocka_unit_test(bold_is_a_face_or_fake),
		cmocka_unit_test(subset_is_small_and_maps_every_character),
	};
	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
