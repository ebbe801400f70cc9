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
 * the path, a whole record of a list with ids (their side kept or edited a
 * record ours removed, or removed one ours edited), or a whole list
 * without ids. */
gboolean                  pacte_merge_conflicts_can_take_theirs (PacteMergeConflicts *self,
                                                                guint                index);
/* Resolves one conflict in one undo step: take_theirs sets their value
 * (puts their record back, removes the record, or replaces the list), then
 * the conflict leaves "merge_conflicts" (the member goes when none is
 * left).  FALSE with an error, and nothing changed, when their value cannot
 * be set: their record names a partner the file no longer has, or their
 * side removed a partner our plans still name. */
gboolean                  pacte_merge_conflicts_resolve        (PacteMergeConflicts *self,
                                                                guint                index,
                                                                gboolean             take_theirs,
                                                                GError             **error);

/* The record and field a conflict is about, when the user can type its
 * value (a single field that is not yes/no). */
gboolean                  pacte_merge_conflicts_get_field      (PacteMergeConflicts *self,
                                                                guint                index,
                                                                PacteRecord        **record,
                                                                guint               *field);
/* Resolves the conflict with a value the user typed, in one undo step:
 * numbers and dates as the editors read them (in the interface language),
 * a quarter as "2027-Q1" or "T1 2027", a list of texts separated by commas
 * or lines.  FALSE with the reason, and nothing changed, when the field
 * refuses the value. */
/* What resolve_typed would say of text, changing nothing. */
gboolean                  pacte_merge_conflicts_check_typed    (PacteMergeConflicts *self,
                                                                guint                index,
                                                                const char          *text,
                                                                GError             **error);
gboolean                  pacte_merge_conflicts_resolve_typed  (PacteMergeConflicts *self,
                                                                guint                index,
                                                                const char          *text,
                                                                GError             **error);

G_END_DECLS
