/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-trend-chart.h: a plan's score over its recorded reviews, with
 * today's live score as the last point (the core's pacte_plan_trend()).
 *
 * A small line chart in the golden-rules panel; its accessible description
 * lists every point ("15/01/2026: 55, 03/04/2026: 61, today: 72").  Hidden
 * while the plan has no scored review (one point is no trend). */
#pragma once

#include <gtk/gtk.h>

#include "pacte-analysis.h"

G_BEGIN_DECLS

#define PACTE_TYPE_TREND_CHART (pacte_trend_chart_get_type ())
G_DECLARE_FINAL_TYPE (PacteTrendChart, pacte_trend_chart, PACTE, TREND_CHART, GtkBox)

GtkWidget             *pacte_trend_chart_new             (void);
/* plan NULL clears it. */
void                   pacte_trend_chart_update          (PacteTrendChart *self,
                                                          PacteRuleSet    *rules,
                                                          PactePlan       *plan,
                                                          guint32          today,
                                                          int              current_score);
const PacteTrendPoint *pacte_trend_chart_get_points      (PacteTrendChart *self,
                                                          guint           *n_points);
/* The chart's accessible description, as set. */
const char            *pacte_trend_chart_get_description (PacteTrendChart *self);
/* "15/01/2026: 55, 03/04/2026: 61, today: 72" for points. */
char                  *pacte_trend_chart_describe        (const PacteTrendPoint *points,
                                                          guint                  n_points);

G_END_DECLS
