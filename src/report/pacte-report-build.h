/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-build.h: what the parts of the report share while they are
 * built (pacte-report.c, the summary, a plan's sections): the report's
 * content, text in the report's language and the blocks handed to the
 * layout engine (pacte-report-blocks.c).  Private to src/report. */
#pragma once

#include "pacte-i18n.h"
#include "pacte-report.h"
#include "pacte-report-format.h"
#include "pacte-report-layout.h"

G_BEGIN_DECLS

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

/* A plural printf format in the report's language.  pacte_ngettext_lang()
 * carries no format attribute, so the caller's printf is checked by hand:
 * every msgid given here takes exactly the arguments its call site passes. */
#define PRINTF_PLURAL_BEGIN \
  _Pragma ("GCC diagnostic push") \
  _Pragma ("GCC diagnostic ignored \"-Wformat-nonliteral\"")
#define PRINTF_PLURAL_END \
  _Pragma ("GCC diagnostic pop")

/* Short names inside src/report, prefixed symbols outside. */
#define T(self, msgid)                        pacte_report_text (self, msgid)
#define TF(self, msgid)                       pacte_report_text_format (self, msgid)
#define choice_name(self, value)              pacte_report_choice_name (self, value)
#define status_word(self, status)             pacte_report_status_word (self, status)
#define amount(self, value)                   pacte_report_amount (self, value)
#define date_text(self, julian)               pacte_report_date_text (self, julian)
#define or_dash(text)                         pacte_report_or_dash (text)
#define partner_names(self, ids)              pacte_report_partner_names (self, ids)
#define table(self, n, widths, aligns, hdrs)  pacte_report_block_table (self, n, widths, aligns, hdrs)
#define begin_part(self, name, outline, running) pacte_report_begin_part (self, name, outline, running)
#define section_heading(self, text)           pacte_report_section_heading (self, text)
#define heading(self, msgid)                  pacte_report_heading (self, msgid)
#define paragraph(self, style, text)          pacte_report_paragraph (self, style, text)
#define lead_in(self, style, text)            pacte_report_lead_in (self, style, text)
#define key_value(self, t, label, value)      pacte_report_key_value (self, t, label, value)
#define language_name(lang)                   pacte_report_language_name (lang)

/* ---- Text in the report's language (pacte-report-blocks.c) ---- */
/* msgid in the report's language (msgid must be static: it is cached). */
const char       *pacte_report_text           (PacteReport        *self,
                                               const char         *msgid);
/* The same, for a printf format (lets the compiler check the arguments against the msgid). */
const char       *pacte_report_text_format    (PacteReport        *self,
                                               const char         *msgid) G_GNUC_FORMAT (2);
const char       *pacte_report_choice_name    (PacteReport        *self,
                                               const char         *value);
const char       *pacte_report_status_word    (PacteReport        *self,
                                               PacteStatus         status);
char             *pacte_report_amount         (PacteReport        *self,
                                               double              value);
/* A date never broken across lines: its spaces are no-break spaces. */
char             *pacte_report_date_text      (PacteReport        *self,
                                               guint32             julian);
const char       *pacte_report_or_dash        (const char         *text);
char             *pacte_report_partner_names  (PacteReport        *self,
                                               const char * const *ids);
const char       *pacte_report_language_name  (const char         *lang);
/* text (taken) with each number held to the word after it by a no-break
 * space ("587 participants", "tous les 30 jours"). */
char             *pacte_report_hold_units     (char               *text);
/* "+4.6 points" / "+4,6 points" with decimals at most, never broken. */
char             *pacte_report_gain_text      (PacteReport        *self,
                                               double              gain,
                                               int                 decimals);

/* ---- Blocks ---- */
/* A table with a header row of msgids (translated). */
PacteReportTable *pacte_report_block_table    (PacteReport            *self,
                                               guint                   n_columns,
                                               const double           *widths,
                                               const PacteReportAlign *aligns,
                                               const char * const     *header_msgids);
/* A part of the report (the summary, a plan): a page break, and an entry of
 * the PDF's outline that links and the part's sections point to (takes name). */
void              pacte_report_begin_part     (PacteReport        *self,
                                               char               *name,
                                               const char         *outline_title,
                                               const char         *running_title);
/* A section's heading, with its entry in the outline under its part. */
void              pacte_report_section_heading (PacteReport       *self,
                                               const char         *text);
void              pacte_report_heading        (PacteReport        *self,
                                               const char         *msgid);
void              pacte_report_paragraph      (PacteReport        *self,
                                               PacteReportStyle    style,
                                               const char         *text);
/* A paragraph that introduces what follows: never alone at a page bottom. */
void              pacte_report_lead_in        (PacteReport        *self,
                                               PacteReportStyle    style,
                                               const char         *text);
/* The label/value lines of a cover block (takes value). */
void              pacte_report_key_value      (PacteReport        *self,
                                               PacteReportTable   *t,
                                               const char         *label_msgid,
                                               char               *value);
/* The destination name of the part of plan index (0-based). */
char             *pacte_report_plan_anchor    (guint               index);

/* ---- The parts ---- */
/* pacte-report-summary.c */
void              pacte_report_add_summary    (PacteReport        *self);
/* pacte-report-plan.c */
void              pacte_report_add_plan       (PacteReport        *self,
                                               PactePlan          *plan,
                                               guint               index,
                                               gboolean            with_portfolio);
/* pacte-report-chart.c: plan's score over its reviews, then score now */
void              pacte_report_add_trend_chart (PacteReport       *self,
                                               PactePlan          *plan,
                                               int                 score);
/* pacte-report-plan-dates.c: what a plan's section says of its dates and lights */
void              pacte_report_add_decisions  (PacteReport        *self,
                                               PactePlan          *plan);
void              pacte_report_add_coming_up  (PacteReport        *self,
                                               PactePlan          *plan);
void              pacte_report_add_action_plan (PacteReport       *self,
                                               PactePlan          *plan);
void              pacte_report_add_switched_off (PacteReport      *self,
                                               PactePlan          *plan,
                                               const PacteRuleOutcome *outcomes);
void              pacte_report_add_recommendations (PacteReport   *self,
                                               const PacteRuleOutcome *outcomes);

G_END_DECLS
