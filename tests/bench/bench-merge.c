/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-merge.c: the three-way merge of two versions of a large portfolio,
 * each side changing 100 plans (different ones), against loading the three
 * files.  Prints figures; it is not a timed test.
 *
 *   bench-merge PORTFOLIO [--runs N]
 *
 * The two sides are derived from PORTFOLIO in memory: ours renames plans
 * 0–99, theirs sets the owner of plans 100–199; both are written to a
 * temporary folder so that the loads read real files. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "pacte-merge.h"
#include "pacte-rules.h"

static char *
write_side (const char *dir,
            const char *name,
            JsonNode   *root)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = json_to_string (root, TRUE);

  if (!g_file_set_contents (path, text, -1, NULL))
    g_error ("cannot write %s", path);
  return g_steal_pointer (&path);
}

/* CPU time of the whole process (all its threads), in µs: on a shared,
 * loaded machine the wall-clock figures mostly measure the other programs. */
static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static PactePortfolio *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PactePortfolio *portfolio = pacte_portfolio_load_file (file, pacte_rule_set_get_default (), NULL, &error);

  if (portfolio == NULL)
    g_error ("%s", error->message);
  return portfolio;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base_path = NULL, *ours_path = NULL, *theirs_path = NULL;
  JsonNode *ours_root, *theirs_root;
  JsonArray *plans;
  int runs = 3;
  double best_load = G_MAXDOUBLE, best_merge = G_MAXDOUBLE;
  double best_load_cpu = G_MAXDOUBLE, best_merge_cpu = G_MAXDOUBLE;

  if (argc < 2)
    {
      g_printerr ("usage: bench-merge PORTFOLIO [--runs N]\n");
      return 1;
    }
  if (argc >= 4 && g_str_equal (argv[2], "--runs"))
    runs = MAX (1, atoi (argv[3]));

  if (!json_parser_load_from_file (parser, argv[1], &error))
    g_error ("%s", error->message);
  dir = g_dir_make_tmp ("pacte-bench-merge-XXXXXX", &error);
  g_assert_no_error (error);
  base_path = write_side (dir, "base.json", json_parser_get_root (parser));

  ours_root = json_node_copy (json_parser_get_root (parser));
  plans = json_object_get_array_member (json_node_get_object (ours_root), "plans");
  for (guint i = 0; i < 100 && i < json_array_get_length (plans); i++)
    json_object_set_string_member (json_array_get_object_element (plans, i), "name", "Renamed on our side");
  ours_path = write_side (dir, "ours.json", ours_root);

  theirs_root = json_node_copy (json_parser_get_root (parser));
  plans = json_object_get_array_member (json_node_get_object (theirs_root), "plans");
  for (guint i = 100; i < 200 && i < json_array_get_length (plans); i++)
    json_object_set_string_member (json_array_get_object_element (plans, i), "owner", "Their owner");
  theirs_path = write_side (dir, "theirs.json", theirs_root);

  for (int run = 0; run < runs; run++)
    {
      g_autoptr(PactePortfolio) base = NULL, ours = NULL, theirs = NULL;
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(GBytes) merged = NULL;
      gint64 t0, t1, t2, c0, c1, c2;

      t0 = g_get_monotonic_time ();
      c0 = cpu_time ();
      base = load (base_path);
      ours = load (ours_path);
      theirs = load (theirs_path);
      t1 = g_get_monotonic_time ();
      c1 = cpu_time ();
      merged = pacte_merge_portfolios (base, ours, theirs, pacte_rule_set_get_default (), &conflicts, &error);
      t2 = g_get_monotonic_time ();
      c2 = cpu_time ();
      if (merged == NULL)
        g_error ("%s", error->message);
      if (conflicts->len != 0)
        g_error ("%u unexpected conflicts", conflicts->len);
      best_load = MIN (best_load, (t1 - t0) / 1000.0);
      best_merge = MIN (best_merge, (t2 - t1) / 1000.0);
      best_load_cpu = MIN (best_load_cpu, (c1 - c0) / 1000.0);
      best_merge_cpu = MIN (best_merge_cpu, (c2 - c1) / 1000.0);
      g_print ("run %d: load 3 files %.0f ms, merge %.0f ms (CPU time: %.0f ms, %.0f ms)\n", run + 1,
               (t1 - t0) / 1000.0, (t2 - t1) / 1000.0, (c1 - c0) / 1000.0, (c2 - c1) / 1000.0);
    }
  g_print ("best: load 3 files %.0f ms; merge after loading %.0f ms; whole --merge %.0f ms = %.2f x the loads (target: at most 2 x)\n",
           best_load, best_merge, best_load + best_merge, (best_load + best_merge) / best_load);
  /* The merge parses its three versions side by side: its CPU time is the
   * work, its wall time on an idle machine is less. */
  g_print ("CPU time: load 3 files %.0f ms; merge %.0f ms; whole --merge = %.2f x the loads' CPU time\n",
           best_load_cpu, best_merge_cpu, (best_load_cpu + best_merge_cpu) / best_load_cpu);

  g_unlink (base_path);
  g_unlink (ours_path);
  g_unlink (theirs_path);
  g_rmdir (dir);
  json_node_unref (ours_root);
  json_node_unref (theirs_root);
  return 0;
}
