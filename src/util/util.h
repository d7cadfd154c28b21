/* util.h — allocation that never fails, growable buffers, UTF-8, safe file
 * output and the data directory.  Any module may include this header. */
#ifndef WSDOC_UTIL_H
#define WSDOC_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Allocation wrappers: on failure they print a fatal message and exit 3,
 * so callers never check for NULL (STYLE.md point 6). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable byte buffer, always NUL-terminated. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};
void	buf_init(struct buf *b);
void	buf_free(struct buf *b);
void	buf_reset(struct buf *b);
void	buf_grow(struct buf *b, size_t extra);
void	buf_append(struct buf *b, const void *p, size_t n);
void	buf_puts(struct buf *b, const char *s);
void	buf_putc(struct buf *b, int c);
void	buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Hand the data to the caller (who frees it) and reset the buffer. */
char	*buf_detach(struct buf *b);

/* UTF-8.  utf8_decode reads one code point from s (at most n bytes) into
 * *cp and returns its length, or 0 if the bytes are not valid UTF-8
 * (overlong forms, surrogates and values past U+10FFFF are invalid). */
size_t	utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode cp into out (at least 4 bytes); returns the length. */
size_t	utf8_encode(uint32_t cp, char *out);
/* Offset of the first invalid byte, or (size_t)-1 if all is valid. */
size_t	utf8_invalid_at(const char *s, size_t n);
/* s as quoted in a message: itself when it has at most max characters,
 * else its first and last characters around "…", max in all (a long path
 * keeps its file name).  In out (4 * max + 4 bytes). */
const char *utf8_cut(const char *s, size_t max, char *out);
/* Number of Unicode characters in valid UTF-8 text. */
size_t	utf8_count(const char *s);
/* Decode a whole valid UTF-8 string into a new array of code points;
 * *n receives the count.  Invalid bytes become U+FFFD. */
uint32_t *utf8_to_u32(const char *s, size_t len, size_t *n);

/* The value of a hexadecimal digit (either case), or -1. */
int	hex_value(int c);

/* Read a whole file.  Returns NULL with errno set on failure; a directory
 * is refused with EISDIR, a FIFO, device or socket with ESPIPE (nothing
 * waits for a writer that never comes); "-" is standard input.  *len
 * receives the size.  The caller frees. */
char	*file_read(const char *path, size_t *len);
/* The same, refusing with EFBIG a file larger than max bytes (untrusted
 * input must not exhaust memory). */
char	*file_read_max(const char *path, size_t max, size_t *len);
/* Open an input for reading without ever blocking: a regular file only
 * (EISDIR, ESPIPE otherwise).  The descriptor, or -1 with errno set.
 * (out.c) */
int	file_open_input(const char *path);

/* Write a whole file atomically: a temporary file beside it, fsync,
 * rename over the target, fsync of the directory.  Returns 0, or -1 with
 * errno set and the target untouched and no temporary file left.  A file
 * replaced keeps its mode (and owner, where allowed).  path "-" writes
 * standard output.  Between out_begin and out_commit the rename waits:
 * see below.  (out.c) */
int	file_write_atomic(const char *path, const void *data, size_t len);
/* Write data to a new temporary file beside path, named
 * ".NAME.~PID.XXXXXX", with path's mode and owner if path exists, and
 * fsync it; *tmp receives its name (the caller renames or removes it and
 * frees the name).  Leftovers of dead runs in that folder are removed
 * first.  0, or -1 with errno set and nothing left. */
int	file_write_temp(const char *path, const void *data, size_t len,
	    char **tmp);
/* fsync the folder holding path (after a rename in it). */
void	file_sync_dir(const char *path);
/* Remove the temporary files of file_write_temp in dir: of the file
 * named base (NULL: any), those of runs no longer alive, or with all
 * (under a lock that only their writers take) every one. */
void	out_sweep(const char *dir, const char *base, int all);
/* Several outputs, one outcome: after out_begin, file_write_atomic only
 * writes and syncs each temporary file; out_commit renames them all, in
 * the order written, with the catchable signals held (0, or -1 with
 * errno); out_abort removes them.  Temporary files of a set are also
 * removed when the program exits in between (out of memory). */
void	out_begin(void);
int	out_commit(void);
void	out_abort(void);
/* Hold (1) or release (0) every catchable signal; nests. */
void	out_signals(int block);

/* Where wsdoc's data (forms/, xslt/, fonts/) lives: $WSDOC_DATADIR, else
 * PREFIX/share/wsdoc beside an installed program, else the source tree
 * the program was built in.  data_path returns a new string. */
const char *wsdoc_datadir(void);
char	*data_path(const char *rel);

/* Directory part of a path, as a new string ("." if none). */
char	*path_dirname(const char *path);
/* Join dir and rel unless rel is absolute; new string. */
char	*path_join(const char *dir, const char *rel);
/* Last component of a path (points into path). */
const char *path_basename(const char *path);

/* What errno e means, in Chinese, for diagnostics (never strerror's
 * English). */
const char *errno_text(int e);
/* The same for a failed write: EACCES is the write permission. */
const char *errno_text_write(int e);

/* Out of memory: F-SYS-MEMORY, exit 3 (the x* wrappers, and libxml2's
 * allocator, which main() points at them). */
void	util_oom(void) __attribute__((noreturn));

#endif
