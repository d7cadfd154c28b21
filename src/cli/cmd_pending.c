/* cmd_pending.c — weak definitions for commands whose module has not landed
 * yet; a module's own cmd_NAME replaces them at link time. */
#include <stdio.h>

#include "../diag/diag.h"
#include "cli.h"

static int
S_pending(const char *name)
{
	diag(E_CLI_PENDING, NULL, 0, 0, name);
	return 2;
}

#define X(name, help) \
	__attribute__((weak)) int cmd_##name(int argc, char **argv) \
	{ (void)argc; (void)argv; return S_pending(#name); }
CMD_LIST(X)
#undef X
