/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-diff.h: what changed between two versions of a portfolio, in words,
 * by record and field, then the lights that changed with it (pacte --diff,
 * git's diff driver). */
#pragma once

#include "pacte-portfolio.h"
#include "pacte-rules.h"

G_BEGIN_DECLS

typedef struct _PacteDiff PacteDiff;

/* old_portfolio may be NULL (a new file: everything is added), and so may
 * new_portfolio (a deleted file).  The lights are evaluated at today with
 * rules; the words are in lang ("en"/"fr"). */
PacteDiff  *pacte_diff_new       (PactePortfolio *old_portfolio,
                                  PactePortfolio *new_portfolio,
                                  PacteRuleSet   *rules,
                                  guint32         today,
                                  const char     *lang);
void        pacte_diff_free      (PacteDiff      *diff);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PacteDiff, pacte_diff_free)

/* TRUE when nothing changed (formatting aside). */
gboolean    pacte_diff_is_empty  (PacteDiff      *diff);
/* Lines of text, each ending with "\n": a line per record that changed,
 * indented lines for its fields, then "Lights that changed" and one line
 * per rule whose light changed.  Text from the files is included as is:
 * escape it before it meets a terminal. */
char       *pacte_diff_to_text   (PacteDiff      *diff);
/* { "changes": [ { "record", "path", "change", "old", "new", "text" } ],
 *   "lights": [ { "plan", "rule", "old", "new" } ] } */
JsonNode   *pacte_diff_to_json   (PacteDiff      *diff);

G_END_DECLS
