/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-cockpit.c: the portfolio cockpit on the command line —
 * pacte --check --json's fix_first and portfolio figures, and
 * pacte --agenda (docs/cli.md). */
#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "pacte-analysis.h"
#include "pacte-rules.h"
#include "pacte-test-utils.h"

static int
run_pacte (char       **out,
           char       **err,
           const char  *first,
           ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return pacte_test_run_pacte ((const char * const *) args->pdata, out, err);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static PacteStatus
status_of (const char *text)
{
  PacteStatus status = PACTE_STATUS_OFF;

  g_assert_true (pacte_status_from_string (text, &status));
  return status;
}

/* Each plan's fix_first is exactly its red and amber rules, each with the
 * score the plan has once that rule is green (recounted from the printed
 * lights); the portfolio's totals, average and fixes add up to the plans'. */
static void
test_check_fix_first (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *portfolio;
  JsonArray *plans, *totals, *fixes;
  guint counts[16][4] = { { 0 } };
  int gains[16][16];
  double score_sum = 0;
  guint n_scored = 0;

  g_assert_cmpint (run_pacte (&out, &err, "--check", sample, "--date", "2027-03-15", "--json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  root = parse (out);
  plans = json_object_get_array_member (json_node_get_object (root), "plans");
  g_assert_cmpuint (json_array_get_length (plans), ==, 7);

  for (guint i = 0; i < json_array_get_length (plans); i++)
    {
      JsonObject *plan = json_array_get_object_element (plans, i);
      JsonArray *rules = json_object_get_array_member (plan, "rules");
      JsonArray *fix_first = json_object_get_array_member (plan, "fix_first");
      guint n[4] = { 0 };
      guint n_failing = 0;
      int score = (int) json_object_get_int_member (plan, "score");
      int last_gain = G_MAXINT;

      for (guint r = 0; r < 16; r++)
        {
          PacteStatus status = status_of (json_object_get_string_member (json_array_get_object_element (rules, r), "status"));

          n[status]++;
          counts[r][status]++;
          gains[i][r] = 0;
        }
      g_assert_cmpint (score, ==, pacte_score_from_counts (n[PACTE_STATUS_GREEN], n[PACTE_STATUS_AMBER], n[PACTE_STATUS_RED]));
      score_sum += score;
      n_scored++;

      n_failing = n[PACTE_STATUS_RED] + n[PACTE_STATUS_AMBER];
      g_assert_cmpuint (json_array_get_length (fix_first), ==, n_failing);
      for (guint f = 0; f < json_array_get_length (fix_first); f++)
        {
          JsonObject *fix = json_array_get_object_element (fix_first, f);
          const char *rule_id = json_object_get_string_member (fix, "rule");
          int r = atoi (rule_id + 1) - 1;
          PacteStatus status = status_of (json_object_get_string_member (fix, "status"));
          int gain = (int) json_object_get_int_member (fix, "gain");
          int fixed;

          g_assert_cmpint (status, ==,
                           status_of (json_object_get_string_member (json_array_get_object_element (rules, r), "status")));
          if (status == PACTE_STATUS_RED)
            fixed = pacte_score_from_counts (n[0] + 1, n[1], n[2] - 1);
          else
            {
              g_assert_cmpint (status, ==, PACTE_STATUS_AMBER);
              fixed = pacte_score_from_counts (n[0] + 1, n[1] - 1, n[2]);
            }
          g_assert_cmpint (gain, ==, fixed - score);
          g_assert_cmpint (gain, <=, last_gain);
          last_gain = gain;
          gains[i][r] = gain;
        }
    }

  portfolio = json_object_get_object_member (json_node_get_object (root), "portfolio");
  g_assert_nonnull (portfolio);
  g_assert_cmpint (json_object_get_int_member (portfolio, "plans"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (portfolio, "scored_plans"), ==, n_scored);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (portfolio, "average_score"), score_sum / n_scored, 0.006);

  totals = json_object_get_array_member (portfolio, "rules");
  g_assert_cmpuint (json_array_get_length (totals), ==, 16);
  for (guint r = 0; r < 16; r++)
    {
      JsonObject *total = json_array_get_object_element (totals, r);

      g_assert_cmpint (json_object_get_int_member (total, "green"), ==, counts[r][PACTE_STATUS_GREEN]);
      g_assert_cmpint (json_object_get_int_member (total, "amber"), ==, counts[r][PACTE_STATUS_AMBER]);
      g_assert_cmpint (json_object_get_int_member (total, "red"), ==, counts[r][PACTE_STATUS_RED]);
      g_assert_cmpint (json_object_get_int_member (total, "off"), ==, counts[r][PACTE_STATUS_OFF]);
    }

  fixes = json_object_get_array_member (portfolio, "fix_first");
  g_assert_cmpuint (json_array_get_length (fixes), >, 0);
  for (guint f = 0; f < json_array_get_length (fixes); f++)
    {
      JsonObject *fix = json_array_get_object_element (fixes, f);
      int r = atoi (json_object_get_string_member (fix, "rule") + 1) - 1;
      JsonArray *fix_plans = json_object_get_array_member (fix, "plans");
      int total = 0, expected_total = 0;

      g_assert_cmpint (json_object_get_int_member (fix, "red"), ==, counts[r][PACTE_STATUS_RED]);
      g_assert_cmpint (json_object_get_int_member (fix, "amber"), ==, counts[r][PACTE_STATUS_AMBER]);
      g_assert_cmpuint (json_array_get_length (fix_plans), ==, counts[r][PACTE_STATUS_RED] + counts[r][PACTE_STATUS_AMBER]);
      for (guint k = 0; k < json_array_get_length (fix_plans); k++)
        {
          JsonObject *entry = json_array_get_object_element (fix_plans, k);
          const char *id = json_object_get_string_member (entry, "id");
          guint i;

          for (i = 0; i < json_array_get_length (plans); i++)
            if (g_str_equal (json_object_get_string_member (json_array_get_object_element (plans, i), "id"), id))
              break;
          g_assert_cmpuint (i, <, json_array_get_length (plans));
          g_assert_cmpint (json_object_get_int_member (entry, "gain"), ==, gains[i][r]);
          total += gains[i][r];
        }
      for (guint i = 0; i < json_array_get_length (plans); i++)
        expected_total += gains[i][r];
      g_assert_cmpint (total, ==, expected_total);
      g_assert_cmpint (json_object_get_int_member (fix, "total_gain"), ==, total);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (fix, "average_gain"), (double) total / n_scored, 0.006);
      if (f > 0)
        g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (fixes, f - 1), "total_gain"), >=, total);
    }
}

/* The text form ends each plan with its fix-first line, in its language. */
static void
test_check_fix_first_text (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out_fr = NULL, *err_fr = NULL;

  g_assert_cmpint (run_pacte (&out, &err, "--check", sample, "--date", "2027-03-15", "--lang", "en",
                              "--plan", "plan-brightwater-connector", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\nFix first: R15 +6, R01 +3, "));
  g_assert_cmpint (run_pacte (&out_fr, &err_fr, "--check", sample, "--date", "2027-03-15", "--lang", "fr",
                              "--plan", "plan-brightwater-connector", NULL), ==, 0);
  g_assert_nonnull (strstr (out_fr, "\nÀ corriger d’abord\u00a0: R15 +6, R01 +3, "));
}

/* --agenda --json lists exactly the core's agenda of the sample. */
static void
test_agenda_json (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (pacte_rule_set_get_default ());
  g_autoptr(GPtrArray) expected = pacte_agenda_collect (portfolio, pacte_date_parse ("2027-03-15"), 45);
  JsonObject *object;
  JsonArray *items;
  guint n_overdue = 0;

  g_assert_cmpint (run_pacte (&out, &err, "--agenda", sample, "--date", "2027-03-15", "--days", "45", "--json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  root = parse (out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "2027-03-15");
  g_assert_cmpint (json_object_get_int_member (object, "days"), ==, 45);
  items = json_object_get_array_member (object, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, expected->len);
  g_assert_cmpuint (expected->len, >, 0);
  for (guint i = 0; i < expected->len; i++)
    {
      PacteAgendaItem *want = g_ptr_array_index (expected, i);
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *date = pacte_date_format (want->date);
      const char *own;

      g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==, pacte_agenda_kind_to_string (want->kind));
      g_assert_cmpstr (json_object_get_string_member (item, "date"), ==, date);
      g_assert_cmpstr (json_object_get_string_member (item, "plan"), ==,
                       pacte_record_get_string (PACTE_RECORD (want->plan), PACTE_PLAN_ID));
      g_assert_cmpint (json_object_get_boolean_member (item, "overdue"), ==, want->overdue);
      own = want->kind == PACTE_AGENDA_ACTION ? json_object_get_string_member (item, "id")
                                              : json_object_get_string_member (item, "name");
      g_assert_cmpstr (own, ==, want->kind == PACTE_AGENDA_REVIEW ? want->title : want->key);
      n_overdue += want->overdue;
    }
  g_assert_cmpint (json_object_get_int_member (object, "overdue"), ==, n_overdue);
  g_assert_cmpuint (n_overdue, >, 0);
}

/* The sample on 2027-03-15: two overdue items, in words, in both languages;
 * with no days ahead only what is overdue or due today. */
static void
test_agenda_text (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *fr = NULL, *fr_err = NULL;
  g_autofree char *none = NULL, *none_err = NULL;

  g_assert_cmpint (run_pacte (&out, &err, "--agenda", sample, "--date", "2027-03-15", "--lang", "en", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Agenda on 15 March 2027, looking 30 days ahead: 6 items, 2 overdue."));
  g_assert_nonnull (strstr (out, "Overdue  Review due"));
  g_assert_nonnull (strstr (out, "(plan-berard-relance), Sophie Garnier"));
  g_assert_nonnull (strstr (out, "Lenkungsausschuss / Comité de direction"));

  g_assert_cmpint (run_pacte (&fr, &fr_err, "--agenda", sample, "--date", "2027-03-15", "--lang", "fr", NULL), ==, 0);
  g_assert_nonnull (strstr (fr, "Agenda du 15 mars 2027, 30 jours à l’avance\u00a0: 6 éléments, dont 2 en retard."));
  g_assert_nonnull (strstr (fr, "1er juillet 2026  En retard  Revue à faire"));
  g_assert_nonnull (strstr (fr, "Réunion en retard"));

  g_assert_cmpint (run_pacte (&none, &none_err, "--agenda", sample, "--date", "2027-03-15", "--days", "0", "--lang", "en", NULL), ==, 0);
  g_assert_nonnull (strstr (none, "looking 0 days ahead: 2 items, 2 overdue."));
  g_assert_null (strstr (none, "Coming"));
}

/* A title with a terminal escape sequence is printed, not obeyed. */
static void
test_agenda_control_characters (void)
{
  static const char text[] =
    "{ \"format\": \"pacte-portfolio\", \"version\": 1, \"meta\": { \"title\": \"T\" },\n"
    "  \"partners\": [ { \"id\": \"p-a\", \"name\": \"Acme\" } ],\n"
    "  \"plans\": [ { \"id\": \"plan-a\", \"name\": \"Plan\\u001b]0;pwned\\u0007 A\", \"partners\": [\"p-a\"],\n"
    "    \"actions\": [ { \"id\": \"a-1\", \"title\": \"Clear \\u001b[2J screen\\r\", \"due\": \"2027-03-10\" } ] } ] }\n";
  g_autofree char *dir = g_dir_make_tmp ("pacte-agenda-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "escape.pacte.json", NULL);
  g_autofree char *out = NULL, *err = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_cmpint (run_pacte (&out, &err, "--agenda", path, "--date", "2027-03-15", "--lang", "en", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_null (strchr (out, '\033'));
  g_assert_null (strchr (out, '\r'));
  g_assert_null (strchr (out, '\a'));
  g_assert_nonnull (strstr (out, "Clear \\x1B[2J screen\\r"));
  pacte_test_remove_tree (dir);
}

static void
test_agenda_errors (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  struct { const char *args[8]; int status; const char *message; } cases[] = {
    { { "--agenda", NULL, "--days", "-1", NULL }, 1, "invalid number of days “-1”" },
    { { "--agenda", NULL, "--days", "3661", NULL }, 1, "from 0 to 3660" },
    { { "--agenda", NULL, "--days", "ten", NULL }, 1, "invalid number of days “ten”" },
    { { "--check", NULL, "--days", "3", NULL }, 1, "--days" },
    { { "--agenda", NULL, "--date", "2027-02-30", NULL }, 1, "invalid date “2027-02-30”" },
    { { "--agenda", "/nonexistent/none.pacte.json", NULL }, 2, "none.pacte.json" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_autoptr(GPtrArray) args = g_ptr_array_new ();

      for (guint a = 0; a < G_N_ELEMENTS (cases[c].args) && (a < 2 || cases[c].args[a] != NULL); a++)
        g_ptr_array_add (args, (gpointer) (cases[c].args[a] != NULL ? cases[c].args[a] : sample));
      g_ptr_array_add (args, NULL);
      g_assert_cmpint (pacte_test_run_pacte ((const char * const *) args->pdata, &out, &err), ==, cases[c].status);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "pacte: "));
      g_assert_nonnull (strstr (err, cases[c].message));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-cockpit/check/fix-first", test_check_fix_first);
  g_test_add_func ("/cli-cockpit/check/fix-first-text", test_check_fix_first_text);
  g_test_add_func ("/cli-cockpit/agenda/json", test_agenda_json);
  g_test_add_func ("/cli-cockpit/agenda/text", test_agenda_text);
  g_test_add_func ("/cli-cockpit/agenda/control-characters", test_agenda_control_characters);
  g_test_add_func ("/cli-cockpit/agenda/errors", test_agenda_errors);

  return g_test_run ();
}
