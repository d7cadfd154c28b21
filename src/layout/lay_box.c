/* lay_box.c — any measured box (block, line, table) drawn into the page
 * or split at a page's foot: keeps, widows and orphans, forced breaks.
 * Tables are handed to lay_table_split.c and lay_table_draw.c, which
 * come back here for the blocks inside their cells. */
#include <math.h>
#include <stddef.h>

#include "lay_int.h"

#define EPS		0.001

/* ---- drawing ---- */

void
lay_draw(struct lay *L, const struct lay_box *b, double y)
{
	struct area_item *it;

	switch (b->kind) {
	case BX_LINE:
		lay_record(L, b->ids, y);
		lay_record_last(L, b->ids_cont);	/* inlines ending here */
		for (size_t i = 0; i < b->nitems; i++) {
			it = area_item_add(L->page, b->items[i].kind);
			*it = b->items[i];
			it->y += y;
			if (it->kind == AREA_RULE)
				it->u.rule.y2 += y;
		}
		return;
	case BX_TABLE:
		lay_record(L, b->ids, y);
		lay_record_last(L, b->ids_cont);
		lay_draw_table(L, b, y);
		return;
	case BX_BLOCK:
		if (b->abs != NULL) {
			lay_abs_draw(L, b, y);
			return;
		}
		break;
	}
	double top = y + b->sb;
	double inner = b->fixed_h >= 0 ? b->fixed_h : b->content_h;
	double h = b->bd[FO_BEFORE].w + b->pad[FO_BEFORE] + inner +
	    b->pad[FO_AFTER] + b->bd[FO_AFTER].w;

	lay_record(L, b->ids, top);
	lay_record_last(L, b->ids_cont);
	lay_markers_note(L, b);
	if (b->what != NULL) {
		it = lay_box_item(L);
		it->x = b->x;
		it->y = top;
		it->w = b->w;
		it->h = h;
		it->u.box.what = b->what;
		it->u.box.fo_line = b->fo_line;
	}
	if (b->bg != FO_TRANSPARENT) {
		it = area_item_add(L->page, AREA_RECT);
		it->x = b->x;
		it->y = top;
		it->w = b->w;
		it->h = h;
		it->color = b->bg;
	}
	double cy = top + b->bd[FO_BEFORE].w + b->pad[FO_BEFORE];
	if (b->fixed_h > b->content_h) {
		if (b->valign == FO_DALIGN_CENTER)
			cy += (b->fixed_h - b->content_h) / 2;
		else if (b->valign == FO_DALIGN_AFTER)
			cy += b->fixed_h - b->content_h;
	}
	if (b->turned != NULL)
		lay_turn_draw(L, b, b->x + b->bd[FO_START].w + b->pad[FO_START],
		    top + b->bd[FO_BEFORE].w + b->pad[FO_BEFORE]);
	double ay = L->area_y, ah = L->area_h;
	if (b->refarea) {	/* the containing block of absolute ones */
		L->area_y = top + b->bd[FO_BEFORE].w;
		L->area_h = h - b->bd[FO_BEFORE].w - b->bd[FO_AFTER].w;
	}
	for (size_t k = 0; k < b->nkids; k++) {
		const struct lay_box *kid = lay_kid(b, k);
		lay_draw(L, kid, cy);
		cy += kid->h;
	}
	L->area_y = ay;
	L->area_h = ah;
	/* Borders on their centre lines, inside the border box. */
	const struct lay_border *bd = b->bd;
	double x1 = b->x, x2 = b->x + b->w, y1 = top, y2 = top + h;
	lay_draw_border(L, &bd[FO_BEFORE], x1, y1 + bd[FO_BEFORE].w / 2, x2,
	    y1 + bd[FO_BEFORE].w / 2);
	lay_draw_border(L, &bd[FO_AFTER], x1, y2 - bd[FO_AFTER].w / 2, x2,
	    y2 - bd[FO_AFTER].w / 2);
	lay_draw_border(L, &bd[FO_START], x1 + bd[FO_START].w / 2, y1,
	    x1 + bd[FO_START].w / 2, y2);
	lay_draw_border(L, &bd[FO_END], x2 - bd[FO_END].w / 2, y1,
	    x2 - bd[FO_END].w / 2, y2);
}

/* ---- splitting ---- */

/* May the page break between kids j-1 and j of b?  Keeps, then widows
 * and orphans inside a paragraph. */
static int
S_break_ok(const struct lay_box *b, size_t j)
{
	const struct lay_box *p = lay_kid(b, j - 1), *n = lay_kid(b, j);
	int before = 0;

	if (p->keep_next || n->keep_prev)
		return 0;
	if (p->kind != BX_LINE || n->kind != BX_LINE || p->run != n->run)
		return 1;
	/* Lines of this paragraph before the break, in this fragment. */
	for (size_t k = j; k > 0 && lay_kid(b, k - 1)->kind == BX_LINE &&
	    lay_kid(b, k - 1)->run == n->run; k--)
		before++;
	return before >= n->orphans && n->run_n - n->run_i >= n->widows;
}

static struct lay_box *
S_first(struct lay *L, const struct lay_box *b, size_t j, struct lay_box *kf)
{
	struct lay_box *A = LAY_NEW(L, struct lay_box);
	size_t n = j + (kf ? 1 : 0);

	*A = *b;
	A->kids = LAY_NEWN(L, struct lay_box *, n ? n : 1);
	A->head = NULL;
	A->content_h = 0;
	for (size_t k = 0; k < j; k++) {
		A->kids[k] = lay_kid(b, k);
		A->content_h += A->kids[k]->h;
	}
	if (kf) {
		A->kids[j] = kf;
		A->content_h += kf->h;
	}
	A->nkids = n;
	A->more = 1;
	A->sa = 0;
	A->keep_next = 0;
	A->has_break = 0;
	A->fixed_h = -1;
	A->h = A->sb + A->bd[FO_BEFORE].w + A->pad[FO_BEFORE] + A->content_h +
	    A->pad[FO_AFTER] + A->bd[FO_AFTER].w;
	return A;
}

/* The rest: kids from j on, kids[j] replaced by kr when not NULL. */
static struct lay_box *
S_rest(struct lay *L, const struct lay_box *b, size_t j, struct lay_box *kr,
    double gone)
{
	struct lay_box *B = LAY_NEW(L, struct lay_box);

	*B = *b;
	B->kids = b->kids + j;
	B->head = kr ? kr : (j == 0 ? b->head : NULL);
	B->nkids = b->nkids - j;
	B->content_h = b->content_h - gone;
	B->sb = 0;
	B->cont = 1;
	B->ids_cont = b->ids ? b->ids : b->ids_cont;
	B->ids = NULL;
	B->keep_prev = 0;
	B->break_before = 0;
	B->h = B->bd[FO_BEFORE].w + B->pad[FO_BEFORE] + B->content_h +
	    B->pad[FO_AFTER] + B->bd[FO_AFTER].w + B->sa;
	/* Is a break still to come?  (The one cut at is gone: with it
	 * counted, the rest ended its page after its first kid, and a
	 * block after it went to a page of its own.)  Searched only when
	 * there was one, up to the first. */
	if (B->has_break) {
		B->has_break = 0;
		for (size_t k = 0; k < B->nkids && !B->has_break; k++) {
			const struct lay_box *k1 = lay_kid(B, k);
			B->has_break = k1->has_break || (k > 0 &&
			    k1->break_before) || (k + 1 < B->nkids &&
			    k1->break_after);
		}
	}
	return B;
}

int
lay_split(struct lay *L, struct lay_box *b, double avail, int force,
    struct lay_box **first, struct lay_box **rest)
{
	*first = b;
	*rest = NULL;
	switch (b->kind) {
	case BX_LINE:
		if (b->h <= avail + EPS || force)
			return LAY_FITS;
		*first = NULL;
		*rest = b;
		return LAY_NONE;
	case BX_TABLE:
		return lay_split_table(L, b, avail, force, first, rest);
	case BX_BLOCK:
		break;
	}
	if (!b->has_break && b->h - b->sa <= avail + EPS)
		return LAY_FITS;
	if (b->fixed_h >= 0 || b->nkids == 0 || (b->keep_together && !force)) {
		if (force)
			return LAY_FITS;
		*first = NULL;
		*rest = b;
		return LAY_NONE;
	}
	double cavail = avail - b->sb - b->bd[FO_BEFORE].w - b->pad[FO_BEFORE] -
	    b->pad[FO_AFTER] - b->bd[FO_AFTER].w;
	double cum = 0;
	size_t k;

	for (k = 0; k < b->nkids; k++) {
		struct lay_box *kid = lay_kid(b, k);
		if (k > 0 && (kid->break_before || lay_kid(b, k - 1)->break_after)) {
			/* which: page, column, odd-page, even-page */
			L->forced_break = kid->break_before > lay_kid(b, k - 1)->break_after ?
			    kid->break_before : lay_kid(b, k - 1)->break_after;
			*first = S_first(L, b, k, NULL);
			*rest = S_rest(L, b, k, NULL, cum);
			return LAY_SPLIT;
		}
		if (kid->has_break || cum + kid->h - kid->sa > cavail + EPS)
			break;
		cum += kid->h;
	}
	if (k == b->nkids)
		return LAY_FITS;

	/* Kid k does not fit (or holds a forced break): cut inside it, or
	 * before it, or before an earlier kid that may be left. */
	struct lay_box *kid = lay_kid(b, k), *kf, *kr;
	int placed = cum > EPS || k > 0;
	int r = lay_split(L, kid, cavail - cum, force && !placed, &kf, &kr);
	if (r == LAY_SPLIT && kf != NULL) {
		*first = S_first(L, b, k, kf);
		*rest = S_rest(L, b, k, kr, cum + kid->h - kr->h);
		return LAY_SPLIT;
	}
	if (r == LAY_FITS) {	/* forced to overflow, or only a break */
		if (k + 1 >= b->nkids)
			return LAY_FITS;
		*first = S_first(L, b, k + 1, NULL);
		*rest = S_rest(L, b, k + 1, NULL, cum + kid->h);
		return LAY_SPLIT;
	}
	double c2 = cum;
	for (size_t j = k; j > 0; j--) {
		if (S_break_ok(b, j)) {
			*first = S_first(L, b, j, NULL);
			*rest = S_rest(L, b, j, NULL, c2);
			return LAY_SPLIT;
		}
		/* A keep forbids the break before kid j, but kid j-1 (a
		 * table, a block of lines) may be cut inside: its end goes
		 * along with kid j, not the whole of it (XSL 4.8: the keep is
		 * between the two, not around the first). */
		struct lay_box *pk = lay_kid(b, j - 1);
		if (pk->kind != BX_LINE && (pk->keep_next || lay_kid(b, j)->keep_prev) &&
		    !pk->keep_together && pk->fixed_h < 0) {
			double at = c2 - pk->h;
			double room = fmin(cavail - at, pk->h - pk->sa - 1);
			if (room > EPS && lay_split(L, pk, room, 0, &kf, &kr) == LAY_SPLIT &&
			    kf != NULL && kr != NULL) {
				*first = S_first(L, b, j - 1, kf);
				*rest = S_rest(L, b, j - 1, kr, at + pk->h - kr->h);
				return LAY_SPLIT;
			}
		}
		c2 -= lay_kid(b, j - 1)->h;
	}
	if (force) {
		if (k > 0) {
			*first = S_first(L, b, k, NULL);
			*rest = S_rest(L, b, k, NULL, cum);
			return LAY_SPLIT;
		}
		r = lay_split(L, kid, cavail, 1, &kf, &kr);
		if (r == LAY_SPLIT && kf != NULL) {
			*first = S_first(L, b, 0, kf);
			*rest = S_rest(L, b, 0, kr, kid->h - kr->h);
			return LAY_SPLIT;
		}
		if (b->nkids == 1)
			return LAY_FITS;
		*first = S_first(L, b, 1, NULL);
		*rest = S_rest(L, b, 1, NULL, kid->h);
		return LAY_SPLIT;
	}
	*first = NULL;
	*rest = b;
	return LAY_NONE;
}
