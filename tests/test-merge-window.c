/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-merge-window.c: a portfolio a git merge left with conflicts, in the
 * window: the bar says "2 merge conflicts", Take Theirs and Keep Ours
 * resolve one each (one undo step each), and the bar goes with the last. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

#include "pacte-merge.h"
#include "pacte-merge-bar.h"
#include "pacte-rules.h"
#include "pacte-test-window-utils.h"

static const char base_text[] =
  "{ \"format\": \"pacte-portfolio\", \"version\": 1,"
  "  \"partners\": [ { \"id\": \"p-1\", \"name\": \"Ashford\" } ],"
  "  \"plans\": ["
  "    { \"id\": \"plan-1\", \"name\": \"One\", \"partners\": [ \"p-1\" ],"
  "      \"objectives\": [ { \"id\": \"o-1\", \"title\": \"Joint deals\", \"target\": 10 } ] },"
  "    { \"id\": \"plan-2\", \"name\": \"Two\" } ] }";

static PactePortfolio *
load (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  PactePortfolio *portfolio = pacte_portfolio_load_bytes (bytes, "side", pacte_rule_set_get_default (), &error);

  g_assert_no_error (error);
  return portfolio;
}

/* The merge of base_text with ours and theirs edited by the replacements
 * (pairs of old, new), loaded as the window loads it. */
static PactePortfolio *
merged (const char * const *ours_edits,
        const char * const *theirs_edits)
{
  g_autoptr(GString) ours = g_string_new (base_text);
  g_autoptr(GString) theirs = g_string_new (base_text);
  g_autoptr(PactePortfolio) base = load (base_text);
  g_autoptr(PactePortfolio) o = NULL;
  g_autoptr(PactePortfolio) t = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PactePortfolio *result;

  for (guint i = 0; ours_edits[i] != NULL; i += 2)
    g_assert_cmpuint (g_string_replace (ours, ours_edits[i], ours_edits[i + 1], 1), ==, 1);
  for (guint i = 0; theirs_edits[i] != NULL; i += 2)
    g_assert_cmpuint (g_string_replace (theirs, theirs_edits[i], theirs_edits[i + 1], 1), ==, 1);
  o = load (ours->str);
  t = load (theirs->str);
  bytes = pacte_merge_portfolios (base, o, t, pacte_rule_set_get_default (), NULL, &error);
  g_assert_no_error (error);
  result = pacte_portfolio_load_bytes (bytes, "merged.pacte.json", pacte_rule_set_get_default (), &error);
  g_assert_no_error (error);
  return result;
}

static PactePortfolio *
conflicted_portfolio (void)
{
  g_autoptr(GString) ours = g_string_new (base_text);
  g_autoptr(GString) theirs = g_string_new (base_text);
  g_autoptr(PactePortfolio) base = load (base_text);
  g_autoptr(PactePortfolio) o = NULL;
  g_autoptr(PactePortfolio) t = NULL;
  g_autoptr(GBytes) merged = NULL;
  g_autoptr(GError) error = NULL;
  PactePortfolio *result;

  g_string_replace (ours, "\"target\": 10", "\"target\": 12", 1);
  g_string_replace (ours, "\"Two\"", "\"Two (ours)\"", 1);
  g_string_replace (theirs, "\"target\": 10", "\"target\": 15", 1);
  g_string_replace (theirs, "\"Two\"", "\"Two (theirs)\"", 1);
  o = load (ours->str);
  t = load (theirs->str);
  merged = pacte_merge_portfolios (base, o, t, pacte_rule_set_get_default (), NULL, &error);
  g_assert_no_error (error);
  result = pacte_portfolio_load_bytes (merged, "merged.pacte.json", pacte_rule_set_get_default (), &error);
  g_assert_no_error (error);
  return result;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             const char *button_label,
             guint      *skip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (button_label == NULL || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), button_label) == 0))
        {
          if (skip == NULL || *skip == 0)
            return child;
          (*skip)--;
        }
      found = find_widget (child, type, button_label, skip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
click (PacteMergeBar *bar,
       const char    *label,
       guint          row)
{
  guint skip = row;
  GtkWidget *button = find_widget (GTK_WIDGET (bar), GTK_TYPE_BUTTON, label, &skip);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_signal_emit_by_name (button, "clicked");
  pacte_test_flush_events ();
}

static double
target_of (PactePortfolio *doc)
{
  guint n = 0;
  PacteRecord *plan = PACTE_RECORD (pacte_portfolio_find_plan (doc, "plan-1"));

  return pacte_record_get_number (pacte_record_get_items (plan, PACTE_PLAN_OBJECTIVES, &n)[0], PACTE_OBJECTIVE_TARGET);
}

static void
test_bar_resolves (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  g_autoptr(PactePortfolio) doc = conflicted_portfolio ();
  PacteMergeBar *bar;

  /* The sample has no conflicts: no bar. */
  bar = PACTE_MERGE_BAR (find_widget (GTK_WIDGET (window), PACTE_TYPE_MERGE_BAR, NULL, NULL));
  g_assert_nonnull (bar);
  g_assert_cmpstr (pacte_merge_bar_get_title (bar), ==, "");

  pacte_window_set_portfolio (window, doc);
  pacte_test_flush_events ();
  g_assert_cmpstr (pacte_merge_bar_get_title (bar), ==, "2 merge conflicts");
  g_assert_true (gtk_widget_is_visible (find_widget (GTK_WIDGET (bar), GTK_TYPE_INFO_BAR, NULL, NULL)));
  if (g_getenv ("PACTE_TEST_SCREENSHOT_PAUSE") != NULL)
    g_usleep (G_USEC_PER_SEC * atoi (g_getenv ("PACTE_TEST_SCREENSHOT_PAUSE")));

  /* Theirs for the target: 15, one conflict left, one undo step. */
  click (bar, "Take _Theirs", 0);
  g_assert_cmpfloat (target_of (doc), ==, 15);
  g_assert_cmpstr (pacte_merge_bar_get_title (bar), ==, "1 merge conflict");
  g_assert_true (pacte_portfolio_undo (doc));
  pacte_test_flush_events ();
  g_assert_cmpfloat (target_of (doc), ==, 12);
  g_assert_cmpstr (pacte_merge_bar_get_title (bar), ==, "2 merge conflicts");
  g_assert_true (pacte_portfolio_redo (doc));
  pacte_test_flush_events ();
  g_assert_cmpstr (pacte_merge_bar_get_title (bar), ==, "1 merge conflict");

  /* Ours for the name: the last one; the bar goes, and so does the member. */
  click (bar, "Keep _Ours", 0);
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (pacte_portfolio_find_plan (doc, "plan-2")), PACTE_PLAN_NAME), ==, "Two (ours)");
  g_assert_cmpstr (pacte_merge_bar_get_title (bar), ==, "");
  g_assert_false (gtk_widget_is_visible (find_widget (GTK_WIDGET (bar), GTK_TYPE_INFO_BAR, NULL, NULL)));
  {
    g_autoptr(GBytes) saved = pacte_portfolio_to_bytes (doc);

    g_assert_null (strstr (g_bytes_get_data (saved, NULL), "merge_conflicts"));
  }
  g_assert_true (pacte_portfolio_undo (doc));
  pacte_test_flush_events ();
  g_assert_cmpstr (pacte_merge_bar_get_title (bar), ==, "1 merge conflict");

  pacte_test_destroy_window (window);
}

static AdwMessageDialog *
shown_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Edit…: the user types the value; refused text cannot resolve, a value
 * the field takes resolves the conflict with it, in one undo step. */
static void
test_bar_edit (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  g_autoptr(PactePortfolio) doc = conflicted_portfolio ();
  PacteMergeBar *bar = PACTE_MERGE_BAR (find_widget (GTK_WIDGET (window), PACTE_TYPE_MERGE_BAR, NULL, NULL));
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  pacte_window_set_portfolio (window, doc);
  pacte_test_flush_events ();
  g_assert_cmpstr (pacte_merge_bar_get_title (bar), ==, "2 merge conflicts");

  click (bar, "_Edit…", 0);
  dialog = shown_message_dialog ();
  g_assert_nonnull (dialog);
  entry = find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT, NULL, NULL);
  g_assert_nonnull (entry);
  /* Ours to start from. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "12");
  gtk_editable_set_text (GTK_EDITABLE (entry), "a dozen");
  pacte_test_flush_events ();
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "resolve"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "13");
  pacte_test_flush_events ();
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "resolve"));
  adw_message_dialog_response (dialog, "resolve");
  pacte_test_flush_events ();
  g_assert_cmpfloat (target_of (doc), ==, 13);
  g_assert_cmpstr (pacte_merge_bar_get_title (bar), ==, "1 merge conflict");

  /* One undo step: our value and the conflict are back. */
  g_assert_true (pacte_portfolio_undo (doc));
  pacte_test_flush_events ();
  g_assert_cmpfloat (target_of (doc), ==, 12);
  g_assert_cmpstr (pacte_merge_bar_get_title (bar), ==, "2 merge conflicts");

  pacte_test_destroy_window (window);
}

/* A record our side removed and their side edited: Take Theirs puts their
 * record back (one undo step); the reverse removes it. */
static void
test_bar_whole_record (void)
{
  static const char * const objective = "\"objectives\": [ { \"id\": \"o-1\", \"title\": \"Joint deals\", \"target\": 10 } ]";
  static const char * const remove_objective[] = { NULL, "\"objectives\": []", NULL };
  static const char * const edit_objective[] = { "\"target\": 10", "\"target\": 15", NULL };
  const char *ours_edits[3] = { objective, remove_objective[1], NULL };
  PacteWindow *window = pacte_test_window_with_sample ();
  PacteMergeBar *bar = PACTE_MERGE_BAR (find_widget (GTK_WIDGET (window), PACTE_TYPE_MERGE_BAR, NULL, NULL));
  PactePortfolio *doc;
  guint n = 0;

  /* Ours removed o-1, theirs edited it. */
  doc = merged (ours_edits, edit_objective);
  pacte_window_set_portfolio (window, doc);
  pacte_test_flush_events ();
  g_assert_cmpstr (pacte_merge_bar_get_title (bar), ==, "1 merge conflict");
  pacte_record_get_items (PACTE_RECORD (pacte_portfolio_find_plan (doc, "plan-1")), PACTE_PLAN_OBJECTIVES, &n);
  g_assert_cmpuint (n, ==, 0);
  click (bar, "Take _Theirs", 0);
  g_assert_cmpstr (pacte_merge_bar_get_title (bar), ==, "");
  g_assert_cmpfloat (target_of (doc), ==, 15);
  g_assert_true (pacte_portfolio_undo (doc));
  pacte_test_flush_events ();
  pacte_record_get_items (PACTE_RECORD (pacte_portfolio_find_plan (doc, "plan-1")), PACTE_PLAN_OBJECTIVES, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpstr (pacte_merge_bar_get_title (bar), ==, "1 merge conflict");
  g_object_unref (doc);

  /* Ours edited o-1, theirs removed it: Take Theirs removes it. */
  doc = merged (edit_objective, ours_edits);
  pacte_window_set_portfolio (window, doc);
  pacte_test_flush_events ();
  g_assert_cmpstr (pacte_merge_bar_get_title (bar), ==, "1 merge conflict");
  click (bar, "Take _Theirs", 0);
  g_assert_cmpstr (pacte_merge_bar_get_title (bar), ==, "");
  pacte_record_get_items (PACTE_RECORD (pacte_portfolio_find_plan (doc, "plan-1")), PACTE_PLAN_OBJECTIVES, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (pacte_portfolio_undo (doc));
  pacte_test_flush_events ();
  g_assert_cmpfloat (target_of (doc), ==, 15);
  g_object_unref (doc);

  pacte_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/merge-window/bar-resolves", test_bar_resolves);
  g_test_add_func ("/merge-window/bar-edit", test_bar_edit);
  g_test_add_func ("/merge-window/bar-whole-record", test_bar_whole_record);
  return g_test_run ();
}
