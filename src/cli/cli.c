/* cli.c — what the commands share. */
#include <stdio.h>

#include "cli.h"

void
cli_usage(const char *synopsis, const char *options, int to_stdout)
{
	FILE *f = to_stdout ? stdout : stderr;

	fprintf(f, "用法: wsdoc %s\n", synopsis);
	if (options && *options)
		fprintf(f, "%s", options);
}
