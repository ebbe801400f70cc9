/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-print.c: Print: the review report of the plan shown, or of
 * the whole portfolio when no plan is (Export PDF is in
 * pacte-window-export.c). */
#include "config.h"

#include "pacte-i18n.h"
#include "pacte-print-operation.h"
#include "pacte-window-private.h"

/* ---- printing ------------------------------------------------------- */

/* The report of the plan shown, or of the whole portfolio when no plan is. */
static PactePrintOperation *
make_print_operation (PacteWindow *self)
{
  return pacte_print_operation_new (pacte_context_get_portfolio (self->context),
                                    pacte_context_get_rules (self->context),
                                    self->plan,
                                    pacte_context_get_today (self->context));
}

static void
action_print (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PacteWindow *self = PACTE_WINDOW (widget);
  g_autoptr(PactePrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->context == NULL)
    return;
  operation = make_print_operation (self);
  if (!pacte_print_operation_print (operation, GTK_WINDOW (self), &error))
    _pacte_window_show_message (self, _("Could Not Print"), error->message);
}

void
_pacte_window_class_add_print_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.print", NULL, action_print);
}
