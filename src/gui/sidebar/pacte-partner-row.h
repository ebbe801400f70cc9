/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-partner-row.h: a row of the sidebar's partner list: name, segment and
 * label, following the partner live while bound. */
#pragma once

#include <gtk/gtk.h>

#include "pacte-model.h"

G_BEGIN_DECLS

#define PACTE_TYPE_PARTNER_ROW (pacte_partner_row_get_type ())
G_DECLARE_FINAL_TYPE (PactePartnerRow, pacte_partner_row, PACTE, PARTNER_ROW, GtkBox)

GtkWidget    *pacte_partner_row_new         (void);
void          pacte_partner_row_bind        (PactePartnerRow *self,
                                             PactePartner    *partner);
PactePartner *pacte_partner_row_get_partner (PactePartnerRow *self);

G_END_DECLS
