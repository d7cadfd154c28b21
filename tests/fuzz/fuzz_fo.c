/* fuzz_fo.c — libFuzzer: the FO engine from the XML bytes down to the PDF. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "diag/diag.h"
#include "fo/fo.h"
#include "font/font.h"
#include "layout/area.h"
#include "layout/layout.h"
#include "pdf/pdf.h"
#include "fuzz_diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static int ready;
	struct fo_tree *tree;
	struct area_doc *area;

	diag_set_sink(S_sink, NULL);
	if (!ready) {
		if (fonts_init() != 0)
			abort();
		ready = 1;
	}
	diag_reset();
	if ((tree = fo_parse_memory((const char *)data, len, "fuzz.fo")) == NULL)
		return 0;
	if ((area = lay_document(tree, NULL)) != NULL) {
		size_t n = 0;
		unsigned char *pdf = pdf_render(area, &n);
		free(pdf);
		area_doc_free(area);
	}
	fo_tree_free(tree);
	return 0;
}
