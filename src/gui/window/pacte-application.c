/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pacte-application.h"
#include "pacte-accessible.h"
#include "pacte-i18n.h"
#include "pacte-language.h"
#include "pacte-drafts-dialog.h"
#include "pacte-window.h"

struct _PacteApplication
{
  AdwApplication  parent_instance;

  PacteRuleSet   *rules;
  GSettings      *settings;
  gboolean        drafts_offered;  /* drafts are offered once per run */
};

G_DEFINE_FINAL_TYPE (PacteApplication, pacte_application, ADW_TYPE_APPLICATION)

static PacteWindow *
get_reusable_window (PacteApplication *self)
{
  /* An active window with no document yet takes the first file. */
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (PACTE_IS_WINDOW (window) && pacte_window_is_empty (PACTE_WINDOW (window)))
    return PACTE_WINDOW (window);
  return NULL;
}

PacteWindow *
pacte_application_find_window (PacteApplication *self,
                               GFile            *file)
{
  g_return_val_if_fail (PACTE_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!PACTE_IS_WINDOW (l->data))
        continue;
      shown = pacte_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }
  return NULL;
}

/* ---- Drafts of a previous run ----------------------------------------- */

typedef struct {
  PacteApplication *app;
  PacteWindow      *parent;  /* weak */
} Offer;

static void
offer_free (gpointer  data,
            GClosure *closure)
{
  Offer *offer = data;

  if (offer->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (offer->parent), (gpointer *) &offer->parent);
  g_free (offer);
}

static void
restore_cb (PacteDraftsDialog *dialog,
            PacteDraftInfo    *info,
            Offer             *offer)
{
  g_autoptr(PacteDraftStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PacteWindow *window = offer->parent;
  GFile *file = pacte_draft_info_get_file (info);
  PacteWindow *showing;

  store = pacte_draft_store_new (NULL);
  /* The draft of a file open in a window replaces it there (its own
   * changes, if any, are kept as a draft in turn): one window per file. */
  showing = file != NULL ? pacte_application_find_window (offer->app, file) : NULL;
  if (showing != NULL)
    window = showing;
  else if (window == NULL || !pacte_window_is_empty (window))
    window = pacte_window_new (offer->app);
  /* The first restored draft takes the empty window; the next get their own. */
  if (offer->parent != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (offer->parent), (gpointer *) &offer->parent);
      offer->parent = NULL;
    }

  if (!pacte_window_restore_draft (window, store, pacte_draft_info_get_id (info), &error))
    {
      GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (window),
                                                   _("Could Not Restore the Draft"),
                                                   error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (window));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
}

GtkWindow *
pacte_application_offer_drafts (PacteApplication *self,
                                PacteWindow      *parent)
{
  g_autoptr(PacteDraftStore) store = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  PacteDraftsDialog *dialog;
  Offer *offer;

  g_return_val_if_fail (PACTE_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (parent == NULL || PACTE_IS_WINDOW (parent), NULL);

  /* Drafts written by this run belong to its open windows: offered only
   * at start-up. */
  if (self->drafts_offered)
    return NULL;
  self->drafts_offered = TRUE;

  store = pacte_draft_store_new (NULL);
  drafts = pacte_draft_store_list (store, NULL);
  if (drafts == NULL || drafts->len == 0)
    return NULL;

  dialog = pacte_drafts_dialog_new (store, drafts);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (parent));

  offer = g_new0 (Offer, 1);
  offer->app = self;
  /* Only an empty window may take a draft, and only while it exists. */
  if (parent != NULL && pacte_window_is_empty (parent))
    {
      offer->parent = parent;
      g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &offer->parent);
    }
  g_signal_connect_data (dialog, "restore", G_CALLBACK (restore_cb), offer, offer_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/* ---- Application -------------------------------------------------------- */

static void
pacte_application_activate (GApplication *app)
{
  PacteApplication *self = PACTE_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (pacte_window_new (self));
  gtk_window_present (window);
  /* Unsaved work from a previous run that ended badly. */
  pacte_application_offer_drafts (self, PACTE_WINDOW (window));
}

static void
pacte_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  PacteApplication *self = PACTE_APPLICATION (app);
  PacteWindow *window = get_reusable_window (self);
  PacteWindow *shown = NULL;

  /* One window per portfolio: a file already open brings its window
   * forward; the others take the empty active window, then new ones. */
  for (int i = 0; i < n_files && window == NULL; i++)
    if ((shown = pacte_application_find_window (self, files[i])) == NULL)
      window = pacte_window_new (self);
  if (window == NULL)
    window = shown;
  if (window != NULL)
    pacte_window_open_files (window, files, (guint) n_files);

  /* Unsaved work from a previous run that ended badly, also when the
   * program was started with files (offered once per run). */
  pacte_application_offer_drafts (self, window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PacteApplication *self = PACTE_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing goes through each window's confirmation for unsaved changes;
   * the application ends when the last window is gone. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

GtkWindow *
pacte_application_show_about (PacteApplication *self,
                              GtkWindow        *parent)
{
  static const char *developers[] = { "The Pacte contributors", NULL };
  GtkWidget *about;

  g_return_val_if_fail (PACTE_IS_APPLICATION (self), NULL);

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", _("Pacte"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Pacte contributors"),
                        "comments", _("Partner records and partnership plans, checked live against the sixteen golden rules of partnership, with printable review reports."),
                        "website", "https://github.com/pacte/pacte",
                        "issue-url", "https://github.com/pacte/pacte/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© The Pacte contributors"),
                        /* Translators: your names, one per line, to be credited in the About window */
                        "translator-credits", _("translator-credits"),
                        "developers", developers,
                        NULL);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("Golden Rules"),
                                                (const char *[]) {
                                                  _("The sixteen golden rules of effective partnership programs, after a 2005 French article on alliance management"),
                                                  NULL });
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), parent != NULL);
  gtk_window_present (GTK_WINDOW (about));
  return GTK_WINDOW (about);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  PacteApplication *self = PACTE_APPLICATION (user_data);

  pacte_application_show_about (self, gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  PacteApplication *self = PACTE_APPLICATION (user_data);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/pacte/Pacte/ui/pacte-shortcuts.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts"));
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (parent != NULL)
    {
      gtk_window_set_transient_for (shortcuts, parent);
      gtk_window_set_modal (shortcuts, TRUE);
    }
  pacte_accessible_name_shortcuts_window (shortcuts);
  gtk_window_present (shortcuts);
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  PacteApplication *self = PACTE_APPLICATION (user_data);

  gtk_window_present (GTK_WINDOW (pacte_window_new (self)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "shortcuts", shortcuts_activated },
  { "new-window", new_window_activated },
};

/* Keep in step with ui/pacte-shortcuts.ui. */
static const struct {
  const char *action;
  const char *accel;
  const char *other;
} accels[] = {
  { "app.quit", "<Control>q" },
  { "app.shortcuts", "<Control>question" },
  { "app.new-window", "<Control><Shift>n" },
  { "win.new", "<Control>n" },
  { "win.open", "<Control>o" },
  { "win.save", "<Control>s" },
  { "win.save-as", "<Control><Shift>s" },
  { "win.print", "<Control>p" },
  { "win.close", "<Control>w" },
  { "win.search", "<Control>f" },
  { "win.toggle-rules", "F9" },
  { "win.undo", "<Control>z" },
  { "win.redo", "<Control><Shift>z", "<Control>y" },
};

static void
pacte_application_startup (GApplication *app)
{
  PacteApplication *self = PACTE_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (pacte_application_parent_class)->startup (app);

  /* Dark style follows the system (the default of AdwStyleManager). */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  /* Run from the build tree: its compiled schema (data/), before any
   * installed one. */
  if (pacte_uninstalled_build_root () != NULL)
    {
      g_autofree char *dir = g_build_filename (pacte_uninstalled_build_root (), "data", NULL);
      g_autoptr(GSettingsSchemaSource) build = g_settings_schema_source_new_from_directory (dir, source, FALSE, NULL);

      if (build != NULL)
        schema = g_settings_schema_source_lookup (build, APP_ID, TRUE);
    }
  if (schema == NULL && source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);
  else
    g_debug ("Settings schema %s not installed: window size will not be remembered", APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  pacte_accessible_watch_windows (GTK_APPLICATION (self));

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           (const char *[]) { accels[i].accel, accels[i].other, NULL });
}

static void
pacte_application_dispose (GObject *object)
{
  PacteApplication *self = PACTE_APPLICATION (object);

  g_clear_object (&self->rules);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (pacte_application_parent_class)->dispose (object);
}

static void
pacte_application_class_init (PacteApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = pacte_application_dispose;
  app_class->activate = pacte_application_activate;
  app_class->open = pacte_application_open;
  app_class->startup = pacte_application_startup;
}

static void
pacte_application_init (PacteApplication *self)
{
}

PacteApplication *
pacte_application_new (void)
{
  return g_object_new (PACTE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/pacte/Pacte",
                       NULL);
}

PacteRuleSet *
pacte_application_get_rules (PacteApplication *self)
{
  g_return_val_if_fail (PACTE_IS_APPLICATION (self), NULL);
  /* Parsed at the first use, not before the first window is drawn. */
  if (self->rules == NULL)
    self->rules = g_object_ref (pacte_rule_set_get_default ());
  return self->rules;
}

GSettings *
pacte_application_get_settings (PacteApplication *self)
{
  g_return_val_if_fail (PACTE_IS_APPLICATION (self), NULL);
  return self->settings;
}
