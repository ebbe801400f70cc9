/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-heat-grid.h: the overview's heat map — plans × rules, a row per
 * plan of a list model, under a sticky row of column titles and the totals.
 *
 * A scrollable widget (GtkScrollable: put it in a GtkScrolledWindow) with
 * rows of one height that makes widgets only for the rows in view (and the
 * one holding the focus): scrolling gives the rows that leave the view the
 * plans that come into it, rows whose plan stays in view only move, and a
 * sort or a filter rebinds the few rows on screen.  GTK 4.8's list views
 * keep up to 200 rows bound whatever shows; this keeps a screenful.
 *
 * Each light is a focusable PacteHeatCell (accessible name, tooltip,
 * Enter/Space/click open the plan on that rule; a click on the plan's name
 * opens the plan).  Keys: arrows move between cells and rows, Page Up/Down
 * by a screen, Home/End to the row's first/last cell, Ctrl+Home/End to the
 * first/last plan, the focus scrolled into view; Tab leaves the grid and
 * comes back to the cell it left.  Accessible roles: grid, rows, column
 * headers; the cells keep the button role of PacteHeatCell. */
#pragma once

#include "pacte-overview-private.h"

G_BEGIN_DECLS

#define PACTE_TYPE_HEAT_GRID (pacte_heat_grid_get_type ())
G_DECLARE_FINAL_TYPE (PacteHeatGrid, pacte_heat_grid, PACTE, HEAT_GRID, GtkWidget)

/* plans: PactePlan items, in the order shown. */
GtkWidget *pacte_heat_grid_new            (PacteOverview *overview,
                                           GListModel    *plans);
/* The overview's figures changed: totals and the rows in view again. */
void       pacte_heat_grid_update         (PacteHeatGrid *self);
/* Scrolls the plan at position into view and focuses its cell of rule. */
gboolean   pacte_heat_grid_focus_cell     (PacteHeatGrid *self,
                                           guint          position,
                                           guint          rule);
/* The row widgets the grid keeps (in view, the focus's, spare). */
guint      pacte_heat_grid_get_n_rows     (PacteHeatGrid *self);

G_END_DECLS
