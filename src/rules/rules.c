/* rules.c — the table of check functions by input kind, the rules across
 * the files of one run, and text helpers. */
#include "rules_int.h"

#include <stdint.h>
#include <string.h>

#include "../diag/diag.h"
#include "../input/vocab.h"
#include "../util/util.h"

static const struct {
	const char	*root;
	void		(*check)(xmlNode *, const struct policy *);
} S_kinds[] = {
	{ "application", rules_application },
	{ "member-application", rules_member_application },
	{ "evaluation", rules_evaluation },
	{ "decisions", rules_decisions },
};

xmlNode *
rules_child(const xmlNode *parent, const char *name)
{
	if (parent == NULL)
		return NULL;
	for (xmlNode *c = parent->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

xmlNode *
rules_path(const xmlNode *node, const char *path)
{
	char name[64];
	const char *p = path;

	while (node && *p) {
		size_t n = strcspn(p, "/");
		if (n >= sizeof name)
			return NULL;
		memcpy(name, p, n);
		name[n] = '\0';
		node = rules_child(node, name);
		p += n;
		if (*p == '/')
			p++;
	}
	return (xmlNode *)node;
}

/* Length of the white space at s (ASCII, NBSP, U+3000 ideographic space),
 * 0 if none. */
static size_t
S_space(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		return 1;
	if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	if ((unsigned char)s[0] == 0xE3 && (unsigned char)s[1] == 0x80 &&
	    (unsigned char)s[2] == 0x80)
		return 3;
	return 0;
}

/* Text of a node with paragraphs (<p>) kept apart by a space. */
static void
S_gather(const xmlNode *n, struct buf *b)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
			buf_puts(b, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE) {
			buf_putc(b, ' ');
			S_gather(c, b);
			buf_putc(b, ' ');
		}
	}
}

char *
rules_text(const xmlNode *node)
{
	struct buf raw, out;
	size_t k;
	int pending = 0;

	buf_init(&out);
	if (node == NULL)
		return buf_detach(&out);
	buf_init(&raw);
	S_gather(node, &raw);
	for (const char *s = raw.data ? raw.data : ""; *s; ) {
		if ((k = S_space(s)) > 0) {
			pending = out.len > 0;
			s += k;
			continue;
		}
		if (pending)
			buf_putc(&out, ' ');
		pending = 0;
		buf_putc(&out, *s++);
	}
	buf_free(&raw);
	return buf_detach(&out);
}

int
rules_count(const xmlNode *node)
{
	char *t = rules_text(node);
	char *w = t;
	size_t n;

	for (char *r = t; *r; r++)
		if (*r != ' ')
			*w++ = *r;
	*w = '\0';
	n = utf8_count(t);
	free(t);
	return n > 100000000 ? 100000000 : (int)n;
}

int
rules_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

int
rules_attr_is(const xmlNode *n, const char *attr, const char *value)
{
	char *v = rules_attr(n, attr);
	int hit = strcmp(v, value) == 0;

	free(v);
	return hit;
}

char *
rules_attr(const xmlNode *node, const char *name)
{
	xmlChar *v = node ? xmlGetProp(node, (const xmlChar *)name) : NULL;
	char *s, *a, *z;

	if (v == NULL)
		return xstrdup("");
	for (a = (char *)v; *a == ' ' || *a == '\t'; a++)
		;
	z = a + strlen(a);
	while (z > a && (z[-1] == ' ' || z[-1] == '\t'))
		z--;
	s = xstrndup(a, (size_t)(z - a));
	xmlFree(v);
	return s;
}

char *
rules_person_key(const xmlNode *person)
{
	char *id = rules_text(rules_child(person, "staff-id"));

	if (*id)
		return id;
	free(id);
	return rules_text(rules_child(person, "name"));
}

int
rules_is_id(const char *s)
{
	static const char pat[] = "HZNU-GZF-9999-99";

	if (strlen(s) != sizeof pat - 1)
		return 0;
	for (size_t i = 0; pat[i]; i++)
		if (pat[i] == '9' ? (s[i] < '0' || s[i] > '9') : s[i] != pat[i])
			return 0;
	return 1;
}

int
rules_part(xmlNode *parent, xmlNode *node, const char *label,
    const struct policy *pol, const char *sec, const char *key,
    int missing, int short_)
{
	int n = rules_count(node), min = policy_int(pol, sec, key);

	if (n == 0) {
		diag_node((enum diag_id)missing, node ? node : parent, label);
		return 0;
	}
	/* The minimum length is the office's standard, not the form's. */
	if (n < min) {
		diag_node_level((enum diag_id)short_,
		    policy_level(pol, "各栏最少字数"), node, label, n, min, sec, key);
		return 0;
	}
	return 1;
}

/* ---- across files ---- */

/* One person's place in one workshop, found in some document. */
struct seat {
	char		*person;	/* rules_person_key */
	char		*name;		/* for messages */
	char		*workshop;	/* the workshop's name */
	xmlNode		*node;
	int		 leads;
};

struct seats {
	struct seat	*v;
	size_t		 n, cap;
};

static void
S_seat(struct seats *s, const xmlNode *person, const char *workshop,
    xmlNode *at, int leads)
{
	struct seat *t;

	if (s->n == s->cap)
		s->v = xreallocarray(s->v, s->cap = s->cap ? 2 * s->cap : 16,
		    sizeof *s->v);
	t = &s->v[s->n++];
	t->person = rules_person_key(person);
	t->name = rules_text(rules_child(person, "name"));
	t->workshop = xstrdup(workshop);
	t->node = at;
	t->leads = leads;
	if (*t->person == '\0') {	/* nobody to match: forget it */
		free(t->person);
		free(t->name);
		free(t->workshop);
		s->n--;
	}
}

static void
S_collect(struct seats *s, xmlNode *root)
{
	const char *kind = (const char *)root->name;
	char *ws;

	if (strcmp(kind, "application") == 0) {
		ws = rules_text(rules_path(root, "workshop/name"));
		xmlNode *leader = rules_child(root, "leader");
		if (leader)
			S_seat(s, leader, ws, leader, 1);
		for (xmlNode *m = rules_path(root, "members") ?
		    rules_path(root, "members")->children : NULL; m; m = m->next)
			if (m->type == XML_ELEMENT_NODE &&
			    strcmp((const char *)m->name, "member") == 0)
				S_seat(s, m, ws, m, 0);
		free(ws);
	} else if (strcmp(kind, "member-application") == 0) {
		ws = rules_attr(root, "workshop");
		S_seat(s, root, ws, root, 0);
		free(ws);
	}
}

/* Count a failure against the document it was found in. */
static void
S_blame(xmlDoc *const *docs, size_t n, int *errs, const xmlDoc *doc)
{
	if (errs == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		if (docs[i] == doc)
			errs[i]++;
}

/* Seats in order of person, then of finding: each person's seats
 * together, so that counting is linear in the seats (it compared every
 * seat with every earlier one: 100 000 members took 90 s). */
static const struct seats *S_sort_of;

static int
S_by_person(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	int c = strcmp(S_sort_of->v[i].person, S_sort_of->v[j].person);

	return c ? c : (i > j) - (i < j);
}

static int
S_by_workshop(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	int c = strcmp(S_sort_of->v[i].workshop, S_sort_of->v[j].workshop);

	return c ? c : (i > j) - (i < j);
}

static void
S_cross_people(const struct seats *s, const struct policy *pol,
    xmlDoc *const *docs, size_t ndocs, int *errs)
{
	int max = policy_int(pol, "申报条件", "每人最多参加工作坊数");
	size_t *by = xreallocarray(NULL, s->n + 1, sizeof *by);
	/* per seat: the earlier seat it leads a second workshop after
	 * (SIZE_MAX: none); the workshops of a person past max, at the
	 * person's first seat */
	size_t *second = xreallocarray(NULL, s->n + 1, sizeof *second);
	char **many = xcalloc(s->n + 1, sizeof *many);
	int *count = xcalloc(s->n + 1, sizeof *count);
	size_t *ws = xreallocarray(NULL, s->n + 1, sizeof *ws);
	char *first = xcalloc(s->n + 1, 1);

	for (size_t i = 0; i < s->n; i++) {
		by[i] = i;
		second[i] = SIZE_MAX;
	}
	S_sort_of = s;
	qsort(by, s->n, sizeof *by, S_by_person);
	for (size_t g = 0, e; g < s->n; g = e) {
		const char *person = s->v[by[g]].person;
		size_t f = SIZE_MAX, other = SIZE_MAX;	/* first leader seats */
		struct buf names;
		int distinct = 0;

		for (e = g; e < s->n && strcmp(s->v[by[e]].person, person) == 0; e++)
			;
		buf_init(&names);
		for (size_t k = g; k < e; k++) {
			const struct seat *a = &s->v[by[k]];
			/* Leading two workshops: report at the second, citing
			 * the first seat that leads another one. */
			if (a->leads) {
				if (f == SIZE_MAX)
					f = by[k];
				else if (strcmp(s->v[f].workshop, a->workshop) != 0) {
					second[by[k]] = f;
					if (other == SIZE_MAX)
						other = by[k];
				} else if (other != SIZE_MAX)
					second[by[k]] = other;
			}
		}
		/* Workshops per person, in the order first found: the seats
		 * that come first for their workshop are marked in ws. */
		memcpy(ws, by + g, (e - g) * sizeof *ws);
		qsort(ws, e - g, sizeof *ws, S_by_workshop);
		for (size_t k = g; k < e; k++)
			first[ws[k - g]] = k == g ||
			    strcmp(s->v[ws[k - g]].workshop, s->v[ws[k - g - 1]].workshop) != 0;
		for (size_t k = g; k < e; k++)
			if (first[by[k]]) {
				distinct++;
				buf_printf(&names, "%s%s", names.len ? "、" : "",
				    s->v[by[k]].workshop);
			}
		if (distinct > max) {
			count[by[g]] = distinct;
			many[by[g]] = buf_detach(&names);
		} else
			buf_free(&names);
	}
	/* In the order found, as the messages always came. */
	for (size_t i = 0; i < s->n; i++) {
		const struct seat *a = &s->v[i];
		if (second[i] != SIZE_MAX) {
			const struct seat *b = &s->v[second[i]];
			int lvl = policy_level(pol, "一人主理一个工作坊");
			diag_node_level(W_APP_LEADS_TWO, lvl, a->node, a->name,
			    b->node->doc->URL ? (const char *)b->node->doc->URL : "-",
			    (int)xmlGetLineNo(b->node), b->workshop);
			/* against the input only where policy.ini makes it
			 * an error (or -W a failure) */
			if (lvl >= diag_fail_level())
				S_blame(docs, ndocs, errs, a->node->doc);
		}
		if (many[i]) {
			diag_node_level(W_APP_TOO_MANY,
			    policy_level(pol, "每人参加工作坊数"), a->node, a->name,
			    count[i], many[i], max);
			free(many[i]);
		}
	}
	free(by);
	free(second);
	free(many);
	free(count);
	free(ws);
	free(first);
}

/* Evaluations: at most 每年评估次数 per workshop and year. */
static void
S_cross_evals(xmlDoc *const *docs, size_t n, const struct policy *pol,
    int *errs)
{
	int per_year = policy_int(pol, "评估", "每年评估次数");

	for (size_t i = 0; i < n; i++) {
		xmlNode *r = docs[i] ? xmlDocGetRootElement(docs[i]) : NULL;
		if (r == NULL || strcmp((const char *)r->name, "evaluation") != 0)
			continue;
		char *id = rules_attr(r, "workshop"), *y = rules_attr(r, "year");
		int count = 1;
		const char *first = NULL;
		for (size_t j = 0; j < i; j++) {
			xmlNode *q = docs[j] ? xmlDocGetRootElement(docs[j]) : NULL;
			if (q == NULL || strcmp((const char *)q->name, "evaluation") != 0)
				continue;
			char *id2 = rules_attr(q, "workshop"), *y2 = rules_attr(q, "year");
			if (*id && strcmp(id, id2) == 0 && strcmp(y, y2) == 0) {
				count++;
				if (!first)
					first = docs[j]->URL ? (const char *)docs[j]->URL : "-";
			}
			free(id2);
			free(y2);
		}
		if (count > per_year) {
			diag_node(E_EVAL_DUP, r, id, y, first);
			S_blame(docs, n, errs, docs[i]);
		}
		free(id);
		free(y);
	}
}

/* Characters above U+FFFF in the text and attributes under n: the PDF
 * cannot draw them (docs/design.md "Fonts").  Said here, at the field, where
 * the user can change it, before any form is made; the layout only puts
 * 〓 in their place. */
static void
S_astral_in(const xmlNode *n, const char *s, const char *field)
{
	size_t len = strlen(s), i = 0, k;
	uint32_t cp;

	while (i < len) {
		if ((k = utf8_decode(s + i, len - i, &cp)) == 0) {
			i++;
			continue;
		}
		if (cp > 0xFFFF) {
			char u[8];
			memcpy(u, s + i, k);
			u[k] = '\0';
			diag_node(W_TEXT_ASTRAL, n, field, u, (unsigned)cp);
		}
		i += k;
	}
}

static void
S_astral(const xmlNode *n)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (a->children && a->children->content)
			S_astral_in(n, (const char *)a->children->content,
			    vocab_attr_label(n, (const char *)a->name));
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			S_astral(c);
		else if ((c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) && c->content)
			S_astral_in(n, (const char *)c->content, vocab_label(n));
}

int
rules_check_doc(xmlDoc *doc)
{
	const struct policy *pol = policy_get();
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	int before;

	if (pol == NULL)
		return -1;
	before = diag_count(DL_ERROR);
	for (size_t k = 0; root && k < sizeof S_kinds / sizeof S_kinds[0]; k++)
		if (strcmp((const char *)root->name, S_kinds[k].root) == 0) {
			S_astral(root);
			S_kinds[k].check(root, pol);
		}
	return diag_count(DL_ERROR) - before;
}

int
rules_check_cross(xmlDoc *const *docs, size_t n, int *errs)
{
	const struct policy *pol = policy_get();
	struct seats seats = { NULL, 0, 0 };
	int before;

	if (pol == NULL)
		return -1;
	before = diag_count(DL_ERROR);
	for (size_t i = 0; i < n; i++) {
		xmlNode *root = docs[i] ? xmlDocGetRootElement(docs[i]) : NULL;
		if (root)
			S_collect(&seats, root);
	}
	S_cross_people(&seats, pol, docs, n, errs);
	S_cross_evals(docs, n, pol, errs);
	for (size_t i = 0; i < seats.n; i++) {
		free(seats.v[i].person);
		free(seats.v[i].name);
		free(seats.v[i].workshop);
	}
	free(seats.v);
	return diag_count(DL_ERROR) - before;
}

int
rules_check(xmlDoc *const *docs, size_t n)
{
	int errs = 0, k;

	if (policy_get() == NULL)
		return -1;
	for (size_t i = 0; i < n; i++)
		errs += rules_check_doc(docs[i]);
	if ((k = rules_check_cross(docs, n, NULL)) > 0)
		errs += k;
	return errs;
}
