/* ini_tree.c — the INI reader's tree: the sections and keys ini_read.c
 * has resolved become the elements of the XML form (vocab.c says which),
 * sorted into the vocabulary's order, each carrying the INI line and
 * column it came from.  For the INI reader's files, see ini_priv.h. */
#include "input.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../diag/diag.h"
#include "../util/util.h"
#include "ini_priv.h"
#include "input_priv.h"
#include "vocab.h"

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
		ini_trim(&b, &e);
		if (b == e)
			continue;
		char *s = xstrndup(b, (size_t)(e - b));
		xmlNodePtr it = xmlNewChild(container, NULL, BAD_CAST item, NULL);
		S_place(it, kv->line, kv->vcol + ini_chars(kv->value, b));
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
		/* the key's line, for messages about the value (schema_walk.c) */
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
				ini_para_add(&ps, xstrdup(parts[i]->value + 1),
				    parts[i]->line, parts[i]->kcol);	/* @@: a literal @ */
			else if (parts[i]->value[0] == '@' && parts[i]->value[1])
				ini_include(ini, parts[i], &ps);
			else if (parts[i]->value[0])
				ini_para_add(&ps, xstrdup(parts[i]->value),
				    parts[i]->line, parts[i]->kcol);
			/* the lines without "key =" that followed it */
			for (size_t k = 0; k < parts[i]->more.n; k++)
				ini_para_add(&ps, xstrdup(parts[i]->more.p[k].text),
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
void
ini_build(struct ini *ini)
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
