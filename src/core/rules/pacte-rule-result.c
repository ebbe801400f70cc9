/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-rule-result.c: a rule's result for a plan (PacteRuleResult).  The
 * object stays the same across evaluations; only the properties that really
 * change are notified, so the light bound to it redraws only when needed. */
#include "config.h"

#include <string.h>

#include "pacte-checks-private.h"

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

PacteRuleResult *
pacte_rule_result_new (PacteRuleSet *rules,
                       guint         index,
                       int           lang)
{
  PacteRuleResult *self = g_object_new (PACTE_TYPE_RULE_RESULT, NULL);

  self->rules = g_object_ref (rules);
  self->index = index;
  self->lang = lang;
  return self;
}

static void
set_fix (PacteRuleResult        *self,
         const PacteRuleOutcome *outcome)
{
  PacteRecord *record = outcome->fix.kind != PACTE_FIX_NONE ? outcome->fix.record : NULL;

  /* Not a property: read when a light is activated. */
  self->fix_kind = outcome->fix.kind;
  self->fix_field = outcome->fix.field;
  if (record != self->fix_record)
    {
      g_clear_object (&self->fix_record);
      self->fix_record = record != NULL ? g_object_ref (record) : NULL;
    }
}

void
pacte_rule_result_fill (PacteRuleResult        *self,
                        const PacteRuleOutcome *outcome)
{
  self->status = outcome->status;
  g_free (self->explanation);
  self->explanation = g_strdup (outcome->explanation);
  set_fix (self, outcome);
}

/* Returns TRUE when the status changed. */
gboolean
pacte_rule_result_update (PacteRuleResult        *self,
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
  set_fix (self, outcome);
  g_object_thaw_notify (G_OBJECT (self));
  return status_changed;
}

void
pacte_rule_result_set_lang (PacteRuleResult *self,
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

