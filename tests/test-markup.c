/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-markup.c: text from a file is shown as text, never read as Pango
 * markup.  libadwaita 1.2 reads toasts' titles and rows' titles and
 * subtitles as markup: a file named "R&D <b>x&lt;.pacte.json" and a plan
 * named "<i>x</i> & y" must show literally, with no markup warning (made
 * fatal here). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pacte-drafts-dialog.h"
#include "pacte-i18n.h"
#include "pacte-test-window-utils.h"
#include "pacte-window.h"

/* A file name cannot hold "/": "</b>" is impossible, an open tag and an
 * entity are not. */
#define FILE_NAME "R&D <b>x&lt;.pacte.json"
#define HOSTILE   "<i>x</i> & y"

/* Every text field of record and of the records in its lists becomes
 * HOSTILE (ids stay: references use them). */
static void
make_hostile (PacteRecord *record)
{
  guint n = pacte_record_get_n_fields (record);

  for (guint f = 0; f < n; f++)
    {
      const PacteFieldInfo *info = pacte_record_get_field_info (record, f);

      if (info->kind == PACTE_FIELD_STRING && info->json_path != NULL
          && !g_str_equal (info->json_path, "id") && !g_str_equal (info->json_path, "objective"))
        {
          g_autoptr(GError) error = NULL;

          /* Some strings are checked (a quarter): those keep their value. */
          pacte_record_set_string (record, f, HOSTILE, &error);
        }
      else if (info->kind == PACTE_FIELD_LIST)
        {
          GListModel *list = pacte_record_get_list (record, f);

          for (guint i = 0; i < g_list_model_get_n_items (list); i++)
            {
              g_autoptr(PacteRecord) item = g_list_model_get_item (list, i);

              make_hostile (item);
            }
        }
    }
}

typedef struct
{
  guint        literal;   /* labels showing HOSTILE as it is */
  const char  *want;      /* a text a label must show, or NULL */
  gboolean     found;
} LabelScan;

/* Every label of the tree, shown or not: none reads the file's text as
 * markup, and count those that show it literally. */
static void
scan_labels (GtkWidget *widget,
             LabelScan *scan)
{
  if (GTK_IS_LABEL (widget))
    {
      GtkLabel *label = GTK_LABEL (widget);
      const char *source = gtk_label_get_label (label);
      const char *shown = gtk_label_get_text (label);

      if (gtk_label_get_use_markup (label) && source != NULL
          && (strstr (source, "<i>x</i>") != NULL || strstr (source, "<b>x&lt;") != NULL))
        g_error ("a label reads file text as markup: %s (a %s in a %s)", source,
                 G_OBJECT_TYPE_NAME (widget), G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
      if (shown != NULL && strstr (shown, HOSTILE) != NULL)
        scan->literal++;
      if (scan->want != NULL && g_strcmp0 (shown, scan->want) == 0)
        scan->found = TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    scan_labels (child, scan);
}

typedef struct
{
  GtkWidget  *window;
  const char *text;
} Wanted;

static gboolean
shows_label (gpointer data)
{
  Wanted *wanted = data;
  LabelScan scan = { 0, wanted->text, FALSE };

  scan_labels (wanted->window, &scan);
  return scan.found;
}

static void
test_file_and_names (void)
{
  g_autoptr(PactePortfolio) hostile = pacte_test_load_sample (pacte_rule_set_get_default ());
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-markup-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PacteWindow *window;
  PactePortfolio *doc;
  GListModel *plans, *partners;
  gint64 end;
  Wanted want;

  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_assert_no_error (error);

  /* The sample, every text of every plan and partner HOSTILE, in a file
   * whose name is markup too. */
  plans = pacte_portfolio_get_plans (hostile);
  partners = pacte_portfolio_get_partners (hostile);
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(PacteRecord) plan = g_list_model_get_item (plans, i);

      make_hostile (plan);
    }
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(PacteRecord) partner = g_list_model_get_item (partners, i);

      make_hostile (partner);
    }
  path = g_build_filename (dir, FILE_NAME, NULL);
  file = g_file_new_for_path (path);
  bytes = pacte_portfolio_to_bytes (hostile);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  window = pacte_window_new (NULL);
  pacte_window_set_today (window, pacte_date_parse (PACTE_TEST_SAMPLE_DAY));
  gtk_window_present (GTK_WINDOW (window));
  pacte_window_open_file (window, file);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (pacte_window_get_portfolio (window) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  doc = pacte_window_get_portfolio (window);
  g_assert_nonnull (doc);
  pacte_test_flush_events ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, FILE_NAME " – Pacte");

  /* Each plan and each partner shown in turn: the lists, the editors, their
   * item rows, the lights' explanations. */
  plans = pacte_portfolio_get_plans (doc);
  partners = pacte_portfolio_get_partners (doc);
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);
      LabelScan scan = { 0, FILE_NAME, FALSE };

      pacte_window_select_plan (window, plan);
      pacte_test_flush_events ();
      scan_labels (GTK_WIDGET (window), &scan);
      /* The sidebar's row, the editor's title, the lights... */
      g_assert_cmpuint (scan.literal, >=, 3);
      /* The header bar's title shows the file name. */
      g_assert_true (scan.found);
    }
  for (guint i = 0; i < g_list_model_get_n_items (partners); i++)
    {
      g_autoptr(PactePartner) partner = g_list_model_get_item (partners, i);
      LabelScan scan = { 0, NULL, FALSE };

      pacte_window_select_partner (window, partner);
      pacte_test_flush_events ();
      scan_labels (GTK_WIDGET (window), &scan);
      g_assert_cmpuint (scan.literal, >=, 2);
    }

  /* Saved: the toast names the file, literally. */
  {
    g_autoptr(PactePlan) plan = g_list_model_get_item (plans, 0);

    pacte_record_set_string (PACTE_RECORD (plan), PACTE_PLAN_OWNER, "A & B <u>", &error);
    g_assert_no_error (error);
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (pacte_portfolio_get_modified (doc) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (pacte_portfolio_get_modified (doc));
  want.window = GTK_WIDGET (window);
  want.text = "Saved “" FILE_NAME "”";
  g_assert_true (pacte_test_wait_for (shows_label, &want, 5000));
  {
    LabelScan scan = { 0, NULL, FALSE };

    scan_labels (GTK_WIDGET (window), &scan);
  }

  /* What was saved loads back with the same texts. */
  {
    g_autoptr(PactePortfolio) loaded = pacte_portfolio_load_file (file, pacte_rule_set_get_default (), NULL, &error);

    g_assert_no_error (error);
    g_assert_true (pacte_record_equal (PACTE_RECORD (loaded), PACTE_RECORD (doc)));
  }

  pacte_test_destroy_window (window);
  pacte_test_remove_tree (dir);
}

/* The toast helper takes plain text, whoever calls it. */
static void
test_toast_text (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  Wanted want = { GTK_WIDGET (window), "Exported “" FILE_NAME "” & more <" };

  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  pacte_window_show_toast (window, want.text);
  g_assert_true (pacte_test_wait_for (shows_label, &want, 5000));
  pacte_test_destroy_window (window);
}

/* The drafts dialog lists drafts by the file's name and folder. */
static void
test_drafts_dialog (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-markup-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (dir, "A&B <i>", NULL);
  g_autofree char *path = g_build_filename (folder, FILE_NAME, NULL);
  g_autofree char *drafts_path = g_build_filename (dir, "drafts", NULL);
  g_autoptr(GFile) drafts_dir = g_file_new_for_path (drafts_path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PacteDraftStore) store = pacte_draft_store_new (drafts_dir);
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (NULL);
  PacteDraftsDialog *dialog;
  Wanted want;

  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  pacte_portfolio_set_file (portfolio, file);
  g_assert_true (pacte_draft_store_save (store, "from-file", portfolio, NULL, &error));
  g_assert_no_error (error);

  dialog = pacte_drafts_dialog_new (store, NULL);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  pacte_test_flush_events ();
  g_assert_cmpuint (pacte_drafts_dialog_get_n_drafts (dialog), ==, 1);
  /* The row's title; its subtitle names the folder. */
  want.window = GTK_WIDGET (dialog);
  want.text = FILE_NAME;
  g_assert_true (shows_label (&want));
  g_assert_true (pacte_test_has_label_containing (GTK_WIDGET (dialog), "A&B <i>", FALSE));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  pacte_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  pacte_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/markup/file-and-names", test_file_and_names);
  g_test_add_func ("/markup/toast-text", test_toast_text);
  g_test_add_func ("/markup/drafts-dialog", test_drafts_dialog);

  return g_test_run ();
}
