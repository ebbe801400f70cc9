/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-cli-diff.c: pacte --diff OLD NEW [--lang en|fr] [--json] [--date D]:
 * what changed, in words, by record and field, then the lights that changed.
 *
 * Also git's diff driver (diff.pacte.command = pacte --diff): git then calls
 * it with seven arguments, PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX
 * NEW-MODE, and /dev/null for a side that does not exist.
 *
 * Exit status: 0 (whatever changed); 1 a wrong command line; 2 a version
 * cannot be used. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pacte-cli.h"
#include "pacte-diff.h"
#include "pacte-i18n.h"

static gboolean
is_no_file (const char *path)
{
  return g_str_equal (path, "/dev/null");
}

int
pacte_cli_diff (PacteCliOptions *options)
{
  guint n_args = g_strv_length (options->args);
  const char *display = NULL;
  const char *old_path;
  const char *new_path;
  g_autoptr(PactePortfolio) old_portfolio = NULL;
  g_autoptr(PactePortfolio) new_portfolio = NULL;
  g_autoptr(PacteDiff) diff = NULL;
  const char *lang;

  if (n_args == 7)
    {
      display = options->args[0];
      old_path = options->args[1];
      new_path = options->args[4];
    }
  else if (n_args == 2)
    {
      old_path = options->args[0];
      new_path = options->args[1];
    }
  else
    {
      pacte_cli_error (_("--diff takes OLD NEW (or, from git, the seven arguments of a diff driver); %u given"), n_args);
      return PACTE_CLI_EXIT_USAGE;
    }

  if (!is_no_file (old_path))
    {
      old_portfolio = pacte_cli_load (old_path);
      if (old_portfolio == NULL)
        return PACTE_CLI_EXIT_BAD_FILE;
    }
  if (!is_no_file (new_path))
    {
      new_portfolio = pacte_cli_load (new_path);
      if (new_portfolio == NULL)
        return PACTE_CLI_EXIT_BAD_FILE;
    }

  lang = pacte_cli_language (options, new_portfolio != NULL ? new_portfolio : old_portfolio);
  diff = pacte_diff_new (old_portfolio, new_portfolio, pacte_rule_set_get_default (), options->today, lang);

  if (options->json)
    {
      g_autoptr(JsonNode) root = pacte_diff_to_json (diff);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *text = NULL;

      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      text = json_generator_to_data (generator, NULL);
      fputs (text, stdout);
      fputc ('\n', stdout);
    }
  else
    {
      g_autofree char *text = pacte_diff_to_text (diff);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      if (display != NULL)
        {
          g_autofree char *safe = pacte_cli_escape (display);

          printf ("%s\n", safe);
        }
      if (pacte_diff_is_empty (diff))
        printf ("%s\n", pacte_gettext_lang (lang, N_("No change in content (only the layout of the file changed).")));
      /* Names and titles come from the files: no terminal control from them. */
      for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
        {
          g_autofree char *safe = pacte_cli_escape (lines[i]);

          printf ("%s\n", safe);
        }
    }

  if (fflush (stdout) != 0 || ferror (stdout))
    {
      pacte_cli_error (_("could not write the results to the standard output: %s"), g_strerror (errno));
      return PACTE_CLI_EXIT_BAD_FILE;
    }
  return PACTE_CLI_EXIT_OK;
}
