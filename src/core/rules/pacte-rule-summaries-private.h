/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-rule-summaries-private.h: a plan's summary as the engine reads and
 * fills it (pacte-engine.c).  Only for src/core/rules. */
#pragma once

#include "pacte-check-run-private.h"
#include "pacte-rule-summaries.h"

G_BEGIN_DECLS

/* What a rule's checks decided for a plan; what a failure is about is
 * kept apart (most rules pass: their decisions stay within a cache line). */
typedef struct
{
  int               check;        /* the first failing check, or -1: green */
  int               green_case;   /* green: pacte_green_case() */
} PacteRuleDecision;

/* One plan's summary: one allocation, the flags first. */
typedef struct
{
  guint32            today;
  guint              epoch;        /* the summaries' epoch it was made in */
  gboolean           valid;        /* FALSE: the plan changed since */
  guint              n_partners;
  guint              n_rules;      /* the length of failures */
  PacteRecord      **partners;     /* the plan's partners, resolved */
  guint             *partner_gens; /* their generations then */
  guint8            *known;        /* per rule: decisions[r] is current */
  double            *params;       /* per rule: the parameters it was decided with */
  PacteRuleDecision *decisions;    /* per rule */
  PacteCheckFailure **failures;    /* per rule: what its failing check found,
                                    * or NULL (most rules pass: a failure is
                                    * ~200 bytes, kept only when there is one) */
} PactePlanSummary;

/* portfolio's summaries for rules when attached and used in this thread,
 * else NULL (transfer none). */
PacteRuleSummaries *pacte_rule_summaries_lookup   (PactePortfolio     *portfolio,
                                                   PacteRuleSet       *rules);
/* plan's summary, or NULL when it is not current for today (the caller
 * then resolves the partners and calls pacte_rule_summaries_reset). */
PactePlanSummary   *pacte_rule_summaries_get      (PacteRuleSummaries *self,
                                                   PactePlan          *plan,
                                                   guint32             today);
/* plan's summary, emptied, for today and these partners. */
PactePlanSummary   *pacte_rule_summaries_reset    (PacteRuleSummaries *self,
                                                   PactePlan          *plan,
                                                   guint32             today,
                                                   PacteRecord * const *partners,
                                                   guint               n_partners);
/* Keeps failure (NULL: the rule passed) as rule's in summary. */
void                pacte_rule_summaries_keep_failure (PactePlanSummary        *summary,
                                                       guint                    rule,
                                                       const PacteCheckFailure *failure);
/* Where rule's parameters are kept in a summary's params. */
guint               pacte_rule_summaries_param_offset (PacteRuleSummaries *self,
                                                       guint               rule);
/* pacte_evaluate_plan() with these summaries (NULL: none, every check
 * runs; the straightforward evaluation the tests compare with). */
int                 pacte_evaluate_plan_with      (PacteRuleSet       *rules,
                                                   PactePortfolio     *portfolio,
                                                   PactePlan          *plan,
                                                   guint32             today,
                                                   const char         *lang,
                                                   PacteRuleOutcome   *outcomes,
                                                   PacteRuleSummaries *summaries);
/* Counts one rule decided by running its checks. */
void                pacte_rule_summaries_count_run (PacteRuleSummaries *self);

G_END_DECLS
