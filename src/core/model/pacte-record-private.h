/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-record-private.h: what the loader and the saver need beyond the
 * public record API.  Only for src/core. */
#pragma once

#include "pacte-portfolio.h"

G_BEGIN_DECLS

/* Kinds whose value is a string (free text or one of the allowed values),
 * and kinds whose value is a double (INTEGER fields hold whole numbers). */
static inline gboolean
pacte_field_kind_is_text (PacteFieldKind kind)
{
  return kind == PACTE_FIELD_STRING || kind == PACTE_FIELD_CHOICE || kind == PACTE_FIELD_QUARTER;
}

static inline gboolean
pacte_field_kind_is_number (PacteFieldKind kind)
{
  return kind == PACTE_FIELD_NUMBER || kind == PACTE_FIELD_INTEGER;
}

/* Sets error to "Label: detail" for field (PACTE_MODEL_ERROR_INVALID), for
 * a class's validate hook.  Returns FALSE. */
gboolean  pacte_record_field_error       (GError     **error,
                                          PacteRecord *self,
                                          guint        field,
                                          const char  *detail);

/* Raw stores for the loader: no validation, no notification, no undo.
 * The take_ variants take ownership of value. */
void      pacte_record_take_string_raw   (PacteRecord *self, guint field, char *value);
void      pacte_record_set_date_raw      (PacteRecord *self, guint field, guint32 julian);
void      pacte_record_set_number_raw    (PacteRecord *self, guint field, double value);
void      pacte_record_set_boolean_raw   (PacteRecord *self, guint field, int value);
void      pacte_record_take_strv_raw     (PacteRecord *self, guint field, char **value);
void      pacte_record_map_take_string_raw (PacteRecord *self, guint field, char *key, char *value);
void      pacte_record_map_set_number_raw  (PacteRecord *self, guint field, const char *key, double value);
/* Appends item (sets its parent; takes a new reference). */
void      pacte_record_list_append_raw   (PacteRecord *self, guint field, PacteRecord *item);

/* Members the program does not know, kept in their original order and
 * written back after the known ones.  object_path names the JSON object
 * they were found in, relative to the record: "" for the record's own
 * object, "period", "sponsor", "meta", "benchmark", "cross_business"… */
void      pacte_record_add_unknown       (PacteRecord *self,
                                          const char  *object_path,
                                          const char  *member,
                                          JsonNode    *node);   /* takes a reference */
/* Replaces the unknown member (appends it when absent; node NULL removes
 * it).  No undo, no notification: for the caller's own undoable edit. */
void      pacte_record_set_unknown       (PacteRecord *self,
                                          const char  *object_path,
                                          const char  *member,
                                          JsonNode    *node);
gboolean  pacte_record_has_unknown       (PacteRecord *self,
                                          const char  *object_path);
typedef void (*PacteUnknownFunc) (const char *member,
                                  JsonNode   *node,
                                  gpointer    user_data);
void      pacte_record_foreach_unknown   (PacteRecord *self,
                                          const char  *object_path,
                                          PacteUnknownFunc func,
                                          gpointer     user_data);

/* The loader hands a freshly built portfolio its file state: file, etag,
 * empty history, not modified. */
void      pacte_portfolio_set_loaded     (PactePortfolio *self,
                                          GFile          *file,
                                          const char     *etag);
/* After a successful save. */
void      pacte_portfolio_set_saved      (PactePortfolio *self,
                                          GFile          *file,
                                          const char     *etag);

/* The state a save started from: set_saved_at marks that state saved, so
 * edits made while an asynchronous save was writing stay modified. */
typedef struct {
  guint   pos;
  guint64 step_id;
} PacteSavePoint;
PacteSavePoint pacte_portfolio_get_save_point (PactePortfolio       *self);
void      pacte_portfolio_set_saved_at   (PactePortfolio       *self,
                                          GFile                *file,
                                          const char           *etag,
                                          const PacteSavePoint *point);
/* pacte_portfolio_snapshot_finish() with the save point of the state the
 * text holds. */
GBytes   *pacte_portfolio_snapshot_finish_at (PactePortfolio   *self,
                                              GAsyncResult     *result,
                                              PacteSavePoint   *point,
                                              GError          **error);

G_END_DECLS
