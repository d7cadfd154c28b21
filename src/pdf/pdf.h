/* pdf.h — the PDF writer: draws an area tree (src/layout/area.h) with
 * libharu, embedding a HarfBuzz subset of every face the document uses.
 * For the commands that write PDF (src/cli) and the tests.
 *
 * The bytes depend only on the tree: no time-based IDs, and a
 * CreationDate only when SOURCE_DATE_EPOCH is set. */
#ifndef WSDOC_PDF_H
#define WSDOC_PDF_H

#include <stddef.h>

struct area_doc;

/* The PDF of doc in a new buffer (the caller frees it); *len receives its
 * size.  NULL after a diagnostic (a font that cannot be embedded).  A PNG
 * that cannot be read is a warning and its place stays empty. */
unsigned char	*pdf_render(const struct area_doc *doc, size_t *len);

/* Render and write path whole or not at all ("-" is standard output).
 * Returns 0, or -1 after a diagnostic. */
int		 pdf_write(const struct area_doc *doc, const char *path);

/* A PDF written a slice of pages at a time, for a document laid out in
 * slices (publish: a list of thousands of workshops never held whole).
 * Characters get their glyphs as they are drawn; the fonts are subset and
 * embedded at the end.  pdf_write is new + pages (all) + finish. */
struct pdf_out;
struct pdf_out	*pdf_out_new(void);
/* Draw pages [from, to) of doc (with its watermark and bookmarks); doc may
 * be freed afterwards.  0, or -1 after a diagnostic. */
int		 pdf_out_pages(struct pdf_out *o, const struct area_doc *doc,
		    size_t from, size_t to);
/* Embed the fonts, take the document information (title …) from info,
 * and write path whole or not at all.  0, or -1 after a diagnostic. */
int		 pdf_out_finish(struct pdf_out *o, const struct area_doc *info,
		    const char *path);
void		 pdf_out_free(struct pdf_out *o);

#endif
