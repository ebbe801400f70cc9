/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-readonly-row.c: a value shown, not edited. */
#include "config.h"

#include "pacte-field-row-private.h"
#include "pacte-i18n.h"
#include "pacte-readonly-row.h"

struct _PacteReadonlyRow
{
  PacteFieldRow  parent_instance;

  GtkLabel      *value_label;
};

G_DEFINE_FINAL_TYPE (PacteReadonlyRow, pacte_readonly_row, PACTE_TYPE_FIELD_ROW)

static char *
value_text (PacteRecord *record,
            guint        field)
{
  switch (pacte_record_get_field_info (record, field)->kind)
    {
    case PACTE_FIELD_DATE:
      {
        char *text = pacte_date_display (pacte_record_get_date (record, field));

        return text ? text : g_strdup ("");
      }
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      return pacte_number_format (pacte_record_get_number (record, field));
    case PACTE_FIELD_CHOICE:
      {
        const char *value = pacte_record_get_string (record, field);

        return g_strdup (value[0] ? pacte_choice_display_name (value) : "");
      }
    case PACTE_FIELD_BOOLEAN:
      switch (pacte_record_get_boolean (record, field))
        {
        case 1:
          return g_strdup (_("Yes"));
        case 0:
          return g_strdup (_("No"));
        default:
          return g_strdup ("");
        }
    case PACTE_FIELD_STRV:
      return g_strjoinv (", ", (char **) pacte_record_get_strv (record, field));
    case PACTE_FIELD_STRING:
      return g_strdup (pacte_record_get_string (record, field));
    case PACTE_FIELD_QUARTER:
      return pacte_quarter_display (pacte_record_get_string (record, field));
    case PACTE_FIELD_LIST:
    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
    default:
      return g_strdup ("");
    }
}

static void
pacte_readonly_row_build (PacteFieldRow *row,
                          GtkBox        *header,
                          GtkBox        *content)
{
  PacteReadonlyRow *self = PACTE_READONLY_ROW (row);
  GtkWidget *label = gtk_label_new (NULL);

  self->value_label = GTK_LABEL (label);
  gtk_label_set_selectable (self->value_label, TRUE);
  gtk_label_set_xalign (self->value_label, 1);
  gtk_label_set_ellipsize (self->value_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (header, label);
  pacte_field_row_set_editor (row, label);
}

static void
pacte_readonly_row_sync (PacteFieldRow *row,
                         gboolean       force)
{
  PacteReadonlyRow *self = PACTE_READONLY_ROW (row);
  g_autofree char *text = pacte_field_row_has_record (row)
                          ? value_text (pacte_field_row_record (row), pacte_field_row_field (row)) : g_strdup ("");

  if (g_strcmp0 (gtk_label_get_label (self->value_label), text) != 0)
    gtk_label_set_text (self->value_label, text);
}

static void
pacte_readonly_row_class_init (PacteReadonlyRowClass *klass)
{
  PacteFieldRowClass *row_class = PACTE_FIELD_ROW_CLASS (klass);

  row_class->kind = PACTE_FIELD_ROW_READONLY;
  row_class->build = pacte_readonly_row_build;
  row_class->sync = pacte_readonly_row_sync;
}

static void
pacte_readonly_row_init (PacteReadonlyRow *self)
{
}
