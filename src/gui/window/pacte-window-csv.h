/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-csv.h: the window's CSV actions (pacte-window-csv.c):
 * win.import-csv opens the import dialog, win.export-csv a save dialog with
 * what to export (partners, plans, actions) and Excel's French defaults. */
#pragma once

#include "pacte-csv.h"
#include "pacte-window.h"

G_BEGIN_DECLS

/* Installs win.import-csv and win.export-csv (from class_init). */
void       _pacte_window_class_add_csv_actions (GtkWidgetClass     *widget_class);
/* Enables them when a document is shown. */
void       _pacte_window_update_csv_actions    (PacteWindow        *self);

/* What the export dialog's Export does (also for tests): the portfolio
 * shown, in its language (else the interface's), at the window's today. */
gboolean   pacte_window_export_csv             (PacteWindow        *self,
                                                PacteCsvExportKind  kind,
                                                gboolean            excel_fr,
                                                GFile              *file,
                                                GError            **error);
/* The import dialog win.import-csv opened last, while it is open. */
GtkWidget *pacte_window_get_csv_import_dialog  (PacteWindow        *self);

G_END_DECLS
