/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pacte-list-search.h"
#include "pacte-i18n.h"
#include "pacte-light.h"
#include "pacte-plan-row.h"
#include "pacte-rules-panel.h"

#define STRIP_LIGHT 9
#define STRIP_GAP   2
#define STRIP_GROUP 3   /* extra gap every four lights, easier to count */

struct _PactePlanRow
{
  GtkBox            parent_instance;

  PactePlan        *plan;
  PactePlanResults *results;

  GtkLabel         *name_label;
  GtkLabel         *phase_label;
  GtkLabel         *score_label;
  GtkDrawingArea   *strip;
};

G_DEFINE_FINAL_TYPE (PactePlanRow, pacte_plan_row, GTK_TYPE_BOX)

static guint
strip_width (guint n)
{
  return n == 0 ? 0 : n * STRIP_LIGHT + (n - 1) * STRIP_GAP + ((n - 1) / 4) * STRIP_GROUP;
}

static void
draw_strip (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  PactePlanRow *self = user_data;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  guint n;
  double x = 0;

  if (self->results == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  for (guint i = 0; i < n; i++)
    {
      PacteRuleResult *result = pacte_plan_results_get_result (self->results, i);

      pacte_light_draw_shape (cr, pacte_rule_result_get_status (result),
                              x, (height - STRIP_LIGHT) / 2.0, STRIP_LIGHT, dark);
      x += STRIP_LIGHT + STRIP_GAP + ((i % 4) == 3 ? STRIP_GROUP : 0);
    }
}

static void
update_name (PactePlanRow *self)
{
  const char *name = pacte_record_get_string (PACTE_RECORD (self->plan), PACTE_PLAN_NAME);

  gtk_label_set_label (self->name_label, *name != '\0' ? name : _("Unnamed plan"));
}

static void
update_phase (PactePlanRow *self)
{
  const char *phase = pacte_record_get_string (PACTE_RECORD (self->plan), PACTE_PLAN_PHASE);

  gtk_label_set_label (self->phase_label,
                       *phase != '\0' ? pacte_choice_display_name (phase) : _("No phase"));
}

static char *
strip_text (PactePlanRow *self,
            const char   *score)
{
  g_autofree char *counts = pacte_rules_panel_counts_text_sep (self->results, ", ");

  /* Translators: the accessible name of a plan's strip of sixteen lights */
  return g_strdup_printf (_("Score %s: %s"), score, counts);
}

/* The strip's tooltip is made when asked for: setting a tooltip's text
 * asks the X server where the pointer is, for every row bound. */
static gboolean
strip_query_tooltip_cb (GtkWidget    *strip,
                        int           x,
                        int           y,
                        gboolean      keyboard,
                        GtkTooltip   *tooltip,
                        PactePlanRow *self)
{
  g_autofree char *text = NULL;

  if (self->results == NULL)
    return FALSE;
  text = strip_text (self, gtk_label_get_label (self->score_label));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_results (PactePlanRow *self)
{
  g_autofree char *score = NULL;
  g_autofree char *strip_a11y = NULL;
  int value = pacte_plan_results_get_score (self->results);

  score = value < 0 ? g_strdup ("–") : g_strdup_printf ("%d", value);
  if (g_strcmp0 (gtk_label_get_label (self->score_label), score) != 0)
    gtk_label_set_label (self->score_label, score);

  strip_a11y = strip_text (self, score);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->strip),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, strip_a11y, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->strip));
}

static void
on_dark_changed (PactePlanRow *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->strip));
}

static void
unbind (PactePlanRow *self)
{
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  if (self->results != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->results, self);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->results)); i++)
        g_signal_handlers_disconnect_by_data (pacte_plan_results_get_result (self->results, i), self);
    }
  g_clear_object (&self->plan);
  g_clear_object (&self->results);
}

void
pacte_plan_row_bind (PactePlanRow     *self,
                     PactePlan        *plan,
                     PactePlanResults *results)
{
  guint n;

  g_return_if_fail (PACTE_IS_PLAN_ROW (self));
  g_return_if_fail (plan == NULL || PACTE_IS_PLAN (plan));
  g_return_if_fail (results == NULL || PACTE_IS_PLAN_RESULTS (results));

  unbind (self);
  if (plan == NULL || results == NULL)
    return;

  self->plan = g_object_ref (plan);
  self->results = g_object_ref (results);

  g_signal_connect_swapped (plan, "notify::name", G_CALLBACK (update_name), self);
  g_signal_connect_swapped (plan, "notify::phase", G_CALLBACK (update_phase), self);
  g_signal_connect_swapped (results, "notify::score", G_CALLBACK (update_results), self);
  n = g_list_model_get_n_items (G_LIST_MODEL (results));
  for (guint i = 0; i < n; i++)
    g_signal_connect_swapped (pacte_plan_results_get_result (results, i), "notify::status",
                              G_CALLBACK (update_results), self);

  gtk_drawing_area_set_content_width (self->strip, strip_width (n));
  update_name (self);
  update_phase (self);
  update_results (self);
}

PactePlan *
pacte_plan_row_get_plan (PactePlanRow *self)
{
  g_return_val_if_fail (PACTE_IS_PLAN_ROW (self), NULL);
  return self->plan;
}

static void
pacte_plan_row_dispose (GObject *object)
{
  PactePlanRow *self = PACTE_PLAN_ROW (object);

  unbind (self);
  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), on_dark_changed, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PACTE_TYPE_PLAN_ROW);
  G_OBJECT_CLASS (pacte_plan_row_parent_class)->dispose (object);
}

static void
pacte_plan_row_class_init (PactePlanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacte_plan_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacte/Pacte/ui/pacte-plan-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PactePlanRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, PactePlanRow, phase_label);
  gtk_widget_class_bind_template_child (widget_class, PactePlanRow, score_label);
  gtk_widget_class_bind_template_child (widget_class, PactePlanRow, strip);
}

static void
pacte_plan_row_init (PactePlanRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pacte_label_tooltip_when_cut (self->name_label);
  gtk_drawing_area_set_content_height (self->strip, STRIP_LIGHT + 2);
  gtk_drawing_area_set_draw_func (self->strip, draw_strip, self, NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->strip), TRUE);
  g_signal_connect (self->strip, "query-tooltip", G_CALLBACK (strip_query_tooltip_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Health score out of 100"), -1);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (on_dark_changed), self);
}

GtkWidget *
pacte_plan_row_new (void)
{
  return g_object_new (PACTE_TYPE_PLAN_ROW, NULL);
}
