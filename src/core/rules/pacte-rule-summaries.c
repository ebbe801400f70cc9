/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-rule-summaries.c: each plan's summary of what its checks found
 * (pacte-rule-summaries.h), kept current through the portfolio's
 * "record-changed".  The engine (pacte-engine.c) reads and fills them. */
#include "config.h"

#include "pacte-rule-summaries-private.h"

struct _PacteRuleSummaries
{
  GObject         parent_instance;

  PacteRuleSet   *rules;
  GThread        *thread;
  guint           n_rules;
  guint          *param_offsets;  /* per rule, into a summary's params */
  guint           n_params;
  gsize           block_size;     /* one summary's allocation */
  guint           epoch;          /* a new one forgets every summary */
  GHashTable     *plans;          /* PactePlan* (weak) -> PactePlanSummary* */
  GHashTable     *partner_gens;   /* PacteRecord* -> generation (GUINT) */
  guint64         n_runs;
};

G_DEFINE_FINAL_TYPE (PacteRuleSummaries, pacte_rule_summaries, G_TYPE_OBJECT)

static GQuark
summaries_quark (void)
{
  return g_quark_from_static_string ("pacte-rule-summaries");
}

/* A summary's per-rule flags, rounded up so that what follows is aligned. */
static gsize
known_size (guint n_rules)
{
  return ((gsize) n_rules + 7) & ~(gsize) 7;
}

static void
summary_free (gpointer data)
{
  PactePlanSummary *summary = data;

  g_free (summary->partners);
  g_free (summary->partner_gens);
  for (guint r = 0; r < summary->n_rules; r++)
    g_free (summary->failures[r]);
  g_free (summary);
}

static void
plan_finalized (gpointer  data,
                GObject  *where_the_object_was)
{
  PacteRuleSummaries *self = data;

  g_hash_table_remove (self->plans, where_the_object_was);
}

static guint
partner_gen (PacteRuleSummaries *self,
             PacteRecord        *partner)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->partner_gens, partner));
}

static void
forget_all (PacteRuleSummaries *self)
{
  self->epoch++;
  /* Generations only compare within an epoch. */
  g_hash_table_remove_all (self->partner_gens);
}

static gboolean
is_rule_setting (PactePortfolio *portfolio,
                 PacteRecord    *record,
                 guint           field)
{
  if (record == PACTE_RECORD (portfolio))
    return field == PACTE_PORTFOLIO_RULE_SETTINGS;
  return PACTE_IS_OVERRIDE (record) && pacte_record_get_parent (record) == PACTE_RECORD (portfolio);
}

static void
record_changed (PacteRuleSummaries *self,
                PactePortfolio     *portfolio,
                PacteRecord        *owner,
                PacteRecord        *record,
                guint               field)
{
  if (PACTE_IS_PLAN (owner))
    {
      PactePlanSummary *summary = g_hash_table_lookup (self->plans, owner);

      if (summary != NULL)
        summary->valid = FALSE;
    }
  else if (PACTE_IS_PARTNER (owner))
    {
      /* A new id changes which plans name the partner. */
      if (record == owner && field == PACTE_PARTNER_ID)
        forget_all (self);
      else
        g_hash_table_insert (self->partner_gens, owner,
                             GUINT_TO_POINTER (partner_gen (self, owner) + 1));
    }
  /* The portfolio's rule settings change parameters (compared at each
   * evaluation) or switch rules off (never summarized). */
  else if (!is_rule_setting (portfolio, record, field))
    forget_all (self);
}

/* An emission hook rather than a handler: it runs before every handler of
 * "record-changed", so that none of them, evaluating at once, reads a
 * summary the edit made stale. */
static gboolean
record_changed_hook (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               data)
{
  PactePortfolio *portfolio = g_value_get_object (&values[0]);
  PacteRuleSummaries *self = g_object_get_qdata (G_OBJECT (portfolio), summaries_quark ());

  if (self != NULL)
    record_changed (self, portfolio, g_value_get_object (&values[1]),
                    g_value_get_object (&values[2]), g_value_get_uint (&values[3]));
  return TRUE;
}

PacteRuleSummaries *
pacte_rule_summaries_lookup (PactePortfolio *portfolio,
                             PacteRuleSet   *rules)
{
  PacteRuleSummaries *self;

  if (portfolio == NULL)
    return NULL;
  self = g_object_get_qdata (G_OBJECT (portfolio), summaries_quark ());
  if (self == NULL || self->rules != rules || self->thread != g_thread_self ())
    return NULL;
  return self;
}

PactePlanSummary *
pacte_rule_summaries_get (PacteRuleSummaries *self,
                          PactePlan          *plan,
                          guint32             today)
{
  PactePlanSummary *summary = g_hash_table_lookup (self->plans, plan);

  if (summary == NULL || !summary->valid || summary->epoch != self->epoch || summary->today != today)
    return NULL;
  for (guint i = 0; i < summary->n_partners; i++)
    if (summary->partner_gens[i] != partner_gen (self, summary->partners[i]))
      return NULL;
  return summary;
}

PactePlanSummary *
pacte_rule_summaries_reset (PacteRuleSummaries  *self,
                            PactePlan           *plan,
                            guint32              today,
                            PacteRecord * const *partners,
                            guint                n_partners)
{
  PactePlanSummary *summary = g_hash_table_lookup (self->plans, plan);

  if (summary == NULL)
    {
      /* Not cleared: known[] is below, and a rule's decision and failure
       * are written before they are read. */
      char *block = g_malloc (self->block_size);
      gsize offset = sizeof (PactePlanSummary);

      summary = (PactePlanSummary *) block;
      summary->partners = NULL;
      summary->partner_gens = NULL;
      summary->known = (guint8 *) (block + offset);
      offset += known_size (self->n_rules);
      summary->params = (double *) (block + offset);
      offset += self->n_params * sizeof (double);
      summary->failures = (PacteCheckFailure **) (block + offset);
      offset += self->n_rules * sizeof (PacteCheckFailure *);
      summary->n_rules = self->n_rules;
      memset (summary->failures, 0, self->n_rules * sizeof (PacteCheckFailure *));
      summary->decisions = (PacteRuleDecision *) (block + offset);
      g_hash_table_insert (self->plans, plan, summary);
      g_object_weak_ref (G_OBJECT (plan), plan_finalized, self);
    }
  summary->today = today;
  summary->epoch = self->epoch;
  summary->valid = TRUE;
  memset (summary->known, 0, self->n_rules);
  summary->partners = g_renew (PacteRecord *, summary->partners, n_partners);
  summary->partner_gens = g_renew (guint, summary->partner_gens, n_partners);
  summary->n_partners = n_partners;
  for (guint i = 0; i < n_partners; i++)
    {
      summary->partners[i] = partners[i];
      summary->partner_gens[i] = partner_gen (self, partners[i]);
    }
  return summary;
}

void
pacte_rule_summaries_keep_failure (PactePlanSummary        *summary,
                                   guint                    rule,
                                   const PacteCheckFailure *failure)
{
  if (failure == NULL)
    {
      g_clear_pointer (&summary->failures[rule], g_free);
      return;
    }
  if (summary->failures[rule] == NULL)
    summary->failures[rule] = g_new (PacteCheckFailure, 1);
  *summary->failures[rule] = *failure;
}

guint
pacte_rule_summaries_param_offset (PacteRuleSummaries *self,
                                   guint               rule)
{
  return self->param_offsets[rule];
}

void
pacte_rule_summaries_count_run (PacteRuleSummaries *self)
{
  self->n_runs++;
}

guint64
pacte_rule_summaries_get_n_runs (PacteRuleSummaries *self)
{
  g_return_val_if_fail (PACTE_IS_RULE_SUMMARIES (self), 0);
  return self->n_runs;
}

PacteRuleSummaries *
pacte_rule_summaries_attach (PactePortfolio *portfolio,
                             PacteRuleSet   *rules)
{
  static gsize hook_added;
  PacteRuleSummaries *self;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (PACTE_IS_RULE_SET (rules), NULL);

  self = g_object_get_qdata (G_OBJECT (portfolio), summaries_quark ());
  if (self != NULL && self->rules == rules)
    {
      /* Made by the thread that loaded the portfolio and handed it over. */
      self->thread = g_thread_self ();
      return g_object_ref (self);
    }

  self = g_object_new (PACTE_TYPE_RULE_SUMMARIES, NULL);
  self->rules = g_object_ref (rules);
  self->thread = g_thread_self ();
  self->n_rules = pacte_rule_set_get_n_rules (rules);
  self->param_offsets = g_new0 (guint, MAX (self->n_rules, 1));
  for (guint r = 0; r < self->n_rules; r++)
    {
      self->param_offsets[r] = self->n_params;
      self->n_params += pacte_rule_set_get_rule (rules, r)->n_params;
    }
  self->block_size = sizeof (PactePlanSummary)
                     + known_size (self->n_rules)
                     + self->n_params * sizeof (double)
                     + self->n_rules * sizeof (PacteCheckFailure *)
                     + self->n_rules * sizeof (PacteRuleDecision);
  if (g_once_init_enter (&hook_added))
    {
      guint signal_id = g_signal_lookup ("record-changed", PACTE_TYPE_PORTFOLIO);

      g_signal_add_emission_hook (signal_id, 0, record_changed_hook, NULL, NULL);
      g_once_init_leave (&hook_added, 1);
    }
  /* The portfolio owns them (and drops those of another rule set). */
  g_object_set_qdata_full (G_OBJECT (portfolio), summaries_quark (),
                           g_object_ref (self), g_object_unref);
  return self;
}

void
pacte_rule_summaries_make (PactePortfolio *portfolio,
                           PacteRuleSet   *rules,
                           guint32         today,
                           GCancellable   *cancellable)
{
  g_autoptr(PacteRuleSummaries) self = NULL;
  GListModel *plans;
  guint n_plans;

  g_return_if_fail (PACTE_IS_PORTFOLIO (portfolio));
  g_return_if_fail (PACTE_IS_RULE_SET (rules));
  g_return_if_fail (today != 0);

  self = pacte_rule_summaries_attach (portfolio, rules);
  plans = pacte_portfolio_get_plans (portfolio);
  n_plans = g_list_model_get_n_items (plans);
  for (guint i = 0; i < n_plans && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);

      pacte_evaluate_plan_with (rules, portfolio, plan, today, NULL, NULL, self);
    }
}

void
pacte_rule_summaries_make_plan (PacteRuleSummaries *self,
                                PactePortfolio     *portfolio,
                                PactePlan          *plan,
                                guint32             today)
{
  g_return_if_fail (PACTE_IS_RULE_SUMMARIES (self));
  g_return_if_fail (self->thread == g_thread_self ());
  g_return_if_fail (PACTE_IS_PORTFOLIO (portfolio));
  g_return_if_fail (PACTE_IS_PLAN (plan));
  g_return_if_fail (today != 0);

  pacte_evaluate_plan_with (self->rules, portfolio, plan, today, NULL, NULL, self);
}

static void
pacte_rule_summaries_dispose (GObject *object)
{
  PacteRuleSummaries *self = PACTE_RULE_SUMMARIES (object);
  GHashTableIter iter;
  gpointer plan;

  g_hash_table_iter_init (&iter, self->plans);
  while (g_hash_table_iter_next (&iter, &plan, NULL))
    g_object_weak_unref (G_OBJECT (plan), plan_finalized, self);
  g_hash_table_remove_all (self->plans);
  g_hash_table_remove_all (self->partner_gens);

  G_OBJECT_CLASS (pacte_rule_summaries_parent_class)->dispose (object);
}

static void
pacte_rule_summaries_finalize (GObject *object)
{
  PacteRuleSummaries *self = PACTE_RULE_SUMMARIES (object);

  g_clear_object (&self->rules);
  g_clear_pointer (&self->param_offsets, g_free);
  g_clear_pointer (&self->plans, g_hash_table_unref);
  g_clear_pointer (&self->partner_gens, g_hash_table_unref);

  G_OBJECT_CLASS (pacte_rule_summaries_parent_class)->finalize (object);
}

static void
pacte_rule_summaries_class_init (PacteRuleSummariesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pacte_rule_summaries_dispose;
  object_class->finalize = pacte_rule_summaries_finalize;
}

static void
pacte_rule_summaries_init (PacteRuleSummaries *self)
{
  self->plans = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, summary_free);
  self->partner_gens = g_hash_table_new (g_direct_hash, g_direct_equal);
}
