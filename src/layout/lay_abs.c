/* lay_abs.c — absolutely positioned block-containers
 * (absolute-position="absolute" or "fixed", XSL 1.1 §7.5.1): measured
 * apart from the flow at their top/left/bottom/right offsets, drawn where
 * the flow reaches them, taking no room in it.  The flow keeps a
 * placeholder of height 0 that points at the container. */
#include <math.h>
#include <string.h>

#include "lay_int.h"

/* An offset, or NAN when auto. */
static double
S_off(struct fo_len l, double base)
{
	double v = fo_len_resolve(l, base);

	if (l.kind != FO_LEN || !isfinite(v) || fabs(v) > 14400)
		return NAN;
	return v;
}

struct lay_box *
lay_measure_abs(struct lay *L, const struct fo_node *n, double ref_x,
    double ref_w)
{
	const struct fo_container *ct = n->u.container;
	struct lay_box *ph = LAY_NEW(L, struct lay_box);
	struct lay_box *b = LAY_NEW(L, struct lay_box);
	double left = S_off(ct->left, ref_w), right = S_off(ct->right, ref_w);
	double base, base_end, ins_l, ins_r, cw, avail, x;

	/* borders, padding, background, ids, height; its indents do not
	 * place it (the offsets do) */
	lay_box_props(L, b, n, ref_x, ref_w,
	    fo_len_resolve(n->inh->start_indent, ref_w),
	    fo_len_resolve(n->inh->end_indent, ref_w));
	ins_l = b->bd[FO_START].w + b->pad[FO_START];
	ins_r = b->bd[FO_END].w + b->pad[FO_END];
	/* without a width: between its offsets */
	avail = ref_w - (isnan(left) ? 0 : left) - (isnan(right) ? 0 : right) -
	    ins_l - ins_r;
	if (!(avail >= 1))
		avail = 1;
	cw = n->box->ipd.opt.kind == FO_LEN ? b->w - ins_l - ins_r : avail;
	if (!(cw >= 1))
		cw = 1;
	if (!isnan(left))
		x = ref_x + left;
	else if (!isnan(right))
		x = ref_x + ref_w - right - (cw + ins_l + ins_r);
	else
		x = ref_x;
	b->kind = BX_BLOCK;
	b->what = "block-container";
	b->x = x;
	b->w = cw + ins_l + ins_r;
	b->sb = b->sa = 0;
	b->keep_next = b->keep_prev = 0;
	b->break_before = b->break_after = 0;
	b->fixed_h = -1;
	if (n->box->bpd.opt.kind == FO_LEN) {
		double h = fo_len_resolve(n->box->bpd.opt, 0);
		if (isfinite(h) && h >= 0 && h <= 14400)
			b->fixed_h = h;
	}
	b->valign = n->inh->display_align;
	if (ct->turns) {
		lay_turn_measure(L, b, n, cw, avail);
		/* its width on the page is known now */
		if (isnan(left) && !isnan(right))
			b->x = ref_x + ref_w - right - b->w;
	} else {
		lay_child_base(n, cw, &base, &base_end);
		struct lay_box *in = lay_measure_blocks(L, n, x + ins_l, cw,
		    base, base_end);
		b->kids = in->kids;
		b->nkids = in->nkids;
		lay_box_sum(b);
	}
	b->has_break = 0;

	ph->kind = BX_BLOCK;
	ph->x = ref_x;
	ph->w = ref_w;
	ph->bg = FO_TRANSPARENT;
	ph->fixed_h = -1;
	ph->kids = LAY_NEWN(L, struct lay_box *, 1);
	ph->fo_line = n->line;
	ph->abs = b;
	ph->abs_ct = ct;
	return ph;
}

void
lay_abs_draw(struct lay *L, const struct lay_box *ph, double y)
{
	const struct lay_box *b = ph->abs;
	const struct fo_container *ct = ph->abs_ct;
	double ay = L->area_y, ah = L->area_h;
	double top, bottom;

	if (ct->abs == FO_ABS_FIXED && L->page != NULL) {
		ay = 0;
		ah = L->page->height;
	}
	top = S_off(ct->top, ah);
	bottom = S_off(ct->bottom, ah);
	if (!isnan(top) && !isnan(bottom) && b->fixed_h < 0) {
		/* no height: from top to bottom */
		struct lay_box t = *b;
		double ins = t.bd[FO_BEFORE].w + t.pad[FO_BEFORE] +
		    t.pad[FO_AFTER] + t.bd[FO_AFTER].w;
		t.fixed_h = fmax(ah - top - bottom - ins, 0);
		lay_box_sum(&t);
		lay_draw(L, &t, ay + top);
		return;
	}
	if (!isnan(top))
		y = ay + top;
	else if (!isnan(bottom))
		y = ay + ah - bottom - b->h;
	lay_draw(L, b, y);
}
