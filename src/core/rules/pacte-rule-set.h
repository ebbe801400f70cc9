/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-rule-set.h: the rules as data (data/rules/golden-rules.json), in
 * every language of the table, and the lights they give. */
#pragma once

#include "pacte-portfolio.h"

G_BEGIN_DECLS

typedef enum {
  PACTE_STATUS_GREEN,
  PACTE_STATUS_AMBER,
  PACTE_STATUS_RED,
  PACTE_STATUS_OFF,
} PacteStatus;

GType        pacte_status_get_type     (void); /* G_DEFINE_ENUM_TYPE in pacte-engine.c */
#define PACTE_TYPE_STATUS (pacte_status_get_type ())
const char  *pacte_status_to_string    (PacteStatus status);  /* "green" … "off" (not translated) */
gboolean     pacte_status_from_string  (const char *text, PacteStatus *out);
/* The word shown beside a light, in lang ("en"/"fr"): "Green"/"Vert"… */
const char  *pacte_status_display_name (PacteStatus status, const char *lang);

#define PACTE_RULES_ERROR (pacte_rules_error_quark ())
GQuark pacte_rules_error_quark (void);
typedef enum {
  PACTE_RULES_ERROR_INVALID,   /* a rule file that does not follow docs/rules.md */
} PacteRulesError;

#define PACTE_TYPE_RULE_SET (pacte_rule_set_get_type ())
G_DECLARE_FINAL_TYPE (PacteRuleSet, pacte_rule_set, PACTE, RULE_SET, GObject)

/* The default sixteen rules, from the resource bundle.  Never fails. */
PacteRuleSet *pacte_rule_set_get_default    (void); /* transfer none, a singleton */
PacteRuleSet *pacte_rule_set_new_from_bytes (GBytes       *json,
                                             const char   *display_name,
                                             GError      **error);
PacteRuleSet *pacte_rule_set_new_from_file  (GFile        *file,
                                             GError      **error);

guint        pacte_rule_set_get_n_rules    (PacteRuleSet *self);
int          pacte_rule_set_find           (PacteRuleSet *self, const char *rule_id); /* index or -1 */
gboolean     pacte_rule_set_has_rule       (PacteRuleSet *self, const char *rule_id);
gboolean     pacte_rule_set_has_param      (PacteRuleSet *self, const char *rule_id, const char *param);
const char  *pacte_rule_set_get_id         (PacteRuleSet *self, guint index);  /* "R01" */
guint        pacte_rule_set_get_number     (PacteRuleSet *self, guint index);  /* 1 */
/* Texts in lang "en" or "fr" (anything else: "en"). */
const char  *pacte_rule_set_get_title      (PacteRuleSet *self, guint index, const char *lang);
const char  *pacte_rule_set_get_statement  (PacteRuleSet *self, guint index, const char *lang);
const char  *pacte_rule_set_get_advice     (PacteRuleSet *self, guint index, const char *lang);
/* Parameters of a rule: NULL-terminated names, and default values. */
const char * const *pacte_rule_set_get_param_names   (PacteRuleSet *self, guint index);
double       pacte_rule_set_get_param_default (PacteRuleSet *self, guint index, const char *param);

/* What a rule's parameters must meet (the rule file's "param_limits"):
 * values holds one number per parameter, in the order of
 * pacte_rule_set_get_param_names().  FALSE when a limit is broken; broken
 * (may be NULL) then says which: param must be at most (at_most) or at least
 * bound, the value of the parameter other (or a number, other = -1). */
typedef struct {
  guint    param;
  gboolean at_most;
  int      other;
  double   bound;
} PacteParamBreak;

gboolean     pacte_rule_set_check_params   (PacteRuleSet    *self,
                                            guint            index,
                                            const double    *values,
                                            PacteParamBreak *broken);
/* A parameter's number bounds (-INFINITY, INFINITY when it has none). */
void         pacte_rule_set_get_param_range (PacteRuleSet   *self,
                                             guint           index,
                                             const char     *param,
                                             double         *min,
                                             double         *max);
/* The portfolio's rule_settings and every plan's rule_overrides, each with
 * the values it leaves in effect, against the limits: FALSE with
 * "display: plans[0].rule_overrides.R09.params: …" at the first that
 * contradicts itself (a load error). */
gboolean     pacte_rule_set_check_portfolio (PacteRuleSet   *self,
                                             PactePortfolio *portfolio,
                                             const char     *display,
                                             GError        **error);

G_END_DECLS
