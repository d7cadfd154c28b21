/* roster_list.c — the workshops one year's published list shows (第五条第5款),
 * read from roster.xml as a stream.  publish needs a few fields of each
 * listed workshop, never the whole roster: a roster of thousands of
 * workshops is read one <workshop> at a time (libxml2's reader, validated
 * against forms/roster.rng as it goes) and each listed one is kept as a
 * short XML text of the elements the list prints, about 400 bytes.  The
 * documents handed to the stylesheets hold a slice of the list. */
#include "roster.h"

#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#include "../diag/diag.h"
#include "../input/input.h"
#include "../rules/rules.h"
#include "../util/util.h"

struct S_row {
	char	*id;
	char	*xml;		/* <workshop …>…</workshop>, pruned */
};

struct roster_list {
	char		 year[8];
	char		*path;		/* the roster, for messages */
	struct S_row	*rows;
	size_t		 n, cap;
};

/* Copy of n's element children named in names (NULL-terminated), each
 * whole, under a shallow copy of n. */
static xmlNode *
S_prune(const xmlNode *n, const char *const *names, xmlDoc *doc)
{
	xmlNode *copy = xmlDocCopyNode((xmlNode *)n, doc, 2);	/* attributes */

	for (xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		for (const char *const *k = names; *k; k++)
			if (xmlStrEqual(c->name, BAD_CAST *k)) {
				xmlAddChild(copy, xmlDocCopyNode(c, doc, 1));
				break;
			}
	}
	return copy;
}

/* The elements of a workshop the list prints (list.xsl, list-html.xsl,
 * the CSV): its name, the leader's name and unit, the members' names,
 * the areas and the status. */
static char *
S_row_xml(const xmlNode *ws, xmlDoc *scratch)
{
	static const char *const top[] = { "name", "areas", "status", NULL };
	static const char *const person[] = { "name", "unit", NULL };
	static const char *const member[] = { "name", NULL };
	xmlNode *w = S_prune(ws, top, scratch), *m;
	xmlNode *leader = rules_child(ws, "leader"), *members = rules_child(ws, "members");
	xmlBufferPtr b = xmlBufferCreate();
	char *out;

	if (leader)
		xmlAddChild(w, S_prune(leader, person, scratch));
	if (members) {
		m = xmlAddChild(w, xmlDocCopyNode(members, scratch, 2));
		for (xmlNode *c = members->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				xmlAddChild(m, S_prune(c, member, scratch));
	}
	xmlNodeDump(b, scratch, w, 0, 0);
	out = xstrdup((const char *)xmlBufferContent(b));
	xmlBufferFree(b);
	xmlFreeNode(w);
	return out;
}

static int
S_cmp_row(const void *a, const void *b)
{
	return strcmp(((const struct S_row *)a)->id, ((const struct S_row *)b)->id);
}

static void
S_rows_clear(struct roster_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->rows[i].id);
		free(l->rows[i].xml);
	}
	l->n = 0;
}

struct S_verr {
	char		 why[256];
	int		 got;
	int		 syntax;	/* not well-formed, or a DOCTYPE: not the schema's */
	long		 line;		/* of the schema's complaint */
	xmlTextReaderPtr rd;
};

/* want, if it is top or under it; else NULL.  Only pointers are compared:
 * want may have been freed. */
static xmlNode *
S_under(xmlNode *top, const xmlNode *want)
{
	xmlNode *c = top;

	while (c != NULL) {
		if (c == want)
			return c;
		if (c->type == XML_ELEMENT_NODE && c->children != NULL) {
			c = c->children;
			continue;
		}
		while (c != top && c->next == NULL)
			c = c->parent;
		c = c == top ? NULL : c->next;
	}
	return NULL;
}

static void
S_error(void *arg, xmlErrorPtr e)
{
	struct S_verr *v = arg;

	if (e->level < XML_ERR_ERROR || v->got++)
		return;
	if (e->domain == XML_FROM_RELAXNGV) {
		/* Not e->node as such: in libxml2 2.9 a stray text or an
		 * element's end is blamed on the element last begun, which
		 * the reader may have freed already.  The reader's node (an
		 * element begun or ended, or text) and what lies under it
		 * are alive. */
		xmlNode *cur = xmlTextReaderCurrentNode(v->rd);
		xmlNode *n = cur ? S_under(cur, e->node) : NULL;
		const char *name = "内容";
		long line;
		int k = 0;

		if (n == NULL)
			n = cur;
		/* xmlGetLineNo: past line 65535 e->line stops counting. */
		line = n ? xmlGetLineNo(n) : -1;
		v->line = line > 0 ? line : (long)e->line;
		if (n && n->type != XML_ELEMENT_NODE)
			n = n->parent;
		if (n && n->type == XML_ELEMENT_NODE && n->name)
			name = (const char *)n->name;
		/* The schema's names are short: quote 20 characters of
		 * another, whole, so that the message stays whole UTF-8. */
		for (int i = 0; name[k] && i < 20; i++)
			for (k++; ((unsigned char)name[k] & 0xC0) == 0x80; k++)
				;
		snprintf(v->why, sizeof v->why, "第%ld行的%.*s%s不符合 forms/roster.rng",
		    v->line, k, name, name[k] ? "……" : "");
	} else {
		snprintf(v->why, sizeof v->why, "第%d行 XML 有误", e->line);
		v->syntax = 1;
	}
}

struct roster_list *
roster_list_read(const char *path, const char *year)
{
	struct roster_list *l = xcalloc(1, sizeof *l);
	struct S_verr v = { "", 0, 0, 0, NULL };
	xmlRelaxNGPtr schema = roster_schema();
	xmlTextReaderPtr rd;
	xmlDoc *scratch = xmlNewDoc(BAD_CAST "1.0");
	struct stat st;
	int asked = year && *year, want = asked ? atoi(year) : 0;
	int best = -1, ret, depth1 = 0;	/* -1: no workshop yet (0000 is a year) */
	int fd = -1;

	l->path = xstrdup(path);

	if (schema == NULL) {
		diag(E_ROSTER_READ, path, 0, 0, path, "无法载入 forms/roster.rng，安装不完整", path);
		goto fail;
	}
	/* Opened here, not by libxml2: a folder is named as such (libxml2
	 * would print its own English), and the bytes are read as they are
	 * (its file reader inflates gzip unasked, as input_read_xml does not). */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1 || fstat(fd, &st) == -1) {
		diag(F_IO_OPEN, path, 0, 0, errno_text(errno));
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		diag(F_IO_ISDIR, path, 0, 0);
		goto fail;
	}
	/* No entity is substituted and no DTD loaded; a roster that has a
	 * document type declaration is refused below. */
	rd = xmlReaderForFd(fd, path, NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS |
	    XML_PARSE_BIG_LINES | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (rd == NULL) {
		diag(F_SYS_XML_MEMORY, path, 0, 0);
		goto fail;
	}
	v.rd = rd;
	xmlTextReaderSetStructuredErrorHandler(rd, S_error, &v);
	if (xmlTextReaderRelaxNGSetSchema(rd, schema) != 0) {
		xmlFreeTextReader(rd);
		diag(E_ROSTER_READ, path, 0, 0, path, "无法校验", path);
		goto fail;
	}
	while ((ret = xmlTextReaderRead(rd)) == 1) {
		int type = xmlTextReaderNodeType(rd), depth = xmlTextReaderDepth(rd);
		const xmlChar *name = xmlTextReaderConstLocalName(rd);

		if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
			snprintf(v.why, sizeof v.why, "名册不应有文档类型声明（<!DOCTYPE>）");
			v.got++;
			v.syntax = 1;
			break;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if (depth == 0) {
			if (!xmlStrEqual(name, BAD_CAST "roster")) {
				snprintf(v.why, sizeof v.why, "根元素不是 roster");
				v.got++;
				break;
			}
			depth1 = 1;
			continue;
		}
		if (depth != 1 || !xmlStrEqual(name, BAD_CAST "workshop"))
			continue;
		xmlNode *ws = xmlTextReaderExpand(rd);
		if (ws == NULL)
			break;
		xmlChar *y = xmlGetProp(ws, BAD_CAST "year");
		xmlChar *id = xmlGetProp(ws, BAD_CAST "id");
		char *state = roster_status(ws, "state");
		int yi = y ? atoi((const char *)y) : 0;
		/* Without a year asked for, the latest year's: rows of an
		 * earlier year are dropped when a later one appears. */
		if (!asked && yi > best) {
			best = yi;
			S_rows_clear(l);
		}
		if (id && yi == (asked ? want : best) &&
		    strcmp(state, ROSTER_REVOKED) != 0) {
			if (l->n == l->cap)
				l->rows = xreallocarray(l->rows,
				    l->cap = l->cap ? l->cap * 2 : 64, sizeof *l->rows);
			l->rows[l->n].id = xstrdup((const char *)id);
			l->rows[l->n].xml = S_row_xml(ws, scratch);
			l->n++;
		}
		xmlFree(y);
		xmlFree(id);
		free(state);
	}
	if (ret == 0 && !v.got && !depth1) {
		snprintf(v.why, sizeof v.why, "根元素不是 roster");
		v.got++;
	}
	if (ret == 0 && !v.got && xmlTextReaderIsValid(rd) != 1) {
		snprintf(v.why, sizeof v.why, "不符合 forms/roster.rng");
		v.got++;
	}
	if (ret == -1 && !v.got) {
		snprintf(v.why, sizeof v.why, "XML 有误");
		v.syntax = 1;
	}
	xmlFreeTextReader(rd);
	/* Malformed: the safe reader says where and what, as for every
	 * other input (E-XML-…, with line and column), then why the
	 * roster is refused.  Only on this path is the file read whole. */
	if (v.syntax) {
		xmlDocPtr d = input_read_xml(path);
		if (d == NULL)
			snprintf(v.why, sizeof v.why, "XML 有误，见上");
		xmlFreeDoc(d);
	}
	if (ret != 0 || v.got) {
		diag(E_ROSTER_READ, path, v.line > 0 && v.line < INT_MAX ?
		    (int)v.line : 0, 0, path, v.why, path);
		goto fail;
	}
	if (asked)
		snprintf(l->year, sizeof l->year, "%04d", want % 10000);
	else if (best >= 0)
		snprintf(l->year, sizeof l->year, "%04d", best % 10000);
	if (l->n > 1)
		qsort(l->rows, l->n, sizeof *l->rows, S_cmp_row);
	xmlFreeDoc(scratch);
	close(fd);	/* the reader leaves it open */
	return l;
fail:
	if (fd != -1)
		close(fd);
	xmlFreeDoc(scratch);
	roster_list_free(l);
	return NULL;
}

const char *
roster_list_year(const struct roster_list *l)
{
	return l->year;
}

const char *
roster_list_path(const struct roster_list *l)
{
	return l->path;
}

size_t
roster_list_count(const struct roster_list *l)
{
	return l->n;
}

xmlDoc *
roster_list_doc(const struct roster_list *l, size_t from, size_t n)
{
	struct buf b;
	xmlDoc *doc;

	buf_init(&b);
	buf_puts(&b, "<roster version=\"1\">");
	for (size_t i = from; i < l->n && i < from + n; i++)
		buf_puts(&b, l->rows[i].xml);
	buf_puts(&b, "</roster>");
	/* Our own text of nodes that were valid: nothing to distrust. */
	doc = xmlReadMemory(b.data, (int)b.len, "roster-list.xml", "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOBLANKS);
	buf_free(&b);
	if (doc == NULL) {
		fputs("wsdoc: 致命: 内存不足\n", stderr);
		exit(3);
	}
	return doc;
}

void
roster_list_free(struct roster_list *l)
{
	if (l == NULL)
		return;
	S_rows_clear(l);
	free(l->rows);
	free(l->path);
	free(l);
}
