/* fuzz_input.h — what fuzz_ini.c and fuzz_xml.c share: a named input read
 * the way `wsdoc check NAME` reads it, the invariants every tree it returns
 * must keep (each element labelled and placed, what convert writes reads
 * back as XML), then the schema and the rules.  Included once per harness. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <libxml/tree.h>

#include "cli/pipeline.h"
#include "diag/diag.h"
#include "input/input.h"
#include "input/vocab.h"
#include "fuzz_diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

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

/* url: a file in a folder that does not exist, so @file includes read
 * nothing from the machine; its extension picks the reader as in check. */
static int
S_one(const uint8_t *data, size_t len, const char *url)
{
	xmlDocPtr doc, back;
	xmlChar *mem = NULL;
	int n = 0;

	diag_set_sink(S_sink, NULL);
	diag_reset();
	if ((doc = input_read_mem((const char *)data, len, url)) == NULL)
		return 0;
	S_walk(xmlDocGetRootElement(doc));
	input_kind_label(input_kind(doc));
	xmlDocDumpFormatMemoryEnc(doc, &mem, &n, "UTF-8", 1);
	if (mem == NULL)
		abort();
	diag_reset();
	if ((back = input_read_xml_mem((const char *)mem, (size_t)n, "back.xml")) == NULL)
		abort();	/* what convert writes must read back */
	xmlFreeDoc(back);
	xmlFree(mem);
	diag_reset();
	pipeline_validate(&doc, 1);
	xmlFreeDoc(doc);
	return 0;
}
