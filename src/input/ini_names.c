/* ini_names.c — the names of an INI file against the vocabulary: which
 * section or key a name means (labels or English names, numbered
 * sections written 成员3, 成员三 or 成员３), the nearest known name for a
 * misspelt one, and dates as people write them.  For the INI reader. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/util.h"
#include "input_priv.h"
#include "vocab.h"

static int
S_name_is(const char *s, size_t n, const char *label, const char *name)
{
	return (strlen(label) == n && memcmp(s, label, n) == 0) ||
	    (strlen(name) == n && strncasecmp(s, name, n) == 0);
}

/* The number of a list section written after its name: ASCII digits
 * (*plain set), full-width digits or a Chinese numeral up to 九十九 (成员三,
 * 成员１: *plain cleared).  -1 if s is not such a number. */
static long
S_number(const char *s, int *plain)
{
	static const char *cn[] = { "〇", "一", "二", "三", "四", "五", "六",
		"七", "八", "九" };
	long num = 0, tens = -1;
	int any = 0;

	*plain = 1;
	if (isdigit((unsigned char)*s)) {
		char *end;
		errno = 0;
		num = strtol(s, &end, 10);
		return *end || errno || num <= 0 || num > 9999 ? -1 : num;
	}
	*plain = 0;
	/* full-width digits ０-９: EF BC 90 … EF BC 99 */
	if ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC &&
	    (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99) {
		for (; *s; s += 3) {
			if ((unsigned char)s[0] != 0xEF || (unsigned char)s[1] != 0xBC ||
			    (unsigned char)s[2] < 0x90 || (unsigned char)s[2] > 0x99 ||
			    num > 999)
				return -1;
			num = num * 10 + ((unsigned char)s[2] - 0x90);
		}
		return num > 0 ? num : -1;
	}
	/* 三, 十, 十二, 二十, 二十三 */
	while (*s) {
		int d = -1;
		if (strncmp(s, "十", 3) == 0) {
			if (tens >= 0)
				return -1;
			tens = any ? num : 1;
			num = 0;
			any = 0;
			s += 3;
			continue;
		}
		if (strncmp(s, "两", 3) == 0)
			d = 2;
		for (int k = 0; k < 10 && d < 0; k++)
			if (strncmp(s, cn[k], 3) == 0)
				d = k;
		if (d < 0 || any)
			return -1;
		num = d;
		any = 1;
		s += 3;
	}
	if (tens >= 0)
		num += tens * 10;
	else if (!any)
		return -1;
	return num > 0 && (tens < 0 || tens <= 9) ? num : -1;
}

/* A list section's name: label or name, then an optional separator, then
 * the number.  Returns the number, 0 if the name matches without one,
 * -2 if it starts with the name but what follows is no number, -1 if it
 * does not match.  *plain is cleared for a number not in ASCII digits. */
static long
S_list_num(const char *s, const struct vocab *v, int *plain)
{
	const char *cand[2] = { v->label, v->name };
	long r = -1;

	*plain = 1;
	for (int i = 0; i < 2; i++) {
		size_t n = strlen(cand[i]);
		const char *p;
		long num;

		if ((i == 0 && strncmp(s, cand[i], n) != 0) ||
		    (i == 1 && strncasecmp(s, cand[i], n) != 0))
			continue;
		p = s + n;
		if (*p == '\0')
			return 0;
		if (*p == ' ' || *p == '.' || *p == '-' || *p == '_' || *p == '#')
			p++;
		if ((num = S_number(p, plain)) > 0)
			return num;
		r = -2;
	}
	return r;
}

/* Edit distance between two names, in characters (at most 32 each). */
static int
S_dist(const char *a, const char *b)
{
	uint32_t x[33], y[33];
	int nx = 0, ny = 0, d[34], prev, t;
	size_t k;

	for (size_t i = 0, n = strlen(a); i < n && nx < 32; i += k ? k : 1)
		if ((k = utf8_decode(a + i, n - i, &x[nx])) > 0)
			nx++;
	for (size_t i = 0, n = strlen(b); i < n && ny < 32; i += k ? k : 1)
		if ((k = utf8_decode(b + i, n - i, &y[ny])) > 0)
			ny++;
	for (int j = 0; j <= ny; j++)
		d[j] = j;
	for (int i = 1; i <= nx; i++) {
		prev = d[0];
		d[0] = i;
		for (int j = 1; j <= ny; j++) {
			t = d[j];
			d[j] = prev + (x[i - 1] != y[j - 1]);
			if (d[j - 1] + 1 < d[j])
				d[j] = d[j - 1] + 1;
			if (t + 1 < d[j])
				d[j] = t + 1;
			prev = t;
		}
	}
	return d[ny];
}

/* "是否想写 总体规划？" into b when one of the vocabulary entries
 * [from, to) of the wanted type is near `name` (less than half its
 * length away), else "". */
const char *
ini_nearest(struct buf *b, const char *name, const struct vocab *from,
    int sections, const char *suffix)
{
	const struct vocab *best = NULL;
	int bd = 1000;

	buf_reset(b);
	for (const struct vocab *v = from; v->kind == from->kind; v++) {
		int ok = sections ? (v->type == VT_SECTION || v->type == VT_LIST) :
		    v->type == VT_KEY;
		if (!sections && v != from &&
		    (v->type == VT_SECTION || v->type == VT_LIST))
			break;
		if (!ok)
			continue;
		int d = S_dist(name, v->label), d2 = S_dist(name, v->name);
		if (d2 < d)
			d = d2;
		if (d < bd) {
			bd = d;
			best = v;
		}
	}
	if (best && bd > 0 && bd * 2 <= (int)utf8_count(best->label) + 1)
		buf_printf(b, "是否想写 %s%s%s%s？", sections ? "[" : "",
		    best->label, best->type == VT_LIST ? "1" : suffix,
		    sections ? "]" : "");
	else
		buf_puts(b, "");
	return b->data ? b->data : "";
}

/* The header section of each kind is its first entry. */
const struct vocab *
ini_header(const char *name, size_t n)
{
	const struct vocab *v;

	for (v = vocab_table; v->kind != INPUT_UNKNOWN; v++)
		if (v->type == VT_SECTION && v->path[0] == '\0' &&
		    (v == vocab_table || v[-1].kind != v->kind) &&
		    S_name_is(name, n, v->label, v->name))
			return v;
	return NULL;
}

/* The section a name means in a kind; *num its number (0 for a plain
 * section; for a list section, -2 when the name is the list's but what
 * follows is no number).  *plain as S_list_num. */
const struct vocab *
ini_find_section(enum input_kind kind, const char *name, long *num, int *plain)
{
	const struct vocab *v, *badnum = NULL;
	long k;

	*num = 0;
	*plain = 1;
	for (v = vocab_table; v->kind != INPUT_UNKNOWN; v++) {
		if (v->kind != kind)
			continue;
		if (v->type == VT_SECTION && S_name_is(name, strlen(name),
		    v->label, v->name)) {
			*num = 0;
			*plain = 1;
			return v;
		}
		if (v->type == VT_LIST) {
			if ((k = S_list_num(name, v, plain)) >= 0) {
				*num = k;
				return v;
			}
			if (k == -2 && badnum == NULL)
				badnum = v;
		}
	}
	*plain = 1;
	*num = badnum ? -2 : 0;
	return badnum;
}

/* The key entries of a section are the VT_KEY entries after it. */
const struct vocab *
ini_find_key(const struct vocab *sec, const char *key, size_t n)
{
	const struct vocab *v;

	for (v = sec + 1; v->kind == sec->kind &&
	    (v->type == VT_KEY || v->type == VT_LABEL); v++)
		if (v->type == VT_KEY && S_name_is(key, n, v->label, v->name))
			return v;
	return NULL;
}

/* "姓名、工号、…" for a message, into b. */
void
ini_list_keys(const struct vocab *sec, struct buf *b)
{
	const struct vocab *v;

	buf_reset(b);
	for (v = sec + 1; v->kind == sec->kind &&
	    (v->type == VT_KEY || v->type == VT_LABEL); v++)
		if (v->type == VT_KEY)
			buf_printf(b, "%s%s", b->len ? "、" : "", v->label);
	if (b->len == 0)
		buf_puts(b, "（无）");
}

void
ini_list_sections(enum input_kind kind, struct buf *b)
{
	const struct vocab *v;

	buf_reset(b);
	for (v = vocab_table; v->kind != INPUT_UNKNOWN; v++)
		if (v->kind == kind && (v->type == VT_SECTION || v->type == VT_LIST))
			buf_printf(b, "%s[%s%s]", b->len ? " " : "", v->label,
			    v->type == VT_LIST ? "1" : "");
}

/* A date as people write it — 2026年9月15日, 2026年9月, 2026.9.15, 2026/9 —
 * in the form's notation, 2026-09-15 or 2026-09; NULL if it is none of
 * these (the schema then says what is wrong with it as written). */
char *
ini_date(const char *v)
{
	long part[3] = { 0, 0, 0 };
	int n = 0;
	const char *p = v;

	while (n < 3) {
		char *end;
		if (!isdigit((unsigned char)*p))
			return NULL;
		part[n++] = strtol(p, &end, 10);
		p = end;
		if (*p == '\0')
			break;
		if (strncmp(p, "年", 3) == 0 || strncmp(p, "月", 3) == 0 ||
		    strncmp(p, "日", 3) == 0)
			p += 3;
		else if (*p == '.' || *p == '/' || *p == '-')
			p++;
		else
			return NULL;
		if (*p == '\0')
			break;
	}
	if (*p || n < 2 || part[0] < 1000 || part[0] > 9999 || part[1] < 1 ||
	    part[1] > 12 || (n == 3 && (part[2] < 1 || part[2] > 31)))
		return NULL;
	return n == 2 ? xasprintf("%04ld-%02ld", part[0], part[1]) :
	    xasprintf("%04ld-%02ld-%02ld", part[0], part[1], part[2]);
}

