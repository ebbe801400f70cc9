/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-load-prepared.h: what the load's worker thread prepares for the
 * window beside the portfolio, so that showing a large portfolio costs the
 * main loop little: every plan evaluated (an evaluator the window adopts)
 * and the plans and partners in name order (pacte-name-order.h), their sort
 * keys computed, and how many items of the agenda are overdue.  Made in the worker before the main thread sees the
 * portfolio; used only by the main thread afterwards. */
#pragma once

#include "pacte-name-order.h"
#include "pacte-rules.h"

G_BEGIN_DECLS

typedef struct {
  PactePortfolio *portfolio;
  PacteEvaluator *evaluator;         /* every plan's results computed */
  PacteRuleSet   *rules;
  guint32         today;
  char           *lang;
  GPtrArray      *plans_by_name;     /* PactePlan *, references */
  GPtrArray      *partners_by_name;  /* PactePartner *, references */
  guint           n_overdue;         /* the agenda's overdue items today
                                      * (pacte_agenda_count_overdue_at) */
} PacteLoadPrepared;

/* In the worker thread.  make_summaries: make each plan's rule summary
 * that is not current first (pacte_rule_summaries_make), as an open does.
 * partners_by_name: the partners already in name order (transfer full), or
 * NULL to sort them here.  NULL when cancelled. */
PacteLoadPrepared *pacte_load_prepared_new  (PactePortfolio    *portfolio,
                                             PacteRuleSet      *rules,
                                             guint32            today,
                                             const char        *lang,
                                             gboolean           make_summaries,
                                             GPtrArray         *partners_by_name,
                                             GCancellable      *cancellable);
void               pacte_load_prepared_free (PacteLoadPrepared *prepared);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PacteLoadPrepared, pacte_load_prepared_free)

G_END_DECLS
