/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-rule-result.h: one rule's result for one plan, a GObject the lights
 * bind to. */
#pragma once

#include "pacte-engine.h"

G_BEGIN_DECLS

#define PACTE_TYPE_RULE_RESULT (pacte_rule_result_get_type ())
G_DECLARE_FINAL_TYPE (PacteRuleResult, pacte_rule_result, PACTE, RULE_RESULT, GObject)
/* Properties (read-only, notified only on a real change): "rule-id", "number",
 * "title", "statement", "advice" (in the evaluator's language), "status"
 * (PacteStatus), "explanation". */
const char  *pacte_rule_result_get_rule_id     (PacteRuleResult *self);
guint        pacte_rule_result_get_number      (PacteRuleResult *self);
const char  *pacte_rule_result_get_title       (PacteRuleResult *self);
const char  *pacte_rule_result_get_statement   (PacteRuleResult *self);
const char  *pacte_rule_result_get_advice      (PacteRuleResult *self);
PacteStatus  pacte_rule_result_get_status      (PacteRuleResult *self);
const char  *pacte_rule_result_get_explanation (PacteRuleResult *self);
/* Where the rule is fixed, as of the last evaluation: kind, record (transfer
 * none; NULL for PACTE_FIX_NONE) and the field's property name
 * ("agreement-type", "contacts"). */
PacteFixKind  pacte_rule_result_get_fix_kind   (PacteRuleResult *self);
PacteRecord  *pacte_rule_result_get_fix_record (PacteRuleResult *self);
const char   *pacte_rule_result_get_fix_field  (PacteRuleResult *self);

G_END_DECLS
