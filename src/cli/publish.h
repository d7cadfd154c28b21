/* publish.h — pieces of the publish command that the tests and the evaluate
 * command reuse.  For src/cli/ and tests only. */
#ifndef WSDOC_PUBLISH_H
#define WSDOC_PUBLISH_H

#include <stddef.h>
#include <libxml/tree.h>

struct roster_list;

/* Workshops handed to a stylesheet at a time: the list is made slice by
 * slice, so that memory does not grow with the roster. */
#define PUBLISH_SLICE	64

/* The list (roster_list_read: one year's workshops, not revoked, by id)
 * as CSV: UTF-8 with a byte-order mark, CRLF lines.  New buffer; *len
 * its size. */
char	*publish_csv(const struct roster_list *list, size_t *len);

/* The list as one self-contained web page, written to path.  0, or the
 * exit status after a diagnostic. */
int	publish_html(const struct roster_list *list, const char **params,
	    const char *path);
/* The notice (list.xsl) as PDF, written to path.  params are the
 * stylesheet's (year, date, count).  0, or the exit status after a
 * diagnostic. */
int	publish_pdf(const struct roster_list *list, const char **params,
	    const char *year, const char *path);

#endif
