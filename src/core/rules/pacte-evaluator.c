/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-evaluator.c: keeps every plan's results current while the portfolio
 * is edited.  Edits only mark plans dirty; one idle per main-loop iteration,
 * before the redraw, re-evaluates them. */
#include "config.h"

#include "pacte-checks-private.h"

#define EVALUATE_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)

struct _PacteEvaluator
{
  GObject           parent_instance;

  PactePortfolio   *portfolio;
  PacteRuleSet     *rules;
  guint32           today;
  char             *lang;

  GHashTable       *results;        /* PactePlan* (weak) -> PactePlanResults* */
  GHashTable       *dirty;          /* set of PactePlan* with results */
  GHashTable       *by_partner;     /* partner id -> GPtrArray of PactePlan* (not owned) */
  gboolean          by_partner_stale;
  guint             idle_id;
  gulong            changed_id;
  guint64           n_evaluations;
  PacteRuleOutcome *outcomes;
  /* What each plan's checks found: an evaluation after an edit, a change of
   * language or of a rule's setting reruns only what the change touched. */
  PacteRuleSummaries *summaries;
};

enum {
  PROP_0,
  PROP_PORTFOLIO,
  PROP_RULES,
  PROP_TODAY,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PacteEvaluator, pacte_evaluator, G_TYPE_OBJECT)

static void plan_finalized (gpointer  data,
                            GObject  *where_the_object_was);

/* fresh: results just made, which nobody holds yet. */
static void
evaluate_into (PacteEvaluator   *self,
               PactePlan        *plan,
               PactePlanResults *results,
               gboolean          fresh)
{
  int score = pacte_evaluate_plan (self->rules, self->portfolio, plan, self->today,
                                   self->lang, self->outcomes);

  self->n_evaluations++;
  if (fresh)
    pacte_plan_results_fill (results, self->outcomes, score);
  else
    pacte_plan_results_update (results, self->outcomes, score);
}

static void
evaluate (PacteEvaluator   *self,
          PactePlan        *plan,
          PactePlanResults *results)
{
  evaluate_into (self, plan, results, FALSE);
}

static gboolean
plan_in_portfolio (PacteEvaluator *self,
                   PactePlan      *plan)
{
  return pacte_record_get_parent (PACTE_RECORD (plan)) == PACTE_RECORD (self->portfolio);
}

static void
forget_plan (PacteEvaluator *self,
             PactePlan      *plan)
{
  g_object_weak_unref (G_OBJECT (plan), plan_finalized, self);
  g_hash_table_remove (self->dirty, plan);
  g_hash_table_remove (self->results, plan);
  self->by_partner_stale = TRUE;
}

static void
plan_finalized (gpointer  data,
                GObject  *where_the_object_was)
{
  PacteEvaluator *self = data;

  g_hash_table_remove (self->dirty, where_the_object_was);
  g_hash_table_remove (self->results, where_the_object_was);
  self->by_partner_stale = TRUE;
}

/* Runs the pending evaluations. */
void
pacte_evaluator_flush (PacteEvaluator *self)
{
  g_autoptr(GPtrArray) plans = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (PACTE_IS_EVALUATOR (self));

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (g_hash_table_size (self->dirty) == 0)
    return;

  plans = g_ptr_array_sized_new (g_hash_table_size (self->dirty));
  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (plans, key);
  g_hash_table_remove_all (self->dirty);
  for (guint i = 0; i < plans->len; i++)
    {
      PactePlan *plan = g_ptr_array_index (plans, i);
      PactePlanResults *results = g_hash_table_lookup (self->results, plan);

      if (results == NULL)
        continue;
      /* A plan removed from the portfolio has no results any more. */
      if (!plan_in_portfolio (self, plan))
        {
          forget_plan (self, plan);
          continue;
        }
      evaluate (self, plan, results);
    }
}

static gboolean
evaluate_idle (gpointer data)
{
  PacteEvaluator *self = data;

  self->idle_id = 0;
  pacte_evaluator_flush (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (PacteEvaluator *self)
{
  if (self->idle_id == 0 && g_hash_table_size (self->dirty) > 0)
    {
      self->idle_id = g_idle_add_full (EVALUATE_PRIORITY, evaluate_idle, self, NULL);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->idle_id),
                                "[pacte] evaluate rules");
    }
}

static void
mark_dirty (PacteEvaluator *self,
            PactePlan      *plan)
{
  if (g_hash_table_contains (self->results, plan))
    g_hash_table_add (self->dirty, plan);
}

static void
mark_all_dirty (PacteEvaluator *self)
{
  GHashTableIter iter;
  gpointer plan;

  g_hash_table_iter_init (&iter, self->results);
  while (g_hash_table_iter_next (&iter, &plan, NULL))
    g_hash_table_add (self->dirty, plan);
}

/* partner id -> plans that name it, for the plans that have results. */
static void
rebuild_by_partner (PacteEvaluator *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_remove_all (self->by_partner);
  g_hash_table_iter_init (&iter, self->results);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char * const *ids = pacte_record_get_strv (PACTE_RECORD (key), PACTE_PLAN_PARTNERS);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          GPtrArray *plans = g_hash_table_lookup (self->by_partner, ids[i]);

          if (plans == NULL)
            {
              plans = g_ptr_array_new ();
              g_hash_table_insert (self->by_partner, g_strdup (ids[i]), plans);
            }
          if (!g_ptr_array_find (plans, key, NULL))
            g_ptr_array_add (plans, key);
        }
    }
  self->by_partner_stale = FALSE;
}

static void
record_changed_cb (PactePortfolio *portfolio,
                   PacteRecord    *owner,
                   PacteRecord    *record,
                   guint           field,
                   PacteEvaluator *self)
{
  if (PACTE_IS_PLAN (owner))
    {
      if (record == owner && field == PACTE_PLAN_PARTNERS)
        self->by_partner_stale = TRUE;
      mark_dirty (self, PACTE_PLAN (owner));
    }
  else if (PACTE_IS_PARTNER (owner))
    {
      GPtrArray *plans;

      if (record == owner && field == PACTE_PARTNER_ID)
        {
          /* The plans still name the old id: re-evaluate them all. */
          self->by_partner_stale = TRUE;
          mark_all_dirty (self);
        }
      else
        {
          if (self->by_partner_stale)
            rebuild_by_partner (self);
          plans = g_hash_table_lookup (self->by_partner,
                                       pacte_record_get_string (owner, PACTE_PARTNER_ID));
          for (guint i = 0; plans != NULL && i < plans->len; i++)
            mark_dirty (self, g_ptr_array_index (plans, i));
        }
    }
  else
    {
      /* meta, rule_settings, partners or plans added or removed. */
      self->by_partner_stale = TRUE;
      mark_all_dirty (self);
    }
  schedule (self);
}

PactePlanResults *
pacte_evaluator_get_results (PacteEvaluator *self,
                             PactePlan      *plan)
{
  PactePlanResults *results;

  g_return_val_if_fail (PACTE_IS_EVALUATOR (self), NULL);
  g_return_val_if_fail (PACTE_IS_PLAN (plan), NULL);

  results = g_hash_table_lookup (self->results, plan);
  if (results != NULL)
    {
      /* Pending work for this plan is done now, so the caller sees it current. */
      if (g_hash_table_remove (self->dirty, plan))
        evaluate (self, plan, results);
      return results;
    }

  results = pacte_plan_results_new (self->rules, self->lang);
  g_hash_table_insert (self->results, plan, results);
  g_object_weak_ref (G_OBJECT (plan), plan_finalized, self);
  self->by_partner_stale = TRUE;
  evaluate_into (self, plan, results, TRUE);
  return results;
}

void
pacte_evaluator_set_today (PacteEvaluator *self,
                           guint32         today)
{
  g_return_if_fail (PACTE_IS_EVALUATOR (self));
  g_return_if_fail (today != 0);

  if (self->today == today)
    return;
  self->today = today;
  mark_all_dirty (self);
  schedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

static void
set_language (PacteEvaluator *self,
              const char     *lang)
{
  const char *code = pacte_lang_code (pacte_lang_index (lang));
  GHashTableIter iter;
  gpointer results;

  if (g_strcmp0 (self->lang, code) == 0)
    return;
  g_free (self->lang);
  self->lang = g_strdup (code);
  g_hash_table_iter_init (&iter, self->results);
  while (g_hash_table_iter_next (&iter, NULL, &results))
    pacte_plan_results_set_language (results, code);
  mark_all_dirty (self);
  schedule (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

guint64
pacte_evaluator_get_n_evaluations (PacteEvaluator *self)
{
  g_return_val_if_fail (PACTE_IS_EVALUATOR (self), 0);
  return self->n_evaluations;
}

PacteEvaluator *
pacte_evaluator_new (PactePortfolio *portfolio,
                     PacteRuleSet   *rules,
                     guint32         today,
                     const char     *lang)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (rules == NULL || PACTE_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (today != 0, NULL);

  return g_object_new (PACTE_TYPE_EVALUATOR,
                       "portfolio", portfolio,
                       "rules", rules != NULL ? rules : pacte_rule_set_get_default (),
                       "today", today,
                       "language", lang,
                       NULL);
}

/* ---- GObject ------------------------------------------------------------ */

static void
pacte_evaluator_constructed (GObject *object)
{
  PacteEvaluator *self = PACTE_EVALUATOR (object);

  G_OBJECT_CLASS (pacte_evaluator_parent_class)->constructed (object);

  if (self->rules == NULL)
    self->rules = g_object_ref (pacte_rule_set_get_default ());
  if (self->lang == NULL)
    self->lang = g_strdup ("en");
  self->outcomes = g_new0 (PacteRuleOutcome, MAX (pacte_rule_set_get_n_rules (self->rules), 1));
  if (self->portfolio != NULL)
    {
      self->summaries = pacte_rule_summaries_attach (self->portfolio, self->rules);
      self->changed_id = g_signal_connect (self->portfolio, "record-changed",
                                           G_CALLBACK (record_changed_cb), self);
    }
}

static void
pacte_evaluator_dispose (GObject *object)
{
  PacteEvaluator *self = PACTE_EVALUATOR (object);
  GHashTableIter iter;
  gpointer plan;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->portfolio);
  g_hash_table_iter_init (&iter, self->results);
  while (g_hash_table_iter_next (&iter, &plan, NULL))
    g_object_weak_unref (G_OBJECT (plan), plan_finalized, self);
  g_hash_table_remove_all (self->dirty);
  g_hash_table_remove_all (self->by_partner);
  g_hash_table_remove_all (self->results);
  g_clear_object (&self->summaries);
  g_clear_object (&self->portfolio);

  G_OBJECT_CLASS (pacte_evaluator_parent_class)->dispose (object);
}

static void
pacte_evaluator_finalize (GObject *object)
{
  PacteEvaluator *self = PACTE_EVALUATOR (object);

  g_clear_object (&self->rules);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->outcomes, g_free);
  g_clear_pointer (&self->results, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_pointer (&self->by_partner, g_hash_table_unref);

  G_OBJECT_CLASS (pacte_evaluator_parent_class)->finalize (object);
}

static void
pacte_evaluator_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PacteEvaluator *self = PACTE_EVALUATOR (object);

  switch (prop_id)
    {
    case PROP_PORTFOLIO:
      g_value_set_object (value, self->portfolio);
      break;
    case PROP_RULES:
      g_value_set_object (value, self->rules);
      break;
    case PROP_TODAY:
      g_value_set_uint (value, self->today);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->lang);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_evaluator_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PacteEvaluator *self = PACTE_EVALUATOR (object);

  switch (prop_id)
    {
    case PROP_PORTFOLIO:
      self->portfolio = g_value_dup_object (value);
      break;
    case PROP_RULES:
      self->rules = g_value_dup_object (value);
      break;
    case PROP_TODAY:
      if (g_value_get_uint (value) != 0)
        pacte_evaluator_set_today (self, g_value_get_uint (value));
      break;
    case PROP_LANGUAGE:
      set_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_evaluator_class_init (PacteEvaluatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pacte_evaluator_constructed;
  object_class->dispose = pacte_evaluator_dispose;
  object_class->finalize = pacte_evaluator_finalize;
  object_class->get_property = pacte_evaluator_get_property;
  object_class->set_property = pacte_evaluator_set_property;

  properties[PROP_PORTFOLIO] =
    g_param_spec_object ("portfolio", NULL, NULL, PACTE_TYPE_PORTFOLIO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULES] =
    g_param_spec_object ("rules", NULL, NULL, PACTE_TYPE_RULE_SET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_uint ("today", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacte_evaluator_init (PacteEvaluator *self)
{
  self->results = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
  self->dirty = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->by_partner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
}
