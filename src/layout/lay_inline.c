/* lay_inline.c — what an inline's style adds to its glyph runs:
 * text-decoration lines (underline, overline, line-through: a fill-in line
 * under a name on a form) at the run's shifted baseline.  The line builder
 * (lay_line.c) calls it for each run it emits. */
#include <string.h>

#include "lay_int.h"

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
