/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rule-summaries.c: evaluating from each plan's summary gives exactly
 * what running every check gives (status, explanation, where to fix it,
 * score), on the sample and on generated portfolios, with the default rules
 * and a rule file adapted by a user, through random edits of every kind
 * (fields of plans, items and partners, items removed, undo and redo,
 * rules tuned or switched off for a plan or for all, another day, another
 * language). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-document.h"
#include "pacte-i18n.h"
#include "pacte-rule-settings.h"
#include "pacte-rule-summaries-private.h"
#include "pacte-test-utils.h"

typedef struct
{
  PacteRuleSet   *rules;
  PactePortfolio *portfolio;
  guint32         today;
  const char     *lang;
  GRand          *rand;
  guint           n_compared;
} Fixture;

static void
assert_outcomes_equal (const PacteRuleOutcome *expected,
                       const PacteRuleOutcome *got,
                       guint                   n_rules,
                       const char             *plan_id,
                       const char             *step)
{
  for (guint r = 0; r < n_rules; r++)
    {
      if (expected[r].status != got[r].status
          || strcmp (expected[r].explanation, got[r].explanation) != 0
          || expected[r].fix.kind != got[r].fix.kind
          || expected[r].fix.record != got[r].fix.record
          || expected[r].fix.field != got[r].fix.field)
        g_error ("plan %s, rule %u, after %s: expected %d \"%s\" (fix %d %p %d), got %d \"%s\" (fix %d %p %d)",
                 plan_id, r, step,
                 expected[r].status, expected[r].explanation, expected[r].fix.kind,
                 (void *) expected[r].fix.record, expected[r].fix.field,
                 got[r].status, got[r].explanation, got[r].fix.kind,
                 (void *) got[r].fix.record, got[r].fix.field);
    }
}

/* Every plan, every check run against the summaries' evaluation. */
static void
compare_all (Fixture    *fx,
             const char *step)
{
  GListModel *plans = pacte_portfolio_get_plans (fx->portfolio);
  guint n_rules = pacte_rule_set_get_n_rules (fx->rules);
  g_autofree PacteRuleOutcome *expected = g_new0 (PacteRuleOutcome, n_rules);
  g_autofree PacteRuleOutcome *got = g_new0 (PacteRuleOutcome, n_rules);

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);
      int want = pacte_evaluate_plan_with (fx->rules, fx->portfolio, plan, fx->today, fx->lang,
                                           expected, NULL);
      int have = pacte_evaluate_plan (fx->rules, fx->portfolio, plan, fx->today, fx->lang, got);
      const char *id = pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_ID);

      assert_outcomes_equal (expected, got, n_rules, id, step);
      if (want != have)
        g_error ("plan %s, after %s: score %d expected, %d from the summary", id, step, want, have);
      fx->n_compared++;
    }
}

/* Every record below the portfolio, the portfolio first. */
static void
gather (PacteRecord *record,
        GPtrArray   *out)
{
  g_ptr_array_add (out, record);
  for (guint f = 0; f < pacte_record_get_n_fields (record); f++)
    if (pacte_record_get_field_info (record, f)->kind == PACTE_FIELD_LIST)
      {
        guint n;
        PacteRecord * const *items = pacte_record_get_items (record, f, &n);

        for (guint i = 0; i < n; i++)
          gather (items[i], out);
      }
}

static const char *
pick (Fixture            *fx,
      const char * const *values,
      guint               n)
{
  return values[g_rand_int_range (fx->rand, 0, n)];
}

/* A new value for a random field of a random record: values the rules
 * compare (choices, a few segments and names, recent dates, small counts). */
static void
edit_field (Fixture   *fx,
            GPtrArray *records,
            GString   *step)
{
  static const char * const texts[] = { "", "", "enterprise", "smb", "gold", "Ann", "public sector" };
  static const char * const quarters[] = { "", "2027-Q1", "2027-Q2", "2027-Q3", "2028-Q1", "2026-Q4" };
  static const char * const words[] = { "a", "b", "c" };
  PacteRecord *record = g_ptr_array_index (records, g_rand_int_range (fx->rand, 0, records->len));
  guint field = g_rand_int_range (fx->rand, 0, pacte_record_get_n_fields (record));
  const PacteFieldInfo *info = pacte_record_get_field_info (record, field);

  g_string_printf (step, "editing %s.%s", G_OBJECT_TYPE_NAME (record), info->json_path);
  /* Ids and names stay (references), lists are edited by removal. */
  if (info->required)
    return;
  switch (info->kind)
    {
    case PACTE_FIELD_STRING:
      pacte_record_set_string (record, field, pick (fx, texts, G_N_ELEMENTS (texts)), NULL);
      break;
    case PACTE_FIELD_CHOICE:
      {
        guint n = g_strv_length ((char **) info->choices);
        int i = g_rand_int_range (fx->rand, -1, n);

        pacte_record_set_string (record, field, i < 0 ? "" : info->choices[i], NULL);
      }
      break;
    case PACTE_FIELD_QUARTER:
      pacte_record_set_string (record, field, pick (fx, quarters, G_N_ELEMENTS (quarters)), NULL);
      break;
    case PACTE_FIELD_DATE:
      pacte_record_set_date (record, field,
                             g_rand_boolean (fx->rand) ? 0 : fx->today - g_rand_int_range (fx->rand, -30, 400),
                             NULL);
      break;
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      pacte_record_set_number (record, field,
                               g_rand_int_range (fx->rand, 0, 4) == 0 ? NAN : g_rand_int_range (fx->rand, 0, 5),
                               NULL);
      break;
    case PACTE_FIELD_BOOLEAN:
      pacte_record_set_boolean (record, field, g_rand_int_range (fx->rand, -1, 2), NULL);
      break;
    case PACTE_FIELD_STRV:
      {
        const char *strv[4] = { NULL };
        guint n = g_rand_int_range (fx->rand, 0, 4);

        for (guint i = 0; i < n; i++)
          strv[i] = words[i];
        /* A plan's partners must exist: refused, and nothing changes. */
        pacte_record_set_strv (record, field, strv, NULL);
      }
      break;
    case PACTE_FIELD_LIST:
    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
    default:
      break;
    }
}

static void
remove_item (Fixture   *fx,
             GPtrArray *records,
             GString   *step)
{
  PacteRecord *record = g_ptr_array_index (records, g_rand_int_range (fx->rand, 0, records->len));

  for (guint f = 0; f < pacte_record_get_n_fields (record); f++)
    {
      guint n;

      if (pacte_record_get_field_info (record, f)->kind != PACTE_FIELD_LIST)
        continue;
      pacte_record_get_items (record, f, &n);
      if (n == 0)
        continue;
      g_string_printf (step, "removing an item of %s.%s", G_OBJECT_TYPE_NAME (record),
                       pacte_record_get_field_info (record, f)->json_path);
      pacte_record_list_remove (record, f, g_rand_int_range (fx->rand, 0, n));
      return;
    }
}

/* Tunes, switches off or on a random rule for the portfolio or a plan. */
static void
edit_setting (Fixture   *fx,
              GPtrArray *records,
              GString   *step)
{
  guint n_rules = pacte_rule_set_get_n_rules (fx->rules);
  guint index = g_rand_int_range (fx->rand, 0, n_rules);
  const char *rule_id = pacte_rule_set_get_id (fx->rules, index);
  PacteRecord *owner = PACTE_RECORD (fx->portfolio);
  const char * const *names = pacte_rule_set_get_param_names (fx->rules, index);
  guint n_params = names != NULL ? g_strv_length ((char **) names) : 0;

  if (g_rand_boolean (fx->rand))
    {
      GListModel *plans = pacte_portfolio_get_plans (fx->portfolio);
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, g_rand_int_range (fx->rand, 0, g_list_model_get_n_items (plans)));

      owner = PACTE_RECORD (plan);
    }
  switch (g_rand_int_range (fx->rand, 0, 3))
    {
    case 0:
      g_string_printf (step, "switching %s off for %s", rule_id, G_OBJECT_TYPE_NAME (owner));
      pacte_rule_settings_switch_off (fx->rules, fx->portfolio, owner, rule_id,
                                      g_rand_boolean (fx->rand) ? "not for this partner" : "", NULL);
      break;
    case 1:
      g_string_printf (step, "switching %s on for %s", rule_id, G_OBJECT_TYPE_NAME (owner));
      pacte_rule_settings_switch_on (fx->rules, fx->portfolio, owner, rule_id, NULL);
      break;
    default:
      {
        double values[16];

        g_string_printf (step, "tuning %s for %s", rule_id, G_OBJECT_TYPE_NAME (owner));
        if (n_params == 0)
          return;
        for (guint p = 0; p < n_params && p < G_N_ELEMENTS (values); p++)
          values[p] = pacte_effective_param (fx->rules, fx->portfolio,
                                             PACTE_IS_PLAN (owner) ? PACTE_PLAN (owner) : NULL,
                                             index, names[p]) + g_rand_int_range (fx->rand, 0, 3);
        /* Values that break the rule's limits are refused: nothing changes. */
        pacte_rule_settings_set_params (fx->rules, fx->portfolio, owner, rule_id, values, NULL);
      }
      break;
    }
  (void) records;
}

/* Removes a partner that a plan names (the plan then names one that is
 * not there; undo brings it back). */
static void
remove_partner (Fixture *fx,
                GString *step)
{
  GListModel *plans = pacte_portfolio_get_plans (fx->portfolio);
  g_autoptr(PactePlan) plan = g_list_model_get_item (plans, g_rand_int_range (fx->rand, 0, g_list_model_get_n_items (plans)));
  const char * const *ids = pacte_record_get_strv (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS);
  PactePartner *partner = ids[0] != NULL ? pacte_portfolio_find_partner (fx->portfolio, ids[0]) : NULL;
  guint position;

  g_string_assign (step, "removing a partner");
  if (partner != NULL
      && pacte_item_list_find (PACTE_ITEM_LIST (pacte_portfolio_get_partners (fx->portfolio)),
                               PACTE_RECORD (partner), &position))
    pacte_record_list_remove (PACTE_RECORD (fx->portfolio), PACTE_PORTFOLIO_PARTNERS, position);
}

static void
random_edits (Fixture *fx,
              guint    n_steps)
{
  g_autoptr(GString) step = g_string_new (NULL);

  compare_all (fx, "loading");
  for (guint s = 0; s < n_steps; s++)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new ();
      guint kind = g_rand_int_range (fx->rand, 0, 21);

      gather (PACTE_RECORD (fx->portfolio), records);
      if (kind < 10)
        edit_field (fx, records, step);
      else if (kind < 12)
        remove_item (fx, records, step);
      else if (kind < 14)
        {
          g_string_assign (step, "undo");
          pacte_portfolio_undo (fx->portfolio);
        }
      else if (kind < 15)
        {
          g_string_assign (step, "redo");
          pacte_portfolio_redo (fx->portfolio);
        }
      else if (kind < 18)
        edit_setting (fx, records, step);
      else if (kind < 19)
        {
          g_string_assign (step, "another day");
          fx->today += g_rand_int_range (fx->rand, 1, 40);
        }
      else if (kind < 20)
        remove_partner (fx, step);
      else
        {
          g_string_assign (step, "another language");
          fx->lang = strcmp (fx->lang, "en") == 0 ? "fr" : "en";
        }
      compare_all (fx, step->str);
    }
}

static void
run_on (PactePortfolio *portfolio,
        PacteRuleSet   *rules,
        guint32         seed,
        guint           n_steps)
{
  g_autoptr(PacteRuleSummaries) summaries = pacte_rule_summaries_attach (portfolio, rules);
  Fixture fx = { rules, portfolio, pacte_date_parse ("2027-03-15"), "en", g_rand_new_with_seed (seed), 0 };
  guint64 runs;

  /* Made once, then read: a second evaluation of unchanged plans runs no
   * check. */
  compare_all (&fx, "the first evaluation");
  runs = pacte_rule_summaries_get_n_runs (summaries);
  g_assert_cmpuint (runs, >, 0);
  compare_all (&fx, "the second evaluation");
  g_assert_cmpuint (pacte_rule_summaries_get_n_runs (summaries), ==, runs);

  random_edits (&fx, n_steps);
  g_assert_cmpuint (fx.n_compared, >, n_steps);
  g_rand_free (fx.rand);
}

static void
test_sample (void)
{
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (rules);

  for (guint seed = 1; seed <= 3; seed++)
    {
      g_autoptr(PactePortfolio) copy = pacte_test_load_sample (rules);

      run_on (copy, rules, seed, 400);
    }
  /* Without summaries, pacte_evaluate_plan runs every check (the command
   * line): no summaries were attached to this one. */
  g_assert_null (pacte_rule_summaries_lookup (portfolio, rules));
}

/* tests/bench/gen-portfolio.py, small. */
static PactePortfolio *
generate (PacteRuleSet *rules,
          guint         partners,
          guint         plans,
          guint         seed)
{
  g_autofree char *script = g_build_filename (g_getenv ("PACTE_SOURCE_ROOT"), "tests", "bench",
                                              "gen-portfolio.py", NULL);
  g_autofree char *n_partners = g_strdup_printf ("%u", partners);
  g_autofree char *n_plans = g_strdup_printf ("%u", plans);
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  const char *argv[] = { "python3", script, "--partners", n_partners, "--plans", n_plans,
                         "--seed", seed_text, "-o", "-", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int status;
  PactePortfolio *portfolio;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&out), strlen (out));
  portfolio = pacte_portfolio_load_bytes (bytes, "generated", rules, &error);
  g_assert_no_error (error);
  return portfolio;
}

static void
test_generated (void)
{
  PacteRuleSet *rules = pacte_rule_set_get_default ();

  for (guint seed = 1; seed <= 4; seed++)
    {
      g_autoptr(PactePortfolio) portfolio = generate (rules, 12, 6, seed);

      run_on (portfolio, rules, 100 + seed, 300);
    }
}

/* The rule file as a user may adapt it: other parameters and severities, a
 * rule removed; still the same results both ways. */
static PacteRuleSet *
adapted_rules (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("PACTE_SOURCE_ROOT"), "data", "rules",
                                            "golden-rules.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonArray *rules;
  PacteRuleSet *set;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  rules = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "rules");
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *rule = json_array_get_object_element (rules, i);
      JsonArray *checks = json_object_get_array_member (rule, "checks");
      JsonObject *params = json_object_has_member (rule, "params")
                           ? json_object_get_object_member (rule, "params") : NULL;

      for (guint c = 0; c < json_array_get_length (checks); c++)
        {
          JsonObject *check = json_array_get_object_element (checks, c);

          /* Every second check of a rule the other severity. */
          if (c % 2 == 1)
            json_object_set_string_member (check, "severity",
                                           strcmp (json_object_get_string_member (check, "severity"), "red") == 0
                                           ? "amber" : "red");
        }
      if (params != NULL && json_object_has_member (params, "min_actions"))
        json_object_set_int_member (params, "min_actions", 1);
    }
  json_array_remove_element (rules, json_array_get_length (rules) - 1);
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  bytes = g_bytes_new_take (g_steal_pointer (&text), strlen (text));
  set = pacte_rule_set_new_from_bytes (bytes, "adapted-rules.json", &error);
  g_assert_no_error (error);
  return set;
}

static void
test_adapted_rules (void)
{
  g_autoptr(PacteRuleSet) rules = adapted_rules ();
  g_autoptr(PactePortfolio) sample = pacte_test_load_sample (rules);
  g_autoptr(PactePortfolio) generated = generate (rules, 12, 6, 7);

  g_assert_cmpuint (pacte_rule_set_get_n_rules (rules), ==,
                    pacte_rule_set_get_n_rules (pacte_rule_set_get_default ()) - 1);
  run_on (sample, rules, 11, 300);
  run_on (generated, rules, 12, 300);
}

/* Summaries belong to the thread that attached them: an evaluation in
 * another thread (a report exported in the background) runs every check
 * and leaves them alone. */
static gpointer
evaluate_in_thread (gpointer data)
{
  PactePortfolio *portfolio = data;
  PacteRuleSet *rules = pacte_rule_set_get_default ();

  return GINT_TO_POINTER (pacte_rule_summaries_lookup (portfolio, rules) == NULL);
}

static void
test_other_thread (void)
{
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (rules);
  g_autoptr(PacteRuleSummaries) summaries = pacte_rule_summaries_attach (portfolio, rules);
  GThread *thread = g_thread_new ("evaluate", evaluate_in_thread, portfolio);

  g_assert_nonnull (pacte_rule_summaries_lookup (portfolio, rules));
  g_assert_true (GPOINTER_TO_INT (g_thread_join (thread)));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = data;

  g_assert_true (pacte_document_load_finish (PACTE_DOCUMENT (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* Opening a file makes the summaries in the load's thread: the first
 * evaluation of every plan after it (for today) runs no check. */
static void
test_made_by_load (void)
{
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  g_autoptr(PacteDocument) document = pacte_document_new (NULL, rules);
  g_autofree char *path = pacte_test_sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PacteRuleSummaries) summaries = NULL;
  guint32 today = pacte_rule_summaries_today ();
  gboolean done = FALSE;
  Fixture fx = { rules, NULL, today, "en", NULL, 0 };
  guint64 runs;

  pacte_document_load_async (document, file, NULL, loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  fx.portfolio = pacte_document_get_portfolio (document);
  summaries = pacte_rule_summaries_attach (fx.portfolio, rules);
  runs = pacte_rule_summaries_get_n_runs (summaries);
  g_assert_cmpuint (runs, >, 0);
  compare_all (&fx, "opening the file");
  /* (Unless the day changed meanwhile.) */
  if (pacte_rule_summaries_today () == today)
    g_assert_cmpuint (pacte_rule_summaries_get_n_runs (summaries), ==, runs);
}

int
main (int   argc,
      char *argv[])
{
  pacte_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rule-summaries/sample", test_sample);
  g_test_add_func ("/rule-summaries/generated", test_generated);
  g_test_add_func ("/rule-summaries/adapted-rules", test_adapted_rules);
  g_test_add_func ("/rule-summaries/other-thread", test_other_thread);
  g_test_add_func ("/rule-summaries/made-by-load", test_made_by_load);
  return g_test_run ();
}
