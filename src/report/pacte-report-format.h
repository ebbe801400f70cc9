/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-format.h: numbers, amounts, percentages and dates written the
 * way a reader of the report's language expects, whatever the C locale is
 * (the machine may only have C.UTF-8).
 *
 *   fr: 1 234 567,89 €   12,5   85 %   26 novembre 2026   1er mars 2027   T1 2027
 *   en: €1,234,567.89    12.5   85%    26 November 2026   1 March 2027    Q1 2027
 *
 * French groups digits with a narrow no-break space (U+202F) and puts a
 * no-break space (U+00A0) before "€" and "%".  Every function returns a newly
 * allocated string; lang is "en" or "fr" (anything else is taken as "en"). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PACTE_NNBSP "\u202f"  /* narrow no-break space: French digit groups */
#define PACTE_NBSP  "\u00a0"  /* no-break space: before € and % in French */

/* A number with at most max_decimals decimals, trailing zeros dropped:
 * 1500 -> "1 500" / "1,500"; 0.8 -> "0,8" / "0.8".  NaN gives "—". */
char       *pacte_format_number     (const char *lang,
                                     double      value,
                                     int         max_decimals);
/* An amount with exactly two decimals and the currency (ISO 4217 code):
 * symbol for EUR, USD, GBP in English (EUR and GBP in French), else the code. */
char       *pacte_format_amount     (const char *lang,
                                     double      value,
                                     const char *currency);
/* A percentage rounded to a whole number: "85 %" / "85%". */
char       *pacte_format_percent    (const char *lang,
                                     double      percent);
/* A Julian day as "26 novembre 2026" / "26 November 2026"; "—" for 0. */
char       *pacte_format_date       (const char *lang,
                                     guint32     julian);
/* "2027-Q1" as "T1 2027" / "Q1 2027"; other text is returned as it is. */
char       *pacte_format_quarter    (const char *lang,
                                     const char *quarter);
/* The month's name (1..12) in lang, "novembre" / "November". */
const char *pacte_format_month_name (const char *lang,
                                     int         month);

G_END_DECLS
