/* pipeline.c — structure, then the measures, for the documents of a run. */
#include "pipeline.h"

#include <stdlib.h>

#include "../diag/diag.h"
#include "../rules/rules.h"
#include "../schema/schema.h"
#include "../util/util.h"

int
pipeline_validate(xmlDocPtr *docs, size_t n)
{
	xmlDocPtr *valid = xcalloc(n, sizeof *valid);
	size_t nvalid = 0;
	int bad = 0, before = diag_count(DL_ERROR) + diag_count(DL_FATAL);

	/* The rules read only structurally valid trees. */
	for (size_t i = 0; i < n; i++) {
		if (schema_validate(docs[i]) > 0)
			bad++;
		else
			valid[nvalid++] = docs[i];
	}
	if (rules_check(valid, nvalid) < 0)
		bad = (int)n;
	else if (bad == 0 && diag_count(DL_ERROR) + diag_count(DL_FATAL) > before)
		bad = 1;
	free(valid);
	return bad;
}
