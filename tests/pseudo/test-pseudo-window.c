/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window in the test suite's pseudo language (LANGUAGE=en@pseudo, built
 * by make-pseudo.sh): the interface, the rule texts and the explanations a
 * user reads are all wrapped in ‹ ›, so none bypasses the language table
 * or gettext. */
#include "config.h"

#include <adwaita.h>

#include "pacte-i18n.h"
#include "pacte-rule-row.h"
#include "pacte-test-window-utils.h"
#include "pacte-window.h"

static gboolean
is_pseudo (const char *text)
{
  return g_str_has_prefix (text, "‹") && g_str_has_suffix (text, "›");
}

static gboolean
is_drawn_status_page (GtkWidget *widget,
                      gpointer   data)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_is_drawable (widget);
}

static void
test_window_in_pseudo (void)
{
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (NULL);
  PacteWindow *window = pacte_window_new (NULL);
  GtkWidget *page;

  g_assert_cmpstr (pacte_i18n_user_language (), ==, "en@pseudo");
  gtk_window_present (GTK_WINDOW (window));
  pacte_test_flush_events ();
  page = pacte_test_find_widget (GTK_WIDGET (window), is_drawn_status_page, NULL);
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "‹No Portfolio Open›");

  pacte_window_set_today (window, pacte_date_parse (PACTE_TEST_SAMPLE_DAY));
  pacte_window_set_portfolio (window, portfolio);
  pacte_window_select_plan (window, pacte_portfolio_find_plan (portfolio, "plan-brightwater-connector"));
  pacte_test_flush_events ();

  /* Every rule's title and explanation, from the pseudo rule texts. */
  for (guint i = 1; i <= 16; i++)
    {
      g_autofree char *id = g_strdup_printf ("R%02u", i);
      GtkWidget *row = pacte_rules_panel_get_row (pacte_window_get_rules_panel (window), id);
      PacteRuleResult *result;

      g_assert_nonnull (row);
      result = pacte_rule_row_get_result (PACTE_RULE_ROW (row));
      g_test_message ("%s: %s — %s", id, pacte_rule_result_get_title (result),
                      pacte_rule_row_get_explanation (PACTE_RULE_ROW (row)));
      g_assert_true (is_pseudo (pacte_rule_result_get_title (result)));
      g_assert_true (is_pseudo (pacte_rule_row_get_explanation (PACTE_RULE_ROW (row))));
    }

  pacte_portfolio_set_unmodified (portfolio);
  gtk_window_destroy (GTK_WINDOW (window));
  pacte_test_flush_events ();
}

int
main (int    argc,
      char **argv)
{
  pacte_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/pseudo/window", test_window_in_pseudo);

  return g_test_run ();
}
