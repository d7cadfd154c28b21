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

#endif
