/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-format.c: locale-free number, amount and date formatting. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-i18n.h"
#include "pacte-model.h"
#include "pacte-report-format.h"

static gboolean
is_french (const char *lang)
{
  return g_strcmp0 (pacte_i18n_normalize_lang (lang), "fr") == 0;
}

/* Month names keep a context: "May" alone is also an English verb. */
#define MONTH_CONTEXT "month name"
static const char * const month_names[12] = {
  NC_("month name", "January"), NC_("month name", "February"), NC_("month name", "March"),
  NC_("month name", "April"), NC_("month name", "May"), NC_("month name", "June"),
  NC_("month name", "July"), NC_("month name", "August"), NC_("month name", "September"),
  NC_("month name", "October"), NC_("month name", "November"), NC_("month name", "December"),
};

/* msgctxt + EOT + msgid, looked up in lang; the plain msgid when untranslated. */
static const char *
gettext_context_lang (const char *lang,
                      const char *context,
                      const char *msgid)
{
  g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);
  const char *translated = pacte_gettext_lang (lang, key);

  if (translated == key || strchr (translated, '\004') != NULL)
    return msgid;
  return translated;
}

const char *
pacte_format_month_name (const char *lang,
                         int         month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");

  if (!is_french (lang))
    return month_names[month - 1];
  return gettext_context_lang ("fr", MONTH_CONTEXT, month_names[month - 1]);
}

/* Whole part of |value| (already rounded) with group separators. */
static void
append_grouped (GString    *out,
                const char *digits,
                const char *separator)
{
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

/* The digits of |value| rounded half away from zero to `decimals` places:
 * whole part in *whole, decimals in *fraction (exactly `decimals` digits). */
static void
split_number (double  value,
              int     decimals,
              char  **whole,
              char  **fraction)
{
  double scale = pow (10.0, decimals);
  double scaled = floor (fabs (value) * scale + 0.5);
  double whole_part = floor (scaled / scale);
  double frac_part = scaled - whole_part * scale;

  *whole = g_strdup_printf ("%.0f", whole_part);
  if (decimals > 0)
    *fraction = g_strdup_printf ("%0*.0f", decimals, frac_part);
  else
    *fraction = g_strdup ("");
}

static char *
format_fixed (const char *lang,
              double      value,
              int         decimals,
              gboolean    trim)
{
  g_autofree char *whole = NULL;
  g_autofree char *fraction = NULL;
  GString *out = g_string_new (NULL);
  gboolean fr = is_french (lang);
  gsize flen;

  split_number (value, decimals, &whole, &fraction);
  flen = strlen (fraction);
  if (trim)
    while (flen > 0 && fraction[flen - 1] == '0')
      fraction[--flen] = '\0';

  if (value < 0 && (strcmp (whole, "0") != 0 || flen > 0))
    g_string_append (out, "-");
  append_grouped (out, whole, fr ? PACTE_NNBSP : ",");
  if (flen > 0)
    {
      g_string_append_c (out, fr ? ',' : '.');
      g_string_append (out, fraction);
    }
  return g_string_free (out, FALSE);
}

char *
pacte_format_number (const char *lang,
                     double      value,
                     int         max_decimals)
{
  if (isnan (value))
    return g_strdup ("—");
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "-∞");
  return format_fixed (lang, value, CLAMP (max_decimals, 0, 6), TRUE);
}

char *
pacte_format_amount (const char *lang,
                     double      value,
                     const char *currency)
{
  g_autofree char *number = NULL;
  g_autofree char *unsigned_number = NULL;
  const char *symbol = NULL;

  if (isnan (value))
    return g_strdup ("—");
  if (currency == NULL || *currency == '\0')
    currency = "EUR";

  if (is_french (lang))
    {
      number = isinf (value) ? g_strdup ("∞") : format_fixed (lang, value, 2, FALSE);
      if (g_str_equal (currency, "EUR"))
        symbol = "€";
      else if (g_str_equal (currency, "GBP"))
        symbol = "£";
      return g_strconcat (number, PACTE_NBSP, symbol != NULL ? symbol : currency, NULL);
    }

  if (g_str_equal (currency, "EUR"))
    symbol = "€";
  else if (g_str_equal (currency, "USD"))
    symbol = "$";
  else if (g_str_equal (currency, "GBP"))
    symbol = "£";
  unsigned_number = isinf (value) ? g_strdup ("∞") : format_fixed (lang, fabs (value), 2, FALSE);
  if (symbol != NULL)
    return g_strconcat (value < 0 ? "-" : "", symbol, unsigned_number, NULL);
  return g_strconcat (value < 0 ? "-" : "", currency, PACTE_NBSP, unsigned_number, NULL);
}

char *
pacte_format_percent (const char *lang,
                      double      percent)
{
  g_autofree char *number = NULL;

  if (isnan (percent))
    return g_strdup ("—");
  number = pacte_format_number (lang, percent, 0);
  return g_strconcat (number, is_french (lang) ? PACTE_NBSP "%" : "%", NULL);
}

char *
pacte_format_date (const char *lang,
                   guint32     julian)
{
  int year, month, day;

  if (julian == 0)
    return g_strdup ("—");
  pacte_date_to_ymd (julian, &year, &month, &day);
  if (month < 1 || month > 12)
    return g_strdup ("—");
  if (is_french (lang) && day == 1)
    return g_strdup_printf ("1er %s %d", pacte_format_month_name (lang, month), year);
  return g_strdup_printf ("%d %s %d", day, pacte_format_month_name (lang, month), year);
}

char *
pacte_format_quarter (const char *lang,
                      const char *quarter)
{
  int year, q;
  const char *letter;

  if (quarter == NULL)
    return g_strdup ("—");
  if (!pacte_quarter_parse (quarter, &year, &q))
    return g_strdup (quarter);
  /* The abbreviation of "quarter" before its number: Q1 2027 (French: T1). */
  letter = is_french (lang) ? gettext_context_lang ("fr", "quarter abbreviation", NC_("quarter abbreviation", "Q"))
                            : "Q";
  return g_strdup_printf ("%s%d %d", letter, q, year);
}
