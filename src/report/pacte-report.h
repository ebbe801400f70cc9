/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report.h: the review report of one plan, or of a whole portfolio
 * (a summary page, then one section per plan), laid out on pages with pango
 * and drawn with cairo on any target: a PDF file (the command line), a
 * GtkPrintContext (the window's Print and Export PDF).  No GTK here.
 *
 *   report = pacte_report_new (portfolio, rules, plan, today, "fr");
 *   pacte_report_set_page_size (report, PACTE_REPORT_A4_WIDTH, PACTE_REPORT_A4_HEIGHT);
 *   n = pacte_report_paginate (report, NULL);
 *   for (i = 0; i < n; i++) pacte_report_draw_page (report, cr, i);
 *
 * Everything in the report is in its language, whatever the interface
 * language; the content is read from the portfolio once, by
 * pacte_report_new(), so later edits do not change a report being printed. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "pacte-portfolio.h"
#include "pacte-rules.h"

G_BEGIN_DECLS

/* Paper sizes in points (1/72 inch). */
#define PACTE_REPORT_A4_WIDTH      595.28
#define PACTE_REPORT_A4_HEIGHT     841.89
#define PACTE_REPORT_LETTER_WIDTH  612.0
#define PACTE_REPORT_LETTER_HEIGHT 792.0

/* Actions and events due within this many days of the review date are listed as "coming up". */
#define PACTE_REPORT_HORIZON_DAYS  90
/* The portfolio summary's agenda: what is overdue, and due within this many days. */
#define PACTE_REPORT_AGENDA_DAYS   30
/* It lists this many overdue items at most, the most recent (the others are
 * in their plans' sections). */
#define PACTE_REPORT_AGENDA_OVERDUE_MAX 100

#define PACTE_TYPE_REPORT (pacte_report_get_type ())
G_DECLARE_FINAL_TYPE (PacteReport, pacte_report, PACTE, REPORT, GObject)

/* plan: the plan to report on, or NULL for the whole portfolio.
 * today: the review date (Julian day).  lang: "en" or "fr" (NULL or anything
 * else: the portfolio's meta.language, else the interface language).
 * The page size is A4 until set otherwise. */
PacteReport *pacte_report_new           (PactePortfolio *portfolio,
                                         PacteRuleSet   *rules,
                                         PactePlan      *plan,
                                         guint32         today,
                                         const char     *lang);
const char  *pacte_report_get_language  (PacteReport    *self);
/* Width and height of a page in points; invalidates the pagination. */
void         pacte_report_set_page_size (PacteReport    *self,
                                         double          width,
                                         double          height);
/* Measures every block and splits the report into pages; returns the number
 * of pages (at least 1).  measure_cr may be NULL: the layout uses
 * device-independent font metrics at 72 units per inch, so the result is the
 * same on any target.  Cheap when called again without changes. */
guint        pacte_report_paginate      (PacteReport    *self,
                                         cairo_t        *measure_cr);
guint        pacte_report_get_n_pages   (PacteReport    *self);
/* Draws page (0-based) on cr, whose user units must be points with the
 * origin at the page's top left corner (paginates first if needed). */
void         pacte_report_draw_page     (PacteReport    *self,
                                         cairo_t        *cr,
                                         guint           page);
/* Writes the whole report as a PDF file.  Atomic: the pages go to a
 * temporary file beside path, renamed over path only once complete, so a
 * failure never leaves a half-written PDF behind. */
gboolean     pacte_report_write_pdf     (PacteReport    *self,
                                         const char     *path,
                                         GError        **error);

/* Called after each page written: done pages out of total (done == total
 * once the last page is drawn, before the file is finished and renamed). */
typedef void (*PacteReportProgressFunc) (guint    done,
                                         guint    total,
                                         gpointer user_data);

/* pacte_report_write_pdf() page by page, with progress and cancellation,
 * for long exports.  progress (may be NULL) is called in the calling thread.
 * When cancellable is cancelled, the temporary file is removed, path is left
 * untouched (or absent) and the error is G_IO_ERROR_CANCELLED.  May run in
 * a worker thread, provided no other thread uses the same report meanwhile
 * (the report holds its own copy of the portfolio's content). */
gboolean     pacte_report_export_pdf    (PacteReport            *self,
                                         const char             *path,
                                         PacteReportProgressFunc progress,
                                         gpointer                user_data,
                                         GCancellable           *cancellable,
                                         GError                **error);

/* The same in a worker thread.  progress is called in the thread-default
 * main context of the caller (the window's), at most once per main loop
 * iteration with the latest count; callback once done (in the same
 * context), after the last progress call.  The report must not be used
 * elsewhere until then (it is kept alive by the task). */
void         pacte_report_export_pdf_async  (PacteReport            *self,
                                             const char             *path,
                                             PacteReportProgressFunc progress,
                                             gpointer                progress_data,
                                             GDestroyNotify          progress_data_free,
                                             GCancellable           *cancellable,
                                             GAsyncReadyCallback     callback,
                                             gpointer                user_data);
gboolean     pacte_report_export_pdf_finish (PacteReport            *self,
                                             GAsyncResult           *result,
                                             GError                **error);

G_END_DECLS
