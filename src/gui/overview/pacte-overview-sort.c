/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-overview-sort.c: the order and the filter of the overview's heat map
 * (by score, name, phase, change, worst first; by phase, segment and text),
 * from keys computed once per refresh. */
#include "config.h"

#include <string.h>

#include "pacte-i18n.h"
#include "pacte-name-sorter.h"
#include "pacte-overview-private.h"

static char *
fold_for_search (const char *text)
{
  g_autofree char *folded = pacte_name_fold (text);

  return g_utf8_casefold (folded, -1);
}

/* Folding and collating names is the costly part of sorting and filtering
 * 2,000 plans: done once per plan, when first needed (again after edits).
 * A sort needs only the collation key; the search text (with the partners'
 * names) is made at the first search. */
static const char *
plan_sort_key (PacteOverview *self,
               PactePlan     *plan)
{
  const char *key = g_hash_table_lookup (self->sort_keys, plan);

  if (key == NULL)
    {
      g_autofree char *folded = pacte_name_fold (_pacte_overview_plan_name (plan));
      char *made = g_utf8_collate_key (folded, -1);

      g_hash_table_insert (self->sort_keys, plan, made);
      key = made;
    }
  return key;
}

static const char *
plan_search_text (PacteOverview *self,
                  PactePlan     *plan)
{
  const char *text = g_hash_table_lookup (self->search_texts, plan);

  if (text == NULL)
    {
      PacteRecord *record = PACTE_RECORD (plan);
      const char * const *partners = pacte_record_get_strv (record, PACTE_PLAN_PARTNERS);
      GString *search = g_string_new (NULL);
      char *made;

      g_string_append (search, pacte_record_get_string (record, PACTE_PLAN_NAME));
      g_string_append_c (search, '\n');
      g_string_append (search, pacte_record_get_string (record, PACTE_PLAN_ID));
      g_string_append_c (search, '\n');
      g_string_append (search, pacte_record_get_string (record, PACTE_PLAN_OWNER));
      for (guint i = 0; partners[i] != NULL; i++)
        {
          PactePartner *partner = pacte_portfolio_find_partner (pacte_context_get_portfolio (self->context), partners[i]);

          if (partner != NULL)
            {
              g_string_append_c (search, '\n');
              g_string_append (search, pacte_record_get_string (PACTE_RECORD (partner), PACTE_PARTNER_NAME));
            }
        }
      made = fold_for_search (search->str);
      g_string_free (search, TRUE);
      g_hash_table_insert (self->search_texts, plan, made);
      text = made;
    }
  return text;
}

int
_pacte_overview_compare_plans (gconstpointer a,
                               gconstpointer b,
                               gpointer      user_data)
{
  PacteOverview *self = user_data;
  PactePlan *x = (PactePlan *) a, *y = (PactePlan *) b;
  int order = 0;

  switch (self->sort)
    {
    case PACTE_OVERVIEW_SORT_WORST:
    case PACTE_OVERVIEW_SORT_BEST:
      {
        /* A plan without a score (every rule off) comes last either way. */
        int sx = _pacte_overview_plan_score (self, x), sy = _pacte_overview_plan_score (self, y);

        if (sx != sy)
          {
            if (sx < 0 || sy < 0)
              order = sx < 0 ? 1 : -1;
            else
              order = (sx < sy ? -1 : 1) * (self->sort == PACTE_OVERVIEW_SORT_WORST ? 1 : -1);
          }
        break;
      }
    case PACTE_OVERVIEW_SORT_PHASE:
      order = pacte_phase_rank (pacte_record_get_string (PACTE_RECORD (x), PACTE_PLAN_PHASE))
              - pacte_phase_rank (pacte_record_get_string (PACTE_RECORD (y), PACTE_PLAN_PHASE));
      break;
    case PACTE_OVERVIEW_SORT_CHANGE:
      {
        int cx = 0, cy = 0;
        gboolean hx = _pacte_overview_plan_change (self, x, &cx), hy = _pacte_overview_plan_change (self, y, &cy);

        if (hx != hy)
          order = hx ? -1 : 1;
        else if (cx != cy)
          order = cx < cy ? -1 : 1;
        break;
      }
    case PACTE_OVERVIEW_SORT_NAME:
    default:
      break;
    }
  if (order == 0)
    order = g_strcmp0 (plan_sort_key (self, x), plan_sort_key (self, y));
  if (order == 0)
    order = strcmp (pacte_record_get_string (PACTE_RECORD (x), PACTE_PLAN_ID),
                    pacte_record_get_string (PACTE_RECORD (y), PACTE_PLAN_ID));
  return order < 0 ? GTK_ORDERING_SMALLER : (order > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL);
}

gboolean
_pacte_overview_filter_plan (gpointer item,
                             gpointer user_data)
{
  PacteOverview *self = user_data;
  PacteRecord *plan = item;

  if (self->phase != NULL && g_strcmp0 (pacte_record_get_string (plan, PACTE_PLAN_PHASE), self->phase) != 0)
    return FALSE;
  if (self->segment != NULL && g_strcmp0 (pacte_record_get_string (plan, PACTE_PLAN_SEGMENT), self->segment) != 0)
    return FALSE;
  return self->search == NULL || strstr (plan_search_text (self, PACTE_PLAN (plan)), self->search) != NULL;
}

void
pacte_overview_set_sort (PacteOverview     *self,
                         PacteOverviewSort  sort)
{
  g_return_if_fail (PACTE_IS_OVERVIEW (self));

  self->sort = sort;
  if (gtk_drop_down_get_selected (self->sort_drop) != (guint) sort)
    gtk_drop_down_set_selected (self->sort_drop, sort);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

void
pacte_overview_set_search (PacteOverview *self,
                           const char    *text)
{
  g_return_if_fail (PACTE_IS_OVERVIEW (self));

  g_clear_pointer (&self->search, g_free);
  if (text != NULL && *text != '\0')
    self->search = fold_for_search (text);
  /* Setting the entry's text passes through "" (a delete, then an insert):
   * its search-changed must not clear the search meanwhile. */
  if (!self->setting_search
      && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text != NULL ? text : "") != 0)
    {
      self->setting_search = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
      self->setting_search = FALSE;
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
set_choice_filter (PacteOverview      *self,
                   char              **field,
                   GtkDropDown        *drop,
                   const char * const *values,
                   const char         *value)
{
  guint position = 0;

  g_free (*field);
  *field = g_strdup (value);
  for (guint i = 0; value != NULL && values[i] != NULL; i++)
    if (g_str_equal (values[i], value))
      position = i + 1;
  if (gtk_drop_down_get_selected (drop) != position)
    gtk_drop_down_set_selected (drop, position);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
pacte_overview_set_phase_filter (PacteOverview *self,
                                 const char    *phase)
{
  g_return_if_fail (PACTE_IS_OVERVIEW (self));
  set_choice_filter (self, &self->phase, self->phase_drop, pacte_phases, phase);
}

void
pacte_overview_set_segment_filter (PacteOverview *self,
                                   const char    *segment)
{
  g_return_if_fail (PACTE_IS_OVERVIEW (self));
  set_choice_filter (self, &self->segment, self->segment_drop, pacte_segments, segment);
}

GListModel *
pacte_overview_get_plans (PacteOverview *self)
{
  g_return_val_if_fail (PACTE_IS_OVERVIEW (self), NULL);
  _pacte_overview_ensure_ready (self);
  return G_LIST_MODEL (self->sorted);
}

