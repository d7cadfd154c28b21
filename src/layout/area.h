/* area.h — the area tree: what the layout engine decided, page by page, in
 * a form any output device can draw.  Written by src/layout, read by the
 * PDF writer (src/pdf) and the text dump (wsdoc fo --areas).
 *
 * Units are points; the origin is the top-left corner of the page and y
 * grows downwards (the PDF writer flips it).  Items are in drawing order. */
#ifndef WSDOC_AREA_H
#define WSDOC_AREA_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct font_face;

enum area_kind {
	AREA_TEXT,	/* a glyph run in one face at one size */
	AREA_RULE,	/* a straight line: a border, a leader, a chart axis */
	AREA_RECT,	/* a filled rectangle: a background, a chart bar */
	AREA_IMAGE,	/* a PNG */
	AREA_BOX,	/* not drawn: a block, cell or region, for dumps and tests */
	AREA_LINEBOX,	/* not drawn: one line of text */
	/* reference-orientation: the items after it, up to the matching
	 * AREA_TURN_END, are in a frame turned by u.turn.turns × 90°
	 * counter-clockwise that fills the rectangle (x, y, w, h) of the
	 * enclosing frame; the turned frame's origin is its own top-left
	 * corner and its width is w (turns 0, 2) or h (turns 1, 3). */
	AREA_TURN,
	AREA_TURN_END
};

enum area_rule_style { RULE_SOLID, RULE_DASHED, RULE_DOTTED, RULE_DOUBLE };

struct area_item {
	enum area_kind	 kind;
	double		 x, y;		/* TEXT: start of the baseline; else top-left */
	double		 w, h;		/* TEXT: advance width and 0 */
	uint32_t	 color;		/* 0xRRGGBB */
	union {
		struct {
			const struct font_face *face;
			double	 size;
			const char *utf8;	/* in the tree's arena */
			size_t	 len;		/* bytes */
			double	 char_space;	/* added after every character */
			double	 word_space;	/* added after every U+0020 */
			/* NULL, or for each character in order a further
			 * advance after it (negative: closer), in the
			 * tree's arena: compressed punctuation and
			 * CJK-Latin spacing. */
			const double *dx;
			/* Glyphs so placed may stand where text extraction
			 * misreads them (as overlapping, or with a space
			 * between): the first run of such a stretch of a
			 * line gives the text of its span_n runs (itself
			 * included), which the PDF says as ActualText. */
			int	 span_n;		/* 0: no span starts here */
			const char *span_text;		/* UTF-8, in the arena */
			size_t	 span_len;
			int	 fake_bold;	/* fill-and-stroke rendering */
		} text;
		struct {
			double	 x2, y2;	/* end point; (x, y) is the start */
			double	 thickness;
			enum area_rule_style style;
		} rule;
		struct {
			const char *path;	/* PNG file, checked by the layout */
		} image;
		struct {
			int	 turns;		/* 1–3 */
		} turn;
		struct {
			const char *what;	/* "block", "cell", "region-body" … */
			int	 fo_line;	/* line of the FO element, 0 if none */
		} box;
	} u;
};

struct area_page {
	double		 width, height;
	int		 number;	/* the page number as printed */
	/* reference-orientation of the page (turns 1–3, 0 for none): every
	 * item is in a frame turned so, filling the rectangle (tx, ty, tw,
	 * th) of the page (its page-reference-area inside the margins) */
	int		 turns;
	double		 tx, ty, tw, th;
	struct area_item *items;
	size_t		 nitems, cap;
};

struct area_bookmark {
	const char	*title;
	int		 page;		/* index into pages */
	double		 y;
	int		 level;		/* 0 for top level */
};

/* Where an FO element with an id was placed: the indexes (into pages) of
 * the first and the last page it is on. */
struct area_anchor {
	const char	*id;
	int		 first, last;
};

struct area_doc {
	struct area_page *pages;
	size_t		 npages, pagecap;
	struct area_bookmark *marks;
	size_t		 nmarks, markcap;
	struct area_anchor *anchors;	/* in no particular order */
	size_t		 nanchors;
	/* Document information (UTF-8, may be NULL). */
	const char	*title, *author, *subject, *keywords, *creator;
	/* Stamped diagonally across every page when not NULL (草稿). */
	const char	*watermark;
	/* Arena for every string and item the tree holds. */
	struct area_chunk *arena;
};

struct area_doc	*area_doc_new(void);
void		 area_doc_free(struct area_doc *doc);
/* A copy of s (n bytes) in the document's arena, NUL-terminated. */
const char	*area_strdup(struct area_doc *doc, const char *s, size_t n);
/* n zeroed doubles in the document's arena. */
double		*area_doubles(struct area_doc *doc, size_t n);
struct area_page *area_page_add(struct area_doc *doc, double w, double h);
/* A new zeroed item at the end of the page; the pointer stays valid until
 * the next area_item_add on the same page. */
struct area_item *area_item_add(struct area_page *pg, enum area_kind kind);
void		 area_bookmark_add(struct area_doc *doc, const char *title,
		    int page, double y, int level);

/* The anchor of an id, or NULL if no element with that id was placed. */
const struct area_anchor *area_anchor(const struct area_doc *doc,
		    const char *id);

/* Move the items of pg from index from on by dx to the right; items in
 * a turned frame move with it, their frame's coordinates unchanged. */
void		 area_shift(struct area_page *pg, size_t from, double dx);

/* Where a point (x, y) of a frame turned by turns × 90° counter-clockwise
 * that fills the rectangle (rx, ry, rw, rh) of the enclosing frame is in
 * that frame (y down in both): X = m[0] x + m[2] y + m[4],
 * Y = m[1] x + m[3] y + m[5]. */
void		 area_turn_map(int turns, double rx, double ry, double rw,
		    double rh, double m[6]);

/* Write the tree as text, one item a line, for golden tests. */
void		 area_dump(const struct area_doc *doc, FILE *out);

#endif
