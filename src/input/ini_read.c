/* ini_read.c — placeholder until the INI reader lands. */
#include "input.h"

#include "../diag/diag.h"

xmlDocPtr
input_read_ini_mem(const char *data, size_t len, const char *url)
{
	(void)data; (void)len;
	diag(E_CLI_PENDING, url, 0, 0, "INI");
	return NULL;
}
