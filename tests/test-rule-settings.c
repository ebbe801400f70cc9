/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rule-settings.c: parameter limits kept by the rule file, the
 * portfolio's rule_settings and a plan's overrides at load; rule settings
 * edited for a plan or for every plan, one undo step each; greens that
 * rest on nothing recorded say so. */
#include "config.h"

#include <string.h>

#include "pacte-portfolio.h"
#include "pacte-rule-settings.h"
#include "pacte-rules.h"

#define TODAY "2027-03-15"

static const char portfolio_json[] =
  "{ \"format\": \"pacte-portfolio\", \"version\": 1,\n"
  "  \"meta\": { \"title\": \"Tests\", \"language\": \"en\" },\n"
  "  \"rule_settings\": %s,\n"
  "  \"plans\": [ { \"id\": \"first\", \"name\": \"First\" },\n"
  "              { \"id\": \"meridian\", \"name\": \"Meridian #19\", \"rule_overrides\": %s } ] }\n";

static PactePortfolio *
load (const char  *settings,
      const char  *overrides,
      GError     **error)
{
  g_autofree char *text = g_strdup_printf (portfolio_json, settings, overrides);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return pacte_portfolio_load_bytes (bytes, "team.pacte.json", pacte_rule_set_get_default (), error);
}

static void
assert_refused (const char *settings,
                const char *overrides,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = load (settings, overrides, &error);

  g_assert_null (portfolio);
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, expected);
}

/* Amber after 200 days with red after 90 is refused with its JSON path,
 * wherever it is written, and so is a plan whose own value contradicts the
 * portfolio's. */
static void
test_load_refuses_contradictions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) fine = NULL;

  assert_refused ("{ \"R09\": { \"params\": { \"amber_days\": 200 } } }", "{}",
                  "team.pacte.json: rule_settings.R09.params: amber_days is 200 but must be at most "
                  "red_days (90); the parameters of R09 contradict each other");
  assert_refused ("{}", "{ \"R09\": { \"params\": { \"amber_days\": 200, \"red_days\": 90 } } }",
                  "team.pacte.json: plans[1].rule_overrides.R09.params: amber_days is 200 but must be at most "
                  "red_days (90); the parameters of R09 contradict each other");
  /* Each alone is fine; together they contradict in the plan. */
  assert_refused ("{ \"R09\": { \"params\": { \"red_days\": 50 } } }",
                  "{ \"R09\": { \"params\": { \"amber_days\": 60 } } }",
                  "team.pacte.json: plans[1].rule_overrides.R09.params: amber_days is 60 but must be at most "
                  "red_days (50); the parameters of R09 contradict each other");
  /* A share is at most 1, a count at least 1. */
  assert_refused ("{ \"R12\": { \"params\": { \"min_linked_ratio\": 1.5 } } }", "{}",
                  "team.pacte.json: rule_settings.R12.params: min_linked_ratio is 1.5 but must be at most 1; "
                  "the parameters of R12 contradict each other");
  assert_refused ("{}", "{ \"R04\": { \"params\": { \"min_levels\": 0 } } }",
                  "team.pacte.json: plans[1].rule_overrides.R04.params: min_levels is 0 but must be at least 1; "
                  "the parameters of R04 contradict each other");

  fine = load ("{ \"R09\": { \"params\": { \"red_days\": 50 } } }",
               "{ \"R09\": { \"params\": { \"amber_days\": 50 } } }", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fine);
}

static void
assert_rules_refused (const char *rule_members,
                      const char *expected)
{
  g_autofree char *text = g_strdup_printf (
    "{ \"format\": \"pacte-rules\", \"version\": 1, \"rules\": [ { \"id\": \"R09\", \"number\": 9,"
    " \"title\": { \"en\": \"t\", \"fr\": \"t\" }, \"statement\": { \"en\": \"s\", \"fr\": \"s\" },"
    " \"advice\": { \"en\": \"a\", \"fr\": \"a\" }, \"green\": { \"en\": \"g\", \"fr\": \"g\" },"
    " \"checks\": [], %s } ] }", rule_members);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(PacteRuleSet) rules = pacte_rule_set_new_from_bytes (bytes, "my-rules.json", &error);

  g_assert_null (rules);
  g_assert_error (error, PACTE_RULES_ERROR, PACTE_RULES_ERROR_INVALID);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” should say “%s”", error->message, expected);
}

/* A rule file whose own defaults break its limits, or whose limits name
 * what the rule does not have, is refused with the JSON path. */
static void
test_rule_file_limits (void)
{
  assert_rules_refused ("\"params\": { \"amber_days\": 200, \"red_days\": 90 },"
                        " \"param_limits\": { \"amber_days\": { \"at_most\": \"red_days\" } }",
                        "rules[0].params.amber_days: amber_days is 200 but must be at most red_days (90)");
  assert_rules_refused ("\"params\": { \"amber_days\": 20 }, \"param_limits\": { \"red_days\": { \"at_least\": 1 } }",
                        "rules[0].param_limits.red_days: unknown parameter \"red_days\" of this rule");
  assert_rules_refused ("\"params\": { \"amber_days\": 20 }, \"param_limits\": { \"amber_days\": { \"below\": 1 } }",
                        "rules[0].param_limits.amber_days.below: unknown bound");
  assert_rules_refused ("\"params\": { \"amber_days\": 20 }, \"param_limits\": { \"amber_days\": { \"at_most\": \"amber_days\" } }",
                        "rules[0].param_limits.amber_days.at_most: a parameter cannot bound itself");
  assert_rules_refused ("\"green_cases\": [ { \"text\": { \"en\": \"x\", \"fr\": \"x\" } } ]",
                        "rules[0].green_cases[0]: a green case needs \"when\"");
  assert_rules_refused ("\"green_cases\": [ { \"when\": [ { \"field\": \"bogus\", \"set\": true } ], \"text\": { \"en\": \"x\", \"fr\": \"x\" } } ]",
                        "rules[0].green_cases[0].when[0]");

  {
    PacteRuleSet *rules = pacte_rule_set_get_default ();
    int r12 = pacte_rule_set_find (rules, "R12");
    double min, max;

    pacte_rule_set_get_param_range (rules, r12, "min_linked_ratio", &min, &max);
    g_assert_cmpfloat (min, ==, 0);
    g_assert_cmpfloat (max, ==, 1);
  }
}

static guint32
today (void)
{
  return pacte_date_parse (TODAY);
}

static const PacteRuleOutcome *
outcome (PactePortfolio   *portfolio,
         guint             plan_index,
         const char       *rule_id,
         const char       *lang,
         PacteRuleOutcome *outcomes)
{
  g_autoptr(PactePlan) plan = g_list_model_get_item (pacte_portfolio_get_plans (portfolio), plan_index);

  pacte_evaluate_plan (pacte_rule_set_get_default (), portfolio, plan, today (), lang, outcomes);
  return &outcomes[pacte_rule_set_find (pacte_rule_set_get_default (), rule_id)];
}

/* An empty plan: R03 and R08 stay green (the rules as specified), but say
 * that nothing is recorded to judge; once something is, the usual green. */
static void
test_nothing_to_judge (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = load ("{}", "{}", &error);
  g_autoptr(PactePlan) plan = g_list_model_get_item (pacte_portfolio_get_plans (portfolio), 0);
  PacteRuleOutcome outcomes[32];
  const PacteRuleOutcome *o;

  g_assert_no_error (error);
  o = outcome (portfolio, 0, "R03", "en", outcomes);
  g_assert_cmpint (o->status, ==, PACTE_STATUS_GREEN);
  g_assert_cmpstr (o->explanation, ==, "Nothing to judge yet: no sponsor and no executive decision are recorded.");
  o = outcome (portfolio, 0, "R08", "fr", outcomes);
  g_assert_cmpint (o->status, ==, PACTE_STATUS_GREEN);
  g_assert_cmpstr (o->explanation, ==, "Rien à juger pour l’instant\u00a0: ni accord ni intervention des juristes ne sont enregistrés.");

  g_assert_true (pacte_record_set_string (PACTE_RECORD (plan), pacte_record_find_field (PACTE_RECORD (plan), "sponsor-name"),
                                          "Sam Brook", NULL));
  o = outcome (portfolio, 0, "R03", "en", outcomes);
  g_assert_cmpint (o->status, ==, PACTE_STATUS_GREEN);
  g_assert_cmpstr (o->explanation, ==, "Executives come in at the right time, facing clear choices.");
}

/* One empty Log Activity click does not keep the momentum: an entry
 * counts for R09 once it has a note. */
static void
test_activity_needs_a_note (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = load ("{}", "{}", &error);
  g_autoptr(PactePlan) plan = g_list_model_get_item (pacte_portfolio_get_plans (portfolio), 0);
  g_autoptr(PacteRecord) entry = g_object_new (PACTE_TYPE_ACTIVITY, NULL);
  PacteRuleOutcome outcomes[32];
  const PacteRuleOutcome *o;

  g_assert_no_error (error);
  g_assert_true (pacte_record_set_date (entry, PACTE_ACTIVITY_DATE, today (), NULL));
  pacte_record_list_insert (PACTE_RECORD (plan), PACTE_PLAN_ACTIVITY, 0, entry);
  o = outcome (portfolio, 0, "R09", "en", outcomes);
  g_assert_cmpint (o->status, ==, PACTE_STATUS_RED);
  g_assert_cmpstr (o->explanation, ==, "No activity is recorded up to today.");

  g_assert_true (pacte_record_set_string (entry, PACTE_ACTIVITY_NOTE, "Called Alice about the offer", NULL));
  o = outcome (portfolio, 0, "R09", "en", outcomes);
  g_assert_cmpint (o->status, ==, PACTE_STATUS_GREEN);
}

/* Tuning for every plan is refused when a plan that tunes the rule itself
 * would then contradict itself; tuning and switching off are one undo step
 * each, named after the rule. */
static void
test_edits (void)
{
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = load ("{}", "{ \"R09\": { \"params\": { \"amber_days\": 60 } } }", &error);
  g_autoptr(PactePlan) meridian = g_list_model_get_item (pacte_portfolio_get_plans (portfolio), 1);
  PacteRecord *owner = PACTE_RECORD (portfolio);
  guint r09 = (guint) pacte_rule_set_find (rules, "R09");
  double values[2];
  PacteParamBreak broken;
  PactePlan *concerned = NULL;

  g_assert_no_error (error);
  values[0] = 30;
  values[1] = 50;  /* red after 50 days: Meridian's amber after 60 contradicts it */
  g_assert_false (pacte_rule_settings_check (rules, portfolio, owner, r09, values, &broken, &concerned));
  g_assert_true (concerned == meridian);
  g_assert_false (pacte_rule_settings_set_params (rules, portfolio, owner, "R09", values, &error));
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Meridian #19"));
  g_assert_null (pacte_portfolio_find_setting (portfolio, "R09"));
  g_assert_false (pacte_portfolio_can_undo (portfolio));
  g_clear_error (&error);

  values[1] = 120;
  g_assert_true (pacte_rule_settings_set_params (rules, portfolio, owner, "R09", values, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (pacte_effective_param (rules, portfolio, NULL, r09, "red_days"), ==, 120);
  g_assert_cmpstr (pacte_portfolio_get_undo_label (portfolio), ==, "Tune R09 for All Plans");

  g_assert_true (pacte_rule_settings_switch_off (rules, portfolio, owner, "R13", "No events this year", &error));
  g_assert_cmpstr (pacte_portfolio_get_undo_label (portfolio), ==, "Switch Off R13 for All Plans");
  pacte_portfolio_undo (portfolio);
  g_assert_null (pacte_portfolio_find_setting (portfolio, "R13"));
  pacte_portfolio_undo (portfolio);
  g_assert_null (pacte_portfolio_find_setting (portfolio, "R09"));

  /* A plan's own contradictory values are refused too. */
  values[0] = 200;
  values[1] = 90;
  g_assert_false (pacte_rule_settings_set_params (rules, portfolio, PACTE_RECORD (meridian), "R09", values, &error));
  g_assert_nonnull (strstr (error->message, "amber_days is 200 but must be at most red_days (90)"));
  g_assert_cmpfloat (pacte_effective_param (rules, portfolio, meridian, r09, "amber_days"), ==, 60);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rule-settings/load-refuses-contradictions", test_load_refuses_contradictions);
  g_test_add_func ("/rule-settings/rule-file-limits", test_rule_file_limits);
  g_test_add_func ("/rule-settings/nothing-to-judge", test_nothing_to_judge);
  g_test_add_func ("/rule-settings/activity-needs-a-note", test_activity_needs_a_note);
  g_test_add_func ("/rule-settings/edits", test_edits);
  return g_test_run ();
}
