/* pdf_obj.c — the PDF writer's ground: numbers and operators of a content
 * stream, streams deflated with libdeflate, dictionaries, page resources,
 * libharu's sticky errors. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <libdeflate.h>

#include "pdf_int.h"
#include "../util/util.h"

void
pdf_error(HPDF_STATUS err, HPDF_STATUS detail, void *arg)
{
	struct pdf_ctx *c = arg;
	c->err = err;
	c->detail = detail;
}

/* libharu errors are sticky: every call fails after one until reset. */
HPDF_STATUS
pdf_take_error(struct pdf_ctx *c)
{
	HPDF_STATUS e = c->err;

	if (e) {
		HPDF_ResetError(c->pdf);
		c->err = 0;
	}
	return e;
}

/* A number for a content stream: at most three decimals, no exponent,
 * and no locale (printf's %f would write a decimal comma in some). */
void
pdf_num(struct buf *b, double v)
{
	long long m;

	if (!isfinite(v))
		v = 0;
	/* Far beyond any page; keeps llround defined. */
	if (v > 1e7)
		v = 1e7;
	if (v < -1e7)
		v = -1e7;
	m = llround(v * 1000);
	if (m < 0) {
		buf_putc(b, '-');
		m = -m;
	}
	buf_printf(b, "%lld", m / 1000);
	if (m % 1000) {
		int f = (int)(m % 1000), d = 3;
		while (f % 10 == 0) {
			f /= 10;
			d--;
		}
		buf_printf(b, ".%0*d", d, f);
	}
	buf_putc(b, ' ');
}

/* A number for libharu, which writes NaN as garbage. */
HPDF_REAL
pdf_real(double v)
{
	if (!isfinite(v))
		return 0;
	return (HPDF_REAL)(v > 1e7 ? 1e7 : v < -1e7 ? -1e7 : v);
}

void
pdf_op(struct buf *b, const char *op)
{
	buf_puts(b, op);
	buf_putc(b, '\n');
}

/* Deflate with libdeflate, a new buffer (*zlen 0 on failure).  Level 1
 * for font programs: compressing the glyphs is most of a document's time,
 * and glyph outlines gain only 5% more at level 6 for 50% more time (a
 * 3-page form: 4.5 ms instead of 6.6 ms, 164 KB instead of 156 KB).
 * Level 6 for content and maps, which are small and compress well. */
unsigned char *
pdf_deflate(const void *in, size_t n, size_t *zlen, int fast)
{
	static struct libdeflate_compressor *z[2];
	unsigned char *out;
	size_t max;

	if (z[fast] == NULL &&
	    (z[fast] = libdeflate_alloc_compressor(fast ? 1 : 6)) == NULL) {
		fputs("wsdoc: 致命: 内存不足\n", stderr);
		exit(3);
	}
	max = libdeflate_zlib_compress_bound(z[fast], n);
	out = xmalloc(max);
	*zlen = libdeflate_zlib_compress(z[fast], in, n, out, max);
	return out;
}

/* libharu drops a Filter entry of a stream it does not compress itself;
 * this writes it into the dictionary as it is written out. */
HPDF_STATUS
pdf_flate_name(HPDF_Dict d, HPDF_Stream out)
{
	(void)d;
	return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* Put data, deflated here, as the whole content of a stream object. */
void
pdf_stream_put(HPDF_Dict d, const void *data, size_t n)
{
	size_t zl = 0;
	unsigned char *z = pdf_deflate(data, n, &zl, 0);

	if (zl > 0) {
		HPDF_Stream_Write(d->stream, z, (HPDF_UINT)zl);
		d->filter = HPDF_STREAM_FILTER_NONE;
		d->write_fn = pdf_flate_name;
	} else {
		HPDF_Stream_Write(d->stream, data, (HPDF_UINT)n);
		d->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	}
	free(z);
}

HPDF_Dict
pdf_dict(struct pdf_ctx *c, int indirect)
{
	HPDF_Dict d = HPDF_Dict_New(c->pdf->mmgr);
	if (d && indirect)
		HPDF_Xref_Add(c->pdf->xref, d);
	return d;
}

/* Name an object in the page's resources (kind Font, XObject, ExtGState). */
void
pdf_res_add(struct pdf_ctx *c, const char *kind, const char *name, void *obj)
{
	HPDF_Dict res, sub;

	res = HPDF_Dict_GetItem(c->page, "Resources", HPDF_OCLASS_DICT);
	if (res == NULL)
		return;
	sub = HPDF_Dict_GetItem(res, kind, HPDF_OCLASS_DICT);
	if (sub == NULL) {
		sub = HPDF_Dict_New(c->pdf->mmgr);
		HPDF_Dict_Add(res, kind, sub);
	}
	HPDF_Dict_Add(sub, name, obj);
}
