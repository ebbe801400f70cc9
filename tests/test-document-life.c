/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The document-life widgets: the bar that says the file changed on disk, and
 * the dialog that offers to restore drafts, as a user sees them. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pacte-application.h"
#include "pacte-document-bar.h"
#include "pacte-drafts-dialog.h"
#include "pacte-field-row.h"
#include "pacte-i18n.h"
#include "pacte-plan-editor.h"
#include "pacte-test-window-utils.h"
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
copy_sample_as (const char *dir,
                const char *name)
{
  g_autofree char *sample = g_build_filename (g_getenv ("PACTE_SOURCE_ROOT"), "data", "samples",
                                              "sample.pacte.json", NULL);
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, name, NULL);
  gsize len;

  g_assert_true (g_file_get_contents (sample, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

static char *
copy_sample (const char *dir)
{
  return copy_sample_as (dir, "shared.pacte.json");
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

  /* A draft's row: when the draft is from, not "saved". */
  {
    g_autoptr(GDateTime) first = g_date_time_new (utc, 2027, 3, 1, 8, 15, 0);
    g_autofree char *e = pacte_drafts_format_draft_time (today, now);
    g_autofree char *f = pacte_drafts_format_draft_time (yesterday, now);
    g_autofree char *g = pacte_drafts_format_draft_time (earlier, now);
    g_autofree char *h = pacte_drafts_format_draft_time (last_year, now);
    g_autofree char *i = pacte_drafts_format_draft_time (first, now);

    g_assert_cmpstr (e, ==, "Draft from today at 14:05");
    g_assert_cmpstr (f, ==, "Draft from yesterday at 23:59");
    g_assert_cmpstr (g, ==, "Draft from 3 March at 18:40");
    g_assert_cmpstr (h, ==, "Draft from 31 December 2026 at 09:02");
    g_assert_cmpstr (i, ==, "Draft from 1 March at 08:15");
  }
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
  dialog = pacte_test_wait_for_message_dialog ();
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
  /* Keep Mine keeps our version in the window, still to be saved. */
  g_assert_true (pacte_window_get_portfolio (window) == portfolio);
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_META_OWNER), ==, "Moi");
  g_assert_true (pacte_portfolio_get_modified (portfolio));
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

/* ---- undo, windows, recent files, drops, keep as draft ------------------ */

static void
flush_events (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Runs the main loop until check(data) or 5 s. */
static gboolean
wait_until (gboolean (*check) (gpointer data),
            gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!check (data) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  return check (data);
}

/* The label of item i of the primary menu's first section (Undo, Redo). */
static char *
history_item (PacteWindow *window,
              int          i)
{
  GtkWidget *button = find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  char *label = NULL;

  g_assert_nonnull (section);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 2);
  g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  return label;
}

/* An edit typed in the plan editor, undone from the window: the entry shows
 * the old text again, the title loses its dot, the menu names the edit. */
static void
test_undo_redo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-undo-XXXXXX", &error);
  g_autofree char *drafts = g_build_filename (dir, "drafts", NULL);
  g_autofree char *path = copy_sample (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PactePortfolio) portfolio = pacte_portfolio_load_file (file, NULL, NULL, &error);
  g_autofree char *before = NULL;
  g_autofree char *label = NULL;
  PacteWindow *window;
  PactePlan *plan;
  GtkWidget *row;
  GtkWidget *entry;

  g_assert_no_error (error);
  g_setenv ("PACTE_DRAFTS_DIR", drafts, TRUE);
  window = pacte_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  pacte_window_set_portfolio (window, portfolio);
  flush_events ();
  /* A portfolio opens on its overview: the first plan, chosen. */
  {
    g_autoptr(PactePlan) first = g_list_model_get_item (pacte_window_get_plan_list (window), 0);

    pacte_window_select_plan (window, first);
    flush_events ();
  }
  plan = pacte_window_get_plan (window);
  g_assert_nonnull (plan);
  before = g_strdup (pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME));

  /* Nothing to undo yet. */
  label = history_item (window, 0);
  g_assert_cmpstr (label, ==, "_Undo");
  g_clear_pointer (&label, g_free);

  /* Typed into the name entry, with the focus in it. */
  row = pacte_plan_editor_get_field_row (PACTE_PLAN_EDITOR (pacte_window_get_plan_editor (window)), "name");
  g_assert_nonnull (row);
  entry = pacte_field_row_get_editor (PACTE_FIELD_ROW (row));
  g_assert_true (GTK_IS_EDITABLE (entry));
  pacte_field_row_focus_editor (PACTE_FIELD_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Plan renommé");
  flush_events ();
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME), ==, "Plan renommé");
  g_assert_true (pacte_portfolio_get_modified (portfolio));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "shared.pacte.json • – Pacte");

  /* The menu names the edit: "Undo Change Name". */
  label = history_item (window, 0);
  g_assert_cmpstr (label, ==, "_Undo Change Name");
  g_clear_pointer (&label, g_free);
  label = history_item (window, 1);
  g_assert_cmpstr (label, ==, "_Redo");
  g_clear_pointer (&label, g_free);

  /* Undo: the model, the entry and the title come back to the saved state. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  flush_events ();
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, before);
  g_assert_false (pacte_portfolio_get_modified (portfolio));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "shared.pacte.json – Pacte");
  label = history_item (window, 1);
  g_assert_cmpstr (label, ==, "_Redo Change Name");
  g_clear_pointer (&label, g_free);

  /* Redo reapplies it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  flush_events ();
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME), ==, "Plan renommé");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Plan renommé");
  g_assert_true (pacte_portfolio_get_modified (portfolio));
  label = history_item (window, 1);
  g_assert_cmpstr (label, ==, "_Redo");
  g_clear_pointer (&label, g_free);

  /* A plan added and undone: the menu says which kind of edit. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-plan", NULL);
  flush_events ();
  label = history_item (window, 0);
  g_assert_cmpstr (label, ==, "_Undo Add Plan");
  g_clear_pointer (&label, g_free);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  flush_events ();
  g_assert_false (pacte_portfolio_get_modified (portfolio));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("PACTE_DRAFTS_DIR");
  remove_dir (dir);
}

/* The sidebar's list view whose items are of type (plans or partners). */
static GtkListView *
find_list_of (GtkWidget *root,
              GType      type)
{
  if (GTK_IS_LIST_VIEW (root) && GTK_IS_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (root))))
    {
      GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (root)));

      if (model != NULL && g_list_model_get_item_type (model) == type)
        return GTK_LIST_VIEW (root);
      if (model != NULL && g_list_model_get_n_items (model) > 0)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, 0);

          if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
            return GTK_LIST_VIEW (root);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found = find_list_of (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Choosing a partner, then a plan, in the sidebar shows it and leaves the
 * focus in the list: a key typed next must not overwrite the name. */
static void
test_select_keeps_focus (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-select-XXXXXX", &error);
  g_autofree char *drafts = g_build_filename (dir, "drafts", NULL);
  g_autofree char *path = copy_sample (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PactePortfolio) portfolio = pacte_portfolio_load_file (file, NULL, NULL, &error);
  const GType types[] = { PACTE_TYPE_PARTNER, PACTE_TYPE_PLAN };
  const char *pages[] = { "partners", "plans" };
  PacteWindow *window;

  g_assert_no_error (error);
  g_setenv ("PACTE_DRAFTS_DIR", drafts, TRUE);
  window = pacte_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  pacte_window_set_portfolio (window, portfolio);
  flush_events ();

  for (guint k = 0; k < G_N_ELEMENTS (types); k++)
    {
      AdwViewStack *stack = ADW_VIEW_STACK (find_widget_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
      GtkListView *view;
      GtkSelectionModel *model;
      g_autoptr(GObject) item = NULL;
      GtkWidget *focus;

      adw_view_stack_set_visible_child_name (stack, pages[k]);
      flush_events ();
      view = find_list_of (GTK_WIDGET (window), types[k]);
      g_assert_nonnull (view);
      model = gtk_list_view_get_model (view);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 2);
      /* As a click does: the row takes the focus, then the selection. */
      g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
      gtk_selection_model_select_item (model, 1, TRUE);
      flush_events ();

      item = g_list_model_get_item (G_LIST_MODEL (model), 1);
      if (types[k] == PACTE_TYPE_PLAN)
        g_assert_true ((GObject *) pacte_window_get_plan (window) == item);
      else
        g_assert_true ((GObject *) pacte_window_get_partner (window) == item);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      g_assert_false (GTK_IS_EDITABLE (focus));
      g_assert_true (focus == GTK_WIDGET (view) || gtk_widget_is_ancestor (focus, GTK_WIDGET (view)));

      /* A key typed in the list goes to its search; when the search hides
       * the focused row, the focus goes to the search, not to the name. */
      {
        GtkWidget *search = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_BOX);
        gboolean timed_out = FALSE;

        search = find_widget_of_type (search, GTK_TYPE_SEARCH_ENTRY);
        g_assert_nonnull (search);
        gtk_editable_set_text (GTK_EDITABLE (search), "zzz-no-match");
        g_timeout_add (600, timeout_cb, &timed_out);
        while (!timed_out)
          g_main_context_iteration (NULL, TRUE);
        flush_events ();
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
        focus = gtk_root_get_focus (GTK_ROOT (window));
        g_assert_true (focus == NULL || focus == search || gtk_widget_is_ancestor (focus, search));
        gtk_editable_set_text (GTK_EDITABLE (search), "");
        timed_out = FALSE;
        g_timeout_add (600, timeout_cb, &timed_out);
        while (!timed_out)
          g_main_context_iteration (NULL, TRUE);
      }
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unsetenv ("PACTE_DRAFTS_DIR");
  remove_dir (dir);
}

/* The title of the status page on screen in the window's content, or NULL. */
static const char *
shown_status_title (GtkWidget *root)
{
  if (ADW_IS_STATUS_PAGE (root) && gtk_widget_get_mapped (root))
    return adw_status_page_get_title (ADW_STATUS_PAGE (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = shown_status_title (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The mapped button of the shown status page (its Add button). */
static GtkWidget *
shown_status_button (GtkWidget *root)
{
  if (ADW_IS_STATUS_PAGE (root) && gtk_widget_get_mapped (root))
    return find_widget_of_type (root, GTK_TYPE_BUTTON);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = shown_status_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A new portfolio has nothing to choose: each view says it has no items yet
 * and offers to add one; once there are items, nothing is selected. */
static void
test_empty_lists (void)
{
  g_autoptr(PactePortfolio) portfolio = pacte_portfolio_new ();
  PacteWindow *window = pacte_window_new (NULL);
  AdwViewStack *stack;
  GtkWidget *button;
  GtkWidget *doc_page;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  pacte_window_set_portfolio (window, portfolio);
  flush_events ();
  stack = ADW_VIEW_STACK (find_widget_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  /* The document's page (the empty window's page may still fade out). */
  doc_page = find_widget_of_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET);
  g_assert_nonnull (doc_page);

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "plans");
  g_assert_cmpstr (shown_status_title (doc_page), ==, "No Plans Yet");
  adw_view_stack_set_visible_child_name (stack, "partners");
  flush_events ();
  g_assert_cmpstr (shown_status_title (doc_page), ==, "No Partners Yet");

  /* Its button adds a partner and shows it. */
  button = shown_status_button (doc_page);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Add Partner");
  g_signal_emit_by_name (button, "clicked");
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio)), ==, 1);
  g_assert_nonnull (pacte_window_get_partner (window));

  /* Undone: no partners again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  flush_events ();
  g_assert_null (pacte_window_get_partner (window));
  g_assert_cmpstr (shown_status_title (doc_page), ==, "No Partners Yet");

  /* Back to the plans: a plan added and left, nothing is selected. */
  adw_view_stack_set_visible_child_name (stack, "plans");
  flush_events ();
  g_assert_cmpstr (shown_status_title (doc_page), ==, "No Plans Yet");
  button = shown_status_button (doc_page);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  flush_events ();
  g_assert_nonnull (pacte_window_get_plan (window));
  g_assert_null (shown_status_title (doc_page));
  adw_view_stack_set_visible_child_name (stack, "partners");
  flush_events ();
  g_assert_nonnull (pacte_window_get_plan (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* One application for the whole program: a second one could not export
 * itself on the bus at the same path. */
static PacteApplication *
test_application (void)
{
  static PacteApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = pacte_application_new ();
      /* Our own instance, whatever else runs on the session bus. */
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }
  return g_object_ref (app);
}

static gboolean
all_windows_loaded (gpointer data)
{
  for (GList *l = gtk_application_get_windows (data); l != NULL; l = l->next)
    if (PACTE_IS_WINDOW (l->data) && !pacte_window_has_document (l->data))
      return FALSE;
  return TRUE;
}

static void
destroy_windows (GtkApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (app)) != NULL)
    gtk_window_destroy (windows->data);
  flush_events ();
}

typedef struct {
  PacteWindow *window;
  const char  *label;
} RecentCheck;

static gboolean
recent_has (gpointer data)
{
  RecentCheck *check = data;
  GMenuModel *menu = pacte_window_get_recent_menu (check->window);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) &&
          g_strcmp0 (label, check->label) == 0)
        return TRUE;
    }
  return FALSE;
}

/* One window per portfolio: the same file twice gives one window, two
 * files give two; a drop and Open Recent follow the same rule. */
static void
test_windows (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-windows-XXXXXX", &error);
  g_autofree char *drafts = g_build_filename (dir, "drafts", NULL);
  g_autofree char *path_a = copy_sample_as (dir, "alpha.pacte.json");
  g_autofree char *path_b = copy_sample_as (dir, "beta.pacte.json");
  g_autofree char *path_c = copy_sample_as (dir, "gamma.pacte.json");
  g_autoptr(GFile) a = g_file_new_for_path (path_a);
  g_autoptr(GFile) a_again = g_file_new_for_path (path_a);
  g_autoptr(GFile) b = g_file_new_for_path (path_b);
  g_autoptr(GFile) c = g_file_new_for_path (path_c);
  g_autoptr(GFile) text = g_file_new_build_filename (dir, "notes.txt", NULL);
  g_autoptr(PacteApplication) app = NULL;
  GtkApplication *gtk_app;
  PacteWindow *window_a;
  GtkDropTarget *target = NULL;
  RecentCheck check;

  g_assert_no_error (error);
  g_setenv ("PACTE_DRAFTS_DIR", drafts, TRUE);
  app = test_application ();
  gtk_app = GTK_APPLICATION (app);

  /* pacte alpha.pacte.json, then again: one window. */
  g_application_open (G_APPLICATION (app), &a, 1, "");
  g_application_open (G_APPLICATION (app), &a_again, 1, "");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (gtk_app)), ==, 1);
  g_assert_true (wait_until (all_windows_loaded, app));
  g_application_open (G_APPLICATION (app), &a_again, 1, "");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (gtk_app)), ==, 1);
  window_a = pacte_application_find_window (app, a_again);
  g_assert_nonnull (window_a);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window_a)), ==, "alpha.pacte.json – Pacte");

  /* A second file: a second window. */
  g_application_open (G_APPLICATION (app), &b, 1, "");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (gtk_app)), ==, 2);
  g_assert_true (wait_until (all_windows_loaded, app));
  g_assert_true (pacte_application_find_window (app, b) != window_a);

  /* Opened files are recent files, newest first in Open Recent. */
  check.window = window_a;
  check.label = "beta.pacte.json";
  g_assert_true (wait_until (recent_has, &check));
  check.label = "alpha.pacte.json";
  g_assert_true (recent_has (&check));
  {
    GMenuModel *menu = pacte_window_get_recent_menu (window_a);
    g_autofree char *first = NULL;
    g_autoptr(GVariant) target_uri = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET,
                                                                            G_VARIANT_TYPE_STRING);
    g_autofree char *uri_b = g_file_get_uri (b);

    g_assert_true (g_menu_model_get_n_items (menu) <= 10);
    g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &first));
    g_assert_nonnull (target_uri);
    /* Both added within the same second: the order between them is not
     * asserted, only that the item opens the file it names. */
    if (g_str_equal (first, "beta.pacte.json"))
      g_assert_cmpstr (g_variant_get_string (target_uri, NULL), ==, uri_b);
  }

  /* Open Recent of a file already open brings its window, no new one. */
  {
    g_autofree char *uri_b = g_file_get_uri (b);

    gtk_widget_activate_action (GTK_WIDGET (window_a), "win.open-recent", "s", uri_b);
    g_assert_cmpuint (g_list_length (gtk_application_get_windows (gtk_app)), ==, 2);
  }

  /* Dropped on a window: the open file is not opened twice, a new one gets
   * its own window, a file that is not a portfolio is left out. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window_a));
    GFile *dropped[] = { a, c, text };
    GdkFileList *list = gdk_file_list_new_from_array (dropped, G_N_ELEMENTS (dropped));
    GValue value = G_VALUE_INIT;
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, list);
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
    g_value_unset (&value);
    g_assert_true (handled);
    g_assert_cmpuint (g_list_length (gtk_application_get_windows (gtk_app)), ==, 3);
    g_assert_true (wait_until (all_windows_loaded, app));
    g_assert_nonnull (pacte_application_find_window (app, c));
    g_assert_true (pacte_window_get_portfolio (window_a) != NULL);
    g_assert_true (pacte_application_find_window (app, a) == window_a);
  }

  destroy_windows (gtk_app);
  g_unsetenv ("PACTE_DRAFTS_DIR");
  remove_dir (dir);
}

/* Closing with unsaved changes offers to keep them as a draft: the window
 * goes, the draft holds exactly the unsaved state. */
static void
test_close_keep_draft (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-keep-XXXXXX", &error);
  g_autofree char *drafts = g_build_filename (dir, "drafts", NULL);
  g_autofree char *path = copy_sample (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) drafts_dir = g_file_new_for_path (drafts);
  g_autoptr(PacteDraftStore) store = pacte_draft_store_new (drafts_dir);
  g_autoptr(PactePortfolio) portfolio = pacte_portfolio_load_file (file, NULL, NULL, &error);
  g_autoptr(PactePortfolio) restored = NULL;
  g_autoptr(GPtrArray) left = NULL;
  PacteWindow *window;
  AdwMessageDialog *dialog;

  g_assert_no_error (error);
  g_setenv ("PACTE_DRAFTS_DIR", drafts, TRUE);
  window = pacte_window_new (NULL);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  pacte_window_set_portfolio (window, portfolio);
  pacte_record_set_string (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_META_OWNER, "Gardé en brouillon", &error);
  g_assert_no_error (error);

  gtk_window_close (GTK_WINDOW (window));
  dialog = pacte_test_wait_for_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "keep"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "keep"), ==, "_Keep as Draft");
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));
  {
    gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (window != NULL && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_null (window);

  /* The file is untouched; the draft has the change. */
  left = pacte_draft_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 1);
  restored = pacte_draft_store_load (store, pacte_draft_info_get_id (g_ptr_array_index (left, 0)), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pacte_record_equal (PACTE_RECORD (restored), PACTE_RECORD (portfolio)));
  g_assert_true (g_file_equal (pacte_draft_info_get_file (g_ptr_array_index (left, 0)), file));

  g_unsetenv ("PACTE_DRAFTS_DIR");
  remove_dir (dir);
}

/* Every keyboard shortcut of the application is in the shortcuts window. */
static void
test_shortcuts_window_complete (void)
{
  g_autoptr(PacteApplication) app = test_application ();
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/pacte/Pacte/ui/pacte-shortcuts.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);
  guint n_accels = 0;

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;
        g_auto(GStrv) parts = NULL;

        g_object_get (l->data, "accelerator", &accelerator, NULL);
        parts = g_strsplit (accelerator, " ", -1);
        for (guint i = 0; parts[i] != NULL; i++)
          {
            guint key;
            GdkModifierType mods;

            g_assert_true (gtk_accelerator_parse (parts[i], &key, &mods));
            g_ptr_array_add (listed, gtk_accelerator_name (key, mods));
          }
      }

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint key;
          GdkModifierType mods;
          g_autofree char *name = NULL;
          gboolean found = FALSE;

          g_assert_true (gtk_accelerator_parse (accels[j], &key, &mods));
          name = gtk_accelerator_name (key, mods);
          for (guint k = 0; k < listed->len && !found; k++)
            found = g_str_equal (name, g_ptr_array_index (listed, k));
          if (!found)
            g_error ("%s (%s) is not in the shortcuts window", accels[j], actions[i]);
          n_accels++;
        }
    }
  /* Undo and redo among them. */
  g_assert_cmpuint (n_accels, >=, 14);
}

int
main (int    argc,
      char **argv)
{
  /* Recent files go to the build folder, never to the user's list. */
  {
    g_autofree char *data_home = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : g_get_tmp_dir (),
                                                   "data-home", NULL);

    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  }
  pacte_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/document-life/bar-follows-disk", test_bar_follows_disk);
  g_test_add_func ("/document-life/drafts-dialog", test_drafts_dialog);
  g_test_add_func ("/document-life/format-time", test_format);
  g_test_add_func ("/document-life/window-changed-on-disk", test_window_changed_on_disk);
  g_test_add_func ("/document-life/undo-redo", test_undo_redo);
  g_test_add_func ("/document-life/select-keeps-focus", test_select_keeps_focus);
  g_test_add_func ("/document-life/empty-lists", test_empty_lists);
  g_test_add_func ("/document-life/windows", test_windows);
  g_test_add_func ("/document-life/close-keep-draft", test_close_keep_draft);
  g_test_add_func ("/document-life/shortcuts-window-complete", test_shortcuts_window_complete);

  return g_test_run ();
}
