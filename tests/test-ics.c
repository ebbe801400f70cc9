/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ics.c: the calendar export (src/core/calendar) and pacte --ics, read
 * back with libical as a calendar program would: governance meetings recur
 * from their next meeting at their cadence, every date is an all-day DATE,
 * UIDs survive a second export and unrelated edits, summaries follow the
 * language, --plan keeps one plan's events. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <libical/ical.h>

#include "pacte-calendar.h"
#include "pacte-test-utils.h"

static const char portfolio_json[] =
  "{\n"
  "  \"format\": \"pacte-portfolio\",\n"
  "  \"version\": 1,\n"
  "  \"meta\": { \"title\": \"Alliances test\", \"language\": \"fr\" },\n"
  "  \"partners\": [ { \"id\": \"p-1\", \"name\": \"Brightline Systems\" } ],\n"
  "  \"plans\": [\n"
  "    {\n"
  "      \"id\": \"plan-a\", \"name\": \"Brightline 2027\", \"partners\": [\"p-1\"],\n"
  "      \"period\": { \"start\": \"2027-01-01\", \"end\": \"2027-12-31\" },\n"
  "      \"owner\": \"Ana Ruiz\",\n"
  "      \"governance\": [\n"
  "        { \"level\": \"executive\", \"body\": \"Steering committee\", \"cadence_days\": 14, \"last_met\": \"2027-01-04\" },\n"
  "        { \"level\": \"management\", \"body\": \"Pipeline review\", \"cadence_days\": 30, \"last_met\": \"2027-01-20\" },\n"
  "        { \"level\": \"operational\", \"body\": \"Never met\", \"cadence_days\": 7 }\n"
  "      ],\n"
  "      \"decisions\": [ { \"question\": \"Go to market in Spain?\", \"due\": \"2027-03-15\" } ],\n"
  "      \"actions\": [\n"
  "        { \"id\": \"act-1\", \"title\": \"Joint pitch deck\", \"due\": \"2027-02-01\", \"status\": \"planned\", \"parties\": [\"p-1\"] },\n"
  "        { \"id\": \"act-2\", \"title\": \"Old idea\", \"due\": \"2027-02-10\", \"status\": \"cancelled\" },\n"
  "        { \"id\": \"act-3\", \"title\": \"No date yet\" }\n"
  "      ],\n"
  "      \"events\": [ { \"title\": \"Cloud Expo\", \"date\": \"2027-05-20\", \"kind\": \"trade-show\", \"partners\": [\"p-1\"] } ],\n"
  "      \"reviews\": [ { \"date\": \"2027-01-10\", \"reviewer\": \"Ana Ruiz\" } ]\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"plan-b\", \"name\": \"Second plan\",\n"
  "      \"actions\": [ { \"id\": \"act-1\", \"title\": \"Kick-off\", \"due\": \"2027-03-01\" } ]\n"
  "    }\n"
  "  ]\n"
  "}\n";

typedef struct {
  char           *dir;
  char           *path;
  PactePortfolio *portfolio;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pacte-ics-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "team.pacte.json", NULL);
  g_file_set_contents (f->path, portfolio_json, -1, &error);
  g_assert_no_error (error);
  f->portfolio = pacte_test_load_path (f->path, pacte_rule_set_get_default ());
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&f->portfolio);
  pacte_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* The calendar text parsed back; the test fails if libical cannot. */
static icalcomponent *
parse (const char *text)
{
  icalcomponent *calendar = icalparser_parse_string (text);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  return calendar;
}

static icalcomponent *
build (Fixture    *f,
       PactePlan  *plan,
       const char *lang,
       gint64      stamp_unix)
{
  g_autoptr(GDateTime) stamp = g_date_time_new_from_unix_utc (stamp_unix);
  g_autofree char *text = pacte_calendar_build (f->portfolio, plan, lang, stamp, NULL);

  return parse (text);
}

/* The event whose summary is exactly summary, or NULL. */
static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *summary)
{
  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       e != NULL;
       e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_summary (e), summary) == 0)
      return e;
  return NULL;
}

/* summary → UID of every event. */
static GHashTable *
uids (icalcomponent *calendar)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       e != NULL;
       e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_assert_false (g_hash_table_contains (table, icalcomponent_get_summary (e)));
      g_hash_table_insert (table, g_strdup (icalcomponent_get_summary (e)), g_strdup (icalcomponent_get_uid (e)));
    }
  return table;
}

static void
assert_date (struct icaltimetype t,
             int                 year,
             int                 month,
             int                 day)
{
  g_assert_true (t.is_date);
  g_assert_cmpint (t.year, ==, year);
  g_assert_cmpint (t.month, ==, month);
  g_assert_cmpint (t.day, ==, day);
}

static void
test_meeting_recurs (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  icalcomponent *calendar = build (f, NULL, "en", 1800000000);
  icalcomponent *event;
  icalproperty *rrule;
  struct icalrecurrencetype recur;

  /* Met on 4 January every 14 days: the series starts on the 18th, every
   * two weeks. */
  event = find_event (calendar, "Meeting: Steering committee");
  g_assert_nonnull (event);
  assert_date (icalcomponent_get_dtstart (event), 2027, 1, 18);
  rrule = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);
  g_assert_nonnull (rrule);
  recur = icalproperty_get_rrule (rrule);
  g_assert_cmpint (recur.freq, ==, ICAL_WEEKLY_RECURRENCE);
  g_assert_cmpint (recur.interval, ==, 2);

  /* 30 days is not whole weeks: every 30 days from 19 February. */
  event = find_event (calendar, "Meeting: Pipeline review");
  g_assert_nonnull (event);
  assert_date (icalcomponent_get_dtstart (event), 2027, 2, 19);
  recur = icalproperty_get_rrule (icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY));
  g_assert_cmpint (recur.freq, ==, ICAL_DAILY_RECURRENCE);
  g_assert_cmpint (recur.interval, ==, 30);

  /* A body that never met has no next meeting to put in a calendar. */
  g_assert_null (find_event (calendar, "Meeting: Never met"));
  icalcomponent_free (calendar);
}

static void
test_all_day (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  icalcomponent *calendar = build (f, NULL, "en", 1800000000);
  guint n = 0;
  icalcomponent *event;

  g_assert_nonnull (icalcomponent_get_first_property (calendar, ICAL_PRODID_PROPERTY));
  g_assert_cmpstr (icalproperty_get_version (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY)), ==, "2.0");
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (event);
      struct icaltimetype end = icalcomponent_get_dtend (event);
      struct icaltimetype stamp = icalcomponent_get_dtstamp (event);

      g_assert_true (start.is_date);
      g_assert_true (end.is_date);
      icaltime_adjust (&start, 1, 0, 0, 0);
      g_assert_cmpint (icaltime_compare_date_only (start, end), ==, 0);
      /* DTSTAMP: the moment given, in UTC. */
      g_assert_false (stamp.is_date);
      g_assert_true (icaltime_is_utc (stamp));
      g_assert_cmpint (icaltime_as_timet (stamp), ==, 1800000000);
      n++;
    }
  /* Two meetings, one event, two dated actions, one decision, plan-a's
   * review due (plan-b has neither a start nor a review), plan-b's action. */
  g_assert_cmpuint (n, ==, 2 + 1 + 2 + 1 + 1 + 1);

  event = find_event (calendar, "Action due: Joint pitch deck");
  g_assert_nonnull (event);
  assert_date (icalcomponent_get_dtstart (event), 2027, 2, 1);
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Brightline Systems"));
  event = find_event (calendar, "Action due: Old idea");
  g_assert_nonnull (event);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CANCELLED);
  event = find_event (calendar, "Decision due: Go to market in Spain?");
  g_assert_nonnull (event);
  assert_date (icalcomponent_get_dtstart (event), 2027, 3, 15);
  event = find_event (calendar, "Joint event: Cloud Expo");
  g_assert_nonnull (event);
  assert_date (icalcomponent_get_dtstart (event), 2027, 5, 20);
  /* Reviewed on 10 January: the next review is due a quarter later. */
  event = find_event (calendar, "Review due: Brightline 2027");
  g_assert_nonnull (event);
  assert_date (icalcomponent_get_dtstart (event), 2027, 4, 10);
  icalcomponent_free (calendar);
}

static void
assert_same_uids (GHashTable *a,
                  GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpstr (g_hash_table_lookup (b, key), ==, value);
}

static void
test_stable_uids (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  icalcomponent *first = build (f, NULL, "en", 1800000000);
  icalcomponent *second = build (f, NULL, "en", 1800086400);
  g_autoptr(GHashTable) first_uids = uids (first);
  g_autoptr(GHashTable) second_uids = uids (second);
  g_autoptr(GHashTable) edited_uids = NULL;
  g_autoptr(GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  PactePlan *plan = pacte_portfolio_find_plan (f->portfolio, "plan-a");
  PacteRecord * const *actions;
  icalcomponent *edited;
  GHashTableIter iter;
  gpointer value;
  guint n;

  /* A day later, the same events under the same UIDs. */
  assert_same_uids (first_uids, second_uids);
  /* Every UID is different (both plans have an "act-1"). */
  g_hash_table_iter_init (&iter, first_uids);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_assert_true (g_hash_table_add (all, value));

  /* Edits that do not touch what an event comes from keep every UID; the
   * edited action's date moves, its UID stays. */
  g_assert_true (pacte_record_set_string (PACTE_RECORD (plan), PACTE_PLAN_OWNER, "Someone else", &error));
  actions = pacte_record_get_items (PACTE_RECORD (plan), PACTE_PLAN_ACTIONS, &n);
  g_assert_true (pacte_record_set_date (actions[0], PACTE_ACTION_DUE, pacte_date_parse ("2027-02-05"), &error));
  g_assert_no_error (error);
  edited = build (f, NULL, "en", 1800172800);
  edited_uids = uids (edited);
  assert_same_uids (first_uids, edited_uids);
  assert_date (icalcomponent_get_dtstart (find_event (edited, "Action due: Joint pitch deck")), 2027, 2, 5);

  icalcomponent_free (first);
  icalcomponent_free (second);
  icalcomponent_free (edited);
}

static void
test_languages (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  icalcomponent *english = build (f, NULL, "en", 1800000000);
  icalcomponent *french = build (f, NULL, "fr", 1800000000);
  g_autoptr(GHashTable) english_uids = uids (english);
  g_autoptr(GHashTable) french_uids = uids (french);
  icalcomponent *event;

  event = find_event (french, "Réunion\u00a0: Steering committee");
  g_assert_nonnull (event);
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Fréquence\u00a0: tous les 14"));
  g_assert_nonnull (find_event (french, "Action à faire\u00a0: Joint pitch deck"));
  g_assert_nonnull (find_event (french, "Revue à faire\u00a0: Brightline 2027"));
  g_assert_nonnull (find_event (english, "Review due: Brightline 2027"));
  g_assert_null (find_event (french, "Review due: Brightline 2027"));
  /* The same events under the same UIDs whatever the language. */
  g_assert_cmpstr (g_hash_table_lookup (english_uids, "Meeting: Steering committee"), ==,
                   g_hash_table_lookup (french_uids, "Réunion\u00a0: Steering committee"));
  icalcomponent_free (english);
  icalcomponent_free (french);
}

static void
test_one_plan (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  icalcomponent *all = build (f, NULL, "en", 1800000000);
  icalcomponent *one = build (f, pacte_portfolio_find_plan (f->portfolio, "plan-b"), "en", 1800000000);
  g_autoptr(GHashTable) all_uids = uids (all);
  g_autoptr(GHashTable) one_uids = uids (one);
  icalproperty *name;

  /* plan-b alone: its one action, under the UID the whole export gives it. */
  g_assert_cmpuint (g_hash_table_size (one_uids), ==, 1);
  g_assert_nonnull (g_hash_table_lookup (one_uids, "Action due: Kick-off"));
  g_assert_cmpstr (g_hash_table_lookup (one_uids, "Action due: Kick-off"), ==,
                   g_hash_table_lookup (all_uids, "Action due: Kick-off"));
  name = icalcomponent_get_first_property (one, ICAL_X_PROPERTY);
  g_assert_cmpstr (icalproperty_get_x_name (name), ==, "X-WR-CALNAME");
  g_assert_cmpstr (icalproperty_get_x (name), ==, "Second plan");
  icalcomponent_free (all);
  icalcomponent_free (one);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_auto(PacteTestRun) run = { 0 };
  g_autofree char *out = g_build_filename (f->dir, "team.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) reloaded = NULL;
  icalcomponent *calendar;

  /* The portfolio's language (French) unless --lang says otherwise. */
  pacte_test_run (&run, "--ics", out, f->path, "--plan", "plan-a", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "7"));
  g_file_get_contents (out, &text, NULL, &error);
  g_assert_no_error (error);
  calendar = parse (text);
  g_assert_nonnull (find_event (calendar, "Réunion\u00a0: Steering committee"));
  g_assert_null (find_event (calendar, "Action à faire\u00a0: Kick-off"));
  icalcomponent_free (calendar);
  g_clear_pointer (&text, g_free);

  pacte_test_run (&run, "--lang", "en", "--ics", out, f->path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_file_get_contents (out, &text, NULL, &error);
  g_assert_no_error (error);
  calendar = parse (text);
  g_assert_nonnull (find_event (calendar, "Action due: Kick-off"));
  icalcomponent_free (calendar);
  g_clear_pointer (&text, g_free);

  /* An unknown plan: what is wrong and which plans there are, status 1 as
   * for --check and --report (docs/cli.md); nothing written over the
   * previous calendar. */
  pacte_test_run (&run, "--ics", out, f->path, "--plan", "plan-z", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "plan-z"));
  g_assert_nonnull (strstr (run.err, "plan-a, plan-b"));
  g_file_get_contents (out, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Kick-off"));
  g_clear_pointer (&text, g_free);

  /* Never over the portfolio itself. */
  pacte_test_run (&run, "--ics", f->path, f->path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  reloaded = pacte_test_load_path (f->path, NULL);
  g_assert_nonnull (pacte_portfolio_find_plan (reloaded, "plan-b"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ics/meeting-recurs", test_meeting_recurs);
  ADD ("/ics/all-day", test_all_day);
  ADD ("/ics/stable-uids", test_stable_uids);
  ADD ("/ics/languages", test_languages);
  ADD ("/ics/one-plan", test_one_plan);
  ADD ("/ics/cli", test_cli);
#undef ADD
  return g_test_run ();
}
