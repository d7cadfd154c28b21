/* roster_table.c — plain-text tables for the terminal, aligned by display
 * width (East Asian wide characters take two columns). */
#include "roster.h"

#include <string.h>

#include "../util/util.h"

static int
S_wide(uint32_t c)
{
	return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
	    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	    (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

static size_t
S_width(const char *s)
{
	size_t w = 0, n = strlen(s), k;
	uint32_t c;

	while (n > 0) {
		if ((k = utf8_decode(s, n, &c)) == 0)
			k = 1, c = '?';
		w += S_wide(c) ? 2 : 1;
		s += k;
		n -= k;
	}
	return w;
}

void
roster_table(FILE *f, char *const *cells, size_t rows, size_t ncols)
{
	size_t *w = xcalloc(ncols, sizeof *w);

	for (size_t r = 0; r < rows; r++)
		for (size_t c = 0; c < ncols; c++) {
			size_t x = S_width(cells[r * ncols + c]);
			if (x > w[c])
				w[c] = x;
		}
	for (size_t r = 0; r < rows; r++) {
		for (size_t c = 0; c < ncols; c++) {
			const char *s = cells[r * ncols + c];
			fputs(s, f);
			if (c + 1 < ncols && !(c + 2 == ncols &&
			    *cells[r * ncols + c + 1] == '\0'))
				for (size_t p = S_width(s); p < w[c] + 2; p++)
					fputc(' ', f);
		}
		fputc('\n', f);
		if (r == 0) {
			size_t total = 0;
			/* the last column is ragged: rule it as wide as its heading */
			for (size_t c = 0; c < ncols; c++)
				total += c + 1 < ncols ? w[c] + 2 : S_width(cells[c]);
			for (size_t p = 0; p < total; p++)
				fputc('-', f);
			fputc('\n', f);
		}
	}
	free(w);
}
