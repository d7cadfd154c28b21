/* fuzz_input.c — libFuzzer harness for the readers: any bytes, read as an
 * input (XML or INI); a tree that comes back must name every element,
 * serialise, and read back through the XML reader without an error.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -D_GNU_SOURCE \
 *     -Isrc $(pkg-config --cflags libxml-2.0) -I/usr/include/iniparser \
 *     tests/fuzz/fuzz_input.c src/input/[a-z]*.c src/diag/diag.c src/util/util.c \
 *     -lxml2 -liniparser -o build/fuzz_input
 *   build/fuzz_input -max_total_time=60 -max_len=4096 tests/hostile
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "diag/diag.h"
#include "input/input.h"
#include "input/vocab.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
S_quiet(const struct diag_msg *m, void *arg)
{
	(void)m;
	(void)arg;
}

static void
S_walk(const xmlNode *n)
{
	char where[128];

	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (vocab_label(n) == NULL || xmlGetLineNo(n) < 0 ||
		    diag_node_col(n) < 0)
			abort();
		vocab_ini_where(n, where, sizeof where);
		vocab_child_label(n, "name");
		vocab_attr_label(n, "year");
		S_walk(n->children);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	xmlDocPtr doc, back;
	xmlChar *mem = NULL;
	int len = 0;

	diag_set_sink(S_quiet, NULL);
	diag_reset();
	/* a folder that does not exist: @file includes read nothing */
	doc = input_read_mem((const char *)data, size, "/nonexistent-wsdoc-fuzz/in");
	if (doc == NULL)
		return 0;
	S_walk(xmlDocGetRootElement(doc));
	input_kind_label(input_kind(doc));
	xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", 1);
	xmlFreeDoc(doc);
	if (mem == NULL)
		abort();
	diag_reset();
	back = input_read_xml_mem((const char *)mem, (size_t)len, "back");
	if (back == NULL)
		abort();	/* what convert writes must read back */
	xmlFreeDoc(back);
	xmlFree(mem);
	return 0;
}
