/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-plan-editor.h: every section of a plan, edited in place. */
#pragma once

#include <adwaita.h>

#include "pacte-context.h"

G_BEGIN_DECLS

#define PACTE_TYPE_PLAN_EDITOR (pacte_plan_editor_get_type ())
G_DECLARE_FINAL_TYPE (PactePlanEditor, pacte_plan_editor, PACTE, PLAN_EDITOR, AdwBin)

/* Properties: "context" (construct-only), "plan". */
GtkWidget *pacte_plan_editor_new        (PacteContext    *ctx);
void       pacte_plan_editor_set_plan   (PactePlanEditor *self,
                                         PactePlan       *plan);
PactePlan *pacte_plan_editor_get_plan   (PactePlanEditor *self);
/* Opens, scrolls to and focuses what fixes a rule of the plan, as its
 * result names it (pacte_rule_result_get_fix_*): a field of the plan or of
 * one of its items, or a list's add button.  FALSE when it is not in this
 * plan (a partner's record) or without a plan. */
gboolean   pacte_plan_editor_reveal_fix (PactePlanEditor *self,
                                         PacteFixKind     kind,
                                         PacteRecord     *record,
                                         const char      *field);
/* The row editing a plan field by its property name ("revenue-target"), or
 * NULL; the section editing a list ("objectives"), or NULL.  For tests and
 * for the window's focus handling. */
GtkWidget *pacte_plan_editor_get_field_row (PactePlanEditor *self,
                                            const char      *key);
GtkWidget *pacte_plan_editor_get_section   (PactePlanEditor *self,
                                            const char      *key);

G_END_DECLS
