/* lay_table_sep.c — the separated border model of tables
 * (border-collapse="separate", XSL 1.1 §6.7.10 after CSS 2.1 §17.6.1):
 * the table's border, then border-separation around and between the
 * cells, each cell with its own whole border and padding.  lay_table.c
 * and lay_table_draw.c ask these functions where the collapsed model
 * would do otherwise: the width the columns share, the columns' edges, a
 * cell's insets and its drawing. */
#include <math.h>

#include "lay_int.h"

/* A length of the table that the layout can use, else 0. */
static double
S_ok(double v)
{
	return isfinite(v) && v > 0 && v < 1000 ? v : 0;
}

void
lay_sep_setup(const struct fo_node *t, struct lay_table *tab, double *x,
    double *w)
{
	double s = S_ok(t->inh->border_separation), lead, trail;
	double ps = S_ok(fo_len_resolve(t->box->padding[FO_START], *w));
	double pe = S_ok(fo_len_resolve(t->box->padding[FO_END], *w));

	tab->separate = 1;
	tab->sep = s;
	tab->sep_b = S_ok(t->inh->border_separation_bpd);
	lead = tab->bd[FO_START].w + ps + s;
	trail = tab->bd[FO_END].w + pe + s * tab->ncols;
	if (*w - lead - trail < tab->ncols) {
		lead = trail = 0;	/* too narrow: no room for the spacing */
		tab->sep = 0;
	}
	tab->frame[0] = tab->bd[FO_BEFORE].w + tab->sep_b / 2 +
	    S_ok(fo_len_resolve(t->box->padding[FO_BEFORE], *w));
	tab->frame[1] = tab->bd[FO_AFTER].w + tab->sep_b / 2 +
	    S_ok(fo_len_resolve(t->box->padding[FO_AFTER], *w));
	tab->trail = trail - s * tab->ncols;
	*x += lead;
	*w -= lead + trail;
}

void
lay_sep_spread(struct lay_table *tab, double *table_w, double x0)
{
	for (int i = 1; i <= tab->ncols; i++)
		tab->colx[i] += i * tab->sep;
	/* the last column's right edge is colx[ncols] - sep: then the
	 * spacing and the table's own border */
	if (table_w != NULL)
		*table_w = tab->colx[tab->ncols] + tab->trail - x0;
}

void
lay_sep_cell(const struct lay_table *tab, struct lay_cell *c, double *x,
    double *w)
{
	c->top = tab->sep_b / 2 + c->pad[FO_BEFORE] + c->bd[FO_BEFORE].w;
	c->bot = tab->sep_b / 2 + c->pad[FO_AFTER] + c->bd[FO_AFTER].w;
	*x = tab->colx[c->col] + c->bd[FO_START].w + c->pad[FO_START];
	*w = tab->colx[c->col + c->ncols] - tab->sep - tab->colx[c->col] -
	    c->bd[FO_START].w - c->pad[FO_START] - c->bd[FO_END].w -
	    c->pad[FO_END];
}

void
lay_sep_cell_rect(const struct lay_table *tab, const struct lay_cell *c,
    double y1, double y2, double r[4])
{
	r[0] = tab->colx[c->col];
	r[1] = y1 + tab->sep_b / 2;
	r[2] = tab->colx[c->col + c->ncols] - tab->sep;
	r[3] = y2 - tab->sep_b / 2;
	if (r[3] < r[1])
		r[3] = r[1];
}

/* The four borders of the rectangle r, each inside it. */
static void
S_frame(struct lay *L, const struct lay_border *bd, const double r[4])
{
	lay_draw_border(L, &bd[FO_BEFORE], r[0], r[1] + bd[FO_BEFORE].w / 2,
	    r[2], r[1] + bd[FO_BEFORE].w / 2);
	lay_draw_border(L, &bd[FO_AFTER], r[0], r[3] - bd[FO_AFTER].w / 2,
	    r[2], r[3] - bd[FO_AFTER].w / 2);
	lay_draw_border(L, &bd[FO_START], r[0] + bd[FO_START].w / 2, r[1],
	    r[0] + bd[FO_START].w / 2, r[3]);
	lay_draw_border(L, &bd[FO_END], r[2] - bd[FO_END].w / 2, r[1],
	    r[2] - bd[FO_END].w / 2, r[3]);
}

void
lay_sep_draw_cell(struct lay *L, const struct lay_table *tab,
    const struct lay_cell *c, double y1, double y2)
{
	double r[4];

	lay_sep_cell_rect(tab, c, y1, y2, r);
	S_frame(L, c->bd, r);
}

void
lay_sep_draw_table(struct lay *L, const struct lay_table *tab, double x1,
    double x2, double y1, double y2)
{
	double r[4] = { x1, y1, x2, y2 };

	S_frame(L, tab->bd, r);
}
