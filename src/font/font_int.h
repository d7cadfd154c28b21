/* font_int.h — a face and a set as this module holds them, shared by its
 * files.  For font.c and font_face.c only; other modules see font.h.
 *
 *   font.c       the roles of fonts/fonts.ini, faces loaded once (mapped,
 *                parsed by HarfBuzz), fontconfig asked, the sets of faces
 *                of a role, the fonts command's report
 *   font_face.c  what a face gives: advances (cached by blocks of 256
 *                code points), the face for a character, its subset */
#ifndef WSDOC_FONT_INT_H
#define WSDOC_FONT_INT_H

#include <stddef.h>

#include <hb.h>

#include "font.h"

#define FONT_MAXFACES	24

/* A face: loaded once per process (keyed by file and index). */
struct font_face {
	char		*family;	/* as fontconfig reports it (first name) */
	char		*file;
	int		 index;
	int		 weight;	/* fontconfig weight */
	int		 truetype;	/* glyf outlines, no CFF */
	hb_blob_t	*blob;
	hb_face_t	*face;
	hb_font_t	*font;
	double		 upem;
	double		 ascent, descent;	/* per point of size, > 0 */
	double		 notdef_adv;		/* per point of size */
	/* Advance per point of size for each BMP code point, filled 256 at a
	 * time on first use; a negative value means "no glyph".  The hot path
	 * of layout. */
	float		*adv[256];
	struct font_face *next;
};

struct font_set {
	const struct font_role *role;
	int		 bold, italic, fake_bold;
	const struct font_face *faces[FONT_MAXFACES];
	size_t		 nfaces;
	int		 nprimary;	/* faces from `families` (0 or 1) */
	int		 fb_done;	/* fallback faces resolved */
	const struct font_set *latin;	/* the `latin` role's, or NULL */
};

/* Resolve the fallback faces of set, the first time only (font.c). */
void	font_set_fallbacks(const struct font_set *set);

#endif
