/* fo_apply_kind.c — the properties that fill one kind's own part: names
 * and references, pages and page masters, regions, the page level
 * (conditions, repeats, columns, markers), tables and graphics. */
#include <string.h>

#include "fo_prop_int.h"

/* A page master reference: its master-reference is u.pm.name. */
static int
S_master_ref(int kind)
{
	return kind == FO_SINGLE_PAGE_MASTER_REFERENCE ||
	    kind == FO_REPEATABLE_PAGE_MASTER_REFERENCE ||
	    kind == FO_CONDITIONAL_PAGE_MASTER_REFERENCE;
}

/* Apply one of this file's properties (fo_apply hands them here).
 * Returns NULL, or why the value is not usable. */
const char *
fo_apply_kind(struct fo_pstate *p, const struct fo_pdef *d, const char *v,
    double em)
{
	struct fo_node *n = p->n;
	struct fo_len l;
	const char *why;
	int k;
	double x;

	switch (d->id) {
	/* names and references */
	case P_ID:
		if (!*fo_skip(v))
			return "id 不能为空";
		p->n->id = fo_strdup_val(p, v);
		return NULL;
	case P_MASTER_NAME:
		if (p->n->kind == FO_SIMPLE_PAGE_MASTER)
			p->m.name = fo_strdup_val(p, v);
		else if (p->n->kind == FO_PAGE_SEQUENCE_MASTER)
			p->n->u.pm.name = fo_strdup_val(p, v);
		return NULL;
	case P_MASTER_REFERENCE:
		if (p->n->kind == FO_PAGE_SEQUENCE)
			p->n->u.seq.master_reference = fo_strdup_val(p, v);
		else if (S_master_ref(p->n->kind))
			p->n->u.pm.name = fo_strdup_val(p, v);
		return NULL;
	case P_FLOW_NAME:
		if (p->n->kind == FO_FLOW || p->n->kind == FO_STATIC_CONTENT)
			p->n->u.flow_name = fo_strdup_val(p, v);
		return NULL;
	case P_REGION_NAME:
		p->r.region_name = fo_strdup_val(p, v);
		return NULL;
	case P_REF_ID:
		if (p->n->kind == FO_PAGE_NUMBER_CITATION ||
		    p->n->kind == FO_PAGE_NUMBER_CITATION_LAST)
			p->n->u.ref_id = fo_strdup_val(p, v);
		return NULL;
	case P_INTERNAL_DESTINATION:
	case P_EXTERNAL_DESTINATION:
		if (p->n->kind != FO_BASIC_LINK && p->n->kind != FO_BOOKMARK)
			return NULL;
		if (d->id == P_INTERNAL_DESTINATION)
			p->n->u.link.internal = fo_strdup_val(p, v);
		else
			p->n->u.link.external = fo_strdup_val(p, v);
		return NULL;

	/* pages */
	case P_PAGE_WIDTH:
	case P_PAGE_HEIGHT:
		if (!strcmp(v, "auto") || !strcmp(v, "indefinite"))
			x = d->id == P_PAGE_WIDTH ? A4_W : A4_H;
		else {
			if ((why = fo_length(v, em, 0, &l)) != NULL)
				return why;
			if (l.pt < 36)
				return "页面太小，至少 36pt";
			x = l.pt;
		}
		if (d->id == P_PAGE_WIDTH)
			p->m.page_width = x;
		else
			p->m.page_height = x;
		return NULL;
	case P_EXTENT:
		/* a percentage of the page's height (before, after) or width */
		if ((why = fo_length(v, em, LA_PCT, &l)) != NULL)
			return why;
		if (l.pt < 0 || l.pct < 0)
			return "不能为负数";
		p->r.extent = l.pt;
		p->r.extent_pct = l.pct;
		return NULL;
	/* the page level: conditions of a conditional-page-master-reference,
	 * maximum-repeats, force-page-count, columns of a region-body, span,
	 * markers */
	case P_PAGE_POSITION: {
		static const char *const kw[] = { "any", "first", "last", "rest",
			"only", NULL };
		if ((k = fo_kw(v, kw)) < 0)
			return "应为 first、last、rest、only 或 any";
		if (n->kind == FO_CONDITIONAL_PAGE_MASTER_REFERENCE)
			n->u.pm.page_position = (uint8_t)k;
		return NULL;
	}
	case P_ODD_OR_EVEN: {
		static const char *const kw[] = { "any", "odd", "even", NULL };
		if ((k = fo_kw(v, kw)) < 0)
			return "应为 odd、even 或 any";
		if (n->kind == FO_CONDITIONAL_PAGE_MASTER_REFERENCE)
			n->u.pm.odd_or_even = (uint8_t)k;
		return NULL;
	}
	case P_BLANK_OR_NOT_BLANK: {
		static const char *const kw[] = { "any", "blank", "not-blank", NULL };
		if ((k = fo_kw(v, kw)) < 0)
			return "应为 blank、not-blank 或 any";
		if (n->kind == FO_CONDITIONAL_PAGE_MASTER_REFERENCE)
			n->u.pm.blank = (uint8_t)k;
		return NULL;
	}
	case P_MAXIMUM_REPEATS:
		if (!strcmp(v, "no-limit"))
			k = FO_REPEATS_NO_LIMIT;
		else if (fo_integer(v, 0, 1000000, &k) < 0)
			return "应为 no-limit 或不小于 0 的整数";
		if (n->kind == FO_REPEATABLE_PAGE_MASTER_REFERENCE ||
		    n->kind == FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES)
			n->u.pm.max_repeats = k;
		return NULL;
	case P_FORCE_PAGE_COUNT: {
		static const char *const kw[] = { "auto", "even", "odd",
			"end-on-even", "end-on-odd", "no-force", NULL };
		if ((k = fo_kw(v, kw)) < 0)
			return "应为 auto、even、odd、end-on-even、end-on-odd 或 no-force";
		if (n->kind == FO_PAGE_SEQUENCE)
			n->u.seq.force_page_count = k;
		return NULL;
	}
	case P_COLUMN_COUNT:
		if (fo_integer(v, 1, 64, &k) < 0)
			return "应为 1 到 64 的整数";
		p->r.column_count = k;
		return NULL;
	case P_COLUMN_GAP:
		if ((why = fo_length(v, em, 0, &l)) != NULL)
			return why;
		if (l.pt < 0)
			return "不能为负数";
		p->r.column_gap = l.pt;
		return NULL;
	case P_MARKER_CLASS_NAME:
	case P_RETRIEVE_CLASS_NAME:
		if (!*v)
			return "类名不能为空";
		if ((d->id == P_MARKER_CLASS_NAME && n->kind == FO_MARKER) ||
		    (d->id == P_RETRIEVE_CLASS_NAME && n->kind == FO_RETRIEVE_MARKER))
			n->u.marker.cls = fo_strdup_val(p, v);
		return NULL;
	case P_RETRIEVE_POSITION: {
		static const char *const kw[] = { "first-starting-within-page",
			"first-including-carryover", "last-starting-within-page",
			"last-ending-within-page", NULL };
		if ((k = fo_kw(v, kw)) < 0)
			return "应为 first-starting-within-page、first-including-carryover、last-starting-within-page 或 last-ending-within-page";
		if (n->kind == FO_RETRIEVE_MARKER)
			n->u.marker.position = (uint8_t)k;
		return NULL;
	}
	case P_RETRIEVE_BOUNDARY: {
		static const char *const kw[] = { "page-sequence", "page",
			"document", NULL };
		if ((k = fo_kw(v, kw)) < 0)
			return "应为 page-sequence、page 或 document";
		if (n->kind == FO_RETRIEVE_MARKER)
			n->u.marker.boundary = (uint8_t)k;
		return NULL;
	}
	case P_SPAN:
		if (!strcmp(v, "none")) p->bx.span = 0;
		else if (!strcmp(v, "all")) p->bx.span = 1;
		else return "应为 none 或 all";
		return NULL;
	case P_PRECEDENCE:
		if (!strcmp(v, "true")) p->r.precedence = 1;
		else if (!strcmp(v, "false")) p->r.precedence = 0;
		else return "应为 true 或 false";
		return NULL;
	case P_INITIAL_PAGE_NUMBER:
		if (p->n->kind != FO_PAGE_SEQUENCE)
			return NULL;
		if (!strcmp(v, "auto"))
			p->n->u.seq.initial_page_number = FO_PAGE_AUTO;
		else if (!strcmp(v, "auto-odd"))
			p->n->u.seq.initial_page_number = FO_PAGE_AUTO_ODD;
		else if (!strcmp(v, "auto-even"))
			p->n->u.seq.initial_page_number = FO_PAGE_AUTO_EVEN;
		else if (fo_integer(v, 1, 1000000, &k) == 0)
			p->n->u.seq.initial_page_number = k;
		else
			return "应为 auto 或正整数";
		return NULL;

	/* tables */
	case P_TABLE_LAYOUT:
		if (!strcmp(v, "fixed") || !strcmp(v, "auto")) {
			if (p->n->kind == FO_TABLE)
				p->n->u.table.fixed = v[0] == 'f';
			return NULL;
		}
		return "应为 fixed 或 auto";
	case P_COLUMN_WIDTH:
		x = 0;
		if ((why = fo_length_ex(v, em, LA_PCT | LA_AUTO | LA_PROP, NULL,
		    &l, &x)) != NULL)
			return why;
		if (p->n->kind == FO_TABLE_COLUMN) {
			p->n->u.column.width = l;
			p->n->u.column.fixed = l.kind == FO_PROPORTIONAL ? x : 0;
		}
		return NULL;
	case P_COLUMN_NUMBER:
		if (fo_integer(v, 1, MAX_COUNT, &k) < 0)
			return "应为 1 到 1000 的整数";
		if (p->n->kind == FO_TABLE_COLUMN)
			p->n->u.column.number = k;
		else if (p->n->kind == FO_TABLE_CELL)
			p->n->u.cell.column_number = k;
		return NULL;
	case P_COLS_REPEATED:
		if (fo_integer(v, 1, MAX_COUNT, &k) < 0)
			return "应为 1 到 1000 的整数";
		if (p->n->kind == FO_TABLE_COLUMN)
			p->n->u.column.repeated = k;
		return NULL;
	case P_COLS_SPANNED:
	case P_ROWS_SPANNED:
		if (fo_integer(v, 1, MAX_COUNT, &k) < 0)
			return "应为 1 到 1000 的整数";
		if (p->n->kind == FO_TABLE_CELL) {
			if (d->id == P_COLS_SPANNED)
				p->n->u.cell.cols_spanned = k;
			else
				p->n->u.cell.rows_spanned = k;
		}
		return NULL;

	/* graphics */
	case P_SRC:
		if (!*fo_skip(v))
			return "src 不能为空";
		p->g.src = fo_src(p, v);
		return NULL;
	case P_CONTENT_WIDTH:
	case P_CONTENT_HEIGHT:
		if ((why = fo_length(v, em, LA_PCT | LA_AUTO | LA_FIT, &l)) != NULL)
			return why;
		if (d->id == P_CONTENT_WIDTH)
			p->g.content_width = l;
		else
			p->g.content_height = l;
		return NULL;
	case P_SCALING:
		if (!strcmp(v, "uniform")) p->g.uniform = 1;
		else if (!strcmp(v, "non-uniform")) p->g.uniform = 0;
		else return "应为 uniform 或 non-uniform";
		return NULL;
	default:
		return NULL;
	}
}
