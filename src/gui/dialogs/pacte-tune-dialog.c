/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-tune-dialog.c: a rule's parameters for a plan or every plan. */
#include "config.h"

#include <math.h>

#include "pacte-i18n.h"
#include "pacte-report-format.h"
#include "pacte-rule-settings.h"
#include "pacte-rules-panel.h"
#include "pacte-tune-dialog.h"

struct _PacteTuneDialog
{
  AdwMessageDialog  parent_instance;

  PacteContext     *context;
  PacteRecord      *owner;       /* a PactePlan or the PactePortfolio */
  guint             rule_index;
  char             *rule_id;
  GPtrArray        *spins;       /* one GtkSpinButton per parameter, in the rule's order */
  GtkLabel         *error_label;
  char             *error;
};

G_DEFINE_FINAL_TYPE (PacteTuneDialog, pacte_tune_dialog, ADW_TYPE_MESSAGE_DIALOG)

static const char *
param_name (PacteTuneDialog *self,
            guint            i)
{
  return pacte_rule_set_get_param_names (pacte_context_get_rules (self->context), self->rule_index)[i];
}

static char *
number_text (double value)
{
  return pacte_format_number (pacte_i18n_user_language (), value, value == floor (value) ? 0 : 2);
}

/* "“Days without activity before amber” (200) must be at most “Days without
 * activity before red” (90)", in the interface's words. */
static char *
describe_break (PacteTuneDialog       *self,
                const double          *values,
                const PacteParamBreak *broken,
                PactePlan             *plan)
{
  g_autofree char *value = number_text (values[broken->param]);
  g_autofree char *bound = number_text (broken->bound);
  const char *name = pacte_rules_panel_param_label (param_name (self, broken->param));
  g_autofree char *what = NULL;

  if (broken->other >= 0)
    {
      const char *other = pacte_rules_panel_param_label (param_name (self, (guint) broken->other));

      what = broken->at_most
             /* Translators: "“Days without activity before amber” (200) must be at most “Days without activity before red” (90)." */
             ? g_strdup_printf (_("“%s” (%s) must be at most “%s” (%s)."), name, value, other, bound)
             : g_strdup_printf (_("“%s” (%s) must be at least “%s” (%s)."), name, value, other, bound);
    }
  else
    what = broken->at_most
           ? g_strdup_printf (_("“%s” (%s) must be at most %s."), name, value, bound)
           : g_strdup_printf (_("“%s” (%s) must be at least %s."), name, value, bound);
  if (plan == NULL)
    return g_steal_pointer (&what);
  /* Translators: the plan tunes the rule itself, so keeps some of its own values */
  return g_strdup_printf (_("The plan “%s” tunes this rule itself, and with these values: %s"),
                          pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME), what);
}

static void
read_values (PacteTuneDialog *self,
             double          *values)
{
  for (guint i = 0; i < self->spins->len; i++)
    values[i] = gtk_spin_button_get_value (g_ptr_array_index (self->spins, i));
}

static void
validate (PacteTuneDialog *self)
{
  double values[16];
  PacteParamBreak broken;
  PactePlan *plan = NULL;

  g_clear_pointer (&self->error, g_free);
  read_values (self, values);
  if (!pacte_rule_settings_check (pacte_context_get_rules (self->context), pacte_context_get_portfolio (self->context),
                                  self->owner, self->rule_index, values, &broken, &plan))
    {
      /* For a plan, the values it would really use: its own. */
      double merged[16];

      memcpy (merged, values, sizeof merged);
      if (plan != NULL)
        {
          PacteOverride *own = pacte_plan_find_override (plan, self->rule_id);

          for (guint i = 0; i < self->spins->len; i++)
            {
              double v = pacte_record_map_get_number (PACTE_RECORD (own), PACTE_OVERRIDE_PARAMS, param_name (self, i));

              if (!isnan (v))
                merged[i] = v;
            }
        }
      self->error = describe_break (self, merged, &broken, plan);
    }
  gtk_label_set_label (self->error_label, self->error != NULL ? self->error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error != NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply", self->error == NULL);
  for (guint i = 0; i < self->spins->len; i++)
    {
      GtkWidget *spin = g_ptr_array_index (self->spins, i);

      if (self->error != NULL && i == broken.param)
        gtk_widget_add_css_class (spin, "error");
      else
        gtk_widget_remove_css_class (spin, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_STATE_INVALID,
                                   self->error != NULL && i == broken.param
                                   ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
    }
}

static gboolean
set_values (PacteTuneDialog  *self,
            const double     *values,
            GError          **error)
{
  return pacte_rule_settings_set_params (pacte_context_get_rules (self->context),
                                         pacte_context_get_portfolio (self->context),
                                         self->owner, self->rule_id, values, error);
}

gboolean
pacte_tune_dialog_apply (PacteTuneDialog  *self,
                         GError          **error)
{
  double values[16];

  g_return_val_if_fail (PACTE_IS_TUNE_DIALOG (self), FALSE);

  validate (self);
  if (self->error != NULL)
    {
      g_set_error_literal (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID, self->error);
      return FALSE;
    }
  read_values (self, values);
  return set_values (self, values, error);
}

static void
on_response (PacteTuneDialog *self,
             const char      *response)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (g_str_equal (response, "apply"))
    ok = pacte_tune_dialog_apply (self, &error);
  else if (g_str_equal (response, "reset"))
    {
      double values[16];

      for (guint i = 0; i < self->spins->len; i++)
        values[i] = pacte_rule_settings_baseline (pacte_context_get_rules (self->context),
                                                  pacte_context_get_portfolio (self->context),
                                                  self->owner, self->rule_index, param_name (self, i));
      ok = set_values (self, values, &error);
    }
  if (!ok)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Tune the Rule"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
pacte_tune_dialog_dispose (GObject *object)
{
  PacteTuneDialog *self = PACTE_TUNE_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->owner);
  g_clear_pointer (&self->spins, g_ptr_array_unref);
  g_clear_pointer (&self->rule_id, g_free);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (pacte_tune_dialog_parent_class)->dispose (object);
}

static void
pacte_tune_dialog_class_init (PacteTuneDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pacte_tune_dialog_dispose;
}

static void
pacte_tune_dialog_init (PacteTuneDialog *self)
{
  self->spins = g_ptr_array_new ();
}

static GtkWidget *
spin_for (PacteTuneDialog *self,
          guint            i,
          double           baseline,
          double           current)
{
  double min, max;
  gboolean fraction;
  GtkWidget *spin;

  pacte_rule_set_get_param_range (pacte_context_get_rules (self->context), self->rule_index,
                                  param_name (self, i), &min, &max);
  fraction = baseline != floor (baseline) || (isfinite (max) && max <= 1);
  min = isfinite (min) ? min : 0;
  max = isfinite (max) ? max : 3650;
  spin = gtk_spin_button_new_with_range (min, max, fraction ? 0.05 : 1);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), fraction ? 2 : 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), current);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  return spin;
}

GtkWidget *
pacte_tune_dialog_new (GtkWindow    *parent,
                       PacteContext *context,
                       PacteRecord  *owner,
                       const char   *rule_id)
{
  PacteRuleSet *rules;
  PactePortfolio *portfolio;
  PacteTuneDialog *self;
  const char * const *names;
  g_autofree char *heading = NULL;
  GtkWidget *box, *list;
  gboolean whole;
  int index;

  g_return_val_if_fail (PACTE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (PACTE_IS_PLAN (owner) || PACTE_IS_PORTFOLIO (owner), NULL);

  rules = pacte_context_get_rules (context);
  portfolio = pacte_context_get_portfolio (context);
  index = pacte_rule_set_find (rules, rule_id);
  if (index < 0)
    return NULL;
  names = pacte_rule_set_get_param_names (rules, (guint) index);
  if (names == NULL || names[0] == NULL)
    return NULL;
  whole = PACTE_IS_PORTFOLIO (owner);

  /* Written as the rule's row writes it: "R04 · Strong governance". */
  heading = g_strdup_printf (_("Tune “%s · %s”"), rule_id,
                             pacte_rule_set_get_title (rules, (guint) index, pacte_context_get_language (context)));
  self = g_object_new (PACTE_TYPE_TUNE_DIALOG,
                       "transient-for", parent, "modal", TRUE,
                       "heading", heading,
                       "body", whole ? _("These values apply to every plan, except where a plan tunes the rule itself. "
                                         "The rule’s own value is shown under each one.")
                                     : _("These values apply to this plan only. The value the plan would otherwise use "
                                         "is shown under each one."),
                       NULL);
  self->context = g_object_ref (context);
  self->owner = g_object_ref (owner);
  self->rule_index = (guint) index;
  self->rule_id = g_strdup (rule_id);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    "apply", _("_Apply"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);

  for (guint i = 0; names[i] != NULL && i < 16; i++)
    {
      double baseline = pacte_rule_settings_baseline (rules, portfolio, owner, (guint) index, names[i]);
      double current = whole ? pacte_effective_param (rules, portfolio, NULL, (guint) index, names[i])
                             : pacte_effective_param (rules, portfolio, PACTE_PLAN (owner), (guint) index, names[i]);
      g_autofree char *value = number_text (baseline);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = spin_for (self, i, baseline, current);

      /* Translators: under a rule parameter in the Tune dialog: the value used without tuning */
      subtitle = g_strdup_printf (_("Otherwise: %s"), value);
      /* Plain text, as every row's: a parameter's name comes from the rule set. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pacte_rules_panel_param_label (names[i]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      /* Also labels the spin button with the row's title (labelled-by). */
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (self->spins, spin);
      g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (validate), self);
    }

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Why the values cannot be applied"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);

  g_signal_connect (self, "response", G_CALLBACK (on_response), NULL);
  validate (self);
  return GTK_WIDGET (self);
}

void
pacte_tune_dialog_set_value (PacteTuneDialog *self,
                             const char      *param,
                             double           value)
{
  g_return_if_fail (PACTE_IS_TUNE_DIALOG (self));

  for (guint i = 0; i < self->spins->len; i++)
    if (g_strcmp0 (param_name (self, i), param) == 0)
      gtk_spin_button_set_value (g_ptr_array_index (self->spins, i), value);
}

const char *
pacte_tune_dialog_get_error (PacteTuneDialog *self)
{
  g_return_val_if_fail (PACTE_IS_TUNE_DIALOG (self), NULL);
  return self->error;
}
