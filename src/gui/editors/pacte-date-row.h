/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-date-row.h: the field row of a date typed as the user writes it ("15/11/2026",
 * "15 nov. 2026", ISO; pacte_date_read()) or picked in a calendar. */
#pragma once

#include "pacte-field-row.h"

G_BEGIN_DECLS

#define PACTE_TYPE_DATE_ROW (pacte_date_row_get_type ())
G_DECLARE_FINAL_TYPE (PacteDateRow, pacte_date_row, PACTE, DATE_ROW, PacteFieldRow)

G_END_DECLS
