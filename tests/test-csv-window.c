/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv-window.c: Import Partners from CSV… and Export to CSV… in the
 * window: the dialog's guessed mapping, its preview of what is added and
 * updated, a mapping changed by the user, a malformed file shown with its
 * row and column, Import as one undo step that Undo takes back, and the
 * export's file. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pacte-csv-import-dialog.h"
#include "pacte-csv.h"
#include "pacte-i18n.h"
#include "pacte-test-utils.h"
#include "pacte-test-window-utils.h"
#include "pacte-window-csv.h"
#include "pacte-window.h"

static const char crm_csv[] =
  "\"Account ID\",\"Account Name\",\"Type\",\"Industry\",\"Billing Country\"\r\n"
  "\"p-sgi\",\"Société Générale d'Informatique\",\"Reseller\",\"Administration centrale\",\"France\"\r\n"
  "\"\",\"<b>Northwind</b> & Co\",\"Partner\",\"Retail\",\"United Kingdom\"\r\n"
  "\"\",\"lumiere conseil sas\",\"Partner\",\"Commerce de détail; Franchise\",\"Île-de-France; Hauts-de-France\"\r\n";

typedef struct
{
  char  *dir;
  GFile *csv;
} Files;

static void
files_init (Files      *files,
            const char *text,
            gssize      len)
{
  g_autofree char *path = NULL;

  files->dir = g_dir_make_tmp ("pacte-csv-window-XXXXXX", NULL);
  path = g_build_filename (files->dir, "accounts.csv", NULL);
  g_assert_true (g_file_set_contents (path, text, len, NULL));
  files->csv = g_file_new_for_path (path);
}

static void
files_clear (Files *files)
{
  pacte_test_remove_tree (files->dir);
  g_free (files->dir);
  g_clear_object (&files->csv);
}

static PacteCsvImportDialog *
open_dialog (PacteWindow *window)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-csv", NULL));
  pacte_test_flush_events ();
  dialog = pacte_window_get_csv_import_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  return PACTE_CSV_IMPORT_DIALOG (dialog);
}

static const char *
row_subtitle (GtkWidget *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
test_import_preview_apply_undo (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *portfolio = pacte_window_get_portfolio (window);
  g_autoptr(GBytes) before = pacte_portfolio_to_bytes (portfolio);
  g_autoptr(GBytes) after_undo = NULL;
  guint n_partners = g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio));
  PacteCsvImportDialog *dialog;
  GtkWidget *row;
  AdwComboRow *type_row;
  Files files;
  g_autoptr(GError) error = NULL;

  files_init (&files, crm_csv, -1);
  g_assert_false (pacte_portfolio_get_modified (portfolio));
  dialog = open_dialog (window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (pacte_csv_import_dialog_load_file (dialog, files.csv));
  g_assert_null (pacte_csv_import_dialog_get_error (dialog));

  /* One mapping row per column, the guess selected: Type is ignored. */
  g_assert_cmpuint (pacte_csv_import_dialog_get_n_columns (dialog), ==, 5);
  type_row = pacte_csv_import_dialog_get_column_row (dialog, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (type_row)), ==, "Type");
  g_assert_cmpstr (row_subtitle (GTK_WIDGET (type_row)), ==, "e.g. Reseller");
  g_assert_cmpuint (adw_combo_row_get_selected (type_row), ==, 0);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (type_row)), ==, "Ignore");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (pacte_csv_import_dialog_get_column_row (dialog, 1))),
                   ==, "Name");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (pacte_csv_import_dialog_get_column_row (dialog, 3))),
                   ==, "Sectors");

  /* The preview: SGI updated, Northwind added, Lumière unchanged. */
  g_assert_cmpuint (pacte_csv_import_dialog_get_n_added (dialog), ==, 1);
  g_assert_cmpuint (pacte_csv_import_dialog_get_n_updated (dialog), ==, 1);
  row = pacte_csv_import_dialog_get_preview_row (dialog, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Société Générale d'Informatique");
  g_assert_cmpstr (row_subtitle (row), ==,
                   "Updated (row 2)\n"
                   "Sectors: Administration centrale; Collectivités territoriales; Santé publique → Administration centrale\n"
                   "Territories: France; Belgique; Luxembourg → France");
  row = pacte_csv_import_dialog_get_preview_row (dialog, 1);
  /* Text from the file is shown as text, not markup. */
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "<b>Northwind</b> & Co");
  g_assert_true (g_str_has_prefix (row_subtitle (row), "New partner (row 3)\nIdentifier: p-"));

  /* The user maps Type to the segment: "Partner" is no segment, shown at its
   * row and column; back to Ignore, and the preview is back. */
  adw_combo_row_set_selected (type_row, 3);
  g_assert_nonnull (pacte_csv_import_dialog_get_error (dialog));
  g_assert_nonnull (strstr (pacte_csv_import_dialog_get_error (dialog),
                            "row 2 (line 2), column 3 (“Type”): Segment cannot be “Reseller”"));
  g_assert_cmpuint (pacte_csv_import_dialog_get_n_added (dialog), ==, 0);
  adw_combo_row_set_selected (type_row, 0);
  g_assert_null (pacte_csv_import_dialog_get_error (dialog));
  g_assert_cmpuint (pacte_csv_import_dialog_get_n_added (dialog), ==, 1);

  /* Import: one step, named; the toast says what happened. */
  g_assert_true (pacte_csv_import_dialog_apply (dialog, &error));
  g_assert_no_error (error);
  pacte_test_flush_events ();
  g_assert_null (dialog);
  g_assert_null (pacte_window_get_csv_import_dialog (window));
  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio)), ==, n_partners + 1);
  g_assert_true (pacte_portfolio_get_modified (portfolio));
  g_assert_cmpstr (pacte_portfolio_get_undo_label (portfolio), ==, "Import Partners");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  pacte_test_flush_events ();
  after_undo = pacte_portfolio_to_bytes (portfolio);
  g_assert_true (g_bytes_equal (before, after_undo));
  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio)), ==, n_partners);
  g_assert_false (pacte_portfolio_can_undo (portfolio));

  files_clear (&files);
  pacte_test_destroy_window (window);
}

static void
test_import_malformed (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  PactePortfolio *portfolio = pacte_window_get_portfolio (window);
  PacteCsvImportDialog *dialog;
  GtkWidget *import_button;
  Files files;

  files_init (&files, "Name;Industry\nAlpha;Retail\nB\xE9ta;Retail\n", -1);
  dialog = open_dialog (window);
  g_assert_false (pacte_csv_import_dialog_load_file (dialog, files.csv));
  g_assert_nonnull (strstr (pacte_csv_import_dialog_get_error (dialog),
                            "row 3 (line 3), column 1 (“Name”): the text is not UTF-8"));
  g_assert_cmpuint (pacte_csv_import_dialog_get_n_columns (dialog), ==, 0);
  import_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), PACTE_TYPE_CSV_IMPORT_DIALOG,
                                                            "import_button"));
  g_assert_false (gtk_widget_get_sensitive (import_button));
  g_assert_false (pacte_portfolio_get_modified (portfolio));
  gtk_window_destroy (GTK_WINDOW (dialog));
  files_clear (&files);
  pacte_test_destroy_window (window);
}

static void
test_export (void)
{
  PacteWindow *window = pacte_test_window_with_sample ();
  g_autofree char *dir = g_dir_make_tmp ("pacte-csv-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plans.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));
  g_assert_true (pacte_window_export_csv (window, PACTE_CSV_EXPORT_PLANS, TRUE, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  /* The sample's language is French: French headers and lights, Excel's defaults. */
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFIdentifiant;Nom;Phase;Responsable d’alliance;Score;R01;"));
  g_assert_nonnull (strstr (text, ";Vert;"));
  pacte_test_remove_tree (dir);
  pacte_test_destroy_window (window);
}

static void
test_actions_need_document (void)
{
  PacteWindow *window = pacte_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  pacte_test_flush_events ();
  /* Without a document there is nothing to import into. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-csv", NULL);
  pacte_test_flush_events ();
  g_assert_null (pacte_window_get_csv_import_dialog (window));
  pacte_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  pacte_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/csv-window/import", test_import_preview_apply_undo);
  g_test_add_func ("/csv-window/import-malformed", test_import_malformed);
  g_test_add_func ("/csv-window/export", test_export);
  g_test_add_func ("/csv-window/actions-need-document", test_actions_need_document);
  return g_test_run ();
}
