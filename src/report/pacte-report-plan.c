/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-plan.c: a plan's section of the report: its cover, health,
 * trend, objectives, revenue and governance (its dates and lights are in
 * pacte-report-plan-dates.c). */
#include "config.h"

#include <math.h>

#include "pacte-report-build.h"

/* ---- A plan's section -------------------------------------------------------- */

static void
add_cover (PacteReport *self,
           PactePlan   *plan,
           gboolean     with_portfolio)
{
  PacteRecord *p = PACTE_RECORD (plan);
  const char *title = pacte_record_get_string (PACTE_RECORD (self->portfolio), PACTE_PORTFOLIO_META_TITLE);
  const double widths[] = { 0.27, 0.73 };
  PacteReportTable *t;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  const char *sponsor = pacte_record_get_string (p, PACTE_PLAN_SPONSOR_NAME);
  guint32 engaged = pacte_record_get_date (p, PACTE_PLAN_SPONSOR_ENGAGED_ON);
  char *sponsor_text;

  lead_in (self, PACTE_REPORT_STYLE_TITLE, pacte_record_get_string (p, PACTE_PLAN_NAME));
  if (with_portfolio)
    {
      g_autofree char *subtitle = NULL;

      subtitle = *title != '\0'
                 ? g_strdup_printf ("%s — %s", T (self, N_("Partnership plan review")), title)
                 : g_strdup (T (self, N_("Partnership plan review")));
      lead_in (self, PACTE_REPORT_STYLE_SUBTITLE, subtitle);
    }
  pacte_report_layout_space (self->layout, 4);

  t = pacte_report_layout_table (self->layout, 2, widths, NULL, FALSE);
  key_value (self, t, N_("Portfolio"), g_strdup (or_dash (title)));
  key_value (self, t, N_("Partners"), partner_names (self, pacte_record_get_strv (p, PACTE_PLAN_PARTNERS)));
  key_value (self, t, N_("Segment"), g_strdup (choice_name (self, pacte_record_get_string (p, PACTE_PLAN_SEGMENT))));
  key_value (self, t, N_("Phase"), g_strdup (choice_name (self, pacte_record_get_string (p, PACTE_PLAN_PHASE))));
  start = date_text (self, pacte_record_get_date (p, PACTE_PLAN_PERIOD_START));
  end = date_text (self, pacte_record_get_date (p, PACTE_PLAN_PERIOD_END));
  key_value (self, t, N_("Period"), g_strdup_printf ("%s – %s", start, end));
  key_value (self, t, N_("Owner"), g_strdup (or_dash (pacte_record_get_string (p, PACTE_PLAN_OWNER))));
  if (*sponsor != '\0' && engaged != 0)
    {
      g_autofree char *date = date_text (self, engaged);

      sponsor_text = g_strdup_printf (TF (self, N_("%s, engaged on %s")), sponsor, date);
    }
  else
    sponsor_text = g_strdup (or_dash (sponsor));
  key_value (self, t, N_("Executive sponsor"), sponsor_text);
  key_value (self, t, N_("Revenue target"), amount (self, pacte_record_get_number (p, PACTE_PLAN_REVENUE_TARGET)));
  key_value (self, t, N_("Review date"), date_text (self, self->today));
  key_value (self, t, N_("Language of this report"), g_strdup (language_name (self->lang)));
}

static int
score_of_counts (guint green,
                 guint amber,
                 guint counted)
{
  if (counted == 0)
    return -1;
  /* 100 × (greens + ambers / 2) / counted, rounded half up, in integers. */
  return (int) ((200 * green + 100 * amber + counted) / (2 * counted));
}

static void
add_health (PacteReport            *self,
            const PacteRuleOutcome *outcomes,
            int                     score)
{
  guint n_rules = pacte_rule_set_get_n_rules (self->rules);
  guint counts[4] = { 0, 0, 0, 0 };
  static const double widths[] = { 0.16, 0.05, 0.28, 0.51 };
  static const PacteReportAlign aligns[] = {
    PACTE_REPORT_ALIGN_LEFT, PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_LEFT, PACTE_REPORT_ALIGN_LEFT
  };
  static const char * const headers[] = { N_("Status"), N_("No."), N_("Rule"), N_("Explanation") };
  g_autofree char *score_text = NULL;
  g_autofree char *count_text = NULL;
  PacteReportTable *t;

  for (guint i = 0; i < n_rules; i++)
    counts[outcomes[i].status]++;

  heading (self, N_("Health summary"));
  if (score >= 0)
    score_text = g_strdup_printf (TF (self, N_("Health score: %d / 100")), score);
  else
    score_text = g_strdup (T (self, N_("No health score: every rule is switched off")));
  lead_in (self, PACTE_REPORT_STYLE_SCORE, score_text);
  count_text = g_strdup_printf ("%s %u   ·   %s %u   ·   %s %u   ·   %s %u",
                                status_word (self, PACTE_STATUS_GREEN), counts[PACTE_STATUS_GREEN],
                                status_word (self, PACTE_STATUS_AMBER), counts[PACTE_STATUS_AMBER],
                                status_word (self, PACTE_STATUS_RED), counts[PACTE_STATUS_RED],
                                status_word (self, PACTE_STATUS_OFF), counts[PACTE_STATUS_OFF]);
  lead_in (self, PACTE_REPORT_STYLE_BODY, count_text);

  t = table (self, 4, widths, aligns, headers);
  for (guint i = 0; i < n_rules; i++)
    {
      PacteReportRow *row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);

      pacte_report_row_set (row, 0, status_word (self, outcomes[i].status), PACTE_REPORT_STYLE_BOLD);
      pacte_report_row_set_light (row, 0, outcomes[i].status);
      pacte_report_row_take (row, 1, g_strdup_printf ("%u", pacte_rule_set_get_number (self->rules, i)),
                             PACTE_REPORT_STYLE_BODY);
      pacte_report_row_set (row, 2, pacte_rule_set_get_title (self->rules, i, self->lang), PACTE_REPORT_STYLE_BOLD);
      pacte_report_row_set (row, 3, outcomes[i].explanation, PACTE_REPORT_STYLE_BODY);
    }
}

/* The last review recorded on or before the report's date: a report dated
 * earlier (--date, or a sample set in the future) cannot compare with a
 * review that had not happened yet. */
static PacteRecord *
latest_review (PactePlan *plan,
               guint32    today)
{
  GListModel *reviews = pacte_record_get_list (PACTE_RECORD (plan), PACTE_PLAN_REVIEWS);
  guint n = g_list_model_get_n_items (reviews);
  PacteRecord *latest = NULL;
  guint32 latest_date = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PacteRecord) review = g_list_model_get_item (reviews, i);
      guint32 date = pacte_record_get_date (review, PACTE_REVIEW_DATE);

      if (date > today)
        continue;
      /* The latest date wins; among equal dates the one recorded last. */
      if (latest == NULL || date >= latest_date)
        {
          latest = review;
          latest_date = date;
        }
    }
  return latest; /* the list holds a reference */
}

static int
status_rank (PacteStatus status)
{
  switch (status)
    {
    case PACTE_STATUS_GREEN:
      return 3;
    case PACTE_STATUS_AMBER:
      return 2;
    case PACTE_STATUS_RED:
      return 1;
    case PACTE_STATUS_OFF:
    default:
      return 0;
    }
}

static void
add_trend (PacteReport            *self,
           PactePlan              *plan,
           const PacteRuleOutcome *outcomes,
           int                     score)
{
  guint n_rules = pacte_rule_set_get_n_rules (self->rules);
  PacteRecord *review = latest_review (plan, self->today);
  static const double widths[] = { 0.05, 0.37, 0.19, 0.19, 0.20 };
  static const PacteReportAlign aligns[] = {
    PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_LEFT, PACTE_REPORT_ALIGN_LEFT,
    PACTE_REPORT_ALIGN_LEFT, PACTE_REPORT_ALIGN_LEFT
  };
  static const char * const headers[] = {
    N_("No."), N_("Rule"), N_("Last review"), N_("Now"), N_("Change")
  };
  g_autofree char *when = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *score_line = NULL;
  guint green = 0, amber = 0, counted = 0;
  int past_score;
  PacteReportTable *t;
  const char *reviewer;

  heading (self, N_("Trend since the last review"));
  if (review == NULL)
    {
      paragraph (self, PACTE_REPORT_STYLE_BODY,
                 T (self, N_("No review has been recorded for this plan yet: the trend will show from the next report after a review is recorded.")));
      return;
    }

  when = date_text (self, pacte_record_get_date (review, PACTE_REVIEW_DATE));
  reviewer = pacte_record_get_string (review, PACTE_REVIEW_REVIEWER);
  if (*reviewer != '\0')
    intro = g_strdup_printf (TF (self, N_("Last recorded review: %s, by %s.")), when, reviewer);
  else
    intro = g_strdup_printf (TF (self, N_("Last recorded review: %s.")), when);
  lead_in (self, PACTE_REPORT_STYLE_BODY, intro);

  for (guint i = 0; i < n_rules; i++)
    {
      const char *recorded = pacte_record_map_get_string (review, PACTE_REVIEW_STATUSES,
                                                          pacte_rule_set_get_id (self->rules, i));
      PacteStatus then;

      if (recorded == NULL || !pacte_status_from_string (recorded, &then) || then == PACTE_STATUS_OFF)
        continue;
      counted++;
      green += then == PACTE_STATUS_GREEN;
      amber += then == PACTE_STATUS_AMBER;
    }
  past_score = score_of_counts (green, amber, counted);
  if (past_score >= 0 && score >= 0)
    {
      int delta = score - past_score;
      /* A real minus sign; no sign for no change. */
      g_autofree char *change = delta > 0 ? g_strdup_printf ("+%d", delta)
                                : delta < 0 ? g_strdup_printf ("\u2212%d", -delta) : g_strdup ("0");

      score_line = g_strdup_printf (TF (self, N_("Health score then: %d · now: %d · change: %s")),
                                    past_score, score, change);
    }
  else if (score >= 0)
    score_line = g_strdup_printf (TF (self, N_("Health score then: none · now: %d")), score);
  else
    score_line = g_strdup (T (self, N_("Health score: none then or now (every rule switched off)")));
  lead_in (self, PACTE_REPORT_STYLE_BOLD, score_line);
  pacte_report_add_trend_chart (self, plan, score);

  t = table (self, 5, widths, aligns, headers);
  for (guint i = 0; i < n_rules; i++)
    {
      PacteReportRow *row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);
      const char *recorded = pacte_record_map_get_string (review, PACTE_REVIEW_STATUSES,
                                                          pacte_rule_set_get_id (self->rules, i));
      PacteStatus now = outcomes[i].status;
      PacteStatus then;
      const char *change;

      pacte_report_row_take (row, 0, g_strdup_printf ("%u", pacte_rule_set_get_number (self->rules, i)),
                             PACTE_REPORT_STYLE_BODY);
      pacte_report_row_set (row, 1, pacte_rule_set_get_title (self->rules, i, self->lang), PACTE_REPORT_STYLE_BODY);
      pacte_report_row_set (row, 3, status_word (self, now), PACTE_REPORT_STYLE_BODY);
      pacte_report_row_set_light (row, 3, now);
      if (recorded == NULL || !pacte_status_from_string (recorded, &then))
        {
          pacte_report_row_set (row, 2, T (self, N_("Not recorded")), PACTE_REPORT_STYLE_ITALIC);
          pacte_report_row_set (row, 4, "—", PACTE_REPORT_STYLE_BODY);
          continue;
        }
      pacte_report_row_set (row, 2, status_word (self, then), PACTE_REPORT_STYLE_BODY);
      pacte_report_row_set_light (row, 2, then);
      if (then == now)
        change = T (self, N_("Same"));
      else if (now == PACTE_STATUS_OFF)
        change = T (self, N_("Switched off"));
      else if (then == PACTE_STATUS_OFF)
        change = T (self, N_("Switched on"));
      else if (status_rank (now) > status_rank (then))
        change = T (self, N_("Better"));
      else
        change = T (self, N_("Worse"));
      pacte_report_row_set (row, 4, change, then == now ? PACTE_REPORT_STYLE_BODY : PACTE_REPORT_STYLE_BOLD);
    }
}

static char *
number_with_unit (PacteReport *self,
                  double       value,
                  const char  *unit)
{
  g_autofree char *number = NULL;

  if (isnan (value))
    return g_strdup ("—");
  if (unit != NULL && g_ascii_strcasecmp (unit, self->currency) == 0)
    return amount (self, value);
  number = pacte_format_number (self->lang, value, 2);
  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);
  if (g_str_equal (unit, "%"))
    return pacte_format_percent (self->lang, value);
  return g_strconcat (number, PACTE_NBSP, unit, NULL);
}

static void
add_objectives (PacteReport *self,
                PactePlan   *plan)
{
  GListModel *objectives = pacte_record_get_list (PACTE_RECORD (plan), PACTE_PLAN_OBJECTIVES);
  guint n = g_list_model_get_n_items (objectives);
  static const double widths[] = { 0.24, 0.13, 0.13, 0.10, 0.17, 0.23 };
  static const PacteReportAlign aligns[] = {
    PACTE_REPORT_ALIGN_LEFT, PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_RIGHT,
    PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_LEFT, PACTE_REPORT_ALIGN_LEFT
  };
  static const char * const headers[] = {
    N_("Objective"), N_("Target"), N_("Actual"), N_("Reached"), N_("Due"), N_("Benchmark")
  };
  PacteReportTable *t;

  heading (self, N_("Objectives"));
  if (n == 0)
    {
      paragraph (self, PACTE_REPORT_STYLE_ITALIC, T (self, N_("No objective yet.")));
      return;
    }
  t = table (self, 6, widths, aligns, headers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PacteRecord) o = g_list_model_get_item (objectives, i);
      PacteReportRow *row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);
      const char *title = pacte_record_get_string (o, PACTE_OBJECTIVE_TITLE);
      const char *metric = pacte_record_get_string (o, PACTE_OBJECTIVE_METRIC);
      const char *unit = pacte_record_get_string (o, PACTE_OBJECTIVE_UNIT);
      double target = pacte_record_get_number (o, PACTE_OBJECTIVE_TARGET);
      double actual = pacte_record_get_number (o, PACTE_OBJECTIVE_ACTUAL);
      const char *source = pacte_record_get_string (o, PACTE_OBJECTIVE_BENCHMARK_SOURCE);
      double bench = pacte_record_get_number (o, PACTE_OBJECTIVE_BENCHMARK_VALUE);
      char *benchmark;

      pacte_report_row_take (row, 0, *metric != '\0' ? g_strdup_printf ("%s (%s)", or_dash (title), metric)
                                                     : g_strdup (or_dash (title)),
                             PACTE_REPORT_STYLE_BODY);
      pacte_report_row_take (row, 1, number_with_unit (self, target, unit), PACTE_REPORT_STYLE_BODY);
      pacte_report_row_take (row, 2, number_with_unit (self, actual, unit), PACTE_REPORT_STYLE_BODY);
      pacte_report_row_take (row, 3, !isnan (target) && target > 0 && !isnan (actual)
                                     ? pacte_format_percent (self->lang, 100.0 * actual / target)
                                     : g_strdup ("—"),
                             PACTE_REPORT_STYLE_BOLD);
      pacte_report_row_take (row, 4, date_text (self, pacte_record_get_date (o, PACTE_OBJECTIVE_DUE)),
                             PACTE_REPORT_STYLE_BODY);
      if (!isnan (bench))
        {
          g_autofree char *value = number_with_unit (self, bench, unit);

          benchmark = *source != '\0' ? g_strdup_printf ("%s (%s)", value, source) : g_steal_pointer (&value);
        }
      else
        benchmark = g_strdup (or_dash (source));
      pacte_report_row_take (row, 5, benchmark, PACTE_REPORT_STYLE_BODY);
    }
}

typedef struct
{
  int    key;     /* year * 4 + quarter - 1; G_MAXINT when not a quarter */
  double amount;
  const char *text;
} QuarterAmount;

static int
compare_quarters (gconstpointer a,
                  gconstpointer b)
{
  const QuarterAmount *qa = a;
  const QuarterAmount *qb = b;

  if (qa->key != qb->key)
    return qa->key < qb->key ? -1 : 1;
  return g_strcmp0 (qa->text, qb->text);
}

static void
add_revenue (PacteReport *self,
             PactePlan   *plan)
{
  GListModel *forecast = pacte_record_get_list (PACTE_RECORD (plan), PACTE_PLAN_FORECAST);
  guint n = g_list_model_get_n_items (forecast);
  double target = pacte_record_get_number (PACTE_RECORD (plan), PACTE_PLAN_REVENUE_TARGET);
  static const double widths[] = { 0.34, 0.33, 0.33 };
  static const PacteReportAlign aligns[] = {
    PACTE_REPORT_ALIGN_LEFT, PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_RIGHT
  };
  static const char * const headers[] = { N_("Quarter"), N_("Forecast"), N_("Share of the target") };
  g_autofree char *target_text = NULL;
  g_autofree char *target_line = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (QuarterAmount));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_target = !isnan (target) && target > 0;
  double total = 0;
  PacteReportTable *t;
  PacteReportRow *row;

  heading (self, N_("Revenue: target and forecast"));
  target_text = amount (self, target);
  target_line = has_target ? g_strdup_printf (TF (self, N_("Revenue target: %s")), target_text)
                           : g_strdup (T (self, N_("No revenue target set.")));
  lead_in (self, PACTE_REPORT_STYLE_BOLD, target_line);
  if (n == 0)
    {
      paragraph (self, PACTE_REPORT_STYLE_ITALIC, T (self, N_("No forecast yet.")));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      PacteRecord *f = g_list_model_get_item (forecast, i);
      QuarterAmount qa;
      int year, quarter;

      g_ptr_array_add (keep, f);
      qa.text = pacte_record_get_string (f, PACTE_FORECAST_QUARTER);
      qa.amount = pacte_record_get_number (f, PACTE_FORECAST_AMOUNT);
      qa.key = pacte_quarter_parse (qa.text, &year, &quarter) ? year * 4 + quarter - 1 : G_MAXINT;
      g_array_append_val (rows, qa);
    }
  g_array_sort (rows, compare_quarters);

  t = table (self, 3, widths, aligns, headers);
  for (guint i = 0; i < rows->len; i++)
    {
      const QuarterAmount *qa = &g_array_index (rows, QuarterAmount, i);

      row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);
      pacte_report_row_take (row, 0, pacte_format_quarter (self->lang, qa->text), PACTE_REPORT_STYLE_BODY);
      pacte_report_row_take (row, 1, amount (self, qa->amount), PACTE_REPORT_STYLE_BODY);
      pacte_report_row_take (row, 2, has_target && !isnan (qa->amount)
                                     ? pacte_format_percent (self->lang, 100.0 * qa->amount / target)
                                     : g_strdup ("—"),
                             PACTE_REPORT_STYLE_BODY);
      if (!isnan (qa->amount))
        total += qa->amount;
    }
  row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_TOTAL);
  pacte_report_row_set (row, 0, T (self, N_("Total")), PACTE_REPORT_STYLE_BOLD);
  pacte_report_row_take (row, 1, amount (self, total), PACTE_REPORT_STYLE_BOLD);
  pacte_report_row_take (row, 2, has_target ? pacte_format_percent (self->lang, 100.0 * total / target)
                                            : g_strdup ("—"),
                         PACTE_REPORT_STYLE_BOLD);
}

static void
add_governance (PacteReport *self,
                PactePlan   *plan)
{
  GListModel *bodies = pacte_record_get_list (PACTE_RECORD (plan), PACTE_PLAN_GOVERNANCE);
  guint n = g_list_model_get_n_items (bodies);
  static const double widths[] = { 0.14, 0.25, 0.19, 0.14, 0.14, 0.14 };
  static const char * const headers[] = {
    N_("Level"), N_("Body"), N_("Owner"), N_("Meets"), N_("Last meeting"), N_("Next meeting due")
  };
  PacteReportTable *t;

  heading (self, N_("Governance"));
  if (n == 0)
    {
      paragraph (self, PACTE_REPORT_STYLE_ITALIC, T (self, N_("No governance body yet.")));
      return;
    }
  t = table (self, 6, widths, NULL, headers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PacteRecord) b = g_list_model_get_item (bodies, i);
      PacteReportRow *row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);
      double cadence = pacte_record_get_number (b, PACTE_BODY_CADENCE_DAYS);
      guint32 last = pacte_record_get_date (b, PACTE_BODY_LAST_MET);

      pacte_report_row_set (row, 0, choice_name (self, pacte_record_get_string (b, PACTE_BODY_LEVEL)),
                            PACTE_REPORT_STYLE_BODY);
      pacte_report_row_set (row, 1, or_dash (pacte_record_get_string (b, PACTE_BODY_BODY)), PACTE_REPORT_STYLE_BOLD);
      pacte_report_row_set (row, 2, or_dash (pacte_record_get_string (b, PACTE_BODY_OWNER)), PACTE_REPORT_STYLE_BODY);
      if (!isnan (cadence) && cadence > 0 && cadence < 100000)
        {
          char *every;

          PRINTF_PLURAL_BEGIN
          every = g_strdup_printf (pacte_ngettext_lang (self->lang, "every %d day", "every %d days",
                                                        (gulong) cadence),
                                   (int) cadence);
          PRINTF_PLURAL_END
          pacte_report_row_take (row, 3, pacte_report_hold_units (every), PACTE_REPORT_STYLE_BODY);
        }
      else
        pacte_report_row_set (row, 3, "—", PACTE_REPORT_STYLE_BODY);
      pacte_report_row_take (row, 4, last != 0 ? date_text (self, last) : g_strdup (T (self, N_("Never"))),
                             PACTE_REPORT_STYLE_BODY);
      if (last != 0 && !isnan (cadence) && cadence > 0 && cadence < 100000)
        {
          guint32 next = last + (guint32) cadence;
          g_autofree char *next_text = date_text (self, next);

          if (next < self->today)
            pacte_report_row_take (row, 5, g_strdup_printf (TF (self, N_("%s (overdue)")), next_text),
                                   PACTE_REPORT_STYLE_BOLD);
          else
            pacte_report_row_set (row, 5, next_text, PACTE_REPORT_STYLE_BODY);
        }
      else
        pacte_report_row_set (row, 5, "—", PACTE_REPORT_STYLE_BODY);
    }
}

/* ---- The whole section ---------------------------------------------------- */

void
pacte_report_add_plan (PacteReport *self,
                       PactePlan   *plan,
                       guint        index,
                       gboolean     with_portfolio)
{
  guint n_rules = pacte_rule_set_get_n_rules (self->rules);
  g_autofree PacteRuleOutcome *outcomes = g_new0 (PacteRuleOutcome, MAX (n_rules, 1));
  const char *name = pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME);
  int score;

  score = pacte_evaluate_plan (self->rules, self->portfolio, plan, self->today, self->lang, outcomes);
  begin_part (self, pacte_report_plan_anchor (index), *name != '\0' ? name : pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_ID),
              name);
  add_cover (self, plan, with_portfolio);
  add_health (self, outcomes, score);
  add_trend (self, plan, outcomes, score);
  add_objectives (self, plan);
  add_revenue (self, plan);
  add_governance (self, plan);
  pacte_report_add_decisions (self, plan);
  pacte_report_add_coming_up (self, plan);
  pacte_report_add_action_plan (self, plan);
  pacte_report_add_switched_off (self, plan, outcomes);
  pacte_report_add_recommendations (self, outcomes);
}
