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

/* The seconds to wait for the lock, as given: "0.3" waits 0.3 s and says so. */
static double
S_lock_wait(char *shown, size_t n)
{
	const char *env = getenv("WSDOC_LOCK_WAIT");
	char *end;
	double wait = 5.0;

	if (env && *env) {
		double w = strtod(env, &end);
		if (end != env && w >= 0 && w < 86400)
			wait = w;
	}
	snprintf(shown, n, "%g", wait);
	return wait;
}

static int
S_lock(struct roster *r)
{
	char *lp = xasprintf("%s.lock", r->real);
	char shown[32];
	double wait = S_lock_wait(shown, sizeof shown);
	struct timespec step = { 0, 100 * 1000 * 1000 }, t0, now;

	/* O_NOFOLLOW: a link planted as the lock must not make us create
	 * or truncate a file elsewhere. */
	if ((r->lockfd = open(lp, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW |
	    O_NONBLOCK | O_NOCTTY, 0666)) == -1) {
		if (errno == ELOOP)
			diag(F_IO_LOCK_LINK, r->path, 0, 0, lp);
		else
			diag(F_IO_LOCK, r->path, 0, 0, lp, errno_text_write(errno));
		free(lp);
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		if (flock(r->lockfd, LOCK_EX | LOCK_NB) == 0)
			break;
		if (errno != EWOULDBLOCK && errno != EINTR) {
			diag(F_IO_LOCK, r->path, 0, 0, lp, errno_text(errno));
			goto fail;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
		double left = wait - ((double)(now.tv_sec - t0.tv_sec) +
		    (now.tv_nsec - t0.tv_nsec) / 1e9);
		if (left <= 0) {
			diag(E_ROSTER_LOCKED, r->path, 0, 0, r->path, shown);
			goto fail;
		}
		if (left < 0.1)
			step.tv_nsec = (long)(left * 1e9);
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

/* The names of one roster's files: the roster, its generations, the new
 * version waiting to replace it, and the one name a generation is linked
 * under before it takes its place.  All made before anything changes, so
 * that the renames need no memory. */
struct S_names {
	char	*gen[ROSTER_BACKUPS + 1];	/* [0] the roster, [i] roster.xml.i */
	char	*next;				/* .roster.xml.new */
	char	*link;				/* .roster.xml.link */
};

static void
S_names(struct S_names *nm, const char *real)
{
	char *dir = path_dirname(real);
	const char *base = path_basename(real);

	nm->gen[0] = xstrdup(real);
	for (int i = 1; i <= ROSTER_BACKUPS; i++)
		nm->gen[i] = xasprintf("%s.%d", real, i);
	nm->next = xasprintf("%s/.%s.new", dir, base);
	nm->link = xasprintf("%s/.%s.link", dir, base);
	free(dir);
}

static void
S_names_free(struct S_names *nm)
{
	for (int i = 0; i <= ROSTER_BACKUPS; i++)
		free(nm->gen[i]);
	free(nm->next);
	free(nm->link);
}

/* 1 if a and b are one file, or two files with the same bytes (then a
 * generation step from a to b has been done, or would change nothing). */
static int
S_same(const char *a, const char *b)
{
	struct stat sa, sb;
	size_t la, lb;
	char *da, *db;
	int same;

	if (stat(a, &sa) == -1 || stat(b, &sb) == -1)
		return 0;
	if (sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino)
		return 1;
	if (sa.st_size != sb.st_size)
		return 0;
	da = file_read(a, &la);
	db = file_read(b, &lb);
	same = da && db && la == lb && memcmp(da, db, la) == 0;
	free(da);
	free(db);
	return same;
}

/* to becomes another name of from (a hard link, or a synced copy where
 * the file system has none), replacing to in one rename: at no moment is
 * to missing.  Nothing if from is missing.  0, or -1 with errno. */
static int
S_step(const struct S_names *nm, const char *from, const char *to)
{
	unlink(nm->link);
	if (link(from, nm->link) == -1) {
		if (errno == ENOENT)
			return 0;
		if (errno != EPERM && errno != EXDEV && errno != EMLINK &&
		    errno != ENOTSUP && errno != ENOSYS)
			return -1;
		size_t len;
		char *data = file_read(from, &len), *tmp;
		if (data == NULL)
			return errno == ENOENT ? 0 : -1;
		int rc = file_write_temp(to, data, len, &tmp);
		free(data);
		if (rc == -1)
			return -1;
		rc = rename(tmp, nm->link);
		free(tmp);
		if (rc == -1)
			return -1;
	}
	if (rename(nm->link, to) == -1) {
		int saved = errno;
		unlink(nm->link);
		errno = saved;
		return -1;
	}
	unlink(nm->link);	/* still there if it and `to` were one file */
	return 0;
}

/* The second half of a save, from the new version waiting in
 * .roster.xml.new: the generations shift (.2 → .3, .1 → .2, the roster
 * → .1), each by one rename of a link, then the new version takes the
 * roster's name.  A run killed on the way left the steps done so far;
 * this finds where it stopped (each step leaves its two names one file)
 * and goes on (resume), so the chain is never cut.  0, or -1 with errno. */
static int
S_finish(const struct S_names *nm, int resume)
{
	struct stat st;
	int from = ROSTER_BACKUPS;	/* the first step still to do */

	if (stat(nm->gen[0], &st) == 0) {
		for (int i = 0; resume && i < ROSTER_BACKUPS; i++)
			if (S_same(nm->gen[i], nm->gen[i + 1])) {
				from = i;
				break;
			}
		for (int i = from; i > 0; i--)
			if (S_step(nm, nm->gen[i - 1], nm->gen[i]) == -1)
				return -1;
	}
	if (rename(nm->next, nm->gen[0]) == -1)
		return -1;
	file_sync_dir(nm->gen[0]);
	return 0;
}

/* Under the lock: finish a save a killed run committed, and remove what
 * killed runs left (temporary files of this roster, of this version of
 * wsdoc and of earlier ones). */
static int
S_recover(const struct roster *r)
{
	struct S_names nm;
	char *dir = path_dirname(r->real);
	const char *base = path_basename(r->real);
	char *prefix = xasprintf(".%s.", base);
	size_t pl = strlen(prefix);
	DIR *d = opendir(dir);
	struct dirent *e;
	int rc = 0;

	S_names(&nm, r->real);
	if (access(nm.next, F_OK) == 0 && S_finish(&nm, 1) == -1) {
		diag(F_IO_ROSTER_ROTATE, r->path, 0, 0, r->path, errno_text_write(errno));
		rc = -1;
	}
	unlink(nm.link);
	out_sweep(dir, base, 1);
	/* earlier versions: .roster.xml.XXXXXX, .roster.xml.1.XXXXXX */
	while (d && (e = readdir(d)) != NULL)
		if (strncmp(e->d_name, prefix, pl) == 0 &&
		    (strlen(e->d_name + pl) == 6 ||
		    (strlen(e->d_name + pl) == 8 &&
		    e->d_name[pl] >= '1' && e->d_name[pl] <= '9' &&
		    e->d_name[pl + 1] == '.')) &&
		    strcmp(e->d_name + pl, "new") != 0) {
			char *p = path_join(dir, e->d_name);
			unlink(p);
			free(p);
		}
	if (d)
		closedir(d);
	S_names_free(&nm);
	free(prefix);
	free(dir);
	return rc;
}

static char *
S_digest(xmlDoc *doc)
{
	xmlChar *mem = NULL;
	int len = 0;
	char hex[65];

	xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", 1);
	if (mem == NULL)
		util_oom();
	sha256_hex(mem, (size_t)len, hex);
	xmlFree(mem);
	return xstrdup(hex);
}

struct roster *
roster_open(const char *path, int update)
{
	struct roster *r = xcalloc(1, sizeof *r);
	char why[256];
	struct stat st;

	r->path = xstrdup(path);
	r->real = xstrdup(path);
	r->lockfd = -1;
	/* A roster that is a link is updated where it points: its lock,
	 * its generations and its new versions beside the file itself. */
	if (update && lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		char *real = realpath(path, NULL);
		if (real == NULL) {
			diag(F_IO_ROSTER_LINK, path, 0, 0, path, errno_text(errno));
			goto fail;
		}
		free(r->real);
		r->real = xstrdup(real);
		free(real);
	}
	if (update && (S_lock(r) == -1 || S_recover(r) == -1))
		goto fail;
	if (update && stat(r->real, &st) == -1 && errno == ENOENT) {
		r->doc = xmlNewDoc((const xmlChar *)"1.0");
		xmlNode *root = xmlNewNode(NULL, (const xmlChar *)"roster");
		xmlSetProp(root, (const xmlChar *)"version", (const xmlChar *)"1");
		xmlDocSetRootElement(r->doc, root);
		r->fresh = 1;
		return r;
	}
	if ((r->doc = input_read_xml(r->real)) == NULL) {
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
	if (update)
		r->digest = S_digest(r->doc);
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
	roster_discard(r);
	if (r->lockfd != -1)
		close(r->lockfd);	/* releases the flock */
	if (r->doc)
		xmlFreeDoc(r->doc);
	free(r->digest);
	free(r->real);
	free(r->path);
	free(r);
}

int
roster_prepare(struct roster *r)
{
	xmlChar *mem = NULL;
	int len = 0;
	char why[256];
	char *today, *digest;

	roster_discard(r);
	/* Nothing changed: nothing written, the generations stay. */
	digest = S_digest(r->doc);
	if (!r->fresh && r->digest && strcmp(digest, r->digest) == 0) {
		free(digest);
		return 1;
	}
	free(digest);
	today = roster_today();
	xmlSetProp(xmlDocGetRootElement(r->doc), (const xmlChar *)"updated",
	    (const xmlChar *)today);
	free(today);
	if (roster_validate(r->doc, why, sizeof why) == -1) {
		/* Our own bug: never write a roster we could not read back. */
		diag(F_IO_WRITE, r->path, 0, 0, r->path, why);
		return -1;
	}
	xmlDocDumpFormatMemoryEnc(r->doc, &mem, &len, "UTF-8", 1);
	if (mem == NULL)
		util_oom();
	if (file_write_temp(r->real, mem, (size_t)len, &r->tmp) == -1) {
		diag(F_IO_WRITE, r->path, 0, 0, r->path, errno_text_write(errno));
		xmlFree(mem);
		return -1;
	}
	xmlFree(mem);
	return 0;
}

int
roster_commit(struct roster *r)
{
	struct S_names nm;
	int rc = 0;

	if (r->tmp == NULL)
		return 0;
	S_names(&nm, r->real);
	out_signals(1);
	/* The commit: from here on the new version is the roster, and a
	 * run killed before the end is finished by the next one. */
	if (rename(r->tmp, nm.next) == -1) {
		diag(F_IO_WRITE, r->path, 0, 0, r->path, errno_text_write(errno));
		unlink(r->tmp);
		rc = -1;
	} else {
		file_sync_dir(nm.next);
		if (S_finish(&nm, 0) == -1) {
			diag(F_IO_ROSTER_ROTATE, r->path, 0, 0, r->path,
			    errno_text_write(errno));
			rc = -1;
		}
	}
	free(r->tmp);
	r->tmp = NULL;
	out_signals(0);
	S_names_free(&nm);
	return rc;
}

void
roster_discard(struct roster *r)
{
	if (r->tmp) {
		unlink(r->tmp);
		free(r->tmp);
		r->tmp = NULL;
	}
}

int
roster_save(struct roster *r)
{
	int rc = roster_prepare(r);

	if (rc != 0)
		return rc;
	return roster_commit(r);
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
