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

#define ROSTER_LIST_MAX	100000

struct S_row {
	char	*id;
	char	*xml;		/* <workshop …>…</workshop>, pruned */
};

struct roster_list {
	char		 year[8];
	char		 date[16];	/* the latest admission listed, "" if none */
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
/* The value a field had when admitted: the "from" of its first approved
 * change in the history, or NULL if it never changed. */
static xmlChar *
S_admitted(const xmlNode *ws, const char *field)
{
	xmlNode *h = rules_child(ws, "history");

	for (xmlNode *c = h ? h->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST "change")) {
			xmlChar *f = xmlGetProp(c, BAD_CAST "field");
			int hit = f && xmlStrEqual(f, BAD_CAST field);
			xmlFree(f);
			if (hit)
				return xmlGetProp(c, BAD_CAST "from");
		}
	return NULL;
}

static char *
S_row_xml(const xmlNode *ws, xmlDoc *scratch, int admitted)
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
	/* The notice as issued: the name and leader it was admitted with. */
	for (const char *const *f = admitted ? (const char *const[]){ "name",
	    "leader", NULL } : (const char *const[]){ NULL }; *f; f++) {
		xmlChar *was = S_admitted(ws, *f);
		xmlNode *at = strcmp(*f, "name") == 0 ? rules_child(w, "name") :
		    rules_path(w, "leader/name");
		if (was && *was && at)
			xmlNodeSetContent(at, was);
		xmlFree(was);
	}
	if (members) {
		m = xmlAddChild(w, xmlDocCopyNode(members, scratch, 2));
		for (xmlNode *c = members->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				xmlAddChild(m, S_prune(c, member, scratch));
	}
	/* libxml2 2.9 frees the buffer's content itself when xmlNodeDump
	 * runs out of memory (then xmlBufferFree was a double free, the
	 * publish crash of issue 15): stop there, before freeing it. */
	if (b == NULL || xmlNodeDump(b, scratch, w, 0, 0) < 0)
		util_oom();
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
	/* Validation, one top-level element at a time (S_valid). */
	xmlDoc		*shell;		/* <roster …> with its attributes only */
	xmlNode		*copy;		/* the element checked, in shell */
	xmlNode		*orig;		/* the same, in the reader's tree */
	long		 root_line;
};

/* The reader's own syntax errors (the schema is not its business). */
static void
S_error(void *arg, xmlErrorPtr e)
{
	struct S_verr *v = arg;

	if (e->level < XML_ERR_ERROR || v->got++)
		return;
	snprintf(v->why, sizeof v->why, "第%d行 XML 有误", e->line);
	v->syntax = 1;
}

/* The node of the reader's tree that n of the copy stands for: the same
 * path of child indexes from the element checked. */
static xmlNode *
S_orig_of(const struct S_verr *v, const xmlNode *n)
{
	size_t path[64], depth = 0;
	xmlNode *o;

	for (; n != NULL && n != v->copy; n = n->parent) {
		size_t i = 0;
		if (n->type == XML_ATTRIBUTE_NODE || depth == 64)
			continue;	/* an attribute: its element's line */
		for (const xmlNode *p = n->prev; p; p = p->prev)
			i++;
		path[depth++] = i;
	}
	if (n == NULL)		/* not under the element: the root */
		return NULL;
	o = v->orig;
	while (depth > 0 && o != NULL) {
		size_t i = path[--depth];
		for (o = o->children; o && i > 0; i--)
			o = o->next;
	}
	return o;
}

/* The schema's complaint, placed at its line in the file. */
static void
S_rng_error(void *arg, xmlErrorPtr e)
{
	struct S_verr *v = arg;
	const xmlNode *n;
	xmlNode *o;
	const char *name = NULL;
	long line = -1;
	int attrs;

	if (e->level < XML_ERR_ERROR || v->got++)
		return;
	n = roster_schema_node(e, &attrs);
	if ((o = n ? S_orig_of(v, n) : NULL) != NULL) {
		/* xmlGetLineNo: past line 65535 e->line stops counting. */
		line = xmlGetLineNo(o);
		n = o;
	}
	v->line = line > 0 ? line : v->root_line;
	if (n && n->type != XML_ELEMENT_NODE)
		n = n->parent;
	if (n && n->type == XML_ELEMENT_NODE && n->name)
		name = (const char *)n->name;
	roster_schema_why(v->why, sizeof v->why, v->line, name, attrs);
}

/* Validate the roster's root with one top-level element of it (orig, or
 * none): forms/roster.rng's root is attributes and zero or more
 * independent <workshop>s, so a file is valid when its root alone and
 * each element under it are.  The element is checked as a copy in a
 * small document of its own while the reader still holds it: libxml2's
 * streaming validation names, in its errors, nodes the reader has
 * already freed.  0, or -1 with v->why. */
static int
S_valid(struct S_verr *v, xmlRelaxNGPtr schema, xmlNode *orig)
{
	xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
	int rc;

	if (vc == NULL) {
		snprintf(v->why, sizeof v->why, "内存不足，无法校验");
		v->got++;
		return -1;
	}
	v->orig = orig;
	v->copy = orig ? xmlAddChild(xmlDocGetRootElement(v->shell),
	    xmlDocCopyNode(orig, v->shell, 1)) : NULL;
	xmlRelaxNGSetValidStructuredErrors(vc, S_rng_error, v);
	rc = xmlRelaxNGValidateDoc(vc, v->shell);
	xmlRelaxNGFreeValidCtxt(vc);
	if (v->copy) {
		xmlUnlinkNode(v->copy);
		xmlFreeNode(v->copy);
		v->copy = NULL;
	}
	if (rc != 0 && !v->got) {
		snprintf(v->why, sizeof v->why, "不符合 forms/roster.rng");
		v->got++;
	}
	return rc == 0 ? 0 : -1;
}

/* Only white space. */
static int
S_blank(const xmlChar *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

struct roster_list *
roster_list_read(const char *path, const char *year)
{
	return roster_list_read_mode(path, year, ROSTER_LIST_YEAR);
}

struct roster_list *
roster_list_read_mode(const char *path, const char *year, int mode)
{
	struct roster_list *l = xcalloc(1, sizeof *l);
	struct S_verr v;
	xmlRelaxNGPtr schema = roster_schema();
	xmlTextReaderPtr rd;
	xmlDoc *scratch = xmlNewDoc(BAD_CAST "1.0");
	struct stat st;
	int asked = year && *year, want = asked ? atoi(year) : 0;
	int best = -1, ret, depth1 = 0;	/* -1: no workshop yet (0000 is a year) */
	int fd = -1;

	memset(&v, 0, sizeof v);
	v.shell = xmlNewDoc(BAD_CAST "1.0");
	l->path = xstrdup(path);

	if (schema == NULL) {
		diag(E_ROSTER_READ, path, 0, 0, path, "无法载入 forms/roster.rng，安装不完整", path);
		goto fail;
	}
	/* Opened here, not by libxml2: a folder is named as such (libxml2
	 * would print its own English), and the bytes are read as they are
	 * (its file reader inflates gzip unasked, as input_read_xml does not). */
	/* A regular file only, opened without blocking (a FIFO waits
	 * for ever). */
	if ((fd = file_open_input(path)) == -1 || fstat(fd, &st) == -1) {
		if (errno == EISDIR)
			diag(F_IO_ISDIR, path, 0, 0);
		else
			diag(F_IO_OPEN, path, 0, 0, errno_text(errno));
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
	xmlTextReaderSetStructuredErrorHandler(rd, S_error, &v);
	ret = xmlTextReaderRead(rd);
	while (ret == 1 && !v.got) {
		int type = xmlTextReaderNodeType(rd), depth = xmlTextReaderDepth(rd);
		const xmlChar *name = xmlTextReaderConstLocalName(rd);

		if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
			snprintf(v.why, sizeof v.why, "名册不应有文档类型声明（<!DOCTYPE>）");
			v.got++;
			v.syntax = 1;
			break;
		}
		if (depth == 0 && type == XML_READER_TYPE_ELEMENT) {
			if (!xmlStrEqual(name, BAD_CAST "roster")) {
				snprintf(v.why, sizeof v.why, "根元素不是 roster");
				v.got++;
				break;
			}
			/* The root with its attributes, checked alone. */
			depth1 = 1;
			v.root_line = xmlTextReaderGetParserLineNumber(rd);
			xmlDocSetRootElement(v.shell, xmlDocCopyNode(
			    xmlTextReaderCurrentNode(rd), v.shell, 2));
			if (S_valid(&v, schema, NULL) == -1)
				break;
			ret = xmlTextReaderRead(rd);
			continue;
		}
		if (depth == 1 && (type == XML_READER_TYPE_TEXT ||
		    type == XML_READER_TYPE_CDATA) &&
		    !S_blank(xmlTextReaderConstValue(rd))) {
			v.line = xmlTextReaderGetParserLineNumber(rd);
			roster_schema_why(v.why, sizeof v.why, v.line, "roster", 0);
			v.got++;
			break;
		}
		if (depth != 1 || type != XML_READER_TYPE_ELEMENT) {
			ret = xmlTextReaderRead(rd);
			continue;
		}
		xmlNode *ws = xmlTextReaderExpand(rd);
		if (ws == NULL) {	/* malformed inside: S_error said so */
			if (!v.got) {
				snprintf(v.why, sizeof v.why, "XML 有误");
				v.got++;
			}
			v.syntax = 1;
			break;
		}
		if (S_valid(&v, schema, ws) == -1)
			break;
		if (!xmlStrEqual(name, BAD_CAST "workshop")) {
			ret = xmlTextReaderNext(rd);
			continue;
		}
		xmlChar *y = xmlGetProp(ws, BAD_CAST "year");
		xmlChar *id = xmlGetProp(ws, BAD_CAST "id");
		char *state = roster_status(ws, "state");
		int yi = y ? atoi((const char *)y) : 0;
		/* Without a year asked for, the latest year's: rows of an
		 * earlier year are dropped when a later one appears. */
		if (!asked && yi > best && mode != ROSTER_LIST_CURRENT) {
			best = yi;
			S_rows_clear(l);
			l->date[0] = '\0';
		}
		int listed = mode == ROSTER_LIST_CURRENT ?
		    strcmp(state, ROSTER_REVOKED) != 0 :
		    yi == (asked ? want : best) && (mode == ROSTER_LIST_ADMITTED ||
		    strcmp(state, ROSTER_REVOKED) != 0);
		if (mode == ROSTER_LIST_CURRENT && !asked && yi > best)
			best = yi;	/* kept whatever the year */
		if (id && listed) {
			/* Ids run to 99 a year: a list past ROSTER_LIST_MAX
			 * is not a roster wsdoc wrote, and must not take
			 * all the memory there is. */
			if (l->n == ROSTER_LIST_MAX) {
				snprintf(v.why, sizeof v.why,
				    "一个年度列入名单的工作坊超过 %d 个（编号每年至多 99 个），不是 wsdoc 写出的名册",
				    ROSTER_LIST_MAX);
				v.got++;
				xmlFree(y);
				xmlFree(id);
				free(state);
				break;
			}
			if (l->n == l->cap)
				l->rows = xreallocarray(l->rows,
				    l->cap = l->cap ? l->cap * 2 : 64, sizeof *l->rows);
			l->rows[l->n].id = xstrdup((const char *)id);
			l->rows[l->n].xml = S_row_xml(ws, scratch,
			    mode == ROSTER_LIST_ADMITTED);
			l->n++;
			char *ad = rules_attr(rules_path(ws, "history/approved"), "date");
			if (strlen(ad) < sizeof l->date && strcmp(ad, l->date) > 0)
				strcpy(l->date, ad);
			free(ad);
		}
		xmlFree(y);
		xmlFree(id);
		free(state);
		ret = xmlTextReaderNext(rd);
	}
	if (ret == 0 && !v.got && !depth1) {
		snprintf(v.why, sizeof v.why, "根元素不是 roster");
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
	xmlFreeDoc(v.shell);
	close(fd);	/* the reader leaves it open */
	return l;
fail:
	if (fd != -1)
		close(fd);
	xmlFreeDoc(scratch);
	xmlFreeDoc(v.shell);
	roster_list_free(l);
	return NULL;
}

const char *
roster_list_year(const struct roster_list *l)
{
	return l->year;
}

const char *
roster_list_date(const struct roster_list *l)
{
	return l->date;
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
	if (doc == NULL) {	/* our own text: only memory can fail */
		diag(F_SYS_XML_MEMORY, l->path, 0, 0);
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
