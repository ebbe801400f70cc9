/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-editor-rows.c: the field rows and list sections of an editor's
 * template. */
#include "config.h"

#include "pacte-editor-rows.h"
#include "pacte-field-row.h"
#include "pacte-list-section.h"

void
pacte_editor_collect_rows (GtkWidget *widget,
                           GPtrArray *field_rows,
                           GPtrArray *sections)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (field_rows != NULL);

  if (PACTE_IS_FIELD_ROW (widget))
    {
      g_ptr_array_add (field_rows, widget);
      return;
    }
  if (PACTE_IS_LIST_SECTION (widget))
    {
      if (sections != NULL)
        g_ptr_array_add (sections, widget);
      return;
    }
  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    pacte_editor_collect_rows (child, field_rows, sections);
}

GtkWidget *
pacte_editor_find_field_row (GPtrArray  *field_rows,
                             const char *key)
{
  g_return_val_if_fail (field_rows != NULL, NULL);

  for (guint i = 0; i < field_rows->len; i++)
    if (g_strcmp0 (pacte_field_row_get_key (g_ptr_array_index (field_rows, i)), key) == 0)
      return g_ptr_array_index (field_rows, i);
  return NULL;
}
