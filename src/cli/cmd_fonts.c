/* cmd_fonts.c — `wsdoc fonts`: how each font role resolves on this machine. */
#include <stdio.h>
#include <string.h>

#include "../diag/diag.h"
#include "../font/font.h"
#include "cli.h"

int
cmd_fonts(int argc, char **argv)
{
	/* Not cli_usage(): it lives in main.c, which the unit tests leave out. */
	static const char usage[] =
	    "用法: wsdoc fonts\n"
	    "显示每个字体角色（宋体、黑体、楷体、仿宋）选用的字体文件、\n"
	    "是否为首选字体、是否为 TrueType 轮廓，以及 GB2312 汉字覆盖数。\n";
	int rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs(usage, stdout);
			return 0;
		}
		fputs(usage, stderr);
		return 2;
	}
	rc = fonts_init();
	/* Report what there is even when a role has no face. */
	fonts_report(stdout);
	fonts_shutdown();
	if (rc != 0)
		return diag_exit_status() ? diag_exit_status() : 3;
	return 0;
}
