/* fo.h — the XSL-FO reader: an FO document (the subset of docs/fo-subset.md)
 * as a tree of nodes carrying their COMPUTED properties (XSL 1.1 initial
 * values, inheritance, shorthands, corresponding properties, units).
 * For the layout engine (src/layout) and the fo command only.
 *
 * Conventions:
 * - Lengths are points.  em is resolved here from the font-size; px is
 *   1/96 in.  Percentages that need the containing block (widths, indents,
 *   padding, text-indent, page-master margins) are kept as a percentage in
 *   struct fo_len and resolved by the layout with fo_len_resolve().
 *   font-size and line-height are always absolute here.
 * - Writing mode is lr-tb: before = top, after = bottom, start = left,
 *   end = right.  Absolute properties (margin-left, border-top …) are
 *   mapped onto the relative ones; only the relative ones are stored.
 * - A value the reader cannot use is a warning with its FO line and the
 *   property keeps its initial (or inherited) value.
 * - Property groups are shared, never copied per node: a node that sets no
 *   inherited property points at its parent's fo_inh, and identical
 *   groups are stored once (a 10 000-row table of identical cells holds one
 *   fo_box).  They are read-only.
 * - Everything (nodes, groups, strings) lives in the tree's arena and is
 *   freed at once by fo_tree_free().
 *
 * Text: character data is refined here (XSL 1.1 §4.7.2 / §7.16), so the
 * layout never sees source whitespace:
 * - linefeed-treatment: treat-as-space → U+0020, ignore → removed,
 *   preserve → U+000A kept, treat-as-zero-width-space → U+200B;
 * - tabs and CRs are spaces; with white-space-collapse="true" a run of
 *   spaces (across inline boundaries) becomes one;
 * - white-space-treatment (ignore-if-surrounding-linefeed by default):
 *   spaces next to a preserved linefeed, at the start and end of a block
 *   and next to a nested block boundary are removed;
 * - text outside block-level inline content (in a flow, a table, a row …)
 *   is dropped: whitespace silently, anything else with a warning;
 * - FO_TEXT nodes that end up empty are not in the tree.
 * What remains for the layout: a U+0020 at which a line breaks is
 * suppressed (suppress-at-line-break="auto"); a preserved U+000A forces a
 * line break (one at the very end of a block just ends its last line).
 *
 * Indents are computed as XSL 1.1 §5.3.2 says: start-indent is inherited
 * and counts from the content edge of the nearest reference area (region,
 * block-container, table-cell), so the blocks inside a cell inherit the
 * start-indent of the blocks around the table.  (The layout measures them
 * from the reference area's own start-indent, so that inherited part is
 * not applied twice.)  margin-left/right on a block-level object give
 * start/end-indent = inherited + margin + padding + border (without the
 * inherited part on a block-container or table-cell), and win over a
 * start/end-indent given with them, as in FOP.  margin-top/bottom give
 * space-before/after (min = opt = max, conditionality retain); an explicit
 * margin-top wins over space-before, the margin shorthand does not.  An
 * explicit absolute property wins over its relative twin (border-top-width
 * over border-before-width, width over inline-progression-dimension). */
#ifndef WSDOC_FO_H
#define WSDOC_FO_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

enum fo_kind {
	FO_TEXT = 0,			/* character data (u.text) */
	FO_ROOT,
	FO_LAYOUT_MASTER_SET,
	FO_SIMPLE_PAGE_MASTER,		/* u.master */
	FO_REGION_BODY,			/* u.region */
	FO_REGION_BEFORE,
	FO_REGION_AFTER,
	FO_REGION_START,
	FO_REGION_END,
	FO_PAGE_SEQUENCE_MASTER,	/* u.pm (name: master-name) */
	FO_SINGLE_PAGE_MASTER_REFERENCE,	/* u.pm (name: master-reference) */
	FO_REPEATABLE_PAGE_MASTER_REFERENCE,	/* u.pm */
	FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES,	/* u.pm (maximum-repeats) */
	FO_CONDITIONAL_PAGE_MASTER_REFERENCE,	/* u.pm */
	FO_PAGE_SEQUENCE,		/* u.seq */
	FO_FLOW,			/* u.flow_name */
	FO_STATIC_CONTENT,		/* u.flow_name */
	FO_BLOCK,
	FO_BLOCK_CONTAINER,
	FO_INLINE,
	FO_WRAPPER,
	FO_TABLE,			/* u.table */
	FO_TABLE_COLUMN,		/* u.column */
	FO_TABLE_HEADER,
	FO_TABLE_BODY,
	FO_TABLE_FOOTER,
	FO_TABLE_ROW,
	FO_TABLE_CELL,			/* u.cell */
	FO_LEADER,			/* leader properties in fo_inh */
	FO_PAGE_NUMBER,
	FO_PAGE_NUMBER_CITATION,	/* u.ref_id */
	FO_PAGE_NUMBER_CITATION_LAST,	/* u.ref_id */
	FO_EXTERNAL_GRAPHIC,		/* u.graphic */
	FO_BASIC_LINK,			/* u.link */
	FO_MARKER,			/* u.marker: its class; its children
					   are laid out where retrieved */
	FO_RETRIEVE_MARKER,		/* u.marker */
	FO_FOOTNOTE,			/* an inline, then a footnote-body */
	FO_FOOTNOTE_BODY,
	FO_BOOKMARK_TREE,
	FO_BOOKMARK,			/* u.link (internal-destination) */
	FO_BOOKMARK_TITLE,
	FO_LIST_BLOCK,
	FO_LIST_ITEM,
	FO_LIST_ITEM_LABEL,
	FO_LIST_ITEM_BODY,
	FO_KIND__COUNT
};

/* A length.  FO_LEN: pt + pct% of the base the property refers to (the
 * containing block's width for indents, widths and padding; the page for
 * page-master margins); pct is 0 for plain lengths.  FO_AUTO: "auto" (or
 * none given where auto is the initial value).  FO_PROPORTIONAL:
 * proportional-column-width(N), N in pt (table-column only).
 * FO_SCALE_TO_FIT: content-width/height="scale-to-fit". */
enum fo_len_kind { FO_LEN = 0, FO_AUTO, FO_PROPORTIONAL, FO_SCALE_TO_FIT };
struct fo_len {
	double		 pt;
	float		 pct;		/* percent: 50 = 50% */
	int32_t		 kind;		/* enum fo_len_kind */
};

/* pt + pct% of base; 0 for auto. */
static inline double
fo_len_resolve(struct fo_len l, double base)
{
	return l.kind == FO_LEN ? l.pt + l.pct * base / 100.0 : 0.0;
}

/* A min/optimum/max triple: space-before, inline-/block-progression-
 * dimension, leader-length. */
struct fo_range {
	struct fo_len	 min, opt, max;
};

enum fo_side { FO_BEFORE = 0, FO_AFTER, FO_START, FO_END };

enum fo_border_style {
	FO_BS_NONE = 0, FO_BS_HIDDEN, FO_BS_DOTTED, FO_BS_DASHED, FO_BS_SOLID,
	FO_BS_DOUBLE, FO_BS_GROOVE, FO_BS_RIDGE, FO_BS_INSET, FO_BS_OUTSET
};

/* A border side.  width is 0 whenever style is none or hidden (XSL: the
 * computed width of an invisible border is 0), so width > 0 means drawn. */
struct fo_border {
	double		 width;
	uint32_t	 color;		/* 0xRRGGBB */
	uint16_t	 style;		/* enum fo_border_style */
	uint16_t	 retain;	/* .conditionality="retain" */
};

#define FO_TRANSPARENT	0xFFFFFFFFu	/* background-color="transparent" */

enum fo_align {
	FO_ALIGN_START = 0, FO_ALIGN_CENTER, FO_ALIGN_END, FO_ALIGN_JUSTIFY,
	FO_ALIGN_RELATIVE		/* text-align-last only (its initial) */
};
enum fo_display_align {
	FO_DALIGN_AUTO = 0, FO_DALIGN_BEFORE, FO_DALIGN_CENTER, FO_DALIGN_AFTER
};
enum fo_break {
	FO_BREAK_AUTO = 0, FO_BREAK_COLUMN, FO_BREAK_PAGE,
	FO_BREAK_EVEN_PAGE, FO_BREAK_ODD_PAGE
};
enum fo_linefeed {
	FO_LF_TREAT_AS_SPACE = 0, FO_LF_IGNORE, FO_LF_PRESERVE,
	FO_LF_TREAT_AS_ZWSP
};
enum fo_ws_treatment {
	FO_WST_IGNORE_IF_SURROUNDING_LF = 0, FO_WST_IGNORE,
	FO_WST_PRESERVE, FO_WST_IGNORE_BEFORE_LF, FO_WST_IGNORE_AFTER_LF
};
enum fo_leader_pattern {
	FO_LP_SPACE = 0, FO_LP_RULE, FO_LP_DOTS, FO_LP_USE_CONTENT
};

/* Keep strength of one component: FO_KEEP_AUTO, a positive integer, or
 * FO_KEEP_ALWAYS. */
#define FO_KEEP_AUTO	0
#define FO_KEEP_ALWAYS	INT32_MAX
struct fo_keep {
	int32_t		 page, column, line;	/* .within-page … */
};

/* space-before/after: the range plus .conditionality. */
struct fo_space {
	struct fo_range	 r;		/* pct is always 0 here */
	uint32_t	 retain;	/* .conditionality="retain" */
	int32_t		 precedence;	/* .precedence; INT32_MAX = force */
};

/* Inherited properties (XSL 1.1 "Inherited: yes"), computed.  (No
 * implicit padding: groups are compared bytewise to share them.) */
struct fo_inh {
	const char	*font_family;	/* the list as written, quotes removed,
					   ", "-separated: for font_set_get() */
	const char	*lang;		/* "zh" … or NULL */
	double		 font_size;	/* pt */
	double		 line_height;	/* pt; "normal" = 1.2 × font-size */
	double		 line_height_factor; /* > 0 if given as a number (or
					   normal): descendants recompute */
	double		 letter_spacing; /* pt, "normal" = 0 */
	double		 border_separation; /* pt (separate model), between
					   columns; border_separation_bpd
					   between rows */
	double		 border_separation_bpd;
	double		 rule_thickness;	/* leader: pt, initial 1 */
	struct fo_len	 text_indent;	/* pct of the containing block */
	struct fo_len	 start_indent;	/* from the start edge of the reference
					   area (margins/borders/padding of
					   the ancestors included, XSL §5.3.2) */
	struct fo_len	 end_indent;
	struct fo_range	 leader_length;	/* initial 0pt / 12pt / 100% */
	/* list-block: provisional-distance-between-starts (initial 24pt) and
	 * provisional-label-separation (6pt); label-end() and body-start()
	 * are computed from them by the reader */
	struct fo_len	 pdbs, pls;
	/* baseline-shift of the text, cumulated over the nested inlines (pt,
	 * up is positive); 0 again in every block */
	double		 baseline_shift;
	struct fo_keep	 keep_together;	/* inherited in XSL 1.1 */
	uint32_t	 color;
	uint16_t	 font_weight;	/* 100 … 900; bold = 700 */
	uint8_t		 italic;	/* font-style italic/oblique/backslant */
	uint8_t		 text_align;	/* enum fo_align (never RELATIVE) */
	uint8_t		 text_align_last; /* enum fo_align; see fo_align_last */
	uint8_t		 display_align;	/* enum fo_display_align */
	uint8_t		 linefeed;	/* enum fo_linefeed */
	uint8_t		 ws_treatment;	/* enum fo_ws_treatment */
	uint8_t		 ws_collapse;	/* white-space-collapse, 1 = true */
	uint8_t		 wrap;		/* wrap-option, 1 = wrap, 0 = no-wrap */
	uint8_t		 widows, orphans;	/* initial 2 */
	uint8_t		 border_collapse; /* 1 = collapse (initial), 0 = separate */
	uint8_t		 leader_pattern;	/* enum fo_leader_pattern */
	uint8_t		 rule_style;	/* leader: enum fo_border_style, solid */
	/* text-decoration: FO_TD_* bits, propagated to the inline content
	 * (XSL 7.17.4: not inherited, but applies to all the descendants'
	 * text); no-underline … clear a bit */
	uint8_t		 text_decoration;
	uint8_t		 autospace;	/* ws:text-autospace: the space between a
					   hanzi and a Latin letter or digit, in
					   240ths of an em; 0 none, initial 60 */
	uint8_t		 pad_[7];
};

#define FO_TD_UNDERLINE		0x01
#define FO_TD_OVERLINE		0x02
#define FO_TD_LINE_THROUGH	0x04

/* The computed text-align-last of a node. */
static inline int
fo_align_last(const struct fo_inh *in)
{
	if (in->text_align_last != FO_ALIGN_RELATIVE)
		return in->text_align_last;
	return in->text_align == FO_ALIGN_JUSTIFY ? FO_ALIGN_START : in->text_align;
}

/* Properties that are not inherited, computed.  Nodes that set none point
 * at fo_box_initial. */
struct fo_box {
	struct fo_space	 space_before, space_after; /* margin-top/bottom too */
	struct fo_len	 padding[4];	/* by enum fo_side */
	struct fo_border border[4];
	/* width → ipd (min = opt = max), height → bpd; on table-row and
	 * table-cell height gives bpd.min only (a minimum row height). */
	struct fo_range	 ipd, bpd;
	struct fo_keep	 keep_with_next, keep_with_previous;
	uint32_t	 background;	/* 0xRRGGBB or FO_TRANSPARENT */
	uint8_t		 padding_retain[4];
	uint8_t		 break_before, break_after;	/* enum fo_break */
	uint8_t		 span;		/* span="all" */
	uint8_t		 pad_[5];
};
extern const struct fo_box fo_box_initial;

/* simple-page-master. */
struct fo_master {
	const char	*name;		/* master-name */
	double		 page_width, page_height;	/* pt (auto = A4) */
	struct fo_len	 margin[4];	/* by enum fo_side, pct of the page */
	uint8_t		 turns;		/* reference-orientation / 90, 0–3
					   counter-clockwise: the
					   page-reference-area inside the
					   margins is turned */
};

/* region-*.  margins: region-body only (from margin-* / space-* /
 * indents); extent: before/after/start/end only. */
struct fo_region {
	const char	*region_name;	/* default "xsl-region-body" … */
	struct fo_len	 margin[4];
	double		 extent;	/* pt, plus extent_pct */
	float		 extent_pct;	/* % of the page's height (before,
					   after) or width (start, end) */
	int32_t		 column_count;	/* region-body: >= 1 */
	double		 column_gap;	/* pt, initial 12pt */
	uint8_t		 precedence;	/* 1 = true */
};

/* page-position, odd-or-even, blank-or-not-blank of a
 * conditional-page-master-reference; 0 is "any" for each. */
enum fo_page_position {
	FO_PP_ANY = 0, FO_PP_FIRST, FO_PP_LAST, FO_PP_REST, FO_PP_ONLY
};
enum fo_odd_even { FO_OE_ANY = 0, FO_OE_ODD, FO_OE_EVEN };
enum fo_blank { FO_BL_ANY = 0, FO_BL_BLANK, FO_BL_NOT_BLANK };
/* force-page-count */
enum fo_force {
	FO_FORCE_AUTO = 0, FO_FORCE_EVEN, FO_FORCE_ODD, FO_FORCE_END_ON_EVEN,
	FO_FORCE_END_ON_ODD, FO_FORCE_NO_FORCE
};
/* retrieve-position and retrieve-boundary of a retrieve-marker. */
enum fo_retrieve_position {
	FO_RP_FIRST_STARTING = 0, FO_RP_FIRST_INCLUDING_CARRYOVER,
	FO_RP_LAST_STARTING, FO_RP_LAST_ENDING
};
enum fo_retrieve_boundary {
	FO_RB_PAGE_SEQUENCE = 0, FO_RB_PAGE, FO_RB_DOCUMENT
};
#define FO_REPEATS_NO_LIMIT	(-1)	/* maximum-repeats="no-limit" */

#define FO_PAGE_AUTO		(-1)	/* initial-page-number="auto" */
#define FO_PAGE_AUTO_ODD	(-2)
#define FO_PAGE_AUTO_EVEN	(-3)

struct fo_graphic {
	const char	*src;		/* url(…) removed, resolved against the
					   FO file's folder; not checked (an
					   http:// … URL is kept as written) */
	struct fo_len	 content_width, content_height; /* FO_AUTO initial;
					   pct: of the image's own size */
	uint8_t		 uniform;	/* scaling="uniform" (initial) */
};

/* block-container: how it is positioned and turned.  Set on every
 * block-container (fo_container_initial when nothing is said). */
enum fo_abs { FO_ABS_AUTO = 0, FO_ABS_ABSOLUTE, FO_ABS_FIXED };
struct fo_container {
	struct fo_len	 top, left, bottom, right;	/* FO_AUTO if not given;
					   pct of the containing area */
	uint8_t		 abs;		/* enum fo_abs */
	uint8_t		 turns;		/* reference-orientation / 90, 0–3
					   counter-clockwise (90 = 1) */
};
extern const struct fo_container fo_container_initial;

struct fo_node {
	struct fo_node	*parent, *first, *last, *next;	/* children in order */
	const struct fo_inh *inh;	/* never NULL */
	const struct fo_box *box;	/* never NULL; text: fo_box_initial */
	const char	*id;		/* id="…" or NULL */
	int		 line;		/* line in the FO source, 0 if unknown */
	uint8_t		 kind;		/* enum fo_kind */
	union {
		struct {			/* FO_TEXT: refined UTF-8 */
			const char *s;
			size_t	 len;		/* bytes, > 0 */
		} text;
		const struct fo_master *master;
		const struct fo_region *region;
		struct {
			const char *master_reference;
			int32_t	 initial_page_number; /* >= 1 or FO_PAGE_AUTO… */
			int32_t	 force_page_count;	/* enum fo_force */
		} seq;
		struct {			/* page-sequence-master and the
						   references in it */
			const char *name;	/* master-name, master-reference */
			int32_t	 max_repeats;	/* FO_REPEATS_NO_LIMIT or >= 0 */
			uint8_t	 page_position;	/* enum fo_page_position */
			uint8_t	 odd_or_even;	/* enum fo_odd_even */
			uint8_t	 blank;		/* enum fo_blank */
		} pm;
		const char	*flow_name;	/* flow, static-content */
		struct {
			uint8_t	 fixed;	/* 1: table-layout="fixed"; 0: "auto"
					   (initial): columns from the content,
					   src/layout/lay_auto.c */
		} table;
		struct {
			struct fo_len width;	/* column-width; FO_AUTO if none */
			double	 fixed;		/* FO_PROPORTIONAL: the length
						   added to it, pt ("…(1) + 2pt") */
			int32_t	 number;	/* column-number, resolved here */
			int32_t	 repeated;	/* number-columns-repeated >= 1 */
		} column;
		struct {
			int32_t	 column_number;	/* 0 = not given: the layout
						   places the cell */
			int32_t	 cols_spanned, rows_spanned;	/* >= 1 */
			/* wsdoc's extension ws:continued-label="建设方案（续）"
			 * (namespace urn:x-wsdoc:fo): what the cell shows on
			 * the pages a split row continues on once its own
			 * content is done — a copy of the cell holding one
			 * block with the label, styled like the cell's first
			 * block; not among the cell's children.  NULL if
			 * none. */
			const struct fo_node *continued;
		} cell;
		const char	*ref_id;	/* page-number-citation(-last) */
		const struct fo_graphic *graphic;
		/* block-container: absolute-position and reference-orientation */
		const struct fo_container *container;
		struct {			/* marker, retrieve-marker */
			const char *cls;	/* (retrieve-)marker-class-name */
			uint8_t	 position;	/* enum fo_retrieve_position */
			uint8_t	 boundary;	/* enum fo_retrieve_boundary */
		} marker;
		struct {			/* basic-link, bookmark */
			const char *internal;	/* internal-destination */
			const char *external;	/* external-destination */
		} link;
	} u;
};

struct fo_tree {
	struct fo_node	*root;		/* the fo:root element */
	const char	*file;		/* for diagnostics (may be NULL) */
	const char	*dir;		/* the FO file's folder, for src */
	struct fo_arena	*arena;		/* private */
	struct fo_index	*ids;		/* private: id → node */
	size_t		 nnodes;	/* in the tree, plus continued-label
					   stand-ins */
};

/* Read an FO file (through the project's safe XML reader: no network, no
 * external entities).  Returns NULL after a diagnostic when the file
 * cannot be read or is not XML with an fo:root; anything else in it is a
 * warning and the tree is returned.  The caller frees the tree. */
struct fo_tree	*fo_parse_file(const char *path);
/* The same from memory; name is used in diagnostics and for src paths. */
struct fo_tree	*fo_parse_memory(const char *data, size_t len, const char *name);
/* From a document already parsed (the XSLT pipeline's result).  The doc is
 * not kept: it may be freed as soon as this returns. */
struct fo_tree	*fo_from_doc(xmlDocPtr doc);
/* Frees everything without recursion; NULL is fine. */
void		 fo_tree_free(struct fo_tree *tree);

/* The node with id="…", or NULL. */
struct fo_node	*fo_lookup_id(const struct fo_tree *tree, const char *id);
/* The simple-page-master named so, or NULL. */
struct fo_node	*fo_master_get(const struct fo_tree *tree, const char *name);
/* The simple-page-master or page-sequence-master named so, or NULL. */
struct fo_node	*fo_master_any(const struct fo_tree *tree, const char *name);
/* The region child of a simple-page-master of the given kind, or NULL. */
struct fo_node	*fo_master_region(const struct fo_node *master, enum fo_kind kind);
/* The flow or static-content of a page-sequence whose flow-name is name,
 * or NULL. */
struct fo_node	*fo_seq_flow(const struct fo_node *seq, const char *name);

/* "block", "table-cell" … ("#text" for FO_TEXT). */
const char	*fo_kind_name(enum fo_kind kind);

#endif
