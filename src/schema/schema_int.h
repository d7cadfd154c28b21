/* schema_int.h — the grammar as this module reads it, shared by its files.
 * For schema.c, schema_grammar.c, schema_label.c and schema_walk.c only;
 * other modules see schema.h.
 *
 * The files, in the order an invalid document goes through them:
 *   schema.c          the schemas loaded (forms/KIND.rng, compiled once),
 *                     libxml2 asked, the walk started; the entry points
 *   schema_grammar.c  a grammar read as a tree: what each <element>
 *                     pattern allows (attributes, children, text, values)
 *   schema_walk.c     the document walked against it: each missing,
 *                     extra, repeated, misplaced, blank or bad field said
 *                     once; values checked against their types
 *   schema_label.c    the words of a message: a field's label, and where
 *                     the user writes it (an INI section and key, an
 *                     element, an attribute) */
#ifndef WSDOC_SCHEMA_INT_H
#define WSDOC_SCHEMA_INT_H

#include <stddef.h>

#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlregexp.h>

struct vocab;

#define MAXVALS		16
#define MAXATTRS	16
#define MAXPARTS	32
#define MAXDEPTH	64	/* of the grammar; the schemas nest far less */

/* What a value (attribute or text content) must be. */
struct schema_val {
	const xmlChar	*type;		/* XSD type, NULL for any text */
	int		 collapse;	/* spaces collapse first (all but string) */
	xmlRegexpPtr	 re;		/* pattern facet, or NULL */
	int		 minlen;	/* minLength facet */
	const xmlChar	*values[MAXVALS];	/* a choice of literal values */
	int		 nvalues;
	const xmlChar	*define;	/* the define it came through ("date") */
};

struct schema_attr {
	const xmlChar	*name;
	int		 required;
	struct schema_val	 val;
};

/* A child element the pattern allows: how often, and its order key (keys
 * must not decrease along the children; siblings of an interleave share
 * one). */
struct schema_part {
	xmlNode		*el;		/* the <element> pattern */
	const xmlChar	*name;
	const xmlChar	*fixed_n;	/* its attribute n if fixed (year n="1") */
	int		 min, max;	/* max -1: unbounded */
	int		 key;
};

/* What an <element> pattern allows, gathered once and hung on the
 * pattern's _private. */
struct schema_info {
	struct schema_attr	 attrs[MAXATTRS];
	int		 nattrs;
	struct schema_part	 parts[MAXPARTS];
	int		 nparts;
	int		 has_data;	/* text content allowed */
	int		 data_min;	/* 1: the text must be there */
	struct schema_val	 data;
	int		 key;		/* next order key, while gathering */
};

struct schema {
	int		 tried;
	xmlDoc		*rngdoc;	/* the grammar as a tree */
	xmlRelaxNGPtr	 rng;		/* compiled */
	xmlNode		*grammar;
	xmlNode		*root;		/* the root <element> pattern */
	struct schema_info	**infos;
	size_t		 ninfos;
};

/* At most this many structure messages per document: past them, one
 * note says how many more there are (a wrong file gives thousands). */
#define MAXREPORT	100

struct schema_walk {
	struct schema	*s;
	int		 nerr;
	int		 ini;	/* the tree came from an INI file */
};

/* ---- schema_grammar.c ---- */

/* n is the RelaxNG element name. */
int	 schema_is(const xmlNode *n, const char *name);
/* The first element child of n, the next element sibling of n. */
xmlNode	*schema_first(xmlNode *n);
xmlNode	*schema_next(xmlNode *n);
/* An attribute's value without copying it (NULL if absent). */
const xmlChar *schema_prop(const xmlNode *n, const char *name);
/* The <define> of that name in s's grammar, or NULL. */
xmlNode	*schema_define(struct schema *s, const xmlChar *name);
/* What the <element> pattern el allows, gathered on first use. */
struct schema_info *schema_info_of(struct schema *s, xmlNode *el);
void	 schema_val_free(struct schema_val *v);

/* ---- schema_walk.c ---- */

/* Report each problem of node (and its subtree) against pattern el. */
void	 schema_check(struct schema_walk *w, xmlNode *node, xmlNode *el,
	    int depth);
/* Report the fields of a valid tree left blank. */
void	 schema_blanks(struct schema_walk *w, xmlNode *node, xmlNode *el,
	    int depth);

/* ---- schema_label.c ---- */

/* The label a counsellor knows a field by. */
const char *schema_label(const xmlNode *n);
/* A child element in a message about itself (a <p> is a paragraph). */
const char *schema_label_elem(const xmlNode *n);
/* The label of child name (attribute n if given) of parent, or of
 * attribute name of el. */
const char *schema_label_child(const xmlNode *parent, const xmlChar *name,
	    const xmlChar *n);
const char *schema_label_attr(const xmlNode *el, const xmlChar *name);
/* The vocabulary's entry for child name of parent ("@name" when isattr). */
const struct vocab *schema_entry(const xmlNode *parent, const xmlChar *name,
	    const xmlChar *n, int isattr);
/* Where the user writes that field, into out. */
void	 schema_hint(const xmlNode *parent, const xmlChar *name,
	    const xmlChar *n, int isattr, int ini, char *out, size_t size);

#endif
