/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-number.c: parsing and formatting numbers the way people write them. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "pacte-number.h"

static gboolean
is_group_separator (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x2007;
}

gboolean
pacte_number_parse (const char *text,
                    double     *value)
{
  g_autoptr(GString) ascii = g_string_new (NULL);
  g_autofree char *trimmed = NULL;
  gboolean seen_digit = FALSE, seen_decimal = FALSE, last_was_digit = FALSE;
  gboolean pending_group = FALSE;
  const char *p;
  char *end = NULL;
  double result;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  trimmed = g_strstrip (g_strdup (text));
  /* Outer no-break spaces too. */
  while (g_str_has_prefix (trimmed, "\xc2\xa0"))
    memmove (trimmed, trimmed + 2, strlen (trimmed + 2) + 1);
  while (g_str_has_suffix (trimmed, "\xc2\xa0"))
    trimmed[strlen (trimmed) - 2] = '\0';

  if (trimmed[0] == '\0')
    {
      *value = NAN;
      return TRUE;
    }

  p = trimmed;
  if (*p == '-' || *p == '+')
    {
      if (*p == '-')
        g_string_append_c (ascii, '-');
      p++;
    }
  else if (g_str_has_prefix (p, "\xe2\x88\x92")) /* U+2212 MINUS SIGN */
    {
      g_string_append_c (ascii, '-');
      p += 3;
    }

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        {
          g_string_append_c (ascii, (char) c);
          seen_digit = TRUE;
          last_was_digit = TRUE;
          pending_group = FALSE;
        }
      else if (is_group_separator (c))
        {
          /* Only between digits: "1 234", not "1  234" or " ,5". */
          if (!last_was_digit)
            return FALSE;
          last_was_digit = FALSE;
          pending_group = TRUE;
        }
      else if (c == ',' || c == '.')
        {
          if (seen_decimal || pending_group)
            return FALSE;
          seen_decimal = TRUE;
          last_was_digit = FALSE;
          g_string_append_c (ascii, '.');
        }
      else
        return FALSE;
    }

  if (!seen_digit || pending_group)
    return FALSE;

  result = g_ascii_strtod (ascii->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (result))
    return FALSE;

  *value = result;
  return TRUE;
}

static const char *
locale_decimal_point (void)
{
  const struct lconv *conv = localeconv ();

  return conv != NULL && conv->decimal_point != NULL && strcmp (conv->decimal_point, ",") == 0 ? "," : ".";
}

char *
pacte_number_format (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GString) out = g_string_new (NULL);
  const char *digits, *dot;
  gsize int_len;

  if (isnan (value))
    return g_strdup ("");

  /* Beyond 10^15 a double has no decimals to show: keep its exact text. */
  if (fabs (value) >= 1e15)
    return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));

  g_ascii_formatd (buf, sizeof buf, "%.6f", value);
  /* Drop trailing zeros of the fraction, and the point if nothing is left. */
  if (strchr (buf, '.') != NULL)
    {
      char *last = buf + strlen (buf) - 1;

      while (*last == '0')
        *last-- = '\0';
      if (*last == '.')
        *last = '\0';
    }
  if (strcmp (buf, "-0") == 0)
    strcpy (buf, "0");

  digits = buf;
  if (*digits == '-')
    {
      g_string_append (out, "\xe2\x88\x92"); /* a real minus sign */
      digits++;
    }
  dot = strchr (digits, '.');
  int_len = dot ? (gsize) (dot - digits) : strlen (digits);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append (out, "\xe2\x80\xaf"); /* U+202F NARROW NO-BREAK SPACE */
      g_string_append_c (out, digits[i]);
    }
  if (dot != NULL)
    {
      g_string_append (out, locale_decimal_point ());
      g_string_append (out, dot + 1);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
