/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-editor-rows.h: what the plan and partner editors share: finding the
 * field rows and list sections of their templates, and a row by its key. */
#pragma once

#include <gtk/gtk.h>

#include "pacte-rules.h"

G_BEGIN_DECLS

/* Adds every PacteFieldRow under widget to field_rows (telling each the
 * record_type it edits: its title comes from the field table) and, when
 * sections is not NULL, every PacteListSection to sections.  The rows inside
 * a list section belong to it and are not collected. */
void       pacte_editor_collect_rows   (GtkWidget  *widget,
                                        GType       record_type,
                                        GPtrArray  *field_rows,
                                        GPtrArray  *sections);
/* The row of field_rows whose key is key, or NULL. */
GtkWidget *pacte_editor_find_field_row (GPtrArray  *field_rows,
                                        const char *key);

/* Opens, scrolls to and focuses (with a visible focus ring) what fixes a
 * rule among an editor's rows and sections: the field row bound to
 * (record, field); an item's field row, its section made and the item
 * opened; or, for PACTE_FIX_ADD_ITEM, the add button of the section
 * editing record's list field.  TRUE when focus moved there. */
gboolean   pacte_editor_reveal_fix     (GPtrArray    *field_rows,
                                        GPtrArray    *sections,
                                        PacteFixKind  kind,
                                        PacteRecord  *record,
                                        const char   *field);

G_END_DECLS
