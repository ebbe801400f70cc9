/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-calendar.c: Export Calendar in the window, through its file
 * chooser: the portfolio's and the plan's calendars are written (the file
 * read back with libical), a toast says how many events, a file that cannot
 * be written gets an error dialog, and the plan's item is off while no plan
 * is shown. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <adwaita.h>

#include "pacte-calendar.h"
#include "pacte-test-window-utils.h"

/* TRUE when a label under widget shows text containing data->text. */
typedef struct {
  GtkWidget  *widget;
  const char *text;
} Want;

static gboolean
shows_label (gpointer data)
{
  Want *want = data;

  return pacte_test_has_label_containing (want->widget, want->text, FALSE);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

/* TRUE when a message dialog with this heading is shown. */
static gboolean
has_message_dialog (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data)
        && g_strcmp0 (adw_message_dialog_get_heading (l->data), data) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_file_chooser (gpointer data G_GNUC_UNUSED)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_FILE_CHOOSER (l->data) && gtk_widget_get_visible (l->data))
      return TRUE;
  return FALSE;
}

/* The events of the calendar file at path, as a parsed VCALENDAR. */
static icalcomponent *
read_calendar (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  icalcomponent *calendar;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  return calendar;
}

static const char *
calendar_name (icalcomponent *calendar)
{
  icalproperty *name = icalcomponent_get_first_property (calendar, ICAL_X_PROPERTY);

  g_assert_nonnull (name);
  g_assert_cmpstr (icalproperty_get_x_name (name), ==, "X-WR-CALNAME");
  return icalproperty_get_x (name);
}

static void
test_export_portfolio_and_plan (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  g_autofree char *dir = g_dir_make_tmp ("pacte-test-calendar-XXXXXX", NULL);
  g_autofree char *all_path = g_build_filename (dir, "team.ics", NULL);
  g_autofree char *plan_path = g_build_filename (dir, "plan.ics", NULL);
  g_autoptr(PactePlan) plan = g_list_model_get_item (pacte_portfolio_get_plans (doc), 0);
  const char *plan_name = pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME);
  g_autofree char *toast = NULL;
  g_autofree char *expected = NULL;
  icalcomponent *calendar;
  guint n_all = 0, n_plan = 0;
  Want want = { GTK_WIDGET (window), NULL };

  g_free (pacte_calendar_build (doc, NULL, "en", NULL, &n_all));
  g_free (pacte_calendar_build (doc, plan, "en", NULL, &n_plan));
  g_assert_cmpuint (n_plan, >, 0);
  g_assert_cmpuint (n_all, >, n_plan);

  /* The whole portfolio; ".ics" is added to the name typed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-calendar", NULL));
  pacte_test_accept_file_chooser (dir, "team");
  g_assert_true (pacte_test_wait_for (file_exists, all_path, 10000));
  toast = g_strdup_printf ("Exported %u events to “team.ics”", n_all);
  want.text = toast;
  g_assert_true (pacte_test_wait_for (shows_label, &want, 5000));
  calendar = read_calendar (all_path);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, n_all);
  g_assert_cmpstr (calendar_name (calendar), ==,
                   pacte_record_get_string (PACTE_RECORD (doc), PACTE_PORTFOLIO_META_TITLE));
  icalcomponent_free (calendar);

  /* The plan shown, alone: every event names it. */
  pacte_window_select_plan (window, PACTE_PLAN (plan));
  pacte_test_flush_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-plan-calendar", NULL));
  pacte_test_accept_file_chooser (dir, "plan.ics");
  g_assert_true (pacte_test_wait_for (file_exists, plan_path, 10000));
  calendar = read_calendar (plan_path);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, n_plan);
  g_assert_cmpstr (calendar_name (calendar), ==, plan_name);
  /* In the report language: the sample's is French. */
  expected = g_strdup_printf ("Plan\u00a0: %s", plan_name);
  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       e != NULL;
       e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    g_assert_nonnull (strstr (icalcomponent_get_description (e), expected));
  icalcomponent_free (calendar);

  pacte_test_destroy_window (window);
  pacte_test_remove_tree (dir);
}

static void
test_export_failure_and_state (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *doc = pacte_window_get_portfolio (window);
  g_autofree char *dir = g_dir_make_tmp ("pacte-test-calendar-XXXXXX", NULL);
  g_autofree char *all_path = g_build_filename (dir, "all.ics", NULL);
  g_autoptr(PactePartner) partner = g_list_model_get_item (pacte_portfolio_get_partners (doc), 0);

  /* A folder no one can create a file in (not even root, who runs the
   * tests on CI): said in a dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-calendar", NULL));
  pacte_test_accept_file_chooser ("/proc", "team.ics");
  g_assert_true (pacte_test_wait_for (has_message_dialog, (gpointer) "Could Not Export the Calendar", 10000));
  g_assert_false (g_file_test ("/proc/team.ics", G_FILE_TEST_EXISTS));

  /* A partner shown: the plan's item does nothing (it is off), the
   * portfolio's still writes its file. */
  pacte_window_select_partner (window, partner);
  pacte_test_flush_events ();
  g_assert_null (pacte_window_get_plan (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-plan-calendar", NULL);
  pacte_test_flush_events ();
  g_assert_false (has_file_chooser (NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-calendar", NULL));
  pacte_test_accept_file_chooser (dir, "all.ics");
  g_assert_true (pacte_test_wait_for (file_exists, all_path, 10000));

  pacte_test_destroy_window (window);
  pacte_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window-calendar/export", test_export_portfolio_and_plan);
  g_test_add_func ("/window-calendar/failure-and-state", test_export_failure_and_state);
  return g_test_run ();
}
