/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-field-row-private.h: what the row classes of each kind share with
 * their base, PacteFieldRow (pacte-field-row.c). */
#pragma once

#include "pacte-field-row.h"

G_BEGIN_DECLS

typedef struct
{
  char              *key;
  int                fixed_field;     /* rows built in code name their field by index */
  char              *unit;
  char              *placeholder;
  char              *accessible_label;
  PacteContext      *context;
  gboolean           titled;          /* the title is the field table's label */

  PacteRecord       *record;
  int                field;           /* index in record, -1 without a record */
  gulong             notify_id;

  gboolean           updating;        /* the row is writing its own widgets */
  gboolean           unjudged;        /* text not read yet, its error held back while typing */
  guint              pending_empty_id;/* an emptied entry, committed when idle */
  char              *error;

  GtkWidget         *title_label;
  GtkWidget         *editor;          /* what the user operates */
  GtkWidget         *entry;           /* the entry of pacte_field_row_add_entry() */
  gboolean           labelled_by_title;
  GtkWidget         *error_revealer;
  GtkWidget         *error_label;
} PacteFieldRowPrivate;

PacteFieldRowPrivate *pacte_field_row_get_private (PacteFieldRow *self);

/* For the row classes. */
gboolean     pacte_field_row_has_record        (PacteFieldRow *self);
PacteRecord *pacte_field_row_record            (PacteFieldRow *self);
guint        pacte_field_row_field             (PacteFieldRow *self);
PacteContext *pacte_field_row_context          (PacteFieldRow *self);
const char  *pacte_field_row_get_unit          (PacteFieldRow *self);
const char  *pacte_field_row_get_placeholder   (PacteFieldRow *self);
/* The name read for the editor: its own, or the title. */
const char  *pacte_field_row_label             (PacteFieldRow *self);
void         pacte_field_row_set_editor        (PacteFieldRow *self,
                                                GtkWidget     *editor);
/* An entry in box that commits as the user types (an emptied entry when
 * idle), finishes when left or activated, and is labelled by the title. */
GtkWidget   *pacte_field_row_add_entry         (PacteFieldRow *self,
                                                GtkBox        *box);
/* The entry's text. */
const char  *pacte_field_row_entry_text        (PacteFieldRow *self);
/* TRUE when an emptied text waits for idle before it is committed (see
 * pacte-field-row.c); FALSE (and nothing waits) when not empty. */
gboolean     pacte_field_row_defer_if_empty    (PacteFieldRow *self,
                                                gboolean       empty);
/* Sets the entry's text without committing it. */
void         pacte_field_row_set_entry_text    (PacteFieldRow *self,
                                                const char    *text);
void         pacte_field_row_set_updating      (PacteFieldRow *self,
                                                gboolean       updating);
gboolean     pacte_field_row_is_updating       (PacteFieldRow *self);
void         pacte_field_row_set_unjudged      (PacteFieldRow *self,
                                                gboolean       unjudged);
void         pacte_field_row_show_error        (PacteFieldRow *self,
                                                const char    *message);
void         pacte_field_row_clear_error       (PacteFieldRow *self);
void         pacte_field_row_show_gerror       (PacteFieldRow *self,
                                                GError        *error);
/* Writes text into the record's field, showing a refusal under the row. */
void         pacte_field_row_commit_string     (PacteFieldRow *self,
                                                const char    *text);
/* Shows the record's value in the widgets; force: even when the text
 * already means it (and rebuild a drop-down's choices). */
void         pacte_field_row_sync_from_model   (PacteFieldRow *self,
                                                gboolean       force);

G_END_DECLS
