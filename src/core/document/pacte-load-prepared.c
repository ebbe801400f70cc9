/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pacte-analysis.h"
#include "pacte-load-prepared.h"

/* Below this many plans and partners, the worker does it all. */
#define MIN_RECORDS_FOR_A_THREAD 128

/* What the thread beside the worker does: the lists in name order (their
 * keys made; the partners may come sorted already), then the agenda's
 * overdue items.  It only reads the records (the keys are object data,
 * which GLib locks), and only it touches the two arrays until it is
 * joined. */
static gpointer
side_work (gpointer data)
{
  PacteLoadPrepared *prepared = data;

  prepared->plans_by_name = pacte_name_order_sorted (pacte_portfolio_get_plans (prepared->portfolio));
  if (prepared->partners_by_name == NULL)
    prepared->partners_by_name = pacte_name_order_sorted (pacte_portfolio_get_partners (prepared->portfolio));
  /* What the note and the overview's summary say when it opens (every
   * plan's dates: 15–30 ms of the main loop otherwise). */
  prepared->n_overdue = pacte_agenda_count_overdue_at (prepared->portfolio, prepared->today);
  return NULL;
}

PacteLoadPrepared *
pacte_load_prepared_new (PactePortfolio *portfolio,
                         PacteRuleSet   *rules,
                         guint32         today,
                         const char     *lang,
                         gboolean        make_summaries,
                         GPtrArray      *partners_by_name,
                         GCancellable   *cancellable)
{
  g_autoptr(PacteLoadPrepared) prepared = g_new0 (PacteLoadPrepared, 1);
  GListModel *plans = pacte_portfolio_get_plans (portfolio);
  guint n_plans = g_list_model_get_n_items (plans);
  GThread *thread = NULL;
  gboolean cancelled = FALSE;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (today != 0, NULL);

  prepared->portfolio = g_object_ref (portfolio);
  prepared->rules = g_object_ref (rules != NULL ? rules : pacte_rule_set_get_default ());
  prepared->today = today;
  prepared->lang = g_strdup (lang != NULL ? lang : "en");
  prepared->partners_by_name = partners_by_name;
  /* On 2,000 plans and 10,000 partners the two halves take about as long
   * (measured: checks and results 95 ms, names and dates 72 ms); a small
   * portfolio is not worth a thread. */
  if (n_plans + g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio)) >= MIN_RECORDS_FOR_A_THREAD)
    thread = g_thread_new ("pacte-load-side", side_work, prepared);
  /* What each plan's checks find, then every plan's results from that:
   * the window's first evaluation of a plan only renders. */
  if (make_summaries)
    pacte_rule_summaries_make (portfolio, prepared->rules, today, cancellable);
  prepared->evaluator = pacte_evaluator_new (portfolio, prepared->rules, today, prepared->lang);
  for (guint i = 0; i < n_plans && !cancelled; i++)
    {
      g_autoptr(PactePlan) plan = NULL;

      if (i % 64 == 0)
        cancelled = g_cancellable_is_cancelled (cancellable);
      /* The portfolio's list: the array is being ordered beside. */
      plan = g_list_model_get_item (plans, i);
      pacte_evaluator_get_results (prepared->evaluator, plan);
    }
  if (thread != NULL)
    g_thread_join (thread);
  else
    side_work (prepared);
  if (cancelled || g_cancellable_is_cancelled (cancellable))
    return NULL;
  return g_steal_pointer (&prepared);
}

void
pacte_load_prepared_free (PacteLoadPrepared *prepared)
{
  if (prepared == NULL)
    return;
  g_clear_object (&prepared->evaluator);
  g_clear_object (&prepared->portfolio);
  g_clear_object (&prepared->rules);
  g_clear_pointer (&prepared->plans_by_name, g_ptr_array_unref);
  g_clear_pointer (&prepared->partners_by_name, g_ptr_array_unref);
  g_free (prepared->lang);
  g_free (prepared);
}
