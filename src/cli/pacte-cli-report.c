/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-cli-report.c: pacte --report OUT.pdf FILE [--plan ID] [--lang en|fr]
 * [--date D] [--paper a4|letter].  Writes the review report as a PDF with
 * cairo alone: no display is needed.
 *
 * Exit status: 0 written; 1 an unknown --plan id (the message lists the
 * plans' ids); 2 the file cannot be used or the PDF cannot be written. */
#include "config.h"

#include "pacte-atomic-file.h"
#include "pacte-cli.h"
#include "pacte-i18n.h"
#include "pacte-report.h"

int
pacte_cli_report (PacteCliOptions *options)
{
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autoptr(PacteReport) report = NULL;
  g_autoptr(GError) error = NULL;
  PactePlan *plan = NULL;
  g_autoptr(GFile) out = NULL;
  gboolean letter;
  const char *lang;

  /* A temporary PDF being written is removed on Ctrl+C or SIGTERM. */
  pacte_atomic_remove_temp_on_signals ();
  /* Before any work: never a report over the portfolio, a FIFO or a device. */
  if (!pacte_cli_check_output (options->report_out, options->report_file, TRUE))
    return PACTE_CLI_EXIT_BAD_FILE;

  portfolio = pacte_cli_load (options->report_file);
  if (portfolio == NULL)
    return PACTE_CLI_EXIT_BAD_FILE;

  if (options->plan != NULL)
    {
      plan = pacte_cli_find_plan (portfolio, options->plan, options->report_file);
      if (plan == NULL)
        return PACTE_CLI_EXIT_USAGE;
    }

  lang = pacte_cli_language (options, portfolio);
  if (lang == NULL)
    return PACTE_CLI_EXIT_BAD_FILE;
  report = pacte_report_new (portfolio, pacte_rule_set_get_default (), plan, options->today, lang);
  letter = options->paper != NULL && g_ascii_strcasecmp (options->paper, "letter") == 0;
  if (letter)
    pacte_report_set_page_size (report, PACTE_REPORT_LETTER_WIDTH, PACTE_REPORT_LETTER_HEIGHT);
  else
    pacte_report_set_page_size (report, PACTE_REPORT_A4_WIDTH, PACTE_REPORT_A4_HEIGHT);

  /* Named by its full path, as the portfolio is in load errors. */
  out = g_file_new_for_commandline_arg (options->report_out);
  if (!pacte_report_write_pdf (report, g_file_peek_path (out) != NULL ? g_file_peek_path (out) : options->report_out, &error))
    {
      pacte_cli_error ("%s", error->message);
      return PACTE_CLI_EXIT_BAD_FILE;
    }
  return PACTE_CLI_EXIT_OK;
}
