/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The document-life widgets: the bar that says the file changed on disk, and
 * the dialog that offers to restore drafts, as a user sees them. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pacte-document-bar.h"
#include "pacte-drafts-dialog.h"
#include "pacte-i18n.h"
#include "pacte-window.h"

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the bar shows state (5 s at most). */
static void
wait_for_state (PacteDocumentBar *bar,
                PacteDiskState    state)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, timeout_cb, &timed_out);

  while (pacte_document_bar_get_state (bar) != state && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static char *
copy_sample (const char *dir)
{
  g_autofree char *sample = g_build_filename (g_getenv ("PACTE_SOURCE_ROOT"), "data", "samples",
                                              "sample.pacte.json", NULL);
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, "shared.pacte.json", NULL);
  gsize len;

  g_assert_true (g_file_get_contents (sample, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_bar_follows_disk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-bar-XXXXXX", &error);
  g_autofree char *path = copy_sample (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PactePortfolio) portfolio = pacte_portfolio_load_file (file, NULL, NULL, &error);
  g_autoptr(PacteFileWatch) watch = NULL;
  GtkWidget *window = gtk_window_new ();
  PacteDocumentBar *bar = PACTE_DOCUMENT_BAR (pacte_document_bar_new ());
  GtkWidget *reload;
  GtkWidget *keep;
  guint reloads = 0, keeps = 0;

  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (bar));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (bar, "reload", G_CALLBACK (count_cb), &reloads);
  g_signal_connect (bar, "keep-mine", G_CALLBACK (count_cb), &keeps);

  watch = pacte_file_watch_new (portfolio);
  pacte_document_bar_set_watch (bar, watch);
  g_assert_cmpint (pacte_document_bar_get_state (bar), ==, PACTE_DISK_STATE_SAME);
  g_assert_cmpstr (pacte_document_bar_get_title (bar), ==, "");

  reload = find_button (GTK_WIDGET (bar), "_Reload");
  keep = find_button (GTK_WIDGET (bar), "_Keep Mine");
  g_assert_nonnull (reload);
  g_assert_nonnull (keep);

  /* A colleague saves the file. */
  g_usleep (50000);
  g_assert_true (g_file_set_contents (path, "{\"format\": \"pacte-portfolio\", \"version\": 1}\n", -1, NULL));
  wait_for_state (bar, PACTE_DISK_STATE_CHANGED);
  g_assert_cmpstr (pacte_document_bar_get_title (bar), ==, "The file was changed by another program");
  g_assert_true (gtk_widget_get_visible (reload));

  g_signal_emit_by_name (reload, "clicked");
  g_assert_cmpuint (reloads, ==, 1);

  /* Keep Mine: the bar goes, saving no longer objects to that version. */
  g_signal_emit_by_name (keep, "clicked");
  g_assert_cmpuint (keeps, ==, 1);
  g_assert_cmpint (pacte_document_bar_get_state (bar), ==, PACTE_DISK_STATE_SAME);
  g_assert_false (pacte_file_watch_check_before_save (watch));

  /* Deleted: no Reload, only Keep Mine. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  wait_for_state (bar, PACTE_DISK_STATE_DELETED);
  g_assert_cmpstr (pacte_document_bar_get_title (bar), ==, "The file was deleted");
  g_assert_false (gtk_widget_get_visible (reload));
  g_assert_true (gtk_widget_get_visible (keep));

  pacte_document_bar_set_watch (bar, NULL);
  g_assert_cmpint (pacte_document_bar_get_state (bar), ==, PACTE_DISK_STATE_SAME);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_dir (dir);
}

static void
restore_cb (PacteDraftsDialog *dialog,
            PacteDraftInfo    *info,
            char             **restored_id)
{
  g_free (*restored_id);
  *restored_id = g_strdup (pacte_draft_info_get_id (info));
}

static void
test_drafts_dialog (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-dialog-XXXXXX", &error);
  g_autofree char *path = copy_sample (dir);
  g_autofree char *drafts_path = g_build_filename (dir, "drafts", NULL);
  g_autoptr(GFile) drafts_dir = g_file_new_for_path (drafts_path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PacteDraftStore) store = pacte_draft_store_new (drafts_dir);
  g_autoptr(PactePortfolio) portfolio = pacte_portfolio_load_file (file, NULL, NULL, &error);
  g_autoptr(PactePortfolio) fresh = pacte_portfolio_new ();
  g_autoptr(GPtrArray) left = NULL;
  g_autofree char *restored_id = NULL;
  PacteDraftsDialog *dialog;

  g_assert_no_error (error);
  g_assert_true (pacte_draft_store_save (store, "from-file", portfolio, NULL, &error));
  g_assert_true (pacte_draft_store_save (store, "never-saved", fresh, NULL, &error));
  g_assert_no_error (error);

  dialog = pacte_drafts_dialog_new (store, NULL);
  g_object_ref_sink (dialog);
  g_signal_connect (dialog, "restore", G_CALLBACK (restore_cb), &restored_id);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpuint (pacte_drafts_dialog_get_n_drafts (dialog), ==, 2);
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), "_Restore"));

  /* Discard removes the draft for good. */
  g_assert_true (pacte_drafts_dialog_discard (dialog, "never-saved", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pacte_drafts_dialog_get_n_drafts (dialog), ==, 1);
  left = pacte_draft_store_list (store, &error);
  g_assert_cmpuint (left->len, ==, 1);

  /* Restore hands the draft to the application; the last row closes the dialog. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Restore"), "clicked");
  g_assert_cmpstr (restored_id, ==, "from-file");
  g_assert_cmpuint (pacte_drafts_dialog_get_n_drafts (dialog), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  g_object_unref (dialog);
  remove_dir (dir);
}

static void
test_format (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2027, 3, 15, 18, 0, 0);
  g_autoptr(GDateTime) today = g_date_time_new (utc, 2027, 3, 15, 14, 5, 0);
  g_autoptr(GDateTime) yesterday = g_date_time_new (utc, 2027, 3, 14, 23, 59, 0);
  g_autoptr(GDateTime) earlier = g_date_time_new (utc, 2027, 3, 3, 18, 40, 0);
  g_autoptr(GDateTime) last_year = g_date_time_new (utc, 2026, 12, 31, 9, 2, 0);
  g_autofree char *a = pacte_drafts_format_time (today, now);
  g_autofree char *b = pacte_drafts_format_time (yesterday, now);
  g_autofree char *c = pacte_drafts_format_time (earlier, now);
  g_autofree char *d = pacte_drafts_format_time (last_year, now);

  /* The tests run with TZ=UTC. */
  g_assert_cmpstr (a, ==, "today at 14:05");
  g_assert_cmpstr (b, ==, "yesterday at 23:59");
  g_assert_cmpstr (c, ==, "3 March at 18:40");
  g_assert_cmpstr (d, ==, "31 December 2026 at 09:02");
}

static GtkWidget *
find_widget_of_type (GtkWidget *root,
                     GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
wait_for_message_dialog (void)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
          return l->data;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  return NULL;
}

static void
wait_until_saved (const char *path,
                  const char *needle)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_autofree char *contents = NULL;

      if (g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, needle) != NULL)
        return;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_not_reached ();
}

/* The window: a colleague's save shows the bar; Save asks before
 * overwriting; Keep Mine then saves without asking; Reload shows theirs. */
static void
test_window_changed_on_disk (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-window-life-XXXXXX", &error);
  g_autofree char *drafts = g_build_filename (dir, "drafts", NULL);
  g_autofree char *path = copy_sample (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PactePortfolio) portfolio = pacte_portfolio_load_file (file, NULL, NULL, &error);
  g_autofree char *theirs = NULL;
  PacteWindow *window;
  PacteDocumentBar *bar;
  AdwMessageDialog *dialog;
  PactePortfolio *doc;

  g_assert_no_error (error);
  g_setenv ("PACTE_DRAFTS_DIR", drafts, TRUE);
  window = pacte_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  pacte_window_set_portfolio (window, portfolio);
  bar = PACTE_DOCUMENT_BAR (find_widget_of_type (GTK_WIDGET (window), PACTE_TYPE_DOCUMENT_BAR));
  g_assert_nonnull (bar);
  g_assert_cmpint (pacte_document_bar_get_state (bar), ==, PACTE_DISK_STATE_SAME);

  /* Our edit, then a colleague's save. */
  pacte_record_set_string (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_META_OWNER, "Moi", &error);
  g_assert_no_error (error);
  g_usleep (50000);
  theirs = g_strdup_printf ("{\"format\": \"pacte-portfolio\", \"version\": 1, \"meta\": {\"title\": \"Leur version\"}}\n");
  g_assert_true (g_file_set_contents (path, theirs, -1, NULL));
  wait_for_state (bar, PACTE_DISK_STATE_CHANGED);

  /* Save asks first; Cancel leaves their file alone. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = wait_for_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Overwrite the Other Version?");
  adw_message_dialog_response (dialog, "cancel");
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, theirs);
  }

  /* Keep Mine, then Save: no question, ours is written. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (bar), "_Keep Mine"), "clicked");
  g_assert_cmpint (pacte_document_bar_get_state (bar), ==, PACTE_DISK_STATE_SAME);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  {
    gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (pacte_portfolio_get_modified (portfolio) && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_false (pacte_portfolio_get_modified (portfolio));
  wait_until_saved (path, "\"owner\": \"Moi\"");
  /* Our own save is not a change by someone else. */
  for (int i = 0; i < 30; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpint (pacte_document_bar_get_state (bar), ==, PACTE_DISK_STATE_SAME);

  /* Their next save, and Reload: the window shows their version. */
  g_usleep (50000);
  g_assert_true (g_file_set_contents (path, theirs, -1, NULL));
  wait_for_state (bar, PACTE_DISK_STATE_CHANGED);
  g_signal_emit_by_name (find_button (GTK_WIDGET (bar), "_Reload"), "clicked");
  {
    gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (pacte_window_get_portfolio (window) == portfolio && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
  doc = pacte_window_get_portfolio (window);
  g_assert_true (doc != portfolio);
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (doc), PACTE_PORTFOLIO_META_TITLE), ==, "Leur version");
  bar = PACTE_DOCUMENT_BAR (find_widget_of_type (GTK_WIDGET (window), PACTE_TYPE_DOCUMENT_BAR));
  g_assert_cmpint (pacte_document_bar_get_state (bar), ==, PACTE_DISK_STATE_SAME);

  gtk_window_destroy (GTK_WINDOW (window));
  /* Saved or reloaded: no draft left behind. */
  {
    g_autoptr(GFile) drafts_dir = g_file_new_for_path (drafts);
    g_autoptr(PacteDraftStore) store = pacte_draft_store_new (drafts_dir);
    g_autoptr(GPtrArray) left = pacte_draft_store_list (store, NULL);

    g_assert_cmpuint (left->len, ==, 0);
  }
  g_unsetenv ("PACTE_DRAFTS_DIR");
  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  pacte_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/document-life/bar-follows-disk", test_bar_follows_disk);
  g_test_add_func ("/document-life/drafts-dialog", test_drafts_dialog);
  g_test_add_func ("/document-life/format-time", test_format);
  g_test_add_func ("/document-life/window-changed-on-disk", test_window_changed_on_disk);

  return g_test_run ();
}
