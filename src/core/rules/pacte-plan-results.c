/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-plan-results.c: a plan's results as a GListModel of PacteRuleResult
 * with a score (PactePlanResults).  The items stay the same objects across
 * evaluations; "score" is notified only when it changes. */
#include "config.h"

#include <string.h>

#include "pacte-checks-private.h"

struct _PactePlanResults
{
  GObject           parent_instance;

  PacteRuleResult **results;
  guint             n_results;
  int               score;
};

enum {
  PR_PROP_0,
  PR_PROP_SCORE,
  PR_N_PROPS
};

static GParamSpec *pr_properties[PR_N_PROPS];

static GType
plan_results_get_item_type (GListModel *model)
{
  return PACTE_TYPE_RULE_RESULT;
}

static guint
plan_results_get_n_items (GListModel *model)
{
  return PACTE_PLAN_RESULTS (model)->n_results;
}

static gpointer
plan_results_get_item (GListModel *model,
                       guint       position)
{
  PactePlanResults *self = PACTE_PLAN_RESULTS (model);

  if (position >= self->n_results)
    return NULL;
  return g_object_ref (self->results[position]);
}

static void
plan_results_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = plan_results_get_item_type;
  iface->get_n_items = plan_results_get_n_items;
  iface->get_item = plan_results_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (PactePlanResults, pacte_plan_results, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, plan_results_list_model_init))

static void
pacte_plan_results_finalize (GObject *object)
{
  PactePlanResults *self = PACTE_PLAN_RESULTS (object);

  for (guint i = 0; i < self->n_results; i++)
    g_object_unref (self->results[i]);
  g_free (self->results);
  G_OBJECT_CLASS (pacte_plan_results_parent_class)->finalize (object);
}

static void
pacte_plan_results_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PactePlanResults *self = PACTE_PLAN_RESULTS (object);

  switch (prop_id)
    {
    case PR_PROP_SCORE:
      g_value_set_int (value, self->score);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_plan_results_class_init (PactePlanResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pacte_plan_results_finalize;
  object_class->get_property = pacte_plan_results_get_property;

  pr_properties[PR_PROP_SCORE] =
    g_param_spec_int ("score", NULL, NULL, -1, 100, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, PR_N_PROPS, pr_properties);
}

static void
pacte_plan_results_init (PactePlanResults *self)
{
  self->score = -1;
}

PactePlanResults *
pacte_plan_results_new (PacteRuleSet *rules,
                        const char   *lang)
{
  PactePlanResults *self = g_object_new (PACTE_TYPE_PLAN_RESULTS, NULL);

  self->n_results = pacte_rule_set_get_n_rules (rules);
  self->results = g_new0 (PacteRuleResult *, MAX (self->n_results, 1));
  for (guint i = 0; i < self->n_results; i++)
    self->results[i] = pacte_rule_result_new (rules, i, pacte_lang_index (lang));
  return self;
}

void
pacte_plan_results_update (PactePlanResults       *self,
                           const PacteRuleOutcome *outcomes,
                           int                     score)
{
  g_return_if_fail (PACTE_IS_PLAN_RESULTS (self));

  for (guint i = 0; i < self->n_results; i++)
    pacte_rule_result_update (self->results[i], &outcomes[i]);
  if (self->score != score)
    {
      self->score = score;
      g_object_notify_by_pspec (G_OBJECT (self), pr_properties[PR_PROP_SCORE]);
    }
}

void
pacte_plan_results_fill (PactePlanResults       *self,
                         const PacteRuleOutcome *outcomes,
                         int                     score)
{
  g_return_if_fail (PACTE_IS_PLAN_RESULTS (self));

  for (guint i = 0; i < self->n_results; i++)
    pacte_rule_result_fill (self->results[i], &outcomes[i]);
  self->score = score;
}

void
pacte_plan_results_set_language (PactePlanResults *self,
                                 const char       *lang)
{
  g_return_if_fail (PACTE_IS_PLAN_RESULTS (self));

  for (guint i = 0; i < self->n_results; i++)
    pacte_rule_result_set_lang (self->results[i], pacte_lang_index (lang));
}

int
pacte_plan_results_get_score (PactePlanResults *self)
{
  g_return_val_if_fail (PACTE_IS_PLAN_RESULTS (self), -1);
  return self->score;
}

PacteRuleResult *
pacte_plan_results_get_result (PactePlanResults *self,
                               guint             index)
{
  g_return_val_if_fail (PACTE_IS_PLAN_RESULTS (self), NULL);
  g_return_val_if_fail (index < self->n_results, NULL);
  return self->results[index];
}

guint
pacte_plan_results_count (PactePlanResults *self,
                          PacteStatus       status)
{
  guint n = 0;

  g_return_val_if_fail (PACTE_IS_PLAN_RESULTS (self), 0);
  for (guint i = 0; i < self->n_results; i++)
    if (pacte_rule_result_get_status (self->results[i]) == status)
      n++;
  return n;
}
