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
 * whole.  Inside a URL (http://, https://, ftp:// or www.) a line may
 * also end after / . - (UAX #14 alone would keep example.com whole).
 * lang is a BCP 47 tag ("zh" when NULL). */
void	lb_breaks(const uint32_t *text, size_t n, const char *lang, char *brk);

/* 1 if c is a CJK ideograph or a full-width punctuation mark: such
 * characters take the spacing of justified CJK lines. */
int	lb_is_cjk(uint32_t c);

/* Where a full-width punctuation mark leaves its em box blank, in the
 * mainland convention of GB/T 15834 and clreq (section 3.1.6): opening
 * brackets and quotes are inked on the right half, closing ones on the
 * left, and the pause and stop marks 、，。．：；！？ on the left too.  The
 * blank half is what punctuation compression (标点挤压) takes away. */
enum lb_punct {
	LB_P_NONE = 0,	/* not a compressible mark (——, ……, · are full) */
	LB_P_OPEN,	/* （“《「『【〔〖〈‘ ［｛: blank on the left */
	LB_P_CLOSE,	/* ）”》」』】〕〗〉’ ］｝: blank on the right */
	LB_P_STOP	/* 、，。．：；！？: blank on the right */
};
enum lb_punct	lb_punct(uint32_t c);

/* 1 if c is a Han ideograph (or 〇): the characters that take CJK-Latin
 * spacing next to a Latin letter or digit (lb_is_alnum). */
int	lb_is_han(uint32_t c);
/* 1 if c is a Latin, Greek or Cyrillic letter or an ASCII digit. */
int	lb_is_alnum(uint32_t c);

#endif
