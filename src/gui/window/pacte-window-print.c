/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-print.c: Print and Export PDF: the review report of the plan
 * shown, or of the whole portfolio when no plan is. */
#include "config.h"

#include "pacte-i18n.h"
#include "pacte-print-operation.h"
#include "pacte-window-private.h"

/* ---- printing ------------------------------------------------------- */

/* The report of the plan shown, or of the whole portfolio when no plan is. */
static PactePrintOperation *
make_print_operation (PacteWindow *self)
{
  return pacte_print_operation_new (pacte_context_get_portfolio (self->context),
                                    pacte_context_get_rules (self->context),
                                    self->plan,
                                    pacte_context_get_today (self->context));
}

static void
action_print (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PacteWindow *self = PACTE_WINDOW (widget);
  g_autoptr(PactePrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->context == NULL)
    return;
  operation = make_print_operation (self);
  if (!pacte_print_operation_print (operation, GTK_WINDOW (self), &error))
    _pacte_window_show_message (self, _("Could Not Print"), error->message);
}

static void
on_export_chooser_response (GtkNativeDialog *chooser,
                            int              response,
                            PacteWindow     *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    path = g_file_get_path (file);
  if (file != NULL && path == NULL)
    _pacte_window_show_message (self, _("Could Not Export the PDF"), _("Choose a folder on this computer."));
  else if (path != NULL && self->context != NULL)
    {
      g_autoptr(PactePrintOperation) operation = make_print_operation (self);
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (path, ".pdf"))
        {
          char *with_pdf = g_strconcat (path, ".pdf", NULL);

          g_free (path);
          path = with_pdf;
        }
      if (pacte_print_operation_export_pdf (operation, GTK_WINDOW (self), path, &error))
        {
          g_autofree char *name = g_filename_display_basename (path);
          g_autofree char *text = g_strdup_printf (_("Exported “%s”"), name);

          pacte_window_show_toast (self, text);
        }
      else
        _pacte_window_show_message (self, _("Could Not Export the PDF"), error->message);
    }
  g_object_unref (self);
}

static void
action_export_pdf (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PacteWindow *self = PACTE_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  const char *base;

  if (self->context == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Review Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (pdf, _("PDF Documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_pattern (pdf, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);

  base = self->plan != NULL ? pacte_record_get_string (PACTE_RECORD (self->plan), PACTE_PLAN_NAME) : "";
  if (*base == '\0')
    base = _("review");
  /* No slashes in a file name. */
  suggested = g_strdelimit (g_strconcat (base, ".pdf", NULL), "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  /* Beside the portfolio, as Open does, rather than the working folder. */
  if (pacte_portfolio_get_file (pacte_context_get_portfolio (self->context)) != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (pacte_portfolio_get_file (pacte_context_get_portfolio (self->context)));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_pacte_window_class_add_print_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, action_print);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, action_export_pdf);
}
