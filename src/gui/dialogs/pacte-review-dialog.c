/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-review-dialog.c: record today's lights, reviewer and notes in a plan. */
#include "config.h"

#include "pacte-i18n.h"
#include "pacte-report-format.h"
#include "pacte-review-dialog.h"
#include "pacte-rules-panel.h"

/* GSettings key of the last reviewer (absent from older compiled schemas). */
#define REVIEWER_KEY "reviewer"

struct _PacteReviewDialog
{
  AdwMessageDialog  parent_instance;

  PacteContext     *context;
  PactePlan        *plan;

  /* template */
  GtkLabel         *score_label;
  GtkLabel         *counts_label;
  GtkEntry         *reviewer_entry;
  GtkTextView      *notes_view;
};

G_DEFINE_FINAL_TYPE (PacteReviewDialog, pacte_review_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GSettings *
reviewer_settings (PacteReviewDialog *self)
{
  GSettings *settings = pacte_context_get_settings (self->context);
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return NULL;
  g_object_get (settings, "settings-schema", &schema, NULL);
  if (schema == NULL || !g_settings_schema_has_key (schema, REVIEWER_KEY))
    return NULL;
  return settings;
}

static const char *
plan_name (PactePlan *plan)
{
  const char *name = pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME);

  return name[0] != '\0' ? name : pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_ID);
}

static gboolean
plan_is_in_document (PacteReviewDialog *self)
{
  return pacte_record_get_portfolio (PACTE_RECORD (self->plan)) ==
         (gpointer) pacte_context_get_portfolio (self->context);
}

/* The heading's body, the score and the counts, from the current results. */
static void
show_plan (PacteReviewDialog *self)
{
  const char *lang = pacte_context_get_language (self->context);
  guint32 today = pacte_context_get_today (self->context);
  PactePlanResults *results;
  g_autofree char *date = pacte_format_date (lang, today);
  g_autofree char *body = NULL;
  g_autofree char *counts = NULL;
  PacteRecord * const *reviews;
  guint n_reviews;

  pacte_evaluator_flush (pacte_context_get_evaluator (self->context));
  results = pacte_context_get_results (self->context, self->plan);

  body = g_strdup_printf (_("Review of “%s” on %s. The lights as they are now, the reviewer and the notes are saved in the plan, so that the next report shows the trend."),
                          plan_name (self->plan), date);
  reviews = pacte_record_get_items (PACTE_RECORD (self->plan), PACTE_PLAN_REVIEWS, &n_reviews);
  if (n_reviews > 0)
    {
      PacteRecord *last = reviews[n_reviews - 1];
      guint32 last_day = pacte_record_get_date (last, PACTE_REVIEW_DATE);
      g_autofree char *last_date = pacte_format_date (lang, last_day);
      const char *who = pacte_record_get_string (last, PACTE_REVIEW_REVIEWER);
      g_autofree char *last_text = NULL;
      char *joined;

      if (last_day == today)
        last_text = g_strdup (_("A review was already recorded today: this one is added after it."));
      else if (who[0] != '\0')
        /* Translators: the last review: "15 December 2026, by Bertrand Moreau" */
        last_text = g_strdup_printf (_("Last review: %s, by %s."), last_date, who);
      else
        last_text = g_strdup_printf (_("Last review: %s."), last_date);
      joined = g_strconcat (body, "\n\n", last_text, NULL);
      g_free (body);
      body = joined;
    }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  pacte_rules_panel_show_score (self->score_label, pacte_plan_results_get_score (results));
  counts = pacte_rules_panel_counts_text (results);
  gtk_label_set_text (self->counts_label, counts);
}

static void
show_error (PacteReviewDialog *self,
            const GError      *error)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Record the Review"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pacte_review_dialog_response (AdwMessageDialog *dialog,
                              const char       *response)
{
  PacteReviewDialog *self = PACTE_REVIEW_DIALOG (dialog);

  if (g_strcmp0 (response, "record") == 0)
    {
      g_autoptr(GError) error = NULL;

      if (pacte_review_dialog_record (self, &error) == NULL)
        show_error (self, error);
    }
  if (ADW_MESSAGE_DIALOG_CLASS (pacte_review_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (pacte_review_dialog_parent_class)->response (dialog, response);
}

static void
pacte_review_dialog_dispose (GObject *object)
{
  PacteReviewDialog *self = PACTE_REVIEW_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PACTE_TYPE_REVIEW_DIALOG);
  g_clear_object (&self->plan);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pacte_review_dialog_parent_class)->dispose (object);
}

static void
pacte_review_dialog_class_init (PacteReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = pacte_review_dialog_dispose;
  dialog_class->response = pacte_review_dialog_response;

  /* After the review is in the plan: (PacteReview *review). */
  signals[RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PACTE_TYPE_REVIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacte/Pacte/ui/pacte-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PacteReviewDialog, score_label);
  gtk_widget_class_bind_template_child (widget_class, PacteReviewDialog, counts_label);
  gtk_widget_class_bind_template_child (widget_class, PacteReviewDialog, reviewer_entry);
  gtk_widget_class_bind_template_child (widget_class, PacteReviewDialog, notes_view);
}

static void
pacte_review_dialog_init (PacteReviewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pacte_review_dialog_new (GtkWindow    *parent,
                         PacteContext *context,
                         PactePlan    *plan)
{
  PacteReviewDialog *self;
  GSettings *settings;
  g_autofree char *remembered = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PACTE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (PACTE_IS_PLAN (plan), NULL);

  self = g_object_new (PACTE_TYPE_REVIEW_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->plan = g_object_ref (plan);

  settings = reviewer_settings (self);
  if (settings != NULL)
    remembered = g_settings_get_string (settings, REVIEWER_KEY);
  if (remembered != NULL && remembered[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->reviewer_entry), remembered);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->reviewer_entry),
                           pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_OWNER));

  show_plan (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->reviewer_entry));
  return GTK_WIDGET (self);
}

PactePlan *
pacte_review_dialog_get_plan (PacteReviewDialog *self)
{
  g_return_val_if_fail (PACTE_IS_REVIEW_DIALOG (self), NULL);
  return self->plan;
}

const char *
pacte_review_dialog_get_reviewer (PacteReviewDialog *self)
{
  g_return_val_if_fail (PACTE_IS_REVIEW_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->reviewer_entry));
}

void
pacte_review_dialog_set_reviewer (PacteReviewDialog *self,
                                  const char        *reviewer)
{
  g_return_if_fail (PACTE_IS_REVIEW_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->reviewer_entry), reviewer != NULL ? reviewer : "");
}

char *
pacte_review_dialog_get_notes (PacteReviewDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (PACTE_IS_REVIEW_DIALOG (self), NULL);
  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
pacte_review_dialog_set_notes (PacteReviewDialog *self,
                               const char        *notes)
{
  g_return_if_fail (PACTE_IS_REVIEW_DIALOG (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes != NULL ? notes : "", -1);
}

PacteReview *
pacte_review_dialog_record (PacteReviewDialog *self,
                            GError           **error)
{
  PactePortfolio *portfolio;
  PactePlanResults *results;
  g_autoptr(PacteRecord) review = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *notes = NULL;
  GListModel *reviews;
  GSettings *settings;
  guint n;

  g_return_val_if_fail (PACTE_IS_REVIEW_DIALOG (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!plan_is_in_document (self))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The plan “%s” is no longer in the portfolio: the review was not recorded."),
                   plan_name (self->plan));
      return NULL;
    }

  portfolio = pacte_context_get_portfolio (self->context);
  reviewer = g_strstrip (g_strdup (pacte_review_dialog_get_reviewer (self)));
  notes = g_strstrip (pacte_review_dialog_get_notes (self));

  /* The lights as they are now: pending evaluations first. */
  pacte_evaluator_flush (pacte_context_get_evaluator (self->context));
  results = pacte_context_get_results (self->context, self->plan);

  review = g_object_new (PACTE_TYPE_REVIEW, NULL);
  if (!pacte_record_set_date (review, PACTE_REVIEW_DATE, pacte_context_get_today (self->context), error) ||
      !pacte_record_set_string (review, PACTE_REVIEW_REVIEWER, reviewer, error) ||
      !pacte_record_set_string (review, PACTE_REVIEW_NOTES, notes, error))
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (results));
  for (guint i = 0; i < n; i++)
    {
      PacteRuleResult *result = pacte_plan_results_get_result (results, i);

      if (!pacte_record_map_set_string (review, PACTE_REVIEW_STATUSES,
                                        pacte_rule_result_get_rule_id (result),
                                        pacte_status_to_string (pacte_rule_result_get_status (result)),
                                        error))
        return NULL;
    }

  reviews = pacte_record_get_list (PACTE_RECORD (self->plan), PACTE_PLAN_REVIEWS);
  pacte_portfolio_begin_group (portfolio, C_("undo", "Record Review"));
  pacte_record_list_insert (PACTE_RECORD (self->plan), PACTE_PLAN_REVIEWS,
                            g_list_model_get_n_items (reviews), review);
  pacte_portfolio_end_group (portfolio);

  settings = reviewer_settings (self);
  if (settings != NULL && reviewer[0] != '\0')
    g_settings_set_string (settings, REVIEWER_KEY, reviewer);

  g_signal_emit (self, signals[RECORDED], 0, review);
  return PACTE_REVIEW (review);
}
