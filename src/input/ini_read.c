/* ini_read.c — the INI reader: an INI file becomes the same tree as the XML
 * form (vocab.c says which section and key make which element), every
 * element carrying the INI line and column it came from.
 *
 * The lines are scanned here, not by iniparser_load(): iniparser loses
 * line numbers, cuts values at ';' and '#', merges duplicate keys
 * silently and gives up on a line of 1023 bytes without saying which.
 * Its dictionary serves as the table of keys seen, which finds the
 * duplicates; its typed getters (CVE-2023-33461) are never called.
 *
 * Made for text pasted from a word processor: a line may be of any
 * length; a line with no "key =" after a value continues that value as a
 * new paragraph; 键：值 with a known key is read as 键 = 值.  Nothing typed
 * is dropped without an error: an unknown or repeated section or key is
 * one, with the nearest known name.
 *
 * This file scans the lines and resolves their names; ini_tree.c builds
 * the tree, ini_include.c reads a value "@file" (ini_priv.h). */
#include "input.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dictionary.h>

#include "../diag/diag.h"
#include "../util/util.h"
#include "ini_priv.h"
#include "input_priv.h"
#include "vocab.h"

static void S_res_section(struct ini *, size_t);
static void S_res_kv(struct ini *, size_t);
static void S_clean(struct ini *, struct ini_kv *);
static void S_semicolon(struct ini *, const struct ini_kv *);

/* ---- text helpers ---- */

/* Spaces around keys and values: ASCII ones, the ideographic space
 * U+3000, and the invisible U+200B and U+FEFF that text pasted from a
 * word processor (or files joined together) bring along. */
static int
S_is_space3(const char *p)
{
	return memcmp(p, "\xE3\x80\x80", 3) == 0 ||
	    memcmp(p, "\xE2\x80\x8B", 3) == 0 || memcmp(p, "\xEF\xBB\xBF", 3) == 0;
}

static int
S_is_space(const char *p, size_t n, size_t *len)
{
	if (n >= 1 && (*p == ' ' || *p == '\t' || *p == '\r')) {
		*len = 1;
		return 1;
	}
	if (n >= 3 && S_is_space3(p)) {
		*len = 3;
		return 1;
	}
	return 0;
}

/* Trim those spaces from both ends of [*b, *e). */
void
ini_trim(const char **b, const char **e)
{
	size_t n;

	while (*b < *e && S_is_space(*b, (size_t)(*e - *b), &n))
		*b += n;
	for (;;) {
		if (*e > *b && ((*e)[-1] == ' ' || (*e)[-1] == '\t' ||
		    (*e)[-1] == '\r'))
			(*e)--;
		else if (*e - *b >= 3 && S_is_space3(*e - 3))
			*e -= 3;
		else
			break;
	}
}

/* Characters from a to b (valid UTF-8). */
int
ini_chars(const char *a, const char *b)
{
	int n = 0;

	for (; a < b; a++)
		if ((*a & 0xC0) != 0x80)
			n++;
	return n;
}

/* ---- scanning the lines ---- */

static void
S_add_section(struct ini *ini, const char *b, const char *e, int line, int col)
{
	struct ini_sec *s;

	ini->secs = xreallocarray(ini->secs, ini->nsecs + 1, sizeof *ini->secs);
	s = &ini->secs[ini->nsecs++];
	memset(s, 0, sizeof *s);
	s->name = xstrndup(b, (size_t)(e - b));
	s->line = line;
	s->col = col;
}

static void
S_add_kv(struct ini *ini, const char *kb, const char *ke, const char *vb,
    const char *ve, int line, int kcol, int vcol)
{
	struct ini_kv *kv;

	ini->kvs = xreallocarray(ini->kvs, ini->nkvs + 1, sizeof *ini->kvs);
	kv = &ini->kvs[ini->nkvs++];
	memset(kv, 0, sizeof *kv);
	kv->sec = (int)ini->nsecs - 1;
	kv->key = xstrndup(kb, (size_t)(ke - kb));
	kv->value = xstrndup(vb, (size_t)(ve - vb));
	kv->line = line;
	kv->kcol = kcol;
	kv->vcol = vcol;
	kv->part = 1;
}

/* The key of a "键：值" line when 键 is a key of the current section
 * (the colon an input method gives instead of =): where the colon is, or
 * NULL.  *clen receives its length. */
static const char *
S_colon_key(struct ini *ini, const char *b, const char *e, size_t *clen)
{
	const struct ini_sec *s;
	const char *c = NULL, *kb = b, *ke;

	if (ini->raw || ini->nsecs == 0 ||
	    (s = &ini->secs[ini->nsecs - 1])->spec == NULL)
		return NULL;
	for (const char *q = b; q < e; q++) {
		if (*q == ':') {
			c = q;
			*clen = 1;
			break;
		}
		if (e - q >= 3 && memcmp(q, "：", 3) == 0) {
			c = q;
			*clen = 3;
			break;
		}
	}
	if (c == NULL)
		return NULL;
	ke = c;
	ini_trim(&kb, &ke);
	{
		const char *dot = NULL;
		for (const char *q = kb; q < ke; q++)
			if (*q == '.')
				dot = q;
		if (dot && dot + 1 < ke &&
		    strspn(dot + 1, "0123456789") >= (size_t)(ke - dot - 1))
			ke = dot;
	}
	if (kb == ke || ini_find_key(s->spec, kb, (size_t)(ke - kb)) == NULL)
		return NULL;
	return c;
}

/* A line with no "key =": the next paragraph of the value above, if
 * there is one (text pasted from a word processor), else an error. */
static void
S_continue(struct ini *ini, long last, const char *lb, const char *b,
    const char *e, int line)
{
	struct ini_kv *kv;
	char *t;

	if (last < 0 || ini->raw) {
		diag(E_INI_SYNTAX, ini->url, line, ini_chars(lb, b) + 1);
		return;
	}
	kv = &ini->kvs[last];
	/* the key above was refused: nothing to continue (in an unknown
	 * section the section's error covers its lines) */
	if (kv->spec == NULL && ini->secs[kv->sec].spec != NULL) {
		diag(E_INI_SYNTAX, ini->url, line, ini_chars(lb, b) + 1);
		return;
	}
	if (kv->spec && kv->spec->form != VF_TEXT && kv->spec->form != VF_PARAS) {
		diag(E_INI_CONT_LINE, ini->url, line, ini_chars(lb, b) + 1,
		    kv->key, kv->line);
		return;
	}
	if (kv->spec && !ini->cont_said) {
		diag(N_INI_CONTINUED, ini->url, line, ini_chars(lb, b) + 1,
		    kv->key, kv->line);
		ini->cont_said = 1;
	}
	t = xstrndup(b, (size_t)(e - b));
	if (kv->spec)
		ini_strip(ini->url, t, line, ini_chars(lb, b) + 1);
	ini_para_add(&kv->more, t, line, ini_chars(lb, b) + 1);
}

/* Scan the text: sections and key = value lines, with their places.
 * Lines end at LF, CRLF or a lone CR (never text: a CR inside a line
 * must not hide "单位 = …" inside the value before it). */
static void
S_scan(struct ini *ini, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	int line = 0, cr_said = 0;
	long last = -1;		/* the key = value a free line continues */

	while (p < end) {
		const char *lb = p, *le = p;
		const char *b, *e;

		while (le < end && *le != '\n' && *le != '\r')
			le++;
		line++;
		p = le;
		if (p < end && *p == '\r' && p + 1 < end && p[1] == '\n')
			p += 2;
		else if (p < end) {
			if (*p == '\r' && !cr_said) {
				diag(W_INI_CR, ini->url, line, ini_chars(lb, le) + 1);
				cr_said = 1;
			}
			p++;
		}
		b = lb;
		e = le;
		ini_trim(&b, &e);
		if (b == e || *b == ';' || *b == '#')
			continue;
		if (ini->nsecs + ini->nkvs >= INI_MAX_ENTRIES) {
			diag(E_INI_TOO_MANY, ini->url, line, ini_chars(lb, b) + 1,
			    INI_MAX_ENTRIES);
			return;
		}
		/* 【主理人】 or ［主理人］: an input method's brackets */
		if ((size_t)(e - b) >= 3 && (memcmp(b, "【", 3) == 0 ||
		    memcmp(b, "［", 3) == 0)) {
			const char *cl = memcmp(b, "【", 3) == 0 ? "】" : "］";
			const char *close = NULL, *nb = b + 3, *ne;
			for (const char *q = nb; q + 3 <= e; q++)
				if (memcmp(q, cl, 3) == 0) {
					close = q;
					break;
				}
			if (close) {
				ne = close;
				ini_trim(&nb, &ne);
				if (nb < ne) {
					char *nm = xstrndup(nb, (size_t)(ne - nb));
					diag(W_INI_FULLWIDTH, ini->url, line,
					    ini_chars(lb, b) + 1, nm, nm);
					free(nm);
					S_add_section(ini, nb, ne, line,
					    ini_chars(lb, b) + 1);
					if (!ini->raw)
						S_res_section(ini, ini->nsecs - 1);
					last = -1;
					continue;
				}
			}
		}
		if (*b == '[') {
			const char *close = memchr(b, ']', (size_t)(e - b));
			const char *nb = b + 1, *ne, *rest;
			last = -1;
			if (close == NULL) {
				diag(E_INI_SECTION_SYNTAX, ini->url, line,
				    ini_chars(lb, b) + 1);
				continue;
			}
			ne = close;
			ini_trim(&nb, &ne);
			rest = close + 1;
			while (rest < e && (*rest == ' ' || *rest == '\t'))
				rest++;
			if (rest < e && *rest != ';' && *rest != '#')
				diag(E_INI_SECTION_SYNTAX, ini->url, line,
				    ini_chars(lb, rest) + 1);
			if (nb == ne) {
				diag(E_INI_SECTION_SYNTAX, ini->url, line,
				    ini_chars(lb, b) + 1);
				continue;
			}
			S_add_section(ini, nb, ne, line, ini_chars(lb, b) + 1);
			if (!ini->raw)
				S_res_section(ini, ini->nsecs - 1);
			continue;
		}
		{
			const char *eq = memchr(b, '=', (size_t)(e - b));
			const char *fw = NULL, *kb = b, *ke, *vb, *ve = e;
			size_t eqlen = 1;

			/* a full-width ＝ is taken as = (an easy slip) */
			for (const char *q = b; q + 3 <= e && (!eq || q < eq); q++)
				if (memcmp(q, "\xEF\xBC\x9D", 3) == 0) {
					fw = q;
					break;
				}
			if (fw) {
				eq = fw;
				eqlen = 3;
			}
			if (eq == NULL &&
			    (eq = S_colon_key(ini, b, e, &eqlen)) != NULL) {
				const char *k1 = b, *k2 = eq;
				ini_trim(&k1, &k2);
				char *k = xstrndup(k1, (size_t)(k2 - k1));
				char *c = xstrndup(eq, eqlen);
				diag(W_INI_COLON, ini->url, line,
				    ini_chars(lb, eq) + 1, k, c, k);
				free(k);
				free(c);
			}
			if (eq == NULL) {
				S_continue(ini, last, lb, b, e, line);
				continue;
			}
			ke = eq;
			ini_trim(&kb, &ke);
			if (kb == ke) {
				diag(E_INI_KEY_EMPTY, ini->url, line,
				    ini_chars(lb, b) + 1);
				continue;
			}
			vb = eq + eqlen;
			ini_trim(&vb, &ve);
			/* "…" or '…' around the whole value, as iniparser */
			if (ve - vb >= 2 && (*vb == '"' || *vb == '\'') &&
			    ve[-1] == *vb && memchr(vb + 1, *vb,
			    (size_t)(ve - vb - 2)) == NULL) {
				vb++;
				ve--;
			}
			if (ini->nsecs == 0) {
				diag(E_INI_KEY_OUTSIDE, ini->url, line,
				    ini_chars(lb, kb) + 1);
				continue;
			}
			S_add_kv(ini, kb, ke, vb, ve, line, ini_chars(lb, kb) + 1,
			    ini_chars(lb, vb) + 1);
			last = (long)ini->nkvs - 1;
			if (!ini->raw)
				S_res_kv(ini, ini->nkvs - 1);
		}
	}
}

/* ---- resolving names, finding duplicates ---- */

/* The first section names the kind. */
static void
S_res_section(struct ini *ini, size_t i)
{
	struct ini_sec *s = &ini->secs[i];
	char key[64], val[32];
	const char *prev;
	int plain;

	if (i == 0) {
		const struct vocab *h = ini_header(s->name, strlen(s->name));
		if (h == NULL) {
			diag(E_INI_KIND, ini->url, s->line, s->col, s->name);
			return;
		}
		ini->kind = h->kind;
	}
	if (ini->kind == INPUT_UNKNOWN)
		return;
	s->spec = ini_find_section(ini->kind, s->name, &s->num, &plain);
	if (s->spec == NULL) {
		const struct vocab *first = vocab_table;
		struct buf near;
		while (first->kind != ini->kind)
			first++;
		buf_init(&near);
		ini_list_sections(ini->kind, &ini->b);
		diag(E_INI_SECTION_UNKNOWN, ini->url, s->line, s->col,
		    input_kind_label(ini->kind), s->name,
		    ini_nearest(&near, s->name, first, 1, ""), ini->b.data);
		buf_free(&near);
		return;
	}
	if (s->spec->type == VT_LIST && s->num <= 0) {
		diag(E_INI_LIST_NUMBER, ini->url, s->line, s->col,
		    s->name, s->spec->label, s->spec->label);
		s->spec = NULL;
		return;
	}
	if (!plain)
		diag(W_INI_NUMBER, ini->url, s->line, s->col, s->name, s->num,
		    s->spec->label, s->num);
	snprintf(key, sizeof key, "s%d.%ld", (int)(s->spec - vocab_table), s->num);
	if ((prev = dictionary_get(ini->seen, key, NULL)) != NULL)
	{
		diag(E_INI_DUP_SECTION, ini->url, s->line, s->col, s->name,
		    atoi(prev));
		s->dup = 1;
	} else {
		snprintf(val, sizeof val, "%d", s->line);
		dictionary_set(ini->seen, key, val);
	}
}

static void
S_res_kv(struct ini *ini, size_t i)
{
	struct ini_kv *kv = &ini->kvs[i];
	const struct ini_sec *s = &ini->secs[kv->sec];
	size_t klen = strlen(kv->key);
	const char *dot = strrchr(kv->key, '.'), *prev;
	char key[96], val[32];

	if (s->spec == NULL)
		return;		/* said once for the section */
	/* 总体规划.2: a continuation paragraph */
	if (dot && dot[1] && strspn(dot + 1, "0123456789") == strlen(dot + 1) &&
	    strlen(dot + 1) <= 6) {
		kv->part = atol(dot + 1);
		klen = (size_t)(dot - kv->key);
	}
	kv->spec = ini_find_key(s->spec, kv->key, klen);
	if (kv->spec == NULL) {
		struct buf near;
		char *base = xstrndup(kv->key, klen);
		buf_init(&near);
		ini_list_keys(s->spec, &ini->b);
		diag(E_INI_KEY_UNKNOWN, ini->url, kv->line, kv->kcol, s->name,
		    kv->key, ini_nearest(&near, base, s->spec, 0, kv->key + klen),
		    ini->b.data);
		buf_free(&near);
		free(base);
		return;
	}
	if (kv->part < 1) {
		diag(E_INI_KEY_PART_ZERO, ini->url, kv->line, kv->kcol, kv->key);
		kv->spec = NULL;
		return;
	}
	if (kv->part != 1 && kv->spec->form != VF_TEXT &&
	    kv->spec->form != VF_PARAS) {
		diag(E_INI_KEY_PART, ini->url, kv->line, kv->kcol, kv->key,
		    kv->spec->label);
		kv->spec = NULL;
		return;
	}
	snprintf(key, sizeof key, "k%d.%ld.%d.%ld", (int)(s->spec - vocab_table),
	    s->num, (int)(kv->spec - vocab_table), kv->part);
	if ((prev = dictionary_get(ini->seen, key, NULL)) != NULL) {
		size_t j = (size_t)atol(prev);
		/* in a repeated section, said once for the section */
		if (!s->dup) {
			char *hint = kv->spec->form == VF_TEXT ||
			    kv->spec->form == VF_PARAS ? xasprintf(
			    "若是要分段，请写成编号的键（如 %s.2 = ……），或直接在下一行接着写（不写“键 =”）",
			    kv->spec->label) : xstrdup("请删去其中一处");
			diag(E_INI_DUP_KEY, ini->url, kv->line, kv->kcol,
			    kv->key, ini->kvs[j].line, hint);
			free(hint);
		}
		ini->kvs[j].dead = 1;
	}
	snprintf(val, sizeof val, "%zu", i);
	dictionary_set(ini->seen, key, val);
	S_clean(ini, kv);
	if (kv->spec->form == VF_LINE || kv->spec->form == VF_ATTR)
		S_semicolon(ini, kv);
}

void
ini_para_add(struct paras *ps, char *text, int line, int col)
{
	ps->p = xreallocarray(ps->p, ps->n + 1, sizeof *ps->p);
	ps->p[ps->n].text = text;
	ps->p[ps->n].line = line;
	ps->p[ps->n++].col = col;
}

/* Control characters and the non-characters U+FFFE U+FFFF have no place
 * in a form, and XML cannot hold them: what convert writes must read
 * back.  text starts at line:col of url. */
void
ini_strip(const char *url, char *text, int line, int col)
{
	char *w = text;

	for (const char *r = text; *r;) {
		unsigned char c = (unsigned char)*r;
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			diag(E_INI_CONTROL, url, line, col, c);
			r++;
			col++;
			continue;
		}
		if (c == 0xEF && (unsigned char)r[1] == 0xBF &&
		    ((unsigned char)r[2] == 0xBE || (unsigned char)r[2] == 0xBF)) {
			diag(E_INI_NONCHAR, url, line, col,
			    (unsigned char)r[2] == 0xBE ? 0xFFFE : 0xFFFF);
			r += 3;
			col++;
			continue;
		}
		if (c == '\n') {
			line++;
			col = 0;
		}
		if ((c & 0xC0) != 0x80)
			col++;
		*w++ = *r++;
	}
	*w = '\0';
}

static void
S_clean(struct ini *ini, struct ini_kv *kv)
{
	ini_strip(ini->url, kv->value, kv->line, kv->vcol);
}

/* A value of a short field with " ;…" in it: probably meant as a comment. */
static void
S_semicolon(struct ini *ini, const struct ini_kv *kv)
{
	for (const char *p = kv->value; *p; p++)
		if ((p[0] == ' ' || p[0] == '\t') && (p[1] == ';' || p[1] == '#')) {
			diag(W_INI_SEMICOLON, ini->url, kv->line,
			    kv->vcol + ini_chars(kv->value, p + 1), kv->key, p + 1);
			return;
		}
}

static void
S_free(struct ini *ini)
{
	buf_free(&ini->b);
	for (size_t i = 0; i < ini->nsecs; i++)
		free(ini->secs[i].name);
	for (size_t i = 0; i < ini->nkvs; i++) {
		free(ini->kvs[i].key);
		free(ini->kvs[i].value);
		for (size_t k = 0; k < ini->kvs[i].more.n; k++)
			free(ini->kvs[i].more.p[k].text);
		free(ini->kvs[i].more.p);
	}
	free(ini->secs);
	free(ini->kvs);
}

xmlDocPtr
input_read_ini_mem(const char *data, size_t len, const char *url)
{
	struct ini ini;
	char *text;
	size_t tlen;
	int conv;
	xmlDocPtr doc = NULL;

	if ((text = input_to_utf8(data, len, url, &tlen, &conv)) == NULL)
		return NULL;
	memset(&ini, 0, sizeof ini);
	ini.url = url;
	ini.seen = dictionary_new(0);
	buf_init(&ini.b);
	S_scan(&ini, text, tlen);
	if (ini.nsecs == 0)
		diag(E_INI_NO_SECTION, url, 0, 0);
	else if (ini.kind != INPUT_UNKNOWN) {
		ini_build(&ini);
		doc = ini.doc;
	}
	dictionary_del(ini.seen);
	S_free(&ini);
	free(text);
	return doc;
}

/* The scanner alone, for INI files outside the input vocabulary
 * (forms/policy.ini): every key = value in order, with its section. */
int
input_ini_scan_mem(const char *data, size_t len, const char *url,
    input_ini_fn fn, void *arg)
{
	struct ini ini;
	char *text;
	size_t tlen;
	int conv;

	if ((text = input_to_utf8(data, len, url, &tlen, &conv)) == NULL)
		return -1;
	memset(&ini, 0, sizeof ini);
	ini.url = url;
	ini.raw = 1;
	buf_init(&ini.b);
	S_scan(&ini, text, tlen);
	for (size_t i = 0; i < ini.nkvs; i++) {
		const struct ini_kv *kv = &ini.kvs[i];
		fn(kv->sec >= 0 ? ini.secs[kv->sec].name : "", kv->key,
		    kv->value, kv->line, kv->kcol, arg);
	}
	S_free(&ini);
	free(text);
	return 0;
}
