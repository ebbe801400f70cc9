/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-open.c: opening a large portfolio in the window: the file is read in
 * the background, the window answers meanwhile, a progress page says how
 * far the opening is, and Cancel leaves the window as it was. */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "pacte-i18n.h"
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
  status = g_test_run ();
  if (big_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (big_path);

      pacte_test_remove_tree (dir);
    }
  return status;
}
