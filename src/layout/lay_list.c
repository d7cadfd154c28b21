/* lay_list.c — list-block (XSL 1.1 §6.8): each list-item is a row of two
 * side-by-side parts, the label and the body, so the table's machinery
 * paginates it (an item is cut between lines of its label and body,
 * keep-together keeps it whole) and draws it.
 *
 * The label and the body are not reference areas: their blocks are
 * measured in the list's reference area with the indents they inherit,
 * so end-indent="label-end()" and start-indent="body-start()" (computed
 * by the FO reader from provisional-distance-between-starts and
 * provisional-label-separation) place them; without them both start at
 * the list's indent, as in FOP.  Spaces before and after an item separate
 * it from its neighbours (the larger of the two, as between blocks). */
#include <math.h>
#include <string.h>

#include "lay_int.h"
#include "../diag/diag.h"

/* The label or body of an item as a cell of column col. */
static struct lay_cell *
S_part(struct lay *L, const struct fo_node *part, int col, double ref_x,
    double ref_w, double base, double base_end)
{
	struct lay_cell *c = LAY_NEW(L, struct lay_cell);

	c->col = col;
	c->ncols = 1;
	c->nrows = 1;
	c->bg = FO_TRANSPARENT;
	c->valign = FO_DALIGN_BEFORE;
	c->fo_line = part->line;
	c->what = fo_kind_name(part->kind);
	c->content = lay_measure_blocks(L, part, ref_x, ref_w, base, base_end);
	c->content->what = NULL;	/* the cell's box stands for it */
	if (c->content->has_break && !L->warned_cell_break) {
		/* a break between its blocks is not made: said once */
		LAY_DIAG(L, W_LAY_CELL_BREAK, lay_file(L), part->line, 0);
		L->warned_cell_break = 1;
	}
	c->cx = ref_x;
	c->cw = ref_w;
	return c;
}

/* One list-item: a group of one row. */
static struct lay_group *
S_item(struct lay *L, const struct fo_node *it, double ref_x, double ref_w,
    double base, double base_end, double sb, double sa)
{
	struct lay_group *g = LAY_NEW(L, struct lay_group);
	struct lay_row *row = LAY_NEW(L, struct lay_row);
	const struct fo_node *label = NULL, *body = NULL;
	const struct fo_box *bx = it->box;

	for (const struct fo_node *k = it->first; k != NULL; k = k->next) {
		if (k->kind == FO_LIST_ITEM_LABEL && label == NULL)
			label = k;
		else if (k->kind == FO_LIST_ITEM_BODY && body == NULL)
			body = k;
	}
	row->bg = bx->background;
	row->keep_together = it->inh->keep_together.page != FO_KEEP_AUTO;
	row->keep_next = bx->keep_with_next.page != FO_KEEP_AUTO;
	row->keep_prev = bx->keep_with_previous.page != FO_KEEP_AUTO;
	row->break_before = bx->break_before;
	row->break_after = bx->break_after;
	if (it->id != NULL) {
		row->ids = LAY_NEW(L, struct lay_idref);
		row->ids->id = it->id;
	}
	row->cells = LAY_NEWN(L, struct lay_cell *, 2);
	if (label != NULL)
		row->cells[row->ncells++] = S_part(L, label, 0, ref_x, ref_w,
		    base, base_end);
	if (body != NULL)
		row->cells[row->ncells++] = S_part(L, body, 1, ref_x, ref_w,
		    base, base_end);
	for (size_t i = 0; i < row->ncells; i++) {
		lay_row_edges(row, row->cells[i]->content);
		row->cells[i]->top = sb;
		row->cells[i]->bot = sa;
	}
	row->minh = sb + sa;
	g->rows = LAY_NEWN(L, struct lay_row *, 1);
	g->rows[0] = row;
	g->nrows = 1;
	g->keep_prev = row->keep_prev;
	g->keep_next = row->keep_next;
	g->break_before = row->break_before;
	g->break_after = row->break_after;
	lay_group_heights(g);
	return g;
}

static double
S_space(struct lay *L, const struct fo_space *s, int line)
{
	double v = fo_len_resolve(s->r.opt, 0);

	if (!isfinite(v) || v < 0 || v > 3000) {
		LAY_DIAG(L, W_LAY_LENGTH, lay_file(L), line, 0);
		return 0;
	}
	return v;
}

struct lay_box *
lay_measure_list(struct lay *L, const struct fo_node *lb, double ref_x,
    double ref_w, double base, double base_end)
{
	struct lay_box *b = LAY_NEW(L, struct lay_box);
	struct lay_table *tab = LAY_NEW(L, struct lay_table);
	const struct fo_node *items[2] = { NULL, NULL };
	size_t n = 0;
	double prev_sa = 0, c = 0;

	b->kind = BX_TABLE;
	b->what = "list-block";
	b->tab = tab;
	lay_box_props(L, b, lb, ref_x, ref_w, base, base_end);
	tab->fo_line = lb->line;
	tab->ncols = 2;
	tab->colx = LAY_NEWN(L, double, 3);
	tab->colx[0] = b->x;
	tab->colx[1] = b->x + fmin(fo_len_resolve(lb->inh->pdbs, ref_w),
	    b->w);
	tab->colx[2] = b->x + b->w;
	for (int s = 0; s < 4; s++)
		tab->bd[s] = b->bd[s];
	for (const struct fo_node *k = lb->first; k != NULL; k = k->next)
		if (k->kind == FO_LIST_ITEM) {
			if (items[0] == NULL)
				items[0] = k;
			items[1] = k;
			n++;
		}
	b->groups = LAY_NEWN(L, struct lay_group *, n ? n : 1);
	for (const struct fo_node *k = lb->first; k != NULL; k = k->next) {
		if (k->kind != FO_LIST_ITEM)
			continue;
		double sb = S_space(L, &k->box->space_before, k->line);
		double sa = S_space(L, &k->box->space_after, k->line);
		/* the first item's space merges with the list's own, the
		 * others with their neighbour's (the larger wins) */
		if (k == items[0]) {
			b->sb = fmax(b->sb, sb);
			sb = 0;
		} else
			sb = sb > prev_sa ? sb - prev_sa : 0;
		if (k == items[1]) {
			b->sa = fmax(b->sa, sa);
			sa = 0;
		}
		prev_sa = sa;
		struct lay_group *g = S_item(L, k, ref_x, ref_w, base, base_end,
		    sb, sa);
		b->groups[b->ngroups++] = g;
		c += g->h;
	}
	b->content_h = c;
	b->fixed_h = -1;
	b->has_break = lay_table_break(b, NULL) > 0;	/* an item's break */
	if (b->ngroups > 0) {	/* the first item's and the last's: the list's */
		struct lay_group *g0 = b->groups[0], *gn = b->groups[b->ngroups - 1];
		if (g0->break_before > b->break_before)
			b->break_before = g0->break_before;
		if (gn->break_after > b->break_after)
			b->break_after = gn->break_after;
		b->keep_prev |= g0->keep_prev;
		b->keep_next |= gn->keep_next;
	}
	b->h = b->sb + c + b->sa;
	return b;
}
