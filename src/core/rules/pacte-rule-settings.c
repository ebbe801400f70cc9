/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-rule-settings.c: rule overrides of a plan and rule settings of the
 * portfolio, edited as one undo step each (pacte-rule-settings.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-checks-private.h"
#include "pacte-i18n.h"
#include "pacte-rule-settings.h"

static guint
list_field (PacteRecord *owner)
{
  return PACTE_IS_PORTFOLIO (owner) ? PACTE_PORTFOLIO_RULE_SETTINGS : PACTE_PLAN_RULE_OVERRIDES;
}

static PacteOverride *
find_override (PacteRecord *owner,
               const char  *rule_id)
{
  guint n;
  PacteRecord * const *items = pacte_record_get_items (owner, list_field (owner), &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (pacte_record_get_string (items[i], PACTE_OVERRIDE_RULE_ID), rule_id) == 0)
      return PACTE_OVERRIDE (items[i]);
  return NULL;
}

/* The owner's override of rule_id, created (in rule id order) if missing. */
static PacteOverride *
ensure_override (PacteRecord  *owner,
                 const char   *rule_id,
                 GError      **error)
{
  PacteOverride *override = find_override (owner, rule_id);
  g_autoptr(PacteOverride) created = NULL;
  PacteRecord * const *items;
  guint n, position;

  if (override != NULL)
    return override;
  created = g_object_new (PACTE_TYPE_OVERRIDE, NULL);
  if (!pacte_record_set_string (PACTE_RECORD (created), PACTE_OVERRIDE_RULE_ID, rule_id, error))
    return NULL;
  items = pacte_record_get_items (owner, list_field (owner), &n);
  for (position = 0; position < n; position++)
    if (g_strcmp0 (pacte_record_get_string (items[position], PACTE_OVERRIDE_RULE_ID), rule_id) > 0)
      break;
  pacte_record_list_insert (owner, list_field (owner), position, PACTE_RECORD (created));
  return find_override (owner, rule_id);
}

/* Removes the owner's override of rule_id when it no longer says anything. */
static void
drop_empty_override (PacteRecord *owner,
                     const char  *rule_id)
{
  PacteOverride *override = find_override (owner, rule_id);
  const char * const *keys;
  PacteRecord * const *items;
  guint n;

  if (override == NULL)
    return;
  keys = pacte_record_map_get_keys (PACTE_RECORD (override), PACTE_OVERRIDE_PARAMS);
  if (pacte_record_get_boolean (PACTE_RECORD (override), PACTE_OVERRIDE_DISABLED) >= 0
      || *pacte_record_get_string (PACTE_RECORD (override), PACTE_OVERRIDE_REASON) != '\0'
      || (keys != NULL && keys[0] != NULL))
    return;
  items = pacte_record_get_items (owner, list_field (owner), &n);
  for (guint i = 0; i < n; i++)
    if (items[i] == PACTE_RECORD (override))
      {
        pacte_record_list_remove (owner, list_field (owner), i);
        return;
      }
}

static gboolean
check_rule (PacteRuleSet  *rules,
            const char    *rule_id,
            GError       **error)
{
  if (pacte_rule_set_has_rule (rules, rule_id))
    return TRUE;
  g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_UNKNOWN_RULE, _("Unknown rule “%s”"), rule_id);
  return FALSE;
}

gboolean
pacte_rule_settings_switch_off (PacteRuleSet    *rules,
                                PactePortfolio  *portfolio,
                                PacteRecord     *owner,
                                const char      *rule_id,
                                const char      *reason,
                                GError         **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *label = NULL;
  PacteOverride *override;
  gboolean ok = FALSE;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), FALSE);
  g_return_val_if_fail (PACTE_IS_PLAN (owner) || PACTE_IS_PORTFOLIO (owner), FALSE);

  if (!check_rule (rules, rule_id, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*trimmed == '\0')
    {
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                   PACTE_IS_PORTFOLIO (owner)
                   ? _("A rule is switched off only with a reason: write why it does not apply to these plans")
                   : _("A rule is switched off only with a reason: write why it does not apply to this plan"));
      return FALSE;
    }

  /* Translators: an undo step: "Switch Off R09" (Undo Switch Off R09) */
  label = g_strdup_printf (PACTE_IS_PORTFOLIO (owner) ? C_("undo", "Switch Off %s for All Plans")
                                                      : C_("undo", "Switch Off %s"), rule_id);
  pacte_portfolio_begin_group (portfolio, label);
  override = ensure_override (owner, rule_id, error);
  if (override != NULL
      && pacte_record_set_boolean (PACTE_RECORD (override), PACTE_OVERRIDE_DISABLED, 1, error)
      && pacte_record_set_string (PACTE_RECORD (override), PACTE_OVERRIDE_REASON, trimmed, error))
    ok = TRUE;
  pacte_portfolio_end_group (portfolio);
  return ok;
}

gboolean
pacte_rule_settings_switch_on (PacteRuleSet    *rules,
                               PactePortfolio  *portfolio,
                               PacteRecord     *owner,
                               const char      *rule_id,
                               GError         **error)
{
  g_autofree char *label = NULL;
  PacteOverride *setting = NULL;
  PacteOverride *override;
  gboolean off_for_portfolio = FALSE;
  gboolean ok;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), FALSE);
  g_return_val_if_fail (PACTE_IS_PLAN (owner) || PACTE_IS_PORTFOLIO (owner), FALSE);

  if (!check_rule (rules, rule_id, error))
    return FALSE;
  if (PACTE_IS_PLAN (owner))
    setting = pacte_portfolio_find_setting (portfolio, rule_id);
  off_for_portfolio = setting != NULL
                      && pacte_record_get_boolean (PACTE_RECORD (setting), PACTE_OVERRIDE_DISABLED) == 1;
  override = find_override (owner, rule_id);
  if (override == NULL && !off_for_portfolio)
    return TRUE;

  label = g_strdup_printf (PACTE_IS_PORTFOLIO (owner) ? C_("undo", "Switch On %s for All Plans")
                                                      : C_("undo", "Switch On %s"), rule_id);
  pacte_portfolio_begin_group (portfolio, label);
  if (off_for_portfolio)
    {
      /* Switched off for the whole portfolio: this plan says "on" explicitly. */
      override = ensure_override (owner, rule_id, error);
      ok = override != NULL
           && pacte_record_set_boolean (PACTE_RECORD (override), PACTE_OVERRIDE_DISABLED, 0, error)
           && pacte_record_set_string (PACTE_RECORD (override), PACTE_OVERRIDE_REASON, "", error);
    }
  else
    {
      ok = pacte_record_set_boolean (PACTE_RECORD (override), PACTE_OVERRIDE_DISABLED, -1, error)
           && pacte_record_set_string (PACTE_RECORD (override), PACTE_OVERRIDE_REASON, "", error);
      if (ok)
        drop_empty_override (owner, rule_id);
    }
  pacte_portfolio_end_group (portfolio);
  return ok;
}

double
pacte_rule_settings_baseline (PacteRuleSet   *rules,
                              PactePortfolio *portfolio,
                              PacteRecord    *owner,
                              guint           rule_index,
                              const char     *param)
{
  double value = NAN;

  g_return_val_if_fail (PACTE_IS_RULE_SET (rules), NAN);

  if (PACTE_IS_PLAN (owner) && portfolio != NULL)
    {
      PacteOverride *setting = pacte_portfolio_find_setting (portfolio, pacte_rule_set_get_id (rules, rule_index));

      if (setting != NULL)
        value = pacte_record_map_get_number (PACTE_RECORD (setting), PACTE_OVERRIDE_PARAMS, param);
    }
  if (isnan (value))
    value = pacte_rule_set_get_param_default (rules, rule_index, param);
  return value;
}

gboolean
pacte_rule_settings_check (PacteRuleSet     *rules,
                           PactePortfolio   *portfolio,
                           PacteRecord      *owner,
                           guint             rule_index,
                           const double     *values,
                           PacteParamBreak  *broken,
                           PactePlan       **plan_out)
{
  const PacteRule *rule;
  GListModel *plans;

  g_return_val_if_fail (PACTE_IS_RULE_SET (rules), FALSE);
  g_return_val_if_fail (rule_index < pacte_rule_set_get_n_rules (rules), FALSE);

  if (plan_out != NULL)
    *plan_out = NULL;
  rule = pacte_rule_set_get_rule (rules, rule_index);
  if (!pacte_rule_check_params (rule, values, broken))
    return FALSE;
  if (!PACTE_IS_PORTFOLIO (owner))
    return TRUE;

  /* A plan that tunes the rule itself keeps its own values over the new ones. */
  plans = pacte_portfolio_get_plans (PACTE_PORTFOLIO (owner));
  for (guint p = 0; p < g_list_model_get_n_items (plans); p++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, p);
      PacteOverride *override = pacte_plan_find_override (plan, rule->id);
      double merged[PACTE_MAX_PARAMS];

      if (override == NULL)
        continue;
      for (guint i = 0; i < rule->n_params; i++)
        {
          double own = pacte_record_map_get_number (PACTE_RECORD (override), PACTE_OVERRIDE_PARAMS,
                                                    rule->param_names[i]);

          merged[i] = isnan (own) ? values[i] : own;
        }
      if (!pacte_rule_check_params (rule, merged, broken))
        {
          if (plan_out != NULL)
            *plan_out = plan;  /* the portfolio's list keeps it alive */
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
pacte_rule_settings_set_params (PacteRuleSet    *rules,
                                PactePortfolio  *portfolio,
                                PacteRecord     *owner,
                                const char      *rule_id,
                                const double    *values,
                                GError         **error)
{
  const PacteRule *rule;
  PacteOverride *override;
  PacteParamBreak broken;
  PactePlan *plan = NULL;
  g_autofree char *label = NULL;
  gboolean ok = TRUE;
  int index;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), FALSE);
  g_return_val_if_fail (PACTE_IS_PLAN (owner) || PACTE_IS_PORTFOLIO (owner), FALSE);

  if (!check_rule (rules, rule_id, error))
    return FALSE;
  index = pacte_rule_set_find (rules, rule_id);
  rule = pacte_rule_set_get_rule (rules, (guint) index);
  if (!pacte_rule_settings_check (rules, portfolio, owner, (guint) index, values, &broken, &plan))
    {
      g_autofree char *what = NULL;
      double merged[PACTE_MAX_PARAMS];

      /* The values the broken limit was found in: the plan's own, else these. */
      for (guint i = 0; i < rule->n_params; i++)
        {
          double own = plan != NULL
                       ? pacte_record_map_get_number (PACTE_RECORD (pacte_plan_find_override (plan, rule_id)),
                                                      PACTE_OVERRIDE_PARAMS, rule->param_names[i])
                       : NAN;

          merged[i] = isnan (own) ? values[i] : own;
        }
      what = pacte_rule_describe_break (rule, merged, &broken);
      if (plan != NULL)
        g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                     _("The parameters of %s would contradict each other in the plan “%s”, which tunes the rule itself: %s"),
                     rule_id, pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME), what);
      else
        g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                     _("The parameters of %s contradict each other: %s"), rule_id, what);
      return FALSE;
    }

  /* Translators: an undo step: "Tune R09" (Undo Tune R09) */
  label = g_strdup_printf (PACTE_IS_PORTFOLIO (owner) ? C_("undo", "Tune %s for All Plans")
                                                      : C_("undo", "Tune %s"), rule_id);
  pacte_portfolio_begin_group (portfolio, label);
  override = find_override (owner, rule_id);
  for (guint i = 0; ok && i < rule->n_params; i++)
    {
      double baseline = pacte_rule_settings_baseline (rules, portfolio, owner, (guint) index, rule->param_names[i]);

      if (fabs (values[i] - baseline) < 1e-9)
        {
          if (override != NULL)
            ok = pacte_record_map_set_number (PACTE_RECORD (override), PACTE_OVERRIDE_PARAMS,
                                              rule->param_names[i], NAN, error);
          continue;
        }
      if (override == NULL)
        override = ensure_override (owner, rule_id, error);
      ok = override != NULL
           && pacte_record_map_set_number (PACTE_RECORD (override), PACTE_OVERRIDE_PARAMS,
                                           rule->param_names[i], values[i], error);
    }
  if (ok)
    drop_empty_override (owner, rule_id);
  pacte_portfolio_end_group (portfolio);
  return ok;
}
