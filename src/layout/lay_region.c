/* lay_region.c — a page's regions from its simple-page-master: the page
 * size, the content rectangle inside the page margins, region-body (its
 * margins and columns) and the four outer regions (extent in points or a
 * percentage of the page, precedence); drawing a region's background and
 * static content. */
#include <math.h>
#include <string.h>

#include "lay_int.h"
#include "../diag/diag.h"

#define A4_W	595.28
#define A4_H	841.89

/* The content rectangle of master m (page margins), in g. */
static void
S_page(struct lay *L, const struct fo_node *m, const struct fo_node *seq,
    struct lay_geom *g, double *cx, double *cy, double *cw, double *ch)
{
	g->pw = A4_W;
	g->ph = A4_H;
	if (m != NULL && m->u.master != NULL) {
		const struct fo_master *fm = m->u.master;
		if (fm->page_width >= 36 && fm->page_width <= 14400 &&
		    fm->page_height >= 36 && fm->page_height <= 14400) {
			g->pw = fm->page_width;
			g->ph = fm->page_height;
		} else
			LAY_DIAG(L, W_LAY_PAGE_SIZE, lay_file(L), m->line, 0);
		*cx = fo_len_resolve(fm->margin[FO_START], g->pw);
		*cy = fo_len_resolve(fm->margin[FO_BEFORE], g->pw);
		*cw = g->pw - *cx - fo_len_resolve(fm->margin[FO_END], g->pw);
		*ch = g->ph - *cy - fo_len_resolve(fm->margin[FO_AFTER], g->pw);
	} else {
		*cx = *cy = 0;
		*cw = g->pw;
		*ch = g->ph;
	}
	/* At least 1 pt of content, and not more than a tenth of the page
	 * each side when the margins are of no use. */
	if (!(*cw >= 1 && *ch >= 1 && *cx >= 0 && *cy >= 0)) {
		LAY_DIAG(L, W_LAY_PAGE_SIZE, lay_file(L), m ? m->line : seq->line, 0);
		*cx = fmin(56.69, g->pw / 10);
		*cy = fmin(56.69, g->ph / 10);
		*cw = g->pw - 2 * *cx;
		*ch = g->ph - 2 * *cy;
	}
}

/* The extent of an outer region: points plus a percentage of the page's
 * height (before, after) or width (start, end), at most max. */
static double
S_extent(const struct fo_node *r, double page, double max)
{
	if (r == NULL || r->u.region == NULL)
		return 0;
	return fmin(fmax(r->u.region->extent +
	    r->u.region->extent_pct * page / 100.0, 0), max);
}

/* Borders and padding of regions are not drawn: said once. */
static void
S_region_frame(struct lay *L, const struct fo_node *r)
{
	if (r == NULL || L->warned_frame)
		return;
	for (int i = 0; i < 4; i++)
		if (r->box->border[i].width > 0 ||
		    fo_len_resolve(r->box->padding[i], 100) > 0) {
			LAY_DIAG(L, W_LAY_REGION_FRAME, lay_file(L), r->line, 0,
			    fo_kind_name(r->kind));
			L->warned_frame = 1;
			return;
		}
}

void
lay_geometry(struct lay *L, const struct fo_node *m, const struct fo_node *seq,
    struct lay_geom *g)
{
	double cx, cy, cw, ch;

	memset(g, 0, sizeof *g);
	g->master = m;
	S_page(L, m, seq, g, &cx, &cy, &cw, &ch);
	if (m != NULL && m->u.master != NULL && m->u.master->turns) {
		/* The regions are laid out in the turned frame of the
		 * content rectangle: its origin is (0, 0). */
		g->turns = m->u.master->turns & 3;
		g->tx = cx;
		g->ty = cy;
		g->tw = cw;
		g->th = ch;
		cx = cy = 0;
		if (g->turns % 2) {
			cw = g->th;
			ch = g->tw;
		}
	}
	g->bx = cx;
	g->by = cy;
	g->bw = cw;
	g->bh = ch;
	g->ncols = 1;
	g->colw = cw;
	if (m == NULL)
		return;
	const struct fo_node *rb = fo_master_region(m, FO_REGION_BODY);
	g->body = rb;
	S_region_frame(L, rb);
	if (rb != NULL && rb->u.region != NULL) {
		const struct fo_region *r = rb->u.region;
		double ms = fo_len_resolve(r->margin[FO_START], cw);
		double me = fo_len_resolve(r->margin[FO_END], cw);
		double mb = fo_len_resolve(r->margin[FO_BEFORE], cw);
		double ma = fo_len_resolve(r->margin[FO_AFTER], cw);
		if (cw - ms - me >= 1 && ch - mb - ma >= 1 && ms >= 0 &&
		    mb >= 0 && me >= 0 && ma >= 0) {
			g->bx = cx + ms;
			g->by = cy + mb;
			g->bw = cw - ms - me;
			g->bh = ch - mb - ma;
		} else
			LAY_DIAG(L, W_LAY_PAGE_SIZE, lay_file(L), rb->line, 0);
		lay_columns(L, rb, g);
	}
	g->colw = g->ncols > 1 ? g->colw : g->bw;

	/* The outer regions.  Before and after span the whole width when
	 * their precedence is true, else they stop at start and end. */
	const struct fo_node *rg[4] = {
		fo_master_region(m, FO_REGION_BEFORE),
		fo_master_region(m, FO_REGION_AFTER),
		fo_master_region(m, FO_REGION_START),
		fo_master_region(m, FO_REGION_END) };
	/* percentages of the page as the turned frame sees it */
	double lpw = g->turns % 2 ? g->ph : g->pw, lph = g->turns % 2 ? g->pw : g->ph;
	double ext[4] = { S_extent(rg[0], lph, ch), S_extent(rg[1], lph, ch),
		S_extent(rg[2], lpw, cw), S_extent(rg[3], lpw, cw) };
	int prec[2] = { rg[0] && rg[0]->u.region && rg[0]->u.region->precedence,
		rg[1] && rg[1]->u.region && rg[1]->u.region->precedence };
	for (int i = 0; i < 4; i++) {
		struct lay_rect *R = &g->reg[i];
		R->node = rg[i];
		S_region_frame(L, rg[i]);
		if (i < 2) {
			R->x = cx + (prec[i] ? 0 : ext[2]);
			R->w = cw - (prec[i] ? 0 : ext[2] + ext[3]);
			R->h = ext[i];
			R->y = i == 0 ? cy : cy + ch - ext[i];
		} else {
			R->y = cy + (prec[0] ? ext[0] : 0);
			R->h = ch - (prec[0] ? ext[0] : 0) - (prec[1] ? ext[1] : 0);
			R->w = ext[i];
			R->x = i == 2 ? cx : cx + cw - ext[i];
		}
	}
}

static void
S_box(struct lay *L, const char *what, double x, double y, double w, double h,
    int line)
{
	struct area_item *it = lay_box_item(L);

	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->u.box.what = what;
	it->u.box.fo_line = line;
}

/* A region's background-color, under what is drawn in it. */
static void
S_background(struct lay *L, const struct fo_node *r, double x, double y,
    double w, double h)
{
	struct area_item *it;

	if (r == NULL || r->box->background == FO_TRANSPARENT || w <= 0 ||
	    h <= 0)
		return;
	it = area_item_add(L->page, AREA_RECT);
	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->color = r->box->background;
}

void
lay_region_body(struct lay *L, const struct lay_geom *g, int line)
{
	S_box(L, "region-body", g->bx, g->by, g->bw, g->bh, line);
	L->area_y = g->by;	/* for absolute-position (lay_abs.c) */
	L->area_h = g->bh;
	S_background(L, g->body, g->bx, g->by, g->bw, g->bh);
}

/* The static content of one outer region on the current page. */
static void
S_static(struct lay *L, const struct fo_node *seq, const struct lay_rect *R,
    const char *defname)
{
	const struct fo_node *region = R->node, *sc;
	const char *name;
	struct lay_box *b;

	if (region == NULL)
		return;
	name = region->u.region && region->u.region->region_name ?
	    region->u.region->region_name : defname;
	sc = fo_seq_flow(seq, name);
	if (R->h <= 0 || R->w <= 0) {
		/* No extent: nowhere to draw what is meant for it. */
		if (sc != NULL && sc->kind == FO_STATIC_CONTENT &&
		    !L->warned_extent) {
			LAY_DIAG(L, W_LAY_REGION_EXTENT, lay_file(L),
			    region->line, 0, defname + 4);
			L->warned_extent = 1;
		}
		return;
	}
	S_box(L, defname + 4, R->x, R->y, R->w, R->h, region->line);
	S_background(L, region, R->x, R->y, R->w, R->h);
	if (sc == NULL || sc->kind != FO_STATIC_CONTENT)
		return;
	L->ref_h = R->h;
	b = lay_measure_flow(L, sc, R->x, R->w);
	double off = 0, free_h = R->h - b->h;
	if (free_h > 0) {
		if (region->inh->display_align == FO_DALIGN_CENTER)
			off = free_h / 2;
		else if (region->inh->display_align == FO_DALIGN_AFTER)
			off = free_h;
	}
	lay_draw(L, b, R->y + off);
}

void
lay_region_statics(struct lay *L, const struct fo_node *seq,
    const struct lay_geom *g)
{
	static const char *const names[4] = { "xsl-region-before",
		"xsl-region-after", "xsl-region-start", "xsl-region-end" };

	for (int i = 0; i < 4; i++)
		S_static(L, seq, &g->reg[i], names[i]);
}
