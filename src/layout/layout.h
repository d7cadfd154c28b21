/* layout.h — the XSL-FO layout engine: an FO tree in, an area tree out
 * (area.h), nothing drawn.  For the fo and render commands. */
#ifndef WSDOC_LAYOUT_H
#define WSDOC_LAYOUT_H

struct fo_tree;
struct area_doc;

struct lay_options {
	const char	*watermark;	/* stamped on every page, or NULL */
	int		 astral_said;	/* characters above U+FFFF were already
					   warned of at their fields (render):
					   put 〓 without a warning */
	int		 no_boxes;	/* leave out the boxes and line boxes
					   that only --areas shows (AREA_BOX,
					   AREA_LINEBOX): less memory */
};

/* Lay out every page-sequence of the tree.  Page-number citations are
 * resolved by laying out again until the numbers no longer change.
 * Problems are warnings (diag); the result is never NULL.  The caller
 * frees it with area_doc_free(). */
struct area_doc	*lay_document(const struct fo_tree *tree,
		    const struct lay_options *opt);

#endif
