/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-lines.h: a cell's text broken into lines once (private to the
 * report's layout engine).
 *
 * A text too tall for a page is drawn a few lines per page.  Laying the rest
 * of the text out again on every page cost the length of the text per page,
 * and pango itself takes several hundred microseconds per line to wrap an
 * unbroken word: a long text took quadratic time or worse.  Here a text is
 * broken once: a short one by pango in one layout; a long one measured a
 * chunk at a time on one unwrapped line (per-character widths and break
 * opportunities from pango) and broken greedily here.  The lines are kept as
 * byte ranges with their heights; any range of them is drawn one line at a
 * time, so the cost of a report is linear in its text. */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct _PacteReportLines PacteReportLines;

/* How a cell's text is laid out: the layout engine's font, attributes,
 * wrapping width (points) and context. */
typedef struct
{
  PangoContext               *context;
  const PangoFontDescription *font;
  PangoAttrList              *attrs;
  double                      width;
} PacteReportTextStyle;

/* A new PangoLayout of text (length bytes, -1: up to its NUL) in style, wrapping at its width. */
PangoLayout      *pacte_report_text_layout     (const PacteReportTextStyle *style,
                                                const char                 *text,
                                                int                         length);

/* Breaks text (not copied: it must outlive the result) into lines. */
PacteReportLines *pacte_report_lines_new       (const PacteReportTextStyle *style,
                                                const char                 *text);
void              pacte_report_lines_free      (PacteReportLines           *lines);
guint             pacte_report_lines_get_n     (PacteReportLines           *lines);
/* Top and bottom of line k, in points from the top of the text. */
double            pacte_report_lines_get_top   (PacteReportLines           *lines,
                                                guint                       k);
double            pacte_report_lines_get_bottom (PacteReportLines          *lines,
                                                guint                       k);
/* Draws lines [from, to) with the top of line from at y; align is a PangoAlignment. */
void              pacte_report_lines_draw      (PacteReportLines           *lines,
                                                const PacteReportTextStyle *style,
                                                cairo_t                    *cr,
                                                guint                       from,
                                                guint                       to,
                                                double                      x,
                                                double                      y,
                                                PangoAlignment              align);

G_END_DECLS
