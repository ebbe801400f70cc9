/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-export-dialog.c: Export PDF's language and scope. */
#include "config.h"

#include "pacte-export-dialog.h"
#include "pacte-i18n.h"
#include "pacte-language.h"

struct _PacteExportDialog
{
  AdwMessageDialog  parent_instance;

  GtkDropDown      *language;
  GtkCheckButton   *plan_check;
  GtkCheckButton   *portfolio_check;
  gboolean          has_plan;
};

G_DEFINE_FINAL_TYPE (PacteExportDialog, pacte_export_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
pacte_export_dialog_class_init (PacteExportDialogClass *klass)
{
}

static void
pacte_export_dialog_init (PacteExportDialog *self)
{
}

GtkWidget *
pacte_export_dialog_heading (const char *text,
                             GtkWidget  *mnemonic_widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  if (mnemonic_widget != NULL)
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic_widget);
  return label;
}

GtkWidget *
pacte_export_dialog_new (GtkWindow      *parent,
                         PactePortfolio *portfolio,
                         PactePlan      *plan)
{
  PacteExportDialog *self;
  const char *names[PACTE_LANGUAGE_MAX + 1] = { NULL };
  guint n = MIN (pacte_language_count (), PACTE_LANGUAGE_MAX);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *lang;
  g_autofree char *plan_label = NULL;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);

  self = g_object_new (PACTE_TYPE_EXPORT_DIALOG,
                       "transient-for", parent, "modal", TRUE,
                       "heading", _("Export Review Report"),
                       "body", _("Choose the report’s language and what it covers, then where to save it."),
                       NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "choose", _("C_hoose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  /* The languages of the table, each by its own name ("Français"). */
  for (guint i = 0; i < n; i++)
    names[i] = pacte_language_name (pacte_language_nth (i));
  self->language = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (names));
  lang = pacte_i18n_normalize_lang (pacte_record_get_string (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_META_LANGUAGE));
  pacte_export_dialog_set_language (self, lang != NULL ? lang : pacte_i18n_user_language ());
  gtk_widget_set_halign (GTK_WIDGET (self->language), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), pacte_export_dialog_heading (_("Report _language"), GTK_WIDGET (self->language)));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->language));

  self->has_plan = plan != NULL;
  if (plan != NULL)
    /* Translators: the scope of a report: "This plan: Meridian Cloud" */
    plan_label = g_strdup_printf (_("This plan: %s"), pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME));
  self->plan_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (plan_label != NULL ? plan_label : _("This plan")));
  self->portfolio_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("The _whole portfolio, one section per plan")));
  gtk_check_button_set_group (self->portfolio_check, self->plan_check);
  gtk_widget_set_sensitive (GTK_WIDGET (self->plan_check), plan != NULL);
  gtk_check_button_set_active (plan != NULL ? self->plan_check : self->portfolio_check, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->plan_check), 12);
  gtk_box_append (GTK_BOX (box), pacte_export_dialog_heading (_("Contents"), NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->plan_check));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->portfolio_check));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
  return GTK_WIDGET (self);
}

const char *
pacte_export_dialog_get_language (PacteExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (PACTE_IS_EXPORT_DIALOG (self), NULL);
  selected = gtk_drop_down_get_selected (self->language);
  if (selected >= pacte_language_count ())
    return pacte_i18n_user_language ();
  return pacte_language_code (pacte_language_nth (selected));
}

void
pacte_export_dialog_set_language (PacteExportDialog *self,
                                  const char        *lang)
{
  g_return_if_fail (PACTE_IS_EXPORT_DIALOG (self));
  gtk_drop_down_set_selected (self->language, pacte_language_index (pacte_language_get (lang)));
}

gboolean
pacte_export_dialog_get_whole_portfolio (PacteExportDialog *self)
{
  g_return_val_if_fail (PACTE_IS_EXPORT_DIALOG (self), TRUE);
  return !self->has_plan || gtk_check_button_get_active (self->portfolio_check);
}

void
pacte_export_dialog_set_whole_portfolio (PacteExportDialog *self,
                                         gboolean           whole)
{
  g_return_if_fail (PACTE_IS_EXPORT_DIALOG (self));
  gtk_check_button_set_active (whole || !self->has_plan ? self->portfolio_check : self->plan_check, TRUE);
}
