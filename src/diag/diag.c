/* diag.c — prints every diagnostic as file:line:col: 级别 CODE: 信息〔条款〕. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../util/util.h"

static const struct diag_entry S_catalogue[DIAG__COUNT] = {
#define D(id, code, level, clause, fmt) { code, level, clause, fmt },
#include "diag.def"
#undef D
};

static enum diag_level S_threshold = DL_NOTE;
static enum diag_level S_fail = DL_ERROR;
static int S_worst = -1;
static int S_sys;	/* an F-IO- or F-SYS- message was emitted */
static int S_counts[DL_FATAL + 1];
static void (*S_sink)(const struct diag_msg *, void *);
/* diag_set_once: the hashes of the messages shown while it is on. */
static int S_once;
static uint64_t *S_seen;
static size_t S_nseen, S_seencap;
static void *S_sink_arg;

const struct diag_entry *
diag_entry(enum diag_id id)
{
	return &S_catalogue[id];
}

const char *
diag_level_name(enum diag_level lvl)
{
	static const char *names[] = { "提示", "警告", "错误", "致命" };
	return names[lvl];
}

int
diag_level_parse(const char *s)
{
	static const char *en[] = { "note", "warning", "error", "fatal" };
	for (int i = 0; i <= DL_FATAL; i++)
		if (strcmp(s, en[i]) == 0 || strcmp(s, diag_level_name(i)) == 0)
			return i;
	return -1;
}

void
diag_set_threshold(enum diag_level lvl)
{
	S_threshold = lvl;
}

void
diag_set_fail_level(enum diag_level lvl)
{
	S_fail = lvl;
}

void
diag_set_sink(void (*sink)(const struct diag_msg *, void *), void *arg)
{
	S_sink = sink;
	S_sink_arg = arg;
}

int
diag_worst(void)
{
	return S_worst;
}

int
diag_count(enum diag_level lvl)
{
	return S_counts[lvl];
}

void
diag_reset(void)
{
	S_worst = -1;
	S_sys = 0;
	memset(S_counts, 0, sizeof S_counts);
}

int
diag_failed(void)
{
	return S_worst >= (int)S_fail;
}

int
diag_exit_status(void)
{
	if (S_sys)
		return 3;
	return diag_failed() ? 1 : 0;
}

void
diag_set_once(int on)
{
	S_once = on;
	if (!on) {
		free(S_seen);
		S_seen = NULL;
		S_nseen = S_seencap = 0;
	}
}

/* 1 if the message was shown before while once is on (then it is not
 * shown again), else 0 and it is remembered. */
static int
S_seen_before(enum diag_id id, const char *file, int line, int col,
    const char *text)
{
	uint64_t h = 1469598103934665603ull;
	char head[64];

	snprintf(head, sizeof head, "%d:%d:%d:", (int)id, line, col);
	for (const char *p = head; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	for (const char *p = file ? file : ""; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	for (const char *p = text; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	for (size_t i = 0; i < S_nseen; i++)
		if (S_seen[i] == h)
			return 1;
	if (S_nseen == S_seencap)
		S_seen = xreallocarray(S_seen, S_seencap = S_seencap ? S_seencap * 2 : 32,
		    sizeof *S_seen);
	S_seen[S_nseen++] = h;
	return 0;
}

static unsigned char S_muted[DIAG__COUNT];

void
diag_mute(enum diag_id id, int on)
{
	S_muted[id] = on != 0;
}

static void S_print(const char *, int, int, int, enum diag_id, const char *);
static void S_keep(const char *, int, int, int, enum diag_id, const char *);
static int S_hold;

static void
S_vemit(enum diag_id id, int lvl, const char *file, int line, int col,
    va_list ap)
{
	const struct diag_entry *e = &S_catalogue[id];
	struct diag_msg m;
	char text[4096];

	if (S_muted[id])
		return;
	S_counts[lvl]++;
	if (strncmp(e->code, "F-IO-", 5) == 0 || strncmp(e->code, "F-SYS-", 6) == 0)
		S_sys = 1;
	if (lvl > S_worst)
		S_worst = lvl;
	if (lvl < (int)S_threshold)
		return;
	/* A message cut at the buffer's end must not end mid-character. */
	if (vsnprintf(text, sizeof text, e->fmt, ap) >= (int)sizeof text) {
		size_t n = strlen(text), bad = utf8_invalid_at(text, n);
		if (bad != (size_t)-1 && n - bad < 4)
			text[bad] = '\0';
	}
	if (S_once && S_seen_before(id, file, line, col, text))
		return;
	m.id = id;
	m.level = (enum diag_level)lvl;
	m.file = file;
	m.line = line;
	m.col = col;
	m.text = text;
	if (S_sink) {
		S_sink(&m, S_sink_arg);
		return;
	}
	if (S_hold)
		S_keep(file, line, col, lvl, id, text);
	else
		S_print(file, line, col, lvl, id, text);
}

/* ---- held messages: one round, in order ---- */

struct held {
	char		*file;
	int		 line, col;
	int		 level;
	enum diag_id	 id;
	char		*text;
	size_t		 seq;
	size_t		 group;		/* the file's first appearance */
};

static struct held *S_held;
static size_t S_nheld, S_heldcap;

static void
S_print(const char *file, int line, int col, int lvl, enum diag_id id,
    const char *text)
{
	const struct diag_entry *e = &S_catalogue[id];

	if (file && line > 0 && col > 0)
		fprintf(stderr, "%s:%d:%d: ", file, line, col);
	else if (file && line > 0)
		fprintf(stderr, "%s:%d: ", file, line);
	else if (file)
		fprintf(stderr, "%s: ", file);
	else
		fputs("wsdoc: ", stderr);
	fprintf(stderr, "%s %s: %s", diag_level_name(lvl), e->code, text);
	if (e->clause[0])
		fprintf(stderr, "〔%s〕", e->clause);
	fputc('\n', stderr);
}

/* The files of the held messages, in the order they first came. */
static char **S_files;
static size_t S_nfiles;

static void
S_keep(const char *file, int line, int col, int lvl, enum diag_id id,
    const char *text)
{
	struct held *h;
	size_t g;

	/* the file's group: one look per file, not per message (a hostile
	 * form may give thousands); NULL is a file of its own */
	for (g = 0; g < S_nfiles; g++)
		if ((file == NULL && S_files[g] == NULL) ||
		    (file && S_files[g] && strcmp(file, S_files[g]) == 0))
			break;
	if (g == S_nfiles) {
		S_files = xreallocarray(S_files, S_nfiles + 1, sizeof *S_files);
		S_files[S_nfiles++] = file ? xstrdup(file) : NULL;
	}
	if (S_nheld == S_heldcap)
		S_held = xreallocarray(S_held, S_heldcap = S_heldcap ? S_heldcap * 2 : 64,
		    sizeof *S_held);
	h = &S_held[S_nheld];
	h->file = file ? xstrdup(file) : NULL;
	h->line = line;
	h->col = col;
	h->level = lvl;
	h->id = id;
	h->text = xstrdup(text);
	h->seq = S_nheld;
	h->group = g;
	S_nheld++;
}

static int
S_cmp_held(const void *a, const void *b)
{
	const struct held *x = a, *y = b;

	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int
diag_held_count(const char *file, int lvl)
{
	int n = 0;

	for (size_t i = 0; i < S_nheld; i++)
		if (S_held[i].level >= lvl && S_held[i].file && file &&
		    strcmp(S_held[i].file, file) == 0)
			n++;
	return n;
}

int
diag_fail_level(void)
{
	return (int)S_fail;
}

void
diag_flush(void)
{
	if (S_nheld > 1)
		qsort(S_held, S_nheld, sizeof *S_held, S_cmp_held);
	for (size_t i = 0; i < S_nheld; i++) {
		S_print(S_held[i].file, S_held[i].line, S_held[i].col,
		    S_held[i].level, S_held[i].id, S_held[i].text);
		free(S_held[i].file);
		free(S_held[i].text);
	}
	S_nheld = 0;
	for (size_t g = 0; g < S_nfiles; g++)
		free(S_files[g]);
	free(S_files);
	S_files = NULL;
	S_nfiles = 0;
	fflush(stderr);
}

static void
S_flush_at_exit(void)
{
	diag_flush();
	free(S_held);
	S_held = NULL;
	S_heldcap = 0;
}

void
diag_hold(int on)
{
	static int registered;

	if (!on)
		diag_flush();
	else if (!registered) {
		atexit(S_flush_at_exit);
		registered = 1;
	}
	S_hold = on;
}

void
diag(enum diag_id id, const char *file, int line, int col, ...)
{
	va_list ap;

	va_start(ap, col);
	S_vemit(id, (int)S_catalogue[id].level, file, line, col, ap);
	va_end(ap);
}

int
diag_node_col(const xmlNode *node)
{
	const xmlNode *el;
	int line;

	if (node == NULL)
		return 0;
	if (node->type == XML_ELEMENT_NODE)
		return node->extra;
	/* An attribute (or text) keeps no column: its element's, when on
	 * the same line, else the line's start — every message placed on
	 * a line has a column. */
	line = (int)xmlGetLineNo(node);
	for (el = node->parent; el && el->type != XML_ELEMENT_NODE; el = el->parent)
		;
	if (el && el->extra && (int)xmlGetLineNo(el) == line)
		return el->extra;
	return line > 0 ? 1 : 0;
}

void
diag_node_set_col(xmlNode *node, int col)
{
	if (node && node->type == XML_ELEMENT_NODE)
		node->extra = (unsigned short)(col > 0xFFFF ? 0xFFFF : col);
}

static void
S_vnode(enum diag_id id, int lvl, const xmlNode *node, va_list ap)
{
	const char *file = NULL;
	int line = 0;

	if (node) {
		if (node->doc && node->doc->URL)
			file = (const char *)node->doc->URL;
		line = (int)xmlGetLineNo(node);
		if (line < 0)
			line = 0;
	}
	S_vemit(id, lvl, file, line, diag_node_col(node), ap);
}

void
diag_node(enum diag_id id, const xmlNode *node, ...)
{
	va_list ap;

	va_start(ap, node);
	S_vnode(id, (int)S_catalogue[id].level, node, ap);
	va_end(ap);
}

void
diag_node_level(enum diag_id id, int lvl, const xmlNode *node, ...)
{
	va_list ap;

	if (lvl < 0 || lvl > DL_FATAL)
		return;
	va_start(ap, node);
	S_vnode(id, lvl, node, ap);
	va_end(ap);
}
