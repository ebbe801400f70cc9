/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-overview.c: the portfolio cockpit on the large portfolio (2,000
 * plans), against issue 14's goals.  Prints figures; it is not a timed test.
 *
 *  a. fix first, core only: evaluating every plan and building the
 *     analysis; the portfolio's fix-first list from it; the agenda;
 *  b. the overview's first frame: in the window (set the portfolio → the
 *     window's first frame, the window's editors and lists included), and
 *     the overview's own (a new overview of the loaded portfolio, alone in a
 *     window of the same size → its first frame);
 *  c. sort and filter → the frame that shows the result;
 *  d. scrolling a page → the frame that shows it;
 *  e. the widgets the overview keeps alive (issue 13 item 6: its memory).
 *
 * Each step is split into what the overview does when called ("call": a
 * sort or filter rebinding the rows in view), the frame's layout (measure,
 * allocate, and binding the rows that come into view) and its paint (the
 * widgets' snapshots and the renderer drawing them); then the work left
 * for after the frame (rows out of view bound in an idle, and its frame).  Every figure is
 * wall-clock time, then CPU time: the main thread's ("main"), and the whole
 * process's (with the GL renderer, llvmpipe's rasterizer threads too).  On
 * a loaded machine wall-clock time includes waiting for a core; the CPU
 * figures are what the step costs.  The frames are requested from the frame
 * clock, not forced: a frame redraws only what the step changed.
 *
 * At the end, one line per goal: "GOAL name: measured; goal; met/NOT met",
 * judged on wall-clock time (what a user sees).  Run it with
 * GSK_RENDERER=cairo and with the default (GL) renderer.
 *
 * Usage: bench-overview PORTFOLIO.json   (needs a display: xvfb-run) */
#include "config.h"

#include <adwaita.h>
#include <malloc.h>
#include <time.h>

#include "pacte-analysis.h"
#include "pacte-heat-grid.h"
#include "pacte-i18n.h"
#include "pacte-overview.h"
#include "pacte-window.h"

#define TODAY "2027-03-15"
#define FRAME_MS (1000.0 / 60)

typedef struct {
  double wall;    /* ms, monotonic */
  double thread;  /* ms of the main thread's CPU */
  double process; /* ms of the process's CPU, every thread */
} Stamp;

static double
clock_ms (clockid_t id)
{
  struct timespec ts;

  clock_gettime (id, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static Stamp
stamp_now (void)
{
  Stamp s = { g_get_monotonic_time () / 1000.0, clock_ms (CLOCK_THREAD_CPUTIME_ID),
              clock_ms (CLOCK_PROCESS_CPUTIME_ID) };

  return s;
}

/* One measured step: start → the call returns → the next frame's layout
 * done → its paint done. */
typedef struct {
  Stamp    start, called, frame, laid_out, painted, settled;
  gboolean in_frame, laid, done;
} Step;

static Step step;

static void
on_before_paint (void)
{
  if (!step.in_frame)
    {
      step.in_frame = TRUE;
      step.frame = stamp_now ();
    }
}

/* Connected after the surface's own handlers: the end of the phase. */
static void
on_layout (void)
{
  if (step.in_frame && !step.done)
    {
      step.laid = TRUE;
      step.laid_out = stamp_now ();
    }
}

static void
on_after_paint (void)
{
  if (step.in_frame && !step.done)
    {
      step.painted = stamp_now ();
      if (!step.laid)
        step.laid_out = step.frame;
      step.done = TRUE;
    }
}

static void
watch_frames (GtkWidget *window)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));

  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static void
step_start (void)
{
  memset (&step, 0, sizeof step);
  step.start = stamp_now ();
}

/* The step's call has returned: runs the main loop until the window's next
 * frame is painted.  The frame is requested, not forced by a redraw of the
 * whole window: only what the step damaged is drawn again. */
static void
step_finish (GtkWidget *window)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));

  step.called = stamp_now ();
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (!step.done)
    g_main_context_iteration (NULL, TRUE);
  /* What is left for after the frame (rows out of view, bound in an idle),
   * and the frames it asks for: run until the main loop is idle. */
  for (int i = 0; i < 10000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  step.settled = stamp_now ();
}

static double
total_wall (const Step *s)
{
  return s->painted.wall - s->start.wall;
}

static double
total_cpu (const Step *s)
{
  return s->painted.process - s->start.process;
}

/* "label: 123.4 ms wall, CPU 80.1 ms (main 70.2) = call 10.0 + layout 20.1 + paint 40.1 (main)" */
static void
report_step (const char *label,
             const Step *s)
{
  if (g_getenv ("BENCH_MARKS") != NULL)
    g_printerr ("MARK %s|%.3f|%.3f|%.3f|%.3f|%.3f\n", label, s->start.wall, s->called.wall, s->frame.wall,
                s->laid_out.wall, s->painted.wall);
  printf ("  %s: %.1f ms wall, CPU %.1f ms (main thread %.1f) = call %.1f + layout %.1f + paint %.1f;"
          " then %.1f ms CPU after the frame\n",
          label, total_wall (s), total_cpu (s), s->painted.thread - s->start.thread,
          s->called.thread - s->start.thread, s->laid_out.thread - s->called.thread,
          s->painted.thread - s->laid_out.thread, s->settled.process - s->painted.process);
}

typedef struct {
  char   *name;
  double  wall, cpu, goal;
  gboolean count;  /* a number of widgets, not a time */
} Goal;

static GArray *goals;

static void
add_goal (const char *name,
          double      wall,
          double      cpu,
          double      goal)
{
  Goal g = { g_strdup (name), wall, cpu, goal, FALSE };

  g_array_append_val (goals, g);
}

static void
add_count_goal (const char *name,
                guint       count,
                guint       goal)
{
  Goal g = { g_strdup (name), count, 0, goal, TRUE };

  g_array_append_val (goals, g);
}

/* The heat map's scrolled window (the overview's only one on that page). */
static GtkWidget *
overview_scrolled (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget) &&
      PACTE_IS_HEAT_GRID (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (widget))))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = overview_scrolled (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Widgets under widget, itself included. */
static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

static void
present (GtkWidget *window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  watch_frames (window);
  step_start ();
  step_finish (window);
}

/* Bytes malloc has handed out and not had back. */
static double
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (double) info.uordblks + (double) info.hblkhd;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* A sort or filter on the window's overview → drawn, ROUNDS times (the
 * steps in turn): the round with the median wall-clock time is reported. */
#define ROUNDS 3

static void
measure_view_step (GtkWidget     *window,
                   PacteOverview *overview,
                   Step          *out,
                   void         (*change) (PacteOverview *overview, const char *arg),
                   const char    *arg)
{
  step_start ();
  change (overview, arg);
  step_finish (window);
  *out = step;
}

static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  double x = total_wall (a), y = total_wall (b);

  return x < y ? -1 : x > y;
}

static void
report_view_step (const char    *label,
                  PacteOverview *overview,
                  Step          *rounds,
                  guint          n_plans)
{
  g_autofree char *full = g_strdup_printf ("%s (%u plans)", label, n_plans);
  g_autofree char *median = g_strdup_printf ("%s, median of %d", full, ROUNDS);
  double cpu[ROUNDS];

  for (int i = 0; i < ROUNDS; i++)
    cpu[i] = total_cpu (&rounds[i]);
  qsort (rounds, ROUNDS, sizeof rounds[0], compare_steps);
  qsort (cpu, ROUNDS, sizeof cpu[0], compare_doubles);
  report_step (median, &rounds[ROUNDS / 2]);
  add_goal (full, total_wall (&rounds[ROUNDS / 2]), cpu[ROUNDS / 2], 100);
}

static void sort_name (PacteOverview *o, const char *a) { (void) a; pacte_overview_set_sort (o, PACTE_OVERVIEW_SORT_NAME); }
static void sort_worst (PacteOverview *o, const char *a) { (void) a; pacte_overview_set_sort (o, PACTE_OVERVIEW_SORT_WORST); }
static void filter_phase (PacteOverview *o, const char *a) { pacte_overview_set_phase_filter (o, a); }
static void filter_text (PacteOverview *o, const char *a) { pacte_overview_set_search (o, a); }
static void
no_filter (PacteOverview *o, const char *a)
{
  (void) a;
  pacte_overview_set_search (o, NULL);
  pacte_overview_set_phase_filter (o, NULL);
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
  g_autofree char *loadavg = NULL;
  PacteRuleSet *rules;
  PacteWindow *window;
  PacteOverview *overview;
  GtkWidget *alone;
  const PactePortfolioFix *fixes;
  guint n_fixes;
  guint32 today = pacte_date_parse (TODAY);
  Stamp start;
  double fix_wall, fix_cpu;
  double heap_before;

  if (argc != 2)
    {
      g_printerr ("usage: bench-overview PORTFOLIO.json\n");
      return 2;
    }
  pacte_i18n_init ();
  gtk_init ();
  adw_init ();
  goals = g_array_new (FALSE, FALSE, sizeof (Goal));
  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    printf ("load average: %s", loadavg);
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
  start = stamp_now ();
  analysis = pacte_analysis_new_evaluate (rules, portfolio, today, "en");
  printf ("  evaluate every plan + analysis: %.1f ms wall, CPU %.1f ms\n",
          stamp_now ().wall - start.wall, stamp_now ().process - start.process);
  start = stamp_now ();
  fixes = pacte_analysis_get_portfolio_fixes (analysis, &n_fixes);
  fix_wall = stamp_now ().wall - start.wall;
  fix_cpu = stamp_now ().process - start.process;
  printf ("  portfolio fix first (%u rules, first %s on %u plans): %.2f ms wall, CPU %.2f ms\n", n_fixes,
          n_fixes > 0 ? pacte_rule_set_get_id (rules, fixes[0].rule_index) : "-",
          n_fixes > 0 ? fixes[0].n_plans : 0, fix_wall, fix_cpu);
  add_goal ("portfolio fix first (core, from the analysis)", fix_wall, fix_cpu, 50);
  start = stamp_now ();
  agenda = pacte_agenda_collect (portfolio, today, 30);
  printf ("  agenda (%u items): %.1f ms wall, CPU %.1f ms\n", agenda->len,
          stamp_now ().wall - start.wall, stamp_now ().process - start.process);

  printf ("b. First frame\n");
  window = pacte_window_new (NULL);
  pacte_window_set_today (window, today);
  present (GTK_WIDGET (window));
  printf ("  renderer: %s\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));

  /* A portfolio opens on its overview: loaded → the window's first frame,
   * with the window's editors and lists for 2,000 plans. */
  step_start ();
  pacte_window_set_portfolio (window, portfolio);
  step_finish (GTK_WIDGET (window));
  report_step ("window: set portfolio → first frame (editors, lists and the overview)", &step);
  overview = PACTE_OVERVIEW (pacte_window_get_overview (window));
  g_assert (overview != NULL && gtk_widget_get_mapped (GTK_WIDGET (overview)));

  /* The overview's own: made for the loaded portfolio (figures, agenda,
   * sort) → its first frame, alone in a window of the same size. */
  alone = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (alone), 1280, 800);
  gtk_window_present (GTK_WINDOW (alone));
  while (!gtk_widget_get_mapped (alone))
    g_main_context_iteration (NULL, TRUE);
  watch_frames (alone);
  heap_before = heap_in_use ();
  step_start ();
  gtk_window_set_child (GTK_WINDOW (alone), pacte_overview_new (pacte_overview_get_context (overview)));
  step_finish (alone);
  report_step ("overview alone: made → first frame", &step);
  /* The heap it holds (malloc's count: GTK's caches shared with the
   * window's overview are not counted twice). */
  printf ("  overview alone: heap in use %+.1f MiB once drawn\n", (heap_in_use () - heap_before) / 1048576.0);
  add_goal ("the overview's first frame (made for the loaded portfolio → drawn)",
            total_wall (&step), total_cpu (&step), 100);
  gtk_window_destroy (GTK_WINDOW (alone));

  step_start ();
  pacte_overview_refresh (overview);
  step_finish (GTK_WIDGET (window));
  report_step ("overview refresh from live results → drawn", &step);

  printf ("c. Sort and filter → drawn\n");
  {
    enum { BY_NAME, WORST, PHASE, TEXT, NONE, N_STEPS };
    static const char * const labels[N_STEPS] = {
      "sort by name", "sort worst first", "filter by phase", "filter by text", "no filter"
    };
    Step rounds[N_STEPS][ROUNDS];
    guint n_plans[N_STEPS];
    GtkWidget *w = GTK_WIDGET (window);

    for (int r = 0; r < ROUNDS; r++)
      {
        measure_view_step (w, overview, &rounds[BY_NAME][r], sort_name, NULL);
        n_plans[BY_NAME] = g_list_model_get_n_items (pacte_overview_get_plans (overview));
        measure_view_step (w, overview, &rounds[WORST][r], sort_worst, NULL);
        n_plans[WORST] = g_list_model_get_n_items (pacte_overview_get_plans (overview));
        measure_view_step (w, overview, &rounds[PHASE][r], filter_phase, "execution");
        n_plans[PHASE] = g_list_model_get_n_items (pacte_overview_get_plans (overview));
        measure_view_step (w, overview, &rounds[TEXT][r], filter_text, "group");
        n_plans[TEXT] = g_list_model_get_n_items (pacte_overview_get_plans (overview));
        measure_view_step (w, overview, &rounds[NONE][r], no_filter, NULL);
        n_plans[NONE] = g_list_model_get_n_items (pacte_overview_get_plans (overview));
      }
    for (int i = 0; i < N_STEPS; i++)
      report_view_step (labels[i], overview, rounds[i], n_plans[i]);
  }

  printf ("d. Scrolling → drawn\n");
  {
    GtkWidget *view = overview_scrolled (GTK_WIDGET (overview));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (view));
    const int steps = 20;
    double walls[20], works[20], worst_cpu = 0, worst_wait = 0;
    Step worst = { 0 };

    for (int i = 0; i < steps; i++)
      {
        step_start ();
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                              + gtk_adjustment_get_page_increment (adjustment));
        step_finish (GTK_WIDGET (window));
        walls[i] = total_wall (&step);
        /* The work: the call, then the frame from its start (the wait for
         * the frame clock's next tick, up to a frame, left out). */
        works[i] = (step.called.wall - step.start.wall) + (step.painted.wall - step.frame.wall);
        worst_wait = MAX (worst_wait, step.frame.wall - step.called.wall);
        if (works[i] >= (worst.painted.wall - worst.frame.wall) + (worst.called.wall - worst.start.wall))
          worst = step;
        worst_cpu = MAX (worst_cpu, total_cpu (&step));
      }
    qsort (walls, steps, sizeof walls[0], compare_doubles);
    qsort (works, steps, sizeof works[0], compare_doubles);
    printf ("  a page down, %d times: median %.1f ms wall, worst %.1f ms wall (CPU worst %.1f ms);"
            " without the wait for the frame clock's tick (worst wait %.1f ms): median %.1f ms, worst %.1f ms\n",
            steps, walls[steps / 2], walls[steps - 1], worst_cpu, worst_wait, works[steps / 2], works[steps - 1]);
    report_step ("the worst page down", &worst);
    /* Within a frame: the work fits in 16.7 ms (the tick it waits for is
     * the display's pace, not work). */
    add_goal ("a page down → drawn within a frame (worst of 20, the wait for the frame clock's tick left out)",
              works[steps - 1], worst_cpu, FRAME_MS);
  }

  /* What the overview keeps alive: the widgets of the whole overview
   * (heat map, controls, fix first, agenda), after 20 pages scrolled. */
  {
    GtkWidget *grid = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (overview_scrolled (GTK_WIDGET (overview))));
    guint in_grid = count_widgets (grid);
    guint in_overview = count_widgets (GTK_WIDGET (overview));

    printf ("e. Widgets alive: %u in the overview, %u in its heat map (%u row widgets) for %u plans x 16 rules\n",
            in_overview, in_grid, pacte_heat_grid_get_n_rows (PACTE_HEAT_GRID (grid)),
            g_list_model_get_n_items (pacte_overview_get_plans (overview)));
    /* GTK 4.8's column view kept ~200 rows of ~40 widgets (8,000+). */
    add_count_goal ("widgets alive in the overview (after scrolling 20 pages)", in_overview, 1500);
  }

  printf ("Goals (judged on wall-clock time; renderer %s):\n",
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  for (guint i = 0; i < goals->len; i++)
    {
      Goal *g = &g_array_index (goals, Goal, i);

      if (g->count)
        printf ("GOAL %s: %.0f widgets; goal < %.0f: %s\n", g->name, g->wall, g->goal,
                g->wall < g->goal ? "met" : "NOT met");
      else
        printf ("GOAL %s: %.1f ms wall, %.1f ms CPU; goal < %.1f ms: %s\n", g->name, g->wall, g->cpu, g->goal,
                g->wall < g->goal ? "met" : "NOT met");
      g_free (g->name);
    }
  g_array_unref (goals);

  pacte_portfolio_set_unmodified (portfolio);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
