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
		rules_part(parent, n, S_parts[i].label,
		    policy_int(pol, "申报表", S_parts[i].key),
		    E_APP_PART_MISSING, E_APP_PART_SHORT);
	}
	for (int y = 0; y < 3; y++) {
		xmlNode *n = S_year(yearly, y + 1);
		len[y] = rules_count(n);
		rules_part(yearly ? yearly : plan ? plan : root, n,
		    S_year_label[y], policy_int(pol, "申报表", S_year_key[y]),
		    E_APP_PART_MISSING, E_APP_PART_SHORT);
	}
	if (policy_int(pol, "申报表", "第一年最详") && len[0] > 0)
		for (int y = 1; y < 3; y++)
			if (len[y] > 0 && len[0] <= len[y]) {
				diag_node(W_APP_YEAR1_BRIEF, S_year(yearly, 1), len[0],
				    S_year_cn[y], len[y]);
				break;
			}
}

static void
S_areas(xmlNode *root, const struct policy *pol)
{
	xmlNode *ws = rules_child(root, "workshop");
	xmlNode *areas = rules_child(ws, "areas");
	const char *list = policy_list_text(pol, "辅导方向", "可选方向");
	int count = 0;

	if (areas)
		for (xmlNode *a = areas->children; a; a = a->next) {
			if (a->type != XML_ELEMENT_NODE || strcmp((const char *)a->name, "area"))
				continue;
			char *t = rules_text(a);
			if (*t == '\0') {
				free(t);
				continue;
			}
			count++;
			if (!policy_in_list(pol, "辅导方向", "可选方向", t))
				diag_node(E_APP_AREA_UNKNOWN, a, t, list);
			for (xmlNode *b = areas->children; b != a; b = b->next) {
				if (b->type != XML_ELEMENT_NODE)
					continue;
				char *u = rules_text(b);
				int same = strcmp(t, u) == 0;
				free(u);
				if (same) {
					diag_node(E_APP_AREA_DUP, a, t);
					break;
				}
			}
			free(t);
		}
	if (count == 0)
		diag_node(E_APP_AREA_NONE, areas ? areas : ws ? ws : root, list);
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
	if (leader && !policy_in_list(pol, "申报条件", "主理人岗位", t))
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
	for (xmlNode *m = members ? members->children : NULL; m; m = m->next) {
		if (m->type != XML_ELEMENT_NODE || strcmp((const char *)m->name, "member"))
			continue;
		nmem++;
		char *mpost = rules_text(rules_child(m, "post"));
		char *mname = rules_text(rules_child(m, "name"));
		char *mkey = rules_person_key(m);
		char *munit = rules_text(rules_child(m, "unit"));
		if (!policy_in_list(pol, "申报条件", "成员岗位", mpost))
			diag_node(E_APP_MEMBER_POST,
			    rules_child(m, "post") ? rules_child(m, "post") : m,
			    mname, mpost, policy_list_text(pol, "申报条件", "成员岗位"));
		if (*mkey && strcmp(mkey, lkey) == 0)
			diag_node(E_APP_LEADER_MEMBER, m, mname);
		for (xmlNode *o = members->children; o != m; o = o->next) {
			if (o->type != XML_ELEMENT_NODE || strcmp((const char *)o->name, "member"))
				continue;
			char *okey = rules_person_key(o);
			int dup = *mkey && strcmp(okey, mkey) == 0;
			free(okey);
			if (dup) {
				diag_node(E_APP_MEMBER_DUP, m, mname, (int)xmlGetLineNo(o));
				break;
			}
		}
		if (strcmp(munit, lunit) != 0)
			same_unit = 0;
		free(mpost);
		free(mname);
		free(mkey);
		free(munit);
	}
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
