/* serve_api.c — what the web form asks of the server: check a form, draw
 * it, give its XML, open a file.  Each reads the request's bytes with the
 * commands' reader (input_read_mem) and runs the commands' checks
 * (pipeline_validate) and drawing (render_area, pdf_render); only the
 * diagnostics differ in where they go: into a JSON answer, each with the
 * field of the form it is about. */
#include "serve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "../cli/pipeline.h"
#include "../diag/diag.h"
#include "../input/input.h"
#include "../layout/area.h"
#include "../pdf/pdf.h"
#include "../util/util.h"

/* The messages of one request, as the sink collects them. */
struct got {
	enum diag_id	 id;
	int		 line, col;
	char		*text;
};

static struct {
	struct got	*v;
	size_t		 n, cap;
} S_got;

static void
S_sink(const struct diag_msg *m, void *arg)
{
	if (S_got.n == S_got.cap)
		S_got.v = xreallocarray(S_got.v, S_got.cap = S_got.cap ?
		    S_got.cap * 2 : 16, sizeof *S_got.v);
	S_got.v[S_got.n].id = m->id;
	S_got.v[S_got.n].line = m->line;
	S_got.v[S_got.n].col = m->col;
	S_got.v[S_got.n++].text = xstrdup(m->text);
}

void
serve_diag_begin(void)
{
	diag_reset();
	diag_set_sink(S_sink, NULL);
}

static void
S_diag_end(void)
{
	diag_set_sink(NULL, NULL);
	for (size_t i = 0; i < S_got.n; i++)
		free(S_got.v[i].text);
	free(S_got.v);
	memset(&S_got, 0, sizeof S_got);
}

static void
S_json_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c < 0x20 || c == 0x7f)
			buf_printf(b, "\\u%04x", c);
		else if (c == '<')	/* never "</script>" in a page */
			buf_puts(b, "\\u003c");
		else
			buf_putc(b, (char)c);
	}
	buf_putc(b, '"');
}

/* The field of the form each line of an INI text is about: "节/键" for a
 * key (键.2 is 键), "节" for a section's line, NULL for the rest.  The
 * page writes its INI in its own order and names its fields so. */
static char **
S_fields(const char *text, size_t len, size_t *nlines)
{
	char **f = NULL, *sec = NULL;
	size_t n = 0, cap = 0;
	const char *p = text, *end = text + len;

	while (p < end) {
		const char *le = memchr(p, '\n', (size_t)(end - p));
		const char *b = p, *e;
		char *field = NULL;

		if (le == NULL)
			le = end;
		e = le;
		while (b < e && (*b == ' ' || *b == '\t'))
			b++;
		while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
			e--;
		if (b < e && *b == '[') {
			const char *rb = memchr(b, ']', (size_t)(e - b));
			free(sec);
			sec = rb ? xstrndup(b + 1, (size_t)(rb - b - 1)) : NULL;
			field = sec ? xstrdup(sec) : NULL;
		} else if (b < e && *b != ';' && *b != '#' && sec) {
			const char *eq = memchr(b, '=', (size_t)(e - b));
			if (eq) {
				const char *ke = eq, *dot;
				while (ke > b && (ke[-1] == ' ' || ke[-1] == '\t'))
					ke--;
				/* 总体规划.2 is 总体规划 */
				dot = ke;
				while (dot > b && dot[-1] >= '0' && dot[-1] <= '9')
					dot--;
				if (dot > b && dot < ke && dot[-1] == '.')
					ke = dot - 1;
				field = xasprintf("%s/%.*s", sec, (int)(ke - b), b);
			}
		}
		if (n == cap)
			f = xreallocarray(f, cap = cap ? cap * 2 : 64, sizeof *f);
		f[n++] = field;
		p = le + 1;
	}
	free(sec);
	*nlines = n;
	return f;
}

/* Where a message sorts: by line, then column; a message without a line
 * (about the whole form) after the rest. */
static long
S_place(const struct got *g)
{
	return (g->line > 0 ? (long)g->line : 0x7fffffffL) * 65536L + g->col;
}

/* The collected messages as "diagnostics": […], in form order (the
 * line order of the INI the page writes), each with its field. */
static void
S_json_diags(struct buf *b, const char *ini, size_t len)
{
	static const char *const lv[] = { "note", "warning", "error", "fatal" };
	size_t nlines = 0;
	char **fields = ini ? S_fields(ini, len, &nlines) : NULL;
	int count[DL_FATAL + 1] = { 0 };

	/* Stable (insertion: a form has few messages), so messages at
	 * one place keep the order the checks said them in. */
	for (size_t i = 1; i < S_got.n; i++) {
		struct got t = S_got.v[i];
		size_t j = i;
		while (j > 0 && S_place(&S_got.v[j - 1]) > S_place(&t)) {
			S_got.v[j] = S_got.v[j - 1];
			j--;
		}
		S_got.v[j] = t;
	}
	buf_puts(b, "\"diagnostics\":[");
	for (size_t i = 0; i < S_got.n; i++) {
		const struct got *g = &S_got.v[i];
		const struct diag_entry *e = diag_entry(g->id);
		const char *field = g->line > 0 && (size_t)g->line <= nlines ?
		    fields[g->line - 1] : NULL;

		count[e->level]++;
		buf_puts(b, i ? ",{" : "{");
		buf_puts(b, "\"code\":");
		S_json_str(b, e->code);
		buf_printf(b, ",\"level\":\"%s\",\"levelText\":", lv[e->level]);
		S_json_str(b, diag_level_name(e->level));
		buf_puts(b, ",\"clause\":");
		S_json_str(b, e->clause);
		buf_puts(b, ",\"text\":");
		S_json_str(b, g->text);
		buf_printf(b, ",\"line\":%d,\"col\":%d,\"field\":", g->line, g->col);
		S_json_str(b, field ? field : "");
		buf_putc(b, '}');
	}
	buf_printf(b, "],\"errors\":%d,\"warnings\":%d,\"notes\":%d",
	    count[DL_ERROR] + count[DL_FATAL], count[DL_WARNING], count[DL_NOTE]);
	for (size_t i = 0; i < nlines; i++)
		free(fields[i]);
	free(fields);
}

void
serve_diag_reply(struct serve_reply *r, int status)
{
	struct buf b;

	buf_init(&b);
	buf_putc(&b, '{');
	S_json_diags(&b, NULL, 0);
	buf_putc(&b, '}');
	S_diag_end();
	r->status = status;
	r->type = "application/json; charset=utf-8";
	r->len = b.len;
	r->body = buf_detach(&b);
}

/* The input tree of a request's bytes, as `wsdoc check` reads a file;
 * NULL after diagnostics.  name is only the label of messages. */
static xmlDocPtr
S_read(const char *body, size_t len, const char *name)
{
	xmlDocPtr doc;

	input_ini_includes(0);
	doc = input_read_mem(body, len, name);
	input_ini_includes(1);
	return pipeline_known(doc);
}

/* A JSON answer: the messages, and what else is said ("kind" …). */
static void
S_reply_json(struct serve_reply *r, int status, const char *ini, size_t len,
    xmlDocPtr doc, const char *xml)
{
	struct buf b;

	buf_init(&b);
	buf_putc(&b, '{');
	if (doc) {
		const char *root = input_kind_root(input_kind(doc));
		buf_puts(&b, "\"kind\":");
		S_json_str(&b, root ? root : "");
		buf_putc(&b, ',');
	}
	if (xml) {
		buf_puts(&b, "\"xml\":");
		S_json_str(&b, xml);
		buf_putc(&b, ',');
	}
	S_json_diags(&b, ini, len);
	buf_putc(&b, '}');
	S_diag_end();
	r->status = status;
	r->type = "application/json; charset=utf-8";
	r->len = b.len;
	r->body = buf_detach(&b);
}

/* A file name from the browser (percent-encoded UTF-8), as a label only:
 * its last component, without control characters, at most 100 bytes. */
static char *
S_label(const char *name, const char *dflt)
{
	const char *base;
	char *s, *o;

	if (name == NULL || name[0] == '\0')
		return xstrdup(dflt);
	s = o = xstrndup(name, strlen(name) > 300 ? 300 : strlen(name));
	for (const char *p = s; *p; p++) {
		unsigned hi, lo;
		if (p[0] == '%' && sscanf(p + 1, "%1x%1x", &hi, &lo) == 2) {
			*o++ = (char)(hi << 4 | lo);
			p += 2;
		} else
			*o++ = *p;
	}
	*o = '\0';
	base = path_basename(s);
	memmove(s, base, strlen(base) + 1);
	if (strlen(s) > 100)
		s[100] = '\0';
	for (char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == '\\' || *p == '/')
			*p = '_';
	if (utf8_invalid_at(s, strlen(s)) != (size_t)-1 || s[0] == '\0') {
		free(s);
		return xstrdup(dflt);
	}
	return s;
}

void
serve_api(const char *route, const char *body, size_t len, const char *name,
    struct serve_reply *r)
{
	char *label = S_label(name, "表单.ini");
	xmlDocPtr doc;

	serve_diag_begin();
	if (len == 0) {		/* not a form: a request to refuse */
		diag(E_SERVE_EMPTY, NULL, 0, 0);
		serve_diag_reply(r, 400);
		free(label);
		return;
	}
	doc = S_read(body, len, label);
	if (strcmp(route, "check") == 0) {
		if (doc)
			pipeline_validate(&doc, 1);
		S_reply_json(r, 200, body, len, doc, NULL);
	} else if (strcmp(route, "open") == 0) {
		/* The tree as XML: the page fills its fields from it. */
		xmlChar *mem = NULL;
		int n = 0;
		if (doc)
			xmlDocDumpFormatMemoryEnc(doc, &mem, &n, "UTF-8", 1);
		S_reply_json(r, doc ? 200 : 422, body, len, doc, (char *)mem);
		xmlFree(mem);
	} else if (strcmp(route, "xml") == 0) {
		/* What wsdoc convert writes, refused as it refuses. */
		xmlChar *mem = NULL;
		int n = 0;
		if (doc && !diag_failed())
			xmlDocDumpFormatMemoryEnc(doc, &mem, &n, "UTF-8", 1);
		if (mem) {
			S_diag_end();
			r->status = 200;
			r->type = "application/xml; charset=utf-8";
			r->body = xstrndup((char *)mem, (size_t)n);
			r->len = (size_t)n;
			xmlFree(mem);
		} else
			S_reply_json(r, 422, body, len, doc, NULL);
	} else {	/* render */
		struct area_doc *area = NULL;
		unsigned char *pdf = NULL;
		size_t plen = 0;
		if (doc) {
			/* As render: any failing message, the reader's
			 * included, makes a draft (render --draft). */
			int bad = pipeline_validate(&doc, 1) != 0 || diag_failed();
			if ((area = render_area(doc, bad)) != NULL)
				pdf = pdf_render(area, &plen);
			area_doc_free(area);
		}
		if (pdf) {
			S_diag_end();
			r->status = 200;
			r->type = "application/pdf";
			r->body = (char *)pdf;
			r->len = plen;
		} else
			S_reply_json(r, 422, body, len, doc, NULL);
	}
	xmlFreeDoc(doc);
	free(label);
}
