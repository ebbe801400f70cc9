/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-layout.c: measures the report's rows with pango and places
 * them on pages (the drawing is in pacte-report-draw.c). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-report-layout-private.h"

#define PAD_H           4.0
#define PAD_V           2.5
#define MIN_SPLIT      36.0   /* below this much room a long row starts on the next page */
/* Texts longer than this are measured through their lines (one window of
 * pango layout at a time), never laid out whole. */
#define LONG_TEXT_BYTES   1024
#define OUTLINE_TITLE_CHARS 200

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
row_forget_lines (PacteReportRow *row)
{
  if (row->lines == NULL)
    return;
  for (guint i = 0; i < row->n_columns; i++)
    pacte_report_lines_free (row->lines[i]);
  g_clear_pointer (&row->lines, g_free);
}

static void
row_free (gpointer data)
{
  PacteReportRow *row = data;

  if (row == NULL)
    return;
  /* The lines point into the texts: they go first. */
  row_forget_lines (row);
  for (guint i = 0; i < row->n_columns; i++)
    {
      g_free (row->texts[i]);
      if (row->links != NULL)
        g_free (row->links[i]);
    }
  g_free (row->texts);
  g_free (row->links);
  g_free (row->styles);
  g_free (row->lights);
  if (row->figure_free != NULL)
    row->figure_free (row->figure_data);
  g_free (row);
}

static void
table_free (gpointer data)
{
  PacteReportTable *table = data;

  /* Rows before the table they point at. */
  if (table->header != NULL)
    row_free (table->header);
  g_ptr_array_unref (table->rows);
  g_free (table->fractions);
  g_free (table->col_x);
  g_free (table->col_w);
  g_free (table->aligns);
  g_free (table->running_title);
  g_free (table->anchor);
  g_free (table);
}

static void
anchor_free (gpointer data)
{
  Anchor *anchor = data;

  g_free (anchor->name);
  g_free (anchor->title);
  g_free (anchor);
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
  /* A word wider than its column is broken with a hyphen at the break
   * (pango's default, said here for the reader). */
  self->attrs = pango_attr_list_new ();
  pango_attr_list_insert (self->attrs, pango_attr_insert_hyphens_new (TRUE));

  self->width = 595.28;
  self->height = 841.89;
  self->blocks = g_ptr_array_new_with_free_func (table_free);
  self->heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cell_widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->shaped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  self->slices = g_array_new (FALSE, FALSE, sizeof (guint));
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  self->anchors = g_ptr_array_new_with_free_func (anchor_free);
  self->anchor_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

void
pacte_report_layout_free (PacteReportLayout *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->blocks);
  g_hash_table_unref (self->anchor_by_name);
  g_ptr_array_unref (self->anchors);
  g_free (self->pending_anchor);
  g_hash_table_unref (self->heights);
  g_hash_table_unref (self->widths);
  g_hash_table_unref (self->cell_widths);
  g_hash_table_unref (self->shaped);
  g_array_unref (self->placed);
  g_array_unref (self->slices);
  g_array_unref (self->pages);
  for (guint i = 0; i < PACTE_REPORT_N_STYLES; i++)
    pango_font_description_free (self->fonts[i]);
  pango_attr_list_unref (self->attrs);
  g_object_unref (self->context);
  g_free (self);
}

void
pacte_report_layout_forget_measures (PacteReportTable *table)
{
  if (table->header != NULL)
    {
      table->header->height = -1;
      row_forget_lines (table->header);
    }
  for (guint j = 0; j < table->rows->len; j++)
    {
      PacteReportRow *row = g_ptr_array_index (table->rows, j);

      row->height = -1;
      row_forget_lines (row);
    }
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
        pacte_report_layout_forget_measures (g_ptr_array_index (self->blocks, i));
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

double
pacte_report_layout_text_width (PacteReportLayout *self)
{
  return self->width - 2 * MARGIN_SIDE;
}

/* ---- Building ----------------------------------------------------------- */

static PacteReportTable *
add_block (PacteReportLayout      *self,
           guint                   n_columns,
           const double           *widths,
           const PacteReportAlign *aligns,
           gboolean                is_break)
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
  if (self->pending_anchor != NULL && n_columns > 0 && !is_break)
    table->anchor = g_steal_pointer (&self->pending_anchor);
  table->is_break = is_break;
  g_ptr_array_add (self->blocks, table);
  self->paginated = FALSE;
  return table;
}

static PacteReportRow *
row_new (PacteReportTable    *table,
         PacteReportRowFlags  flags)
{
  PacteReportRow *row = g_new0 (PacteReportRow, 1);

  row->n_columns = table->n_columns;
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
  PacteReportTable *table = add_block (self, 1, NULL, NULL, TRUE);

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
  PacteReportTable *table = add_block (self, 1, NULL, NULL, FALSE);
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

void
pacte_report_layout_figure (PacteReportLayout    *self,
                            double                height,
                            PacteReportFigureFunc draw,
                            gpointer              data,
                            GDestroyNotify        destroy)
{
  PacteReportTable *table;
  PacteReportRow *row;

  g_return_if_fail (draw != NULL && height > 0);

  table = add_block (self, 1, NULL, NULL, FALSE);
  table->pad_h = 0;
  table->pad_v = 0;
  table->space_before = 2;
  table->space_after = 8;
  row = row_new (table, PACTE_REPORT_ROW_PLAIN);
  row->figure = draw;
  row->figure_data = data;
  row->figure_free = destroy;
  row->figure_height = height;
  g_ptr_array_add (table->rows, row);
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

  table = add_block (self, n_columns, widths, aligns, FALSE);
  table->grid = grid;
  table->pad_h = PAD_H;
  table->pad_v = grid ? PAD_V : 1.5;
  table->space_before = 2;
  table->space_after = 8;
  return table;
}

void
pacte_report_table_set_compact (PacteReportTable *table)
{
  table->pad_h = 2;
  table->pad_v = table->grid ? 1.5 : 1;
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

  row_forget_lines (row);
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

void
pacte_report_row_set_link (PacteReportRow *row,
                           guint           column,
                           const char     *name)
{
  g_return_if_fail (column < row->n_columns);

  if (row->links == NULL)
    row->links = g_new0 (char *, row->n_columns);
  g_free (row->links[column]);
  row->links[column] = g_strdup (name);
}

void
pacte_report_layout_set_tags (PacteReportLayout *self,
                              gboolean           tags)
{
  self->tags = tags;
}

void
pacte_report_layout_anchor (PacteReportLayout *self,
                            const char        *name,
                            const char        *title,
                            guint              level)
{
  Anchor *anchor;

  g_return_if_fail (name != NULL && *name != '\0');
  g_return_if_fail (!g_hash_table_contains (self->anchor_by_name, name));

  anchor = g_new0 (Anchor, 1);
  anchor->name = g_strdup (name);
  /* An outline entry is one line in a side panel: a megabyte of title
   * would only weigh on the file. */
  if (title != NULL && strnlen (title, OUTLINE_TITLE_CHARS + 1) > OUTLINE_TITLE_CHARS)
    {
      g_autofree char *start = g_utf8_substring (title, 0, OUTLINE_TITLE_CHARS);

      anchor->title = g_strcmp0 (start, title) != 0 ? g_strconcat (start, "…", NULL) : g_strdup (title);
    }
  else
    anchor->title = g_strdup (title);
  anchor->level = MAX (level, 1);
  g_ptr_array_add (self->anchors, anchor);
  g_hash_table_insert (self->anchor_by_name, anchor->name, anchor);
  g_free (self->pending_anchor);
  self->pending_anchor = g_strdup (name);
  self->paginated = FALSE;
}

/* ---- Measuring ---------------------------------------------------------- */

PacteReportTextStyle
pacte_report_layout_text_style (PacteReportLayout *self,
                                PacteReportStyle   style,
                                double             width)
{
  PacteReportTextStyle text_style = { self->context, self->fonts[style], self->attrs, width };

  return text_style;
}

gboolean
pacte_report_layout_is_long (const char *text)
{
  return text != NULL && strnlen (text, LONG_TEXT_BYTES + 1) > LONG_TEXT_BYTES;
}

/* The width the text of a cell wraps at, and where it starts. */
double
pacte_report_layout_cell_box (PacteReportLayout *self,
                              PacteReportRow    *row,
                              guint              column,
                              double            *text_x)
{
  PacteReportTable *table = row->table;
  double x, width;

  if (table->col_w != NULL)
    {
      x = table->col_x[column];
      width = table->col_w[column];
    }
  else
    {
      double start = 0;

      for (guint i = 0; i < column; i++)
        start += table->fractions[i];
      x = MARGIN_SIDE + start * pacte_report_layout_text_width (self);
      width = table->fractions[column] * pacte_report_layout_text_width (self);
    }
  x += table->pad_h;
  width -= 2 * table->pad_h;
  if (row->lights[column] != PACTE_REPORT_LIGHT_NONE)
    {
      x += LIGHT_WIDTH;
      width -= LIGHT_WIDTH;
    }
  if (text_x != NULL)
    *text_x = x;
  return MAX (width, 1.0);
}

double
pacte_report_layout_text_height (PacteReportLayout *self,
                                 const char        *text,
                                 PacteReportStyle   style,
                                 double             width)
{
  g_autofree char *key = g_strdup_printf ("%d|%d|%s", style, (int) (width * 16), text != NULL ? text : "");
  double *cached = g_hash_table_lookup (self->heights, key);
  PacteReportTextStyle text_style = pacte_report_layout_text_style (self, style, width);
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double *value;

  if (cached != NULL)
    return *cached;

  layout = pacte_report_text_layout (&text_style, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  value = g_new (double, 1);
  *value = (double) logical.height / PANGO_SCALE;
  g_hash_table_insert (self->heights, g_steal_pointer (&key), value);
  return *value;
}

PacteReportLines *
pacte_report_layout_cell_lines (PacteReportLayout *self,
                                PacteReportRow    *row,
                                guint              column)
{
  if (row->lines == NULL)
    row->lines = g_new0 (PacteReportLines *, row->n_columns);
  if (row->lines[column] == NULL)
    {
      PacteReportTextStyle style = pacte_report_layout_text_style (self, row->styles[column],
                                                                   pacte_report_layout_cell_box (self, row, column, NULL));

      if (row->texts[column] == NULL)
        row->texts[column] = g_strdup ("");
      row->lines[column] = pacte_report_lines_new (&style, row->texts[column]);
    }
  return row->lines[column];
}

static double
cell_height (PacteReportLayout *self,
             PacteReportRow    *row,
             guint              column)
{
  if (pacte_report_layout_is_long (row->texts[column]))
    {
      PacteReportLines *lines = pacte_report_layout_cell_lines (self, row, column);
      guint n = pacte_report_lines_get_n (lines);

      return n > 0 ? pacte_report_lines_get_bottom (lines, n - 1) : 0;
    }
  return pacte_report_layout_text_height (self, row->texts[column], row->styles[column],
                                          pacte_report_layout_cell_box (self, row, column, NULL));
}

double
pacte_report_layout_row_height (PacteReportLayout *self,
                                PacteReportRow    *row)
{
  if (row->height < 0 && row->figure != NULL)
    row->height = row->figure_height;
  if (row->height < 0)
    {
      double tallest = 0;

      for (guint i = 0; i < row->n_columns; i++)
        tallest = MAX (tallest, cell_height (self, row, i));
      row->height = ceil ((tallest + 2 * row->table->pad_v) * 4) / 4;
    }
  return row->height;
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
flow_place_slice (Flow           *flow,
                  PacteReportRow *row,
                  double          height,
                  guint           slice)
{
  PacteReportLayout *self = flow->self;
  PacteReportTable *table = row->table;
  Placed placed = { row, flow->y, height, slice, FALSE };
  Page *page = &g_array_index (self->pages, Page, self->pages->len - 1);

  if (table->anchor != NULL && row != table->header
      && (row == g_ptr_array_index (table->rows, 0)) && (slice == SLICE_WHOLE || g_array_index (self->slices, guint, slice) == 0))
    {
      Anchor *anchor = g_hash_table_lookup (self->anchor_by_name, table->anchor);

      placed.anchor = TRUE;
      anchor->page = self->pages->len - 1;
      /* The block starts above its first row by its header, if any. */
      anchor->y = flow->y;
      if (table->header != NULL && page->n > 0)
        {
          const Placed *before = &g_array_index (self->placed, Placed, self->placed->len - 1);

          if (before->row == table->header)
            anchor->y = before->y;
        }
    }
  g_array_append_val (self->placed, placed);
  page->n++;
  flow->y += height;
  flow->empty = FALSE;
}

static void
flow_place (Flow           *flow,
            PacteReportRow *row)
{
  flow_place_slice (flow, row, pacte_report_layout_row_height (flow->self, row), SLICE_WHOLE);
}

static void
flow_new_table_page (Flow             *flow,
                     PacteReportTable *table)
{
  flow_new_page (flow);
  if (table->header != NULL)
    flow_place (flow, table->header);
}

static double
first_unit_height (PacteReportLayout *self,
                   PacteReportTable  *table)
{
  double height = 0;

  if (table->header != NULL)
    height += pacte_report_layout_row_height (self, table->header);
  if (table->rows->len > 0)
    height += pacte_report_layout_row_height (self, g_ptr_array_index (table->rows, 0));
  return height;
}

/* Places a row taller than the room left, a slice of its lines per page.
 * Each column's lines are broken once; a slice is a range of them. */
static void
place_split (Flow           *flow,
             PacteReportRow *row,
             double          header_height)
{
  PacteReportLayout *self = flow->self;
  PacteReportTable *table = row->table;
  guint n = row->n_columns;
  g_autofree guint *next = g_new0 (guint, n);   /* first line not placed yet, per column */
  g_autofree guint *count = g_new0 (guint, n);

  for (guint c = 0; c < n; c++)
    count[c] = pacte_report_lines_get_n (pacte_report_layout_cell_lines (self, row, c));

  for (;;)
    {
      double room = flow->bottom - flow->y - 2 * table->pad_v;
      gboolean at_top = flow->y <= flow->top + header_height + 0.01;
      gboolean any = FALSE;
      gboolean done = TRUE;
      double tallest = 0;
      guint slice = self->slices->len;

      for (guint c = 0; c < n; c++)
        {
          PacteReportLines *lines = row->lines[c];
          double top = pacte_report_lines_get_top (lines, next[c]);
          guint to = next[c];

          while (to < count[c] && pacte_report_lines_get_bottom (lines, to) - top <= room + 0.01)
            to++;
          /* Not one line fits an empty page: it goes there anyway. */
          if (to == next[c] && to < count[c] && at_top)
            to++;
          if (to > next[c])
            {
              any = TRUE;
              tallest = MAX (tallest, pacte_report_lines_get_bottom (lines, to - 1) - top);
            }
          g_array_append_val (self->slices, next[c]);
          g_array_append_val (self->slices, to);
          next[c] = to;
          done = done && to >= count[c];
        }
      if (!any)
        {
          /* Nothing fits here: the row goes on with the next page. */
          g_array_set_size (self->slices, slice);
          flow_new_table_page (flow, table);
          continue;
        }
      flow_place_slice (flow, row, ceil ((tallest + 2 * table->pad_v) * 4) / 4, slice);
      if (done)
        break;
      flow_new_table_page (flow, table);
    }
}

guint
pacte_report_layout_paginate (PacteReportLayout *self)
{
  Flow flow = { self, 0, MARGIN_TOP, self->height - MARGIN_BOTTOM, TRUE, "" };
  double body = flow.bottom - flow.top;

  if (self->paginated)
    return self->pages->len;

  g_array_set_size (self->placed, 0);
  g_array_set_size (self->slices, 0);
  g_array_set_size (self->pages, 0);
  for (guint i = 0; i < self->anchors->len; i++)
    {
      Anchor *anchor = g_ptr_array_index (self->anchors, i);

      anchor->page = 0;
      anchor->y = MARGIN_TOP;
    }
  for (guint b = 0; b < self->blocks->len; b++)
    {
      PacteReportTable *table = g_ptr_array_index (self->blocks, b);

      if (!table->is_break)
        pacte_report_layout_size_columns (self, table);
    }
  flow_new_page (&flow);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      PacteReportTable *table = g_ptr_array_index (self->blocks, b);
      double header_height = table->header != NULL ? pacte_report_layout_row_height (self, table->header) : 0;
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
          double height = pacte_report_layout_row_height (self, row);
          gboolean at_top = flow.y <= flow.top + header_height + 0.01;

          if (flow.y + height <= flow.bottom + 0.01)
            flow_place (&flow, row);
          /* A row that fits on a fresh page goes there whole; a taller one
           * is split between its lines, starting here when there is room
           * enough. */
          else if (!at_top && (height <= body - header_height || flow.bottom - flow.y < MIN_SPLIT))
            {
              Page *page = &g_array_index (self->pages, Page, self->pages->len - 1);
              const Placed *last = &g_array_index (self->placed, Placed, self->placed->len - 1);

              /* A total never starts a page alone: the row above it comes
               * along (when that is not the table's first). */
              if ((row->flags & PACTE_REPORT_ROW_TOTAL) && r >= 2 && page->n > 2
                  && last->row == g_ptr_array_index (table->rows, r - 1) && last->slice == SLICE_WHOLE)
                {
                  g_array_set_size (self->placed, self->placed->len - 1);
                  page->n--;
                  r--;
                }
              /* This row again, on the next page. */
              r--;
              flow_new_table_page (&flow, table);
            }
          else
            place_split (&flow, row, header_height);
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

guint
pacte_report_layout_get_n_anchors (PacteReportLayout *self)
{
  return self->anchors->len;
}

void
pacte_report_layout_get_anchor (PacteReportLayout *self,
                                guint              index,
                                const char       **name,
                                const char       **title,
                                guint             *level,
                                guint             *page,
                                double            *y)
{
  Anchor *anchor;

  g_return_if_fail (index < self->anchors->len);
  pacte_report_layout_paginate (self);
  anchor = g_ptr_array_index (self->anchors, index);
  if (name != NULL)
    *name = anchor->name;
  if (title != NULL)
    *title = anchor->title;
  if (level != NULL)
    *level = anchor->level;
  if (page != NULL)
    *page = anchor->page;
  if (y != NULL)
    *y = anchor->y;
}
