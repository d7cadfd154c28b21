/* pdf_font.c — fonts: each face the document uses becomes a Type0 /
 * CIDFontType2 font built from its HarfBuzz subset (CIDs in the order the
 * characters are first drawn, a CIDToGIDMap, widths, ToUnicode). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <hb-ot.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "pdf_int.h"
#include "../diag/diag.h"
#include "../font/font.h"
#include "../util/util.h"

static struct pdf_font *
S_font_of(struct pdf_ctx *c, const struct font_face *face)
{
	for (size_t i = 0; i < c->nfonts; i++)
		if (c->fonts[i]->face == face)
			return c->fonts[i];
	if (c->nfonts == PDF_MAXFONTS)
		return NULL;
	HPDF_Dict type0 = pdf_dict(c, 1);
	if (type0 == NULL)
		return NULL;
	struct pdf_font *f = xcalloc(1, sizeof *f);
	f->face = face;
	f->type0 = type0;
	f->cid = xcalloc(65536, sizeof *f->cid);
	snprintf(f->res, sizeof f->res, "F%zu", c->nfonts + 1);
	c->fonts[c->nfonts++] = f;
	return f;
}

static void
S_font_use(struct pdf_ctx *c, const struct font_face *face, const char *s, size_t n)
{
	struct pdf_font *f;
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
S_tounicode(struct buf *b, const struct pdf_font *f)
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

	p->z = pdf_deflate(data, len, &p->zlen, 1);
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
int
pdf_font_build(struct pdf_ctx *c, struct pdf_font *f)
{
	struct S_prog *p;
	HPDF_MMgr mm = c->pdf->mmgr;

	if ((p = S_prog_get(f->face, f->cps, f->ncps)) == NULL) {
		diag(F_SYS_FONT_SUBSET, NULL, 0, 0, font_face_family(f->face));
		return -1;
	}
	f->gids = xreallocarray(NULL, f->ncps ? f->ncps : 1, sizeof *f->gids);
	memcpy(f->gids, p->gids, f->ncps * sizeof *f->gids);

	HPDF_Dict type0 = f->type0, cid = pdf_dict(c, 1), desc = pdf_dict(c, 1);
	HPDF_Dict file = HPDF_DictStream_New(mm, c->pdf->xref);
	HPDF_Dict tu = HPDF_DictStream_New(mm, c->pdf->xref);
	HPDF_Dict map = HPDF_DictStream_New(mm, c->pdf->xref);
	HPDF_Dict info = pdf_dict(c, 0);
	HPDF_Array desc_arr = HPDF_Array_New(mm), w = HPDF_Array_New(mm);
	HPDF_Array bbox = HPDF_Array_New(mm);
	if (!type0 || !cid || !desc || !file || !tu || !map || !info || !desc_arr ||
	    !w || !bbox) {
		pdf_take_error(c);
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
	pdf_stream_put(map, m, 2 * (f->ncps + 1));
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
	file->write_fn = pdf_flate_name;
	HPDF_Stream_Write(file->stream, p->z, (HPDF_UINT)p->zlen);

	struct buf b;
	buf_init(&b);
	S_tounicode(&b, f);
	pdf_stream_put(tu, b.data, b.len);
	buf_free(&b);

	if (pdf_take_error(c)) {
		diag(F_SYS_PDF_FONT, NULL, 0, 0, font_face_family(f->face),
		    (unsigned)c->detail);
		return -1;
	}
	f->built = 1;
	return 0;
}

void
pdf_fonts_free(struct pdf_ctx *c)
{
	for (size_t i = 0; i < c->nfonts; i++) {
		free(c->fonts[i]->cid);
		free(c->fonts[i]->cps);
		free(c->fonts[i]->gids);
		free(c->fonts[i]);
	}
	c->nfonts = 0;
}

/* Name the font in the page's resources the first time the page uses it. */
void
pdf_font_on_page(struct pdf_ctx *c, struct pdf_font *f)
{
	if (f->on_page == c->pageno)
		return;
	f->on_page = c->pageno;
	pdf_res_add(c, "Font", f->res, f->type0);
}

/* The glyph ids of UTF-8 text as a hex string: <0012002A…>. */
void
pdf_hex(struct buf *b, const struct pdf_font *f, const char *s, size_t n)
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
struct pdf_font *
pdf_font_for(struct pdf_ctx *c, const struct font_face *face, const char *s,
    size_t n)
{
	S_font_use(c, face, s, n);
	return face ? S_font_of(c, face) : NULL;
}
