/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-list-section.h: a preferences group editing one LIST field of a
 * record (a plan's objectives, a partner's contacts…).
 *
 * The items are rows of a GtkListBox bound to the record's list model: an
 * expander row per item whose title and subtitle summarise it, whose fields
 * are built the first time it is expanded, and whose menu moves or removes
 * it.  The key ("objectives", "contacts", "governance"…) selects which list
 * and how its items are edited.  Switching records rebinds the model only. */
#pragma once

#include <adwaita.h>

#include "pacte-context.h"
#include "pacte-field-row.h"

G_BEGIN_DECLS

#define PACTE_TYPE_LIST_SECTION (pacte_list_section_get_type ())
G_DECLARE_FINAL_TYPE (PacteListSection, pacte_list_section, PACTE, LIST_SECTION, AdwPreferencesGroup)

/* Keys: "contacts" (of a partner); "objectives", "decisions", "governance",
 * "enablement", "communication", "actions", "events", "forecast",
 * "activity", "reviews" (of a plan).
 * Properties: "key" (construct-only), "record", "context".
 * Actions: "section.add" on the section; "item.move-up", "item.move-down",
 * "item.remove" on each item's row. */
GtkWidget     *pacte_list_section_new            (const char       *key);
void           pacte_list_section_set_record     (PacteListSection *self,
                                                  PacteRecord      *record);
void           pacte_list_section_set_context    (PacteListSection *self,
                                                  PacteContext     *context);
const char    *pacte_list_section_get_key        (PacteListSection *self);
/* The record whose list the section edits, and that list's field index. */
PacteRecord   *pacte_list_section_get_record     (PacteListSection *self);
guint          pacte_list_section_get_list_field (PacteListSection *self);
/* Deferred (FALSE by default): set_record() only shows the title and, for an
 * empty list, its "no items" line; the rows are made by ensure_rows(), or by
 * any call below that needs them.  Rows cost text layout, and an editor of
 * many sections makes first those in view (see PactePlanEditor). */
void           pacte_list_section_set_deferred   (PacteListSection *self,
                                                  gboolean          deferred);
/* TRUE while the record's rows are still to be made. */
gboolean       pacte_list_section_get_pending    (PacteListSection *self);
void           pacte_list_section_ensure_rows    (PacteListSection *self);
GtkListBox    *pacte_list_section_get_list_box   (PacteListSection *self);
/* The button that adds an item (NULL for read-only lists). */
GtkWidget     *pacte_list_section_get_add_button (PacteListSection *self);
/* Adds a new item at the end (with a fresh id where the format has ids),
 * expands its row and focuses its first field.  Returns its position. */
guint          pacte_list_section_add_item       (PacteListSection *self);
/* The row of the item at position, or NULL. */
GtkWidget     *pacte_list_section_get_row        (PacteListSection *self,
                                                  guint             position);
/* Expands the item's row and returns the row editing field of the item
 * (a PactePlanField-like index of the item type), or NULL. */
PacteFieldRow *pacte_list_section_get_field_row  (PacteListSection *self,
                                                  guint             position,
                                                  guint             field);
/* Focuses the first item (or the add button of an empty list). */
gboolean       pacte_list_section_focus          (PacteListSection *self);

G_END_DECLS
