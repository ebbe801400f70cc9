/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-print-operation.h: Print (with GTK's dialog and preview) and Export PDF
 * of the review report.  The pages are the ones pacte --report writes: the
 * drawing is src/report's, on the print context's cairo_t.
 *
 * The dialog gets a "Report" tab: the report's language (English or French;
 * default the portfolio's meta.language, else the interface language) and
 * what to print (this plan, or the whole portfolio). */
#pragma once

#include <gtk/gtk.h>

#include "pacte-portfolio.h"
#include "pacte-rules.h"

G_BEGIN_DECLS

#define PACTE_TYPE_PRINT_OPERATION (pacte_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (PactePrintOperation, pacte_print_operation, PACTE, PRINT_OPERATION, GtkPrintOperation)

/* plan: the plan shown in the window, or NULL (then the whole portfolio is
 * printed and the tab offers nothing else).  today: the review date. */
PactePrintOperation *pacte_print_operation_new                (PactePortfolio      *portfolio,
                                                               PacteRuleSet        *rules,
                                                               PactePlan           *plan,
                                                               guint32              today);
/* "language" property: "en" or "fr". */
const char          *pacte_print_operation_get_language       (PactePrintOperation *self);
void                 pacte_print_operation_set_language       (PactePrintOperation *self,
                                                               const char          *lang);
/* "whole-portfolio" property: TRUE prints every plan after a summary page. */
gboolean             pacte_print_operation_get_whole_portfolio (PactePrintOperation *self);
void                 pacte_print_operation_set_whole_portfolio (PactePrintOperation *self,
                                                               gboolean             whole);

/* Print (Ctrl+P): GTK's print dialog, with its preview and the Report tab.
 * Modal to parent; returns FALSE with error when printing failed (a
 * cancelled dialog is not an error). */
gboolean             pacte_print_operation_print              (PactePrintOperation *self,
                                                               GtkWindow           *parent,
                                                               GError             **error);
/* Print preview, without the print dialog (the dialog's Preview button does
 * the same): the pages in Pacte's own preview window. */
gboolean             pacte_print_operation_preview_now        (PactePrintOperation *self,
                                                               GtkWindow           *parent,
                                                               GError             **error);
/* The preview window while it is open, else NULL. */
GtkWidget           *pacte_print_operation_get_preview_window (PactePrintOperation *self);
/* Export PDF: no dialog, through GTK_PRINT_OPERATION_ACTION_EXPORT, on the
 * default paper size (or the page setup set on the operation).  Written to
 * a temporary file beside path and renamed over it once complete. */
gboolean             pacte_print_operation_export_pdf         (PactePrintOperation *self,
                                                               GtkWindow           *parent,
                                                               const char          *path,
                                                               GError             **error);

G_END_DECLS
