/* test_fo_expr.c — XSL expressions in property values (src/fo/fo_expr.c):
 * arithmetic on numbers and lengths, units, functions, the list
 * functions, and what is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fo/fo_expr.h"

#define assert_near(a, b) assert_true(fabs((a) - (b)) < 1e-6)
#include <math.h>

static struct fo_expr_env S_env = { 10, FO_EX_PCT | FO_EX_PROP,
	{ 0, 0, FO_LEN }, { 0, 0, FO_LEN } };

/* The value of s in pt (a length), or fails the test. */
static struct fo_num
S_ok(const char *s)
{
	struct fo_num v;
	const char *why = fo_expr(s, &S_env, &v);

	if (why != NULL)
		fail_msg("%s: %s", s, why);
	return v;
}

static const char *
S_why(const char *s)
{
	struct fo_num v;
	return fo_expr(s, &S_env, &v);
}

static void
units_and_sums(void **state)
{
	(void)state;
	assert_near(S_ok("12pt").v, 12);
	assert_true(S_ok("12pt").is_len);
	assert_near(S_ok("1in").v, 72);
	assert_near(S_ok("25.4mm").v, 72);
	assert_near(S_ok("2.54cm").v, 72);
	assert_near(S_ok("1pc").v, 12);
	assert_near(S_ok("96px").v, 72);
	assert_near(S_ok("1.5em").v, 15);	/* em of env.em = 10 */
	assert_near(S_ok("10pt + 2mm").v, 10 + 2 * 72 / 25.4);
	assert_near(S_ok("5in-2pt").v, 358);
	assert_near(S_ok("100% - 10pt").pct, 100);
	assert_near(S_ok("100% - 10pt").v, -10);
	assert_near(S_ok("-3pt").v, -3);
	assert_near(S_ok("0 + 2pt").v, 2);	/* 0 joins a length */
	assert_false(S_ok("7").is_len);
}

static void
products_and_quotients(void **state)
{
	(void)state;
	assert_near(S_ok("4.5 * 14.4pt").v, 64.8);
	assert_near(S_ok("14.4pt * 4.5").v, 64.8);
	assert_near(S_ok("5in - (4 * 1.2em)").v, 360 - 48);
	assert_near(S_ok("5in - (2 * 1.2em)").v, 360 - 24);
	assert_near(S_ok("((1pt + 2pt) * 3) div 2").v, 4.5);
	assert_near(S_ok("10pt / 4").v, 2.5);
	assert_near(S_ok("7 mod 3").v, 1);
	assert_near(S_ok("7pt mod 3pt").v, 1);
	assert_near(S_ok("10pt div 5pt").v, 2);
	assert_false(S_ok("10pt div 5pt").is_len);	/* length / length */
	assert_near(S_ok("50% * 2").pct, 100);
	assert_near(S_ok("-(2pt + 1pt)").v, -3);
	assert_near(S_ok("2 * 3 + 4").v, 10);		/* precedence */
	assert_near(S_ok("2 + 3 * 4").v, 14);
}

static void
functions(void **state)
{
	(void)state;
	assert_near(S_ok("abs(-3pt)").v, 3);
	assert_near(S_ok("min(3pt, 2mm)").v, 3);
	assert_near(S_ok("max(3pt, 2mm)").v, 2 * 72 / 25.4);
	assert_near(S_ok("floor(2.7) * 1pt").v, 2);
	assert_near(S_ok("ceiling(2.1) * 1pt").v, 3);
	assert_near(S_ok("round(2.5) * 1pt").v, 3);
	assert_near(S_ok("round(-2.5)").v, -2);		/* XPath: towards +inf */
	assert_near(S_ok("proportional-column-width(2)").prop, 2);
	assert_near(S_ok("proportional-column-width(1) + 2pt").v, 2);
	assert_near(S_ok("proportional-column-width(1) + 2pt").prop, 1);
	assert_near(S_ok("proportional-column-width(.5) + 2pt + "
	    "proportional-column-width(.5)").prop, 1);
}

static void
list_functions(void **state)
{
	struct fo_expr_env env = S_env;
	struct fo_num v;

	(void)state;
	assert_non_null(S_why("label-end()"));	/* outside a list */
	env.allow |= FO_EX_LIST;
	env.label_end.pt = -18;
	env.label_end.pct = 100;
	env.body_start.pt = 24;
	assert_null(fo_expr("label-end()", &env, &v));
	assert_near(v.v, -18);
	assert_near(v.pct, 100);
	assert_null(fo_expr("body-start() + 6pt", &env, &v));
	assert_near(v.v, 30);
	assert_non_null(fo_expr("body-start(1)", &env, &v));
}

static void
refused(void **state)
{
	struct fo_expr_env env = S_env;
	struct fo_num v;

	(void)state;
	assert_non_null(S_why("2pt * 3pt"));
	assert_non_null(S_why("2pt div 0"));
	assert_non_null(S_why("2pt mod 0pt"));
	assert_non_null(S_why("3 + 2pt"));
	assert_non_null(S_why("12 pt"));
	assert_non_null(S_why("1e5pt"));
	assert_non_null(S_why("2furlongs"));
	assert_non_null(S_why("(2pt + 1pt"));
	assert_non_null(S_why("2pt)"));
	assert_non_null(S_why("from-parent(width)"));
	assert_non_null(S_why("min(1pt)"));
	assert_non_null(S_why("min(1pt, 2)"));
	assert_non_null(S_why(""));
	assert_non_null(S_why("pt"));
	assert_non_null(S_why("floor(50%)"));
	/* deep nesting is refused, not a stack overflow */
	{
		char deep[4096];
		memset(deep, '(', 2000);
		strcpy(deep + 2000, "1pt");
		assert_non_null(S_why(deep));
		memset(deep, '-', 3000);
		strcpy(deep + 3000, "1pt");
		assert_non_null(S_why(deep));
	}
	env.allow = 0;
	assert_non_null(fo_expr("50%", &env, &v));
	assert_non_null(fo_expr("proportional-column-width(1)", &env, &v));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(units_and_sums),
		cmocka_unit_test(products_and_quotients),
		cmocka_unit_test(functions),
		cmocka_unit_test(list_functions),
		cmocka_unit_test(refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
