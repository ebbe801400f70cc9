/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-engine.c: evaluates a plan against a rule set (pure: no clock, no
 * allocation in the common case), effective parameters, status helpers. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-rule-summaries-private.h"
#include "pacte-i18n.h"

/* ---- Statuses ----------------------------------------------------------- */

static const char * const status_names[] = { "green", "amber", "red", "off" };
static const char * const status_words[] = { N_("Green"), N_("Amber"), N_("Red"), N_("Off") };

G_DEFINE_ENUM_TYPE (PacteStatus, pacte_status,
                    G_DEFINE_ENUM_VALUE (PACTE_STATUS_GREEN, "green"),
                    G_DEFINE_ENUM_VALUE (PACTE_STATUS_AMBER, "amber"),
                    G_DEFINE_ENUM_VALUE (PACTE_STATUS_RED, "red"),
                    G_DEFINE_ENUM_VALUE (PACTE_STATUS_OFF, "off"))

const char *
pacte_status_to_string (PacteStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
pacte_status_from_string (const char  *text,
                          PacteStatus *out)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (strcmp (text, status_names[i]) == 0)
      {
        if (out != NULL)
          *out = (PacteStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
pacte_status_display_name (PacteStatus  status,
                           const char  *lang)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_words), NULL);
  return pacte_gettext_lang (lang, status_words[status]);
}

/* ---- Parameters --------------------------------------------------------- */

static PacteOverride *
setting_for (PactePortfolio *portfolio,
             const char     *rule_id)
{
  return portfolio != NULL ? pacte_portfolio_find_setting (portfolio, rule_id) : NULL;
}

static double
override_param (PacteOverride *override,
                const char    *param)
{
  if (override == NULL)
    return NAN;
  return pacte_record_map_get_number (PACTE_RECORD (override), PACTE_OVERRIDE_PARAMS, param);
}

static void
effective_params (const PacteRule *rule,
                  PacteOverride   *plan_override,
                  PacteOverride   *setting,
                  double          *params)
{
  for (guint i = 0; i < rule->n_params; i++)
    {
      double value = override_param (plan_override, rule->param_names[i]);

      if (isnan (value))
        value = override_param (setting, rule->param_names[i]);
      if (isnan (value))
        value = rule->param_defaults[i];
      params[i] = value;
    }
}

double
pacte_effective_param (PacteRuleSet   *rules,
                       PactePortfolio *portfolio,
                       PactePlan      *plan,
                       guint           rule_index,
                       const char     *param)
{
  const PacteRule *rule;
  double value;

  g_return_val_if_fail (PACTE_IS_RULE_SET (rules), NAN);
  g_return_val_if_fail (rule_index < pacte_rule_set_get_n_rules (rules), NAN);
  g_return_val_if_fail (param != NULL, NAN);

  rule = pacte_rule_set_get_rule (rules, rule_index);
  value = override_param (plan != NULL ? pacte_plan_find_override (plan, rule->id) : NULL, param);
  if (isnan (value))
    value = override_param (setting_for (portfolio, rule->id), param);
  if (isnan (value))
    value = pacte_rule_set_get_param_default (rules, rule_index, param);
  return value;
}

/* ---- Evaluation --------------------------------------------------------- */

/* TRUE when the rule is switched off; *reason is the override's reason. */
static gboolean
is_disabled (PacteOverride  *plan_override,
             PacteOverride  *setting,
             const char    **reason)
{
  PacteOverride *deciding = NULL;

  if (plan_override != NULL
      && pacte_record_get_boolean (PACTE_RECORD (plan_override), PACTE_OVERRIDE_DISABLED) >= 0)
    deciding = plan_override;
  else if (setting != NULL
           && pacte_record_get_boolean (PACTE_RECORD (setting), PACTE_OVERRIDE_DISABLED) >= 0)
    deciding = setting;
  if (deciding == NULL || pacte_record_get_boolean (PACTE_RECORD (deciding), PACTE_OVERRIDE_DISABLED) != 1)
    return FALSE;
  *reason = pacte_record_get_string (PACTE_RECORD (deciding), PACTE_OVERRIDE_REASON);
  return TRUE;
}

static const char *
switched_off_text (int lang)
{
  static const char *texts[PACTE_N_LANGS];

  if (texts[lang] == NULL)
    texts[lang] = pacte_gettext_lang (pacte_lang_code (lang), N_("Switched off"));
  return texts[lang];
}

/* Puts each override of list at its rule's index (unknown rules are skipped).
 * The list keeps the overrides alive. */
static void
collect_overrides (PacteRuleSet   *rules,
                   PacteRecord    *owner,
                   guint           field,
                   PacteOverride **by_rule)
{
  guint n;
  PacteRecord * const *items = pacte_record_get_items (owner, field, &n);

  for (guint i = 0; i < n; i++)
    {
      int index = pacte_rule_set_find (rules, pacte_record_get_string (items[i], PACTE_OVERRIDE_RULE_ID));

      if (index >= 0)
        by_rule[index] = PACTE_OVERRIDE (items[i]);
    }
}

/* The plan's partners, looked up once for all the rules. */
static void
resolve_partners (PacteEvalContext *ctx,
                  PacteRecord     **stack,
                  guint             stack_size,
                  PacteRecord    ***heap)
{
  const char * const *partner_ids = pacte_record_get_strv (ctx->plan_record, PACTE_PLAN_PARTNERS);
  guint n_ids = 0;

  while (partner_ids[n_ids] != NULL)
    n_ids++;
  ctx->partners = stack;
  if (n_ids > stack_size)
    ctx->partners = *heap = g_new (PacteRecord *, n_ids);
  for (guint i = 0; i < n_ids && ctx->portfolio != NULL; i++)
    {
      PactePartner *partner = pacte_portfolio_find_partner (ctx->portfolio, partner_ids[i]);

      if (partner != NULL)
        ctx->partners[ctx->n_partners++] = PACTE_RECORD (partner);
    }
}

/* Runs rule's checks (ctx->params are its parameters) up to the first that
 * fails, or finds its green. */
static void
decide_rule (const PacteRule   *rule,
             PacteEvalContext  *ctx,
             PacteRuleDecision *decision,
             PacteCheckFailure *failure)
{
  for (guint c = 0; c < rule->n_checks; c++)
    if (!pacte_check_decide (&rule->checks[c], ctx, failure))
      {
        decision->check = (int) c;
        decision->green_case = -1;
        return;
      }
  decision->check = -1;
  decision->green_case = pacte_green_case (rule, ctx);
}

static void
render_rule (const PacteRule         *rule,
             PacteEvalContext        *ctx,
             const PacteRuleDecision *decision,
             const PacteCheckFailure *failure,
             PacteRuleOutcome        *outcome)
{
  if (decision->check >= 0)
    pacte_check_failure_render (&rule->checks[decision->check], ctx, failure, outcome);
  else
    {
      outcome->status = PACTE_STATUS_GREEN;
      outcome->fix.kind = PACTE_FIX_NONE;
      outcome->fix.record = NULL;
      outcome->fix.field = -1;
      pacte_render_plain (pacte_green_case_text (rule, decision->green_case, ctx->lang), outcome);
    }
}

int
pacte_evaluate_plan (PacteRuleSet     *rules,
                     PactePortfolio   *portfolio,
                     PactePlan        *plan,
                     guint32           today,
                     const char       *lang,
                     PacteRuleOutcome *outcomes)
{
  g_return_val_if_fail (PACTE_IS_RULE_SET (rules), -1);
  g_return_val_if_fail (portfolio == NULL || PACTE_IS_PORTFOLIO (portfolio), -1);
  g_return_val_if_fail (outcomes != NULL, -1);

  return pacte_evaluate_plan_with (rules, portfolio, plan, today, lang, outcomes,
                                   pacte_rule_summaries_lookup (portfolio, rules));
}

int
pacte_evaluate_plan_with (PacteRuleSet       *rules,
                          PactePortfolio     *portfolio,
                          PactePlan          *plan,
                          guint32             today,
                          const char         *lang,
                          PacteRuleOutcome   *outcomes,
                          PacteRuleSummaries *summaries)
{
  PacteRecord *partners_stack[64];
  PacteOverride *overrides_stack[2 * 64];
  g_autofree PacteOverride **overrides_heap = NULL;
  PacteOverride **plan_overrides, **settings;
  g_autofree PacteRecord **partners_heap = NULL;
  double params_stack[PACTE_MAX_PARAMS];
  PacteEvalContext ctx = { 0 };
  PactePlanSummary *summary = NULL;
  guint n_rules;
  guint n_on = 0, n_green = 0, n_amber = 0;
  int year, month, day;

  g_return_val_if_fail (PACTE_IS_RULE_SET (rules), -1);
  g_return_val_if_fail (portfolio == NULL || PACTE_IS_PORTFOLIO (portfolio), -1);
  g_return_val_if_fail (PACTE_IS_PLAN (plan), -1);
  g_return_val_if_fail (today != 0, -1);
  g_return_val_if_fail (outcomes != NULL || summaries != NULL, -1);

  ctx.rules = rules;
  ctx.portfolio = portfolio;
  ctx.plan = plan;
  ctx.plan_record = PACTE_RECORD (plan);
  ctx.today = today;
  pacte_date_to_ymd (today, &year, &month, &day);
  ctx.today_quarter = year * 4 + (month - 1) / 3;
  ctx.lang = pacte_lang_index (lang);
  ctx.params = params_stack;

  /* A current summary knows the partners; otherwise they are looked up and
   * the summary starts again. */
  if (summaries != NULL)
    summary = pacte_rule_summaries_get (summaries, plan, today);
  if (summary != NULL)
    {
      ctx.partners = summary->partners;
      ctx.n_partners = summary->n_partners;
    }
  else
    {
      resolve_partners (&ctx, partners_stack, G_N_ELEMENTS (partners_stack), &partners_heap);
      if (summaries != NULL)
        summary = pacte_rule_summaries_reset (summaries, plan, today, ctx.partners, ctx.n_partners);
    }

  /* The overrides, by rule index: one pass over each list. */
  n_rules = pacte_rule_set_get_n_rules (rules);
  plan_overrides = overrides_stack;
  if (n_rules > G_N_ELEMENTS (overrides_stack) / 2)
    plan_overrides = overrides_heap = g_new (PacteOverride *, 2 * n_rules);
  settings = plan_overrides + n_rules;
  memset (plan_overrides, 0, 2 * n_rules * sizeof (PacteOverride *));
  collect_overrides (rules, PACTE_RECORD (plan), PACTE_PLAN_RULE_OVERRIDES, plan_overrides);
  if (portfolio != NULL)
    collect_overrides (rules, PACTE_RECORD (portfolio), PACTE_PORTFOLIO_RULE_SETTINGS, settings);

  for (guint r = 0; r < n_rules; r++)
    {
      const PacteRule *rule = pacte_rule_set_get_rule (rules, r);
      PacteRuleOutcome *outcome = outcomes != NULL ? &outcomes[r] : NULL;
      PacteOverride *plan_override = plan_overrides[r];
      PacteOverride *setting = settings[r];
      const char *reason = NULL;

      if (is_disabled (plan_override, setting, &reason))
        {
          if (outcome == NULL)
            continue;
          outcome->fix.kind = PACTE_FIX_NONE;
          outcome->fix.record = NULL;
          outcome->fix.field = -1;
          outcome->status = PACTE_STATUS_OFF;
          pacte_render_plain (reason != NULL && *reason != '\0' ? reason : switched_off_text (ctx.lang),
                              outcome);
          continue;
        }

      effective_params (rule, plan_override, setting, params_stack);
      if (summary == NULL)
        {
          PacteRuleDecision decision;
          PacteCheckFailure failure;

          decide_rule (rule, &ctx, &decision, &failure);
          render_rule (rule, &ctx, &decision, &failure, outcome);
        }
      else
        {
          /* The summary keeps each rule's parameters beside its decision:
           * a rule decided with others runs again. */
          double *params = summary->params + pacte_rule_summaries_param_offset (summaries, r);

          if (!summary->known[r] || memcmp (params, params_stack, rule->n_params * sizeof (double)) != 0)
            {
              PacteCheckFailure failure;

              memcpy (params, params_stack, rule->n_params * sizeof (double));
              decide_rule (rule, &ctx, &summary->decisions[r], &failure);
              pacte_rule_summaries_keep_failure (summary, r, summary->decisions[r].check >= 0 ? &failure : NULL);
              summary->known[r] = TRUE;
              pacte_rule_summaries_count_run (summaries);
            }
          if (outcome == NULL)
            continue;
          render_rule (rule, &ctx, &summary->decisions[r], summary->failures[r], outcome);
        }

      n_on++;
      if (outcome->status == PACTE_STATUS_GREEN)
        n_green++;
      else if (outcome->status == PACTE_STATUS_AMBER)
        n_amber++;
    }

  return pacte_score_from_counts (n_green, n_amber, n_on - n_green - n_amber);
}

int
pacte_score_from_counts (guint n_green,
                         guint n_amber,
                         guint n_red)
{
  guint n_on = n_green + n_amber + n_red;

  if (n_on == 0)
    return -1;
  /* 100 × (greens + ambers / 2) / n, rounded half up, in integers. */
  return (int) ((100 * (2 * n_green + n_amber) + n_on) / (2 * n_on));
}
