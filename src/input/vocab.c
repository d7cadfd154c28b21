/* vocab.c — the table of the input vocabulary's fields: element path,
 * INI section/key (Chinese and English), and the words messages use. */
#include "vocab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/util.h"

#define SEC(k, l, n, p, m)	{ k, VT_SECTION, VF_NONE, l, n, p, m, NULL }
#define LIST(k, l, n, p, m)	{ k, VT_LIST, VF_NONE, l, n, p, m, NULL }
#define KEY(k, f, l, n, p, m)	{ k, VT_KEY, f, l, n, p, m, NULL }
#define MAP(k, l, n, p, m, v)	{ k, VT_KEY, VF_ATTR, l, n, p, m, v }
#define LABEL(k, p, m)		{ k, VT_LABEL, VF_NONE, NULL, NULL, p, m, NULL }

#define A INPUT_APPLICATION
#define M INPUT_MEMBER
#define E INPUT_EVALUATION
#define D INPUT_DECISIONS

/* The order is the vocabulary's element order: the INI reader builds the
 * tree in this order whatever the order of the INI file. */
const struct vocab vocab_table[] = {
	SEC(A, "申报表", "application", "", "主理人申报表"),
	KEY(A, VF_ATTR, "年度", "year", "@year", "申报年度"),
	SEC(A, "工作坊", "workshop", "workshop", "工作坊"),
	KEY(A, VF_LINE, "名称", "name", "workshop/name", "工作坊名称"),
	KEY(A, VF_SPLIT, "辅导方向", "areas", "workshop/areas/area", "辅导方向"),
	SEC(A, "主理人", "leader", "leader", "主理人"),
	KEY(A, VF_LINE, "姓名", "name", "leader/name", "主理人姓名"),
	KEY(A, VF_LINE, "工号", "staff-id", "leader/staff-id", "主理人工号"),
	KEY(A, VF_LINE, "单位", "unit", "leader/unit", "主理人单位"),
	KEY(A, VF_LINE, "岗位", "post", "leader/post", "主理人岗位"),
	KEY(A, VF_TEXT, "简介", "intro", "leader/intro", "主理人简介"),
	SEC(A, "已有基础", "foundation", "foundation", "已有基础"),
	KEY(A, VF_TEXT, "内容", "text", "foundation", "已有基础"),
	SEC(A, "建设目标", "goals", "goals", "建设目标"),
	KEY(A, VF_TEXT, "内容", "text", "goals", "建设目标"),
	SEC(A, "建设方案", "plan", "plan", "建设方案"),
	KEY(A, VF_TEXT, "总体规划", "overall", "plan/overall", "总体规划"),
	LABEL(A, "plan/yearly", "近三年实施计划"),
	LABEL(A, "plan/yearly/year", "年度实施计划"),
	KEY(A, VF_TEXT, "第一年", "year1", "plan/yearly/year#1", "第一年实施计划"),
	KEY(A, VF_TEXT, "第二年", "year2", "plan/yearly/year#2", "第二年实施计划"),
	KEY(A, VF_TEXT, "第三年", "year3", "plan/yearly/year#3", "第三年实施计划"),
	KEY(A, VF_TEXT, "学生辅导和服务", "student-service",
	    "plan/student-service", "对学生辅导和服务"),
	KEY(A, VF_TEXT, "成员学习成长计划", "member-growth",
	    "plan/member-growth", "工作坊成员的学习成长计划"),
	KEY(A, VF_TEXT, "工作平台方式及预期效果", "platform",
	    "plan/platform", "工作平台、方式及预期效果"),
	SEC(A, "对成员要求", "member-requirements", "member-requirements",
	    "对成员要求"),
	KEY(A, VF_TEXT, "内容", "text", "member-requirements", "对成员要求"),
	LABEL(A, "members", "成员名单"),
	LIST(A, "成员", "member", "members/member", "成员"),
	KEY(A, VF_LINE, "姓名", "name", "members/member/name", "成员姓名"),
	KEY(A, VF_LINE, "工号", "staff-id", "members/member/staff-id", "成员工号"),
	KEY(A, VF_LINE, "单位", "unit", "members/member/unit", "成员单位"),
	KEY(A, VF_LINE, "岗位", "post", "members/member/post", "成员岗位"),
	KEY(A, VF_LINE, "研究方向", "research", "members/member/research",
	    "成员研究方向"),

	SEC(M, "成员申报表", "member-application", "", "成员申报表"),
	KEY(M, VF_ATTR, "年度", "year", "@year", "申报年度"),
	KEY(M, VF_ATTR, "工作坊", "workshop", "@workshop", "申报加入的工作坊"),
	SEC(M, "申报人", "applicant", "", "申报人"),
	KEY(M, VF_LINE, "姓名", "name", "name", "申报人姓名"),
	KEY(M, VF_LINE, "工号", "staff-id", "staff-id", "申报人工号"),
	KEY(M, VF_LINE, "单位", "unit", "unit", "申报人单位"),
	KEY(M, VF_LINE, "岗位", "post", "post", "申报人岗位"),
	KEY(M, VF_TEXT, "个人简介", "intro", "intro", "个人简介"),
	KEY(M, VF_TEXT, "研究方向", "research", "research", "研究方向"),
	KEY(M, VF_TEXT, "参与意愿", "motivation", "motivation",
	    "参与工作坊建设的意愿"),
	KEY(M, VF_TEXT, "具体计划", "plan", "plan", "具体计划"),

	SEC(E, "评估表", "evaluation", "", "评估表"),
	KEY(E, VF_ATTR, "年度", "year", "@year", "评估年度"),
	KEY(E, VF_ATTR, "工作坊编号", "workshop", "@workshop", "工作坊编号"),
	SEC(E, "工作坊", "workshop", "", "工作坊"),
	KEY(E, VF_LINE, "名称", "name", "workshop-name", "工作坊名称"),
	KEY(E, VF_LINE, "主理人", "leader", "leader", "主理人"),
	KEY(E, VF_SPLIT, "成员", "members", "members/member", "成员"),
	SEC(E, "自评情况", "self-assessment", "self-assessment", "自评情况"),
	KEY(E, VF_LINE, "等级", "grade", "self-assessment", "自评等级"),
	SEC(E, "开展工作情况", "progress", "progress",
	    "根据既定建设方案开展工作情况"),
	KEY(E, VF_TEXT, "内容", "text", "progress", "根据既定建设方案开展工作情况"),
	SEC(E, "建设成效", "outcomes", "outcomes", "建设成效"),
	KEY(E, VF_PARAS, "内容", "text", "outcomes", "建设成效"),
	LIST(E, "成果", "achievement", "outcomes/achievement", "建设成果"),
	KEY(E, VF_ATTR, "类型", "type", "outcomes/achievement/@type", "成果类型"),
	KEY(E, VF_ATTR, "日期", "date", "outcomes/achievement/@date", "成果日期"),
	KEY(E, VF_TEXT, "内容", "text", "outcomes/achievement", "成果内容"),
	SEC(E, "下一阶段建设计划", "next-plan", "next-plan", "下一阶段建设计划"),
	KEY(E, VF_TEXT, "工作目标", "goals", "next-plan/goals", "下一阶段工作目标"),
	KEY(E, VF_TEXT, "工作重点", "focus", "next-plan/focus", "下一阶段工作重点"),
	KEY(E, VF_TEXT, "实施步骤", "steps", "next-plan/steps", "下一阶段实施步骤"),
	KEY(E, VF_TEXT, "预期成果", "expected", "next-plan/expected",
	    "下一阶段预期成果"),

	SEC(D, "评估结论", "decisions", "", "评估结论"),
	KEY(D, VF_ATTR, "年度", "year", "@year", "评估年度"),
	KEY(D, VF_ATTR, "日期", "date", "@date", "结论日期"),
	LIST(D, "结论", "decision", "decision", "评估结论"),
	KEY(D, VF_ATTR, "工作坊", "workshop", "decision/@workshop", "工作坊编号"),
	KEY(D, VF_ATTR, "等级", "grade", "decision/@grade", "评估等级"),
	KEY(D, VF_ATTR, "日期", "date", "decision/@date", "该项结论的日期"),
	LIST(D, "缺席说明", "excused", "excused", "缺席说明"),
	KEY(D, VF_ATTR, "工作坊", "workshop", "excused/@workshop", "工作坊编号"),
	KEY(D, VF_ATTR, "理由", "reason", "excused/@reason", "缺席理由"),
	LIST(D, "变更", "approved-change", "approved-change", "经批准的变更"),
	KEY(D, VF_ATTR, "工作坊", "workshop", "approved-change/@workshop",
	    "工作坊编号"),
	MAP(D, "事项", "field", "approved-change/@field", "变更事项",
	    "名称=name|主理人=leader|建设方案=plan"),
	KEY(D, VF_ATTR, "日期", "date", "approved-change/@date", "批准日期"),
	KEY(D, VF_TEXT, "内容", "text", "approved-change", "变更内容"),
	LIST(D, "违规", "finding", "finding", "违规认定"),
	KEY(D, VF_ATTR, "工作坊", "workshop", "finding/@workshop", "工作坊编号"),
	KEY(D, VF_ATTR, "类型", "kind", "finding/@kind", "违规类型"),
	KEY(D, VF_TEXT, "内容", "text", "finding", "认定内容"),

	{ INPUT_UNKNOWN, VT_LABEL, VF_NONE, NULL, NULL, NULL, NULL, NULL }
};

#define G(k, p, h, mx, mn, ch, mu)	{ k, p, h, mx, mn, ch, mu }

/* The web form's guidance (the INI templates say the same) and the
 * policy parameters of each field; the numbers are read from policy.ini
 * when the page is made, so the counter and the rule never disagree. */
const struct vocab_guide vocab_guide_table[] = {
	G(A, "@year", "四位数字，如 2026", NULL, NULL, NULL, 0),
	G(A, "workshop/areas/area", "办法第三条第1款所列方向，可选几项",
	    NULL, NULL, "辅导方向/可选方向", 1),
	G(A, "leader", "申报人即工作坊主理人，应为专职辅导员（含分管学生工作副书记）"
	    "（办法第四条第1款）", NULL, NULL, NULL, 0),
	G(A, "leader/unit", "所在二级学院或部门", NULL, NULL, NULL, 0),
	G(A, "leader/post", "专职辅导员，或分管学生工作副书记",
	    NULL, NULL, NULL, 0),
	G(A, "leader/intro", "100字以内", "申报表/主理人简介最多字数", NULL,
	    NULL, 0),
	G(A, "foundation", "做过的相关工作、积累的经验和成果", NULL,
	    "申报表/已有基础最少字数", NULL, 0),
	G(A, "goals", "紧密围绕“立德树人”根本任务（办法第四条第3款）", NULL,
	    "申报表/建设目标最少字数", NULL, 0),
	G(A, "plan/overall", "总体规划及近三年每年的实施计划", NULL,
	    "申报表/总体规划最少字数", NULL, 0),
	G(A, "plan/yearly/year#1", "第一年的工作计划和预期成效，请重点阐述",
	    NULL, "申报表/第一年最少字数", NULL, 0),
	G(A, "plan/yearly/year#2", NULL, NULL, "申报表/第二年最少字数", NULL, 0),
	G(A, "plan/yearly/year#3", NULL, NULL, "申报表/第三年最少字数", NULL, 0),
	G(A, "plan/student-service", "对学生的辅导和服务", NULL,
	    "申报表/学生辅导和服务最少字数", NULL, 0),
	G(A, "plan/member-growth", NULL, NULL,
	    "申报表/成员学习成长计划最少字数", NULL, 0),
	G(A, "plan/platform", NULL, NULL,
	    "申报表/工作平台方式及预期效果最少字数", NULL, 0),
	G(A, "member-requirements", "专、兼职辅导员均可参加，鼓励跨学院组织",
	    NULL, "申报表/对成员要求最少字数", NULL, 0),
	G(A, "members/member", "可不填：成员由主理人在工作坊确定后择优选定"
	    "（办法第五条第3款）；姓名和单位必填", NULL, NULL, NULL, 0),

	G(M, "@year", "四位数字，如 2026", NULL, NULL, NULL, 0),
	G(M, "@workshop", "学工部公布的工作坊名称或编号（如 HZNU-GZF-2026-01）",
	    NULL, NULL, NULL, 0),
	G(M, "unit", "所在二级学院或部门", NULL, NULL, NULL, 0),
	G(M, "post", "专职辅导员、兼职辅导员等", NULL, NULL, NULL, 0),
	G(M, "intro", NULL, NULL, "成员申报表/个人简介最少字数", NULL, 0),
	G(M, "research", NULL, NULL, "成员申报表/研究方向最少字数", NULL, 0),
	G(M, "motivation", NULL, NULL, "成员申报表/参与意愿最少字数", NULL, 0),
	G(M, "plan", NULL, NULL, "成员申报表/具体计划最少字数", NULL, 0),

	G(E, "@year", "四位数字，如 2026", NULL, NULL, NULL, 0),
	G(E, "@workshop", "学工部公布名单上的编号，如 HZNU-GZF-2026-01",
	    NULL, NULL, NULL, 0),
	G(E, "workshop-name", "与公布的名称一致（擅自变更名称、主理人或建设方案的，"
	    "作撤销处理）", NULL, NULL, NULL, 0),
	G(E, "members/member", "成员姓名，用顿号“、”隔开", NULL, NULL, NULL, 0),
	G(E, "self-assessment", "四者选一", NULL, NULL, "评估/等级", 0),
	G(E, "progress", NULL, NULL, "评估/开展工作情况最少字数", NULL, 0),
	G(E, "outcomes", "总体情况，可分段", NULL, "评估/建设成效最少字数",
	    NULL, 0),
	G(E, "outcomes/achievement", "每项一节", NULL, NULL, NULL, 0),
	G(E, "outcomes/achievement/@type", NULL, NULL, NULL,
	    "=论文|课题|获奖|学历提升|学生辅导|其他", 0),
	G(E, "outcomes/achievement/@date", "发表、立项、获奖或取得的日期，如 2026-05-20",
	    NULL, NULL, NULL, 0),
	G(E, "next-plan", "结合当前工作进展及未来发展趋势，修订完善下一阶段工作计划"
	    "（办法第七条第1款）", NULL, NULL, NULL, 0),
	G(E, "next-plan/goals", NULL, NULL, "评估/工作目标最少字数", NULL, 0),
	G(E, "next-plan/focus", NULL, NULL, "评估/工作重点最少字数", NULL, 0),
	G(E, "next-plan/steps", NULL, NULL, "评估/实施步骤最少字数", NULL, 0),
	G(E, "next-plan/expected", NULL, NULL, "评估/预期成果最少字数", NULL, 0),

	{ INPUT_UNKNOWN, NULL, NULL, NULL, NULL, NULL, 0 }
};

const struct vocab_guide *
vocab_guide(enum input_kind kind, const char *path)
{
	for (const struct vocab_guide *g = vocab_guide_table;
	    g->kind != INPUT_UNKNOWN; g++)
		if (g->kind == kind && strcmp(g->path, path) == 0)
			return g;
	return NULL;
}

/* The path of el from the root as the table writes it, into buf; <p> is
 * skipped and year takes its number. */
static int
S_path(const xmlNode *el, char *buf, size_t n)
{
	const xmlNode *chain[64];
	size_t depth = 0, len = 0;

	buf[0] = '\0';
	for (; el && el->type == XML_ELEMENT_NODE; el = el->parent) {
		if (depth == sizeof chain / sizeof chain[0])
			return -1;
		chain[depth++] = el;
	}
	if (depth == 0)
		return -1;
	/* chain[depth-1] is the root: the path starts below it */
	for (size_t i = depth - 1; i-- > 0;) {
		const xmlNode *e = chain[i];
		char *num = NULL;
		int w;

		if (xmlStrEqual(e->name, BAD_CAST "p") && i == 0)
			break;
		if (xmlStrEqual(e->name, BAD_CAST "year"))
			num = (char *)xmlGetProp(e, BAD_CAST "n");
		w = snprintf(buf + len, n - len, "%s%s%s%s", len ? "/" : "",
		    (const char *)e->name, num ? "#" : "", num ? num : "");
		xmlFree(num);
		if (w < 0 || (size_t)w >= n - len)
			return -1;
		len += w;
	}
	return 0;
}

static enum input_kind
S_kind_of(const xmlNode *el)
{
	const xmlNode *root = el;

	while (root->parent && root->parent->type == XML_ELEMENT_NODE)
		root = root->parent;
	for (int k = INPUT_APPLICATION; k <= INPUT_ROSTER; k++)
		if (input_kind_root(k) &&
		    xmlStrEqual(root->name, BAD_CAST input_kind_root(k)))
			return k;
	return INPUT_UNKNOWN;
}

const struct vocab *
vocab_find(enum input_kind kind, const char *path)
{
	const struct vocab *v, *generic = NULL;
	size_t plen = strlen(path);

	for (v = vocab_table; v->kind != INPUT_UNKNOWN; v++) {
		if (v->kind != kind)
			continue;
		if (strcmp(v->path, path) == 0)
			return v;
		/* a list's container has the list's label */
		if (v->form == VF_SPLIT && strncmp(v->path, path, plen) == 0 &&
		    v->path[plen] == '/' && generic == NULL)
			generic = v;
	}
	if (generic)
		return generic;
	/* year#4 and the like: the generic entry */
	const char *hash = strrchr(path, '#');
	if (hash) {
		char *base = xstrndup(path, hash - path);
		v = vocab_find(kind, base);
		free(base);
		return v;
	}
	return NULL;
}

const char *
vocab_label(const xmlNode *el)
{
	const struct vocab *v;
	char path[512];

	if (el == NULL)
		return "";
	if (el->type != XML_ELEMENT_NODE)
		return vocab_label(el->parent);
	if (S_path(el, path, sizeof path) == -1)
		return (const char *)el->name;
	if (path[0] == '\0')
		return input_kind_label(S_kind_of(el));
	v = vocab_find(S_kind_of(el), path);
	return v ? v->msg : (const char *)el->name;
}

const char *
vocab_child_label(const xmlNode *parent, const char *name)
{
	const struct vocab *v;
	char path[512];
	size_t len;

	if (parent == NULL || S_path(parent, path, sizeof path) == -1)
		return name;
	len = strlen(path);
	if (strcmp(name, "p") == 0)
		return vocab_label(parent);
	if ((size_t)snprintf(path + len, sizeof path - len, "%s%s",
	    len ? "/" : "", name) >= sizeof path - len)
		return name;
	v = vocab_find(S_kind_of(parent), path);
	return v ? v->msg : name;
}

const char *
vocab_attr_label(const xmlNode *el, const char *attr)
{
	const struct vocab *v;
	char path[512];
	size_t len;

	if (el == NULL || S_path(el, path, sizeof path) == -1)
		return attr;
	len = strlen(path);
	if ((size_t)snprintf(path + len, sizeof path - len, "%s@%s",
	    len ? "/" : "", attr) >= sizeof path - len)
		return attr;
	v = vocab_find(S_kind_of(el), path);
	return v ? v->msg : attr;
}

const char *
vocab_ini_where(const xmlNode *el, char *buf, size_t n)
{
	const struct vocab *v, *sec = NULL, *hit = NULL, *hitsec = NULL;
	enum input_kind kind;
	char path[512];

	if (n == 0)
		return buf;
	buf[0] = '\0';
	if (el == NULL || el->type != XML_ELEMENT_NODE ||
	    S_path(el, path, sizeof path) == -1)
		return buf;
	kind = S_kind_of(el);
	for (v = vocab_table; v->kind != INPUT_UNKNOWN; v++) {
		if (v->kind != kind)
			continue;
		if (v->type == VT_SECTION || v->type == VT_LIST)
			sec = v;
		if (v->type == VT_KEY && strcmp(v->path, path) == 0) {
			hit = v;
			hitsec = sec;
			break;
		}
		if ((v->type == VT_SECTION || v->type == VT_LIST) &&
		    strcmp(v->path, path) == 0 && hit == NULL) {
			hit = v;
			hitsec = NULL;
		}
	}
	if (hit && hitsec)
		snprintf(buf, n, "[%s%s] %s", hitsec->label,
		    hitsec->type == VT_LIST ? "N" : "", hit->label);
	else if (hit)
		snprintf(buf, n, "[%s%s]", hit->label,
		    hit->type == VT_LIST ? "N" : "");
	return buf;
}
