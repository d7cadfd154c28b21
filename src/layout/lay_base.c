/* lay_base.c — what every layout file uses, below them all: the arena,
 * the table of ids and the pages they are on (page-number citations,
 * bookmarks, anchors), and putting boxes, rules and ids on the page being
 * drawn.  Calls nothing else of the layout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"
#include "../util/util.h"

/* ---- arena ---- */

struct lay_chunk {
	struct lay_chunk *next;
	size_t		 used, cap;
	max_align_t	 data[];
};

void *
lay_alloc(struct lay *L, size_t n)
{
	struct lay_chunk *c = L->arena;
	size_t need = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t);

	if (c == NULL || c->cap - c->used < need) {
		size_t cap = need > 4096 ? need : 4096;
		c = xmalloc(sizeof *c + cap * sizeof(max_align_t));
		c->used = 0;
		c->cap = cap;
		c->next = L->arena;
		L->arena = c;
	}
	void *p = c->data + c->used;
	c->used += need;
	memset(p, 0, need * sizeof(max_align_t));
	return p;
}

void
lay_arena_free(struct lay *L)
{
	struct lay_chunk *c, *next;

	for (c = L->arena; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	L->arena = NULL;
}

const char *
lay_file(const struct lay *L)
{
	return L->fo ? L->fo->file : NULL;
}

/* ---- citations ---- */

static size_t
S_hash(const char *s)
{
	size_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

struct lay_cite *
lay_cite_get(struct lay *L, const char *id)
{
	size_t h, i;

	if (L->hashcap == 0 || L->ncites * 2 >= L->hashcap) {
		size_t cap = L->hashcap ? L->hashcap * 2 : 64;
		free(L->citehash);
		L->citehash = xcalloc(cap, sizeof *L->citehash);
		L->hashcap = cap;
		for (size_t k = 0; k < L->ncites; k++) {
			i = S_hash(L->cites[k].id) & (cap - 1);
			while (L->citehash[i])
				i = (i + 1) & (cap - 1);
			L->citehash[i] = k + 1;
		}
	}
	h = S_hash(id);
	for (i = h & (L->hashcap - 1); L->citehash[i];
	    i = (i + 1) & (L->hashcap - 1))
		if (strcmp(L->cites[L->citehash[i] - 1].id, id) == 0)
			return &L->cites[L->citehash[i] - 1];
	if (L->ncites == L->citecap) {
		L->citecap = L->citecap ? L->citecap * 2 : 32;
		L->cites = xreallocarray(L->cites, L->citecap, sizeof *L->cites);
	}
	memset(&L->cites[L->ncites], 0, sizeof L->cites[0]);
	L->cites[L->ncites].id = xstrdup(id);
	L->citehash[i] = ++L->ncites;
	return &L->cites[L->ncites - 1];
}

struct area_item *
lay_box_item(struct lay *L)
{
	static struct area_item scratch;

	if (!L->no_boxes)
		return area_item_add(L->page, AREA_BOX);
	memset(&scratch, 0, sizeof scratch);
	scratch.kind = AREA_BOX;
	return &scratch;
}

void
lay_record(struct lay *L, const struct lay_idref *r, double y)
{
	/* y in a turned frame is not the page's: the turned container's
	 * top, or the top of a turned page */
	if (L->page != NULL && L->page->turns)
		y = 0;
	else if (L->turn_depth > 0)
		y = L->turn_y;
	for (; r != NULL; r = r->next) {
		struct lay_cite *c = lay_cite_get(L, r->id);
		if (c->nfirst == 0) {
			c->nfirst = L->pageno;
			c->page_idx = (int)(L->page - L->doc->pages);
			c->y = y;
		}
		c->nlast = L->pageno;
		c->last_idx = (int)(L->page - L->doc->pages);
	}
}

void
lay_record_last(struct lay *L, const struct lay_idref *r)
{
	for (; r != NULL; r = r->next) {
		struct lay_cite *c = lay_cite_get(L, r->id);
		if (c->nfirst == 0)
			continue;
		c->nlast = L->pageno;
		c->last_idx = (int)(L->page - L->doc->pages);
	}
}

void
lay_format_pageno(char *buf, int n, const char *format)
{
	(void)format;
	snprintf(buf, 32, "%d", n);
}

/* ---- drawing ---- */

void
lay_draw_border(struct lay *L, const struct lay_border *bd, double x1,
    double y1, double x2, double y2)
{
	struct area_item *it;

	if (bd->w <= 0)
		return;
	it = area_item_add(L->page, AREA_RULE);
	it->x = x1;
	it->y = y1;
	it->u.rule.x2 = x2;
	it->u.rule.y2 = y2;
	it->u.rule.thickness = bd->w;
	it->u.rule.style = bd->style;
	it->color = bd->color;
}
