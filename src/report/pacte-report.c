/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report.c: the report object: what it reads of the portfolio when
 * made, its pages and its drawing.  What it says is built by its parts:
 * the portfolio summary (pacte-report-summary.c) and each plan's section
 * (pacte-report-plan.c, pacte-report-plan-dates.c), out of the blocks of
 * pacte-report-blocks.c; the layout engine (pacte-report-layout.c) places
 * them on pages; pacte-report-pdf.c writes the PDF. */
#include "config.h"

#include "pacte-report-build.h"
#include "pacte-report-private.h"

G_DEFINE_FINAL_TYPE (PacteReport, pacte_report, G_TYPE_OBJECT)

static void
build (PacteReport *self)
{
  if (self->plan != NULL)
    pacte_report_add_plan (self, self->plan, 0, TRUE);
  else
    {
      GListModel *plans = pacte_portfolio_get_plans (self->portfolio);
      guint n = g_list_model_get_n_items (plans);

      pacte_report_add_summary (self);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);

          pacte_report_add_plan (self, plan, i, FALSE);
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
