/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-test-utils.h: what several test programs need, without a display:
 * fixtures, the sample portfolio, temporary folders, running the built
 * program (PACTE_BIN). */
#pragma once

#include "pacte-portfolio.h"
#include "pacte-rules.h"

G_BEGIN_DECLS

/* tests/fixtures/NAME. */
char           *pacte_test_fixture_path (const char          *name);
/* The whole content of a file (the test fails if it cannot be read). */
GBytes         *pacte_test_read_file    (const char          *path);
GBytes         *pacte_test_read_fixture (const char          *name);

/* data/samples/sample.pacte.json in the source tree (PACTE_SOURCE_ROOT). */
char           *pacte_test_sample_path  (void);
/* Writes dir/name, a portfolio of n_plans plans and n_partners partners
 * made by tests/bench/gen-portfolio.py from seed; returns its path. */
char           *pacte_test_generate     (const char          *dir,
                                         const char          *name,
                                         guint                n_plans,
                                         guint                n_partners,
                                         const char          *seed);
/* The message of a load of bytes that fails (named display), read by one
 * thread, then by two runs times (which thread meets which item changes from
 * run to run): the same each time, or the test fails; an error of code, or
 * of any code when code is negative.  Returns it. */
char           *pacte_test_load_message_both_ways (GBytes     *bytes,
                                                   const char *display,
                                                   int         code,
                                                   guint       runs);
/* The portfolio in path, loaded with rules (NULL: no rule-id checks); the
 * test fails if it does not load. */
PactePortfolio *pacte_test_load_path    (const char          *path,
                                         PacteRuleSet        *rules);
PactePortfolio *pacte_test_load_sample  (PacteRuleSet        *rules);
/* Appends n partners (ids "p-test-N", a name, a segment) in one undo step:
 * a portfolio too large to be written in one slice of the main loop. */
void            pacte_test_add_partners (PactePortfolio      *portfolio,
                                         guint                n);

/* Removes path and everything under it, read-only folders included. */
void            pacte_test_remove_tree  (const char          *path);

/* Runs the built program (PACTE_BIN) with args (NULL-terminated, without
 * the program itself); its standard output and error in *out and *err when
 * asked.  Returns its exit status; the test fails if it did not exit. */
int             pacte_test_run_pacte    (const char * const  *args,
                                         char               **out,
                                         char               **err);

/* One run of the program: its output, errors and exit status. */
typedef struct
{
  char *out;
  char *err;
  int   status;
} PacteTestRun;

void            pacte_test_run_clear    (PacteTestRun        *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PacteTestRun, pacte_test_run_clear)
/* pacte_test_run_pacte() with its arguments listed, NULL-terminated; what a
 * previous run left in run is freed first. */
void            pacte_test_run          (PacteTestRun        *run,
                                         const char          *first,
                                         ...) G_GNUC_NULL_TERMINATED;

/* Runs git with the arguments (NULL-terminated) in dir, with HOME=dir and
 * a test identity; output (may be NULL): what it printed (standard output,
 * then standard error).  Returns its exit status. */
int             pacte_test_git          (const char          *dir,
                                         char               **output,
                                         ...) G_GNUC_NULL_TERMINATED;

/* Runs the main loop until check (data) is TRUE or timeout_ms have passed
 * (what the UI does in a later frame or idle arrives in its own time on a
 * loaded machine); returns the last result of check. */
gboolean        pacte_test_wait_for     (gboolean          (*check) (gpointer data),
                                         gpointer             data,
                                         guint                timeout_ms);

/* A new temporary folder "pacte-NAME-XXXXXX" (remove it with
 * pacte_test_remove_tree()). */
char           *pacte_test_make_tmp_dir (const char          *name);
/* text without any white space, no-break spaces included (a PDF's text
 * wraps in its own places). */
char           *pacte_test_strip_spaces (const char          *text);
/* The text of a PDF in drawing order (pdftotext -raw: a table cell's
 * wrapped lines stay together). */
char           *pacte_test_pdf_text     (const char          *pdf);

G_END_DECLS
