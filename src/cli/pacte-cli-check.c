/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-cli-check.c: pacte --check FILE — the golden rules of every plan (or
 * one) as a table or as JSON (docs/cli.md). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pacte-cli.h"
#include "pacte-i18n.h"

/* Display width of UTF-8 text, in characters (enough for the table). */
static glong
text_width (const char *text)
{
  return g_utf8_strlen (text, -1);
}

static void
print_padded (const char *text,
              glong       width)
{
  fputs (text, stdout);
  for (glong i = text_width (text); i < width; i++)
    fputc (' ', stdout);
}

static gboolean
is_at_least (PacteStatus status,
             PacteStatus threshold)
{
  if (status == PACTE_STATUS_OFF)
    return FALSE;
  if (threshold == PACTE_STATUS_RED)
    return status == PACTE_STATUS_RED;
  return status == PACTE_STATUS_AMBER || status == PACTE_STATUS_RED;
}

/* A data warning: the plan's period ends before it starts (the editors
 * refuse it, a file may hold it).  NULL when there is none. */
static char *
period_warning (PactePlan  *plan,
                const char *lang)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  GString *text;

  if (!pacte_plan_period_inverted (plan))
    return NULL;
  start = pacte_date_format (pacte_record_get_date (PACTE_RECORD (plan), PACTE_PLAN_PERIOD_START));
  end = pacte_date_format (pacte_record_get_date (PACTE_RECORD (plan), PACTE_PLAN_PERIOD_END));
  /* Placeholders, not printf: the pattern is looked up in the output's language. */
  text = g_string_new (pacte_gettext_lang (lang, N_("Warning: the period ends on {end}, before it starts on {start}.")));
  g_string_replace (text, "{end}", end, 0);
  g_string_replace (text, "{start}", start, 0);
  return g_string_free (text, FALSE);
}

static void
print_plan_text (PacteRuleSet     *rules,
                 PactePlan        *plan,
                 int               score,
                 PacteRuleOutcome *outcomes,
                 const char       *lang,
                 gboolean          first)
{
  guint n_rules = pacte_rule_set_get_n_rules (rules);
  glong status_width = 0, title_width = 0, id_width = 0;
  g_autofree char *name = pacte_cli_escape (pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME));
  g_autofree char *id = pacte_cli_escape (pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_ID));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  /* Everything from the file or the rule set is escaped before it is
   * measured: the columns line up on what the terminal shows. */
  for (guint r = 0; r < n_rules; r++)
    {
      char *rule_id = pacte_cli_escape (pacte_rule_set_get_id (rules, r));
      char *title = pacte_cli_escape (pacte_rule_set_get_title (rules, r, lang));

      g_ptr_array_add (ids, rule_id);
      g_ptr_array_add (titles, title);
      id_width = MAX (id_width, text_width (rule_id));
      status_width = MAX (status_width, text_width (pacte_status_display_name (outcomes[r].status, lang)));
      title_width = MAX (title_width, text_width (title));
    }

  if (!first)
    fputc ('\n', stdout);
  printf ("%s (%s)\n", name, id);
  if (score >= 0)
    printf ("%s %d/100\n", pacte_gettext_lang (lang, N_("Score:")), score);
  else
    printf ("%s\n", pacte_gettext_lang (lang, N_("No score: every rule is switched off.")));
  {
    g_autofree char *warning = period_warning (plan, lang);

    if (warning != NULL)
      printf ("%s\n", warning);
  }

  for (guint r = 0; r < n_rules; r++)
    {
      g_autofree char *explanation = pacte_cli_escape (outcomes[r].explanation);

      fputs ("  ", stdout);
      print_padded (g_ptr_array_index (ids, r), id_width + 2);
      print_padded (pacte_status_display_name (outcomes[r].status, lang), status_width + 2);
      print_padded (g_ptr_array_index (titles, r), title_width + 2);
      fputs (explanation, stdout);
      fputc ('\n', stdout);
    }
}

static JsonNode *
plan_json (PacteRuleSet     *rules,
           PactePlan        *plan,
           int               score,
           PacteRuleOutcome *outcomes,
           const char       *lang)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_rules = pacte_rule_set_get_n_rules (rules);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_ID));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME));
  json_builder_set_member_name (builder, "score");
  if (score >= 0)
    json_builder_add_int_value (builder, score);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  {
    g_autofree char *warning = period_warning (plan, lang);

    if (warning != NULL)
      json_builder_add_string_value (builder, warning);
  }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rules");
  json_builder_begin_array (builder);
  for (guint r = 0; r < n_rules; r++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, pacte_rule_set_get_id (rules, r));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, pacte_status_to_string (outcomes[r].status));
      json_builder_set_member_name (builder, "explanation");
      json_builder_add_string_value (builder, outcomes[r].explanation);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

int
pacte_cli_check (PacteCliOptions *options)
{
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autofree PacteRuleOutcome *outcomes = NULL;
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonArray) json_plans = NULL;
  g_autofree char *date = NULL;
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  PacteStatus threshold = PACTE_STATUS_OFF;
  gboolean failed = FALSE;
  guint n_conflicts = 0;
  g_autoptr(PacteCliJunit) junit = NULL;
  const char *lang;

  portfolio = pacte_cli_load (options->check_file);
  if (portfolio == NULL)
    return PACTE_CLI_EXIT_BAD_FILE;
  lang = pacte_cli_language (options, portfolio);
  if (lang == NULL)
    return PACTE_CLI_EXIT_BAD_FILE;

  if (options->plan != NULL)
    {
      PactePlan *plan = pacte_portfolio_find_plan (portfolio, options->plan);

      if (plan == NULL)
        {
          pacte_cli_error (_("no plan with id “%s” in %s"), options->plan, options->check_file);
          return PACTE_CLI_EXIT_USAGE;
        }
      g_ptr_array_add (plans, g_object_ref (plan));
    }
  else
    {
      GListModel *list = pacte_portfolio_get_plans (portfolio);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (plans, g_list_model_get_item (list, i));
    }

  if (options->fail_on != NULL)
    pacte_status_from_string (options->fail_on, &threshold);

  outcomes = g_new0 (PacteRuleOutcome, MAX (pacte_rule_set_get_n_rules (rules), 1));
  if (options->junit != NULL)
    junit = pacte_cli_junit_new (lang, threshold);
  if (options->json)
    json_plans = json_array_new ();
  else
    n_conflicts = pacte_cli_print_conflicts (portfolio, lang, NULL);

  for (guint i = 0; i < plans->len; i++)
    {
      PactePlan *plan = g_ptr_array_index (plans, i);
      int score = pacte_evaluate_plan (rules, portfolio, plan, options->today, lang, outcomes);

      for (guint r = 0; r < pacte_rule_set_get_n_rules (rules); r++)
        if (threshold != PACTE_STATUS_OFF && is_at_least (outcomes[r].status, threshold))
          failed = TRUE;

      if (junit != NULL)
        pacte_cli_junit_add_plan (junit, rules, plan, score, outcomes);
      if (options->json)
        json_array_add_element (json_plans, plan_json (rules, plan, score, outcomes, lang));
      else
        print_plan_text (rules, plan, score, outcomes, lang, i == 0);
    }

  if (options->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(JsonNode) plans_node = json_node_new (JSON_NODE_ARRAY);
      g_autofree char *text = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *file_name = g_filename_display_name (options->check_file);

      date = pacte_date_format (options->today);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, file_name);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, date);
      json_builder_set_member_name (builder, "plans");
      json_node_set_array (plans_node, json_plans);
      json_builder_add_value (builder, g_steal_pointer (&plans_node));
      n_conflicts = pacte_cli_print_conflicts (portfolio, lang, builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);

      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      text = json_generator_to_data (generator, NULL);
      shown = pacte_cli_escape_json (text);
      fputs (shown, stdout);
      fputc ('\n', stdout);
    }
  else if (plans->len == 0)
    printf ("%s\n", pacte_gettext_lang (lang, N_("No plan in this portfolio.")));

  /* A script must not take a full disk or a closed pipe for a clean run. */
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      pacte_cli_error (_("could not write the results to the standard output: %s"), g_strerror (errno));
      return PACTE_CLI_EXIT_BAD_FILE;
    }
  if (junit != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!pacte_cli_junit_write (junit, portfolio, options->junit, &error))
        {
          pacte_cli_error (_("could not write the JUnit report: %s"), error->message);
          return PACTE_CLI_EXIT_BAD_FILE;
        }
    }
  if (n_conflicts > 0)
    return PACTE_CLI_EXIT_UNRESOLVED;
  return failed ? PACTE_CLI_EXIT_FAIL_ON : PACTE_CLI_EXIT_OK;
}
