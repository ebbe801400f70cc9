/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-check.c: pacte --check as a script sees it — output, JSON shape,
 * exit statuses (docs/cli.md). */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "pacte-rules.h"
#include "pacte-test-utils.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_json (void)
{
  g_auto(PacteTestRun) run = { 0 };
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "fixtures", "sample-expected-2027-03-15.json", NULL);
  g_autofree char *expected_text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) expected = NULL;
  JsonObject *object;
  JsonArray *plans;

  pacte_test_run (&run, "--check", sample, "--date", "2027-03-15", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_utf8_validate (run.out, -1, NULL));

  root = parse (run.out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  g_assert_cmpuint (json_object_get_size (object), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, sample);
  g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "2027-03-15");
  plans = json_object_get_array_member (object, "plans");
  g_assert_cmpuint (json_array_get_length (plans), ==, 7);

  g_assert_true (g_file_get_contents (expected_path, &expected_text, NULL, NULL));
  expected = parse (expected_text);

  for (guint i = 0; i < json_array_get_length (plans); i++)
    {
      JsonObject *plan = json_array_get_object_element (plans, i);
      JsonArray *rules = json_object_get_array_member (plan, "rules");
      const char *id = json_object_get_string_member (plan, "id");
      JsonObject *want = json_object_get_object_member (json_node_get_object (expected), id);
      JsonNode *score = json_object_get_member (plan, "score");

      g_assert_nonnull (want);
      g_assert_nonnull (json_object_get_string_member (plan, "name"));
      g_assert_true (json_node_get_value_type (score) == G_TYPE_INT64);
      g_assert_cmpint (json_node_get_int (score), >=, 0);
      g_assert_cmpint (json_node_get_int (score), <=, 100);
      g_assert_cmpuint (json_array_get_length (rules), ==, 16);
      for (guint r = 0; r < 16; r++)
        {
          JsonObject *rule = json_array_get_object_element (rules, r);
          g_autofree char *rule_id = g_strdup_printf ("R%02u", r + 1);

          g_assert_cmpuint (json_object_get_size (rule), ==, 3);
          g_assert_cmpstr (json_object_get_string_member (rule, "id"), ==, rule_id);
          g_assert_cmpstr (json_object_get_string_member (rule, "status"), ==,
                           json_object_get_string_member (want, rule_id));
          g_assert_cmpstr (json_object_get_string_member (rule, "explanation"), !=, "");
        }
    }
}

static void
test_text_french (void)
{
  g_auto(PacteTestRun) run = { 0 };
  g_autofree char *sample = pacte_test_sample_path ();

  pacte_test_run (&run, "--check", sample, "--date", "2027-03-15", "--lang", "fr",
             "--plan", "plan-brightwater-connector", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "(plan-brightwater-connector)"));
  g_assert_nonnull (strstr (run.out, "Travailler à un niveau stratégique"));
  g_assert_nonnull (strstr (run.out, "Des événements clients communs"));
  g_assert_nonnull (strstr (run.out, "remonte à 38 jours"));
  /* One plan only: one header, sixteen rule lines. */
  g_assert_null (strstr (run.out, "plan-sgi-secteur-public"));
  {
    g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);
    guint rule_lines = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_prefix (lines[i], "  R"))
        rule_lines++;
    g_assert_cmpuint (rule_lines, ==, 16);
  }
}

static void
test_text_english (void)
{
  g_auto(PacteTestRun) run = { 0 };
  g_autofree char *sample = pacte_test_sample_path ();

  pacte_test_run (&run, "--check", sample, "--date", "2027-03-15", "--lang", "en", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Work at a strategic level"));
  g_assert_nonnull (strstr (run.out, "Score: 63/100"));
  g_assert_nonnull (strstr (run.out, "Red"));
}

static void
test_broken_file (void)
{
  g_auto(PacteTestRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-cli-check-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "broken.pacte.json", NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "{ \"format\": \"pacte-portfolio\", \"version\": 1,\n  \"plans\": [ }", -1, NULL));
  pacte_test_run (&run, "--check", path, "--json", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "broken.pacte.json"));

  pacte_test_run_clear (&run);
  pacte_test_run (&run, "--check", "/nonexistent/nothing.pacte.json", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "nothing.pacte.json"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_exit_statuses (void)
{
  g_autofree char *sample = pacte_test_sample_path ();

  {
    g_auto(PacteTestRun) run = { 0 };

    pacte_test_run (&run, "--check", sample, "--date", "2027-03-15", "--fail-on", "red", NULL);
    g_assert_cmpint (run.status, ==, 3);
  }
  {
    /* plan-sgi-secteur-public: one amber, no red. */
    g_auto(PacteTestRun) run = { 0 };

    pacte_test_run (&run, "--check", sample, "--date", "2027-03-15", "--plan", "plan-sgi-secteur-public",
               "--fail-on", "red", "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(PacteTestRun) run = { 0 };

    pacte_test_run (&run, "--check", sample, "--date", "2027-03-15", "--plan", "plan-sgi-secteur-public",
               "--fail-on", "amber", NULL);
    g_assert_cmpint (run.status, ==, 3);
    g_assert_nonnull (strstr (run.out, "plan-sgi-secteur-public"));
  }
  {
    g_auto(PacteTestRun) run = { 0 };

    pacte_test_run (&run, "--check", sample, "--date", "2027-02-30", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "2027-02-30"));
  }
  {
    g_auto(PacteTestRun) run = { 0 };

    pacte_test_run (&run, "--check", sample, "--plan", "plan-nope", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "plan-nope"));
  }
  {
    g_auto(PacteTestRun) run = { 0 };

    pacte_test_run (&run, "--check", sample, "--fail-on", "green", NULL);
    g_assert_cmpint (run.status, ==, 1);
  }
}

static void
test_all_off_null_score (void)
{
  g_auto(PacteTestRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-cli-check-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "off.pacte.json", NULL);
  g_autoptr(GString) text = g_string_new ("{ \"format\": \"pacte-portfolio\", \"version\": 1, \"rule_settings\": {");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *plan;

  for (guint i = 1; i <= 16; i++)
    g_string_append_printf (text, "%s\"R%02u\": { \"disabled\": true, \"reason\": \"Not used here\" }", i > 1 ? "," : "", i);
  g_string_append (text, "}, \"plans\": [ { \"id\": \"plan-1\", \"name\": \"Quiet\" } ] }");
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));

  pacte_test_run (&run, "--check", path, "--json", "--fail-on", "amber", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse (run.out);
  plan = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "plans"), 0);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (plan, "score")));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (plan, "rules"), 0),
                                                  "explanation"), ==, "Not used here");
  g_unlink (path);
  g_rmdir (dir);
}

/* A period that ends before it starts loads (the file is the user's), and
 * --check says so as a data warning, in text and in JSON. */
static void
test_inverted_period_warns (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-cli-check-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "inverted.pacte.json", NULL);
  const char *text = "{ \"format\": \"pacte-portfolio\", \"version\": 1, \"plans\": [ "
                     "{ \"id\": \"plan-1\", \"name\": \"Backwards\", "
                     "\"period\": { \"start\": \"2027-06-01\", \"end\": \"2027-01-31\" } }, "
                     "{ \"id\": \"plan-2\", \"name\": \"Forwards\", "
                     "\"period\": { \"start\": \"2027-01-01\", \"end\": \"2027-12-31\" } } ] }";
  g_autoptr(JsonNode) root = NULL;
  JsonArray *plans;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  {
    g_auto(PacteTestRun) run = { 0 };

    pacte_test_run (&run, "--check", path, "--date", "2027-03-15", "--lang", "en", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Warning: the period ends on 2027-01-31, before it starts on 2027-06-01."));
    /* Only the plan that has it. */
    g_assert_null (strstr (strstr (run.out, "Forwards"), "Warning"));
  }
  {
    g_auto(PacteTestRun) run = { 0 };

    pacte_test_run (&run, "--check", path, "--date", "2027-03-15", "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    root = parse (run.out);
    plans = json_object_get_array_member (json_node_get_object (root), "plans");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (plans, 0), "warnings")), ==, 1);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (plans, 1), "warnings")), ==, 0);
  }
  g_unlink (path);
  g_rmdir (dir);
}

/* What a script runs into: an option of --check given without --check, a
 * portfolio with no plan yet, and results that cannot be written (a full
 * disk) must not look like a clean run. */
static void
test_script_edges (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-cli-check-XXXXXX", &error);
  g_autofree char *empty = g_build_filename (dir, "empty.pacte.json", NULL);

  g_assert_no_error (error);
  {
    g_auto(PacteTestRun) run = { 0 };

    pacte_test_run (&run, "--json", sample, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "--check"));
  }
  g_assert_true (g_file_set_contents (empty, "{ \"format\": \"pacte-portfolio\", \"version\": 1 }\n", -1, NULL));
  {
    g_auto(PacteTestRun) run = { 0 };

    pacte_test_run (&run, "--check", empty, "--lang", "en", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "No plan in this portfolio.\n");
  }
  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      const char *argv[] = { "sh", "-c", "exec \"$0\" --check \"$1\" --json >/dev/full", g_getenv ("PACTE_BIN"), sample, NULL };
      g_autofree char *err = NULL;
      int wait_status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, &err,
                                   &wait_status, &error));
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (wait_status));
      g_assert_cmpint (WEXITSTATUS (wait_status), ==, 2);
      g_assert_nonnull (strstr (err, "standard output"));
    }
  pacte_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-check/inverted-period-warns", test_inverted_period_warns);
  g_test_add_func ("/cli-check/json", test_json);
  g_test_add_func ("/cli-check/text-french", test_text_french);
  g_test_add_func ("/cli-check/text-english", test_text_english);
  g_test_add_func ("/cli-check/broken-file", test_broken_file);
  g_test_add_func ("/cli-check/exit-statuses", test_exit_statuses);
  g_test_add_func ("/cli-check/all-off-null-score", test_all_off_null_score);
  g_test_add_func ("/cli-check/script-edges", test_script_edges);
  return g_test_run ();
}
