/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-model.c: the record types of a portfolio, as field tables.
 *
 * Table conventions the loader and the saver follow:
 * - json_path is the member's path inside the record's JSON object; a dot
 *   means a nested object ("period.start" is member "start" of "period").
 * - json_path NULL (only PACTE_OVERRIDE_RULE_ID) means "the key of the
 *   object": overrides are written as { "R05": { "disabled": … } }, so the
 *   rule id is the member name of the override, not a member inside it.
 * - A STRING_MAP with choices (a review's statuses) only takes those values.
 * - required: the value must be present and non-empty (ids, names). */
#include "config.h"

#include <string.h>

#include "pacte-i18n.h"
#include "pacte-model.h"
#include "pacte-values-private.h"
#include "pacte-record-private.h"
#include "pacte-record-root.h"

G_DEFINE_QUARK (pacte-model-error-quark, pacte_model_error)

/* ---- Allowed values ---------------------------------------------------- */

const char * const pacte_segments[] = {
  "resale", "marketing-alliance", "commercial-alignment", "technology", "services", NULL
};
const char * const pacte_contact_roles[] = {
  "alliance-partner", "executive-sponsor", "champion", "legal", "sales", "marketing", "other", NULL
};
const char * const pacte_phases[] = {
  "exploration", "negotiation", "launch", "execution", "review", NULL
};
const char * const pacte_agreement_types[] = { "none", "mou", "nda", "contract", NULL };
const char * const pacte_levels[] = { "executive", "management", "operational", NULL };
const char * const pacte_audiences[] = { "internal", "external", NULL };
const char * const pacte_action_statuses[] = { "planned", "in-progress", "done", "cancelled", NULL };
const char * const pacte_event_kinds[] = { "customer-event", "webinar", "trade-show", "other", NULL };
const char * const pacte_statuses[] = { "green", "amber", "red", "off", NULL };

typedef struct
{
  const char *value;
  const char *name;
} ChoiceName;

static const ChoiceName choice_names[] = {
  /* segments */
  { "resale", N_("Resale") },
  { "marketing-alliance", N_("Marketing alliance") },
  { "commercial-alignment", N_("Commercial alignment") },
  { "technology", N_("Technology") },
  { "services", N_("Services") },
  /* contact roles */
  { "alliance-partner", N_("Alliance partner") },
  { "executive-sponsor", N_("Executive sponsor") },
  { "champion", N_("Champion") },
  { "legal", N_("Legal") },
  { "sales", N_("Sales") },
  { "marketing", N_("Marketing") },
  { "other", N_("Other") },
  /* phases */
  { "exploration", N_("Exploration") },
  { "negotiation", N_("Negotiation") },
  { "launch", N_("Launch") },
  { "execution", N_("Execution") },
  { "review", N_("Review") },
  /* agreement types */
  { "none", N_("None") },
  { "mou", N_("Memorandum of understanding") },
  { "nda", N_("Non-disclosure agreement") },
  { "contract", N_("Contract") },
  /* levels (governance, decisions) */
  { "executive", N_("Executive") },
  { "management", N_("Management") },
  { "operational", N_("Operational") },
  /* communication audiences */
  { "internal", N_("Internal") },
  { "external", N_("External") },
  /* action statuses */
  { "planned", N_("Planned") },
  { "in-progress", N_("In progress") },
  { "done", N_("Done") },
  { "cancelled", N_("Cancelled") },
  /* event kinds ("other" is above) */
  { "customer-event", N_("Customer event") },
  { "webinar", N_("Webinar") },
  { "trade-show", N_("Trade show") },
  /* light statuses */
  { "green", N_("Green") },
  { "amber", N_("Amber") },
  { "red", N_("Red") },
  { "off", N_("Off") },
  /* languages */
  { "en", N_("English") },
  { "fr", N_("French") },
};

static const char *
choice_msgid (const char *value)
{
  if (value == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (choice_names); i++)
    if (g_str_equal (choice_names[i].value, value))
      return choice_names[i].name;
  return NULL;
}

const char *
pacte_choice_display_name (const char *value)
{
  const char *msgid = choice_msgid (value);

  if (msgid == NULL)
    return value != NULL ? value : "";
  return _(msgid);
}

const char *
pacte_choice_display_name_lang (const char *lang,
                                const char *value)
{
  const char *msgid = choice_msgid (value);

  if (msgid == NULL)
    return value != NULL ? value : "";
  return pacte_gettext_lang (lang, msgid);
}

int
pacte_phase_rank (const char *phase)
{
  if (phase == NULL)
    return 0;
  for (int i = 0; pacte_phases[i] != NULL; i++)
    if (g_str_equal (pacte_phases[i], phase))
      return i;
  return 0;
}

gboolean
pacte_quarter_parse (const char *text,
                     int        *year,
                     int        *quarter)
{
  int y;

  if (text == NULL || strlen (text) != 7)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  if (text[4] != '-' || text[5] != 'Q' || text[6] < '1' || text[6] > '4')
    return FALSE;
  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  if (y < 1)
    return FALSE;
  if (year != NULL)
    *year = y;
  if (quarter != NULL)
    *quarter = text[6] - '0';
  return TRUE;
}

/* ---- Field tables ------------------------------------------------------ */

#define STRING(path, prop, label)        { path, prop, PACTE_FIELD_STRING, NULL, NULL, FALSE, label, FALSE, 0 }
#define REQUIRED(path, prop, label)      { path, prop, PACTE_FIELD_STRING, NULL, NULL, TRUE, label, FALSE, 0 }
#define CHOICE(path, prop, ch, label)    { path, prop, PACTE_FIELD_CHOICE, ch, NULL, FALSE, label, FALSE, 0 }
#define QUARTER(path, prop, label)       { path, prop, PACTE_FIELD_QUARTER, NULL, NULL, FALSE, label, FALSE, 0 }
#define DATE(path, prop, label)          { path, prop, PACTE_FIELD_DATE, NULL, NULL, FALSE, label, FALSE, 0 }
#define NUMBER(path, prop, label)        { path, prop, PACTE_FIELD_NUMBER, NULL, NULL, FALSE, label, FALSE, 0 }
#define INTEGER(path, prop, label)       { path, prop, PACTE_FIELD_INTEGER, NULL, NULL, FALSE, label, FALSE, 0 }
/* Counts: never below zero (a headcount may be a fraction: 0.5 of a person). */
#define COUNT(path, prop, label)         { path, prop, PACTE_FIELD_INTEGER, NULL, NULL, FALSE, label, TRUE, 0 }
#define FRACTIONAL_COUNT(path, prop, label) { path, prop, PACTE_FIELD_NUMBER, NULL, NULL, FALSE, label, TRUE, 0 }
#define BOOLEAN(path, prop, label)       { path, prop, PACTE_FIELD_BOOLEAN, NULL, NULL, FALSE, label, FALSE, 0 }
#define STRV(path, prop, label)          { path, prop, PACTE_FIELD_STRV, NULL, NULL, FALSE, label, FALSE, 0 }
#define LIST(path, prop, type, label)    { path, prop, PACTE_FIELD_LIST, NULL, type, FALSE, label, FALSE, 0 }

static const PacteFieldInfo contact_fields[] = {
  REQUIRED ("name", "name", N_("Name")),
  CHOICE ("role", "role", pacte_contact_roles, N_("Role")),
  STRING ("job_title", "job-title", N_("Job title")),
  STRING ("email", "email", N_("Email")),
  STRING ("phone", "phone", N_("Phone")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (contact_fields) == PACTE_CONTACT_N_FIELDS);

static const PacteFieldInfo partner_fields[] = {
  REQUIRED ("id", "id", N_("Identifier")),
  REQUIRED ("name", "name", N_("Name")),
  CHOICE ("segment", "segment", pacte_segments, N_("Segment")),
  STRING ("label", "label", N_("Label")),
  STRV ("territories", "territories", N_("Territories")),
  STRV ("products", "products", N_("Products")),
  STRV ("sectors", "sectors", N_("Sectors")),
  LIST ("contacts", "contacts", pacte_contact_get_type, N_("Contacts")),
  NUMBER ("cross_business.partner_buys_from_us", "cross-business-partner-buys-from-us",
          N_("Partner buys from us")),
  NUMBER ("cross_business.we_buy_from_partner", "cross-business-we-buy-from-partner",
          N_("We buy from partner")),
  STRING ("cross_business.notes", "cross-business-notes", N_("Cross-business notes")),
  STRING ("notes", "notes", N_("Notes")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (partner_fields) == PACTE_PARTNER_N_FIELDS);

static const PacteFieldInfo objective_fields[] = {
  REQUIRED ("id", "id", N_("Identifier")),
  STRING ("title", "title", N_("Title")),
  STRING ("metric", "metric", N_("Metric")),
  NUMBER ("target", "target", N_("Target")),
  STRING ("unit", "unit", N_("Unit")),
  DATE ("due", "due", N_("Due date")),
  NUMBER ("actual", "actual", N_("Actual")),
  STRING ("benchmark.source", "benchmark-source", N_("Benchmark source")),
  NUMBER ("benchmark.value", "benchmark-value", N_("Benchmark value")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (objective_fields) == PACTE_OBJECTIVE_N_FIELDS);

static const PacteFieldInfo decision_fields[] = {
  STRING ("question", "question", N_("Question")),
  CHOICE ("audience", "audience", pacte_levels, N_("Audience")),
  STRV ("options", "options", N_("Options")),
  DATE ("due", "due", N_("Due date")),
  STRING ("outcome", "outcome", N_("Outcome")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (decision_fields) == PACTE_DECISION_N_FIELDS);

static const PacteFieldInfo body_fields[] = {
  CHOICE ("level", "level", pacte_levels, N_("Level")),
  STRING ("body", "body", N_("Body")),
  STRING ("owner", "owner", N_("Owner")),
  COUNT ("cadence_days", "cadence-days", N_("Cadence (days)")),
  DATE ("last_met", "last-met", N_("Last met")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (body_fields) == PACTE_BODY_N_FIELDS);

static const PacteFieldInfo enablement_fields[] = {
  STRING ("title", "title", N_("Title")),
  DATE ("date", "date", N_("Date")),
  BOOLEAN ("done", "done", N_("Done")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (enablement_fields) == PACTE_ENABLEMENT_N_FIELDS);

static const PacteFieldInfo communication_fields[] = {
  CHOICE ("audience", "audience", pacte_audiences, N_("Audience")),
  STRING ("channel", "channel", N_("Channel")),
  STRING ("message", "message", N_("Message")),
  DATE ("date", "date", N_("Date")),
  BOOLEAN ("done", "done", N_("Done")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (communication_fields) == PACTE_COMMUNICATION_N_FIELDS);

static const PacteFieldInfo action_fields[] = {
  REQUIRED ("id", "id", N_("Identifier")),
  STRING ("title", "title", N_("Title")),
  DATE ("due", "due", N_("Due date")),
  CHOICE ("status", "status", pacte_action_statuses, N_("Status")),
  STRV ("parties", "parties", N_("Parties")),
  STRING ("objective", "objective", N_("Objective")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (action_fields) == PACTE_ACTION_N_FIELDS);

static const PacteFieldInfo event_fields[] = {
  STRING ("title", "title", N_("Title")),
  DATE ("date", "date", N_("Date")),
  CHOICE ("kind", "kind", pacte_event_kinds, N_("Kind")),
  STRV ("partners", "partners", N_("Partners")),
  COUNT ("expected_attendees", "expected-attendees", N_("Expected attendees")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (event_fields) == PACTE_EVENT_N_FIELDS);

static const PacteFieldInfo forecast_fields[] = {
  QUARTER ("quarter", "quarter", N_("Quarter")),
  NUMBER ("amount", "amount", N_("Amount")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (forecast_fields) == PACTE_FORECAST_N_FIELDS);

static const PacteFieldInfo activity_fields[] = {
  DATE ("date", "date", N_("Date")),
  STRING ("note", "note", N_("Note")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (activity_fields) == PACTE_ACTIVITY_N_FIELDS);

static const PacteFieldInfo review_fields[] = {
  DATE ("date", "date", N_("Date")),
  STRING ("reviewer", "reviewer", N_("Reviewer")),
  STRING ("notes", "notes", N_("Notes")),
  /* rule id -> "green", "amber", "red", "off" */
  { "statuses", "statuses", PACTE_FIELD_STRING_MAP, pacte_statuses, NULL, FALSE, N_("Statuses"), FALSE, 0 },
};
G_STATIC_ASSERT (G_N_ELEMENTS (review_fields) == PACTE_REVIEW_N_FIELDS);

static const PacteFieldInfo override_fields[] = {
  /* json_path NULL: the rule id is the member name under which the override
   * object is written in rule_overrides / rule_settings, not a member of it. */
  { NULL, "rule-id", PACTE_FIELD_STRING, NULL, NULL, TRUE, N_("Rule"), FALSE, 0 },
  BOOLEAN ("disabled", "disabled", N_("Disabled")),
  STRING ("reason", "reason", N_("Reason")),
  { "params", "params", PACTE_FIELD_NUMBER_MAP, NULL, NULL, FALSE, N_("Parameters"), FALSE, 0 },
};
G_STATIC_ASSERT (G_N_ELEMENTS (override_fields) == PACTE_OVERRIDE_N_FIELDS);

static const PacteFieldInfo plan_fields[] = {
  REQUIRED ("id", "id", N_("Identifier")),
  REQUIRED ("name", "name", N_("Name")),
  STRV ("partners", "partners", N_("Partners")),
  CHOICE ("segment", "segment", pacte_segments, N_("Segment")),
  CHOICE ("phase", "phase", pacte_phases, N_("Phase")),
  DATE ("period.start", "period-start", N_("Start")),
  DATE ("period.end", "period-end", N_("End")),
  STRING ("owner", "owner", N_("Owner")),
  STRING ("sponsor.name", "sponsor-name", N_("Executive sponsor")),
  DATE ("sponsor.engaged_on", "sponsor-engaged-on", N_("Sponsor engaged on")),
  NUMBER ("revenue_target", "revenue-target", N_("Revenue target")),
  NUMBER ("resources.budget", "resources-budget", N_("Budget")),
  FRACTIONAL_COUNT ("resources.headcount", "resources-headcount", N_("Headcount")),
  LIST ("objectives", "objectives", pacte_objective_get_type, N_("Objectives")),
  CHOICE ("agreement.type", "agreement-type", pacte_agreement_types, N_("Agreement")),
  DATE ("agreement.legal_involved_on", "agreement-legal-involved-on", N_("Legal involved on")),
  DATE ("agreement.signed_on", "agreement-signed-on", N_("Signed on")),
  LIST ("decisions", "decisions", pacte_decision_get_type, N_("Decisions")),
  LIST ("governance", "governance", pacte_body_get_type, N_("Governance")),
  LIST ("enablement", "enablement", pacte_enablement_get_type, N_("Enablement")),
  LIST ("communication", "communication", pacte_communication_get_type, N_("Communication")),
  LIST ("actions", "actions", pacte_action_get_type, N_("Actions")),
  LIST ("events", "events", pacte_event_get_type, N_("Events")),
  LIST ("forecast", "forecast", pacte_forecast_get_type, N_("Forecast")),
  LIST ("activity", "activity", pacte_activity_get_type, N_("Activity")),
  LIST ("reviews", "reviews", pacte_review_get_type, N_("Reviews")),
  /* An object keyed by rule id: see override_fields. Kept sorted. */
  LIST ("rule_overrides", "rule-overrides", pacte_override_get_type, N_("Rule overrides")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (plan_fields) == PACTE_PLAN_N_FIELDS);

/* ---- Types -------------------------------------------------------------- */

/* setup: statements run in class_init after the table is set (klass is the
 * PacteRecordClass), for the classes with an id, an owner role or a hook. */
#define DEFINE_RECORD_FULL(TypeName, type_name, table, label, setup)          \
  struct _##TypeName { PacteRecord parent_instance; };                        \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, PACTE_TYPE_RECORD)                \
  static void                                                                 \
  type_name##_class_init (TypeName##Class *type_class)                        \
  {                                                                           \
    PacteRecordClass *klass = PACTE_RECORD_CLASS (type_class);                \
    pacte_record_class_set_fields (klass, table, G_N_ELEMENTS (table), label);\
    setup;                                                                    \
  }                                                                           \
  static void                                                                 \
  type_name##_init (TypeName *self)                                           \
  {                                                                           \
  }
#define DEFINE_RECORD(TypeName, type_name, table, label) \
  DEFINE_RECORD_FULL (TypeName, type_name, table, label, (void) klass)

/* Fields that name partners must name partners of the portfolio. */
static gboolean
check_partner_ids (PacteRecord      *self,
                   guint             field,
                   const PacteValue *value,
                   GError          **error)
{
  PacteRecordRoot *root = pacte_record_get_root (self);
  PacteRecordRootInterface *iface;

  if (root == NULL || value->strv == NULL)
    return TRUE;
  iface = PACTE_RECORD_ROOT_GET_IFACE (root);
  for (guint i = 0; value->strv[i] != NULL; i++)
    {
      if (iface->find_record (root, PACTE_TYPE_PARTNER, value->strv[i]) == NULL)
        {
          g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_UNKNOWN_REFERENCE,
                       _("%s: unknown partner “%s”"),
                       _(pacte_record_get_field_info (self, field)->label), value->strv[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* A period that ends before it starts is refused as it is typed (a file
 * that has one loads, and `pacte --check` warns about it). */
static gboolean
check_period (PacteRecord *self, guint field, const PacteValue *value, GError **error)
{
  guint32 start = field == PACTE_PLAN_PERIOD_START ? value->date : pacte_record_get_date (self, PACTE_PLAN_PERIOD_START);
  guint32 end = field == PACTE_PLAN_PERIOD_END ? value->date : pacte_record_get_date (self, PACTE_PLAN_PERIOD_END);
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *detail = NULL;

  if (start == 0 || end == 0 || end >= start)
    return TRUE;
  start_text = pacte_date_format (start);
  end_text = pacte_date_format (end);
  /* Translators: the plan's period, ends before it starts */
  detail = g_strdup_printf (_("the period would end on %s, before it starts on %s"), end_text, start_text);
  return pacte_record_field_error (error, self, field, detail);
}

gboolean
pacte_plan_period_inverted (PactePlan *plan)
{
  guint32 start, end;

  g_return_val_if_fail (PACTE_IS_PLAN (plan), FALSE);

  start = pacte_record_get_date (PACTE_RECORD (plan), PACTE_PLAN_PERIOD_START);
  end = pacte_record_get_date (PACTE_RECORD (plan), PACTE_PLAN_PERIOD_END);
  return start != 0 && end != 0 && end < start;
}

static gboolean
plan_validate (PacteRecord *self, guint field, const PacteValue *value, GError **error)
{
  if (field == PACTE_PLAN_PERIOD_START || field == PACTE_PLAN_PERIOD_END)
    return check_period (self, field, value, error);
  return field != PACTE_PLAN_PARTNERS || check_partner_ids (self, field, value, error);
}

static gboolean
action_validate (PacteRecord *self, guint field, const PacteValue *value, GError **error)
{
  return field != PACTE_ACTION_PARTIES || check_partner_ids (self, field, value, error);
}

static gboolean
event_validate (PacteRecord *self, guint field, const PacteValue *value, GError **error)
{
  return field != PACTE_EVENT_PARTNERS || check_partner_ids (self, field, value, error);
}

DEFINE_RECORD (PacteContact, pacte_contact, contact_fields, N_("Contact"))
DEFINE_RECORD_FULL (PactePartner, pacte_partner, partner_fields, N_("Partner"),
                    pacte_record_class_set_id_field (klass, PACTE_PARTNER_ID, FALSE);
                    pacte_record_class_set_owner (klass))
DEFINE_RECORD_FULL (PacteObjective, pacte_objective, objective_fields, N_("Objective"),
                    pacte_record_class_set_id_field (klass, PACTE_OBJECTIVE_ID, FALSE))
DEFINE_RECORD (PacteDecision, pacte_decision, decision_fields, N_("Decision"))
DEFINE_RECORD (PacteBody, pacte_body, body_fields, N_("Governance body"))
DEFINE_RECORD (PacteEnablement, pacte_enablement, enablement_fields, N_("Enablement"))
DEFINE_RECORD (PacteCommunication, pacte_communication, communication_fields, N_("Communication"))
DEFINE_RECORD_FULL (PacteAction, pacte_action, action_fields, N_("Action"),
                    pacte_record_class_set_id_field (klass, PACTE_ACTION_ID, FALSE);
                    klass->validate = action_validate)
DEFINE_RECORD_FULL (PacteEvent, pacte_event, event_fields, N_("Event"),
                    klass->validate = event_validate)
DEFINE_RECORD (PacteForecast, pacte_forecast, forecast_fields, N_("Forecast"))
DEFINE_RECORD (PacteActivity, pacte_activity, activity_fields, N_("Activity"))
DEFINE_RECORD (PacteReview, pacte_review, review_fields, N_("Review"))
/* An override's id is its rule id (the member name it is written under). */
DEFINE_RECORD_FULL (PacteOverride, pacte_override, override_fields, N_("Rule setting"),
                    pacte_record_class_set_id_field (klass, PACTE_OVERRIDE_RULE_ID, TRUE))
DEFINE_RECORD_FULL (PactePlan, pacte_plan, plan_fields, N_("Plan"),
                    pacte_record_class_set_id_field (klass, PACTE_PLAN_ID, FALSE);
                    pacte_record_class_set_owner (klass);
                    klass->validate = plan_validate)

/* Binary search in a list of overrides sorted by rule id. */
PacteOverride *
pacte_override_list_find (GListModel *list,
                          const char *rule_id)
{
  guint lo = 0, hi;

  g_return_val_if_fail (G_IS_LIST_MODEL (list), NULL);
  if (rule_id == NULL)
    return NULL;
  hi = g_list_model_get_n_items (list);
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(PacteRecord) item = g_list_model_get_item (list, mid);
      int cmp = strcmp (pacte_record_get_string (item, PACTE_OVERRIDE_RULE_ID), rule_id);

      if (cmp == 0)
        return PACTE_OVERRIDE (item);  /* the list keeps it alive */
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

PacteOverride *
pacte_plan_find_override (PactePlan  *self,
                          const char *rule_id)
{
  g_return_val_if_fail (PACTE_IS_PLAN (self), NULL);

  return pacte_override_list_find (pacte_record_get_list (PACTE_RECORD (self),
                                                          PACTE_PLAN_RULE_OVERRIDES),
                                   rule_id);
}
