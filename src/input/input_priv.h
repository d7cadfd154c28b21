/* input_priv.h — what the readers of src/input/ share.  For src/input/ only. */
#ifndef WSDOC_INPUT_PRIV_H
#define WSDOC_INPUT_PRIV_H

#include <stddef.h>

/* Largest input file and largest @file include, in bytes. */
#define INPUT_MAX_FILE	(64u * 1024 * 1024)

/* Read a whole file ("-" = stdin) of at most INPUT_MAX_FILE bytes.  Returns
 * NULL with errno set (EISDIR for a folder, EFBIG when too large). */
char	*input_slurp(const char *path, size_t *len);

/* Line and column (1-based, columns in characters) of byte off of s. */
void	 input_pos(const char *s, size_t off, int *line, int *col);

/* Set an element's line; lines past 65535 are kept as libxml2 keeps
 * them for the XML reader (65535, the exact line in a text child). */
struct _xmlNode;
void	 input_set_line(struct _xmlNode *node, int line);

/* Make bytes UTF-8 for the INI reader: strip a UTF-8 BOM, or convert
 * GB18030/GBK.  Returns a new NUL-terminated string (the caller frees)
 * and sets *out_len, or NULL after a diagnostic naming the first bad
 * byte.  *converted is set when the text was GB18030. */
char	*input_to_utf8(const char *data, size_t len, const char *url,
	    size_t *out_len, int *converted);

/* What path is when it is not a regular file ("命名管道（FIFO）" …), else
 * NULL.  For messages. */
const char *input_file_kind(const char *path);
/* The paragraphs of a .docx held in data, separated by blank lines, as a
 * new string; NULL if it is no Word document, or (*nolib set) when
 * libzip cannot be loaded.  include.c. */
char	*input_docx_text(const char *data, size_t len, size_t *out_len,
	    int *nolib);

/* ini_names.c: the INI reader's names against the vocabulary (vocab.h). */
struct vocab;
struct buf;
enum input_kind;
/* The header section ([申报表] …) a name means, or NULL. */
const struct vocab *ini_header(const char *name, size_t n);
/* The section a name means in a kind; *num its number (0 for a plain
 * section; -2 when the name is a list's but no number follows); *plain
 * cleared for a number not in ASCII digits (成员三, 成员３). */
const struct vocab *ini_find_section(enum input_kind kind, const char *name,
	    long *num, int *plain);
/* The key of section sec that the n bytes of key name, or NULL. */
const struct vocab *ini_find_key(const struct vocab *sec, const char *key,
	    size_t n);
/* "姓名、工号、…" and "[申报表] [工作坊] …" for messages, into b. */
void	 ini_list_keys(const struct vocab *sec, struct buf *b);
void	 ini_list_sections(enum input_kind kind, struct buf *b);
/* "是否想写 总体规划？" into b when an entry of the vocabulary from
 * `from` on (sections of its kind, or the keys of the section `from`) is
 * near name, else ""; suffix follows a key's label (".2"). */
const char *ini_nearest(struct buf *b, const char *name,
	    const struct vocab *from, int sections, const char *suffix);
/* 2026年9月15日, 2026年9月, 2026.9.15, 2026/9 as 2026-09-15 or 2026-09;
 * NULL if none of these.  A new string. */
char	*ini_date(const char *v);

#endif
