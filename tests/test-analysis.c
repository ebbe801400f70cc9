/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-analysis.c: the portfolio cockpit's core — fix-first gains are the
 * engine's own score difference when a rule turns green (checked against a
 * rule set where that rule always passes, over the sample and generated
 * portfolios with overrides and switched-off rules), per-rule totals, the
 * agenda at day boundaries, trends from recorded reviews. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-analysis.h"
#include "pacte-i18n.h"
#include "pacte-test-utils.h"

#define TODAY "2027-03-15"

/* ---- Helpers ------------------------------------------------------------ */

static PactePortfolio *
load_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  PactePortfolio *portfolio;

  portfolio = pacte_portfolio_load_bytes (bytes, "test.pacte.json", pacte_rule_set_get_default (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (portfolio);
  return portfolio;
}

/* The default rules, with rule_index's checks removed: that rule passes
 * (turns green) for every plan where it is not switched off. */
static PacteRuleSet *
rules_with_green (guint rule_index)
{
  g_autofree char *path = g_build_filename (g_getenv ("PACTE_SOURCE_ROOT"), "data", "rules",
                                            "golden-rules.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *rule;
  PacteRuleSet *rules;
  char *text;
  gsize length;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  rule = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                                      "rules"), rule_index);
  json_object_set_array_member (rule, "checks", json_array_new ());
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (text, length);
  rules = pacte_rule_set_new_from_bytes (bytes, "green.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

/* ---- Fix first equals the engine's score difference --------------------- */

static void
check_fix_first_property (PactePortfolio *portfolio)
{
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  guint32 today = pacte_date_parse (TODAY);
  guint n_rules = pacte_rule_set_get_n_rules (rules);
  g_autoptr(PacteAnalysis) analysis = pacte_analysis_new_evaluate (rules, portfolio, today, "en");
  g_autofree PacteRuleOutcome *outcomes = g_new0 (PacteRuleOutcome, n_rules);
  g_autofree PacteFix *fixes = g_new0 (PacteFix, n_rules);
  guint n_plans = pacte_analysis_get_n_plans (analysis);
  guint n_checked = 0, n_off = 0;
  const PactePortfolioFix *portfolio_fixes;
  guint n_portfolio_fixes;

  g_assert_cmpuint (n_plans, ==, g_list_model_get_n_items (pacte_portfolio_get_plans (portfolio)));
  portfolio_fixes = pacte_analysis_get_portfolio_fixes (analysis, &n_portfolio_fixes);

  for (guint r = 0; r < n_rules; r++)
    {
      g_autoptr(PacteRuleSet) green = rules_with_green (r);
      const PactePortfolioFix *pfix = NULL;
      gint64 sum_after = 0;
      guint n_scored_after = 0, n_failing = 0;

      for (guint f = 0; f < n_portfolio_fixes; f++)
        if (portfolio_fixes[f].rule_index == r)
          pfix = &portfolio_fixes[f];

      for (guint i = 0; i < n_plans; i++)
        {
          PactePlan *plan = pacte_analysis_get_plan (analysis, i);
          int before = pacte_analysis_get_score (analysis, i);
          PacteStatus status = pacte_analysis_get_statuses (analysis, i)[r];
          int after = pacte_evaluate_plan (green, portfolio, plan, today, "en", outcomes);
          guint n_fixes = pacte_analysis_get_fixes (analysis, i, fixes);
          const PacteFix *fix = NULL;

          g_assert_cmpint (before, ==, pacte_evaluate_plan (rules, portfolio, plan, today, "en", outcomes));
          for (guint f = 0; f < n_fixes; f++)
            {
              if (fixes[f].rule_index == r)
                fix = &fixes[f];
              /* Largest gain first. */
              if (f > 0)
                g_assert_cmpint (fixes[f - 1].gain, >=, fixes[f].gain);
            }

          if (status == PACTE_STATUS_RED || status == PACTE_STATUS_AMBER)
            {
              g_assert_nonnull (fix);
              g_assert_cmpint (fix->status, ==, status);
              g_assert_cmpint (fix->gain, ==, after - before);
              g_assert_cmpint (fix->gain, >, 0);
              n_failing++;
              n_checked++;
            }
          else
            {
              /* Green stays green, and a switched-off rule is no fix. */
              g_assert_null (fix);
              g_assert_cmpint (after, ==, before);
              if (status == PACTE_STATUS_OFF)
                n_off++;
            }
          if (after >= 0)
            {
              sum_after += after;
              n_scored_after++;
            }
        }

      /* The portfolio's fix for r raises the average by exactly what the
       * engine gives once r is green everywhere. */
      if (n_failing == 0)
        g_assert_null (pfix);
      else
        {
          double before = pacte_analysis_get_average (analysis);
          double after = (double) sum_after / n_scored_after;

          g_assert_nonnull (pfix);
          g_assert_cmpuint (pfix->n_plans, ==, n_failing);
          g_assert_cmpuint (pfix->n_red + pfix->n_amber, ==, n_failing);
          g_assert_cmpuint (n_scored_after, ==, pacte_analysis_get_n_scored (analysis));
          g_assert_cmpfloat_with_epsilon (pfix->average_gain, after - before, 1e-9);
          for (guint k = 1; k < pfix->n_plans; k++)
            g_assert_cmpint (pfix->gains[k - 1], >=, pfix->gains[k]);
        }
    }

  /* Largest rise of the average first. */
  for (guint f = 1; f < n_portfolio_fixes; f++)
    g_assert_cmpint (portfolio_fixes[f - 1].total_gain, >=, portfolio_fixes[f].total_gain);
  g_assert_cmpuint (n_checked, >, 0);
  g_test_message ("%u plans, %u failing lights checked, %u switched off", n_plans, n_checked, n_off);
}

static void
test_fix_first_sample (void)
{
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (pacte_rule_set_get_default ());

  check_fix_first_property (portfolio);
}

/* The sample with a portfolio-wide switch-off and plan overrides on top. */
static void
test_fix_first_overrides (void)
{
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (pacte_rule_set_get_default ());
  g_autoptr(PacteAnalysis) analysis = NULL;
  g_autoptr(PacteOverride) setting = g_object_new (PACTE_TYPE_OVERRIDE, NULL);
  g_autoptr(PacteOverride) plan_override = g_object_new (PACTE_TYPE_OVERRIDE, NULL);
  PactePlan *plan = pacte_portfolio_find_plan (portfolio, "plan-brightwater-connector");
  g_autoptr(GError) error = NULL;
  PacteFix fixes[16];
  guint n;

  g_assert_true (pacte_record_set_string (PACTE_RECORD (setting), PACTE_OVERRIDE_RULE_ID, "R02", &error));
  g_assert_true (pacte_record_set_boolean (PACTE_RECORD (setting), PACTE_OVERRIDE_DISABLED, 1, &error));
  pacte_record_list_insert (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_RULE_SETTINGS, 0, PACTE_RECORD (setting));
  g_assert_true (pacte_record_set_string (PACTE_RECORD (plan_override), PACTE_OVERRIDE_RULE_ID, "R01", &error));
  g_assert_true (pacte_record_set_boolean (PACTE_RECORD (plan_override), PACTE_OVERRIDE_DISABLED, 1, &error));
  g_assert_no_error (error);
  pacte_record_list_insert (PACTE_RECORD (plan), PACTE_PLAN_RULE_OVERRIDES, 0, PACTE_RECORD (plan_override));

  check_fix_first_property (portfolio);

  /* Brightwater had R01 and R02 amber: both are off now, so neither is a fix. */
  analysis = pacte_analysis_new_evaluate (pacte_rule_set_get_default (), portfolio, pacte_date_parse (TODAY), "en");
  for (guint i = 0; i < pacte_analysis_get_n_plans (analysis); i++)
    {
      n = pacte_analysis_get_fixes (analysis, i, fixes);
      for (guint f = 0; f < n; f++)
        {
          g_assert_cmpuint (fixes[f].rule_index, !=, 1);
          if (pacte_analysis_get_plan (analysis, i) == plan)
            g_assert_cmpuint (fixes[f].rule_index, !=, 0);
        }
      g_assert_cmpint (pacte_analysis_get_statuses (analysis, i)[1], ==, PACTE_STATUS_OFF);
    }
  g_assert_cmpuint (pacte_analysis_count (analysis, 1, PACTE_STATUS_OFF), ==, pacte_analysis_get_n_plans (analysis));
}

static void
test_fix_first_generated (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pacte-analysis-XXXXXX", NULL);
  const char *seeds[] = { "3", "17" };

  for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
    {
      g_autofree char *json = pacte_test_generate (dir, "gen.pacte.json", 60, 200, seeds[s]);
      g_autoptr(PactePortfolio) portfolio = pacte_test_load_path (json, pacte_rule_set_get_default ());
      g_autoptr(PacteAnalysis) analysis = pacte_analysis_new_evaluate (pacte_rule_set_get_default (), portfolio,
                                                                       pacte_date_parse (TODAY), "en");
      guint n_off = 0;

      /* The generator switches rules off: the property covers them. */
      for (guint r = 0; r < 16; r++)
        n_off += pacte_analysis_count (analysis, r, PACTE_STATUS_OFF);
      g_assert_cmpuint (n_off, >, 0);
      check_fix_first_property (portfolio);
    }
  pacte_test_remove_tree (dir);
}

/* The gains themselves, on plain lights: 16 rules, 10 green, 4 amber, 2 red
 * → 100 × 24 / 32 = 75; red → green: 100 × 26 / 32 = 81.25 → 81 (+6);
 * amber → green: 100 × 25 / 32 = 78.1 → 78 (+3). */
static void
test_fix_first_gains (void)
{
  PacteStatus statuses[16];
  PacteFix fixes[16];
  guint n;

  for (guint r = 0; r < 16; r++)
    statuses[r] = PACTE_STATUS_GREEN;
  statuses[3] = statuses[5] = statuses[6] = statuses[12] = PACTE_STATUS_AMBER;
  statuses[14] = statuses[2] = PACTE_STATUS_RED;
  g_assert_cmpint (pacte_score_from_counts (10, 4, 2), ==, 75);

  n = pacte_fix_first_plan (statuses, 16, fixes);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpuint (fixes[0].rule_index, ==, 2);
  g_assert_cmpint (fixes[0].status, ==, PACTE_STATUS_RED);
  g_assert_cmpint (fixes[0].gain, ==, 6);
  g_assert_cmpuint (fixes[1].rule_index, ==, 14);
  g_assert_cmpint (fixes[1].gain, ==, 6);
  g_assert_cmpuint (fixes[2].rule_index, ==, 3);
  g_assert_cmpint (fixes[2].gain, ==, 3);
  g_assert_cmpuint (fixes[5].rule_index, ==, 12);

  /* Every rule off but one red: fixing it gives 100. */
  for (guint r = 0; r < 16; r++)
    statuses[r] = PACTE_STATUS_OFF;
  statuses[7] = PACTE_STATUS_RED;
  n = pacte_fix_first_plan (statuses, 16, fixes);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (fixes[0].gain, ==, 100);

  /* All green or all off: nothing to fix. */
  statuses[7] = PACTE_STATUS_OFF;
  g_assert_cmpuint (pacte_fix_first_plan (statuses, 16, fixes), ==, 0);
}

/* ---- Totals ------------------------------------------------------------- */

static void
test_totals_sample (void)
{
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (pacte_rule_set_get_default ());
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  g_autoptr(PacteAnalysis) analysis = pacte_analysis_new_evaluate (rules, portfolio, pacte_date_parse (TODAY), "en");
  g_autofree char *path = pacte_test_fixture_path ("sample-expected-2027-03-15.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *expected;
  guint counts[16][4] = { { 0 } };
  guint buckets[PACTE_ANALYSIS_N_BUCKETS] = { 0 };
  guint n_scored = 0;
  double sum = 0;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  expected = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (expected), ==, pacte_analysis_get_n_plans (analysis));

  /* Recount from the expected lights, independently of the analysis. */
  for (guint i = 0; i < pacte_analysis_get_n_plans (analysis); i++)
    {
      PactePlan *plan = pacte_analysis_get_plan (analysis, i);
      JsonObject *lights = json_object_get_object_member (expected,
                                                          pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_ID));
      guint green = 0, amber = 0, red = 0;

      g_assert_nonnull (lights);
      for (guint r = 0; r < 16; r++)
        {
          PacteStatus status;

          g_assert_true (pacte_status_from_string (json_object_get_string_member (lights, pacte_rule_set_get_id (rules, r)),
                                                   &status));
          g_assert_cmpint (pacte_analysis_get_statuses (analysis, i)[r], ==, status);
          counts[r][status]++;
          green += status == PACTE_STATUS_GREEN;
          amber += status == PACTE_STATUS_AMBER;
          red += status == PACTE_STATUS_RED;
        }
      if (green + amber + red > 0)
        {
          double score = floor (100.0 * (green + amber / 2.0) / (green + amber + red) + 0.5);

          g_assert_cmpint (pacte_analysis_get_score (analysis, i), ==, (int) score);
          sum += score;
          n_scored++;
          buckets[MIN ((int) score / 10, 9)]++;
        }
    }
  for (guint r = 0; r < 16; r++)
    for (guint s = 0; s < 4; s++)
      g_assert_cmpuint (pacte_analysis_count (analysis, r, s), ==, counts[r][s]);
  g_assert_cmpuint (pacte_analysis_get_n_scored (analysis), ==, n_scored);
  g_assert_cmpfloat_with_epsilon (pacte_analysis_get_average (analysis), sum / n_scored, 1e-9);
  for (guint b = 0; b < PACTE_ANALYSIS_N_BUCKETS; b++)
    g_assert_cmpuint (pacte_analysis_get_bucket (analysis, b), ==, buckets[b]);
  /* The sample's R15 (a customer event) is switched off in one plan. */
  g_assert_cmpuint (pacte_analysis_count (analysis, 14, PACTE_STATUS_OFF), ==, 1);
}

static void
test_totals_empty (void)
{
  g_autoptr(PacteAnalysis) analysis = pacte_analysis_new (pacte_rule_set_get_default ());
  guint n;

  g_assert_cmpuint (pacte_analysis_get_n_plans (analysis), ==, 0);
  g_assert_true (isnan (pacte_analysis_get_average (analysis)));
  pacte_analysis_get_portfolio_fixes (analysis, &n);
  g_assert_cmpuint (n, ==, 0);
}

/* ---- Agenda ------------------------------------------------------------- */

/* today is 2027-03-15; the horizon is 30 days: 2027-04-14. */
static const char agenda_json[] =
  "{ \"format\": \"pacte-portfolio\", \"version\": 1, \"meta\": { \"title\": \"Agenda\" },\n"
  "  \"partners\": [ { \"id\": \"p-a\", \"name\": \"Acme\" } ],\n"
  "  \"plans\": [\n"
  "    { \"id\": \"plan-a\", \"name\": \"Plan A\", \"partners\": [\"p-a\"], \"owner\": \"Olivia Grant\",\n"
  "      \"period\": { \"start\": \"2026-01-01\" },\n"
  "      \"actions\": [\n"
  "        { \"id\": \"a-today\", \"title\": \"Due today\", \"due\": \"2027-03-15\", \"status\": \"planned\" },\n"
  "        { \"id\": \"a-yesterday\", \"title\": \"Overdue by a day\", \"due\": \"2027-03-14\", \"status\": \"in-progress\" },\n"
  "        { \"id\": \"a-done\", \"title\": \"Done long ago\", \"due\": \"2027-01-14\", \"status\": \"done\" },\n"
  "        { \"id\": \"a-cancelled\", \"title\": \"Cancelled\", \"due\": \"2027-03-01\", \"status\": \"cancelled\" },\n"
  "        { \"id\": \"a-horizon\", \"title\": \"Last day in\", \"due\": \"2027-04-14\" },\n"
  "        { \"id\": \"a-beyond\", \"title\": \"First day out\", \"due\": \"2027-04-15\", \"status\": \"planned\" },\n"
  "        { \"id\": \"a-undated\", \"title\": \"No date\", \"status\": \"planned\" } ],\n"
  "      \"decisions\": [\n"
  "        { \"question\": \"Waiting since yesterday?\", \"due\": \"2027-03-14\" },\n"
  "        { \"question\": \"Due today?\", \"due\": \"2027-03-15\" },\n"
  "        { \"question\": \"Answered?\", \"due\": \"2027-02-01\", \"outcome\": \"Yes\" } ],\n"
  "      \"governance\": [\n"
  "        { \"body\": \"Missed by a day\", \"owner\": \"Sam Brook\", \"cadence_days\": 30, \"last_met\": \"2027-02-12\" },\n"
  "        { \"body\": \"Meets today\", \"cadence_days\": 31, \"last_met\": \"2027-02-12\" },\n"
  "        { \"body\": \"No cadence\", \"last_met\": \"2026-01-01\" } ],\n"
  "      \"reviews\": [ { \"date\": \"2026-12-14\", \"statuses\": {} } ],\n"
  "      \"events\": [\n"
  "        { \"title\": \"Yesterday's fair\", \"date\": \"2027-03-14\" },\n"
  "        { \"title\": \"Today's webinar\", \"date\": \"2027-03-15\" },\n"
  "        { \"title\": \"Spring day\", \"date\": \"2027-04-14\" },\n"
  "        { \"title\": \"Too far\", \"date\": \"2027-04-15\" } ] },\n"
  "    { \"id\": \"plan-b\", \"name\": \"Plan B\", \"partners\": [\"p-a\"], \"owner\": \"Ben Hale\",\n"
  "      \"reviews\": [ { \"date\": \"2026-12-15\", \"statuses\": {} }, { \"date\": \"2026-11-01\", \"statuses\": {} } ] },\n"
  "    { \"id\": \"plan-c\", \"name\": \"Plan C never reviewed\", \"partners\": [\"p-a\"],\n"
  "      \"period\": { \"start\": \"2026-12-13\" } },\n"
  "    { \"id\": \"plan-d\", \"name\": \"Plan D not started\", \"partners\": [\"p-a\"],\n"
  "      \"period\": { \"start\": \"2027-06-01\" } }\n"
  "  ] }\n";

static void
test_agenda_boundaries (void)
{
  g_autoptr(PactePortfolio) portfolio = load_text (agenda_json);
  g_autoptr(GPtrArray) items = pacte_agenda_collect (portfolio, pacte_date_parse (TODAY), 30);
  /* kind, date, overdue, plan, key */
  static const struct { PacteAgendaKind kind; const char *date; gboolean overdue; const char *plan; const char *key; } expected[] = {
    /* Plan C started 2026-12-13 and was never reviewed. */
    { PACTE_AGENDA_REVIEW, "2027-03-13", TRUE, "plan-c", "plan-c" },
    /* Plan A's last review 2026-12-14 → due 2027-03-14, a day late. */
    { PACTE_AGENDA_ACTION, "2027-03-14", TRUE, "plan-a", "a-yesterday" },
    { PACTE_AGENDA_DECISION, "2027-03-14", TRUE, "plan-a", "Waiting since yesterday?" },
    { PACTE_AGENDA_MEETING, "2027-03-14", TRUE, "plan-a", "Missed by a day" },
    { PACTE_AGENDA_REVIEW, "2027-03-14", TRUE, "plan-a", "plan-a" },
    { PACTE_AGENDA_ACTION, "2027-03-15", FALSE, "plan-a", "a-today" },
    { PACTE_AGENDA_EVENT, "2027-03-15", FALSE, "plan-a", "Today's webinar" },
    { PACTE_AGENDA_ACTION, "2027-04-14", FALSE, "plan-a", "a-horizon" },
    { PACTE_AGENDA_EVENT, "2027-04-14", FALSE, "plan-a", "Spring day" },
  };
  guint n_overdue = 0;

  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < items->len; i++)
    {
      PacteAgendaItem *item = g_ptr_array_index (items, i);
      guint e = i;
      g_autofree char *date = pacte_date_format (item->date);

      g_test_message ("%s %s %s %s", pacte_agenda_kind_to_string (item->kind), date,
                      pacte_record_get_string (PACTE_RECORD (item->plan), PACTE_PLAN_ID), item->key);
      g_assert_cmpint (item->kind, ==, expected[e].kind);
      g_assert_cmpstr (date, ==, expected[e].date);
      g_assert_cmpint (item->overdue, ==, expected[e].overdue);
      g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (item->plan), PACTE_PLAN_ID), ==, expected[e].plan);
      g_assert_cmpstr (item->key, ==, expected[e].key);
      n_overdue += item->overdue;
    }
  g_assert_cmpuint (pacte_agenda_count_overdue (items), ==, n_overdue);
  /* The count the overview's summary shows, without making the agenda. */
  g_assert_cmpuint (pacte_agenda_count_overdue_at (portfolio, pacte_date_parse (TODAY)), ==, n_overdue);

  /* The body's own owner, else the plan's. */
  g_assert_cmpstr (((PacteAgendaItem *) g_ptr_array_index (items, 3))->owner, ==, "Sam Brook");
  g_assert_cmpstr (((PacteAgendaItem *) g_ptr_array_index (items, 1))->owner, ==, "Olivia Grant");
  g_assert_cmpstr (((PacteAgendaItem *) g_ptr_array_index (items, 1))->title, ==, "Overdue by a day");
  /* A review item's record is the plan itself. */
  g_assert_true (((PacteAgendaItem *) g_ptr_array_index (items, 0))->record
                 == PACTE_RECORD (pacte_portfolio_find_plan (portfolio, "plan-c")));
}

/* One day later everything due today becomes overdue, the meeting of today
 * is missed, and plan B (reviewed 2026-12-15) has gone more than a quarter
 * without a review. */
static void
test_agenda_next_day (void)
{
  g_autoptr(PactePortfolio) portfolio = load_text (agenda_json);
  g_autoptr(GPtrArray) today = pacte_agenda_collect (portfolio, pacte_date_parse ("2027-03-15"), 30);
  g_autoptr(GPtrArray) tomorrow = pacte_agenda_collect (portfolio, pacte_date_parse ("2027-03-16"), 30);
  g_autoptr(GPtrArray) later = pacte_agenda_collect (portfolio, pacte_date_parse ("2027-03-17"), 0);
  gboolean meets_today = FALSE, plan_b = FALSE, decision_today = FALSE, action_today_overdue = FALSE;

  for (guint i = 0; i < today->len; i++)
    {
      PacteAgendaItem *item = g_ptr_array_index (today, i);

      g_assert_false (g_str_equal (item->key, "Meets today"));
      g_assert_false (g_str_equal (item->key, "plan-b"));
      g_assert_false (g_str_equal (item->key, "Due today?"));
    }
  for (guint i = 0; i < tomorrow->len; i++)
    {
      PacteAgendaItem *item = g_ptr_array_index (tomorrow, i);

      meets_today |= g_str_equal (item->key, "Meets today") && item->overdue;
      decision_today |= g_str_equal (item->key, "Due today?") && item->overdue;
      action_today_overdue |= g_str_equal (item->key, "a-today") && item->overdue;
      plan_b |= g_str_equal (item->key, "plan-b") && item->overdue;
      /* Yesterday's event is gone. */
      g_assert_false (g_str_equal (item->key, "Today's webinar"));
    }
  g_assert_true (meets_today);
  g_assert_true (decision_today);
  g_assert_true (action_today_overdue);
  g_assert_true (plan_b);

  for (guint i = 0; i < later->len; i++)
    {
      PacteAgendaItem *item = g_ptr_array_index (later, i);

      /* With no days ahead, only what is overdue or due today. */
      g_assert_cmpuint (item->date, <=, pacte_date_parse ("2027-03-17"));
    }
  g_assert_cmpuint (later->len, >, 0);
}

/* The sample on its review day: every item follows its kind's rule. */
static void
test_agenda_sample (void)
{
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (pacte_rule_set_get_default ());
  guint32 today = pacte_date_parse (TODAY);
  g_autoptr(GPtrArray) items = pacte_agenda_collect (portfolio, today, 30);
  guint kinds[PACTE_AGENDA_N_KINDS] = { 0 };

  g_assert_cmpuint (items->len, >, 0);
  for (guint i = 0; i < items->len; i++)
    {
      PacteAgendaItem *item = g_ptr_array_index (items, i);

      if (i > 0)
        g_assert_cmpuint (((PacteAgendaItem *) g_ptr_array_index (items, i - 1))->date, <=, item->date);
      g_assert_cmpuint (item->date, <=, today + 30);
      g_assert_cmpint (item->overdue, ==, item->date < today);
      g_assert_cmpstr (item->key, !=, "");
      kinds[item->kind]++;
      if (item->kind == PACTE_AGENDA_ACTION)
        {
          const char *status = pacte_record_get_string (item->record, PACTE_ACTION_STATUS);

          g_assert_cmpstr (status, !=, "done");
          g_assert_cmpstr (status, !=, "cancelled");
        }
      if (item->kind != PACTE_AGENDA_ACTION && item->kind != PACTE_AGENDA_EVENT)
        g_assert_true (item->overdue);
    }
  g_assert_cmpuint (pacte_agenda_count_overdue (items), >, 0);
  g_assert_cmpuint (pacte_agenda_count_overdue_at (portfolio, today), ==, pacte_agenda_count_overdue (items));
  g_assert_cmpstr (pacte_agenda_kind_display_name (PACTE_AGENDA_REVIEW, "fr"), ==, "Revue à faire");
}

/* ---- Trend -------------------------------------------------------------- */

static const char trend_json[] =
  "{ \"format\": \"pacte-portfolio\", \"version\": 1, \"meta\": { \"title\": \"Trend\" },\n"
  "  \"partners\": [ { \"id\": \"p-a\", \"name\": \"Acme\" } ],\n"
  "  \"plans\": [ { \"id\": \"plan-a\", \"name\": \"Plan A\", \"partners\": [\"p-a\"],\n"
  "    \"reviews\": [\n"
  /* 10 green, 6 red → 100 × 20 / 32 = 62.5 → 63 */
  "      { \"date\": \"2027-02-01\", \"statuses\": { \"R01\": \"green\", \"R02\": \"green\", \"R03\": \"green\",\n"
  "        \"R04\": \"green\", \"R05\": \"green\", \"R06\": \"green\", \"R07\": \"green\", \"R08\": \"green\",\n"
  "        \"R09\": \"green\", \"R10\": \"green\", \"R11\": \"red\", \"R12\": \"red\", \"R13\": \"red\",\n"
  "        \"R14\": \"red\", \"R15\": \"red\", \"R16\": \"red\" } },\n"
  /* earlier, listed later: 3 green, 1 amber, 1 red, 1 off, the rest not
   * recorded → 100 × 7 / 10 = 70 */
  "      { \"date\": \"2026-11-01\", \"statuses\": { \"R01\": \"green\", \"R02\": \"green\", \"R03\": \"green\",\n"
  "        \"R04\": \"amber\", \"R05\": \"red\", \"R06\": \"off\" } },\n"
  /* nothing scored: no point */
  "      { \"date\": \"2027-01-01\", \"statuses\": { \"R06\": \"off\" } } ] } ] }\n";

static void
test_trend (void)
{
  g_autoptr(PactePortfolio) portfolio = load_text (trend_json);
  PactePlan *plan = pacte_portfolio_find_plan (portfolio, "plan-a");
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  g_autoptr(GArray) points = pacte_plan_trend (rules, plan, pacte_date_parse (TODAY), 81);
  g_autoptr(GArray) past = pacte_plan_trend (rules, plan, pacte_date_parse (TODAY), -1);
  PacteTrendPoint *p = (PacteTrendPoint *) points->data;
  int change = 0;

  g_assert_cmpuint (points->len, ==, 3);
  g_assert_cmpuint (p[0].date, ==, pacte_date_parse ("2026-11-01"));
  g_assert_cmpint (p[0].score, ==, 70);
  g_assert_false (p[0].current);
  g_assert_cmpuint (p[1].date, ==, pacte_date_parse ("2027-02-01"));
  g_assert_cmpint (p[1].score, ==, 63);
  g_assert_cmpuint (p[2].date, ==, pacte_date_parse (TODAY));
  g_assert_cmpint (p[2].score, ==, 81);
  g_assert_true (p[2].current);
  g_assert_cmpuint (past->len, ==, 2);

  g_assert_true (pacte_plan_change_since_review (rules, plan, 81, &change));
  g_assert_cmpint (change, ==, 18);
  g_assert_true (pacte_plan_change_since_review (rules, plan, 63, &change));
  g_assert_cmpint (change, ==, 0);
  g_assert_false (pacte_plan_change_since_review (rules, plan, -1, &change));
}

/* The sample's SGI plan: two reviews, then today's score. */
static void
test_trend_sample (void)
{
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (pacte_rule_set_get_default ());
  PactePlan *plan = pacte_portfolio_find_plan (portfolio, "plan-sgi-secteur-public");
  PactePlan *none = pacte_portfolio_find_plan (portfolio, "plan-brightwater-connector");
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  PacteRuleOutcome outcomes[16];
  int score = pacte_evaluate_plan (rules, portfolio, plan, pacte_date_parse (TODAY), "en", outcomes);
  g_autoptr(GArray) points = pacte_plan_trend (rules, plan, pacte_date_parse (TODAY), score);
  g_autoptr(GArray) single = pacte_plan_trend (rules, none, pacte_date_parse (TODAY), 50);
  int change;

  g_assert_cmpuint (points->len, ==, 3);
  /* 2026-12-08: 11 green, 5 amber → 100 × 27 / 32 = 84.4 → 84. */
  g_assert_cmpint (g_array_index (points, PacteTrendPoint, 0).score, ==, 84);
  g_assert_cmpint (g_array_index (points, PacteTrendPoint, 2).score, ==, score);
  g_assert_cmpuint (single->len, ==, 1);
  g_assert_false (pacte_plan_change_since_review (rules, none, 50, &change));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  pacte_i18n_init ();

  g_test_add_func ("/analysis/fix-first/gains", test_fix_first_gains);
  g_test_add_func ("/analysis/fix-first/sample", test_fix_first_sample);
  g_test_add_func ("/analysis/fix-first/overrides", test_fix_first_overrides);
  g_test_add_func ("/analysis/fix-first/generated", test_fix_first_generated);
  g_test_add_func ("/analysis/totals/sample", test_totals_sample);
  g_test_add_func ("/analysis/totals/empty", test_totals_empty);
  g_test_add_func ("/analysis/agenda/boundaries", test_agenda_boundaries);
  g_test_add_func ("/analysis/agenda/next-day", test_agenda_next_day);
  g_test_add_func ("/analysis/agenda/sample", test_agenda_sample);
  g_test_add_func ("/analysis/trend/reviews", test_trend);
  g_test_add_func ("/analysis/trend/sample", test_trend_sample);

  return g_test_run ();
}
