/* test_schema.c — the schemas of forms/ and the Chinese explanation of
 * their errors: one message per problem, at the right line, no English. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>

#include "diag/diag.h"
#include "input/input.h"
#include "schema/schema.h"
#include "util/util.h"

static struct buf S_got;
static int S_n;

static void
S_sink(const struct diag_msg *m, void *arg)
{
	(void)arg;
	buf_printf(&S_got, "%d:%s:%s\n", m->line, diag_entry(m->id)->code,
	    m->text);
	S_n++;
}

/* Validate an XML text; the messages land in S_got. */
static int
S_run(const char *xml)
{
	xmlDoc *doc = xmlReadMemory(xml, (int)strlen(xml), "t.xml", NULL,
	    XML_PARSE_NONET);
	int n;

	assert_non_null(doc);
	buf_reset(&S_got);
	buf_puts(&S_got, "");
	S_n = 0;
	diag_reset();
	n = schema_validate(doc);
	xmlFreeDoc(doc);
	return n;
}

static int
S_setup(void **state)
{
	(void)state;
	buf_init(&S_got);
	diag_set_sink(S_sink, NULL);
	return 0;
}

static int
S_teardown(void **state)
{
	(void)state;
	diag_set_sink(NULL, NULL);
	buf_free(&S_got);
	schema_cleanup();
	return 0;
}

/* Count the lines of S_got holding s. */
static int
S_count(const char *s)
{
	int n = 0;

	for (const char *p = S_got.data; (p = strstr(p, s)) != NULL; p++)
		n++;
	return n;
}

#define APP_HEAD \
	"<application year=\"2026\">\n" \
	"<workshop><name>启航学生领导力成长工作坊</name>" \
	"<areas><area>领导力培养</area></areas></workshop>\n" \
	"<leader><name>张三</name><staff-id>2015012</staff-id>" \
	"<unit>教育学院</unit><post>专职辅导员</post>" \
	"<intro>教育学院专职辅导员，从事学生工作八年。</intro></leader>\n"
#define APP_PLAN \
	"<plan><overall>三年建成校级示范工作坊。</overall>\n" \
	"<yearly><year n=\"1\"><p>第一年组建团队。</p><p>开展训练营。</p></year>" \
	"<year n=\"2\">第二年推广。</year><year n=\"3\">第三年总结。</year>" \
	"</yearly>\n" \
	"<student-service>每两周一次团体辅导。</student-service>" \
	"<member-growth>每月一次读书会。</member-growth>" \
	"<platform>线上公众号与线下工作室。</platform></plan>\n"
#define APP_TAIL \
	"<member-requirements>热爱学生工作。</member-requirements>\n" \
	"</application>\n"
#define APP_GOOD APP_HEAD \
	"<foundation>已有两届训练营经验。</foundation>\n" \
	"<goals>培养学生骨干。</goals>\n" APP_PLAN APP_TAIL

#define EVAL_GOOD \
	"<evaluation year=\"2026\" workshop=\"HZNU-GZF-2026-01\">\n" \
	"<workshop-name>启航学生领导力成长工作坊</workshop-name>\n" \
	"<leader>张三</leader><members><member>李四</member></members>\n" \
	"<self-assessment>通过</self-assessment>\n" \
	"<progress>按方案开展了十二次活动。</progress>\n" \
	"<outcomes><p>成效显著。</p>" \
	"<achievement type=\"论文\" date=\"2026-05-01\">论文一篇</achievement>" \
	"</outcomes>\n" \
	"<next-plan><goals>目标</goals><focus>重点</focus><steps>步骤</steps>" \
	"<expected>成果</expected></next-plan>\n" \
	"</evaluation>\n"

static void
valid_inputs_pass(void **state)
{
	(void)state;
	assert_int_equal(S_run(APP_GOOD), 0);
	assert_int_equal(S_run(EVAL_GOOD), 0);
	assert_int_equal(S_run(
	    "<member-application year=\"2026\" workshop=\"启航\">"
	    "<name>王五</name><staff-id>2019001</staff-id><unit>理学院</unit>"
	    "<post>兼职辅导员</post><intro>简介</intro><research>研究</research>"
	    "<motivation>意愿</motivation><plan>计划</plan>"
	    "</member-application>"), 0);
	assert_int_equal(S_run(
	    "<decisions year=\"2026\" date=\"2026-12-15\">"
	    "<decision workshop=\"HZNU-GZF-2026-01\" grade=\"通过\"/>"
	    "<excused workshop=\"HZNU-GZF-2026-02\" reason=\"公派出国\"/>"
	    "<approved-change workshop=\"HZNU-GZF-2026-03\" field=\"name\""
	    " date=\"2026-06-01\">更名</approved-change>"
	    "<finding workshop=\"HZNU-GZF-2026-04\" kind=\"违规\">情况</finding>"
	    "</decisions>"), 0);
	/* An empty decisions file is a valid (if idle) year. */
	assert_int_equal(S_run(
	    "<decisions year=\"2026\" date=\"2026-12-15\"/>"), 0);
	assert_int_equal(S_n, 0);
}

/* XML fields follow the form's order; a field out of place is named. */
static void
xml_fields_out_of_order_are_named(void **state)
{
	int n;

	(void)state;
	n = S_run(
	    "<application year=\"2026\">\n"
	    "<member-requirements>热爱学生工作。</member-requirements>\n"
	    "<goals>培养学生骨干。</goals>\n" APP_PLAN
	    "<foundation>已有两届训练营经验。</foundation>\n"
	    "<leader><intro>简介</intro><post>专职辅导员</post><name>张三</name>"
	    "<unit>教育学院</unit><staff-id>2015012</staff-id></leader>\n"
	    "<workshop><areas><area>学业支持</area></areas><name>名称</name>"
	    "</workshop>\n</application>\n");
	assert_int_equal(n, 10);
	assert_int_equal(S_count("E-RNG-ORDER"), 10);
	assert_int_equal(S_count("E-RNG-MISSING"), 0);
}

/* An INI file may give its sections (after the first, which names the
 * kind) and keys in any order: the reader
 * builds the tree in the form's order. */
static void
ini_sections_in_any_order(void **state)
{
	static const char ini[] =
	    "[申报表]\n年度 = 2026\n"
	    "[对成员要求]\n内容 = 热爱学生工作。\n"
	    "[建设方案]\n第三年 = 总结。\n第二年 = 推广。\n第一年 = 组建团队。\n"
	    "工作平台方式及预期效果 = 公众号。\n成员学习成长计划 = 读书会。\n"
	    "学生辅导和服务 = 团体辅导。\n总体规划 = 三年建成示范工作坊。\n"
	    "[建设目标]\n内容 = 培养学生骨干。\n"
	    "[已有基础]\n内容 = 两届训练营。\n"
	    "[主理人]\n简介 = 专职辅导员八年。\n岗位 = 专职辅导员\n单位 = 教育学院\n"
	    "工号 = 2015012\n姓名 = 张三\n"
	    "[工作坊]\n辅导方向 = 领导力培养\n名称 = 启航工作坊\n";
	xmlDoc *doc;

	(void)state;
	buf_reset(&S_got);
	buf_puts(&S_got, "");
	S_n = 0;
	doc = input_read_ini_mem(ini, sizeof ini - 1, "a.ini");
	if (doc == NULL)
		fail_msg("INI not read: %s", S_got.data);
	if (schema_validate(doc) != 0)
		fail_msg("%s", S_got.data);
	xmlFreeDoc(doc);
}

/* A missing part: one message, at the parent's line, naming it. */
static void
missing_part_once(void **state)
{
	(void)state;
	assert_int_equal(S_run(APP_HEAD
	    "<foundation>已有两届训练营经验。</foundation>\n"
	    APP_PLAN APP_TAIL), 1);
	assert_int_equal(S_n, 1);
	assert_non_null(strstr(S_got.data, "1:E-RNG-MISSING:"));
	assert_non_null(strstr(S_got.data, "goals"));
}

/* Several problems in one file: each reported, none twice. */
static void
every_problem_once(void **state)
{
	(void)state;
	assert_int_equal(S_run(
	    "<application year=\"26\">\n"			/* 1 */
	    "<workshop><name>名称</name><areas/></workshop>\n"	/* 2 */
	    "<leader><name>张三</name><staff-id>1</staff-id>"
	    "<unit>教育学院</unit><post>专职辅导员</post><intro>  </intro>"
	    "<hobby>跑步</hobby></leader>\n"			/* 3 */
	    "<foundation><p>一</p>段外<p>二</p></foundation>\n"	/* 4 */
	    "<goals>目标</goals>\n"				/* 5 */
	    "<goals>又一个目标</goals>\n"			/* 6 */
	    APP_PLAN APP_TAIL), 6);
	assert_int_equal(S_n, 6);
	assert_int_equal(S_count("1:E-RNG-YEAR:"), 1);
	assert_int_equal(S_count("2:E-RNG-MISSING:"), 1);	/* area */
	assert_int_equal(S_count("3:E-RNG-EMPTY:"), 1);		/* intro */
	assert_int_equal(S_count("3:E-RNG-EXTRA:"), 1);		/* hobby */
	assert_int_equal(S_count("4:E-RNG-MIXED:"), 1);
	assert_int_equal(S_count("6:E-RNG-DUP:"), 1);
	assert_int_equal(S_count("“26”"), 1);
}

static void
bad_values_are_named(void **state)
{
	const char *xml =
	    "<evaluation year=\"2026\" workshop=\"HZNU-GZF-26-1\">\n"	/* 1 */
	    "<workshop-name>启航</workshop-name><leader>张三</leader>\n"
	    "<self-assessment>良好</self-assessment>\n"			/* 3 */
	    "<progress/>\n"						/* 4 */
	    "<outcomes><achievement type=\"专著\" date=\"2026-2-30\">"
	    "书</achievement>\n"					/* 5 */
	    "<achievement type=\"论文\">x</achievement></outcomes>\n"	/* 6 */
	    "</evaluation>\n";

	(void)state;
	assert_int_equal(S_run(xml), 6);
	assert_int_equal(S_count("1:E-RNG-WSID:"), 1);
	assert_int_equal(S_count("3:E-RNG-VALUE:"), 1);
	assert_non_null(strstr(S_got.data,
	    "“良好”无效，应为 优秀通过、通过、暂缓通过 或 撤销"));
	assert_int_equal(S_count("4:E-RNG-EMPTY:"), 1);
	assert_int_equal(S_count("5:E-RNG-VALUE:"), 1);
	assert_non_null(strstr(S_got.data,
	    "论文、课题、获奖、学历提升、学生辅导 或 其他"));
	assert_int_equal(S_count("5:E-RNG-MONTH:"), 1);
	assert_int_equal(S_count("6:E-RNG-MISSING:"), 1);	/* date */
}

/* The calendar counts: 2026 is no leap year; 2028 is. */
static void
dates_follow_the_calendar(void **state)
{
	(void)state;
	assert_int_equal(S_run(
	    "<decisions year=\"2026\" date=\"2026-02-29\"/>"), 1);
	assert_int_equal(S_count("E-RNG-DATE"), 1);
	assert_int_equal(S_run(
	    "<decisions year=\"2028\" date=\"2028-02-29\"/>"), 0);
	assert_int_equal(S_run(
	    "<decisions year=\"2026\" date=\"2026-3-1\"/>"), 1);
	assert_int_equal(S_count("E-RNG-DATE"), 1);
}

/* The three yearly plans keep their order. */
static void
yearly_plans_in_order(void **state)
{
	(void)state;
	assert_int_equal(S_run(APP_HEAD
	    "<foundation>基础</foundation><goals>目标</goals>\n"
	    "<plan><overall>总体</overall>\n"
	    "<yearly><year n=\"1\">一</year><year n=\"3\">三</year>"
	    "<year n=\"2\">二</year></yearly>\n"
	    "<student-service>服务</student-service>"
	    "<member-growth>成长</member-growth>"
	    "<platform>平台</platform></plan>\n" APP_TAIL), 1);
	assert_int_equal(S_count("6:E-RNG-ORDER:"), 1);
	assert_int_equal(S_run(APP_HEAD
	    "<foundation>基础</foundation><goals>目标</goals>\n"
	    "<plan><overall>总体</overall>\n"
	    "<yearly><year n=\"1\">一</year><year n=\"2\">二</year></yearly>\n"
	    "<student-service>服务</student-service>"
	    "<member-growth>成长</member-growth>"
	    "<platform>平台</platform></plan>\n" APP_TAIL), 1);
	assert_int_equal(S_count("6:E-RNG-MISSING:"), 1);
}

/* Never libxml2's English: every message is one of ours, in Chinese. */
static void
no_english_messages(void **state)
{
	(void)state;
	S_run("<decisions year=\"2026\" date=\"2026-12-15\" x=\"1\">"
	    "<decision grade=\"好\"/><excused workshop=\"HZNU-GZF-2026-02\""
	    " reason=\"\">文字</excused><unknown><deep/></unknown>"
	    "</decisions>");
	assert_true(S_n >= 5);
	assert_null(strstr(S_got.data, "Relax"));
	assert_null(strstr(S_got.data, "xpected"));
	assert_null(strstr(S_got.data, "E-RNG-INVALID"));
}

static void
unknown_root_is_a_kind_error(void **state)
{
	(void)state;
	assert_int_equal(S_run("<report/>"), 1);
	assert_int_equal(S_count("E-CLI-KIND"), 1);
	assert_int_equal(S_run("<decisions xmlns=\"urn:x\" year=\"2026\""
	    " date=\"2026-12-15\"/>"), 1);
	assert_int_equal(S_count("E-RNG-NAMESPACE"), 1);
	assert_false(schema_known("report"));
	assert_true(schema_known("evaluation"));
}

/* A hostile value is quoted short, on one line. */
static void
long_values_are_cut(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_puts(&b, "<evaluation year=\"2026\" workshop=\"HZNU-GZF-2026-01\">"
	    "<workshop-name>a</workshop-name><leader>b</leader>"
	    "<self-assessment>");
	for (int i = 0; i < 100000; i++)
		buf_puts(&b, "很好\n");
	buf_puts(&b, "</self-assessment><progress>c</progress>"
	    "<outcomes>d</outcomes></evaluation>");
	assert_int_equal(S_run(b.data), 1);
	assert_true(S_got.len < 400);
	assert_non_null(strstr(S_got.data, "……"));
	buf_free(&b);
}

/* A wrong file gives thousands of problems: a hundred are shown, then
 * one note with how many more there are. */
static void
messages_are_capped(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	buf_puts(&b, "<decisions year=\"2026\" date=\"2026-12-15\">");
	for (int i = 0; i < 150; i++)
		buf_puts(&b, "<decision workshop=\"x\" grade=\"通过\"/>");
	buf_puts(&b, "</decisions>");
	assert_int_equal(S_run(b.data), 150);
	assert_int_equal(S_n, 101);
	assert_int_equal(S_count("E-RNG-WSID"), 100);
	assert_int_equal(S_count("N-RNG-MORE:还有 50 处"), 1);
	assert_int_equal(diag_exit_status(), 1);
	buf_free(&b);
}

/* The schemas are compiled once: many validations stay fast. */
static void
schemas_are_cached(void **state)
{
	(void)state;
	for (int i = 0; i < 200; i++)
		assert_int_equal(S_run(APP_GOOD), 0);
}

/* A sample value for a blank of a template, by the field's name. */
static const char *
S_sample(const xmlNode *el, const char *name)
{
	static const char *const map[][2] = {
		{ "year", "2026" }, { "date", "2026-05-20" },
		{ "workshop", "HZNU-GZF-2026-01" }, { "grade", "通过" },
		{ "self-assessment", "优秀通过" }, { "type", "学生辅导" },
		{ "kind", "违规" }, { "field", "leader" },
		{ "staff-id", "2015012" }, { "post", "专职辅导员" },
	};

	(void)el;
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(name, map[i][0]) == 0)
			return map[i][1];
	return "每学期组织两期训练营，覆盖学生骨干一百余人次。";
}

/* Fill every blank attribute and text element below el. */
static void
S_fill(xmlNode *el)
{
	int kids = 0;

	for (xmlAttr *a = el->properties; a; a = a->next) {
		xmlChar *v = xmlNodeGetContent((xmlNode *)a);

		if (v == NULL || *v == '\0')
			xmlSetProp(el, a->name,
			    BAD_CAST S_sample(el, (const char *)a->name));
		xmlFree(v);
	}
	for (xmlNode *c = el->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE) {
			kids++;
			S_fill(c);
		}
	/* <excused/> says all in its attributes. */
	if (kids == 0 && el->children == NULL &&
	    !xmlStrEqual(el->name, BAD_CAST "excused"))
		xmlNodeAddContent(el, BAD_CAST S_sample(el,
		    (const char *)el->name));
}

/* The XML templates: blank, they ask only for blanks; filled, they pass. */
static void
xml_templates_validate_when_filled(void **state)
{
	static const char *const kinds[] = {
		"application", "member-application", "evaluation", "decisions"
	};

	(void)state;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		char *rel = xasprintf("forms/templates/%s.xml", kinds[i]);
		char *path = data_path(rel);
		xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
		int n;

		assert_non_null(doc);
		buf_reset(&S_got);
		S_n = 0;
		n = schema_validate(doc);
		assert_true(n > 0);
		assert_int_equal(n, S_count("E-RNG-EMPTY"));
		S_fill(xmlDocGetRootElement(doc));
		buf_reset(&S_got);
		buf_puts(&S_got, "");
		if (schema_validate(doc) != 0)
			fail_msg("%s filled: %s", kinds[i], S_got.data);
		xmlFreeDoc(doc);
		free(path);
		free(rel);
	}
}

/* A paragraph where none belongs is called a paragraph, not by the
 * field's own name. */
static void
paragraph_out_of_place(void **state)
{
	(void)state;
	assert_int_equal(S_run(
	    "<evaluation year=\"2026\" workshop=\"HZNU-GZF-2026-01\">\n"
	    "<workshop-name><p>启航</p></workshop-name>\n"
	    "<leader>张三</leader><self-assessment>通过</self-assessment>\n"
	    "<progress>开展</progress><outcomes>成效</outcomes>\n"
	    "</evaluation>\n"), 1);
	assert_int_equal(S_count("2:E-RNG-NOTEXT:"), 1);
	assert_non_null(strstr(S_got.data,
	    "“工作坊名称”只能填写文字，不能有子项“段落 <p>”"));
}

/* An INI file hears where to write the field, in its own words. */
static void
ini_messages_name_section_and_key(void **state)
{
	static const char ini[] =
	    "[评估结论]\n"			/* 1 */
	    "年度 = 2026\n"
	    "日期 = 2026-12-15\n"
	    "[变更1]\n"				/* 4 */
	    "工作坊 = HZNU-GZF-2026-02\n"
	    "事项 = 成员\n"
	    "日期 = 2026-09-08\n"
	    "[缺席说明1]\n"			/* 8 */
	    "工作坊 = HZNU-GZF-2026-05\n";
	xmlDoc *doc;

	(void)state;
	buf_reset(&S_got);
	buf_puts(&S_got, "");
	S_n = 0;
	doc = input_read_ini_mem(ini, sizeof ini - 1, "d.ini");
	assert_non_null(doc);
	assert_int_equal(schema_validate(doc), 2);
	assert_int_equal(S_count("6:E-RNG-VALUE:"), 1);	/* 事项 */
	assert_non_null(strstr(S_got.data, "应为 名称、主理人 或 建设方案"));
	assert_int_equal(S_count("8:E-RNG-MISSING:"), 1);
	assert_non_null(strstr(S_got.data, "（[缺席说明N] 理由）"));
	xmlFreeDoc(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_inputs_pass),
		cmocka_unit_test(xml_fields_out_of_order_are_named),
		cmocka_unit_test(ini_sections_in_any_order),
		cmocka_unit_test(missing_part_once),
		cmocka_unit_test(every_problem_once),
		cmocka_unit_test(bad_values_are_named),
		cmocka_unit_test(dates_follow_the_calendar),
		cmocka_unit_test(yearly_plans_in_order),
		cmocka_unit_test(no_english_messages),
		cmocka_unit_test(unknown_root_is_a_kind_error),
		cmocka_unit_test(long_values_are_cut),
		cmocka_unit_test(messages_are_capped),
		cmocka_unit_test(schemas_are_cached),
		cmocka_unit_test(xml_templates_validate_when_filled),
		cmocka_unit_test(paragraph_out_of_place),
		cmocka_unit_test(ini_messages_name_section_and_key),
	};

	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
