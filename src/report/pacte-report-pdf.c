/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-pdf.c: writes a report as a PDF file, atomically (a
 * temporary file beside the target, renamed over it once complete), with an
 * outline: the summary and each plan, each with its sections. */
#include "config.h"

#include <cairo-pdf.h>

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
    pacte_atomic_file_write (sink->file, data, length, NULL, &sink->error);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
pacte_report_write_pdf (PacteReport  *self,
                        const char   *path,
                        GError      **error)
{
  PacteReportLayout *layout;
  g_autoptr(GFile) target = NULL;
  g_autoptr(PacteAtomicFile) file = NULL;
  g_autofree char *display = NULL;
  cairo_surface_t *surface;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  PdfSink sink = { NULL, NULL };
  GError *local_error = NULL;
  double width, height;
  guint n_pages;

  g_return_val_if_fail (PACTE_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  layout = pacte_report_get_layout (self);
  target = g_file_new_for_path (path);
  display = pacte_file_display_name (target);
  n_pages = pacte_report_layout_paginate (layout);

  /* A temporary file beside path, renamed over it once complete. */
  file = pacte_atomic_file_new (target, PACTE_ATOMIC_NONE, &local_error);
  if (file == NULL)
    goto failed;
  sink.file = file;

  pacte_report_layout_get_page_size (layout, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (pdf_write, &sink, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pacte " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pacte_report_get_title (self));
  pacte_report_layout_set_tags (layout, TRUE);
  for (guint i = 0; i < n_pages; i++)
    {
      cairo_t *cr = cairo_create (surface);

      pacte_report_draw_page (self, cr, i);
      cairo_show_page (cr);
      status = cairo_status (cr);
      cairo_destroy (cr);
      if (status != CAIRO_STATUS_SUCCESS)
        break;
    }
  pacte_report_layout_set_tags (layout, FALSE);
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
  if (!pacte_atomic_file_commit (file, NULL, NULL, &local_error))
    goto failed;
  return TRUE;

failed:
  g_prefix_error (&local_error, _("Cannot write the report to “%s”: "), display);
  g_propagate_error (error, local_error);
  return FALSE;
}
