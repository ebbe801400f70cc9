/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-plan-results.h: a plan's results: a GListModel of PacteRuleResult,
 * one per rule, with a "score". */
#pragma once

#include "pacte-rule-result.h"

G_BEGIN_DECLS

#define PACTE_TYPE_PLAN_RESULTS (pacte_plan_results_get_type ())
G_DECLARE_FINAL_TYPE (PactePlanResults, pacte_plan_results, PACTE, PLAN_RESULTS, GObject)
/* A GListModel of PacteRuleResult, one per rule, in rule order (the items
 * stay the same objects; only their properties change).  Property "score"
 * (int, -1 when every rule is off). */
int          pacte_plan_results_get_score      (PactePlanResults *self);
PacteRuleResult *pacte_plan_results_get_result (PactePlanResults *self, guint index); /* transfer none */
guint        pacte_plan_results_count          (PactePlanResults *self, PacteStatus status);

G_END_DECLS
