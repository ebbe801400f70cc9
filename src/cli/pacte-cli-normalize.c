/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-cli-normalize.c: pacte --normalize FILE [-o OUT].
 *
 * Loads FILE (every check of the loader applies: a file that does not load
 * is left untouched) and writes it back in canonical form, in place or to
 * OUT.  The write is atomic (a temporary file renamed over the target).  No
 * FILE~ backup: the content is the same portfolio, and these files usually
 * live in git.  A file already in canonical form is not rewritten, so its
 * modification time only changes when its text does. */
#include "config.h"

#include <string.h>

#include "pacte-cli.h"
#include "pacte-i18n.h"

int
pacte_cli_normalize (PacteCliOptions *options)
{
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *current = NULL;
  gsize current_len = 0;
  gconstpointer data;
  gsize len;

  portfolio = pacte_cli_load (options->normalize_file);
  if (portfolio == NULL)
    return PACTE_CLI_EXIT_BAD_FILE;

  bytes = pacte_portfolio_to_bytes (portfolio);
  data = g_bytes_get_data (bytes, &len);
  target = g_file_new_for_commandline_arg (options->output != NULL ? options->output
                                                                   : options->normalize_file);

  if (g_file_load_contents (target, NULL, &current, &current_len, NULL, NULL)
      && current_len == len && memcmp (current, data, len) == 0)
    return PACTE_CLI_EXIT_OK;

  if (!g_file_replace_contents (target, data, len, NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (target);

      pacte_cli_error (_("%s: could not write the file: %s; nothing was changed"),
                       name, error->message);
      return PACTE_CLI_EXIT_BAD_FILE;
    }
  return PACTE_CLI_EXIT_OK;
}
