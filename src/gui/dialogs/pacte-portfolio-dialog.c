/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-portfolio-dialog.c: Portfolio Properties and the Golden Rules for
 * every plan. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-i18n.h"
#include "pacte-language.h"
#include "pacte-portfolio-dialog.h"
#include "pacte-reason-dialog.h"
#include "pacte-report-format.h"
#include "pacte-rule-settings.h"
#include "pacte-rules-panel.h"
#include "pacte-tune-dialog.h"

struct _PactePortfolioDialog
{
  AdwPreferencesWindow  parent_instance;

  PacteContext         *context;
  PactePortfolio       *portfolio;
  gulong                changed_id;
  gboolean              updating;     /* the pages follow the model: no edit back */

  AdwPreferencesPage   *properties_page;
  AdwPreferencesPage   *rules_page;
  AdwEntryRow          *title_row;
  AdwEntryRow          *owner_row;
  AdwEntryRow          *currency_row;
  GtkLabel             *currency_error;
  AdwComboRow          *language_row;
  GPtrArray            *rule_rows;    /* AdwActionRow, in rule order */
  GPtrArray            *rule_switches;
};

G_DEFINE_FINAL_TYPE (PactePortfolioDialog, pacte_portfolio_dialog, ADW_TYPE_PREFERENCES_WINDOW)

static PacteRuleSet *
rules (PactePortfolioDialog *self)
{
  return pacte_context_get_rules (self->context);
}

/* ---- Properties ----------------------------------------------------------- */

static const struct {
  const char *name;
  guint       field;
} property_fields[] = {
  { "title", PACTE_PORTFOLIO_META_TITLE },
  { "owner", PACTE_PORTFOLIO_META_OWNER },
  { "currency", PACTE_PORTFOLIO_META_CURRENCY },
};

static AdwEntryRow *
property_row (PactePortfolioDialog *self,
              guint                 field)
{
  if (field == PACTE_PORTFOLIO_META_TITLE)
    return self->title_row;
  if (field == PACTE_PORTFOLIO_META_OWNER)
    return self->owner_row;
  return self->currency_row;
}

static void
show_currency_error (PactePortfolioDialog *self,
                     const char           *message)
{
  gtk_label_set_label (self->currency_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->currency_error), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->currency_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->currency_row), "error");
}

gboolean
pacte_portfolio_dialog_apply (PactePortfolioDialog  *self,
                              const char            *field_name,
                              const char            *text,
                              GError               **error)
{
  g_autofree char *value = NULL;
  int field = -1;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO_DIALOG (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (property_fields); i++)
    if (g_strcmp0 (property_fields[i].name, field_name) == 0)
      field = (int) property_fields[i].field;
  g_return_val_if_fail (field >= 0, FALSE);

  value = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (field == PACTE_PORTFOLIO_META_CURRENCY)
    {
      char *upper = g_ascii_strup (value, -1);

      g_free (value);
      value = upper;
      if (*value != '\0' && (strlen (value) != 3 || strspn (value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 3))
        {
          g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                       /* Translators: %s is what the user typed */
                       _("“%s” is not a currency code: write its three letters, such as EUR, USD or GBP."), value);
          show_currency_error (self, (*error)->message);
          return FALSE;
        }
      show_currency_error (self, NULL);
    }
  if (g_strcmp0 (pacte_record_get_string (PACTE_RECORD (self->portfolio), (guint) field), value) == 0)
    return TRUE;
  return pacte_record_set_string (PACTE_RECORD (self->portfolio), (guint) field, value, error);
}

static void
on_property_apply (AdwEntryRow          *row,
                   PactePortfolioDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *name = row == self->title_row ? "title" : row == self->owner_row ? "owner" : "currency";

  /* The currency's error shows under its row; another goes in a toast. */
  if (!pacte_portfolio_dialog_apply (self, name, gtk_editable_get_text (GTK_EDITABLE (row)), &error)
      && row != self->currency_row)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
on_currency_changed (PactePortfolioDialog *self)
{
  if (!self->updating)
    show_currency_error (self, NULL);
}

/* The choices of meta.language, with "not set" first. */
static const char * const *
language_codes (PactePortfolioDialog *self)
{
  return (const char * const *) pacte_record_get_field_info (PACTE_RECORD (self->portfolio),
                                                             PACTE_PORTFOLIO_META_LANGUAGE)->choices;
}

void
pacte_portfolio_dialog_set_language (PactePortfolioDialog *self,
                                     const char           *code)
{
  g_return_if_fail (PACTE_IS_PORTFOLIO_DIALOG (self));

  if (g_strcmp0 (pacte_record_get_string (PACTE_RECORD (self->portfolio), PACTE_PORTFOLIO_META_LANGUAGE),
                 code != NULL ? code : "") == 0)
    return;
  pacte_record_set_string (PACTE_RECORD (self->portfolio), PACTE_PORTFOLIO_META_LANGUAGE,
                           code != NULL ? code : "", NULL);
}

static void
on_language_selected (PactePortfolioDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  pacte_portfolio_dialog_set_language (self, selected == 0 ? "" : language_codes (self)[selected - 1]);
}

static void
update_properties (PactePortfolioDialog *self)
{
  const char *language = pacte_record_get_string (PACTE_RECORD (self->portfolio), PACTE_PORTFOLIO_META_LANGUAGE);
  const char * const *codes = language_codes (self);
  guint selected = 0;

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (property_fields); i++)
    {
      AdwEntryRow *row = property_row (self, property_fields[i].field);
      const char *value = pacte_record_get_string (PACTE_RECORD (self->portfolio), property_fields[i].field);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), value) != 0)
        gtk_editable_set_text (GTK_EDITABLE (row), value);
    }
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], language) == 0)
      selected = i + 1;
  if (adw_combo_row_get_selected (self->language_row) != selected)
    adw_combo_row_set_selected (self->language_row, selected);
  self->updating = FALSE;
}

static AdwEntryRow *
add_entry_row (AdwPreferencesGroup  *group,
               const char           *title,
               PactePortfolioDialog *self)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (row, TRUE);
  g_signal_connect (row, "apply", G_CALLBACK (on_property_apply), self);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static void
build_properties (PactePortfolioDialog *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const char * const *codes = language_codes (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->properties_page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (self->properties_page, _("Properties"));
  adw_preferences_page_set_name (self->properties_page, "properties");
  adw_preferences_page_set_icon_name (self->properties_page, "document-properties-symbolic");
  adw_preferences_group_set_title (group, _("Portfolio"));
  adw_preferences_group_set_description (group, _("Press Enter or the check button to apply a change; each one can be undone."));

  self->title_row = add_entry_row (group, _("Title"), self);
  self->owner_row = add_entry_row (group, _("Company"), self);
  self->currency_row = add_entry_row (group, _("Currency (ISO code, such as EUR)"), self);
  g_signal_connect_swapped (self->currency_row, "changed", G_CALLBACK (on_currency_changed), self);
  self->currency_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->currency_error, TRUE);
  gtk_label_set_xalign (self->currency_error, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->currency_error), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->currency_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->currency_error), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (self->currency_error));

  /* Translators: the default report language when the portfolio names none */
  gtk_string_list_append (names, _("Not set (the reader’s language)"));
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (names, pacte_language_name (pacte_language_get (codes[i])));
  self->language_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->language_row), _("Default report language"));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  g_signal_connect_swapped (self->language_row, "notify::selected", G_CALLBACK (on_language_selected), self);
  adw_preferences_group_add (group, GTK_WIDGET (self->language_row));

  adw_preferences_page_add (self->properties_page, group);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), self->properties_page);
}

/* ---- Golden Rules ---------------------------------------------------------- */

static gboolean
is_off (PacteOverride *override)
{
  return override != NULL && pacte_record_get_boolean (PACTE_RECORD (override), PACTE_OVERRIDE_DISABLED) == 1;
}

static char *
params_text (PactePortfolioDialog *self,
             guint                 index,
             PacteOverride        *override)
{
  const char * const *names = pacte_rule_set_get_param_names (rules (self), index);
  GString *text = g_string_new (NULL);

  for (guint i = 0; override != NULL && names[i] != NULL; i++)
    {
      double value = pacte_record_map_get_number (PACTE_RECORD (override), PACTE_OVERRIDE_PARAMS, names[i]);
      g_autofree char *number = NULL;

      if (isnan (value))
        continue;
      number = pacte_format_number (pacte_i18n_user_language (), value, value == floor (value) ? 0 : 2);
      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: a tuned parameter: "Days without activity before amber: 45" */
      g_string_append_printf (text, _("%s: %s"), pacte_rules_panel_param_label (names[i]), number);
    }
  return g_string_free (text, text->len == 0);
}

/* "Own setting in 2 plans: Kühne (tuned), Meridian (switched off)". */
static char *
overrides_text (PactePortfolioDialog *self,
                const char           *rule_id)
{
  GListModel *plans = pacte_portfolio_get_plans (self->portfolio);
  GString *names = g_string_new (NULL);
  guint n = 0;

  for (guint p = 0; p < g_list_model_get_n_items (plans); p++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, p);
      PacteOverride *override = pacte_plan_find_override (plan, rule_id);
      int disabled;

      if (override == NULL)
        continue;
      n++;
      if (n > 3)
        continue;
      disabled = pacte_record_get_boolean (PACTE_RECORD (override), PACTE_OVERRIDE_DISABLED);
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append_printf (names, "%s (%s)", pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME),
                              disabled == 1 ? _("switched off")
                              : disabled == 0 ? _("switched on") : _("tuned"));
    }
  if (n == 0)
    {
      g_string_free (names, TRUE);
      return NULL;
    }
  if (n > 3)
    g_string_append (names, ", …");
  {
    /* Translators: the plans that override a portfolio-wide rule setting */
    char *text = g_strdup_printf (ngettext ("Own setting in %u plan: %s", "Own settings in %u plans: %s", n),
                                  n, names->str);

    g_string_free (names, TRUE);
    return text;
  }
}

static void
update_rules (PactePortfolioDialog *self)
{
  self->updating = TRUE;
  for (guint r = 0; r < self->rule_rows->len; r++)
    {
      const char *rule_id = pacte_rule_set_get_id (rules (self), r);
      PacteOverride *setting = pacte_portfolio_find_setting (self->portfolio, rule_id);
      g_autofree char *state = NULL;
      g_autofree char *tuned = params_text (self, r, setting);
      g_autofree char *others = overrides_text (self, rule_id);
      g_autofree char *subtitle = NULL;
      GtkSwitch *toggle = g_ptr_array_index (self->rule_switches, r);

      if (is_off (setting))
        {
          const char *reason = pacte_record_get_string (PACTE_RECORD (setting), PACTE_OVERRIDE_REASON);

          state = *reason != '\0' ? g_strdup_printf (_("Switched off for all plans: %s"), reason)
                                  : g_strdup (_("Switched off for all plans"));
        }
      else if (tuned != NULL)
        state = g_strdup_printf (_("Tuned for all plans: %s"), tuned);
      else
        state = g_strdup (_("On, with the rule’s own values"));
      subtitle = others != NULL ? g_strdup_printf ("%s\n%s", state, others) : g_steal_pointer (&state);
      adw_action_row_set_subtitle (g_ptr_array_index (self->rule_rows, r), subtitle);
      if (gtk_switch_get_active (toggle) == is_off (setting))
        gtk_switch_set_active (toggle, !is_off (setting));
    }
  self->updating = FALSE;
}

typedef struct {
  PactePortfolioDialog *self;
  char                 *rule_id;
  GtkWidget            *entry;
} SwitchOff;

static void
switch_off_free (gpointer data)
{
  SwitchOff *s = data;

  g_object_unref (s->self);
  g_free (s->rule_id);
  g_free (s);
}

static void
on_switch_off_response (AdwMessageDialog *dialog,
                        const char       *response,
                        SwitchOff        *s)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "switch-off")
      && !pacte_rule_settings_switch_off (rules (s->self), s->self->portfolio, PACTE_RECORD (s->self->portfolio),
                                          s->rule_id, gtk_editable_get_text (GTK_EDITABLE (s->entry)), &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (s->self), adw_toast_new (error->message));
  /* Cancelled: the switch goes back on. */
  update_rules (s->self);
}

GtkWidget *
pacte_portfolio_dialog_ask_switch_off (PactePortfolioDialog *self,
                                       const char           *rule_id)
{
  int index;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  SwitchOff *s;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO_DIALOG (self), NULL);
  index = pacte_rule_set_find (rules (self), rule_id);
  g_return_val_if_fail (index >= 0, NULL);

  heading = g_strdup_printf (_("Switch Off “%s · %s” for All Plans?"), rule_id,
                             pacte_rule_set_get_title (rules (self), (guint) index,
                                                       pacte_context_get_language (self->context)));
  s = g_new0 (SwitchOff, 1);
  s->self = g_object_ref (self);
  s->rule_id = g_strdup (rule_id);
  dialog = pacte_reason_dialog_new (GTK_WINDOW (self), heading,
                                    _("The rule will no longer count in any plan’s score, except in plans that "
                                      "switch it on themselves. Write down why it does not apply."),
                                    &s->entry);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_switch_off_response),
                         s, (GClosureNotify) (void (*) (void)) switch_off_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (s->entry);
  return dialog;
}

gboolean
pacte_portfolio_dialog_switch_on (PactePortfolioDialog  *self,
                                  const char            *rule_id,
                                  GError               **error)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO_DIALOG (self), FALSE);
  return pacte_rule_settings_switch_on (rules (self), self->portfolio, PACTE_RECORD (self->portfolio),
                                        rule_id, error);
}

GtkWidget *
pacte_portfolio_dialog_present_tune (PactePortfolioDialog *self,
                                     const char           *rule_id)
{
  GtkWidget *dialog;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO_DIALOG (self), NULL);
  dialog = pacte_tune_dialog_new (GTK_WINDOW (self), self->context, PACTE_RECORD (self->portfolio), rule_id);
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_rule_switch (GtkSwitch            *toggle,
                GParamSpec           *pspec,
                PactePortfolioDialog *self)
{
  const char *rule_id = g_object_get_data (G_OBJECT (toggle), "rule-id");
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;
  if (!gtk_switch_get_active (toggle))
    pacte_portfolio_dialog_ask_switch_off (self, rule_id);
  else if (!pacte_portfolio_dialog_switch_on (self, rule_id, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
on_tune_clicked (GtkButton            *button,
                 PactePortfolioDialog *self)
{
  pacte_portfolio_dialog_present_tune (self, g_object_get_data (G_OBJECT (button), "rule-id"));
}

static void
build_rules (PactePortfolioDialog *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const char *lang = pacte_context_get_language (self->context);

  self->rules_page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (self->rules_page, _("Golden Rules"));
  adw_preferences_page_set_name (self->rules_page, "rules");
  adw_preferences_page_set_icon_name (self->rules_page, "emblem-ok-symbolic");
  adw_preferences_group_set_title (group, _("For All Plans"));
  adw_preferences_group_set_description (group, _("Switch a rule off, with a reason, or tune its values for every plan "
                                                  "of the portfolio. A plan’s own setting, made in its rules panel, "
                                                  "comes first: such plans are named under the rule."));
  for (guint r = 0; r < pacte_rule_set_get_n_rules (rules (self)); r++)
    {
      const char *rule_id = pacte_rule_set_get_id (rules (self), r);
      const char * const *names = pacte_rule_set_get_param_names (rules (self), r);
      g_autofree char *title = g_strdup_printf (_("%s · %s"), rule_id, pacte_rule_set_get_title (rules (self), r, lang));
      g_autofree char *switch_name = g_strdup_printf (_("%s for all plans"), title);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (toggle), "rule-id", g_strdup (rule_id), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, switch_name, -1);
      g_signal_connect (toggle, "notify::active", G_CALLBACK (on_rule_switch), self);
      if (names != NULL && names[0] != NULL)
        {
          GtkWidget *tune = gtk_button_new_from_icon_name ("emblem-system-symbolic");
          g_autofree char *tune_name = g_strdup_printf (_("Tune %s for all plans"), title);

          gtk_widget_set_valign (tune, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (tune, "flat");
          gtk_widget_set_tooltip_text (tune, _("Tune for All Plans…"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (tune), GTK_ACCESSIBLE_PROPERTY_LABEL, tune_name, -1);
          g_object_set_data_full (G_OBJECT (tune), "rule-id", g_strdup (rule_id), g_free);
          g_signal_connect (tune, "clicked", G_CALLBACK (on_tune_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), tune);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->rule_rows, row);
      g_ptr_array_add (self->rule_switches, toggle);
    }
  adw_preferences_page_add (self->rules_page, group);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), self->rules_page);
}

/* ---- Object ------------------------------------------------------------------ */

static void
on_record_changed (PactePortfolioDialog *self,
                   PacteRecord          *owner,
                   PacteRecord          *record)
{
  if (record == PACTE_RECORD (self->portfolio))
    update_properties (self);
  if (PACTE_IS_OVERRIDE (record) || PACTE_IS_PORTFOLIO (owner) || PACTE_IS_PORTFOLIO (record) || PACTE_IS_PLAN (record))
    update_rules (self);
}

static void
pacte_portfolio_dialog_dispose (GObject *object)
{
  PactePortfolioDialog *self = PACTE_PORTFOLIO_DIALOG (object);

  if (self->portfolio != NULL)
    g_clear_signal_handler (&self->changed_id, self->portfolio);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->context);
  g_clear_pointer (&self->rule_rows, g_ptr_array_unref);
  g_clear_pointer (&self->rule_switches, g_ptr_array_unref);
  G_OBJECT_CLASS (pacte_portfolio_dialog_parent_class)->dispose (object);
}

static void
pacte_portfolio_dialog_class_init (PactePortfolioDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pacte_portfolio_dialog_dispose;
}

static void
pacte_portfolio_dialog_init (PactePortfolioDialog *self)
{
  self->rule_rows = g_ptr_array_new ();
  self->rule_switches = g_ptr_array_new ();
}

GtkWidget *
pacte_portfolio_dialog_new (GtkWindow    *parent,
                            PacteContext *context)
{
  PactePortfolioDialog *self;

  g_return_val_if_fail (PACTE_IS_CONTEXT (context), NULL);

  self = g_object_new (PACTE_TYPE_PORTFOLIO_DIALOG,
                       "transient-for", parent, "modal", TRUE,
                       "title", _("Portfolio Settings"),
                       "search-enabled", FALSE,
                       "default-width", 640, "default-height", 640,
                       NULL);
  self->context = g_object_ref (context);
  self->portfolio = g_object_ref (pacte_context_get_portfolio (context));
  build_properties (self);
  build_rules (self);
  update_properties (self);
  update_rules (self);
  self->changed_id = g_signal_connect_swapped (self->portfolio, "record-changed",
                                               G_CALLBACK (on_record_changed), self);
  return GTK_WIDGET (self);
}

void
pacte_portfolio_dialog_show_page (PactePortfolioDialog *self,
                                  const char           *page)
{
  g_return_if_fail (PACTE_IS_PORTFOLIO_DIALOG (self));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self), page);
}

const char *
pacte_portfolio_dialog_get_page (PactePortfolioDialog *self)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO_DIALOG (self), NULL);
  return adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (self));
}

AdwActionRow *
pacte_portfolio_dialog_get_rule_row (PactePortfolioDialog *self,
                                     const char           *rule_id)
{
  int index;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO_DIALOG (self), NULL);
  index = pacte_rule_set_find (rules (self), rule_id);
  return index >= 0 && (guint) index < self->rule_rows->len ? g_ptr_array_index (self->rule_rows, index) : NULL;
}
