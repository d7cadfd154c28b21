/* pdf_int.h — the PDF writer's private state, shared by its files.  For
 * src/pdf/ only; the rest of wsdoc sees pdf.h.
 *
 * libharu 2.3.0's own TrueType path is not used for text: in UTF-8 mode it
 * walks all 65536 code points per font (most of the time of a document),
 * writes a 128 KB CIDToGIDMap per font and a malformed ToUnicode map.
 * Instead each face the document uses becomes a CIDFontType2 font built
 * here from its HarfBuzz subset, with Identity-H codes equal to the
 * subset's glyph ids, and page content is written directly.  libharu
 * still provides the document, pages, images, outlines, info and the
 * file structure.
 *
 * The files, top down:
 *   pdf.c       the document: pdf_out_*, pages in slices, bookmarks
 *               (outline), document information, the bytes
 *   pdf_page.c  a page's content: text, rules, rectangles, images,
 *               the watermark
 *   pdf_font.c  fonts: characters to CIDs, HarfBuzz subsets, the
 *               Type0/CIDFontType2 dictionaries, ToUnicode
 *   pdf_obj.c   below them all: numbers and operators of a content
 *               stream, deflated streams, dictionaries, page resources,
 *               libharu's errors */
#ifndef WSDOC_PDF_INT_H
#define WSDOC_PDF_INT_H

#include <stddef.h>
#include <stdint.h>

#include <hpdf.h>

#include "../util/util.h"

struct font_face;
struct area_page;

#define PDF_MAXFONTS	64

/* A face the document uses: the characters it draws with it, and the
 * CID font built for it.  Characters get CIDs in the order they are first
 * drawn (cps[i] is CID i + 1), so a page can be written before the
 * document's last character is known; the font's dictionaries are filled
 * in at the end, with a CIDToGIDMap from those CIDs to the subset's glyphs. */
struct pdf_font {
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

struct pdf_image {
	char		*path;		/* a copy: the slice's tree goes first */
	HPDF_Image	 img;		/* NULL: unreadable, warned once */
	char		 res[16];	/* resource name: Im1, Im2 … */
	int		 on_page;	/* the last page it was named on */
};

struct pdf_ctx {
	HPDF_Doc	 pdf;
	HPDF_STATUS	 err, detail;	/* the last libharu error */
	struct pdf_font	*fonts[PDF_MAXFONTS];
	size_t		 nfonts;
	struct pdf_image	*imgs;
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
	struct pdf_font	*cur_font;
	double		 cur_size, cur_cs, cur_lw;
	long		 cur_fill, cur_stroke;
	int		 cur_mode, cur_dash;
	HPDF_Outline	 outline[8];	/* the last bookmark of each level */
	size_t		 nmarks;
};


/* pdf_obj.c */
/* libharu's error handler (arg: the pdf_ctx). */
void		 pdf_error(HPDF_STATUS err, HPDF_STATUS detail, void *arg);
/* The last libharu error, which is then reset (errors are sticky). */
HPDF_STATUS	 pdf_take_error(struct pdf_ctx *c);
/* A number for a content stream, and one for libharu. */
void		 pdf_num(struct buf *b, double v);
HPDF_REAL	 pdf_real(double v);
/* An operator, then a new line. */
void		 pdf_op(struct buf *b, const char *op);
/* Deflated in a new buffer (*zlen 0 on failure); fast: level 1. */
unsigned char	*pdf_deflate(const void *in, size_t n, size_t *zlen, int fast);
/* Writes /Filter /FlateDecode into a stream dictionary (a write_fn). */
HPDF_STATUS	 pdf_flate_name(HPDF_Dict d, HPDF_Stream out);
/* data deflated as the whole content of a stream object. */
void		 pdf_stream_put(HPDF_Dict d, const void *data, size_t n);
/* A new dictionary, an indirect object when indirect. */
HPDF_Dict	 pdf_dict(struct pdf_ctx *c, int indirect);
/* Name an object in the page's resources (kind Font, XObject, ExtGState). */
void		 pdf_res_add(struct pdf_ctx *c, const char *kind, const char *name,
		    void *obj);

/* pdf_font.c */
/* The face's font, with the characters of s[0..n) given CIDs; NULL for
 * no face or too many fonts. */
struct pdf_font	*pdf_font_for(struct pdf_ctx *c, const struct font_face *face,
		    const char *s, size_t n);
/* Name the font in the page's resources the first time the page uses it. */
void		 pdf_font_on_page(struct pdf_ctx *c, struct pdf_font *f);
/* The CIDs of UTF-8 text as a hex string: <0012002A…>. */
void		 pdf_hex(struct buf *b, const struct pdf_font *f, const char *s,
		    size_t n);
/* Fill in the font's dictionaries from the subset of its characters:
 * 0, or -1 after a diagnostic. */
int		 pdf_font_build(struct pdf_ctx *c, struct pdf_font *f);
void		 pdf_fonts_free(struct pdf_ctx *c);

/* pdf_page.c: draw one page of the area tree, then the watermark. */
void		 pdf_draw_page(struct pdf_ctx *c, const struct area_page *pg,
		    const char *watermark);

#endif
