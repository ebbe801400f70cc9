/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-review-dialog.h: "Record Review" for one plan.
 *
 * A message dialog that shows the review date (the context's today), the
 * plan's current score and lights, and asks for the reviewer and notes.
 * Its "record" response appends a PacteReview (date, reviewer, notes and
 * the status of each of the rules, "off" included) to the plan's reviews,
 * as one undo step, remembers the reviewer in the settings, and emits
 * "recorded" (PacteReview *review). */
#pragma once

#include <adwaita.h>

#include "pacte-context.h"

G_BEGIN_DECLS

#define PACTE_TYPE_REVIEW_DIALOG (pacte_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PacteReviewDialog, pacte_review_dialog, PACTE, REVIEW_DIALOG, AdwMessageDialog)

/* The reviewer is prefilled with the reviewer remembered in the context's
 * settings, else with the plan's owner. */
GtkWidget   *pacte_review_dialog_new          (GtkWindow         *parent,
                                               PacteContext      *context,
                                               PactePlan         *plan);
PactePlan   *pacte_review_dialog_get_plan     (PacteReviewDialog *self);
const char  *pacte_review_dialog_get_reviewer (PacteReviewDialog *self);
void         pacte_review_dialog_set_reviewer (PacteReviewDialog *self,
                                               const char        *reviewer);
/* Newly allocated. */
char        *pacte_review_dialog_get_notes    (PacteReviewDialog *self);
void         pacte_review_dialog_set_notes    (PacteReviewDialog *self,
                                               const char        *notes);
/* What the "record" response does (also for tests): the review appended to
 * the plan (transfer none), or NULL with an error. */
PacteReview *pacte_review_dialog_record       (PacteReviewDialog *self,
                                               GError           **error);

G_END_DECLS
