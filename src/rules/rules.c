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
	size_t		 n;
};

static void
S_seat(struct seats *s, const xmlNode *person, const char *workshop,
    xmlNode *at, int leads)
{
	struct seat *t;

	s->v = xreallocarray(s->v, s->n + 1, sizeof *s->v);
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

/* Count an error against the document it was found in. */
static void
S_blame(xmlDoc *const *docs, size_t n, int *errs, const xmlDoc *doc)
{
	if (errs == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		if (docs[i] == doc)
			errs[i]++;
}

/* Seats ordered by person, then by where they were met. */
static const struct seats *S_sorting;

static int
S_cmp_seat(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(S_sorting->v[x].person, S_sorting->v[y].person);

	return c ? c : x < y ? -1 : x > y;
}

/* One person's seats g[0..m), in the order met: leading two workshops
 * (reported at the second), and the workshops per person (reported once,
 * at the first seat). */
static void
S_person(const struct seats *s, const size_t *g, size_t m, int max,
    int lead_lvl, int many_lvl, xmlDoc *const *docs, size_t ndocs, int *errs)
{
	size_t *leads = xcalloc(m, sizeof *leads), nleads = 0;
	const char **ws = xcalloc(m, sizeof *ws);
	size_t nws = 0;
	struct buf names;

	for (size_t k = 0; k < m; k++) {
		const struct seat *a = &s->v[g[k]];
		size_t j, w;
		if (a->leads) {
			for (j = 0; j < nleads; j++)
				if (strcmp(s->v[leads[j]].workshop, a->workshop) != 0)
					break;
			if (j < nleads) {
				const struct seat *e = &s->v[leads[j]];
				diag_node_level(W_APP_LEADS_TWO, lead_lvl, a->node,
				    a->name, e->node->doc->URL ?
				    (const char *)e->node->doc->URL : "-",
				    (int)xmlGetLineNo(e->node), e->workshop);
				if (lead_lvl >= DL_ERROR)
					S_blame(docs, ndocs, errs, a->node->doc);
			}
			leads[nleads++] = g[k];
		}
		for (w = 0; w < nws && strcmp(ws[w], a->workshop) != 0; w++)
			;
		if (w == nws)
			ws[nws++] = a->workshop;
	}
	if ((int)nws > max) {
		buf_init(&names);
		for (size_t w = 0; w < nws; w++)
			buf_printf(&names, "%s%s", w ? "、" : "", ws[w]);
		diag_node_level(W_APP_TOO_MANY, many_lvl, s->v[g[0]].node,
		    s->v[g[0]].name, (int)nws, names.data, max);
		if (many_lvl >= DL_ERROR)
			S_blame(docs, ndocs, errs, s->v[g[0]].node->doc);
		buf_free(&names);
	}
	free(leads);
	free(ws);
}

/* The people of all the files: sorted by person, so that each person's
 * seats are looked at together — n log n, not n² (a hostile form lists
 * thousands). */
static void
S_cross_people(const struct seats *s, const struct policy *pol,
    xmlDoc *const *docs, size_t ndocs, int *errs)
{
	int max = policy_int(pol, "申报条件", "每人最多参加工作坊数");
	int lead_lvl = policy_level(pol, "一人主理一个工作坊");
	int many_lvl = policy_level(pol, "每人参加工作坊数");
	size_t *ord = xcalloc(s->n + 1, sizeof *ord);

	for (size_t i = 0; i < s->n; i++)
		ord[i] = i;
	S_sorting = s;
	qsort(ord, s->n, sizeof *ord, S_cmp_seat);
	for (size_t i = 0, j; i < s->n; i = j) {
		for (j = i + 1; j < s->n &&
		    strcmp(s->v[ord[j]].person, s->v[ord[i]].person) == 0; j++)
			;
		S_person(s, ord + i, j - i, max, lead_lvl, many_lvl, docs,
		    ndocs, errs);
	}
	free(ord);
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
	struct seats seats = { NULL, 0 };
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
