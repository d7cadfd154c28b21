/* lay_doc.c — the document: every page-sequence laid out (lay_page.c),
 * page-number citations resolved by repeating the layout until they are
 * stable, then the bookmarks and the anchors. */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "lay_int.h"
#include "../diag/diag.h"
#include "../util/util.h"

#define MAX_PASSES	4

/* The bookmark tree, with the pages the last pass found. */
static void
S_bookmarks(struct lay *L, const struct fo_node *parent, int level)
{
	for (const struct fo_node *n = parent->first; n != NULL; n = n->next) {
		if (n->kind == FO_BOOKMARK_TREE) {
			S_bookmarks(L, n, level);
			continue;
		}
		if (n->kind != FO_BOOKMARK || level > 16)
			continue;
		struct buf t;
		buf_init(&t);
		for (const struct fo_node *c = n->first; c; c = c->next)
			if (c->kind == FO_BOOKMARK_TITLE)
				for (const struct fo_node *x = c->first; x; x = x->next)
					if (x->kind == FO_TEXT)
						buf_append(&t, x->u.text.s, x->u.text.len);
		if (n->u.link.internal != NULL) {
			struct lay_cite *c = lay_cite_get(L, n->u.link.internal);
			if (c->nfirst > 0)
				area_bookmark_add(L->doc, t.data ? t.data : "",
				    c->page_idx, c->y, level);
		}
		buf_free(&t);
		S_bookmarks(L, n, level + 1);
	}
}

static struct area_doc *
S_pass(struct lay *L, const struct lay_options *opt)
{
	const struct fo_node *root = L->fo->root;
	int pageno = 1;

	L->doc = area_doc_new();
	if (opt && opt->watermark)
		L->doc->watermark = area_strdup(L->doc, opt->watermark,
		    strlen(opt->watermark));
	for (size_t i = 0; i < L->ncites; i++) {
		struct lay_cite *c = &L->cites[i];
		c->nfirst = c->nlast = 0;
		c->used_first = c->used_last = 0;
		c->asked = 0;
		c->asked_static = 0;
	}
	L->nmarks = 0;
	if (root != NULL)
		for (const struct fo_node *n = root->first; n != NULL; n = n->next)
			if (n->kind == FO_PAGE_SEQUENCE)
				pageno = lay_sequence(L, n, pageno);
	if (L->doc->npages == 0) {
		LAY_DIAG(L, W_LAY_NO_FLOW, lay_file(L), root ? root->line : 0, 0);
		L->page = area_page_add(L->doc, 595.28, 841.89);
	}
	/* Headers and footers last: every page number and citation of
	 * this pass is known by now ("第 N 页 共 M 页" in one pass). */
	lay_statics(L);
	if (root != NULL)
		S_bookmarks(L, root, 0);
	return L->doc;
}

/* Did a citation print something other than what this pass found? */
static int
S_cites_changed(struct lay *L)
{
	int changed = 0;

	for (size_t i = 0; i < L->ncites; i++) {
		struct lay_cite *c = &L->cites[i];
		if (c->asked && (c->used_first != c->nfirst ||
		    c->used_last != c->nlast) &&
		    (c->first != c->nfirst || c->last != c->nlast))
			changed = 1;
		c->first = c->nfirst;
		c->last = c->nlast;
	}
	return changed;
}

struct area_doc *
lay_document(const struct fo_tree *tree, const struct lay_options *opt)
{
	struct lay L;
	struct area_doc *doc = NULL;

	memset(&L, 0, sizeof L);
	L.fo = tree;
	L.astral_said = opt && opt->astral_said;
	L.no_boxes = opt && opt->no_boxes;
	L.columns = opt ? opt->columns : NULL;
	lay_para_init(&L.para);
	for (int pass = 0; pass < MAX_PASSES; pass++) {
		L.quiet = pass > 0;
		L.run = 0;
		L.depth = 0;
		doc = S_pass(&L, opt);
		if (!S_cites_changed(&L) || pass + 1 == MAX_PASSES)
			break;
		area_doc_free(doc);
		lay_arena_free(&L);
	}
	/* Where every id was placed, for callers that lay out a long
	 * document in slices (publish). */
	doc->anchors = xreallocarray(NULL, L.ncites ? L.ncites : 1,
	    sizeof *doc->anchors);
	for (size_t i = 0; i < L.ncites; i++) {
		struct lay_cite *c = &L.cites[i];
		if (c->first > 0 && c->id[0] != '\x1f')
			doc->anchors[doc->nanchors++] = (struct area_anchor){
				area_strdup(doc, c->id, strlen(c->id)),
				c->page_idx, c->last_idx };
	}
	for (size_t i = 0; i < L.ncites; i++) {
		struct lay_cite *c = &L.cites[i];
		if ((c->asked || c->asked_static) && c->first == 0 &&
		    c->id[0] != '\x1f')
			diag(W_LAY_CITE_UNKNOWN, lay_file(&L), c->fo_line, 0, c->id);
		free((char *)c->id);
	}
	free(L.cites);
	free(L.marks);
	free(L.fnset.b);
	free(L.statics);
	free(L.citehash);
	free(L.warned_cp);
	lay_auto_free(&L);
	lay_para_free(&L.para);
	lay_arena_free(&L);
	return doc;
}
