/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-number-row.c: a number or an amount, with its unit. */
#include "config.h"

#include <math.h>

#include "pacte-field-row-private.h"
#include "pacte-i18n.h"
#include "pacte-number-row.h"

struct _PacteNumberRow
{
  PacteFieldRow  parent_instance;

  GtkWidget     *unit_label;
};

G_DEFINE_FINAL_TYPE (PacteNumberRow, pacte_number_row, PACTE_TYPE_FIELD_ROW)

void
pacte_number_row_unit_changed (PacteNumberRow *self)
{
  const char *unit = pacte_field_row_get_unit (PACTE_FIELD_ROW (self));

  g_return_if_fail (PACTE_IS_NUMBER_ROW (self));

  if (self->unit_label == NULL)
    return;
  gtk_label_set_text (GTK_LABEL (self->unit_label), unit ? unit : "");
  gtk_widget_set_visible (self->unit_label, unit != NULL && unit[0] != '\0');
}

static void
pacte_number_row_build (PacteFieldRow *row,
                        GtkBox        *header,
                        GtkBox        *content)
{
  PacteNumberRow *self = PACTE_NUMBER_ROW (row);
  GtkWidget *entry = pacte_field_row_add_entry (row, header);

  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
  self->unit_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->unit_label, "dim-label");
  gtk_box_append (header, self->unit_label);
  pacte_number_row_unit_changed (self);
}

static gboolean
whole_numbers (PacteFieldRow *row)
{
  return pacte_record_get_field_info (pacte_field_row_record (row), pacte_field_row_field (row))->kind
         == PACTE_FIELD_INTEGER;
}

static void
pacte_number_row_sync (PacteFieldRow *row,
                       gboolean       force)
{
  double value = pacte_field_row_has_record (row)
                 ? pacte_record_get_number (pacte_field_row_record (row), pacte_field_row_field (row)) : NAN;
  double shown;

  /* The user may be typing "1 0": equal values leave the text alone. */
  if (force
      || !pacte_number_parse (pacte_field_row_entry_text (row), &shown)
      || !((isnan (shown) && isnan (value)) || shown == value))
    {
      g_autofree char *text = pacte_number_format (value);

      pacte_field_row_set_entry_text (row, text);
      pacte_field_row_clear_error (row);
    }
}

static void
pacte_number_row_commit (PacteFieldRow *row,
                         gboolean       finished)
{
  g_autoptr(GError) error = NULL;
  double value;

  if (finished)
    {
      /* Show the value in its usual form ("1234.5" becomes "1 234.5"). */
      if (pacte_field_row_get_error (row) == NULL)
        pacte_field_row_sync_from_model (row, TRUE);
      return;
    }
  if (!pacte_number_parse (pacte_field_row_entry_text (row), &value))
    {
      if (whole_numbers (row))
        pacte_field_row_show_error (row, _("Enter a whole number, for example 30"));
      else
        pacte_field_row_show_error (row, _("Enter a number, for example 1 234.5"));
      return;
    }
  if (whole_numbers (row) && !isnan (value) && value != floor (value))
    {
      pacte_field_row_show_error (row, _("Enter a whole number, for example 30"));
      return;
    }
  if (!pacte_record_set_number (pacte_field_row_record (row), pacte_field_row_field (row), value, &error))
    pacte_field_row_show_gerror (row, error);
  else
    pacte_field_row_clear_error (row);
}

static void
pacte_number_row_class_init (PacteNumberRowClass *klass)
{
  PacteFieldRowClass *row_class = PACTE_FIELD_ROW_CLASS (klass);

  row_class->kind = PACTE_FIELD_ROW_NUMBER;
  row_class->build = pacte_number_row_build;
  row_class->sync = pacte_number_row_sync;
  row_class->commit = pacte_number_row_commit;
}

static void
pacte_number_row_init (PacteNumberRow *self)
{
}
