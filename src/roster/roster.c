/* roster.c — reading, validating and safely rewriting roster.xml: a lock
 * file beside it, rotated backups, and an atomic replace, so that a run
 * killed at any moment leaves the old roster or the new one. */
#include "roster.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/relaxng.h>

#include "../diag/diag.h"
#include "../input/input.h"
#include "../rules/rules.h"
#include "../util/util.h"

static int
S_lock(struct roster *r)
{
	char *lp = xasprintf("%s.lock", r->path);
	const char *env = getenv("WSDOC_LOCK_WAIT");
	double wait = env && *env ? atof(env) : 5.0;
	struct timespec step = { 0, 100 * 1000 * 1000 };
	int tries;

	if ((r->lockfd = open(lp, O_RDWR | O_CREAT | O_CLOEXEC, 0666)) == -1) {
		diag(E_ROSTER_LOCK, r->path, 0, 0, lp, errno_text(errno));
		free(lp);
		return -1;
	}
	for (tries = 0;; tries++) {
		if (flock(r->lockfd, LOCK_EX | LOCK_NB) == 0)
			break;
		if (errno != EWOULDBLOCK && errno != EINTR) {
			diag(E_ROSTER_LOCK, r->path, 0, 0, lp, errno_text(errno));
			goto fail;
		}
		if (tries >= (int)(wait * 10)) {
			diag(E_ROSTER_LOCKED, r->path, 0, 0, r->path, (int)(wait + 0.5));
			goto fail;
		}
		nanosleep(&step, NULL);
	}
	free(lp);
	return 0;
fail:
	close(r->lockfd);
	r->lockfd = -1;
	free(lp);
	return -1;
}

struct vstate {
	char	*why;
	size_t	 n;
	int	 got;
};

static void
S_rng_error(void *arg, const xmlError *e)
{
	struct vstate *v = arg;

	if (v->got++)
		return;
	int attrs;
	const xmlNode *n = roster_schema_node(e, &attrs);
	/* xmlGetLineNo: past line 65535 e->line stops counting. */
	long line = n ? xmlGetLineNo(n) : e->line;
	roster_schema_why(v->why, v->n, line > 0 ? line : (long)e->line,
	    n && n->name ? (const char *)n->name : NULL, attrs);
}

const xmlNode *
roster_schema_node(const xmlError *e, int *attrs)
{
	const xmlNode *n = e->node;

	*attrs = 0;
	if (n != NULL && n->type == XML_ATTRIBUTE_NODE)
		n = n->parent;
	/* "Element workshop failed to validate attributes" comes with the
	 * element's first child as its node (libxml2 2.9): the element. */
	if (n != NULL && e->code == XML_RELAXNG_ERR_ATTRVALID) {
		*attrs = 1;
		if (n->parent && n->parent->type == XML_ELEMENT_NODE && e->str1 &&
		    xmlStrEqual(n->parent->name, BAD_CAST e->str1) &&
		    !xmlStrEqual(n->name, BAD_CAST e->str1))
			n = n->parent;
	}
	return n;
}

void
roster_schema_why(char *why, size_t n, long line, const char *name, int attrs)
{
	int k = 0;

	if (name == NULL)
		name = "内容";
	/* The schema's names are short: quote 20 characters of another,
	 * whole, so that the message stays whole UTF-8. */
	for (int i = 0; name[k] && i < 20; i++)
		for (k++; ((unsigned char)name[k] & 0xC0) == 0x80; k++)
			;
	snprintf(why, n, "第%ld行的%.*s%s%s不符合 forms/roster.rng", line, k, name,
	    name[k] ? "……" : "", attrs ? "的属性" : "");
}

xmlRelaxNGPtr
roster_schema(void)
{
	static xmlRelaxNGPtr schema;
	static int tried;

	if (!tried) {
		char *p = data_path("forms/roster.rng");
		char why[8];
		struct vstate v = { why, sizeof why, 0 };
		xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(p);
		xmlRelaxNGSetParserStructuredErrors(pc, (xmlStructuredErrorFunc)S_rng_error, &v);
		schema = xmlRelaxNGParse(pc);
		xmlRelaxNGFreeParserCtxt(pc);
		free(p);
		tried = 1;
	}
	return schema;
}

int
roster_validate(xmlDoc *doc, char *why, size_t n)
{
	xmlRelaxNGPtr schema = roster_schema();
	struct vstate v = { why, n, 0 };
	xmlRelaxNGValidCtxtPtr vc;
	int rc;

	if (schema == NULL) {
		snprintf(why, n, "无法载入 forms/roster.rng，安装不完整");
		return -1;
	}
	vc = xmlRelaxNGNewValidCtxt(schema);
	xmlRelaxNGSetValidStructuredErrors(vc, (xmlStructuredErrorFunc)S_rng_error, &v);
	rc = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	if (rc != 0 && !v.got)
		snprintf(why, n, "不符合 forms/roster.rng");
	return rc == 0 ? 0 : -1;
}

/* The roster is ours: drop the indentation so that saving re-indents. */
static void
S_strip_blanks(xmlNode *n)
{
	xmlNode *c, *next;

	for (c = n->children; c; c = next) {
		next = c->next;
		if (c->type == XML_TEXT_NODE && xmlIsBlankNode(c) &&
		    (c->prev || c->next)) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		} else if (c->type == XML_ELEMENT_NODE)
			S_strip_blanks(c);
	}
}

/* A run killed while writing leaves file_write_atomic's temporary file
 * (.roster.xml.XXXXXX, or .roster.xml.1.XXXXXX of a backup) behind; under
 * the lock no other run owns one. */
static void
S_sweep(const char *path)
{
	char *dir = path_dirname(path);
	char *prefix = xasprintf(".%s.", path_basename(path));
	size_t pl = strlen(prefix);
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d)) != NULL)
		if (strncmp(e->d_name, prefix, pl) == 0 &&
		    (strlen(e->d_name + pl) == 6 ||	/* .roster.xml.XXXXXX */
		    (strlen(e->d_name + pl) == 8 &&	/* .roster.xml.1.XXXXXX */
		    e->d_name[pl] >= '1' && e->d_name[pl] <= '9' &&
		    e->d_name[pl + 1] == '.'))) {
			char *p = path_join(dir, e->d_name);
			unlink(p);
			free(p);
		}
	if (d)
		closedir(d);
	free(prefix);
	free(dir);
}

struct roster *
roster_open(const char *path, int update)
{
	struct roster *r = xcalloc(1, sizeof *r);
	char why[256];
	struct stat st;

	r->path = xstrdup(path);
	r->lockfd = -1;
	if (update && S_lock(r) == -1)
		goto fail;
	if (update)
		S_sweep(path);
	if (update && stat(path, &st) == -1 && errno == ENOENT) {
		r->doc = xmlNewDoc((const xmlChar *)"1.0");
		xmlNode *root = xmlNewNode(NULL, (const xmlChar *)"roster");
		xmlSetProp(root, (const xmlChar *)"version", (const xmlChar *)"1");
		xmlDocSetRootElement(r->doc, root);
		return r;
	}
	if ((r->doc = input_read_xml(path)) == NULL) {
		if (stat(path, &st) == 0)	/* there, but not XML */
			diag(E_ROSTER_READ, path, 0, 0, path, "XML 有误，见上", path);
		goto fail;
	}
	if (input_kind(r->doc) != INPUT_ROSTER) {
		diag(E_ROSTER_READ, path, 0, 0, path, "根元素不是 roster", path);
		goto fail;
	}
	S_strip_blanks(xmlDocGetRootElement(r->doc));
	if (roster_validate(r->doc, why, sizeof why) == -1) {
		diag(E_ROSTER_READ, path, 0, 0, path, why, path);
		goto fail;
	}
	return r;
fail:
	roster_close(r);
	return NULL;
}

void
roster_close(struct roster *r)
{
	if (r == NULL)
		return;
	if (r->lockfd != -1)
		close(r->lockfd);	/* releases the flock */
	if (r->doc)
		xmlFreeDoc(r->doc);
	free(r->path);
	free(r);
}

/* roster.xml.2 → .3, .1 → .2, then roster.xml copied (atomically) to .1.
 * A copy, not a hard link, so that a roster edited in place can never
 * change its backup.  The roster itself is never moved away. */
static void
S_rotate(const char *path)
{
	char *from, *to;
	struct stat st;

	if (stat(path, &st) == -1)
		return;
	for (int i = ROSTER_BACKUPS; i > 1; i--) {
		from = xasprintf("%s.%d", path, i - 1);
		to = xasprintf("%s.%d", path, i);
		rename(from, to);
		free(from);
		free(to);
	}
	to = xasprintf("%s.1", path);
	size_t len;
	char *old = file_read(path, &len);
	if (old)
		file_write_atomic(to, old, len);
	free(old);
	free(to);
}

int
roster_save(struct roster *r)
{
	xmlChar *mem = NULL;
	int len = 0;
	char why[256];
	char *today = roster_today();

	xmlSetProp(xmlDocGetRootElement(r->doc), (const xmlChar *)"updated",
	    (const xmlChar *)today);
	free(today);
	if (roster_validate(r->doc, why, sizeof why) == -1) {
		/* Our own bug: never write a roster we could not read back. */
		diag(F_IO_WRITE, r->path, 0, 0, r->path, why);
		return -1;
	}
	xmlDocDumpFormatMemoryEnc(r->doc, &mem, &len, "UTF-8", 1);
	if (mem == NULL) {
		diag(F_IO_WRITE, r->path, 0, 0, r->path, "内存不足");
		return -1;
	}
	S_rotate(r->path);
	if (file_write_atomic(r->path, mem, (size_t)len) == -1) {
		diag(F_IO_WRITE, r->path, 0, 0, r->path, errno_text(errno));
		xmlFree(mem);
		return -1;
	}
	xmlFree(mem);
	return 0;
}

xmlNode *
roster_workshop(const struct roster *r, const char *id)
{
	xmlNode *root = xmlDocGetRootElement(r->doc);

	for (xmlNode *w = root ? root->children : NULL; w; w = w->next) {
		if (w->type != XML_ELEMENT_NODE)
			continue;
		char *wid = rules_attr(w, "id");
		int hit = strcmp(wid, id) == 0;
		free(wid);
		if (hit)
			return w;
	}
	return NULL;
}

char *
roster_next_id(const struct roster *r, int year)
{
	xmlNode *root = xmlDocGetRootElement(r->doc);
	char prefix[32];
	int max = 0;

	snprintf(prefix, sizeof prefix, "HZNU-GZF-%04d-", year);
	for (xmlNode *w = root ? root->children : NULL; w; w = w->next) {
		if (w->type != XML_ELEMENT_NODE)
			continue;
		char *wid = rules_attr(w, "id");
		if (strncmp(wid, prefix, strlen(prefix)) == 0 &&
		    atoi(wid + strlen(prefix)) > max)
			max = atoi(wid + strlen(prefix));
		free(wid);
	}
	if (max >= 99)
		return NULL;
	return xasprintf("%s%02d", prefix, max + 1);
}

static void
S_text_child(xmlNode *parent, const char *name, const xmlNode *from)
{
	char *t = rules_text(from);
	xmlNode *n = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);
	xmlNodeAddContent(n, (const xmlChar *)t);
	free(t);
}

static void
S_person(xmlNode *to, const xmlNode *from, int research)
{
	static const char *opt[] = { "staff-id", "unit", "post", "research" };

	S_text_child(to, "name", rules_child(from, "name"));
	for (size_t i = 0; i < (research ? 4u : 3u); i++) {
		xmlNode *f = rules_child(from, opt[i]);
		if (f && rules_count(f) > 0)
			S_text_child(to, opt[i], f);
	}
}

xmlNode *
roster_admit(struct roster *r, const xmlNode *app, const char *id,
    const char *date, const char *source)
{
	xmlNode *root = xmlDocGetRootElement(r->doc);
	xmlNode *ws = xmlNewChild(root, NULL, (const xmlChar *)"workshop", NULL);
	xmlNode *n, *list;
	char *year = rules_attr(app, "year");

	xmlSetProp(ws, (const xmlChar *)"id", (const xmlChar *)id);
	if (strlen(year) != 4) {	/* the id's year, HZNU-GZF-YYYY-NN */
		free(year);
		year = xstrndup(id + 9, 4);
	}
	xmlSetProp(ws, (const xmlChar *)"year", (const xmlChar *)year);
	S_text_child(ws, "name", rules_path(app, "workshop/name"));
	S_person(xmlNewChild(ws, NULL, (const xmlChar *)"leader", NULL),
	    rules_child(app, "leader"), 0);
	list = xmlNewChild(ws, NULL, (const xmlChar *)"members", NULL);
	n = rules_child(app, "members");
	for (xmlNode *m = n ? n->children : NULL; m; m = m->next)
		if (m->type == XML_ELEMENT_NODE && strcmp((const char *)m->name, "member") == 0)
			S_person(xmlNewChild(list, NULL, (const xmlChar *)"member", NULL), m, 1);
	list = xmlNewChild(ws, NULL, (const xmlChar *)"areas", NULL);
	n = rules_path(app, "workshop/areas");
	for (xmlNode *a = n ? n->children : NULL; a; a = a->next)
		if (a->type == XML_ELEMENT_NODE && rules_count(a) > 0)
			S_text_child(list, "area", a);
	n = xmlNewChild(ws, NULL, (const xmlChar *)"plan", NULL);
	roster_plan_store(n, app);	/* roster_plan.c: digest and text */
	if (source)
		xmlSetProp(n, (const xmlChar *)"source", (const xmlChar *)source);
	n = xmlNewChild(ws, NULL, (const xmlChar *)"status", NULL);
	xmlSetProp(n, (const xmlChar *)"state", (const xmlChar *)ROSTER_ACTIVE);
	xmlNewChild(ws, NULL, (const xmlChar *)"history", NULL);
	roster_history(ws, "approved", NULL, "date", date,
	    source ? "source" : NULL, source, (char *)NULL);
	free(year);
	return ws;
}

char *
roster_status(const xmlNode *ws, const char *attr)
{
	return rules_attr(rules_child(ws, "status"), attr);
}

void
roster_set_status(xmlNode *ws, const char *state, const char *text, ...)
{
	xmlNode *old = rules_child(ws, "status");
	xmlNode *st = xmlNewNode(NULL, (const xmlChar *)"status");
	const char *k, *v;
	va_list ap;

	xmlSetProp(st, (const xmlChar *)"state", (const xmlChar *)state);
	va_start(ap, text);
	while ((k = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		xmlSetProp(st, (const xmlChar *)k, (const xmlChar *)v);
	}
	va_end(ap);
	if (text)
		xmlNodeAddContent(st, (const xmlChar *)text);
	if (old) {
		xmlReplaceNode(old, st);
		xmlFreeNode(old);
	} else
		xmlAddChild(ws, st);
}

xmlNode *
roster_history(xmlNode *ws, const char *name, const char *text, ...)
{
	xmlNode *h = rules_child(ws, "history");
	xmlNode *e;
	const char *k, *v;
	va_list ap;

	if (h == NULL)
		h = xmlNewChild(ws, NULL, (const xmlChar *)"history", NULL);
	e = xmlNewChild(h, NULL, (const xmlChar *)name, NULL);
	va_start(ap, text);
	while ((k = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		if (v && *v)
			xmlSetProp(e, (const xmlChar *)k, (const xmlChar *)v);
	}
	va_end(ap);
	if (text)
		xmlNodeAddContent(e, (const xmlChar *)text);
	return e;
}

/* The parts of 建设方案 in a fixed order; the text of each without white
 * space, separated by control characters that no text holds. */
char *
roster_plan_digest(const xmlNode *app)
{
	static const char *parts[] = { "overall", "yearly/1", "yearly/2",
		"yearly/3", "student-service", "member-growth", "platform" };
	xmlNode *plan = rules_child(app, "plan");
	struct buf b;
	char hex[65];

	buf_init(&b);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		xmlNode *n = NULL;
		if (strncmp(parts[i], "yearly/", 7) == 0) {
			xmlNode *y = rules_child(plan, "yearly");
			for (xmlNode *c = y ? y->children : NULL; c; c = c->next) {
				char *nn = rules_attr(c, "n");
				if (c->type == XML_ELEMENT_NODE && strcmp(nn, parts[i] + 7) == 0)
					n = c;
				free(nn);
			}
		} else
			n = rules_child(plan, parts[i]);
		char *t = rules_text(n);
		buf_puts(&b, parts[i]);
		buf_putc(&b, 0x1f);
		for (char *p = t; *p; p++)
			if (*p != ' ')
				buf_putc(&b, *p);
		buf_putc(&b, 0x1e);
		free(t);
	}
	sha256_hex(b.data, b.len, hex);
	buf_free(&b);
	return xasprintf("sha256:%s", hex);
}

char *
roster_today(void)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
	struct tm tm;
	char s[16];

	gmtime_r(&t, &tm);
	strftime(s, sizeof s, "%Y-%m-%d", &tm);
	return xstrdup(s);
}

static int
S_mdays(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

int
roster_date_ok(const char *s)
{
	int y, m, d;
	char extra;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3)
		return 0;
	return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= S_mdays(y, m);
}

char *
roster_add_months(const char *date, int months)
{
	int y = 0, m = 1, d = 1;

	sscanf(date, "%d-%d-%d", &y, &m, &d);
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	if (d > S_mdays(y, m))
		d = S_mdays(y, m);
	return xasprintf("%04d-%02d-%02d", y, m, d);
}
