/* datauri.c — RFC 2397 data: URIs: their media type and their bytes.
 * See datauri.h. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "datauri.h"
#include "util.h"

int
datauri_is(const char *s)
{
	return s != NULL && strncasecmp(s, "data:", 5) == 0;
}

static int
S_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The header (between "data:" and the comma) of uri: its start in *h and
 * length in *hn, and where the data starts; NULL, or why not. */
static const char *
S_header(const char *uri, const char **h, size_t *hn, const char **data)
{
	const char *comma;

	if (!datauri_is(uri))
		return "不以 data: 开头";
	*h = uri + 5;
	/* a header is short: no need to look far for its comma */
	for (comma = *h; *comma && *comma != ',' && comma - *h < 1024; comma++)
		;
	if (*comma != ',')
		return "缺少分隔类型和数据的逗号（应为 data:image/png;base64,数据）";
	*hn = (size_t)(comma - *h);
	*data = comma + 1;
	return NULL;
}

/* The token [s, s+n) without the whitespace around it. */
static void
S_trim(const char **s, size_t *n)
{
	while (*n > 0 && S_space((unsigned char)**s))
		(*s)++, (*n)--;
	while (*n > 0 && S_space((unsigned char)(*s)[*n - 1]))
		(*n)--;
}

const char *
datauri_type(const char *uri, char *out, size_t n)
{
	const char *h, *data, *why;
	size_t hn, tn, i;

	if ((why = S_header(uri, &h, &hn, &data)) != NULL)
		return why;
	const char *semi = memchr(h, ';', hn);
	tn = semi ? (size_t)(semi - h) : hn;
	S_trim(&h, &tn);
	if (tn == 0) {
		h = "text/plain";
		tn = strlen(h);
	}
	for (i = 0; i < tn && i + 1 < n; i++)
		out[i] = (char)(h[i] >= 'A' && h[i] <= 'Z' ? h[i] - 'A' + 'a' : h[i]);
	if (n > 0)
		out[i] = '\0';
	return NULL;
}

/* Whether the last parameter of the header is ";base64". */
static int
S_base64(const char *h, size_t hn)
{
	const char *p = h + hn;

	while (p > h && p[-1] != ';')
		p--;
	if (p == h)
		return 0;
	size_t n = (size_t)(h + hn - p);
	S_trim(&p, &n);
	return n == 6 && strncasecmp(p, "base64", 6) == 0;
}

static int
S_b64(int c)
{
	if (c >= 'A' && c <= 'Z') return c - 'A';
	if (c >= 'a' && c <= 'z') return c - 'a' + 26;
	if (c >= '0' && c <= '9') return c - '0' + 52;
	if (c == '+') return 62;
	if (c == '/') return 63;
	return -1;
}

const char *
datauri_decode(const char *uri, size_t max, unsigned char **data,
    size_t *len, int *large)
{
	const char *h, *s, *why;
	size_t hn, n = 0, cap;
	unsigned char *out;
	int b64;

	*data = NULL;
	*len = 0;
	*large = 0;
	if ((why = S_header(uri, &h, &hn, &s)) != NULL)
		return why;
	b64 = S_base64(h, hn);
	/* base64 gives 3 bytes for 4 characters, percent-encoding at most
	 * one for one: never more than max + 1 bytes, however long the URI */
	cap = strlen(s);
	if (b64)
		cap = cap / 4 * 3 + 3;
	if (cap > max)
		cap = max;
	out = xmalloc(cap + 1);
	if (b64) {
		uint32_t acc = 0;
		int bits = 0, pad = 0;
		size_t chars = 0;
		for (; *s; s++) {
			int c = (unsigned char)*s, v;
			if (S_space(c))
				continue;
			if (c == '=') {
				pad++;
				chars++;
				continue;
			}
			if (pad || (v = S_b64(c)) < 0) {
				why = pad ? "base64 的“=”之后还有数据" :
				    "base64 数据中有不属于 base64 的字符";
				goto fail;
			}
			chars++;
			acc = acc << 6 | (uint32_t)v;
			if ((bits += 6) >= 8) {
				bits -= 8;
				if (n == max) {
					*large = 1;
					why = "解码后超过上限";
					goto fail;
				}
				out[n++] = (unsigned char)(acc >> bits);
				acc &= (1u << bits) - 1;
			}
		}
		/* 2 or 3 characters in the last group, or all of it padded */
		if (chars % 4 == 1 || pad > 2 || (pad && chars % 4 != 0)) {
			why = "base64 数据长度不对（是否被截断？）";
			goto fail;
		}
	} else {
		for (; *s; s++) {
			int c = (unsigned char)*s;
			if (c == '%') {
				int hi = hex_value((unsigned char)s[1]);
				int lo = hi < 0 ? -1 : hex_value((unsigned char)s[2]);
				if (lo < 0) {
					why = "百分号编码不完整（% 之后应是两位十六进制数）";
					goto fail;
				}
				c = hi << 4 | lo;
				s += 2;
			}
			if (n == max) {
				*large = 1;
				why = "解码后超过上限";
				goto fail;
			}
			out[n++] = (unsigned char)c;
		}
	}
	if (n == 0) {
		why = "没有数据";
		goto fail;
	}
	*data = out;
	*len = n;
	return NULL;
fail:
	free(out);
	return why;
}

const char *
datauri_quote(const char *src, char *out)
{
	char *o = out;

	utf8_cut(src, 80, out);
	if (datauri_is(src)) {
		for (const char *p = out; *p; p++)
			if (!S_space((unsigned char)*p))
				*o++ = *p;
		*o = '\0';
	}
	return out;
}
