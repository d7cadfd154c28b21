/* datauri.h — RFC 2397 data: URIs, the pictures an FO document carries
 * inside itself (external-graphic src="data:image/png;base64,…").  Only
 * what handles a picture's src includes this header: the FO reader
 * (fo_value.c, which keeps a data: URI as written), the layout
 * (lay_image.c, which checks it), the PDF writer (pdf_page.c, which draws
 * it) and the area dump (area_dump.c, which names it). */
#ifndef WSDOC_DATAURI_H
#define WSDOC_DATAURI_H

#include <stddef.h>

/* The most bytes a picture may have, in a file or decoded from a data:
 * URI: the layout refuses a larger one (W-LAY-GRAPHIC-LARGE). */
#define DATAURI_MAX_BYTES	(32u << 20)

/* Whether s is a data: URI ("data:" in any case). */
int	datauri_is(const char *s);

/* The media type of a data: URI, lowercased and without its parameters,
 * into out (n bytes): "image/png"; "text/plain" when none is written (as
 * RFC 2397 says).  NULL, or why the URI is not one (in Chinese). */
const char *datauri_type(const char *uri, char *out, size_t n);

/* Decode data:[<mediatype>][;base64],<data>: base64 (ASCII whitespace
 * ignored, so an FO attribute may wrap it over lines) or percent-encoded.
 * At most max bytes: decoding stops as soon as more would come, and
 * *large is set.  On success NULL, *data (malloc'd, the caller frees)
 * and *len; else why not, in Chinese, and *data NULL. */
const char *datauri_decode(const char *uri, size_t max, unsigned char **data,
	    size_t *len, int *large);

/* A picture's src as a message quotes it: at most 80 characters
 * (utf8_cut), and a data: URI without the line breaks and spaces its
 * base64 may hold.  In out (4 * 80 + 4 bytes). */
const char *datauri_quote(const char *src, char *out);

#endif
