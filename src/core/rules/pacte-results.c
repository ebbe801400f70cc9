/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-results.c: a rule's result for a plan (PacteRuleResult), and a plan's
 * results as a GListModel with a score (PactePlanResults).  The objects stay
 * the same across evaluations; only the properties that really change are
 * notified, so the lights bound to them redraw only when needed. */
#include "config.h"

#include <string.h>

#include "pacte-checks-private.h"

/* ==== PacteRuleResult =================================================== */

struct _PacteRuleResult
{
  GObject       parent_instance;

  PacteRuleSet *rules;
  guint         index;
  int           lang;
  PacteStatus   status;
  char         *explanation;
  PacteFixKind  fix_kind;
  PacteRecord  *fix_record;
  int           fix_field;
};

G_DEFINE_ENUM_TYPE (PacteFixKind, pacte_fix_kind,
                    G_DEFINE_ENUM_VALUE (PACTE_FIX_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIX_FIELD, "field"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIX_ADD_ITEM, "add-item"))

enum {
  RR_PROP_0,
  RR_PROP_RULE_ID,
  RR_PROP_NUMBER,
  RR_PROP_TITLE,
  RR_PROP_STATEMENT,
  RR_PROP_ADVICE,
  RR_PROP_STATUS,
  RR_PROP_EXPLANATION,
  RR_N_PROPS
};

static GParamSpec *rr_properties[RR_N_PROPS];

G_DEFINE_FINAL_TYPE (PacteRuleResult, pacte_rule_result, G_TYPE_OBJECT)

static void
pacte_rule_result_finalize (GObject *object)
{
  PacteRuleResult *self = PACTE_RULE_RESULT (object);

  g_clear_object (&self->rules);
  g_clear_pointer (&self->explanation, g_free);
  g_clear_object (&self->fix_record);
  G_OBJECT_CLASS (pacte_rule_result_parent_class)->finalize (object);
}

static void
pacte_rule_result_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PacteRuleResult *self = PACTE_RULE_RESULT (object);

  switch (prop_id)
    {
    case RR_PROP_RULE_ID:
      g_value_set_string (value, pacte_rule_result_get_rule_id (self));
      break;
    case RR_PROP_NUMBER:
      g_value_set_uint (value, pacte_rule_result_get_number (self));
      break;
    case RR_PROP_TITLE:
      g_value_set_string (value, pacte_rule_result_get_title (self));
      break;
    case RR_PROP_STATEMENT:
      g_value_set_string (value, pacte_rule_result_get_statement (self));
      break;
    case RR_PROP_ADVICE:
      g_value_set_string (value, pacte_rule_result_get_advice (self));
      break;
    case RR_PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case RR_PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_rule_result_class_init (PacteRuleResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pacte_rule_result_finalize;
  object_class->get_property = pacte_rule_result_get_property;

  rr_properties[RR_PROP_RULE_ID] = g_param_spec_string ("rule-id", NULL, NULL, NULL, flags);
  rr_properties[RR_PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  rr_properties[RR_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  rr_properties[RR_PROP_STATEMENT] = g_param_spec_string ("statement", NULL, NULL, NULL, flags);
  rr_properties[RR_PROP_ADVICE] = g_param_spec_string ("advice", NULL, NULL, NULL, flags);
  rr_properties[RR_PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, PACTE_TYPE_STATUS,
                                                     PACTE_STATUS_OFF, flags);
  rr_properties[RR_PROP_EXPLANATION] = g_param_spec_string ("explanation", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, RR_N_PROPS, rr_properties);
}

static void
pacte_rule_result_init (PacteRuleResult *self)
{
  self->status = PACTE_STATUS_OFF;
  self->explanation = g_strdup ("");
}

static PacteRuleResult *
rule_result_new (PacteRuleSet *rules,
                 guint         index,
                 int           lang)
{
  PacteRuleResult *self = g_object_new (PACTE_TYPE_RULE_RESULT, NULL);

  self->rules = g_object_ref (rules);
  self->index = index;
  self->lang = lang;
  return self;
}

/* Returns TRUE when the status changed. */
static gboolean
rule_result_update (PacteRuleResult        *self,
                    const PacteRuleOutcome *outcome)
{
  gboolean status_changed = self->status != outcome->status;

  g_object_freeze_notify (G_OBJECT (self));
  if (status_changed)
    {
      self->status = outcome->status;
      g_object_notify_by_pspec (G_OBJECT (self), rr_properties[RR_PROP_STATUS]);
    }
  if (strcmp (self->explanation, outcome->explanation) != 0)
    {
      g_free (self->explanation);
      self->explanation = g_strdup (outcome->explanation);
      g_object_notify_by_pspec (G_OBJECT (self), rr_properties[RR_PROP_EXPLANATION]);
    }
  /* Not a property: read when a light is activated. */
  self->fix_kind = outcome->fix.kind;
  self->fix_field = outcome->fix.field;
  {
    PacteRecord *record = outcome->fix.kind != PACTE_FIX_NONE ? outcome->fix.record : NULL;

    if (record != self->fix_record)
      {
        g_clear_object (&self->fix_record);
        self->fix_record = record != NULL ? g_object_ref (record) : NULL;
      }
  }
  g_object_thaw_notify (G_OBJECT (self));
  return status_changed;
}

static void
rule_result_set_lang (PacteRuleResult *self,
                      int              lang)
{
  if (self->lang == lang)
    return;
  self->lang = lang;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), rr_properties[RR_PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), rr_properties[RR_PROP_STATEMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), rr_properties[RR_PROP_ADVICE]);
  g_object_thaw_notify (G_OBJECT (self));
}

static const char *
lang_code (int lang)
{
  return pacte_lang_code (lang);
}

const char *
pacte_rule_result_get_rule_id (PacteRuleResult *self)
{
  g_return_val_if_fail (PACTE_IS_RULE_RESULT (self), NULL);
  return pacte_rule_set_get_id (self->rules, self->index);
}

guint
pacte_rule_result_get_number (PacteRuleResult *self)
{
  g_return_val_if_fail (PACTE_IS_RULE_RESULT (self), 0);
  return pacte_rule_set_get_number (self->rules, self->index);
}

const char *
pacte_rule_result_get_title (PacteRuleResult *self)
{
  g_return_val_if_fail (PACTE_IS_RULE_RESULT (self), NULL);
  return pacte_rule_set_get_title (self->rules, self->index, lang_code (self->lang));
}

const char *
pacte_rule_result_get_statement (PacteRuleResult *self)
{
  g_return_val_if_fail (PACTE_IS_RULE_RESULT (self), NULL);
  return pacte_rule_set_get_statement (self->rules, self->index, lang_code (self->lang));
}

const char *
pacte_rule_result_get_advice (PacteRuleResult *self)
{
  g_return_val_if_fail (PACTE_IS_RULE_RESULT (self), NULL);
  return pacte_rule_set_get_advice (self->rules, self->index, lang_code (self->lang));
}

PacteStatus
pacte_rule_result_get_status (PacteRuleResult *self)
{
  g_return_val_if_fail (PACTE_IS_RULE_RESULT (self), PACTE_STATUS_OFF);
  return self->status;
}

const char *
pacte_rule_result_get_explanation (PacteRuleResult *self)
{
  g_return_val_if_fail (PACTE_IS_RULE_RESULT (self), NULL);
  return self->explanation;
}

PacteFixKind
pacte_rule_result_get_fix_kind (PacteRuleResult *self)
{
  g_return_val_if_fail (PACTE_IS_RULE_RESULT (self), PACTE_FIX_NONE);
  return self->fix_record != NULL ? self->fix_kind : PACTE_FIX_NONE;
}

PacteRecord *
pacte_rule_result_get_fix_record (PacteRuleResult *self)
{
  g_return_val_if_fail (PACTE_IS_RULE_RESULT (self), NULL);
  return self->fix_record;
}

const char *
pacte_rule_result_get_fix_field (PacteRuleResult *self)
{
  g_return_val_if_fail (PACTE_IS_RULE_RESULT (self), NULL);
  if (self->fix_record == NULL || self->fix_field < 0)
    return NULL;
  return pacte_record_get_field_info (self->fix_record, (guint) self->fix_field)->property;
}

/* ==== PactePlanResults ================================================== */

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
    self->results[i] = rule_result_new (rules, i, pacte_lang_index (lang));
  return self;
}

void
pacte_plan_results_update (PactePlanResults       *self,
                           const PacteRuleOutcome *outcomes,
                           int                     score)
{
  g_return_if_fail (PACTE_IS_PLAN_RESULTS (self));

  for (guint i = 0; i < self->n_results; i++)
    rule_result_update (self->results[i], &outcomes[i]);
  if (self->score != score)
    {
      self->score = score;
      g_object_notify_by_pspec (G_OBJECT (self), pr_properties[PR_PROP_SCORE]);
    }
}

void
pacte_plan_results_set_language (PactePlanResults *self,
                                 const char       *lang)
{
  g_return_if_fail (PACTE_IS_PLAN_RESULTS (self));

  for (guint i = 0; i < self->n_results; i++)
    rule_result_set_lang (self->results[i], pacte_lang_index (lang));
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
    if (self->results[i]->status == status)
      n++;
  return n;
}
