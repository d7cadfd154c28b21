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

/* Cut s into lines of at most w columns (a character wider than w alone
 * on its line); returns the count, *lines the pieces (new strings). */
static size_t
S_wrap(const char *s, size_t w, char ***lines)
{
	size_t n = 0, len = strlen(s);

	*lines = NULL;
	do {
		size_t used = 0, k = 0, step;
		uint32_t c;
		while (k < len) {
			if ((step = utf8_decode(s + k, len - k, &c)) == 0)
				step = 1, c = '?';
			size_t cw = S_wide(c) ? 2 : 1;
			if (used + cw > w && k > 0)
				break;
			used += cw;
			k += step;
		}
		*lines = xreallocarray(*lines, n + 1, sizeof **lines);
		(*lines)[n++] = xstrndup(s, k);
		s += k;
		len -= k;
	} while (len > 0);
	return n;
}

void
roster_table(FILE *f, char *const *cells, size_t rows, size_t ncols)
{
	roster_table_notes(f, cells, rows, ncols, 0);
}

void
roster_table_notes(FILE *f, char *const *cells, size_t rows, size_t stride,
    int notes)
{
	size_t ncols = notes ? stride - 1 : stride;
	size_t *w = xcalloc(ncols, sizeof *w), total = 0;

	for (size_t r = 0; r < rows; r++)
		for (size_t c = 0; c < ncols; c++) {
			size_t x = S_width(cells[r * stride + c]);
			if (x > w[c])
				w[c] = x;
		}
	/* Fit the terminal: the widest column gives a column at a time, down
	 * to its heading's width (and at least 8); its cells wrap. */
	for (size_t c = 0; c < ncols; c++)
		total += c + 1 < ncols ? w[c] + 2 : w[c];
	while (total > ROSTER_TABLE_WIDTH) {
		size_t best = ncols;
		for (size_t c = 0; c < ncols; c++) {
			size_t min = S_width(cells[c]) > 8 ? S_width(cells[c]) : 8;
			if (w[c] > min && (best == ncols || w[c] > w[best]))
				best = c;
		}
		if (best == ncols)
			break;
		w[best]--;
		total--;
	}
	for (size_t r = 0; r < rows; r++) {
		char ***lines = xcalloc(ncols, sizeof *lines);
		size_t *nl = xcalloc(ncols, sizeof *nl), height = 1;
		for (size_t c = 0; c < ncols; c++) {
			nl[c] = S_wrap(cells[r * stride + c], w[c], &lines[c]);
			if (nl[c] > height)
				height = nl[c];
		}
		for (size_t k = 0; k < height; k++) {
			size_t last = ncols;	/* the last column with text */
			for (size_t c = 0; c < ncols; c++)
				if (k < nl[c] && *lines[c][k])
					last = c;
			for (size_t c = 0; c < ncols && last < ncols && c <= last; c++) {
				const char *t = k < nl[c] ? lines[c][k] : "";
				fputs(t, f);
				if (c < last)
					for (size_t p = S_width(t); p < w[c] + 2; p++)
						fputc(' ', f);
			}
			fputc('\n', f);
		}
		for (size_t c = 0; c < ncols; c++) {
			for (size_t k = 0; k < nl[c]; k++)
				free(lines[c][k]);
			free(lines[c]);
		}
		free(lines);
		free(nl);
		/* the note under its row, from the second column on */
		const char *note = notes && r > 0 ? cells[r * stride + ncols] : "";
		if (*note) {
			size_t in = w[0] + 2, k;
			char **nlines;
			k = S_wrap(note, ROSTER_TABLE_WIDTH - in, &nlines);
			for (size_t q = 0; q < k; q++) {
				fprintf(f, "%*s%s\n", (int)in, "", nlines[q]);
				free(nlines[q]);
			}
			free(nlines);
		}
		if (r == 0) {
			size_t rule = 0;
			/* the last column is ragged: rule it as wide as its heading */
			for (size_t c = 0; c < ncols; c++)
				rule += c + 1 < ncols ? w[c] + 2 : S_width(cells[c]);
			for (size_t p = 0; p < rule; p++)
				fputc('-', f);
			fputc('\n', f);
		}
	}
	free(w);
}

/* One CSV field (RFC 4180), a leading = + - @ made text with ' so that a
 * spreadsheet does not run it as a formula. */
static void
S_csv_field(struct buf *b, const char *s, int last)
{
	int q = strpbrk(s, ",\"\r\n") != NULL;

	if (q)
		buf_putc(b, '"');
	if (strchr("=+-@", *s) && *s)
		buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	if (q)
		buf_putc(b, '"');
	buf_puts(b, last ? "\r\n" : ",");
}

char *
roster_csv(char *const *cells, size_t rows, size_t ncols, size_t *len)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "\xEF\xBB\xBF");	/* BOM: Excel and WPS read UTF-8 */
	for (size_t r = 0; r < rows; r++)
		for (size_t c = 0; c < ncols; c++)
			S_csv_field(&b, cells[r * ncols + c], c + 1 == ncols);
	*len = b.len;
	return buf_detach(&b);
}
