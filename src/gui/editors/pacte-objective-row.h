/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-objective-row.h: the field row of an action’s objective: one of its plan’s
 * objectives, by title, in a drop-down. */
#pragma once

#include "pacte-choice-row.h"

G_BEGIN_DECLS

#define PACTE_TYPE_OBJECTIVE_ROW (pacte_objective_row_get_type ())
G_DECLARE_FINAL_TYPE (PacteObjectiveRow, pacte_objective_row, PACTE, OBJECTIVE_ROW, PacteChoiceRow)

G_END_DECLS
