/* lay_table.c — measuring tables: fixed column widths (automatic ones in
 * lay_auto.c), the cell grid with row and column spans, rows in groups
 * that no span crosses, the header and footer that repeat.  Splitting a
 * table at a page edge is lay_table_split.c, drawing it
 * lay_table_draw.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"
#include "../diag/diag.h"
#include "../util/util.h"

#define EPS	0.001

/* ---- measuring ---- */

/* Widths of the columns: absolute and percentages first, the rest shared
 * by proportional-column-width (a column without a width counts 1). */
static void
S_columns(struct lay *L, const struct fo_node *t, struct lay_table *tab,
    double x, double w, const struct lay_colspec *cols)
{
	double fixed = 0, units = 0, *cw;
	int n = tab->ncols;

	cw = xcalloc((size_t)n, sizeof *cw);
	for (int i = 0; i < n; i++) {
		if (cols[i].set && cols[i].w.kind == FO_LEN) {
			cw[i] = fo_len_resolve(cols[i].w, w);
			if (!isfinite(cw[i]) || cw[i] < 0)
				cw[i] = 0;
			fixed += cw[i];
		} else {
			units += cols[i].set && cols[i].w.kind == FO_PROPORTIONAL &&
			    cols[i].w.pt > 0 ? cols[i].w.pt : 1;
			fixed += cols[i].fixed;
		}
	}
	double left = w - fixed;
	if (left < -EPS || (units == 0 && fixed > w + EPS)) {
		LAY_DIAG(L, W_LAY_TABLE_WIDE, lay_file(L), t->line, 0, fixed, w);
		double k = fixed > 0 ? w / fixed : 0;
		for (int i = 0; i < n; i++)
			cw[i] *= k;
		left = 0;
	}
	for (int i = 0; i < n; i++)
		if (!(cols[i].set && cols[i].w.kind == FO_LEN)) {
			double u = cols[i].set && cols[i].w.kind == FO_PROPORTIONAL &&
			    cols[i].w.pt > 0 ? cols[i].w.pt : 1;
			cw[i] = cols[i].fixed + (units > 0 ? left * u / units : 0);
		}
	tab->colx = LAY_NEWN(L, double, (size_t)n + 1);
	tab->colx[0] = x;
	for (int i = 0; i < n; i++)
		tab->colx[i + 1] = tab->colx[i] + cw[i];
	free(cw);
}

static void
S_cell_border(struct lay_border *d, const struct fo_border *s)
{
	d->w = s->style == FO_BS_NONE || s->style == FO_BS_HIDDEN ? 0 : s->width;
	if (!isfinite(d->w) || d->w < 0 || d->w > 72)
		d->w = 0;
	d->color = s->color;
	d->style = s->style == FO_BS_DOTTED ? RULE_DOTTED :
	    s->style == FO_BS_DASHED ? RULE_DASHED :
	    s->style == FO_BS_DOUBLE ? RULE_DOUBLE : RULE_SOLID;
}

static double
S_need(const struct lay_cell *c)
{
	return fmax(c->content->h + c->top + c->bot, c->minh);
}

void
lay_group_heights(struct lay_group *g)
{
	double total = 0;

	for (size_t r = 0; r < g->nrows; r++) {
		struct lay_row *row = g->rows[r];
		row->h = row->minh;
		for (size_t i = 0; i < row->ncells; i++)
			if (row->cells[i]->nrows <= 1)
				row->h = fmax(row->h, S_need(row->cells[i]));
	}
	for (size_t r = 0; r < g->nrows; r++) {
		struct lay_row *row = g->rows[r];
		for (size_t i = 0; i < row->ncells; i++) {
			struct lay_cell *c = row->cells[i];
			if (c->nrows <= 1)
				continue;
			size_t end = r + (size_t)c->nrows;
			if (end > g->nrows)
				end = g->nrows;
			double sum = 0;
			for (size_t k = r; k < end; k++)
				sum += g->rows[k]->h;
			if (S_need(c) > sum)
				g->rows[end - 1]->h += S_need(c) - sum;
		}
	}
	for (size_t r = 0; r < g->nrows; r++)
		total += g->rows[r]->h;
	g->h = total;
}

struct S_grid {
	struct lay	*L;
	const struct fo_node *t;
	struct lay_table *tab;
	int		*busy;		/* rows still covered, per column */
	int		 ncols;
	struct lay_row	**rows;		/* rows of the current part */
	size_t		 nrows, rowcap;
	struct lay_group **groups;
	size_t		 ngroups, groupcap;
	int		 pending;	/* rows a span still needs */
	size_t		 gstart;
	double		 ref_w;
};

int
lay_cell_place(const struct fo_node *n, int *busy, int ncols, int col,
    int *span)
{
	int want = n->u.cell.column_number > 0 ? n->u.cell.column_number - 1 : -1;
	int rows = n->u.cell.rows_spanned > 0 ? n->u.cell.rows_spanned : 1;
	int k;

	if (want >= 0 && want < ncols)
		col = want;
	while (col < ncols && busy[col] > 0)
		col++;
	if (col >= ncols)
		return -1;
	*span = n->u.cell.cols_spanned > 0 ? n->u.cell.cols_spanned : 1;
	if (col + *span > ncols)
		*span = ncols - col;
	if (*span < 1)
		*span = 1;
	for (k = col + 1; k < col + *span; k++)
		if (busy[k] > 0)
			break;
	*span = k - col;	/* do not overlap a span */
	for (k = col; k < col + *span; k++)
		busy[k] = rows > 10000 ? 10000 : rows;
	return col;
}

static struct lay_cell *
S_cell(struct S_grid *G, const struct fo_node *n, int col, int span)
{
	struct lay *L = G->L;
	struct lay_table *tab = G->tab;
	struct lay_cell *c = LAY_NEW(L, struct lay_cell);
	const struct fo_box *bx = n->box;

	c->col = col;
	c->ncols = span;
	c->nrows = n->u.cell.rows_spanned > 0 ? n->u.cell.rows_spanned : 1;
	if (c->nrows > 10000)
		c->nrows = 10000;
	c->fo_line = n->line;
	double cw = tab->colx[col + span] - tab->colx[col];
	for (int s = 0; s < 4; s++) {
		S_cell_border(&c->bd[s], &bx->border[s]);
		c->pad[s] = fo_len_resolve(bx->padding[s], cw);
		if (!isfinite(c->pad[s]) || c->pad[s] < 0 || c->pad[s] > 1000)
			c->pad[s] = 0;
	}
	c->bg = bx->background;
	c->valign = n->inh->display_align;
	c->top = c->pad[FO_BEFORE] + c->bd[FO_BEFORE].w / 2;
	c->bot = c->pad[FO_AFTER] + c->bd[FO_AFTER].w / 2;
	if (bx->bpd.min.kind == FO_LEN)
		c->minh = fmin(fmax(fo_len_resolve(bx->bpd.min, 0), 0), 14400);
	else if (bx->bpd.opt.kind == FO_LEN)
		c->minh = fmin(fmax(fo_len_resolve(bx->bpd.opt, 0), 0), 14400);
	double l = c->pad[FO_START] + c->bd[FO_START].w / 2;
	double r = c->pad[FO_END] + c->bd[FO_END].w / 2;
	double inner = cw - l - r;
	if (inner < 1) {
		c->pad[FO_START] = c->pad[FO_END] = 0;
		l = c->bd[FO_START].w / 2;
		r = c->bd[FO_END].w / 2;
		inner = fmax(cw - l - r, 1);
	}
	double cx = tab->colx[col] + l;
	if (tab->separate) {
		lay_sep_cell(tab, c, &cx, &inner);
		inner = fmax(inner, 1);
	}
	/* The cell's blocks measure their indents from its content edge
	 * and inherit the indent of the block around the table, as in every
	 * conforming formatter (docs/fo-subset.md). */
	c->content = lay_measure_blocks(L, n, cx, inner, 0, 0);
	c->content->what = NULL;	/* the table draws the cell box */
	if (c->content->has_break && !L->warned_cell_break) {
		/* a break inside a cell is not made: said once */
		LAY_DIAG(L, W_LAY_CELL_BREAK, lay_file(L), n->line, 0);
		L->warned_cell_break = 1;
	}
	c->cont = n->u.cell.continued;
	c->cx = cx;
	c->cw = inner;
	c->base = 0;
	c->base_end = 0;
	return c;
}

static void
S_end_group(struct S_grid *G)
{
	struct lay *L = G->L;
	struct lay_group *g;

	if (G->nrows == G->gstart)
		return;
	g = LAY_NEW(L, struct lay_group);
	g->nrows = G->nrows - G->gstart;
	g->rows = LAY_NEWN(L, struct lay_row *, g->nrows);
	memcpy(g->rows, G->rows + G->gstart, g->nrows * sizeof *g->rows);
	/* Spans cannot reach past the group. */
	for (size_t r = 0; r < g->nrows; r++)
		for (size_t i = 0; i < g->rows[r]->ncells; i++)
			if (r + (size_t)g->rows[r]->cells[i]->nrows > g->nrows)
				g->rows[r]->cells[i]->nrows = (int)(g->nrows - r);
	g->keep_prev = g->rows[0]->keep_prev;
	g->keep_next = g->rows[g->nrows - 1]->keep_next;
	g->break_before = g->rows[0]->break_before;
	g->break_after = g->rows[g->nrows - 1]->break_after;
	for (size_t r = 0; r + 1 < g->nrows; r++)
		if ((g->rows[r]->break_after || g->rows[r + 1]->break_before) &&
		    !L->warned_cell_break) {
			/* rows a span joins stay together: said once */
			LAY_DIAG(L, W_LAY_CELL_BREAK, lay_file(L), G->t->line, 0);
			L->warned_cell_break = 1;
		}
	lay_group_heights(g);
	if (G->ngroups == G->groupcap) {
		G->groupcap = G->groupcap ? G->groupcap * 2 : 16;
		G->groups = xreallocarray(G->groups, G->groupcap, sizeof *G->groups);
	}
	G->groups[G->ngroups++] = g;
	G->gstart = G->nrows;
}

/* The breaks and keeps at the edges of a cell's (or a list part's)
 * content, made by lay_box_edges, are its row's: a break-before on a
 * cell's first block starts the row on a new page (as in Apache FOP). */
void
lay_row_edges(struct lay_row *row, const struct lay_box *content)
{
	if (content->break_before > row->break_before)
		row->break_before = content->break_before;
	if (content->break_after > row->break_after)
		row->break_after = content->break_after;
	row->keep_prev |= content->keep_prev;
	row->keep_next |= content->keep_next;
}

/* One table-row (or a run of cells placed straight in a body). */
static void
S_row(struct S_grid *G, const struct fo_node *rownode, const struct fo_node *first)
{
	struct lay *L = G->L;
	struct lay_row *row = LAY_NEW(L, struct lay_row);
	struct lay_cell *cells[64], **cv = cells;

	row->bg = FO_TRANSPARENT;
	size_t nc = 0, cap = 64;
	int col = 0;

	if (rownode != NULL) {
		const struct fo_box *bx = rownode->box;
		if (bx->bpd.min.kind == FO_LEN)
			row->minh = fo_len_resolve(bx->bpd.min, 0);
		else if (bx->bpd.opt.kind == FO_LEN)
			row->minh = fo_len_resolve(bx->bpd.opt, 0);
		if (!isfinite(row->minh) || row->minh < 0 || row->minh > 14400)
			row->minh = 0;
		row->keep_together = rownode->inh->keep_together.page != FO_KEEP_AUTO;
		row->keep_next = bx->keep_with_next.page != FO_KEEP_AUTO;
		row->bg = bx->background;
		row->keep_prev = bx->keep_with_previous.page != FO_KEEP_AUTO;
		row->break_before = bx->break_before;
		row->break_after = bx->break_after;
		if (rownode->id != NULL) {
			row->ids = LAY_NEW(L, struct lay_idref);
			row->ids->id = rownode->id;
		}
	}
	for (const struct fo_node *n = first; n != NULL; n = n->next) {
		int span;
		if (n->kind != FO_TABLE_CELL)
			continue;
		if ((col = lay_cell_place(n, G->busy, G->ncols, col, &span)) < 0) {
			LAY_DIAG(L, W_LAY_TABLE_CELLS, lay_file(L), n->line, 0, G->ncols);
			break;
		}
		struct lay_cell *c = S_cell(G, n, col, span);
		lay_row_edges(row, c->content);
		if (c->nrows - 1 > G->pending)
			G->pending = c->nrows - 1;
		if (nc == cap) {
			cap *= 2;
			struct lay_cell **nv = xreallocarray(cv == cells ? NULL : cv,
			    cap, sizeof *nv);
			if (cv == cells)
				memcpy(nv, cells, sizeof cells);
			cv = nv;
		}
		cv[nc++] = c;
		col += c->ncols;
	}
	row->ncells = nc;
	row->cells = LAY_NEWN(L, struct lay_cell *, nc ? nc : 1);
	memcpy(row->cells, cv, nc * sizeof *cv);
	if (cv != cells)
		free(cv);
	if (G->nrows == G->rowcap) {
		G->rowcap = G->rowcap ? G->rowcap * 2 : 16;
		G->rows = xreallocarray(G->rows, G->rowcap, sizeof *G->rows);
	}
	G->rows[G->nrows++] = row;
	for (int k = 0; k < G->ncols; k++)
		if (G->busy[k] > 0)
			G->busy[k]--;
	if (G->pending > 0)
		G->pending--;
	else
		S_end_group(G);
}

/* The rows of a header, body or footer, as groups. */
static void
S_part(struct S_grid *G, const struct fo_node *part)
{
	int cells_direct = 0;

	memset(G->busy, 0, (size_t)G->ncols * sizeof *G->busy);
	G->pending = 0;
	for (const struct fo_node *n = part->first; n != NULL; n = n->next) {
		if (n->kind == FO_TABLE_ROW)
			S_row(G, n, n->first);
		else if (n->kind == FO_TABLE_CELL)
			cells_direct = 1;
	}
	if (cells_direct)
		S_row(G, NULL, part->first);
	G->pending = 0;
	S_end_group(G);
}

/* Columns the cells of a part need. */
static int
S_count_cols(const struct fo_node *part)
{
	int max = 0, cur = 0;

	for (const struct fo_node *n = part->first; n != NULL; n = n->next) {
		if (n->kind == FO_TABLE_ROW) {
			int k = S_count_cols(n);
			if (k > max)
				max = k;
		} else if (n->kind == FO_TABLE_CELL) {
			if (n->u.cell.column_number > 0)
				cur = n->u.cell.column_number - 1;
			cur += n->u.cell.cols_spanned > 0 ? n->u.cell.cols_spanned : 1;
			if (cur > max)
				max = cur;
		}
	}
	return max;
}

int
lay_table_columns(struct lay *L, const struct fo_node *t,
    struct lay_colspec **colsp)
{
	struct lay_colspec *cols;
	int ncols = 0;

	for (const struct fo_node *n = t->first; n != NULL; n = n->next) {
		if (n->kind == FO_TABLE_COLUMN) {
			int last = n->u.column.number - 1 +
			    (n->u.column.repeated > 0 ? n->u.column.repeated : 1);
			if (last > ncols)
				ncols = last;
		} else if (n->kind == FO_TABLE_HEADER || n->kind == FO_TABLE_BODY ||
		    n->kind == FO_TABLE_FOOTER) {
			int k = S_count_cols(n);
			if (k > ncols)
				ncols = k;
		}
	}
	if (ncols > 1000) {
		LAY_DIAG(L, W_LAY_TABLE_CELLS, lay_file(L), t->line, 0, 1000);
		ncols = 1000;
	}
	if (ncols < 1)
		ncols = 1;
	cols = xcalloc((size_t)ncols, sizeof *cols);
	for (const struct fo_node *n = t->first; n != NULL; n = n->next) {
		if (n->kind != FO_TABLE_COLUMN)
			continue;
		int rep = n->u.column.repeated > 0 ? n->u.column.repeated : 1;
		for (int k = 0; k < rep; k++) {
			int i = n->u.column.number - 1 + k;
			if (i < 0 || i >= ncols)
				continue;
			cols[i].w = n->u.column.width;
			cols[i].fixed = n->u.column.fixed;
			cols[i].set = n->u.column.width.kind != FO_AUTO;
		}
	}
	*colsp = cols;
	return ncols;
}

struct lay_box *
lay_measure_table(struct lay *L, const struct fo_node *t, double ref_x,
    double ref_w, double base, double base_end)
{
	struct lay_box *b = LAY_NEW(L, struct lay_box);
	struct lay_table *tab = LAY_NEW(L, struct lay_table);
	struct S_grid G;
	struct lay_colspec *cols;
	int ncols;

	b->kind = BX_TABLE;
	b->what = "table";
	b->tab = tab;
	lay_box_props(L, b, t, ref_x, ref_w, base, base_end);
	tab->fo_line = t->line;
	for (int s = 0; s < 4; s++)
		S_cell_border(&tab->bd[s], &t->box->border[s]);

	ncols = lay_table_columns(L, t, &cols);
	tab->ncols = ncols;
	double colx0 = b->x, colw = b->w;
	if (!t->inh->border_collapse)
		lay_sep_setup(t, tab, &colx0, &colw);
	if (t->u.table.fixed)
		S_columns(L, t, tab, colx0, colw, cols);
	else
		b->w = lay_auto_columns(L, t, tab, cols, colx0, colw);
	if (tab->separate)
		lay_sep_spread(tab, &b->w, b->x);
	free(cols);

	memset(&G, 0, sizeof G);
	G.L = L;
	G.t = t;
	G.tab = tab;
	G.ncols = ncols;
	G.ref_w = ref_w;
	G.busy = xcalloc((size_t)ncols, sizeof *G.busy);
	for (const struct fo_node *n = t->first; n != NULL; n = n->next) {
		if (n->kind != FO_TABLE_HEADER && n->kind != FO_TABLE_FOOTER)
			continue;
		size_t g0 = G.ngroups;
		S_part(&G, n);
		if (G.ngroups == g0)
			continue;
		/* A header or footer repeats as one unit. */
		struct lay_group *g = LAY_NEW(L, struct lay_group);
		size_t nr = 0;
		for (size_t k = g0; k < G.ngroups; k++)
			nr += G.groups[k]->nrows;
		g->rows = LAY_NEWN(L, struct lay_row *, nr);
		for (size_t k = g0; k < G.ngroups; k++)
			for (size_t r = 0; r < G.groups[k]->nrows; r++)
				g->rows[g->nrows++] = G.groups[k]->rows[r];
		lay_group_heights(g);
		G.ngroups = g0;
		/* Measured once, drawn on every page: a page-number in it
		 * keeps its first page's number (said where it repeats). */
		for (const struct fo_node *k = n->first; k != NULL &&
		    tab->pagenum_line == 0; k = lay_fo_next(k, n))
			if (k->kind == FO_PAGE_NUMBER)
				tab->pagenum_line = k->line;
		if (n->kind == FO_TABLE_HEADER && tab->header == NULL)
			tab->header = g;
		else if (n->kind == FO_TABLE_FOOTER && tab->footer == NULL)
			tab->footer = g;
	}
	for (const struct fo_node *n = t->first; n != NULL; n = n->next)
		if (n->kind == FO_TABLE_BODY)
			S_part(&G, n);
	free(G.busy);
	free(G.rows);
	b->ngroups = G.ngroups;
	b->groups = LAY_NEWN(L, struct lay_group *, G.ngroups ? G.ngroups : 1);
	if (G.ngroups)
		memcpy(b->groups, G.groups, G.ngroups * sizeof *G.groups);
	free(G.groups);
	double c = 0;
	for (size_t k = 0; k < b->ngroups; k++)
		c += b->groups[k]->h;
	b->content_h = c;
	b->fixed_h = -1;
	b->has_break = lay_table_break(b, 0) > 0;
	/* the first row's break-before and the last's break-after are the
	 * table's (XSL 1.1 §7.20.1: they apply to the row's area, which
	 * starts and ends the table's) */
	if (b->ngroups > 0 && b->break_before == FO_BREAK_AUTO)
		b->break_before = b->groups[0]->break_before;
	if (b->ngroups > 0 && b->break_after == FO_BREAK_AUTO)
		b->break_after = b->groups[b->ngroups - 1]->break_after;
	if (b->ngroups > 0) {	/* likewise the keeps */
		b->keep_prev |= b->groups[0]->keep_prev;
		b->keep_next |= b->groups[b->ngroups - 1]->keep_next;
	}
	b->h = b->sb + (tab->header ? tab->header->h : 0) + c +
	    (tab->footer ? tab->footer->h : 0) + tab->frame[0] + tab->frame[1] +
	    b->sa;
	return b;
}
