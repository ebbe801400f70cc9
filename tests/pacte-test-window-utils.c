/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-test-window-utils.c: helpers shared by the window tests. */
#include "config.h"

#include "pacte-test-window-utils.h"

void
pacte_test_flush_events (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

PacteWindow *
pacte_test_window_with_sample (void)
{
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (pacte_rule_set_get_default ());
  PacteWindow *window = pacte_window_new (NULL);

  pacte_window_set_today (window, pacte_date_parse (PACTE_TEST_SAMPLE_DAY));
  pacte_window_set_portfolio (window, portfolio);
  gtk_window_present (GTK_WINDOW (window));
  pacte_test_flush_events ();
  return window;
}

void
pacte_test_destroy_window (PacteWindow *window)
{
  PactePortfolio *doc = pacte_window_get_portfolio (window);

  /* Forget changes so that destroying asks nothing. */
  if (doc != NULL)
    pacte_portfolio_set_unmodified (doc);
  gtk_window_destroy (GTK_WINDOW (window));
  pacte_test_flush_events ();
}
