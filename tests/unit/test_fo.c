/* test_fo.c — the FO reader: tree shape, text refinement, properties. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "diag/diag.h"
#include "fo/fo.h"
#include "util/util.h"

static struct buf S_got;

static void
S_sink(const struct diag_msg *m, void *arg)
{
	(void)arg;
	buf_printf(&S_got, "%d:%s|", m->line, diag_entry(m->id)->code);
}

#define HEAD "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format'>" \
	"<fo:layout-master-set><fo:simple-page-master master-name='A4'" \
	" page-width='210mm' page-height='297mm' margin='25mm 20mm 20mm'>" \
	"<fo:region-body/></fo:simple-page-master></fo:layout-master-set>" \
	"<fo:page-sequence master-reference='A4'><fo:flow flow-name='xsl-region-body'>"
#define TAIL "</fo:flow></fo:page-sequence></fo:root>"

/* Parse HEAD body TAIL, collecting diagnostics into S_got. */
static struct fo_tree *
S_parse(const char *body)
{
	char *s = xasprintf("%s%s%s", HEAD, body, TAIL);
	struct fo_tree *t;

	buf_reset(&S_got);
	diag_set_sink(S_sink, NULL);
	diag_reset();
	t = fo_parse_memory(s, strlen(s), "t.fo");
	free(s);
	return t;
}

static struct fo_node *
S_flow(struct fo_tree *t)
{
	struct fo_node *ps = t->root->last;
	assert_int_equal(ps->kind, FO_PAGE_SEQUENCE);
	assert_int_equal(ps->first->kind, FO_FLOW);
	return ps->first;
}

static void
tree_shape(void **state)
{
	struct fo_tree *t;
	struct fo_node *b, *n;

	(void)state;
	t = S_parse("<fo:block id='b1'>Hello <fo:inline>big</fo:inline>"
	    " world</fo:block>\n<fo:table><fo:table-body><fo:table-row>"
	    "<fo:table-cell><fo:block>x</fo:block></fo:table-cell>"
	    "</fo:table-row></fo:table-body></fo:table>");
	assert_non_null(t);
	assert_string_equal(S_got.data ? S_got.data : "", "");
	assert_int_equal(t->root->kind, FO_ROOT);
	assert_int_equal(t->root->first->kind, FO_LAYOUT_MASTER_SET);
	b = S_flow(t)->first;
	assert_int_equal(b->kind, FO_BLOCK);
	assert_ptr_equal(fo_lookup_id(t, "b1"), b);
	n = b->first;
	assert_int_equal(n->kind, FO_TEXT);
	assert_int_equal(n->u.text.len, 6);
	assert_memory_equal(n->u.text.s, "Hello ", 6);
	assert_int_equal(n->next->kind, FO_INLINE);
	assert_memory_equal(n->next->first->u.text.s, "big", 3);
	assert_memory_equal(n->next->next->u.text.s, " world", 6);
	assert_ptr_equal(b->last, n->next->next);
	assert_int_equal(b->next->kind, FO_TABLE);
	assert_null(b->next->next);
	assert_non_null(fo_master_get(t, "A4"));
	assert_null(fo_master_get(t, "A5"));
	assert_non_null(fo_master_region(fo_master_get(t, "A4"), FO_REGION_BODY));
	fo_tree_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tree_shape),
	};
	int rc;

	buf_init(&S_got);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	buf_free(&S_got);
	return rc;
}
