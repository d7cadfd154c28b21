/* lay_inline.c — what an inline's style adds to its glyph runs:
 * text-decoration lines (underline, overline, line-through: a fill-in line
 * under a name on a form) at the run's shifted baseline, and the
 * background, borders and padding of an fo:inline, fo:basic-link or
 * fo:leader.  The line builder (lay_line.c) calls it for each run it
 * emits; the block measurer puts an inline's start and end padding and
 * border in the text as fixed spaces (lay_inline_edge). */
#include <math.h>
#include <string.h>

#include "lay_int.h"
#include "../font/font.h"
#include "../util/util.h"

/* Positions and thickness in em of the run's font size: an underline just
 * below the baseline (clear of Latin descenders' middle, as word
 * processors draw it), a line-through at the middle of a hanzi, an
 * overline at the top of the em box. */
#define UNDER_Y		0.12
#define THROUGH_Y	(-0.32)
#define OVER_Y		(-0.86)
#define THICK		0.06

size_t
lay_deco_rules(const struct lay_style *st, double x, double base, double w,
    struct area_item out[3])
{
	static const struct { unsigned bit; double y; } lines[3] = {
		{ FO_TD_UNDERLINE, UNDER_Y }, { FO_TD_OVERLINE, OVER_Y },
		{ FO_TD_LINE_THROUGH, THROUGH_Y },
	};
	size_t n = 0;

	if (st->deco == 0 || w <= 0)
		return 0;
	for (int i = 0; i < 3; i++) {
		if (!(st->deco & lines[i].bit))
			continue;
		struct area_item *it = &out[n++];
		double y = base + lines[i].y * st->size;
		memset(it, 0, sizeof *it);
		it->kind = AREA_RULE;
		it->x = x;
		it->y = y;
		it->u.rule.x2 = x + w;
		it->u.rule.y2 = y;
		it->u.rule.thickness = THICK * st->size;
		it->u.rule.style = RULE_SOLID;
		it->color = st->color;
	}
	return n;
}

/* ---- backgrounds, borders and padding of inlines ---- */

static int
S_inline_kind(int kind)
{
	return kind == FO_INLINE || kind == FO_BASIC_LINK || kind == FO_LEADER ||
	    kind == FO_PAGE_NUMBER || kind == FO_PAGE_NUMBER_CITATION ||
	    kind == FO_PAGE_NUMBER_CITATION_LAST || kind == FO_WRAPPER;
}

static int
S_has_box(const struct fo_box *bx)
{
	if (bx->background != FO_TRANSPARENT)
		return 1;
	for (int s = 0; s < 4; s++)
		if (bx->border[s].width > 0 || bx->padding[s].pt > 0 ||
		    bx->padding[s].pct > 0)
			return 1;
	return 0;
}

const struct fo_node *
lay_inline_box_of(const struct fo_node *n)
{
	for (; n != NULL && (n->kind == FO_TEXT || S_inline_kind(n->kind));
	    n = n->parent)
		if (n->kind != FO_TEXT && S_has_box(n->box))
			return n;
	return NULL;
}

double
lay_inline_edge(const struct fo_node *n, int side, double ref_w)
{
	const struct fo_box *bx = n->box;
	double w = fo_len_resolve(bx->padding[side], ref_w) + bx->border[side].width;

	return w > 0 && w < 1000 ? w : 0;
}

static enum area_rule_style
S_rule(int bs)
{
	return bs == FO_BS_DOTTED ? RULE_DOTTED : bs == FO_BS_DASHED ?
	    RULE_DASHED : bs == FO_BS_DOUBLE ? RULE_DOUBLE : RULE_SOLID;
}

/* The items of one inline's part of a line, x1..x2, around the baseline:
 * its background, then its borders, the content area being the font's
 * ascent and descent, with the padding and borders outside it (XSL
 * 4.6: they do not change the line's height). */
static size_t
S_box_items(const struct lay_seg *sg, double x1, double x2,
    struct area_item *out)
{
	const struct fo_node *n = sg->box;
	const struct fo_box *bx = n->box;
	const struct font_face *pf = font_set_primary(sg->st->set);
	double top = sg->base - font_ascent(pf, sg->st->size) -
	    fo_len_resolve(bx->padding[FO_BEFORE], 0) - bx->border[FO_BEFORE].width;
	double bot = sg->base + font_descent(pf, sg->st->size) +
	    fo_len_resolve(bx->padding[FO_AFTER], 0) + bx->border[FO_AFTER].width;
	size_t k = 0;

	if (bx->background != FO_TRANSPARENT) {
		memset(&out[k], 0, sizeof out[k]);
		out[k].kind = AREA_RECT;
		out[k].x = x1;
		out[k].y = top;
		out[k].w = x2 - x1;
		out[k].h = bot - top;
		out[k].color = bx->background;
		k++;
	}
	for (int s = 0; s < 4; s++) {
		const struct fo_border *b = &bx->border[s];
		double h = b->width / 2;
		if (!(b->width > 0) || b->width > 72)
			continue;
		struct area_item *it = &out[k++];
		memset(it, 0, sizeof *it);
		it->kind = AREA_RULE;
		it->color = b->color;
		it->u.rule.thickness = b->width;
		it->u.rule.style = S_rule(b->style);
		it->x = s == FO_END ? x2 - h : x1 + (s == FO_START ? h : 0);
		it->u.rule.x2 = s == FO_START ? x1 + h : x2 - (s == FO_END ? h : 0);
		it->y = s == FO_AFTER ? bot - h : top + (s == FO_BEFORE ? h : 0);
		it->u.rule.y2 = s == FO_BEFORE ? top + h : bot - (s == FO_AFTER ? h : 0);
	}
	return k;
}

size_t
lay_inline_boxes(const struct lay_seg *seg, size_t n, struct area_item *out)
{
	size_t k = 0;

	for (size_t i = 0; i < n; ) {
		size_t j = i + 1;
		double x2 = seg[i].x2;
		/* one inline's consecutive pieces on the line are one box */
		while (j < n && seg[j].box == seg[i].box) {
			x2 = seg[j].x2 > x2 ? seg[j].x2 : x2;
			j++;
		}
		k += S_box_items(&seg[i], seg[i].x1, x2, out + k);
		i = j;
	}
	return k;
}

/* ---- leader-pattern="use-content" ---- */

void
lay_leader_content(struct lay *L, const struct fo_node *n,
    const struct lay_style *st, struct lay_obj *o)
{
	struct buf b;
	double w = 0;

	buf_init(&b);
	for (const struct fo_node *k = n->first; k != NULL; k = k->next)
		if (k->kind == FO_TEXT)
			buf_append(&b, k->u.text.s, k->u.text.len);
		else if (k->kind == FO_INLINE || k->kind == FO_WRAPPER)
			for (const struct fo_node *t = k->first; t; t = t->next)
				if (t->kind == FO_TEXT)
					buf_append(&b, t->u.text.s, t->u.text.len);
	for (size_t i = 0; i < b.len; ) {
		uint32_t cp;
		size_t k = utf8_decode(b.data + i, b.len - i, &cp);
		const struct font_face *f;
		if (k == 0)
			break;
		i += k;
		if ((f = font_set_face_for(st->set, cp)) != NULL)
			w += font_advance(f, cp, st->size) + st->letter_spacing;
	}
	if (b.len > 0 && w > 0.5) {
		o->pattern = FO_LP_USE_CONTENT;
		o->content = area_strdup(L->doc, b.data, b.len);
		o->content_w = w;
	} else
		o->pattern = FO_LP_SPACE;	/* nothing to repeat */
	buf_free(&b);
}

int
lay_leader_fill(struct lay *L, const struct lay_obj *o,
    const struct lay_style *st, double x, double base, double w,
    struct area_item *it)
{
	uint32_t cp;
	const struct font_face *f;
	struct buf b;
	size_t n;

	if (o->content == NULL || !(o->content_w > 0) ||
	    utf8_decode(o->content, strlen(o->content), &cp) == 0 ||
	    (f = font_set_face_for(st->set, cp)) == NULL)
		return 0;
	n = (size_t)floor(w / o->content_w + 1e-6);
	if (n == 0 || n > 10000)
		return 0;
	buf_init(&b);
	for (size_t i = 0; i < n; i++)
		buf_puts(&b, o->content);
	memset(it, 0, sizeof *it);
	it->kind = AREA_TEXT;
	/* whole copies, against the leader's end (as FOP aligns them) */
	it->x = x + w - (double)n * o->content_w;
	it->y = base;
	it->w = (double)n * o->content_w;
	it->color = st->color;
	it->u.text.face = f;
	it->u.text.size = st->size;
	it->u.text.utf8 = area_strdup(L->doc, b.data, b.len);
	it->u.text.len = b.len;
	it->u.text.char_space = st->letter_spacing;
	buf_free(&b);
	return 1;
}
