/* cmd_serve.c — wsdoc serve [--listen ADDR:PORT]: the forms as web pages
 * (src/serve/). */
#include <stdio.h>
#include <string.h>

#include "../font/font.h"
#include "../schema/schema.h"
#include "../serve/serve.h"
#include "../xslt/xslt.h"
#include "cli.h"

static const char S_synopsis[] = "serve [--listen 地址:端口]";
static const char S_options[] =
    "在浏览器中填写申报表（附件1）、评估表（附件2）和成员申报表：边填边检查\n"
    "（与 wsdoc check 相同的规则和信息），一键生成与 wsdoc render 相同的 PDF，\n"
    "下载 INI 或 XML 文件，或打开已有的文件接着填。服务器不保存任何内容。\n"
    "  --listen 地址:端口  监听的地址（默认 127.0.0.1:8080，只供本机使用）；\n"
    "                     供内网使用时写本机的内网地址，如 10.1.2.3:8080；\n"
    "                     端口 0 表示任选一个空闲端口\n"
    "  -h                 显示本帮助\n"
    "按 Ctrl+C（或发送 SIGTERM）停止：正在处理的请求完成后退出。\n";

int
cmd_serve(int argc, char **argv)
{
	const char *listen = "127.0.0.1:8080";
	int rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			cli_usage(S_synopsis, S_options, 1);
			return 0;
		}
		if (strcmp(argv[i], "--listen") == 0 && i + 1 < argc)
			listen = argv[++i];
		else if (strncmp(argv[i], "--listen=", 9) == 0)
			listen = argv[i] + 9;
		else {
			cli_usage(S_synopsis, S_options, 0);
			return 2;
		}
	}
	/* What every render needs, loaded once. */
	if (fonts_init() != 0)
		return 3;
	rc = serve_run(listen);
	xslt_shutdown();
	schema_cleanup();
	fonts_shutdown();
	return rc;
}
