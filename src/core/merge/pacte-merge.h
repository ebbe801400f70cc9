/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-merge.h: the semantic three-way merge of portfolios (pacte --merge,
 * git's merge driver), and the conflicts it records in the file.
 *
 * Records are matched by id at every level (partners, plans, objectives,
 * actions, and any list of objects that all have a distinct "id"); a value
 * changed on one side only is taken; a record added or removed on one side
 * only is added or removed; a list without ids, or any other value, changed
 * on both sides differently is a conflict.  Members the program does not
 * know are merged like the others.  A conflict keeps our value and is
 * recorded in the top-level member "merge_conflicts" (docs/format.md). */
#pragma once

#include "pacte-portfolio.h"

G_BEGIN_DECLS

#define PACTE_MERGE_CONFLICTS_MEMBER "merge_conflicts"

typedef struct {
  char     *path;    /* plans["plan-1"].objectives["obj-2"].target */
  JsonNode *base;    /* the value in the common ancestor; NULL when absent */
  JsonNode *ours;    /* the value kept in the file; NULL when absent (removed) */
  JsonNode *theirs;  /* the other side's value; NULL when absent (removed) */
} PacteMergeConflict;

void            pacte_merge_conflict_free     (PacteMergeConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PacteMergeConflict, pacte_merge_conflict_free)

/* Merges ours and theirs against base (NULL: no common ancestor, as for a
 * file both branches added), each loaded with rules (what their loads
 * checked is not checked again).  Returns the merged portfolio in canonical form
 * (it loads with rules, and holds our value and the recorded conflicts where
 * the sides disagree), and in *conflicts (if not NULL) the conflicts of this
 * merge, in file order.  NULL and an error when the merged portfolio could
 * not be made valid. */
GBytes         *pacte_merge_portfolios        (PactePortfolio  *base,
                                               PactePortfolio  *ours,
                                               PactePortfolio  *theirs,
                                               PacteRuleSet    *rules,
                                               GPtrArray      **conflicts,
                                               GError         **error);

/* The conflicts recorded in the portfolio's "merge_conflicts" member (a new
 * array of PacteMergeConflict, maybe empty). */
GPtrArray      *pacte_merge_get_conflicts     (PactePortfolio  *portfolio);

/* The loader's check of a "merge_conflicts" member (node may be NULL): an
 * array of objects, each with a non-empty string "path".  On failure sets
 * *path_out (the JSON path of the culprit, e.g. "merge_conflicts[1].path")
 * and returns a translated description of what was expected. */
char           *pacte_merge_check_member      (JsonNode        *node,
                                               char           **path_out);

/* A value as one line of text for messages: "12", "\"Joint deals\"",
 * "(none)" for NULL, "{…}" and "[…]" shortened past max_chars. */
char           *pacte_merge_value_text        (JsonNode        *node,
                                               guint            max_chars);

G_END_DECLS
