/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-rejected.c: text the user typed that a field refused (a
 * date that is not one, "abc" in an amount) is never silently dropped.
 * Saving stops at it, takes the user there and says what is wrong; leaving
 * the plan or partner asks first. */
#include "config.h"

#include "pacte-field-row.h"
#include "pacte-i18n.h"
#include "pacte-reveal.h"
#include "pacte-window-private.h"

static PacteFieldRow *
find_rejected (GtkWidget *widget)
{
  GtkWidget *child;

  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (PACTE_IS_FIELD_ROW (widget))
    {
      PacteFieldRow *row = PACTE_FIELD_ROW (widget);

      /* Text typed but not judged yet (focused or not): judge it as leaving
       * the entry would. */
      if (pacte_field_row_has_unjudged_text (row))
        pacte_field_row_finish_editing (row);
      return pacte_field_row_get_error (row) != NULL ? row : NULL;
    }
  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      PacteFieldRow *row = find_rejected (child);

      if (row != NULL)
        return row;
    }
  return NULL;
}

/* The row of the editor shown holding refused text, or NULL. */
PacteFieldRow *
_pacte_window_find_rejected (PacteWindow *self)
{
  GtkWidget *page, *focus;

  g_return_val_if_fail (PACTE_IS_WINDOW (self), NULL);

  if (self->plan == NULL && self->partner == NULL)
    return NULL;
  /* Typing may have left the focused entry unjudged ("2027-0"): judge it
   * as leaving it would. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL)
    {
      GtkWidget *row = gtk_widget_get_ancestor (focus, PACTE_TYPE_FIELD_ROW);

      if (row != NULL && pacte_field_row_finish_editing (PACTE_FIELD_ROW (row)) != NULL)
        return PACTE_FIELD_ROW (row);
    }
  page = gtk_stack_get_visible_child (self->content_stack);
  return page != NULL ? find_rejected (page) : NULL;
}

/* Opens what holds the row (an item's expander) and focuses its editor. */
static void
reveal_row (PacteFieldRow *row)
{
  for (GtkWidget *w = gtk_widget_get_parent (GTK_WIDGET (row)); w != NULL; w = gtk_widget_get_parent (w))
    if (ADW_IS_EXPANDER_ROW (w))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (w), TRUE);
  pacte_field_row_focus_editor (row);
}

static char *
describe (PacteFieldRow *row)
{
  GtkWidget *editor = pacte_field_row_get_editor (row);
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  const char *text = GTK_IS_EDITABLE (editor) ? gtk_editable_get_text (GTK_EDITABLE (editor)) : "";

  /* Translators: a field holding text it refused: "“Target” holds “abc”: Enter a number…" */
  return g_strdup_printf (_("“%s” holds “%s”: %s"), title, text, pacte_field_row_get_error (row));
}

gboolean
_pacte_window_stop_at_rejected (PacteWindow *self)
{
  PacteFieldRow *row = _pacte_window_find_rejected (self);
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;

  if (row == NULL)
    return FALSE;
  reveal_row (row);
  what = describe (row);
  /* Translators: %s says which field and why: "“Target” holds “abc”: Enter a number…" */
  message = g_strdup_printf (_("Not saved: %s"), what);
  pacte_window_show_toast (self, message);
  return TRUE;
}

typedef struct
{
  PacteWindow   *self;
  PacteFieldRow *row;
  GObject       *wanted;  /* the plan or partner the user chose */
} LeaveData;

static void
leave_data_free (LeaveData *d)
{
  g_object_unref (d->self);
  g_object_unref (d->row);
  g_object_unref (d->wanted);
  g_free (d);
}

static void
leave_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   LeaveData        *d)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      pacte_field_row_discard_text (d->row);
      if (PACTE_IS_PLAN (d->wanted))
        pacte_window_select_plan (d->self, PACTE_PLAN (d->wanted));
      else if (PACTE_IS_PARTNER (d->wanted))
        pacte_window_select_partner (d->self, PACTE_PARTNER (d->wanted));
    }
  else
    reveal_row (d->row);
  leave_data_free (d);
}

gboolean
_pacte_window_ask_leave_rejected (PacteWindow *self,
                                  GObject     *wanted)
{
  PacteFieldRow *row = _pacte_window_find_rejected (self);
  g_autofree char *what = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  LeaveData *d;

  if (row == NULL)
    return FALSE;

  what = describe (row);
  /* Translators: %s says which field and why: "“Target” holds “abc”: Enter a number…" */
  body = g_strdup_printf (_("%s\n\nThis text was not applied. Discard it, or keep editing to correct it."), what);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Text Not Applied?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard Text"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");

  d = g_new0 (LeaveData, 1);
  d->self = g_object_ref (self);
  d->row = g_object_ref (row);
  d->wanted = g_object_ref (wanted);
  g_signal_connect (dialog, "response", G_CALLBACK (leave_response_cb), d);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
