/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-autosave.h: keeps the draft of one open portfolio up to date (see
 * pacte-drafts.h). */
#pragma once

#include <gio/gio.h>

#include "pacte-draft-store.h"

G_BEGIN_DECLS

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
