/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-pdf.c: writes a report as a PDF file, atomically (a
 * temporary file beside the target, renamed over it once complete), with an
 * outline: the summary and each plan, each with its sections. */
#include "config.h"

#include <cairo-pdf.h>

#include "pacte-progress-relay.h"
#include "pacte-atomic-file.h"
#include "pacte-file-read.h"
#include "pacte-i18n.h"
#include "pacte-report.h"
#include "pacte-report-layout.h"
#include "pacte-report-private.h"

/* The PDF's outline: the summary and each plan, each with its sections. */
static void
add_outline (PacteReport     *self,
             cairo_surface_t *surface)
{
  PacteReportLayout *layout = pacte_report_get_layout (self);
  guint n = pacte_report_layout_get_n_anchors (layout);
  int part = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < n; i++)
    {
      const char *title;
      guint level, page;
      double y;
      g_autofree char *target = NULL;
      int id;

      pacte_report_layout_get_anchor (layout, i, NULL, &title, &level, &page, &y);
      if (title == NULL)
        continue;
      /* Whole points: the attributes must not follow the locale's decimal comma. */
      target = g_strdup_printf ("page=%u pos=[0 %d]", page + 1, (int) MAX (y - 4, 0));
      /* A report of one plan opens on its sections; a portfolio's plans stay folded. */
      id = cairo_pdf_surface_add_outline (surface, level <= 1 ? CAIRO_PDF_OUTLINE_ROOT : part, title, target,
                                          level <= 1 && pacte_report_is_one_plan (self) ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      if (level <= 1)
        part = id;
    }
}

/* Cairo's output goes straight into the atomic file; the first error is
 * kept (cairo only knows that a write failed). */
typedef struct
{
  PacteAtomicFile *file;
  GCancellable    *cancellable;
  GError          *error;
} PdfSink;

static cairo_status_t
pdf_write (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  PdfSink *sink = closure;

  /* After a failed write the rest is discarded, but cairo is told all is
   * well: cairo 1.16 crashes finishing a tagged PDF (links, outline) whose
   * stream went into an error state.  The failure is reported from
   * sink->error once the surface is finished, and the file is not kept. */
  if (sink->error == NULL)
    pacte_atomic_file_write (sink->file, data, length, sink->cancellable, &sink->error);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
pacte_report_export_pdf (PacteReport            *self,
                         const char             *path,
                         PacteReportProgressFunc progress,
                         gpointer                user_data,
                         GCancellable           *cancellable,
                         GError                **error)
{
  PacteReportLayout *layout;
  g_autoptr(GFile) target = NULL;
  g_autoptr(PacteAtomicFile) file = NULL;
  g_autofree char *display = NULL;
  cairo_surface_t *surface;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  PdfSink sink = { NULL, NULL, NULL };
  GError *local_error = NULL;
  double width, height;
  guint n_pages;

  g_return_val_if_fail (PACTE_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  layout = pacte_report_get_layout (self);
  target = g_file_new_for_path (path);
  display = pacte_file_display_name (target);
  if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    goto failed;
  n_pages = pacte_report_layout_paginate (layout);

  /* A temporary file beside path, renamed over it once complete. */
  file = pacte_atomic_file_new (target, PACTE_ATOMIC_NONE, &local_error);
  if (file == NULL)
    goto failed;
  sink.file = file;
  sink.cancellable = cancellable;

  pacte_report_layout_get_page_size (layout, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (pdf_write, &sink, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pacte " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pacte_report_get_title (self));
  pacte_report_layout_set_tags (layout, TRUE);
  for (guint i = 0; i < n_pages; i++)
    {
      cairo_t *cr;

      /* A cancelled export stops between two pages; what cairo still
       * writes while finishing is discarded with the temporary file. */
      if (sink.error == NULL && g_cancellable_set_error_if_cancelled (cancellable, &sink.error))
        break;
      cr = cairo_create (surface);
      pacte_report_draw_page (self, cr, i);
      cairo_show_page (cr);
      status = cairo_status (cr);
      cairo_destroy (cr);
      if (status != CAIRO_STATUS_SUCCESS || sink.error != NULL)
        break;
      if (progress != NULL)
        progress (i + 1, n_pages, user_data);
    }
  pacte_report_layout_set_tags (layout, FALSE);
  if (sink.error == NULL)
    add_outline (self, surface);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL)
    {
      local_error = g_steal_pointer (&sink.error);
      goto failed;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
      goto failed;
    }
  if (!pacte_atomic_file_commit (file, NULL, cancellable, &local_error))
    goto failed;
  return TRUE;

failed:
  /* The temporary file goes with file (pacte_atomic_file_free). */
  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_prefix_error (&local_error, _("Cannot write the report to “%s”: "), display);
  g_propagate_error (error, local_error);
  return FALSE;
}

gboolean
pacte_report_write_pdf (PacteReport  *self,
                        const char   *path,
                        GError      **error)
{
  return pacte_report_export_pdf (self, path, NULL, NULL, NULL, error);
}

/* ---- In a worker thread ---------------------------------------------------------- */

/* Shared by the worker and the caller's main context. */
typedef struct
{
  PacteProgressRelay *relay;   /* NULL without a progress function */
  char               *path;
} ExportJob;

typedef struct
{
  PacteReportProgressFunc func;
  gpointer                data;
  GDestroyNotify          destroy;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  if (progress->destroy != NULL)
    progress->destroy (progress->data);
  g_free (progress);
}

/* In the caller's context, through the relay. */
static void
report_progress (guint64  done,
                 guint64  total,
                 gpointer data)
{
  Progress *progress = data;

  progress->func ((guint) done, (guint) total, progress->data);
}

static void
export_job_clear (gpointer data)
{
  ExportJob *job = data;

  g_clear_pointer (&job->relay, pacte_progress_relay_unref);
  g_free (job->path);
}

static ExportJob *
export_job_ref (ExportJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
export_job_unref (gpointer job)
{
  g_atomic_rc_box_release_full (job, export_job_clear);
}

/* In the worker: the count, to the caller's context. */
static void
export_job_progress (guint    done,
                     guint    total,
                     gpointer data)
{
  ExportJob *job = data;

  pacte_progress_relay_post (job->relay, done, total);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (pacte_report_export_pdf (source_object, job->path, job->relay != NULL ? export_job_progress : NULL, job,
                               cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* In the caller's context, once the worker is done: the last count, then
 * the caller's callback (through the outer task). */
static void
export_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  ExportJob *job = g_task_get_task_data (outer);
  GError *error = NULL;

  /* The last count, then nothing more. */
  if (job->relay != NULL)
    pacte_progress_relay_finish (job->relay, TRUE);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
}

void
pacte_report_export_pdf_async (PacteReport            *self,
                               const char             *path,
                               PacteReportProgressFunc progress,
                               gpointer                progress_data,
                               GDestroyNotify          progress_data_free,
                               GCancellable           *cancellable,
                               GAsyncReadyCallback     callback,
                               gpointer                user_data)
{
  GTask *outer;
  g_autoptr(GTask) inner = NULL;
  ExportJob *job;

  g_return_if_fail (PACTE_IS_REPORT (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_atomic_rc_box_new0 (ExportJob);
  if (progress != NULL)
    {
      Progress *relayed = g_new0 (Progress, 1);

      relayed->func = progress;
      relayed->data = progress_data;
      relayed->destroy = progress_data_free;
      job->relay = pacte_progress_relay_new ("[pacte] report export progress", report_progress,
                                             relayed, progress_free);
    }
  else if (progress_data_free != NULL)
    progress_data_free (progress_data);
  job->path = g_strdup (path);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, pacte_report_export_pdf_async);
  g_task_set_task_data (outer, job, export_job_unref);
  /* The cancellation is the export's own: the worker removes the file. */
  g_task_set_check_cancellable (outer, FALSE);

  inner = g_task_new (self, cancellable, export_done, outer);
  g_task_set_task_data (inner, export_job_ref (job), export_job_unref);
  g_task_set_check_cancellable (inner, FALSE);
  g_task_run_in_thread (inner, export_thread);
}

gboolean
pacte_report_export_pdf_finish (PacteReport   *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (PACTE_IS_REPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pacte_report_export_pdf_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
