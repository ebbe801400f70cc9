/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-cli.c: parses the command line and runs one command. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pacte-cli.h"
#include "pacte-i18n.h"
#include "pacte-language.h"

/* The command line is two tables: the modes (--check, --report…) and the
 * options.  Each mode is a flag (a few take their own value, as --report
 * OUT.pdf), its files are positional arguments, and its options may come
 * in any order, before or after the files.  To add a mode: a row in
 * cli_modes (its options by name, how many files, its run function, declared
 * in pacte-cli.h) and a row in cli_options for each option it brings.  The
 * parser, --help, the messages about misplaced options and
 * pacte_cli_wants() all follow from these two tables. */

#define OFF(field) G_STRUCT_OFFSET (PacteCliOptions, field)

/* Checks an option's value; prints the message and returns FALSE if wrong. */
typedef gboolean (*CliCheck) (PacteCliOptions *o,
                              const char      *value);

typedef struct {
  const char *name;         /* long name, without "--" */
  char        short_name;   /* e.g. 'o' for -o, or 0 */
  const char *value_name;   /* shown in --help (translated); NULL for a flag */
  glong       offset;       /* a char * for a value, a gboolean for a flag */
  CliCheck    check;        /* or NULL */
  const char *help;
} CliOption;

typedef struct {
  const char *name;         /* "check" is the flag --check */
  const char *value_name;   /* when the flag takes a value (--report OUT.pdf), else NULL */
  glong       value_offset; /* where that value goes (char *) */
  const char *args_name;    /* the positional arguments, as --help shows them */
  guint       min_args;
  guint       max_args;
  glong       arg_offsets[3]; /* where args[0], [1], [2] also go (char *); 0: nowhere */
  const char *options;      /* the options it takes, by name, space-separated;
                             * "output!": one it cannot run without */
  const char *help;
  int       (*run) (PacteCliOptions *options);
} CliMode;

static gboolean check_date    (PacteCliOptions *o, const char *value);
static gboolean check_lang    (PacteCliOptions *o, const char *value);
static gboolean check_fail_on (PacteCliOptions *o G_GNUC_UNUSED, const char *value);
static gboolean check_paper   (PacteCliOptions *o, const char *value);
static gboolean check_days    (PacteCliOptions *o, const char *value);

static const CliMode cli_modes[] = {
  { "check", NULL, 0, N_("FILE"), 1, 1, { OFF (check_file) },
    "date plan lang json fail-on junit",
    N_("Evaluate the golden rules for every plan (or one) and print a table or JSON"),
    pacte_cli_check },
  { "report", N_("OUT.pdf"), OFF (report_out), N_("FILE"), 1, 1, { OFF (report_file) },
    "plan lang date paper",
    N_("Write the review report of FILE as PDF"),
    pacte_cli_report },
  { "normalize", NULL, 0, N_("FILE"), 1, 1, { OFF (normalize_file) },
    "output",
    N_("Write FILE back in canonical form, in place or to OUT"),
    pacte_cli_normalize },
  { "merge", NULL, 0, N_("BASE OURS THEIRS"), 3, 3, { 0 },
    "output",
    N_("Merge two versions of a portfolio with their common ancestor, record by record (git’s merge driver); the result replaces OURS, or goes to OUT"),
    pacte_cli_merge },
  { "diff", NULL, 0, N_("OLD NEW"), 2, 7, { 0 },
    "lang json date",
    N_("Say what changed between two versions of a portfolio, record by record, and which lights changed (git’s diff driver)"),
    pacte_cli_diff },
  { "git-setup", NULL, 0, N_("DIR"), 0, 1, { 0 },
    "",
    N_("Make git merge and diff the portfolios of the repository in DIR (default: here) with Pacte"),
    pacte_cli_git_setup },
  { "agenda", NULL, 0, N_("FILE"), 1, 1, { OFF (agenda_file) },
    "date days lang json",
    N_("List what is overdue or due in the next days across the portfolio FILE"),
    pacte_cli_agenda },
  { "ics", N_("OUT.ics"), OFF (ics_out), N_("FILE"), 1, 1, { OFF (ics_file) },
    "plan lang",
    N_("Write the meetings, events, due dates and review dates of FILE as an iCalendar file that calendar programs import"),
    pacte_cli_ics },
  { "import-partners", NULL, 0, N_("CSV FILE"), 2, 2, { 0 },
    "map dry-run output lang",
    N_("Add and update the partners of the portfolio FILE from a CRM’s CSV export (columns guessed from their headers, or given with --map)"),
    pacte_cli_import_partners },
  { "export-csv", N_("partners|plans|actions"), OFF (export_csv), N_("FILE"), 1, 1, { 0 },
    "output! excel-fr lang date",
    N_("Write the partners, the plans (score and the sixteen lights) or the actions of FILE as CSV to OUT"),
    pacte_cli_export_csv },
};

static const CliOption cli_options[] = {
  { "date", 0, N_("YYYY-MM-DD"), OFF (date), check_date, N_("The date to evaluate at (default: today)") },
  { "plan", 0, N_("ID"), OFF (plan), NULL, N_("Only the plan with this id") },
  { "lang", 0, "en|fr", OFF (lang), check_lang, N_("Language of the output (default: the portfolio’s, else yours)") },
  { "json", 0, NULL, OFF (json), NULL, N_("Print JSON instead of a table") },
  { "fail-on", 0, "red|amber", OFF (fail_on), check_fail_on, N_("Exit with 3 when a rule is at least this bad") },
  { "junit", 0, N_("OUT.xml"), OFF (junit), NULL, N_("Also write the results as a JUnit XML report, for CI") },
  { "paper", 0, "a4|letter", OFF (paper), check_paper, N_("Paper size (default: a4)") },
  { "output", 'o', N_("OUT"), OFF (output), NULL, N_("The file to write (--normalize, --merge and --import-partners write over their file without it)") },
  { "days", 0, N_("N"), OFF (days), check_days, N_("How many days ahead (default: 30)") },
  { "map", 0, N_("COLUMN=field,…"), OFF (map), NULL, N_("Which partner field each CSV column fills (a column by its header or number; field “ignore” leaves it out)") },
  { "dry-run", 0, NULL, OFF (dry_run), NULL, N_("Show what the import would change, and write nothing") },
  { "excel-fr", 0, NULL, OFF (excel_fr), NULL, N_("Excel’s French defaults: “;” between cells, a UTF-8 byte-order mark, decimal commas") },
};

#undef OFF

void
pacte_cli_error (const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Messages quote file names and file content: never terminal control. */
  shown = pacte_cli_escape (message);
  fprintf (stderr, "pacte: %s\n", shown);
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
pacte_cli_format_lang (const char *lang,
                       const char *msgid)
{
  return pacte_gettext_lang (lang, msgid);
}

const char *
pacte_cli_language (PacteCliOptions *options,
                    PactePortfolio  *portfolio)
{
  const char *lang = NULL;
  g_autoptr(GError) error = NULL;

  if (options->lang != NULL)
    lang = pacte_i18n_normalize_lang (options->lang);
  if (lang == NULL && portfolio != NULL)
    lang = pacte_i18n_normalize_lang (pacte_record_get_string (PACTE_RECORD (portfolio),
                                                               PACTE_PORTFOLIO_META_LANGUAGE));
  if (lang == NULL)
    lang = pacte_i18n_user_language ();
  /* Half a French report in English is worse than none: say what is
   * missing instead. */
  if (!pacte_language_ensure (pacte_language_get (lang), &error))
    {
      pacte_cli_error ("%s", error->message);
      return NULL;
    }
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

/* ---- The checks of option values ---- */

static gboolean
check_date (PacteCliOptions *o,
            const char      *value)
{
  o->today = pacte_date_parse (value);
  if (o->today == 0)
    {
      pacte_cli_error (_("invalid date “%s”: expected a real date as YYYY-MM-DD"), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_lang (PacteCliOptions *o G_GNUC_UNUSED,
            const char      *value)
{
  if (pacte_i18n_normalize_lang (value) == NULL)
    {
      pacte_cli_error (_("unknown language “%s”: expected en or fr"), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_fail_on (PacteCliOptions *o G_GNUC_UNUSED,
               const char      *value)
{
  if (!g_str_equal (value, "red") && !g_str_equal (value, "amber"))
    {
      pacte_cli_error (_("unknown --fail-on value “%s”: expected red or amber"), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_paper (PacteCliOptions *o G_GNUC_UNUSED,
             const char      *value)
{
  if (g_ascii_strcasecmp (value, "a4") != 0 && g_ascii_strcasecmp (value, "letter") != 0)
    {
      pacte_cli_error (_("unknown paper size “%s”: expected a4 or letter"), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_days (PacteCliOptions *o G_GNUC_UNUSED,
            const char      *value)
{
  guint days;

  return pacte_cli_parse_days (value, &days);
}

/* ---- Looking names up in the tables ---- */

static const CliMode *
find_mode (const char *name,
           gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (cli_modes); i++)
    if (strlen (cli_modes[i].name) == len && strncmp (cli_modes[i].name, name, len) == 0)
      return &cli_modes[i];
  return NULL;
}

static const CliOption *
find_option (const char *name,
             gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (cli_options); i++)
    if (strlen (cli_options[i].name) == len && strncmp (cli_options[i].name, name, len) == 0)
      return &cli_options[i];
  return NULL;
}

static const CliOption *
find_short_option (char c)
{
  for (guint i = 0; i < G_N_ELEMENTS (cli_options); i++)
    if (cli_options[i].short_name != 0 && cli_options[i].short_name == c)
      return &cli_options[i];
  return NULL;
}

/* The mode's option of that name: NULL when it does not take it, else
 * "output" or "output!" (required), as in its row. */
static const char *
mode_option (const CliMode   *mode,
             const CliOption *option)
{
  gsize len = strlen (option->name);

  for (const char *p = mode->options; *p != '\0'; )
    {
      const char *end = p + strcspn (p, " ");

      if ((gsize) (end - p) >= len && strncmp (p, option->name, len) == 0
          && (end - p == (gssize) len || (end - p == (gssize) len + 1 && p[len] == '!')))
        return p;
      p = *end == ' ' ? end + 1 : end;
    }
  return NULL;
}

static gboolean
mode_takes (const CliMode   *mode,
            const CliOption *option)
{
  return mode_option (mode, option) != NULL;
}

/* Whether the mode cannot run without the option (--export-csv's -o). */
static gboolean
mode_requires (const CliMode   *mode,
               const CliOption *option)
{
  const char *name = mode_option (mode, option);

  return name != NULL && name[strlen (option->name)] == '!';
}

/* The built-in flags that are neither modes nor options. */
static const char * const cli_builtins[] = { "help", "help-all", "version", NULL };

/* Edit distance, to suggest --check for --chek. */
static guint
distance (const char *a,
          const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diag = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + cost);
          diag = up;
        }
    }
  return row[lb];
}

/* The nearest known long name ("check"), or NULL when none is close. */
static const char *
nearest_name (const char *name)
{
  const char *best = NULL;
  guint best_distance = 3;

  for (guint i = 0; i < G_N_ELEMENTS (cli_modes) + G_N_ELEMENTS (cli_options) + 3; i++)
    {
      const char *candidate;
      guint d;

      if (i < G_N_ELEMENTS (cli_modes))
        candidate = cli_modes[i].name;
      else if (i < G_N_ELEMENTS (cli_modes) + G_N_ELEMENTS (cli_options))
        candidate = cli_options[i - G_N_ELEMENTS (cli_modes)].name;
      else
        candidate = cli_builtins[i - G_N_ELEMENTS (cli_modes) - G_N_ELEMENTS (cli_options)];
      d = distance (name, candidate);
      /* Short names are all close to each other: ask for more than half. */
      if (d < best_distance && d * 2 < strlen (candidate))
        {
          best = candidate;
          best_distance = d;
        }
    }
  return best;
}

/* A known option or mode, as in "--json", "--date=…" or "-o". */
static gboolean
is_known_flag (const char *arg)
{
  if (arg[0] != '-' || arg[1] == '\0')
    return FALSE;
  if (arg[1] != '-')
    return arg[2] == '\0' && (find_short_option (arg[1]) != NULL || arg[1] == 'h' || arg[1] == '?');
  {
    const char *name = arg + 2;
    gsize len = strcspn (name, "=");
    g_autofree char *plain = g_strndup (name, len);

    return find_mode (name, len) != NULL || find_option (name, len) != NULL
           || g_strv_contains (cli_builtins, plain);
  }
}

gboolean
pacte_cli_wants (int    argc,
                 char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      if (is_known_flag (argv[i]))
        return TRUE;
      /* Any other option but GApplication's own gets the command line's
       * message ("did you mean --check?") rather than the window's. */
      if (argv[i][0] == '-' && argv[i][1] != '\0'
          && !g_str_has_prefix (argv[i], "--gapplication-")
          && !g_str_has_prefix (argv[i], "--help-gapplication"))
        return TRUE;
    }
  return FALSE;
}

/* ---- Help ---- */

static char *
option_usage (const CliOption *option)
{
  const char *value = option->value_name != NULL ? _(option->value_name) : NULL;

  if (option->short_name != 0)
    return value != NULL ? g_strdup_printf ("-%c %s", option->short_name, value)
                         : g_strdup_printf ("-%c", option->short_name);
  return value != NULL ? g_strdup_printf ("--%s %s", option->name, value)
                       : g_strdup_printf ("--%s", option->name);
}

/* "pacte --report OUT.pdf FILE [--plan ID] …": the options the mode
 * requires without brackets, right after its arguments. */
static char *
mode_usage (const CliMode *mode)
{
  GString *usage = g_string_new ("pacte --");
  g_auto(GStrv) names = g_strsplit (mode->options, " ", -1);

  g_string_append (usage, mode->name);
  if (mode->value_name != NULL)
    g_string_append_printf (usage, " %s", _(mode->value_name));
  if (mode->args_name != NULL)
    g_string_append_printf (usage, mode->min_args == 0 ? " [%s]" : " %s", _(mode->args_name));
  for (int required = 1; required >= 0; required--)
    for (guint i = 0; names[i] != NULL; i++)
      {
        const CliOption *option = find_option (names[i], strcspn (names[i], "!"));
        g_autofree char *text = NULL;

        if (option == NULL || mode_requires (mode, option) != required)
          continue;
        text = option_usage (option);
        g_string_append_printf (usage, required ? " %s" : " [%s]", text);
      }
  return g_string_free (usage, FALSE);
}

/* "-o, --output OUT", for the list of options. */
static char *
option_help_name (const CliOption *option)
{
  const char *value = option->value_name != NULL ? _(option->value_name) : NULL;
  g_autofree char *short_part = option->short_name != 0 ? g_strdup_printf ("-%c, ", option->short_name)
                                                        : g_strdup ("");

  return value != NULL ? g_strdup_printf ("%s--%s %s", short_part, option->name, value)
                       : g_strdup_printf ("%s--%s", short_part, option->name);
}

static void
print_help (void)
{
  printf ("%s\n\n", _("Pacte: partnership plans checked against the sixteen golden rules."));
  printf ("%s\n", _("Usage:"));
  printf ("  pacte [%s]\n      %s\n", _("FILE…"), _("Open the window, with these portfolios"));
  for (guint i = 0; i < G_N_ELEMENTS (cli_modes); i++)
    {
      g_autofree char *usage = mode_usage (&cli_modes[i]);

      printf ("  %s\n      %s\n", usage, _(cli_modes[i].help));
    }
  printf ("  pacte --version\n      %s\n", _("Show the version"));
  printf ("  pacte --help\n      %s\n", _("Show this help"));
  printf ("\n%s\n", _("Options:"));
  for (guint i = 0; i < G_N_ELEMENTS (cli_options); i++)
    {
      g_autofree char *usage = option_help_name (&cli_options[i]);
      glong pad = MAX (1, 24 - (glong) g_utf8_strlen (usage, -1));

      printf ("  %s%*s%s\n", usage, (int) pad, "", _(cli_options[i].help));
    }
  printf ("\n%s\n", _("Options come in any order, before or after the files; each command takes only its own options."));
  printf ("%s\n", _("Exit status: 0 success, 1 wrong command line (--merge: merged with conflicts), 2 the file cannot be used, 3 --fail-on matched, 4 --check: the file holds merge conflicts."));
}

/* "--check, --report or --normalize", for messages. */
static char *
modes_list (const CliOption *only_with)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (cli_modes); i++)
    if (only_with == NULL || mode_takes (&cli_modes[i], only_with))
      g_ptr_array_add (names, g_strconcat ("--", cli_modes[i].name, NULL));
  if (names->len == 1)
    return g_strdup (g_ptr_array_index (names, 0));
  {
    GString *text = g_string_new (NULL);

    for (guint i = 0; i < names->len; i++)
      {
        if (i + 1 == names->len)
          /* Translators: between the last two of a list of commands: "--check, --report or --normalize". */
          g_string_append (text, _(" or "));
        else if (i > 0)
          g_string_append (text, ", ");
        g_string_append (text, g_ptr_array_index (names, i));
      }
    return g_string_free (text, FALSE);
  }
}

/* ---- Parsing ---- */

static char **
field (PacteCliOptions *o,
       glong            offset)
{
  return G_STRUCT_MEMBER_P (o, offset);
}

static void
options_clear (PacteCliOptions *o)
{
  for (guint i = 0; i < G_N_ELEMENTS (cli_options); i++)
    if (cli_options[i].value_name != NULL)
      g_clear_pointer (field (o, cli_options[i].offset), g_free);
  for (guint i = 0; i < G_N_ELEMENTS (cli_modes); i++)
    {
      if (cli_modes[i].value_name != NULL)
        g_clear_pointer (field (o, cli_modes[i].value_offset), g_free);
      for (guint j = 0; j < G_N_ELEMENTS (cli_modes[i].arg_offsets); j++)
        if (cli_modes[i].arg_offsets[j] != 0)
          g_clear_pointer (field (o, cli_modes[i].arg_offsets[j]), g_free);
    }
  g_clear_pointer (&o->args, g_strfreev);
}

typedef struct {
  PacteCliOptions  o;
  const CliMode   *mode;
  const char      *mode_spelling;   /* as typed, for messages */
  const char      *option_spellings[G_N_ELEMENTS (cli_options)];
  GPtrArray       *args;
  gboolean         help;
  gboolean         version;
} Parse;

/* The value of OPTION_TEXT (e.g. "--date"): after '=' or the next argument.
 * A value that is itself a known option is a misplaced argument. */
static const char *
take_value (char      **argv,
            int         argc,
            int        *i,
            const char *inline_value,
            const char *option_text,
            const char *value_name)
{
  if (inline_value != NULL)
    return inline_value;
  if (*i + 1 >= argc)
    {
      pacte_cli_error (_("%s needs %s after it"), option_text, _(value_name));
      return NULL;
    }
  if (is_known_flag (argv[*i + 1]) || g_str_equal (argv[*i + 1], "--"))
    {
      pacte_cli_error (_("%s needs %s after it, but the option “%s” came next"),
                       option_text, _(value_name), argv[*i + 1]);
      return NULL;
    }
  *i += 1;
  return argv[*i];
}

static gboolean
set_option (Parse           *p,
            const CliOption *option,
            const char      *spelling,
            const char      *inline_value,
            char           **argv,
            int              argc,
            int             *i)
{
  guint index = option - cli_options;

  if (p->option_spellings[index] != NULL)
    {
      pacte_cli_error (_("%s is given twice"), spelling);
      return FALSE;
    }
  p->option_spellings[index] = spelling;
  if (option->value_name == NULL)
    {
      if (inline_value != NULL)
        {
          pacte_cli_error (_("%s takes no value (in “%s”)"), spelling, argv[*i]);
          return FALSE;
        }
      *(gboolean *) G_STRUCT_MEMBER_P (&p->o, option->offset) = TRUE;
      return TRUE;
    }
  {
    const char *value = take_value (argv, argc, i, inline_value, spelling, option->value_name);

    if (value == NULL)
      return FALSE;
    *field (&p->o, option->offset) = g_strdup (value);
  }
  return TRUE;
}

static gboolean
set_mode (Parse         *p,
          const CliMode *mode,
          const char    *spelling,
          const char    *inline_value,
          char         **argv,
          int            argc,
          int           *i)
{
  if (p->mode == mode)
    {
      pacte_cli_error (_("%s is given twice"), spelling);
      return FALSE;
    }
  if (p->mode != NULL)
    {
      pacte_cli_error (_("%s and %s cannot go together: give one command (see pacte --help)"),
                       p->mode_spelling, spelling);
      return FALSE;
    }
  p->mode = mode;
  p->mode_spelling = spelling;
  if (mode->value_name != NULL)
    {
      const char *value = take_value (argv, argc, i, inline_value, spelling, mode->value_name);

      if (value == NULL)
        return FALSE;
      *field (&p->o, mode->value_offset) = g_strdup (value);
    }
  else if (inline_value != NULL)
    /* --check=FILE, as the old parser accepted. */
    g_ptr_array_add (p->args, g_strdup (inline_value));
  return TRUE;
}

static gboolean
parse_unknown (const char *arg,
               const char *name)
{
  const char *nearest = nearest_name (name);

  if (nearest != NULL)
    pacte_cli_error (_("unknown option “%s”: did you mean “--%s”? (see pacte --help)"), arg, nearest);
  else
    pacte_cli_error (_("unknown option “%s” (see pacte --help)"), arg);
  return FALSE;
}

static gboolean
parse_args (Parse  *p,
            int     argc,
            char  **argv)
{
  gboolean only_files = FALSE;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (only_files || arg[0] != '-' || arg[1] == '\0')
        g_ptr_array_add (p->args, g_strdup (arg));
      else if (g_str_equal (arg, "--"))
        only_files = TRUE;
      else if (arg[1] == '-')
        {
          const char *name = arg + 2;
          gsize len = strcspn (name, "=");
          const char *inline_value = name[len] == '=' ? name + len + 1 : NULL;
          g_autofree char *plain = g_strndup (name, len);
          const CliMode *mode = find_mode (name, len);
          const CliOption *option = find_option (name, len);
          g_autofree char *dashed = g_strconcat ("--", plain, NULL);
          const char *spelling = g_intern_string (dashed);

          if (mode != NULL)
            {
              if (!set_mode (p, mode, spelling, inline_value, argv, argc, &i))
                return FALSE;
            }
          else if (option != NULL)
            {
              if (!set_option (p, option, spelling, inline_value, argv, argc, &i))
                return FALSE;
            }
          else if (g_str_equal (plain, "help") || g_str_equal (plain, "help-all"))
            p->help = TRUE;
          else if (g_str_equal (plain, "version"))
            p->version = TRUE;
          else
            return parse_unknown (arg, plain);
        }
      else
        {
          const CliOption *option = find_short_option (arg[1]);
          char spelling[3] = { '-', arg[1], '\0' };

          if (arg[1] == 'h' || arg[1] == '?')
            {
              if (arg[2] != '\0')
                return parse_unknown (arg, arg + 1);
              p->help = TRUE;
            }
          else if (option == NULL)
            return parse_unknown (arg, arg + 1);
          else if (!set_option (p, option, g_intern_string (spelling),
                                arg[2] != '\0' ? arg + 2 : NULL, argv, argc, &i))
            return FALSE;
        }
    }
  return TRUE;
}

/* After parsing: one mode, its options, its number of files. */
static gboolean
validate (Parse *p)
{
  const CliMode *mode = p->mode;

  if (mode == NULL)
    {
      g_autofree char *all = modes_list (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (cli_options); i++)
        if (p->option_spellings[i] != NULL)
          {
            g_autofree char *with = modes_list (&cli_options[i]);

            pacte_cli_error (_("%s goes with %s (see pacte --help)"), p->option_spellings[i], with);
            return FALSE;
          }
      pacte_cli_error (_("give one of %s (see pacte --help)"), all);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cli_options); i++)
    if (p->option_spellings[i] != NULL && !mode_takes (mode, &cli_options[i]))
      {
        g_autofree char *with = modes_list (&cli_options[i]);

        pacte_cli_error (_("%s does not go with %s: it goes with %s"),
                         p->option_spellings[i], p->mode_spelling, with);
        return FALSE;
      }

  if (p->args->len < mode->min_args)
    {
      g_autofree char *usage = mode_usage (mode);

      pacte_cli_error (_("%s needs %s (usage: %s)"), p->mode_spelling, _(mode->args_name), usage);
      return FALSE;
    }
  if (p->args->len > mode->max_args)
    {
      g_autofree char *usage = mode_usage (mode);

      pacte_cli_error (_("unexpected argument “%s” (usage: %s)"),
                       (const char *) g_ptr_array_index (p->args, mode->max_args), usage);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cli_options); i++)
    if (p->option_spellings[i] == NULL && mode_requires (mode, &cli_options[i]))
      {
        g_autofree char *usage = mode_usage (mode);
        g_autofree char *option = option_usage (&cli_options[i]);

        pacte_cli_error (_("%s needs %s (usage: %s)"), p->mode_spelling, option, usage);
        return FALSE;
      }

  for (guint i = 0; i < G_N_ELEMENTS (cli_options); i++)
    if (p->option_spellings[i] != NULL && cli_options[i].check != NULL
        && !cli_options[i].check (&p->o, *field (&p->o, cli_options[i].offset)))
      return FALSE;
  return TRUE;
}

int
pacte_cli_run (int    argc,
               char **argv)
{
  Parse p = { { 0 } };
  int status = PACTE_CLI_EXIT_USAGE;

  p.args = g_ptr_array_new_with_free_func (g_free);
  if (!parse_args (&p, argc, argv))
    goto out;

  if (p.help)
    {
      print_help ();
      status = PACTE_CLI_EXIT_OK;
      goto flush;
    }
  if (p.version)
    {
      printf ("pacte %s\n", PACKAGE_VERSION);
      status = PACTE_CLI_EXIT_OK;
      goto flush;
    }
  if (!validate (&p))
    goto out;

  p.o.mode = p.mode->name;
  p.o.program = argv[0];
  for (guint i = 0; i < p.args->len && i < G_N_ELEMENTS (p.mode->arg_offsets); i++)
    if (p.mode->arg_offsets[i] != 0)
      *field (&p.o, p.mode->arg_offsets[i]) = g_strdup (g_ptr_array_index (p.args, i));
  if (p.mode->value_name != NULL)
    p.o.mode_value = *field (&p.o, p.mode->value_offset);
  g_ptr_array_add (p.args, NULL);
  p.o.args = (char **) g_ptr_array_free (g_steal_pointer (&p.args), FALSE);
  if (p.o.date == NULL)
    p.o.today = today_julian ();

  status = p.mode->run (&p.o);
  goto out;

flush:
  if (fflush (stdout) != 0 || ferror (stdout))
    status = PACTE_CLI_EXIT_USAGE;
out:
  options_clear (&p.o);
  if (p.args != NULL)
    g_ptr_array_unref (p.args);
  return status;
}
