/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-partner-360.h: what a partner is in, on its page.
 *
 * Every plan the partner takes part in (name, phase, score and light strip,
 * as the sidebar shows them) with the lights whose explanation names the
 * partner or whose fix is in its record; its open actions and coming events
 * across those plans; the cross-business figures.  Activating a plan, an
 * action or an event opens the plan ("win.open-plan" with its id). */
#pragma once

#include <adwaita.h>

#include "pacte-context.h"

G_BEGIN_DECLS

#define PACTE_TYPE_PARTNER_360 (pacte_partner_360_get_type ())
G_DECLARE_FINAL_TYPE (PactePartner360, pacte_partner_360, PACTE, PARTNER_360, AdwPreferencesGroup)

GtkWidget  *pacte_partner_360_new          (void);
void        pacte_partner_360_set_context  (PactePartner360 *self,
                                            PacteContext    *context);
void        pacte_partner_360_set_partner  (PactePartner360 *self,
                                            PactePartner    *partner);
/* The plans listed, in order (PactePlan, transfer none). */
GPtrArray  *pacte_partner_360_get_plans    (PactePartner360 *self);
/* The row that opens the plan at position (a GtkListBoxRow). */
GtkWidget  *pacte_partner_360_get_plan_row (PactePartner360 *self,
                                            guint            position);
/* The ids of the rules whose lights name the partner in that plan. */
GStrv       pacte_partner_360_get_lights   (PactePartner360 *self,
                                            guint            position);
/* How many open actions and coming events are listed. */
guint       pacte_partner_360_get_n_actions (PactePartner360 *self);
guint       pacte_partner_360_get_n_events  (PactePartner360 *self);
/* Rebuilds now (normally an idle after edits). */
void        pacte_partner_360_refresh      (PactePartner360 *self);

G_END_DECLS
