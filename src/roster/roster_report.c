/* roster_report.c — a year's outcomes as the roster records them: the
 * annual report is a function of the roster, so that the report made at
 * `evaluate --apply` can be made again, byte for byte, by `wsdoc report`.
 *
 * The outcomes have the shape roster_evaluate gives (see roster_eval.c),
 * made from each workshop's history: its <evaluation> or <excused> of the
 * year; a workshop due that year with neither is 暂缓期中 (a half-year of
 * 暂缓 running past the year's date) or 待定 (not graded yet).  After the
 * outcomes, the 暂缓 follow-ups (evaluate --follow-up) the year's report
 * lists, as <followup>. */
#include "roster.h"

#include <stdlib.h>
#include <string.h>

#include "../rules/rules.h"
#include "../util/util.h"

static void
S_set(xmlNode *o, const char *k, const char *v)
{
	if (v && *v)
		xmlSetProp(o, BAD_CAST k, BAD_CAST v);
}

static void
S_copy_attr(xmlNode *to, const xmlNode *from, const char *k)
{
	char *v = rules_attr(from, k);
	S_set(to, k, v);
	free(v);
}

xmlNode *
roster_year_record(const xmlNode *ws, const char *year)
{
	xmlNode *h = rules_child(ws, "history"), *hit = NULL;

	for (xmlNode *e = h ? h->children : NULL; e; e = e->next)
		if ((rules_is(e, "evaluation") || rules_is(e, "excused")) &&
		    rules_attr_is(e, "year", year))
			hit = e;
	return hit;
}

/* The roster state a result leaves. */
static const char *
S_state_of(const char *result)
{
	const struct policy *pol = policy_get();
	enum grade g = pol ? policy_grade(pol, result) : GRADE_NONE;

	return g == GRADE_REVOKE ? ROSTER_REVOKED :
	    g == GRADE_PROBATION ? ROSTER_PROBATION : ROSTER_ACTIVE;
}

void
roster_record_outcome(xmlNode *o, const xmlNode *ws, const xmlNode *rec)
{
	char *year = rules_attr(rec, "year");
	xmlNode *h = rules_child(ws, "history");
	int excused = rules_is(rec, "excused");

	for (const char *const *k = (const char *const[]){ "name", "leader",
	    "self", "grade", "result", "until", "cause", NULL }; *k; k++)
		S_copy_attr(o, rec, *k);
	if (xmlHasProp(o, BAD_CAST "name") == NULL) {	/* an older roster */
		char *t = rules_text(rules_child(ws, "name"));
		S_set(o, "name", t);
		free(t);
	}
	if (xmlHasProp(o, BAD_CAST "leader") == NULL) {
		char *t = rules_text(rules_path(ws, "leader/name"));
		S_set(o, "leader", t);
		free(t);
	}
	if (excused) {
		S_set(o, "kind", "excused");
		S_set(o, "result", "缓评");
	} else {
		char *r = rules_attr(rec, "result");
		S_set(o, "kind", "decided");
		S_set(o, "state", S_state_of(r));
		free(r);
	}
	int elements = 0;
	for (xmlNode *c = rec->children; c; c = c->next)
		if (rules_is(c, "reason") || rules_is(c, "achievement")) {
			elements++;
			xmlAddChild(o, xmlDocCopyNode(c, o->doc, 1));
		}
	if (!elements) {	/* the reasons as one text: an older roster */
		char *t = rules_text(rec);
		if (*t)
			xmlNewTextChild(o, NULL, BAD_CAST "reason", BAD_CAST t);
		free(t);
	}
	/* the changes approved with the year's decisions */
	for (xmlNode *c = h ? h->children : NULL; c; c = c->next) {
		if (!rules_is(c, "change") || !rules_attr_is(c, "year", year))
			continue;
		char *t = rules_text(c);
		xmlNode *ch = xmlNewTextChild(o, NULL, BAD_CAST "change", BAD_CAST t);
		S_copy_attr(ch, c, "field");
		S_copy_attr(ch, c, "date");
		S_copy_attr(ch, c, "from");
		free(t);
	}
	free(year);
}

/* A history record the year's report was made knowing of: an earlier
 * year's evaluation; a follow-up given to this report or an earlier one
 * (an older roster: dated before the year's date).  A follow-up recorded
 * after the report was made, even dated before it, changes nothing in it. */
static int
S_known(const xmlNode *e, int year, const char *date)
{
	char *d = rules_attr(e, "date"), *rep = rules_attr(e, "report");
	int known = rules_is(e, "followup") && *rep ? atoi(rep) <= year :
	    strcmp(d, date) < 0;

	free(d);
	free(rep);
	return known;
}

/* A workshop due in the year at its date with no record of it: admitted
 * by then, of that year or before, not revoked before (by a record the
 * report knows of: its status may be a later follow-up's). */
static int
S_due(const xmlNode *ws, int year, const char *date)
{
	char *wy = rules_attr(ws, "year");
	char *ad = rules_attr(rules_path(ws, "history/approved"), "date");
	xmlNode *h = rules_child(ws, "history");
	int due = atoi(wy) <= year && strcmp(ad, date) <= 0;

	for (xmlNode *e = h ? h->children : NULL; e && due; e = e->next)
		if ((rules_is(e, "evaluation") || rules_is(e, "followup")) &&
		    S_known(e, year, date)) {
			char *res = rules_attr(e, "result");
			due = strcmp(S_state_of(res), ROSTER_REVOKED) != 0;
			free(res);
		}
	free(wy);
	free(ad);
	return due;
}

/* The deadline of a 暂缓 running at date, "" if none. */
static char *
S_probation_at(const xmlNode *ws, int year, const char *date)
{
	xmlNode *h = rules_child(ws, "history");
	char *until = xstrdup("");

	for (xmlNode *e = h ? h->children : NULL; e; e = e->next) {
		if (!S_known(e, year, date))
			continue;
		if (rules_is(e, "evaluation")) {
			free(until);
			until = rules_attr(e, "until");
		} else if (rules_is(e, "followup"))
			*until = '\0';
	}
	if (*until && strcmp(until, date) <= 0)
		*until = '\0';
	return until;
}

/* The date of a year's evaluation: its latest record; "" if the roster
 * records nothing of that year. */
static char *
S_year_date(const struct roster *r, const char *ys)
{
	xmlNode *rr = xmlDocGetRootElement(r->doc);
	char *date = xstrdup("");

	for (xmlNode *ws = rr ? rr->children : NULL; ws; ws = ws->next) {
		xmlNode *rec = rules_is(ws, "workshop") ? roster_year_record(ws, ys) : NULL;
		char *d = rules_attr(rec, "date");
		if (strcmp(d, date) > 0) {
			free(date);
			date = d;
		} else
			free(d);
	}
	return date;
}

int
roster_followup_report(const struct roster *r, const char *date)
{
	int y = atoi(date);

	for (;; y++) {
		char ys[16], *d;
		snprintf(ys, sizeof ys, "%d", y);
		d = S_year_date(r, ys);
		int held = *d != '\0';
		free(d);
		if (!held)
			return y;
	}
}

/* The registered name or leader (k) of a workshop when its follow-up was
 * decided: as recorded with it; in an older roster, as the evaluation that
 * gave the 暂缓 recorded it (names change only with a year's decisions);
 * else the roster's. */
static char *
S_followup_who(const xmlNode *ws, const xmlNode *f, const char *k)
{
	char *v = rules_attr(f, k), *of;
	xmlNode *rec;

	if (*v)
		return v;
	free(v);
	of = rules_attr(f, "year");
	rec = roster_year_record(ws, of);
	free(of);
	v = rules_attr(rec, k);
	if (*v)
		return v;
	free(v);
	return rules_text(strcmp(k, "name") == 0 ? rules_child(ws, "name") :
	    rules_path(ws, "leader/name"));
}

void
roster_year_followups(const struct roster *r, xmlNode *out, int year)
{
	xmlNode *rr = xmlDocGetRootElement(r->doc);

	for (xmlNode *ws = rr ? rr->children : NULL; ws; ws = ws->next) {
		xmlNode *h = rules_is(ws, "workshop") ? rules_child(ws, "history") : NULL;
		for (xmlNode *f = h ? h->children : NULL; f; f = f->next) {
			if (!rules_is(f, "followup"))
				continue;
			/* recorded with the report it belongs to; an older
			 * roster: the year of its date */
			char *rep = rules_attr(f, "report"), *d = rules_attr(f, "date");
			int in = atoi(*rep ? rep : d) == year;
			free(rep);
			free(d);
			if (!in)
				continue;
			xmlNode *o = xmlNewChild(out, NULL, BAD_CAST "followup", NULL);
			char *id = rules_attr(ws, "id");
			char *name = S_followup_who(ws, f, "name");
			char *leader = S_followup_who(ws, f, "leader");
			char *result = rules_attr(f, "result");
			char *t = rules_text(f);
			S_set(o, "workshop", id);
			S_set(o, "name", name);
			S_set(o, "leader", leader);
			for (const char *const *k = (const char *const[]){ "year",
			    "until", "date", "grade", "result", "cause", NULL }; *k; k++)
				S_copy_attr(o, f, *k);
			S_set(o, "state", S_state_of(result));
			if (*t)
				xmlNewTextChild(o, NULL, BAD_CAST "reason", BAD_CAST t);
			free(id);
			free(name);
			free(leader);
			free(result);
			free(t);
		}
	}
}

xmlDoc *
roster_year_outcomes(const struct roster *r, int year)
{
	xmlNode *rr = xmlDocGetRootElement(r->doc);
	char ys[8], *date;

	snprintf(ys, sizeof ys, "%d", year);
	/* The year's date: its latest record. */
	date = S_year_date(r, ys);
	if (*date == '\0') {
		free(date);
		return NULL;
	}
	xmlDoc *out = xmlNewDoc(BAD_CAST "1.0");
	xmlNode *root = xmlNewNode(NULL, BAD_CAST "outcomes");
	xmlDocSetRootElement(out, root);
	S_set(root, "year", ys);
	S_set(root, "date", date);
	S_set(root, "provisional", "no");
	for (xmlNode *ws = rr->children; ws; ws = ws->next) {
		if (!rules_is(ws, "workshop"))
			continue;
		xmlNode *rec = roster_year_record(ws, ys);
		if (rec == NULL && !S_due(ws, year, date))
			continue;
		xmlNode *o = xmlNewChild(root, NULL, BAD_CAST "outcome", NULL);
		char *id = rules_attr(ws, "id");
		S_set(o, "workshop", id);
		free(id);
		if (rec) {
			roster_record_outcome(o, ws, rec);
			continue;
		}
		char *name = rules_text(rules_child(ws, "name"));
		char *leader = rules_text(rules_path(ws, "leader/name"));
		char *until = S_probation_at(ws, year, date);
		S_set(o, "name", name);
		S_set(o, "leader", leader);
		if (*until) {
			char *t = xasprintf("暂缓通过期至%s，期满后再予确定（第六条）", until);
			S_set(o, "kind", "waiting");
			S_set(o, "result", "暂缓期中");
			S_set(o, "state", ROSTER_PROBATION);
			S_set(o, "until", until);
			xmlNewTextChild(o, NULL, BAD_CAST "reason", BAD_CAST t);
			free(t);
		} else {
			S_set(o, "kind", "pending");
			S_set(o, "result", "待定");
			xmlNewTextChild(o, NULL, BAD_CAST "reason",
			    BAD_CAST "学工部尚未给出结论，名册暂不改动");
		}
		free(name);
		free(leader);
		free(until);
	}
	roster_year_followups(r, root, year);
	free(date);
	return out;
}
