/* bench_fo.c — performance figures of the FO engine for make bench (not a
 * test).  Built by the Makefile into build/bench_fo, linked with every
 * object but main.o.
 *
 *   bench_fo batch FO N       parse + lay out + render FO N times in this
 *                             process; key=value figures on one line
 *   bench_fo vary FO N        the same, but each document another
 *                             applicant's name (other characters, so no
 *                             cache of the last font subset helps)
 *   bench_fo --median FO N    batch, printing only the median ms
 *   bench_fo once FO          one document (after a warm-up of the fonts):
 *                             CPU ms per phase, wall ms in all
 *   bench_fo cold N PROG FO   run `PROG fo FO -o TMP` N times as separate
 *                             processes: median wall ms, peak RSS
 *
 * The batch renders the PDF into memory (pdf_render): the writing of the
 * file itself (fsync, rename) is measured by the cold runs. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <zlib.h>

#include "diag/diag.h"
#include "fo/fo.h"
#include "font/font.h"
#include "layout/area.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "util/util.h"

static int S_ndiag;
/* As wsdoc fo without --areas: no watermark, no boxes for the dump. */
static const struct lay_options S_opt = { NULL, 0, 1, NULL };

static void
S_count(const struct diag_msg *m, void *arg)
{
	(void)arg;
	if (S_ndiag++ < 5)
		fprintf(stderr, "bench_fo: %s %s: %s\n", diag_level_name(m->level),
		    diag_entry(m->id)->code, m->text);
}

static double
S_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CPU time of this process: unlike the wall clock, it does not count
 * the time other processes on a shared machine take the CPU from us. */
static double
S_cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Resident set size now, in KB (from /proc/self/statm). */
static long
S_rss_kb(void)
{
	long size, res;
	FILE *f = fopen("/proc/self/statm", "r");

	if (f == NULL)
		return -1;
	if (fscanf(f, "%ld %ld", &size, &res) != 2)
		res = -1;
	fclose(f);
	return res < 0 ? -1 : res * (sysconf(_SC_PAGESIZE) / 1024);
}

static long
S_peak_kb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static int
S_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The least any PDF of doc can weigh in glyphs: the deflated HarfBuzz
 * subset of every face for the characters drawn with it.  Separates what
 * the fonts cost from what the writer adds. */
static size_t
S_font_floor(const struct area_doc *doc)
{
	const struct font_face *faces[32];
	uint32_t *cps[32];
	size_t ncps[32], nfaces = 0, total = 0, i, j, k;

	for (size_t p = 0; p < doc->npages; p++)
		for (i = 0; i < doc->pages[p].nitems; i++) {
			const struct area_item *it = &doc->pages[p].items[i];
			size_t off = 0, m;
			uint32_t cp;
			if (it->kind != AREA_TEXT || it->u.text.utf8 == NULL)
				continue;
			for (j = 0; j < nfaces && faces[j] != it->u.text.face; j++)
				;
			if (j == nfaces) {
				if (nfaces == 32)
					continue;
				faces[nfaces] = it->u.text.face;
				cps[nfaces] = NULL;
				ncps[nfaces++] = 0;
			}
			while (off < it->u.text.len &&
			    (m = utf8_decode(it->u.text.utf8 + off,
			    it->u.text.len - off, &cp)) > 0) {
				off += m;
				for (k = 0; k < ncps[j] && cps[j][k] != cp; k++)
					;
				if (k == ncps[j]) {
					cps[j] = xreallocarray(cps[j], k + 1, sizeof **cps);
					cps[j][ncps[j]++] = cp;
				}
			}
		}
	for (j = 0; j < nfaces; j++) {
		size_t len;
		unsigned char *sub = font_subset(faces[j], cps[j], ncps[j], &len);
		if (sub != NULL) {
			uLongf zlen = compressBound(len);
			unsigned char *z = xmalloc(zlen);
			if (compress2(z, &zlen, sub, len, 9) == Z_OK)
				total += zlen;
			free(z);
			free(sub);
		}
		free(cps[j]);
	}
	return total;
}

/* One document from FO text in memory to PDF bytes in memory.  Returns
 * the PDF size, or 0 on failure; *pages gets the page count. */
static size_t
S_one(const char *data, size_t len, const char *name, size_t *pages,
    size_t *glyphs)
{
	struct fo_tree *t;
	struct area_doc *doc;
	unsigned char *pdf;
	size_t n = 0;

	if ((t = fo_parse_memory(data, len, name)) == NULL)
		return 0;
	if ((doc = lay_document(t, &S_opt)) != NULL) {
		*pages = doc->npages;
		if (glyphs != NULL)
			*glyphs = S_font_floor(doc);
		if ((pdf = pdf_render(doc, &n)) == NULL)
			n = 0;
		free(pdf);
		area_doc_free(doc);
	}
	fo_tree_free(t);
	return n;
}

static char *
S_load(const char *path, size_t *len)
{
	char *data = file_read(path, len);

	if (data == NULL) {
		fprintf(stderr, "bench_fo: %s: %s\n", path, strerror(errno));
		exit(3);
	}
	return data;
}

/* Candidates for the applicant's name in a batch of forms that differ:
 * common surname and given-name characters; those the form already
 * holds are skipped, so each document's characters differ from the
 * previous one's (as in a real year: every applicant another name). */
static const char S_namechars[] =
    "钱孙褚卫蒋沈韩杨朱秦尤许吕施孔曹严魏陶姜戚谢邹喻柏窦章苏潘葛奚范"
    "彭郎鲁韦昌马苗凤花俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安"
    "常乐于傅皮卞齐康伍余顾孟黄穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏戴宋";
#define S_PLACEHOLDER "张　三"	/* in form3.fo; 9 bytes, like "X　Y" */

/* Overwrite the applicant's name in buf (a copy of the form) with the
 * i-th name, and every 的 with another character; 0 if the form has no
 * such place. */
static int
S_rename(char *buf, const char *orig, size_t i)
{
	static char picks[256][4];
	static size_t npicks;
	char *at = strstr(buf, S_PLACEHOLDER);

	if (at == NULL)
		return 0;
	if (npicks == 0)
		for (size_t k = 0; k + 3 <= sizeof S_namechars - 1 && npicks < 256; k += 3) {
			memcpy(picks[npicks], S_namechars + k, 3);
			picks[npicks][3] = '\0';
			if (strstr(orig, picks[npicks]) == NULL)
				npicks++;
		}
	if (npicks < 2)
		return 0;
	memcpy(at, picks[i % npicks], 3);
	memcpy(at + 6, picks[(i / npicks + i % npicks + 1) % npicks], 3);
	/* and another character for every 的, so the 宋体 and 楷体 text
	 * changes too (another applicant writes other words) */
	for (at = strstr(buf, "的"); at != NULL; at = strstr(at + 3, "的"))
		memcpy(at, picks[(i + npicks / 2) % npicks], 3);
	return 1;
}

static int
S_batch(const char *path, int n, int median_only, int vary)
{
	size_t len, bytes = 0, pages = 0;
	char *orig = S_load(path, &len), *data = xstrndup(orig, len);
	double *ms = xreallocarray(NULL, n, sizeof *ms), t0, c0, total = 0;
	double *cpu = xreallocarray(NULL, n, sizeof *cpu);
	long rss[4] = { -1, -1, -1, -1 }, rss0;
	int i;

	if (vary && !S_rename(data, orig, 0)) {
		fprintf(stderr, "bench_fo: %s: no \"%s\" to vary\n", path, S_PLACEHOLDER);
		return 1;
	}
	rss0 = S_rss_kb();
	for (i = 0; i < n; i++) {
		if (vary) {
			memcpy(data, orig, len);
			S_rename(data, orig, (size_t)i);
		}
		t0 = S_now_ms();
		c0 = S_cpu_ms();
		bytes = S_one(data, len, path, &pages, NULL);
		cpu[i] = S_cpu_ms() - c0;
		ms[i] = S_now_ms() - t0;
		total += ms[i];
		if (bytes == 0) {
			fprintf(stderr, "bench_fo: %s: no PDF\n", path);
			return 1;
		}
		if (i + 1 == n / 4)
			rss[0] = S_rss_kb();
		if (i + 1 == n / 2)
			rss[1] = S_rss_kb();
		if (i + 1 == n)
			rss[2] = S_rss_kb();
	}
	size_t glyphs = 0;
	if (!median_only)
		S_one(data, len, path, &pages, &glyphs);
	double first = ms[0];
	qsort(ms, n, sizeof *ms, S_cmp);
	qsort(cpu, n, sizeof *cpu, S_cmp);
	if (median_only)
		printf("%.2f\n", ms[n / 2]);
	else
		printf("n=%d first_ms=%.2f median_ms=%.3f min_ms=%.3f p90_ms=%.3f "
		    "mean_ms=%.3f cpu_median_ms=%.3f cpu_min_ms=%.3f pdf_bytes=%zu pages=%zu rss_start_kb=%ld "
		    "rss_q1_kb=%ld rss_half_kb=%ld rss_end_kb=%ld peak_kb=%ld "
		    "font_floor_bytes=%zu diags=%d\n", n, first, ms[n / 2], ms[0], ms[n * 9 / 10],
		    total / n, cpu[n / 2], cpu[0], bytes, pages, rss0, rss[0], rss[1], rss[2],
		    S_peak_kb(), glyphs, S_ndiag);
	free(ms);
	free(cpu);
	free(data);
	free(orig);
	return 0;
}

/* One document, timed apart from loading the fonts (a tiny document
 * first), for the table sizes. */
static int
S_once(const char *path)
{
	static const char warm[] = "<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\">"
	    "<fo:layout-master-set><fo:simple-page-master master-name=\"p\">"
	    "<fo:region-body/></fo:simple-page-master></fo:layout-master-set>"
	    "<fo:page-sequence master-reference=\"p\"><fo:flow flow-name=\"xsl-region-body\">"
	    "<fo:block>预热<fo:inline font-family=\"黑体\">字体</fo:inline></fo:block>"
	    "</fo:flow></fo:page-sequence></fo:root>";
	size_t len, bytes, pages = 0;
	char *data = S_load(path, &len);
	double w0, t0, t1, t2, t3;
	long r0, r1, r2, r3;
	struct fo_tree *t;
	struct area_doc *doc;
	unsigned char *pdf;

	S_one(warm, sizeof warm - 1, "warm-up", &pages, NULL);
	r0 = S_rss_kb();
	w0 = S_now_ms();
	t0 = S_cpu_ms();
	if ((t = fo_parse_memory(data, len, path)) == NULL)
		return 1;
	t1 = S_cpu_ms();
	r1 = S_rss_kb();
	if ((doc = lay_document(t, &S_opt)) == NULL)
		return 1;
	t2 = S_cpu_ms();
	r2 = S_rss_kb();
	if ((pdf = pdf_render(doc, &bytes)) == NULL)
		return 1;
	t3 = S_cpu_ms();
	r3 = S_rss_kb();
	printf("rss_kb=%ld,%ld,%ld,%ld ", r0, r1, r2, r3);
	printf("wall_ms=%.1f total_ms=%.1f parse_ms=%.1f layout_ms=%.1f pdf_ms=%.1f "
	    "pages=%zu pdf_bytes=%zu peak_kb=%ld diags=%d\n", S_now_ms() - w0, t3 - t0, t1 - t0,
	    t2 - t1, t3 - t2, doc->npages, bytes, S_peak_kb(), S_ndiag);
	free(pdf);
	area_doc_free(doc);
	fo_tree_free(t);
	free(data);
	return 0;
}

static int
S_cold(int n, const char *prog, const char *fo)
{
	char out[] = "/tmp/bench_fo.XXXXXX";
	double *ms = xreallocarray(NULL, n, sizeof *ms), t0;
	double *cpu = xreallocarray(NULL, n, sizeof *cpu);
	long peak = 0;
	int fd, status, i, bad = 0;

	if ((fd = mkstemp(out)) < 0)
		return 3;
	close(fd);
	for (i = 0; i < n; i++) {
		struct rusage ru;
		pid_t pid;

		t0 = S_now_ms();
		if ((pid = fork()) == 0) {
			int null = open("/dev/null", O_WRONLY);
			dup2(null, 1);
			dup2(null, 2);
			execl(prog, prog, "fo", fo, "-o", out, (char *)NULL);
			_exit(127);
		}
		if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
			return 3;
		ms[i] = S_now_ms() - t0;
		cpu[i] = ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3 +
		    ru.ru_stime.tv_sec * 1e3 + ru.ru_stime.tv_usec / 1e3;
		if (!WIFEXITED(status) || WEXITSTATUS(status) > 1)
			bad++;
		if (ru.ru_maxrss > peak)
			peak = ru.ru_maxrss;
	}
	unlink(out);
	qsort(ms, n, sizeof *ms, S_cmp);
	qsort(cpu, n, sizeof *cpu, S_cmp);
	printf("n=%d median_ms=%.1f min_ms=%.1f max_ms=%.1f cpu_median_ms=%.1f "
	    "cpu_min_ms=%.1f peak_kb=%ld failed=%d\n", n, ms[n / 2], ms[0],
	    ms[n - 1], cpu[n / 2], cpu[0], peak, bad);
	free(ms);
	free(cpu);
	return bad ? 1 : 0;
}

/* What the glyphs of the FO's hanzi weigh in other faces: for each font
 * file (FILE or FILE:INDEX), the deflated subset (HarfBuzz, as the PDF
 * writer makes it; zlib -9) of every CJK character the document draws,
 * and the bytes per glyph.  Answers "would another face make the PDF
 * small?" with figures, not guesses. */
static int
S_glyphs(const char *path, int nfiles, char **files)
{
	size_t len, pages = 0, n = 0, cap = 0;
	char *data = S_load(path, &len);
	struct fo_tree *t;
	struct area_doc *doc;
	uint32_t *cps = NULL;
	static uint8_t seen[0x10000 / 8];

	if ((t = fo_parse_memory(data, len, path)) == NULL ||
	    (doc = lay_document(t, &S_opt)) == NULL)
		return 1;
	for (size_t p = 0; p < doc->npages; p++)
		for (size_t i = 0; i < doc->pages[p].nitems; i++) {
			const struct area_item *it = &doc->pages[p].items[i];
			size_t off = 0, m;
			uint32_t cp;
			if (it->kind != AREA_TEXT || it->u.text.utf8 == NULL)
				continue;
			while (off < it->u.text.len && (m = utf8_decode(
			    it->u.text.utf8 + off, it->u.text.len - off, &cp)) > 0) {
				off += m;
				/* CJK ideographs, symbols and punctuation, full-width forms */
				if (cp < 0x2e80 || cp > 0xffff || seen[cp >> 3] & (1 << (cp & 7)))
					continue;
				seen[cp >> 3] |= (uint8_t)(1 << (cp & 7));
				if (n == cap)
					cps = xreallocarray(cps, cap = cap ? cap * 2 : 256, sizeof *cps);
				cps[n++] = cp;
			}
		}
	pages = doc->npages;
	printf("%s: %zu pages, %zu distinct CJK characters\n", path, pages, n);
	printf("%-52s %8s %10s %8s\n", "face", "has", "deflated", "B/glyph");
	for (int f = 0; f < nfiles; f++) {
		char *file = xstrdup(files[f]), *colon = strrchr(file, ':');
		int index = 0;
		size_t sl = 0, covered = 0;
		if (colon && colon[1] >= '0' && colon[1] <= '9') {
			index = atoi(colon + 1);
			*colon = '\0';
		}
		unsigned char *sub = font_subset_file(file, index, cps, n, &sl, &covered);
		if (sub != NULL) {
			uLongf zl = compressBound(sl);
			unsigned char *z = xmalloc(zl);
			if (compress2(z, &zl, sub, sl, 9) == Z_OK)
				printf("%-52s %8zu %10lu %8lu\n", files[f], covered,
				    (unsigned long)zl, covered ? (unsigned long)zl / covered : 0);
			free(z);
			free(sub);
		}
		free(file);
	}
	free(cps);
	area_doc_free(doc);
	fo_tree_free(t);
	free(data);
	return 0;
}

int
main(int argc, char **argv)
{
	diag_set_sink(S_count, NULL);
	if (fonts_init() != 0)
		return 3;
	setenv("SOURCE_DATE_EPOCH", "1767225600", 0);
	if (argc == 4 && strcmp(argv[1], "batch") == 0)
		return S_batch(argv[2], atoi(argv[3]) > 0 ? atoi(argv[3]) : 1, 0, 0);
	if (argc == 4 && strcmp(argv[1], "vary") == 0)
		return S_batch(argv[2], atoi(argv[3]) > 0 ? atoi(argv[3]) : 1, 0, 1);
	if (argc == 4 && strcmp(argv[1], "--median") == 0)
		return S_batch(argv[2], atoi(argv[3]) > 0 ? atoi(argv[3]) : 1, 1, 0);
	if (argc == 3 && strcmp(argv[1], "once") == 0)
		return S_once(argv[2]);
	if (argc == 5 && strcmp(argv[1], "cold") == 0)
		return S_cold(atoi(argv[2]) > 0 ? atoi(argv[2]) : 1, argv[3], argv[4]);
	if (argc >= 4 && strcmp(argv[1], "glyphs") == 0)
		return S_glyphs(argv[2], argc - 3, argv + 3);
	fprintf(stderr, "usage: bench_fo batch|vary|--median FO N | once FO | cold N PROG FO | glyphs FO FONTFILE[:INDEX]...\n");
	return 2;
}
