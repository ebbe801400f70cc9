/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-portfolio-load-private.h: the load's phases, timed
 * (tests/bench/bench-load-phases.c). */
#pragma once

#include "pacte-portfolio.h"

G_BEGIN_DECLS

/* Where the time of a load goes.  parse, build and free are sums of one
 * measure per piece (each with the cost of reading the clock once); parse
 * is CPU time of the loading thread, build and free of the builder thread
 * (pacte-load-pipeline.c), the other phases of the loading thread. */
typedef struct
{
  double read;      /* reading the file, with its check of impossible bytes */
  double check;     /* UTF-8, strict scan, outline and the copy without white
                       space, in one pass (pacte-json-scan.c) */
  double parse;     /* json-glib */
  double build;     /* records from the pieces' trees */
  double free;      /* dropping the pieces' trees */
  double text_free; /* dropping the text */
  guint  pieces;
  /* From the end of the read to the portfolio: */
  double wall;          /* wall-clock time */
  double cpu;           /* CPU time of every thread of the load */
  double other_threads; /* of that, the builder threads' */
  double parse_wall;    /* wall-clock time in json-glib's parse */
  gboolean parse_only;  /* set by pacte_portfolio_parse_file_timed () */
} PacteLoadPhases;

PactePortfolio *pacte_portfolio_load_file_timed  (GFile            *file,
                                                  PacteRuleSet     *rules,
                                                  PacteLoadPhases  *phases,
                                                  GError          **error);

/* The same file read, scanned and parsed piece by piece as a load would,
 * every tree dropped at once: json-glib's parse alone (parse, parse_wall),
 * the yardstick of what a load adds to it. */
gboolean        pacte_portfolio_parse_file_timed (GFile            *file,
                                                  PacteLoadPhases  *phases,
                                                  GError          **error);

G_END_DECLS
