/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-light.h: one golden-rule light.  It differs by colour, shape AND word,
 * so it reads in black and white and for colour-blind users:
 *   green  filled circle     amber  filled triangle
 *   red    filled square     off    hollow grey circle with a dash */
#pragma once

#include <gtk/gtk.h>

#include "pacte-rules.h"

G_BEGIN_DECLS

#define PACTE_TYPE_LIGHT (pacte_light_get_type ())
G_DECLARE_FINAL_TYPE (PacteLight, pacte_light, PACTE, LIGHT, GtkWidget)

/* Properties: "status" (PacteStatus), "show-text" (the word beside the shape),
 * "rule-label" ("R04 Strong governance"; the accessible name is then
 * "R04 Strong governance: amber"), "size" (shape size in pixels). */
GtkWidget   *pacte_light_new            (void);
PacteStatus  pacte_light_get_status     (PacteLight  *self);
void         pacte_light_set_status     (PacteLight  *self,
                                         PacteStatus  status);
gboolean     pacte_light_get_show_text  (PacteLight  *self);
void         pacte_light_set_show_text  (PacteLight  *self,
                                         gboolean     show_text);
const char  *pacte_light_get_rule_label (PacteLight  *self);
void         pacte_light_set_rule_label (PacteLight  *self,
                                         const char  *rule_label);
/* The accessible name currently set (for tests and the e2e driver). */
const char  *pacte_light_get_accessible_text (PacteLight *self);

/* The translated word for a status in the interface language ("Amber"). */
const char  *pacte_light_status_word    (PacteStatus  status);

/* Draws one light shape in the box (x, y, size, size); dark selects the
 * palette for a dark background.  Shared with the plan rows' strip. */
void         pacte_light_draw_shape     (cairo_t     *cr,
                                         PacteStatus  status,
                                         double       x,
                                         double       y,
                                         double       size,
                                         gboolean     dark);

G_END_DECLS
