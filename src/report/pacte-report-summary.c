/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-summary.c: the portfolio report's summary. */
#include "config.h"

#include "pacte-report-build.h"

void
pacte_report_add_summary (PacteReport *self)
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
      g_autofree char *anchor = pacte_report_plan_anchor (i);

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
