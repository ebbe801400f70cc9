/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-csv.c: pacte --import-partners and --export-csv, run as a user
 * runs them: the mapping printed, the counts in words (English and French),
 * --dry-run writing nothing, --map, malformed files refused with the row and
 * column and the portfolio untouched, text from the file escaped on the
 * terminal, and an export imported back changing nothing. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "pacte-test-utils.h"

static const char crm_csv[] =
  "\"Account ID\",\"Account Name\",\"Type\",\"Industry\",\"Website\",\"Billing Country\",\"Description\"\r\n"
  "\"p-sgi\",\"Société Générale d'Informatique\",\"Reseller\",\"Administration centrale\",\"\",\"France\",\"Key account, public sector\"\r\n"
  "\"0015g00000XyZ1\",\"Northwind \x1B[31mTraders\",\"Partner\",\"Retail\",\"\",\"United Kingdom\",\"Met at the fair,\r\nfollow up\"\r\n";

typedef struct
{
  char *dir;
  char *portfolio;
  char *csv;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autoptr(GBytes) bytes = pacte_test_read_file (sample);

  f->dir = g_dir_make_tmp ("pacte-cli-csv-XXXXXX", NULL);
  f->portfolio = g_build_filename (f->dir, "alliances.pacte.json", NULL);
  f->csv = g_build_filename (f->dir, "accounts.csv", NULL);
  g_assert_true (g_file_set_contents (f->portfolio, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  g_assert_true (g_file_set_contents (f->csv, crm_csv, -1, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  pacte_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->portfolio);
  g_free (f->csv);
}

static char *
contents (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
assert_has (const char *haystack,
            const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not in:\n%s", needle, haystack);
}

static void
test_dry_run (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  g_auto(PacteTestRun) run = { 0 };
  g_autofree char *before = contents (f->portfolio);
  g_autofree char *after = NULL;
  g_autofree char *backup = g_strconcat (f->portfolio, "~", NULL);

  pacte_test_run (&run, "--import-partners", f->csv, f->portfolio, "--dry-run", "--lang", "en", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_has (run.out, "Columns, as guessed from their headers (change with --map COLUMN=field,…):\n"
                       "  1 “Account ID” → id (Identifier)\n"
                       "  2 “Account Name” → name (Name)\n"
                       "  3 “Type” → ignored\n"
                       "  4 “Industry” → sectors (Sectors)\n");
  assert_has (run.out, "Row 2: update “Société Générale d'Informatique”\n"
                       "    Sectors: Administration centrale; Collectivités territoriales; Santé publique → Administration centrale\n");
  /* The escape sequence and the line break from the file are shown, not run. */
  assert_has (run.out, "Row 3: add “Northwind \\x1B[31mTraders”\n");
  assert_has (run.out, "    Notes: Met at the fair,\\r\\nfollow up\n");
  g_assert_null (strchr (run.out, '\x1B'));
  assert_has (run.out, "1 partner would be added, 1 would be updated, 0 unchanged.\n"
                       "Nothing was written (--dry-run).\n");
  after = contents (f->portfolio);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
test_import (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_auto(PacteTestRun) run = { 0 };
  g_autofree char *backup = g_strconcat (f->portfolio, "~", NULL);
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *original = contents (sample);
  g_autofree char *saved = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  PacteRecord *added;

  pacte_test_run (&run, "--lang", "en", "--import-partners", f->csv, f->portfolio, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, "\n1 partner added, 1 updated, 0 unchanged.\n"));
  g_assert_cmpstr (run.err, ==, "");
  /* The previous version is kept beside it. */
  saved = contents (backup);
  g_assert_cmpstr (saved, ==, original);

  portfolio = pacte_test_load_path (f->portfolio, pacte_rule_set_get_default ());
  added = PACTE_RECORD (pacte_portfolio_find_partner (portfolio, "0015g00000XyZ1"));
  g_assert_nonnull (added);
  g_assert_cmpstr (pacte_record_get_string (added, PACTE_PARTNER_NAME), ==, "Northwind \x1B[31mTraders");
  g_assert_cmpstr (pacte_record_get_strv (PACTE_RECORD (pacte_portfolio_find_partner (portfolio, "p-sgi")),
                                          PACTE_PARTNER_SECTORS)[0], ==, "Administration centrale");

  /* Again: everything is there already, and the file is not rewritten. */
  g_clear_pointer (&saved, g_free);
  saved = contents (f->portfolio);
  pacte_test_run (&run, "--import-partners", f->csv, f->portfolio, "--lang", "fr", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_has (run.out, "Colonnes, devinées d’après leurs en-têtes");
  g_assert_true (g_str_has_suffix (run.out, "\n0 partenaire ajouté, 0 mis à jour, 2 inchangés.\n"));
  {
    g_autofree char *again = contents (f->portfolio);

    g_assert_cmpstr (again, ==, saved);
  }
}

static void
test_map (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_auto(PacteTestRun) run = { 0 };
  g_autofree char *before = contents (f->portfolio);
  g_autofree char *after = NULL;

  /* Type holds Salesforce's account types, not segments: refused, at its row and column. */
  pacte_test_run (&run, "--import-partners", f->csv, f->portfolio, "--lang", "en", "--map", "Type=segment", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_has (run.out, "Columns, with --map:\n");
  assert_has (run.out, "  3 “Type” → segment (Segment)\n");
  assert_has (run.err, "accounts.csv: row 2 (line 2), column 3 (“Type”): Segment cannot be “Reseller”");
  assert_has (run.err, "nothing was imported\n");

  pacte_test_run (&run, "--import-partners", f->csv, f->portfolio, "--map", "Fax=notes", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_has (run.err, "pacte: --map: the file has no column “Fax”; its columns are “Account ID”, “Account Name”");

  pacte_test_run (&run, "--import-partners", f->csv, f->portfolio, "--map", "Website=notes,Description=ignore",
                  "--dry-run", "--lang", "en", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_has (run.out, "  5 “Website” → notes (Notes)\n");
  assert_has (run.out, "  7 “Description” → ignored\n");
  after = contents (f->portfolio);
  g_assert_cmpstr (before, ==, after);
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_auto(PacteTestRun) run = { 0 };
  g_autofree char *before = contents (f->portfolio);
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (f->csv, "Nom;Secteur\nAlpha;Vente\nB\xE9ta;Vente\n", -1, NULL));
  pacte_test_run (&run, "--import-partners", f->csv, f->portfolio, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_has (run.err, "accounts.csv: row 3 (line 3), column 1 (“Nom”): the text is not UTF-8 (byte 0xE9 after “B”)");
  g_assert_cmpstr (run.out, ==, "");

  g_assert_true (g_file_set_contents (f->csv, "Name,Industry\n\"Alpha\" Ltd,Retail\n", -1, NULL));
  pacte_test_run (&run, "--import-partners", f->csv, f->portfolio, NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_has (run.err, "row 2 (line 2), column 1 (“Name”): a quote that is not where CSV allows it");

  g_assert_true (g_file_set_contents (f->csv, "Name,Industry\nAlpha,Retail,\n", -1, NULL));
  pacte_test_run (&run, "--lang", "fr", "--import-partners", f->csv, f->portfolio, NULL);
  g_assert_cmpint (run.status, ==, 2);
  after = contents (f->portfolio);
  g_assert_cmpstr (before, ==, after);
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data G_GNUC_UNUSED)
{
  g_auto(PacteTestRun) run = { 0 };
  g_autofree char *out = g_build_filename (f->dir, "partners.csv", NULL);
  g_autofree char *before = contents (f->portfolio);
  g_autofree char *after = NULL;
  g_autofree char *csv = NULL;

  pacte_test_run (&run, "--export-csv", "partners", f->portfolio, "-o", out, "--excel-fr", NULL);
  g_assert_cmpint (run.status, ==, 0);
  csv = contents (out);
  /* The sample's language is French. */
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFIdentifiant;Nom;Segment;"));

  pacte_test_run (&run, "--import-partners", out, f->portfolio, "--lang", "en", NULL);
  g_assert_cmpint (run.status, ==, 0);
  assert_has (run.out, "  8 “Achats du partenaire chez nous” → cross_business.partner_buys_from_us (Partner buys from us)\n");
  g_assert_true (g_str_has_suffix (run.out, "\n0 partners added, 0 updated, 12 unchanged.\n"));
  after = contents (f->portfolio);
  g_assert_cmpstr (before, ==, after);
}

static void
test_export_plans (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_auto(PacteTestRun) run = { 0 };
  g_autofree char *out = g_build_filename (f->dir, "plans.csv", NULL);
  g_autofree char *csv = NULL;

  pacte_test_run (&run, "--export-csv", "plans", f->portfolio, "-o", out, "--lang", "en", "--date", "2026-06-01", NULL);
  g_assert_cmpint (run.status, ==, 0);
  csv = contents (out);
  g_assert_true (g_str_has_prefix (csv, "Identifier,Name,Phase,Alliance manager,Score,R01,R02,"));
  assert_has (csv, ",R16\r\nplan-");
  g_clear_pointer (&csv, g_free);

  pacte_test_run (&run, "--export-csv", "actions", f->portfolio, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  csv = contents (out);
  g_assert_true (g_str_has_prefix (csv, "Identifiant du plan,Nom du plan,Identifiant,Titre,"));

  pacte_test_run (&run, "--export-csv", "plans", f->portfolio, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_has (run.err, "--export-csv needs -o OUT (usage: pacte --export-csv partners|plans|actions FILE -o OUT [--excel-fr]");
  pacte_test_run (&run, "--export-csv", "contacts", f->portfolio, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_has (run.err, "unknown export “contacts”: expected partners, plans or actions");
  /* The portfolio itself is never the output. */
  pacte_test_run (&run, "--export-csv", "plans", f->portfolio, "-o", f->portfolio, NULL);
  g_assert_cmpint (run.status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-csv/dry-run", Fixture, NULL, fixture_set_up, test_dry_run, fixture_tear_down);
  g_test_add ("/cli-csv/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/cli-csv/map", Fixture, NULL, fixture_set_up, test_map, fixture_tear_down);
  g_test_add ("/cli-csv/malformed", Fixture, NULL, fixture_set_up, test_malformed, fixture_tear_down);
  g_test_add ("/cli-csv/export-round-trip", Fixture, NULL, fixture_set_up, test_export_round_trip, fixture_tear_down);
  g_test_add ("/cli-csv/export-plans", Fixture, NULL, fixture_set_up, test_export_plans, fixture_tear_down);
  return g_test_run ();
}
