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

#endif
