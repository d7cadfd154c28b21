/* lay_master.c — which simple-page-master each page of a page-sequence
 * uses (XSL 1.1 §6.4.7–6.4.12): a simple-page-master named by the
 * sequence, or the sub-sequence specifiers of a page-sequence-master in
 * order (single-page-master-reference: one page;
 * repeatable-page-master-reference: maximum-repeats pages;
 * repeatable-page-master-alternatives: maximum-repeats pages, each from
 * the first conditional-page-master-reference whose page-position,
 * odd-or-even and blank-or-not-blank hold for the page).
 *
 * An unknown name falls back to the first simple-page-master with a
 * warning; when the specifiers are used up the last one goes on (a
 * warning too): a document always gets its pages. */
#include <string.h>

#include "lay_int.h"
#include "../diag/diag.h"

/* The first simple-page-master of the document, or NULL. */
static const struct fo_node *
S_first_simple(const struct lay *L)
{
	for (const struct fo_node *s = L->fo->root->first; s; s = s->next)
		if (s->kind == FO_LAYOUT_MASTER_SET)
			for (const struct fo_node *t = s->first; t; t = t->next)
				if (t->kind == FO_SIMPLE_PAGE_MASTER)
					return t;
	return NULL;
}

/* The simple-page-master a reference names, or the fallback. */
static const struct fo_node *
S_simple(struct lay *L, const char *name, int line)
{
	const struct fo_node *m = fo_master_get(L->fo, name ? name : "");

	if (m != NULL)
		return m;
	LAY_DIAG(L, W_LAY_MASTER, lay_file(L), line, 0, name ? name : "");
	return S_first_simple(L);
}

void
lay_master_start(struct lay *L, const struct fo_node *seq,
    struct lay_pmstate *st)
{
	const char *name = seq->u.seq.master_reference;
	const struct fo_node *m = fo_master_any(L->fo, name ? name : "");

	memset(st, 0, sizeof *st);
	st->seq = seq;
	if (m != NULL && m->kind == FO_PAGE_SEQUENCE_MASTER) {
		st->psm = m;
		st->sub = m->first;
		while (st->sub != NULL && st->sub->kind == FO_TEXT)
			st->sub = st->sub->next;
		if (st->sub == NULL) {
			LAY_DIAG(L, W_LAY_MASTER_EMPTY, lay_file(L), m->line, 0,
			    m->u.pm.name ? m->u.pm.name : "");
			st->psm = NULL;
			st->simple = S_first_simple(L);
		}
		return;
	}
	if (m == NULL) {
		LAY_DIAG(L, W_LAY_MASTER, lay_file(L), seq->line, 0,
		    name ? name : "");
		m = S_first_simple(L);
	}
	st->simple = m;
}

/* May the conditional reference c be used for this page? */
static int
S_cond_ok(const struct fo_node *c, int first, int last, int odd, int blank)
{
	switch (c->u.pm.page_position) {
	case FO_PP_FIRST: if (!first) return 0; break;
	case FO_PP_LAST: if (!last) return 0; break;
	case FO_PP_REST: if (first || last) return 0; break;
	case FO_PP_ONLY: if (!first || !last) return 0; break;
	default: break;
	}
	if ((c->u.pm.odd_or_even == FO_OE_ODD && !odd) ||
	    (c->u.pm.odd_or_even == FO_OE_EVEN && odd))
		return 0;
	if ((c->u.pm.blank == FO_BL_BLANK && !blank) ||
	    (c->u.pm.blank == FO_BL_NOT_BLANK && blank))
		return 0;
	return 1;
}

/* The next sub-sequence specifier, or NULL. */
static const struct fo_node *
S_next_sub(const struct fo_node *sub)
{
	for (sub = sub->next; sub != NULL && sub->kind == FO_TEXT; sub = sub->next)
		;
	return sub;
}

/* How many pages the specifier gives; -1 for no limit. */
static int
S_repeats(const struct fo_node *sub)
{
	if (sub->kind == FO_SINGLE_PAGE_MASTER_REFERENCE)
		return 1;
	return sub->u.pm.max_repeats;
}

const struct fo_node *
lay_master_next(struct lay *L, struct lay_pmstate *st, int pageno, int last,
    int blank)
{
	int first = st->pages == 0;
	const struct fo_node *sub;

	st->pages++;
	if (st->psm == NULL)
		return st->simple;
	/* Past the specifier's pages: the next one, or the last again. */
	while (S_repeats(st->sub) >= 0 && st->used >= S_repeats(st->sub)) {
		const struct fo_node *n = S_next_sub(st->sub);
		if (n == NULL) {
			if (!st->warned_end)
				LAY_DIAG(L, W_LAY_MASTER_END, lay_file(L),
				    st->psm->line, 0,
				    st->psm->u.pm.name ? st->psm->u.pm.name : "");
			st->warned_end = 1;
			break;
		}
		st->sub = n;
		st->used = 0;
	}
	sub = st->sub;
	st->used++;
	if (sub->kind != FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES)
		return S_simple(L, sub->u.pm.name, sub->line);
	for (const struct fo_node *c = sub->first; c != NULL; c = c->next)
		if (c->kind == FO_CONDITIONAL_PAGE_MASTER_REFERENCE &&
		    S_cond_ok(c, first, last, pageno % 2 != 0, blank))
			return S_simple(L, c->u.pm.name, c->line);
	/* No condition holds: the first alternative, said once. */
	for (const struct fo_node *c = sub->first; c != NULL; c = c->next)
		if (c->kind == FO_CONDITIONAL_PAGE_MASTER_REFERENCE) {
			if (!st->warned_none)
				LAY_DIAG(L, W_LAY_MASTER_NONE, lay_file(L),
				    sub->line, 0, pageno);
			st->warned_none = 1;
			return S_simple(L, c->u.pm.name, c->line);
		}
	return S_first_simple(L);
}

/* The region-name of a simple-page-master's region-body. */
static const char *
S_body_name(const struct fo_node *spm)
{
	for (const struct fo_node *r = spm->first; r != NULL; r = r->next)
		if (r->kind == FO_REGION_BODY)
			return r->u.region && r->u.region->region_name ?
			    r->u.region->region_name : "xsl-region-body";
	return NULL;
}

int
lay_body_takes(const struct lay *L, const struct fo_node *master,
    const struct fo_node *flow)
{
	const char *want = flow != NULL ? flow->u.flow_name : NULL;
	const char *name;

	if (master == NULL || want == NULL ||
	    ((name = S_body_name(master)) != NULL && strcmp(name, want) == 0))
		return 1;
	/* Another name: the page has no flow, if some master's body is
	 * named for it (else the flow goes in every body, as it always
	 * did). */
	for (const struct fo_node *s = L->fo->root->first; s; s = s->next)
		if (s->kind == FO_LAYOUT_MASTER_SET)
			for (const struct fo_node *t = s->first; t; t = t->next)
				if (t->kind == FO_SIMPLE_PAGE_MASTER &&
				    (name = S_body_name(t)) != NULL &&
				    strcmp(name, want) == 0)
					return 0;
	return 1;
}
