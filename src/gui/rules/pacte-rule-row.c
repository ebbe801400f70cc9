/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pacte-i18n.h"
#include "pacte-lazy-tooltip.h"
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
  GtkImage        *mark_image;
  char            *rule_label;   /* "R09 Don’t give up" */
  gboolean         tuned;
};

G_DEFINE_FINAL_TYPE (PacteRuleRow, pacte_rule_row, GTK_TYPE_LIST_BOX_ROW)

/* The menu's items act on the row's rule through the row's actions, which
 * pass the rule's id to the panel's ("rules.…").  Switching off is offered
 * only when the rule is on, on only when it is off, tuning when it has
 * parameters: the others are disabled, and a disabled item is hidden.
 *
 * A menu's popover makes and drops its items as actions are enabled and
 * disabled, so a plan switch that turns a rule on or off would make one:
 * the menu is given to the button when it opens and taken back once
 * closed, and a plan switch makes no widget. */
static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PacteRuleRow *self = PACTE_RULE_ROW (widget);
  g_autofree char *panel_action = NULL;

  if (self->result == NULL)
    return;
  panel_action = g_strconcat ("rules.", action_name + strlen ("rule."), NULL);
  gtk_widget_activate_action (widget, panel_action, "s", pacte_rule_result_get_rule_id (self->result));
}

static void
add_menu_item (GMenu      *menu,
               const char *label,
               const char *action)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, action);

  g_menu_item_set_attribute (item, "hidden-when", "s", "action-disabled");
  g_menu_append_item (menu, item);
}

static gboolean
drop_menu_cb (gpointer user_data)
{
  GtkMenuButton *button = user_data;
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  if (popover == NULL || !gtk_widget_get_visible (GTK_WIDGET (popover)))
    gtk_menu_button_set_menu_model (button, NULL);
  return G_SOURCE_REMOVE;
}

static void
menu_closed_cb (GtkPopover    *popover,
                GtkMenuButton *button)
{
  /* Not from within the popover's own signal: once it is done. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, drop_menu_cb, g_object_ref (button), g_object_unref);
}

static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  g_autoptr(GMenu) menu = NULL;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;
  menu = g_menu_new ();
  add_menu_item (menu, _("Switch O_n"), "rule.switch-on");
  add_menu_item (menu, _("Switch _Off for This Plan…"), "rule.switch-off");
  add_menu_item (menu, _("_Tune Parameters…"), "rule.tune");
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
  g_signal_connect_object (gtk_menu_button_get_popover (button), "closed",
                           G_CALLBACK (menu_closed_cb), button, 0);
}

static void
update_menu (PacteRuleRow *self,
             PacteStatus   status)
{
  gboolean off = status == PACTE_STATUS_OFF;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rule.switch-on", off);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rule.switch-off", !off);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rule.tune", self->has_params);
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
      pacte_lazy_tooltip_set (GTK_WIDGET (self->mark_image), what);
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

  gtk_widget_class_install_action (widget_class, "rule.switch-on", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "rule.switch-off", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "rule.tune", NULL, row_action);
}

static void
pacte_rule_row_init (PacteRuleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, NULL, NULL);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

void
pacte_rule_row_set_result (PacteRuleRow    *self,
                           PacteRuleResult *result,
                           gboolean         has_params)
{
  g_autofree char *title = NULL;
  g_autofree char *rule_label = NULL;

  g_return_if_fail (PACTE_IS_RULE_ROW (self));
  g_return_if_fail (PACTE_IS_RULE_RESULT (result));

  has_params = !!has_params;
  if (result == self->result && has_params == self->has_params)
    return;

  if (self->result != NULL)
    g_signal_handlers_disconnect_by_data (self->result, self);
  g_set_object (&self->result, result);
  self->has_params = has_params;
  /* A row shown for another plan starts with its advice folded, as a new
   * row did. */
  gtk_toggle_button_set_active (self->advice_button, FALSE);

  rule_label = g_strdup_printf ("%s %s", pacte_rule_result_get_rule_id (result),
                                pacte_rule_result_get_title (result));
  /* The same rule for another plan (the usual switch): its texts stay. */
  if (g_strcmp0 (rule_label, self->rule_label) != 0)
    {
      g_autofree char *menu_label = NULL;
      g_autofree char *advice_label = NULL;

      /* Translators: a rule in the panel: "R04 · Strong governance" */
      title = g_strdup_printf (_("%s · %s"), pacte_rule_result_get_rule_id (result),
                               pacte_rule_result_get_title (result));
      set_label (self->title_label, title);
      pacte_light_set_rule_label (self->light, rule_label);

      /* Say which rule the icon buttons are about. */
      menu_label = g_strdup_printf (_("Options of %s"), rule_label);
      advice_label = g_strdup_printf (_("Advice for %s"), rule_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->advice_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, advice_label, -1);
      g_free (self->rule_label);
      self->rule_label = g_steal_pointer (&rule_label);
    }
  set_label (self->advice_label, pacte_rule_result_get_advice (result));

  g_signal_connect_swapped (result, "notify::status", G_CALLBACK (update_from_result), self);
  g_signal_connect_swapped (result, "notify::explanation", G_CALLBACK (update_from_result), self);
  update_from_result (self);
}

GtkWidget *
pacte_rule_row_new (PacteRuleResult *result,
                    gboolean         has_params)
{
  PacteRuleRow *self;

  g_return_val_if_fail (PACTE_IS_RULE_RESULT (result), NULL);

  self = g_object_new (PACTE_TYPE_RULE_ROW, NULL);
  pacte_rule_row_set_result (self, result, has_params);
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
