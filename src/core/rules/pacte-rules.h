/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-rules.h: the golden-rules engine, one header per type:
 *
 *   pacte-rule-set.h      PacteRuleSet: the rules as data, PacteStatus
 *   pacte-engine.h        pacte_evaluate_plan(): pure (rule set, portfolio,
 *                         plan, today, lang) -> outcomes
 *   pacte-rule-result.h   PacteRuleResult: one rule's result for one plan
 *   pacte-plan-results.h  PactePlanResults: a plan's results, a GListModel
 *                         with a "score" property
 *   pacte-evaluator.h     PacteEvaluator: keeps every plan's results current
 *   pacte-rule-summaries.h PacteRuleSummaries: what each plan's checks found,
 *                         kept until what they read changes
 *
 * Include this one for all of them. */
#pragma once

#include "pacte-rule-set.h"
#include "pacte-engine.h"
#include "pacte-rule-result.h"
#include "pacte-plan-results.h"
#include "pacte-evaluator.h"
#include "pacte-rule-summaries.h"
