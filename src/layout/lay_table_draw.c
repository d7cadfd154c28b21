/* lay_table_draw.c — a table's part on a page drawn: row and cell
 * backgrounds, each cell's content placed by display-align, and the
 * collapsed borders drawn once per edge (the wider, then the stronger
 * style wins); the separated model's are lay_table_sep.c. */
#include <math.h>
#include <stdlib.h>

#include "lay_int.h"
#include "../diag/diag.h"
#include "../util/util.h"

#define EPS	0.001

static int
S_style_rank(enum area_rule_style s)
{
	switch (s) {
	case RULE_DOUBLE:	return 4;
	case RULE_SOLID:	return 3;
	case RULE_DASHED:	return 2;
	default:		return 1;
	}
}

/* The collapsed border of an edge: the wider wins, then the stronger
 * style (XSL 1.1 §6.7.10). */
static const struct lay_border *
S_win(const struct lay_border *a, const struct lay_border *b)
{
	if (a == NULL || a->w <= 0)
		return b;
	if (b == NULL || b->w <= 0)
		return a;
	if (b->w > a->w + EPS)
		return b;
	if (a->w > b->w + EPS)
		return a;
	return S_style_rank(b->style) > S_style_rank(a->style) ? b : a;
}

static int
S_same(const struct lay_border *a, const struct lay_border *b)
{
	if (a == NULL || a->w <= 0)
		return b == NULL || b->w <= 0;
	return b != NULL && b->w > 0 && fabs(a->w - b->w) < EPS &&
	    a->color == b->color && a->style == b->style;
}

struct S_frag {
	struct lay_row	**rows;
	size_t		 n, cap;
};

static void
S_add_group(struct S_frag *F, const struct lay_group *g)
{
	for (size_t r = 0; r < g->nrows; r++) {
		if (F->n == F->cap) {
			F->cap = F->cap ? F->cap * 2 : 32;
			F->rows = xreallocarray(F->rows, F->cap, sizeof *F->rows);
		}
		F->rows[F->n++] = g->rows[r];
	}
}

void
lay_draw_table(struct lay *L, const struct lay_box *b, double y0)
{
	const struct lay_table *tab = b->tab;
	struct S_frag F = { 0 };
	int nc = tab->ncols;
	double *top;
	struct lay_cell **own;

	if (b->cont && tab->pagenum_line && (tab->header || tab->footer) &&
	    !L->warned_hf_pagenum) {
		LAY_DIAG(L, W_LAY_PAGENUM_REPEAT, lay_file(L), tab->pagenum_line, 0);
		L->warned_hf_pagenum = 1;
	}
	if (tab->header)
		S_add_group(&F, tab->header);
	for (size_t g = 0; g < b->ngroups; g++)
		S_add_group(&F, lay_grp(b, g));
	if (tab->footer)
		S_add_group(&F, tab->footer);
	size_t R = F.n;
	top = xcalloc(R + 1, sizeof *top);
	own = xcalloc(R * (size_t)nc + 1, sizeof *own);
	double y = y0 + b->sb + tab->frame[0];
	for (size_t r = 0; r < R; r++) {
		top[r] = y;
		y += F.rows[r]->h;
	}
	top[R] = y;
	for (size_t r = 0; r < R; r++)	/* a row's id: each page it is on */
		lay_record(L, F.rows[r]->ids, top[r]);
	for (size_t r = 0; r < R; r++)
		for (size_t i = 0; i < F.rows[r]->ncells; i++) {
			struct lay_cell *c = F.rows[r]->cells[i];
			for (size_t q = r; q < r + (size_t)c->nrows && q < R; q++)
				for (int k = c->col; k < c->col + c->ncols && k < nc; k++)
					own[q * (size_t)nc + (size_t)k] = c;
		}

	/* the separated model's table box holds its border and spacing */
	double tx1 = tab->separate ? b->x : tab->colx[0];
	double tx2 = tab->separate ? b->x + b->w : tab->colx[nc];
	struct area_item *it = lay_box_item(L);
	it->x = tx1;
	it->y = top[0] - tab->frame[0];
	it->w = tx2 - tx1;
	it->h = top[R] + tab->frame[1] - it->y;
	it->u.box.what = b->what ? b->what : "table";
	it->u.box.fo_line = tab->fo_line;
	if (b->bg != FO_TRANSPARENT) {
		it = area_item_add(L->page, AREA_RECT);
		it->x = tx1;
		it->y = top[0] - tab->frame[0];
		it->w = tx2 - tx1;
		it->h = top[R] + tab->frame[1] - it->y;
		it->color = b->bg;
	}
	/* Row backgrounds under the cells'. */
	for (size_t r = 0; r < R; r++) {
		if (F.rows[r]->bg == FO_TRANSPARENT)
			continue;
		it = area_item_add(L->page, AREA_RECT);
		it->x = tab->colx[0];
		it->y = top[r];
		it->w = tab->colx[nc] - tab->colx[0];
		it->h = top[r + 1] - top[r];
		it->color = F.rows[r]->bg;
	}
	/* Cells: background, then content placed by display-align. */
	for (size_t r = 0; r < R; r++)
		for (size_t i = 0; i < F.rows[r]->ncells; i++) {
			const struct lay_cell *c = F.rows[r]->cells[i];
			size_t end = r + (size_t)c->nrows;
			if (end > R)
				end = R;
			double x1 = tab->colx[c->col], x2 = tab->colx[c->col + c->ncols];
			double h = top[end] - top[r], y1 = top[r];
			if (tab->separate) {
				double rc[4];
				lay_sep_cell_rect(tab, c, top[r], top[end], rc);
				x2 = rc[2];
				y1 = rc[1];
				h = rc[3] - rc[1];
			}
			it = lay_box_item(L);
			it->x = x1;
			it->y = y1;
			it->w = x2 - x1;
			it->h = h;
			it->u.box.what = c->what ? c->what : "cell";
			it->u.box.fo_line = c->fo_line;
			if (c->bg != FO_TRANSPARENT) {
				it = area_item_add(L->page, AREA_RECT);
				it->x = x1;
				it->y = y1;
				it->w = x2 - x1;
				it->h = h;
				it->color = c->bg;
			}
			double free_h = top[end] - top[r] - c->top - c->bot -
			    c->content->h, off = 0;
			if (free_h > 0 && !c->split) {
				if (c->valign == FO_DALIGN_CENTER)
					off = free_h / 2;
				else if (c->valign == FO_DALIGN_AFTER)
					off = free_h;
			}
			/* a cell is the containing block of absolutely
			 * positioned containers in it (its padding edge) */
			double ay = L->area_y, ah = L->area_h;
			L->area_y = y1;
			L->area_h = h;
			lay_draw(L, c->content, top[r] + c->top + off);
			L->area_y = ay;
			L->area_h = ah;
			if (tab->separate)
				lay_sep_draw_cell(L, tab, c, top[r], top[end]);
		}
	if (tab->separate) {
		lay_sep_draw_table(L, tab, b->x, b->x + b->w, top[0] - tab->frame[0],
		    top[R] + tab->frame[1]);
		goto done;
	}
	/* Horizontal edges, merged along each line. */
	for (size_t r = 0; r <= R; r++) {
		const struct lay_border *run = NULL;
		int start = 0;
		for (int k = 0; k <= nc; k++) {
			const struct lay_border *bd = NULL;
			if (k < nc) {
				struct lay_cell *a = r > 0 ? own[(r - 1) * (size_t)nc + (size_t)k] : NULL;
				struct lay_cell *c = r < R ? own[r * (size_t)nc + (size_t)k] : NULL;
				if (a == c && a != NULL)
					bd = NULL;
				else
					bd = S_win(a ? &a->bd[FO_AFTER] : (r == 0 ? NULL : NULL),
					    c ? &c->bd[FO_BEFORE] : NULL);
				if (r == 0)
					bd = S_win(&tab->bd[FO_BEFORE], bd);
				if (r == R)
					bd = S_win(&tab->bd[FO_AFTER], bd);
			}
			if (k == nc || !S_same(bd, run)) {
				if (run != NULL && run->w > 0)
					lay_draw_border(L, run, tab->colx[start], top[r],
					    tab->colx[k], top[r]);
				run = bd;
				start = k;
			}
		}
	}
	/* Vertical edges, merged down each column line. */
	for (int k = 0; k <= nc; k++) {
		const struct lay_border *run = NULL;
		size_t start = 0;
		for (size_t r = 0; r <= R; r++) {
			const struct lay_border *bd = NULL;
			if (r < R) {
				struct lay_cell *a = k > 0 ? own[r * (size_t)nc + (size_t)k - 1] : NULL;
				struct lay_cell *c = k < nc ? own[r * (size_t)nc + (size_t)k] : NULL;
				if (a == c && a != NULL)
					bd = NULL;
				else
					bd = S_win(a ? &a->bd[FO_END] : NULL,
					    c ? &c->bd[FO_START] : NULL);
				if (k == 0)
					bd = S_win(&tab->bd[FO_START], bd);
				if (k == nc)
					bd = S_win(&tab->bd[FO_END], bd);
			}
			if (r == R || !S_same(bd, run)) {
				if (run != NULL && run->w > 0)
					lay_draw_border(L, run, tab->colx[k], top[start],
					    tab->colx[k], top[r]);
				run = bd;
				start = r;
			}
		}
	}
done:
	free(top);
	free(own);
	free(F.rows);
}
