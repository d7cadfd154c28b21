/* linebreak.h — where a line of Chinese (and mixed Latin) text may break:
 * UAX #14 from libunibreak, with the rules of clreq and GB/T 15834 layered
 * on top.  For the layout engine only. */
#ifndef WSDOC_LINEBREAK_H
#define WSDOC_LINEBREAK_H

#include <stddef.h>
#include <stdint.h>

enum lb_kind {
	LB_NO = 0,	/* no break after this character */
	LB_ALLOW,	/* a line may end after this character */
	LB_MUST		/* a line must end after this character (newline) */
};

/* Fill brk[i] with the opportunity after text[i], for i in [0, n).  The
 * last entry is LB_MUST.  Beyond UAX #14: ，。、；：？！ and closing
 * brackets and quotes never start a line; opening brackets and quotes
 * never end one; —— and …… never split; Latin words and numbers stay
 * whole.  lang is a BCP 47 tag ("zh" when NULL). */
void	lb_breaks(const uint32_t *text, size_t n, const char *lang, char *brk);

/* 1 if c is a CJK ideograph or a full-width punctuation mark: such
 * characters take the spacing of justified CJK lines. */
int	lb_is_cjk(uint32_t c);

#endif
