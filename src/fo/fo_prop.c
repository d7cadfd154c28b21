/* fo_prop.c — computed properties of FO elements: values, shorthands,
 * corresponding properties (margins → indents and spaces), inheritance,
 * XSL 1.1 initial values; groups shared when identical. */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../diag/diag.h"
#include "../util/datauri.h"
#include "../util/util.h"
#include "fo_expr.h"
#include "fo_int.h"

/* Groups are compared bytewise: they must have no implicit padding. */
_Static_assert(sizeof(struct fo_len) == 16, "fo_len padding");
_Static_assert(sizeof(struct fo_border) == 16, "fo_border padding");
_Static_assert(sizeof(struct fo_space) == 56, "fo_space padding");
_Static_assert(sizeof(struct fo_inh) == 2 * sizeof(char *) + 8 * 8 + 5 * 16 +
    48 + 12 + 4 + 2 + 15 + 7, "fo_inh padding");
_Static_assert(sizeof(struct fo_box) == 2 * 56 + 4 * 16 + 4 * 16 + 2 * 48 +
    2 * 12 + 4 + 4 + 2 + 6, "fo_box padding");

#define L0	{ 0, 0, FO_LEN }
#define LAUTO	{ 0, 0, FO_AUTO }
#define SPACE0	{ { L0, L0, L0 }, 0, 0 }
#define BORDER0	{ 0, 0x000000, FO_BS_NONE, 0 }

const struct fo_container fo_container_initial = {
	.top = LAUTO, .left = LAUTO, .bottom = LAUTO, .right = LAUTO,
};

const struct fo_box fo_box_initial = {
	.space_before = SPACE0,
	.space_after = SPACE0,
	.padding = { L0, L0, L0, L0 },
	.border = { BORDER0, BORDER0, BORDER0, BORDER0 },
	.ipd = { LAUTO, LAUTO, LAUTO },
	.bpd = { LAUTO, LAUTO, LAUTO },
	.background = FO_TRANSPARENT,
};

static const struct fo_inh S_inh_initial = {
	.font_family = "宋体",
	.font_size = 12,
	.line_height = 14.4,
	.line_height_factor = 1.2,
	.rule_thickness = 1,
	.text_indent = L0,
	.start_indent = L0,
	.end_indent = L0,
	.leader_length = { L0, { 12, 0, FO_LEN }, { 0, 100, FO_LEN } },
	.pdbs = { 24, 0, FO_LEN },
	.pls = { 6, 0, FO_LEN },
	.color = 0x000000,
	.font_weight = 400,
	.text_align = FO_ALIGN_START,
	.text_align_last = FO_ALIGN_RELATIVE,
	.display_align = FO_DALIGN_AUTO,
	.ws_collapse = 1,
	.wrap = 1,
	.widows = 2,
	.orphans = 2,
	.border_collapse = 1,
	.leader_pattern = FO_LP_SPACE,
	.rule_style = FO_BS_SOLID,
	.autospace = 60,	/* a quarter em */
};

#define A4_W	595.2756
#define A4_H	841.8898
#define MAX_PT	14400.0		/* 200 inches: beyond is absurd */
#define MAX_PCT	1000.0
#define MAX_COUNT 1000		/* spans, repeats, column numbers */

/* ---- interning of groups ---- */

struct fo_intern {
	const void	**slot;
	size_t		 cap, n, size;
	const void	*last;		/* the last one returned: rows repeat */
};

static uint64_t
S_hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211ull;
	return h;
}

static const void *
S_intern(struct fo_ctx *c, struct fo_intern *t, const void *v)
{
	uint64_t h;
	size_t i;
	void *p;

	if (t->last && memcmp(t->last, v, t->size) == 0)
		return t->last;
	h = S_hash_bytes(v, t->size);

	if (2 * (t->n + 1) > t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 64;
		const void **s = xcalloc(cap, sizeof *s);
		for (size_t j = 0; j < t->cap; j++) {
			if (t->slot[j] == NULL)
				continue;
			for (i = S_hash_bytes(t->slot[j], t->size) & (cap - 1);
			    s[i]; i = (i + 1) & (cap - 1))
				;
			s[i] = t->slot[j];
		}
		free(t->slot);
		t->slot = s;
		t->cap = cap;
	}
	for (i = h & (t->cap - 1); t->slot[i]; i = (i + 1) & (t->cap - 1))
		if (memcmp(t->slot[i], v, t->size) == 0)
			return t->last = t->slot[i];
	p = fo_alloc(c->tree, t->size);
	memcpy(p, v, t->size);
	t->slot[i] = p;
	t->n++;
	return t->last = p;
}

/* Strings that take part in group comparison are interned too, so equal
 * strings have equal pointers. */
struct S_strtab {
	const char	**slot;
	size_t		 cap, n;
};

static const char *
S_str_intern(struct fo_ctx *c, const char *s, size_t len)
{
	struct S_strtab *t = (struct S_strtab *)c->str_set;
	uint64_t h = S_hash_bytes(s, len);
	size_t i;
	const char *p;

	if (2 * (t->n + 1) > t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 32;
		const char **nw = xcalloc(cap, sizeof *nw);
		for (size_t j = 0; j < t->cap; j++) {
			if (t->slot[j] == NULL)
				continue;
			for (i = S_hash_bytes(t->slot[j], strlen(t->slot[j])) &
			    (cap - 1); nw[i]; i = (i + 1) & (cap - 1))
				;
			nw[i] = t->slot[j];
		}
		free(t->slot);
		t->slot = nw;
		t->cap = cap;
	}
	for (i = h & (t->cap - 1); t->slot[i]; i = (i + 1) & (t->cap - 1))
		if (strlen(t->slot[i]) == len && memcmp(t->slot[i], s, len) == 0)
			return t->slot[i];
	p = fo_strdup(c->tree, s, len);
	t->slot[i] = p;
	t->n++;
	return p;
}

void
fo_props_init(struct fo_ctx *c)
{
	struct fo_intern *ti = xcalloc(1, sizeof *ti), *tb = xcalloc(1, sizeof *tb);
	struct S_strtab *ts = xcalloc(1, sizeof *ts);

	ti->size = sizeof(struct fo_inh);
	tb->size = sizeof(struct fo_box);
	c->inh_set = ti;
	c->box_set = tb;
	c->str_set = ts;
	/* The initial family, interned so that "宋体" set explicitly shares. */
	struct fo_inh in;
	memcpy(&in, &S_inh_initial, sizeof in);
	in.font_family = S_str_intern(c, in.font_family, strlen(in.font_family));
	c->inh_initial = S_intern(c, ti, &in);
}

void
fo_props_done(struct fo_ctx *c)
{
	struct S_strtab *ts = (struct S_strtab *)c->str_set;

	free(c->inh_set->slot);
	free(c->inh_set);
	free(c->box_set->slot);
	free(c->box_set);
	free(ts->slot);
	free(ts);
	c->inh_set = c->box_set = NULL;
	c->str_set = NULL;
}

/* ---- the properties ---- */

/* The order attributes are applied in, whatever their order in the file:
 * what comes later wins.  As XSL 1.1 §5.3.1 says (and Apache FOP does), an
 * explicit absolute property (border-top-width, width) wins over its
 * relative equivalent (border-before-width, inline-progression-dimension);
 * a shorthand loses to both; a component (.minimum) comes last. */
enum prio { PR_FIRST, PR_SHORT, PR_SIDE, PR_REL, PR_ABS, PR_COMP, PR__N };

enum pid {
	P_IGNORE,		/* known, no effect on our output */
	P_BACKGROUND_COLOR, P_BLOCK_PROGRESSION_DIMENSION, P_BPD_MIN,
	P_BPD_OPT, P_BPD_MAX, P_BORDER, P_BORDER_COLLAPSE, P_BORDER_COLOR,
	P_BORDER_SEPARATION, P_BORDER_STYLE, P_BORDER_WIDTH,
	P_BORDER_SIDE,		/* border-top … (side in .side) */
	P_BORDER_SIDE_WIDTH, P_BORDER_SIDE_STYLE, P_BORDER_SIDE_COLOR,
	P_BORDER_SIDE_COND, P_BREAK_AFTER, P_BREAK_BEFORE, P_COLOR,
	P_COLUMN_NUMBER, P_COLUMN_WIDTH, P_CONTENT_HEIGHT, P_CONTENT_WIDTH,
	P_DISPLAY_ALIGN, P_END_INDENT, P_EXTENT, P_EXTERNAL_DESTINATION,
	P_FLOW_NAME, P_FONT_FAMILY, P_FONT_SIZE, P_FONT_STYLE, P_FONT_WEIGHT,
	P_HEIGHT, P_ID, P_INITIAL_PAGE_NUMBER, P_INLINE_PROGRESSION_DIMENSION,
	P_IPD_MIN, P_IPD_OPT, P_IPD_MAX, P_INTERNAL_DESTINATION, P_KEEP,
	P_KEEP_COMP, P_LANG, P_LEADER_LENGTH, P_LEADER_LENGTH_COMP,
	P_LEADER_PATTERN, P_LETTER_SPACING, P_LINE_HEIGHT, P_LINEFEED,
	P_MARGIN, P_MARGIN_SIDE, P_MASTER_NAME, P_MASTER_REFERENCE,
	P_COLS_REPEATED, P_COLS_SPANNED, P_ROWS_SPANNED, P_ORPHANS, P_PADDING,
	P_PADDING_SIDE, P_PADDING_COND, P_PAGE_HEIGHT, P_PAGE_WIDTH,
	P_PRECEDENCE, P_REF_ID, P_REGION_NAME, P_RULE_STYLE, P_RULE_THICKNESS,
	P_SCALING, P_SPACE, P_SPACE_COMP, P_SRC, P_START_INDENT, P_TABLE_LAYOUT,
	P_TEXT_ALIGN, P_TEXT_ALIGN_LAST, P_TEXT_INDENT, P_WHITE_SPACE,
	P_WS_COLLAPSE, P_WS_TREATMENT, P_WIDOWS, P_WIDTH, P_WRAP_OPTION,
	P_PDBS, P_PLS, P_TEXT_DECORATION, P_BASELINE_SHIFT, P_VERTICAL_ALIGN,
	P_ABSOLUTE_POSITION, P_OFFSET, P_REF_ORIENTATION,
	P_WS_AUTOSPACE,		/* wsdoc's ws:text-autospace */
	/* page masters, page-sequences, regions (the page level) */
	P_PAGE_POSITION, P_ODD_OR_EVEN, P_BLANK_OR_NOT_BLANK, P_MAXIMUM_REPEATS,
	P_FORCE_PAGE_COUNT, P_COLUMN_COUNT, P_COLUMN_GAP, P_SPAN,
	P_MARKER_CLASS_NAME, P_RETRIEVE_CLASS_NAME, P_RETRIEVE_POSITION,
	P_RETRIEVE_BOUNDARY,
	P_DEFAULT_ONLY		/* accepted only with the value in .arg */
};

/* Which of a keep's or space's components (.arg). */
enum { C_MIN = 1, C_OPT, C_MAX, C_COND, C_PREC, C_PAGE, C_COLUMN, C_LINE };
/* Which keep (.side for P_KEEP*) or space (.side for P_SPACE*). */
enum { KP_TOGETHER, KP_NEXT, KP_PREVIOUS };

struct pdef {
	const char	*name;
	uint8_t		 id;		/* enum pid */
	uint8_t		 prio;		/* enum prio */
	int8_t		 side;		/* enum fo_side, or which keep */
	int8_t		 arg;		/* component */
	const char	*initial;	/* P_DEFAULT_ONLY: the accepted value */
};

#define S_(n, id, pr)		{ n, id, pr, -1, 0, NULL }
#define SD(n, id, pr, sd)	{ n, id, pr, sd, 0, NULL }
#define SC(n, id, pr, sd, a)	{ n, id, pr, sd, a, NULL }
#define DEF(n, v)		{ n, P_DEFAULT_ONLY, PR_ABS, -1, 0, v }
#define IGN(n)			{ n, P_IGNORE, PR_ABS, -1, 0, NULL }

/* Sorted by name at start-up. */
static struct pdef S_props[] = {
	S_("absolute-position", P_ABSOLUTE_POSITION, PR_ABS),
	DEF("alignment-baseline", "auto"),
	S_("background-color", P_BACKGROUND_COLOR, PR_ABS),
	S_("baseline-shift", P_BASELINE_SHIFT, PR_REL),
	SD("bottom", P_OFFSET, PR_ABS, FO_AFTER),
	S_("block-progression-dimension", P_BLOCK_PROGRESSION_DIMENSION, PR_REL),
	SC("block-progression-dimension.maximum", P_BPD_MAX, PR_COMP, -1, C_MAX),
	SC("block-progression-dimension.minimum", P_BPD_MIN, PR_COMP, -1, C_MIN),
	SC("block-progression-dimension.optimum", P_BPD_OPT, PR_COMP, -1, C_OPT),
	S_("border", P_BORDER, PR_SHORT),
	SD("border-after-color", P_BORDER_SIDE_COLOR, PR_REL, FO_AFTER),
	SD("border-after-style", P_BORDER_SIDE_STYLE, PR_REL, FO_AFTER),
	SD("border-after-width", P_BORDER_SIDE_WIDTH, PR_REL, FO_AFTER),
	SD("border-after-width.conditionality", P_BORDER_SIDE_COND, PR_COMP, FO_AFTER),
	SD("border-after-width.length", P_BORDER_SIDE_WIDTH, PR_COMP, FO_AFTER),
	SD("border-before-color", P_BORDER_SIDE_COLOR, PR_REL, FO_BEFORE),
	SD("border-before-style", P_BORDER_SIDE_STYLE, PR_REL, FO_BEFORE),
	SD("border-before-width", P_BORDER_SIDE_WIDTH, PR_REL, FO_BEFORE),
	SD("border-before-width.conditionality", P_BORDER_SIDE_COND, PR_COMP, FO_BEFORE),
	SD("border-before-width.length", P_BORDER_SIDE_WIDTH, PR_COMP, FO_BEFORE),
	SD("border-bottom", P_BORDER_SIDE, PR_SIDE, FO_AFTER),
	SD("border-bottom-color", P_BORDER_SIDE_COLOR, PR_ABS, FO_AFTER),
	SD("border-bottom-style", P_BORDER_SIDE_STYLE, PR_ABS, FO_AFTER),
	SD("border-bottom-width", P_BORDER_SIDE_WIDTH, PR_ABS, FO_AFTER),
	S_("border-collapse", P_BORDER_COLLAPSE, PR_ABS),
	S_("border-color", P_BORDER_COLOR, PR_SHORT),
	SD("border-end-color", P_BORDER_SIDE_COLOR, PR_REL, FO_END),
	SD("border-end-style", P_BORDER_SIDE_STYLE, PR_REL, FO_END),
	SD("border-end-width", P_BORDER_SIDE_WIDTH, PR_REL, FO_END),
	SD("border-end-width.conditionality", P_BORDER_SIDE_COND, PR_COMP, FO_END),
	SD("border-end-width.length", P_BORDER_SIDE_WIDTH, PR_COMP, FO_END),
	SD("border-left", P_BORDER_SIDE, PR_SIDE, FO_START),
	SD("border-left-color", P_BORDER_SIDE_COLOR, PR_ABS, FO_START),
	SD("border-left-style", P_BORDER_SIDE_STYLE, PR_ABS, FO_START),
	SD("border-left-width", P_BORDER_SIDE_WIDTH, PR_ABS, FO_START),
	SD("border-right", P_BORDER_SIDE, PR_SIDE, FO_END),
	SD("border-right-color", P_BORDER_SIDE_COLOR, PR_ABS, FO_END),
	SD("border-right-style", P_BORDER_SIDE_STYLE, PR_ABS, FO_END),
	SD("border-right-width", P_BORDER_SIDE_WIDTH, PR_ABS, FO_END),
	S_("border-separation", P_BORDER_SEPARATION, PR_SIDE),
	SC("border-separation.block-progression-direction", P_BORDER_SEPARATION, PR_COMP, -1, C_MAX),
	SC("border-separation.inline-progression-direction", P_BORDER_SEPARATION, PR_COMP, -1, C_MIN),
	SD("border-start-color", P_BORDER_SIDE_COLOR, PR_REL, FO_START),
	SD("border-start-style", P_BORDER_SIDE_STYLE, PR_REL, FO_START),
	SD("border-start-width", P_BORDER_SIDE_WIDTH, PR_REL, FO_START),
	SD("border-start-width.conditionality", P_BORDER_SIDE_COND, PR_COMP, FO_START),
	SD("border-start-width.length", P_BORDER_SIDE_WIDTH, PR_COMP, FO_START),
	S_("border-style", P_BORDER_STYLE, PR_SHORT),
	SD("border-top", P_BORDER_SIDE, PR_SIDE, FO_BEFORE),
	SD("border-top-color", P_BORDER_SIDE_COLOR, PR_ABS, FO_BEFORE),
	SD("border-top-style", P_BORDER_SIDE_STYLE, PR_ABS, FO_BEFORE),
	SD("border-top-width", P_BORDER_SIDE_WIDTH, PR_ABS, FO_BEFORE),
	S_("border-width", P_BORDER_WIDTH, PR_SHORT),
	S_("break-after", P_BREAK_AFTER, PR_ABS),
	S_("break-before", P_BREAK_BEFORE, PR_ABS),
	DEF("caption-side", "before"),
	DEF("clip", "auto"),
	S_("color", P_COLOR, PR_FIRST),
	S_("column-number", P_COLUMN_NUMBER, PR_ABS),
	S_("column-width", P_COLUMN_WIDTH, PR_ABS),
	S_("content-height", P_CONTENT_HEIGHT, PR_ABS),
	IGN("content-type"),
	S_("content-width", P_CONTENT_WIDTH, PR_ABS),
	IGN("country"),
	S_("display-align", P_DISPLAY_ALIGN, PR_ABS),
	DEF("dominant-baseline", "auto"),
	DEF("empty-cells", "show"),
	S_("end-indent", P_END_INDENT, PR_REL),
	DEF("ends-row", "false"),
	S_("extent", P_EXTENT, PR_ABS),
	S_("external-destination", P_EXTERNAL_DESTINATION, PR_ABS),
	S_("flow-name", P_FLOW_NAME, PR_ABS),
	S_("font-family", P_FONT_FAMILY, PR_FIRST),
	IGN("font-selection-strategy"),
	S_("font-size", P_FONT_SIZE, PR_FIRST),
	DEF("font-stretch", "normal"),
	S_("font-style", P_FONT_STYLE, PR_ABS),
	DEF("font-variant", "normal"),
	S_("font-weight", P_FONT_WEIGHT, PR_FIRST),
	DEF("format", "1"),
	S_("height", P_HEIGHT, PR_ABS),
	DEF("hyphenate", "false"),
	S_("id", P_ID, PR_ABS),
	IGN("indicate-destination"),
	S_("initial-page-number", P_INITIAL_PAGE_NUMBER, PR_ABS),
	S_("inline-progression-dimension", P_INLINE_PROGRESSION_DIMENSION, PR_REL),
	SC("inline-progression-dimension.maximum", P_IPD_MAX, PR_COMP, -1, C_MAX),
	SC("inline-progression-dimension.minimum", P_IPD_MIN, PR_COMP, -1, C_MIN),
	SC("inline-progression-dimension.optimum", P_IPD_OPT, PR_COMP, -1, C_OPT),
	S_("internal-destination", P_INTERNAL_DESTINATION, PR_ABS),
	SD("keep-together", P_KEEP, PR_SIDE, KP_TOGETHER),
	SC("keep-together.within-column", P_KEEP_COMP, PR_COMP, KP_TOGETHER, C_COLUMN),
	SC("keep-together.within-line", P_KEEP_COMP, PR_COMP, KP_TOGETHER, C_LINE),
	SC("keep-together.within-page", P_KEEP_COMP, PR_COMP, KP_TOGETHER, C_PAGE),
	SD("keep-with-next", P_KEEP, PR_SIDE, KP_NEXT),
	SC("keep-with-next.within-column", P_KEEP_COMP, PR_COMP, KP_NEXT, C_COLUMN),
	SC("keep-with-next.within-line", P_KEEP_COMP, PR_COMP, KP_NEXT, C_LINE),
	SC("keep-with-next.within-page", P_KEEP_COMP, PR_COMP, KP_NEXT, C_PAGE),
	SD("keep-with-previous", P_KEEP, PR_SIDE, KP_PREVIOUS),
	SC("keep-with-previous.within-column", P_KEEP_COMP, PR_COMP, KP_PREVIOUS, C_COLUMN),
	SC("keep-with-previous.within-line", P_KEEP_COMP, PR_COMP, KP_PREVIOUS, C_LINE),
	SC("keep-with-previous.within-page", P_KEEP_COMP, PR_COMP, KP_PREVIOUS, C_PAGE),
	S_("language", P_LANG, PR_ABS),
	S_("leader-length", P_LEADER_LENGTH, PR_SIDE),
	SC("leader-length.maximum", P_LEADER_LENGTH_COMP, PR_COMP, -1, C_MAX),
	SC("leader-length.minimum", P_LEADER_LENGTH_COMP, PR_COMP, -1, C_MIN),
	SC("leader-length.optimum", P_LEADER_LENGTH_COMP, PR_COMP, -1, C_OPT),
	DEF("leader-pattern-width", "use-font-metrics"),
	S_("leader-pattern", P_LEADER_PATTERN, PR_ABS),
	SD("left", P_OFFSET, PR_ABS, FO_START),
	S_("letter-spacing", P_LETTER_SPACING, PR_ABS),
	S_("line-height", P_LINE_HEIGHT, PR_ABS),
	DEF("line-height-shift-adjustment", "consider-shifts"),
	DEF("line-stacking-strategy", "max-height"),
	S_("linefeed-treatment", P_LINEFEED, PR_ABS),
	S_("margin", P_MARGIN, PR_SHORT),
	SD("margin-bottom", P_MARGIN_SIDE, PR_ABS, FO_AFTER),
	SD("margin-left", P_MARGIN_SIDE, PR_ABS, FO_START),
	SD("margin-right", P_MARGIN_SIDE, PR_ABS, FO_END),
	SD("margin-top", P_MARGIN_SIDE, PR_ABS, FO_BEFORE),
	S_("master-name", P_MASTER_NAME, PR_ABS),
	S_("master-reference", P_MASTER_REFERENCE, PR_ABS),
	DEF("media-usage", "auto"),
	S_("number-columns-repeated", P_COLS_REPEATED, PR_ABS),
	S_("number-columns-spanned", P_COLS_SPANNED, PR_ABS),
	S_("number-rows-spanned", P_ROWS_SPANNED, PR_ABS),
	S_("orphans", P_ORPHANS, PR_ABS),
	DEF("overflow", "auto"),
	S_("padding", P_PADDING, PR_SHORT),
	SD("padding-after", P_PADDING_SIDE, PR_REL, FO_AFTER),
	SD("padding-after.conditionality", P_PADDING_COND, PR_COMP, FO_AFTER),
	SD("padding-after.length", P_PADDING_SIDE, PR_COMP, FO_AFTER),
	SD("padding-before", P_PADDING_SIDE, PR_REL, FO_BEFORE),
	SD("padding-before.conditionality", P_PADDING_COND, PR_COMP, FO_BEFORE),
	SD("padding-before.length", P_PADDING_SIDE, PR_COMP, FO_BEFORE),
	SD("padding-bottom", P_PADDING_SIDE, PR_ABS, FO_AFTER),
	SD("padding-end", P_PADDING_SIDE, PR_REL, FO_END),
	SD("padding-end.conditionality", P_PADDING_COND, PR_COMP, FO_END),
	SD("padding-end.length", P_PADDING_SIDE, PR_COMP, FO_END),
	SD("padding-left", P_PADDING_SIDE, PR_ABS, FO_START),
	SD("padding-right", P_PADDING_SIDE, PR_ABS, FO_END),
	SD("padding-start", P_PADDING_SIDE, PR_REL, FO_START),
	SD("padding-start.conditionality", P_PADDING_COND, PR_COMP, FO_START),
	SD("padding-start.length", P_PADDING_SIDE, PR_COMP, FO_START),
	SD("padding-top", P_PADDING_SIDE, PR_ABS, FO_BEFORE),
	S_("page-height", P_PAGE_HEIGHT, PR_ABS),
	S_("page-width", P_PAGE_WIDTH, PR_ABS),
	S_("precedence", P_PRECEDENCE, PR_ABS),
	S_("provisional-distance-between-starts", P_PDBS, PR_ABS),
	S_("provisional-label-separation", P_PLS, PR_ABS),
	S_("ref-id", P_REF_ID, PR_ABS),
	S_("reference-orientation", P_REF_ORIENTATION, PR_ABS),
	S_("region-name", P_REGION_NAME, PR_ABS),
	DEF("relative-align", "before"),
	DEF("relative-position", "static"),
	SD("right", P_OFFSET, PR_ABS, FO_END),
	IGN("role"),
	S_("rule-style", P_RULE_STYLE, PR_ABS),
	S_("rule-thickness", P_RULE_THICKNESS, PR_ABS),
	S_("scaling", P_SCALING, PR_ABS),
	DEF("scaling-method", "auto"),
	IGN("script"),
	IGN("show-destination"),
	IGN("source-document"),
	SD("space-after", P_SPACE, PR_REL, FO_AFTER),
	SC("space-after.conditionality", P_SPACE_COMP, PR_COMP, FO_AFTER, C_COND),
	SC("space-after.maximum", P_SPACE_COMP, PR_COMP, FO_AFTER, C_MAX),
	SC("space-after.minimum", P_SPACE_COMP, PR_COMP, FO_AFTER, C_MIN),
	SC("space-after.optimum", P_SPACE_COMP, PR_COMP, FO_AFTER, C_OPT),
	SC("space-after.precedence", P_SPACE_COMP, PR_COMP, FO_AFTER, C_PREC),
	SD("space-before", P_SPACE, PR_REL, FO_BEFORE),
	SC("space-before.conditionality", P_SPACE_COMP, PR_COMP, FO_BEFORE, C_COND),
	SC("space-before.maximum", P_SPACE_COMP, PR_COMP, FO_BEFORE, C_MAX),
	SC("space-before.minimum", P_SPACE_COMP, PR_COMP, FO_BEFORE, C_MIN),
	SC("space-before.optimum", P_SPACE_COMP, PR_COMP, FO_BEFORE, C_OPT),
	SC("space-before.precedence", P_SPACE_COMP, PR_COMP, FO_BEFORE, C_PREC),
	S_("src", P_SRC, PR_ABS),
	S_("start-indent", P_START_INDENT, PR_REL),
	IGN("starting-state"),
	DEF("starts-row", "false"),
	S_("table-layout", P_TABLE_LAYOUT, PR_ABS),
	DEF("table-omit-footer-at-break", "false"),
	DEF("table-omit-header-at-break", "false"),
	S_("text-align", P_TEXT_ALIGN, PR_ABS),
	S_("text-align-last", P_TEXT_ALIGN_LAST, PR_ABS),
	S_("text-decoration", P_TEXT_DECORATION, PR_ABS),
	S_("text-indent", P_TEXT_INDENT, PR_ABS),
	DEF("text-transform", "none"),
	SD("top", P_OFFSET, PR_ABS, FO_BEFORE),
	S_("vertical-align", P_VERTICAL_ALIGN, PR_SHORT),
	DEF("visibility", "visible"),
	S_("white-space", P_WHITE_SPACE, PR_SHORT),
	S_("white-space-collapse", P_WS_COLLAPSE, PR_ABS),
	S_("white-space-treatment", P_WS_TREATMENT, PR_ABS),
	S_("widows", P_WIDOWS, PR_ABS),
	S_("width", P_WIDTH, PR_ABS),
	DEF("word-spacing", "normal"),
	S_("wrap-option", P_WRAP_OPTION, PR_ABS),
	DEF("writing-mode", "lr-tb"),
	S_("ws:text-autospace", P_WS_AUTOSPACE, PR_ABS),	/* urn:x-wsdoc:fo */
	DEF("z-index", "auto"),
	/* the page level */
	S_("blank-or-not-blank", P_BLANK_OR_NOT_BLANK, PR_ABS),
	S_("column-count", P_COLUMN_COUNT, PR_ABS),
	S_("column-gap", P_COLUMN_GAP, PR_ABS),
	S_("force-page-count", P_FORCE_PAGE_COUNT, PR_ABS),
	S_("maximum-repeats", P_MAXIMUM_REPEATS, PR_ABS),
	S_("odd-or-even", P_ODD_OR_EVEN, PR_ABS),
	S_("page-position", P_PAGE_POSITION, PR_ABS),
	S_("span", P_SPAN, PR_ABS),
	S_("marker-class-name", P_MARKER_CLASS_NAME, PR_ABS),
	S_("retrieve-class-name", P_RETRIEVE_CLASS_NAME, PR_ABS),
	S_("retrieve-position", P_RETRIEVE_POSITION, PR_ABS),
	S_("retrieve-boundary", P_RETRIEVE_BOUNDARY, PR_ABS),
};
#define NPROPS	(sizeof S_props / sizeof S_props[0])

static int
S_pdef_cmp(const void *a, const void *b)
{
	return strcmp(((const struct pdef *)a)->name, ((const struct pdef *)b)->name);
}

static const struct pdef *
S_pdef(const char *name)
{
	static int sorted;
	struct pdef key = { name, 0, 0, 0, 0, NULL };

	if (!sorted) {
		qsort(S_props, NPROPS, sizeof S_props[0], S_pdef_cmp);
		sorted = 1;
	}
	return bsearch(&key, S_props, NPROPS, sizeof S_props[0], S_pdef_cmp);
}

/* ---- values ---- */

/* State of one element's computation. */
struct ps {
	struct fo_ctx	*c;
	struct fo_node	*n;
	xmlNode		*el;
	const struct fo_inh *pin;	/* the parent's */
	struct fo_inh	 in;
	struct fo_box	 bx;
	/* what was given (bits by side, or 1) */
	unsigned	 margin_set, margin_explicit, start_set, end_set, lh_set;
	unsigned	 space_set;	/* bit 0 before, bit 1 after */
	struct fo_len	 margin[4];
	/* kind-specific */
	struct fo_master m;
	struct fo_region r;
	struct fo_graphic g;
	struct fo_container ct;
	double		 shift;		/* this element's own baseline-shift */
	int		 shift_set;
};

static void
S_bad(struct ps *p, const char *prop, const char *val, const char *why)
{
	if (fo_once(p->c, prop, val, fo_kind_name(p->n->kind)))
		diag_node(W_FO_VALUE, p->el, fo_kind_name(p->n->kind), prop, val,
		    why);
}

static const char *
S_skip(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

/* A decimal number with an optional sign (fo_decimal does the digits). */
static int
S_number(const char **sp, double *v)
{
	const char *s = *sp;
	int neg = 0;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (fo_decimal(&s, v) < 0)
		return -1;
	if (neg)
		*v = -*v;
	*sp = s;
	return 0;
}

/* Flags for S_length. */
#define LA_PCT	0x01	/* a percentage is allowed */
#define LA_AUTO	0x02	/* "auto" */
#define LA_NEG	0x04	/* negative values */
#define LA_PROP	0x08	/* proportional-column-width() */
#define LA_FIT	0x10	/* scale-to-fit (and scale-down/up-to-fit) */
#define LA_NUM	0x20	/* a bare number is allowed (returned in pt) */

/* Parse a length: auto, scale-to-fit, or an expression (fo_expr.c: + - *
 * div mod, parentheses, abs() min() max() … proportional-column-width()
 * and, with list, label-end() and body-start()).  em is relative to
 * em_base.  For proportional-column-width(N) + L the fixed part L goes to
 * *fixed when it is not NULL (else it must be 0).  Returns NULL if fine,
 * else why not. */
static const char *
S_length_ex(const char *s, double em_base, unsigned allow,
    const struct fo_expr_env *list, struct fo_len *out, double *fixed)
{
	struct fo_expr_env env;
	struct fo_num v;
	struct fo_len l;
	const char *why;

	s = S_skip(s);
	if (strcmp(s, "auto") == 0 || strncmp(s, "auto ", 5) == 0) {
		if (!(allow & LA_AUTO) || *S_skip(s + 4))
			return "此处不能用 auto";
		memset(out, 0, sizeof *out);
		out->kind = FO_AUTO;
		return NULL;
	}
	if (!strcmp(s, "scale-to-fit") || !strcmp(s, "scale-down-to-fit") ||
	    !strcmp(s, "scale-up-to-fit")) {
		if (!(allow & LA_FIT))
			return "此处不能用 scale-to-fit";
		memset(out, 0, sizeof *out);
		out->kind = FO_SCALE_TO_FIT;
		return NULL;
	}
	memset(&env, 0, sizeof env);
	if (list != NULL)
		env = *list;
	env.em = em_base;
	env.allow = (list != NULL ? FO_EX_LIST : 0) |
	    (allow & LA_PCT ? FO_EX_PCT : 0) | (allow & LA_PROP ? FO_EX_PROP : 0);
	if ((why = fo_expr(s, &env, &v)) != NULL)
		return why;
	memset(&l, 0, sizeof l);
	l.kind = FO_LEN;
	if (v.prop != 0) {
		if (v.prop < 0 || v.pct != 0)
			return "proportional-column-width() 只能加减长度";
		if (v.v != 0 && fixed == NULL)
			return "proportional-column-width() 只能用于 column-width";
		if (fixed != NULL)
			*fixed = v.v;
		if (fabs(v.v) > MAX_PT || v.v < 0)
			return "超出合理范围";
		l.kind = FO_PROPORTIONAL;
		l.pt = v.prop;
		*out = l;
		return NULL;
	}
	if (!v.is_len && v.v != 0 && !(allow & LA_NUM))
		return "缺少单位，mm、cm、in、pt、pc、px、em";
	if (fabs(v.v) > MAX_PT || fabs(v.pct) > MAX_PCT)
		return "超出合理范围";
	l.pt = v.v;
	l.pct = (float)v.pct;
	/* "100% - 10pt" is fine; only a length that is negative whatever
	 * the base is refused */
	if (!(allow & LA_NEG) && ((l.pt < 0 && l.pct <= 0) ||
	    (l.pct < 0 && l.pt <= 0)))
		return "不能为负";
	*out = l;
	return NULL;
}

static const char *
S_length(const char *s, double em_base, unsigned allow, struct fo_len *out)
{
	return S_length_ex(s, em_base, allow, NULL, out, NULL);
}

/* Split a shorthand value into at most 4 space-separated words (outside
 * parentheses).  Returns the count, or -1 if more. */
static int
S_words(const char *s, char w[4][64])
{
	int n = 0;

	s = S_skip(s);
	while (*s) {
		size_t k = 0;
		int depth = 0;
		if (n == 4)
			return -1;
		while (*s && (depth > 0 || (*s != ' ' && *s != '\t' &&
		    *s != '\n' && *s != '\r'))) {
			if (*s == '(')
				depth++;
			else if (*s == ')' && depth > 0)
				depth--;
			if (k < 63)
				w[n][k++] = *s;
			s++;
		}
		w[n][k] = '\0';
		n++;
		s = S_skip(s);
	}
	return n;
}

/* CSS order top right bottom left → our sides (before after start end). */
static void
S_four(int n, int idx[4])
{
	static const int map[5][4] = {
		{ 0, 0, 0, 0 },
		{ 0, 0, 0, 0 },		/* a:   all */
		{ 0, 0, 1, 1 },		/* a b: before/after a, start/end b */
		{ 0, 2, 1, 1 },		/* a b c */
		{ 0, 2, 3, 1 },		/* a b c d: top right bottom left */
	};
	for (int i = 0; i < 4; i++)
		idx[i] = map[n][i];
}

/* A colour: a name, #rgb, #rrggbb, rgb(r, g, b) with 0–255 or %. */
static int
S_color(const char *s, uint32_t *out)
{
	s = S_skip(s);
	if (*s == '#') {
		size_t n = strlen(s + 1);
		uint32_t v = 0;
		while (n > 0 && (s[n] == ' ' || s[n] == '\t'))
			n--;
		if (n != 3 && n != 6)
			return -1;
		for (size_t i = 1; i <= n; i++) {
			int h = hex_value((unsigned char)s[i]);
			if (h < 0)
				return -1;
			v = n == 3 ? (v << 8) | (uint32_t)(h * 17) : (v << 4) | (uint32_t)h;
		}
		*out = v;
		return 0;
	}
	if (strncmp(s, "rgb(", 4) == 0) {
		uint32_t v = 0;
		s += 4;
		for (int i = 0; i < 3; i++) {
			double x;
			s = S_skip(s);
			if (S_number(&s, &x) < 0)
				return -1;
			if (*s == '%') {
				x = x * 255 / 100;
				s++;
			}
			if (x < 0 || x > 255)
				return -1;
			v = (v << 8) | (uint32_t)lround(x);
			s = S_skip(s);
			if (*s != (i < 2 ? ',' : ')'))
				return -1;
			s++;
		}
		if (*S_skip(s))
			return -1;
		*out = v;
		return 0;
	}
	return fo_color_name(s, out);
}

/* Index of s in a NULL-terminated list of keywords, or -1. */
static int
S_kw(const char *s, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(s, list[i]) == 0)
			return i;
	return -1;
}

static const char *const S_bstyles[] = { "none", "hidden", "dotted", "dashed",
	"solid", "double", "groove", "ridge", "inset", "outset", NULL };

/* A page master reference: its master-reference is u.pm.name. */
static int
S_master_ref(int kind)
{
	return kind == FO_SINGLE_PAGE_MASTER_REFERENCE ||
	    kind == FO_REPEATABLE_PAGE_MASTER_REFERENCE ||
	    kind == FO_CONDITIONAL_PAGE_MASTER_REFERENCE;
}

/* A positive integer, at most max. */
static int
S_int(const char *s, int min, int max, int *out)
{
	double v;
	const char *t = S_skip(s);

	if (S_number(&t, &v) < 0 || *S_skip(t) || v != floor(v) || v < min ||
	    v > max)
		return -1;
	*out = (int)v;
	return 0;
}

static int
S_border_width(const char *s, double em, double *out)
{
	struct fo_len l;

	if (!strcmp(s, "thin")) *out = 0.5;
	else if (!strcmp(s, "medium")) *out = 1;
	else if (!strcmp(s, "thick")) *out = 2;
	else if (S_length(s, em, 0, &l) == NULL)
		*out = l.pt;
	else
		return -1;
	return 0;
}

/* border / border-top …: width, style and colour in any order; what is
 * not given takes its initial value. */
static int
S_border_short(struct ps *p, const char *v, struct fo_border *b)
{
	char w[4][64];
	int n = S_words(v, w), seen = 0;
	struct fo_border nb;

	if (n <= 0 || n > 3)
		return -1;
	memset(&nb, 0, sizeof nb);
	nb.width = 1;		/* medium */
	nb.color = p->in.color;
	nb.style = FO_BS_NONE;
	for (int i = 0; i < n; i++) {
		int k;
		uint32_t col;
		double wd;
		if ((k = S_kw(w[i], S_bstyles)) >= 0 && !(seen & 1)) {
			nb.style = (uint16_t)k;
			seen |= 1;
		} else if (S_border_width(w[i], p->in.font_size, &wd) == 0 &&
		    !(seen & 2)) {
			nb.width = wd;
			seen |= 2;
		} else if (S_color(w[i], &col) == 0 && !(seen & 4)) {
			nb.color = col;
			seen |= 4;
		} else
			return -1;
	}
	nb.retain = b->retain;
	*b = nb;
	return 0;
}

static int
S_keep_value(const char *s, int32_t *out)
{
	int v;

	if (!strcmp(s, "auto"))
		*out = FO_KEEP_AUTO;
	else if (!strcmp(s, "always"))
		*out = FO_KEEP_ALWAYS;
	else if (S_int(s, 1, 1000000, &v) == 0)
		*out = v;
	else
		return -1;
	return 0;
}

static struct fo_keep *
S_keep_of(struct ps *p, int which)
{
	return which == KP_TOGETHER ? &p->in.keep_together :
	    which == KP_NEXT ? &p->bx.keep_with_next : &p->bx.keep_with_previous;
}

static const char *
S_strdup_val(struct ps *p, const char *v)
{
	v = S_skip(v);
	size_t n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\n'))
		n--;
	return fo_strdup(p->c->tree, v, n);
}

/* font-family: the names, quotes removed, ", "-separated. */
static const char *
S_family(struct ps *p, const char *v)
{
	struct buf b;
	const char *s = v, *r;

	buf_init(&b);
	while (*s) {
		const char *start, *end;
		s = S_skip(s);
		if (*s == '"' || *s == '\'') {
			char q = *s++;
			start = s;
			while (*s && *s != q)
				s++;
			end = s;
			if (*s)
				s++;
		} else {
			start = s;
			while (*s && *s != ',')
				s++;
			end = s;
			while (end > start && (end[-1] == ' ' || end[-1] == '\t'
			    || end[-1] == '\n'))
				end--;
		}
		if (end > start) {
			if (b.len)
				buf_puts(&b, ", ");
			buf_append(&b, start, (size_t)(end - start));
		}
		s = S_skip(s);
		if (*s == ',')
			s++;
		else if (*s)
			break;
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	r = S_str_intern(p->c, b.data, b.len);
	buf_free(&b);
	return r;
}

/* src="url('a.png')" → a.png, resolved against the FO file's folder. */
static const char *
S_src(struct ps *p, const char *v)
{
	char *u, *path;
	const char *r;
	size_t n;

	v = S_skip(v);
	if (strncmp(v, "url(", 4) == 0) {
		v = S_skip(v + 4);
		u = xstrdup(v);
		n = strlen(u);
		while (n > 0 && (u[n - 1] == ' ' || u[n - 1] == ')'))
			u[--n] = '\0';
	} else
		u = xstrdup(v);
	n = strlen(u);
	if (n >= 2 && (u[0] == '"' || u[0] == '\'') && u[n - 1] == u[0]) {
		memmove(u, u + 1, n - 2);
		u[n - 2] = '\0';
	}
	/* a data: URI (RFC 2397) carries the picture itself: kept as written,
	 * line breaks in its base64 included (src/util/datauri.h) */
	if (datauri_is(u)) {
		r = fo_strdup(p->c->tree, u, strlen(u));
		free(u);
		return r;
	}
	if (strncmp(u, "file://", 7) == 0)
		memmove(u, u + 7, strlen(u + 7) + 1);
	else if (strncmp(u, "file:", 5) == 0)
		memmove(u, u + 5, strlen(u + 5) + 1);
	/* a URL with another scheme is kept as written: the layout refuses
	 * it (no network) and names it */
	{
		const char *q = u;
		while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))
			q++;
		if (q - u >= 2 && strncmp(q, "://", 3) == 0) {
			r = fo_strdup(p->c->tree, u, strlen(u));
			free(u);
			return r;
		}
	}
	path = path_join(p->c->tree->dir ? p->c->tree->dir : ".", u);
	r = fo_strdup(p->c->tree, path, strlen(path));
	free(path);
	free(u);
	return r;
}

static const double S_font_kw[] = { 6.944, 8.333, 10, 12, 14.4, 17.28, 20.736 };
static const char *const S_font_kws[] = { "xx-small", "x-small", "small",
	"medium", "large", "x-large", "xx-large", NULL };

/* label-end() and body-start() (XSL 1.1 §5.10.4) for an element inside
 * a list-block, from the closest one: body-start() = its start-indent +
 * provisional-distance-between-starts; label-end() = the reference
 * area's width - (start-indent + distance - separation).  NULL outside a
 * list. */
static const struct fo_expr_env *
S_list_env(struct ps *p, struct fo_expr_env *env)
{
	const struct fo_node *lb = p->n->parent;

	while (lb != NULL && lb->kind != FO_LIST_BLOCK)
		lb = lb->parent;
	if (lb == NULL)
		return NULL;
	const struct fo_inh *in = lb->inh;
	memset(env, 0, sizeof *env);
	env->body_start.kind = env->label_end.kind = FO_LEN;
	env->body_start.pt = in->start_indent.pt + in->pdbs.pt;
	env->body_start.pct = in->start_indent.pct + in->pdbs.pct;
	env->label_end.pt = -(in->start_indent.pt + in->pdbs.pt - in->pls.pt);
	env->label_end.pct = 100 - (in->start_indent.pct + in->pdbs.pct -
	    in->pls.pct);
	return env;
}

/* text-decoration: none, or any of [no-]underline, [no-]overline,
 * [no-]line-through, [no-]blink (blink is accepted and not drawn). */
static const char *
S_text_decoration(const char *v, uint8_t *bits)
{
	static const char *const kw[] = { "underline", "no-underline",
		"overline", "no-overline", "line-through", "no-line-through",
		"blink", "no-blink", NULL };
	static const uint8_t bit[] = { FO_TD_UNDERLINE, FO_TD_OVERLINE,
		FO_TD_LINE_THROUGH, 0 };
	char w[4][64];
	int n = S_words(v, w), k;
	uint8_t b = *bits;

	if (n == 1 && !strcmp(w[0], "none")) {
		*bits = 0;
		return NULL;
	}
	if (n <= 0)
		return "应为 none、underline、overline、line-through";
	for (int i = 0; i < n; i++) {
		if ((k = S_kw(w[i], kw)) < 0)
			return "应为 none、underline、overline、line-through";
		if (k % 2 == 0)
			b |= bit[k / 2];
		else
			b &= (uint8_t)~bit[k / 2];
	}
	*bits = b;
	return NULL;
}

/* baseline-shift (baseline, sub, super, a length, a percentage of the
 * parent's line-height) and the vertical-align shorthand, which also maps
 * top/middle/bottom on a table-cell onto display-align (XSL 1.1
 * §7.31.22).  super raises by a third of the parent's font-size, sub
 * lowers by a fifth. */
static const char *
S_shift(struct ps *p, int valign, const char *v)
{
	double pfs = p->pin ? p->pin->font_size : 12;
	double plh = p->pin ? p->pin->line_height : 14.4;
	struct fo_len l;
	const char *why;

	if (valign && p->n->kind == FO_TABLE_CELL) {
		static const char *const kw[] = { "top", "middle", "bottom",
			"baseline", NULL };
		static const uint8_t da[] = { FO_DALIGN_BEFORE, FO_DALIGN_CENTER,
			FO_DALIGN_AFTER, FO_DALIGN_AUTO };
		int k = S_kw(v, kw);
		if (k < 0)
			return "table-cell 上应为 top、middle、bottom 或 baseline";
		p->in.display_align = da[k];
		return NULL;
	}
	if (!strcmp(v, "baseline"))
		p->shift = 0;
	else if (!strcmp(v, "super"))
		p->shift = pfs / 3;
	else if (!strcmp(v, "sub"))
		p->shift = -pfs / 5;
	else if (valign && (!strcmp(v, "top") || !strcmp(v, "text-top") ||
	    !strcmp(v, "middle") || !strcmp(v, "bottom") ||
	    !strcmp(v, "text-bottom")))
		return "只支持 baseline、sub、super、长度和百分比（top、middle、bottom 只用于 table-cell）";
	else {
		if ((why = S_length(v, p->in.font_size, LA_PCT | LA_NEG, &l)) != NULL)
			return why;
		p->shift = l.pt + l.pct * plh / 100;
		if (fabs(p->shift) > 1000)
			return "超出合理范围";
	}
	p->shift_set = 1;
	return NULL;
}

/* The page level: conditions of a conditional-page-master-reference,
 * maximum-repeats, force-page-count, columns of a region-body, span. */
static const char *
S_page_level(struct ps *p, const struct pdef *d, const char *v, double em)
{
	struct fo_node *n = p->n;
	struct fo_len l;
	const char *why;
	int k;

	switch (d->id) {
	case P_PAGE_POSITION: {
		static const char *const kw[] = { "any", "first", "last", "rest",
			"only", NULL };
		if ((k = S_kw(v, kw)) < 0)
			return "应为 first、last、rest、only 或 any";
		if (n->kind == FO_CONDITIONAL_PAGE_MASTER_REFERENCE)
			n->u.pm.page_position = (uint8_t)k;
		return NULL;
	}
	case P_ODD_OR_EVEN: {
		static const char *const kw[] = { "any", "odd", "even", NULL };
		if ((k = S_kw(v, kw)) < 0)
			return "应为 odd、even 或 any";
		if (n->kind == FO_CONDITIONAL_PAGE_MASTER_REFERENCE)
			n->u.pm.odd_or_even = (uint8_t)k;
		return NULL;
	}
	case P_BLANK_OR_NOT_BLANK: {
		static const char *const kw[] = { "any", "blank", "not-blank", NULL };
		if ((k = S_kw(v, kw)) < 0)
			return "应为 blank、not-blank 或 any";
		if (n->kind == FO_CONDITIONAL_PAGE_MASTER_REFERENCE)
			n->u.pm.blank = (uint8_t)k;
		return NULL;
	}
	case P_MAXIMUM_REPEATS:
		if (!strcmp(v, "no-limit"))
			k = FO_REPEATS_NO_LIMIT;
		else if (S_int(v, 0, 1000000, &k) < 0)
			return "应为 no-limit 或不小于 0 的整数";
		if (n->kind == FO_REPEATABLE_PAGE_MASTER_REFERENCE ||
		    n->kind == FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES)
			n->u.pm.max_repeats = k;
		return NULL;
	case P_FORCE_PAGE_COUNT: {
		static const char *const kw[] = { "auto", "even", "odd",
			"end-on-even", "end-on-odd", "no-force", NULL };
		if ((k = S_kw(v, kw)) < 0)
			return "应为 auto、even、odd、end-on-even、end-on-odd 或 no-force";
		if (n->kind == FO_PAGE_SEQUENCE)
			n->u.seq.force_page_count = k;
		return NULL;
	}
	case P_COLUMN_COUNT:
		if (S_int(v, 1, 64, &k) < 0)
			return "应为 1 到 64 的整数";
		p->r.column_count = k;
		return NULL;
	case P_COLUMN_GAP:
		if ((why = S_length(v, em, 0, &l)) != NULL)
			return why;
		if (l.pt < 0)
			return "不能为负数";
		p->r.column_gap = l.pt;
		return NULL;
	case P_MARKER_CLASS_NAME:
	case P_RETRIEVE_CLASS_NAME:
		if (!*v)
			return "类名不能为空";
		if ((d->id == P_MARKER_CLASS_NAME && n->kind == FO_MARKER) ||
		    (d->id == P_RETRIEVE_CLASS_NAME && n->kind == FO_RETRIEVE_MARKER))
			n->u.marker.cls = S_strdup_val(p, v);
		return NULL;
	case P_RETRIEVE_POSITION: {
		static const char *const kw[] = { "first-starting-within-page",
			"first-including-carryover", "last-starting-within-page",
			"last-ending-within-page", NULL };
		if ((k = S_kw(v, kw)) < 0)
			return "应为 first-starting-within-page、first-including-carryover、last-starting-within-page 或 last-ending-within-page";
		if (n->kind == FO_RETRIEVE_MARKER)
			n->u.marker.position = (uint8_t)k;
		return NULL;
	}
	case P_RETRIEVE_BOUNDARY: {
		static const char *const kw[] = { "page-sequence", "page",
			"document", NULL };
		if ((k = S_kw(v, kw)) < 0)
			return "应为 page-sequence、page 或 document";
		if (n->kind == FO_RETRIEVE_MARKER)
			n->u.marker.boundary = (uint8_t)k;
		return NULL;
	}
	case P_SPAN:
		if (!strcmp(v, "none")) p->bx.span = 0;
		else if (!strcmp(v, "all")) p->bx.span = 1;
		else return "应为 none 或 all";
		return NULL;
	default:
		return NULL;
	}
}

/* Apply one property.  Returns NULL, or why the value is not usable. */
static const char *
S_apply(struct ps *p, const struct pdef *d, const char *v)
{
	struct fo_inh *in = &p->in;
	struct fo_box *bx = &p->bx;
	double em = in->font_size;
	struct fo_len l;
	struct fo_expr_env env;
	const char *why;
	char w[4][64];
	int k, idx[4], nw;
	uint32_t col;
	double x;

	switch ((enum pid)d->id) {
	case P_IGNORE:
		return NULL;
	case P_DEFAULT_ONLY:
		if (strcmp(S_skip(v), d->initial) != 0)
			return "";	/* reported as unsupported */
		return NULL;

	/* fonts and colour (computed first) */
	case P_FONT_SIZE:
		em = p->pin ? p->pin->font_size : 12;
		if ((k = S_kw(v, S_font_kws)) >= 0)
			x = S_font_kw[k];
		else if (!strcmp(v, "larger"))
			x = em * 1.2;
		else if (!strcmp(v, "smaller"))
			x = em / 1.2;
		else {
			if ((why = S_length(v, em, LA_PCT, &l)) != NULL)
				return why;
			x = l.pt + l.pct * em / 100;
		}
		if (x <= 0 || x > 1000)
			return x <= 0 ? "字号应大于 0" : "字号不能超过 1000pt";
		in->font_size = x;
		return NULL;
	case P_FONT_FAMILY: {
		const char *f = S_family(p, v);
		if (f == NULL)
			return "没有字体名";
		in->font_family = f;
		return NULL;
	}
	case P_FONT_WEIGHT:
		if (!strcmp(v, "normal")) in->font_weight = 400;
		else if (!strcmp(v, "bold")) in->font_weight = 700;
		else if (!strcmp(v, "bolder"))
			in->font_weight = in->font_weight < 600 ? 700 : 900;
		else if (!strcmp(v, "lighter"))
			in->font_weight = in->font_weight >= 600 ? 400 : 100;
		else if (S_int(v, 100, 900, &k) == 0 && k % 100 == 0)
			in->font_weight = (uint16_t)k;
		else
			return "应为 normal、bold 或 100–900";
		return NULL;
	case P_FONT_STYLE:
		if (!strcmp(v, "normal")) in->italic = 0;
		else if (!strcmp(v, "italic") || !strcmp(v, "oblique") ||
		    !strcmp(v, "backslant")) in->italic = 1;
		else return "应为 normal 或 italic";
		return NULL;
	case P_COLOR:
		if (S_color(v, &col) < 0)
			return "不是颜色，可用颜色名、#rrggbb、rgb()";
		in->color = col;
		return NULL;
	case P_BACKGROUND_COLOR:
		if (!strcmp(S_skip(v), "transparent"))
			bx->background = FO_TRANSPARENT;
		else if (S_color(v, &col) < 0)
			return "不是颜色，可用颜色名、#rrggbb、rgb()、transparent";
		else
			bx->background = col;
		return NULL;
	case P_LINE_HEIGHT:
		if (!strcmp(v, "normal")) {
			in->line_height_factor = 1.2;
			return NULL;
		}
		if ((why = S_length(v, em, LA_PCT | LA_NUM, &l)) != NULL)
			return why;
		{
			/* a bare number is a factor that descendants inherit */
			const char *t = S_skip(v);
			double f;
			if (S_number(&t, &f) == 0 && *S_skip(t) == '\0') {
				if (f <= 0 || f > 20)
					return "倍数应在 0 到 20 之间";
				in->line_height_factor = f;
				return NULL;
			}
		}
		x = l.pt + l.pct * em / 100;
		if (x <= 0)
			return "应为正数";
		in->line_height_factor = 0;
		in->line_height = x;
		return NULL;
	case P_LETTER_SPACING:
		if (!strcmp(v, "normal")) {
			in->letter_spacing = 0;
			return NULL;
		}
		if ((why = S_length(v, em, LA_NEG, &l)) != NULL)
			return why;
		in->letter_spacing = l.pt;
		return NULL;

	/* text */
	case P_TEXT_ALIGN: {
		static const char *const kw[] = { "start", "center", "end",
			"justify", "left", "right", "inside", "outside", NULL };
		static const uint8_t val[] = { FO_ALIGN_START, FO_ALIGN_CENTER,
			FO_ALIGN_END, FO_ALIGN_JUSTIFY, FO_ALIGN_START,
			FO_ALIGN_END, FO_ALIGN_START, FO_ALIGN_END };
		if ((k = S_kw(v, kw)) < 0)
			return "应为 start、center、end 或 justify";
		in->text_align = val[k];
		return NULL;
	}
	case P_TEXT_ALIGN_LAST: {
		static const char *const kw[] = { "start", "center", "end",
			"justify", "left", "right", "relative", "inside",
			"outside", NULL };
		static const uint8_t val[] = { FO_ALIGN_START, FO_ALIGN_CENTER,
			FO_ALIGN_END, FO_ALIGN_JUSTIFY, FO_ALIGN_START,
			FO_ALIGN_END, FO_ALIGN_RELATIVE, FO_ALIGN_START,
			FO_ALIGN_END };
		if ((k = S_kw(v, kw)) < 0)
			return "应为 relative、start、center、end 或 justify";
		in->text_align_last = val[k];
		return NULL;
	}
	case P_TEXT_INDENT:
		if ((why = S_length(v, em, LA_PCT | LA_NEG, &l)) != NULL)
			return why;
		in->text_indent = l;
		return NULL;
	case P_START_INDENT:
		if ((why = S_length_ex(v, em, LA_PCT | LA_NEG, S_list_env(p, &env),
		    &l, NULL)) != NULL)
			return why;
		in->start_indent = l;
		p->start_set = 1;
		return NULL;
	case P_END_INDENT:
		if ((why = S_length_ex(v, em, LA_PCT | LA_NEG, S_list_env(p, &env),
		    &l, NULL)) != NULL)
			return why;
		in->end_indent = l;
		p->end_set = 1;
		return NULL;
	case P_LINEFEED: {
		static const char *const kw[] = { "treat-as-space", "ignore",
			"preserve", "treat-as-zero-width-space", NULL };
		if ((k = S_kw(v, kw)) < 0)
			return "应为 treat-as-space、ignore 或 preserve";
		in->linefeed = (uint8_t)k;
		return NULL;
	}
	case P_WS_TREATMENT: {
		static const char *const kw[] = { "ignore-if-surrounding-linefeed",
			"ignore", "preserve", "ignore-if-before-linefeed",
			"ignore-if-after-linefeed", NULL };
		if ((k = S_kw(v, kw)) < 0)
			return "不是可用的关键字";
		in->ws_treatment = (uint8_t)k;
		return NULL;
	}
	case P_WS_COLLAPSE:
		if (!strcmp(v, "true")) in->ws_collapse = 1;
		else if (!strcmp(v, "false")) in->ws_collapse = 0;
		else return "应为 true 或 false";
		return NULL;
	case P_WS_AUTOSPACE:
		/* normal: a quarter em; none; or a length, kept as a
		 * fraction of this element's font size */
		if (!strcmp(v, "normal")) {
			in->autospace = 60;
			return NULL;
		}
		if (!strcmp(v, "none") || !strcmp(v, "no-autospace")) {
			in->autospace = 0;
			return NULL;
		}
		if ((why = S_length(v, em, 0, &l)) != NULL)
			return why;
		if (l.pt < 0 || l.pt > em + 1e-9)
			return "应为 normal、none 或 0 到 1em 之间的长度";
		in->autospace = (uint8_t)lround(l.pt / em * 240);
		return NULL;
	case P_WRAP_OPTION:
		if (!strcmp(v, "wrap")) in->wrap = 1;
		else if (!strcmp(v, "no-wrap")) in->wrap = 0;
		else return "应为 wrap 或 no-wrap";
		return NULL;
	case P_WHITE_SPACE:
		if (!strcmp(v, "normal")) {
			in->linefeed = FO_LF_TREAT_AS_SPACE;
			in->ws_collapse = 1;
			in->ws_treatment = FO_WST_IGNORE_IF_SURROUNDING_LF;
			in->wrap = 1;
		} else if (!strcmp(v, "pre")) {
			in->linefeed = FO_LF_PRESERVE;
			in->ws_collapse = 0;
			in->ws_treatment = FO_WST_PRESERVE;
			in->wrap = 0;
		} else if (!strcmp(v, "nowrap")) {
			in->wrap = 0;
		} else
			return "应为 normal、pre 或 nowrap";
		return NULL;
	case P_WIDOWS:
	case P_ORPHANS:
		if (S_int(v, 0, 255, &k) < 0)
			return "应为 0 到 255 的整数";
		if (d->id == P_WIDOWS)
			in->widows = (uint8_t)k;
		else
			in->orphans = (uint8_t)k;
		return NULL;
	case P_DISPLAY_ALIGN: {
		static const char *const kw[] = { "auto", "before", "center",
			"after", NULL };
		if ((k = S_kw(v, kw)) < 0)
			return "应为 auto、before、center 或 after";
		in->display_align = (uint8_t)k;
		return NULL;
	}
	case P_LANG:
		if (!*S_skip(v) || strlen(v) > 35)
			return "不是语言代码";
		in->lang = S_str_intern(p->c, v, strlen(v));
		return NULL;

	/* spaces, margins, indents */
	case P_SPACE:
		if ((why = S_length(v, em, LA_NEG, &l)) != NULL)
			return why;
		{
			struct fo_space *sp = d->side == FO_BEFORE ?
			    &bx->space_before : &bx->space_after;
			sp->r.min = sp->r.opt = sp->r.max = l;
			p->space_set |= d->side == FO_BEFORE ? 1 : 2;
		}
		return NULL;
	case P_SPACE_COMP: {
		struct fo_space *sp = d->side == FO_BEFORE ?
		    &bx->space_before : &bx->space_after;
		p->space_set |= d->side == FO_BEFORE ? 1 : 2;
		if (d->arg == C_COND) {
			if (!strcmp(v, "retain")) sp->retain = 1;
			else if (!strcmp(v, "discard")) sp->retain = 0;
			else return "应为 retain 或 discard";
			return NULL;
		}
		if (d->arg == C_PREC) {
			if (!strcmp(v, "force"))
				sp->precedence = INT32_MAX;
			else if (S_int(v, -1000000, 1000000, &k) == 0)
				sp->precedence = k;
			else
				return "应为整数或 force";
			return NULL;
		}
		if ((why = S_length(v, em, LA_NEG, &l)) != NULL)
			return why;
		if (d->arg == C_MIN) sp->r.min = l;
		else if (d->arg == C_OPT) sp->r.opt = l;
		else sp->r.max = l;
		return NULL;
	}
	case P_MARGIN:
		if ((nw = S_words(v, w)) <= 0)
			return "应为 1 到 4 个长度";
		S_four(nw, idx);
		for (int i = 0; i < 4; i++) {
			if ((why = S_length(w[idx[i]], em, LA_PCT | LA_NEG | LA_AUTO,
			    &p->margin[i])) != NULL)
				return why;
		}
		p->margin_set = 0xF;
		return NULL;
	case P_MARGIN_SIDE:
		if ((why = S_length(v, em, LA_PCT | LA_NEG | LA_AUTO, &l)) != NULL)
			return why;
		p->margin[d->side] = l;
		p->margin_set |= 1u << d->side;
		p->margin_explicit |= 1u << d->side;
		return NULL;

	/* padding and borders */
	case P_PADDING:
		if ((nw = S_words(v, w)) <= 0)
			return "应为 1 到 4 个长度";
		S_four(nw, idx);
		{
			struct fo_len pl[4];
			for (int i = 0; i < 4; i++)
				if ((why = S_length(w[idx[i]], em, LA_PCT, &pl[i])))
					return why;
			memcpy(bx->padding, pl, sizeof pl);
		}
		return NULL;
	case P_PADDING_SIDE:
		if ((why = S_length(v, em, LA_PCT, &l)) != NULL)
			return why;
		bx->padding[d->side] = l;
		return NULL;
	case P_PADDING_COND:
		if (!strcmp(v, "retain")) bx->padding_retain[d->side] = 1;
		else if (!strcmp(v, "discard")) bx->padding_retain[d->side] = 0;
		else return "应为 retain 或 discard";
		return NULL;
	case P_BORDER: {
		struct fo_border b = bx->border[0];
		if (S_border_short(p, v, &b) < 0)
			return "应为“宽度 样式 颜色”，如 0.5pt solid black";
		for (int i = 0; i < 4; i++) {
			b.retain = bx->border[i].retain;
			bx->border[i] = b;
		}
		return NULL;
	}
	case P_BORDER_SIDE:
		if (S_border_short(p, v, &bx->border[d->side]) < 0)
			return "应为“宽度 样式 颜色”，如 0.5pt solid black";
		return NULL;
	case P_BORDER_WIDTH:
	case P_BORDER_STYLE:
	case P_BORDER_COLOR: {
		double wd[4];
		int st[4];
		uint32_t cl[4];
		if ((nw = S_words(v, w)) <= 0)
			return "应为 1 到 4 个值";
		S_four(nw, idx);
		for (int i = 0; i < 4; i++) {
			const char *t = w[idx[i]];
			if (d->id == P_BORDER_WIDTH) {
				if (S_border_width(t, em, &wd[i]) < 0)
					return "不是边框宽度";
			} else if (d->id == P_BORDER_STYLE) {
				if ((st[i] = S_kw(t, S_bstyles)) < 0)
					return "不是边框样式，solid、dashed、dotted、double、none";
			} else if (S_color(t, &cl[i]) < 0)
				return "不是颜色";
		}
		for (int i = 0; i < 4; i++) {
			if (d->id == P_BORDER_WIDTH) bx->border[i].width = wd[i];
			else if (d->id == P_BORDER_STYLE) bx->border[i].style = (uint16_t)st[i];
			else bx->border[i].color = cl[i];
		}
		return NULL;
	}
	case P_BORDER_SIDE_WIDTH:
		if (S_border_width(S_skip(v), em, &x) < 0)
			return "不是边框宽度，thin、medium、thick 或非负长度";
		bx->border[d->side].width = x;
		return NULL;
	case P_BORDER_SIDE_STYLE:
		if ((k = S_kw(S_skip(v), S_bstyles)) < 0)
			return "不是边框样式，solid、dashed、dotted、double、none";
		bx->border[d->side].style = (uint16_t)k;
		return NULL;
	case P_BORDER_SIDE_COLOR:
		if (S_color(v, &col) < 0)
			return "不是颜色";
		bx->border[d->side].color = col;
		return NULL;
	case P_BORDER_SIDE_COND:
		if (!strcmp(v, "retain")) bx->border[d->side].retain = 1;
		else if (!strcmp(v, "discard")) bx->border[d->side].retain = 0;
		else return "应为 retain 或 discard";
		return NULL;
	case P_BORDER_COLLAPSE:
		if (!strcmp(v, "collapse") || !strcmp(v, "collapse-with-precedence"))
			in->border_collapse = 1;
		else if (!strcmp(v, "separate"))
			in->border_collapse = 0;
		else
			return "应为 collapse 或 separate";
		return NULL;
	case P_BORDER_SEPARATION:
		if (d->arg != 0) {	/* .inline-/.block-progression-direction */
			if ((why = S_length(v, em, 0, &l)) != NULL)
				return why;
			if (d->arg == C_MIN)
				in->border_separation = l.pt;
			else
				in->border_separation_bpd = l.pt;
			return NULL;
		}
		if ((nw = S_words(v, w)) < 1 || nw > 2)
			return "应为一个或两个长度";
		if ((why = S_length(w[0], em, 0, &l)) != NULL)
			return why;
		in->border_separation = in->border_separation_bpd = l.pt;
		if (nw == 2) {
			if ((why = S_length(w[1], em, 0, &l)) != NULL)
				return why;
			in->border_separation_bpd = l.pt;
		}
		return NULL;

	/* dimensions */
	case P_WIDTH:
	case P_INLINE_PROGRESSION_DIMENSION:
	case P_HEIGHT:
	case P_BLOCK_PROGRESSION_DIMENSION: {
		struct fo_range *r = (d->id == P_WIDTH ||
		    d->id == P_INLINE_PROGRESSION_DIMENSION) ? &bx->ipd : &bx->bpd;
		if ((why = S_length(v, em, LA_PCT | LA_AUTO, &l)) != NULL)
			return why;
		if (r == &bx->bpd && d->id == P_HEIGHT &&
		    (p->n->kind == FO_TABLE_ROW || p->n->kind == FO_TABLE_CELL)) {
			/* a row's height is a minimum */
			r->min = l;
			return NULL;
		}
		r->min = r->opt = r->max = l;
		return NULL;
	}
	case P_IPD_MIN: case P_IPD_OPT: case P_IPD_MAX:
	case P_BPD_MIN: case P_BPD_OPT: case P_BPD_MAX: {
		struct fo_range *r = d->id <= P_BPD_MAX ? &bx->bpd : &bx->ipd;
		if ((why = S_length(v, em, LA_PCT | LA_AUTO, &l)) != NULL)
			return why;
		if (d->arg == C_MIN) r->min = l;
		else if (d->arg == C_OPT) r->opt = l;
		else r->max = l;
		return NULL;
	}

	/* breaks and keeps */
	case P_BREAK_BEFORE:
	case P_BREAK_AFTER: {
		static const char *const kw[] = { "auto", "column", "page",
			"even-page", "odd-page", NULL };
		if ((k = S_kw(v, kw)) < 0)
			return "应为 auto、page、even-page、odd-page 或 column";
		if (d->id == P_BREAK_BEFORE)
			bx->break_before = (uint8_t)k;
		else
			bx->break_after = (uint8_t)k;
		return NULL;
	}
	case P_KEEP: {
		int32_t kv;
		struct fo_keep *kp = S_keep_of(p, d->side);
		if (S_keep_value(S_skip(v), &kv) < 0)
			return "应为 auto、always 或正整数";
		kp->page = kp->column = kp->line = kv;
		return NULL;
	}
	case P_KEEP_COMP: {
		int32_t kv;
		struct fo_keep *kp = S_keep_of(p, d->side);
		if (S_keep_value(S_skip(v), &kv) < 0)
			return "应为 auto、always 或正整数";
		if (d->arg == C_PAGE) kp->page = kv;
		else if (d->arg == C_COLUMN) kp->column = kv;
		else kp->line = kv;
		return NULL;
	}

	/* leaders */
	case P_LEADER_PATTERN: {
		static const char *const kw[] = { "space", "rule", "dots",
			"use-content", NULL };
		if ((k = S_kw(v, kw)) < 0)
			return "应为 space、rule、dots 或 use-content";
		in->leader_pattern = (uint8_t)k;
		return NULL;
	}
	case P_LEADER_LENGTH:
		if ((why = S_length(v, em, LA_PCT, &l)) != NULL)
			return why;
		in->leader_length.min = in->leader_length.opt =
		    in->leader_length.max = l;
		return NULL;
	case P_LEADER_LENGTH_COMP:
		if ((why = S_length(v, em, LA_PCT, &l)) != NULL)
			return why;
		if (d->arg == C_MIN) in->leader_length.min = l;
		else if (d->arg == C_OPT) in->leader_length.opt = l;
		else in->leader_length.max = l;
		return NULL;
	case P_RULE_THICKNESS:
		if ((why = S_length(v, em, 0, &l)) != NULL)
			return why;
		in->rule_thickness = l.pt;
		return NULL;
	case P_RULE_STYLE:
		if ((k = S_kw(v, S_bstyles)) < 0 || k == FO_BS_HIDDEN ||
		    k >= FO_BS_INSET)
			return "应为 none、dotted、dashed、solid、double、groove 或 ridge";
		in->rule_style = (uint8_t)k;
		return NULL;

	/* names and references */
	case P_ID:
		if (!*S_skip(v))
			return "id 不能为空";
		p->n->id = S_strdup_val(p, v);
		return NULL;
	case P_MASTER_NAME:
		if (p->n->kind == FO_SIMPLE_PAGE_MASTER)
			p->m.name = S_strdup_val(p, v);
		else if (p->n->kind == FO_PAGE_SEQUENCE_MASTER)
			p->n->u.pm.name = S_strdup_val(p, v);
		return NULL;
	case P_MASTER_REFERENCE:
		if (p->n->kind == FO_PAGE_SEQUENCE)
			p->n->u.seq.master_reference = S_strdup_val(p, v);
		else if (S_master_ref(p->n->kind))
			p->n->u.pm.name = S_strdup_val(p, v);
		return NULL;
	case P_FLOW_NAME:
		if (p->n->kind == FO_FLOW || p->n->kind == FO_STATIC_CONTENT)
			p->n->u.flow_name = S_strdup_val(p, v);
		return NULL;
	case P_REGION_NAME:
		p->r.region_name = S_strdup_val(p, v);
		return NULL;
	case P_REF_ID:
		if (p->n->kind == FO_PAGE_NUMBER_CITATION ||
		    p->n->kind == FO_PAGE_NUMBER_CITATION_LAST)
			p->n->u.ref_id = S_strdup_val(p, v);
		return NULL;
	case P_INTERNAL_DESTINATION:
	case P_EXTERNAL_DESTINATION:
		if (p->n->kind != FO_BASIC_LINK && p->n->kind != FO_BOOKMARK)
			return NULL;
		if (d->id == P_INTERNAL_DESTINATION)
			p->n->u.link.internal = S_strdup_val(p, v);
		else
			p->n->u.link.external = S_strdup_val(p, v);
		return NULL;

	/* pages */
	case P_PAGE_WIDTH:
	case P_PAGE_HEIGHT:
		if (!strcmp(v, "auto") || !strcmp(v, "indefinite"))
			x = d->id == P_PAGE_WIDTH ? A4_W : A4_H;
		else {
			if ((why = S_length(v, em, 0, &l)) != NULL)
				return why;
			if (l.pt < 36)
				return "页面太小，至少 36pt";
			x = l.pt;
		}
		if (d->id == P_PAGE_WIDTH)
			p->m.page_width = x;
		else
			p->m.page_height = x;
		return NULL;
	case P_EXTENT:
		/* a percentage of the page's height (before, after) or width */
		if ((why = S_length(v, em, LA_PCT, &l)) != NULL)
			return why;
		if (l.pt < 0 || l.pct < 0)
			return "不能为负数";
		p->r.extent = l.pt;
		p->r.extent_pct = l.pct;
		return NULL;
	case P_PAGE_POSITION:
	case P_ODD_OR_EVEN:
	case P_BLANK_OR_NOT_BLANK:
	case P_MAXIMUM_REPEATS:
	case P_FORCE_PAGE_COUNT:
	case P_COLUMN_COUNT:
	case P_COLUMN_GAP:
	case P_SPAN:
	case P_MARKER_CLASS_NAME:
	case P_RETRIEVE_CLASS_NAME:
	case P_RETRIEVE_POSITION:
	case P_RETRIEVE_BOUNDARY:
		return S_page_level(p, d, v, em);
	case P_PRECEDENCE:
		if (!strcmp(v, "true")) p->r.precedence = 1;
		else if (!strcmp(v, "false")) p->r.precedence = 0;
		else return "应为 true 或 false";
		return NULL;
	case P_INITIAL_PAGE_NUMBER:
		if (p->n->kind != FO_PAGE_SEQUENCE)
			return NULL;
		if (!strcmp(v, "auto"))
			p->n->u.seq.initial_page_number = FO_PAGE_AUTO;
		else if (!strcmp(v, "auto-odd"))
			p->n->u.seq.initial_page_number = FO_PAGE_AUTO_ODD;
		else if (!strcmp(v, "auto-even"))
			p->n->u.seq.initial_page_number = FO_PAGE_AUTO_EVEN;
		else if (S_int(v, 1, 1000000, &k) == 0)
			p->n->u.seq.initial_page_number = k;
		else
			return "应为 auto 或正整数";
		return NULL;

	/* tables */
	case P_TABLE_LAYOUT:
		if (!strcmp(v, "fixed") || !strcmp(v, "auto")) {
			if (p->n->kind == FO_TABLE)
				p->n->u.table.fixed = v[0] == 'f';
			return NULL;
		}
		return "应为 fixed 或 auto";
	case P_COLUMN_WIDTH:
		x = 0;
		if ((why = S_length_ex(v, em, LA_PCT | LA_AUTO | LA_PROP, NULL,
		    &l, &x)) != NULL)
			return why;
		if (p->n->kind == FO_TABLE_COLUMN) {
			p->n->u.column.width = l;
			p->n->u.column.fixed = l.kind == FO_PROPORTIONAL ? x : 0;
		}
		return NULL;
	case P_COLUMN_NUMBER:
		if (S_int(v, 1, MAX_COUNT, &k) < 0)
			return "应为 1 到 1000 的整数";
		if (p->n->kind == FO_TABLE_COLUMN)
			p->n->u.column.number = k;
		else if (p->n->kind == FO_TABLE_CELL)
			p->n->u.cell.column_number = k;
		return NULL;
	case P_COLS_REPEATED:
		if (S_int(v, 1, MAX_COUNT, &k) < 0)
			return "应为 1 到 1000 的整数";
		if (p->n->kind == FO_TABLE_COLUMN)
			p->n->u.column.repeated = k;
		return NULL;
	case P_COLS_SPANNED:
	case P_ROWS_SPANNED:
		if (S_int(v, 1, MAX_COUNT, &k) < 0)
			return "应为 1 到 1000 的整数";
		if (p->n->kind == FO_TABLE_CELL) {
			if (d->id == P_COLS_SPANNED)
				p->n->u.cell.cols_spanned = k;
			else
				p->n->u.cell.rows_spanned = k;
		}
		return NULL;

	/* lists, decorations, shifts, positions */
	case P_PDBS:
	case P_PLS:
		if ((why = S_length(v, em, LA_PCT | LA_NEG, &l)) != NULL)
			return why;
		if (d->id == P_PDBS)
			in->pdbs = l;
		else
			in->pls = l;
		return NULL;
	case P_TEXT_DECORATION:
		return S_text_decoration(v, &in->text_decoration);
	case P_BASELINE_SHIFT:
	case P_VERTICAL_ALIGN:
		return S_shift(p, d->id == P_VERTICAL_ALIGN, v);
	case P_ABSOLUTE_POSITION: {
		static const char *const kw[] = { "auto", "absolute", "fixed",
			NULL };
		if ((k = S_kw(v, kw)) < 0)
			return "应为 auto、absolute 或 fixed";
		if (k != FO_ABS_AUTO && p->n->kind != FO_BLOCK_CONTAINER)
			return "只用于 fo:block-container";
		p->ct.abs = (uint8_t)k;
		return NULL;
	}
	case P_OFFSET: {
		struct fo_len *o = d->side == FO_BEFORE ? &p->ct.top :
		    d->side == FO_AFTER ? &p->ct.bottom :
		    d->side == FO_START ? &p->ct.left : &p->ct.right;
		if ((why = S_length(v, em, LA_PCT | LA_NEG | LA_AUTO, &l)) != NULL)
			return why;
		*o = l;
		return NULL;
	}
	case P_REF_ORIENTATION:
		if (S_int(v, -270, 270, &k) < 0 || k % 90 != 0)
			return "应为 0、90、180、270、-90、-180 或 -270";
		/* block-containers and pages are turned; regions are not */
		if (k != 0 && p->n->kind != FO_BLOCK_CONTAINER &&
		    p->n->kind != FO_SIMPLE_PAGE_MASTER)
			return "";
		p->ct.turns = (uint8_t)(((k / 90) % 4 + 4) % 4);
		p->m.turns = p->ct.turns;
		return NULL;

	/* graphics */
	case P_SRC:
		if (!*S_skip(v))
			return "src 不能为空";
		p->g.src = S_src(p, v);
		return NULL;
	case P_CONTENT_WIDTH:
	case P_CONTENT_HEIGHT:
		if ((why = S_length(v, em, LA_PCT | LA_AUTO | LA_FIT, &l)) != NULL)
			return why;
		if (d->id == P_CONTENT_WIDTH)
			p->g.content_width = l;
		else
			p->g.content_height = l;
		return NULL;
	case P_SCALING:
		if (!strcmp(v, "uniform")) p->g.uniform = 1;
		else if (!strcmp(v, "non-uniform")) p->g.uniform = 0;
		else return "应为 uniform 或 non-uniform";
		return NULL;
	}
	return NULL;
}

/* ---- one element ---- */

static int
S_ref_area(int kind)
{
	return kind == FO_BLOCK_CONTAINER || kind == FO_TABLE_CELL ||
	    (kind >= FO_REGION_BODY && kind <= FO_REGION_END);
}

static int
S_block_level(int kind)
{
	return kind == FO_BLOCK || kind == FO_BLOCK_CONTAINER ||
	    kind == FO_TABLE || kind == FO_TABLE_CELL ||
	    kind == FO_LIST_BLOCK || kind == FO_LIST_ITEM;
}

static struct fo_len
S_len_add(struct fo_len a, struct fo_len b)
{
	if (b.kind == FO_LEN) {
		a.pt += b.pt;
		a.pct += b.pct;
	}
	return a;
}

static struct fo_len
S_pt(double v)
{
	struct fo_len l;
	memset(&l, 0, sizeof l);
	l.pt = v;
	l.kind = FO_LEN;
	return l;
}

static void
S_range_fix(struct fo_range *r)
{
	/* only .optimum given: min and max follow it */
	if (r->opt.kind == FO_LEN && r->min.kind == FO_LEN &&
	    r->min.pt > r->opt.pt && r->min.pct == 0 && r->opt.pct == 0)
		r->min = r->opt;
	if (r->opt.kind == FO_LEN && r->max.kind == FO_LEN &&
	    r->max.pt < r->opt.pt && r->max.pct == 0 && r->opt.pct == 0)
		r->max = r->opt;
}

/* Order of attributes: by prio, then document order. */
struct pattr {
	const struct pdef *d;
	const char	*name;
	const char	*value;
};

#define MAX_ATTRS 128

void
fo_props_compute(struct fo_ctx *c, struct fo_node *n, xmlNode *el,
    const struct fo_node *parent)
{
	struct ps *p, ps_store;
	struct pattr at[MAX_ATTRS];
	xmlChar *vals[MAX_ATTRS];
	int nat = 0, inh_touched = 0, box_touched = 0;
	int kind = n->kind;

	p = &ps_store;
	p->c = c;
	p->n = n;
	p->el = el;
	p->pin = parent ? parent->inh : NULL;
	memcpy(&p->in, parent ? parent->inh : c->inh_initial, sizeof p->in);
	memcpy(&p->bx, &fo_box_initial, sizeof p->bx);
	p->margin_set = p->margin_explicit = p->start_set = p->end_set = 0;
	p->lh_set = p->space_set = 0;
	memset(p->margin, 0, sizeof p->margin);
	memset(&p->m, 0, sizeof p->m);
	memset(&p->r, 0, sizeof p->r);
	p->r.column_count = 1;
	p->r.column_gap = 12;
	memset(&p->g, 0, sizeof p->g);
	p->m.page_width = A4_W;
	p->m.page_height = A4_H;
	p->g.uniform = 1;
	p->g.content_width.kind = p->g.content_height.kind = FO_AUTO;
	p->ct = fo_container_initial;
	p->shift = 0;
	p->shift_set = 0;
	switch (kind) {
	case FO_TABLE_COLUMN:
		n->u.column.width.kind = FO_AUTO;
		n->u.column.repeated = 1;
		break;
	case FO_TABLE_CELL:
		n->u.cell.cols_spanned = n->u.cell.rows_spanned = 1;
		break;
	case FO_PAGE_SEQUENCE:
		n->u.seq.initial_page_number = FO_PAGE_AUTO;
		break;
	case FO_REPEATABLE_PAGE_MASTER_REFERENCE:
	case FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES:
		n->u.pm.max_repeats = FO_REPEATS_NO_LIMIT;
		break;
	default:
		break;
	}

	/* Collect the attributes. */
	for (xmlAttr *a = el->properties; a; a = a->next) {
		const char *name = (const char *)a->name;
		const struct pdef *d;

		if (a->ns) {
			/* xml:lang is lang; wsdoc's namespace has its own
			 * properties; other namespaces are not ours */
			if (a->ns->prefix && !strcmp((const char *)a->ns->prefix, "xml") &&
			    !strcmp(name, "lang")) {
				d = S_pdef("language");
			} else if (a->ns->href && !strcmp((const char *)a->ns->href,
			    "urn:x-wsdoc:fo") && !strcmp(name, "text-autospace")) {
				d = S_pdef("ws:text-autospace");
			} else
				continue;
		} else if ((d = fo_cache_get(c->attr_cache, 512, name)) == NULL &&
		    (d = S_pdef(name)) != NULL) {
			fo_cache_put(c->attr_cache, 512, name, d);
		}
		if (d == NULL) {
			if (fo_once(c, "prop", name, fo_kind_name(kind)))
				diag_node(W_FO_PROPERTY, el, fo_kind_name(kind), name);
			continue;
		}
		if (nat == MAX_ATTRS)
			break;
		at[nat].d = d;
		at[nat].name = name;
		if (a->children && a->children->type == XML_TEXT_NODE &&
		    a->children->next == NULL) {
			vals[nat] = NULL;	/* the usual case: no copy */
			at[nat].value = (const char *)a->children->content;
		} else {
			vals[nat] = xmlNodeGetContent((xmlNode *)a);
			at[nat].value = vals[nat] ? (const char *)vals[nat] : "";
		}
		nat++;
	}
	/* Stable order by priority (few attributes: insertion sort). */
	for (int i = 1; i < nat; i++) {
		struct pattr t = at[i];
		xmlChar *tv = vals[i];
		int j = i;
		for (; j > 0 && at[j - 1].d->prio > t.d->prio; j--) {
			at[j] = at[j - 1];
			vals[j] = vals[j - 1];
		}
		at[j] = t;
		vals[j] = tv;
	}
	for (int i = 0; i < nat; i++) {
		const char *v = at[i].value, *why;
		char *trim = NULL;
		size_t len;

		/* trim surrounding white space */
		v = S_skip(v);
		len = strlen(v);
		if (len && (v[len - 1] == ' ' || v[len - 1] == '\t' ||
		    v[len - 1] == '\n' || v[len - 1] == '\r')) {
			trim = xstrdup(v);
			while (len && (trim[len - 1] == ' ' || trim[len - 1] == '\t'
			    || trim[len - 1] == '\n' || trim[len - 1] == '\r'))
				trim[--len] = '\0';
			v = trim;
		}
		if (!strcmp(v, "inherit") && at[i].d->id != P_ID) {
			/* inherited properties already hold the parent's value;
			 * the others keep their initial one */
		} else if ((why = S_apply(p, at[i].d, v)) != NULL) {
			if (*why == '\0') {
				if (fo_once(c, "prop", at[i].name, fo_kind_name(kind)))
					diag_node(W_FO_PROPERTY, el,
					    fo_kind_name(kind), at[i].name);
			}
			else
				S_bad(p, at[i].name, v, why);
		}
		free(trim);
		if (vals[i])
			xmlFree(vals[i]);
	}

	/* Dependent values. */
	if (S_block_level(kind) || kind == FO_LIST_ITEM_LABEL ||
	    kind == FO_LIST_ITEM_BODY)
		p->in.baseline_shift = 0;	/* a new line area */
	if (p->shift_set)
		p->in.baseline_shift += p->shift;
	if (p->in.line_height_factor > 0)
		p->in.line_height = p->in.line_height_factor * p->in.font_size;
	for (int i = 0; i < 4; i++) {
		struct fo_border *b = &p->bx.border[i];
		if (b->style == FO_BS_NONE || b->style == FO_BS_HIDDEN)
			b->width = 0;
	}
	S_range_fix(&p->bx.space_before.r);
	S_range_fix(&p->bx.space_after.r);
	S_range_fix(&p->in.leader_length);

	/* Margins: of the page master and region-body they are the
	 * geometry; on block-level objects they are the corresponding
	 * space-before/after (retained, as margins are in CSS) and start/end
	 * indents (XSL 1.1 §5.3.2). */
	if (kind == FO_SIMPLE_PAGE_MASTER || kind == FO_REGION_BODY) {
		struct fo_len *dst = kind == FO_SIMPLE_PAGE_MASTER ? p->m.margin :
		    p->r.margin;
		for (int i = 0; i < 4; i++)
			if (p->margin_set & (1u << i))
				dst[i] = p->margin[i].kind == FO_LEN ?
				    p->margin[i] : S_pt(0);
		if (kind == FO_REGION_BODY) {
			/* the relative forms, where no margin says otherwise */
			if (!(p->margin_set & 1) && p->bx.space_before.r.opt.pt)
				dst[FO_BEFORE] = p->bx.space_before.r.opt;
			if (!(p->margin_set & 2) && p->bx.space_after.r.opt.pt)
				dst[FO_AFTER] = p->bx.space_after.r.opt;
			if (!(p->margin_set & 4) && p->start_set)
				dst[FO_START] = p->in.start_indent;
			if (!(p->margin_set & 8) && p->end_set)
				dst[FO_END] = p->in.end_indent;
		}
		/* the page's indents do not flow into the content */
		if (p->start_set || p->end_set) {
			p->in.start_indent = p->pin ? p->pin->start_indent : S_pt(0);
			p->in.end_indent = p->pin ? p->pin->end_indent : S_pt(0);
		}
	} else if (S_block_level(kind) && p->margin_set) {
		static const int sides[2] = { FO_START, FO_END };
		for (int s = 0; s < 2; s++) {
			int side = sides[s];
			struct fo_len *ind = side == FO_START ?
			    &p->in.start_indent : &p->in.end_indent;
			struct fo_len v;
			/* a margin, even from the shorthand, wins over an
			 * explicit start-indent (§5.3.2; FOP does the same) */
			if (!(p->margin_set & (1u << side)))
				continue;
			v = S_ref_area(kind) ? S_pt(0) : (p->pin ? (side == FO_START ?
			    p->pin->start_indent : p->pin->end_indent) : S_pt(0));
			v = S_len_add(v, p->margin[side]);
			v = S_len_add(v, p->bx.padding[side]);
			v.pt += p->bx.border[side].width;
			*ind = v;
		}
		for (int side = FO_BEFORE; side <= FO_AFTER; side++) {
			struct fo_space *sp = side == FO_BEFORE ?
			    &p->bx.space_before : &p->bx.space_after;
			struct fo_len m = p->margin[side];
			if (!(p->margin_set & (1u << side)))
				continue;
			/* margin-top wins over space-before; the margin
			 * shorthand does not */
			if ((p->space_set & (side == FO_BEFORE ? 1 : 2)) &&
			    !(p->margin_explicit & (1u << side)))
				continue;
			if (m.kind != FO_LEN)
				m = S_pt(0);
			m.pct = 0;	/* no percentages in spaces */
			sp->r.min = sp->r.opt = sp->r.max = m;
			sp->retain = 1;
		}
	}

	/* An indent given on a child of a block-container counts from the
	 * container's content edge (XSL 1.1 §5.3.2), where the layout
	 * measures the children's indents from the container's own
	 * (lay_child_base): that is added here, so start-indent="0pt" puts
	 * the child at the container's edge, not at its parent's. */
	if (parent != NULL && parent->kind == FO_BLOCK_CONTAINER &&
	    p->pin != NULL && S_block_level(kind)) {
		if (p->start_set && !(p->margin_set & (1u << FO_START)))
			p->in.start_indent = S_len_add(p->in.start_indent,
			    p->pin->start_indent);
		if (p->end_set && !(p->margin_set & (1u << FO_END)))
			p->in.end_indent = S_len_add(p->in.end_indent,
			    p->pin->end_indent);
	}

	/* Kind-specific parts. */
	switch (kind) {
	case FO_SIMPLE_PAGE_MASTER: {
		struct fo_master *m = fo_alloc(c->tree, sizeof *m);
		*m = p->m;
		if (m->name == NULL)
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "master-name");
		n->u.master = m;
		break;
	}
	case FO_REGION_BODY: case FO_REGION_BEFORE: case FO_REGION_AFTER:
	case FO_REGION_START: case FO_REGION_END: {
		static const char *const def[] = { "xsl-region-body",
			"xsl-region-before", "xsl-region-after",
			"xsl-region-start", "xsl-region-end" };
		struct fo_region *r = fo_alloc(c->tree, sizeof *r);
		*r = p->r;
		if (r->region_name == NULL)
			r->region_name = def[kind - FO_REGION_BODY];
		n->u.region = r;
		break;
	}
	case FO_EXTERNAL_GRAPHIC: {
		struct fo_graphic *g = fo_alloc(c->tree, sizeof *g);
		*g = p->g;
		if (g->src == NULL)
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "src");
		n->u.graphic = g;
		break;
	}
	case FO_PAGE_SEQUENCE:
		if (n->u.seq.master_reference == NULL)
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "master-reference");
		break;
	case FO_PAGE_SEQUENCE_MASTER:
		if (n->u.pm.name == NULL)
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "master-name");
		break;
	case FO_MARKER:
		if (n->u.marker.cls == NULL)
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "marker-class-name");
		break;
	case FO_RETRIEVE_MARKER:
		if (n->u.marker.cls == NULL)
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "retrieve-class-name");
		break;
	case FO_SINGLE_PAGE_MASTER_REFERENCE:
	case FO_REPEATABLE_PAGE_MASTER_REFERENCE:
	case FO_CONDITIONAL_PAGE_MASTER_REFERENCE:
		if (n->u.pm.name == NULL)
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "master-reference");
		break;
	case FO_FLOW:
	case FO_STATIC_CONTENT:
		if (n->u.flow_name == NULL) {
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "flow-name");
			n->u.flow_name = kind == FO_FLOW ? "xsl-region-body" : "";
		}
		break;
	case FO_PAGE_NUMBER_CITATION:
	case FO_PAGE_NUMBER_CITATION_LAST:
		if (n->u.ref_id == NULL)
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "ref-id");
		break;
	case FO_TABLE_COLUMN:
		/* column-number: given, or the previous column's next */
		if (n->u.column.number == 0) {
			int next = 1;
			for (struct fo_node *s = parent ? parent->first : NULL;
			    s && s != n; s = s->next)
				if (s->kind == FO_TABLE_COLUMN)
					next = s->u.column.number + s->u.column.repeated;
			n->u.column.number = next;
		}
		break;
	case FO_BLOCK_CONTAINER:
		if (memcmp(&p->ct, &fo_container_initial, sizeof p->ct) == 0)
			n->u.container = &fo_container_initial;
		else {
			struct fo_container *ct = fo_alloc(c->tree, sizeof *ct);
			*ct = p->ct;
			n->u.container = ct;
		}
		break;
	default:
		break;
	}

	/* Share the groups. */
	inh_touched = memcmp(&p->in, p->pin ? p->pin : c->inh_initial,
	    sizeof p->in) != 0;
	box_touched = memcmp(&p->bx, &fo_box_initial, sizeof p->bx) != 0;
	n->inh = inh_touched ? S_intern(c, c->inh_set, &p->in) :
	    (p->pin ? p->pin : c->inh_initial);
	n->box = box_touched ? S_intern(c, c->box_set, &p->bx) : &fo_box_initial;
}
