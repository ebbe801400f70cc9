/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-partner-chooser.h: a popover to pick a partner of the portfolio by
 * name: a search entry over a list view (scales to thousands of partners).
 * Emits "partner-chosen" (const char *id) and closes. */
#pragma once

#include <gtk/gtk.h>

#include "pacte-context.h"

G_BEGIN_DECLS

#define PACTE_TYPE_PARTNER_CHOOSER (pacte_partner_chooser_get_type ())
G_DECLARE_FINAL_TYPE (PactePartnerChooser, pacte_partner_chooser, PACTE, PARTNER_CHOOSER, GtkPopover)

GtkWidget *pacte_partner_chooser_new          (void);
void       pacte_partner_chooser_set_context  (PactePartnerChooser *self,
                                               PacteContext        *context);
/* Partners not offered (those already chosen). */
void       pacte_partner_chooser_set_excluded (PactePartnerChooser *self,
                                               const char * const  *ids);
/* How many partners the list shows for the current search. */
guint      pacte_partner_chooser_get_n_shown  (PactePartnerChooser *self);
void       pacte_partner_chooser_set_search   (PactePartnerChooser *self,
                                               const char          *text);

G_END_DECLS
