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
 * one, with the nearest known name. */
#include "input.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <dictionary.h>

#include "../diag/diag.h"
#include "../util/util.h"
#include "input_priv.h"
#include "vocab.h"

/* Sections and keys of one file: a form has about a hundred; the bound
 * keeps every pass (and iniparser's dictionary, which searches linearly)
 * fast on hostile input. */
#define INI_MAX_ENTRIES	10000
/* The longest text field, as libxml2's XML_MAX_TEXT_LENGTH. */
#define INI_MAX_TEXT	10000000

/* One paragraph of a text field, where it was written. */
struct para {
	char	*text;
	int	 line, col;
};

struct paras {
	struct para *p;
	size_t	 n;
};

struct ini_sec {
	char		*name;
	int		 line, col;
	const struct vocab *spec;	/* NULL: unknown section */
	long		 num;		/* number of a list section */
	int		 dup;		/* a second header of a section */
};

struct ini_kv {
	int		 sec;		/* index in sections, -1 before any */
	char		*key;
	char		*value;
	int		 line, kcol, vcol;
	const struct vocab *spec;	/* NULL: unknown key */
	long		 part;		/* 1, or N of key.N */
	int		 dead;		/* overridden by a later duplicate */
	struct paras	 more;		/* lines without "key =" that follow */
};

struct ini {
	const char	*url;
	enum input_kind	 kind;
	struct ini_sec	*secs;
	size_t		 nsecs;
	struct ini_kv	*kvs;
	size_t		 nkvs;
	xmlDocPtr	 doc;
	dictionary	*seen;		/* sections and keys met: for duplicates */
	struct buf	 b;
	int		 raw;		/* input_ini_scan_mem: no vocabulary */
	int		 cont_said;	/* N-INI-CONTINUED given */
};

static void S_res_section(struct ini *, size_t);
static void S_res_kv(struct ini *, size_t);
static void S_clean(struct ini *, struct ini_kv *);
static void S_strip(const char *, char *, int, int);
static void S_semicolon(struct ini *, const struct ini_kv *);
static void S_para_add(struct paras *, char *, int, int);

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
static void
S_trim(const char **b, const char **e)
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
static int
S_chars(const char *a, const char *b)
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
	S_trim(&kb, &ke);
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
		diag(E_INI_SYNTAX, ini->url, line, S_chars(lb, b) + 1);
		return;
	}
	kv = &ini->kvs[last];
	/* the key above was refused: nothing to continue (in an unknown
	 * section the section's error covers its lines) */
	if (kv->spec == NULL && ini->secs[kv->sec].spec != NULL) {
		diag(E_INI_SYNTAX, ini->url, line, S_chars(lb, b) + 1);
		return;
	}
	if (kv->spec && kv->spec->form != VF_TEXT && kv->spec->form != VF_PARAS) {
		diag(E_INI_CONT_LINE, ini->url, line, S_chars(lb, b) + 1,
		    kv->key, kv->line);
		return;
	}
	if (kv->spec && !ini->cont_said) {
		diag(N_INI_CONTINUED, ini->url, line, S_chars(lb, b) + 1,
		    kv->key, kv->line);
		ini->cont_said = 1;
	}
	t = xstrndup(b, (size_t)(e - b));
	if (kv->spec)
		S_strip(ini->url, t, line, S_chars(lb, b) + 1);
	S_para_add(&kv->more, t, line, S_chars(lb, b) + 1);
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
				diag(W_INI_CR, ini->url, line, S_chars(lb, le) + 1);
				cr_said = 1;
			}
			p++;
		}
		b = lb;
		e = le;
		S_trim(&b, &e);
		if (b == e || *b == ';' || *b == '#')
			continue;
		if (ini->nsecs + ini->nkvs >= INI_MAX_ENTRIES) {
			diag(E_INI_TOO_MANY, ini->url, line, S_chars(lb, b) + 1,
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
				S_trim(&nb, &ne);
				if (nb < ne) {
					char *nm = xstrndup(nb, (size_t)(ne - nb));
					diag(W_INI_FULLWIDTH, ini->url, line,
					    S_chars(lb, b) + 1, nm, nm);
					free(nm);
					S_add_section(ini, nb, ne, line,
					    S_chars(lb, b) + 1);
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
				    S_chars(lb, b) + 1);
				continue;
			}
			ne = close;
			S_trim(&nb, &ne);
			rest = close + 1;
			while (rest < e && (*rest == ' ' || *rest == '\t'))
				rest++;
			if (rest < e && *rest != ';' && *rest != '#')
				diag(E_INI_SECTION_SYNTAX, ini->url, line,
				    S_chars(lb, rest) + 1);
			if (nb == ne) {
				diag(E_INI_SECTION_SYNTAX, ini->url, line,
				    S_chars(lb, b) + 1);
				continue;
			}
			S_add_section(ini, nb, ne, line, S_chars(lb, b) + 1);
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
				S_trim(&k1, &k2);
				char *k = xstrndup(k1, (size_t)(k2 - k1));
				char *c = xstrndup(eq, eqlen);
				diag(W_INI_COLON, ini->url, line,
				    S_chars(lb, eq) + 1, k, c, k);
				free(k);
				free(c);
			}
			if (eq == NULL) {
				S_continue(ini, last, lb, b, e, line);
				continue;
			}
			ke = eq;
			S_trim(&kb, &ke);
			if (kb == ke) {
				diag(E_INI_KEY_EMPTY, ini->url, line,
				    S_chars(lb, b) + 1);
				continue;
			}
			vb = eq + eqlen;
			S_trim(&vb, &ve);
			/* "…" or '…' around the whole value, as iniparser */
			if (ve - vb >= 2 && (*vb == '"' || *vb == '\'') &&
			    ve[-1] == *vb && memchr(vb + 1, *vb,
			    (size_t)(ve - vb - 2)) == NULL) {
				vb++;
				ve--;
			}
			if (ini->nsecs == 0) {
				diag(E_INI_KEY_OUTSIDE, ini->url, line,
				    S_chars(lb, kb) + 1);
				continue;
			}
			S_add_kv(ini, kb, ke, vb, ve, line, S_chars(lb, kb) + 1,
			    S_chars(lb, vb) + 1);
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

/* ---- building the tree ---- */

static void
S_place(xmlNodePtr n, int line, int col)
{
	input_set_line(n, line);
	diag_node_set_col(n, col);
}

static xmlNodePtr
S_text(xmlNodePtr parent, const char *s, int line)
{
	xmlNodePtr t = xmlNewText(BAD_CAST s);

	input_set_line(t, line);
	if (line >= 65535)	/* as libxml2 keeps big lines for XML */
		t->psvi = (void *)(ptrdiff_t)line;
	return xmlAddChild(parent, t);
}

/* Child "name" or "name#N" (with n="N") of parent, made if missing
 * (always made when fresh). */
static xmlNodePtr
S_child(xmlNodePtr parent, const char *step, size_t n, int fresh, int line,
    int col)
{
	const char *hash = memchr(step, '#', n);
	char *name = xstrndup(step, hash ? (size_t)(hash - step) : n);
	char *num = hash ? xstrndup(hash + 1, n - (size_t)(hash - step) - 1) : NULL;
	xmlNodePtr c = NULL;

	if (!fresh)
		for (c = parent->children; c; c = c->next) {
			if (c->type != XML_ELEMENT_NODE ||
			    !xmlStrEqual(c->name, BAD_CAST name))
				continue;
			if (num == NULL)
				break;
			xmlChar *have = xmlGetProp(c, BAD_CAST "n");
			int same = have && strcmp((char *)have, num) == 0;
			xmlFree(have);
			if (same)
				break;
		}
	if (c == NULL) {
		c = xmlNewChild(parent, NULL, BAD_CAST name, NULL);
		if (num)
			xmlNewProp(c, BAD_CAST "n", BAD_CAST num);
		S_place(c, line, col);
	}
	free(name);
	free(num);
	return c;
}

/* The element at a relative path below el; the last step is made fresh
 * when asked (a list's items). */
static xmlNodePtr
S_walk(xmlNodePtr el, const char *rel, int fresh_last, int line, int col)
{
	while (*rel) {
		const char *slash = strchr(rel, '/');
		size_t n = slash ? (size_t)(slash - rel) : strlen(rel);
		el = S_child(el, rel, n, fresh_last && slash == NULL, line, col);
		rel += n + (slash != NULL);
	}
	return el;
}

/* Path of a key relative to its section's element. */
static const char *
S_rel(const struct vocab *sec, const struct vocab *key)
{
	size_t n = strlen(sec->path);

	if (n == 0)
		return key->path;
	if (strncmp(key->path, sec->path, n) == 0) {
		if (key->path[n] == '\0')
			return "";
		if (key->path[n] == '/')
			return key->path + n + 1;
	}
	return key->path;	/* not below: the table keeps keys below */
}

/* One line of a file joined to the paragraph so far: no space between
 * Chinese characters, one between Latin words. */
static void
S_join(struct buf *para, const char *b, const char *e)
{
	if (para->len && e > b) {
		uint32_t last = 0, first = 0;
		size_t i = para->len;
		while (i > 0 && (para->data[i - 1] & 0xC0) == 0x80)
			i--;
		if (i > 0)
			i--;
		utf8_decode(para->data + i, para->len - i, &last);
		utf8_decode(b, (size_t)(e - b), &first);
		if (last < 0x2E80 && first < 0x2E80)
			buf_putc(para, ' ');
	}
	buf_append(para, b, (size_t)(e - b));
}

static void
S_para_add(struct paras *ps, char *text, int line, int col)
{
	ps->p = xreallocarray(ps->p, ps->n + 1, sizeof *ps->p);
	ps->p[ps->n].text = text;
	ps->p[ps->n].line = line;
	ps->p[ps->n++].col = col;
}

/* input_ini_includes: 0 while nothing may be read beside the input. */
static int S_includes = 1;

void
input_ini_includes(int on)
{
	S_includes = on;
}

/* A format of file that @file does not read, said by its first bytes or
 * its name ("Word 97-2003 文档（.doc）"); NULL for text or .docx. */
static const char *
S_format(const char *name, const char *raw, size_t len)
{
	static const struct {
		const char *ext, *what;
	} exts[] = {
		{ ".doc", "Word 97-2003 文档（.doc）" }, { ".wps", "WPS 文档（.wps）" },
		{ ".pdf", "PDF 文件" }, { ".rtf", "RTF 文档" },
		{ ".odt", "OpenDocument 文档（.odt）" }, { ".xls", "Excel 表格" },
		{ ".xlsx", "Excel 表格" }, { ".pptx", "PowerPoint 演示文稿" },
	};
	size_t n = strlen(name);

	if (len >= 4 && memcmp(raw, "\xD0\xCF\x11\xE0", 4) == 0)
		return "Word 97-2003 或 WPS 的旧格式文档";
	if (len >= 5 && memcmp(raw, "%PDF-", 5) == 0)
		return "PDF 文件";
	if (len >= 5 && memcmp(raw, "{\\rtf", 5) == 0)
		return "RTF 文档";
	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
		size_t e = strlen(exts[i].ext);
		if (n > e && strcasecmp(name + n - e, exts[i].ext) == 0)
			return exts[i].what;
	}
	return NULL;
}

/* @file: the paragraphs of a file beside the INI file (.txt, .docx). */
static void
S_include(struct ini *ini, const struct ini_kv *kv, struct paras *ps)
{
	const char *rel = kv->value + 1;
	char *dir, *path, *rdir = NULL, *rpath = NULL, *raw = NULL, *text = NULL;
	const char *what;
	size_t len, tlen;
	struct stat st;
	int conv;

	while (*rel == ' ' || *rel == '\t')
		rel++;
	/* A form sent to wsdoc serve names no file of the server's. */
	if (!S_includes) {
		diag(E_INI_INCLUDE_OFF, ini->url, kv->line, kv->vcol, kv->value);
		return;
	}
	if (*rel == '\0') {
		diag(E_INI_INCLUDE_PATH, ini->url, kv->line, kv->vcol, kv->value);
		return;
	}
	/* Only files in the INI file's folder or below: an INI file sent by
	 * someone else must not pull in this machine's files. */
	if (rel[0] == '/' || strcmp(rel, "..") == 0 ||
	    strncmp(rel, "../", 3) == 0 || strstr(rel, "/../") ||
	    (strlen(rel) >= 3 && strcmp(rel + strlen(rel) - 3, "/..") == 0)) {
		diag(E_INI_INCLUDE_PATH, ini->url, kv->line, kv->vcol, rel);
		return;
	}
	dir = strcmp(ini->url, "-") == 0 ? xstrdup(".") : path_dirname(ini->url);
	path = strcmp(dir, ".") == 0 ? xstrdup(rel) : path_join(dir, rel);
	rdir = realpath(dir, NULL);
	rpath = realpath(path, NULL);
	if (rpath == NULL) {
		diag(E_INI_INCLUDE_READ, ini->url, kv->line, kv->vcol, rel,
		    errno_text(errno));
		goto out;
	}
	if (rdir == NULL || strncmp(rpath, rdir, strlen(rdir)) != 0 ||
	    (rpath[strlen(rdir)] != '/' && strcmp(rdir, "/") != 0)) {
		diag(E_INI_INCLUDE_PATH, ini->url, kv->line, kv->vcol, rel);
		goto out;
	}
	/* A hard link is in the folder by its name only: its other name may
	 * be any file of this machine (root can link /etc/shadow). */
	if (stat(rpath, &st) == 0 && !S_ISDIR(st.st_mode) && st.st_nlink > 1) {
		diag(E_INI_INCLUDE_LINK, ini->url, kv->line, kv->vcol, rel,
		    (unsigned long)st.st_nlink);
		goto out;
	}
	if ((raw = input_slurp(rpath, &len)) == NULL) {
		int e = errno;
		if (e == ESPIPE && (what = input_file_kind(rpath)) != NULL)
			diag(E_INI_INCLUDE_KIND, ini->url, kv->line, kv->vcol,
			    rel, what);
		else
			diag(E_INI_INCLUDE_READ, ini->url, kv->line, kv->vcol,
			    rel, errno_text(e));
		goto out;
	}
	if ((what = S_format(rel, raw, len)) != NULL) {
		diag(E_INI_INCLUDE_FORMAT, ini->url, kv->line, kv->vcol, rel, what);
		goto out;
	}
	if (len >= 4 && memcmp(raw, "PK\3\4", 4) == 0) {
		int nolib;
		if ((text = input_docx_text(raw, len, &tlen, &nolib)) == NULL) {
			diag(E_INI_INCLUDE_FORMAT, ini->url, kv->line, kv->vcol,
			    rel, nolib ? "Word 文档，而这台机器缺少读取它的 libzip"
			    "（apt-get install libzip4）" : "压缩包而不是 Word 文档");
			goto out;
		}
	} else if ((text = input_to_utf8(raw, len, path, &tlen, &conv)) == NULL)
		goto out;
	S_strip(path, text, 1, 1);
	tlen = strlen(text);
	{
		struct buf para;
		const char *p = text, *end = text + tlen;

		buf_init(&para);
		while (p <= end) {
			const char *lb = p, *le = memchr(p, '\n', (size_t)(end - p));
			if (le == NULL)
				le = end;
			p = le + 1;
			S_trim(&lb, &le);
			if (lb == le) {
				if (para.len)
					S_para_add(ps, buf_detach(&para), kv->line, kv->kcol);
				if (p > end)
					break;
				continue;
			}
			S_join(&para, lb, le);
		}
		if (para.len)
			S_para_add(ps, buf_detach(&para), kv->line, kv->kcol);
		buf_free(&para);
	}
out:
	free(dir);
	free(path);
	free(rdir);
	free(rpath);
	free(raw);
	free(text);
}

/* Control characters and the non-characters U+FFFE U+FFFF have no place
 * in a form, and XML cannot hold them: what convert writes must read
 * back.  text starts at line:col of url. */
static void
S_strip(const char *url, char *text, int line, int col)
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
	S_strip(ini->url, kv->value, kv->line, kv->vcol);
}

/* A value of a short field with " ;…" in it: probably meant as a comment. */
static void
S_semicolon(struct ini *ini, const struct ini_kv *kv)
{
	for (const char *p = kv->value; *p; p++)
		if ((p[0] == ' ' || p[0] == '\t') && (p[1] == ';' || p[1] == '#')) {
			diag(W_INI_SEMICOLON, ini->url, kv->line,
			    kv->vcol + S_chars(kv->value, p + 1), kv->key, p + 1);
			return;
		}
}

/* Value map of an attribute ("名称=name|…"): the English value. */
static char *
S_map(const struct vocab *spec, const char *value)
{
	const char *p = spec->values;
	size_t vn = strlen(value);

	while (p && *p) {
		const char *eq = strchr(p, '='), *bar = strchr(p, '|');
		if (bar == NULL)
			bar = p + strlen(p);
		if (eq && eq < bar && (size_t)(eq - p) == vn &&
		    memcmp(p, value, vn) == 0)
			return xstrndup(eq + 1, (size_t)(bar - eq - 1));
		p = *bar ? bar + 1 : bar;
	}
	return xstrdup(value);
}

/* Split a list value at 、，, ; ； and white space (also U+3000) into
 * items, each with its column. */
static void
S_split(xmlNodePtr container, const char *item, const struct ini_kv *kv)
{
	const char *p = kv->value;

	while (*p) {
		const char *b = p, *e;
		size_t seplen = 0;

		for (e = p; *e; e++) {
			if (*e == ',' || *e == ';' || *e == ' ' || *e == '\t') {
				seplen = 1;
				break;
			}
			if (strncmp(e, "、", 3) == 0 || strncmp(e, "，", 3) == 0 ||
			    strncmp(e, "；", 3) == 0 || strncmp(e, "\u3000", 3) == 0) {
				seplen = 3;
				break;
			}
		}
		p = *e ? e + seplen : e;
		S_trim(&b, &e);
		if (b == e)
			continue;
		char *s = xstrndup(b, (size_t)(e - b));
		xmlNodePtr it = xmlNewChild(container, NULL, BAD_CAST item, NULL);
		S_place(it, kv->line, kv->vcol + S_chars(kv->value, b));
		S_text(it, s, kv->line);
		free(s);
	}
}

/* The values of one key in one section element: parts, ordered by
 * their number (总体规划, 总体规划.2 …). */
static void
S_key(struct ini *ini, xmlNodePtr secel, const struct vocab *sspec,
    const struct vocab *kspec, struct ini_kv *const *parts, size_t n)
{
	const char *rel = S_rel(sspec, kspec);
	const struct ini_kv *first;
	xmlNodePtr el;

	if (n == 0)
		return;
	first = parts[0];

	switch (kspec->form) {
	case VF_ATTR: {
		const char *at = strrchr(rel, '@');
		xmlAttrPtr attr;
		char *path = xstrndup(rel, (size_t)(at - rel));
		char *v = S_map(kspec, first->value);
		if (strcmp(at + 1, "date") == 0) {
			char *d = ini_date(v);
			if (d) {
				free(v);
				v = d;
			}
		}
		size_t pl = strlen(path);
		if (pl && path[pl - 1] == '/')
			path[pl - 1] = '\0';
		el = S_walk(secel, path, 0, first->line, first->kcol);
		attr = xmlSetProp(el, BAD_CAST (at + 1), BAD_CAST v);
		/* the key's line, for messages about the value (schema.c) */
		if (attr && attr->children)
			input_set_line(attr->children, first->line);
		free(v);
		free(path);
		break;
	}
	case VF_LINE:
		el = S_walk(secel, rel, 0, first->line, first->kcol);
		if (el != secel)
			S_place(el, first->line, first->kcol);
		if (first->value[0])
			S_text(el, first->value, first->line);
		break;
	case VF_SPLIT: {
		const char *slash = strrchr(rel, '/');
		char *cont = xstrndup(rel, (size_t)(slash - rel));
		el = S_walk(secel, cont, 0, first->line, first->kcol);
		S_split(el, slash + 1, first);
		free(cont);
		break;
	}
	case VF_TEXT:
	case VF_PARAS: {
		struct paras ps = { NULL, 0 };
		for (size_t i = 0; i < n; i++) {
			if (parts[i]->value[0] == '@' && parts[i]->value[1] == '@')
				S_para_add(&ps, xstrdup(parts[i]->value + 1),
				    parts[i]->line, parts[i]->kcol);	/* @@: a literal @ */
			else if (parts[i]->value[0] == '@' && parts[i]->value[1])
				S_include(ini, parts[i], &ps);
			else if (parts[i]->value[0])
				S_para_add(&ps, xstrdup(parts[i]->value),
				    parts[i]->line, parts[i]->kcol);
			/* the lines without "key =" that followed it */
			for (size_t k = 0; k < parts[i]->more.n; k++)
				S_para_add(&ps, xstrdup(parts[i]->more.p[k].text),
				    parts[i]->more.p[k].line, parts[i]->more.p[k].col);
		}
		el = S_walk(secel, rel, 0, first->line, first->kcol);
		if (el != secel)
			S_place(el, first->line, first->kcol);
		/* as much as the XML reader takes in one text */
		size_t total = 0;
		for (size_t i = 0; i < ps.n; i++)
			total += strlen(ps.p[i].text);
		if (total > INI_MAX_TEXT) {
			diag(E_INI_HUGE_TEXT, ini->url, first->line, first->kcol,
			    kspec->msg, total);
			for (size_t i = 0; i < ps.n; i++)
				free(ps.p[i].text);
			ps.n = 0;
		}
		for (size_t i = 0; i < ps.n; i++) {
			struct para *pa = &ps.p[i];
			if (ps.n == 1 && kspec->form == VF_TEXT) {
				S_text(el, pa->text, pa->line);
			} else {
				xmlNodePtr p = xmlNewChild(el, NULL, BAD_CAST "p", NULL);
				S_place(p, pa->line, pa->col);
				S_text(p, pa->text, pa->line);
			}
			free(pa->text);
		}
		free(ps.p);
		break;
	}
	default:
		break;
	}
}

/* One section element: s is its first header in the file, kvs its keys
 * ordered as the table orders them, then by number. */
static void
S_section(struct ini *ini, xmlNodePtr root, const struct ini_sec *s,
    struct ini_kv *const *kvs, size_t n)
{
	const struct vocab *spec = s->spec, *k;
	size_t x = 0;
	xmlNodePtr el;

	el = spec->path[0] ? S_walk(root, spec->path, spec->type == VT_LIST,
	    s->line, s->col) : root;
	if (el != root)
		S_place(el, s->line, s->col);
	for (k = spec + 1; k->kind == spec->kind &&
	    (k->type == VT_KEY || k->type == VT_LABEL); k++) {
		size_t y = x;
		while (y < n && kvs[y]->spec == k)
			y++;
		if (y > x)
			S_key(ini, el, spec, k, kvs + x, y - x);
		x = y;
	}
}

/* The table's entries lie in one array, so comparing their addresses
 * orders sections and keys as the vocabulary does. */
static int
S_cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;

	return x < y ? -1 : x > y;
}

static int
S_cmp_sec(const void *a, const void *b)
{
	const struct ini_sec *x = *(struct ini_sec *const *)a;
	const struct ini_sec *y = *(struct ini_sec *const *)b;
	int c = S_cmp_ptr(x->spec, y->spec);

	if (c == 0)
		c = x->num < y->num ? -1 : x->num > y->num;
	return c ? c : S_cmp_ptr(x, y);
}

static int
S_cmp_kv(const void *a, const void *b, void *arg)
{
	const struct ini *ini = arg;
	const struct ini_kv *x = *(struct ini_kv *const *)a;
	const struct ini_kv *y = *(struct ini_kv *const *)b;
	const struct ini_sec *sx = &ini->secs[x->sec];
	const struct ini_sec *sy = &ini->secs[y->sec];
	int c = S_cmp_ptr(sx->spec, sy->spec);

	if (c == 0)
		c = sx->num < sy->num ? -1 : sx->num > sy->num;
	if (c == 0)
		c = S_cmp_ptr(x->spec, y->spec);
	if (c == 0)
		c = x->part < y->part ? -1 : x->part > y->part;
	return c ? c : S_cmp_ptr(x, y);
}

/* Sections and keys sorted into the vocabulary's order, then one sweep:
 * O(n log n) whatever the file holds. */
static void
S_build(struct ini *ini)
{
	const struct ini_sec *h = &ini->secs[0];
	struct ini_sec **secs = xcalloc(ini->nsecs + 1, sizeof *secs);
	struct ini_kv **kvs = xcalloc(ini->nkvs + 1, sizeof *kvs);
	size_t ns = 0, nk = 0, c = 0;
	xmlNodePtr root;

	ini->doc = xmlNewDoc(BAD_CAST "1.0");
	ini->doc->URL = xmlStrdup(BAD_CAST ini->url);
	root = xmlNewDocNode(ini->doc, NULL, BAD_CAST input_kind_root(ini->kind),
	    NULL);
	xmlDocSetRootElement(ini->doc, root);
	S_place(root, h->line, h->col);

	for (size_t i = 0; i < ini->nsecs; i++)
		if (ini->secs[i].spec)
			secs[ns++] = &ini->secs[i];
	for (size_t i = 0; i < ini->nkvs; i++)
		if (ini->kvs[i].spec && !ini->kvs[i].dead &&
		    ini->secs[ini->kvs[i].sec].spec)
			kvs[nk++] = &ini->kvs[i];
	qsort(secs, ns, sizeof *secs, S_cmp_sec);
	qsort_r(kvs, nk, sizeof *kvs, S_cmp_kv, ini);

	for (size_t i = 0; i < ns;) {
		const struct ini_sec *s = secs[i];
		size_t j = i, d;

		while (j < ns && secs[j]->spec == s->spec && secs[j]->num == s->num)
			j++;
		while (c < nk && S_cmp_ptr(ini->secs[kvs[c]->sec].spec, s->spec) < 0)
			c++;
		while (c < nk && ini->secs[kvs[c]->sec].spec == s->spec &&
		    ini->secs[kvs[c]->sec].num < s->num)
			c++;
		for (d = c; d < nk && ini->secs[kvs[d]->sec].spec == s->spec &&
		    ini->secs[kvs[d]->sec].num == s->num; d++)
			;
		S_section(ini, root, s, kvs + c, d - c);
		c = d;
		i = j;
	}
	free(secs);
	free(kvs);
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
		S_build(&ini);
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
