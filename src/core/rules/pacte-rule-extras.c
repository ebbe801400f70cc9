/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-rule-extras.c: what a rule says beside its checks (docs/rules.md):
 *
 *   "green_cases"   a green worded for what it rests on ("Nothing to judge
 *                   yet: …") when its conditions on the plan hold;
 *   "param_limits"  the bounds of its parameters, as numbers or as other
 *                   parameters ("amber_days" at most "red_days"), kept by
 *                   the rule file itself, a portfolio's rule_settings, a
 *                   plan's rule_overrides and the window's Tune dialogs. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-checks-private.h"
#include "pacte-i18n.h"

/* ---- Green cases --------------------------------------------------------- */

gboolean
pacte_green_cases_compile (JsonObject  *object,
                           PacteRule   *rule,
                           const char  *path,
                           GError     **error)
{
  g_autofree char *here = g_strdup_printf ("%s.green_cases", path);
  JsonNode *node = json_object_get_member (object, "green_cases");
  JsonArray *array;
  guint n;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return pacte_rules_fail (error, here, _("expected an array of objects with \"when\" and \"text\""));
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  rule->green_cases = g_new0 (PacteGreenCase, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item = g_strdup_printf ("%s[%u]", here, i);
      g_autofree char *text_path = g_strdup_printf ("%s.text", item);
      JsonNode *element = json_array_get_element (array, i);
      PacteGreenCase *green = &rule->green_cases[i];
      JsonObject *case_object;
      JsonNode *text;

      rule->n_green_cases = i + 1;
      if (!JSON_NODE_HOLDS_OBJECT (element))
        return pacte_rules_fail (error, item, _("expected an object with \"when\" and \"text\""));
      case_object = json_node_get_object (element);
      if (!json_object_has_member (case_object, "when"))
        return pacte_rules_fail (error, item, _("a green case needs \"when\", the conditions on the plan"));
      if (!pacte_conds_compile (case_object, "when", rule, &green->when, &green->n_when, item, error))
        return FALSE;
      text = json_object_get_member (case_object, "text");
      if (text == NULL || !JSON_NODE_HOLDS_OBJECT (text))
        {
          g_autofree char *expected = pacte_texts_expected ();

          return pacte_rules_fail (error, text_path, "%s", expected);
        }
      if (!pacte_texts_parse (json_node_get_object (text), FALSE, text_path, pacte_text_keep, &green->text, error))
        return FALSE;
    }
  return TRUE;
}

void
pacte_green_cases_clear (PacteRule *rule)
{
  for (guint i = 0; i < rule->n_green_cases; i++)
    {
      pacte_conds_clear (&rule->green_cases[i].when, &rule->green_cases[i].n_when);
      for (guint l = 0; l < PACTE_N_LANGS; l++)
        g_clear_pointer (&rule->green_cases[i].text.text[l], g_free);
    }
  g_clear_pointer (&rule->green_cases, g_free);
  rule->n_green_cases = 0;
  g_clear_pointer (&rule->limits, g_free);
  rule->n_limits = 0;
}

int
pacte_green_case (const PacteRule  *rule,
                  PacteEvalContext *ctx)
{
  for (guint i = 0; i < rule->n_green_cases; i++)
    if (pacte_conds_hold (rule->green_cases[i].when, rule->green_cases[i].n_when, ctx))
      return (int) i;
  return -1;
}

const char *
pacte_green_case_text (const PacteRule *rule,
                       int              green_case,
                       int              lang)
{
  if (green_case >= 0)
    return rule->green_cases[green_case].text.text[lang];
  return rule->green.text[lang];
}

/* ---- Parameter limits ---------------------------------------------------- */

static gboolean
parse_bound (JsonNode        *node,
             PacteRule       *rule,
             guint            param,
             gboolean         at_most,
             const char      *path,
             GError         **error)
{
  PacteParamLimit *limit;
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  rule->limits = g_renew (PacteParamLimit, rule->limits, rule->n_limits + 1);
  limit = &rule->limits[rule->n_limits++];
  limit->param = param;
  limit->at_most = at_most;
  limit->other = -1;
  limit->value = NAN;
  if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
    {
      limit->value = json_node_get_double (node);
      if (isfinite (limit->value))
        return TRUE;
    }
  else if (type == G_TYPE_STRING)
    {
      limit->other = pacte_rule_find_param (rule, json_node_get_string (node));
      if (limit->other >= 0 && (guint) limit->other != param)
        return TRUE;
      if (limit->other >= 0)
        return pacte_rules_fail (error, path, _("a parameter cannot bound itself"));
      return pacte_rules_fail (error, path, _("unknown parameter \"%s\" of this rule"), json_node_get_string (node));
    }
  return pacte_rules_fail (error, path, _("expected a number or the name of another parameter of the rule"));
}

gboolean
pacte_param_limits_parse (JsonObject  *object,
                          PacteRule   *rule,
                          const char  *path,
                          GError     **error)
{
  g_autofree char *here = g_strdup_printf ("%s.param_limits", path);
  JsonNode *node = json_object_get_member (object, "param_limits");
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  PacteParamBreak broken;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return pacte_rules_fail (error, here, _("expected an object of parameter names and their bounds"));

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      g_autofree char *member = g_strdup_printf ("%s.%s", here, name);
      int param = pacte_rule_find_param (rule, name);
      JsonObjectIter bounds;
      const char *bound;
      JsonNode *bound_value;

      if (param < 0)
        return pacte_rules_fail (error, member, _("unknown parameter \"%s\" of this rule"), name);
      if (!JSON_NODE_HOLDS_OBJECT (value))
        return pacte_rules_fail (error, member, _("expected an object with \"at_least\" and/or \"at_most\""));
      json_object_iter_init_ordered (&bounds, json_node_get_object (value));
      while (json_object_iter_next_ordered (&bounds, &bound, &bound_value))
        {
          g_autofree char *bound_path = g_strdup_printf ("%s.%s", member, bound);
          gboolean at_most = strcmp (bound, "at_most") == 0;

          if (!at_most && strcmp (bound, "at_least") != 0)
            return pacte_rules_fail (error, bound_path, _("unknown bound: expected \"at_least\" or \"at_most\""));
          if (!parse_bound (bound_value, rule, (guint) param, at_most, bound_path, error))
            return FALSE;
        }
    }

  /* The rule's own defaults must meet its limits. */
  if (!pacte_rule_check_params (rule, rule->param_defaults, &broken))
    {
      g_autofree char *params_path = g_strdup_printf ("%s.params.%s", path, rule->param_names[broken.param]);
      g_autofree char *what = pacte_rule_describe_break (rule, rule->param_defaults, &broken);

      return pacte_rules_fail (error, params_path, "%s", what);
    }
  return TRUE;
}

gboolean
pacte_rule_check_params (const PacteRule *rule,
                         const double    *values,
                         PacteParamBreak *broken)
{
  for (guint i = 0; i < rule->n_limits; i++)
    {
      const PacteParamLimit *limit = &rule->limits[i];
      double value = values[limit->param];
      double bound = limit->other >= 0 ? values[limit->other] : limit->value;

      if (limit->at_most ? value <= bound : value >= bound)
        continue;
      if (broken != NULL)
        {
          broken->param = limit->param;
          broken->at_most = limit->at_most;
          broken->other = limit->other;
          broken->bound = bound;
        }
      return FALSE;
    }
  return TRUE;
}

static char *
plain_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", value));
}

/* In the rule file's own words (parameter names, numbers as JSON writes them). */
char *
pacte_rule_describe_break (const PacteRule       *rule,
                           const double          *values,
                           const PacteParamBreak *broken)
{
  g_autofree char *value = plain_number (values[broken->param]);
  g_autofree char *bound = plain_number (broken->bound);
  const char *name = rule->param_names[broken->param];

  if (broken->other >= 0)
    {
      const char *other = rule->param_names[broken->other];

      if (broken->at_most)
        /* Translators: "amber_days is 200 but must be at most red_days (90)" */
        return g_strdup_printf (_("%s is %s but must be at most %s (%s)"), name, value, other, bound);
      return g_strdup_printf (_("%s is %s but must be at least %s (%s)"), name, value, other, bound);
    }
  if (broken->at_most)
    return g_strdup_printf (_("%s is %s but must be at most %s"), name, value, bound);
  return g_strdup_printf (_("%s is %s but must be at least %s"), name, value, bound);
}

/* ---- Public ---------------------------------------------------------------- */

gboolean
pacte_rule_set_check_params (PacteRuleSet    *self,
                             guint            index,
                             const double    *values,
                             PacteParamBreak *broken)
{
  g_return_val_if_fail (PACTE_IS_RULE_SET (self), FALSE);
  g_return_val_if_fail (index < pacte_rule_set_get_n_rules (self), FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  return pacte_rule_check_params (pacte_rule_set_get_rule (self, index), values, broken);
}

void
pacte_rule_set_get_param_range (PacteRuleSet *self,
                                guint         index,
                                const char   *param,
                                double       *min,
                                double       *max)
{
  const PacteRule *rule;
  int p;

  g_return_if_fail (PACTE_IS_RULE_SET (self));
  g_return_if_fail (index < pacte_rule_set_get_n_rules (self));

  *min = -INFINITY;
  *max = INFINITY;
  rule = pacte_rule_set_get_rule (self, index);
  p = pacte_rule_find_param (rule, param);
  for (guint i = 0; p >= 0 && i < rule->n_limits; i++)
    if (rule->limits[i].param == (guint) p && rule->limits[i].other < 0)
      {
        if (rule->limits[i].at_most)
          *max = MIN (*max, rule->limits[i].value);
        else
          *min = MAX (*min, rule->limits[i].value);
      }
}

void
pacte_effective_params (PacteRuleSet   *rules,
                        PactePortfolio *portfolio,
                        PactePlan      *plan,
                        guint           rule_index,
                        double         *values)
{
  const char * const *names;

  g_return_if_fail (PACTE_IS_RULE_SET (rules));
  g_return_if_fail (rule_index < pacte_rule_set_get_n_rules (rules));

  names = pacte_rule_set_get_param_names (rules, rule_index);
  for (guint i = 0; names[i] != NULL; i++)
    values[i] = pacte_effective_param (rules, portfolio, plan, rule_index, names[i]);
}

/* One rule's parameters as an owner (the portfolio's settings, or a plan)
 * leaves them in effect; path names the override's "params". */
static gboolean
check_owner (PacteRuleSet   *rules,
             PactePortfolio *portfolio,
             PactePlan      *plan,
             PacteRecord    *override,
             const char     *display,
             const char     *path,
             GError        **error)
{
  int index = pacte_rule_set_find (rules, pacte_record_get_string (override, PACTE_OVERRIDE_RULE_ID));
  double values[PACTE_MAX_PARAMS];
  const PacteRule *rule;
  PacteParamBreak broken;

  if (index < 0)
    return TRUE;
  rule = pacte_rule_set_get_rule (rules, (guint) index);
  if (rule->n_limits == 0)
    return TRUE;
  pacte_effective_params (rules, portfolio, plan, (guint) index, values);
  if (pacte_rule_check_params (rule, values, &broken))
    return TRUE;
  {
    g_autofree char *what = pacte_rule_describe_break (rule, values, &broken);

    g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                 /* Translators: "team.pacte.json: plans[0].rule_overrides.R09.params: amber_days is 200 but
                  * must be at most red_days (90); the parameters of R09 contradict each other" */
                 _("%s: %s.params: %s; the parameters of %s contradict each other"),
                 display, path, what, rule->id);
  }
  return FALSE;
}

gboolean
pacte_rule_set_check_portfolio (PacteRuleSet    *self,
                                PactePortfolio  *portfolio,
                                const char      *display,
                                GError         **error)
{
  GListModel *plans;
  PacteRecord * const *items;
  guint n;

  g_return_val_if_fail (PACTE_IS_RULE_SET (self), FALSE);
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), FALSE);

  items = pacte_record_get_items (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_RULE_SETTINGS, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("rule_settings.%s",
                                               pacte_record_get_string (items[i], PACTE_OVERRIDE_RULE_ID));

      if (!check_owner (self, portfolio, NULL, items[i], display, path, error))
        return FALSE;
    }

  plans = pacte_portfolio_get_plans (portfolio);
  for (guint p = 0; p < g_list_model_get_n_items (plans); p++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, p);

      items = pacte_record_get_items (PACTE_RECORD (plan), PACTE_PLAN_RULE_OVERRIDES, &n);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *path = g_strdup_printf ("plans[%u].rule_overrides.%s", p,
                                                   pacte_record_get_string (items[i], PACTE_OVERRIDE_RULE_ID));

          if (!check_owner (self, portfolio, plan, items[i], display, path, error))
            return FALSE;
        }
    }
  return TRUE;
}
