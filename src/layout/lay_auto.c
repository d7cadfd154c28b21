/* lay_auto.c — the automatic table layout (table-layout="auto", the XSL
 * initial value; XSL 1.1 §6.7.3 points at CSS 2.1 §17.5.2.2): the
 * minimum and maximum content widths of every cell, the columns' from
 * them (spanning cells spread over the columns they cover), explicit
 * column widths honoured, and the table's width shared out.  One pass over
 * the cells: linear in rows.
 *
 * Also the line builder's keep-together.within-line hook (lay_breaks): no
 * break opportunity inside an inline that asks to be kept on one line, so
 * a person's name or a unit is never cut.  The minimum content width of a
 * cell is measured with the same breaks, so a column is never narrower
 * than its longest unbreakable run when the table can be that wide. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"
#include "layout.h"
#include "../diag/diag.h"
#include "../text/linebreak.h"
#include "../util/util.h"

#define EPS		0.001
#define MAX_DEPTH	100

/* ---- keep-together.within-line ---- */

static int
S_inline_level(int kind)
{
	switch (kind) {
	case FO_TEXT: case FO_INLINE: case FO_WRAPPER: case FO_BASIC_LINK:
	case FO_LEADER: case FO_PAGE_NUMBER: case FO_PAGE_NUMBER_CITATION:
	case FO_PAGE_NUMBER_CITATION_LAST: case FO_EXTERNAL_GRAPHIC:
		return 1;
	default:
		return 0;
	}
}

const void *
lay_keep_of(const struct fo_node *n)
{
	const struct fo_node *k = NULL;

	for (; n != NULL && S_inline_level(n->kind); n = n->parent)
		if (n->kind != FO_TEXT && n->inh->keep_together.line != FO_KEEP_AUTO)
			k = n;
	/* Inherited from the block (keep-together="always" on a row or a
	 * block sets .within-line too): not applied, see docs/fo-subset.md. */
	if (k != NULL && n != NULL && n->inh->keep_together.line != FO_KEEP_AUTO)
		return NULL;
	return k;
}

void
lay_breaks(const struct lay_para *p, const char *lang, char *brk)
{
	lb_breaks(p->cp, p->n, lang, brk);
	for (size_t i = 0; i + 1 < p->n; i++) {
		const void *k = p->styles[p->sty[i]].keep;
		if (k != NULL && brk[i] == LB_ALLOW &&
		    p->styles[p->sty[i + 1]].keep == k)
			brk[i] = LB_NO;
	}
}

/* ---- content widths ---- */

/* Minimum and maximum content widths. */
struct lay_mm {
	double		 min, max;
};

struct S_mm {
	struct lay	*L;
	double		 ref_w;		/* the table's available width, for % */
	int		 depth;
	char		*brk;		/* break opportunities, reused */
	double		*w;		/* advances, reused */
	size_t		 brkcap;
};

static void S_mm_table(struct S_mm *M, const struct fo_node *t, double ref_w,
    struct lay_mm *out);

static void
S_mm_add(struct lay_mm *m, double min, double max)
{
	m->min = fmax(m->min, min);
	m->max = fmax(m->max, max);
}

/* The collected paragraph: its widest unbreakable run and its widest
 * line unbroken (forced breaks only), the first with the indent. */
static void
S_mm_para(struct S_mm *M, const struct fo_node *blk, double indent,
    struct lay_mm *out)
{
	struct lay_para *p = &M->L->para;
	double seg = indent, trail = 0, line = indent, ltrail = 0, mn = 0, mx = 0;
	int segempty = 1, lineempty = 1;

	if (lay_para_empty(p)) {
		lay_para_reset(p);
		return;
	}
	if (p->n > M->brkcap) {
		M->brkcap = p->n * 2;
		M->brk = xrealloc(M->brk, M->brkcap);
		M->w = xreallocarray(M->w, M->brkcap, sizeof *M->w);
	}
	lay_breaks(p, blk->inh->lang, M->brk);
	lay_para_advances(M->L, p, M->w);
	for (size_t i = 0; i < p->n; i++) {
		uint32_t c = p->cp[i];
		int forced = c == '\n' || (M->brk[i] == LB_MUST && i + 1 < p->n);
		double w = M->w[i];
		if (c == ' ') {
			/* Spaces at a break are suppressed. */
			if (!segempty)
				trail += w;
			if (!lineempty)
				ltrail += w;
		} else if (c != '\n') {
			seg += trail + w;
			line += ltrail + w;
			trail = ltrail = 0;
			segempty = lineempty = 0;
		}
		if (forced || M->brk[i] != LB_NO) {
			mn = fmax(mn, seg);
			seg = trail = 0;
			segempty = 1;
		}
		if (forced) {
			mx = fmax(mx, line);
			line = ltrail = 0;
			lineempty = 1;
		}
	}
	mn = fmax(mn, seg);
	mx = fmax(mx, line);
	if (!blk->inh->wrap)
		mn = mx;
	S_mm_add(out, mn, mx);
	lay_para_reset(p);
}

static void
S_mm_text(struct S_mm *M, const struct fo_node *n, const char *s, size_t len)
{
	struct lay_style st;

	lay_style_of(n, &st);
	lay_para_text(&M->L->para, s, len, lay_para_style(&M->L->para, &st),
	    n->line);
}

static void
S_mm_obj(struct S_mm *M, const struct fo_node *n, double w)
{
	struct lay_style st;
	struct lay_obj o;

	memset(&o, 0, sizeof o);
	o.kind = LOBJ_IMAGE;
	o.w = o.wmin = o.wmax = isfinite(w) && w > 0 && w < 14400 ? w : 0;
	lay_style_of(n, &st);
	lay_para_obj(&M->L->para, &o, lay_para_style(&M->L->para, &st),
	    n->line);
}

/* A picture's width as S_graphic in lay_block.c sets it, before it is
 * scaled down to the line. */
static double
S_graphic_w(struct S_mm *M, const struct fo_node *n)
{
	const struct fo_graphic *g = n->u.graphic;
	double iw = 36, ih = 36;

	if (g == NULL || g->src == NULL ||
	    lay_png_size(M->L, g->src, n->line, &iw, &ih) != 0)
		iw = ih = 36;
	if (g && g->content_width.kind == FO_LEN)
		return g->content_width.pt + g->content_width.pct * iw / 100.0;
	if (g && g->content_width.kind == FO_SCALE_TO_FIT)
		return 0;
	if (g && g->uniform && g->content_height.kind == FO_LEN && ih > 0)
		return (g->content_height.pt + g->content_height.pct * ih /
		    100.0) * iw / ih;
	return iw;
}

static void S_mm_blocks(struct S_mm *M, const struct fo_node *blk,
    double base, double base_end, double lead, double trail,
    struct lay_mm *out);

/* Inline content into the paragraph. */
static void
S_mm_inline(struct S_mm *M, const struct fo_node *n)
{
	switch (n->kind) {
	case FO_TEXT:
		S_mm_text(M, n, n->u.text.s, n->u.text.len);
		break;
	case FO_INLINE:
	case FO_WRAPPER:
	case FO_BASIC_LINK:
		if (M->depth >= MAX_DEPTH)
			break;
		M->depth++;
		for (const struct fo_node *k = n->first; k != NULL; k = k->next)
			if (S_inline_level(k->kind))
				S_mm_inline(M, k);
		M->depth--;
		break;
	case FO_LEADER:
		S_mm_obj(M, n, fo_len_resolve(n->inh->leader_length.min, 0));
		break;
	case FO_PAGE_NUMBER:
	case FO_PAGE_NUMBER_CITATION:
	case FO_PAGE_NUMBER_CITATION_LAST:
		S_mm_text(M, n, "000", 3);	/* not known yet */
		break;
	case FO_EXTERNAL_GRAPHIC:
		S_mm_obj(M, n, S_graphic_w(M, n));
		break;
	default:
		break;
	}
}

/* A block-level child measured from the reference area whose indents are
 * base and base_end: its indents plus what its content needs. */
static void
S_mm_block(struct S_mm *M, const struct fo_node *n, double base,
    double base_end, struct lay_mm *out)
{
	double si = fmax(0, fo_len_resolve(n->inh->start_indent, M->ref_w) - base);
	double ei = fmax(0, fo_len_resolve(n->inh->end_indent, M->ref_w) - base_end);
	struct lay_mm in = { 0, 0 };

	if (!isfinite(si) || si > M->ref_w)
		si = 0;
	if (!isfinite(ei) || ei > M->ref_w)
		ei = 0;
	if (M->depth >= MAX_DEPTH)
		return;
	M->depth++;
	if (n->kind == FO_TABLE) {
		S_mm_table(M, n, M->ref_w, &in);
		S_mm_add(out, si + in.min + ei, si + in.max + ei);
	} else if (n->kind == FO_BLOCK_CONTAINER) {
		double w = n->box->ipd.opt.kind == FO_LEN ?
		    fo_len_resolve(n->box->ipd.opt, M->ref_w) : -1;
		if (w > 0 && w <= 14400)
			S_mm_add(out, si + w + ei, si + w + ei);
		else {
			/* A reference area: its children measure from it. */
			S_mm_blocks(M, n,
			    fo_len_resolve(n->inh->start_indent, M->ref_w),
			    fo_len_resolve(n->inh->end_indent, M->ref_w), 0, 0, &in);
			S_mm_add(out, si + in.min + ei, si + in.max + ei);
		}
	} else
		S_mm_blocks(M, n, base, base_end, si, ei, out);
	M->depth--;
}

/* The content of a block (or a cell): paragraphs between its block-level
 * children, each set lead from the reference area's start and trail from
 * its end. */
static void
S_mm_blocks(struct S_mm *M, const struct fo_node *blk, double base,
    double base_end, double lead, double trail, struct lay_mm *out)
{
	struct lay_mm para = { 0, 0 };
	double indent = fmax(0, fo_len_resolve(blk->inh->text_indent, M->ref_w));

	for (const struct fo_node *n = blk->first; n != NULL; n = n->next) {
		if (S_inline_level(n->kind)) {
			S_mm_inline(M, n);
			continue;
		}
		if (n->kind != FO_BLOCK && n->kind != FO_BLOCK_CONTAINER &&
		    n->kind != FO_TABLE && n->first == NULL)
			continue;
		if (M->L->para.n > 0) {
			S_mm_para(M, blk, indent, &para);
			indent = 0;
		}
		S_mm_block(M, n, base, base_end, out);
	}
	S_mm_para(M, blk, indent, &para);
	if (para.max > 0 || para.min > 0)
		S_mm_add(out, lead + para.min + trail, lead + para.max + trail);
}

/* A cell's widths with its padding and half its borders (collapsed
 * borders are drawn on the column edges, as S_cell lays it out). */
static void
S_mm_cell(struct S_mm *M, const struct fo_node *c, struct lay_mm *out)
{
	const struct fo_box *bx = c->box;
	double ins = 0;

	out->min = out->max = 0;
	for (int s = FO_START; s <= FO_END; s++) {
		double pad = fo_len_resolve(bx->padding[s], 0);
		double bw = bx->border[s].style == FO_BS_NONE ||
		    bx->border[s].style == FO_BS_HIDDEN ? 0 : bx->border[s].width;
		if (isfinite(pad) && pad > 0 && pad <= 1000)
			ins += pad;
		if (isfinite(bw) && bw > 0 && bw <= 72)
			ins += bw / 2;
	}
	S_mm_blocks(M, c, 0, 0, 0, 0, out);
	out->min += ins;
	out->max += ins;
	if (bx->ipd.opt.kind == FO_LEN && bx->ipd.opt.pct == 0 &&
	    bx->ipd.opt.pt > 0 && bx->ipd.opt.pt <= 14400)
		out->max = fmax(out->min, bx->ipd.opt.pt);
}

/* ---- the columns ---- */

enum { CK_AUTO, CK_FIXED, CK_PCT, CK_PROP };

struct S_colw {
	double		 min, max, w;
	double		 units;		/* CK_PROP */
	int		 kind;
};

struct S_span {
	int		 col, n;
	struct lay_mm	 mm;
};

static int
S_span_cmp(const void *a, const void *b)
{
	const struct S_span *x = a, *y = b;
	return (x->n > y->n) - (x->n < y->n);
}

/* Spread what a cell spanning columns [col, col + n) needs beyond their
 * sum over them, in proportion to their maximum widths (evenly if none):
 * over the columns without a column-width when there are some. */
static void
S_spread(struct S_colw *C, const struct S_span *s)
{
	double smin = 0, smax = 0, wmax = 0;
	int nfree = 0;

	for (int k = s->col; k < s->col + s->n; k++)
		nfree += C[k].kind == CK_AUTO || C[k].kind == CK_PROP;
#define S_TAKES(k) (nfree == 0 || C[k].kind == CK_AUTO || C[k].kind == CK_PROP)
	for (int k = s->col; k < s->col + s->n; k++) {
		smin += C[k].min;
		smax += C[k].max;
		if (S_TAKES(k))
			wmax += C[k].max;
	}
	int cnt = nfree ? nfree : s->n;
	if (s->mm.min > smin + EPS)
		for (int k = s->col; k < s->col + s->n; k++)
			if (S_TAKES(k))
				C[k].min += (s->mm.min - smin) *
				    (wmax > EPS ? C[k].max / wmax : 1.0 / cnt);
	smax = wmax = 0;
	for (int k = s->col; k < s->col + s->n; k++) {
		C[k].max = fmax(C[k].max, C[k].min);
		smax += C[k].max;
		if (S_TAKES(k))
			wmax += C[k].max;
	}
	if (s->mm.max > smax + EPS)
		for (int k = s->col; k < s->col + s->n; k++)
			if (S_TAKES(k))
				C[k].max += (s->mm.max - smax) *
				    (wmax > EPS ? C[k].max / wmax : 1.0 / cnt);
#undef S_TAKES
}

struct S_spans {
	struct S_span	*v;
	size_t		 n, cap;
};

/* The cells of one row (or of a part holding cells directly), placed as
 * lay_table.c places them. */
static void
S_mm_row(struct S_mm *M, const struct fo_node *first, int *busy, int ncols,
    struct S_colw *C, struct S_spans *S)
{
	int col = 0;

	for (const struct fo_node *n = first; n != NULL; n = n->next) {
		struct lay_mm mm;
		int span;
		if (n->kind != FO_TABLE_CELL)
			continue;
		if ((col = lay_cell_place(n, busy, ncols, col, &span)) < 0)
			break;
		S_mm_cell(M, n, &mm);
		if (span == 1) {
			C[col].min = fmax(C[col].min, mm.min);
			C[col].max = fmax(C[col].max, mm.max);
		} else {
			if (S->n == S->cap) {
				S->cap = S->cap ? S->cap * 2 : 16;
				S->v = xreallocarray(S->v, S->cap, sizeof *S->v);
			}
			S->v[S->n++] = (struct S_span){ col, span, mm };
		}
		col += span;
	}
	for (int k = 0; k < ncols; k++)
		if (busy[k] > 0)
			busy[k]--;
}

/* Minimum and maximum widths of every column from the cells that span
 * one; those that span more in *S. */
static void
S_mm_columns(struct S_mm *M, const struct fo_node *t, int ncols,
    struct S_colw *C, struct S_spans *S)
{
	int *busy = xcalloc((size_t)ncols, sizeof *busy);

	for (const struct fo_node *part = t->first; part; part = part->next) {
		int direct = 0;
		if (part->kind != FO_TABLE_HEADER && part->kind != FO_TABLE_BODY &&
		    part->kind != FO_TABLE_FOOTER)
			continue;
		memset(busy, 0, (size_t)ncols * sizeof *busy);
		for (const struct fo_node *r = part->first; r; r = r->next) {
			if (r->kind == FO_TABLE_ROW)
				S_mm_row(M, r->first, busy, ncols, C, S);
			else if (r->kind == FO_TABLE_CELL)
				direct = 1;
		}
		if (direct)
			S_mm_row(M, part->first, busy, ncols, C, S);
	}
	free(busy);
}

/* Columns with their content widths and their column-width: a column
 * with a length is that wide, or as wide as its content needs. */
static struct S_colw *
S_colw(struct S_mm *M, const struct fo_node *t, int ncols,
    const struct lay_colspec *cols, double tw)
{
	struct S_colw *C = xcalloc((size_t)ncols, sizeof *C);
	struct S_spans S = { NULL, 0, 0 };

	S_mm_columns(M, t, ncols, C, &S);
	for (int i = 0; i < ncols; i++) {
		const struct fo_len *w = &cols[i].w;
		C[i].max = fmax(C[i].max, C[i].min);
		if (!cols[i].set)
			continue;
		if (w->kind == FO_PROPORTIONAL && w->pt > 0) {
			C[i].kind = CK_PROP;
			C[i].units = w->pt;
			C[i].min = fmax(C[i].min, cols[i].fixed);
		} else if (w->kind == FO_LEN) {
			double v = fo_len_resolve(*w, tw);
			if (!isfinite(v) || v < 0)
				v = 0;
			C[i].kind = w->pct != 0 ? CK_PCT : CK_FIXED;
			C[i].min = C[i].max = fmax(v, C[i].min);
		}
	}
	/* Wider spans last, each over what the narrower ones left. */
	if (S.n > 1)
		qsort(S.v, S.n, sizeof *S.v, S_span_cmp);
	for (size_t i = 0; i < S.n; i++)
		S_spread(C, &S.v[i]);
	free(S.v);
	for (int i = 0; i < ncols; i++)
		if (C[i].kind == CK_FIXED || C[i].kind == CK_PCT)
			C[i].w = C[i].max = C[i].min;
	return C;
}

static void
S_mm_table(struct S_mm *M, const struct fo_node *t, double ref_w,
    struct lay_mm *out)
{
	struct lay_colspec *cols;
	int ncols = lay_table_columns(M->L, t, &cols);
	double given = t->box->ipd.opt.kind == FO_LEN ?
	    fo_len_resolve(t->box->ipd.opt, ref_w) : -1;
	struct S_colw *C;

	out->min = out->max = 0;
	if (t->u.table.fixed && given > 0) {
		out->min = out->max = given;
		free(cols);
		return;
	}
	C = S_colw(M, t, ncols, cols, given > 0 ? given : ref_w);
	for (int i = 0; i < ncols; i++) {
		out->min += C[i].min;
		out->max += C[i].max;
	}
	if (given > 0)
		out->max = out->min = fmax(out->min, given);
	free(C);
	free(cols);
}

/* Share width W among the columns. */
static void
S_distribute(struct S_colw *C, int n, double W)
{
	double fixed = 0, amin = 0, amax = 0, pmin = 0, punits = 0;
	int nauto = 0, nprop = 0;

	for (int i = 0; i < n; i++) {
		switch (C[i].kind) {
		case CK_FIXED:
		case CK_PCT:
			fixed += C[i].w;
			break;
		case CK_PROP:
			pmin += C[i].min;
			punits += C[i].units;
			nprop++;
			C[i].w = C[i].min;
			break;
		default:
			amin += C[i].min;
			amax += C[i].max;
			nauto++;
			C[i].w = C[i].min;
			break;
		}
	}
	double R = W - fixed;
	if (R <= amin + pmin + EPS) {
		if (nauto + nprop == 0 && R > EPS && fixed > EPS)
			;	/* fixed columns only: widened below */
		else
			return;	/* each at its minimum */
	}
	if (R <= amax + pmin) {
		double f = amax - amin > EPS ? (R - amin - pmin) / (amax - amin) : 0;
		for (int i = 0; i < n; i++)
			if (C[i].kind == CK_AUTO)
				C[i].w = C[i].min + (C[i].max - C[i].min) * f;
		return;
	}
	for (int i = 0; i < n; i++)
		if (C[i].kind == CK_AUTO)
			C[i].w = C[i].max;
	R -= amax;
	if (nprop > 0) {
		/* N units each, none below its minimum. */
		int *pinned = xcalloc((size_t)n, sizeof *pinned);
		for (int again = 1; again; ) {
			double rem = R, units = 0;
			again = 0;
			for (int i = 0; i < n; i++)
				if (C[i].kind == CK_PROP) {
					if (pinned[i])
						rem -= C[i].min;
					else
						units += C[i].units;
				}
			for (int i = 0; i < n && units > 0; i++) {
				if (C[i].kind != CK_PROP || pinned[i])
					continue;
				C[i].w = rem * C[i].units / units;
				if (C[i].w < C[i].min - EPS) {
					C[i].w = C[i].min;
					pinned[i] = again = 1;
				}
			}
		}
		free(pinned);
		return;
	}
	/* What is left widens the automatic columns as their content is
	 * wide, or, with none, the fixed ones. */
	double sum = 0;
	int kind = nauto > 0 ? CK_AUTO : CK_FIXED, cnt = 0;
	for (int i = 0; i < n; i++)
		if (C[i].kind == kind || (kind == CK_FIXED && C[i].kind == CK_PCT)) {
			sum += C[i].w;
			cnt++;
		}
	for (int i = 0; i < n; i++)
		if (C[i].kind == kind || (kind == CK_FIXED && C[i].kind == CK_PCT))
			C[i].w += R * (sum > EPS ? C[i].w / sum : 1.0 / cnt);
}

/* ---- columns shared by the pieces of a document ---- */

struct lay_columns {
	struct S_memo {
		int		 ncols;
		struct S_colw	*C;
	}		*t;
	size_t		 n;
};

struct lay_columns *
lay_columns_new(void)
{
	return xcalloc(1, sizeof(struct lay_columns));
}

void
lay_columns_free(struct lay_columns *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n; i++)
		free(c->t[i].C);
	free(c->t);
	free(c);
}

void
lay_auto_free(struct lay *L)
{
	free(L->autotabs);
	L->autotabs = NULL;
	L->nautotabs = 0;
	L->autotabs_made = 0;
}

/* The automatic tables of the document in document order. */
static void
S_autotabs(struct lay *L)
{
	const struct fo_node *top = L->fo->root, *n = top;
	size_t cap = 0;

	L->autotabs_made = 1;
	for (; n != NULL; n = lay_fo_next(n, top)) {
		if (n->kind != FO_TABLE || n->u.table.fixed)
			continue;
		if (L->nautotabs == cap) {
			cap = cap ? cap * 2 : 8;
			L->autotabs = xreallocarray(L->autotabs, cap,
			    sizeof *L->autotabs);
		}
		L->autotabs[L->nautotabs++] = n;
	}
}

/* Merge the columns with those the same table of other pieces had, and
 * record the result. */
static void
S_share(struct lay *L, const struct fo_node *t, struct S_colw *C, int n)
{
	struct lay_columns *m = L->columns;
	size_t k;

	if (!L->autotabs_made)
		S_autotabs(L);
	for (k = 0; k < L->nautotabs && L->autotabs[k] != t; k++)
		;
	if (k == L->nautotabs)
		return;	/* not in the tree (a stand-in): its own */
	if (k >= m->n) {
		m->t = xreallocarray(m->t, k + 1, sizeof *m->t);
		memset(m->t + m->n, 0, (k + 1 - m->n) * sizeof *m->t);
		m->n = k + 1;
	}
	if (m->t[k].ncols == n)
		for (int i = 0; i < n; i++) {
			C[i].min = fmax(C[i].min, m->t[k].C[i].min);
			C[i].max = fmax(C[i].max, m->t[k].C[i].max);
			C[i].w = fmax(C[i].w, m->t[k].C[i].w);
		}
	else {
		free(m->t[k].C);
		m->t[k].C = xcalloc((size_t)n, sizeof *C);
		m->t[k].ncols = n;
	}
	memcpy(m->t[k].C, C, (size_t)n * sizeof *C);
}

double
lay_auto_columns(struct lay *L, const struct fo_node *t, struct lay_table *tab,
    const struct lay_colspec *cols, double x, double w)
{
	struct S_mm M = { L, w, 0, NULL, NULL, 0 };
	int n = tab->ncols, quiet = L->quiet, open = 1;
	int given = t->box->ipd.opt.kind == FO_LEN;
	double smin = 0, smax = 0, W;
	struct S_colw *C;

	/* The cells are measured again when laid out: warn then. */
	L->quiet = 1;
	C = S_colw(&M, t, n, cols, w);
	L->quiet = quiet;
	free(M.brk);
	free(M.w);
	if (L->columns != NULL)
		S_share(L, t, C, n);
	for (int i = 0; i < n; i++) {
		smin += C[i].kind == CK_AUTO || C[i].kind == CK_PROP ? C[i].min : C[i].w;
		smax += C[i].kind == CK_AUTO ? C[i].max : C[i].kind == CK_PROP ?
		    C[i].min : C[i].w;
		if (C[i].kind == CK_PROP || C[i].kind == CK_PCT)
			open = 0;
	}
	/* A table without a width is as wide as its content, up to the
	 * width available; one with proportional columns fills it. */
	W = given || !open ? w : fmin(w, smax);
	if (smin > W + EPS) {
		LAY_DIAG(L, W_LAY_TABLE_NARROW, lay_file(L), t->line, 0, smin, W);
		for (int i = 0; i < n; i++) {
			double m = C[i].kind == CK_AUTO || C[i].kind == CK_PROP ?
			    C[i].min : C[i].w;
			C[i].w = smin > 0 ? m * W / smin : W / n;
		}
	} else
		S_distribute(C, n, W);
	tab->colx = LAY_NEWN(L, double, (size_t)n + 1);
	tab->colx[0] = x;
	for (int i = 0; i < n; i++)
		tab->colx[i + 1] = tab->colx[i] + C[i].w;
	free(C);
	return tab->colx[n] - x;
}
