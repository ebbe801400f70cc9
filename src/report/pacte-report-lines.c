/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-lines.c: a text broken into lines once, a window at a time;
 * any range of its lines drawn one line at a time. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-report-lines.h"

/* Texts up to this long are broken by pango itself, in one layout. */
#define SHORT_BYTES 1024
/* Longer ones are measured a chunk at a time, each laid out on one line
 * (pango wraps an unbroken word at several hundred microseconds a line,
 * but measures a line at about a microsecond a character), then broken here. */
#define CHUNK_BYTES 32768

typedef struct
{
  guint    start;    /* byte offset into the text */
  guint    length;   /* bytes, without the paragraph separator */
  double   top;
  double   bottom;
  gboolean hyphen;   /* the line was broken inside a word: draw a hyphen after it */
} Line;

struct _PacteReportLines
{
  const char *text;
  GArray     *lines;  /* Line */
};

PangoLayout *
pacte_report_text_layout (const PacteReportTextStyle *style,
                          const char                 *text,
                          int                         length)
{
  PangoLayout *layout = pango_layout_new (style->context);

  pango_layout_set_font_description (layout, style->font);
  pango_layout_set_attributes (layout, style->attrs);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (style->width > 0)
    pango_layout_set_width (layout, (int) floor (MAX (style->width, 1.0) * PANGO_SCALE));
  pango_layout_set_text (layout, text != NULL ? text : "", text != NULL ? length : 0);
  return layout;
}

/* The start of the character at or before text + offset. */
static gsize
char_boundary (const char *text,
               gsize       offset)
{
  while (offset > 0 && (text[offset] & 0xC0) == 0x80)
    offset--;
  /* Never between the CR and the LF of a line end. */
  if (offset > 1 && text[offset] == '\n' && text[offset - 1] == '\r')
    offset--;
  return offset;
}

static void
add_line (PacteReportLines *self,
          guint             start,
          guint             end,
          double           *y,
          double            height,
          gboolean          hyphen)
{
  Line line = { start, end - start, *y, *y + height, hyphen };

  g_array_append_val (self->lines, line);
  *y += height;
}

/* A short text: pango's own lines, from one layout. */
static void
break_short (PacteReportLines           *self,
             const PacteReportTextStyle *style,
             const char                 *text)
{
  g_autoptr(PangoLayout) layout = pacte_report_text_layout (style, text, -1);
  const PangoLogAttr *attrs;
  int n_attrs;
  GSList *list = pango_layout_get_lines_readonly (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  do
    {
      PangoLayoutLine *line = list->data;
      PangoRectangle logical;
      Line entry;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      entry.start = (guint) line->start_index;
      entry.length = (guint) line->length;
      entry.top = (double) logical.y / PANGO_SCALE;
      entry.bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      entry.hyphen = FALSE;
      if (list->next != NULL)
        {
          PangoLayoutLine *next = list->next->data;

          /* Wrapped (not a new paragraph) where pango puts a hyphen. */
          if (next->start_index == line->start_index + line->length)
            {
              glong offset = g_utf8_pointer_to_offset (text, text + next->start_index);

              entry.hyphen = offset < n_attrs && attrs[offset].break_inserts_hyphen;
            }
        }
      g_array_append_val (self->lines, entry);
      list = list->next;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

typedef struct
{
  guint        byte;    /* offset of the character in the text */
  float        width;
  float        height;  /* of the line it is on when not wrapped */
  PangoLogAttr attr;    /* break opportunity before it */
  gboolean     separator;
} Char;

static guint
char_at_byte (const Char *chars,
              guint       first,
              guint       n,
              guint       byte)
{
  guint lo = first, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (chars[mid].byte < byte)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Measures every character of text: its width, its line's height, the
 * break opportunity before it. */
static GArray *
measure_chars (const PacteReportTextStyle *style,
               const char                 *text,
               gsize                       len,
               double                      empty_height)
{
  PacteReportTextStyle one_line = *style;
  GArray *chars = g_array_sized_new (FALSE, TRUE, sizeof (Char), (guint) MIN (len, G_MAXUINT));
  gsize pos = 0;

  one_line.width = -1;
  while (pos < len)
    {
      gsize end = len;
      g_autoptr(PangoLayout) layout = NULL;
      const PangoLogAttr *attrs;
      int n_attrs;
      guint first = chars->len;
      Char *all;

      if (len - pos > CHUNK_BYTES)
        {
          /* Cut after a space when there is one near the end, so that no
           * break opportunity is lost; else at a character. */
          end = pos + char_boundary (text + pos, CHUNK_BYTES);
          for (gsize k = end; k > end - 1024; k--)
            if (text[k - 1] == ' ' || text[k - 1] == '\n')
              {
                end = k;
                break;
              }
        }
      layout = pacte_report_text_layout (&one_line, text + pos, (int) (end - pos));
      attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
      for (const char *p = text + pos; p < text + end; p = g_utf8_next_char (p))
        {
          Char c = { 0, };
          gunichar u = g_utf8_get_char (p);

          c.byte = (guint) (p - text);
          c.attr = attrs[chars->len - first];
          c.height = (float) empty_height;
          c.separator = u == '\n' || u == '\r' || u == 0x2029;
          g_array_append_val (chars, c);
        }
      all = (Char *) chars->data;
      if (first > 0)
        {
          /* The chunk's start is no paragraph start. */
          all[first].attr.is_line_break = all[first - 1].attr.is_white || all[first - 1].separator;
          all[first].attr.is_char_break = TRUE;
        }
      for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
        {
          PangoLayoutLine *line = l->data;
          PangoRectangle logical;
          guint from = char_at_byte (all, first, chars->len, (guint) (pos + (gsize) line->start_index));
          guint to = char_at_byte (all, first, chars->len, (guint) (pos + (gsize) line->start_index + (gsize) line->length));

          pango_layout_line_get_extents (line, NULL, &logical);
          for (guint k = from; k < to; k++)
            all[k].height = (float) ((double) logical.height / PANGO_SCALE);
          for (GSList *r = line->runs; r != NULL; r = r->next)
            {
              PangoGlyphItem *run = r->data;
              guint at = char_at_byte (all, first, chars->len, (guint) (pos + (gsize) run->item->offset));
              g_autofree int *widths = g_new (int, MAX (run->item->num_chars, 1));

              pango_glyph_item_get_logical_widths (run, text + pos, widths);
              for (int k = 0; k < run->item->num_chars && at + (guint) k < chars->len; k++)
                all[at + (guint) k].width = (float) ((double) widths[k] / PANGO_SCALE);
            }
        }
      pos = end;
    }
  return chars;
}

/* A long text: measured once, broken here the way pango would (at a line
 * break opportunity; inside a word only when it is wider than a line, then
 * with a hyphen where the script takes one). */
static void
break_long (PacteReportLines           *self,
            const PacteReportTextStyle *style,
            const char                 *text,
            gsize                       len)
{
  g_autoptr(PangoLayout) empty = pacte_report_text_layout (style, "", 0);
  g_autoptr(PangoLayout) hyphen_layout = NULL;
  PacteReportTextStyle one_line = *style;
  PangoRectangle logical;
  double empty_height, hyphen_width;
  double width = style->width;
  g_autoptr(GArray) array = NULL;
  const Char *chars;
  guint n, i = 0;
  double y = 0;

  pango_layout_get_extents (empty, NULL, &logical);
  empty_height = (double) logical.height / PANGO_SCALE;
  one_line.width = -1;
  hyphen_layout = pacte_report_text_layout (&one_line, "\u2010", -1);
  pango_layout_get_extents (hyphen_layout, NULL, &logical);
  hyphen_width = (double) logical.width / PANGO_SCALE;

  array = measure_chars (style, text, len, empty_height);
  chars = (const Char *) array->data;
  n = array->len;
  for (;;)
    {
      guint start = i;
      guint end;
      guint best = start;
      double x = 0;
      double height = 0;
      gboolean hyphen = FALSE;

      while (i < n && !chars[i].separator)
        {
          if (i > start && chars[i].attr.is_line_break)
            best = i;
          if (i > start && !chars[i].attr.is_white && x + chars[i].width > width)
            break;
          x += chars[i].width;
          i++;
        }
      if (i < n && !chars[i].separator)
        {
          if (best > start)
            end = best;
          else
            {
              /* One word wider than the line: break it at the last place that fits. */
              guint j = i;

              while (j > start + 1
                     && !(chars[j].attr.is_char_break
                          && x + (chars[j].attr.break_inserts_hyphen ? hyphen_width : 0) <= width))
                {
                  x -= chars[j - 1].width;
                  j--;
                }
              end = j;
              hyphen = chars[end].attr.break_inserts_hyphen;
            }
        }
      else
        end = i;
      for (guint k = start; k < end; k++)
        height = MAX (height, chars[k].height);
      add_line (self, start < n ? chars[start].byte : (guint) len, end < n ? chars[end].byte : (guint) len,
                &y, end > start ? height : empty_height, hyphen);
      i = end;
      if (i >= n)
        break;
      if (chars[i].separator)
        {
          /* A paragraph ends here: CR LF is one separator. */
          if (text[chars[i].byte] == '\r' && i + 1 < n && text[chars[i + 1].byte] == '\n')
            i++;
          i++;
          if (i >= n)
            {
              add_line (self, (guint) len, (guint) len, &y, empty_height, FALSE);
              break;
            }
        }
    }
}

PacteReportLines *
pacte_report_lines_new (const PacteReportTextStyle *style,
                        const char                 *text)
{
  PacteReportLines *self = g_new0 (PacteReportLines, 1);
  gsize len = strlen (text);

  self->text = text;
  self->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  if (len <= SHORT_BYTES)
    break_short (self, style, text);
  else
    break_long (self, style, text, len);
  return self;
}

void
pacte_report_lines_free (PacteReportLines *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->lines);
  g_free (self);
}

guint
pacte_report_lines_get_n (PacteReportLines *self)
{
  return self->lines->len;
}

double
pacte_report_lines_get_top (PacteReportLines *self,
                            guint             k)
{
  g_return_val_if_fail (k <= self->lines->len, 0);
  if (k == self->lines->len)
    return k > 0 ? g_array_index (self->lines, Line, k - 1).bottom : 0;
  return g_array_index (self->lines, Line, k).top;
}

double
pacte_report_lines_get_bottom (PacteReportLines *self,
                               guint             k)
{
  g_return_val_if_fail (k < self->lines->len, 0);
  return g_array_index (self->lines, Line, k).bottom;
}

void
pacte_report_lines_draw (PacteReportLines           *self,
                         const PacteReportTextStyle *style,
                         cairo_t                    *cr,
                         guint                       from,
                         guint                       to,
                         double                      x,
                         double                      y,
                         PangoAlignment              align)
{
  PacteReportTextStyle one_line = *style;
  GString *text = g_string_new (NULL);
  double first_top;

  to = MIN (to, self->lines->len);
  if (from >= to)
    {
      g_string_free (text, TRUE);
      return;
    }
  first_top = g_array_index (self->lines, Line, from).top;
  one_line.width = -1;  /* the line is known to fit: no wrapping */
  for (guint k = from; k < to; k++)
    {
      const Line *line = &g_array_index (self->lines, Line, k);
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle logical;
      gsize length = line->length;
      double dx = 0;

      /* Trailing white space hangs past the edge in pango's lines; it is
       * not drawn nor counted for the alignment. */
      while (length > 0 && (self->text[line->start + length - 1] == ' '
                            || self->text[line->start + length - 1] == '\t'))
        length--;
      if (length == 0 && !line->hyphen)
        continue;
      g_string_truncate (text, 0);
      g_string_append_len (text, self->text + line->start, (gssize) length);
      if (line->hyphen)
        g_string_append (text, "\u2010");
      layout = pacte_report_text_layout (&one_line, text->str, (int) text->len);
      pango_layout_get_extents (layout, NULL, &logical);
      if (align == PANGO_ALIGN_RIGHT)
        dx = style->width - (double) logical.width / PANGO_SCALE;
      else if (align == PANGO_ALIGN_CENTER)
        dx = (style->width - (double) logical.width / PANGO_SCALE) / 2;
      cairo_move_to (cr, x + MAX (dx, 0), y + line->top - first_top);
      pango_cairo_show_layout (cr, layout);
      cairo_new_path (cr);
    }
  g_string_free (text, TRUE);
}
