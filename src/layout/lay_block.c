/* lay_block.c — measuring: block-level FO (blocks, block-containers and,
 * through lay_table.c, tables) into boxes with final widths and heights;
 * inline content into paragraphs and lines. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"
#include "../diag/diag.h"
#include "../font/font.h"
#include "../util/util.h"

/* Deeper nesting is flattened: its text still appears, in the block that
 * reached the limit.  Keeps the stack bounded on hostile input. */
#define MAX_DEPTH	100

struct S_ctx {
	struct lay	*L;
	const struct fo_node *blk;	/* the block whose lines these are */
	double		 cx, cw;	/* content rectangle */
	double		 refx, ref_w;	/* the reference area */
	double		 base, base_end;	/* indents of the reference area */
	struct lay_box	**kids;
	size_t		 n, cap;
	int		 started;	/* the first line is out: no more indent */
	struct lay_style strut;
	struct lay_idref *pending;	/* inline ids waiting for a line */
	struct lay_fnote *fnotes;	/* footnotes waiting for a line */
	struct S_anchor *anc;		/* ids where they stand in the text */
	size_t		 nanc, anccap;
};

/* An id at a place in the paragraph being collected: where an inline (a
 * citation, a page-number …) starts, or where an inline ends (end).  Its
 * first page is its start's line's, its last page its end's line's. */
struct S_anchor {
	struct lay_idref *ref;
	size_t		 off;
	int		 end;
};

/* Font sets are looked up once per (family list, weight, style) and per
 * process; compared by content, since a batch frees each FO tree and the
 * next may reuse its addresses. */
static const struct font_set *
S_fontset(const char *family, int weight, int italic)
{
	static struct {
		char	*copy;
		int	 weight, italic;
		const struct font_set *set;
	} cache[32];
	static unsigned ncache, next;
	const struct font_set *set;

	if (family == NULL)
		family = "";
	for (unsigned i = 0; i < ncache; i++)
		if (cache[i].weight == weight && cache[i].italic == italic &&
		    strcmp(cache[i].copy, family) == 0)
			return cache[i].set;
	set = font_set_get(family, weight, italic);
	unsigned k = ncache < 32 ? ncache++ : next++ % 32;
	free(cache[k].copy);
	cache[k].copy = xstrdup(family);
	cache[k].weight = weight;
	cache[k].italic = italic;
	cache[k].set = set;
	return set;
}

void
lay_style_of(const struct fo_node *n, struct lay_style *st)
{
	const struct fo_inh *in = n->inh;

	memset(st, 0, sizeof *st);
	st->set = S_fontset(in->font_family, in->font_weight, in->italic);
	st->size = in->font_size > 0 ? in->font_size : 12;
	st->lh = in->line_height;
	st->letter_spacing = in->letter_spacing;
	st->color = in->color;
	st->fake_bold = in->font_weight >= 600 && font_set_fake_bold(st->set);
	st->shift = in->baseline_shift;
	st->deco = in->text_decoration;
	st->autospace = in->autospace;
	st->keep = in->keep_together.line != FO_KEEP_AUTO ? lay_keep_of(n) : NULL;
	st->box = lay_inline_box_of(n);
}

static enum area_rule_style
S_rstyle(int bs)
{
	switch (bs) {
	case FO_BS_DOTTED:	return RULE_DOTTED;
	case FO_BS_DASHED:	return RULE_DASHED;
	case FO_BS_DOUBLE:	return RULE_DOUBLE;
	default:		return RULE_SOLID;
	}
}

static void
S_border(struct lay_border *d, const struct fo_border *s)
{
	d->w = s->style == FO_BS_NONE || s->style == FO_BS_HIDDEN ? 0 : s->width;
	d->color = s->color;
	d->style = S_rstyle(s->style);
}

static void
S_push(struct S_ctx *c, struct lay_box *b)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 8;
		c->kids = xreallocarray(c->kids, c->cap, sizeof *c->kids);
	}
	c->kids[c->n++] = b;
}

static struct lay_idref *
S_idref(struct lay *L, const char *id, struct lay_idref *next)
{
	struct lay_idref *r = LAY_NEW(L, struct lay_idref);
	r->id = id;
	r->next = next;
	return r;
}

static void
S_anchor(struct S_ctx *c, const char *id, int end)
{
	if (c->nanc == c->anccap) {
		c->anccap = c->anccap ? c->anccap * 2 : 8;
		c->anc = xreallocarray(c->anc, c->anccap, sizeof *c->anc);
	}
	c->anc[c->nanc].ref = S_idref(c->L, id, NULL);
	c->anc[c->nanc].off = c->L->para.n;
	c->anc[c->nanc].end = end;
	c->nanc++;
}

/* The anchors of the paragraph just broken into lines kids[n0..n), on
 * the line each stands on; with no line, the starts wait as before. */
static void
S_anchors_place(struct S_ctx *c, size_t n0)
{
	for (size_t i = 0; i < c->nanc; i++) {
		struct S_anchor *a = &c->anc[i];
		if (c->n <= n0) {
			if (!a->end) {
				a->ref->next = c->pending;
				c->pending = a->ref;
			}
			continue;
		}
		size_t off = a->end && a->off > 0 ? a->off - 1 : a->off, j = n0;
		while (j + 1 < c->n && c->kids[j + 1]->para_s <= off)
			j++;
		struct lay_idref **list = a->end ? &c->kids[j]->ids_cont :
		    &c->kids[j]->ids;
		a->ref->next = *list;
		*list = a->ref;
	}
	c->nanc = 0;
}

/* Break what was collected into lines. */
static void
S_flush(struct S_ctx *c)
{
	struct lay *L = c->L;
	const struct fo_inh *in = c->blk->inh;
	struct lay_parfmt f;
	size_t n0 = c->n;

	if (lay_para_empty(&L->para)) {
		S_anchors_place(c, c->n);
		lay_para_reset(&L->para);
		return;
	}
	memset(&f, 0, sizeof f);
	f.x = c->cx;
	f.width = c->cw;
	f.indent = c->started ? 0 : fo_len_resolve(in->text_indent, c->cw);
	f.align = in->text_align;
	f.align_last = fo_align_last(in);
	f.wrap = in->wrap;
	f.strut = &c->strut;
	f.lang = in->lang;
	for (const struct fo_node *a = c->blk; a; a = a->parent)
		if (a->kind == FO_TABLE_CELL || a->kind == FO_BLOCK_CONTAINER ||
		    a->kind == FO_FLOW || a->kind == FO_STATIC_CONTENT) {
			f.in_cell = a->kind == FO_TABLE_CELL;
			break;
		}
	lay_para_lines(L, &L->para, &f, &c->kids, &c->n, &c->cap);
	for (size_t i = n0; i < c->n; i++) {
		c->kids[i]->widows = in->widows;
		c->kids[i]->orphans = in->orphans;
	}
	if (c->n > n0 && c->pending) {
		c->kids[n0]->ids = c->pending;
		c->pending = NULL;
	}
	S_anchors_place(c, n0);
	/* A footnote goes with its paragraph's first line (lay_footnote.c). */
	if (c->n > n0 && c->fnotes) {
		c->kids[n0]->fnotes = c->fnotes;
		c->fnotes = NULL;
	}
	c->started = 1;
	lay_para_reset(&L->para);
}

static void
S_text(struct S_ctx *c, const struct fo_node *n, const char *s, size_t len)
{
	struct lay_style st;

	lay_style_of(n, &st);
	lay_para_text(&c->L->para, s, len, lay_para_style(&c->L->para, &st),
	    n->line);
}

/* An inline's start or end padding and border: a fixed space in its
 * box (lay_inline.c draws the box around it). */
static void
S_inline_edge(struct S_ctx *c, const struct fo_node *n, int side)
{
	double w = n->kind == FO_WRAPPER ? 0 : lay_inline_edge(n, side, c->cw);
	struct lay_style st;
	struct lay_obj o;

	if (w <= 0)
		return;
	memset(&o, 0, sizeof o);
	o.kind = LOBJ_LEADER;
	o.pattern = FO_LP_SPACE;
	o.w = o.wmin = o.wmax = fmin(w, c->cw);
	lay_style_of(n, &st);
	lay_para_obj(&c->L->para, &o, lay_para_style(&c->L->para, &st), n->line);
}

static void
S_leader(struct S_ctx *c, const struct fo_node *n)
{
	const struct fo_inh *in = n->inh;
	struct lay_style st;
	struct lay_obj o;

	memset(&o, 0, sizeof o);
	o.kind = LOBJ_LEADER;
	o.pattern = in->leader_pattern;
	o.wmin = fo_len_resolve(in->leader_length.min, c->cw);
	o.w = fo_len_resolve(in->leader_length.opt, c->cw);
	o.wmax = in->leader_length.max.kind == FO_AUTO ? c->cw :
	    fo_len_resolve(in->leader_length.max, c->cw);
	/* Hostile lengths: keep them inside the line. */
	o.wmax = fmin(fmax(o.wmax, 0), c->cw);
	o.w = fmin(fmax(o.w, 0), c->cw);
	o.wmin = fmin(fmax(o.wmin, 0), o.w);
	if (o.wmax < o.w)
		o.wmax = o.w;
	o.thickness = in->rule_thickness > 0 ? fmin(in->rule_thickness, 20) : 1;
	o.rstyle = S_rstyle(in->rule_style);
	lay_style_of(n, &st);
	if (o.pattern == FO_LP_USE_CONTENT)
		lay_leader_content(c->L, n, &st, &o);
	lay_para_obj(&c->L->para, &o, lay_para_style(&c->L->para, &st), n->line);
}

static void
S_graphic(struct S_ctx *c, const struct fo_node *n)
{
	const struct fo_graphic *g = n->u.graphic;
	struct lay_style st;
	struct lay_obj o;
	double iw = 0, ih = 0;
	int ok;

	memset(&o, 0, sizeof o);
	o.kind = LOBJ_IMAGE;
	ok = g && g->src && lay_png_size(c->L, g->src, n->line, &iw, &ih) == 0;
	if (!ok)
		iw = ih = 36;	/* an empty box where the picture should be */
	double w = iw, h = ih;
	struct fo_len cw = g ? g->content_width : (struct fo_len){0, 0, FO_AUTO};
	struct fo_len ch = g ? g->content_height : (struct fo_len){0, 0, FO_AUTO};
	double boxw = n->box->ipd.opt.kind == FO_LEN ?
	    fo_len_resolve(n->box->ipd.opt, c->cw) : c->cw;
	double boxh = n->box->bpd.opt.kind == FO_LEN ?
	    fo_len_resolve(n->box->bpd.opt, 0) : 0;
	if (cw.kind == FO_LEN)
		w = cw.pt + cw.pct * iw / 100.0;
	else if (cw.kind == FO_SCALE_TO_FIT)
		w = boxw;
	if (ch.kind == FO_LEN)
		h = ch.pt + ch.pct * ih / 100.0;
	else if (ch.kind == FO_SCALE_TO_FIT && boxh > 0)
		h = boxh;
	/* One side given: the other keeps the picture's proportions. */
	if (iw > 0 && ih > 0 && (!g || g->uniform)) {
		if (cw.kind != FO_AUTO && ch.kind == FO_AUTO)
			h = w * ih / iw;
		else if (ch.kind != FO_AUTO && cw.kind == FO_AUTO)
			w = h * iw / ih;
	}
	if (!(w > 0) || !(h > 0) || w > 14400 || h > 14400) {
		LAY_DIAG(c->L, W_LAY_GRAPHIC_SIZE, lay_file(c->L), n->line, 0);
		w = h = 36;
	}
	/* Never wider than the line: scale down. */
	if (w > c->cw && c->cw > 0) {
		h = h * c->cw / w;
		w = c->cw;
	}
	o.w = o.wmin = o.wmax = w;
	o.h = h;
	o.path = ok ? area_strdup(c->L->doc, g->src, strlen(g->src)) : NULL;
	lay_style_of(n, &st);
	lay_para_obj(&c->L->para, &o, lay_para_style(&c->L->para, &st), n->line);
}

static void
S_pagenum_text(struct S_ctx *c, const struct fo_node *n)
{
	struct lay *L = c->L;
	char num[32];

	if (n->kind == FO_PAGE_NUMBER && L->in_static) {
		lay_format_pageno(num, L->pageno, L->page_format);
	} else if (n->kind == FO_PAGE_NUMBER) {
		/* In the flow the page is known only once paginated: the
		 * number cites itself, resolved like a citation. */
		char key[40];
		snprintf(key, sizeof key, "\x1fpn:%p", (const void *)n);
		struct lay_cite *ct = lay_cite_get(L, key);
		int v = ct->first > 0 ? ct->first : L->pageno;
		S_anchor(c, area_strdup(L->doc, key, strlen(key)), 0);
		ct->asked = 1;
		ct->used_first = ct->used_last = v;
		lay_format_pageno(num, v, L->page_format);
	} else {
		struct lay_cite *ct = lay_cite_get(L, n->u.ref_id ? n->u.ref_id : "");
		int v;
		if (!ct->asked && !ct->asked_static)
			ct->fo_line = n->line;
		if (L->in_static) {
			/* Static content is drawn once the flow is paginated:
			 * this pass's pages are final, no second pass needed. */
			v = n->kind == FO_PAGE_NUMBER_CITATION ? ct->nfirst : ct->nlast;
			ct->asked_static = 1;
		} else {
			v = n->kind == FO_PAGE_NUMBER_CITATION ? ct->first : ct->last;
			ct->asked = 1;
			if (n->kind == FO_PAGE_NUMBER_CITATION)
				ct->used_first = v;
			else
				ct->used_last = v;
		}
		if (v <= 0)
			snprintf(num, sizeof num, "?");
		else
			lay_format_pageno(num, v, L->page_format);
	}
	S_text(c, n, num, strlen(num));
}

static struct lay_box *S_block(struct lay *L, const struct fo_node *n,
    const struct S_ctx *ref);

static void S_content(struct S_ctx *c, const struct fo_node *parent);

/* Text of a subtree too deep to lay out, walked without recursion. */
static void
S_flatten(struct S_ctx *c, const struct fo_node *top)
{
	const struct fo_node *n = top->first;

	for (; n != NULL; n = lay_fo_next(n, top))
		if (n->kind == FO_TEXT)
			S_text(c, n, n->u.text.s, n->u.text.len);
}

static int
S_is_block(int kind)
{
	return kind == FO_BLOCK || kind == FO_BLOCK_CONTAINER ||
	    kind == FO_TABLE || kind == FO_LIST_BLOCK;
}

/* Does the layout retrieve the initial markers of a node of this kind?
 * (lay_box_props and lay_measure_blocks note them.) */
static int
S_marks(int kind)
{
	return kind == FO_BLOCK || kind == FO_BLOCK_CONTAINER ||
	    kind == FO_FLOW || kind == FO_TABLE_CELL ||
	    kind == FO_LIST_ITEM_LABEL || kind == FO_LIST_ITEM_BODY ||
	    kind == FO_FOOTNOTE_BODY;
}

static void
S_child(struct S_ctx *c, const struct fo_node *n)
{
	struct lay *L = c->L;

	if (n->kind != FO_TEXT && n->id != NULL && !S_is_block(n->kind))
		S_anchor(c, n->id, 0);
	switch (n->kind) {
	case FO_TEXT:
		S_text(c, n, n->u.text.s, n->u.text.len);
		break;
	case FO_INLINE:
	case FO_BASIC_LINK:
	case FO_WRAPPER:
		if (L->depth >= MAX_DEPTH) {
			S_flatten(c, n);
			break;
		}
		L->depth++;
		S_inline_edge(c, n, FO_START);
		S_content(c, n);
		S_inline_edge(c, n, FO_END);
		if (n->id != NULL)	/* its last page: where it ends */
			S_anchor(c, n->id, 1);
		L->depth--;
		break;
	case FO_LEADER:
		S_leader(c, n);
		break;
	case FO_PAGE_NUMBER:
	case FO_PAGE_NUMBER_CITATION:
	case FO_PAGE_NUMBER_CITATION_LAST:
		S_pagenum_text(c, n);
		break;
	case FO_EXTERNAL_GRAPHIC:
		S_graphic(c, n);
		break;
	case FO_FOOTNOTE:	/* the citation here, the body at the foot */
		for (const struct fo_node *k = n->first; k != NULL; k = k->next)
			if (k->kind == FO_FOOTNOTE_BODY) {
				if (!L->in_static)
					c->fnotes = lay_footnote_add(L, c->fnotes, k);
			} else
				S_child(c, k);
		break;
	case FO_MARKER:	/* a block's, a flow's, a cell's: lay_marker.c */
		if (!S_marks(n->parent->kind) && !L->warned_marker) {
			LAY_DIAG(L, W_LAY_MARKER, lay_file(L), n->line, 0,
			    fo_kind_name(n->parent->kind));
			L->warned_marker = 1;
		}
		break;
	case FO_RETRIEVE_MARKER: {	/* in static content (lay_marker.c) */
		const struct fo_node *m = lay_marker_get(L, n);
		if (m != NULL && L->depth < MAX_DEPTH) {
			L->depth++;
			S_content(c, m);
			L->depth--;
		}
		break;
	}
	case FO_BLOCK:
	case FO_BLOCK_CONTAINER:
	case FO_TABLE:
	case FO_LIST_BLOCK:
		if (L->depth >= MAX_DEPTH) {
			if (!L->warned_deep)
				LAY_DIAG(L, W_LAY_DEEP, lay_file(L), n->line, 0, MAX_DEPTH);
			L->warned_deep = 1;
			S_flatten(c, n);
			break;
		}
		S_flush(c);
		L->depth++;
		struct lay_box *b = S_block(L, n, c);
		L->depth--;
		if (b != NULL)
			S_push(c, b);
		break;
	default:
		break;	/* the FO reader has warned about the rest */
	}
}

static void
S_content(struct S_ctx *c, const struct fo_node *parent)
{
	for (const struct fo_node *n = parent->first; n != NULL; n = n->next)
		S_child(c, n);
}

/* Space resolution between siblings: the larger of space-after and the
 * next space-before, not their sum. */
static void
S_resolve_spaces(struct lay_box **kids, size_t n)
{
	for (size_t k = 1; k < n; k++) {
		double sa = kids[k - 1]->sa, sb = kids[k]->sb;
		if (sa > 0 && sb > 0) {
			double nsb = sb > sa ? sb - sa : 0;
			kids[k]->h -= sb - nsb;
			kids[k]->sb = nsb;
		}
	}
}

void
lay_box_sum(struct lay_box *b)
{
	double c = 0;
	int brk = 0;

	for (size_t k = 0; k < b->nkids; k++) {
		const struct lay_box *k1 = b->kids[k];
		c += k1->h;
		if (k1->has_break || (k > 0 && k1->break_before) ||
		    (k + 1 < b->nkids && k1->break_after))
			brk = 1;
	}
	b->content_h = c;
	b->has_break = brk && b->fixed_h < 0;
	b->h = b->sb + b->bd[FO_BEFORE].w + b->pad[FO_BEFORE] +
	    (b->fixed_h >= 0 ? b->fixed_h : c) +
	    b->pad[FO_AFTER] + b->bd[FO_AFTER].w + b->sa;
}

/* The breaks and keeps at b's edges are b's own (XSL 1.1 §7.20: a
 * break-before on a first child starts the parent's content on a new
 * page, which is the parent's own break when nothing of it comes before;
 * likewise a last child's break-after, and the keeps with the previous
 * and next object): so a block-level child of an inline, a table or a
 * list in a block, and a cell's first or last block are not cut from
 * their break.  From the first and last kids only, the stronger one. */
void
lay_box_edges(struct lay_box *b)
{
	const struct lay_box *f, *l;

	if (b->nkids == 0)
		return;
	f = b->kids[0];
	l = b->kids[b->nkids - 1];
	if (f->break_before > b->break_before)
		b->break_before = f->break_before;
	if (l->break_after > b->break_after)
		b->break_after = l->break_after;
	b->keep_prev |= f->keep_prev;
	b->keep_next |= l->keep_next;
}

/* Clamp a length from the FO to something a page can hold (3000pt is
 * over a metre: no form asks for more). */
static double
S_sane(struct lay *L, double v, int line)
{
	if (!isfinite(v) || v < 0 || v > 3000) {
		LAY_DIAG(L, W_LAY_LENGTH, lay_file(L), line, 0);
		return 0;
	}
	return v;
}

/* Common box properties of a block-level node: borders, padding, spaces,
 * keeps, breaks, and where it goes.  Indents are XSL's: from the start
 * edge of the reference area (whose own indent is base) to the start of
 * the node's content rectangle, so a block with a border or padding but
 * no margin has them outside its parent's content, as in FOP.  Sets the
 * border box in b and the content rectangle in *cx, *cw. */
void
lay_box_props(struct lay *L, struct lay_box *b, const struct fo_node *n,
    double ref_x, double ref_w, double base, double base_end)
{
	const struct fo_box *bx = n->box;
	const struct fo_inh *in = n->inh;
	double si = fo_len_resolve(in->start_indent, ref_w) - base;
	double ei = fo_len_resolve(in->end_indent, ref_w) - base_end;
	double cx, cw;

	b->fo_line = n->line;
	b->markers = lay_markers_of(n);
	b->span = n->box->span;
	if (!isfinite(si) || fabs(si) > ref_w) {
		LAY_DIAG(L, W_LAY_LENGTH, lay_file(L), n->line, 0);
		si = 0;
	}
	if (!isfinite(ei) || fabs(ei) > ref_w) {
		LAY_DIAG(L, W_LAY_LENGTH, lay_file(L), n->line, 0);
		ei = 0;
	}
	for (int s = 0; s < 4; s++) {
		S_border(&b->bd[s], &bx->border[s]);
		b->bd[s].w = S_sane(L, b->bd[s].w, n->line);
		b->pad[s] = S_sane(L, fo_len_resolve(bx->padding[s], ref_w), n->line);
	}
	cx = ref_x + si;
	cw = ref_w - si - ei;
	if (n->kind != FO_BLOCK && bx->ipd.opt.kind == FO_LEN) {
		double w = fo_len_resolve(bx->ipd.opt, ref_w);
		if (w > 0 && w <= 14400)
			cw = w;
		else
			LAY_DIAG(L, W_LAY_LENGTH, lay_file(L), n->line, 0);
	}
	if (cw < 1) {
		LAY_DIAG(L, W_LAY_NARROW, lay_file(L), n->line, 0, fo_kind_name(n->kind));
		cw = 1;
	}
	if (n->kind == FO_TABLE) {
		/* The collapsed grid is drawn on the column edges: a table's
		 * indent counts its border only when a margin put it there. */
		const struct fo_inh *pin = n->parent ? n->parent->inh : NULL;
		int margin = pin && memcmp(&pin->start_indent, &in->start_indent,
		    sizeof in->start_indent) != 0;
		b->x = cx - (margin ? b->bd[FO_START].w + b->pad[FO_START] : 0);
		b->w = cw;
		memset(b->pad, 0, sizeof b->pad);
	} else {
		b->x = cx - b->pad[FO_START] - b->bd[FO_START].w;
		b->w = cw + b->pad[FO_START] + b->bd[FO_START].w +
		    b->pad[FO_END] + b->bd[FO_END].w;
	}
	b->bg = bx->background;
	b->sb = S_sane(L, fo_len_resolve(bx->space_before.r.opt, 0), n->line);
	b->sb_retain = bx->space_before.retain != 0;
	b->sa = S_sane(L, fo_len_resolve(bx->space_after.r.opt, 0), n->line);
	b->keep_next = bx->keep_with_next.page != FO_KEEP_AUTO ||
	    bx->keep_with_next.column != FO_KEEP_AUTO;
	b->keep_prev = bx->keep_with_previous.page != FO_KEEP_AUTO ||
	    bx->keep_with_previous.column != FO_KEEP_AUTO;
	b->keep_together = in->keep_together.page != FO_KEEP_AUTO ||
	    in->keep_together.column != FO_KEEP_AUTO;
	b->break_before = bx->break_before;	/* enum fo_break */
	b->break_after = bx->break_after;
	b->fixed_h = -1;
	if (n->id != NULL)
		b->ids = S_idref(L, n->id, NULL);
}

/* The indents the children of a reference area (block-container, cell)
 * measure theirs from: the ones they inherit from it. */
static void
S_child_base(const struct fo_node *n, double ref_w, double *base,
    double *base_end)
{
	*base = fo_len_resolve(n->inh->start_indent, ref_w);
	*base_end = fo_len_resolve(n->inh->end_indent, ref_w);
}

/* Measure the block-level node n (block, block-container, table) inside
 * the reference area of ref. */
static struct lay_box *
S_block(struct lay *L, const struct fo_node *n, const struct S_ctx *ref)
{
	struct lay_box *b;
	struct S_ctx c;

	if (n->kind == FO_TABLE)
		return lay_measure_table(L, n, ref->refx, ref->ref_w, ref->base,
		    ref->base_end);
	if (n->kind == FO_LIST_BLOCK)
		return lay_measure_list(L, n, ref->refx, ref->ref_w, ref->base,
		    ref->base_end);
	if (n->kind == FO_BLOCK_CONTAINER && n->u.container != NULL &&
	    n->u.container->abs != FO_ABS_AUTO)
		return lay_measure_abs(L, n, ref->refx, ref->ref_w);
	b = LAY_NEW(L, struct lay_box);
	b->kind = BX_BLOCK;
	b->what = n->kind == FO_BLOCK ? "block" : "block-container";
	lay_box_props(L, b, n, ref->refx, ref->ref_w, ref->base, ref->base_end);

	memset(&c, 0, sizeof c);
	c.L = L;
	c.blk = n;
	c.cx = b->x + b->bd[FO_START].w + b->pad[FO_START];
	c.cw = b->w - b->bd[FO_START].w - b->pad[FO_START] - b->pad[FO_END] -
	    b->bd[FO_END].w;
	if (c.cw < 1)
		c.cw = 1;
	if (n->kind == FO_BLOCK_CONTAINER) {
		/* A new reference area: children measure from its content. */
		b->refarea = 1;
		c.refx = c.cx;
		c.ref_w = c.cw;
		S_child_base(n, c.cw, &c.base, &c.base_end);
		if (n->box->bpd.opt.kind == FO_LEN) {
			b->fixed_h = S_sane(L, fo_len_resolve(n->box->bpd.opt, 0),
			    n->line);
			b->keep_together = 1;
		}
		b->valign = n->inh->display_align;
		if (n->u.container != NULL && n->u.container->turns) {
			/* without its width: between its indents */
			double avail = ref->ref_w -
			    (fo_len_resolve(n->inh->start_indent, ref->ref_w) - ref->base) -
			    (fo_len_resolve(n->inh->end_indent, ref->ref_w) - ref->base_end) -
			    (b->w - c.cw);
			lay_turn_measure(L, b, n, c.cw, avail >= 1 ? avail : c.cw);
			return b;
		}
	} else {
		c.refx = ref->refx;
		c.ref_w = ref->ref_w;
		c.base = ref->base;
		c.base_end = ref->base_end;
	}
	lay_style_of(n, &c.strut);
	S_content(&c, n);
	S_flush(&c);
	if (c.pending) {
		/* Ids of inlines that made no line: they belong to the block. */
		struct lay_idref *r = c.pending;
		while (r->next)
			r = r->next;
		r->next = b->ids;
		b->ids = c.pending;
	}
	b->fnotes = c.fnotes;	/* footnotes cited where no line was made */
	S_resolve_spaces(c.kids, c.n);
	b->nkids = c.n;
	b->kids = LAY_NEWN(L, struct lay_box *, c.n ? c.n : 1);
	if (c.n)
		memcpy(b->kids, c.kids, c.n * sizeof *c.kids);
	free(c.kids);
	free(c.anc);
	lay_box_sum(b);
	lay_box_edges(b);
	if (b->fixed_h >= 0 && b->content_h > b->fixed_h + 0.01)
		LAY_DIAG(L, W_LAY_OVERFLOW, lay_file(L), n->line, 0,
		    b->content_h - b->fixed_h);
	return b;
}

/* Measure the block-level children of parent (a flow, static-content or
 * table-cell) as the kids of a new BX_BLOCK covering [x, x + w). */
struct lay_box *
lay_measure_blocks(struct lay *L, const struct fo_node *parent, double x,
    double w, double base, double base_end)
{
	struct lay_box *b = LAY_NEW(L, struct lay_box);
	struct S_ctx c;

	b->kind = BX_BLOCK;
	b->what = fo_kind_name(parent->kind);
	b->fo_line = parent->line;
	b->x = x;
	b->w = w;
	b->bg = FO_TRANSPARENT;
	b->fixed_h = -1;
	/* markers at the start of a flow or a cell are the flow's, the
	 * cell's (FOP retrieves them; they were ignored without a word) */
	b->markers = lay_markers_of(parent);
	memset(&c, 0, sizeof c);
	c.L = L;
	c.blk = parent;
	c.cx = c.refx = x;
	c.cw = c.ref_w = w;
	c.base = base;
	c.base_end = base_end;
	lay_style_of(parent, &c.strut);
	S_content(&c, parent);
	S_flush(&c);
	S_resolve_spaces(c.kids, c.n);
	b->ids = c.pending;
	b->nkids = c.n;
	b->kids = LAY_NEWN(L, struct lay_box *, c.n ? c.n : 1);
	if (c.n)
		memcpy(b->kids, c.kids, c.n * sizeof *c.kids);
	free(c.kids);
	free(c.anc);
	lay_box_sum(b);
	lay_box_edges(b);	/* a cell's or a list part's: its row's */
	return b;
}

struct lay_box *
lay_measure_flow(struct lay *L, const struct fo_node *flow, double x, double w)
{
	double base, base_end;

	S_child_base(flow, w, &base, &base_end);
	return lay_measure_blocks(L, flow, x, w, base, base_end);
}

/* For the table code: the base indents of a cell's content. */
void
lay_child_base(const struct fo_node *n, double ref_w, double *base,
    double *base_end)
{
	S_child_base(n, ref_w, base, base_end);
}
