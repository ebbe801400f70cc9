/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-open.c: opening a large portfolio in the window: the file is read in
 * the background, the window answers meanwhile, a progress page says how
 * far the opening is, and Cancel leaves the window as it was. */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "pacte-frame-memory.h"
#include "pacte-growing-list.h"
#include "pacte-i18n.h"
#include "pacte-overview.h"
#include "pacte-test-window-utils.h"
#include "pacte-window-private.h"

#define N_PARTNERS 30000

static char *big_path;

/* The sample with N_PARTNERS more partners, written once. */
static GFile *
big_file (void)
{
  if (big_path == NULL)
    {
      g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (NULL);
      g_autofree char *dir = g_dir_make_tmp ("pacte-open-XXXXXX", NULL);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;

      pacte_test_add_partners (portfolio, N_PARTNERS);
      big_path = g_build_filename (dir, "large.pacte.json", NULL);
      file = g_file_new_for_path (big_path);
      g_assert_true (pacte_portfolio_save (portfolio, file, NULL, &error));
      g_assert_no_error (error);
    }
  return g_file_new_for_path (big_path);
}

typedef struct {
  PacteWindow *window;
  guint        ticks;       /* of a 10 ms timer: the main loop ran */
  double       seen;        /* the highest progress shown */
  gboolean     shown;       /* the progress page was on screen */
} Watch;

static gboolean
tick_cb (gpointer data)
{
  Watch *w = data;

  w->ticks++;
  if (_pacte_window_progress_shown (w->window))
    {
      w->shown = TRUE;
      w->seen = MAX (w->seen, gtk_progress_bar_get_fraction (w->window->progress_bar));
    }
  return G_SOURCE_CONTINUE;
}

/* The page and its figure as they change, not as a timer samples them: a
 * fast machine may show the page for less than a tick. */
static void
on_page_changed (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    data)
{
  Watch *w = data;

  if (_pacte_window_progress_shown (w->window))
    {
      w->shown = TRUE;
      w->seen = MAX (w->seen, gtk_progress_bar_get_fraction (w->window->progress_bar));
    }
}

static gboolean
progress_shown (gpointer data)
{
  return _pacte_window_progress_shown (((Watch *) data)->window);
}

static gboolean
not_loading (gpointer data)
{
  return !pacte_document_get_loading (pacte_window_get_document (((Watch *) data)->window));
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(GFile) file = big_file ();
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *before = pacte_window_get_portfolio (window);
  g_autofree char *title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  Watch w = { window, 0, 0, FALSE };
  guint tick;
  const char *text;

  g_object_ref (before);
  /* Shorter than the 300 ms a user waits for it, so that a fast machine
   * still sees it before the file is read. */
  _pacte_window_set_progress_delay (window, 20);
  tick = g_timeout_add (10, tick_cb, &w);
  pacte_window_open_file (window, file);
  g_assert_true (pacte_document_get_loading (pacte_window_get_document (window)));
  g_assert_false (pacte_window_is_empty (window));

  /* The page comes while the file is read, and the window keeps running. */
  g_assert_true (pacte_test_wait_for (progress_shown, &w, 30000));
  g_signal_connect (window->main_stack, "notify::visible-child-name", G_CALLBACK (on_page_changed), &w);
  g_signal_connect (window->progress_bar, "notify::fraction", G_CALLBACK (on_page_changed), &w);
  g_assert_true (pacte_document_get_loading (pacte_window_get_document (window)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "loading");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (window->progress_page)), ==,
                   "Opening “large.pacte.json”");
  text = gtk_progress_bar_get_text (window->progress_bar);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_suffix (text, "%"));

  /* Cancel: the window shows what it showed, as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-open", NULL));
  g_assert_false (pacte_document_get_loading (pacte_window_get_document (window)));
  pacte_test_flush_events ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "document");
  g_assert_true (pacte_window_get_portfolio (window) == before);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  g_assert_cmpuint (w.ticks, >, 0);

  /* Opened to the end: progress rose, the page went, the portfolio came. */
  w.seen = 0;
  w.ticks = 0;
  w.shown = FALSE;
  /* The file is in the page cache now: the page comes at once. */
  _pacte_window_set_progress_delay (window, 1);
  pacte_window_open_file (window, file);
  g_assert_true (pacte_test_wait_for (not_loading, &w, 120000));
  pacte_test_flush_events ();
  g_source_remove (tick);
  g_assert_true (w.shown);
  g_assert_cmpfloat (w.seen, >, 0);
  g_assert_cmpuint (w.ticks, >, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "document");
  g_assert_true (pacte_window_get_portfolio (window) != before);
  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_partners (pacte_window_get_portfolio (window))),
                    ==, g_list_model_get_n_items (pacte_portfolio_get_partners (before)) + N_PARTNERS);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "large.pacte.json – Pacte");

  pacte_test_destroy_window (window);
  g_object_unref (before);
}

/* The first open of an empty window: the document page is readied while
 * the file is read, unseen (the progress page stays); cancelled, the empty
 * window is as it was; opened to the end, the portfolio shows. */
static void
test_first_open (void)
{
  g_autoptr(GFile) file = big_file ();
  PacteWindow *window = pacte_window_new (NULL);
  Watch w = { window, 0, 0, FALSE };
  g_autofree char *title = NULL;

  pacte_window_set_today (window, pacte_date_parse (PACTE_TEST_SAMPLE_DAY));
  gtk_window_present (GTK_WINDOW (window));
  pacte_test_flush_events ();
  title = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  _pacte_window_set_progress_delay (window, 20);
  pacte_window_open_file (window, file);
  g_assert_true (pacte_test_wait_for (progress_shown, &w, 30000));
  /* Its turns pass (one per turn of the main loop, after a frame). */
  while (window->warm_id != 0 && pacte_document_get_loading (pacte_window_get_document (window)))
    g_main_context_iteration (NULL, TRUE);
  if (pacte_document_get_loading (pacte_window_get_document (window)))
    {
      pacte_test_flush_events ();
      g_assert_true (gtk_widget_get_parent (window->document_page) == GTK_WIDGET (window->main_stack));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "loading");
      g_assert_false (gtk_widget_get_mapped (window->document_page));
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-open", NULL));
  pacte_test_flush_events ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "empty");
  g_assert_true (pacte_window_is_empty (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);

  pacte_window_open_file (window, file);
  g_assert_true (pacte_test_wait_for (not_loading, &w, 120000));
  pacte_test_flush_events ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "document");
  g_assert_true (gtk_widget_get_mapped (window->document_page));
  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_partners (pacte_window_get_portfolio (window))),
                    >, N_PARTNERS);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "large.pacte.json – Pacte");
  pacte_test_destroy_window (window);
}

static void
test_quick_open_shows_no_page (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  PacteWindow *window = pacte_window_new (NULL);
  Watch w = { window, 0, 0, FALSE };

  pacte_window_set_today (window, pacte_date_parse (PACTE_TEST_SAMPLE_DAY));
  gtk_window_present (GTK_WINDOW (window));
  pacte_window_open_file (window, file);
  g_assert_false (pacte_window_is_empty (window));
  g_assert_true (pacte_test_wait_for (not_loading, &w, 30000));
  pacte_test_flush_events ();
  /* The sample opens well within 300 ms: no page flashed by. */
  g_assert_null (window->progress_page);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "document");
  g_assert_nonnull (pacte_window_get_portfolio (window));
  pacte_test_destroy_window (window);
}

static PacteRecord *
find_named (GListModel *list,
            const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PacteRecord) record = g_list_model_get_item (list, i);
      g_autofree char *seen = NULL;

      g_object_get (record, "name", &seen, NULL);
      if (g_str_equal (seen, name))
        return record;
    }
  return NULL;
}

static gboolean
partners_shrunk_or_loaded (gpointer data)
{
  Watch *w = data;

  return g_list_model_get_n_items (G_LIST_MODEL (w->window->partner_growing)) <= 31
         || !pacte_document_get_loading (pacte_window_get_document (w->window));
}

static gboolean
partners_whole (gpointer data)
{
  return pacte_growing_list_is_complete (((Watch *) data)->window->partner_growing);
}

/* Opening over a portfolio shown: while the file loads and the progress
 * page hides them, the long lists give back the rows past the first ones
 * and the selected one, so that the turn showing the new portfolio has few
 * rows to destroy; the selection stays; a cancel makes them whole again. */
static void
test_lists_give_rows_back (void)
{
  g_autoptr(GFile) file = big_file ();
  PacteWindow *window = pacte_test_window_with_sample ();
  Watch w = { window, 0, 0, FALSE };
  GListModel *partners;
  guint n_partners;
  g_autoptr(GObject) selected = NULL;

  _pacte_window_set_progress_delay (window, 1);
  pacte_window_open_file (window, file);
  g_assert_true (pacte_test_wait_for (not_loading, &w, 120000));
  pacte_test_flush_events ();
  /* The partners in view, grown whole (as scrolling does), one selected
   * past the first rows. */
  adw_view_stack_set_visible_child_name (window->view_stack, "partners");
  pacte_growing_list_complete (window->partner_growing);
  partners = G_LIST_MODEL (window->partner_growing);
  n_partners = g_list_model_get_n_items (partners);
  g_assert_cmpuint (n_partners, >, N_PARTNERS);
  gtk_single_selection_set_selected (window->partner_selection, 30);
  selected = gtk_single_selection_get_selected_item (window->partner_selection);
  g_object_ref (selected);
  pacte_test_flush_events ();

  pacte_window_open_file (window, file);
  g_assert_true (pacte_test_wait_for (progress_shown, &w, 30000));
  g_assert_true (pacte_test_wait_for (partners_shrunk_or_loaded, &w, 30000));
  /* Reading 30,000 partners takes far longer than the few turns of the
   * main loop the lists need. */
  g_assert_true (pacte_document_get_loading (pacte_window_get_document (window)));
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 31);
  g_assert_cmpuint (gtk_single_selection_get_selected (window->partner_selection), ==, 30);
  g_assert_true (gtk_single_selection_get_selected_item (window->partner_selection) == (gpointer) selected);

  /* Cancelled: the portfolio shown keeps its whole lists and selection. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-open", NULL));
  g_assert_true (pacte_test_wait_for (partners_whole, &w, 30000));
  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, n_partners);
  g_assert_true (gtk_single_selection_get_selected_item (window->partner_selection) == (gpointer) selected);

  pacte_test_destroy_window (window);
}

/* An opened file's lists are in name order (made in the loading thread),
 * and stay in order as names are edited, undone, and plans or partners
 * added and removed; the selected plan stays selected where it moves. */
static void
test_lists_stay_sorted (void)
{
  static const char json[] =
    "{ \"format\": \"pacte-portfolio\", \"version\": 1,\n"
    "  \"partners\": [ { \"id\": \"p-1\", \"name\": \"Zebra\" }, { \"id\": \"p-2\", \"name\": \"\u00c9lectronique\" },\n"
    "                  { \"id\": \"p-3\", \"name\": \"B\u00e9rard\" }, { \"id\": \"p-4\", \"name\": \"Brightwater\" } ],\n"
    "  \"plans\": [ { \"id\": \"plan-1\", \"name\": \"Zebra\" }, { \"id\": \"plan-2\", \"name\": \"Plan #10\" },\n"
    "               { \"id\": \"plan-3\", \"name\": \"\u00e9t\u00e9\" }, { \"id\": \"plan-4\", \"name\": \"Plan #2\" },\n"
    "               { \"id\": \"plan-5\", \"name\": \"alpha\" } ] }\n";
  g_autofree char *dir = g_dir_make_tmp ("pacte-open-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "names.pacte.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PacteWindow *window = pacte_window_new (NULL);
  Watch w = { window, 0, 0, FALSE };
  GListModel *plans, *partners, *doc_plans;
  PactePortfolio *doc;
  PacteRecord *zebra, *alpha;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, json, -1, &error));
  g_assert_no_error (error);
  pacte_window_set_today (window, pacte_date_parse (PACTE_TEST_SAMPLE_DAY));
  gtk_window_present (GTK_WINDOW (window));
  pacte_window_open_file (window, file);
  g_assert_true (pacte_test_wait_for (not_loading, &w, 30000));
  pacte_test_flush_events ();

  plans = pacte_window_get_plan_list (window);
  partners = pacte_window_get_partner_list (window);
  doc = pacte_window_get_portfolio (window);
  doc_plans = pacte_portfolio_get_plans (doc);
  pacte_test_assert_names (plans, (const char *[]) { "alpha", "\u00e9t\u00e9", "Plan #2", "Plan #10", "Zebra", NULL });
  pacte_test_assert_names (partners, (const char *[]) { "B\u00e9rard", "Brightwater", "\u00c9lectronique", "Zebra", NULL });
  /* The file keeps its own order. */
  pacte_test_assert_names (doc_plans, (const char *[]) { "Zebra", "Plan #10", "\u00e9t\u00e9", "Plan #2", "alpha", NULL });

  /* Renamed, the selected plan moves to its place and stays selected. */
  zebra = find_named (doc_plans, "Zebra");
  pacte_window_select_plan (window, PACTE_PLAN (zebra));
  pacte_test_flush_events ();
  g_assert_true (pacte_record_set_string (zebra, PACTE_PLAN_NAME, "Aardvark", &error));
  g_assert_no_error (error);
  pacte_test_flush_events ();
  pacte_test_assert_names (plans, (const char *[]) { "Aardvark", "alpha", "\u00e9t\u00e9", "Plan #2", "Plan #10", NULL });
  g_assert_true (gtk_single_selection_get_selected_item (window->plan_selection) == (gpointer) zebra);
  g_assert_cmpuint (gtk_single_selection_get_selected (window->plan_selection), ==, 0);
  g_assert_true (pacte_window_get_plan (window) == PACTE_PLAN (zebra));
  /* Undone: back to the end. */
  g_assert_true (pacte_portfolio_undo (doc));
  pacte_test_flush_events ();
  pacte_test_assert_names (plans, (const char *[]) { "alpha", "\u00e9t\u00e9", "Plan #2", "Plan #10", "Zebra", NULL });
  g_assert_cmpuint (gtk_single_selection_get_selected (window->plan_selection), ==, 4);

  /* Added (at the end of the file's list): in its place in the list. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-plan", NULL);
  pacte_test_flush_events ();
  pacte_test_assert_names (plans, (const char *[]) { "alpha", "\u00e9t\u00e9", "New Plan", "Plan #2", "Plan #10", "Zebra", NULL });
  /* Removed: gone from the list; undone: back in its place. */
  alpha = find_named (doc_plans, "alpha");
  for (guint i = 0; i < g_list_model_get_n_items (doc_plans); i++)
    {
      g_autoptr(PacteRecord) item = g_list_model_get_item (doc_plans, i);

      if (item == alpha)
        {
          pacte_record_list_remove (PACTE_RECORD (doc), PACTE_PORTFOLIO_PLANS, i);
          break;
        }
    }
  pacte_test_flush_events ();
  pacte_test_assert_names (plans, (const char *[]) { "\u00e9t\u00e9", "New Plan", "Plan #2", "Plan #10", "Zebra", NULL });
  g_assert_true (pacte_portfolio_undo (doc));
  pacte_test_flush_events ();
  pacte_test_assert_names (plans, (const char *[]) { "alpha", "\u00e9t\u00e9", "New Plan", "Plan #2", "Plan #10", "Zebra", NULL });

  /* A partner renamed likewise. */
  g_assert_true (pacte_record_set_string (find_named (pacte_portfolio_get_partners (doc), "Zebra"),
                                          PACTE_PARTNER_NAME, "\u00c2ne", &error));
  g_assert_no_error (error);
  pacte_test_flush_events ();
  pacte_test_assert_names (partners, (const char *[]) { "\u00c2ne", "B\u00e9rard", "Brightwater", "\u00c9lectronique", NULL });

  pacte_portfolio_set_unmodified (doc);
  pacte_test_destroy_window (window);
  pacte_test_remove_tree (dir);
}


/* ---- A large portfolio shown in steps ------------------------------------- */

/* A file of n_plans plans and n_partners partners named "<what> #N", in
 * reverse order of their numbers (the lists must sort them). */
/* With overdue, every plan has an action overdue (due in 2020). */
static char *
write_numbered_overdue (const char *dir,
                        const char *name,
                        const char *what,
                        guint       n_plans,
                        guint       n_partners,
                        gboolean    overdue)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"pacte-portfolio\", \"version\": 1,\n  \"partners\": [\n");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = n_partners; i >= 1; i--)
    g_string_append_printf (json, "    { \"id\": \"p-%u\", \"name\": \"%s partner #%u\" }%s\n", i, what, i, i > 1 ? "," : "");
  g_string_append (json, "  ],\n  \"plans\": [\n");
  for (guint i = n_plans; i >= 1; i--)
    g_string_append_printf (json, "    { \"id\": \"plan-%u\", \"name\": \"%s plan #%u\", \"partners\": [\"p-%u\"]%s }%s\n",
                            i, what, i, 1 + i % n_partners,
                            overdue ? ", \"actions\": [{ \"id\": \"a-1\", \"title\": \"Call\", \"due\": \"2020-01-31\" }]" : "",
                            i > 1 ? "," : "");
  g_string_append (json, "  ] }\n");
  g_assert_true (g_file_set_contents (path, json->str, json->len, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static char *
write_numbered (const char *dir,
                const char *name,
                const char *what,
                guint       n_plans,
                guint       n_partners)
{
  return write_numbered_overdue (dir, name, what, n_plans, n_partners, FALSE);
}

/* The model a list view shows (its rows), through its selection. */
static GListModel *
shown_rows (GtkSingleSelection *selection)
{
  return gtk_single_selection_get_model (selection);
}

static gboolean
all_rows_shown (gpointer data)
{
  PacteWindow *window = data;

  return g_list_model_get_n_items (shown_rows (window->plan_selection)) ==
         g_list_model_get_n_items (pacte_window_get_plan_list (window));
}

/* Every item of list is named "<what> … #N" with N from 1 to n, in order. */
static void
assert_numbered (GListModel *list,
                 const char *what,
                 const char *kind,
                 guint       n)
{
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_autofree char *name = NULL;
      g_autofree char *expected = g_strdup_printf ("%s %s #%u", what, kind, i + 1);

      g_object_get (item, "name", &name, NULL);
      g_assert_cmpstr (name, ==, expected);
    }
}

static gboolean
loaded (gpointer data)
{
  PacteWindow *window = data;

  return !pacte_document_get_loading (pacte_window_get_document (window));
}

static PactePlan *
plan_named (PacteWindow *window,
            const char  *name)
{
  return PACTE_PLAN (find_named (pacte_portfolio_get_plans (pacte_window_get_portfolio (window)), name));
}

/* An empty window of 1200×800, shown, on the sample's day. */
static PacteWindow *
large_window (void)
{
  PacteWindow *window = pacte_window_new (NULL);

  pacte_window_set_today (window, pacte_date_parse (PACTE_TEST_SAMPLE_DAY));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  pacte_test_flush_events ();
  return window;
}

static void
frame_painted (GdkFrameClock *clock,
               gpointer       data)
{
  (*(guint *) data)++;
}

/* Runs the main loop until the window drew a frame. */
static void
run_one_frame (PacteWindow *window)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));
  guint painted = 0;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_painted), &painted);

  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (painted == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

/* Opened, a long list shows its first rows (the frame that shows them
 * makes no more), then the others a batch per frame; the partners' list and the overview come after the plans, each in
 * a turn of the main loop of its own.  Meanwhile the lists are whole and
 * sorted, any plan can be selected, another open replaces the portfolio
 * being shown, and a cancelled one leaves it whole. */
static void
test_shown_in_steps (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pacte-open-XXXXXX", NULL);
  g_autofree char *path_a = write_numbered (dir, "a.pacte.json", "Alpha", 300, 500);
  g_autofree char *path_b = write_numbered (dir, "b.pacte.json", "Beta", 250, 400);
  g_autoptr(GFile) file_a = g_file_new_for_path (path_a);
  g_autoptr(GFile) file_b = g_file_new_for_path (path_b);
  g_autoptr(GFile) big = big_file ();
  PacteWindow *window = large_window ();
  guint first_rows;
  PactePlan *last;

  /* The turn that receives the portfolio: the plans, whole and sorted;
   * the view is given its first rows only; no partners' list nor
   * overview yet. */
  pacte_window_open_file (window, file_a);
  while (pacte_window_get_portfolio (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_numbered (pacte_window_get_plan_list (window), "Alpha", "plan", 300);
  first_rows = g_list_model_get_n_items (shown_rows (window->plan_selection));
  g_assert_cmpuint (first_rows, >, 0);
  g_assert_cmpuint (first_rows, <=, 40);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (window->partner_sorted)), ==, 0);
  g_assert_null (window->overview);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "document");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "overview");
  run_one_frame (window);
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (window->plan_selection)), ==, first_rows);
  run_one_frame (window);
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (window->plan_selection)), >, first_rows);

  /* Their turns come. */
  pacte_test_flush_events ();
  g_assert_nonnull (window->overview);
  g_assert_cmpuint (g_list_model_get_n_items (pacte_overview_get_plans (PACTE_OVERVIEW (window->overview))), ==, 300);
  assert_numbered (G_LIST_MODEL (window->partner_sorted), "Alpha", "partner", 500);
  /* The rows, a batch per frame, to the last. */
  g_assert_true (pacte_test_wait_for (all_rows_shown, window, 10000));
  assert_numbered (shown_rows (window->plan_selection), "Alpha", "plan", 300);

  /* Another open, selected at once: the plan at the end of the list is
   * selected and shown before its row was made. */
  pacte_window_open_file (window, file_b);
  while (pacte_window_get_portfolio (window) == NULL ||
         pacte_window_get_plan_list (window) == NULL ||
         g_list_model_get_n_items (pacte_window_get_plan_list (window)) != 250)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (window->plan_selection)), <, 250);
  last = plan_named (window, "Beta plan #250");
  pacte_window_select_plan (window, last);
  g_assert_true (pacte_window_get_plan (window) == last);
  g_assert_cmpuint (gtk_single_selection_get_selected (window->plan_selection), ==, 249);
  g_assert_true (gtk_single_selection_get_selected_item (window->plan_selection) == (gpointer) last);
  pacte_test_flush_events ();
  assert_numbered (G_LIST_MODEL (window->partner_sorted), "Beta", "partner", 400);
  /* A plan was chosen before the overview's turn: it is made when shown. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "plan");
  pacte_window_show_overview (window, NULL);
  g_assert_nonnull (window->overview);
  g_assert_cmpuint (g_list_model_get_n_items (pacte_overview_get_plans (PACTE_OVERVIEW (window->overview))), ==, 250);

  /* A opened over B; another open, cancelled while A's rows are still
   * coming: A stays, whole. */
  pacte_window_open_file (window, file_a);
  while (pacte_window_get_portfolio (window) == NULL ||
         g_list_model_get_n_items (pacte_window_get_plan_list (window)) != 300)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (window->plan_selection)), <, 300);
  _pacte_window_set_progress_delay (window, 1);
  pacte_window_open_file (window, big);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-open", NULL));
  g_assert_true (loaded (window));
  pacte_test_flush_events ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "document");
  assert_numbered (pacte_window_get_plan_list (window), "Alpha", "plan", 300);
  assert_numbered (pacte_window_get_partner_list (window), "Alpha", "partner", 500);
  g_assert_true (pacte_test_wait_for (all_rows_shown, window, 10000));
  assert_numbered (shown_rows (window->plan_selection), "Alpha", "plan", 300);

  /* Closed while the rows of a new open are still coming. */
  pacte_window_open_file (window, file_b);
  g_assert_true (pacte_test_wait_for (loaded, window, 30000));
  g_assert_false (all_rows_shown (window));
  pacte_test_destroy_window (window);
  pacte_test_remove_tree (dir);
}

static gboolean
note_told (gpointer data)
{
  PacteWindow *window = data;

  return window->overdue_note != NULL;
}

/* The note of overdue items comes once the plans' list has all its rows
 * (its sliding in is then all a frame draws), not before; a note still to
 * come for a portfolio replaced by another never comes. */
static void
test_note_after_rows (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pacte-open-XXXXXX", NULL);
  g_autofree char *path_a = write_numbered_overdue (dir, "a.pacte.json", "Alpha", 300, 500, TRUE);
  g_autofree char *path_b = write_numbered (dir, "b.pacte.json", "Beta", 250, 400);
  g_autoptr(GFile) file_a = g_file_new_for_path (path_a);
  g_autoptr(GFile) file_b = g_file_new_for_path (path_b);
  PacteWindow *window = large_window ();

  pacte_window_open_file (window, file_a);
  while (pacte_window_get_portfolio (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* Until the list is whole, no note; then it comes, with the load's
   * count, which the overview says too. */
  while (!note_told (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (all_rows_shown (window));
  g_assert_nonnull (window->overview);
  g_assert_cmpstr (adw_toast_get_title (window->overdue_note), ==, "300 items are overdue");
  g_assert_cmpuint (pacte_overview_count_overdue (PACTE_OVERVIEW (window->overview)), ==, 300);

  /* A opened again, B opened over it before A's lists are whole: no note
   * about A comes (B has nothing overdue). */
  {
    PactePortfolio *before = pacte_window_get_portfolio (window);
    AdwToast *first = window->overdue_note;

    pacte_window_open_file (window, file_a);
    while (pacte_window_get_portfolio (window) == before)
      g_main_context_iteration (NULL, TRUE);
    /* Counted, waiting for the rows. */
    while (window->note_tick == 0 && (window->overdue_note == NULL || window->overdue_note == first))
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpuint (window->note_tick, !=, 0);
  g_assert_false (all_rows_shown (window));
  pacte_window_open_file (window, file_b);
  g_assert_true (pacte_test_wait_for (loaded, window, 30000));
  g_assert_true (pacte_test_wait_for (all_rows_shown, window, 10000));
  pacte_test_run_frames (400);
  g_assert_cmpuint (g_list_model_get_n_items (pacte_window_get_plan_list (window)), ==, 250);
  g_assert_null (window->overdue_note);

  pacte_test_destroy_window (window);
  pacte_test_remove_tree (dir);
}

/* The System V shared-memory segments this process has attached (cairo's
 * pools of memory for frames, with cairo on X11), by their id. */
static char *
shm_segments (void)
{
  g_autofree char *maps = NULL;
  g_auto(GStrv) lines = NULL;
  GString *ids = g_string_new (NULL);

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  lines = g_strsplit (maps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "/SYSV") != NULL)
      {
        g_auto(GStrv) fields = g_strsplit_set (lines[i], " ", -1);
        guint n = 0;

        /* address, mode, offset, device, then the segment's id. */
        for (guint f = 0; fields[f] != NULL; f++)
          if (fields[f][0] != '\0' && ++n == 5)
            g_string_append_printf (ids, "%s ", fields[f]);
      }
  return g_string_free (ids, FALSE);
}

/* With cairo on X11, a frame that redraws the whole window after small
 * frames is drawn in shared memory the window already had: cairo would
 * otherwise have dropped its pool at the small frames and made a new one,
 * whose pages cost the first frame of an opened portfolio thousands of
 * page faults (see pacte-frame-memory.c). */
static void
test_frame_memory_kept (void)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PacteWindow *window;
  GtkWidget *button;
  GtkWidget *child;

#ifdef GDK_WINDOWING_X11
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
#endif
    {
      g_test_skip ("cairo's shared memory for frames is X11's");
      return;
    }
#ifdef GDK_WINDOWING_X11
  {
    int opcode, event, error;

    if (!XQueryExtension (gdk_x11_display_get_xdisplay (gdk_display_get_default ()), "MIT-SHM",
                          &opcode, &event, &error))
      {
        g_test_skip ("the X server has no shared memory (MIT-SHM): cairo draws without it");
        return;
      }
  }
#endif
  window = pacte_test_window_with_sample ();
  g_assert_true (GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (window))));
  pacte_test_run_frames (100);
  g_assert_true (pacte_frame_memory_is_kept (GTK_WINDOW (window)));

  before = shm_segments ();
  g_assert_cmpstr (before, !=, "");
  /* Small frames: one button drawn half transparent, then again as it
   * was, a few times (GTK draws only what differs from the last frame). */
  button = pacte_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  for (guint i = 0; i < 6; i++)
    {
      gtk_widget_set_opacity (button, i % 2 == 0 ? 0.5 : 1.0);
      pacte_test_run_frames (40);
    }
  /* Then the whole window, as when the document page replaces the
   * progress page. */
  child = gtk_window_get_child (GTK_WINDOW (window));
  for (guint i = 0; i < 2; i++)
    {
      gtk_widget_set_opacity (child, i % 2 == 0 ? 0.5 : 1.0);
      pacte_test_run_frames (100);
    }
  after = shm_segments ();
  g_assert_cmpstr (after, ==, before);
  pacte_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  int status;

  pacte_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/open/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/open/quick-open-shows-no-page", test_quick_open_shows_no_page);
  g_test_add_func ("/open/first-open", test_first_open);
  g_test_add_func ("/open/lists-stay-sorted", test_lists_stay_sorted);
  g_test_add_func ("/open/lists-give-rows-back", test_lists_give_rows_back);
  g_test_add_func ("/open/shown-in-steps", test_shown_in_steps);
  g_test_add_func ("/open/note-after-rows", test_note_after_rows);
  /* GTK picks its renderer once per process: the open-cairo test runs
   * this one with GSK_RENDERER=cairo. */
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0)
    g_test_add_func ("/open/frame-memory-kept", test_frame_memory_kept);
  status = g_test_run ();
  if (big_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (big_path);

      pacte_test_remove_tree (dir);
    }
  return status;
}
