/* lay_image.c — what the layout needs of a PNG: that it is one (the
 * signature, an IHDR, chunks that fit the file up to IEND, image data that
 * inflates to no more than its rows), that it is a local regular file or
 * a data: URI of type image/png (RFC 2397) of bounded size and pixels, and
 * its size.  Each file and each data: URI is looked at once per run,
 * however often a document draws it. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "lay_int.h"
#include "../diag/diag.h"
#include "../util/datauri.h"
#include "../util/util.h"

/* The PDF writer decodes at most 25 million pixels (src/pdf); a PNG file
 * of a seal or a signature is well under a megabyte. */
#define S_MAX_PIXELS	(25u * 1000 * 1000)
#define S_MAX_BYTES	DATAURI_MAX_BYTES

static uint32_t
S_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* $NAME as a positive number no larger than max, else def. */
static uint64_t
S_env(const char *name, uint64_t def, uint64_t max)
{
	const char *v = getenv(name);
	char *end;
	unsigned long long n;

	if (v == NULL || *v == '\0')
		return def;
	errno = 0;
	n = strtoull(v, &end, 10);
	if (errno || *end || n == 0 || n > max)
		return def;
	return n;
}

static uint64_t
S_max_pixels(void)
{
	return S_env("WSDOC_IMAGE_MAX_PIXELS", S_MAX_PIXELS, S_MAX_PIXELS);
}

/* Bytes the image data of a w×h PNG inflates to at most: a filter byte
 * and the packed pixels of each row (of each of the 7 passes when
 * interlaced: at most one more filter byte and one more partial byte per
 * row and pass). */
static uint64_t
S_raw_max(uint32_t w, uint32_t h, unsigned bits)
{
	uint64_t rows = (uint64_t)h * (1 + ((uint64_t)w * bits + 7) / 8);
	return rows + 14 * (uint64_t)h + 64;
}

/* Inflate the IDAT chunks without keeping the output, stopping as soon as
 * it exceeds max: a few kilobytes that unpack to gigabytes (a
 * decompression bomb) cost no more than the image they claim to be. */
static const char *
S_inflate_check(const unsigned char *d, size_t n, uint64_t max)
{
	unsigned char out[16384];
	z_stream z;
	uint64_t total = 0;
	size_t off = 8;
	int rc = Z_OK;
	const char *why = NULL;

	memset(&z, 0, sizeof z);
	if (inflateInit(&z) != Z_OK)
		util_oom();
	while (off + 12 <= n && rc != Z_STREAM_END && why == NULL) {
		uint32_t len = S_be32(d + off);
		if (memcmp(d + off + 4, "IDAT", 4) == 0) {
			z.next_in = (unsigned char *)d + off + 8;
			z.avail_in = len;
			while (z.avail_in > 0 && rc != Z_STREAM_END) {
				z.next_out = out;
				z.avail_out = sizeof out;
				rc = inflate(&z, Z_NO_FLUSH);
				if (rc == Z_MEM_ERROR)
					util_oom();
				if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
					why = "图像数据损坏";
					break;
				}
				total += sizeof out - z.avail_out;
				if (total > max) {
					why = "图像数据解压后远大于图像本身（可能是解压炸弹）";
					break;
				}
				if (rc == Z_BUF_ERROR && z.avail_out > 0)
					break;
			}
		}
		off += 12 + (size_t)len;
	}
	inflateEnd(&z);
	return why;
}

/* NULL if the bytes are a usable PNG, else what is wrong; *large is set
 * when what is wrong is its size. */
static const char *
S_check(const unsigned char *d, size_t n, uint32_t *pw, uint32_t *ph,
    int *large, char *why, size_t whyn)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n',
	    0x1a, '\n' };
	size_t off = 8;
	int idat = 0;

	*large = 0;
	if (n < 8 + 25 || memcmp(d, sig, 8) != 0)
		return "文件头不是 PNG";
	if (S_be32(d + 8) != 13 || memcmp(d + 12, "IHDR", 4) != 0)
		return "缺少 IHDR";
	*pw = S_be32(d + 16);
	*ph = S_be32(d + 20);
	if (*pw == 0 || *ph == 0 || *pw > 0x7fffffffu || *ph > 0x7fffffffu)
		return "图像尺寸无效";
	unsigned depth = d[24], type = d[25];
	int ok = (type == 0 && (depth == 1 || depth == 2 || depth == 4 ||
	    depth == 8 || depth == 16)) ||
	    (type == 3 && (depth == 1 || depth == 2 || depth == 4 || depth == 8)) ||
	    ((type == 2 || type == 4 || type == 6) && (depth == 8 || depth == 16));
	if (!ok || d[26] != 0 || d[27] != 0 || d[28] > 1)
		return "IHDR 参数无效";
	uint64_t px = (uint64_t)*pw * *ph, max = S_max_pixels();
	if (px > max) {
		*large = 1;
		snprintf(why, whyn, "%u×%u 像素，共 %.1f 百万像素，超过上限 %.1f 百万像素",
		    *pw, *ph, px / 1e6, max / 1e6);
		return why;
	}
	while (off + 12 <= n) {
		uint32_t len = S_be32(d + off);
		if (len > n - off - 12)
			return "文件被截断";
		if (memcmp(d + off + 4, "IDAT", 4) == 0)
			idat = 1;
		if (memcmp(d + off + 4, "IEND", 4) == 0) {
			if (!idat)
				return "没有图像数据";
			unsigned ch = type == 2 ? 3 : type == 4 ? 2 : type == 6 ? 4 : 1;
			return S_inflate_check(d, n, S_raw_max(*pw, *ph, ch * depth));
		}
		off += 12 + (size_t)len;
	}
	return "文件被截断";
}

/* What was found of each file, by its identity on disk, and of each
 * data: URI, by its text. */
struct S_seen {
	char		*path;
	int		 uri;		/* a data: URI */
	dev_t		 dev;
	ino_t		 ino;
	off_t		 size;
	struct timespec	 mtime;
	int		 kind;		/* 0 ok, 1 bad, 2 too large, 3 not
					 * image/png, 4 undecodable data */
	uint32_t	 w, h;
	char		*why;
};
static struct S_seen *S_cache;
static size_t S_ncache;

static struct S_seen *
S_lookup(const char *path, const struct stat *st)
{
	for (size_t i = 0; i < S_ncache; i++) {
		struct S_seen *s = &S_cache[i];
		if (!s->uri && s->dev == st->st_dev && s->ino == st->st_ino &&
		    s->size == st->st_size &&
		    s->mtime.tv_sec == st->st_mtim.tv_sec &&
		    s->mtime.tv_nsec == st->st_mtim.tv_nsec &&
		    strcmp(s->path, path) == 0)
			return s;
	}
	return NULL;
}

/* A URL is not a file: wsdoc reads no network resource. */
static int
S_is_url(const char *path)
{
	static const char *const schemes[] = { "http:", "https:", "ftp:",
	    "file:", NULL };
	const char *base = path;

	/* the FO reader resolves src against the FO file's folder: look at
	 * each component */
	for (const char *p = path; *p; p++)
		if (p == path || p[-1] == '/') {
			base = p;
			for (const char *const *s = schemes; *s; s++)
				if (strncasecmp(base, *s, strlen(*s)) == 0)
					return 1;
		}
	return 0;
}

static struct S_seen *
S_new(const char *path)
{
	struct S_seen *s;

	S_cache = xreallocarray(S_cache, S_ncache + 1, sizeof *S_cache);
	s = &S_cache[S_ncache++];
	memset(s, 0, sizeof *s);
	s->path = xstrdup(path);
	return s;
}

/* A data: URI: its media type, then its bytes, decoded once per run. */
static struct S_seen *
S_data(const char *uri)
{
	struct S_seen *s;
	unsigned char *d;
	char type[64], why[160];
	const char *bad;
	size_t n;
	int large;

	for (size_t i = 0; i < S_ncache; i++)
		if (S_cache[i].uri && strcmp(S_cache[i].path, uri) == 0)
			return &S_cache[i];
	s = S_new(uri);
	s->uri = 1;
	if ((bad = datauri_type(uri, type, sizeof type)) != NULL) {
		s->kind = 4;
		s->why = xstrdup(bad);
	} else if (strcmp(type, "image/png") != 0) {
		s->kind = 3;
		s->why = xstrdup(type);
	} else if ((bad = datauri_decode(uri, S_MAX_BYTES, &d, &n, &large)) != NULL) {
		s->kind = large ? 2 : 4;
		s->why = large ? xasprintf("内嵌数据解码后超过上限 %u MB",
		    S_MAX_BYTES >> 20) : xstrdup(bad);
	} else {
		bad = S_check(d, n, &s->w, &s->h, &large, why, sizeof why);
		free(d);
		if (bad) {
			s->kind = large ? 2 : 1;
			s->why = xstrdup(bad);
		}
	}
	return s;
}

int
lay_png_size(struct lay *L, const char *path, int fo_line, double *w, double *h)
{
	struct stat st;
	struct S_seen *s;
	unsigned char *d;
	char why[160];
	char q[4 * 80 + 4];	/* the path as quoted: at most 80 characters */
	int fd, large;
	ssize_t r;
	size_t n = 0;

	if (datauri_is(path)) {
		s = S_data(path);
		goto found;
	}
	if (S_is_url(path)) {
		LAY_DIAG(L, W_LAY_GRAPHIC_URL, lay_file(L), fo_line, 0, datauri_quote(path, q));
		return -1;
	}
	/* Seen before, unchanged: not opened again. */
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    (s = S_lookup(path, &st)) != NULL)
		goto found;
	/* O_NONBLOCK and a regular file only: a FIFO or a device would
	 * block or never end. */
	if ((fd = file_open_input(path)) == -1) {
		if (errno == ENOENT || errno == ENOTDIR)
			LAY_DIAG(L, W_LAY_GRAPHIC_MISSING, lay_file(L), fo_line, 0, datauri_quote(path, q));
		else
			LAY_DIAG(L, W_LAY_GRAPHIC_BAD, lay_file(L), fo_line, 0, datauri_quote(path, q),
			    errno_text(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		close(fd);
		LAY_DIAG(L, W_LAY_GRAPHIC_MISSING, lay_file(L), fo_line, 0, datauri_quote(path, q));
		return -1;
	}
	if ((s = S_lookup(path, &st)) != NULL) {
		close(fd);
		goto found;
	}
	s = S_new(path);
	s->dev = st.st_dev;
	s->ino = st.st_ino;
	s->size = st.st_size;
	s->mtime = st.st_mtim;
	if ((uint64_t)st.st_size > S_MAX_BYTES) {
		close(fd);
		s->kind = 2;
		s->why = xasprintf("文件 %.1f MB，超过上限 %u MB",
		    st.st_size / 1048576.0, S_MAX_BYTES >> 20);
		goto found;
	}
	d = xmalloc((size_t)st.st_size + 1);
	while (n < (size_t)st.st_size &&
	    ((r = read(fd, d + n, (size_t)st.st_size - n)) > 0 ||
	    (r == -1 && errno == EINTR)))
		if (r > 0)
			n += (size_t)r;
	close(fd);
	const char *bad = S_check(d, n, &s->w, &s->h, &large, why, sizeof why);
	free(d);
	if (bad) {
		s->kind = large ? 2 : 1;
		s->why = xstrdup(bad);
	}
found:
	if (s->kind != 0) {
		static const enum diag_id id[] = { W_LAY_GRAPHIC_BAD,
		    W_LAY_GRAPHIC_BAD, W_LAY_GRAPHIC_LARGE, W_LAY_GRAPHIC_TYPE,
		    W_LAY_GRAPHIC_DATA };
		LAY_DIAG(L, id[s->kind], lay_file(L), fo_line, 0, datauri_quote(path, q), s->why);
		return -1;
	}
	/* CSS pixels: 96 per inch. */
	*w = s->w * 72.0 / 96.0;
	*h = s->h * 72.0 / 96.0;
	return 0;
}
