/* lay_int.h — the layout engine's private structures: inline paragraphs,
 * measured boxes and the pagination state.  For src/layout/ only; the
 * rest of wsdoc sees layout.h and area.h.
 *
 * The engine works in two steps.  Measuring turns the FO tree into boxes
 * whose x positions, widths and heights are final (widths come from the
 * top down, so lines can be broken at once).  Paginating splits the
 * measured flow at page boundaries (keeps, widows and orphans, table rows)
 * and draws each page's part into the area tree.  Splitting consumes the
 * boxes: the remainder reuses the original child arrays, so a flow of N
 * boxes is paginated in O(N).
 *
 * The files, top down; each calls only the ones below it, except where
 * content nests (a table's cells hold blocks, blocks hold tables):
 *   lay_doc.c    the document: passes until citations are stable,
 *                bookmarks, anchors (lay_document, layout.h)
 *   lay_page.c   a page-sequence made into pages, static content
 *   lay_master.c which simple-page-master a page uses
 *   lay_region.c a page's regions from its master; static content
 *   lay_column.c the flow on a page, column by column
 *   lay_span.c   span="all" blocks across the columns
 *   lay_marker.c markers noted as the flow is drawn, retrieved in
 *                static content
 *   lay_footnote.c footnotes at the foot of the column their citation
 *                goes in
 *   lay_box.c    any measured box drawn or split at a page's foot
 *   lay_block.c  measuring blocks        lay_table.c  measuring tables,
 *   lay_line.c   paragraphs into lines   lay_table_split.c splitting and
 *                                        lay_table_draw.c drawing them
 *   lay_fit.c    optimal-fit breaks of justified paragraphs, for lay_line.c
 *   lay_para.c   the paragraph being collected, for lay_line.c
 *   lay_list.c   lists, as two-column rows of lay_table.c
 *   lay_turn.c   turned block-containers (reference-orientation)
 *   lay_image.c  image sizes
 *   lay_base.c   below them all: arena, ids and citations, putting boxes,
 *                rules and ids on the page being drawn
 *   area.c, area_dump.c  the area tree (area.h) */
#ifndef WSDOC_LAY_INT_H
#define WSDOC_LAY_INT_H

#include <stddef.h>
#include <stdint.h>

#include "area.h"
#include "../fo/fo.h"

struct font_set;
struct font_face;
struct lay;

/* ---- memory ---- */

/* Zeroed memory from the layout's arena (lay_base.c), freed when the
 * layout ends. */
void	*lay_alloc(struct lay *L, size_t n);
#define LAY_NEW(L, T)		((T *)lay_alloc((L), sizeof(T)))
#define LAY_NEWN(L, T, n)	((T *)lay_alloc((L), sizeof(T) * (n)))

/* ---- inline content: paragraphs (lay_para.c) and lines (lay_line.c) ---- */

/* What a run of characters is drawn with. */
struct lay_style {
	const struct font_set *set;
	double		 size;
	double		 lh;		/* line-height in pt */
	double		 letter_spacing;
	uint32_t	 color;
	int		 fake_bold;
	double		 shift;		/* baseline-shift, pt up */
	unsigned	 deco;		/* FO_TD_* text-decoration */
	int		 autospace;	/* CJK-Latin space, 1/240 em (fo_inh) */
	const struct fo_node *box;	/* the inline whose background and
					   borders it is drawn in, or NULL */
	const void	*keep;		/* keep-together.within-line: the kept
					   inline (lay_keep_of), or NULL */
};

enum lay_obj_kind { LOBJ_LEADER, LOBJ_IMAGE };

/* An object inside a line: a leader or an inline graphic. */
struct lay_obj {
	enum lay_obj_kind kind;
	double		 w, h;		/* IMAGE: size; LEADER: optimum width */
	double		 wmin, wmax;	/* LEADER */
	int		 pattern;	/* enum fo_leader_pattern */
	double		 thickness;
	enum area_rule_style rstyle;
	const char	*path;		/* IMAGE: file, NULL when unusable */
	const char	*content;	/* LEADER use-content: the text repeated */
	double		 content_w;	/* its width */
};

/* A paragraph being collected: one entry per character.  Objects are
 * U+FFFC with obj >= 0. */
struct lay_para {
	uint32_t	*cp;
	int		*sty;		/* index into styles */
	int		*obj;		/* index into objs, or -1 */
	int		*line;		/* FO line, for warnings */
	size_t		 n, cap;
	struct lay_style *styles;
	size_t		 nstyles, stycap;
	struct lay_obj	*objs;
	size_t		 nobjs, objcap;
};

/* How a paragraph's lines are set. */
struct lay_parfmt {
	double		 x;		/* left edge of the line area */
	double		 width;		/* width of the line area */
	double		 indent;	/* text-indent of the first line */
	int		 align, align_last;	/* enum fo_align */
	int		 wrap;		/* 0: wrap-option="no-wrap" */
	const struct lay_style *strut;	/* the block's own font */
	const char	*lang;
	int		 in_cell;	/* the block is in a table cell (for
					   W-LAY-LOOSE) */
};

/* lay_para.c */
void	lay_para_init(struct lay_para *p);
void	lay_para_free(struct lay_para *p);
void	lay_para_reset(struct lay_para *p);
/* Index of a style equal to *s, added if new. */
int	lay_para_style(struct lay_para *p, const struct lay_style *s);
void	lay_para_text(struct lay_para *p, const char *utf8, size_t len, int sty,
	    int line);
void	lay_para_obj(struct lay_para *p, const struct lay_obj *o, int sty,
	    int line);
/* Nothing drawable collected (only spaces). */
int	lay_para_empty(const struct lay_para *p);

/* ---- measured boxes ---- */

enum lay_box_kind { BX_LINE, BX_BLOCK, BX_TABLE };

struct lay_border {
	double		 w;		/* 0: none */
	uint32_t	 color;
	enum area_rule_style style;
};

struct lay_table;
struct lay_group;

/* A footnote's body, waiting for the page its citation goes on. */
struct lay_fnote {
	const struct fo_node *body;	/* fo:footnote-body */
	struct lay_fnote *next;
};
/* The footnotes of a column, measured (lay_footnote.c). */
struct lay_fnset {
	struct lay_box	**b;		/* the bodies, in order */
	size_t		 n, cap;
	struct lay_box	*sep;		/* xsl-footnote-separator, or NULL */
};

struct lay_idref {
	const char	*id;
	struct lay_idref *next;
};

struct lay_box {
	enum lay_box_kind kind;
	double		 h;		/* whole height: spaces, borders, padding */
	double		 sb, sa;	/* space before and after */
	double		 x, w;		/* border box (a line: the line area) */
	int		 keep_prev, keep_next, keep_together;
	int		 break_before, break_after;	/* enum fo_break */
	int		 sb_retain;	/* space-before.conditionality retain */
	int		 refarea;	/* a block-container: absolutely positioned
					   containers inside count from it */
	int		 has_break;	/* a forced break somewhere inside */
	int		 fo_line;
	struct lay_idref *ids;		/* for page-number citations */
	size_t		 para_s;	/* a line: where it starts in its
					   paragraph (lay_para_lines) */
	struct lay_idref *ids_cont;	/* a continuation: the ids of the
					   split box, for their last page */
	const struct fo_node *markers;	/* the FO whose first children are
					   fo:markers, or NULL */
	struct lay_fnote *fnotes;	/* footnotes cited on a line, or in a
					   block where no line was made */
	int		 more;		/* a part with another after it */
	int		 span;		/* span="all" */

	/* BX_LINE: items with x absolute and y from the line's top. */
	struct area_item *items;
	size_t		 nitems;
	int		 run;		/* paragraph the line belongs to */
	int		 run_i, run_n;	/* its index there, and the count */
	int		 widows, orphans;

	/* BX_BLOCK */
	const char	*what;		/* "block", "cell" … for the dump */
	struct lay_border bd[4];	/* by enum fo_side */
	double		 pad[4];
	uint32_t	 bg;		/* FO_TRANSPARENT for none */
	struct lay_box	**kids;		/* shared by the fragments of a split */
	size_t		 nkids;
	struct lay_box	*head;		/* replaces kids[0] when not NULL */
	double		 content_h;	/* sum of the kids' heights */
	double		 fixed_h;	/* block-container height, < 0 if auto */
	int		 valign;	/* block-container display-align */
	int		 cont;		/* a continuation: no space before */
	int		 standin;	/* a cell's ws:continued-label */
	/* a placeholder of height 0 for an absolutely positioned
	 * block-container (lay_abs.c): the container and its offsets */
	const struct lay_box *abs;
	const struct fo_container *abs_ct;
	/* a block-container with reference-orientation (lay_turn.c): its
	 * content, measured in its own turned frame, drawn in place of kids */
	const struct lay_box *turned;
	int		 turns;		/* 1–3 */

	/* BX_TABLE */
	struct lay_table *tab;
	struct lay_group **groups;	/* row groups of the body */
	size_t		 ngroups;
	struct lay_group *ghead;	/* replaces groups[0] when not NULL */
};

/* A table cell: its place in the grid and its content. */
struct lay_cell {
	int		 col, ncols;	/* columns covered */
	int		 nrows;		/* rows covered inside its group */
	double		 pad[4];
	struct lay_border bd[4];
	double		 top, bot;	/* insets: padding and half borders */
	double		 minh;
	uint32_t	 bg;
	int		 valign;	/* enum fo_display_align */
	struct lay_box	*content;	/* a BX_BLOCK at the content width */
	int		 fo_line;
	const char	*what;		/* for the dump; NULL: "cell" */
	int		 split;		/* cut at a page edge: align before */
	/* ws:continued-label: the stand-in shown on later pages, and where
	 * to measure it (see fo.h) */
	const struct fo_node *cont;
	double		 cx, cw, base, base_end;
};

struct lay_row {
	double		 minh, h;
	struct lay_cell	**cells;
	size_t		 ncells;
	int		 keep_together, keep_prev, keep_next;
	uint32_t	 bg;		/* FO_TRANSPARENT for none */
	struct lay_idref *ids;		/* the row's id (both parts of a split row) */
	int		 break_before, break_after;	/* enum fo_break */
};

/* Rows joined by row spans: a unit of pagination. */
struct lay_group {
	struct lay_row	**rows;
	size_t		 nrows;
	double		 h;
	int		 keep_prev, keep_next;
	int		 break_before, break_after;	/* first and last row's */
};

struct lay_table {
	int		 ncols;
	double		*colx;		/* ncols + 1 edges, absolute */
	struct lay_border bd[4];
	struct lay_group *header;	/* repeated on every page, or NULL */
	struct lay_group *footer;	/* likewise, or NULL */
	int		 fo_line;
	int		 separate;	/* border-collapse="separate" */
	double		 sep, sep_b;	/* its border-separation, pt:
					   inline- and block-progression */
	double		 trail;		/* right of the last column's spacing:
					   the table's padding and border */
	double		 frame[2];	/* above the first row and below the
					   last: the separated model's table
					   border, padding and half spacing */
	int		 pagenum_line;	/* FO line of a fo:page-number in the
					   header or footer, else 0 */
};

/* ---- the engine's state ---- */

struct lay_pgstatic;
struct lay_mark;

struct lay_cite {
	const char	*id;		/* owned */
	int		 first, last;	/* from the last pass, 0 if unknown */
	int		 nfirst, nlast;	/* found in this pass */
	int		 used_first, used_last;	/* printed in this pass */
	int		 asked;		/* cited from the flow in this pass */
	int		 asked_static;	/* cited from static content */
	int		 fo_line;	/* of the first citation */
	int		 page_idx;	/* for bookmarks */
	int		 last_idx;	/* the last page it is on */
	double		 y;
};

struct lay {
	const struct fo_tree *fo;
	struct area_doc	*doc;
	struct lay_chunk *arena;
	struct lay_para	 para;		/* reused for every paragraph */
	int		 astral_said;	/* lay_options: no warning for U+10000 … */
	int		 no_boxes;	/* lay_options: no AREA_BOX, AREA_LINEBOX */
	int		 run;		/* paragraph counter */
	int		 depth;		/* nesting depth while measuring */
	/* page-number citations: id → pages, kept across passes */
	struct lay_cite	*cites;
	size_t		 ncites, citecap;
	size_t		*citehash;	/* open addressing, index + 1 */
	size_t		 hashcap;
	int		 quiet;		/* a repeated pass: no diagnostics */
	int		 in_static;	/* measuring static content: the page
					   number and this pass's citations
					   are known */
	struct lay_pgstatic *statics;	/* pages whose static content is
					   drawn after the flow */
	size_t		 nstatics, staticcap;
	/* the page being drawn */
	struct area_page *page;
	int		 pageno;	/* number as printed */
	const char	*page_format;	/* format of page-sequence */
	/* warnings given once */
	uint32_t	*warned_cp;
	size_t		 nwarned, warncap;
	int		 warned_deep, warned_tall;
	int		 warned_extent, warned_width, warned_frame;
	int		 warned_cell_break, warned_marker, warned_fn_room;
	int		 warned_hf_pagenum;
	int		 span_flow;	/* the sequence's flow has span="all"
					   blocks laid out by lay_span.c */
	/* the forced break lay_split cut at (enum fo_break), 0 for none */
	int		 forced_break;
	/* lay_options.columns, and the document's automatic tables in order
	 * (lay_auto.c; made on first use, freed by lay_auto_free) */
	struct lay_columns *columns;
	const struct fo_node **autotabs;
	size_t		 nautotabs;
	int		 autotabs_made;
	/* markers drawn so far in this pass (lay_marker.c) */
	const struct fo_node *seq;	/* the page-sequence being drawn */
	struct lay_mark	*marks;
	size_t		 nmarks, markcap;
	struct lay_fnset fnset;		/* a column's footnotes (reused) */
	/* region-body on the page being drawn: what absolute-position
	 * offsets count from (lay_abs.c) */
	double		 area_y, area_h;
	/* the height of the region being measured into (region-body for
	 * the flow): a turned block-container without a height takes it
	 * as its content's width (lay_turn.c) */
	double		 ref_h;
	/* drawing a turned container's content (lay_turn.c): how deep, and
	 * the outermost one's top on the page (for lay_record) */
	int		 turn_depth;
	double		 turn_y;
};

/* The node after n in document order inside top (n's children first), or
 * NULL when the walk is done: a walk without recursion. */
static inline const struct fo_node *
lay_fo_next(const struct fo_node *n, const struct fo_node *top)
{
	if (n->first != NULL)
		return n->first;
	while (n != NULL && n != top && n->next == NULL)
		n = n->parent;
	return n == NULL || n == top ? NULL : n->next;
}

static inline struct lay_box *
lay_kid(const struct lay_box *b, size_t k)
{
	return k == 0 && b->head ? b->head : b->kids[k];
}

static inline struct lay_group *
lay_grp(const struct lay_box *b, size_t k)
{
	return k == 0 && b->ghead ? b->ghead : b->groups[k];
}

/* lay_block.c: measuring */
struct lay_box	*lay_measure_flow(struct lay *L, const struct fo_node *flow,
		    double x, double w);
struct lay_box	*lay_measure_blocks(struct lay *L, const struct fo_node *parent,
		    double x, double w, double base, double base_end);
void		 lay_box_sum(struct lay_box *b);
void		 lay_box_edges(struct lay_box *b);
void		 lay_box_props(struct lay *L, struct lay_box *b,
		    const struct fo_node *n, double ref_x, double ref_w,
		    double base, double base_end);
void		 lay_child_base(const struct fo_node *n, double ref_w,
		    double *base, double *base_end);

/* lay_line.c: break the collected paragraph into BX_LINE boxes appended
 * to *out (a growing array of *n, capacity *cap). */
void		 lay_para_lines(struct lay *L, struct lay_para *p,
		    const struct lay_parfmt *f, struct lay_box ***out,
		    size_t *n, size_t *cap);
/* lay_para.c: W-LAY-CHAR-MISSING (or -ASTRAL) for cp, once a character. */
void		 lay_warn_char(struct lay *L, uint32_t cp, int line);

/* lay_fit.c: optimal-fit breaks of a justified paragraph, for
 * lay_para_lines.  The paragraph as the line builder measured it, per
 * character i: */
struct lay_fit_in {
	const struct lay_para *p;
	const char	*brk;		/* enum lb_kind after i, keeps applied */
	const double	*w;		/* its width inside a line: the advance
					   less the blank halves compressed */
	const double	*cl;		/* the left half given back when i
					   starts a line */
	const double	*gap;		/* CJK-Latin space after i (not at a
					   line's end) */
	const double	*shs, *she;	/* what i may give up when it starts,
					   when it ends a line that is too wide */
	const double	*lim;		/* how much a justified line may widen
					   the gap after i; < 0: no gap there */
	double		 width, indent;	/* of the lines; of the first line */
};
/* The breaks with the least total demerits: *ends[k] is the index after
 * the break ending line k (where line k + 1 starts, before its spaces are
 * skipped); returns the number of lines, or 0 when the paragraph is left
 * to first-fit (too long, or a piece wider than the line). */
size_t		 lay_fit_breaks(const struct lay_fit_in *in, const size_t **ends);
/* The advance of every character of p as the line builder sets it, the
 * CJK-Latin space after it included (lay_auto.c's content widths); no
 * warning given. */
void		 lay_para_advances(struct lay *L, const struct lay_para *p,
		    double *w);

/* lay_inline.c: the text-decoration lines of a run of width w whose
 * (shifted) baseline is at base, into out; returns how many. */
size_t		 lay_deco_rules(const struct lay_style *st, double x,
		    double base, double w, struct area_item out[3]);
/* A piece of a line drawn in an inline's box (lay_style.box), in order. */
struct lay_seg {
	const struct fo_node *box;
	const struct lay_style *st;
	double		 x1, x2, base;
};
/* The innermost inline around n (n included) with a background, border
 * or padding, or NULL; the padding and border width of its side; the
 * background and borders of the pieces, merged by inline, into out (at
 * most 5 items a piece); returns how many. */
const struct fo_node *lay_inline_box_of(const struct fo_node *n);
/* leader-pattern="use-content": the leader's text and its width into o
 * (the pattern falls back to space without any); and the text item
 * filling w with whole copies of it at x on baseline base (0: none). */
void		 lay_leader_content(struct lay *L, const struct fo_node *n,
		    const struct lay_style *st, struct lay_obj *o);
int		 lay_leader_fill(struct lay *L, const struct lay_obj *o,
		    const struct lay_style *st, double x, double base, double w,
		    struct area_item *it);
double		 lay_inline_edge(const struct fo_node *n, int side,
		    double ref_w);
size_t		 lay_inline_boxes(const struct lay_seg *seg, size_t n,
		    struct area_item *out);

/* lay_abs.c: an absolutely positioned block-container measured in the
 * reference area [ref_x, ref_x + ref_w), as the placeholder the flow
 * holds; and drawing it when the flow reaches the placeholder at y. */
struct lay_box	*lay_measure_abs(struct lay *L, const struct fo_node *n,
		    double ref_x, double ref_w);
void		 lay_abs_draw(struct lay *L, const struct lay_box *ph, double y);

/* lay_turn.c: a block-container with reference-orientation 90, 180 or
 * 270: b (its borders, padding and content width cw already measured by
 * the caller; avail: the content width it would have without a width)
 * gets its content measured in the turned frame and its size on the
 * page; and drawing that content whose rectangle's top-left corner is
 * at (x, y) on the page. */
void		 lay_turn_measure(struct lay *L, struct lay_box *b,
		    const struct fo_node *n, double cw, double avail);
void		 lay_turn_draw(struct lay *L, const struct lay_box *b, double x,
		    double y);

/* lay_list.c: a list-block as a two-column table of label and body */
struct lay_box	*lay_measure_list(struct lay *L, const struct fo_node *lb,
		    double ref_x, double ref_w, double base, double base_end);

/* lay_block.c: the style an inline-level node's text is drawn with. */
void		 lay_style_of(const struct fo_node *n, struct lay_style *st);

/* lay_auto.c: keep-together.within-line.  The inline whose text n is and
 * that asks to be kept on one line, or NULL; the break opportunities of a
 * paragraph (lb_breaks) with none inside a kept inline. */
const void	*lay_keep_of(const struct fo_node *n);
void		 lay_breaks(const struct lay_para *p, const char *lang, char *brk);

/* A table-column's width as written (set: column-width given). */
struct lay_colspec {
	struct fo_len	 w;
	double		 fixed;		/* proportional-column-width(N) + fixed */
	int		 set;
};

/* lay_auto.c: the columns of a table-layout="auto" table set in
 * tab->colx from the content's minimum and maximum widths, the table's
 * start at x and w available (or its width).  Returns the table's width. */
double		 lay_auto_columns(struct lay *L, const struct fo_node *t,
		    struct lay_table *tab, const struct lay_colspec *cols,
		    double x, double w);
void		 lay_auto_free(struct lay *L);

/* lay_table_sep.c: the separated border model.  setup: the x and width
 * the columns share inside the table's border and spacing; spread: the
 * spacing put between the columns (colx[i+1] - sep is column i's right
 * edge), and the table's width from them; cell: a cell's insets (whole
 * borders, half the spacing above and below) and content x and width;
 * cell_rect: its border box between y1 and y2 (x1 y1 x2 y2). */
void		 lay_sep_setup(const struct fo_node *t, struct lay_table *tab,
		    double *x, double *w);
void		 lay_sep_spread(struct lay_table *tab, double *table_w,
		    double x0);
void		 lay_sep_cell(const struct lay_table *tab, struct lay_cell *c,
		    double *x, double *w);
void		 lay_sep_cell_rect(const struct lay_table *tab,
		    const struct lay_cell *c, double y1, double y2, double r[4]);
void		 lay_sep_draw_cell(struct lay *L, const struct lay_table *tab,
		    const struct lay_cell *c, double y1, double y2);
void		 lay_sep_draw_table(struct lay *L, const struct lay_table *tab,
		    double x1, double x2, double y1, double y2);

/* lay_table.c: measuring a table.  The table's column count and its
 * table-columns (*cols, freed by the caller). */
int		 lay_table_columns(struct lay *L, const struct fo_node *t,
		    struct lay_colspec **cols);
/* The column of the next cell n of a row, from col on, skipping columns
 * that row spans from above still cover (busy: rows left, per column);
 * sets *span and marks the columns taken.  -1: no column left. */
int		 lay_cell_place(const struct fo_node *n, int *busy, int ncols,
		    int col, int *span);
struct lay_box	*lay_measure_table(struct lay *L, const struct fo_node *t,
		    double ref_x, double ref_w, double base, double base_end);
void		 lay_group_heights(struct lay_group *g);
/* lay_table_split.c: the first group a row's break puts on a new page (0:
 * none), and a table split at a page's edge. */
size_t		 lay_table_break(const struct lay_box *b, int *kind);
void		 lay_row_edges(struct lay_row *row, const struct lay_box *content);
int		 lay_split_table(struct lay *L, struct lay_box *b, double avail,
		    int force, struct lay_box **first, struct lay_box **rest);
/* lay_table_draw.c: a table's part drawn on the page at y. */
void		 lay_draw_table(struct lay *L, const struct lay_box *b, double y);

/* A rectangle of the page and the region drawn in it. */
struct lay_rect {
	const struct fo_node *node;	/* region-before … or NULL */
	double		 x, y, w, h;
};

/* A page's geometry from its simple-page-master (lay_region.c). */
struct lay_geom {
	const struct fo_node *master;	/* simple-page-master, NULL: A4 */
	const struct fo_node *body;	/* region-body or NULL */
	double		 pw, ph;
	double		 bx, by, bw, bh;	/* region-body */
	int		 ncols;			/* columns of region-body */
	double		 colw, gap;		/* a column's width, the gap */
	struct lay_rect	 reg[4];		/* before, after, start, end */
	/* reference-orientation of the master: the regions are in a frame
	 * turned by turns × 90° that fills (tx, ty, tw, th) of the page,
	 * the content rectangle inside its margins (area_page.turns) */
	int		 turns;
	double		 tx, ty, tw, th;
};

/* lay_master.c: the simple-page-master of each page of a sequence. */
struct lay_pmstate {
	const struct fo_node *seq;
	const struct fo_node *psm;	/* page-sequence-master, or NULL */
	const struct fo_node *simple;	/* without one: the master */
	const struct fo_node *sub;	/* the sub-sequence specifier */
	int		 used;		/* pages it gave so far */
	int		 pages;		/* pages of the sequence so far */
	int		 warned_end, warned_none;
};
void		 lay_master_start(struct lay *L, const struct fo_node *seq,
		    struct lay_pmstate *st);
/* The master of the next page, numbered pageno; last: the sequence ends
 * with it; blank: no flow on it.  NULL when the document has no
 * simple-page-master at all (the page is A4). */
const struct fo_node *lay_master_next(struct lay *L, struct lay_pmstate *st,
		    int pageno, int last, int blank);
/* Does a page of this master take the flow?  Not when its region-body is
 * named otherwise than the flow's flow-name and another master's body is
 * named for it (XSL 1.1 §6.4.18: the flow goes to the region of its name;
 * the page is made without it, as Apache FOP does). */
int		 lay_body_takes(const struct lay *L, const struct fo_node *master,
		    const struct fo_node *flow);

/* lay_region.c */
void		 lay_geometry(struct lay *L, const struct fo_node *master,
		    const struct fo_node *seq, struct lay_geom *g);
/* region-body's box and background on the page being drawn. */
void		 lay_region_body(struct lay *L, const struct lay_geom *g,
		    int line);
/* The outer regions of the page being drawn: box, background, static
 * content. */
void		 lay_region_statics(struct lay *L, const struct fo_node *seq,
		    const struct lay_geom *g);

/* lay_column.c: region-body's columns (column-count, column-gap) into
 * g->ncols, g->colw, g->gap; and the flow's part on a page, column by
 * column: what is left, NULL when the flow is done. */
void		 lay_columns(struct lay *L, const struct fo_node *body,
		    struct lay_geom *g);
struct lay_box	*lay_fill_page(struct lay *L, const struct lay_geom *g,
		    struct lay_box *rest, double mx, double mw);

/* lay_span.c: span="all" blocks of the flow measured again at the
 * body's width and fenced by column breaks (1), or none (0); and the
 * flow's part on a page laid out around them. */
int		 lay_span_prepare(struct lay *L, const struct fo_node *flow,
		    const struct lay_geom *g, struct lay_box *rest);
struct lay_box	*lay_span_fill(struct lay *L, const struct lay_geom *g,
		    struct lay_box *rest, double mx);

/* lay_marker.c: n if its first children are fo:markers, else NULL (for
 * lay_box.markers); note the markers of a box drawn on the current page;
 * the marker a retrieve-marker gets on the current page, or NULL. */
const struct fo_node *lay_markers_of(const struct fo_node *n);
void		 lay_markers_note(struct lay *L, const struct lay_box *b);
const struct fo_node *lay_marker_get(struct lay *L, const struct fo_node *rm);

/* lay_footnote.c: a footnote body added to a list (in order); the
 * footnotes cited in a box about to be drawn, measured at (x, w): their
 * total height with the separator, 0 for none; drawing them from y. */
struct lay_fnote *lay_footnote_add(struct lay *L, struct lay_fnote *list,
		    const struct fo_node *body);
double		 lay_footnotes_measure(struct lay *L, const struct lay_box *first,
		    double x, double w, struct lay_fnset *fs);
void		 lay_footnotes_draw(struct lay *L, const struct lay_fnset *fs,
		    double y);

/* lay_page.c: one page-sequence made into pages from page
 * number pageno on; returns the number after its last page.  lay_statics
 * draws the static content of the pages made so far. */
int		 lay_sequence(struct lay *L, const struct fo_node *seq, int pageno);
void		 lay_statics(struct lay *L);

/* lay_box.c: splitting and drawing.  lay_split leaves b untouched and
 * returns LAY_FITS (*first = b), LAY_SPLIT or LAY_NONE (nothing fits). */
enum { LAY_FITS, LAY_SPLIT, LAY_NONE };
int		 lay_split(struct lay *L, struct lay_box *b, double avail,
		    int force, struct lay_box **first, struct lay_box **rest);
void		 lay_draw(struct lay *L, const struct lay_box *b, double y);

/* lay_base.c */
void		 lay_arena_free(struct lay *L);
void		 lay_draw_border(struct lay *L, const struct lay_border *bd,
		    double x1, double y1, double x2, double y2);
struct lay_cite	*lay_cite_get(struct lay *L, const char *id);
/* A new AREA_BOX on the page being drawn; with no_boxes a scratch item
 * that is not kept. */
struct area_item *lay_box_item(struct lay *L);
/* Note that the ids are on the page being drawn, at y; _last: that the
 * element they name goes on there (a continuation of a split box). */
void		 lay_record(struct lay *L, const struct lay_idref *r, double y);
void		 lay_record_last(struct lay *L, const struct lay_idref *r);
/* Format a page number per the page-sequence's format; buf >= 32. */
void		 lay_format_pageno(char *buf, int n, const char *format);
const char	*lay_file(const struct lay *L);

/* lay_image.c: the intrinsic size of a PNG (at 96 dpi unless it says
 * otherwise), or -1 after a warning. */
int		 lay_png_size(struct lay *L, const char *path, int fo_line,
		    double *w, double *h);

/* Diagnostics of the layout, silent on repeated passes. */
#define LAY_DIAG(L, ...) \
	do { if (!(L)->quiet) diag(__VA_ARGS__); } while (0)

#endif
