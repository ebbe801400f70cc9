/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-cli-ics.c: pacte --ics OUT.ics FILE [--plan ID] [--lang en|fr].
 * Writes the portfolio's (or one plan's) meetings, joint events, action and
 * decision dates and review due dates as an iCalendar file
 * (src/core/calendar, docs/calendar.md), atomically.
 *
 * Exit status: 0 written; 1 --plan names no plan of the file (as for
 * --check and --report: docs/cli.md); 2 the file cannot be used or
 * OUT.ics cannot be written. */
#include "config.h"

#include <stdio.h>

#include "pacte-atomic-file.h"
#include "pacte-calendar.h"
#include "pacte-cli.h"
#include "pacte-i18n.h"

int
pacte_cli_ics (PacteCliOptions *options)
{
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  PactePlan *plan = NULL;
  const char *lang;
  guint n_events = 0;

  /* A temporary file being written is removed on Ctrl+C or SIGTERM. */
  pacte_atomic_remove_temp_on_signals ();
  /* Before any work: never a calendar over the portfolio, a FIFO or a device. */
  if (!pacte_cli_check_output (options->ics_out, options->ics_file, TRUE))
    return PACTE_CLI_EXIT_BAD_FILE;

  portfolio = pacte_cli_load (options->ics_file);
  if (portfolio == NULL)
    return PACTE_CLI_EXIT_BAD_FILE;
  if (options->plan != NULL)
    {
      plan = pacte_cli_find_plan (portfolio, options->plan, options->ics_file);
      if (plan == NULL)
        return PACTE_CLI_EXIT_USAGE;
    }
  lang = pacte_cli_language (options, portfolio);
  if (lang == NULL)
    return PACTE_CLI_EXIT_BAD_FILE;

  out = g_file_new_for_commandline_arg (options->ics_out);
  if (!pacte_calendar_write (portfolio, plan, lang, out, &n_events, &error))
    {
      pacte_cli_error ("%s", error->message);
      return PACTE_CLI_EXIT_BAD_FILE;
    }
  shown = pacte_cli_escape (options->ics_out);
  /* pacte_ngettext_lang() has no format attribute: both msgids take a %u
   * and a %s. */
  _Pragma ("GCC diagnostic push")
  _Pragma ("GCC diagnostic ignored \"-Wformat-nonliteral\"")
  printf (pacte_ngettext_lang (lang, "Wrote %u event to %s\n", "Wrote %u events to %s\n", n_events),
          n_events, shown);
  _Pragma ("GCC diagnostic pop")
  return PACTE_CLI_EXIT_OK;
}
