/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-rules.c: how fast the golden rules are on a large portfolio.
 *
 *   bench-rules FILE      (e.g. gen-portfolio.py --partners 10000 --plans 2000 -o FILE)
 *
 * Every figure is CPU time of this thread (CLOCK_THREAD_CPUTIME_ID), so
 * that other jobs on the machine do not count; best of several rounds
 * where it says so.  The lines starting "GOAL" give the measured figure,
 * the goal and whether it is met.
 *
 * The full evaluation is measured as the command line does it (every check
 * run: pacte_evaluate_plan without summaries) and as the window does it:
 * the load makes each plan's summary in its worker thread
 * (pacte_rule_summaries_make, timed here too), then the window's first
 * evaluation of every plan, and every later one (a change of language, of
 * a rule's setting for every plan), reads them and runs only what changed. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

#include "pacte-i18n.h"
#include "pacte-rule-settings.h"
#include "pacte-rules.h"

static double
cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void
goal (const char *what,
      double      measured,
      double      limit,
      const char *unit)
{
  printf ("GOAL %s: %.2f %s CPU, goal <= %.0f %s: %s\n", what, measured, unit, limit, unit,
          measured <= limit ? "met" : "NOT MET");
}

/* One evaluation of every plan; returns the CPU time in µs. */
static double
evaluate_all (PacteRuleSet     *rules,
              PactePortfolio   *portfolio,
              guint32           today,
              const char       *lang,
              PacteRuleOutcome *outcomes,
              guint            *counts,
              double           *total)
{
  GListModel *plans = pacte_portfolio_get_plans (portfolio);
  guint n_plans = g_list_model_get_n_items (plans);
  double start = cpu_us ();

  for (guint i = 0; i < n_plans; i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);
      int score = pacte_evaluate_plan (rules, portfolio, plan, today, lang, outcomes);

      if (total != NULL)
        *total += score;
      for (guint r = 0; counts != NULL && r < pacte_rule_set_get_n_rules (rules); r++)
        counts[outcomes[r].status]++;
    }
  return cpu_us () - start;
}

static double
best_of (guint             rounds,
         PacteRuleSet     *rules,
         PactePortfolio   *portfolio,
         guint32           today,
         const char       *lang,
         PacteRuleOutcome *outcomes)
{
  double best = INFINITY;

  for (guint round = 0; round < rounds; round++)
    best = MIN (best, evaluate_all (rules, portfolio, today, lang, outcomes, NULL, NULL));
  return best;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autoptr(PacteEvaluator) evaluator = NULL;
  g_autoptr(PacteRuleSummaries) summaries = NULL;
  g_autofree PacteRuleOutcome *outcomes = NULL;
  PacteRuleSet *rules;
  GListModel *plans;
  guint n_plans, rounds = 5;
  guint32 today = pacte_date_parse ("2027-03-15");
  double start, t, total = 0;
  guint counts[4] = { 0 };
  guint64 runs;

  pacte_i18n_init ();
  if (argc != 2)
    {
      fprintf (stderr, "usage: %s PORTFOLIO.pacte.json\n", argv[0]);
      return 1;
    }

  rules = pacte_rule_set_get_default ();
  outcomes = g_new0 (PacteRuleOutcome, pacte_rule_set_get_n_rules (rules));
  file = g_file_new_for_commandline_arg (argv[1]);
  start = cpu_us ();
  portfolio = pacte_portfolio_load_file (file, rules, NULL, &error);
  if (portfolio == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  plans = pacte_portfolio_get_plans (portfolio);
  n_plans = g_list_model_get_n_items (plans);
  printf ("loaded %u plans, %u partners in %.0f ms CPU\n", n_plans,
          g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio)),
          (cpu_us () - start) / 1000);

  /* 1. Every check run, as without summaries (the command line). */
  t = evaluate_all (rules, portfolio, today, "en", outcomes, counts, &total);
  printf ("every check run, first pass after load: %.2f µs per plan, %.1f ms for all %u plans\n",
          t / n_plans, t / 1000, n_plans);
  t = best_of (rounds, rules, portfolio, today, "en", outcomes);
  printf ("every check run: %.2f µs per plan, %.1f ms for all %u plans (best of %u)\n",
          t / n_plans, t / 1000, n_plans, rounds);
  printf ("lights: %u green, %u amber, %u red, %u off (mean score %.1f)\n",
          counts[0], counts[1], counts[2], counts[3], total / n_plans);

  /* 2. With summaries, as the window has them: the load makes them in its
   * worker thread, then the first evaluation of every plan reads them. */
  start = cpu_us ();
  pacte_rule_summaries_make (portfolio, rules, today, NULL);
  t = cpu_us () - start;
  printf ("summaries made (in the load's worker thread): %.2f µs per plan, %.1f ms\n",
          t / n_plans, t / 1000);
  summaries = pacte_rule_summaries_attach (portfolio, rules);
  runs = pacte_rule_summaries_get_n_runs (summaries);
  t = evaluate_all (rules, portfolio, today, "en", outcomes, NULL, NULL);
  printf ("first evaluation of every plan from summaries: %.2f µs per plan, %.1f ms (%" G_GUINT64_FORMAT " rules re-run)\n",
          t / n_plans, t / 1000, pacte_rule_summaries_get_n_runs (summaries) - runs);
  goal ("full evaluation of every plan, first after load (16 rules)", t / 1000, 10, "ms");
  t = best_of (rounds, rules, portfolio, today, "en", outcomes);
  printf ("evaluation from summaries: %.2f µs per plan, %.1f ms for all %u plans (best of %u)\n",
          t / n_plans, t / 1000, n_plans, rounds);
  goal ("full evaluation of every plan, best of 5 (16 rules)", t / 1000, 10, "ms");
  t = best_of (rounds, rules, portfolio, today, "fr", outcomes);
  printf ("the same in French (language switch): %.1f ms\n", t / 1000);
  {
    /* A rule tuned for every plan: only that rule runs again. */
    const double values[] = { 3 };

    if (!pacte_rule_settings_set_params (rules, portfolio, PACTE_RECORD (portfolio), "R04", values, &error))
      {
        fprintf (stderr, "%s\n", error->message);
        return 2;
      }
    runs = pacte_rule_summaries_get_n_runs (summaries);
    t = evaluate_all (rules, portfolio, today, "en", outcomes, NULL, NULL);
    printf ("after tuning R04 for every plan: %.1f ms for all %u plans (%" G_GUINT64_FORMAT " rules re-run)\n",
            t / 1000, n_plans, pacte_rule_summaries_get_n_runs (summaries) - runs);
    pacte_portfolio_undo (portfolio);
  }
  runs = pacte_rule_summaries_get_n_runs (summaries);
  t = evaluate_all (rules, portfolio, today + 1, "en", outcomes, NULL, NULL);
  printf ("the next day (every summary made again): %.1f ms (%" G_GUINT64_FORMAT " rules re-run)\n",
          t / 1000, pacte_rule_summaries_get_n_runs (summaries) - runs);

  /* 3. Live: one edit -> updated results model. */
  evaluator = pacte_evaluator_new (portfolio, rules, today, "en");
  start = cpu_us ();
  for (guint i = 0; i < n_plans; i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);

      pacte_evaluator_get_results (evaluator, plan);
    }
  printf ("results models for all plans: %.1f ms\n", (cpu_us () - start) / 1000);

  {
    g_autoptr(PactePlan) plan = g_list_model_get_item (plans, n_plans / 2);
    double best_edit = INFINITY;
    guint64 before = pacte_evaluator_get_n_evaluations (evaluator);

    for (guint k = 0; k < 20; k++)
      {
        start = cpu_us ();
        pacte_record_set_number (PACTE_RECORD (plan), PACTE_PLAN_REVENUE_TARGET, (k % 2) ? 0 : 1000, NULL);
        pacte_evaluator_flush (evaluator);
        best_edit = MIN (best_edit, cpu_us () - start);
      }
    printf ("plan edit -> results updated: %.1f µs (%" G_GUINT64_FORMAT " evaluations for 20 edits)\n",
            best_edit, pacte_evaluator_get_n_evaluations (evaluator) - before);
    goal ("plan edit -> results updated", best_edit, 50, "µs");
  }
  {
    const char * const *ids;
    g_autoptr(PactePlan) plan = g_list_model_get_item (plans, 0);
    PactePartner *partner;
    double best_edit = INFINITY;
    guint64 before = pacte_evaluator_get_n_evaluations (evaluator);

    ids = pacte_record_get_strv (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS);
    partner = pacte_portfolio_find_partner (portfolio, ids[0]);
    for (guint k = 0; k < 20; k++)
      {
        start = cpu_us ();
        pacte_record_set_string (PACTE_RECORD (partner), PACTE_PARTNER_LABEL, (k % 2) ? "" : "gold", NULL);
        pacte_evaluator_flush (evaluator);
        best_edit = MIN (best_edit, cpu_us () - start);
      }
    printf ("partner edit -> results updated: %.1f µs (%.1f plans re-evaluated per edit)\n",
            best_edit, (pacte_evaluator_get_n_evaluations (evaluator) - before) / 20.0);
    goal ("partner edit -> results updated", best_edit, 50, "µs");
  }
  return 0;
}
