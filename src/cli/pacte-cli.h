/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-cli.h: the headless command line (pacte --check, --report,
 * --normalize, --version, --help).  No GTK: it works without a display. */
#pragma once

#include "pacte-file-read.h"
#include "pacte-portfolio.h"
#include "pacte-rules.h"

G_BEGIN_DECLS

typedef enum {
  PACTE_CLI_EXIT_OK         = 0,
  PACTE_CLI_EXIT_USAGE      = 1, /* wrong command line */
  PACTE_CLI_EXIT_BAD_FILE   = 2, /* the file cannot be used */
  PACTE_CLI_EXIT_FAIL_ON    = 3, /* --fail-on: a rule is at least that bad */
  PACTE_CLI_EXIT_CONFLICTS  = 1, /* --merge: merged, with conflicts (git's convention) */
  PACTE_CLI_EXIT_UNRESOLVED = 4, /* --check: the file holds unresolved merge conflicts */
} PacteCliExit;

/* What the parser found (pacte-cli.c).  A mode's arguments are stored
 * twice: in args (in order) and, for the modes that name them, in the
 * fields below (check_file, report_out…).  A new mode reads args, or adds a
 * field and names it in its row of the mode table. */
typedef struct {
  const char *mode;         /* the mode's name, e.g. "check" (never NULL when a command runs) */
  const char *program;      /* argv[0] */
  char    **args;           /* the positional arguments, in order (NULL-terminated, maybe empty) */
  char     *mode_value;     /* the mode's own value (--report OUT.pdf), or NULL */
  char     *check_file;     /* --check FILE */
  char     *normalize_file; /* --normalize FILE */
  char     *report_out;     /* --report OUT.pdf */
  char     *report_file;    /* the FILE after --report OUT.pdf */
  char     *output;         /* -o OUT (normalize) */
  char     *date;           /* --date YYYY-MM-DD, as given */
  guint32   today;          /* --date parsed, or today's date */
  char     *plan;           /* --plan ID */
  char     *lang;           /* --lang, as given ("en"/"fr"), or NULL */
  gboolean  json;           /* --json */
  char     *fail_on;        /* --fail-on red|amber */
  char     *paper;          /* --paper a4|letter (report) */
  char     *junit;          /* --junit OUT.xml (check) */
  char     *agenda_file;    /* --agenda FILE */
  char     *days;           /* --days N (agenda), as given */
  char     *ics_out;        /* --ics OUT.ics */
  char     *ics_file;       /* the FILE after --ics OUT.ics */
  char     *map;            /* --map COLUMN=field,… (import-partners) */
  gboolean  dry_run;        /* --dry-run (import-partners) */
  char     *export_csv;     /* --export-csv partners|plans|actions */
  gboolean  excel_fr;       /* --excel-fr (export-csv) */
} PacteCliOptions;

/* TRUE when argv asks for a command-line command rather than the window. */
gboolean        pacte_cli_wants       (int     argc,
                                       char  **argv);
/* Parses argv and runs the command; returns the exit status. */
int             pacte_cli_run         (int     argc,
                                       char  **argv);

/* Shared by the commands. */
/* Loads FILE with the default rule set; on failure prints
 * "pacte: MESSAGE" on standard error and returns NULL. */
PactePortfolio *pacte_cli_load        (const char      *path);
/* The report/check language: --lang, else meta.language, else the locale;
 * NULL after printing why when that language's catalogue cannot be read. */
const char     *pacte_cli_language    (PacteCliOptions *options,
                                       PactePortfolio  *portfolio);
/* Prints "pacte: MESSAGE" on standard error (printf-like). */
void            pacte_cli_error       (const char      *format,
                                       ...) G_GNUC_PRINTF (1, 2);

/* A printf format in lang, checked by the compiler against the msgid. */
const char     *pacte_cli_format_lang (const char      *lang,
                                       const char      *msgid) G_GNUC_FORMAT (2);

/* FALSE (after printing why) when output cannot be written by a command:
 * not a regular file, or (refuse_input) the same file as input, also through
 * links.  pacte-cli-output.c */
gboolean        pacte_cli_check_output (const char     *output,
                                        const char     *input,
                                        gboolean        refuse_input);
/* The plan of portfolio with this id, or NULL after printing that FILE has
 * no such plan (and which it has).  pacte-cli-output.c */
PactePlan      *pacte_cli_find_plan    (PactePortfolio *portfolio,
                                        const char     *id,
                                        const char     *file);
/* text with its control characters (C0 including line breaks and tabs, DEL,
 * C1) and bytes that are not UTF-8 written as visible escapes (\n, \x1B,
 * \u009B), for every text printed to a terminal (pacte-cli-text.c). */
char           *pacte_cli_escape      (const char      *text);
/* UTF-8 JSON text (from JsonGenerator, which escapes C0) with DEL and C1
 * written as \u escapes too. */
char           *pacte_cli_escape_json (const char      *json);

/* The commands, one file each. */
int             pacte_cli_check       (PacteCliOptions *options);  /* pacte-cli-check.c */
int             pacte_cli_report      (PacteCliOptions *options);  /* pacte-cli-report.c */
int             pacte_cli_normalize   (PacteCliOptions *options);  /* pacte-cli-normalize.c */
int             pacte_cli_merge       (PacteCliOptions *options);  /* pacte-cli-merge.c */
/* --check --junit (pacte-cli-junit.c). */
typedef struct _PacteCliJunit PacteCliJunit;
PacteCliJunit  *pacte_cli_junit_new      (const char             *lang,
                                          PacteStatus             threshold);
void            pacte_cli_junit_add_plan (PacteCliJunit          *junit,
                                          PacteRuleSet           *rules,
                                          PactePlan              *plan,
                                          int                     score,
                                          const PacteRuleOutcome *outcomes);
gboolean        pacte_cli_junit_write    (PacteCliJunit          *junit,
                                          PactePortfolio         *portfolio,
                                          const char             *path,
                                          GError                **error);
void            pacte_cli_junit_free     (PacteCliJunit          *junit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PacteCliJunit, pacte_cli_junit_free)

int             pacte_cli_diff        (PacteCliOptions *options);  /* pacte-cli-diff.c */
int             pacte_cli_git_setup   (PacteCliOptions *options);  /* pacte-cli-git.c */
/* --check: prints the merge conflicts left in the file (text, in lang), or
 * adds them as the member "merge_conflicts" to json; returns how many. */
guint           pacte_cli_print_conflicts (PactePortfolio *portfolio,
                                           const char     *lang,
                                           JsonBuilder    *json);
int             pacte_cli_agenda      (PacteCliOptions *options);  /* pacte-cli-agenda.c */
int             pacte_cli_ics         (PacteCliOptions *options);  /* pacte-cli-ics.c */
/* --import-partners, --export-csv (pacte-cli-csv.c). */
int             pacte_cli_import_partners (PacteCliOptions *options);
int             pacte_cli_export_csv  (PacteCliOptions *options);
/* --days: NULL gives 30; else a whole number 0..3660, or the message on
 * standard error and FALSE. */
gboolean        pacte_cli_parse_days  (const char      *text,
                                       guint           *days);

G_END_DECLS
