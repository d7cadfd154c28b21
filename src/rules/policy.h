/* policy.h — the rule parameters of forms/policy.ini (every number and list
 * the rules use).  For src/rules/, src/roster/ and the commands that run
 * them. */
#ifndef WSDOC_POLICY_H
#define WSDOC_POLICY_H

#include <stddef.h>

struct policy;

/* Use this file instead of the default (an --policy option).  Call before
 * policy_get. */
void	policy_set_path(const char *path);
/* The policy of this run, loaded once from policy_set_path's file, else
 * $WSDOC_POLICY, else data_path("forms/policy.ini").  NULL after E-POL-*
 * diagnostics when the file is missing or bad. */
const struct policy *policy_get(void);

/* Load one file; NULL after E-POL-* diagnostics.  The caller frees. */
struct policy *policy_load(const char *path);
void	policy_free(struct policy *pol);

/* Parameter values.  Asking for a parameter that policy.c does not declare
 * is a programming error and aborts. */
int	policy_int(const struct policy *pol, const char *sec, const char *key);
/* Items of a list parameter; *n receives their count. */
char *const *policy_list(const struct policy *pol, const char *sec,
	    const char *key, size_t *n);
/* 1 if `item` is one of the list's items. */
int	policy_in_list(const struct policy *pol, const char *sec,
	    const char *key, const char *item);
/* How one of the office's standards ([学工部标准] key) is applied:
 * DL_WARNING (the default), DL_ERROR, or POLICY_OFF (not checked). */
#define POLICY_OFF	(-1)
int	policy_level(const struct policy *pol, const char *key);
/* The list's items joined with 、 (for messages). */
const char *policy_list_text(const struct policy *pol, const char *sec,
	    const char *key);

/* The four grades of 第六条 in their fixed order. */
enum grade { GRADE_EXCELLENT, GRADE_PASS, GRADE_PROBATION, GRADE_REVOKE,
	GRADE_NONE = -1 };
/* The grade a label names, GRADE_NONE if none. */
enum grade policy_grade(const struct policy *pol, const char *label);
const char *policy_grade_label(const struct policy *pol, enum grade g);

#endif
