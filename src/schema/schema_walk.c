/* schema_walk.c — an invalid document walked against its grammar: each
 * missing, extra, repeated, misplaced or blank field and each bad value
 * said once, in the document's order, at most MAXREPORT of them.  For
 * this module's files, see schema_int.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <libxml/xmlregexp.h>
#include <libxml/xmlschemastypes.h>

#include "../diag/diag.h"
#include "../input/vocab.h"
#include "../util/util.h"
#include "schema_int.h"

/* libxml2 files the XSD datatypes under the schema namespace. */
#define XSD_NS	"http://www.w3.org/2001/XMLSchema"

/* ---- checking values ---- */

/* v's text with spaces collapsed when the type says so; new string. */
static char *
S_norm(const struct schema_val *v, const xmlChar *raw)
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
S_val_check(const struct schema_val *v, const xmlChar *raw)
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

/* ---- walking the document ---- */

/* Count a problem; say it unless past MAXREPORT. */
#define S_REPORT(w, ...) do {						\
	if (++(w)->nerr <= MAXREPORT)					\
		diag_node(__VA_ARGS__);					\
} while (0)

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
S_choices(const struct schema_val *v)
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
S_bad_value(struct schema_walk *w, const xmlNode *at, const char *label,
    const char *hint, const struct schema_val *v, const xmlChar *raw, int rc,
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
S_match(const struct schema_info *in, const xmlNode *c, const int *counts)
{
	int found = -1;

	if (c->ns != NULL)
		return -1;
	for (int i = 0; i < in->nparts; i++) {
		const struct schema_part *p = &in->parts[i];

		if (!xmlStrEqual(p->name, c->name))
			continue;
		if (p->fixed_n) {
			const xmlChar *n = schema_prop(c, "n");

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

void
schema_check(struct schema_walk *w, xmlNode *node, xmlNode *el, int depth)
{
	struct schema_info *in = schema_info_of(w->s, el);
	int counts[MAXPARTS] = { 0 }, nel = 0, lastkey = -1;
	xmlNode *last = NULL;
	char hint[256];

	/* Attributes: the required ones present, each value good, no other. */
	for (int i = 0; i < in->nattrs; i++) {
		const struct schema_attr *a = &in->attrs[i];
		const xmlChar *v = schema_prop(node, (const char *)a->name);
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
			    schema_entry(node, a->name, NULL, 1) : NULL;

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

			schema_hint(f->parent, f->name, schema_prop(f, "n"), 0, w->ini,
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
		const struct schema_part *p = &in->parts[i];

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
			schema_check(w, c, in->parts[p].el, depth + 1);
	}
}

/* A valid tree still may not leave a field blank, a rule the .rng files
 * cannot state without making libxml2 slow (see "prose" there). */
void
schema_blanks(struct schema_walk *w, xmlNode *node, xmlNode *el, int depth)
{
	struct schema_info *in = schema_info_of(w->s, el);
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
			schema_blanks(w, c, in->parts[p].el, depth + 1);
	}
	if (nel == 0 && in->has_data && in->data_min > 0) {
		xmlChar *t = xmlNodeGetContent(node);

		if (S_blank(t)) {
			schema_hint(node->parent, node->name, schema_prop(node, "n"),
			    0, w->ini, hint, sizeof hint);
			S_REPORT(w, E_RNG_EMPTY, node, schema_label(node), hint);
		}
		xmlFree(t);
	}
}
