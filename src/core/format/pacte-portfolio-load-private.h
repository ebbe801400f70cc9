/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-portfolio-load-private.h: the load's phases, timed
 * (tests/bench/bench-load-phases.c). */
#pragma once

#include "pacte-portfolio.h"

G_BEGIN_DECLS

/* CPU time of the loading thread in each phase, in seconds.  parse, build
 * and free are sums of one measure per piece, each with the
 * cost of reading the clock once. */
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
} PacteLoadPhases;

PactePortfolio *pacte_portfolio_load_file_timed (GFile            *file,
                                                 PacteRuleSet     *rules,
                                                 PacteLoadPhases  *phases,
                                                 GError          **error);

G_END_DECLS
