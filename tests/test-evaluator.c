/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-evaluator.c: the live evaluator re-evaluates exactly the plans an edit
 * concerns, once per main-loop iteration, and its result objects notify only
 * what really changed. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-i18n.h"
#include "pacte-rules.h"

#define TODAY "2027-03-15"

static const char portfolio_json[] =
  "{ \"format\": \"pacte-portfolio\", \"version\": 1,\n"
  "  \"rule_settings\": { \"R09\": { \"params\": { \"amber_days\": 30 } } },\n"
  "  \"partners\": [\n"
  "    { \"id\": \"p-a\", \"name\": \"Acme\", \"segment\": \"resale\", \"label\": \"gold\",\n"
  "      \"contacts\": [ { \"name\": \"Ann\", \"role\": \"alliance-partner\" } ] },\n"
  "    { \"id\": \"p-b\", \"name\": \"Bolt\", \"segment\": \"resale\", \"label\": \"gold\" },\n"
  "    { \"id\": \"p-c\", \"name\": \"Crest\", \"segment\": \"resale\", \"label\": \"gold\" } ],\n"
  "  \"plans\": [\n"
  "    { \"id\": \"plan-1\", \"name\": \"One\", \"partners\": [\"p-a\", \"p-b\"], \"segment\": \"resale\",\n"
  "      \"revenue_target\": 1000, \"resources\": { \"budget\": 10 }, \"activity\": [ { \"date\": \"2027-02-01\", \"note\": \"Call\" } ] },\n"
  "    { \"id\": \"plan-2\", \"name\": \"Two\", \"partners\": [\"p-b\"], \"segment\": \"resale\" },\n"
  "    { \"id\": \"plan-3\", \"name\": \"Three\", \"partners\": [\"p-c\"], \"segment\": \"resale\" } ] }\n";

typedef struct
{
  PactePortfolio *portfolio;
  PacteEvaluator *evaluator;
  PactePlanResults *results[3];
  guint status_notifies[3][32];
  guint explanation_notifies[3][32];
  guint score_notifies[3];
} Fixture;

static void
count_status (PacteRuleResult *result,
              GParamSpec      *pspec,
              guint           *counter)
{
  (*counter)++;
}

static void
count_score (PactePlanResults *results,
             GParamSpec       *pspec,
             guint            *counter)
{
  (*counter)++;
}

static PacteRecord *
plan (Fixture    *f,
      const char *id)
{
  return PACTE_RECORD (pacte_portfolio_find_plan (f->portfolio, id));
}

static PacteRecord *
partner (Fixture    *f,
         const char *id)
{
  return PACTE_RECORD (pacte_portfolio_find_partner (f->portfolio, id));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (portfolio_json, sizeof portfolio_json - 1);
  g_autoptr(GError) error = NULL;
  static const char * const ids[] = { "plan-1", "plan-2", "plan-3" };

  f->portfolio = pacte_portfolio_load_bytes (bytes, "evaluator.pacte.json", pacte_rule_set_get_default (), &error);
  g_assert_no_error (error);
  f->evaluator = pacte_evaluator_new (f->portfolio, pacte_rule_set_get_default (), pacte_date_parse (TODAY), "en");
  for (guint p = 0; p < 3; p++)
    {
      f->results[p] = pacte_evaluator_get_results (f->evaluator, PACTE_PLAN (plan (f, ids[p])));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->results[p])), ==, 16);
      g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->results[p])) == PACTE_TYPE_RULE_RESULT);
      for (guint r = 0; r < 16; r++)
        {
          PacteRuleResult *result = pacte_plan_results_get_result (f->results[p], r);

          g_signal_connect (result, "notify::status", G_CALLBACK (count_status), &f->status_notifies[p][r]);
          g_signal_connect (result, "notify::explanation", G_CALLBACK (count_status), &f->explanation_notifies[p][r]);
        }
      g_signal_connect (f->results[p], "notify::score", G_CALLBACK (count_score), &f->score_notifies[p]);
    }
  g_assert_cmpuint (pacte_evaluator_get_n_evaluations (f->evaluator), ==, 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->evaluator);
  g_clear_object (&f->portfolio);
}

static guint
total_status_notifies (Fixture *f,
                       guint    p)
{
  guint n = 0;

  for (guint r = 0; r < 16; r++)
    n += f->status_notifies[p][r];
  return n;
}

static int
rule_index (const char *id)
{
  return pacte_rule_set_find (pacte_rule_set_get_default (), id);
}

/* Runs main-loop iterations until nothing is pending (the evaluator's idle). */
static void
run_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_plan_edit (Fixture       *f,
                gconstpointer  data)
{
  PacteRuleResult *r01 = pacte_plan_results_get_result (f->results[0], rule_index ("R01"));
  g_autoptr(GObject) same = NULL;
  int score_before = pacte_plan_results_get_score (f->results[0]);

  g_assert_cmpint (pacte_rule_result_get_status (r01), ==, PACTE_STATUS_GREEN);
  pacte_record_set_number (plan (f, "plan-1"), PACTE_PLAN_REVENUE_TARGET, NAN, NULL);
  /* Nothing happens before the idle. */
  g_assert_cmpuint (pacte_evaluator_get_n_evaluations (f->evaluator), ==, 3);
  g_assert_cmpint (pacte_rule_result_get_status (r01), ==, PACTE_STATUS_GREEN);

  run_idle ();
  g_assert_cmpuint (pacte_evaluator_get_n_evaluations (f->evaluator), ==, 4);
  g_assert_cmpint (pacte_rule_result_get_status (r01), ==, PACTE_STATUS_RED);
  g_assert_nonnull (strstr (pacte_rule_result_get_explanation (r01), "One"));
  g_assert_cmpuint (f->status_notifies[0][rule_index ("R01")], ==, 1);
  g_assert_cmpuint (total_status_notifies (f, 0), ==, 1);
  g_assert_cmpuint (total_status_notifies (f, 1) + total_status_notifies (f, 2), ==, 0);
  g_assert_cmpuint (f->score_notifies[0], ==, 1);
  g_assert_cmpint (pacte_plan_results_get_score (f->results[0]), <, score_before);
  g_assert_cmpuint (f->score_notifies[1] + f->score_notifies[2], ==, 0);

  /* The items stay the same objects. */
  same = g_list_model_get_item (G_LIST_MODEL (f->results[0]), rule_index ("R01"));
  g_assert_true (same == (GObject *) r01);
  g_assert_cmpuint (pacte_plan_results_count (f->results[0], PACTE_STATUS_RED)
                    + pacte_plan_results_count (f->results[0], PACTE_STATUS_AMBER)
                    + pacte_plan_results_count (f->results[0], PACTE_STATUS_GREEN)
                    + pacte_plan_results_count (f->results[0], PACTE_STATUS_OFF), ==, 16);
}

static void
test_explanation_only (Fixture       *f,
                       gconstpointer  data)
{
  int r09 = rule_index ("R09");
  g_autoptr(PacteRecord) activity = g_list_model_get_item (pacte_record_get_list (plan (f, "plan-1"), PACTE_PLAN_ACTIVITY), 0);

  g_assert_cmpint (pacte_rule_result_get_status (pacte_plan_results_get_result (f->results[0], r09)), ==, PACTE_STATUS_AMBER);
  pacte_record_set_date (activity, PACTE_ACTIVITY_DATE, pacte_date_parse ("2027-02-03"), NULL);
  pacte_evaluator_flush (f->evaluator);
  g_assert_cmpuint (pacte_evaluator_get_n_evaluations (f->evaluator), ==, 4);
  g_assert_cmpuint (f->status_notifies[0][r09], ==, 0);
  g_assert_cmpuint (f->explanation_notifies[0][r09], ==, 1);
  g_assert_nonnull (strstr (pacte_rule_result_get_explanation (pacte_plan_results_get_result (f->results[0], r09)), "40 days"));
  g_assert_cmpuint (f->score_notifies[0], ==, 0);
}

static void
test_several_edits_one_evaluation (Fixture       *f,
                                   gconstpointer  data)
{
  PacteRecord *p1 = plan (f, "plan-1");

  pacte_record_set_string (p1, PACTE_PLAN_OWNER, "Olivia", NULL);
  pacte_record_set_date (p1, PACTE_PLAN_PERIOD_START, pacte_date_parse ("2027-01-01"), NULL);
  pacte_record_set_string (p1, PACTE_PLAN_NAME, "One, renamed", NULL);
  run_idle ();
  g_assert_cmpuint (pacte_evaluator_get_n_evaluations (f->evaluator), ==, 4);
  g_assert_cmpuint (f->status_notifies[0][rule_index ("R05")], ==, 1);
  g_assert_cmpuint (f->status_notifies[0][rule_index ("R01")], ==, 0);
}

static void
test_partner_edit (Fixture       *f,
                   gconstpointer  data)
{
  int r16 = rule_index ("R16");

  pacte_record_set_string (partner (f, "p-b"), PACTE_PARTNER_LABEL, "", NULL);
  pacte_evaluator_flush (f->evaluator);
  /* plan-1 and plan-2 name p-b; plan-3 does not. */
  g_assert_cmpuint (pacte_evaluator_get_n_evaluations (f->evaluator), ==, 5);
  g_assert_cmpuint (f->status_notifies[0][r16], ==, 1);
  g_assert_cmpuint (f->status_notifies[1][r16], ==, 1);
  g_assert_cmpuint (total_status_notifies (f, 2), ==, 0);
  g_assert_nonnull (strstr (pacte_rule_result_get_explanation (pacte_plan_results_get_result (f->results[1], r16)), "Bolt has no label"));

  /* Once plan-3 names p-a too, editing p-a re-evaluates plan-1 and plan-3. */
  {
    const char * const ids[] = { "p-c", "p-a", NULL };

    pacte_record_set_strv (plan (f, "plan-3"), PACTE_PLAN_PARTNERS, ids, NULL);
    pacte_evaluator_flush (f->evaluator);
    g_assert_cmpuint (pacte_evaluator_get_n_evaluations (f->evaluator), ==, 6);
    pacte_record_set_string (partner (f, "p-a"), PACTE_PARTNER_LABEL, "", NULL);
    pacte_evaluator_flush (f->evaluator);
    g_assert_cmpuint (pacte_evaluator_get_n_evaluations (f->evaluator), ==, 8);
  }
}

static void
test_portfolio_edit (Fixture       *f,
                     gconstpointer  data)
{
  PacteOverride *setting = pacte_portfolio_find_setting (f->portfolio, "R09");
  int r09 = rule_index ("R09");

  g_assert_nonnull (setting);
  pacte_record_map_set_number (PACTE_RECORD (setting), PACTE_OVERRIDE_PARAMS, "amber_days", 60, NULL);
  run_idle ();
  g_assert_cmpuint (pacte_evaluator_get_n_evaluations (f->evaluator), ==, 6);
  g_assert_cmpint (pacte_rule_result_get_status (pacte_plan_results_get_result (f->results[0], r09)), ==, PACTE_STATUS_GREEN);
  g_assert_cmpuint (f->status_notifies[0][r09], ==, 1);

  pacte_evaluator_set_today (f->evaluator, pacte_date_parse ("2027-06-01"));
  pacte_evaluator_flush (f->evaluator);
  g_assert_cmpuint (pacte_evaluator_get_n_evaluations (f->evaluator), ==, 9);
  g_assert_cmpint (pacte_rule_result_get_status (pacte_plan_results_get_result (f->results[0], r09)), ==, PACTE_STATUS_RED);
}

static void
test_plan_removed (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PactePlanResults) kept = g_object_ref (f->results[2]);

  pacte_record_list_remove (PACTE_RECORD (f->portfolio), PACTE_PORTFOLIO_PLANS, 2);
  f->results[2] = NULL;
  pacte_evaluator_flush (f->evaluator);
  /* The two remaining plans are evaluated again, the removed one is dropped. */
  g_assert_cmpuint (pacte_evaluator_get_n_evaluations (f->evaluator), ==, 5);
  pacte_record_set_string (partner (f, "p-c"), PACTE_PARTNER_LABEL, "", NULL);
  pacte_evaluator_flush (f->evaluator);
  g_assert_cmpuint (pacte_evaluator_get_n_evaluations (f->evaluator), ==, 5);
}

static void
test_language (Fixture       *f,
               gconstpointer  data)
{
  PacteRuleResult *r01 = pacte_plan_results_get_result (f->results[0], rule_index ("R01"));
  g_autofree char *lang = NULL;

  g_assert_cmpstr (pacte_rule_result_get_title (r01), ==, "Work at a strategic level");
  g_object_set (f->evaluator, "language", "fr", NULL);
  pacte_evaluator_flush (f->evaluator);
  g_object_get (f->evaluator, "language", &lang, NULL);
  g_assert_cmpstr (lang, ==, "fr");
  g_assert_cmpstr (pacte_rule_result_get_title (r01), ==, "Travailler à un niveau stratégique");
  g_assert_cmpstr (pacte_rule_result_get_explanation (r01), ==,
                   "Un objectif de chiffre d’affaires est fixé et les moyens en découlent.");
}

int
main (int   argc,
      char *argv[])
{
  pacte_i18n_init ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/evaluator/plan-edit", test_plan_edit);
  ADD ("/evaluator/explanation-only", test_explanation_only);
  ADD ("/evaluator/several-edits-one-evaluation", test_several_edits_one_evaluation);
  ADD ("/evaluator/partner-edit", test_partner_edit);
  ADD ("/evaluator/portfolio-edit", test_portfolio_edit);
  ADD ("/evaluator/plan-removed", test_plan_removed);
  ADD ("/evaluator/language", test_language);
  return g_test_run ();
}
