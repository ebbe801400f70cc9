/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-test-utils.c: helpers shared by the test programs. */
#include "config.h"

#include <sys/wait.h>

#include <glib/gstdio.h>

#include "pacte-test-utils.h"
#include "pacte-load-list-private.h"

char *
pacte_test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

GBytes *
pacte_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

GBytes *
pacte_test_read_fixture (const char *name)
{
  g_autofree char *path = pacte_test_fixture_path (name);

  return pacte_test_read_file (path);
}

char *
pacte_test_sample_path (void)
{
  const char *root = g_getenv ("PACTE_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "data", "samples", "sample.pacte.json", NULL);
}

char *
pacte_test_generate (const char *dir,
                     const char *name,
                     guint       n_plans,
                     guint       n_partners,
                     const char *seed)
{
  g_autofree char *script = g_build_filename (g_getenv ("PACTE_SOURCE_ROOT"), "tests", "bench", "gen-portfolio.py", NULL);
  g_autofree char *plans = g_strdup_printf ("%u", n_plans);
  g_autofree char *partners = g_strdup_printf ("%u", n_partners);
  char *path = g_build_filename (dir, name, NULL);
  const char *argv[] = { "python3", script, "--plans", plans, "--partners", partners, "--seed", seed, "-o", path, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return path;
}

PactePortfolio *
pacte_test_load_path (const char   *path,
                      PacteRuleSet *rules)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PactePortfolio *portfolio = pacte_portfolio_load_file (file, rules, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (portfolio);
  return portfolio;
}

PactePortfolio *
pacte_test_load_sample (PacteRuleSet *rules)
{
  g_autofree char *path = pacte_test_sample_path ();

  return pacte_test_load_path (path, rules);
}

void
pacte_test_add_partners (PactePortfolio *portfolio,
                         guint           n)
{
  GListModel *partners = pacte_portfolio_get_partners (portfolio);

  pacte_portfolio_begin_group (portfolio, "Add partners");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PacteRecord) partner = g_object_new (PACTE_TYPE_PARTNER, NULL);
      g_autofree char *id = g_strdup_printf ("p-test-%u", i);
      g_autofree char *name = g_strdup_printf ("Partenaire d’essai nº %u", i);
      g_autoptr(GError) error = NULL;

      pacte_record_set_string (partner, PACTE_PARTNER_ID, id, &error);
      g_assert_no_error (error);
      pacte_record_set_string (partner, PACTE_PARTNER_NAME, name, &error);
      g_assert_no_error (error);
      pacte_record_set_string (partner, PACTE_PARTNER_SEGMENT, "technology", &error);
      g_assert_no_error (error);
      pacte_record_list_insert (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_PARTNERS,
                                g_list_model_get_n_items (partners), partner);
    }
  pacte_portfolio_end_group (portfolio);
}

void
pacte_test_remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      pacte_test_remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

int
pacte_test_run_pacte (const char * const  *args,
                      char               **out,
                      char               **err)
{
  const char *bin = g_getenv ("PACTE_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

gboolean
pacte_test_wait_for (gboolean (*check) (gpointer data),
                     gpointer   data,
                     guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!check (data))
    {
      if (g_get_monotonic_time () >= end)
        return check (data);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

void
pacte_test_run_clear (PacteTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
pacte_test_run (PacteTestRun *run,
                const char   *first,
                ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  pacte_test_run_clear (run);
  run->status = pacte_test_run_pacte ((const char * const *) args->pdata, &run->out, &run->err);
}

int
pacte_test_git (const char  *dir,
                char       **output,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int status = 0;
  va_list ap;

  /* No user or system configuration: the test's own identity. */
  env = g_environ_setenv (env, "HOME", dir, TRUE);
  env = g_environ_setenv (env, "GIT_CONFIG_NOSYSTEM", "1", TRUE);
  env = g_environ_setenv (env, "GIT_AUTHOR_NAME", "Test", TRUE);
  env = g_environ_setenv (env, "GIT_AUTHOR_EMAIL", "test@example.org", TRUE);
  env = g_environ_setenv (env, "GIT_COMMITTER_NAME", "Test", TRUE);
  env = g_environ_setenv (env, "GIT_COMMITTER_EMAIL", "test@example.org", TRUE);
  env = g_environ_setenv (env, "GIT_PAGER", "cat", TRUE);
  g_ptr_array_add (argv, (gpointer) "git");
  va_start (ap, output);
  for (arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (dir, (char **) argv->pdata, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (output != NULL)
    *output = g_strconcat (out, err, NULL);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

char *
pacte_test_make_tmp_dir (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = g_strdup_printf ("pacte-%s-XXXXXX", name);
  char *dir = g_dir_make_tmp (pattern, &error);

  g_assert_no_error (error);
  return dir;
}

char *
pacte_test_strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_SPACE_SEPARATOR)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
pacte_test_pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  return out;
}

/* One failed load's message; the test fails unless it failed with code
 * (any code when negative). */
static char *
failed_load_message (GBytes     *bytes,
                     const char *display,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = pacte_portfolio_load_bytes (bytes, display, NULL, &error);

  g_assert_null (portfolio);
  if (code >= 0)
    g_assert_error (error, PACTE_MODEL_ERROR, code);
  else
    g_assert_nonnull (error);
  return g_strdup (error->message);
}

char *
pacte_test_load_message_both_ways (GBytes     *bytes,
                                   const char *display,
                                   int         code,
                                   guint       runs)
{
  char *message;

  pacte_load_list_set_threads_for_tests (1);
  message = failed_load_message (bytes, display, code);
  pacte_load_list_set_threads_for_tests (2);
  for (guint run = 0; run < runs; run++)
    {
      g_autofree char *again = failed_load_message (bytes, display, code);

      g_assert_cmpstr (again, ==, message);
    }
  pacte_load_list_set_threads_for_tests (0);
  return message;
}
