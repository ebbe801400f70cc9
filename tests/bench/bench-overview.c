/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-overview.c: the portfolio cockpit on the large portfolio (2,000
 * plans).  Prints figures; it is not a timed test.
 *
 *  a. fix first, core only: evaluating every plan and building the
 *     analysis; the portfolio's fix-first list from it; the agenda;
 *  b. the window: the overview's refresh from the evaluator's results,
 *     then its first drawn frame (show → "after-paint");
 *  c. sort and filter → the frame that shows the result.
 *
 * Usage: bench-overview PORTFOLIO.json   (needs a display: xvfb-run) */
#include "config.h"

#include <adwaita.h>

#include "pacte-analysis.h"
#include "pacte-i18n.h"
#include "pacte-overview.h"
#include "pacte-window.h"

#define TODAY "2027-03-15"

static gboolean painted;

static void
on_after_paint (void)
{
  painted = TRUE;
}

/* Runs the main loop until the window's next frame is painted; the time
 * from start to then, in ms. */
static double
until_painted (GtkWidget *window,
               gint64     start)
{
  painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autoptr(PacteAnalysis) analysis = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  PacteRuleSet *rules;
  PacteWindow *window;
  PacteOverview *overview;
  GdkFrameClock *clock;
  const PactePortfolioFix *fixes;
  guint n_fixes;
  guint32 today = pacte_date_parse (TODAY);
  gint64 start;

  if (argc != 2)
    {
      g_printerr ("usage: bench-overview PORTFOLIO.json\n");
      return 2;
    }
  pacte_i18n_init ();
  gtk_init ();
  adw_init ();
  rules = pacte_rule_set_get_default ();
  file = g_file_new_for_commandline_arg (argv[1]);
  portfolio = pacte_portfolio_load_file (file, rules, NULL, &error);
  if (portfolio == NULL)
    {
      g_printerr ("bench-overview: %s\n", error->message);
      return 1;
    }
  printf ("%u plans\n", g_list_model_get_n_items (pacte_portfolio_get_plans (portfolio)));

  printf ("a. Core\n");
  start = g_get_monotonic_time ();
  analysis = pacte_analysis_new_evaluate (rules, portfolio, today, "en");
  printf ("  evaluate every plan + analysis: %.1f ms\n", ms_since (start));
  start = g_get_monotonic_time ();
  fixes = pacte_analysis_get_portfolio_fixes (analysis, &n_fixes);
  printf ("  portfolio fix first (%u rules, first %s on %u plans): %.2f ms\n", n_fixes,
          n_fixes > 0 ? pacte_rule_set_get_id (rules, fixes[0].rule_index) : "-",
          n_fixes > 0 ? fixes[0].n_plans : 0, ms_since (start));
  start = g_get_monotonic_time ();
  agenda = pacte_agenda_collect (portfolio, today, 30);
  printf ("  agenda (%u items): %.2f ms\n", agenda->len, ms_since (start));

  printf ("b. Window\n");
  window = pacte_window_new (NULL);
  pacte_window_set_today (window, today);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  start = g_get_monotonic_time ();
  pacte_window_set_portfolio (window, portfolio);
  printf ("  set portfolio (editors, lists, overview's first refresh): %.1f ms\n", ms_since (start));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  until_painted (GTK_WIDGET (window), g_get_monotonic_time ());

  start = g_get_monotonic_time ();
  pacte_window_show_overview (window, "heat-map");
  printf ("  overview first frame (made, refreshed, shown → painted): %.1f ms\n",
          until_painted (GTK_WIDGET (window), start));
  overview = PACTE_OVERVIEW (pacte_window_get_overview (window));
  start = g_get_monotonic_time ();
  pacte_overview_refresh (overview);
  printf ("  overview refresh from live results: %.1f ms\n", ms_since (start));

  start = g_get_monotonic_time ();
  printf ("  a frame with nothing changed (baseline): %.1f ms\n", until_painted (GTK_WIDGET (window), start));

  printf ("c. Sort and filter → painted\n");
  start = g_get_monotonic_time ();
  pacte_overview_set_sort (overview, PACTE_OVERVIEW_SORT_NAME);
  printf ("  sort by name: %.1f ms\n", until_painted (GTK_WIDGET (window), start));
  start = g_get_monotonic_time ();
  pacte_overview_set_sort (overview, PACTE_OVERVIEW_SORT_WORST);
  printf ("  sort worst first: %.1f ms\n", until_painted (GTK_WIDGET (window), start));
  start = g_get_monotonic_time ();
  pacte_overview_set_phase_filter (overview, "execution");
  printf ("  filter by phase (%u plans): %.1f ms\n", g_list_model_get_n_items (pacte_overview_get_plans (overview)),
          until_painted (GTK_WIDGET (window), start));
  start = g_get_monotonic_time ();
  pacte_overview_set_search (overview, "group");
  printf ("  filter by text (%u plans): %.1f ms\n", g_list_model_get_n_items (pacte_overview_get_plans (overview)),
          until_painted (GTK_WIDGET (window), start));
  start = g_get_monotonic_time ();
  pacte_overview_set_search (overview, NULL);
  pacte_overview_set_phase_filter (overview, NULL);
  printf ("  no filter (%u plans): %.1f ms\n", g_list_model_get_n_items (pacte_overview_get_plans (overview)),
          until_painted (GTK_WIDGET (window), start));

  pacte_portfolio_set_unmodified (portfolio);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
