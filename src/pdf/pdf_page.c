/* pdf_page.c — a page of the area tree drawn into its content stream:
 * text, rules, rectangles, PNG images, the watermark. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_pages.h>
#include <png.h>

#include "pdf_int.h"
#include "../diag/diag.h"
#include "../font/font.h"
#include "../layout/area.h"
#include "../util/datauri.h"
#include "../util/util.h"

/* The page's content, written whole at the end of the page: libharu never
 * writes into it, so it is deflated here in one piece. */
static void
S_flush(struct pdf_ctx *c)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)c->page->attr;

	pdf_stream_put(attr->contents, c->out.data, c->out.len);
	buf_reset(&c->out);
}

/* A run of an ActualText span is drawn: the span ends after its last. */
static void
S_span_step(struct pdf_ctx *c)
{
	if (c->span_open && --c->span_left <= 0) {
		pdf_op(&c->out, "EMC");
		c->span_open = 0;
	}
}

/* Begin a marked-content span whose ActualText is the UTF-8 text s[0..n)
 * (as UTF-16BE). */
static void
S_actual_text(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i = 0, k;
	uint32_t cp;

	buf_puts(b, "/Span <</ActualText <FEFF");
	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			i++;
			continue;
		}
		i += k;
		unsigned u[2] = { (unsigned)cp, 0 };
		int m = 1;
		if (cp > 0xFFFF) {
			u[0] = 0xD800 + ((cp - 0x10000) >> 10);
			u[1] = 0xDC00 + ((cp - 0x10000) & 0x3FF);
			m = 2;
		}
		for (int j = 0; j < m; j++) {
			char h[4] = { hex[u[j] >> 12 & 15], hex[u[j] >> 8 & 15],
			    hex[u[j] >> 4 & 15], hex[u[j] & 15] };
			buf_append(b, h, 4);
		}
	}
	buf_puts(b, ">>> BDC\n");
}

static void
S_text_end(struct pdf_ctx *c)
{
	if (c->span_open) {	/* marked content stays inside BT … ET */
		pdf_op(&c->out, "EMC");
		c->span_open = 0;
	}
	if (c->intext) {
		pdf_op(&c->out, "ET");
		c->intext = 0;
	}
}

static void
S_rgb(struct pdf_ctx *c, uint32_t rgb, const char *op)
{
	pdf_num(&c->out, ((rgb >> 16) & 0xff) / 255.0);
	pdf_num(&c->out, ((rgb >> 8) & 0xff) / 255.0);
	pdf_num(&c->out, (rgb & 0xff) / 255.0);
	pdf_op(&c->out, op);
}

static void
S_fill(struct pdf_ctx *c, uint32_t rgb)
{
	if (c->cur_fill != (long)rgb) {
		S_rgb(c, rgb, "rg");
		c->cur_fill = (long)rgb;
	}
}

static void
S_stroke(struct pdf_ctx *c, uint32_t rgb)
{
	if (c->cur_stroke != (long)rgb) {
		S_rgb(c, rgb, "RG");
		c->cur_stroke = (long)rgb;
	}
}

static void
S_linewidth(struct pdf_ctx *c, double w)
{
	if (c->cur_lw != w) {
		pdf_num(&c->out, w);
		pdf_op(&c->out, "w");
		c->cur_lw = w;
	}
}

static void
S_text(struct pdf_ctx *c, const struct area_item *it)
{
	struct pdf_font *f = pdf_font_for(c, it->u.text.face, it->u.text.utf8,
	    it->u.text.utf8 ? it->u.text.len : 0);
	const char *s = it->u.text.utf8;
	size_t n = it->u.text.len;
	double size = it->u.text.size;

	if (f == NULL || n == 0 || size <= 0 || s == NULL) {
		S_span_step(c);
		return;
	}
	pdf_font_on_page(c, f);
	if (!c->intext) {
		pdf_op(&c->out, "BT");
		c->intext = 1;
	}
	/* Compressed punctuation and CJK-Latin spaces put glyphs where text
	 * extraction (poppler's pdftotext) misreads them: the layout gave
	 * the stretch of runs its text. */
	if (it->u.text.span_n > 0 && !c->span_open) {
		S_actual_text(&c->out, it->u.text.span_text,
		    it->u.text.span_len);
		c->span_open = 1;
		c->span_left = it->u.text.span_n;
	}
	if (c->cur_font != f || c->cur_size != size) {
		buf_printf(&c->out, "/%s ", f->res);
		pdf_num(&c->out, size);
		pdf_op(&c->out, "Tf");
		c->cur_font = f;
		c->cur_size = size;
	}
	if (c->cur_cs != it->u.text.char_space) {
		pdf_num(&c->out, it->u.text.char_space);
		pdf_op(&c->out, "Tc");
		c->cur_cs = it->u.text.char_space;
	}
	S_fill(c, it->color);
	int mode = it->u.text.fake_bold ? 2 : 0;
	if (mode) {
		S_stroke(c, it->color);
		S_linewidth(c, size * 0.035);
	}
	if (c->cur_mode != mode) {
		buf_printf(&c->out, "%d Tr\n", mode);
		c->cur_mode = mode;
	}
	/* A new line matrix for every run: absolute, so errors never add up. */
	pdf_op(&c->out, "1 0 0 1");
	c->out.len--;
	buf_putc(&c->out, ' ');
	pdf_num(&c->out, it->x);
	pdf_num(&c->out, c->ph - it->y);
	pdf_op(&c->out, "Tm");
	/* Word spacing (Tw) applies only to one-byte code 32, so with two-byte
	 * codes it is written as a TJ adjustment after each space; the
	 * layout's further advances (dx) likewise, after their character. */
	const double *dx = it->u.text.dx;
	if (it->u.text.word_space == 0 && dx == NULL) {
		pdf_hex(&c->out, f, s, n);
		pdf_op(&c->out, " Tj");
		S_span_step(c);
		return;
	}
	size_t start = 0, k = 0;
	buf_putc(&c->out, '[');
	while (start < n) {
		size_t end = start;
		double adv = 0;
		uint32_t cp;
		while (end < n) {
			size_t len = utf8_decode(s + end, n - end, &cp);
			if (len == 0) {
				end++;
				continue;
			}
			end += len;
			adv = (cp == ' ' ? it->u.text.word_space : 0) +
			    (dx ? dx[k] : 0);
			k++;
			if (adv != 0)
				break;
		}
		pdf_hex(&c->out, f, s + start, end - start);
		if (adv != 0) {
			buf_putc(&c->out, ' ');
			pdf_num(&c->out, -adv * 1000 / size);
		}
		start = end;
	}
	pdf_op(&c->out, "] TJ");
	S_span_step(c);
}

static void
S_dash(struct pdf_ctx *c, enum area_rule_style st, double t)
{
	int key = st == RULE_DASHED ? 1 : st == RULE_DOTTED ? 2 : 0;

	if (key && c->cur_dash == key && c->cur_lw == t)
		return;
	if (key == 0) {
		if (c->cur_dash)
			pdf_op(&c->out, "[] 0 d 0 J");
		c->cur_dash = 0;
		return;
	}
	buf_putc(&c->out, '[');
	if (st == RULE_DASHED) {
		pdf_num(&c->out, 3 * t);
		pdf_num(&c->out, 2 * t);
		pdf_op(&c->out, "] 0 d 0 J");
	} else {
		/* Round dots: zero-length dashes with round caps. */
		pdf_num(&c->out, 0);
		pdf_num(&c->out, 2 * t);
		pdf_op(&c->out, "] 0 d 1 J");
	}
	c->cur_dash = key;
}

static void
S_line(struct pdf_ctx *c, double x1, double y1, double x2, double y2)
{
	pdf_num(&c->out, x1);
	pdf_num(&c->out, c->ph - y1);
	pdf_op(&c->out, "m");
	pdf_num(&c->out, x2);
	pdf_num(&c->out, c->ph - y2);
	pdf_op(&c->out, "l S");
}

static void
S_rule(struct pdf_ctx *c, const struct area_item *it)
{
	double t = it->u.rule.thickness, x2 = it->u.rule.x2, y2 = it->u.rule.y2;

	if (!(t > 0))
		return;
	S_text_end(c);
	S_stroke(c, it->color);
	if (it->u.rule.style == RULE_DOUBLE) {
		/* Two lines of a third each, a third apart, across the width. */
		double dx = x2 - it->x, dy = y2 - it->y;
		double len = sqrt(dx * dx + dy * dy);
		if (!(len > 0))
			return;
		double nx = -dy / len * t / 3, ny = dx / len * t / 3;
		S_dash(c, RULE_SOLID, t / 3);
		S_linewidth(c, t / 3);
		S_line(c, it->x + nx, it->y + ny, x2 + nx, y2 + ny);
		S_line(c, it->x - nx, it->y - ny, x2 - nx, y2 - ny);
	} else {
		S_linewidth(c, t);
		S_dash(c, it->u.rule.style, t);
		S_line(c, it->x, it->y, x2, y2);
	}
}

static void
S_rect(struct pdf_ctx *c, const struct area_item *it)
{
	if (!(it->w > 0 && it->h > 0))
		return;
	S_text_end(c);
	S_fill(c, it->color);
	pdf_num(&c->out, it->x);
	pdf_num(&c->out, c->ph - it->y - it->h);
	pdf_num(&c->out, it->w);
	pdf_num(&c->out, it->h);
	pdf_op(&c->out, "re f");
}

/* Decode a PNG with libpng's simplified API, which reports errors instead
 * of aborting (libharu's own PNG reader lets libpng abort the process on
 * a corrupt file), and hand libharu the raw pixels; alpha becomes a soft
 * mask so a seal does not hide the text under it. */
static HPDF_Image
S_png(struct pdf_ctx *c, const unsigned char *data, size_t len)
{
	png_image pi;
	unsigned char *px = NULL, *rgb = NULL, *alpha = NULL;
	HPDF_Image img = NULL, mask = NULL;
	int has_alpha, color, ch;

	memset(&pi, 0, sizeof pi);
	pi.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&pi, data, len))
		return NULL;
	/* A hostile header must not make us allocate gigabytes. */
	if (pi.width == 0 || pi.height == 0 ||
	    (uint64_t)pi.width * pi.height > 25u * 1000 * 1000) {
		png_image_free(&pi);
		return NULL;
	}
	has_alpha = (pi.format & PNG_FORMAT_FLAG_ALPHA) != 0;
	color = (pi.format & PNG_FORMAT_FLAG_COLOR) != 0;
	pi.format = (color ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY) |
	    (has_alpha ? PNG_FORMAT_FLAG_ALPHA : 0);
	ch = (color ? 3 : 1) + has_alpha;
	px = xmalloc(PNG_IMAGE_SIZE(pi));
	if (!png_image_finish_read(&pi, NULL, px, 0, NULL)) {
		png_image_free(&pi);
		free(px);
		return NULL;
	}
	size_t npx = (size_t)pi.width * pi.height, cc = (size_t)(color ? 3 : 1);
	if (has_alpha) {
		rgb = xmalloc(npx * cc);
		alpha = xmalloc(npx);
		for (size_t i = 0; i < npx; i++) {
			memcpy(rgb + i * cc, px + i * (size_t)ch, cc);
			alpha[i] = px[i * (size_t)ch + cc];
		}
	}
	img = HPDF_LoadRawImageFromMem(c->pdf, has_alpha ? rgb : px, pi.width,
	    pi.height, color ? HPDF_CS_DEVICE_RGB : HPDF_CS_DEVICE_GRAY, 8);
	if (img && has_alpha) {
		mask = HPDF_LoadRawImageFromMem(c->pdf, alpha, pi.width, pi.height,
		    HPDF_CS_DEVICE_GRAY, 8);
		if (mask) {
			HPDF_Image_AddSMask(img, mask);
			/* Soft masks are PDF 1.4. */
			if (c->pdf->pdf_version < HPDF_VER_14)
				c->pdf->pdf_version = HPDF_VER_14;
		}
	}
	if (pdf_take_error(c))
		img = NULL;
	free(px);
	free(rgb);
	free(alpha);
	return img;
}

static void
S_image(struct pdf_ctx *c, const struct area_item *it)
{
	const char *path = it->u.image.path;
	HPDF_Image img = NULL;
	size_t i;

	if (path == NULL || !(it->w > 0 && it->h > 0) || !isfinite(it->x) ||
	    !isfinite(it->y) || !isfinite(it->w) || !isfinite(it->h))
		return;
	for (i = 0; i < c->nimgs; i++)
		if (strcmp(c->imgs[i].path, path) == 0)
			break;
	if (i == c->nimgs) {
		unsigned char *data = NULL;
		size_t len = 0;
		int large;
		char q[4 * 80 + 4];
		/* the layout checked the URI and its size (lay_image.c) */
		if (datauri_is(path))
			datauri_decode(path, DATAURI_MAX_BYTES, &data, &len, &large);
		else
			data = (unsigned char *)file_read(path, &len);
		if (data != NULL)
			img = S_png(c, data, len);
		free(data);
		if (img == NULL)
			diag(W_PDF_IMAGE, datauri_quote(path, q), 0, 0);
		c->imgs = xreallocarray(c->imgs, c->nimgs + 1, sizeof *c->imgs);
		c->imgs[c->nimgs].path = xstrdup(path);
		c->imgs[c->nimgs].img = img;
		c->imgs[c->nimgs].on_page = 0;
		snprintf(c->imgs[c->nimgs].res, sizeof c->imgs[c->nimgs].res,
		    "Im%zu", c->nimgs + 1);
		c->nimgs++;
	}
	if ((img = c->imgs[i].img) == NULL)
		return;
	S_text_end(c);
	if (c->imgs[i].on_page != c->pageno) {
		c->imgs[i].on_page = c->pageno;
		pdf_res_add(c, "XObject", c->imgs[i].res, img);
	}
	pdf_op(&c->out, "q");
	pdf_num(&c->out, it->w);
	pdf_op(&c->out, "0 0");
	c->out.len--;
	buf_putc(&c->out, ' ');
	pdf_num(&c->out, it->h);
	pdf_num(&c->out, it->x);
	pdf_num(&c->out, c->ph - it->y - it->h);
	buf_printf(&c->out, "cm /%s Do Q\n", c->imgs[i].res);
}

/* The watermark, over everything else but multiplied into it (so white
 * cell backgrounds do not hide it and text under it stays black): light
 * grey, from the lower left corner towards the upper right, centred,
 * about 60% of the diagonal. */
static void
S_watermark(struct pdf_ctx *c, const char *text, double pw, double ph)
{
	struct pdf_font *f = pdf_font_for(c, c->wm_face, text, strlen(text));
	double w1 = 0, size, ang, cs, sn;
	size_t i = 0, k, n = strlen(text);
	uint32_t cp;

	if (f == NULL)
		return;
	while (i < n) {
		if ((k = utf8_decode(text + i, n - i, &cp)) == 0)
			return;
		w1 += font_advance(f->face, cp, 1);
		i += k;
	}
	if (!(w1 > 0))
		return;
	size = 0.6 * sqrt(pw * pw + ph * ph) / w1;
	if (size > 0.45 * (pw < ph ? pw : ph))
		size = 0.45 * (pw < ph ? pw : ph);
	ang = atan2(ph, pw);
	cs = cos(ang);
	sn = sin(ang);
	/* The baseline starts so that the text's middle sits at the page's
	 * centre; hanzi are centred about 0.38 em above the baseline. */
	double hx = -w1 * size / 2, hy = -0.38 * size;
	if (c->wm_gs == NULL) {
		c->wm_gs = HPDF_CreateExtGState(c->pdf);
		if (c->wm_gs)
			HPDF_ExtGState_SetBlendMode(c->wm_gs, HPDF_BM_MULTIPLY);
		if (pdf_take_error(c))
			c->wm_gs = NULL;
	}
	pdf_font_on_page(c, f);
	S_text_end(c);
	pdf_op(&c->out, "q");
	if (c->wm_gs) {
		pdf_res_add(c, "ExtGState", "GS1", c->wm_gs);
		pdf_op(&c->out, "/GS1 gs");
		if (c->pdf->pdf_version < HPDF_VER_14)
			c->pdf->pdf_version = HPDF_VER_14;
	}
	/* Inside q … Q: fill only, no spacing, whatever the last run set. */
	pdf_op(&c->out, "BT 0.85 g 0 Tr 0 Tc");
	buf_printf(&c->out, "/%s ", f->res);
	pdf_num(&c->out, size);
	pdf_op(&c->out, "Tf");
	pdf_num(&c->out, cs);
	pdf_num(&c->out, sn);
	pdf_num(&c->out, -sn);
	pdf_num(&c->out, cs);
	pdf_num(&c->out, pw / 2 + cs * hx - sn * hy);
	pdf_num(&c->out, ph / 2 + sn * hx + cs * hy);
	pdf_op(&c->out, "Tm");
	pdf_hex(&c->out, f, text, n);
	pdf_op(&c->out, " Tj ET Q");
}

/* After Q the state the cached values describe is gone: each is
 * written again when next used. */
static void
S_state_forget(struct pdf_ctx *c)
{
	c->cur_font = NULL;
	c->cur_size = -1;
	c->cur_cs = NAN;
	c->cur_lw = -1;
	c->cur_fill = -1;
	c->cur_stroke = -1;
	c->cur_mode = -1;
	c->cur_dash = -1;
}

/* q, and the matrix that draws the items of a frame turned by turns ×
 * 90° filling the rectangle (rx, ry, rw, rh) of the enclosing frame: an
 * item of the turned frame is written as usual, its y flipped with the
 * turned frame's height hi; the enclosing frame's y is flipped with ho
 * (area_turn_map gives the map with y down in both). */
static void
S_turn_begin(struct pdf_ctx *c, int turns, double rx, double ry, double rw,
    double rh, double hi, double ho)
{
	double m[6];

	area_turn_map(turns, rx, ry, rw, rh, m);
	S_text_end(c);
	pdf_op(&c->out, "q");
	pdf_num(&c->out, m[0]);
	pdf_num(&c->out, -m[1]);
	pdf_num(&c->out, -m[2]);
	pdf_num(&c->out, m[3]);
	pdf_num(&c->out, m[2] * hi + m[4]);
	pdf_num(&c->out, ho - m[3] * hi - m[5]);
	pdf_op(&c->out, "cm");
	S_state_forget(c);
}

static void
S_turn_end(struct pdf_ctx *c)
{
	S_text_end(c);
	pdf_op(&c->out, "Q");
	S_state_forget(c);
}

void
pdf_draw_page(struct pdf_ctx *c, const struct area_page *pg, const char *watermark)
{
	int open = 0;	/* AREA_TURN not yet ended */

	c->page = HPDF_AddPage(c->pdf);
	c->pageno++;
	HPDF_Page_SetWidth(c->page, pdf_real(pg->width));
	HPDF_Page_SetHeight(c->page, pdf_real(pg->height));
	pdf_take_error(c);	/* an absurd size keeps libharu's default */
	c->ph = HPDF_Page_GetHeight(c->page);
	c->intext = 0;
	c->span_open = 0;
	c->cur_font = NULL;
	c->cur_size = -1;
	c->cur_cs = 0;
	c->cur_lw = 1;
	c->cur_fill = 0;	/* black, as every page starts */
	c->cur_stroke = 0;
	c->cur_mode = 0;
	c->cur_dash = 0;
	if (pg->turns) {
		double lh = pg->turns % 2 ? pg->tw : pg->th;
		S_turn_begin(c, pg->turns, pg->tx, pg->ty, pg->tw, pg->th, lh,
		    c->ph);
		c->ph = lh;
	}
	for (size_t i = 0; i < pg->nitems; i++) {
		const struct area_item *it = &pg->items[i];
		switch (it->kind) {
		case AREA_TEXT:
			S_text(c, it);
			break;
		case AREA_RULE:
			S_rule(c, it);
			break;
		case AREA_RECT:
			S_rect(c, it);
			break;
		case AREA_IMAGE:
			S_image(c, it);
			break;
		case AREA_TURN:
			S_turn_begin(c, it->u.turn.turns, it->x, it->y, it->w,
			    it->h, c->ph, c->ph);
			open++;
			break;
		case AREA_TURN_END:
			if (open > 0) {
				S_turn_end(c);
				open--;
			}
			break;
		case AREA_BOX:
		case AREA_LINEBOX:
			break;
		}
	}
	while (open-- > 0)
		S_turn_end(c);
	if (pg->turns) {
		S_turn_end(c);
		c->ph = HPDF_Page_GetHeight(c->page);
	}
	if (watermark && *watermark)
		S_watermark(c, watermark, HPDF_Page_GetWidth(c->page), c->ph);
	S_text_end(c);
	S_flush(c);
	pdf_take_error(c);
}
