/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report.c: what the review report says, in the report's language.
 * The blocks are handed to the layout engine (pacte-report-layout.c), which
 * places them on pages; pacte-report-pdf.c writes the PDF. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-i18n.h"
#include "pacte-report.h"
#include "pacte-report-format.h"
#include "pacte-report-layout.h"
#include "pacte-report-private.h"

struct _PacteReport
{
  GObject            parent_instance;

  PactePortfolio    *portfolio;
  PacteRuleSet      *rules;
  PactePlan         *plan;        /* NULL: the whole portfolio */
  guint32            today;
  const char        *lang;        /* "en" or "fr" */
  const char        *currency;
  char              *header_right;
  char              *footer_left;
  PacteReportLayout *layout;
  GHashTable        *translations; /* msgid (static) -> text in lang */
  char              *part;         /* anchor name of the part being built: "summary", "plan-N" */
  guint              n_sections;   /* sections in that part so far */
};

G_DEFINE_FINAL_TYPE (PacteReport, pacte_report, G_TYPE_OBJECT)

/* ---- Text in the report's language --------------------------------------- */

static const char *
T (PacteReport *self,
   const char  *msgid)
{
  const char *text;

  /* pacte_gettext_lang() switches the message locale per call: cache it, a
   * portfolio report asks for the same few hundred strings thousands of times. */
  text = g_hash_table_lookup (self->translations, msgid);
  if (text == NULL)
    {
      text = pacte_gettext_lang (self->lang, msgid);
      g_hash_table_insert (self->translations, (gpointer) msgid, (gpointer) text);
    }
  return text;
}

/* The same, for a printf format (lets the compiler check the arguments against the msgid). */
static const char *TF (PacteReport *self, const char *msgid) G_GNUC_FORMAT (2);
static const char *
TF (PacteReport *self,
    const char  *msgid)
{
  return T (self, msgid);
}

/* A plural printf format in the report's language.  pacte_ngettext_lang()
 * carries no format attribute, so the caller's printf is checked by hand:
 * every msgid given here takes exactly the arguments its call site passes. */
#define PRINTF_PLURAL_BEGIN \
  _Pragma ("GCC diagnostic push") \
  _Pragma ("GCC diagnostic ignored \"-Wformat-nonliteral\"")
#define PRINTF_PLURAL_END \
  _Pragma ("GCC diagnostic pop")

static const char *
choice_name (PacteReport *self,
             const char  *value)
{
  if (value == NULL || *value == '\0')
    return "—";
  return pacte_choice_display_name_lang (self->lang, value);
}

static const char *
status_word (PacteReport *self,
             PacteStatus  status)
{
  return pacte_status_display_name (status, self->lang);
}

static char *
amount (PacteReport *self,
        double       value)
{
  return pacte_format_amount (self->lang, value, self->currency);
}

/* A date is never broken across lines ("30 septembre" / "2027"): its
 * spaces become no-break spaces. */
static char *
date_text (PacteReport *self,
           guint32      julian)
{
  g_autofree char *date = pacte_format_date (self->lang, julian);
  g_auto(GStrv) words = g_strsplit (date, " ", -1);

  return g_strjoinv (PACTE_NBSP, words);
}

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

static char *
partner_names (PacteReport        *self,
               const char * const *ids)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      PactePartner *partner = pacte_portfolio_find_partner (self->portfolio, ids[i]);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, partner != NULL
                            ? pacte_record_get_string (PACTE_RECORD (partner), PACTE_PARTNER_NAME)
                            : ids[i]);
    }
  if (out->len == 0)
    g_string_append (out, "—");
  return g_string_free (out, FALSE);
}

/* ---- Blocks --------------------------------------------------------------- */

static PacteReportTable *
table (PacteReport            *self,
       guint                   n_columns,
       const double           *widths,
       const PacteReportAlign *aligns,
       const char * const     *header_msgids)
{
  PacteReportTable *t = pacte_report_layout_table (self->layout, n_columns, widths, aligns, TRUE);
  const char *texts[16];

  g_assert (n_columns <= G_N_ELEMENTS (texts));
  for (guint i = 0; i < n_columns; i++)
    texts[i] = T (self, header_msgids[i]);
  pacte_report_table_set_header (t, texts);
  return t;
}

/* A part of the report (the summary, a plan): a page break, and an entry of
 * the PDF's outline that links and the part's sections point to. */
static void
begin_part (PacteReport *self,
            char        *name,
            const char  *outline_title,
            const char  *running_title)
{
  g_free (self->part);
  self->part = name;
  self->n_sections = 0;
  pacte_report_layout_new_page (self->layout, running_title);
  pacte_report_layout_anchor (self->layout, name, outline_title, 1);
}

/* A section's heading, with its entry in the outline under its part. */
static void
section_heading (PacteReport *self,
                 const char  *text)
{
  g_autofree char *name = g_strdup_printf ("%s-%u", self->part, ++self->n_sections);

  pacte_report_layout_anchor (self->layout, name, text, 2);
  pacte_report_layout_heading (self->layout, PACTE_REPORT_STYLE_H1, text);
}

static void
heading (PacteReport *self,
         const char  *msgid)
{
  section_heading (self, T (self, msgid));
}

static void
paragraph (PacteReport      *self,
           PacteReportStyle  style,
           const char       *text)
{
  pacte_report_layout_paragraph (self->layout, style, text);
}

/* A paragraph that introduces what follows: never alone at a page bottom. */
static void
lead_in (PacteReport      *self,
         PacteReportStyle  style,
         const char       *text)
{
  pacte_report_layout_paragraph (self->layout, style, text);
  pacte_report_layout_keep_with_next (self->layout);
}

/* The label/value lines of a cover block. */
static void
key_value (PacteReport      *self,
           PacteReportTable *t,
           const char       *label_msgid,
           char             *value)
{
  PacteReportRow *row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_KEY);

  pacte_report_row_set (row, 0, T (self, label_msgid), PACTE_REPORT_STYLE_BOLD);
  pacte_report_row_take (row, 1, value != NULL ? value : g_strdup ("—"), PACTE_REPORT_STYLE_BODY);
}

static const char *
language_name (const char *lang)
{
  /* Each language by its own name: the reader reads that language. */
  return g_str_equal (lang, "fr") ? "Français" : "English";
}

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
          pacte_report_row_take (row, 3, every, PACTE_REPORT_STYLE_BODY);
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

static void
add_decisions (PacteReport *self,
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

static void
add_coming_up (PacteReport *self,
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
              pacte_report_row_take (row, 3, details, PACTE_REPORT_STYLE_BODY);
            }
          else
            pacte_report_row_set (row, 3, kind, PACTE_REPORT_STYLE_BODY);
        }
    }
}

static void
add_action_plan (PacteReport *self,
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

static void
add_switched_off (PacteReport            *self,
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

static void
add_recommendations (PacteReport            *self,
                     const PacteRuleOutcome *outcomes)
{
  guint n_rules = pacte_rule_set_get_n_rules (self->rules);
  static const double widths[] = { 0.12, 0.30, 0.58 };
  static const char * const headers[] = { N_("Status"), N_("Rule"), N_("What to do") };
  static const PacteStatus order[] = { PACTE_STATUS_RED, PACTE_STATUS_AMBER };
  PacteReportTable *t = NULL;

  heading (self, N_("Recommendations"));
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    for (guint i = 0; i < n_rules; i++)
      {
        PacteReportRow *row;

        if (outcomes[i].status != order[k])
          continue;
        if (t == NULL)
          t = table (self, 3, widths, NULL, headers);
        row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);
        pacte_report_row_set (row, 0, status_word (self, order[k]), PACTE_REPORT_STYLE_BOLD);
        pacte_report_row_set_light (row, 0, order[k]);
        pacte_report_row_take (row, 1, g_strdup_printf ("%u. %s", pacte_rule_set_get_number (self->rules, i),
                                                        pacte_rule_set_get_title (self->rules, i, self->lang)),
                               PACTE_REPORT_STYLE_BOLD);
        pacte_report_row_set (row, 2, pacte_rule_set_get_advice (self->rules, i, self->lang),
                              PACTE_REPORT_STYLE_BODY);
      }
  if (t == NULL)
    paragraph (self, PACTE_REPORT_STYLE_ITALIC,
               T (self, N_("No rule is red or amber: keep the plan on its course.")));
}

static char *
plan_anchor (guint index)
{
  return g_strdup_printf ("plan-%u", index + 1);
}

static void
add_plan_section (PacteReport *self,
                  PactePlan   *plan,
                  guint        index,
                  gboolean     with_portfolio)
{
  guint n_rules = pacte_rule_set_get_n_rules (self->rules);
  g_autofree PacteRuleOutcome *outcomes = g_new0 (PacteRuleOutcome, MAX (n_rules, 1));
  const char *name = pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME);
  int score;

  score = pacte_evaluate_plan (self->rules, self->portfolio, plan, self->today, self->lang, outcomes);
  begin_part (self, plan_anchor (index), *name != '\0' ? name : pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_ID),
              name);
  add_cover (self, plan, with_portfolio);
  add_health (self, outcomes, score);
  add_trend (self, plan, outcomes, score);
  add_objectives (self, plan);
  add_revenue (self, plan);
  add_governance (self, plan);
  add_decisions (self, plan);
  add_coming_up (self, plan);
  add_action_plan (self, plan);
  add_switched_off (self, plan, outcomes);
  add_recommendations (self, outcomes);
}

/* ---- The portfolio summary ---------------------------------------------------- */

static void
add_portfolio_summary (PacteReport *self)
{
  PacteRecord *root = PACTE_RECORD (self->portfolio);
  GListModel *plans = pacte_portfolio_get_plans (self->portfolio);
  guint n_plans = g_list_model_get_n_items (plans);
  guint n_rules = pacte_rule_set_get_n_rules (self->rules);
  g_autofree PacteRuleOutcome *outcomes = g_new0 (PacteRuleOutcome, MAX (n_rules, 1));
  const char *title = pacte_record_get_string (root, PACTE_PORTFOLIO_META_TITLE);
  static const double kv_widths[] = { 0.27, 0.73 };
  static const double widths[] = { 0.36, 0.16, 0.12, 0.09, 0.09, 0.09, 0.09 };
  static const PacteReportAlign aligns[] = {
    PACTE_REPORT_ALIGN_LEFT, PACTE_REPORT_ALIGN_LEFT, PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_RIGHT,
    PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_RIGHT
  };
  const char *headers[7];
  guint totals[4] = { 0, 0, 0, 0 };
  PacteReportTable *t;
  PacteReportRow *row;

  begin_part (self, g_strdup ("summary"), T (self, N_("Portfolio summary")), T (self, N_("Portfolio summary")));
  lead_in (self, PACTE_REPORT_STYLE_TITLE, T (self, N_("Portfolio review")));
  if (*title != '\0')
    lead_in (self, PACTE_REPORT_STYLE_SUBTITLE, title);
  pacte_report_layout_space (self->layout, 4);
  t = pacte_report_layout_table (self->layout, 2, kv_widths, NULL, FALSE);
  key_value (self, t, N_("Owner"), g_strdup (or_dash (pacte_record_get_string (root, PACTE_PORTFOLIO_META_OWNER))));
  key_value (self, t, N_("Plans"), g_strdup_printf ("%u", n_plans));
  key_value (self, t, N_("Review date"), date_text (self, self->today));
  key_value (self, t, N_("Language of this report"), g_strdup (language_name (self->lang)));

  heading (self, N_("Plans at a glance"));
  if (n_plans == 0)
    {
      paragraph (self, PACTE_REPORT_STYLE_ITALIC, T (self, N_("This portfolio has no plan yet.")));
      return;
    }
  headers[0] = T (self, N_("Plan"));
  headers[1] = T (self, N_("Phase"));
  headers[2] = T (self, N_("Score"));
  for (guint s = 0; s < 4; s++)
    headers[3 + s] = status_word (self, s);
  t = pacte_report_layout_table (self->layout, 7, widths, aligns, TRUE);
  pacte_report_table_set_header (t, headers);
  for (guint i = 0; i < n_plans; i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);
      guint counts[4] = { 0, 0, 0, 0 };
      int score = pacte_evaluate_plan (self->rules, self->portfolio, plan, self->today, self->lang, outcomes);
      g_autofree char *anchor = plan_anchor (i);

      for (guint r = 0; r < n_rules; r++)
        counts[outcomes[r].status]++;
      row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);
      pacte_report_row_set (row, 0, pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME),
                            PACTE_REPORT_STYLE_BOLD);
      /* The plan's name leads to its part of the report. */
      pacte_report_row_set_link (row, 0, anchor);
      pacte_report_row_set (row, 1, choice_name (self, pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_PHASE)),
                            PACTE_REPORT_STYLE_BODY);
      pacte_report_row_take (row, 2, score >= 0 ? g_strdup_printf ("%d", score) : g_strdup ("—"),
                             PACTE_REPORT_STYLE_BOLD);
      for (guint s = 0; s < 4; s++)
        {
          pacte_report_row_take (row, 3 + s, g_strdup_printf ("%u", counts[s]), PACTE_REPORT_STYLE_BODY);
          totals[s] += counts[s];
        }
    }
  row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_TOTAL);
  pacte_report_row_set (row, 0, T (self, N_("Total")), PACTE_REPORT_STYLE_BOLD);
  for (guint s = 0; s < 4; s++)
    pacte_report_row_take (row, 3 + s, g_strdup_printf ("%u", totals[s]), PACTE_REPORT_STYLE_BOLD);
}

static void
build (PacteReport *self)
{
  if (self->plan != NULL)
    add_plan_section (self, self->plan, 0, TRUE);
  else
    {
      GListModel *plans = pacte_portfolio_get_plans (self->portfolio);
      guint n = g_list_model_get_n_items (plans);

      add_portfolio_summary (self);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);

          add_plan_section (self, plan, i, FALSE);
        }
    }
}

/* ---- Object -------------------------------------------------------------------- */

static void
pacte_report_finalize (GObject *object)
{
  PacteReport *self = PACTE_REPORT (object);

  g_clear_object (&self->portfolio);
  g_clear_object (&self->rules);
  g_clear_object (&self->plan);
  g_free (self->header_right);
  g_free (self->footer_left);
  g_free (self->part);
  pacte_report_layout_free (self->layout);
  g_hash_table_unref (self->translations);

  G_OBJECT_CLASS (pacte_report_parent_class)->finalize (object);
}

static void
pacte_report_class_init (PacteReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pacte_report_finalize;
}

static void
pacte_report_init (PacteReport *self)
{
  self->layout = pacte_report_layout_new ();
  self->translations = g_hash_table_new (NULL, NULL);
}

PacteReport *
pacte_report_new (PactePortfolio *portfolio,
                  PacteRuleSet   *rules,
                  PactePlan      *plan,
                  guint32         today,
                  const char     *lang)
{
  PacteReport *self;
  const char *title;
  g_autofree char *date = NULL;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (rules == NULL || PACTE_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (plan == NULL || PACTE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (today > 0, NULL);

  self = g_object_new (PACTE_TYPE_REPORT, NULL);
  self->portfolio = g_object_ref (portfolio);
  self->rules = g_object_ref (rules != NULL ? rules : pacte_rule_set_get_default ());
  self->plan = plan != NULL ? g_object_ref (plan) : NULL;
  self->today = today;
  self->lang = pacte_i18n_normalize_lang (lang);
  if (self->lang == NULL)
    self->lang = pacte_i18n_normalize_lang (pacte_record_get_string (PACTE_RECORD (portfolio),
                                                                     PACTE_PORTFOLIO_META_LANGUAGE));
  if (self->lang == NULL)
    self->lang = pacte_i18n_user_language ();
  self->currency = pacte_portfolio_get_currency (portfolio);

  title = pacte_record_get_string (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_META_TITLE);
  self->header_right = g_strdup (*title != '\0' ? title : T (self, N_("Partnership review")));
  date = date_text (self, today);
  self->footer_left = g_strdup_printf (TF (self, N_("Review of %s")), date);

  build (self);
  return self;
}

const char *
pacte_report_get_language (PacteReport *self)
{
  g_return_val_if_fail (PACTE_IS_REPORT (self), NULL);
  return self->lang;
}

void
pacte_report_set_page_size (PacteReport *self,
                            double       width,
                            double       height)
{
  g_return_if_fail (PACTE_IS_REPORT (self));
  g_return_if_fail (width >= 200 && height >= 300);

  pacte_report_layout_set_page_size (self->layout, width, height);
}

guint
pacte_report_paginate (PacteReport *self,
                       cairo_t     *measure_cr)
{
  g_return_val_if_fail (PACTE_IS_REPORT (self), 0);
  return pacte_report_layout_paginate (self->layout);
}

guint
pacte_report_get_n_pages (PacteReport *self)
{
  g_return_val_if_fail (PACTE_IS_REPORT (self), 0);
  return pacte_report_layout_paginate (self->layout);
}

void
pacte_report_draw_page (PacteReport *self,
                        cairo_t     *cr,
                        guint        page)
{
  guint n_pages;
  g_autofree char *page_text = NULL;

  g_return_if_fail (PACTE_IS_REPORT (self));
  g_return_if_fail (cr != NULL);

  n_pages = pacte_report_layout_paginate (self->layout);
  g_return_if_fail (page < n_pages);
  page_text = g_strdup_printf (TF (self, N_("Page %u of %u")), page + 1, n_pages);
  pacte_report_layout_draw_page (self->layout, cr, page, self->header_right, self->footer_left, page_text);
}

/* ---- For the PDF writer (pacte-report-pdf.c) ------------------------------------- */

PacteReportLayout *
pacte_report_get_layout (PacteReport *self)
{
  return self->layout;
}

const char *
pacte_report_get_title (PacteReport *self)
{
  return self->header_right;
}

gboolean
pacte_report_is_one_plan (PacteReport *self)
{
  return self->plan != NULL;
}
