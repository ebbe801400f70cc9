/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Placeholder until the check command lands in this session: it refuses plainly. */
#include "config.h"
#include "pacte-cli.h"

int
pacte_cli_check (PacteCliOptions *options)
{
  pacte_cli_error (_("--check is not available in this build"));
  return PACTE_CLI_EXIT_USAGE;
}
