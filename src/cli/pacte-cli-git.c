/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-cli-git.c: pacte --git-setup [DIR]: makes git merge and diff
 * *.pacte.json files with Pacte (docs/git.md).
 *
 * Adds "*.pacte.json merge=pacte diff=pacte" to the .gitattributes at the
 * top of DIR's repository (committed: the whole team shares it), and sets in
 * the repository's local config the drivers that line names (each clone runs
 * it once: git never takes commands from the repository itself).  Running it
 * again changes nothing.  Prints what it did. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pacte-cli.h"
#include "pacte-i18n.h"

#define ATTRIBUTES_LINE "*.pacte.json merge=pacte diff=pacte"

/* Runs git in dir; its standard output (trimmed) in *out. */
static gboolean
run_git (const char  *dir,
         char       **out,
         GError     **error,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *arg;
  int status = 0;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) "git");
  g_ptr_array_add (argv, (gpointer) "-C");
  g_ptr_array_add (argv, (gpointer) dir);
  va_start (ap, error);
  for (arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &stdout_text, &stderr_text, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "%s", g_strstrip (stderr_text));
      return FALSE;
    }
  if (out != NULL)
    *out = g_strdup (g_strstrip (stdout_text));
  return TRUE;
}

/* The command git should run: this program, by an absolute path when it
 * was started by one (a build tree), else by its name on PATH. */
static char *
program_command (const char *program)
{
  g_autofree char *absolute = NULL;

  if (program == NULL || strchr (program, '/') == NULL)
    return g_strdup ("pacte");
  absolute = g_canonicalize_filename (program, NULL);
  return g_shell_quote (absolute);
}

static gboolean
set_config (const char *top,
            const char *key,
            const char *value)
{
  g_autofree char *current = NULL;
  g_autoptr(GError) error = NULL;

  if (run_git (top, &current, NULL, "config", "--local", "--get", key, NULL) && g_str_equal (current, value))
    {
      printf (_("git config %s is already “%s”"), key, value);
      fputc ('\n', stdout);
      return TRUE;
    }
  if (!run_git (top, NULL, &error, "config", "--local", key, value, NULL))
    {
      pacte_cli_error (_("could not set git config %s: %s"), key, error->message);
      return FALSE;
    }
  printf (_("set git config %s = “%s”"), key, value);
  fputc ('\n', stdout);
  return TRUE;
}

static gboolean
has_line (const char *text,
          const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_equal (g_strstrip (lines[i]), line))
      return TRUE;
  return FALSE;
}

int
pacte_cli_git_setup (PacteCliOptions *options)
{
  const char *dir = options->args[0] != NULL ? options->args[0] : ".";
  g_autofree char *top = NULL;
  g_autofree char *attributes = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *command = program_command (options->program);
  g_autofree char *merge_driver = g_strdup_printf ("%s --merge %%O %%A %%B", command);
  g_autofree char *diff_command = g_strdup_printf ("%s --diff", command);
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      pacte_cli_error (_("%s is not a folder; expected the folder of a git repository"), dir);
      return PACTE_CLI_EXIT_USAGE;
    }
  if (!run_git (dir, &top, &error, "rev-parse", "--show-toplevel", NULL))
    {
      if (g_error_matches (error, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT))
        pacte_cli_error (_("git is not installed: install it, then run pacte --git-setup again"));
      else
        pacte_cli_error (_("%s is not in a git repository (run git init there first): %s"), dir, error->message);
      return PACTE_CLI_EXIT_BAD_FILE;
    }

  attributes = g_build_filename (top, ".gitattributes", NULL);
  if (g_file_get_contents (attributes, &contents, &len, NULL) && has_line (contents, ATTRIBUTES_LINE))
    printf (_("%s already has “%s”"), attributes, ATTRIBUTES_LINE);
  else
    {
      g_autoptr(GString) text = g_string_new (contents);

      if (text->len > 0 && text->str[text->len - 1] != '\n')
        g_string_append_c (text, '\n');
      g_string_append (text, ATTRIBUTES_LINE "\n");
      if (!g_file_set_contents (attributes, text->str, text->len, &error))
        {
          pacte_cli_error (_("could not write %s: %s"), attributes, error->message);
          return PACTE_CLI_EXIT_BAD_FILE;
        }
      printf (_("added “%s” to %s (commit it, so that the whole team has it)"), ATTRIBUTES_LINE, attributes);
    }
  fputc ('\n', stdout);

  if (!set_config (top, "merge.pacte.name", "Pacte portfolio merge")
      || !set_config (top, "merge.pacte.driver", merge_driver)
      || !set_config (top, "diff.pacte.command", diff_command))
    return PACTE_CLI_EXIT_BAD_FILE;

  if (fflush (stdout) != 0 || ferror (stdout))
    {
      pacte_cli_error (_("could not write the results to the standard output: %s"), g_strerror (errno));
      return PACTE_CLI_EXIT_BAD_FILE;
    }
  return PACTE_CLI_EXIT_OK;
}
