/* area_dump.c — the area tree as text (wsdoc fo --areas): one item a line,
 * lengths rounded to 2 decimals, so that golden tests compare layouts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "area.h"
#include "../font/font.h"
#include "../util/datauri.h"

/* %.2f without "-0.00". */
static const char *
S_num(char *buf, double v)
{
	if (!isfinite(v))
		v = 0;
	if (fabs(v) < 0.005)
		v = 0;
	snprintf(buf, 32, "%.2f", v);
	return buf;
}

static void
S_quoted(FILE *out, const char *s, size_t n)
{
	putc('"', out);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\x%02x", c);
		else
			putc(c, out);
	}
	putc('"', out);
}

/* A picture's src: a path as written; a data: URI as its media type and
 * the number of bytes it decodes to, short and stable whatever its
 * base64 looks like. */
static void
S_src(FILE *out, const char *src)
{
	char type[64];
	unsigned char *d;
	size_t n;
	int large;

	if (!datauri_is(src) || datauri_type(src, type, sizeof type) != NULL) {
		S_quoted(out, src, strlen(src));
		return;
	}
	datauri_decode(src, DATAURI_MAX_BYTES, &d, &n, &large);
	free(d);
	fprintf(out, "data:%s bytes=%zu", type, n);
}

static const char *
S_style(enum area_rule_style s)
{
	switch (s) {
	case RULE_DASHED:	return "dashed";
	case RULE_DOTTED:	return "dotted";
	case RULE_DOUBLE:	return "double";
	default:		return "solid";
	}
}

static void
S_color(FILE *out, uint32_t c)
{
	if (c != 0)
		fprintf(out, " color=#%06X", (unsigned)(c & 0xFFFFFF));
}

/* The further advances of a run, as "dx=INDEX:PT,…" (characters counted
 * from 0; those with none left out). */
static void
S_dx(FILE *out, const struct area_item *it)
{
	const char *u = it->u.text.utf8;
	const double *dx = it->u.text.dx;
	char v[32];
	size_t k = 0;
	int first = 1;

	for (size_t i = 0; i < it->u.text.len; i++) {
		if (((unsigned char)u[i] & 0xC0) == 0x80)
			continue;	/* a continuation byte */
		if (fabs(dx[k]) >= 0.005) {
			fprintf(out, "%s%zu:%s", first ? " dx=" : ",", k,
			    S_num(v, dx[k]));
			first = 0;
		}
		k++;
	}
}

void
area_dump(const struct area_doc *doc, FILE *out)
{
	char a[32], b[32], c[32], d[32], e[32];

	if (doc->title)
		fprintf(out, "title \"%s\"\n", doc->title);
	if (doc->watermark)
		fprintf(out, "watermark \"%s\"\n", doc->watermark);
	for (size_t p = 0; p < doc->npages; p++) {
		const struct area_page *pg = &doc->pages[p];
		fprintf(out, "page %zu number=%d size=%sx%s", p + 1, pg->number,
		    S_num(a, pg->width), S_num(b, pg->height));
		if (pg->turns)
			fprintf(out, " turned=%d in x=%s y=%s w=%s h=%s",
			    pg->turns * 90, S_num(a, pg->tx), S_num(b, pg->ty),
			    S_num(c, pg->tw), S_num(d, pg->th));
		putc('\n', out);
		for (size_t i = 0; i < pg->nitems; i++) {
			const struct area_item *it = &pg->items[i];
			switch (it->kind) {
			case AREA_BOX:
				fprintf(out, "  box %s x=%s y=%s w=%s h=%s",
				    it->u.box.what ? it->u.box.what : "-",
				    S_num(a, it->x), S_num(b, it->y),
				    S_num(c, it->w), S_num(d, it->h));
				if (it->u.box.fo_line)
					fprintf(out, " line=%d", it->u.box.fo_line);
				putc('\n', out);
				break;
			case AREA_TURN:
				fprintf(out, "  turn %d x=%s y=%s w=%s h=%s\n",
				    it->u.turn.turns * 90, S_num(a, it->x),
				    S_num(b, it->y), S_num(c, it->w),
				    S_num(d, it->h));
				break;
			case AREA_TURN_END:
				fputs("  turn-end\n", out);
				break;
			case AREA_LINEBOX:
				fprintf(out, "    line x=%s y=%s w=%s h=%s\n",
				    S_num(a, it->x), S_num(b, it->y),
				    S_num(c, it->w), S_num(d, it->h));
				break;
			case AREA_TEXT:
				fprintf(out, "      text x=%s y=%s w=%s font=\"%s\" size=%s",
				    S_num(a, it->x), S_num(b, it->y), S_num(c, it->w),
				    it->u.text.face ? font_face_family(it->u.text.face) : "-",
				    S_num(d, it->u.text.size));
				if (fabs(it->u.text.char_space) >= 0.005)
					fprintf(out, " cs=%s", S_num(e, it->u.text.char_space));
				if (fabs(it->u.text.word_space) >= 0.005)
					fprintf(out, " ws=%s", S_num(e, it->u.text.word_space));
				if (it->u.text.dx)
					S_dx(out, it);
				if (it->u.text.span_n > 0)
					fprintf(out, " span=%d", it->u.text.span_n);
				if (it->u.text.fake_bold)
					fputs(" fake-bold", out);
				S_color(out, it->color);
				putc(' ', out);
				S_quoted(out, it->u.text.utf8, it->u.text.len);
				putc('\n', out);
				break;
			case AREA_RULE:
				fprintf(out, "      rule %s,%s - %s,%s t=%s %s",
				    S_num(a, it->x), S_num(b, it->y),
				    S_num(c, it->u.rule.x2), S_num(d, it->u.rule.y2),
				    S_num(e, it->u.rule.thickness),
				    S_style(it->u.rule.style));
				S_color(out, it->color);
				putc('\n', out);
				break;
			case AREA_RECT:
				fprintf(out, "  rect x=%s y=%s w=%s h=%s color=#%06X\n",
				    S_num(a, it->x), S_num(b, it->y),
				    S_num(c, it->w), S_num(d, it->h),
				    (unsigned)(it->color & 0xFFFFFF));
				break;
			case AREA_IMAGE:
				fprintf(out, "      image x=%s y=%s w=%s h=%s ",
				    S_num(a, it->x), S_num(b, it->y),
				    S_num(c, it->w), S_num(d, it->h));
				S_src(out, it->u.image.path);
				putc('\n', out);
				break;
			}
		}
	}
	for (size_t m = 0; m < doc->nmarks; m++)
		fprintf(out, "bookmark level=%d page=%d y=%s \"%s\"\n",
		    doc->marks[m].level, doc->marks[m].page + 1,
		    S_num(a, doc->marks[m].y), doc->marks[m].title);
}
