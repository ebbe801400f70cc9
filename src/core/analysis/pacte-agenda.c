/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-agenda.c: what is due across a portfolio on a given day — open
 * actions overdue or coming, decisions waiting past their date, governance
 * bodies that missed their next meeting, plans due a review, coming events. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-analysis.h"
#include "pacte-i18n.h"

static const char * const kind_names[] = { "action", "decision", "meeting", "review", "event" };
static const char * const kind_words[] = {
  N_("Action"), N_("Decision"), N_("Meeting overdue"), N_("Review due"), N_("Event"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == PACTE_AGENDA_N_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (kind_words) == PACTE_AGENDA_N_KINDS);

const char *
pacte_agenda_kind_to_string (PacteAgendaKind kind)
{
  g_return_val_if_fail ((guint) kind < PACTE_AGENDA_N_KINDS, NULL);
  return kind_names[kind];
}

const char *
pacte_agenda_kind_display_name (PacteAgendaKind  kind,
                                const char      *lang)
{
  g_return_val_if_fail ((guint) kind < PACTE_AGENDA_N_KINDS, NULL);
  return pacte_gettext_lang (lang != NULL ? lang : "en", kind_words[kind]);
}

void
pacte_agenda_item_free (PacteAgendaItem *item)
{
  if (item == NULL)
    return;
  g_clear_object (&item->plan);
  g_clear_object (&item->record);
  g_free (item->key);
  g_free (item->title);
  g_free (item->owner);
  g_free (item);
}

guint
pacte_agenda_count_overdue (GPtrArray *items)
{
  guint n = 0;

  g_return_val_if_fail (items != NULL, 0);
  for (guint i = 0; i < items->len; i++)
    if (((PacteAgendaItem *) g_ptr_array_index (items, i))->overdue)
      n++;
  return n;
}

/* Where collect_plan() puts what it finds: the items, or only a count of
 * the overdue ones (items NULL: nothing allocated). */
typedef struct {
  GPtrArray *items;
  guint      n_overdue;
} Collector;

static void
add_item (Collector       *collector,
          PacteAgendaKind  kind,
          guint32          date,
          guint32          today,
          PactePlan       *plan,
          PacteRecord     *record,
          const char      *key,
          const char      *title,
          const char      *owner)
{
  PacteAgendaItem *item;

  if (date < today)
    collector->n_overdue++;
  if (collector->items == NULL)
    return;
  item = g_new0 (PacteAgendaItem, 1);
  item->kind = kind;
  item->date = date;
  item->overdue = date < today;
  item->plan = g_object_ref (plan);
  item->record = g_object_ref (record);
  item->key = g_strdup (key);
  item->title = g_strdup (title);
  item->owner = g_strdup (owner != NULL ? owner : "");
  g_ptr_array_add (collector->items, item);
}

static gboolean
action_is_open (PacteRecord *action)
{
  const char *status = pacte_record_get_string (action, PACTE_ACTION_STATUS);

  return strcmp (status, "done") != 0 && strcmp (status, "cancelled") != 0;
}

/* The day a quarter (three calendar months) after julian; the 31st of a
 * shorter month clamps to its last day, as GDate does. */
static guint32
add_quarter (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_add_months (&date, 3);
  return g_date_get_julian (&date);
}

guint32
pacte_body_next_meeting (PacteRecord *body)
{
  guint32 last_met;
  double cadence;

  g_return_val_if_fail (PACTE_IS_BODY (body), 0);
  last_met = pacte_record_get_date (body, PACTE_BODY_LAST_MET);
  cadence = pacte_record_get_number (body, PACTE_BODY_CADENCE_DAYS);
  /* A cadence beyond a century is no meeting to wait for. */
  if (last_met == 0 || isnan (cadence) || cadence <= 0 || cadence > 36600)
    return 0;
  return last_met + (guint32) cadence;
}

guint32
pacte_plan_last_review (PactePlan *plan)
{
  PacteRecord * const *list;
  guint n;
  guint32 last_review = 0;

  g_return_val_if_fail (PACTE_IS_PLAN (plan), 0);
  list = pacte_record_get_items (PACTE_RECORD (plan), PACTE_PLAN_REVIEWS, &n);
  for (guint i = 0; i < n; i++)
    last_review = MAX (last_review, pacte_record_get_date (list[i], PACTE_REVIEW_DATE));
  /* Never reviewed: the quarter runs from the plan's start. */
  if (last_review == 0)
    last_review = pacte_record_get_date (PACTE_RECORD (plan), PACTE_PLAN_PERIOD_START);
  return last_review;
}

guint32
pacte_plan_review_due (PactePlan *plan)
{
  guint32 last_review;

  g_return_val_if_fail (PACTE_IS_PLAN (plan), 0);
  last_review = pacte_plan_last_review (plan);
  return last_review != 0 ? add_quarter (last_review) : 0;
}

static void
collect_plan (Collector *collector,
              PactePlan *plan,
              guint32    today,
              guint32    horizon)
{
  PacteRecord *record = PACTE_RECORD (plan);
  const char *plan_owner = pacte_record_get_string (record, PACTE_PLAN_OWNER);
  PacteRecord * const *list;
  guint n;
  guint32 last_review;

  list = pacte_record_get_items (record, PACTE_PLAN_ACTIONS, &n);
  for (guint i = 0; i < n; i++)
    {
      guint32 due = pacte_record_get_date (list[i], PACTE_ACTION_DUE);

      if (due != 0 && due <= horizon && action_is_open (list[i]))
        add_item (collector, PACTE_AGENDA_ACTION, due, today, plan, list[i],
                  pacte_record_get_string (list[i], PACTE_ACTION_ID),
                  pacte_record_get_string (list[i], PACTE_ACTION_TITLE), plan_owner);
    }

  list = pacte_record_get_items (record, PACTE_PLAN_DECISIONS, &n);
  for (guint i = 0; i < n; i++)
    {
      guint32 due = pacte_record_get_date (list[i], PACTE_DECISION_DUE);
      const char *question = pacte_record_get_string (list[i], PACTE_DECISION_QUESTION);

      if (due != 0 && due < today && *pacte_record_get_string (list[i], PACTE_DECISION_OUTCOME) == '\0')
        add_item (collector, PACTE_AGENDA_DECISION, due, today, plan, list[i], question, question, plan_owner);
    }

  list = pacte_record_get_items (record, PACTE_PLAN_GOVERNANCE, &n);
  for (guint i = 0; i < n; i++)
    {
      const char *body = pacte_record_get_string (list[i], PACTE_BODY_BODY);
      const char *owner = pacte_record_get_string (list[i], PACTE_BODY_OWNER);
      guint32 next = pacte_body_next_meeting (list[i]);

      if (next != 0 && next < today)
        add_item (collector, PACTE_AGENDA_MEETING, next, today, plan, list[i], body, body,
                  *owner != '\0' ? owner : plan_owner);
    }

  last_review = pacte_plan_last_review (plan);
  if (last_review != 0 && last_review <= today)
    {
      guint32 due = pacte_plan_review_due (plan);

      if (due < today)
        add_item (collector, PACTE_AGENDA_REVIEW, due, today, plan, record,
                  pacte_record_get_string (record, PACTE_PLAN_ID),
                  pacte_record_get_string (record, PACTE_PLAN_NAME), plan_owner);
    }

  list = pacte_record_get_items (record, PACTE_PLAN_EVENTS, &n);
  for (guint i = 0; i < n; i++)
    {
      guint32 date = pacte_record_get_date (list[i], PACTE_EVENT_DATE);
      const char *title = pacte_record_get_string (list[i], PACTE_EVENT_TITLE);

      if (date != 0 && date >= today && date <= horizon)
        add_item (collector, PACTE_AGENDA_EVENT, date, today, plan, list[i], title, title, plan_owner);
    }
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const PacteAgendaItem *x = *(PacteAgendaItem * const *) a;
  const PacteAgendaItem *y = *(PacteAgendaItem * const *) b;
  int order;

  if (x->date != y->date)
    return x->date < y->date ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  order = strcmp (pacte_record_get_string (PACTE_RECORD (x->plan), PACTE_PLAN_ID),
                  pacte_record_get_string (PACTE_RECORD (y->plan), PACTE_PLAN_ID));
  if (order != 0)
    return order;
  return strcmp (x->key, y->key);
}

static void
collect (Collector      *collector,
         PactePortfolio *portfolio,
         guint32         today,
         guint           days)
{
  guint32 horizon = today + MIN (days, G_MAXUINT32 - today);
  GListModel *plans = pacte_portfolio_get_plans (portfolio);

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);

      collect_plan (collector, plan, today, horizon);
    }
}

GPtrArray *
pacte_agenda_collect (PactePortfolio *portfolio,
                      guint32         today,
                      guint           days)
{
  Collector collector = { NULL, 0 };

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (today != 0, NULL);

  collector.items = g_ptr_array_new_with_free_func ((GDestroyNotify) pacte_agenda_item_free);
  collect (&collector, portfolio, today, days);
  g_ptr_array_sort (collector.items, compare_items);
  return collector.items;
}

guint
pacte_agenda_count_overdue_at (PactePortfolio *portfolio,
                               guint32         today)
{
  Collector collector = { NULL, 0 };

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), 0);
  g_return_val_if_fail (today != 0, 0);

  collect (&collector, portfolio, today, 0);
  return collector.n_overdue;
}
