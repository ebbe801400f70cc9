/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-notes-row.c: a text of several lines, under the title. */
#include "config.h"

#include <string.h>

#include "pacte-field-row-private.h"
#include "pacte-notes-row.h"

struct _PacteNotesRow
{
  PacteFieldRow  parent_instance;

  GtkTextView   *text_view;
};

G_DEFINE_FINAL_TYPE (PacteNotesRow, pacte_notes_row, PACTE_TYPE_FIELD_ROW)

static char *
buffer_text (PacteNotesRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
buffer_changed_cb (PacteNotesRow *self,
                   GtkTextBuffer *buffer)
{
  PacteFieldRow *row = PACTE_FIELD_ROW (self);

  if (pacte_field_row_is_updating (row) || !pacte_field_row_has_record (row))
    return;
  if (pacte_field_row_defer_if_empty (row, gtk_text_buffer_get_char_count (buffer) == 0))
    return;
  PACTE_FIELD_ROW_GET_CLASS (row)->commit (row, FALSE);
}

static void
pacte_notes_row_build (PacteFieldRow *row,
                       GtkBox        *header,
                       GtkBox        *content)
{
  PacteNotesRow *self = PACTE_NOTES_ROW (row);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_widget_set_hexpand (pacte_field_row_get_private (row)->title_label, TRUE);
  self->text_view = GTK_TEXT_VIEW (view);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_text_view_set_top_margin (self->text_view, 8);
  gtk_text_view_set_bottom_margin (self->text_view, 8);
  gtk_text_view_set_left_margin (self->text_view, 8);
  gtk_text_view_set_right_margin (self->text_view, 8);
  gtk_widget_set_size_request (view, -1, 80);
  gtk_widget_add_css_class (view, "pacte-notes");
  /* As for entries: Ctrl+Z undoes through the document's history. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (content, frame);
  pacte_field_row_set_editor (row, view);
}

static void
pacte_notes_row_sync (PacteFieldRow *row,
                      gboolean       force)
{
  PacteNotesRow *self = PACTE_NOTES_ROW (row);
  const char *value = pacte_field_row_has_record (row)
                      ? pacte_record_get_string (pacte_field_row_record (row), pacte_field_row_field (row)) : "";
  g_autofree char *text = buffer_text (self);

  if (force || strcmp (text, value) != 0)
    {
      pacte_field_row_set_updating (row, TRUE);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), value, -1);
      pacte_field_row_set_updating (row, FALSE);
    }
}

static void
pacte_notes_row_commit (PacteFieldRow *row,
                        gboolean       finished)
{
  g_autofree char *text = NULL;

  if (finished)
    return;
  text = buffer_text (PACTE_NOTES_ROW (row));
  pacte_field_row_commit_string (row, text);
}

static void
pacte_notes_row_class_init (PacteNotesRowClass *klass)
{
  PacteFieldRowClass *row_class = PACTE_FIELD_ROW_CLASS (klass);

  row_class->kind = PACTE_FIELD_ROW_MULTILINE;
  row_class->build = pacte_notes_row_build;
  row_class->sync = pacte_notes_row_sync;
  row_class->commit = pacte_notes_row_commit;
}

static void
pacte_notes_row_init (PacteNotesRow *self)
{
}
