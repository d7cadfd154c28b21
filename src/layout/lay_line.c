/* lay_line.c — the line builder: a paragraph of styled characters and
 * objects (collected by lay_para.c) broken into lines (UAX #14 and the
 * Chinese rules from src/text; lay_fit.c for optimal-fit), aligned,
 * justified and turned into glyph runs. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"
#include "../diag/diag.h"
#include "../font/font.h"
#include "../text/linebreak.h"
#include "../util/util.h"

#define EPS		0.001
#define GETA		0x3013u		/* 〓: the typesetter's missing-glyph mark */

/* Characters that take no room and are not drawn. */
static int
S_invisible(uint32_t c)
{
	return c == '\n' || c == 0x200B || c == 0xFEFF || c == 0xAD ||
	    c == 0x200C || c == 0x200D;
}

/* Working arrays of one paragraph, reused. */
struct S_work {
	char		*brk;
	double		*w;		/* advance (with letter-spacing) */
	const struct font_face **face;
	uint32_t	*draw;		/* the character drawn (〓 for missing) */
	unsigned char	*pc;		/* enum lb_punct of a full-width mark */
	double		*cl, *cr;	/* blank half compressed on the left,
					   on the right (next to another mark) */
	double		*gap;		/* CJK-Latin space after the character */
	double		*org;		/* S_compose: where each glyph is drawn */
	double		*bw, *shs, *she, *lim;	/* for lay_fit (struct lay_fit_in) */
	size_t		 cap;
};
static struct S_work S_wk;

static void
S_work_grow(size_t n)
{
	if (n <= S_wk.cap)
		return;
	while (S_wk.cap < n)
		S_wk.cap = S_wk.cap ? S_wk.cap * 2 : 1024;
	S_wk.brk = xrealloc(S_wk.brk, S_wk.cap);
	S_wk.w = xreallocarray(S_wk.w, S_wk.cap, sizeof *S_wk.w);
	S_wk.face = xreallocarray(S_wk.face, S_wk.cap, sizeof *S_wk.face);
	S_wk.draw = xreallocarray(S_wk.draw, S_wk.cap, sizeof *S_wk.draw);
	S_wk.pc = xrealloc(S_wk.pc, S_wk.cap);
	S_wk.cl = xreallocarray(S_wk.cl, S_wk.cap, sizeof *S_wk.cl);
	S_wk.cr = xreallocarray(S_wk.cr, S_wk.cap, sizeof *S_wk.cr);
	S_wk.gap = xreallocarray(S_wk.gap, S_wk.cap, sizeof *S_wk.gap);
	S_wk.org = xreallocarray(S_wk.org, S_wk.cap, sizeof *S_wk.org);
	S_wk.bw = xreallocarray(S_wk.bw, S_wk.cap, sizeof *S_wk.bw);
	S_wk.shs = xreallocarray(S_wk.shs, S_wk.cap, sizeof *S_wk.shs);
	S_wk.she = xreallocarray(S_wk.she, S_wk.cap, sizeof *S_wk.she);
	S_wk.lim = xreallocarray(S_wk.lim, S_wk.cap, sizeof *S_wk.lim);
}

/* Half the em of character i: what compressing a mark takes away. */
static double
S_half(const struct lay_para *p, size_t i)
{
	return 0.5 * p->styles[p->sty[i]].size;
}

/* The CJK-Latin space between characters i and i + 1: a hanzi next to a
 * Latin letter or digit (not to punctuation, nor across a space): the
 * smaller ws:text-autospace of the two, of the hanzi's em. */
static double
S_autospace(const struct lay_para *p, size_t i)
{
	uint32_t a = p->cp[i], b = p->cp[i + 1];
	size_t h;

	if ((a >= 0x2E80 && b >= 0x2E80) || p->obj[i] >= 0 || p->obj[i + 1] >= 0)
		return 0;	/* two hanzi, the common case, first */
	if (lb_is_han(a) && lb_is_alnum(b))
		h = i;
	else if (lb_is_alnum(a) && lb_is_han(b))
		h = i + 1;
	else
		return 0;
	int as = p->styles[p->sty[i]].autospace;
	if (p->styles[p->sty[i + 1]].autospace < as)
		as = p->styles[p->sty[i + 1]].autospace;
	return as / 240.0 * p->styles[p->sty[h]].size;
}

/* Punctuation compression (标点挤压, clreq 3.1.6) and CJK-Latin spacing.
 * A full-width mark whose blank half meets another full-width mark is set
 * at half width: ”（ take one em together, ），and 。」 one and a half.
 * A mark is full width when its glyph advances (nearly) an em: curly
 * quotes drawn from a Latin face are left alone. */
static void
S_adjust(const struct lay_para *p)
{
	for (size_t i = 0; i < p->n; i++) {
		const struct lay_style *st = &p->styles[p->sty[i]];
		S_wk.pc[i] = LB_P_NONE;
		S_wk.cl[i] = S_wk.cr[i] = S_wk.gap[i] = 0;
		if (p->obj[i] < 0 && S_wk.face[i] != NULL &&
		    S_wk.w[i] - st->letter_spacing >= 0.9 * st->size)
			S_wk.pc[i] = (unsigned char)lb_punct(p->cp[i]);
	}
	for (size_t i = 0; i < p->n; i++) {
		int pc = S_wk.pc[i];
		if (pc == LB_P_OPEN && i > 0 && S_wk.pc[i - 1] != LB_P_NONE)
			S_wk.cl[i] = S_half(p, i);
		if ((pc == LB_P_CLOSE || pc == LB_P_STOP) && i + 1 < p->n &&
		    S_wk.pc[i + 1] != LB_P_NONE)
			S_wk.cr[i] = S_half(p, i);
		if (i + 1 < p->n)
			S_wk.gap[i] = S_autospace(p, i);
	}
}

/* The width of character i on a line starting at s: its advance less the
 * blank halves compressed.  An opening mark starts a line at full width
 * (the mark it followed is on the line before). */
static double
S_bw(size_t i, size_t s)
{
	return S_wk.w[i] - (i == s ? 0 : S_wk.cl[i]) - S_wk.cr[i];
}

/* What the line [s, e) may still give up when it must, to fit: the blank
 * half of an opening mark at its start, of a closing mark or a pause or
 * stop at its end. */
static double
S_shrink_start(const struct lay_para *p, size_t s)
{
	return S_wk.pc[s] == LB_P_OPEN ? S_half(p, s) : 0;
}

static double
S_shrink_end(const struct lay_para *p, size_t e)
{
	int pc = S_wk.pc[e - 1];
	return (pc == LB_P_CLOSE || pc == LB_P_STOP) && S_wk.cr[e - 1] == 0 ?
	    S_half(p, e - 1) : 0;
}

/* Faces and widths of every character. */
static void
S_measure(struct lay *L, const struct lay_para *p)
{
	for (size_t i = 0; i < p->n; i++) {
		const struct lay_style *st = &p->styles[p->sty[i]];
		uint32_t c = p->cp[i];

		S_wk.draw[i] = c;
		S_wk.face[i] = NULL;
		if (p->obj[i] >= 0) {
			S_wk.w[i] = p->objs[p->obj[i]].w;
			continue;
		}
		if (S_invisible(c)) {
			S_wk.w[i] = 0;
			continue;
		}
		const struct font_face *f = font_set_face_for(st->set, c);
		if (f == NULL) {
			lay_warn_char(L, c, p->line[i]);
			f = font_set_face_for(st->set, GETA);
			if (f != NULL)
				S_wk.draw[i] = GETA;
			else
				f = font_set_primary(st->set);
		}
		S_wk.face[i] = f;
		S_wk.w[i] = font_advance(f, S_wk.draw[i], st->size) +
		    st->letter_spacing;
	}
	S_adjust(p);
}

/* May justification space go after character i of a line ending at e? */
static int
S_opp(const struct lay_para *p, size_t i, size_t e)
{
	if (i + 1 >= e)
		return 0;
	if (p->cp[i] == ' ')
		return 1;
	if (p->obj[i] >= 0 || p->obj[i + 1] >= 0)
		return 0;
	if (S_invisible(p->cp[i]) || S_invisible(p->cp[i + 1]))
		return 0;
	return lb_is_cjk(p->cp[i]) || lb_is_cjk(p->cp[i + 1]);
}

struct S_line {
	struct area_item *it;
	size_t		 n, cap;
};

static struct area_item *
S_item(struct S_line *ln, enum area_kind k)
{
	if (ln->n == ln->cap) {
		ln->cap = ln->cap ? ln->cap * 2 : 8;
		ln->it = xreallocarray(ln->it, ln->cap, sizeof *ln->it);
	}
	memset(&ln->it[ln->n], 0, sizeof ln->it[0]);
	ln->it[ln->n].kind = k;
	return &ln->it[ln->n++];
}

static struct S_line S_ln;
static struct buf S_txt;

/* The pieces of the line in an inline's box, for S_boxes. */
static struct lay_seg *S_seg;
static size_t S_nseg, S_segcap;

/* The run's text-decoration lines, and its piece of an inline's box
 * (lay_inline.c). */
static void
S_decorate(const struct lay_style *st, double x, double base, double w)
{
	struct area_item r[3];
	size_t n = lay_deco_rules(st, x, base, w, r);

	for (size_t i = 0; i < n; i++)
		*S_item(&S_ln, AREA_RULE) = r[i];
	if (st->box == NULL)
		return;
	if (S_nseg == S_segcap) {
		S_segcap = S_segcap ? S_segcap * 2 : 16;
		S_seg = xreallocarray(S_seg, S_segcap, sizeof *S_seg);
	}
	S_seg[S_nseg++] = (struct lay_seg){ st->box, st, x, x + w, base };
}

/* The inlines' backgrounds and borders, under the line's text: put
 * after the line box, before everything else. */
static void
S_boxes(void)
{
	size_t k;
	struct area_item *r;

	if (S_nseg == 0)
		return;
	r = xreallocarray(NULL, 5 * S_nseg, sizeof *r);
	k = lay_inline_boxes(S_seg, S_nseg, r);
	for (size_t i = 0; i < k; i++)
		S_item(&S_ln, AREA_RECT);	/* room */
	memmove(S_ln.it + 1 + k, S_ln.it + 1, (S_ln.n - 1 - k) * sizeof *S_ln.it);
	memcpy(S_ln.it + 1, r, k * sizeof *r);
	free(r);
	S_nseg = 0;
}

/* Emit the glyph run [a, b) of the line, drawn at S_wk.org; xnext is
 * where the character after it is drawn.  The run's spacing is cs after
 * each character, ws more after a space; where a character's place says
 * otherwise (compressed punctuation, CJK-Latin spacing) the run gets dx. */
static void
S_run(struct lay *L, const struct lay_para *p, size_t a, size_t b,
    double xnext, double base, double cs, double ws)
{
	const struct lay_style *st = &p->styles[p->sty[a]];
	struct area_item *it;
	double *dx = NULL;

	buf_reset(&S_txt);
	for (size_t i = a; i < b; i++) {
		char u[4];
		buf_append(&S_txt, u, utf8_encode(S_wk.draw[i], u));
		/* The last character's advance is its own: the next run
		 * starts where it is drawn. */
		if (i + 1 == b)
			break;
		double d = S_wk.org[i + 1] - S_wk.org[i] - S_wk.w[i] - cs -
		    (p->cp[i] == ' ' ? ws : 0);
		if (fabs(d) < EPS)
			continue;
		if (dx == NULL)
			dx = area_doubles(L->doc, b - a);
		dx[i - a] = d;
	}
	it = S_item(&S_ln, AREA_TEXT);
	it->x = S_wk.org[a];
	it->y = base - st->shift;
	it->w = xnext - S_wk.org[a];
	it->color = st->color;
	it->u.text.face = S_wk.face[a];
	it->u.text.size = st->size;
	it->u.text.utf8 = area_strdup(L->doc, S_txt.data, S_txt.len);
	it->u.text.len = S_txt.len;
	it->u.text.char_space = cs + st->letter_spacing;
	it->u.text.word_space = ws;
	it->u.text.dx = dx;
	/* A bold Latin face beside a Chinese one stroked bold is bold already. */
	it->u.text.fake_bold = st->fake_bold && !font_face_is_bold(S_wk.face[a]);
	S_decorate(st, S_wk.org[a], base - st->shift, xnext - S_wk.org[a]);
}

/* Emit the object (leader, graphic) at i, drawn at x. */
static void
S_object(struct lay *L, const struct lay_para *p, size_t i, double x,
    double asc)
{
	const struct lay_obj *o = &p->objs[p->obj[i]];
	const struct lay_style *st = &p->styles[p->sty[i]];
	double w = S_wk.w[i];

	if (o->kind == LOBJ_LEADER && o->pattern == FO_LP_USE_CONTENT) {
		struct area_item t;	/* whole copies of its text */
		if (lay_leader_fill(L, o, st, x, asc - st->shift, w, &t))
			*S_item(&S_ln, AREA_TEXT) = t;
	} else if (o->kind == LOBJ_LEADER && o->pattern != FO_LP_SPACE &&
	    w > EPS) {
		struct area_item *it = S_item(&S_ln, AREA_RULE);
		double y = asc + 0.15 * st->size - st->shift;
		it->x = x;
		it->y = y;
		it->u.rule.x2 = x + w;
		it->u.rule.y2 = y;
		it->u.rule.thickness = o->pattern == FO_LP_DOTS ?
		    fmax(o->thickness, 0.1 * st->size) : o->thickness;
		it->u.rule.style = o->pattern == FO_LP_DOTS ?
		    RULE_DOTTED : o->rstyle;
		it->color = st->color;
	} else if (o->kind == LOBJ_IMAGE) {
		struct area_item *it = S_item(&S_ln,
		    o->path ? AREA_IMAGE : AREA_BOX);
		it->x = x;
		it->y = asc - o->h - st->shift;
		it->w = w;
		it->h = o->h;
		if (o->path)
			it->u.image.path = o->path;
		else {
			it->u.box.what = "graphic-missing";
			it->u.box.fo_line = p->line[i];
		}
	}
	if (o->kind == LOBJ_LEADER)	/* a blank to fill in, a box */
		S_decorate(st, x, asc - st->shift, w);
}

enum { RT_ANY, RT_CHAR, RT_WORD };

/* A line with compressed marks or CJK-Latin spaces says its text: glyph
 * origins less than half an em apart (”（) make pdftotext split the line,
 * and a CJK-Latin space reads as a space.  Each stretch of runs between
 * objects becomes one span whose text the PDF gives as ActualText. */
static void
S_spans(struct lay *L)
{
	for (size_t k = 0; k < S_ln.n; k++) {
		size_t j = k;
		if (S_ln.it[k].kind != AREA_TEXT)
			continue;
		buf_reset(&S_txt);
		while (j < S_ln.n && S_ln.it[j].kind == AREA_TEXT) {
			buf_append(&S_txt, S_ln.it[j].u.text.utf8,
			    S_ln.it[j].u.text.len);
			j++;
		}
		S_ln.it[k].u.text.span_n = (int)(j - k);
		S_ln.it[k].u.text.span_text = area_strdup(L->doc, S_txt.data,
		    S_txt.len);
		S_ln.it[k].u.text.span_len = S_txt.len;
		k = j - 1;
	}
}

/* Justification spreads every gap of a line alike, up to half an em
 * (and a space with what it gets to one em); a line that would need more
 * is set ragged. */
#define MAX_SPREAD	0.5

/* How much justification may widen the gap after character i: half its
 * em; a space with what it gets stays within an em. */
static double
S_gap_limit(const struct lay_para *p, size_t i)
{
	double em = p->styles[p->sty[i]].size;

	if (p->cp[i] == ' ')
		return fmin(MAX_SPREAD * em, em - S_wk.w[i]);
	return MAX_SPREAD * em;
}

/* How much a justified line [s, e) may spread each of its gaps: the
 * smallest limit of them all. */
static double
S_spread_limit(const struct lay_para *p, size_t s, size_t e, size_t *nopp)
{
	double lim = HUGE_VAL;

	*nopp = 0;
	for (size_t i = s; i + 1 < e; i++) {
		if (!S_opp(p, i, e))
			continue;
		(*nopp)++;
		lim = fmin(lim, S_gap_limit(p, i));
	}
	return lim;
}

/* Set the line [s, e) into a BX_LINE box; *loose counts the justified
 * lines set ragged because they would need wider gaps than allowed. */
static struct lay_box *
S_compose(struct lay *L, const struct lay_para *p, const struct lay_parfmt *f,
    size_t s, size_t e, double x0, double avail, int last, int *loose)
{
	double wsum = 0, extra, ex = 0, off = 0, asc, desc, sh_s = 0, sh_e = 0;
	int align = last ? f->align_last : f->align;
	size_t nopp = 0;
	struct lay_box *bx;

	for (size_t i = s; i < e; i++)
		wsum += S_bw(i, s) + (i + 1 < e ? S_wk.gap[i] : 0);
	/* Too wide (the breaker allowed for it): the blank halves at the
	 * ends go, the end's first. */
	if (e > s && wsum > avail + EPS) {
		sh_e = S_shrink_end(p, e);
		wsum -= sh_e;
		if (wsum > avail + EPS) {
			sh_s = S_shrink_start(p, s);
			wsum -= sh_s;
		}
	}
	/* Leaders stretch first, evenly, up to their maximum. */
	extra = avail - wsum;
	for (int pass = 0; pass < 4 && extra > EPS; pass++) {
		int nl = 0;
		for (size_t i = s; i < e; i++)
			if (p->obj[i] >= 0 && p->objs[p->obj[i]].kind == LOBJ_LEADER &&
			    S_wk.w[i] + EPS < p->objs[p->obj[i]].wmax)
				nl++;
		if (nl == 0)
			break;
		double each = extra / nl;
		for (size_t i = s; i < e; i++) {
			const struct lay_obj *o;
			if (p->obj[i] < 0)
				continue;
			o = &p->objs[p->obj[i]];
			if (o->kind != LOBJ_LEADER || S_wk.w[i] + EPS >= o->wmax)
				continue;
			double add = fmin(each, o->wmax - S_wk.w[i]);
			S_wk.w[i] += add;
			wsum += add;
			extra -= add;
		}
	}
	/* Then the gaps, evenly, within the limit; else ragged.  A last line
	 * justified by text-align-last (分散对齐, a label spread across its
	 * cell) is spread as asked. */
	if (extra > EPS) {
		if (align == FO_ALIGN_JUSTIFY) {
			double lim = S_spread_limit(p, s, e, &nopp);
			if (last)
				lim = HUGE_VAL;
			if (nopp > 0)
				ex = extra / (double)nopp;
			if (nopp > 0 && ex > lim + EPS)
				(*loose)++;
			if (nopp == 0 || ex > lim + EPS) {
				align = FO_ALIGN_START;
				ex = 0;
			}
		}
		if (align == FO_ALIGN_CENTER)
			off = extra / 2;
		else if (align == FO_ALIGN_END)
			off = extra;
	}

	/* Where each glyph is drawn: its box less the blank half compressed
	 * on its left. */
	double xend = x0 + off;
	int adjusted = 0;
	for (size_t i = s; i < e; i++) {
		double cl = i == s ? sh_s : S_wk.cl[i];
		double cr = S_wk.cr[i] + (i + 1 == e ? sh_e : 0);
		double gap = i + 1 < e ? S_wk.gap[i] : 0;
		S_wk.org[i] = xend - cl;
		xend += S_wk.w[i] - cl - cr + gap + (S_opp(p, i, e) ? ex : 0);
		adjusted |= cl != 0 || cr != 0 || gap != 0;
	}

	/* Vertical: the strut and every style of the line, half-leading
	 * above and below (XSL line-stacking-strategy max-height). */
	{
		const struct lay_style *st = f->strut;
		const struct font_face *pf = font_set_primary(st->set);
		double a = font_ascent(pf, st->size), d = font_descent(pf, st->size);
		double hl = (st->lh - (a + d)) / 2;
		asc = a + hl;
		desc = d + hl;
	}
	for (size_t i = s; i < e; i++) {
		const struct lay_style *st = &p->styles[p->sty[i]];
		if (i > s && p->sty[i] == p->sty[i - 1] && p->obj[i] < 0)
			continue;
		const struct font_face *pf = font_set_primary(st->set);
		double a = font_ascent(pf, st->size), d = font_descent(pf, st->size);
		double hl = (st->lh - (a + d)) / 2;
		/* a shifted baseline makes room for itself (XSL
		 * line-height-shift-adjustment="consider-shifts") */
		asc = fmax(asc, a + hl + st->shift);
		desc = fmax(desc, d + hl - st->shift);
		if (p->obj[i] >= 0 && p->objs[p->obj[i]].kind == LOBJ_IMAGE)
			asc = fmax(asc, p->objs[p->obj[i]].h + st->shift);
	}
	if (asc + desc <= 0)
		desc = 0, asc = 0;

	S_ln.n = 0;
	S_nseg = 0;
	struct area_item *lb = S_item(&S_ln, AREA_LINEBOX);
	lb->x = x0 + off;
	lb->y = 0;
	lb->w = xend - (x0 + off);
	lb->h = asc + desc;

	size_t i = s;
	while (i < e) {
		if (p->obj[i] >= 0) {
			S_object(L, p, i, S_wk.org[i], asc);
			i++;
			continue;
		}
		if (S_invisible(p->cp[i])) {
			i++;
			continue;
		}
		/* A run: same face and style, one kind of justification. */
		size_t j = i;
		int rt = RT_ANY;
		while (j < e && p->obj[j] < 0 && !S_invisible(p->cp[j]) &&
		    S_wk.face[j] == S_wk.face[i] && p->sty[j] == p->sty[i]) {
			int need = RT_ANY;
			if (ex > 0 && p->cp[j] != ' ' && j + 1 < e)
				need = S_opp(p, j, e) ? RT_CHAR : RT_WORD;
			if (need != RT_ANY) {
				if (rt == RT_ANY)
					rt = need;
				else if (rt != need)
					break;
			}
			j++;
		}
		if (j == i)
			j = i + 1;	/* cannot happen; keeps the loop finite */
		S_run(L, p, i, j, j < e ? S_wk.org[j] : xend, asc,
		    rt == RT_CHAR ? ex : 0, rt == RT_CHAR ? 0 : ex);
		i = j;
	}

	if (adjusted)
		S_spans(L);

	S_boxes();
	bx = LAY_NEW(L, struct lay_box);
	bx->kind = BX_LINE;
	bx->h = asc + desc;
	bx->x = f->x;
	bx->w = f->width;
	bx->items = LAY_NEWN(L, struct area_item, S_ln.n);
	bx->nitems = 0;
	for (size_t k = 0; k < S_ln.n; k++)
		if (!L->no_boxes || (S_ln.it[k].kind != AREA_LINEBOX &&
		    S_ln.it[k].kind != AREA_BOX))
			bx->items[bx->nitems++] = S_ln.it[k];
	return bx;
}

static void
S_append(struct lay_box ***out, size_t *n, size_t *cap, struct lay_box *b)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*out = xreallocarray(*out, *cap, sizeof **out);
	}
	(*out)[(*n)++] = b;
}

/* First-fit: the line starting at s ends at *e (spaces trimmed), the
 * next one starts at *next; *forced if a newline or a mandatory break
 * ends it. */
static void
S_first_fit(const struct lay_para *p, const struct lay_parfmt *f, size_t s,
    double avail, size_t *e, size_t *next, int *forced)
{
	double wsum = 0;
	size_t i, lastbrk = (size_t)-1;

	*e = *next = p->n;
	*forced = 0;
	for (i = s; i < p->n; i++) {
		if (p->cp[i] == '\n') {
			*e = i;
			*next = i + 1;
			*forced = 1;
			return;
		}
		wsum += S_bw(i, s) + (i > s ? S_wk.gap[i - 1] : 0);
		/* A line may end here if it fits once its end marks give up
		 * their blank halves (S_compose). */
		if (f->wrap && p->cp[i] != ' ' && wsum - S_shrink_start(p, s) -
		    S_shrink_end(p, i + 1) > avail + EPS) {
			if (lastbrk != (size_t)-1)
				*e = *next = lastbrk + 1;
			else	/* no opportunity: break inside the word */
				*e = *next = i > s ? i : i + 1;
			return;
		}
		if (S_wk.brk[i] == LB_MUST && i + 1 < p->n) {
			*e = *next = i + 1;
			*forced = 1;
			return;
		}
		if (S_wk.brk[i] != LB_NO)
			lastbrk = i;
	}
}

/* 1 if first-fit sets no line ragged and widens no gap by more than a
 * sixth of its limit (a twelfth of an em; r <= 0.5 in lay_fit.c): then
 * optimal-fit has nothing visible to gain, and Chinese text breakable
 * anywhere is mostly so. */
static int
S_first_fit_even(const struct lay_para *p, const struct lay_parfmt *f)
{
	size_t s = 0, e, next, k, nopp;
	int first = 1, forced;

	while (s < p->n) {
		double avail = f->width - (first ? f->indent : 0), wsum = 0;

		if (!first)
			while (s < p->n && p->cp[s] == ' ')
				s++;
		if (s >= p->n)
			break;
		S_first_fit(p, f, s, avail, &e, &next, &forced);
		while (e > s && (p->cp[e - 1] == ' ' || p->cp[e - 1] == '\n'))
			e--;
		for (k = next; k < p->n && p->cp[k] == ' '; k++)
			;
		if (!forced && k < p->n && e > s) {	/* not a last line */
			for (size_t i = s; i < e; i++)
				wsum += S_bw(i, s) + (i + 1 < e ? S_wk.gap[i] : 0);
			if (avail - wsum > EPS) {
				double lim = S_spread_limit(p, s, e, &nopp);
				if (nopp == 0 || (avail - wsum) / (double)nopp >
				    lim / 6)
					return 0;
			}
		}
		first = 0;
		s = next;
	}
	return 1;
}

/* Optimal-fit breaks (lay_fit.c) for a justified paragraph without
 * leaders (which stretch first, S_compose) that first-fit sets unevenly:
 * the number of lines and where each next one starts, or 0 for
 * first-fit. */
static size_t
S_optimal_fit(const struct lay_para *p, const struct lay_parfmt *f,
    const size_t **ends)
{
	struct lay_fit_in in;

	if (!f->wrap || f->align != FO_ALIGN_JUSTIFY)
		return 0;
	for (size_t i = 0; i < p->nobjs; i++)
		if (p->objs[i].kind == LOBJ_LEADER)
			return 0;
	if (S_first_fit_even(p, f))
		return 0;
	for (size_t i = 0; i < p->n; i++) {
		S_wk.bw[i] = S_wk.w[i] - S_wk.cl[i] - S_wk.cr[i];
		S_wk.shs[i] = S_shrink_start(p, i);
		S_wk.she[i] = S_shrink_end(p, i + 1);
		S_wk.lim[i] = i + 1 < p->n && S_opp(p, i, p->n) ?
		    S_gap_limit(p, i) : -1;
	}
	in = (struct lay_fit_in){ p, S_wk.brk, S_wk.bw, S_wk.cl, S_wk.gap,
	    S_wk.shs, S_wk.she, S_wk.lim, f->width, f->indent };
	return lay_fit_breaks(&in, ends);
}

void
lay_para_lines(struct lay *L, struct lay_para *p, const struct lay_parfmt *f,
    struct lay_box ***out, size_t *n, size_t *cap)
{
	size_t s = 0, first_line = *n, nfit, line = 0;
	const size_t *ends = NULL;
	int first = 1, run = ++L->run, loose = 0;

	if (p->n == 0)
		return;
	S_work_grow(p->n);
	/* Objects (leaders, images) stand in the text as U+FFFC, which
	 * lb_breaks treats like an ideograph, brackets and all. */
	lay_breaks(p, f->lang, S_wk.brk);	/* lay_auto.c: with keeps */
	S_measure(L, p);
	nfit = S_optimal_fit(p, f, &ends);

	while (s < p->n) {
		double avail = f->width - (first ? f->indent : 0);
		double x0 = f->x + (first ? f->indent : 0);
		size_t e, next;
		int forced;

		/* Spaces at a line break are suppressed. */
		if (!first)
			while (s < p->n && p->cp[s] == ' ')
				s++;
		if (s >= p->n)
			break;
		if (line < nfit) {
			e = next = ends[line];
			forced = p->cp[next - 1] == '\n' ||
			    (S_wk.brk[next - 1] == LB_MUST && next < p->n);
		} else
			S_first_fit(p, f, s, avail, &e, &next, &forced);
		line++;
		while (e > s && (p->cp[e - 1] == ' ' || p->cp[e - 1] == '\n'))
			e--;
		/* The last line: nothing but spaces after it. */
		size_t k = next;
		while (k < p->n && p->cp[k] == ' ')
			k++;
		int last = forced || k >= p->n;
		if (e > s || forced || first) {
			S_append(out, n, cap, S_compose(L, p, f, s, e, x0, avail,
			    last, &loose));
			(*out)[*n - 1]->para_s = s;	/* for ids (lay_block.c) */
		}
		first = 0;
		s = next;
	}
	/* Ragged lines are what a narrow table cell gives: said there. */
	if (loose > 0 && f->in_cell && f->width < 6 * f->strut->size)
		LAY_DIAG(L, W_LAY_LOOSE, lay_file(L), p->line[0], 0,
		    f->width / f->strut->size, loose);
	for (size_t j = first_line; j < *n; j++) {
		(*out)[j]->run = run;
		(*out)[j]->run_i = (int)(j - first_line);
		(*out)[j]->run_n = (int)(*n - first_line);
	}
}

void
lay_para_advances(struct lay *L, const struct lay_para *p, double *w)
{
	size_t nwarned = L->nwarned;

	if (p->n == 0)
		return;
	S_work_grow(p->n);
	S_measure(L, p);
	/* Not a warning yet: the characters are laid out later, and warned
	 * of then. */
	L->nwarned = nwarned;
	for (size_t i = 0; i < p->n; i++)
		w[i] = S_wk.w[i] + S_wk.gap[i];
}
