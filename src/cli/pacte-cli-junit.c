/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-cli-junit.c: pacte --check FILE --junit OUT.xml, the results as a
 * JUnit XML report, which GitLab, Jenkins and GitHub show natively
 * (docs/ci.md).
 *
 * One <testsuite> per plan, one <testcase> per rule: a <failure> when the
 * rule is at least as bad as --fail-on (red when not given), its message
 * the explanation; <skipped> for a rule switched off; the status and
 * explanation of every rule in <system-out>.  Unresolved merge conflicts
 * are a suite of their own, each a failure. */
#include "config.h"

#include <string.h>

#include "pacte-cli.h"
#include "pacte-i18n.h"
#include "pacte-merge.h"

struct _PacteCliJunit {
  const char  *lang;
  PacteStatus  threshold;
  GString     *suites;
  guint        tests;
  guint        failures;
  guint        skipped;
};

PacteCliJunit *
pacte_cli_junit_new (const char  *lang,
                     PacteStatus  threshold)
{
  PacteCliJunit *self = g_new0 (PacteCliJunit, 1);

  self->lang = lang;
  self->threshold = threshold == PACTE_STATUS_OFF ? PACTE_STATUS_RED : threshold;
  self->suites = g_string_new (NULL);
  return self;
}

void
pacte_cli_junit_free (PacteCliJunit *self)
{
  if (self == NULL)
    return;
  g_string_free (self->suites, TRUE);
  g_free (self);
}

/* XML 1.0 allows no control characters but tab and newlines, not even as
 * references: they are written as visible escapes. */
static char *
xml_text (const char *text)
{
  g_autofree char *visible = NULL;
  GString *clean = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        g_string_append_printf (clean, "\\x%02x", (guchar) *p);
      else
        g_string_append_c (clean, *p);
    }
  visible = g_string_free (clean, FALSE);
  if (!g_utf8_validate (visible, -1, NULL))
    {
      char *valid = g_utf8_make_valid (visible, -1);

      g_free (visible);
      visible = valid;
    }
  return g_markup_escape_text (visible, -1);
}

static gboolean
at_least (PacteStatus status,
          PacteStatus threshold)
{
  if (status == PACTE_STATUS_OFF)
    return FALSE;
  if (threshold == PACTE_STATUS_RED)
    return status == PACTE_STATUS_RED;
  return status == PACTE_STATUS_AMBER || status == PACTE_STATUS_RED;
}

void
pacte_cli_junit_add_plan (PacteCliJunit          *self,
                          PacteRuleSet           *rules,
                          PactePlan              *plan,
                          int                     score,
                          const PacteRuleOutcome *outcomes)
{
  guint n_rules = pacte_rule_set_get_n_rules (rules);
  const char *id = pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_ID);
  g_autofree char *name = g_strdup_printf ("%s (%s)", pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME), id);
  g_autofree char *suite_name = xml_text (name);
  g_autofree char *class_name = xml_text (id);
  g_autoptr(GString) cases = g_string_new (NULL);
  guint failures = 0, skipped = 0;

  for (guint r = 0; r < n_rules; r++)
    {
      g_autofree char *case_name = g_strdup_printf ("%s %s", pacte_rule_set_get_id (rules, r),
                                                    pacte_rule_set_get_title (rules, r, self->lang));
      g_autofree char *case_text = xml_text (case_name);
      g_autofree char *explanation = xml_text (outcomes[r].explanation);
      const char *status = pacte_status_display_name (outcomes[r].status, self->lang);

      g_string_append_printf (cases, "    <testcase classname=\"pacte.%s\" name=\"%s\">\n", class_name, case_text);
      if (outcomes[r].status == PACTE_STATUS_OFF)
        {
          g_string_append_printf (cases, "      <skipped message=\"%s\"/>\n", explanation);
          skipped++;
        }
      else if (at_least (outcomes[r].status, self->threshold))
        {
          g_string_append_printf (cases, "      <failure type=\"%s\" message=\"%s\">%s: %s</failure>\n",
                                  pacte_status_to_string (outcomes[r].status), explanation, status, explanation);
          failures++;
        }
      g_string_append_printf (cases, "      <system-out>%s: %s</system-out>\n", status, explanation);
      g_string_append (cases, "    </testcase>\n");
    }

  g_string_append_printf (self->suites, "  <testsuite name=\"%s\" tests=\"%u\" failures=\"%u\" errors=\"0\" skipped=\"%u\">\n",
                          suite_name, n_rules, failures, skipped);
  if (score >= 0)
    g_string_append_printf (self->suites, "    <properties>\n      <property name=\"score\" value=\"%d\"/>\n    </properties>\n", score);
  g_string_append (self->suites, cases->str);
  g_string_append (self->suites, "  </testsuite>\n");
  self->tests += n_rules;
  self->failures += failures;
  self->skipped += skipped;
}

static void
add_conflicts (PacteCliJunit  *self,
               PactePortfolio *portfolio)
{
  g_autoptr(GPtrArray) conflicts = pacte_merge_get_conflicts (portfolio);
  g_autofree char *suite_name = NULL;

  if (conflicts->len == 0)
    return;
  suite_name = xml_text (pacte_gettext_lang (self->lang, N_("Merge conflicts")));
  g_string_append_printf (self->suites, "  <testsuite name=\"%s\" tests=\"%u\" failures=\"%u\" errors=\"0\" skipped=\"0\">\n",
                          suite_name, conflicts->len, conflicts->len);
  for (guint i = 0; i < conflicts->len; i++)
    {
      PacteMergeConflict *c = g_ptr_array_index (conflicts, i);
      g_autofree char *path = xml_text (c->path);
      g_autofree char *o = pacte_merge_value_text (c->ours, 60);
      g_autofree char *t = pacte_merge_value_text (c->theirs, 60);
      g_autofree char *o_text = xml_text (o);
      g_autofree char *t_text = xml_text (t);
      g_autofree char *message = g_strdup_printf (pacte_cli_format_lang (self->lang, N_("unresolved merge conflict: ours %s, theirs %s")),
                                                  o_text, t_text);

      g_string_append_printf (self->suites,
                              "    <testcase classname=\"pacte.merge\" name=\"%s\">\n"
                              "      <failure type=\"merge-conflict\" message=\"%s\">%s</failure>\n"
                              "    </testcase>\n",
                              path, message, message);
    }
  g_string_append (self->suites, "  </testsuite>\n");
  self->tests += conflicts->len;
  self->failures += conflicts->len;
}

gboolean
pacte_cli_junit_write (PacteCliJunit   *self,
                       PactePortfolio  *portfolio,
                       const char      *path,
                       GError         **error)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  add_conflicts (self, portfolio);
  g_string_append_printf (xml, "<testsuites name=\"pacte\" tests=\"%u\" failures=\"%u\" errors=\"0\" skipped=\"%u\">\n",
                          self->tests, self->failures, self->skipped);
  g_string_append (xml, self->suites->str);
  g_string_append (xml, "</testsuites>\n");
  /* g_file_set_contents() writes a temporary file and renames it. */
  return g_file_set_contents (path, xml->str, (gssize) xml->len, error);
}
