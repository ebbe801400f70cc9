/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report.c: the review report.  Formatting of numbers, amounts and dates
 * per language; pacte --report on the sample in both languages, read back
 * with pdftotext; long content continues on further pages without losing a
 * word; the page count of a generated portfolio is the one the layout
 * predicts; failures leave no PDF behind. */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "pacte-i18n.h"
#include "pacte-report.h"
#include "pacte-report-format.h"
#include "pacte-test-utils.h"

#define REVIEW_DATE "2027-03-15"

/* ---- Helpers --------------------------------------------------------------- */

static const char *
source_root (void)
{
  const char *root = g_getenv ("PACTE_SOURCE_ROOT");

  g_assert_nonnull (root);
  return root;
}

/* Runs argv; returns the exit status, standard error in *err if asked. */
static int
run (const char * const *argv,
     char              **out,
     char              **err)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

static int
run_report (const char *out_pdf,
            const char *file,
            const char *lang,
            const char *plan,
            const char *paper,
            char      **err)
{
  const char *argv[16];
  guint n = 0;

  argv[n++] = "--report";
  argv[n++] = out_pdf;
  argv[n++] = file;
  argv[n++] = "--date";
  argv[n++] = REVIEW_DATE;
  if (lang != NULL)
    {
      argv[n++] = "--lang";
      argv[n++] = lang;
    }
  if (plan != NULL)
    {
      argv[n++] = "--plan";
      argv[n++] = plan;
    }
  if (paper != NULL)
    {
      argv[n++] = "--paper";
      argv[n++] = paper;
    }
  argv[n] = NULL;
  return pacte_test_run_pacte (argv, NULL, err);
}

/* Every run of white space (no-break spaces included: pdftotext writes them
 * as plain spaces) becomes one space. */
static char *
squeeze_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

static guint
pdf_pages (const char *pdf,
           char      **size)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint pages = 0;

  g_assert_cmpint (run (argv, &out, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        pages = (guint) g_ascii_strtoull (g_strstrip (lines[i] + 6), NULL, 10);
      else if (size != NULL && g_str_has_prefix (lines[i], "Page size:"))
        *size = g_strdup (g_strstrip (lines[i] + 10));
    }
  g_assert_cmpuint (pages, >, 0);
  return pages;
}

/* A printf format in lang (the attribute lets the compiler check the call). */
static const char *tr (const char *lang, const char *msgid) G_GNUC_FORMAT (2);
static const char *
tr (const char *lang,
    const char *msgid)
{
  return pacte_gettext_lang (lang, msgid);
}

static gboolean
french_catalogue_has_report (void)
{
  return !g_str_equal (pacte_gettext_lang ("fr", "Objectives"), "Objectives");
}

#define assert_contains(haystack, needle) \
  G_STMT_START { \
    g_autofree char *n_ = squeeze_spaces (needle); \
    if (strstr ((haystack), n_) == NULL) \
      g_error ("the report does not contain “%s”", n_); \
  } G_STMT_END

/* ---- Formatting ------------------------------------------------------------- */

static void
check_string (char       *got,
              const char *expected)
{
  g_assert_cmpstr (got, ==, expected);
  g_free (got);
}

static void
test_format_english (void)
{
  check_string (pacte_format_amount ("en", 1234567.891, "EUR"), "€1,234,567.89");
  check_string (pacte_format_amount ("en", 1234, "USD"), "$1,234.00");
  check_string (pacte_format_amount ("en", 0.5, "GBP"), "£0.50");
  check_string (pacte_format_amount ("en", 1234, "CHF"), "CHF" PACTE_NBSP "1,234.00");
  check_string (pacte_format_amount ("en", -2500.5, "EUR"), "-€2,500.50");
  check_string (pacte_format_amount ("en", 0.005, "EUR"), "€0.01");
  check_string (pacte_format_amount ("en", 999999.999, "EUR"), "€1,000,000.00");
  check_string (pacte_format_number ("en", 1500, 2), "1,500");
  check_string (pacte_format_number ("en", 0.8, 2), "0.8");
  check_string (pacte_format_number ("en", 12.345, 2), "12.35");
  check_string (pacte_format_number ("en", 999, 0), "999");
  check_string (pacte_format_percent ("en", 84.6), "85%");
  check_string (pacte_format_date ("en", pacte_date_parse ("2026-11-26")), "26 November 2026");
  check_string (pacte_format_date ("en", pacte_date_parse ("2027-03-01")), "1 March 2027");
  check_string (pacte_format_date ("en", 0), "—");
  check_string (pacte_format_quarter ("en", "2027-Q1"), "Q1 2027");
  check_string (pacte_format_quarter ("en", "soon"), "soon");
}

static void
test_format_french (void)
{
  /* Digits grouped with narrow no-break spaces, a no-break space before € and %. */
  check_string (pacte_format_amount ("fr", 1234567.891, "EUR"),
                "1" PACTE_NNBSP "234" PACTE_NNBSP "567,89" PACTE_NBSP "€");
  check_string (pacte_format_amount ("fr", 1234, "USD"), "1" PACTE_NNBSP "234,00" PACTE_NBSP "USD");
  check_string (pacte_format_amount ("fr", -12, "EUR"), "-12,00" PACTE_NBSP "€");
  check_string (pacte_format_number ("fr", 1500, 2), "1" PACTE_NNBSP "500");
  check_string (pacte_format_number ("fr", 0.8, 2), "0,8");
  check_string (pacte_format_number ("fr", 100, 2), "100");
  check_string (pacte_format_percent ("fr", 85), "85" PACTE_NBSP "%");
  check_string (pacte_format_number ("fr", 1e6, 0), "1" PACTE_NNBSP "000" PACTE_NNBSP "000");

  if (!french_catalogue_has_report ())
    {
      g_test_skip ("French month names need po/parts/report.po merged into po/fr.po");
      return;
    }
  check_string (pacte_format_date ("fr", pacte_date_parse ("2026-11-26")), "26 novembre 2026");
  check_string (pacte_format_date ("fr", pacte_date_parse ("2027-03-15")), "15 mars 2027");
  check_string (pacte_format_date ("fr", pacte_date_parse ("2027-08-01")), "1er août 2027");
  check_string (pacte_format_quarter ("fr", "2027-Q3"), "T3 2027");
}

/* ---- The sample, in each language -------------------------------------------- */

static void
check_sample_report (const char *lang)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *dir = pacte_test_make_tmp_dir ("report");
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *page_one = NULL;
  g_autofree char *last_page = NULL;
  g_autofree char *date = NULL;
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_path (sample, pacte_rule_set_get_default ());
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  GListModel *plans = pacte_portfolio_get_plans (portfolio);
  static const char * const headings[] = {
    "Portfolio review", "Plans at a glance", "Health summary", "Trend since the last review",
    "Objectives", "Revenue: target and forecast", "Governance", "Decisions waiting for an answer",
    "Action plan", "Rules switched off", "Fix first", "Health scores across the portfolio",
    "Rules across the portfolio", "Fix first across the portfolio", "Agenda",
  };
  guint pages;
  gboolean found_amount = FALSE;

  g_assert_cmpint (run_report (pdf, sample, lang, NULL, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  pages = pdf_pages (pdf, NULL);
  raw = pacte_test_pdf_text (pdf);
  text = squeeze_spaces (raw);

  /* Every plan's name, every rule's title in that language. */
  g_assert_cmpuint (g_list_model_get_n_items (plans), >, 1);
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(PacteRecord) plan = g_list_model_get_item (plans, i);

      assert_contains (text, pacte_record_get_string (plan, PACTE_PLAN_NAME));
    }
  g_assert_cmpuint (pacte_rule_set_get_n_rules (rules), ==, 16);
  for (guint i = 0; i < 16; i++)
    assert_contains (text, pacte_rule_set_get_title (rules, i, lang));

  /* Headings and page numbers in the report's language. */
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    assert_contains (text, pacte_gettext_lang (lang, headings[i]));
  page_one = g_strdup_printf (tr (lang, "Page %u of %u"), 1, pages);
  last_page = g_strdup_printf (tr (lang, "Page %u of %u"), pages, pages);
  assert_contains (text, page_one);
  assert_contains (text, last_page);

  /* The review date and an amount, formatted for the language. */
  date = pacte_format_date (lang, pacte_date_parse (REVIEW_DATE));
  assert_contains (text, date);
  for (guint i = 0; i < g_list_model_get_n_items (plans) && !found_amount; i++)
    {
      g_autoptr(PacteRecord) plan = g_list_model_get_item (plans, i);
      double target = pacte_record_get_number (plan, PACTE_PLAN_REVENUE_TARGET);

      if (target > 1000)
        {
          g_autofree char *amount = pacte_format_amount (lang, target, pacte_portfolio_get_currency (portfolio));

          assert_contains (text, amount);
          found_amount = TRUE;
        }
    }
  g_assert_true (found_amount);

  if (g_str_equal (lang, "en"))
    {
      assert_contains (text, "15 March 2027");
      assert_contains (text, "Page 1 of");
      assert_contains (text, "Objectives");
      g_assert_true (g_regex_match_simple ("€[0-9]{1,3}(,[0-9]{3})+\\.[0-9]{2}", text, 0, 0));
    }
  else if (french_catalogue_has_report ())
    {
      assert_contains (text, "15 mars 2027");
      assert_contains (text, "Page 1 sur");
      assert_contains (text, "Objectifs");
      assert_contains (text, "À corriger d’abord");
      g_assert_true (g_regex_match_simple ("[0-9]{1,3}( [0-9]{3})+,[0-9]{2} €", text, 0, 0));
      g_assert_null (strstr (text, "Page 1 of"));
    }
  else
    {
      g_assert_true (g_regex_match_simple ("[0-9]{1,3}( [0-9]{3})+,[0-9]{2} €", text, 0, 0));
      g_test_skip ("French headings need po/parts/report.po merged into po/fr.po");
    }

  pacte_test_remove_tree (dir);
}

static void
test_sample_english (void)
{
  check_sample_report ("en");
}

static void
test_sample_french (void)
{
  check_sample_report ("fr");
}

/* One plan is shorter than the whole portfolio; Letter paper is Letter. */
static void
test_pages_grow_with_content (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *dir = pacte_test_make_tmp_dir ("report");
  g_autofree char *one = g_build_filename (dir, "one.pdf", NULL);
  g_autofree char *all = g_build_filename (dir, "all.pdf", NULL);
  g_autofree char *letter = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *long_pdf = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *long_plan = g_test_build_filename (G_TEST_DIST, "fixtures", "long-plan.pacte.json", NULL);
  g_autofree char *size_a4 = NULL;
  g_autofree char *size_letter = NULL;
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_path (sample, pacte_rule_set_get_default ());
  g_autoptr(PacteRecord) first = g_list_model_get_item (pacte_portfolio_get_plans (portfolio), 0);
  const char *first_id = pacte_record_get_string (first, PACTE_PLAN_ID);
  guint pages_one, pages_all, pages_long;

  g_assert_cmpint (run_report (one, sample, "en", first_id, NULL, NULL), ==, 0);
  g_assert_cmpint (run_report (all, sample, "en", NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (run_report (letter, sample, "en", first_id, "letter", NULL), ==, 0);
  g_assert_cmpint (run_report (long_pdf, long_plan, "en", NULL, NULL, NULL), ==, 0);
  pages_one = pdf_pages (one, &size_a4);
  pages_all = pdf_pages (all, NULL);
  pages_long = pdf_pages (long_pdf, NULL);
  pdf_pages (letter, &size_letter);

  g_assert_cmpuint (pages_one, >=, 2);
  g_assert_cmpuint (pages_all, >, pages_one);
  g_assert_cmpuint (pages_long, >, pages_one * 2);
  g_assert_true (g_str_has_prefix (size_a4, "595.28 x 841.89"));
  g_assert_true (g_str_has_prefix (size_letter, "612 x 792"));
  pacte_test_remove_tree (dir);
}

/* 60 actions with very long names: every title is in the text, whole. */
static void
test_long_plan_nothing_cut (void)
{
  g_autofree char *long_plan = g_test_build_filename (G_TEST_DIST, "fixtures", "long-plan.pacte.json", NULL);
  g_autofree char *dir = pacte_test_make_tmp_dir ("report");
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_path (long_plan, pacte_rule_set_get_default ());
  g_autoptr(PacteRecord) plan = g_list_model_get_item (pacte_portfolio_get_plans (portfolio), 0);
  GListModel *actions = pacte_record_get_list (plan, PACTE_PLAN_ACTIONS);
  const char *papers[] = { "a4", "letter" };

  g_assert_cmpuint (g_list_model_get_n_items (actions), >=, 60);
  for (guint k = 0; k < G_N_ELEMENTS (papers); k++)
    {
      g_autofree char *pdf = g_build_filename (dir, "long.pdf", NULL);
      g_autofree char *raw = NULL;
      g_autofree char *flat = NULL;
      g_autofree char *name = NULL;

      g_assert_cmpint (run_report (pdf, long_plan, k == 0 ? "fr" : "en", NULL, papers[k], NULL), ==, 0);
      raw = pacte_test_pdf_text (pdf);
      flat = pacte_test_strip_spaces (raw);
      for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
        {
          g_autoptr(PacteRecord) action = g_list_model_get_item (actions, i);
          g_autofree char *title = pacte_test_strip_spaces (pacte_record_get_string (action, PACTE_ACTION_TITLE));

          g_assert_cmpuint (strlen (title), >, 80);
          if (strstr (flat, title) == NULL)
            g_error ("action %u's title is missing or cut in the %s report: %s", i, papers[k],
                     pacte_record_get_string (action, PACTE_ACTION_TITLE));
        }
      name = pacte_test_strip_spaces (pacte_record_get_string (plan, PACTE_PLAN_NAME));
      g_assert_nonnull (strstr (flat, name));
    }
  pacte_test_remove_tree (dir);
}

/* A generated portfolio: the layout's page count is the PDF's. */
static void
test_generated_portfolio_pages (void)
{
  g_autofree char *dir = pacte_test_make_tmp_dir ("report");
  g_autofree char *json = g_build_filename (dir, "gen.pacte.json", NULL);
  g_autofree char *pdf = g_build_filename (dir, "gen.pdf", NULL);
  g_autofree char *api_pdf = g_build_filename (dir, "api.pdf", NULL);
  g_autofree char *script = g_build_filename (source_root (), "tests", "bench", "gen-portfolio.py", NULL);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autoptr(PacteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *gen[] = { "python3", script, "--plans", "50", "--partners", "150", "--seed", "11", "-o", json, NULL };
  guint predicted;

  g_assert_cmpint (run (gen, NULL, NULL), ==, 0);
  portfolio = pacte_test_load_path (json, pacte_rule_set_get_default ());
  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_plans (portfolio)), ==, 50);

  report = pacte_report_new (portfolio, pacte_rule_set_get_default (), NULL, pacte_date_parse (REVIEW_DATE), "en");
  pacte_report_set_page_size (report, PACTE_REPORT_A4_WIDTH, PACTE_REPORT_A4_HEIGHT);
  predicted = pacte_report_paginate (report, NULL);
  /* A summary page, then at least two pages per plan, each plan on its own pages. */
  g_assert_cmpuint (predicted, >, 100);
  g_assert_cmpuint (pacte_report_paginate (report, NULL), ==, predicted);

  g_assert_true (pacte_report_write_pdf (report, api_pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (api_pdf, NULL), ==, predicted);

  g_assert_cmpint (run_report (pdf, json, "en", NULL, NULL, NULL), ==, 0);
  g_assert_cmpuint (pdf_pages (pdf, NULL), ==, predicted);
  raw = pacte_test_pdf_text (pdf);
  text = squeeze_spaces (raw);
  last = g_strdup_printf ("Page %u of %u", predicted, predicted);
  assert_contains (text, last);

  /* Letter pages are shorter: more of them, still as predicted. */
  pacte_report_set_page_size (report, PACTE_REPORT_LETTER_WIDTH, PACTE_REPORT_LETTER_HEIGHT);
  g_assert_cmpuint (pacte_report_paginate (report, NULL), >=, predicted);
  pacte_test_remove_tree (dir);
}

/* ---- Failures ----------------------------------------------------------------- */

static void
test_command_line_failures (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *dir = pacte_test_make_tmp_dir ("report");
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.pacte.json", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing-folder", "report.pdf", NULL);
  g_autofree char *err = NULL;

  /* An unknown plan: exit 1, the message names it, nothing written. */
  g_assert_cmpint (run_report (pdf, sample, "en", "no-such-plan", NULL, &err), ==, 1);
  g_assert_nonnull (strstr (err, "no-such-plan"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  /* A file that cannot be used: exit 2, a message naming it. */
  g_assert_true (g_file_set_contents (bad, "{ \"format\": \"pacte-portfolio\", ", -1, NULL));
  g_assert_cmpint (run_report (pdf, bad, "en", NULL, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "bad.pacte.json"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  /* A PDF that cannot be written: exit 2, and no stray file. */
  g_assert_cmpint (run_report (nowhere, sample, "en", NULL, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "report.pdf"));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  pacte_test_remove_tree (dir);
}

static void
test_write_failure_keeps_old_file (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *dir = pacte_test_make_tmp_dir ("report");
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_path (sample, pacte_rule_set_get_default ());
  g_autoptr(PacteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;
  guint n_files = 0;

  report = pacte_report_new (portfolio, NULL, NULL, pacte_date_parse (REVIEW_DATE), "en");
  g_assert_cmpstr (pacte_report_get_language (report), ==, "en");

  /* A target that is a folder: the error says so, nothing else is left. */
  g_assert_cmpint (g_mkdir (pdf, 0700), ==, 0);
  g_assert_false (pacte_report_write_pdf (report, pdf, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "report.pdf"));
  d = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (d) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
  g_rmdir (pdf);

  /* Written for real, then over an existing file. */
  g_assert_true (g_file_set_contents (pdf, "old", -1, NULL));
  g_clear_error (&error);
  g_assert_true (pacte_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  pacte_test_remove_tree (dir);
}

/* The status words of the health table fit their column: none is broken
 * inside ("Désacti" / "vée" on A4, the narrower paper), and the cover names
 * the language of this report. */
static void
test_status_words_unbroken (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *dir = pacte_test_make_tmp_dir ("report");
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  static const char * const langs[] = { "en", "fr" };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autofree char *err = NULL;
      g_autofree char *raw = NULL;
      g_auto(GStrv) lines = NULL;
      gboolean found_off = FALSE;
      const char *off_word = pacte_status_display_name (PACTE_STATUS_OFF, langs[l]);

      if (g_str_equal (langs[l], "fr") && !french_catalogue_has_report ())
        continue;
      /* The Kühne plan has a rule switched off. */
      g_assert_cmpint (run_report (pdf, sample, langs[l], "plan-kuhne-managed", "a4", &err), ==, 0);
      raw = pacte_test_pdf_text (pdf);
      lines = g_strsplit (raw, "\n", -1);
      /* pdftotext -raw writes the row's cells on one line: "Off 15 Joint …". */
      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], off_word)
            && lines[i][strlen (off_word)] == ' '
            && g_ascii_isdigit (lines[i][strlen (off_word) + 1]))
          found_off = TRUE;
      if (!found_off)
        g_error ("the status “%s” is broken in the health table:\n%s", off_word, raw);
      assert_contains (raw, tr (langs[l], "Language of this report"));
    }
  pacte_test_remove_tree (dir);
}

/* A report dated before a recorded review compares with the review before
 * it: the SGI plan has reviews on 8 December 2026 and 9 February 2027. */
static void
test_trend_review_before_date (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *dir = pacte_test_make_tmp_dir ("report");
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { "--report", pdf, sample, "--date", "2027-01-15", "--lang", "en",
                         "--plan", "plan-sgi-secteur-public", NULL };

  g_assert_cmpint (pacte_test_run_pacte (argv, NULL, &err), ==, 0);
  raw = pacte_test_pdf_text (pdf);
  text = squeeze_spaces (raw);
  assert_contains (text, "Last recorded review: 8 December 2026, by Claire Marchetti.");
  g_assert_null (strstr (text, "9 February 2027"));

  /* At the usual date, the later review is the last one. */
  g_clear_pointer (&raw, g_free);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_report (pdf, sample, "en", "plan-sgi-secteur-public", NULL, &err), ==, 0);
  raw = pacte_test_pdf_text (pdf);
  text = squeeze_spaces (raw);
  assert_contains (text, "Last recorded review: 9 February 2027, by Jean-Baptiste Lécuyer.");
  pacte_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  pacte_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/format/english", test_format_english);
  g_test_add_func ("/report/format/french", test_format_french);
  g_test_add_func ("/report/sample/english", test_sample_english);
  g_test_add_func ("/report/sample/french", test_sample_french);
  g_test_add_func ("/report/pages/grow-with-content", test_pages_grow_with_content);
  g_test_add_func ("/report/pages/long-plan-nothing-cut", test_long_plan_nothing_cut);
  g_test_add_func ("/report/pages/generated-portfolio", test_generated_portfolio_pages);
  g_test_add_func ("/report/failures/command-line", test_command_line_failures);
  g_test_add_func ("/report/failures/write", test_write_failure_keeps_old_file);
  g_test_add_func ("/report/layout/status-words-unbroken", test_status_words_unbroken);
  g_test_add_func ("/report/trend/review-before-date", test_trend_review_before_date);

  return g_test_run ();
}
