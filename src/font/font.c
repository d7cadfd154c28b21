/* font.c — font roles from fonts/fonts.ini, resolved with fontconfig; faces
 * parsed once with HarfBuzz from a mapped file; cached advances; subsets.
 *
 * This file reads the roles, loads the faces, builds the sets and makes
 * the fonts command's report; font_face.c gives a face's advances and
 * subsets (font_int.h). */
#include "font.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <hb-ot.h>
#include <iniparser.h>

#include "../diag/diag.h"
#include "../util/util.h"
#include "font_int.h"

#define S_MAXFAM	16

struct font_role {
	char		*name;
	char		*aliases[S_MAXFAM];
	size_t		 naliases;
	char		*families[S_MAXFAM];
	size_t		 nfamilies;
	char		*fallback[S_MAXFAM];
	size_t		 nfallback;
	char		*package;
	char		*latin;		/* the role for Latin letters and digits */
	struct font_role *latin_role;	/* resolved, or NULL */
	struct font_set	*sets[4];	/* [bold * 2 + italic], lazily */
	int		 chosen;	/* index into families of the face, or -1 */
};

static struct font_role *S_roles;
/* The last font_set_get questions: the layout asks the same few again
 * and again. */
static struct S_setq { char *list; int bold, italic; struct font_role *r; } S_setq[16];
static unsigned S_setq_next;
static size_t S_nroles;
static struct font_face *S_faces;
static int S_inited;

/* Compare family names as fontconfig does: case and blanks ignored. */
static int
S_famcmp(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ')
			a++;
		while (*b == ' ')
			b++;
		int x = (unsigned char)*a, y = (unsigned char)*b;
		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y || x == 0)
			return x - y;
		a++;
		b++;
	}
}

static size_t
S_split(const char *s, char **out, size_t max)
{
	size_t n = 0;

	while (s && *s && n < max) {
		const char *e = strchr(s, ',');
		const char *end = e ? e : s + strlen(s);
		while (s < end && (*s == ' ' || *s == '\t'))
			s++;
		const char *t = end;
		while (t > s && (t[-1] == ' ' || t[-1] == '\t' ||
		    t[-1] == '"' || t[-1] == '\''))
			t--;
		if (*s == '"' || *s == '\'')
			s++;
		if (t > s)
			out[n++] = xstrndup(s, (size_t)(t - s));
		s = e ? e + 1 : NULL;
	}
	return n;
}

static void
S_blob_unmap(void *p)
{
	struct { void *addr; size_t len; } *m = p;
	munmap(m->addr, m->len);
	free(m);
}

/* The face for file/index, parsed once per process; NULL if unreadable. */
static struct font_face *
S_face_load(const char *file, int index, const char *family, int weight)
{
	struct font_face *f;
	struct stat st;
	void *addr;
	int fd;

	for (f = S_faces; f; f = f->next)
		if (f->index == index && strcmp(f->file, file) == 0)
			return f;
	if ((fd = open(file, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || st.st_size <= 0) {
		close(fd);
		return NULL;
	}
	addr = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	/* No room to map a font is out of memory, not a missing font. */
	if (addr == MAP_FAILED && errno == ENOMEM)
		util_oom();
	if (addr == MAP_FAILED)
		return NULL;
	struct { void *addr; size_t len; } *m = xmalloc(sizeof *m);
	m->addr = addr;
	m->len = (size_t)st.st_size;

	f = xcalloc(1, sizeof *f);
	f->file = xstrdup(file);
	f->family = xstrdup(family);
	f->index = index;
	f->weight = weight;
	f->blob = hb_blob_create(addr, (unsigned)st.st_size,
	    HB_MEMORY_MODE_READONLY, m, S_blob_unmap);
	f->face = hb_face_create(f->blob, (unsigned)index);
	f->font = hb_font_create(f->face);
	f->upem = hb_face_get_upem(f->face);
	if (f->upem <= 0)
		f->upem = 1000;

	hb_blob_t *glyf = hb_face_reference_table(f->face, HB_TAG('g','l','y','f'));
	hb_blob_t *cff = hb_face_reference_table(f->face, HB_TAG('C','F','F',' '));
	f->truetype = hb_blob_get_length(glyf) > 0 && hb_blob_get_length(cff) == 0;
	hb_blob_destroy(glyf);
	hb_blob_destroy(cff);

	hb_position_t asc = 0, desc = 0;
	hb_ot_metrics_get_position_with_fallback(f->font,
	    HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &asc);
	hb_ot_metrics_get_position_with_fallback(f->font,
	    HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &desc);
	/* hb_font scale defaults to upem, so these are font units. */
	f->ascent = asc > 0 ? asc / f->upem : 0.88;
	f->descent = desc < 0 ? -desc / f->upem : (desc > 0 ? desc / f->upem : 0.12);
	f->notdef_adv = hb_font_get_glyph_h_advance(f->font, 0) / f->upem;

	f->next = S_faces;
	S_faces = f;
	return f;
}

/* fontconfig does not survive running out of memory: a half-read
 * configuration, or a failed allocation while it substitutes, crashes it
 * (FcConfigSubstituteWithPat).  Call it only with room for what it does,
 * else say out of memory.  What it needs to load its configuration and
 * caches is about 6 MB on Debian 12 with the fonts wsdoc uses; a match,
 * far less. */
#define S_FC_ROOM	(24u << 20)
#define S_FC_MATCH_ROOM	(4u << 20)

static void
S_fc_room(size_t n)
{
	void *room = malloc(n);

	if (room == NULL)
		util_oom();
	free(room);
}

/* Resolve one family through fontconfig.  fontconfig returns its best
 * match for any name, so the match counts only if one of its family
 * names is the one asked for. */
static struct font_face *
S_resolve(const char *family, int bold, int italic)
{
	FcPattern *pat, *m;
	FcResult res;
	FcChar8 *s, *file = NULL, *fam0 = NULL;
	int index = 0, weight = FC_WEIGHT_REGULAR, ok = 0;
	struct font_face *f = NULL;

	/* fontconfig fails only for want of memory here: say so, rather
	 * than crash inside it or call a font missing. */
	S_fc_room(S_FC_MATCH_ROOM);
	if ((pat = FcPatternCreate()) == NULL ||
	    !FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family) ||
	    !FcPatternAddInteger(pat, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR) ||
	    !FcPatternAddInteger(pat, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN) ||
	    !FcConfigSubstitute(NULL, pat, FcMatchPattern))
		util_oom();
	FcDefaultSubstitute(pat);
	m = FcFontMatch(NULL, pat, &res);
	FcPatternDestroy(pat);
	if (m == NULL && res == FcResultOutOfMemory)
		util_oom();
	if (m == NULL)
		return NULL;
	for (int i = 0; FcPatternGetString(m, FC_FAMILY, i, &s) == FcResultMatch; i++) {
		if (i == 0)
			fam0 = s;
		if (S_famcmp((const char *)s, family) == 0)
			ok = 1;
	}
	if (ok && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) {
		FcPatternGetInteger(m, FC_INDEX, 0, &index);
		FcPatternGetInteger(m, FC_WEIGHT, 0, &weight);
		f = S_face_load((const char *)file, index & 0xffff,
		    (const char *)fam0, weight);
	}
	FcPatternDestroy(m);
	if (f && !f->truetype)
		return NULL;
	return f;
}

static void
S_add_face(struct font_set *set, const struct font_face *f)
{
	if (f == NULL || set->nfaces >= FONT_MAXFACES)
		return;
	for (size_t i = 0; i < set->nfaces; i++)
		if (set->faces[i] == f)
			return;
	set->faces[set->nfaces++] = f;
}

static const struct font_set *S_role_set(struct font_role *r, int bold,
    int italic);

static struct font_set *
S_set_build(const struct font_role *r, int bold, int italic)
{
	struct font_set *set = xcalloc(1, sizeof *set);

	set->role = r;
	set->bold = bold;
	set->italic = italic;
	for (size_t i = 0; i < r->nfamilies && set->nfaces == 0; i++) {
		struct font_face *f = NULL;
		if (bold || italic)
			f = S_resolve(r->families[i], bold, italic);
		if (f == NULL || (bold && f->weight < FC_WEIGHT_DEMIBOLD))
			f = S_resolve(r->families[i], 0, 0);
		if (f)
			S_add_face(set, f);
	}
	set->nprimary = (int)set->nfaces;
	if (bold && (set->nfaces == 0 || set->faces[0]->weight < FC_WEIGHT_DEMIBOLD))
		set->fake_bold = 1;
	/* One level only: a Latin role's own `latin` is not followed. */
	if (r->latin_role != NULL && r->latin_role != r &&
	    r->latin_role->latin_role == NULL)
		set->latin = S_role_set((struct font_role *)r->latin_role, bold,
		    italic);
	return set;
}

/* The fallback faces, resolved the first time a character needs them
 * (most documents never do, and each costs a fontconfig match). */
void
font_set_fallbacks(const struct font_set *cset)
{
	struct font_set *set = (struct font_set *)cset;	/* a cache */

	if (set->fb_done)
		return;
	set->fb_done = 1;
	for (size_t i = 0; i < set->role->nfallback; i++)
		S_add_face(set, S_resolve(set->role->fallback[i], 0, 0));
}

static const struct font_set *
S_role_set(struct font_role *r, int bold, int italic)
{
	int k = (bold ? 2 : 0) + (italic ? 1 : 0);

	if (r->sets[k] == NULL)
		r->sets[k] = S_set_build(r, bold, italic);
	return r->sets[k];
}

static int
S_load_ini(const char *path)
{
	dictionary *d = iniparser_load(path);
	int nsec;

	if (d == NULL)
		return -1;
	nsec = iniparser_getnsec(d);
	S_roles = xcalloc((size_t)(nsec > 0 ? nsec : 1), sizeof *S_roles);
	for (int i = 0; i < nsec; i++) {
		const char *sec = iniparser_getsecname(d, i);
		struct font_role *r = &S_roles[S_nroles++];
		char key[512];

		r->name = xstrdup(sec);
		snprintf(key, sizeof key, "%s:aliases", sec);
		r->naliases = S_split(iniparser_getstring(d, key, ""),
		    r->aliases, S_MAXFAM);
		snprintf(key, sizeof key, "%s:families", sec);
		r->nfamilies = S_split(iniparser_getstring(d, key, ""),
		    r->families, S_MAXFAM);
		snprintf(key, sizeof key, "%s:fallback", sec);
		r->nfallback = S_split(iniparser_getstring(d, key, ""),
		    r->fallback, S_MAXFAM);
		snprintf(key, sizeof key, "%s:package", sec);
		r->package = xstrdup(iniparser_getstring(d, key, ""));
		snprintf(key, sizeof key, "%s:latin", sec);
		r->latin = xstrdup(iniparser_getstring(d, key, ""));
		/* iniparser lowercases section names: show the role as its
		 * first family spells it (Times New Roman, not times new roman). */
		if (r->nfamilies > 0 && S_famcmp(r->name, r->families[0]) == 0) {
			free(r->name);
			r->name = xstrdup(r->families[0]);
		}
		r->chosen = -1;
	}
	iniparser_freedict(d);
	return 0;
}

static struct font_role *S_role_named(const char *name);

static int
S_silent(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}


int
fonts_init(void)
{
	char *path;
	int rc = 0;

	if (S_inited)
		return S_inited > 0 ? 0 : -1;
	S_fc_room(S_FC_ROOM);
	if (!FcInit()) {
		diag(F_SYS_FONT_FC, NULL, 0, 0);
		S_inited = -1;
		return -1;
	}
	path = data_path("fonts/fonts.ini");
	iniparser_set_error_callback(S_silent);
	if (access(path, R_OK) == -1 || S_load_ini(path) == -1 || S_nroles == 0) {
		diag(F_SYS_FONT_CONF, path, 0, 0);
		free(path);
		S_inited = -1;
		return -1;
	}
	free(path);
	for (size_t i = 0; i < S_nroles; i++)
		if (S_roles[i].latin[0] != '\0')
			S_roles[i].latin_role = S_role_named(S_roles[i].latin);
	for (size_t i = 0; i < S_nroles; i++) {
		struct font_role *r = &S_roles[i];
		const struct font_set *set = S_role_set(r, 0, 0);
		if (set->nprimary == 0) {
			char list[1024] = "";
			for (size_t j = 0; j < r->nfamilies; j++) {
				if (j)
					strncat(list, "、", sizeof list - strlen(list) - 1);
				strncat(list, r->families[j], sizeof list - strlen(list) - 1);
			}
			diag(F_SYS_FONT_MISSING, NULL, 0, 0, r->name, list,
			    r->package[0] ? r->package : "fonts-arphic-uming");
			rc = -1;
			continue;
		}
		for (size_t j = 0; j < r->nfamilies; j++) {
			if (S_famcmp(set->faces[0]->family, r->families[j]) == 0) {
				r->chosen = (int)j;
				break;
			}
		}
		/* Matched through another of the face's names (宋体 for SimSun). */
		if (r->chosen < 0)
			r->chosen = 0;
	}
	S_inited = rc == 0 ? 1 : -1;
	return rc;
}

void
fonts_shutdown(void)
{
	struct font_face *f, *next;

	for (size_t i = 0; i < S_nroles; i++) {
		struct font_role *r = &S_roles[i];
		free(r->name);
		free(r->package);
		free(r->latin);
		for (size_t j = 0; j < r->naliases; j++)
			free(r->aliases[j]);
		for (size_t j = 0; j < r->nfamilies; j++)
			free(r->families[j]);
		for (size_t j = 0; j < r->nfallback; j++)
			free(r->fallback[j]);
		for (int k = 0; k < 4; k++)
			free(r->sets[k]);
	}
	free(S_roles);
	S_roles = NULL;
	for (int i = 0; i < 16; i++) {
		free(S_setq[i].list);
		S_setq[i].list = NULL;
	}
	S_setq_next = 0;
	S_nroles = 0;
	for (f = S_faces; f; f = next) {
		next = f->next;
		for (int i = 0; i < 256; i++)
			free(f->adv[i]);
		hb_font_destroy(f->font);
		hb_face_destroy(f->face);
		hb_blob_destroy(f->blob);
		free(f->family);
		free(f->file);
		free(f);
	}
	S_faces = NULL;
	if (S_inited)
		FcFini();
	S_inited = 0;
}

/* The role a name means: a role's own name or one of its aliases. */
static struct font_role *
S_role_named(const char *name)
{
	for (size_t i = 0; i < S_nroles; i++) {
		struct font_role *r = &S_roles[i];
		if (S_famcmp(r->name, name) == 0)
			return r;
		for (size_t j = 0; j < r->naliases; j++)
			if (S_famcmp(r->aliases[j], name) == 0)
				return r;
		for (size_t j = 0; j < r->nfamilies; j++)
			if (S_famcmp(r->families[j], name) == 0)
				return r;
	}
	return NULL;
}

const struct font_set *
font_set_get(const char *family_list, int weight, int italic)
{
	struct font_role *r = NULL;
	char *names[S_MAXFAM];
	size_t n;

	if (S_inited == 0)
		fonts_init();
	if (S_nroles == 0)
		return NULL;
	struct S_setq *cache = S_setq;
	int bold = weight >= 600;
	italic = italic != 0;
	for (unsigned i = 0; i < 16 && cache[i].list; i++)
		if (cache[i].bold == bold && cache[i].italic == italic &&
		    strcmp(cache[i].list, family_list ? family_list : "") == 0)
			return S_role_set(cache[i].r, bold, italic);
	n = S_split(family_list ? family_list : "", names, S_MAXFAM);
	for (size_t i = 0; i < n; i++) {
		if (r == NULL)
			r = S_role_named(names[i]);
		free(names[i]);
	}
	if (r == NULL)
		r = &S_roles[0];
	free(cache[S_setq_next].list);
	cache[S_setq_next].list = xstrdup(family_list ? family_list : "");
	cache[S_setq_next].bold = bold;
	cache[S_setq_next].italic = italic;
	cache[S_setq_next].r = r;
	S_setq_next = (S_setq_next + 1) % 16;
	return S_role_set(r, bold, italic);
}

int
font_set_fake_bold(const struct font_set *set)
{
	return set ? set->fake_bold : 0;
}

/* ---- the fonts command ---- */

/* GB2312's 6763 hanzi: rows 16–87 of the 94×94 table (row 55 has 89). */
static size_t
S_gb2312_hanzi(uint32_t *out, size_t max)
{
	iconv_t cd = iconv_open("UTF-32LE", "GB2312");
	size_t n = 0;

	if (cd == (iconv_t)-1)
		return 0;
	for (int row = 16; row <= 87; row++) {
		for (int col = 1; col <= 94 && n < max; col++) {
			char in[2] = { (char)(0xa0 + row), (char)(0xa0 + col) };
			unsigned char o[4];
			char *ip = in, *op = (char *)o;
			size_t il = 2, ol = 4;
			if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
				iconv(cd, NULL, NULL, NULL, NULL);
				continue;
			}
			if (ol == 0)
				out[n++] = (uint32_t)o[0] | (uint32_t)o[1] << 8 |
				    (uint32_t)o[2] << 16 | (uint32_t)o[3] << 24;
		}
	}
	iconv_close(cd);
	return n;
}

size_t
font_gb2312_coverage(const struct font_face *f, size_t *total)
{
	static uint32_t *hz;
	static size_t nhz;
	size_t have = 0;

	if (hz == NULL) {
		hz = xmalloc(8000 * sizeof *hz);
		nhz = S_gb2312_hanzi(hz, 8000);
	}
	for (size_t i = 0; i < nhz; i++)
		if (font_has_glyph(f, hz[i]))
			have++;
	if (total)
		*total = nhz;
	return have;
}

/* Is r the `latin` role of another? */
static int
S_is_latin_role(const struct font_role *r)
{
	for (size_t i = 0; i < S_nroles; i++)
		if (S_roles[i].latin_role == r && &S_roles[i] != r)
			return 1;
	return 0;
}

void
fonts_report(FILE *out)
{
	for (size_t i = 0; i < S_nroles; i++) {
		struct font_role *r = &S_roles[i];
		const struct font_set *set = S_role_set(r, 0, 0);
		const struct font_set *bset = S_role_set(r, 1, 0);
		int latin = S_is_latin_role(r);

		font_set_fallbacks(set);

		fprintf(out, "%s", r->name);
		for (size_t j = 0; j < r->naliases; j++)
			fprintf(out, "%s%s", j ? "、" : "（别名：", r->aliases[j]);
		fprintf(out, "%s\n", r->naliases ? "）" : "");
		if (set->nprimary == 0) {
			fprintf(out, "  没有可用的字体；请以管理员身份运行：apt-get install %s\n",
			    r->package);
			continue;
		}
		for (size_t j = 0; j < set->nfaces; j++) {
			const struct font_face *f = set->faces[j];
			const char *what;
			if (j > 0)
				what = "缺字替补";
			else if (r->chosen == 0)
				what = "首选";
			else
				what = "替代";
			fprintf(out, "  %s  %s", what, f->family);
			if (j == 0 && r->chosen > 0) {
				fprintf(out, "（");
				for (int k = 0; k < r->chosen; k++)
					fprintf(out, "%s%s", k ? "、" : "", r->families[k]);
				fprintf(out, " 未安装或不是 TrueType）");
			}
			fprintf(out, "\n    文件 %s  第 %d 个字形集  %s  ", f->file,
			    f->index, f->truetype ? "TrueType 轮廓" : "非 TrueType");
			if (latin && j == 0) {
				size_t have = 0;
				for (uint32_t c = 0x21; c < 0x7f; c++)
					have += font_has_glyph(f, c);
				fprintf(out, "ASCII 字符 %zu/94\n", have);
			} else {
				size_t total = 0, have = font_gb2312_coverage(f, &total);
				fprintf(out, "GB2312 汉字 %zu/%zu\n", have, total);
			}
		}
		const struct font_face *b = font_set_primary(bset);
		if (bset->fake_bold)
			fprintf(out, "  粗体：无粗体字形，以描边加粗\n");
		else if (b)
			fprintf(out, "  粗体：%s（%s）\n", b->family, b->file);
		if (set->latin != NULL) {
			const struct font_face *l = font_set_primary(set->latin);
			fprintf(out, "  西文字母和数字：%s 角色的 %s（%s）\n",
			    r->latin_role->name, l ? l->family : "（无）",
			    l ? l->file : "");
		} else if (r->latin[0] != '\0')
			fprintf(out, "  西文字母和数字：latin = %s 不是可用的角色，用本角色的字体\n",
			    r->latin);
	}
}
