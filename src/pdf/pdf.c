/* pdf.c — the document: an area tree drawn into a PDF with libharu's
 * object layer, in slices of pages (pdf_page.c), with its bookmarks
 * (outline) and information, the fonts filled in at the end (pdf_font.c),
 * written whole or not at all.  How fonts are embedded: pdf_int.h. */
#include "pdf.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "pdf_int.h"
#include "../diag/diag.h"
#include "../font/font.h"
#include "../layout/area.h"
#include "../util/util.h"

static void
S_info(struct pdf_ctx *c, const struct area_doc *doc)
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
	pdf_take_error(c);
}

/* The bookmarks on pages [from, to) of doc; pages[i] is the PDF page of
 * doc's page from + i.  Levels carry over from the previous slice. */
static void
S_bookmarks(struct pdf_ctx *c, const struct area_doc *doc, size_t from,
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
			pdf_take_error(c);
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
			HPDF_Array_AddReal(d, pdf_real(doc->pages[m->page].height - m->y));
			HPDF_Array_Add(d, HPDF_Null_New(c->pdf->mmgr));
			HPDF_Outline_SetDestination(o, d);
		}
		HPDF_Outline_SetOpened(o, HPDF_TRUE);
		stack[lv] = o;
		for (int l = lv + 1; l < 8; l++)
			stack[l] = NULL;
		pdf_take_error(c);
		c->nmarks++;
	}
}

struct pdf_out {
	struct pdf_ctx	 c;
	int		 failed;
};

/* libharu allocates through this: out of memory is F-SYS-MEMORY, exit 3
 * (libharu itself goes on with NULL pages and crashes). */
static void *
S_hpdf_alloc(HPDF_UINT n)
{
	return xmalloc(n);
}

struct pdf_out *
pdf_out_new(void)
{
	struct pdf_out *o = xcalloc(1, sizeof *o);
	struct pdf_ctx *c = &o->c;

	buf_init(&c->out);
	if ((c->pdf = HPDF_NewEx(pdf_error, S_hpdf_alloc, free, 0, c)) == NULL) {
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
	struct pdf_ctx *c = &o->c;
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
		pdf_draw_page(c, &doc->pages[p], doc->watermark);
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
	struct pdf_ctx *c = &o->c;

	if (o->failed)
		return -1;
	for (size_t i = 0; i < c->nfonts; i++)
		if (pdf_font_build(c, c->fonts[i]) == -1)
			return o->failed = -1;
	if (c->pageno == 0) {	/* a PDF has at least one page */
		HPDF_AddPage(c->pdf);
		pdf_take_error(c);
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
	struct pdf_ctx *c = &o->c;
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
		diag(F_IO_WRITE, NULL, 0, 0, path, errno_text_write(errno));
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
	pdf_fonts_free(&o->c);
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
