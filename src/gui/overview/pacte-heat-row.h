/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-heat-row.h: one row of the overview's heat map (pacte-heat-grid.h):
 * a plan's name, score, change since its last review and one
 * PacteHeatCell per rule; or the column titles; or the totals.  The grid
 * recycles plan rows: pacte_heat_row_bind() gives a row another plan in
 * place.  Its columns' positions are the grid's (PacteHeatColumns). */
#pragma once

#include "pacte-overview-private.h"

G_BEGIN_DECLS

/* The columns' left edges, shared by the grid and its rows: x[i] is column
 * i's (name, score, change, then one per rule), x[n] the right edge. */
typedef struct {
  guint n;
  int  *x;
} PacteHeatColumns;

#define PACTE_HEAT_FIRST_RULE 3  /* the columns before the rules' */

typedef enum {
  PACTE_HEAT_ROW_PLAN,
  PACTE_HEAT_ROW_TOTALS,
  PACTE_HEAT_ROW_TITLES,
} PacteHeatRowKind;

#define PACTE_TYPE_HEAT_ROW (pacte_heat_row_get_type ())
G_DECLARE_FINAL_TYPE (PacteHeatRow, pacte_heat_row, PACTE, HEAT_ROW, GtkWidget)

GtkWidget  *pacte_heat_row_new           (PacteOverview          *overview,
                                          PacteHeatRowKind        kind,
                                          const PacteHeatColumns *columns);
/* A plan row shows plan (NULL: none) at position; the same plan again
 * only moves it. */
void        pacte_heat_row_bind          (PacteHeatRow           *self,
                                          PactePlan              *plan,
                                          guint                   position);
PactePlan  *pacte_heat_row_get_plan      (PacteHeatRow           *self);
guint       pacte_heat_row_get_position  (PacteHeatRow           *self);
/* The overview's figures changed (totals, changes since review). */
void        pacte_heat_row_update        (PacteHeatRow           *self);
/* The light cell of rule (a PacteHeatCell), or NULL. */
GtkWidget  *pacte_heat_row_get_cell      (PacteHeatRow           *self,
                                          guint                   rule);
/* The rule whose cell widget is, or contains, widget; -1 if none. */
int         pacte_heat_row_find_cell     (PacteHeatRow           *self,
                                          GtkWidget              *widget);

G_END_DECLS
