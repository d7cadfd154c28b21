/* fo_int.h — internals of the FO reader shared by fo.c (tree, text) and
 * the computation of properties (fo_prop.c and the files its own header,
 * fo_prop_int.h, lists).  For src/fo/ only. */
#ifndef WSDOC_FO_INT_H
#define WSDOC_FO_INT_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "fo.h"

/* Bump allocator: big chunks, freed at once. */
struct fo_arena {
	struct fo_arena	*next;
	size_t		 used, cap;
	_Alignas(max_align_t) unsigned char data[];
};

/* State of one reading. */
struct fo_ctx {
	struct fo_tree	*tree;
	const char	*file;		/* for diagnostics */
	/* interning of property groups (identical groups stored once) */
	struct fo_intern *inh_set, *box_set;
	void		*str_set;
	struct fo_once	*once;		/* warnings already given */
	const struct fo_inh *inh_initial;
	/* Element and attribute names come from the document's dictionary:
	 * one lookup per distinct name pointer (valid for this reading only). */
	struct fo_name_cache {
		const void	*name;
		const void	*val;
	}		 elem_cache[256], attr_cache[512];
};

/* The cached value for a name pointer, or NULL; and storing one. */
static inline const void *
fo_cache_get(struct fo_name_cache *tab, size_t n, const void *name)
{
	size_t h = ((uintptr_t)name >> 3) % n;
	return tab[h].name == name ? tab[h].val : NULL;
}

static inline void
fo_cache_put(struct fo_name_cache *tab, size_t n, const void *name,
    const void *val)
{
	size_t h = ((uintptr_t)name >> 3) % n;
	tab[h].name = name;
	tab[h].val = val;
}

void	*fo_alloc(struct fo_tree *t, size_t n);	/* zeroed */
/* 1 the first time (a, b, d) is seen in this reading: a warning about the
 * same thing is given once, not on each of 10 000 table rows. */
int	fo_once(struct fo_ctx *c, const char *a, const char *b, const char *d);
const char *fo_strdup(struct fo_tree *t, const char *s, size_t n);

/* fo_color.c: a CSS colour keyword (case-insensitive) → 0xRRGGBB; -1 if
 * it is none. */
int	fo_color_name(const char *s, uint32_t *rgb);

/* Compute the properties of element el (an FO element of kind n->kind)
 * into n: n->inh, n->box and the kind's part of n->u.  parent is NULL for
 * fo:root. */
void	fo_props_compute(struct fo_ctx *c, struct fo_node *n, xmlNode *el,
	    const struct fo_node *parent);
void	fo_props_init(struct fo_ctx *c);
void	fo_props_done(struct fo_ctx *c);

#endif
