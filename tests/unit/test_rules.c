/* test_rules.c — every rule of src/rules/ both ways: a good input passes
 * silently, and one change to it brings exactly the expected code with
 * the clause it enforces. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "diag/diag.h"
#include "rules/rules.h"
#include "util/util.h"

static struct buf S_got;

static void
S_sink(const struct diag_msg *m, void *arg)
{
	(void)arg;
	buf_printf(&S_got, "%s〔%s〕@%d %s\n", diag_entry(m->id)->code,
	    diag_entry(m->id)->clause, m->line, m->text);
}

static xmlDoc *
S_load(const char *name)
{
	char *path = xasprintf("tests/rules/%s", name);
	xmlDoc *d = xmlReadFile(path, NULL, XML_PARSE_NONET);
	assert_non_null(d);
	free(path);
	return d;
}

enum op { OP_NONE, OP_SET, OP_DEL, OP_ATTR, OP_REPEAT };

/* Apply op to every node that xpath selects.  OP_REPEAT sets the text to
 * value repeated `times`. */
static void
S_edit(xmlDoc *d, const char *xpath, enum op op, const char *value, int times)
{
	xmlXPathContext *ctx;
	xmlXPathObject *o;

	if (op == OP_NONE)
		return;
	ctx = xmlXPathNewContext(d);
	o = xmlXPathEvalExpression((const xmlChar *)xpath, ctx);
	assert_non_null(o);
	assert_non_null(o->nodesetval);
	assert_true(o->nodesetval->nodeNr > 0);
	for (int i = 0; i < o->nodesetval->nodeNr; i++) {
		xmlNode *n = o->nodesetval->nodeTab[i];
		struct buf b;
		switch (op) {
		case OP_SET:
			xmlNodeSetContent(n, (const xmlChar *)value);
			break;
		case OP_REPEAT:
			buf_init(&b);
			for (int k = 0; k < times; k++)
				buf_puts(&b, value);
			xmlNodeSetContent(n, (const xmlChar *)(b.data ? b.data : ""));
			buf_free(&b);
			break;
		case OP_DEL:
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			o->nodesetval->nodeTab[i] = NULL;
			break;
		case OP_ATTR: {	/* value is "name=value" */
			const char *eq = strchr(value, '=');
			char *an = xstrndup(value, (size_t)(eq - value));
			xmlSetProp(n, (const xmlChar *)an, (const xmlChar *)eq + 1);
			free(an);
			break;
		}
		default:
			break;
		}
	}
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
}

static const char *
S_run(xmlDoc **docs, size_t n)
{
	buf_reset(&S_got);
	diag_set_sink(S_sink, NULL);
	diag_reset();
	assert_true(rules_check(docs, n) >= 0);
	diag_set_sink(NULL, NULL);
	return S_got.data ? S_got.data : "";
}

struct rcase {
	const char	*what;
	const char	*file;
	const char	*xpath;
	enum op		 op;
	const char	*value;
	int		 times;
	const char	*expect;	/* "CODE〔clause〕" or "" for silence */
};

#define T(what, file, xp, op, val, times, expect) \
	{ what, file, xp, op, val, times, expect }
static const struct rcase S_cases[] = {
	/* The good inputs are silent. */
	T("good application", "app-ok.xml", NULL, OP_NONE, NULL, 0, ""),
	T("good member application", "member-ok.xml", NULL, OP_NONE, NULL, 0, ""),
	T("good evaluation", "eval-ok.xml", NULL, OP_NONE, NULL, 0, ""),
	T("good decisions", "decisions-ok.xml", NULL, OP_NONE, NULL, 0, ""),
	/* 第四条第1款: who may lead. */
	T("deputy secretary may lead", "app-ok.xml", "//leader/post", OP_SET,
	    "分管学生工作副书记", 1, ""),
	T("part-time counsellor may not lead", "app-ok.xml", "//leader/post",
	    OP_SET, "兼职辅导员", 1, "E-APP-LEADER-POST〔第四条第1款〕"),
	T("a teacher may not lead", "app-ok.xml", "//leader/post", OP_SET,
	    "专任教师", 1, "E-APP-LEADER-POST〔第四条第1款〕"),
	/* 附件1: intro within 100 characters, counted as characters. */
	T("intro of 100 characters", "app-ok.xml", "//leader/intro",
	    OP_REPEAT, "字", 100, ""),
	T("intro of 101 characters", "app-ok.xml", "//leader/intro",
	    OP_REPEAT, "字", 101, "E-APP-INTRO-LONG〔附件1〕"),
	T("spaces do not count", "app-ok.xml", "//leader/intro",
	    OP_REPEAT, "字　 ", 100, ""),
	T("empty intro", "app-ok.xml", "//leader/intro", OP_SET, " ", 1,
	    "E-APP-PART-MISSING〔附件1〕"),
	/* 附件1: every part of the plan present and not trivially short. */
	T("no overall plan", "app-ok.xml", "//plan/overall", OP_DEL, NULL, 0,
	    "E-APP-PART-MISSING〔附件1〕"),
	T("short overall plan", "app-ok.xml", "//plan/overall", OP_SET,
	    "三年建成品牌。", 1, "W-APP-PART-SHORT〔学工部标准〕"),
	T("no second year", "app-ok.xml", "//year[@n='2']", OP_DEL, NULL, 0,
	    "E-APP-PART-MISSING〔附件1〕"),
	T("short third year", "app-ok.xml", "//year[@n='3']", OP_SET,
	    "推广。", 1, "W-APP-PART-SHORT〔学工部标准〕"),
	T("no student service", "app-ok.xml", "//plan/student-service",
	    OP_DEL, NULL, 0, "E-APP-PART-MISSING〔附件1〕"),
	T("no member growth", "app-ok.xml", "//plan/member-growth", OP_SET,
	    "", 1, "E-APP-PART-MISSING〔附件1〕"),
	T("short platform", "app-ok.xml", "//plan/platform", OP_SET,
	    "线上线下。", 1, "W-APP-PART-SHORT〔学工部标准〕"),
	T("no foundation", "app-ok.xml", "//foundation", OP_DEL, NULL, 0,
	    "E-APP-PART-MISSING〔附件1〕"),
	T("short goals", "app-ok.xml", "//goals", OP_SET, "建成品牌。", 1,
	    "W-APP-PART-SHORT〔学工部标准〕"),
	T("no member requirements", "app-ok.xml", "//member-requirements",
	    OP_DEL, NULL, 0, "E-APP-PART-MISSING〔附件1〕"),
	T("year one less detailed than year two", "app-ok.xml",
	    "//year[@n='2']", OP_REPEAT, "拓展实践项目，", 30,
	    "W-APP-YEAR1-BRIEF〔附件1〕"),
	/* 第三条第1款: the guidance areas. */
	T("every listed area is fine", "app-ok.xml", "//area[2]", OP_SET,
	    "社会实践", 1, ""),
	T("an area beyond the eleven is a note (等)", "app-ok.xml", "//area[2]", OP_SET, "科研训练", 1,
	    "N-APP-AREA-OTHER〔第三条第1款〕"),
	T("no area", "app-ok.xml", "//area", OP_DEL, NULL, 0,
	    "W-APP-AREA-NONE〔学工部标准〕"),
	T("area twice", "app-ok.xml", "//area[2]", OP_SET, "领导力培养", 1,
	    "W-APP-AREA-DUP〔〕"),
	/* 第四条第1款: members are counsellors; cross-unit teams encouraged. */
	T("member not a counsellor", "app-ok.xml", "//member[1]/post",
	    OP_SET, "行政人员", 1, "E-APP-MEMBER-POST〔第四条第1款〕"),
	T("everyone from one unit", "app-ok.xml", "//member/unit", OP_SET,
	    "教育学院", 1, "N-APP-ONE-UNIT〔第四条第1款〕"),
	T("member listed twice", "app-ok.xml", "//member[2]/staff-id",
	    OP_SET, "2018033", 1, "W-APP-MEMBER-DUP〔〕"),
	T("leader listed as member", "app-ok.xml", "//member[1]/staff-id",
	    OP_SET, "2015012", 1, "W-APP-LEADER-MEMBER〔〕"),
	/* 第五条第3款: member applications. */
	T("member application without willingness", "member-ok.xml",
	    "//motivation", OP_DEL, NULL, 0, "E-MEM-MISSING〔第五条第3款〕"),
	T("member application without intro", "member-ok.xml", "//intro",
	    OP_SET, "", 1, "E-MEM-MISSING〔第五条第3款〕"),
	T("member application with no research", "member-ok.xml",
	    "//research", OP_DEL, NULL, 0, "E-MEM-MISSING〔第五条第3款〕"),
	T("member application with a vague plan", "member-ok.xml", "//plan",
	    OP_SET, "积极参加。", 1, "W-MEM-SHORT〔学工部标准〕"),
	T("member applicant not a counsellor", "member-ok.xml", "//post",
	    OP_SET, "辅导员助理", 1, "E-MEM-POST〔第四条第1款〕"),
	T("part-time counsellor may join", "member-ok.xml", "//post", OP_SET,
	    "兼职辅导员", 1, ""),
	/* 第六条 and 第七条第1款: evaluation forms. */
	T("self-assessment of probation is a grade", "eval-ok.xml",
	    "//self-assessment", OP_SET, "暂缓通过", 1, ""),
	T("self-assessment not a grade", "eval-ok.xml", "//self-assessment",
	    OP_SET, "良好", 1, "E-EVAL-GRADE〔第六条〕"),
	T("no progress report", "eval-ok.xml", "//progress", OP_DEL, NULL, 0,
	    "E-EVAL-PART-MISSING〔第六条〕"),
	T("thin outcomes", "eval-ok.xml", "//outcomes", OP_SET, "有成效。", 1,
	    "W-EVAL-PART-SHORT〔学工部标准〕"),
	T("next plan without steps", "eval-ok.xml", "//next-plan/steps",
	    OP_DEL, NULL, 0, "E-EVAL-NEXT-MISSING〔第七条第1款〕"),
	T("next plan without goals", "eval-ok.xml", "//next-plan/goals",
	    OP_SET, "", 1, "E-EVAL-NEXT-MISSING〔第七条第1款〕"),
	T("no next plan at all", "eval-ok.xml", "//next-plan", OP_DEL, NULL,
	    0, "E-EVAL-NEXT-MISSING〔第七条第1款〕"),
	T("next plan with a thin focus", "eval-ok.xml", "//next-plan/focus",
	    OP_SET, "重点。", 1, "W-EVAL-NEXT-SHORT〔学工部标准〕"),
	T("a journal issue dated by its month", "eval-ok.xml",
	    "//achievement[1]", OP_ATTR, "date=2026-09", 0, ""),
	T("an achievement on 30 February", "eval-ok.xml", "//achievement[1]",
	    OP_ATTR, "date=2026-02-30", 0, "E-RNG-MONTH〔〕"),
	T("evaluation of a bad id", "eval-ok.xml", "/evaluation", OP_ATTR,
	    "workshop=启航工作坊", 0, "E-EVAL-ID〔〕"),
	/* 第六条: the office's decisions. */
	T("decision grade not a grade", "decisions-ok.xml", "//decision",
	    OP_ATTR, "grade=合格", 0, "E-DEC-GRADE〔第六条〕"),
	T("decision for a bad id", "decisions-ok.xml", "//finding", OP_ATTR,
	    "workshop=HZNU-GZF-26-4", 0, "E-DEC-ID〔〕"),
};

/* Only the expected code, exactly once (all four of a removed next-plan
 * may come at once: count only distinct codes). */
static void
S_case(void **state)
{
	const struct rcase *c = *state;
	xmlDoc *d = S_load(c->file);
	const char *got;

	S_edit(d, c->xpath, c->op, c->value, c->times);
	got = S_run(&d, 1);
	if (*c->expect == '\0') {
		if (*got)
			fail_msg("%s: expected silence, got:\n%s", c->what, got);
	} else {
		if (strstr(got, c->expect) == NULL)
			fail_msg("%s: expected %s, got:\n%s", c->what, c->expect, got);
		/* nothing else than that code */
		for (const char *l = got; *l; l = strchr(l, '\n') + 1)
			if (strncmp(l, c->expect, strlen(c->expect)) != 0)
				fail_msg("%s: unexpected line: %s", c->what, l);
	}
	xmlFreeDoc(d);
}

/* The message says the numbers a counsellor needs to fix it. */
static void
intro_message_counts_characters(void **state)
{
	xmlDoc *d = S_load("app-ok.xml");
	(void)state;
	S_edit(d, "//leader/intro", OP_REPEAT, "简介", 64);
	const char *got = S_run(&d, 1);
	assert_non_null(strstr(got, "主理人简介超过100字（实为128字）"));
	xmlFreeDoc(d);
}

/* Across the files of one run: one leader, one workshop. */
static void
leader_of_two_workshops(void **state)
{
	xmlDoc *d[2] = { S_load("app-ok.xml"), S_load("app-ok.xml") };
	(void)state;
	assert_string_equal(S_run(d, 1), "");
	/* the same file twice is the same workshop: not two */
	assert_string_equal(S_run(d, 2), "");
	S_edit(d[1], "//workshop/name", OP_SET, "另一个工作坊", 0);
	S_edit(d[1], "//members/member", OP_DEL, NULL, 0);
	const char *got = S_run(d, 2);
	assert_non_null(strstr(got, "W-APP-LEADS-TWO〔学工部标准〕"));
	assert_non_null(strstr(got, "另一个工作坊") || strstr(got, "启航") ? got : NULL);
	xmlFreeDoc(d[0]);
	xmlFreeDoc(d[1]);
}

/* A person in more workshops than policy.ini allows (2) is a warning. */
static void
member_of_too_many(void **state)
{
	xmlDoc *d[3] = { S_load("app-ok.xml"), S_load("app-ok.xml"),
		S_load("member-ok.xml") };
	(void)state;
	S_edit(d[1], "//workshop/name", OP_SET, "第二个工作坊", 0);
	S_edit(d[1], "//leader/staff-id", OP_SET, "2001001", 0);
	S_edit(d[1], "//leader/name", OP_SET, "钱七", 0);
	/* 李四 in two workshops: allowed */
	S_edit(d[1], "//member[2]", OP_DEL, NULL, 0);
	assert_null(strstr(S_run(d, 2), "W-APP-TOO-MANY"));
	/* and applying to a third: one too many */
	S_edit(d[2], "/member-application/staff-id", OP_SET, "2018033", 0);
	S_edit(d[2], "/member-application/name", OP_SET, "李四", 0);
	S_edit(d[2], "/member-application", OP_ATTR, "workshop=第三个工作坊", 0);
	const char *got = S_run(d, 3);
	assert_non_null(strstr(got, "W-APP-TOO-MANY"));
	assert_non_null(strstr(got, "参加了3个工作坊"));
	for (int i = 0; i < 3; i++)
		xmlFreeDoc(d[i]);
}

static void
evaluation_twice_a_year(void **state)
{
	xmlDoc *d[2] = { S_load("eval-ok.xml"), S_load("eval-ok.xml") };
	(void)state;
	assert_non_null(strstr(S_run(d, 2), "E-EVAL-DUP〔第六条〕"));
	S_edit(d[1], "/evaluation", OP_ATTR, "year=2027", 0);
	assert_string_equal(S_run(d, 2), "");
	xmlFreeDoc(d[0]);
	xmlFreeDoc(d[1]);
}

static void
decision_twice(void **state)
{
	xmlDoc *d = S_load("decisions-ok.xml");
	(void)state;
	xmlNode *r = xmlDocGetRootElement(d);
	xmlAddChild(r, xmlCopyNode(rules_child(r, "decision"), 1));
	assert_non_null(strstr(S_run(&d, 1), "E-DEC-DUP〔第六条〕"));
	xmlFreeDoc(d);
}

/* ---- policy.ini ---- */

static const char *
S_policy_with(const char *from, const char *to)
{
	static char path[] = "/tmp/wsdoc-policy-XXXXXX";
	size_t len;
	char *text = file_read("forms/policy.ini", &len);
	struct buf b;
	char *at;
	int fd;

	assert_non_null(text);
	buf_init(&b);
	at = strstr(text, from);
	assert_non_null(at);
	buf_append(&b, text, (size_t)(at - text));
	buf_puts(&b, to);
	buf_puts(&b, at + strlen(from));
	strcpy(path, "/tmp/wsdoc-policy-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, b.data, b.len), (ssize_t)b.len);
	close(fd);
	free(text);
	buf_free(&b);
	return path;
}

static const char *
S_policy_codes(const char *path)
{
	struct policy *p;

	buf_reset(&S_got);
	diag_set_sink(S_sink, NULL);
	diag_reset();
	p = policy_load(path);
	diag_set_sink(NULL, NULL);
	unlink(path);
	if (p) {
		policy_free(p);
		return "loaded";
	}
	return S_got.data ? S_got.data : "";
}

static void
policy_reads_the_shipped_file(void **state)
{
	struct policy *p;
	size_t n;
	(void)state;
	p = policy_load("forms/policy.ini");
	assert_non_null(p);
	assert_int_equal(policy_int(p, "申报表", "主理人简介最多字数"), 100);
	assert_int_equal(policy_int(p, "评估", "暂缓期月数"), 6);
	policy_list(p, "辅导方向", "可选方向", &n);
	assert_int_equal(n, 11);
	assert_int_equal(policy_grade(p, "暂缓通过"), GRADE_PROBATION);
	assert_int_equal(policy_grade(p, "撤销"), GRADE_REVOKE);
	assert_true(policy_in_list(p, "申报条件", "主理人岗位", "分管学生工作副书记"));
	policy_free(p);
}

static void
policy_changes_the_rules(void **state)
{
	const char *path = S_policy_with("主理人简介最多字数 = 100",
	    "主理人简介最多字数 = 150");
	xmlDoc *d = S_load("app-ok.xml");
	(void)state;
	policy_set_path(path);
	S_edit(d, "//leader/intro", OP_REPEAT, "字", 120);
	assert_string_equal(S_run(&d, 1), "");
	unlink(path);
	policy_set_path("forms/policy.ini");
	assert_non_null(strstr(S_run(&d, 1), "E-APP-INTRO-LONG"));
	xmlFreeDoc(d);
}

/* The measures are a trial version: grades renamed in policy.ini keep
 * their places (excellent, pass, probation, revoke). */
static void
policy_renames_grades(void **state)
{
	const char *path = S_policy_with("等级 = 优秀通过、通过、暂缓通过、撤销",
	    "等级 = 优秀、合格、基本合格、不合格");
	struct policy *p;
	xmlDoc *d = S_load("eval-ok.xml");
	(void)state;
	p = policy_load(path);
	assert_non_null(p);
	assert_int_equal(policy_grade(p, "基本合格"), GRADE_PROBATION);
	assert_int_equal(policy_grade(p, "暂缓通过"), GRADE_NONE);
	assert_string_equal(policy_grade_label(p, GRADE_REVOKE), "不合格");
	policy_free(p);
	policy_set_path(path);
	assert_non_null(strstr(S_run(&d, 1), "E-EVAL-GRADE"));	/* 通过 */
	S_edit(d, "//self-assessment", OP_SET, "合格", 1);
	assert_string_equal(S_run(&d, 1), "");
	policy_set_path("forms/policy.ini");
	unlink(path);
	xmlFreeDoc(d);
}

static void
policy_errors(void **state)
{
	(void)state;
	assert_non_null(strstr(S_policy_codes(S_policy_with("暂缓期月数 = 6",
	    "暂缓期月数 = 六")), "E-POL-VALUE"));
	assert_non_null(strstr(S_policy_codes(S_policy_with("暂缓期月数 = 6",
	    "暂缓月数 = 6")), "E-POL-UNKNOWN"));
	assert_non_null(strstr(S_policy_codes(S_policy_with("暂缓期月数 = 6",
	    "")), "E-POL-MISSING"));
	assert_non_null(strstr(S_policy_codes(S_policy_with("、撤销\n", "\n")),
	    "E-POL-VALUE"));
	assert_non_null(strstr(S_policy_codes(S_policy_with("第一年最详 = 是",
	    "第一年最详 = 也许")), "E-POL-VALUE"));
	assert_string_equal(S_policy_codes(S_policy_with("第一年最详 = 是",
	    "第一年最详 = 否")), "loaded");
	assert_non_null(strstr(S_policy_codes(S_policy_with("暂缓期月数 = 6",
	    "暂缓期月数 = 6\n暂缓期月数 = 3")), "E-POL-DUP"));
	/* a line that is no INI at all: the INI reader's error, at its line */
	const char *got = S_policy_codes(S_policy_with("[辅导方向]\n",
	    "[辅导方向]\n这一行没有等号\n"));
	assert_non_null(strstr(got, "E-INI-"));
	/* the value's own line and column */
	size_t len;
	char *text = file_read("forms/policy.ini", &len);
	int line = 1;
	for (char *p = text; p < strstr(text, "暂缓期月数 = 6"); p++)
		line += *p == '\n';
	free(text);
	char want[64];
	snprintf(want, sizeof want, "E-POL-VALUE〔〕@%d ", line);
	assert_non_null(strstr(S_policy_codes(S_policy_with("暂缓期月数 = 6",
	    "暂缓期月数 = 六")), want));
	buf_reset(&S_got);
	diag_set_sink(S_sink, NULL);
	assert_null(policy_load("/nonexistent/policy.ini"));
	diag_set_sink(NULL, NULL);
	assert_non_null(strstr(S_got.data, "E-POL-OPEN"));
}

static int
S_setup(void **state)
{
	(void)state;
	buf_init(&S_got);
	policy_set_path("forms/policy.ini");
	return 0;
}

int
main(void)
{
	size_t n = sizeof S_cases / sizeof S_cases[0];
	struct CMUnitTest *t = xcalloc(n + 32, sizeof *t);
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		t[k].name = S_cases[i].what;
		t[k].test_func = S_case;
		t[k].initial_state = (void *)&S_cases[i];
		k++;
	}
#define ADD(f) t[k].name = #f, t[k].test_func = f, k++
	ADD(intro_message_counts_characters);
	ADD(leader_of_two_workshops);
	ADD(member_of_too_many);
	ADD(evaluation_twice_a_year);
	ADD(decision_twice);
	ADD(policy_reads_the_shipped_file);
	ADD(policy_changes_the_rules);
	ADD(policy_errors);
	ADD(policy_renames_grades);
	return _cmocka_run_group_tests("rules", t, k, S_setup, NULL);
}
