/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-layout.h: the page layout engine of the report (private).
 *
 * The report is a flow of blocks (headings, paragraphs, tables).  Every block
 * is a table underneath: a heading or a paragraph is a one-column table of one
 * row.  pacte_report_layout_paginate() measures every row with pango once and
 * places the rows on pages: a row never straddles a page (a row taller than a
 * page is split between its text lines), a table repeats its header row on a
 * new page, and a heading always keeps the first row of what follows with it.
 * Columns get the widths asked for, widened to their widest word (a number
 * with its unit or currency is one word) at the expense of the others, so a
 * word is only broken, with a hyphen, when it is wider than the page allows.
 * Drawing a page then only creates the layouts of that page's rows.
 *
 * Anchors name the start of a block (a section): the PDF's outline and links
 * point at them. */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef enum {
  PACTE_REPORT_STYLE_BODY,
  PACTE_REPORT_STYLE_BOLD,
  PACTE_REPORT_STYLE_SMALL,
  PACTE_REPORT_STYLE_ITALIC,
  PACTE_REPORT_STYLE_HEADER_CELL,
  PACTE_REPORT_STYLE_H1,
  PACTE_REPORT_STYLE_H2,
  PACTE_REPORT_STYLE_TITLE,
  PACTE_REPORT_STYLE_SUBTITLE,
  PACTE_REPORT_STYLE_SCORE,
  PACTE_REPORT_STYLE_PAGE,       /* page header and footer */
  PACTE_REPORT_N_STYLES
} PacteReportStyle;

typedef enum {
  PACTE_REPORT_ALIGN_LEFT,
  PACTE_REPORT_ALIGN_RIGHT,
  PACTE_REPORT_ALIGN_CENTER,
} PacteReportAlign;

/* Row looks. */
typedef enum {
  PACTE_REPORT_ROW_PLAIN    = 0,
  PACTE_REPORT_ROW_TOTAL    = 1 << 0, /* a rule above it */
  PACTE_REPORT_ROW_KEY      = 1 << 1, /* first cell is a label (cover block) */
} PacteReportRowFlags;

/* Light shapes drawn before a cell's text; NONE for ordinary cells. */
#define PACTE_REPORT_LIGHT_NONE (-1)

typedef struct _PacteReportLayout PacteReportLayout;
typedef struct _PacteReportTable  PacteReportTable;
typedef struct _PacteReportRow    PacteReportRow;

PacteReportLayout *pacte_report_layout_new            (void);
void               pacte_report_layout_free           (PacteReportLayout *layout);
void               pacte_report_layout_set_page_size  (PacteReportLayout *layout,
                                                       double             width,
                                                       double             height);
void               pacte_report_layout_get_page_size  (PacteReportLayout *layout,
                                                       double            *width,
                                                       double            *height);
/* Starts a new page (unless the current one is empty); pages from here on
 * show running_title in their header. */
void               pacte_report_layout_new_page       (PacteReportLayout *layout,
                                                       const char        *running_title);
/* The last block added stays on the same page as the start of the next one. */
void               pacte_report_layout_keep_with_next (PacteReportLayout *layout);
void               pacte_report_layout_space          (PacteReportLayout *layout,
                                                       double             points);
/* A heading is kept on the same page as the first row of the next block. */
void               pacte_report_layout_heading        (PacteReportLayout *layout,
                                                       PacteReportStyle   style,
                                                       const char        *text);
void               pacte_report_layout_paragraph      (PacteReportLayout *layout,
                                                       PacteReportStyle   style,
                                                       const char        *text);
/* A figure: height points of the text width, drawn by draw when its page is
 * (cr's origin is the page's; x, y its top left corner; the fonts of the
 * report's styles come from pacte_report_layout_text_style()).  Never split
 * across pages.  The layout owns data (freed with destroy). */
typedef void (*PacteReportFigureFunc) (PacteReportLayout *layout,
                                       cairo_t           *cr,
                                       double             x,
                                       double             y,
                                       double             width,
                                       double             height,
                                       gpointer           data);
void               pacte_report_layout_figure         (PacteReportLayout    *layout,
                                                       double                height,
                                                       PacteReportFigureFunc draw,
                                                       gpointer              data,
                                                       GDestroyNotify        destroy);
/* A table: column widths as fractions of the text width (they are scaled to
 * sum to 1) and alignments; grid draws rules between rows. */
PacteReportTable  *pacte_report_layout_table          (PacteReportLayout *layout,
                                                       guint              n_columns,
                                                       const double      *widths,
                                                       const PacteReportAlign *aligns,
                                                       gboolean           grid);
/* Header row (n_columns texts), repeated at the top of every page the table continues on. */
void               pacte_report_table_set_header      (PacteReportTable  *table,
                                                       const char * const *texts);
PacteReportRow    *pacte_report_table_add_row         (PacteReportTable  *table,
                                                       PacteReportRowFlags flags);
/* Takes text (g_strdup'ed when copy is TRUE, else owned from now on). */
void               pacte_report_row_set               (PacteReportRow    *row,
                                                       guint              column,
                                                       const char        *text,
                                                       PacteReportStyle   style);
void               pacte_report_row_take              (PacteReportRow    *row,
                                                       guint              column,
                                                       char              *text,
                                                       PacteReportStyle   style);
/* Narrower cell padding, for a table of many narrow columns (the heat map). */
void               pacte_report_table_set_compact     (PacteReportTable  *table);
/* A light (PacteStatus) drawn before the text of that cell. */
void               pacte_report_row_set_light         (PacteReportRow    *row,
                                                       guint              column,
                                                       int                status);

/* The next block added starts the destination name (unique, ASCII letters,
 * digits and '-'); title, when not NULL, is its entry in the document's
 * outline, at level (1 = top). */
void               pacte_report_layout_anchor         (PacteReportLayout *layout,
                                                       const char        *name,
                                                       const char        *title,
                                                       guint              level);
/* The text of that cell links to the destination name. */
void               pacte_report_row_set_link          (PacteReportRow    *row,
                                                       guint              column,
                                                       const char        *name);

/* Whether pages are drawn with PDF tags: destinations at the anchors and
 * links to them (off by default: a print of a range of pages has other
 * page numbers). */
void               pacte_report_layout_set_tags       (PacteReportLayout *layout,
                                                       gboolean           tags);

/* Measures and places everything; returns the number of pages (at least 1). */
guint              pacte_report_layout_paginate       (PacteReportLayout *layout);
guint              pacte_report_layout_get_n_pages    (PacteReportLayout *layout);
/* Draws page (0-based) with its header and footer texts (any may be NULL);
 * the running title given to new_page() is shown at the left of the header. */
void               pacte_report_layout_draw_page      (PacteReportLayout *layout,
                                                       cairo_t           *cr,
                                                       guint              page,
                                                       const char        *header_right,
                                                       const char        *footer_left,
                                                       const char        *footer_right);

/* The anchors in the order of the report, with the page (0-based) and the
 * height on it (points from the top) where each landed; paginates first. */
guint              pacte_report_layout_get_n_anchors  (PacteReportLayout *layout);
void               pacte_report_layout_get_anchor     (PacteReportLayout *layout,
                                                       guint              index,
                                                       const char       **name,
                                                       const char       **title,
                                                       guint             *level,
                                                       guint             *page,
                                                       double            *y);

/* Shape and colour of a light, for anything else that wants to draw one
 * (size is the shape's height in points, x/y its top left corner). */
void               pacte_report_draw_light            (cairo_t           *cr,
                                                       int                status,
                                                       double             x,
                                                       double             y,
                                                       double             size);

G_END_DECLS
