/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text a field refused is never dropped without a word: Save stops at it,
 * takes the user there and says why (the file keeps its old value, and is
 * not written over as if all was well); leaving the plan asks first. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "pacte-field-row.h"
#include "pacte-plan-editor.h"
#include "pacte-test-window-utils.h"
#include "pacte-window.h"

static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static PacteFieldRow *
plan_row (PacteWindow *window,
          const char  *key)
{
  GtkWidget *row = pacte_plan_editor_get_field_row (PACTE_PLAN_EDITOR (pacte_window_get_plan_editor (window)), key);

  g_assert_nonnull (row);
  return PACTE_FIELD_ROW (row);
}

static GtkEditable *
row_entry (PacteFieldRow *row)
{
  GtkWidget *editor = pacte_field_row_get_editor (row);

  g_assert_true (GTK_IS_EDITABLE (editor));
  return GTK_EDITABLE (editor);
}

static gboolean
focus_within (PacteWindow *window,
              GtkWidget   *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_save_stops_at_rejected_date (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  PactePlan *plan = pacte_portfolio_find_plan (doc, "plan-kuhne-managed");
  g_autofree char *dir = g_dir_make_tmp ("pacte-test-rejected-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "copy.pacte.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PactePortfolio) loaded = NULL;
  g_autoptr(GError) error = NULL;
  guint32 old_end = pacte_record_get_date (PACTE_RECORD (plan), PACTE_PLAN_PERIOD_END);
  PacteFieldRow *row;
  gint64 end;

  pacte_portfolio_set_file (doc, file);
  pacte_window_select_plan (window, plan);
  pacte_test_flush_events ();
  row = plan_row (window, "period-end");

  /* A real edit elsewhere, and a date the field refuses. */
  gtk_editable_set_text (row_entry (plan_row (window, "name")), "Kühne — renewed");
  gtk_editable_set_text (row_entry (row), "31/02/2026x");
  pacte_test_flush_events ();
  g_assert_true (pacte_portfolio_get_modified (doc));

  /* Ctrl+S: nothing written, the user is at the date, told why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  run_for (500);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (pacte_portfolio_get_modified (doc));
  g_assert_nonnull (pacte_field_row_get_error (row));
  g_assert_cmpstr (gtk_editable_get_text (row_entry (row)), ==, "31/02/2026x");
  g_assert_true (focus_within (window, pacte_field_row_get_editor (row)));
  g_assert_cmpuint (pacte_record_get_date (PACTE_RECORD (plan), PACTE_PLAN_PERIOD_END), ==, old_end);

  /* Corrected, it saves, with the date. */
  gtk_editable_set_text (row_entry (row), "2027-12-31");
  pacte_test_flush_events ();
  g_assert_null (pacte_field_row_get_error (row));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (pacte_portfolio_get_modified (doc) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (pacte_portfolio_get_modified (doc));
  loaded = pacte_portfolio_load_file (file, pacte_rule_set_get_default (), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pacte_record_get_date (PACTE_RECORD (pacte_portfolio_find_plan (loaded, "plan-kuhne-managed")),
                                           PACTE_PLAN_PERIOD_END), ==, pacte_date_parse ("2027-12-31"));

  pacte_test_destroy_window (window);
  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

static void
test_leaving_asks (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  PactePlan *kuhne = pacte_portfolio_find_plan (doc, "plan-kuhne-managed");
  PactePlan *ashford = pacte_portfolio_find_plan (doc, "plan-ashford-banking");
  double old_target = pacte_record_get_number (PACTE_RECORD (kuhne), PACTE_PLAN_REVENUE_TARGET);
  AdwMessageDialog *dialog;
  PacteFieldRow *row;

  pacte_window_select_plan (window, kuhne);
  pacte_test_flush_events ();
  row = plan_row (window, "revenue-target");
  gtk_editable_set_text (row_entry (row), "abc");
  pacte_test_flush_events ();
  g_assert_nonnull (pacte_field_row_get_error (row));

  /* Choosing another plan asks, and stays until answered. */
  pacte_window_select_plan (window, ashford);
  pacte_test_flush_events ();
  dialog = pacte_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "abc"));
  g_assert_true (pacte_window_get_plan (window) == kuhne);

  /* Keep editing: the text is still there, and the focus on it. */
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pacte_test_flush_events ();
  g_assert_true (pacte_window_get_plan (window) == kuhne);
  g_assert_cmpstr (gtk_editable_get_text (row_entry (row)), ==, "abc");
  g_assert_true (focus_within (window, pacte_field_row_get_editor (row)));

  /* Discard: the other plan, and the amount as it was. */
  pacte_window_select_plan (window, ashford);
  pacte_test_flush_events ();
  dialog = pacte_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pacte_test_flush_events ();
  g_assert_true (pacte_window_get_plan (window) == ashford);
  g_assert_null (pacte_test_find_message_dialog ());
  g_assert_cmpfloat (pacte_record_get_number (PACTE_RECORD (kuhne), PACTE_PLAN_REVENUE_TARGET), ==, old_target);

  pacte_test_destroy_window (window);
}

/* A period that would end before it starts: an inline error, nothing applied. */
static void
test_inverted_period (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  PactePlan *plan = pacte_portfolio_find_plan (doc, "plan-kuhne-managed");
  guint32 start, end;
  PacteFieldRow *row;
  g_autofree char *before = NULL;

  pacte_window_select_plan (window, plan);
  pacte_test_flush_events ();
  start = pacte_record_get_date (PACTE_RECORD (plan), PACTE_PLAN_PERIOD_START);
  end = pacte_record_get_date (PACTE_RECORD (plan), PACTE_PLAN_PERIOD_END);
  g_assert_cmpuint (start, !=, 0);
  before = pacte_date_format (start - 1);
  row = plan_row (window, "period-end");
  gtk_editable_set_text (row_entry (row), before);
  pacte_test_flush_events ();
  g_assert_nonnull (pacte_field_row_get_error (row));
  g_assert_nonnull (strstr (pacte_field_row_get_error (row), "before it starts"));
  g_assert_cmpuint (pacte_record_get_date (PACTE_RECORD (plan), PACTE_PLAN_PERIOD_END), ==, end);
  g_assert_false (pacte_portfolio_can_undo (doc));
  pacte_test_destroy_window (window);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/rejected/save-stops-at-rejected-date", test_save_stops_at_rejected_date);
  g_test_add_func ("/rejected/leaving-asks", test_leaving_asks);
  g_test_add_func ("/rejected/inverted-period", test_inverted_period);
  return g_test_run ();
}
