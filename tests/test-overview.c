/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-overview.c: the Overview page of the window — every plan × rule
 * cell with its accessible name, activating a cell opens the plan with the
 * rule's row focused, sorting and filtering, the agenda's overdue items,
 * and 150 plans (rows listed after the first frame, rows out of view bound
 * after a sort's frame).
 * Run twice: in English, and with LANGUAGE=fr (test "overview-french"). */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pacte-heat-cell.h"
#include "pacte-i18n.h"
#include "pacte-name-sorter.h"
#include "pacte-overview.h"
#include "pacte-test-window-utils.h"
#include "pacte-window.h"

static gboolean
is_french (void)
{
  return g_str_equal (pacte_i18n_user_language (), "fr");
}

static void
collect_cells (GtkWidget *widget,
               GPtrArray *cells)
{
  if (PACTE_IS_HEAT_CELL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (cells, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cells (child, cells);
}

/* Every cell, in view or not (the view keeps rows out of view bound). */
static void
collect_all_cells (GtkWidget *widget,
                   GPtrArray *cells)
{
  if (PACTE_IS_HEAT_CELL (widget))
    g_ptr_array_add (cells, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_all_cells (child, cells);
}

static PacteOverview *
show_overview (PacteWindow *window)
{
  PacteOverview *overview;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-overview", NULL));
  overview = PACTE_OVERVIEW (pacte_window_get_overview (window));
  g_assert_nonnull (overview);
  pacte_overview_show_page (overview, "heat-map");
  pacte_test_flush_events ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (overview)));
  g_assert_null (pacte_window_get_plan (window));
  return overview;
}

/* Every plan × rule cell is on screen with the name the overview promises
 * (plan, rule, status word, explanation); the totals row names its counts. */
static void
test_cells (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PacteOverview *overview = show_overview (window);
  PacteContext *context = pacte_window_get_context (window);
  GListModel *plans = pacte_portfolio_get_plans (pacte_window_get_portfolio (window));
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_lights = 0, n_totals = 0;
  gboolean seen_ashford_r04 = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);

      for (guint r = 0; r < 16; r++)
        g_hash_table_add (expected, pacte_overview_cell_name (context, plan, r));
    }
  g_assert_cmpuint (g_hash_table_size (expected), ==, 7 * 16);

  collect_cells (GTK_WIDGET (overview), cells);
  for (guint i = 0; i < cells->len; i++)
    {
      PacteHeatCell *cell = g_ptr_array_index (cells, i);
      const char *name = pacte_heat_cell_get_accessible_name (cell);

      if (!pacte_heat_cell_is_light (cell))
        {
          /* "R04 Strong governance: 2 red, 3 amber, 2 green, 0 off" */
          g_assert_nonnull (strstr (name, is_french () ? " rouge" : " red, "));
          n_totals++;
          continue;
        }
      g_assert_true (g_hash_table_remove (expected, name));
      n_lights++;
      if (g_str_has_prefix (name, "Ashford & Lowe — aligned banking accounts, R04 "))
        {
          seen_ashford_r04 = TRUE;
          g_assert_nonnull (strstr (name, is_french () ? ": orange — " : ": amber — "));
        }
    }
  /* Each cell once: nothing left over, nothing shown twice. */
  g_assert_cmpuint (n_lights, ==, 7 * 16);
  g_assert_cmpuint (g_hash_table_size (expected), ==, 0);
  g_assert_cmpuint (n_totals, ==, 16);
  g_assert_true (seen_ashford_r04);
  pacte_test_destroy_window (window);
}

static gboolean
row_has_focus (gpointer data)
{
  GtkRoot *root = gtk_widget_get_root (data);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == data || gtk_widget_is_ancestor (focus, data));
}

/* Activating a cell opens its plan with the rule's row focused. */
static void
test_activate_cell (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PacteOverview *overview = show_overview (window);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  PacteHeatCell *target = NULL;
  GtkWidget *row, *focus;

  collect_cells (GTK_WIDGET (overview), cells);
  for (guint i = 0; i < cells->len && target == NULL; i++)
    {
      const char *name = pacte_heat_cell_get_accessible_name (g_ptr_array_index (cells, i));

      if (g_str_has_prefix (name, "Kühne Datentechnik — services managés DACH, R09 "))
        target = g_ptr_array_index (cells, i);
    }
  g_assert_nonnull (target);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (target)));
  pacte_test_flush_events ();

  g_assert_nonnull (pacte_window_get_plan (window));
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (pacte_window_get_plan (window)), PACTE_PLAN_ID), ==,
                   "plan-kuhne-managed");
  row = pacte_rules_panel_get_row (pacte_window_get_rules_panel (window), "R09");
  g_assert_nonnull (row);
  /* A folded window first reveals the rules panel (animated): wait for the
   * row to take the focus, two seconds at most. */
  pacte_test_wait_for (row_has_focus, row, 2000);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));

  /* Ctrl+1's action brings the overview back, with no plan open. */
  show_overview (window);
  pacte_test_destroy_window (window);
}

static int
score_of (PacteWindow *window,
          PactePlan   *plan)
{
  return pacte_plan_results_get_score (pacte_context_get_results (pacte_window_get_context (window), plan));
}

static void
test_sort (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PacteOverview *overview = show_overview (window);
  GListModel *shown = pacte_overview_get_plans (overview);
  guint n = g_list_model_get_n_items (shown);

  g_assert_cmpuint (n, ==, 7);
  /* Worst first by default. */
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(PactePlan) a = g_list_model_get_item (shown, i - 1);
      g_autoptr(PactePlan) b = g_list_model_get_item (shown, i);

      g_assert_cmpint (score_of (window, a), <=, score_of (window, b));
    }

  pacte_overview_set_sort (overview, PACTE_OVERVIEW_SORT_BEST);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(PactePlan) a = g_list_model_get_item (shown, i - 1);
      g_autoptr(PactePlan) b = g_list_model_get_item (shown, i);

      g_assert_cmpint (score_of (window, a), >=, score_of (window, b));
    }

  pacte_overview_set_sort (overview, PACTE_OVERVIEW_SORT_NAME);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(PactePlan) a = g_list_model_get_item (shown, i - 1);
      g_autoptr(PactePlan) b = g_list_model_get_item (shown, i);
      g_autofree char *fa = pacte_name_fold (pacte_record_get_string (PACTE_RECORD (a), PACTE_PLAN_NAME));
      g_autofree char *fb = pacte_name_fold (pacte_record_get_string (PACTE_RECORD (b), PACTE_PLAN_NAME));

      g_assert_cmpint (g_utf8_collate (fa, fb), <=, 0);
    }

  pacte_overview_set_sort (overview, PACTE_OVERVIEW_SORT_PHASE);
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(PactePlan) a = g_list_model_get_item (shown, i - 1);
      g_autoptr(PactePlan) b = g_list_model_get_item (shown, i);

      g_assert_cmpint (pacte_phase_rank (pacte_record_get_string (PACTE_RECORD (a), PACTE_PLAN_PHASE)), <=,
                       pacte_phase_rank (pacte_record_get_string (PACTE_RECORD (b), PACTE_PLAN_PHASE)));
    }

  /* Change since the last review: the two reviewed plans first, the
   * largest drop first (Ashford went down, SGI stayed). */
  pacte_overview_set_sort (overview, PACTE_OVERVIEW_SORT_CHANGE);
  {
    g_autoptr(PactePlan) first = g_list_model_get_item (shown, 0);
    g_autoptr(PactePlan) second = g_list_model_get_item (shown, 1);

    g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (first), PACTE_PLAN_ID), ==, "plan-ashford-banking");
    g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (second), PACTE_PLAN_ID), ==, "plan-sgi-secteur-public");
  }
  pacte_test_destroy_window (window);
}

static void
test_filter (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PacteOverview *overview = show_overview (window);
  GListModel *shown = pacte_overview_get_plans (overview);
  PactePortfolio *portfolio = pacte_window_get_portfolio (window);
  GListModel *plans = pacte_portfolio_get_plans (portfolio);
  guint n_execution = 0, n_dufrene = 0;

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);

      n_execution += g_str_equal (pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_PHASE), "execution");
      n_dufrene += g_strv_contains (pacte_record_get_strv (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS), "p-dufrene");
    }
  g_assert_cmpuint (n_dufrene, >, 0);

  /* By name, accents ignored. */
  pacte_overview_set_search (overview, "kuhne");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  /* By owner. */
  pacte_overview_set_search (overview, "Sophie Garnier");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  /* By partner: every plan with Dufrêne, whatever its name. */
  pacte_overview_set_search (overview, "Dufrene Distribution");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_dufrene);
  pacte_overview_set_search (overview, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 7);

  pacte_overview_set_phase_filter (overview, "execution");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_execution);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (shown, i);

      g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_PHASE), ==, "execution");
    }
  pacte_overview_set_segment_filter (overview, "technology");
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (shown, i);

      g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_SEGMENT), ==, "technology");
    }
  pacte_overview_set_phase_filter (overview, NULL);
  pacte_overview_set_segment_filter (overview, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 7);
  pacte_test_destroy_window (window);
}

/* The agenda page lists the sample's overdue items (as the core finds
 * them), filters by owner, and opens an item's plan. */
static void
test_agenda (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PacteOverview *overview;
  g_autoptr(GPtrArray) expected = pacte_agenda_collect (pacte_window_get_portfolio (window),
                                                        pacte_date_parse (PACTE_TEST_SAMPLE_DAY), 30);
  GPtrArray *shown;
  guint n_overdue = 0;

  /* The portfolio opened on the heat map; the action turns to the agenda. */
  g_assert_nonnull (pacte_window_get_overview (window));
  g_assert_cmpstr (pacte_overview_get_page (PACTE_OVERVIEW (pacte_window_get_overview (window))), ==, "heat-map");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-agenda", NULL));
  pacte_test_flush_events ();
  overview = PACTE_OVERVIEW (pacte_window_get_overview (window));
  g_assert_cmpstr (pacte_overview_get_page (overview), ==, "agenda");
  shown = pacte_overview_get_agenda (overview);
  g_assert_cmpuint (shown->len, ==, expected->len);
  for (guint i = 0; i < shown->len; i++)
    {
      PacteAgendaItem *a = g_ptr_array_index (shown, i);
      PacteAgendaItem *b = g_ptr_array_index (expected, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpstr (a->key, ==, b->key);
      g_assert_true (a->plan == b->plan);
      n_overdue += a->overdue;
    }
  /* The sample on its review day: Bérard's review and Kühne's steering
   * committee are overdue. */
  g_assert_cmpuint (n_overdue, ==, 2);
  g_assert_cmpstr (((PacteAgendaItem *) g_ptr_array_index (shown, 0))->key, ==, "plan-berard-relance");

  pacte_overview_set_agenda_owner (overview, "Hélène Vasseur");
  shown = pacte_overview_get_agenda (overview);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpint (((PacteAgendaItem *) g_ptr_array_index (shown, 0))->kind, ==, PACTE_AGENDA_MEETING);
  pacte_overview_set_agenda_owner (overview, NULL);
  g_assert_cmpuint (pacte_overview_get_agenda (overview)->len, ==, expected->len);
  pacte_test_destroy_window (window);
}

/* An edit shows in the heat map: switching a rule off turns its cell off
 * and the totals follow. */
static void
test_live (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PacteOverview *overview = show_overview (window);
  PactePlan *plan = pacte_portfolio_find_plan (pacte_window_get_portfolio (window), "plan-berard-relance");
  g_autoptr(PacteOverride) override = g_object_new (PACTE_TYPE_OVERRIDE, NULL);
  g_autoptr(GError) error = NULL;
  guint off_before = pacte_analysis_count (pacte_overview_get_analysis (overview), 0, PACTE_STATUS_OFF);
  g_autofree char *name = NULL;

  g_assert_true (pacte_record_set_string (PACTE_RECORD (override), PACTE_OVERRIDE_RULE_ID, "R01", &error));
  g_assert_true (pacte_record_set_boolean (PACTE_RECORD (override), PACTE_OVERRIDE_DISABLED, 1, &error));
  pacte_record_list_insert (PACTE_RECORD (plan), PACTE_PLAN_RULE_OVERRIDES, 0, PACTE_RECORD (override));
  pacte_evaluator_flush (pacte_context_get_evaluator (pacte_window_get_context (window)));
  pacte_overview_refresh (overview);
  pacte_test_flush_events ();

  g_assert_cmpuint (pacte_analysis_count (pacte_overview_get_analysis (overview), 0, PACTE_STATUS_OFF), ==, off_before + 1);
  name = pacte_overview_cell_name (pacte_window_get_context (window), plan, 0);
  g_assert_nonnull (strstr (name, is_french () ? ": désactivée — " : ": off — "));
  {
    g_autoptr(GPtrArray) cells = g_ptr_array_new ();
    gboolean found = FALSE;

    collect_cells (GTK_WIDGET (overview), cells);
    for (guint i = 0; i < cells->len; i++)
      if (g_strcmp0 (pacte_heat_cell_get_accessible_name (g_ptr_array_index (cells, i)), name) == 0)
        {
          g_assert_cmpint (pacte_heat_cell_get_status (g_ptr_array_index (cells, i)), ==, PACTE_STATUS_OFF);
          found = TRUE;
        }
    g_assert_true (found);
  }
  pacte_test_destroy_window (window);
}

static gboolean
view_lists_all (gpointer data)
{
  GtkColumnView *view = data;

  /* The totals row and 150 plans. */
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))) == 151;
}

static gboolean
is_column_view (GtkWidget *widget,
                gpointer   data)
{
  return GTK_IS_COLUMN_VIEW (widget);
}

/* Every plan × rule cell bound once, with its own name: no row left with
 * another plan's cells. */
static void
assert_every_cell_once (PacteOverview *overview,
                        GListModel    *plans)
{
  PacteContext *context = pacte_overview_get_context (overview);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  guint n_lights = 0;

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);

      for (guint r = 0; r < 16; r++)
        g_hash_table_add (expected, pacte_overview_cell_name (context, plan, r));
    }
  collect_all_cells (GTK_WIDGET (overview), cells);
  for (guint i = 0; i < cells->len; i++)
    if (pacte_heat_cell_is_light (g_ptr_array_index (cells, i)))
      {
        g_assert_true (g_hash_table_remove (expected, pacte_heat_cell_get_accessible_name (g_ptr_array_index (cells, i))));
        n_lights++;
      }
  g_assert_cmpuint (n_lights, ==, g_list_model_get_n_items (plans) * 16);
  g_assert_cmpuint (g_hash_table_size (expected), ==, 0);
}

/* More plans than a screen: the first frame lists the first rows, the
 * others follow; after a sort the rows out of view are bound to their new
 * plans after the frame, and every cell ends up with its own plan. */
static void
test_many_plans (void)
{
  GString *json = g_string_new ("{ \"format\": \"pacte-portfolio\", \"version\": 1,"
                                "  \"partners\": [ { \"id\": \"p-a\", \"name\": \"Acme\" } ], \"plans\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  PacteWindow *window;
  PacteOverview *overview;
  GtkWidget *view;

  for (guint i = 0; i < 150; i++)
    g_string_append_printf (json, "%s{ \"id\": \"plan-%03u\", \"name\": \"Plan %03u\", \"partners\": [\"p-a\"],"
                            " \"phase\": \"%s\" }", i > 0 ? ", " : "", i, (i * 37) % 150,
                            i % 3 == 0 ? "execution" : "launch");
  g_string_append (json, "] }");
  bytes = g_string_free_to_bytes (json);
  portfolio = pacte_portfolio_load_bytes (bytes, "many.pacte.json", pacte_rule_set_get_default (), &error);
  g_assert_no_error (error);
  window = pacte_window_new (NULL);
  pacte_window_set_today (window, pacte_date_parse ("2027-03-15"));
  pacte_window_set_portfolio (window, portfolio);
  gtk_window_present (GTK_WINDOW (window));
  pacte_test_flush_events ();
  overview = PACTE_OVERVIEW (pacte_window_get_overview (window));
  g_assert_nonnull (overview);
  view = pacte_test_find_widget (GTK_WIDGET (overview), is_column_view, NULL);
  g_assert_nonnull (view);
  g_assert_true (pacte_test_wait_for (view_lists_all, view, 10000));
  pacte_test_flush_events ();
  assert_every_cell_once (overview, pacte_overview_get_plans (overview));

  pacte_overview_set_sort (overview, PACTE_OVERVIEW_SORT_NAME);
  pacte_test_flush_events ();
  assert_every_cell_once (overview, pacte_overview_get_plans (overview));
  {
    g_autoptr(PactePlan) first = g_list_model_get_item (pacte_overview_get_plans (overview), 0);

    g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (first), PACTE_PLAN_NAME), ==, "Plan 000");
  }

  /* A filter, then none: fewer rows, then all of them again. */
  pacte_overview_set_phase_filter (overview, "execution");
  pacte_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (pacte_overview_get_plans (overview)), ==, 50);
  assert_every_cell_once (overview, pacte_overview_get_plans (overview));
  pacte_overview_set_phase_filter (overview, NULL);
  pacte_test_flush_events ();
  assert_every_cell_once (overview, pacte_overview_get_plans (overview));
  pacte_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  pacte_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/overview/cells", test_cells);
  g_test_add_func ("/overview/activate-cell", test_activate_cell);
  g_test_add_func ("/overview/sort", test_sort);
  g_test_add_func ("/overview/filter", test_filter);
  g_test_add_func ("/overview/agenda", test_agenda);
  g_test_add_func ("/overview/live", test_live);
  g_test_add_func ("/overview/many-plans", test_many_plans);

  return g_test_run ();
}
