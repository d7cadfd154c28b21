/* ini_priv.h — the INI reader's own structures, shared by its files.
 * For ini_read.c, ini_tree.c and ini_include.c only; the rest of src/input/
 * sees input_priv.h.
 *
 * The files, in the order a file goes through them:
 *   ini_read.c     the lines scanned (sections, key = value, continued
 *                  lines, 键：值), the names resolved against the vocabulary
 *                  (ini_names.c), duplicates found, values cleaned; the
 *                  entry points input_read_ini_mem and input_ini_scan_mem
 *   ini_tree.c     the tree built (ini_build): sections and keys sorted into
 *                  the vocabulary's order, each element with its line and
 *                  column, attribute values mapped, lists split, paragraphs
 *   ini_include.c  a value "@file" (ini_include): a file beside the INI
 *                  file, its text (include.c reads it) made paragraphs */
#ifndef WSDOC_INI_PRIV_H
#define WSDOC_INI_PRIV_H

#include <stddef.h>

#include <dictionary.h>
#include <libxml/tree.h>

#include "../util/util.h"
#include "input.h"

/* Sections and keys of one file: a form has about a hundred; the bound
 * keeps every pass (and iniparser's dictionary, which searches linearly)
 * fast on hostile input. */
#define INI_MAX_ENTRIES	10000
/* The longest text field, as libxml2's XML_MAX_TEXT_LENGTH. */
#define INI_MAX_TEXT	10000000

/* One paragraph of a text field, where it was written. */
struct para {
	char	*text;
	int	 line, col;
};

struct paras {
	struct para *p;
	size_t	 n;
};

struct ini_sec {
	char		*name;
	int		 line, col;
	const struct vocab *spec;	/* NULL: unknown section */
	long		 num;		/* number of a list section */
	int		 dup;		/* a second header of a section */
};

struct ini_kv {
	int		 sec;		/* index in sections, -1 before any */
	char		*key;
	char		*value;
	int		 line, kcol, vcol;
	const struct vocab *spec;	/* NULL: unknown key */
	long		 part;		/* 1, or N of key.N */
	int		 dead;		/* overridden by a later duplicate */
	struct paras	 more;		/* lines without "key =" that follow */
};

struct ini {
	const char	*url;
	enum input_kind	 kind;
	struct ini_sec	*secs;
	size_t		 nsecs;
	struct ini_kv	*kvs;
	size_t		 nkvs;
	xmlDocPtr	 doc;
	dictionary	*seen;		/* sections and keys met: for duplicates */
	struct buf	 b;
	int		 raw;		/* input_ini_scan_mem: no vocabulary */
	int		 cont_said;	/* N-INI-CONTINUED given */
};

/* ---- ini_read.c ---- */

/* Trim the spaces of keys and values (ASCII ones, U+3000, U+200B,
 * U+FEFF) from both ends of [*b, *e). */
void	 ini_trim(const char **b, const char **e);
/* Characters from a to b (valid UTF-8). */
int	 ini_chars(const char *a, const char *b);
/* Drop control characters and U+FFFE U+FFFF from text, in place, each
 * with an error; text starts at line:col of url. */
void	 ini_strip(const char *url, char *text, int line, int col);
/* Append a paragraph (text is taken over) to ps. */
void	 ini_para_add(struct paras *ps, char *text, int line, int col);

/* ---- ini_tree.c ---- */

/* ini->doc: the tree of the sections and keys resolved. */
void	 ini_build(struct ini *ini);

/* ---- ini_include.c ---- */

/* The paragraphs of the file kv's value "@file" names, added to ps. */
void	 ini_include(struct ini *ini, const struct ini_kv *kv,
	    struct paras *ps);

#endif
