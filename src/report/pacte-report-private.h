/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-private.h: what the PDF writer (pacte-report-pdf.c) reads of a
 * report. */
#pragma once

#include "pacte-report.h"
#include "pacte-report-layout.h"

G_BEGIN_DECLS

PacteReportLayout *pacte_report_get_layout  (PacteReport *self);
/* The portfolio's title (the pages' header), or "Partnership review". */
const char        *pacte_report_get_title   (PacteReport *self);
/* A report of one plan, not of the portfolio. */
gboolean           pacte_report_is_one_plan (PacteReport *self);

G_END_DECLS
