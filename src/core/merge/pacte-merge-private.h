/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-merge-private.h: the JSON-tree helpers the merge and the diff share.
 * Only for src/core/merge. */
#pragma once

#include "pacte-merge.h"
#include "pacte-rule-set.h"
#include "pacte-portfolio.h"

G_BEGIN_DECLS

/* The portfolio in canonical form as a JSON tree ("not filled in" is always
 * absent, so equal values are equal trees); NULL for NULL. */
JsonNode   *pacte_merge_tree             (PactePortfolio *portfolio);
/* Equal values, NULL (absent) only equal to NULL. */
gboolean    pacte_merge_same             (JsonNode       *a,
                                          JsonNode       *b);
/* The tree of a text the saver wrote (it is JSON). */
JsonNode   *pacte_merge_parse            (GBytes         *bytes);
/* path + ".member" / path + ["id"]; return the old length, to truncate back. */
gsize       pacte_merge_path_push_member (GString        *path,
                                          const char     *member);
gsize       pacte_merge_path_push_id     (GString        *path,
                                          const char     *id);
/* The string "id" of an object item, or NULL. */
const char *pacte_merge_item_id          (JsonNode       *item);
/* id -> item (borrowed) when every item has a distinct string id (an
 * absent array gives an empty table); NULL otherwise. */
GHashTable *pacte_merge_index_by_id      (JsonNode       *array);

/* ---- The merge's walk (pacte-merge.c) and its lists of records
 * (pacte-merge-lists.c) ---- */

typedef struct _PacteMergeLists PacteMergeLists;

typedef struct {
  GString         *path;       /* JSON path of the value being merged */
  GPtrArray       *conflicts;  /* of PacteMergeConflict */
  PacteMergeLists *lists;      /* the portfolio's partners and plans, merged as records */
} PacteMerge;

PacteMergeConflict *pacte_merge_conflict_new (const char *path,
                                              JsonNode   *base,
                                              JsonNode   *ours,
                                              JsonNode   *theirs);
/* The merged value of base, ours and theirs at m->path (a new reference),
 * or NULL for "absent"; conflicts go to m->conflicts. */
JsonNode   *pacte_merge_node             (PacteMerge     *m,
                                          JsonNode       *base,
                                          JsonNode       *ours,
                                          JsonNode       *theirs);

/* The partners and plans of the three versions, merged record by record:
 * a record equal on two sides is taken as it is (its canonical text is
 * written once, never parsed back); only a record both sides changed is
 * merged as JSON trees.  base may be NULL (no common ancestor). */
PacteMergeLists *pacte_merge_lists_new        (PactePortfolio  *base,
                                               PactePortfolio  *ours,
                                               PactePortfolio  *theirs);
void             pacte_merge_lists_free       (PacteMergeLists *lists);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PacteMergeLists, pacte_merge_lists_free)
/* The tree of one version (0 base, 1 ours, 2 theirs) in canonical form,
 * except that each non-empty list of records is a marker of that version:
 * the walk meets the lists where the file has them, and hands them to
 * pacte_merge_lists_merge().  NULL for a NULL base. */
JsonNode        *pacte_merge_lists_shell      (PacteMergeLists *lists,
                                               guint            side);
/* Whether m->path is one of those lists, and its merge (a marker, or NULL
 * when the merged list is empty). */
gboolean         pacte_merge_lists_handles    (PacteMerge      *m);
JsonNode        *pacte_merge_lists_merge      (PacteMerge      *m);
/* A partner one side removed while a merged plan still names it is kept,
 * and the removal recorded as a conflict. */
void             pacte_merge_lists_keep_named_partners (PacteMerge *m);
/* The merged portfolio checked and in canonical form: the records taken
 * whole are the texts already written; the loader (with rules, the rules
 * the versions were loaded with) checks the rest, and what joins the two
 * (pacte-merge-lists.c says which).  merged is the walk's result, shells
 * the versions' trees from pacte_merge_lists_shell().  NULL and a message
 * of the loader's kind when the result would not load. */
GBytes          *pacte_merge_lists_finish     (PacteMergeLists *lists,
                                               JsonNode        *merged,
                                               JsonNode        *shells[3],
                                               PacteRuleSet    *rules,
                                               GError         **error);

G_END_DECLS
