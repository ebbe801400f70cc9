/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-overview.c: the portfolio cockpit on the large portfolio (2,000
 * plans).  Prints figures; it is not a timed test.
 *
 *  a. fix first, core only: evaluating every plan and building the
 *     analysis; the portfolio's fix-first list from it; the agenda;
 *  b. the window: a portfolio opens on its overview: set → its first
 *     drawn frame ("after-paint"); a refresh from the evaluator's results;
 *  c. sort and filter → the frame that shows the result;
 *  d. scrolling a page → the frame that shows it.
 * Each figure is wall-clock time, then the process's CPU time: on a loaded
 * machine the first includes waiting for a core.
 *
 * Usage: bench-overview PORTFOLIO.json   (needs a display: xvfb-run) */
#include "config.h"

#include <adwaita.h>
#include <time.h>

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

/* The process's CPU time (every thread: the GL rasterizer's too), in ms.
 * On a loaded machine the wall-clock figures include waiting for a core;
 * the CPU figure is what the step costs. */
static double cpu_start;

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gint64
mark (void)
{
  cpu_start = cpu_ms ();
  return g_get_monotonic_time ();
}

/* Prints what the step took: "label: 12.3 ms (CPU 10.1 ms)". */
static void
report (const char *label,
        double      wall)
{
  printf ("  %s: %.1f ms (CPU %.1f ms)\n", label, wall, cpu_ms () - cpu_start);
}

/* The heat map's scrolled window (the overview's only one on that page). */
static GtkWidget *
overview_scrolled (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = overview_scrolled (child);

      if (found != NULL)
        return found;
    }
  return NULL;
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
  start = mark ();
  analysis = pacte_analysis_new_evaluate (rules, portfolio, today, "en");
  report ("evaluate every plan + analysis", ms_since (start));
  start = mark ();
  fixes = pacte_analysis_get_portfolio_fixes (analysis, &n_fixes);
  printf ("  portfolio fix first (%u rules, first %s on %u plans): %.2f ms\n", n_fixes,
          n_fixes > 0 ? pacte_rule_set_get_id (rules, fixes[0].rule_index) : "-",
          n_fixes > 0 ? fixes[0].n_plans : 0, ms_since (start));
  start = mark ();
  agenda = pacte_agenda_collect (portfolio, today, 30);
  {
    double t = ms_since (start);
    g_autofree char *label = g_strdup_printf ("agenda (%u items)", agenda->len);

    report (label, t);
  }

  printf ("b. Window\n");
  window = pacte_window_new (NULL);
  pacte_window_set_today (window, today);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  until_painted (GTK_WIDGET (window), g_get_monotonic_time ());

  /* A portfolio opens on its overview: loaded → its first frame. */
  start = mark ();
  pacte_window_set_portfolio (window, portfolio);
  report ("set portfolio (editors, lists, the overview made and refreshed)", ms_since (start));
  report ("  … → the overview's first frame painted", until_painted (GTK_WIDGET (window), start));
  overview = PACTE_OVERVIEW (pacte_window_get_overview (window));
  g_assert (overview != NULL && gtk_widget_get_mapped (GTK_WIDGET (overview)));
  start = mark ();
  pacte_overview_refresh (overview);
  report ("overview refresh from live results", ms_since (start));

  start = mark ();
  report ("a frame with nothing changed (baseline)", until_painted (GTK_WIDGET (window), start));

  printf ("c. Sort and filter → painted\n");
  start = mark ();
  pacte_overview_set_sort (overview, PACTE_OVERVIEW_SORT_NAME);
  report ("sort by name", until_painted (GTK_WIDGET (window), start));
  start = mark ();
  pacte_overview_set_sort (overview, PACTE_OVERVIEW_SORT_WORST);
  report ("sort worst first", until_painted (GTK_WIDGET (window), start));
  start = mark ();
  pacte_overview_set_phase_filter (overview, "execution");
  {
    double t = until_painted (GTK_WIDGET (window), start);
    g_autofree char *label = g_strdup_printf ("filter by phase (%u plans)", g_list_model_get_n_items (pacte_overview_get_plans (overview)));

    report (label, t);
  }
  start = mark ();
  pacte_overview_set_search (overview, "group");
  {
    double t = until_painted (GTK_WIDGET (window), start);
    g_autofree char *label = g_strdup_printf ("filter by text (%u plans)", g_list_model_get_n_items (pacte_overview_get_plans (overview)));

    report (label, t);
  }
  start = mark ();
  pacte_overview_set_search (overview, NULL);
  pacte_overview_set_phase_filter (overview, NULL);
  {
    double t = until_painted (GTK_WIDGET (window), start);
    g_autofree char *label = g_strdup_printf ("no filter (%u plans)", g_list_model_get_n_items (pacte_overview_get_plans (overview)));

    report (label, t);
  }

  printf ("d. Scrolling → painted\n");
  {
    GtkWidget *view = overview_scrolled (GTK_WIDGET (overview));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (view));
    double worst = 0, worst_cpu = 0, total = 0;
    const int steps = 20;

    until_painted (GTK_WIDGET (window), g_get_monotonic_time ());
    for (int i = 0; i < steps; i++)
      {
        double t, c;

        start = mark ();
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                              + gtk_adjustment_get_page_increment (adjustment));
        t = until_painted (GTK_WIDGET (window), start);
        c = cpu_ms () - cpu_start;
        total += t;
        worst = MAX (worst, t);
        worst_cpu = MAX (worst_cpu, c);
      }
    printf ("  a page down, %d times: %.1f ms each on average, worst %.1f ms (CPU worst %.1f ms)\n",
            steps, total / steps, worst, worst_cpu);
  }

  pacte_portfolio_set_unmodified (portfolio);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
