/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-plan-row.h: a row of the sidebar's plan list: name, phase, score and
 * a strip of the sixteen lights, following the plan and its results live. */
#pragma once

#include <gtk/gtk.h>

#include "pacte-rules.h"

G_BEGIN_DECLS

#define PACTE_TYPE_PLAN_ROW (pacte_plan_row_get_type ())
G_DECLARE_FINAL_TYPE (PactePlanRow, pacte_plan_row, PACTE, PLAN_ROW, GtkBox)

GtkWidget  *pacte_plan_row_new        (void);
/* plan and results NULL to unbind. */
void        pacte_plan_row_bind       (PactePlanRow     *self,
                                       PactePlan        *plan,
                                       PactePlanResults *results);
PactePlan  *pacte_plan_row_get_plan   (PactePlanRow     *self);

G_END_DECLS
