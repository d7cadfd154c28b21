/* roster_eval.c — the annual evaluation of 第六条 over the roster.
 *
 * The outcomes document, one element per workshop due this year:
 *
 *   <outcomes year="2026" date="2026-12-15" provisional="no|yes">
 *     <outcome workshop="ID" name="…" leader="…" self="通过" grade="通过"
 *              kind="decided|excused|waiting|pending|done|error"
 *              result="通过" state="在建|暂缓|已撤销" until="…" cause="1|2|3|评估">
 *       <reason>…</reason>…                  why, in words
 *       <change field="name|leader|plan" date="…" from="…">new</change>…
 *       <achievement type="论文" date="…">…</achievement>…   from the form
 *     </outcome>
 *   </outcomes>
 *
 * kind: decided (a grade, written by --apply), excused (absent with a
 * reason: noted), waiting (half-year probation not over), pending (the
 * office's decisions do not grade it yet: nothing written), done (already
 * decided this year), error (a contradiction: nothing is written).  The
 * table, roster_apply and the annual report's stylesheet all read it. */
#include "roster.h"

#include <stdlib.h>
#include <string.h>

#include "../diag/diag.h"
#include "../rules/rules.h"
#include "../util/util.h"

#define NCOLS	7	/* the columns of the outcomes' table */

struct ev {
	struct roster		*r;
	const struct policy	*pol;
	int			 year;
	const char		*date;
	xmlNode			*dec;		/* <decisions> or NULL */
	xmlDoc *const		*forms;
	size_t			 nforms;
	int			 flags;		/* ROSTER_EV_APPLY, ROSTER_EV_FOLLOWUP */
	int			 errors;
};

/* The evaluation form of a workshop for the year, or NULL. */
static xmlNode *
S_form(struct ev *ev, const char *id)
{
	for (size_t i = 0; i < ev->nforms; i++) {
		xmlNode *r = xmlDocGetRootElement(ev->forms[i]);
		if (rules_is(r, "evaluation") && rules_attr_is(r, "workshop", id))
			return r;
	}
	return NULL;
}

/* The first <name> child of the decisions for a workshop, or NULL. */
static xmlNode *
S_dec(struct ev *ev, const char *name, const char *id, const char *field)
{
	for (xmlNode *d = ev->dec ? ev->dec->children : NULL; d; d = d->next)
		if (rules_is(d, name) && rules_attr_is(d, "workshop", id) &&
		    (field == NULL || rules_attr_is(d, "field", field)))
			return d;
	return NULL;
}

/* An application among the forms that is this workshop's: same name or
 * same leader. */
static xmlNode *
S_application(struct ev *ev, xmlNode *ws)
{
	char *name = rules_text(rules_child(ws, "name"));
	char *leader = rules_person_key(rules_child(ws, "leader"));
	xmlNode *hit = NULL;

	for (size_t i = 0; i < ev->nforms && !hit; i++) {
		xmlNode *a = xmlDocGetRootElement(ev->forms[i]);
		if (!rules_is(a, "application"))
			continue;
		char *an = rules_text(rules_path(a, "workshop/name"));
		char *al = rules_person_key(rules_child(a, "leader"));
		if (strcmp(an, name) == 0 || (*al && strcmp(al, leader) == 0))
			hit = a;
		free(an);
		free(al);
	}
	free(name);
	free(leader);
	return hit;
}

static void
S_reason(xmlNode *o, const char *text)
{
	xmlNewTextChild(o, NULL, (const xmlChar *)"reason", (const xmlChar *)text);
}

static void
S_set(xmlNode *o, const char *k, const char *v)
{
	if (v && *v)
		xmlSetProp(o, (const xmlChar *)k, (const xmlChar *)v);
}

/* Members on the form against the roster: a warning, not a cause. */
static void
S_members(xmlNode *form, xmlNode *ws, const char *id)
{
	xmlNode *fm = rules_child(form, "members"), *rm = rules_child(ws, "members");
	struct buf b;

	if (fm == NULL)
		return;
	buf_init(&b);
	for (xmlNode *m = fm->children; m; m = m->next) {
		if (!rules_is(m, "member") || rules_count(m) == 0)
			continue;
		char *t = rules_text(m);
		int found = 0;
		for (xmlNode *k = rm ? rm->children : NULL; k; k = k->next) {
			char *u = rules_text(rules_child(k, "name"));
			found |= strcmp(t, u) == 0;
			free(u);
		}
		if (!found)
			buf_printf(&b, "%s名册中没有“%s”", b.len ? "，" : "", t);
		free(t);
	}
	for (xmlNode *k = rm ? rm->children : NULL; k; k = k->next) {
		if (!rules_is(k, "member"))
			continue;
		char *u = rules_text(rules_child(k, "name"));
		int found = 0;
		for (xmlNode *m = fm->children; m; m = m->next) {
			if (!rules_is(m, "member"))
				continue;
			char *t = rules_text(m);
			found |= strcmp(t, u) == 0;
			free(t);
		}
		if (!found)
			buf_printf(&b, "%s评估表中没有“%s”", b.len ? "，" : "", u);
		free(u);
	}
	if (b.len)
		diag_node(W_EVAL_MEMBERS, fm, id, b.data);
	buf_free(&b);
}

/* Cause 2: a field on the form that differs from the approved record with
 * no approved change.  Returns 1 and adds a reason if so. */
static int
S_changed(struct ev *ev, xmlNode *o, const char *id, const char *field,
    const char *what, const char *approved, const char *now)
{
	if (*now == '\0' || strcmp(approved, now) == 0 ||
	    S_dec(ev, "approved-change", id, field))
		return 0;
	char *t = xasprintf("%s由“%s”改为“%s”，未经批准（第六条第2项）", what,
	    approved, now);
	S_reason(o, t);
	free(t);
	return 1;
}

static void
S_decide(struct ev *ev, xmlNode *ws, xmlNode *out)
{
	const struct policy *pol = ev->pol;
	char *id = rules_attr(ws, "id");
	char *state = roster_status(ws, "state");
	char *until = roster_status(ws, "until");
	char *name = rules_text(rules_child(ws, "name"));
	char *leader = rules_text(rules_path(ws, "leader/name"));
	xmlNode *form = S_form(ev, id);
	xmlNode *dec = S_dec(ev, "decision", id, NULL);
	xmlNode *exc = S_dec(ev, "excused", id, NULL);
	xmlNode *o = xmlNewChild(out, NULL, (const xmlChar *)"outcome", NULL);
	char *self = rules_text(rules_child(form, "self-assessment"));
	char *grade = rules_attr(dec, "grade");
	char year[8], *plandiff = NULL;
	int cause = 0, ncauses = 0;
	int on_probation = strcmp(state, ROSTER_PROBATION) == 0;
	int probation_over = on_probation && strcmp(until, ev->date) <= 0;

	snprintf(year, sizeof year, "%d", ev->year);
	S_set(o, "workshop", id);
	S_set(o, "name", name);
	S_set(o, "leader", leader);
	S_set(o, "self", self);
	S_set(o, "grade", grade);
	/* A year is decided on its file's date: a decision's own date
	 * (a follow-up's) would be dropped here. */
	char *dd = rules_attr(dec, "date");
	if (*dd && strcmp(dd, ev->date) != 0) {
		diag_node(E_DEC_DATE_ANNUAL, dec, id, dd, ev->date);
		ev->errors++;
	}
	free(dd);

	/* Decided this year already: once a year (第六条).  A probation's end
	 * is decided by its own act (--follow-up), not by this year again. */
	xmlNode *rec = roster_year_record(ws, year);
	if (rec) {
		char *when = rules_attr(rec, "date");
		if (dec || form) {
			diag_node(E_ROSTER_DONE, dec ? dec : form, ev->year, id, when);
			ev->errors++;
		}
		free(when);
		/* as recorded: a preview shows what the report will */
		xmlUnlinkNode(o);
		xmlFreeNode(o);
		o = xmlNewChild(out, NULL, BAD_CAST "outcome", NULL);
		S_set(o, "workshop", id);
		roster_record_outcome(o, ws, rec);
		S_set(o, "kind", "done");
		S_set(o, "state", state);
		goto out;
	}

	/* 第六条's causes for revocation. */
	if (form == NULL && exc == NULL && !(on_probation && !probation_over)) {
		char *t = xasprintf("没有%d年度评估表，也没有缺席说明：无故不参加评估（第六条第1项）",
		    ev->year);
		S_reason(o, t);
		free(t);
		cause = cause ? cause : 1;
		ncauses++;
	}
	if (form) {
		char *fname = rules_text(rules_child(form, "workshop-name"));
		char *flead = rules_text(rules_child(form, "leader"));
		if (S_changed(ev, o, id, "name", "工作坊名称", name, fname))
			cause = cause ? cause : 2, ncauses++;
		if (S_changed(ev, o, id, "leader", "主理人", leader, flead))
			cause = cause ? cause : 2, ncauses++;
		free(fname);
		free(flead);
		S_members(form, ws, id);
		/* the year's achievements, for the annual report */
		xmlNode *oc = rules_child(form, "outcomes");
		for (xmlNode *a = oc ? oc->children : NULL; a; a = a->next)
			if (rules_is(a, "achievement")) {
				char *t = rules_text(a), *ty = rules_attr(a, "type");
				char *dt = rules_attr(a, "date");
				xmlNode *x = xmlNewTextChild(o, NULL,
				    (const xmlChar *)"achievement", (const xmlChar *)t);
				S_set(x, "type", ty);
				S_set(x, "date", dt);
				free(t);
				free(ty);
				free(dt);
			}
	}
	xmlNode *app = S_application(ev, ws);
	plandiff = app ? roster_plan_compare(rules_child(ws, "plan"), app) : NULL;
	if (plandiff && !S_dec(ev, "approved-change", id, "plan")) {
		char *t = xasprintf("建设方案与登记时不同（%s），未经批准（第六条第2项）",
		    plandiff);
		S_reason(o, t);
		free(t);
		cause = cause ? cause : 2;
		ncauses++;
	}
	for (xmlNode *f = ev->dec ? ev->dec->children : NULL; f; f = f->next) {
		if (!rules_is(f, "finding") || !rules_attr_is(f, "workshop", id))
			continue;
		char *kind = rules_attr(f, "kind"), *what = rules_text(f);
		char *t = xasprintf("学工部认定%s：%s（第六条第3项）",
		    *kind ? kind : "违规", what);
		S_reason(o, t);
		free(t);
		free(kind);
		free(what);
		cause = cause ? cause : 3;
		ncauses++;
	}

	/* Changes the office approved: recorded with the outcome. */
	for (xmlNode *c = ev->dec ? ev->dec->children : NULL; c; c = c->next) {
		if (!rules_is(c, "approved-change") || !rules_attr_is(c, "workshop", id))
			continue;
		char *field = rules_attr(c, "field"), *date = rules_attr(c, "date");
		char *to = rules_text(c);
		xmlNode *ch = xmlNewTextChild(o, NULL, (const xmlChar *)"change",
		    (const xmlChar *)to);
		S_set(ch, "field", field);
		S_set(ch, "date", roster_date_ok(date) ? date : ev->date);
		if (strcmp(field, "name") == 0)
			S_set(ch, "from", name);
		else if (strcmp(field, "leader") == 0)
			S_set(ch, "from", leader);
		else if (strcmp(field, "plan") == 0 && app) {
			/* 第五条第4款: the revised plan, approved, becomes the
			 * reference the next years are compared with. */
			xmlNode *np = xmlNewChild(o, NULL, BAD_CAST "plan", NULL);
			roster_plan_store(np, app);
			if (*to == '\0' && plandiff)
				xmlNodeSetContent(ch, BAD_CAST plandiff);
		}
		free(field);
		free(date);
		free(to);
	}

	enum grade g = policy_grade(pol, grade);
	if (ncauses > 0) {
		char c[8];
		snprintf(c, sizeof c, "%d", cause);
		if (dec && g != GRADE_REVOKE && g != GRADE_NONE) {
			for (xmlNode *r = o->children; r; r = r->next)
				if (rules_is(r, "reason")) {
					char *t = rules_text(r);
					diag_node(E_DEC_CONTRADICTS, dec, id, grade, t);
					free(t);
					ev->errors++;
				}
			S_set(o, "kind", "error");
			S_set(o, "result", "有矛盾");
			S_set(o, "state", state);
			goto out;
		}
		if (dec == NULL || g != GRADE_REVOKE) {
			/* Revocation is the office's act: proposed with its
			 * evidence until the decisions confirm or overrule it. */
			S_set(o, "kind", "proposed");
			S_set(o, "result", "拟撤销");
			S_set(o, "state", state);
			S_set(o, "until", until);
			S_set(o, "cause", c);
			if (ev->dec) {
				struct buf b;
				buf_init(&b);
				for (xmlNode *r = o->children; r; r = r->next)
					if (rules_is(r, "reason")) {
						char *t = rules_text(r);
						buf_printf(&b, "%s%s", b.len ? "；" : "", t);
						free(t);
					}
				if (ev->flags & ROSTER_EV_APPLY) {
					diag_node(E_DEC_REVOKE_UNCONFIRMED, ev->dec, id, b.data);
					ev->errors++;
				} else
					diag_node(W_DEC_REVOKE_PROPOSED, ev->dec, id, b.data);
				buf_free(&b);
			}
			goto out;
		}
		S_set(o, "kind", "decided");
		S_set(o, "result", policy_grade_label(pol, GRADE_REVOKE));
		S_set(o, "state", ROSTER_REVOKED);
		S_set(o, "cause", c);
		goto out;
	}
	if (on_probation && !probation_over && dec == NULL) {
		S_set(o, "kind", "waiting");
		S_set(o, "result", "暂缓期中");
		S_set(o, "state", state);
		S_set(o, "until", until);
		char *t = xasprintf("暂缓通过期至%s，期满后再予确定（第六条）", until);
		S_reason(o, t);
		free(t);
		goto out;
	}
	if (form == NULL && exc) {
		char *why = rules_attr(exc, "reason");
		char *t = xasprintf("缺席评估有正当理由：%s", *why ? why : "（未写理由）");
		S_set(o, "kind", "excused");
		S_set(o, "result", "缓评");
		S_set(o, "state", state);
		S_set(o, "until", until);
		S_reason(o, t);
		free(t);
		free(why);
		goto out;
	}
	if (dec == NULL && ev->dec) {
		/* The office has not graded it: nothing to write yet. */
		diag_node(W_DEC_NO_GRADE, form, id, self);
		S_set(o, "kind", "pending");
		S_set(o, "result", "待定");
		S_set(o, "state", state);
		S_set(o, "until", until);
		S_reason(o, "学工部尚未给出结论，名册暂不改动");
		goto out;
	}
	if (dec == NULL)	/* a preview without decisions */
		g = policy_grade(pol, self);
	if (g == GRADE_NONE) {	/* the rules already said why */
		S_set(o, "kind", "error");
		S_set(o, "result", "无有效等级");
		S_set(o, "state", state);
		ev->errors++;
		goto out;
	}
	S_set(o, "kind", "decided");
	S_set(o, "result", policy_grade_label(pol, g));
	if (g == GRADE_PROBATION) {
		if (on_probation) {
			diag_node(E_DEC_PROBATION_TWICE, dec ? dec : form, id, until);
			ev->errors++;
			S_set(o, "kind", "error");
			S_set(o, "state", state);
			S_reason(o, "连续两次暂缓通过");
			goto out;
		}
		char *end = roster_add_months(ev->date,
		    policy_int(pol, "评估", "暂缓期月数"));
		char *t = xasprintf("给予半年继续建设期，至%s再予确定（第六条）", end);
		S_set(o, "state", ROSTER_PROBATION);
		S_set(o, "until", end);
		S_reason(o, t);
		free(t);
		free(end);
	} else if (g == GRADE_REVOKE) {
		S_set(o, "state", ROSTER_REVOKED);
		S_set(o, "cause", "评估");
		S_reason(o, "评估结论为撤销（第六条）");
	} else {
		S_set(o, "state", ROSTER_ACTIVE);
		if (on_probation)
			S_reason(o, "暂缓期满，评估通过，继续建设");
	}
out:
	free(plandiff);
	free(id);
	free(state);
	free(until);
	free(name);
	free(leader);
	free(self);
	free(grade);
}

/* The year of the evaluation that put a workshop on probation: the last
 * one in its history whose deadline is the status's. */
static char *
S_probation_year(xmlNode *ws, const char *until)
{
	char *y = xstrdup("");
	xmlNode *h = rules_child(ws, "history");

	for (xmlNode *e = h ? h->children : NULL; e; e = e->next)
		if (rules_is(e, "evaluation") && rules_attr_is(e, "until", until)) {
			free(y);
			y = rules_attr(e, "year");
		}
	return y;
}

/* The end of a half-year of further building (第六条 暂缓通过 … 根据建设
 *情况再予以确定), decided on its own: the workshop must be on 暂缓 and
 * its deadline reached by the decision's date. */
static void
S_followup(struct ev *ev, xmlNode *ws, xmlNode *dec, xmlNode *out)
{
	const struct policy *pol = ev->pol;
	char *id = rules_attr(ws, "id");
	char *state = roster_status(ws, "state");
	char *until = roster_status(ws, "until");
	char *name = rules_text(rules_child(ws, "name"));
	char *leader = rules_text(rules_path(ws, "leader/name"));
	char *grade = rules_attr(dec, "grade");
	char *date = rules_attr(dec, "date");
	char *of = S_probation_year(ws, until);
	xmlNode *o = xmlNewChild(out, NULL, (const xmlChar *)"outcome", NULL);
	enum grade g = policy_grade(pol, grade);

	if (!roster_date_ok(date)) {
		free(date);
		date = xstrdup(ev->date);
	}
	S_set(o, "workshop", id);
	S_set(o, "name", name);
	S_set(o, "leader", leader);
	S_set(o, "grade", grade);
	S_set(o, "date", date);
	S_set(o, "of", of);
	S_set(o, "until", until);
	if (strcmp(state, ROSTER_PROBATION) != 0) {
		diag_node(E_FOLLOWUP_STATE, dec, id, state);
		g = GRADE_NONE;
	} else if (strcmp(date, until) < 0) {
		diag_node(E_FOLLOWUP_EARLY, dec, id, until, date);
		g = GRADE_NONE;
	} else if (g == GRADE_PROBATION) {
		diag_node(E_DEC_PROBATION_TWICE, dec, id, until);
		g = GRADE_NONE;
	}
	if (g == GRADE_NONE) {	/* said above, or by the rules */
		S_set(o, "kind", "error");
		S_set(o, "result", "—");
		S_set(o, "state", state);
		ev->errors++;
	} else if (g == GRADE_REVOKE) {
		S_set(o, "kind", "followup");
		S_set(o, "result", policy_grade_label(pol, g));
		S_set(o, "state", ROSTER_REVOKED);
		S_set(o, "cause", "评估");
		S_reason(o, "暂缓期满，评估结论为撤销（第六条）");
	} else {
		S_set(o, "kind", "followup");
		S_set(o, "result", policy_grade_label(pol, g));
		S_set(o, "state", ROSTER_ACTIVE);
		S_reason(o, "暂缓期满，评估通过，继续建设");
	}
	free(id);
	free(state);
	free(until);
	free(name);
	free(leader);
	free(grade);
	free(date);
	free(of);
}

/* The follow-up's decisions: only grades, each for a workshop of the
 * roster; the workshops they name, in the roster's order. */
/* A decision naming a workshop that is not in the roster: said. */
static void
S_dec_known(struct ev *ev, xmlNode *d)
{
	char *id = rules_attr(d, "workshop");

	if (rules_is_id(id) && roster_workshop(ev->r, id) == NULL) {
		diag_node(E_DEC_UNKNOWN, d, id);
		ev->errors++;
	}
	free(id);
}

static void
S_followups(struct ev *ev, xmlNode *root)
{
	xmlNode *rr = xmlDocGetRootElement(ev->r->doc);

	for (xmlNode *d = ev->dec ? ev->dec->children : NULL; d; d = d->next) {
		if (d->type != XML_ELEMENT_NODE)
			continue;
		if (!rules_is(d, "decision")) {
			diag_node(E_FOLLOWUP_ENTRY, d, (const char *)d->name);
			ev->errors++;
			continue;
		}
		S_dec_known(ev, d);
	}
	for (xmlNode *ws = rr ? rr->children : NULL; ws; ws = ws->next) {
		if (!rules_is(ws, "workshop"))
			continue;
		char *id = rules_attr(ws, "id");
		xmlNode *dec = S_dec(ev, "decision", id, NULL);
		if (dec)
			S_followup(ev, ws, dec, root);
		free(id);
	}
}

/* Forms and decisions that name no workshop of the roster, or another
 * year, or a revoked one. */
static void
S_check_refs(struct ev *ev)
{
	char year[8];

	snprintf(year, sizeof year, "%d", ev->year);
	for (size_t i = 0; i < ev->nforms; i++) {
		xmlNode *f = xmlDocGetRootElement(ev->forms[i]);
		if (!rules_is(f, "evaluation"))
			continue;
		char *id = rules_attr(f, "workshop"), *y = rules_attr(f, "year");
		xmlNode *ws = roster_workshop(ev->r, id);
		if (strcmp(y, year) != 0) {
			diag_node(E_EVAL_YEAR, f, y, ev->year);
			ev->errors++;
		} else if (ws == NULL && rules_is_id(id)) {
			diag_node(E_EVAL_UNKNOWN, f, id);
			ev->errors++;
		} else if (ws) {
			char *st = roster_status(ws, "state");
			if (strcmp(st, ROSTER_REVOKED) == 0) {
				char *d = roster_status(ws, "date");
				diag_node(W_EVAL_INACTIVE, f, id, d);
				free(d);
			}
			free(st);
		}
		free(id);
		free(y);
	}
	if (ev->dec == NULL)
		return;
	char *y = rules_attr(ev->dec, "year");
	if (strcmp(y, year) != 0) {
		diag_node(E_EVAL_YEAR, ev->dec, y, ev->year);
		ev->errors++;
	}
	free(y);
	for (xmlNode *d = ev->dec->children; d; d = d->next) {
		if (d->type != XML_ELEMENT_NODE)
			continue;
		S_dec_known(ev, d);
	}
}

xmlDoc *
roster_evaluate(struct roster *r, int year, xmlDoc *decisions,
    xmlDoc *const *forms, size_t nforms, int flags, int *errors)
{
	struct ev ev;
	xmlDoc *out = xmlNewDoc((const xmlChar *)"1.0");
	xmlNode *root = xmlNewNode(NULL, (const xmlChar *)"outcomes");
	xmlNode *rr = xmlDocGetRootElement(r->doc);
	char ys[8], *date = NULL;

	memset(&ev, 0, sizeof ev);
	ev.r = r;
	ev.pol = policy_get();
	ev.year = year;
	ev.dec = decisions ? xmlDocGetRootElement(decisions) : NULL;
	ev.forms = forms;
	ev.nforms = nforms;
	ev.flags = flags;
	xmlDocSetRootElement(out, root);
	if (ev.pol == NULL) {
		*errors = 1;
		return out;
	}
	if (ev.dec)
		date = rules_attr(ev.dec, "date");
	if (date == NULL || !roster_date_ok(date)) {
		free(date);
		date = roster_today();
	}
	ev.date = date;
	snprintf(ys, sizeof ys, "%d", year);
	S_set(root, "year", ys);
	S_set(root, "date", date);
	S_set(root, "provisional", ev.dec ? "no" : "yes");
	if (flags & ROSTER_EV_FOLLOWUP) {
		S_set(root, "mode", "follow-up");
		S_followups(&ev, root);
		goto done;
	}
	/* A year is held from the month policy.ini names: the decisions of a
	 * year dated before it are not that year's evaluation. */
	if (ev.dec) {
		char *from = xasprintf("%04d-%02d-01", year,
		    policy_int(ev.pol, "评估", "年度评估起始月份"));
		if (strcmp(date, from) < 0) {
			diag_node(E_EVAL_NOT_HELD, ev.dec, year, date, from);
			ev.errors++;
			free(from);
			goto done;
		}
		free(from);
	}
	S_check_refs(&ev);
	for (xmlNode *ws = rr ? rr->children : NULL; ws; ws = ws->next) {
		if (!rules_is(ws, "workshop"))
			continue;
		char *st = roster_status(ws, "state"), *wy = rules_attr(ws, "year");
		char *ad = rules_attr(rules_path(ws, "history/approved"), "date");
		/* a workshop admitted after the decisions is not due yet */
		int due = strcmp(st, ROSTER_REVOKED) != 0 && atoi(wy) <= year &&
		    strcmp(ad, date) <= 0;
		free(st);
		free(wy);
		free(ad);
		if (due)
			S_decide(&ev, ws, root);
	}
done:
	free(date);
	*errors = ev.errors;
	return out;
}

void
roster_apply(struct roster *r, xmlDoc *outcomes)
{
	xmlNode *root = xmlDocGetRootElement(outcomes);
	char *year = rules_attr(root, "year"), *date = rules_attr(root, "date");

	for (xmlNode *o = root->children; o; o = o->next) {
		if (!rules_is(o, "outcome"))
			continue;
		char *id = rules_attr(o, "workshop"), *kind = rules_attr(o, "kind");
		xmlNode *ws = roster_workshop(r, id);
		struct buf why;
		buf_init(&why);
		for (xmlNode *x = o->children; x; x = x->next)
			if (rules_is(x, "reason")) {
				char *t = rules_text(x);
				buf_printf(&why, "%s%s", why.len ? "；" : "", t);
				free(t);
			}
		if (ws && (strcmp(kind, "decided") == 0 || strcmp(kind, "excused") == 0)) {
			/* Approved changes first: the record follows them. */
			for (xmlNode *c = o->children; c; c = c->next) {
				if (rules_is(c, "plan")) {	/* the new reference */
					xmlNode *np = xmlDocCopyNode(c, ws->doc, 1);
					xmlNode *old = rules_child(ws, "plan");
					char *src = rules_attr(old, "source");
					S_set(np, "source", src);
					free(src);
					xmlReplaceNode(old, np);
					xmlFreeNode(old);
					continue;
				}
				if (!rules_is(c, "change"))
					continue;
				char *f = rules_attr(c, "field"), *to = rules_text(c);
				char *from = rules_attr(c, "from"), *cd = rules_attr(c, "date");
				roster_history(ws, "change", to, "field", f, "date", cd,
				    "year", year, "from", from, (char *)NULL);
				xmlNode *target = strcmp(f, "name") == 0 ? rules_child(ws, "name") :
				    strcmp(f, "leader") == 0 ? rules_path(ws, "leader/name") : NULL;
				if (target && *to)
					xmlNodeSetContent(target, (const xmlChar *)to);
				free(f); free(to); free(from); free(cd);
			}
		}
		char *rname = ws ? rules_text(rules_child(ws, "name")) : NULL;
		char *rlead = ws ? rules_text(rules_path(ws, "leader/name")) : NULL;
		if (ws && strcmp(kind, "decided") == 0) {
			char *self = rules_attr(o, "self"), *grade = rules_attr(o, "grade");
			char *result = rules_attr(o, "result"), *state = rules_attr(o, "state");
			char *until = rules_attr(o, "until"), *cause = rules_attr(o, "cause");
			/* what the annual report shows, so that it can be made
			 * again from the roster */
			xmlNode *h = roster_history(ws, "evaluation", NULL,
			    "year", year, "date", date, "name", rname, "leader", rlead,
			    "self", self, "grade", grade,
			    "result", result, "until", until, "cause", cause, (char *)NULL);
			for (xmlNode *x = o->children; x; x = x->next)
				if (rules_is(x, "reason") || rules_is(x, "achievement"))
					xmlAddChild(h, xmlDocCopyNode(x, ws->doc, 1));
			if (strcmp(state, ROSTER_PROBATION) == 0)
				roster_set_status(ws, state, NULL, "since", date,
				    "until", until, (char *)NULL);
			else if (strcmp(state, ROSTER_REVOKED) == 0)
				roster_set_status(ws, state, why.data ? why.data : "",
				    "date", date, "cause", cause, (char *)NULL);
			else
				roster_set_status(ws, state, NULL, (char *)NULL);
			free(self); free(grade); free(result); free(state);
			free(until); free(cause);
		} else if (ws && strcmp(kind, "followup") == 0) {
			char *grade = rules_attr(o, "grade"), *result = rules_attr(o, "result");
			char *state = rules_attr(o, "state"), *cause = rules_attr(o, "cause");
			char *of = rules_attr(o, "of"), *fd = rules_attr(o, "date");
			char *until = rules_attr(o, "until");
			char rep[16];
			snprintf(rep, sizeof rep, "%d", roster_followup_report(r, fd));
			if (atoi(rep) != atoi(fd))	/* say where it went */
				diag(N_FOLLOWUP_REPORT, NULL, 0, 0, id, fd, atoi(fd), rep);
			roster_history(ws, "followup", why.data ? why.data : "",
			    "year", of, "date", fd, "until", until, "name", rname,
			    "leader", rlead, "report", rep, "grade", grade,
			    "result", result, "cause", cause, (char *)NULL);
			if (strcmp(state, ROSTER_REVOKED) == 0)
				roster_set_status(ws, state, why.data ? why.data : "",
				    "date", fd, "cause", cause, (char *)NULL);
			else
				roster_set_status(ws, state, NULL, (char *)NULL);
			free(grade); free(result); free(state); free(cause);
			free(of); free(fd); free(until);
		} else if (ws && strcmp(kind, "excused") == 0)
			roster_history(ws, "excused", why.data ? why.data : "",
			    "year", year, "date", date, "name", rname, "leader", rlead,
			    (char *)NULL);
		free(rname);
		free(rlead);
		buf_free(&why);
		free(id);
		free(kind);
	}
	free(year);
	free(date);
}

/* The outcomes as table cells, row 0 the heading; *rows set. */
static char **
S_cells(xmlDoc *outcomes, size_t *nrows)
{
	static const char *head[] = { "编号", "工作坊", "主理人", "自评",
		"结论", "名册状态", "说明" };
	xmlNode *root = xmlDocGetRootElement(outcomes);
	char **cells = xreallocarray(NULL, NCOLS, sizeof *cells);
	size_t rows = 1;

	for (int c = 0; c < NCOLS; c++)
		cells[c] = xstrdup(head[c]);
	for (xmlNode *o = root->children; o; o = o->next) {
		if (!rules_is(o, "outcome"))
			continue;
		cells = xreallocarray(cells, (rows + 1) * NCOLS, sizeof *cells);
		char **row = cells + rows * NCOLS;
		char *state = rules_attr(o, "state"), *until = rules_attr(o, "until");
		struct buf why;
		buf_init(&why);
		for (xmlNode *x = o->children; x; x = x->next)
			if (rules_is(x, "reason") || rules_is(x, "change")) {
				char *t = rules_text(x);
				if (rules_is(x, "change")) {
					char *fl = rules_attr(x, "field");
					if (strcmp(fl, "plan") == 0)
						buf_printf(&why, "%s经批准修订建设方案%s%s",
						    why.len ? "；" : "", *t ? "：" : "", t);
					else
						buf_printf(&why, "%s经批准变更%s为“%s”",
						    why.len ? "；" : "", strcmp(fl, "name") == 0 ?
						    "名称" : "主理人", t);
					free(fl);
				} else
					buf_printf(&why, "%s%s", why.len ? "；" : "", t);
				free(t);
			}
		row[0] = rules_attr(o, "workshop");
		row[1] = rules_attr(o, "name");
		row[2] = rules_attr(o, "leader");
		row[3] = rules_attr(o, "self");
		if (*row[3] == '\0') {
			free(row[3]);
			row[3] = xstrdup("—");
		}
		row[4] = rules_attr(o, "result");
		row[5] = strcmp(state, ROSTER_PROBATION) == 0 && *until ?
		    xasprintf("%s至%s", state, until) : xstrdup(state);
		row[6] = buf_detach(&why);
		free(state);
		free(until);
		rows++;
	}
	*nrows = rows;
	return cells;
}

static void
S_cells_free(char **cells, size_t rows)
{
	for (size_t i = 0; i < rows * NCOLS; i++)
		free(cells[i]);
	free(cells);
}

char *
roster_outcomes_csv(xmlDoc *outcomes, size_t *len)
{
	size_t rows;
	char **cells = S_cells(outcomes, &rows);
	char *csv = roster_csv(cells, rows, NCOLS, len);

	S_cells_free(cells, rows);
	return csv;
}

void
roster_print_outcomes(FILE *f, xmlDoc *outcomes)
{
	xmlNode *root = xmlDocGetRootElement(outcomes);
	size_t rows;
	char *year = rules_attr(root, "year"), *date = rules_attr(root, "date");
	char *prov = rules_attr(root, "provisional");
	char *mode = rules_attr(root, "mode");
	int fu = strcmp(mode, "follow-up") == 0;
	char **cells = S_cells(outcomes, &rows);

	free(mode);
	if (fu)
		fprintf(f, "暂缓期满的确定（学工部 %s）\n", date);
	else if (strcmp(prov, "yes") == 0)
		fprintf(f, "%s年度评估结论预览（没有学工部结论文件，暂按自评等级）\n", year);
	else
		fprintf(f, "%s年度评估结论（学工部 %s）\n", year, date);
	if (rows == 1 && fu)
		fprintf(f, "结论文件中没有名册里的工作坊。\n");
	else if (rows == 1)
		fprintf(f, "名册中没有%s年度需要评估的工作坊。\n", year);
	else
		roster_table_notes(f, cells, rows, NCOLS, 1);
	S_cells_free(cells, rows);
	free(year);
	free(date);
	free(prov);
}
