/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-quarter-row.h: the field row of a quarter, "T4 2026" / "Q4 2026"
 * (pacte_quarter_read()), kept as "2026-Q4". */
#pragma once

#include "pacte-field-row.h"

G_BEGIN_DECLS

#define PACTE_TYPE_QUARTER_ROW (pacte_quarter_row_get_type ())
G_DECLARE_FINAL_TYPE (PacteQuarterRow, pacte_quarter_row, PACTE, QUARTER_ROW, PacteFieldRow)

G_END_DECLS
