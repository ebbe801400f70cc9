/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-list-section-specs.c: how each kind of item is edited: its fields,
 * the summary under its title, its words ("Add Objective", "No objectives
 * yet") and what a new item starts with. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-i18n.h"
#include "pacte-list-section-private.h"
#include "pacte-number.h"

static void
add_part (GPtrArray  *parts,
          const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (parts, g_strdup (text));
}

static void
add_part_take (GPtrArray *parts,
               char      *text)
{
  if (text != NULL && text[0] != '\0')
    g_ptr_array_add (parts, text);
  else
    g_free (text);
}

static void
add_choice (GPtrArray   *parts,
            PacteRecord *item,
            guint        field)
{
  const char *value = pacte_record_get_string (item, field);

  if (value[0] != '\0')
    add_part (parts, pacte_choice_display_name (value));
}

typedef enum {
  DATE_PLAIN,
  DATE_DUE,
  DATE_LAST_MET,
} DateWording;

static void
add_date (GPtrArray   *parts,
          PacteRecord *item,
          guint        field,
          DateWording  wording)
{
  g_autofree char *date = pacte_date_display (pacte_record_get_date (item, field));

  if (date == NULL)
    return;
  switch (wording)
    {
    case DATE_DUE:
      add_part_take (parts, g_strdup_printf (_("due %s"), date));
      break;
    case DATE_LAST_MET:
      add_part_take (parts, g_strdup_printf (_("last met %s"), date));
      break;
    case DATE_PLAIN:
    default:
      add_part (parts, date);
      break;
    }
}

/* A translated pattern with two "%s" (or "%1$s" and "%2$s", which a
 * translation may swap) filled in without printf: the patterns come from a
 * table, and the values are user text. */
char *
pacte_list_section_fill_pattern (const char *pattern,
              const char *first,
              const char *second)
{
  GString *out = g_string_new (NULL);
  guint next = 0;

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 's')
        {
          g_string_append (out, next++ == 0 ? first : second);
          p++;
        }
      else if (p[0] == '%' && (p[1] == '1' || p[1] == '2') && p[2] == '$' && p[3] == 's')
        {
          g_string_append (out, p[1] == '1' ? first : second);
          p += 3;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static char *
format_amount (PacteListSection *self,
               double            value)
{
  g_autofree char *number = pacte_number_format (value);
  const char *currency = self->context ? pacte_portfolio_get_currency (pacte_context_get_portfolio (self->context)) : NULL;

  return currency ? g_strdup_printf ("%s %s", number, currency) : g_steal_pointer (&number);
}

static void
add_done (GPtrArray   *parts,
          PacteRecord *item,
          guint        field)
{
  if (pacte_record_get_boolean (item, field) == 1)
    add_part (parts, _("Done"));
  else
    add_part (parts, _("Not done"));
}

static void
describe_contact (PacteListSection *self, PacteRecord *item, GPtrArray *parts)
{
  add_choice (parts, item, PACTE_CONTACT_ROLE);
  add_part (parts, pacte_record_get_string (item, PACTE_CONTACT_JOB_TITLE));
  add_part (parts, pacte_record_get_string (item, PACTE_CONTACT_EMAIL));
}

static void
describe_objective (PacteListSection *self, PacteRecord *item, GPtrArray *parts)
{
  double target = pacte_record_get_number (item, PACTE_OBJECTIVE_TARGET);
  double actual = pacte_record_get_number (item, PACTE_OBJECTIVE_ACTUAL);
  const char *unit = pacte_record_get_string (item, PACTE_OBJECTIVE_UNIT);

  /* The target and the actual both with the unit, when there is one. */
  if (!isnan (target))
    {
      g_autofree char *number = pacte_number_format (target);

      if (unit[0] != '\0')
        add_part_take (parts, g_strdup_printf (_("Target %s %s"), number, unit));
      else
        add_part_take (parts, g_strdup_printf (_("Target %s"), number));
    }
  else
    add_part (parts, _("No target"));
  add_date (parts, item, PACTE_OBJECTIVE_DUE, DATE_DUE);
  if (!isnan (actual))
    {
      g_autofree char *number = pacte_number_format (actual);

      if (unit[0] != '\0')
        /* Translators: an objective's actual value, then its unit. */
        add_part_take (parts, g_strdup_printf (_("actual %s %s"), number, unit));
      else
        add_part_take (parts, g_strdup_printf (_("actual %s"), number));
    }
}

static void
describe_decision (PacteListSection *self, PacteRecord *item, GPtrArray *parts)
{
  const char *outcome = pacte_record_get_string (item, PACTE_DECISION_OUTCOME);

  add_choice (parts, item, PACTE_DECISION_AUDIENCE);
  add_date (parts, item, PACTE_DECISION_DUE, DATE_DUE);
  if (outcome[0] != '\0')
    add_part_take (parts, g_strdup_printf (_("decided: %s"), outcome));
  else
    add_part (parts, _("open"));
}

static void
describe_body (PacteListSection *self, PacteRecord *item, GPtrArray *parts)
{
  double cadence = pacte_record_get_number (item, PACTE_BODY_CADENCE_DAYS);

  add_choice (parts, item, PACTE_BODY_LEVEL);
  add_part (parts, pacte_record_get_string (item, PACTE_BODY_OWNER));
  if (!isnan (cadence))
    add_part_take (parts, g_strdup_printf (ngettext ("every %d day", "every %d days", (gulong) cadence),
                                           (int) cadence));
  add_date (parts, item, PACTE_BODY_LAST_MET, DATE_LAST_MET);
}

static void
describe_enablement (PacteListSection *self, PacteRecord *item, GPtrArray *parts)
{
  add_date (parts, item, PACTE_ENABLEMENT_DATE, DATE_PLAIN);
  add_done (parts, item, PACTE_ENABLEMENT_DONE);
}

static void
describe_communication (PacteListSection *self, PacteRecord *item, GPtrArray *parts)
{
  add_choice (parts, item, PACTE_COMMUNICATION_AUDIENCE);
  add_part (parts, pacte_record_get_string (item, PACTE_COMMUNICATION_CHANNEL));
  add_date (parts, item, PACTE_COMMUNICATION_DATE, DATE_PLAIN);
  add_done (parts, item, PACTE_COMMUNICATION_DONE);
}

static void
describe_action (PacteListSection *self, PacteRecord *item, GPtrArray *parts)
{
  guint n_parties = g_strv_length ((char **) pacte_record_get_strv (item, PACTE_ACTION_PARTIES));

  add_choice (parts, item, PACTE_ACTION_STATUS);
  add_date (parts, item, PACTE_ACTION_DUE, DATE_DUE);
  if (n_parties > 0)
    add_part_take (parts, g_strdup_printf (ngettext ("%u party", "%u parties", n_parties), n_parties));
  if (pacte_record_get_string (item, PACTE_ACTION_OBJECTIVE)[0] == '\0')
    add_part (parts, _("no objective"));
}

static void
describe_event (PacteListSection *self, PacteRecord *item, GPtrArray *parts)
{
  guint n_partners = g_strv_length ((char **) pacte_record_get_strv (item, PACTE_EVENT_PARTNERS));
  double attendees = pacte_record_get_number (item, PACTE_EVENT_EXPECTED_ATTENDEES);

  add_choice (parts, item, PACTE_EVENT_KIND);
  add_date (parts, item, PACTE_EVENT_DATE, DATE_PLAIN);
  if (n_partners > 0)
    add_part_take (parts, g_strdup_printf (ngettext ("%u partner", "%u partners", n_partners), n_partners));
  if (!isnan (attendees))
    add_part_take (parts, g_strdup_printf (ngettext ("%d attendee expected", "%d attendees expected",
                                                        (gulong) attendees),
                                           (int) attendees));
}

static void
describe_forecast (PacteListSection *self, PacteRecord *item, GPtrArray *parts)
{
  double amount = pacte_record_get_number (item, PACTE_FORECAST_AMOUNT);

  if (!isnan (amount))
    add_part_take (parts, format_amount (self, amount));
  else
    add_part (parts, _("No amount"));
}

static void
describe_activity (PacteListSection *self, PacteRecord *item, GPtrArray *parts)
{
  add_date (parts, item, PACTE_ACTIVITY_DATE, DATE_PLAIN);
}

static void
describe_review (PacteListSection *self, PacteRecord *item, GPtrArray *parts)
{
  const char * const *keys = pacte_record_map_get_keys (item, PACTE_REVIEW_STATUSES);
  const char *lang = self->context ? pacte_context_get_language (self->context) : "en";
  guint counts[PACTE_STATUS_OFF + 1] = { 0, };
  g_autoptr(GString) tally = g_string_new (NULL);

  add_part (parts, pacte_record_get_string (item, PACTE_REVIEW_REVIEWER));
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      PacteStatus status;

      if (pacte_status_from_string (pacte_record_map_get_string (item, PACTE_REVIEW_STATUSES, keys[i]), &status))
        counts[status]++;
    }
  for (guint s = PACTE_STATUS_GREEN; s <= PACTE_STATUS_OFF; s++)
    {
      if (counts[s] == 0)
        continue;
      if (tally->len > 0)
        g_string_append (tally, ", ");
      {
        g_autofree char *word = g_utf8_strdown (pacte_status_display_name (s, lang), -1);

        g_string_append_printf (tally, "%u %s", counts[s], word);
      }
    }
  add_part (parts, tally->str);
  add_part (parts, pacte_record_get_string (item, PACTE_REVIEW_NOTES));
}

static void
init_action (PacteListSection *self, PacteRecord *item)
{
  pacte_record_set_string (item, PACTE_ACTION_STATUS, "planned", NULL);
}

static void
init_activity (PacteListSection *self, PacteRecord *item)
{
  /* A log entry is most often about today. */
  if (self->context != NULL)
    pacte_record_set_date (item, PACTE_ACTIVITY_DATE, pacte_context_get_today (self->context), NULL);
}

static void
init_communication (PacteListSection *self, PacteRecord *item)
{
  pacte_record_set_boolean (item, PACTE_COMMUNICATION_DONE, 0, NULL);
}

static void
init_enablement (PacteListSection *self, PacteRecord *item)
{
  pacte_record_set_boolean (item, PACTE_ENABLEMENT_DONE, 0, NULL);
}

static const ItemField contact_fields[] = {
  { PACTE_CONTACT_NAME, FALSE },
  { PACTE_CONTACT_ROLE, FALSE },
  { PACTE_CONTACT_JOB_TITLE, FALSE },
  { PACTE_CONTACT_EMAIL, FALSE },
  { PACTE_CONTACT_PHONE, FALSE },
};

static const ItemField objective_fields[] = {
  { PACTE_OBJECTIVE_TITLE, FALSE },
  { PACTE_OBJECTIVE_METRIC, FALSE },
  { PACTE_OBJECTIVE_TARGET, FALSE },
  { PACTE_OBJECTIVE_UNIT, FALSE },
  { PACTE_OBJECTIVE_DUE, FALSE },
  { PACTE_OBJECTIVE_ACTUAL, FALSE },
  { PACTE_OBJECTIVE_BENCHMARK_SOURCE, FALSE },
  { PACTE_OBJECTIVE_BENCHMARK_VALUE, FALSE },
  { PACTE_OBJECTIVE_ID, FALSE },
};

static const ItemField decision_fields[] = {
  { PACTE_DECISION_QUESTION, FALSE },
  { PACTE_DECISION_AUDIENCE, FALSE },
  { PACTE_DECISION_OPTIONS, FALSE },
  { PACTE_DECISION_DUE, FALSE },
  { PACTE_DECISION_OUTCOME, FALSE },
};

static const ItemField body_fields[] = {
  { PACTE_BODY_BODY, FALSE },
  { PACTE_BODY_LEVEL, FALSE },
  { PACTE_BODY_OWNER, FALSE },
  { PACTE_BODY_CADENCE_DAYS, FALSE },
  { PACTE_BODY_LAST_MET, FALSE },
};

static const ItemField enablement_fields[] = {
  { PACTE_ENABLEMENT_TITLE, FALSE },
  { PACTE_ENABLEMENT_DATE, FALSE },
  { PACTE_ENABLEMENT_DONE, FALSE },
};

static const ItemField communication_fields[] = {
  { PACTE_COMMUNICATION_MESSAGE, FALSE },
  { PACTE_COMMUNICATION_AUDIENCE, FALSE },
  { PACTE_COMMUNICATION_CHANNEL, FALSE },
  { PACTE_COMMUNICATION_DATE, FALSE },
  { PACTE_COMMUNICATION_DONE, FALSE },
};

static const ItemField action_fields[] = {
  { PACTE_ACTION_TITLE, FALSE },
  { PACTE_ACTION_STATUS, FALSE },
  { PACTE_ACTION_DUE, FALSE },
  { PACTE_ACTION_PARTIES, FALSE },
  { PACTE_ACTION_OBJECTIVE, FALSE },
};

static const ItemField event_fields[] = {
  { PACTE_EVENT_TITLE, FALSE },
  { PACTE_EVENT_KIND, FALSE },
  { PACTE_EVENT_DATE, FALSE },
  { PACTE_EVENT_PARTNERS, FALSE },
  { PACTE_EVENT_EXPECTED_ATTENDEES, FALSE },
};

static const ItemField forecast_fields[] = {
  { PACTE_FORECAST_QUARTER, FALSE },
  { PACTE_FORECAST_AMOUNT, TRUE },
};

static const ItemField activity_fields[] = {
  { PACTE_ACTIVITY_DATE, FALSE },
  { PACTE_ACTIVITY_NOTE, FALSE },
};

static const ItemSpec item_specs[] = {
  { "contacts", pacte_partner_get_type, PACTE_PARTNER_CONTACTS, PACTE_CONTACT_NAME,
    N_("Unnamed contact"), N_("%s of contact “%s”"), N_("Add Contact"), N_("No contacts yet"),
    NULL, -1, describe_contact, NULL, contact_fields, G_N_ELEMENTS (contact_fields), FALSE },
  { "objectives", pacte_plan_get_type, PACTE_PLAN_OBJECTIVES, PACTE_OBJECTIVE_TITLE,
    N_("Untitled objective"), N_("%s of objective “%s”"), N_("Add Objective"), N_("No objectives yet"),
    "obj", PACTE_OBJECTIVE_ID, describe_objective, NULL, objective_fields, G_N_ELEMENTS (objective_fields), FALSE },
  { "decisions", pacte_plan_get_type, PACTE_PLAN_DECISIONS, PACTE_DECISION_QUESTION,
    N_("Unworded decision"), N_("%s of decision “%s”"), N_("Add Decision"), N_("No decisions yet"),
    NULL, -1, describe_decision, NULL, decision_fields, G_N_ELEMENTS (decision_fields), FALSE },
  { "governance", pacte_plan_get_type, PACTE_PLAN_GOVERNANCE, PACTE_BODY_BODY,
    N_("Unnamed body"), N_("%s of body “%s”"), N_("Add Body"), N_("No governance bodies yet"),
    NULL, -1, describe_body, NULL, body_fields, G_N_ELEMENTS (body_fields), FALSE },
  { "enablement", pacte_plan_get_type, PACTE_PLAN_ENABLEMENT, PACTE_ENABLEMENT_TITLE,
    N_("Untitled training"), N_("%s of training “%s”"), N_("Add Training"), N_("No training planned yet"),
    NULL, -1, describe_enablement, init_enablement, enablement_fields, G_N_ELEMENTS (enablement_fields), FALSE },
  { "communication", pacte_plan_get_type, PACTE_PLAN_COMMUNICATION, PACTE_COMMUNICATION_MESSAGE,
    N_("Message to write"), N_("%s of message “%s”"), N_("Add Message"), N_("No communication planned yet"),
    NULL, -1, describe_communication, init_communication, communication_fields, G_N_ELEMENTS (communication_fields), FALSE },
  { "actions", pacte_plan_get_type, PACTE_PLAN_ACTIONS, PACTE_ACTION_TITLE,
    N_("Untitled action"), N_("%s of action “%s”"), N_("Add Action"), N_("No actions yet"),
    "act", PACTE_ACTION_ID, describe_action, init_action, action_fields, G_N_ELEMENTS (action_fields), FALSE },
  { "events", pacte_plan_get_type, PACTE_PLAN_EVENTS, PACTE_EVENT_TITLE,
    N_("Untitled event"), N_("%s of event “%s”"), N_("Add Event"), N_("No events yet"),
    NULL, -1, describe_event, NULL, event_fields, G_N_ELEMENTS (event_fields), FALSE },
  { "forecast", pacte_plan_get_type, PACTE_PLAN_FORECAST, PACTE_FORECAST_QUARTER,
    N_("Quarter to choose"), N_("%s of quarter “%s”"), N_("Add Quarter"), N_("No forecast yet"),
    NULL, -1, describe_forecast, NULL, forecast_fields, G_N_ELEMENTS (forecast_fields), FALSE },
  { "activity", pacte_plan_get_type, PACTE_PLAN_ACTIVITY, PACTE_ACTIVITY_NOTE,
    N_("Empty note"), N_("%s of log entry “%s”"), N_("Log Activity"), N_("Nothing logged yet"),
    NULL, -1, describe_activity, init_activity, activity_fields, G_N_ELEMENTS (activity_fields), FALSE },
  { "reviews", pacte_plan_get_type, PACTE_PLAN_REVIEWS, PACTE_REVIEW_DATE,
    N_("Undated review"), N_("%s of review “%s”"), NULL, N_("No reviews recorded yet"),
    NULL, -1, describe_review, NULL, NULL, 0, TRUE },
};

const ItemSpec *
pacte_list_section_find_spec (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (item_specs); i++)
    if (g_strcmp0 (item_specs[i].key, key) == 0)
      return &item_specs[i];
  return NULL;
}

/* The title of an item as its row shows it: its title field, shortened, or
 * the "untitled" words. */
char *
pacte_list_section_item_title (const ItemSpec *spec,
            PacteRecord    *item)
{
  const PacteFieldInfo *info = pacte_record_get_field_info (item, spec->title_field);
  g_autofree char *text = NULL;

  if (info->kind == PACTE_FIELD_DATE)
    text = pacte_date_display (pacte_record_get_date (item, spec->title_field));
  else if (info->kind == PACTE_FIELD_QUARTER)
    text = pacte_quarter_display (pacte_record_get_string (item, spec->title_field));
  else
    text = g_strdup (pacte_record_get_string (item, spec->title_field));

  if (text == NULL || text[0] == '\0')
    return g_strdup (_(spec->untitled));

  /* One line, not too long: the whole text is in the field below. */
  g_strdelimit (text, "\n\r\t", ' ');
  if (g_utf8_strlen (text, -1) > 90)
    {
      char *end = g_utf8_offset_to_pointer (text, 88);

      *end = '\0';
      return g_strconcat (g_strchomp (text), "…", NULL);
    }
  return g_steal_pointer (&text);
}
