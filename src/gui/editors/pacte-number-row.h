/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-number-row.h: the field row of a number or an amount in the locale’s format ("1 234.5"; whole
 * numbers for INTEGER fields), with its unit (the currency) after it. */
#pragma once

#include "pacte-field-row.h"

G_BEGIN_DECLS

#define PACTE_TYPE_NUMBER_ROW (pacte_number_row_get_type ())
G_DECLARE_FINAL_TYPE (PacteNumberRow, pacte_number_row, PACTE, NUMBER_ROW, PacteFieldRow)

/* The row’s "unit" changed (pacte_field_row_set_unit()). */
void pacte_number_row_unit_changed (PacteNumberRow *self);

G_END_DECLS
