/* fo_prop.c — computed properties of one FO element: the attributes in
 * order, shorthands, corresponding properties (margins → indents and
 * spaces), inheritance, XSL 1.1 initial values; groups shared when
 * identical.  The table of names is fo_prop_table.c, applying one
 * property fo_apply.c, the values fo_value.c (fo_prop_int.h). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../diag/diag.h"
#include "../util/util.h"
#include "fo_prop_int.h"

/* Groups are compared bytewise: they must have no implicit padding. */
_Static_assert(sizeof(struct fo_len) == 16, "fo_len padding");
_Static_assert(sizeof(struct fo_border) == 16, "fo_border padding");
_Static_assert(sizeof(struct fo_space) == 56, "fo_space padding");
_Static_assert(sizeof(struct fo_inh) == 2 * sizeof(char *) + 8 * 8 + 5 * 16 +
    48 + 12 + 4 + 2 + 15 + 7, "fo_inh padding");
_Static_assert(sizeof(struct fo_box) == 2 * 56 + 4 * 16 + 4 * 16 + 2 * 48 +
    2 * 12 + 4 + 4 + 2 + 6, "fo_box padding");

#define L0	{ 0, 0, FO_LEN }
#define LAUTO	{ 0, 0, FO_AUTO }
#define SPACE0	{ { L0, L0, L0 }, 0, 0 }
#define BORDER0	{ 0, 0x000000, FO_BS_NONE, 0 }

const struct fo_container fo_container_initial = {
	.top = LAUTO, .left = LAUTO, .bottom = LAUTO, .right = LAUTO,
};

const struct fo_box fo_box_initial = {
	.space_before = SPACE0,
	.space_after = SPACE0,
	.padding = { L0, L0, L0, L0 },
	.border = { BORDER0, BORDER0, BORDER0, BORDER0 },
	.ipd = { LAUTO, LAUTO, LAUTO },
	.bpd = { LAUTO, LAUTO, LAUTO },
	.background = FO_TRANSPARENT,
};

static const struct fo_inh S_inh_initial = {
	.font_family = "宋体",
	.font_size = 12,
	.line_height = 14.4,
	.line_height_factor = 1.2,
	.rule_thickness = 1,
	.text_indent = L0,
	.start_indent = L0,
	.end_indent = L0,
	.leader_length = { L0, { 12, 0, FO_LEN }, { 0, 100, FO_LEN } },
	.pdbs = { 24, 0, FO_LEN },
	.pls = { 6, 0, FO_LEN },
	.color = 0x000000,
	.font_weight = 400,
	.text_align = FO_ALIGN_START,
	.text_align_last = FO_ALIGN_RELATIVE,
	.display_align = FO_DALIGN_AUTO,
	.ws_collapse = 1,
	.wrap = 1,
	.widows = 2,
	.orphans = 2,
	.border_collapse = 1,
	.leader_pattern = FO_LP_SPACE,
	.rule_style = FO_BS_SOLID,
	.autospace = 60,	/* a quarter em */
};


/* ---- interning of groups ---- */

struct fo_intern {
	const void	**slot;
	size_t		 cap, n, size;
	const void	*last;		/* the last one returned: rows repeat */
};

static uint64_t
S_hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211ull;
	return h;
}

static const void *
S_intern(struct fo_ctx *c, struct fo_intern *t, const void *v)
{
	uint64_t h;
	size_t i;
	void *p;

	if (t->last && memcmp(t->last, v, t->size) == 0)
		return t->last;
	h = S_hash_bytes(v, t->size);

	if (2 * (t->n + 1) > t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 64;
		const void **s = xcalloc(cap, sizeof *s);
		for (size_t j = 0; j < t->cap; j++) {
			if (t->slot[j] == NULL)
				continue;
			for (i = S_hash_bytes(t->slot[j], t->size) & (cap - 1);
			    s[i]; i = (i + 1) & (cap - 1))
				;
			s[i] = t->slot[j];
		}
		free(t->slot);
		t->slot = s;
		t->cap = cap;
	}
	for (i = h & (t->cap - 1); t->slot[i]; i = (i + 1) & (t->cap - 1))
		if (memcmp(t->slot[i], v, t->size) == 0)
			return t->last = t->slot[i];
	p = fo_alloc(c->tree, t->size);
	memcpy(p, v, t->size);
	t->slot[i] = p;
	t->n++;
	return t->last = p;
}

/* Strings that take part in group comparison are interned too, so equal
 * strings have equal pointers. */
struct S_strtab {
	const char	**slot;
	size_t		 cap, n;
};

const char *
fo_str_intern(struct fo_ctx *c, const char *s, size_t len)
{
	struct S_strtab *t = (struct S_strtab *)c->str_set;
	uint64_t h = S_hash_bytes(s, len);
	size_t i;
	const char *p;

	if (2 * (t->n + 1) > t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 32;
		const char **nw = xcalloc(cap, sizeof *nw);
		for (size_t j = 0; j < t->cap; j++) {
			if (t->slot[j] == NULL)
				continue;
			for (i = S_hash_bytes(t->slot[j], strlen(t->slot[j])) &
			    (cap - 1); nw[i]; i = (i + 1) & (cap - 1))
				;
			nw[i] = t->slot[j];
		}
		free(t->slot);
		t->slot = nw;
		t->cap = cap;
	}
	for (i = h & (t->cap - 1); t->slot[i]; i = (i + 1) & (t->cap - 1))
		if (strlen(t->slot[i]) == len && memcmp(t->slot[i], s, len) == 0)
			return t->slot[i];
	p = fo_strdup(c->tree, s, len);
	t->slot[i] = p;
	t->n++;
	return p;
}

void
fo_props_init(struct fo_ctx *c)
{
	struct fo_intern *ti = xcalloc(1, sizeof *ti), *tb = xcalloc(1, sizeof *tb);
	struct S_strtab *ts = xcalloc(1, sizeof *ts);

	ti->size = sizeof(struct fo_inh);
	tb->size = sizeof(struct fo_box);
	c->inh_set = ti;
	c->box_set = tb;
	c->str_set = ts;
	/* The initial family, interned so that "宋体" set explicitly shares. */
	struct fo_inh in;
	memcpy(&in, &S_inh_initial, sizeof in);
	in.font_family = fo_str_intern(c, in.font_family,
	    strlen(in.font_family));
	c->inh_initial = S_intern(c, ti, &in);
}

void
fo_props_done(struct fo_ctx *c)
{
	struct S_strtab *ts = (struct S_strtab *)c->str_set;

	free(c->inh_set->slot);
	free(c->inh_set);
	free(c->box_set->slot);
	free(c->box_set);
	free(ts->slot);
	free(ts);
	c->inh_set = c->box_set = NULL;
	c->str_set = NULL;
}

/* ---- one element ---- */

static void
S_bad(struct fo_pstate *p, const char *prop, const char *val, const char *why)
{
	if (fo_once(p->c, prop, val, fo_kind_name(p->n->kind)))
		diag_node(W_FO_VALUE, p->el, fo_kind_name(p->n->kind), prop, val,
		    why);
}

static int
S_ref_area(int kind)
{
	return kind == FO_BLOCK_CONTAINER || kind == FO_TABLE_CELL ||
	    (kind >= FO_REGION_BODY && kind <= FO_REGION_END);
}

static int
S_block_level(int kind)
{
	return kind == FO_BLOCK || kind == FO_BLOCK_CONTAINER ||
	    kind == FO_TABLE || kind == FO_TABLE_CELL ||
	    kind == FO_LIST_BLOCK || kind == FO_LIST_ITEM;
}

static struct fo_len
S_len_add(struct fo_len a, struct fo_len b)
{
	if (b.kind == FO_LEN) {
		a.pt += b.pt;
		a.pct += b.pct;
	}
	return a;
}

static struct fo_len
S_pt(double v)
{
	struct fo_len l;
	memset(&l, 0, sizeof l);
	l.pt = v;
	l.kind = FO_LEN;
	return l;
}

static void
S_range_fix(struct fo_range *r)
{
	/* only .optimum given: min and max follow it */
	if (r->opt.kind == FO_LEN && r->min.kind == FO_LEN &&
	    r->min.pt > r->opt.pt && r->min.pct == 0 && r->opt.pct == 0)
		r->min = r->opt;
	if (r->opt.kind == FO_LEN && r->max.kind == FO_LEN &&
	    r->max.pt < r->opt.pt && r->max.pct == 0 && r->opt.pct == 0)
		r->max = r->opt;
}

/* Order of attributes: by prio, then document order. */
struct pattr {
	const struct fo_pdef *d;
	const char	*name;
	const char	*value;
};

#define MAX_ATTRS 128

void
fo_props_compute(struct fo_ctx *c, struct fo_node *n, xmlNode *el,
    const struct fo_node *parent)
{
	struct fo_pstate *p, ps_store;
	struct pattr at[MAX_ATTRS];
	xmlChar *vals[MAX_ATTRS];
	int nat = 0, inh_touched = 0, box_touched = 0;
	int kind = n->kind;

	p = &ps_store;
	p->c = c;
	p->n = n;
	p->el = el;
	p->pin = parent ? parent->inh : NULL;
	memcpy(&p->in, parent ? parent->inh : c->inh_initial, sizeof p->in);
	memcpy(&p->bx, &fo_box_initial, sizeof p->bx);
	p->margin_set = p->margin_explicit = p->start_set = p->end_set = 0;
	p->lh_set = p->space_set = 0;
	memset(p->margin, 0, sizeof p->margin);
	memset(&p->m, 0, sizeof p->m);
	memset(&p->r, 0, sizeof p->r);
	p->r.column_count = 1;
	p->r.column_gap = 12;
	memset(&p->g, 0, sizeof p->g);
	p->m.page_width = A4_W;
	p->m.page_height = A4_H;
	p->g.uniform = 1;
	p->g.content_width.kind = p->g.content_height.kind = FO_AUTO;
	p->ct = fo_container_initial;
	p->shift = 0;
	p->shift_set = 0;
	switch (kind) {
	case FO_TABLE_COLUMN:
		n->u.column.width.kind = FO_AUTO;
		n->u.column.repeated = 1;
		break;
	case FO_TABLE_CELL:
		n->u.cell.cols_spanned = n->u.cell.rows_spanned = 1;
		break;
	case FO_PAGE_SEQUENCE:
		n->u.seq.initial_page_number = FO_PAGE_AUTO;
		break;
	case FO_REPEATABLE_PAGE_MASTER_REFERENCE:
	case FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES:
		n->u.pm.max_repeats = FO_REPEATS_NO_LIMIT;
		break;
	default:
		break;
	}

	/* Collect the attributes. */
	for (xmlAttr *a = el->properties; a; a = a->next) {
		const char *name = (const char *)a->name;
		const struct fo_pdef *d;

		if (a->ns) {
			/* xml:lang is lang; wsdoc's namespace has its own
			 * properties; other namespaces are not ours */
			if (a->ns->prefix && !strcmp((const char *)a->ns->prefix, "xml") &&
			    !strcmp(name, "lang")) {
				d = fo_pdef_find("language");
			} else if (a->ns->href && !strcmp((const char *)a->ns->href,
			    "urn:x-wsdoc:fo") && !strcmp(name, "text-autospace")) {
				d = fo_pdef_find("ws:text-autospace");
			} else
				continue;
		} else if ((d = fo_cache_get(c->attr_cache, 512, name)) == NULL &&
		    (d = fo_pdef_find(name)) != NULL) {
			fo_cache_put(c->attr_cache, 512, name, d);
		}
		if (d == NULL) {
			if (fo_once(c, "prop", name, fo_kind_name(kind)))
				diag_node(W_FO_PROPERTY, el, fo_kind_name(kind), name);
			continue;
		}
		if (nat == MAX_ATTRS)
			break;
		at[nat].d = d;
		at[nat].name = name;
		if (a->children && a->children->type == XML_TEXT_NODE &&
		    a->children->next == NULL) {
			vals[nat] = NULL;	/* the usual case: no copy */
			at[nat].value = (const char *)a->children->content;
		} else {
			vals[nat] = xmlNodeGetContent((xmlNode *)a);
			at[nat].value = vals[nat] ? (const char *)vals[nat] : "";
		}
		nat++;
	}
	/* Stable order by priority (few attributes: insertion sort). */
	for (int i = 1; i < nat; i++) {
		struct pattr t = at[i];
		xmlChar *tv = vals[i];
		int j = i;
		for (; j > 0 && at[j - 1].d->prio > t.d->prio; j--) {
			at[j] = at[j - 1];
			vals[j] = vals[j - 1];
		}
		at[j] = t;
		vals[j] = tv;
	}
	for (int i = 0; i < nat; i++) {
		const char *v = at[i].value, *why;
		char *trim = NULL;
		size_t len;

		/* trim surrounding white space */
		v = fo_skip(v);
		len = strlen(v);
		if (len && (v[len - 1] == ' ' || v[len - 1] == '\t' ||
		    v[len - 1] == '\n' || v[len - 1] == '\r')) {
			trim = xstrdup(v);
			while (len && (trim[len - 1] == ' ' || trim[len - 1] == '\t'
			    || trim[len - 1] == '\n' || trim[len - 1] == '\r'))
				trim[--len] = '\0';
			v = trim;
		}
		if (!strcmp(v, "inherit") && at[i].d->id != P_ID) {
			/* inherited properties already hold the parent's value;
			 * the others keep their initial one */
		} else if ((why = fo_apply(p, at[i].d, v)) != NULL) {
			if (*why == '\0') {
				if (fo_once(c, "prop", at[i].name, fo_kind_name(kind)))
					diag_node(W_FO_PROPERTY, el,
					    fo_kind_name(kind), at[i].name);
			}
			else
				S_bad(p, at[i].name, v, why);
		}
		free(trim);
		if (vals[i])
			xmlFree(vals[i]);
	}

	/* Dependent values. */
	if (S_block_level(kind) || kind == FO_LIST_ITEM_LABEL ||
	    kind == FO_LIST_ITEM_BODY)
		p->in.baseline_shift = 0;	/* a new line area */
	if (p->shift_set)
		p->in.baseline_shift += p->shift;
	if (p->in.line_height_factor > 0)
		p->in.line_height = p->in.line_height_factor * p->in.font_size;
	for (int i = 0; i < 4; i++) {
		struct fo_border *b = &p->bx.border[i];
		if (b->style == FO_BS_NONE || b->style == FO_BS_HIDDEN)
			b->width = 0;
	}
	S_range_fix(&p->bx.space_before.r);
	S_range_fix(&p->bx.space_after.r);
	S_range_fix(&p->in.leader_length);

	/* Margins: of the page master and region-body they are the
	 * geometry; on block-level objects they are the corresponding
	 * space-before/after (retained, as margins are in CSS) and start/end
	 * indents (XSL 1.1 §5.3.2). */
	if (kind == FO_SIMPLE_PAGE_MASTER || kind == FO_REGION_BODY) {
		struct fo_len *dst = kind == FO_SIMPLE_PAGE_MASTER ? p->m.margin :
		    p->r.margin;
		for (int i = 0; i < 4; i++)
			if (p->margin_set & (1u << i))
				dst[i] = p->margin[i].kind == FO_LEN ?
				    p->margin[i] : S_pt(0);
		if (kind == FO_REGION_BODY) {
			/* the relative forms, where no margin says otherwise */
			if (!(p->margin_set & 1) && p->bx.space_before.r.opt.pt)
				dst[FO_BEFORE] = p->bx.space_before.r.opt;
			if (!(p->margin_set & 2) && p->bx.space_after.r.opt.pt)
				dst[FO_AFTER] = p->bx.space_after.r.opt;
			if (!(p->margin_set & 4) && p->start_set)
				dst[FO_START] = p->in.start_indent;
			if (!(p->margin_set & 8) && p->end_set)
				dst[FO_END] = p->in.end_indent;
		}
		/* the page's indents do not flow into the content */
		if (p->start_set || p->end_set) {
			p->in.start_indent = p->pin ? p->pin->start_indent : S_pt(0);
			p->in.end_indent = p->pin ? p->pin->end_indent : S_pt(0);
		}
	} else if (S_block_level(kind) && p->margin_set) {
		static const int sides[2] = { FO_START, FO_END };
		for (int s = 0; s < 2; s++) {
			int side = sides[s];
			struct fo_len *ind = side == FO_START ?
			    &p->in.start_indent : &p->in.end_indent;
			struct fo_len v;
			/* a margin, even from the shorthand, wins over an
			 * explicit start-indent (§5.3.2; FOP does the same) */
			if (!(p->margin_set & (1u << side)))
				continue;
			v = S_ref_area(kind) ? S_pt(0) : (p->pin ? (side == FO_START ?
			    p->pin->start_indent : p->pin->end_indent) : S_pt(0));
			v = S_len_add(v, p->margin[side]);
			v = S_len_add(v, p->bx.padding[side]);
			v.pt += p->bx.border[side].width;
			*ind = v;
		}
		for (int side = FO_BEFORE; side <= FO_AFTER; side++) {
			struct fo_space *sp = side == FO_BEFORE ?
			    &p->bx.space_before : &p->bx.space_after;
			struct fo_len m = p->margin[side];
			if (!(p->margin_set & (1u << side)))
				continue;
			/* margin-top wins over space-before; the margin
			 * shorthand does not */
			if ((p->space_set & (side == FO_BEFORE ? 1 : 2)) &&
			    !(p->margin_explicit & (1u << side)))
				continue;
			if (m.kind != FO_LEN)
				m = S_pt(0);
			m.pct = 0;	/* no percentages in spaces */
			sp->r.min = sp->r.opt = sp->r.max = m;
			sp->retain = 1;
		}
	}

	/* An indent given on a child of a block-container counts from the
	 * container's content edge (XSL 1.1 §5.3.2), where the layout
	 * measures the children's indents from the container's own
	 * (lay_child_base): that is added here, so start-indent="0pt" puts
	 * the child at the container's edge, not at its parent's.  Likewise
	 * on a child of a flow, a static-content or a footnote-body, measured
	 * from their own indent (lay_measure_flow): a footnote in a list
	 * item's body put its start-indent="0.5cm" block 50pt left of the
	 * page. */
	if (parent != NULL && (parent->kind == FO_BLOCK_CONTAINER ||
	    parent->kind == FO_FLOW || parent->kind == FO_STATIC_CONTENT ||
	    parent->kind == FO_FOOTNOTE_BODY) &&
	    p->pin != NULL && S_block_level(kind)) {
		if (p->start_set && !(p->margin_set & (1u << FO_START)))
			p->in.start_indent = S_len_add(p->in.start_indent,
			    p->pin->start_indent);
		if (p->end_set && !(p->margin_set & (1u << FO_END)))
			p->in.end_indent = S_len_add(p->in.end_indent,
			    p->pin->end_indent);
	}

	/* Kind-specific parts. */
	switch (kind) {
	case FO_SIMPLE_PAGE_MASTER: {
		struct fo_master *m = fo_alloc(c->tree, sizeof *m);
		*m = p->m;
		if (m->name == NULL)
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "master-name");
		n->u.master = m;
		break;
	}
	case FO_REGION_BODY: case FO_REGION_BEFORE: case FO_REGION_AFTER:
	case FO_REGION_START: case FO_REGION_END: {
		static const char *const def[] = { "xsl-region-body",
			"xsl-region-before", "xsl-region-after",
			"xsl-region-start", "xsl-region-end" };
		struct fo_region *r = fo_alloc(c->tree, sizeof *r);
		*r = p->r;
		if (r->region_name == NULL)
			r->region_name = def[kind - FO_REGION_BODY];
		n->u.region = r;
		break;
	}
	case FO_EXTERNAL_GRAPHIC: {
		struct fo_graphic *g = fo_alloc(c->tree, sizeof *g);
		*g = p->g;
		if (g->src == NULL)
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "src");
		n->u.graphic = g;
		break;
	}
	case FO_PAGE_SEQUENCE:
		if (n->u.seq.master_reference == NULL)
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "master-reference");
		break;
	case FO_PAGE_SEQUENCE_MASTER:
		if (n->u.pm.name == NULL)
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "master-name");
		break;
	case FO_MARKER:
		if (n->u.marker.cls == NULL)
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "marker-class-name");
		break;
	case FO_RETRIEVE_MARKER:
		if (n->u.marker.cls == NULL)
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "retrieve-class-name");
		break;
	case FO_SINGLE_PAGE_MASTER_REFERENCE:
	case FO_REPEATABLE_PAGE_MASTER_REFERENCE:
	case FO_CONDITIONAL_PAGE_MASTER_REFERENCE:
		if (n->u.pm.name == NULL)
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "master-reference");
		break;
	case FO_FLOW:
	case FO_STATIC_CONTENT:
		if (n->u.flow_name == NULL) {
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "flow-name");
			n->u.flow_name = kind == FO_FLOW ? "xsl-region-body" : "";
		}
		break;
	case FO_PAGE_NUMBER_CITATION:
	case FO_PAGE_NUMBER_CITATION_LAST:
		if (n->u.ref_id == NULL)
			diag_node(W_FO_MISSING, el, fo_kind_name(kind), "ref-id");
		break;
	case FO_TABLE_COLUMN:
		/* column-number: given, or the previous column's next */
		if (n->u.column.number == 0) {
			int next = 1;
			for (struct fo_node *s = parent ? parent->first : NULL;
			    s && s != n; s = s->next)
				if (s->kind == FO_TABLE_COLUMN)
					next = s->u.column.number + s->u.column.repeated;
			n->u.column.number = next;
		}
		break;
	case FO_BLOCK_CONTAINER:
		if (memcmp(&p->ct, &fo_container_initial, sizeof p->ct) == 0)
			n->u.container = &fo_container_initial;
		else {
			struct fo_container *ct = fo_alloc(c->tree, sizeof *ct);
			*ct = p->ct;
			n->u.container = ct;
		}
		break;
	default:
		break;
	}

	/* Share the groups. */
	inh_touched = memcmp(&p->in, p->pin ? p->pin : c->inh_initial,
	    sizeof p->in) != 0;
	box_touched = memcmp(&p->bx, &fo_box_initial, sizeof p->bx) != 0;
	n->inh = inh_touched ? S_intern(c, c->inh_set, &p->in) :
	    (p->pin ? p->pin : c->inh_initial);
	n->box = box_touched ? S_intern(c, c->box_set, &p->bx) : &fo_box_initial;
}

