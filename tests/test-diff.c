/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-diff.c: pacte --diff (what changed, in words, then the lights), in
 * English and French, as JSON, and as git's diff driver set up by
 * pacte --git-setup (which must be idempotent). */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "pacte-test-utils.h"

static const char old_text[] =
  "{ \"format\": \"pacte-portfolio\", \"version\": 1,\n"
  "  \"meta\": { \"title\": \"Alliances\" },\n"
  "  \"partners\": [ { \"id\": \"p-1\", \"name\": \"Ashford & Lowe\", \"segment\": \"resale\" },\n"
  "                { \"id\": \"p-9\", \"name\": \"Old Co\" } ],\n"
  "  \"plans\": [\n"
  "    { \"id\": \"plan-1\", \"name\": \"Ashford & Lowe 2027\", \"partners\": [ \"p-1\" ], \"phase\": \"launch\",\n"
  "      \"revenue_target\": 500000,\n"
  "      \"objectives\": [ { \"id\": \"o-1\", \"title\": \"Joint deals\", \"metric\": \"deals\", \"target\": 10, \"due\": \"2027-12-31\" } ],\n"
  "      \"actions\": [ { \"id\": \"a-1\", \"title\": \"Kick-off\", \"due\": \"2027-04-01\", \"status\": \"planned\", \"objective\": \"o-1\" } ] } ] }\n";

static const char new_text[] =
  "{ \"format\": \"pacte-portfolio\", \"version\": 1,\n"
  "  \"meta\": { \"title\": \"Alliances\" },\n"
  "  \"partners\": [ { \"id\": \"p-1\", \"name\": \"Ashford & Lowe\", \"segment\": \"technology\" },\n"
  "                { \"id\": \"p-2\", \"name\": \"Cobalt\" } ],\n"
  "  \"plans\": [\n"
  "    { \"id\": \"plan-1\", \"name\": \"Ashford & Lowe 2027\", \"partners\": [ \"p-1\" ], \"phase\": \"launch\",\n"
  "      \"revenue_target\": 500000,\n"
  "      \"objectives\": [ { \"id\": \"o-1\", \"title\": \"Joint deals\", \"metric\": \"deals\", \"target\": 12, \"due\": \"2027-12-31\" } ],\n"
  "      \"actions\": [ { \"id\": \"a-1\", \"title\": \"Kick-off\", \"due\": \"2027-04-01\", \"status\": \"planned\", \"objective\": \"o-1\" },\n"
  "                   { \"id\": \"a-2\", \"title\": \"Joint pitch to Nordbank\", \"due\": \"2027-04-15\", \"status\": \"planned\", \"objective\": \"o-1\" },\n"
  "                   { \"id\": \"a-3\", \"title\": \"Webinar\", \"due\": \"2027-05-15\", \"status\": \"planned\", \"objective\": \"o-1\" } ] } ] }\n";

static const char expected_en[] =
  "Partner “Ashford & Lowe” (p-1)\n"
  "  Segment: Resale → Technology\n"
  "Partner removed: “Old Co” (p-9)\n"
  "Partner added: “Cobalt” (p-2)\n"
  "Plan “Ashford & Lowe 2027” (plan-1)\n"
  "  Objective “Joint deals”, Target: 10 → 12\n"
  "  Action added: “Joint pitch to Nordbank”\n"
  "  Action added: “Webinar”\n"
  "\n"
  "Lights that changed:\n"
  "  Ashford & Lowe 2027: R12 Amber → Green\n";

static const char expected_fr[] =
  "Partenaire «\u00a0Ashford & Lowe\u00a0» (p-1)\n"
  "  Segment\u00a0: Revente → Technologie\n"
  "Partenaire — suppression\u00a0: «\u00a0Old Co\u00a0» (p-9)\n"
  "Partenaire — ajout\u00a0: «\u00a0Cobalt\u00a0» (p-2)\n"
  "Plan «\u00a0Ashford & Lowe 2027\u00a0» (plan-1)\n"
  "  Objectif «\u00a0Joint deals\u00a0», Cible\u00a0: 10 → 12\n"
  "  Action — ajout\u00a0: «\u00a0Joint pitch to Nordbank\u00a0»\n"
  "  Action — ajout\u00a0: «\u00a0Webinar\u00a0»\n"
  "\n"
  "Voyants qui ont changé\u00a0:\n"
  "  Ashford & Lowe 2027\u00a0: R12 Orange → Vert\n";

typedef struct {
  char *dir;
  char *old_path;
  char *new_path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pacte-diff-XXXXXX", &error);
  g_assert_no_error (error);
  f->old_path = g_build_filename (f->dir, "old.pacte.json", NULL);
  f->new_path = g_build_filename (f->dir, "new.pacte.json", NULL);
  g_assert_true (g_file_set_contents (f->old_path, old_text, -1, NULL));
  g_assert_true (g_file_set_contents (f->new_path, new_text, -1, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  pacte_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->old_path);
  g_free (f->new_path);
}

static void
test_text (Fixture       *f,
           gconstpointer  data G_GNUC_UNUSED)
{
  {
    const char *argv[] = { "--diff", f->old_path, f->new_path, "--lang", "en", "--date", "2027-03-15", NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (pacte_test_run_pacte (argv, &out, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpstr (out, ==, expected_en);
  }
  {
    const char *argv[] = { "--lang", "fr", "--diff", "--date", "2027-03-15", f->old_path, f->new_path, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (pacte_test_run_pacte (argv, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, expected_fr);
  }
  {
    /* The same content in another layout: no change. */
    const char *normalize[] = { "--normalize", f->old_path, "-o", f->new_path, NULL };
    const char *argv[] = { "--diff", f->old_path, f->new_path, "--lang", "en", NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (pacte_test_run_pacte (normalize, NULL, NULL), ==, 0);
    g_assert_cmpint (pacte_test_run_pacte (argv, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, "No change in content (only the layout of the file changed).\n");
  }
}

static void
test_json (Fixture       *f,
           gconstpointer  data G_GNUC_UNUSED)
{
  const char *argv[] = { "--diff", "--json", f->old_path, f->new_path, "--lang", "en", "--date", "2027-03-15", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *changes;
  JsonObject *target;
  JsonObject *light;

  g_assert_cmpint (pacte_test_run_pacte (argv, &out, &err), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  changes = json_object_get_array_member (root, "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 6);
  target = json_array_get_object_element (changes, 3);
  g_assert_cmpstr (json_object_get_string_member (target, "path"), ==, "plans[\"plan-1\"].objectives[\"o-1\"].target");
  g_assert_cmpstr (json_object_get_string_member (target, "change"), ==, "changed");
  g_assert_cmpint (json_object_get_int_member (target, "old"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (target, "new"), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (target, "record"), ==, "Plan “Ashford & Lowe 2027” (plan-1)");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (changes, 1), "change"), ==, "removed");
  light = json_array_get_object_element (json_object_get_array_member (root, "lights"), 0);
  g_assert_cmpstr (json_object_get_string_member (light, "plan"), ==, "plan-1");
  g_assert_cmpstr (json_object_get_string_member (light, "rule"), ==, "R12");
  g_assert_cmpstr (json_object_get_string_member (light, "old"), ==, "amber");
  g_assert_cmpstr (json_object_get_string_member (light, "new"), ==, "green");
}

/* A name with a terminal escape in it is shown, not obeyed. */
static void
test_control_characters (Fixture       *f,
                         gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GString) text = g_string_new (new_text);
  const char *argv[] = { "--diff", f->old_path, f->new_path, "--lang", "en", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpuint (g_string_replace (text, "Cobalt", "\\u001b[2J", 1), ==, 1);
  g_assert_true (g_file_set_contents (f->new_path, text->str, -1, NULL));
  g_assert_cmpint (pacte_test_run_pacte (argv, &out, &err), ==, 0);
  g_assert_null (strchr (out, '\x1b'));
  g_assert_nonnull (strstr (out, "\\x1B[2J"));
}

static void
test_git (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *git_path = g_find_program_in_path ("git");
  g_autofree char *repo = g_build_filename (f->dir, "repo", NULL);
  g_autofree char *sub = g_build_filename (repo, "plans", NULL);
  g_autofree char *file = g_build_filename (sub, "team.pacte.json", NULL);
  g_autofree char *attributes = g_build_filename (repo, ".gitattributes", NULL);
  g_autofree char *first = NULL, *second = NULL, *attributes_text = NULL;

  if (git_path == NULL)
    {
      g_test_skip ("git is not installed");
      return;
    }
  g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
  g_assert_cmpint (pacte_test_git (repo, NULL, "init", "-q", "-b", "main", NULL), ==, 0);
  g_assert_true (g_file_set_contents (attributes, "*.pdf binary", -1, NULL));

  /* From a sub-folder: the attributes go to the top of the repository. */
  {
    const char *argv[] = { "--git-setup", sub, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (pacte_test_run_pacte (argv, &first, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_assert_nonnull (strstr (first, "added “*.pacte.json merge=pacte diff=pacte”"));
    g_assert_nonnull (strstr (first, "set git config merge.pacte.driver"));
    g_assert_nonnull (strstr (first, "set git config diff.pacte.command"));
  }
  {
    const char *argv[] = { "--git-setup", repo, NULL };

    g_assert_cmpint (pacte_test_run_pacte (argv, &second, NULL), ==, 0);
    g_assert_null (strstr (second, "added"));
    g_assert_null (strstr (second, "set git config"));
    g_assert_nonnull (strstr (second, "already has"));
    g_assert_nonnull (strstr (second, "git config merge.pacte.driver is already"));
  }
  g_assert_true (g_file_get_contents (attributes, &attributes_text, NULL, NULL));
  g_assert_cmpstr (attributes_text, ==, "*.pdf binary\n*.pacte.json merge=pacte diff=pacte\n");
  {
    const char *argv[] = { "--git-setup", f->old_path, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (pacte_test_run_pacte (argv, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "is not a folder"));
  }
  {
    const char *argv[] = { "--git-setup", f->dir, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (pacte_test_run_pacte (argv, NULL, &err), ==, 2);
    g_assert_nonnull (strstr (err, "is not in a git repository"));
  }

  /* git diff speaks in words. */
  g_assert_true (g_file_set_contents (file, old_text, -1, NULL));
  g_assert_cmpint (pacte_test_git (repo, NULL, "add", ".", NULL), ==, 0);
  g_assert_cmpint (pacte_test_git (repo, NULL, "commit", "-q", "-m", "old", NULL), ==, 0);
  g_assert_true (g_file_set_contents (file, new_text, -1, NULL));
  {
    g_autofree char *out = NULL;

    g_assert_cmpint (pacte_test_git (repo, &out, "diff", NULL), ==, 0);
    g_assert_true (g_str_has_prefix (out, "plans/team.pacte.json\n"));
    g_assert_nonnull (strstr (out, "  Objective “Joint deals”, Target: 10 → 12\n"));
    g_assert_nonnull (strstr (out, "Partner added: “Cobalt” (p-2)\n"));
  }
  g_assert_cmpint (pacte_test_git (repo, NULL, "commit", "-q", "-am", "new", NULL), ==, 0);
  {
    g_autofree char *out = NULL;

    g_assert_cmpint (pacte_test_git (repo, &out, "log", "-p", "--ext-diff", "-1", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "  Action added: “Webinar”\n"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/diff/text", Fixture, NULL, fixture_set_up, test_text, fixture_tear_down);
  g_test_add ("/diff/json", Fixture, NULL, fixture_set_up, test_json, fixture_tear_down);
  g_test_add ("/diff/control-characters", Fixture, NULL, fixture_set_up, test_control_characters, fixture_tear_down);
  g_test_add ("/diff/git", Fixture, NULL, fixture_set_up, test_git, fixture_tear_down);
  return g_test_run ();
}
