/* fo_prop.c — computed properties of FO elements: parsing of values,
 * shorthands, corresponding properties, inheritance, XSL 1.1 initials. */
#include <stdlib.h>
#include <string.h>

#include "../diag/diag.h"
#include "../util/util.h"
#include "fo_int.h"

#define INIT_SPACE { { { 0, 0, FO_LEN }, { 0, 0, FO_LEN }, { 0, 0, FO_LEN } }, 0 }
#define INIT_BORDER { 0, 0x000000, FO_BS_NONE, 0 }
#define AUTO_RANGE { { 0, 0, FO_AUTO }, { 0, 0, FO_AUTO }, { 0, 0, FO_AUTO } }

const struct fo_box fo_box_initial = {
	.space_before = INIT_SPACE,
	.space_after = INIT_SPACE,
	.border = { INIT_BORDER, INIT_BORDER, INIT_BORDER, INIT_BORDER },
	.background = FO_TRANSPARENT,
	.ipd = AUTO_RANGE,
	.bpd = AUTO_RANGE,
};

static const struct fo_inh S_inh_initial = {
	.font_family = "宋体",
	.font_size = 12,
	.line_height = 14.4,
	.line_height_factor = 1.2,
	.color = 0x000000,
	.font_weight = 400,
	.text_align = FO_ALIGN_START,
	.text_align_last = FO_ALIGN_RELATIVE,
	.ws_collapse = 1,
	.wrap = 1,
	.widows = 2,
	.orphans = 2,
	.border_collapse = 1,
	.leader_pattern = FO_LP_SPACE,
	.rule_style = FO_BS_SOLID,
	.rule_thickness = 1,
	.leader_length = { { 0, 0, FO_LEN }, { 12, 0, FO_LEN }, { 0, 100, FO_LEN } },
};

void
fo_props_init(struct fo_ctx *c)
{
	c->inh_initial = &S_inh_initial;
}

void
fo_props_done(struct fo_ctx *c)
{
	(void)c;
}

void
fo_props_compute(struct fo_ctx *c, struct fo_node *n, xmlNode *el,
    const struct fo_node *parent)
{
	n->inh = parent ? parent->inh : c->inh_initial;
	n->box = &fo_box_initial;
	xmlChar *v;
	if ((v = xmlGetNoNsProp(el, BAD_CAST "id")) != NULL) {
		n->id = fo_strdup(c->tree, (char *)v, strlen((char *)v));
		xmlFree(v);
	}
	if (n->kind == FO_SIMPLE_PAGE_MASTER) {
		struct fo_master *m = fo_alloc(c->tree, sizeof *m);
		m->page_width = 595.28;
		m->page_height = 841.89;
		if ((v = xmlGetNoNsProp(el, BAD_CAST "master-name")) != NULL) {
			m->name = fo_strdup(c->tree, (char *)v, strlen((char *)v));
			xmlFree(v);
		}
		n->u.master = m;
	}
	if (n->kind == FO_FLOW || n->kind == FO_STATIC_CONTENT) {
		if ((v = xmlGetNoNsProp(el, BAD_CAST "flow-name")) != NULL) {
			n->u.flow_name = fo_strdup(c->tree, (char *)v, strlen((char *)v));
			xmlFree(v);
		}
	}
}
