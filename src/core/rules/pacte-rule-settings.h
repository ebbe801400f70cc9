/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-rule-settings.h: switching a rule off or on and tuning its
 * parameters, for one plan (its rule_overrides) or for the whole portfolio
 * (its rule_settings), each change one undo step named after the rule.
 *
 * owner is the PactePlan or the PactePortfolio whose list is edited.  An
 * override that no longer says anything is removed; a parameter set to the
 * value the owner would otherwise use (the portfolio's, else the rule's
 * default) is removed from the override. */
#pragma once

#include "pacte-rules.h"

G_BEGIN_DECLS

gboolean  pacte_rule_settings_switch_off (PacteRuleSet        *rules,
                                          PactePortfolio      *portfolio,
                                          PacteRecord         *owner,
                                          const char          *rule_id,
                                          const char          *reason,
                                          GError             **error);
gboolean  pacte_rule_settings_switch_on  (PacteRuleSet        *rules,
                                          PactePortfolio      *portfolio,
                                          PacteRecord         *owner,
                                          const char          *rule_id,
                                          GError             **error);
/* The value of param the owner would use without its own override: for a
 * plan the portfolio's setting, else the rule's default; for the
 * portfolio, the rule's default. */
double    pacte_rule_settings_baseline   (PacteRuleSet        *rules,
                                          PactePortfolio      *portfolio,
                                          PacteRecord         *owner,
                                          guint                rule_index,
                                          const char          *param);
/* Would these values (one per parameter of the rule, in its order) keep
 * the rule's limits, for the owner and, when the owner is the portfolio,
 * for every plan that tunes the rule itself?  FALSE with the first limit
 * broken, and *plan (may be NULL) the plan concerned (NULL: the owner). */
gboolean  pacte_rule_settings_check      (PacteRuleSet        *rules,
                                          PactePortfolio      *portfolio,
                                          PacteRecord         *owner,
                                          guint                rule_index,
                                          const double        *values,
                                          PacteParamBreak     *broken,
                                          PactePlan          **plan);
/* Sets every parameter of the rule (values in its order) after the check
 * above: nothing is changed when it fails. */
gboolean  pacte_rule_settings_set_params (PacteRuleSet        *rules,
                                          PactePortfolio      *portfolio,
                                          PacteRecord         *owner,
                                          const char          *rule_id,
                                          const double        *values,
                                          GError             **error);

G_END_DECLS
