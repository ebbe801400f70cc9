/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cockpit.c: the portfolio cockpit in the window — a portfolio opens on
 * its overview (a one-plan file on its plan), the note of overdue items opens
 * the agenda, the plan page's fix-first list and score chart say what the
 * core says and lead to the fields, the partner page lists exactly the
 * partner's plans and opens them, the overview sorts by change since the
 * last review.  Run twice: in English, and with LANGUAGE=fr
 * ("cockpit-french"). */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pacte-analysis.h"
#include "pacte-field-row.h"
#include "pacte-fix-first-list.h"
#include "pacte-i18n.h"
#include "pacte-light.h"
#include "pacte-overview.h"
#include "pacte-partner-360.h"
#include "pacte-partner-editor.h"
#include "pacte-rule-row.h"
#include "pacte-rules-panel.h"
#include "pacte-test-window-utils.h"
#include "pacte-trend-chart.h"
#include "pacte-window.h"

static gboolean
is_french (void)
{
  return g_str_equal (pacte_i18n_user_language (), "fr");
}

/* The first mapped widget under root that is a label showing text, or a
 * button labelled text. */
static GtkWidget *
find_text (GtkWidget  *root,
           GType       type,
           const char *text)
{
  if (gtk_widget_get_mapped (root) && G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *shown = GTK_IS_LABEL (root) ? gtk_label_get_text (GTK_LABEL (root))
                          : GTK_IS_BUTTON (root) ? gtk_button_get_label (GTK_BUTTON (root)) : NULL;

      if (g_strcmp0 (shown, text) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ---- 1. The overview first ------------------------------------------- */

static void
test_opens_first (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  GtkWidget *overview = pacte_window_get_overview (window);
  g_autofree char *path = pacte_test_fixture_path ("long-plan.pacte.json");
  g_autoptr(PactePortfolio) one = pacte_test_load_path (path, pacte_rule_set_get_default ());

  /* Seven plans: the heat map, shown, no plan chosen. */
  g_assert_nonnull (overview);
  g_assert_true (gtk_widget_get_mapped (overview));
  g_assert_cmpstr (pacte_overview_get_page (PACTE_OVERVIEW (overview)), ==, "heat-map");
  g_assert_null (pacte_window_get_plan (window));
  g_assert_cmpuint (g_list_model_get_n_items (pacte_overview_get_plans (PACTE_OVERVIEW (overview))), ==, 7);

  /* A plan chosen, then Ctrl+1's action: the overview again. */
  {
    g_autoptr(PactePlan) plan = g_list_model_get_item (pacte_window_get_plan_list (window), 0);

    pacte_window_select_plan (window, plan);
    pacte_test_flush_events ();
    g_assert_false (gtk_widget_get_mapped (pacte_window_get_overview (window)));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-overview", NULL));
    pacte_test_flush_events ();
    g_assert_true (gtk_widget_get_mapped (pacte_window_get_overview (window)));
  }

  /* One plan: its own page. */
  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_plans (one)), ==, 1);
  pacte_window_set_portfolio (window, one);
  pacte_test_flush_events ();
  g_assert_nonnull (pacte_window_get_plan (window));
  g_assert_true (pacte_window_get_overview (window) == NULL
                 || !gtk_widget_get_mapped (pacte_window_get_overview (window)));
  pacte_test_destroy_window (window);
}

/* ---- 5. The note of overdue items ------------------------------------ */

static char *
note_title (void)
{
  return g_strdup_printf (is_french () ? "%u éléments en retard" : "%u items are overdue", 2);
}

static gboolean
note_shown (gpointer window)
{
  g_autofree char *title = note_title ();

  return find_text (window, GTK_TYPE_LABEL, title) != NULL;
}

/* "Saved" shows at once, the note gone. */
static gboolean
saved_alone (gpointer window)
{
  return !note_shown (window) && find_text (window, GTK_TYPE_LABEL, "Saved") != NULL;
}

static void
test_overdue_note (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  g_autoptr(GPtrArray) agenda = pacte_agenda_collect (pacte_window_get_portfolio (window),
                                                      pacte_date_parse (PACTE_TEST_SAMPLE_DAY), 30);
  guint overdue = pacte_agenda_count_overdue (agenda);
  g_autofree char *title = NULL;
  GtkWidget *label, *button;

  /* The sample on its review day: Bérard's review and Kühne's steering
   * committee. */
  g_assert_cmpuint (overdue, ==, 2);
  title = note_title ();
  label = find_text (GTK_WIDGET (window), GTK_TYPE_LABEL, title);
  g_assert_nonnull (label);
  button = find_text (GTK_WIDGET (window), GTK_TYPE_BUTTON, is_french () ? "Voir l’_agenda" : "Show _Agenda");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_ancestor (label, gtk_widget_get_parent (button)));

  /* Its button opens the agenda, which lists those items. */
  /* A button's activation clicks it after its pressed look (250 ms). */
  g_assert_true (gtk_widget_activate (button));
  pacte_test_run_frames (400);
  pacte_test_flush_events ();
  g_assert_cmpstr (pacte_overview_get_page (PACTE_OVERVIEW (pacte_window_get_overview (window))), ==, "agenda");
  g_assert_cmpuint (pacte_agenda_count_overdue (pacte_overview_get_agenda (PACTE_OVERVIEW (pacte_window_get_overview (window)))),
                    ==, overdue);

  /* Opened again, then another message: it does not wait behind the note. */
  {
    g_autoptr(PactePortfolio) again = pacte_test_load_sample (pacte_rule_set_get_default ());

    pacte_window_set_portfolio (window, again);
  }
  g_assert_true (pacte_test_wait_for (note_shown, window, 3000));
  pacte_window_show_toast (window, "Saved");
  g_assert_true (pacte_test_wait_for (saved_alone, window, 3000));
  pacte_test_destroy_window (window);
}

static gboolean
note_and_summary_shown (gpointer window)
{
  return note_shown (window) &&
         pacte_test_has_label_containing (window, is_french () ? "2 éléments en retard" : "2 items overdue", TRUE);
}

/* Opened from its file (the load's worker counts the overdue items): the
 * note and the overview's summary say the same two items. */
static void
test_overdue_note_opened (void)
{
  g_autofree char *path = pacte_test_sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PacteWindow *window = pacte_window_new (NULL);

  pacte_window_set_today (window, pacte_date_parse (PACTE_TEST_SAMPLE_DAY));
  gtk_window_present (GTK_WINDOW (window));
  pacte_window_open_file (window, file);
  g_assert_true (pacte_test_wait_for (note_and_summary_shown, window, 10000));
  g_assert_cmpuint (pacte_overview_count_overdue (PACTE_OVERVIEW (pacte_window_get_overview (window))), ==, 2);
  pacte_test_destroy_window (window);
}

/* ---- 2. Fix first in the plan page ----------------------------------- */

static void
test_fix_first (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePlan *plan = pacte_portfolio_find_plan (pacte_window_get_portfolio (window), "plan-berard-relance");
  PacteContext *context = pacte_window_get_context (window);
  PactePlanResults *results = pacte_context_get_results (context, plan);
  PacteFixFirstList *list;
  PacteFix fixes[32];
  PacteStatus statuses[32];
  guint n_rules, n, chosen = G_MAXUINT;
  PacteRuleResult *result;
  GtkWidget *focus = NULL, *row;
  gint64 end;

  pacte_window_select_plan (window, plan);
  pacte_test_flush_events ();
  list = PACTE_FIX_FIRST_LIST (pacte_rules_panel_get_fix_first (pacte_window_get_rules_panel (window)));

  /* The list is the core's: the same rules, in the same order, the same gains. */
  n_rules = g_list_model_get_n_items (G_LIST_MODEL (results));
  g_assert_cmpuint (n_rules, <=, G_N_ELEMENTS (fixes));
  for (guint r = 0; r < n_rules; r++)
    statuses[r] = pacte_rule_result_get_status (pacte_plan_results_get_result (results, r));
  n = pacte_fix_first_plan (statuses, n_rules, fixes);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (pacte_fix_first_list_get_n_fixes (list), ==, n);
  for (guint f = 0; f < n; f++)
    {
      result = pacte_plan_results_get_result (results, fixes[f].rule_index);
      g_assert_cmpstr (pacte_fix_first_list_get_rule_id (list, f), ==, pacte_rule_result_get_rule_id (result));
      g_assert_cmpint (pacte_fix_first_list_get_gain (list, f), ==, fixes[f].gain);
      if (chosen == G_MAXUINT && pacte_rule_result_get_fix_kind (result) == PACTE_FIX_FIELD
          && pacte_record_get_owner (pacte_rule_result_get_fix_record (result)) == PACTE_RECORD (plan))
        chosen = f;
    }
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_cmpuint (chosen, <, n);

  /* Its button: the focus on the field that fixes the rule. */
  result = pacte_plan_results_get_result (results, fixes[chosen].rule_index);
  if (chosen >= 3)
    gtk_expander_set_expanded (GTK_EXPANDER (gtk_widget_get_ancestor (pacte_fix_first_list_get_button (list, chosen),
                                                                      GTK_TYPE_EXPANDER)), TRUE);
  g_assert_true (gtk_widget_activate (pacte_fix_first_list_get_button (list, chosen)));
  end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  do
    {
      pacte_test_run_frames (20);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      row = focus != NULL ? gtk_widget_get_ancestor (focus, PACTE_TYPE_FIELD_ROW) : NULL;
      if (row != NULL && pacte_field_row_get_record (PACTE_FIELD_ROW (row)) == pacte_rule_result_get_fix_record (result)
          && g_strcmp0 (pacte_field_row_get_field_name (PACTE_FIELD_ROW (row)), pacte_rule_result_get_fix_field (result)) == 0)
        break;
      row = NULL;
    }
  while (g_get_monotonic_time () < end);
  g_test_message ("%s: wanted %s, focus on %s", pacte_fix_first_list_get_rule_id (list, chosen),
                  pacte_rule_result_get_fix_field (result), focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
  g_assert_nonnull (row);
  g_assert_true (pacte_window_get_plan (window) == plan);
  pacte_test_destroy_window (window);
}

/* ---- 2b. Fix first, the score chart and the lights follow an edit ---- */

/* The list says what the core says for the plan's results now. */
static void
assert_fix_first_is_core (PacteFixFirstList *list,
                          PactePlanResults  *results)
{
  guint n_rules = g_list_model_get_n_items (G_LIST_MODEL (results));
  PacteStatus statuses[32];
  PacteFix fixes[32];
  guint n;

  g_assert_cmpuint (n_rules, <=, G_N_ELEMENTS (statuses));
  for (guint r = 0; r < n_rules; r++)
    statuses[r] = pacte_rule_result_get_status (pacte_plan_results_get_result (results, r));
  n = pacte_fix_first_plan (statuses, n_rules, fixes);
  g_assert_cmpuint (pacte_fix_first_list_get_n_fixes (list), ==, n);
  for (guint f = 0; f < n; f++)
    {
      g_assert_cmpstr (pacte_fix_first_list_get_rule_id (list, f), ==,
                       pacte_rule_result_get_rule_id (pacte_plan_results_get_result (results, fixes[f].rule_index)));
      g_assert_cmpint (pacte_fix_first_list_get_gain (list, f), ==, fixes[f].gain);
    }
}

/* "R01 +8, R05 +6…": what the list shows. */
static char *
fixes_text (PacteFixFirstList *list)
{
  GString *text = g_string_new (NULL);

  for (guint f = 0; f < pacte_fix_first_list_get_n_fixes (list); f++)
    g_string_append_printf (text, "%s +%d, ", pacte_fix_first_list_get_rule_id (list, f),
                            pacte_fix_first_list_get_gain (list, f));
  return g_string_free (text, FALSE);
}

static PacteLight *
rule_light (PacteRulesPanel *panel,
            const char      *rule_id)
{
  GtkWidget *row = pacte_rules_panel_get_row (panel, rule_id);

  g_assert_nonnull (row);
  return pacte_rule_row_get_light (PACTE_RULE_ROW (row));
}

/* Every light of the panel as wide as the others, whatever its status
 * word ("Green", « Désactivée »): the titles line up. */
static int
assert_lights_line_up (PacteRulesPanel *panel)
{
  int width = -1;

  for (guint i = 1; i <= 16; i++)
    {
      g_autofree char *id = g_strdup_printf ("R%02u", i);
      PacteLight *light = rule_light (panel, id);

      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (light)), >, 0);
      if (width < 0)
        width = gtk_widget_get_width (GTK_WIDGET (light));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (light)), ==, width);
    }
  return width;
}

static void
test_fix_first_follows_edits (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePlan *plan = pacte_portfolio_find_plan (pacte_window_get_portfolio (window), "plan-berard-relance");
  PacteContext *context = pacte_window_get_context (window);
  PactePlanResults *results = pacte_context_get_results (context, plan);
  PacteRulesPanel *panel = pacte_window_get_rules_panel (window);
  PacteFixFirstList *list = PACTE_FIX_FIRST_LIST (pacte_rules_panel_get_fix_first (panel));
  PacteTrendChart *chart = PACTE_TREND_CHART (pacte_rules_panel_get_trend_chart (panel));
  PacteLight *r01;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const PacteTrendPoint *points, *again;
  g_autofree char *before = NULL, *after = NULL;
  guint n_points;
  int width;

  pacte_window_select_plan (window, plan);
  pacte_test_flush_events ();
  r01 = rule_light (panel, "R01");
  /* No revenue target: R01 red, among the fixes. */
  g_assert_true (pacte_record_set_number (PACTE_RECORD (plan), PACTE_PLAN_REVENUE_TARGET, 0, &error));
  g_assert_no_error (error);
  pacte_test_run_frames (100);
  pacte_test_flush_events ();
  g_assert_cmpint (pacte_light_get_status (r01), ==, PACTE_STATUS_RED);
  assert_fix_first_is_core (list, results);
  width = assert_lights_line_up (panel);
  for (guint f = 0; f < pacte_fix_first_list_get_n_fixes (list); f++)
    g_ptr_array_add (buttons, pacte_fix_first_list_get_button (list, f));
  before = fixes_text (list);
  points = pacte_trend_chart_get_points (chart, &n_points);

  /* An edit that changes no light: the list and the chart stay as they
   * are, entries and points alike. */
  g_assert_true (pacte_record_set_string (PACTE_RECORD (plan), PACTE_PLAN_OWNER, "Someone Else", &error));
  g_assert_no_error (error);
  pacte_test_run_frames (50);
  assert_fix_first_is_core (list, results);
  for (guint f = 0; f < buttons->len; f++)
    g_assert_true (pacte_fix_first_list_get_button (list, f) == g_ptr_array_index (buttons, f));
  again = pacte_trend_chart_get_points (chart, NULL);
  g_assert_true (again == points);

  /* A revenue target: R01 is no longer red, the list changes and its
   * entries are the same widgets given other fixes; the chart's last
   * point is the new score; R01's light keeps its width and still lines
   * up with the others. */
  g_assert_true (pacte_record_set_number (PACTE_RECORD (plan), PACTE_PLAN_REVENUE_TARGET, 2500000, &error));
  g_assert_no_error (error);
  pacte_test_run_frames (100);
  pacte_test_flush_events ();
  g_assert_cmpint (pacte_light_get_status (r01), !=, PACTE_STATUS_RED);
  assert_fix_first_is_core (list, results);
  after = fixes_text (list);
  g_assert_cmpstr (after, !=, before);
  for (guint f = 0; f < MIN (buttons->len, pacte_fix_first_list_get_n_fixes (list)); f++)
    g_assert_true (pacte_fix_first_list_get_button (list, f) == g_ptr_array_index (buttons, f));
  points = pacte_trend_chart_get_points (chart, &n_points);
  if (n_points > 0)
    {
      g_assert_true (points[n_points - 1].current);
      g_assert_cmpint (points[n_points - 1].score, ==, pacte_plan_results_get_score (results));
    }
  g_assert_cmpint (assert_lights_line_up (panel), ==, width);
  pacte_test_destroy_window (window);
}

/* ---- 4. The score chart ---------------------------------------------- */

static void
test_trend_chart (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PacteContext *context = pacte_window_get_context (window);
  PacteRuleSet *rules = pacte_context_get_rules (context);
  PacteRulesPanel *panel = pacte_window_get_rules_panel (window);
  const char *ids[] = { "plan-sgi-secteur-public", "plan-ashford-banking", "plan-kuhne-managed" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      PactePlan *plan = pacte_portfolio_find_plan (pacte_window_get_portfolio (window), ids[i]);
      int score = pacte_plan_results_get_score (pacte_context_get_results (context, plan));
      g_autoptr(GArray) want = pacte_plan_trend (rules, plan, pacte_context_get_today (context), score);
      g_autofree char *described = pacte_trend_chart_describe ((PacteTrendPoint *) (void *) want->data, want->len);
      PacteTrendChart *chart;
      const PacteTrendPoint *points;
      guint n;

      pacte_window_select_plan (window, plan);
      pacte_test_flush_events ();
      chart = PACTE_TREND_CHART (pacte_rules_panel_get_trend_chart (panel));
      points = pacte_trend_chart_get_points (chart, &n);
      g_assert_cmpuint (n, ==, want->len);
      for (guint p = 0; p < n; p++)
        {
          g_assert_cmpuint (points[p].date, ==, g_array_index (want, PacteTrendPoint, p).date);
          g_assert_cmpint (points[p].score, ==, g_array_index (want, PacteTrendPoint, p).score);
        }
      g_assert_cmpstr (pacte_trend_chart_get_description (chart), ==, described);
      /* Shown when there is a trend: a review, then today. */
      g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (chart)), ==, want->len >= 2);
      if (g_str_equal (ids[i], "plan-sgi-secteur-public"))
        {
          g_autofree char *today = g_strdup_printf (is_french () ? "aujourd’hui\u00a0: %d" : "today: %d", score);

          /* Two reviews, then now: the last point is today's score. */
          g_assert_cmpuint (n, ==, 3);
          g_assert_true (points[2].current);
          g_assert_true (g_str_has_suffix (described, today));
          g_assert_nonnull (strstr (described, is_french () ? "08/12/2026\u00a0: " : "08/12/2026: "));
        }
    }
  pacte_test_destroy_window (window);
}

/* ---- 3. Partner 360 -------------------------------------------------- */

static void
test_partner_360 (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  GListModel *partners = pacte_portfolio_get_partners (doc);
  GListModel *plans = pacte_portfolio_get_plans (doc);
  gboolean opened = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(PactePartner) partner = g_list_model_get_item (partners, i);
      const char *id = pacte_record_get_string (PACTE_RECORD (partner), PACTE_PARTNER_ID);
      g_autoptr(GPtrArray) want = g_ptr_array_new ();
      PactePartner360 *view;
      GPtrArray *shown;

      for (guint p = 0; p < g_list_model_get_n_items (plans); p++)
        {
          g_autoptr(PactePlan) plan = g_list_model_get_item (plans, p);

          if (g_strv_contains (pacte_record_get_strv (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS), id))
            g_ptr_array_add (want, plan);
        }
      pacte_window_select_partner (window, partner);
      pacte_test_flush_events ();
      view = PACTE_PARTNER_360 (pacte_partner_editor_get_partner_360 (PACTE_PARTNER_EDITOR (pacte_window_get_partner_editor (window))));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
      shown = pacte_partner_360_get_plans (view);
      /* Exactly the plans naming the partner, in the portfolio's order. */
      g_assert_cmpuint (shown->len, ==, want->len);
      for (guint p = 0; p < want->len; p++)
        g_assert_true (g_ptr_array_index (shown, p) == g_ptr_array_index (want, p));

      /* Bérard's plan: R05 and R07 name Bérard (no alliance partner, its
       * cross-business unknown); R06 and R16 name Côte (no boundaries,
       * another segment). */
      if (g_str_equal (id, "p-berard") || g_str_equal (id, "p-cote"))
        {
          const char * const *lights = (const char * const *) pacte_partner_360_get_lights (view, 0);
          gboolean berard = g_str_equal (id, "p-berard");

          g_assert_cmpint (g_strv_contains (lights, "R05"), ==, berard);
          g_assert_cmpint (g_strv_contains (lights, "R07"), ==, berard);
          g_assert_cmpint (g_strv_contains (lights, "R06"), ==, !berard);
          g_assert_cmpint (g_strv_contains (lights, "R16"), ==, !berard);
        }
      /* SGI: its open actions and coming events in the public-sector plan. */
      if (g_str_equal (id, "p-sgi"))
        {
          g_assert_cmpuint (pacte_partner_360_get_n_actions (view), >, 0);
          g_assert_cmpuint (pacte_partner_360_get_n_events (view), >, 0);
        }

      /* Activating a plan opens it. */
      if (!opened && want->len > 0)
        {
          GtkWidget *row = pacte_partner_360_get_plan_row (view, want->len - 1);

          g_assert_true (gtk_widget_activate (row));
          pacte_test_flush_events ();
          g_assert_true (pacte_window_get_plan (window) == g_ptr_array_index (want, want->len - 1));
          opened = TRUE;
        }
    }
  g_assert_true (opened);
  pacte_test_destroy_window (window);
}

/* ---- 4. The overview sorts by change --------------------------------- */

static void
test_change_sort (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PacteContext *context = pacte_window_get_context (window);
  PacteOverview *overview = PACTE_OVERVIEW (pacte_window_get_overview (window));
  GListModel *shown = pacte_overview_get_plans (overview);
  gboolean seen_without = FALSE;
  int last = G_MININT;
  guint with = 0;

  pacte_overview_set_sort (overview, PACTE_OVERVIEW_SORT_CHANGE);
  pacte_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 7);
  /* The largest drop first; plans never reviewed last. */
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (shown, i);
      int score = pacte_plan_results_get_score (pacte_context_get_results (context, plan));
      int change;

      if (pacte_plan_change_since_review (pacte_context_get_rules (context), plan, score, &change))
        {
          g_assert_false (seen_without);
          g_assert_cmpint (change, >=, last);
          last = change;
          with++;
        }
      else
        seen_without = TRUE;
    }
  g_assert_cmpuint (with, ==, 2);

  /* The column says it in words: each change's label reads out its arrow. */
  {
    g_autoptr(PactePlan) plan = g_list_model_get_item (shown, 0);
    int score = pacte_plan_results_get_score (pacte_context_get_results (context, plan));
    int change = 0;
    g_autofree char *text = NULL;
    GtkWidget *label;

    g_assert_true (pacte_plan_change_since_review (pacte_context_get_rules (context), plan, score, &change));
    text = change > 0 ? g_strdup_printf ("↑ %d", change) : change < 0 ? g_strdup_printf ("↓ %d", -change) : g_strdup ("=");
    label = find_text (GTK_WIDGET (overview), GTK_TYPE_LABEL, text);
    g_assert_nonnull (label);
    /* (its tooltip, given when asked for) */
    g_assert_nonnull (strstr (g_object_get_data (G_OBJECT (label), "pacte-tooltip"),
                              is_french () ? "depuis la dernière revue" : "since the last review"));
  }
  pacte_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  pacte_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/cockpit/opens-first", test_opens_first);
  g_test_add_func ("/cockpit/overdue-note", test_overdue_note);
  g_test_add_func ("/cockpit/overdue-note-opened", test_overdue_note_opened);
  g_test_add_func ("/cockpit/fix-first", test_fix_first);
  g_test_add_func ("/cockpit/fix-first-follows-edits", test_fix_first_follows_edits);
  g_test_add_func ("/cockpit/trend-chart", test_trend_chart);
  g_test_add_func ("/cockpit/partner-360", test_partner_360);
  g_test_add_func ("/cockpit/change-sort", test_change_sort);

  return g_test_run ();
}
