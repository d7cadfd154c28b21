/* lay_footnote.c — fo:footnote (XSL 1.1 §6.12.3): the citation (its
 * fo:inline) is set in the line; the fo:footnote-body goes at the foot of
 * the column that line is placed in, under the static content named
 * xsl-footnote-separator if the page-sequence has one.  lay_column.c
 * shortens the column until its lines and their footnotes fit.
 *
 * A footnote belongs to the first line of the paragraph it is cited in
 * (lay_block.c), so in a paragraph cut by a page break its body is on the
 * page where the paragraph starts. */
#include "lay_int.h"
#include "../util/util.h"

struct lay_fnote *
lay_footnote_add(struct lay *L, struct lay_fnote *list,
    const struct fo_node *body)
{
	struct lay_fnote *f = LAY_NEW(L, struct lay_fnote), **pp = &list;

	f->body = body;
	while (*pp != NULL)
		pp = &(*pp)->next;
	*pp = f;
	return list;
}

static void
S_push(struct lay_fnset *fs, struct lay_box *b)
{
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 8;
		fs->b = xreallocarray(fs->b, fs->cap, sizeof *fs->b);
	}
	fs->b[fs->n++] = b;
}

/* The footnotes of the lines in b, measured, in order. */
static void
S_collect(struct lay *L, const struct lay_box *b, double x, double w,
    struct lay_fnset *fs)
{
	switch (b->kind) {
	case BX_LINE:
		for (const struct lay_fnote *f = b->fnotes; f; f = f->next)
			S_push(fs, lay_measure_flow(L, f->body, x, w));
		return;
	case BX_BLOCK:
		if (!b->cont)	/* not again on a continuation */
			for (const struct lay_fnote *f = b->fnotes; f; f = f->next)
				S_push(fs, lay_measure_flow(L, f->body, x, w));
		for (size_t k = 0; k < b->nkids; k++)
			S_collect(L, lay_kid(b, k), x, w, fs);
		if (b->turned != NULL)
			S_collect(L, b->turned, x, w, fs);
		return;
	case BX_TABLE:
		for (size_t g = 0; g < b->ngroups; g++) {
			const struct lay_group *gr = lay_grp(b, g);
			for (size_t r = 0; r < gr->nrows; r++)
				for (size_t c = 0; c < gr->rows[r]->ncells; c++)
					if (gr->rows[r]->cells[c]->content)
						S_collect(L, gr->rows[r]->cells[c]->content,
						    x, w, fs);
		}
		return;
	}
}

double
lay_footnotes_measure(struct lay *L, const struct lay_box *first, double x,
    double w, struct lay_fnset *fs)
{
	double h = 0;

	fs->n = 0;
	fs->sep = NULL;
	S_collect(L, first, x, w, fs);
	if (fs->n == 0)
		return 0;
	for (size_t i = 0; i < fs->n; i++)
		h += fs->b[i]->h;
	const struct fo_node *sc = fo_seq_flow(L->seq, "xsl-footnote-separator");
	if (sc != NULL && sc->kind == FO_STATIC_CONTENT) {
		fs->sep = lay_measure_flow(L, sc, x, w);
		h += fs->sep->h;
	}
	return h;
}

void
lay_footnotes_draw(struct lay *L, const struct lay_fnset *fs, double y)
{
	if (fs->sep != NULL) {
		lay_draw(L, fs->sep, y);
		y += fs->sep->h;
	}
	for (size_t i = 0; i < fs->n; i++) {
		lay_draw(L, fs->b[i], y);
		y += fs->b[i]->h;
	}
}
