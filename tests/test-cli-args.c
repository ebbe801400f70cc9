/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-args.c: the command line's parser as a user meets it — modes and
 * options in any order, files before or after the options, and a message
 * that says what to do for a misplaced, missing or unknown argument. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "pacte-test-utils.h"

static void
assert_json_check (const char *text,
                   const char *plan_id)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *plans;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  plans = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "plans");
  g_assert_cmpuint (json_array_get_length (plans), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (plans, 0), "id"), ==, plan_id);
}

/* The issue's own example: "--check --json FILE" used to fail with
 * "unexpected argument FILE".  Every order gives the same JSON. */
static void
test_any_order (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *first = NULL;
  const char *plan = "plan-sgi-secteur-public";
  const char *orders[][8] = {
    { "--check", "--json", sample, "--plan", plan, "--date", "2027-03-15", NULL },
    { "--check", sample, "--json", "--plan", plan, "--date", "2027-03-15", NULL },
    { sample, "--check", "--date", "2027-03-15", "--json", "--plan", plan, NULL },
    { "--json", "--plan", plan, "--date=2027-03-15", sample, "--check", NULL },
    { "--date", "2027-03-15", "--plan", plan, "--check=", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autofree char *check_eq = g_strconcat ("--check=", sample, NULL);
      const char *argv[9] = { 0 };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      for (guint j = 0; orders[i][j] != NULL; j++)
        argv[j] = g_str_equal (orders[i][j], "--check=") ? check_eq : orders[i][j];
      if (i == 4)
        argv[5] = "--json";
      g_assert_cmpint (pacte_test_run_pacte (argv, &out, &err), ==, 0);
      g_assert_cmpstr (err, ==, "");
      assert_json_check (out, plan);
      if (first == NULL)
        first = g_strdup (out);
      else
        g_assert_cmpstr (out, ==, first);
    }
}

/* The file after the options, or before, or after "--" for a name that
 * begins with a dash. */
static void
test_files_anywhere (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-cli-args-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *dash = g_build_filename (dir, "-odd.pacte.json", NULL);
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_no_error (error);
  {
    g_auto(PacteTestRun) run = { 0 };

    pacte_test_run (&run, "--lang", "en", sample, "--plan", "plan-sgi-secteur-public", "--report", pdf,
               "--paper", "letter", NULL);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
    g_assert_true (len > 4 && memcmp (contents, "%PDF", 4) == 0);
  }
  {
    g_auto(PacteTestRun) run = { 0 };

    pacte_test_run (&run, "-o", dash, "--normalize", sample, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (dash, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(PacteTestRun) run = { 0 };
    g_autofree char *cwd = g_get_current_dir ();

    /* "-odd.pacte.json" relative to the folder: only after "--" is it a file. */
    g_assert_cmpint (g_chdir (dir), ==, 0);
    pacte_test_run (&run, "--check", "--lang", "en", "--", "-odd.pacte.json", NULL);
    g_assert_cmpint (g_chdir (cwd), ==, 0);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Score:"));
  }
  pacte_test_remove_tree (dir);
}

typedef struct {
  const char *args[7];
  const char *expected[3];   /* substrings of the one-line message */
} Misuse;

/* Each wrong command line: status 1, nothing on standard output, one line
 * on standard error that names the culprit and says what would be right. */
static void
test_messages (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  const Misuse cases[] = {
    { { "--json", "SAMPLE" }, { "--json goes with --check" } },
    { { "--chek", "SAMPLE" }, { "“--chek”", "did you mean “--check”" } },
    { { "--check", "SAMPLE", "--fial-on", "red" }, { "“--fial-on”", "--fail-on" } },
    { { "--frobnicate" }, { "unknown option “--frobnicate”", "pacte --help" } },
    { { "-z", "SAMPLE" }, { "unknown option “-z”" } },
    { { "--check" }, { "--check needs FILE", "usage: pacte --check FILE" } },
    { { "--check", "SAMPLE", "SAMPLE" }, { "unexpected argument", "usage: pacte --check FILE" } },
    { { "--check", "SAMPLE", "--paper", "a4" }, { "--paper does not go with --check", "--report" } },
    { { "--normalize", "SAMPLE", "--json" }, { "--json does not go with --normalize", "--check" } },
    { { "--check", "--report", "x.pdf", "SAMPLE" }, { "--check and --report cannot go together" } },
    { { "--report", "--json", "SAMPLE" }, { "--report needs OUT.pdf", "“--json”" } },
    { { "--check", "SAMPLE", "--date" }, { "--date needs YYYY-MM-DD" } },
    { { "--check", "SAMPLE", "--date", "--json" }, { "--date needs YYYY-MM-DD", "“--json”" } },
    { { "--check", "SAMPLE", "--json=yes" }, { "--json takes no value" } },
    { { "--check", "SAMPLE", "--lang", "de" }, { "“de”", "en or fr" } },
    { { "--check", "SAMPLE", "--plan", "a", "--plan", "b" }, { "--plan is given twice" } },
    { { "-o", "x.json" }, { "-o goes with --normalize" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[8] = { 0 };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      for (guint j = 0; cases[i].args[j] != NULL; j++)
        argv[j] = g_str_equal (cases[i].args[j], "SAMPLE") ? sample : cases[i].args[j];
      g_test_message ("case %u: %s", i, cases[i].expected[0]);
      g_assert_cmpint (pacte_test_run_pacte (argv, &out, &err), ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "pacte: "));
      g_assert_nonnull (strchr (err, '\n'));
      g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
      for (guint k = 0; k < G_N_ELEMENTS (cases[i].expected) && cases[i].expected[k] != NULL; k++)
        if (strstr (err, cases[i].expected[k]) == NULL)
          g_error ("case %u: “%s” not in the message: %s", i, cases[i].expected[k], err);
    }
}

/* --help lists every command with its options, translated. */
static void
test_help (void)
{
  {
    g_auto(PacteTestRun) run = { 0 };

    pacte_test_run (&run, "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "pacte --check FILE [--date YYYY-MM-DD]"));
    g_assert_nonnull (strstr (run.out, "pacte --report OUT.pdf FILE"));
    g_assert_nonnull (strstr (run.out, "pacte --normalize FILE [-o OUT]"));
    g_assert_nonnull (strstr (run.out, "-o, --output OUT"));
    /* A required option is shown without brackets, an optional one with. */
    g_assert_nonnull (strstr (run.out, "pacte --export-csv partners|plans|actions FILE -o OUT [--excel-fr]"));
    g_assert_nonnull (strstr (run.out, "pacte --merge BASE OURS THEIRS [-o OUT]\n"));
    g_assert_nonnull (strstr (run.out, "4 --check: the file holds merge conflicts"));
    g_assert_nonnull (strstr (run.out, "any order"));
  }
  {
    g_auto(PacteTestRun) run = { 0 };

    pacte_test_run (&run, "--version", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "pacte "));
  }
}

/* The messages are translated like the rest of the command line. */
static void
test_french (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  const char *argv[] = { g_getenv ("PACTE_BIN"), "--chek", sample, NULL };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LANGUAGE", "fr", TRUE);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL) == FALSE);
  g_assert_cmpstr (err, ==, "pacte: option inconnue «\u00a0--chek\u00a0»\u00a0: vouliez-vous dire «\u00a0--check\u00a0»\u00a0? (voir pacte --help)\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-args/any-order", test_any_order);
  g_test_add_func ("/cli-args/files-anywhere", test_files_anywhere);
  g_test_add_func ("/cli-args/messages", test_messages);
  g_test_add_func ("/cli-args/help", test_help);
  g_test_add_func ("/cli-args/french", test_french);
  return g_test_run ();
}
