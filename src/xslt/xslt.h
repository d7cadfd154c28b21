/* xslt.h — the locked-down XSLT driver: the stylesheets of xslt/ applied to
 * an input tree.  For the commands (render, publish, evaluate). */
#ifndef WSDOC_XSLT_H
#define WSDOC_XSLT_H

#include <libxml/tree.h>

/* Apply xslt/NAME (e.g. "application.xsl") to doc.  The stylesheet is
 * compiled once per process.  params is a NULL-terminated list of name,
 * value pairs; values are XPath expressions (quote strings: "'2026'").
 * The transformation may read nothing outside xslt/, and may write no
 * file, create no directory and use no network.  Returns a new document
 * the caller frees, or NULL after a diagnostic. */
xmlDocPtr	xslt_apply(const char *name, xmlDocPtr doc, const char **params);

/* Free the compiled stylesheets. */
void		xslt_shutdown(void);

#endif
