/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-export.c: Export PDF with its language and scope, progress
 * and cancel (pacte-window-export.h). */
#include "config.h"

#include <cairo-pdf.h>

#include "pacte-atomic-file.h"
#include "pacte-export-dialog.h"
#include "pacte-file-read.h"
#include "pacte-i18n.h"
#include "pacte-report.h"
#include "pacte-window-export.h"
#include "pacte-window-private.h"

typedef struct
{
  PacteWindow      *window;       /* weak */
  PacteReport      *report;
  PacteAtomicFile  *file;
  GError           *write_error;  /* the first failed write */
  cairo_surface_t  *surface;
  guint             page;
  guint             n_pages;
  char             *path;
  GCancellable     *cancellable;
  GtkWidget        *dialog;       /* the progress dialog */
  GtkProgressBar   *bar;
  guint             idle_id;
} ExportJob;

static cairo_status_t
job_write (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  ExportJob *job = closure;

  /* As pacte-report-pdf.c: cairo is told all is well, the error is kept. */
  if (job->write_error == NULL)
    pacte_atomic_file_write (job->file, data, length, NULL, &job->write_error);
  return CAIRO_STATUS_SUCCESS;
}

static void
job_free (ExportJob *job)
{
  g_clear_handle_id (&job->idle_id, g_source_remove);
  if (job->surface != NULL)
    {
      cairo_surface_finish (job->surface);
      cairo_surface_destroy (job->surface);
    }
  g_clear_pointer (&job->file, pacte_atomic_file_free);  /* removes the temporary file unless committed */
  g_clear_error (&job->write_error);
  g_clear_object (&job->report);
  g_clear_object (&job->cancellable);
  if (job->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (job->dialog));
  if (job->window != NULL)
    {
      g_object_set_data (G_OBJECT (job->window), "pacte-export-job", NULL);
      g_object_remove_weak_pointer (G_OBJECT (job->window), (gpointer *) &job->window);
    }
  g_free (job->path);
  g_free (job);
}

/* Ends the job: the file kept (complete), or nothing left behind. */
static void
job_finish (ExportJob *job)
{
  g_autoptr(GFile) target = g_file_new_for_path (job->path);
  g_autofree char *display = pacte_file_display_name (target);
  g_autoptr(GError) error = NULL;
  cairo_status_t status;

  cairo_surface_finish (job->surface);
  status = cairo_surface_status (job->surface);
  cairo_surface_destroy (job->surface);
  job->surface = NULL;

  if (g_cancellable_is_cancelled (job->cancellable))
    {
      if (job->window != NULL)
        pacte_window_show_toast (job->window, _("Export cancelled: no file was written"));
    }
  else if (job->write_error != NULL || status != CAIRO_STATUS_SUCCESS
           || !pacte_atomic_file_commit (job->file, NULL, NULL, &error))
    {
      const char *why = job->write_error != NULL ? job->write_error->message
                        : error != NULL ? error->message : cairo_status_to_string (status);
      g_autofree char *body = g_strdup_printf (_("Cannot write the report to “%s”: %s"), display, why);

      if (job->window != NULL)
        _pacte_window_show_message (job->window, _("Could Not Export the PDF"), body);
    }
  else if (job->window != NULL)
    {
      g_autofree char *name = g_filename_display_basename (job->path);
      g_autofree char *text = g_strdup_printf (_("Exported “%s”"), name);

      pacte_window_show_toast (job->window, text);
    }
  job_free (job);
}

static gboolean
job_step (gpointer data)
{
  ExportJob *job = data;
  g_autofree char *text = NULL;
  cairo_t *cr;

  if (g_cancellable_is_cancelled (job->cancellable) || job->write_error != NULL || job->page >= job->n_pages)
    {
      job->idle_id = 0;
      job_finish (job);
      return G_SOURCE_REMOVE;
    }
  cr = cairo_create (job->surface);
  pacte_report_draw_page (job->report, cr, job->page);
  cairo_show_page (cr);
  cairo_destroy (cr);
  job->page++;
  /* Translators: export progress: "Page 3 of 40" */
  text = g_strdup_printf (_("Page %u of %u"), job->page, job->n_pages);
  gtk_progress_bar_set_fraction (job->bar, (double) job->page / job->n_pages);
  gtk_progress_bar_set_text (job->bar, text);
  return G_SOURCE_CONTINUE;
}

static void
on_progress_response (AdwMessageDialog *dialog,
                      const char       *response,
                      ExportJob        *job)
{
  /* The only response is Cancel (also Escape); the dialog closes itself. */
  job->dialog = NULL;
  g_cancellable_cancel (job->cancellable);
}

GtkWidget *
pacte_window_export_pdf_to (PacteWindow *self,
                            const char  *path,
                            const char  *lang,
                            gboolean     whole_portfolio)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  GtkPaperSize *paper;
  ExportJob *job;
  double width, height;

  g_return_val_if_fail (PACTE_IS_WINDOW (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (self->context == NULL || pacte_window_export_is_running (self))
    return NULL;
  job = g_new0 (ExportJob, 1);
  job->window = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &job->window);
  job->path = g_strdup (path);
  job->cancellable = g_cancellable_new ();
  target = g_file_new_for_path (path);
  job->file = pacte_atomic_file_new (target, PACTE_ATOMIC_NONE, &error);
  if (job->file == NULL)
    {
      g_autofree char *display = pacte_file_display_name (target);
      g_autofree char *body = g_strdup_printf (_("Cannot write the report to “%s”: %s"), display, error->message);

      _pacte_window_show_message (self, _("Could Not Export the PDF"), body);
      job_free (job);
      return NULL;
    }

  /* The paper of the user's locale (A4, or Letter in the US). */
  paper = gtk_paper_size_new (NULL);
  width = gtk_paper_size_get_width (paper, GTK_UNIT_POINTS);
  height = gtk_paper_size_get_height (paper, GTK_UNIT_POINTS);
  gtk_paper_size_free (paper);
  job->report = pacte_report_new (pacte_context_get_portfolio (self->context), pacte_context_get_rules (self->context),
                                  whole_portfolio ? NULL : self->plan, pacte_context_get_today (self->context), lang);
  pacte_report_set_page_size (job->report, width, height);
  job->n_pages = pacte_report_paginate (job->report, NULL);
  job->surface = cairo_pdf_surface_create_for_stream (job_write, job, width, height);
  cairo_pdf_surface_set_metadata (job->surface, CAIRO_PDF_METADATA_CREATOR, "Pacte " PACKAGE_VERSION);

  job->dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Exporting the Review Report"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (job->dialog), "%s", path);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (job->dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (job->dialog), "cancel");
  job->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (job->bar, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (job->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pages written"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (job->dialog), GTK_WIDGET (job->bar));
  g_signal_connect (job->dialog, "response", G_CALLBACK (on_progress_response), job);
  gtk_window_present (GTK_WINDOW (job->dialog));

  g_object_set_data (G_OBJECT (self), "pacte-export-job", job);
  job->idle_id = g_idle_add (job_step, job);
  return job->dialog;
}

gboolean
pacte_window_export_is_running (PacteWindow *self)
{
  g_return_val_if_fail (PACTE_IS_WINDOW (self), FALSE);
  return g_object_get_data (G_OBJECT (self), "pacte-export-job") != NULL;
}

void
pacte_window_set_export_path_for_tests (PacteWindow *self,
                                        const char  *path)
{
  g_return_if_fail (PACTE_IS_WINDOW (self));
  g_object_set_data_full (G_OBJECT (self), "pacte-export-test-path", g_strdup (path), g_free);
}

/* ---- Asking ------------------------------------------------------------------ */

typedef struct
{
  PacteWindow *window;
  char        *lang;
  gboolean     whole;
} Choice;

static void
choice_free (Choice *choice)
{
  g_object_unref (choice->window);
  g_free (choice->lang);
  g_free (choice);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     Choice          *choice)
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
    _pacte_window_show_message (choice->window, _("Could Not Export the PDF"), _("Choose a folder on this computer."));
  else if (path != NULL)
    {
      if (!g_str_has_suffix (path, ".pdf"))
        {
          char *with_pdf = g_strconcat (path, ".pdf", NULL);

          g_free (path);
          path = with_pdf;
        }
      pacte_window_export_pdf_to (choice->window, path, choice->lang, choice->whole);
    }
  choice_free (choice);
}

static void
ask_file (Choice *choice)
{
  PacteWindow *self = choice->window;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  const char *test_path = g_object_get_data (G_OBJECT (self), "pacte-export-test-path");
  const char *base;

  if (test_path != NULL)
    {
      pacte_window_export_pdf_to (self, test_path, choice->lang, choice->whole);
      choice_free (choice);
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Export Review Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (pdf, _("PDF Documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_pattern (pdf, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);

  base = !choice->whole && self->plan != NULL ? pacte_record_get_string (PACTE_RECORD (self->plan), PACTE_PLAN_NAME)
                                              : pacte_record_get_string (PACTE_RECORD (pacte_context_get_portfolio (self->context)),
                                                                         PACTE_PORTFOLIO_META_TITLE);
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
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_export_response (PacteExportDialog *dialog,
                    const char        *response,
                    PacteWindow       *self)
{
  Choice *choice;

  if (!g_str_equal (response, "choose") || self->context == NULL)
    return;
  choice = g_new0 (Choice, 1);
  choice->window = g_object_ref (self);
  choice->lang = g_strdup (pacte_export_dialog_get_language (dialog));
  choice->whole = pacte_export_dialog_get_whole_portfolio (dialog);
  ask_file (choice);
}

static void
action_export_pdf (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PacteWindow *self = PACTE_WINDOW (widget);
  GtkWidget *dialog;

  if (self->context == NULL)
    return;
  dialog = pacte_export_dialog_new (GTK_WINDOW (self), pacte_context_get_portfolio (self->context), self->plan);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_pacte_window_class_add_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, action_export_pdf);
}
