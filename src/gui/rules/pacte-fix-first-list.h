/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-fix-first-list.h: a plan's fix-first list in the golden-rules panel.
 *
 * The plan's failing rules ranked by the points turning each green would add
 * (the core's pacte_fix_first_plan(): the engine's own scoring, switched-off
 * rules excluded), each with its advice and a button that emits
 * "fix-activated" (rule id): the panel takes the user to the field that fixes
 * it, as activating the rule's row does.  The first three show; the rest
 * are behind an expander.  Hidden when nothing fails. */
#pragma once

#include <gtk/gtk.h>

#include "pacte-rules.h"

G_BEGIN_DECLS

#define PACTE_TYPE_FIX_FIRST_LIST (pacte_fix_first_list_get_type ())
G_DECLARE_FINAL_TYPE (PacteFixFirstList, pacte_fix_first_list, PACTE, FIX_FIRST_LIST, GtkBox)

GtkWidget  *pacte_fix_first_list_new          (void);
/* Shows results' fixes (NULL: none).  Cheap when they did not change. */
void        pacte_fix_first_list_update       (PacteFixFirstList *self,
                                               PactePlanResults  *results);
guint       pacte_fix_first_list_get_n_fixes  (PacteFixFirstList *self);
/* The fix at position (largest gain first): its rule id and gain. */
const char *pacte_fix_first_list_get_rule_id  (PacteFixFirstList *self,
                                               guint              position);
int         pacte_fix_first_list_get_gain     (PacteFixFirstList *self,
                                               guint              position);
/* Its "go to the field" button. */
GtkWidget  *pacte_fix_first_list_get_button   (PacteFixFirstList *self,
                                               guint              position);

G_END_DECLS
