/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-draw.c: draws one page of the report's layout on any cairo
 * context: its header and footer, its rows or slices of rows, the lights,
 * and on a PDF the destinations of anchors and the links to them. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-report-layout-private.h"

#define SHAPED_MAX_TEXT     64     /* texts this short are shaped once and reused */
#define SHAPED_MAX_ENTRIES  20000
#define PAGE_TEXT_CHARS     300    /* a page header or footer is one line: more is never seen */

static PangoAlignment
pango_align (PacteReportAlign align)
{
  switch (align)
    {
    case PACTE_REPORT_ALIGN_RIGHT:
      return PANGO_ALIGN_RIGHT;
    case PACTE_REPORT_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;
    case PACTE_REPORT_ALIGN_LEFT:
    default:
      return PANGO_ALIGN_LEFT;
    }
}

static PangoLayout *
make_layout (PacteReportLayout *self,
             const char        *text,
             PacteReportStyle   style,
             double             width,
             PacteReportAlign   align)
{
  PacteReportTextStyle text_style = pacte_report_layout_text_style (self, style, width);
  PangoLayout *layout = pacte_report_text_layout (&text_style, text, -1);

  pango_layout_set_alignment (layout, pango_align (align));
  return layout;
}

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
  if (style == PACTE_REPORT_STYLE_PAGE && strnlen (text, PAGE_TEXT_CHARS + 1) > PAGE_TEXT_CHARS)
    {
      /* One line, ellipsized: shaping a megabyte of title on every page
       * would show nothing more. */
      g_autofree char *start = g_utf8_substring (text, 0, PAGE_TEXT_CHARS);

      layout = make_layout (self, start, style, width, align);
    }
  else
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

/* Draws lines [from, to) of a cell (SLICE_WHOLE: the whole cell). */
static void
draw_cell (PacteReportLayout *self,
           cairo_t           *cr,
           PacteReportRow    *row,
           guint              column,
           guint              from,
           guint              to,
           double             y)
{
  PacteReportTable *table = row->table;
  double text_x;
  double text_w = pacte_report_layout_cell_box (self, row, column, &text_x);
  double text_y = y + table->pad_v;
  const char *link = self->tags && row->links != NULL ? row->links[column] : NULL;
  gboolean by_lines = from != SLICE_WHOLE || pacte_report_layout_is_long (row->texts[column]);

  if (row->lights[column] != PACTE_REPORT_LIGHT_NONE && (from == SLICE_WHOLE || from == 0))
    {
      /* Centred on the first line of the text beside it. */
      double line = pacte_report_layout_text_height (self, "Ag", row->styles[column], 1000);

      pacte_report_draw_light (cr, row->lights[column], text_x - LIGHT_WIDTH,
                               text_y + (line - LIGHT_SIZE) / 2, LIGHT_SIZE);
    }
  if (link != NULL)
    {
      g_autofree char *attributes = g_strdup_printf ("dest='%s'", link);

      /* A named destination: cairo 1.16 writes no target for a link given
       * by page and position. */
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
    }
  if (by_lines)
    {
      PacteReportLines *lines = pacte_report_layout_cell_lines (self, row, column);
      PacteReportTextStyle style = pacte_report_layout_text_style (self, row->styles[column], text_w);

      if (from == SLICE_WHOLE)
        {
          from = 0;
          to = pacte_report_lines_get_n (lines);
        }
      pacte_report_lines_draw (lines, &style, cr, from, to, text_x, text_y, pango_align (table->aligns[column]));
    }
  else
    draw_text (self, cr, row->texts[column], row->styles[column], text_x, text_y, text_w, table->aligns[column]);
  if (link != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
}

static void
draw_row (PacteReportLayout *self,
          cairo_t           *cr,
          const Placed      *placed)
{
  PacteReportRow *row = placed->row;
  PacteReportTable *table = row->table;
  double y = placed->y;
  double height = placed->height;
  double left = MARGIN_SIDE;
  double width = pacte_report_layout_text_width (self);
  gboolean is_header = row == table->header;
  gboolean first_slice = placed->slice == SLICE_WHOLE || g_array_index (self->slices, guint, placed->slice) == 0;

  if (placed->anchor && self->tags)
    {
      /* A named destination at the block's start (whole points: the
       * attributes must not follow the locale's decimal comma). */
      g_autofree char *attributes = g_strdup_printf ("name='%s' x=%d y=%d", table->anchor, (int) left,
                                                     (int) MAX (y - 4, 0));

      cairo_tag_begin (cr, CAIRO_TAG_DEST, attributes);
      cairo_tag_end (cr, CAIRO_TAG_DEST);
    }
  if (row->figure != NULL)
    {
      cairo_save (cr);
      cairo_new_path (cr);
      row->figure (self, cr, left, y, width, height, row->figure_data);
      cairo_restore (cr);
      return;
    }
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
  if ((row->flags & PACTE_REPORT_ROW_TOTAL) && first_slice)
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
      guint from = SLICE_WHOLE;
      guint to = SLICE_WHOLE;

      if (placed->slice != SLICE_WHOLE)
        {
          from = g_array_index (self->slices, guint, placed->slice + 2 * i);
          to = g_array_index (self->slices, guint, placed->slice + 2 * i + 1);
        }
      draw_cell (self, cr, row, i, from, to, y);
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
  double width = pacte_report_layout_text_width (self);
  double half = width / 2 - 6;

  pacte_report_layout_paginate (self);
  g_return_if_fail (page_nr < self->pages->len);
  page = &g_array_index (self->pages, Page, page_nr);

  cairo_save (cr);
  cairo_new_path (cr);
  /* With links, cairo 1.16 refers to a structure tree that it only writes
   * when the page has some structure: without it the PDF's cross-reference
   * table names an object that is not there. */
  if (self->tags)
    cairo_tag_begin (cr, "Part", NULL);

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

      draw_row (self, cr, placed);
    }
  if (self->tags)
    cairo_tag_end (cr, "Part");
  cairo_restore (cr);
}
