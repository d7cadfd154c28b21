/* roster_plan.c — the approved 建设方案 kept in the roster part by part, and
 * a changed plan told in Chinese: which part, and the words that changed
 * (第二年实施计划：“……为……”改为“……是……”), never a digest. */
#include "roster.h"

#include <stdlib.h>
#include <string.h>

#include "../rules/rules.h"
#include "../util/util.h"

/* The parts of 建设方案 in the order of 附件1, with their names in Chinese. */
static const struct {
	const char	*key;
	const char	*label;
} S_parts[] = {
	{ "overall", "总体规划" },
	{ "yearly/1", "第一年实施计划" },
	{ "yearly/2", "第二年实施计划" },
	{ "yearly/3", "第三年实施计划" },
	{ "student-service", "学生辅导和服务" },
	{ "member-growth", "成员学习成长计划" },
	{ "platform", "工作平台、方式及预期效果" },
};
#define NPARTS (sizeof S_parts / sizeof S_parts[0])

/* Context shown on each side of a change, and the longest change quoted
 * whole, in characters. */
#define CONTEXT		4
#define QUOTE		24

/* The text of part i of an application's <plan>, white space removed (as
 * the digest reads it), new string. */
static char *
S_app_part(const xmlNode *plan, size_t i)
{
	const char *key = S_parts[i].key;
	xmlNode *n = NULL;

	if (strncmp(key, "yearly/", 7) == 0) {
		xmlNode *y = rules_child(plan, "yearly");
		for (xmlNode *c = y ? y->children : NULL; c && !n; c = c->next) {
			char *nn = rules_attr(c, "n");
			if (c->type == XML_ELEMENT_NODE && strcmp(nn, key + 7) == 0)
				n = c;
			free(nn);
		}
	} else
		n = rules_child(plan, key);
	char *t = rules_text(n), *w = t;
	for (char *p = t; *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			*w++ = *p;
	*w = '\0';
	return t;
}

/* The text of part i of the roster's <plan>, or NULL if it holds none. */
static char *
S_roster_part(const xmlNode *plan, size_t i)
{
	for (xmlNode *c = plan ? plan->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !xmlStrEqual(c->name, BAD_CAST "part"))
			continue;
		char *k = rules_attr(c, "name");
		int hit = strcmp(k, S_parts[i].key) == 0;
		free(k);
		if (hit) {
			xmlChar *t = xmlNodeGetContent(c);
			char *s = xstrdup(t ? (const char *)t : "");
			xmlFree(t);
			return s;
		}
	}
	return NULL;
}

void
roster_plan_store(xmlNode *plan, const xmlNode *application)
{
	const xmlNode *ap = rules_child(application, "plan");
	char *digest = roster_plan_digest(application);
	xmlNode *c, *next;

	for (c = plan->children; c; c = next) {
		next = c->next;
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	xmlSetProp(plan, BAD_CAST "digest", BAD_CAST digest);
	for (size_t i = 0; i < NPARTS; i++) {
		char *t = S_app_part(ap, i);
		if (*t) {
			xmlNode *p = xmlNewChild(plan, NULL, BAD_CAST "part", NULL);
			xmlSetProp(p, BAD_CAST "name", BAD_CAST S_parts[i].key);
			xmlNodeAddContent(p, BAD_CAST t);
		}
		free(t);
	}
	free(digest);
}

/* Code points of s. */
static uint32_t *
S_cps(const char *s, size_t *n)
{
	size_t len = strlen(s), k;
	uint32_t *v = xcalloc(len + 1, sizeof *v);

	*n = 0;
	while (len > 0) {
		if ((k = utf8_decode(s, len, &v[*n])) == 0)
			k = 1, v[*n] = '?';
		(*n)++;
		s += k;
		len -= k;
	}
	return v;
}

static void
S_put(struct buf *b, const uint32_t *v, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		char u[8];
		size_t k = utf8_encode(v[i], u);
		buf_append(b, u, k);
	}
}

/* One side of a change: a little context, the changed words (a long run
 * cut in its middle), a little context; …… where the text goes on. */
static void
S_side(struct buf *b, const uint32_t *v, size_t n, size_t from, size_t to)
{
	size_t c0 = from > CONTEXT ? from - CONTEXT : 0;
	size_t c1 = to + CONTEXT < n ? to + CONTEXT : n;

	buf_puts(b, "“");
	if (c0 > 0)
		buf_puts(b, "……");
	S_put(b, v, c0, from);
	if (to - from > QUOTE) {
		S_put(b, v, from, from + QUOTE / 2);
		buf_puts(b, "……");
		S_put(b, v, to - QUOTE / 2, to);
	} else
		S_put(b, v, from, to);
	S_put(b, v, to, c1);
	if (c1 < n)
		buf_puts(b, "……");
	buf_puts(b, "”");
}

/* The changes from a to b, each as “old”改为“new” with context, joined
 * by “，”: the longest common subsequence of what is left once the common
 * beginning and end are set aside, its gaps the changes (one change when
 * that is too long to compare). */
static void
S_diff(struct buf *out, const char *as, const char *bs)
{
	size_t na, nb, p = 0, s = 0;
	uint32_t *a = S_cps(as, &na), *b = S_cps(bs, &nb);

	while (p < na && p < nb && a[p] == b[p])
		p++;
	while (s < na - p && s < nb - p && a[na - 1 - s] == b[nb - 1 - s])
		s++;
	size_t m = na - p - s, k = nb - p - s, shown = 0;
	/* hunks: [ai0, ai1) of a became [bi0, bi1) of b */
	size_t (*h)[4] = xcalloc(m + k + 1, sizeof *h), nh = 0;
	if (m > 0 && k > 0 && m * k <= 4000000) {
		unsigned short *L = xcalloc((m + 1) * (k + 1), sizeof *L);
#define AT(i, j) L[(i) * (k + 1) + (j)]
		for (size_t i = m; i-- > 0;)
			for (size_t j = k; j-- > 0;)
				AT(i, j) = a[p + i] == b[p + j] ? AT(i + 1, j + 1) + 1 :
				    AT(i + 1, j) > AT(i, j + 1) ? AT(i + 1, j) : AT(i, j + 1);
		size_t i = 0, j = 0;
		while (i < m || j < k) {
			if (i < m && j < k && a[p + i] == b[p + j]) {
				i++, j++;
				continue;
			}
			size_t i0 = i, j0 = j;
			/* a gap ends where two characters match again,
			 * not merely one (no change cut by a stray 的) */
			while ((i < m || j < k) && !(i < m && j < k &&
			    a[p + i] == b[p + j] && (i + 1 == m || j + 1 == k ||
			    a[p + i + 1] == b[p + j + 1]))) {
				if (j >= k || (i < m && AT(i + 1, j) >= AT(i, j + 1)))
					i++;
				else
					j++;
			}
			h[nh][0] = p + i0, h[nh][1] = p + i, h[nh][2] = p + j0, h[nh][3] = p + j;
			nh++;
		}
#undef AT
		free(L);
	} else {
		h[0][0] = p, h[0][1] = p + m, h[0][2] = p, h[0][3] = p + k;
		nh = 1;
	}
	for (size_t i = 0; i < nh; i++) {
		if (shown == 3) {
			buf_printf(out, "等%zu处", nh);
			break;
		}
		if (shown++)
			buf_puts(out, "，");
		if (h[i][0] == h[i][1] && h[i][2] < h[i][3]) {
			buf_puts(out, "在");
			S_side(out, a, na, h[i][0], h[i][1]);
			buf_puts(out, "处增加“");
			S_put(out, b, h[i][2], h[i][3]);
			buf_puts(out, "”");
		} else if (h[i][2] == h[i][3]) {
			buf_puts(out, "删去");
			S_side(out, a, na, h[i][0], h[i][1]);
			buf_puts(out, "中的“");
			S_put(out, a, h[i][0], h[i][1]);
			buf_puts(out, "”");
		} else {
			S_side(out, a, na, h[i][0], h[i][1]);
			buf_puts(out, "改为");
			S_side(out, b, nb, h[i][2], h[i][3]);
		}
	}
	free(h);
	free(a);
	free(b);
}

char *
roster_plan_compare(const xmlNode *plan, const xmlNode *application)
{
	const xmlNode *ap = rules_child(application, "plan");
	struct buf b;
	int any = 0, kept = 0;

	buf_init(&b);
	for (size_t i = 0; i < NPARTS && !kept; i++) {
		char *t = S_roster_part(plan, i);
		kept = t != NULL;
		free(t);
	}
	if (!kept) {	/* a roster from before the text was kept */
		char *now = roster_plan_digest(application);
		char *was = rules_attr(plan, "digest");
		int same = strcmp(now, was) == 0;
		free(now);
		free(was);
		if (same)
			return NULL;
		buf_puts(&b, "名册只存有登记时方案的摘要，无法逐段比较");
		return buf_detach(&b);
	}
	for (size_t i = 0; i < NPARTS; i++) {
		char *was = S_roster_part(plan, i);
		char *now = S_app_part(ap, i);
		if (was == NULL)
			was = xstrdup("");
		if (strcmp(was, now) != 0) {
			buf_printf(&b, "%s%s：", any++ ? "；" : "", S_parts[i].label);
			if (*was == '\0')
				buf_puts(&b, "新增");
			else if (*now == '\0')
				buf_puts(&b, "删去");
			else
				S_diff(&b, was, now);
		}
		free(was);
		free(now);
	}
	if (!any) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}
