/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the command line runs without a display; anything else opens the window. */
#include "config.h"

#include "pacte-cli.h"
#include "pacte-i18n.h"

#if PACTE_WITH_GUI
#include "pacte-application.h"
#endif

/* What the desktop file sets for Pacte (glibc's heap in huge pages, read by
 * glibc as the program starts: README, "The open's frames, again"). */
#define LAUNCHER_TUNABLES "glibc.malloc.hugetlb=1"

int
main (int    argc,
      char **argv)
{
  /* Read already: for Pacte alone, not for what it starts (a browser, a
   * PDF viewer). */
  if (g_strcmp0 (g_getenv ("GLIBC_TUNABLES"), LAUNCHER_TUNABLES) == 0)
    g_unsetenv ("GLIBC_TUNABLES");
  pacte_i18n_init ();

  if (pacte_cli_wants (argc, argv))
    return pacte_cli_run (argc, argv);

#if PACTE_WITH_GUI
  {
    g_autoptr(PacteApplication) app = pacte_application_new ();

    return g_application_run (G_APPLICATION (app), argc, argv);
  }
#else
  /* An unknown option gets the option parser's message. */
  for (int i = 1; i < argc; i++)
    if (argv[i][0] == '-' && argv[i][1] != '\0')
      return pacte_cli_run (argc, argv);
  pacte_cli_error (_("this build has no window: use --check, --report or --normalize (see pacte --help)"));
  return PACTE_CLI_EXIT_USAGE;
#endif
}
