/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-review.c: "Record Review…" in the window: the dialog, what it writes
 * into the plan's reviews, one undo step, and the remembered reviewer. */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "pacte-i18n.h"
#include "pacte-review-dialog.h"
#include "pacte-test-window-utils.h"
#include "pacte-window.h"

static PacteReviewDialog *
find_review_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PACTE_IS_REVIEW_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* As a click on a response does: the response, then the dialog goes. */
static void
respond (PacteReviewDialog *dialog,
         const char        *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  pacte_test_flush_events ();
}

static guint
n_reviews (PactePlan *plan)
{
  return g_list_model_get_n_items (pacte_record_get_list (PACTE_RECORD (plan), PACTE_PLAN_REVIEWS));
}

static void
test_record_review (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  PacteContext *ctx = pacte_window_get_context (window);
  PactePlan *plan = pacte_portfolio_find_plan (doc, "plan-ashford-banking");
  PactePartner *partner = pacte_portfolio_find_partner (doc, "p-ashford");
  PactePlanResults *results;
  PacteReviewDialog *dialog;
  g_autoptr(PacteRecord) review = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PactePortfolio) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *keys;
  guint before;
  char *saved;

  g_assert_nonnull (plan);
  before = n_reviews (plan);
  g_assert_cmpuint (before, ==, 1);

  /* With a partner shown there is no plan to review: the action is off. */
  pacte_window_select_partner (window, partner);
  pacte_test_flush_events ();
  g_assert_null (pacte_window_get_plan (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.record-review", NULL);
  pacte_test_flush_events ();
  g_assert_null (find_review_dialog ());

  pacte_window_select_plan (window, plan);
  pacte_test_flush_events ();
  g_assert_true (pacte_window_get_plan (window) == plan);

  /* Cancel records nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.record-review", NULL));
  pacte_test_flush_events ();
  dialog = find_review_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  respond (dialog, "cancel");
  g_assert_cmpuint (n_reviews (plan), ==, before);
  g_assert_false (pacte_portfolio_get_modified (doc));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.record-review", NULL));
  pacte_test_flush_events ();
  dialog = find_review_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (pacte_review_dialog_get_plan (dialog) == plan);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Record Review");
  /* The body names the plan, the date in words, and the last review. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "15 March 2027"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "Last review: 15 December 2026, by Bertrand Moreau-Laffitte."));
  /* Prefilled with the plan's owner (no settings remember anyone here). */
  g_assert_cmpstr (pacte_review_dialog_get_reviewer (dialog), ==,
                   pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_OWNER));

  pacte_review_dialog_set_reviewer (dialog, "  Claire Dubois-Nakamura ");
  pacte_review_dialog_set_notes (dialog, "Contrat « cadre » à signer avant juin.\nR09 : relancer.");
  respond (dialog, "record");

  /* One more review, at the end, with today's lights. */
  g_assert_cmpuint (n_reviews (plan), ==, before + 1);
  review = g_list_model_get_item (pacte_record_get_list (PACTE_RECORD (plan), PACTE_PLAN_REVIEWS), before);
  g_assert_cmpuint (pacte_record_get_date (review, PACTE_REVIEW_DATE), ==, pacte_date_parse (PACTE_TEST_SAMPLE_DAY));
  g_assert_cmpstr (pacte_record_get_string (review, PACTE_REVIEW_REVIEWER), ==, "Claire Dubois-Nakamura");
  g_assert_cmpstr (pacte_record_get_string (review, PACTE_REVIEW_NOTES), ==,
                   "Contrat « cadre » à signer avant juin.\nR09 : relancer.");
  keys = pacte_record_map_get_keys (review, PACTE_REVIEW_STATUSES);
  g_assert_cmpuint (g_strv_length ((char **) keys), ==, 16);
  results = pacte_context_get_results (ctx, plan);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (results)), ==, 16);
  for (guint i = 0; i < 16; i++)
    {
      PacteRuleResult *result = pacte_plan_results_get_result (results, i);

      g_assert_cmpstr (pacte_record_map_get_string (review, PACTE_REVIEW_STATUSES,
                                                    pacte_rule_result_get_rule_id (result)), ==,
                       pacte_status_to_string (pacte_rule_result_get_status (result)));
    }
  /* The sample's lights on that day (see pacte --check): R09 is red. */
  g_assert_cmpstr (pacte_record_map_get_string (review, PACTE_REVIEW_STATUSES, "R09"), ==, "red");

  /* The document is modified, and the review is one undo step. */
  g_assert_true (pacte_portfolio_get_modified (doc));
  g_assert_true (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (window)), "• – Pacte"));
  g_assert_cmpstr (pacte_portfolio_get_undo_label (doc), ==, "Record Review");

  /* It is written to the file. */
  bytes = pacte_portfolio_to_bytes (doc);
  saved = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (saved, "\"reviewer\": \"Claire Dubois-Nakamura\""));
  g_free (saved);
  reloaded = pacte_portfolio_load_bytes (bytes, "reloaded", pacte_rule_set_get_default (), &error);
  g_assert_no_error (error);
  g_assert_true (pacte_record_equal (PACTE_RECORD (reloaded), PACTE_RECORD (doc)));

  g_assert_true (pacte_portfolio_undo (doc));
  pacte_test_flush_events ();
  g_assert_cmpuint (n_reviews (plan), ==, before);
  g_assert_false (pacte_portfolio_get_modified (doc));
  g_assert_true (pacte_portfolio_redo (doc));
  g_assert_cmpuint (n_reviews (plan), ==, before + 1);

  /* A second review on the same day says so, and is added after the first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.record-review", NULL));
  pacte_test_flush_events ();
  dialog = find_review_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "already recorded today"));
  respond (dialog, "cancel");

  pacte_test_destroy_window (window);
}

/* The reviewer is remembered in the settings for the next review. */
static void
test_reviewer_remembered (void)
{
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (pacte_rule_set_get_default ());
  g_autoptr(GSettings) settings = g_settings_new ("io.github.pacte.Pacte");
  g_autoptr(PacteContext) ctx = NULL;
  PactePlan *first = pacte_portfolio_find_plan (portfolio, "plan-kuhne-managed");
  PactePlan *second = pacte_portfolio_find_plan (portfolio, "plan-lumiere-retail");
  GtkWidget *dialog;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  g_settings_reset (settings, "reviewer");
  ctx = pacte_context_new (portfolio, NULL, settings, pacte_date_parse (PACTE_TEST_SAMPLE_DAY));

  dialog = pacte_review_dialog_new (NULL, ctx, first);
  g_assert_cmpstr (pacte_review_dialog_get_reviewer (PACTE_REVIEW_DIALOG (dialog)), ==,
                   pacte_record_get_string (PACTE_RECORD (first), PACTE_PLAN_OWNER));
  pacte_review_dialog_set_reviewer (PACTE_REVIEW_DIALOG (dialog), "Jeanne Martin");
  g_assert_nonnull (pacte_review_dialog_record (PACTE_REVIEW_DIALOG (dialog), &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));

  stored = g_settings_get_string (settings, "reviewer");
  g_assert_cmpstr (stored, ==, "Jeanne Martin");

  /* Another plan, another owner: the last reviewer is offered. */
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (second), PACTE_PLAN_OWNER), !=, "Jeanne Martin");
  dialog = pacte_review_dialog_new (NULL, ctx, second);
  g_assert_cmpstr (pacte_review_dialog_get_reviewer (PACTE_REVIEW_DIALOG (dialog)), ==, "Jeanne Martin");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pacte_test_flush_events ();
}

/* A plan removed while its dialog is open: a clear error, nothing written. */
static void
test_plan_gone (void)
{
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (pacte_rule_set_get_default ());
  g_autoptr(PacteContext) ctx = pacte_context_new (portfolio, NULL, NULL, pacte_date_parse (PACTE_TEST_SAMPLE_DAY));
  g_autoptr(PactePlan) plan = g_object_ref (pacte_portfolio_find_plan (portfolio, "plan-meridian-draft"));
  GListModel *plans = pacte_portfolio_get_plans (portfolio);
  GtkWidget *dialog = pacte_review_dialog_new (NULL, ctx, plan);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(PactePlan) item = g_list_model_get_item (plans, i);

      if (item == plan)
        {
          pacte_record_list_remove (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_PLANS, i);
          break;
        }
    }
  g_assert_null (pacte_review_dialog_record (PACTE_REVIEW_DIALOG (dialog), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no longer in the portfolio"));
  g_assert_cmpuint (n_reviews (plan), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  pacte_test_flush_events ();
}

int
main (int    argc,
      char **argv)
{
  pacte_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/review/record", test_record_review);
  g_test_add_func ("/review/reviewer-remembered", test_reviewer_remembered);
  g_test_add_func ("/review/plan-gone", test_plan_gone);

  return g_test_run ();
}
