/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-print-operation.c: GtkPrintOperation for the review report. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "pacte-i18n.h"
#include "pacte-atomic-file.h"
#include "pacte-file-read.h"
#include "pacte-export-dialog.h"
#include "pacte-print-operation.h"
#include "pacte-report.h"
#include "pacte-report-preview.h"

struct _PactePrintOperation
{
  GtkPrintOperation  parent_instance;

  PactePortfolio    *portfolio;
  PacteRuleSet      *rules;
  PactePlan         *plan;
  guint32            today;
  const char        *lang;            /* "en" or "fr" */
  gboolean           whole_portfolio;

  PacteReport       *report;          /* between begin-print and end-print */

  /* The Report tab's widgets, while the dialog shows them. */
  GtkWidget         *language_dropdown;
  GtkWidget         *portfolio_check;
  GtkWidget         *preview_window;  /* weak */
};

G_DEFINE_FINAL_TYPE (PactePrintOperation, pacte_print_operation, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_LANGUAGE,
  PROP_WHOLE_PORTFOLIO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* ---- Pages ------------------------------------------------------------------ */

static void
pacte_print_operation_begin_print (GtkPrintOperation *operation,
                                   GtkPrintContext   *context)
{
  PactePrintOperation *self = PACTE_PRINT_OPERATION (operation);
  guint n_pages;

  g_clear_object (&self->report);
  self->report = pacte_report_new (self->portfolio, self->rules,
                                   self->whole_portfolio ? NULL : self->plan,
                                   self->today, self->lang);
  /* The unit is points and the origin the page's corner (use-full-page):
   * the report draws its own margins, the same as in the PDF. */
  pacte_report_set_page_size (self->report,
                              gtk_print_context_get_width (context),
                              gtk_print_context_get_height (context));
  n_pages = pacte_report_paginate (self->report, gtk_print_context_get_cairo_context (context));
  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
pacte_print_operation_draw_page (GtkPrintOperation *operation,
                                 GtkPrintContext   *context,
                                 int                page_nr)
{
  PactePrintOperation *self = PACTE_PRINT_OPERATION (operation);

  g_return_if_fail (self->report != NULL);
  pacte_report_draw_page (self->report, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
pacte_print_operation_end_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  PactePrintOperation *self = PACTE_PRINT_OPERATION (operation);

  g_clear_object (&self->report);
}

/* Print's Preview: the pages in a window of Pacte's own, drawn as they will
 * print (GTK's preview runs an external previewer, which may not be
 * installed: then nothing showed). */
static void
end_gtk_preview (GtkPrintOperationPreview *preview,
                 GtkPrintContext          *context,
                 gpointer                  data)
{
  gtk_print_operation_preview_end_preview (preview);
}

static gboolean
pacte_print_operation_preview (GtkPrintOperation        *operation,
                               GtkPrintOperationPreview *preview,
                               GtkPrintContext          *context,
                               GtkWindow                *parent)
{
  PactePrintOperation *self = PACTE_PRINT_OPERATION (operation);
  g_autoptr(PacteReport) report = NULL;
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  double width = setup != NULL ? gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS) : 0;
  double height = setup != NULL ? gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS) : 0;
  GtkWidget *window;

  /* The paper chosen in the dialog, else A4. */
  if (width < 200 || height < 300)
    {
      width = PACTE_REPORT_A4_WIDTH;
      height = PACTE_REPORT_A4_HEIGHT;
    }

  report = pacte_report_new (self->portfolio, self->rules, self->whole_portfolio ? NULL : self->plan,
                             self->today, self->lang);
  pacte_report_set_page_size (report, width, height);
  window = pacte_report_preview_new (parent, report, width, height);
  g_set_weak_pointer (&self->preview_window, window);
  gtk_window_present (GTK_WINDOW (window));
  /* GTK's own pagination (begin-print) measures on a context of ours. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create (surface);

    gtk_print_context_set_cairo_context (context, cr, 72, 72);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  /* Nothing is rendered through GTK's preview: it ends once ready. */
  g_signal_connect (preview, "ready", G_CALLBACK (end_gtk_preview), NULL);
  return TRUE;
}

GtkWidget *
pacte_print_operation_get_preview_window (PactePrintOperation *self)
{
  g_return_val_if_fail (PACTE_IS_PRINT_OPERATION (self), NULL);
  return self->preview_window;
}

/* ---- The Report tab ------------------------------------------------------- */

static GtkWidget *
pacte_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  PactePrintOperation *self = PACTE_PRINT_OPERATION (operation);
  /* The languages of the table, each by its own name ("Français"). */
  const char *names[PACTE_LANGUAGE_MAX + 1] = { NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *dropdown;
  guint n = MIN (pacte_language_count (), PACTE_LANGUAGE_MAX);
  GtkWidget *plan_check = gtk_check_button_new_with_mnemonic (_("This _plan"));
  GtkWidget *portfolio_check = gtk_check_button_new_with_mnemonic (_("The _whole portfolio, one section per plan"));

  for (guint i = 0; i < n; i++)
    names[i] = pacte_language_name (pacte_language_nth (i));
  dropdown = gtk_drop_down_new_from_strings (names);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), pacte_language_index (pacte_language_get (self->lang)));
  gtk_widget_set_halign (dropdown, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), pacte_export_dialog_heading (_("Report _language"), dropdown));
  gtk_box_append (GTK_BOX (box), dropdown);

  gtk_check_button_set_group (GTK_CHECK_BUTTON (portfolio_check), GTK_CHECK_BUTTON (plan_check));
  if (self->plan == NULL)
    {
      gtk_widget_set_sensitive (plan_check, FALSE);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (portfolio_check), TRUE);
    }
  else
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->whole_portfolio ? portfolio_check : plan_check), TRUE);
  gtk_widget_set_margin_top (plan_check, 12);
  gtk_box_append (GTK_BOX (box), pacte_export_dialog_heading (_("Contents"), NULL));
  gtk_box_append (GTK_BOX (box), plan_check);
  gtk_box_append (GTK_BOX (box), portfolio_check);

  g_set_weak_pointer (&self->language_dropdown, dropdown);
  g_set_weak_pointer (&self->portfolio_check, portfolio_check);
  return box;
}

static void
pacte_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                           GtkWidget         *widget)
{
  PactePrintOperation *self = PACTE_PRINT_OPERATION (operation);

  if (self->language_dropdown != NULL)
    {
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->language_dropdown));

      if (selected < pacte_language_count ())
        pacte_print_operation_set_language (self, pacte_language_code (pacte_language_nth (selected)));
    }
  if (self->portfolio_check != NULL)
    pacte_print_operation_set_whole_portfolio (self, self->plan == NULL
                                               || gtk_check_button_get_active (GTK_CHECK_BUTTON (self->portfolio_check)));
  g_clear_weak_pointer (&self->language_dropdown);
  g_clear_weak_pointer (&self->portfolio_check);
}

/* ---- Object ---------------------------------------------------------------- */

static void
pacte_print_operation_dispose (GObject *object)
{
  PactePrintOperation *self = PACTE_PRINT_OPERATION (object);

  g_clear_object (&self->report);
  g_clear_weak_pointer (&self->language_dropdown);
  g_clear_weak_pointer (&self->portfolio_check);
  g_clear_weak_pointer (&self->preview_window);

  G_OBJECT_CLASS (pacte_print_operation_parent_class)->dispose (object);
}

static void
pacte_print_operation_finalize (GObject *object)
{
  PactePrintOperation *self = PACTE_PRINT_OPERATION (object);

  g_clear_object (&self->portfolio);
  g_clear_object (&self->rules);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (pacte_print_operation_parent_class)->finalize (object);
}

static void
pacte_print_operation_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PactePrintOperation *self = PACTE_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->lang);
      break;
    case PROP_WHOLE_PORTFOLIO:
      g_value_set_boolean (value, self->whole_portfolio);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_print_operation_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PactePrintOperation *self = PACTE_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      pacte_print_operation_set_language (self, g_value_get_string (value));
      break;
    case PROP_WHOLE_PORTFOLIO:
      pacte_print_operation_set_whole_portfolio (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_print_operation_class_init (PactePrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = pacte_print_operation_dispose;
  object_class->finalize = pacte_print_operation_finalize;
  object_class->get_property = pacte_print_operation_get_property;
  object_class->set_property = pacte_print_operation_set_property;

  operation_class->begin_print = pacte_print_operation_begin_print;
  operation_class->draw_page = pacte_print_operation_draw_page;
  operation_class->end_print = pacte_print_operation_end_print;
  operation_class->create_custom_widget = pacte_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = pacte_print_operation_custom_widget_apply;
  operation_class->preview = pacte_print_operation_preview;

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHOLE_PORTFOLIO] =
    g_param_spec_boolean ("whole-portfolio", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacte_print_operation_init (PactePrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  self->lang = "en";
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, _("Report"));
  /* A long report shows its progress, with a Cancel button. */
  gtk_print_operation_set_show_progress (operation, TRUE);
}

PactePrintOperation *
pacte_print_operation_new (PactePortfolio *portfolio,
                           PacteRuleSet   *rules,
                           PactePlan      *plan,
                           guint32         today)
{
  PactePrintOperation *self;
  const char *lang;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);
  g_return_val_if_fail (rules == NULL || PACTE_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (plan == NULL || PACTE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (today > 0, NULL);

  self = g_object_new (PACTE_TYPE_PRINT_OPERATION, NULL);
  self->portfolio = g_object_ref (portfolio);
  self->rules = g_object_ref (rules != NULL ? rules : pacte_rule_set_get_default ());
  self->plan = plan != NULL ? g_object_ref (plan) : NULL;
  self->today = today;
  self->whole_portfolio = plan == NULL;

  lang = pacte_i18n_normalize_lang (pacte_record_get_string (PACTE_RECORD (portfolio),
                                                             PACTE_PORTFOLIO_META_LANGUAGE));
  self->lang = lang != NULL ? lang : pacte_i18n_user_language ();
  return self;
}

const char *
pacte_print_operation_get_language (PactePrintOperation *self)
{
  g_return_val_if_fail (PACTE_IS_PRINT_OPERATION (self), NULL);
  return self->lang;
}

void
pacte_print_operation_set_language (PactePrintOperation *self,
                                    const char          *lang)
{
  const char *normalized;

  g_return_if_fail (PACTE_IS_PRINT_OPERATION (self));

  normalized = pacte_i18n_normalize_lang (lang);
  if (normalized == NULL)
    normalized = pacte_i18n_user_language ();
  if (g_strcmp0 (normalized, self->lang) == 0)
    return;
  self->lang = normalized;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

gboolean
pacte_print_operation_get_whole_portfolio (PactePrintOperation *self)
{
  g_return_val_if_fail (PACTE_IS_PRINT_OPERATION (self), FALSE);
  return self->whole_portfolio;
}

void
pacte_print_operation_set_whole_portfolio (PactePrintOperation *self,
                                           gboolean             whole)
{
  g_return_if_fail (PACTE_IS_PRINT_OPERATION (self));

  whole = whole || self->plan == NULL;
  if (self->whole_portfolio == whole)
    return;
  self->whole_portfolio = whole;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHOLE_PORTFOLIO]);
}

gboolean
pacte_print_operation_print (PactePrintOperation  *self,
                             GtkWindow            *parent,
                             GError              **error)
{
  GtkPrintOperationResult result;

  g_return_val_if_fail (PACTE_IS_PRINT_OPERATION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

gboolean
pacte_print_operation_preview_now (PactePrintOperation  *self,
                                   GtkWindow            *parent,
                                   GError              **error)
{
  g_return_val_if_fail (PACTE_IS_PRINT_OPERATION (self), FALSE);
  return gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_PREVIEW,
                                  parent, error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

gboolean
pacte_print_operation_export_pdf (PactePrintOperation  *self,
                                  GtkWindow            *parent,
                                  const char           *path,
                                  GError              **error)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GFile) target = NULL;
  g_autoptr(PacteAtomicFile) file = NULL;
  g_autofree char *display = NULL;
  GtkPrintOperationResult result;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PACTE_IS_PRINT_OPERATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  target = g_file_new_for_path (path);
  display = pacte_file_display_name (target);
  /* The atomic routine's temporary file beside the target: GTK writes the
   * PDF into it, then it is synced and renamed over the target (or removed). */
  file = pacte_atomic_file_new (target, PACTE_ATOMIC_NONE, &local_error);
  if (file == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Cannot write the report to “%s”: "), display);
      return FALSE;
    }

  gtk_print_operation_set_export_filename (operation, pacte_atomic_file_get_temp_path (file));
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, &local_error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR || result == GTK_PRINT_OPERATION_RESULT_CANCEL)
    {
      if (local_error != NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Cannot write the report to “%s”: %s"), display, local_error->message);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                     _("The report was not written to “%s”: cancelled"), display);
      return FALSE;
    }

  if (!pacte_atomic_file_commit (file, NULL, NULL, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Cannot write the report to “%s”: "), display);
      return FALSE;
    }
  return TRUE;
}
