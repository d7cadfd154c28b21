/* serve_page.c — the pages of wsdoc serve: forms/serve.html with the
 * vocabulary of one form in it (sections, keys, labels, guidance and the
 * policy's limits and choices), made once at start.  The page's script
 * builds the form from that vocabulary and writes the INI the template's
 * way, so a field added to vocab.c appears on the page with no change
 * here. */
#include "serve.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../diag/diag.h"
#include "../input/input.h"
#include "../input/vocab.h"
#include "../roster/roster.h"
#include "../rules/policy.h"
#include "../util/util.h"

/* The forms a counsellor fills in: where, titled how, saved as what. */
static const struct {
	enum input_kind	 kind;
	const char	*slug;		/* /form/SLUG */
	const char	*title;
	const char	*file;		/* 申报表-张三.ini */
	const char	*who;		/* the field naming the file */
} S_forms[] = {
	{ INPUT_APPLICATION, "application",
	  "杭州师范大学辅导员工作坊主理人申报表（附件1）", "申报表", "主理人/姓名" },
	{ INPUT_EVALUATION, "evaluation",
	  "杭州师范大学辅导员工作坊评估表（附件2）", "评估表", "工作坊/名称" },
	{ INPUT_MEMBER, "member",
	  "杭州师范大学辅导员工作坊成员申报表", "成员申报表", "申报人/姓名" },
};
#define NFORMS (sizeof S_forms / sizeof S_forms[0])

static struct {
	char	*path;
	char	*html;
	size_t	 len;
} S_pages[NFORMS + 1];
static char *S_csp;

static void
S_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c < 0x20 || c == '<' || c == '>' || c == '&')
			buf_printf(b, "\\u%04x", c);	/* safe inside <script> */
		else
			buf_putc(b, (char)c);
	}
	buf_putc(b, '"');
}

/* A policy parameter "节/键" as a number. */
static int
S_pol_int(const struct policy *pol, const char *name)
{
	const char *slash = strchr(name, '/');
	char *sec = xstrndup(name, (size_t)(slash - name));
	int v = policy_int(pol, sec, slash + 1);

	free(sec);
	return v;
}

static void
S_choices(struct buf *b, const struct policy *pol, const char *spec)
{
	buf_puts(b, ",\"choices\":[");
	if (spec[0] == '=') {	/* the schema's values, a|b|c */
		const char *p = spec + 1;
		for (int i = 0; *p; i++) {
			const char *e = strchr(p, '|');
			size_t n = e ? (size_t)(e - p) : strlen(p);
			char *item = xstrndup(p, n);
			if (i)
				buf_putc(b, ',');
			S_str(b, item);
			free(item);
			p += n + (e != NULL);
		}
	} else {
		const char *slash = strchr(spec, '/');
		char *sec = xstrndup(spec, (size_t)(slash - spec));
		size_t n = 0;
		char *const *items = policy_list(pol, sec, slash + 1, &n);
		for (size_t i = 0; i < n; i++) {
			if (i)
				buf_putc(b, ',');
			S_str(b, items[i]);
		}
		free(sec);
	}
	buf_putc(b, ']');
}

static const char *
S_form_name(enum vocab_form f)
{
	switch (f) {
	case VF_LINE: return "line";
	case VF_TEXT: return "text";
	case VF_PARAS: return "paras";
	case VF_SPLIT: return "split";
	case VF_ATTR: return "attr";
	default: return "";
	}
}

/* The list of forms, for the front page and for a file of another kind. */
static void
S_forms_json(struct buf *b)
{
	buf_puts(b, "\"forms\":[");
	for (size_t i = 0; i < NFORMS; i++) {
		buf_puts(b, i ? ",{\"kind\":" : "{\"kind\":");
		S_str(b, input_kind_root(S_forms[i].kind));
		buf_puts(b, ",\"slug\":");
		S_str(b, S_forms[i].slug);
		buf_puts(b, ",\"title\":");
		S_str(b, S_forms[i].title);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
}

/* The vocabulary of one form as the page's JSON. */
static void
S_vocab_json(struct buf *b, size_t fi, const struct policy *pol)
{
	enum input_kind kind = S_forms[fi].kind;
	const struct vocab *v;
	int nsec = 0, nfield = 0, first = 1;

	buf_puts(b, "{\"kind\":");
	S_str(b, input_kind_root(kind));
	buf_puts(b, ",\"title\":");
	S_str(b, S_forms[fi].title);
	buf_puts(b, ",\"file\":");
	S_str(b, S_forms[fi].file);
	buf_puts(b, ",\"who\":[");
	S_str(b, S_forms[fi].who);
	buf_puts(b, "],");
	S_forms_json(b);
	buf_puts(b, ",\"sections\":[");
	for (v = vocab_table; v->kind != INPUT_UNKNOWN; v++) {
		const struct vocab_guide *g;
		if (v->kind != kind || v->type == VT_LABEL)
			continue;
		g = vocab_guide(kind, v->path);
		if (v->type == VT_SECTION || v->type == VT_LIST) {
			if (nsec++)
				buf_puts(b, "]}");
			buf_puts(b, nsec > 1 ? ",{\"label\":" : "{\"label\":");
			S_str(b, v->label);
			buf_puts(b, ",\"title\":");
			S_str(b, v->msg);
			buf_puts(b, ",\"path\":");
			S_str(b, v->path);
			buf_printf(b, ",\"list\":%s", v->type == VT_LIST ? "true" : "false");
			if (g && g->hint) {
				buf_puts(b, ",\"hint\":");
				S_str(b, g->hint);
			}
			buf_puts(b, ",\"fields\":[");
			nfield = 0;
			first = nsec == 1;
			continue;
		}
		buf_puts(b, nfield++ ? ",{\"key\":" : "{\"key\":");
		S_str(b, v->label);
		/* The paper form's words: the key under its section, the
		 * full name in the form's own head (申报年度). */
		buf_puts(b, ",\"label\":");
		S_str(b, first ? v->msg : v->label);
		buf_puts(b, ",\"form\":");
		S_str(b, S_form_name(v->form));
		buf_puts(b, ",\"path\":");
		S_str(b, v->path);
		if (g && g->hint) {
			buf_puts(b, ",\"hint\":");
			S_str(b, g->hint);
		}
		if (g && g->max)
			buf_printf(b, ",\"max\":%d", S_pol_int(pol, g->max));
		if (g && g->min)
			buf_printf(b, ",\"min\":%d", S_pol_int(pol, g->min));
		if (g && g->choices)
			S_choices(b, pol, g->choices);
		if (g && g->multi)
			buf_puts(b, ",\"multi\":true");
		buf_putc(b, '}');
	}
	if (nsec)
		buf_puts(b, "]}");
	buf_puts(b, "]}");
}

/* html with every "@NAME@" replaced. */
static char *
S_fill(const char *html, const char *title, const char *vocab, size_t *len)
{
	struct buf b;
	const char *p = html;

	buf_init(&b);
	for (;;) {
		const char *t = strstr(p, "@TITLE@"), *v = strstr(p, "@VOCAB@");
		const char *at = t && (!v || t < v) ? t : v;
		if (at == NULL)
			break;
		buf_append(&b, p, (size_t)(at - p));
		buf_puts(&b, at == t ? title : vocab);
		p = at + 7;
	}
	buf_puts(&b, p);
	*len = b.len;
	return buf_detach(&b);
}

static void
S_base64(struct buf *b, const unsigned char *d, size_t n)
{
	static const char t[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)d[i] << 16 | (i + 1 < n ? (unsigned)d[i + 1] << 8 : 0) |
		    (i + 2 < n ? d[i + 2] : 0);
		buf_putc(b, t[v >> 18 & 63]);
		buf_putc(b, t[v >> 12 & 63]);
		buf_putc(b, i + 1 < n ? t[v >> 6 & 63] : '=');
		buf_putc(b, i + 2 < n ? t[v & 63] : '=');
	}
}

/* 'sha256-…' of the text between open and "</" + tag. */
static int
S_hash(struct buf *b, const char *html, const char *open, const char *close)
{
	const char *s = strstr(html, open), *e;
	unsigned char h[32];

	if (s == NULL || (e = strstr(s += strlen(open), close)) == NULL)
		return -1;
	sha256(s, (size_t)(e - s), h);
	buf_puts(b, "'sha256-");
	S_base64(b, h, sizeof h);
	buf_putc(b, '\'');
	return 0;
}

int
serve_page_init(void)
{
	const struct policy *pol = policy_get();
	char *path, *html;
	size_t len;
	struct buf csp, vj;

	if (pol == NULL)
		return -1;
	path = data_path("forms/serve.html");
	if ((html = file_read(path, &len)) == NULL) {
		diag(F_IO_OPEN, path, 0, 0, errno_text(errno));
		free(path);
		return -1;
	}
	free(path);
	/* The one script and the one style, by their hashes: nothing
	 * else runs, nothing is fetched from elsewhere. */
	buf_init(&csp);
	buf_puts(&csp, "default-src 'none'; script-src ");
	if (S_hash(&csp, html, "<script>", "</script>") == -1) {
		diag(F_IO_OPEN, "forms/serve.html", 0, 0, "没有 <script>");
		buf_free(&csp);
		free(html);
		return -1;
	}
	buf_puts(&csp, "; style-src ");
	S_hash(&csp, html, "<style>", "</style>");
	buf_puts(&csp, "; img-src data: blob:; connect-src 'self'; frame-src blob:; "
	    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
	S_csp = buf_detach(&csp);

	buf_init(&vj);
	buf_puts(&vj, "{\"kind\":\"\",");
	S_forms_json(&vj);
	buf_putc(&vj, '}');
	S_pages[0].path = xstrdup("/");
	S_pages[0].html = S_fill(html, "杭州师范大学辅导员工作坊表格", vj.data, &S_pages[0].len);
	for (size_t i = 0; i < NFORMS; i++) {
		buf_reset(&vj);
		S_vocab_json(&vj, i, pol);
		S_pages[i + 1].path = xasprintf("/form/%s", S_forms[i].slug);
		S_pages[i + 1].html = S_fill(html, S_forms[i].title, vj.data,
		    &S_pages[i + 1].len);
	}
	buf_free(&vj);
	free(html);
	return 0;
}

void
serve_page_free(void)
{
	for (size_t i = 0; i <= NFORMS; i++) {
		free(S_pages[i].path);
		free(S_pages[i].html);
	}
	memset(S_pages, 0, sizeof S_pages);
	free(S_csp);
	S_csp = NULL;
}

const char *
serve_page(const char *path, size_t *len)
{
	for (size_t i = 0; i <= NFORMS; i++)
		if (S_pages[i].path && strcmp(path, S_pages[i].path) == 0) {
			*len = S_pages[i].len;
			return S_pages[i].html;
		}
	return NULL;
}

const char *
serve_page_csp(void)
{
	return S_csp ? S_csp : "default-src 'none'";
}
