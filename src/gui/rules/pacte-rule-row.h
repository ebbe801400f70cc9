/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-rule-row.h: one golden rule in the rules panel: light, title, current
 * explanation, advice on demand and a menu (switch off/on, tune). */
#pragma once

#include <gtk/gtk.h>

#include "pacte-light.h"
#include "pacte-rules.h"

G_BEGIN_DECLS

#define PACTE_TYPE_RULE_ROW (pacte_rule_row_get_type ())
G_DECLARE_FINAL_TYPE (PacteRuleRow, pacte_rule_row, PACTE, RULE_ROW, GtkListBoxRow)

/* The row follows result's properties until it is given another result.
 * Its menu's items are the row's actions ("rule.switch-off",
 * "rule.switch-on", "rule.tune", enabled as they apply), which call the
 * PacteRulesPanel the row is in ("rules.…" with the rule's id). */
GtkWidget       *pacte_rule_row_new             (PacteRuleResult *result,
                                                 gboolean         has_params);
/* Shows another result (the same rule for another plan, as a switch of
 * plans does) without making any widget. */
void             pacte_rule_row_set_result      (PacteRuleRow    *self,
                                                 PacteRuleResult *result,
                                                 gboolean         has_params);
PacteRuleResult *pacte_rule_row_get_result      (PacteRuleRow    *self);
PacteLight      *pacte_rule_row_get_light       (PacteRuleRow    *self);
/* The explanation as shown. */
const char      *pacte_rule_row_get_explanation (PacteRuleRow    *self);
/* Marks the rule as tuned (its parameters are not the rule's defaults): an
 * icon beside the title and ", parameters tuned" in its accessible name.
 * A switched-off rule is marked by its status. */
void             pacte_rule_row_set_tuned          (PacteRuleRow *self,
                                                    gboolean      tuned);
gboolean         pacte_rule_row_get_tuned          (PacteRuleRow *self);
void             pacte_rule_row_set_advice_visible (PacteRuleRow *self,
                                                    gboolean      visible);

G_END_DECLS
