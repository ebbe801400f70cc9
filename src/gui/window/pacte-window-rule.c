/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-rule.c: from a light to what fixes its rule: the plan shown,
 * the field, item or list (or the partner's record) focused and scrolled
 * to, the rules panel folded out of the way. */
#include "config.h"

#include "pacte-i18n.h"
#include "pacte-partner-editor.h"
#include "pacte-plan-editor.h"
#include "pacte-window-private.h"

void
_pacte_window_on_rule_activated (PacteWindow     *self,
                                 const char      *rule_id,
                                 PacteRulesPanel *panel)
{
  if (self->plan != NULL)
    pacte_window_show_rule (self, self->plan, rule_id);
}

gboolean
pacte_window_show_rule (PacteWindow *self,
                        PactePlan   *plan,
                        const char  *rule_id)
{
  PacteContext *context;
  PactePlanResults *results;
  PacteRuleResult *result;
  PacteRecord *record, *owner;
  PacteFixKind kind;
  const char *field;
  int index;
  gboolean focused = FALSE;

  g_return_val_if_fail (PACTE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (PACTE_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (rule_id != NULL, FALSE);

  context = pacte_window_get_context (self);
  if (context == NULL)
    return FALSE;
  index = pacte_rule_set_find (pacte_context_get_rules (context), rule_id);
  if (index < 0)
    return FALSE;
  pacte_window_select_plan (self, plan);
  if (self->plan != plan)
    return FALSE;

  /* The fix as of the latest edit. */
  pacte_evaluator_flush (pacte_context_get_evaluator (context));
  results = pacte_context_get_results (context, plan);
  result = pacte_plan_results_get_result (results, (guint) index);
  kind = pacte_rule_result_get_fix_kind (result);
  record = pacte_rule_result_get_fix_record (result);
  field = pacte_rule_result_get_fix_field (result);
  owner = record != NULL ? pacte_record_get_owner (record) : NULL;

  if (owner != NULL && PACTE_IS_PARTNER (owner))
    {
      /* The fix is in a partner's record: its page. */
      pacte_window_select_partner (self, PACTE_PARTNER (owner));
      if (self->partner_editor != NULL && self->partner == PACTE_PARTNER (owner))
        focused = pacte_partner_editor_reveal_fix (PACTE_PARTNER_EDITOR (self->partner_editor),
                                                   kind, record, field);
    }
  else if (self->plan_editor != NULL)
    {
      focused = pacte_plan_editor_reveal_fix (PACTE_PLAN_EDITOR (self->plan_editor),
                                              kind, record, field);
      /* A folded panel covers the editor: get it out of the way. */
      if (focused && adw_flap_get_folded (self->plan_flap))
        adw_flap_set_reveal_flap (self->plan_flap, FALSE);
    }
  if (!focused)
    pacte_window_show_toast (self, _("No single field fixes this rule: see its advice"));
  return focused;
}
