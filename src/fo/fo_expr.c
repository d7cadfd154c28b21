/* fo_expr.c — XSL 1.1 §5.9 expressions in property values, by recursive
 * descent (see fo_expr.h).
 *
 *   Expr     ::= Mult (('+' | '-') Mult)*
 *   Mult     ::= Unary (('*' | 'div' | '/' | 'mod') Unary)*
 *   Unary    ::= ('-' | '+') Unary | Primary
 *   Primary  ::= '(' Expr ')' | Number Unit? | Number '%' | Name '(' Args ')'
 *
 * Units: pt mm cm in pc px (1/96 in) em.  Nesting is bounded (hostile
 * input cannot exhaust the stack). */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "fo_expr.h"

#define MAX_NEST	32

struct S_p {
	const char	*s;
	const struct fo_expr_env *env;
	const char	*why;		/* the first error */
	int		 depth;
};

static void
S_skip(struct S_p *p)
{
	while (*p->s == ' ' || *p->s == '\t' || *p->s == '\n' || *p->s == '\r')
		p->s++;
}

static int
S_fail(struct S_p *p, const char *why)
{
	if (p->why == NULL)
		p->why = why;
	return -1;
}

static int
S_is_name(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
	    (c >= '0' && c <= '9');
}

static struct fo_num
S_numv(double v)
{
	struct fo_num n = { v, 0, 0, 0 };
	return n;
}

/* A plain number may join a length only when it is 0 ("0 + 2pt"). */
static int
S_zero_number(const struct fo_num *a)
{
	return !a->is_len && a->v == 0;
}

static int S_expr(struct S_p *p, struct fo_num *out);

int
fo_decimal(const char **sp, double *v)
{
	const char *s = *sp;
	double x = 0, f = 0.1;
	int digits = 0;

	while (*s >= '0' && *s <= '9') {
		if (x < 1e12)
			x = x * 10 + (*s - '0');
		s++;
		digits++;
	}
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9') {
			x += f * (*s - '0');
			f /= 10;
			s++;
			digits++;
		}
	}
	if (digits == 0)
		return -1;
	*sp = s;
	*v = x;
	return 0;
}

static int
S_unit(struct S_p *p, double v, struct fo_num *out)
{
	static const struct { const char *u; double mul; } units[] = {
		{ "pt", 1 }, { "mm", 72 / 25.4 }, { "cm", 72 / 2.54 },
		{ "in", 72 }, { "pc", 12 }, { "px", 0.75 }, { "em", 0 },
	};
	const char *s = p->s;
	size_t n = 0;

	if (*s == '%') {
		if (!(p->env->allow & FO_EX_PCT))
			return S_fail(p, "此处不能用百分比");
		p->s++;
		*out = S_numv(0);
		out->pct = v;
		out->is_len = 1;
		return 0;
	}
	if ((s[0] == 'e' || s[0] == 'E') && (s[1] == '+' || s[1] == '-' ||
	    (s[1] >= '0' && s[1] <= '9')) && s[1 + (s[1] < '0')] >= '0' &&
	    s[1 + (s[1] < '0')] <= '9')
		return S_fail(p, "数字不能用 1e5 这样的写法");
	while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z'))
		n++;
	if (n == 0) {
		*out = S_numv(v);
		return 0;
	}
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (n == 2 && strncmp(s, units[i].u, 2) == 0) {
			*out = S_numv(v * (units[i].mul ? units[i].mul : p->env->em));
			out->is_len = 1;
			p->s += 2;
			return 0;
		}
	/* "5 div 2", "3 mod 2": an operator, not a unit */
	if (n == 3 && (strncmp(s, "div", 3) == 0 || strncmp(s, "mod", 3) == 0)) {
		*out = S_numv(v);
		return 0;
	}
	return S_fail(p, "单位不明，可用 mm、cm、in、pt、pc、px、em");
}

/* The arguments of a function: n values in a[]. */
static int
S_args(struct S_p *p, struct fo_num *a, int want)
{
	for (int i = 0; i < want; i++) {
		if (i > 0) {
			S_skip(p);
			if (*p->s != ',')
				return S_fail(p, "函数的参数个数不对");
			p->s++;
		}
		if (S_expr(p, &a[i]) < 0)
			return -1;
	}
	S_skip(p);
	if (*p->s != ')')
		return S_fail(p, *p->s == ',' ? "函数的参数个数不对" :
		    "括号不完整");
	p->s++;
	return 0;
}

static struct fo_num
S_from_len(struct fo_len l)
{
	struct fo_num n = { l.pt, l.pct, 0, 1 };
	return n;
}

static int
S_func(struct S_p *p, const char *name, size_t n, struct fo_num *out)
{
	struct fo_num a[2];

#define IS(lit)	(n == sizeof(lit) - 1 && strncmp(name, lit, n) == 0)
	if (IS("label-end") || IS("body-start")) {
		S_skip(p);
		if (*p->s != ')')
			return S_fail(p, "label-end() 和 body-start() 没有参数");
		p->s++;
		if (!(p->env->allow & FO_EX_LIST))
			return S_fail(p, "label-end() 和 body-start() 只能用在 fo:list-block 之内");
		*out = S_from_len(IS("label-end") ? p->env->label_end :
		    p->env->body_start);
		return 0;
	}
	if (IS("proportional-column-width")) {
		if (!(p->env->allow & FO_EX_PROP))
			return S_fail(p, "proportional-column-width() 只能用于 column-width");
		if (S_args(p, a, 1) < 0)
			return -1;
		if (a[0].is_len || !(a[0].v > 0) || a[0].v > 1e6)
			return S_fail(p, "比例应为不大于 1000000 的正数");
		*out = S_numv(0);
		out->prop = a[0].v;
		out->is_len = 1;
		return 0;
	}
	if (IS("abs") || IS("floor") || IS("ceiling") || IS("round")) {
		if (S_args(p, a, 1) < 0)
			return -1;
		if (a[0].pct != 0 || a[0].prop != 0)
			return S_fail(p, "百分比不能取整或取绝对值");
		*out = a[0];
		out->v = IS("abs") ? fabs(a[0].v) : IS("floor") ? floor(a[0].v) :
		    IS("ceiling") ? ceil(a[0].v) : floor(a[0].v + 0.5);
		return 0;
	}
	if (IS("min") || IS("max")) {
		if (S_args(p, a, 2) < 0)
			return -1;
		if (a[0].is_len != a[1].is_len)
			return S_fail(p, "不能比较数和长度");
		if (a[0].pct != 0 || a[1].pct != 0 || a[0].prop != 0 ||
		    a[1].prop != 0)
			return S_fail(p, "百分比不能比较大小");
		*out = (a[0].v < a[1].v) == IS("min") ? a[0] : a[1];
		return 0;
	}
#undef IS
	return S_fail(p, "不支持这个函数，可用 abs、min、max、floor、ceiling、"
	    "round、proportional-column-width、label-end、body-start");
}

static int
S_primary(struct S_p *p, struct fo_num *out)
{
	double v;

	S_skip(p);
	if (*p->s == '(') {
		p->s++;
		if (S_expr(p, out) < 0)
			return -1;
		S_skip(p);
		if (*p->s != ')')
			return S_fail(p, "括号不完整");
		p->s++;
		return 0;
	}
	if ((*p->s >= 'a' && *p->s <= 'z') || (*p->s >= 'A' && *p->s <= 'Z')) {
		const char *name = p->s;
		size_t n = 0;
		while (S_is_name((unsigned char)name[n]))
			n++;
		p->s += n;
		S_skip(p);
		if (*p->s != '(')
			return S_fail(p, "不是长度");
		p->s++;
		return S_func(p, name, n, out);
	}
	if (fo_decimal(&p->s, &v) < 0)
		return S_fail(p, "不是长度");
	return S_unit(p, v, out);
}

static int
S_unary(struct S_p *p, struct fo_num *out)
{
	S_skip(p);
	if (*p->s == '-' || *p->s == '+') {
		int neg = *p->s == '-';
		p->s++;
		if (++p->depth > MAX_NEST)
			return S_fail(p, "表达式嵌套太深");
		int r = S_unary(p, out);
		p->depth--;
		if (r < 0)
			return -1;
		if (neg) {
			out->v = -out->v;
			out->pct = -out->pct;
			out->prop = -out->prop;
		}
		return 0;
	}
	return S_primary(p, out);
}

/* The multiplicative operator at p->s: '*', '/', 'd' (div), 'm' (mod) or
 * 0; advances past it. */
static int
S_mulop(struct S_p *p)
{
	S_skip(p);
	if (*p->s == '*' || *p->s == '/')
		return *p->s++;
	if ((strncmp(p->s, "div", 3) == 0 || strncmp(p->s, "mod", 3) == 0) &&
	    !S_is_name((unsigned char)p->s[3])) {
		int op = p->s[0];
		p->s += 3;
		return op;
	}
	return 0;
}

static int
S_mult(struct S_p *p, struct fo_num *out)
{
	int op;

	if (S_unary(p, out) < 0)
		return -1;
	while ((op = S_mulop(p)) != 0) {
		struct fo_num b;
		if (S_unary(p, &b) < 0)
			return -1;
		if (op == '*') {
			if (out->is_len && b.is_len)
				return S_fail(p, "长度不能乘长度");
			if (b.is_len) {
				struct fo_num t = *out;
				*out = b;
				b = t;
			}
			out->v *= b.v;
			out->pct *= b.v;
			out->prop *= b.v;
		} else if (op == '/' || op == 'd') {
			if (b.is_len && (b.pct != 0 || b.prop != 0 || !out->is_len ||
			    out->pct != 0 || out->prop != 0))
				return S_fail(p, "只能用数或长度除长度");
			if (b.v == 0)
				return S_fail(p, "除数为 0");
			out->v /= b.v;
			out->pct /= b.v;
			out->prop /= b.v;
			if (b.is_len)
				out->is_len = 0;	/* length div length */
		} else {
			if (out->is_len != b.is_len || out->pct != 0 ||
			    b.pct != 0 || out->prop != 0 || b.prop != 0)
				return S_fail(p, "mod 的两边应同为数或同为长度");
			if (b.v == 0)
				return S_fail(p, "除数为 0");
			out->v = fmod(out->v, b.v);
		}
	}
	return 0;
}

static int
S_expr(struct S_p *p, struct fo_num *out)
{
	if (++p->depth > MAX_NEST)
		return S_fail(p, "表达式嵌套太深");
	if (S_mult(p, out) < 0)
		return -1;
	for (;;) {
		struct fo_num b;
		int sign;
		S_skip(p);
		if (*p->s != '+' && *p->s != '-')
			break;
		sign = *p->s++ == '-' ? -1 : 1;
		if (S_mult(p, &b) < 0)
			return -1;
		if (out->is_len != b.is_len) {
			if (S_zero_number(out))
				out->is_len = 1;
			else if (S_zero_number(&b))
				b.is_len = 1;
			else
				return S_fail(p, "缺少单位，mm、cm、in、pt、pc、px、em");
		}
		out->v += sign * b.v;
		out->pct += sign * b.pct;
		out->prop += sign * b.prop;
	}
	p->depth--;
	return 0;
}

const char *
fo_expr(const char *s, const struct fo_expr_env *env, struct fo_num *out)
{
	struct S_p p = { s, env, NULL, 0 };
	struct fo_num v;

	if (S_expr(&p, &v) < 0)
		return p.why;
	S_skip(&p);
	if (*p.s != '\0')
		return *p.s == ')' ? "括号不完整" : "不是长度";
	if (!isfinite(v.v) || !isfinite(v.pct) || !isfinite(v.prop))
		return "超出合理范围";
	*out = v;
	return NULL;
}
