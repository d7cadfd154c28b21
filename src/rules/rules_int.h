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

/* A text part that must be present (the form's or the measures' rule:
 * `missing`, with the label) and, by the office's standard, at least
 * policy [sec] key characters long (`short_`: label, count, min, sec,
 * key, at the level policy.ini gives 各栏最少字数). */
int	rules_part(xmlNode *parent, xmlNode *node, const char *label,
	    const struct policy *pol, const char *sec, const char *key,
	    int missing, int short_);

#endif
