/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-test-window-utils.c: helpers shared by the window tests. */
#include "config.h"

#include <string.h>

#include "pacte-test-window-utils.h"

static gboolean
timeout_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate_pending (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
painted_cb (GdkFrameClock *clock,
            gpointer       data)
{
  *(gboolean *) data = TRUE;
}

/* Waits for the next frame of window's frame clock (at most a second). */
static void
wait_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean done = FALSE;
  guint timeout;
  gulong handler;

  if (clock == NULL)
    return;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &done);
  timeout = g_timeout_add (1000, timeout_done_cb, &done);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  g_source_remove (timeout);
}

/* What is pending, then a frame of each window shown, so that what the
 * frame lays out (the heat map's rows, a list's rows) is there whatever the
 * machine's load; then what that frame queued. */
void
pacte_test_flush_events (void)
{
  GList *windows;

  iterate_pending ();
  windows = gtk_window_list_toplevels ();
  g_list_foreach (windows, (GFunc) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    if (gtk_widget_get_mapped (l->data))
      wait_frame (l->data);
  g_list_free_full (windows, g_object_unref);
  iterate_pending ();
}

void
pacte_test_run_frames (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

PacteWindow *
pacte_test_window_with_sample (void)
{
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (pacte_rule_set_get_default ());
  PacteWindow *window = pacte_window_new (NULL);

  pacte_window_set_today (window, pacte_date_parse (PACTE_TEST_SAMPLE_DAY));
  pacte_window_set_portfolio (window, portfolio);
  gtk_window_present (GTK_WINDOW (window));
  pacte_test_flush_events ();
  return window;
}

void
pacte_test_destroy_window (PacteWindow *window)
{
  PactePortfolio *doc = pacte_window_get_portfolio (window);

  /* Forget changes so that destroying asks nothing. */
  if (doc != NULL)
    pacte_portfolio_set_unmodified (doc);
  gtk_window_destroy (GTK_WINDOW (window));
  pacte_test_flush_events ();
}

void
pacte_test_accept_file_chooser (const char *folder,
                                const char *name)
{
  g_autoptr(GFile) dir = g_file_new_for_path (folder);
  GtkWidget *chooser = NULL;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (chooser == NULL && g_get_monotonic_time () < end)
    {
      g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (GTK_IS_FILE_CHOOSER (l->data) && gtk_widget_get_visible (l->data))
          chooser = l->data;
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_nonnull (chooser);
  /* The chooser loads the portfolio's folder first, which may replace a
   * folder set too early: set ours until the chooser answers with it. */
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) parent = chosen != NULL ? g_file_get_parent (chosen) : NULL;
      g_autofree char *chosen_name = chosen != NULL ? g_file_get_basename (chosen) : NULL;

      if (parent != NULL && g_file_equal (parent, dir) && g_strcmp0 (chosen_name, name) == 0)
        break;
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
      for (int i = 0; i < 20; i++)
        g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

AdwMessageDialog *
pacte_test_find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

AdwMessageDialog *
pacte_test_wait_for_message_dialog (void)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  AdwMessageDialog *dialog;

  while ((dialog = pacte_test_find_message_dialog ()) == NULL && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  return dialog;
}

void
pacte_test_close_dialog (AdwMessageDialog *dialog,
                         const char       *response)
{
  /* As a click does: the response, then the dialog goes (destroy, not
   * close, which would answer a second time with the close response). */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  pacte_test_flush_events ();
}

GtkWidget *
pacte_test_find_widget (GtkWidget *widget,
                        gboolean (*match) (GtkWidget *widget,
                                           gpointer   data),
                        gpointer   data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pacte_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  const char *text;
  gboolean    mapped_only;
} LabelWanted;

static gboolean
is_label_containing (GtkWidget *widget,
                     gpointer   data)
{
  const LabelWanted *wanted = data;

  return GTK_IS_LABEL (widget) && (!wanted->mapped_only || gtk_widget_get_mapped (widget))
         && strstr (gtk_label_get_text (GTK_LABEL (widget)), wanted->text) != NULL;
}

gboolean
pacte_test_has_label_containing (GtkWidget  *widget,
                                 const char *text,
                                 gboolean    mapped_only)
{
  LabelWanted wanted = { text, mapped_only };

  return pacte_test_find_widget (widget, is_label_containing, &wanted) != NULL;
}

static gboolean
is_of_type (GtkWidget *widget,
            gpointer   data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

GtkWidget *
pacte_test_find_descendant (GtkWidget *widget,
                            GType      type)
{
  return pacte_test_find_widget (widget, is_of_type, GSIZE_TO_POINTER (type));
}

void
pacte_test_assert_names (GListModel         *list,
                         const char * const *expected)
{
  guint n = g_list_model_get_n_items (list);

  g_assert_cmpuint (n, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_autofree char *name = NULL;

      g_object_get (item, "name", &name, NULL);
      g_assert_cmpstr (name, ==, expected[i]);
    }
}
