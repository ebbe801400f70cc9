/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-file-watch.c: a portfolio's file changed or deleted by another program
 * is noticed; our own saves are not mistaken for such changes. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pacte-file-watch.h"

typedef struct {
  char           *tmpdir;
  char           *path;
  GFile          *file;
  PactePortfolio *portfolio;
  PacteFileWatch *watch;
  guint           changed;
  guint           deleted;
} Fixture;

static void
changed_cb (PacteFileWatch *watch,
            Fixture        *fx)
{
  fx->changed++;
}

static void
deleted_cb (PacteFileWatch *watch,
            Fixture        *fx)
{
  fx->deleted++;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for ms milliseconds. */
static void
run_for (guint ms)
{
  gboolean timed_out = FALSE;

  g_timeout_add (ms, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until *counter moves past start (5 s at most). */
static void
wait_for_count (guint *counter,
                guint  start)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, timeout_cb, &timed_out);

  while (*counter == start && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* Another program writes the file; file times come from a coarse clock, so
 * wait a little first for the modification time (and etag) to differ. */
static void
write_as_other_program (const char *path,
                        const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *edited = NULL;
  char *found;

  g_usleep (50000);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  found = strstr (contents, "\"title\": \"");
  g_assert_nonnull (found);
  edited = g_strdup_printf ("%.*s\"title\": \"%s\", \"_was\": \"%s",
                            (int) (found - contents), contents, title,
                            found + strlen ("\"title\": \""));
  g_file_set_contents (path, edited, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "sample.pacte.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  fx->tmpdir = g_dir_make_tmp ("pacte-watch-XXXXXX", &error);
  g_assert_no_error (error);
  g_file_get_contents (sample, &contents, &len, &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->tmpdir, "shared.pacte.json", NULL);
  g_file_set_contents (fx->path, contents, len, &error);
  g_assert_no_error (error);
  fx->file = g_file_new_for_path (fx->path);
  fx->portfolio = pacte_portfolio_load_file (fx->file, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
watch_start (Fixture *fx)
{
  fx->watch = pacte_file_watch_new (fx->portfolio);
  g_signal_connect (fx->watch, "changed-on-disk", G_CALLBACK (changed_cb), fx);
  g_signal_connect (fx->watch, "deleted", G_CALLBACK (deleted_cb), fx);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fx->watch != NULL)
    g_assert_finalize_object (fx->watch);
  g_clear_object (&fx->portfolio);
  g_clear_object (&fx->file);

  dir = g_dir_open (fx->tmpdir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fx->tmpdir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fx->tmpdir);
  g_clear_pointer (&fx->tmpdir, g_free);
  g_clear_pointer (&fx->path, g_free);
}

static void
test_changed_by_other_program (Fixture       *fx,
                               gconstpointer  data)
{
  watch_start (fx);

  /* Opening is not a change. */
  run_for (300);
  g_assert_cmpuint (fx->changed, ==, 0);
  g_assert_cmpint (pacte_file_watch_get_state (fx->watch), ==, PACTE_DISK_STATE_SAME);
  g_assert_false (pacte_file_watch_check_before_save (fx->watch));

  write_as_other_program (fx->path, "Édité par un collègue");
  wait_for_count (&fx->changed, 0);
  g_assert_cmpuint (fx->changed, ==, 1);
  g_assert_cmpint (pacte_file_watch_get_state (fx->watch), ==, PACTE_DISK_STATE_CHANGED);
  /* Saving now would overwrite the colleague's work: the window asks. */
  g_assert_true (pacte_file_watch_check_before_save (fx->watch));

  /* The same version is reported once, however many events it causes. */
  pacte_file_watch_check (fx->watch);
  run_for (300);
  g_assert_cmpuint (fx->changed, ==, 1);

  /* A second change while the bar shows is reported again. */
  write_as_other_program (fx->path, "Encore un collègue");
  wait_for_count (&fx->changed, 1);
  g_assert_cmpuint (fx->deleted, ==, 0);
}

static void
test_own_save_not_reported (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  watch_start (fx);
  run_for (200);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Version %u", i);

      g_usleep (20000);
      pacte_record_set_string (PACTE_RECORD (fx->portfolio), PACTE_PORTFOLIO_META_TITLE, title, &error);
      g_assert_no_error (error);
      g_assert_true (pacte_portfolio_save (fx->portfolio, fx->file, NULL, &error));
      g_assert_no_error (error);
      run_for (400);
    }

  g_assert_cmpuint (fx->changed, ==, 0);
  g_assert_cmpuint (fx->deleted, ==, 0);
  g_assert_cmpint (pacte_file_watch_get_state (fx->watch), ==, PACTE_DISK_STATE_SAME);
  g_assert_false (pacte_file_watch_check_before_save (fx->watch));
}

static void
test_keep_mine_then_save (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) on_disk = NULL;

  watch_start (fx);
  write_as_other_program (fx->path, "Version du collègue");
  wait_for_count (&fx->changed, 0);

  /* Keep Mine: no more bar, no question for that version. */
  pacte_file_watch_acknowledge (fx->watch);
  g_assert_cmpint (pacte_file_watch_get_state (fx->watch), ==, PACTE_DISK_STATE_SAME);
  g_assert_false (pacte_file_watch_check_before_save (fx->watch));
  run_for (300);
  g_assert_cmpuint (fx->changed, ==, 1);

  /* Saving writes ours over it, and that is not a change by someone else. */
  pacte_record_set_string (PACTE_RECORD (fx->portfolio), PACTE_PORTFOLIO_META_OWNER, "Moi", &error);
  g_assert_no_error (error);
  g_assert_true (pacte_portfolio_save (fx->portfolio, fx->file, NULL, &error));
  g_assert_no_error (error);
  run_for (400);
  g_assert_cmpuint (fx->changed, ==, 1);
  g_assert_cmpint (pacte_file_watch_get_state (fx->watch), ==, PACTE_DISK_STATE_SAME);
  on_disk = pacte_portfolio_load_file (fx->file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pacte_record_equal (PACTE_RECORD (on_disk), PACTE_RECORD (fx->portfolio)));

  /* A later change by the colleague is reported again. */
  write_as_other_program (fx->path, "Le collègue insiste");
  wait_for_count (&fx->changed, 1);
  g_assert_true (pacte_file_watch_check_before_save (fx->watch));
}

static void
test_deleted (Fixture       *fx,
              gconstpointer  data)
{
  watch_start (fx);
  run_for (200);

  g_assert_cmpint (g_unlink (fx->path), ==, 0);
  wait_for_count (&fx->deleted, 0);
  g_assert_cmpuint (fx->deleted, ==, 1);
  g_assert_cmpuint (fx->changed, ==, 0);
  g_assert_cmpint (pacte_file_watch_get_state (fx->watch), ==, PACTE_DISK_STATE_DELETED);
  /* Nothing to overwrite: saving recreates the file without asking. */
  g_assert_false (pacte_file_watch_check_before_save (fx->watch));

  /* Put back by another program with other contents: a change. */
  g_usleep (50000);
  g_assert_true (g_file_set_contents (fx->path, "{}", -1, NULL));
  wait_for_count (&fx->changed, 0);
  g_assert_cmpint (pacte_file_watch_get_state (fx->watch), ==, PACTE_DISK_STATE_CHANGED);
}

static void
test_deleted_then_saved (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  watch_start (fx);
  g_assert_cmpint (g_unlink (fx->path), ==, 0);
  wait_for_count (&fx->deleted, 0);

  /* Our save puts it back: the bar goes away, nothing else reported. */
  g_assert_true (pacte_portfolio_save (fx->portfolio, fx->file, NULL, &error));
  g_assert_no_error (error);
  run_for (400);
  g_assert_cmpint (pacte_file_watch_get_state (fx->watch), ==, PACTE_DISK_STATE_SAME);
  g_assert_cmpuint (fx->changed, ==, 0);
  g_assert_cmpuint (fx->deleted, ==, 1);
}

static void
test_changed_before_watch (Fixture       *fx,
                           gconstpointer  data)
{
  /* The file changed between loading (or the draft) and the watch: told at once. */
  write_as_other_program (fx->path, "Pendant la panne");
  watch_start (fx);
  wait_for_count (&fx->changed, 0);
  g_assert_true (pacte_file_watch_check_before_save (fx->watch));
}

static void
test_pause (Fixture       *fx,
            gconstpointer  data)
{
  watch_start (fx);
  run_for (200);

  pacte_file_watch_pause (fx->watch);
  write_as_other_program (fx->path, "Pendant l'enregistrement");
  run_for (500);
  g_assert_cmpuint (fx->changed, ==, 0);

  /* Unpausing looks once more: that version is not ours. */
  pacte_file_watch_unpause (fx->watch);
  wait_for_count (&fx->changed, 0);
}

static void
test_save_as_follows (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *new_path = g_build_filename (fx->tmpdir, "copy.pacte.json", NULL);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);

  watch_start (fx);
  run_for (200);

  g_assert_true (pacte_portfolio_save (fx->portfolio, new_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (pacte_portfolio_get_file (fx->portfolio), new_file));
  run_for (300);

  /* The old file is no longer ours to watch. */
  write_as_other_program (fx->path, "Ancien fichier");
  run_for (500);
  g_assert_cmpuint (fx->changed, ==, 0);

  write_as_other_program (new_path, "Nouveau fichier");
  wait_for_count (&fx->changed, 0);
}

static void
test_no_file (void)
{
  g_autoptr(PactePortfolio) portfolio = pacte_portfolio_new ();
  g_autoptr(PacteFileWatch) watch = pacte_file_watch_new (portfolio);

  g_assert_cmpint (pacte_file_watch_get_state (watch), ==, PACTE_DISK_STATE_SAME);
  g_assert_false (pacte_file_watch_check_before_save (watch));
  pacte_file_watch_check (watch);
  pacte_file_watch_acknowledge (watch);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/file-watch/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("changed-by-other-program", test_changed_by_other_program);
  ADD ("own-save-not-reported", test_own_save_not_reported);
  ADD ("keep-mine-then-save", test_keep_mine_then_save);
  ADD ("deleted", test_deleted);
  ADD ("deleted-then-saved", test_deleted_then_saved);
  ADD ("changed-before-watch", test_changed_before_watch);
  ADD ("pause", test_pause);
  ADD ("save-as-follows", test_save_as_follows);
#undef ADD
  g_test_add_func ("/file-watch/no-file", test_no_file);

  return g_test_run ();
}
