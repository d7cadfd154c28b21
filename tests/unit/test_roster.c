/* test_roster.c — the roster's parts: SHA-256 against the FIPS 180-2
 * vectors, the plan digest, dates, ids, admission and validation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>

#include "diag/diag.h"
#include "roster/roster.h"
#include "rules/rules.h"
#include "util/util.h"

static void
sha256_vectors(void **state)
{
	char hex[65];
	(void)state;
	sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	/* 56 bytes: the padding needs a second block */
	const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	sha256_hex(m, strlen(m), hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	char *a = xmalloc(1000000);
	memset(a, 'a', 1000000);
	sha256_hex(a, 1000000, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(a);
}

static void
dates(void **state)
{
	char *s;
	(void)state;
#define MONTHS(d, n, want) s = roster_add_months(d, n); \
	assert_string_equal(s, want); free(s)
	MONTHS("2026-12-15", 6, "2027-06-15");
	MONTHS("2026-08-31", 6, "2027-02-28");
	MONTHS("2027-08-31", 6, "2028-02-29");
	MONTHS("2026-01-31", 1, "2026-02-28");
	MONTHS("2026-06-30", 18, "2027-12-30");
	assert_true(roster_date_ok("2028-02-29"));
	assert_false(roster_date_ok("2026-02-29"));
	assert_false(roster_date_ok("2026-13-01"));
	assert_false(roster_date_ok("2026-1-01"));
	assert_false(roster_date_ok("2026-01-01x"));
}

static xmlDoc *
S_load(const char *path)
{
	xmlDoc *d = xmlReadFile(path, NULL, XML_PARSE_NONET);
	assert_non_null(d);
	return d;
}

/* The same plan written differently has the same digest; one character
 * changed gives another. */
static void
plan_digest(void **state)
{
	xmlDoc *d = S_load("tests/rules/app-ok.xml");
	xmlNode *app = xmlDocGetRootElement(d);
	char *a, *b, *c;
	(void)state;

	a = roster_plan_digest(app);
	assert_int_equal(strlen(a), 7 + 64);
	assert_memory_equal(a, "sha256:", 7);
	/* into two paragraphs with spaces and a full-width space */
	xmlNode *ov = rules_path(app, "plan/overall");
	char *t = rules_text(ov);
	size_t half = 0, n = strlen(t);
	for (size_t i = 0, k = 0; i < n && k < 20; k++)	/* 20 characters in */
		i += utf8_decode(t + i, n - i, &(uint32_t){ 0 }), half = i;
	char *p1 = xstrndup(t, half);
	xmlNodeSetContent(ov, NULL);
	xmlNewTextChild(ov, NULL, (const xmlChar *)"p", (const xmlChar *)p1);
	xmlNodeAddContent(ov, (const xmlChar *)"\n   ");
	char *p2 = xasprintf("　%s ", t + half);
	xmlNewTextChild(ov, NULL, (const xmlChar *)"p", (const xmlChar *)p2);
	b = roster_plan_digest(app);
	assert_string_equal(a, b);
	/* a changed character */
	xmlNodeSetContent(rules_path(app, "plan/platform"), (const xmlChar *)"依托线下工作室。");
	c = roster_plan_digest(app);
	assert_string_not_equal(a, c);
	free(a); free(b); free(c); free(t); free(p1); free(p2);
	xmlFreeDoc(d);
}

static void
admit_and_ids(void **state)
{
	struct roster r = { .path = (char *)"mem", .lockfd = -1 };
	xmlDoc *d = S_load("tests/rules/app-ok.xml");
	char why[200], *id;
	(void)state;

	r.doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNode *root = xmlNewNode(NULL, (const xmlChar *)"roster");
	xmlSetProp(root, (const xmlChar *)"version", (const xmlChar *)"1");
	xmlDocSetRootElement(r.doc, root);
	assert_int_equal(roster_validate(r.doc, why, sizeof why), 0);

	id = roster_next_id(&r, 2026);
	assert_string_equal(id, "HZNU-GZF-2026-01");
	xmlNode *ws = roster_admit(&r, xmlDocGetRootElement(d), id, "2026-06-01", "a.xml");
	free(id);
	assert_int_equal(roster_validate(r.doc, why, sizeof why), 0);
	assert_ptr_equal(roster_workshop(&r, "HZNU-GZF-2026-01"), ws);
	char *st = roster_status(ws, "state");
	assert_string_equal(st, ROSTER_ACTIVE);
	free(st);
	char *lead = rules_text(rules_path(ws, "leader/name"));
	assert_string_equal(lead, "张三");
	free(lead);

	/* ids count up per year, skipping none */
	xmlSetProp(ws, (const xmlChar *)"id", (const xmlChar *)"HZNU-GZF-2026-07");
	id = roster_next_id(&r, 2026);
	assert_string_equal(id, "HZNU-GZF-2026-08");
	free(id);
	id = roster_next_id(&r, 2027);
	assert_string_equal(id, "HZNU-GZF-2027-01");
	free(id);
	xmlSetProp(ws, (const xmlChar *)"id", (const xmlChar *)"HZNU-GZF-2026-99");
	assert_null(roster_next_id(&r, 2026));

	/* a status the schema does not know is refused */
	roster_set_status(ws, "冻结", NULL, (char *)NULL);
	assert_int_equal(roster_validate(r.doc, why, sizeof why), -1);
	assert_non_null(strstr(why, "roster.rng"));
	roster_set_status(ws, ROSTER_PROBATION, NULL, "since", "2026-12-15",
	    "until", "2027-06-15", (char *)NULL);
	assert_int_equal(roster_validate(r.doc, why, sizeof why), 0);
	/* 暂缓 without its end date is not a valid roster */
	roster_set_status(ws, ROSTER_PROBATION, NULL, (char *)NULL);
	assert_int_equal(roster_validate(r.doc, why, sizeof why), -1);
	xmlFreeDoc(r.doc);
	xmlFreeDoc(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sha256_vectors),
		cmocka_unit_test(dates),
		cmocka_unit_test(plan_digest),
		cmocka_unit_test(admit_and_ids),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
