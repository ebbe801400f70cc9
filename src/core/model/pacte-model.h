/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-model.h: the record types of a portfolio and their field indexes.
 *
 * The field enums follow the order of docs/format.md, which is also the order
 * of canonical writing.  Nested JSON objects are flattened into their parent
 * (a plan's "period.start" is PACTE_PLAN_PERIOD_START, property "period-start").
 */
#pragma once

#include "pacte-record.h"

G_BEGIN_DECLS

#define PACTE_MODEL_ERROR (pacte_model_error_quark ())
GQuark pacte_model_error_quark (void);

typedef enum {
  PACTE_MODEL_ERROR_IO,               /* unreadable, a directory, cannot write */
  PACTE_MODEL_ERROR_EMPTY,            /* empty file or only white space */
  PACTE_MODEL_ERROR_SYNTAX,           /* JSON syntax, message has line:column */
  PACTE_MODEL_ERROR_ENCODING,         /* not UTF-8 */
  PACTE_MODEL_ERROR_TOO_DEEP,         /* nesting deeper than the loader accepts */
  PACTE_MODEL_ERROR_TOO_LARGE,        /* a string, a number or the file out of range */
  PACTE_MODEL_ERROR_NOT_PORTFOLIO,    /* "format" missing or not "pacte-portfolio" */
  PACTE_MODEL_ERROR_FUTURE_VERSION,   /* "version" newer than this program knows */
  PACTE_MODEL_ERROR_INVALID,          /* wrong type, bad date, value not in the list, missing required */
  PACTE_MODEL_ERROR_DUPLICATE_ID,
  PACTE_MODEL_ERROR_UNKNOWN_REFERENCE,/* unknown partner id */
  PACTE_MODEL_ERROR_UNKNOWN_RULE,     /* unknown rule id or parameter in overrides/settings */
} PacteModelError;

/* Allowed values, NULL-terminated, in the spec's order. */
extern const char * const pacte_segments[];        /* resale, marketing-alliance, commercial-alignment, technology, services */
extern const char * const pacte_contact_roles[];   /* alliance-partner, executive-sponsor, champion, legal, sales, marketing, other */
extern const char * const pacte_phases[];          /* exploration … review (ordered) */
extern const char * const pacte_agreement_types[]; /* none, mou, nda, contract */
extern const char * const pacte_levels[];          /* executive, management, operational */
extern const char * const pacte_audiences[];       /* internal, external */
extern const char * const pacte_action_statuses[]; /* planned, in-progress, done, cancelled */
extern const char * const pacte_event_kinds[];     /* customer-event, webinar, trade-show, other */
extern const char * const pacte_statuses[];        /* green, amber, red, off */

/* Translated display name of an allowed value ("execution" -> _("Execution")). */
const char *pacte_choice_display_name (const char *value);
/* The same in a chosen language ("en"/"fr"), for reports. */
const char *pacte_choice_display_name_lang (const char *lang,
                                            const char *value);
/* Index of a phase in pacte_phases; an unset or unknown phase counts as 0 (exploration). */
int         pacte_phase_rank          (const char *phase);

/* ---- Contact ---------------------------------------------------------- */
typedef enum {
  PACTE_CONTACT_NAME, PACTE_CONTACT_ROLE, PACTE_CONTACT_JOB_TITLE,
  PACTE_CONTACT_EMAIL, PACTE_CONTACT_PHONE,
  PACTE_CONTACT_N_FIELDS
} PacteContactField;
#define PACTE_TYPE_CONTACT (pacte_contact_get_type ())
G_DECLARE_FINAL_TYPE (PacteContact, pacte_contact, PACTE, CONTACT, PacteRecord)

/* ---- Partner ---------------------------------------------------------- */
typedef enum {
  PACTE_PARTNER_ID, PACTE_PARTNER_NAME, PACTE_PARTNER_SEGMENT, PACTE_PARTNER_LABEL,
  PACTE_PARTNER_TERRITORIES, PACTE_PARTNER_PRODUCTS, PACTE_PARTNER_SECTORS,
  PACTE_PARTNER_CONTACTS,
  PACTE_PARTNER_CROSS_BUSINESS_PARTNER_BUYS_FROM_US,
  PACTE_PARTNER_CROSS_BUSINESS_WE_BUY_FROM_PARTNER,
  PACTE_PARTNER_CROSS_BUSINESS_NOTES,
  PACTE_PARTNER_NOTES,
  PACTE_PARTNER_N_FIELDS
} PactePartnerField;
#define PACTE_TYPE_PARTNER (pacte_partner_get_type ())
G_DECLARE_FINAL_TYPE (PactePartner, pacte_partner, PACTE, PARTNER, PacteRecord)

/* ---- Plan sections ---------------------------------------------------- */
typedef enum {
  PACTE_OBJECTIVE_ID, PACTE_OBJECTIVE_TITLE, PACTE_OBJECTIVE_METRIC, PACTE_OBJECTIVE_TARGET,
  PACTE_OBJECTIVE_UNIT, PACTE_OBJECTIVE_DUE, PACTE_OBJECTIVE_ACTUAL,
  PACTE_OBJECTIVE_BENCHMARK_SOURCE, PACTE_OBJECTIVE_BENCHMARK_VALUE,
  PACTE_OBJECTIVE_N_FIELDS
} PacteObjectiveField;
#define PACTE_TYPE_OBJECTIVE (pacte_objective_get_type ())
G_DECLARE_FINAL_TYPE (PacteObjective, pacte_objective, PACTE, OBJECTIVE, PacteRecord)

typedef enum {
  PACTE_DECISION_QUESTION, PACTE_DECISION_AUDIENCE, PACTE_DECISION_OPTIONS,
  PACTE_DECISION_DUE, PACTE_DECISION_OUTCOME,
  PACTE_DECISION_N_FIELDS
} PacteDecisionField;
#define PACTE_TYPE_DECISION (pacte_decision_get_type ())
G_DECLARE_FINAL_TYPE (PacteDecision, pacte_decision, PACTE, DECISION, PacteRecord)

typedef enum {
  PACTE_BODY_LEVEL, PACTE_BODY_BODY, PACTE_BODY_OWNER, PACTE_BODY_CADENCE_DAYS, PACTE_BODY_LAST_MET,
  PACTE_BODY_N_FIELDS
} PacteBodyField;
#define PACTE_TYPE_BODY (pacte_body_get_type ())
G_DECLARE_FINAL_TYPE (PacteBody, pacte_body, PACTE, BODY, PacteRecord)  /* a governance body */

typedef enum {
  PACTE_ENABLEMENT_TITLE, PACTE_ENABLEMENT_DATE, PACTE_ENABLEMENT_DONE,
  PACTE_ENABLEMENT_N_FIELDS
} PacteEnablementField;
#define PACTE_TYPE_ENABLEMENT (pacte_enablement_get_type ())
G_DECLARE_FINAL_TYPE (PacteEnablement, pacte_enablement, PACTE, ENABLEMENT, PacteRecord)

typedef enum {
  PACTE_COMMUNICATION_AUDIENCE, PACTE_COMMUNICATION_CHANNEL, PACTE_COMMUNICATION_MESSAGE,
  PACTE_COMMUNICATION_DATE, PACTE_COMMUNICATION_DONE,
  PACTE_COMMUNICATION_N_FIELDS
} PacteCommunicationField;
#define PACTE_TYPE_COMMUNICATION (pacte_communication_get_type ())
G_DECLARE_FINAL_TYPE (PacteCommunication, pacte_communication, PACTE, COMMUNICATION, PacteRecord)

typedef enum {
  PACTE_ACTION_ID, PACTE_ACTION_TITLE, PACTE_ACTION_DUE, PACTE_ACTION_STATUS,
  PACTE_ACTION_PARTIES, PACTE_ACTION_OBJECTIVE,
  PACTE_ACTION_N_FIELDS
} PacteActionField;
#define PACTE_TYPE_ACTION (pacte_action_get_type ())
G_DECLARE_FINAL_TYPE (PacteAction, pacte_action, PACTE, ACTION, PacteRecord)

typedef enum {
  PACTE_EVENT_TITLE, PACTE_EVENT_DATE, PACTE_EVENT_KIND, PACTE_EVENT_PARTNERS,
  PACTE_EVENT_EXPECTED_ATTENDEES,
  PACTE_EVENT_N_FIELDS
} PacteEventField;
#define PACTE_TYPE_EVENT (pacte_event_get_type ())
G_DECLARE_FINAL_TYPE (PacteEvent, pacte_event, PACTE, EVENT, PacteRecord)

typedef enum {
  PACTE_FORECAST_QUARTER, /* STRING validated as "YYYY-Qn" */
  PACTE_FORECAST_AMOUNT,
  PACTE_FORECAST_N_FIELDS
} PacteForecastField;
#define PACTE_TYPE_FORECAST (pacte_forecast_get_type ())
G_DECLARE_FINAL_TYPE (PacteForecast, pacte_forecast, PACTE, FORECAST, PacteRecord)
/* "2027-Q1" -> year 2027, quarter 1; FALSE when not of that form. */
gboolean pacte_quarter_parse (const char *text, int *year, int *quarter);

typedef enum {
  PACTE_ACTIVITY_DATE, PACTE_ACTIVITY_NOTE,
  PACTE_ACTIVITY_N_FIELDS
} PacteActivityField;
#define PACTE_TYPE_ACTIVITY (pacte_activity_get_type ())
G_DECLARE_FINAL_TYPE (PacteActivity, pacte_activity, PACTE, ACTIVITY, PacteRecord)

typedef enum {
  PACTE_REVIEW_DATE, PACTE_REVIEW_REVIEWER, PACTE_REVIEW_NOTES,
  PACTE_REVIEW_STATUSES,  /* STRING_MAP rule id -> status */
  PACTE_REVIEW_N_FIELDS
} PacteReviewField;
#define PACTE_TYPE_REVIEW (pacte_review_get_type ())
G_DECLARE_FINAL_TYPE (PacteReview, pacte_review, PACTE, REVIEW, PacteRecord)

/* One entry of a plan's rule_overrides or of the portfolio's rule_settings.
 * In JSON these are objects keyed by rule id; in the model a list whose items
 * carry the key in PACTE_OVERRIDE_RULE_ID (kept sorted by rule id).  That
 * field's json_path is NULL: it is the member name of the override object. */
typedef enum {
  PACTE_OVERRIDE_RULE_ID, PACTE_OVERRIDE_DISABLED, PACTE_OVERRIDE_REASON,
  PACTE_OVERRIDE_PARAMS,  /* NUMBER_MAP parameter name -> number */
  PACTE_OVERRIDE_N_FIELDS
} PacteOverrideField;
#define PACTE_TYPE_OVERRIDE (pacte_override_get_type ())
G_DECLARE_FINAL_TYPE (PacteOverride, pacte_override, PACTE, OVERRIDE, PacteRecord)

/* ---- Plan ------------------------------------------------------------- */
typedef enum {
  PACTE_PLAN_ID, PACTE_PLAN_NAME, PACTE_PLAN_PARTNERS, PACTE_PLAN_SEGMENT, PACTE_PLAN_PHASE,
  PACTE_PLAN_PERIOD_START, PACTE_PLAN_PERIOD_END, PACTE_PLAN_OWNER,
  PACTE_PLAN_SPONSOR_NAME, PACTE_PLAN_SPONSOR_ENGAGED_ON,
  PACTE_PLAN_REVENUE_TARGET, PACTE_PLAN_RESOURCES_BUDGET, PACTE_PLAN_RESOURCES_HEADCOUNT,
  PACTE_PLAN_OBJECTIVES,
  PACTE_PLAN_AGREEMENT_TYPE, PACTE_PLAN_AGREEMENT_LEGAL_INVOLVED_ON, PACTE_PLAN_AGREEMENT_SIGNED_ON,
  PACTE_PLAN_DECISIONS, PACTE_PLAN_GOVERNANCE, PACTE_PLAN_ENABLEMENT, PACTE_PLAN_COMMUNICATION,
  PACTE_PLAN_ACTIONS, PACTE_PLAN_EVENTS, PACTE_PLAN_FORECAST, PACTE_PLAN_ACTIVITY,
  PACTE_PLAN_REVIEWS, PACTE_PLAN_RULE_OVERRIDES,
  PACTE_PLAN_N_FIELDS
} PactePlanField;
#define PACTE_TYPE_PLAN (pacte_plan_get_type ())
G_DECLARE_FINAL_TYPE (PactePlan, pacte_plan, PACTE, PLAN, PacteRecord)

/* Convenience: the override for a rule id, or NULL. */
PacteOverride *pacte_plan_find_override (PactePlan *self, const char *rule_id);
/* Both ends of the period are set and the end comes before the start (a
 * file may hold it; the editors refuse it). */
gboolean       pacte_plan_period_inverted (PactePlan *plan);

G_END_DECLS
