/* lay_span.c — span="all" in a region-body of several columns (XSL 1.1
 * §7.21.4): a block of the flow with span="all" takes the body's whole
 * width; the columns before it on its page are balanced (as short as
 * they can be with everything still in them) and it goes under them, and
 * the columns after it start under it.
 *
 * The flow is measured at the column width; its span="all" blocks are
 * measured again at the body's width (lay_span_prepare) and fenced by
 * column breaks, so splitting stops at them.  A flow with footnotes is
 * left in plain columns, its span="all" blocks in a column
 * (W-LAY-SPAN-FOOTNOTE). */
#include <math.h>

#include "lay_int.h"
#include "../diag/diag.h"

/* Is a footnote cited in b? */
static int
S_has_fnotes(const struct lay_box *b)
{
	if (b->fnotes != NULL)
		return 1;
	if (b->kind == BX_BLOCK)
		for (size_t k = 0; k < b->nkids; k++)
			if (S_has_fnotes(lay_kid(b, k)))
				return 1;
	if (b->kind == BX_TABLE)
		for (size_t i = 0; i < b->ngroups; i++) {
			const struct lay_group *gr = lay_grp(b, i);
			for (size_t r = 0; r < gr->nrows; r++)
				for (size_t c = 0; c < gr->rows[r]->ncells; c++)
					if (gr->rows[r]->cells[c]->content &&
					    S_has_fnotes(gr->rows[r]->cells[c]->content))
						return 1;
		}
	return 0;
}

int
lay_span_prepare(struct lay *L, const struct fo_node *flow,
    const struct lay_geom *g, struct lay_box *rest)
{
	struct lay_box *wide;
	int any = 0;

	if (g->ncols < 2 || rest == NULL)
		return 0;
	for (size_t i = 0; i < rest->nkids; i++)
		any |= rest->kids[i]->span;
	if (!any)
		return 0;
	if (S_has_fnotes(rest)) {
		LAY_DIAG(L, W_LAY_SPAN_FOOTNOTE, lay_file(L), flow->line, 0);
		return 0;
	}
	wide = lay_measure_flow(L, flow, g->bx, g->bw);
	if (wide->nkids != rest->nkids) {	/* cannot pair them: said */
		LAY_DIAG(L, W_LAY_SPAN, lay_file(L), flow->line, 0);
		return 0;
	}
	for (size_t i = 0; i < rest->nkids; i++) {
		struct lay_box *k;
		if (!rest->kids[i]->span)
			continue;
		k = rest->kids[i] = wide->kids[i];
		if (k->break_before < FO_BREAK_COLUMN)
			k->break_before = FO_BREAK_COLUMN;
		if (k->break_after < FO_BREAK_COLUMN)
			k->break_after = FO_BREAK_COLUMN;
	}
	lay_box_sum(rest);
	return 1;
}

static int
S_at_span(const struct lay_box *b)
{
	return b == NULL || b->nkids == 0 || lay_kid(b, 0)->span;
}

/* Does the flow up to its next span="all" block fit in the columns at
 * height h?  A dry run: nothing is drawn. */
static int
S_fits(struct lay *L, const struct lay_geom *g, struct lay_box *r, double h)
{
	for (int c = 0; c < g->ncols; c++) {
		struct lay_box *f = NULL, *n = NULL;
		if (S_at_span(r))
			return 1;
		L->forced_break = 0;
		lay_split(L, r, h, 0, &f, &n);
		if (f == NULL)
			return 0;
		r = n;
		if (L->forced_break >= FO_BREAK_PAGE)
			return S_at_span(r);
	}
	return S_at_span(r);
}

/* The columns from y, h high, until the next span="all" block: what is
 * left.  *page: a page break was met; *used: the tallest column. */
static struct lay_box *
S_columns(struct lay *L, const struct lay_geom *g, struct lay_box *rest,
    double y, double h, double mx, int top, int *page, double *used)
{
	*used = 0;
	for (int c = 0; c < g->ncols && !S_at_span(rest); c++) {
		struct lay_box *f = NULL, *n = NULL;
		size_t from = L->page->nitems;
		double dx = g->bx + c * (g->colw + g->gap) - mx;

		L->forced_break = 0;
		lay_split(L, rest, h, top && c == 0, &f, &n);
		if (f != NULL) {
			if (f->h - f->sa > *used)
				*used = f->h - f->sa;
			lay_draw(L, f, y);
			area_shift(L->page, from, dx);
		}
		rest = n;
		if (L->forced_break >= FO_BREAK_PAGE) {
			*page = 1;
			break;
		}
	}
	return rest;
}

struct lay_box *
lay_span_fill(struct lay *L, const struct lay_geom *g, struct lay_box *rest,
    double mx)
{
	double y = g->by, bottom = g->by + g->bh;
	int top = 1, page = 0;

	while (rest != NULL && rest->nkids > 0 && bottom - y > 0.01 && !page) {
		struct lay_box *f = NULL, *n = NULL;
		if (lay_kid(rest, 0)->span) {
			L->forced_break = 0;
			lay_split(L, rest, bottom - y, top, &f, &n);
			if (f == NULL)
				break;
			lay_draw(L, f, y);
			y += f->h;
			rest = n;
			top = 0;
			if (L->forced_break >= FO_BREAK_PAGE)
				break;
			continue;
		}
		/* Balanced: the least height at which all of it fits. */
		double h = bottom - y, used;
		int balanced = S_fits(L, g, rest, h);
		if (balanced) {
			double lo = 0, hi = h;
			for (int i = 0; i < 16 && hi - lo > 0.5; i++) {
				double mid = (lo + hi) / 2;
				if (S_fits(L, g, rest, mid))
					hi = mid;
				else
					lo = mid;
			}
			h = hi;
		}
		n = S_columns(L, g, rest, y, h, mx, top, &page, &used);
		if (n == rest)	/* nothing placed: the next page */
			break;
		rest = n;
		y += balanced ? fmin(used, h) : h;
		top = 0;
		if (!S_at_span(rest))	/* the columns are full */
			break;
	}
	if (rest != NULL && rest->nkids == 0)
		rest = NULL;
	return rest;
}
