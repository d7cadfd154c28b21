/* linebreak.c — UAX #14 from libunibreak, then the Chinese rules of clreq
 * and GB/T 15834 as a pass that only ever removes break opportunities. */
#include "linebreak.h"

#include <pthread.h>
#include <string.h>

#include <linebreak.h>	/* libunibreak's, not ours: <> skips this folder */

/* Classes of the characters the Chinese rules care about (bits). */
enum {
	K_NS = 1,	/* never starts a line: no break before */
	K_OP = 2,	/* never ends a line: no break after */
	K_FW = 4,	/* full-width digit or Latin letter: runs stay whole */
	K_SEP = 8	/* ．，： between full-width digits (３．１４, ３，０００) */
};

/* Tables by block, indexed by the offset in the block; everything not
 * listed is 0.  Half-width kin get the same class as full-width ones. */
static const unsigned char S_ascii[0x80] = {
	['!'] = K_NS, [')'] = K_NS, [','] = K_NS, ['.'] = K_NS, [':'] = K_NS,
	[';'] = K_NS, ['?'] = K_NS, [']'] = K_NS, ['}'] = K_NS, ['%'] = K_NS,
	['('] = K_OP, ['['] = K_OP, ['{'] = K_OP,
};
static const unsigned char S_gpunct[0x70] = {	/* U+2000 .. U+206F */
	[0x13] = K_NS,			/* – as a connector (GB/T 15834 连接号) */
	[0x14] = K_NS,			/* — : half of ——, clreq strict */
	[0x15] = K_NS,
	[0x18] = K_OP, [0x19] = K_NS,	/* ‘ ’ */
	[0x1C] = K_OP, [0x1D] = K_NS,	/* “ ” */
	[0x25] = K_NS, [0x26] = K_NS,	/* ‥ … : half of …… */
	[0x27] = K_NS,			/* ‧ hyphenation point as 间隔号 */
	[0x30] = K_NS, [0x31] = K_NS,	/* ‰ ‱ */
	[0x32] = K_NS, [0x33] = K_NS,	/* ′ ″ */
	[0x3A] = K_NS,			/* › */
	[0x39] = K_OP,			/* ‹ */
	[0x3C] = K_NS, [0x47] = K_NS, [0x48] = K_NS, [0x49] = K_NS, /* ‼⁇⁈⁉ */
};
static const unsigned char S_cjkpunct[0x40] = {	/* U+3000 .. U+303F */
	[0x00] = K_NS,			/* ideographic space: break after it */
	[0x01] = K_NS, [0x02] = K_NS,	/* 、 。 */
	[0x03] = K_NS, [0x05] = K_NS,	/* 〃 々 */
	[0x08] = K_OP, [0x09] = K_NS,	/* 〈 〉 */
	[0x0A] = K_OP, [0x0B] = K_NS,	/* 《 》 */
	[0x0C] = K_OP, [0x0D] = K_NS,	/* 「 」 */
	[0x0E] = K_OP, [0x0F] = K_NS,	/* 『 』 */
	[0x10] = K_OP, [0x11] = K_NS,	/* 【 】 */
	[0x14] = K_OP, [0x15] = K_NS,	/* 〔 〕 */
	[0x16] = K_OP, [0x17] = K_NS,	/* 〖 〗 */
	[0x18] = K_OP, [0x19] = K_NS,	/* 〘 〙 */
	[0x1A] = K_OP, [0x1B] = K_NS,	/* 〚 〛 */
	[0x1C] = K_NS,			/* 〜 */
	[0x1D] = K_OP, [0x1E] = K_NS, [0x1F] = K_NS,	/* 〝 〞 〟 */
};
static const unsigned char S_fwforms[0x70] = {	/* U+FF00 .. U+FF6F */
	[0x01] = K_NS,			/* ！ */
	[0x05] = K_NS,			/* ％ */
	[0x08] = K_OP, [0x09] = K_NS,	/* （ ） */
	[0x0C] = K_NS | K_SEP,		/* ， */
	[0x0E] = K_NS | K_SEP,		/* ． */
	[0x1A] = K_NS | K_SEP,		/* ： */
	[0x1B] = K_NS, [0x1F] = K_NS,	/* ； ？ */
	[0x10] = K_FW, [0x11] = K_FW, [0x12] = K_FW, [0x13] = K_FW,
	[0x14] = K_FW, [0x15] = K_FW, [0x16] = K_FW, [0x17] = K_FW,
	[0x18] = K_FW, [0x19] = K_FW,	/* ０ .. ９ */
	[0x3B] = K_OP, [0x3D] = K_NS,	/* ［ ］ */
	[0x5B] = K_OP, [0x5D] = K_NS,	/* ｛ ｝ */
	[0x5E] = K_NS,			/* ～ */
	[0x5F] = K_OP, [0x60] = K_NS,	/* ｟ ｠ */
	[0x61] = K_NS,			/* ｡ */
	[0x62] = K_OP, [0x63] = K_NS,	/* ｢ ｣ */
	[0x64] = K_NS, [0x65] = K_NS,	/* ､ ･ */
};
static const unsigned char S_smallforms[0x20] = {	/* U+FE50 .. U+FE6F */
	[0x00] = K_NS, [0x01] = K_NS, [0x02] = K_NS,	/* ﹐ ﹑ ﹒ */
	[0x04] = K_NS, [0x05] = K_NS, [0x06] = K_NS, [0x07] = K_NS,
	[0x09] = K_OP, [0x0A] = K_NS,	/* ﹙ ﹚ */
	[0x0B] = K_OP, [0x0C] = K_NS,	/* ﹛ ﹜ */
	[0x0D] = K_OP, [0x0E] = K_NS,	/* ﹝ ﹞ */
	[0x1A] = K_NS,			/* ﹪ */
};

static inline unsigned
S_class(uint32_t c)
{
	if (c < 0x80)
		return S_ascii[c];
	if (c < 0x2000)
		return c == 0xB7 || c == 0xB0 ? K_NS : 0;	/* · ° */
	if (c < 0x2070)
		return S_gpunct[c - 0x2000];
	if (c < 0x3000)
		return c == 0x2103 || c == 0x2E3A || c == 0x2E3B ? K_NS : 0;
	if (c < 0x3040)
		return S_cjkpunct[c - 0x3000];
	if (c < 0xFE50)
		return c == 0x30FB ? K_NS : 0;		/* ・ */
	if (c < 0xFE70)
		return S_smallforms[c - 0xFE50];
	if (c < 0xFF00)
		return 0;
	if (c < 0xFF70) {
		if ((c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A))
			return K_FW;
		return S_fwforms[c - 0xFF00];
	}
	return 0;
}

static pthread_once_t S_once = PTHREAD_ONCE_INIT;

static int
S_lower(uint32_t c)
{
	return c >= 'A' && c <= 'Z' ? (int)(c + 32) : (int)c;
}

/* 1 if text[i ..] starts with the ASCII word w, whatever the case. */
static int
S_starts(const uint32_t *text, size_t n, size_t i, const char *w)
{
	for (; *w; w++, i++)
		if (i >= n || S_lower(text[i]) != *w)
			return 0;
	return 1;
}

/* Characters a URL is made of (RFC 3986, and % escapes). */
static int
S_urlchar(uint32_t c)
{
	if (c >= 'a' && c <= 'z') return 1;
	if (c >= 'A' && c <= 'Z') return 1;
	if (c >= '0' && c <= '9') return 1;
	return c != 0 && c < 0x7F && strchr("-._~:/?#[]@!$&'*+,;=%", (int)c);
}

/* Inside URLs, a line may end after / . - that is followed by more of
 * the URL (not after the // of the scheme, nor before another / . -). */
static void
S_url_breaks(const uint32_t *text, size_t n, char *brk)
{
	for (size_t i = 0; i < n; i++) {
		size_t body;
		uint32_t c = text[i] | 0x20;	/* ASCII lower case */
		if (c != 'h' && c != 'f' && c != 'w')
			continue;
		if (i > 0 && S_urlchar(text[i - 1]))
			continue;	/* a URL starts a word */
		if (S_starts(text, n, i, "https://"))
			body = i + 8;
		else if (S_starts(text, n, i, "http://") ||
		    S_starts(text, n, i, "ftp://"))
			body = i + (text[i] == 'f' || text[i] == 'F' ? 6 : 7);
		else if (S_starts(text, n, i, "www."))
			body = i + 4;
		else
			continue;
		size_t end = body;
		while (end < n && S_urlchar(text[end]))
			end++;
		/* Trailing sentence punctuation is not part of the URL. */
		while (end > body && strchr(".,;:!?'", (int)text[end - 1]))
			end--;
		for (size_t k = body; k + 1 < end; k++)
			if (brk[k] == LB_NO && strchr("/.-", (int)text[k]) &&
			    !strchr("/.-", (int)text[k + 1]))
				brk[k] = LB_ALLOW;
		i = end;
	}
}

void
lb_breaks(const uint32_t *text, size_t n, const char *lang, char *brk)
{
	unsigned prev, cur, next;
	size_t i;

	if (n == 0)
		return;
	pthread_once(&S_once, init_linebreak);
	set_linebreaks_utf32((const utf32_t *)text, n, lang ? lang : "zh", brk);

	cur = S_class(text[0]);
	prev = 0;
	for (i = 0; i + 1 < n; i++) {
		next = S_class(text[i + 1]);
		switch (brk[i]) {
		case LINEBREAK_MUSTBREAK:
			brk[i] = LB_MUST;
			break;
		case LINEBREAK_ALLOWBREAK:
			if ((next & K_NS) || (cur & K_OP) ||
			    ((cur & K_FW) && (next & K_FW)) ||
			    ((cur & K_SEP) && (prev & K_FW) && (next & K_FW)))
				brk[i] = LB_NO;
			else
				brk[i] = LB_ALLOW;
			break;
		default:
			brk[i] = LB_NO;
			break;
		}
		prev = cur;
		cur = next;
	}
	brk[n - 1] = LB_MUST;
	S_url_breaks(text, n, brk);
}

enum lb_punct
lb_punct(uint32_t c)
{
	switch (c) {
	case 0x2018: case 0x201C: case 0x3008: case 0x300A: case 0x300C:
	case 0x300E: case 0x3010: case 0x3014: case 0x3016: case 0x3018:
	case 0x301A: case 0x301D: case 0xFF08: case 0xFF3B: case 0xFF5B:
	case 0xFF5F:
		return LB_P_OPEN;
	case 0x2019: case 0x201D: case 0x3009: case 0x300B: case 0x300D:
	case 0x300F: case 0x3011: case 0x3015: case 0x3017: case 0x3019:
	case 0x301B: case 0x301E: case 0x301F: case 0xFF09: case 0xFF3D:
	case 0xFF5D: case 0xFF60:
		return LB_P_CLOSE;
	case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF1A:
	case 0xFF1B: case 0xFF01: case 0xFF1F:
		return LB_P_STOP;
	default:
		return LB_P_NONE;
	}
}

int
lb_is_han(uint32_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFD) ||
	    c == 0x3007;
}

int
lb_is_alnum(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
		    (c >= 'a' && c <= 'z');
	if (c < 0xC0)
		return 0;
	if (c <= 0x24F)	/* Latin-1 letters and Latin Extended A and B */
		return c != 0xD7 && c != 0xF7;
	return (c >= 0x370 && c <= 0x3FF && c != 0x37E && c != 0x387) ||
	    (c >= 0x400 && c <= 0x4FF) || (c >= 0x1E00 && c <= 0x1EFF);
}

int
lb_is_cjk(uint32_t c)
{
	if (c < 0x2E80)	/* the curly quotes, —, … and · set full width in CJK fonts */
		return c == 0xB7 || c == 0x2014 || c == 0x2015 ||
		    c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D ||
		    c == 0x2025 || c == 0x2026;
	if (c <= 0x33FF)	/* radicals, CJK punctuation, kana, bopomofo, enclosed */
		return c != 0x303F;
	if (c <= 0x4DBF)	/* extension A */
		return 1;
	if (c >= 0x4E00 && c <= 0x9FFF)
		return 1;
	if (c >= 0xF900 && c <= 0xFAFF)	/* compatibility ideographs */
		return 1;
	if (c >= 0xFE10 && c <= 0xFE1F)	/* vertical forms */
		return 1;
	if (c >= 0xFE30 && c <= 0xFE6F)	/* compatibility and small forms */
		return 1;
	if (c >= 0xFF01 && c <= 0xFF60)	/* full-width forms */
		return 1;
	if (c >= 0xFFE0 && c <= 0xFFE6)
		return 1;
	if (c >= 0x20000 && c <= 0x3FFFD)	/* planes 2 and 3 */
		return 1;
	return 0;
}
