/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-drafts-dialog.h: at start-up, after a crash or a killed program,
 * offers to restore each draft of unsaved work.
 *
 * One row per draft: the file (or "Unsaved portfolio"), the portfolio's
 * title and when the draft was written ("today at 14:05"), with Restore and
 * Discard.  Discard removes the draft from the store; Restore emits
 * "restore" for the application, which loads the draft
 * (pacte_draft_store_load()) into a window and keeps it up to date with a
 * PacteAutosave of the same id.  Either way the row goes; the dialog closes
 * itself when no row is left.  Closing it earlier keeps the other drafts
 * for the next start. */
#pragma once

#include <adwaita.h>

#include "pacte-drafts.h"

G_BEGIN_DECLS

#define PACTE_TYPE_DRAFTS_DIALOG (pacte_drafts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PacteDraftsDialog, pacte_drafts_dialog, PACTE, DRAFTS_DIALOG, AdwWindow)

/* drafts: PacteDraftInfo objects to offer, or NULL for every draft of store.
 * Signal "restore" (PacteDraftInfo *info). */
PacteDraftsDialog *pacte_drafts_dialog_new         (PacteDraftStore   *store,
                                                    GPtrArray         *drafts);
guint              pacte_drafts_dialog_get_n_drafts (PacteDraftsDialog *self);
/* Acting on a row, as its buttons do (also for tests). */
void               pacte_drafts_dialog_restore     (PacteDraftsDialog *self,
                                                    const char        *draft_id);
gboolean           pacte_drafts_dialog_discard     (PacteDraftsDialog *self,
                                                    const char        *draft_id,
                                                    GError           **error);

/* "today at 14:05", "yesterday at 09:12", "3 March 2027 at 18:40", in local
 * time, as the user's language writes it. */
char              *pacte_drafts_format_time        (GDateTime         *saved,
                                                    GDateTime         *now);
/* The same as a draft's row says it: "Draft from today at 14:05",
 * "Draft from 3 March 2027 at 18:40". */
char              *pacte_drafts_format_draft_time  (GDateTime         *saved,
                                                    GDateTime         *now);
/* The row's title: the file's name, or "Unsaved portfolio". */
char              *pacte_drafts_format_name        (PacteDraftInfo    *info);

G_END_DECLS
