/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-heat-cell.h: one cell of the overview's heat map — a plan's light
 * for one rule (shape and colour, as PacteLight draws them, on a tinted
 * square), or a line of text (the column totals).  It is focusable and
 * activatable (click, Enter, Space), and its accessible name says it all:
 * "Ashford & Lowe, R04 Strong governance: amber — <explanation>". */
#pragma once

#include <gtk/gtk.h>

#include "pacte-rules.h"

G_BEGIN_DECLS

#define PACTE_TYPE_HEAT_CELL (pacte_heat_cell_get_type ())
G_DECLARE_FINAL_TYPE (PacteHeatCell, pacte_heat_cell, PACTE, HEAT_CELL, GtkWidget)

GtkWidget   *pacte_heat_cell_new                 (void);
/* A light: its status, accessible name and tooltip. */
void         pacte_heat_cell_set_status          (PacteHeatCell *self,
                                                  PacteStatus    status,
                                                  const char    *accessible_name,
                                                  const char    *tooltip);
/* Text instead of a light (not activatable). */
void         pacte_heat_cell_set_text            (PacteHeatCell *self,
                                                  const char    *text,
                                                  const char    *accessible_name);
gboolean     pacte_heat_cell_is_light            (PacteHeatCell *self);
PacteStatus  pacte_heat_cell_get_status          (PacteHeatCell *self);
const char  *pacte_heat_cell_get_accessible_name (PacteHeatCell *self);
/* The tooltip's text, given when the tooltip is asked for. */
const char  *pacte_heat_cell_get_tooltip     (PacteHeatCell *self);

G_END_DECLS
