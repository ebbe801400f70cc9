/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Placeholder until the normalize command lands in this session: it refuses plainly. */
#include "config.h"
#include "pacte-cli.h"

int
pacte_cli_normalize (PacteCliOptions *options)
{
  pacte_cli_error (_("--normalize is not available in this build"));
  return PACTE_CLI_EXIT_USAGE;
}
