/* rules.h — the measures as checks over finished input trees, a pass of
 * its own after the readers and the schema (STYLE.md point 3).  For the
 * commands (check, approve, evaluate, render) and src/roster/. */
#ifndef WSDOC_RULES_H
#define WSDOC_RULES_H

#include <stddef.h>

#include <libxml/tree.h>

#include "policy.h"

/* Check every document of one run: each by the kind its root names
 * (application, member-application, evaluation, decisions; others are
 * left to the reader), then the rules across files (one leader, one
 * workshop; workshops per person).  Diagnostics go through diag().
 * Returns the number of errors found, or -1 when the policy file could
 * not be loaded (its E-POL-* diagnostics say why). */
int	rules_check(xmlDoc *const *docs, size_t n);
/* The two halves: one document's own rules (its error count, or -1 when
 * the policy is missing), and the rules across files, adding to errs[i]
 * (when errs is not NULL) the errors found in docs[i]. */
int	rules_check_doc(xmlDoc *doc);
int	rules_check_cross(xmlDoc *const *docs, size_t n, int *errs);

/* Helpers over the input vocabulary, shared with src/roster/. */
/* First element child named `name` (NULL if none). */
xmlNode	*rules_child(const xmlNode *parent, const char *name);
/* Descend a "a/b/c" path of element names. */
xmlNode	*rules_path(const xmlNode *node, const char *path);
/* The text of a field with runs of white space (also U+3000) collapsed to
 * one space and the ends trimmed; "" for NULL.  The caller frees. */
char	*rules_text(const xmlNode *node);
/* Characters of a field, white space not counted (附件1 counts 字). */
int	 rules_count(const xmlNode *node);
/* An attribute's value trimmed, as a new string ("" if absent). */
char	*rules_attr(const xmlNode *node, const char *name);
/* 1 if n is an element named name. */
int	 rules_is(const xmlNode *n, const char *name);
/* 1 if n's attribute attr, trimmed, is value. */
int	 rules_attr_is(const xmlNode *n, const char *attr, const char *value);
/* Who a person element is: its staff-id, else its name.  New string. */
char	*rules_person_key(const xmlNode *person);
/* 1 if s has the form of a roster id, HZNU-GZF-YYYY-NN. */
int	 rules_is_id(const char *s);

#endif
