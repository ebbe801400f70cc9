/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-editors.c: the plan and partner editors, driven as a user would:
 * typing into entries, activating the add and move actions, choosing
 * partners, and asking for the field that fixes a rule. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "pacte-language.h"
#include "pacte-field-row.h"
#include "pacte-list-section.h"
#include "pacte-number.h"
#include "pacte-partner-chooser.h"
#include "pacte-partner-editor.h"
#include "pacte-plan-editor.h"
#include "pacte-test-utils.h"
#include "pacte-test-window-utils.h"

typedef struct {
  PactePortfolio *portfolio;
  PacteContext   *context;
  GtkWidget      *window;
  GtkWidget      *editor;
  PactePlan      *plan;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gboolean partner = GPOINTER_TO_INT (data);

  fixture->portfolio = pacte_test_load_sample (NULL);
  fixture->context = pacte_context_new (fixture->portfolio, NULL, NULL, pacte_date_parse ("2027-03-01"));
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 600, 700);
  if (partner)
    fixture->editor = pacte_partner_editor_new (fixture->context);
  else
    fixture->editor = pacte_plan_editor_new (fixture->context);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->editor);
  fixture->plan = g_list_model_get_item (pacte_portfolio_get_plans (fixture->portfolio), 0);
  if (!partner)
    pacte_plan_editor_set_plan (PACTE_PLAN_EDITOR (fixture->editor), fixture->plan);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->context);
  g_assert_finalize_object (fixture->portfolio);
}

static PacteFieldRow *
plan_row (Fixture    *fixture,
          const char *key)
{
  GtkWidget *row = pacte_plan_editor_get_field_row (PACTE_PLAN_EDITOR (fixture->editor), key);

  g_assert_nonnull (row);
  return PACTE_FIELD_ROW (row);
}

static GtkEditable *
row_entry (PacteFieldRow *row)
{
  return GTK_EDITABLE (pacte_field_row_get_editor (row));
}

/* ---- Plan editor ------------------------------------------------------------ */

static void
test_plan_shows_values (Fixture       *fixture,
                        gconstpointer  data)
{
  PacteRecord *plan = PACTE_RECORD (fixture->plan);
  g_autofree char *revenue = pacte_number_format (pacte_record_get_number (plan, PACTE_PLAN_REVENUE_TARGET));
  g_autofree char *start = pacte_date_display (pacte_record_get_date (plan, PACTE_PLAN_PERIOD_START));

  g_assert_cmpstr (gtk_editable_get_text (row_entry (plan_row (fixture, "name"))), ==,
                   pacte_record_get_string (plan, PACTE_PLAN_NAME));
  g_assert_cmpstr (gtk_editable_get_text (row_entry (plan_row (fixture, "revenue-target"))), ==, revenue);
  g_assert_cmpstr (gtk_editable_get_text (row_entry (plan_row (fixture, "period-start"))), ==, start ? start : "");
}

static void
test_plan_revenue_typing (Fixture       *fixture,
                          gconstpointer  data)
{
  PacteRecord *plan = PACTE_RECORD (fixture->plan);
  PacteFieldRow *row = plan_row (fixture, "revenue-target");
  GtkEditable *entry = row_entry (row);

  g_assert_false (pacte_portfolio_can_undo (fixture->portfolio));

  gtk_editable_set_text (entry, "2 500 000,5");
  g_assert_cmpfloat (pacte_record_get_number (plan, PACTE_PLAN_REVENUE_TARGET), ==, 2500000.5);
  g_assert_true (pacte_portfolio_can_undo (fixture->portfolio));
  g_assert_null (pacte_field_row_get_error (row));
  /* The entry keeps what the user typed while they type. */
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "2 500 000,5");

  /* Emptying the entry means "not filled in". */
  gtk_editable_set_text (entry, "");
  iterate ();
  g_assert_true (isnan (pacte_record_get_number (plan, PACTE_PLAN_REVENUE_TARGET)));

  /* Undo puts the value back in the entry too. */
  g_assert_true (pacte_portfolio_undo (fixture->portfolio));
  iterate ();
  {
    double shown;

    g_assert_true (pacte_number_parse (gtk_editable_get_text (entry), &shown));
    g_assert_cmpfloat (shown, ==, pacte_record_get_number (plan, PACTE_PLAN_REVENUE_TARGET));
  }
}

/* Ctrl+Z in an entry the user has not touched must not empty it: the
 * entry's own undo (which held the text the row was bound with) is off, so
 * the key reaches the document's history. */
static void
test_plan_entry_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  PacteRecord *plan = PACTE_RECORD (fixture->plan);
  g_autofree char *name = g_strdup (pacte_record_get_string (plan, PACTE_PLAN_NAME));
  GtkEditable *entry = row_entry (plan_row (fixture, "name"));
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (entry));

  g_assert_true (gtk_widget_grab_focus (text));
  gtk_widget_activate_action (text, "text.undo", NULL);
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, name);
  g_assert_cmpstr (pacte_record_get_string (plan, PACTE_PLAN_NAME), ==, name);
  g_assert_false (pacte_portfolio_get_modified (fixture->portfolio));

  /* After typing, the entry still leaves undo to the document. */
  gtk_editable_set_text (entry, "Renamed");
  gtk_widget_activate_action (text, "text.undo", NULL);
  iterate ();
  g_assert_cmpstr (pacte_record_get_string (plan, PACTE_PLAN_NAME), ==, "Renamed");
  g_assert_true (pacte_portfolio_undo (fixture->portfolio));
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, name);
}

static void
test_plan_invalid_number (Fixture       *fixture,
                          gconstpointer  data)
{
  PacteRecord *plan = PACTE_RECORD (fixture->plan);
  PacteFieldRow *row = plan_row (fixture, "revenue-target");
  GtkEditable *entry = row_entry (row);
  double before = pacte_record_get_number (plan, PACTE_PLAN_REVENUE_TARGET);

  gtk_editable_set_text (entry, "12abc");
  g_assert_cmpfloat (pacte_record_get_number (plan, PACTE_PLAN_REVENUE_TARGET), ==, before);
  g_assert_false (pacte_portfolio_can_undo (fixture->portfolio));
  g_assert_cmpstr (pacte_field_row_get_error (row), ==, "Enter a number, for example 1 234.5");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));

  /* A valid text clears the message and writes. */
  gtk_editable_set_text (entry, "12");
  g_assert_null (pacte_field_row_get_error (row));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpfloat (pacte_record_get_number (plan, PACTE_PLAN_REVENUE_TARGET), ==, 12);
}

/* A count cannot be negative: the row says so and the plan keeps its value. */
static void
test_plan_negative_count (Fixture       *fixture,
                          gconstpointer  data)
{
  PacteRecord *plan = PACTE_RECORD (fixture->plan);
  PacteFieldRow *row = plan_row (fixture, "resources-headcount");
  GtkEditable *entry = row_entry (row);
  double before = pacte_record_get_number (plan, PACTE_PLAN_RESOURCES_HEADCOUNT);

  gtk_editable_set_text (entry, "-2");
  g_assert_cmpfloat (pacte_record_get_number (plan, PACTE_PLAN_RESOURCES_HEADCOUNT), ==, before);
  g_assert_false (pacte_portfolio_can_undo (fixture->portfolio));
  g_assert_cmpstr (pacte_field_row_get_error (row), ==, "Headcount: -2 is less than 0; expected a number of 0 or more");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));

  gtk_editable_set_text (entry, "0.5");
  g_assert_null (pacte_field_row_get_error (row));
  g_assert_cmpfloat (pacte_record_get_number (plan, PACTE_PLAN_RESOURCES_HEADCOUNT), ==, 0.5);
}

static void
test_plan_dates (Fixture       *fixture,
                 gconstpointer  data)
{
  PacteRecord *plan = PACTE_RECORD (fixture->plan);
  PacteFieldRow *row = plan_row (fixture, "period-end");
  GtkEditable *entry = row_entry (row);
  guint32 before = pacte_record_get_date (plan, PACTE_PLAN_PERIOD_END);

  /* Half-typed: not wrong yet, and nothing written. */
  gtk_editable_set_text (entry, "2027-1");
  g_assert_null (pacte_field_row_get_error (row));
  g_assert_cmpuint (pacte_record_get_date (plan, PACTE_PLAN_PERIOD_END), ==, before);

  /* Complete but not a real date. */
  gtk_editable_set_text (entry, "2027-02-30");
  g_assert_nonnull (pacte_field_row_get_error (row));
  g_assert_cmpuint (pacte_record_get_date (plan, PACTE_PLAN_PERIOD_END), ==, before);

  gtk_editable_set_text (entry, "2027-12-31");
  g_assert_null (pacte_field_row_get_error (row));
  g_assert_cmpuint (pacte_record_get_date (plan, PACTE_PLAN_PERIOD_END), ==, pacte_date_parse ("2027-12-31"));
}

/* Dates as an English user writes them (the tests' locale, C.UTF-8, writes
 * the day first, as en_GB): the row reads them, says why an impossible one
 * is wrong, shows the date in the locale's form, and the file keeps ISO. */
static void
test_plan_dates_as_written (Fixture       *fixture,
                            gconstpointer  data)
{
  PacteRecord *plan = PACTE_RECORD (fixture->plan);
  PacteFieldRow *row = plan_row (fixture, "period-end");
  GtkEditable *entry = row_entry (row);
  g_autofree char *iso = NULL;
  guint32 before;

  gtk_editable_set_text (entry, "Nov 15, 2026");
  g_assert_null (pacte_field_row_get_error (row));
  iso = pacte_date_format (pacte_record_get_date (plan, PACTE_PLAN_PERIOD_END));
  g_assert_cmpstr (iso, ==, "2026-11-15");
  g_signal_emit_by_name (entry, "activate");
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "15/11/2026");

  gtk_editable_set_text (entry, "3 March 2027");
  g_assert_cmpuint (pacte_record_get_date (plan, PACTE_PLAN_PERIOD_END), ==, pacte_date_parse ("2027-03-03"));

  before = pacte_record_get_date (plan, PACTE_PLAN_PERIOD_END);
  gtk_editable_set_text (entry, "29/02/2027");
  g_assert_cmpstr (pacte_field_row_get_error (row), ==, "February 2027 has 28 days");
  g_assert_cmpuint (pacte_record_get_date (plan, PACTE_PLAN_PERIOD_END), ==, before);
  gtk_editable_set_text (entry, "15 Smarch 2027");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (pacte_field_row_get_error (row), ==, "“Smarch” is not a month");
  g_assert_cmpuint (pacte_record_get_date (plan, PACTE_PLAN_PERIOD_END), ==, before);
}

static void
test_plan_choice (Fixture       *fixture,
                  gconstpointer  data)
{
  PacteRecord *plan = PACTE_RECORD (fixture->plan);
  PacteFieldRow *row = plan_row (fixture, "phase");
  GtkDropDown *dropdown = GTK_DROP_DOWN (pacte_field_row_get_editor (row));
  guint launch = 0;

  for (guint i = 0; pacte_phases[i] != NULL; i++)
    if (strcmp (pacte_phases[i], "launch") == 0)
      launch = i + 1; /* after "Not set" */

  gtk_drop_down_set_selected (dropdown, launch);
  g_assert_cmpstr (pacte_record_get_string (plan, PACTE_PLAN_PHASE), ==, "launch");

  /* The model changing moves the drop-down. */
  g_assert_true (pacte_record_set_string (plan, PACTE_PLAN_PHASE, "review", NULL));
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (dropdown)), ==,
                   pacte_choice_display_name ("review"));

  gtk_drop_down_set_selected (dropdown, 0);
  g_assert_false (pacte_record_is_set (plan, PACTE_PLAN_PHASE));
}

static void
test_plan_add_objective (Fixture       *fixture,
                         gconstpointer  data)
{
  GListModel *objectives = pacte_record_get_list (PACTE_RECORD (fixture->plan), PACTE_PLAN_OBJECTIVES);
  GtkWidget *section = pacte_plan_editor_get_section (PACTE_PLAN_EDITOR (fixture->editor), "objectives");
  guint before = g_list_model_get_n_items (objectives);
  g_autoptr(PacteRecord) added = NULL;
  PacteFieldRow *target;
  const char *id;

  g_assert_nonnull (section);
  g_assert_true (gtk_widget_activate_action (section, "section.add", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, before + 1);

  added = g_list_model_get_item (objectives, before);
  id = pacte_record_get_string (added, PACTE_OBJECTIVE_ID);
  g_assert_true (g_str_has_prefix (id, "obj"));
  for (guint i = 0; i < before; i++)
    {
      g_autoptr(PacteRecord) other = g_list_model_get_item (objectives, i);

      g_assert_cmpstr (pacte_record_get_string (other, PACTE_OBJECTIVE_ID), !=, id);
    }
  g_assert_true (pacte_portfolio_can_undo (fixture->portfolio));

  /* The new item is open, and its fields edit it. */
  target = pacte_list_section_get_field_row (PACTE_LIST_SECTION (section), before, PACTE_OBJECTIVE_TARGET);
  g_assert_nonnull (target);
  gtk_editable_set_text (row_entry (pacte_list_section_get_field_row (PACTE_LIST_SECTION (section), before,
                                                                       PACTE_OBJECTIVE_TITLE)),
                         "Joint pipeline");
  gtk_editable_set_text (row_entry (target), "40");
  g_assert_cmpfloat (pacte_record_get_number (added, PACTE_OBJECTIVE_TARGET), ==, 40);
  g_assert_cmpstr (pacte_field_row_get_accessible_label (target), ==, "Target of objective “Joint pipeline”");

  /* Removing it through its row's action. */
  g_assert_true (gtk_widget_activate_action (pacte_list_section_get_row (PACTE_LIST_SECTION (section), before),
                                             "item.remove", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, before);
}

static void
test_plan_objective_labels (Fixture       *fixture,
                            gconstpointer  data)
{
  GListModel *objectives = pacte_record_get_list (PACTE_RECORD (fixture->plan), PACTE_PLAN_OBJECTIVES);
  GtkWidget *section = pacte_plan_editor_get_section (PACTE_PLAN_EDITOR (fixture->editor), "objectives");
  g_autoptr(PacteRecord) first = g_list_model_get_item (objectives, 0);
  PacteFieldRow *target = pacte_list_section_get_field_row (PACTE_LIST_SECTION (section), 0, PACTE_OBJECTIVE_TARGET);
  g_autofree char *expected = g_strdup_printf ("Target of objective “%s”",
                                               pacte_record_get_string (first, PACTE_OBJECTIVE_TITLE));

  g_assert_cmpstr (pacte_field_row_get_accessible_label (target), ==, expected);

  /* Renaming the objective renames its fields for assistive technologies. */
  g_assert_true (pacte_record_set_string (first, PACTE_OBJECTIVE_TITLE, "Renamed", NULL));
  g_assert_cmpstr (pacte_field_row_get_accessible_label (target), ==, "Target of objective “Renamed”");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (pacte_list_section_get_row (PACTE_LIST_SECTION (section), 0))),
                   ==, "Renamed");
}

/* An objective's summary gives the unit for the target and the actual
 * alike, and no stray space when there is no unit. */
static void
test_plan_objective_summary (Fixture       *fixture,
                             gconstpointer  data)
{
  GListModel *objectives = pacte_record_get_list (PACTE_RECORD (fixture->plan), PACTE_PLAN_OBJECTIVES);
  GtkWidget *section = pacte_plan_editor_get_section (PACTE_PLAN_EDITOR (fixture->editor), "objectives");
  g_autoptr(PacteRecord) first = g_list_model_get_item (objectives, 0);
  AdwExpanderRow *row = ADW_EXPANDER_ROW (pacte_list_section_get_row (PACTE_LIST_SECTION (section), 0));
  g_autofree char *target = pacte_number_format (3000000);
  g_autofree char *actual = pacte_number_format (2650000);
  g_autofree char *target_unit = g_strdup_printf ("Target %s EUR", target);
  g_autofree char *actual_unit = g_strdup_printf ("actual %s EUR", actual);
  g_autofree char *target_bare = g_strdup_printf ("Target %s · ", target);
  g_autofree char *actual_bare = g_strdup_printf ("actual %s", actual);
  const char *subtitle;

  g_assert_true (pacte_record_set_number (first, PACTE_OBJECTIVE_TARGET, 3000000, NULL));
  g_assert_true (pacte_record_set_number (first, PACTE_OBJECTIVE_ACTUAL, 2650000, NULL));
  g_assert_true (pacte_record_set_string (first, PACTE_OBJECTIVE_UNIT, "EUR", NULL));
  iterate ();
  subtitle = adw_expander_row_get_subtitle (row);
  g_assert_nonnull (strstr (subtitle, target_unit));
  g_assert_nonnull (strstr (subtitle, actual_unit));

  g_assert_true (pacte_record_set_string (first, PACTE_OBJECTIVE_UNIT, "", NULL));
  iterate ();
  subtitle = adw_expander_row_get_subtitle (row);
  g_assert_nonnull (strstr (subtitle, target_bare));
  g_assert_true (g_str_has_suffix (subtitle, actual_bare));
}

static void
test_plan_move_action (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *actions = pacte_record_get_list (PACTE_RECORD (fixture->plan), PACTE_PLAN_ACTIONS);
  PacteListSection *section = PACTE_LIST_SECTION (pacte_plan_editor_get_section (PACTE_PLAN_EDITOR (fixture->editor), "actions"));
  g_autoptr(PacteRecord) first = g_list_model_get_item (actions, 0);
  g_autoptr(PacteRecord) now_second = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (actions), >=, 2);
  g_assert_true (gtk_widget_activate_action (pacte_list_section_get_row (section, 0), "item.move-down", NULL));
  now_second = g_list_model_get_item (actions, 1);
  g_assert_true (now_second == first);
}

static void
test_plan_add_partner (Fixture       *fixture,
                       gconstpointer  data)
{
  PacteRecord *plan = PACTE_RECORD (fixture->plan);
  PacteFieldRow *row = plan_row (fixture, "partners");
  GtkWidget *chooser = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (pacte_field_row_get_editor (row))));
  const char * const *before = pacte_record_get_strv (plan, PACTE_PLAN_PARTNERS);
  guint n_before = g_strv_length ((char **) before);
  guint n_partners = g_list_model_get_n_items (pacte_portfolio_get_partners (fixture->portfolio));

  g_assert_true (PACTE_IS_PARTNER_CHOOSER (chooser));
  g_assert_false (g_strv_contains (before, "p-kuhne"));

  /* The chooser offers the partners not chosen yet, found by name. */
  pacte_partner_chooser_set_search (PACTE_PARTNER_CHOOSER (chooser), "");
  g_assert_cmpuint (pacte_partner_chooser_get_n_shown (PACTE_PARTNER_CHOOSER (chooser)), ==, n_partners - n_before);
  pacte_partner_chooser_set_search (PACTE_PARTNER_CHOOSER (chooser), "kühne");
  g_assert_cmpuint (pacte_partner_chooser_get_n_shown (PACTE_PARTNER_CHOOSER (chooser)), ==, 1);
  pacte_partner_chooser_set_search (PACTE_PARTNER_CHOOSER (chooser), "datentech");
  g_assert_cmpuint (pacte_partner_chooser_get_n_shown (PACTE_PARTNER_CHOOSER (chooser)), ==, 1);

  /* What choosing a row does. */
  g_signal_emit_by_name (chooser, "partner-chosen", "p-kuhne");
  g_assert_true (g_strv_contains (pacte_record_get_strv (plan, PACTE_PLAN_PARTNERS), "p-kuhne"));
  g_assert_cmpuint (g_strv_length ((char **) pacte_record_get_strv (plan, PACTE_PLAN_PARTNERS)), ==, n_before + 1);
  g_assert_true (pacte_portfolio_can_undo (fixture->portfolio));

  /* Now it is not offered any more. */
  g_assert_cmpuint (pacte_partner_chooser_get_n_shown (PACTE_PARTNER_CHOOSER (chooser)), ==, 0);

  /* The chip's button removes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "field.remove-value", "s", "p-kuhne"));
  g_assert_false (g_strv_contains (pacte_record_get_strv (plan, PACTE_PLAN_PARTNERS), "p-kuhne"));
}

static void
test_plan_objective_link (Fixture       *fixture,
                          gconstpointer  data)
{
  GListModel *actions = pacte_record_get_list (PACTE_RECORD (fixture->plan), PACTE_PLAN_ACTIONS);
  PacteListSection *section = PACTE_LIST_SECTION (pacte_plan_editor_get_section (PACTE_PLAN_EDITOR (fixture->editor), "actions"));
  g_autoptr(PacteRecord) action = g_list_model_get_item (actions, 0);
  PacteFieldRow *row = pacte_list_section_get_field_row (section, 0, PACTE_ACTION_OBJECTIVE);
  GtkDropDown *dropdown = GTK_DROP_DOWN (pacte_field_row_get_editor (row));

  g_assert_true (pacte_record_set_string (action, PACTE_ACTION_OBJECTIVE, "obj-nowhere", NULL));
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (dropdown)), ==,
                   "Unlinked (obj-nowhere)");

  /* "None" unlinks. */
  gtk_drop_down_set_selected (dropdown, 0);
  g_assert_false (pacte_record_is_set (action, PACTE_ACTION_OBJECTIVE));
}

static gboolean
has_focus_within (GtkWidget *window,
                  GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Takes the editor to what fixes a rule, as the rule's result names it.
 * FALSE when the fix is not in the plan (a partner's record) or none. */
static gboolean
reveal_rule (Fixture    *fixture,
             const char *rule_id)
{
  PacteRuleSet *rules = pacte_context_get_rules (fixture->context);
  PactePlanResults *results = pacte_context_get_results (fixture->context, fixture->plan);
  int index = pacte_rule_set_find (rules, rule_id);
  PacteRuleResult *result;

  g_assert_cmpint (index, >=, 0);
  pacte_evaluator_flush (pacte_context_get_evaluator (fixture->context));
  result = pacte_plan_results_get_result (results, (guint) index);
  return pacte_plan_editor_reveal_fix (PACTE_PLAN_EDITOR (fixture->editor),
                                       pacte_rule_result_get_fix_kind (result),
                                       pacte_rule_result_get_fix_record (result),
                                       pacte_rule_result_get_fix_field (result));
}

static void
test_plan_focus_rule (Fixture       *fixture,
                      gconstpointer  data)
{
  PacteRecord *plan = PACTE_RECORD (fixture->plan);
  GtkWidget *revenue = pacte_field_row_get_editor (plan_row (fixture, "revenue-target"));
  GtkWidget *budget = pacte_field_row_get_editor (plan_row (fixture, "resources-budget"));
  GtkWidget *owner = pacte_field_row_get_editor (plan_row (fixture, "owner"));
  GtkWidget *add_body = pacte_list_section_get_add_button (PACTE_LIST_SECTION (pacte_plan_editor_get_section (PACTE_PLAN_EDITOR (fixture->editor), "governance")));

  /* No revenue target: the target. */
  pacte_record_set_number (plan, PACTE_PLAN_REVENUE_TARGET, NAN, NULL);
  g_assert_true (reveal_rule (fixture, "R01"));
  g_assert_true (has_focus_within (fixture->window, revenue));
  /* A target without means: the first of the means. */
  pacte_record_set_number (plan, PACTE_PLAN_REVENUE_TARGET, 1000, NULL);
  pacte_record_set_number (plan, PACTE_PLAN_RESOURCES_BUDGET, NAN, NULL);
  pacte_record_set_number (plan, PACTE_PLAN_RESOURCES_HEADCOUNT, NAN, NULL);
  g_assert_true (reveal_rule (fixture, "R01"));
  g_assert_true (has_focus_within (fixture->window, budget));
  /* No owner. */
  pacte_record_set_string (plan, PACTE_PLAN_OWNER, "", NULL);
  g_assert_true (reveal_rule (fixture, "R05"));
  g_assert_true (has_focus_within (fixture->window, owner));
  /* No governance body: Add Body. */
  while (g_list_model_get_n_items (pacte_record_get_list (plan, PACTE_PLAN_GOVERNANCE)) > 0)
    pacte_record_list_remove (plan, PACTE_PLAN_GOVERNANCE, 0);
  g_assert_true (reveal_rule (fixture, "R04"));
  g_assert_true (has_focus_within (fixture->window, add_body));
}

/* The same, as a condition to wait for. */
static gboolean
focus_in_view (GtkWidget *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *scrolled = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  graphene_rect_t bounds;

  return scrolled != NULL && gtk_widget_compute_bounds (focus, scrolled, &bounds)
         && bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled);
}

/* The focused widget lies wholly in the visible part of its scrolled window. */
static void
assert_focus_in_view (GtkWidget *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *scrolled;
  graphene_rect_t bounds;

  g_assert_nonnull (focus);
  scrolled = gtk_widget_get_ancestor (focus, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  g_assert_true (gtk_widget_compute_bounds (focus, scrolled, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scrolled));
}

/* A rule whose fix is a list section scrolls to the section and its first
 * row (or its Add button) together; the two moves must not add up and
 * leave the focused widget out of view. */
static void
test_plan_focus_rule_in_view (Fixture       *fixture,
                              gconstpointer  data)
{
  PacteRuleSet *rules = pacte_context_get_rules (fixture->context);
  PacteRecord *plan = PACTE_RECORD (fixture->plan);
  const guint lists[] = { PACTE_PLAN_GOVERNANCE, PACTE_PLAN_FORECAST, PACTE_PLAN_COMMUNICATION };
  guint n_revealed = 0;

  /* Fixes far apart: fields at the top and bottom, Add buttons of lists. */
  pacte_record_set_number (plan, PACTE_PLAN_REVENUE_TARGET, NAN, NULL);
  pacte_record_set_string (plan, PACTE_PLAN_SEGMENT, "", NULL);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    while (g_list_model_get_n_items (pacte_record_get_list (plan, lists[l])) > 0)
      pacte_record_list_remove (plan, lists[l], 0);
  pacte_test_run_frames (200);
  for (guint i = 0; i < pacte_rule_set_get_n_rules (rules); i++)
    {
      g_test_message ("rule %s", pacte_rule_set_get_id (rules, i));
      if (!reveal_rule (fixture, pacte_rule_set_get_id (rules, i)))
        continue;
      n_revealed++;
      pacte_test_run_frames (400);
      assert_focus_in_view (fixture->window);
    }
  g_assert_cmpuint (n_revealed, >=, 5);
}

static void
test_plan_switch (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *plans = pacte_portfolio_get_plans (fixture->portfolio);
  guint n = g_list_model_get_n_items (plans);
  gint64 set_time = 0, layout_time = 0;

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);
        gint64 t0 = g_get_monotonic_time (), t1;

        pacte_plan_editor_set_plan (PACTE_PLAN_EDITOR (fixture->editor), plan);
        t1 = g_get_monotonic_time ();
        g_assert_cmpstr (gtk_editable_get_text (row_entry (plan_row (fixture, "name"))), ==,
                         pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME));
        iterate ();
        set_time += t1 - t0;
        layout_time += g_get_monotonic_time () - t1;
      }
  g_test_message ("switching plans: %.1f ms to rebind, %.1f ms to lay out and draw, per plan",
                  set_time / 1000.0 / (3 * n), layout_time / 1000.0 / (3 * n));

  /* Switching is not an edit. */
  g_assert_false (pacte_portfolio_can_undo (fixture->portfolio));

  pacte_plan_editor_set_plan (PACTE_PLAN_EDITOR (fixture->editor), NULL);
  g_assert_false (pacte_plan_editor_reveal_fix (PACTE_PLAN_EDITOR (fixture->editor), PACTE_FIX_FIELD,
                                                PACTE_RECORD (fixture->plan), "revenue-target"));
}

/* A switch folds the page's groups below the view, so that the frame
 * showing the plan lays out only what is seen; they come back by
 * themselves, with the new plan's rows, the user scrolling down or not, and
 * a light followed into one of them still lands on its field. */
static void
test_plan_switch_folds (Fixture       *fixture,
                        gconstpointer  data)
{
  PactePlanEditor *editor = PACTE_PLAN_EDITOR (fixture->editor);
  GListModel *plans = pacte_portfolio_get_plans (fixture->portfolio);
  /* Taken now: the accessors unfold what they return. */
  PacteListSection *last = PACTE_LIST_SECTION (pacte_plan_editor_get_section (editor, "activity"));
  GtkWidget *name = pacte_field_row_get_editor (plan_row (fixture, "name"));
  GtkWidget *agreement = pacte_field_row_get_editor (plan_row (fixture, "agreement-type"));
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (last), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gint64 end;

  g_assert_cmpuint (g_list_model_get_n_items (plans), >=, 3);
  pacte_test_run_frames (500);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (last)));

  for (guint i = 1; i <= 2; i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);
      GListModel *items = pacte_record_get_list (PACTE_RECORD (plan), pacte_list_section_get_list_field (last));
      GtkWidget *list_box;
      guint n_rows = 0;

      pacte_plan_editor_set_plan (editor, plan);
      /* What is in view is there at once; the end of the page is folded. */
      g_assert_true (gtk_widget_is_visible (name));
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==,
                       pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME));
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (last)));
      g_assert_false (gtk_widget_is_visible (agreement));
      /* The second time, the user scrolls to the end at once. */
      if (i == 2)
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));

      end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      while ((!gtk_widget_get_mapped (GTK_WIDGET (last)) || pacte_list_section_get_pending (last))
             && g_get_monotonic_time () < end)
        pacte_test_run_frames (20);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (last)));
      g_assert_false (pacte_list_section_get_pending (last));
      g_assert_true (gtk_widget_is_visible (agreement));
      /* Its rows are the new plan's items, one each. */
      list_box = GTK_WIDGET (pacte_list_section_get_list_box (last));
      for (GtkWidget *row = gtk_widget_get_first_child (list_box); row != NULL; row = gtk_widget_get_next_sibling (row))
        n_rows++;
      g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (items));
      g_assert_cmpint (gtk_widget_get_visible (list_box), ==, g_list_model_get_n_items (items) > 0);
    }

  /* Back to the top, another plan, and at once a light that leads to the
   * agreement's type, folded below the view: the field is shown and focused. */
  gtk_adjustment_set_value (adjustment, 0);
  pacte_test_run_frames (300);
  pacte_plan_editor_set_plan (editor, fixture->plan);
  g_assert_false (gtk_widget_is_visible (agreement));
  g_assert_true (pacte_plan_editor_reveal_fix (editor, PACTE_FIX_FIELD, PACTE_RECORD (fixture->plan), "agreement-type"));
  /* The page is laid out again, then scrolled: on a loaded machine, more
   * than a few frames. */
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  do
    pacte_test_run_frames (50);
  while (!focus_in_view (fixture->window) && g_get_monotonic_time () < end);
  g_assert_true (gtk_widget_is_visible (agreement));
  g_assert_true (has_focus_within (fixture->window, agreement));
  assert_focus_in_view (fixture->window);
}

/* ---- Partner editor ---------------------------------------------------------- */

static void
test_partner_contacts (Fixture       *fixture,
                       gconstpointer  data)
{
  PactePartnerEditor *editor = PACTE_PARTNER_EDITOR (fixture->editor);
  g_autoptr(PactePartner) partner = g_list_model_get_item (pacte_portfolio_get_partners (fixture->portfolio), 0);
  GListModel *contacts = pacte_record_get_list (PACTE_RECORD (partner), PACTE_PARTNER_CONTACTS);
  PacteListSection *section;
  guint before = g_list_model_get_n_items (contacts);
  g_autoptr(PacteRecord) added = NULL;
  g_autoptr(PacteRecord) moved = NULL;
  PacteFieldRow *role;
  guint champion = 0;

  pacte_partner_editor_set_partner (editor, partner);
  iterate ();
  section = PACTE_LIST_SECTION (pacte_partner_editor_get_contacts (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (section), "section.add", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, before + 1);
  added = g_list_model_get_item (contacts, before);

  gtk_editable_set_text (row_entry (pacte_list_section_get_field_row (section, before, PACTE_CONTACT_NAME)),
                         "Jeanne Martin");
  g_assert_cmpstr (pacte_record_get_string (added, PACTE_CONTACT_NAME), ==, "Jeanne Martin");

  role = pacte_list_section_get_field_row (section, before, PACTE_CONTACT_ROLE);
  for (guint i = 0; pacte_contact_roles[i] != NULL; i++)
    if (strcmp (pacte_contact_roles[i], "champion") == 0)
      champion = i + 1;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pacte_field_row_get_editor (role)), champion);
  g_assert_cmpstr (pacte_record_get_string (added, PACTE_CONTACT_ROLE), ==, "champion");

  /* Up one place. */
  g_assert_true (gtk_widget_activate_action (pacte_list_section_get_row (section, before), "item.move-up", NULL));
  moved = g_list_model_get_item (contacts, before - 1);
  g_assert_true (moved == added);
  g_assert_true (pacte_portfolio_can_undo (fixture->portfolio));
}

static void
test_partner_tags (Fixture       *fixture,
                   gconstpointer  data)
{
  PactePartnerEditor *editor = PACTE_PARTNER_EDITOR (fixture->editor);
  g_autoptr(PactePartner) partner = g_list_model_get_item (pacte_portfolio_get_partners (fixture->portfolio), 1);
  PacteRecord *record = PACTE_RECORD (partner);
  PacteFieldRow *row;
  GtkWidget *entry;
  guint before;

  pacte_partner_editor_set_partner (editor, partner);
  row = PACTE_FIELD_ROW (pacte_partner_editor_get_field_row (editor, "territories"));
  g_assert_nonnull (row);
  before = g_strv_length ((char **) pacte_record_get_strv (record, PACTE_PARTNER_TERRITORIES));

  /* Typing "A, B" and Enter adds both. */
  entry = pacte_field_row_get_editor (row);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Monaco, Andorre");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (g_strv_length ((char **) pacte_record_get_strv (record, PACTE_PARTNER_TERRITORIES)), ==, before + 2);
  g_assert_true (g_strv_contains (pacte_record_get_strv (record, PACTE_PARTNER_TERRITORIES), "Andorre"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "field.remove-value", "s", "Monaco"));
  g_assert_false (g_strv_contains (pacte_record_get_strv (record, PACTE_PARTNER_TERRITORIES), "Monaco"));

  /* Cross-business amounts are numbers in the locale's format. */
  row = PACTE_FIELD_ROW (pacte_partner_editor_get_field_row (editor, "cross-business-partner-buys-from-us"));
  gtk_editable_set_text (GTK_EDITABLE (pacte_field_row_get_editor (row)), "75 000,50");
  g_assert_cmpfloat (pacte_record_get_number (record, PACTE_PARTNER_CROSS_BUSINESS_PARTNER_BUYS_FROM_US), ==, 75000.5);

  /* Notes are multi-line. */
  row = PACTE_FIELD_ROW (pacte_partner_editor_get_field_row (editor, "notes"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (pacte_field_row_get_editor (row))),
                            "Line one\nLine two", -1);
  g_assert_cmpstr (pacte_record_get_string (record, PACTE_PARTNER_NOTES), ==, "Line one\nLine two");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define PLAN_TEST(path, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, func, fixture_tear_down)
#define PARTNER_TEST(path, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, func, fixture_tear_down)

  PLAN_TEST ("/editors/plan/shows-values", test_plan_shows_values);
  PLAN_TEST ("/editors/plan/revenue-typing", test_plan_revenue_typing);
  PLAN_TEST ("/editors/plan/entry-undo", test_plan_entry_undo);
  PLAN_TEST ("/editors/plan/invalid-number", test_plan_invalid_number);
  PLAN_TEST ("/editors/plan/negative-count", test_plan_negative_count);
  PLAN_TEST ("/editors/plan/dates", test_plan_dates);
  PLAN_TEST ("/editors/plan/dates-as-written", test_plan_dates_as_written);
  PLAN_TEST ("/editors/plan/choice", test_plan_choice);
  PLAN_TEST ("/editors/plan/add-objective", test_plan_add_objective);
  PLAN_TEST ("/editors/plan/objective-labels", test_plan_objective_labels);
  PLAN_TEST ("/editors/plan/objective-summary", test_plan_objective_summary);
  PLAN_TEST ("/editors/plan/move-action", test_plan_move_action);
  PLAN_TEST ("/editors/plan/add-partner", test_plan_add_partner);
  PLAN_TEST ("/editors/plan/objective-link", test_plan_objective_link);
  PLAN_TEST ("/editors/plan/focus-rule", test_plan_focus_rule);
  PLAN_TEST ("/editors/plan/focus-rule-in-view", test_plan_focus_rule_in_view);
  PLAN_TEST ("/editors/plan/switch", test_plan_switch);
  PLAN_TEST ("/editors/plan/switch-folds", test_plan_switch_folds);
  PARTNER_TEST ("/editors/partner/contacts", test_partner_contacts);
  PARTNER_TEST ("/editors/partner/tags", test_partner_tags);

  return g_test_run ();
}
