/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-export.h: Export PDF (win.export-pdf).  It asks for the
 * report's language and scope (pacte-export-dialog.h), then for the file,
 * then writes the pages one at a time in idles with a progress dialog
 * whose Cancel stops the export and leaves no file behind (the pages go to
 * a temporary file beside the target, renamed over it once complete). */
#pragma once

#include "pacte-window.h"

G_BEGIN_DECLS

/* Starts writing the report (lang; the whole portfolio, or the plan shown)
 * to path; returns the progress dialog (transfer none). */
GtkWidget *pacte_window_export_pdf_to           (PacteWindow *self,
                                                 const char  *path,
                                                 const char  *lang,
                                                 gboolean     whole_portfolio);
gboolean   pacte_window_export_is_running       (PacteWindow *self);
/* Tests: the file the next export goes to, instead of asking. */
void       pacte_window_set_export_path_for_tests (PacteWindow *self,
                                                   const char  *path);

G_END_DECLS
