/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-document-bar.h: the bar above a document that says its file was
 * changed or deleted by another program, with Reload and Keep Mine.
 *
 * The bar follows a PacteFileWatch: it shows itself while the watch's state
 * is CHANGED or DELETED, and hides when it returns to SAME.  Keep Mine
 * acknowledges the version on disk (pacte_file_watch_acknowledge()) after
 * emitting "keep-mine"; "reload" is for the window, which loads the file
 * again (the watch of the new document starts clean). */
#pragma once

#include <gtk/gtk.h>

#include "pacte-file-watch.h"

G_BEGIN_DECLS

#define PACTE_TYPE_DOCUMENT_BAR (pacte_document_bar_get_type ())
G_DECLARE_FINAL_TYPE (PacteDocumentBar, pacte_document_bar, PACTE, DOCUMENT_BAR, GtkWidget)

/* Properties: "watch" (PacteFileWatch, may be NULL: the bar hides),
 * "state" (PacteDiskState, read-only: what the bar shows).
 * Signals: "reload" (), "keep-mine" (). */
GtkWidget      *pacte_document_bar_new        (void);
PacteFileWatch *pacte_document_bar_get_watch  (PacteDocumentBar *self);
void            pacte_document_bar_set_watch  (PacteDocumentBar *self,
                                               PacteFileWatch   *watch);
PacteDiskState  pacte_document_bar_get_state  (PacteDocumentBar *self);
/* The text shown, for tests and screen readers ("" when hidden). */
const char     *pacte_document_bar_get_title  (PacteDocumentBar *self);

G_END_DECLS
