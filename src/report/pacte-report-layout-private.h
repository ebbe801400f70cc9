/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-layout-private.h: the layout engine's structures, shared by
 * its measuring and paginating half (pacte-report-layout.c) and its drawing
 * half (pacte-report-draw.c), the column widths (pacte-report-columns.c)
 * and the lines of long texts (pacte-report-lines.c).
 *
 * Ownership: the layout owns its blocks (tables), a table owns its rows, a
 * row owns its texts and the lines its long texts were broken into.  A row
 * taller than a page is never copied: each page shows a slice of it, a range
 * of lines per column, kept as plain indexes in the layout's slice array. */
#pragma once

#include "pacte-report-layout.h"
#include "pacte-report-lines.h"

G_BEGIN_DECLS

/* Page geometry, in points. */
#define MARGIN_SIDE    51.0   /* 18 mm */
#define MARGIN_TOP     62.0
#define MARGIN_BOTTOM  58.0
#define HEADER_BASE    34.0   /* top of the header text */
#define FOOTER_GAP     40.0   /* footer text top, from the bottom edge */
#define LIGHT_SIZE      7.0
#define LIGHT_WIDTH    11.0   /* shape and the gap after it */

struct _PacteReportRow
{
  guint              n_columns;
  PacteReportTable  *table;
  char             **texts;
  guint8            *styles;
  gint8             *lights;
  char             **links;    /* NULL, or per column NULL or a destination name */
  PacteReportLines **lines;    /* NULL, or per column the text broken into lines (long or split texts) */
  guint              flags;
  double             height;   /* < 0: not measured yet */
  PacteReportFigureFunc figure; /* a figure's row: drawn by figure, not text */
  gpointer           figure_data;
  GDestroyNotify     figure_free;
  double             figure_height;
};

struct _PacteReportTable
{
  guint             n_columns;
  double           *fractions;  /* n_columns, summing to 1: the widths asked for */
  double           *col_x;      /* n_columns: left edge and width on the current page size */
  double           *col_w;
  PacteReportAlign *aligns;
  gboolean          grid;
  gboolean          keep_with_next;
  gboolean          is_break;
  char             *running_title; /* is_break: the header of the following pages */
  char             *anchor;        /* destination name of the block's start, or NULL */
  double            space_before;
  double            space_after;
  double            pad_h;
  double            pad_v;
  PacteReportRow   *header;
  GPtrArray        *rows;
};

#define SLICE_WHOLE G_MAXUINT

typedef struct
{
  PacteReportRow *row;
  double          y;
  double          height;
  guint           slice;   /* SLICE_WHOLE, or the index in slices of 2 × n_columns line indexes (from, to) */
  gboolean        anchor;  /* the table's anchor is here */
} Placed;

typedef struct
{
  guint       first;   /* index into placed */
  guint       n;
  const char *running_title;
} Page;

typedef struct
{
  char  *name;
  char  *title;
  guint  level;
  guint  page;   /* where it landed (after pagination) */
  double y;
} Anchor;

struct _PacteReportLayout
{
  PangoContext         *context;
  PangoFontDescription *fonts[PACTE_REPORT_N_STYLES];
  PangoAttrList        *attrs;
  double                width;
  double                height;
  GPtrArray            *blocks;      /* PacteReportTable */
  GHashTable           *heights;     /* "style|width|text" -> double* */
  GHashTable           *widths;      /* "style|word" -> double*: widths of words */
  GHashTable           *cell_widths; /* style letter + text -> double*: a cell's widest word */
  GHashTable           *shaped;      /* "style|width|align|text" -> PangoLayout, short texts only */
  GArray               *placed;      /* Placed */
  GArray               *slices;      /* guint */
  GArray               *pages;       /* Page */
  GPtrArray            *anchors;     /* Anchor, in the order of the report */
  GHashTable           *anchor_by_name;
  char                 *pending_anchor;
  gboolean              paginated;
  gboolean              tags;        /* draw destinations and links (PDF tags) */
};

double             pacte_report_layout_text_width  (PacteReportLayout *self);
PacteReportTextStyle pacte_report_layout_text_style (PacteReportLayout *self,
                                                    PacteReportStyle   style,
                                                    double             width);
/* The box the text of a cell is drawn in. */
double             pacte_report_layout_cell_box    (PacteReportLayout *self,
                                                    PacteReportRow    *row,
                                                    guint              column,
                                                    double            *text_x);
double             pacte_report_layout_row_height  (PacteReportLayout *self,
                                                    PacteReportRow    *row);
double             pacte_report_layout_text_height (PacteReportLayout *self,
                                                    const char        *text,
                                                    PacteReportStyle   style,
                                                    double             width);
/* The lines of a cell, broken on first use. */
PacteReportLines  *pacte_report_layout_cell_lines  (PacteReportLayout *self,
                                                    PacteReportRow    *row,
                                                    guint              column);
gboolean           pacte_report_layout_is_long     (const char        *text);
/* Row heights and lines of a table are measured again on next use. */
void               pacte_report_layout_forget_measures (PacteReportTable *table);
/* Sets the table's column widths for the page size (pacte-report-columns.c). */
void               pacte_report_layout_size_columns (PacteReportLayout *self,
                                                     PacteReportTable  *table);

G_END_DECLS
