/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window, driven through its actions and widgets; assertions are on
 * what a user sees: the title, a light, an explanation, a dialog. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pacte-application.h"
#include "pacte-field-row.h"
#include "pacte-i18n.h"
#include "pacte-partner-chooser.h"
#include "pacte-partner-editor.h"
#include "pacte-plan-editor.h"
#include "pacte-rule-row.h"
#include "pacte-test-window-utils.h"
#include "pacte-growing-list.h"
#include "pacte-window.h"

static GFile *
sample_file (void)
{
  g_autofree char *path = pacte_test_sample_path ();

  return g_file_new_for_path (path);
}

static PacteRuleRow *
panel_row (PacteWindow *window,
           const char  *rule_id)
{
  GtkWidget *row = pacte_rules_panel_get_row (pacte_window_get_rules_panel (window), rule_id);

  g_assert_nonnull (row);
  return PACTE_RULE_ROW (row);
}

/* The new item's name entry has the keyboard focus and its text selected. */
static gboolean
entry_has_focus_and_selection (gpointer data)
{
  GtkWidget *entry = data;
  GtkRoot *root = gtk_widget_get_root (entry);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry))
         && gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), NULL, NULL);
}

static void
test_empty_window_and_about (void)
{
  g_autoptr(PacteApplication) app = pacte_application_new ();
  g_autoptr(GError) error = NULL;
  PacteWindow *window;
  gboolean found = FALSE;
  g_autoptr(GList) toplevels = NULL;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = pacte_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  pacte_test_flush_events ();

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Pacte");
  g_assert_false (pacte_window_has_document (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  pacte_test_flush_events ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      {
        found = TRUE;
        g_assert_cmpstr (adw_about_window_get_application_name (l->data), ==, "Pacte");
        g_assert_true (gtk_window_get_transient_for (l->data) == GTK_WINDOW (window));
        gtk_window_destroy (l->data);
      }
  g_assert_true (found);

  /* The shortcuts window builds from its resource and shows. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  pacte_test_flush_events ();
  g_clear_pointer (&toplevels, g_list_free);
  found = FALSE;
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_WINDOW (l->data))
      {
        found = TRUE;
        gtk_window_destroy (l->data);
      }
  g_assert_true (found);

  /* New: an empty portfolio, titled as not saved yet. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  pacte_test_flush_events ();
  g_assert_true (pacte_window_has_document (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled Portfolio – Pacte");

  /* Adding a plan shows it, with its sixteen lights. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-plan", NULL);
  pacte_test_flush_events ();
  g_assert_nonnull (pacte_window_get_plan (window));
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (pacte_window_get_plan (window)), PACTE_PLAN_NAME), ==, "New Plan");
  g_assert_nonnull (pacte_rules_panel_get_row (pacte_window_get_rules_panel (window), "R16"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled Portfolio • – Pacte");
  /* Its name is focused and selected, so typing names it. */
  {
    GtkWidget *name_row = pacte_plan_editor_get_field_row (PACTE_PLAN_EDITOR (pacte_window_get_plan_editor (window)), "name");
    GtkWidget *entry = pacte_field_row_get_editor (PACTE_FIELD_ROW (name_row));
    GtkWidget *focus;
    int start = 0, end = 0;

    pacte_test_wait_for (entry_has_focus_and_selection, entry, 5000);
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_nonnull (focus);
    g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
    g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), &start, &end));
    g_assert_cmpint (start, ==, 0);
    g_assert_cmpint (end, ==, (int) g_utf8_strlen ("New Plan", -1));
  }

  /* Adding a partner likewise focuses the partner's name. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-partner", NULL);
  pacte_test_flush_events ();
  {
    GtkWidget *name_row = pacte_partner_editor_get_field_row (PACTE_PARTNER_EDITOR (pacte_window_get_partner_editor (window)), "name");
    GtkWidget *entry = pacte_field_row_get_editor (PACTE_FIELD_ROW (name_row));
    GtkWidget *focus;

    pacte_test_wait_for (entry_has_focus_and_selection, entry, 5000);
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_nonnull (focus);
    g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  }

  pacte_test_destroy_window (window);
}

static void
test_sample_title_and_lists (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  GListModel *plans = pacte_window_get_plan_list (window);
  g_autoptr(PactePlan) first = NULL;
  g_autoptr(PactePlan) second = NULL;
  PacteContext *ctx = pacte_window_get_context (window);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "sample.pacte.json – Pacte");
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 7);
  /* A portfolio of seven plans opens on its overview; a plan chosen in the
   * list shows with its score in the panel. */
  g_assert_null (pacte_window_get_plan (window));
  g_assert_nonnull (pacte_window_get_overview (window));
  g_assert_true (gtk_widget_get_mapped (pacte_window_get_overview (window)));
  {
    g_autoptr(PactePlan) shown = g_list_model_get_item (plans, 0);

    pacte_window_select_plan (window, shown);
    pacte_test_flush_events ();
    g_assert_true (pacte_window_get_plan (window) == shown);
  }
  g_assert_cmpstr (pacte_rules_panel_get_score_text (pacte_window_get_rules_panel (window)), !=, "");

  /* Search by name, ignoring case. */
  pacte_window_set_search (window, "kühne");
  pacte_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 1);
  pacte_window_set_search (window, "");
  pacte_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 7);
  /* ... and accents, either way: "zephyr" finds "Lumière & Zéphyr". */
  pacte_window_set_search (window, "LUMIERE & ZEPHYR");
  pacte_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 1);
  pacte_window_set_search (window, "Bérard & Côte");
  pacte_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 1);
  pacte_window_set_search (window, "kuhne");
  pacte_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 1);
  pacte_window_set_search (window, "");
  pacte_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 7);

  /* Sort by score: lowest first. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sort-plans", "s", "score");
  pacte_test_flush_events ();
  first = g_list_model_get_item (plans, 0);
  second = g_list_model_get_item (plans, g_list_model_get_n_items (plans) - 1);
  g_assert_cmpint (pacte_plan_results_get_score (pacte_context_get_results (ctx, first)), <=,
                   pacte_plan_results_get_score (pacte_context_get_results (ctx, second)));

  pacte_test_destroy_window (window);
}

static PacteRecord *
find_objective (PactePlan  *plan,
                const char *id)
{
  GListModel *list = pacte_record_get_list (PACTE_RECORD (plan), PACTE_PLAN_OBJECTIVES);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PacteRecord) item = g_list_model_get_item (list, i);

      if (g_str_equal (pacte_record_get_string (item, PACTE_OBJECTIVE_ID), id))
        return item;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_light_follows_edit (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  PactePlan *plan = pacte_portfolio_find_plan (doc, "plan-lumiere-retail");
  PacteRuleRow *row;
  PacteRecord *objective;
  g_autofree char *explanation = NULL;
  g_autoptr(GError) error = NULL;
  PacteStatus before;

  pacte_window_select_plan (window, plan);
  pacte_test_flush_events ();
  g_assert_true (pacte_window_get_plan (window) == plan);

  row = panel_row (window, "R02");
  before = pacte_light_get_status (pacte_rule_row_get_light (row));
  explanation = g_strdup (pacte_rule_row_get_explanation (row));
  g_assert_cmpint (before, !=, PACTE_STATUS_RED);

  /* The only quantified objective loses its target: R02 turns red. */
  objective = find_objective (plan, "obj-lz-leads");
  pacte_record_set_number (objective, PACTE_OBJECTIVE_TARGET, 0, &error);
  g_assert_no_error (error);
  pacte_test_flush_events ();
  g_assert_cmpint (pacte_light_get_status (pacte_rule_row_get_light (row)), ==, PACTE_STATUS_RED);
  g_assert_cmpstr (pacte_rule_row_get_explanation (row), !=, explanation);
  g_assert_true (g_str_has_prefix (pacte_light_get_accessible_text (pacte_rule_row_get_light (row)),
                                   "R02 "));
  g_assert_true (g_str_has_suffix (pacte_light_get_accessible_text (pacte_rule_row_get_light (row)),
                                   ": red"));
  g_assert_true (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (window)), "• – Pacte"));

  /* And back. */
  pacte_record_set_number (objective, PACTE_OBJECTIVE_TARGET, 400, &error);
  g_assert_no_error (error);
  pacte_test_flush_events ();
  g_assert_cmpint (pacte_light_get_status (pacte_rule_row_get_light (row)), ==, before);
  g_assert_cmpstr (pacte_rule_row_get_explanation (row), ==, explanation);

  pacte_test_destroy_window (window);
}

static void
test_switch_rule_off (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  PactePlan *plan = pacte_portfolio_find_plan (doc, "plan-brightwater-connector");
  AdwMessageDialog *dialog;
  PacteRuleRow *row;
  PacteOverride *override;
  GtkWidget *entry;

  pacte_window_select_plan (window, plan);
  pacte_test_flush_events ();
  row = panel_row (window, "R15");
  g_assert_cmpint (pacte_light_get_status (pacte_rule_row_get_light (row)), !=, PACTE_STATUS_OFF);

  /* The row's menu item asks for a reason... */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "rules.switch-off", "s", "R15"));
  dialog = pacte_test_wait_for_message_dialog ();
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "switch-off"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "No customer events in a connector pilot");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "switch-off"));
  pacte_test_close_dialog (dialog, "switch-off");

  /* ...and the light shows off, with the reason; the score says its basis. */
  g_assert_cmpint (pacte_light_get_status (pacte_rule_row_get_light (row)), ==, PACTE_STATUS_OFF);
  pacte_test_flush_events ();
  g_assert_nonnull (strstr (pacte_rules_panel_get_score_text (pacte_window_get_rules_panel (window)), " · 1 rule off"));
  g_assert_nonnull (strstr (pacte_rule_row_get_explanation (row), "No customer events in a connector pilot"));
  override = pacte_plan_find_override (plan, "R15");
  g_assert_nonnull (override);
  g_assert_cmpint (pacte_record_get_boolean (PACTE_RECORD (override), PACTE_OVERRIDE_DISABLED), ==, 1);
  /* One undo step brings it back. */
  g_assert_true (pacte_portfolio_undo (doc));
  pacte_test_flush_events ();
  g_assert_cmpint (pacte_light_get_status (pacte_rule_row_get_light (row)), !=, PACTE_STATUS_OFF);
  g_assert_true (pacte_portfolio_redo (doc));
  pacte_test_flush_events ();
  g_assert_cmpint (pacte_light_get_status (pacte_rule_row_get_light (row)), ==, PACTE_STATUS_OFF);

  /* Switch on again: the override says nothing any more and goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "rules.switch-on", "s", "R15"));
  pacte_test_flush_events ();
  g_assert_cmpint (pacte_light_get_status (pacte_rule_row_get_light (row)), !=, PACTE_STATUS_OFF);
  g_assert_null (pacte_plan_find_override (plan, "R15"));

  pacte_test_destroy_window (window);
}

static void
test_tune_rule (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  PactePlan *plan = pacte_portfolio_find_plan (doc, "plan-brightwater-connector");
  PacteRulesPanel *panel;
  PacteOverride *override;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "min_actions", NULL };
  double values[] = { 1 };
  GtkWidget *dialog;

  pacte_window_select_plan (window, plan);
  pacte_test_flush_events ();
  panel = pacte_window_get_rules_panel (window);

  dialog = pacte_rules_panel_present_tune (panel, "R12");
  g_assert_nonnull (dialog);
  pacte_test_close_dialog (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_null (pacte_plan_find_override (plan, "R12"));

  g_assert_true (pacte_rules_panel_set_params (panel, "R12", names, values, 1, &error));
  g_assert_no_error (error);
  override = pacte_plan_find_override (plan, "R12");
  g_assert_nonnull (override);
  g_assert_cmpfloat (pacte_record_map_get_number (PACTE_RECORD (override), PACTE_OVERRIDE_PARAMS, "min_actions"), ==, 1);
  /* The panel marks a tuned rule (R12 is also tuned for the whole portfolio
   * by the sample's rule_settings), and says it to assistive technologies. */
  pacte_test_flush_events ();
  g_assert_true (pacte_rule_row_get_tuned (panel_row (window, "R12")));
  g_assert_false (pacte_rule_row_get_tuned (panel_row (window, "R04")));
  {
    const char *levels[] = { "min_levels", NULL };
    double one[] = { 1 }, two[] = { 2 };

    g_assert_true (pacte_rules_panel_set_params (panel, "R04", levels, one, 1, &error));
    pacte_test_flush_events ();
    g_assert_true (pacte_rule_row_get_tuned (panel_row (window, "R04")));
    g_assert_true (pacte_rules_panel_set_params (panel, "R04", levels, two, 1, &error));
    pacte_test_flush_events ();
    g_assert_false (pacte_rule_row_get_tuned (panel_row (window, "R04")));
  }

  /* Back to the default: the plan's own value goes, and the mark. */
  values[0] = 3;
  g_assert_true (pacte_rules_panel_set_params (panel, "R12", names, values, 1, &error));
  g_assert_null (pacte_plan_find_override (plan, "R12"));

  /* A parameter the rule does not have is refused with a message. */
  names[0] = "no_such_param";
  g_assert_false (pacte_rules_panel_set_params (panel, "R12", names, values, 1, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no_such_param"));

  pacte_test_destroy_window (window);
}

static void
on_destroyed (gpointer data,
              GObject *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

static void
test_close_asks (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  PactePlan *plan = pacte_portfolio_find_plan (doc, "plan-meridian-draft");
  AdwMessageDialog *dialog;
  gboolean destroyed = FALSE;
  g_autoptr(GError) error = NULL;

  pacte_record_set_string (PACTE_RECORD (plan), PACTE_PLAN_OWNER, "Someone New", &error);
  g_assert_no_error (error);
  g_assert_true (pacte_portfolio_get_modified (doc));
  g_object_weak_ref (G_OBJECT (window), on_destroyed, &destroyed);

  /* Cancel keeps the window and the changes. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = pacte_test_wait_for_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  pacte_test_close_dialog (dialog, "cancel");
  g_assert_false (destroyed);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (pacte_portfolio_get_modified (doc));

  /* Discard closes. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = pacte_test_wait_for_message_dialog ();
  g_assert_nonnull (dialog);
  pacte_test_close_dialog (dialog, "discard");
  g_assert_true (destroyed);
}

static void
test_save_round_trip (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  PactePlan *plan = pacte_portfolio_find_plan (doc, "plan-kuhne-managed");
  g_autofree char *dir = g_dir_make_tmp ("pacte-test-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "copy.pacte.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PactePortfolio) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 end;

  pacte_record_set_string (PACTE_RECORD (plan), PACTE_PLAN_NAME, "Kühne — « renouvelé » 2028", &error);
  g_assert_no_error (error);
  pacte_portfolio_set_file (doc, file);
  pacte_test_flush_events ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "copy.pacte.json • – Pacte");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (pacte_portfolio_get_modified (doc) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  pacte_test_flush_events ();
  g_assert_false (pacte_portfolio_get_modified (doc));
  g_assert_null (pacte_test_find_message_dialog ());
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "copy.pacte.json – Pacte");

  loaded = pacte_portfolio_load_file (file, pacte_rule_set_get_default (), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pacte_record_equal (PACTE_RECORD (loaded), PACTE_RECORD (doc)));

  pacte_test_destroy_window (window);
  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

/* A file that cannot be written: the dialog says so, nothing is lost, and
 * Save As is offered (and opens the file chooser). */
static void
test_save_failure_offers_save_as (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  PactePlan *plan = pacte_portfolio_find_plan (doc, "plan-kuhne-managed");
  g_autofree char *dir = g_dir_make_tmp ("pacte-test-window-XXXXXX", NULL);
  /* A path under a regular file fails for root too. */
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "copy.pacte.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker_text = NULL;
  AdwMessageDialog *dialog;
  gboolean chooser_shown = FALSE;
  gint64 end;

  g_assert_true (g_file_set_contents (blocker, "keep me", -1, NULL));
  pacte_record_set_string (PACTE_RECORD (plan), PACTE_PLAN_NAME, "Kühne — unsaved", &error);
  g_assert_no_error (error);
  pacte_portfolio_set_file (doc, file);
  pacte_test_flush_events ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = pacte_test_wait_for_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save the Portfolio");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "copy.pacte.json"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Save As"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  g_assert_true (pacte_portfolio_get_modified (doc));
  g_assert_true (g_file_get_contents (blocker, &blocker_text, NULL, NULL));
  g_assert_cmpstr (blocker_text, ==, "keep me");

  pacte_test_close_dialog (dialog, "save-as");
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!chooser_shown && g_get_monotonic_time () < end)
    {
      g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (GTK_IS_FILE_CHOOSER (l->data) && gtk_widget_get_visible (l->data))
          {
            chooser_shown = TRUE;
            gtk_window_destroy (GTK_WINDOW (l->data));
            break;
          }
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_true (chooser_shown);
  g_assert_true (pacte_portfolio_get_modified (doc));

  pacte_test_destroy_window (window);
  g_unlink (blocker);
  g_rmdir (dir);
}

/* Save As through the file chooser, as a person does: the chosen file is
 * written (with ".pacte.json" added) and becomes the document's file.  The
 * response handler dereferenced a pointer it had already stolen: a crash. */
static void
test_save_as_through_chooser (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  g_autofree char *dir = g_dir_make_tmp ("pacte-test-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "copy.pacte.json", NULL);
  g_autoptr(GFile) expected = g_file_new_for_path (path);
  gint64 end;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  pacte_test_accept_file_chooser (dir, "copy");

  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((pacte_portfolio_get_file (doc) == NULL
          || !g_file_equal (pacte_portfolio_get_file (doc), expected)
          || pacte_portfolio_get_modified (doc))
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (g_file_equal (pacte_portfolio_get_file (doc), expected));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (pacte_portfolio_get_modified (doc));

  pacte_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_load_error_keeps_document (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  PactePlan *shown = pacte_window_get_plan (window);
  g_autofree char *dir = g_dir_make_tmp ("pacte-test-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.pacte.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_file_set_contents (path, "{\n  \"format\": \"pacte-portfolio\",\n  \"version\": 1,\n  \"plans\": [ }\n", -1, &error);
  g_assert_no_error (error);

  pacte_window_open_file (window, file);
  dialog = pacte_test_wait_for_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open the File");
  /* The model's message names the file and the place. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.pacte.json"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "4:"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "unchanged"));
  pacte_test_close_dialog (dialog, "close");

  g_assert_true (pacte_window_get_portfolio (window) == doc);
  g_assert_true (pacte_window_get_plan (window) == shown);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "sample.pacte.json – Pacte");

  /* A good file replaces the document. */
  {
    g_autoptr(GFile) sample = sample_file ();
    gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    pacte_window_open_file (window, sample);
    while (pacte_window_get_portfolio (window) == doc && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (pacte_window_get_portfolio (window) != doc);
    g_assert_null (pacte_test_find_message_dialog ());
  }

  pacte_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* The mapped status page titled title, or NULL when none shows. */
static GtkWidget *
find_shown_status_page (GtkWidget  *widget,
                        const char *title)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (ADW_IS_STATUS_PAGE (widget) && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shown_status_page (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A search that hides every item says so ("No Results", with the search
 * icon) instead of a blank list; clearing it brings the list back.  A list
 * that is empty in the document is not a search result: "No Plans Yet". */
static void
test_search_no_results (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  AdwViewStack *view_stack = ADW_VIEW_STACK (pacte_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  GtkWidget *page;

  g_assert_null (find_shown_status_page (GTK_WIDGET (window), "No Results"));

  pacte_window_set_search (window, "no such plan anywhere");
  pacte_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (pacte_window_get_plan_list (window)), ==, 0);
  page = find_shown_status_page (GTK_WIDGET (window), "No Results");
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (page)), ==, "system-search-symbolic");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), ==, "Try a different search.");
  g_assert_null (find_shown_status_page (GTK_WIDGET (window), "No Plans Yet"));

  pacte_window_set_search (window, "kühne");
  pacte_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (pacte_window_get_plan_list (window)), ==, 1);
  g_assert_null (find_shown_status_page (GTK_WIDGET (window), "No Results"));
  pacte_window_set_search (window, "");
  pacte_test_flush_events ();

  /* The partners' list likewise. */
  adw_view_stack_set_visible_child_name (view_stack, "partners");
  pacte_test_flush_events ();
  pacte_window_set_search (window, "zzz nobody");
  pacte_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (pacte_window_get_partner_list (window)), ==, 0);
  g_assert_nonnull (find_shown_status_page (GTK_WIDGET (window), "No Results"));
  pacte_window_set_search (window, "");
  pacte_test_flush_events ();
  g_assert_null (find_shown_status_page (GTK_WIDGET (window), "No Results"));

  /* An empty document: "No Plans Yet", and a search there is no "No Results". */
  adw_view_stack_set_visible_child_name (view_stack, "plans");
  {
    g_autoptr(PactePortfolio) empty = pacte_portfolio_new ();

    pacte_window_set_portfolio (window, empty);
  }
  pacte_test_flush_events ();
  g_assert_nonnull (find_shown_status_page (GTK_WIDGET (window), "No Plans Yet"));
  pacte_window_set_search (window, "anything");
  pacte_test_flush_events ();
  g_assert_null (find_shown_status_page (GTK_WIDGET (window), "No Results"));
  g_assert_nonnull (find_shown_status_page (GTK_WIDGET (window), "No Plans Yet"));

  pacte_test_destroy_window (window);
}

/* Sorting by name reads as the alphabet whatever the locale (the tests run
 * under C.UTF-8, whose collation is byte order): accents and case do not
 * send "Électronique" after "Zebra" nor "Bérard" after "Brightwater". */
static void
test_sort_by_name_ignores_accents (void)
{
  static const char json[] =
    "{ \"format\": \"pacte-portfolio\", \"version\": 1,\n"
    "  \"partners\": [ { \"id\": \"p-1\", \"name\": \"Zebra\" }, { \"id\": \"p-2\", \"name\": \"\u00c9lectronique\" },\n"
    "                  { \"id\": \"p-3\", \"name\": \"B\u00e9rard\" }, { \"id\": \"p-4\", \"name\": \"Brightwater\" },\n"
    "                  { \"id\": \"p-5\", \"name\": \"b\u00e9rard\" } ],\n"
    "  \"plans\": [ { \"id\": \"plan-1\", \"name\": \"Zebra\" }, { \"id\": \"plan-2\", \"name\": \"\u00c9lectronique\" },\n"
    "               { \"id\": \"plan-3\", \"name\": \"B\u00e9rard\" }, { \"id\": \"plan-4\", \"name\": \"Brightwater\" } ] }\n";
  static const char * const plans[] = { "B\u00e9rard", "Brightwater", "\u00c9lectronique", "Zebra", NULL };
  /* Equal without accents and case: the collation breaks the tie, and
   * always the same way. */
  static const char * const partners[] = { "B\u00e9rard", "b\u00e9rard", "Brightwater", "\u00c9lectronique", "Zebra", NULL };
  PacteWindow *window = pacte_test_window_with_sample ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = pacte_portfolio_load_bytes (bytes, "names.pacte.json", pacte_rule_set_get_default (), &error);
  const char * const *partners_seen;

  g_assert_no_error (error);
  pacte_window_set_portfolio (window, portfolio);
  pacte_test_flush_events ();
  pacte_test_assert_names (pacte_window_get_plan_list (window), plans);
  {
    GListModel *list = pacte_window_get_partner_list (window);
    g_autoptr(GObject) second = g_list_model_get_item (list, 1);
    g_autofree char *name = NULL;

    /* "Bérard" and "bérard" side by side, before "Brightwater". */
    g_object_get (second, "name", &name, NULL);
    g_assert_true (g_str_equal (name, "B\u00e9rard") || g_str_equal (name, "b\u00e9rard"));
    partners_seen = g_str_equal (name, "b\u00e9rard") ? partners
                    : (const char * const[]) { "b\u00e9rard", "B\u00e9rard", "Brightwater", "\u00c9lectronique", "Zebra", NULL };
    pacte_test_assert_names (list, partners_seen);
  }

  pacte_test_destroy_window (window);
}

/* The list view showing model (through its selection). */
static GtkListView *
list_view_of (GtkWidget  *widget,
              GListModel *model)
{
  if (GTK_IS_LIST_VIEW (widget))
    {
      GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (widget));
      GListModel *shown = GTK_IS_SINGLE_SELECTION (selection)
                          ? gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)) : NULL;

      /* The view shows the list through a PacteGrowingList (its first rows
       * after an open, then a batch more per frame). */
      if (PACTE_IS_GROWING_LIST (shown))
        shown = pacte_growing_list_get_source (PACTE_GROWING_LIST (shown));
      if (shown != NULL && shown == model)
        return GTK_LIST_VIEW (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found = list_view_of (child, model);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The view's list is shown whole (it grows a batch per frame after an
 * open, and frames come late on a loaded machine). */
static gboolean
view_list_whole (gpointer data)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (data));
  GListModel *shown = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));

  return !PACTE_IS_GROWING_LIST (shown) || pacte_growing_list_is_complete (PACTE_GROWING_LIST (shown));
}

static GtkLabel *
label_with_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = label_with_text (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Issue 12 item 7: a search is words, each found in any order in a plan's
 * name, its partners' names, its owner or its phase. */
static void
test_search_every_word (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  GListModel *plans = pacte_window_get_plan_list (window);
  GListModel *partners = pacte_window_get_partner_list (window);
  static const struct { const char *search; guint plans; } cases[] = {
    { "harrowgate kuhne", 1 },      /* a partner's name, then the plan's */
    { "DACH  harrowgate", 1 },      /* any order, any spacing */
    { "marchetti sgi", 1 },         /* the owner and a word of the name */
    { "execution", 2 },             /* the phase */
    { "execution garnier", 1 },
    { "garnier kuhne", 0 },         /* each word alone matches, not both */
    { "rousseau-grant banking", 1 },
    { "castlebridge launch hastings", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      pacte_window_set_search (window, cases[i].search);
      pacte_test_flush_events ();
      if (g_list_model_get_n_items (plans) != cases[i].plans)
        g_error ("search “%s”: %u plans, expected %u", cases[i].search,
                 g_list_model_get_n_items (plans), cases[i].plans);
    }
  pacte_window_set_search (window, "");
  pacte_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 7);

  /* Partners: name and segment. */
  pacte_window_select_partner (window, PACTE_PARTNER (g_list_model_get_item (partners, 0)));
  g_object_unref (g_list_model_get_item (partners, 0));
  pacte_window_set_search (window, "services ltd");
  pacte_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 1);
  pacte_window_set_search (window, "");
  pacte_test_flush_events ();

  pacte_test_destroy_window (window);
}

/* Names with numbers sort by value ("#2" before "#10"); a search shows the
 * list from its top; a name cut off in the list shows whole in a tooltip. */
static gboolean
adjustment_at_top (gpointer data)
{
  return gtk_adjustment_get_value (data) == gtk_adjustment_get_lower (data);
}

static void
test_natural_sort_and_scroll (void)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"pacte-portfolio\", \"version\": 1,\n"
                                          "  \"partners\": [], \"plans\": [\n"
                                          "    { \"id\": \"plan-long\", \"name\": \"Avant-vente commune \u2014 services "
                                          "manag\u00e9s DACH, Autriche, Suisse et Liechtenstein, phase deux\" },\n");
  PacteWindow *window = pacte_test_window_with_sample ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  GListModel *plans;
  GtkListView *view;
  GtkAdjustment *adjustment;
  const char *long_name = "Avant-vente commune — services managés DACH, Autriche, Suisse et Liechtenstein, phase deux";
  GtkLabel *label;
  const char *order[] = { "Meridian #1", "Meridian #2", "Meridian #9", "Meridian #10", "Meridian #19", "Meridian #50" };

  for (guint i = 50; i >= 1; i--)
    g_string_append_printf (json, "    { \"id\": \"plan-%u\", \"name\": \"Meridian #%u\" }%s\n", i, i, i > 1 ? "," : "");
  g_string_append (json, "  ] }\n");
  bytes = g_bytes_new (json->str, json->len);
  portfolio = pacte_portfolio_load_bytes (bytes, "meridian.pacte.json", pacte_rule_set_get_default (), &error);
  g_assert_no_error (error);
  pacte_window_set_portfolio (window, portfolio);
  pacte_test_flush_events ();

  plans = pacte_window_get_plan_list (window);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 51);
  {
    guint at = 0;

    for (guint i = 0; i < g_list_model_get_n_items (plans) && at < G_N_ELEMENTS (order); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (plans, i);
        g_autofree char *name = NULL;

        g_object_get (item, "name", &name, NULL);
        if (g_str_equal (name, order[at]))
          at++;
      }
    g_assert_cmpuint (at, ==, G_N_ELEMENTS (order));
  }
  {
    g_autoptr(GObject) first = g_list_model_get_item (plans, 1);
    g_autoptr(GObject) second = g_list_model_get_item (plans, 2);
    g_autofree char *a = NULL, *b = NULL;

    g_object_get (first, "name", &a, NULL);
    g_object_get (second, "name", &b, NULL);
    g_assert_cmpstr (a, ==, "Meridian #1");
    g_assert_cmpstr (b, ==, "Meridian #2");
  }

  /* Scrolled down, then a search: the list shows its first match. */
  /* The long name is cut off in the list, and shows whole in a tooltip. */
  label = label_with_text (GTK_WIDGET (window), long_name);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (label)));
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (label)));

  view = list_view_of (GTK_WIDGET (window), plans);
  g_assert_nonnull (view);
  g_assert_true (pacte_test_wait_for (view_list_whole, view, 10000));
  pacte_test_flush_events ();
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, 3 * gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, 2 * gtk_adjustment_get_page_size (adjustment));
  pacte_test_flush_events ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  pacte_window_set_search (window, "meridian 1");
  pacte_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 14);  /* the numbers with a 1 in them */
  /* The list scrolls when it is next laid out: give the frame clock up to
   * two seconds. */
  pacte_test_wait_for (adjustment_at_top, adjustment, 2000);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, gtk_adjustment_get_lower (adjustment));
  pacte_window_set_search (window, "#19 meridian");
  pacte_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 1);
  pacte_window_set_search (window, "");
  pacte_test_flush_events ();

  pacte_test_destroy_window (window);
}

/* Issue 5: a partner added through the chooser re-evaluates the
 * partner-based rules, as the rules panel shows. */
static void
test_chooser_adds_partner (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  PactePlan *plan = pacte_portfolio_find_plan (doc, "plan-ashford-banking");
  GtkWidget *editor;
  GtkWidget *partners_row;
  GtkWidget *button;
  GtkPopover *chooser;
  GtkWidget *search;
  GtkWidget *list;
  PacteRuleRow *row;
  g_autofree char *explanation = NULL;

  pacte_window_select_plan (window, plan);
  pacte_test_flush_events ();
  g_assert_false (g_strv_contains (pacte_record_get_strv (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS), "p-kuhne"));

  /* R16 reads every plan partner's segment and label: green for now. */
  row = panel_row (window, "R16");
  g_assert_cmpint (pacte_light_get_status (pacte_rule_row_get_light (row)), ==, PACTE_STATUS_GREEN);
  explanation = g_strdup (pacte_rule_row_get_explanation (row));

  /* The overview's Partners row: its button opens the chooser. */
  editor = pacte_window_get_plan_editor (window);
  partners_row = pacte_plan_editor_get_field_row (PACTE_PLAN_EDITOR (editor), "partners");
  g_assert_nonnull (partners_row);
  button = pacte_field_row_get_editor (PACTE_FIELD_ROW (partners_row));
  g_assert_true (GTK_IS_MENU_BUTTON (button));
  chooser = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (PACTE_IS_PARTNER_CHOOSER (chooser));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  pacte_test_flush_events ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chooser)));

  /* Type part of the name into its search entry, then click the one row. */
  search = pacte_test_find_descendant (GTK_WIDGET (chooser), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "datentech");
  g_signal_emit_by_name (search, "search-changed");
  pacte_test_flush_events ();
  g_assert_cmpuint (pacte_partner_chooser_get_n_shown (PACTE_PARTNER_CHOOSER (chooser)), ==, 1);
  list = pacte_test_find_descendant (GTK_WIDGET (chooser), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  g_assert_true (gtk_list_view_get_single_click_activate (GTK_LIST_VIEW (list)));
  g_signal_emit_by_name (list, "activate", 0);
  pacte_test_flush_events ();

  /* The plan has the partner, the chooser closed, and R16 says why it is red now. */
  g_assert_true (g_strv_contains (pacte_record_get_strv (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS), "p-kuhne"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chooser)));
  g_assert_cmpint (pacte_light_get_status (pacte_rule_row_get_light (row)), ==, PACTE_STATUS_RED);
  g_assert_cmpstr (pacte_rule_row_get_explanation (row), !=, explanation);
  g_assert_nonnull (strstr (pacte_rule_row_get_explanation (row), "Kühne Datentechnik GmbH"));
  g_assert_true (g_str_has_suffix (pacte_light_get_accessible_text (pacte_rule_row_get_light (row)), ": red"));

  /* Undo takes the partner away and the light back. */
  g_assert_true (pacte_portfolio_undo (doc));
  pacte_test_flush_events ();
  g_assert_false (g_strv_contains (pacte_record_get_strv (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS), "p-kuhne"));
  g_assert_cmpint (pacte_light_get_status (pacte_rule_row_get_light (row)), ==, PACTE_STATUS_GREEN);
  g_assert_cmpstr (pacte_rule_row_get_explanation (row), ==, explanation);

  pacte_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  pacte_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/empty-and-about", test_empty_window_and_about);
  g_test_add_func ("/window/sample-title-and-lists", test_sample_title_and_lists);
  g_test_add_func ("/window/search-no-results", test_search_no_results);
  g_test_add_func ("/window/sort-by-name-ignores-accents", test_sort_by_name_ignores_accents);
  g_test_add_func ("/window/search-every-word", test_search_every_word);
  g_test_add_func ("/window/natural-sort-and-scroll", test_natural_sort_and_scroll);
  g_test_add_func ("/window/light-follows-edit", test_light_follows_edit);
  g_test_add_func ("/window/switch-rule-off", test_switch_rule_off);
  g_test_add_func ("/window/tune-rule", test_tune_rule);
  g_test_add_func ("/window/chooser-adds-partner", test_chooser_adds_partner);
  g_test_add_func ("/window/close-asks", test_close_asks);
  g_test_add_func ("/window/save-round-trip", test_save_round_trip);
  g_test_add_func ("/window/save-failure-offers-save-as", test_save_failure_offers_save_as);
  g_test_add_func ("/window/save-as-through-chooser", test_save_as_through_chooser);
  g_test_add_func ("/window/load-error-keeps-document", test_load_error_keeps_document);

  return g_test_run ();
}
