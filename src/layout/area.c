/* area.c — building and freeing the area tree. */
#include "area.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../util/util.h"

struct area_chunk {
	struct area_chunk *next;
	size_t		 used, cap;
	char		 data[];
};

struct area_doc *
area_doc_new(void)
{
	return xcalloc(1, sizeof(struct area_doc));
}

void
area_doc_free(struct area_doc *doc)
{
	struct area_chunk *c, *next;

	if (doc == NULL)
		return;
	for (size_t i = 0; i < doc->npages; i++)
		free(doc->pages[i].items);
	free(doc->pages);
	free(doc->marks);
	free(doc->anchors);
	for (c = doc->arena; c; c = next) {
		next = c->next;
		free(c);
	}
	free(doc);
}

/* n bytes from the arena, at an address aligned to align (a power of 2). */
static char *
S_alloc(struct area_doc *doc, size_t n, size_t align)
{
	struct area_chunk *c = doc->arena;
	size_t pad = 0;

	if (c != NULL)
		pad = (align - (uintptr_t)(c->data + c->used) % align) % align;
	if (c == NULL || c->cap - c->used < n + pad) {
		size_t cap = n + align > 16384 ? n + align : 16384;
		c = xmalloc(sizeof *c + cap);
		c->used = 0;
		c->cap = cap;
		c->next = doc->arena;
		doc->arena = c;
		pad = (align - (uintptr_t)c->data % align) % align;
	}
	c->used += pad;
	char *p = c->data + c->used;
	c->used += n;
	return p;
}

const char *
area_strdup(struct area_doc *doc, const char *s, size_t n)
{
	char *p = S_alloc(doc, n + 1, 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

double *
area_doubles(struct area_doc *doc, size_t n)
{
	double *d = (double *)(void *)S_alloc(doc, n * sizeof *d,
	    _Alignof(double));

	memset(d, 0, n * sizeof *d);
	return d;
}

struct area_page *
area_page_add(struct area_doc *doc, double w, double h)
{
	struct area_page *pg;

	if (doc->npages == doc->pagecap) {
		doc->pagecap = doc->pagecap ? doc->pagecap * 2 : 8;
		doc->pages = xreallocarray(doc->pages, doc->pagecap, sizeof *doc->pages);
	}
	pg = &doc->pages[doc->npages++];
	memset(pg, 0, sizeof *pg);
	pg->width = w;
	pg->height = h;
	pg->number = (int)doc->npages;
	return pg;
}

struct area_item *
area_item_add(struct area_page *pg, enum area_kind kind)
{
	struct area_item *it;

	if (pg->nitems == pg->cap) {
		pg->cap = pg->cap ? pg->cap * 2 : 64;
		pg->items = xreallocarray(pg->items, pg->cap, sizeof *pg->items);
	}
	it = &pg->items[pg->nitems++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	return it;
}

void
area_bookmark_add(struct area_doc *doc, const char *title, int page, double y,
    int level)
{
	if (doc->nmarks == doc->markcap) {
		doc->markcap = doc->markcap ? doc->markcap * 2 : 8;
		doc->marks = xreallocarray(doc->marks, doc->markcap, sizeof *doc->marks);
	}
	doc->marks[doc->nmarks].title = area_strdup(doc, title, strlen(title));
	doc->marks[doc->nmarks].page = page;
	doc->marks[doc->nmarks].y = y;
	doc->marks[doc->nmarks].level = level;
	doc->nmarks++;
}

const struct area_anchor *
area_anchor(const struct area_doc *doc, const char *id)
{
	for (size_t i = 0; i < doc->nanchors; i++)
		if (strcmp(doc->anchors[i].id, id) == 0)
			return &doc->anchors[i];
	return NULL;
}

void
area_turn_map(int turns, double rx, double ry, double rw, double rh,
    double m[6])
{
	/* Counter-clockwise on the page is (x, y) → (y, −x) with y down. */
	switch (turns & 3) {
	case 1:		/* the turned frame's top-left at the bottom-left */
		m[0] = 0; m[1] = -1; m[2] = 1; m[3] = 0;
		m[4] = rx; m[5] = ry + rh;
		break;
	case 2:		/* at the bottom-right, upside down */
		m[0] = -1; m[1] = 0; m[2] = 0; m[3] = -1;
		m[4] = rx + rw; m[5] = ry + rh;
		break;
	case 3:		/* at the top-right */
		m[0] = 0; m[1] = 1; m[2] = -1; m[3] = 0;
		m[4] = rx + rw; m[5] = ry;
		break;
	default:
		m[0] = 1; m[1] = 0; m[2] = 0; m[3] = 1;
		m[4] = rx; m[5] = ry;
		break;
	}
}

void
area_shift(struct area_page *pg, size_t from, double dx)
{
	int depth = 0;

	if (dx == 0)
		return;
	for (size_t i = from; i < pg->nitems; i++) {
		struct area_item *it = &pg->items[i];
		if (it->kind == AREA_TURN_END) {
			depth--;
			continue;
		}
		if (depth == 0) {
			it->x += dx;
			if (it->kind == AREA_RULE)
				it->u.rule.x2 += dx;
		}
		if (it->kind == AREA_TURN)
			depth++;
	}
}
