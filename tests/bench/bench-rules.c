/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-rules.c: how fast the golden rules are on a large portfolio.
 *
 *   bench-rules FILE      (e.g. gen-portfolio.py --partners 10000 --plans 2000 -o FILE)
 *
 * Prints: the full evaluation of every plan (µs per plan, 16 rules), and the
 * time from one edit to an updated results model (plan edit, partner edit). */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "pacte-i18n.h"
#include "pacte-rules.h"

static double
now_us (void)
{
  return (double) g_get_monotonic_time ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autoptr(PacteEvaluator) evaluator = NULL;
  g_autofree PacteRuleOutcome *outcomes = NULL;
  PacteRuleSet *rules;
  GListModel *plans;
  guint n_plans, rounds = 5;
  guint32 today = pacte_date_parse ("2027-03-15");
  double start, best = INFINITY, total = 0;
  guint counts[4] = { 0 };

  pacte_i18n_init ();
  if (argc != 2)
    {
      fprintf (stderr, "usage: %s PORTFOLIO.pacte.json\n", argv[0]);
      return 1;
    }

  rules = pacte_rule_set_get_default ();
  outcomes = g_new0 (PacteRuleOutcome, pacte_rule_set_get_n_rules (rules));
  file = g_file_new_for_commandline_arg (argv[1]);
  start = now_us ();
  portfolio = pacte_portfolio_load_file (file, rules, NULL, &error);
  if (portfolio == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  plans = pacte_portfolio_get_plans (portfolio);
  n_plans = g_list_model_get_n_items (plans);
  printf ("loaded %u plans, %u partners in %.0f ms\n", n_plans,
          g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio)),
          (now_us () - start) / 1000);

  /* 1. Pure evaluation of every plan, best of several rounds. */
  for (guint round = 0; round < rounds; round++)
    {
      double t;

      start = now_us ();
      for (guint i = 0; i < n_plans; i++)
        {
          g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);

          total += pacte_evaluate_plan (rules, portfolio, plan, today, "en", outcomes);
          if (round == 0)
            for (guint r = 0; r < pacte_rule_set_get_n_rules (rules); r++)
              counts[outcomes[r].status]++;
        }
      t = now_us () - start;
      best = MIN (best, t);
    }
  printf ("full evaluation: %.2f µs per plan (16 rules), %.1f ms for all %u plans (best of %u)\n",
          best / n_plans, best / 1000, n_plans, rounds);
  printf ("lights: %u green, %u amber, %u red, %u off (mean score %.1f)\n",
          counts[0], counts[1], counts[2], counts[3], total / (rounds * (double) n_plans));

  /* 2. Live: one edit -> updated results model. */
  evaluator = pacte_evaluator_new (portfolio, rules, today, "en");
  start = now_us ();
  for (guint i = 0; i < n_plans; i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);

      pacte_evaluator_get_results (evaluator, plan);
    }
  printf ("results models for all plans: %.1f ms\n", (now_us () - start) / 1000);

  {
    g_autoptr(PactePlan) plan = g_list_model_get_item (plans, n_plans / 2);
    double best_edit = INFINITY;
    guint64 before = pacte_evaluator_get_n_evaluations (evaluator);

    for (guint k = 0; k < 20; k++)
      {
        start = now_us ();
        pacte_record_set_number (PACTE_RECORD (plan), PACTE_PLAN_REVENUE_TARGET, (k % 2) ? 0 : 1000, NULL);
        pacte_evaluator_flush (evaluator);
        best_edit = MIN (best_edit, now_us () - start);
      }
    printf ("plan edit -> results updated: %.1f µs (%" G_GUINT64_FORMAT " evaluations for 20 edits)\n",
            best_edit, pacte_evaluator_get_n_evaluations (evaluator) - before);
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
        start = now_us ();
        pacte_record_set_string (PACTE_RECORD (partner), PACTE_PARTNER_LABEL, (k % 2) ? "" : "gold", NULL);
        pacte_evaluator_flush (evaluator);
        best_edit = MIN (best_edit, now_us () - start);
      }
    printf ("partner edit -> results updated: %.1f µs (%.1f plans re-evaluated per edit)\n",
            best_edit, (pacte_evaluator_get_n_evaluations (evaluator) - before) / 20.0);
  }
  return 0;
}
