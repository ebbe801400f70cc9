/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-notes-row.h: the field row of a text of several lines (notes), in a text view under the title. */
#pragma once

#include "pacte-field-row.h"

G_BEGIN_DECLS

#define PACTE_TYPE_NOTES_ROW (pacte_notes_row_get_type ())
G_DECLARE_FINAL_TYPE (PacteNotesRow, pacte_notes_row, PACTE, NOTES_ROW, PacteFieldRow)

G_END_DECLS
