/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-partners-row.h: the field row of a list of partner ids, shown by name as
 * removable chips, added with a partner chooser. */
#pragma once

#include "pacte-tags-row.h"

G_BEGIN_DECLS

#define PACTE_TYPE_PARTNERS_ROW (pacte_partners_row_get_type ())
G_DECLARE_FINAL_TYPE (PactePartnersRow, pacte_partners_row, PACTE, PARTNERS_ROW, PacteTagsRow)

/* The row’s context changed: its chooser lists that portfolio’s partners. */
void pacte_partners_row_context_changed (PactePartnersRow *self);

G_END_DECLS
