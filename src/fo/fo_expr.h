/* fo_expr.h — XSL 1.1 §5.9 expressions in property values: numbers and
 * lengths joined by + - * div mod (and /), unary minus, parentheses, and
 * the functions abs() min() max() floor() ceiling() round(),
 * proportional-column-width(), label-end() and body-start().  Used by
 * fo_value.c for every length; for src/fo/ and its unit tests only.
 *
 * A value is a number or a length; a length is pt + pct% of the base its
 * property refers to + prop units of proportional-column-width.  A length
 * times a length, a number plus a length (other than 0), division by zero
 * and the like are refused with the reason (Chinese, for W-FO-VALUE). */
#ifndef WSDOC_FO_EXPR_H
#define WSDOC_FO_EXPR_H

#include "fo.h"

/* What an expression may use (fo_expr_env.allow). */
#define FO_EX_PCT	0x01	/* percentages */
#define FO_EX_PROP	0x02	/* proportional-column-width() */
#define FO_EX_LIST	0x04	/* label-end(), body-start(): values in env */

struct fo_expr_env {
	double		 em;		/* the font-size an em is */
	unsigned	 allow;		/* FO_EX_… */
	struct fo_len	 label_end, body_start;	/* with FO_EX_LIST */
};

struct fo_num {
	double		 v;		/* the number, or a length's pt part */
	double		 pct;		/* a length's percentage part */
	double		 prop;		/* proportional-column-width units */
	int		 is_len;	/* 0: a plain number */
};

/* Evaluate the whole of s.  Returns NULL and sets *out, or the reason the
 * value is not usable. */
const char	*fo_expr(const char *s, const struct fo_expr_env *env,
		    struct fo_num *out);

/* An unsigned decimal number at *sp (digits with an optional fraction; no
 * sign, exponent, inf or hex).  Returns 0 and moves *sp past it, or -1. */
int		 fo_decimal(const char **sp, double *v);

#endif
