/* pipeline.h — the checks every command runs before using an input:
 * structure (RelaxNG) and the measures (rules).  For src/cli/ only. */
#ifndef WSDOC_PIPELINE_H
#define WSDOC_PIPELINE_H

#include <stddef.h>
#include <libxml/tree.h>

/* Validate the documents of one run: each against its schema, then the
 * rules of the measures, per document and across them all.  Diagnostics
 * are printed; returns the number of documents with errors. */
int	pipeline_validate(xmlDocPtr *docs, size_t n);

#endif
