/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-csv.c: Import Partners from CSV… and Export to CSV… */
#include "config.h"

#include "pacte-csv-import-dialog.h"
#include "pacte-i18n.h"
#include "pacte-window-csv.h"
#include "pacte-window-private.h"

#define IMPORT_DIALOG_KEY "pacte-csv-import-dialog"

static void
on_imported (PacteCsvImportDialog *dialog G_GNUC_UNUSED,
             guint                 added,
             guint                 updated,
             PacteWindow          *self)
{
  g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partner added",
                                                     "%u partners added", added), added);
  g_autofree char *u = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated",
                                                     "%u updated", updated), updated);
  /* Translators: a toast after an import: "2 partners added, 1 updated". */
  g_autofree char *text = g_strdup_printf (_("%s, %s"), a, u);

  pacte_window_show_toast (self, text);
}

static void
on_import_dialog_destroy (GtkWidget   *dialog G_GNUC_UNUSED,
                          PacteWindow *self)
{
  g_object_set_data (G_OBJECT (self), IMPORT_DIALOG_KEY, NULL);
}

static void
action_import_csv (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PacteWindow *self = PACTE_WINDOW (widget);
  GtkWidget *dialog;

  if (self->context == NULL)
    return;
  dialog = pacte_csv_import_dialog_new (GTK_WINDOW (self), pacte_context_get_portfolio (self->context));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_import_dialog_destroy), self, 0);
  g_object_set_data (G_OBJECT (self), IMPORT_DIALOG_KEY, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
pacte_window_get_csv_import_dialog (PacteWindow *self)
{
  return g_object_get_data (G_OBJECT (self), IMPORT_DIALOG_KEY);
}

gboolean
pacte_window_export_csv (PacteWindow         *self,
                         PacteCsvExportKind   kind,
                         gboolean             excel_fr,
                         GFile               *file,
                         GError             **error)
{
  PacteCsvExportOptions options = { 0 };
  PactePortfolio *portfolio;

  g_return_val_if_fail (PACTE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->context != NULL, FALSE);

  /* As the report and the command line: the portfolio's language, else
   * the interface's. */
  portfolio = pacte_context_get_portfolio (self->context);
  options.lang = pacte_i18n_normalize_lang (pacte_record_get_string (PACTE_RECORD (portfolio),
                                                                     PACTE_PORTFOLIO_META_LANGUAGE));
  if (options.lang == NULL)
    options.lang = pacte_context_get_language (self->context);
  options.excel_fr = excel_fr;
  options.today = pacte_context_get_today (self->context);
  options.rules = pacte_context_get_rules (self->context);
  return pacte_csv_export_to_file (portfolio, kind, &options, file, NULL, error);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    PacteWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->context != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *what = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "what");
      const char *excel = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "excel-fr");
      PacteCsvExportKind kind = PACTE_CSV_EXPORT_PARTNERS;
      g_autoptr(GError) error = NULL;

      if (what != NULL)
        pacte_csv_export_kind_from_name (what, &kind);
      if (file == NULL)
        ;
      else if (pacte_window_export_csv (self, kind, g_strcmp0 (excel, "true") == 0, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *text = g_strdup_printf (_("Exported “%s”"), name);

          pacte_window_show_toast (self, text);
        }
      else
        _pacte_window_show_message (self, _("Could Not Export to CSV"), error->message);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
action_export_csv (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PacteWindow *self = PACTE_WINDOW (widget);
  static const char *ids[] = { "partners", "plans", "actions", NULL };
  const char *labels[] = { _("Partners"), _("Plans, with their score and lights"), _("Actions"), NULL };
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  GFile *portfolio_file;

  if (self->context == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export to CSV"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "what", _("Export"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "what", "plans");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "excel-fr",
                               _("For Excel in French (“;” between cells, decimal commas)"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "excel-fr",
                               g_strcmp0 (pacte_i18n_user_language (), "fr") == 0 ? "true" : "false");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("plans.csv"));
  portfolio_file = pacte_portfolio_get_file (pacte_context_get_portfolio (self->context));
  if (portfolio_file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (portfolio_file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_pacte_window_update_csv_actions (PacteWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-csv", self->context != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv", self->context != NULL);
}

void
_pacte_window_class_add_csv_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, action_import_csv);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, action_export_csv);
}
