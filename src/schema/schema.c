/* schema.c — RelaxNG validation of input trees, explained in Chinese.
 *
 * libxml2 judges: a tree is valid when xmlRelaxNGValidateDoc says so.  Its
 * messages are English, repeated at several levels, and stop at the first
 * problem of a subtree, so for an invalid tree we walk the document against
 * the same .rng (read as a tree) and report each problem once: a missing,
 * extra, repeated or misplaced field, a blank one, a bad value.  libxml2's
 * own errors are used only when that walk finds nothing to say.
 *
 * This file loads the schemas and validates; schema_grammar.c reads a
 * grammar, schema_walk.c walks an invalid document, schema_label.c names
 * its fields (schema_int.h). */
#include "schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "../diag/diag.h"
#include "../util/util.h"
#include "schema_int.h"

static const char *const S_kinds[] = {
	"application", "member-application", "evaluation", "decisions", "roster"
};
#define NKINDS	(sizeof S_kinds / sizeof S_kinds[0])

static struct schema S_cache[NKINDS];

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

static struct schema *
S_load(const char *kind)
{
	struct schema *s;
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
	if (s->rng && schema_is(s->grammar, "grammar"))
		for (xmlNode *n = schema_first(s->grammar); n; n = schema_next(n))
			if (schema_is(n, "start"))
				start = schema_first(n);
	if (schema_is(start, "ref"))
		start = schema_first(schema_define(s, schema_prop(start, "name")));
	if (!schema_is(start, "element")) {
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
		struct schema *s = &S_cache[i];

		for (size_t j = 0; j < s->ninfos; j++) {
			for (int k = 0; k < s->infos[j]->nattrs; k++)
				schema_val_free(&s->infos[j]->attrs[k].val);
			schema_val_free(&s->infos[j]->data);
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
	struct schema *s;
	struct S_liberrs le = { .n = 0 };
	struct schema_walk w;
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
		schema_blanks(&w, root, s->root, 0);
		if (w.nerr > MAXREPORT)
			diag_node(N_RNG_MORE, root, w.nerr - MAXREPORT);
		return w.nerr;
	}
	if (root->ns == NULL && xmlStrEqual(root->name, schema_prop(s->root, "name")))
		schema_check(&w, root, s->root, 0);
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
