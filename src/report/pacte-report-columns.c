/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-columns.c: the widths of a table's columns on the page: the
 * shares asked for, widened to the widest word of each column (a number with
 * its unit, a currency or a date is one word: they hold together with
 * no-break spaces), the other columns giving way. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-report-layout-private.h"

/* A word this long is broken anyway: not measured for the column widths. */
#define LONG_WORD_BYTES   200
/* No text column is widened past this share of the text width for its widest word. */
#define MAX_WORD_SHARE    0.4

static gboolean
is_break_space (gunichar c)
{
  /* Where a line may break: ordinary spaces, not the no-break ones that
   * hold a number to its unit or its digit groups together. */
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x200B
         || (g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR && c != 0x00A0 && c != 0x202F && c != 0x2007);
}

static double
word_width (PacteReportLayout *self,
            PacteReportStyle   style,
            const char        *word,
            gsize              length)
{
  g_autofree char *key = g_strdup_printf ("%d|%.*s", style, (int) length, word);
  double *cached = g_hash_table_lookup (self->widths, key);
  PacteReportTextStyle text_style;
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double *value;

  if (cached != NULL)
    return *cached;
  text_style = pacte_report_layout_text_style (self, style, -1);
  layout = pacte_report_text_layout (&text_style, word, (int) length);
  pango_layout_get_extents (layout, NULL, &logical);
  value = g_new (double, 1);
  *value = (double) logical.width / PANGO_SCALE;
  g_hash_table_insert (self->widths, g_steal_pointer (&key), value);
  return *value;
}

/* The widest word of text, or more than limit when one is wider than that;
 * words that cannot be wider than at_least are not measured. */
static double
widest_word (PacteReportLayout *self,
             const char        *text,
             PacteReportStyle   style,
             double             at_least,
             double             limit)
{
  /* No glyph of these fonts is wider than 1.1 em. */
  double em = pango_font_description_get_size (self->fonts[style]) / (double) PANGO_SCALE * 1.1;
  double widest = 0;
  const char *word = NULL;
  const char *p = text;

  if (text == NULL)
    return 0;
  for (;;)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean end = c == 0 || is_break_space (c);

      if (end && word != NULL)
        {
          gsize length = (gsize) (p - word);

          if (length > LONG_WORD_BYTES)
            return limit + 1;
          /* length bytes hold at most length characters. */
          if (length * em > MAX (at_least, widest))
            widest = MAX (widest, word_width (self, style, word, length));
          word = NULL;
        }
      else if (!end && word == NULL)
        word = p;
      if (c == 0)
        break;
      p = g_utf8_next_char (p);
    }
  return widest;
}

/* widest_word() of a cell, remembered per style and text: the same status
 * words, rule titles and advice come back on every plan's pages. */
static double
cell_widest_word (PacteReportLayout *self,
                  const char        *text,
                  PacteReportStyle   style,
                  double             limit)
{
  g_autofree char *key = NULL;
  double *cached;
  double *value;

  if (text == NULL || *text == '\0')
    return 0;
  if (strnlen (text, 256) >= 256)
    return widest_word (self, text, style, 0, limit);
  key = g_strdup_printf ("%c%s", 'A' + style, text);
  cached = g_hash_table_lookup (self->cell_widths, key);
  if (cached != NULL)
    return MIN (*cached, limit + 1);
  value = g_new (double, 1);
  /* Measured in full (no limit): another table may allow more. */
  *value = widest_word (self, text, style, 0, G_MAXDOUBLE);
  g_hash_table_insert (self->cell_widths, g_steal_pointer (&key), value);
  return MIN (*value, limit + 1);
}

/* Widths of the columns on this page size: the fractions asked for, but no
 * narrower than the widest word of the column (its header's included), the
 * other columns giving way in proportion. */
void
pacte_report_layout_size_columns (PacteReportLayout *self,
                                  PacteReportTable  *table)
{
  guint n = table->n_columns;
  double total = pacte_report_layout_text_width (self);
  g_autofree double *least = g_new0 (double, n);
  g_autofree gboolean *fixed = g_new0 (gboolean, n);
  gboolean changed_width = table->col_w == NULL;
  double fixed_sum = 0;
  double free_fraction = 1;
  double x = MARGIN_SIDE;

  if (table->col_w == NULL)
    {
      table->col_x = g_new0 (double, n);
      table->col_w = g_new0 (double, n);
    }
  for (guint c = 0; c < n && n > 1; c++)
    {
      double limit = MAX (table->fractions[c], MAX_WORD_SHARE) * total;
      double widest = 0;

      /* A cell's light takes room beside its own text only (a header
       * "R01" over cells "● G" needs the wider of the two, not their sum). */
      for (guint r = 0; r <= table->rows->len; r++)
        {
          PacteReportRow *row = r < table->rows->len ? g_ptr_array_index (table->rows, r) : table->header;
          double light;

          if (row == NULL)
            continue;
          light = row->lights[c] != PACTE_REPORT_LIGHT_NONE ? LIGHT_WIDTH : 0;
          widest = MAX (widest, MIN (cell_widest_word (self, row->texts[c], row->styles[c], limit), limit) + light);
        }
      /* A hair more than measured: what is measured fits, rounding aside. */
      least[c] = MIN (widest + 0.5, limit) + 2 * table->pad_h;
    }

  /* Columns that would be narrower than their least width get it; the
   * others share what is left by their fractions. */
  for (guint round = 0; round < n; round++)
    {
      gboolean more = FALSE;

      for (guint c = 0; c < n; c++)
        if (!fixed[c] && free_fraction > 0
            && (total - fixed_sum) * table->fractions[c] / free_fraction < least[c])
          {
            fixed[c] = TRUE;
            fixed_sum += least[c];
            free_fraction -= table->fractions[c];
            more = TRUE;
          }
      if (!more)
        break;
    }
  if (fixed_sum > total)
    {
      /* Too many wide words: the columns widened past their share (a long
       * word in a text, which can break with a hyphen) give the excess back
       * first, so that numbers, codes and headers stay whole. */
      double excess = fixed_sum - total;
      double room = 0;

      for (guint c = 0; c < n; c++)
        if (fixed[c])
          room += MAX (least[c] - table->fractions[c] * total, 0);
      if (room > 0)
        {
          double k = MIN (excess / room, 1.0);

          fixed_sum = 0;
          for (guint c = 0; c < n; c++)
            if (fixed[c])
              {
                least[c] -= k * MAX (least[c] - table->fractions[c] * total, 0);
                fixed_sum += least[c];
              }
        }
    }
  for (guint c = 0; c < n; c++)
    {
      double width;

      if (fixed_sum > total + 0.001)
        width = total * least[c] / fixed_sum;              /* too many wide words: shrink them all */
      else if (free_fraction <= 1e-9)
        width = least[c] + (total - fixed_sum) * table->fractions[c];  /* every column at its least */
      else if (fixed[c])
        width = least[c];
      else
        width = (total - fixed_sum) * table->fractions[c] / free_fraction;
      if (fabs (table->col_w[c] - width) > 0.001 || fabs (table->col_x[c] - x) > 0.001)
        changed_width = TRUE;
      table->col_x[c] = x;
      table->col_w[c] = width;
      x += width;
    }
  if (changed_width)
    pacte_report_layout_forget_measures (table);
}
