/* font.h — font roles (fonts/fonts.ini) resolved through fontconfig, faces
 * with their metrics, per-character fallback, and subsetting for the PDF.
 * For the layout engine (src/layout), the PDF writer (src/pdf) and the
 * fonts command.  Faces are loaded once per process and never freed before
 * fonts_shutdown(). */
#ifndef WSDOC_FONT_H
#define WSDOC_FONT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct font_face;	/* one TrueType face: file, index, metrics */
struct font_set;	/* a role's faces in order of preference */

/* Read fonts/fonts.ini (from the data directory) and resolve every role.
 * Returns 0, or -1 after a diagnostic (a role with no usable face is a
 * system error: exit 3, with the apt-get line that fixes it).  Idempotent. */
int	fonts_init(void);
void	fonts_shutdown(void);

/* The set for an FO font-family list ("SimSun, 宋体, serif"): the first
 * name that is a role or an alias of one (宋体/SongTi/SimSun/serif,
 * 黑体/HeiTi/SimHei/sans-serif, 楷体/KaiTi, 仿宋/FangSong/仿宋_GB2312)
 * decides the role; an unknown list falls back to 宋体.  weight >= 600
 * asks for bold, italic for an italic face; where the family has none the
 * regular face is returned and font_set_fake_bold() says so. */
const struct font_set *font_set_get(const char *family_list, int weight, int italic);
int	font_set_fake_bold(const struct font_set *set);

/* The first face of the set that has a glyph for cp, or NULL if none has
 * (the caller warns once per character and draws the first face's
 * .notdef).  Characters above U+FFFF: NULL (libharu draws them as spaces). */
const struct font_face *font_set_face_for(const struct font_set *set, uint32_t cp);
const struct font_face *font_set_primary(const struct font_set *set);

/* Metrics in points at the given size.  Fast: advances are cached. */
double	font_advance(const struct font_face *f, uint32_t cp, double size);
double	font_ascent(const struct font_face *f, double size);	/* > 0 */
double	font_descent(const struct font_face *f, double size);	/* > 0 */
int	font_has_glyph(const struct font_face *f, uint32_t cp);

/* Identity of a face: its family name as the font file states it, the
 * file path and face index. */
const char *font_face_family(const struct font_face *f);
const char *font_face_file(const struct font_face *f);
int	font_face_index(const struct font_face *f);
/* 1 if the face itself is bold (else bold is drawn by stroking). */
int	font_face_is_bold(const struct font_face *f);
/* How many of GB2312's 6763 hanzi the face has; *total gets 6763. */
size_t	font_gb2312_coverage(const struct font_face *f, size_t *total);

/* Subset: a TrueType font holding just the code points given (plus
 * .notdef), with a cmap for them, as a new buffer the caller frees.
 * Returns NULL after a diagnostic on failure. */
unsigned char *font_subset(const struct font_face *f, const uint32_t *cps,
	    size_t ncps, size_t *len);

/* The same subset of the face at index of a font file, whatever its
 * outlines (for make bench, which weighs the glyphs of other faces);
 * *covered receives how many of cps the face has. */
unsigned char *font_subset_file(const char *path, int index,
	    const uint32_t *cps, size_t ncps, size_t *len, size_t *covered);

/* For the fonts command: print each role, its faces and GB2312 coverage. */
void	fonts_report(FILE *out);

#endif
