/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-settings.c: the portfolio's settings from the main menu:
 * win.portfolio-properties (title, company, currency, report language) and
 * win.portfolio-rules (the Golden Rules for every plan), one dialog with
 * both pages (pacte-portfolio-dialog.h). */
#include "config.h"

#include "pacte-portfolio-dialog.h"
#include "pacte-window-private.h"

static void
present_settings (PacteWindow *self,
                  const char  *page)
{
  GtkWidget *dialog;

  if (self->context == NULL)
    return;
  dialog = pacte_portfolio_dialog_new (GTK_WINDOW (self), self->context);
  pacte_portfolio_dialog_show_page (PACTE_PORTFOLIO_DIALOG (dialog), page);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_settings (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  present_settings (PACTE_WINDOW (widget),
                    g_str_equal (action_name, "win.portfolio-rules") ? "rules" : "properties");
}

void
_pacte_window_class_add_settings_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.portfolio-properties", NULL, action_settings);
  gtk_widget_class_install_action (widget_class, "win.portfolio-rules", NULL, action_settings);
}

void
_pacte_window_update_settings_actions (PacteWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.portfolio-properties", self->context != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.portfolio-rules", self->context != NULL);
}
