/* layout.h — the XSL-FO layout engine: an FO tree in, an area tree out
 * (area.h), nothing drawn.  For the fo and render commands. */
#ifndef WSDOC_LAYOUT_H
#define WSDOC_LAYOUT_H

struct fo_tree;
struct area_doc;
struct lay_columns;

struct lay_options {
	const char	*watermark;	/* stamped on every page, or NULL */
	int		 astral_said;	/* characters above U+FFFF were already
					   warned of at their fields (render):
					   put 〓 without a warning */
	int		 no_boxes;	/* leave out the boxes and line boxes
					   that only --areas shows (AREA_BOX,
					   AREA_LINEBOX): less memory */
	struct lay_columns *columns;	/* automatic tables' columns shared by
					   documents laid out in pieces, or
					   NULL: see lay_columns_new() */
};

/* Lay out every page-sequence of the tree.  Page-number citations are
 * resolved by laying out again until the numbers no longer change.
 * Problems are warnings (diag); the result is never NULL.  The caller
 * frees it with area_doc_free(). */
struct area_doc	*lay_document(const struct fo_tree *tree,
		    const struct lay_options *opt);

/* A document laid out in pieces (publish lays a long list out a slice at a
 * time, each slice its own FO document) would give each piece's automatic
 * tables their own columns.  With lay_options.columns the k-th automatic
 * table of every document laid out takes the widest content any piece's
 * k-th table had so far, and records its own: lay out every piece once,
 * then each piece again, and all get the columns of the whole. */
struct lay_columns *lay_columns_new(void);
void		 lay_columns_free(struct lay_columns *c);

#endif
