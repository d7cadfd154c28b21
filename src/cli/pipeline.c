/* pipeline.c — structure, then the measures, for the documents of a run. */
#include "pipeline.h"

#include <stdlib.h>

#include "../diag/diag.h"
#include "../input/input.h"
#include "../rules/rules.h"
#include "../schema/schema.h"
#include "../util/util.h"

int
pipeline_validate(xmlDocPtr *docs, size_t n)
{
	xmlDocPtr *valid = xcalloc(n, sizeof *valid);
	size_t nvalid = 0;
	int bad = 0, before = diag_count(DL_ERROR) + diag_count(DL_FATAL);

	/* One round: the rules of each document run even when its structure
	 * is wrong, so that a counsellor learns of the 简介 that is too long
	 * together with the field that is missing — but what the schema has
	 * said (a field missing, a value not one of the form's) is not said
	 * again, and the rules across files read only the valid trees. */
	static const enum diag_id said[] = { E_APP_PART_MISSING, E_MEM_MISSING,
		E_EVAL_PART_MISSING, E_EVAL_NEXT_MISSING, E_EVAL_GRADE, E_EVAL_ID,
		E_DEC_GRADE, E_DEC_ID, E_RNG_MONTH, W_APP_AREA_NONE };
	int polbad = 0;
	for (size_t i = 0; i < n; i++) {
		if (schema_validate(docs[i]) > 0) {
			bad++;
			for (size_t k = 0; k < sizeof said / sizeof *said; k++)
				diag_mute(said[k], 1);
			polbad |= rules_check_doc(docs[i]) < 0;
			for (size_t k = 0; k < sizeof said / sizeof *said; k++)
				diag_mute(said[k], 0);
		} else
			valid[nvalid++] = docs[i];
	}
	if (polbad || rules_check(valid, nvalid) < 0)
		bad = (int)n;
	else if (bad == 0 && diag_count(DL_ERROR) + diag_count(DL_FATAL) > before)
		bad = 1;
	free(valid);
	return bad;
}

xmlDocPtr
pipeline_known(xmlDocPtr doc)
{
	enum input_kind kind;

	if (doc == NULL)
		return NULL;
	kind = input_kind(doc);
	if (kind == INPUT_UNKNOWN || kind == INPUT_ROSTER) {
		xmlNode *root = xmlDocGetRootElement(doc);
		diag_node(E_CLI_KIND, root, root ? (const char *)root->name : "");
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}
