/* vocab.h — the one mapping between the input vocabulary's elements
 * (docs/design.md "Input vocabulary") and the Chinese labels of the forms, used
 * by the INI reader (sections and keys) and by every message that names a
 * field.  Any module may include this header.
 *
 * INI form of each kind (Chinese label or English name; keys in order):
 *   [申报表] 年度 | [工作坊] 名称 辅导方向 | [主理人] 姓名 工号 单位 岗位 简介 |
 *   [已有基础] 内容 | [建设目标] 内容 | [建设方案] 总体规划 第一年 第二年 第三年
 *   学生辅导和服务 成员学习成长计划 工作平台方式及预期效果 | [对成员要求] 内容 |
 *   [成员1] [成员2] … 姓名 工号 单位 岗位 研究方向
 *   [成员申报表] 年度 工作坊 | [申报人] 姓名 工号 单位 岗位 个人简介 研究方向
 *   参与意愿 具体计划
 *   [评估表] 年度 工作坊编号 | [工作坊] 名称 主理人 成员 | [自评情况] 等级 |
 *   [开展工作情况] 内容 | [建设成效] 内容 | [成果1] … 类型 日期 内容 |
 *   [下一阶段建设计划] 工作目标 工作重点 实施步骤 预期成果
 *   [评估结论] 年度 日期 | [结论1] … 工作坊 等级 | [缺席说明1] … 工作坊 理由 |
 *   [变更1] … 工作坊 事项(名称|主理人|建设方案) 日期 内容 |
 *   [违规1] … 工作坊 类型(学术不端|违规) 内容
 * Numbered sections also read [成员 1], [成员.1], [member.1], [member1].
 * Lists (辅导方向, 评估表的成员) are split at 、，, ; ； and spaces.  A text field takes
 * numbered keys (总体规划.2 …, one paragraph each) or @file (a file in the
 * INI file's folder or below; paragraphs split at blank lines; @@ starts a
 * value with a literal @).  Comments are whole lines starting with ; or #:
 * inside a value ; and # are text (a one-line field with " ;" in it gets
 * W-INI-SEMICOLON).  Keys and values are trimmed of spaces and U+3000;
 * "…" or '…' around a whole value are removed, as iniparser does. */
#ifndef WSDOC_VOCAB_H
#define WSDOC_VOCAB_H

#include <libxml/tree.h>

#include "input.h"

enum vocab_type {
	VT_SECTION,	/* an INI section: one element (or the root itself) */
	VT_LIST,	/* a numbered INI section: one element per number */
	VT_KEY,		/* a key of the section above */
	VT_LABEL	/* an element that no key makes (only its label) */
};

enum vocab_form {
	VF_NONE,	/* sections, labels */
	VF_LINE,	/* one line of text */
	VF_TEXT,	/* text, or <p> paragraphs when there are several */
	VF_PARAS,	/* always <p> paragraphs (the element has other children) */
	VF_SPLIT,	/* a list: container/item, split at 、，, ; ； */
	VF_ATTR		/* an attribute of the section's element ("…/@name") */
};

struct vocab {
	enum input_kind	 kind;
	enum vocab_type	 type;
	enum vocab_form	 form;
	const char	*label;	/* INI label: 简介 */
	const char	*name;	/* INI English name: intro */
	const char	*path;	/* from the root: "leader/intro", "plan/yearly/year#1"
				 * (#N = attribute n="N"), "@year", "" = root */
	const char	*msg;	/* the field in messages: 主理人简介 */
	const char	*values;/* VF_ATTR value map "名称=name|主理人=leader", or NULL */
};

/* The table, ended by an entry with kind INPUT_UNKNOWN. */
extern const struct vocab vocab_table[];

/* What a form shows of a field beside its label (the web form of wsdoc
 * serve): the template's guidance, and the forms/policy.ini parameters
 * that bound it, named "节/键" — a counter n/max for a maximum, the
 * choices of a list.  Keyed by kind and path as in vocab_table; fields
 * without an entry have none of these. */
struct vocab_guide {
	enum input_kind	 kind;
	const char	*path;
	const char	*hint;	/* guidance, as the INI template words it */
	const char	*max;	/* policy "申报表/主理人简介最多字数", or NULL */
	const char	*min;	/* policy "申报表/已有基础最少字数", or NULL */
	const char	*choices;/* policy list "评估/等级", or "=a|b|c" as the
				 * schema lists the values, or NULL */
	int		 multi;	/* several choices (a VF_SPLIT list) */
};

/* Ended by an entry with kind INPUT_UNKNOWN. */
extern const struct vocab_guide vocab_guide_table[];
/* The guide of a field, or NULL. */
const struct vocab_guide *vocab_guide(enum input_kind kind, const char *path);

/* The Chinese name of an element for messages ("主理人简介"); <p> takes its
 * parent's.  Falls back to the element's own name. */
const char	*vocab_label(const xmlNode *el);
/* The same for a child element named `name` that parent lacks or has. */
const char	*vocab_child_label(const xmlNode *parent, const char *name);
/* The same for an attribute of el ("申报年度"); falls back to attr. */
const char	*vocab_attr_label(const xmlNode *el, const char *attr);
/* Where the user writes el in an INI file, "[主理人] 简介", into buf. */
const char	*vocab_ini_where(const xmlNode *el, char *buf, size_t n);
/* The entry for a path of a kind, or NULL. */
const struct vocab *vocab_find(enum input_kind kind, const char *path);

#endif
