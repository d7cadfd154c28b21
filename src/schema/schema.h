/* schema.h — the structure of every input kind (forms/KIND.rng): libxml2's
 * RelaxNG decides whether a tree is valid; this module then explains each
 * problem in the catalogue's Chinese words, at the line of the node, naming
 * the field by its label.  Any module may include this header. */
#ifndef WSDOC_SCHEMA_H
#define WSDOC_SCHEMA_H

#include <libxml/tree.h>

/* Validate doc against the schema its root element names (application,
 * member-application, evaluation, decisions, roster).  Emits diagnostics
 * and returns how many errors it emitted: 0 if the tree is valid.  An
 * unknown root is one E-CLI-KIND error; a schema that cannot be read is
 * F-SYS-SCHEMA (exit status 3).  Each schema is compiled once per process. */
int	schema_validate(xmlDoc *doc);

/* The same against forms/KIND.rng whatever the root is. */
int	schema_validate_as(xmlDoc *doc, const char *kind);

/* 1 if forms/KIND.rng is one of the kinds this module knows. */
int	schema_known(const char *kind);

/* Free the compiled schemas (for leak checkers; optional). */
void	schema_cleanup(void);

#endif
