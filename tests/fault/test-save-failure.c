/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's Save on a full disk: run under the fault shim
 * (pacte-fault-shim.c, PACTE_FAULT_WRITE_AFTER), so that the real write
 * fails half-way.  The user is told why, the file on disk is byte-identical,
 * no temporary file is left, the work is still there and Save As is offered. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pacte-i18n.h"
#include "pacte-test-window-utils.h"
#include "pacte-window.h"

static AdwMessageDialog *
wait_for_message_dialog (void)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
          return l->data;
      g_main_context_iteration (NULL, TRUE);
    }
  return NULL;
}

static guint
count_leftovers (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, ".pacte-tmp-") || g_str_has_prefix (name, ".goutputstream-"))
      n++;
  return n;
}

static void
save_and_expect_failure (PacteWindow *window,
                         const char  *dir,
                         const char  *path,
                         const char  *before,
                         const char  *safe)
{
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = wait_for_message_dialog ();
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s", body);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save the Portfolio");
  g_assert_nonnull (strstr (body, path));
  g_assert_nonnull (strstr (body, "No space left on device"));
  g_assert_nonnull (strstr (body, safe));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  g_assert_true (pacte_portfolio_get_modified (doc));
  if (before != NULL)
    {
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, before);
    }
  else
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_leftovers (dir), ==, 0);
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pacte_test_flush_events ();
}

static void
test_disk_full (void)
{
  PacteWindow *window = NULL;
  PactePortfolio *doc;
  PacteRecord *plan;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *before = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) new_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) loaded = NULL;

  if (g_getenv ("PACTE_FAULT_WRITE_AFTER") == NULL || g_getenv ("LD_PRELOAD") == NULL)
    {
      g_test_skip ("needs the fault shim (LD_PRELOAD, PACTE_FAULT_WRITE_AFTER)");
      return;
    }

  dir = g_dir_make_tmp ("pacte-save-failure-XXXXXX", NULL);
  path = g_build_filename (dir, "team.pacte.json", NULL);
  new_path = g_build_filename (dir, "new.pacte.json", NULL);
  g_assert_true (g_file_get_contents (sample, &before, NULL, NULL));
  g_assert_true (g_file_set_contents (path, before, -1, NULL));
  file = g_file_new_for_path (path);
  new_file = g_file_new_for_path (new_path);

  /* The copy, loaded as Open does (with its etag: no "changed on disk"). */
  loaded = pacte_portfolio_load_file (file, pacte_rule_set_get_default (), NULL, &error);
  g_assert_no_error (error);
  window = pacte_window_new (NULL);
  pacte_window_set_today (window, pacte_date_parse (PACTE_TEST_SAMPLE_DAY));
  pacte_window_set_portfolio (window, loaded);
  gtk_window_present (GTK_WINDOW (window));
  pacte_test_flush_events ();
  doc = pacte_window_get_portfolio (window);
  plan = PACTE_RECORD (pacte_portfolio_find_plan (doc, "plan-kuhne-managed"));
  pacte_record_set_string (plan, PACTE_PLAN_NAME, "Kühne — typed before the disk filled up", &error);
  g_assert_no_error (error);

  /* Save over the existing file. */
  save_and_expect_failure (window, dir, path, before, "the original file was not changed");

  /* Save to a new file (as Save As does once a name is chosen). */
  pacte_portfolio_set_file (doc, new_file);
  pacte_test_flush_events ();
  save_and_expect_failure (window, dir, new_path, NULL, "no file was written");

  pacte_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  pacte_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/save-failure/disk-full", test_disk_full);

  return g_test_run ();
}
