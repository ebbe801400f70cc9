/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-editor-rows.c: the field rows and list sections of an editor's
 * template. */
#include "config.h"

#include "pacte-editor-rows.h"
#include "pacte-field-row.h"
#include "pacte-list-section.h"
#include "pacte-reveal.h"

void
pacte_editor_collect_rows (GtkWidget *widget,
                           GType      record_type,
                           GPtrArray *field_rows,
                           GPtrArray *sections)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (field_rows != NULL);

  if (PACTE_IS_FIELD_ROW (widget))
    {
      /* Titled by the field table before the first record comes. */
      pacte_field_row_set_record_type (PACTE_FIELD_ROW (widget), record_type);
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
    pacte_editor_collect_rows (child, record_type, field_rows, sections);
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

static gboolean
find_position (GListModel  *items,
               PacteRecord *record,
               guint       *position)
{
  guint n = items != NULL ? g_list_model_get_n_items (items) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PacteRecord) item = g_list_model_get_item (items, i);

      if (item == record)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
pacte_editor_reveal_fix (GPtrArray    *field_rows,
                         GPtrArray    *sections,
                         PacteFixKind  kind,
                         PacteRecord  *record,
                         const char   *field)
{
  int index;

  g_return_val_if_fail (field_rows != NULL, FALSE);

  if (kind == PACTE_FIX_NONE || record == NULL || field == NULL)
    return FALSE;
  index = pacte_record_find_field (record, field);
  if (index < 0)
    return FALSE;

  if (kind == PACTE_FIX_FIELD)
    for (guint i = 0; i < field_rows->len; i++)
      {
        PacteFieldRow *row = g_ptr_array_index (field_rows, i);

        if (pacte_field_row_get_record (row) == record
            && g_strcmp0 (pacte_field_row_get_field_name (row), field) == 0)
          return pacte_field_row_focus_editor (row);
      }

  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      PacteListSection *section = g_ptr_array_index (sections, i);
      PacteRecord *owner = pacte_list_section_get_record (section);
      guint list_field = pacte_list_section_get_list_field (section);
      guint position;

      if (owner == NULL)
        continue;
      if (kind == PACTE_FIX_ADD_ITEM)
        {
          GtkWidget *add;

          if (owner != record || list_field != (guint) index)
            continue;
          pacte_list_section_ensure_rows (section);
          add = pacte_list_section_get_add_button (section);
          if (add == NULL)
            return FALSE;
          /* The group's title says what is wanted: show it too. */
          pacte_reveal_widget (GTK_WIDGET (section), FALSE);
          return pacte_reveal_widget (add, TRUE);
        }
      if (find_position (pacte_record_get_list (owner, list_field), record, &position))
        {
          PacteFieldRow *row = pacte_list_section_get_field_row (section, position, (guint) index);

          return row != NULL && pacte_field_row_focus_editor (row);
        }
    }
  return FALSE;
}
