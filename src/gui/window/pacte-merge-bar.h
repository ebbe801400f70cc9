/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-merge-bar.h: the bar above a document that a git merge left with
 * conflicts ("2 merge conflicts"): for each, where it is, our value and
 * theirs, and Keep Ours / Take Theirs, one undo step each.  It hides when
 * none is left. */
#pragma once

#include <gtk/gtk.h>

#include "pacte-portfolio.h"

G_BEGIN_DECLS

#define PACTE_TYPE_MERGE_BAR (pacte_merge_bar_get_type ())
G_DECLARE_FINAL_TYPE (PacteMergeBar, pacte_merge_bar, PACTE, MERGE_BAR, GtkWidget)

GtkWidget  *pacte_merge_bar_new            (void);
/* portfolio may be NULL: the bar hides. */
void        pacte_merge_bar_set_portfolio  (PacteMergeBar  *self,
                                            PactePortfolio *portfolio);
/* "2 merge conflicts", or "" when hidden (for tests and screen readers). */
const char *pacte_merge_bar_get_title      (PacteMergeBar  *self);

G_END_DECLS
