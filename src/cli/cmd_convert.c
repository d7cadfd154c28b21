/* cmd_convert.c — wsdoc convert IN.ini [-o OUT.xml]: the XML that an INI
 * file means, the tree every later stage sees. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "../diag/diag.h"
#include "../input/input.h"
#include "../util/util.h"
#include "cli.h"

/* Not cli_usage(): it lives in main.c, which the unit tests leave out. */
static const char S_usage[] =
    "用法: wsdoc convert 输入.ini [-o 输出.xml]\n"
    "把 INI 文件转换成含义相同的 XML（即 wsdoc 检查和排版所用的树）。\n"
    "  -o 文件  写入该文件（默认写到标准输出；“-”表示标准输出）\n"
    "  -h       显示本帮助\n"
    "输入有错误时不写输出文件，退出状态为 1。\n";

int
cmd_convert(int argc, char **argv)
{
	const char *in = NULL, *out = "-";
	xmlDocPtr doc;
	xmlChar *mem = NULL;
	int len = 0, rc;

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
	/* the reader's messages in line order (its checks run in passes) */
	diag_hold(1);
	doc = input_read(in);
	diag_hold(0);
	if (doc == NULL)
		return diag_exit_status();
	if (diag_failed()) {	/* never write what the input does not say */
		xmlFreeDoc(doc);
		return diag_exit_status();
	}
	xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", 1);
	xmlFreeDoc(doc);
	if (mem == NULL) {
		util_oom();
		return 3;
	}
	if (file_write_atomic(out, mem, (size_t)len) == -1)
		diag(F_IO_WRITE, NULL, 0, 0, out, errno_text_write(errno));
	xmlFree(mem);
	rc = diag_exit_status();
	return rc;
}
