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

static char *
plan_ids (PactePortfolio *portfolio)
{
  GListModel *plans = pacte_portfolio_get_plans (portfolio);
  guint n = g_list_model_get_n_items (plans);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < n && i < 20; i++)
    {
      g_autoptr(PacteRecord) plan = g_list_model_get_item (plans, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                              pacte_record_get_string (plan, PACTE_PLAN_ID));
    }
  if (n > 20)
    g_string_append (ids, ", …");
  return g_string_free (ids, FALSE);
}

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
      plan = pacte_portfolio_find_plan (portfolio, options->plan);
      if (plan == NULL)
        {
          g_autofree char *ids = plan_ids (portfolio);

          if (*ids != '\0')
            pacte_cli_error (_("no plan with id “%s” in %s (its plans: %s)"),
                             options->plan, options->report_file, ids);
          else
            pacte_cli_error (_("no plan with id “%s” in %s: it has no plans"),
                             options->plan, options->report_file);
          return PACTE_CLI_EXIT_USAGE;
        }
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
