/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-list-search.c: how the sidebar lists find, order and show names.
 *
 * A search is words, each of which must appear somewhere (in any order) in
 * what the list row stands for: a plan's name, its partners' names, its
 * owner and its phase; a partner's name, segment and label.  Both sides are
 * folded (no accents) and casefolded, so "zephyr" finds "Zéphyr".
 */
#include "config.h"

#include <string.h>

#include "pacte-list-search.h"
#include "pacte-model.h"
#include "pacte-name-sorter.h"

static char *
fold_case (const char *text)
{
  g_autofree char *folded = pacte_name_fold (text != NULL ? text : "");

  return g_utf8_casefold (folded, -1);
}

/* The words of a search, folded; NULL when there is nothing to look for. */
char **
pacte_list_search_words (const char *text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) parts = NULL;
  GPtrArray *words;

  if (text == NULL)
    return NULL;
  folded = fold_case (text);
  parts = g_strsplit_set (folded, " \t\n\u00a0", -1);
  words = g_ptr_array_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
  if (words->len == 0)
    {
      g_ptr_array_free (words, TRUE);
      return NULL;
    }
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

char *
pacte_list_search_haystack (PacteRecord    *record,
                            PactePortfolio *portfolio)
{
  GString *text = g_string_new (NULL);
  g_autofree char *folded = NULL;

  if (PACTE_IS_PLAN (record))
    {
      const char * const *partners = pacte_record_get_strv (record, PACTE_PLAN_PARTNERS);
      const char *phase = pacte_record_get_string (record, PACTE_PLAN_PHASE);

      g_string_append (text, pacte_record_get_string (record, PACTE_PLAN_NAME));
      for (guint i = 0; partners != NULL && partners[i] != NULL; i++)
        {
          PactePartner *partner = portfolio != NULL ? pacte_portfolio_find_partner (portfolio, partners[i]) : NULL;

          g_string_append_c (text, '\n');
          g_string_append (text, partner != NULL ? pacte_record_get_string (PACTE_RECORD (partner), PACTE_PARTNER_NAME)
                                                 : partners[i]);
        }
      g_string_append_c (text, '\n');
      g_string_append (text, pacte_record_get_string (record, PACTE_PLAN_OWNER));
      if (*phase != '\0')
        {
          g_string_append_c (text, '\n');
          g_string_append (text, pacte_choice_display_name (phase));
          g_string_append_c (text, '\n');
          g_string_append (text, phase);
        }
    }
  else if (PACTE_IS_PARTNER (record))
    {
      const char *segment = pacte_record_get_string (record, PACTE_PARTNER_SEGMENT);

      g_string_append (text, pacte_record_get_string (record, PACTE_PARTNER_NAME));
      g_string_append_c (text, '\n');
      g_string_append (text, pacte_record_get_string (record, PACTE_PARTNER_LABEL));
      if (*segment != '\0')
        {
          g_string_append_c (text, '\n');
          g_string_append (text, pacte_choice_display_name (segment));
        }
    }
  folded = fold_case (text->str);
  g_string_free (text, TRUE);
  return g_steal_pointer (&folded);
}

gboolean
pacte_list_search_match (PacteRecord    *record,
                         PactePortfolio *portfolio,
                         char          **words)
{
  g_autofree char *haystack = NULL;

  if (words == NULL)
    return TRUE;
  haystack = pacte_list_search_haystack (record, portfolio);
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* A new search shows its first matches, not the middle of the list.  The
 * list view's own action (GTK 4.8 has no gtk_list_view_scroll_to()): an
 * adjustment set while the filter changes the rows misses its target. */
void
pacte_list_scroll_to_top (GtkListView *view)
{
  GtkSelectionModel *model = gtk_list_view_get_model (view);

  if (model != NULL && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (view), "list.scroll-to-item", "u", 0);
}

static gboolean
query_tooltip_cb (GtkLabel   *label,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

/* An ellipsized label shows its whole text in a tooltip, only when cut. */
void
pacte_label_tooltip_when_cut (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_widget_set_has_tooltip (GTK_WIDGET (label), TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}
