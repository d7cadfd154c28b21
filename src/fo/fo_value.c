/* fo_value.c — the values of properties: lengths (expressions through
 * fo_expr.c), colours, keywords, integers, shorthand words, borders,
 * keeps, font families, src. */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../util/datauri.h"
#include "../util/util.h"
#include "fo_prop_int.h"

const char *
fo_skip(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

/* A decimal number with an optional sign (fo_decimal does the digits). */
int
fo_number(const char **sp, double *v)
{
	const char *s = *sp;
	int neg = 0;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (fo_decimal(&s, v) < 0)
		return -1;
	if (neg)
		*v = -*v;
	*sp = s;
	return 0;
}

/* Parse a length: auto, scale-to-fit, or an expression (fo_expr.c: + - *
 * div mod, parentheses, abs() min() max() … proportional-column-width()
 * and, with list, label-end() and body-start()).  em is relative to
 * em_base.  For proportional-column-width(N) + L the fixed part L goes to
 * *fixed when it is not NULL (else it must be 0).  Returns NULL if fine,
 * else why not. */
const char *
fo_length_ex(const char *s, double em_base, unsigned allow,
    const struct fo_expr_env *list, struct fo_len *out, double *fixed)
{
	struct fo_expr_env env;
	struct fo_num v;
	struct fo_len l;
	const char *why;

	s = fo_skip(s);
	if (strcmp(s, "auto") == 0 || strncmp(s, "auto ", 5) == 0) {
		if (!(allow & LA_AUTO) || *fo_skip(s + 4))
			return "此处不能用 auto";
		memset(out, 0, sizeof *out);
		out->kind = FO_AUTO;
		return NULL;
	}
	if (!strcmp(s, "scale-to-fit") || !strcmp(s, "scale-down-to-fit") ||
	    !strcmp(s, "scale-up-to-fit")) {
		if (!(allow & LA_FIT))
			return "此处不能用 scale-to-fit";
		memset(out, 0, sizeof *out);
		out->kind = FO_SCALE_TO_FIT;
		return NULL;
	}
	memset(&env, 0, sizeof env);
	if (list != NULL)
		env = *list;
	env.em = em_base;
	env.allow = (list != NULL ? FO_EX_LIST : 0) |
	    (allow & LA_PCT ? FO_EX_PCT : 0) | (allow & LA_PROP ? FO_EX_PROP : 0);
	if ((why = fo_expr(s, &env, &v)) != NULL)
		return why;
	memset(&l, 0, sizeof l);
	l.kind = FO_LEN;
	if (v.prop != 0) {
		if (v.prop < 0 || v.pct != 0)
			return "proportional-column-width() 只能加减长度";
		if (v.v != 0 && fixed == NULL)
			return "proportional-column-width() 只能用于 column-width";
		if (fixed != NULL)
			*fixed = v.v;
		if (fabs(v.v) > MAX_PT || v.v < 0)
			return "超出合理范围";
		l.kind = FO_PROPORTIONAL;
		l.pt = v.prop;
		*out = l;
		return NULL;
	}
	if (!v.is_len && v.v != 0 && !(allow & LA_NUM))
		return "缺少单位，mm、cm、in、pt、pc、px、em";
	if (fabs(v.v) > MAX_PT || fabs(v.pct) > MAX_PCT)
		return "超出合理范围";
	l.pt = v.v;
	l.pct = (float)v.pct;
	/* "100% - 10pt" is fine; only a length that is negative whatever
	 * the base is refused */
	if (!(allow & LA_NEG) && ((l.pt < 0 && l.pct <= 0) ||
	    (l.pct < 0 && l.pt <= 0)))
		return "不能为负";
	*out = l;
	return NULL;
}

const char *
fo_length(const char *s, double em_base, unsigned allow, struct fo_len *out)
{
	return fo_length_ex(s, em_base, allow, NULL, out, NULL);
}

/* Split a shorthand value into at most 4 space-separated words (outside
 * parentheses).  Returns the count, or -1 if more. */
int
fo_words(const char *s, char w[4][64])
{
	int n = 0;

	s = fo_skip(s);
	while (*s) {
		size_t k = 0;
		int depth = 0;
		if (n == 4)
			return -1;
		while (*s && (depth > 0 || (*s != ' ' && *s != '\t' &&
		    *s != '\n' && *s != '\r'))) {
			if (*s == '(')
				depth++;
			else if (*s == ')' && depth > 0)
				depth--;
			if (k < 63)
				w[n][k++] = *s;
			s++;
		}
		w[n][k] = '\0';
		n++;
		s = fo_skip(s);
	}
	return n;
}

/* CSS order top right bottom left → our sides (before after start end). */
void
fo_four(int n, int idx[4])
{
	static const int map[5][4] = {
		{ 0, 0, 0, 0 },
		{ 0, 0, 0, 0 },		/* a:   all */
		{ 0, 0, 1, 1 },		/* a b: before/after a, start/end b */
		{ 0, 2, 1, 1 },		/* a b c */
		{ 0, 2, 3, 1 },		/* a b c d: top right bottom left */
	};
	for (int i = 0; i < 4; i++)
		idx[i] = map[n][i];
}

/* A colour: a name, #rgb, #rrggbb, rgb(r, g, b) with 0–255 or %. */
int
fo_color_parse(const char *s, uint32_t *out)
{
	s = fo_skip(s);
	if (*s == '#') {
		size_t n = strlen(s + 1);
		uint32_t v = 0;
		while (n > 0 && (s[n] == ' ' || s[n] == '\t'))
			n--;
		if (n != 3 && n != 6)
			return -1;
		for (size_t i = 1; i <= n; i++) {
			int h = hex_value((unsigned char)s[i]);
			if (h < 0)
				return -1;
			v = n == 3 ? (v << 8) | (uint32_t)(h * 17) : (v << 4) | (uint32_t)h;
		}
		*out = v;
		return 0;
	}
	if (strncmp(s, "rgb(", 4) == 0) {
		uint32_t v = 0;
		s += 4;
		for (int i = 0; i < 3; i++) {
			double x;
			s = fo_skip(s);
			if (fo_number(&s, &x) < 0)
				return -1;
			if (*s == '%') {
				x = x * 255 / 100;
				s++;
			}
			if (x < 0 || x > 255)
				return -1;
			v = (v << 8) | (uint32_t)lround(x);
			s = fo_skip(s);
			if (*s != (i < 2 ? ',' : ')'))
				return -1;
			s++;
		}
		if (*fo_skip(s))
			return -1;
		*out = v;
		return 0;
	}
	return fo_color_name(s, out);
}

/* Index of s in a NULL-terminated list of keywords, or -1. */
int
fo_kw(const char *s, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(s, list[i]) == 0)
			return i;
	return -1;
}

const char *const fo_bstyles[] = { "none", "hidden", "dotted", "dashed",
	"solid", "double", "groove", "ridge", "inset", "outset", NULL };

/* A positive integer, at most max. */
int
fo_integer(const char *s, int min, int max, int *out)
{
	double v;
	const char *t = fo_skip(s);

	if (fo_number(&t, &v) < 0 || *fo_skip(t) || v != floor(v) || v < min ||
	    v > max)
		return -1;
	*out = (int)v;
	return 0;
}

int
fo_border_width(const char *s, double em, double *out)
{
	struct fo_len l;

	if (!strcmp(s, "thin")) *out = 0.5;
	else if (!strcmp(s, "medium")) *out = 1;
	else if (!strcmp(s, "thick")) *out = 2;
	else if (fo_length(s, em, 0, &l) == NULL)
		*out = l.pt;
	else
		return -1;
	return 0;
}

/* border / border-top …: width, style and colour in any order; what is
 * not given takes its initial value. */
int
fo_border_short(struct fo_pstate *p, const char *v, struct fo_border *b)
{
	char w[4][64];
	int n = fo_words(v, w), seen = 0;
	struct fo_border nb;

	if (n <= 0 || n > 3)
		return -1;
	memset(&nb, 0, sizeof nb);
	nb.width = 1;		/* medium */
	nb.color = p->in.color;
	nb.style = FO_BS_NONE;
	for (int i = 0; i < n; i++) {
		int k;
		uint32_t col;
		double wd;
		if ((k = fo_kw(w[i], fo_bstyles)) >= 0 && !(seen & 1)) {
			nb.style = (uint16_t)k;
			seen |= 1;
		} else if (fo_border_width(w[i], p->in.font_size, &wd) == 0 &&
		    !(seen & 2)) {
			nb.width = wd;
			seen |= 2;
		} else if (fo_color_parse(w[i], &col) == 0 && !(seen & 4)) {
			nb.color = col;
			seen |= 4;
		} else
			return -1;
	}
	nb.retain = b->retain;
	*b = nb;
	return 0;
}

int
fo_keep_value(const char *s, int32_t *out)
{
	int v;

	if (!strcmp(s, "auto"))
		*out = FO_KEEP_AUTO;
	else if (!strcmp(s, "always"))
		*out = FO_KEEP_ALWAYS;
	else if (fo_integer(s, 1, 1000000, &v) == 0)
		*out = v;
	else
		return -1;
	return 0;
}

const char *
fo_strdup_val(struct fo_pstate *p, const char *v)
{
	v = fo_skip(v);
	size_t n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\n'))
		n--;
	return fo_strdup(p->c->tree, v, n);
}

/* font-family: the names, quotes removed, ", "-separated. */
const char *
fo_family(struct fo_pstate *p, const char *v)
{
	struct buf b;
	const char *s = v, *r;

	buf_init(&b);
	while (*s) {
		const char *start, *end;
		s = fo_skip(s);
		if (*s == '"' || *s == '\'') {
			char q = *s++;
			start = s;
			while (*s && *s != q)
				s++;
			end = s;
			if (*s)
				s++;
		} else {
			start = s;
			while (*s && *s != ',')
				s++;
			end = s;
			while (end > start && (end[-1] == ' ' || end[-1] == '\t'
			    || end[-1] == '\n'))
				end--;
		}
		if (end > start) {
			if (b.len)
				buf_puts(&b, ", ");
			buf_append(&b, start, (size_t)(end - start));
		}
		s = fo_skip(s);
		if (*s == ',')
			s++;
		else if (*s)
			break;
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	r = fo_str_intern(p->c, b.data, b.len);
	buf_free(&b);
	return r;
}

/* src="url('a.png')" → a.png, resolved against the FO file's folder. */
const char *
fo_src(struct fo_pstate *p, const char *v)
{
	char *u, *path;
	const char *r;
	size_t n;

	v = fo_skip(v);
	if (strncmp(v, "url(", 4) == 0) {
		v = fo_skip(v + 4);
		u = xstrdup(v);
		n = strlen(u);
		while (n > 0 && (u[n - 1] == ' ' || u[n - 1] == ')'))
			u[--n] = '\0';
	} else
		u = xstrdup(v);
	n = strlen(u);
	if (n >= 2 && (u[0] == '"' || u[0] == '\'') && u[n - 1] == u[0]) {
		memmove(u, u + 1, n - 2);
		u[n - 2] = '\0';
	}
	/* a data: URI (RFC 2397) carries the picture itself: kept as written,
	 * line breaks in its base64 included (src/util/datauri.h) */
	if (datauri_is(u)) {
		r = fo_strdup(p->c->tree, u, strlen(u));
		free(u);
		return r;
	}
	if (strncmp(u, "file://", 7) == 0)
		memmove(u, u + 7, strlen(u + 7) + 1);
	else if (strncmp(u, "file:", 5) == 0)
		memmove(u, u + 5, strlen(u + 5) + 1);
	/* a URL with another scheme is kept as written: the layout refuses
	 * it (no network) and names it */
	{
		const char *q = u;
		while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))
			q++;
		if (q - u >= 2 && strncmp(q, "://", 3) == 0) {
			r = fo_strdup(p->c->tree, u, strlen(u));
			free(u);
			return r;
		}
	}
	path = path_join(p->c->tree->dir ? p->c->tree->dir : ".", u);
	r = fo_strdup(p->c->tree, path, strlen(path));
	free(path);
	free(u);
	return r;
}

/* label-end() and body-start() (XSL 1.1 §5.10.4) for an element inside
 * a list-block, from the closest one: body-start() = its start-indent +
 * provisional-distance-between-starts; label-end() = the reference
 * area's width - (start-indent + distance - separation).  NULL outside a
 * list. */
const struct fo_expr_env *
fo_list_env(struct fo_pstate *p, struct fo_expr_env *env)
{
	const struct fo_node *lb = p->n->parent;

	while (lb != NULL && lb->kind != FO_LIST_BLOCK)
		lb = lb->parent;
	if (lb == NULL)
		return NULL;
	const struct fo_inh *in = lb->inh;
	memset(env, 0, sizeof *env);
	env->body_start.kind = env->label_end.kind = FO_LEN;
	env->body_start.pt = in->start_indent.pt + in->pdbs.pt;
	env->body_start.pct = in->start_indent.pct + in->pdbs.pct;
	env->label_end.pt = -(in->start_indent.pt + in->pdbs.pt - in->pls.pt);
	env->label_end.pct = 100 - (in->start_indent.pct + in->pdbs.pct -
	    in->pls.pct);
	return env;
}

/* text-decoration: none, or any of [no-]underline, [no-]overline,
 * [no-]line-through, [no-]blink (blink is accepted and not drawn). */
const char *
fo_text_decoration(const char *v, uint8_t *bits)
{
	static const char *const kw[] = { "underline", "no-underline",
		"overline", "no-overline", "line-through", "no-line-through",
		"blink", "no-blink", NULL };
	static const uint8_t bit[] = { FO_TD_UNDERLINE, FO_TD_OVERLINE,
		FO_TD_LINE_THROUGH, 0 };
	char w[4][64];
	int n = fo_words(v, w), k;
	uint8_t b = *bits;

	if (n == 1 && !strcmp(w[0], "none")) {
		*bits = 0;
		return NULL;
	}
	if (n <= 0)
		return "应为 none、underline、overline、line-through";
	for (int i = 0; i < n; i++) {
		if ((k = fo_kw(w[i], kw)) < 0)
			return "应为 none、underline、overline、line-through";
		if (k % 2 == 0)
			b |= bit[k / 2];
		else
			b &= (uint8_t)~bit[k / 2];
	}
	*bits = b;
	return NULL;
}
