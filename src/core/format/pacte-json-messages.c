/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-json-messages.c: the strict scan's messages (pacte-json-scan.c):
 * where in the text (line:column in characters) and what was there. */
#include "config.h"

#include "pacte-i18n.h"
#include "pacte-json-scan-private.h"

/* ---- Positions and messages --------------------------------------------- */

/* 1-based line and column (in characters) of a byte offset. */
void
pacte_json_position_of (const char *data,
             gsize       offset,
             guint      *line,
             guint      *column)
{
  guint l = 1, c = 1;

  for (gsize i = 0; i < offset; i++)
    {
      guchar b = data[i];

      if (b == '\n')
        {
          l++;
          c = 1;
        }
      else if ((b & 0xC0) != 0x80)
        c++;
    }
  *line = l;
  *column = c;
}

gboolean
pacte_json_fail_at (GError     **error,
         int          code,
         const char  *display,
         const char  *data,
         gsize        offset,
         const char  *format,
         ...)
{
  g_autofree char *what = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  pacte_json_position_of (data, offset, &line, &column);
  g_set_error (error, PACTE_MODEL_ERROR, code, "%s:%u:%u: %s", display, line, column, what);
  return FALSE;
}

/* A short quotable form of the text at data[offset], for messages. */
char *
pacte_json_excerpt (const char *data,
         gsize       len,
         gsize       offset,
         gsize       token_len)
{
  gsize n = MIN (token_len, len - offset);

  if (n > 40)
    {
      const char *end = g_utf8_find_prev_char (data + offset, data + offset + 40);

      return g_strdup_printf ("%.*s…", (int) (end - (data + offset)), data + offset);
    }
  return g_strndup (data + offset, n);
}

/* The character at data[offset], quoted, or its code point. */
char *
pacte_json_describe_char (const char *data,
               gsize       len,
               gsize       offset)
{
  gunichar c = g_utf8_get_char_validated (data + offset, len - offset);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    return g_strdup_printf ("0x%02X", (guchar) data[offset]);
  if (c == '"')
    return g_strdup ("'\"'");
  if (g_unichar_isgraph (c))
    return g_strdup_printf ("\"%.*s\"", (int) g_unichar_to_utf8 (c, NULL), data + offset);
  return g_strdup_printf ("U+%04X", c);
}

/* The text is not UTF-8 from data[offset] on. */
gboolean
pacte_json_fail_encoding (GError     **error,
               const char  *display,
               const char  *data,
               gsize        offset)
{
  if (data[offset] == '\0')
    return pacte_json_fail_at (error, PACTE_MODEL_ERROR_ENCODING, display, data, offset,
                    _("a NUL byte (is this a binary file?); expected UTF-8 text"));
  return pacte_json_fail_at (error, PACTE_MODEL_ERROR_ENCODING, display, data, offset,
                  _("byte 0x%02X is not valid UTF-8; expected a file saved as UTF-8"),
                  (guchar) data[offset]);
}

