/* report.h — the annual evaluation report (第六条) as PDF.  For the evaluate
 * and report commands. */
#ifndef WSDOC_REPORT_H
#define WSDOC_REPORT_H

#include <stddef.h>
#include <libxml/tree.h>

/* Build <report> from a year's outcomes (roster_evaluate's for a preview,
 * roster_year_outcomes' once written: the same shape, the year's
 * achievements inside each outcome), run xslt/report.xsl, lay it out and
 * write the PDF at path (with fo_only, the XSL-FO instead).  Returns 0,
 * or the exit status after a diagnostic. */
int	report_write(xmlDoc *outcomes, const char *path, int fo_only);
/* The same input document for the stylesheet (tests); caller frees. */
xmlDoc	*report_doc(xmlDoc *outcomes);

#endif
