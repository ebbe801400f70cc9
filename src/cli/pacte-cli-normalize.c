/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-cli-normalize.c: pacte --normalize FILE [-o OUT].
 *
 * Loads FILE (every check of the loader applies: a file that does not load
 * is left untouched) and writes it back in canonical form, in place or to
 * OUT.  The write is atomic (pacte-atomic-file.h: a temporary file beside
 * the target, renamed over it once complete; removed on Ctrl+C or SIGTERM).
 * No FILE~ backup: the content is the same portfolio, and these files
 * usually live in git.  A file already in canonical form is not rewritten,
 * so its modification time only changes when its text does.  OUT must be a
 * regular file or not exist (a FIFO, a device, a folder are refused);
 * -o FILE itself is the same as no -o. */
#include "config.h"

#include <string.h>

#include "pacte-atomic-file.h"
#include "pacte-cli.h"
#include "pacte-i18n.h"

/* TRUE when target already holds exactly data (read with the same limits as
 * any file: a FIFO or a device is never read). */
static gboolean
holds (GFile      *target,
       const char *data,
       gsize       len)
{
  g_autofree char *current = NULL;
  gsize current_len = 0;

  return pacte_file_read (target, len, NULL, NULL, &current, &current_len, NULL, NULL, NULL, NULL)
         && current_len == len && memcmp (current, data, len) == 0;
}

int
pacte_cli_normalize (PacteCliOptions *options)
{
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gconstpointer data;
  gsize len;

  pacte_atomic_remove_temp_on_signals ();
  if (options->output != NULL && !pacte_cli_check_output (options->output, options->normalize_file, FALSE))
    return PACTE_CLI_EXIT_BAD_FILE;

  portfolio = pacte_cli_load (options->normalize_file);
  if (portfolio == NULL)
    return PACTE_CLI_EXIT_BAD_FILE;

  bytes = pacte_portfolio_to_bytes (portfolio);
  data = g_bytes_get_data (bytes, &len);
  target = g_file_new_for_commandline_arg (options->output != NULL ? options->output
                                                                   : options->normalize_file);
  if (holds (target, data, len))
    return PACTE_CLI_EXIT_OK;

  if (!pacte_atomic_write (target, data, len, PACTE_ATOMIC_NONE, NULL, NULL, &error))
    {
      name = pacte_file_display_name (target);
      pacte_cli_error (_("%s: could not write the file: %s; nothing was changed"),
                       name, error->message);
      return PACTE_CLI_EXIT_BAD_FILE;
    }
  return PACTE_CLI_EXIT_OK;
}
