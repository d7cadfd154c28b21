/* rules_int.h — the check functions of each input kind.  For src/rules/
 * only. */
#ifndef WSDOC_RULES_INT_H
#define WSDOC_RULES_INT_H

#include "rules.h"

/* Per-document checks, one per root element; each returns nothing and
 * reports through diag_node(). */
void	rules_application(xmlNode *root, const struct policy *pol);
void	rules_member_application(xmlNode *root, const struct policy *pol);
void	rules_evaluation(xmlNode *root, const struct policy *pol);
void	rules_decisions(xmlNode *root, const struct policy *pol);

/* A text part that must be present and at least `min` characters long:
 * reports `missing` (with the label) or `short_` (label, count, min). */
int	rules_part(xmlNode *parent, xmlNode *node, const char *label, int min,
	    int missing, int short_);

#endif
