/* publish.h — pieces of the publish command that the tests and the evaluate
 * command reuse.  For src/cli/ and tests only. */
#ifndef WSDOC_PUBLISH_H
#define WSDOC_PUBLISH_H

#include <stddef.h>
#include <libxml/tree.h>

/* The list of one year's workshops (not revoked, by id) as CSV: UTF-8
 * with a byte-order mark, CRLF lines.  New buffer; *len its size. */
char	*publish_csv(xmlDocPtr roster, const char *year, size_t *len);

#endif
