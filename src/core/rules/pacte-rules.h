/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-rules.h: the golden-rules engine.
 *
 *   PacteRuleSet     the rules as data (data/rules/golden-rules.json), bilingual
 *   pacte_evaluate_plan()  pure: (rule set, portfolio, plan, today, lang) -> results
 *   PacteRuleResult  one rule's result for one plan (a GObject the lights bind to)
 *   PactePlanResults a plan's sixteen results: a GListModel of PacteRuleResult
 *                    with a "score" property
 *   PacteEvaluator   watches a portfolio and keeps every plan's results current
 */
#pragma once

#include "pacte-portfolio.h"

G_BEGIN_DECLS

typedef enum {
  PACTE_STATUS_GREEN,
  PACTE_STATUS_AMBER,
  PACTE_STATUS_RED,
  PACTE_STATUS_OFF,
} PacteStatus;

GType        pacte_status_get_type     (void); /* G_DEFINE_ENUM_TYPE in pacte-engine.c */
#define PACTE_TYPE_STATUS (pacte_status_get_type ())
const char  *pacte_status_to_string    (PacteStatus status);  /* "green" … "off" (not translated) */
gboolean     pacte_status_from_string  (const char *text, PacteStatus *out);
/* The word shown beside a light, in lang ("en"/"fr"): "Green"/"Vert"… */
const char  *pacte_status_display_name (PacteStatus status, const char *lang);

#define PACTE_RULES_ERROR (pacte_rules_error_quark ())
GQuark pacte_rules_error_quark (void);
typedef enum {
  PACTE_RULES_ERROR_INVALID,   /* a rule file that does not follow docs/rules.md */
} PacteRulesError;

/* ---- Rule set --------------------------------------------------------- */
#define PACTE_TYPE_RULE_SET (pacte_rule_set_get_type ())
G_DECLARE_FINAL_TYPE (PacteRuleSet, pacte_rule_set, PACTE, RULE_SET, GObject)

/* The default sixteen rules, from the resource bundle.  Never fails. */
PacteRuleSet *pacte_rule_set_get_default    (void); /* transfer none, a singleton */
PacteRuleSet *pacte_rule_set_new_from_bytes (GBytes       *json,
                                             const char   *display_name,
                                             GError      **error);
PacteRuleSet *pacte_rule_set_new_from_file  (GFile        *file,
                                             GError      **error);

guint        pacte_rule_set_get_n_rules    (PacteRuleSet *self);
int          pacte_rule_set_find           (PacteRuleSet *self, const char *rule_id); /* index or -1 */
gboolean     pacte_rule_set_has_rule       (PacteRuleSet *self, const char *rule_id);
gboolean     pacte_rule_set_has_param      (PacteRuleSet *self, const char *rule_id, const char *param);
const char  *pacte_rule_set_get_id         (PacteRuleSet *self, guint index);  /* "R01" */
guint        pacte_rule_set_get_number     (PacteRuleSet *self, guint index);  /* 1 */
/* Texts in lang "en" or "fr" (anything else: "en"). */
const char  *pacte_rule_set_get_title      (PacteRuleSet *self, guint index, const char *lang);
const char  *pacte_rule_set_get_statement  (PacteRuleSet *self, guint index, const char *lang);
const char  *pacte_rule_set_get_advice     (PacteRuleSet *self, guint index, const char *lang);
/* Parameters of a rule: NULL-terminated names, and default values. */
const char * const *pacte_rule_set_get_param_names   (PacteRuleSet *self, guint index);
double       pacte_rule_set_get_param_default (PacteRuleSet *self, guint index, const char *param);

/* What a rule's parameters must meet (the rule file's "param_limits"):
 * values holds one number per parameter, in the order of
 * pacte_rule_set_get_param_names().  FALSE when a limit is broken; broken
 * (may be NULL) then says which: param must be at most (at_most) or at least
 * bound, the value of the parameter other (or a number, other = -1). */
typedef struct {
  guint    param;
  gboolean at_most;
  int      other;
  double   bound;
} PacteParamBreak;

gboolean     pacte_rule_set_check_params   (PacteRuleSet    *self,
                                            guint            index,
                                            const double    *values,
                                            PacteParamBreak *broken);
/* A parameter's number bounds (-INFINITY, INFINITY when it has none). */
void         pacte_rule_set_get_param_range (PacteRuleSet   *self,
                                             guint           index,
                                             const char     *param,
                                             double         *min,
                                             double         *max);
/* The portfolio's rule_settings and every plan's rule_overrides, each with
 * the values it leaves in effect, against the limits: FALSE with
 * "display: plans[0].rule_overrides.R09.params: …" at the first that
 * contradicts itself (a load error). */
gboolean     pacte_rule_set_check_portfolio (PacteRuleSet   *self,
                                             PactePortfolio *portfolio,
                                             const char     *display,
                                             GError        **error);

/* ---- One evaluation (pure) -------------------------------------------- */

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

/* ---- Results as objects ----------------------------------------------- */
#define PACTE_TYPE_RULE_RESULT (pacte_rule_result_get_type ())
G_DECLARE_FINAL_TYPE (PacteRuleResult, pacte_rule_result, PACTE, RULE_RESULT, GObject)
/* Properties (read-only, notified only on a real change): "rule-id", "number",
 * "title", "statement", "advice" (in the evaluator's language), "status"
 * (PacteStatus), "explanation". */
const char  *pacte_rule_result_get_rule_id     (PacteRuleResult *self);
guint        pacte_rule_result_get_number      (PacteRuleResult *self);
const char  *pacte_rule_result_get_title       (PacteRuleResult *self);
const char  *pacte_rule_result_get_statement   (PacteRuleResult *self);
const char  *pacte_rule_result_get_advice      (PacteRuleResult *self);
PacteStatus  pacte_rule_result_get_status      (PacteRuleResult *self);
const char  *pacte_rule_result_get_explanation (PacteRuleResult *self);
/* Where the rule is fixed, as of the last evaluation: kind, record (transfer
 * none; NULL for PACTE_FIX_NONE) and the field's property name
 * ("agreement-type", "contacts"). */
PacteFixKind  pacte_rule_result_get_fix_kind   (PacteRuleResult *self);
PacteRecord  *pacte_rule_result_get_fix_record (PacteRuleResult *self);
const char   *pacte_rule_result_get_fix_field  (PacteRuleResult *self);

#define PACTE_TYPE_PLAN_RESULTS (pacte_plan_results_get_type ())
G_DECLARE_FINAL_TYPE (PactePlanResults, pacte_plan_results, PACTE, PLAN_RESULTS, GObject)
/* A GListModel of PacteRuleResult, one per rule, in rule order (the items
 * stay the same objects; only their properties change).  Property "score"
 * (int, -1 when every rule is off). */
int          pacte_plan_results_get_score      (PactePlanResults *self);
PacteRuleResult *pacte_plan_results_get_result (PactePlanResults *self, guint index); /* transfer none */
guint        pacte_plan_results_count          (PactePlanResults *self, PacteStatus status);

/* ---- Live evaluation -------------------------------------------------- */
#define PACTE_TYPE_EVALUATOR (pacte_evaluator_get_type ())
G_DECLARE_FINAL_TYPE (PacteEvaluator, pacte_evaluator, PACTE, EVALUATOR, GObject)

/* Watches portfolio's "record-changed": an edit of a plan re-evaluates that
 * plan, an edit of a partner every plan that names it, an edit of the
 * portfolio's rule_settings every plan; at most once per main-loop iteration
 * (an idle), however many fields changed.  pacte_evaluator_flush() does the
 * pending work now.  Properties "today" (guint, Julian day) and "language". */
PacteEvaluator   *pacte_evaluator_new          (PactePortfolio *portfolio,
                                                PacteRuleSet   *rules,
                                                guint32         today,
                                                const char     *lang);
PactePlanResults *pacte_evaluator_get_results  (PacteEvaluator *self,
                                                PactePlan      *plan); /* transfer none, created on demand */
void              pacte_evaluator_set_today    (PacteEvaluator *self, guint32 today);
void              pacte_evaluator_flush        (PacteEvaluator *self);
/* How many plan evaluations have run (for tests and benchmarks). */
guint64           pacte_evaluator_get_n_evaluations (PacteEvaluator *self);

G_END_DECLS
