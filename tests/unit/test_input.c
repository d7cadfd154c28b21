/* test_input.c — the XML and INI readers and the vocabulary table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>

#include <libxml/tree.h>

#include "diag/diag.h"
#include "input/input.h"
#include "input/vocab.h"
#include "util/util.h"

static struct buf S_got;

static void
S_sink(const struct diag_msg *m, void *arg)
{
	(void)arg;
	buf_printf(&S_got, "%d:%d:%s|", m->line, m->col,
	    diag_entry(m->id)->code);
}

static int
S_setup(void **state)
{
	(void)state;
	buf_init(&S_got);
	buf_puts(&S_got, "");
	diag_reset();
	diag_set_sink(S_sink, NULL);
	return 0;
}

static int
S_teardown(void **state)
{
	(void)state;
	diag_set_sink(NULL, NULL);
	diag_reset();
	buf_free(&S_got);
	return 0;
}

static xmlDocPtr
S_read(const char *s)
{
	return input_read_mem(s, strlen(s), "t");
}

/* A canonical text of a tree: names, attributes, non-blank text. */
static void
S_canon(const xmlNode *n, struct buf *b)
{
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE) {
			const char *t = (const char *)n->content;
			if (strspn(t, " \t\r\n") != strlen(t))
				buf_printf(b, "\"%s\"", t);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		buf_printf(b, "<%s", (const char *)n->name);
		for (const xmlAttr *a = n->properties; a; a = a->next) {
			xmlChar *v = xmlNodeGetContent((const xmlNode *)a);
			buf_printf(b, " %s=%s", (const char *)a->name, (char *)v);
			xmlFree(v);
		}
		buf_puts(b, ">");
		S_canon(n->children, b);
		buf_printf(b, "</%s>", (const char *)n->name);
	}
}

static char *
S_canon_doc(xmlDocPtr doc)
{
	struct buf b;

	buf_init(&b);
	buf_puts(&b, "");
	S_canon(xmlDocGetRootElement(doc), &b);
	return buf_detach(&b);
}

/* The first element named name, depth first. */
static xmlNode *
S_find(xmlNode *n, const char *name)
{
	for (; n; n = n->next) {
		xmlNode *f;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(n->name, BAD_CAST name))
			return n;
		if ((f = S_find(n->children, name)) != NULL)
			return f;
	}
	return NULL;
}

static xmlNode *
S_el(xmlDocPtr doc, const char *name)
{
	xmlNode *n = S_find(xmlDocGetRootElement(doc), name);
	assert_non_null(n);
	return n;
}

static const char S_app_ini[] =
    "; 申报表\n"
    "[申报表]\n"
    "年度 = 2026\n"
    "[工作坊]\n"
    "名称 = 启航学生领导力成长工作坊\n"
    "辅导方向 = 领导力培养、职业发展规划，学业支持; 心理健康\n"
    "[主理人]\n"
    "姓名 = 张三\n"
    "工号 = 2015012\n"
    "单位 = 教育学院\n"
    "岗位 = 专职辅导员\n"
    "简介 = 十年专职辅导员\n"
    "[建设方案]\n"
    "总体规划.3 = 三\n"
    "总体规划 = 一\n"
    "总体规划.2 = 二\n"
    "第二年 = 次年\n"
    "[member.2]\n"
    "name = 王五\n"
    "[成员1]\n"
    "姓名 = 李四\n"
    "研究方向 = 学业指导\n";

static const char S_app_xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<application year=\"2026\">\n"
    "  <workshop><name>启航学生领导力成长工作坊</name>\n"
    "    <areas><area>领导力培养</area><area>职业发展规划</area>"
    "<area>学业支持</area><area>心理健康</area></areas></workshop>\n"
    "  <leader><name>张三</name><staff-id>2015012</staff-id>"
    "<unit>教育学院</unit><post>专职辅导员</post>"
    "<intro>十年专职辅导员</intro></leader>\n"
    "  <plan><overall><p>一</p><p>二</p><p>三</p></overall>\n"
    "    <yearly><year n=\"2\">次年</year></yearly></plan>\n"
    "  <members><member><name>李四</name><research>学业指导</research></member>\n"
    "    <member><name>王五</name></member></members>\n"
    "</application>\n";

static void
ini_and_xml_give_the_same_tree(void **state)
{
	xmlDocPtr a = S_read(S_app_ini), b = S_read(S_app_xml);
	char *ca, *cb;

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	ca = S_canon_doc(a);
	cb = S_canon_doc(b);
	assert_string_equal(ca, cb);
	assert_string_equal(S_got.data, "");
	assert_int_equal(input_kind(a), INPUT_APPLICATION);
	assert_string_equal((const char *)a->URL, "t");
	free(ca);
	free(cb);
	xmlFreeDoc(a);
	xmlFreeDoc(b);
}

static void
ini_elements_carry_line_and_column(void **state)
{
	xmlDocPtr d = S_read(S_app_ini);
	xmlNode *n;

	(void)state;
	assert_non_null(d);
	n = xmlDocGetRootElement(d);
	assert_int_equal(xmlGetLineNo(n), 2);
	assert_int_equal(diag_node_col(n), 1);
	n = S_el(d, "intro");
	assert_int_equal(xmlGetLineNo(n), 12);
	assert_int_equal(diag_node_col(n), 1);
	n = S_el(d, "leader");
	assert_int_equal(xmlGetLineNo(n), 7);
	/* each area at its own place in the value */
	n = S_el(d, "area");
	assert_int_equal(xmlGetLineNo(n), 6);
	assert_int_equal(diag_node_col(n), 8);
	assert_int_equal(diag_node_col(n->next), 14);
	/* paragraphs at their numbered keys, in number order */
	n = S_el(d, "overall")->children;
	assert_string_equal((char *)n->children->content, "一");
	assert_int_equal(xmlGetLineNo(n), 15);
	assert_int_equal(xmlGetLineNo(n->next), 16);
	assert_int_equal(xmlGetLineNo(n->next->next), 14);
	xmlFreeDoc(d);
}

static void
xml_elements_carry_line_and_column(void **state)
{
	const char *x = "<application year=\"2026\">\n"
	    "  <leader>\n"
	    "\t<name>张三</name>  <intro\n"
	    "     a=\"1\">简介</intro>\n"
	    "  </leader></application>\n";
	xmlDocPtr d = S_read(x);
	xmlNode *n;

	(void)state;
	assert_non_null(d);
	n = S_el(d, "leader");
	assert_int_equal(xmlGetLineNo(n), 2);
	assert_int_equal(diag_node_col(n), 3);
	n = S_el(d, "name");
	assert_int_equal(xmlGetLineNo(n), 3);
	assert_int_equal(diag_node_col(n), 2);
	/* a start tag over two lines: the place of its '<' */
	n = S_el(d, "intro");
	assert_int_equal(xmlGetLineNo(n), 3);
	assert_int_equal(diag_node_col(n), 19);
	xmlFreeDoc(d);
}

static void
xml_big_line_numbers_kept(void **state)
{
	struct buf b;
	xmlDocPtr d;

	(void)state;
	buf_init(&b);
	buf_puts(&b, "<application>");
	for (int i = 0; i < 70000; i++)
		buf_putc(&b, '\n');
	buf_puts(&b, "<goals>目标</goals></application>");
	d = input_read_mem(b.data, b.len, "big");
	assert_non_null(d);
	assert_int_equal(xmlGetLineNo(S_el(d, "goals")), 70001);
	xmlFreeDoc(d);
	buf_free(&b);
}

static void
semicolon_and_hash_stay_in_values(void **state)
{
	xmlDocPtr d = S_read("[申报表]\n年度 = 2026\n[主理人]\n"
	    "简介 = 研究方向：领导力; 生涯 #1 ;注\n");

	(void)state;
	assert_non_null(d);
	assert_string_equal((char *)S_el(d, "intro")->children->content,
	    "研究方向：领导力; 生涯 #1 ;注");
	assert_string_equal(S_got.data, "");
	xmlFreeDoc(d);
	/* in a one-line field it is probably a comment: say so */
	d = S_read("[申报表]\n年度 = 2026   ; year\n");
	assert_non_null(d);
	assert_string_equal(S_got.data, "2:13:W-INI-SEMICOLON|");
	xmlFreeDoc(d);
}

static void
duplicate_keys_are_errors(void **state)
{
	xmlDocPtr d = S_read("[申报表]\n年度 = 2026\n[主理人]\n"
	    "姓名 = 张三\nname = 李四\n");

	(void)state;
	assert_non_null(d);
	assert_string_equal(S_got.data, "5:1:E-INI-DUP-KEY|");
	assert_int_equal(diag_exit_status(), 1);
	xmlFreeDoc(d);
	/* a repeated section: one error, not one per key */
	buf_reset(&S_got);
	diag_reset();
	d = S_read("[申报表]\n年度 = 2026\n[成员2]\n姓名 = 张三\n[成员2]\n"
	    "姓名 = 李四\n");
	assert_string_equal(S_got.data, "5:1:E-INI-DUP-SECTION|");
	xmlFreeDoc(d);
}

/* Text pasted from a word processor: a line of any length, and lines
 * with no "key =" continue the value above as paragraphs. */
static void
long_lines_and_pasted_paragraphs(void **state)
{
	struct buf b;
	xmlDocPtr d;
	xmlNode *o;

	(void)state;
	buf_init(&b);
	buf_puts(&b, "[申报表]\n年度 = 2026\n[建设方案]\n总体规划 = ");
	while (b.len < 5000)
		buf_puts(&b, "规");
	buf_puts(&b, "\n\n第二段。\r\n第三段：接着写。\n");
	d = input_read_mem(b.data, b.len, "t");
	assert_non_null(d);
	assert_string_equal(S_got.data, "6:1:N-INI-CONTINUED|");
	assert_int_equal(diag_exit_status(), 0);
	o = S_el(d, "overall");
	assert_non_null(o);
	assert_int_equal(xmlChildElementCount(o), 3);
	assert_string_equal((char *)xmlLastElementChild(o)->children->content,
	    "第三段：接着写。");
	assert_int_equal(xmlGetLineNo(xmlLastElementChild(o)), 7);
	xmlFreeDoc(d);
	buf_free(&b);
}

static void
bom_is_accepted(void **state)
{
	xmlDocPtr d = S_read("\xEF\xBB\xBF[申报表]\n年度 = 2026\n");

	(void)state;
	assert_non_null(d);
	assert_int_equal(diag_node_col(xmlDocGetRootElement(d)), 1);
	assert_string_equal(S_got.data, "");
	xmlFreeDoc(d);
	d = S_read("\xEF\xBB\xBF<application year=\"2026\"/>");
	assert_non_null(d);
	xmlFreeDoc(d);
}

static void
gbk_is_converted_with_a_warning(void **state)
{
	/* [申报表]\n年度 = 2026\n[主理人]\n姓名 = 张三 in GBK */
	const char gbk[] = "[\xc9\xea\xb1\xa8\xb1\xed]\n\xc4\xea\xb6\xc8 = 2026\n"
	    "[\xd6\xf7\xc0\xed\xc8\xcb]\n\xd0\xd5\xc3\xfb = \xd5\xc5\xc8\xfd\n";
	xmlDocPtr d = S_read(gbk);

	(void)state;
	assert_non_null(d);
	assert_string_equal(S_got.data, "1:2:W-INI-GBK|");
	assert_string_equal((char *)S_el(d, "name")->children->content, "张三");
	xmlFreeDoc(d);
}

static void
utf16_ini_and_invisible_spaces(void **state)
{
	/* "[申报表]\n\u200b年度\ufeff = 2026\n" in UTF-16LE with its BOM */
	const char u16[] = "\xff\xfe[\0\x33\x75\xa5\x62\x68\x88]\0\n\0"
	    "\x0b\x20\x74\x5e\xa6\x5e\xff\xfe \0=\0 \0" "2\0" "0\0" "2\0" "6\0\n\0";
	xmlDocPtr d = input_read_mem(u16, sizeof u16 - 1, "t");
	xmlChar *year;

	(void)state;
	assert_non_null(d);
	assert_string_equal(S_got.data, "0:0:W-INI-UTF16|");
	year = xmlGetProp(xmlDocGetRootElement(d), BAD_CAST "year");
	assert_string_equal((char *)year, "2026");
	xmlFree(year);
	xmlFreeDoc(d);
}

static void
gb2312_xml_is_read(void **state)
{
	const char x[] = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\n"
	    "<application><leader><name>\xd5\xc5\xc8\xfd</name></leader>"
	    "</application>";
	xmlDocPtr d = S_read(x);

	(void)state;
	assert_non_null(d);
	assert_string_equal((char *)S_el(d, "name")->children->content, "张三");
	xmlFreeDoc(d);
}

static void
bad_bytes_are_named_by_line_and_column(void **state)
{
	(void)state;
	/* 0xFF is neither UTF-8 nor GB18030 */
	assert_null(S_read("[申报表]\n年度 = 20\xff""26\n"));
	assert_string_equal(S_got.data, "2:8:E-INI-ENCODING|");
	buf_reset(&S_got);
	assert_null(S_read("<application>\n  <goals>目\xff</goals></application>"));
	assert_string_equal(S_got.data, "2:11:E-XML-ENCODING|");
	buf_reset(&S_got);
	/* damaged UTF-8 (one byte lost) is not taken for GBK */
	assert_null(S_read("[申报表]\n年度 = 2026\n[主理人]\n简介 = 辅导员工作"
	    "\xe5\xb7""坊主理人\n"));
	assert_string_equal(S_got.data, "4:11:E-INI-ENCODING|");
}

static void
unknown_names_are_errors(void **state)
{
	xmlDocPtr d = S_read("[申报表]\n年度 = 2026\n[主理人]\n性名 = 张三\n[附录]\nx = 1\n");

	(void)state;
	assert_non_null(d);
	assert_string_equal(S_got.data,
	    "4:1:E-INI-KEY-UNKNOWN|5:1:E-INI-SECTION-UNKNOWN|");
	xmlFreeDoc(d);
	buf_reset(&S_got);
	assert_null(S_read("[主理人]\n姓名 = 张三\n"));
	assert_string_equal(S_got.data, "1:1:E-INI-KIND|");
	buf_reset(&S_got);
	assert_null(S_read("姓名 = 张三\n"));
	assert_string_equal(S_got.data, "1:1:E-INI-KEY-OUTSIDE|0:0:E-INI-NO-SECTION|");
	buf_reset(&S_got);
	d = S_read("[申报表]\n这一行没有等号\n[成员]\n[成员x]\n");
	assert_non_null(d);
	assert_string_equal(S_got.data,
	    "2:1:E-INI-SYNTAX|3:1:E-INI-LIST-NUMBER|4:1:E-INI-LIST-NUMBER|");
	xmlFreeDoc(d);
	/* 成员三 and full-width digits are numbers, said */
	buf_reset(&S_got);
	d = S_read("[申报表]\n[成员三]\n姓名 = 甲\n[成员１２]\n姓名 = 乙\n"
	    "[成员二十一]\n姓名 = 丙\n");
	assert_string_equal(S_got.data,
	    "2:1:W-INI-NUMBER|4:1:W-INI-NUMBER|6:1:W-INI-NUMBER|");
	assert_non_null(S_el(d, "members"));
	assert_int_equal(xmlChildElementCount(S_el(d, "members")), 3);
	xmlFreeDoc(d);
}

static void
fullwidth_brackets_and_literal_at(void **state)
{
	xmlDocPtr d = S_read("[申报表]\n年度 = 2026\n【主理人】\n姓名 = 张三\n"
	    "简介 = @@所有同学\n");

	(void)state;
	assert_non_null(d);
	assert_string_equal(S_got.data, "3:1:W-INI-FULLWIDTH|");
	assert_string_equal((char *)S_el(d, "intro")->children->content,
	    "@所有同学");
	xmlFreeDoc(d);
}

/* What convert writes must read back as XML. */
static void
control_characters_are_removed(void **state)
{
	xmlDocPtr d = S_read("[申报表]\n年度 = 2026\n[主理人]\n"
	    "简介 = a\x01" "b\xef\xbf\xbf" "c\n");
	xmlChar *mem;
	int len;

	(void)state;
	assert_non_null(d);
	assert_string_equal(S_got.data, "4:7:E-INI-CONTROL|4:9:E-INI-NONCHAR|");
	assert_string_equal((char *)S_el(d, "intro")->children->content, "abc");
	xmlDocDumpMemory(d, &mem, &len);
	xmlFreeDoc(d);
	d = input_read_xml_mem((char *)mem, (size_t)len, "back");
	assert_non_null(d);
	xmlFreeDoc(d);
	xmlFree(mem);
}

static char *
S_tmpdir(void)
{
	char tmpl[] = "/tmp/wsdoc-input-XXXXXX";
	char *d = mkdtemp(tmpl);

	assert_non_null(d);
	return xstrdup(d);
}

static void
S_put(const char *dir, const char *name, const char *text)
{
	char *p = path_join(dir, name);
	FILE *f = fopen(p, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

static void
file_includes(void **state)
{
	char *dir = S_tmpdir(), *ini, *sub;
	xmlDocPtr d;
	xmlNode *n;

	(void)state;
	sub = path_join(dir, "附页");
	assert_int_equal(mkdir(sub, 0700), 0);
	S_put(dir, "plan.txt", "第一段第一行\n第一段第二行\n\n\n  第二段 words\nand more\n");
	S_put(sub, "y1.txt", "只有一段\n");
	ini = path_join(dir, "a.ini");
	S_put(dir, "a.ini", "[申报表]\n年度 = 2026\n[建设方案]\n"
	    "总体规划 = @plan.txt\n"
	    "第一年 = @附页/y1.txt\n"
	    "第二年 = @/etc/passwd\n"
	    "第三年 = @../a.ini\n"
	    "学生辅导和服务 = @附页\n"
	    "成员学习成长计划 = @none.txt\n");
	d = input_read(ini);
	assert_non_null(d);
	n = S_el(d, "overall");
	assert_string_equal((char *)n->children->children->content,
	    "第一段第一行第一段第二行");
	assert_string_equal((char *)n->children->next->children->content,
	    "第二段 words and more");
	assert_null(n->children->next->next);
	assert_int_equal(xmlGetLineNo(n->children->next), 4);
	n = S_el(d, "year");
	assert_string_equal((char *)n->children->content, "只有一段");
	assert_string_equal(S_got.data, "6:7:E-INI-INCLUDE-PATH|"
	    "7:7:E-INI-INCLUDE-PATH|8:11:E-INI-INCLUDE-READ|"
	    "9:12:E-INI-INCLUDE-READ|");
	xmlFreeDoc(d);
	free(ini);
	ini = path_join(dir, "a.ini");
	unlink(ini);
	free(ini);
	ini = path_join(dir, "plan.txt");
	unlink(ini);
	free(ini);
	ini = path_join(sub, "y1.txt");
	unlink(ini);
	free(ini);
	rmdir(sub);
	rmdir(dir);
	free(sub);
	free(dir);
}

static void
evaluation_and_decisions(void **state)
{
	xmlDocPtr d = S_read("[评估表]\n年度 = 2026\n工作坊编号 = HZNU-GZF-2026-01\n"
	    "[工作坊]\n名称 = 启航\n主理人 = 张三\n成员 = 李四、王五\n"
	    "[自评情况]\n等级 = 通过\n[建设成效]\n内容 = 一年来\n"
	    "[成果1]\n类型 = 论文\n日期 = 2026-05-01\n内容 = 发表论文一篇\n"
	    "[下一阶段建设计划]\n工作目标 = 目标\n");
	char *c;

	(void)state;
	assert_non_null(d);
	c = S_canon_doc(d);
	assert_string_equal(c, "<evaluation year=2026 workshop=HZNU-GZF-2026-01>"
	    "<workshop-name>\"启航\"</workshop-name><leader>\"张三\"</leader>"
	    "<members><member>\"李四\"</member><member>\"王五\"</member></members>"
	    "<self-assessment>\"通过\"</self-assessment>"
	    "<outcomes><p>\"一年来\"</p><achievement type=论文 date=2026-05-01>"
	    "\"发表论文一篇\"</achievement></outcomes>"
	    /* a plain section after a list one (was dropped once) */
	    "<next-plan><goals>\"目标\"</goals></next-plan></evaluation>");
	free(c);
	xmlFreeDoc(d);
	d = S_read("[评估结论]\nyear = 2026\n日期 = 2026-12-15\n"
	    "[变更1]\n工作坊 = W1\n事项 = 主理人\n日期 = 2026-03-01\n内容 = 调任\n"
	    "[结论2]\n工作坊 = W2\n等级 = 撤销\n[结论1]\n工作坊 = W1\n等级 = 通过\n");
	assert_non_null(d);
	assert_int_equal(input_kind(d), INPUT_DECISIONS);
	c = S_canon_doc(d);
	assert_string_equal(c, "<decisions year=2026 date=2026-12-15>"
	    "<decision workshop=W1 grade=通过></decision>"
	    "<decision workshop=W2 grade=撤销></decision>"
	    "<approved-change workshop=W1 field=leader date=2026-03-01>\"调任\""
	    "</approved-change></decisions>");
	free(c);
	xmlFreeDoc(d);
	assert_string_equal(S_got.data, "");
}

static void
vocabulary_labels(void **state)
{
	xmlDocPtr d = S_read("<application year=\"2026\"><leader><intro><p>一</p>"
	    "</intro></leader><plan><yearly><year n=\"2\"/></yearly></plan>"
	    "<workshop><areas><area>x</area></areas></workshop></application>");
	xmlNode *n;
	char where[64];

	(void)state;
	assert_non_null(d);
	n = S_el(d, "intro");
	assert_string_equal(vocab_label(n), "主理人简介");
	assert_string_equal(vocab_label(n->children), "主理人简介");
	assert_string_equal(vocab_ini_where(n, where, sizeof where), "[主理人] 简介");
	assert_string_equal(vocab_label(S_el(d, "year")), "第二年实施计划");
	assert_string_equal(vocab_label(S_el(d, "areas")), "辅导方向");
	assert_string_equal(vocab_label(S_el(d, "area")), "辅导方向");
	assert_string_equal(vocab_label(xmlDocGetRootElement(d)), "主理人申报表");
	assert_string_equal(vocab_child_label(S_el(d, "leader"), "staff-id"),
	    "主理人工号");
	assert_string_equal(vocab_child_label(xmlDocGetRootElement(d),
	    "member-requirements"), "对成员要求");
	assert_string_equal(vocab_attr_label(xmlDocGetRootElement(d), "year"),
	    "申报年度");
	assert_string_equal(vocab_label(S_el(d, "yearly")), "近三年实施计划");
	assert_string_equal(input_kind_label(INPUT_EVALUATION), "评估表");
	xmlFreeDoc(d);
}

/* Every table entry is reachable: each key lies below its section, and
 * no two keys of a section share a label or a name. */
static void
vocabulary_table_is_consistent(void **state)
{
	const struct vocab *sec = NULL;

	(void)state;
	for (const struct vocab *v = vocab_table; v->kind != INPUT_UNKNOWN; v++) {
		assert_non_null(v->path);
		assert_non_null(v->msg);
		if (v->type == VT_SECTION || v->type == VT_LIST) {
			sec = v;
			continue;
		}
		if (v->type != VT_KEY)
			continue;
		assert_non_null(sec);
		assert_int_equal(sec->kind, v->kind);
		size_t n = strlen(sec->path);
		assert_true(n == 0 || (strncmp(v->path, sec->path, n) == 0 &&
		    (v->path[n] == '\0' || v->path[n] == '/')));
		assert_true((v->form == VF_ATTR) == (strchr(v->path, '@') != NULL));
		for (const struct vocab *w = sec + 1; w < v; w++)
			if (w->type == VT_KEY) {
				assert_string_not_equal(w->label, v->label);
				assert_string_not_equal(w->name, v->name);
			}
	}
}

static void
entities_are_refused(void **state)
{
	const char *xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [\n"
	    "<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<application>&x;</application>";
	const char *pe = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [\n"
	    "<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>\n<application/>";
	const char *undef = "<application>&nbsp;</application>";

	(void)state;
	assert_null(S_read(xxe));
	assert_string_equal(S_got.data, "3:1:E-XML-ENTITY-DECL|");
	buf_reset(&S_got);
	assert_null(S_read(pe));
	assert_string_equal(S_got.data, "3:1:E-XML-ENTITY-DECL|");
	buf_reset(&S_got);
	assert_null(S_read(undef));
	assert_string_equal(S_got.data, "1:20:E-XML-ENTITY-UNDEF|");
}

static void
xml_errors_are_catalogue_messages(void **state)
{
	(void)state;
	assert_null(S_read("<application><goals>x</application>"));
	assert_string_equal(S_got.data, "1:36:E-XML-MISMATCH|");
	buf_reset(&S_got);
	assert_null(S_read("<application><goals>x</goals>"));
	assert_string_equal(S_got.data, "1:30:E-XML-TRUNCATED|");
	buf_reset(&S_got);
	assert_null(S_read("<application a=1/>"));
	assert_string_equal(S_got.data, "1:16:E-XML-ATTR|");
	buf_reset(&S_got);
	assert_null(S_read("<application/><x/>"));
	assert_string_equal(S_got.data, "1:15:E-XML-EXTRA|");
	buf_reset(&S_got);
	assert_null(S_read("<application>x & y</application>"));
	assert_string_equal(S_got.data, "1:17:E-XML-AMP|");
	buf_reset(&S_got);
	assert_null(S_read("<application>x < y</application>"));
	assert_string_equal(S_got.data, "1:17:E-XML-LT|");
	buf_reset(&S_got);
	assert_null(S_read("<application><!-- a -- b --></application>"));
	assert_string_equal(S_got.data, "1:21:E-XML-COMMENT|");
	buf_reset(&S_got);
	assert_null(S_read("<application><xi:include/></application>"));
	assert_string_equal(S_got.data, "1:25:E-XML-NAMESPACE|");
	buf_reset(&S_got);
	/* stray text before the root of a .xml file: still an XML error */
	assert_null(input_read_mem("abc<application/>", 17, "a.xml"));
	assert_string_equal(S_got.data, "1:1:E-XML-NO-ROOT|");
	buf_reset(&S_got);
	assert_null(S_read("   \n"));
	assert_string_equal(S_got.data, "0:0:F-IO-EMPTY|");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(ini_and_xml_give_the_same_tree, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(ini_elements_carry_line_and_column, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(xml_elements_carry_line_and_column, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(xml_big_line_numbers_kept, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(semicolon_and_hash_stay_in_values, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(duplicate_keys_are_errors, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(long_lines_and_pasted_paragraphs, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(bom_is_accepted, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(gbk_is_converted_with_a_warning, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(gb2312_xml_is_read, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(utf16_ini_and_invisible_spaces, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(bad_bytes_are_named_by_line_and_column, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(unknown_names_are_errors, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(file_includes, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(control_characters_are_removed, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(fullwidth_brackets_and_literal_at, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(evaluation_and_decisions, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(vocabulary_labels, S_setup, S_teardown),
		cmocka_unit_test(vocabulary_table_is_consistent),
		cmocka_unit_test_setup_teardown(entities_are_refused, S_setup, S_teardown),
		cmocka_unit_test_setup_teardown(xml_errors_are_catalogue_messages, S_setup, S_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
