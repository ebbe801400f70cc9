/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-load-phases.c: where the time of a load goes, phase by phase, beside
 * json-glib's parse itself: everything around the parse should cost less
 * than half of it (issue 13, item 4).
 *
 * Around the parse: the one pass of UTF-8 check, strict scan, outline and
 * white space removal, building the records, freeing the trees and the
 * text (not reading the file: Python's json.load reads it too).
 *
 *   bench-load-phases [--runs N] [--threads 1|2] FILE
 *
 * --threads 1 reads the lists in the loading thread alone (as before the
 * second thread; the default is two when the machine has two cores).
 *
 * N loads (3 by default) and N parses alone (the same pieces parsed, each
 * tree dropped at once); the median of each figure.  Two figures of what
 * the load adds to the parse:
 *
 *   wall clock: (load − parse alone) ÷ parse alone, both from the end of
 *     the read, in wall-clock time: what a user waits for.  The records are
 *     built and the trees freed in a second thread while the next items are
 *     parsed (pacte-load-pipeline.c), so with two free cores most of the
 *     work around the parse is off the critical path.  On a busy machine the
 *     second thread waits for a core and this figure grows.
 *   loading thread's CPU: (its CPU time − the parse alone's CPU time) ÷ the
 *     parse alone's: what the wall-clock figure would be with a core for
 *     each thread (a quiet machine), hardly changed by other jobs.
 *   CPU: the CPU time of every thread of the load, less the parse's, ÷ the
 *     parse's: the work done, whatever the cores.
 *
 * The goal is judged on the wall-clock figure (the issue is about waiting),
 * and the CPU figure is printed beside it, with the load average. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "pacte-portfolio.h"
#include "pacte-portfolio-load-private.h"
#include "pacte-load-list-private.h"

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

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_double);
  return values[n / 2];
}

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
  g_autofree double *walls = NULL, *cpus = NULL, *alone = NULL, *alone_cpu = NULL, *mine = NULL;
  g_autofree char *loadavg = NULL;
  guint runs = 3, pieces = 0;
  double best[N_PHASES], wall, cpu, parse_wall, parse_cpu;
  double around_wall, around_cpu, wall_ratio, cpu_ratio, loading, path_ratio;
  int i = 1;

  for (;;)
    {
      if (i + 2 < argc && g_str_equal (argv[i], "--runs"))
        runs = MAX (1, atoi (argv[i + 1]));
      else if (i + 2 < argc && g_str_equal (argv[i], "--threads"))
        pacte_load_list_set_threads_for_tests ((guint) atoi (argv[i + 1]));
      else
        break;
      i += 2;
    }
  if (i + 1 != argc)
    {
      g_printerr ("usage: bench-load-phases [--runs N] [--threads 1|2] FILE\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[i]);
  values = g_new (double, N_PHASES * runs);
  walls = g_new (double, runs);
  cpus = g_new (double, runs);
  alone = g_new (double, runs);
  alone_cpu = g_new (double, runs);
  mine = g_new (double, runs);
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
      /* The load's own clock readings are not its work: four readings of
       * the thread's CPU clock per piece, each a system call here (about
       * 1.5 µs: 70 ms on 12,000 pieces), in its wall-clock time as in its
       * CPU time. */
      walls[r] = MAX (phases.wall - 4 * cost, 0);
      cpus[r] = MAX (phases.cpu - 4 * cost, 0);
      mine[r] = MAX (phases.cpu - phases.other_threads - 4 * cost, 0);
      pieces = phases.pieces;

      g_clear_object (&portfolio);
      if (!pacte_portfolio_parse_file_timed (file, &phases, &error))
        {
          g_printerr ("bench-load-phases: %s\n", error->message);
          return 1;
        }
      /* Two readings of the CPU clock within each piece's wall-clock time. */
      cost = clock_cost () * phases.pieces;
      alone[r] = MAX (phases.parse_wall - 2 * cost, 0);
      alone_cpu[r] = MAX (phases.parse - cost, 0);
    }
  printf ("file: %s, %u pieces, median of %u loads and %u parses alone\n", argv[i], pieces, runs, runs);
  printf ("CPU time per phase (both threads of the lists added up):\n");
  for (guint p = 0; p < N_PHASES; p++)
    best[p] = median (values + p * runs, runs);
  for (guint p = 0; p < N_PHASES; p++)
    printf ("  %-50s %7.3f s  %5.1f %% of the parse\n", names[p], best[p], 100 * best[p] / best[PARSE]);

  wall = median (walls, runs);
  cpu = median (cpus, runs);
  parse_wall = median (alone, runs);
  parse_cpu = median (alone_cpu, runs);
  around_wall = wall - parse_wall;
  wall_ratio = around_wall / parse_wall;
  /* CPU around the parse: every thread of the load but the parse itself. */
  around_cpu = cpu - best[PARSE];
  cpu_ratio = around_cpu / best[PARSE];
  printf ("load after the read: %.3f s wall, %.3f s CPU (of which parse %.3f s); parse alone: %.3f s wall, %.3f s CPU\n",
          wall, cpu, best[PARSE], parse_wall, parse_cpu);
  printf ("  wall clock added to the parse: %.3f s = %.1f %% of the parse alone\n", around_wall, 100 * wall_ratio);
  /* With a core for each thread, the load lasts about as long as the
   * loading thread's CPU time (the other thread takes items as they come
   * and ends with it), and the parse alone as long as its CPU time: an
   * estimate of the wall clock on a quiet machine that other jobs on a busy
   * one hardly change. */
  loading = median (mine, runs);
  path_ratio = (loading - parse_cpu) / parse_cpu;
  printf ("  loading thread's CPU:          %.3f s (the other thread %.3f s) = %.1f %% more than the parse alone's CPU\n",
          loading, cpu - loading, 100 * path_ratio);
  printf ("  CPU around the parse:          %.3f s = %.1f %% of the parse's CPU\n", around_cpu, 100 * cpu_ratio);
  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    printf ("load average: %s", loadavg);
  printf ("goal: everything around json-glib's parse < 50 %% of the parse (judged in wall-clock time, what the user waits for): "
          "measured %.1f %% (%.3f s added to %.3f s of parse alone), %s; "
          "on the loading thread's CPU (a quiet machine's wall clock) %.1f %%; in CPU time of all threads %.1f %% (%.3f s around, %.3f s parse)\n",
          100 * wall_ratio, around_wall, parse_wall, wall_ratio < 0.5 ? "met" : "NOT met",
          100 * path_ratio, 100 * cpu_ratio, around_cpu, best[PARSE]);
  return 0;
}
