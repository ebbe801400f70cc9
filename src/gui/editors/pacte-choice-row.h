/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-choice-row.h: the field row of a choice among values, in a
 * drop-down: the field's allowed values (PACTE_FIELD_CHOICE), or, in
 * PacteObjectiveRow, a plan's objectives. */
#pragma once

#include "pacte-field-row.h"

G_BEGIN_DECLS

#define PACTE_TYPE_CHOICE_ROW (pacte_choice_row_get_type ())
G_DECLARE_DERIVABLE_TYPE (PacteChoiceRow, pacte_choice_row, PACTE, CHOICE_ROW, PacteFieldRow)

struct _PacteChoiceRowClass
{
  PacteFieldRowClass parent_class;

  /* Fills the drop-down (pacte_choice_row_set_items()) for the bound
   * record; force: even when it has items.  FALSE when it has none yet. */
  gboolean (*refresh_items) (PacteChoiceRow *self,
                             gboolean        force);
};

/* Replaces the drop-down's items: a label and a value (NULL: not set) per
 * position.  FALSE when they cannot be replaced now (the drop-down is
 * changing its selection): they are then replaced when idle. */
gboolean pacte_choice_row_set_items (PacteChoiceRow *self,
                                     GPtrArray      *labels,
                                     GPtrArray      *values);

G_END_DECLS
