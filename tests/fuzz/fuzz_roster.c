/* fuzz_roster.c — libFuzzer: a roster.xml through publish's streaming
 * reader (roster_list_read), for the latest year and for a named one, and
 * what a list read must keep; a roster it accepts must also be one that
 * approve and evaluate accept (roster_open), listing the same workshops.
 * Dictionary: roster.dict. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "diag/diag.h"
#include "roster/roster.h"
#include "rules/rules.h"
#include "fuzz_diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len);

/* roster_list_read takes a path: each input is written to one file,
 * removed as soon as it is made (libFuzzer often ends a run by _exit) and
 * named by its descriptor. */
static char S_path[32];
static int S_fd = -1;

static void
S_write(const uint8_t *data, size_t len)
{
	char tmpl[] = "/tmp/wsdoc-fuzz-roster.XXXXXX";
	size_t done = 0;
	ssize_t k;

	if (S_fd == -1) {
		if ((S_fd = mkstemp(tmpl)) == -1)
			abort();
		unlink(tmpl);
		snprintf(S_path, sizeof S_path, "/proc/self/fd/%d", S_fd);
	}
	if (ftruncate(S_fd, 0) != 0)
		abort();
	for (; done < len; done += (size_t)k)
		if ((k = pwrite(S_fd, data + done, len - done, (off_t)done)) <= 0)
			abort();
}

/* Start tags a <workshop> could come from: "workshop" after '<' (or a
 * prefix's ':'), NUL bytes skipped so that UTF-16 counts too.  No entity
 * can add one: a roster with a DOCTYPE is refused. */
static size_t
S_tags(const uint8_t *data, size_t len)
{
	static const char w[] = "workshop";
	size_t n = 0, k = 0;
	int after = 0;	/* the last byte was '<' or ':' */

	for (size_t i = 0; i < len; i++) {
		if (data[i] == '\0')
			continue;
		if (k > 0 && data[i] == (uint8_t)w[k]) {
			if (++k == sizeof w - 1) {
				n++;
				k = 0;
			}
			after = 0;
			continue;
		}
		k = after && data[i] == 'w' ? 1 : 0;
		after = data[i] == '<' || data[i] == ':';
	}
	return n;
}

static int
S_errors(void)
{
	return diag_count(DL_ERROR) + diag_count(DL_FATAL);
}

/* The workshops of a list document, checked: each a listed one of the
 * year (not revoked, with what the list prints), in id order after *last
 * (the last id of the slice before, or NULL), which becomes this one's
 * last id (new).  Returns how many. */
static size_t
S_check_doc(xmlDoc *doc, const char *year, xmlChar **last)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	size_t n = 0;

	if (root == NULL || !xmlStrEqual(root->name, BAD_CAST "roster"))
		abort();
	for (xmlNode *w = root->children; w; w = w->next) {
		xmlChar *id, *y;
		char *state;

		if (w->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(w->name, BAD_CAST "workshop") ||
		    rules_child(w, "name") == NULL || rules_child(w, "status") == NULL)
			abort();
		id = xmlGetProp(w, BAD_CAST "id");
		y = xmlGetProp(w, BAD_CAST "year");
		state = roster_status(w, "state");
		if (id == NULL || y == NULL || strcmp(state, ROSTER_REVOKED) == 0 ||
		    atoi((const char *)y) != atoi(year) ||
		    (*last && xmlStrcmp(*last, id) > 0))
			abort();
		free(state);
		xmlFree(y);
		xmlFree(*last);
		*last = id;
		n++;
	}
	return n;
}

/* What every list read keeps; the whole list as text, new. */
static xmlChar *
S_check(const struct roster_list *l, size_t tags, size_t step)
{
	const char *year = roster_list_year(l);
	size_t n = roster_list_count(l);
	xmlChar *last = NULL, *text = NULL;
	xmlDoc *doc;
	int len;

	if (n > tags)
		abort();
	if (!(*year == '\0' || (strlen(year) == 4 &&
	    strspn(year, "0123456789") == 4)))
		abort();
	if (*year == '\0' && n > 0)	/* "" only when nothing is listed */
		abort();
	doc = roster_list_doc(l, 0, n);
	if (S_check_doc(doc, year, &last) != n)
		abort();
	xmlDocDumpMemory(doc, &text, &len);
	xmlFreeDoc(doc);
	xmlFree(last);
	/* In slices as publish takes them, and one past the end: the same
	 * rows in the same order. */
	last = NULL;
	for (size_t from = 0; from < n + step; from += step) {
		size_t want = from >= n ? 0 : n - from < step ? n - from : step;

		doc = roster_list_doc(l, from, step);
		if (S_check_doc(doc, year, &last) != want)
			abort();
		xmlFreeDoc(doc);
	}
	xmlFree(last);
	return text;
}

/* The same roster as approve and evaluate open it, whole: it must be
 * accepted, and list the same number of workshops for the year. */
static void
S_compare(const char *year, size_t n)
{
	struct roster *r = roster_open(S_path, 0);
	size_t m = 0;

	if (r == NULL)
		abort();
	for (xmlNode *w = xmlDocGetRootElement(r->doc)->children; w; w = w->next) {
		char *y, *state;

		if (w->type != XML_ELEMENT_NODE)
			continue;
		y = rules_attr(w, "year");
		state = roster_status(w, "state");
		if (*year && strcmp(y, year) == 0 &&
		    strcmp(state, ROSTER_REVOKED) != 0)
			m++;
		free(state);
		free(y);
	}
	roster_close(r);
	if (m != n)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static int ready;
	struct roster_list *l, *ly;
	size_t tags = S_tags(data, len), step;
	xmlChar *all = NULL, *ally = NULL;
	char year[8];

	if (!ready) {
		if (roster_schema() == NULL)	/* nothing would be fuzzed */
			abort();
		diag_set_sink(S_sink, NULL);
		ready = 1;
	}
	S_write(data, len);
	/* The slice size from the input's length: 1 to 4 rows. */
	step = 1 + len % 4;

	diag_reset();
	l = roster_list_read(S_path, NULL);
	if (l == NULL && S_errors() == 0)
		abort();	/* refused without saying why */
	if (l != NULL) {
		all = S_check(l, tags, step);
		S_compare(roster_list_year(l), roster_list_count(l));
	}

	/* A year asked for: the latest one (the same list), else one the
	 * samples use.  Whether the roster is refused does not depend on it. */
	snprintf(year, sizeof year, "%s",
	    l && *roster_list_year(l) ? roster_list_year(l) : "2026");
	diag_reset();
	ly = roster_list_read(S_path, year);
	if ((ly == NULL) != (l == NULL) || (ly == NULL && S_errors() == 0))
		abort();
	if (ly != NULL) {
		if (strcmp(roster_list_year(ly), year) != 0)
			abort();
		ally = S_check(ly, tags, step);
		if (*roster_list_year(l) && xmlStrcmp(all, ally) != 0)
			abort();
		S_compare(year, roster_list_count(ly));
	}
	xmlFree(ally);
	xmlFree(all);
	roster_list_free(ly);
	roster_list_free(l);
	diag_reset();
	return 0;
}
