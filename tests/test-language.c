/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-language.c: the language table: catalogues read without gettext's
 * environment, plural rules, names and formats, dates as people type them. */
#include "config.h"

#include <string.h>

#include "pacte-catalog.h"
#include "pacte-language.h"

#define NBSP  "\u00a0"
#define NNBSP "\u202f"

static const PacteLanguage *
french (void)
{
  const PacteLanguage *fr = pacte_language_find ("fr");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (fr);
  g_assert_true (pacte_language_ensure (fr, &error));
  g_assert_no_error (error);
  return fr;
}

static guint32
julian (int day,
        int month,
        int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static void
test_table (void)
{
  g_assert_cmpuint (pacte_language_count (), >=, 2);
  g_assert_cmpstr (pacte_language_code (pacte_language_nth (0)), ==, "en");
  g_assert_true (pacte_language_find ("fr_FR.UTF-8") == pacte_language_find ("fr"));
  g_assert_true (pacte_language_find ("FR") == pacte_language_find ("fr"));
  g_assert_true (pacte_language_find ("fr-CA") == pacte_language_find ("fr"));
  g_assert_true (pacte_language_find ("en_US.UTF-8@euro") == pacte_language_nth (0));
  g_assert_null (pacte_language_find ("de"));
  g_assert_null (pacte_language_find (""));
  g_assert_true (pacte_language_get ("de") == pacte_language_nth (0));
}

static void
test_plural_expressions (void)
{
  static const struct { const char *expression; gulong n, expected; } cases[] = {
    { "n != 1", 1, 0 }, { "n != 1", 0, 1 }, { "n != 1", 2, 1 },
    { "(n > 1)", 0, 0 }, { "(n > 1)", 1, 0 }, { "(n > 1)", 2, 1 },
    /* Polish */
    { "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)", 1, 0 },
    { "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)", 22, 1 },
    { "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)", 12, 2 },
    { "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)", 5, 2 },
    /* Russian */
    { "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)", 21, 0 },
    { "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)", 11, 2 },
    { "0", 7, 0 },
    { "!(n == 1)", 1, 0 },
    { "n/0 + n%0", 5, 0 },  /* no crash on a division by zero */
  };
  static const char * const broken[] = { "", "n >", "(n > 1", "n ? 1", "x", "n > 1)", "1 2" };
  gulong result;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (pacte_plural_eval (cases[i].expression, cases[i].n, &result));
      g_assert_cmpuint (result, ==, cases[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    g_assert_false (pacte_plural_eval (broken[i], 1, &result));
}

static void
test_catalog_damaged (void)
{
  g_autofree char *path = g_build_filename (pacte_language_locale_dir (), "fr", "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *data = NULL;
  gsize size;
  g_autoptr(GError) error = NULL;
  g_autoptr(PacteCatalog) whole = NULL;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  whole = pacte_catalog_new_from_bytes (g_bytes_new_static (data, size), "fr.mo", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pacte_catalog_lookup (whole, "Score:"), ==, "Score" NBSP ":");
  g_assert_null (pacte_catalog_lookup (whole, "no such message"));

  /* Every truncation is refused with the file named, never read past. */
  for (gsize cut = 0; cut < size; cut += size / 97 + 1)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, cut);
      g_autoptr(PacteCatalog) catalog = pacte_catalog_new_from_bytes (bytes, "cut.mo", &error);

      if (catalog == NULL)
        {
          g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
          g_assert_nonnull (strstr (error->message, "cut.mo"));
          g_clear_error (&error);
        }
    }
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("not a catalogue at all", 22);
    g_autoptr(PacteCatalog) catalog = pacte_catalog_new_from_bytes (bytes, "text.mo", &error);

    g_assert_null (catalog);
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  }
}

static void
test_messages (void)
{
  const PacteLanguage *fr = french ();
  const PacteLanguage *en = pacte_language_nth (0);

  g_assert_cmpstr (pacte_language_gettext (fr, "Score:"), ==, "Score" NBSP ":");
  g_assert_cmpstr (pacte_language_gettext (en, "Score:"), ==, "Score:");
  g_assert_cmpstr (pacte_language_pgettext (fr, "month name", "May"), ==, "mai");
  /* French plural: 0 and 1 singular; English: only 1. */
  g_assert_true (pacte_language_is_singular (fr, 0));
  g_assert_true (pacte_language_is_singular (fr, 1));
  g_assert_true (pacte_language_is_singular (fr, 1.5));
  g_assert_false (pacte_language_is_singular (fr, 2));
  g_assert_false (pacte_language_is_singular (en, 0));
  g_assert_true (pacte_language_is_singular (en, 1));
  g_assert_false (pacte_language_is_singular (en, 1.5));
  g_assert_cmpstr (pacte_language_ngettext (fr, "every %d day", "every %d days", 1), ==, "tous les jours");
  g_assert_cmpstr (pacte_language_ngettext (fr, "every %d day", "every %d days", 0), ==, "tous les jours");
  g_assert_cmpstr (pacte_language_ngettext (fr, "every %d day", "every %d days", 2), ==, "tous les %d jours");
  g_assert_cmpstr (pacte_language_ngettext (en, "every %d day", "every %d days", 0), ==, "every %d days");
  g_assert_cmpstr (pacte_language_ngettext (en, "every %d day", "every %d days", 1), ==, "every %d day");
}

static void
test_formats (void)
{
  const PacteLanguage *fr = french ();
  const PacteLanguage *en = pacte_language_nth (0);
  static const struct { const char *lang; int kind; double value; const char *expected; } cases[] = {
    { "fr", 0, 1234.5, "1" NNBSP "234,5" },
    { "en", 0, 1234.5, "1,234.5" },
    { "fr", 1, -4800000, "-4" NNBSP "800" NNBSP "000,00" NBSP "€" },
    { "en", 1, -4800000, "-€4,800,000.00" },
    { "fr", 2, 85, "85" NBSP "%" },
    { "en", 2, 85, "85%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const PacteLanguage *lang = pacte_language_get (cases[i].lang);
      g_autofree char *text = cases[i].kind == 0 ? pacte_language_format_number (lang, cases[i].value, 2)
                              : cases[i].kind == 1 ? pacte_language_format_amount (lang, cases[i].value, "EUR")
                              : pacte_language_format_percent (lang, cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  {
    g_autofree char *fr_first = pacte_language_format_date (fr, julian (1, 3, 2027));
    g_autofree char *en_first = pacte_language_format_date (en, julian (1, 3, 2027));
    g_autofree char *fr_day = pacte_language_format_date (fr, julian (26, 11, 2026));
    g_autofree char *fr_q = pacte_language_format_quarter (fr, 2026, 4);
    g_autofree char *en_q = pacte_language_format_quarter (en, 2026, 4);
    g_autofree char *dmy = pacte_language_format_date_numeric (fr, PACTE_DATE_ORDER_DMY, julian (5, 11, 2026));
    g_autofree char *mdy = pacte_language_format_date_numeric (en, PACTE_DATE_ORDER_MDY, julian (5, 11, 2026));

    g_assert_cmpstr (fr_first, ==, "1er mars 2027");
    g_assert_cmpstr (en_first, ==, "1 March 2027");
    g_assert_cmpstr (fr_day, ==, "26 novembre 2026");
    g_assert_cmpstr (fr_q, ==, "T4 2026");
    g_assert_cmpstr (en_q, ==, "Q4 2026");
    g_assert_cmpstr (dmy, ==, "05/11/2026");
    g_assert_cmpstr (mdy, ==, "11/05/2026");
  }
  g_assert_cmpstr (pacte_language_month_name (fr, 8), ==, "août");
  g_assert_cmpstr (pacte_language_month_abbrev (fr, 2), ==, "févr.");
  g_assert_cmpstr (pacte_language_day_name (fr, 1), ==, "lundi");
  g_assert_cmpstr (pacte_language_day_name (en, 7), ==, "Sunday");
}

static void
test_date_order (void)
{
  g_assert_cmpint (pacte_date_order_for_locale ("en_US.UTF-8"), ==, PACTE_DATE_ORDER_MDY);
  g_assert_cmpint (pacte_date_order_for_locale ("en_US"), ==, PACTE_DATE_ORDER_MDY);
  g_assert_cmpint (pacte_date_order_for_locale ("en_GB.UTF-8"), ==, PACTE_DATE_ORDER_DMY);
  g_assert_cmpint (pacte_date_order_for_locale ("fr_FR.UTF-8"), ==, PACTE_DATE_ORDER_DMY);
  g_assert_cmpint (pacte_date_order_for_locale ("C.UTF-8"), ==, PACTE_DATE_ORDER_DMY);
  g_assert_cmpint (pacte_date_order_for_locale (NULL), ==, PACTE_DATE_ORDER_DMY);
}

static void
test_parse_dates (void)
{
  static const struct { const char *lang; PacteDateOrder order; const char *text; int d, m, y; } cases[] = {
    { "fr", PACTE_DATE_ORDER_DMY, "15/11/2026", 15, 11, 2026 },
    { "fr", PACTE_DATE_ORDER_DMY, "15.11.2026", 15, 11, 2026 },
    { "fr", PACTE_DATE_ORDER_DMY, "15-11-2026", 15, 11, 2026 },
    { "fr", PACTE_DATE_ORDER_DMY, "5/1/2027", 5, 1, 2027 },
    { "fr", PACTE_DATE_ORDER_DMY, "15 nov. 2026", 15, 11, 2026 },
    { "fr", PACTE_DATE_ORDER_DMY, "15 novembre 2026", 15, 11, 2026 },
    { "fr", PACTE_DATE_ORDER_DMY, "1er novembre 2026", 1, 11, 2026 },
    { "fr", PACTE_DATE_ORDER_DMY, "3 Février 2027", 3, 2, 2027 },
    { "fr", PACTE_DATE_ORDER_DMY, "3 fevr 2027", 3, 2, 2027 },
    { "fr", PACTE_DATE_ORDER_DMY, "10 sept. 2026", 10, 9, 2026 },
    { "fr", PACTE_DATE_ORDER_DMY, "10 août 2026", 10, 8, 2026 },
    { "fr", PACTE_DATE_ORDER_DMY, "2026-11-15", 15, 11, 2026 },
    { "fr", PACTE_DATE_ORDER_DMY, "  15 / 11 / 2026 ", 15, 11, 2026 },
    { "en", PACTE_DATE_ORDER_DMY, "15/11/2026", 15, 11, 2026 },   /* en_GB */
    { "en", PACTE_DATE_ORDER_MDY, "11/15/2026", 15, 11, 2026 },   /* en_US */
    { "en", PACTE_DATE_ORDER_MDY, "Nov 15, 2026", 15, 11, 2026 },
    { "en", PACTE_DATE_ORDER_DMY, "Nov 15, 2026", 15, 11, 2026 },
    { "en", PACTE_DATE_ORDER_DMY, "15 November 2026", 15, 11, 2026 },
    { "en", PACTE_DATE_ORDER_DMY, "November 1st, 2026", 1, 11, 2026 },
    { "en", PACTE_DATE_ORDER_DMY, "sept 3 2026", 3, 9, 2026 },
    { "en", PACTE_DATE_ORDER_MDY, "2026-11-15", 15, 11, 2026 },
    { "fr", PACTE_DATE_ORDER_DMY, "29/02/2028", 29, 2, 2028 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint32 day = 0;

      if (!pacte_language_parse_date (pacte_language_get (cases[i].lang), cases[i].order,
                                      cases[i].text, &day, &error))
        g_error ("“%s” (%s) not read: %s", cases[i].text, cases[i].lang, error->message);
      g_assert_cmpuint (day, ==, julian (cases[i].d, cases[i].m, cases[i].y));
    }
}

static void
test_impossible_dates (void)
{
  static const struct { const char *lang; PacteDateOrder order; const char *text; const char *message; } cases[] = {
    { "en", PACTE_DATE_ORDER_DMY, "29/02/2027", "February 2027 has 28 days" },
    { "fr", PACTE_DATE_ORDER_DMY, "29/02/2027", "février 2027 n’a que 28 jours" },
    { "en", PACTE_DATE_ORDER_MDY, "02/29/2027", "February 2027 has 28 days" },
    { "en", PACTE_DATE_ORDER_DMY, "31 April 2027", "April 2027 has 30 days" },
    { "fr", PACTE_DATE_ORDER_DMY, "31 avril 2027", "avril 2027 n’a que 30 jours" },
    { "en", PACTE_DATE_ORDER_DMY, "0/11/2026", "November 2026 has 30 days" },
    { "en", PACTE_DATE_ORDER_DMY, "15/13/2026", "There is no month 13: months go from 1 to 12" },
    { "fr", PACTE_DATE_ORDER_DMY, "15/13/2026", "Il n’y a pas de mois 13" NBSP ": les mois vont de 1 à 12" },
    { "en", PACTE_DATE_ORDER_MDY, "15/11/2026", "There is no month 15: months go from 1 to 12" },
    { "fr", PACTE_DATE_ORDER_DMY, "15 brumaire 2026", "«" NBSP "brumaire" NBSP "» n’est pas un mois" },
    { "en", PACTE_DATE_ORDER_DMY, "15 Brumaire 2026", "“Brumaire” is not a month" },
    { "fr", PACTE_DATE_ORDER_DMY, "15 jui 2026", "«" NBSP "jui" NBSP "» peut désigner plusieurs mois" NBSP ": écrivez davantage de son nom" },
    { "en", PACTE_DATE_ORDER_DMY, "15/11/26", "Write the year with four digits, such as 2026" },
    { "en", PACTE_DATE_ORDER_DMY, "tomorrow", "“tomorrow” is not a month" },
    { "en", PACTE_DATE_ORDER_DMY, "15/11", "Not a date: write it as 15/11/2026 or 2026-11-15" },
    { "en", PACTE_DATE_ORDER_MDY, "1 2 3 4", "Not a date: write it as 11/15/2026 or 2026-11-15" },
    { "fr", PACTE_DATE_ORDER_DMY, "15/11/2026!", "Ce n’est pas une date" NBSP ": écrivez-la comme 15/11/2026 ou 2026-11-15" },
    { "en", PACTE_DATE_ORDER_DMY, "123456/1/2026", "Not a date: write it as 15/11/2026 or 2026-11-15" },
    { "en", PACTE_DATE_ORDER_DMY, "", "Not a date: write it as 15/11/2026 or 2026-11-15" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint32 day = 0;

      g_test_message ("%s: %s", cases[i].lang, cases[i].text);
      g_assert_false (pacte_language_parse_date (pacte_language_get (cases[i].lang), cases[i].order,
                                                 cases[i].text, &day, &error));
      g_assert_error (error, PACTE_LANGUAGE_ERROR, PACTE_LANGUAGE_ERROR_INVALID_DATE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpuint (day, ==, 0);
    }
}

static void
test_parse_quarters (void)
{
  static const struct { const char *lang; const char *text; int year, quarter; } cases[] = {
    { "fr", "T4 2026", 2026, 4 }, { "fr", "t1 2027", 2027, 1 }, { "fr", "2026-Q4", 2026, 4 },
    { "fr", "Q2 2027", 2027, 2 }, { "en", "Q4 2026", 2026, 4 }, { "en", "2026-Q4", 2026, 4 },
    { "en", "2026 Q3", 2026, 3 }, { "fr", "4T 2026", 2026, 4 }, { "fr", "2026", 0, 0 },
    { "fr", "T5 2026", 0, 0 }, { "en", "T4 2026", 0, 0 }, { "en", "Q4 26", 0, 0 },
    { "en", "Q4 2026 2027", 0, 0 }, { "en", "", 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int year = 0, quarter = 0;
      gboolean ok = pacte_language_parse_quarter (pacte_language_get (cases[i].lang), cases[i].text,
                                                  &year, &quarter);

      g_test_message ("%s: %s", cases[i].lang, cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].year != 0);
      if (ok)
        {
          g_assert_cmpint (year, ==, cases[i].year);
          g_assert_cmpint (quarter, ==, cases[i].quarter);
        }
    }
}

/* Lookups in a chosen language from several threads at once, while the
 * process environment changes: nothing here reads it. */
static gpointer
lookup_thread (gpointer data)
{
  const PacteLanguage *fr = data;

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *date = pacte_language_format_date (fr, julian (1 + i % 28, 1 + i % 12, 2026));

      if (strcmp (pacte_language_gettext (fr, "Score:"), "Score" NBSP ":") != 0 || date[0] == '\0')
        return GINT_TO_POINTER (1);
    }
  return NULL;
}

static void
test_threads (void)
{
  const PacteLanguage *fr = french ();
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("lookup", lookup_thread, (gpointer) fr);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_null (g_thread_join (threads[i]));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/language/table", test_table);
  g_test_add_func ("/language/plural-expressions", test_plural_expressions);
  g_test_add_func ("/language/catalog-damaged", test_catalog_damaged);
  g_test_add_func ("/language/messages", test_messages);
  g_test_add_func ("/language/formats", test_formats);
  g_test_add_func ("/language/date-order", test_date_order);
  g_test_add_func ("/language/parse-dates", test_parse_dates);
  g_test_add_func ("/language/impossible-dates", test_impossible_dates);
  g_test_add_func ("/language/parse-quarters", test_parse_quarters);
  g_test_add_func ("/language/threads", test_threads);

  return g_test_run ();
}
