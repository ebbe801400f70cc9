/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-draft-store.h: the folder of drafts of unsaved portfolios (see
 * pacte-drafts.h for the files it holds). */
#pragma once

#include <gio/gio.h>

#include "pacte-draft-info.h"
#include "pacte-portfolio.h"

G_BEGIN_DECLS

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
gboolean        pacte_draft_id_is_valid            (const char      *id);

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

G_END_DECLS
