/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-drafts-dialog.c: restore or discard the drafts left by a crash. */
#include "config.h"

#include "pacte-drafts-dialog.h"
#include "pacte-i18n.h"
#include "pacte-report-format.h"

struct _PacteDraftsDialog
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkListBox      *list_box;

  PacteDraftStore *store;
  GHashTable      *rows;     /* draft id -> GtkWidget row (not referenced) */
};

G_DEFINE_FINAL_TYPE (PacteDraftsDialog, pacte_drafts_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* format (a g_date_time_format() format) with %B replaced by the month's
 * name in the interface's language, not in the locale's. */
static char *
format_with_month (GDateTime  *local,
                   const char *format)
{
  const char *month = pacte_format_month_name (pacte_i18n_user_language (),
                                              g_date_time_get_month (local));
  g_autoptr(GString) out = g_string_new (format);

  g_string_replace (out, "%B", month, 0);
  return g_date_time_format (local, out->str);
}

/* Whole days from saved's day to now's day, in local time. */
static GTimeSpan
days_before (GDateTime *local,
             GDateTime *local_now)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) today = NULL;

  day = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                               g_date_time_get_day_of_month (local), 0, 0, 0);
  today = g_date_time_new_local (g_date_time_get_year (local_now), g_date_time_get_month (local_now),
                                 g_date_time_get_day_of_month (local_now), 0, 0, 0);
  /* Whole days, rounded: a day with a change of summer time is 23 or 25 h. */
  return (g_date_time_difference (today, day) + G_TIME_SPAN_HOUR * 12) / G_TIME_SPAN_DAY;
}

char *
pacte_drafts_format_time (GDateTime *saved,
                          GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  GTimeSpan days;
  const char *format;

  g_return_val_if_fail (saved != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_local (saved);
  local_now = g_date_time_to_local (now);
  days = days_before (local, local_now);

  if (days == 0)
    /* Translators: when a draft was saved; a g_date_time_format() format. */
    format = _("today at %H:%M");
  else if (days == 1)
    /* Translators: when a draft was saved; a g_date_time_format() format. */
    format = _("yesterday at %H:%M");
  else if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* Translators: when a draft was saved this year ("3 March at 18:40");
     * a g_date_time_format() format. */
    format = _("%-d %B at %H:%M");
  else
    /* Translators: when a draft was saved ("3 March 2026 at 18:40");
     * a g_date_time_format() format. */
    format = _("%-d %B %Y at %H:%M");

  return format_with_month (local, format);
}

char *
pacte_drafts_format_draft_time (GDateTime *saved,
                                GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  gboolean first = FALSE;
  GTimeSpan days;
  const char *format;

  g_return_val_if_fail (saved != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_local (saved);
  local_now = g_date_time_to_local (now);
  days = days_before (local, local_now);
  first = g_date_time_get_day_of_month (local) == 1;

  if (days == 0)
    /* Translators: a draft's row in the drafts dialog; a g_date_time_format()
     * format (%H hour, %M minutes; French writes « à 16 h 33 »: %-H h %M). */
    format = _("Draft from today at %H:%M");
  else if (days == 1)
    /* Translators: a g_date_time_format() format, as "Draft from today at %H:%M". */
    format = _("Draft from yesterday at %H:%M");
  else if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    format = first
      /* Translators: as "Draft from %-d %B at %H:%M", on the first day of
       * the month (French: « du 1er mars »). */
      ? C_("first day of the month", "Draft from %-d %B at %H:%M")
      /* Translators: a draft from this year ("Draft from 3 March at 18:40");
       * a g_date_time_format() format, %B the month's name. */
      : _("Draft from %-d %B at %H:%M");
  else
    format = first
      /* Translators: as "Draft from %-d %B %Y at %H:%M", on the first day of
       * the month (French: « du 1er mars 2026 »). */
      ? C_("first day of the month", "Draft from %-d %B %Y at %H:%M")
      /* Translators: a draft from another year ("Draft from 3 March 2026 at
       * 18:40"); a g_date_time_format() format, %B the month's name. */
      : _("Draft from %-d %B %Y at %H:%M");

  return format_with_month (local, format);
}

char *
pacte_drafts_format_name (PacteDraftInfo *info)
{
  GFile *file;

  g_return_val_if_fail (PACTE_IS_DRAFT_INFO (info), NULL);

  file = pacte_draft_info_get_file (info);
  if (file == NULL)
    return g_strdup (_("Unsaved portfolio"));

  {
    g_autofree char *basename = g_file_get_basename (file);

    return g_filename_display_name (basename);
  }
}

static void
later_clicked_cb (PacteDraftsDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
remove_row (PacteDraftsDialog *self,
            const char        *draft_id)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, draft_id);

  if (row == NULL)
    return;

  gtk_list_box_remove (self->list_box, row);
  g_hash_table_remove (self->rows, draft_id);

  if (g_hash_table_size (self->rows) == 0)
    gtk_window_close (GTK_WINDOW (self));
}

void
pacte_drafts_dialog_restore (PacteDraftsDialog *self,
                             const char        *draft_id)
{
  GtkWidget *row;
  PacteDraftInfo *info;

  g_return_if_fail (PACTE_IS_DRAFTS_DIALOG (self));
  g_return_if_fail (draft_id != NULL);

  row = g_hash_table_lookup (self->rows, draft_id);
  if (row == NULL)
    return;

  info = g_object_get_data (G_OBJECT (row), "pacte-draft-info");
  g_object_ref (info);
  g_signal_emit (self, signals[SIGNAL_RESTORE], 0, info);
  remove_row (self, draft_id);
  g_object_unref (info);
}

gboolean
pacte_drafts_dialog_discard (PacteDraftsDialog  *self,
                             const char         *draft_id,
                             GError            **error)
{
  g_return_val_if_fail (PACTE_IS_DRAFTS_DIALOG (self), FALSE);
  g_return_val_if_fail (draft_id != NULL, FALSE);

  if (!pacte_draft_store_remove (self->store, draft_id, error))
    return FALSE;

  remove_row (self, draft_id);
  return TRUE;
}

static void
restore_clicked_cb (GtkButton         *button,
                    PacteDraftsDialog *self)
{
  const char *draft_id = g_object_get_data (G_OBJECT (button), "pacte-draft-id");

  pacte_drafts_dialog_restore (self, draft_id);
}

static void
discard_clicked_cb (GtkButton         *button,
                    PacteDraftsDialog *self)
{
  g_autofree char *draft_id = g_strdup (g_object_get_data (G_OBJECT (button), "pacte-draft-id"));
  g_autoptr(GError) error = NULL;

  if (!pacte_drafts_dialog_discard (self, draft_id, &error))
    {
      /* A toast's title is markup; the message quotes a file name. */
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
    }
}

/* A folder as a person reads it: "~/Documents" under the home folder. */
static char *
folder_display_name (GFile *folder)
{
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = g_file_get_relative_path (home, folder);

  if (g_file_equal (folder, home))
    return g_strdup ("~");
  if (relative != NULL)
    {
      g_autofree char *shown = g_filename_display_name (relative);

      return g_strconcat ("~" G_DIR_SEPARATOR_S, shown, NULL);
    }
  return g_file_get_parse_name (folder);
}

static void
add_row (PacteDraftsDialog *self,
         PacteDraftInfo    *info,
         GDateTime         *now)
{
  g_autofree char *name = pacte_drafts_format_name (info);
  g_autofree char *when = pacte_drafts_format_draft_time (pacte_draft_info_get_saved (info), now);
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;
  const char *title = pacte_draft_info_get_title (info);
  const char *id = pacte_draft_info_get_id (info);
  GFile *file = pacte_draft_info_get_file (info);
  GtkWidget *row;
  GtkWidget *restore;
  GtkWidget *discard;

  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  /* "“Title” · Draft from today at 16:33 · in ~/Documents" */
  if (title[0] != '\0')
    /* Translators: a draft's portfolio title, in quotes. */
    g_ptr_array_add (parts, g_strdup_printf (_("“%s”"), title));
  g_ptr_array_add (parts, g_steal_pointer (&when));
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        {
          g_autofree char *folder = folder_display_name (parent);

          /* Translators: the folder of a draft's file ("in ~/Documents"). */
          g_ptr_array_add (parts, g_strdup_printf (_("in %s"), folder));
        }
    }
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  row = adw_action_row_new ();
  /* Before the title: set while markup is on, "R&D" would be parsed (and
   * warned about) once. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (file != NULL)
    {
      tooltip = g_file_get_parse_name (file);
      gtk_widget_set_tooltip_text (row, tooltip);
    }

  restore = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (restore, "suggested-action");
  g_object_set_data_full (G_OBJECT (restore), "pacte-draft-id", g_strdup (id), g_free);
  g_signal_connect (restore, "clicked", G_CALLBACK (restore_clicked_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (restore),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name, -1);

  discard = gtk_button_new_with_mnemonic (_("_Discard"));
  gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (discard), "pacte-draft-id", g_strdup (id), g_free);
  g_signal_connect (discard, "clicked", G_CALLBACK (discard_clicked_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (discard),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name, -1);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
  g_object_set_data_full (G_OBJECT (row), "pacte-draft-info", g_object_ref (info), g_object_unref);

  gtk_list_box_append (self->list_box, row);
  g_hash_table_insert (self->rows, g_strdup (id), row);
}

static void
pacte_drafts_dialog_dispose (GObject *object)
{
  PacteDraftsDialog *self = PACTE_DRAFTS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PACTE_TYPE_DRAFTS_DIALOG);

  G_OBJECT_CLASS (pacte_drafts_dialog_parent_class)->dispose (object);
}

static void
pacte_drafts_dialog_finalize (GObject *object)
{
  PacteDraftsDialog *self = PACTE_DRAFTS_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (pacte_drafts_dialog_parent_class)->finalize (object);
}

static void
pacte_drafts_dialog_class_init (PacteDraftsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacte_drafts_dialog_dispose;
  object_class->finalize = pacte_drafts_dialog_finalize;

  signals[SIGNAL_RESTORE] =
    g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PACTE_TYPE_DRAFT_INFO);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacte/Pacte/ui/pacte-drafts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PacteDraftsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PacteDraftsDialog, list_box);
  gtk_widget_class_bind_template_callback (widget_class, later_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pacte_drafts_dialog_init (PacteDraftsDialog *self)
{
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

PacteDraftsDialog *
pacte_drafts_dialog_new (PacteDraftStore *store,
                         GPtrArray       *drafts)
{
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  PacteDraftsDialog *self;

  g_return_val_if_fail (PACTE_IS_DRAFT_STORE (store), NULL);

  if (drafts == NULL)
    {
      /* An unreadable folder offers nothing: the drafts stay where they are. */
      listed = pacte_draft_store_list (store, NULL);
      drafts = listed;
    }

  self = g_object_new (PACTE_TYPE_DRAFTS_DIALOG, NULL);
  self->store = g_object_ref (store);

  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    add_row (self, g_ptr_array_index (drafts, i), now);

  return self;
}

guint
pacte_drafts_dialog_get_n_drafts (PacteDraftsDialog *self)
{
  g_return_val_if_fail (PACTE_IS_DRAFTS_DIALOG (self), 0);

  return g_hash_table_size (self->rows);
}
