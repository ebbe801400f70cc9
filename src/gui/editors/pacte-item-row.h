/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-item-row.h: one item of a PacteListSection, an expander row whose
 * title and subtitle summarise the item, whose field rows are built the
 * first time it is expanded, and whose menu moves or removes it
 * (actions "item.move-up", "item.move-down", "item.remove"). */
#pragma once

#include <adwaita.h>

#include "pacte-field-row.h"
#include "pacte-list-section.h"

G_BEGIN_DECLS

#define PACTE_TYPE_ITEM_ROW (pacte_item_row_get_type ())
G_DECLARE_FINAL_TYPE (PacteItemRow, pacte_item_row, PACTE, ITEM_ROW, AdwExpanderRow)

GtkWidget     *pacte_item_row_new              (PacteListSection *section,
                                                PacteRecord      *item);
PacteRecord   *pacte_item_row_get_item         (PacteItemRow     *self);
/* Shows another item of the same kind (the section shows another record):
 * the row closes, its field rows (if made) are bound to item. */
void           pacte_item_row_set_item         (PacteItemRow     *self,
                                                PacteRecord      *item);
/* Builds the field rows if they are not yet. */
void           pacte_item_row_ensure_fields    (PacteItemRow     *self);
/* Field rows in the order of the section's table (built if needed). */
guint          pacte_item_row_get_n_field_rows (PacteItemRow     *self);
PacteFieldRow *pacte_item_row_get_field_row    (PacteItemRow     *self,
                                                guint             index);
/* Enables moving up or down by the row's position. */
void           pacte_item_row_update_actions   (PacteItemRow     *self);

G_END_DECLS
