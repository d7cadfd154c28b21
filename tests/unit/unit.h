/* unit.h — what the unit tests share: a temporary folder of their own,
 * made in setup and removed with what is in it in teardown.  For
 * tests/unit/ only. */
#ifndef WSDOC_UNIT_H
#define WSDOC_UNIT_H

#include <stdio.h>
#include <stdlib.h>

#include "util/util.h"

/* dir (n bytes) becomes a new folder $TMPDIR/wsdoc-TAG.XXXXXX; 0, or -1. */
static inline int
unit_tmpdir(char *dir, size_t n, const char *tag)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, n, "%s/wsdoc-%s.XXXXXX", tmp && *tmp ? tmp : "/tmp", tag);
	return mkdtemp(dir) == NULL ? -1 : 0;
}

/* Remove the folder and everything in it. */
static inline void
unit_rmdir(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
}

#endif
