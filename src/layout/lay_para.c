/* lay_para.c — a paragraph being collected for the line builder
 * (lay_line.c): its characters, styles and objects (struct lay_para,
 * lay_int.h), and the warning for a character no font has, given once a
 * character and a document. */
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"
#include "../diag/diag.h"
#include "../util/util.h"

void
lay_para_init(struct lay_para *p)
{
	memset(p, 0, sizeof *p);
}

void
lay_para_free(struct lay_para *p)
{
	free(p->cp);
	free(p->sty);
	free(p->obj);
	free(p->line);
	free(p->styles);
	free(p->objs);
	memset(p, 0, sizeof *p);
}

void
lay_para_reset(struct lay_para *p)
{
	p->n = 0;
	p->nstyles = 0;
	p->nobjs = 0;
}

int
lay_para_style(struct lay_para *p, const struct lay_style *s)
{
	for (size_t i = p->nstyles; i-- > 0; ) {
		const struct lay_style *t = &p->styles[i];
		if (t->set == s->set && t->size == s->size && t->lh == s->lh &&
		    t->color == s->color && t->fake_bold == s->fake_bold &&
		    t->letter_spacing == s->letter_spacing &&
		    t->autospace == s->autospace && t->keep == s->keep &&
		    t->shift == s->shift && t->deco == s->deco && t->box == s->box)
			return (int)i;
	}
	if (p->nstyles == p->stycap) {
		p->stycap = p->stycap ? p->stycap * 2 : 8;
		p->styles = xreallocarray(p->styles, p->stycap, sizeof *p->styles);
	}
	p->styles[p->nstyles] = *s;
	return (int)p->nstyles++;
}

static void
S_push(struct lay_para *p, uint32_t cp, int sty, int obj, int line)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 256;
		p->cp = xreallocarray(p->cp, p->cap, sizeof *p->cp);
		p->sty = xreallocarray(p->sty, p->cap, sizeof *p->sty);
		p->obj = xreallocarray(p->obj, p->cap, sizeof *p->obj);
		p->line = xreallocarray(p->line, p->cap, sizeof *p->line);
	}
	p->line[p->n] = line;
	p->cp[p->n] = cp;
	p->sty[p->n] = sty;
	p->obj[p->n] = obj;
	p->n++;
}

void
lay_para_text(struct lay_para *p, const char *s, size_t len, int sty, int line)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, len - i, &cp);
		if (k == 0) {
			cp = 0xFFFD;
			k = 1;
		}
		if (cp == '\t' || cp == '\r')
			cp = ' ';
		S_push(p, cp, sty, -1, line);
		i += k;
	}
}

void
lay_para_obj(struct lay_para *p, const struct lay_obj *o, int sty, int line)
{
	if (p->nobjs == p->objcap) {
		p->objcap = p->objcap ? p->objcap * 2 : 4;
		p->objs = xreallocarray(p->objs, p->objcap, sizeof *p->objs);
	}
	p->objs[p->nobjs] = *o;
	S_push(p, 0xFFFC, sty, (int)p->nobjs++, line);
}

int
lay_para_empty(const struct lay_para *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->obj[i] >= 0 || (p->cp[i] != ' ' && p->cp[i] != 0x200B))
			return 0;
	return 1;
}

void
lay_warn_char(struct lay *L, uint32_t cp, int line)
{
	char u[8];

	if (cp > 0xFFFF && L->astral_said)
		return;
	for (size_t i = 0; i < L->nwarned; i++)
		if (L->warned_cp[i] == cp)
			return;
	if (L->nwarned == L->warncap) {
		L->warncap = L->warncap ? L->warncap * 2 : 16;
		L->warned_cp = xreallocarray(L->warned_cp, L->warncap,
		    sizeof *L->warned_cp);
	}
	L->warned_cp[L->nwarned++] = cp;
	/* A document full of missing characters: name the first ones only. */
	if (L->nwarned > 20) {
		if (L->nwarned == 21)
			LAY_DIAG(L, W_LAY_CHAR_MORE, lay_file(L), line, 0);
		return;
	}
	u[utf8_encode(cp, u)] = '\0';
	if (cp > 0xFFFF)
		LAY_DIAG(L, W_LAY_CHAR_ASTRAL, lay_file(L), line, 0, u, (unsigned)cp);
	else
		LAY_DIAG(L, W_LAY_CHAR_MISSING, lay_file(L), line, 0, u, (unsigned)cp);
}
