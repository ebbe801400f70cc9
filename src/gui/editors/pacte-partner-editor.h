/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-partner-editor.h: every field of a partner, edited in place. */
#pragma once

#include <adwaita.h>

#include "pacte-context.h"

G_BEGIN_DECLS

#define PACTE_TYPE_PARTNER_EDITOR (pacte_partner_editor_get_type ())
G_DECLARE_FINAL_TYPE (PactePartnerEditor, pacte_partner_editor, PACTE, PARTNER_EDITOR, AdwBin)

/* Properties: "context" (construct-only), "partner". */
GtkWidget    *pacte_partner_editor_new         (PacteContext       *ctx);
void          pacte_partner_editor_set_partner (PactePartnerEditor *self,
                                                PactePartner       *partner);
PactePartner *pacte_partner_editor_get_partner (PactePartnerEditor *self);
/* The row editing a partner field by its property name, or NULL; the
 * contacts section. */
GtkWidget    *pacte_partner_editor_get_field_row (PactePartnerEditor *self,
                                                  const char         *key);
GtkWidget    *pacte_partner_editor_get_contacts  (PactePartnerEditor *self);
/* Opens, scrolls to and focuses what fixes a rule in this partner's record
 * (a field of the partner or of one of its contacts, or Add Contact).
 * FALSE when the record is not this partner's. */
gboolean      pacte_partner_editor_reveal_fix    (PactePartnerEditor *self,
                                                  PacteFixKind        kind,
                                                  PacteRecord        *record,
                                                  const char         *field);
/* The partner's plans, actions, events and figures (a PactePartner360). */
GtkWidget    *pacte_partner_editor_get_partner_360 (PactePartnerEditor *self);

G_END_DECLS
