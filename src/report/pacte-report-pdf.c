/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-pdf.c: writes a report as a PDF file, atomically (a
 * temporary file beside the target, renamed over it once complete), with an
 * outline: the summary and each plan, each with its sections. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include <cairo-pdf.h>

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

typedef struct
{
  int fd;
  int error;  /* errno of the first failed write, 0 if none */
} PdfSink;

static cairo_status_t
pdf_write (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  PdfSink *sink = closure;

  while (length > 0 && sink->error == 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->error = errno;
          break;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return sink->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

gboolean
pacte_report_write_pdf (PacteReport  *self,
                        const char   *path,
                        GError      **error)
{
  PacteReportLayout *layout;
  g_autofree char *tmp_path = NULL;
  g_autofree char *display = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  PdfSink sink = { -1, 0 };
  double width, height;
  guint n_pages;

  g_return_val_if_fail (PACTE_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  layout = pacte_report_get_layout (self);
  display = g_filename_display_name (path);
  n_pages = pacte_report_layout_paginate (layout);

  tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  sink.fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write the report to “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }

  pacte_report_layout_get_page_size (layout, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (pdf_write, &sink, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Pacte " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pacte_report_get_title (self));
  pacte_report_layout_set_tags (layout, TRUE);
  for (guint i = 0; i < n_pages && sink.error == 0; i++)
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
  if (sink.error == 0)
    add_outline (self, surface);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && sink.error == 0 && fsync (sink.fd) != 0 && errno != EINVAL)
    sink.error = errno;
  if (close (sink.fd) != 0 && sink.error == 0 && status == CAIRO_STATUS_SUCCESS)
    sink.error = errno;

  if (sink.error != 0 || status != CAIRO_STATUS_SUCCESS)
    {
      if (sink.error != 0)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (sink.error),
                     _("Cannot write the report to “%s”: %s"), display, g_strerror (sink.error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Cannot write the report to “%s”: %s"), display, cairo_status_to_string (status));
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write the report to “%s”: %s"), display, g_strerror (saved));
      g_unlink (tmp_path);
      return FALSE;
    }
  return TRUE;
}
