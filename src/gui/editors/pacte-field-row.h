/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-field-row.h: the base of the preferences rows editing one field of
 * a record, one class per kind of field (pacte-text-row.h, pacte-date-row.h…).
 *
 * A field row is bound to a record (any PacteRecord) and to one of its
 * fields, named by its property ("revenue-target").  Every edit goes through
 * the record setters, so it is validated, undoable and re-evaluated; a change
 * of the record (undo, another view) updates the row.  The base does what
 * every row does: the binding, the rejected-input state (an error under the
 * row, the editor marked and described), the accessible name, and the title,
 * which is the field table's label.  Rows are declared in the editors'
 * templates by their class and key only, and handed a record when the editor
 * shows one: the class must be the one the field table asks for
 * (pacte_field_row_kind_for_record_field()).  Switching records only
 * rebinds: no widget is rebuilt. */
#pragma once

#include <adwaita.h>

#include "pacte-context.h"
#include "pacte-number.h"   /* pacte_number_parse(), pacte_number_format() */
#include "pacte-reveal.h"   /* pacte_reveal_widget() */

G_BEGIN_DECLS

typedef enum {
  PACTE_FIELD_ROW_TEXT,       /* one-line entry */
  PACTE_FIELD_ROW_MULTILINE,  /* text view, for notes */
  PACTE_FIELD_ROW_CHOICE,     /* drop-down of the field's allowed values */
  PACTE_FIELD_ROW_DATE,       /* entry "15/11/2026" (pacte_date_read) and a calendar */
  PACTE_FIELD_ROW_NUMBER,     /* entry in the locale's format (whole numbers for INTEGER fields) */
  PACTE_FIELD_ROW_QUARTER,    /* entry "T4 2026" / "Q4 2026" (pacte_quarter_read) */
  PACTE_FIELD_ROW_BOOLEAN,    /* switch */
  PACTE_FIELD_ROW_TAGS,       /* list of strings as removable chips, and an entry to add */
  PACTE_FIELD_ROW_PARTNERS,   /* list of partner ids, chosen by name */
  PACTE_FIELD_ROW_OBJECTIVE,  /* an action's objective: one of its plan's objectives */
  PACTE_FIELD_ROW_READONLY,   /* shown, not edited (identifiers) */
} PacteFieldRowKind;

GType pacte_field_row_kind_get_type (void);
/* The row that edits a field of this kind by default: text, choice, date,
 * number (and integer), boolean, tags (lists of strings); read-only for
 * anything else. */
PacteFieldRowKind pacte_field_row_kind_for_field (const PacteFieldInfo *info);
/* The row that edits this field of this record type: the default for its
 * kind, except identifiers (read-only), notes (several lines),
 * partner lists (chosen by name) and an action's objective. */
PacteFieldRowKind pacte_field_row_kind_for_record_field (GType record_type,
                                                         guint field);
/* The class of the rows of a kind (PACTE_TYPE_DATE_ROW for DATE…). */
GType             pacte_field_row_type_for_kind  (PacteFieldRowKind kind);
#define PACTE_TYPE_FIELD_ROW_KIND (pacte_field_row_kind_get_type ())

#define PACTE_TYPE_FIELD_ROW (pacte_field_row_get_type ())
G_DECLARE_DERIVABLE_TYPE (PacteFieldRow, pacte_field_row, PACTE, FIELD_ROW, AdwPreferencesRow)

struct _PacteFieldRowClass
{
  AdwPreferencesRowClass parent_class;

  PacteFieldRowKind kind;
  /* Makes the editing widgets, beside the title (header) or under it
   * (content), and names the one the user operates
   * (pacte_field_row_set_editor()). */
  void (*build)         (PacteFieldRow *self,
                         GtkBox        *header,
                         GtkBox        *content);
  /* Shows the record's value (force: even when the text already means it). */
  void (*sync)          (PacteFieldRow *self,
                         gboolean       force);
  /* Rows with an entry (pacte_field_row_add_entry()) or a text: reads the
   * text into the record; finished: the user left the entry. */
  void (*commit)        (PacteFieldRow *self,
                         gboolean       finished);
  /* Optional: bound to a record (or none, record NULL): watch what else the
   * row shows (partner names, a plan's objectives). */
  void (*bind)          (PacteFieldRow *self,
                         PacteRecord   *record);
  /* Optional: the name assistive technologies read changed. */
  void (*label_changed) (PacteFieldRow *self,
                         const char    *label);

  /*< private >*/
  gpointer padding[4];
};

/* Properties: "key" (construct-only), "record", "context", "unit" (a suffix
 * such as the currency: number rows), "placeholder-text". */
GtkWidget   *pacte_field_row_new                  (PacteFieldRowKind  kind,
                                                   const char        *key,
                                                   const char        *title);
/* A row naming its field by index (the record type's field enum). */
GtkWidget   *pacte_field_row_new_for_field        (PacteFieldRowKind  kind,
                                                   guint              field,
                                                   const char        *title);
void         pacte_field_row_set_record           (PacteFieldRow     *self,
                                                   PacteRecord       *record);
/* Names the type of the records the row will edit, before any is bound
 * (an editor's template rows): the row takes its title from the field
 * table, and a row of another class than the table asks for is a critical. */
void         pacte_field_row_set_record_type      (PacteFieldRow     *self,
                                                   GType              record_type);
PacteRecord *pacte_field_row_get_record           (PacteFieldRow     *self);
void         pacte_field_row_set_context          (PacteFieldRow     *self,
                                                   PacteContext      *context);
void         pacte_field_row_set_unit             (PacteFieldRow     *self,
                                                   const char        *unit);
PacteFieldRowKind pacte_field_row_get_kind        (PacteFieldRow     *self);
const char  *pacte_field_row_get_key              (PacteFieldRow     *self);
/* The property name of the field the row edits in its record
 * ("revenue-target", "due"), or NULL without a record. */
const char  *pacte_field_row_get_field_name       (PacteFieldRow     *self);
/* The name assistive technologies read for the editing control (by default
 * the row's title), e.g. "Target of objective “Pipeline”". */
void         pacte_field_row_set_accessible_label (PacteFieldRow     *self,
                                                   const char        *label);
const char  *pacte_field_row_get_accessible_label (PacteFieldRow     *self);
/* The widget the user types into or operates (entry, drop-down, switch…). */
GtkWidget   *pacte_field_row_get_editor           (PacteFieldRow     *self);
/* Moves keyboard focus to the editor; TRUE when it took it. */
gboolean     pacte_field_row_focus_editor         (PacteFieldRow     *self);
/* The inline error shown under the row, or NULL when the text is valid. */
const char  *pacte_field_row_get_error            (PacteFieldRow     *self);
/* Judges what typing left open, as leaving the entry does ("2027-0" is
 * then an error).  Returns the error, or NULL when the row's text is in
 * the model. */
const char  *pacte_field_row_finish_editing       (PacteFieldRow     *self);
/* TRUE while the entry holds text typed but not read yet (an incomplete
 * date whose error waits for the user to finish). */
gboolean     pacte_field_row_has_unjudged_text    (PacteFieldRow     *self);
/* Forgets text that was not applied: shows the model's value again. */
void         pacte_field_row_discard_text         (PacteFieldRow     *self);

G_END_DECLS
