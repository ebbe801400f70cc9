/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-junit.c: pacte --check FILE --junit OUT.xml, read back: the
 * JUnit structure CI servers read (testsuites > testsuite > testcase,
 * failure/skipped), the counts, and failures that match --fail-on with the
 * explanation as message. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "pacte-test-utils.h"

typedef struct {
  GPtrArray *stack;          /* element names */
  guint      n_suites;
  guint      n_cases;
  guint      n_failures;
  guint      n_skipped;
  guint      declared_tests;
  guint      declared_failures;
  guint      suite_tests_sum;
  GHashTable *failures;      /* "plan-id R04" -> message */
  char       *current_case;
  gboolean   bad_nesting;
} Junit;

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static void
start_element (GMarkupParseContext  *context G_GNUC_UNUSED,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error G_GNUC_UNUSED)
{
  Junit *j = user_data;
  const char *parent = j->stack->len > 0 ? g_ptr_array_index (j->stack, j->stack->len - 1) : "";

  if (g_str_equal (element, "testsuites"))
    {
      j->bad_nesting |= !g_str_equal (parent, "");
      j->declared_tests = atoi (attribute (names, values, "tests"));
      j->declared_failures = atoi (attribute (names, values, "failures"));
    }
  else if (g_str_equal (element, "testsuite"))
    {
      j->bad_nesting |= !g_str_equal (parent, "testsuites");
      j->n_suites++;
      j->suite_tests_sum += atoi (attribute (names, values, "tests"));
      g_assert_nonnull (attribute (names, values, "name"));
    }
  else if (g_str_equal (element, "testcase"))
    {
      const char *classname = attribute (names, values, "classname");
      const char *name = attribute (names, values, "name");

      j->bad_nesting |= !g_str_equal (parent, "testsuite");
      j->n_cases++;
      g_assert_nonnull (classname);
      g_assert_nonnull (name);
      g_free (j->current_case);
      /* "pacte.plan-id" + "R04 Strong governance" -> "plan-id R04" */
      j->current_case = g_strdup_printf ("%s %.3s", classname + strlen ("pacte."), name);
    }
  else if (g_str_equal (element, "failure"))
    {
      j->bad_nesting |= !g_str_equal (parent, "testcase");
      j->n_failures++;
      g_hash_table_insert (j->failures, g_strdup (j->current_case), g_strdup (attribute (names, values, "message")));
    }
  else if (g_str_equal (element, "skipped"))
    {
      j->bad_nesting |= !g_str_equal (parent, "testcase");
      j->n_skipped++;
    }
  else
    j->bad_nesting |= !g_str_equal (element, "system-out") && !g_str_equal (element, "properties")
                      && !g_str_equal (element, "property");
  g_ptr_array_add (j->stack, g_strdup (element));
}

static void
end_element (GMarkupParseContext  *context G_GNUC_UNUSED,
             const char           *element G_GNUC_UNUSED,
             gpointer              user_data,
             GError              **error G_GNUC_UNUSED)
{
  Junit *j = user_data;

  g_ptr_array_remove_index (j->stack, j->stack->len - 1);
}

static void
read_junit (const char *path,
            Junit      *j)
{
  static const GMarkupParser parser = { start_element, end_element, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "));
  j->stack = g_ptr_array_new_with_free_func (g_free);
  j->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, j, NULL);
  /* Skip the XML declaration, which GMarkup does not take. */
  g_assert_true (g_markup_parse_context_parse (context, strchr (text, '\n') + 1, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
}

static void
junit_clear (Junit *j)
{
  g_ptr_array_unref (j->stack);
  g_hash_table_unref (j->failures);
  g_free (j->current_case);
}

static void
test_structure (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-junit-XXXXXX", &error);
  g_autofree char *xml = g_build_filename (dir, "results.xml", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *plans;
  guint n_plans, n_rules = 0, expected_failures = 0;
  Junit j = { 0 };
  const char *argv[] = { "--check", sample, "--json", "--date", "2027-03-15", "--lang", "en",
                         "--fail-on", "amber", "--junit", xml, NULL };

  g_assert_no_error (error);
  g_assert_cmpint (pacte_test_run_pacte (argv, &out, &err), ==, 3);
  g_assert_cmpstr (err, ==, "");
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  plans = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "plans");
  n_plans = json_array_get_length (plans);
  g_assert_cmpuint (n_plans, >, 1);

  read_junit (xml, &j);
  g_assert_false (j.bad_nesting);
  g_assert_cmpuint (j.n_suites, ==, n_plans);
  for (guint p = 0; p < n_plans; p++)
    {
      JsonObject *plan = json_array_get_object_element (plans, p);
      JsonArray *rules = json_object_get_array_member (plan, "rules");

      for (guint r = 0; r < json_array_get_length (rules); r++)
        {
          JsonObject *rule = json_array_get_object_element (rules, r);
          const char *status = json_object_get_string_member (rule, "status");
          g_autofree char *key = g_strdup_printf ("%s %s", json_object_get_string_member (plan, "id"),
                                                  json_object_get_string_member (rule, "id"));
          const char *message = g_hash_table_lookup (j.failures, key);

          n_rules++;
          if (g_str_equal (status, "red") || g_str_equal (status, "amber"))
            {
              expected_failures++;
              g_assert_cmpstr (message, ==, json_object_get_string_member (rule, "explanation"));
            }
          else
            g_assert_null (message);
        }
    }
  g_assert_cmpuint (j.n_cases, ==, n_rules);
  g_assert_cmpuint (j.declared_tests, ==, n_rules);
  g_assert_cmpuint (j.suite_tests_sum, ==, n_rules);
  g_assert_cmpuint (j.n_failures, ==, expected_failures);
  g_assert_cmpuint (j.declared_failures, ==, expected_failures);
  junit_clear (&j);

  /* Without --fail-on only red rules fail, and the exit status is 0. */
  {
    const char *argv_red[] = { "--junit", xml, "--check", sample, "--date", "2027-03-15", "--lang", "en", NULL };
    Junit red = { 0 };
    g_autofree char *out2 = NULL;

    g_assert_cmpint (pacte_test_run_pacte (argv_red, &out2, NULL), ==, 0);
    read_junit (xml, &red);
    g_assert_cmpuint (red.n_failures, <, expected_failures);
    g_assert_cmpuint (red.n_failures, >, 0);
    junit_clear (&red);
  }
  {
    /* A folder in the way: exit 2, a message naming the report. */
    const char *argv_bad[] = { "--check", sample, "--junit", dir, NULL };
    g_autofree char *out3 = NULL, *err2 = NULL;

    g_assert_cmpint (pacte_test_run_pacte (argv_bad, &out3, &err2), ==, 2);
    g_assert_nonnull (strstr (err2, "JUnit"));
  }
  pacte_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-junit/structure", test_structure);
  return g_test_run ();
}
