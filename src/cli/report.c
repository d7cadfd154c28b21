/* report.c — the annual evaluation report: a year's outcomes → report.xsl
 * → the engine → PDF. */
#include "report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../diag/diag.h"
#include "../fo/fo.h"
#include "../font/font.h"
#include "../layout/area.h"
#include "../layout/layout.h"
#include "../pdf/pdf.h"
#include "../util/util.h"
#include "../xslt/xslt.h"

xmlDoc *
report_doc(xmlDoc *outcomes)
{
	xmlDoc *doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNode *root = xmlNewNode(NULL, BAD_CAST "report");

	xmlDocSetRootElement(doc, root);
	xmlAddChild(root, xmlDocCopyNode(xmlDocGetRootElement(outcomes), doc, 1));
	return doc;
}

int
report_write(xmlDoc *outcomes, const char *path, int fo_only)
{
	xmlDoc *in = report_doc(outcomes), *fodoc;
	struct fo_tree *tree = NULL;
	struct area_doc *area = NULL;
	int rc = 3;

	fodoc = xslt_apply("report.xsl", in, NULL);
	if (fodoc && fo_only) {
		xmlChar *mem = NULL;
		int len = 0;
		xmlDocDumpMemoryEnc(fodoc, &mem, &len, "UTF-8");
		if (file_write_atomic(path, mem, (size_t)len) == 0)
			rc = 0;
		else
			diag(F_IO_WRITE, path, 0, 0, path, errno_text_write(errno));
		xmlFree(mem);
	} else if (fodoc && fonts_init() == 0 && (tree = fo_from_doc(fodoc)) != NULL) {
		xmlChar *year = xmlGetProp(xmlDocGetRootElement(outcomes), BAD_CAST "year");
		char *title = xasprintf("杭州师范大学辅导员工作坊%s年度评估报告",
		    year ? (char *)year : "");
		struct lay_options lo = { NULL, 0, 1, NULL };	/* no dump boxes */
		area = lay_document(tree, &lo);
		area->title = area_strdup(area, title, strlen(title));
		area->author = "党委学生工作部";
		area->creator = "wsdoc " WSDOC_VERSION;
		free(title);
		xmlFree(year);
		rc = pdf_write(area, path) == 0 ? 0 : 3;
	} else if (diag_exit_status())
		rc = diag_exit_status();
	area_doc_free(area);
	fo_tree_free(tree);
	xmlFreeDoc(fodoc);
	xmlFreeDoc(in);
	return rc;
}
