/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Settings in the window: tuning a rule refuses contradictory values
 * inline; Portfolio Properties and the portfolio's Golden Rules settings,
 * one undo step each; Export PDF asks for the language and the scope.  Run
 * in English (settings) and in French (settings-french). */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pacte-i18n.h"
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

int
main (int   argc,
      char *argv[])
{
  pacte_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/settings/tune-refuses-contradiction", test_tune_refuses_contradiction);
  return g_test_run ();
}
