/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-partner-360.c: the partner's plans with their lights, its open
 * actions and coming events across them, and the cross-business figures. */
#include "config.h"

#include <string.h>

#include "pacte-i18n.h"
#include "pacte-language.h"
#include "pacte-light.h"
#include "pacte-partner-360.h"
#include "pacte-plan-row.h"
#include "pacte-report-format.h"

struct _PactePartner360
{
  AdwPreferencesGroup parent_instance;

  PacteContext *context;
  PactePartner *partner;
  guint         refresh_id;
  gboolean      dirty;

  GtkLabel     *figures;
  GtkListBox   *plans_list;
  GtkLabel     *actions_heading;
  GtkListBox   *actions_list;
  GtkLabel     *events_heading;
  GtkListBox   *events_list;

  GPtrArray    *plans;        /* PactePlan, owned */
  GPtrArray    *plan_rows;    /* GtkListBoxRow, same order (not owned) */
  GPtrArray    *lights;       /* GStrv, same order */
  GPtrArray    *watched;      /* PactePlanResults whose score we follow */
  guint         n_actions;
  guint         n_events;
};

G_DEFINE_FINAL_TYPE (PactePartner360, pacte_partner_360, ADW_TYPE_PREFERENCES_GROUP)

typedef struct {
  PactePlan   *plan;
  PacteRecord *record;
  guint32      date;
} Dated;

static const char *
plan_name (PactePlan *plan)
{
  const char *name = pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME);

  return *name != '\0' ? name : _("Unnamed plan");
}

static gboolean
strv_has (const char * const *strv,
          const char         *value)
{
  return strv != NULL && g_strv_contains (strv, value);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
unwatch (PactePartner360 *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

/* A light names the partner when it fails and its explanation says the
 * partner's name, or its fix is in the partner's record (a contact, the
 * territories, the cross-business figures). */
static GStrv
naming_lights (PactePartner360  *self,
               PactePlanResults *results)
{
  const char *name = pacte_record_get_string (PACTE_RECORD (self->partner), PACTE_PARTNER_NAME);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (results)); r++)
    {
      PacteRuleResult *result = pacte_plan_results_get_result (results, r);
      PacteStatus status = pacte_rule_result_get_status (result);
      PacteRecord *fix = pacte_rule_result_get_fix_record (result);
      gboolean names;

      if (status != PACTE_STATUS_RED && status != PACTE_STATUS_AMBER)
        continue;
      names = fix != NULL && (fix == PACTE_RECORD (self->partner)
                              || pacte_record_get_owner (fix) == PACTE_RECORD (self->partner));
      if (!names && *name != '\0')
        names = strstr (pacte_rule_result_get_explanation (result), name) != NULL;
      if (names)
        g_strv_builder_add (ids, pacte_rule_result_get_rule_id (result));
    }
  return g_strv_builder_end (ids);
}

static GtkWidget *
plan_row (PactePartner360  *self,
          PactePlan        *plan,
          PactePlanResults *results,
          GStrv             lights)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *shown = pacte_plan_row_new ();
  GtkWidget *caption;
  GString *spoken = g_string_new (NULL);
  int score = pacte_plan_results_get_score (results);
  const char *phase = pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_PHASE);

  pacte_plan_row_bind (PACTE_PLAN_ROW (shown), plan, results);
  gtk_box_append (GTK_BOX (box), shown);

  caption = gtk_label_new (g_strv_length (lights) > 0 ? _("Lights naming this partner:")
                                                      : _("No light names this partner"));
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (line), caption);
  /* Translators: a partner's plan, read out: "SGI Public Sector, score 72, execution" */
  g_string_append_printf (spoken, _("%s, score %d, %s"), plan_name (plan), score,
                          *phase != '\0' ? pacte_choice_display_name (phase) : _("No phase"));
  for (guint i = 0; lights[i] != NULL; i++)
    {
      int index = pacte_rule_set_find (pacte_context_get_rules (self->context), lights[i]);
      PacteRuleResult *result = pacte_plan_results_get_result (results, (guint) index);
      GtkWidget *light = pacte_light_new ();
      GtkWidget *id = gtk_label_new (lights[i]);
      g_autofree char *rule = g_strdup_printf ("%s %s", lights[i], pacte_rule_result_get_title (result));
      g_autofree char *tip = g_strdup_printf ("%s: %s\n%s", rule,
                                              pacte_light_status_word (pacte_rule_result_get_status (result)),
                                              pacte_rule_result_get_explanation (result));

      g_object_set (light, "size", 12, NULL);
      pacte_light_set_status (PACTE_LIGHT (light), pacte_rule_result_get_status (result));
      pacte_light_set_rule_label (PACTE_LIGHT (light), rule);
      gtk_widget_set_valign (light, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (light, tip);
      gtk_widget_set_tooltip_text (id, tip);
      gtk_widget_add_css_class (id, "caption");
      gtk_box_append (GTK_BOX (line), light);
      gtk_box_append (GTK_BOX (line), id);
      g_string_append_printf (spoken, "; %s", pacte_light_get_accessible_text (PACTE_LIGHT (light)));
    }
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, _("Open this plan"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken->str, -1);
  g_object_set_data_full (G_OBJECT (row), "plan-id",
                          g_strdup (pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_ID)), g_free);
  g_string_free (spoken, TRUE);
  return row;
}

static GtkWidget *
dated_row (const char *title,
           const char *when,
           PactePlan  *plan,
           gboolean    overdue)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;

  if (overdue)
    /* Translators: an open action's line: "overdue since 15/01/2027 · SGI Public Sector" */
    subtitle = g_strdup_printf (_("overdue since %s · %s"), when, plan_name (plan));
  else
    /* Translators: "15/01/2027 · SGI Public Sector" */
    subtitle = g_strdup_printf (_("%s · %s"), when, plan_name (plan));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *title != '\0' ? title : _("Untitled"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "plan-id",
                          g_strdup (pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_ID)), g_free);
  return row;
}

static int
compare_dated (gconstpointer a,
               gconstpointer b)
{
  const Dated *x = a, *y = b;

  /* Undated last. */
  if (x->date != y->date)
    return x->date == 0 ? 1 : y->date == 0 ? -1 : (x->date < y->date ? -1 : 1);
  return 0;
}

static void
fill_dated (GtkListBox  *list,
            GArray      *items,
            int          title_field,
            int          date_field,
            guint32      today)
{
  g_array_sort (items, compare_dated);
  for (guint i = 0; i < items->len; i++)
    {
      Dated *d = &g_array_index (items, Dated, i);
      g_autofree char *when = d->date != 0 ? pacte_date_display (d->date) : g_strdup (_("no date"));

      gtk_list_box_append (list, dated_row (pacte_record_get_string (d->record, title_field), when, d->plan,
                                            date_field == PACTE_ACTION_DUE && d->date != 0 && d->date < today));
    }
}

static char *
figure_text (PactePartner360 *self,
             int              field,
             const char      *currency)
{
  if (!pacte_record_is_set (PACTE_RECORD (self->partner), field))
    return g_strdup (_("not known"));
  return pacte_format_amount (pacte_i18n_user_language (),
                              pacte_record_get_number (PACTE_RECORD (self->partner), field), currency);
}

static void
on_results_changed (PactePartner360 *self);

void
pacte_partner_360_refresh (PactePartner360 *self)
{
  PactePortfolio *portfolio;
  GListModel *plans;
  const char *id;
  const char *currency;
  guint32 today;
  g_autoptr(GArray) actions = g_array_new (FALSE, TRUE, sizeof (Dated));
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (Dated));
  g_autofree char *in = NULL, *buys = NULL, *sells = NULL, *text = NULL;

  g_return_if_fail (PACTE_IS_PARTNER_360 (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->dirty = FALSE;
  unwatch (self);
  g_ptr_array_set_size (self->plans, 0);
  g_ptr_array_set_size (self->plan_rows, 0);
  g_ptr_array_set_size (self->lights, 0);
  clear_list (self->plans_list);
  clear_list (self->actions_list);
  clear_list (self->events_list);
  self->n_actions = self->n_events = 0;
  if (self->context == NULL || self->partner == NULL)
    return;

  portfolio = pacte_context_get_portfolio (self->context);
  plans = pacte_portfolio_get_plans (portfolio);
  id = pacte_record_get_string (PACTE_RECORD (self->partner), PACTE_PARTNER_ID);
  today = pacte_context_get_today (self->context);
  for (guint i = 0; *id != '\0' && i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);
      PactePlanResults *results;
      PacteRecord * const *items;
      GStrv lights;
      GtkWidget *row;
      guint n;

      if (!strv_has (pacte_record_get_strv (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS), id))
        continue;
      results = pacte_context_get_results (self->context, plan);
      lights = naming_lights (self, results);
      row = plan_row (self, plan, results, lights);
      g_ptr_array_add (self->plans, g_object_ref (plan));
      g_ptr_array_add (self->plan_rows, row);
      g_ptr_array_add (self->lights, lights);
      gtk_list_box_append (self->plans_list, row);
      g_ptr_array_add (self->watched, results);
      g_signal_connect_swapped (results, "notify::score", G_CALLBACK (on_results_changed), self);

      /* Its open actions where the partner is a party; its events to come
       * where the partner takes part. */
      items = pacte_record_get_items (PACTE_RECORD (plan), PACTE_PLAN_ACTIONS, &n);
      for (guint a = 0; a < n; a++)
        {
          const char *status = pacte_record_get_string (items[a], PACTE_ACTION_STATUS);
          Dated d = { plan, items[a], pacte_record_get_date (items[a], PACTE_ACTION_DUE) };

          if (strv_has (pacte_record_get_strv (items[a], PACTE_ACTION_PARTIES), id)
              && g_strcmp0 (status, "done") != 0 && g_strcmp0 (status, "cancelled") != 0)
            g_array_append_val (actions, d);
        }
      items = pacte_record_get_items (PACTE_RECORD (plan), PACTE_PLAN_EVENTS, &n);
      for (guint e = 0; e < n; e++)
        {
          Dated d = { plan, items[e], pacte_record_get_date (items[e], PACTE_EVENT_DATE) };

          if (strv_has (pacte_record_get_strv (items[e], PACTE_EVENT_PARTNERS), id) && d.date >= today)
            g_array_append_val (events, d);
        }
    }
  fill_dated (self->actions_list, actions, PACTE_ACTION_TITLE, PACTE_ACTION_DUE, today);
  fill_dated (self->events_list, events, PACTE_EVENT_TITLE, PACTE_EVENT_DATE, today);
  self->n_actions = actions->len;
  self->n_events = events->len;
  gtk_widget_set_visible (GTK_WIDGET (self->plans_list), self->plans->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_list), actions->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->events_list), events->len > 0);
  gtk_label_set_label (self->actions_heading, actions->len > 0 ? _("Open Actions") : _("No open action"));
  gtk_label_set_label (self->events_heading, events->len > 0 ? _("Coming Events") : _("No coming event"));

  currency = pacte_portfolio_get_currency (portfolio);
  in = self->plans->len > 0
       ? g_strdup_printf (ngettext ("Takes part in %u plan", "Takes part in %u plans", self->plans->len), self->plans->len)
       : g_strdup (_("Takes part in no plan"));
  buys = figure_text (self, PACTE_PARTNER_CROSS_BUSINESS_PARTNER_BUYS_FROM_US, currency);
  sells = figure_text (self, PACTE_PARTNER_CROSS_BUSINESS_WE_BUY_FROM_PARTNER, currency);
  /* Translators: the partner's figures: "Takes part in 2 plans · buys from us 1 850 000,00 € · we buy from it 42 000,00 €" */
  text = g_strdup_printf (_("%s · buys from us %s · we buy from it %s"), in, buys, sells);
  gtk_label_set_label (self->figures, text);
}

static gboolean
refresh_idle (gpointer data)
{
  PactePartner360 *self = data;

  self->refresh_id = 0;
  pacte_partner_360_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Edits and evaluations: the lists again shortly, only while shown. */
static void
queue_refresh (PactePartner360 *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->refresh_id == 0)
    self->refresh_id = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, 200, refresh_idle, self, NULL);
}

static void
on_results_changed (PactePartner360 *self)
{
  queue_refresh (self);
}

static void
on_row_activated (PactePartner360 *self,
                  GtkListBoxRow   *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "plan-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-plan", "s", id);
}

static void
watch_portfolio (PactePartner360 *self,
                 gboolean         watch)
{
  PactePortfolio *portfolio;

  if (self->context == NULL)
    return;
  portfolio = pacte_context_get_portfolio (self->context);
  if (watch)
    {
      g_signal_connect_swapped (portfolio, "record-changed", G_CALLBACK (queue_refresh), self);
      g_signal_connect_swapped (pacte_portfolio_get_plans (portfolio), "items-changed", G_CALLBACK (queue_refresh), self);
    }
  else
    {
      g_signal_handlers_disconnect_by_data (portfolio, self);
      g_signal_handlers_disconnect_by_data (pacte_portfolio_get_plans (portfolio), self);
    }
}

void
pacte_partner_360_set_context (PactePartner360 *self,
                               PacteContext    *context)
{
  g_return_if_fail (PACTE_IS_PARTNER_360 (self));
  g_return_if_fail (context == NULL || PACTE_IS_CONTEXT (context));

  if (self->context == context)
    return;
  unwatch (self);
  watch_portfolio (self, FALSE);
  g_set_object (&self->context, context);
  watch_portfolio (self, TRUE);
  queue_refresh (self);
}

void
pacte_partner_360_set_partner (PactePartner360 *self,
                               PactePartner    *partner)
{
  g_return_if_fail (PACTE_IS_PARTNER_360 (self));
  g_return_if_fail (partner == NULL || PACTE_IS_PARTNER (partner));

  if (!g_set_object (&self->partner, partner))
    return;
  /* A partner chosen: its plans at once, not after a blank frame. */
  pacte_partner_360_refresh (self);
}

GPtrArray *
pacte_partner_360_get_plans (PactePartner360 *self)
{
  g_return_val_if_fail (PACTE_IS_PARTNER_360 (self), NULL);
  return self->plans;
}

GtkWidget *
pacte_partner_360_get_plan_row (PactePartner360 *self,
                                guint            position)
{
  g_return_val_if_fail (PACTE_IS_PARTNER_360 (self), NULL);
  g_return_val_if_fail (position < self->plan_rows->len, NULL);
  return g_ptr_array_index (self->plan_rows, position);
}

GStrv
pacte_partner_360_get_lights (PactePartner360 *self,
                              guint            position)
{
  g_return_val_if_fail (PACTE_IS_PARTNER_360 (self), NULL);
  g_return_val_if_fail (position < self->lights->len, NULL);
  return g_ptr_array_index (self->lights, position);
}

guint
pacte_partner_360_get_n_actions (PactePartner360 *self)
{
  g_return_val_if_fail (PACTE_IS_PARTNER_360 (self), 0);
  return self->n_actions;
}

guint
pacte_partner_360_get_n_events (PactePartner360 *self)
{
  g_return_val_if_fail (PACTE_IS_PARTNER_360 (self), 0);
  return self->n_events;
}

static void
pacte_partner_360_map (GtkWidget *widget)
{
  PactePartner360 *self = PACTE_PARTNER_360 (widget);

  GTK_WIDGET_CLASS (pacte_partner_360_parent_class)->map (widget);
  if (self->dirty)
    pacte_partner_360_refresh (self);
}

static void
pacte_partner_360_dispose (GObject *object)
{
  PactePartner360 *self = PACTE_PARTNER_360 (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  unwatch (self);
  watch_portfolio (self, FALSE);
  g_clear_object (&self->context);
  g_clear_object (&self->partner);
  G_OBJECT_CLASS (pacte_partner_360_parent_class)->dispose (object);
}

static void
pacte_partner_360_finalize (GObject *object)
{
  PactePartner360 *self = PACTE_PARTNER_360 (object);

  g_ptr_array_unref (self->plans);
  g_ptr_array_unref (self->plan_rows);
  g_ptr_array_unref (self->lights);
  g_ptr_array_unref (self->watched);
  G_OBJECT_CLASS (pacte_partner_360_parent_class)->finalize (object);
}

static void
pacte_partner_360_class_init (PactePartner360Class *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pacte_partner_360_dispose;
  object_class->finalize = pacte_partner_360_finalize;
  GTK_WIDGET_CLASS (klass)->map = pacte_partner_360_map;
}

static GtkListBox *
boxed_list (PactePartner360 *self,
            const char      *accessible)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());

  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_swapped (list, "row-activated", G_CALLBACK (on_row_activated), self);
  return list;
}

static GtkLabel *
heading (const char *text)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (text));

  gtk_label_set_xalign (label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (label), 12);
  gtk_widget_add_css_class (GTK_WIDGET (label), "heading");
  return label;
}

static void
pacte_partner_360_init (PactePartner360 *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->plans = g_ptr_array_new_with_free_func (g_object_unref);
  self->plan_rows = g_ptr_array_new ();
  self->lights = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->watched = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Across the Portfolio"));
  self->figures = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->figures, 0);
  gtk_label_set_wrap (self->figures, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->figures), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->figures));
  self->plans_list = boxed_list (self, _("The plans this partner takes part in"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->plans_list));
  self->actions_heading = heading (_("Open Actions"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->actions_heading));
  self->actions_list = boxed_list (self, _("The partner’s open actions across its plans"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->actions_list));
  self->events_heading = heading (_("Coming Events"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->events_heading));
  self->events_list = boxed_list (self, _("The partner’s coming events across its plans"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->events_list));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), box);
}

GtkWidget *
pacte_partner_360_new (void)
{
  return g_object_new (PACTE_TYPE_PARTNER_360, NULL);
}
