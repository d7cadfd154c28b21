/* cmd_approve.c — wsdoc approve --roster R APP...: admit valid
 * applications to the roster (第五条第5款 审核公布) with the next ids of
 * their year; refuse the others with their diagnostics. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../diag/diag.h"
#include "../input/input.h"
#include "../roster/roster.h"
#include "../rules/rules.h"
#include "../schema/schema.h"
#include "../util/util.h"
#include "cli.h"

static const char S_usage[] =
    "用法: wsdoc approve --roster 名册.xml [--date 日期] [--policy 规则.ini] 申报表...\n"
    "把检查无误的主理人申报表登记到名册，按年度分配编号 HZNU-GZF-年度-序号，\n"
    "记录核准的名称、主理人、成员、辅导方向和建设方案原文；有错误的申报表不登记。\n"
    "工号在名册和全部申报表中只指一个人：同一工号两个姓名、同一人两个工号都是错误。\n"
    "主理人已主理名册中另一个工作坊、一人参加的工作坊过多是学工部的标准（不是办法的规定），\n"
    "与 check 一样按 policy.ini [学工部标准] 处理：错误则不登记，警告（默认）则登记并提示，关闭则不查。\n"
    "  --roster 文件  名册（不存在时新建）\n"
    "  --date 日期    登记日期 YYYY-MM-DD，默认今天\n"
    "  --policy 文件  规则参数文件，默认安装目录的 forms/policy.ini\n"
    "  -h             显示本帮助\n";

/* Messages so far that fail the run: errors, or what -W makes failures
 * too.  An application that raised one is not admitted. */
static int
S_failing(void)
{
	int n = 0;

	for (int l = diag_fail_level(); l <= DL_FATAL; l++)
		n += diag_count((enum diag_level)l);
	return n;
}

/* Who is in which non-revoked workshop of the roster, by person key;
 * the workshops before `upto` only (NULL: all). */
static int
S_seats(const struct roster *r, const char *key, int leads_only, char **where,
    const xmlNode *upto)
{
	xmlNode *root = xmlDocGetRootElement(r->doc);
	int n = 0;

	for (xmlNode *w = root ? root->children : NULL; w && w != upto; w = w->next) {
		if (w->type != XML_ELEMENT_NODE)
			continue;
		char *st = roster_status(w, "state");
		int live = strcmp(st, ROSTER_REVOKED) != 0;
		free(st);
		if (!live)
			continue;
		int in = 0;
		char *lk = rules_person_key(rules_child(w, "leader"));
		in = strcmp(lk, key) == 0;
		free(lk);
		if (!in && !leads_only)
			for (xmlNode *m = rules_child(w, "members") ?
			    rules_child(w, "members")->children : NULL; m; m = m->next) {
				char *mk = rules_person_key(m);
				in |= strcmp(mk, key) == 0;
				free(mk);
			}
		if (in) {
			n++;
			if (where && *where == NULL)
				*where = rules_attr(w, "id");
		}
	}
	return n;
}

/* The roster's rules for one application: the name is free (第五条第5款);
 * and the office's standards at the level policy.ini [学工部标准] gives
 * them, as check applies them (src/rules/rules.c): the leader leads no
 * other workshop, nobody is in too many.  Workshops from `fresh` on were
 * admitted by this run: the rules across the inputs spoke of their
 * leaders already.  1 if the application is refused: a standard set to
 * 错误, or a warning that -W makes a failure. */
static int
S_roster_rules(const struct roster *r, xmlNode *app, const xmlNode *fresh)
{
	const struct policy *pol = policy_get();
	xmlNode *root = xmlDocGetRootElement(r->doc);
	xmlNode *leader = rules_child(app, "leader");
	char *name = rules_text(rules_path(app, "workshop/name"));
	char *lkey = rules_person_key(leader), *where = NULL;
	int bad = 0, max = policy_int(pol, "申报条件", "每人最多参加工作坊数");
	int busy = policy_level(pol, "一人主理一个工作坊");
	int many = policy_level(pol, "每人参加工作坊数");

	for (xmlNode *w = root ? root->children : NULL; w; w = w->next) {
		if (w->type != XML_ELEMENT_NODE)
			continue;
		char *wn = rules_text(rules_child(w, "name"));
		char *st = roster_status(w, "state");
		if (strcmp(wn, name) == 0 && strcmp(st, ROSTER_REVOKED) != 0) {
			char *id = rules_attr(w, "id");
			diag_node(E_ROSTER_NAME_TAKEN, rules_path(app, "workshop/name"), name, id);
			free(id);
			bad = 1;
		}
		free(wn);
		free(st);
	}
	if (busy != POLICY_OFF && *lkey && S_seats(r, lkey, 1, &where, fresh) > 0) {
		xmlNode *w = roster_workshop(r, where);
		char *wn = rules_text(rules_child(w, "name"));
		char *ln = rules_text(rules_child(leader, "name"));
		diag_node_level(W_ROSTER_LEADER_BUSY, busy, leader, ln, where, wn);
		free(wn);
		free(ln);
		bad |= busy >= diag_fail_level();
	}
	free(where);
	/* Workshops per person, the roster's and this one. */
	xmlNode **people = NULL;
	size_t np = 0;
	if (leader) {
		people = xreallocarray(people, np + 1, sizeof *people);
		people[np++] = leader;
	}
	for (xmlNode *m = rules_child(app, "members") ?
	    rules_child(app, "members")->children : NULL; m; m = m->next)
		if (m->type == XML_ELEMENT_NODE) {
			people = xreallocarray(people, np + 1, sizeof *people);
			people[np++] = m;
		}
	for (size_t i = 0; i < np && many != POLICY_OFF; i++) {
		char *k = rules_person_key(people[i]);
		int n = *k ? S_seats(r, k, 0, NULL, NULL) + 1 : 0;
		/* in no workshop of the roster before this run: the rules
		 * across the inputs counted all of these seats and said so
		 * (here only again where it refuses) */
		int told = *k && S_seats(r, k, 0, NULL, fresh) == 0 &&
		    many < diag_fail_level();
		if (n > max && !told) {
			char *pn = rules_text(rules_child(people[i], "name"));
			char *list = xasprintf("名册中%d个，另加“%s”", n - 1, name);
			diag_node_level(W_APP_TOO_MANY, many, people[i], pn, n, list, max);
			free(list);
			free(pn);
			bad |= many >= diag_fail_level();
		}
		free(k);
	}
	free(people);
	free(name);
	free(lkey);
	return bad;
}

/* One person as named somewhere: a roster's workshop or an input. */
struct who {
	char		*id;	/* 工号, "" if not given */
	char		*name;
	char		*unit;
	char		*place;	/* for messages: file:line or 名册 ID */
	const xmlNode	*node;	/* where it is said */
	int		 doc;	/* index of the input, -1 for the roster */
};

static void
S_who(struct who **v, size_t *n, const xmlNode *person, char *place, int doc)
{
	struct who *w;

	*v = xreallocarray(*v, *n + 1, sizeof **v);
	w = &(*v)[(*n)++];
	w->id = rules_text(rules_child(person, "staff-id"));
	w->name = rules_text(rules_child(person, "name"));
	w->unit = rules_text(rules_child(person, "unit"));
	w->place = place;
	w->node = person;
	w->doc = doc;
}

/* The leader and members of a workshop or an application. */
static void
S_people(struct who **v, size_t *n, const xmlNode *leader,
    const xmlNode *members, const char *where, int doc)
{
	if (leader)
		S_who(v, n, leader, doc < 0 ? xstrdup(where) :
		    xasprintf("%s:%ld", where, xmlGetLineNo(leader)), doc);
	for (xmlNode *m = members ? members->children : NULL; m; m = m->next)
		if (m->type == XML_ELEMENT_NODE)
			S_who(v, n, m, doc < 0 ? xstrdup(where) :
			    xasprintf("%s:%ld", where, xmlGetLineNo(m)), doc);
}

/* Identity: a 工号 names one person across the roster and the inputs
 * (the same 工号 under another name is an error), and one person (the same
 * name in the same unit) has one 工号.  Each error names both places and
 * counts against the input it is found in. */
static void
S_identity(const struct roster *r, xmlDoc **docs, int nfiles,
    char **paths, int *errs)
{
	xmlNode *root = xmlDocGetRootElement(r->doc);
	struct who *v = NULL;
	size_t n = 0, first;

	for (xmlNode *w = root ? root->children : NULL; w; w = w->next) {
		if (w->type != XML_ELEMENT_NODE)
			continue;
		char *id = rules_attr(w, "id"), *where = xasprintf("名册的 %s", id);
		S_people(&v, &n, rules_child(w, "leader"), rules_child(w, "members"),
		    where, -1);
		free(where);
		free(id);
	}
	first = n;
	for (int k = 0; k < nfiles; k++) {
		xmlNode *app = docs[k] ? xmlDocGetRootElement(docs[k]) : NULL;
		if (app)
			S_people(&v, &n, rules_child(app, "leader"),
			    rules_child(app, "members"), paths[k], k);
	}
	for (size_t i = first; i < n; i++) {
		for (size_t j = 0; j < i; j++) {
			struct who *a = &v[j], *b = &v[i];
			int clash = *a->id && strcmp(a->id, b->id) == 0 &&
			    strcmp(a->name, b->name) != 0;
			int twice = *a->id && *b->id && strcmp(a->id, b->id) != 0 &&
			    strcmp(a->name, b->name) == 0 && *a->unit &&
			    strcmp(a->unit, b->unit) == 0;
			if (!clash && !twice)
				continue;
			if (clash)
				diag_node(E_ID_NAME, b->node, b->id, b->name,
				    a->place, a->name);
			else
				diag_node(E_ID_TWO, b->node, b->name, b->unit,
				    b->id, a->place, a->id);
			errs[b->doc]++;
			break;
		}
	}
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].name);
		free(v[i].unit);
		free(v[i].place);
	}
	free(v);
}

int
cmd_approve(int argc, char **argv)
{
	const char *rpath = NULL, *date = NULL;
	xmlDoc **docs;
	int *errs, i, nfiles, refused = 0, admitted = 0, rc = 0;
	struct roster *r;
	char **cells;
	size_t rows = 1;
	xmlNode *fresh = NULL;	/* the first workshop this run admits */

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs(S_usage, stdout);
			return 0;
		} else if (strcmp(argv[i], "--roster") == 0 && i + 1 < argc)
			rpath = argv[++i];
		else if (strcmp(argv[i], "--date") == 0 && i + 1 < argc)
			date = argv[++i];
		else if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "wsdoc approve: 未知选项或缺少参数“%s”\n", argv[i]);
			fputs(S_usage, stderr);
			return 2;
		} else
			break;
	}
	if (rpath == NULL || i >= argc || (date && !roster_date_ok(date))) {
		if (date && !roster_date_ok(date))
			fprintf(stderr, "wsdoc approve: 日期“%s”无效，应为 YYYY-MM-DD\n", date);
		fputs(S_usage, stderr);
		return 2;
	}
	if (policy_get() == NULL)
		return diag_exit_status() == 3 ? 3 : 1;
	nfiles = argc - i;
	docs = xcalloc((size_t)nfiles, sizeof *docs);
	errs = xcalloc((size_t)nfiles, sizeof *errs);
	for (int k = 0; k < nfiles; k++) {
		int before = S_failing();
		docs[k] = input_read(argv[i + k]);
		if (docs[k] && input_kind(docs[k]) != INPUT_APPLICATION) {
			xmlNode *root = xmlDocGetRootElement(docs[k]);
			diag_node(E_ROSTER_NOT_APP, root, root ? (const char *)root->name : "");
			xmlFreeDoc(docs[k]);
			docs[k] = NULL;
		}
		if (docs[k] && schema_validate(docs[k]) == 0)
			rules_check_doc(docs[k]);
		errs[k] = S_failing() - before;
	}
	rules_check_cross(docs, (size_t)nfiles, errs);

	if ((r = roster_open(rpath, 1)) == NULL) {
		rc = diag_exit_status() == 3 ? 3 : 1;
		goto out;
	}
	S_identity(r, docs, nfiles, argv + i, errs);
	char *today = date ? xstrdup(date) : roster_today();
	cells = xreallocarray(NULL, 3, sizeof *cells);
	cells[0] = xstrdup("编号");
	cells[1] = xstrdup("工作坊");
	cells[2] = xstrdup("主理人");
	for (int k = 0; k < nfiles; k++) {
		xmlNode *app = docs[k] ? xmlDocGetRootElement(docs[k]) : NULL;
		if (app == NULL || errs[k] > 0 || S_roster_rules(r, app, fresh)) {
			if (app)
				diag(E_ROSTER_APP_INVALID, argv[i + k], 0, 0);
			refused++;
			continue;
		}
		char *y = rules_attr(app, "year");
		int year = atoi(y) >= 1900 ? atoi(y) : atoi(today);
		char *id = roster_next_id(r, year);
		free(y);
		if (id == NULL) {
			char ys[8];
			snprintf(ys, sizeof ys, "%d", year);
			diag(E_ROSTER_FULL, argv[i + k], 0, 0, ys);
			refused++;
			continue;
		}
		xmlNode *ws = roster_admit(r, app, id, today, argv[i + k]);
		if (fresh == NULL)
			fresh = ws;
		cells = xreallocarray(cells, (rows + 1) * 3, sizeof *cells);
		cells[rows * 3] = id;
		cells[rows * 3 + 1] = rules_text(rules_child(ws, "name"));
		cells[rows * 3 + 2] = rules_text(rules_path(ws, "leader/name"));
		rows++;
		admitted++;
	}
	/* The success line only once the roster is written. */
	if (admitted > 0 && roster_save(r) == -1)
		rc = 3;
	else if (admitted > 0) {
		printf("已登记到名册 %s（%s）：\n", rpath, today);
		roster_table(stdout, cells, rows, 3);
	}
	if (refused > 0)
		printf("未登记：%d 份申报表有错误，见上面的说明。\n", refused);
	if (rc == 0)
		rc = refused > 0 ? 1 : diag_exit_status();
	for (size_t c = 0; c < rows * 3; c++)
		free(cells[c]);
	free(cells);
	free(today);
	roster_close(r);
out:
	for (int k = 0; k < nfiles; k++)
		if (docs[k])
			xmlFreeDoc(docs[k]);
	free(docs);
	free(errs);
	return rc;
}
