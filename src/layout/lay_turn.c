/* lay_turn.c — block-containers with reference-orientation 90, 180 or
 * 270 (XSL 1.1 §7.21.3): the content is laid out in the container's own
 * frame, turned counter-clockwise against the page, and drawn inside an
 * AREA_TURN … AREA_TURN_END pair (area.h).
 *
 * Its width and height are those of its own frame, as Apache FOP reads
 * them: for 90 and 270 the width is the length of the content's lines,
 * which run up or down the page (the height of the region the container
 * is in when not given), and the height is the content's extent across
 * the page (the width available when not given) — a landscape table on
 * a portrait page.  Borders and padding stay on the page's sides.
 * For 180 the content is set as usual and drawn upside down.  A turned
 * container is never split across pages, like a block-container with a
 * height.
 * pages, like a block-container with a height. */
#include <math.h>

#include "lay_int.h"
#include "../diag/diag.h"

void
lay_turn_measure(struct lay *L, struct lay_box *b, const struct fo_node *n,
    double cw, double avail)
{
	int turns = n->u.container->turns & 3;
	double lw, room, base, base_end;
	struct lay_box *in;

	/* The content's width in its own frame: for 90 and 270 the width
	 * given (cw), else the region's height. */
	if (turns % 2) {
		lw = n->box->ipd.opt.kind == FO_LEN ? cw : L->ref_h;
		if (!(lw >= 1))
			lw = avail;
	} else
		lw = cw;
	lay_child_base(n, lw, &base, &base_end);
	in = lay_measure_blocks(L, n, 0, lw, base, base_end);
	in->what = "reference-area";
	/* Its height in its own frame (the room for it there), and the
	 * container's size on the page. */
	if (b->fixed_h >= 0)
		room = b->fixed_h;
	else	/* across the page: as wide as the container may be */
		room = turns % 2 ? avail : in->h;
	if (turns % 2) {
		b->w = b->bd[FO_START].w + b->pad[FO_START] + room +
		    b->pad[FO_END] + b->bd[FO_END].w;
		b->fixed_h = lw;
	} else
		b->fixed_h = room;
	if (in->h > room + 0.01)
		LAY_DIAG(L, W_LAY_OVERFLOW, lay_file(L), n->line, 0,
		    in->h - room);
	b->turned = in;
	b->turns = turns;
	b->nkids = 0;
	if (b->kids == NULL)
		b->kids = LAY_NEWN(L, struct lay_box *, 1);
	b->keep_together = 1;
	lay_box_sum(b);
	b->has_break = 0;
}

void
lay_turn_draw(struct lay *L, const struct lay_box *b, double x, double y)
{
	const struct lay_box *in = b->turned;
	double cw = b->w - b->bd[FO_START].w - b->pad[FO_START] -
	    b->pad[FO_END] - b->bd[FO_END].w;
	double room = b->turns % 2 ? cw : b->fixed_h, ly = 0;

	/* the page's size of the content rectangle is (cw, fixed_h) */
	struct area_item *it;

	it = area_item_add(L->page, AREA_TURN);
	it->x = x;
	it->y = y;
	it->w = cw;
	it->h = b->fixed_h;
	it->u.turn.turns = b->turns;
	/* display-align in the container's own frame */
	if (room > in->h) {
		if (b->valign == FO_DALIGN_CENTER)
			ly = (room - in->h) / 2;
		else if (b->valign == FO_DALIGN_AFTER)
			ly = room - in->h;
	}
	if (L->turn_depth++ == 0)
		L->turn_y = y;
	lay_draw(L, in, ly);
	L->turn_depth--;
	area_item_add(L->page, AREA_TURN_END);
}
