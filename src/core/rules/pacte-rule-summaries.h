/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-rule-summaries.h: what each plan's checks found, kept between
 * evaluations of one portfolio and forgotten when what they read changes. */
#pragma once

#include "pacte-rule-set.h"

G_BEGIN_DECLS

#define PACTE_TYPE_RULE_SUMMARIES (pacte_rule_summaries_get_type ())
G_DECLARE_FINAL_TYPE (PacteRuleSummaries, pacte_rule_summaries, PACTE, RULE_SUMMARIES, GObject)

/* A plan's summary holds, for each rule, the first check that fails and
 * what its failure is about (counts, dates, the item, where to fix it), or
 * which green it is, for the plan's data, the rule's effective parameters
 * and the day.  Once portfolio has summaries for rules,
 * pacte_evaluate_plan() runs no check of a rule whose summary is current:
 * it renders the explanation, in the language asked, from the summary.
 *
 * A summary is forgotten when the plan, one of its items or a partner it
 * names changes, when partners are added or removed, and (for one rule)
 * when its parameters for the plan change or (for all) the day changes; the
 * portfolio's "record-changed" says which.  Only the thread that attached
 * the summaries uses them: elsewhere the checks run as without.
 *
 * Returns the portfolio's summaries for rules (attached on first call,
 * replacing those of another rule set); they live as long as the portfolio.
 * Summaries made by another thread (the load's, which handed the portfolio
 * over) are taken over by the calling thread. */
PacteRuleSummaries *pacte_rule_summaries_attach      (PactePortfolio     *portfolio,
                                                      PacteRuleSet       *rules);
/* Makes every plan's summary for today (a Julian day), in any thread that
 * has the portfolio to itself: the load does it in its worker, while the
 * records are fresh, so that the window's first evaluation of every plan
 * only renders.  Stops early when cancellable is cancelled. */
void                pacte_rule_summaries_make        (PactePortfolio     *portfolio,
                                                      PacteRuleSet       *rules,
                                                      guint32             today,
                                                      GCancellable       *cancellable);
/* Makes plan's summary for today in the thread that attached self: the
 * window's open makes each plan's as the load builds it, beside the load,
 * once the portfolio has its partners (the plan is not in it yet). */
void                pacte_rule_summaries_make_plan   (PacteRuleSummaries *self,
                                                      PactePortfolio     *portfolio,
                                                      PactePlan          *plan,
                                                      guint32             today);
/* How many times a rule's checks ran for a plan instead of being read from
 * its summary (for tests and benchmarks). */
guint64             pacte_rule_summaries_get_n_runs  (PacteRuleSummaries *self);

G_END_DECLS
