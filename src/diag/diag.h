/* diag.h — the one catalogue of diagnostics and the one function that prints
 * them.  Any module may include this header; messages are declared only in
 * diag.def. */
#ifndef WSDOC_DIAG_H
#define WSDOC_DIAG_H

#include <libxml/tree.h>

enum diag_level {
	DL_NOTE = 0,		/* 提示 */
	DL_WARNING,		/* 警告 */
	DL_ERROR,		/* 错误 */
	DL_FATAL		/* 致命: the file cannot be read at all */
};

enum diag_id {
#define D(id, code, level, clause, fmt) id,
#include "diag.def"
#undef D
	DIAG__COUNT
};

/* One message as the catalogue declares it. */
struct diag_entry {
	const char	*code;		/* "E-APP-INTRO-LONG" */
	enum diag_level	 level;
	const char	*clause;	/* "附件1", "第四条第1款", or "" */
	const char	*fmt;		/* printf format, Chinese */
};

/* One message as emitted. */
struct diag_msg {
	enum diag_id	 id;
	enum diag_level	 level;
	const char	*file;		/* may be NULL */
	int		 line;		/* 0 if unknown */
	int		 col;		/* 0 if unknown */
	const char	*text;		/* formatted message */
};

const struct diag_entry *diag_entry(enum diag_id id);
const char	*diag_level_name(enum diag_level lvl);	/* "错误" … */
/* Parse "note|warning|error" (or 提示|警告|错误); -1 if unknown. */
int		 diag_level_parse(const char *s);

/* Emit a diagnostic at file:line:col (line/col 0 when unknown). */
void	diag(enum diag_id id, const char *file, int line, int col, ...);
/* Emit a diagnostic at a node of an input tree: the file is the
 * document's URL, the line the node's, the column the one the reader
 * stored (see diag_node_col). */
void	diag_node(enum diag_id id, const xmlNode *node, ...);
/* diag_node at a level of the caller's instead of the catalogue's (the
 * office's standards, which forms/policy.ini may make errors); nothing
 * when lvl is negative (the standard is off). */
void	diag_node_level(enum diag_id id, int lvl, const xmlNode *node, ...);

/* Column of a node as the readers record it, 0 if unknown.  The readers
 * keep the column in the node's `extra` field, which libxml2 leaves
 * unused on element nodes of parsed documents. */
int	diag_node_col(const xmlNode *node);
void	diag_node_set_col(xmlNode *node, int col);

/* While on, a message is neither shown nor counted: for a pass whose
 * findings another pass has already said better (the rules over a tree
 * the schema found fields missing in). */
void	diag_mute(enum diag_id id, int on);

/* Messages below this level are not shown; default DL_NOTE. */
void	diag_set_threshold(enum diag_level lvl);
/* Level at or above which the run fails (exit 1); default DL_ERROR.
 * -W LEVEL sets both. */
void	diag_set_fail_level(enum diag_level lvl);
/* Where shown messages go; NULL restores printing to stderr.  Tests use
 * this to collect messages. */
void	diag_set_sink(void (*sink)(const struct diag_msg *, void *), void *arg);

/* While on, messages are kept instead of printed; diag_flush (or
 * diag_hold(0), or the program's exit) prints them sorted by file (in the
 * order the files first appear), line and column: one round in order
 * whatever stage found them.  Sinks are not held. */
void	diag_hold(int on);
void	diag_flush(void);
/* Held messages of a file at or above a level (before diag_flush). */
int	diag_held_count(const char *file, int lvl);
/* The level at or above which a message fails the run (-W). */
int	diag_fail_level(void);

/* While on, a message the same as one already shown (code, place and
 * text) is not shown again: for work done in slices that lay out some
 * content twice (publish).  Off forgets them. */
void	diag_set_once(int on);

/* Worst level emitted since the last reset, -1 if none. */
int	diag_worst(void);
/* Count of emitted messages of a level since the last reset. */
int	diag_count(enum diag_level lvl);
void	diag_reset(void);
/* 1 if something at or above the fail level was emitted. */
int	diag_failed(void);
/* The exit status the messages so far call for: 3 after a system error
 * (an F-IO- or F-SYS- message), 1 after a failing message, else 0. */
int	diag_exit_status(void);

#endif
