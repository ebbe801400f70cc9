/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-cli.c: parses the command line and runs one command. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pacte-cli.h"
#include "pacte-i18n.h"

/* The commands, and the options that only go with them: "pacte --json
 * f.pacte.json" (a forgotten --check) gets the command line's own message
 * instead of the window's "Unknown option --json". */
static const char * const cli_commands[] = {
  "--check", "--report", "--normalize", "--agenda", "--version", "--help", "-h", "-?", "--help-all",
  "--date", "--plan", "--lang", "--json", "--fail-on", "--paper", "--days", "--output", "-o", NULL
};

gboolean
pacte_cli_wants (int    argc,
                 char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      for (guint j = 0; cli_commands[j] != NULL; j++)
        {
          gsize len = strlen (cli_commands[j]);

          if (strncmp (argv[i], cli_commands[j], len) == 0
              && (argv[i][len] == '\0' || argv[i][len] == '='))
            return TRUE;
        }
    }
  return FALSE;
}

void
pacte_cli_error (const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "pacte: %s\n", message);
}

PactePortfolio *
pacte_cli_load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  PactePortfolio *portfolio;

  portfolio = pacte_portfolio_load_file (file, pacte_rule_set_get_default (), NULL, &error);
  if (portfolio == NULL)
    pacte_cli_error ("%s", error->message);
  return portfolio;
}

const char *
pacte_cli_language (PacteCliOptions *options,
                    PactePortfolio  *portfolio)
{
  const char *lang = NULL;

  if (options->lang != NULL)
    lang = pacte_i18n_normalize_lang (options->lang);
  if (lang == NULL && portfolio != NULL)
    lang = pacte_i18n_normalize_lang (pacte_record_get_string (PACTE_RECORD (portfolio),
                                                               PACTE_PORTFOLIO_META_LANGUAGE));
  if (lang == NULL)
    lang = pacte_i18n_user_language ();
  return lang;
}

static guint32
today_julian (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                          g_date_time_get_month (now),
                                          g_date_time_get_year (now));

  return g_date_get_julian (date);
}

static void
options_clear (PacteCliOptions *o)
{
  g_free (o->check_file);
  g_free (o->normalize_file);
  g_free (o->report_out);
  g_free (o->report_file);
  g_free (o->output);
  g_free (o->date);
  g_free (o->plan);
  g_free (o->lang);
  g_free (o->fail_on);
  g_free (o->paper);
  g_free (o->agenda_file);
  g_free (o->days);
}

static char *
help_description (void)
{
  /* The commands' synopsis, shown below the options by --help. */
  return g_strjoin ("\n",
                    _("Commands:"),
                    _("  pacte [FILE…]                    open the window, with these portfolios"),
                    _("  pacte --check FILE [--date YYYY-MM-DD] [--plan ID] [--lang en|fr] [--json] [--fail-on red|amber]"),
                    _("                                   evaluate the golden rules for every plan (or one)"),
                    _("  pacte --report OUT.pdf FILE [--plan ID] [--lang en|fr] [--date YYYY-MM-DD] [--paper a4|letter]"),
                    _("                                   write the review report as PDF"),
                    _("  pacte --normalize FILE [-o OUT]  write the file back in canonical form"),
                    _("  pacte --agenda FILE [--date YYYY-MM-DD] [--days N] [--lang en|fr] [--json]"),
                    _("                                   list what is overdue or due in the next N days (30)"),
                    "",
                    _("Exit status: 0 success, 1 wrong command line, 2 the file cannot be used, 3 --fail-on matched."),
                    NULL);
}

int
pacte_cli_run (int    argc,
               char **argv)
{
  PacteCliOptions o = { 0 };
  gboolean version = FALSE;
  g_auto(GStrv) rest = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) args = NULL;
  int n_commands;
  int status;
  GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_FILENAME, &o.check_file, N_("Evaluate the golden rules of FILE"), N_("FILE") },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &o.report_out, N_("Write the review report of FILE to OUT.pdf"), N_("OUT.pdf") },
    { "normalize", 0, 0, G_OPTION_ARG_FILENAME, &o.normalize_file, N_("Write FILE back in canonical form"), N_("FILE") },
    { "agenda", 0, 0, G_OPTION_ARG_FILENAME, &o.agenda_file, N_("List what is due across the portfolio FILE"), N_("FILE") },
    { "days", 0, 0, G_OPTION_ARG_STRING, &o.days, N_("With --agenda: how many days ahead (default: 30)"), N_("N") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, N_("With --normalize: write to OUT instead of FILE"), N_("OUT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date, N_("The date to evaluate at (default: today)"), N_("YYYY-MM-DD") },
    { "plan", 0, 0, G_OPTION_ARG_STRING, &o.plan, N_("Only the plan with this id"), N_("ID") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &o.lang, N_("Language of the output: en or fr"), N_("LANG") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o.json, N_("With --check: print JSON"), NULL },
    { "fail-on", 0, 0, G_OPTION_ARG_STRING, &o.fail_on, N_("With --check: exit with 3 when a rule is at least this bad (red or amber)"), N_("STATUS") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &o.paper, N_("With --report: paper size, a4 or letter"), N_("SIZE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, N_("[FILE…]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Pacte: partnership plans checked against the sixteen golden rules."));
  description = help_description ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      pacte_cli_error ("%s", error->message);
      options_clear (&o);
      return PACTE_CLI_EXIT_USAGE;
    }

  if (version)
    {
      printf ("pacte %s\n", PACKAGE_VERSION);
      options_clear (&o);
      if (fflush (stdout) != 0 || ferror (stdout))
        return PACTE_CLI_EXIT_USAGE;
      return PACTE_CLI_EXIT_OK;
    }

  n_commands = (o.check_file != NULL) + (o.report_out != NULL) + (o.normalize_file != NULL)
               + (o.agenda_file != NULL);
  status = PACTE_CLI_EXIT_USAGE;
  if (n_commands != 1)
    {
      pacte_cli_error (_("give exactly one of --check, --report, --normalize or --agenda (see pacte --help)"));
      goto out;
    }

  if (o.report_out != NULL)
    {
      if (rest == NULL || rest[0] == NULL)
        {
          pacte_cli_error (_("--report needs the portfolio FILE after OUT.pdf"));
          goto out;
        }
      o.report_file = g_strdup (rest[0]);
      if (rest[1] != NULL)
        {
          pacte_cli_error (_("unexpected argument “%s”"), rest[1]);
          goto out;
        }
    }
  else if (rest != NULL && rest[0] != NULL)
    {
      pacte_cli_error (_("unexpected argument “%s”"), rest[0]);
      goto out;
    }

  if (o.output != NULL && o.normalize_file == NULL)
    {
      pacte_cli_error (_("-o goes with --normalize"));
      goto out;
    }
  if (o.fail_on != NULL && o.check_file == NULL)
    {
      pacte_cli_error (_("--json and --fail-on go with --check"));
      goto out;
    }
  if (o.json && o.check_file == NULL && o.agenda_file == NULL)
    {
      pacte_cli_error (_("--json goes with --check or --agenda"));
      goto out;
    }
  if (o.days != NULL && o.agenda_file == NULL)
    {
      pacte_cli_error (_("--days goes with --agenda"));
      goto out;
    }
  if (o.plan != NULL && o.agenda_file != NULL)
    {
      pacte_cli_error (_("--plan goes with --check or --report"));
      goto out;
    }
  if (o.paper != NULL && o.report_out == NULL)
    {
      pacte_cli_error (_("--paper goes with --report"));
      goto out;
    }
  if (o.lang != NULL && pacte_i18n_normalize_lang (o.lang) == NULL)
    {
      pacte_cli_error (_("unknown language “%s”: expected en or fr"), o.lang);
      goto out;
    }
  if (o.fail_on != NULL && !g_str_equal (o.fail_on, "red") && !g_str_equal (o.fail_on, "amber"))
    {
      pacte_cli_error (_("unknown --fail-on value “%s”: expected red or amber"), o.fail_on);
      goto out;
    }
  if (o.paper != NULL && g_ascii_strcasecmp (o.paper, "a4") != 0 && g_ascii_strcasecmp (o.paper, "letter") != 0)
    {
      pacte_cli_error (_("unknown paper size “%s”: expected a4 or letter"), o.paper);
      goto out;
    }
  if (o.date != NULL)
    {
      o.today = pacte_date_parse (o.date);
      if (o.today == 0)
        {
          pacte_cli_error (_("invalid date “%s”: expected a real date as YYYY-MM-DD"), o.date);
          goto out;
        }
    }
  else
    o.today = today_julian ();

  if (o.check_file != NULL)
    status = pacte_cli_check (&o);
  else if (o.report_out != NULL)
    status = pacte_cli_report (&o);
  else if (o.agenda_file != NULL)
    status = pacte_cli_agenda (&o);
  else
    status = pacte_cli_normalize (&o);

out:
  options_clear (&o);
  return status;
}
