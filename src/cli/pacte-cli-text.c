/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-cli-text.c: text from a file made safe for a terminal.
 *
 * A plan name, an explanation quoting an item, a file name or an error
 * message quoting the file can hold control characters: ESC sequences that
 * retitle the terminal, clear the screen or write the clipboard (OSC 52),
 * and line breaks that forge lines of the output ("Score: 100/100").  Every
 * text the command line prints goes through pacte_cli_escape(); --json
 * through pacte_cli_escape_json(), for DEL and C1, which JSON may leave raw. */
#include "config.h"

#include <string.h>

#include "pacte-cli.h"

/* C0 (U+0000 to U+001F, line breaks and tabs included), DEL and C1
 * (U+0080 to U+009F, where a terminal may take U+009B for ESC [). */
static inline gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

char *
pacte_cli_escape (const char *text)
{
  const char *p, *end;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  end = text + strlen (text);

  /* Most text has nothing to escape. */
  for (p = text; p < end; p++)
    if ((guchar) *p < 0x20 || (guchar) *p >= 0x7F)
      break;
  if (p == end)
    return g_strdup (text);
  if (g_utf8_validate (text, -1, NULL))
    {
      for (p = text; p < end; p = g_utf8_next_char (p))
        if (is_control (g_utf8_get_char (p)))
          break;
      if (p == end)
        return g_strdup (text);
    }

  out = g_string_sized_new (end - text + 16);
  for (p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8 (a file name can be anything): its bytes, written out. */
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x80 && is_control (c))
        g_string_append_printf (out, "\\x%02X", c);
      else if (is_control (c))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

char *
pacte_cli_escape_json (const char *json)
{
  GString *out = g_string_sized_new (strlen (json) + 16);

  /* json-glib escapes C0 itself; DEL and C1 can only be inside strings,
   * where \u escapes mean the same. */
  for (const char *p = json; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x7F && c <= 0x9F)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}
