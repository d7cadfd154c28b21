/* schema_label.c — the words of the structure messages: the label a
 * counsellor knows a field by (the words of src/input/vocab.c) and where
 * the field is written.  For this module's files, see schema_int.h. */
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "../input/input.h"
#include "../input/vocab.h"
#include "schema_int.h"

/* ---- naming fields (the words of src/input/vocab.c) ---- */

/* The path of el below the root as vocab.c writes it ("plan/yearly/year#2",
 * "" for the root); <p> stands for its parent. */
static void
S_vpath(const xmlNode *el, char *buf, size_t n)
{
	const xmlNode *chain[MAXDEPTH];
	size_t depth = 0, len = 0;

	buf[0] = '\0';
	if (el && xmlStrEqual(el->name, BAD_CAST "p"))
		el = el->parent;
	for (; el && el->type == XML_ELEMENT_NODE && el->parent &&
	    el->parent->type == XML_ELEMENT_NODE; el = el->parent) {
		if (depth == MAXDEPTH)
			return;
		chain[depth++] = el;
	}
	while (depth-- > 0) {
		const xmlChar *num = xmlStrEqual(chain[depth]->name,
		    BAD_CAST "year") ? schema_prop(chain[depth], "n") : NULL;
		int w = snprintf(buf + len, n - len, "%s%s%s%s",
		    len ? "/" : "", (const char *)chain[depth]->name,
		    num ? "#" : "", num ? (const char *)num : "");

		if (w < 0 || (size_t)w >= n - len) {
			buf[0] = '\0';
			return;
		}
		len += w;
	}
}

/* The label a counsellor knows a field by. */
const char *
schema_label(const xmlNode *n)
{
	return n ? vocab_label(n) : "";
}

/* The vocabulary's entry for child name (attribute n if given; "@name"
 * for an attribute) of parent, which the document may lack. */
const struct vocab *
schema_entry(const xmlNode *parent, const xmlChar *name, const xmlChar *n,
    int isattr)
{
	char path[512];
	size_t len;

	S_vpath(parent, path, sizeof path);
	len = strlen(path);
	snprintf(path + len, sizeof path - len, "%s%s%s%s%s", len ? "/" : "",
	    isattr ? "@" : "", (const char *)name, n ? "#" : "",
	    n ? (const char *)n : "");
	return vocab_find(input_kind(parent->doc), path);
}

/* A child element in a message about itself: a <p> is a paragraph there,
 * not the field it belongs to (which is what vocab_label says). */
const char *
schema_label_elem(const xmlNode *n)
{
	if (n && xmlStrEqual(n->name, BAD_CAST "p"))
		return "段落 <p>";
	return schema_label(n);
}

const char *
schema_label_child(const xmlNode *parent, const xmlChar *name,
    const xmlChar *n)
{
	const struct vocab *v = schema_entry(parent, name, n, 0);

	return v ? v->msg : vocab_child_label(parent, (const char *)name);
}

const char *
schema_label_attr(const xmlNode *el, const xmlChar *name)
{
	return vocab_attr_label(el, (const char *)name);
}

/* Where the user writes a field: "[建设目标] 内容" in an INI file (the
 * section the table puts the entry under), <goals> or 属性 year in XML. */
void
schema_hint(const xmlNode *parent, const xmlChar *name, const xmlChar *n,
    int isattr, int ini, char *out, size_t size)
{
	const struct vocab *hit = ini ? schema_entry(parent, name, n, isattr) : NULL;
	const struct vocab *v, *sec = NULL;

	/* A section whose text is a key of its own ([建设目标] 内容): the key. */
	for (v = hit; v && v->kind == hit->kind; v++)
		if (v != hit && v->type == VT_KEY &&
		    strcmp(v->path, hit->path) == 0) {
			hit = v;
			break;
		}
	if (hit) {
		for (v = vocab_table; v->kind != INPUT_UNKNOWN && v != hit; v++)
			if (v->kind == hit->kind &&
			    (v->type == VT_SECTION || v->type == VT_LIST))
				sec = v;
		if (hit->type == VT_KEY && sec)
			snprintf(out, size, "[%s%s] %s", sec->label,
			    sec->type == VT_LIST ? "N" : "", hit->label);
		else if (hit->label)
			snprintf(out, size, "[%s%s]", hit->label,
			    hit->type == VT_LIST ? "N" : "");
		else
			hit = NULL;
	}
	if (hit)
		return;
	if (isattr)
		snprintf(out, size, "属性 %s", (const char *)name);
	else if (n)
		snprintf(out, size, "<%s n=\"%s\">", (const char *)name,
		    (const char *)n);
	else
		snprintf(out, size, "<%s>", (const char *)name);
}
