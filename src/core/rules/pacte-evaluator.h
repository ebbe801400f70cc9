/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-evaluator.h: watches a portfolio and keeps every plan's results
 * current. */
#pragma once

#include "pacte-plan-results.h"

G_BEGIN_DECLS

#define PACTE_TYPE_EVALUATOR (pacte_evaluator_get_type ())
G_DECLARE_FINAL_TYPE (PacteEvaluator, pacte_evaluator, PACTE, EVALUATOR, GObject)

/* Watches portfolio's "record-changed": an edit of a plan re-evaluates that
 * plan, an edit of a partner every plan that names it, an edit of the
 * portfolio's rule_settings every plan; at most once per main-loop iteration
 * (an idle), however many fields changed.  pacte_evaluator_flush() does the
 * pending work now.  Properties "today" (guint, Julian day) and "language". */
PacteEvaluator   *pacte_evaluator_new          (PactePortfolio *portfolio,
                                                PacteRuleSet   *rules,
                                                guint32         today,
                                                const char     *lang);
PactePlanResults *pacte_evaluator_get_results  (PacteEvaluator *self,
                                                PactePlan      *plan); /* transfer none, created on demand */
void              pacte_evaluator_set_today    (PacteEvaluator *self, guint32 today);
void              pacte_evaluator_flush        (PacteEvaluator *self);
/* How many plan evaluations have run (for tests and benchmarks). */
guint64           pacte_evaluator_get_n_evaluations (PacteEvaluator *self);

G_END_DECLS
