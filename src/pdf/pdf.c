/* pdf.c — draw an area tree into a PDF with libharu's object layer.
 *
 * libharu 2.3.0's own TrueType path is not used for text: in UTF-8 mode it
 * walks all 65536 code points per font (most of the time of a document),
 * writes a 128 KB CIDToGIDMap per font and a malformed ToUnicode map.
 * Instead each face the document uses becomes a CIDFontType2 font built
 * here from its HarfBuzz subset, with Identity-H codes equal to the
 * subset's glyph ids, and page content is written directly.  libharu
 * still provides the document, pages, images, outlines, info and the
 * file structure. */
#include "pdf.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hb.h>
#include <hb-ot.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <png.h>
#include <libdeflate.h>

#include "../diag/diag.h"
#include "../font/font.h"
#include "../layout/area.h"
#include "../util/util.h"

#define S_MAXFONTS	64

/* A face the document uses: the characters it draws with it, and the
 * CID font built for it.  Characters get CIDs in the order they are first
 * drawn (cps[i] is CID i + 1), so a page can be written before the
 * document's last character is known; the font's dictionaries are filled
 * in at the end, with a CIDToGIDMap from those CIDs to the subset's glyphs. */
struct S_font {
	const struct font_face *face;
	uint16_t	*cid;		/* 65536 entries: CID of a character, 0 none */
	uint32_t	*cps;		/* by CID - 1 */
	uint16_t	*gids;		/* glyph id in the subset of cps[i] */
	size_t		 ncps, cap;
	HPDF_Dict	 type0;		/* made at first use, filled at the end */
	int		 built;
	char		 res[8];	/* resource name: F1, F2 … */
	int		 on_page;	/* index+1 of the last page it was added to */
};

struct S_image {
	char		*path;		/* a copy: the slice's tree goes first */
	HPDF_Image	 img;		/* NULL: unreadable, warned once */
	char		 res[16];	/* resource name: Im1, Im2 … */
	int		 on_page;	/* the last page it was named on */
};

struct S_ctx {
	HPDF_Doc	 pdf;
	HPDF_STATUS	 err, detail;	/* the last libharu error */
	struct S_font	*fonts[S_MAXFONTS];
	size_t		 nfonts;
	struct S_image	*imgs;
	size_t		 nimgs;
	const struct font_face *wm_face;
	HPDF_ExtGState	 wm_gs;		/* multiply blending, for the watermark */

	/* The page being drawn and its content, flushed before libharu
	 * draws an image. */
	HPDF_Page	 page;
	int		 pageno;
	double		 ph;
	struct buf	 out;
	int		 intext;
	int		 span_open, span_left;	/* an ActualText span, and how
						   many runs it still covers */
	struct S_font	*cur_font;
	double		 cur_size, cur_cs, cur_lw;
	long		 cur_fill, cur_stroke;
	int		 cur_mode, cur_dash;
	HPDF_Outline	 outline[8];	/* the last bookmark of each level */
	size_t		 nmarks;
};

static void
S_error(HPDF_STATUS err, HPDF_STATUS detail, void *arg)
{
	struct S_ctx *c = arg;
	c->err = err;
	c->detail = detail;
}

/* libharu errors are sticky: every call fails after one until reset. */
static HPDF_STATUS
S_take_error(struct S_ctx *c)
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
static void
S_num(struct buf *b, double v)
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
static HPDF_REAL
S_real(double v)
{
	if (!isfinite(v))
		return 0;
	return (HPDF_REAL)(v > 1e7 ? 1e7 : v < -1e7 ? -1e7 : v);
}

static void
S_op(struct buf *b, const char *op)
{
	buf_puts(b, op);
	buf_putc(b, '\n');
}

/* Deflate with libdeflate, a new buffer (*zlen 0 on failure).  Level 1
 * for font programs: compressing the glyphs is most of a document's time,
 * and glyph outlines gain only 5% more at level 6 for 50% more time (a
 * 3-page form: 4.5 ms instead of 6.6 ms, 164 KB instead of 156 KB).
 * Level 6 for content and maps, which are small and compress well. */
static unsigned char *
S_deflate(const void *in, size_t n, size_t *zlen, int fast)
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
static HPDF_STATUS
S_flate_name(HPDF_Dict d, HPDF_Stream out)
{
	(void)d;
	return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* Put data, deflated here, as the whole content of a stream object. */
static void
S_stream_put(HPDF_Dict d, const void *data, size_t n)
{
	size_t zl = 0;
	unsigned char *z = S_deflate(data, n, &zl, 0);

	if (zl > 0) {
		HPDF_Stream_Write(d->stream, z, (HPDF_UINT)zl);
		d->filter = HPDF_STREAM_FILTER_NONE;
		d->write_fn = S_flate_name;
	} else {
		HPDF_Stream_Write(d->stream, data, (HPDF_UINT)n);
		d->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	}
	free(z);
}

/* ---- fonts ---- */

static HPDF_Dict
S_dict(struct S_ctx *c, int indirect)
{
	HPDF_Dict d = HPDF_Dict_New(c->pdf->mmgr);
	if (d && indirect)
		HPDF_Xref_Add(c->pdf->xref, d);
	return d;
}


static struct S_font *
S_font_of(struct S_ctx *c, const struct font_face *face)
{
	for (size_t i = 0; i < c->nfonts; i++)
		if (c->fonts[i]->face == face)
			return c->fonts[i];
	if (c->nfonts == S_MAXFONTS)
		return NULL;
	HPDF_Dict type0 = S_dict(c, 1);
	if (type0 == NULL)
		return NULL;
	struct S_font *f = xcalloc(1, sizeof *f);
	f->face = face;
	f->type0 = type0;
	f->cid = xcalloc(65536, sizeof *f->cid);
	snprintf(f->res, sizeof f->res, "F%zu", c->nfonts + 1);
	c->fonts[c->nfonts++] = f;
	return f;
}

static void
S_font_use(struct S_ctx *c, const struct font_face *face, const char *s, size_t n)
{
	struct S_font *f;
	size_t i = 0, k;
	uint32_t cp;

	if (face == NULL || (f = S_font_of(c, face)) == NULL)
		return;
	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			i++;
			continue;
		}
		i += k;
		if (cp > 0xffff || f->cid[cp] || f->ncps >= 65535)
			continue;
		if (f->ncps == f->cap) {
			f->cap = f->cap ? f->cap * 2 : 256;
			f->cps = xreallocarray(f->cps, f->cap, sizeof *f->cps);
		}
		f->cps[f->ncps++] = cp;
		f->cid[cp] = (uint16_t)f->ncps;
	}
}

/* A ToUnicode CMap from the CIDs to the characters they draw (a character
 * the face has no glyph for draws .notdef and maps to nothing). */
static void
S_tounicode(struct buf *b, const struct S_font *f)
{
	struct { unsigned cid; uint32_t cp; } *m;
	size_t n = 0;

	m = xreallocarray(NULL, f->ncps ? f->ncps : 1, sizeof *m);
	for (size_t i = 0; i < f->ncps; i++) {
		if (f->gids[i] == 0)
			continue;
		m[n].cid = (unsigned)i + 1;
		m[n].cp = f->cps[i];
		n++;
	}
	buf_puts(b, "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (size_t i = 0; i < n; i += 100) {
		size_t k = n - i < 100 ? n - i : 100;
		buf_printf(b, "%zu beginbfchar\n", k);
		for (size_t j = i; j < i + k; j++)
			buf_printf(b, "<%04X> <%04X>\n", m[j].cid, (unsigned)m[j].cp);
		buf_puts(b, "endbfchar\n");
	}
	buf_puts(b, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
	    "end\nend\n");
	free(m);
}

/* The PostScript name of a face, without characters PDF names forbid. */
static void
S_psname(hb_face_t *face, const struct font_face *ff, char *out, size_t max)
{
	char tmp[128];
	unsigned len = sizeof tmp;
	size_t k = 0;

	if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME,
	    HB_LANGUAGE_INVALID, &len, tmp) == 0)
		snprintf(tmp, sizeof tmp, "%s", font_face_family(ff));
	for (char *p = tmp; *p && k + 1 < max; p++)
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_')
			out[k++] = *p;
	if (k == 0)
		k = (size_t)snprintf(out, max, "Font");
	out[k] = '\0';
}

/* What a face's CID font needs, computed from its subset: the glyph ids
 * of the characters, the widths, the compressed font program.  The last
 * one of each face is kept, because a batch renders the same form again
 * and again, and compressing the glyphs is most of a document's time. */
struct S_prog {
	char		*file;		/* the face: file and index (not the */
	int		 index;		/* pointer, which fonts_init may reuse) */
	uint32_t	*cps;
	size_t		 ncps;
	uint16_t	*gids;
	int32_t		*widths;
	unsigned	 nglyphs;
	int32_t		 bbox[4];
	char		 name[96];
	unsigned char	*z;		/* FontFile2, deflated */
	size_t		 zlen, rawlen;
	struct S_prog	*next;
};
static struct S_prog *S_progs;

static void
S_prog_free(struct S_prog *p)
{
	free(p->file);
	free(p->cps);
	free(p->gids);
	free(p->widths);
	free(p->z);
	free(p);
}

static struct S_prog *
S_prog_make(const struct font_face *ff, const uint32_t *cps, size_t ncps)
{
	unsigned char *data;
	size_t len = 0;
	uint32_t h = 2166136261u;
	char ps[80];

	if ((data = font_subset(ff, cps, ncps, &len)) == NULL)
		return NULL;
	struct S_prog *p = xcalloc(1, sizeof *p);
	hb_blob_t *blob = hb_blob_create((const char *)data, (unsigned)len,
	    HB_MEMORY_MODE_READONLY, NULL, NULL);
	hb_face_t *face = hb_face_create(blob, 0);
	hb_font_t *font = hb_font_create(face);
	double upem = hb_face_get_upem(face);
	if (upem <= 0)
		upem = 1000;

	p->file = xstrdup(font_face_file(ff));
	p->index = font_face_index(ff);
	p->ncps = ncps;
	p->cps = xreallocarray(NULL, ncps ? ncps : 1, sizeof *p->cps);
	if (ncps)	/* a font drawn with empty runs only has no cps */
		memcpy(p->cps, cps, ncps * sizeof *cps);
	p->gids = xreallocarray(NULL, ncps ? ncps : 1, sizeof *p->gids);
	for (size_t i = 0; i < ncps; i++) {
		hb_codepoint_t g = 0;
		hb_font_get_nominal_glyph(font, cps[i], &g);
		p->gids[i] = (uint16_t)(g < 65536 ? g : 0);
		h = (h ^ cps[i]) * 16777619u;
	}
	p->nglyphs = hb_face_get_glyph_count(face);
	p->widths = xreallocarray(NULL, p->nglyphs ? p->nglyphs : 1, sizeof *p->widths);
	for (unsigned g = 0; g < p->nglyphs; g++)
		p->widths[g] = (int32_t)lround(hb_font_get_glyph_h_advance(font, g) *
		    1000.0 / upem);
	/* head: xMin yMin xMax yMax at offset 36. */
	hb_blob_t *head = hb_face_reference_table(face, HB_TAG('h','e','a','d'));
	unsigned hl = 0;
	const unsigned char *hd = (const unsigned char *)hb_blob_get_data(head, &hl);
	for (int i = 0; i < 4; i++) {
		int v = hl >= 44 ? (int16_t)(hd[36 + 2 * i] << 8 | hd[37 + 2 * i]) : 0;
		p->bbox[i] = (int32_t)lround(v * 1000.0 / upem);
	}
	hb_blob_destroy(head);
	/* The subset tag: six letters from the characters and the file (PDF
	 * 9.6.4), so the same document always gets the same name. */
	S_psname(face, ff, ps, sizeof ps);
	for (const char *q = p->file; *q; q++)
		h = (h ^ (unsigned char)*q) * 16777619u;
	char tag[7];
	for (int i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h /= 26;
	}
	tag[6] = '\0';
	snprintf(p->name, sizeof p->name, "%s+%s", tag, ps);

	p->z = S_deflate(data, len, &p->zlen, 1);
	p->rawlen = len;
	hb_font_destroy(font);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	free(data);
	if (p->zlen == 0) {
		S_prog_free(p);
		return NULL;
	}
	return p;
}

/* The program for these characters of the face, from the cache or new. */
static struct S_prog *
S_prog_get(const struct font_face *ff, const uint32_t *cps, size_t ncps)
{
	struct S_prog *p, **pp;
	const char *file = font_face_file(ff);
	int index = font_face_index(ff);

	for (pp = &S_progs; (p = *pp) != NULL; pp = &p->next)
		if (p->index == index && strcmp(p->file, file) == 0)
			break;
	if (p && p->ncps == ncps &&
	    (ncps == 0 || memcmp(p->cps, cps, ncps * sizeof *cps) == 0))
		return p;
	struct S_prog *n = S_prog_make(ff, cps, ncps);
	if (n == NULL)
		return NULL;
	if (p) {
		n->next = p->next;
		S_prog_free(p);
		*pp = n;
	} else {
		n->next = S_progs;
		S_progs = n;
	}
	return n;
}


/* Build the Type0 / CIDFontType2 pair for the document's characters of a
 * face: descriptor, embedded subset, widths, ToUnicode. */
static int
S_font_build(struct S_ctx *c, struct S_font *f)
{
	struct S_prog *p;
	HPDF_MMgr mm = c->pdf->mmgr;

	if ((p = S_prog_get(f->face, f->cps, f->ncps)) == NULL) {
		diag(F_SYS_FONT_SUBSET, NULL, 0, 0, font_face_family(f->face));
		return -1;
	}
	f->gids = xreallocarray(NULL, f->ncps ? f->ncps : 1, sizeof *f->gids);
	memcpy(f->gids, p->gids, f->ncps * sizeof *f->gids);

	HPDF_Dict type0 = f->type0, cid = S_dict(c, 1), desc = S_dict(c, 1);
	HPDF_Dict file = HPDF_DictStream_New(mm, c->pdf->xref);
	HPDF_Dict tu = HPDF_DictStream_New(mm, c->pdf->xref);
	HPDF_Dict map = HPDF_DictStream_New(mm, c->pdf->xref);
	HPDF_Dict info = S_dict(c, 0);
	HPDF_Array desc_arr = HPDF_Array_New(mm), w = HPDF_Array_New(mm);
	HPDF_Array bbox = HPDF_Array_New(mm);
	if (!type0 || !cid || !desc || !file || !tu || !map || !info || !desc_arr ||
	    !w || !bbox) {
		S_take_error(c);
		diag(F_SYS_PDF_FONT, NULL, 0, 0, font_face_family(f->face),
		    (unsigned)c->detail);
		return -1;
	}

	HPDF_Dict_AddName(type0, "Type", "Font");
	HPDF_Dict_AddName(type0, "Subtype", "Type0");
	HPDF_Dict_AddName(type0, "BaseFont", p->name);
	HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
	HPDF_Dict_Add(type0, "DescendantFonts", desc_arr);
	HPDF_Array_Add(desc_arr, cid);
	HPDF_Dict_Add(type0, "ToUnicode", tu);

	HPDF_Dict_AddName(cid, "Type", "Font");
	HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
	HPDF_Dict_AddName(cid, "BaseFont", p->name);
	HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe", NULL));
	HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm, "Identity", NULL));
	HPDF_Dict_AddNumber(info, "Supplement", 0);
	HPDF_Dict_Add(cid, "CIDSystemInfo", info);
	HPDF_Dict_Add(cid, "FontDescriptor", desc);
	HPDF_Dict_Add(cid, "CIDToGIDMap", map);
	/* Widths: the commonest one (a hanzi's em) as DW, and runs of
	 * consecutive CIDs for the others (Latin, digits, punctuation). */
	int32_t *cw = xreallocarray(NULL, f->ncps + 1, sizeof *cw);
	int32_t dw = 1000;
	size_t best = 0;
	for (size_t i = 0; i < f->ncps; i++)
		cw[i] = f->gids[i] < p->nglyphs ? p->widths[f->gids[i]] : 1000;
	for (size_t i = 0; i < f->ncps && best * 2 <= f->ncps; i++) {
		size_t k = 0;
		for (size_t j = 0; j < f->ncps; j++)
			k += cw[j] == cw[i];
		if (k > best) {
			best = k;
			dw = cw[i];
		}
	}
	HPDF_Dict_AddNumber(cid, "DW", dw);
	for (size_t i = 0; i < f->ncps; i++) {
		if (cw[i] == dw)
			continue;
		HPDF_Array run = HPDF_Array_New(mm);
		HPDF_Array_AddNumber(w, (HPDF_INT32)(i + 1));
		HPDF_Array_Add(w, run);
		for (; i < f->ncps && cw[i] != dw; i++)
			HPDF_Array_AddNumber(run, cw[i]);
	}
	free(cw);
	HPDF_Dict_Add(cid, "W", w);
	/* CID → glyph: two bytes each, big-endian, from CID 0 (.notdef). */
	unsigned char *m = xcalloc(f->ncps + 1, 2);
	for (size_t i = 0; i < f->ncps; i++) {
		m[2 * (i + 1)] = (unsigned char)(f->gids[i] >> 8);
		m[2 * (i + 1) + 1] = (unsigned char)f->gids[i];
	}
	S_stream_put(map, m, 2 * (f->ncps + 1));
	free(m);

	for (int i = 0; i < 4; i++)
		HPDF_Array_AddNumber(bbox, p->bbox[i]);
	HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
	HPDF_Dict_AddName(desc, "FontName", p->name);
	HPDF_Dict_AddNumber(desc, "Flags", 4);
	HPDF_Dict_Add(desc, "FontBBox", bbox);
	HPDF_Dict_AddNumber(desc, "ItalicAngle", 0);
	HPDF_Dict_AddNumber(desc, "Ascent",
	    (HPDF_INT32)lround(font_ascent(f->face, 1000)));
	HPDF_Dict_AddNumber(desc, "Descent",
	    -(HPDF_INT32)lround(font_descent(f->face, 1000)));
	HPDF_Dict_AddNumber(desc, "CapHeight",
	    (HPDF_INT32)lround(font_ascent(f->face, 1000)));
	HPDF_Dict_AddNumber(desc, "StemV", 80);
	HPDF_Dict_Add(desc, "FontFile2", file);
	/* Already deflated: written as is, with the filter named by hand. */
	HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)p->rawlen);
	file->filter = HPDF_STREAM_FILTER_NONE;
	file->write_fn = S_flate_name;
	HPDF_Stream_Write(file->stream, p->z, (HPDF_UINT)p->zlen);

	struct buf b;
	buf_init(&b);
	S_tounicode(&b, f);
	S_stream_put(tu, b.data, b.len);
	buf_free(&b);

	if (S_take_error(c)) {
		diag(F_SYS_PDF_FONT, NULL, 0, 0, font_face_family(f->face),
		    (unsigned)c->detail);
		return -1;
	}
	f->built = 1;
	return 0;
}

static void
S_fonts_free(struct S_ctx *c)
{
	for (size_t i = 0; i < c->nfonts; i++) {
		free(c->fonts[i]->cid);
		free(c->fonts[i]->cps);
		free(c->fonts[i]->gids);
		free(c->fonts[i]);
	}
	c->nfonts = 0;
}

/* Name an object in the page's resources (kind Font, XObject, ExtGState). */
static void
S_res_add(struct S_ctx *c, const char *kind, const char *name, void *obj)
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

/* Name the font in the page's resources the first time the page uses it. */
static void
S_font_on_page(struct S_ctx *c, struct S_font *f)
{
	if (f->on_page == c->pageno)
		return;
	f->on_page = c->pageno;
	S_res_add(c, "Font", f->res, f->type0);
}

/* ---- drawing ---- */

/* The page's content, written whole at the end of the page: libharu never
 * writes into it, so it is deflated here in one piece. */
static void
S_flush(struct S_ctx *c)
{
	HPDF_PageAttr attr = (HPDF_PageAttr)c->page->attr;

	S_stream_put(attr->contents, c->out.data, c->out.len);
	buf_reset(&c->out);
}

/* A run of an ActualText span is drawn: the span ends after its last. */
static void
S_span_step(struct S_ctx *c)
{
	if (c->span_open && --c->span_left <= 0) {
		S_op(&c->out, "EMC");
		c->span_open = 0;
	}
}

static void
S_text_end(struct S_ctx *c)
{
	if (c->span_open) {	/* marked content stays inside BT … ET */
		S_op(&c->out, "EMC");
		c->span_open = 0;
	}
	if (c->intext) {
		S_op(&c->out, "ET");
		c->intext = 0;
	}
}

static void
S_rgb(struct S_ctx *c, uint32_t rgb, const char *op)
{
	S_num(&c->out, ((rgb >> 16) & 0xff) / 255.0);
	S_num(&c->out, ((rgb >> 8) & 0xff) / 255.0);
	S_num(&c->out, (rgb & 0xff) / 255.0);
	S_op(&c->out, op);
}

static void
S_fill(struct S_ctx *c, uint32_t rgb)
{
	if (c->cur_fill != (long)rgb) {
		S_rgb(c, rgb, "rg");
		c->cur_fill = (long)rgb;
	}
}

static void
S_stroke(struct S_ctx *c, uint32_t rgb)
{
	if (c->cur_stroke != (long)rgb) {
		S_rgb(c, rgb, "RG");
		c->cur_stroke = (long)rgb;
	}
}

static void
S_linewidth(struct S_ctx *c, double w)
{
	if (c->cur_lw != w) {
		S_num(&c->out, w);
		S_op(&c->out, "w");
		c->cur_lw = w;
	}
}

/* The glyph ids of UTF-8 text as a hex string: <0012002A…>. */
static void
S_hex(struct buf *b, const struct S_font *f, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i = 0, k;
	uint32_t cp;

	buf_putc(b, '<');
	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0) {
			i++;
			continue;
		}
		i += k;
		unsigned g = cp > 0xffff ? 0 : f->cid[cp];
		char h[4] = { hex[g >> 12 & 15], hex[g >> 8 & 15], hex[g >> 4 & 15],
		    hex[g & 15] };
		buf_append(b, h, 4);
	}
	buf_putc(b, '>');
}

/* The face's font, with the characters of s[0..n) given CIDs. */
static struct S_font *
S_font_for(struct S_ctx *c, const struct font_face *face, const char *s,
    size_t n)
{
	S_font_use(c, face, s, n);
	return face ? S_font_of(c, face) : NULL;
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
S_text(struct S_ctx *c, const struct area_item *it)
{
	struct S_font *f = S_font_for(c, it->u.text.face, it->u.text.utf8,
	    it->u.text.utf8 ? it->u.text.len : 0);
	const char *s = it->u.text.utf8;
	size_t n = it->u.text.len;
	double size = it->u.text.size;

	if (f == NULL || n == 0 || size <= 0 || s == NULL) {
		S_span_step(c);
		return;
	}
	S_font_on_page(c, f);
	if (!c->intext) {
		S_op(&c->out, "BT");
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
		S_num(&c->out, size);
		S_op(&c->out, "Tf");
		c->cur_font = f;
		c->cur_size = size;
	}
	if (c->cur_cs != it->u.text.char_space) {
		S_num(&c->out, it->u.text.char_space);
		S_op(&c->out, "Tc");
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
	S_op(&c->out, "1 0 0 1");
	c->out.len--;
	buf_putc(&c->out, ' ');
	S_num(&c->out, it->x);
	S_num(&c->out, c->ph - it->y);
	S_op(&c->out, "Tm");
	/* Word spacing (Tw) applies only to one-byte code 32, so with two-byte
	 * codes it is written as a TJ adjustment after each space; the
	 * layout's further advances (dx) likewise, after their character. */
	const double *dx = it->u.text.dx;
	if (it->u.text.word_space == 0 && dx == NULL) {
		S_hex(&c->out, f, s, n);
		S_op(&c->out, " Tj");
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
		S_hex(&c->out, f, s + start, end - start);
		if (adv != 0) {
			buf_putc(&c->out, ' ');
			S_num(&c->out, -adv * 1000 / size);
		}
		start = end;
	}
	S_op(&c->out, "] TJ");
	S_span_step(c);
}

static void
S_dash(struct S_ctx *c, enum area_rule_style st, double t)
{
	int key = st == RULE_DASHED ? 1 : st == RULE_DOTTED ? 2 : 0;

	if (key && c->cur_dash == key && c->cur_lw == t)
		return;
	if (key == 0) {
		if (c->cur_dash)
			S_op(&c->out, "[] 0 d 0 J");
		c->cur_dash = 0;
		return;
	}
	buf_putc(&c->out, '[');
	if (st == RULE_DASHED) {
		S_num(&c->out, 3 * t);
		S_num(&c->out, 2 * t);
		S_op(&c->out, "] 0 d 0 J");
	} else {
		/* Round dots: zero-length dashes with round caps. */
		S_num(&c->out, 0);
		S_num(&c->out, 2 * t);
		S_op(&c->out, "] 0 d 1 J");
	}
	c->cur_dash = key;
}

static void
S_line(struct S_ctx *c, double x1, double y1, double x2, double y2)
{
	S_num(&c->out, x1);
	S_num(&c->out, c->ph - y1);
	S_op(&c->out, "m");
	S_num(&c->out, x2);
	S_num(&c->out, c->ph - y2);
	S_op(&c->out, "l S");
}

static void
S_rule(struct S_ctx *c, const struct area_item *it)
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
S_rect(struct S_ctx *c, const struct area_item *it)
{
	if (!(it->w > 0 && it->h > 0))
		return;
	S_text_end(c);
	S_fill(c, it->color);
	S_num(&c->out, it->x);
	S_num(&c->out, c->ph - it->y - it->h);
	S_num(&c->out, it->w);
	S_num(&c->out, it->h);
	S_op(&c->out, "re f");
}

/* Decode a PNG with libpng's simplified API, which reports errors instead
 * of aborting (libharu's own PNG reader lets libpng abort the process on
 * a corrupt file), and hand libharu the raw pixels; alpha becomes a soft
 * mask so a seal does not hide the text under it. */
static HPDF_Image
S_png(struct S_ctx *c, const unsigned char *data, size_t len)
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
	if (S_take_error(c))
		img = NULL;
	free(px);
	free(rgb);
	free(alpha);
	return img;
}

static void
S_image(struct S_ctx *c, const struct area_item *it)
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
		char *data;
		size_t len = 0;
		if ((data = file_read(path, &len)) != NULL)
			img = S_png(c, (const unsigned char *)data, len);
		free(data);
		if (img == NULL)
			diag(W_PDF_IMAGE, path, 0, 0);
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
		S_res_add(c, "XObject", c->imgs[i].res, img);
	}
	S_op(&c->out, "q");
	S_num(&c->out, it->w);
	S_op(&c->out, "0 0");
	c->out.len--;
	buf_putc(&c->out, ' ');
	S_num(&c->out, it->h);
	S_num(&c->out, it->x);
	S_num(&c->out, c->ph - it->y - it->h);
	buf_printf(&c->out, "cm /%s Do Q\n", c->imgs[i].res);
}

/* The watermark, over everything else but multiplied into it (so white
 * cell backgrounds do not hide it and text under it stays black): light
 * grey, from the lower left corner towards the upper right, centred,
 * about 60% of the diagonal. */
static void
S_watermark(struct S_ctx *c, const char *text, double pw, double ph)
{
	struct S_font *f = S_font_for(c, c->wm_face, text, strlen(text));
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
		if (S_take_error(c))
			c->wm_gs = NULL;
	}
	S_font_on_page(c, f);
	S_text_end(c);
	S_op(&c->out, "q");
	if (c->wm_gs) {
		S_res_add(c, "ExtGState", "GS1", c->wm_gs);
		S_op(&c->out, "/GS1 gs");
		if (c->pdf->pdf_version < HPDF_VER_14)
			c->pdf->pdf_version = HPDF_VER_14;
	}
	/* Inside q … Q: fill only, no spacing, whatever the last run set. */
	S_op(&c->out, "BT 0.85 g 0 Tr 0 Tc");
	buf_printf(&c->out, "/%s ", f->res);
	S_num(&c->out, size);
	S_op(&c->out, "Tf");
	S_num(&c->out, cs);
	S_num(&c->out, sn);
	S_num(&c->out, -sn);
	S_num(&c->out, cs);
	S_num(&c->out, pw / 2 + cs * hx - sn * hy);
	S_num(&c->out, ph / 2 + sn * hx + cs * hy);
	S_op(&c->out, "Tm");
	S_hex(&c->out, f, text, n);
	S_op(&c->out, " Tj ET Q");
}

static void
S_page(struct S_ctx *c, const struct area_page *pg, const char *watermark)
{
	c->page = HPDF_AddPage(c->pdf);
	c->pageno++;
	HPDF_Page_SetWidth(c->page, S_real(pg->width));
	HPDF_Page_SetHeight(c->page, S_real(pg->height));
	S_take_error(c);	/* an absurd size keeps libharu's default */
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
		case AREA_BOX:
		case AREA_LINEBOX:
			break;
		}
	}
	if (watermark && *watermark)
		S_watermark(c, watermark, HPDF_Page_GetWidth(c->page), c->ph);
	S_text_end(c);
	S_flush(c);
	S_take_error(c);
}

static void
S_info(struct S_ctx *c, const struct area_doc *doc)
{
	const char *ep = getenv("SOURCE_DATE_EPOCH");

	if (doc->title)
		HPDF_SetInfoAttr(c->pdf, HPDF_INFO_TITLE, doc->title);
	if (doc->author)
		HPDF_SetInfoAttr(c->pdf, HPDF_INFO_AUTHOR, doc->author);
	if (doc->subject)
		HPDF_SetInfoAttr(c->pdf, HPDF_INFO_SUBJECT, doc->subject);
	if (doc->keywords)
		HPDF_SetInfoAttr(c->pdf, HPDF_INFO_KEYWORDS, doc->keywords);
	HPDF_SetInfoAttr(c->pdf, HPDF_INFO_CREATOR,
	    doc->creator ? doc->creator : "wsdoc " WSDOC_VERSION);
	/* A date only when the build asks for one, so the bytes stay the same. */
	if (ep && *ep) {
		char *end;
		long long t = strtoll(ep, &end, 10);
		time_t tt = (time_t)t;
		struct tm tm;
		if (*end == '\0' && t >= 0 && gmtime_r(&tt, &tm)) {
			HPDF_Date d = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
			    tm.tm_hour, tm.tm_min, tm.tm_sec, 'Z', 0, 0 };
			HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_CREATION_DATE, d);
			HPDF_SetInfoDateAttr(c->pdf, HPDF_INFO_MOD_DATE, d);
		}
	}
	S_take_error(c);
}

/* The bookmarks on pages [from, to) of doc; pages[i] is the PDF page of
 * doc's page from + i.  Levels carry over from the previous slice. */
static void
S_bookmarks(struct S_ctx *c, const struct area_doc *doc, size_t from,
    size_t to, HPDF_Page *pages)
{
	HPDF_Encoder enc = HPDF_GetEncoder(c->pdf, "UTF-8");
	HPDF_Outline *stack = c->outline;

	for (size_t i = 0; i < doc->nmarks; i++) {
		const struct area_bookmark *m = &doc->marks[i];
		int lv = m->level < 0 ? 0 : m->level > 7 ? 7 : m->level;
		HPDF_Outline parent = NULL;
		if (m->page < 0 || (size_t)m->page < from || (size_t)m->page >= to ||
		    m->title == NULL)
			continue;
		/* A level with no parent hangs from the nearest one above. */
		for (int l = lv - 1; l >= 0 && parent == NULL; l--)
			parent = stack[l];
		HPDF_Outline o = HPDF_CreateOutline(c->pdf, parent, m->title, enc);
		if (o == NULL) {
			S_take_error(c);
			continue;
		}
		HPDF_Page pg = pages[m->page - from];
		HPDF_Destination d = HPDF_Page_CreateDestination(pg);
		if (d) {
			/* [page /XYZ left top null]: keep the reader's zoom, which
			 * HPDF_Destination_SetXYZ refuses to do. */
			HPDF_Array_Clear(d);
			HPDF_Array_Add(d, pg);
			HPDF_Array_AddName(d, "XYZ");
			HPDF_Array_AddReal(d, 0);
			HPDF_Array_AddReal(d, S_real(doc->pages[m->page].height - m->y));
			HPDF_Array_Add(d, HPDF_Null_New(c->pdf->mmgr));
			HPDF_Outline_SetDestination(o, d);
		}
		HPDF_Outline_SetOpened(o, HPDF_TRUE);
		stack[lv] = o;
		for (int l = lv + 1; l < 8; l++)
			stack[l] = NULL;
		S_take_error(c);
		c->nmarks++;
	}
}

struct pdf_out {
	struct S_ctx	 c;
	int		 failed;
};

struct pdf_out *
pdf_out_new(void)
{
	struct pdf_out *o = xcalloc(1, sizeof *o);
	struct S_ctx *c = &o->c;

	buf_init(&c->out);
	if ((c->pdf = HPDF_New(S_error, c)) == NULL) {
		diag(F_SYS_PDF, NULL, 0, 0, 0u);
		free(o);
		return NULL;
	}
	HPDF_SetCompressionMode(c->pdf, HPDF_COMP_ALL);
	/* For UTF-8 strings in the document information and outlines. */
	HPDF_UseUTFEncodings(c->pdf);
	HPDF_SetCurrentEncoder(c->pdf, "UTF-8");
	return o;
}

int
pdf_out_pages(struct pdf_out *o, const struct area_doc *doc, size_t from,
    size_t to)
{
	struct S_ctx *c = &o->c;
	HPDF_Page *pages;

	if (o->failed)
		return -1;
	if (to > doc->npages)
		to = doc->npages;
	if (from >= to)
		return 0;
	if (doc->watermark && *doc->watermark && c->wm_face == NULL)
		c->wm_face = font_set_primary(font_set_get("黑体", 400, 0));
	pages = xcalloc(to - from, sizeof *pages);
	for (size_t p = from; p < to; p++) {
		S_page(c, &doc->pages[p], doc->watermark);
		pages[p - from] = c->page;
	}
	S_bookmarks(c, doc, from, to, pages);
	free(pages);
	return 0;
}

/* Fill in the fonts, the document information, and save into libharu's
 * memory stream. */
static int
S_finish(struct pdf_out *o, const struct area_doc *info)
{
	struct S_ctx *c = &o->c;

	if (o->failed)
		return -1;
	for (size_t i = 0; i < c->nfonts; i++)
		if (S_font_build(c, c->fonts[i]) == -1)
			return o->failed = -1;
	if (c->pageno == 0) {	/* a PDF has at least one page */
		HPDF_AddPage(c->pdf);
		S_take_error(c);
	}
	S_info(c, info);
	if (c->nmarks)
		HPDF_SetPageMode(c->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	if (HPDF_SaveToStream(c->pdf) != HPDF_OK) {
		diag(F_SYS_PDF, NULL, 0, 0, (unsigned)c->err);
		return o->failed = -1;
	}
	return 0;
}

static unsigned char *
S_bytes(struct pdf_out *o, size_t *len)
{
	struct S_ctx *c = &o->c;
	HPDF_UINT32 n = HPDF_GetStreamSize(c->pdf);
	unsigned char *out = xmalloc(n ? n : 1);

	if (HPDF_ReadFromStream(c->pdf, out, &n) != HPDF_OK &&
	    c->err != HPDF_STREAM_EOF) {
		diag(F_SYS_PDF, NULL, 0, 0, (unsigned)c->err);
		free(out);
		return NULL;
	}
	*len = n;
	return out;
}

int
pdf_out_finish(struct pdf_out *o, const struct area_doc *info,
    const char *path)
{
	unsigned char *data;
	size_t len;
	int rc = 0;

	if (S_finish(o, info) == -1 || (data = S_bytes(o, &len)) == NULL)
		return -1;
	if (file_write_atomic(path, data, len) == -1) {
		diag(F_IO_WRITE, NULL, 0, 0, path, errno_text(errno));
		rc = -1;
	}
	free(data);
	return rc;
}

void
pdf_out_free(struct pdf_out *o)
{
	if (o == NULL)
		return;
	HPDF_Free(o->c.pdf);
	S_fonts_free(&o->c);
	buf_free(&o->c.out);
	for (size_t i = 0; i < o->c.nimgs; i++)
		free(o->c.imgs[i].path);
	free(o->c.imgs);
	free(o);
}

unsigned char *
pdf_render(const struct area_doc *doc, size_t *len)
{
	struct pdf_out *o = pdf_out_new();
	unsigned char *out = NULL;

	*len = 0;
	if (o == NULL)
		return NULL;
	if (pdf_out_pages(o, doc, 0, doc->npages) == 0 && S_finish(o, doc) == 0)
		out = S_bytes(o, len);
	pdf_out_free(o);
	return out;
}

int
pdf_write(const struct area_doc *doc, const char *path)
{
	struct pdf_out *o = pdf_out_new();
	int rc = -1;

	if (o && pdf_out_pages(o, doc, 0, doc->npages) == 0)
		rc = pdf_out_finish(o, doc, path);
	pdf_out_free(o);
	return rc;
}
