/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-language.h: the languages Pacte speaks, and how each writes.
 *
 * One table: English (the source language, built in) and every language of
 * po/LINGUAS.  For each: its messages (read from its compiled catalogue,
 * never through the process environment, so any thread may ask), its plural
 * rule (the catalogue's Plural-Forms), month and day names, the day-of-month
 * ordinal ("1er"), number, amount, percent, date and quarter formats.  All
 * of these are messages of the catalogue with a context ("month name",
 * "decimal separator", "quarter", …): a new language brings them in its .po.
 *
 *   fr: 1 234 567,89 €   85 %   1er mars 2027   15/11/2026   T1 2027
 *   en: €1,234,567.89    85%    1 March 2027    15/11/2026   Q1 2027
 *                                               11/15/2026 (en_US)
 *
 * The window's own interface keeps ordinary gettext (_()); this table serves
 * everything that speaks a chosen language: the report, --check, rule texts.
 * Languages live as long as the process; after pacte_language_ensure() every
 * function here is safe from any thread. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PacteLanguage PacteLanguage;

#define PACTE_LANGUAGE_MAX 8  /* languages the table holds at most */

#define PACTE_LANGUAGE_ERROR (pacte_language_error_quark ())
GQuark pacte_language_error_quark (void);
typedef enum {
  PACTE_LANGUAGE_ERROR_UNKNOWN,       /* not a language of the table */
  PACTE_LANGUAGE_ERROR_NO_CATALOGUE,  /* its .mo is missing or damaged */
  PACTE_LANGUAGE_ERROR_INVALID_DATE,  /* a date that cannot be read */
} PacteLanguageError;

/* How a numeric date is written: 15/11/2026 or 11/15/2026. */
typedef enum {
  PACTE_DATE_ORDER_DMY,
  PACTE_DATE_ORDER_MDY,
} PacteDateOrder;

/* The folder of the compiled catalogues: $PACTE_LOCALEDIR when set (tests),
 * the build tree's po/ when this program runs from its build tree, else the
 * installed one. */
const char          *pacte_language_locale_dir     (void);
/* The build tree's folder when this program runs from it (its executable
 * lies there), else NULL: it then finds its catalogues and compiled schema
 * in the build tree without any environment variable. */
const char          *pacte_uninstalled_build_root  (void);

/* The table: index 0 is English. */
guint                pacte_language_count          (void);
const PacteLanguage *pacte_language_nth            (guint                index);
/* A language from a code or locale name ("fr", "FR", "fr_CA.UTF-8",
 * "en@pseudo"); NULL when the table has no such language. */
const PacteLanguage *pacte_language_find           (const char          *name);
/* The same, English when name is NULL or unknown. */
const PacteLanguage *pacte_language_get            (const char          *name);
/* The user's interface language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) when
 * the table has it, else English. */
const PacteLanguage *pacte_language_user           (void);
/* Reads the language's catalogue (once).  FALSE with a message naming the
 * missing or damaged file: a caller that must not mix languages (a report,
 * --check) stops there.  Lookups in a language whose catalogue cannot be
 * read give the English text. */
gboolean             pacte_language_ensure         (const PacteLanguage *self,
                                                    GError             **error);

const char          *pacte_language_code           (const PacteLanguage *self);
guint                pacte_language_index          (const PacteLanguage *self);

/* Messages in this language (msgid itself when untranslated). */
const char          *pacte_language_gettext        (const PacteLanguage *self,
                                                    const char          *msgid) G_GNUC_FORMAT (2);
const char          *pacte_language_pgettext       (const PacteLanguage *self,
                                                    const char          *context,
                                                    const char          *msgid) G_GNUC_FORMAT (3);
const char          *pacte_language_ngettext       (const PacteLanguage *self,
                                                    const char          *msgid,
                                                    const char          *msgid_plural,
                                                    gulong               n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);
/* The language's plural rule for a number that need not be whole: TRUE
 * when n takes the singular ("1 day", "1,5 jour"). */
gboolean             pacte_language_is_singular    (const PacteLanguage *self,
                                                    double               n);

/* Names: month 1..12, day 1 (Monday) .. 7. */
const char          *pacte_language_month_name     (const PacteLanguage *self,
                                                    int                  month);
const char          *pacte_language_month_abbrev   (const PacteLanguage *self,
                                                    int                  month);
const char          *pacte_language_day_name       (const PacteLanguage *self,
                                                    int                  weekday);

/* Numbers, newly allocated.  A number keeps at most max_decimals decimals,
 * trailing zeros dropped ("1 500", "0,8"); NaN is "—".  An amount has two
 * decimals and the currency (ISO 4217 code; a symbol for the common ones);
 * a percentage is rounded to a whole number. */
char                *pacte_language_format_number  (const PacteLanguage *self,
                                                    double               value,
                                                    int                  max_decimals);
char                *pacte_language_format_amount  (const PacteLanguage *self,
                                                    double               value,
                                                    const char          *currency);
char                *pacte_language_format_percent (const PacteLanguage *self,
                                                    double               percent);
const char          *pacte_language_decimal_separator (const PacteLanguage *self);

/* Dates (Julian days, GDate's).  The long form reads "1er mars 2027" /
 * "1 March 2027"; the numeric form follows order ("15/11/2026"); the quarter
 * "T4 2026" / "Q4 2026".  "—" for an invalid date. */
char                *pacte_language_format_date    (const PacteLanguage *self,
                                                    guint32              julian);
char                *pacte_language_format_date_numeric (const PacteLanguage *self,
                                                    PacteDateOrder       order,
                                                    guint32              julian);
char                *pacte_language_format_quarter (const PacteLanguage *self,
                                                    int                  year,
                                                    int                  quarter);

/* A date as people write it in this language: ISO "2026-11-15"; numeric in
 * the given order with "/", "." or "-" ("15/11/2026", "15.11.2026"); with a
 * month name, full or abbreviated, in this language or in English
 * ("15 nov. 2026", "1er novembre 2026", "Nov 15, 2026", "15 November 2026").
 * FALSE with a message in this language saying why ("February 2027 has 28
 * days", "expected a date such as 15/11/2026"). */
gboolean             pacte_language_parse_date     (const PacteLanguage *self,
                                                    PacteDateOrder       order,
                                                    const char          *text,
                                                    guint32             *julian,
                                                    GError             **error);
/* A quarter as written in this language or as in the file: "T4 2026",
 * "Q4 2026", "2026-Q4", "4T 2026".  FALSE when it is not one. */
gboolean             pacte_language_parse_quarter  (const PacteLanguage *self,
                                                    const char          *text,
                                                    int                 *year,
                                                    int                 *quarter);

/* The numeric date order of a locale name: month first for the United
 * States ("en_US.UTF-8"), day first elsewhere and when name is NULL. */
PacteDateOrder       pacte_date_order_for_locale   (const char          *locale_name);
/* The user's: from LC_ALL, LC_TIME or LANG (read once). */
PacteDateOrder       pacte_date_order_user         (void);

/* In the window: dates and quarters in the user's language and date order.
 * display: "15/11/2026" (NULL for 0), "T4 2026" from the file's "2026-Q4"
 * (other text as it is); read: what the user typed, as the file keeps it
 * (NULL when it is not a quarter). */
char                *pacte_date_display            (guint32              julian);
gboolean             pacte_date_read               (const char          *text,
                                                    guint32             *julian,
                                                    GError             **error);
char                *pacte_quarter_display         (const char          *iso);
char                *pacte_quarter_read            (const char          *text);

G_END_DECLS
