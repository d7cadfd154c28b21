/* lay_table.c — tables: fixed column widths (automatic ones in
 * lay_auto.c), the cell grid with row and column spans, rows split at a
 * page edge, the header repeated, and collapsed borders drawn once per
 * edge. */
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

/* ---- splitting ---- */

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

/* ---- drawing ---- */

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
