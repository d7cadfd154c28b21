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

/* A page whose static content waits for the whole flow. */
struct lay_pgstatic {
	size_t		 page;		/* index into the document's pages */
	int		 number;
	const struct fo_node *seq;
	struct lay_geom	 g;
};

static void
S_defer_static(struct lay *L, const struct fo_node *seq,
    const struct lay_geom *g)
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

/* The master's reference-orientation on the page. */
static void
S_page_turn(struct area_page *pg, const struct lay_geom *g)
{
	pg->turns = g->turns;
	pg->tx = g->tx;
	pg->ty = g->ty;
	pg->tw = g->tw;
	pg->th = g->th;
}

/* A new page of the sequence, numbered pageno, with its region-body. */
static void
S_page_new(struct lay *L, const struct fo_node *seq, const struct lay_geom *g,
    int pageno, int line)
{
	struct lay_idref seqid = { seq->id, NULL };

	L->page = area_page_add(L->doc, g->pw, g->ph);
	S_page_turn(L->page, g);
	L->page->number = pageno;
	L->pageno = pageno;
	if (seq->id)
		lay_record(L, &seqid, g->by);
	lay_region_body(L, g, line);
}

/* Must a blank page end the sequence (force-page-count), whose last page
 * is numbered lastno and which has n pages? */
static int
S_force_blank(const struct fo_node *seq, int n, int lastno)
{
	const struct fo_node *next;

	switch (seq->u.seq.force_page_count) {
	case FO_FORCE_EVEN:
		return n % 2 != 0;
	case FO_FORCE_ODD:
		return n % 2 == 0;
	case FO_FORCE_END_ON_EVEN:
		return lastno % 2 != 0;
	case FO_FORCE_END_ON_ODD:
		return lastno % 2 == 0;
	case FO_FORCE_AUTO:
		/* The next sequence starts odd: this one ends even, and
		 * the other way round (XSL 1.1 §7.27.6). */
		for (next = seq->next; next != NULL; next = next->next)
			if (next->kind == FO_PAGE_SEQUENCE)
				break;
		if (next == NULL)
			return 0;
		if (next->u.seq.initial_page_number == FO_PAGE_AUTO_ODD)
			return lastno % 2 != 0;
		if (next->u.seq.initial_page_number == FO_PAGE_AUTO_EVEN)
			return lastno % 2 == 0;
		if (next->u.seq.initial_page_number >= 1)
			return lastno % 2 == next->u.seq.initial_page_number % 2;
		return 0;
	default:
		return 0;
	}
}

/* A page with no flow on it: after a break to an odd or even page, or to
 * make the page count force-page-count asks for. */
static void
S_blank(struct lay *L, struct lay_pmstate *st, const struct fo_node *seq,
    int pageno, int last, int line)
{
	struct lay_geom g;

	lay_geometry(L, lay_master_next(L, st, pageno, last, 1), seq, &g);
	S_page_new(L, seq, &g, pageno, line);
	S_defer_static(L, seq, &g);
}

static const struct fo_node *
S_flow_of(const struct fo_node *seq)
{
	const struct fo_node *flow = seq->first;

	while (flow != NULL && flow->kind != FO_FLOW)
		flow = flow->next;
	return flow;
}

/* The flow from rest on the new page, if its body takes the flow; what
 * is left for the next page. */
static struct lay_box *
S_fill(struct lay *L, const struct fo_node *seq, const struct lay_geom *g,
    struct lay_box *rest, double mx, double mw)
{
	if (rest == NULL)
		return NULL;
	if (!lay_body_takes(L, g->master, S_flow_of(seq))) {
		L->forced_break = 0;
		return rest;
	}
	return lay_fill_page(L, g, rest, mx, mw);
}

/* The page just filled with the flow from rest, by the master of *g,
 * filled again by the master of *g2. */
static struct lay_box *
S_refill(struct lay *L, const struct fo_node *seq, const struct lay_geom *g,
    struct lay_box *rest, int line, double mx, double mw)
{
	L->page->width = g->pw;
	L->page->height = g->ph;
	S_page_turn(L->page, g);
	L->page->nitems = 0;
	if (seq->id) {
		struct lay_idref seqid = { seq->id, NULL };
		lay_record(L, &seqid, g->by);
	}
	lay_region_body(L, g, line);
	return S_fill(L, seq, g, rest, mx, mw);
}

/* The page just filled (by the master of *g; next is what it left) may be
 * the sequence's last: when page-position "last" or "only" gives it
 * another master, it is filled again by that one, which is kept if it
 * holds the rest of the flow.  A first page the flow overflows is tried
 * likewise with the "only" master, which may be taller.  A "last" page
 * that does not hold the rest is kept all the same and followed by
 * another; a first page stays as it was: an "only" page that does not
 * hold the flow is not the only one (both as Apache FOP).  Returns what is
 * left for the next page. */
static struct lay_box *
S_last_page(struct lay *L, const struct fo_node *seq, struct lay_pmstate *st,
    struct lay_pmstate before, struct lay_geom *g, struct lay_box *rest,
    struct lay_box *next, int firstpage, int pageno, int line, double mx,
    double mw)
{
	struct lay_pmstate again = before;
	const struct fo_node *m = lay_master_next(L, &again, pageno, 1, 0);
	struct lay_geom g2;
	struct lay_box *n2;

	if (m == g->master || !lay_body_takes(L, m, S_flow_of(seq)))
		return next;	/* the same, or one the flow cannot go in */
	lay_geometry(L, m, seq, &g2);
	if (next != NULL && (fabs(g2.colw - mw) > 0.01 || g2.ncols != g->ncols))
		return next;	/* another width: not tried */
	n2 = S_refill(L, seq, &g2, rest, line, mx, mw);
	if (n2 == NULL || (next == NULL && !firstpage)) {
		*st = again;
		*g = g2;
		return n2;
	}
	return S_refill(L, seq, g, rest, line, mx, mw);
}

int
lay_sequence(struct lay *L, const struct fo_node *seq, int pageno)
{
	struct lay_pmstate st, before;
	struct lay_geom g;
	const struct fo_node *flow = NULL;
	struct lay_box *rest;
	double last_h = 1e300, mx, mw;
	struct lay_box **last_kids = NULL;
	size_t last_n = 0;
	int stall = 0, npages = 0, line;
	int32_t ipn = seq->u.seq.initial_page_number;

	if (ipn >= 1)
		pageno = ipn;
	else if (ipn == FO_PAGE_AUTO_ODD && pageno % 2 == 0)
		pageno++;
	else if (ipn == FO_PAGE_AUTO_EVEN && pageno % 2 == 1)
		pageno++;
	for (const struct fo_node *n = seq->first; n != NULL; n = n->next)
		if (n->kind == FO_FLOW) {
			flow = n;
			break;
		}
	line = flow ? flow->line : seq->line;
	L->seq = seq;
	L->span_flow = 0;
	lay_master_start(L, seq, &st);
	before = st;
	lay_geometry(L, lay_master_next(L, &st, pageno, 0, 0), seq, &g);
	mx = g.bx;
	mw = g.colw;
	L->pageno = pageno;
	if (flow != NULL) {
		L->ref_h = g.bh;
		rest = lay_measure_flow(L, flow, mx, mw);
		L->span_flow = lay_span_prepare(L, flow, &g, rest);
	}
	else {
		LAY_DIAG(L, W_LAY_NO_FLOW, lay_file(L), seq->line, 0);
		rest = NULL;
	}
	for (;;) {
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
		S_page_new(L, seq, &g, pageno, line);
		struct lay_box *next = S_fill(L, seq, &g, rest, mx, mw);
		npages++;
		if ((next == NULL || npages == 1) &&
		    !S_force_blank(seq, npages, pageno) && st.psm != NULL)
			next = S_last_page(L, seq, &st, before, &g, rest, next,
			    npages == 1, pageno, line, mx, mw);
		S_defer_static(L, seq, &g);
		pageno++;
		rest = next;
		if (rest == NULL)
			break;
		/* break-before/after odd-page or even-page: a blank page to
		 * get there. */
		if ((L->forced_break == FO_BREAK_ODD_PAGE && pageno % 2 == 0) ||
		    (L->forced_break == FO_BREAK_EVEN_PAGE && pageno % 2 != 0)) {
			S_blank(L, &st, seq, pageno++, 0, line);
			npages++;
		}
		before = st;
		lay_geometry(L, lay_master_next(L, &st, pageno, 0, 0), seq, &g);
	}
	if (S_force_blank(seq, npages, pageno - 1))
		S_blank(L, &st, seq, pageno++, 1, line);
	return pageno;
}

void
lay_statics(struct lay *L)
{
	L->in_static = 1;
	for (size_t i = 0; i < L->nstatics; i++) {
		const struct lay_pgstatic *ps = &L->statics[i];
		L->page = &L->doc->pages[ps->page];
		L->pageno = ps->number;
		L->seq = ps->seq;
		lay_region_statics(L, ps->seq, &ps->g);
	}
	L->in_static = 0;
	L->nstatics = 0;
}
