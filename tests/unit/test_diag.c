/* test_diag.c — the catalogue and the printing of diagnostics. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "diag/diag.h"
#include "util/util.h"

static struct buf S_got;

static void
S_sink(const struct diag_msg *m, void *arg)
{
	(void)arg;
	buf_printf(&S_got, "%s:%d:%d:%s:%s|", m->file ? m->file : "-", m->line,
	    m->col, diag_entry(m->id)->code, m->text);
}

/* Every code starts with its level's letter and every message is unique. */
static void
catalogue_is_consistent(void **state)
{
	static const char letter[] = "NWEF";
	(void)state;
	for (int i = 0; i < DIAG__COUNT; i++) {
		const struct diag_entry *e = diag_entry(i);
		assert_int_equal(e->code[0], letter[e->level]);
		assert_int_equal(e->code[1], '-');
		assert_true(strlen(e->fmt) > 0);
		for (int j = 0; j < i; j++)
			assert_string_not_equal(e->code, diag_entry(j)->code);
	}
}

static void
worst_level_sets_exit_status(void **state)
{
	(void)state;
	buf_init(&S_got);
	diag_set_sink(S_sink, NULL);
	diag_reset();
	assert_int_equal(diag_exit_status(), 0);
	diag(E_CLI_KIND, "a.ini", 3, 5, "foo");
	assert_int_equal(diag_exit_status(), 1);
	assert_non_null(strstr(S_got.data, "a.ini:3:5:E-CLI-KIND:"));
	assert_non_null(strstr(S_got.data, "“foo”"));
	diag(F_IO_OPEN, "b.ini", 0, 0, "没有那个文件");
	assert_int_equal(diag_exit_status(), 3);
	diag_reset();
	diag_set_sink(NULL, NULL);
	buf_free(&S_got);
}

/* diag_set_once: a message repeated word for word at the same place is
 * shown once; another place or another text is shown; off forgets. */
static void
once_shows_a_repeated_message_once(void **state)
{
	(void)state;
	buf_init(&S_got);
	diag_set_sink(S_sink, NULL);
	diag_reset();
	diag_set_once(1);
	diag(E_CLI_KIND, "r.xml", 0, 0, "x");
	diag(E_CLI_KIND, "r.xml", 0, 0, "x");
	diag(E_CLI_KIND, "r.xml", 0, 0, "y");
	diag(E_CLI_KIND, "s.xml", 0, 0, "x");
	diag(E_CLI_KIND, "r.xml", 2, 0, "x");
	assert_int_equal(diag_count(DL_ERROR), 5);	/* counted, not shown */
	const char *p = S_got.data;
	int shown = 0;
	while ((p = strstr(p, "E-CLI-KIND")) != NULL) {
		shown++;
		p++;
	}
	assert_int_equal(shown, 4);
	diag_set_once(0);
	diag(E_CLI_KIND, "r.xml", 0, 0, "x");
	assert_int_equal(diag_count(DL_ERROR), 6);
	p = S_got.data;
	for (shown = 0; (p = strstr(p, "E-CLI-KIND")) != NULL; p++)
		shown++;
	assert_int_equal(shown, 5);
	diag_reset();
	diag_set_sink(NULL, NULL);
	buf_free(&S_got);
}

static void
threshold_hides_lower_levels(void **state)
{
	(void)state;
	buf_init(&S_got);
	diag_set_sink(S_sink, NULL);
	diag_reset();
	diag_set_threshold(DL_FATAL);
	diag(E_CLI_KIND, "a.ini", 1, 1, "x");
	assert_null(S_got.data);
	assert_int_equal(diag_count(DL_ERROR), 1);
	diag_set_threshold(DL_NOTE);
	diag_reset();
	diag_set_sink(NULL, NULL);
	buf_free(&S_got);
}

static void
utf8_counts_characters_not_bytes(void **state)
{
	uint32_t cp;
	(void)state;
	assert_int_equal(utf8_count("主理人简介abc"), 8);
	assert_int_equal(utf8_decode("\xe4\xb8\xbb", 3, &cp), 3);
	assert_int_equal(cp, 0x4E3B);
	assert_int_equal(utf8_decode("\xc0\xaf", 2, &cp), 0);	/* overlong */
	assert_int_equal(utf8_decode("\xed\xa0\x80", 3, &cp), 0); /* surrogate */
	assert_int_equal(utf8_invalid_at("ab\xe4\xb8", 4), 2);
	assert_int_equal(utf8_invalid_at("ab", 2), (size_t)-1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(catalogue_is_consistent),
		cmocka_unit_test(worst_level_sets_exit_status),
		cmocka_unit_test(threshold_hides_lower_levels),
		cmocka_unit_test(once_shows_a_repeated_message_once),
		cmocka_unit_test(utf8_counts_characters_not_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
