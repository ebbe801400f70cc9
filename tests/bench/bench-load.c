/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-load.c: how long loading, saving and normalizing a large portfolio
 * take, and how much memory they need, next to Python's json.load of the
 * same file measured in the same run.
 *
 *   bench-load [--runs N] FILE          the whole comparison (the driver)
 *   bench-load --child load FILE        one measurement, in its own process
 *   bench-load --child save FILE
 *   bench-load --child normalize FILE
 *
 * Each measurement runs in a separate process so that its peak resident
 * size (getrusage's ru_maxrss, read by the driver with wait4) is its own.
 * Times are wall-clock times of the whole process, for Pacte and Python
 * alike; the median of N runs is reported. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "pacte-portfolio.h"

/* ---- Children ----------------------------------------------------------- */

static int
child (const char *mode,
       const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 loaded;

  portfolio = pacte_portfolio_load_file (file, NULL, NULL, &error);
  if (portfolio == NULL)
    {
      g_printerr ("bench-load: %s\n", error->message);
      return 1;
    }
  loaded = g_get_monotonic_time ();

  if (g_str_equal (mode, "save"))
    {
      /* Saving a portfolio that was loaded: to another file, with a backup. */
      g_autofree char *tmp = g_build_filename (g_get_tmp_dir (), "bench-load-save.pacte.json", NULL);
      g_autofree char *backup = g_strconcat (tmp, "~", NULL);
      g_autoptr(GFile) target = g_file_new_for_path (tmp);

      if (!pacte_portfolio_save (portfolio, target, NULL, &error))
        {
          g_printerr ("bench-load: %s\n", error->message);
          return 1;
        }
      g_remove (tmp);
      g_remove (backup);
    }
  else if (g_str_equal (mode, "normalize"))
    {
      /* What pacte --normalize does after loading: canonical text, atomic write. */
      g_autofree char *tmp = g_build_filename (g_get_tmp_dir (), "bench-load-normalize.pacte.json", NULL);
      g_autoptr(GFile) target = g_file_new_for_path (tmp);
      g_autoptr(GBytes) bytes = pacte_portfolio_to_bytes (portfolio);

      if (!g_file_replace_contents (target, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        {
          g_printerr ("bench-load: %s\n", error->message);
          return 1;
        }
      g_remove (tmp);
    }
  /* For whoever runs a child by hand. */
  g_printerr ("%s: load %.3f s, %s %.3f s\n", mode, (loaded - start) / 1e6,
              mode, (g_get_monotonic_time () - loaded) / 1e6);
  return 0;
}

/* ---- Driver ------------------------------------------------------------- */

typedef struct
{
  double seconds;      /* wall clock */
  double cpu_seconds;  /* user + system: less sensitive to other load on the machine */
  long   max_rss_kib;
} Measure;

/* Runs argv to its end: wall time and peak resident size of that process. */
static Measure
measure (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  Measure m = { 0, 0, 0 };
  GPid pid;
  int status;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    {
      g_printerr ("bench-load: cannot run %s: %s\n", argv[0], error->message);
      exit (1);
    }
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("bench-load: %s failed\n", argv[0]);
      exit (1);
    }
  m.seconds = (g_get_monotonic_time () - start) / 1e6;
  m.cpu_seconds = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
                  + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  m.max_rss_kib = usage.ru_maxrss;
  g_spawn_close_pid (pid);
  return m;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static int
compare_long (gconstpointer a,
              gconstpointer b)
{
  long x = *(const long *) a, y = *(const long *) b;

  return x < y ? -1 : x > y;
}

#define N_COMMANDS 5

/* Runs every command once per round, runs rounds, so that a change in the
 * load of the machine weighs on all of them alike; the median of each. */
static void
measure_all (const char * const * const *commands,
             guint                        runs,
             Measure                     *results)
{
  g_autofree double *times = g_new (double, runs * N_COMMANDS);
  g_autofree double *cpu = g_new (double, runs * N_COMMANDS);
  g_autofree long *peaks = g_new (long, runs * N_COMMANDS);

  for (guint r = 0; r < runs; r++)
    for (guint c = 0; c < N_COMMANDS; c++)
      {
        Measure m = measure (commands[c]);

        times[c * runs + r] = m.seconds;
        cpu[c * runs + r] = m.cpu_seconds;
        peaks[c * runs + r] = m.max_rss_kib;
      }
  for (guint c = 0; c < N_COMMANDS; c++)
    {
      qsort (times + c * runs, runs, sizeof *times, compare_double);
      qsort (cpu + c * runs, runs, sizeof *cpu, compare_double);
      qsort (peaks + c * runs, runs, sizeof *peaks, compare_long);
      results[c].seconds = times[c * runs + runs / 2];
      results[c].cpu_seconds = cpu[c * runs + runs / 2];
      results[c].max_rss_kib = peaks[c * runs + runs / 2];
    }
}

static void
print_row (const char *what,
           Measure     m,
           Measure     reference)
{
  printf ("%-32s %6.2f s %6.2f s %6.0f MiB   %5.2fx %5.2fx %5.2fx\n", what,
          m.seconds, m.cpu_seconds, m.max_rss_kib / 1024.0,
          m.seconds / reference.seconds, m.cpu_seconds / reference.cpu_seconds,
          (double) m.max_rss_kib / reference.max_rss_kib);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *self = NULL;
  const char *path;
  guint runs = 3;
  GStatBuf st;
  Measure results[N_COMMANDS];
  Measure python, python_dump, load, save, normalize;
  int i = 1;

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return child (argv[2], argv[3]);

  if (argc >= 3 && g_str_equal (argv[1], "--runs"))
    {
      runs = MAX (1, atoi (argv[2]));
      i = 3;
    }
  if (argc != i + 1)
    {
      g_printerr ("usage: bench-load [--runs N] FILE\n");
      return 1;
    }
  path = argv[i];
  if (g_stat (path, &st) != 0)
    {
      g_printerr ("bench-load: cannot read %s\n", path);
      return 1;
    }
  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);

  {
    const char *py_load[] = { "python3", "-c", "import json,sys; json.load(open(sys.argv[1]))", path, NULL };
    const char *py_dump[] = { "python3", "-c",
                              "import json,sys,os,tempfile\n"
                              "d = json.load(open(sys.argv[1]))\n"
                              "fd, p = tempfile.mkstemp(suffix='.json')\n"
                              "with os.fdopen(fd, 'w') as f: json.dump(d, f, indent=2, ensure_ascii=False)\n"
                              "os.remove(p)\n", path, NULL };
    const char *c_load[] = { self, "--child", "load", path, NULL };
    const char *c_save[] = { self, "--child", "save", path, NULL };
    const char *c_norm[] = { self, "--child", "normalize", path, NULL };

    const char * const *commands[N_COMMANDS] = { py_load, py_dump, c_load, c_save, c_norm };

    printf ("file: %s (%.1f MiB), median of %u runs, one process per run\n",
            path, st.st_size / 1048576.0, runs);
    measure_all (commands, runs, results);
    python = results[0];
    python_dump = results[1];
    load = results[2];
    save = results[3];
    normalize = results[4];
  }

  printf ("%-32s %8s %8s %10s   %6s %6s %6s\n", "", "wall", "cpu", "peak RSS",
          "wall", "cpu", "memory");
  printf ("%-32s %28s   %s\n", "", "", "(ratios to python3 json.load)");
  print_row ("python3 json.load", python, python);
  print_row ("python3 json.load + json.dump", python_dump, python);
  print_row ("pacte load", load, python);
  print_row ("pacte load + save (backup)", save, python);
  print_row ("pacte load + normalize", normalize, python);
  /* Issue 13, item 4: one line per goal (CPU time: the machine may be shared). */
  printf ("goal: load <= 1.5x python3 json.load's CPU time: measured %.2fx (%.2f s against %.2f s; wall %.2fx), %s\n",
          load.cpu_seconds / python.cpu_seconds, load.cpu_seconds, python.cpu_seconds,
          load.seconds / python.seconds, load.cpu_seconds <= 1.5 * python.cpu_seconds ? "met" : "NOT met");
  printf ("goal: load peak memory <= 1.5x python3 json.load's: measured %.2fx (%.0f MiB against %.0f MiB), %s\n",
          (double) load.max_rss_kib / python.max_rss_kib, load.max_rss_kib / 1024.0, python.max_rss_kib / 1024.0,
          load.max_rss_kib <= 1.5 * python.max_rss_kib ? "met" : "NOT met");
  return 0;
}
