/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-list-section.c: a group editing one list of records. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-i18n.h"
#include "pacte-item-row.h"
#include "pacte-list-section-private.h"
#include "pacte-number.h"
#include "pacte-reveal.h"

/* ---- How each kind of item is edited ------------------------------------- */

G_DEFINE_FINAL_TYPE (PacteListSection, pacte_list_section, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_KEY,
  PROP_RECORD,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  { PACTE_CONTACT_NAME, -1, FALSE },
  { PACTE_CONTACT_ROLE, -1, FALSE },
  { PACTE_CONTACT_JOB_TITLE, -1, FALSE },
  { PACTE_CONTACT_EMAIL, -1, FALSE },
  { PACTE_CONTACT_PHONE, -1, FALSE },
};

static const ItemField objective_fields[] = {
  { PACTE_OBJECTIVE_TITLE, -1, FALSE },
  { PACTE_OBJECTIVE_METRIC, -1, FALSE },
  { PACTE_OBJECTIVE_TARGET, -1, FALSE },
  { PACTE_OBJECTIVE_UNIT, -1, FALSE },
  { PACTE_OBJECTIVE_DUE, -1, FALSE },
  { PACTE_OBJECTIVE_ACTUAL, -1, FALSE },
  { PACTE_OBJECTIVE_BENCHMARK_SOURCE, -1, FALSE },
  { PACTE_OBJECTIVE_BENCHMARK_VALUE, -1, FALSE },
  { PACTE_OBJECTIVE_ID, PACTE_FIELD_ROW_READONLY, FALSE },
};

static const ItemField decision_fields[] = {
  { PACTE_DECISION_QUESTION, -1, FALSE },
  { PACTE_DECISION_AUDIENCE, -1, FALSE },
  { PACTE_DECISION_OPTIONS, -1, FALSE },
  { PACTE_DECISION_DUE, -1, FALSE },
  { PACTE_DECISION_OUTCOME, -1, FALSE },
};

static const ItemField body_fields[] = {
  { PACTE_BODY_BODY, -1, FALSE },
  { PACTE_BODY_LEVEL, -1, FALSE },
  { PACTE_BODY_OWNER, -1, FALSE },
  { PACTE_BODY_CADENCE_DAYS, -1, FALSE },
  { PACTE_BODY_LAST_MET, -1, FALSE },
};

static const ItemField enablement_fields[] = {
  { PACTE_ENABLEMENT_TITLE, -1, FALSE },
  { PACTE_ENABLEMENT_DATE, -1, FALSE },
  { PACTE_ENABLEMENT_DONE, -1, FALSE },
};

static const ItemField communication_fields[] = {
  { PACTE_COMMUNICATION_MESSAGE, -1, FALSE },
  { PACTE_COMMUNICATION_AUDIENCE, -1, FALSE },
  { PACTE_COMMUNICATION_CHANNEL, -1, FALSE },
  { PACTE_COMMUNICATION_DATE, -1, FALSE },
  { PACTE_COMMUNICATION_DONE, -1, FALSE },
};

static const ItemField action_fields[] = {
  { PACTE_ACTION_TITLE, -1, FALSE },
  { PACTE_ACTION_STATUS, -1, FALSE },
  { PACTE_ACTION_DUE, -1, FALSE },
  { PACTE_ACTION_PARTIES, PACTE_FIELD_ROW_PARTNERS, FALSE },
  { PACTE_ACTION_OBJECTIVE, PACTE_FIELD_ROW_OBJECTIVE, FALSE },
};

static const ItemField event_fields[] = {
  { PACTE_EVENT_TITLE, -1, FALSE },
  { PACTE_EVENT_KIND, -1, FALSE },
  { PACTE_EVENT_DATE, -1, FALSE },
  { PACTE_EVENT_PARTNERS, PACTE_FIELD_ROW_PARTNERS, FALSE },
  { PACTE_EVENT_EXPECTED_ATTENDEES, -1, FALSE },
};

static const ItemField forecast_fields[] = {
  { PACTE_FORECAST_QUARTER, -1, FALSE },
  { PACTE_FORECAST_AMOUNT, -1, TRUE },
};

static const ItemField activity_fields[] = {
  { PACTE_ACTIVITY_DATE, -1, FALSE },
  { PACTE_ACTIVITY_NOTE, PACTE_FIELD_ROW_MULTILINE, FALSE },
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

static const ItemSpec *
find_spec (const char *key)
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

/* Reviews are records of the past: shown, not edited. */
static GtkWidget *
review_row_new (PacteListSection *section,
                PacteRecord      *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = pacte_list_section_item_title (section->spec, item);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;

  section->spec->describe (section, item, parts);
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  PacteListSection *self = user_data;

  if (self->spec->read_only)
    return review_row_new (self, item);
  return pacte_item_row_new (self, item);
}

/* ---- The section ----------------------------------------------------------- */

static void
update_all_actions (PacteListSection *self)
{
  GtkWidget *child;

  if (self->spec->read_only)
    return;
  for (child = gtk_widget_get_first_child (self->list_box); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (PACTE_IS_ITEM_ROW (child))
      pacte_item_row_update_actions (PACTE_ITEM_ROW (child));
}

static void
items_changed_cb (PacteListSection *self)
{
  gboolean empty = g_list_model_get_n_items (self->items) == 0;

  /* Rows not made yet: neither the other record's rows nor "no items". */
  gtk_widget_set_visible (self->list_box, !empty && self->bound);
  gtk_widget_set_visible (self->empty_label, empty);
  if (self->bound)
    update_all_actions (self);
}

static void
bind_rows (PacteListSection *self)
{
  self->bound = TRUE;
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list_box), self->items, create_row_cb, self, NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  pacte_list_section_add_item (PACTE_LIST_SECTION (widget));
}

static void
title_changed_cb (PacteListSection *self)
{
  const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "",
                                  -1);
}

static void
pacte_list_section_constructed (GObject *object)
{
  PacteListSection *self = PACTE_LIST_SECTION (object);

  G_OBJECT_CLASS (pacte_list_section_parent_class)->constructed (object);

  self->spec = find_spec (self->key);
  if (self->spec == NULL)
    {
      g_critical ("No list section for the key “%s”", self->key ? self->key : "(null)");
      self->spec = &item_specs[0];
    }

  self->list_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list_box, "boxed-list");
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->list_box);

  /* Outside the boxed list: an empty frame reads as a broken widget. */
  self->empty_label = gtk_label_new (_(self->spec->empty_label));
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_add_css_class (self->empty_label, "pacte-empty-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty_label);
  gtk_widget_set_visible (self->list_box, FALSE);

  if (!self->spec->read_only)
    {
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _(self->spec->add_label));
      self->add_button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (self->add_button), content);
      gtk_widget_add_css_class (self->add_button, "flat");
      gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "section.add");
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.add", FALSE);
}

static void
pacte_list_section_dispose (GObject *object)
{
  PacteListSection *self = PACTE_LIST_SECTION (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (GTK_LIST_BOX (self->list_box), NULL, NULL, NULL, NULL);
  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, items_changed_cb, self);
  g_clear_object (&self->items);
  g_clear_object (&self->record);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pacte_list_section_parent_class)->dispose (object);
}

static void
pacte_list_section_finalize (GObject *object)
{
  PacteListSection *self = PACTE_LIST_SECTION (object);

  g_free (self->key);

  G_OBJECT_CLASS (pacte_list_section_parent_class)->finalize (object);
}

static void
pacte_list_section_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PacteListSection *self = PACTE_LIST_SECTION (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_list_section_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PacteListSection *self = PACTE_LIST_SECTION (object);

  switch (prop_id)
    {
    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;
    case PROP_RECORD:
      pacte_list_section_set_record (self, g_value_get_object (value));
      break;
    case PROP_CONTEXT:
      pacte_list_section_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_list_section_class_init (PacteListSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pacte_list_section_constructed;
  object_class->dispose = pacte_list_section_dispose;
  object_class->finalize = pacte_list_section_finalize;
  object_class->get_property = pacte_list_section_get_property;
  object_class->set_property = pacte_list_section_set_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, PACTE_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PACTE_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "section.add", NULL, add_action);
}

static void
pacte_list_section_init (PacteListSection *self)
{
}

GtkWidget *
pacte_list_section_new (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return g_object_new (PACTE_TYPE_LIST_SECTION, "key", key, NULL);
}

void
pacte_list_section_set_record (PacteListSection *self,
                               PacteRecord      *record)
{
  g_return_if_fail (PACTE_IS_LIST_SECTION (self));
  g_return_if_fail (record == NULL || g_type_is_a (G_OBJECT_TYPE (record), self->spec->owner_type ()));

  if (record == self->record)
    return;

  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, items_changed_cb, self);
  g_clear_object (&self->items);
  g_set_object (&self->record, record);

  self->bound = FALSE;
  if (record != NULL)
    {
      self->items = g_object_ref (pacte_record_get_list (record, self->spec->list_field));
      /* Deferred: the other record's rows stay (hidden) until the rows of
       * this one are made; an empty list costs nothing to bind. */
      if (!self->deferred || g_list_model_get_n_items (self->items) == 0)
        bind_rows (self);
      g_signal_connect_swapped (self->items, "items-changed", G_CALLBACK (items_changed_cb), self);
      items_changed_cb (self);
    }
  else
    {
      gtk_list_box_bind_model (GTK_LIST_BOX (self->list_box), NULL, NULL, NULL, NULL);
      gtk_widget_set_visible (self->list_box, FALSE);
      gtk_widget_set_visible (self->empty_label, TRUE);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.add", record != NULL && !self->spec->read_only);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

void
pacte_list_section_set_context (PacteListSection *self,
                                PacteContext     *context)
{
  g_return_if_fail (PACTE_IS_LIST_SECTION (self));
  g_return_if_fail (context == NULL || PACTE_IS_CONTEXT (context));

  if (g_set_object (&self->context, context))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

const char *
pacte_list_section_get_key (PacteListSection *self)
{
  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), NULL);

  return self->key;
}

void
pacte_list_section_set_deferred (PacteListSection *self,
                                 gboolean          deferred)
{
  g_return_if_fail (PACTE_IS_LIST_SECTION (self));

  self->deferred = deferred;
  if (!deferred)
    pacte_list_section_ensure_rows (self);
}

gboolean
pacte_list_section_get_pending (PacteListSection *self)
{
  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), FALSE);

  return self->items != NULL && !self->bound;
}

void
pacte_list_section_ensure_rows (PacteListSection *self)
{
  g_return_if_fail (PACTE_IS_LIST_SECTION (self));

  if (self->items == NULL || self->bound)
    return;
  bind_rows (self);
  items_changed_cb (self);
}

GtkListBox *
pacte_list_section_get_list_box (PacteListSection *self)
{
  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), NULL);

  pacte_list_section_ensure_rows (self);
  return GTK_LIST_BOX (self->list_box);
}

GtkWidget *
pacte_list_section_get_add_button (PacteListSection *self)
{
  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), NULL);

  return self->add_button;
}

guint
pacte_list_section_add_item (PacteListSection *self)
{
  g_autoptr(PacteRecord) item = NULL;
  PactePortfolio *portfolio;
  GtkWidget *row;
  guint position;

  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), 0);
  g_return_val_if_fail (self->record != NULL && !self->spec->read_only, 0);

  pacte_list_section_ensure_rows (self);

  item = g_object_new (pacte_record_get_field_info (self->record, self->spec->list_field)->item_type (), NULL);
  portfolio = pacte_record_get_portfolio (self->record);
  if (portfolio == NULL && self->context != NULL)
    portfolio = pacte_context_get_portfolio (self->context);
  if (self->spec->id_prefix != NULL && portfolio != NULL)
    {
      g_autofree char *id = pacte_portfolio_new_id (portfolio, self->record, self->spec->list_field,
                                                    self->spec->id_prefix);

      pacte_record_set_string (item, self->spec->id_field, id, NULL);
    }
  if (self->spec->init_item != NULL)
    self->spec->init_item (self, item);

  /* One undoable step: the item is complete before it goes in. */
  position = g_list_model_get_n_items (self->items);
  pacte_record_list_insert (self->record, self->spec->list_field, position, item);

  row = pacte_list_section_get_row (self, position);
  if (row != NULL && PACTE_IS_ITEM_ROW (row))
    {
      PacteItemRow *item_row = PACTE_ITEM_ROW (row);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      pacte_item_row_ensure_fields (item_row);
      if (pacte_item_row_get_n_field_rows (item_row) > 0)
        pacte_field_row_focus_editor (pacte_item_row_get_field_row (item_row, 0));
    }
  return position;
}

GtkWidget *
pacte_list_section_get_row (PacteListSection *self,
                            guint             position)
{
  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), NULL);

  pacte_list_section_ensure_rows (self);
  return (GtkWidget *) gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list_box), (int) position);
}

PacteFieldRow *
pacte_list_section_get_field_row (PacteListSection *self,
                                  guint             position,
                                  guint             field)
{
  GtkWidget *row;
  PacteItemRow *item_row;

  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), NULL);

  row = pacte_list_section_get_row (self, position);
  if (row == NULL || !PACTE_IS_ITEM_ROW (row))
    return NULL;

  item_row = PACTE_ITEM_ROW (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  pacte_item_row_ensure_fields (item_row);
  for (guint i = 0; i < self->spec->n_fields; i++)
    if (self->spec->fields[i].field == field)
      return pacte_item_row_get_field_row (item_row, i);
  return NULL;
}

gboolean
pacte_list_section_focus (PacteListSection *self)
{
  GtkWidget *row;

  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), FALSE);

  pacte_list_section_ensure_rows (self);
  /* The group's title and description say what is wanted: show them too. */
  pacte_reveal_widget (GTK_WIDGET (self), FALSE);
  row = pacte_list_section_get_row (self, 0);
  if (row != NULL)
    return pacte_reveal_widget (row, TRUE);
  if (self->add_button != NULL && gtk_widget_get_sensitive (self->add_button))
    return pacte_reveal_widget (self->add_button, TRUE);
  return FALSE;
}

PacteRecord *
pacte_list_section_get_record (PacteListSection *self)
{
  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), NULL);

  return self->record;
}

guint
pacte_list_section_get_list_field (PacteListSection *self)
{
  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), 0);

  return self->spec->list_field;
}
