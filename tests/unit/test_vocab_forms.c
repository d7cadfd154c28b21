/* test_vocab_forms.c — the vocabulary (src/input/vocab.c) is the one source
 * of the forms' fields: every section and key of vocab_table is in the INI
 * template of its kind (forms/templates/), every element and attribute of
 * its path in the kind's schema (the forms' .rng files), and every guide of
 * vocab_guide_table (the web form's guidance and limits) names a field of
 * the table and parameters policy.ini has.  A field added to the table and
 * forgotten in the template or the schema fails here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "input/input.h"
#include "input/vocab.h"
#include "rules/policy.h"
#include "util/util.h"

static char *
S_read(const char *rel)
{
	char *path = data_path(rel), *text;
	size_t len;

	text = file_read(path, &len);
	if (text == NULL)
		fail_msg("cannot read %s", path);
	free(path);
	return text;
}

static const char *
S_file(enum input_kind k)
{
	return input_kind_root(k);
}

static void
template_has_every_section_and_key(void **state)
{
	(void)state;
	for (enum input_kind k = INPUT_APPLICATION; k <= INPUT_DECISIONS; k++) {
		char *rel = xasprintf("forms/templates/%s.ini", S_file(k));
		char *tpl = S_read(rel);
		for (const struct vocab *v = vocab_table; v->kind != INPUT_UNKNOWN; v++) {
			char *want;
			if (v->kind != k || v->type == VT_LABEL)
				continue;
			if (v->type == VT_SECTION)
				want = xasprintf("[%s]", v->label);
			else if (v->type == VT_LIST)
				want = xasprintf("[%s1]", v->label);
			else
				want = xasprintf("%s =", v->label);
			if (strstr(tpl, want) == NULL)
				fail_msg("%s lacks %s", rel, want);
			free(want);
		}
		free(tpl);
		free(rel);
	}
}

static void
schema_has_every_element(void **state)
{
	(void)state;
	for (enum input_kind k = INPUT_APPLICATION; k <= INPUT_DECISIONS; k++) {
		char *rel = xasprintf("forms/%s.rng", S_file(k));
		char *rng = S_read(rel);
		for (const struct vocab *v = vocab_table; v->kind != INPUT_UNKNOWN; v++) {
			char *path, *save = NULL;
			if (v->kind != k || v->path[0] == '\0')
				continue;
			path = xstrdup(v->path);
			for (char *part = strtok_r(path, "/", &save); part;
			    part = strtok_r(NULL, "/", &save)) {
				char *hash = strchr(part, '#'), *want;
				if (hash)
					*hash = '\0';
				want = xasprintf("name=\"%s\"", part[0] == '@' ? part + 1 : part);
				if (strstr(rng, want) == NULL)
					fail_msg("%s lacks %s (%s)", rel, want, v->path);
				free(want);
			}
			free(path);
		}
		free(rng);
		free(rel);
	}
}

/* "节/键" of policy.ini as an int: aborts (a failed test) when policy.c
 * does not declare it. */
static void
S_param(const struct policy *pol, const char *name, int list)
{
	const char *slash = strchr(name, '/');
	char *sec;
	size_t n = 0;

	assert_non_null(slash);
	sec = xstrndup(name, (size_t)(slash - name));
	if (list)
		assert_non_null(policy_list(pol, sec, slash + 1, &n));
	else
		assert_true(policy_int(pol, sec, slash + 1) > 0);
	free(sec);
}

static void
guides_name_fields_and_parameters(void **state)
{
	const struct policy *pol = policy_get();

	(void)state;
	assert_non_null(pol);
	for (const struct vocab_guide *g = vocab_guide_table; g->kind != INPUT_UNKNOWN; g++) {
		const struct vocab *v = vocab_find(g->kind, g->path);
		if (v == NULL || strcmp(v->path, g->path) != 0)
			fail_msg("guide of %s: no such field", g->path);
		if (g->max)
			S_param(pol, g->max, 0);
		if (g->min)
			S_param(pol, g->min, 0);
		if (g->choices && g->choices[0] != '=')
			S_param(pol, g->choices, 1);
	}
	/* the counter of 简介 is the rule's number */
	assert_int_equal(policy_int(pol, "申报表", "主理人简介最多字数"), 100);
	assert_string_equal(vocab_guide(INPUT_APPLICATION, "leader/intro")->max,
	    "申报表/主理人简介最多字数");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(template_has_every_section_and_key),
		cmocka_unit_test(schema_has_every_element),
		cmocka_unit_test(guides_name_fields_and_parameters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
