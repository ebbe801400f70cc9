/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-save.c: saving a portfolio, and what is on disk after a save that
 * worked and after one that failed. Also pacte --normalize. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pacte-portfolio.h"
#include "pacte-test-utils.h"

typedef struct
{
  char           *dir;
  char           *path;       /* dir/team.pacte.json, holding the canonical fixture */
  GFile          *file;
  PactePortfolio *portfolio;  /* loaded from it */
  GBytes         *original;
} Fixture;

static void
write_file (const char *path,
            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *source = pacte_test_fixture_path ("format-canonical.pacte.json");
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pacte-save-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "team.pacte.json", NULL);
  f->original = pacte_test_read_file (source);
  write_file (f->path, f->original);
  f->file = g_file_new_for_path (f->path);
  f->portfolio = pacte_portfolio_load_file (f->file, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->portfolio);
  g_clear_object (&f->file);
  g_clear_pointer (&f->original, g_bytes_unref);
  pacte_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
assert_file_holds (const char *path,
                   GBytes     *expected)
{
  g_autoptr(GBytes) now = pacte_test_read_file (path);

  g_assert_true (g_bytes_equal (now, expected));
}

/* The portfolio knows the file as it is on disk now. */
static void
assert_etag_is_current (PactePortfolio *portfolio,
                        GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pacte_portfolio_get_etag (portfolio));
  g_assert_cmpstr (pacte_portfolio_get_etag (portfolio), ==, g_file_info_get_etag (info));
}

/* An edit, so that a save has something new to write. */
static void
rename_first_plan (PactePortfolio *portfolio,
                   const char     *name)
{
  g_autoptr(PacteRecord) plan = g_list_model_get_item (pacte_portfolio_get_plans (portfolio), 0);
  g_autoptr(GError) error = NULL;

  pacte_record_set_string (plan, PACTE_PLAN_NAME, name, &error);
  g_assert_no_error (error);
}

static void
test_save_and_backup (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first_save = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *backup = g_strconcat (f->path, "~", NULL);

  rename_first_plan (f->portfolio, "Renamed once");
  g_assert_true (pacte_portfolio_get_modified (f->portfolio));
  first_save = pacte_portfolio_to_bytes (f->portfolio);
  g_assert_true (pacte_portfolio_save (f->portfolio, f->file, NULL, &error));
  g_assert_no_error (error);

  /* The file holds the new text, FILE~ the previous version. */
  assert_file_holds (f->path, first_save);
  assert_file_holds (backup, f->original);
  g_assert_false (pacte_portfolio_get_modified (f->portfolio));
  assert_etag_is_current (f->portfolio, f->file);

  /* A second save moves the first one into the backup. */
  rename_first_plan (f->portfolio, "Renamed twice");
  expected = pacte_portfolio_to_bytes (f->portfolio);
  g_assert_true (pacte_portfolio_save (f->portfolio, f->file, NULL, &error));
  g_assert_no_error (error);
  assert_file_holds (f->path, expected);
  assert_file_holds (backup, first_save);
}

static void
test_save_as_new_file (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "copy.pacte.json", NULL);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autofree char *backup = g_strconcat (other, "~", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (pacte_portfolio_save (f->portfolio, other_file, NULL, &error));
  g_assert_no_error (error);
  assert_file_holds (other, f->original);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_equal (pacte_portfolio_get_file (f->portfolio), other_file));
}

/* The message names the file and says what is still safe. */
static void
assert_save_error (GError     *error,
                   const char *display,
                   const char *safe)
{
  /* GIO's domain is kept (the code says what failed); the file is named
   * by its full path, as the loader names it. */
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, display));
  g_assert_nonnull (strstr (error->message, ": could not save: "));
  g_assert_true (g_str_has_suffix (error->message, safe));
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      /* root writes into read-only folders; a parent that is a regular file
       * fails for everyone. */
      g_autofree char *inside = g_build_filename (f->path, "team.pacte.json", NULL);
      g_autoptr(GFile) inside_file = g_file_new_for_path (inside);

      rename_first_plan (f->portfolio, "Not saved");
      g_assert_false (pacte_portfolio_save (f->portfolio, inside_file, NULL, &error));
      assert_save_error (error, inside, "; no file was written");
      assert_file_holds (f->path, f->original);
      g_assert_true (pacte_portfolio_get_modified (f->portfolio));
      g_assert_true (g_file_equal (pacte_portfolio_get_file (f->portfolio), f->file));
      return;
    }

  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  rename_first_plan (f->portfolio, "Not saved");
  g_assert_false (pacte_portfolio_save (f->portfolio, f->file, NULL, &error));
  assert_save_error (error, f->path, "; the original file was not changed");
  /* Never rewritten in place: refused, saying why. */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "is not writable"));
  g_chmod (f->dir, 0700);
  assert_file_holds (f->path, f->original);
  g_assert_true (pacte_portfolio_get_modified (f->portfolio));
}

static void
test_target_is_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "folder.pacte.json", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (pacte_portfolio_save (f->portfolio, folder_file, NULL, &error));
  assert_save_error (error, folder, "; the original file was not changed");
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

static void
test_backup_impossible (Fixture       *f,
                        gconstpointer  data)
{
  /* FILE~ is a folder with something in it: the backup cannot be made, so
   * nothing is replaced (this one fails even for root). */
  g_autofree char *backup = g_strconcat (f->path, "~", NULL);
  g_autofree char *inside = g_build_filename (backup, "keep", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (backup, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", 1, NULL));
  rename_first_plan (f->portfolio, "Not saved");
  g_assert_false (pacte_portfolio_save (f->portfolio, f->file, NULL, &error));
  assert_save_error (error, f->path, "; the original file was not changed");
  assert_file_holds (f->path, f->original);
  g_assert_true (pacte_portfolio_get_modified (f->portfolio));
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  rename_first_plan (f->portfolio, "Not saved");
  g_assert_false (pacte_portfolio_save (f->portfolio, f->file, cancellable, &error));
  /* A cancelled save stays a cancellation: the window says nothing of it. */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_save_error (error, f->path, "; the original file was not changed");
  assert_file_holds (f->path, f->original);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* An edit made while the file is being written is not in the file: after the
 * save the portfolio is still modified, and undoing that edit reaches the
 * saved state again. */
static void
test_async_edit_during_save (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) written = NULL;

  rename_first_plan (f->portfolio, "Saved in the background");
  expected = pacte_portfolio_to_bytes (f->portfolio);
  pacte_portfolio_save_async (f->portfolio, f->file, NULL, saved_cb, &result);
  rename_first_plan (f->portfolio, "Typed while saving");
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (pacte_portfolio_save_finish (f->portfolio, result, &error));
  g_assert_no_error (error);
  written = pacte_test_read_file (f->path);
  if (g_bytes_equal (written, expected))
    {
      /* The text was complete before the edit (the usual case: the sample
       * is made in one slice): the edit stays modified, and undoing it
       * comes back to the saved state. */
      g_assert_true (pacte_portfolio_get_modified (f->portfolio));
      g_assert_true (pacte_portfolio_undo (f->portfolio));
      g_assert_false (pacte_portfolio_get_modified (f->portfolio));
    }
  else
    {
      /* A slow machine made the text in more than one slice and the edit
       * came between them: it is in the file, and that state is saved
       * (as /save/async-edit-during-snapshot checks on purpose). */
      g_autoptr(GBytes) now = pacte_portfolio_to_bytes (f->portfolio);

      g_assert_true (g_bytes_equal (written, now));
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                      "Typed while saving"));
      g_assert_false (pacte_portfolio_get_modified (f->portfolio));
    }
}

/* A large portfolio's text is made a slice at a time between the main
 * loop's events: an edit made meanwhile, in a partner already written or
 * in one not written yet, is in the file, and the saved state is the one
 * with the edit (tests/bench/bench-save.c measures the slices). */
static void
test_async_edit_during_snapshot (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = NULL;
  GListModel *partners = pacte_portfolio_get_partners (f->portfolio);
  g_autoptr(PacteRecord) first = NULL;
  g_autoptr(PacteRecord) last = NULL;

  pacte_test_add_partners (f->portfolio, 20000);
  first = g_list_model_get_item (partners, 0);
  last = g_list_model_get_item (partners, g_list_model_get_n_items (partners) - 1);

  pacte_portfolio_save_async (f->portfolio, f->file, NULL, saved_cb, &result);
  /* The first slice is made; the last partner waits for a later one. */
  pacte_record_set_string (last, PACTE_PARTNER_NAME, "Typed while the text was made", &error);
  g_assert_no_error (error);
  /* One more slice. */
  g_main_context_iteration (NULL, FALSE);
  g_assert_null (result);
  pacte_record_set_string (first, PACTE_PARTNER_NAME, "Also typed meanwhile", &error);
  g_assert_no_error (error);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (pacte_portfolio_save_finish (f->portfolio, result, &error));
  g_assert_no_error (error);
  expected = pacte_portfolio_to_bytes (f->portfolio);
  assert_file_holds (f->path, expected);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (expected, NULL), g_bytes_get_size (expected),
                                  "Typed while the text was made"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (expected, NULL), g_bytes_get_size (expected),
                                  "Also typed meanwhile"));
  g_assert_false (pacte_portfolio_get_modified (f->portfolio));
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *backup = g_strconcat (f->path, "~", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder.pacte.json", NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);

  rename_first_plan (f->portfolio, "Saved in the background");
  expected = pacte_portfolio_to_bytes (f->portfolio);
  pacte_portfolio_save_async (f->portfolio, f->file, NULL, saved_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (pacte_portfolio_save_finish (f->portfolio, result, &error));
  g_assert_no_error (error);
  assert_file_holds (f->path, expected);
  assert_file_holds (backup, f->original);
  g_assert_false (pacte_portfolio_get_modified (f->portfolio));
  assert_etag_is_current (f->portfolio, f->file);
  g_clear_object (&result);

  /* A failure comes back the same way, with the same message. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  rename_first_plan (f->portfolio, "Not saved");
  pacte_portfolio_save_async (f->portfolio, folder_file, NULL, saved_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (pacte_portfolio_save_finish (f->portfolio, result, &error));
  assert_save_error (error, folder, "; the original file was not changed");
  g_assert_true (pacte_portfolio_get_modified (f->portfolio));
  g_assert_true (g_file_equal (pacte_portfolio_get_file (f->portfolio), f->file));
}

/* ---- pacte --normalize -------------------------------------------------- */

static void
test_normalize (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *messy_source = pacte_test_fixture_path ("format-messy.pacte.json");
  g_autofree char *expected_source = pacte_test_fixture_path ("format-messy.expected.json");
  g_autoptr(GBytes) messy = pacte_test_read_file (messy_source);
  g_autoptr(GBytes) expected = pacte_test_read_file (expected_source);
  g_autofree char *messy_path = g_build_filename (f->dir, "messy.pacte.json", NULL);
  g_autofree char *out_path = g_build_filename (f->dir, "out.pacte.json", NULL);
  g_autofree char *backup = g_strconcat (messy_path, "~", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* To another file: the source is left alone. */
  write_file (messy_path, messy);
  g_assert_cmpint (pacte_test_run_pacte ((const char *[]) { "--normalize", messy_path, "-o", out_path, NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
  assert_file_holds (out_path, expected);
  assert_file_holds (messy_path, messy);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* In place. */
  g_assert_cmpint (pacte_test_run_pacte ((const char *[]) { "--normalize", messy_path, NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
  assert_file_holds (messy_path, expected);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Already canonical: nothing to do. */
  g_assert_cmpint (pacte_test_run_pacte ((const char *[]) { "--normalize", f->path, NULL }, &out, &err), ==, 0);
  assert_file_holds (f->path, f->original);
}

static void
test_normalize_bad_file (Fixture       *f,
                         gconstpointer  data)
{
  static const char broken[] = "{\"format\":\"pacte-portfolio\",\"version\":1,\n\"partners\":[{\"id\":\"p-1\",\"name\":\"A\",}]}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (broken, sizeof broken - 1);
  g_autofree char *path = g_build_filename (f->dir, "broken.pacte.json", NULL);
  g_autofree char *out_path = g_build_filename (f->dir, "out.pacte.json", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected_err = NULL;

  write_file (path, bytes);
  g_assert_cmpint (pacte_test_run_pacte ((const char *[]) { "--normalize", path, NULL }, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  expected_err = g_strdup_printf ("pacte: %s:2:36: a comma before \"}\"; expected another member (JSON allows no trailing comma)\n", path);
  g_assert_cmpstr (err, ==, expected_err);
  assert_file_holds (path, bytes);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (pacte_test_run_pacte ((const char *[]) { "--normalize", path, "-o", out_path, NULL }, &out, &err), ==, 2);
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* An output that cannot be written (a folder): refused before any work,
   * exit 2 as well, with the reason. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (pacte_test_run_pacte ((const char *[]) { "--normalize", f->path, "-o", folder, NULL }, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "pacte: "));
  g_assert_nonnull (strstr (err, "it is a folder; expected a regular file"));
  assert_file_holds (f->path, f->original);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/save/backup", test_save_and_backup);
  ADD ("/save/new-file", test_save_as_new_file);
  ADD ("/save/failure/read-only-folder", test_read_only_folder);
  ADD ("/save/failure/target-is-folder", test_target_is_folder);
  ADD ("/save/failure/backup-impossible", test_backup_impossible);
  ADD ("/save/failure/cancelled", test_cancelled);
  ADD ("/save/async", test_async);
  ADD ("/save/async-edit-during-save", test_async_edit_during_save);
  ADD ("/save/async-edit-during-snapshot", test_async_edit_during_snapshot);
  ADD ("/save/normalize/write", test_normalize);
  ADD ("/save/normalize/bad-file", test_normalize_bad_file);
#undef ADD

  return g_test_run ();
}
