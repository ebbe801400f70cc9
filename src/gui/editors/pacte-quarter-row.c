/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-quarter-row.c: a quarter, as the language writes it ("T4 2026"). */
#include "config.h"

#include <string.h>

#include "pacte-field-row-private.h"
#include "pacte-i18n.h"
#include "pacte-quarter-row.h"

struct _PacteQuarterRow
{
  PacteFieldRow parent_instance;
};

G_DEFINE_FINAL_TYPE (PacteQuarterRow, pacte_quarter_row, PACTE_TYPE_FIELD_ROW)

static void
pacte_quarter_row_build (PacteFieldRow *row,
                         GtkBox        *header,
                         GtkBox        *content)
{
  GtkWidget *entry = pacte_field_row_add_entry (row, header);
  g_autofree char *example = pacte_quarter_display ("2027-Q1");

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), example);
}

static void
pacte_quarter_row_sync (PacteFieldRow *row,
                        gboolean       force)
{
  /* The file's "2026-Q4", shown as the language writes it ("T4 2026"). */
  const char *value = pacte_field_row_has_record (row)
                      ? pacte_record_get_string (pacte_field_row_record (row), pacte_field_row_field (row)) : "";
  g_autofree char *shown = pacte_quarter_read (pacte_field_row_entry_text (row));

  if (force || g_strcmp0 (shown != NULL ? shown : "", value) != 0)
    {
      g_autofree char *text = pacte_quarter_display (value);

      pacte_field_row_set_entry_text (row, text);
      pacte_field_row_clear_error (row);
    }
}

static void
pacte_quarter_row_commit (PacteFieldRow *row,
                          gboolean       finished)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (pacte_field_row_entry_text (row)));
  g_autofree char *iso = trimmed[0] != '\0' ? pacte_quarter_read (trimmed) : g_strdup ("");

  pacte_field_row_set_unjudged (row, FALSE);
  if (iso == NULL)
    {
      /* "T4 20" is not wrong yet. */
      if (finished || strlen (trimmed) >= 7)
        {
          g_autofree char *example = pacte_quarter_display ("2027-Q1");
          g_autofree char *message = g_strdup_printf (_("Enter a quarter such as %s or 2027-Q1"), example);

          pacte_field_row_show_error (row, message);
        }
      else
        pacte_field_row_set_unjudged (row, TRUE);
      return;
    }
  pacte_field_row_commit_string (row, iso);
  if (finished && pacte_field_row_get_error (row) == NULL)
    pacte_field_row_sync_from_model (row, TRUE);
}

static void
pacte_quarter_row_class_init (PacteQuarterRowClass *klass)
{
  PacteFieldRowClass *row_class = PACTE_FIELD_ROW_CLASS (klass);

  row_class->kind = PACTE_FIELD_ROW_QUARTER;
  row_class->build = pacte_quarter_row_build;
  row_class->sync = pacte_quarter_row_sync;
  row_class->commit = pacte_quarter_row_commit;
}

static void
pacte_quarter_row_init (PacteQuarterRow *self)
{
}
