/* fuzz_ini.c — libFuzzer: the INI reader, then the schema and the rules. */
#include <stddef.h>
#include <stdint.h>

#include "diag/diag.h"
#include "input/input.h"
#include "cli/pipeline.h"

static void
S_quiet(const struct diag_msg *m, void *arg)
{
	(void)m;
	(void)arg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	xmlDocPtr doc;

	diag_set_sink(S_quiet, NULL);
	diag_reset();
	doc = input_read_ini_mem((const char *)data, len, "fuzz.ini");
	if (doc) {
		pipeline_validate(&doc, 1);
		xmlFreeDoc(doc);
	}
	return 0;
}
