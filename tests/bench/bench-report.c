/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-report.c: time of the review report, stage by stage.
 *
 *   bench-report [--plan ID] [--lang en|fr] [--runs N] FILE OUT.pdf
 *
 * Prints load, build (reading the portfolio and evaluating the rules),
 * paginate (measuring every row with pango) and PDF writing times, the page
 * count and pages per second.  With several runs the best run is shown. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "pacte-i18n.h"
#include "pacte-report.h"

int
main (int    argc,
      char **argv)
{
  g_autofree char *plan_id = NULL;
  g_autofree char *lang = NULL;
  int runs = 1;
  GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_STRING, &plan_id, "Only this plan", "ID" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "Report language", "LANG" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs (best shown)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE OUT.pdf");
  g_autoptr(GError) error = NULL;
  double best_load = G_MAXDOUBLE, best_build = G_MAXDOUBLE, best_paginate = G_MAXDOUBLE;
  double best_write = G_MAXDOUBLE, best_total = G_MAXDOUBLE;
  guint pages = 0;
  guint n_plans = 0;

  pacte_i18n_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3)
    {
      fprintf (stderr, "usage: bench-report [--plan ID] [--lang en|fr] [--runs N] FILE OUT.pdf\n");
      return 1;
    }

  for (int run = 0; run < MAX (runs, 1); run++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);
      g_autoptr(PactePortfolio) portfolio = NULL;
      g_autoptr(PacteReport) report = NULL;
      PactePlan *plan = NULL;
      gint64 t0, t1, t2, t3, t4;

      t0 = g_get_monotonic_time ();
      portfolio = pacte_portfolio_load_file (file, pacte_rule_set_get_default (), NULL, &error);
      if (portfolio == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 2;
        }
      if (plan_id != NULL && (plan = pacte_portfolio_find_plan (portfolio, plan_id)) == NULL)
        {
          fprintf (stderr, "no plan %s\n", plan_id);
          return 1;
        }
      n_plans = plan != NULL ? 1 : g_list_model_get_n_items (pacte_portfolio_get_plans (portfolio));
      t1 = g_get_monotonic_time ();
      report = pacte_report_new (portfolio, pacte_rule_set_get_default (), plan,
                                 pacte_date_parse ("2027-03-15"), lang != NULL ? lang : "en");
      t2 = g_get_monotonic_time ();
      pages = pacte_report_paginate (report, NULL);
      t3 = g_get_monotonic_time ();
      if (!pacte_report_write_pdf (report, argv[2], &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 2;
        }
      t4 = g_get_monotonic_time ();

      best_load = MIN (best_load, (t1 - t0) / 1e3);
      best_build = MIN (best_build, (t2 - t1) / 1e3);
      best_paginate = MIN (best_paginate, (t3 - t2) / 1e3);
      best_write = MIN (best_write, (t4 - t3) / 1e3);
      best_total = MIN (best_total, (t4 - t0) / 1e3);
    }

  printf ("plans %u, pages %u\n", n_plans, pages);
  printf ("load      %10.1f ms\n", best_load);
  printf ("build     %10.1f ms  (read the portfolio, evaluate the rules)\n", best_build);
  printf ("paginate  %10.1f ms  (measure every row)\n", best_paginate);
  printf ("write pdf %10.1f ms\n", best_write);
  printf ("total     %10.1f ms\n", best_total);
  printf ("report (build + paginate + write): %.1f pages/s\n",
          pages / ((best_build + best_paginate + best_write) / 1e3));
  return 0;
}
