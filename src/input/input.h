/* input.h — reading the user's files: the safe XML reader and the INI
 * reader, both giving the same tree of the input vocabulary (docs/design.md
 * "Input vocabulary").  Any module may include this header.
 *
 * Every element of a returned tree carries its line (xmlGetLineNo) and its
 * column (diag_node_col), in the XML or in the INI file, so diag_node()
 * points at the place the user wrote.  The caller frees the tree with
 * xmlFreeDoc. */
#ifndef WSDOC_INPUT_H
#define WSDOC_INPUT_H

#include <stddef.h>

#include <libxml/tree.h>

enum input_kind {
	INPUT_UNKNOWN,
	INPUT_APPLICATION,	/* <application>, [申报表] */
	INPUT_MEMBER,		/* <member-application>, [成员申报表] */
	INPUT_EVALUATION,	/* <evaluation>, [评估表] */
	INPUT_DECISIONS,	/* <decisions>, [评估结论] */
	INPUT_ROSTER		/* <roster>, written by wsdoc */
};

/* Read an input file, XML or INI (decided by the content: a first
 * character '<' after an optional byte-order mark and white space means
 * XML; so does a name ending in .xml).  "-" reads standard input.  doc->URL is the path as given.
 * Returns NULL after printing a diagnostic (F-IO-* for a file that cannot
 * be read, E-XML-* / E-INI-* for one that is malformed). */
xmlDocPtr	 input_read(const char *path);

/* The same on bytes already in memory; url names them in diagnostics and
 * is the base of INI @file includes. */
xmlDocPtr	 input_read_mem(const char *data, size_t len, const char *url);

/* The safe XML reader alone (no network, no DTD, no entity of any kind is
 * loaded or expanded, depth and size limits kept, line numbers past 65535
 * kept, the prolog's encoding honoured, libxml2's errors turned into
 * catalogue messages).  Also for FO files and the roster. */
xmlDocPtr	 input_read_xml(const char *path);
xmlDocPtr	 input_read_xml_mem(const char *data, size_t len, const char *url);

/* The INI reader alone.  An INI file whose lines have errors still gives
 * its tree (the errors are printed, diag_failed() tells), so that one run
 * shows every mistake; NULL only when the file cannot be read at all
 * (encoding, no kind). */
xmlDocPtr	 input_read_ini(const char *path);
xmlDocPtr	 input_read_ini_mem(const char *data, size_t len, const char *url);

/* Whether an INI value "@file" reads a file beside the INI file (on by
 * default).  wsdoc serve turns it off: a request never names a file of
 * the server's; such a value is E-INI-INCLUDE-OFF. */
void		 input_ini_includes(int on);

/* The INI reader's scanner alone, for INI files that are not inputs
 * (forms/policy.ini): calls fn for each "key = value" in file order with
 * its section's name and the key's line and column.  Bad lines are
 * diagnosed as in inputs (E-INI-*) and skipped.  0, or -1 after a
 * diagnostic when the bytes are not text. */
typedef void (*input_ini_fn)(const char *sec, const char *key,
	    const char *value, int line, int col, void *arg);
int		 input_ini_scan_mem(const char *data, size_t len, const char *url,
		    input_ini_fn fn, void *arg);

/* The kind of a document, from its root element. */
enum input_kind	 input_kind(const xmlDoc *doc);
/* 主理人申报表, 成员申报表, 评估表, 评估结论, 名册, or 未知 */
const char	*input_kind_label(enum input_kind k);
/* The root element's name of a kind ("application" …), NULL for unknown. */
const char	*input_kind_root(enum input_kind k);


#endif
