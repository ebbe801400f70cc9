/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-field-rows.h: every class of field row, one per kind of field
 * (pacte_field_row_type_for_kind()). */
#pragma once

#include "pacte-choice-row.h"
#include "pacte-date-row.h"
#include "pacte-notes-row.h"
#include "pacte-number-row.h"
#include "pacte-objective-row.h"
#include "pacte-partners-row.h"
#include "pacte-quarter-row.h"
#include "pacte-readonly-row.h"
#include "pacte-switch-row.h"
#include "pacte-tags-row.h"
#include "pacte-text-row.h"
