/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-engine.h: one evaluation, pure: (rule set, portfolio, plan, today,
 * language) -> each rule's light, explanation and where it is fixed. */
#pragma once

#include "pacte-rule-set.h"

G_BEGIN_DECLS

/* Where a failing rule is fixed, derived from the check that failed (the
 * record and field its failing condition tests, or the list it counts), or
 * named by the check's "fix" member in the rule file (docs/rules.md). */
typedef enum {
  PACTE_FIX_NONE,       /* green, off, or nothing to point at */
  PACTE_FIX_FIELD,      /* fill in or change field of record */
  PACTE_FIX_ADD_ITEM,   /* add an item to the LIST field of record */
} PacteFixKind;

GType        pacte_fix_kind_get_type     (void);
#define PACTE_TYPE_FIX_KIND (pacte_fix_kind_get_type ())

typedef struct {
  PacteFixKind kind;
  PacteRecord *record;  /* the plan, one of its items, a partner or a partner's
                         * item; not a reference: valid until the next edit */
  int          field;   /* index in record's field table, -1 for NONE */
} PacteFixTarget;

typedef struct {
  PacteStatus    status;
  char           explanation[512]; /* first failing check, or why it is green; the reason when off */
  PacteFixTarget fix;
} PacteRuleOutcome;

/* Fills outcomes[0 .. n_rules-1] in rule order and returns the score
 * (0..100), or -1 when every rule is off.  today is a Julian day.
 * Never reads the clock; allocates nothing in the common case. */
int          pacte_evaluate_plan           (PacteRuleSet     *rules,
                                            PactePortfolio   *portfolio,
                                            PactePlan        *plan,
                                            guint32           today,
                                            const char       *lang,
                                            PacteRuleOutcome *outcomes);
/* The engine's scoring, which pacte_evaluate_plan() returns: 100 × (greens
 * + ambers / 2) / rules switched on, rounded half up; -1 when no rule is on.
 * Fix-first gains and review trends use it so they agree with the lights. */
int          pacte_score_from_counts       (guint             n_green,
                                            guint             n_amber,
                                            guint             n_red);
/* The effective value of a parameter for a plan: plan override, else
 * portfolio rule_settings, else the rule's default. */
double       pacte_effective_param         (PacteRuleSet     *rules,
                                            PactePortfolio   *portfolio,
                                            PactePlan        *plan,
                                            guint             rule_index,
                                            const char       *param);

/* Every parameter of a rule as in effect for plan (NULL: the portfolio's
 * settings), in the order of the rule's names; values holds at least 16. */
void         pacte_effective_params        (PacteRuleSet     *rules,
                                            PactePortfolio   *portfolio,
                                            PactePlan        *plan,
                                            guint             rule_index,
                                            double           *values);

G_END_DECLS
