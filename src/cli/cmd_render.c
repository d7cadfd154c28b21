/* cmd_render.c — wsdoc render: validate each input, then draw its official
 * form (附件1, 附件2, 成员申报表) to PDF through the stylesheets and the engine. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "../diag/diag.h"
#include "../fo/fo.h"
#include "../font/font.h"
#include "../input/input.h"
#include "../layout/area.h"
#include "../layout/layout.h"
#include "../pdf/pdf.h"
#include "../util/util.h"
#include "../xslt/xslt.h"
#include "batch.h"
#include "cli.h"
#include "pipeline.h"

static const char S_synopsis[] =
    "render [-o 输出] [-j N] [--draft] [--fo] 文件...";
static const char S_options[] =
    "  -o 输出    一个输入时为 PDF 文件名，多个输入时为输出文件夹（默认当前文件夹）\n"
    "  -j N       同时使用 N 个进程\n"
    "  --draft    输入有错误也排版，并在每页加“草稿”字样\n"
    "  --fo       输出 XSL-FO 而不是 PDF（可交给 Apache FOP 等排版）\n"
    "  -h         显示本帮助\n";

struct render {
	char	**inputs;
	char	**outputs;
	size_t	  n;
	int	  draft;
	int	  fo_only;
};

/* The text of the first element matching an XPath, trimmed; new string. */
static char *
S_text(xmlDocPtr doc, const char *xpath)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr obj = xmlXPathEvalExpression((const xmlChar *)xpath, ctx);
	char *s = NULL;

	if (obj && obj->nodesetval && obj->nodesetval->nodeNr > 0) {
		xmlChar *c = xmlNodeGetContent(obj->nodesetval->nodeTab[0]);
		const char *b = (const char *)c, *e;
		while (*b == ' ' || *b == '\t' || *b == '\n' || *b == '\r')
			b++;
		e = b + strlen(b);
		while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
			e--;
		if (e > b)
			s = xstrndup(b, (size_t)(e - b));
		xmlFree(c);
	}
	xmlXPathFreeObject(obj);
	xmlXPathFreeContext(ctx);
	return s;
}

/* A name safe as a file name: no '/', no leading '.', not empty. */
static void
S_sanitize(char *s)
{
	for (char *p = s; *p; p++)
		if (*p == '/' || *p == '\\' || (unsigned char)*p < 0x20)
			*p = '_';
	if (s[0] == '.')
		s[0] = '_';
}

struct form {
	enum input_kind	 kind;
	const char	*sheet;		/* stylesheet */
	const char	*prefix;	/* output name: prefix-who.pdf */
	const char	*who;		/* XPath of who the form is for */
	const char	*title;		/* document title */
};

static const struct form S_forms[] = {
	{ INPUT_APPLICATION, "application.xsl", "申报表", "/application/leader/name",
	  "杭州师范大学辅导员工作坊主理人申报表" },
	{ INPUT_MEMBER, "member.xsl", "成员申报表", "/member-application/name",
	  "杭州师范大学辅导员工作坊成员申报表" },
	{ INPUT_EVALUATION, "evaluation.xsl", "评估表", "/evaluation/workshop-name",
	  "杭州师范大学辅导员工作坊评估表" },
};

static const struct form *
S_form(enum input_kind k)
{
	for (size_t i = 0; i < sizeof S_forms / sizeof *S_forms; i++)
		if (S_forms[i].kind == k)
			return &S_forms[i];
	return NULL;
}

/* The output name of one input, from its content: 申报表-张三.pdf. */
static char *
S_out_name(const char *path, int fo_only)
{
	const struct form *f;
	xmlDocPtr doc;
	char *who = NULL, *name;
	const char *ext = fo_only ? "fo" : "pdf";

	/* Quietly: the job reads it again and says what is wrong. */
	diag_set_threshold(DL_FATAL + 1);
	doc = input_read(path);
	diag_set_threshold(DL_NOTE);
	if (doc && (f = S_form(input_kind(doc))) != NULL) {
		who = S_text(doc, f->who);
		if (who == NULL && f->kind == INPUT_EVALUATION)
			who = S_text(doc, "/evaluation/@workshop");
		if (who) {
			S_sanitize(who);
			name = xasprintf("%s-%s.%s", f->prefix, who, ext);
			free(who);
			xmlFreeDoc(doc);
			return name;
		}
	}
	xmlFreeDoc(doc);
	{
		const char *base = path_basename(path);
		const char *dot = strrchr(base, '.');
		size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
		char *stem = xstrndup(base, len);
		S_sanitize(stem);
		name = xasprintf("%s.%s", stem, ext);
		free(stem);
	}
	return name;
}

xmlDocPtr
render_fo(xmlDocPtr doc, int draft)
{
	const struct form *f = S_form(input_kind(doc));
	const char *params[3];

	if (f == NULL) {
		diag_node(E_RENDER_KIND, xmlDocGetRootElement(doc),
		    input_kind_label(input_kind(doc)));
		return NULL;
	}
	params[0] = "draft";
	params[1] = draft ? "1" : "0";
	params[2] = NULL;
	return xslt_apply(f->sheet, doc, params);
}

struct area_doc *
render_area(xmlDocPtr doc, int draft)
{
	const struct form *f = S_form(input_kind(doc));
	xmlDocPtr fodoc;
	struct fo_tree *tree = NULL;
	struct area_doc *area = NULL;

	if ((fodoc = render_fo(doc, draft)) == NULL)
		return NULL;
	/* What the layout still has to say (a character no font has) names
	 * the input the text came from. */
	xmlFree((xmlChar *)fodoc->URL);
	fodoc->URL = xmlStrdup(doc->URL);
	if ((tree = fo_from_doc(fodoc)) == NULL)
		goto out;
	{
		/* Characters above U+FFFF: warned of at their fields by the
		 * rules (W-TEXT-ASTRAL), not again without a place. */
		struct lay_options lo = { draft ? "草稿" : NULL, 1, 1, NULL };
		area = lay_document(tree, &lo);
	}
	if (area) {
		char *who = S_text(doc, f->who);
		char *ws = S_text(doc, "//workshop/name | /evaluation/workshop-name | /member-application/@workshop");
		char *title = ws ? xasprintf("%s（%s）", f->title, ws) : xstrdup(f->title);
		area->title = area_strdup(area, title, strlen(title));
		if (who)
			area->author = area_strdup(area, who, strlen(who));
		if (ws)
			area->subject = area_strdup(area, ws, strlen(ws));
		area->creator = "wsdoc " WSDOC_VERSION;
		free(who);
		free(ws);
		free(title);
	}
out:
	fo_tree_free(tree);
	xmlFreeDoc(fodoc);
	return area;
}

static enum batch_result
S_job(size_t i, void *arg)
{
	struct render *r = arg;
	const char *path = r->inputs[i];
	xmlDocPtr doc;
	enum batch_result res = BATCH_FAILED;

	diag_reset();
	/* the messages of the reader, the schema and the rules in line
	 * order, as check prints them */
	diag_hold(1);
	if ((doc = input_read(path)) == NULL) {
		diag_hold(0);
		return diag_exit_status() == 3 ? BATCH_FAILED : BATCH_REFUSED;
	}
	if (S_form(input_kind(doc)) == NULL) {
		diag_node(E_RENDER_KIND, xmlDocGetRootElement(doc),
		    input_kind_label(input_kind(doc)));
		diag_hold(0);
		xmlFreeDoc(doc);
		return BATCH_REFUSED;
	}
	/* Any failing message, the reader's included (a line it could not
	 * read is a word missing from the form), stops the job as it fails
	 * `check` — unless a draft is asked for. */
	if ((pipeline_validate(&doc, 1) != 0 || diag_failed()) && !r->draft) {
		diag_hold(0);
		diag(N_RENDER_REFUSED, path, 0, 0);
		xmlFreeDoc(doc);
		return BATCH_REFUSED;
	}
	diag_hold(0);
	if (r->fo_only) {
		xmlDocPtr fodoc = render_fo(doc, r->draft);
		xmlChar *mem = NULL;
		int len = 0;
		if (fodoc) {
			xmlDocDumpMemoryEnc(fodoc, &mem, &len, "UTF-8");
			if (file_write_atomic(r->outputs[i], mem, (size_t)len) == 0)
				res = BATCH_DONE;
			else
				diag(F_IO_WRITE, r->outputs[i], 0, 0, r->outputs[i], errno_text_write(errno));
			xmlFree(mem);
			xmlFreeDoc(fodoc);
		}
	} else {
		struct area_doc *area = render_area(doc, r->draft);
		if (area && pdf_write(area, r->outputs[i]) == 0)
			res = BATCH_DONE;
		area_doc_free(area);
	}
	/* say what was made of what, so that a batch's names can be told
	 * apart (申报表-张三.pdf, 申报表-张三-2.pdf) */
	if (res == BATCH_DONE) {
		printf("%s → %s\n", path, r->outputs[i]);
		fflush(stdout);
	}
	xmlFreeDoc(doc);
	return res;
}

static int
S_isdir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Whether a file can be made at path: its folder exists, is a folder and
 * may be written in.  Otherwise F-IO-WRITE naming that cause (not "the
 * file does not exist", not "check the disk space"), and -1. */
static int
S_writable(const char *path)
{
	char *dir = path_dirname(path), *why = NULL;
	struct stat st;

	if (stat(dir, &st) == -1)
		why = errno == ENOENT ? xasprintf("文件夹“%s”不存在", dir) :
		    xasprintf("无法访问文件夹“%s”（%s）", dir, errno_text(errno));
	else if (!S_ISDIR(st.st_mode))
		why = xasprintf("“%s”不是文件夹", dir);
	else if (access(dir, W_OK | X_OK) == -1)
		why = errno == EROFS ? xasprintf("文件夹“%s”在只读的文件系统上", dir) :
		    xasprintf("没有在文件夹“%s”中写入的权限", dir);
	if (why)
		diag(F_IO_WRITE, path, 0, 0, path, why);
	free(why);
	free(dir);
	return why ? -1 : 0;
}

int
cmd_render(int argc, char **argv)
{
	struct render r;
	const char *out = NULL;
	int jobs = 1, rc, c;
	size_t k;

	memset(&r, 0, sizeof r);
	optind = 1;
	static const struct option opts[] = {
		{ "draft", no_argument, NULL, 'd' },
		{ "fo", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	while ((c = getopt_long(argc, argv, "o:j:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o': out = optarg; break;
		case 'j': jobs = atoi(optarg); break;
		case 'd': r.draft = 1; break;
		case 'f': r.fo_only = 1; break;
		case 'h': cli_usage(S_synopsis, S_options, 1); return 0;
		default: cli_usage(S_synopsis, S_options, 0); return 2;
		}
	}
	if (optind >= argc || jobs < 1 || jobs > 64) {
		cli_usage(S_synopsis, S_options, 0);
		return 2;
	}
	r.n = (size_t)(argc - optind);
	r.inputs = argv + optind;
	if (r.n > 1 && out && !S_isdir(out)) {
		if (S_writable(out) == -1)
			return 3;
		if (mkdir(out, 0777) == -1) {
			diag(F_IO_WRITE, out, 0, 0, out, errno_text_write(errno));
			return 3;
		}
	}
	if (r.n == 1 && out && !S_isdir(out) && S_writable(out) == -1)
		return 3;
	r.outputs = xcalloc(r.n, sizeof *r.outputs);
	for (k = 0; k < r.n; k++) {
		char *name, *base, *dot;
		if (r.n == 1 && out && !S_isdir(out)) {
			r.outputs[k] = xstrdup(out);
			continue;
		}
		name = S_out_name(r.inputs[k], r.fo_only);
		/* Two inputs for the same person: 申报表-张三-2.pdf. */
		dot = strrchr(name, '.');
		base = xstrndup(name, (size_t)(dot - name));
		for (int dup = 1; r.outputs[k] == NULL; dup++) {
			char *cand = dup == 1 ? xstrdup(name) :
			    xasprintf("%s-%d%s", base, dup, dot);
			char *full = out ? path_join(out, cand) : xstrdup(cand);
			size_t j;
			free(cand);
			for (j = 0; j < k && strcmp(r.outputs[j], full) != 0; j++)
				;
			if (j == k)
				r.outputs[k] = full;
			else
				free(full);
		}
		free(base);
		free(name);
	}
	/* Load what every job needs once, before the workers fork. */
	if (!r.fo_only && fonts_init() != 0)
		return diag_exit_status() ? diag_exit_status() : 3;
	rc = batch_run(r.n, jobs, S_job, &r, "排版");
	for (k = 0; k < r.n; k++)
		free(r.outputs[k]);
	free(r.outputs);
	xslt_shutdown();
	return rc;
}
