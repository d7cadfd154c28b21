/* fo.c — reading an XSL-FO document into the tree of fo.h: elements of the
 * subset, their place, the refinement of character data, lookups. */
#include "fo.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "../diag/diag.h"
#include "../input/input.h"
#include "../util/util.h"
#include "fo_int.h"

#define FO_NS	"http://www.w3.org/1999/XSL/Format"
#define WS_NS	"urn:x-wsdoc:fo"	/* wsdoc's extensions */

/* ---- arena ---- */

void *
fo_alloc(struct fo_tree *t, size_t n)
{
	struct fo_arena *a = t->arena;
	void *p;

	n = (n + 7) & ~(size_t)7;	/* nothing here needs more than 8 */
	if (a == NULL || a->cap - a->used < n) {
		size_t cap = n > 32768 ? n : 32768;
		a = xmalloc(sizeof *a + cap);
		a->used = 0;
		a->cap = cap;
		a->next = t->arena;
		t->arena = a;
	}
	p = a->data + a->used;
	a->used += n;
	memset(p, 0, n);
	return p;
}

const char *
fo_strdup(struct fo_tree *t, const char *s, size_t n)
{
	char *p = fo_alloc(t, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* ---- warnings given once ---- */

struct fo_once {
	char		**slot;
	size_t		 cap, n;
};

int
fo_once(struct fo_ctx *c, const char *a, const char *b, const char *d)
{
	struct fo_once *o = c->once;
	char *key = xasprintf("%s\n%s\n%s", a, b ? b : "", d ? d : "");
	uint64_t h = 1469598103934665603ull;
	size_t i;

	if (o == NULL)
		o = c->once = xcalloc(1, sizeof *o);
	for (const char *k = key; *k; k++)
		h = (h ^ (unsigned char)*k) * 1099511628211ull;
	if (2 * (o->n + 1) > o->cap) {
		size_t cap = o->cap ? 2 * o->cap : 32;
		char **nw = xcalloc(cap, sizeof *nw);
		for (size_t j = 0; j < o->cap; j++) {
			uint64_t g = 1469598103934665603ull;
			if (o->slot[j] == NULL)
				continue;
			for (const char *k = o->slot[j]; *k; k++)
				g = (g ^ (unsigned char)*k) * 1099511628211ull;
			for (i = g & (cap - 1); nw[i]; i = (i + 1) & (cap - 1))
				;
			nw[i] = o->slot[j];
		}
		free(o->slot);
		o->slot = nw;
		o->cap = cap;
	}
	for (i = h & (o->cap - 1); o->slot[i]; i = (i + 1) & (o->cap - 1))
		if (strcmp(o->slot[i], key) == 0) {
			free(key);
			return 0;
		}
	o->slot[i] = key;
	o->n++;
	return 1;
}

static void
S_once_free(struct fo_ctx *c)
{
	if (c->once == NULL)
		return;
	for (size_t i = 0; i < c->once->cap; i++)
		free(c->once->slot[i]);
	free(c->once->slot);
	free(c->once);
	c->once = NULL;
}

/* ---- the elements ---- */

#define K(k)	(1ull << (k))
#define BLOCKISH (K(FO_FLOW) | K(FO_STATIC_CONTENT) | K(FO_BLOCK) | K(FO_MARKER) | \
	K(FO_FOOTNOTE_BODY) | \
	K(FO_BLOCK_CONTAINER) | K(FO_TABLE_CELL) | K(FO_INLINE) | \
	K(FO_WRAPPER) | K(FO_BASIC_LINK) | K(FO_LIST_ITEM_LABEL) | \
	K(FO_LIST_ITEM_BODY))
#define INLINEISH (K(FO_BLOCK) | K(FO_INLINE) | K(FO_WRAPPER) | K(FO_MARKER) | \
	K(FO_FOOTNOTE) | \
	K(FO_BASIC_LINK) | K(FO_LEADER))
#define TEXTOK	(K(FO_BLOCK) | K(FO_INLINE) | K(FO_WRAPPER) | K(FO_MARKER) | \
	K(FO_BASIC_LINK) | K(FO_LEADER) | K(FO_BOOKMARK_TITLE))

static const struct {
	const char	*name;
	uint64_t	 parents;	/* kinds it may appear in */
} S_elems[FO_KIND__COUNT] = {
	[FO_TEXT] =			{ "#text", TEXTOK },
	[FO_ROOT] =			{ "root", 0 },
	[FO_LAYOUT_MASTER_SET] =	{ "layout-master-set", K(FO_ROOT) },
	[FO_SIMPLE_PAGE_MASTER] =	{ "simple-page-master", K(FO_LAYOUT_MASTER_SET) },
	[FO_REGION_BODY] =		{ "region-body", K(FO_SIMPLE_PAGE_MASTER) },
	[FO_REGION_BEFORE] =		{ "region-before", K(FO_SIMPLE_PAGE_MASTER) },
	[FO_REGION_AFTER] =		{ "region-after", K(FO_SIMPLE_PAGE_MASTER) },
	[FO_REGION_START] =		{ "region-start", K(FO_SIMPLE_PAGE_MASTER) },
	[FO_REGION_END] =		{ "region-end", K(FO_SIMPLE_PAGE_MASTER) },
	[FO_PAGE_SEQUENCE_MASTER] =	{ "page-sequence-master", K(FO_LAYOUT_MASTER_SET) },
	[FO_SINGLE_PAGE_MASTER_REFERENCE] = { "single-page-master-reference",
					  K(FO_PAGE_SEQUENCE_MASTER) },
	[FO_REPEATABLE_PAGE_MASTER_REFERENCE] = { "repeatable-page-master-reference",
					  K(FO_PAGE_SEQUENCE_MASTER) },
	[FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES] = { "repeatable-page-master-alternatives",
					  K(FO_PAGE_SEQUENCE_MASTER) },
	[FO_CONDITIONAL_PAGE_MASTER_REFERENCE] = { "conditional-page-master-reference",
					  K(FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES) },
	[FO_PAGE_SEQUENCE] =		{ "page-sequence", K(FO_ROOT) },
	[FO_FLOW] =			{ "flow", K(FO_PAGE_SEQUENCE) },
	[FO_STATIC_CONTENT] =		{ "static-content", K(FO_PAGE_SEQUENCE) },
	[FO_BLOCK] =			{ "block", BLOCKISH },
	[FO_BLOCK_CONTAINER] =		{ "block-container", BLOCKISH },
	[FO_INLINE] =			{ "inline", INLINEISH },
	[FO_WRAPPER] =			{ "wrapper", INLINEISH | BLOCKISH },
	[FO_TABLE] =			{ "table", BLOCKISH },
	[FO_TABLE_COLUMN] =		{ "table-column", K(FO_TABLE) },
	[FO_TABLE_HEADER] =		{ "table-header", K(FO_TABLE) },
	[FO_TABLE_BODY] =		{ "table-body", K(FO_TABLE) },
	[FO_TABLE_FOOTER] =		{ "table-footer", K(FO_TABLE) },
	[FO_TABLE_ROW] =		{ "table-row", K(FO_TABLE_HEADER) |
					  K(FO_TABLE_BODY) | K(FO_TABLE_FOOTER) },
	[FO_TABLE_CELL] =		{ "table-cell", K(FO_TABLE_ROW) |
					  K(FO_TABLE_HEADER) | K(FO_TABLE_BODY) |
					  K(FO_TABLE_FOOTER) },
	[FO_LEADER] =			{ "leader", INLINEISH },
	[FO_PAGE_NUMBER] =		{ "page-number", INLINEISH },
	[FO_PAGE_NUMBER_CITATION] =	{ "page-number-citation", INLINEISH },
	[FO_PAGE_NUMBER_CITATION_LAST] = { "page-number-citation-last", INLINEISH },
	[FO_EXTERNAL_GRAPHIC] =		{ "external-graphic", INLINEISH },
	[FO_BASIC_LINK] =		{ "basic-link", INLINEISH },
	[FO_MARKER] =			{ "marker", BLOCKISH | INLINEISH | K(FO_TABLE_CELL) },
	[FO_RETRIEVE_MARKER] =		{ "retrieve-marker", BLOCKISH | INLINEISH },
	[FO_FOOTNOTE] =			{ "footnote", INLINEISH },
	[FO_FOOTNOTE_BODY] =		{ "footnote-body", K(FO_FOOTNOTE) },
	[FO_BOOKMARK_TREE] =		{ "bookmark-tree", K(FO_ROOT) },
	[FO_BOOKMARK] =			{ "bookmark", K(FO_BOOKMARK_TREE) | K(FO_BOOKMARK) },
	[FO_BOOKMARK_TITLE] =		{ "bookmark-title", K(FO_BOOKMARK) },
	[FO_LIST_BLOCK] =		{ "list-block", BLOCKISH },
	[FO_LIST_ITEM] =		{ "list-item", K(FO_LIST_BLOCK) },
	[FO_LIST_ITEM_LABEL] =		{ "list-item-label", K(FO_LIST_ITEM) },
	[FO_LIST_ITEM_BODY] =		{ "list-item-body", K(FO_LIST_ITEM) },
};

const char *
fo_kind_name(enum fo_kind kind)
{
	if ((unsigned)kind >= FO_KIND__COUNT)
		return "?";
	return S_elems[kind].name;
}

static int
S_kind_of(const char *name)
{
	for (int k = 1; k < FO_KIND__COUNT; k++)
		if (strcmp(S_elems[k].name, name) == 0)
			return k;
	return -1;
}

/* ---- id index (open addressing, in the arena) ---- */

struct fo_index {
	struct fo_node	**slot;
	size_t		 cap, n;
};

static uint64_t
S_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static void
S_index_put(struct fo_ctx *c, struct fo_node *n, xmlNode *el)
{
	struct fo_index *ix = c->tree->ids;
	size_t i;

	if (ix == NULL) {
		ix = c->tree->ids = xcalloc(1, sizeof *ix);
	}
	if (2 * (ix->n + 1) > ix->cap) {
		size_t cap = ix->cap ? ix->cap * 2 : 64;
		struct fo_node **s = xcalloc(cap, sizeof *s);
		for (size_t j = 0; j < ix->cap; j++) {
			if (ix->slot[j] == NULL)
				continue;
			for (i = S_hash(ix->slot[j]->id) & (cap - 1); s[i];
			    i = (i + 1) & (cap - 1))
				;
			s[i] = ix->slot[j];
		}
		free(ix->slot);
		ix->slot = s;
		ix->cap = cap;
	}
	for (i = S_hash(n->id) & (ix->cap - 1); ix->slot[i];
	    i = (i + 1) & (ix->cap - 1)) {
		if (strcmp(ix->slot[i]->id, n->id) == 0) {
			diag_node(W_FO_ID_DUP, el, n->id);
			return;
		}
	}
	ix->slot[i] = n;
	ix->n++;
}

struct fo_node *
fo_lookup_id(const struct fo_tree *tree, const char *id)
{
	const struct fo_index *ix = tree ? tree->ids : NULL;

	if (ix == NULL || id == NULL)
		return NULL;
	for (size_t i = S_hash(id) & (ix->cap - 1); ix->slot[i];
	    i = (i + 1) & (ix->cap - 1))
		if (strcmp(ix->slot[i]->id, id) == 0)
			return ix->slot[i];
	return NULL;
}

/* ---- lookups ---- */

struct fo_node *
fo_master_any(const struct fo_tree *tree, const char *name)
{
	if (tree == NULL || tree->root == NULL || name == NULL)
		return NULL;
	for (struct fo_node *s = tree->root->first; s; s = s->next) {
		if (s->kind != FO_LAYOUT_MASTER_SET)
			continue;
		for (struct fo_node *m = s->first; m; m = m->next) {
			const char *mn = m->kind == FO_SIMPLE_PAGE_MASTER ?
			    (m->u.master ? m->u.master->name : NULL) :
			    m->kind == FO_PAGE_SEQUENCE_MASTER ? m->u.pm.name : NULL;
			if (mn != NULL && strcmp(mn, name) == 0)
				return m;
		}
	}
	return NULL;
}

struct fo_node *
fo_master_get(const struct fo_tree *tree, const char *name)
{
	struct fo_node *m = fo_master_any(tree, name);

	return m != NULL && m->kind == FO_SIMPLE_PAGE_MASTER ? m : NULL;
}

struct fo_node *
fo_master_region(const struct fo_node *master, enum fo_kind kind)
{
	if (master == NULL)
		return NULL;
	for (struct fo_node *r = master->first; r; r = r->next)
		if (r->kind == kind)
			return r;
	return NULL;
}

struct fo_node *
fo_seq_flow(const struct fo_node *seq, const char *name)
{
	if (seq == NULL || name == NULL)
		return NULL;
	for (struct fo_node *f = seq->first; f; f = f->next)
		if ((f->kind == FO_FLOW || f->kind == FO_STATIC_CONTENT) &&
		    f->u.flow_name && strcmp(f->u.flow_name, name) == 0)
			return f;
	return NULL;
}

/* ---- building ---- */

static struct fo_node *
S_node_new(struct fo_ctx *c, struct fo_node *parent, int kind, int line)
{
	struct fo_node *n = fo_alloc(c->tree, sizeof *n);

	n->kind = (uint8_t)kind;
	n->line = line;
	n->parent = parent;
	if (parent) {
		if (parent->last)
			parent->last->next = n;
		else
			parent->first = n;
		parent->last = n;
	}
	c->tree->nnodes++;
	return n;
}

static int
S_is_ws(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* A short excerpt of s for a message: at most 20 characters. */
static char *
S_excerpt(const char *s)
{
	const char *p = s;
	size_t n = 0;
	uint32_t cp;

	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	s = p;
	while (*p && n < 20) {
		size_t l = utf8_decode(p, strlen(p), &cp);
		if (l == 0)
			break;
		p += l;
		n++;
	}
	return xstrndup(s, (size_t)(p - s));
}

static void
S_text(struct fo_ctx *c, struct fo_node *parent, xmlNode *x, const char *s)
{
	struct fo_node *n;

	const struct fo_node *ctx_n = parent;

	/* A wrapper holds text only where its own parent would. */
	while (ctx_n->kind == FO_WRAPPER && ctx_n->parent)
		ctx_n = ctx_n->parent;
	if (!(S_elems[FO_TEXT].parents & K(parent->kind)) ||
	    !(S_elems[FO_TEXT].parents & K(ctx_n->kind))) {
		if (!S_is_ws(s) && fo_once(c, "text", fo_kind_name(parent->kind), NULL)) {
			char *e = S_excerpt(s);
			diag(W_FO_TEXT, c->file, (int)xmlGetLineNo(x), 0,
			    fo_kind_name(parent->kind), e);
			free(e);
		}
		return;
	}
	if (*s == '\0')
		return;
	n = S_node_new(c, parent, FO_TEXT, (int)xmlGetLineNo(x));
	n->inh = parent->inh;
	n->box = &fo_box_initial;
	n->u.text.len = strlen(s);
	n->u.text.s = fo_strdup(c->tree, s, n->u.text.len);
}

/* Warn once per foreign namespace. */
static void
S_foreign(struct fo_ctx *c, xmlNode *x)
{
	const char *uri = x->ns ? (const char *)x->ns->href : "";

	if (fo_once(c, "ns", uri, NULL))
		diag_node(W_FO_NAMESPACE, x, (const char *)x->name,
		    *uri ? uri : "（无命名空间）");
}

/* ws:continued-label on a table-cell: build the cell's stand-in for the
 * pages its row continues on (see fo.h). */
static void
S_continued(struct fo_ctx *c, struct fo_node *cell, xmlNode *x)
{
	xmlChar *label = xmlGetNsProp(x, BAD_CAST "continued-label", BAD_CAST WS_NS);
	xmlNode *src = NULL, *dummy = NULL;
	struct fo_node *cc, *b, *t;

	if (label == NULL || *label == '\0') {
		xmlFree(label);
		return;
	}
	for (xmlNode *k = x->children; k && !src; k = k->next)
		if (k->type == XML_ELEMENT_NODE && k->ns &&
		    strcmp((const char *)k->ns->href, FO_NS) == 0 &&
		    strcmp((const char *)k->name, "block") == 0)
			src = k;
	if (src == NULL)
		src = dummy = xmlNewNode(NULL, BAD_CAST "block");
	cc = S_node_new(c, NULL, FO_TABLE_CELL, cell->line);
	cc->parent = cell->parent;
	cc->inh = cell->inh;
	cc->box = cell->box;
	cc->u.cell = cell->u.cell;
	b = S_node_new(c, cc, FO_BLOCK, cell->line);
	fo_props_compute(c, b, src, cc);
	t = S_node_new(c, b, FO_TEXT, cell->line);
	t->inh = b->inh;
	t->box = &fo_box_initial;
	t->u.text.len = strlen((const char *)label);
	t->u.text.s = fo_strdup(c->tree, (const char *)label, t->u.text.len);
	cell->u.cell.continued = cc;
	xmlFree(label);
	xmlFreeNode(dummy);
}

static void S_refine(struct fo_ctx *c);

static struct fo_tree *
S_build(xmlDocPtr doc, const char *file)
{
	struct fo_ctx ctx;
	struct fo_tree *t;
	xmlNode *root = xmlDocGetRootElement(doc), *x;
	struct fo_node *cur;

	if (root == NULL || root->ns == NULL ||
	    strcmp((const char *)root->ns->href, FO_NS) != 0 ||
	    strcmp((const char *)root->name, "root") != 0) {
		diag(E_FO_ROOT, file, root ? (int)xmlGetLineNo(root) : 0,
		    root ? (diag_node_col(root) > 0 ? diag_node_col(root) : 1) : 0,
		    root ? (const char *)root->name : "");
		return NULL;
	}
	t = xcalloc(1, sizeof *t);
	memset(&ctx, 0, sizeof ctx);
	ctx.tree = t;
	ctx.file = file;
	if (file) {
		t->file = fo_strdup(t, file, strlen(file));
		char *d = path_dirname(file);
		t->dir = fo_strdup(t, d, strlen(d));
		free(d);
	} else
		t->dir = ".";
	fo_props_init(&ctx);

	t->root = cur = S_node_new(&ctx, NULL, FO_ROOT, (int)xmlGetLineNo(root));
	fo_props_compute(&ctx, cur, root, NULL);
	x = root->children;
	/* Iterative walk: cur is the fo_node of x's parent element. */
	while (x) {
		int descend = 0;

		switch (x->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			S_text(&ctx, cur, x, (const char *)x->content);
			break;
		case XML_ENTITY_REF_NODE: {
			/* Without entity substitution: take a plain internal
			 * entity's text, never expand recursively. */
			xmlEntity *e = (xmlEntity *)x->children;
			const char *v = e ? (const char *)e->content : NULL;
			if (v && !strpbrk(v, "<&"))
				S_text(&ctx, cur, x, v);
			break;
		}
		case XML_ELEMENT_NODE: {
			int k;
			struct fo_node *n;
			const struct fo_node *ctxn;

			if (x->ns == NULL ||
			    strcmp((const char *)x->ns->href, FO_NS) != 0) {
				S_foreign(&ctx, x);
				break;
			}
			/* kinds are cached as k + 1 (0 is "not cached") */
			k = (int)(uintptr_t)fo_cache_get(ctx.elem_cache, 256, x->name) - 1;
			if (k < 0) {
				k = S_kind_of((const char *)x->name);
				fo_cache_put(ctx.elem_cache, 256, x->name, (void *)(uintptr_t)(k + 1));
			}
			if (k < 0 || k == FO_ROOT) {
				if (strcmp((const char *)x->name, "declarations") != 0 &&
				    fo_once(&ctx, "el", (const char *)x->name, NULL))
					diag_node(W_FO_ELEMENT, x, (const char *)x->name);
				break;
			}
			/* a wrapper is transparent: its content must fit
			 * where the wrapper stands */
			ctxn = cur;
			while (ctxn->kind == FO_WRAPPER && ctxn->parent &&
			    k != FO_WRAPPER)
				ctxn = ctxn->parent;
			if (!(S_elems[k].parents & K(cur->kind)) ||
			    !(S_elems[k].parents & K(ctxn->kind))) {
				if (fo_once(&ctx, "place", (const char *)x->name,
				    fo_kind_name(cur->kind)))
					diag_node(W_FO_PLACE, x, (const char *)x->name,
					    fo_kind_name(cur->kind));
				break;
			}
			n = S_node_new(&ctx, cur, k, (int)xmlGetLineNo(x));
			fo_props_compute(&ctx, n, x, cur);
			if (k == FO_TABLE_CELL)
				S_continued(&ctx, n, x);
			if (n->id)
				S_index_put(&ctx, n, x);
			if (x->children) {
				cur = n;
				descend = 1;
			}
			break;
		}
		default:
			break;
		}
		if (descend) {
			x = x->children;
			continue;
		}
		while (x && x->next == NULL) {
			x = x->parent;
			if (x == root || x == NULL) {
				x = NULL;
				break;
			}
			/* Only elements we descended into are parents here. */
			cur = cur->parent;
		}
		if (x)
			x = x->next;
	}
	S_once_free(&ctx);
	S_refine(&ctx);
	fo_props_done(&ctx);
	return t;
}

/* ---- refinement of character data (see fo.h) ---- */

struct refine {
	struct fo_node	*last_text;	/* text node that may hold a trailing space */
	int		 prev;		/* previous character: 0 line start,
					   ' ', '\n', or 'x' for anything else */
};

/* A marker is one too: it is laid out elsewhere, so the white space
 * between the initial markers of a block, and after them, is at the
 * start of the block's text (it made a text node that ended the block's
 * markers, losing all after the first, without a word). */
static int
S_boundary(int kind)
{
	return kind == FO_BLOCK || kind == FO_BLOCK_CONTAINER ||
	    kind == FO_MARKER ||
	    kind == FO_TABLE || kind == FO_BOOKMARK_TITLE ||
	    kind == FO_LIST_BLOCK || kind == FO_LIST_ITEM_LABEL ||
	    kind == FO_LIST_ITEM_BODY;
}

/* Remove the trailing spaces of the last text (before a linefeed or a
 * boundary), if its white-space-treatment says so. */
static void
S_trim_tail(struct refine *r, int at_lf)
{
	struct fo_node *n = r->last_text;
	int wst;

	if (n == NULL)
		return;
	wst = n->inh->ws_treatment;
	if (wst == FO_WST_PRESERVE || (wst == FO_WST_IGNORE_AFTER_LF && !at_lf))
		return;
	if (wst == FO_WST_IGNORE_AFTER_LF)
		return;
	while (n->u.text.len > 0 && n->u.text.s[n->u.text.len - 1] == ' ')
		n->u.text.len--;
}

static void
S_refine_text(struct fo_ctx *c, struct fo_node *n, struct refine *r)
{
	const struct fo_inh *in = n->inh;
	const char *s = n->u.text.s;
	size_t len = n->u.text.len;
	/* Refined text is never longer, except LF → ZWSP: in place if we can
	 * (the arena copy is ours). */
	char *out = in->linefeed == FO_LF_TREAT_AS_ZWSP ?
	    fo_alloc(c->tree, len * 3 + 1) : (char *)s;
	size_t o = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '\r' || ch == '\t')
			ch = ' ';
		if (ch == '\n') {
			switch (in->linefeed) {
			case FO_LF_IGNORE:
				continue;
			case FO_LF_PRESERVE:
				/* spaces before it */
				if (in->ws_treatment != FO_WST_PRESERVE &&
				    in->ws_treatment != FO_WST_IGNORE_AFTER_LF) {
					while (o > 0 && out[o - 1] == ' ')
						o--;
					if (o == 0) {
						n->u.text.len = o;
						S_trim_tail(r, 1);
					}
				}
				out[o++] = '\n';
				r->prev = '\n';
				continue;
			case FO_LF_TREAT_AS_ZWSP:
				memcpy(out + o, "\xe2\x80\x8b", 3);
				o += 3;
				r->prev = 'x';
				continue;
			default:
				ch = ' ';
				break;
			}
		}
		if (ch == ' ') {
			if (in->ws_treatment == FO_WST_IGNORE)
				continue;
			if (in->ws_treatment != FO_WST_PRESERVE &&
			    in->ws_treatment != FO_WST_IGNORE_BEFORE_LF &&
			    (r->prev == 0 || r->prev == '\n'))
				continue;
			if (in->ws_collapse && r->prev == ' ')
				continue;
			out[o++] = ' ';
			r->prev = ' ';
			continue;
		}
		out[o++] = (char)ch;
		r->prev = 'x';
	}
	out[o] = '\0';
	n->u.text.s = out;
	n->u.text.len = o;
	if (o > 0)
		r->last_text = n;
}

/* Refine every block's inline content, then unlink empty text nodes. */
static void
S_refine(struct fo_ctx *c)
{
	struct fo_node *n = c->tree->root;
	struct refine r = { NULL, 0 };
	/* A footnote-body is set at the foot: the text around its footnote
	 * runs on as if it were not there (its blocks dropped the space
	 * after the citation: "body1blah").  Its state is kept here; past
	 * 16 nested ones, no longer. */
	struct refine fn[16];
	int nfn = 0, fn_over = 0;

	/* Pre-order walk; every boundary entered or left resets r. */
	while (n) {
		if (n->kind == FO_FOOTNOTE_BODY && n->first) {
			if (nfn < 16)
				fn[nfn++] = r;
			else
				fn_over++;
			r.last_text = NULL;
			r.prev = 0;
		} else if (n->kind == FO_TEXT)
			S_refine_text(c, n, &r);
		else if (S_boundary(n->kind)) {
			S_trim_tail(&r, 0);
			r.last_text = NULL;
			r.prev = 0;
		} else if (n->kind == FO_LEADER || n->kind == FO_PAGE_NUMBER ||
		    n->kind == FO_PAGE_NUMBER_CITATION ||
		    n->kind == FO_PAGE_NUMBER_CITATION_LAST ||
		    n->kind == FO_EXTERNAL_GRAPHIC ||
		    n->kind == FO_RETRIEVE_MARKER) {
			/* text stands there: the spaces around it stay */
			r.prev = 'x';
			r.last_text = NULL;
		}
		if (n->first) {
			n = n->first;
			continue;
		}
		while (n && n->next == NULL) {
			n = n->parent;
			if (n && n->kind == FO_FOOTNOTE_BODY) {
				S_trim_tail(&r, 0);
				if (fn_over > 0)
					fn_over--;
				else if (nfn > 0)
					r = fn[--nfn];
			} else if (n && S_boundary(n->kind)) {
				S_trim_tail(&r, 0);
				r.last_text = NULL;
				r.prev = 0;
			}
		}
		if (n)
			n = n->next;
	}
	/* Unlink empty text nodes. */
	for (n = c->tree->root; n; ) {
		struct fo_node **pp = &n->first, *ch;
		n->last = NULL;
		while ((ch = *pp) != NULL) {
			if (ch->kind == FO_TEXT && ch->u.text.len == 0) {
				*pp = ch->next;
				c->tree->nnodes--;
				continue;
			}
			n->last = ch;
			pp = &ch->next;
		}
		if (n->first) {
			n = n->first;
			continue;
		}
		while (n && n->next == NULL)
			n = n->parent;
		if (n)
			n = n->next;
	}
}

/* ---- entry points ---- */

struct fo_tree *
fo_parse_memory(const char *data, size_t len, const char *name)
{
	xmlDocPtr doc = input_read_xml_mem(data, len, name);
	struct fo_tree *t;

	if (doc == NULL)
		return NULL;
	t = S_build(doc, name);
	xmlFreeDoc(doc);
	return t;
}

struct fo_tree *
fo_parse_file(const char *path)
{
	xmlDocPtr doc = input_read_xml(path);
	struct fo_tree *t;

	if (doc == NULL)
		return NULL;
	t = S_build(doc, path);
	xmlFreeDoc(doc);
	return t;
}

struct fo_tree *
fo_from_doc(xmlDocPtr doc)
{
	if (doc == NULL)
		return NULL;
	return S_build(doc, doc->URL ? (const char *)doc->URL : NULL);
}

void
fo_tree_free(struct fo_tree *tree)
{
	struct fo_arena *a, *next;

	if (tree == NULL)
		return;
	for (a = tree->arena; a; a = next) {
		next = a->next;
		free(a);
	}
	if (tree->ids) {
		free(tree->ids->slot);
		free(tree->ids);
	}
	free(tree);
}
