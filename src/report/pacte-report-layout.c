/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-layout.c: measures the report's rows with pango and places
 * them on pages; draws one page on any cairo context. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-report-layout.h"

/* Page geometry, in points. */
#define MARGIN_SIDE    51.0   /* 18 mm */
#define MARGIN_TOP     62.0
#define MARGIN_BOTTOM  58.0
#define HEADER_BASE    34.0   /* top of the header text */
#define FOOTER_GAP     40.0   /* footer text top, from the bottom edge */
#define PAD_H           4.0
#define PAD_V           2.5
#define LIGHT_SIZE      7.0
#define LIGHT_WIDTH    11.0   /* shape and the gap after it */
#define MIN_SPLIT      36.0   /* below this much room a long row starts on the next page */
#define SHAPED_MAX_TEXT     64     /* texts this short are shaped once and reused */
#define SHAPED_MAX_ENTRIES  20000

struct _PacteReportRow
{
  PacteReportTable *table;
  char            **texts;
  guint8           *styles;
  gint8            *lights;
  guint             flags;
  double            height;   /* < 0: not measured yet */
};

struct _PacteReportTable
{
  guint             n_columns;
  double           *fractions;  /* n_columns, summing to 1 */
  PacteReportAlign *aligns;
  gboolean          grid;
  gboolean          keep_with_next;
  gboolean          is_break;
  char             *running_title; /* is_break: the header of the following pages */
  double            space_before;
  double            space_after;
  double            pad_h;
  double            pad_v;
  PacteReportRow   *header;
  GPtrArray        *rows;
};

typedef struct
{
  PacteReportRow *row;
  double          y;
} Placed;

typedef struct
{
  guint       first;   /* index into placed */
  guint       n;
  const char *running_title;
} Page;

struct _PacteReportLayout
{
  PangoContext         *context;
  PangoFontDescription *fonts[PACTE_REPORT_N_STYLES];
  PangoAttrList        *attrs;
  double                width;
  double                height;
  GPtrArray            *blocks;      /* PacteReportTable */
  GPtrArray            *extra_rows;  /* rows made by splitting long rows */
  GHashTable           *heights;     /* "style|width|text" -> double* */
  GHashTable           *shaped;      /* "style|width|align|text" -> PangoLayout, short texts only */
  GArray               *placed;      /* Placed */
  GArray               *pages;       /* Page */
  gboolean              paginated;
};

static const char * const style_fonts[PACTE_REPORT_N_STYLES] = {
  [PACTE_REPORT_STYLE_BODY] = "DejaVu Sans 9",
  [PACTE_REPORT_STYLE_BOLD] = "DejaVu Sans Bold 9",
  [PACTE_REPORT_STYLE_SMALL] = "DejaVu Sans 8",
  [PACTE_REPORT_STYLE_ITALIC] = "DejaVu Sans Oblique 9",
  [PACTE_REPORT_STYLE_HEADER_CELL] = "DejaVu Sans Bold 8",
  [PACTE_REPORT_STYLE_H1] = "DejaVu Serif Bold 15",
  [PACTE_REPORT_STYLE_H2] = "DejaVu Sans Bold 11",
  [PACTE_REPORT_STYLE_TITLE] = "DejaVu Serif Bold 20",
  [PACTE_REPORT_STYLE_SUBTITLE] = "DejaVu Serif 12",
  [PACTE_REPORT_STYLE_SCORE] = "DejaVu Sans Bold 13",
  [PACTE_REPORT_STYLE_PAGE] = "DejaVu Sans 7.5",
};

static void
row_free (gpointer data)
{
  PacteReportRow *row = data;

  if (row == NULL)
    return;
  for (guint i = 0; i < row->table->n_columns; i++)
    g_free (row->texts[i]);
  g_free (row->texts);
  g_free (row->styles);
  g_free (row->lights);
  g_free (row);
}

static void
table_free (gpointer data)
{
  PacteReportTable *table = data;

  g_free (table->fractions);
  g_free (table->aligns);
  g_free (table->running_title);
  if (table->header != NULL)
    row_free (table->header);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

PacteReportLayout *
pacte_report_layout_new (void)
{
  PacteReportLayout *self = g_new0 (PacteReportLayout, 1);
  cairo_font_options_t *options;

  /* Device-independent metrics, so that what is measured here is what any
   * cairo target (PDF file, printer, preview) shows; 72 units per inch. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context, pango_language_from_string ("en"));

  for (guint i = 0; i < PACTE_REPORT_N_STYLES; i++)
    self->fonts[i] = pango_font_description_from_string (style_fonts[i]);
  /* Break inside over-long words without inserting hyphens that are not in the text. */
  self->attrs = pango_attr_list_new ();
  pango_attr_list_insert (self->attrs, pango_attr_insert_hyphens_new (FALSE));

  self->width = 595.28;
  self->height = 841.89;
  self->blocks = g_ptr_array_new_with_free_func (table_free);
  self->extra_rows = g_ptr_array_new_with_free_func (row_free);
  self->heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->shaped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  return self;
}

void
pacte_report_layout_free (PacteReportLayout *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->context);
  for (guint i = 0; i < PACTE_REPORT_N_STYLES; i++)
    pango_font_description_free (self->fonts[i]);
  pango_attr_list_unref (self->attrs);
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->extra_rows);
  g_hash_table_unref (self->heights);
  g_hash_table_unref (self->shaped);
  g_array_unref (self->placed);
  g_array_unref (self->pages);
  g_free (self);
}

void
pacte_report_layout_set_page_size (PacteReportLayout *self,
                                   double             width,
                                   double             height)
{
  g_return_if_fail (width > 4 * MARGIN_SIDE && height > 4 * (MARGIN_TOP + MARGIN_BOTTOM));

  if (self->width != width || self->height != height)
    {
      self->width = width;
      self->height = height;
      self->paginated = FALSE;
      g_hash_table_remove_all (self->heights);
      g_hash_table_remove_all (self->shaped);
      for (guint i = 0; i < self->blocks->len; i++)
        {
          PacteReportTable *table = g_ptr_array_index (self->blocks, i);

          if (table->header != NULL)
            table->header->height = -1;
          for (guint j = 0; j < table->rows->len; j++)
            ((PacteReportRow *) g_ptr_array_index (table->rows, j))->height = -1;
        }
    }
}

void
pacte_report_layout_get_page_size (PacteReportLayout *self,
                                   double            *width,
                                   double            *height)
{
  *width = self->width;
  *height = self->height;
}

static double
text_width (PacteReportLayout *self)
{
  return self->width - 2 * MARGIN_SIDE;
}

/* ---- Building ----------------------------------------------------------- */

static PacteReportTable *
add_block (PacteReportLayout      *self,
           guint                   n_columns,
           const double           *widths,
           const PacteReportAlign *aligns)
{
  PacteReportTable *table = g_new0 (PacteReportTable, 1);
  double sum = 0;

  table->n_columns = n_columns;
  table->fractions = g_new (double, n_columns);
  table->aligns = g_new0 (PacteReportAlign, n_columns);
  for (guint i = 0; i < n_columns; i++)
    sum += widths != NULL ? widths[i] : 1.0;
  for (guint i = 0; i < n_columns; i++)
    {
      table->fractions[i] = (widths != NULL ? widths[i] : 1.0) / sum;
      table->aligns[i] = aligns != NULL ? aligns[i] : PACTE_REPORT_ALIGN_LEFT;
    }
  table->rows = g_ptr_array_new_with_free_func (row_free);
  g_ptr_array_add (self->blocks, table);
  self->paginated = FALSE;
  return table;
}

static PacteReportRow *
row_new (PacteReportTable    *table,
         PacteReportRowFlags  flags)
{
  PacteReportRow *row = g_new0 (PacteReportRow, 1);

  row->table = table;
  row->texts = g_new0 (char *, table->n_columns);
  row->styles = g_new0 (guint8, table->n_columns);
  row->lights = g_new (gint8, table->n_columns);
  memset (row->lights, PACTE_REPORT_LIGHT_NONE, table->n_columns);
  row->flags = flags;
  row->height = -1;
  return row;
}

void
pacte_report_layout_new_page (PacteReportLayout *self,
                              const char        *running_title)
{
  PacteReportTable *table = add_block (self, 1, NULL, NULL);

  table->is_break = TRUE;
  table->running_title = g_strdup (running_title != NULL ? running_title : "");
}

void
pacte_report_layout_keep_with_next (PacteReportLayout *self)
{
  PacteReportTable *last;

  g_return_if_fail (self->blocks->len > 0);
  last = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  last->keep_with_next = TRUE;
  self->paginated = FALSE;
}

void
pacte_report_layout_space (PacteReportLayout *self,
                           double             points)
{
  PacteReportTable *last;

  g_return_if_fail (self->blocks->len > 0);
  last = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  last->space_after += points;
}

static void
add_text_block (PacteReportLayout *self,
                PacteReportStyle   style,
                const char        *text,
                gboolean           heading)
{
  PacteReportTable *table = add_block (self, 1, NULL, NULL);
  PacteReportRow *row;

  table->pad_h = 0;
  table->pad_v = 0;
  switch (style)
    {
    case PACTE_REPORT_STYLE_H1:
      table->space_before = 16;
      table->space_after = 6;
      break;
    case PACTE_REPORT_STYLE_H2:
      table->space_before = 12;
      table->space_after = 5;
      break;
    case PACTE_REPORT_STYLE_TITLE:
      table->space_after = 4;
      break;
    case PACTE_REPORT_STYLE_BODY:
    case PACTE_REPORT_STYLE_BOLD:
    case PACTE_REPORT_STYLE_SMALL:
    case PACTE_REPORT_STYLE_ITALIC:
    case PACTE_REPORT_STYLE_HEADER_CELL:
    case PACTE_REPORT_STYLE_SUBTITLE:
    case PACTE_REPORT_STYLE_SCORE:
    case PACTE_REPORT_STYLE_PAGE:
    case PACTE_REPORT_N_STYLES:
    default:
      table->space_before = 0;
      table->space_after = 5;
      break;
    }
  table->keep_with_next = heading;
  row = row_new (table, PACTE_REPORT_ROW_PLAIN);
  pacte_report_row_set (row, 0, text, style);
  g_ptr_array_add (table->rows, row);
}

void
pacte_report_layout_heading (PacteReportLayout *self,
                             PacteReportStyle   style,
                             const char        *text)
{
  add_text_block (self, style, text, TRUE);
}

void
pacte_report_layout_paragraph (PacteReportLayout *self,
                               PacteReportStyle   style,
                               const char        *text)
{
  add_text_block (self, style, text, FALSE);
}

PacteReportTable *
pacte_report_layout_table (PacteReportLayout      *self,
                           guint                   n_columns,
                           const double           *widths,
                           const PacteReportAlign *aligns,
                           gboolean                grid)
{
  PacteReportTable *table;

  g_return_val_if_fail (n_columns > 0, NULL);

  table = add_block (self, n_columns, widths, aligns);
  table->grid = grid;
  table->pad_h = PAD_H;
  table->pad_v = grid ? PAD_V : 1.5;
  table->space_before = 2;
  table->space_after = 8;
  return table;
}

void
pacte_report_table_set_header (PacteReportTable   *table,
                               const char * const *texts)
{
  g_return_if_fail (table->header == NULL);

  table->header = row_new (table, PACTE_REPORT_ROW_PLAIN);
  for (guint i = 0; i < table->n_columns; i++)
    pacte_report_row_set (table->header, i, texts[i], PACTE_REPORT_STYLE_HEADER_CELL);
}

PacteReportRow *
pacte_report_table_add_row (PacteReportTable    *table,
                            PacteReportRowFlags  flags)
{
  PacteReportRow *row = row_new (table, flags);

  g_ptr_array_add (table->rows, row);
  return row;
}

void
pacte_report_row_take (PacteReportRow   *row,
                       guint             column,
                       char             *text,
                       PacteReportStyle  style)
{
  g_return_if_fail (column < row->table->n_columns);

  g_free (row->texts[column]);
  row->texts[column] = text;
  row->styles[column] = style;
  row->height = -1;
}

void
pacte_report_row_set (PacteReportRow   *row,
                      guint             column,
                      const char       *text,
                      PacteReportStyle  style)
{
  pacte_report_row_take (row, column, g_strdup (text != NULL ? text : ""), style);
}

void
pacte_report_row_set_light (PacteReportRow *row,
                            guint           column,
                            int             status)
{
  g_return_if_fail (column < row->table->n_columns);
  row->lights[column] = status;
  row->height = -1;
}

/* ---- Measuring ---------------------------------------------------------- */

static PangoLayout *
make_layout (PacteReportLayout *self,
             const char        *text,
             PacteReportStyle   style,
             double             width,
             PacteReportAlign   align)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[style]);
  pango_layout_set_attributes (layout, self->attrs);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) floor (MAX (width, 1.0) * PANGO_SCALE));
  switch (align)
    {
    case PACTE_REPORT_ALIGN_RIGHT:
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      break;
    case PACTE_REPORT_ALIGN_CENTER:
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      break;
    case PACTE_REPORT_ALIGN_LEFT:
    default:
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      break;
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

/* Column geometry of a table on the current page size. */
static void
column_box (PacteReportLayout *self,
            PacteReportTable  *table,
            guint              column,
            double            *x,
            double            *width)
{
  double total = text_width (self);
  double start = 0;

  for (guint i = 0; i < column; i++)
    start += table->fractions[i];
  *x = MARGIN_SIDE + start * total;
  *width = table->fractions[column] * total;
}

/* The width the text of a cell wraps at. */
static double
cell_text_width (PacteReportLayout *self,
                 PacteReportRow    *row,
                 guint              column,
                 double            *text_x)
{
  double x, width;

  column_box (self, row->table, column, &x, &width);
  x += row->table->pad_h;
  width -= 2 * row->table->pad_h;
  if (row->lights[column] != PACTE_REPORT_LIGHT_NONE)
    {
      x += LIGHT_WIDTH;
      width -= LIGHT_WIDTH;
    }
  if (text_x != NULL)
    *text_x = x;
  return width;
}

static double
text_height (PacteReportLayout *self,
             const char        *text,
             PacteReportStyle   style,
             double             width)
{
  g_autofree char *key = g_strdup_printf ("%d|%d|%s", style, (int) (width * 16), text != NULL ? text : "");
  double *cached = g_hash_table_lookup (self->heights, key);
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double *value;

  if (cached != NULL)
    return *cached;

  layout = make_layout (self, text, style, width, PACTE_REPORT_ALIGN_LEFT);
  pango_layout_get_extents (layout, NULL, &logical);
  value = g_new (double, 1);
  *value = (double) logical.height / PANGO_SCALE;
  g_hash_table_insert (self->heights, g_steal_pointer (&key), value);
  return *value;
}

static double
row_height (PacteReportLayout *self,
            PacteReportRow    *row)
{
  if (row->height < 0)
    {
      double tallest = 0;

      for (guint i = 0; i < row->table->n_columns; i++)
        {
          double width = cell_text_width (self, row, i, NULL);

          tallest = MAX (tallest, text_height (self, row->texts[i], row->styles[i], width));
        }
      row->height = ceil ((tallest + 2 * row->table->pad_v) * 4) / 4;
    }
  return row->height;
}

/* Splits a row taller than a page: head gets the text lines that fit in
 * room, the returned tail the rest.  NULL when not even one line fits. */
static PacteReportRow *
split_row (PacteReportLayout *self,
           PacteReportRow    *row,
           double             room,
           PacteReportRow   **head_out)
{
  PacteReportTable *table = row->table;
  PacteReportRow *head = row_new (table, row->flags & ~PACTE_REPORT_ROW_TOTAL);
  PacteReportRow *tail = row_new (table, row->flags & ~PACTE_REPORT_ROW_TOTAL);
  double text_room = room - 2 * table->pad_v;
  gboolean any = FALSE;

  for (guint i = 0; i < table->n_columns; i++)
    {
      double width = cell_text_width (self, row, i, NULL);
      const char *text = row->texts[i] != NULL ? row->texts[i] : "";
      g_autoptr(PangoLayout) layout = make_layout (self, text, row->styles[i], width,
                                                   PACTE_REPORT_ALIGN_LEFT);
      PangoLayoutIter *iter = pango_layout_get_iter (layout);
      int split = -1;

      head->styles[i] = tail->styles[i] = row->styles[i];
      do
        {
          PangoRectangle logical;
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          if ((double) (logical.y + logical.height) / PANGO_SCALE > text_room)
            {
              split = line->start_index;
              break;
            }
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);

      if (split < 0)
        {
          head->texts[i] = g_strdup (text);
          tail->texts[i] = g_strdup ("");
          any = TRUE;
        }
      else
        {
          head->texts[i] = g_strndup (text, split);
          tail->texts[i] = g_strdup (text + split);
          any = any || split > 0;
        }
      head->lights[i] = row->lights[i];
    }

  if (!any)
    {
      row_free (head);
      row_free (tail);
      return NULL;
    }
  g_ptr_array_add (self->extra_rows, head);
  g_ptr_array_add (self->extra_rows, tail);
  *head_out = head;
  return tail;
}

/* ---- Pagination --------------------------------------------------------- */

typedef struct
{
  PacteReportLayout *self;
  double             y;
  double             top;
  double             bottom;
  gboolean           empty;   /* nothing placed on the current page yet */
  const char        *running_title;
} Flow;

static void
flow_new_page (Flow *flow)
{
  Page page = { flow->self->placed->len, 0, flow->running_title };

  g_array_append_val (flow->self->pages, page);
  flow->y = flow->top;
  flow->empty = TRUE;
}

static void
flow_place (Flow           *flow,
            PacteReportRow *row)
{
  Placed placed = { row, flow->y };
  Page *page = &g_array_index (flow->self->pages, Page, flow->self->pages->len - 1);

  g_array_append_val (flow->self->placed, placed);
  page->n++;
  flow->y += row_height (flow->self, row);
  flow->empty = FALSE;
}

static double
first_unit_height (PacteReportLayout *self,
                   PacteReportTable  *table)
{
  double height = 0;

  if (table->header != NULL)
    height += row_height (self, table->header);
  if (table->rows->len > 0)
    height += row_height (self, g_ptr_array_index (table->rows, 0));
  return height;
}

guint
pacte_report_layout_paginate (PacteReportLayout *self)
{
  Flow flow = { self, 0, MARGIN_TOP, self->height - MARGIN_BOTTOM, TRUE, "" };
  double body = flow.bottom - flow.top;

  if (self->paginated)
    return self->pages->len;

  g_array_set_size (self->placed, 0);
  g_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->extra_rows, 0);
  flow_new_page (&flow);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      PacteReportTable *table = g_ptr_array_index (self->blocks, b);
      double header_height = table->header != NULL ? row_height (self, table->header) : 0;
      double need;

      if (table->is_break)
        {
          flow.running_title = table->running_title;
          if (!flow.empty)
            flow_new_page (&flow);
          else
            g_array_index (self->pages, Page, self->pages->len - 1).running_title = flow.running_title;
          continue;
        }
      if (table->rows->len == 0)
        continue;

      if (!flow.empty)
        flow.y += table->space_before;

      /* Keep a heading with the start of what follows, a table header with
       * its first row. */
      need = first_unit_height (self, table);
      for (guint k = b; k + 1 < self->blocks->len; k++)
        {
          PacteReportTable *kept = g_ptr_array_index (self->blocks, k);
          PacteReportTable *next = g_ptr_array_index (self->blocks, k + 1);

          if (!kept->keep_with_next || next->is_break)
            break;
          need += kept->space_after + next->space_before + first_unit_height (self, next);
          if (need >= body)
            break;
        }
      need = MIN (need, body);
      if (!flow.empty && flow.y + need > flow.bottom)
        flow_new_page (&flow);

      if (table->header != NULL)
        flow_place (&flow, table->header);

      for (guint r = 0; r < table->rows->len; r++)
        {
          PacteReportRow *row = g_ptr_array_index (table->rows, r);

          for (;;)
            {
              double height = row_height (self, row);
              gboolean at_top = flow.y <= flow.top + header_height + 0.01;
              PacteReportRow *head = NULL;
              PacteReportRow *tail;

              if (flow.y + height <= flow.bottom + 0.01)
                {
                  flow_place (&flow, row);
                  break;
                }
              /* A row that fits on a fresh page goes there whole; a taller
               * one is split between its lines, starting here when there
               * is room enough. */
              if (!at_top && (height <= body - header_height || flow.bottom - flow.y < MIN_SPLIT))
                {
                  flow_new_page (&flow);
                  if (table->header != NULL)
                    flow_place (&flow, table->header);
                  continue;
                }
              tail = split_row (self, row, flow.bottom - flow.y, &head);
              if (tail == NULL)
                {
                  if (at_top)
                    {
                      /* Not one line fits on an empty page: place it as it is. */
                      flow_place (&flow, row);
                      break;
                    }
                  flow_new_page (&flow);
                  if (table->header != NULL)
                    flow_place (&flow, table->header);
                  continue;
                }
              flow_place (&flow, head);
              flow_new_page (&flow);
              if (table->header != NULL)
                flow_place (&flow, table->header);
              row = tail;
            }
        }
      flow.y += table->space_after;
    }

  self->paginated = TRUE;
  return self->pages->len;
}

guint
pacte_report_layout_get_n_pages (PacteReportLayout *self)
{
  return pacte_report_layout_paginate (self);
}

/* ---- Drawing ------------------------------------------------------------ */

void
pacte_report_draw_light (cairo_t *cr,
                         int      status,
                         double   x,
                         double   y,
                         double   size)
{
  cairo_save (cr);
  cairo_new_path (cr);
  switch (status)
    {
    case 0: /* green: a filled circle */
      cairo_set_source_rgb (cr, 0.16, 0.52, 0.24);
      cairo_arc (cr, x + size / 2, y + size / 2, size / 2, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case 1: /* amber: a filled triangle, point up */
      cairo_set_source_rgb (cr, 0.90, 0.58, 0.0);
      cairo_move_to (cr, x + size / 2, y - size * 0.05);
      cairo_line_to (cr, x + size * 1.05, y + size);
      cairo_line_to (cr, x - size * 0.05, y + size);
      cairo_close_path (cr);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.45, 0.29, 0.0);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
      break;
    case 2: /* red: a filled square */
      cairo_set_source_rgb (cr, 0.78, 0.13, 0.13);
      cairo_rectangle (cr, x + size * 0.05, y + size * 0.05, size * 0.9, size * 0.9);
      cairo_fill (cr);
      break;
    case 3: /* off: a hollow dash */
    default:
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      cairo_set_line_width (cr, 0.8);
      cairo_rectangle (cr, x + 0.4, y + size / 2 - 1.4, size - 0.8, 2.8);
      cairo_stroke (cr);
      break;
    }
  cairo_restore (cr);
}

static void
draw_text (PacteReportLayout *self,
           cairo_t           *cr,
           const char        *text,
           PacteReportStyle   style,
           double             x,
           double             y,
           double             width,
           PacteReportAlign   align)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || *text == '\0')
    return;
  if (style != PACTE_REPORT_STYLE_PAGE && strlen (text) <= SHAPED_MAX_TEXT)
    {
      /* Status words, rule titles, dates, column headers: the same short
       * texts come back on every plan's pages; shape each once. */
      g_autofree char *key = g_strdup_printf ("%d|%d|%d|%s", style, (int) (width * 16), align, text);
      PangoLayout *shaped = g_hash_table_lookup (self->shaped, key);

      if (shaped == NULL)
        {
          shaped = make_layout (self, text, style, width, align);
          if (g_hash_table_size (self->shaped) < SHAPED_MAX_ENTRIES)
            g_hash_table_insert (self->shaped, g_steal_pointer (&key), shaped);
          else
            layout = shaped;
        }
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, shaped);
      cairo_new_path (cr);
      return;
    }
  layout = make_layout (self, text, style, width, align);
  if (style == PACTE_REPORT_STYLE_PAGE)
    {
      /* Page headers and footers keep to one line. */
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -1);
    }
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static void
draw_row (PacteReportLayout *self,
          cairo_t           *cr,
          PacteReportRow    *row,
          double             y)
{
  PacteReportTable *table = row->table;
  double height = row_height (self, row);
  double left = MARGIN_SIDE;
  double width = text_width (self);
  gboolean is_header = row == table->header;

  cairo_save (cr);
  if (is_header)
    {
      cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
      cairo_rectangle (cr, left, y, width, height);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, left, y + height);
      cairo_line_to (cr, left + width, y + height);
      cairo_stroke (cr);
    }
  else if (table->grid)
    {
      cairo_set_source_rgb (cr, 0.72, 0.72, 0.72);
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, left, y + height);
      cairo_line_to (cr, left + width, y + height);
      cairo_stroke (cr);
    }
  if (row->flags & PACTE_REPORT_ROW_TOTAL)
    {
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_set_line_width (cr, 0.9);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, left + width, y);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  for (guint i = 0; i < table->n_columns; i++)
    {
      double text_x;
      double text_w = cell_text_width (self, row, i, &text_x);
      double text_y = y + table->pad_v;

      if (row->lights[i] != PACTE_REPORT_LIGHT_NONE)
        {
          /* Centred on the first line of the text beside it. */
          double line = text_height (self, "Ag", row->styles[i], 1000);

          pacte_report_draw_light (cr, row->lights[i], text_x - LIGHT_WIDTH,
                                   text_y + (line - LIGHT_SIZE) / 2, LIGHT_SIZE);
        }
      draw_text (self, cr, row->texts[i], row->styles[i], text_x, text_y, text_w, table->aligns[i]);
    }
}

void
pacte_report_layout_draw_page (PacteReportLayout *self,
                               cairo_t           *cr,
                               guint              page_nr,
                               const char        *header_right,
                               const char        *footer_left,
                               const char        *footer_right)
{
  const Page *page;
  double width = text_width (self);
  double half = width / 2 - 6;

  pacte_report_layout_paginate (self);
  g_return_if_fail (page_nr < self->pages->len);
  page = &g_array_index (self->pages, Page, page_nr);

  cairo_save (cr);
  cairo_new_path (cr);

  /* Header and footer, with a hairline separating them from the body. */
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  draw_text (self, cr, page->running_title, PACTE_REPORT_STYLE_PAGE, MARGIN_SIDE, HEADER_BASE,
             half, PACTE_REPORT_ALIGN_LEFT);
  draw_text (self, cr, header_right, PACTE_REPORT_STYLE_PAGE, MARGIN_SIDE + width - half,
             HEADER_BASE, half, PACTE_REPORT_ALIGN_RIGHT);
  draw_text (self, cr, footer_left, PACTE_REPORT_STYLE_PAGE, MARGIN_SIDE, self->height - FOOTER_GAP + 6,
             half, PACTE_REPORT_ALIGN_LEFT);
  draw_text (self, cr, footer_right, PACTE_REPORT_STYLE_PAGE, MARGIN_SIDE + width - half,
             self->height - FOOTER_GAP + 6, half, PACTE_REPORT_ALIGN_RIGHT);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_SIDE, HEADER_BASE + 14);
  cairo_line_to (cr, MARGIN_SIDE + width, HEADER_BASE + 14);
  cairo_move_to (cr, MARGIN_SIDE, self->height - FOOTER_GAP);
  cairo_line_to (cr, MARGIN_SIDE + width, self->height - FOOTER_GAP);
  cairo_stroke (cr);

  for (guint i = 0; i < page->n; i++)
    {
      const Placed *placed = &g_array_index (self->placed, Placed, page->first + i);

      draw_row (self, cr, placed->row, placed->y);
    }
  cairo_restore (cr);
}
