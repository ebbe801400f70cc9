/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-reason-dialog.c: "why does this rule not apply?" before it is
 * switched off, for one plan or for all plans. */
#include "config.h"

#include "pacte-reason-dialog.h"

#include <glib/gi18n.h>

static void
on_reason_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "switch-off", *text != '\0');
}

GtkWidget *
pacte_reason_dialog_new (GtkWindow   *parent,
                         const char  *heading,
                         const char  *body,
                         GtkWidget  **entry)
{
  GtkWidget *dialog;
  GtkWidget *reason;

  g_return_val_if_fail (heading != NULL, NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "switch-off", _("_Switch Off"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "switch-off",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "switch-off", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "switch-off");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  reason = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (reason), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for switching the rule off"), -1);
  g_signal_connect (reason, "changed", G_CALLBACK (on_reason_changed), dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), reason);
  *entry = reason;
  return dialog;
}
