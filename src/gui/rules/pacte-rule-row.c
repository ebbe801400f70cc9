/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pacte-i18n.h"
#include "pacte-rule-row.h"
#include "pacte-rules-panel.h"

struct _PacteRuleRow
{
  GtkListBoxRow    parent_instance;

  PacteRuleResult *result;
  gboolean         has_params;

  PacteLight      *light;
  GtkLabel        *title_label;
  GtkLabel        *explanation_label;
  GtkLabel        *advice_label;
  GtkToggleButton *advice_button;
  GtkMenuButton   *menu_button;
};

G_DEFINE_FINAL_TYPE (PacteRuleRow, pacte_rule_row, GTK_TYPE_LIST_BOX_ROW)

static void
update_from_result (PacteRuleRow *self)
{
  PacteStatus status;

  if (self->result == NULL)
    return;

  status = pacte_rule_result_get_status (self->result);
  pacte_light_set_status (self->light, status);
  /* A label queues a relayout of the whole window even for the same text. */
  if (g_strcmp0 (gtk_label_get_label (self->explanation_label),
                 pacte_rule_result_get_explanation (self->result)) != 0)
    gtk_label_set_label (self->explanation_label, pacte_rule_result_get_explanation (self->result));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rule.switch-off", status != PACTE_STATUS_OFF);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rule.switch-on", status == PACTE_STATUS_OFF);
}

static PacteRulesPanel *
get_panel (PacteRuleRow *self)
{
  GtkWidget *panel = gtk_widget_get_ancestor (GTK_WIDGET (self), PACTE_TYPE_RULES_PANEL);

  return panel != NULL ? PACTE_RULES_PANEL (panel) : NULL;
}

static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PacteRuleRow *self = PACTE_RULE_ROW (widget);
  PacteRulesPanel *panel = get_panel (self);
  const char *rule_id;

  if (panel == NULL || self->result == NULL)
    return;
  rule_id = pacte_rule_result_get_rule_id (self->result);

  if (g_str_equal (action_name, "rule.switch-off"))
    pacte_rules_panel_present_switch_off (panel, rule_id);
  else if (g_str_equal (action_name, "rule.switch-on"))
    pacte_rules_panel_switch_on_with_feedback (panel, rule_id);
  else if (g_str_equal (action_name, "rule.tune"))
    pacte_rules_panel_present_tune (panel, rule_id);
}

static void
pacte_rule_row_dispose (GObject *object)
{
  PacteRuleRow *self = PACTE_RULE_ROW (object);

  if (self->result != NULL)
    g_signal_handlers_disconnect_by_data (self->result, self);
  g_clear_object (&self->result);
  gtk_widget_dispose_template (GTK_WIDGET (self), PACTE_TYPE_RULE_ROW);
  G_OBJECT_CLASS (pacte_rule_row_parent_class)->dispose (object);
}

static void
pacte_rule_row_class_init (PacteRuleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacte_rule_row_dispose;

  g_type_ensure (PACTE_TYPE_LIGHT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacte/Pacte/ui/pacte-rule-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PacteRuleRow, light);
  gtk_widget_class_bind_template_child (widget_class, PacteRuleRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PacteRuleRow, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, PacteRuleRow, advice_label);
  gtk_widget_class_bind_template_child (widget_class, PacteRuleRow, advice_button);
  gtk_widget_class_bind_template_child (widget_class, PacteRuleRow, menu_button);

  gtk_widget_class_install_action (widget_class, "rule.switch-off", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "rule.switch-on", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "rule.tune", NULL, row_action);
}

static void
pacte_rule_row_init (PacteRuleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rule.switch-on", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rule.tune", FALSE);
}

GtkWidget *
pacte_rule_row_new (PacteRuleResult *result,
                    gboolean         has_params)
{
  PacteRuleRow *self;
  g_autofree char *title = NULL;
  g_autofree char *rule_label = NULL;
  g_autofree char *menu_label = NULL;
  g_autofree char *advice_label = NULL;

  g_return_val_if_fail (PACTE_IS_RULE_RESULT (result), NULL);

  self = g_object_new (PACTE_TYPE_RULE_ROW, NULL);
  self->result = g_object_ref (result);
  self->has_params = has_params;

  /* Translators: a rule in the panel: "R04 · Strong governance" */
  title = g_strdup_printf (_("%s · %s"), pacte_rule_result_get_rule_id (result),
                           pacte_rule_result_get_title (result));
  rule_label = g_strdup_printf ("%s %s", pacte_rule_result_get_rule_id (result),
                                pacte_rule_result_get_title (result));
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->advice_label, pacte_rule_result_get_advice (result));
  pacte_light_set_rule_label (self->light, rule_label);

  /* Say which rule the icon buttons are about. */
  menu_label = g_strdup_printf (_("Options of %s"), rule_label);
  advice_label = g_strdup_printf (_("Advice for %s"), rule_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->advice_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, advice_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, rule_label, -1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rule.tune", has_params);

  g_signal_connect_swapped (result, "notify::status", G_CALLBACK (update_from_result), self);
  g_signal_connect_swapped (result, "notify::explanation", G_CALLBACK (update_from_result), self);
  update_from_result (self);

  return GTK_WIDGET (self);
}

PacteRuleResult *
pacte_rule_row_get_result (PacteRuleRow *self)
{
  g_return_val_if_fail (PACTE_IS_RULE_ROW (self), NULL);
  return self->result;
}

PacteLight *
pacte_rule_row_get_light (PacteRuleRow *self)
{
  g_return_val_if_fail (PACTE_IS_RULE_ROW (self), NULL);
  return self->light;
}

const char *
pacte_rule_row_get_explanation (PacteRuleRow *self)
{
  g_return_val_if_fail (PACTE_IS_RULE_ROW (self), NULL);
  return gtk_label_get_label (self->explanation_label);
}

void
pacte_rule_row_set_advice_visible (PacteRuleRow *self,
                                   gboolean      visible)
{
  g_return_if_fail (PACTE_IS_RULE_ROW (self));
  gtk_toggle_button_set_active (self->advice_button, visible);
}
