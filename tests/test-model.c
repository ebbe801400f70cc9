/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-model.c: records, properties, lists, ownership, undo history (a
 * record class of a test's own: test-record-class.c). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-portfolio.h"
#include "pacte-record-private.h"
#include "pacte-values-private.h"

/* ---- helpers ------------------------------------------------------------ */

typedef struct
{
  guint count;
} NotifyCount;

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  ((NotifyCount *) user_data)->count++;
}

static gulong
watch (gpointer     object,
       const char  *property,
       NotifyCount *counter)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  return g_signal_connect (object, signal, G_CALLBACK (count_notify), counter);
}

typedef struct
{
  guint        count;
  PacteRecord *owner;
  PacteRecord *record;
  guint        field;
} ChangeLog;

static void
on_record_changed (PactePortfolio *portfolio,
                   PacteRecord    *owner,
                   PacteRecord    *record,
                   guint           field,
                   gpointer        user_data)
{
  ChangeLog *log = user_data;

  log->count++;
  log->owner = owner;
  log->record = record;
  log->field = field;
}

static PactePartner *
add_partner (PactePortfolio *portfolio,
             const char     *id,
             const char     *name)
{
  g_autoptr(PactePartner) partner = g_object_new (PACTE_TYPE_PARTNER, NULL);
  GListModel *partners = pacte_portfolio_get_partners (portfolio);

  pacte_record_take_string_raw (PACTE_RECORD (partner), PACTE_PARTNER_ID, g_strdup (id));
  pacte_record_take_string_raw (PACTE_RECORD (partner), PACTE_PARTNER_NAME, g_strdup (name));
  pacte_record_list_append_raw (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_PARTNERS,
                                PACTE_RECORD (partner));
  g_assert_cmpuint (g_list_model_get_n_items (partners), >, 0);
  return partner;  /* the portfolio keeps it alive */
}

static PactePlan *
add_plan (PactePortfolio *portfolio,
          const char     *id)
{
  g_autoptr(PactePlan) plan = g_object_new (PACTE_TYPE_PLAN, NULL);

  pacte_record_take_string_raw (PACTE_RECORD (plan), PACTE_PLAN_ID, g_strdup (id));
  pacte_record_take_string_raw (PACTE_RECORD (plan), PACTE_PLAN_NAME, g_strdup ("Plan"));
  pacte_record_list_append_raw (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_PLANS,
                                PACTE_RECORD (plan));
  return plan;  /* the portfolio keeps it alive */
}

/* A small loaded portfolio: partners p-1, p-2; plan plan-1 with one objective. */
static PactePortfolio *
make_portfolio (void)
{
  PactePortfolio *portfolio = pacte_portfolio_new ();
  g_autoptr(PacteObjective) objective = g_object_new (PACTE_TYPE_OBJECTIVE, NULL);
  PactePlan *plan;

  add_partner (portfolio, "p-1", "Acme");
  add_partner (portfolio, "p-2", "Globex");
  plan = add_plan (portfolio, "plan-1");
  pacte_record_take_strv_raw (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS,
                              g_strsplit ("p-1", ",", -1));
  pacte_record_take_string_raw (PACTE_RECORD (objective), PACTE_OBJECTIVE_ID, g_strdup ("obj-1"));
  pacte_record_set_number_raw (PACTE_RECORD (objective), PACTE_OBJECTIVE_TARGET, 100);
  pacte_record_list_append_raw (PACTE_RECORD (plan), PACTE_PLAN_OBJECTIVES,
                                PACTE_RECORD (objective));
  pacte_portfolio_set_loaded (portfolio, NULL, NULL);
  return portfolio;
}

static PactePlan *
first_plan (PactePortfolio *portfolio)
{
  return pacte_portfolio_find_plan (portfolio, "plan-1");
}

static PacteRecord *
first_objective (PactePortfolio *portfolio)
{
  g_autoptr(PacteRecord) objective =
    g_list_model_get_item (pacte_record_get_list (PACTE_RECORD (first_plan (portfolio)),
                                                  PACTE_PLAN_OBJECTIVES), 0);
  return objective;  /* borrowed: the plan keeps it */
}

/* ---- dates and quarters -------------------------------------------------- */

static void
test_dates (void)
{
  guint32 j = pacte_date_parse ("2027-02-28");
  g_autofree char *text = NULL;
  int y, m, d;

  g_assert_cmpuint (j, !=, 0);
  text = pacte_date_format (j);
  g_assert_cmpstr (text, ==, "2027-02-28");
  pacte_date_to_ymd (j, &y, &m, &d);
  g_assert_cmpint (y, ==, 2027);
  g_assert_cmpint (m, ==, 2);
  g_assert_cmpint (d, ==, 28);
  g_assert_cmpuint (pacte_date_parse ("2027-03-01"), ==, j + 1);
  g_assert_cmpuint (pacte_date_parse ("2028-02-29"), !=, 0);

  g_assert_cmpuint (pacte_date_parse ("2027-02-30"), ==, 0);
  g_assert_cmpuint (pacte_date_parse ("2027-02-29"), ==, 0);
  g_assert_cmpuint (pacte_date_parse ("2027-2-3"), ==, 0);
  g_assert_cmpuint (pacte_date_parse ("2027-02-28T10:00"), ==, 0);
  g_assert_cmpuint (pacte_date_parse ("2027-02-28 "), ==, 0);
  g_assert_cmpuint (pacte_date_parse ("2027-13-01"), ==, 0);
  g_assert_cmpuint (pacte_date_parse ("0000-01-01"), ==, 0);
  g_assert_cmpuint (pacte_date_parse (""), ==, 0);
  g_assert_cmpuint (pacte_date_parse (NULL), ==, 0);
  g_assert_null (pacte_date_format (0));
}

static void
test_quarters (void)
{
  int year = 0, quarter = 0;

  g_assert_true (pacte_quarter_parse ("2027-Q1", &year, &quarter));
  g_assert_cmpint (year, ==, 2027);
  g_assert_cmpint (quarter, ==, 1);
  g_assert_true (pacte_quarter_parse ("2030-Q4", NULL, NULL));
  g_assert_false (pacte_quarter_parse ("2027-Q5", NULL, NULL));
  g_assert_false (pacte_quarter_parse ("2027-Q0", NULL, NULL));
  g_assert_false (pacte_quarter_parse ("2027Q1", NULL, NULL));
  g_assert_false (pacte_quarter_parse ("2027-q1", NULL, NULL));
  g_assert_false (pacte_quarter_parse ("2027-Q1 ", NULL, NULL));
  g_assert_false (pacte_quarter_parse ("", NULL, NULL));
}

static void
test_choices (void)
{
  g_assert_cmpstr (pacte_choice_display_name ("execution"), ==, "Execution");
  g_assert_cmpstr (pacte_choice_display_name ("in-progress"), ==, "In progress");
  g_assert_cmpstr (pacte_choice_display_name ("fr"), ==, "French");
  g_assert_cmpstr (pacte_choice_display_name ("en"), ==, "English");
  g_assert_cmpstr (pacte_choice_display_name ("marketing-alliance"), ==, "Marketing alliance");
  g_assert_cmpint (pacte_phase_rank ("exploration"), ==, 0);
  g_assert_cmpint (pacte_phase_rank ("execution"), ==, 3);
  g_assert_cmpint (pacte_phase_rank ("review"), ==, 4);
  g_assert_cmpint (pacte_phase_rank (NULL), ==, 0);
  g_assert_cmpint (pacte_phase_rank ("bogus"), ==, 0);

  /* Every allowed value of every list has a display name of its own. */
  {
    const char * const *lists[] = {
      pacte_segments, pacte_contact_roles, pacte_phases, pacte_agreement_types,
      pacte_levels, pacte_audiences, pacte_action_statuses, pacte_event_kinds,
      pacte_statuses,
    };

    for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
      for (guint j = 0; lists[i][j] != NULL; j++)
        g_assert_cmpstr (pacte_choice_display_name (lists[i][j]), !=, lists[i][j]);
  }
}

/* ---- properties ------------------------------------------------------------ */

static void
test_properties (void)
{
  g_autoptr(PacteObjective) objective = g_object_new (PACTE_TYPE_OBJECTIVE, NULL);
  g_autoptr(PactePlan) plan = g_object_new (PACTE_TYPE_PLAN, NULL);
  g_autoptr(PacteEnablement) enablement = g_object_new (PACTE_TYPE_ENABLEMENT, NULL);
  PacteRecord *o = PACTE_RECORD (objective);
  g_autofree char *title = NULL, *due = NULL, *phase = NULL;
  g_auto(GStrv) partners = NULL;
  g_autoptr(GListModel) objectives = NULL;
  double target = 0;
  gboolean done = TRUE;
  const char * const ids[] = { "p-1", "p-2", NULL };

  /* Unset values read as "", NaN, 0, -1, an empty vector. */
  g_assert_cmpstr (pacte_record_get_string (o, PACTE_OBJECTIVE_TITLE), ==, "");
  g_assert_true (isnan (pacte_record_get_number (o, PACTE_OBJECTIVE_TARGET)));
  g_assert_cmpuint (pacte_record_get_date (o, PACTE_OBJECTIVE_DUE), ==, 0);
  g_assert_cmpint (pacte_record_get_boolean (PACTE_RECORD (enablement), PACTE_ENABLEMENT_DONE), ==, -1);
  g_assert_nonnull (pacte_record_get_strv (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS));
  g_assert_null (pacte_record_get_strv (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS)[0]);
  g_assert_false (pacte_record_is_set (o, PACTE_OBJECTIVE_TARGET));
  g_object_get (objective, "due", &due, NULL);
  g_assert_null (due);

  g_object_set (objective, "title", "Grow", "target", 250.5, "due", "2027-06-30", NULL);
  g_object_set (plan, "partners", ids, "phase", "launch", NULL);
  g_object_set (enablement, "done", TRUE, NULL);

  g_assert_cmpstr (pacte_record_get_string (o, PACTE_OBJECTIVE_TITLE), ==, "Grow");
  g_assert_cmpfloat (pacte_record_get_number (o, PACTE_OBJECTIVE_TARGET), ==, 250.5);
  g_assert_cmpuint (pacte_record_get_date (o, PACTE_OBJECTIVE_DUE), ==, pacte_date_parse ("2027-06-30"));
  g_assert_cmpint (pacte_record_get_boolean (PACTE_RECORD (enablement), PACTE_ENABLEMENT_DONE), ==, 1);
  g_assert_cmpstrv (pacte_record_get_strv (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS), ids);
  g_assert_true (pacte_record_is_set (o, PACTE_OBJECTIVE_TARGET));

  g_object_get (objective, "title", &title, "target", &target, NULL);
  g_clear_pointer (&due, g_free);
  g_object_get (objective, "due", &due, NULL);
  g_object_get (plan, "partners", &partners, "phase", &phase, "objectives", &objectives, NULL);
  g_object_get (enablement, "done", &done, NULL);
  g_assert_cmpstr (title, ==, "Grow");
  g_assert_cmpfloat (target, ==, 250.5);
  g_assert_cmpstr (due, ==, "2027-06-30");
  g_assert_cmpstrv (partners, ids);
  g_assert_cmpstr (phase, ==, "launch");
  g_assert_true (done);
  g_assert_true (objectives == pacte_record_get_list (PACTE_RECORD (plan), PACTE_PLAN_OBJECTIVES));

  /* Invalid values through a property are ignored, quietly. */
  g_object_set (plan, "phase", "bogus", NULL);
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_PHASE), ==, "launch");
  g_object_set (objective, "due", "2027-02-30", NULL);
  g_assert_cmpuint (pacte_record_get_date (o, PACTE_OBJECTIVE_DUE), ==, pacte_date_parse ("2027-06-30"));

  /* NaN, NULL and "" unset. */
  g_object_set (objective, "target", NAN, "due", NULL, "title", "", NULL);
  g_assert_true (isnan (pacte_record_get_number (o, PACTE_OBJECTIVE_TARGET)));
  g_assert_cmpuint (pacte_record_get_date (o, PACTE_OBJECTIVE_DUE), ==, 0);
  g_assert_false (pacte_record_is_set (o, PACTE_OBJECTIVE_TITLE));

  /* Fields by property name. */
  g_assert_cmpint (pacte_record_find_field (PACTE_RECORD (plan), "period-start"), ==, PACTE_PLAN_PERIOD_START);
  g_assert_cmpint (pacte_record_find_field (PACTE_RECORD (plan), "nope"), ==, -1);
  g_assert_cmpstr (pacte_record_get_field_info (PACTE_RECORD (plan), PACTE_PLAN_PERIOD_START)->json_path,
                   ==, "period.start");
}

static void
test_notify_once (void)
{
  g_autoptr(PacteObjective) objective = g_object_new (PACTE_TYPE_OBJECTIVE, NULL);
  g_autoptr(PactePlan) plan = g_object_new (PACTE_TYPE_PLAN, NULL);
  NotifyCount title = { 0 }, target = { 0 }, due = { 0 }, partners = { 0 }, phase = { 0 };
  const char * const ids[] = { "p-1", NULL };
  const char * const same_ids[] = { "p-1", NULL };
  g_autoptr(GError) error = NULL;

  watch (objective, "title", &title);
  watch (objective, "target", &target);
  watch (objective, "due", &due);
  watch (plan, "partners", &partners);
  watch (plan, "phase", &phase);

  g_object_set (objective, "title", "A", NULL);
  g_object_set (objective, "title", "A", NULL);
  g_assert_true (pacte_record_set_string (PACTE_RECORD (objective), PACTE_OBJECTIVE_TITLE, "A", &error));
  g_assert_cmpuint (title.count, ==, 1);
  g_object_set (objective, "title", "B", NULL);
  g_assert_cmpuint (title.count, ==, 2);

  g_assert_true (pacte_record_set_number (PACTE_RECORD (objective), PACTE_OBJECTIVE_TARGET, 5, NULL));
  g_assert_true (pacte_record_set_number (PACTE_RECORD (objective), PACTE_OBJECTIVE_TARGET, 5, NULL));
  g_object_set (objective, "target", 5.0, NULL);
  g_assert_cmpuint (target.count, ==, 1);
  g_assert_true (pacte_record_set_number (PACTE_RECORD (objective), PACTE_OBJECTIVE_TARGET, NAN, NULL));
  g_assert_true (pacte_record_set_number (PACTE_RECORD (objective), PACTE_OBJECTIVE_TARGET, NAN, NULL));
  g_assert_cmpuint (target.count, ==, 2);

  g_object_set (objective, "due", "2027-01-01", NULL);
  g_object_set (objective, "due", "2027-01-01", NULL);
  g_assert_cmpuint (due.count, ==, 1);

  g_object_set (plan, "partners", ids, NULL);
  g_object_set (plan, "partners", same_ids, NULL);
  g_assert_cmpuint (partners.count, ==, 1);

  g_object_set (plan, "phase", "launch", NULL);
  g_object_set (plan, "phase", "bogus", NULL);
  g_object_set (plan, "phase", "launch", NULL);
  g_assert_cmpuint (phase.count, ==, 1);
}

static void
test_invalid (void)
{
  g_autoptr(PactePlan) plan = g_object_new (PACTE_TYPE_PLAN, NULL);
  g_autoptr(PacteBody) body = g_object_new (PACTE_TYPE_BODY, NULL);
  g_autoptr(PacteForecast) forecast = g_object_new (PACTE_TYPE_FORECAST, NULL);
  g_autoptr(PacteReview) review = g_object_new (PACTE_TYPE_REVIEW, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (pacte_record_set_string (PACTE_RECORD (plan), PACTE_PLAN_PHASE, "final", &error));
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Phase"));
  g_assert_nonnull (strstr (error->message, "final"));
  g_clear_error (&error);

  g_assert_false (pacte_record_set_date (PACTE_RECORD (plan), PACTE_PLAN_PERIOD_START, G_MAXUINT32, &error));
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  /* A quarter is a kind of field of its own: the setter, the loader and
   * the editor know it from the field table, not from the class. */
  g_assert_cmpint (pacte_record_get_field_info (PACTE_RECORD (forecast), PACTE_FORECAST_QUARTER)->kind,
                   ==, PACTE_FIELD_QUARTER);
  g_assert_false (pacte_record_set_string (PACTE_RECORD (forecast), PACTE_FORECAST_QUARTER, "2027-Q5", &error));
  g_assert_nonnull (strstr (error->message, "2027-Q5"));
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Quarter"));
  g_clear_error (&error);
  g_assert_true (pacte_record_set_string (PACTE_RECORD (forecast), PACTE_FORECAST_QUARTER, "2027-Q4", &error));
  g_assert_no_error (error);

  g_assert_false (pacte_record_set_number (PACTE_RECORD (body), PACTE_BODY_CADENCE_DAYS, 7.5, &error));
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "7.5"));
  g_clear_error (&error);
  g_assert_true (isnan (pacte_record_get_number (PACTE_RECORD (body), PACTE_BODY_CADENCE_DAYS)));
  g_assert_true (pacte_record_set_number (PACTE_RECORD (body), PACTE_BODY_CADENCE_DAYS, 14, &error));
  g_assert_cmpfloat (pacte_record_get_number (PACTE_RECORD (body), PACTE_BODY_CADENCE_DAYS), ==, 14);

  g_assert_false (pacte_record_set_number (PACTE_RECORD (plan), PACTE_PLAN_REVENUE_TARGET, INFINITY, &error));
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (pacte_record_set_string (PACTE_RECORD (plan), PACTE_PLAN_NAME, "", &error));
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (pacte_record_map_set_string (PACTE_RECORD (review), PACTE_REVIEW_STATUSES, "R01", "blue", &error));
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_maps (void)
{
  g_autoptr(PacteOverride) override = g_object_new (PACTE_TYPE_OVERRIDE, NULL);
  g_autoptr(PacteReview) review = g_object_new (PACTE_TYPE_REVIEW, NULL);
  PacteRecord *o = PACTE_RECORD (override), *r = PACTE_RECORD (review);
  const char * const keys[] = { "a", "m", "z", NULL };
  const char * const keys2[] = { "a", "z", NULL };

  g_assert_null (pacte_record_map_get_keys (o, PACTE_OVERRIDE_PARAMS)[0]);
  g_assert_true (pacte_record_map_set_number (o, PACTE_OVERRIDE_PARAMS, "z", 3, NULL));
  g_assert_true (pacte_record_map_set_number (o, PACTE_OVERRIDE_PARAMS, "a", 1, NULL));
  g_assert_true (pacte_record_map_set_number (o, PACTE_OVERRIDE_PARAMS, "m", 2, NULL));
  g_assert_cmpstrv (pacte_record_map_get_keys (o, PACTE_OVERRIDE_PARAMS), keys);
  g_assert_cmpfloat (pacte_record_map_get_number (o, PACTE_OVERRIDE_PARAMS, "m"), ==, 2);
  g_assert_true (isnan (pacte_record_map_get_number (o, PACTE_OVERRIDE_PARAMS, "b")));
  g_assert_true (pacte_record_map_set_number (o, PACTE_OVERRIDE_PARAMS, "m", NAN, NULL));
  g_assert_cmpstrv (pacte_record_map_get_keys (o, PACTE_OVERRIDE_PARAMS), keys2);

  pacte_record_map_take_string_raw (r, PACTE_REVIEW_STATUSES, g_strdup ("R02"), g_strdup ("red"));
  g_assert_true (pacte_record_map_set_string (r, PACTE_REVIEW_STATUSES, "R01", "green", NULL));
  g_assert_cmpstr (pacte_record_map_get_string (r, PACTE_REVIEW_STATUSES, "R01"), ==, "green");
  g_assert_cmpstr (pacte_record_map_get_keys (r, PACTE_REVIEW_STATUSES)[0], ==, "R01");
  g_assert_cmpstr (pacte_record_map_get_keys (r, PACTE_REVIEW_STATUSES)[1], ==, "R02");
  g_assert_true (pacte_record_map_set_string (r, PACTE_REVIEW_STATUSES, "R01", NULL, NULL));
  g_assert_null (pacte_record_map_get_string (r, PACTE_REVIEW_STATUSES, "R01"));
  g_assert_true (pacte_record_is_set (r, PACTE_REVIEW_STATUSES));
}

/* ---- tree ------------------------------------------------------------------ */

static void
test_parents (void)
{
  g_autoptr(PactePortfolio) portfolio = make_portfolio ();
  PactePlan *plan = first_plan (portfolio);
  PacteRecord *objective = first_objective (portfolio);
  PactePartner *partner = pacte_portfolio_find_partner (portfolio, "p-1");
  g_autoptr(PacteContact) contact = g_object_new (PACTE_TYPE_CONTACT, NULL);
  g_autoptr(PacteAction) detached = g_object_new (PACTE_TYPE_ACTION, NULL);

  g_assert_nonnull (plan);
  g_assert_nonnull (partner);
  g_assert_null (pacte_portfolio_find_partner (portfolio, "p-9"));
  g_assert_true (pacte_record_get_parent (objective) == PACTE_RECORD (plan));
  g_assert_true (pacte_record_get_parent (PACTE_RECORD (plan)) == PACTE_RECORD (portfolio));
  g_assert_true (pacte_record_get_owner (objective) == PACTE_RECORD (plan));
  g_assert_true (pacte_record_get_owner (PACTE_RECORD (plan)) == PACTE_RECORD (plan));
  g_assert_true (pacte_record_get_portfolio (objective) == portfolio);
  g_assert_true (pacte_record_get_owner (PACTE_RECORD (portfolio)) == PACTE_RECORD (portfolio));

  g_assert_null (pacte_record_get_parent (PACTE_RECORD (detached)));
  g_assert_null (pacte_record_get_portfolio (PACTE_RECORD (detached)));

  pacte_record_set_string (PACTE_RECORD (contact), PACTE_CONTACT_NAME, "Ann", NULL);
  pacte_record_list_insert (PACTE_RECORD (partner), PACTE_PARTNER_CONTACTS, 0, PACTE_RECORD (contact));
  g_assert_true (pacte_record_get_parent (PACTE_RECORD (contact)) == PACTE_RECORD (partner));
  g_assert_true (pacte_record_get_owner (PACTE_RECORD (contact)) == PACTE_RECORD (partner));
  pacte_record_list_remove (PACTE_RECORD (partner), PACTE_PARTNER_CONTACTS, 0);
  g_assert_null (pacte_record_get_parent (PACTE_RECORD (contact)));

  /* Renaming an id refreshes the index. */
  g_assert_true (pacte_record_set_string (PACTE_RECORD (partner), PACTE_PARTNER_ID, "p-7", NULL));
  g_assert_null (pacte_portfolio_find_partner (portfolio, "p-1"));
  g_assert_true (pacte_portfolio_find_partner (portfolio, "p-7") == partner);
}

static void
test_record_changed (void)
{
  g_autoptr(PactePortfolio) portfolio = make_portfolio ();
  PactePlan *plan = first_plan (portfolio);
  PacteRecord *objective = first_objective (portfolio);
  PactePartner *partner = pacte_portfolio_find_partner (portfolio, "p-2");
  g_autoptr(PacteAction) action = g_object_new (PACTE_TYPE_ACTION, NULL);
  ChangeLog log = { 0 };

  g_signal_connect (portfolio, "record-changed", G_CALLBACK (on_record_changed), &log);

  g_assert_true (pacte_record_set_number (objective, PACTE_OBJECTIVE_TARGET, 120, NULL));
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_true (log.owner == PACTE_RECORD (plan));
  g_assert_true (log.record == objective);
  g_assert_cmpuint (log.field, ==, PACTE_OBJECTIVE_TARGET);

  g_assert_true (pacte_record_set_number (objective, PACTE_OBJECTIVE_TARGET, 120, NULL));
  g_assert_cmpuint (log.count, ==, 1);

  g_object_set (partner, "segment", "technology", NULL);
  g_assert_cmpuint (log.count, ==, 2);
  g_assert_true (log.owner == PACTE_RECORD (partner));
  g_assert_true (log.record == PACTE_RECORD (partner));
  g_assert_cmpuint (log.field, ==, PACTE_PARTNER_SEGMENT);

  pacte_record_set_string (PACTE_RECORD (action), PACTE_ACTION_ID, "act-1", NULL);
  pacte_record_list_insert (PACTE_RECORD (plan), PACTE_PLAN_ACTIONS, 0, PACTE_RECORD (action));
  g_assert_cmpuint (log.count, ==, 3);
  g_assert_true (log.owner == PACTE_RECORD (plan));
  g_assert_true (log.record == PACTE_RECORD (plan));
  g_assert_cmpuint (log.field, ==, PACTE_PLAN_ACTIONS);

  pacte_record_set_string (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_META_TITLE, "Alliances", NULL);
  g_assert_cmpuint (log.count, ==, 4);
  g_assert_true (log.owner == PACTE_RECORD (portfolio));

  pacte_record_list_remove (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_PARTNERS, 1);
  g_assert_cmpuint (log.count, ==, 5);
  g_assert_true (log.owner == PACTE_RECORD (portfolio));
  g_assert_cmpuint (log.field, ==, PACTE_PORTFOLIO_PARTNERS);
  g_assert_null (pacte_portfolio_find_partner (portfolio, "p-2"));
}

static void
test_references (void)
{
  g_autoptr(PactePortfolio) portfolio = make_portfolio ();
  PactePlan *plan = first_plan (portfolio);
  const char * const unknown[] = { "p-1", "p-9", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_false (pacte_record_set_strv (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS, unknown, &error));
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_UNKNOWN_REFERENCE);
  g_assert_nonnull (strstr (error->message, "p-9"));
  g_clear_error (&error);

  /* Ids stay unique among siblings. */
  add_plan (portfolio, "plan-2");
  g_assert_false (pacte_record_set_string (PACTE_RECORD (plan), PACTE_PLAN_ID, "plan-2", &error));
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_DUPLICATE_ID);
}

/* ---- undo ------------------------------------------------------------------- */

static void
test_undo_fields (void)
{
  g_autoptr(PactePortfolio) portfolio = make_portfolio ();
  PacteRecord *objective = first_objective (portfolio);
  NotifyCount target = { 0 }, can_undo = { 0 }, modified = { 0 };
  ChangeLog log = { 0 };

  g_assert_false (pacte_portfolio_can_undo (portfolio));
  g_assert_false (pacte_portfolio_get_modified (portfolio));
  g_assert_null (pacte_portfolio_get_undo_label (portfolio));
  watch (objective, "target", &target);
  watch (portfolio, "can-undo", &can_undo);
  watch (portfolio, "modified", &modified);
  g_signal_connect (portfolio, "record-changed", G_CALLBACK (on_record_changed), &log);

  /* The undo label names the item's kind before its field. */
  g_object_set (objective, "target", 150.0, NULL);
  g_assert_true (pacte_portfolio_can_undo (portfolio));
  g_assert_true (pacte_portfolio_get_modified (portfolio));
  g_assert_cmpstr (pacte_portfolio_get_undo_label (portfolio), ==, "Change Objective’s Target");
  g_assert_cmpuint (can_undo.count, ==, 1);
  g_assert_cmpuint (modified.count, ==, 1);

  /* More edits: nothing the window shows changes, so no notification. */
  g_object_set (objective, "target", 160.0, NULL);
  pacte_portfolio_break_merge (portfolio);
  g_object_set (objective, "target", 150.0, NULL);
  g_assert_cmpuint (can_undo.count, ==, 1);
  g_assert_cmpuint (modified.count, ==, 1);
  g_assert_true (pacte_portfolio_undo (portfolio));
  g_assert_cmpfloat (pacte_record_get_number (objective, PACTE_OBJECTIVE_TARGET), ==, 160);
  g_assert_cmpuint (target.count, ==, 4);
  log.count = 0;

  g_assert_true (pacte_portfolio_undo (portfolio));
  g_assert_cmpfloat (pacte_record_get_number (objective, PACTE_OBJECTIVE_TARGET), ==, 100);
  g_assert_cmpuint (target.count, ==, 5);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_true (log.record == objective);
  g_assert_false (pacte_portfolio_can_undo (portfolio));
  g_assert_true (pacte_portfolio_can_redo (portfolio));
  g_assert_cmpstr (pacte_portfolio_get_redo_label (portfolio), ==, "Change Objective’s Target");
  g_assert_false (pacte_portfolio_get_modified (portfolio));
  g_assert_cmpuint (modified.count, ==, 2);

  /* 150 then 160 in quick succession merged into one step. */
  g_assert_true (pacte_portfolio_redo (portfolio));
  g_assert_cmpfloat (pacte_record_get_number (objective, PACTE_OBJECTIVE_TARGET), ==, 160);
  g_assert_true (pacte_portfolio_get_modified (portfolio));
  g_assert_true (pacte_portfolio_redo (portfolio));
  g_assert_cmpfloat (pacte_record_get_number (objective, PACTE_OBJECTIVE_TARGET), ==, 150);
  g_assert_false (pacte_portfolio_redo (portfolio));

  /* Undo does not record anything itself. */
  g_assert_true (pacte_portfolio_undo (portfolio));
  g_assert_true (pacte_portfolio_undo (portfolio));
  g_assert_false (pacte_portfolio_undo (portfolio));
}

static void
test_undo_lists (void)
{
  g_autoptr(PactePortfolio) portfolio = make_portfolio ();
  PactePlan *plan = first_plan (portfolio);
  GListModel *actions = pacte_record_get_list (PACTE_RECORD (plan), PACTE_PLAN_ACTIONS);
  g_autoptr(PacteAction) a = g_object_new (PACTE_TYPE_ACTION, NULL);
  g_autoptr(PacteAction) b = g_object_new (PACTE_TYPE_ACTION, NULL);
  g_autoptr(PacteRecord) item = NULL;
  PactePartner *partner;

  pacte_record_set_string (PACTE_RECORD (a), PACTE_ACTION_ID, "act-1", NULL);
  pacte_record_set_string (PACTE_RECORD (b), PACTE_ACTION_ID, "act-2", NULL);
  pacte_record_list_insert (PACTE_RECORD (plan), PACTE_PLAN_ACTIONS, 0, PACTE_RECORD (a));
  pacte_record_list_insert (PACTE_RECORD (plan), PACTE_PLAN_ACTIONS, 1, PACTE_RECORD (b));
  g_assert_cmpstr (pacte_portfolio_get_undo_label (portfolio), ==, "Add Action");
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 2);

  pacte_record_list_move (PACTE_RECORD (plan), PACTE_PLAN_ACTIONS, 0, 1);
  item = g_list_model_get_item (actions, 0);
  g_assert_true (item == PACTE_RECORD (b));
  g_clear_object (&item);
  g_assert_cmpstr (pacte_portfolio_get_undo_label (portfolio), ==, "Move Action");

  pacte_record_list_remove (PACTE_RECORD (plan), PACTE_PLAN_ACTIONS, 0);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 1);
  g_assert_null (pacte_record_get_parent (PACTE_RECORD (b)));
  g_assert_cmpstr (pacte_portfolio_get_undo_label (portfolio), ==, "Remove Action");

  g_assert_true (pacte_portfolio_undo (portfolio));  /* remove */
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 2);
  g_assert_true (pacte_record_get_parent (PACTE_RECORD (b)) == PACTE_RECORD (plan));
  item = g_list_model_get_item (actions, 0);
  g_assert_true (item == PACTE_RECORD (b));
  g_clear_object (&item);

  g_assert_true (pacte_portfolio_undo (portfolio));  /* move */
  item = g_list_model_get_item (actions, 0);
  g_assert_true (item == PACTE_RECORD (a));
  g_clear_object (&item);

  g_assert_true (pacte_portfolio_undo (portfolio));  /* insert b */
  g_assert_true (pacte_portfolio_undo (portfolio));  /* insert a */
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 0);
  g_assert_false (pacte_portfolio_get_modified (portfolio));

  g_assert_true (pacte_portfolio_redo (portfolio));
  g_assert_true (pacte_portfolio_redo (portfolio));
  g_assert_true (pacte_portfolio_redo (portfolio));
  g_assert_true (pacte_portfolio_redo (portfolio));
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 1);
  item = g_list_model_get_item (actions, 0);
  g_assert_true (item == PACTE_RECORD (a));
  g_clear_object (&item);

  /* Removing a partner, and undoing it, keeps the index right. */
  partner = pacte_portfolio_find_partner (portfolio, "p-2");
  pacte_record_list_remove (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_PARTNERS, 1);
  g_assert_cmpstr (pacte_portfolio_get_undo_label (portfolio), ==, "Remove Partner");
  g_assert_null (pacte_portfolio_find_partner (portfolio, "p-2"));
  g_assert_true (pacte_portfolio_undo (portfolio));
  g_assert_true (pacte_portfolio_find_partner (portfolio, "p-2") == partner);
}

static void
count_items_changed (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  ((NotifyCount *) user_data)->count++;
}

static void
test_items_changed (void)
{
  g_autoptr(PactePortfolio) portfolio = make_portfolio ();
  PactePartner *partner = pacte_portfolio_find_partner (portfolio, "p-1");
  GListModel *contacts = pacte_record_get_list (PACTE_RECORD (partner), PACTE_PARTNER_CONTACTS);
  g_autoptr(PacteContact) contact = g_object_new (PACTE_TYPE_CONTACT, NULL);
  NotifyCount changes = { 0 };

  g_signal_connect (contacts, "items-changed", G_CALLBACK (count_items_changed), &changes);
  pacte_record_set_string (PACTE_RECORD (contact), PACTE_CONTACT_NAME, "Ann", NULL);
  pacte_record_list_insert (PACTE_RECORD (partner), PACTE_PARTNER_CONTACTS, 0, PACTE_RECORD (contact));
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpstr (pacte_portfolio_get_undo_label (portfolio), ==, "Add Contact");
  g_assert_true (pacte_portfolio_undo (portfolio));
  g_assert_cmpuint (changes.count, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 0);
}

static void
test_undo_reassign (void)
{
  g_autoptr(PactePortfolio) portfolio = make_portfolio ();
  PactePlan *plan = first_plan (portfolio);
  const char * const before[] = { "p-1", NULL };
  const char * const after[] = { "p-2", "p-1", NULL };

  g_assert_true (pacte_record_set_strv (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS, after, NULL));
  g_assert_cmpstrv (pacte_record_get_strv (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS), after);
  g_assert_cmpstr (pacte_portfolio_get_undo_label (portfolio), ==, "Change Partners");
  g_assert_true (pacte_portfolio_undo (portfolio));
  g_assert_cmpstrv (pacte_record_get_strv (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS), before);
  g_assert_true (pacte_portfolio_redo (portfolio));
  g_assert_cmpstrv (pacte_record_get_strv (PACTE_RECORD (plan), PACTE_PLAN_PARTNERS), after);
}

static void
test_merge (void)
{
  g_autoptr(PactePortfolio) portfolio = make_portfolio ();
  PactePlan *plan = first_plan (portfolio);
  PacteRecord *p = PACTE_RECORD (plan);

  /* Typing "Big" letter by letter is one step. */
  pacte_record_set_string (p, PACTE_PLAN_OWNER, "B", NULL);
  pacte_record_set_string (p, PACTE_PLAN_OWNER, "Bi", NULL);
  pacte_record_set_string (p, PACTE_PLAN_OWNER, "Big", NULL);
  g_assert_true (pacte_portfolio_undo (portfolio));
  g_assert_cmpstr (pacte_record_get_string (p, PACTE_PLAN_OWNER), ==, "");
  g_assert_false (pacte_portfolio_can_undo (portfolio));
  g_assert_true (pacte_portfolio_redo (portfolio));
  g_assert_cmpstr (pacte_record_get_string (p, PACTE_PLAN_OWNER), ==, "Big");

  /* After redo, a new edit does not merge into the redone step. */
  pacte_record_set_string (p, PACTE_PLAN_OWNER, "Bigger", NULL);
  g_assert_true (pacte_portfolio_undo (portfolio));
  g_assert_cmpstr (pacte_record_get_string (p, PACTE_PLAN_OWNER), ==, "Big");
  g_assert_true (pacte_portfolio_undo (portfolio));
  g_assert_false (pacte_portfolio_can_undo (portfolio));
  g_assert_true (pacte_portfolio_redo (portfolio));

  /* Two fields: two steps. */
  pacte_record_set_string (p, PACTE_PLAN_SPONSOR_NAME, "Eve", NULL);
  pacte_record_set_number (p, PACTE_PLAN_REVENUE_TARGET, 1e6, NULL);
  g_assert_true (pacte_portfolio_undo (portfolio));
  g_assert_cmpstr (pacte_record_get_string (p, PACTE_PLAN_SPONSOR_NAME), ==, "Eve");
  g_assert_true (isnan (pacte_record_get_number (p, PACTE_PLAN_REVENUE_TARGET)));
  g_assert_true (pacte_portfolio_undo (portfolio));
  g_assert_cmpstr (pacte_record_get_string (p, PACTE_PLAN_SPONSOR_NAME), ==, "");

  /* break_merge ends a merge. */
  pacte_record_set_string (p, PACTE_PLAN_SPONSOR_NAME, "A", NULL);
  pacte_portfolio_break_merge (portfolio);
  pacte_record_set_string (p, PACTE_PLAN_SPONSOR_NAME, "AB", NULL);
  g_assert_true (pacte_portfolio_undo (portfolio));
  g_assert_cmpstr (pacte_record_get_string (p, PACTE_PLAN_SPONSOR_NAME), ==, "A");

  /* Edits of one field further apart than 1.5 s: two steps. */
  pacte_portfolio_break_merge (portfolio);
  pacte_record_set_string (p, PACTE_PLAN_OWNER, "Slow", NULL);
  g_usleep (G_USEC_PER_SEC * 16 / 10);
  pacte_record_set_string (p, PACTE_PLAN_OWNER, "Slower", NULL);
  g_assert_true (pacte_portfolio_undo (portfolio));
  g_assert_cmpstr (pacte_record_get_string (p, PACTE_PLAN_OWNER), ==, "Slow");

  /* Same field of two records: two steps. */
  {
    PactePartner *p1 = pacte_portfolio_find_partner (portfolio, "p-1");
    PactePartner *p2 = pacte_portfolio_find_partner (portfolio, "p-2");

    pacte_record_set_string (PACTE_RECORD (p1), PACTE_PARTNER_NOTES, "x", NULL);
    pacte_record_set_string (PACTE_RECORD (p2), PACTE_PARTNER_NOTES, "y", NULL);
    g_assert_true (pacte_portfolio_undo (portfolio));
    g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (p1), PACTE_PARTNER_NOTES), ==, "x");
    g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (p2), PACTE_PARTNER_NOTES), ==, "");
  }
}

static void
test_groups (void)
{
  g_autoptr(PactePortfolio) portfolio = make_portfolio ();
  PactePlan *plan = first_plan (portfolio);
  PacteRecord *p = PACTE_RECORD (plan);
  g_autoptr(PacteObjective) objective = g_object_new (PACTE_TYPE_OBJECTIVE, NULL);
  NotifyCount undo_label = { 0 };
  GListModel *objectives = pacte_record_get_list (p, PACTE_PLAN_OBJECTIVES);

  watch (portfolio, "undo-label", &undo_label);
  pacte_portfolio_begin_group (portfolio, "Start Plan");
  pacte_record_set_string (p, PACTE_PLAN_PHASE, "launch", NULL);
  pacte_portfolio_begin_group (portfolio, NULL);  /* nested */
  pacte_record_set_date (p, PACTE_PLAN_PERIOD_START, pacte_date_parse ("2027-01-01"), NULL);
  pacte_record_set_string (PACTE_RECORD (objective), PACTE_OBJECTIVE_ID, "obj-2", NULL);
  pacte_record_list_insert (p, PACTE_PLAN_OBJECTIVES, 1, PACTE_RECORD (objective));
  pacte_portfolio_end_group (portfolio);
  g_assert_cmpuint (undo_label.count, ==, 0);
  pacte_portfolio_end_group (portfolio);
  g_assert_cmpuint (undo_label.count, ==, 1);
  g_assert_cmpstr (pacte_portfolio_get_undo_label (portfolio), ==, "Start Plan");

  g_assert_true (pacte_portfolio_undo (portfolio));
  g_assert_cmpstr (pacte_record_get_string (p, PACTE_PLAN_PHASE), ==, "");
  g_assert_cmpuint (pacte_record_get_date (p, PACTE_PLAN_PERIOD_START), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 1);
  g_assert_false (pacte_portfolio_can_undo (portfolio));
  g_assert_false (pacte_portfolio_get_modified (portfolio));

  g_assert_true (pacte_portfolio_redo (portfolio));
  g_assert_cmpstr (pacte_record_get_string (p, PACTE_PLAN_PHASE), ==, "launch");
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, 2);

  /* An empty group leaves no step. */
  pacte_portfolio_begin_group (portfolio, "Nothing");
  pacte_portfolio_end_group (portfolio);
  g_assert_cmpstr (pacte_portfolio_get_undo_label (portfolio), ==, "Start Plan");
}

static void
test_modified (void)
{
  g_autoptr(PactePortfolio) portfolio = make_portfolio ();
  PacteRecord *p = PACTE_RECORD (first_plan (portfolio));
  NotifyCount modified = { 0 };

  watch (portfolio, "modified", &modified);
  pacte_record_set_string (p, PACTE_PLAN_OWNER, "Ann", NULL);
  pacte_portfolio_break_merge (portfolio);
  pacte_record_set_string (p, PACTE_PLAN_OWNER, "Bob", NULL);
  g_assert_true (pacte_portfolio_get_modified (portfolio));
  g_assert_cmpuint (modified.count, ==, 1);

  /* Saved at "Bob". */
  pacte_portfolio_set_saved (portfolio, NULL, "etag-1");
  g_assert_false (pacte_portfolio_get_modified (portfolio));
  g_assert_cmpstr (pacte_portfolio_get_etag (portfolio), ==, "etag-1");
  g_assert_cmpuint (modified.count, ==, 2);

  g_assert_true (pacte_portfolio_undo (portfolio));   /* "Ann" */
  g_assert_true (pacte_portfolio_get_modified (portfolio));
  g_assert_true (pacte_portfolio_redo (portfolio));   /* "Bob": the saved state */
  g_assert_false (pacte_portfolio_get_modified (portfolio));
  g_assert_cmpuint (modified.count, ==, 4);

  /* An edit after save does not merge into the saved step. */
  pacte_record_set_string (p, PACTE_PLAN_OWNER, "Bobby", NULL);
  g_assert_true (pacte_portfolio_get_modified (portfolio));
  g_assert_true (pacte_portfolio_undo (portfolio));
  g_assert_cmpstr (pacte_record_get_string (p, PACTE_PLAN_OWNER), ==, "Bob");
  g_assert_false (pacte_portfolio_get_modified (portfolio));

  /* The saved state in a dropped redo branch: modified until saved again. */
  g_assert_true (pacte_portfolio_undo (portfolio));   /* "Ann" */
  pacte_record_set_string (p, PACTE_PLAN_OWNER, "Bob", NULL);  /* same text, new branch */
  g_assert_true (pacte_portfolio_get_modified (portfolio));
  g_assert_false (pacte_portfolio_can_redo (portfolio));
  pacte_portfolio_set_unmodified (portfolio);
  g_assert_false (pacte_portfolio_get_modified (portfolio));

  /* Typing and erasing leaves nothing to undo and nothing modified. */
  pacte_record_set_string (p, PACTE_PLAN_SPONSOR_NAME, "Z", NULL);
  g_assert_true (pacte_portfolio_get_modified (portfolio));
  pacte_record_set_string (p, PACTE_PLAN_SPONSOR_NAME, "", NULL);
  g_assert_false (pacte_portfolio_get_modified (portfolio));

  /* Loading resets the history. */
  pacte_record_set_string (p, PACTE_PLAN_OWNER, "Cy", NULL);
  pacte_portfolio_set_loaded (portfolio, NULL, NULL);
  g_assert_false (pacte_portfolio_get_modified (portfolio));
  g_assert_false (pacte_portfolio_can_undo (portfolio));
}

static void
test_overrides (void)
{
  g_autoptr(PactePortfolio) portfolio = make_portfolio ();
  PactePlan *plan = first_plan (portfolio);
  const char *ids[] = { "R07", "R02", "R12" };
  GListModel *list = pacte_record_get_list (PACTE_RECORD (plan), PACTE_PLAN_RULE_OVERRIDES);
  PacteOverride *found;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(PacteOverride) o = g_object_new (PACTE_TYPE_OVERRIDE, NULL);

      pacte_record_set_string (PACTE_RECORD (o), PACTE_OVERRIDE_RULE_ID, ids[i], NULL);
      pacte_record_list_insert (PACTE_RECORD (plan), PACTE_PLAN_RULE_OVERRIDES, 0, PACTE_RECORD (o));
    }
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  found = pacte_plan_find_override (plan, "R07");
  g_assert_nonnull (found);
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (found), PACTE_OVERRIDE_RULE_ID), ==, "R07");
  g_assert_null (pacte_plan_find_override (plan, "R03"));
  for (guint i = 0; i + 1 < 3; i++)
    {
      g_autoptr(PacteRecord) x = g_list_model_get_item (list, i);
      g_autoptr(PacteRecord) y = g_list_model_get_item (list, i + 1);

      g_assert_cmpstr (pacte_record_get_string (x, PACTE_OVERRIDE_RULE_ID), <,
                       pacte_record_get_string (y, PACTE_OVERRIDE_RULE_ID));
    }

  /* A new rule id moves the override; one undo puts it back. */
  g_assert_true (pacte_record_set_string (PACTE_RECORD (found), PACTE_OVERRIDE_RULE_ID, "R01", NULL));
  {
    g_autoptr(PacteRecord) first = g_list_model_get_item (list, 0);

    g_assert_true (first == PACTE_RECORD (found));
  }
  g_assert_true (pacte_portfolio_undo (portfolio));
  g_assert_true (pacte_plan_find_override (plan, "R07") == found);
  {
    g_autoptr(PacteRecord) middle = g_list_model_get_item (list, 1);

    g_assert_true (middle == PACTE_RECORD (found));
  }

  /* Portfolio settings, appended raw out of order, come out sorted. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(PacteOverride) o = g_object_new (PACTE_TYPE_OVERRIDE, NULL);

      pacte_record_take_string_raw (PACTE_RECORD (o), PACTE_OVERRIDE_RULE_ID, g_strdup (ids[i]));
      pacte_record_list_append_raw (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_RULE_SETTINGS, PACTE_RECORD (o));
    }
  g_assert_nonnull (pacte_portfolio_find_setting (portfolio, "R02"));
  g_assert_nonnull (pacte_portfolio_find_setting (portfolio, "R07"));
  g_assert_nonnull (pacte_portfolio_find_setting (portfolio, "R12"));
  g_assert_null (pacte_portfolio_find_setting (portfolio, "R99"));
}

static void
test_new_id (void)
{
  g_autoptr(PactePortfolio) portfolio = make_portfolio ();
  g_autofree char *id = NULL, *obj = NULL;

  add_partner (portfolio, "p-11", "Initech");
  add_partner (portfolio, "p-x", "Odd");
  id = pacte_portfolio_new_id (portfolio, PACTE_RECORD (portfolio), PACTE_PORTFOLIO_PARTNERS, "p");
  g_assert_cmpstr (id, ==, "p-12");
  obj = pacte_portfolio_new_id (portfolio, PACTE_RECORD (first_plan (portfolio)), PACTE_PLAN_OBJECTIVES, "obj");
  g_assert_cmpstr (obj, ==, "obj-2");
  g_assert_cmpstr (pacte_portfolio_get_currency (portfolio), ==, "EUR");
}

static void
add_unknowns (PacteRecord *record)
{
  g_autoptr(JsonNode) a = json_from_string ("{\"x\": [1, 2]}", NULL);
  g_autoptr(JsonNode) b = json_from_string ("\"hello\"", NULL);

  pacte_record_add_unknown (record, "", "custom", a);
  pacte_record_add_unknown (record, "period", "fiscal", b);
}

static void
collect_member (const char *member,
                JsonNode   *node,
                gpointer    user_data)
{
  g_ptr_array_add (user_data, (gpointer) member);
}

static void
test_copy_equal (void)
{
  g_autoptr(PactePortfolio) portfolio = make_portfolio ();
  PactePlan *plan = first_plan (portfolio);
  g_autoptr(PacteRecord) copy = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autoptr(JsonNode) other = json_from_string ("\"bye\"", NULL);
  PacteRecord *objective_copy;

  add_unknowns (PACTE_RECORD (plan));
  g_assert_true (pacte_record_has_unknown (PACTE_RECORD (plan), "period"));
  g_assert_false (pacte_record_has_unknown (PACTE_RECORD (plan), "sponsor"));
  pacte_record_foreach_unknown (PACTE_RECORD (plan), "", collect_member, members);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (members, 0), ==, "custom");

  copy = pacte_record_copy (PACTE_RECORD (plan));
  g_assert_true (PACTE_IS_PLAN (copy));
  g_assert_null (pacte_record_get_parent (copy));
  g_assert_true (pacte_record_equal (copy, PACTE_RECORD (plan)));
  g_assert_true (pacte_record_has_unknown (copy, "period"));

  {
    g_autoptr(PacteRecord) oc = g_list_model_get_item (pacte_record_get_list (copy, PACTE_PLAN_OBJECTIVES), 0);

    objective_copy = oc;
    g_assert_true (pacte_record_get_parent (objective_copy) == copy);
    g_assert_true (objective_copy != first_objective (portfolio));
  }
  /* Deep: changing the copy's objective makes them differ, and the original stays. */
  pacte_record_set_number (objective_copy, PACTE_OBJECTIVE_TARGET, 1, NULL);
  g_assert_false (pacte_record_equal (copy, PACTE_RECORD (plan)));
  g_assert_cmpfloat (pacte_record_get_number (first_objective (portfolio), PACTE_OBJECTIVE_TARGET), ==, 100);
  pacte_record_set_number (objective_copy, PACTE_OBJECTIVE_TARGET, 100, NULL);
  g_assert_true (pacte_record_equal (copy, PACTE_RECORD (plan)));

  /* Editing the detached copy records nothing. */
  g_assert_false (pacte_portfolio_can_undo (portfolio));

  /* Unknown members count. */
  pacte_record_add_unknown (copy, "", "extra", other);
  g_assert_false (pacte_record_equal (copy, PACTE_RECORD (plan)));

  /* The whole portfolio. */
  {
    g_autoptr(PacteRecord) pcopy = pacte_record_copy (PACTE_RECORD (portfolio));

    g_assert_true (PACTE_IS_PORTFOLIO (pcopy));
    g_assert_true (pacte_record_equal (pcopy, PACTE_RECORD (portfolio)));
    g_assert_nonnull (pacte_portfolio_find_partner (PACTE_PORTFOLIO (pcopy), "p-2"));
  }
}

static void
test_dispose (void)
{
  PactePortfolio *portfolio = make_portfolio ();
  g_autoptr(PactePlan) plan = g_object_ref (first_plan (portfolio));
  g_autoptr(PacteRecord) objective = g_object_ref (first_objective (portfolio));

  g_object_add_weak_pointer (G_OBJECT (portfolio), (gpointer *) &portfolio);
  pacte_record_set_string (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_META_TITLE, "T", NULL);
  pacte_record_set_number (objective, PACTE_OBJECTIVE_TARGET, 3, NULL);
  g_object_unref (portfolio);
  g_assert_null (portfolio);  /* no reference cycle through the history */
  g_assert_null (pacte_record_get_parent (PACTE_RECORD (plan)));
  g_assert_null (pacte_record_get_portfolio (objective));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/dates", test_dates);
  g_test_add_func ("/model/quarters", test_quarters);
  g_test_add_func ("/model/choices", test_choices);
  g_test_add_func ("/model/properties", test_properties);
  g_test_add_func ("/model/notify-once", test_notify_once);
  g_test_add_func ("/model/invalid", test_invalid);
  g_test_add_func ("/model/maps", test_maps);
  g_test_add_func ("/model/parents", test_parents);
  g_test_add_func ("/model/record-changed", test_record_changed);
  g_test_add_func ("/model/references", test_references);
  g_test_add_func ("/model/undo-fields", test_undo_fields);
  g_test_add_func ("/model/undo-lists", test_undo_lists);
  g_test_add_func ("/model/undo-reassign", test_undo_reassign);
  g_test_add_func ("/model/items-changed", test_items_changed);
  g_test_add_func ("/model/merge", test_merge);
  g_test_add_func ("/model/groups", test_groups);
  g_test_add_func ("/model/modified", test_modified);
  g_test_add_func ("/model/overrides", test_overrides);
  g_test_add_func ("/model/new-id", test_new_id);
  g_test_add_func ("/model/copy-equal", test_copy_equal);
  g_test_add_func ("/model/dispose", test_dispose);

  return g_test_run ();
}
