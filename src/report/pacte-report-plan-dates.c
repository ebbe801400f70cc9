/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-plan-dates.c: the parts of a plan's section that read its
 * dates and lights: decisions waiting, what is coming up, the action plan,
 * the rules switched off and the recommendations. */
#include "config.h"

#include <math.h>

#include "pacte-analysis.h"
#include "pacte-report-build.h"

void
pacte_report_add_decisions (PacteReport *self,
                            PactePlan   *plan)
{
  GListModel *decisions = pacte_record_get_list (PACTE_RECORD (plan), PACTE_PLAN_DECISIONS);
  guint n = g_list_model_get_n_items (decisions);
  static const double widths[] = { 0.40, 0.15, 0.30, 0.15 };
  static const char * const headers[] = { N_("Question"), N_("Audience"), N_("Options"), N_("Due") };
  PacteReportTable *t = NULL;

  heading (self, N_("Decisions waiting for an answer"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PacteRecord) d = g_list_model_get_item (decisions, i);
      PacteReportRow *row;
      g_autofree char *options = NULL;
      const char * const *strv;

      if (*pacte_record_get_string (d, PACTE_DECISION_OUTCOME) != '\0')
        continue;
      if (t == NULL)
        t = table (self, 4, widths, NULL, headers);
      row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);
      strv = pacte_record_get_strv (d, PACTE_DECISION_OPTIONS);
      options = strv[0] != NULL ? g_strjoinv (" / ", (char **) strv) : g_strdup ("—");
      pacte_report_row_set (row, 0, or_dash (pacte_record_get_string (d, PACTE_DECISION_QUESTION)),
                            PACTE_REPORT_STYLE_BODY);
      pacte_report_row_set (row, 1, choice_name (self, pacte_record_get_string (d, PACTE_DECISION_AUDIENCE)),
                            PACTE_REPORT_STYLE_BODY);
      pacte_report_row_take (row, 2, g_steal_pointer (&options), PACTE_REPORT_STYLE_BODY);
      pacte_report_row_take (row, 3, date_text (self, pacte_record_get_date (d, PACTE_DECISION_DUE)),
                             PACTE_REPORT_STYLE_BODY);
    }
  if (t == NULL)
    paragraph (self, PACTE_REPORT_STYLE_ITALIC, T (self, N_("No decision is waiting for an answer.")));
}

typedef struct
{
  guint32      date;     /* 0 = unknown: sorts last */
  guint        order;    /* position in the file, for a stable order */
  PacteRecord *record;
} Dated;

static int
compare_dated (gconstpointer a,
               gconstpointer b)
{
  const Dated *da = a;
  const Dated *db = b;
  guint32 ka = da->date != 0 ? da->date : G_MAXUINT32;
  guint32 kb = db->date != 0 ? db->date : G_MAXUINT32;

  if (ka != kb)
    return ka < kb ? -1 : 1;
  return da->order < db->order ? -1 : da->order > db->order;
}

static gboolean
action_is_pending (PacteRecord *action)
{
  const char *status = pacte_record_get_string (action, PACTE_ACTION_STATUS);

  return !g_str_equal (status, "done") && !g_str_equal (status, "cancelled");
}

void
pacte_report_add_coming_up (PacteReport *self,
                            PactePlan   *plan)
{
  GListModel *actions = pacte_record_get_list (PACTE_RECORD (plan), PACTE_PLAN_ACTIONS);
  GListModel *events = pacte_record_get_list (PACTE_RECORD (plan), PACTE_PLAN_EVENTS);
  guint n_actions = g_list_model_get_n_items (actions);
  guint n_events = g_list_model_get_n_items (events);
  guint32 horizon = self->today + PACTE_REPORT_HORIZON_DAYS;
  static const double widths[] = { 0.15, 0.45, 0.14, 0.26 };
  static const char * const headers[] = { N_("Date"), N_("What"), N_("Type"), N_("Details") };
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Dated));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = NULL;
  PacteReportTable *t;

  for (guint i = 0; i < n_actions; i++)
    {
      PacteRecord *a = g_list_model_get_item (actions, i);
      guint32 due = pacte_record_get_date (a, PACTE_ACTION_DUE);
      Dated d = { due, i, a };

      g_ptr_array_add (keep, a);
      if (due >= self->today && due <= horizon && action_is_pending (a))
        g_array_append_val (items, d);
    }
  for (guint i = 0; i < n_events; i++)
    {
      PacteRecord *e = g_list_model_get_item (events, i);
      guint32 date = pacte_record_get_date (e, PACTE_EVENT_DATE);
      Dated d = { date, n_actions + i, e };

      g_ptr_array_add (keep, e);
      if (date >= self->today && date <= horizon)
        g_array_append_val (items, d);
    }
  g_array_sort (items, compare_dated);

  PRINTF_PLURAL_BEGIN
  title = g_strdup_printf (pacte_ngettext_lang (self->lang, "Coming up in the next %d day",
                                                "Coming up in the next %d days", PACTE_REPORT_HORIZON_DAYS),
                           PACTE_REPORT_HORIZON_DAYS);
  PRINTF_PLURAL_END
  section_heading (self, title);
  if (items->len == 0)
    {
      paragraph (self, PACTE_REPORT_STYLE_ITALIC, T (self, N_("No action or event is due in this period.")));
      return;
    }
  t = table (self, 4, widths, NULL, headers);
  for (guint i = 0; i < items->len; i++)
    {
      const Dated *d = &g_array_index (items, Dated, i);
      PacteReportRow *row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);

      pacte_report_row_take (row, 0, date_text (self, d->date), PACTE_REPORT_STYLE_BODY);
      if (PACTE_IS_ACTION (d->record))
        {
          pacte_report_row_set (row, 1, or_dash (pacte_record_get_string (d->record, PACTE_ACTION_TITLE)),
                                PACTE_REPORT_STYLE_BODY);
          pacte_report_row_set (row, 2, T (self, N_("Action")), PACTE_REPORT_STYLE_BODY);
          pacte_report_row_set (row, 3, choice_name (self, pacte_record_get_string (d->record, PACTE_ACTION_STATUS)),
                                PACTE_REPORT_STYLE_BODY);
        }
      else
        {
          double attendees = pacte_record_get_number (d->record, PACTE_EVENT_EXPECTED_ATTENDEES);
          const char *kind = choice_name (self, pacte_record_get_string (d->record, PACTE_EVENT_KIND));

          pacte_report_row_set (row, 1, or_dash (pacte_record_get_string (d->record, PACTE_EVENT_TITLE)),
                                PACTE_REPORT_STYLE_BODY);
          pacte_report_row_set (row, 2, T (self, N_("Event")), PACTE_REPORT_STYLE_BODY);
          if (!isnan (attendees) && attendees >= 0 && attendees < 1e9)
            {
              char *details;

              PRINTF_PLURAL_BEGIN
              details = g_strdup_printf (pacte_ngettext_lang (self->lang, "%s, %d expected attendee",
                                                              "%s, %d expected attendees", (gulong) attendees),
                                         kind, (int) attendees);
              PRINTF_PLURAL_END
              pacte_report_row_take (row, 3, pacte_report_hold_units (details), PACTE_REPORT_STYLE_BODY);
            }
          else
            pacte_report_row_set (row, 3, kind, PACTE_REPORT_STYLE_BODY);
        }
    }
}

void
pacte_report_add_action_plan (PacteReport *self,
                              PactePlan   *plan)
{
  GListModel *actions = pacte_record_get_list (PACTE_RECORD (plan), PACTE_PLAN_ACTIONS);
  GListModel *objectives = pacte_record_get_list (PACTE_RECORD (plan), PACTE_PLAN_OBJECTIVES);
  guint n = g_list_model_get_n_items (actions);
  guint n_objectives = g_list_model_get_n_items (objectives);
  static const double widths[] = { 0.16, 0.32, 0.12, 0.22, 0.18 };
  static const char * const headers[] = { N_("Due"), N_("Action"), N_("Status"), N_("Parties"), N_("Objective") };
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Dated));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  PacteReportTable *t;

  heading (self, N_("Action plan"));
  if (n == 0)
    {
      paragraph (self, PACTE_REPORT_STYLE_ITALIC, T (self, N_("No action yet.")));
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      PacteRecord *a = g_list_model_get_item (actions, i);
      Dated d = { pacte_record_get_date (a, PACTE_ACTION_DUE), i, a };

      g_ptr_array_add (keep, a);
      g_array_append_val (items, d);
    }
  g_array_sort (items, compare_dated);

  t = table (self, 5, widths, NULL, headers);
  for (guint i = 0; i < items->len; i++)
    {
      const Dated *d = &g_array_index (items, Dated, i);
      PacteReportRow *row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);
      const char *objective_id = pacte_record_get_string (d->record, PACTE_ACTION_OBJECTIVE);
      const char *objective = "—";
      const char *status = choice_name (self, pacte_record_get_string (d->record, PACTE_ACTION_STATUS));

      for (guint j = 0; j < n_objectives && *objective_id != '\0'; j++)
        {
          g_autoptr(PacteRecord) o = g_list_model_get_item (objectives, j);

          if (g_str_equal (pacte_record_get_string (o, PACTE_OBJECTIVE_ID), objective_id))
            {
              /* The list holds the objective: the pointer stays valid. */
              objective = or_dash (pacte_record_get_string (o, PACTE_OBJECTIVE_TITLE));
              break;
            }
        }

      pacte_report_row_take (row, 0, date_text (self, d->date), PACTE_REPORT_STYLE_BODY);
      pacte_report_row_set (row, 1, or_dash (pacte_record_get_string (d->record, PACTE_ACTION_TITLE)),
                            PACTE_REPORT_STYLE_BODY);
      if (d->date != 0 && d->date < self->today && action_is_pending (d->record))
        pacte_report_row_take (row, 2, g_strdup_printf (TF (self, N_("%s (overdue)")), status),
                               PACTE_REPORT_STYLE_BOLD);
      else
        pacte_report_row_set (row, 2, status, PACTE_REPORT_STYLE_BODY);
      pacte_report_row_take (row, 3, partner_names (self, pacte_record_get_strv (d->record, PACTE_ACTION_PARTIES)),
                             PACTE_REPORT_STYLE_BODY);
      pacte_report_row_set (row, 4, objective, PACTE_REPORT_STYLE_BODY);
    }
}

void
pacte_report_add_switched_off (PacteReport            *self,
                               PactePlan              *plan,
                               const PacteRuleOutcome *outcomes)
{
  guint n_rules = pacte_rule_set_get_n_rules (self->rules);
  static const double widths[] = { 0.05, 0.35, 0.60 };
  static const PacteReportAlign aligns[] = {
    PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_LEFT, PACTE_REPORT_ALIGN_LEFT
  };
  static const char * const headers[] = { N_("No."), N_("Rule"), N_("Reason") };
  PacteReportTable *t = NULL;

  heading (self, N_("Rules switched off"));
  for (guint i = 0; i < n_rules; i++)
    {
      const char *rule_id = pacte_rule_set_get_id (self->rules, i);
      PacteOverride *override;
      const char *reason = NULL;
      PacteReportRow *row;

      if (outcomes[i].status != PACTE_STATUS_OFF)
        continue;
      /* The plan's own reason first, then the portfolio-wide one. */
      override = pacte_plan_find_override (plan, rule_id);
      if (override != NULL && pacte_record_get_boolean (PACTE_RECORD (override), PACTE_OVERRIDE_DISABLED) == 1)
        reason = pacte_record_get_string (PACTE_RECORD (override), PACTE_OVERRIDE_REASON);
      else
        {
          override = pacte_portfolio_find_setting (self->portfolio, rule_id);
          if (override != NULL)
            reason = pacte_record_get_string (PACTE_RECORD (override), PACTE_OVERRIDE_REASON);
        }
      if (reason == NULL || *reason == '\0')
        reason = *outcomes[i].explanation != '\0' ? outcomes[i].explanation : T (self, N_("No reason given"));

      if (t == NULL)
        t = table (self, 3, widths, aligns, headers);
      row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);
      pacte_report_row_take (row, 0, g_strdup_printf ("%u", pacte_rule_set_get_number (self->rules, i)),
                             PACTE_REPORT_STYLE_BODY);
      pacte_report_row_set (row, 1, pacte_rule_set_get_title (self->rules, i, self->lang), PACTE_REPORT_STYLE_BOLD);
      pacte_report_row_set (row, 2, reason, PACTE_REPORT_STYLE_BODY);
    }
  if (t == NULL)
    paragraph (self, PACTE_REPORT_STYLE_ITALIC, T (self, N_("Every rule is switched on for this plan.")));
}

/* The plan's fix-first list: its red and amber rules, the largest gain of
 * score first (the engine's own scoring: the score the plan would have with
 * that rule green), each with what to do. */
void
pacte_report_add_recommendations (PacteReport            *self,
                                  const PacteRuleOutcome *outcomes)
{
  guint n_rules = pacte_rule_set_get_n_rules (self->rules);
  static const double widths[] = { 0.12, 0.28, 0.12, 0.48 };
  static const PacteReportAlign aligns[] = {
    PACTE_REPORT_ALIGN_LEFT, PACTE_REPORT_ALIGN_LEFT, PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_LEFT
  };
  static const char * const headers[] = { N_("Status"), N_("Rule"), N_("Gain"), N_("What to do") };
  g_autofree PacteFix *fixes = g_new0 (PacteFix, MAX (n_rules, 1));
  guint n_fixes = pacte_fix_first_outcomes (outcomes, n_rules, fixes);
  PacteReportTable *t;

  heading (self, N_("Fix first"));
  if (n_fixes == 0)
    {
      paragraph (self, PACTE_REPORT_STYLE_ITALIC,
                 T (self, N_("No rule is red or amber: keep the plan on its course.")));
      return;
    }
  lead_in (self, PACTE_REPORT_STYLE_BODY,
           T (self, N_("The red and amber rules, those whose fixing raises the health score the most first: the gain is the score the plan would have with the rule green, minus its score now.")));
  t = table (self, 4, widths, aligns, headers);
  for (guint k = 0; k < n_fixes; k++)
    {
      guint i = fixes[k].rule_index;
      PacteReportRow *row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);

      pacte_report_row_set (row, 0, status_word (self, fixes[k].status), PACTE_REPORT_STYLE_BOLD);
      pacte_report_row_set_light (row, 0, fixes[k].status);
      pacte_report_row_take (row, 1, g_strdup_printf ("%u. %s", pacte_rule_set_get_number (self->rules, i),
                                                      pacte_rule_set_get_title (self->rules, i, self->lang)),
                             PACTE_REPORT_STYLE_BOLD);
      pacte_report_row_take (row, 2, pacte_report_gain_text (self, fixes[k].gain, 0), PACTE_REPORT_STYLE_BOLD);
      pacte_report_row_set (row, 3, pacte_rule_set_get_advice (self->rules, i, self->lang),
                            PACTE_REPORT_STYLE_BODY);
    }
}
