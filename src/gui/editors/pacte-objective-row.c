/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-objective-row.c: an action's objective, among its plan's. */
#include "config.h"

#include <string.h>

#include "pacte-field-row-private.h"
#include "pacte-i18n.h"
#include "pacte-objective-row.h"

struct _PacteObjectiveRow
{
  PacteChoiceRow  parent_instance;

  PactePortfolio *portfolio;    /* watched for objective titles */
  gulong          portfolio_id;
  GListModel     *objectives;   /* the plan's objectives */
  gulong          objectives_id;
};

G_DEFINE_FINAL_TYPE (PacteObjectiveRow, pacte_objective_row, PACTE_TYPE_CHOICE_ROW)

/* "None" first, then the plan's objectives by title; an id that names none
 * is kept as the file says, and shown for what it is. */
static gboolean
pacte_objective_row_refresh_items (PacteChoiceRow *choice,
                                   gboolean        force)
{
  PacteObjectiveRow *self = PACTE_OBJECTIVE_ROW (choice);
  PacteFieldRow *row = PACTE_FIELD_ROW (self);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  const char *current = pacte_field_row_has_record (row)
                        ? pacte_record_get_string (pacte_field_row_record (row), pacte_field_row_field (row)) : "";
  gboolean found = FALSE;
  guint n = self->objectives ? g_list_model_get_n_items (self->objectives) : 0;

  g_ptr_array_add (labels, g_strdup (_("None")));
  g_ptr_array_add (values, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PacteRecord) objective = g_list_model_get_item (self->objectives, i);
      const char *id = pacte_record_get_string (objective, PACTE_OBJECTIVE_ID);
      const char *title = pacte_record_get_string (objective, PACTE_OBJECTIVE_TITLE);

      g_ptr_array_add (labels, title[0] ? g_strdup (title) : g_strdup_printf (_("Untitled objective (%s)"), id));
      g_ptr_array_add (values, g_strdup (id));
      if (strcmp (id, current) == 0)
        found = TRUE;
    }
  if (current[0] != '\0' && !found)
    {
      g_ptr_array_add (labels, g_strdup_printf (_("Unlinked (%s)"), current));
      g_ptr_array_add (values, g_strdup (current));
    }
  return pacte_choice_row_set_items (choice, labels, values);
}

static void
record_changed_cb (PacteObjectiveRow *self,
                   PacteRecord       *owner,
                   PacteRecord       *record,
                   guint              field)
{
  PacteFieldRow *row = PACTE_FIELD_ROW (self);

  if (pacte_field_row_has_record (row)
      && PACTE_IS_OBJECTIVE (record)
      && (field == PACTE_OBJECTIVE_TITLE || field == PACTE_OBJECTIVE_ID)
      && owner == pacte_record_get_owner (pacte_field_row_record (row)))
    pacte_field_row_sync_from_model (row, FALSE);
}

static void
objectives_changed_cb (PacteObjectiveRow *self)
{
  pacte_field_row_sync_from_model (PACTE_FIELD_ROW (self), FALSE);
}

static void
unwatch (PacteObjectiveRow *self)
{
  if (self->portfolio != NULL)
    g_clear_signal_handler (&self->portfolio_id, self->portfolio);
  if (self->objectives != NULL)
    g_clear_signal_handler (&self->objectives_id, self->objectives);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->objectives);
}

static void
pacte_objective_row_bind (PacteFieldRow *row,
                          PacteRecord   *record)
{
  PacteObjectiveRow *self = PACTE_OBJECTIVE_ROW (row);
  PactePortfolio *portfolio;
  PacteRecord *plan;

  unwatch (self);
  if (record == NULL)
    return;
  portfolio = pacte_record_get_portfolio (record);
  if (portfolio == NULL && pacte_field_row_context (row) != NULL)
    portfolio = pacte_context_get_portfolio (pacte_field_row_context (row));
  if (portfolio != NULL)
    {
      self->portfolio = g_object_ref (portfolio);
      self->portfolio_id = g_signal_connect_swapped (portfolio, "record-changed",
                                                     G_CALLBACK (record_changed_cb), self);
    }
  plan = pacte_record_get_owner (record);
  if (plan != NULL && PACTE_IS_PLAN (plan))
    {
      self->objectives = g_object_ref (pacte_record_get_list (plan, PACTE_PLAN_OBJECTIVES));
      self->objectives_id = g_signal_connect_swapped (self->objectives, "items-changed",
                                                      G_CALLBACK (objectives_changed_cb), self);
    }
}

static void
pacte_objective_row_dispose (GObject *object)
{
  unwatch (PACTE_OBJECTIVE_ROW (object));

  G_OBJECT_CLASS (pacte_objective_row_parent_class)->dispose (object);
}

static void
pacte_objective_row_class_init (PacteObjectiveRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PacteFieldRowClass *row_class = PACTE_FIELD_ROW_CLASS (klass);
  PacteChoiceRowClass *choice_class = PACTE_CHOICE_ROW_CLASS (klass);

  object_class->dispose = pacte_objective_row_dispose;
  row_class->kind = PACTE_FIELD_ROW_OBJECTIVE;
  row_class->bind = pacte_objective_row_bind;
  choice_class->refresh_items = pacte_objective_row_refresh_items;
}

static void
pacte_objective_row_init (PacteObjectiveRow *self)
{
}
