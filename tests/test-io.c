/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading and writing files (src/core/io) and what the command line refuses:
 * the atomic write keeps modes and links and refuses what is not a regular
 * file, leftovers of killed runs are cleaned (only ours, only old ones), and
 * reads refuse devices, FIFOs and folders at once and stop at the limit. */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "pacte-atomic-file.h"
#include "pacte-background.h"
#include "pacte-file-read.h"
#include "pacte-test-utils.h"

static char *
tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pacte-io-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_temp_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, PACTE_ATOMIC_TEMP_PREFIX))
      n++;
  return n;
}

static void
make_old (const char *path)
{
  struct utimbuf times = { time (NULL) - 3600, time (NULL) - 3600 };

  g_assert_cmpint (utime (path, &times), ==, 0);
}

static void
test_write_keeps_mode_and_link (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "team.pacte.json", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.pacte.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) link_file = g_file_new_for_path (link_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GFileInfo) info = NULL;
  struct stat st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (pacte_atomic_write (file, "new", 3, PACTE_ATOMIC_NONE, &etag, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  /* The etag is GLib's own for the new file: no "changed on disk". */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_assert_cmpstr (etag, ==, g_file_info_get_etag (info));

  /* Through a link: the link stays, the file it points to is replaced. */
  g_assert_cmpint (symlink ("team.pacte.json", link_path), ==, 0);
  g_assert_true (pacte_atomic_write (link_file, "linked", 6, PACTE_ATOMIC_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "linked");
  g_assert_cmpuint (count_temp_files (dir), ==, 0);
  pacte_test_remove_tree (dir);
}

static void
test_write_refuses_special_files (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GFile) null_file = g_file_new_for_path ("/dev/null");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (pacte_atomic_write (fifo_file, "x", 1, PACTE_ATOMIC_NONE, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "named pipe"));
  g_clear_error (&error);
  g_assert_false (pacte_atomic_write (dir_file, "x", 1, PACTE_ATOMIC_NONE, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);
  /* Even as root: a device node is never replaced by a file. */
  g_assert_false (pacte_atomic_write (null_file, "x", 1, PACTE_ATOMIC_NONE, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_true (g_file_test ("/dev/null", G_FILE_TEST_EXISTS) && !g_file_test ("/dev/null", G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_temp_files (dir), ==, 0);
  pacte_test_remove_tree (dir);
}

static void
write_old (const char *dir,
           const char *name,
           const char *text,
           gboolean    old)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  if (old)
    make_old (path);
}

static void
test_leftovers (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *target = g_build_filename (dir, "team.pacte.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GError) error = NULL;
  static const char *kept[] = {
    ".pacte-tmp-Fresh1-team.pacte.json",     /* a write in progress */
    ".pacte-tmp-notours",                    /* not our pattern */
    ".goutputstream-ABC123",                 /* GLib's, but not a Pacte file */
    ".goutputstream-DEF4567",                /* not GLib's pattern */
    "notes.txt",
  };

  write_old (dir, ".pacte-tmp-Old123-team.pacte.json", "{", TRUE);
  write_old (dir, ".goutputstream-Q1W2E3", "{\n  \"format\": \"pacte-portfolio\",\n  \"version\": 1", TRUE);
  write_old (dir, kept[0], "{", FALSE);
  write_old (dir, kept[1], "{", TRUE);
  write_old (dir, kept[2], "someone else's document", TRUE);
  write_old (dir, kept[3], "{\n  \"format\": \"pacte-portfolio\"", TRUE);
  write_old (dir, kept[4], "mine", TRUE);

  g_assert_true (pacte_atomic_write (file, "{}", 2, PACTE_ATOMIC_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (dir, kept[i], NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  {
    g_autofree char *ours = g_build_filename (dir, ".pacte-tmp-Old123-team.pacte.json", NULL);
    g_autofree char *glib = g_build_filename (dir, ".goutputstream-Q1W2E3", NULL);

    g_assert_false (g_file_test (ours, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (glib, G_FILE_TEST_EXISTS));
  }
  pacte_test_remove_tree (dir);
}

static gboolean
stop_at_x (const char *data,
           gsize       len,
           gsize       checked,
           gpointer    user_data)
{
  return memchr (data + checked, 'x', len - checked) == NULL;
}

static void
test_read_limits (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *big = g_build_filename (dir, "big", NULL);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GFile) big_file = g_file_new_for_path (big);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  const char *devices[] = { "/dev/zero", "/dev/urandom", "/dev/null" };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  gboolean stopped = FALSE;
  gint64 start = g_get_monotonic_time ();

  /* A FIFO without a writer: refused at once, not waited for. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (pacte_file_read (fifo_file, 1 << 20, NULL, NULL, &contents, &len, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    {
      g_autoptr(GFile) device = g_file_new_for_path (devices[i]);

      g_assert_false (pacte_file_read (device, 1 << 20, NULL, NULL, &contents, &len, NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
      g_assert_nonnull (strstr (error->message, "it is a device"));
      g_clear_error (&error);
    }
  g_assert_false (pacte_file_read (dir_file, 1 << 20, NULL, NULL, &contents, &len, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* Larger than the limit: refused from its size. */
  g_assert_true (g_file_set_contents (big, "0123456789", -1, NULL));
  g_assert_false (pacte_file_read (big_file, 9, NULL, NULL, &contents, &len, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_clear_error (&error);
  g_assert_true (pacte_file_read (big_file, 10, NULL, NULL, &contents, &len, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "0123456789");
  g_clear_pointer (&contents, g_free);

  /* A check stops the read. */
  g_assert_true (g_file_set_contents (big, "abcxdef", -1, NULL));
  g_assert_true (pacte_file_read (big_file, 100, stop_at_x, NULL, &contents, &len, &stopped, NULL, NULL, &error));
  g_assert_true (stopped);
  g_assert_cmpuint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  pacte_test_remove_tree (dir);
}

/* A 512 MiB file of NUL bytes (sparse: nothing on disk) is refused at 1:1
 * from its first block, not after reading it all. */
static void
test_load_nul_file (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "zeros.pacte.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  gint64 start;
  int fd = open (path, O_WRONLY | O_CREAT, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 512 << 20), ==, 0);
  close (fd);
  start = g_get_monotonic_time ();
  portfolio = pacte_portfolio_load_file (file, NULL, NULL, &error);
  g_test_message ("%s in %.3f s", error != NULL ? error->message : "loaded",
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_null (portfolio);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, ":1:1: "));
  g_assert_cmpuint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  pacte_test_remove_tree (dir);
}

/* ---- The command line ----------------------------------------------------- */

static void
assert_refused (const char * const *args,
                const char         *named,
                const char         *why)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = pacte_test_run_pacte (args, &out, &err);

  g_test_message ("%s", err);
  g_assert_cmpint (status, ==, 2);
  g_assert_true (g_str_has_prefix (err, "pacte: "));
  g_assert_nonnull (strstr (err, named));
  g_assert_nonnull (strstr (err, why));
  g_assert_cmpuint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
}

static void
test_cli_refusals (void)
{
  g_autofree char *dir = tmp_dir ();
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *input = g_build_filename (dir, "team.pacte.json", NULL);
  g_autofree char *hard = g_build_filename (dir, "hard.pdf", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *zero = g_build_filename (dir, "zero.pacte.json", NULL);
  g_autoptr(GBytes) original = pacte_test_read_file (sample);
  g_autoptr(GBytes) after = NULL;

  g_assert_true (g_file_set_contents (input, g_bytes_get_data (original, NULL), g_bytes_get_size (original), NULL));
  g_assert_cmpint (link (input, hard), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);

  /* Reads: devices, a FIFO without a writer, a folder. */
  assert_refused ((const char *[]) { "--check", "/dev/zero", NULL }, "/dev/zero", "it is a device");
  assert_refused ((const char *[]) { "--check", "/dev/urandom", NULL }, "/dev/urandom", "it is a device");
  assert_refused ((const char *[]) { "--check", fifo, NULL }, fifo, "named pipe");
  assert_refused ((const char *[]) { "--check", zero, NULL }, zero, "it is a device");
  assert_refused ((const char *[]) { "--check", dir, NULL }, dir, "it is a folder");

  /* Outputs: not a regular file, or the input itself. */
  assert_refused ((const char *[]) { "--normalize", input, "-o", fifo, NULL }, fifo, "named pipe");
  assert_refused ((const char *[]) { "--normalize", input, "-o", zero, NULL }, zero, "it is a device");
  assert_refused ((const char *[]) { "--report", fifo, input, NULL }, fifo, "named pipe");
  assert_refused ((const char *[]) { "--report", "/dev/null", input, NULL }, "/dev/null", "it is a device");
  assert_refused ((const char *[]) { "--report", dir, input, NULL }, dir, "it is a folder");
  assert_refused ((const char *[]) { "--report", input, input, NULL }, input, "the output is the input file");
  assert_refused ((const char *[]) { "--report", hard, input, NULL }, hard, "the output is the input file");

  after = pacte_test_read_file (input);
  g_assert_true (g_bytes_equal (after, original));
  g_assert_cmpuint (count_temp_files (dir), ==, 0);
  pacte_test_remove_tree (dir);
}

typedef struct
{
  GThread *thread;      /* the thread the work ran in */
  int      nice_value;  /* its nice value while it ran */
  gboolean done;
} Background;

static void
background_work (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Background *b = task_data;

  b->thread = g_thread_self ();
  b->nice_value = pacte_thread_get_nice ();
  g_task_return_int (task, 42);
}

static void
background_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  Background *b = data;
  g_autoptr(GError) error = NULL;

  /* Back in the caller's main context, with the work's result. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpint (g_task_propagate_int (G_TASK (result), &error), ==, 42);
  g_assert_no_error (error);
  b->done = TRUE;
}

/* Long work (an open's load) runs in a thread of its own, below the
 * calling thread's priority, so that the window's main loop is served
 * first on a processor they share; the caller keeps its own. */
static void
test_background_priority (void)
{
  Background b = { NULL, 0, FALSE };
  int caller = pacte_thread_get_nice ();
  g_autoptr(GTask) task = g_task_new (NULL, NULL, background_done, &b);

  g_task_set_task_data (task, &b, NULL);
  pacte_task_run_in_background (task, background_work);
  while (!b.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (b.thread != g_thread_self ());
#ifdef __linux__
  g_assert_cmpint (b.nice_value, ==, MIN (caller + PACTE_BACKGROUND_NICE, 19));
#endif
  g_assert_cmpint (pacte_thread_get_nice (), ==, caller);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/write-keeps-mode-and-link", test_write_keeps_mode_and_link);
  g_test_add_func ("/io/write-refuses-special-files", test_write_refuses_special_files);
  g_test_add_func ("/io/leftovers", test_leftovers);
  g_test_add_func ("/io/read-limits", test_read_limits);
  g_test_add_func ("/io/load-nul-file", test_load_nul_file);
  g_test_add_func ("/io/cli-refusals", test_cli_refusals);
  g_test_add_func ("/io/background-priority", test_background_priority);

  return g_test_run ();
}
