/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-preview.h: Print's preview in a window of Pacte's own: the
 * report's pages, drawn by src/report as they will print, one at a time
 * with Previous and Next (GTK's own preview needs an external previewer,
 * which may not be installed: then it showed nothing). */
#pragma once

#include <adwaita.h>

#include "pacte-report.h"

G_BEGIN_DECLS

#define PACTE_TYPE_REPORT_PREVIEW (pacte_report_preview_get_type ())
G_DECLARE_FINAL_TYPE (PacteReportPreview, pacte_report_preview, PACTE, REPORT_PREVIEW, AdwWindow)

/* report: with its page size set to width × height points. */
GtkWidget *pacte_report_preview_new      (GtkWindow          *parent,
                                          PacteReport        *report,
                                          double              width,
                                          double              height);
guint      pacte_report_preview_get_page (PacteReportPreview *self);
void       pacte_report_preview_set_page (PacteReportPreview *self,
                                          guint               page);
guint      pacte_report_preview_get_n_pages (PacteReportPreview *self);

G_END_DECLS
