/* fo_apply.c — one property applied to the element being computed: the
 * inherited group (fonts, text, leaders, lists), the box (spaces,
 * margins, padding, borders, dimensions, keeps) and positions.  The
 * properties of one kind's own part are fo_apply_kind.c. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "fo_prop_int.h"

static const double S_font_kw[] = { 6.944, 8.333, 10, 12, 14.4, 17.28, 20.736 };
static const char *const S_font_kws[] = { "xx-small", "x-small", "small",
	"medium", "large", "x-large", "xx-large", NULL };

static struct fo_keep *
S_keep_of(struct fo_pstate *p, int which)
{
	return which == KP_TOGETHER ? &p->in.keep_together :
	    which == KP_NEXT ? &p->bx.keep_with_next : &p->bx.keep_with_previous;
}

/* baseline-shift (baseline, sub, super, a length, a percentage of the
 * parent's line-height) and the vertical-align shorthand, which also maps
 * top/middle/bottom on a table-cell onto display-align (XSL 1.1
 * §7.31.22).  super raises by a third of the parent's font-size, sub
 * lowers by a fifth. */
static const char *
S_shift(struct fo_pstate *p, int valign, const char *v)
{
	double pfs = p->pin ? p->pin->font_size : 12;
	double plh = p->pin ? p->pin->line_height : 14.4;
	struct fo_len l;
	const char *why;

	if (valign && p->n->kind == FO_TABLE_CELL) {
		static const char *const kw[] = { "top", "middle", "bottom",
			"baseline", NULL };
		static const uint8_t da[] = { FO_DALIGN_BEFORE, FO_DALIGN_CENTER,
			FO_DALIGN_AFTER, FO_DALIGN_AUTO };
		int k = fo_kw(v, kw);
		if (k < 0)
			return "table-cell 上应为 top、middle、bottom 或 baseline";
		p->in.display_align = da[k];
		return NULL;
	}
	if (!strcmp(v, "baseline"))
		p->shift = 0;
	else if (!strcmp(v, "super"))
		p->shift = pfs / 3;
	else if (!strcmp(v, "sub"))
		p->shift = -pfs / 5;
	else if (valign && (!strcmp(v, "top") || !strcmp(v, "text-top") ||
	    !strcmp(v, "middle") || !strcmp(v, "bottom") ||
	    !strcmp(v, "text-bottom")))
		return "只支持 baseline、sub、super、长度和百分比（top、middle、bottom 只用于 table-cell）";
	else {
		if ((why = fo_length(v, p->in.font_size, LA_PCT | LA_NEG, &l)) != NULL)
			return why;
		p->shift = l.pt + l.pct * plh / 100;
		if (fabs(p->shift) > 1000)
			return "超出合理范围";
	}
	p->shift_set = 1;
	return NULL;
}

/* Apply one property.  Returns NULL, or why the value is not usable. */
const char *
fo_apply(struct fo_pstate *p, const struct fo_pdef *d, const char *v)
{
	struct fo_inh *in = &p->in;
	struct fo_box *bx = &p->bx;
	double em = in->font_size;
	struct fo_len l;
	struct fo_expr_env env;
	const char *why;
	char w[4][64];
	int k, idx[4], nw;
	uint32_t col;
	double x;

	switch ((enum pid)d->id) {
	case P_IGNORE:
		return NULL;
	case P_DEFAULT_ONLY:
		if (strcmp(fo_skip(v), d->initial) != 0)
			return "";	/* reported as unsupported */
		return NULL;

	/* fonts and colour (computed first) */
	case P_FONT_SIZE:
		em = p->pin ? p->pin->font_size : 12;
		if ((k = fo_kw(v, S_font_kws)) >= 0)
			x = S_font_kw[k];
		else if (!strcmp(v, "larger"))
			x = em * 1.2;
		else if (!strcmp(v, "smaller"))
			x = em / 1.2;
		else {
			if ((why = fo_length(v, em, LA_PCT, &l)) != NULL)
				return why;
			x = l.pt + l.pct * em / 100;
		}
		if (x <= 0 || x > 1000)
			return x <= 0 ? "字号应大于 0" : "字号不能超过 1000pt";
		in->font_size = x;
		return NULL;
	case P_FONT_FAMILY: {
		const char *f = fo_family(p, v);
		if (f == NULL)
			return "没有字体名";
		in->font_family = f;
		return NULL;
	}
	case P_FONT_WEIGHT:
		if (!strcmp(v, "normal")) in->font_weight = 400;
		else if (!strcmp(v, "bold")) in->font_weight = 700;
		else if (!strcmp(v, "bolder"))
			in->font_weight = in->font_weight < 600 ? 700 : 900;
		else if (!strcmp(v, "lighter"))
			in->font_weight = in->font_weight >= 600 ? 400 : 100;
		else if (fo_integer(v, 100, 900, &k) == 0 && k % 100 == 0)
			in->font_weight = (uint16_t)k;
		else
			return "应为 normal、bold 或 100–900";
		return NULL;
	case P_FONT_STYLE:
		if (!strcmp(v, "normal")) in->italic = 0;
		else if (!strcmp(v, "italic") || !strcmp(v, "oblique") ||
		    !strcmp(v, "backslant")) in->italic = 1;
		else return "应为 normal 或 italic";
		return NULL;
	case P_COLOR:
		if (fo_color_parse(v, &col) < 0)
			return "不是颜色，可用颜色名、#rrggbb、rgb()";
		in->color = col;
		return NULL;
	case P_BACKGROUND_COLOR:
		if (!strcmp(fo_skip(v), "transparent"))
			bx->background = FO_TRANSPARENT;
		else if (fo_color_parse(v, &col) < 0)
			return "不是颜色，可用颜色名、#rrggbb、rgb()、transparent";
		else
			bx->background = col;
		return NULL;
	case P_LINE_HEIGHT:
		if (!strcmp(v, "normal")) {
			in->line_height_factor = 1.2;
			return NULL;
		}
		if ((why = fo_length(v, em, LA_PCT | LA_NUM, &l)) != NULL)
			return why;
		{
			/* a bare number is a factor that descendants inherit */
			const char *t = fo_skip(v);
			double f;
			if (fo_number(&t, &f) == 0 && *fo_skip(t) == '\0') {
				if (f <= 0 || f > 20)
					return "倍数应在 0 到 20 之间";
				in->line_height_factor = f;
				return NULL;
			}
		}
		x = l.pt + l.pct * em / 100;
		if (x <= 0)
			return "应为正数";
		in->line_height_factor = 0;
		in->line_height = x;
		return NULL;
	case P_LETTER_SPACING:
		if (!strcmp(v, "normal")) {
			in->letter_spacing = 0;
			return NULL;
		}
		if ((why = fo_length(v, em, LA_NEG, &l)) != NULL)
			return why;
		in->letter_spacing = l.pt;
		return NULL;

	/* text */
	case P_TEXT_ALIGN: {
		static const char *const kw[] = { "start", "center", "end",
			"justify", "left", "right", "inside", "outside", NULL };
		static const uint8_t val[] = { FO_ALIGN_START, FO_ALIGN_CENTER,
			FO_ALIGN_END, FO_ALIGN_JUSTIFY, FO_ALIGN_START,
			FO_ALIGN_END, FO_ALIGN_START, FO_ALIGN_END };
		if ((k = fo_kw(v, kw)) < 0)
			return "应为 start、center、end 或 justify";
		in->text_align = val[k];
		return NULL;
	}
	case P_TEXT_ALIGN_LAST: {
		static const char *const kw[] = { "start", "center", "end",
			"justify", "left", "right", "relative", "inside",
			"outside", NULL };
		static const uint8_t val[] = { FO_ALIGN_START, FO_ALIGN_CENTER,
			FO_ALIGN_END, FO_ALIGN_JUSTIFY, FO_ALIGN_START,
			FO_ALIGN_END, FO_ALIGN_RELATIVE, FO_ALIGN_START,
			FO_ALIGN_END };
		if ((k = fo_kw(v, kw)) < 0)
			return "应为 relative、start、center、end 或 justify";
		in->text_align_last = val[k];
		return NULL;
	}
	case P_TEXT_INDENT:
		if ((why = fo_length(v, em, LA_PCT | LA_NEG, &l)) != NULL)
			return why;
		in->text_indent = l;
		return NULL;
	case P_START_INDENT:
		if ((why = fo_length_ex(v, em, LA_PCT | LA_NEG, fo_list_env(p, &env),
		    &l, NULL)) != NULL)
			return why;
		in->start_indent = l;
		p->start_set = 1;
		return NULL;
	case P_END_INDENT:
		if ((why = fo_length_ex(v, em, LA_PCT | LA_NEG, fo_list_env(p, &env),
		    &l, NULL)) != NULL)
			return why;
		in->end_indent = l;
		p->end_set = 1;
		return NULL;
	case P_LINEFEED: {
		static const char *const kw[] = { "treat-as-space", "ignore",
			"preserve", "treat-as-zero-width-space", NULL };
		if ((k = fo_kw(v, kw)) < 0)
			return "应为 treat-as-space、ignore 或 preserve";
		in->linefeed = (uint8_t)k;
		return NULL;
	}
	case P_WS_TREATMENT: {
		static const char *const kw[] = { "ignore-if-surrounding-linefeed",
			"ignore", "preserve", "ignore-if-before-linefeed",
			"ignore-if-after-linefeed", NULL };
		if ((k = fo_kw(v, kw)) < 0)
			return "不是可用的关键字";
		in->ws_treatment = (uint8_t)k;
		return NULL;
	}
	case P_WS_COLLAPSE:
		if (!strcmp(v, "true")) in->ws_collapse = 1;
		else if (!strcmp(v, "false")) in->ws_collapse = 0;
		else return "应为 true 或 false";
		return NULL;
	case P_WS_AUTOSPACE:
		/* normal: a quarter em; none; or a length, kept as a
		 * fraction of this element's font size */
		if (!strcmp(v, "normal")) {
			in->autospace = 60;
			return NULL;
		}
		if (!strcmp(v, "none") || !strcmp(v, "no-autospace")) {
			in->autospace = 0;
			return NULL;
		}
		if ((why = fo_length(v, em, 0, &l)) != NULL)
			return why;
		if (l.pt < 0 || l.pt > em + 1e-9)
			return "应为 normal、none 或 0 到 1em 之间的长度";
		in->autospace = (uint8_t)lround(l.pt / em * 240);
		return NULL;
	case P_WRAP_OPTION:
		if (!strcmp(v, "wrap")) in->wrap = 1;
		else if (!strcmp(v, "no-wrap")) in->wrap = 0;
		else return "应为 wrap 或 no-wrap";
		return NULL;
	case P_WHITE_SPACE:
		if (!strcmp(v, "normal")) {
			in->linefeed = FO_LF_TREAT_AS_SPACE;
			in->ws_collapse = 1;
			in->ws_treatment = FO_WST_IGNORE_IF_SURROUNDING_LF;
			in->wrap = 1;
		} else if (!strcmp(v, "pre")) {
			in->linefeed = FO_LF_PRESERVE;
			in->ws_collapse = 0;
			in->ws_treatment = FO_WST_PRESERVE;
			in->wrap = 0;
		} else if (!strcmp(v, "nowrap")) {
			in->wrap = 0;
		} else
			return "应为 normal、pre 或 nowrap";
		return NULL;
	case P_WIDOWS:
	case P_ORPHANS:
		if (fo_integer(v, 0, 255, &k) < 0)
			return "应为 0 到 255 的整数";
		if (d->id == P_WIDOWS)
			in->widows = (uint8_t)k;
		else
			in->orphans = (uint8_t)k;
		return NULL;
	case P_DISPLAY_ALIGN: {
		static const char *const kw[] = { "auto", "before", "center",
			"after", NULL };
		if ((k = fo_kw(v, kw)) < 0)
			return "应为 auto、before、center 或 after";
		in->display_align = (uint8_t)k;
		return NULL;
	}
	case P_LANG:
		if (!*fo_skip(v) || strlen(v) > 35)
			return "不是语言代码";
		in->lang = fo_str_intern(p->c, v, strlen(v));
		return NULL;

	/* spaces, margins, indents */
	case P_SPACE:
		if ((why = fo_length(v, em, LA_NEG, &l)) != NULL)
			return why;
		{
			struct fo_space *sp = d->side == FO_BEFORE ?
			    &bx->space_before : &bx->space_after;
			sp->r.min = sp->r.opt = sp->r.max = l;
			p->space_set |= d->side == FO_BEFORE ? 1 : 2;
		}
		return NULL;
	case P_SPACE_COMP: {
		struct fo_space *sp = d->side == FO_BEFORE ?
		    &bx->space_before : &bx->space_after;
		p->space_set |= d->side == FO_BEFORE ? 1 : 2;
		if (d->arg == C_COND) {
			if (!strcmp(v, "retain")) sp->retain = 1;
			else if (!strcmp(v, "discard")) sp->retain = 0;
			else return "应为 retain 或 discard";
			return NULL;
		}
		if (d->arg == C_PREC) {
			if (!strcmp(v, "force"))
				sp->precedence = INT32_MAX;
			else if (fo_integer(v, -1000000, 1000000, &k) == 0)
				sp->precedence = k;
			else
				return "应为整数或 force";
			return NULL;
		}
		if ((why = fo_length(v, em, LA_NEG, &l)) != NULL)
			return why;
		if (d->arg == C_MIN) sp->r.min = l;
		else if (d->arg == C_OPT) sp->r.opt = l;
		else sp->r.max = l;
		return NULL;
	}
	case P_MARGIN:
		if ((nw = fo_words(v, w)) <= 0)
			return "应为 1 到 4 个长度";
		fo_four(nw, idx);
		for (int i = 0; i < 4; i++) {
			if ((why = fo_length(w[idx[i]], em, LA_PCT | LA_NEG | LA_AUTO,
			    &p->margin[i])) != NULL)
				return why;
		}
		p->margin_set = 0xF;
		return NULL;
	case P_MARGIN_SIDE:
		if ((why = fo_length(v, em, LA_PCT | LA_NEG | LA_AUTO, &l)) != NULL)
			return why;
		p->margin[d->side] = l;
		p->margin_set |= 1u << d->side;
		p->margin_explicit |= 1u << d->side;
		return NULL;

	/* padding and borders */
	case P_PADDING:
		if ((nw = fo_words(v, w)) <= 0)
			return "应为 1 到 4 个长度";
		fo_four(nw, idx);
		{
			struct fo_len pl[4];
			for (int i = 0; i < 4; i++)
				if ((why = fo_length(w[idx[i]], em, LA_PCT, &pl[i])))
					return why;
			memcpy(bx->padding, pl, sizeof pl);
		}
		return NULL;
	case P_PADDING_SIDE:
		if ((why = fo_length(v, em, LA_PCT, &l)) != NULL)
			return why;
		bx->padding[d->side] = l;
		return NULL;
	case P_PADDING_COND:
		if (!strcmp(v, "retain")) bx->padding_retain[d->side] = 1;
		else if (!strcmp(v, "discard")) bx->padding_retain[d->side] = 0;
		else return "应为 retain 或 discard";
		return NULL;
	case P_BORDER: {
		struct fo_border b = bx->border[0];
		if (fo_border_short(p, v, &b) < 0)
			return "应为“宽度 样式 颜色”，如 0.5pt solid black";
		for (int i = 0; i < 4; i++) {
			b.retain = bx->border[i].retain;
			bx->border[i] = b;
		}
		return NULL;
	}
	case P_BORDER_SIDE:
		if (fo_border_short(p, v, &bx->border[d->side]) < 0)
			return "应为“宽度 样式 颜色”，如 0.5pt solid black";
		return NULL;
	case P_BORDER_WIDTH:
	case P_BORDER_STYLE:
	case P_BORDER_COLOR: {
		double wd[4];
		int st[4];
		uint32_t cl[4];
		if ((nw = fo_words(v, w)) <= 0)
			return "应为 1 到 4 个值";
		fo_four(nw, idx);
		for (int i = 0; i < 4; i++) {
			const char *t = w[idx[i]];
			if (d->id == P_BORDER_WIDTH) {
				if (fo_border_width(t, em, &wd[i]) < 0)
					return "不是边框宽度";
			} else if (d->id == P_BORDER_STYLE) {
				if ((st[i] = fo_kw(t, fo_bstyles)) < 0)
					return "不是边框样式，solid、dashed、dotted、double、none";
			} else if (fo_color_parse(t, &cl[i]) < 0)
				return "不是颜色";
		}
		for (int i = 0; i < 4; i++) {
			if (d->id == P_BORDER_WIDTH) bx->border[i].width = wd[i];
			else if (d->id == P_BORDER_STYLE) bx->border[i].style = (uint16_t)st[i];
			else bx->border[i].color = cl[i];
		}
		return NULL;
	}
	case P_BORDER_SIDE_WIDTH:
		if (fo_border_width(fo_skip(v), em, &x) < 0)
			return "不是边框宽度，thin、medium、thick 或非负长度";
		bx->border[d->side].width = x;
		return NULL;
	case P_BORDER_SIDE_STYLE:
		if ((k = fo_kw(fo_skip(v), fo_bstyles)) < 0)
			return "不是边框样式，solid、dashed、dotted、double、none";
		bx->border[d->side].style = (uint16_t)k;
		return NULL;
	case P_BORDER_SIDE_COLOR:
		if (fo_color_parse(v, &col) < 0)
			return "不是颜色";
		bx->border[d->side].color = col;
		return NULL;
	case P_BORDER_SIDE_COND:
		if (!strcmp(v, "retain")) bx->border[d->side].retain = 1;
		else if (!strcmp(v, "discard")) bx->border[d->side].retain = 0;
		else return "应为 retain 或 discard";
		return NULL;
	case P_BORDER_COLLAPSE:
		if (!strcmp(v, "collapse") || !strcmp(v, "collapse-with-precedence"))
			in->border_collapse = 1;
		else if (!strcmp(v, "separate"))
			in->border_collapse = 0;
		else
			return "应为 collapse 或 separate";
		return NULL;
	case P_BORDER_SEPARATION:
		if (d->arg != 0) {	/* .inline-/.block-progression-direction */
			if ((why = fo_length(v, em, 0, &l)) != NULL)
				return why;
			if (d->arg == C_MIN)
				in->border_separation = l.pt;
			else
				in->border_separation_bpd = l.pt;
			return NULL;
		}
		if ((nw = fo_words(v, w)) < 1 || nw > 2)
			return "应为一个或两个长度";
		if ((why = fo_length(w[0], em, 0, &l)) != NULL)
			return why;
		in->border_separation = in->border_separation_bpd = l.pt;
		if (nw == 2) {
			if ((why = fo_length(w[1], em, 0, &l)) != NULL)
				return why;
			in->border_separation_bpd = l.pt;
		}
		return NULL;

	/* dimensions */
	case P_WIDTH:
	case P_INLINE_PROGRESSION_DIMENSION:
	case P_HEIGHT:
	case P_BLOCK_PROGRESSION_DIMENSION: {
		struct fo_range *r = (d->id == P_WIDTH ||
		    d->id == P_INLINE_PROGRESSION_DIMENSION) ? &bx->ipd : &bx->bpd;
		if ((why = fo_length(v, em, LA_PCT | LA_AUTO, &l)) != NULL)
			return why;
		if (r == &bx->bpd && d->id == P_HEIGHT &&
		    (p->n->kind == FO_TABLE_ROW || p->n->kind == FO_TABLE_CELL)) {
			/* a row's height is a minimum */
			r->min = l;
			return NULL;
		}
		r->min = r->opt = r->max = l;
		return NULL;
	}
	case P_IPD_MIN: case P_IPD_OPT: case P_IPD_MAX:
	case P_BPD_MIN: case P_BPD_OPT: case P_BPD_MAX: {
		struct fo_range *r = d->id <= P_BPD_MAX ? &bx->bpd : &bx->ipd;
		if ((why = fo_length(v, em, LA_PCT | LA_AUTO, &l)) != NULL)
			return why;
		if (d->arg == C_MIN) r->min = l;
		else if (d->arg == C_OPT) r->opt = l;
		else r->max = l;
		return NULL;
	}

	/* breaks and keeps */
	case P_BREAK_BEFORE:
	case P_BREAK_AFTER: {
		static const char *const kw[] = { "auto", "column", "page",
			"even-page", "odd-page", NULL };
		if ((k = fo_kw(v, kw)) < 0)
			return "应为 auto、page、even-page、odd-page 或 column";
		if (d->id == P_BREAK_BEFORE)
			bx->break_before = (uint8_t)k;
		else
			bx->break_after = (uint8_t)k;
		return NULL;
	}
	case P_PAGE_BREAK: {
		/* the CSS shorthands (XSL 1.1 §7.31.16-18): always, left and
		 * right are breaks to a page, an even one, an odd one; avoid is
		 * a keep (with the previous, the next, together) */
		static const char *const kw[] = { "auto", "always", "left",
			"right", "avoid", NULL };
		static const uint8_t brk[] = { FO_BREAK_AUTO, FO_BREAK_PAGE,
			FO_BREAK_EVEN_PAGE, FO_BREAK_ODD_PAGE, FO_BREAK_AUTO };
		if ((k = fo_kw(v, kw)) < 0 || (d->side == 2 && k != 0 && k != 4))
			return d->side == 2 ? "应为 auto 或 avoid" :
			    "应为 auto、always、left、right 或 avoid";
		if (d->side == 0)
			bx->break_before = brk[k];
		else if (d->side == 1)
			bx->break_after = brk[k];
		struct fo_keep *kp = S_keep_of(p, d->side == 0 ? KP_PREVIOUS :
		    d->side == 1 ? KP_NEXT : KP_TOGETHER);
		kp->page = k == 4 ? FO_KEEP_ALWAYS : FO_KEEP_AUTO;
		return NULL;
	}
	case P_KEEP: {
		int32_t kv;
		struct fo_keep *kp = S_keep_of(p, d->side);
		if (fo_keep_value(fo_skip(v), &kv) < 0)
			return "应为 auto、always 或正整数";
		kp->page = kp->column = kp->line = kv;
		return NULL;
	}
	case P_KEEP_COMP: {
		int32_t kv;
		struct fo_keep *kp = S_keep_of(p, d->side);
		if (fo_keep_value(fo_skip(v), &kv) < 0)
			return "应为 auto、always 或正整数";
		if (d->arg == C_PAGE) kp->page = kv;
		else if (d->arg == C_COLUMN) kp->column = kv;
		else kp->line = kv;
		return NULL;
	}

	/* leaders */
	case P_LEADER_PATTERN: {
		static const char *const kw[] = { "space", "rule", "dots",
			"use-content", NULL };
		if ((k = fo_kw(v, kw)) < 0)
			return "应为 space、rule、dots 或 use-content";
		in->leader_pattern = (uint8_t)k;
		return NULL;
	}
	case P_LEADER_LENGTH:
		if ((why = fo_length(v, em, LA_PCT, &l)) != NULL)
			return why;
		in->leader_length.min = in->leader_length.opt =
		    in->leader_length.max = l;
		return NULL;
	case P_LEADER_LENGTH_COMP:
		if ((why = fo_length(v, em, LA_PCT, &l)) != NULL)
			return why;
		if (d->arg == C_MIN) in->leader_length.min = l;
		else if (d->arg == C_OPT) in->leader_length.opt = l;
		else in->leader_length.max = l;
		return NULL;
	case P_RULE_THICKNESS:
		if ((why = fo_length(v, em, 0, &l)) != NULL)
			return why;
		in->rule_thickness = l.pt;
		return NULL;
	case P_RULE_STYLE:
		if ((k = fo_kw(v, fo_bstyles)) < 0 || k == FO_BS_HIDDEN ||
		    k >= FO_BS_INSET)
			return "应为 none、dotted、dashed、solid、double、groove 或 ridge";
		in->rule_style = (uint8_t)k;
		return NULL;

	/* names and references, pages and regions, tables, graphics */
	case P_ID:
	case P_MASTER_NAME:
	case P_MASTER_REFERENCE:
	case P_FLOW_NAME:
	case P_REGION_NAME:
	case P_REF_ID:
	case P_INTERNAL_DESTINATION:
	case P_EXTERNAL_DESTINATION:
	case P_PAGE_WIDTH:
	case P_PAGE_HEIGHT:
	case P_EXTENT:
	case P_PAGE_POSITION:
	case P_ODD_OR_EVEN:
	case P_BLANK_OR_NOT_BLANK:
	case P_MAXIMUM_REPEATS:
	case P_FORCE_PAGE_COUNT:
	case P_COLUMN_COUNT:
	case P_COLUMN_GAP:
	case P_SPAN:
	case P_MARKER_CLASS_NAME:
	case P_RETRIEVE_CLASS_NAME:
	case P_RETRIEVE_POSITION:
	case P_RETRIEVE_BOUNDARY:
	case P_PRECEDENCE:
	case P_INITIAL_PAGE_NUMBER:
	case P_TABLE_LAYOUT:
	case P_COLUMN_WIDTH:
	case P_COLUMN_NUMBER:
	case P_COLS_REPEATED:
	case P_COLS_SPANNED:
	case P_ROWS_SPANNED:
	case P_SRC:
	case P_CONTENT_WIDTH:
	case P_CONTENT_HEIGHT:
	case P_SCALING:
		return fo_apply_kind(p, d, v, em);

	/* lists, decorations, shifts, positions */
	case P_PDBS:
	case P_PLS:
		if ((why = fo_length(v, em, LA_PCT | LA_NEG, &l)) != NULL)
			return why;
		if (d->id == P_PDBS)
			in->pdbs = l;
		else
			in->pls = l;
		return NULL;
	case P_TEXT_DECORATION:
		return fo_text_decoration(v, &in->text_decoration);
	case P_BASELINE_SHIFT:
	case P_VERTICAL_ALIGN:
		return S_shift(p, d->id == P_VERTICAL_ALIGN, v);
	case P_ABSOLUTE_POSITION: {
		static const char *const kw[] = { "auto", "absolute", "fixed",
			NULL };
		if ((k = fo_kw(v, kw)) < 0)
			return "应为 auto、absolute 或 fixed";
		if (k != FO_ABS_AUTO && p->n->kind != FO_BLOCK_CONTAINER)
			return "只用于 fo:block-container";
		p->ct.abs = (uint8_t)k;
		return NULL;
	}
	case P_OFFSET: {
		struct fo_len *o = d->side == FO_BEFORE ? &p->ct.top :
		    d->side == FO_AFTER ? &p->ct.bottom :
		    d->side == FO_START ? &p->ct.left : &p->ct.right;
		if ((why = fo_length(v, em, LA_PCT | LA_NEG | LA_AUTO, &l)) != NULL)
			return why;
		*o = l;
		return NULL;
	}
	case P_REF_ORIENTATION:
		if (fo_integer(v, -270, 270, &k) < 0 || k % 90 != 0)
			return "应为 0、90、180、270、-90、-180 或 -270";
		/* block-containers and pages are turned; regions are not */
		if (k != 0 && p->n->kind != FO_BLOCK_CONTAINER &&
		    p->n->kind != FO_SIMPLE_PAGE_MASTER)
			return "";
		p->ct.turns = (uint8_t)(((k / 90) % 4 + 4) % 4);
		p->m.turns = p->ct.turns;
		return NULL;

	}
	return NULL;
}
