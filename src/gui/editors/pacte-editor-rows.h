/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-editor-rows.h: what the plan and partner editors share: finding the
 * field rows and list sections of their templates, and a row by its key. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Adds every PacteFieldRow under widget to field_rows and, when sections is
 * not NULL, every PacteListSection to sections.  The rows inside a list
 * section belong to it and are not collected. */
void       pacte_editor_collect_rows   (GtkWidget  *widget,
                                        GPtrArray  *field_rows,
                                        GPtrArray  *sections);
/* The row of field_rows whose key is key, or NULL. */
GtkWidget *pacte_editor_find_field_row (GPtrArray  *field_rows,
                                        const char *key);

G_END_DECLS
