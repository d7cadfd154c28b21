/* pngdiff.c — compare two page images with tolerance: the share of pixels
 * whose grey level differs by more than LEVEL (default 64).  Exit 0 when
 * the share is at most TOL percent (default 0.5), 1 when more or the sizes
 * differ, 2 on a read error.  Used by the golden page tests. */
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *
S_gray(const char *path, unsigned *w, unsigned *h)
{
	png_image img;
	unsigned char *px;

	memset(&img, 0, sizeof img);
	img.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_file(&img, path))
		return NULL;
	img.format = PNG_FORMAT_GRAY;
	px = malloc(PNG_IMAGE_SIZE(img));
	if (px == NULL || !png_image_finish_read(&img, NULL, px, 0, NULL)) {
		free(px);
		png_image_free(&img);
		return NULL;
	}
	*w = img.width;
	*h = img.height;
	return px;
}

int
main(int argc, char **argv)
{
	unsigned wa, ha, wb, hb;
	unsigned char *a, *b;
	double tol = argc > 3 ? atof(argv[3]) : 0.5;
	int level = argc > 4 ? atoi(argv[4]) : 64;
	size_t diff = 0, n;

	if (argc < 3) {
		fprintf(stderr, "usage: pngdiff A.png B.png [TOL%% [LEVEL]]\n");
		return 2;
	}
	if ((a = S_gray(argv[1], &wa, &ha)) == NULL ||
	    (b = S_gray(argv[2], &wb, &hb)) == NULL) {
		fprintf(stderr, "pngdiff: cannot read %s or %s\n", argv[1], argv[2]);
		return 2;
	}
	if (wa != wb || ha != hb) {
		printf("size %ux%u vs %ux%u\n", wa, ha, wb, hb);
		return 1;
	}
	n = (size_t)wa * ha;
	for (size_t i = 0; i < n; i++)
		if (abs((int)a[i] - (int)b[i]) > level)
			diff++;
	printf("%.3f%% of pixels differ\n", 100.0 * diff / n);
	free(a);
	free(b);
	return 100.0 * diff / n <= tol ? 0 : 1;
}
