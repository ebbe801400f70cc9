/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Placeholder until the report command lands in this session: it refuses plainly. */
#include "config.h"
#include "pacte-cli.h"

int
pacte_cli_report (PacteCliOptions *options)
{
  pacte_cli_error (_("--report is not available in this build"));
  return PACTE_CLI_EXIT_USAGE;
}
