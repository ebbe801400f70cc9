/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-drafts.h: drafts of unsaved portfolios, so that nothing typed is lost
 * when the program is killed or crashes.
 *
 * A draft store is a folder (g_get_user_data_dir()/pacte/drafts, or
 * $PACTE_DRAFTS_DIR) holding, for each draft id, two files written
 * atomically:
 *   ID.pacte.json   the portfolio in canonical JSON (pacte_portfolio_to_bytes)
 *   ID.draft.json   a small description: original file URI (or null for a
 *                   portfolio never saved), its etag, the time saved, the title.
 * The data is written before the description, and removed before it, so that
 * a crash at any moment leaves either a complete draft or a data file alone,
 * which is still listed (no typed data is ever dropped).
 *
 * PacteAutosave keeps the draft of one open portfolio up to date: after a
 * pause of a few seconds in editing (or at the latest 30 s after the first
 * unsaved edit) it writes the draft; when the portfolio becomes
 * unmodified (saved, or undone back to the saved state) it removes it. */
#pragma once

#include <gio/gio.h>

#include "pacte-portfolio.h"

G_BEGIN_DECLS

/* ---- One draft, as listed ------------------------------------------------ */
#define PACTE_TYPE_DRAFT_INFO (pacte_draft_info_get_type ())
G_DECLARE_FINAL_TYPE (PacteDraftInfo, pacte_draft_info, PACTE, DRAFT_INFO, GObject)

/* Properties (read-only): "id", "file" (the original file, NULL for a
 * portfolio never saved), "saved" (GDateTime, UTC), "title" ("" if none). */
const char     *pacte_draft_info_get_id            (PacteDraftInfo  *self);
GFile          *pacte_draft_info_get_file          (PacteDraftInfo  *self);
GDateTime      *pacte_draft_info_get_saved         (PacteDraftInfo  *self);
const char     *pacte_draft_info_get_title         (PacteDraftInfo  *self);

/* ---- The folder of drafts --------------------------------------------- */
#define PACTE_TYPE_DRAFT_STORE (pacte_draft_store_get_type ())
G_DECLARE_FINAL_TYPE (PacteDraftStore, pacte_draft_store, PACTE, DRAFT_STORE, GObject)

/* $PACTE_DRAFTS_DIR when set, else g_get_user_data_dir()/pacte/drafts. */
GFile          *pacte_draft_store_default_dir      (void);
/* dir: NULL for pacte_draft_store_default_dir().  The folder is created on
 * the first save. */
PacteDraftStore *pacte_draft_store_new             (GFile           *dir);
GFile          *pacte_draft_store_get_dir          (PacteDraftStore *self);

/* A draft id is 1 to 64 characters among A-Z a-z 0-9 - _ (a uuid fits);
 * any other id gives G_IO_ERROR_INVALID_ARGUMENT. */
char           *pacte_draft_new_id                 (void);

/* Writes (or replaces) the draft of portfolio under draft_id. */
gboolean        pacte_draft_store_save             (PacteDraftStore *self,
                                                    const char      *draft_id,
                                                    PactePortfolio  *portfolio,
                                                    GCancellable    *cancellable,
                                                    GError         **error);
/* The same, writing in the background (the portfolio is serialized at once,
 * on the calling thread). */
void            pacte_draft_store_save_async       (PacteDraftStore *self,
                                                    const char      *draft_id,
                                                    PactePortfolio  *portfolio,
                                                    GCancellable    *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer         user_data);
gboolean        pacte_draft_store_save_finish      (PacteDraftStore *self,
                                                    GAsyncResult    *result,
                                                    GError         **error);
/* Removing a draft that does not exist succeeds. */
gboolean        pacte_draft_store_remove           (PacteDraftStore *self,
                                                    const char      *draft_id,
                                                    GError         **error);
/* Every draft in the folder (PacteDraftInfo), newest first.  A missing
 * folder gives an empty array; an unreadable folder gives NULL and error. */
GPtrArray      *pacte_draft_store_list             (PacteDraftStore *self,
                                                    GError         **error);
/* The id of a draft of file, or NULL (the newest when there are several). */
char           *pacte_draft_store_find_for_file    (PacteDraftStore *self,
                                                    GFile           *file);
/* The unsaved portfolio as it was when the draft was written: its file and
 * etag are the original's, and it is modified (its state was never saved),
 * with an empty undo history.  rules as for pacte_portfolio_load_bytes(). */
PactePortfolio *pacte_draft_store_load             (PacteDraftStore *self,
                                                    const char      *draft_id,
                                                    PacteRuleSet    *rules,
                                                    GError         **error);

/* ---- Keeping one portfolio's draft up to date -------------------------- */
#define PACTE_TYPE_AUTOSAVE (pacte_autosave_get_type ())
G_DECLARE_FINAL_TYPE (PacteAutosave, pacte_autosave, PACTE, AUTOSAVE, GObject)

#define PACTE_AUTOSAVE_DEFAULT_DELAY 3000 /* milliseconds */
/* Edits postpone the write by the delay (it waits for a pause in editing),
 * up to this many delays after the first unsaved edit. */
#define PACTE_AUTOSAVE_MAX_WAIT_FACTOR 10

/* draft_id: the id to write under (a restored draft keeps its id), or NULL
 * for a new one.  If the portfolio is already modified, a save is scheduled.
 * Properties: "store", "portfolio", "draft-id" (construct-only), "delay"
 * (milliseconds of quiet after the last edit before the write, default 3000;
 * at most PACTE_AUTOSAVE_MAX_WAIT_FACTOR times it after the first edit).
 * Signals: "saved" () after each draft written; "failed" (GError *) when a
 * draft could not be written (the window may tell the user). */
PacteAutosave  *pacte_autosave_new                 (PacteDraftStore *store,
                                                    PactePortfolio  *portfolio,
                                                    const char      *draft_id);
const char     *pacte_autosave_get_draft_id        (PacteAutosave   *self);
PactePortfolio *pacte_autosave_get_portfolio       (PacteAutosave   *self);
guint           pacte_autosave_get_delay           (PacteAutosave   *self);
void            pacte_autosave_set_delay           (PacteAutosave   *self,
                                                    guint            delay_ms);
/* TRUE while an edit waits to be written. */
gboolean        pacte_autosave_get_pending         (PacteAutosave   *self);
/* Brings the draft in line with the portfolio now: removed when it is
 * unmodified (call after a save: a save that leaves "modified" unchanged is
 * not notified), written soon when it is modified. */
void            pacte_autosave_update              (PacteAutosave   *self);
/* Writes the draft now if the portfolio is modified (quitting and keeping
 * the changes as a draft), synchronously. */
gboolean        pacte_autosave_flush               (PacteAutosave   *self,
                                                    GError         **error);
/* The document is closed: keep_draft TRUE writes the draft now and keeps it
 * (the user chose to keep the changes for later), FALSE removes it (the
 * changes were saved or discarded).  The autosave stops watching. */
gboolean        pacte_autosave_close               (PacteAutosave   *self,
                                                    gboolean         keep_draft,
                                                    GError         **error);

G_END_DECLS
