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
/* Moves keyboard focus to (and scrolls to) the field or section that would
 * fix rule_id ("R01"…"R16").  FALSE for an unknown rule or without a plan. */
gboolean   pacte_plan_editor_focus_rule (PactePlanEditor *self,
                                         const char      *rule_id);
/* The row editing a plan field by its property name ("revenue-target"), or
 * NULL; the section editing a list ("objectives"), or NULL.  For tests and
 * for the window's focus handling. */
GtkWidget *pacte_plan_editor_get_field_row (PactePlanEditor *self,
                                            const char      *key);
GtkWidget *pacte_plan_editor_get_section   (PactePlanEditor *self,
                                            const char      *key);

G_END_DECLS
