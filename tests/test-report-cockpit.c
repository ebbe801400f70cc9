/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report-cockpit.c: the portfolio cockpit in the review report, as a
 * reader finds it in the PDF (read back with pdftotext), in English and in
 * French.  Expected figures come from the core analysis (the same one the
 * window and --check use), not from the report.
 *  - The summary: the average score and each band's count; per rule, the
 *    red/amber/green/off counts; the portfolio's fix-first list (each rule
 *    with its gains); the agenda (each overdue and coming item, counted);
 *    the heat map's legend in words, every plan's row (score and one letter
 *    per rule) and the column totals.
 *  - A plan's section: its fix-first list in the engine's order with each
 *    gain, and its trend chart's labels (axis title, each review's month and
 *    score, "now"). */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "pacte-analysis.h"
#include "pacte-i18n.h"
#include "pacte-language.h"
#include "pacte-report.h"
#include "pacte-report-format.h"
#include "pacte-test-utils.h"

#define REVIEW_DATE "2027-03-15"
#define PLAN_ID     "plan-sgi-secteur-public"

/* ---- Helpers --------------------------------------------------------------- */

/* The report's text, without white space (pdftotext -raw: in drawing order, a table
 * row's cells one after the other). */
static char *
report_pdf_text (PactePortfolio *portfolio,
                 PactePlan      *plan,
                 const char     *lang)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = pacte_test_make_tmp_dir ("report-cockpit");
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(PacteReport) report = pacte_report_new (portfolio, NULL, plan, pacte_date_parse (REVIEW_DATE), lang);
  g_autofree char *out = NULL;

  g_assert_true (pacte_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);
  out = pacte_test_pdf_text (pdf);
  pacte_test_remove_tree (dir);
  return g_steal_pointer (&out);
}

static char *
report_text (PactePortfolio *portfolio,
             PactePlan      *plan,
             const char     *lang)
{
  g_autofree char *text = report_pdf_text (portfolio, plan, lang);

  return pacte_test_strip_spaces (text);
}

/* needle (without white space) in text from *from on; moves *from past it, so that a
 * series of calls checks an order. */
static void
assert_next (const char  *text,
             const char **from,
             const char  *needle)
{
  g_autofree char *n = pacte_test_strip_spaces (needle);
  const char *found = strstr (*from, n);

  if (found == NULL)
    {
      if (strstr (text, n) != NULL)
        g_error ("“%s” is in the report, but not after “%.60s”", n, *from);
      g_error ("the report does not contain “%s”", n);
    }
  *from = found + strlen (n);
}

static const char *
letter (const char  *lang,
        PacteStatus  status)
{
  /* Written out, not looked up: the French letters are the translation's. */
  static const char * const en[] = { "G", "A", "R", "–" };
  static const char * const fr[] = { "V", "O", "R", "–" };

  return g_str_equal (lang, "fr") ? fr[status] : en[status];
}

static char *
number (const char *lang,
        double      value,
        int         decimals)
{
  return pacte_format_number (lang, value, decimals);
}

/* ---- The summary ------------------------------------------------------------- */

static void
test_summary (gconstpointer data)
{
  const char *lang = data;
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (pacte_rule_set_get_default ());
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  guint32 today = pacte_date_parse (REVIEW_DATE);
  g_autoptr(PacteAnalysis) analysis = pacte_analysis_new_evaluate (rules, portfolio, today, lang);
  g_autoptr(GPtrArray) agenda = pacte_agenda_collect (portfolio, today, PACTE_REPORT_AGENDA_DAYS);
  g_autofree char *text = report_text (portfolio, NULL, lang);
  guint n_rules = pacte_rule_set_get_n_rules (rules);
  guint n_plans = pacte_analysis_get_n_plans (analysis);
  const PacteStatus total_order[] = { PACTE_STATUS_RED, PACTE_STATUS_AMBER, PACTE_STATUS_GREEN };
  const PactePortfolioFix *fixes;
  guint n_fixes = 0;
  guint n_overdue = pacte_agenda_count_overdue (agenda);
  const char *p = text;
  const char *end_of_summary;
  g_autofree char *average = number (lang, pacte_analysis_get_average (analysis), 1);
  g_autofree char *overdue = NULL;
  GString *bands = g_string_new (NULL);

  g_assert_cmpuint (n_plans, >, 3);
  g_assert_cmpuint (n_rules, ==, 16);

  /* The summary ends where the first plan's section starts. */
  {
    g_autofree char *cover = g_strdup_printf ("%s %s", pacte_gettext_lang (lang, "Portfolio"),
                                              pacte_record_get_string (PACTE_RECORD (portfolio),
                                                                       PACTE_PORTFOLIO_META_TITLE));

    g_autofree char *flat_cover = pacte_test_strip_spaces (cover);

    end_of_summary = strstr (text, flat_cover);
    g_assert_nonnull (end_of_summary);
  }

  /* Average and distribution. */
  assert_next (text, &p, pacte_gettext_lang (lang, "Health scores across the portfolio"));
  assert_next (text, &p, average);
  for (guint b = 0; b < PACTE_ANALYSIS_N_BUCKETS; b++)
    g_string_append_printf (bands, "%u ", pacte_analysis_get_bucket (analysis, b));
  assert_next (text, &p, bands->str);
  g_string_free (bands, TRUE);

  /* Red, amber, green, off per rule, with the rule's title. */
  assert_next (text, &p, pacte_gettext_lang (lang, "Rules across the portfolio"));
  for (guint r = 0; r < n_rules; r++)
    {
      g_autofree char *line = g_strdup_printf ("%s %s %u %u %u %u", pacte_rule_set_get_id (rules, r),
                                               pacte_rule_set_get_title (rules, r, lang),
                                               pacte_analysis_count (analysis, r, PACTE_STATUS_RED),
                                               pacte_analysis_count (analysis, r, PACTE_STATUS_AMBER),
                                               pacte_analysis_count (analysis, r, PACTE_STATUS_GREEN),
                                               pacte_analysis_count (analysis, r, PACTE_STATUS_OFF));

      assert_next (text, &p, line);
    }

  /* Fix first: every failing rule, in the analysis's order, with the plan
   * gaining most named first and the rise of the average. */
  assert_next (text, &p, pacte_gettext_lang (lang, "Fix first across the portfolio"));
  fixes = pacte_analysis_get_portfolio_fixes (analysis, &n_fixes);
  g_assert_cmpuint (n_fixes, >, 3);
  for (guint i = 0; i < n_fixes; i++)
    {
      PactePlan *best = pacte_analysis_get_plan (analysis, fixes[i].plans[0]);
      g_autofree char *rise = number (lang, fixes[i].average_gain, 1);
      g_autofree char *rise_text = g_strdup_printf ("+%s", rise);

      assert_next (text, &p, pacte_rule_set_get_title (rules, fixes[i].rule_index, lang));
      assert_next (text, &p, pacte_record_get_string (PACTE_RECORD (best), PACTE_PLAN_NAME));
      assert_next (text, &p, rise_text);
    }

  /* The agenda: how many overdue, then each item, overdue ones first. */
  assert_next (text, &p, pacte_gettext_lang (lang, "Agenda"));
  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpuint (agenda->len, >, n_overdue);
  {
    g_auto(GStrv) parts = g_strsplit (pacte_gettext_lang (lang, "Overdue (%s)"), "%s", 2);
    g_autofree char *count = g_strdup_printf ("%u", n_overdue);

    overdue = g_strjoinv (count, parts);
    assert_next (text, &p, overdue);
  }
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < agenda->len; i++)
      {
        const PacteAgendaItem *item = g_ptr_array_index (agenda, i);
        g_autofree char *date = pacte_format_date (lang, item->date);

        if (item->overdue != (pass == 0))
          continue;
        assert_next (text, &p, date);
        assert_next (text, &p, pacte_agenda_kind_display_name (item->kind, lang));
        assert_next (text, &p, item->title);
      }

  /* The heat map: its legend in words, then every plan's row (score, one
   * letter per rule), then the totals. */
  assert_next (text, &p, pacte_gettext_lang (lang, "Plans at a glance"));
  for (PacteStatus s = PACTE_STATUS_GREEN; s <= PACTE_STATUS_OFF; s++)
    {
      g_autofree char *legend = g_strdup_printf ("%s = %s", letter (lang, s), pacte_status_display_name (s, lang));

      assert_next (text, &p, legend);
    }
  for (guint r = 0; r < n_rules; r++)
    assert_next (text, &p, pacte_rule_set_get_id (rules, r));
  for (guint i = 0; i < n_plans; i++)
    {
      PactePlan *plan = pacte_analysis_get_plan (analysis, i);
      const PacteStatus *statuses = pacte_analysis_get_statuses (analysis, i);
      GString *row = g_string_new (NULL);

      g_string_append_printf (row, "%d", pacte_analysis_get_score (analysis, i));
      for (guint r = 0; r < n_rules; r++)
        g_string_append_printf (row, " %s", letter (lang, statuses[r]));
      assert_next (text, &p, pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME));
      assert_next (text, &p, row->str);
      g_string_free (row, TRUE);
    }
  for (guint s = 0; s < G_N_ELEMENTS (total_order); s++)
    {
      GString *row = g_string_new (pacte_status_display_name (total_order[s], lang));

      for (guint r = 0; r < n_rules; r++)
        g_string_append_printf (row, " %u", pacte_analysis_count (analysis, r, total_order[s]));
      assert_next (text, &p, row->str);
      g_string_free (row, TRUE);
    }
  /* All of it in the summary, before the first plan's section. */
  g_assert_true (p <= end_of_summary);
}

/* ---- A plan's section ---------------------------------------------------------- */

/* ---- A long agenda ------------------------------------------------------------- */

/* The sample, with its first plan changed by edit (its JSON object). */
static PactePortfolio *
edited_sample (void   (*edit) (JsonObject *plan, guint count),
               guint    count)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = pacte_test_make_tmp_dir ("report-cockpit");
  g_autofree char *path = g_build_filename (dir, "edited.pacte.json", NULL);
  JsonObject *root;
  PactePortfolio *portfolio;

  json_parser_load_from_file (parser, sample, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  edit (json_array_get_object_element (json_object_get_array_member (root, "plans"), 0), count);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
  portfolio = pacte_test_load_path (path, pacte_rule_set_get_default ());
  pacte_test_remove_tree (dir);
  return portfolio;
}

/* count more overdue actions, titled by their id, due one a day from
 * 1 September 2026. */
static void
add_overdue (JsonObject *plan,
             guint       count)
{
  JsonArray *actions = json_object_get_array_member (plan, "actions");
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_SEPTEMBER, 2026);
  for (guint i = 0; i < count; i++)
    {
      JsonObject *action = json_object_new ();
      g_autofree char *id = g_strdup_printf ("act-overdue-%03u", i);
      char due[16];

      g_date_strftime (due, sizeof due, "%Y-%m-%d", &date);
      json_object_set_string_member (action, "id", id);
      json_object_set_string_member (action, "title", id);
      json_object_set_string_member (action, "due", due);
      json_object_set_string_member (action, "status", "planned");
      json_array_add_object_element (actions, action);
      g_date_add_days (&date, 1);
    }
}

/* A name with a word of count letters (no space to break at). */
static void
long_name (JsonObject *plan,
           guint       count)
{
  GString *name = g_string_new ("Alliance ");

  for (guint i = 0; i < count; i++)
    g_string_append_c (name, 'a' + i % 26);
  json_object_set_string_member (plan, "name", name->str);
  g_string_free (name, TRUE);
}

static void
test_long_agenda (void)
{
  const char *lang = "en";
  guint32 today = pacte_date_parse (REVIEW_DATE);
  g_autoptr(PactePortfolio) portfolio = edited_sample (add_overdue, PACTE_REPORT_AGENDA_OVERDUE_MAX + 30);
  g_autoptr(GPtrArray) agenda = pacte_agenda_collect (portfolio, today, PACTE_REPORT_AGENDA_DAYS);
  g_autofree char *text = report_text (portfolio, NULL, lang);
  guint n_overdue = pacte_agenda_count_overdue (agenda);
  guint n_older = n_overdue - PACTE_REPORT_AGENDA_OVERDUE_MAX;
  g_autofree char *older = g_strdup_printf ("The %u most recent are listed here; %u older items are in their plans' sections",
                                            PACTE_REPORT_AGENDA_OVERDUE_MAX, n_older);
  g_autofree char *flat_heat_map = pacte_test_strip_spaces ("Plans at a glance");
  const char *heat_map = strstr (text, flat_heat_map);
  const char *p = text;
  guint overdue = 0;

  g_assert_cmpuint (n_overdue, >, PACTE_REPORT_AGENDA_OVERDUE_MAX + 30);
  g_assert_nonnull (heat_map);
  assert_next (text, &p, "Agenda");
  assert_next (text, &p, older);
  /* The oldest are left out, the most recent listed, in date order. */
  for (guint i = 0; i < agenda->len; i++)
    {
      const PacteAgendaItem *item = g_ptr_array_index (agenda, i);
      g_autofree char *date = pacte_format_date (lang, item->date);
      g_autofree char *line = g_strdup_printf ("%s %s %s", date, pacte_agenda_kind_display_name (item->kind, lang),
                                               item->title);
      g_autofree char *flat = pacte_test_strip_spaces (line);

      if (!item->overdue)
        continue;
      if (overdue++ < n_older)
        {
          const char *found = strstr (text, flat);

          if (found != NULL && found < heat_map)
            g_error ("the summary lists “%s”, older than the %u most recent", line, PACTE_REPORT_AGENDA_OVERDUE_MAX);
        }
      else
        assert_next (text, &p, line);
    }
  g_assert_true (p < heat_map);
}

/* A plan name with a word wider than its column: the name breaks (with a
 * hyphen), the heat map's header and scores do not. */
static void
test_heat_map_header (gconstpointer data)
{
  const char *lang = data;
  g_autoptr(PactePortfolio) portfolio = edited_sample (long_name, 60);
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  g_autofree char *raw = report_pdf_text (portfolio, NULL, lang);
  GString *header = g_string_new (pacte_gettext_lang (lang, "Plan"));
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", raw, 0, 0);
  g_autofree char *text = g_strjoinv (" ", words);

  /* With its spaces: a header broken over two lines would read "Sco re". */
  g_string_append_printf (header, " %s", pacte_gettext_lang (lang, "Score"));
  for (guint r = 0; r < pacte_rule_set_get_n_rules (rules); r++)
    g_string_append_printf (header, " %s", pacte_rule_set_get_id (rules, r));
  if (strstr (text, header->str) == NULL)
    g_error ("the heat map's header “%s” is broken in the report", header->str);
  g_string_free (header, TRUE);
}

/* The plan of the sample with the most trend points (most = TRUE) or the
 * most failing rules. */
static PactePlan *
pick_plan (PactePortfolio *portfolio,
           gboolean        most_points)
{
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  guint32 today = pacte_date_parse (REVIEW_DATE);
  GListModel *plans = pacte_portfolio_get_plans (portfolio);
  guint n_rules = pacte_rule_set_get_n_rules (rules);
  g_autofree PacteRuleOutcome *outcomes = g_new0 (PacteRuleOutcome, n_rules);
  g_autofree PacteFix *fixes = g_new0 (PacteFix, n_rules);
  PactePlan *plan = NULL;
  guint best = 0;

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(PactePlan) candidate = g_list_model_get_item (plans, i);
      int score = pacte_evaluate_plan (rules, portfolio, candidate, today, "en", outcomes);
      g_autoptr(GArray) points = pacte_plan_trend (rules, candidate, today, score);
      guint n = most_points ? points->len : pacte_fix_first_outcomes (outcomes, n_rules, fixes);

      if (n > best)
        {
          g_set_object (&plan, candidate);
          best = n;
        }
    }
  g_assert_nonnull (plan);
  return plan;
}

static void
test_trend_chart (gconstpointer data)
{
  const char *lang = data;
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (pacte_rule_set_get_default ());
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  guint32 today = pacte_date_parse (REVIEW_DATE);
  g_autoptr(PactePlan) plan = pick_plan (portfolio, TRUE);
  guint n_rules = pacte_rule_set_get_n_rules (rules);
  g_autofree PacteRuleOutcome *outcomes = g_new0 (PacteRuleOutcome, n_rules);
  int score = pacte_evaluate_plan (rules, portfolio, plan, today, lang, outcomes);
  g_autoptr(GArray) trend = pacte_plan_trend (rules, plan, today, score);
  g_autofree char *text = report_text (portfolio, plan, lang);
  const PacteLanguage *language = pacte_language_get (lang);
  const char *p = text;
  guint reviews = 0;

  /* The chart: its axis, each review's score and month, then now. */
  assert_next (text, &p, pacte_gettext_lang (lang, "Trend since the last review"));
  assert_next (text, &p, pacte_gettext_lang (lang, "Health score"));
  for (guint i = 0; i < trend->len; i++)
    {
      const PacteTrendPoint *point = &g_array_index (trend, PacteTrendPoint, i);
      g_autofree char *score_text = g_strdup_printf ("%d", point->score);
      g_autofree char *month = NULL;
      GDate date;

      if (point->date > today)
        continue;
      g_date_clear (&date, 1);
      g_date_set_julian (&date, point->date);
      month = g_strdup_printf ("%s %d", pacte_language_month_abbrev (language, g_date_get_month (&date)),
                               g_date_get_year (&date));
      assert_next (text, &p, score_text);
      if (point->current)
        assert_next (text, &p, pacte_gettext_lang (lang, "now"));
      else
        reviews++;
      assert_next (text, &p, month);
    }
  g_assert_cmpuint (reviews, >=, 2);
}

static void
test_plan_fixes (gconstpointer data)
{
  const char *lang = data;
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_sample (pacte_rule_set_get_default ());
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  guint32 today = pacte_date_parse (REVIEW_DATE);
  g_autoptr(PactePlan) plan = pick_plan (portfolio, FALSE);
  guint n_rules = pacte_rule_set_get_n_rules (rules);
  g_autofree PacteRuleOutcome *outcomes = g_new0 (PacteRuleOutcome, n_rules);
  g_autofree PacteFix *fixes = g_new0 (PacteFix, n_rules);
  g_autofree char *text = NULL;
  const char *p;
  guint n_fixes;

  pacte_evaluate_plan (rules, portfolio, plan, today, lang, outcomes);
  n_fixes = pacte_fix_first_outcomes (outcomes, n_rules, fixes);
  g_assert_cmpuint (n_fixes, >=, 5);
  text = report_text (portfolio, plan, lang);

  /* The failing rules by gain, each with its status, gain and advice. */
  p = text;
  assert_next (text, &p, pacte_gettext_lang (lang, "Fix first"));
  for (guint k = 0; k < n_fixes; k++)
    {
      g_autofree char *rule = g_strdup_printf ("%u. %s", pacte_rule_set_get_number (rules, fixes[k].rule_index),
                                               pacte_rule_set_get_title (rules, fixes[k].rule_index, lang));
      g_autofree char *gain = g_strdup_printf ("+%d", fixes[k].gain);

      g_assert_cmpint (fixes[k].gain, >, 0);
      assert_next (text, &p, pacte_status_display_name (fixes[k].status, lang));
      assert_next (text, &p, rule);
      assert_next (text, &p, gain);
      assert_next (text, &p, pacte_rule_set_get_advice (rules, fixes[k].rule_index, lang));
    }
}

int
main (int    argc,
      char **argv)
{
  pacte_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/report-cockpit/summary/english", "en", test_summary);
  g_test_add_data_func ("/report-cockpit/summary/french", "fr", test_summary);
  g_test_add_func ("/report-cockpit/long-agenda", test_long_agenda);
  g_test_add_data_func ("/report-cockpit/heat-map-header/english", "en", test_heat_map_header);
  g_test_add_data_func ("/report-cockpit/heat-map-header/french", "fr", test_heat_map_header);
  g_test_add_data_func ("/report-cockpit/trend-chart/english", "en", test_trend_chart);
  g_test_add_data_func ("/report-cockpit/trend-chart/french", "fr", test_trend_chart);
  g_test_add_data_func ("/report-cockpit/plan-fix-first/english", "en", test_plan_fixes);
  g_test_add_data_func ("/report-cockpit/plan-fix-first/french", "fr", test_plan_fixes);

  return g_test_run ();
}
