/* schema_grammar.c — a RelaxNG grammar (forms/KIND.rng) read as a tree:
 * what each <element> pattern allows, its attributes, its children (how
 * often, in what order) and its text, gathered once and hung on the
 * pattern.  For this module's files, see schema_int.h. */
#include <stdlib.h>

#include <libxml/tree.h>
#include <libxml/xmlregexp.h>

#include "../util/util.h"
#include "schema_int.h"

#define RNG_NS	"http://relaxng.org/ns/structure/1.0"

/* ---- reading the grammar ---- */

int
schema_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	    xmlStrEqual(n->ns->href, BAD_CAST RNG_NS) &&
	    xmlStrEqual(n->name, BAD_CAST name);
}

xmlNode *
schema_first(xmlNode *n)
{
	for (n = n ? n->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

xmlNode *
schema_next(xmlNode *n)
{
	for (n = n->next; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

/* An attribute's value without copying it (NULL if absent). */
const xmlChar *
schema_prop(const xmlNode *n, const char *name)
{
	xmlAttr *a = xmlHasNsProp((xmlNode *)n, BAD_CAST name, NULL);

	if (a == NULL || a->children == NULL)
		return a ? BAD_CAST "" : NULL;
	return a->children->content;
}

xmlNode *
schema_define(struct schema *s, const xmlChar *name)
{
	for (xmlNode *d = schema_first(s->grammar); d; d = schema_next(d))
		if (schema_is(d, "define") && xmlStrEqual(schema_prop(d, "name"), name))
			return d;
	return NULL;
}

/* Fill v from a value pattern: data, value, a choice of values, a ref. */
static void
S_valof(struct schema *s, struct schema_val *v, xmlNode *p, int depth)
{
	if (p == NULL || depth > MAXDEPTH)
		return;
	if (schema_is(p, "ref")) {
		v->define = schema_prop(p, "name");
		S_valof(s, v, schema_first(schema_define(s, v->define)), depth + 1);
	} else if (schema_is(p, "data")) {
		v->type = schema_prop(p, "type");
		v->collapse = !xmlStrEqual(v->type, BAD_CAST "string");
		for (xmlNode *q = schema_first(p); q; q = schema_next(q)) {
			const xmlChar *pn = schema_prop(q, "name");
			xmlChar *pv;

			if (!schema_is(q, "param") || pn == NULL)
				continue;
			pv = xmlNodeGetContent(q);
			if (xmlStrEqual(pn, BAD_CAST "pattern") && v->re == NULL)
				v->re = xmlRegexpCompile(pv);
			else if (xmlStrEqual(pn, BAD_CAST "minLength"))
				v->minlen = atoi((const char *)pv);
			xmlFree(pv);
		}
	} else if (schema_is(p, "value")) {
		v->collapse = 1;
		if (v->nvalues < MAXVALS && p->children)
			v->values[v->nvalues++] = p->children->content;
	} else if (schema_is(p, "choice")) {
		for (xmlNode *q = schema_first(p); q; q = schema_next(q))
			S_valof(s, v, q, depth + 1);
	}
}

/* Only values (or refs to them) below p?  Then p is a value pattern. */
static int
S_valuey(struct schema *s, xmlNode *p, int depth)
{
	if (depth > MAXDEPTH)
		return 0;
	if (schema_is(p, "value") || schema_is(p, "data"))
		return 1;
	if (schema_is(p, "ref"))
		return S_valuey(s, schema_first(schema_define(s, schema_prop(p, "name"))),
		    depth + 1);
	if (schema_is(p, "choice")) {
		for (xmlNode *q = schema_first(p); q; q = schema_next(q))
			if (!S_valuey(s, q, depth + 1))
				return 0;
		return 1;
	}
	return 0;
}

static void S_pattern(struct schema *, struct schema_info *, xmlNode *, int,
    int, int, int);

/* The children of p, in sequence (a group). */
static void
S_seq(struct schema *s, struct schema_info *in, xmlNode *p, int emin, int dmin,
    int max, int depth)
{
	for (xmlNode *q = schema_first(p); q; q = schema_next(q)) {
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
S_pattern(struct schema *s, struct schema_info *in, xmlNode *p, int emin,
    int dmin, int max, int depth)
{
	if (depth > MAXDEPTH)
		return;
	if (schema_is(p, "element")) {
		struct schema_part *pt;
		xmlNode *a;

		if (in->nparts == MAXPARTS)
			return;
		pt = &in->parts[in->nparts++];
		pt->el = p;
		pt->name = schema_prop(p, "name");
		pt->min = emin;
		pt->max = max;
		pt->key = in->key;
		pt->fixed_n = NULL;
		for (a = schema_first(p); a; a = schema_next(a))
			if (schema_is(a, "attribute") &&
			    xmlStrEqual(schema_prop(a, "name"), BAD_CAST "n") &&
			    schema_is(schema_first(a), "value") && schema_first(a)->children)
				pt->fixed_n = schema_first(a)->children->content;
	} else if (schema_is(p, "attribute")) {
		struct schema_attr *at;

		if (in->nattrs == MAXATTRS)
			return;
		at = &in->attrs[in->nattrs++];
		at->name = schema_prop(p, "name");
		at->required = emin > 0;
		S_valof(s, &at->val, schema_first(p), depth + 1);
	} else if (schema_is(p, "data") || schema_is(p, "value") ||
	    (schema_is(p, "choice") && S_valuey(s, p, depth))) {
		in->has_data = 1;
		if (dmin > in->data_min)
			in->data_min = dmin;
		S_valof(s, &in->data, p, depth + 1);
	} else if (schema_is(p, "text") || schema_is(p, "list")) {
		in->has_data = 1;
	} else if (schema_is(p, "mixed")) {
		in->has_data = 1;
		S_seq(s, in, p, emin, 0, max, depth);
	} else if (schema_is(p, "ref")) {
		xmlNode *d = schema_define(s, schema_prop(p, "name"));

		if (d && S_valuey(s, schema_first(d), depth)) {
			in->has_data = 1;
			if (dmin > in->data_min)
				in->data_min = dmin;
			S_valof(s, &in->data, p, depth + 1);
		} else if (d && xmlStrEqual(schema_prop(d, "name"), BAD_CAST "prose")) {
			/* <text/> that must not be blank (see the .rng files) */
			in->has_data = 1;
			if (dmin > in->data_min)
				in->data_min = dmin;
		} else if (d)
			S_seq(s, in, d, emin, dmin, max, depth);
	} else if (schema_is(p, "group")) {
		S_seq(s, in, p, emin, dmin, max, depth);
	} else if (schema_is(p, "interleave") || schema_is(p, "choice")) {
		int choice = schema_is(p, "choice"), k = in->key, end = k;

		for (xmlNode *q = schema_first(p); q; q = schema_next(q)) {
			in->key = k;
			S_pattern(s, in, q, choice ? 0 : emin, dmin, max,
			    depth + 1);
			if (in->key > end)
				end = in->key;
		}
		in->key = end;
	} else if (schema_is(p, "optional")) {
		S_seq(s, in, p, 0, 0, max, depth);
	} else if (schema_is(p, "zeroOrMore")) {
		S_seq(s, in, p, 0, 0, -1, depth);
	} else if (schema_is(p, "oneOrMore")) {
		S_seq(s, in, p, emin, dmin, -1, depth);
	}
	/* empty, notAllowed, name classes: nothing to gather. */
}

struct schema_info *
schema_info_of(struct schema *s, xmlNode *el)
{
	struct schema_info *in;

	if (el->_private)
		return el->_private;
	in = xcalloc(1, sizeof *in);
	S_seq(s, in, el, 1, 1, 1, 0);
	el->_private = in;
	s->infos = xreallocarray(s->infos, s->ninfos + 1, sizeof *s->infos);
	s->infos[s->ninfos++] = in;
	return in;
}

void
schema_val_free(struct schema_val *v)
{
	if (v->re)
		xmlRegFreeRegexp(v->re);
}
