/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-calendar.c: Export Calendar… for the whole portfolio
 * ("win.export-calendar") or the plan shown ("win.export-plan-calendar"):
 * the dates of src/core/calendar written as an .ics file the
 * user picks, in the report language (the portfolio's, else the user's). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pacte-calendar.h"
#include "pacte-i18n.h"
#include "pacte-window-private.h"

typedef struct {
  PacteWindow *window;
  PactePlan   *plan;   /* NULL: the whole portfolio */
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->window);
  g_clear_object (&export->plan);
  g_free (export);
}

static void
show_failure (PacteWindow *self,
              const char  *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Calendar"), body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
report_language (PactePortfolio *portfolio)
{
  const char *lang = pacte_i18n_normalize_lang (pacte_record_get_string (PACTE_RECORD (portfolio),
                                                                          PACTE_PORTFOLIO_META_LANGUAGE));

  return lang != NULL ? lang : pacte_i18n_user_language ();
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     Export          *export)
{
  PacteWindow *self = export->window;
  PactePortfolio *portfolio = pacte_window_get_portfolio (self);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n_events = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    path = g_file_get_path (file);
  if (file != NULL && path == NULL)
    show_failure (self, _("Choose a folder on this computer."));
  /* The document may have been closed or replaced while the chooser was up. */
  else if (path != NULL && portfolio != NULL
           && (export->plan == NULL || pacte_record_get_portfolio (PACTE_RECORD (export->plan)) == (gpointer) portfolio))
    {
      g_autoptr(GFile) target = NULL;

      if (!g_str_has_suffix (path, ".ics"))
        {
          char *with_ics = g_strconcat (path, ".ics", NULL);

          g_free (path);
          path = with_ics;
        }
      target = g_file_new_for_path (path);
      if (pacte_calendar_write (portfolio, export->plan, report_language (portfolio), target, &n_events, &error))
        {
          g_autofree char *name = g_filename_display_basename (path);
          g_autofree char *text = g_strdup_printf (ngettext ("Exported %u event to “%s”",
                                                             "Exported %u events to “%s”", n_events),
                                                   n_events, name);

          pacte_window_show_toast (self, text);
        }
      else
        show_failure (self, error->message);
    }
  export_free (export);
}

static void
action_export_calendar (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PacteWindow *self = PACTE_WINDOW (widget);
  PactePortfolio *portfolio = pacte_window_get_portfolio (self);
  gboolean one_plan = g_str_equal (action_name, "win.export-plan-calendar");
  PactePlan *plan = one_plan ? pacte_window_get_plan (self) : NULL;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) ics = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  const char *base;
  Export *export;

  if (portfolio == NULL || (one_plan && plan == NULL))
    return;

  chooser = gtk_file_chooser_native_new (one_plan ? _("Export Plan Calendar") : _("Export Portfolio Calendar"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (ics, _("Calendar Files"));
  gtk_file_filter_add_mime_type (ics, "text/calendar");
  gtk_file_filter_add_pattern (ics, "*.ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), ics);

  if (plan != NULL)
    base = pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME);
  else
    base = pacte_record_get_string (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_META_TITLE);
  if (*base == '\0')
    base = _("calendar");
  /* No slashes in a file name. */
  suggested = g_strdelimit (g_strconcat (base, ".ics", NULL), "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  /* Beside the portfolio, as Export PDF does. */
  if (pacte_portfolio_get_file (portfolio) != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (pacte_portfolio_get_file (portfolio));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  export = g_new0 (Export, 1);
  export->window = g_object_ref (self);
  export->plan = plan != NULL ? g_object_ref (plan) : NULL;
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_pacte_window_install_calendar_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL, action_export_calendar);
  gtk_widget_class_install_action (widget_class, "win.export-plan-calendar", NULL, action_export_calendar);
}

void
_pacte_window_update_calendar_actions (PacteWindow *self)
{
  gboolean has = pacte_window_get_portfolio (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-calendar", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-plan-calendar",
                                 has && pacte_window_get_plan (self) != NULL);
}
