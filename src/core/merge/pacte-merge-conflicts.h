/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-merge-conflicts.h: the conflicts a merge left in a loaded portfolio
 * ("merge_conflicts", docs/format.md), and their resolution one by one, each
 * one undo step: keep ours (the value the file holds) or take theirs. */
#pragma once

#include "pacte-merge.h"

G_BEGIN_DECLS

#define PACTE_TYPE_MERGE_CONFLICTS (pacte_merge_conflicts_get_type ())
G_DECLARE_FINAL_TYPE (PacteMergeConflicts, pacte_merge_conflicts, PACTE, MERGE_CONFLICTS, GObject)

/* The portfolio's conflicts object (one per portfolio, owned by it).
 * Signal "changed" (): after a resolution, its undo or its redo. */
PacteMergeConflicts      *pacte_merge_conflicts_get            (PactePortfolio      *portfolio);
guint                     pacte_merge_conflicts_get_n_conflicts (PacteMergeConflicts *self);
/* Owned by self, valid until the next "changed". */
const PacteMergeConflict *pacte_merge_conflicts_get_conflict   (PacteMergeConflicts *self,
                                                                guint                index);
/* TRUE when their value can be set through the model: a single field
 * (text, choice, date, number, yes/no, list of texts) of a record found by
 * the path.  A whole record or a list without ids is edited by hand. */
gboolean                  pacte_merge_conflicts_can_take_theirs (PacteMergeConflicts *self,
                                                                guint                index);
/* Resolves one conflict in one undo step: take_theirs sets their value,
 * then the conflict leaves "merge_conflicts" (the member goes when none is
 * left).  FALSE with an error when their value cannot be set. */
gboolean                  pacte_merge_conflicts_resolve        (PacteMergeConflicts *self,
                                                                guint                index,
                                                                gboolean             take_theirs,
                                                                GError             **error);

G_END_DECLS
