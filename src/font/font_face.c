/* font_face.c — what a face gives: the advance of a character (cached
 * 256 code points at a time: the hot path of layout), whether it has a
 * glyph, the face of a set for a character (the Latin role's first, then
 * the fallbacks), and the subset of a face for the PDF.  For this
 * module's files, see font_int.h. */
#include "font.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <hb-subset.h>

#include "../diag/diag.h"
#include "../util/util.h"
#include "font_int.h"

/* Fill the advances of one 256-code-point block of the BMP. */
static float *
S_block(struct font_face *f, unsigned hi)
{
	uint32_t cps[256];
	hb_codepoint_t gids[256];
	hb_position_t advs[256];
	float *a = xmalloc(256 * sizeof *a);

	for (unsigned i = 0; i < 256; i++) {
		cps[i] = hi << 8 | i;
		gids[i] = 0;
	}
	/* The batch call stops at the first code point without a glyph. */
	for (unsigned i = 0; i < 256; i++) {
		i += hb_font_get_nominal_glyphs(f->font, 256 - i, cps + i,
		    sizeof cps[0], gids + i, sizeof gids[0]);
		if (i < 256)
			gids[i] = 0;
	}
	hb_font_get_glyph_h_advances(f->font, 256, gids, sizeof gids[0],
	    advs, sizeof advs[0]);
	for (unsigned i = 0; i < 256; i++)
		a[i] = gids[i] ? (float)(advs[i] / f->upem) : -1.0f;
	f->adv[hi] = a;
	return a;
}

static inline float
S_adv(const struct font_face *cf, uint32_t cp)
{
	struct font_face *f = (struct font_face *)cf;	/* the cache only */
	const float *a;

	if (cp > 0xffff)
		return -1.0f;
	a = f->adv[cp >> 8];
	if (a == NULL)
		a = S_block(f, cp >> 8);
	return a[cp & 0xff];
}

int
font_has_glyph(const struct font_face *f, uint32_t cp)
{
	return f && S_adv(f, cp) >= 0;
}

double
font_advance(const struct font_face *f, uint32_t cp, double size)
{
	float a;

	if (f == NULL)
		return 0;
	a = S_adv(f, cp);
	return (a >= 0 ? a : f->notdef_adv) * size;
}

double
font_ascent(const struct font_face *f, double size)
{
	return f ? f->ascent * size : 0.88 * size;
}

double
font_descent(const struct font_face *f, double size)
{
	return f ? f->descent * size : 0.12 * size;
}

/* Set in the role's Latin face: ASCII (letters, digits, punctuation and
 * the space) and the Latin letters of Latin-1 and Latin Extended-A/B.
 * Not · × ÷ ° ± §, which Chinese text takes from the Chinese face. */
static int
S_latin(uint32_t c)
{
	return (c >= 0x20 && c <= 0x7e) || c == 0xa0 ||
	    (c >= 0xc0 && c <= 0x24f && c != 0xd7 && c != 0xf7);
}

const struct font_face *
font_set_face_for(const struct font_set *set, uint32_t cp)
{
	if (set == NULL || cp > 0xffff)
		return NULL;
	if (set->latin != NULL && S_latin(cp))
		for (size_t i = 0; i < (size_t)set->latin->nprimary; i++)
			if (S_adv(set->latin->faces[i], cp) >= 0)
				return set->latin->faces[i];
	for (size_t i = 0; i < set->nfaces; i++)
		if (S_adv(set->faces[i], cp) >= 0)
			return set->faces[i];
	if (!set->fb_done) {
		font_set_fallbacks(set);
		return font_set_face_for(set, cp);
	}
	return NULL;
}

const struct font_face *
font_set_primary(const struct font_set *set)
{
	return set && set->nfaces ? set->faces[0] : NULL;
}

const char *
font_face_family(const struct font_face *f)
{
	return f->family;
}

const char *
font_face_file(const struct font_face *f)
{
	return f->file;
}

int
font_face_index(const struct font_face *f)
{
	return f->index;
}

int
font_face_is_bold(const struct font_face *f)
{
	return f && f->weight >= FC_WEIGHT_DEMIBOLD;
}

/* ---- subsets ---- */

/* The subset of face for cps, or NULL (family names it in the message). */
static unsigned char *
S_subset(hb_face_t *face, const char *family, const uint32_t *cps,
    size_t ncps, size_t *len)
{
	hb_subset_input_t *in;
	hb_face_t *sub;
	hb_blob_t *blob;
	unsigned char *out = NULL;
	unsigned n = 0;
	const char *data;

	/* HarfBuzz has no allocator to hook: a failure with errno ENOMEM
	 * (set by malloc) is out of memory, not a bad font. */
	errno = 0;
	if ((in = hb_subset_input_create_or_fail()) == NULL)
		util_oom();
	hb_set_t *u = hb_subset_input_unicode_set(in);
	for (size_t i = 0; i < ncps; i++)
		hb_set_add(u, cps[i]);
	/* A PDF draws glyphs by id: the layout tables only cost bytes and
	 * time.  The cmap stays, for font_has_glyph-style checks of the
	 * subset and for tools that inspect it. */
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	static const char *const dropped[] = {
		"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "vhea",
		"vmtx", "VORG", "DSIG", "hdmx", "LTSH", "VDMX", "gasp", "EBDT",
		"EBLC", "EBSC", "morx", "mort", "feat", "trak", "meta", "PCLT"
	};
	for (size_t i = 0; i < sizeof dropped / sizeof dropped[0]; i++)
		hb_set_add(drop, hb_tag_from_string(dropped[i], 4));
	/* A set that could not grow drops characters without a word. */
	if (!hb_set_allocation_successful(u) || !hb_set_allocation_successful(drop))
		util_oom();
	/* Hinting is for screens at small sizes and an eighth of the bytes. */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	sub = hb_subset_or_fail(face, in);
	hb_subset_input_destroy(in);
	if (sub == NULL && errno == ENOMEM)
		util_oom();
	if (sub == NULL) {
		diag(F_SYS_FONT_SUBSET, NULL, 0, 0, family);
		return NULL;
	}
	blob = hb_face_reference_blob(sub);
	data = hb_blob_get_data(blob, &n);
	if (n > 0) {
		out = xmalloc(n);
		memcpy(out, data, n);
		*len = n;
	}
	hb_blob_destroy(blob);
	hb_face_destroy(sub);
	if (out == NULL && errno == ENOMEM)
		util_oom();
	if (out == NULL) {
		diag(F_SYS_FONT_SUBSET, NULL, 0, 0, family);
		return NULL;
	}
	return out;
}

unsigned char *
font_subset(const struct font_face *f, const uint32_t *cps, size_t ncps,
    size_t *len)
{
	return S_subset(f->face, f->family, cps, ncps, len);
}

unsigned char *
font_subset_file(const char *path, int index, const uint32_t *cps,
    size_t ncps, size_t *len, size_t *covered)
{
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
	hb_face_t *face;
	hb_set_t *have;
	unsigned char *out;

	*covered = 0;
	if (blob == NULL) {
		diag(F_SYS_FONT_SUBSET, NULL, 0, 0, path);
		return NULL;
	}
	face = hb_face_create(blob, (unsigned)index);
	have = hb_set_create();
	hb_face_collect_unicodes(face, have);
	for (size_t i = 0; i < ncps; i++)
		*covered += hb_set_has(have, cps[i]) != 0;
	out = S_subset(face, path, cps, ncps, len);
	hb_set_destroy(have);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	return out;
}
