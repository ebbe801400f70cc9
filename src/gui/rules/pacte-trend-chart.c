/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pacte-i18n.h"
#include "pacte-language.h"
#include "pacte-lazy-tooltip.h"
#include "pacte-trend-chart.h"

#define CHART_HEIGHT 56
#define DOT 3.0

struct _PacteTrendChart
{
  GtkBox          parent_instance;

  GtkDrawingArea *area;
  GArray         *points;       /* PacteTrendPoint */
  char           *description;
};

G_DEFINE_FINAL_TYPE (PacteTrendChart, pacte_trend_chart, GTK_TYPE_BOX)

char *
pacte_trend_chart_describe (const PacteTrendPoint *points,
                            guint                  n_points)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_points; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      if (points[i].current)
        /* Translators: the last point of a plan's score chart: "today: 72" */
        g_string_append_printf (text, _("today: %d"), points[i].score);
      else
        {
          g_autofree char *date = pacte_date_display (points[i].date);

          /* Translators: one review's point of a plan's score chart: "15/01/2026: 55" */
          g_string_append_printf (text, _("%s: %d"), date, points[i].score);
        }
    }
  return g_string_free (text, FALSE);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  PacteTrendChart *self = user_data;
  PangoLayout *layout;
  GdkRGBA color;
  guint n = self->points->len;
  double left = 14, right = width - 14, top = 16, bottom = height - 4;

  if (n < 2 || right <= left)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* The 0 and 100 lines, faint. */
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.15);
  cairo_move_to (cr, left, top + 0.5);
  cairo_line_to (cr, right, top + 0.5);
  cairo_move_to (cr, left, bottom - 0.5);
  cairo_line_to (cr, right, bottom - 0.5);
  cairo_stroke (cr);

  /* The line, evenly spaced by review; each point's score above it. */
  cairo_set_line_width (cr, 2);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.8);
  for (guint i = 0; i < n; i++)
    {
      const PacteTrendPoint *p = &g_array_index (self->points, PacteTrendPoint, i);
      double x = left + (right - left) * i / (n - 1);
      double y = bottom - (bottom - top) * CLAMP (p->score, 0, 100) / 100.0;

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  for (guint i = 0; i < n; i++)
    {
      const PacteTrendPoint *p = &g_array_index (self->points, PacteTrendPoint, i);
      double x = left + (right - left) * i / (n - 1);
      double y = bottom - (bottom - top) * CLAMP (p->score, 0, 100) / 100.0;
      g_autofree char *text = g_strdup_printf ("%d", p->score);
      int tw, th;

      gdk_cairo_set_source_rgba (cr, &color);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, p->current ? DOT + 1.5 : DOT, 0, 2 * G_PI);
      cairo_fill (cr);
      /* Labels when there is room for them: the last one always. */
      if (p->current || (right - left) / (n - 1) >= 24)
        {
          pango_layout_set_text (layout, text, -1);
          pango_layout_get_pixel_size (layout, &tw, &th);
          cairo_move_to (cr, CLAMP (x - tw / 2.0, 0, width - tw), MAX (0, y - th - 3));
          pango_cairo_show_layout (cr, layout);
          cairo_new_path (cr);
        }
    }
  g_object_unref (layout);
}

void
pacte_trend_chart_update (PacteTrendChart *self,
                          PacteRuleSet    *rules,
                          PactePlan       *plan,
                          guint32          today,
                          int              current_score)
{
  g_autoptr(GArray) points = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (PACTE_IS_TREND_CHART (self));
  g_return_if_fail (plan == NULL || (PACTE_IS_PLAN (plan) && PACTE_IS_RULE_SET (rules)));

  points = plan != NULL ? pacte_plan_trend (rules, plan, today, current_score)
                        : g_array_new (FALSE, TRUE, sizeof (PacteTrendPoint));
  description = pacte_trend_chart_describe ((PacteTrendPoint *) (void *) points->data, points->len);
  gtk_widget_set_visible (GTK_WIDGET (self), points->len >= 2);
  if (g_strcmp0 (description, self->description) == 0)
    return;
  g_array_unref (self->points);
  self->points = g_steal_pointer (&points);
  g_free (self->description);
  self->description = g_steal_pointer (&description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
  pacte_lazy_tooltip_set (GTK_WIDGET (self->area), self->description);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

const PacteTrendPoint *
pacte_trend_chart_get_points (PacteTrendChart *self,
                              guint           *n_points)
{
  g_return_val_if_fail (PACTE_IS_TREND_CHART (self), NULL);
  if (n_points != NULL)
    *n_points = self->points->len;
  return (const PacteTrendPoint *) (void *) self->points->data;
}

const char *
pacte_trend_chart_get_description (PacteTrendChart *self)
{
  g_return_val_if_fail (PACTE_IS_TREND_CHART (self), NULL);
  return self->description;
}

static void
pacte_trend_chart_finalize (GObject *object)
{
  PacteTrendChart *self = PACTE_TREND_CHART (object);

  g_array_unref (self->points);
  g_free (self->description);
  G_OBJECT_CLASS (pacte_trend_chart_parent_class)->finalize (object);
}

static void
pacte_trend_chart_class_init (PacteTrendChartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pacte_trend_chart_finalize;
}

static void
pacte_trend_chart_init (PacteTrendChart *self)
{
  GtkWidget *heading = gtk_label_new (_("Score over the reviews"));

  self->points = g_array_new (FALSE, TRUE, sizeof (PacteTrendPoint));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 4);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "trend");

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (self), heading);

  self->area = g_object_new (GTK_TYPE_DRAWING_AREA, "accessible-role", GTK_ACCESSIBLE_ROLE_IMG, NULL);
  gtk_drawing_area_set_content_height (self->area, CHART_HEIGHT);
  gtk_drawing_area_set_content_width (self->area, 120);
  gtk_drawing_area_set_draw_func (self->area, draw_chart, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The plan’s score at each recorded review, then today"), -1);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->area));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
pacte_trend_chart_new (void)
{
  return g_object_new (PACTE_TYPE_TREND_CHART, NULL);
}
