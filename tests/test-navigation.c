/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A light leads to the field that fixes it: every red and amber light of the
 * sample, activated in the rules panel, leaves the keyboard focus (with its
 * ring showing) on the row bound to the record and field the failing check
 * names, or on the Add button of the list that is short; on the partner's
 * page when the fix is in a partner's record.  A rule added by JSON alone
 * navigates the same way. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pacte-field-row.h"
#include "pacte-list-section.h"
#include "pacte-partner-editor.h"
#include "pacte-plan-editor.h"
#include "pacte-rule-row.h"
#include "pacte-test-window-utils.h"
#include "pacte-window.h"

static PacteRuleResult *
result_of (PacteWindow *window,
           PactePlan   *plan,
           const char  *rule_id)
{
  PacteContext *context = pacte_window_get_context (window);
  int index = pacte_rule_set_find (pacte_context_get_rules (context), rule_id);

  g_assert_cmpint (index, >=, 0);
  pacte_evaluator_flush (pacte_context_get_evaluator (context));
  return pacte_plan_results_get_result (pacte_context_get_results (context, plan), (guint) index);
}

/* What the focused widget edits: the field row around it (record, field),
 * or the list section whose Add button it is (record, list, add = TRUE). */
static gboolean
focused_target (PacteWindow  *window,
                PacteRecord **record,
                const char  **field,
                gboolean     *add)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *ancestor;

  if (focus == NULL)
    return FALSE;
  ancestor = gtk_widget_get_ancestor (focus, PACTE_TYPE_FIELD_ROW);
  if (ancestor != NULL)
    {
      *record = pacte_field_row_get_record (PACTE_FIELD_ROW (ancestor));
      *field = pacte_field_row_get_field_name (PACTE_FIELD_ROW (ancestor));
      *add = FALSE;
      return TRUE;
    }
  ancestor = gtk_widget_get_ancestor (focus, PACTE_TYPE_LIST_SECTION);
  if (ancestor != NULL)
    {
      PacteListSection *section = PACTE_LIST_SECTION (ancestor);
      GtkWidget *button = pacte_list_section_get_add_button (section);

      if (button == NULL || (focus != button && !gtk_widget_is_ancestor (focus, button)))
        return FALSE;
      *record = pacte_list_section_get_record (section);
      *field = pacte_record_get_field_info (*record, pacte_list_section_get_list_field (section))->property;
      *add = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* Activates the rule's row in the panel, as a click does, and waits until
 * the focus is where the result says (or 3 s). */
static void
activate_rule (PacteWindow *window,
               PactePlan   *plan,
               const char  *rule_id)
{
  PacteRuleResult *result = result_of (window, plan, rule_id);
  PacteRecord *want = pacte_rule_result_get_fix_record (result);
  const char *want_field = pacte_rule_result_get_fix_field (result);
  gboolean want_add = pacte_rule_result_get_fix_kind (result) == PACTE_FIX_ADD_ITEM;
  gint64 start = g_get_monotonic_time ();
  gint64 end = start + 3 * G_USEC_PER_SEC;
  GtkWidget *row;
  PacteRecord *record = NULL;
  const char *field = NULL;
  gboolean add = FALSE;

  pacte_window_select_plan (window, plan);
  row = pacte_rules_panel_get_row (pacte_window_get_rules_panel (window), rule_id);
  g_assert_nonnull (row);
  /* Focus somewhere else first: the activation must move it. */
  gtk_widget_grab_focus (row);
  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  g_assert_true (gtk_widget_activate (row));

  g_assert_nonnull (want);
  g_assert_nonnull (want_field);
  do
    {
      pacte_test_run_frames (20);
      if (focused_target (window, &record, &field, &add)
          && record == want && g_strcmp0 (field, want_field) == 0 && add == want_add)
        break;
    }
  while (g_get_monotonic_time () < end);

  g_test_message ("%s %s (%d ms): wanted %s%s of a %s, focus on %s%s", rule_id,
                  pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME),
                  (int) ((g_get_monotonic_time () - start) / 1000),
                  want_add ? "add to " : "", want_field, G_OBJECT_TYPE_NAME (want),
                  add ? "add to " : "", field ? field : "(nothing)");
  g_assert_true (record == want);
  g_assert_cmpstr (field, ==, want_field);
  g_assert_cmpint (add, ==, want_add);
  /* The user sees where they were taken. */
  g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (window)));
}

static PactePlan *
find_plan (PacteWindow *window,
           const char  *id)
{
  PactePlan *plan = pacte_portfolio_find_plan (pacte_window_get_portfolio (window), id);

  g_assert_nonnull (plan);
  return plan;
}

/* The cases users met, each where the failing check says. */
static void
test_known_cases (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePlan *ashford = find_plan (window, "plan-ashford-banking");
  PactePlan *lumiere = find_plan (window, "plan-lumiere-retail");
  PactePlan *berard = find_plan (window, "plan-berard-relance");
  PactePlan *brightwater = find_plan (window, "plan-brightwater-connector");
  PacteRuleResult *result;
  PacteRecord *record;

  /* Ashford R02 rests on a memorandum: the agreement's type. */
  result = result_of (window, ashford, "R02");
  g_assert_cmpint (pacte_rule_result_get_fix_kind (result), ==, PACTE_FIX_FIELD);
  g_assert_true (pacte_rule_result_get_fix_record (result) == PACTE_RECORD (ashford));
  g_assert_cmpstr (pacte_rule_result_get_fix_field (result), ==, "agreement-type");
  activate_rule (window, ashford, "R02");

  /* Lumière R04, one level of governance where two are wanted: Add Body. */
  result = result_of (window, lumiere, "R04");
  g_assert_cmpint (pacte_rule_result_get_fix_kind (result), ==, PACTE_FIX_ADD_ITEM);
  g_assert_cmpstr (pacte_rule_result_get_fix_field (result), ==, "governance");
  activate_rule (window, lumiere, "R04");

  /* Bérard R05, the primary partner has no alliance-partner contact: that
   * partner's Add Contact, on the Partners page. */
  result = result_of (window, berard, "R05");
  record = pacte_rule_result_get_fix_record (result);
  g_assert_true (PACTE_IS_PARTNER (record));
  g_assert_cmpint (pacte_rule_result_get_fix_kind (result), ==, PACTE_FIX_ADD_ITEM);
  g_assert_cmpstr (pacte_rule_result_get_fix_field (result), ==, "contacts");
  activate_rule (window, berard, "R05");
  g_assert_true (pacte_window_get_partner (window) == PACTE_PARTNER (record));

  /* Brightwater R06, no sector defined: that partner's sectors. */
  result = result_of (window, brightwater, "R06");
  g_assert_true (PACTE_IS_PARTNER (pacte_rule_result_get_fix_record (result)));
  g_assert_cmpstr (pacte_rule_result_get_fix_field (result), ==, "sectors");
  activate_rule (window, brightwater, "R06");

  /* A plan with no partner: choosing one (the plan's partners). */
  {
    g_autofree char *ids = NULL;

    pacte_record_set_strv (PACTE_RECORD (brightwater), PACTE_PLAN_PARTNERS, NULL, NULL);
    result = result_of (window, brightwater, "R06");
    g_assert_true (pacte_rule_result_get_fix_record (result) == PACTE_RECORD (brightwater));
    g_assert_cmpstr (pacte_rule_result_get_fix_field (result), ==, "partners");
    activate_rule (window, brightwater, "R06");
  }

  /* The action "win.show-rule" (plan id, rule id) does the same. */
  pacte_window_select_plan (window, ashford);
  pacte_test_flush_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-rule", "(ss)",
                                             "plan-lumiere-retail", "R04"));
  pacte_test_run_frames (300);
  g_assert_true (pacte_window_get_plan (window) == lumiere);

  pacte_test_destroy_window (window);
}

/* Every red and amber light of every plan of the sample. */
static void
test_every_light (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  GListModel *plans = pacte_portfolio_get_plans (pacte_window_get_portfolio (window));
  PacteRuleSet *rules = pacte_context_get_rules (pacte_window_get_context (window));
  guint n_lights = 0;

  for (guint p = 0; p < g_list_model_get_n_items (plans); p++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, p);

      for (guint r = 0; r < pacte_rule_set_get_n_rules (rules); r++)
        {
          const char *id = pacte_rule_set_get_id (rules, r);
          PacteStatus status = pacte_rule_result_get_status (result_of (window, plan, id));

          if (status != PACTE_STATUS_RED && status != PACTE_STATUS_AMBER)
            continue;
          activate_rule (window, plan, id);
          n_lights++;
        }
    }
  g_test_message ("%u red and amber lights followed", n_lights);
  g_assert_cmpuint (n_lights, >=, 30);
  pacte_test_destroy_window (window);
}

/* docs/rules.md's R17, added by JSON only: its light leads to the event's
 * expected attendance. */
static const char r17_json[] =
  "{ \"id\": \"R17\", \"number\": 17,"
  "  \"title\": { \"en\": \"Enough attendees\", \"fr\": \"Assez de participants\" },"
  "  \"statement\": { \"en\": \"A joint customer event is worth the effort when it draws a crowd.\","
  "                   \"fr\": \"Un événement client commun vaut l’effort s’il attire du monde.\" },"
  "  \"advice\": { \"en\": \"Invite both customer bases.\", \"fr\": \"Invitez les deux bases de clients.\" },"
  "  \"params\": { \"min_attendees\": 50 },"
  "  \"checks\": [ { \"kind\": \"each-item\", \"severity\": \"amber\","
  "      \"list\": \"events\", \"name_field\": \"title\","
  "      \"where\": [ { \"field\": \"kind\", \"equals\": \"customer-event\" } ],"
  "      \"require\": [ { \"field\": \"expected_attendees\", \"at-least\": \"min_attendees\" } ],"
  "      \"explanation\": { \"en\": \"“{item}” expects {value} attendees.\", \"fr\": \"« {item} » attend {value} participants.\" } } ],"
  "  \"green\": { \"en\": \"Joint events draw a crowd.\", \"fr\": \"Les événements communs attirent du monde.\" } }";

static PacteRuleSet *
rules_with_r17_or_error (const char  *extra_member,
                         GError     **out_error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *defaults = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *json = NULL;
  GBytes *resource;
  const char *end;
  PacteRuleSet *rules;

  resource = g_resources_lookup_data ("/io/github/pacte/Pacte/core/rules/golden-rules.json", 0, &error);
  g_assert_no_error (error);
  defaults = g_strndup (g_bytes_get_data (resource, NULL), g_bytes_get_size (resource));
  g_bytes_unref (resource);
  /* Appended as the last element of "rules": the file ends with "] }". */
  end = strrchr (defaults, ']');
  g_assert_nonnull (end);
  /* The extra member goes into the check, before its "require". */
  {
    const char *require = strstr (r17_json, "\"require\"");

    rule = g_strdup_printf ("%.*s%s%s%s", (int) (require - r17_json), r17_json,
                            extra_member ? extra_member : "", extra_member ? ", " : "", require);
  }
  json = g_strdup_printf ("%.*s, %s %s", (int) (end - defaults), defaults, rule, end);
  bytes = g_bytes_new (json, strlen (json));
  rules = pacte_rule_set_new_from_bytes (bytes, "r17.json", out_error);
  g_assert_true (rules == NULL || pacte_rule_set_find (rules, "R17") >= 0);
  return rules;
}

static PacteRuleSet *
rules_with_r17 (const char *extra_member)
{
  g_autoptr(GError) error = NULL;
  PacteRuleSet *rules = rules_with_r17_or_error (extra_member, &error);

  g_assert_no_error (error);
  return rules;
}

static void
test_rule_added_by_json (void)
{
  g_autoptr(PacteRuleSet) rules = rules_with_r17 (NULL);
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (NULL);
  PacteWindow *window = pacte_window_new (NULL);
  PactePlan *plan;
  PacteRecord *event;
  PacteRuleResult *result;

  pacte_window_set_today (window, pacte_date_parse (PACTE_TEST_SAMPLE_DAY));
  pacte_window_set_rules (window, rules);
  gtk_window_present (GTK_WINDOW (window));
  pacte_window_set_portfolio (window, portfolio);
  pacte_test_flush_events ();

  /* A customer event expecting too few people. */
  plan = find_plan (window, "plan-brightwater-connector");
  event = g_object_new (PACTE_TYPE_EVENT, NULL);
  pacte_record_set_string (event, PACTE_EVENT_TITLE, "Lakehouse breakfast", NULL);
  pacte_record_set_string (event, PACTE_EVENT_KIND, "customer-event", NULL);
  pacte_record_set_number (event, PACTE_EVENT_EXPECTED_ATTENDEES, 12, NULL);
  pacte_record_list_insert (PACTE_RECORD (plan), PACTE_PLAN_EVENTS,
                            g_list_model_get_n_items (pacte_record_get_list (PACTE_RECORD (plan), PACTE_PLAN_EVENTS)),
                            event);
  g_object_unref (event);

  result = result_of (window, plan, "R17");
  g_assert_cmpint (pacte_rule_result_get_status (result), ==, PACTE_STATUS_AMBER);
  g_assert_true (pacte_rule_result_get_fix_record (result) == event);
  g_assert_cmpstr (pacte_rule_result_get_fix_field (result), ==, "expected-attendees");
  activate_rule (window, plan, "R17");

  pacte_test_destroy_window (window);
}

/* The rule's "fix" member overrides what the failure names. */
static void
test_fix_member (void)
{
  g_autoptr(PacteRuleSet) rules = rules_with_r17 ("\"fix\": \"add\"");
  g_autoptr(PacteRuleSet) to_field = rules_with_r17 ("\"fix\": \"period.end\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (NULL);
  PactePlan *plan = pacte_portfolio_find_plan (portfolio, "plan-brightwater-connector");
  g_autofree PacteRuleOutcome *outcomes = g_new0 (PacteRuleOutcome, pacte_rule_set_get_n_rules (rules));
  PacteRecord *event = g_object_new (PACTE_TYPE_EVENT, NULL);
  int r17 = pacte_rule_set_find (rules, "R17");

  pacte_record_set_string (event, PACTE_EVENT_KIND, "customer-event", NULL);
  pacte_record_set_number (event, PACTE_EVENT_EXPECTED_ATTENDEES, 12, NULL);
  pacte_record_list_insert (PACTE_RECORD (plan), PACTE_PLAN_EVENTS, 0, event);
  g_object_unref (event);

  /* The rule file's check is each-item: "add" asks for a new event. */
  pacte_evaluate_plan (rules, portfolio, plan, pacte_date_parse (PACTE_TEST_SAMPLE_DAY), "en", outcomes);
  g_assert_cmpint (outcomes[r17].fix.kind, ==, PACTE_FIX_ADD_ITEM);
  g_assert_true (outcomes[r17].fix.record == PACTE_RECORD (plan));
  g_assert_cmpint (outcomes[r17].fix.field, ==, PACTE_PLAN_EVENTS);

  pacte_evaluate_plan (to_field, portfolio, plan, pacte_date_parse (PACTE_TEST_SAMPLE_DAY), "en", outcomes);
  g_assert_cmpint (outcomes[r17].fix.kind, ==, PACTE_FIX_FIELD);
  g_assert_cmpint (outcomes[r17].fix.field, ==, PACTE_PLAN_PERIOD_END);

  /* A fix that names nothing is refused, with where it is. */
  g_assert_null (rules_with_r17_or_error ("\"fix\": \"nowhere\"", &error));
  g_assert_error (error, PACTE_RULES_ERROR, PACTE_RULES_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, ".fix"));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Expanders open at once: the test waits for focus, not for slides. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/navigation/known-cases", test_known_cases);
  g_test_add_func ("/navigation/every-light", test_every_light);
  g_test_add_func ("/navigation/rule-added-by-json", test_rule_added_by_json);
  g_test_add_func ("/navigation/fix-member", test_fix_member);
  return g_test_run ();
}
