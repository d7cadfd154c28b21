/* cmd_fo.c — wsdoc fo IN.fo [-o OUT.pdf] [--areas] [--draft]: lay out any
 * XSL-FO file of the supported subset and write the PDF, or print the
 * area tree as text. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../diag/diag.h"
#include "../fo/fo.h"
#include "../input/input.h"
#include "../font/font.h"
#include "../layout/area.h"
#include "../layout/layout.h"
#include "../pdf/pdf.h"
#include "../util/util.h"
#include "cli.h"

static const char S_usage[] =
    "用法: wsdoc fo 输入.fo [-o 输出.pdf] [--areas] [--draft]\n"
    "把 XSL-FO 文件（docs/fo-subset.md 所列子集）排版成 PDF。\n"
    "  -o 文件   写入该文件（默认与输入同名、扩展名为 .pdf；“-”表示标准输出）\n"
    "  --areas   不写 PDF，改为以文本打印排版结果（区域树），用于测试\n"
    "  --draft   在每页斜印“草稿”\n"
    "  -h        显示本帮助\n"
    "输入“-”表示从标准输入读取。\n";

/* Standard input into memory. */
static char *
S_read_stdin(size_t *len)
{
	struct buf b;
	char tmp[65536];
	size_t n;

	buf_init(&b);
	while ((n = fread(tmp, 1, sizeof tmp, stdin)) > 0)
		buf_append(&b, tmp, n);
	*len = b.len;
	return buf_detach(&b);
}

int
cmd_fo(int argc, char **argv)
{
	const char *in = NULL, *out = NULL;
	int areas = 0, draft = 0, rc;
	struct fo_tree *tree;
	struct area_doc *doc;
	struct lay_options opt;
	char *defout = NULL;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs(S_usage, stdout);
			return 0;
		}
		if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
			out = argv[++i];
			continue;
		}
		if (strncmp(argv[i], "-o", 2) == 0 && argv[i][2]) {
			out = argv[i] + 2;
			continue;
		}
		if (strcmp(argv[i], "--areas") == 0) {
			areas = 1;
			continue;
		}
		if (strcmp(argv[i], "--draft") == 0) {
			draft = 1;
			continue;
		}
		if ((argv[i][0] == '-' && argv[i][1] != '\0') || in != NULL) {
			fputs(S_usage, stderr);
			return 2;
		}
		in = argv[i];
	}
	if (in == NULL) {
		fputs(S_usage, stderr);
		return 2;
	}
	if (fonts_init() != 0)
		return diag_exit_status() ? diag_exit_status() : 3;
	if (strcmp(in, "-") == 0) {
		size_t len;
		char *data = S_read_stdin(&len);
		tree = fo_parse_memory(data, len, "-");
		free(data);
	} else
		tree = fo_parse_file(in);
	if (tree == NULL)
		return diag_exit_status() ? diag_exit_status() : 1;

	memset(&opt, 0, sizeof opt);
	opt.watermark = draft ? "草稿" : NULL;
	opt.no_boxes = !areas;	/* only the dump shows them */
	doc = lay_document(tree, &opt);
	if (areas) {
		FILE *f = stdout;
		if (out != NULL && strcmp(out, "-") != 0) {
			/* Whole or not at all, like the PDF. */
			char *mem = NULL;
			size_t len = 0;
			f = open_memstream(&mem, &len);
			if (f == NULL) {
				diag(F_IO_WRITE, NULL, 0, 0, out, errno_text_write(errno));
			} else {
				area_dump(doc, f);
				fclose(f);
				if (file_write_atomic(out, mem, len) != 0)
					diag(F_IO_WRITE, NULL, 0, 0, out, errno_text_write(errno));
				free(mem);
			}
		} else {
			area_dump(doc, f);
			fflush(f);
		}
	} else {
		if (out == NULL) {
			const char *dot = strrchr(in, '.');
			const char *slash = strrchr(in, '/');
			size_t n = dot && (!slash || dot > slash) ? (size_t)(dot - in) :
			    strlen(in);
			defout = xasprintf("%.*s.pdf", (int)n, in);
			out = strcmp(in, "-") == 0 ? "-" : defout;
		}
		/* An error (no page master …) leaves no PDF behind. */
		if (!diag_failed())
			pdf_write(doc, out);
	}
	area_doc_free(doc);
	fo_tree_free(tree);
	free(defout);
	rc = diag_exit_status();
	return rc;
}
