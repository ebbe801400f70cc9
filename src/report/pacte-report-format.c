/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-format.c: numbers, amounts and dates in the report's
 * language, from the language table. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-language.h"
#include "pacte-model.h"
#include "pacte-report-format.h"

/* Every function here is the language table's (pacte-language.h), by the
 * language's code. */

const char *
pacte_format_month_name (const char *lang,
                         int         month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");

  return pacte_language_month_name (pacte_language_get (lang), month);
}

char *
pacte_format_number (const char *lang,
                     double      value,
                     int         max_decimals)
{
  return pacte_language_format_number (pacte_language_get (lang), value, max_decimals);
}

char *
pacte_format_amount (const char *lang,
                     double      value,
                     const char *currency)
{
  return pacte_language_format_amount (pacte_language_get (lang), value, currency);
}

char *
pacte_format_percent (const char *lang,
                      double      percent)
{
  return pacte_language_format_percent (pacte_language_get (lang), percent);
}

char *
pacte_format_date (const char *lang,
                   guint32     julian)
{
  if (julian == 0)
    return g_strdup ("—");
  return pacte_language_format_date (pacte_language_get (lang), julian);
}

char *
pacte_format_quarter (const char *lang,
                      const char *quarter)
{
  int year, q;

  if (quarter == NULL)
    return g_strdup ("—");
  if (!pacte_quarter_parse (quarter, &year, &q))
    return g_strdup (quarter);
  return pacte_language_format_quarter (pacte_language_get (lang), year, q);
}
