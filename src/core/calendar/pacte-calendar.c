/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-calendar.c: a portfolio's dates as iCalendar, written with libical.
 *
 * Every date is an all-day VEVENT rather than a VTODO: GNOME Calendar,
 * Google Calendar and Outlook leave to-dos out of an imported file, and
 * Evolution and Thunderbird file them away in a task list; an all-day event
 * shows on the day in all of them (docs/calendar.md).  Events are marked
 * transparent, so they never make anyone look busy. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <libical/ical.h>

#include "pacte-analysis.h"
#include "pacte-atomic-file.h"
#include "pacte-calendar.h"
#include "pacte-file-read.h"
#include "pacte-i18n.h"

typedef struct {
  PactePortfolio      *portfolio;
  const char          *lang;
  const PacteLanguage *language;
  icalcomponent       *calendar;
  struct icaltimetype  stamp;
  GHashTable          *seen;      /* UID seed → how many so far, to tell namesakes apart */
  guint                n_events;
} Builder;

/* The translated msgid, checked by the compiler as a printf format. */
static const char *
tr (const char *lang,
    const char *msgid) G_GNUC_FORMAT (2);

static const char *
tr (const char *lang,
    const char *msgid)
{
  return pacte_gettext_lang (lang, msgid);
}

/* iCalendar TEXT may hold no control character but the tab and the line
 * breaks libical escapes: text from the file is data, never control. */
static char *
clean_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, (char) c);
    }
  return g_string_free (out, FALSE);
}

static struct icaltimetype
ical_date (guint32 julian)
{
  struct icaltimetype date = icaltime_null_date ();
  int year, month, day;

  pacte_date_to_ymd (julian, &year, &month, &day);
  date.year = year;
  date.month = month;
  date.day = day;
  return date;
}

/* A stable UID: a digest of the records the event comes from, separated by
 * a byte that cannot be in text, and the rank among namesakes. */
static char *
make_uid (Builder    *b,
          const char *kind,
          PactePlan  *plan,
          const char *key)
{
  const char *title = pacte_record_get_string (PACTE_RECORD (b->portfolio), PACTE_PORTFOLIO_META_TITLE);
  const char *plan_id = pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_ID);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *seed = g_strjoin ("\x1f", title, plan_id, kind, key, NULL);
  guint rank = GPOINTER_TO_UINT (g_hash_table_lookup (b->seen, seed));
  char rank_text[16];

  g_hash_table_insert (b->seen, g_strdup (seed), GUINT_TO_POINTER (rank + 1));
  g_snprintf (rank_text, sizeof rank_text, "%u", rank);
  g_checksum_update (sum, (const guchar *) seed, -1);
  g_checksum_update (sum, (const guchar *) "\x1f", 1);
  g_checksum_update (sum, (const guchar *) rank_text, -1);
  return g_strdup_printf ("pacte-%s-%.32s", kind, g_checksum_get_string (sum));
}

static void
add_text (icalcomponent *event,
          icalproperty  *(*make) (const char *),
          const char    *text)
{
  g_autofree char *clean = clean_text (text);

  icalcomponent_add_property (event, make (clean));
}

/* An all-day event on date (the next day as DTEND, which every program
 * reads the same way), with the common properties. */
static icalcomponent *
add_event (Builder    *b,
           const char *kind,
           PactePlan  *plan,
           const char *key,
           guint32     date,
           const char *summary,
           GString    *description)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  g_autofree char *uid = make_uid (b, kind, plan, key);
  g_autofree char *plan_line = g_strdup_printf (tr (b->lang, N_("Plan: %s")),
                                                pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME));

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (b->stamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (ical_date (date)));
  icalcomponent_add_property (event, icalproperty_new_dtend (ical_date (date + 1)));
  add_text (event, icalproperty_new_summary, summary);
  if (description->len > 0)
    g_string_prepend_c (description, '\n');
  g_string_prepend (description, plan_line);
  add_text (event, icalproperty_new_description, description->str);
  icalcomponent_add_property (event, icalproperty_new_categories ("Pacte"));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_component (b->calendar, event);
  b->n_events++;
  return event;
}

/* "Name, Name" for partner ids (an id the file does not have stays as is). */
static char *
partner_names (Builder            *b,
               const char * const *ids)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      PactePartner *partner = pacte_portfolio_find_partner (b->portfolio, ids[i]);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                              partner != NULL ? pacte_record_get_string (PACTE_RECORD (partner), PACTE_PARTNER_NAME) : ids[i]);
    }
  return g_string_free (names, FALSE);
}

static void
append_line (GString    *text,
             const char *format,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  /* Every format given here is a tr() msgid whose one argument is a %s. */
  _Pragma ("GCC diagnostic push")
  _Pragma ("GCC diagnostic ignored \"-Wformat-nonliteral\"")
  g_string_append_printf (text, format, value);
  _Pragma ("GCC diagnostic pop")
}

static void
append_date_line (Builder    *b,
                  GString    *text,
                  const char *format,
                  guint32     date)
{
  g_autofree char *shown = NULL;

  if (date == 0)
    return;
  shown = pacte_language_format_date (b->language, date);
  append_line (text, format, shown);
}

static void
add_meetings (Builder   *b,
              PactePlan *plan)
{
  PacteRecord * const *bodies;
  guint n;

  bodies = pacte_record_get_items (PACTE_RECORD (plan), PACTE_PLAN_GOVERNANCE, &n);
  for (guint i = 0; i < n; i++)
    {
      PacteRecord *body = bodies[i];
      const char *name = pacte_record_get_string (body, PACTE_BODY_BODY);
      guint32 next = pacte_body_next_meeting (body);
      guint cadence;
      g_autofree char *summary = NULL;
      g_autofree char *rule = NULL;
      g_autofree char *every = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      icalcomponent *event;

      if (next == 0)
        continue;
      cadence = (guint) pacte_record_get_number (body, PACTE_BODY_CADENCE_DAYS);
      summary = g_strdup_printf (tr (b->lang, N_("Meeting: %s")),
                                 *name != '\0' ? name : pacte_choice_display_name_lang (b->lang, pacte_record_get_string (body, PACTE_BODY_LEVEL)));
      append_line (text, tr (b->lang, N_("Level: %s")),
                   pacte_choice_display_name_lang (b->lang, pacte_record_get_string (body, PACTE_BODY_LEVEL)));
      append_line (text, tr (b->lang, N_("Owner: %s")), pacte_record_get_string (body, PACTE_BODY_OWNER));
      /* pacte_ngettext_lang() carries no format attribute: this msgid
       * takes one int, as the report's own line does. */
      _Pragma ("GCC diagnostic push")
      _Pragma ("GCC diagnostic ignored \"-Wformat-nonliteral\"")
      every = g_strdup_printf (pacte_ngettext_lang (b->lang, "every %d day", "every %d days", cadence),
                               (int) cadence);
      _Pragma ("GCC diagnostic pop")
      append_line (text, tr (b->lang, N_("Cadence: %s")), every);
      append_date_line (b, text, tr (b->lang, N_("Last met: %s")), pacte_record_get_date (body, PACTE_BODY_LAST_MET));

      event = add_event (b, "meeting", plan, name, next, summary, text);
      /* Whole weeks read better in a calendar program ("every 2 weeks"). */
      if (cadence % 7 == 0)
        rule = g_strdup_printf ("FREQ=WEEKLY;INTERVAL=%u", cadence / 7);
      else
        rule = g_strdup_printf ("FREQ=DAILY;INTERVAL=%u", cadence);
      icalcomponent_add_property (event, icalproperty_new_rrule (icalrecurrencetype_from_string (rule)));
    }
}

static void
add_actions (Builder   *b,
             PactePlan *plan)
{
  PacteRecord * const *actions;
  guint n;

  actions = pacte_record_get_items (PACTE_RECORD (plan), PACTE_PLAN_ACTIONS, &n);
  for (guint i = 0; i < n; i++)
    {
      PacteRecord *action = actions[i];
      guint32 due = pacte_record_get_date (action, PACTE_ACTION_DUE);
      const char *status = pacte_record_get_string (action, PACTE_ACTION_STATUS);
      const char *title = pacte_record_get_string (action, PACTE_ACTION_TITLE);
      g_autofree char *summary = NULL;
      g_autofree char *parties = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      icalcomponent *event;

      if (due == 0)
        continue;
      if (g_str_equal (status, "done"))
        summary = g_strdup_printf (tr (b->lang, N_("Action done: %s")), title);
      else
        summary = g_strdup_printf (tr (b->lang, N_("Action due: %s")), title);
      append_line (text, tr (b->lang, N_("Status: %s")), pacte_choice_display_name_lang (b->lang, status));
      parties = partner_names (b, pacte_record_get_strv (action, PACTE_ACTION_PARTIES));
      append_line (text, tr (b->lang, N_("Parties: %s")), parties);

      event = add_event (b, "action", plan, pacte_record_get_string (action, PACTE_ACTION_ID), due, summary, text);
      /* A cancelled action stays in the file: its event says so, and a
       * calendar that had it shows it struck out or hides it. */
      if (g_str_equal (status, "cancelled"))
        icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CANCELLED));
    }
}

static void
add_decisions (Builder   *b,
               PactePlan *plan)
{
  PacteRecord * const *decisions;
  guint n;

  decisions = pacte_record_get_items (PACTE_RECORD (plan), PACTE_PLAN_DECISIONS, &n);
  for (guint i = 0; i < n; i++)
    {
      PacteRecord *decision = decisions[i];
      guint32 due = pacte_record_get_date (decision, PACTE_DECISION_DUE);
      const char *question = pacte_record_get_string (decision, PACTE_DECISION_QUESTION);
      const char *outcome = pacte_record_get_string (decision, PACTE_DECISION_OUTCOME);
      g_autofree char *summary = NULL;
      g_autofree char *options = NULL;
      g_autoptr(GString) text = g_string_new (NULL);

      if (due == 0)
        continue;
      if (*outcome != '\0')
        summary = g_strdup_printf (tr (b->lang, N_("Decision taken: %s")), question);
      else
        summary = g_strdup_printf (tr (b->lang, N_("Decision due: %s")), question);
      append_line (text, tr (b->lang, N_("Audience: %s")),
                   pacte_choice_display_name_lang (b->lang, pacte_record_get_string (decision, PACTE_DECISION_AUDIENCE)));
      options = g_strjoinv (" / ", (char **) pacte_record_get_strv (decision, PACTE_DECISION_OPTIONS));
      append_line (text, tr (b->lang, N_("Options: %s")), options);
      append_line (text, tr (b->lang, N_("Outcome: %s")), outcome);
      add_event (b, "decision", plan, question, due, summary, text);
    }
}

static void
add_events (Builder   *b,
            PactePlan *plan)
{
  PacteRecord * const *events;
  guint n;

  events = pacte_record_get_items (PACTE_RECORD (plan), PACTE_PLAN_EVENTS, &n);
  for (guint i = 0; i < n; i++)
    {
      PacteRecord *record = events[i];
      guint32 date = pacte_record_get_date (record, PACTE_EVENT_DATE);
      const char *title = pacte_record_get_string (record, PACTE_EVENT_TITLE);
      double attendees = pacte_record_get_number (record, PACTE_EVENT_EXPECTED_ATTENDEES);
      g_autofree char *summary = NULL;
      g_autofree char *partners = NULL;
      g_autofree char *count = NULL;
      g_autoptr(GString) text = g_string_new (NULL);

      if (date == 0)
        continue;
      summary = g_strdup_printf (tr (b->lang, N_("Joint event: %s")), title);
      append_line (text, tr (b->lang, N_("Kind: %s")),
                   pacte_choice_display_name_lang (b->lang, pacte_record_get_string (record, PACTE_EVENT_KIND)));
      partners = partner_names (b, pacte_record_get_strv (record, PACTE_EVENT_PARTNERS));
      append_line (text, tr (b->lang, N_("Partners: %s")), partners);
      if (!isnan (attendees))
        count = pacte_language_format_number (b->language, attendees, 0);
      append_line (text, tr (b->lang, N_("Expected attendees: %s")), count);
      add_event (b, "event", plan, title, date, summary, text);
    }
}

static void
add_review (Builder   *b,
            PactePlan *plan)
{
  PacteRecord *record = PACTE_RECORD (plan);
  guint32 due = pacte_plan_review_due (plan);
  g_autofree char *summary = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_reviews;

  if (due == 0)
    return;
  summary = g_strdup_printf (tr (b->lang, N_("Review due: %s")),
                             pacte_record_get_string (record, PACTE_PLAN_NAME));
  pacte_record_get_items (record, PACTE_PLAN_REVIEWS, &n_reviews);
  if (n_reviews > 0)
    append_date_line (b, text, tr (b->lang, N_("Last review: %s")), pacte_plan_last_review (plan));
  else
    append_date_line (b, text, tr (b->lang, N_("Not reviewed yet; the plan started on %s")), pacte_plan_last_review (plan));
  append_line (text, tr (b->lang, N_("Owner: %s")), pacte_record_get_string (record, PACTE_PLAN_OWNER));
  add_event (b, "review", plan, "", due, summary, text);
}

static void
add_plan (Builder   *b,
          PactePlan *plan)
{
  add_meetings (b, plan);
  add_events (b, plan);
  add_actions (b, plan);
  add_decisions (b, plan);
  add_review (b, plan);
}

char *
pacte_calendar_build (PactePortfolio *portfolio,
                      PactePlan      *plan,
                      const char     *lang,
                      GDateTime      *stamp,
                      guint          *n_events)
{
  Builder b = { 0 };
  const char *name;
  g_autofree char *prodid = NULL;
  g_autofree char *lang_code = NULL;
  g_autofree char *clean_name = NULL;
  icalproperty *calname;
  char *ical;
  char *text;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (plan == NULL || PACTE_IS_PLAN (plan), NULL);

  b.portfolio = portfolio;
  b.lang = lang != NULL ? lang : "en";
  b.language = pacte_language_get (b.lang);
  b.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (stamp != NULL)
    b.stamp = icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (stamp), 0,
                                             icaltimezone_get_utc_timezone ());
  else
    b.stamp = icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ());

  b.calendar = icalcomponent_new_vcalendar ();
  lang_code = g_ascii_strup (b.lang, -1);
  prodid = g_strdup_printf ("-//Pacte//Pacte %s//%s", PACKAGE_VERSION, lang_code);
  icalcomponent_add_property (b.calendar, icalproperty_new_prodid (prodid));
  icalcomponent_add_property (b.calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (b.calendar, icalproperty_new_calscale ("GREGORIAN"));
  /* The name Thunderbird, Evolution and Google show for the calendar. */
  if (plan != NULL)
    name = pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME);
  else
    name = pacte_record_get_string (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_META_TITLE);
  if (*name != '\0')
    {
      clean_name = clean_text (name);
      calname = icalproperty_new_x (clean_name);
      icalproperty_set_x_name (calname, "X-WR-CALNAME");
      icalcomponent_add_property (b.calendar, calname);
    }

  if (plan != NULL)
    add_plan (&b, plan);
  else
    {
      GListModel *plans = pacte_portfolio_get_plans (portfolio);

      for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
        {
          g_autoptr(PactePlan) item = g_list_model_get_item (plans, i);

          add_plan (&b, item);
        }
    }

  ical = icalcomponent_as_ical_string_r (b.calendar);
  text = g_strdup (ical);
  icalmemory_free_buffer (ical);
  icalcomponent_free (b.calendar);
  g_hash_table_unref (b.seen);
  if (n_events != NULL)
    *n_events = b.n_events;
  return text;
}

gboolean
pacte_calendar_write (PactePortfolio *portfolio,
                      PactePlan      *plan,
                      const char     *lang,
                      GFile          *target,
                      guint          *n_events,
                      GError        **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), FALSE);
  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = pacte_calendar_build (portfolio, plan, lang, NULL, n_events);
  if (!pacte_atomic_write (target, text, strlen (text), PACTE_ATOMIC_NONE, NULL, NULL, &local_error))
    {
      g_autofree char *display = pacte_file_display_name (target);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot write the calendar to “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
}
