/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rules.c: the sixteen golden rules, check by check.
 *
 * A small portfolio whose plan follows every rule is built, then each case
 * changes one thing through the model's setters and asserts the status of
 * one rule and that its explanation names the concrete data (partner, body,
 * number of days…).  Boundaries, overrides, the score, and rule files with
 * errors are tested after the table. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-i18n.h"
#include "pacte-rules.h"

#define TODAY "2027-03-15"

static const char base_json[] =
  "{ \"format\": \"pacte-portfolio\", \"version\": 1,\n"
  "  \"meta\": { \"title\": \"Tests\", \"language\": \"en\" },\n"
  "  \"rule_settings\": %s,\n"
  "  \"partners\": [\n"
  "    { \"id\": \"p-a\", \"name\": \"Acme Alliances\", \"segment\": \"resale\", \"label\": \"gold\",\n"
  "      \"territories\": [\"France\"], \"products\": [\"ERP\"], \"sectors\": [\"Retail\"],\n"
  "      \"contacts\": [ { \"name\": \"Alice Martin\", \"role\": \"alliance-partner\" },\n"
  "                    { \"name\": \"Chris Lane\", \"role\": \"champion\" } ],\n"
  "      \"cross_business\": { \"partner_buys_from_us\": 1000, \"we_buy_from_partner\": 500 } },\n"
  "    { \"id\": \"p-b\", \"name\": \"Bolt Systems\", \"segment\": \"resale\", \"label\": \"silver\",\n"
  "      \"territories\": [\"Belgium\"], \"products\": [\"CRM\"], \"sectors\": [\"Banking\"],\n"
  "      \"contacts\": [ { \"name\": \"Bob Stone\", \"role\": \"alliance-partner\" },\n"
  "                    { \"name\": \"Carla Diaz\", \"role\": \"champion\" } ],\n"
  "      \"cross_business\": { \"partner_buys_from_us\": 0, \"we_buy_from_partner\": 200 } }\n"
  "  ],\n"
  "  \"plans\": [\n"
  "    { \"id\": \"plan-1\", \"name\": \"Joint Retail Push\", \"partners\": [\"p-a\", \"p-b\"],\n"
  "      \"segment\": \"resale\", \"phase\": \"execution\", \"owner\": \"Olivia Grant\",\n"
  "      \"sponsor\": { \"name\": \"Sam Brook\", \"engaged_on\": \"2027-01-10\" },\n"
  "      \"revenue_target\": 500000, \"resources\": { \"budget\": 50000, \"headcount\": 1.5 },\n"
  "      \"objectives\": [ { \"id\": \"obj-1\", \"title\": \"Win ten retailers\", \"target\": 10, \"due\": \"2027-12-31\",\n"
  "                        \"benchmark\": { \"source\": \"Peer program\", \"value\": 8 } } ],\n"
  "      \"agreement\": { \"type\": \"contract\", \"legal_involved_on\": \"2026-12-01\", \"signed_on\": \"2027-01-05\" },\n"
  "      \"decisions\": [ { \"question\": \"Which route to market?\", \"audience\": \"executive\", \"options\": [\"Direct\", \"Resale\"] } ],\n"
  "      \"governance\": [\n"
  "        { \"level\": \"executive\", \"body\": \"Steering committee\", \"owner\": \"Sam Brook\", \"cadence_days\": 90, \"last_met\": \"2027-02-01\" },\n"
  "        { \"level\": \"operational\", \"body\": \"Weekly sync\", \"owner\": \"Olivia Grant\", \"cadence_days\": 7, \"last_met\": \"2027-03-10\" } ],\n"
  "      \"enablement\": [ { \"title\": \"Sales training\", \"date\": \"2027-02-01\", \"done\": true } ],\n"
  "      \"communication\": [ { \"audience\": \"internal\", \"channel\": \"Newsletter\", \"message\": \"Launch\" },\n"
  "                           { \"audience\": \"external\", \"channel\": \"Press\", \"message\": \"Release\" } ],\n"
  "      \"actions\": [ { \"id\": \"act-1\", \"title\": \"Joint offer\", \"status\": \"in-progress\", \"parties\": [\"p-a\", \"p-b\"], \"objective\": \"obj-1\" },\n"
  "                     { \"id\": \"act-2\", \"title\": \"Price list\", \"status\": \"planned\", \"parties\": [\"p-a\"], \"objective\": \"obj-1\" },\n"
  "                     { \"id\": \"act-3\", \"title\": \"Demo kit\", \"status\": \"done\", \"parties\": [\"p-b\"], \"objective\": \"obj-1\" } ],\n"
  "      \"events\": [ { \"title\": \"Customer day\", \"date\": \"2027-05-01\", \"kind\": \"customer-event\", \"partners\": [\"p-a\"] } ],\n"
  "      \"forecast\": [ { \"quarter\": \"2027-Q1\", \"amount\": 100000 } ],\n"
  "      \"activity\": [ { \"date\": \"2027-03-10\", \"note\": \"Call\" } ],\n"
  "      \"rule_overrides\": %s }\n"
  "  ] }\n";

static PactePortfolio *
make_portfolio_with (const char *settings,
                     const char *overrides)
{
  g_autofree char *text = g_strdup_printf (base_json, settings, overrides);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  PactePortfolio *portfolio;

  portfolio = pacte_portfolio_load_bytes (bytes, "test.pacte.json", pacte_rule_set_get_default (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (portfolio);
  return portfolio;
}

static PactePortfolio *
make_portfolio (void)
{
  return make_portfolio_with ("{}", "{}");
}

/* ---- Builder helpers: edits through the model's setters ------------------ */

static PacteRecord *
plan_of (PactePortfolio *p)
{
  return PACTE_RECORD (pacte_portfolio_find_plan (p, "plan-1"));
}

static PacteRecord *
partner_of (PactePortfolio *p,
            const char     *id)
{
  return PACTE_RECORD (pacte_portfolio_find_partner (p, id));
}

/* Item i of a list (the list keeps it alive). */
static PacteRecord *
item (PacteRecord *record,
      guint        field,
      guint        i)
{
  g_autoptr(PacteRecord) it = g_list_model_get_item (pacte_record_get_list (record, field), i);

  g_assert_nonnull (it);
  return it;
}

static void
set_str (PacteRecord *record,
         guint        field,
         const char  *value)
{
  g_autoptr(GError) error = NULL;

  pacte_record_set_string (record, field, value, &error);
  g_assert_no_error (error);
}

static void
set_num (PacteRecord *record,
         guint        field,
         double       value)
{
  g_autoptr(GError) error = NULL;

  pacte_record_set_number (record, field, value, &error);
  g_assert_no_error (error);
}

static guint32
today (void)
{
  return pacte_date_parse (TODAY);
}

static void
set_date (PacteRecord *record,
          guint        field,
          guint32      julian)
{
  g_autoptr(GError) error = NULL;

  pacte_record_set_date (record, field, julian, &error);
  g_assert_no_error (error);
}

static void
set_strv (PacteRecord *record,
          guint        field,
          const char  *csv)
{
  g_auto(GStrv) values = csv[0] != '\0' ? g_strsplit (csv, ",", -1) : g_new0 (char *, 1);
  g_autoptr(GError) error = NULL;

  pacte_record_set_strv (record, field, (const char * const *) values, &error);
  g_assert_no_error (error);
}

static void
clear_list (PacteRecord *record,
            guint        field)
{
  while (g_list_model_get_n_items (pacte_record_get_list (record, field)) > 0)
    pacte_record_list_remove (record, field, 0);
}

static void
add_action (PacteRecord *plan,
            const char  *id,
            const char  *status,
            const char  *objective)
{
  g_autoptr(PacteRecord) action = g_object_new (PACTE_TYPE_ACTION, NULL);
  guint n = g_list_model_get_n_items (pacte_record_get_list (plan, PACTE_PLAN_ACTIONS));

  set_str (action, PACTE_ACTION_ID, id);
  set_str (action, PACTE_ACTION_TITLE, id);
  set_str (action, PACTE_ACTION_STATUS, status);
  set_str (action, PACTE_ACTION_OBJECTIVE, objective);
  pacte_record_list_insert (plan, PACTE_PLAN_ACTIONS, n, action);
}

static void
set_activity_age (PacteRecord *plan,
                  int          days)
{
  set_date (item (plan, PACTE_PLAN_ACTIVITY, 0), PACTE_ACTIVITY_DATE, today () - days);
}

/* ---- The table ----------------------------------------------------------- */

typedef void (*Mutate) (PactePortfolio *p);

typedef struct
{
  const char *name;
  const char *rule;
  Mutate      mutate;
  PacteStatus status;
  const char *needles[3];   /* substrings the explanation must contain */
} RuleCase;

/* R01 */
static void no_revenue (PactePortfolio *p) { set_num (plan_of (p), PACTE_PLAN_REVENUE_TARGET, NAN); }
static void zero_revenue (PactePortfolio *p) { set_num (plan_of (p), PACTE_PLAN_REVENUE_TARGET, 0); }
static void no_means (PactePortfolio *p)
{
  set_num (plan_of (p), PACTE_PLAN_RESOURCES_BUDGET, NAN);
  set_num (plan_of (p), PACTE_PLAN_RESOURCES_HEADCOUNT, 0);
}
static void headcount_only (PactePortfolio *p) { set_num (plan_of (p), PACTE_PLAN_RESOURCES_BUDGET, NAN); }
/* R02 */
static void objective_zero_target (PactePortfolio *p) { set_num (item (plan_of (p), PACTE_PLAN_OBJECTIVES, 0), PACTE_OBJECTIVE_TARGET, 0); }
static void objective_no_due (PactePortfolio *p) { set_date (item (plan_of (p), PACTE_PLAN_OBJECTIVES, 0), PACTE_OBJECTIVE_DUE, 0); }
static void no_objectives (PactePortfolio *p) { clear_list (plan_of (p), PACTE_PLAN_OBJECTIVES); }
static void no_benchmark (PactePortfolio *p)
{
  PacteRecord *objective = item (plan_of (p), PACTE_PLAN_OBJECTIVES, 0);

  set_str (objective, PACTE_OBJECTIVE_BENCHMARK_SOURCE, "");
  set_num (objective, PACTE_OBJECTIVE_BENCHMARK_VALUE, NAN);
}
static void benchmark_source_only (PactePortfolio *p) { set_num (item (plan_of (p), PACTE_PLAN_OBJECTIVES, 0), PACTE_OBJECTIVE_BENCHMARK_VALUE, NAN); }
static void mou_in_execution (PactePortfolio *p) { set_str (plan_of (p), PACTE_PLAN_AGREEMENT_TYPE, "mou"); }
static void mou_in_negotiation (PactePortfolio *p)
{
  set_str (plan_of (p), PACTE_PLAN_AGREEMENT_TYPE, "mou");
  set_str (plan_of (p), PACTE_PLAN_PHASE, "negotiation");
}
/* R03 */
static void sponsor_in_exploration (PactePortfolio *p) { set_str (plan_of (p), PACTE_PLAN_PHASE, "exploration"); }
static void sponsor_no_phase (PactePortfolio *p) { set_str (plan_of (p), PACTE_PLAN_PHASE, ""); }
static void sponsor_in_negotiation (PactePortfolio *p) { set_str (plan_of (p), PACTE_PLAN_PHASE, "negotiation"); }
static void three_options (PactePortfolio *p) { set_strv (item (plan_of (p), PACTE_PLAN_DECISIONS, 0), PACTE_DECISION_OPTIONS, "Direct,Resale,Both"); }
static void three_options_decided (PactePortfolio *p)
{
  three_options (p);
  set_str (item (plan_of (p), PACTE_PLAN_DECISIONS, 0), PACTE_DECISION_OUTCOME, "Resale");
}
static void three_options_management (PactePortfolio *p)
{
  three_options (p);
  set_str (item (plan_of (p), PACTE_PLAN_DECISIONS, 0), PACTE_DECISION_AUDIENCE, "management");
}
static void launch_no_sponsor (PactePortfolio *p)
{
  set_str (plan_of (p), PACTE_PLAN_PHASE, "launch");
  set_str (plan_of (p), PACTE_PLAN_SPONSOR_NAME, "");
}
/* R04 */
static void no_governance (PactePortfolio *p) { clear_list (plan_of (p), PACTE_PLAN_GOVERNANCE); }
static void one_level (PactePortfolio *p) { set_str (item (plan_of (p), PACTE_PLAN_GOVERNANCE, 1), PACTE_BODY_LEVEL, "executive"); }
static void level_missing (PactePortfolio *p) { set_str (item (plan_of (p), PACTE_PLAN_GOVERNANCE, 1), PACTE_BODY_LEVEL, ""); }
static void body_no_owner (PactePortfolio *p) { set_str (item (plan_of (p), PACTE_PLAN_GOVERNANCE, 1), PACTE_BODY_OWNER, ""); }
static void body_no_cadence (PactePortfolio *p) { set_num (item (plan_of (p), PACTE_PLAN_GOVERNANCE, 1), PACTE_BODY_CADENCE_DAYS, NAN); }
static void met_180_days_ago (PactePortfolio *p) { set_date (item (plan_of (p), PACTE_PLAN_GOVERNANCE, 0), PACTE_BODY_LAST_MET, today () - 180); }
static void met_181_days_ago (PactePortfolio *p) { set_date (item (plan_of (p), PACTE_PLAN_GOVERNANCE, 0), PACTE_BODY_LAST_MET, today () - 181); }
static void never_met (PactePortfolio *p) { set_date (item (plan_of (p), PACTE_PLAN_GOVERNANCE, 1), PACTE_BODY_LAST_MET, 0); }
/* R05 */
static void no_owner (PactePortfolio *p) { set_str (plan_of (p), PACTE_PLAN_OWNER, ""); }
static void primary_no_alliance_partner (PactePortfolio *p) { set_str (item (partner_of (p, "p-a"), PACTE_PARTNER_CONTACTS, 0), PACTE_CONTACT_ROLE, "sales"); }
static void other_no_alliance_partner (PactePortfolio *p) { set_str (item (partner_of (p, "p-b"), PACTE_PARTNER_CONTACTS, 0), PACTE_CONTACT_ROLE, "sales"); }
static void no_partners (PactePortfolio *p)
{
  PacteRecord *plan = plan_of (p);

  /* Partner ids named by actions and events must stay valid: drop them too. */
  set_strv (item (plan, PACTE_PLAN_ACTIONS, 0), PACTE_ACTION_PARTIES, "");
  set_strv (item (plan, PACTE_PLAN_ACTIONS, 1), PACTE_ACTION_PARTIES, "");
  set_strv (item (plan, PACTE_PLAN_ACTIONS, 2), PACTE_ACTION_PARTIES, "");
  set_strv (item (plan, PACTE_PLAN_EVENTS, 0), PACTE_EVENT_PARTNERS, "");
  set_strv (plan, PACTE_PLAN_PARTNERS, "");
}
/* R06 */
static void no_boundaries (PactePortfolio *p)
{
  PacteRecord *partner = partner_of (p, "p-b");

  set_strv (partner, PACTE_PARTNER_TERRITORIES, "");
  set_strv (partner, PACTE_PARTNER_PRODUCTS, "");
  set_strv (partner, PACTE_PARTNER_SECTORS, "");
}
static void no_sectors (PactePortfolio *p) { set_strv (partner_of (p, "p-b"), PACTE_PARTNER_SECTORS, ""); }
static void no_enablement (PactePortfolio *p) { clear_list (plan_of (p), PACTE_PLAN_ENABLEMENT); }
/* R07 */
static void cross_unknown (PactePortfolio *p) { set_num (partner_of (p, "p-b"), PACTE_PARTNER_CROSS_BUSINESS_WE_BUY_FROM_PARTNER, NAN); }
/* R08 */
static void lawyers_in_exploration (PactePortfolio *p) { set_str (plan_of (p), PACTE_PLAN_PHASE, "exploration"); }
static void nda_in_execution (PactePortfolio *p) { set_str (plan_of (p), PACTE_PLAN_AGREEMENT_TYPE, "nda"); }
static void no_agreement_in_review (PactePortfolio *p)
{
  set_str (plan_of (p), PACTE_PLAN_AGREEMENT_TYPE, "");
  set_str (plan_of (p), PACTE_PLAN_PHASE, "review");
}
static void nda_at_launch (PactePortfolio *p)
{
  set_str (plan_of (p), PACTE_PLAN_AGREEMENT_TYPE, "nda");
  set_str (plan_of (p), PACTE_PLAN_PHASE, "launch");
}
/* R09 */
static void activity_30 (PactePortfolio *p) { set_activity_age (plan_of (p), 30); }
static void activity_31 (PactePortfolio *p) { set_activity_age (plan_of (p), 31); }
static void activity_90 (PactePortfolio *p) { set_activity_age (plan_of (p), 90); }
static void activity_91 (PactePortfolio *p) { set_activity_age (plan_of (p), 91); }
static void activity_future_only (PactePortfolio *p) { set_activity_age (plan_of (p), -5); }
static void no_activity (PactePortfolio *p) { clear_list (plan_of (p), PACTE_PLAN_ACTIVITY); }
/* R10 */
static void no_champion (PactePortfolio *p)
{
  set_str (item (partner_of (p, "p-a"), PACTE_PARTNER_CONTACTS, 1), PACTE_CONTACT_ROLE, "sales");
  set_str (item (partner_of (p, "p-b"), PACTE_PARTNER_CONTACTS, 1), PACTE_CONTACT_ROLE, "other");
}
static void one_champion (PactePortfolio *p) { set_str (item (partner_of (p, "p-b"), PACTE_PARTNER_CONTACTS, 1), PACTE_CONTACT_ROLE, "other"); }
/* R11 */
static void no_communication (PactePortfolio *p) { clear_list (plan_of (p), PACTE_PLAN_COMMUNICATION); }
static void internal_only (PactePortfolio *p) { pacte_record_list_remove (plan_of (p), PACTE_PLAN_COMMUNICATION, 1); }
/* R12 */
static void all_cancelled (PactePortfolio *p)
{
  for (guint i = 0; i < 3; i++)
    set_str (item (plan_of (p), PACTE_PLAN_ACTIONS, i), PACTE_ACTION_STATUS, "cancelled");
}
static void two_open (PactePortfolio *p) { set_str (item (plan_of (p), PACTE_PLAN_ACTIONS, 2), PACTE_ACTION_STATUS, "cancelled"); }
static void unlinked_action (PactePortfolio *p) { set_str (item (plan_of (p), PACTE_PLAN_ACTIONS, 2), PACTE_ACTION_OBJECTIVE, "obj-9"); }
static void four_of_five_linked (PactePortfolio *p)
{
  add_action (plan_of (p), "act-4", "planned", "obj-1");
  add_action (plan_of (p), "act-5", "planned", "");
}
static void three_of_five_linked (PactePortfolio *p)
{
  add_action (plan_of (p), "act-4", "planned", "obj-7");
  add_action (plan_of (p), "act-5", "", "");
}
/* R13 */
static void no_multi_party (PactePortfolio *p) { set_strv (item (plan_of (p), PACTE_PLAN_ACTIONS, 0), PACTE_ACTION_PARTIES, "p-a"); }
static void multi_party_cancelled (PactePortfolio *p) { set_str (item (plan_of (p), PACTE_PLAN_ACTIONS, 0), PACTE_ACTION_STATUS, "cancelled"); }
static void multi_party_event (PactePortfolio *p)
{
  no_multi_party (p);
  set_strv (item (plan_of (p), PACTE_PLAN_EVENTS, 0), PACTE_EVENT_PARTNERS, "p-a,p-b");
}
/* R14 */
static void forecast_zero (PactePortfolio *p) { set_num (item (plan_of (p), PACTE_PLAN_FORECAST, 0), PACTE_FORECAST_AMOUNT, 0); }
static void forecast_far (PactePortfolio *p) { set_str (item (plan_of (p), PACTE_PLAN_FORECAST, 0), PACTE_FORECAST_QUARTER, "2027-Q4"); }
static void forecast_past (PactePortfolio *p) { set_str (item (plan_of (p), PACTE_PLAN_FORECAST, 0), PACTE_FORECAST_QUARTER, "2026-Q4"); }
static void forecast_next (PactePortfolio *p) { set_str (item (plan_of (p), PACTE_PLAN_FORECAST, 0), PACTE_FORECAST_QUARTER, "2027-Q2"); }
/* R15 */
static void webinar_in_execution (PactePortfolio *p) { set_str (item (plan_of (p), PACTE_PLAN_EVENTS, 0), PACTE_EVENT_KIND, "webinar"); }
static void webinar_in_negotiation (PactePortfolio *p)
{
  webinar_in_execution (p);
  set_str (plan_of (p), PACTE_PLAN_PHASE, "negotiation");
}
/* R16 */
static void no_segment (PactePortfolio *p) { set_str (plan_of (p), PACTE_PLAN_SEGMENT, ""); }
static void other_segment (PactePortfolio *p) { set_str (partner_of (p, "p-b"), PACTE_PARTNER_SEGMENT, "technology"); }
static void partner_no_segment (PactePortfolio *p) { set_str (partner_of (p, "p-b"), PACTE_PARTNER_SEGMENT, ""); }
static void no_label (PactePortfolio *p) { set_str (partner_of (p, "p-b"), PACTE_PARTNER_LABEL, ""); }

#define G PACTE_STATUS_GREEN
#define A PACTE_STATUS_AMBER
#define RD PACTE_STATUS_RED

static const RuleCase cases[] = {
  { "r01-no-revenue", "R01", no_revenue, RD, { "No revenue target", "Joint Retail Push" } },
  { "r01-zero-revenue", "R01", zero_revenue, RD, { "No revenue target" } },
  { "r01-no-means", "R01", no_means, A, { "Neither a budget nor a headcount" } },
  { "r01-headcount-only", "R01", headcount_only, G, { "revenue target is set" } },
  { "r02-zero-target", "R02", objective_zero_target, RD, { "No objective has both" } },
  { "r02-no-due", "R02", objective_no_due, RD, { "No objective has both" } },
  { "r02-no-objectives", "R02", no_objectives, RD, { "no objectives yet" } },
  { "r02-no-benchmark", "R02", no_benchmark, A, { "benchmarked" } },
  { "r02-benchmark-source-only", "R02", benchmark_source_only, G, { "Quantified" } },
  { "r02-mou-in-execution", "R02", mou_in_execution, A, { "execution phase", "memorandum of understanding" } },
  { "r02-mou-in-negotiation", "R02", mou_in_negotiation, G, { "Quantified" } },
  { "r03-sponsor-in-exploration", "R03", sponsor_in_exploration, RD, { "engaged on 10 January 2027", "exploration" } },
  { "r03-sponsor-no-phase", "R03", sponsor_no_phase, RD, { "engaged on 10 January 2027" } },
  { "r03-sponsor-in-negotiation", "R03", sponsor_in_negotiation, G, { "right time" } },
  { "r03-three-options", "R03", three_options, A, { "“Which route to market?”", "not a binary choice (options: 3)" } },
  { "r03-three-options-decided", "R03", three_options_decided, G, { "right time" } },
  { "r03-three-options-management", "R03", three_options_management, G, { "right time" } },
  { "r03-launch-no-sponsor", "R03", launch_no_sponsor, A, { "launch phase", "no executive sponsor" } },
  { "r04-no-governance", "R04", no_governance, RD, { "No governance body" } },
  { "r04-one-level", "R04", one_level, A, { "covered: 1", "at least 2" } },
  { "r04-level-missing", "R04", level_missing, A, { "covered: 1" } },
  { "r04-no-owner", "R04", body_no_owner, A, { "“Weekly sync”", "no owner" } },
  { "r04-no-cadence", "R04", body_no_cadence, A, { "“Weekly sync”", "no meeting cadence" } },
  { "r04-met-180-days-ago", "R04", met_180_days_ago, G, { "meeting as planned" } },
  { "r04-met-181-days-ago", "R04", met_181_days_ago, A, { "“Steering committee”", "181 days ago", "180 days" } },
  { "r04-never-met", "R04", never_met, A, { "“Weekly sync”", "no recorded meeting" } },
  { "r05-no-owner", "R05", no_owner, RD, { "No one on our side" } },
  { "r05-primary", "R05", primary_no_alliance_partner, RD, { "primary partner Acme Alliances" } },
  { "r05-other", "R05", other_no_alliance_partner, A, { "Bolt Systems has no contact" } },
  { "r05-no-partners", "R05", no_partners, RD, { "No partner is chosen" } },
  { "r06-no-boundaries", "R06", no_boundaries, RD, { "Bolt Systems", "no territory, product or sector" } },
  { "r06-no-sectors", "R06", no_sectors, A, { "Bolt Systems", "no sector defined" } },
  { "r06-no-enablement", "R06", no_enablement, A, { "No training" } },
  { "r06-no-partners", "R06", no_partners, RD, { "No partner is chosen" } },
  { "r07-unknown", "R07", cross_unknown, A, { "Bolt Systems", "what we buy from them" } },
  { "r07-no-partners", "R07", no_partners, A, { "No partner is chosen" } },
  { "r08-lawyers-in-exploration", "R08", lawyers_in_exploration, RD, { "involved on 1 December 2026" } },
  { "r08-nda-in-execution", "R08", nda_in_execution, A, { "execution phase", "non-disclosure agreement" } },
  { "r08-no-agreement-in-review", "R08", no_agreement_in_review, A, { "review phase", "no agreement is recorded" } },
  { "r08-nda-at-launch", "R08", nda_at_launch, G, { "right time" } },
  { "r09-30-days", "R09", activity_30, G, { "momentum" } },
  { "r09-31-days", "R09", activity_31, A, { "31 days ago", "more than 30 days" } },
  { "r09-90-days", "R09", activity_90, A, { "90 days ago", "more than 30 days" } },
  { "r09-91-days", "R09", activity_91, RD, { "91 days ago", "more than 90 days" } },
  { "r09-future-only", "R09", activity_future_only, RD, { "No activity is recorded" } },
  { "r09-none", "R09", no_activity, RD, { "No activity is recorded" } },
  { "r10-no-champion", "R10", no_champion, RD, { "No champion" } },
  { "r10-one-champion", "R10", one_champion, A, { "Champions identified: 1", "at least 2" } },
  { "r10-no-partners", "R10", no_partners, RD, { "No partner is chosen" } },
  { "r11-none", "R11", no_communication, RD, { "No communication" } },
  { "r11-internal-only", "R11", internal_only, A, { "No external communication" } },
  { "r12-all-cancelled", "R12", all_cancelled, RD, { "No open action" } },
  { "r12-two-open", "R12", two_open, A, { "Open actions: 2", "at least 3" } },
  { "r12-unlinked", "R12", unlinked_action, A, { "linked to an objective of the plan: 2 of 3 (67%)", "80%" } },
  { "r12-four-of-five", "R12", four_of_five_linked, G, { "program of actions" } },
  { "r12-three-of-five", "R12", three_of_five_linked, A, { "3 of 5 (60%)", "at least 80%" } },
  { "r13-no-multi-party", "R13", no_multi_party, A, { "two or more partners" } },
  { "r13-multi-party-cancelled", "R13", multi_party_cancelled, A, { "two or more partners" } },
  { "r13-multi-party-event", "R13", multi_party_event, G, { "Several partners" } },
  { "r14-zero", "R14", forecast_zero, RD, { "No revenue is forecast." } },
  { "r14-far", "R14", forecast_far, A, { "short term", "2 quarters from Q1 2027" } },
  { "r14-past", "R14", forecast_past, A, { "short term" } },
  { "r14-next-quarter", "R14", forecast_next, G, { "Short-term revenue" } },
  { "r15-execution", "R15", webinar_in_execution, RD, { "execution phase", "no joint customer event" } },
  { "r15-negotiation", "R15", webinar_in_negotiation, A, { "No joint customer event is planned yet" } },
  { "r16-no-segment", "R16", no_segment, RD, { "The plan has no segment" } },
  { "r16-other-segment", "R16", other_segment, RD, { "Bolt Systems", "technology segment" } },
  { "r16-partner-no-segment", "R16", partner_no_segment, RD, { "Bolt Systems has no segment" } },
  { "r16-no-label", "R16", no_label, A, { "Bolt Systems has no label" } },
  { "r16-no-partners", "R16", no_partners, RD, { "No partner is chosen" } },
};

static int
evaluate_at (PactePortfolio   *p,
             const char       *date,
             const char       *lang,
             PacteRuleOutcome *outcomes)
{
  return pacte_evaluate_plan (pacte_rule_set_get_default (), p,
                              PACTE_PLAN (plan_of (p)), pacte_date_parse (date), lang, outcomes);
}

static const PacteRuleOutcome *
outcome_of (PacteRuleOutcome *outcomes,
            const char       *rule)
{
  int index = pacte_rule_set_find (pacte_rule_set_get_default (), rule);

  g_assert_cmpint (index, >=, 0);
  return &outcomes[index];
}

static void
assert_outcome (const PacteRuleOutcome *outcome,
                PacteStatus             status,
                const char * const     *needles)
{
  if (outcome->status != status)
    g_error ("expected %s, got %s: %s", pacte_status_to_string (status),
             pacte_status_to_string (outcome->status), outcome->explanation);
  for (guint i = 0; i < 3 && needles[i] != NULL; i++)
    if (strstr (outcome->explanation, needles[i]) == NULL)
      g_error ("explanation “%s” does not contain “%s”", outcome->explanation, needles[i]);
}

static void
test_case (gconstpointer data)
{
  const RuleCase *c = data;
  g_autoptr(PactePortfolio) p = make_portfolio ();
  PacteRuleOutcome outcomes[32];

  c->mutate (p);
  evaluate_at (p, TODAY, "en", outcomes);
  assert_outcome (outcome_of (outcomes, c->rule), c->status, c->needles);
}

/* ---- Beyond the table ---------------------------------------------------- */

static void
test_base_all_green (void)
{
  g_autoptr(PactePortfolio) p = make_portfolio ();
  PacteRuleOutcome outcomes[32];
  guint n = pacte_rule_set_get_n_rules (pacte_rule_set_get_default ());

  g_assert_cmpuint (n, ==, 16);
  g_assert_cmpint (evaluate_at (p, TODAY, "en", outcomes), ==, 100);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (outcomes[i].status, ==, PACTE_STATUS_GREEN);
      g_assert_cmpstr (outcomes[i].explanation, !=, "");
    }
}

static void
test_quarter_boundary (void)
{
  g_autoptr(PactePortfolio) p = make_portfolio ();
  PacteRuleOutcome outcomes[32];

  /* Horizon 2: Q1+Q2 on 2027-03-31, Q2+Q3 on 2027-04-01. */
  set_str (item (plan_of (p), PACTE_PLAN_FORECAST, 0), PACTE_FORECAST_QUARTER, "2027-Q3");
  set_activity_age (plan_of (p), 0);
  evaluate_at (p, "2027-03-31", "en", outcomes);
  assert_outcome (outcome_of (outcomes, "R14"), PACTE_STATUS_AMBER,
                  (const char * const[]) { "2 quarters from Q1 2027", NULL, NULL });
  evaluate_at (p, "2027-04-01", "en", outcomes);
  assert_outcome (outcome_of (outcomes, "R14"), PACTE_STATUS_GREEN, (const char * const[]) { NULL, NULL, NULL });
}

/* Plurals in explanations follow each language's rule: "1 quarter" but
 * "3 quarters"; « 1 trimestre » but « 3 trimestres »; never "quarter(s)". */
static void
test_plurals (void)
{
  static const struct {
    const char *settings;
    const char *lang;
    const char *expected;
  } plurals[] = {
    { "{ \"R14\": { \"params\": { \"horizon_quarters\": 1 } } }", "en",
      "No revenue is forecast in the short term (horizon: 1 quarter from Q1 2027)." },
    { "{ \"R14\": { \"params\": { \"horizon_quarters\": 3 } } }", "en",
      "No revenue is forecast in the short term (horizon: 3 quarters from Q1 2027)." },
    { "{ \"R14\": { \"params\": { \"horizon_quarters\": 1 } } }", "fr",
      "Aucun chiffre d\u2019affaires n\u2019est pr\u00e9vu \u00e0 court terme (horizon\u00a0: 1 trimestre \u00e0 partir du T1 2027)." },
    { "{ \"R14\": { \"params\": { \"horizon_quarters\": 3 } } }", "fr",
      "Aucun chiffre d\u2019affaires n\u2019est pr\u00e9vu \u00e0 court terme (horizon\u00a0: 3 trimestres \u00e0 partir du T1 2027)." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (plurals); i++)
    {
      g_autoptr(PactePortfolio) p = make_portfolio_with (plurals[i].settings, "{}");
      PacteRuleOutcome outcomes[32];

      forecast_far (p);   /* 2027-Q4: beyond a horizon of 1 or 3 quarters from Q1 */
      evaluate_at (p, TODAY, plurals[i].lang, outcomes);
      g_assert_cmpint (outcome_of (outcomes, "R14")->status, ==, PACTE_STATUS_AMBER);
      g_assert_cmpstr (outcome_of (outcomes, "R14")->explanation, ==, plurals[i].expected);
    }

  /* A rule file's own plural, chosen by {count}: French 0 is singular. */
  {
    static const char json[] =
      "{ \"format\": \"pacte-rules\", \"version\": 1, \"rules\": [ { \"id\": \"R1\", \"number\": 1,"
      " \"title\": {\"en\":\"t\",\"fr\":\"t\"}, \"statement\": {\"en\":\"t\",\"fr\":\"t\"}, \"advice\": {\"en\":\"t\",\"fr\":\"t\"},"
      " \"green\": {\"en\":\"t\",\"fr\":\"t\"}, \"checks\": [ { \"kind\": \"count\", \"severity\": \"amber\","
      " \"list\": \"objectives\", \"where\": [ { \"field\": \"target\", \"above\": 1000 } ], \"at_least\": 2,"
      " \"explanation\": { \"en\": \"{count} big {count|objective|objectives} (at least {min})\","
      " \"fr\": \"{count} {count|grand objectif|grands objectifs}\" } } ] } ] }";
    g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
    g_autoptr(GError) error = NULL;
    g_autoptr(PacteRuleSet) rules = pacte_rule_set_new_from_bytes (bytes, "plural.json", &error);
    g_autoptr(PactePortfolio) p = make_portfolio ();
    PacteRuleOutcome outcomes[4];

    g_assert_no_error (error);
    pacte_evaluate_plan (rules, p, PACTE_PLAN (plan_of (p)), pacte_date_parse (TODAY), "en", outcomes);
    g_assert_cmpstr (outcomes[0].explanation, ==, "0 big objectives (at least 2)");
    pacte_evaluate_plan (rules, p, PACTE_PLAN (plan_of (p)), pacte_date_parse (TODAY), "fr", outcomes);
    g_assert_cmpstr (outcomes[0].explanation, ==, "0 grand objectif");
  }
}

static void
test_no_phase_is_exploration (void)
{
  g_autoptr(PactePortfolio) p = make_portfolio ();
  PacteRuleOutcome outcomes[32];

  set_str (plan_of (p), PACTE_PLAN_PHASE, "");
  set_str (item (plan_of (p), PACTE_PLAN_EVENTS, 0), PACTE_EVENT_KIND, "webinar");
  evaluate_at (p, TODAY, "en", outcomes);
  /* Exploration: lawyers too early (red), customer events only amber. */
  g_assert_cmpint (outcome_of (outcomes, "R08")->status, ==, PACTE_STATUS_RED);
  g_assert_cmpint (outcome_of (outcomes, "R15")->status, ==, PACTE_STATUS_AMBER);
}

static void
test_french (void)
{
  g_autoptr(PactePortfolio) p = make_portfolio ();
  PacteRuleOutcome outcomes[32];

  set_activity_age (plan_of (p), 45);
  set_str (partner_of (p, "p-b"), PACTE_PARTNER_LABEL, "");
  evaluate_at (p, TODAY, "fr", outcomes);
  assert_outcome (outcome_of (outcomes, "R09"), PACTE_STATUS_AMBER,
                  (const char * const[]) { "remonte à 45 jours", "plus de 30 jours", NULL });
  assert_outcome (outcome_of (outcomes, "R16"), PACTE_STATUS_AMBER,
                  (const char * const[]) { "Bolt Systems n’a pas de label", NULL, NULL });
  g_assert_cmpstr (pacte_rule_set_get_title (pacte_rule_set_get_default (), 0, "fr"), ==,
                   "Travailler à un niveau stratégique");
}

/* Explanations read as prose in their language: dates and quarters written
 * out ("10 janvier 2027", "T1 2027", not "2027-01-10", "2027-Q1"), counts
 * that do not need a plural ("options: 1", not "1 options"), and no English
 * left in the French texts. */
static void
test_explanations_read_well (void)
{
  g_autoptr(PactePortfolio) p = make_portfolio ();
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  PacteRuleOutcome outcomes[32];

  sponsor_in_exploration (p);
  forecast_far (p);
  primary_no_alliance_partner (p);
  evaluate_at (p, TODAY, "fr", outcomes);
  assert_outcome (outcome_of (outcomes, "R03"), PACTE_STATUS_RED,
                  (const char * const[]) { "impliqué le 10 janvier 2027", NULL, NULL });
  g_assert_null (strstr (outcome_of (outcomes, "R03")->explanation, "2027-01-10"));
  assert_outcome (outcome_of (outcomes, "R08"), PACTE_STATUS_RED,
                  (const char * const[]) { "impliqués le 1er décembre 2026", NULL, NULL });
  assert_outcome (outcome_of (outcomes, "R14"), PACTE_STATUS_AMBER,
                  (const char * const[]) { "à partir du T1 2027", NULL, NULL });
  assert_outcome (outcome_of (outcomes, "R05"), PACTE_STATUS_RED,
                  (const char * const[]) { "dans le rôle de partenaire d’alliance", NULL, NULL });

  set_strv (item (plan_of (p), PACTE_PLAN_DECISIONS, 0), PACTE_DECISION_OPTIONS, "Direct");
  set_str (plan_of (p), PACTE_PLAN_PHASE, "launch");
  evaluate_at (p, TODAY, "en", outcomes);
  assert_outcome (outcome_of (outcomes, "R03"), PACTE_STATUS_AMBER,
                  (const char * const[]) { "is not a binary choice (options: 1)", NULL, NULL });
  evaluate_at (p, TODAY, "fr", outcomes);
  assert_outcome (outcome_of (outcomes, "R03"), PACTE_STATUS_AMBER,
                  (const char * const[]) { "n’est pas un choix binaire (options\xc2\xa0: 1)", NULL, NULL });

  for (guint i = 0; i < pacte_rule_set_get_n_rules (rules); i++)
    {
      const char *texts[] = {
        pacte_rule_set_get_title (rules, i, "fr"),
        pacte_rule_set_get_statement (rules, i, "fr"),
        pacte_rule_set_get_advice (rules, i, "fr"),
      };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_assert_null (strstr (texts[t], "alliance partner"));
          g_assert_null (strstr (texts[t], "business"));
          g_assert_null (strstr (texts[t], "slideware"));
        }
    }
}

/* Every French text uses a no-break space before : ; ! ? % » and after «. */
static void
test_french_typography (void)
{
  PacteRuleSet *rules = pacte_rule_set_get_default ();

  for (guint i = 0; i < pacte_rule_set_get_n_rules (rules); i++)
    {
      const char *texts[] = {
        pacte_rule_set_get_title (rules, i, "fr"),
        pacte_rule_set_get_statement (rules, i, "fr"),
        pacte_rule_set_get_advice (rules, i, "fr"),
      };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_assert_null (strstr (texts[t], " :"));
          g_assert_null (strstr (texts[t], " ;"));
          g_assert_null (strstr (texts[t], " ?"));
          g_assert_null (strstr (texts[t], " !"));
          g_assert_null (strstr (texts[t], "« "));
          g_assert_null (strstr (texts[t], " »"));
          g_assert_true (g_utf8_validate (texts[t], -1, NULL));
        }
    }
}

static void
test_overrides (void)
{
  PacteRuleOutcome outcomes[32];

  {
    /* Off with a reason: the reason is the explanation; off rules leave the score. */
    g_autoptr(PactePortfolio) p = make_portfolio_with (
      "{}", "{ \"R09\": { \"disabled\": true, \"reason\": \"Dormant until the autumn\" } }");

    set_activity_age (plan_of (p), 200);
    g_assert_cmpint (evaluate_at (p, TODAY, "en", outcomes), ==, 100);
    g_assert_cmpint (outcome_of (outcomes, "R09")->status, ==, PACTE_STATUS_OFF);
    g_assert_cmpstr (outcome_of (outcomes, "R09")->explanation, ==, "Dormant until the autumn");
  }
  {
    g_autoptr(PactePortfolio) p = make_portfolio_with ("{ \"R09\": { \"disabled\": true } }", "{}");

    evaluate_at (p, TODAY, "en", outcomes);
    g_assert_cmpint (outcome_of (outcomes, "R09")->status, ==, PACTE_STATUS_OFF);
    g_assert_cmpstr (outcome_of (outcomes, "R09")->explanation, ==, "Switched off");
  }
  {
    /* The plan's "disabled": false beats the portfolio's switch. */
    g_autoptr(PactePortfolio) p = make_portfolio_with ("{ \"R09\": { \"disabled\": true, \"reason\": \"x\" } }",
                                                       "{ \"R09\": { \"disabled\": false } }");

    evaluate_at (p, TODAY, "en", outcomes);
    g_assert_cmpint (outcome_of (outcomes, "R09")->status, ==, PACTE_STATUS_GREEN);
  }
  {
    /* Parameters: portfolio level… */
    g_autoptr(PactePortfolio) p = make_portfolio_with ("{ \"R10\": { \"params\": { \"min_champions\": 1 } },"
                                                       "  \"R09\": { \"params\": { \"amber_days\": 60 } } }", "{}");

    one_champion (p);
    set_activity_age (plan_of (p), 45);
    evaluate_at (p, TODAY, "en", outcomes);
    g_assert_cmpint (outcome_of (outcomes, "R10")->status, ==, PACTE_STATUS_GREEN);
    g_assert_cmpint (outcome_of (outcomes, "R09")->status, ==, PACTE_STATUS_GREEN);
    g_assert_cmpfloat (pacte_effective_param (pacte_rule_set_get_default (), p, PACTE_PLAN (plan_of (p)),
                                              pacte_rule_set_find (pacte_rule_set_get_default (), "R09"),
                                              "amber_days"), ==, 60);
  }
  {
    /* …and the plan's beats the portfolio's. */
    g_autoptr(PactePortfolio) p = make_portfolio_with ("{ \"R10\": { \"params\": { \"min_champions\": 1 } } }",
                                                       "{ \"R10\": { \"params\": { \"min_champions\": 3 } } }");

    evaluate_at (p, TODAY, "en", outcomes);
    assert_outcome (outcome_of (outcomes, "R10"), PACTE_STATUS_AMBER,
                    (const char * const[]) { "Champions identified: 2", "at least 3", NULL });
    g_assert_cmpfloat (pacte_effective_param (pacte_rule_set_get_default (), p, PACTE_PLAN (plan_of (p)),
                                              pacte_rule_set_find (pacte_rule_set_get_default (), "R10"),
                                              "min_champions"), ==, 3);
  }
  {
    /* R04 with min_levels 1 accepts a single level. */
    g_autoptr(PactePortfolio) p = make_portfolio_with ("{}", "{ \"R04\": { \"params\": { \"min_levels\": 1 } } }");

    one_level (p);
    evaluate_at (p, TODAY, "en", outcomes);
    g_assert_cmpint (outcome_of (outcomes, "R04")->status, ==, PACTE_STATUS_GREEN);
  }
}

static void
test_score (void)
{
  PacteRuleOutcome outcomes[32];
  GString *all_off = g_string_new ("{");
  PacteRuleSet *rules = pacte_rule_set_get_default ();

  for (guint i = 0; i < pacte_rule_set_get_n_rules (rules); i++)
    g_string_append_printf (all_off, "%s\"%s\": { \"disabled\": true }", i ? "," : "",
                            pacte_rule_set_get_id (rules, i));
  g_string_append (all_off, "}");
  {
    g_autoptr(PactePortfolio) p = make_portfolio_with ("{}", all_off->str);

    g_assert_cmpint (evaluate_at (p, TODAY, "en", outcomes), ==, -1);
  }
  {
    /* Four rules on: 1 green, 1 amber, 2 red → 100 × 1.5 / 4 = 37.5 → 38. */
    g_autoptr(PactePortfolio) p = make_portfolio_with (
      "{}", "{ \"R02\": {\"disabled\": true}, \"R03\": {\"disabled\": true}, \"R04\": {\"disabled\": true},"
            "  \"R06\": {\"disabled\": true}, \"R07\": {\"disabled\": true}, \"R08\": {\"disabled\": true},"
            "  \"R09\": {\"disabled\": true}, \"R10\": {\"disabled\": true}, \"R12\": {\"disabled\": true},"
            "  \"R14\": {\"disabled\": true}, \"R15\": {\"disabled\": true}, \"R16\": {\"disabled\": true} }");

    no_multi_party (p);        /* R13 amber */
    no_owner (p);              /* R05 red */
    no_communication (p);      /* R11 red; R01 stays green */
    g_assert_cmpint (evaluate_at (p, TODAY, "en", outcomes), ==, 38);
  }
  {
    /* 16 rules: 15 green, 1 amber → 96.875 → 97; 1 red more → 90.625 → 91. */
    g_autoptr(PactePortfolio) p = make_portfolio ();

    no_label (p);
    g_assert_cmpint (evaluate_at (p, TODAY, "en", outcomes), ==, 97);
    no_communication (p);
    g_assert_cmpint (evaluate_at (p, TODAY, "en", outcomes), ==, 91);
  }
  g_string_free (all_off, TRUE);
}

static void
assert_load_fails (const char *settings,
                   const char *overrides,
                   const char *needle1,
                   const char *needle2)
{
  g_autofree char *text = g_strdup_printf (base_json, settings, overrides);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) p = NULL;

  p = pacte_portfolio_load_bytes (bytes, "bad.pacte.json", pacte_rule_set_get_default (), &error);
  g_assert_null (p);
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_UNKNOWN_RULE);
  g_assert_nonnull (strstr (error->message, "bad.pacte.json"));
  if (strstr (error->message, needle1) == NULL || strstr (error->message, needle2) == NULL)
    g_error ("“%s” should name %s and %s", error->message, needle1, needle2);
}

static void
test_override_errors (void)
{
  assert_load_fails ("{}", "{ \"R99\": { \"disabled\": true } }", "R99", "plans[0].rule_overrides");
  assert_load_fails ("{}", "{ \"R09\": { \"params\": { \"bogus\": 3 } } }", "bogus", "plans[0].rule_overrides.R09");
  assert_load_fails ("{ \"R42\": { \"disabled\": true } }", "{}", "R42", "rule_settings");
  assert_load_fails ("{ \"R10\": { \"params\": { \"amber_days\": 3 } } }", "{}", "amber_days", "rule_settings.R10");
}

static void
test_rule_set_api (void)
{
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  const char * const *params;
  int r09 = pacte_rule_set_find (rules, "R09");

  g_assert_true (pacte_rule_set_get_default () == rules);
  g_assert_true (pacte_rule_set_has_rule (rules, "R16"));
  g_assert_false (pacte_rule_set_has_rule (rules, "R17"));
  g_assert_true (pacte_rule_set_has_param (rules, "R12", "min_linked_ratio"));
  g_assert_false (pacte_rule_set_has_param (rules, "R12", "amber_days"));
  g_assert_false (pacte_rule_set_has_param (rules, "R99", "amber_days"));
  g_assert_cmpint (r09, ==, 8);
  g_assert_cmpstr (pacte_rule_set_get_id (rules, r09), ==, "R09");
  g_assert_cmpuint (pacte_rule_set_get_number (rules, r09), ==, 9);
  g_assert_cmpstr (pacte_rule_set_get_title (rules, r09, "en"), ==, "Don’t give up");
  g_assert_cmpstr (pacte_rule_set_get_title (rules, r09, "de"), ==, "Don’t give up");
  params = pacte_rule_set_get_param_names (rules, r09);
  g_assert_cmpuint (g_strv_length ((char **) params), ==, 2);
  g_assert_cmpfloat (pacte_rule_set_get_param_default (rules, r09, "amber_days"), ==, 30);
  g_assert_cmpfloat (pacte_rule_set_get_param_default (rules, r09, "red_days"), ==, 90);
  g_assert_true (isnan (pacte_rule_set_get_param_default (rules, r09, "nope")));
  g_assert_cmpstr (pacte_status_to_string (PACTE_STATUS_AMBER), ==, "amber");
  g_assert_cmpstr (pacte_status_display_name (PACTE_STATUS_RED, "en"), ==, "Red");
  {
    PacteStatus status;
    GEnumClass *klass = g_type_class_ref (PACTE_TYPE_STATUS);

    g_assert_true (pacte_status_from_string ("off", &status));
    g_assert_cmpint (status, ==, PACTE_STATUS_OFF);
    g_assert_false (pacte_status_from_string ("purple", &status));
    g_assert_cmpstr (g_enum_get_value (klass, PACTE_STATUS_RED)->value_nick, ==, "red");
    g_type_class_unref (klass);
  }
}

/* A rule added by editing JSON only (docs/rules.md's worked example). */
static const char r17_rules[] =
  "{ \"format\": \"pacte-rules\", \"version\": 1, \"rules\": [ {\n"
  "  \"id\": \"R17\", \"number\": 17,\n"
  "  \"title\": { \"en\": \"Enough attendees\", \"fr\": \"Assez de participants\" },\n"
  "  \"statement\": { \"en\": \"s\", \"fr\": \"s\" }, \"advice\": { \"en\": \"a\", \"fr\": \"a\" },\n"
  "  \"params\": { \"min_attendees\": 50 },\n"
  "  \"checks\": [ { \"kind\": \"each-item\", \"severity\": \"amber\", \"list\": \"events\", \"name_field\": \"title\",\n"
  "                  \"where\": [ { \"field\": \"kind\", \"equals\": \"customer-event\" } ],\n"
  "                  \"require\": [ { \"field\": \"expected_attendees\", \"at-least\": \"min_attendees\" } ],\n"
  "                  \"explanation\": { \"en\": \"“{item}” expects {value} attendees; aim for {min_attendees}.\",\n"
  "                                     \"fr\": \"« {item} » attend {value} participants ; visez {min_attendees}.\" },\n"
  "                  \"explanation_unset\": { \"en\": \"“{item}” has no expected attendance.\", \"fr\": \"f\" } } ],\n"
  "  \"green\": { \"en\": \"Events draw a crowd.\", \"fr\": \"Du monde aux événements.\" } } ] }\n";

static void
test_custom_rule (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (r17_rules, sizeof r17_rules - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PacteRuleSet) rules = pacte_rule_set_new_from_bytes (bytes, "r17.json", &error);
  g_autoptr(PactePortfolio) p = make_portfolio ();
  PacteRuleOutcome outcomes[1];
  PacteRecord *event = item (plan_of (p), PACTE_PLAN_EVENTS, 0);

  g_assert_no_error (error);
  g_assert_cmpuint (pacte_rule_set_get_n_rules (rules), ==, 1);
  pacte_evaluate_plan (rules, p, PACTE_PLAN (plan_of (p)), today (), "en", outcomes);
  assert_outcome (&outcomes[0], PACTE_STATUS_AMBER, (const char * const[]) { "“Customer day” has no expected attendance", NULL, NULL });
  set_num (event, PACTE_EVENT_EXPECTED_ATTENDEES, 20);
  pacte_evaluate_plan (rules, p, PACTE_PLAN (plan_of (p)), today (), "en", outcomes);
  assert_outcome (&outcomes[0], PACTE_STATUS_AMBER, (const char * const[]) { "expects 20 attendees; aim for 50", NULL, NULL });
  set_num (event, PACTE_EVENT_EXPECTED_ATTENDEES, 50);
  g_assert_cmpint (pacte_evaluate_plan (rules, p, PACTE_PLAN (plan_of (p)), today (), "en", outcomes), ==, 100);
}

typedef struct
{
  const char *json;
  const char *needle;
} BadRuleFile;

static void
test_bad_rule_files (void)
{
  static const BadRuleFile bad[] = {
    { "", "empty" },
    { "{ \"format\": \"pacte-portfolio\", \"version\": 1, \"rules\": [] }", "format" },
    { "{ \"format\": \"pacte-rules\", \"version\": 2, \"rules\": [] }", "version 2" },
    { "{ \"format\": \"pacte-rules\", \"version\": 1, \"rules\": [ { \"id\": \"R1\", \"number\": 1 } ] }", "rules[0].title" },
#define RULE(checks) "{ \"format\": \"pacte-rules\", \"version\": 1, \"rules\": [ { \"id\": \"R1\", \"number\": 1," \
    " \"title\": {\"en\":\"t\",\"fr\":\"t\"}, \"statement\": {\"en\":\"t\",\"fr\":\"t\"}, \"advice\": {\"en\":\"t\",\"fr\":\"t\"}," \
    " \"green\": {\"en\":\"t\",\"fr\":\"t\"}, \"params\": {\"days\": 3}, \"checks\": [ " checks " ] } ] }"
#define EXPL "\"explanation\": {\"en\":\"e\",\"fr\":\"f\"}"
    { RULE ("{ \"kind\": \"magic\", \"severity\": \"red\", " EXPL " }"), "rules[0].checks[0]: unknown kind of check \"magic\"" },
    { RULE ("{ \"kind\": \"plan\", \"severity\": \"pink\", \"require\": [], " EXPL " }"), "severity \"pink\"" },
    { RULE ("{ \"kind\": \"plan\", \"severity\": \"red\", \"require\": [ { \"field\": \"revenue\", \"above\": 0 } ], " EXPL " }"),
      "rules[0].checks[0].require[0]: unknown field \"revenue\"" },
    { RULE ("{ \"kind\": \"plan\", \"severity\": \"red\", \"require\": [ { \"field\": \"revenue_target\", \"above\": \"nope\" } ], " EXPL " }"),
      "\"nope\" is not a parameter of rule R1" },
    { RULE ("{ \"kind\": \"count\", \"severity\": \"red\", \"list\": \"objectivez\", \"at_least\": 1, " EXPL " }"), "unknown field \"objectivez\"" },
    { RULE ("{ \"kind\": \"plan\", \"severity\": \"red\", \"require\": [ { \"field\": \"phase\", \"equals\": \"finished\" } ], " EXPL " }"),
      "\"finished\" is not a possible value of \"phase\"" },
    { RULE ("{ \"kind\": \"plan\", \"severity\": \"red\", \"require\": [], \"explanation\": {\"en\":\"{partner} x\",\"fr\":\"f\"} }"),
      "explanation.en: the placeholder {partner}" },
    { RULE ("{ \"kind\": \"plan\", \"severity\": \"red\", \"require\": [], \"explanation\": {\"en\":\"{nonsense}\",\"fr\":\"f\"} }"),
      "unknown placeholder {nonsense}" },
    { RULE ("{ \"kind\": \"plan\", \"severity\": \"red\", \"require\": [], \"explanation\": {\"en\":\"{days} ok\"} }"),
      "\"fr\"" },
    { RULE ("{ \"kind\": \"plan\", \"severity\": \"red\", \"require\": [], \"colour\": 1, " EXPL " }"), "unknown member \"colour\"" },
    { RULE ("{ \"kind\": \"plan\", \"severity\": \"red\", \"require\": [], \"explanation\": {\"en\":\"{days|day}\",\"fr\":\"f\"} }"),
      "explanation.en: the plural {days|…} must have exactly two forms" },
    { RULE ("{ \"kind\": \"plan\", \"severity\": \"red\", \"require\": [], \"explanation\": {\"en\":\"e\",\"fr\":\"{days|a|b|c}\"} }"),
      "explanation.fr: the plural {days|…} must have exactly two forms" },
    { RULE ("{ \"kind\": \"plan\", \"severity\": \"red\", \"require\": [], \"explanation\": {\"en\":\"{plan|plan|plans}\",\"fr\":\"f\"} }"),
      "{plan} is not a number" },
    { RULE ("{ \"kind\": \"plan\", \"severity\": \"red\", \"require\": [], \"explanation\": {\"en\":\"{dayz|day|days}\",\"fr\":\"f\"} }"),
      "unknown placeholder {dayz}" },
    { RULE ("{ \"kind\": \"plan\", \"severity\": \"red\", \"require\": [], \"explanation\": {\"en\":\"{partner|a|b}\",\"fr\":\"f\"} }"),
      "the placeholder {partner} has no meaning" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i].json, strlen (bad[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(PacteRuleSet) rules = pacte_rule_set_new_from_bytes (bytes, "my-rules.json", &error);

      g_assert_null (rules);
      g_assert_error (error, PACTE_RULES_ERROR, PACTE_RULES_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "my-rules.json: "));
      if (strstr (error->message, bad[i].needle) == NULL)
        g_error ("case %u: “%s” does not contain “%s”", i, error->message, bad[i].needle);
    }
}

/* The placeholder {days} of a plan check that fails on a rule parameter
 * renders the effective value, and a long explanation is cut cleanly. */
static void
test_long_names_truncate (void)
{
  g_autoptr(PactePortfolio) p = make_portfolio ();
  PacteRuleOutcome outcomes[32];
  GString *name = g_string_new (NULL);

  for (guint i = 0; i < 200; i++)
    g_string_append (name, "é");
  set_str (partner_of (p, "p-b"), PACTE_PARTNER_NAME, name->str);
  no_label (p);
  evaluate_at (p, TODAY, "en", outcomes);
  g_assert_cmpint (outcome_of (outcomes, "R16")->status, ==, PACTE_STATUS_AMBER);
  g_assert_true (g_utf8_validate (outcome_of (outcomes, "R16")->explanation, -1, NULL));
  g_string_free (name, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  pacte_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/base-all-green", test_base_all_green);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rules/check/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/rules/quarter-boundary", test_quarter_boundary);
  g_test_add_func ("/rules/plurals", test_plurals);
  g_test_add_func ("/rules/no-phase-is-exploration", test_no_phase_is_exploration);
  g_test_add_func ("/rules/french", test_french);
  g_test_add_func ("/rules/french-typography", test_french_typography);
  g_test_add_func ("/rules/overrides", test_overrides);
  g_test_add_func ("/rules/score", test_score);
  g_test_add_func ("/rules/override-errors", test_override_errors);
  g_test_add_func ("/rules/rule-set-api", test_rule_set_api);
  g_test_add_func ("/rules/custom-rule", test_custom_rule);
  g_test_add_func ("/rules/bad-rule-files", test_bad_rule_files);
  g_test_add_func ("/rules/long-names", test_long_names_truncate);
  g_test_add_func ("/rules/explanations-read-well", test_explanations_read_well);
  return g_test_run ();
}
