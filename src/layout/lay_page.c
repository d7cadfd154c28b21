/* lay_page.c — pagination: the measured flow split page by page (keeps,
 * widows and orphans, forced breaks), each part drawn into the area tree
 * with the page's static content; page-number citations resolved by
 * repeating the layout until they are stable. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "lay_int.h"
#include "../diag/diag.h"
#include "../util/util.h"

#define EPS		0.001
#define MAX_PASSES	4
#define MAX_PAGES	100000

/* ---- arena ---- */

struct lay_chunk {
	struct lay_chunk *next;
	size_t		 used, cap;
	max_align_t	 data[];
};

void *
lay_alloc(struct lay *L, size_t n)
{
	struct lay_chunk *c = L->arena;
	size_t need = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t);

	if (c == NULL || c->cap - c->used < need) {
		size_t cap = need > 4096 ? need : 4096;
		c = xmalloc(sizeof *c + cap * sizeof(max_align_t));
		c->used = 0;
		c->cap = cap;
		c->next = L->arena;
		L->arena = c;
	}
	void *p = c->data + c->used;
	c->used += need;
	memset(p, 0, need * sizeof(max_align_t));
	return p;
}

static void
S_arena_free(struct lay *L)
{
	struct lay_chunk *c, *next;

	for (c = L->arena; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	L->arena = NULL;
}

const char *
lay_file(const struct lay *L)
{
	return L->fo ? L->fo->file : NULL;
}

/* ---- citations ---- */

static size_t
S_hash(const char *s)
{
	size_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

struct lay_cite *
lay_cite_get(struct lay *L, const char *id)
{
	size_t h, i;

	if (L->hashcap == 0 || L->ncites * 2 >= L->hashcap) {
		size_t cap = L->hashcap ? L->hashcap * 2 : 64;
		free(L->citehash);
		L->citehash = xcalloc(cap, sizeof *L->citehash);
		L->hashcap = cap;
		for (size_t k = 0; k < L->ncites; k++) {
			i = S_hash(L->cites[k].id) & (cap - 1);
			while (L->citehash[i])
				i = (i + 1) & (cap - 1);
			L->citehash[i] = k + 1;
		}
	}
	h = S_hash(id);
	for (i = h & (L->hashcap - 1); L->citehash[i];
	    i = (i + 1) & (L->hashcap - 1))
		if (strcmp(L->cites[L->citehash[i] - 1].id, id) == 0)
			return &L->cites[L->citehash[i] - 1];
	if (L->ncites == L->citecap) {
		L->citecap = L->citecap ? L->citecap * 2 : 32;
		L->cites = xreallocarray(L->cites, L->citecap, sizeof *L->cites);
	}
	memset(&L->cites[L->ncites], 0, sizeof L->cites[0]);
	L->cites[L->ncites].id = xstrdup(id);
	L->citehash[i] = ++L->ncites;
	return &L->cites[L->ncites - 1];
}

struct area_item *
lay_box_item(struct lay *L)
{
	static struct area_item scratch;

	if (!L->no_boxes)
		return area_item_add(L->page, AREA_BOX);
	memset(&scratch, 0, sizeof scratch);
	scratch.kind = AREA_BOX;
	return &scratch;
}

void
lay_record(struct lay *L, const struct lay_idref *r, double y)
{
	for (; r != NULL; r = r->next) {
		struct lay_cite *c = lay_cite_get(L, r->id);
		if (c->nfirst == 0) {
			c->nfirst = L->pageno;
			c->page_idx = (int)(L->page - L->doc->pages);
			c->y = y;
		}
		c->nlast = L->pageno;
		c->last_idx = (int)(L->page - L->doc->pages);
	}
}

void
lay_format_pageno(char *buf, int n, const char *format)
{
	(void)format;
	snprintf(buf, 32, "%d", n);
}

/* ---- drawing ---- */

void
lay_draw_border(struct lay *L, const struct lay_border *bd, double x1,
    double y1, double x2, double y2)
{
	struct area_item *it;

	if (bd->w <= 0)
		return;
	it = area_item_add(L->page, AREA_RULE);
	it->x = x1;
	it->y = y1;
	it->u.rule.x2 = x2;
	it->u.rule.y2 = y2;
	it->u.rule.thickness = bd->w;
	it->u.rule.style = bd->style;
	it->color = bd->color;
}

void
lay_draw(struct lay *L, const struct lay_box *b, double y)
{
	struct area_item *it;

	switch (b->kind) {
	case BX_LINE:
		lay_record(L, b->ids, y);
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
		lay_draw_table(L, b, y);
		return;
	case BX_BLOCK:
		break;
	}
	double top = y + b->sb;
	double inner = b->fixed_h >= 0 ? b->fixed_h : b->content_h;
	double h = b->bd[FO_BEFORE].w + b->pad[FO_BEFORE] + inner +
	    b->pad[FO_AFTER] + b->bd[FO_AFTER].w;

	lay_record(L, b->ids, top);
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
	for (size_t k = 0; k < b->nkids; k++) {
		const struct lay_box *kid = lay_kid(b, k);
		lay_draw(L, kid, cy);
		cy += kid->h;
	}
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
	B->ids = NULL;
	B->keep_prev = 0;
	B->break_before = 0;
	B->h = B->bd[FO_BEFORE].w + B->pad[FO_BEFORE] + B->content_h +
	    B->pad[FO_AFTER] + B->bd[FO_AFTER].w + B->sa;
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

static int
S_sequence(struct lay *L, const struct fo_node *seq, int pageno)
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

/* The bookmark tree, with the pages the last pass found. */
static void
S_bookmarks(struct lay *L, const struct fo_node *parent, int level)
{
	for (const struct fo_node *n = parent->first; n != NULL; n = n->next) {
		if (n->kind == FO_BOOKMARK_TREE) {
			S_bookmarks(L, n, level);
			continue;
		}
		if (n->kind != FO_BOOKMARK || level > 16)
			continue;
		struct buf t;
		buf_init(&t);
		for (const struct fo_node *c = n->first; c; c = c->next)
			if (c->kind == FO_BOOKMARK_TITLE)
				for (const struct fo_node *x = c->first; x; x = x->next)
					if (x->kind == FO_TEXT)
						buf_append(&t, x->u.text.s, x->u.text.len);
		if (n->u.link.internal != NULL) {
			struct lay_cite *c = lay_cite_get(L, n->u.link.internal);
			if (c->nfirst > 0)
				area_bookmark_add(L->doc, t.data ? t.data : "",
				    c->page_idx, c->y, level);
		}
		buf_free(&t);
		S_bookmarks(L, n, level + 1);
	}
}

static struct area_doc *
S_pass(struct lay *L, const struct lay_options *opt)
{
	const struct fo_node *root = L->fo->root;
	int pageno = 1;

	L->doc = area_doc_new();
	if (opt && opt->watermark)
		L->doc->watermark = area_strdup(L->doc, opt->watermark,
		    strlen(opt->watermark));
	for (size_t i = 0; i < L->ncites; i++) {
		struct lay_cite *c = &L->cites[i];
		c->nfirst = c->nlast = 0;
		c->used_first = c->used_last = 0;
		c->asked = 0;
		c->asked_static = 0;
	}
	if (root != NULL)
		for (const struct fo_node *n = root->first; n != NULL; n = n->next)
			if (n->kind == FO_PAGE_SEQUENCE)
				pageno = S_sequence(L, n, pageno);
	if (L->doc->npages == 0) {
		LAY_DIAG(L, W_LAY_NO_FLOW, lay_file(L), root ? root->line : 0, 0);
		L->page = area_page_add(L->doc, 595.28, 841.89);
	}
	/* Headers and footers last: every page number and citation of
	 * this pass is known by now ("第 N 页 共 M 页" in one pass). */
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
	if (root != NULL)
		S_bookmarks(L, root, 0);
	return L->doc;
}

/* Did a citation print something other than what this pass found? */
static int
S_cites_changed(struct lay *L)
{
	int changed = 0;

	for (size_t i = 0; i < L->ncites; i++) {
		struct lay_cite *c = &L->cites[i];
		if (c->asked && (c->used_first != c->nfirst ||
		    c->used_last != c->nlast) &&
		    (c->first != c->nfirst || c->last != c->nlast))
			changed = 1;
		c->first = c->nfirst;
		c->last = c->nlast;
	}
	return changed;
}

struct area_doc *
lay_document(const struct fo_tree *tree, const struct lay_options *opt)
{
	struct lay L;
	struct area_doc *doc = NULL;

	memset(&L, 0, sizeof L);
	L.fo = tree;
	L.astral_said = opt && opt->astral_said;
	L.no_boxes = opt && opt->no_boxes;
	lay_para_init(&L.para);
	for (int pass = 0; pass < MAX_PASSES; pass++) {
		L.quiet = pass > 0;
		L.run = 0;
		L.depth = 0;
		doc = S_pass(&L, opt);
		if (!S_cites_changed(&L) || pass + 1 == MAX_PASSES)
			break;
		area_doc_free(doc);
		S_arena_free(&L);
	}
	/* Where every id was placed, for callers that lay out a long
	 * document in slices (publish). */
	doc->anchors = xreallocarray(NULL, L.ncites ? L.ncites : 1,
	    sizeof *doc->anchors);
	for (size_t i = 0; i < L.ncites; i++) {
		struct lay_cite *c = &L.cites[i];
		if (c->first > 0 && c->id[0] != '\x1f')
			doc->anchors[doc->nanchors++] = (struct area_anchor){
				area_strdup(doc, c->id, strlen(c->id)),
				c->page_idx, c->last_idx };
	}
	for (size_t i = 0; i < L.ncites; i++) {
		struct lay_cite *c = &L.cites[i];
		if ((c->asked || c->asked_static) && c->first == 0 &&
		    c->id[0] != '\x1f')
			diag(W_LAY_CITE_UNKNOWN, lay_file(&L), c->fo_line, 0, c->id);
		free((char *)c->id);
	}
	free(L.cites);
	free(L.statics);
	free(L.citehash);
	free(L.warned_cp);
	lay_para_free(&L.para);
	S_arena_free(&L);
	return doc;
}
