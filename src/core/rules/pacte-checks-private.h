/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-checks-private.h: the compiled form of a rule file, shared by the
 * rule set (loading), the checks (the vocabulary of docs/rules.md) and the
 * engine (evaluation).  Only for src/core.
 *
 * Everything that names something in the rule file (a field by its JSON path,
 * a parameter, a placeholder) is resolved once when the file is loaded, so an
 * evaluation does no string lookup and no allocation. */
#pragma once

#include "pacte-record-private.h"
#include "pacte-language.h"
#include "pacte-rules.h"

G_BEGIN_DECLS

/* Texts in every language of the table (pacte-language.h), by its index:
 * text[0] is English. */
#define PACTE_N_LANGS PACTE_LANGUAGE_MAX
#define PACTE_LANG_EN 0

typedef struct
{
  char *text[PACTE_N_LANGS];
} PacteText;

/* ---- Templates ---------------------------------------------------------- */
typedef enum {
  PACTE_PH_LITERAL,
  PACTE_PH_PLAN,      /* the plan's name */
  PACTE_PH_PHASE,     /* the plan's phase, as a word in the language */
  PACTE_PH_TODAY,     /* YYYY-MM-DD */
  PACTE_PH_QUARTER,   /* today's quarter, YYYY-Qn */
  PACTE_PH_PARTNER,   /* the partner concerned (each-partner, partner lists) */
  PACTE_PH_ITEM,      /* the item concerned (each-item) */
  PACTE_PH_POSITION,  /* its position, from 1 */
  PACTE_PH_COUNT,
  PACTE_PH_MIN,
  PACTE_PH_TOTAL,
  PACTE_PH_PERCENT,
  PACTE_PH_DAYS,
  PACTE_PH_LIMIT,
  PACTE_PH_DATE,
  PACTE_PH_FAILED,    /* label of the condition that failed */
  PACTE_PH_VALUE,     /* the value of the field that failed */
  PACTE_PH_PARAM,     /* a parameter of the rule, by index */
  PACTE_PH_PLURAL,    /* {n|one|other}: a word chosen by a number placeholder */
} PactePlaceholder;

typedef struct
{
  PactePlaceholder kind;
  guint            param;   /* PACTE_PH_PARAM, and PACTE_PH_PLURAL of a parameter */
  const char      *text;    /* PACTE_PH_LITERAL: points into PacteTemplate.source;
                             * PACTE_PH_PLURAL: the singular form, likewise */
  guint            len;
  /* PACTE_PH_PLURAL only: the number placeholder that chooses (its kind,
   * and param above), the plural form, and the template's language. */
  PactePlaceholder of;
  const char      *other;
  guint            other_len;
  int              lang;
} PacteSegment;

typedef struct
{
  char         *source;
  PacteSegment *segments;
  guint         n_segments;
} PacteTemplate;

/* ---- Conditions --------------------------------------------------------- */
typedef enum {
  PACTE_COND_SET,
  PACTE_COND_UNSET,
  PACTE_COND_ABOVE,
  PACTE_COND_AT_LEAST,
  PACTE_COND_BELOW,
  PACTE_COND_EQUALS,
  PACTE_COND_NOT_EQUALS,
  PACTE_COND_IN,
  PACTE_COND_NOT_IN,
  PACTE_COND_CHOICE_AT_LEAST,
  PACTE_COND_CHOICE_BELOW,
  PACTE_COND_LENGTH_AT_LEAST,
  PACTE_COND_LENGTH_EQUALS,
  PACTE_COND_WITHIN_DAYS,
  PACTE_COND_NAMES_ITEM,
  PACTE_COND_SAME_AS_PLAN,
  PACTE_COND_IN_HORIZON,
  PACTE_COND_ANY,
  PACTE_COND_ALL,
  PACTE_COND_NOT,
  PACTE_COND_COUNT,   /* a list of the record: how many items match */
} PacteCondOp;

/* A number argument: a literal, a parameter of the rule, or a number field
 * of the same record times a factor. */
typedef struct
{
  double literal;
  int    param;   /* >= 0: index into the rule's parameters */
  int    field;   /* >= 0: number field of the record */
  double factor;
} PacteNumArg;

typedef struct _PacteCond PacteCond;
struct _PacteCond
{
  PacteCondOp    op;
  int            field;        /* field of the record, -1 for combinators */
  PacteFieldKind kind;         /* that field's kind */
  PacteNumArg    num;
  int            boolean;      /* EQUALS on a BOOLEAN field */
  char          *string;       /* EQUALS / NOT_EQUALS on text */
  char         **strings;      /* IN / NOT_IN */
  int            rank;         /* CHOICE_*: index in the field's choices */
  int            other_list;   /* NAMES_ITEM: plan list field */
  int            other_field;  /* NAMES_ITEM: field of its items; SAME_AS_PLAN: plan field */
  PacteCond     *children;     /* ANY / ALL / NOT / COUNT (its "where") */
  guint          n_children;
  PacteText      label;        /* optional, for {failed} */
};

/* ---- Collections: what a check walks through ----------------------------- */
typedef struct
{
  gboolean via_partners;  /* the plan's partners (then list_field is a partner list, or -1) */
  int      list_field;    /* a LIST field of the plan, or of each partner */
  GType    item_type;
} PacteCollection;

/* ---- Checks ------------------------------------------------------------- */
typedef enum {
  PACTE_CHECK_PLAN,
  PACTE_CHECK_EACH_ITEM,
  PACTE_CHECK_EACH_PARTNER,
  PACTE_CHECK_COUNT,
  PACTE_CHECK_COUNT_DISTINCT,
  PACTE_CHECK_RATIO,
  PACTE_CHECK_LATEST_DATE,
} PacteCheckKind;

typedef enum {
  PACTE_WHICH_ALL,
  PACTE_WHICH_PRIMARY,
  PACTE_WHICH_OTHERS,
} PacteWhich;

typedef struct
{
  PacteCheckKind  kind;
  PacteStatus     severity;     /* AMBER or RED */
  PacteCond      *when;         /* conditions on the plan: the check only applies when all hold */
  guint           n_when;
  PacteCond      *require;      /* conditions on the plan / item / partner */
  guint           n_require;
  PacteCond      *where;        /* COUNT, COUNT_DISTINCT, RATIO, LATEST_DATE: which items count */
  guint           n_where;
  PacteCond      *linked;       /* RATIO: numerator */
  guint           n_linked;
  PacteCollection collection;
  PacteWhich      which;
  int             field;        /* COUNT_DISTINCT, LATEST_DATE: field of the items */
  int             name_field;   /* EACH_ITEM: the field that names an item */
  PacteNumArg     at_least;     /* COUNT, COUNT_DISTINCT, RATIO */
  PacteNumArg     within_days;  /* LATEST_DATE */
  PacteTemplate   explanation[PACTE_N_LANGS];
  PacteTemplate   explanation_unset[PACTE_N_LANGS]; /* source NULL when absent */
  /* The check's "fix" member: PACTE_FIX_NONE (absent) derives the fix from
   * the failure; PACTE_FIX_ADD_ITEM ("add") asks for a new item of the
   * check's list; PACTE_FIX_FIELD (a plan field's path) names fix_field. */
  int             fix_kind;
  int             fix_field;
} PacteCheck;

/* A rule's "green_cases": a green that says more than the rule's "green"
 * text when its conditions on the plan hold (nothing to judge yet). */
typedef struct
{
  PacteCond   *when;
  guint        n_when;
  PacteText    text;
} PacteGreenCase;

/* One bound of a parameter, from the rule's "param_limits": the parameter
 * must be at least (or at most) a number or another parameter. */
typedef struct
{
  guint        param;
  gboolean     at_most;
  int          other;           /* the bounding parameter's index, or -1 */
  double       value;           /* the bound when other < 0 */
} PacteParamLimit;

typedef struct
{
  char        *id;
  guint        number;
  PacteText    title;
  PacteText    statement;
  PacteText    advice;
  PacteText    green;
  char       **param_names;     /* NULL-terminated */
  double      *param_defaults;
  guint        n_params;
  PacteCheck  *checks;
  guint        n_checks;
  PacteGreenCase *green_cases;
  guint        n_green_cases;
  PacteParamLimit *limits;
  guint        n_limits;
} PacteRule;

/* A word for a choice value ("execution" -> "execution"/"exécution"). */
typedef struct
{
  char      *value;
  PacteText  word;
} PacteWord;

/* The largest number of parameters a rule may have. */
#define PACTE_MAX_PARAMS 16

/* ---- Shared by rule set, checks and engine ------------------------------ */
const PacteRule *pacte_rule_set_get_rule       (PacteRuleSet *self,
                                                guint         index);
/* The word for a choice value in lang, or the value itself. */
const char      *pacte_rule_set_get_word       (PacteRuleSet *self,
                                                const char   *value,
                                                int           lang);
/* The index of a rule's parameter, or -1 (also for a NULL name). */
int              pacte_rule_find_param         (const PacteRule *rule,
                                                const char      *param);
/* Sets a PACTE_RULES_ERROR_INVALID "path: message" and returns FALSE. */
gboolean         pacte_rules_fail              (GError     **error,
                                                const char  *path,
                                                const char  *format,
                                                ...) G_GNUC_PRINTF (3, 4);

/* pacte-checks-compile.c */
gboolean pacte_check_compile   (JsonObject  *object,
                                PacteRule   *rule,
                                PacteCheck  *check,
                                const char  *path,
                                GError     **error);
void     pacte_check_clear     (PacteCheck  *check);

/* pacte-template-compile.c */

/* Which placeholders a check's templates may use (what it gathers). */
enum {
  AVAIL_PARTNER = 1 << 0,
  AVAIL_ITEM    = 1 << 1,
  AVAIL_COUNT   = 1 << 2,
  AVAIL_RATIO   = 1 << 3,
};

/* The templates of member (one per language) of object; absent is fine
 * unless required. */
gboolean pacte_templates_parse (JsonObject    *object,
                                const char    *member,
                                gboolean       required,
                                PacteRule     *rule,
                                guint          available,
                                PacteTemplate *out,
                                const char    *path,
                                GError       **error);
void     pacte_template_clear  (PacteTemplate *tmpl);

/* pacte-checks.c */

/* What an evaluation works on, filled by the engine for each plan. */
typedef struct
{
  PacteRuleSet    *rules;
  PactePortfolio  *portfolio;
  PactePlan       *plan;
  PacteRecord     *plan_record;     /* the same, as a record */
  guint32          today;
  int              today_quarter;   /* year * 4 + quarter - 1 */
  int              lang;
  const double    *params;          /* the current rule's effective parameters */
  PacteRecord    **partners;        /* the plan's partners, resolved (missing ones skipped) */
  guint            n_partners;
  gboolean         explain;         /* set by pacte_check_decide: gather what a failure is about */
} PacteEvalContext;

/* Conditions on the plan outside a check (pacte-checks-compile.c,
 * pacte-checks.c). */
gboolean pacte_conds_compile       (JsonObject       *object,
                                    const char       *member,
                                    PacteRule        *rule,
                                    PacteCond       **out,
                                    guint            *n_out,
                                    const char       *path,
                                    GError          **error);
void     pacte_conds_clear         (PacteCond       **conds,
                                    guint            *n);
gboolean pacte_conds_hold          (const PacteCond  *conds,
                                    guint             n,
                                    PacteEvalContext *ctx);
/* The rule's "green_cases" (compiled at load) and, for a green, the one
 * that describes it best: the first case whose conditions hold (its index),
 * else the rule's "green" (-1); and its text in a language. */
gboolean pacte_green_cases_compile (JsonObject       *object,
                                    PacteRule        *rule,
                                    const char       *path,
                                    GError          **error);
void     pacte_green_cases_clear   (PacteRule        *rule);
int      pacte_green_case          (const PacteRule  *rule,
                                    PacteEvalContext *ctx);
const char *pacte_green_case_text  (const PacteRule  *rule,
                                    int               green_case,
                                    int               lang);
/* The rule's "param_limits" (pacte-rule-extras.c): parsed after its
 * params (whose defaults must meet them), checked, and a break described in
 * the file's words ("amber_days is 200 but must be at most red_days (90)"). */
gboolean pacte_param_limits_parse  (JsonObject       *object,
                                    PacteRule        *rule,
                                    const char       *path,
                                    GError          **error);
gboolean pacte_rule_check_params   (const PacteRule  *rule,
                                    const double     *values,
                                    PacteParamBreak  *broken);
char    *pacte_rule_describe_break (const PacteRule  *rule,
                                    const double     *values,
                                    const PacteParamBreak *broken);
/* Renders a template without any failure data (a rule's green text). */
void     pacte_render_plain    (const char        *text,
                                PacteRuleOutcome  *outcome);
/* The table's index of a language code or locale name (unknown: en), and
 * the code of an index. */
int      pacte_lang_index      (const char        *lang);
const char *pacte_lang_code    (int                lang);
/* Reads the text of each language of the table from a JSON object
 * ({"en": …, "fr": …}); FALSE with the missing language named. */
typedef gboolean (*PacteTextFunc) (const char *text,
                                   int         lang,
                                   const char *path,
                                   gpointer    data,
                                   GError    **error);
gboolean pacte_texts_parse     (JsonObject        *texts,
                                gboolean           allow_empty,
                                const char        *path,
                                PacteTextFunc      func,
                                gpointer           data,
                                GError           **error);
/* A PacteTextFunc that keeps each text in the PacteText data. */
gboolean pacte_text_keep       (const char        *text,
                                int                lang,
                                const char        *path,
                                gpointer           data,
                                GError           **error);
/* "an object with the texts \"en\" and \"fr\"" naming every language. */
char    *pacte_texts_expected  (void);

G_END_DECLS

/* ---- Results (pacte-rule-result.c, pacte-plan-results.c) ---------------- */
G_BEGIN_DECLS
PacteRuleResult  *pacte_rule_result_new      (PacteRuleSet           *rules,
                                              guint                   index,
                                              int                     lang);
/* TRUE when the status changed. */
gboolean          pacte_rule_result_update   (PacteRuleResult        *self,
                                              const PacteRuleOutcome *outcome);
/* The first evaluation of a result nobody holds yet: no notification. */
void              pacte_rule_result_fill     (PacteRuleResult        *self,
                                              const PacteRuleOutcome *outcome);
void              pacte_rule_result_set_lang (PacteRuleResult        *self,
                                              int                     lang);

PactePlanResults *pacte_plan_results_new     (PacteRuleSet           *rules,
                                              const char             *lang);
/* Applies a new evaluation: notifies only the properties that changed, of
 * only the rules that changed, and "score" only when it changed. */
void              pacte_plan_results_update  (PactePlanResults       *self,
                                              const PacteRuleOutcome *outcomes,
                                              int                     score);
/* The first evaluation of results nobody holds yet (fresh from
 * pacte_plan_results_new): the same values, no notification (32,000
 * objects' notify queues saved when an open evaluates 2,000 plans). */
void              pacte_plan_results_fill    (PactePlanResults       *self,
                                              const PacteRuleOutcome *outcomes,
                                              int                     score);
/* Switches the texts (title, statement, advice) to another language. */
void              pacte_plan_results_set_language (PactePlanResults  *self,
                                                   const char        *lang);
G_END_DECLS
