/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-text-row.h: the field row of a one-line text (names, owners, e-mail addresses). */
#pragma once

#include "pacte-field-row.h"

G_BEGIN_DECLS

#define PACTE_TYPE_TEXT_ROW (pacte_text_row_get_type ())
G_DECLARE_FINAL_TYPE (PacteTextRow, pacte_text_row, PACTE, TEXT_ROW, PacteFieldRow)

G_END_DECLS
