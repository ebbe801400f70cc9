/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-tune-dialog.h: "Tune" a rule's parameters, for one plan or for the
 * whole portfolio (owner: the PactePlan or the PactePortfolio).
 *
 * One spin button per parameter, within the bounds the rule file gives
 * ("param_limits"), with the value the owner would otherwise use under it.
 * Values that contradict each other (amber after 200 days with red after
 * 90), for the owner or, for the portfolio, for a plan that tunes the rule
 * itself, are said under the rows and Apply is disabled: nothing is
 * applied.  "apply" and "reset" are one undo step each
 * (pacte-rule-settings.h). */
#pragma once

#include <adwaita.h>

#include "pacte-context.h"

G_BEGIN_DECLS

#define PACTE_TYPE_TUNE_DIALOG (pacte_tune_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PacteTuneDialog, pacte_tune_dialog, PACTE, TUNE_DIALOG, AdwMessageDialog)

/* NULL when the rule has no parameters. */
GtkWidget  *pacte_tune_dialog_new       (GtkWindow       *parent,
                                         PacteContext    *context,
                                         PacteRecord     *owner,
                                         const char      *rule_id);
void        pacte_tune_dialog_set_value (PacteTuneDialog *self,
                                         const char      *param,
                                         double           value);
/* What is wrong with the values shown, or NULL when they can be applied. */
const char *pacte_tune_dialog_get_error (PacteTuneDialog *self);
/* What the "apply" response does (also for tests). */
gboolean    pacte_tune_dialog_apply     (PacteTuneDialog *self,
                                         GError         **error);

G_END_DECLS
