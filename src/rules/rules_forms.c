/* rules_forms.c — member applications (第五条第3款), evaluation forms
 * (第六条, 第七条第1款) and the office's decisions (第六条). */
#include "rules_int.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlschemastypes.h>

#include "../diag/diag.h"
#include "../input/vocab.h"
#include "../util/util.h"

void
rules_member_application(xmlNode *root, const struct policy *pol)
{
	static const struct {
		const char *name, *label, *key;
	} parts[] = {
		{ "intro", "个人简介", "个人简介最少字数" },
		{ "research", "研究方向", "研究方向最少字数" },
		{ "motivation", "参与意愿", "参与意愿最少字数" },
		{ "plan", "具体计划", "具体计划最少字数" },
	};
	xmlNode *post = rules_child(root, "post");
	char *t = rules_text(post);

	if (*t && !policy_in_list(pol, "申报条件", "成员岗位", t))
		diag_node(E_MEM_POST, post ? post : root, t,
		    policy_list_text(pol, "申报条件", "成员岗位"));
	free(t);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		rules_part(root, rules_child(root, parts[i].name), parts[i].label,
		    pol, "成员申报表", parts[i].key, E_MEM_MISSING, W_MEM_SHORT);
}

void
rules_evaluation(xmlNode *root, const struct policy *pol)
{
	static const struct {
		const char *name, *label, *key;
	} next[] = {
		{ "goals", "主要工作目标", "工作目标最少字数" },
		{ "focus", "工作重点", "工作重点最少字数" },
		{ "steps", "实施步骤", "实施步骤最少字数" },
		{ "expected", "预期成果", "预期成果最少字数" },
	};
	xmlNode *self = rules_child(root, "self-assessment");
	xmlNode *np = rules_child(root, "next-plan");
	char *t, *id;

	id = rules_attr(root, "workshop");
	if (!rules_is_id(id))
		diag_node(E_EVAL_ID, root, id);
	free(id);
	t = rules_text(self);
	if (policy_grade(pol, t) == GRADE_NONE)
		diag_node(E_EVAL_GRADE, self ? self : root, t,
		    policy_list_text(pol, "评估", "等级"));
	free(t);
	/* a day of an achievement's date that the calendar has (the schema
	 * checks only its form, YYYY-MM or YYYY-MM-DD) */
	for (xmlNode *a = rules_child(root, "outcomes") ?
	    rules_child(root, "outcomes")->children : NULL; a; a = a->next) {
		if (a->type != XML_ELEMENT_NODE)
			continue;
		char *d = rules_attr(a, "date");
		xmlSchemaTypePtr ty = xmlSchemaGetPredefinedType(BAD_CAST "date",
		    BAD_CAST "http://www.w3.org/2001/XMLSchema");
		if (strlen(d) == 10 && ty &&
		    xmlSchemaValPredefTypeNode(ty, BAD_CAST d, NULL, NULL) != 0)
			diag_node(E_RNG_MONTH, a, vocab_attr_label(a, "date"), d);
		free(d);
	}
	rules_part(root, rules_child(root, "progress"), "根据既定建设方案开展工作情况",
	    pol, "评估", "开展工作情况最少字数",
	    E_EVAL_PART_MISSING, W_EVAL_PART_SHORT);
	rules_part(root, rules_child(root, "outcomes"), "建设成效",
	    pol, "评估", "建设成效最少字数",
	    E_EVAL_PART_MISSING, W_EVAL_PART_SHORT);
	for (size_t i = 0; i < sizeof next / sizeof next[0]; i++)
		rules_part(np ? np : root, rules_child(np, next[i].name),
		    next[i].label, pol, "评估", next[i].key,
		    E_EVAL_NEXT_MISSING, W_EVAL_NEXT_SHORT);
}

void
rules_decisions(xmlNode *root, const struct policy *pol)
{
	for (xmlNode *d = root->children; d; d = d->next) {
		if (d->type != XML_ELEMENT_NODE)
			continue;
		char *id = rules_attr(d, "workshop");
		if (!rules_is_id(id))
			diag_node(E_DEC_ID, d, id);
		if (strcmp((const char *)d->name, "decision") == 0) {
			char *g = rules_attr(d, "grade");
			if (policy_grade(pol, g) == GRADE_NONE)
				diag_node(E_DEC_GRADE, d, g,
				    policy_list_text(pol, "评估", "等级"));
			free(g);
			for (xmlNode *e = root->children; e != d; e = e->next) {
				if (e->type != XML_ELEMENT_NODE ||
				    strcmp((const char *)e->name, "decision"))
					continue;
				char *id2 = rules_attr(e, "workshop");
				int dup = *id && strcmp(id, id2) == 0;
				free(id2);
				if (dup) {
					diag_node(E_DEC_DUP, d, id, (int)xmlGetLineNo(e));
					break;
				}
			}
		}
		free(id);
	}
}
