/* lay_column.c — the flow's part on a page: region-body cut into columns
 * (column-count, column-gap), each filled from the top with what is left
 * of the flow (lay_box.c splits it).  The flow is measured once, at the
 * first page's column width; a later page whose columns are elsewhere
 * gets it moved there, and one whose columns are of another width gets it
 * at the first width, with a warning. */
#include <math.h>

#include "lay_int.h"
#include "../diag/diag.h"

void
lay_columns(struct lay *L, const struct fo_node *body, struct lay_geom *g)
{
	const struct fo_region *r = body->u.region;
	int n = r != NULL && r->column_count > 1 ? r->column_count : 1;
	double gap = r != NULL ? r->column_gap : 0;
	double w = g->bw;

	if (n > 1) {
		w = (g->bw - (n - 1) * gap) / n;
		if (w < 1) {
			LAY_DIAG(L, W_LAY_COLUMNS, lay_file(L), body->line, 0, n);
			n = 1;
			w = g->bw;
		}
	}
	g->ncols = n;
	g->gap = n > 1 ? gap : 0;
	g->colw = w;
}

/* At the top of a page the space before the first thing is dropped,
 * unless its conditionality is retain (margin-top gives that): then it
 * and what is inside it stay. */
static void
S_trim(struct lay_box *b)
{
	double d = b->sb;

	if (b->sb_retain && !b->cont)
		return;
	b->sb = 0;
	b->h -= d;
	if (b->kind == BX_BLOCK && b->nkids > 0 && b->bd[FO_BEFORE].w <= 0 &&
	    b->pad[FO_BEFORE] <= 0 && b->fixed_h < 0) {
		struct lay_box *k = lay_kid(b, 0);
		double before = k->h;
		S_trim(k);
		b->content_h -= before - k->h;
		b->h -= before - k->h;
	}
}

/* The FO line of the innermost box at the start of b: where the thing
 * too tall for a page is. */
static int
S_tall_line(const struct lay_box *b)
{
	int line = b->fo_line;

	while (b->kind == BX_BLOCK && b->nkids > 0) {
		b = lay_kid(b, b->nkids - 1);
		if (b->fo_line)
			line = b->fo_line;
	}
	return line;
}

/* Split rest for a column: as much as fits with the footnotes of what
 * is placed under it.  The column is shortened by the footnotes' height
 * and lengthened again while what then fits still fits with its own;
 * *fh is the footnotes' height (measured into L->fnset), 0 for none. */
static void
S_split_fn(struct lay *L, const struct lay_geom *g, struct lay_box *rest,
    double mx, struct lay_box **first, struct lay_box **next, double *fh)
{
	double avail = g->bh, h;
	struct lay_box *f = NULL, *n = NULL, *ok_f = NULL, *ok_n = NULL;
	int ok_brk = 0, brk;

	*fh = 0;
	for (int pass = 0; pass < 8; pass++) {
		L->forced_break = 0;
		lay_split(L, rest, avail, 1, &f, &n);
		brk = L->forced_break;
		h = f ? lay_footnotes_measure(L, f, mx, g->colw, &L->fnset) : 0;
		if (h <= 0 && pass == 0) {
			*first = f;
			*next = n;
			return;
		}
		if (f == NULL || f->h - f->sa + h <= g->bh + 0.01) {
			ok_f = f;
			ok_n = n;
			ok_brk = brk;
			if (g->bh - h <= avail + 0.01)
				break;		/* no room to gain */
		}
		if (g->bh - h < 1 || fabs(g->bh - h - avail) < 0.01)
			break;
		avail = g->bh - h;
	}
	if (ok_f == NULL && ok_n == NULL) {	/* never fitted: the last try */
		ok_f = f;
		ok_n = n;
		ok_brk = brk;
	}
	/* The footnotes of what is kept, measured again if another try
	 * came after it. */
	*fh = ok_f ? lay_footnotes_measure(L, ok_f, mx, g->colw, &L->fnset) : 0;
	if (*fh > 0 && ok_f->h - ok_f->sa + *fh > g->bh + 0.01 &&
	    !L->warned_fn_room && L->fnset.n > 0) {
		/* footnotes are not continued on the next page: said once */
		LAY_DIAG(L, W_LAY_FOOTNOTE_ROOM, lay_file(L),
		    L->fnset.b[0]->fo_line, 0, *fh, g->bh - (ok_f->h - ok_f->sa));
		L->warned_fn_room = 1;
	}
	L->forced_break = ok_brk;
	*first = ok_f;
	*next = ok_n;
}

/* Does b draw nothing: no line, table, picture, absolutely positioned
 * or turned container, border or background, and no height? */
static int
S_empty(const struct lay_box *b)
{
	if (b->kind != BX_BLOCK || b->h > 0.001 || b->abs != NULL ||
	    b->turned != NULL || b->bg != FO_TRANSPARENT)
		return 0;
	for (size_t k = 0; k < b->nkids; k++)
		if (!S_empty(lay_kid(b, k)))
			return 0;
	return 1;
}

struct lay_box *
lay_fill_page(struct lay *L, const struct lay_geom *g, struct lay_box *rest,
    double mx, double mw)
{
	if (fabs(g->colw - mw) > 0.01 && !L->warned_width) {
		LAY_DIAG(L, W_LAY_WIDTH, lay_file(L),
		    g->master ? g->master->line : 0, 0, mw, g->colw);
		L->warned_width = 1;
	}
	if (L->span_flow && g->ncols > 1)
		return lay_span_fill(L, g, rest, mx);
	for (int c = 0; c < g->ncols && rest != NULL; c++) {
		struct lay_box *first = NULL, *next = NULL;
		size_t from = L->page->nitems;
		double x = g->bx + c * (g->colw + g->gap);

		if (g->ncols > 1) {
			struct area_item *it = lay_box_item(L);
			it->x = x;
			it->y = g->by;
			it->w = g->colw;
			it->h = g->bh;
			it->u.box.what = "column";
			it->u.box.fo_line = g->body ? g->body->line : 0;
			from = L->page->nitems;
		}
		double fh = 0;
		S_trim(rest);
		S_split_fn(L, g, rest, mx, &first, &next, &fh);
		/* Nothing but empty blocks before a page break: no blank page
		 * for them (as Apache FOP); their ids and markers are here,
		 * the column goes on with what follows the break. */
		for (int n = 0; n < 1000 && first != NULL && next != NULL &&
		    fh <= 0 && L->forced_break == FO_BREAK_PAGE &&
		    S_empty(first); n++) {
			lay_draw(L, first, g->by);
			rest = next;
			S_trim(rest);
			S_split_fn(L, g, rest, mx, &first, &next, &fh);
		}
		if (first != NULL) {
			lay_draw(L, first, g->by);
			if (fh > 0)
				lay_footnotes_draw(L, &L->fnset, g->by + g->bh - fh);
			area_shift(L->page, from, x - mx);
			if (first->h - first->sa > g->bh + 0.01 && !L->warned_tall) {
				LAY_DIAG(L, W_LAY_TOO_TALL, lay_file(L),
				    S_tall_line(first), 0);
				L->warned_tall = 1;
			}
		}
		rest = next;
		/* A page break leaves the page's other columns empty. */
		if (L->forced_break >= FO_BREAK_PAGE)
			break;
	}
	return rest;
}
