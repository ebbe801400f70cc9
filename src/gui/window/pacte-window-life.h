/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-life.h: the life of a window's document beyond open and save:
 * its draft kept up to date (PacteAutosave), its file watched for changes by
 * other programs (PacteFileWatch) with the bar that says so, the question
 * before overwriting someone else's version, and the offer to restore drafts
 * at start-up.  The window and the application call these hooks; the state
 * lives in the window's object data, not in its struct. */
#pragma once

#include "pacte-application.h"
#include "pacte-drafts.h"
#include "pacte-window.h"

G_BEGIN_DECLS

/* Opens the draft draft_id of store in window (replacing its document,
 * without asking): the unsaved state comes back, and keeps being written to
 * the same draft until it is saved. */
gboolean pacte_window_restore_draft        (PacteWindow      *self,
                                            PacteDraftStore  *store,
                                            const char       *draft_id,
                                            GError          **error);

/* Once per run of the program: when drafts exist, a dialog transient for
 * parent offers to restore each in a window (parent itself when it has no
 * document, a new window otherwise).  Returns the dialog, or NULL when there
 * is nothing to offer or it was offered already. */
GtkWindow *pacte_application_offer_drafts  (PacteApplication *app,
                                            PacteWindow      *parent);

/* ---- Hooks for pacte-window.c and pacte-window-actions.c ---------------- */
/* At the end of pacte_window_set_portfolio(): autosave, file watch, bar. */
void      _pacte_window_life_attach        (PacteWindow      *self);
/* When the document is dropped: its draft is kept if it is still modified
 * (nothing typed is lost), unless the user discarded the changes. */
void      _pacte_window_life_detach        (PacteWindow      *self);
/* The user chose to discard the unsaved changes: the draft goes. */
void      _pacte_window_life_discard       (PacteWindow      *self);

typedef void (*PacteWindowLifeFunc) (PacteWindow *self,
                                     gpointer     data);
/* Before saving the document to its own file: when another program changed
 * that file since it was loaded or saved, asks whether to overwrite it and
 * returns TRUE; then proceed(self, data) runs if the user agrees, and
 * destroy(data) in any case.  Returns FALSE (nothing done) when there is no
 * reason to ask. */
gboolean  _pacte_window_life_ask_overwrite (PacteWindow         *self,
                                            GFile               *file,
                                            PacteWindowLifeFunc  proceed,
                                            gpointer             data,
                                            GDestroyNotify       destroy);
/* Around a save in the background: our own writing is not a change by
 * someone else.  begin returns a token for end (may be NULL). */
gpointer  _pacte_window_life_save_begin    (PacteWindow      *self);
void      _pacte_window_life_save_end      (gpointer          token);

G_END_DECLS
