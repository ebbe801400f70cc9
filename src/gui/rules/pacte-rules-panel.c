/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "pacte-analysis.h"
#include "pacte-fix-first-list.h"
#include "pacte-i18n.h"
#include "pacte-rule-row.h"
#include "pacte-rule-settings.h"
#include "pacte-tune-dialog.h"
#include "pacte-rules-panel.h"
#include "pacte-reason-dialog.h"
#include "pacte-trend-chart.h"

struct _PacteRulesPanel
{
  GtkBox            parent_instance;

  PacteContext     *context;
  PactePlan        *plan;
  PactePlanResults *results;
  PactePortfolio   *portfolio;      /* watched for rule settings and overrides */
  gulong            portfolio_id;

  GtkLabel         *summary_label;
  GtkLabel         *score_label;
  PacteTrendChart  *trend_chart;     /* the score at each review, then now */
  PacteFixFirstList *fix_first;      /* the failing rules, largest gain first */
  /* The titles line up whatever the status word ("Green", "Désactivée"):
   * every light is as wide as the widest word (no size group, whose
   * members would all be measured again when one light changes). */
  GtkListBox       *list_box;
};

G_DEFINE_FINAL_TYPE (PacteRulesPanel, pacte_rules_panel, GTK_TYPE_BOX)

enum {
  RULE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *name;
  const char *label;
} param_labels[] = {
  { "min_levels", N_("Minimum number of governance levels") },
  { "amber_days", N_("Days without activity before amber") },
  { "red_days", N_("Days without activity before red") },
  { "min_champions", N_("Minimum number of champions") },
  { "min_actions", N_("Minimum number of open actions") },
  { "min_linked_ratio", N_("Minimum share of open actions linked to an objective") },
  { "horizon_quarters", N_("Short-term horizon, in quarters") },
};

const char *
pacte_rules_panel_param_label (const char *param)
{
  for (guint i = 0; i < G_N_ELEMENTS (param_labels); i++)
    if (g_strcmp0 (param_labels[i].name, param) == 0)
      return _(param_labels[i].label);
  return param;
}

/* ---- header --------------------------------------------------------- */

/* Setting a label's text queues a relayout even when it is the same text. */
static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

void
pacte_rules_panel_show_score (GtkLabel *label,
                              int       score)
{
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  if (score < 0)
    {
      text = g_strdup ("–");
      accessible = g_strdup (_("No score: every rule is switched off"));
    }
  else
    {
      text = g_strdup_printf ("%d", score);
      accessible = g_strdup_printf (_("Score %d out of 100"), score);
    }
  set_label (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* "11 green", "5 amber": the colour word agrees with its count (French:
 * « 11 verts », « 5 orange », « 1 désactivée »).  Everywhere a count of
 * lights is said, it is said with these. */
char *
pacte_rules_panel_count_text (PacteStatus status,
                              guint       n)
{
  switch (status)
    {
    case PACTE_STATUS_GREEN:
      /* Translators: counts of lights; the colour agrees with the number */
      return g_strdup_printf (ngettext ("%u green", "%u green", n), n);
    case PACTE_STATUS_AMBER:
      return g_strdup_printf (ngettext ("%u amber", "%u amber", n), n);
    case PACTE_STATUS_RED:
      return g_strdup_printf (ngettext ("%u red", "%u red", n), n);
    default:
      /* Translators: a count of rules switched off */
      return g_strdup_printf (ngettext ("%u off", "%u off", n), n);
    }
}

/* "11 green · 5 amber · 0 red · 1 off". */
char *
pacte_rules_panel_counts_text_sep (PactePlanResults *results,
                                   const char       *separator)
{
  g_autofree char *g = NULL, *a = NULL, *r = NULL, *o = NULL;

  g_return_val_if_fail (PACTE_IS_PLAN_RESULTS (results), NULL);

  g = pacte_rules_panel_count_text (PACTE_STATUS_GREEN, pacte_plan_results_count (results, PACTE_STATUS_GREEN));
  a = pacte_rules_panel_count_text (PACTE_STATUS_AMBER, pacte_plan_results_count (results, PACTE_STATUS_AMBER));
  r = pacte_rules_panel_count_text (PACTE_STATUS_RED, pacte_plan_results_count (results, PACTE_STATUS_RED));
  o = pacte_rules_panel_count_text (PACTE_STATUS_OFF, pacte_plan_results_count (results, PACTE_STATUS_OFF));
  return g_strjoin (separator, g, a, r, o, NULL);
}

char *
pacte_rules_panel_counts_text (PactePlanResults *results)
{
  return pacte_rules_panel_counts_text_sep (results, " · ");
}

/* A rule is tuned when a parameter's effective value for the plan (its
 * override, else the portfolio's rule settings) is not the rule's default. */
static gboolean
rule_is_tuned (PacteRulesPanel *self,
               guint            index)
{
  PacteRuleSet *rules = pacte_context_get_rules (self->context);
  const char * const *names = pacte_rule_set_get_param_names (rules, index);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (pacte_effective_param (rules, pacte_context_get_portfolio (self->context), self->plan, index, names[i])
        != pacte_rule_set_get_param_default (rules, index, names[i]))
      return TRUE;
  return FALSE;
}

static void
update_marks (PacteRulesPanel *self)
{
  if (self->context == NULL || self->plan == NULL)
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (PACTE_IS_RULE_ROW (row) && gtk_widget_get_visible (row))
      {
        int index = pacte_rule_set_find (pacte_context_get_rules (self->context),
                                         pacte_rule_result_get_rule_id (pacte_rule_row_get_result (PACTE_RULE_ROW (row))));

        if (index >= 0)
          pacte_rule_row_set_tuned (PACTE_RULE_ROW (row), rule_is_tuned (self, (guint) index));
      }
}

static void
update_trend (PacteRulesPanel *self)
{
  if (self->results == NULL)
    return;
  pacte_trend_chart_update (self->trend_chart, pacte_context_get_rules (self->context), self->plan,
                            pacte_context_get_today (self->context), pacte_plan_results_get_score (self->results));
}

static void
update_header (PacteRulesPanel *self)
{
  g_autofree char *summary = NULL;
  guint n_off;
  int score;

  if (self->results == NULL)
    {
      set_label (self->summary_label, "");
      set_label (self->score_label, "");
      pacte_fix_first_list_update (self->fix_first, NULL);
      pacte_trend_chart_update (self->trend_chart, NULL, NULL, 0, -1);
      return;
    }

  summary = pacte_rules_panel_counts_text (self->results);
  set_label (self->summary_label, summary);
  score = pacte_plan_results_get_score (self->results);
  n_off = pacte_plan_results_count (self->results, PACTE_STATUS_OFF);
  pacte_rules_panel_show_score (self->score_label, score);
  /* The score's basis: rules switched off do not count. */
  if (score >= 0 && n_off > 0)
    {
      g_autofree char *text = NULL;
      g_autofree char *accessible = NULL;

      /* Translators: the score and its basis: "97 · 1 rule off" */
      text = g_strdup_printf (ngettext ("%d · %u rule off", "%d · %u rules off", n_off), score, n_off);
      /* Translators: "Score 97 out of 100, 1 rule switched off" */
      accessible = g_strdup_printf (ngettext ("Score %d out of 100, %u rule switched off",
                                              "Score %d out of 100, %u rules switched off", n_off),
                                    score, n_off);
      set_label (self->score_label, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    }
  update_marks (self);
  pacte_fix_first_list_update (self->fix_first, self->results);
  update_trend (self);
}

static void
portfolio_record_changed_cb (PacteRulesPanel *self,
                             PacteRecord     *owner,
                             PacteRecord     *record)
{
  /* Tuning writes an override of the plan or the portfolio's settings. */
  if (PACTE_IS_OVERRIDE (record) || PACTE_IS_PORTFOLIO (owner) || PACTE_IS_PORTFOLIO (record)
      || (record == owner && owner == PACTE_RECORD (self->plan)))
    update_marks (self);
  /* A review recorded, edited or removed: the trend's points. */
  if (self->plan != NULL && (owner == PACTE_RECORD (self->plan) || record == PACTE_RECORD (self->plan)))
    update_trend (self);
}

static void
watch_portfolio (PacteRulesPanel *self)
{
  PactePortfolio *portfolio = self->context != NULL ? pacte_context_get_portfolio (self->context) : NULL;

  if (self->portfolio == portfolio)
    return;
  if (self->portfolio != NULL)
    g_clear_signal_handler (&self->portfolio_id, self->portfolio);
  g_clear_object (&self->portfolio);
  if (portfolio != NULL)
    {
      self->portfolio = g_object_ref (portfolio);
      self->portfolio_id = g_signal_connect_swapped (portfolio, "record-changed",
                                                     G_CALLBACK (portfolio_record_changed_cb), self);
    }
}

static void
disconnect_results (PacteRulesPanel *self)
{
  if (self->results == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->results, self);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->results)); i++)
    {
      PacteRuleResult *result = pacte_plan_results_get_result (self->results, i);

      g_signal_handlers_disconnect_by_data (result, self);
    }
  g_clear_object (&self->results);
}

static gboolean
rule_has_params (PacteRulesPanel *self,
                 PacteRuleResult *result)
{
  PacteRuleSet *rules;
  const char * const *names;
  int index;

  if (self->context == NULL)
    return FALSE;
  rules = pacte_context_get_rules (self->context);
  index = pacte_rule_set_find (rules, pacte_rule_result_get_rule_id (result));
  names = index >= 0 ? pacte_rule_set_get_param_names (rules, index) : NULL;
  return names != NULL && names[0] != NULL;
}

/* The rows are made once, for the first plan shown: every later plan has
 * the same sixteen rules, and its results are handed to the same rows
 * (a switch of plans makes no widget).  Rows are added or removed only
 * when the rule set has another number of rules. */
static void
bind_rows (PacteRulesPanel *self)
{
  guint n = self->results != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->results)) : 0;
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
  guint i = 0;

  for (; i < n; i++)
    {
      PacteRuleResult *result = pacte_plan_results_get_result (self->results, i);
      gboolean has_params = rule_has_params (self, result);

      while (child != NULL && !PACTE_IS_RULE_ROW (child))
        child = gtk_widget_get_next_sibling (child);
      if (child != NULL)
        {
          pacte_rule_row_set_result (PACTE_RULE_ROW (child), result, has_params);
          gtk_widget_set_visible (child, TRUE);
          child = gtk_widget_get_next_sibling (child);
        }
      else
        {
          GtkWidget *row = pacte_rule_row_new (result, has_params);

          gtk_list_box_append (self->list_box, row);
        }
    }
  /* Without a plan the rows stay, hidden, for the next one. */
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (n == 0)
        gtk_widget_set_visible (child, FALSE);
      else
        gtk_list_box_remove (self->list_box, child);
      child = next;
    }
}

static void
rebind (PacteRulesPanel *self)
{
  disconnect_results (self);

  if (self->context != NULL && self->plan != NULL)
    self->results = g_object_ref (pacte_context_get_results (self->context, self->plan));

  if (self->results != NULL)
    {
      g_signal_connect_swapped (self->results, "notify::score", G_CALLBACK (update_header), self);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->results)); i++)
        g_signal_connect_swapped (pacte_plan_results_get_result (self->results, i),
                                  "notify::status", G_CALLBACK (update_header), self);
    }

  bind_rows (self);
  update_header (self);
}

/* A fix-first entry's button: the same as activating the rule's row. */
static void
on_fix_activated (PacteRulesPanel *self,
                  const char      *rule_id)
{
  g_signal_emit (self, signals[RULE_ACTIVATED], 0, rule_id);
}

static void
on_row_activated (PacteRulesPanel *self,
                  GtkListBoxRow   *row)
{
  PacteRuleResult *result;

  if (!PACTE_IS_RULE_ROW (row))
    return;
  result = pacte_rule_row_get_result (PACTE_RULE_ROW (row));
  if (result != NULL)
    g_signal_emit (self, signals[RULE_ACTIVATED], 0, pacte_rule_result_get_rule_id (result));
}

/* ---- model edits ---------------------------------------------------- */

static gboolean
check_ready (PacteRulesPanel  *self,
             const char       *rule_id,
             GError          **error)
{
  if (self->context == NULL || self->plan == NULL)
    {
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                   _("No plan is selected"));
      return FALSE;
    }
  if (!pacte_rule_set_has_rule (pacte_context_get_rules (self->context), rule_id))
    {
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_UNKNOWN_RULE,
                   _("Unknown rule “%s”"), rule_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
pacte_rules_panel_switch_off (PacteRulesPanel  *self,
                              const char       *rule_id,
                              const char       *reason,
                              GError          **error)
{
  g_return_val_if_fail (PACTE_IS_RULES_PANEL (self), FALSE);
  g_return_val_if_fail (rule_id != NULL, FALSE);

  if (!check_ready (self, rule_id, error))
    return FALSE;
  return pacte_rule_settings_switch_off (pacte_context_get_rules (self->context),
                                         pacte_context_get_portfolio (self->context),
                                         PACTE_RECORD (self->plan), rule_id, reason, error);
}

gboolean
pacte_rules_panel_switch_on (PacteRulesPanel  *self,
                             const char       *rule_id,
                             GError          **error)
{
  g_return_val_if_fail (PACTE_IS_RULES_PANEL (self), FALSE);
  g_return_val_if_fail (rule_id != NULL, FALSE);

  if (!check_ready (self, rule_id, error))
    return FALSE;
  return pacte_rule_settings_switch_on (pacte_context_get_rules (self->context),
                                        pacte_context_get_portfolio (self->context),
                                        PACTE_RECORD (self->plan), rule_id, error);
}

gboolean
pacte_rules_panel_set_params (PacteRulesPanel    *self,
                              const char         *rule_id,
                              const char * const *names,
                              const double       *values,
                              guint               n,
                              GError            **error)
{
  PacteRuleSet *rules;
  const char * const *all;
  double effective[16];
  int index;

  g_return_val_if_fail (PACTE_IS_RULES_PANEL (self), FALSE);
  g_return_val_if_fail (rule_id != NULL, FALSE);
  g_return_val_if_fail (n == 0 || (names != NULL && values != NULL), FALSE);

  if (!check_ready (self, rule_id, error))
    return FALSE;
  rules = pacte_context_get_rules (self->context);
  index = pacte_rule_set_find (rules, rule_id);
  for (guint i = 0; i < n; i++)
    if (!pacte_rule_set_has_param (rules, rule_id, names[i]))
      {
        g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_UNKNOWN_RULE,
                     _("Rule %s has no parameter “%s”"), rule_id, names[i]);
        return FALSE;
      }

  /* The parameters not named keep their effective values. */
  pacte_effective_params (rules, pacte_context_get_portfolio (self->context), self->plan, (guint) index, effective);
  all = pacte_rule_set_get_param_names (rules, (guint) index);
  for (guint i = 0; i < n; i++)
    for (guint p = 0; all[p] != NULL; p++)
      if (g_str_equal (all[p], names[i]))
        effective[p] = values[i];
  return pacte_rule_settings_set_params (rules, pacte_context_get_portfolio (self->context),
                                         PACTE_RECORD (self->plan), rule_id, effective, error);
}

/* ---- dialogs -------------------------------------------------------- */

static void
show_error (PacteRulesPanel *self,
            const char      *heading,
            const GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
rule_label (PacteRulesPanel *self,
            const char      *rule_id)
{
  PacteRuleSet *rules = pacte_context_get_rules (self->context);
  int index = pacte_rule_set_find (rules, rule_id);

  /* Written as the rule's row writes it: "R04 · Strong governance". */
  return g_strdup_printf (_("%s · %s"), rule_id,
                          pacte_rule_set_get_title (rules, index,
                                                    pacte_context_get_language (self->context)));
}

typedef struct {
  PacteRulesPanel *panel;
  PactePlan       *plan;
  char            *rule_id;
  GtkWidget       *entry;      /* switch off: the reason */
} DialogData;

static void
dialog_data_free (gpointer data)
{
  DialogData *d = data;

  g_object_unref (d->panel);
  g_clear_object (&d->plan);
  g_free (d->rule_id);
  g_free (d);
}

/* The dialog applies to the plan shown when it was opened. */
static gboolean
same_plan (DialogData *d)
{
  return d->panel->plan == d->plan;
}

static void
on_switch_off_response (AdwMessageDialog *dialog,
                        const char       *response,
                        DialogData       *d)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "switch-off") || !same_plan (d))
    return;
  if (!pacte_rules_panel_switch_off (d->panel, d->rule_id,
                                     gtk_editable_get_text (GTK_EDITABLE (d->entry)), &error))
    show_error (d->panel, _("Could Not Switch the Rule Off"), error);
}

GtkWidget *
pacte_rules_panel_present_switch_off (PacteRulesPanel *self,
                                      const char      *rule_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *label = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  DialogData *d;

  g_return_val_if_fail (PACTE_IS_RULES_PANEL (self), NULL);
  if (!check_ready (self, rule_id, NULL))
    return NULL;

  label = rule_label (self, rule_id);
  heading = g_strdup_printf (_("Switch Off “%s”?"), label);
  d = g_new0 (DialogData, 1);
  d->panel = g_object_ref (self);
  d->plan = g_object_ref (self->plan);
  d->rule_id = g_strdup (rule_id);
  dialog = pacte_reason_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                    _("The rule will no longer count in this plan’s score. Write down why it does not apply, so that the next reviewer understands."),
                                    &d->entry);

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_switch_off_response),
                         d, (GClosureNotify) (void (*) (void)) dialog_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (d->entry);
  return dialog;
}

void
pacte_rules_panel_switch_on_with_feedback (PacteRulesPanel *self,
                                           const char      *rule_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PACTE_IS_RULES_PANEL (self));
  if (!pacte_rules_panel_switch_on (self, rule_id, &error))
    show_error (self, _("Could Not Switch the Rule On"), error);
}

GtkWidget *
pacte_rules_panel_present_tune (PacteRulesPanel *self,
                                const char      *rule_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_return_val_if_fail (PACTE_IS_RULES_PANEL (self), NULL);
  if (!check_ready (self, rule_id, NULL))
    return NULL;
  dialog = pacte_tune_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context,
                                  PACTE_RECORD (self->plan), rule_id);
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* ---- object --------------------------------------------------------- */

static void
pacte_rules_panel_dispose (GObject *object)
{
  PacteRulesPanel *self = PACTE_RULES_PANEL (object);

  if (self->portfolio != NULL)
    g_clear_signal_handler (&self->portfolio_id, self->portfolio);
  g_clear_object (&self->portfolio);
  disconnect_results (self);
  g_clear_object (&self->plan);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), PACTE_TYPE_RULES_PANEL);
  G_OBJECT_CLASS (pacte_rules_panel_parent_class)->dispose (object);
}

/* The rule rows' menus: "rules.switch-off", "rules.switch-on" and
 * "rules.tune", each with the rule's id. */
static void
rule_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PacteRulesPanel *self = PACTE_RULES_PANEL (widget);
  const char *rule_id = g_variant_get_string (parameter, NULL);

  if (self->context == NULL || self->plan == NULL)
    return;
  if (g_str_equal (action_name, "rules.switch-off"))
    pacte_rules_panel_present_switch_off (self, rule_id);
  else if (g_str_equal (action_name, "rules.switch-on"))
    pacte_rules_panel_switch_on_with_feedback (self, rule_id);
  else if (g_str_equal (action_name, "rules.tune"))
    pacte_rules_panel_present_tune (self, rule_id);
}

static void
pacte_rules_panel_class_init (PacteRulesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacte_rules_panel_dispose;

  signals[RULE_ACTIVATED] =
    g_signal_new ("rule-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (PACTE_TYPE_RULE_ROW);
  g_type_ensure (PACTE_TYPE_TREND_CHART);
  g_type_ensure (PACTE_TYPE_FIX_FIRST_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacte/Pacte/ui/pacte-rules-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PacteRulesPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PacteRulesPanel, score_label);
  gtk_widget_class_bind_template_child (widget_class, PacteRulesPanel, list_box);
  gtk_widget_class_bind_template_child (widget_class, PacteRulesPanel, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, PacteRulesPanel, fix_first);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_fix_activated);

  gtk_widget_class_install_action (widget_class, "rules.switch-off", "s", rule_action);
  gtk_widget_class_install_action (widget_class, "rules.switch-on", "s", rule_action);
  gtk_widget_class_install_action (widget_class, "rules.tune", "s", rule_action);
}

static void
pacte_rules_panel_init (PacteRulesPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pacte_rules_panel_new (void)
{
  return g_object_new (PACTE_TYPE_RULES_PANEL, NULL);
}

void
pacte_rules_panel_set_context (PacteRulesPanel *self,
                               PacteContext    *context)
{
  g_return_if_fail (PACTE_IS_RULES_PANEL (self));
  g_return_if_fail (context == NULL || PACTE_IS_CONTEXT (context));

  if (self->context == context)
    return;
  g_clear_object (&self->plan);
  g_set_object (&self->context, context);
  watch_portfolio (self);
  rebind (self);
}

PacteContext *
pacte_rules_panel_get_context (PacteRulesPanel *self)
{
  g_return_val_if_fail (PACTE_IS_RULES_PANEL (self), NULL);
  return self->context;
}

void
pacte_rules_panel_set_plan (PacteRulesPanel *self,
                            PactePlan       *plan)
{
  g_return_if_fail (PACTE_IS_RULES_PANEL (self));
  g_return_if_fail (plan == NULL || PACTE_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;
  rebind (self);
}

PactePlan *
pacte_rules_panel_get_plan (PacteRulesPanel *self)
{
  g_return_val_if_fail (PACTE_IS_RULES_PANEL (self), NULL);
  return self->plan;
}

GtkWidget *
pacte_rules_panel_get_row (PacteRulesPanel *self,
                           const char      *rule_id)
{
  g_return_val_if_fail (PACTE_IS_RULES_PANEL (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      PacteRuleResult *result;

      if (!PACTE_IS_RULE_ROW (child) || !gtk_widget_get_visible (child))
        continue;
      result = pacte_rule_row_get_result (PACTE_RULE_ROW (child));
      if (result != NULL && g_strcmp0 (pacte_rule_result_get_rule_id (result), rule_id) == 0)
        return child;
    }
  return NULL;
}

const char *
pacte_rules_panel_get_score_text (PacteRulesPanel *self)
{
  g_return_val_if_fail (PACTE_IS_RULES_PANEL (self), NULL);
  return gtk_label_get_label (self->score_label);
}

GtkWidget *
pacte_rules_panel_get_fix_first (PacteRulesPanel *self)
{
  g_return_val_if_fail (PACTE_IS_RULES_PANEL (self), NULL);
  return GTK_WIDGET (self->fix_first);
}

GtkWidget *
pacte_rules_panel_get_trend_chart (PacteRulesPanel *self)
{
  g_return_val_if_fail (PACTE_IS_RULES_PANEL (self), NULL);
  return GTK_WIDGET (self->trend_chart);
}
