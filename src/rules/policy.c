/* policy.c — reads forms/policy.ini into the table of declared parameters.
 * Every parameter must be given exactly once, so that the file, not the
 * code, holds each number of the measures. */
#include "policy.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../diag/diag.h"
#include "../input/input.h"
#include "../util/util.h"

enum pol_type { POL_INT, POL_BOOL, POL_LIST, POL_LEVEL };

static const struct pol_decl {
	const char	*sec;
	const char	*key;
	enum pol_type	 type;
} S_decls[] = {
	{ "申报条件", "主理人岗位", POL_LIST },
	{ "申报条件", "成员岗位", POL_LIST },
	{ "申报条件", "每人最多参加工作坊数", POL_INT },
	{ "辅导方向", "可选方向", POL_LIST },
	{ "申报表", "主理人简介最多字数", POL_INT },
	{ "申报表", "已有基础最少字数", POL_INT },
	{ "申报表", "建设目标最少字数", POL_INT },
	{ "申报表", "总体规划最少字数", POL_INT },
	{ "申报表", "第一年最少字数", POL_INT },
	{ "申报表", "第二年最少字数", POL_INT },
	{ "申报表", "第三年最少字数", POL_INT },
	{ "申报表", "第一年最详", POL_BOOL },
	{ "申报表", "学生辅导和服务最少字数", POL_INT },
	{ "申报表", "成员学习成长计划最少字数", POL_INT },
	{ "申报表", "工作平台方式及预期效果最少字数", POL_INT },
	{ "申报表", "对成员要求最少字数", POL_INT },
	{ "成员申报表", "个人简介最少字数", POL_INT },
	{ "成员申报表", "研究方向最少字数", POL_INT },
	{ "成员申报表", "参与意愿最少字数", POL_INT },
	{ "成员申报表", "具体计划最少字数", POL_INT },
	{ "评估", "等级", POL_LIST },
	{ "评估", "每年评估次数", POL_INT },
	{ "评估", "暂缓期月数", POL_INT },
	{ "评估", "年度评估起始月份", POL_INT },
	{ "评估", "开展工作情况最少字数", POL_INT },
	{ "评估", "建设成效最少字数", POL_INT },
	{ "评估", "工作目标最少字数", POL_INT },
	{ "评估", "工作重点最少字数", POL_INT },
	{ "评估", "实施步骤最少字数", POL_INT },
	{ "评估", "预期成果最少字数", POL_INT },
	/* The office's own standards (not the measures', not the form's):
	 * 警告 by default, each may be made 错误 or 关闭; optional. */
	{ "学工部标准", "各栏最少字数", POL_LEVEL },
	{ "学工部标准", "每人参加工作坊数", POL_LEVEL },
	{ "学工部标准", "一人主理一个工作坊", POL_LEVEL },
	{ "学工部标准", "填写辅导方向", POL_LEVEL },
};
#define NDECLS (sizeof S_decls / sizeof S_decls[0])

struct pol_val {
	int	 line;		/* where it was set; 0 = not set */
	int	 col;
	int	 i;
	char	**items;
	size_t	 n;
	char	*text;		/* items joined with 、 */
};

struct policy {
	char		*path;
	struct pol_val	 v[NDECLS];
};

static char *S_path;
static struct policy *S_pol;
static int S_tried;

void
policy_set_path(const char *path)
{
	free(S_path);
	S_path = path ? xstrdup(path) : NULL;
	if (S_pol)
		policy_free(S_pol);
	S_pol = NULL;
	S_tried = 0;
}

const struct policy *
policy_get(void)
{
	char *path;
	const char *env;

	if (S_tried)
		return S_pol;
	S_tried = 1;
	if (S_path)
		path = xstrdup(S_path);
	else if ((env = getenv("WSDOC_POLICY")) != NULL && *env)
		path = xstrdup(env);
	else
		path = data_path("forms/policy.ini");
	S_pol = policy_load(path);
	free(path);
	return S_pol;
}

static int
S_find(const char *sec, const char *key)
{
	for (size_t i = 0; i < NDECLS; i++)
		if (strcmp(S_decls[i].sec, sec) == 0 &&
		    strcmp(S_decls[i].key, key) == 0)
			return (int)i;
	return -1;
}

static const struct pol_val *
S_get(const struct policy *pol, const char *sec, const char *key,
    enum pol_type type)
{
	int i = S_find(sec, key);

	if (i < 0 || S_decls[i].type != type) {
		fprintf(stderr, "wsdoc: internal error: policy [%s] %s\n", sec, key);
		abort();
	}
	return &pol->v[i];
}

int
policy_int(const struct policy *pol, const char *sec, const char *key)
{
	int i = S_find(sec, key);

	if (i >= 0 && S_decls[i].type == POL_BOOL)
		return pol->v[i].i;
	return S_get(pol, sec, key, POL_INT)->i;
}

char *const *
policy_list(const struct policy *pol, const char *sec, const char *key,
    size_t *n)
{
	const struct pol_val *v = S_get(pol, sec, key, POL_LIST);
	*n = v->n;
	return v->items;
}

int
policy_in_list(const struct policy *pol, const char *sec, const char *key,
    const char *item)
{
	const struct pol_val *v = S_get(pol, sec, key, POL_LIST);

	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->items[i], item) == 0)
			return 1;
	return 0;
}

int
policy_level(const struct policy *pol, const char *key)
{
	const struct pol_val *v = S_get(pol, "学工部标准", key, POL_LEVEL);
	return v->line ? v->i : DL_WARNING;
}

const char *
policy_list_text(const struct policy *pol, const char *sec, const char *key)
{
	return S_get(pol, sec, key, POL_LIST)->text;
}

enum grade
policy_grade(const struct policy *pol, const char *label)
{
	const struct pol_val *v = S_get(pol, "评估", "等级", POL_LIST);

	if (label == NULL)
		return GRADE_NONE;
	for (size_t i = 0; i < v->n && i < 4; i++)
		if (strcmp(v->items[i], label) == 0)
			return (enum grade)i;
	return GRADE_NONE;
}

const char *
policy_grade_label(const struct policy *pol, enum grade g)
{
	const struct pol_val *v = S_get(pol, "评估", "等级", POL_LIST);
	return g >= 0 && (size_t)g < v->n ? v->items[g] : "";
}

/* Items are separated by 、，,;； and white space — the separators the INI
 * inputs accept. */
static int
S_split(struct pol_val *v, const char *s)
{
	static const char *seps[] = { "、", "，", ",", ";", "；", " ", "\t", "\u3000" };
	struct buf b;

	buf_init(&b);
	for (;;) {
		size_t cut = strlen(s), skip = 0;
		for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
			const char *p = strstr(s, seps[k]);
			if (p && (size_t)(p - s) < cut) {
				cut = (size_t)(p - s);
				skip = strlen(seps[k]);
			}
		}
		size_t a = 0, z = cut;
		while (a < z && (s[a] == ' ' || s[a] == '\t'))
			a++;
		while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t'))
			z--;
		if (z > a) {
			v->items = xreallocarray(v->items, v->n + 1, sizeof *v->items);
			v->items[v->n++] = xstrndup(s + a, z - a);
			if (b.len)
				buf_puts(&b, "、");
			buf_append(&b, s + a, z - a);
		}
		if (skip == 0)
			break;
		s += cut + skip;
	}
	v->text = buf_detach(&b);
	return v->n > 0 ? 0 : -1;
}

/* Take one "key = value" of section `sec` found at `line`. */
static void
S_set(struct policy *pol, const char *sec, const char *key, const char *val,
    int line, int col, int *bad)
{
	int i = S_find(sec, key);
	struct pol_val *v;
	char *end;
	long n;

	if (i < 0) {
		diag(E_POL_UNKNOWN, pol->path, line, col, sec, key);
		*bad = 1;
		return;
	}
	v = &pol->v[i];
	if (v->line) {
		diag(E_POL_DUP, pol->path, line, col, sec, key, v->line);
		*bad = 1;
		return;
	}
	v->line = line > 0 ? line : -1;
	v->col = col;
	switch (S_decls[i].type) {
	case POL_INT:
		errno = 0;
		n = strtol(val, &end, 10);
		if (*val < '0' || *val > '9' || *end != '\0' || errno ||
		    n > 100000) {
			diag(E_POL_VALUE, pol->path, line, col, key, val,
			    "应为 0 到 100000 之间的整数");
			*bad = 1;
		}
		v->i = (int)n;
		break;
	case POL_BOOL:
		if (strcmp(val, "是") == 0 || strcmp(val, "yes") == 0 ||
		    strcmp(val, "true") == 0 || strcmp(val, "1") == 0)
			v->i = 1;
		else if (strcmp(val, "否") == 0 || strcmp(val, "no") == 0 ||
		    strcmp(val, "false") == 0 || strcmp(val, "0") == 0)
			v->i = 0;
		else {
			diag(E_POL_VALUE, pol->path, line, col, key, val,
			    "应为“是”或“否”");
			*bad = 1;
		}
		break;
	case POL_LEVEL:
		if ((v->i = diag_level_parse(val)) == -1 && strcmp(val, "关闭") == 0)
			v->i = POLICY_OFF;
		else if (v->i < DL_WARNING || v->i > DL_ERROR) {
			diag(E_POL_LEVEL, pol->path, line, col, key, val);
			*bad = 1;
		}
		break;
	case POL_LIST:
		if (S_split(v, val) == -1) {
			diag(E_POL_VALUE, pol->path, line, col, key, val,
			    "清单不能为空；各项用“、”分隔");
			*bad = 1;
		}
		break;
	}
}

/* Checks that concern a whole parameter, after all are read. */
static void
S_finish(struct policy *pol, int *bad)
{
	for (size_t i = 0; i < NDECLS; i++)
		if (pol->v[i].line == 0 && S_decls[i].type != POL_LEVEL) {
			diag(E_POL_MISSING, pol->path, 0, 0, S_decls[i].sec,
			    S_decls[i].key);
			*bad = 1;
		}
	if (*bad)
		return;
	struct pol_val *g = &pol->v[S_find("评估", "等级")];
	if (g->n != 4) {
		diag(E_POL_VALUE, pol->path, g->line, g->col, "等级", g->text,
		    "第六条规定四个等级，应依次列出优秀通过、通过、暂缓通过、撤销的名称");
		*bad = 1;
	}
	struct pol_val *m = &pol->v[S_find("评估", "暂缓期月数")];
	if (m->i < 1 || m->i > 24) {
		diag(E_POL_VALUE, pol->path, m->line, m->col, "暂缓期月数",
		    "", "应为 1 到 24 之间的月数");
		*bad = 1;
	}
	m = &pol->v[S_find("评估", "年度评估起始月份")];
	if (m->i < 1 || m->i > 12) {
		diag(E_POL_VALUE, pol->path, m->line, m->col, "年度评估起始月份",
		    "", "应为 1 到 12 之间的月份");
		*bad = 1;
	}
	m = &pol->v[S_find("评估", "每年评估次数")];
	if (m->i < 1) {
		diag(E_POL_VALUE, pol->path, m->line, m->col, "每年评估次数", "0",
		    "每年至少评估一次（第六条）");
		*bad = 1;
	}
}

void
policy_free(struct policy *pol)
{
	if (pol == NULL)
		return;
	for (size_t i = 0; i < NDECLS; i++) {
		for (size_t k = 0; k < pol->v[i].n; k++)
			free(pol->v[i].items[k]);
		free(pol->v[i].items);
		free(pol->v[i].text);
	}
	free(pol->path);
	free(pol);
}

struct scan {
	struct policy	*pol;
	int		 bad;
};

static void
S_entry(const char *sec, const char *key, const char *value, int line,
    int col, void *arg)
{
	struct scan *sc = arg;

	S_set(sc->pol, sec, key, value, line, col, &sc->bad);
}

/* Through the project's INI reader, so that a bad line is reported as in
 * any input, with its line. */
struct policy *
policy_load(const char *path)
{
	struct scan sc;
	size_t len;
	char *text;
	int before = diag_count(DL_ERROR) + diag_count(DL_FATAL);

	if ((text = file_read(path, &len)) == NULL) {
		diag(E_POL_OPEN, path, 0, 0, path, errno_text(errno));
		return NULL;
	}
	sc.pol = xcalloc(1, sizeof *sc.pol);
	sc.pol->path = xstrdup(path);
	sc.bad = input_ini_scan_mem(text, len, path, S_entry, &sc) == -1;
	free(text);
	/* the reader's own E-INI- errors (a line without =, …) count too */
	if (diag_count(DL_ERROR) + diag_count(DL_FATAL) > before)
		sc.bad = 1;
	S_finish(sc.pol, &sc.bad);
	if (sc.bad) {
		policy_free(sc.pol);
		return NULL;
	}
	return sc.pol;
}
