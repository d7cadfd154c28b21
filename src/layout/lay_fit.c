/* lay_fit.c — optimal-fit (total-fit) line breaking of a justified
 * paragraph, after Knuth and Plass ("Breaking paragraphs into lines",
 * 1981): of all the ways to break the paragraph at its opportunities, the
 * one whose lines together are the least loose, rather than first-fit's
 * fullest first line whatever it leaves to the next.
 *
 * The lines are priced with the stretch the line builder (lay_line.c)
 * really gives them: a justified line spreads each of its gaps (after a
 * space, between CJK characters) alike, up to a limit per gap (half an
 * em), and gives up the blank halves of the marks at its ends when it
 * must.  A line's ratio r is how much each gap must widen over a third of
 * that limit (a sixth of an em, TeX's inter-word stretch); its badness is
 * 100 r³; demerits are (10 + badness)² plus 50² for a break after a
 * hyphen or inside a URL (and 10 000 for two in a row) plus 10 000 when a
 * line is two fitness classes away from the one before (TeX's values).
 * A line that would need more than the limit (r > 3) is set ragged by
 * lay_line.c, with its natural spacing: it is priced as a line spread to
 * the limit, however short it is.  The last line, and a line
 * ended by a forced break, are free.
 *
 * Bounded work: a break stays active only while the line from it still
 * fits, and at each opportunity at most one break per fitness class is
 * kept, so a paragraph of N opportunities costs O(N × breaks within a
 * line's width).  As TeX, a first pass takes only lines whose gaps widen
 * at most a quarter em (PRETOLERANCE), looking back only as far as such
 * lines reach; the second, all lines, runs when the first finds no way.  A
 * paragraph on one line, longer than FIT_MAX_CHARS, with more active
 * breaks than FIT_MAX_ACTIVE, or with a piece wider than the line (which
 * first-fit breaks inside) is left to first-fit; so is one that first-fit
 * sets evenly (lay_line.c, S_first_fit_even). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"
#include "../text/linebreak.h"
#include "../util/util.h"

#define EPS		0.001
#define FIT_MAX_CHARS	20000
#define FIT_MAX_ACTIVE	400

#define LINE_PENALTY	10.0
#define HYPHEN_PENALTY	50.0
#define DOUBLE_HYPHEN	10000.0
#define ADJ_DEMERITS	10000.0
/* A line set ragged (lay_line.c would have to widen its gaps past the
 * limit): priced as a justified line at r = RAGGED_R, times 1 +
 * RAGGED_SHORT q² for the part q of the width it leaves empty.  Chosen
 * on the FOP corpus and the office's samples (tests/line-gaps.sh): fewer
 * ragged lines, fewer loose ones, and fewer lines left half empty than
 * first-fit (docs/fo-subset.md gives the figures). */
#define RAGGED_R	2.75
#define RAGGED_SHORT	8.0
/* A gap's natural stretch is a third of its limit (a sixth of an em, as
 * TeX's inter-word glue): r = 1 there, 3 at the limit. */
#define STRETCH_PARTS	3.0
/* The first pass takes only lines whose gaps widen at most this (a
 * quarter em): fast, as few lines are that full; the second, all. */
#define PRETOLERANCE	1.5

/* Fitness classes, TeX's: compressed (its end marks give up their blank
 * halves; the engine never shrinks a gap), r <= 0.5, r <= 1, more.  A
 * line two classes away from the one before looks denser or lighter than
 * it, ADJ_DEMERITS.  A line set ragged, or not spread (the last), is of no
 * class. */
enum { FIT_TIGHT, FIT_DECENT, FIT_LOOSE, FIT_VERY_LOOSE, FIT_NONE, NFIT };

struct S_node {
	size_t		 next;		/* the line after it starts here... */
	size_t		 s;		/* ... and here once spaces are skipped */
	size_t		 lpos;		/* lmin covers the gaps in [s, lpos) */
	double		 lmin;		/* the smallest gap limit there */
	double		 dem;		/* total demerits up to this break */
	long		 prev;		/* the break before it, -1 for none */
	int		 first;		/* the line after it is the first */
	int		 fit;		/* fitness class of the line before it */
	int		 flagged;	/* the break is after a hyphen */
};

static struct {
	struct S_node	*node;
	size_t		 nnode, nodecap;
	size_t		*act;		/* indices of the active nodes */
	size_t		 nact, actcap;
	double		*A, *G;		/* prefix sums of widths, of gaps */
	size_t		*O;		/* prefix counts of justification gaps */
	size_t		*ends;
	size_t		 cap;
	double		 ulim;		/* the gap limit when all are alike,
					   else < 0 */
} S_f;

static void
S_grow(size_t n)
{
	if (n <= S_f.cap)
		return;
	S_f.cap = n * 2;
	S_f.A = xreallocarray(S_f.A, S_f.cap, sizeof *S_f.A);
	S_f.G = xreallocarray(S_f.G, S_f.cap, sizeof *S_f.G);
	S_f.O = xreallocarray(S_f.O, S_f.cap, sizeof *S_f.O);
	S_f.ends = xreallocarray(S_f.ends, S_f.cap, sizeof *S_f.ends);
}

static size_t
S_new_node(void)
{
	if (S_f.nnode == S_f.nodecap) {
		S_f.nodecap = S_f.nodecap ? S_f.nodecap * 2 : 256;
		S_f.node = xreallocarray(S_f.node, S_f.nodecap, sizeof *S_f.node);
	}
	return S_f.nnode++;
}

static void
S_activate(size_t k)
{
	if (S_f.nact == S_f.actcap) {
		S_f.actcap = S_f.actcap ? S_f.actcap * 2 : 64;
		S_f.act = xreallocarray(S_f.act, S_f.actcap, sizeof *S_f.act);
	}
	S_f.act[S_f.nact++] = k;
}

/* A break after character b: a hyphen, a URL's / or . (not a space, not
 * between CJK characters, not forced). */
static int
S_flagged(const struct lay_para *p, size_t b)
{
	uint32_t c = p->cp[b];

	if (c == ' ' || c == '\n' || b + 1 >= p->n)
		return 0;
	return !lb_is_cjk(c) && !lb_is_cjk(p->cp[b + 1]) && p->obj[b] < 0 &&
	    p->obj[b + 1] < 0;
}

/* Demerits of the line [s, e) after node a (its fitness class into *fit,
 * how far its gaps are widened into *r, HUGE_VAL when set ragged); -1
 * when it does not fit even with its end marks compressed. */
static double
S_line(const struct lay_fit_in *in, struct S_node *a, size_t e, int last,
    int *fit, double *rp)
{
	size_t s = a->s;
	double avail = in->width - (a->first ? in->indent : 0);
	double W = 0, r;

	*rp = 0;
	*fit = last ? FIT_NONE : FIT_TIGHT;
	if (e > s) {
		W = S_f.A[e] - S_f.A[s] + in->cl[s] + S_f.G[e - 1] - S_f.G[s];
		if (W > avail + EPS) {
			double w2 = W - in->she[e - 1];
			if (w2 > avail + EPS)
				w2 -= in->shs[s];
			if (w2 > avail + EPS)
				return -1;
			return LINE_PENALTY * LINE_PENALTY;	/* compressed */
		}
	}
	if (last)
		return LINE_PENALTY * LINE_PENALTY;
	double extra = avail - W;
	*fit = FIT_DECENT;
	if (extra <= EPS)
		return LINE_PENALTY * LINE_PENALTY;
	size_t nopp = e > s ? S_f.O[e - 1] - S_f.O[s] : 0;
	/* the smallest limit of the gaps in [s, e - 1), kept as e grows
	 * (one font size: the same limit everywhere, lmin from the start) */
	if (S_f.ulim < 0)
		for (; a->lpos + 1 < e; a->lpos++)
			if (in->lim[a->lpos] >= 0 && in->lim[a->lpos] < a->lmin)
				a->lmin = in->lim[a->lpos];
	double gaps = (double)nopp;
	if (nopp == 0 || a->lmin <= EPS || extra > gaps * (a->lmin + EPS)) {
		/* set ragged (as S_compose does), with its natural spacing:
		 * as bad as a line spread to RAGGED_R, and worse the shorter
		 * it is (three times when half empty, RAGGED_SHORT) */
		double b = 100 * RAGGED_R * RAGGED_R * RAGGED_R, q = extra / avail;
		*fit = FIT_NONE;
		*rp = HUGE_VAL;
		return (LINE_PENALTY + b) * (LINE_PENALTY + b) *
		    (1 + RAGGED_SHORT * q * q);
	}
	*rp = r = extra * STRETCH_PARTS / (gaps * a->lmin);
	*fit = r > 1 ? FIT_VERY_LOOSE : r > 0.5 ? FIT_LOOSE : FIT_DECENT;
	double b = 100 * r * r * r;
	return (LINE_PENALTY + b) * (LINE_PENALTY + b);
}

/* One pass over the paragraph, lines looser than tol (r) left out: the
 * node of the best last break; -1 if no way through without such lines;
 * -2 if none at all (a piece wider than its line) or too many breaks
 * followed.  The active breaks are kept in the order of their positions,
 * act[head .. nact): the lines from the oldest are the longest, so the
 * overfull ones go from the head, and once a line is looser than tol, the
 * lines from the newer ones are too (TeX's first pass, "pretolerance"). */
static long
S_pass(const struct lay_fit_in *in, size_t lastns, double tol)
{
	const struct lay_para *p = in->p;
	size_t n = p->n, head = 0;
	long final = -1;

	S_f.nnode = S_f.nact = 0;
	size_t k0 = S_new_node();
	S_f.node[k0] = (struct S_node){ .next = 0, .s = 0, .lpos = 0,
	    .lmin = S_f.ulim < 0 ? HUGE_VAL : S_f.ulim, .dem = 0, .prev = -1,
	    .first = 1,
	    .fit = FIT_NONE, .flagged = 0 };
	S_activate(k0);

	for (size_t b = 0; b < n && final < 0; b++) {
		int forced = p->cp[b] == '\n' ||
		    (in->brk[b] == LB_MUST && b + 1 < n);
		if (!forced && in->brk[b] == LB_NO && b + 1 < n)
			continue;
		int last = forced || b >= lastns;
		int flagged = !forced && S_flagged(p, b);
		size_t e = b + 1;
		while (e > 0 && (p->cp[e - 1] == ' ' || p->cp[e - 1] == '\n'))
			e--;
		double best[NFIT];
		long from[NFIT];
		for (int c = 0; c < NFIT; c++)
			best[c] = HUGE_VAL, from[c] = -1;

		for (size_t j = head; j < S_f.nact; j++) {
			struct S_node *a = &S_f.node[S_f.act[j]];
			int fit;
			double r;
			if (e <= a->s && !forced && !last)
				break;	/* nothing on the line yet */
			double d = S_line(in, a, e > a->s ? e : a->s, last, &fit,
			    &r);
			if (d < 0) {	/* too long from here on: inactive */
				if (j == head)
					head++;
				continue;
			}
			if (r > tol) {
				if (last || forced)
					continue;
				break;	/* and from the newer ones too */
			}
			if (!forced && !last) {
				d += flagged ? HYPHEN_PENALTY * HYPHEN_PENALTY : 0;
				if (flagged && a->flagged)
					d += DOUBLE_HYPHEN;
				if (fit != FIT_NONE && a->fit != FIT_NONE &&
				    abs(fit - a->fit) > 1)
					d += ADJ_DEMERITS;
			}
			d += a->dem;
			if (d < best[fit]) {
				best[fit] = d;
				from[fit] = (long)S_f.act[j];
			}
		}
		double min = HUGE_VAL;
		for (int c = 0; c < NFIT; c++)
			min = fmin(min, best[c]);
		if (min == HUGE_VAL) {
			if (head == S_f.nact)
				return tol == HUGE_VAL ? -2 : -1;
			if (forced || last)
				return -1;
			continue;
		}
		if (forced)
			head = S_f.nact;	/* every line breaks here */
		size_t next = b + 1, s = next;
		while (s < n && p->cp[s] == ' ')
			s++;
		for (int c = 0; c < NFIT; c++) {
			/* a class that cannot catch up is dropped (TeX) */
			if (from[c] < 0 || best[c] > min + ADJ_DEMERITS)
				continue;
			size_t k = S_new_node();
			S_f.node[k] = (struct S_node){ .next = next, .s = s,
			    .lpos = s, .lmin = S_f.ulim < 0 ? HUGE_VAL : S_f.ulim,
			    .dem = best[c],
			    .prev = from[c], .first = 0, .fit = c,
			    .flagged = flagged };
			if (b >= lastns) {	/* the paragraph's end */
				if (final < 0 || best[c] < S_f.node[final].dem)
					final = (long)k;
			} else
				S_activate(k);
		}
		if (S_f.nact - head > FIT_MAX_ACTIVE)
			return -2;
		if (head > 4096 && head > S_f.nact / 2) {	/* room */
			memmove(S_f.act, S_f.act + head,
			    (S_f.nact - head) * sizeof *S_f.act);
			S_f.nact -= head;
			head = 0;
		}
	}
	return final;
}

size_t
lay_fit_breaks(const struct lay_fit_in *in, const size_t **ends)
{
	const struct lay_para *p = in->p;
	size_t n = p->n, lastns = n, nlines = 0;
	long final;

	if (n == 0 || n > FIT_MAX_CHARS)
		return 0;
	for (size_t i = n; i-- > 0; )
		if (p->cp[i] != ' ') {
			lastns = i;
			break;
		}
	if (lastns == n)
		return 0;
	S_grow(n + 1);
	S_f.A[0] = S_f.G[0] = 0;
	S_f.O[0] = 0;
	S_f.ulim = -2;	/* none seen yet */
	for (size_t i = 0; i < n; i++) {
		S_f.A[i + 1] = S_f.A[i] + in->w[i];
		S_f.G[i + 1] = S_f.G[i] + in->gap[i];
		S_f.O[i + 1] = S_f.O[i] + (in->lim[i] >= 0);
		if (in->lim[i] >= 0 && S_f.ulim != -1) {
			if (S_f.ulim == -2)
				S_f.ulim = in->lim[i];
			else if (fabs(S_f.ulim - in->lim[i]) > 1e-9)
				S_f.ulim = -1;
		}
	}
	if (S_f.ulim == -2)
		S_f.ulim = HUGE_VAL;	/* no gap at all */
	/* all on the first line, no forced break: nothing to choose */
	if (S_f.A[n] + S_f.G[n] <= in->width - in->indent) {
		size_t i;
		for (i = 0; i + 1 < n && in->brk[i] != LB_MUST &&
		    p->cp[i] != '\n'; i++)
			;
		if (i + 1 >= n)
			return 0;
	}
	final = S_pass(in, lastns, PRETOLERANCE);
	if (final == -1)
		final = S_pass(in, lastns, HUGE_VAL);
	if (final < 0)
		return 0;
	for (long k = final; S_f.node[k].prev >= 0; k = S_f.node[k].prev)
		nlines++;
	size_t i = nlines;
	for (long k = final; S_f.node[k].prev >= 0; k = S_f.node[k].prev)
		S_f.ends[--i] = S_f.node[k].next;
	*ends = S_f.ends;
	return nlines;
}
