/* ini_include.c — a value "@file" of the INI reader: the paragraphs of
 * a file beside the INI file (.txt, .docx; include.c reads its text),
 * only in the INI file's folder or below, never through a hard link.
 * For the INI reader's files, see ini_priv.h. */
#include "input.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../diag/diag.h"
#include "../util/util.h"
#include "ini_priv.h"
#include "input_priv.h"

/* One line of a file joined to the paragraph so far: no space between
 * Chinese characters, one between Latin words. */
static void
S_join(struct buf *para, const char *b, const char *e)
{
	if (para->len && e > b) {
		uint32_t last = 0, first = 0;
		size_t i = para->len;
		while (i > 0 && (para->data[i - 1] & 0xC0) == 0x80)
			i--;
		if (i > 0)
			i--;
		utf8_decode(para->data + i, para->len - i, &last);
		utf8_decode(b, (size_t)(e - b), &first);
		if (last < 0x2E80 && first < 0x2E80)
			buf_putc(para, ' ');
	}
	buf_append(para, b, (size_t)(e - b));
}

/* input_ini_includes: 0 while nothing may be read beside the input. */
static int S_includes = 1;

void
input_ini_includes(int on)
{
	S_includes = on;
}

/* A format of file that @file does not read, said by its first bytes or
 * its name ("Word 97-2003 文档（.doc）"); NULL for text or .docx. */
static const char *
S_format(const char *name, const char *raw, size_t len)
{
	static const struct {
		const char *ext, *what;
	} exts[] = {
		{ ".doc", "Word 97-2003 文档（.doc）" }, { ".wps", "WPS 文档（.wps）" },
		{ ".pdf", "PDF 文件" }, { ".rtf", "RTF 文档" },
		{ ".odt", "OpenDocument 文档（.odt）" }, { ".xls", "Excel 表格" },
		{ ".xlsx", "Excel 表格" }, { ".pptx", "PowerPoint 演示文稿" },
	};
	size_t n = strlen(name);

	if (len >= 4 && memcmp(raw, "\xD0\xCF\x11\xE0", 4) == 0)
		return "Word 97-2003 或 WPS 的旧格式文档";
	if (len >= 5 && memcmp(raw, "%PDF-", 5) == 0)
		return "PDF 文件";
	if (len >= 5 && memcmp(raw, "{\\rtf", 5) == 0)
		return "RTF 文档";
	for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
		size_t e = strlen(exts[i].ext);
		if (n > e && strcasecmp(name + n - e, exts[i].ext) == 0)
			return exts[i].what;
	}
	return NULL;
}

/* @file: the paragraphs of a file beside the INI file (.txt, .docx). */
void
ini_include(struct ini *ini, const struct ini_kv *kv, struct paras *ps)
{
	const char *rel = kv->value + 1;
	char *dir, *path, *rdir = NULL, *rpath = NULL, *raw = NULL, *text = NULL;
	const char *what;
	size_t len, tlen;
	struct stat st;
	int conv;

	while (*rel == ' ' || *rel == '\t')
		rel++;
	/* A form sent to wsdoc serve names no file of the server's. */
	if (!S_includes) {
		diag(E_INI_INCLUDE_OFF, ini->url, kv->line, kv->vcol, kv->value);
		return;
	}
	if (*rel == '\0') {
		diag(E_INI_INCLUDE_PATH, ini->url, kv->line, kv->vcol, kv->value);
		return;
	}
	/* Only files in the INI file's folder or below: an INI file sent by
	 * someone else must not pull in this machine's files. */
	if (rel[0] == '/' || strcmp(rel, "..") == 0 ||
	    strncmp(rel, "../", 3) == 0 || strstr(rel, "/../") ||
	    (strlen(rel) >= 3 && strcmp(rel + strlen(rel) - 3, "/..") == 0)) {
		diag(E_INI_INCLUDE_PATH, ini->url, kv->line, kv->vcol, rel);
		return;
	}
	dir = strcmp(ini->url, "-") == 0 ? xstrdup(".") : path_dirname(ini->url);
	path = strcmp(dir, ".") == 0 ? xstrdup(rel) : path_join(dir, rel);
	rdir = realpath(dir, NULL);
	rpath = realpath(path, NULL);
	if (rpath == NULL) {
		diag(E_INI_INCLUDE_READ, ini->url, kv->line, kv->vcol, rel,
		    errno_text(errno));
		goto out;
	}
	if (rdir == NULL || strncmp(rpath, rdir, strlen(rdir)) != 0 ||
	    (rpath[strlen(rdir)] != '/' && strcmp(rdir, "/") != 0)) {
		diag(E_INI_INCLUDE_PATH, ini->url, kv->line, kv->vcol, rel);
		goto out;
	}
	/* A hard link is in the folder by its name only: its other name may
	 * be any file of this machine (root can link /etc/shadow). */
	if (stat(rpath, &st) == 0 && !S_ISDIR(st.st_mode) && st.st_nlink > 1) {
		diag(E_INI_INCLUDE_LINK, ini->url, kv->line, kv->vcol, rel,
		    (unsigned long)st.st_nlink);
		goto out;
	}
	if ((raw = input_slurp(rpath, &len)) == NULL) {
		int e = errno;
		if (e == ESPIPE && (what = input_file_kind(rpath)) != NULL)
			diag(E_INI_INCLUDE_KIND, ini->url, kv->line, kv->vcol,
			    rel, what);
		else
			diag(E_INI_INCLUDE_READ, ini->url, kv->line, kv->vcol,
			    rel, errno_text(e));
		goto out;
	}
	if ((what = S_format(rel, raw, len)) != NULL) {
		diag(E_INI_INCLUDE_FORMAT, ini->url, kv->line, kv->vcol, rel, what);
		goto out;
	}
	if (len >= 4 && memcmp(raw, "PK\3\4", 4) == 0) {
		int nolib;
		if ((text = input_docx_text(raw, len, &tlen, &nolib)) == NULL) {
			diag(E_INI_INCLUDE_FORMAT, ini->url, kv->line, kv->vcol,
			    rel, nolib ? "Word 文档，而这台机器缺少读取它的 libzip"
			    "（apt-get install libzip4）" : "压缩包而不是 Word 文档");
			goto out;
		}
	} else if ((text = input_to_utf8(raw, len, path, &tlen, &conv)) == NULL)
		goto out;
	ini_strip(path, text, 1, 1);
	tlen = strlen(text);
	{
		struct buf para;
		const char *p = text, *end = text + tlen;

		buf_init(&para);
		while (p <= end) {
			const char *lb = p, *le = memchr(p, '\n', (size_t)(end - p));
			if (le == NULL)
				le = end;
			p = le + 1;
			ini_trim(&lb, &le);
			if (lb == le) {
				if (para.len)
					ini_para_add(ps, buf_detach(&para), kv->line, kv->kcol);
				if (p > end)
					break;
				continue;
			}
			S_join(&para, lb, le);
		}
		if (para.len)
			ini_para_add(ps, buf_detach(&para), kv->line, kv->kcol);
		buf_free(&para);
	}
out:
	free(dir);
	free(path);
	free(rdir);
	free(rpath);
	free(raw);
	free(text);
}
