/* input.c — reading a file of any input kind: XML or INI by content. */
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../diag/diag.h"
#include "../util/util.h"
#include "input_priv.h"

static const char *const S_roots[] = {
	[INPUT_UNKNOWN] = NULL,
	[INPUT_APPLICATION] = "application",
	[INPUT_MEMBER] = "member-application",
	[INPUT_EVALUATION] = "evaluation",
	[INPUT_DECISIONS] = "decisions",
	[INPUT_ROSTER] = "roster",
};

static const char *const S_labels[] = {
	[INPUT_UNKNOWN] = "未知",
	[INPUT_APPLICATION] = "主理人申报表",
	[INPUT_MEMBER] = "成员申报表",
	[INPUT_EVALUATION] = "评估表",
	[INPUT_DECISIONS] = "评估结论",
	[INPUT_ROSTER] = "名册",
};

const char *
input_kind_root(enum input_kind k)
{
	return k <= INPUT_ROSTER ? S_roots[k] : NULL;
}

const char *
input_kind_label(enum input_kind k)
{
	return k <= INPUT_ROSTER ? S_labels[k] : S_labels[INPUT_UNKNOWN];
}

enum input_kind
input_kind(const xmlDoc *doc)
{
	const xmlNode *root;

	if (doc == NULL)
		return INPUT_UNKNOWN;
	for (root = doc->children; root; root = root->next)
		if (root->type == XML_ELEMENT_NODE)
			break;
	if (root == NULL || root->ns != NULL)
		return INPUT_UNKNOWN;
	for (int k = INPUT_APPLICATION; k <= INPUT_ROSTER; k++)
		if (xmlStrEqual(root->name, BAD_CAST S_roots[k]))
			return k;
	return INPUT_UNKNOWN;
}

char *
input_slurp(const char *path, size_t *len)
{
	/* "-" may be a pipe; a named file must be a regular one (a FIFO
	 * would block, a device never end): ESPIPE otherwise. */
	return file_read_max(path, INPUT_MAX_FILE, len);
}

void
input_pos(const char *s, size_t off, int *line, int *col)
{
	size_t i, start = 0;
	int l = 1, c = 1;

	for (i = 0; i < off; i++)
		if (s[i] == '\n') {
			l++;
			start = i + 1;
		}
	for (i = start; i < off;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, off - i, &cp);
		i += n ? n : 1;
		c++;
	}
	*line = l;
	*col = c;
}

void
input_set_line(xmlNode *node, int line)
{
	node->line = line < 0 ? 0 : line > 65535 ? 65535 : (unsigned short)line;
}

/* Empty, or only white space (and a BOM). */
static int
S_blank(const char *p, size_t n)
{
	size_t i = 0;

	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
			return 0;
	return 1;
}

/* XML if the first thing after a BOM and white space is '<' (or the file
 * is UTF-16, which only XML may be). */
static int
S_looks_xml(const char *p, size_t n)
{
	size_t i = 0;

	if (n >= 2 && ((unsigned char)p[0] == 0xFF && (unsigned char)p[1] == 0xFE))
		return 1;
	if (n >= 2 && ((unsigned char)p[0] == 0xFE && (unsigned char)p[1] == 0xFF))
		return 1;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
		i++;
	return i < n && p[i] == '<';
}

/* Read the file or report why not; NULL after a diagnostic. */
static char *
S_load(const char *path, size_t *len)
{
	char *data = input_slurp(path, len);

	if (data == NULL) {
		const char *what;
		if (errno == EISDIR)
			diag(F_IO_ISDIR, path, 0, 0);
		else if (errno == ESPIPE && (what = input_file_kind(path)) != NULL)
			diag(E_IO_NOTFILE, path, 0, 0, what);
		else
			diag(F_IO_OPEN, path, 0, 0, errno_text(errno));
		return NULL;
	}
	if (S_blank(data, *len)) {
		diag(F_IO_EMPTY, path, 0, 0);
		free(data);
		return NULL;
	}
	return data;
}

/* UTF-16 with a byte-order mark (Notepad's "Unicode") as UTF-8 with a
 * BOM, or NULL if it does not convert. */
static char *
S_from_utf16(const char *data, size_t len, size_t *out_len)
{
	iconv_t cd = iconv_open("UTF-8", "UTF-16");	/* follows the BOM */
	size_t cap = len * 2 + 8, left, inleft = len;
	char *out, *op, *ip = (char *)data;

	if (cd == (iconv_t)-1)
		return NULL;
	out = xmalloc(cap);
	memcpy(out, "\xEF\xBB\xBF", 3);
	op = out + 3;
	left = cap - 4;
	if (iconv(cd, &ip, &inleft, &op, &left) == (size_t)-1 || inleft) {
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*op = '\0';
	*out_len = (size_t)(op - out);
	return out;
}

/* UTF-16 without a byte-order mark: 0 if not, else 1 little-endian, 2
 * big-endian.  Text never holds NUL; in UTF-16 every ASCII character (a
 * '<', a '[', a newline) has one, on the same side of its pair. */
static int
S_utf16_nobom(const char *p, size_t n)
{
	size_t zo = 0, ze = 0, k = n < 65536 ? n : 65536;

	if (n < 4 || n % 2 ||
	    ((unsigned char)p[0] == 0xFF && (unsigned char)p[1] == 0xFE) ||
	    ((unsigned char)p[0] == 0xFE && (unsigned char)p[1] == 0xFF))
		return 0;
	for (size_t i = 0; i + 1 < k; i += 2) {
		ze += p[i] == '\0';
		zo += p[i + 1] == '\0';
	}
	/* (a CJK character may have a zero byte too: U+4E00 一 is 00 4E) */
	if (zo >= 4 && zo > 8 * ze)
		return 1;
	if (ze >= 4 && ze > 8 * zo)
		return 2;
	return 0;
}

/* UTF-16 with its mark: an INI file converted here (W-INI-UTF16 unless
 * said already); XML in UTF-16 is libxml2's to read. */
static xmlDocPtr
S_read_utf16(const char *data, size_t len, const char *url, int said)
{
	size_t ulen;
	char *u = S_from_utf16(data, len, &ulen);
	xmlDocPtr doc;

	if (u == NULL || S_looks_xml(u, ulen)) {
		free(u);
		return input_read_xml_mem(data, len, url);
	}
	if (!said)
		diag(W_INI_UTF16, url, 0, 0);
	doc = input_read_ini_mem(u, ulen, url);
	free(u);
	return doc;
}

xmlDocPtr
input_read_mem(const char *data, size_t len, const char *url)
{
	int u16;

	if (S_blank(data, len)) {
		diag(F_IO_EMPTY, url, 0, 0);
		return NULL;
	}
	/* Named as what it is, then read as if it had its mark. */
	if ((u16 = S_utf16_nobom(data, len)) != 0) {
		char *m = xmalloc(len + 2);
		xmlDocPtr doc;
		memcpy(m, u16 == 1 ? "\xFF\xFE" : "\xFE\xFF", 2);
		memcpy(m + 2, data, len);
		diag(W_INPUT_UTF16_NOBOM, url, 1, 1,
		    u16 == 1 ? "UTF-16LE" : "UTF-16BE");
		doc = S_read_utf16(m, len + 2, url, 1);
		free(m);
		return doc;
	}
	if (len >= 2 && (((unsigned char)data[0] == 0xFF &&
	    (unsigned char)data[1] == 0xFE) || ((unsigned char)data[0] == 0xFE &&
	    (unsigned char)data[1] == 0xFF)))
		return S_read_utf16(data, len, url, 0);
	/* A .xml file with stray text before its root is still meant as XML:
	 * its errors should speak of XML, not of INI lines. */
	if (S_looks_xml(data, len) || (strlen(url) > 4 &&
	    strcasecmp(url + strlen(url) - 4, ".xml") == 0))
		return input_read_xml_mem(data, len, url);
	return input_read_ini_mem(data, len, url);
}

/* Load a file and hand its bytes to one of the memory readers. */
static xmlDocPtr
S_read_path(const char *path,
    xmlDocPtr (*read_mem)(const char *, size_t, const char *))
{
	xmlDocPtr doc;
	size_t len;
	char *data = S_load(path, &len);

	if (data == NULL)
		return NULL;
	doc = read_mem(data, len, path);
	free(data);
	return doc;
}

xmlDocPtr
input_read(const char *path)
{
	return S_read_path(path, input_read_mem);
}

xmlDocPtr
input_read_xml(const char *path)
{
	return S_read_path(path, input_read_xml_mem);
}

xmlDocPtr
input_read_ini(const char *path)
{
	return S_read_path(path, input_read_ini_mem);
}

/* Bytes to UTF-8 for the INI reader.  A file that is mostly valid UTF-8
 * is damaged UTF-8, not GB18030: report its first bad byte rather than
 * turn it into mojibake. */
char *
input_to_utf8(const char *data, size_t len, const char *url, size_t *out_len,
    int *converted)
{
	size_t bad, i, good = 0, nbad = 0;
	int bom = 0, line, col;

	*converted = 0;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
		bom = 1;
	}
	if ((bad = utf8_invalid_at(data, len)) == (size_t)-1)
		goto check_nul;
	for (i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(data + i, len - i, &cp);
		if (n == 0) {
			nbad++;
			i++;
		} else {
			good += n >= 3;
			i += n;
		}
	}
	if (!bom && good <= nbad) {
		iconv_t cd = iconv_open("UTF-8", "GB18030");
		if (cd != (iconv_t)-1) {
			size_t cap = len * 2 + 4, left = cap - 1, inleft = len;
			char *out = xmalloc(cap), *op = out, *ip = (char *)data;
			size_t r = iconv(cd, &ip, &inleft, &op, &left);
			iconv_close(cd);
			if (r != (size_t)-1 && inleft == 0) {
				size_t first = 0;
				*op = '\0';
				while (first < len && (unsigned char)data[first] < 0x80)
					first++;
				input_pos(data, first, &line, &col);
				diag(W_INI_GBK, url, line, col);
				*converted = 1;
				*out_len = (size_t)(op - out);
				if (memchr(out, '\0', *out_len)) {
					size_t z = (size_t)((char *)memchr(out, '\0', *out_len) - out);
					input_pos(out, z, &line, &col);
					diag(E_INI_NUL, url, line, col);
					free(out);
					return NULL;
				}
				return out;
			}
			free(out);
		}
	}
	input_pos(data, bad, &line, &col);
	diag(E_INI_ENCODING, url, line + 0, col, (unsigned char)data[bad]);
	return NULL;
check_nul:
	if (memchr(data, '\0', len)) {
		size_t z = (size_t)((const char *)memchr(data, '\0', len) - data);
		input_pos(data, z, &line, &col);
		diag(E_INI_NUL, url, line, col);
		return NULL;
	}
	*out_len = len;
	return xstrndup(data, len);
}
