/* lay_marker.c — fo:marker and fo:retrieve-marker (XSL 1.1 §6.13.5–6):
 * running headers and footers.  While the flow is drawn, each block with
 * markers notes them on its page (whether the block starts there, and
 * whether it ends there); when a page's static content is laid out, a
 * retrieve-marker is replaced by the children of the marker its
 * retrieve-position picks on that page, or, with none there, by the last
 * one of its class on an earlier page within its retrieve-boundary.
 *
 * The marker's children keep the properties they inherit where the
 * marker stands in the flow, not those of the retrieve-marker. */
#include <string.h>

#include "lay_int.h"
#include "../util/util.h"

struct lay_mark {
	int		 page;		/* index into the document's pages */
	const struct fo_node *seq;	/* its page-sequence */
	const struct fo_node *marker;
	uint8_t		 starts, ends;	/* the block starts, ends there */
};

const struct fo_node *
lay_markers_of(const struct fo_node *n)
{
	return n->first != NULL && n->first->kind == FO_MARKER ? n : NULL;
}

void
lay_markers_note(struct lay *L, const struct lay_box *b)
{
	if (L->in_static || b->markers == NULL)
		return;
	for (const struct fo_node *m = b->markers->first;
	    m != NULL && m->kind == FO_MARKER; m = m->next) {
		if (m->u.marker.cls == NULL)
			continue;
		if (L->nmarks == L->markcap) {
			L->markcap = L->markcap ? L->markcap * 2 : 16;
			L->marks = xreallocarray(L->marks, L->markcap,
			    sizeof *L->marks);
		}
		L->marks[L->nmarks++] = (struct lay_mark){
			(int)(L->page - L->doc->pages), L->seq, m,
			!b->cont, !b->more };
	}
}

const struct fo_node *
lay_marker_get(struct lay *L, const struct fo_node *rm)
{
	const char *cls = rm->u.marker.cls;
	int pg = (int)(L->page - L->doc->pages);
	const struct lay_mark *best = NULL;

	if (cls == NULL)
		return NULL;
	for (size_t i = 0; i < L->nmarks; i++) {
		const struct lay_mark *k = &L->marks[i];
		if (k->page != pg || strcmp(k->marker->u.marker.cls, cls) != 0)
			continue;
		switch (rm->u.marker.position) {
		case FO_RP_FIRST_STARTING:
			if (k->starts)
				return k->marker;
			break;
		case FO_RP_FIRST_INCLUDING_CARRYOVER:
			return k->marker;
		case FO_RP_LAST_STARTING:
			if (k->starts)
				best = k;
			break;
		case FO_RP_LAST_ENDING:
			if (k->ends)
				best = k;
			break;
		}
	}
	if (best != NULL)
		return best->marker;
	if (rm->u.marker.boundary == FO_RB_PAGE)
		return NULL;
	/* None that qualifies here: the last one before, within the
	 * boundary (a block carried over from there included). */
	for (size_t i = L->nmarks; i-- > 0;) {
		const struct lay_mark *k = &L->marks[i];
		if (k->page > pg || strcmp(k->marker->u.marker.cls, cls) != 0)
			continue;
		if (rm->u.marker.boundary == FO_RB_PAGE_SEQUENCE &&
		    k->seq != L->seq)
			return NULL;
		return k->marker;
	}
	return NULL;
}
