/* lay_image.c — what the layout needs of a PNG: that it is one (the
 * signature, an IHDR, chunks that fit the file up to IEND) and its size. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"
#include "../diag/diag.h"
#include "../util/util.h"

static uint32_t
S_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* NULL if the bytes are a usable PNG, else what is wrong. */
static const char *
S_check(const unsigned char *d, size_t n, uint32_t *pw, uint32_t *ph)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n',
	    0x1a, '\n' };
	size_t off = 8;
	int idat = 0;

	if (n < 8 + 25 || memcmp(d, sig, 8) != 0)
		return "文件头不是 PNG";
	if (S_be32(d + 8) != 13 || memcmp(d + 12, "IHDR", 4) != 0)
		return "缺少 IHDR";
	*pw = S_be32(d + 16);
	*ph = S_be32(d + 20);
	if (*pw == 0 || *ph == 0 || *pw > 100000 || *ph > 100000)
		return "图像尺寸无效";
	unsigned depth = d[24], type = d[25];
	int ok = (type == 0 && (depth == 1 || depth == 2 || depth == 4 ||
	    depth == 8 || depth == 16)) ||
	    (type == 3 && (depth == 1 || depth == 2 || depth == 4 || depth == 8)) ||
	    ((type == 2 || type == 4 || type == 6) && (depth == 8 || depth == 16));
	if (!ok || d[26] != 0 || d[27] != 0 || d[28] > 1)
		return "IHDR 参数无效";
	while (off + 12 <= n) {
		uint32_t len = S_be32(d + off);
		if (len > n - off - 12)
			return "文件被截断";
		if (memcmp(d + off + 4, "IDAT", 4) == 0)
			idat = 1;
		if (memcmp(d + off + 4, "IEND", 4) == 0)
			return idat ? NULL : "没有图像数据";
		off += 12 + (size_t)len;
	}
	return "文件被截断";
}

int
lay_png_size(struct lay *L, const char *path, int fo_line, double *w, double *h)
{
	size_t n;
	unsigned char *d = (unsigned char *)file_read(path, &n);
	uint32_t pw = 0, ph = 0;
	const char *why;
	char q[4 * 80 + 4];	/* the path, at most 80 characters */

	if (d == NULL) {
		LAY_DIAG(L, W_LAY_GRAPHIC_MISSING, lay_file(L), fo_line, 0,
		    utf8_cut(path, 80, q));
		return -1;
	}
	why = S_check(d, n, &pw, &ph);
	free(d);
	if (why != NULL) {
		LAY_DIAG(L, W_LAY_GRAPHIC_BAD, lay_file(L), fo_line, 0,
		    utf8_cut(path, 80, q), why);
		return -1;
	}
	/* CSS pixels: 96 per inch. */
	*w = pw * 72.0 / 96.0;
	*h = ph * 72.0 / 96.0;
	return 0;
}
