/* pipeline.h — the checks every command runs before using an input:
 * structure (RelaxNG) and the measures (rules); and the drawing of a form
 * that render does.  For src/cli/ and src/serve/ (the web form runs the
 * same checks and draws the same bytes). */
#ifndef WSDOC_PIPELINE_H
#define WSDOC_PIPELINE_H

#include <stddef.h>
#include <libxml/tree.h>

/* Validate the documents of one run: each against its schema, then the
 * rules of the measures, per document and across them all.  Diagnostics
 * are printed; returns the number of documents with errors. */
int	pipeline_validate(xmlDocPtr *docs, size_t n);

/* A tree just read for checking: doc itself when its root names an input
 * the checks know; else NULL after E-CLI-KIND (an unknown root, or a
 * roster), doc freed.  (check and the web form's check) */
xmlDocPtr	 pipeline_known(xmlDocPtr doc);

/* The XSL-FO of a form (附件1, 附件2, 成员申报表), "草稿" on its pages when
 * draft; NULL after a diagnostic (E-RENDER-KIND for another kind).  The
 * caller frees it.  (cmd_render.c) */
xmlDocPtr	 render_fo(xmlDocPtr doc, int draft);

/* The same laid out, with the PDF's title, author and subject set as
 * render writes them: pdf_render() of it gives render's bytes.  Needs
 * fonts_init(); the caller frees it with area_doc_free(). */
struct area_doc;
struct area_doc	*render_area(xmlDocPtr doc, int draft);

#endif
