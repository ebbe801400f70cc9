/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-readonly-row.h: the field row of a value shown, selectable, not edited (identifiers). */
#pragma once

#include "pacte-field-row.h"

G_BEGIN_DECLS

#define PACTE_TYPE_READONLY_ROW (pacte_readonly_row_get_type ())
G_DECLARE_FINAL_TYPE (PacteReadonlyRow, pacte_readonly_row, PACTE, READONLY_ROW, PacteFieldRow)

G_END_DECLS
