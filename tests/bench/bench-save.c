/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-save.c: how long a save of a large portfolio blocks the main loop.
 * The window's Save calls pacte_portfolio_save_async() and its autosave
 * pacte_draft_store_save_async(): the text is made on the main thread a
 * slice at a time (pacte_portfolio_snapshot_async()), joined and written in
 * worker threads.
 *
 *   bench-save FILE [RUNS]
 *
 * Prints first the reference: pacte_portfolio_to_bytes() in one go, which is
 * what a save blocked the main loop for before the snapshot.  Then, per run
 * of a save and of a draft: the time spent inside the *_async() call, the
 * longest gap between two ticks of a 1 ms timer while the save runs, in
 * wall-clock time and in CPU time of the main thread (on a loaded machine
 * the wall-clock gap also counts the time other programs had the CPU), and
 * the time until the save is finished. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <glib/gstdio.h>

#include "pacte-drafts.h"
#include "pacte-portfolio.h"

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

typedef struct {
  gint64        last_tick;
  gint64        last_cpu;
  gint64        longest_gap;
  gint64        longest_cpu;
  GAsyncResult *result;
} Run;

static gboolean
tick (gpointer data)
{
  Run *run = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  run->longest_gap = MAX (run->longest_gap, now - run->last_tick);
  run->longest_cpu = MAX (run->longest_cpu, cpu - run->last_cpu);
  run->last_tick = now;
  run->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
saved (GObject      *source,
       GAsyncResult *result,
       gpointer      data)
{
  Run *run = data;

  run->result = g_object_ref (result);
}

typedef void (*Start) (PactePortfolio *portfolio, gpointer target, Run *run);

static void
start_save (PactePortfolio *portfolio,
            gpointer        target,
            Run            *run)
{
  pacte_portfolio_save_async (portfolio, target, NULL, saved, run);
}

static void
start_draft (PactePortfolio *portfolio,
             gpointer        target,
             Run            *run)
{
  pacte_draft_store_save_async (target, "bench", portfolio, NULL, saved, run);
}

static gboolean
run_once (const char     *what,
          int             i,
          PactePortfolio *portfolio,
          gpointer        target,
          Start           start_func)
{
  g_autoptr(GError) error = NULL;
  Run run = { 0 };
  gint64 start, called, done;
  guint source;
  gboolean ok;

  run.last_tick = g_get_monotonic_time ();
  run.last_cpu = thread_cpu_us ();
  source = g_timeout_add (1, tick, &run);
  start = g_get_monotonic_time ();
  start_func (portfolio, target, &run);
  called = g_get_monotonic_time ();
  tick (&run);
  while (run.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  done = g_get_monotonic_time ();
  g_source_remove (source);
  if (start_func == start_save)
    ok = pacte_portfolio_save_finish (portfolio, run.result, &error);
  else
    ok = pacte_draft_store_save_finish (target, run.result, &error);
  g_object_unref (run.result);
  if (!ok)
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }
  printf ("%s run %d: %.1f ms in the call, longest main-loop gap %.1f ms (main thread CPU %.1f ms), done in %.1f ms\n",
          what, i + 1, (called - start) / 1000.0, run.longest_gap / 1000.0, run.longest_cpu / 1000.0,
          (done - start) / 1000.0);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GFile) drafts_dir = NULL;
  g_autoptr(PacteDraftStore) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *out_path = NULL;
  int runs = argc > 2 ? atoi (argv[2]) : 3;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-save FILE [RUNS]\n");
      return 1;
    }
  file = g_file_new_for_path (argv[1]);
  portfolio = pacte_portfolio_load_file (file, NULL, NULL, &error);
  if (portfolio == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  dir = g_dir_make_tmp ("pacte-bench-save-XXXXXX", NULL);
  out_path = g_build_filename (dir, "saved.pacte.json", NULL);
  out = g_file_new_for_path (out_path);
  drafts_dir = g_file_new_build_filename (dir, "drafts", NULL);
  drafts = pacte_draft_store_new (drafts_dir);
  printf ("portfolio: %u plans, %u partners\n",
          g_list_model_get_n_items (pacte_portfolio_get_plans (portfolio)),
          g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio)));

  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time (), cpu = thread_cpu_us ();
      g_autoptr(GBytes) bytes = pacte_portfolio_to_bytes (portfolio);

      printf ("reference run %d: pacte_portfolio_to_bytes() in one go %.1f ms (main thread CPU %.1f ms), %zu bytes\n",
              i + 1, (g_get_monotonic_time () - start) / 1000.0, (thread_cpu_us () - cpu) / 1000.0,
              g_bytes_get_size (bytes));
    }
  for (int i = 0; i < runs; i++)
    if (!run_once ("save", i, portfolio, out, start_save))
      return 1;
  for (int i = 0; i < runs; i++)
    if (!run_once ("draft", i, portfolio, drafts, start_draft))
      return 1;

  pacte_draft_store_remove (drafts, "bench", NULL);
  g_rmdir (g_file_peek_path (drafts_dir));
  g_unlink (out_path);
  {
    g_autofree char *backup = g_strconcat (out_path, "~", NULL);

    g_unlink (backup);
  }
  g_rmdir (dir);
  return 0;
}
