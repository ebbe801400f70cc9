/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-search.c: the search of the window's lists of plans and
 * partners (the entries above them and pacte_window_set_search ()). */
#include "config.h"

#include "pacte-list-search.h"
#include "pacte-window-private.h"

/* The lists' search: every word, in any order, in what the row stands for
 * (pacte-list-search.c), without accents or case. */
gboolean
_pacte_window_plan_matches (gpointer item,
              gpointer user_data)
{
  PacteWindow *self = user_data;

  return pacte_list_search_match (PACTE_RECORD (item),
                                  self->context ? pacte_context_get_portfolio (self->context) : NULL,
                                  self->plan_words);
}

gboolean
_pacte_window_partner_matches (gpointer item,
                 gpointer user_data)
{
  PacteWindow *self = user_data;

  return pacte_list_search_match (PACTE_RECORD (item),
                                  self->context ? pacte_context_get_portfolio (self->context) : NULL,
                                  self->partner_words);
}

/* Without a search a list has no filter at all: filtering 10,000
 * partners to keep every one of them cost an open 5 ms of the main loop. */
void
_pacte_window_apply_search (GtkSortListModel *sorted,
                            GtkCustomFilter  *filter,
                            char            **words)
{
  GtkFilterListModel *filtered = GTK_FILTER_LIST_MODEL (gtk_sort_list_model_get_model (sorted));
  GtkFilter *wanted = words != NULL ? GTK_FILTER (filter) : NULL;

  if (gtk_filter_list_model_get_filter (filtered) != wanted)
    gtk_filter_list_model_set_filter (filtered, wanted);
  else if (wanted != NULL)
    gtk_filter_changed (wanted, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
set_list_search (PacteWindow      *self,
                 GtkSortListModel *sorted,
                 GtkCustomFilter  *filter,
                 char           ***words,
                 const char       *text,
                 GtkListView      *view)
{
  g_auto(GStrv) now = pacte_list_search_words (text);

  if (*words == NULL && now == NULL)
    return;
  if (*words != NULL && now != NULL && g_strv_equal ((const char * const *) *words, (const char * const *) now))
    return;
  g_strfreev (*words);
  *words = g_steal_pointer (&now);
  _pacte_window_apply_search (sorted, filter, *words);
  pacte_list_scroll_to_top (view);
}

/* Typing in a list goes to its search entry (the key capture); the focus
 * follows it there before the search may hide the focused row, which would
 * send the focus into the editor's Name field (and the next key into the
 * name). */
static void
focus_search_from_list (PacteWindow    *self,
                        GtkSearchEntry *entry,
                        GtkListView    *view)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && (focus == GTK_WIDGET (view) || gtk_widget_is_ancestor (focus, GTK_WIDGET (view))))
    gtk_widget_grab_focus (GTK_WIDGET (entry));
}

void
_pacte_window_on_plan_search_changed (PacteWindow    *self,
                        GtkSearchEntry *entry)
{
  focus_search_from_list (self, entry, self->plan_view);
  set_list_search (self, self->plan_sorted, self->plan_filter, &self->plan_words,
                   gtk_editable_get_text (GTK_EDITABLE (entry)), self->plan_view);
}

void
_pacte_window_on_partner_search_changed (PacteWindow    *self,
                           GtkSearchEntry *entry)
{
  focus_search_from_list (self, entry, self->partner_view);
  set_list_search (self, self->partner_sorted, self->partner_filter, &self->partner_words,
                   gtk_editable_get_text (GTK_EDITABLE (entry)), self->partner_view);
}

void
pacte_window_set_search (PacteWindow *self,
                         const char  *text)
{
  g_return_if_fail (PACTE_IS_WINDOW (self));

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "partners") == 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->partner_search), text != NULL ? text : "");
      set_list_search (self, self->partner_sorted, self->partner_filter, &self->partner_words, text, self->partner_view);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->plan_search), text != NULL ? text : "");
      set_list_search (self, self->plan_sorted, self->plan_filter, &self->plan_words, text, self->plan_view);
    }
}

