/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report-export.c: the report's export with progress and cancellation
 * (what the window's export and print dialogs run in a worker thread).
 *  - Progress goes page by page up to the total, and the PDF written has
 *    that many pages.
 *  - Cancelled half-way (synchronously, and in a worker thread): the error
 *    is G_IO_ERROR_CANCELLED, no file is left in the folder (no temporary
 *    file either) and a PDF already at the path is untouched. */
#include "config.h"


#include "pacte-i18n.h"
#include "pacte-report.h"
#include "pacte-test-utils.h"

#define REVIEW_DATE "2027-03-15"

static PacteReport *
sample_report (void)
{
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (pacte_rule_set_get_default ());

  /* The whole portfolio: a summary and several plans, dozens of pages. */
  return pacte_report_new (portfolio, NULL, NULL, pacte_date_parse (REVIEW_DATE), "en");
}

static guint
n_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Pages of a PDF, as qpdf counts them (a damaged file fails). */
static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "qpdf", "--show-npages", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return (guint) g_ascii_strtoull (out, NULL, 10);
}

typedef struct
{
  guint         calls;
  guint         done;
  guint         total;
  guint         cancel_at; /* 0: never */
  GCancellable *cancellable;
  GThread      *thread;
} Progress;

static void
on_progress (guint    done,
             guint    total,
             gpointer data)
{
  Progress *p = data;

  /* Never backwards, never past the total, always the same total. */
  g_assert_cmpuint (done, >, p->done);
  g_assert_cmpuint (done, <=, total);
  if (p->total != 0)
    g_assert_cmpuint (total, ==, p->total);
  if (p->thread != NULL)
    g_assert_true (g_thread_self () == p->thread);
  p->calls++;
  p->done = done;
  p->total = total;
  if (p->cancel_at != 0 && done >= p->cancel_at)
    g_cancellable_cancel (p->cancellable);
}

static void
test_progress (void)
{
  g_autoptr(PacteReport) report = sample_report ();
  g_autofree char *dir = pacte_test_make_tmp_dir ("report-export");
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress p = { 0 };
  guint n_pages = pacte_report_paginate (report, NULL);

  g_assert_cmpuint (n_pages, >, 10);
  g_assert_true (pacte_report_export_pdf (report, pdf, on_progress, &p, cancellable, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (p.calls, ==, n_pages);
  g_assert_cmpuint (p.done, ==, n_pages);
  g_assert_cmpuint (p.total, ==, n_pages);
  g_assert_cmpuint (pdf_pages (pdf), ==, n_pages);
  g_assert_cmpuint (n_files (dir), ==, 1);
  pacte_test_remove_tree (dir);
}

static void
test_cancel (gconstpointer data)
{
  gboolean existing = GPOINTER_TO_INT (data);
  g_autoptr(PacteReport) report = sample_report ();
  g_autofree char *dir = pacte_test_make_tmp_dir ("report-export");
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  static const char before[] = "%PDF-1.5 the review of last quarter";
  g_autofree char *after = NULL;
  guint n_pages = pacte_report_paginate (report, NULL);
  Progress p = { 0 };

  if (existing)
    g_assert_true (g_file_set_contents (pdf, before, -1, NULL));
  p.cancel_at = n_pages / 2;
  p.cancellable = cancellable;
  g_assert_false (pacte_report_export_pdf (report, pdf, on_progress, &p, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* It stopped at the next page. */
  g_assert_cmpuint (p.done, ==, n_pages / 2);
  if (existing)
    {
      g_assert_true (g_file_get_contents (pdf, &after, NULL, NULL));
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpuint (n_files (dir), ==, 1);
    }
  else
    {
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (n_files (dir), ==, 0);
    }

  /* Cancelled before it starts: nothing at all. */
  g_clear_error (&error);
  g_assert_false (pacte_report_export_pdf (report, pdf, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n_files (dir), ==, existing ? 1 : 0);
  pacte_test_remove_tree (dir);
}

/* ---- In a worker thread ------------------------------------------------------ */

typedef struct
{
  Progress      progress;
  gboolean      finished;
  gboolean      ok;
  GError       *error;
  guint         progress_after_done;
} AsyncRun;

static void
on_async_progress (guint    done,
                   guint    total,
                   gpointer data)
{
  AsyncRun *run = data;

  if (run->finished)
    run->progress_after_done++;
  on_progress (done, total, &run->progress);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  AsyncRun *run = data;

  run->ok = pacte_report_export_pdf_finish (PACTE_REPORT (source), result, &run->error);
  run->finished = TRUE;
}

static gboolean
is_finished (gpointer data)
{
  return ((AsyncRun *) data)->finished;
}

static void
test_async (gconstpointer data)
{
  gboolean cancel = GPOINTER_TO_INT (data);
  g_autoptr(PacteReport) report = sample_report ();
  g_autofree char *dir = pacte_test_make_tmp_dir ("report-export");
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint n_pages = pacte_report_paginate (report, NULL);
  AsyncRun run = { { 0 } };

  run.progress.thread = g_thread_self ();
  run.progress.cancellable = cancellable;
  if (cancel)
    run.progress.cancel_at = n_pages / 3;
  pacte_report_export_pdf_async (report, pdf, on_async_progress, &run, NULL, cancellable, on_exported, &run);
  g_assert_true (pacte_test_wait_for (is_finished, &run, 120000));
  /* Progress calls queued behind the end are dropped. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (run.progress_after_done, ==, 0);
  if (cancel)
    {
      g_assert_false (run.ok);
      g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (run.progress.done, <, n_pages);
      g_assert_cmpuint (n_files (dir), ==, 0);
    }
  else
    {
      g_assert_no_error (run.error);
      g_assert_true (run.ok);
      /* Coalesced, but the last count is always the total. */
      g_assert_cmpuint (run.progress.calls, >=, 1);
      g_assert_cmpuint (run.progress.done, ==, n_pages);
      g_assert_cmpuint (pdf_pages (pdf), ==, n_pages);
    }
  g_clear_error (&run.error);
  pacte_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  pacte_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-export/progress", test_progress);
  g_test_add_data_func ("/report-export/cancel/new-file", GINT_TO_POINTER (FALSE), test_cancel);
  g_test_add_data_func ("/report-export/cancel/existing-file", GINT_TO_POINTER (TRUE), test_cancel);
  g_test_add_data_func ("/report-export/async/complete", GINT_TO_POINTER (FALSE), test_async);
  g_test_add_data_func ("/report-export/async/cancelled", GINT_TO_POINTER (TRUE), test_async);

  return g_test_run ();
}
