/* test_xslt.c — the form stylesheets produce the paper forms' labels, and the
 * XSLT sandbox refuses reads outside xslt/, file writes and the network. */
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

#include "diag/diag.h"
#include "util/util.h"
#include "xslt/xslt.h"

static char S_dir[] = "/tmp/wsdoc-xslt-XXXXXX";

static void
S_put(const char *rel, const char *text)
{
	char *p = xasprintf("%s/%s", S_dir, rel);
	assert_int_equal(file_write_atomic(p, text, strlen(text)), 0);
	free(p);
}

static void
S_quiet(const struct diag_msg *m, void *arg)
{
	(void)m;
	(void)arg;
}

/* A data directory with the real stylesheets and three hostile ones. */
static int
setup(void **state)
{
	char cwd[4096], *cmd;
	(void)state;
	assert_non_null(mkdtemp(S_dir));
	assert_non_null(getcwd(cwd, sizeof cwd));
	cmd = xasprintf("mkdir -p %s/xslt %s/forms && cp %s/xslt/*.xsl %s/xslt/",
	    S_dir, S_dir, cwd, S_dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	S_put("secret.txt", "TOP-SECRET");
	S_put("xslt/read.xsl",
	    "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
	    "<xsl:template match='/'><r><xsl:value-of select=\"document('../secret.txt')\"/>"
	    "<xsl:copy-of select=\"document('/etc/passwd')\"/></r></xsl:template></xsl:stylesheet>");
	S_put("xslt/write.xsl",
	    "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
	    " xmlns:exsl='http://exslt.org/common' extension-element-prefixes='exsl'>"
	    "<xsl:template match='/'><exsl:document href='/tmp/wsdoc-xslt-pwned.txt'><x/></exsl:document><r/></xsl:template></xsl:stylesheet>");
	S_put("xslt/net.xsl",
	    "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
	    "<xsl:template match='/'><r><xsl:copy-of select=\"document('http://127.0.0.1:9/x.xml')\"/></r></xsl:template></xsl:stylesheet>");
	setenv("WSDOC_DATADIR", S_dir, 1);
	diag_set_sink(S_quiet, NULL);
	return 0;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf %s", S_dir);
	(void)state;
	xslt_shutdown();
	(void)!system(cmd);
	free(cmd);
	return 0;
}

static char *
S_run(const char *sheet, const char *input)
{
	xmlDocPtr in = xmlReadMemory(input, (int)strlen(input), "in.xml", NULL, 0);
	xmlDocPtr out;
	xmlChar *mem = NULL;
	int len = 0;
	char *s;

	assert_non_null(in);
	out = xslt_apply(sheet, in, NULL);
	xmlFreeDoc(in);
	if (out == NULL)
		return NULL;
	xmlDocDumpMemory(out, &mem, &len);
	xmlFreeDoc(out);
	s = xstrdup((char *)mem);
	xmlFree(mem);
	return s;
}

static void
application_has_every_row_of_the_form(void **state)
{
	static const char *labels[] = { "杭州师范大学辅导员工作坊主理人申报表",
	    "工作坊名称", "主理人简介", "（100字以内）", "已有基础", "建设目标",
	    "建设方案", "第一年工作计划和成效", "对学生辅导和服务",
	    "工作坊成员的学习成长计划", "工作平台、方式及预期效果", "对成员要求",
	    "二级学院意见", "盖　章", "年　　　月　　　日", "建设方案（续）" };
	char *fo;
	(void)state;
	fo = S_run("application.xsl",
	    "<application year='2026'><workshop><name>启航工作坊</name></workshop>"
	    "<leader><name>张三</name><intro>简介</intro></leader><plan><yearly>"
	    "<year n='1'>甲</year></yearly></plan></application>");
	assert_non_null(fo);
	for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
		if (strstr(fo, labels[i]) == NULL)
			fail_msg("missing label %s", labels[i]);
	assert_non_null(strstr(fo, "启航工作坊"));
	free(fo);
}

static void
evaluation_ticks_the_chosen_grade_only(void **state)
{
	char *fo, *tick;
	(void)state;
	fo = S_run("evaluation.xsl",
	    "<evaluation year='2026' workshop='HZNU-GZF-2026-01'><workshop-name>甲</workshop-name>"
	    "<leader>张三</leader><self-assessment>暂缓通过</self-assessment></evaluation>");
	assert_non_null(fo);
	tick = strstr(fo, "√");
	assert_non_null(tick);
	assert_null(strstr(tick + 1, "√"));
	/* The tick is in the box right before 暂缓通过, after 通过. */
	assert_true(tick > strstr(fo, ">通过<"));
	assert_true(tick < strstr(fo, ">暂缓通过<"));
	free(fo);
}

static void
sandbox_refuses_reading_outside_xslt(void **state)
{
	char *out;
	(void)state;
	out = S_run("read.xsl", "<x/>");
	if (out) {
		assert_null(strstr(out, "TOP-SECRET"));
		assert_null(strstr(out, "root:"));
		free(out);
	}
}

static void
sandbox_refuses_writing_files(void **state)
{
	char *out;
	(void)state;
	unlink("/tmp/wsdoc-xslt-pwned.txt");
	out = S_run("write.xsl", "<x/>");
	free(out);
	assert_int_equal(access("/tmp/wsdoc-xslt-pwned.txt", F_OK), -1);
}

static void
sandbox_refuses_the_network(void **state)
{
	char *out;
	(void)state;
	out = S_run("net.xsl", "<x/>");
	free(out);	/* refused quickly: no hang, no crash */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(application_has_every_row_of_the_form),
		cmocka_unit_test(evaluation_ticks_the_chosen_grade_only),
		cmocka_unit_test(sandbox_refuses_reading_outside_xslt),
		cmocka_unit_test(sandbox_refuses_writing_files),
		cmocka_unit_test(sandbox_refuses_the_network),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
