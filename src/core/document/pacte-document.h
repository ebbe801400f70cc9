/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-document.h: one open portfolio and its life, as a window shows it.
 *
 * A document holds at most one portfolio (its file, etag, modified state and
 * undo history are the portfolio's) and everything that happens to it
 * between open and close: loading a file in a worker thread with its
 * progress (a load that fails or is cancelled leaves the document as it
 * was), saving in the background, the draft of its unsaved changes kept up
 * to date (PacteAutosave), and its file watched for changes made by other
 * programs (PacteFileWatch).  No GTK: the window binds to a document and
 * builds its views when "portfolio" changes. */
#pragma once

#include <gio/gio.h>

#include "pacte-autosave.h"
#include "pacte-draft-store.h"
#include "pacte-file-watch.h"
#include "pacte-load-prepared.h"
#include "pacte-portfolio.h"

G_BEGIN_DECLS

#define PACTE_TYPE_DOCUMENT (pacte_document_get_type ())
G_DECLARE_FINAL_TYPE (PacteDocument, pacte_document, PACTE, DOCUMENT, GObject)

/* store: where drafts are written (NULL: pacte_draft_store_new (NULL)).
 * rules: what loaded portfolios are checked against (NULL: not checked).
 * Properties: "portfolio" (PactePortfolio, NULL while the document is
 * empty), "loading" (boolean), "progress" (double, 0 to 1: the share of the
 * file read and parsed by the load in progress), "file" (the portfolio's
 * file, or the one being loaded).
 * Signals: "draft-saved" () after each draft written; "draft-failed"
 * (GError *) when a draft could not be written. */
PacteDocument  *pacte_document_new                (PacteDraftStore *store,
                                                   PacteRuleSet    *rules);

PactePortfolio *pacte_document_get_portfolio      (PacteDocument   *self);
/* The file shown, or the one being loaded (NULL if none). */
GFile          *pacte_document_get_file           (PacteDocument   *self);
gboolean        pacte_document_get_loading        (PacteDocument   *self);
double          pacte_document_get_progress       (PacteDocument   *self);
gboolean        pacte_document_get_modified       (PacteDocument   *self);
/* The watch of the portfolio's file and its draft (NULL while empty). */
PacteFileWatch *pacte_document_get_watch          (PacteDocument   *self);
PacteAutosave  *pacte_document_get_autosave       (PacteDocument   *self);
PacteDraftStore *pacte_document_get_draft_store   (PacteDocument   *self);
void            pacte_document_set_rules          (PacteDocument   *self,
                                                   PacteRuleSet    *rules);

/* Loads started after this also prepare, in their worker thread, what a
 * window needs to show the portfolio: every plan evaluated against the
 * document's rules for today in lang, the plans and partners in name order
 * (pacte-load-prepared.h).  today 0: nothing is prepared (the default). */
void            pacte_document_set_prepare        (PacteDocument   *self,
                                                   guint32          today,
                                                   const char      *lang);
/* What the load of portfolio prepared (transfer full), while it is being
 * shown ("portfolio" notification); NULL for a portfolio not loaded here,
 * or when nothing was prepared. */
PacteLoadPrepared *pacte_document_take_prepared   (PacteDocument   *self,
                                                   PactePortfolio  *portfolio);

/* Shows portfolio (a new one, or one loaded elsewhere) in place of the
 * current one, cancelling a load in progress.  The portfolio replaced keeps
 * its draft when it has unsaved changes (unless they were discarded). */
void            pacte_document_set_portfolio      (PacteDocument   *self,
                                                   PactePortfolio  *portfolio);

/* Loads file in a worker thread; on success the portfolio replaces the
 * current one (as set_portfolio() does), on failure or cancellation the
 * document is left as it was.  A load started while another runs cancels
 * it.  "progress" rises while the file is parsed. */
void            pacte_document_load_async         (PacteDocument   *self,
                                                   GFile           *file,
                                                   GCancellable    *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer         user_data);
/* Reload: loads the portfolio's own file again; the changes made here are
 * dropped without a draft once the new version is in. */
void            pacte_document_reload_async       (PacteDocument   *self,
                                                   GCancellable    *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer         user_data);
gboolean        pacte_document_load_finish        (PacteDocument   *self,
                                                   GAsyncResult    *result,
                                                   GError         **error);
/* Cancels the load in progress, if any (its callback sees G_IO_ERROR_CANCELLED). */
void            pacte_document_cancel_load        (PacteDocument   *self);

/* Restores the draft draft_id of store: its unsaved state replaces the
 * current portfolio and keeps being written to that draft until saved. */
gboolean        pacte_document_restore_draft      (PacteDocument   *self,
                                                   PacteDraftStore *store,
                                                   const char      *draft_id,
                                                   GError         **error);

/* TRUE when saving to file would overwrite a version another program
 * wrote since the portfolio was loaded or saved: ask the user first. */
gboolean        pacte_document_save_would_overwrite (PacteDocument *self,
                                                   GFile           *file);
/* Saves the portfolio to file (its own file when NULL) in the background;
 * our own writing is not reported as a change on disk, and the draft goes
 * once the saved state is the current one. */
void            pacte_document_save_async         (PacteDocument   *self,
                                                   GFile           *file,
                                                   GCancellable    *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer         user_data);
gboolean        pacte_document_save_finish        (PacteDocument   *self,
                                                   GAsyncResult    *result,
                                                   GError         **error);

/* The user chose to discard the unsaved changes: the draft goes now. */
gboolean        pacte_document_discard_changes    (PacteDocument   *self,
                                                   GError         **error);
/* Empties the document: a portfolio with unsaved changes (or a restored
 * draft not saved since) keeps its draft, written now, unless the changes
 * were discarded. */
gboolean        pacte_document_close              (PacteDocument   *self,
                                                   GError         **error);

G_END_DECLS
