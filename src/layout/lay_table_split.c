/* lay_table_split.c — a measured table split at a page's edge: between
 * row groups, where a row's break or keep allows, or inside a row, each
 * cell's content cut at the same height; forced when not even one row
 * fits a page. */
#include <math.h>
#include <stdlib.h>

#include "lay_int.h"
#include "../util/util.h"

#define EPS	0.001

static struct lay_box *
S_empty(struct lay *L, const struct lay_box *like)
{
	struct lay_box *b = LAY_NEW(L, struct lay_box);
	b->kind = BX_BLOCK;
	b->what = NULL;
	b->x = like->x;
	b->w = like->w;
	b->bg = FO_TRANSPARENT;
	b->fixed_h = -1;
	b->kids = LAY_NEWN(L, struct lay_box *, 1);
	return b;
}

static struct lay_cell *
S_cell_copy(struct lay *L, const struct lay_cell *c, struct lay_box *content,
    int nrows)
{
	struct lay_cell *d = LAY_NEW(L, struct lay_cell);
	*d = *c;
	d->content = content;
	d->nrows = nrows;
	return d;
}

static struct lay_row *
S_row_new(struct lay *L, size_t cap)
{
	struct lay_row *r = LAY_NEW(L, struct lay_row);
	r->cells = LAY_NEWN(L, struct lay_cell *, cap ? cap : 1);
	return r;
}

/* Split group g so that its first part is at most H tall.  Non-
 * destructive.  Returns LAY_FITS, LAY_SPLIT or LAY_NONE. */
static int
S_split_group(struct lay *L, struct lay_group *g, double H, int force,
    struct lay_group **gf, struct lay_group **gr)
{
	size_t k = 0, nr = g->nrows;
	double y = 0, *top;
	int inside;

	if (g->h <= H + EPS) {
		*gf = g;
		*gr = NULL;
		return LAY_FITS;
	}
	top = xcalloc(nr + 1, sizeof *top);
	for (size_t r = 0; r < nr; r++) {
		top[r] = y;
		y += g->rows[r]->h;
	}
	top[nr] = y;
	while (k < nr && top[k] + g->rows[k]->h <= H + EPS)
		k++;
	if (k >= nr)
		k = nr - 1;

	/* Try a cut inside row k, at H; else between rows k-1 and k. */
	for (int attempt = 0; attempt < 3; attempt++) {
		double Y;
		int f = 0;
		if (attempt == 0) {
			if (g->rows[k]->keep_together && !force)
				continue;
			inside = 1;
			Y = H;
		} else if (attempt == 1) {
			if (k == 0)
				continue;
			inside = 0;
			Y = top[k];
		} else {
			if (!force)
				break;
			inside = 1;
			Y = H;
			f = 1;
		}
		/* Crossing cells: started at or before k, end after the cut. */
		size_t ncross = 0, useful = 0, starved = 0, ok = 1;
		size_t maxc = 0;
		for (size_t r = 0; r <= k; r++)
			maxc += g->rows[r]->ncells;
		struct lay_cell **cross = xcalloc(maxc ? maxc : 1, sizeof *cross);
		struct lay_box **cf = xcalloc(maxc ? maxc : 1, sizeof *cf);
		struct lay_box **cr = xcalloc(maxc ? maxc : 1, sizeof *cr);
		size_t *cs = xcalloc(maxc ? maxc : 1, sizeof *cs);
		for (size_t r = 0; r <= k && ok; r++) {
			for (size_t i = 0; i < g->rows[r]->ncells; i++) {
				struct lay_cell *c = g->rows[r]->cells[i];
				size_t end = r + (size_t)c->nrows;
				if (inside ? end <= k : end <= k || r == k)
					continue;
				double avail = Y - top[r] - c->top - c->bot;
				struct lay_box *a = NULL, *b = NULL;
				int res = avail > 0 ? lay_split(L, c->content, avail,
				    f && r == k, &a, &b) : LAY_NONE;
				if (res == LAY_NONE) {
					a = S_empty(L, c->content);
					b = c->content;
					if (c->content->h > EPS && !c->content->standin)
						starved++;
				} else if (res == LAY_FITS) {
					/* Done here; on the next page the
					 * label's stand-in, if it has one. */
					if (c->cont) {
						b = lay_measure_blocks(L, c->cont,
						    c->cx, c->cw, c->base, c->base_end);
						b->what = NULL;
						b->standin = 1;
					} else
						b = S_empty(L, c->content);
					/* Progress is content placed, not an
					 * empty or stand-in cell: else a row
					 * whose real text needs forcing would
					 * go on page after page. */
					if (c->content->h > EPS && !c->content->standin)
						useful++;
				} else if (a != NULL && a->h > EPS)
					useful++;
				cross[ncross] = c;
				cf[ncross] = a;
				cr[ncross] = b;
				cs[ncross] = r;
				ncross++;
			}
		}
		/* A cut inside the row must start every cell that has text:
		 * else a label (序号, a name) stays at the page's foot beside
		 * an empty cell whose text all went to the next page.  Then the
		 * row goes whole, unless it must be forced. */
		if (inside && (useful == 0 || (starved > 0 && !f))) {
			free(cross); free(cf); free(cr); free(cs);
			continue;
		}
		/* Build the two groups. */
		size_t nfirst = inside ? k + 1 : k;
		struct lay_group *A = LAY_NEW(L, struct lay_group);
		struct lay_group *B = LAY_NEW(L, struct lay_group);
		A->rows = LAY_NEWN(L, struct lay_row *, nfirst);
		A->nrows = nfirst;
		B->nrows = nr - k;
		B->rows = LAY_NEWN(L, struct lay_row *, B->nrows);
		for (size_t r = 0; r < nfirst; r++) {
			const struct lay_row *o = g->rows[r];
			struct lay_row *n = S_row_new(L, o->ncells);
			n->minh = o->minh;
			n->bg = o->bg;
			n->keep_together = o->keep_together;
			n->ids = o->ids;
			for (size_t i = 0; i < o->ncells; i++) {
				struct lay_cell *c = o->cells[i], *d = c;
				for (size_t q = 0; q < ncross; q++)
					if (cross[q] == c) {
						d = S_cell_copy(L, c, cf[q],
						    (int)(nfirst - r));
						d->split = 1;
					}
				n->cells[n->ncells++] = d;
			}
			A->rows[r] = n;
		}
		if (inside)
			A->rows[k]->minh = Y - top[k];
		/* The rest: row k again (what continues) and the rows after. */
		{
			const struct lay_row *o = g->rows[k];
			struct lay_row *n = S_row_new(L, o->ncells + ncross);
			n->minh = inside ? fmax(0, o->minh - (Y - top[k])) : o->minh;
			n->bg = o->bg;
			n->keep_together = o->keep_together;
			n->ids = o->ids;
			for (size_t q = 0; q < ncross; q++) {
				size_t end = cs[q] + (size_t)cross[q]->nrows;
				n->cells[n->ncells++] = S_cell_copy(L, cross[q],
				    cr[q], (int)(end - k));
			}
			if (!inside)
				for (size_t i = 0; i < o->ncells; i++)
					n->cells[n->ncells++] = o->cells[i];
			/* Keep the cells in column order for the grid. */
			for (size_t i = 1; i < n->ncells; i++)
				for (size_t j = i; j > 0 &&
				    n->cells[j]->col < n->cells[j - 1]->col; j--) {
					struct lay_cell *tmp = n->cells[j];
					n->cells[j] = n->cells[j - 1];
					n->cells[j - 1] = tmp;
				}
			B->rows[0] = n;
			for (size_t r = k + 1; r < nr; r++)
				B->rows[r - k] = g->rows[r];
		}
		free(cross); free(cf); free(cr); free(cs);
		free(top);
		lay_group_heights(A);
		lay_group_heights(B);
		*gf = A;
		*gr = B;
		return LAY_SPLIT;
	}
	free(top);
	*gf = NULL;
	*gr = g;
	return LAY_NONE;
}

/* The first group of b, after the first, that a row's break-before (or
 * the previous row's break-after) puts on a new page, or 0; *kind gets
 * the break (enum fo_break) when not NULL. */
size_t
lay_table_break(const struct lay_box *b, int *kind)
{
	for (size_t g = 1; g < b->ngroups; g++) {
		int k = lay_grp(b, g)->break_before, p = lay_grp(b, g - 1)->break_after;
		if (k != FO_BREAK_AUTO || p != FO_BREAK_AUTO) {
			if (kind != NULL)
				*kind = k > p ? k : p;
			return g;
		}
	}
	return 0;
}

int
lay_split_table(struct lay *L, struct lay_box *b, double avail, int force,
    struct lay_box **first, struct lay_box **rest)
{
	const struct lay_table *tab = b->tab;
	double hf = (tab->header ? tab->header->h : 0) +
	    (tab->footer ? tab->footer->h : 0) + tab->frame[0] + tab->frame[1];
	double body = avail - b->sb - hf, cum = 0;
	size_t g, n = b->ngroups;
	struct lay_group *gf = NULL, *gr = NULL;
	int res = LAY_NONE;

	if ((b->h - b->sa <= avail + EPS && !b->has_break) || n == 0) {
		*first = b;
		*rest = NULL;
		return LAY_FITS;
	}
	int kind = 0;
	size_t brk = lay_table_break(b, &kind);
	for (g = 0; g < n; g++) {
		double h = lay_grp(b, g)->h;
		if ((brk > 0 && g == brk) || cum + h > body + EPS)
			break;
		cum += h;
	}
	if (g >= n) {
		*first = b;
		*rest = NULL;
		return LAY_FITS;
	}
	size_t rest_at;		/* first group of the rest */
	int overflow = 0;
	if (brk > 0 && g == brk) {
		res = LAY_SPLIT;	/* a row's break-before/after */
		L->forced_break = kind;
	}
	if (res != LAY_SPLIT && (!b->keep_together || force)) {
		if (body - cum > 0)
			res = S_split_group(L, lay_grp(b, g), body - cum,
			    force && g == 0, &gf, &gr);
		if (res != LAY_SPLIT) {
			gf = gr = NULL;
			/* Break before group g, or before an earlier one that
			 * keep-with-next/previous does not hold. */
			while (g > 0 && (lay_grp(b, g - 1)->keep_next ||
			    lay_grp(b, g)->keep_prev)) {
				g--;
				cum -= lay_grp(b, g)->h;
			}
			if (g == 0 && force && lay_grp(b, 0)->h > body + EPS &&
			    body > 0) {
				/* kept rows taller than the page: cut anyway */
				res = S_split_group(L, lay_grp(b, 0), body, 1, &gf, &gr);
			}
			if (res == LAY_SPLIT)
				;
			else if (g > 0)
				res = LAY_SPLIT;
			else if (force) {
				/* Not even one row fits a page: let it overflow. */
				if (n == 1) {
					*first = b;
					*rest = NULL;
					return LAY_FITS;
				}
				overflow = 1;
				res = LAY_SPLIT;
			}
		}
	}
	if (res != LAY_SPLIT) {
		*first = NULL;
		*rest = b;
		return LAY_NONE;
	}
	struct lay_box *A = LAY_NEW(L, struct lay_box);
	struct lay_box *B = LAY_NEW(L, struct lay_box);
	*A = *b;
	*B = *b;
	size_t na = overflow ? 1 : g + (gf ? 1 : 0);
	A->groups = LAY_NEWN(L, struct lay_group *, na ? na : 1);
	A->ghead = NULL;
	for (size_t k = 0; k < na; k++)
		A->groups[k] = lay_grp(b, k);
	if (gf)
		A->groups[g] = gf;
	A->ngroups = na;
	A->content_h = 0;
	for (size_t k = 0; k < na; k++)
		A->content_h += A->groups[k]->h;
	A->sa = 0;
	A->keep_next = 0;
	A->has_break = 0;
	A->h = A->sb + hf + A->content_h;

	rest_at = overflow ? 1 : g;
	B->groups = b->groups + rest_at;
	B->ghead = gr ? gr : (rest_at == 0 ? b->ghead : NULL);
	B->ngroups = n - rest_at;
	B->content_h = b->content_h - (overflow ? lay_grp(b, 0)->h : cum) -
	    (gr ? lay_grp(b, g)->h - gr->h : 0);
	B->sb = 0;
	B->cont = 1;
	B->keep_prev = 0;
	B->break_before = 0;
	B->ids_cont = b->ids ? b->ids : b->ids_cont;
	B->ids = NULL;
	B->h = hf + B->content_h + B->sa;
	B->has_break = lay_table_break(B, NULL) > 0;
	*first = A;
	*rest = B;
	return LAY_SPLIT;
}
