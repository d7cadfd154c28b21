/* fo_prop_int.h — the computation of properties, shared by its files.
 * For fo_prop.c, fo_prop_table.c, fo_value.c, fo_apply.c and
 * fo_apply_kind.c only; the rest of src/fo/ sees fo_int.h.
 *
 * The files, in the order one attribute goes through them:
 *   fo_prop.c        one element (fo_props_compute): the attributes in
 *                    order, dependent values, margins into indents and
 *                    spaces, kind-specific parts; XSL 1.1 initial values;
 *                    identical groups stored once (interning)
 *   fo_prop_table.c  the table of property names (fo_pdef_find)
 *   fo_apply.c       one property applied (fo_apply): fonts, text, spaces
 *                    and margins, padding and borders, dimensions, keeps,
 *                    leaders, lists, shifts, positions
 *   fo_apply_kind.c  the properties that fill one kind's own part: names
 *                    and references, pages and regions, tables, graphics
 *   fo_value.c       the values: lengths (through fo_expr.c), colours
 *                    (fo_color.c for the names), keywords, integers,
 *                    borders, keeps, font families, src */
#ifndef WSDOC_FO_PROP_INT_H
#define WSDOC_FO_PROP_INT_H

#include <stdint.h>

#include <libxml/tree.h>

#include "fo.h"
#include "fo_expr.h"
#include "fo_int.h"

#define A4_W	595.2756
#define A4_H	841.8898
#define MAX_PT	14400.0		/* 200 inches: beyond is absurd */
#define MAX_PCT	1000.0
#define MAX_COUNT 1000		/* spans, repeats, column numbers */

/* ---- the properties (fo_prop_table.c) ---- */

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
	P_PADDING_SIDE, P_PADDING_COND, P_PAGE_BREAK, P_PAGE_HEIGHT, P_PAGE_WIDTH,
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

struct fo_pdef {
	const char	*name;
	uint8_t		 id;		/* enum pid */
	uint8_t		 prio;		/* enum prio */
	int8_t		 side;		/* enum fo_side, or which keep */
	int8_t		 arg;		/* component */
	const char	*initial;	/* P_DEFAULT_ONLY: the accepted value */
};

/* The definition of a property by its name (an attribute's local name,
 * or "ws:text-autospace"); NULL if it is none. */
const struct fo_pdef *fo_pdef_find(const char *name);

/* ---- one element (fo_prop.c) ---- */

/* State of one element's computation. */
struct fo_pstate {
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

/* An interned copy of s[0..len) (equal strings, equal pointers), kept
 * with the tree. */
const char *fo_str_intern(struct fo_ctx *c, const char *s, size_t len);

/* ---- applying one property (fo_apply.c, fo_apply_kind.c) ---- */

/* Apply property d with value v (trimmed, not "inherit") to p.  Returns
 * NULL, or why the value is not usable ("" when the property is not
 * supported there). */
const char *fo_apply(struct fo_pstate *p, const struct fo_pdef *d,
	    const char *v);
/* The same for names and references, pages and regions, tables and
 * graphics; em is the font size the lengths count from. */
const char *fo_apply_kind(struct fo_pstate *p, const struct fo_pdef *d,
	    const char *v, double em);

/* ---- values (fo_value.c) ---- */

/* Past spaces, tabs and line ends. */
const char *fo_skip(const char *s);
/* A decimal number with an optional sign, *sp moved past it; -1 if none. */
int	fo_number(const char **sp, double *v);

/* Flags for fo_length. */
#define LA_PCT	0x01	/* a percentage is allowed */
#define LA_AUTO	0x02	/* "auto" */
#define LA_NEG	0x04	/* negative values */
#define LA_PROP	0x08	/* proportional-column-width() */
#define LA_FIT	0x10	/* scale-to-fit (and scale-down/up-to-fit) */
#define LA_NUM	0x20	/* a bare number is allowed (returned in pt) */

/* A length (see fo_value.c); NULL if fine, else why not. */
const char *fo_length_ex(const char *s, double em_base, unsigned allow,
	    const struct fo_expr_env *list, struct fo_len *out, double *fixed);
const char *fo_length(const char *s, double em_base, unsigned allow,
	    struct fo_len *out);
/* At most 4 space-separated words (outside parentheses): the count, or
 * -1 if more. */
int	fo_words(const char *s, char w[4][64]);
/* The word each side takes from n words (CSS top right bottom left). */
void	fo_four(int n, int idx[4]);
/* A colour: a name, #rgb, #rrggbb, rgb(); -1 if it is none. */
int	fo_color_parse(const char *s, uint32_t *out);
/* Index of s in a NULL-terminated list of keywords, or -1. */
int	fo_kw(const char *s, const char *const *list);
/* The border styles, in enum fo_bstyle order. */
extern const char *const fo_bstyles[];
/* A whole number from min to max; -1 if it is none. */
int	fo_integer(const char *s, int min, int max, int *out);
/* thin, medium, thick or a length, in pt; -1 if none. */
int	fo_border_width(const char *s, double em, double *out);
/* border, border-top …: width, style and colour into *b; -1 if bad. */
int	fo_border_short(struct fo_pstate *p, const char *v,
	    struct fo_border *b);
/* auto, always or a positive integer; -1 if none. */
int	fo_keep_value(const char *s, int32_t *out);
/* v without the spaces around it, kept with the tree. */
const char *fo_strdup_val(struct fo_pstate *p, const char *v);
/* font-family's names, interned; NULL if there are none. */
const char *fo_family(struct fo_pstate *p, const char *v);
/* src: the file's path (against the FO file's folder), a data: URI or a
 * URL, kept with the tree. */
const char *fo_src(struct fo_pstate *p, const char *v);
/* label-end() and body-start() inside a list-block, in *env; NULL
 * outside one. */
const struct fo_expr_env *fo_list_env(struct fo_pstate *p,
	    struct fo_expr_env *env);
/* text-decoration into *bits; NULL if fine, else why not. */
const char *fo_text_decoration(const char *v, uint8_t *bits);

#endif
