/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-overview-lists.c: the overview's Fix First page (the rules whose
 * fixing raises the portfolio's average score most, each with its plans)
 * and its Agenda page (what is due across the portfolio, by owner). */
#include "config.h"

#include <string.h>

#include "pacte-i18n.h"
#include "pacte-light.h"
#include "pacte-overview-private.h"
#include "pacte-report-format.h"

#define PLANS_PER_FIX 12  /* the rest is summed up in one line */

/* ---- Fix first -------------------------------------------------------- */

static void
on_fix_plan_activated (AdwActionRow  *row,
                       PacteOverview *self)
{
  PactePlan *plan = g_object_get_data (G_OBJECT (row), "plan");
  const char *rule_id = g_object_get_data (G_OBJECT (row), "rule-id");

  _pacte_overview_emit_plan (self, plan, rule_id);
}

static GtkWidget *
page_with_list (const char  *description,
                GtkWidget  **list,
                GtkLabel   **label)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  *label = GTK_LABEL (gtk_label_new (description));
  gtk_label_set_wrap (*label, TRUE);
  gtk_label_set_xalign (*label, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*label));
  *list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (*list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (*list, "boxed-list");
  gtk_box_append (GTK_BOX (box), *list);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

GtkWidget *
_pacte_overview_fix_first_new (PacteOverview *self)
{
  GtkWidget *list;
  GtkLabel *label;
  GtkWidget *page = page_with_list (NULL, &list, &label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fixes that raise the average score most"), -1);
  g_object_set_data (G_OBJECT (page), "list", list);
  g_object_set_data (G_OBJECT (page), "label", label);
  return page;
}

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

void
_pacte_overview_fix_first_update (PacteOverview *self,
                                  GtkWidget     *page)
{
  GtkWidget *list = g_object_get_data (G_OBJECT (page), "list");
  GtkLabel *label = g_object_get_data (G_OBJECT (page), "label");
  PacteRuleSet *rules = pacte_context_get_rules (self->context);
  const char *lang = pacte_context_get_language (self->context);
  const char *ui_lang = pacte_i18n_user_language ();
  const PactePortfolioFix *fixes;
  guint n_fixes;

  clear_list (list);
  fixes = pacte_analysis_get_portfolio_fixes (self->analysis, &n_fixes);
  gtk_widget_set_visible (list, n_fixes > 0);
  if (n_fixes == 0)
    {
      gtk_label_set_label (label, pacte_analysis_get_n_scored (self->analysis) > 0
                                  ? _("Every rule that is switched on is green in every plan: nothing to fix.")
                                  : _("No plan to fix yet."));
      return;
    }
  gtk_label_set_label (label, _("Each rule below is red or amber in some plans. Turning it green in all of "
                                "them raises the portfolio’s average score by the points shown: the first "
                                "helps most. Open a plan to go to the rule."));

  for (guint f = 0; f < n_fixes; f++)
    {
      const PactePortfolioFix *fix = &fixes[f];
      const char *rule_id = pacte_rule_set_get_id (rules, fix->rule_index);
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *title = g_strdup_printf ("%s %s", rule_id, pacte_rule_set_get_title (rules, fix->rule_index, lang));
      g_autofree char *gain = pacte_format_number (ui_lang, fix->average_gain, 1);
      g_autofree char *n_text = pacte_format_number (ui_lang, fix->n_plans, 0);
      g_autofree char *plans = g_strdup_printf (ngettext ("%s plan", "%s plans", fix->n_plans), n_text);
      g_autofree char *subtitle = NULL;

      /* Translators: "5 plans (3 red, 2 amber): +3,4 points on average" */
      subtitle = g_strdup_printf (_("%s (%u red, %u amber): +%s points on average"), plans, fix->n_red, fix->n_amber, gain);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (row, pacte_rule_set_get_advice (rules, fix->rule_index, lang));

      for (guint k = 0; k < MIN (fix->n_plans, PLANS_PER_FIX); k++)
        {
          PactePlan *plan = pacte_analysis_get_plan (self->analysis, fix->plans[k]);
          GtkWidget *plan_row = adw_action_row_new ();
          g_autofree char *plan_gain = g_strdup_printf (ngettext ("+%d point for this plan", "+%d points for this plan",
                                                                  fix->gains[k]), fix->gains[k]);
          const char *name = pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME);

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (plan_row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (plan_row), *name != '\0' ? name : _("Unnamed plan"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (plan_row), plan_gain);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (plan_row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (plan_row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          g_object_set_data_full (G_OBJECT (plan_row), "plan", g_object_ref (plan), g_object_unref);
          g_object_set_data (G_OBJECT (plan_row), "rule-id", (gpointer) rule_id);
          g_signal_connect (plan_row, "activated", G_CALLBACK (on_fix_plan_activated), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), plan_row);
        }
      if (fix->n_plans > PLANS_PER_FIX)
        {
          GtkWidget *more = adw_action_row_new ();
          guint rest = fix->n_plans - PLANS_PER_FIX;
          g_autofree char *text = g_strdup_printf (ngettext ("And %u more plan", "And %u more plans", rest), rest);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (more), FALSE);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), more);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
}

/* ---- Agenda ----------------------------------------------------------- */

static PacteAgendaItem *
entry_item (gpointer entry)
{
  return g_object_get_data (G_OBJECT (entry), "item");
}

static void
agenda_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_item_set_child (item, box);
}

static char *
agenda_item_text (PacteAgendaItem *item,
                  char           **title)
{
  const char *lang = pacte_i18n_user_language ();
  g_autofree char *date = pacte_format_date (lang, item->date);
  const char *plan_name = pacte_record_get_string (PACTE_RECORD (item->plan), PACTE_PLAN_NAME);
  const char *state = item->overdue ? _("Overdue") : _("Coming");

  *title = g_strdup (*item->title != '\0' ? item->title : item->key);
  if (*item->owner != '\0')
    /* Translators: an agenda line: "Overdue · Action · 14 March 2027 · Plan A · Olivia Grant" */
    return g_strdup_printf (_("%s · %s · %s · %s · %s"), state, pacte_agenda_kind_display_name (item->kind, lang),
                            date, plan_name, item->owner);
  return g_strdup_printf (_("%s · %s · %s · %s"), state, pacte_agenda_kind_display_name (item->kind, lang),
                          date, plan_name);
}

static void
agenda_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title_label = gtk_widget_get_first_child (box);
  GtkWidget *subtitle_label = gtk_widget_get_next_sibling (title_label);
  PacteAgendaItem *agenda_item = entry_item (gtk_list_item_get_item (item));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = agenda_item_text (agenda_item, &title);
  g_autofree char *name = g_strdup_printf ("%s — %s", title, subtitle);

  gtk_label_set_label (GTK_LABEL (title_label), title);
  gtk_label_set_label (GTK_LABEL (subtitle_label), subtitle);
  if (agenda_item->overdue)
    gtk_widget_add_css_class (subtitle_label, "error");
  else
    gtk_widget_remove_css_class (subtitle_label, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
on_agenda_activate (PacteOverview *self,
                    guint          position,
                    GtkListView   *view)
{
  g_autoptr(GObject) entry = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (view)), position);

  if (entry != NULL)
    _pacte_overview_emit_plan (self, entry_item (entry)->plan, NULL);
}

static void
on_owner_selected (PacteOverview *self,
                   GParamSpec    *pspec,
                   GtkDropDown   *drop)
{
  guint selected = gtk_drop_down_get_selected (drop);
  g_autoptr(GtkStringObject) object = NULL;
  const char *owner = NULL;

  if (g_object_get_data (G_OBJECT (drop), "updating") != NULL)
    return;
  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    {
      object = g_list_model_get_item (gtk_drop_down_get_model (drop), selected);
      owner = gtk_string_object_get_string (object);
    }
  pacte_overview_set_agenda_owner (self, owner);
}

GtkWidget *
_pacte_overview_agenda_new (PacteOverview *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *drop = gtk_drop_down_new (G_LIST_MODEL (gtk_string_list_new (NULL)), NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view;

  gtk_widget_set_margin_start (controls, 12);
  gtk_widget_set_margin_end (controls, 12);
  gtk_widget_set_margin_top (controls, 6);
  gtk_widget_set_margin_bottom (controls, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (controls), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show the items of one owner"), -1);
  gtk_widget_set_tooltip_text (drop, _("Show the items of one owner"));
  g_signal_connect_swapped (drop, "notify::selected", G_CALLBACK (on_owner_selected), self);
  gtk_box_append (GTK_BOX (controls), drop);
  gtk_box_append (GTK_BOX (page), controls);

  g_signal_connect (factory, "setup", G_CALLBACK (agenda_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (agenda_bind), NULL);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (store)))), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "rich-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Agenda"), -1);
  g_signal_connect_swapped (view, "activate", G_CALLBACK (on_agenda_activate), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (page), scrolled);

  g_object_set_data (G_OBJECT (page), "store", store);
  g_object_set_data (G_OBJECT (page), "label", label);
  g_object_set_data (G_OBJECT (page), "drop", drop);
  g_object_set_data_full (G_OBJECT (page), "store-ref", store, g_object_unref);
  return page;
}

static void
fill_agenda (PacteOverview *self,
             GtkWidget     *page)
{
  GListStore *store = g_object_get_data (G_OBJECT (page), "store");
  GtkLabel *label = g_object_get_data (G_OBJECT (page), "label");
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  guint overdue;
  g_autofree char *text = NULL;

  g_clear_pointer (&self->agenda_shown, g_ptr_array_unref);
  self->agenda_shown = g_ptr_array_new ();
  for (guint i = 0; self->agenda != NULL && i < self->agenda->len; i++)
    {
      PacteAgendaItem *item = g_ptr_array_index (self->agenda, i);
      GObject *entry;

      if (self->agenda_owner != NULL && g_strcmp0 (item->owner, self->agenda_owner) != 0)
        continue;
      g_ptr_array_add (self->agenda_shown, item);
      entry = g_object_new (G_TYPE_OBJECT, NULL);
      g_object_set_data (entry, "item", item);
      g_ptr_array_add (entries, entry);
    }
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), entries->pdata, entries->len);

  overdue = pacte_agenda_count_overdue (self->agenda_shown);
  if (self->agenda_shown->len == 0)
    text = g_strdup (_("Nothing due in the next 30 days, and nothing overdue."));
  else
    {
      const char *ui_lang = pacte_i18n_user_language ();
      g_autofree char *n_items = pacte_format_number (ui_lang, self->agenda_shown->len, 0);
      g_autofree char *n_late = pacte_format_number (ui_lang, overdue, 0);
      /* Translators: %s is a count with its digit groups ("1 250" / "1,250"). */
      g_autofree char *items = g_strdup_printf (ngettext ("%s item due in the next 30 days or overdue",
                                                          "%s items due in the next 30 days or overdue",
                                                          self->agenda_shown->len), n_items);
      /* Translators: %s is a count with its digit groups ("1 250" / "1,250"). */
      g_autofree char *late = g_strdup_printf (ngettext ("%s overdue", "%s overdue", overdue), n_late);

      text = g_strdup_printf ("%s · %s", items, late);
    }
  gtk_label_set_label (label, text);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

void
_pacte_overview_agenda_update (PacteOverview *self,
                               GtkWidget     *page)
{
  GtkDropDown *drop = g_object_get_data (G_OBJECT (page), "drop");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  GtkStringList *list = gtk_string_list_new (NULL);
  guint selected = 0;

  if (self->agenda == NULL)
    self->agenda = pacte_agenda_collect (pacte_context_get_portfolio (self->context),
                                         pacte_context_get_today (self->context), 30);
  /* The owners of the items, in order; the choice survives a refresh. */
  for (guint i = 0; self->agenda != NULL && i < self->agenda->len; i++)
    {
      PacteAgendaItem *item = g_ptr_array_index (self->agenda, i);

      if (*item->owner != '\0' && g_hash_table_add (seen, item->owner))
        g_ptr_array_add (owners, item->owner);
    }
  g_ptr_array_sort (owners, compare_strings);
  gtk_string_list_append (list, _("All owners"));
  for (guint i = 0; i < owners->len; i++)
    {
      gtk_string_list_append (list, g_ptr_array_index (owners, i));
      if (g_strcmp0 (g_ptr_array_index (owners, i), self->agenda_owner) == 0)
        selected = i + 1;
    }
  if (selected == 0)
    g_clear_pointer (&self->agenda_owner, g_free);
  g_object_set_data (G_OBJECT (drop), "updating", GINT_TO_POINTER (1));
  gtk_drop_down_set_model (drop, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (drop, selected);
  g_object_set_data (G_OBJECT (drop), "updating", NULL);
  g_object_unref (list);
  fill_agenda (self, page);
}

GPtrArray *
pacte_overview_get_agenda (PacteOverview *self)
{
  g_return_val_if_fail (PACTE_IS_OVERVIEW (self), NULL);
  /* Asked before the page was shown: fill it now. */
  if (self->agenda_stale)
    {
      _pacte_overview_agenda_update (self, self->agenda_page);
      self->agenda_stale = FALSE;
    }
  return self->agenda_shown;
}

void
pacte_overview_set_agenda_owner (PacteOverview *self,
                                 const char    *owner)
{
  g_return_if_fail (PACTE_IS_OVERVIEW (self));

  if (g_strcmp0 (owner, self->agenda_owner) == 0)
    return;
  g_free (self->agenda_owner);
  self->agenda_owner = g_strdup (owner);
  _pacte_overview_agenda_update (self, self->agenda_page);
}
