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
  gboolean         menu_built;
  gboolean         menu_off;     /* the menu offers to switch on */

  PacteLight      *light;
  GtkLabel        *title_label;
  GtkLabel        *explanation_label;
  GtkLabel        *advice_label;
  GtkToggleButton *advice_button;
  GtkMenuButton   *menu_button;
  GtkImage        *mark_image;
  char            *rule_label;   /* "R09 Don’t give up" */
  gboolean         tuned;
};

G_DEFINE_FINAL_TYPE (PacteRuleRow, pacte_rule_row, GTK_TYPE_LIST_BOX_ROW)

/* The menu names the panel's actions with this row's rule: switching off
 * only when it is on, on only when it is off, tuning when it has
 * parameters.  Rebuilt only when the choice of items changes. */
static void
update_menu (PacteRuleRow *self,
             PacteStatus   status)
{
  const char *rule_id = pacte_rule_result_get_rule_id (self->result);
  gboolean off = status == PACTE_STATUS_OFF;
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) toggle = NULL;

  if (self->menu_built && self->menu_off == off)
    return;
  self->menu_built = TRUE;
  self->menu_off = off;

  menu = g_menu_new ();
  if (off)
    toggle = g_menu_item_new (_("Switch O_n"), NULL);
  else
    toggle = g_menu_item_new (_("Switch _Off for This Plan…"), NULL);
  g_menu_item_set_action_and_target_value (toggle, off ? "rules.switch-on" : "rules.switch-off",
                                           g_variant_new_string (rule_id));
  g_menu_append_item (menu, toggle);
  if (self->has_params)
    {
      g_autoptr(GMenuItem) tune = g_menu_item_new (_("_Tune Parameters…"), NULL);

      g_menu_item_set_action_and_target_value (tune, "rules.tune", g_variant_new_string (rule_id));
      g_menu_append_item (menu, tune);
    }
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

/* The mark beside the title and the row's accessible name: switched off,
 * or tuned (parameters other than the rule's defaults). */
static void
update_mark (PacteRuleRow *self,
             PacteStatus   status)
{
  g_autofree char *name = NULL;
  const char *icon = NULL, *what = NULL;

  if (status == PACTE_STATUS_OFF)
    {
      icon = "action-unavailable-symbolic";
      what = _("switched off");
    }
  else if (self->tuned)
    {
      icon = "emblem-system-symbolic";
      what = _("parameters tuned");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->mark_image), icon != NULL);
  if (icon != NULL)
    {
      gtk_image_set_from_icon_name (self->mark_image, icon);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->mark_image), what);
      /* Translators: a rule's accessible name with its state: "R09 Don’t give up, parameters tuned" */
      name = g_strdup_printf (_("%s, %s"), self->rule_label, what);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name != NULL ? name : self->rule_label, -1);
}

void
pacte_rule_row_set_tuned (PacteRuleRow *self,
                          gboolean      tuned)
{
  g_return_if_fail (PACTE_IS_RULE_ROW (self));

  tuned = !!tuned;
  if (self->tuned == tuned)
    return;
  self->tuned = tuned;
  update_mark (self, pacte_rule_result_get_status (self->result));
}

gboolean
pacte_rule_row_get_tuned (PacteRuleRow *self)
{
  g_return_val_if_fail (PACTE_IS_RULE_ROW (self), FALSE);
  return self->tuned;
}

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
  update_menu (self, status);
  update_mark (self, status);
}

static void
pacte_rule_row_dispose (GObject *object)
{
  PacteRuleRow *self = PACTE_RULE_ROW (object);

  if (self->result != NULL)
    g_signal_handlers_disconnect_by_data (self->result, self);
  g_clear_object (&self->result);
  g_clear_pointer (&self->rule_label, g_free);
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
  gtk_widget_class_bind_template_child (widget_class, PacteRuleRow, mark_image);
}

static void
pacte_rule_row_init (PacteRuleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
  self->rule_label = g_strdup (rule_label);

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
