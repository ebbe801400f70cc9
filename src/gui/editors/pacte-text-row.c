/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-text-row.c: a one-line text. */
#include "config.h"

#include <string.h>

#include "pacte-field-row-private.h"
#include "pacte-text-row.h"

struct _PacteTextRow
{
  PacteFieldRow parent_instance;
};

G_DEFINE_FINAL_TYPE (PacteTextRow, pacte_text_row, PACTE_TYPE_FIELD_ROW)

static void
pacte_text_row_build (PacteFieldRow *row,
                      GtkBox        *header,
                      GtkBox        *content)
{
  pacte_field_row_add_entry (row, header);
}

static void
pacte_text_row_sync (PacteFieldRow *row,
                     gboolean       force)
{
  const char *value = pacte_field_row_has_record (row)
                      ? pacte_record_get_string (pacte_field_row_record (row), pacte_field_row_field (row)) : "";

  if (force || strcmp (pacte_field_row_entry_text (row), value) != 0)
    {
      pacte_field_row_set_entry_text (row, value);
      pacte_field_row_clear_error (row);
    }
}

static void
pacte_text_row_commit (PacteFieldRow *row,
                       gboolean       finished)
{
  /* Each keystroke is in the record already: leaving adds nothing. */
  if (!finished)
    pacte_field_row_commit_string (row, pacte_field_row_entry_text (row));
}

static void
pacte_text_row_class_init (PacteTextRowClass *klass)
{
  PacteFieldRowClass *row_class = PACTE_FIELD_ROW_CLASS (klass);

  row_class->kind = PACTE_FIELD_ROW_TEXT;
  row_class->build = pacte_text_row_build;
  row_class->sync = pacte_text_row_sync;
  row_class->commit = pacte_text_row_commit;
}

static void
pacte_text_row_init (PacteTextRow *self)
{
}
