/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Settings in the window: tuning a rule refuses contradictory values
 * inline; Portfolio Properties and the portfolio's Golden Rules settings,
 * one undo step each; Export PDF asks for the language and the scope.  Run
 * in English (settings) and in French (settings-french). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pacte-export-dialog.h"
#include "pacte-i18n.h"
#include "pacte-print-operation.h"
#include "pacte-report-preview.h"
#include "pacte-window-export.h"
#include "pacte-portfolio-dialog.h"
#include "pacte-rule-row.h"
#include "pacte-rules-panel.h"
#include "pacte-test-window-utils.h"
#include "pacte-tune-dialog.h"
#include "pacte-window.h"

static gboolean
french (void)
{
  return g_strcmp0 (pacte_i18n_user_language (), "fr") == 0;
}

static void
close_dialog (GtkWidget  *dialog,
              const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  pacte_test_flush_events ();
}

/* Tune: amber after 200 days with red after 90 is said under the values,
 * Apply is disabled, and answering Apply anyway changes nothing. */
static void
test_tune_refuses_contradiction (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  PactePlan *plan = pacte_portfolio_find_plan (doc, "plan-kuhne-managed");
  PacteRulesPanel *panel;
  GtkWidget *dialog;
  const char *error;
  g_autoptr(GError) apply_error = NULL;

  pacte_window_select_plan (window, plan);
  pacte_test_flush_events ();
  panel = pacte_window_get_rules_panel (window);

  dialog = pacte_rules_panel_present_tune (panel, "R09");
  g_assert_true (PACTE_IS_TUNE_DIALOG (dialog));
  g_assert_null (pacte_tune_dialog_get_error (PACTE_TUNE_DIALOG (dialog)));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));

  pacte_tune_dialog_set_value (PACTE_TUNE_DIALOG (dialog), "amber_days", 200);
  error = pacte_tune_dialog_get_error (PACTE_TUNE_DIALOG (dialog));
  g_assert_nonnull (error);
  if (french ())
    g_assert_cmpstr (error, ==, "«\u00a0Jours sans activité avant l’orange\u00a0» (200) doit être au plus "
                                "«\u00a0Jours sans activité avant le rouge\u00a0» (90).");
  else
    g_assert_cmpstr (error, ==, "“Days without activity before amber” (200) must be at most "
                                "“Days without activity before red” (90).");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  g_assert_false (pacte_tune_dialog_apply (PACTE_TUNE_DIALOG (dialog), &apply_error));
  g_assert_error (apply_error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
  close_dialog (dialog, "apply");
  /* Nothing applied: the plan keeps its own 45 days, no undo step. */
  g_assert_cmpfloat (pacte_record_map_get_number (PACTE_RECORD (pacte_plan_find_override (plan, "R09")),
                                                  PACTE_OVERRIDE_PARAMS, "amber_days"), ==, 45);
  g_assert_false (pacte_portfolio_can_undo (doc));

  /* Red moved past amber: accepted, one undo step named after the rule. */
  dialog = pacte_rules_panel_present_tune (panel, "R09");
  pacte_tune_dialog_set_value (PACTE_TUNE_DIALOG (dialog), "amber_days", 200);
  pacte_tune_dialog_set_value (PACTE_TUNE_DIALOG (dialog), "red_days", 250);
  g_assert_null (pacte_tune_dialog_get_error (PACTE_TUNE_DIALOG (dialog)));
  close_dialog (dialog, "apply");
  g_assert_cmpfloat (pacte_effective_param (pacte_rule_set_get_default (), doc, plan,
                                            pacte_rule_set_find (pacte_rule_set_get_default (), "R09"),
                                            "red_days"), ==, 250);
  g_assert_cmpstr (pacte_portfolio_get_undo_label (doc), ==, french () ? "Ajuster R09" : "Tune R09");
  g_assert_true (pacte_rule_row_get_tuned (PACTE_RULE_ROW (pacte_rules_panel_get_row (panel, "R09"))));
  pacte_portfolio_undo (doc);
  g_assert_cmpfloat (pacte_effective_param (pacte_rule_set_get_default (), doc, plan,
                                            pacte_rule_set_find (pacte_rule_set_get_default (), "R09"),
                                            "red_days"), ==, 90);

  pacte_test_destroy_window (window);
}

static PactePortfolioDialog *
find_settings_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PACTE_IS_PORTFOLIO_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Portfolio Properties from the main menu: each applied change is one undo
 * step, the dialog follows undo, and a currency that is not a code is
 * refused under its row. */
static void
test_portfolio_properties (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  PactePortfolioDialog *dialog;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.portfolio-properties", NULL));
  pacte_test_flush_events ();
  dialog = find_settings_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (pacte_portfolio_dialog_get_page (dialog), ==, "properties");

  g_assert_true (pacte_portfolio_dialog_apply (dialog, "title", "  Alliances EMEA 2028 ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (doc), PACTE_PORTFOLIO_META_TITLE), ==, "Alliances EMEA 2028");
  g_assert_cmpstr (pacte_portfolio_get_undo_label (doc), ==, french () ? "la modification «\u00a0Titre\u00a0»" : "Change Title");
  g_assert_true (pacte_portfolio_dialog_apply (dialog, "owner", "Nordlicht GmbH", &error));

  g_assert_false (pacte_portfolio_dialog_apply (dialog, "currency", "Euro", &error));
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (pacte_portfolio_get_currency (doc), ==, "EUR");
  g_assert_true (pacte_portfolio_dialog_apply (dialog, "currency", "usd", &error));
  g_assert_cmpstr (pacte_portfolio_get_currency (doc), ==, "USD");

  pacte_portfolio_dialog_set_language (dialog, "en");
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (doc), PACTE_PORTFOLIO_META_LANGUAGE), ==, "en");

  /* Four changes, four undo steps, back to the file's values. */
  for (int i = 0; i < 4; i++)
    g_assert_true (pacte_portfolio_undo (doc));
  g_assert_false (pacte_portfolio_get_modified (doc));
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (doc), PACTE_PORTFOLIO_META_TITLE), ==, "Alliances EMEA 2027");
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (doc), PACTE_PORTFOLIO_META_LANGUAGE), ==, "fr");

  gtk_window_destroy (GTK_WINDOW (dialog));
  pacte_test_destroy_window (window);
}

/* The Golden Rules for all plans: a plan's own setting is named under the
 * rule; tuning for all plans is refused when a plan that tunes the rule
 * itself would contradict itself; switching off asks a reason; one undo
 * step each. */
static void
test_portfolio_rules (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  PactePlan *plan = pacte_portfolio_find_plan (doc, "plan-brightwater-connector");
  PactePortfolioDialog *dialog;
  GtkWidget *tune, *ask, *entry;
  const char *subtitle;
  guint r09 = (guint) pacte_rule_set_find (pacte_rule_set_get_default (), "R09");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.portfolio-rules", NULL));
  pacte_test_flush_events ();
  dialog = find_settings_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (pacte_portfolio_dialog_get_page (dialog), ==, "rules");

  /* Kühne tunes R09 itself (amber after 45 days). */
  subtitle = adw_action_row_get_subtitle (pacte_portfolio_dialog_get_rule_row (dialog, "R09"));
  g_assert_nonnull (strstr (subtitle, "Kühne Datentechnik"));
  g_assert_nonnull (strstr (subtitle, french () ? "1 plan" : "1 plan"));

  tune = pacte_portfolio_dialog_present_tune (dialog, "R09");
  g_assert_true (PACTE_IS_TUNE_DIALOG (tune));
  pacte_tune_dialog_set_value (PACTE_TUNE_DIALOG (tune), "red_days", 40);
  g_assert_nonnull (pacte_tune_dialog_get_error (PACTE_TUNE_DIALOG (tune)));
  g_assert_nonnull (strstr (pacte_tune_dialog_get_error (PACTE_TUNE_DIALOG (tune)), "Kühne Datentechnik"));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (tune), "apply"));
  pacte_tune_dialog_set_value (PACTE_TUNE_DIALOG (tune), "red_days", 120);
  g_assert_null (pacte_tune_dialog_get_error (PACTE_TUNE_DIALOG (tune)));
  close_dialog (tune, "apply");
  g_assert_cmpfloat (pacte_effective_param (pacte_rule_set_get_default (), doc, plan, r09, "red_days"), ==, 120);
  g_assert_cmpstr (pacte_portfolio_get_undo_label (doc), ==,
                   french () ? "Ajuster R09 pour tous les plans" : "Tune R09 for All Plans");
  subtitle = adw_action_row_get_subtitle (pacte_portfolio_dialog_get_rule_row (dialog, "R09"));
  g_assert_nonnull (strstr (subtitle, french () ? "Jours sans activité avant le rouge\u00a0: 120"
                                                : "Days without activity before red: 120"));

  /* Switch R13 off for every plan, with a reason. */
  ask = pacte_portfolio_dialog_ask_switch_off (dialog, "R13");
  entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (ask));
  gtk_editable_set_text (GTK_EDITABLE (entry), "No joint offers this year");
  close_dialog (ask, "switch-off");
  pacte_test_flush_events ();
  g_assert_cmpint (pacte_rule_result_get_status (pacte_plan_results_get_result (
                     pacte_context_get_results (pacte_window_get_context (window), plan),
                     (guint) pacte_rule_set_find (pacte_rule_set_get_default (), "R13"))), ==, PACTE_STATUS_OFF);
  subtitle = adw_action_row_get_subtitle (pacte_portfolio_dialog_get_rule_row (dialog, "R13"));
  g_assert_nonnull (strstr (subtitle, "No joint offers this year"));

  /* One undo step each. */
  g_assert_true (pacte_portfolio_undo (doc));
  g_assert_null (pacte_portfolio_find_setting (doc, "R13"));
  g_assert_true (pacte_portfolio_undo (doc));
  g_assert_cmpfloat (pacte_effective_param (pacte_rule_set_get_default (), doc, plan, r09, "red_days"), ==, 90);
  g_assert_false (pacte_portfolio_get_modified (doc));

  gtk_window_destroy (GTK_WINDOW (dialog));
  pacte_test_destroy_window (window);
}

static PacteExportDialog *
find_export_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PACTE_IS_EXPORT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
export_done (gpointer data)
{
  return !pacte_window_export_is_running (data);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", path, "-", NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  return g_steal_pointer (&out);
}

/* Export PDF asks for the language and the scope first (an English user
 * of a French portfolio gets an English report when asking for one), then
 * writes the pages with progress. */
static void
test_export_asks_language_and_scope (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  g_autofree char *folder = g_dir_make_tmp ("pacte-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "review.pdf", NULL);
  g_autofree char *text = NULL;
  PacteExportDialog *dialog;

  pacte_window_select_plan (window, pacte_portfolio_find_plan (doc, "plan-kuhne-managed"));
  pacte_test_flush_events ();
  pacte_window_set_export_path_for_tests (window, path);

  /* The whole portfolio, in English. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  pacte_test_flush_events ();
  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  /* The portfolio's report language, and the plan shown, come first. */
  g_assert_cmpstr (pacte_export_dialog_get_language (dialog), ==, "fr");
  g_assert_false (pacte_export_dialog_get_whole_portfolio (dialog));
  pacte_export_dialog_set_language (dialog, "en");
  pacte_export_dialog_set_whole_portfolio (dialog, TRUE);
  close_dialog (GTK_WIDGET (dialog), "choose");
  g_assert_true (pacte_test_wait_for (export_done, window, 60000));
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Portfolio review"));
  g_assert_nonnull (strstr (text, "Meridian Cloud"));
  g_assert_nonnull (strstr (text, "Kühne Datentechnik"));
  g_clear_pointer (&text, g_free);

  /* This plan, in French. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  pacte_test_flush_events ();
  dialog = find_export_dialog ();
  pacte_export_dialog_set_language (dialog, "fr");
  pacte_export_dialog_set_whole_portfolio (dialog, FALSE);
  close_dialog (GTK_WIDGET (dialog), "choose");
  g_assert_true (pacte_test_wait_for (export_done, window, 60000));
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Revue de plan de partenariat"));
  g_assert_nonnull (strstr (text, "Kühne Datentechnik"));
  g_assert_null (strstr (text, "Meridian Cloud"));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  pacte_test_destroy_window (window);
}

/* Cancel in the progress dialog: no file, no temporary file left. */
static void
test_export_cancel (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  g_autofree char *folder = g_dir_make_tmp ("pacte-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "portfolio.pdf", NULL);
  GtkWidget *progress;

  progress = pacte_window_export_pdf_to (window, path, "en", TRUE);
  g_assert_nonnull (progress);
  g_assert_true (pacte_window_export_is_running (window));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (progress), "cancel");
  g_assert_true (pacte_test_wait_for (export_done, window, 10000));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* The folder is empty again: g_rmdir fails on a leftover. */
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  pacte_test_destroy_window (window);
}

/* Print preview draws the report's pages in a window of Pacte's own. */
static void
test_print_preview (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  g_autoptr(PactePrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  PacteReportPreview *preview;

  operation = pacte_print_operation_new (doc, pacte_rule_set_get_default (), NULL,
                                         pacte_date_parse (PACTE_TEST_SAMPLE_DAY));
  g_assert_true (pacte_print_operation_preview_now (operation, GTK_WINDOW (window), &error));
  g_assert_no_error (error);
  preview = PACTE_REPORT_PREVIEW (pacte_print_operation_get_preview_window (operation));
  g_assert_nonnull (preview);
  pacte_test_flush_events ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (preview)));
  g_assert_cmpuint (pacte_report_preview_get_n_pages (preview), >, 1);
  pacte_report_preview_set_page (preview, 1);
  pacte_test_flush_events ();
  g_assert_cmpuint (pacte_report_preview_get_page (preview), ==, 1);
  gtk_window_destroy (GTK_WINDOW (preview));
  pacte_test_destroy_window (window);
}

/* Counts of lights agree with their number everywhere they are said
 * (« 11 verts, 5 orange »); greens that rest on nothing say so. */
static void
test_wording (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  g_autofree char *green = pacte_rules_panel_count_text (PACTE_STATUS_GREEN, 11);
  g_autofree char *amber = pacte_rules_panel_count_text (PACTE_STATUS_AMBER, 5);
  g_autofree char *one = pacte_rules_panel_count_text (PACTE_STATUS_GREEN, 1);
  g_autofree char *off = pacte_rules_panel_count_text (PACTE_STATUS_OFF, 2);

  g_assert_cmpstr (green, ==, french () ? "11 verts" : "11 green");
  g_assert_cmpstr (amber, ==, french () ? "5 orange" : "5 amber");
  g_assert_cmpstr (one, ==, french () ? "1 vert" : "1 green");
  g_assert_cmpstr (off, ==, french () ? "2 désactivées" : "2 off");

  /* A new, empty plan: R03 is green, and says there is nothing to judge. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-plan", NULL));
  pacte_test_flush_events ();
  {
    PacteRulesPanel *panel = pacte_window_get_rules_panel (window);
    PacteRuleRow *row = PACTE_RULE_ROW (pacte_rules_panel_get_row (panel, "R03"));

    g_assert_cmpint (pacte_rule_result_get_status (pacte_rule_row_get_result (row)), ==, PACTE_STATUS_GREEN);
    g_assert_cmpstr (pacte_rule_row_get_explanation (row), ==,
                     french () ? "Rien à juger pour l’instant\u00a0: ni sponsor ni décision de direction ne sont enregistrés."
                               : "Nothing to judge yet: no sponsor and no executive decision are recorded.");
  }
  pacte_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  pacte_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/settings/tune-refuses-contradiction", test_tune_refuses_contradiction);
  g_test_add_func ("/settings/portfolio-properties", test_portfolio_properties);
  g_test_add_func ("/settings/portfolio-rules", test_portfolio_rules);
  g_test_add_func ("/settings/export-asks-language-and-scope", test_export_asks_language_and_scope);
  g_test_add_func ("/settings/export-cancel", test_export_cancel);
  g_test_add_func ("/settings/print-preview", test_print_preview);
  g_test_add_func ("/settings/wording", test_wording);
  return g_test_run ();
}
