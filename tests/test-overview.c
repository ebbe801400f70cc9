/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-overview.c: the Overview page of the window — every plan × rule
 * cell with its accessible name, activating a cell opens the plan with the
 * rule's row focused, sorting and filtering, the agenda's overdue items,
 * 150 plans scrolled through (every cell with its own plan after sorts and
 * filters), 2,000 plans in a screenful of row widgets, and the keyboard.
 * Run twice: in English, and with LANGUAGE=fr (test "overview-french"). */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pacte-heat-cell.h"
#include "pacte-heat-grid.h"
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

static gboolean
is_summary_with_overdue (GtkWidget *widget,
                         gpointer   data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && strstr (gtk_label_get_label (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
summary_says (gpointer data)
{
  gpointer *args = data;

  return pacte_test_find_widget (args[0], is_summary_with_overdue, args[1]) != NULL;
}

/* The agenda page lists the sample's overdue items (as the core finds
 * them), filters by owner, and opens an item's plan.  The heat map's
 * summary counts them once its figures are drawn. */
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
  g_assert_cmpuint (pacte_overview_count_overdue (overview), ==, 2);
  pacte_overview_show_page (overview, "heat-map");
  {
    gpointer args[2] = { overview, (gpointer) (is_french () ? "2 éléments en retard" : "2 items overdue") };

    g_assert_true (pacte_test_wait_for (summary_says, args, 5000));
  }
  pacte_overview_show_page (overview, "agenda");
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
is_heat_grid (GtkWidget *widget,
              gpointer   data)
{
  return PACTE_IS_HEAT_GRID (widget);
}

static PacteHeatGrid *
find_grid (PacteOverview *overview)
{
  GtkWidget *grid = pacte_test_find_widget (GTK_WIDGET (overview), is_heat_grid, NULL);

  g_assert_nonnull (grid);
  return PACTE_HEAT_GRID (grid);
}

static GtkAdjustment *
grid_vadjustment (PacteHeatGrid *grid)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

/* Every plan × rule cell shown once, with its own name, scrolling through
 * the heat map a screen at a time: no row left with another plan's cells,
 * no plan missed.  The grid keeps a screenful of rows, no more. */
static void
assert_every_cell_once (PacteOverview *overview,
                        GListModel    *plans)
{
  PacteContext *context = pacte_overview_get_context (overview);
  PacteHeatGrid *grid = find_grid (overview);
  GtkAdjustment *adjustment = grid_vadjustment (grid);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_plans = g_list_model_get_n_items (plans);
  double value = 0;
  guint max_rows = 0;

  for (guint i = 0; i < n_plans; i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);

      for (guint r = 0; r < 16; r++)
        g_hash_table_add (expected, pacte_overview_cell_name (context, plan, r));
    }
  g_assert_cmpuint (g_hash_table_size (expected), ==, n_plans * 16);
  g_assert_cmpfloat (gtk_adjustment_get_page_size (adjustment), >, 0);
  gtk_adjustment_set_value (adjustment, 0);
  for (;;)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new ();

      pacte_test_flush_events ();
      collect_cells (GTK_WIDGET (grid), cells);
      for (guint i = 0; i < cells->len; i++)
        if (pacte_heat_cell_is_light (g_ptr_array_index (cells, i)))
          {
            const char *name = pacte_heat_cell_get_accessible_name (g_ptr_array_index (cells, i));

            /* A name shown is a cell of a listed plan (a row with a stale
             * plan would show one that is not, or one filtered out). */
            if (!g_hash_table_contains (expected, name))
              g_error ("cell not expected: %s", name);
            g_hash_table_add (seen, g_strdup (name));
          }
      max_rows = MAX (max_rows, pacte_heat_grid_get_n_rows (grid));
      if (value + gtk_adjustment_get_page_size (adjustment) >= gtk_adjustment_get_upper (adjustment))
        break;
      value += gtk_adjustment_get_page_size (adjustment);
      gtk_adjustment_set_value (adjustment, value);
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, n_plans * 16);
  /* A screenful: the rows in view, one cut at each end, a spare. */
  g_assert_cmpuint (max_rows, <=, (guint) (gtk_adjustment_get_page_size (adjustment)
                                           / gtk_adjustment_get_step_increment (adjustment)) + 4);
  gtk_adjustment_set_value (adjustment, 0);
}

/* A portfolio of n small plans (named out of order, a third in execution),
 * in a shown window on its overview. */
static PacteWindow *
window_with_plans (guint n)
{
  GString *json = g_string_new ("{ \"format\": \"pacte-portfolio\", \"version\": 1,"
                                "  \"partners\": [ { \"id\": \"p-a\", \"name\": \"Acme\" } ], \"plans\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  PacteWindow *window;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{ \"id\": \"plan-%04u\", \"name\": \"Plan %04u\", \"partners\": [\"p-a\"],"
                            " \"phase\": \"%s\"%s }", i > 0 ? ", " : "", i, (i * 37) % n,
                            i % 3 == 0 ? "execution" : "launch",
                            i % 5 == 0 ? ", \"owner\": \"Sophie Garnier\"" : "");
  g_string_append (json, "] }");
  bytes = g_string_free_to_bytes (json);
  portfolio = pacte_portfolio_load_bytes (bytes, "many.pacte.json", pacte_rule_set_get_default (), &error);
  g_assert_no_error (error);
  window = pacte_window_new (NULL);
  pacte_window_set_today (window, pacte_date_parse ("2027-03-15"));
  pacte_window_set_portfolio (window, portfolio);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  pacte_test_flush_events ();
  g_assert_nonnull (pacte_window_get_overview (window));
  return window;
}

/* More plans than a screen: scrolling through the heat map shows every
 * cell with its own plan, after a sort, a filter and none. */
static void
test_many_plans (void)
{
  PacteWindow *window = window_with_plans (150);
  PacteOverview *overview = PACTE_OVERVIEW (pacte_window_get_overview (window));

  assert_every_cell_once (overview, pacte_overview_get_plans (overview));

  pacte_overview_set_sort (overview, PACTE_OVERVIEW_SORT_NAME);
  pacte_test_flush_events ();
  assert_every_cell_once (overview, pacte_overview_get_plans (overview));
  {
    g_autoptr(PactePlan) first = g_list_model_get_item (pacte_overview_get_plans (overview), 0);

    g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (first), PACTE_PLAN_NAME), ==, "Plan 0000");
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

/* 2,000 plans: the grid makes widgets for a screenful of rows, however far
 * it scrolls; scrolling by a row moves the rows that stay in view instead
 * of binding them again. */
static void
test_recycling (void)
{
  PacteWindow *window = window_with_plans (2000);
  PacteOverview *overview = PACTE_OVERVIEW (pacte_window_get_overview (window));
  PacteHeatGrid *grid = find_grid (overview);
  GtkAdjustment *adjustment = grid_vadjustment (grid);
  GListModel *plans = pacte_overview_get_plans (overview);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(PactePlan) third = g_list_model_get_item (plans, 2);
  g_autofree char *third_name = pacte_overview_cell_name (pacte_overview_get_context (overview), third, 0);
  GtkWidget *third_cell = NULL;
  guint widgets;

  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 2000);
  assert_every_cell_once (overview, plans);
  /* Under a thousand widgets for 32,000 cells: rows of 20 widgets. */
  widgets = count_widgets (GTK_WIDGET (grid));
  g_assert_cmpuint (widgets, <, 1000);
  g_assert_cmpuint (widgets, >=, 16 * 10);

  collect_cells (GTK_WIDGET (grid), cells);
  for (guint i = 0; i < cells->len; i++)
    if (g_strcmp0 (pacte_heat_cell_get_accessible_name (g_ptr_array_index (cells, i)), third_name) == 0)
      third_cell = g_ptr_array_index (cells, i);
  g_assert_nonnull (third_cell);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_step_increment (adjustment));
  pacte_test_flush_events ();
  /* The same widget, still the third plan's, one row higher. */
  g_assert_true (gtk_widget_get_mapped (third_cell));
  g_assert_cmpstr (pacte_heat_cell_get_accessible_name (PACTE_HEAT_CELL (third_cell)), ==, third_name);
  g_assert_cmpuint (count_widgets (GTK_WIDGET (grid)), <=, widgets);
  pacte_test_destroy_window (window);
}

/* ---- keyboard ----------------------------------------------------------- */

/* A key as the grid receives it from its focused cell (events bubble up
 * from the focus to the grid's key controller). */
static void
press (PacteHeatGrid   *grid,
       guint            keyval,
       GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (grid));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  g_assert_true (handled);
  pacte_test_flush_events ();
}

/* Whether the focused cell shows whole in the view: below the titles and
 * totals, above the bottom edge (once the frame has laid it out). */
static gboolean
focus_in_view (gpointer data)
{
  PacteHeatGrid *grid = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (grid)));
  double height = gtk_widget_get_height (GTK_WIDGET (grid));
  graphene_rect_t bounds;

  return focus != NULL && gtk_widget_get_mapped (focus)
         && gtk_widget_compute_bounds (focus, GTK_WIDGET (grid), &bounds)
         && bounds.origin.y >= height - gtk_adjustment_get_page_size (grid_vadjustment (grid)) - 1
         && bounds.origin.y + bounds.size.height <= height + 1;
}

/* The focused cell is plan position's, rule's, and shows in the view. */
static void
assert_focus (PacteWindow   *window,
              PacteOverview *overview,
              guint          position,
              guint          rule)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr(PactePlan) plan = g_list_model_get_item (pacte_overview_get_plans (overview), position);
  g_autofree char *name = pacte_overview_cell_name (pacte_overview_get_context (overview), plan, rule);

  g_assert_true (PACTE_IS_HEAT_CELL (focus));
  g_assert_cmpstr (pacte_heat_cell_get_accessible_name (PACTE_HEAT_CELL (focus)), ==, name);
  g_assert_true (pacte_test_wait_for (focus_in_view, find_grid (overview), 5000));
}

/* Arrows, Page Up/Down, Home/End and Ctrl+Home/End move the focus between
 * cells and rows and scroll it into view; Tab leaves the grid and comes
 * back to the same cell; a focused cell scrolled away keeps the focus. */
static void
test_keyboard (void)
{
  PacteWindow *window = window_with_plans (150);
  PacteOverview *overview = PACTE_OVERVIEW (pacte_window_get_overview (window));
  PacteHeatGrid *grid = find_grid (overview);
  GtkAdjustment *adjustment = grid_vadjustment (grid);
  guint page;

  g_assert_true (pacte_heat_grid_focus_cell (grid, 0, 0));
  pacte_test_flush_events ();
  assert_focus (window, overview, 0, 0);
  press (grid, GDK_KEY_Right, 0);
  assert_focus (window, overview, 0, 1);
  press (grid, GDK_KEY_Down, 0);
  assert_focus (window, overview, 1, 1);
  press (grid, GDK_KEY_End, 0);
  assert_focus (window, overview, 1, 15);
  press (grid, GDK_KEY_Right, 0);  /* the edge: stays */
  assert_focus (window, overview, 1, 15);
  press (grid, GDK_KEY_Home, 0);
  assert_focus (window, overview, 1, 0);
  press (grid, GDK_KEY_Up, 0);
  assert_focus (window, overview, 0, 0);
  press (grid, GDK_KEY_Up, 0);
  assert_focus (window, overview, 0, 0);

  /* A page down: a screenful of rows further, scrolled into view. */
  page = (guint) (gtk_adjustment_get_page_size (adjustment) / gtk_adjustment_get_step_increment (adjustment)) - 1;
  g_assert_cmpuint (page, >, 3);
  press (grid, GDK_KEY_Page_Down, 0);
  assert_focus (window, overview, page, 0);
  press (grid, GDK_KEY_Page_Down, 0);
  assert_focus (window, overview, 2 * page, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  press (grid, GDK_KEY_Page_Up, 0);
  assert_focus (window, overview, page, 0);

  /* The last plan, the bottom of the map; the first, the top. */
  press (grid, GDK_KEY_End, GDK_CONTROL_MASK);
  assert_focus (window, overview, 149, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==,
                     gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  press (grid, GDK_KEY_Home, GDK_CONTROL_MASK);
  assert_focus (window, overview, 0, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  /* Scrolled away with the wheel, the focused cell keeps the focus and its
   * plan; the next arrow brings it back into view. */
  press (grid, GDK_KEY_Right, 0);
  press (grid, GDK_KEY_Right, 0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  pacte_test_flush_events ();
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    g_autoptr(PactePlan) first = g_list_model_get_item (pacte_overview_get_plans (overview), 0);
    g_autofree char *name = pacte_overview_cell_name (pacte_overview_get_context (overview), first, 2);

    g_assert_true (PACTE_IS_HEAT_CELL (focus));
    g_assert_cmpstr (pacte_heat_cell_get_accessible_name (PACTE_HEAT_CELL (focus)), ==, name);
  }
  press (grid, GDK_KEY_Down, 0);
  assert_focus (window, overview, 1, 2);

  /* Tab leaves the grid (the grid does not take it); coming back, the
   * focus is on the cell it left. */
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (grid), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (pacte_test_find_descendant (GTK_WIDGET (overview), GTK_TYPE_SEARCH_ENTRY))));
  g_assert_false (PACTE_IS_HEAT_CELL (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (grid), GTK_DIR_TAB_FORWARD));
  assert_focus (window, overview, 1, 2);

  /* Enter opens the focused cell's plan on its rule. */
  press (grid, GDK_KEY_Down, 0);
  g_assert_true (gtk_widget_activate (gtk_root_get_focus (GTK_ROOT (window))));
  pacte_test_flush_events ();
  {
    g_autoptr(PactePlan) third = g_list_model_get_item (pacte_overview_get_plans (overview), 2);

    g_assert_true (pacte_window_get_plan (window) == third);
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

  g_test_add_func ("/overview/cells", test_cells);
  g_test_add_func ("/overview/activate-cell", test_activate_cell);
  g_test_add_func ("/overview/sort", test_sort);
  g_test_add_func ("/overview/filter", test_filter);
  g_test_add_func ("/overview/agenda", test_agenda);
  g_test_add_func ("/overview/live", test_live);
  g_test_add_func ("/overview/many-plans", test_many_plans);
  g_test_add_func ("/overview/recycling", test_recycling);
  g_test_add_func ("/overview/keyboard", test_keyboard);

  return g_test_run ();
}
