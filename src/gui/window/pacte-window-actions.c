/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-actions.c: the document's life in a window: new, open (the
 * dialog, files dropped on the window; Open Recent is in
 * pacte-window-recent.c), save, save as, the
 * question before unsaved changes are lost, closing, undo and redo. */
#include "config.h"

#include <string.h>

#include "pacte-field-row.h"
#include "pacte-i18n.h"
#include "pacte-partner-editor.h"
#include "pacte-plan-editor.h"
#include "pacte-review-dialog.h"
#include "pacte-window-private.h"
#include "pacte-window-csv.h"

typedef void (*Then) (PacteWindow *self, gpointer data);

/* Something to do once unsaved changes are dealt with. */
typedef struct {
  PacteWindow    *self;
  Then            then;
  gpointer        data;
  GDestroyNotify  destroy;
} Pending;

static Pending *
pending_new (PacteWindow    *self,
             Then            then,
             gpointer        data,
             GDestroyNotify  destroy)
{
  Pending *p = g_new0 (Pending, 1);

  p->self = g_object_ref (self);
  p->then = then;
  p->data = data;
  p->destroy = destroy;
  return p;
}

static void
pending_free (Pending *p)
{
  if (p == NULL)
    return;
  if (p->destroy != NULL && p->data != NULL)
    p->destroy (p->data);
  g_object_unref (p->self);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static void
pending_run (Pending *p)
{
  if (p != NULL && p->then != NULL)
    p->then (p->self, p->data);
  pending_free (p);
}

static PactePortfolio *
document (PacteWindow *self)
{
  return self->context != NULL ? pacte_context_get_portfolio (self->context) : NULL;
}

static char *
document_name (PacteWindow *self)
{
  GFile *file = document (self) != NULL ? pacte_portfolio_get_file (document (self)) : NULL;

  if (file == NULL)
    return g_strdup (_("Untitled Portfolio"));
  {
    g_autofree char *path = g_file_get_path (file);

    if (path != NULL)
      return g_filename_display_basename (path);
    return g_file_get_basename (file);
  }
}

char *
_pacte_window_document_folder (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = parent != NULL ? g_file_get_path (parent) : NULL;
  const char *home = g_get_home_dir ();

  if (path == NULL)
    return parent != NULL ? g_file_get_uri (parent) : g_strdup ("");
  if (home != NULL && g_str_has_prefix (path, home) &&
      (path[strlen (home)] == '/' || path[strlen (home)] == '\0'))
    return g_strconcat ("~", path + strlen (home), NULL);
  return g_filename_display_name (path);
}

/* ---- title and actions ---------------------------------------------- */

void
_pacte_window_update_title (PacteWindow *self)
{
  PactePortfolio *doc = document (self);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;
  GFile *file;

  if (doc == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Pacte"));
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("Pacte"));
      return;
    }

  name = document_name (self);
  file = pacte_portfolio_get_file (doc);
  /* The dot marks unsaved changes. */
  title = pacte_portfolio_get_modified (doc) ? g_strdup_printf ("%s •", name) : g_strdup (name);
  subtitle = file != NULL ? _pacte_window_document_folder (file) : g_strdup (_("Not saved yet"));
  /* Translators: the window title: "sample.pacte.json – Pacte" */
  window_title = g_strdup_printf (_("%s – Pacte"), title);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

void
_pacte_window_update_actions (PacteWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has = self->context != NULL;

  gtk_widget_action_set_enabled (widget, "win.save", has);
  gtk_widget_action_set_enabled (widget, "win.save-as", has);
  gtk_widget_action_set_enabled (widget, "win.add-plan", has);
  gtk_widget_action_set_enabled (widget, "win.add-partner", has);
  gtk_widget_action_set_enabled (widget, "win.search", has);
  gtk_widget_action_set_enabled (widget, "win.toggle-rules", has);
  gtk_widget_action_set_enabled (widget, "win.print", has);
  gtk_widget_action_set_enabled (widget, "win.export-pdf", has);
  _pacte_window_update_settings_actions (self);
  _pacte_window_update_calendar_actions (self);
  /* A review is recorded for the plan shown. */
  gtk_widget_action_set_enabled (widget, "win.record-review", has && self->plan != NULL);
  _pacte_window_update_csv_actions (self);
  _pacte_window_update_history (self);
}

/* ---- undo and redo -------------------------------------------------- */

/* A label from the model inside a menu item: its underscores are not mnemonics. */
char *
_pacte_window_escape_underline (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

void
_pacte_window_update_history (PacteWindow *self)
{
  PactePortfolio *doc = document (self);
  gboolean can_undo = doc != NULL && pacte_portfolio_can_undo (doc);
  gboolean can_redo = doc != NULL && pacte_portfolio_can_redo (doc);
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);

  if (can_undo && pacte_portfolio_get_undo_label (doc) != NULL)
    {
      g_autofree char *edit = _pacte_window_escape_underline (pacte_portfolio_get_undo_label (doc));

      /* Translators: a menu item; %s names the edit undone, as the model's
       * undo labels do: "Change Target", "Add Action" (French: "_Annuler %s",
       * the labels being noun phrases: "la modification « Cible »") */
      undo = g_strdup_printf (_("_Undo %s"), edit);
    }
  else
    undo = g_strdup (_("_Undo"));
  if (can_redo && pacte_portfolio_get_redo_label (doc) != NULL)
    {
      g_autofree char *edit = _pacte_window_escape_underline (pacte_portfolio_get_redo_label (doc));

      /* Translators: a menu item; %s names the edit redone: "Redo Add Action" */
      redo = g_strdup_printf (_("_Redo %s"), edit);
    }
  else
    redo = g_strdup (_("_Redo"));

  /* Rebuilt only on a real change: an open menu would flicker. */
  if (g_strcmp0 (undo, self->undo_label) == 0 && g_strcmp0 (redo, self->redo_label) == 0)
    return;
  g_free (self->undo_label);
  g_free (self->redo_label);
  self->undo_label = g_steal_pointer (&undo);
  self->redo_label = g_steal_pointer (&redo);

  g_menu_remove_all (self->history_section);
  g_menu_append (self->history_section, self->undo_label, "win.undo");
  g_menu_append (self->history_section, self->redo_label, "win.redo");
}

static void
action_undo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PactePortfolio *doc = document (PACTE_WINDOW (widget));

  /* The editors show the model: an entry being typed in follows. */
  if (doc != NULL)
    pacte_portfolio_undo (doc);
}

static void
action_redo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PactePortfolio *doc = document (PACTE_WINDOW (widget));

  if (doc != NULL)
    pacte_portfolio_redo (doc);
}

/* ---- dialogs -------------------------------------------------------- */

void
_pacte_window_show_message (PacteWindow *self,
                            const char  *heading,
                            const char  *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_failure_response (AdwMessageDialog *dialog,
                       const char       *response,
                       PacteWindow      *self)
{
  if (g_str_equal (response, "save-as"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
}

/* A file that cannot be written (read-only, folder gone, disk full): say why,
 * that nothing was lost, and offer to save the work elsewhere. */
static void
show_save_failure (PacteWindow  *self,
                   const GError *error)
{
  g_autofree char *body = g_strdup_printf (_("%s\n\nThe file on disk has not been changed, and your changes are still here. "
                                             "You can save them to another file with Save As."),
                                           error->message);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save the Portfolio"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_failure_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkFileFilter *
portfolio_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Pacte Portfolios"));
  gtk_file_filter_add_mime_type (filter, "application/x-pacte+json");
  gtk_file_filter_add_pattern (filter, "*.pacte.json");
  return filter;
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) portfolios = portfolio_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, portfolios);
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, portfolios);
}

/* ---- saving --------------------------------------------------------- */

static void save_as_then (PacteWindow *self, Pending *pending);

typedef struct {
  Pending  *pending;
  GFile    *file;
  gboolean  started;
} SaveData;

static void
save_data_free (SaveData *d)
{
  pending_free (d->pending);
  g_clear_object (&d->file);
  g_free (d);
}

/* After the overwrite question: only what was not started is freed. */
static void
save_data_drop (gpointer data)
{
  SaveData *d = data;

  if (!d->started)
    save_data_free (d);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SaveData *d = user_data;
  PacteWindow *self = d->pending->self;
  g_autoptr(GError) error = NULL;
  gboolean saved = pacte_document_save_finish (PACTE_DOCUMENT (source), result, &error);

  if (!saved)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_save_failure (self, error);
      save_data_free (d);
      return;
    }

  if (self->context != NULL)
    {
      GFile *file = pacte_portfolio_get_file (document (self));
      g_autofree char *base = file != NULL ? g_file_get_basename (file) : NULL;
      g_autofree char *name = base != NULL ? g_filename_display_name (base) : NULL;
      g_autofree char *text = name != NULL ? g_strdup_printf (_("Saved “%s”"), name) : NULL;

      _pacte_window_update_title (self);
      pacte_window_show_toast (self, text != NULL ? text : _("Saved"));
    }
  pending_run (g_steal_pointer (&d->pending));
  save_data_free (d);
}

static void
start_save (PacteWindow *self,
            gpointer     data)
{
  SaveData *d = data;
  PactePortfolio *doc = document (self);

  if (doc == NULL)
    return;
  d->started = TRUE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  pacte_document_save_async (self->document, d->file, self->cancellable, save_done, d);
}

/* Saves to file (NULL: the document's own file, or ask for one), then runs pending. */
static void
save_then (PacteWindow *self,
           GFile       *file,
           Pending     *pending)
{
  PactePortfolio *doc = document (self);
  SaveData *d;

  if (doc == NULL)
    {
      pending_free (pending);
      return;
    }
  if (file == NULL)
    file = pacte_portfolio_get_file (doc);
  if (file == NULL)
    {
      save_as_then (self, pending);
      return;
    }

  if (pending == NULL)
    pending = pending_new (self, NULL, NULL, NULL);
  d = g_new0 (SaveData, 1);
  d->pending = pending;
  d->file = g_object_ref (file);

  /* Another program changed our file since we read it: ask first. */
  if (_pacte_window_life_ask_overwrite (self, file, start_save, d, save_data_drop))
    return;
  start_save (self, d);
  save_data_drop (d);
}

static GFile *
with_extension (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *fixed = NULL;

  if (name == NULL || g_str_has_suffix (name, ".json"))
    return g_object_ref (file);
  parent = g_file_get_parent (file);
  fixed = g_strconcat (name, ".pacte.json", NULL);
  return parent != NULL ? g_file_get_child (parent, fixed) : g_object_ref (file);
}

static void
on_save_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(Pending) pending = user_data;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  PacteWindow *self = pending->self;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (chosen == NULL)
    return;
  file = with_extension (chosen);
  /* Not pending->self in the same call: the arguments' order of evaluation
   * is unspecified, and GCC stole the pointer first (NULL dereference). */
  save_then (self, file, g_steal_pointer (&pending));
}

static void
save_as_then (PacteWindow *self,
              Pending     *pending)
{
  GtkFileChooserNative *chooser;
  PactePortfolio *doc = document (self);
  GFile *file;

  if (doc == NULL)
    {
      pending_free (pending);
      return;
    }
  if (pending == NULL)
    pending = pending_new (self, NULL, NULL, NULL);

  chooser = gtk_file_chooser_native_new (_("Save Portfolio As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filters (GTK_FILE_CHOOSER (chooser));
  file = pacte_portfolio_get_file (doc);
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
  else
    {
      /* Translators: suggested file name of a new portfolio; keep ".pacte.json" */
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("portfolio.pacte.json"));
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_chooser_response), pending);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- unsaved changes ------------------------------------------------ */

static gboolean
run_after_dialog (gpointer user_data)
{
  pending_run (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  Pending *pending = user_data;

  /* Continue once the dialog is gone: the next step may close its parent. */
  if (g_str_equal (response, "save"))
    save_then (pending->self, NULL, pending);
  else if (g_str_equal (response, "discard"))
    {
      _pacte_window_life_discard (pending->self);
      g_idle_add (run_after_dialog, pending);
    }
  else if (g_str_equal (response, "keep"))
    {
      /* The document goes with its draft kept (written now): the next
       * start offers to restore it. */
      g_idle_add (run_after_dialog, pending);
    }
  else
    pending_free (pending);
}

/* Runs then() now when nothing would be lost, else after the user chose;
 * keep_draft offers to keep the changes as a draft (when the document
 * goes away: closing). */
static void
confirm_then (PacteWindow    *self,
              gboolean        keep_draft,
              Then            then,
              gpointer        data,
              GDestroyNotify  destroy)
{
  PactePortfolio *doc = document (self);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (doc == NULL || !pacte_portfolio_get_modified (doc))
    {
      pending_run (pending_new (self, then, data, destroy));
      return;
    }

  name = document_name (self);
  if (keep_draft)
    body = g_strdup_printf (_("“%s” has changes that are not saved. Save them, keep them as a draft "
                              "that Pacte offers to restore when it starts, or discard them."), name);
  else
    body = g_strdup_printf (_("“%s” has changes that are not saved. If you do not save them, they will be lost."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  if (keep_draft)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep as Draft"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "save", _("_Save"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response),
                    pending_new (self, then, data, destroy));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- opening -------------------------------------------------------- */

static void
on_open_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          PacteWindow     *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file != NULL)
    pacte_window_open_files (self, &file, 1);
  g_object_unref (self);
}

static void
choose_file_to_open (PacteWindow *self,
                     gpointer     data)
{
  GtkFileChooserNative *chooser;
  PactePortfolio *doc = document (self);

  chooser = gtk_file_chooser_native_new (_("Open Portfolio"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filters (GTK_FILE_CHOOSER (chooser));
  if (doc != NULL && pacte_portfolio_get_file (doc) != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (pacte_portfolio_get_file (doc));

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The window where file is shown or being opened. */
static PacteWindow *
find_window (PacteWindow *self,
             GFile       *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GFile *own;

  if (PACTE_IS_APPLICATION (app))
    return pacte_application_find_window (PACTE_APPLICATION (app), file);
  own = pacte_window_get_file (self);
  return own != NULL && g_file_equal (own, file) ? self : NULL;
}

void
pacte_window_open_files (PacteWindow  *self,
                         GFile       **files,
                         guint         n_files)
{
  GtkApplication *app;
  PacteWindow *empty;

  g_return_if_fail (PACTE_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  app = gtk_window_get_application (GTK_WINDOW (self));
  empty = pacte_window_is_empty (self) ? self : NULL;
  for (guint i = 0; i < n_files; i++)
    {
      PacteWindow *window = find_window (self, files[i]);

      if (window == NULL)
        {
          window = empty != NULL ? empty : pacte_window_new (PACTE_IS_APPLICATION (app) ? PACTE_APPLICATION (app) : NULL);
          empty = NULL;
          pacte_window_open_file (window, files[i]);
        }
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* ---- files dropped on the window ------------------------------------ */

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         PacteWindow   *self)
{
  GSList *dropped;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  dropped = gdk_file_list_get_files (g_value_get_boxed (value));
  /* Portfolios are JSON files; the loader says what is wrong with the others. */
  for (GSList *l = dropped; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (name != NULL && g_str_has_suffix (name, ".json"))
        g_ptr_array_add (files, l->data);
    }
  if (files->len > 0)
    pacte_window_open_files (self, (GFile **) files->pdata, files->len);
  else if (dropped != NULL)
    pacte_window_show_toast (self, _("Only portfolio files (.pacte.json) can be opened"));
  g_slist_free (dropped);
  return files->len > 0;
}

void
_pacte_window_init_document_life (PacteWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (_pacte_window_update_recent), self, G_CONNECT_SWAPPED);
  _pacte_window_update_recent (self);
  _pacte_window_update_history (self);
}

static void
start_new (PacteWindow *self,
           gpointer     data)
{
  g_autoptr(PactePortfolio) portfolio = pacte_portfolio_new ();

  pacte_window_set_portfolio (self, portfolio);
}

static void
close_now (PacteWindow *self,
           gpointer     data)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_window_state (PacteWindow *self)
{
  int width = 0, height = 0;

  if (self->settings == NULL)
    return;

  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
}

gboolean
_pacte_window_close_request (GtkWindow *window)
{
  PacteWindow *self = PACTE_WINDOW (window);
  PactePortfolio *doc = document (self);

  if (!self->close_confirmed && doc != NULL && pacte_portfolio_get_modified (doc))
    {
      confirm_then (self, TRUE, close_now, NULL, NULL);
      return TRUE;
    }
  save_window_state (self);
  return FALSE;
}

/* ---- actions -------------------------------------------------------- */

/* ("plan-id", "rule-id"): the plan, at what fixes the rule. */
static void
action_show_rule (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PacteWindow *self = PACTE_WINDOW (widget);
  PactePortfolio *portfolio = pacte_window_get_portfolio (self);
  const char *plan_id, *rule_id;
  PactePlan *plan;

  if (portfolio == NULL)
    return;
  g_variant_get (parameter, "(&s&s)", &plan_id, &rule_id);
  plan = pacte_portfolio_find_plan (portfolio, plan_id);
  if (plan != NULL)
    pacte_window_show_rule (self, plan, rule_id);
}

static void
action_new (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  confirm_then (PACTE_WINDOW (widget), FALSE, start_new, NULL, NULL);
}

static void
action_open (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  /* Nothing to confirm: a window with a document opens the file in another. */
  choose_file_to_open (PACTE_WINDOW (widget), NULL);
}

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  if (_pacte_window_stop_at_rejected (PACTE_WINDOW (widget)))
    return;
  save_then (PACTE_WINDOW (widget), NULL, NULL);
}

static void
action_save_as (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (_pacte_window_stop_at_rejected (PACTE_WINDOW (widget)))
    return;
  save_as_then (PACTE_WINDOW (widget), NULL);
}

/* ---- reviews -------------------------------------------------------- */

static void
on_review_recorded (PacteWindow *self)
{
  pacte_window_show_toast (self, _("Review recorded"));
}

static void
action_record_review (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PacteWindow *self = PACTE_WINDOW (widget);
  GtkWidget *dialog;

  if (self->context == NULL || self->plan == NULL)
    return;
  dialog = pacte_review_dialog_new (GTK_WINDOW (self), self->context, self->plan);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_review_recorded), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_close (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
action_search (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PacteWindow *self = PACTE_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "partners") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->partner_search));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->plan_search));
}

static void
action_toggle_rules (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PacteWindow *self = PACTE_WINDOW (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->rules_toggle)))
    gtk_toggle_button_set_active (self->rules_toggle,
                                  !gtk_toggle_button_get_active (self->rules_toggle));
}

static void
action_add (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PacteWindow *self = PACTE_WINDOW (widget);
  PactePortfolio *doc = document (self);
  gboolean is_plan = g_str_equal (action_name, "win.add-plan");
  guint field = is_plan ? PACTE_PORTFOLIO_PLANS : PACTE_PORTFOLIO_PARTNERS;
  GListModel *list;
  g_autoptr(PacteRecord) record = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *name_row;

  if (doc == NULL)
    return;

  list = pacte_record_get_list (PACTE_RECORD (doc), field);
  id = pacte_portfolio_new_id (doc, PACTE_RECORD (doc), field, is_plan ? "plan" : "p");
  record = g_object_new (is_plan ? PACTE_TYPE_PLAN : PACTE_TYPE_PARTNER, NULL);
  if (!pacte_record_set_string (record, is_plan ? PACTE_PLAN_ID : PACTE_PARTNER_ID, id, &error) ||
      !pacte_record_set_string (record, is_plan ? PACTE_PLAN_NAME : PACTE_PARTNER_NAME,
                                is_plan ? _("New Plan") : _("New Partner"), &error))
    {
      _pacte_window_show_message (self, is_plan ? _("Could Not Add a Plan") : _("Could Not Add a Partner"),
                    error->message);
      return;
    }
  pacte_record_list_insert (PACTE_RECORD (doc), field, g_list_model_get_n_items (list), record);

  if (is_plan)
    pacte_window_select_plan (self, PACTE_PLAN (record));
  else
    pacte_window_select_partner (self, PACTE_PARTNER (record));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  /* A new record is named first: its name is focused, its placeholder name
   * selected, so typing replaces it. */
  name_row = is_plan
    ? pacte_plan_editor_get_field_row (PACTE_PLAN_EDITOR (self->plan_editor), "name")
    : pacte_partner_editor_get_field_row (PACTE_PARTNER_EDITOR (self->partner_editor), "name");
  if (name_row != NULL && pacte_field_row_focus_editor (PACTE_FIELD_ROW (name_row)))
    {
      GtkWidget *editor = pacte_field_row_get_editor (PACTE_FIELD_ROW (name_row));

      if (GTK_IS_EDITABLE (editor))
        gtk_editable_select_region (GTK_EDITABLE (editor), 0, -1);
    }
}

void
_pacte_window_class_add_document_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, action_new);
  gtk_widget_class_install_action (widget_class, "win.show-rule", "(ss)", action_show_rule);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, action_open);
  _pacte_window_install_recent_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, action_redo);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, action_save_as);
  _pacte_window_class_add_print_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.record-review", NULL, action_record_review);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, action_close);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "win.toggle-rules", NULL, action_toggle_rules);
  gtk_widget_class_install_action (widget_class, "win.add-plan", NULL, action_add);
  gtk_widget_class_install_action (widget_class, "win.add-partner", NULL, action_add);
}
