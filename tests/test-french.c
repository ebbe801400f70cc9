/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window in French: this program runs with LANGUAGE=fr (its own entry in
 * tests/meson.build) and checks what a French user reads. */
#include "config.h"

#include <adwaita.h>

#include "pacte-drafts-dialog.h"
#include "pacte-field-row.h"
#include "pacte-i18n.h"
#include "pacte-plan-editor.h"
#include "pacte-rule-row.h"
#include "pacte-test-window-utils.h"
#include "pacte-window.h"

static gboolean
is_drawn_status_page (GtkWidget *widget,
                      gpointer   data)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_is_drawable (widget);
}

static void
test_empty_state_in_french (void)
{
  PacteWindow *window = pacte_window_new (NULL);
  GtkWidget *page;

  g_assert_cmpstr (pacte_i18n_user_language (), ==, "fr");
  gtk_window_present (GTK_WINDOW (window));
  pacte_test_flush_events ();

  page = pacte_test_find_widget (GTK_WIDGET (window), is_drawn_status_page, NULL);
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "Aucun portefeuille ouvert");

  gtk_window_destroy (GTK_WINDOW (window));
  pacte_test_flush_events ();
}

/* Dates as French writes them: 15/11/2026, 15 nov. 2026; an impossible one
 * says why in French; the file keeps ISO. */
static void
test_dates_in_french (void)
{
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (NULL);
  g_autoptr(PacteContext) context = pacte_context_new (portfolio, NULL, NULL, pacte_date_parse (PACTE_TEST_SAMPLE_DAY));
  g_autoptr(PactePlan) plan = g_list_model_get_item (pacte_portfolio_get_plans (portfolio), 0);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *editor = pacte_plan_editor_new (context);
  PacteFieldRow *row;
  GtkEditable *entry;
  guint32 before;

  gtk_window_set_child (GTK_WINDOW (window), editor);
  pacte_plan_editor_set_plan (PACTE_PLAN_EDITOR (editor), plan);
  gtk_window_present (GTK_WINDOW (window));
  pacte_test_flush_events ();
  row = PACTE_FIELD_ROW (pacte_plan_editor_get_field_row (PACTE_PLAN_EDITOR (editor), "period-end"));
  entry = GTK_EDITABLE (pacte_field_row_get_editor (row));

  gtk_editable_set_text (entry, "15/11/2026");
  g_assert_null (pacte_field_row_get_error (row));
  g_assert_cmpuint (pacte_record_get_date (PACTE_RECORD (plan), PACTE_PLAN_PERIOD_END), ==, pacte_date_parse ("2026-11-15"));

  gtk_editable_set_text (entry, "1er déc. 2026");
  g_signal_emit_by_name (entry, "activate");
  pacte_test_flush_events ();
  g_assert_cmpuint (pacte_record_get_date (PACTE_RECORD (plan), PACTE_PLAN_PERIOD_END), ==, pacte_date_parse ("2026-12-01"));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "01/12/2026");

  before = pacte_record_get_date (PACTE_RECORD (plan), PACTE_PLAN_PERIOD_END);
  gtk_editable_set_text (entry, "29.02.2027");
  g_assert_cmpstr (pacte_field_row_get_error (row), ==, "février 2027 n’a que 28 jours");
  g_assert_cmpuint (pacte_record_get_date (PACTE_RECORD (plan), PACTE_PLAN_PERIOD_END), ==, before);

  pacte_portfolio_set_unmodified (portfolio);
  gtk_window_destroy (GTK_WINDOW (window));
  pacte_test_flush_events ();
}

static void
test_lights_in_french (void)
{
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (NULL);
  PacteWindow *window;
  GtkWidget *row;
  const char *name;

  window = pacte_window_new (NULL);
  pacte_window_set_today (window, pacte_date_parse (PACTE_TEST_SAMPLE_DAY));
  pacte_window_set_portfolio (window, portfolio);
  gtk_window_present (GTK_WINDOW (window));
  pacte_window_select_plan (window, pacte_portfolio_find_plan (portfolio, "plan-brightwater-connector"));
  pacte_test_flush_events ();

  /* R15 is red for this plan at that date: in French, « rouge ». */
  row = pacte_rules_panel_get_row (pacte_window_get_rules_panel (window), "R15");
  g_assert_nonnull (row);
  name = pacte_light_get_accessible_text (pacte_rule_row_get_light (PACTE_RULE_ROW (row)));
  g_assert_true (g_str_has_prefix (name, "R15 "));
  g_assert_true (g_str_has_suffix (name, "\u00a0: rouge"));

  pacte_portfolio_set_unmodified (portfolio);
  gtk_window_destroy (GTK_WINDOW (window));
  pacte_test_flush_events ();
}

static gboolean
is_field_row_shown (GtkWidget *widget,
                    gpointer   key)
{
  return PACTE_IS_FIELD_ROW (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (pacte_field_row_get_key (PACTE_FIELD_ROW (widget)), key) == 0;
}

/* The two cross-business amounts start at one line: their French titles
 * (« Achats du partenaire chez nous », « Nos achats chez le partenaire »)
 * wrap to different widths, and the rows of a group share their titles'
 * width. */
static void
test_cross_business_aligned_in_french (void)
{
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (NULL);
  PacteWindow *window;
  GtkWidget *buys, *sells;
  graphene_rect_t a, b;

  window = pacte_window_new (NULL);
  pacte_window_set_today (window, pacte_date_parse (PACTE_TEST_SAMPLE_DAY));
  pacte_window_set_portfolio (window, portfolio);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  pacte_window_select_partner (window, pacte_portfolio_find_partner (portfolio, "p-zephyr"));
  pacte_test_flush_events ();

  buys = pacte_test_find_widget (GTK_WIDGET (window), is_field_row_shown, (gpointer) "cross-business-partner-buys-from-us");
  sells = pacte_test_find_widget (GTK_WIDGET (window), is_field_row_shown, (gpointer) "cross-business-we-buy-from-partner");
  g_assert_nonnull (buys);
  g_assert_nonnull (sells);
  g_assert_true (gtk_widget_compute_bounds (pacte_field_row_get_editor (PACTE_FIELD_ROW (buys)), GTK_WIDGET (window), &a));
  g_assert_true (gtk_widget_compute_bounds (pacte_field_row_get_editor (PACTE_FIELD_ROW (sells)), GTK_WIDGET (window), &b));
  g_test_message ("entries start at %.0f and %.0f", a.origin.x, b.origin.x);
  g_assert_cmpfloat (a.size.width, >, 0);
  g_assert_cmpfloat (a.origin.x, ==, b.origin.x);

  pacte_portfolio_set_unmodified (portfolio);
  gtk_window_destroy (GTK_WINDOW (window));
  pacte_test_flush_events ();
}

/* The drafts dialog's times as French writes them: « 16 h 33 », « du 1er mars »,
 * month names in French whatever the process locale. */
static void
test_draft_times_in_french (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2027, 3, 15, 18, 0, 0);
  g_autoptr(GDateTime) today = g_date_time_new (utc, 2027, 3, 15, 16, 33, 0);
  g_autoptr(GDateTime) yesterday = g_date_time_new (utc, 2027, 3, 14, 9, 2, 0);
  g_autoptr(GDateTime) first = g_date_time_new (utc, 2027, 3, 1, 8, 15, 0);
  g_autoptr(GDateTime) last_year = g_date_time_new (utc, 2026, 12, 31, 9, 2, 0);
  g_autofree char *a = pacte_drafts_format_draft_time (today, now);
  g_autofree char *b = pacte_drafts_format_draft_time (yesterday, now);
  g_autofree char *c = pacte_drafts_format_draft_time (first, now);
  g_autofree char *d = pacte_drafts_format_draft_time (last_year, now);

  g_assert_cmpstr (a, ==, "Brouillon d’aujourd’hui à 16\u00a0h\u00a033");
  g_assert_cmpstr (b, ==, "Brouillon d’hier à 9\u00a0h\u00a002");
  g_assert_cmpstr (c, ==, "Brouillon du 1er mars à 8\u00a0h\u00a015");
  g_assert_cmpstr (d, ==, "Brouillon du 31 décembre 2026 à 9\u00a0h\u00a002");
}

int
main (int    argc,
      char **argv)
{
  pacte_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/french/empty-state", test_empty_state_in_french);
  g_test_add_func ("/french/lights", test_lights_in_french);
  g_test_add_func ("/french/dates", test_dates_in_french);
  g_test_add_func ("/french/draft-times", test_draft_times_in_french);
  g_test_add_func ("/french/cross-business-aligned", test_cross_business_aligned_in_french);

  return g_test_run ();
}
