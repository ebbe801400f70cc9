/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-portfolio.h: the document.  A portfolio is the root record of a file
 * (meta, rule_settings, partners, plans); it also knows its file, whether it
 * is modified, and its undo history. */
#pragma once

#include "pacte-model.h"

G_BEGIN_DECLS

typedef struct _PacteRuleSet PacteRuleSet; /* pacte-rule-set.h */

typedef enum {
  PACTE_PORTFOLIO_META_TITLE, PACTE_PORTFOLIO_META_OWNER,
  PACTE_PORTFOLIO_META_CURRENCY,   /* default "EUR" when unset: see pacte_portfolio_get_currency() */
  PACTE_PORTFOLIO_META_LANGUAGE,   /* CHOICE "en", "fr" */
  PACTE_PORTFOLIO_RULE_SETTINGS,   /* LIST of PacteOverride */
  PACTE_PORTFOLIO_PARTNERS,        /* LIST of PactePartner */
  PACTE_PORTFOLIO_PLANS,           /* LIST of PactePlan */
  PACTE_PORTFOLIO_N_FIELDS
} PactePortfolioField;

#define PACTE_PORTFOLIO_FORMAT  "pacte-portfolio"
#define PACTE_PORTFOLIO_VERSION 1

#define PACTE_TYPE_PORTFOLIO (pacte_portfolio_get_type ())
G_DECLARE_FINAL_TYPE (PactePortfolio, pacte_portfolio, PACTE, PORTFOLIO, PacteRecord)

/* Properties besides the fields: "file" (GFile, may be NULL), "modified"
 * (boolean), "can-undo", "can-redo", "undo-label", "redo-label" (strings).
 *
 * Signal "record-changed" (PacteRecord *owner, PacteRecord *record, guint field):
 * emitted after any edit made through the record setters, list functions,
 * undo or redo.  owner is the PactePartner or PactePlan the edit belongs to,
 * or the portfolio itself for meta, rule_settings, and insertion/removal of
 * partners or plans. */

PactePortfolio *pacte_portfolio_new               (void);

GListModel     *pacte_portfolio_get_partners      (PactePortfolio *self);
GListModel     *pacte_portfolio_get_plans         (PactePortfolio *self);
PactePartner   *pacte_portfolio_find_partner      (PactePortfolio *self,
                                                   const char     *id);  /* hash lookup */
PactePlan      *pacte_portfolio_find_plan         (PactePortfolio *self,
                                                   const char     *id);
PacteOverride  *pacte_portfolio_find_setting      (PactePortfolio *self,
                                                   const char     *rule_id);
const char     *pacte_portfolio_get_currency      (PactePortfolio *self); /* "EUR" if unset */
/* A fresh id not used yet in that list ("p-12", "plan-3", "obj-2", "act-7"). */
char           *pacte_portfolio_new_id            (PactePortfolio *self,
                                                   PacteRecord    *list_owner,
                                                   guint           list_field,
                                                   const char     *prefix);

GFile          *pacte_portfolio_get_file          (PactePortfolio *self);
void            pacte_portfolio_set_file          (PactePortfolio *self,
                                                   GFile          *file);
/* The etag of the file as last loaded or saved (to notice changes on disk). */
const char     *pacte_portfolio_get_etag          (PactePortfolio *self);
gboolean        pacte_portfolio_get_modified      (PactePortfolio *self);
/* Marks the current state as the saved one. */
void            pacte_portfolio_set_unmodified    (PactePortfolio *self);

/* ---- Loading ---------------------------------------------------------- */
/* rules may be NULL: then rule ids and parameters in overrides are not checked.
 * On failure: NULL and one PACTE_MODEL_ERROR whose message starts with the
 * file's display name, then "line:column: " (syntax) or the JSON path
 * ("plans[2].partners[0]: unknown partner "p-9""), and says what was expected. */
PactePortfolio *pacte_portfolio_load_file         (GFile          *file,
                                                   PacteRuleSet   *rules,
                                                   GCancellable   *cancellable,
                                                   GError        **error);
PactePortfolio *pacte_portfolio_load_bytes        (GBytes         *bytes,
                                                   const char     *display_name,
                                                   PacteRuleSet   *rules,
                                                   GError        **error);
void            pacte_portfolio_load_file_async   (GFile          *file,
                                                   PacteRuleSet   *rules,
                                                   GCancellable   *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer        user_data);
PactePortfolio *pacte_portfolio_load_file_finish  (GAsyncResult   *result,
                                                   GError        **error);

/* Progress of a load: done of total bytes of the file read and parsed into
 * records so far.  done never decreases; the last call of a load that
 * succeeds has done == total. */
typedef void (*PacteLoadProgressFunc) (guint64  done,
                                       guint64  total,
                                       gpointer user_data);

/* pacte_portfolio_load_file() that reports its progress and can be cancelled
 * while it parses, not only while it reads.  It uses no main context and no
 * shared mutable state: it may run in any thread, several at once (a large
 * portfolio's lists are read with a second thread of its own, ended before
 * it returns).  progress
 * (may be NULL) is called in the calling thread, about every 1 % of the file
 * (every 64 KiB at least).  Once cancellable is cancelled, the load stops
 * within one such step and fails with G_IO_ERROR_CANCELLED. */
PactePortfolio *pacte_portfolio_load_file_with_progress (GFile                 *file,
                                                         PacteRuleSet          *rules,
                                                         PacteLoadProgressFunc  progress,
                                                         gpointer               progress_data,
                                                         GCancellable          *cancellable,
                                                         GError               **error);
/* What a load tells as it goes, in the loading thread, for work done beside
 * it (the window's open makes the plans' rule summaries while the load
 * reads them).  list: the list's member in the file ("partners", "plans").
 * item_built: an item of the list is built, in the file's order, before it
 *   is in the portfolio (it has no parent yet; not a reference);
 * list_built: the list's items are built (or the reading stopped): they go
 *   into the portfolio when this returns, so whoever reads the portfolio
 *   beside the load must have stopped;
 * list_loaded: the list is in the portfolio, complete.
 * Each may be NULL. */
typedef struct
{
  void (*item_built)  (gpointer        data,
                       const char     *list,
                       PacteRecord    *item);
  void (*list_built)  (gpointer        data,
                       const char     *list);
  void (*list_loaded) (gpointer        data,
                       PactePortfolio *portfolio,
                       const char     *list);
} PacteLoadObserver;

/* pacte_portfolio_load_file_with_progress() that tells observer (may be
 * NULL) how the lists go. */
PactePortfolio *pacte_portfolio_load_file_observed (GFile                   *file,
                                                    PacteRuleSet            *rules,
                                                    PacteLoadProgressFunc    progress,
                                                    gpointer                 progress_data,
                                                    const PacteLoadObserver *observer,
                                                    gpointer                 observer_data,
                                                    GCancellable            *cancellable,
                                                    GError                 **error);
/* The same in a worker thread; progress (may be NULL) is called in the
 * thread-default main context of the caller, never after callback, at most
 * once per iteration of that context with the latest figures;
 * progress_destroy frees progress_data when the load is over.  Finish with
 * pacte_portfolio_load_file_finish(). */
void            pacte_portfolio_load_file_with_progress_async (GFile                 *file,
                                                               PacteRuleSet          *rules,
                                                               PacteLoadProgressFunc  progress,
                                                               gpointer               progress_data,
                                                               GDestroyNotify         progress_destroy,
                                                               GCancellable          *cancellable,
                                                               GAsyncReadyCallback    callback,
                                                               gpointer               user_data);

/* ---- Saving ----------------------------------------------------------- */
/* Canonical JSON: spec key order, unknown keys after the known ones in their
 * original order, two-space indent, one trailing newline. */
GBytes         *pacte_portfolio_to_bytes          (PactePortfolio *self);
/* The same text without blocking the main loop for more than a few
 * milliseconds at a time, whatever the size: the partners and plans are
 * written a slice at a time between the loop's events, edits made meanwhile
 * included, and joined in a worker thread.  Call from the main thread. */
void            pacte_portfolio_snapshot_async    (PactePortfolio *self,
                                                   GCancellable   *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer        user_data);
GBytes         *pacte_portfolio_snapshot_finish   (PactePortfolio *self,
                                                   GAsyncResult   *result,
                                                   GError        **error);
/* Atomic: temporary file renamed over the target, previous version kept as
 * FILE~ backup, every step checked.  On success the file, etag and modified
 * state are updated.  save_async() makes the text with
 * pacte_portfolio_snapshot_async() and writes it in a worker thread: edits
 * made once the text is complete stay modified. */
gboolean        pacte_portfolio_save              (PactePortfolio *self,
                                                   GFile          *file,
                                                   GCancellable   *cancellable,
                                                   GError        **error);
void            pacte_portfolio_save_async        (PactePortfolio *self,
                                                   GFile          *file,
                                                   GCancellable   *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer        user_data);
gboolean        pacte_portfolio_save_finish       (PactePortfolio *self,
                                                   GAsyncResult   *result,
                                                   GError        **error);

/* ---- History ---------------------------------------------------------- */
/* Consecutive edits of the same field of the same record within a short time
 * merge into one step (typing a word is one undo).  A group makes several
 * edits one step; pacte_portfolio_break_merge() ends the current merge. */
gboolean        pacte_portfolio_can_undo          (PactePortfolio *self);
gboolean        pacte_portfolio_can_redo          (PactePortfolio *self);
gboolean        pacte_portfolio_undo              (PactePortfolio *self);
gboolean        pacte_portfolio_redo              (PactePortfolio *self);
/* Translated: "Change Target", "Add Action", "Remove Partner"; NULL if none. */
const char     *pacte_portfolio_get_undo_label    (PactePortfolio *self);
const char     *pacte_portfolio_get_redo_label    (PactePortfolio *self);
void            pacte_portfolio_begin_group       (PactePortfolio *self,
                                                   const char     *label);
void            pacte_portfolio_end_group         (PactePortfolio *self);
void            pacte_portfolio_break_merge       (PactePortfolio *self);

G_END_DECLS
