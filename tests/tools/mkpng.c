/* mkpng.c — PNG files for the image tests: `mkpng W H OUT` an RGB image
 * of W×H grey pixels, compressed as any PNG; `mkpng -b MB W H OUT` a W×H
 * image whose data inflates to MB megabytes (a decompression bomb).  Only
 * the image data is deflated: the file stays small whatever W and H. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static void
S_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static void
S_chunk(FILE *f, const char *type, const unsigned char *d, uint32_t n)
{
	unsigned char b[4];
	uLong crc = crc32(0, (const Bytef *)type, 4);

	if (n)
		crc = crc32(crc, d, n);
	S_be32(b, n);
	fwrite(b, 1, 4, f);
	fwrite(type, 1, 4, f);
	if (n)
		fwrite(d, 1, n, f);
	S_be32(b, (uint32_t)crc);
	fwrite(b, 1, 4, f);
}

int
main(int argc, char **argv)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	unsigned char ihdr[13], row[65536], *out;
	uint64_t total, rowlen, done = 0;
	unsigned long w, h;
	size_t cap = 1 << 20, len = 0;
	z_stream z;
	int bomb = 0;
	FILE *f;

	if (argc == 6 && strcmp(argv[1], "-b") == 0) {
		bomb = 1;
		total = strtoull(argv[2], NULL, 10) << 20;
		argv += 2;
		argc -= 2;
	}
	if (argc != 4 || (w = strtoul(argv[1], NULL, 10)) == 0 ||
	    (h = strtoul(argv[2], NULL, 10)) == 0) {
		fputs("usage: mkpng [-b MB] W H OUT\n", stderr);
		return 2;
	}
	rowlen = 1 + (uint64_t)w * 3;
	if (!bomb)
		total = rowlen * h;
	memset(&z, 0, sizeof z);
	if (deflateInit(&z, 9) != Z_OK || (out = malloc(cap)) == NULL)
		return 2;
	memset(row, 0x80, sizeof row);
	while (done < total) {
		uint64_t pos = done % rowlen, k = rowlen - pos;
		if (k > sizeof row)
			k = sizeof row;
		if (k > total - done)
			k = total - done;
		row[0] = pos == 0 ? 0 : 0x80;	/* filter byte None */
		z.next_in = row;
		z.avail_in = (uInt)k;
		done += k;
		do {
			if (cap - len < 65536 && (out = realloc(out, cap *= 2)) == NULL)
				return 2;
			z.next_out = out + len;
			z.avail_out = (uInt)(cap - len);
			deflate(&z, done == total ? Z_FINISH : Z_NO_FLUSH);
			len = cap - z.avail_out;
		} while (z.avail_in > 0 || (done == total && z.avail_out == 0));
	}
	deflateEnd(&z);
	S_be32(ihdr, (uint32_t)w);
	S_be32(ihdr + 4, (uint32_t)h);
	ihdr[8] = 8;	/* bits */
	ihdr[9] = 2;	/* RGB */
	ihdr[10] = ihdr[11] = ihdr[12] = 0;
	if ((f = fopen(argv[3], "wb")) == NULL)
		return 2;
	fwrite(sig, 1, 8, f);
	S_chunk(f, "IHDR", ihdr, 13);
	S_chunk(f, "IDAT", out, (uint32_t)len);
	S_chunk(f, "IEND", NULL, 0);
	free(out);
	return fclose(f) == 0 ? 0 : 2;
}
