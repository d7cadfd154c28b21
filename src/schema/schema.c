/* schema.c — RelaxNG validation of input trees, explained in Chinese.
 *
 * libxml2 judges: a tree is valid when xmlRelaxNGValidateDoc says so.  Its
 * messages are English, repeated at several levels, and stop at the first
 * problem of a subtree, so for an invalid tree we walk the document against
 * the same .rng (read as a tree) and report each problem once: a missing,
 * extra, repeated or misplaced field, a blank one, a bad value.  libxml2's
 * own errors are used only when that walk finds nothing to say. */
#include "schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlregexp.h>
#include <libxml/xmlschemastypes.h>

#include "../diag/diag.h"
#include "../input/input.h"
#include "../input/vocab.h"
#include "../util/util.h"

#define RNG_NS	"http://relaxng.org/ns/structure/1.0"
/* libxml2 files the XSD datatypes under the schema namespace. */
#define XSD_NS	"http://www.w3.org/2001/XMLSchema"

static const char *const S_kinds[] = {
	"application", "member-application", "evaluation", "decisions", "roster"
};
#define NKINDS	(sizeof S_kinds / sizeof S_kinds[0])

#define MAXVALS		16
#define MAXATTRS	16
#define MAXPARTS	32
#define MAXDEPTH	64	/* of the grammar; the schemas nest far less */

/* What a value (attribute or text content) must be. */
struct S_val {
	const xmlChar	*type;		/* XSD type, NULL for any text */
	int		 collapse;	/* spaces collapse first (all but string) */
	xmlRegexpPtr	 re;		/* pattern facet, or NULL */
	int		 minlen;	/* minLength facet */
	const xmlChar	*values[MAXVALS];	/* a choice of literal values */
	int		 nvalues;
	const xmlChar	*define;	/* the define it came through ("date") */
};

struct S_attr {
	const xmlChar	*name;
	int		 required;
	struct S_val	 val;
};

/* A child element the pattern allows: how often, and its order key (keys
 * must not decrease along the children; siblings of an interleave share
 * one). */
struct S_part {
	xmlNode		*el;		/* the <element> pattern */
	const xmlChar	*name;
	const xmlChar	*fixed_n;	/* its attribute n if fixed (year n="1") */
	int		 min, max;	/* max -1: unbounded */
	int		 key;
};

/* What an <element> pattern allows, gathered once and hung on the
 * pattern's _private. */
struct S_info {
	struct S_attr	 attrs[MAXATTRS];
	int		 nattrs;
	struct S_part	 parts[MAXPARTS];
	int		 nparts;
	int		 has_data;	/* text content allowed */
	int		 data_min;	/* 1: the text must be there */
	struct S_val	 data;
	int		 key;		/* next order key, while gathering */
};

struct S_schema {
	int		 tried;
	xmlDoc		*rngdoc;	/* the grammar as a tree */
	xmlRelaxNGPtr	 rng;		/* compiled */
	xmlNode		*grammar;
	xmlNode		*root;		/* the root <element> pattern */
	struct S_info	**infos;
	size_t		 ninfos;
};

static struct S_schema S_cache[NKINDS];

/* ---- reading the grammar ---- */

static int
S_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	    xmlStrEqual(n->ns->href, BAD_CAST RNG_NS) &&
	    xmlStrEqual(n->name, BAD_CAST name);
}

static xmlNode *
S_first(xmlNode *n)
{
	for (n = n ? n->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

static xmlNode *
S_next(xmlNode *n)
{
	for (n = n->next; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

/* An attribute's value without copying it (NULL if absent). */
static const xmlChar *
S_prop(const xmlNode *n, const char *name)
{
	xmlAttr *a = xmlHasNsProp((xmlNode *)n, BAD_CAST name, NULL);

	if (a == NULL || a->children == NULL)
		return a ? BAD_CAST "" : NULL;
	return a->children->content;
}

static xmlNode *
S_define(struct S_schema *s, const xmlChar *name)
{
	for (xmlNode *d = S_first(s->grammar); d; d = S_next(d))
		if (S_is(d, "define") && xmlStrEqual(S_prop(d, "name"), name))
			return d;
	return NULL;
}

/* Fill v from a value pattern: data, value, a choice of values, a ref. */
static void
S_valof(struct S_schema *s, struct S_val *v, xmlNode *p, int depth)
{
	if (p == NULL || depth > MAXDEPTH)
		return;
	if (S_is(p, "ref")) {
		v->define = S_prop(p, "name");
		S_valof(s, v, S_first(S_define(s, v->define)), depth + 1);
	} else if (S_is(p, "data")) {
		v->type = S_prop(p, "type");
		v->collapse = !xmlStrEqual(v->type, BAD_CAST "string");
		for (xmlNode *q = S_first(p); q; q = S_next(q)) {
			const xmlChar *pn = S_prop(q, "name");
			xmlChar *pv;

			if (!S_is(q, "param") || pn == NULL)
				continue;
			pv = xmlNodeGetContent(q);
			if (xmlStrEqual(pn, BAD_CAST "pattern") && v->re == NULL)
				v->re = xmlRegexpCompile(pv);
			else if (xmlStrEqual(pn, BAD_CAST "minLength"))
				v->minlen = atoi((const char *)pv);
			xmlFree(pv);
		}
	} else if (S_is(p, "value")) {
		v->collapse = 1;
		if (v->nvalues < MAXVALS && p->children)
			v->values[v->nvalues++] = p->children->content;
	} else if (S_is(p, "choice")) {
		for (xmlNode *q = S_first(p); q; q = S_next(q))
			S_valof(s, v, q, depth + 1);
	}
}

/* Only values (or refs to them) below p?  Then p is a value pattern. */
static int
S_valuey(struct S_schema *s, xmlNode *p, int depth)
{
	if (depth > MAXDEPTH)
		return 0;
	if (S_is(p, "value") || S_is(p, "data"))
		return 1;
	if (S_is(p, "ref"))
		return S_valuey(s, S_first(S_define(s, S_prop(p, "name"))),
		    depth + 1);
	if (S_is(p, "choice")) {
		for (xmlNode *q = S_first(p); q; q = S_next(q))
			if (!S_valuey(s, q, depth + 1))
				return 0;
		return 1;
	}
	return 0;
}

static void S_pattern(struct S_schema *, struct S_info *, xmlNode *, int,
    int, int, int);

/* The children of p, in sequence (a group). */
static void
S_seq(struct S_schema *s, struct S_info *in, xmlNode *p, int emin, int dmin,
    int max, int depth)
{
	for (xmlNode *q = S_first(p); q; q = S_next(q)) {
		int before = in->nparts;

		S_pattern(s, in, q, emin, dmin, max, depth + 1);
		if (in->nparts > before)
			in->key++;
	}
}

/* Gather pattern p into in.  emin is the least count of an element met
 * here, dmin that of text (a choice makes each element optional but still
 * needs one branch), max the most (-1 unbounded). */
static void
S_pattern(struct S_schema *s, struct S_info *in, xmlNode *p, int emin,
    int dmin, int max, int depth)
{
	if (depth > MAXDEPTH)
		return;
	if (S_is(p, "element")) {
		struct S_part *pt;
		xmlNode *a;

		if (in->nparts == MAXPARTS)
			return;
		pt = &in->parts[in->nparts++];
		pt->el = p;
		pt->name = S_prop(p, "name");
		pt->min = emin;
		pt->max = max;
		pt->key = in->key;
		pt->fixed_n = NULL;
		for (a = S_first(p); a; a = S_next(a))
			if (S_is(a, "attribute") &&
			    xmlStrEqual(S_prop(a, "name"), BAD_CAST "n") &&
			    S_is(S_first(a), "value") && S_first(a)->children)
				pt->fixed_n = S_first(a)->children->content;
	} else if (S_is(p, "attribute")) {
		struct S_attr *at;

		if (in->nattrs == MAXATTRS)
			return;
		at = &in->attrs[in->nattrs++];
		at->name = S_prop(p, "name");
		at->required = emin > 0;
		S_valof(s, &at->val, S_first(p), depth + 1);
	} else if (S_is(p, "data") || S_is(p, "value") ||
	    (S_is(p, "choice") && S_valuey(s, p, depth))) {
		in->has_data = 1;
		if (dmin > in->data_min)
			in->data_min = dmin;
		S_valof(s, &in->data, p, depth + 1);
	} else if (S_is(p, "text") || S_is(p, "list")) {
		in->has_data = 1;
	} else if (S_is(p, "mixed")) {
		in->has_data = 1;
		S_seq(s, in, p, emin, 0, max, depth);
	} else if (S_is(p, "ref")) {
		xmlNode *d = S_define(s, S_prop(p, "name"));

		if (d && S_valuey(s, S_first(d), depth)) {
			in->has_data = 1;
			if (dmin > in->data_min)
				in->data_min = dmin;
			S_valof(s, &in->data, p, depth + 1);
		} else if (d && xmlStrEqual(S_prop(d, "name"), BAD_CAST "prose")) {
			/* <text/> that must not be blank (see the .rng files) */
			in->has_data = 1;
			if (dmin > in->data_min)
				in->data_min = dmin;
		} else if (d)
			S_seq(s, in, d, emin, dmin, max, depth);
	} else if (S_is(p, "group")) {
		S_seq(s, in, p, emin, dmin, max, depth);
	} else if (S_is(p, "interleave") || S_is(p, "choice")) {
		int choice = S_is(p, "choice"), k = in->key, end = k;

		for (xmlNode *q = S_first(p); q; q = S_next(q)) {
			in->key = k;
			S_pattern(s, in, q, choice ? 0 : emin, dmin, max,
			    depth + 1);
			if (in->key > end)
				end = in->key;
		}
		in->key = end;
	} else if (S_is(p, "optional")) {
		S_seq(s, in, p, 0, 0, max, depth);
	} else if (S_is(p, "zeroOrMore")) {
		S_seq(s, in, p, 0, 0, -1, depth);
	} else if (S_is(p, "oneOrMore")) {
		S_seq(s, in, p, emin, dmin, -1, depth);
	}
	/* empty, notAllowed, name classes: nothing to gather. */
}

static struct S_info *
S_info_of(struct S_schema *s, xmlNode *el)
{
	struct S_info *in;

	if (el->_private)
		return el->_private;
	in = xcalloc(1, sizeof *in);
	S_seq(s, in, el, 1, 1, 1, 0);
	el->_private = in;
	s->infos = xreallocarray(s->infos, s->ninfos + 1, sizeof *s->infos);
	s->infos[s->ninfos++] = in;
	return in;
}

static void
S_val_free(struct S_val *v)
{
	if (v->re)
		xmlRegFreeRegexp(v->re);
}

/* ---- loading ---- */

static void
S_quiet(void *arg, xmlErrorPtr e)
{
	(void)arg;
	(void)e;
}

static int
S_kind_index(const char *kind)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (kind && strcmp(kind, S_kinds[i]) == 0)
			return (int)i;
	return -1;
}

int
schema_known(const char *kind)
{
	return S_kind_index(kind) >= 0;
}

static struct S_schema *
S_load(const char *kind)
{
	struct S_schema *s;
	xmlRelaxNGParserCtxtPtr pc;
	xmlStructuredErrorFunc oldf = xmlStructuredError;
	void *oldc = xmlStructuredErrorContext;
	char *rel, *path, *text;
	size_t len;
	xmlNode *start;
	int i = S_kind_index(kind);

	if (i < 0)
		return NULL;
	s = &S_cache[i];
	if (s->tried)
		return s->rng ? s : NULL;
	s->tried = 1;
	rel = xasprintf("forms/%s.rng", kind);
	path = data_path(rel);
	free(rel);
	/* Read the file ourselves: the input readers install an entity
	 * loader that refuses every file, and the schema is trusted. */
	text = file_read(path, &len);
	xmlSetStructuredErrorFunc(NULL, S_quiet);
	if (text)
		s->rngdoc = xmlReadMemory(text, (int)len, path, NULL,
		    XML_PARSE_NONET);
	free(text);
	if (s->rngdoc) {
		pc = xmlRelaxNGNewDocParserCtxt(s->rngdoc);
		xmlRelaxNGSetParserStructuredErrors(pc, S_quiet, NULL);
		s->rng = xmlRelaxNGParse(pc);
		xmlRelaxNGFreeParserCtxt(pc);
		s->grammar = xmlDocGetRootElement(s->rngdoc);
	}
	xmlSetStructuredErrorFunc(oldc, oldf);
	/* The root element pattern: <start> holds it or a ref to it. */
	start = NULL;
	if (s->rng && S_is(s->grammar, "grammar"))
		for (xmlNode *n = S_first(s->grammar); n; n = S_next(n))
			if (S_is(n, "start"))
				start = S_first(n);
	if (S_is(start, "ref"))
		start = S_first(S_define(s, S_prop(start, "name")));
	if (!S_is(start, "element")) {
		diag(F_SYS_SCHEMA, NULL, 0, 0, path);
		if (s->rng)
			xmlRelaxNGFree(s->rng);
		s->rng = NULL;
		free(path);
		return NULL;
	}
	s->root = start;
	free(path);
	return s;
}

void
schema_cleanup(void)
{
	for (size_t i = 0; i < NKINDS; i++) {
		struct S_schema *s = &S_cache[i];

		for (size_t j = 0; j < s->ninfos; j++) {
			for (int k = 0; k < s->infos[j]->nattrs; k++)
				S_val_free(&s->infos[j]->attrs[k].val);
			S_val_free(&s->infos[j]->data);
			free(s->infos[j]);
		}
		free(s->infos);
		if (s->rng)
			xmlRelaxNGFree(s->rng);
		if (s->rngdoc)
			xmlFreeDoc(s->rngdoc);
		memset(s, 0, sizeof *s);
	}
}

/* ---- checking values ---- */

/* v's text with spaces collapsed when the type says so; new string. */
static char *
S_norm(const struct S_val *v, const xmlChar *raw)
{
	struct buf b;
	int space = 0;

	if (!v->collapse)
		return xstrdup((const char *)raw);
	buf_init(&b);
	for (const xmlChar *c = raw; *c; c++) {
		if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_putc(&b, ' ');
		space = 0;
		buf_putc(&b, *c);
	}
	if (b.data == NULL)
		buf_puts(&b, "");
	return buf_detach(&b);
}

enum { V_OK, V_EMPTY, V_BAD };

static int
S_val_check(const struct S_val *v, const xmlChar *raw)
{
	char *t = S_norm(v, raw);
	int rc = V_OK;

	if (v->minlen > 0 && (int)utf8_count(t) < v->minlen)
		rc = *t ? V_BAD : V_EMPTY;
	else if (v->nvalues > 0) {
		rc = V_BAD;
		for (int i = 0; i < v->nvalues; i++)
			if (xmlStrEqual(v->values[i], BAD_CAST t))
				rc = V_OK;
		if (rc == V_BAD && *t == '\0')
			rc = V_EMPTY;
	} else if (v->type) {
		xmlSchemaTypePtr ty = xmlSchemaGetPredefinedType(v->type,
		    BAD_CAST XSD_NS);

		if (ty && xmlSchemaValPredefTypeNode(ty, BAD_CAST t, NULL,
		    NULL) != 0)
			rc = *t ? V_BAD : V_EMPTY;
		else if (v->re && xmlRegexpExec(v->re, BAD_CAST t) != 1)
			rc = *t ? V_BAD : V_EMPTY;
	}
	free(t);
	return rc;
}

/* ---- naming fields (the words of src/input/vocab.c) ---- */

/* The path of el below the root as vocab.c writes it ("plan/yearly/year#2",
 * "" for the root); <p> stands for its parent. */
static void
S_vpath(const xmlNode *el, char *buf, size_t n)
{
	const xmlNode *chain[MAXDEPTH];
	size_t depth = 0, len = 0;

	buf[0] = '\0';
	if (el && xmlStrEqual(el->name, BAD_CAST "p"))
		el = el->parent;
	for (; el && el->type == XML_ELEMENT_NODE && el->parent &&
	    el->parent->type == XML_ELEMENT_NODE; el = el->parent) {
		if (depth == MAXDEPTH)
			return;
		chain[depth++] = el;
	}
	while (depth-- > 0) {
		const xmlChar *num = xmlStrEqual(chain[depth]->name,
		    BAD_CAST "year") ? S_prop(chain[depth], "n") : NULL;
		int w = snprintf(buf + len, n - len, "%s%s%s%s",
		    len ? "/" : "", (const char *)chain[depth]->name,
		    num ? "#" : "", num ? (const char *)num : "");

		if (w < 0 || (size_t)w >= n - len) {
			buf[0] = '\0';
			return;
		}
		len += w;
	}
}

/* The label a counsellor knows a field by. */
static const char *
schema_label(const xmlNode *n)
{
	return n ? vocab_label(n) : "";
}

/* The vocabulary's entry for child name (attribute n if given; "@name"
 * for an attribute) of parent, which the document may lack. */
static const struct vocab *
S_entry(const xmlNode *parent, const xmlChar *name, const xmlChar *n,
    int isattr)
{
	char path[512];
	size_t len;

	S_vpath(parent, path, sizeof path);
	len = strlen(path);
	snprintf(path + len, sizeof path - len, "%s%s%s%s%s", len ? "/" : "",
	    isattr ? "@" : "", (const char *)name, n ? "#" : "",
	    n ? (const char *)n : "");
	return vocab_find(input_kind(parent->doc), path);
}

/* A child element in a message about itself: a <p> is a paragraph there,
 * not the field it belongs to (which is what vocab_label says). */
static const char *
schema_label_elem(const xmlNode *n)
{
	if (n && xmlStrEqual(n->name, BAD_CAST "p"))
		return "段落 <p>";
	return schema_label(n);
}

static const char *
schema_label_child(const xmlNode *parent, const xmlChar *name,
    const xmlChar *n)
{
	const struct vocab *v = S_entry(parent, name, n, 0);

	return v ? v->msg : vocab_child_label(parent, (const char *)name);
}

static const char *
schema_label_attr(const xmlNode *el, const xmlChar *name)
{
	return vocab_attr_label(el, (const char *)name);
}

/* Where the user writes a field: "[建设目标] 内容" in an INI file (the
 * section the table puts the entry under), <goals> or 属性 year in XML. */
static void
schema_hint(const xmlNode *parent, const xmlChar *name, const xmlChar *n,
    int isattr, int ini, char *out, size_t size)
{
	const struct vocab *hit = ini ? S_entry(parent, name, n, isattr) : NULL;
	const struct vocab *v, *sec = NULL;

	/* A section whose text is a key of its own ([建设目标] 内容): the key. */
	for (v = hit; v && v->kind == hit->kind; v++)
		if (v != hit && v->type == VT_KEY &&
		    strcmp(v->path, hit->path) == 0) {
			hit = v;
			break;
		}
	if (hit) {
		for (v = vocab_table; v->kind != INPUT_UNKNOWN && v != hit; v++)
			if (v->kind == hit->kind &&
			    (v->type == VT_SECTION || v->type == VT_LIST))
				sec = v;
		if (hit->type == VT_KEY && sec)
			snprintf(out, size, "[%s%s] %s", sec->label,
			    sec->type == VT_LIST ? "N" : "", hit->label);
		else if (hit->label)
			snprintf(out, size, "[%s%s]", hit->label,
			    hit->type == VT_LIST ? "N" : "");
		else
			hit = NULL;
	}
	if (hit)
		return;
	if (isattr)
		snprintf(out, size, "属性 %s", (const char *)name);
	else if (n)
		snprintf(out, size, "<%s n=\"%s\">", (const char *)name,
		    (const char *)n);
	else
		snprintf(out, size, "<%s>", (const char *)name);
}

/* ---- walking the document ---- */

/* At most this many structure messages per document: past them, one
 * note says how many more there are (a wrong file gives thousands). */
#define MAXREPORT	100

/* Count a problem; say it unless past MAXREPORT. */
#define S_REPORT(w, ...) do {						\
	if (++(w)->nerr <= MAXREPORT)					\
		diag_node(__VA_ARGS__);					\
} while (0)

struct S_walk {
	struct S_schema	*s;
	int		 nerr;
	int		 ini;	/* the tree came from an INI file */
};

static int
S_blank(const xmlChar *t)
{
	for (; t && *t; t++)
		if (*t != ' ' && *t != '\t' && *t != '\n' && *t != '\r')
			return 0;
	return 1;
}

/* Text directly inside n (not in child elements), non-blank? */
static int
S_has_text(const xmlNode *n)
{
	for (xmlNode *c = n->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) && !S_blank(c->content))
			return 1;
	return 0;
}

/* A value short enough to quote in a message: one line, 30 characters. */
static char *
S_quote(const xmlChar *raw)
{
	struct buf b;
	size_t n = 0, len = strlen((const char *)raw), k;
	uint32_t cp;

	buf_init(&b);
	for (size_t i = 0; i < len; i += k) {
		k = utf8_decode((const char *)raw + i, len - i, &cp);
		if (k == 0)
			break;
		if (n++ == 30) {
			buf_puts(&b, "……");
			break;
		}
		if (cp == '\n' || cp == '\r' || cp == '\t')
			buf_putc(&b, ' ');
		else
			buf_append(&b, raw + i, k);
	}
	buf_puts(&b, "");
	return buf_detach(&b);
}

/* "优秀通过、通过、暂缓通过 或 撤销" */
static char *
S_choices(const struct S_val *v)
{
	struct buf b;

	buf_init(&b);
	for (int i = 0; i < v->nvalues; i++) {
		if (i > 0)
			buf_puts(&b, i == v->nvalues - 1 ? " 或 " : "、");
		buf_puts(&b, (const char *)v->values[i]);
	}
	buf_puts(&b, "");
	return buf_detach(&b);
}

/* The words of a value map "名称=name|主理人=leader": "名称、主理人". */
static char *
S_map_choices(const char *map)
{
	struct buf b;
	int n = 0, total = 1;

	for (const char *c = map; *c; c++)
		total += *c == '|';
	buf_init(&b);
	for (const char *c = map; *c; ) {
		size_t k = strcspn(c, "=|");

		if (n > 0)
			buf_puts(&b, n == total - 1 ? " 或 " : "、");
		buf_append(&b, c, k);
		n++;
		c += k;
		c += strcspn(c, "|");
		if (*c == '|')
			c++;
	}
	buf_puts(&b, "");
	return buf_detach(&b);
}

/* Report that value raw of the field labelled label, at node at, is bad.
 * map, if given, is the INI words for the values (vocab.h VF_ATTR). */
static void
S_bad_value(struct S_walk *w, const xmlNode *at, const char *label,
    const char *hint, const struct S_val *v, const xmlChar *raw, int rc,
    const char *map)
{
	char *q, *c;

	if (rc == V_EMPTY) {
		S_REPORT(w, E_RNG_EMPTY, at, label, hint);
		return;
	}
	q = S_quote(raw);
	if (v->nvalues > 0) {
		c = map ? S_map_choices(map) : S_choices(v);
		S_REPORT(w, E_RNG_VALUE, at, label, q, c);
		free(c);
	} else if (xmlStrEqual(v->define, BAD_CAST "date"))
		S_REPORT(w, E_RNG_DATE, at, label, q);
	else if (xmlStrEqual(v->define, BAD_CAST "month-or-date"))
		S_REPORT(w, E_RNG_MONTH, at, label, q);
	else if (xmlStrEqual(v->define, BAD_CAST "year"))
		S_REPORT(w, E_RNG_YEAR, at, label, q);
	else if (xmlStrEqual(v->define, BAD_CAST "workshop-id"))
		S_REPORT(w, E_RNG_WSID, at, label, q);
	else
		S_REPORT(w, E_RNG_FORMAT, at, label, q);
	free(q);
}

/* Which part a child element is, or -1. */
static int
S_match(const struct S_info *in, const xmlNode *c, const int *counts)
{
	int found = -1;

	if (c->ns != NULL)
		return -1;
	for (int i = 0; i < in->nparts; i++) {
		const struct S_part *p = &in->parts[i];

		if (!xmlStrEqual(p->name, c->name))
			continue;
		if (p->fixed_n) {
			const xmlChar *n = S_prop(c, "n");

			if (n && xmlStrEqual(n, p->fixed_n))
				return i;
			if (found < 0 && (n == NULL ||
			    (p->max >= 0 && counts[i] < p->max)))
				found = i;
			continue;
		}
		if (found < 0 || (in->parts[found].max >= 0 &&
		    counts[found] >= in->parts[found].max))
			found = i;
	}
	return found;
}

static void
S_check(struct S_walk *w, xmlNode *node, xmlNode *el, int depth)
{
	struct S_info *in = S_info_of(w->s, el);
	int counts[MAXPARTS] = { 0 }, nel = 0, lastkey = -1;
	xmlNode *last = NULL;
	char hint[256];

	/* Attributes: the required ones present, each value good, no other. */
	for (int i = 0; i < in->nattrs; i++) {
		const struct S_attr *a = &in->attrs[i];
		const xmlChar *v = S_prop(node, (const char *)a->name);
		const char *lab = schema_label_attr(node, a->name);

		schema_hint(node, a->name, NULL, 1, w->ini, hint, sizeof hint);
		if (v == NULL) {
			if (a->required) {
				S_REPORT(w, E_RNG_MISSING, node, lab, hint);
			}
		} else {
			xmlAttr *an = xmlHasNsProp(node, a->name, NULL);
			/* The INI reader gives the value the key's line; on
			 * the element's own line, the element has a column. */
			const xmlNode *at = an && an->children &&
			    xmlGetLineNo(an->children) > 0 &&
			    xmlGetLineNo(an->children) != xmlGetLineNo(node) ?
			    an->children : node;
			int rc = S_val_check(&a->val, v);

			const struct vocab *e = w->ini ?
			    S_entry(node, a->name, NULL, 1) : NULL;

			if (rc != V_OK)
				S_bad_value(w, at, lab, hint, &a->val, v, rc,
				    e ? e->values : NULL);
		}
	}
	for (xmlAttr *a = node->properties; a; a = a->next) {
		int known = 0;

		for (int i = 0; i < in->nattrs && !known; i++)
			known = a->ns == NULL &&
			    xmlStrEqual(a->name, in->attrs[i].name);
		if (!known && a->ns && a->ns->prefix) {
			char *q = xasprintf("%s:%s", (const char *)a->ns->prefix,
			    (const char *)a->name);

			S_REPORT(w, E_RNG_EXTRA, node, q, schema_label(node));
			free(q);
		} else if (!known) {
			S_REPORT(w, E_RNG_EXTRA, node,
			    schema_label_attr(node, a->name),
			    schema_label(node));
		}
	}

	/* Count the child elements each part has; the problems of the node
	 * itself come first, those of its children after, in their order. */
	for (xmlNode *c = node->children; c; c = c->next) {
		int p;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		nel++;
		p = S_match(in, c, counts);
		if (p >= 0 && (in->parts[p].max < 0 ||
		    counts[p] < in->parts[p].max))
			counts[p]++;
	}

	/* Text: where allowed, filled in and well formed. */
	if (nel > 0) {
		if (S_has_text(node)) {
			S_REPORT(w, in->has_data ? E_RNG_MIXED : E_RNG_TEXT, node,
			    schema_label(node));
		}
	} else if (in->has_data) {
		xmlChar *t = xmlNodeGetContent(node);
		int rc = V_OK;

		if (S_blank(t)) {
			if (in->data_min > 0)
				rc = V_EMPTY;
		} else
			rc = S_val_check(&in->data, t);
		if (rc != V_OK) {
			/* A blank <p> is its field's blank. */
			const xmlNode *f = xmlStrEqual(node->name, BAD_CAST "p") &&
			    node->parent->parent ? node->parent : node;

			schema_hint(f->parent, f->name, S_prop(f, "n"), 0, w->ini,
			    hint, sizeof hint);
			S_bad_value(w, node, schema_label(node), hint,
			    &in->data, t, rc, NULL);
		}
		xmlFree(t);
		return;
	} else if (S_has_text(node)) {
		S_REPORT(w, in->nparts ? E_RNG_TEXT : E_RNG_NOCONTENT, node,
		    schema_label(node));
	}

	/* Required children that are not there. */
	for (int i = 0; i < in->nparts; i++) {
		const struct S_part *p = &in->parts[i];

		if (p->min < 1 || counts[i] > 0)
			continue;
		schema_hint(node, p->name, p->fixed_n, 0, w->ini, hint,
		    sizeof hint);
		S_REPORT(w, E_RNG_MISSING, node,
		    schema_label_child(node, p->name, p->fixed_n), hint);
	}

	/* Child elements: each one known, not repeated, in order. */
	memset(counts, 0, sizeof counts);
	for (xmlNode *c = node->children; c; c = c->next) {
		int p;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (in->nparts == 0) {
			S_REPORT(w, E_RNG_NOTEXT, c, schema_label(node),
			    schema_label_elem(c));
			continue;
		}
		if ((p = S_match(in, c, counts)) < 0) {
			S_REPORT(w, E_RNG_EXTRA, c, schema_label_elem(c),
			    schema_label(node));
			continue;
		}
		if (in->parts[p].max >= 0 && counts[p] >= in->parts[p].max) {
			S_REPORT(w, E_RNG_DUP, c, schema_label_elem(c));
			continue;
		}
		counts[p]++;
		if (in->parts[p].key < lastkey) {
			/* c belongs before last */
			S_REPORT(w, E_RNG_ORDER, c, schema_label_elem(c),
			    schema_label_elem(last));
		} else {
			lastkey = in->parts[p].key;
			last = c;
		}
		if (depth < MAXDEPTH)
			S_check(w, c, in->parts[p].el, depth + 1);
	}
}

/* A valid tree still may not leave a field blank, a rule the .rng files
 * cannot state without making libxml2 slow (see "prose" there). */
static void
S_blanks(struct S_walk *w, xmlNode *node, xmlNode *el, int depth)
{
	struct S_info *in = S_info_of(w->s, el);
	int counts[MAXPARTS] = { 0 }, nel = 0;
	char hint[256];

	for (xmlNode *c = node->children; c; c = c->next) {
		int p;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		nel++;
		if ((p = S_match(in, c, counts)) < 0)
			continue;
		counts[p]++;
		if (depth < MAXDEPTH)
			S_blanks(w, c, in->parts[p].el, depth + 1);
	}
	if (nel == 0 && in->has_data && in->data_min > 0) {
		xmlChar *t = xmlNodeGetContent(node);

		if (S_blank(t)) {
			schema_hint(node->parent, node->name, S_prop(node, "n"),
			    0, w->ini, hint, sizeof hint);
			S_REPORT(w, E_RNG_EMPTY, node, schema_label(node), hint);
		}
		xmlFree(t);
	}
}

/* ---- validating ---- */

#define MAXLIBERR 8

struct S_liberrs {
	xmlNode	*nodes[MAXLIBERR];
	int	 n;
};

static void
S_liberr(void *arg, xmlErrorPtr e)
{
	struct S_liberrs *le = arg;

	if (e && e->node && le->n < MAXLIBERR) {
		for (int i = 0; i < le->n; i++)
			if (le->nodes[i] == e->node)
				return;
		le->nodes[le->n++] = e->node;
	}
}

/* The INI reader builds its tree (xmlNewDoc marks it user-built); the
 * XML reader parses one. */
static int
S_is_ini(const xmlDoc *doc)
{
	return (doc->properties & XML_DOC_USERBUILT) != 0;
}

/* More list items (members, areas: each a person or a row the rules
 * compare and the roster keeps) than any form has rows: a bounded error
 * before the schema and the rules spend time and memory on them.  The
 * first such element, or NULL.  Paragraphs are text: bounded by the
 * file's size only, and read in linear time. */
#define S_MAX_ITEMS	5000

static int
S_item(const xmlNode *c)
{
	return c->type == XML_ELEMENT_NODE &&
	    (xmlStrEqual(c->name, BAD_CAST "member") ||
	    xmlStrEqual(c->name, BAD_CAST "area"));
}

static xmlNode *
S_too_many(xmlNode *n, int depth, long *count)
{
	long k = 0;

	if (depth > 64)
		return NULL;	/* the reader bounds the depth */
	for (xmlNode *c = n->children; c; c = c->next)
		if (S_item(c))
			k++;
	if (k > S_MAX_ITEMS) {
		*count = k;
		return n;
	}
	for (xmlNode *c = n->children; c; c = c->next) {
		xmlNode *bad;
		if (c->type == XML_ELEMENT_NODE &&
		    (bad = S_too_many(c, depth + 1, count)) != NULL)
			return bad;
	}
	return NULL;
}

int
schema_validate_as(xmlDoc *doc, const char *kind)
{
	struct S_schema *s;
	struct S_liberrs le = { .n = 0 };
	struct S_walk w;
	xmlRelaxNGValidCtxtPtr vc;
	xmlNode *root = xmlDocGetRootElement(doc);
	int rc;

	if (root == NULL)
		return 0;	/* the reader has said why already */
	long many = 0;
	xmlNode *big = S_too_many(root, 0, &many);
	if (big != NULL) {
		diag_node(E_RNG_TOO_MANY, big, (const char *)big->name, many,
		    S_MAX_ITEMS);
		return 1;
	}
	if ((s = S_load(kind)) == NULL) {
		if (!schema_known(kind)) {
			diag_node(E_CLI_KIND, root, kind);
			return 1;
		}
		return 1;	/* F-SYS-SCHEMA said why */
	}
	vc = xmlRelaxNGNewValidCtxt(s->rng);
	xmlRelaxNGSetValidStructuredErrors(vc, S_liberr, &le);
	rc = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	w.s = s;
	w.nerr = 0;
	w.ini = S_is_ini(doc);
	if (rc == 0) {
		S_blanks(&w, root, s->root, 0);
		if (w.nerr > MAXREPORT)
			diag_node(N_RNG_MORE, root, w.nerr - MAXREPORT);
		return w.nerr;
	}
	if (root->ns == NULL && xmlStrEqual(root->name, S_prop(s->root, "name")))
		S_check(&w, root, s->root, 0);
	else if (root->ns && root->ns->href) {
		diag_node(E_RNG_NAMESPACE, root, (const char *)root->name,
		    (const char *)root->ns->href);
		w.nerr++;
	} else {
		diag_node(E_CLI_KIND, root, (const char *)root->name);
		w.nerr++;
	}
	/* Our walk found nothing libxml2 did: say where, at least. */
	if (w.nerr == 0) {
		for (int i = 0; i < le.n; i++)
			diag_node(E_RNG_INVALID, le.nodes[i],
			    schema_label(le.nodes[i]));
		if (le.n == 0)
			diag_node(E_RNG_INVALID, root, schema_label(root));
		w.nerr = le.n ? le.n : 1;
	}
	if (w.nerr > MAXREPORT)
		diag_node(N_RNG_MORE, root, w.nerr - MAXREPORT);
	return w.nerr;
}

int
schema_validate(xmlDoc *doc)
{
	xmlNode *root = xmlDocGetRootElement(doc);

	if (root == NULL)
		return 0;
	return schema_validate_as(doc, (const char *)root->name);
}
