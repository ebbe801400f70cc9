/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-analysis.c: fix-first lists, per-rule totals, the average score and
 * its distribution, and trends from recorded reviews.  Every score is the
 * engine's (pacte_score_from_counts), so the figures agree with the lights. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pacte-analysis.h"

/* ---- Fix first: one plan ------------------------------------------------ */

static int
compare_fixes (const void *a,
               const void *b)
{
  const PacteFix *x = a, *y = b;

  if (x->gain != y->gain)
    return x->gain > y->gain ? -1 : 1;
  if (x->status != y->status)
    return x->status == PACTE_STATUS_RED ? -1 : 1;
  return x->rule_index < y->rule_index ? -1 : (x->rule_index > y->rule_index);
}

guint
pacte_fix_first_plan (const PacteStatus *statuses,
                      guint              n_rules,
                      PacteFix          *fixes)
{
  guint n_green = 0, n_amber = 0, n_red = 0, n = 0;
  int score;

  g_return_val_if_fail (statuses != NULL || n_rules == 0, 0);
  g_return_val_if_fail (fixes != NULL || n_rules == 0, 0);

  for (guint r = 0; r < n_rules; r++)
    {
      if (statuses[r] == PACTE_STATUS_GREEN)
        n_green++;
      else if (statuses[r] == PACTE_STATUS_AMBER)
        n_amber++;
      else if (statuses[r] == PACTE_STATUS_RED)
        n_red++;
    }
  score = pacte_score_from_counts (n_green, n_amber, n_red);

  for (guint r = 0; r < n_rules; r++)
    {
      int fixed;

      if (statuses[r] == PACTE_STATUS_RED)
        fixed = pacte_score_from_counts (n_green + 1, n_amber, n_red - 1);
      else if (statuses[r] == PACTE_STATUS_AMBER)
        fixed = pacte_score_from_counts (n_green + 1, n_amber - 1, n_red);
      else
        continue;
      fixes[n].rule_index = r;
      fixes[n].status = statuses[r];
      fixes[n].gain = fixed - score;
      n++;
    }
  qsort (fixes, n, sizeof (PacteFix), compare_fixes);
  return n;
}

guint
pacte_fix_first_outcomes (const PacteRuleOutcome *outcomes,
                          guint                   n_rules,
                          PacteFix               *fixes)
{
  PacteStatus stack[64];
  g_autofree PacteStatus *heap = NULL;
  PacteStatus *statuses = stack;

  g_return_val_if_fail (outcomes != NULL || n_rules == 0, 0);

  if (n_rules > G_N_ELEMENTS (stack))
    statuses = heap = g_new (PacteStatus, n_rules);
  for (guint r = 0; r < n_rules; r++)
    statuses[r] = outcomes[r].status;
  return pacte_fix_first_plan (statuses, n_rules, fixes);
}

/* ---- The portfolio ------------------------------------------------------ */

struct _PacteAnalysis
{
  PacteRuleSet *rules;
  guint         n_rules;
  GPtrArray    *plans;      /* PactePlan, referenced */
  GArray       *scores;     /* int */
  GArray       *statuses;   /* PacteStatus, n_rules per plan */
  guint        *counts;     /* [rule * 4 + status] */
  guint         buckets[PACTE_ANALYSIS_N_BUCKETS];
  guint         n_scored;
  gint64        score_sum;

  /* Portfolio fixes, built on demand. */
  gboolean           fixes_valid;
  GArray            *fixes;        /* PactePortfolioFix */
  guint             *fix_plans;    /* storage behind each fix's plans */
  int               *fix_gains;    /* and gains */
};

PacteAnalysis *
pacte_analysis_new (PacteRuleSet *rules)
{
  PacteAnalysis *self;

  g_return_val_if_fail (PACTE_IS_RULE_SET (rules), NULL);

  self = g_new0 (PacteAnalysis, 1);
  self->rules = g_object_ref (rules);
  self->n_rules = pacte_rule_set_get_n_rules (rules);
  self->plans = g_ptr_array_new_with_free_func (g_object_unref);
  self->scores = g_array_new (FALSE, FALSE, sizeof (int));
  self->statuses = g_array_new (FALSE, FALSE, sizeof (PacteStatus));
  self->counts = g_new0 (guint, MAX (self->n_rules, 1) * 4);
  self->fixes = g_array_new (FALSE, TRUE, sizeof (PactePortfolioFix));
  return self;
}

PacteAnalysis *
pacte_analysis_new_evaluate (PacteRuleSet   *rules,
                             PactePortfolio *portfolio,
                             guint32         today,
                             const char     *lang)
{
  g_autofree PacteRuleOutcome *outcomes = NULL;
  g_autofree PacteStatus *statuses = NULL;
  PacteAnalysis *self;
  GListModel *plans;
  guint n_plans;

  g_return_val_if_fail (PACTE_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (today != 0, NULL);

  self = pacte_analysis_new (rules);
  outcomes = g_new0 (PacteRuleOutcome, MAX (self->n_rules, 1));
  statuses = g_new0 (PacteStatus, MAX (self->n_rules, 1));
  plans = pacte_portfolio_get_plans (portfolio);
  n_plans = g_list_model_get_n_items (plans);
  for (guint i = 0; i < n_plans; i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);
      int score = pacte_evaluate_plan (rules, portfolio, plan, today, lang, outcomes);

      for (guint r = 0; r < self->n_rules; r++)
        statuses[r] = outcomes[r].status;
      pacte_analysis_add_plan (self, plan, statuses, score);
    }
  return self;
}

static void
clear_portfolio_fixes (PacteAnalysis *self)
{
  g_array_set_size (self->fixes, 0);
  g_clear_pointer (&self->fix_plans, g_free);
  g_clear_pointer (&self->fix_gains, g_free);
  self->fixes_valid = FALSE;
}

void
pacte_analysis_free (PacteAnalysis *self)
{
  if (self == NULL)
    return;
  clear_portfolio_fixes (self);
  g_array_unref (self->fixes);
  g_free (self->counts);
  g_array_unref (self->statuses);
  g_array_unref (self->scores);
  g_ptr_array_unref (self->plans);
  g_object_unref (self->rules);
  g_free (self);
}

void
pacte_analysis_add_plan (PacteAnalysis     *self,
                         PactePlan         *plan,
                         const PacteStatus *statuses,
                         int                score)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (PACTE_IS_PLAN (plan));
  g_return_if_fail (statuses != NULL || self->n_rules == 0);
  g_return_if_fail (score >= -1 && score <= 100);

  g_ptr_array_add (self->plans, g_object_ref (plan));
  g_array_append_val (self->scores, score);
  g_array_append_vals (self->statuses, statuses, self->n_rules);
  for (guint r = 0; r < self->n_rules; r++)
    {
      g_return_if_fail ((guint) statuses[r] <= PACTE_STATUS_OFF);
      self->counts[r * 4 + statuses[r]]++;
    }
  if (score >= 0)
    {
      self->n_scored++;
      self->score_sum += score;
      self->buckets[MIN (score / 10, PACTE_ANALYSIS_N_BUCKETS - 1)]++;
    }
  clear_portfolio_fixes (self);
}

PacteRuleSet *
pacte_analysis_get_rules (PacteAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->rules;
}

guint
pacte_analysis_get_n_plans (PacteAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->plans->len;
}

PactePlan *
pacte_analysis_get_plan (PacteAnalysis *self,
                         guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->plans->len, NULL);
  return g_ptr_array_index (self->plans, index);
}

int
pacte_analysis_get_score (PacteAnalysis *self,
                          guint          index)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (index < self->plans->len, -1);
  return g_array_index (self->scores, int, index);
}

const PacteStatus *
pacte_analysis_get_statuses (PacteAnalysis *self,
                             guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->plans->len, NULL);
  return &g_array_index (self->statuses, PacteStatus, (gsize) index * self->n_rules);
}

guint
pacte_analysis_get_n_scored (PacteAnalysis *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_scored;
}

double
pacte_analysis_get_average (PacteAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  if (self->n_scored == 0)
    return NAN;
  return (double) self->score_sum / self->n_scored;
}

guint
pacte_analysis_get_bucket (PacteAnalysis *self,
                           guint          bucket)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (bucket < PACTE_ANALYSIS_N_BUCKETS, 0);
  return self->buckets[bucket];
}

guint
pacte_analysis_count (PacteAnalysis *self,
                      guint          rule_index,
                      PacteStatus    status)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (rule_index < self->n_rules, 0);
  g_return_val_if_fail ((guint) status <= PACTE_STATUS_OFF, 0);
  return self->counts[rule_index * 4 + status];
}

guint
pacte_analysis_get_fixes (PacteAnalysis *self,
                          guint          index,
                          PacteFix      *fixes)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->plans->len, 0);
  return pacte_fix_first_plan (pacte_analysis_get_statuses (self, index), self->n_rules, fixes);
}

typedef struct {
  guint plan;
  int   gain;
} PlanGain;

static int
compare_plan_gains (const void *a,
                    const void *b)
{
  const PlanGain *x = a, *y = b;

  if (x->gain != y->gain)
    return x->gain > y->gain ? -1 : 1;
  return x->plan < y->plan ? -1 : (x->plan > y->plan);
}

static int
compare_portfolio_fixes (gconstpointer a,
                         gconstpointer b)
{
  const PactePortfolioFix *x = a, *y = b;

  if (x->total_gain != y->total_gain)
    return x->total_gain > y->total_gain ? -1 : 1;
  if (x->n_plans != y->n_plans)
    return x->n_plans > y->n_plans ? -1 : 1;
  return x->rule_index < y->rule_index ? -1 : (x->rule_index > y->rule_index);
}

static void
build_portfolio_fixes (PacteAnalysis *self)
{
  guint n_failing = 0, offset = 0;
  g_autofree guint *starts = g_new0 (guint, self->n_rules + 1);
  g_autofree PlanGain *pairs = NULL;
  g_autofree PacteFix *fixes = g_new (PacteFix, MAX (self->n_rules, 1));

  /* Room per rule: its red and amber plans. */
  for (guint r = 0; r < self->n_rules; r++)
    {
      starts[r] = n_failing;
      n_failing += self->counts[r * 4 + PACTE_STATUS_RED] + self->counts[r * 4 + PACTE_STATUS_AMBER];
    }
  starts[self->n_rules] = n_failing;
  pairs = g_new (PlanGain, MAX (n_failing, 1));
  self->fix_plans = g_new (guint, MAX (n_failing, 1));
  self->fix_gains = g_new (int, MAX (n_failing, 1));

  {
    g_autofree guint *filled = g_new0 (guint, MAX (self->n_rules, 1));

    for (guint i = 0; i < self->plans->len; i++)
      {
        guint n = pacte_analysis_get_fixes (self, i, fixes);

        for (guint f = 0; f < n; f++)
          {
            guint r = fixes[f].rule_index;
            PlanGain *pair = &pairs[starts[r] + filled[r]++];

            pair->plan = i;
            pair->gain = fixes[f].gain;
          }
      }
  }

  for (guint r = 0; r < self->n_rules; r++)
    {
      PactePortfolioFix fix = { 0 };
      guint n = starts[r + 1] - starts[r];

      if (n == 0)
        continue;
      qsort (pairs + starts[r], n, sizeof (PlanGain), compare_plan_gains);
      fix.rule_index = r;
      fix.n_plans = n;
      fix.n_red = self->counts[r * 4 + PACTE_STATUS_RED];
      fix.n_amber = self->counts[r * 4 + PACTE_STATUS_AMBER];
      for (guint k = 0; k < n; k++)
        {
          self->fix_plans[offset + k] = pairs[starts[r] + k].plan;
          self->fix_gains[offset + k] = pairs[starts[r] + k].gain;
          fix.total_gain += pairs[starts[r] + k].gain;
        }
      /* Pointers are set once the storage stops moving, below. */
      fix.plans = GUINT_TO_POINTER (offset);
      fix.average_gain = self->n_scored > 0 ? (double) fix.total_gain / self->n_scored : 0.0;
      g_array_append_val (self->fixes, fix);
      offset += n;
    }

  for (guint f = 0; f < self->fixes->len; f++)
    {
      PactePortfolioFix *fix = &g_array_index (self->fixes, PactePortfolioFix, f);
      guint start = GPOINTER_TO_UINT (fix->plans);

      fix->plans = self->fix_plans + start;
      fix->gains = self->fix_gains + start;
    }
  g_array_sort (self->fixes, compare_portfolio_fixes);
  self->fixes_valid = TRUE;
}

const PactePortfolioFix *
pacte_analysis_get_portfolio_fixes (PacteAnalysis *self,
                                    guint         *n_fixes)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_fixes != NULL, NULL);

  if (!self->fixes_valid)
    build_portfolio_fixes (self);
  *n_fixes = self->fixes->len;
  return (const PactePortfolioFix *) self->fixes->data;
}

/* ---- Trend -------------------------------------------------------------- */

static int
review_score (PacteRuleSet *rules,
              PacteRecord  *review)
{
  guint n_rules = pacte_rule_set_get_n_rules (rules);
  guint n_green = 0, n_amber = 0, n_red = 0;

  for (guint r = 0; r < n_rules; r++)
    {
      const char *text = pacte_record_map_get_string (review, PACTE_REVIEW_STATUSES,
                                                      pacte_rule_set_get_id (rules, r));
      PacteStatus status;

      if (!pacte_status_from_string (text, &status))
        continue;
      if (status == PACTE_STATUS_GREEN)
        n_green++;
      else if (status == PACTE_STATUS_AMBER)
        n_amber++;
      else if (status == PACTE_STATUS_RED)
        n_red++;
    }
  return pacte_score_from_counts (n_green, n_amber, n_red);
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const PacteTrendPoint *x = a, *y = b;

  return x->date < y->date ? -1 : (x->date > y->date);
}

GArray *
pacte_plan_trend (PacteRuleSet *rules,
                  PactePlan    *plan,
                  guint32       today,
                  int           current_score)
{
  GArray *points;
  PacteRecord * const *reviews;
  guint n_reviews;

  g_return_val_if_fail (PACTE_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (PACTE_IS_PLAN (plan), NULL);

  points = g_array_new (FALSE, TRUE, sizeof (PacteTrendPoint));
  reviews = pacte_record_get_items (PACTE_RECORD (plan), PACTE_PLAN_REVIEWS, &n_reviews);
  for (guint i = 0; i < n_reviews; i++)
    {
      PacteTrendPoint point = { 0 };

      point.date = pacte_record_get_date (reviews[i], PACTE_REVIEW_DATE);
      point.score = review_score (rules, reviews[i]);
      if (point.date != 0 && point.score >= 0)
        g_array_append_val (points, point);
    }
  g_array_sort (points, compare_points);
  if (current_score >= 0)
    {
      PacteTrendPoint point = { today, current_score, TRUE };

      g_array_append_val (points, point);
    }
  return points;
}

gboolean
pacte_plan_change_since_review (PacteRuleSet *rules,
                                PactePlan    *plan,
                                int           current_score,
                                int          *change)
{
  g_autoptr(GArray) points = NULL;

  g_return_val_if_fail (PACTE_IS_RULE_SET (rules), FALSE);
  g_return_val_if_fail (PACTE_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if (current_score < 0)
    return FALSE;
  points = pacte_plan_trend (rules, plan, 1, -1);
  if (points->len == 0)
    return FALSE;
  *change = current_score - g_array_index (points, PacteTrendPoint, points->len - 1).score;
  return TRUE;
}
