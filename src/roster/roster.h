/* roster.h — the register of workshops, roster.xml (forms/roster.rng),
 * written only by wsdoc: each workshop's id, approved record, status under
 * 第六条 and yearly history; updated under a lock, atomically, keeping
 * roster.xml.1 .2 .3.  For the commands approve, evaluate and publish. */
#ifndef WSDOC_ROSTER_H
#define WSDOC_ROSTER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <libxml/tree.h>

#define ROSTER_ACTIVE		"在建"
#define ROSTER_PROBATION	"暂缓"
#define ROSTER_REVOKED		"已撤销"
#define ROSTER_BACKUPS		3

struct roster {
	char	*path;		/* as given, for messages */
	char	*real;		/* where it is written: a link's target */
	xmlDoc	*doc;		/* root <roster version="1"> */
	int	 lockfd;	/* -1 unless opened for update */
	int	 fresh;		/* no roster yet: a new one */
	char	*digest;	/* of the text as read, to see "no change" */
	char	*tmp;		/* roster_prepare's new version */
};

/* Open the roster at `path`.  With `update`, first take the lock (the file
 * `path`.lock beside it, never followed if it is a link; a second wsdoc
 * waits up to $WSDOC_LOCK_WAIT seconds, default 5, then fails with
 * E-ROSTER-LOCKED), finish a save a killed run committed and remove the
 * temporary files killed runs left; a missing roster is a new empty one.
 * A roster that is a symbolic link is read and written where it points.
 * The roster must validate against forms/roster.rng.  NULL after
 * diagnostics. */
struct roster *roster_open(const char *path, int update);
/* Save in two halves, so that other outputs can be written between
 * them.  roster_prepare: 1 if the roster is as it was read (nothing is
 * written), else the new text written and synced to a temporary file
 * beside it with the roster's mode and owner: 0, or -1 after F-IO-WRITE.
 * roster_commit: the new version becomes the roster, the previous one
 * roster.xml.1 (.1 → .2 → .3); at every moment the roster is the old
 * version or the new one, and .1 .2 .3 are as they were or shifted by one
 * (a step under way leaves one generation under two names, never a hole;
 * the next update finishes it).  0, or -1 after a message.
 * roster_discard: drop a prepared version.  roster_save: both halves;
 * 1 unchanged, 0 written, -1 failed. */
int	roster_prepare(struct roster *r);
int	roster_commit(struct roster *r);
void	roster_discard(struct roster *r);
int	roster_save(struct roster *r);
/* Release the lock and free. */
void	roster_close(struct roster *r);
/* Validate a roster document against forms/roster.rng: 0, or -1 with a
 * short Chinese reason in why (n bytes). */
int	roster_validate(xmlDoc *doc, char *why, size_t n);
/* Why a roster breaks forms/roster.rng, for messages: "第N行的name不符合
 * forms/roster.rng" ("…name的属性…" with attrs), the name cut to 20
 * characters. */
void	roster_schema_why(char *why, size_t n, long line, const char *name,
	    int attrs);
/* The node a schema error is about (libxml2 names the first child for an
 * element's attributes); *attrs is 1 when the attributes are at fault. */
const xmlNode *roster_schema_node(const xmlError *e, int *attrs);
/* forms/roster.rng, parsed once; NULL if it cannot be (install broken). */
struct _xmlRelaxNG *roster_schema(void);

/* The workshops one year's published list shows (第五条第5款 审核公布):
 * not revoked, in id order, read from the roster at path as a stream
 * (validated against forms/roster.rng as it goes), so that a roster of
 * thousands of workshops never sits in memory whole.  year NULL or "":
 * the latest year of the roster.  NULL after E-ROSTER-READ or F-IO-OPEN. */
struct roster_list *roster_list_read(const char *path, const char *year);
/* The same in a mode: ROSTER_LIST_YEAR as above; ROSTER_LIST_ADMITTED the
 * year's admission notice as issued (every workshop admitted that year,
 * revoked or not, under the name and leader it was admitted with);
 * ROSTER_LIST_CURRENT every workshop not revoked, of any year. */
#define ROSTER_LIST_YEAR	0
#define ROSTER_LIST_ADMITTED	1
#define ROSTER_LIST_CURRENT	2
struct roster_list *roster_list_read_mode(const char *path, const char *year,
	    int mode);
/* The latest admission date of the workshops listed, "" if none. */
const char *roster_list_date(const struct roster_list *l);
/* The year listed, "" when the roster has no workshop. */
const char *roster_list_year(const struct roster_list *l);
size_t	roster_list_count(const struct roster_list *l);
/* The roster's path as given. */
const char *roster_list_path(const struct roster_list *l);
/* Workshops [from, from + n) of the list as a roster document (<roster
 * version="1"> and those <workshop>s, with only the elements a list
 * prints: name, leader name and unit, member names, areas, status).
 * New; the caller frees it. */
xmlDoc	*roster_list_doc(const struct roster_list *l, size_t from, size_t n);
void	roster_list_free(struct roster_list *l);

/* The <workshop> of an id, or NULL. */
xmlNode	*roster_workshop(const struct roster *r, const char *id);
/* The next free id of a year (HZNU-GZF-YYYY-NN), new string; NULL when
 * the year's 99 ids are used. */
char	*roster_next_id(const struct roster *r, int year);
/* Admit an application as a new <workshop> (state 在建). */
xmlNode	*roster_admit(struct roster *r, const xmlNode *application,
	    const char *id, const char *date, const char *source);
/* A workshop's state (在建 / 暂缓 / 已撤销) and another attribute of its
 * <status>; new strings ("" if absent). */
char	*roster_status(const xmlNode *ws, const char *attr);
/* Set the status: state, then attribute/value pairs ending with NULL,
 * and the text (a revocation's cause in words) or NULL. */
void	roster_set_status(xmlNode *ws, const char *state, const char *text, ...);
/* Append to the workshop's <history> an element with attribute pairs
 * ending with NULL; returns it. */
xmlNode	*roster_history(xmlNode *ws, const char *name, const char *text, ...);

/* The digest of an application's plan (建设方案), "sha256:" and 64 hex
 * digits, new string.  White space is not part of the text (INI and XML,
 * one paragraph or several, give the same digest). */
char	*roster_plan_digest(const xmlNode *application);

/* Keep an application's plan in the roster's <plan>: its digest and its
 * text part by part (roster_plan.c), replacing what it held. */
void	roster_plan_store(xmlNode *plan, const xmlNode *application);
/* How an application's plan differs from the roster's <plan>, in Chinese,
 * part by part with the words that changed (第二年实施计划：“……为……”改为
 * “……是……”); NULL when it is the same.  New string. */
char	*roster_plan_compare(const xmlNode *plan, const xmlNode *application);

/* SHA-256 (FIPS 180-4). */
void	sha256(const void *data, size_t len, unsigned char out[32]);
void	sha256_hex(const void *data, size_t len, char out[65]);

/* Dates are YYYY-MM-DD.  Today (UTC; $SOURCE_DATE_EPOCH when set, so
 * tests are reproducible), as a new string. */
char	*roster_today(void);
/* 1 if s is a real date. */
int	 roster_date_ok(const char *s);
/* date plus months, the day clamped to the month's end; new string. */
char	*roster_add_months(const char *date, int months);

/* Print a table of rows × ncols cells (row 0 is the heading), columns
 * padded by display width (a Chinese character takes two), at most
 * ROSTER_TABLE_WIDTH columns wide: the widest columns are narrowed and
 * their cells wrap onto the next lines, so that no word is lost. */
#define ROSTER_TABLE_WIDTH	100
void	roster_table(FILE *f, char *const *cells, size_t rows, size_t ncols);
/* The same with notes: the last of the stride cells of a row is printed
 * under it, from the second column on, wrapped at the same width. */
void	roster_table_notes(FILE *f, char *const *cells, size_t rows,
	    size_t stride, int notes);
/* The same cells as CSV (UTF-8 with a BOM, CRLF), every text whole; new
 * string of *len bytes. */
char	*roster_csv(char *const *cells, size_t rows, size_t ncols, size_t *len);

/* The annual evaluation (第六条): join the roster, the year's evaluation
 * forms (and any applications, whose plan is compared part by part with
 * the approved one) and the office's decisions (may be NULL: a preview by
 * the self-assessments), and decide every workshop due that year.  A cause
 * of revocation is only proposed (kind "proposed", 拟撤销) until the
 * decisions confirm it with the grade 撤销; with ROSTER_EV_APPLY that is an
 * error.  Decisions dated before the year's first month of evaluation
 * (policy.ini) are refused.  With ROSTER_EV_FOLLOWUP only the workshops
 * on 暂缓 that the decisions name are decided, each at the end of its
 * half-year.  Returns the outcomes as a document (<outcomes>, one
 * <outcome> per workshop, described in roster_eval.c) for printing,
 * applying and the annual report; *errors receives the number of errors
 * found. */
#define ROSTER_EV_APPLY		1	/* the outcomes are to be written */
#define ROSTER_EV_FOLLOWUP	2	/* the end of probations only */
xmlDoc	*roster_evaluate(struct roster *r, int year, xmlDoc *decisions,
	    xmlDoc *const *forms, size_t nforms, int flags, int *errors);
/* Write outcomes into the roster's statuses and histories (not saved). */
void	roster_apply(struct roster *r, xmlDoc *outcomes);
/* A year's outcomes made from the roster alone (roster_report.c), for the
 * annual report; NULL when the roster records nothing of that year. */
xmlDoc	*roster_year_outcomes(const struct roster *r, int year);
/* Append to out (an <outcomes>) the 暂缓 follow-ups that year's report
 * lists, as <followup workshop name leader year until date grade result
 * state cause><reason/></followup>, in the roster's order. */
void	roster_year_followups(const struct roster *r, xmlNode *out, int year);
/* The year whose report lists a follow-up decided at date (YYYY-MM-DD):
 * its own year, unless that year's evaluation is in the roster already
 * (its report made without it): then the next year not yet written, so
 * that no report changes once made. */
int	roster_followup_report(const struct roster *r, const char *date);
/* A workshop's record of a year (<evaluation> or <excused> in its
 * history, the last), or NULL. */
xmlNode	*roster_year_record(const xmlNode *ws, const char *year);
/* Fill outcome o (its workshop attribute set) from a year's record. */
void	roster_record_outcome(xmlNode *o, const xmlNode *ws, const xmlNode *rec);
/* The outcomes as a table in Chinese, fit to a 100-column terminal. */
void	roster_print_outcomes(FILE *f, xmlDoc *outcomes);
/* The same table whole, as CSV; new string of *len bytes. */
char	*roster_outcomes_csv(xmlDoc *outcomes, size_t *len);

#endif
