/* include.c — the text of a file an INI value names with @file: plain text
 * (.txt, UTF-8 or GBK) or a Word document (.docx, its paragraphs, read
 * from the zip with libzip and the XML with libxml2).  Only regular files
 * (util's file_open_input): a FIFO, a device or a socket is refused,
 * never waited on.
 *
 * libzip is opened (dlopen) only when a .docx comes: linked, it and what
 * it pulls in (libcrypto, liblzma, libbz2) add 5 MB to every run's
 * address space, which the memory bounds of issue 15 count. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "../diag/diag.h"
#include "../util/util.h"
#include "input_priv.h"

const char *
input_file_kind(const char *path)
{
	struct stat st;

	if (stat(path, &st) == -1 || S_ISREG(st.st_mode))
		return NULL;
	if (S_ISFIFO(st.st_mode))
		return "命名管道（FIFO）";
	if (S_ISSOCK(st.st_mode))
		return "套接字";
	if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
		return "设备文件";
	if (S_ISDIR(st.st_mode))
		return "文件夹";
	return "特殊文件";
}

/* The text of the w:t, w:tab and w:br under a w:p, into b. */
static void
S_wtext(const xmlNode *n, struct buf *b)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(c->name, BAD_CAST "t")) {
			xmlChar *t = xmlNodeGetContent(c);
			if (t)
				buf_puts(b, (const char *)t);
			xmlFree(t);
		} else if (xmlStrEqual(c->name, BAD_CAST "tab") ||
		    xmlStrEqual(c->name, BAD_CAST "br"))
			buf_putc(b, ' ');
		else if (!xmlStrEqual(c->name, BAD_CAST "p"))
			S_wtext(c, b);
	}
}

/* Every w:p below n, in document order (tables' cells included), as
 * paragraphs separated by blank lines. */
static void
S_wparas(const xmlNode *n, struct buf *out)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(c->name, BAD_CAST "p")) {
			struct buf p;
			buf_init(&p);
			S_wtext(c, &p);
			if (p.len) {
				buf_append(out, p.data, p.len);
				buf_puts(out, "\n\n");
			}
			buf_free(&p);
		} else
			S_wparas(c, out);
	}
}

/* The libzip functions used here, found by dlsym. */
static struct {
	int	 tried, ok;
	void	*h;
	void	(*error_init)(zip_error_t *);
	void	(*error_fini)(zip_error_t *);
	zip_source_t *(*source_buffer_create)(const void *, zip_uint64_t, int,
		    zip_error_t *);
	void	(*source_free)(zip_source_t *);
	zip_t	*(*open_from_source)(zip_source_t *, int, zip_error_t *);
	void	(*stat_init)(zip_stat_t *);
	int	(*stat)(zip_t *, const char *, zip_flags_t, zip_stat_t *);
	zip_file_t *(*fopen)(zip_t *, const char *, zip_flags_t);
	zip_int64_t (*fread)(zip_file_t *, void *, zip_uint64_t);
	int	(*fclose)(zip_file_t *);
	int	(*close)(zip_t *);
} Z;

static int
S_zip_load(void)
{
	if (Z.tried)
		return Z.ok;
	Z.tried = 1;
	if ((Z.h = dlopen("libzip.so.4", RTLD_NOW | RTLD_LOCAL)) == NULL &&
	    (Z.h = dlopen("libzip.so", RTLD_NOW | RTLD_LOCAL)) == NULL)
		return 0;
#define SYM(f, n) (*(void **)&Z.f = dlsym(Z.h, n)) != NULL
	Z.ok = SYM(error_init, "zip_error_init") && SYM(error_fini, "zip_error_fini") &&
	    SYM(source_buffer_create, "zip_source_buffer_create") &&
	    SYM(source_free, "zip_source_free") &&
	    SYM(open_from_source, "zip_open_from_source") &&
	    SYM(stat_init, "zip_stat_init") && SYM(stat, "zip_stat") &&
	    SYM(fopen, "zip_fopen") && SYM(fread, "zip_fread") &&
	    SYM(fclose, "zip_fclose") && SYM(close, "zip_close");
#undef SYM
	return Z.ok;
}

char *
input_docx_text(const char *data, size_t len, size_t *out_len, int *nolib)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	zip_stat_t st;
	zip_file_t *f;
	char *xml = NULL, *text = NULL;
	xmlDocPtr doc;

	*nolib = 0;
	if (!S_zip_load()) {
		*nolib = 1;
		return NULL;
	}
	Z.error_init(&ze);
	if ((src = Z.source_buffer_create(data, len, 0, &ze)) == NULL) {
		Z.error_fini(&ze);
		return NULL;
	}
	if ((z = Z.open_from_source(src, ZIP_RDONLY, &ze)) == NULL) {
		Z.source_free(src);
		Z.error_fini(&ze);
		return NULL;
	}
	Z.error_fini(&ze);
	Z.stat_init(&st);
	/* the size the archive claims is checked, then the bytes read are
	 * bounded by it: no zip bomb gets past INPUT_MAX_FILE */
	if (Z.stat(z, "word/document.xml", 0, &st) == 0 &&
	    (st.valid & ZIP_STAT_SIZE) && st.size <= INPUT_MAX_FILE &&
	    (f = Z.fopen(z, "word/document.xml", 0)) != NULL) {
		xml = xmalloc((size_t)st.size + 1);
		zip_int64_t got = Z.fread(f, xml, st.size);
		Z.fclose(f);
		if (got == (zip_int64_t)st.size) {
			/* no DTD, no entities, no network */
			doc = xmlReadMemory(xml, (int)st.size, "document.xml", NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
			if (doc && xmlDocGetRootElement(doc)) {
				struct buf b;
				buf_init(&b);
				S_wparas(xmlDocGetRootElement(doc), &b);
				*out_len = b.len;
				buf_putc(&b, '\0');
				text = buf_detach(&b);
			}
			xmlFreeDoc(doc);
		}
		free(xml);
	}
	Z.close(z);
	return text;
}
