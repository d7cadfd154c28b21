/* lay_page.c — one page-sequence made into pages: the page geometry of
 * its master, the measured flow split page by page (lay_box.c), each
 * page's static content drawn once the whole document's page numbers are
 * known. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"
#include "../diag/diag.h"
#include "../util/util.h"

#define MAX_PAGES	100000

/* At the top of a page the space before the first thing is dropped. */
static void
S_trim(struct lay_box *b)
{
	double d = b->sb;

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

/* ---- pages ---- */

struct S_geom {
	double		 pw, ph;
	double		 bx, by, bw, bh;	/* region-body */
	double		 rx, rw;		/* before/after regions */
	double		 before_y, before_h, after_y, after_h;
	const struct fo_node *before, *after;	/* region nodes */
};

static void
S_geometry(struct lay *L, const struct fo_node *seq, struct S_geom *g)
{
	const struct fo_node *m = fo_master_get(L->fo, seq->u.seq.master_reference ?
	    seq->u.seq.master_reference : "");
	double cx, cy, cw, ch;

	memset(g, 0, sizeof *g);
	g->pw = 595.28;
	g->ph = 841.89;
	if (m == NULL) {
		LAY_DIAG(L, E_LAY_MASTER, lay_file(L), seq->line, 0,
		    seq->u.seq.master_reference ? seq->u.seq.master_reference : "");
		/* The first simple-page-master there is, else A4. */
		for (const struct fo_node *s = L->fo->root->first; s && !m; s = s->next)
			if (s->kind == FO_LAYOUT_MASTER_SET)
				for (const struct fo_node *t = s->first; t; t = t->next)
					if (t->kind == FO_SIMPLE_PAGE_MASTER) {
						m = t;
						break;
					}
	}
	if (m != NULL && m->u.master != NULL) {
		const struct fo_master *fm = m->u.master;
		if (fm->page_width >= 72 && fm->page_width <= 14400 &&
		    fm->page_height >= 72 && fm->page_height <= 14400) {
			g->pw = fm->page_width;
			g->ph = fm->page_height;
		} else
			LAY_DIAG(L, W_LAY_PAGE_SIZE, lay_file(L), m->line, 0);
		cx = fo_len_resolve(fm->margin[FO_START], g->pw);
		cy = fo_len_resolve(fm->margin[FO_BEFORE], g->pw);
		cw = g->pw - cx - fo_len_resolve(fm->margin[FO_END], g->pw);
		ch = g->ph - cy - fo_len_resolve(fm->margin[FO_AFTER], g->pw);
	} else {
		cx = cy = 0;
		cw = g->pw;
		ch = g->ph;
	}
	if (!(cw >= 36 && ch >= 36 && cx >= 0 && cy >= 0)) {
		LAY_DIAG(L, W_LAY_PAGE_SIZE, lay_file(L), m ? m->line : seq->line, 0);
		cx = cy = 56.69;
		cw = g->pw - 2 * cx;
		ch = g->ph - 2 * cy;
	}
	g->bx = cx;
	g->by = cy;
	g->bw = cw;
	g->bh = ch;
	g->rx = cx;
	g->rw = cw;
	if (m == NULL)
		return;
	const struct fo_node *rb = fo_master_region(m, FO_REGION_BODY);
	if (rb != NULL && rb->u.region != NULL) {
		const struct fo_region *r = rb->u.region;
		double ms = fo_len_resolve(r->margin[FO_START], cw);
		double me = fo_len_resolve(r->margin[FO_END], cw);
		double mb = fo_len_resolve(r->margin[FO_BEFORE], cw);
		double ma = fo_len_resolve(r->margin[FO_AFTER], cw);
		if (cw - ms - me >= 36 && ch - mb - ma >= 36 && ms >= 0 &&
		    mb >= 0 && me >= 0 && ma >= 0) {
			g->bx = cx + ms;
			g->by = cy + mb;
			g->bw = cw - ms - me;
			g->bh = ch - mb - ma;
		} else
			LAY_DIAG(L, W_LAY_PAGE_SIZE, lay_file(L), rb->line, 0);
	}
	g->before = fo_master_region(m, FO_REGION_BEFORE);
	g->after = fo_master_region(m, FO_REGION_AFTER);
	if (g->before && g->before->u.region) {
		g->before_y = cy;
		g->before_h = fmin(fmax(g->before->u.region->extent, 0), ch);
	}
	if (g->after && g->after->u.region) {
		g->after_h = fmin(fmax(g->after->u.region->extent, 0), ch);
		g->after_y = cy + ch - g->after_h;
	}
}

static void
S_region_box(struct lay *L, const char *what, double x, double y, double w,
    double h, int line)
{
	struct area_item *it = lay_box_item(L);

	it->x = x;
	it->y = y;
	it->w = w;
	it->h = h;
	it->u.box.what = what;
	it->u.box.fo_line = line;
}

/* The static content of one region on the current page. */
static void
S_static(struct lay *L, const struct fo_node *seq, const struct fo_node *region,
    const char *defname, double x, double y, double w, double h)
{
	const struct fo_node *sc;
	const char *name;
	struct lay_box *b;

	if (region == NULL || h <= 0)
		return;
	name = region->u.region && region->u.region->region_name ?
	    region->u.region->region_name : defname;
	S_region_box(L, defname + 4, x, y, w, h, region->line);
	sc = fo_seq_flow(seq, name);
	if (sc == NULL || sc->kind != FO_STATIC_CONTENT)
		return;
	b = lay_measure_flow(L, sc, x, w);
	double off = 0, free_h = h - b->h;
	if (free_h > 0) {
		if (region->inh->display_align == FO_DALIGN_CENTER)
			off = free_h / 2;
		else if (region->inh->display_align == FO_DALIGN_AFTER)
			off = free_h;
	}
	lay_draw(L, b, y + off);
}

/* A page whose static content waits for the whole flow. */
struct lay_pgstatic {
	size_t		 page;		/* index into the document's pages */
	int		 number;
	const struct fo_node *seq;
	struct S_geom	 g;
};

static void
S_defer_static(struct lay *L, const struct fo_node *seq, const struct S_geom *g)
{
	if (L->nstatics == L->staticcap) {
		L->staticcap = L->staticcap ? L->staticcap * 2 : 16;
		L->statics = xreallocarray(L->statics, L->staticcap,
		    sizeof *L->statics);
	}
	L->statics[L->nstatics].page = L->doc->npages - 1;
	L->statics[L->nstatics].number = L->pageno;
	L->statics[L->nstatics].seq = seq;
	L->statics[L->nstatics].g = *g;
	L->nstatics++;
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

int
lay_sequence(struct lay *L, const struct fo_node *seq, int pageno)
{
	struct S_geom g;
	const struct fo_node *flow = NULL;
	struct lay_box *rest;
	struct lay_idref seqid = { seq->id, NULL };
	double last_h = 1e300;
	struct lay_box **last_kids = NULL;
	size_t last_n = 0;
	int stall = 0;
	int32_t ipn = seq->u.seq.initial_page_number;

	if (ipn >= 1)
		pageno = ipn;
	else if (ipn == FO_PAGE_AUTO_ODD && pageno % 2 == 0)
		pageno++;
	else if (ipn == FO_PAGE_AUTO_EVEN && pageno % 2 == 1)
		pageno++;
	S_geometry(L, seq, &g);
	for (const struct fo_node *n = seq->first; n != NULL; n = n->next)
		if (n->kind == FO_FLOW) {
			flow = n;
			break;
		}
	L->pageno = pageno;
	if (flow != NULL)
		rest = lay_measure_flow(L, flow, g.bx, g.bw);
	else {
		LAY_DIAG(L, W_LAY_NO_FLOW, lay_file(L), seq->line, 0);
		rest = NULL;
	}
	do {
		struct lay_box *first = NULL, *next = NULL;

		/* A safety net: pages that place nothing of the flow. */
		if (rest != NULL) {
			if (rest->h < last_h - 0.01 || rest->kids != last_kids ||
			    rest->nkids != last_n)
				stall = 0;
			else if (++stall > 50) {
				LAY_DIAG(L, W_LAY_PAGES, lay_file(L), seq->line, 0,
				    (int)L->doc->npages);
				break;
			}
			last_h = rest->h;
			last_kids = rest->kids;
			last_n = rest->nkids;
		}
		if (L->doc->npages >= MAX_PAGES) {
			LAY_DIAG(L, W_LAY_PAGES, lay_file(L), seq->line, 0, MAX_PAGES);
			break;
		}
		L->page = area_page_add(L->doc, g.pw, g.ph);
		L->page->number = pageno;
		L->pageno = pageno;
		if (seq->id)
			lay_record(L, &seqid, g.by);
		S_region_box(L, "region-body", g.bx, g.by, g.bw, g.bh,
		    flow ? flow->line : seq->line);
		if (rest != NULL) {
			S_trim(rest);
			lay_split(L, rest, g.bh, 1, &first, &next);
			if (first != NULL) {
				lay_draw(L, first, g.by);
				if (first->h - first->sa > g.bh + 0.01 &&
				    !L->warned_tall) {
					LAY_DIAG(L, W_LAY_TOO_TALL, lay_file(L),
					    S_tall_line(first), 0);
					L->warned_tall = 1;
				}
			}
			rest = next;
		}
		S_defer_static(L, seq, &g);
		pageno++;
	} while (rest != NULL);
	return pageno;
}

void
lay_statics(struct lay *L)
{
	L->in_static = 1;
	for (size_t i = 0; i < L->nstatics; i++) {
		const struct lay_pgstatic *ps = &L->statics[i];
		const struct S_geom *g = &ps->g;
		L->page = &L->doc->pages[ps->page];
		L->pageno = ps->number;
		S_static(L, ps->seq, g->before, "xsl-region-before", g->rx,
		    g->before_y, g->rw, g->before_h);
		S_static(L, ps->seq, g->after, "xsl-region-after", g->rx,
		    g->after_y, g->rw, g->after_h);
	}
	L->in_static = 0;
	L->nstatics = 0;
}
