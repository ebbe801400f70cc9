/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pacte-context.h"
#include "pacte-i18n.h"

struct _PacteContext
{
  GObject         parent_instance;

  PactePortfolio *portfolio;
  PacteRuleSet   *rules;
  GSettings      *settings;
  PacteEvaluator *evaluator;
  guint32         today;
  const char     *language;  /* interned "en" or "fr" */
};

G_DEFINE_FINAL_TYPE (PacteContext, pacte_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PORTFOLIO,
  PROP_EVALUATOR,
  PROP_RULES,
  PROP_SETTINGS,
  PROP_TODAY,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pacte_context_dispose (GObject *object)
{
  PacteContext *self = PACTE_CONTEXT (object);

  g_clear_object (&self->evaluator);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->rules);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pacte_context_parent_class)->dispose (object);
}

static void
pacte_context_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PacteContext *self = PACTE_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_PORTFOLIO:
      g_value_set_object (value, self->portfolio);
      break;
    case PROP_EVALUATOR:
      g_value_set_object (value, self->evaluator);
      break;
    case PROP_RULES:
      g_value_set_object (value, self->rules);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_TODAY:
      g_value_set_uint (value, self->today);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_context_class_init (PacteContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pacte_context_dispose;
  object_class->get_property = pacte_context_get_property;

  properties[PROP_PORTFOLIO] =
    g_param_spec_object ("portfolio", NULL, NULL, PACTE_TYPE_PORTFOLIO,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVALUATOR] =
    g_param_spec_object ("evaluator", NULL, NULL, PACTE_TYPE_EVALUATOR,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULES] =
    g_param_spec_object ("rules", NULL, NULL, PACTE_TYPE_RULE_SET,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_uint ("today", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "en",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacte_context_init (PacteContext *self)
{
}

guint32
pacte_context_today_now (void)
{
  return pacte_date_today ();
}

PacteContext *
pacte_context_new (PactePortfolio *portfolio,
                   PacteRuleSet   *rules,
                   GSettings      *settings,
                   guint32         today)
{
  PacteContext *self;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (rules == NULL || PACTE_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PACTE_TYPE_CONTEXT, NULL);
  self->portfolio = g_object_ref (portfolio);
  self->rules = g_object_ref (rules != NULL ? rules : pacte_rule_set_get_default ());
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  self->today = today != 0 ? today : pacte_context_today_now ();
  self->language = g_intern_string (pacte_i18n_user_language ());
  self->evaluator = pacte_evaluator_new (self->portfolio, self->rules,
                                         self->today, self->language);
  return self;
}

PacteContext *
pacte_context_new_adopting (PacteLoadPrepared *prepared,
                            GSettings         *settings)
{
  PacteContext *self;

  g_return_val_if_fail (prepared != NULL && PACTE_IS_EVALUATOR (prepared->evaluator), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PACTE_TYPE_CONTEXT, NULL);
  self->portfolio = g_object_ref (prepared->portfolio);
  self->rules = g_object_ref (prepared->rules);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  self->today = prepared->today;
  self->language = g_intern_string (prepared->lang);
  self->evaluator = g_object_ref (prepared->evaluator);
  /* The rule summaries the evaluator made in the worker thread serve this
   * thread now (pacte-rule-summaries.h). */
  g_object_unref (pacte_rule_summaries_attach (self->portfolio, self->rules));
  return self;
}

PactePortfolio *
pacte_context_get_portfolio (PacteContext *self)
{
  g_return_val_if_fail (PACTE_IS_CONTEXT (self), NULL);
  return self->portfolio;
}

PacteEvaluator *
pacte_context_get_evaluator (PacteContext *self)
{
  g_return_val_if_fail (PACTE_IS_CONTEXT (self), NULL);
  return self->evaluator;
}

PacteRuleSet *
pacte_context_get_rules (PacteContext *self)
{
  g_return_val_if_fail (PACTE_IS_CONTEXT (self), NULL);
  return self->rules;
}

GSettings *
pacte_context_get_settings (PacteContext *self)
{
  g_return_val_if_fail (PACTE_IS_CONTEXT (self), NULL);
  return self->settings;
}

guint32
pacte_context_get_today (PacteContext *self)
{
  g_return_val_if_fail (PACTE_IS_CONTEXT (self), 0);
  return self->today;
}

const char *
pacte_context_get_language (PacteContext *self)
{
  g_return_val_if_fail (PACTE_IS_CONTEXT (self), "en");
  return self->language;
}

PactePlanResults *
pacte_context_get_results (PacteContext *self,
                           PactePlan    *plan)
{
  g_return_val_if_fail (PACTE_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (PACTE_IS_PLAN (plan), NULL);
  return pacte_evaluator_get_results (self->evaluator, plan);
}

static gpointer
release_thread (gpointer data)
{
  g_object_unref (data);
  return NULL;
}

void
pacte_context_release_in_thread (PacteContext *self)
{
  g_return_if_fail (PACTE_IS_CONTEXT (self));

  /* The evaluator's idle must not run on an evaluator going in the other
   * thread. */
  if (self->evaluator != NULL)
    pacte_evaluator_flush (self->evaluator);
  g_thread_unref (g_thread_new ("pacte-release", release_thread, self));
}
