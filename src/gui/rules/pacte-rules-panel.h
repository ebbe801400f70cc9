/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-rules-panel.h: the sixteen golden rules of one plan, live.
 *
 * Header: the score and a count per colour.  Rows: PacteRuleRow, bound with
 * gtk_list_box_bind_model() to the plan's PactePlanResults.  Activating a row
 * emits "rule-activated" (rule id) so the window can move focus to the field
 * that would fix it.  Switching a rule off/on and tuning its parameters edit
 * the plan's rule_overrides through the model, as one undoable step. */
#pragma once

#include <gtk/gtk.h>

#include "pacte-context.h"

G_BEGIN_DECLS

#define PACTE_TYPE_RULES_PANEL (pacte_rules_panel_get_type ())
G_DECLARE_FINAL_TYPE (PacteRulesPanel, pacte_rules_panel, PACTE, RULES_PANEL, GtkBox)

GtkWidget  *pacte_rules_panel_new          (void);
void        pacte_rules_panel_set_context  (PacteRulesPanel *self,
                                            PacteContext    *context);
PacteContext *pacte_rules_panel_get_context (PacteRulesPanel *self);
/* plan may be NULL (the panel is then empty). */
void        pacte_rules_panel_set_plan     (PacteRulesPanel *self,
                                            PactePlan       *plan);
PactePlan  *pacte_rules_panel_get_plan     (PacteRulesPanel *self);
/* The row of a rule (a PacteRuleRow), or NULL. */
GtkWidget  *pacte_rules_panel_get_row      (PacteRulesPanel *self,
                                            const char      *rule_id);
/* The plan's fix-first list (a PacteFixFirstList) and score chart (a
 * PacteTrendChart), above the rules. */
GtkWidget  *pacte_rules_panel_get_fix_first   (PacteRulesPanel *self);
GtkWidget  *pacte_rules_panel_get_trend_chart (PacteRulesPanel *self);
/* The score as shown ("72", or "–" when every rule is off). */
const char *pacte_rules_panel_get_score_text (PacteRulesPanel *self);

/* Model edits of the current plan's rule_overrides (one undo step each). */
gboolean    pacte_rules_panel_switch_off   (PacteRulesPanel *self,
                                            const char      *rule_id,
                                            const char      *reason,
                                            GError         **error);
gboolean    pacte_rules_panel_switch_on    (PacteRulesPanel *self,
                                            const char      *rule_id,
                                            GError         **error);
/* names/values: n parameters of the rule; a value equal to the portfolio's
 * setting or the rule's default removes the plan's own value. */
gboolean    pacte_rules_panel_set_params   (PacteRulesPanel   *self,
                                            const char        *rule_id,
                                            const char * const *names,
                                            const double      *values,
                                            guint              n,
                                            GError           **error);

/* The dialogs behind the row menus (they return the dialog they present). */
GtkWidget  *pacte_rules_panel_present_switch_off      (PacteRulesPanel *self,
                                                       const char      *rule_id);
GtkWidget  *pacte_rules_panel_present_tune            (PacteRulesPanel *self,
                                                       const char      *rule_id);
void        pacte_rules_panel_switch_on_with_feedback (PacteRulesPanel *self,
                                                       const char      *rule_id);

/* Translated label of a rule parameter ("min_levels" -> "Minimum governance levels"). */
const char *pacte_rules_panel_param_label  (const char      *param);

/* A plan's results as the panel's header (and the review dialog) show them:
 * the score in label ("72", or "–" when every rule is switched off) with
 * its accessible label; the counts of lights, "3 green · 1 amber · …". */
void        pacte_rules_panel_show_score   (GtkLabel         *label,
                                            int               score);
/* "11 green" with the colour word agreeing with n, in the interface's language. */
char       *pacte_rules_panel_count_text   (PacteStatus       status,
                                            guint             n);
char       *pacte_rules_panel_counts_text  (PactePlanResults *results);
char       *pacte_rules_panel_counts_text_sep (PactePlanResults *results,
                                               const char       *separator);

G_END_DECLS
