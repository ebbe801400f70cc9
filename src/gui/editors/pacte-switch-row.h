/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-switch-row.h: the field row of a yes/no field, as a switch. */
#pragma once

#include "pacte-field-row.h"

G_BEGIN_DECLS

#define PACTE_TYPE_SWITCH_ROW (pacte_switch_row_get_type ())
G_DECLARE_FINAL_TYPE (PacteSwitchRow, pacte_switch_row, PACTE, SWITCH_ROW, PacteFieldRow)

G_END_DECLS
