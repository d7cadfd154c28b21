/* fuzz_diag.h — the harnesses' diagnostic sink: prints nothing, but every
 * message a user would read must be whole UTF-8 with a sane position (a
 * value cut mid-character in a message would show as mojibake). */
#include <stdlib.h>
#include <string.h>

#include "diag/diag.h"
#include "util/util.h"

static void
S_sink(const struct diag_msg *m, void *arg)
{
	(void)arg;
	if (m->text == NULL || m->line < 0 || m->col < 0 ||
	    utf8_invalid_at(m->text, strlen(m->text)) != (size_t)-1)
		abort();
}
