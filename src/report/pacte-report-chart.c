/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-chart.c: a plan's trend chart in its report section: its
 * health score at each recorded review, then now, as a small vector chart
 * drawn with cairo.  It reads in black and white and in words: a labelled
 * score axis, each point's score written above it, its date under it, the
 * current point a filled square marked "now". */
#include "config.h"

#include <math.h>

#include "pacte-analysis.h"
#include "pacte-language.h"
#include "pacte-report-build.h"
#include "pacte-report-layout-private.h"

#define CHART_HEIGHT   132.0
#define AXIS_WIDTH      30.0  /* the score labels at the left */
#define TOP_ROOM        26.0  /* the axis title and the scores above the points */
#define BOTTOM_ROOM     26.0  /* the dates (and "now") under the axis */
#define SIDE_ROOM       28.0  /* half a date label past the first and last points */
#define LABEL_GAP       58.0  /* dates closer than this to the last one drawn are not written */

typedef struct
{
  GArray *points;      /* PacteTrendPoint, oldest first, the current one last */
  char  **dates;       /* one label per point, "Mar 2027" */
  char   *now;         /* "now" in the report's language */
  char   *axis;        /* "Health score" */
} TrendChart;

static void
trend_chart_free (gpointer data)
{
  TrendChart *chart = data;

  g_array_unref (chart->points);
  g_strfreev (chart->dates);
  g_free (chart->now);
  g_free (chart->axis);
  g_free (chart);
}

/* Draws text (SMALL style) with its top at y, centred on x, or from x
 * (align LEFT) or ending at x (RIGHT). */
static void
show_text (PacteReportLayout *layout,
           cairo_t           *cr,
           const char        *text,
           double             x,
           double             y,
           PacteReportAlign   align)
{
  PacteReportTextStyle style = pacte_report_layout_text_style (layout, PACTE_REPORT_STYLE_SMALL, -1);
  g_autoptr(PangoLayout) shaped = pacte_report_text_layout (&style, text, -1);
  PangoRectangle logical;
  double width;

  pango_layout_get_extents (shaped, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE;
  if (align == PACTE_REPORT_ALIGN_CENTER)
    x -= width / 2;
  else if (align == PACTE_REPORT_ALIGN_RIGHT)
    x -= width;
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, shaped);
  cairo_new_path (cr);
}

static void
draw_trend (PacteReportLayout *layout,
            cairo_t           *cr,
            double             x,
            double             y,
            double             width,
            double             height,
            gpointer           data)
{
  TrendChart *chart = data;
  guint n = chart->points->len;
  double left = x + AXIS_WIDTH + SIDE_ROOM;
  double right = x + width - SIDE_ROOM;
  double top = y + TOP_ROOM;
  double bottom = y + height - BOTTOM_ROOM;
  guint32 first = g_array_index (chart->points, PacteTrendPoint, 0).date;
  guint32 last = g_array_index (chart->points, PacteTrendPoint, n - 1).date;
  double last_label = -G_MAXDOUBLE;
  g_autofree double *px = g_new (double, n);
  g_autofree double *py = g_new (double, n);

  /* The points by date (by order when every point has the same date). */
  for (guint i = 0; i < n; i++)
    {
      const PacteTrendPoint *p = &g_array_index (chart->points, PacteTrendPoint, i);

      if (n == 1)
        px[i] = (left + right) / 2;
      else if (last > first)
        px[i] = left + (right - left) * (double) (p->date - first) / (double) (last - first);
      else
        px[i] = left + (right - left) * i / (n - 1);
      py[i] = bottom - (bottom - top) * CLAMP (p->score, 0, 100) / 100.0;
    }

  /* The score axis: hairlines at 0, 25, 50, 75, 100, written at 0, 50, 100. */
  cairo_set_line_width (cr, 0.4);
  for (int s = 0; s <= 100; s += 25)
    {
      double ly = bottom - (bottom - top) * s / 100.0;

      cairo_set_source_rgb (cr, s == 0 ? 0.2 : 0.75, s == 0 ? 0.2 : 0.75, s == 0 ? 0.2 : 0.75);
      cairo_move_to (cr, x + AXIS_WIDTH, ly);
      cairo_line_to (cr, x + width, ly);
      cairo_stroke (cr);
      if (s % 50 == 0)
        {
          g_autofree char *label = g_strdup_printf ("%d", s);

          cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
          show_text (layout, cr, label, x + AXIS_WIDTH - 4, ly - 5, PACTE_REPORT_ALIGN_RIGHT);
        }
    }
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  show_text (layout, cr, chart->axis, x, y, PACTE_REPORT_ALIGN_LEFT);

  /* The line, then the points over it. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 1.3);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n; i++)
    if (i == 0)
      cairo_move_to (cr, px[i], py[i]);
    else
      cairo_line_to (cr, px[i], py[i]);
  cairo_stroke (cr);
  for (guint i = 0; i < n; i++)
    {
      const PacteTrendPoint *p = &g_array_index (chart->points, PacteTrendPoint, i);
      g_autofree char *score = g_strdup_printf ("%d", p->score);
      gboolean label_date = i + 1 == n || (px[i] - last_label >= LABEL_GAP && px[n - 1] - px[i] >= LABEL_GAP);

      cairo_set_source_rgb (cr, 0, 0, 0);
      if (p->current)
        {
          /* Now: a filled square. */
          cairo_rectangle (cr, px[i] - 3.2, py[i] - 3.2, 6.4, 6.4);
          cairo_fill (cr);
        }
      else
        {
          /* A review: a white disc with a black ring. */
          cairo_arc (cr, px[i], py[i], 2.9, 0, 2 * G_PI);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_set_line_width (cr, 1.1);
          cairo_stroke (cr);
        }
      /* Every score above its point (close points: every other one). */
      if (label_date || n <= 12)
        show_text (layout, cr, score, px[i], py[i] - 15, PACTE_REPORT_ALIGN_CENTER);
      if (label_date)
        {
          cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
          cairo_set_line_width (cr, 0.4);
          cairo_move_to (cr, px[i], bottom);
          cairo_line_to (cr, px[i], bottom + 3);
          cairo_stroke (cr);
          show_text (layout, cr, p->current ? chart->now : chart->dates[i], px[i], bottom + 4,
                     PACTE_REPORT_ALIGN_CENTER);
          if (p->current)
            show_text (layout, cr, chart->dates[i], px[i], bottom + 13, PACTE_REPORT_ALIGN_CENTER);
          last_label = px[i];
        }
    }
}

/* The chart of plan's score over its reviews recorded up to the report's
 * date, the current score last; nothing when there is no point at all. */
void
pacte_report_add_trend_chart (PacteReport *self,
                              PactePlan   *plan,
                              int          score)
{
  const PacteLanguage *language = pacte_language_get (self->lang);
  g_autoptr(GArray) all = pacte_plan_trend (self->rules, plan, self->today, score);
  TrendChart *chart;
  GPtrArray *dates;

  chart = g_new0 (TrendChart, 1);
  chart->points = g_array_new (FALSE, TRUE, sizeof (PacteTrendPoint));
  dates = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++)
    {
      const PacteTrendPoint *p = &g_array_index (all, PacteTrendPoint, i);
      GDate date;

      /* A report dated earlier cannot show a review that had not happened yet. */
      if (!p->current && p->date > self->today)
        continue;
      g_array_append_val (chart->points, *p);
      g_date_clear (&date, 1);
      g_date_set_julian (&date, p->date);
      g_ptr_array_add (dates, g_strdup_printf ("%s" PACTE_NBSP "%d",
                                               pacte_language_month_abbrev (language, g_date_get_month (&date)),
                                               g_date_get_year (&date)));
    }
  g_ptr_array_add (dates, NULL);
  chart->dates = (char **) g_ptr_array_free (dates, FALSE);
  /* Translators: the current point of a plan's score chart in the report. */
  chart->now = g_strdup (T (self, N_("now")));
  chart->axis = g_strdup (T (self, N_("Health score")));
  if (chart->points->len == 0)
    {
      trend_chart_free (chart);
      return;
    }
  pacte_report_layout_figure (self->layout, CHART_HEIGHT, draw_trend, chart, trend_chart_free);
}
