/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-load-phases.c: where the time of a load goes, phase by phase (CPU
 * time of the loading thread), beside the parse itself: everything around
 * json-glib's parse should cost less than half of it.
 *
 * Around the parse: the one pass of UTF-8 check, strict scan, outline and
 * white space removal, building the records, freeing the trees and the
 * text (not reading the file).
 *
 *   bench-load-phases [--runs N] FILE
 *
 * The median of N loads (3 by default) of each phase, in CPU time of the
 * loading thread (the machine may be busy with other programs), less the
 * cost of reading that clock once per piece and phase.  The last line is
 * the goal (issue 13, item 4): measured, goal, met or not. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "pacte-portfolio.h"
#include "pacte-portfolio-load-private.h"

/* What reading the thread's CPU clock costs, in seconds. */
static double
clock_cost (void)
{
  struct timespec a, b, t;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &a);
  for (guint i = 0; i < 10000; i++)
    clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &b);
  return ((b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9) / 10000;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

#define N_PHASES 6
#define PARSE    2

int
main (int    argc,
      char **argv)
{
  static const char * const names[N_PHASES] = {
    "read (with impossible-byte check)", "UTF-8, strict scan, outline, white space removal",
    "json-glib parse", "records from the trees", "freeing the trees", "freeing the text",
  };
  g_autoptr(GFile) file = NULL;
  g_autofree double *values = NULL;
  guint runs = 3, pieces = 0;
  double best[N_PHASES], around = 0;
  int i = 1;

  if (argc >= 3 && g_str_equal (argv[1], "--runs"))
    {
      runs = MAX (1, atoi (argv[2]));
      i = 3;
    }
  if (i + 1 != argc)
    {
      g_printerr ("usage: bench-load-phases [--runs N] FILE\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[i]);
  values = g_new (double, N_PHASES * runs);
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PactePortfolio) portfolio = NULL;
      PacteLoadPhases phases;
      double cost;

      portfolio = pacte_portfolio_load_file_timed (file, NULL, &phases, &error);
      if (portfolio == NULL)
        {
          g_printerr ("bench-load-phases: %s\n", error->message);
          return 1;
        }
      values[0 * runs + r] = phases.read;
      values[1 * runs + r] = phases.check;
      cost = clock_cost () * phases.pieces;
      values[2 * runs + r] = MAX (phases.parse - cost, 0);
      values[3 * runs + r] = MAX (phases.build - cost, 0);
      values[4 * runs + r] = MAX (phases.free - cost, 0);
      values[5 * runs + r] = phases.text_free;
      pieces = phases.pieces;
    }
  printf ("file: %s, %u pieces, median of %u loads (CPU time of the loading thread)\n",
          argv[i], pieces, runs);
  for (guint p = 0; p < N_PHASES; p++)
    {
      qsort (values + p * runs, runs, sizeof *values, compare_double);
      best[p] = values[p * runs + runs / 2];
      /* Reading the file is not around the parse: Python's json.load reads it too. */
      if (p != 0 && p != PARSE)
        around += best[p];
    }
  for (guint p = 0; p < N_PHASES; p++)
    printf ("  %-50s %7.3f s  %5.1f %% of the parse\n", names[p], best[p], 100 * best[p] / best[PARSE]);
  printf ("  %-50s %7.3f s  %5.1f %% of the parse\n", "everything around the parse (not the read)",
          around, 100 * around / best[PARSE]);
  printf ("goal: everything around json-glib's parse < 50 %% of the parse: measured %.1f %% (%.3f s around, %.3f s parse), %s\n",
          100 * around / best[PARSE], around, best[PARSE], around < 0.5 * best[PARSE] ? "met" : "NOT met");
  return 0;
}
