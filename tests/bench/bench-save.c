/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-save.c: how long a save of a large portfolio blocks the main loop
 * (the window's Save and autosave call pacte_portfolio_save_async: the text
 * is made on the main thread, the atomic write runs in a worker thread).
 *
 *   bench-save FILE [RUNS]
 *
 * Prints, per run: the time spent inside pacte_portfolio_save_async() (the
 * main loop cannot run), the longest gap between two ticks of a 1 ms timer
 * while the save runs, and the time until the save is finished. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "pacte-portfolio.h"

typedef struct {
  gint64        last_tick;
  gint64        longest_gap;
  GAsyncResult *result;
} Run;

static gboolean
tick (gpointer data)
{
  Run *run = data;
  gint64 now = g_get_monotonic_time ();

  run->longest_gap = MAX (run->longest_gap, now - run->last_tick);
  run->last_tick = now;
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

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out = NULL;
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
  printf ("portfolio: %u plans, %u partners\n",
          g_list_model_get_n_items (pacte_portfolio_get_plans (portfolio)),
          g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio)));

  for (int i = 0; i < runs; i++)
    {
      Run run = { 0 };
      gint64 start, called, done;
      guint source;

      run.last_tick = g_get_monotonic_time ();
      source = g_timeout_add (1, tick, &run);
      start = g_get_monotonic_time ();
      pacte_portfolio_save_async (portfolio, out, NULL, saved, &run);
      called = g_get_monotonic_time ();
      run.longest_gap = MAX (run.longest_gap, called - run.last_tick);
      while (run.result == NULL)
        g_main_context_iteration (NULL, TRUE);
      done = g_get_monotonic_time ();
      g_source_remove (source);
      if (!pacte_portfolio_save_finish (portfolio, run.result, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      g_object_unref (run.result);
      printf ("run %d: main thread blocked %.1f ms in save_async (serializing), "
              "longest main-loop gap %.1f ms, saved in %.1f ms\n",
              i + 1, (called - start) / 1000.0, run.longest_gap / 1000.0, (done - start) / 1000.0);
    }
  g_unlink (out_path);
  {
    g_autofree char *backup = g_strconcat (out_path, "~", NULL);

    g_unlink (backup);
  }
  g_rmdir (dir);
  return 0;
}
