/* rules_app.c — the leader's application (附件1 主理人申报表): eligibility
 * (第四条第1款), guidance areas (第三条第1款) and the content of the plan. */
#include "rules_int.h"

#include <stdlib.h>
#include <string.h>

#include "../diag/diag.h"
#include "../util/util.h"

/* The parts of 附件1 that must be written out, with their minimum
 * lengths in policy.ini [申报表]. */
static const struct {
	const char	*path;
	const char	*label;
	const char	*key;
} S_parts[] = {
	{ "foundation", "已有基础", "已有基础最少字数" },
	{ "goals", "建设目标", "建设目标最少字数" },
	{ "plan/overall", "建设方案·总体规划", "总体规划最少字数" },
	{ "plan/student-service", "建设方案·对学生辅导和服务", "学生辅导和服务最少字数" },
	{ "plan/member-growth", "建设方案·成员学习成长计划", "成员学习成长计划最少字数" },
	{ "plan/platform", "建设方案·工作平台、方式及预期效果", "工作平台方式及预期效果最少字数" },
	{ "member-requirements", "对成员要求", "对成员要求最少字数" },
};

static const char *S_year_label[] = { "建设方案·第一年实施计划",
	"建设方案·第二年实施计划", "建设方案·第三年实施计划" };
static const char *S_year_key[] = { "第一年最少字数", "第二年最少字数",
	"第三年最少字数" };
static const char *S_year_cn[] = { "一", "二", "三" };

/* year n="1".."3" of plan/yearly. */
static xmlNode *
S_year(xmlNode *yearly, int n)
{
	if (yearly == NULL)
		return NULL;
	for (xmlNode *c = yearly->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "year"))
			continue;
		char *v = rules_attr(c, "n");
		int hit = atoi(v) == n;
		free(v);
		if (hit)
			return c;
	}
	return NULL;
}

static void
S_plan(xmlNode *root, const struct policy *pol)
{
	xmlNode *plan = rules_child(root, "plan");
	xmlNode *yearly = rules_child(plan, "yearly");
	int len[3];

	for (size_t i = 0; i < sizeof S_parts / sizeof S_parts[0]; i++) {
		xmlNode *n = rules_path(root, S_parts[i].path);
		xmlNode *parent = n ? n : plan && strncmp(S_parts[i].path, "plan/", 5) == 0 ? plan : root;
		rules_part(parent, n, S_parts[i].label, pol, "申报表",
		    S_parts[i].key, E_APP_PART_MISSING, W_APP_PART_SHORT);
	}
	for (int y = 0; y < 3; y++) {
		xmlNode *n = S_year(yearly, y + 1);
		len[y] = rules_count(n);
		rules_part(yearly ? yearly : plan ? plan : root, n,
		    S_year_label[y], pol, "申报表", S_year_key[y],
		    E_APP_PART_MISSING, W_APP_PART_SHORT);
	}
	if (policy_int(pol, "申报表", "第一年最详") && len[0] > 0)
		for (int y = 1; y < 3; y++)
			if (len[y] > 0 && len[0] <= len[y]) {
				diag_node(W_APP_YEAR1_BRIEF, S_year(yearly, 1), len[0],
				    S_year_cn[y], len[y]);
				break;
			}
}

/* Texts of the element children of a node named `name`, in order; nodes
 * go to *nodes.  Computed once so that the duplicate checks compare
 * strings, not trees (a hostile form may list thousands). */
static char **
S_texts(xmlNode *parent, const char *name, xmlNode ***nodes, size_t *n,
    char *(*text)(const xmlNode *))
{
	char **v = NULL;
	size_t cap = 0;

	*n = 0;
	*nodes = NULL;
	for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, name))
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			v = xreallocarray(v, cap, sizeof *v);
			*nodes = xreallocarray(*nodes, cap, sizeof **nodes);
		}
		v[*n] = text(c);
		(*nodes)[(*n)++] = c;
	}
	return v;
}

static void
S_free_texts(char **v, xmlNode **nodes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
	free(nodes);
}

/* For each string, the index of the first earlier equal non-empty one,
 * or -1: by sorting, so that thousands of members cost no more than
 * their number (comparing each with all before it took 90 s for
 * 100 000).  The caller frees. */
static char **S_cmp_of;

static int
S_cmp_idx(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	int c = strcmp(S_cmp_of[i], S_cmp_of[j]);

	return c ? c : (i > j) - (i < j);
}

static long *
S_earlier(char **v, size_t n)
{
	long *e = xreallocarray(NULL, n + 1, sizeof *e);
	size_t *by = xreallocarray(NULL, n + 1, sizeof *by);

	for (size_t i = 0; i < n; i++)
		by[i] = i;
	S_cmp_of = v;
	qsort(by, n, sizeof *by, S_cmp_idx);
	for (size_t k = 0, first = 0; k < n; k++) {
		if (k == 0 || strcmp(v[by[k]], v[by[first]]) != 0)
			first = k;
		e[by[k]] = k == first || *v[by[k]] == '\0' ? -1 : (long)by[first];
	}
	free(by);
	return e;
}

static void
S_areas(xmlNode *root, const struct policy *pol)
{
	xmlNode *ws = rules_child(root, "workshop");
	xmlNode *areas = rules_child(ws, "areas");
	const char *list = policy_list_text(pol, "辅导方向", "可选方向");
	xmlNode **nodes;
	size_t n;
	char **t = S_texts(areas, "area", &nodes, &n, rules_text);
	int count = 0;
	long *earlier = S_earlier(t, n);

	for (size_t i = 0; i < n; i++) {
		if (*t[i] == '\0')
			continue;
		count++;
		/* 第三条第1款 lists eleven areas and ends with 等: another
		 * is allowed, only pointed out. */
		if (!policy_in_list(pol, "辅导方向", "可选方向", t[i]))
			diag_node(N_APP_AREA_OTHER, nodes[i], t[i], list);
		if (earlier[i] >= 0)
			diag_node(W_APP_AREA_DUP, nodes[i], t[i]);
	}
	if (count == 0)
		diag_node_level(W_APP_AREA_NONE, policy_level(pol, "填写辅导方向"),
		    areas ? areas : ws ? ws : root, list);
	S_free_texts(t, nodes, n);
	free(earlier);
}

static void
S_people(xmlNode *root, const struct policy *pol)
{
	xmlNode *leader = rules_child(root, "leader");
	xmlNode *members = rules_child(root, "members");
	xmlNode *post = rules_child(leader, "post");
	char *t, *lkey, *lunit;
	int nmem = 0, same_unit = 1;

	t = rules_text(post);
	/* an empty post is the schema's to say (E-RNG-EMPTY) */
	if (leader && *t && !policy_in_list(pol, "申报条件", "主理人岗位", t))
		diag_node(E_APP_LEADER_POST, post ? post : leader, t,
		    policy_list_text(pol, "申报条件", "主理人岗位"));
	free(t);
	if (leader) {
		xmlNode *intro = rules_child(leader, "intro");
		int max = policy_int(pol, "申报表", "主理人简介最多字数");
		int n = rules_count(intro);
		if (n == 0)
			diag_node(E_APP_PART_MISSING, intro ? intro : leader, "主理人简介");
		else if (n > max)
			diag_node(E_APP_INTRO_LONG, intro, max, n, max);
	}

	lkey = leader ? rules_person_key(leader) : xstrdup("");
	lunit = rules_text(rules_child(leader, "unit"));
	if (*lunit == '\0')
		same_unit = 0;
	xmlNode **nodes;
	size_t n;
	char **keys = S_texts(members, "member", &nodes, &n, rules_person_key);
	long *earlier = S_earlier(keys, n);
	for (size_t i = 0; i < n; i++) {
		xmlNode *m = nodes[i];
		char *mpost = rules_text(rules_child(m, "post"));
		char *mname = rules_text(rules_child(m, "name"));
		char *munit = rules_text(rules_child(m, "unit"));
		long j;
		nmem++;
		if (*mpost && !policy_in_list(pol, "申报条件", "成员岗位", mpost))
			diag_node(E_APP_MEMBER_POST,
			    rules_child(m, "post") ? rules_child(m, "post") : m,
			    mname, mpost, policy_list_text(pol, "申报条件", "成员岗位"));
		if (*keys[i] && strcmp(keys[i], lkey) == 0)
			diag_node(W_APP_LEADER_MEMBER, m, mname);
		if ((j = earlier[i]) >= 0)
			diag_node(W_APP_MEMBER_DUP, m, mname, (int)xmlGetLineNo(nodes[j]));
		if (strcmp(munit, lunit) != 0)
			same_unit = 0;
		free(mpost);
		free(mname);
		free(munit);
	}
	S_free_texts(keys, nodes, n);
	free(earlier);
	if (nmem > 0 && same_unit)
		diag_node(N_APP_ONE_UNIT, members, lunit);
	free(lkey);
	free(lunit);
}

void
rules_application(xmlNode *root, const struct policy *pol)
{
	S_people(root, pol);
	S_areas(root, pol);
	S_plan(root, pol);
}
