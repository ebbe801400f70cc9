/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pacte-analysis.h"
#include "pacte-load-prepared.h"

static GPtrArray *
records_of (GListModel *list)
{
  guint n = g_list_model_get_n_items (list);
  GPtrArray *records = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (records, g_list_model_get_item (list, i));
  return records;
}

PacteLoadPrepared *
pacte_load_prepared_new (PactePortfolio *portfolio,
                         PacteRuleSet   *rules,
                         guint32         today,
                         const char     *lang,
                         GCancellable   *cancellable)
{
  g_autoptr(PacteLoadPrepared) prepared = g_new0 (PacteLoadPrepared, 1);
  GListModel *plans = pacte_portfolio_get_plans (portfolio);
  guint n_plans = g_list_model_get_n_items (plans);
  PacteNameKeysJob *keys;
  gboolean cancelled = FALSE;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (today != 0, NULL);

  prepared->portfolio = g_object_ref (portfolio);
  prepared->rules = g_object_ref (rules != NULL ? rules : pacte_rule_set_get_default ());
  prepared->today = today;
  prepared->lang = g_strdup (lang != NULL ? lang : "en");
  prepared->evaluator = pacte_evaluator_new (portfolio, prepared->rules, today, prepared->lang);
  prepared->plans_by_name = records_of (plans);
  prepared->partners_by_name = records_of (pacte_portfolio_get_partners (portfolio));
  /* The names' sort keys in a second thread while this one evaluates. */
  keys = pacte_name_order_keys_start (prepared->plans_by_name, prepared->partners_by_name);
  for (guint i = 0; i < n_plans && !cancelled; i++)
    {
      if (i % 64 == 0)
        cancelled = g_cancellable_is_cancelled (cancellable);
      pacte_evaluator_get_results (prepared->evaluator, g_ptr_array_index (prepared->plans_by_name, i));
    }
  /* What the note and the overview's summary say when it opens (every
   * plan's dates: 15–30 ms of the main loop otherwise). */
  if (!cancelled)
    prepared->n_overdue = pacte_agenda_count_overdue_at (portfolio, today);
  pacte_name_order_keys_finish (keys);
  if (cancelled || g_cancellable_is_cancelled (cancellable))
    return NULL;
  pacte_name_order_sort (prepared->plans_by_name);
  pacte_name_order_sort (prepared->partners_by_name);
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
