/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-summary.c: the portfolio report's summary, the cockpit on
 * paper: the portfolio's average score and its distribution, the rules it
 * is weak on (red/amber/green per rule), what to fix first across it, its
 * agenda (overdue and next 30 days), and the heat map of plans × rules.
 *
 * Everything reads in black and white: a status is a shape (circle,
 * triangle, square, dash) and a letter, explained by a legend in words. */
#include "config.h"

#include <math.h>

#include "pacte-analysis.h"
#include "pacte-language.h"
#include "pacte-report-build.h"

/* Plans named in a portfolio fix before "and N more". */
#define FIX_PLANS_NAMED 5

static const char *
plan_name (PactePlan *plan)
{
  const char *name = pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME);

  return *name != '\0' ? name : pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_ID);
}

/* A count in the report's language ("1 234" / "1,234"), never broken. */
static char *
count_text (PacteReport *self,
            guint        n)
{
  return pacte_format_number (self->lang, n, 0);
}

/* The one letter a heat map cell shows beside its shape. */
static const char *
status_letter (PacteReport *self,
               PacteStatus  status)
{
  const PacteLanguage *language = pacte_language_get (self->lang);

  switch (status)
    {
    case PACTE_STATUS_GREEN:
      /* Translators: the letter of "green" in the report's heat map (one letter). */
      return pacte_language_pgettext (language, "heat map", NC_("heat map", "G"));
    case PACTE_STATUS_AMBER:
      /* Translators: the letter of "amber" in the report's heat map (one letter). */
      return pacte_language_pgettext (language, "heat map", NC_("heat map", "A"));
    case PACTE_STATUS_RED:
      /* Translators: the letter of "red" in the report's heat map (one letter). */
      return pacte_language_pgettext (language, "heat map", NC_("heat map", "R"));
    case PACTE_STATUS_OFF:
    default:
      return "–";
    }
}

static void
add_average (PacteReport   *self,
             PacteAnalysis *analysis)
{
  static const double widths[] = { 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1 };
  static const PacteReportAlign aligns[] = {
    PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_RIGHT,
    PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_RIGHT,
    PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_RIGHT
  };
  double average = pacte_analysis_get_average (analysis);
  guint n_scored = pacte_analysis_get_n_scored (analysis);
  char *headers[PACTE_ANALYSIS_N_BUCKETS];
  g_autofree char *line = NULL;
  PacteReportTable *t;
  PacteReportRow *row;

  heading (self, N_("Health scores across the portfolio"));
  if (n_scored == 0 || isnan (average))
    {
      paragraph (self, PACTE_REPORT_STYLE_ITALIC,
                 T (self, N_("No plan has a health score: every rule is switched off.")));
      return;
    }
  {
    g_autofree char *average_text = pacte_format_number (self->lang, average, 1);
    g_autofree char *scored = count_text (self, n_scored);

    PRINTF_PLURAL_BEGIN
    line = g_strdup_printf (pacte_ngettext_lang (self->lang, "Average health score: %s / 100 (%s plan with a score)",
                                                 "Average health score: %s / 100 (%s plans with a score)", n_scored),
                            average_text, scored);
    PRINTF_PLURAL_END
  }
  lead_in (self, PACTE_REPORT_STYLE_SCORE, line);
  lead_in (self, PACTE_REPORT_STYLE_BODY, T (self, N_("How many plans have a score in each band:")));

  /* Bands as "0–9" … "90–100", counts under them. */
  for (guint b = 0; b < PACTE_ANALYSIS_N_BUCKETS; b++)
    headers[b] = g_strdup_printf ("%u–%u", b * 10, b + 1 == PACTE_ANALYSIS_N_BUCKETS ? 100 : b * 10 + 9);
  t = pacte_report_layout_table (self->layout, PACTE_ANALYSIS_N_BUCKETS, widths, aligns, TRUE);
  pacte_report_table_set_header (t, (const char * const *) headers);
  row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);
  for (guint b = 0; b < PACTE_ANALYSIS_N_BUCKETS; b++)
    {
      pacte_report_row_take (row, b, count_text (self, pacte_analysis_get_bucket (analysis, b)),
                             PACTE_REPORT_STYLE_BODY);
      g_free (headers[b]);
    }
}

/* The column totals: how many plans are red, amber, green (and off) on
 * each rule: the program's systemic weaknesses. */
static void
add_rule_totals (PacteReport   *self,
                 PacteAnalysis *analysis)
{
  guint n_rules = pacte_rule_set_get_n_rules (self->rules);
  static const double widths[] = { 0.07, 0.45, 0.12, 0.12, 0.12, 0.12 };
  static const PacteReportAlign aligns[] = {
    PACTE_REPORT_ALIGN_LEFT, PACTE_REPORT_ALIGN_LEFT, PACTE_REPORT_ALIGN_RIGHT,
    PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_RIGHT
  };
  static const PacteStatus order[] = { PACTE_STATUS_RED, PACTE_STATUS_AMBER, PACTE_STATUS_GREEN, PACTE_STATUS_OFF };
  const char *headers[6];
  PacteReportTable *t;

  heading (self, N_("Rules across the portfolio"));
  lead_in (self, PACTE_REPORT_STYLE_BODY,
           T (self, N_("How many plans are red, amber, green or switched off on each rule: a rule red in many plans is a weakness of the whole program.")));
  headers[0] = T (self, N_("Rule"));
  headers[1] = "";
  for (guint s = 0; s < G_N_ELEMENTS (order); s++)
    headers[2 + s] = status_word (self, order[s]);
  t = pacte_report_layout_table (self->layout, 6, widths, aligns, TRUE);
  pacte_report_table_set_header (t, headers);
  for (guint r = 0; r < n_rules; r++)
    {
      PacteReportRow *row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);

      pacte_report_row_set (row, 0, pacte_rule_set_get_id (self->rules, r), PACTE_REPORT_STYLE_BOLD);
      pacte_report_row_set (row, 1, pacte_rule_set_get_title (self->rules, r, self->lang), PACTE_REPORT_STYLE_BODY);
      for (guint s = 0; s < G_N_ELEMENTS (order); s++)
        {
          guint n = pacte_analysis_count (analysis, r, order[s]);

          pacte_report_row_take (row, 2 + s, count_text (self, n),
                                 order[s] == PACTE_STATUS_RED && n > 0 ? PACTE_REPORT_STYLE_BOLD
                                                                       : PACTE_REPORT_STYLE_BODY);
          if (n > 0)
            pacte_report_row_set_light (row, 2 + s, order[s]);
        }
    }
}

/* "Alpha, Beta, Gamma and 34 more": the plans with the largest gains. */
static char *
fix_plans (PacteReport             *self,
           PacteAnalysis           *analysis,
           const PactePortfolioFix *fix)
{
  GString *out = g_string_new (NULL);
  g_autofree char *n_text = count_text (self, fix->n_plans);
  g_autofree char *red = count_text (self, fix->n_red);
  g_autofree char *amber = count_text (self, fix->n_amber);
  guint named = MIN (fix->n_plans, FIX_PLANS_NAMED);

  /* "37 (red 12, amber 25)", then the plans, one a line. */
  g_string_append_printf (out, TF (self, N_("%s (red %s, amber %s)")), n_text, red, amber);
  for (guint i = 0; i < named; i++)
    {
      g_string_append (out, "\n");
      g_string_append (out, plan_name (pacte_analysis_get_plan (analysis, fix->plans[i])));
    }
  if (fix->n_plans > named)
    {
      g_autofree char *more = count_text (self, fix->n_plans - named);

      g_string_append (out, "\n");
      g_string_append_printf (out, TF (self, N_("and %s more")), more);
    }
  return g_string_free (out, FALSE);
}

static void
add_portfolio_fixes (PacteReport   *self,
                     PacteAnalysis *analysis)
{
  static const double widths[] = { 0.28, 0.42, 0.15, 0.15 };
  static const PacteReportAlign aligns[] = {
    PACTE_REPORT_ALIGN_LEFT, PACTE_REPORT_ALIGN_LEFT, PACTE_REPORT_ALIGN_RIGHT, PACTE_REPORT_ALIGN_RIGHT
  };
  static const char * const headers[] = {
    N_("Rule"), N_("Plans where it fails"), N_("Gain per plan"), N_("Portfolio average")
  };
  guint n_fixes = 0;
  const PactePortfolioFix *fixes = pacte_analysis_get_portfolio_fixes (analysis, &n_fixes);
  PacteReportTable *t;

  heading (self, N_("Fix first across the portfolio"));
  if (n_fixes == 0)
    {
      paragraph (self, PACTE_REPORT_STYLE_ITALIC, T (self, N_("No rule is red or amber in any plan.")));
      return;
    }
  lead_in (self, PACTE_REPORT_STYLE_BODY,
           T (self, N_("The rules whose fixing raises the portfolio’s average score the most: the plans where each fails (largest gain first), what a plan gains on average, and how much the portfolio’s average rises when every one of them is fixed.")));
  t = table (self, 4, widths, aligns, headers);
  for (guint i = 0; i < n_fixes; i++)
    {
      const PactePortfolioFix *fix = &fixes[i];
      PacteReportRow *row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);

      pacte_report_row_take (row, 0, g_strdup_printf ("%s %s", pacte_rule_set_get_id (self->rules, fix->rule_index),
                                                       pacte_rule_set_get_title (self->rules, fix->rule_index,
                                                                                 self->lang)),
                             PACTE_REPORT_STYLE_BOLD);
      pacte_report_row_set_light (row, 0, fix->n_red > 0 ? PACTE_STATUS_RED : PACTE_STATUS_AMBER);
      pacte_report_row_take (row, 1, fix_plans (self, analysis, fix), PACTE_REPORT_STYLE_BODY);
      pacte_report_row_take (row, 2, pacte_report_gain_text (self, fix->n_plans > 0 ? (double) fix->total_gain / fix->n_plans : 0, 1),
                             PACTE_REPORT_STYLE_BODY);
      pacte_report_row_take (row, 3, pacte_report_gain_text (self, fix->average_gain, 1), PACTE_REPORT_STYLE_BOLD);
    }
}

/* The agenda's overdue or coming items; the first skip overdue ones (the
 * oldest: items are sorted by date) are left out. */
static void
agenda_table (PacteReport *self,
              GPtrArray   *items,
              gboolean     overdue,
              guint        skip)
{
  static const double widths[] = { 0.16, 0.16, 0.30, 0.24, 0.14 };
  static const char * const headers[] = { N_("Date"), N_("Kind"), N_("What"), N_("Plan"), N_("Owner") };
  PacteReportTable *t = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const PacteAgendaItem *item = g_ptr_array_index (items, i);
      PacteReportRow *row;

      if (item->overdue != overdue)
        continue;
      if (overdue && skip > 0)
        {
          skip--;
          continue;
        }
      if (t == NULL)
        t = table (self, 5, widths, NULL, headers);
      row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);
      pacte_report_row_take (row, 0, date_text (self, item->date),
                             overdue ? PACTE_REPORT_STYLE_BOLD : PACTE_REPORT_STYLE_BODY);
      pacte_report_row_set (row, 1, pacte_agenda_kind_display_name (item->kind, self->lang), PACTE_REPORT_STYLE_BODY);
      pacte_report_row_set (row, 2, or_dash (item->title), PACTE_REPORT_STYLE_BODY);
      pacte_report_row_set (row, 3, plan_name (item->plan), PACTE_REPORT_STYLE_BODY);
      pacte_report_row_set (row, 4, or_dash (item->owner), PACTE_REPORT_STYLE_BODY);
    }
  if (t == NULL)
    paragraph (self, PACTE_REPORT_STYLE_ITALIC,
               overdue ? T (self, N_("Nothing is overdue.")) : T (self, N_("Nothing is due in this period.")));
}

static void
add_agenda (PacteReport *self)
{
  g_autoptr(GPtrArray) items = pacte_agenda_collect (self->portfolio, self->today, PACTE_REPORT_AGENDA_DAYS);
  guint n_overdue = pacte_agenda_count_overdue (items);
  /* A portfolio of thousands of plans can have thousands of overdue items:
   * the summary lists the most recent, each plan's section the rest. */
  guint n_older = n_overdue > PACTE_REPORT_AGENDA_OVERDUE_MAX ? n_overdue - PACTE_REPORT_AGENDA_OVERDUE_MAX : 0;
  g_autofree char *older = NULL;
  g_autofree char *date = date_text (self, self->today);
  g_autofree char *intro = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *coming = NULL;
  g_autofree char *n_overdue_text = count_text (self, n_overdue);
  g_autofree char *n_coming_text = count_text (self, items->len - n_overdue);

  heading (self, N_("Agenda"));
  PRINTF_PLURAL_BEGIN
  intro = g_strdup_printf (pacte_ngettext_lang (self->lang,
                                                "What is due across the portfolio on %s and in the next %d day: actions, decisions waiting for an answer, governance meetings, reviews and events.",
                                                "What is due across the portfolio on %s and in the next %d days: actions, decisions waiting for an answer, governance meetings, reviews and events.",
                                                PACTE_REPORT_AGENDA_DAYS),
                           date, PACTE_REPORT_AGENDA_DAYS);
  coming = g_strdup_printf (pacte_ngettext_lang (self->lang, "Next %d day (%s)", "Next %d days (%s)",
                                                 PACTE_REPORT_AGENDA_DAYS),
                            PACTE_REPORT_AGENDA_DAYS, n_coming_text);
  if (n_older > 0)
    {
      g_autofree char *listed = count_text (self, PACTE_REPORT_AGENDA_OVERDUE_MAX);
      g_autofree char *n_older_text = count_text (self, n_older);

      older = g_strdup_printf (pacte_ngettext_lang (self->lang,
                                                    "The %s most recent are listed here; %s older item is in its plan's section (action plan, decisions, governance).",
                                                    "The %s most recent are listed here; %s older items are in their plans' sections (action plan, decisions, governance).",
                                                    n_older),
                               listed, n_older_text);
    }
  PRINTF_PLURAL_END
  overdue = g_strdup_printf (TF (self, N_("Overdue (%s)")), n_overdue_text);
  lead_in (self, PACTE_REPORT_STYLE_BODY, intro);
  lead_in (self, PACTE_REPORT_STYLE_H2, overdue);
  if (older != NULL)
    lead_in (self, PACTE_REPORT_STYLE_ITALIC, older);
  agenda_table (self, items, TRUE, n_older);
  lead_in (self, PACTE_REPORT_STYLE_H2, coming);
  agenda_table (self, items, FALSE, 0);
}

/* The heat map: one row per plan (its name links to its section), its
 * score, one cell per rule (shape and letter); the column totals close it.
 * The table engine repeats the rule header on every page it runs to. */
static void
add_heat_map (PacteReport   *self,
              PacteAnalysis *analysis)
{
  guint n_rules = pacte_rule_set_get_n_rules (self->rules);
  guint n_plans = pacte_analysis_get_n_plans (analysis);
  guint n_columns = n_rules + 2;
  g_autofree double *widths = g_new (double, n_columns);
  g_autofree PacteReportAlign *aligns = g_new (PacteReportAlign, n_columns);
  g_autofree const char **headers = g_new0 (const char *, n_columns);
  static const PacteStatus legend_order[] = {
    PACTE_STATUS_GREEN, PACTE_STATUS_AMBER, PACTE_STATUS_RED, PACTE_STATUS_OFF
  };
  static const PacteStatus total_order[] = { PACTE_STATUS_RED, PACTE_STATUS_AMBER, PACTE_STATUS_GREEN };
  static const double legend_widths[] = { 0.25, 0.25, 0.25, 0.25 };
  PacteReportTable *t;
  PacteReportRow *row;

  heading (self, N_("Plans at a glance"));
  lead_in (self, PACTE_REPORT_STYLE_BODY,
           T (self, N_("Each plan’s light on each rule, as a shape and a letter; a plan’s name leads to its section. The totals under the map count the plans of each colour per rule.")));
  /* The legend, in words. */
  t = pacte_report_layout_table (self->layout, 4, legend_widths, NULL, FALSE);
  pacte_report_layout_keep_with_next (self->layout);
  row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);
  for (guint s = 0; s < G_N_ELEMENTS (legend_order); s++)
    {
      pacte_report_row_take (row, s, g_strdup_printf ("%s%s=%s%s", status_letter (self, legend_order[s]),
                                                      PACTE_NBSP, PACTE_NBSP, status_word (self, legend_order[s])),
                             PACTE_REPORT_STYLE_SMALL);
      pacte_report_row_set_light (row, s, legend_order[s]);
    }

  widths[0] = 0.22;
  widths[1] = 0.06;
  aligns[0] = PACTE_REPORT_ALIGN_LEFT;
  aligns[1] = PACTE_REPORT_ALIGN_RIGHT;
  headers[0] = T (self, N_("Plan"));
  headers[1] = T (self, N_("Score"));
  for (guint r = 0; r < n_rules; r++)
    {
      widths[2 + r] = 0.72 / MAX (n_rules, 1);
      aligns[2 + r] = PACTE_REPORT_ALIGN_LEFT;
      headers[2 + r] = pacte_rule_set_get_id (self->rules, r);
    }
  t = pacte_report_layout_table (self->layout, n_columns, widths, aligns, TRUE);
  pacte_report_table_set_compact (t);
  pacte_report_table_set_header (t, headers);
  for (guint i = 0; i < n_plans; i++)
    {
      const PacteStatus *statuses = pacte_analysis_get_statuses (analysis, i);
      int score = pacte_analysis_get_score (analysis, i);
      g_autofree char *anchor = pacte_report_plan_anchor (i);

      row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_PLAIN);
      pacte_report_row_set (row, 0, plan_name (pacte_analysis_get_plan (analysis, i)), PACTE_REPORT_STYLE_SMALL);
      /* The plan's name leads to its part of the report. */
      pacte_report_row_set_link (row, 0, anchor);
      pacte_report_row_take (row, 1, score >= 0 ? g_strdup_printf ("%d", score) : g_strdup ("—"),
                             PACTE_REPORT_STYLE_BOLD);
      for (guint r = 0; r < n_rules; r++)
        {
          pacte_report_row_set (row, 2 + r, status_letter (self, statuses[r]), PACTE_REPORT_STYLE_SMALL);
          pacte_report_row_set_light (row, 2 + r, statuses[r]);
        }
    }
  for (guint s = 0; s < G_N_ELEMENTS (total_order); s++)
    {
      row = pacte_report_table_add_row (t, s == 0 ? PACTE_REPORT_ROW_TOTAL : PACTE_REPORT_ROW_PLAIN);
      pacte_report_row_set (row, 0, status_word (self, total_order[s]), PACTE_REPORT_STYLE_BOLD);
      pacte_report_row_set_light (row, 0, total_order[s]);
      for (guint r = 0; r < n_rules; r++)
        pacte_report_row_take (row, 2 + r, count_text (self, pacte_analysis_count (analysis, r, total_order[s])),
                               PACTE_REPORT_STYLE_SMALL);
    }
}

void
pacte_report_add_summary (PacteReport *self)
{
  PacteRecord *root = PACTE_RECORD (self->portfolio);
  GListModel *plans = pacte_portfolio_get_plans (self->portfolio);
  guint n_plans = g_list_model_get_n_items (plans);
  const char *title = pacte_record_get_string (root, PACTE_PORTFOLIO_META_TITLE);
  static const double kv_widths[] = { 0.27, 0.73 };
  g_autoptr(PacteAnalysis) analysis = NULL;
  PacteReportTable *t;

  begin_part (self, g_strdup ("summary"), T (self, N_("Portfolio summary")), T (self, N_("Portfolio summary")));
  lead_in (self, PACTE_REPORT_STYLE_TITLE, T (self, N_("Portfolio review")));
  if (*title != '\0')
    lead_in (self, PACTE_REPORT_STYLE_SUBTITLE, title);
  pacte_report_layout_space (self->layout, 4);
  t = pacte_report_layout_table (self->layout, 2, kv_widths, NULL, FALSE);
  key_value (self, t, N_("Owner"), g_strdup (or_dash (pacte_record_get_string (root, PACTE_PORTFOLIO_META_OWNER))));
  key_value (self, t, N_("Plans"), count_text (self, n_plans));
  key_value (self, t, N_("Review date"), date_text (self, self->today));
  key_value (self, t, N_("Language of this report"), g_strdup (language_name (self->lang)));

  if (n_plans == 0)
    {
      heading (self, N_("Plans at a glance"));
      paragraph (self, PACTE_REPORT_STYLE_ITALIC, T (self, N_("This portfolio has no plan yet.")));
      return;
    }
  analysis = pacte_analysis_new_evaluate (self->rules, self->portfolio, self->today, self->lang);
  add_average (self, analysis);
  add_rule_totals (self, analysis);
  add_portfolio_fixes (self, analysis);
  add_agenda (self);
  add_heat_map (self, analysis);
}
