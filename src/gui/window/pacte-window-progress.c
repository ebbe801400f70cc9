/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-progress.c: while a file opens, the window stays usable and,
 * past a short delay, says how far the opening is (the share of the file
 * parsed) with a button to cancel it; a cancelled or failed open leaves the
 * window as it was. */
#include "config.h"

#include "pacte-accessible.h"

#include "pacte-i18n.h"
#include "pacte-window-private.h"

/* A quick open shows nothing: no page flashes by. */
#define PROGRESS_DELAY_MS 300
/* The page changes five times a second at most: each change is a frame,
 * and a frame takes the processor from the load (with GTK's OpenGL
 * renderer in software, 35 to 60 ms of it for the whole window: at every
 * percent, that made an open 1.85 times the load alone). */
#define PROGRESS_PERIOD_US (200 * 1000)

static void
build_page (PacteWindow *self)
{
  GtkWidget *box, *header, *status, *content, *cancel;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Pacte"), NULL));
  gtk_box_append (GTK_BOX (box), header);

  status = adw_status_page_new ();
  gtk_widget_set_vexpand (status, TRUE);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "document-open-symbolic");
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_halign (content, GTK_ALIGN_CENTER);
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress_bar, TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self->progress_bar), 300, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Opening"), -1);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->progress_bar));
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (cancel, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "win.cancel-open");
  gtk_box_append (GTK_BOX (content), cancel);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), content);
  gtk_box_append (GTK_BOX (box), status);

  self->progress_page = status;
  gtk_stack_add_named (self->main_stack, box, "loading");
  /* Made after the window was mapped (and tidied): the mnemonic button is
   * read once, without its underscore. */
  pacte_accessible_tidy (box);
}

static void
update_page (PacteWindow *self)
{
  GFile *file = pacte_document_get_file (self->document);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *percent = NULL;
  double progress = pacte_document_get_progress (self->document);

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      name = g_filename_display_name (basename);
    }
  /* Translators: %s is a file name */
  title = name != NULL ? g_strdup_printf (_("Opening “%s”"), name) : g_strdup (_("Opening"));
  if (g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (self->progress_page)), title) != 0)
    adw_status_page_set_title (ADW_STATUS_PAGE (self->progress_page), title);
  /* Translators: how much of the file is read, as a percentage ("42 %" in French) */
  percent = g_strdup_printf (_("%d%%"), (int) (progress * 100));
  /* The load tells every thousandth: the page changes (is laid out and
   * drawn again, in the main loop the load shares the processor with) when
   * the percent does, five times a second at most. */
  if (g_strcmp0 (gtk_progress_bar_get_text (self->progress_bar), percent) == 0)
    return;
  if (g_get_monotonic_time () - self->progress_shown_at < PROGRESS_PERIOD_US &&
      gtk_progress_bar_get_text (self->progress_bar) != NULL)
    return;
  self->progress_shown_at = g_get_monotonic_time ();
  gtk_progress_bar_set_fraction (self->progress_bar, progress);
  gtk_progress_bar_set_text (self->progress_bar, percent);
}

/* While the file loads, the document page is styled and measured, a part
 * per turn of the main loop, after the progress page's frame: the frame
 * that shows the portfolio then lays it out and draws it without working
 * out its styles and text for the first time. */
static gboolean
warm_idle (gpointer data)
{
  PacteWindow *self = data;
  GtkWidget *part = NULL;
  int min, nat;

  if (!pacte_document_get_loading (self->document))
    {
      self->warm_id = 0;
      return G_SOURCE_REMOVE;
    }
  switch (self->warm_step++)
    {
    case 0:
      /* In the window, not shown. */
      if (gtk_widget_get_parent (self->document_page) == NULL)
        gtk_stack_add_named (self->main_stack, self->document_page, "document");
      return G_SOURCE_CONTINUE;
    case 1:
      part = self->sidebar;
      break;
    case 2:
      part = self->content;
      break;
    default:
      self->warm_id = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_widget_measure (part, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  gtk_widget_measure (part, GTK_ORIENTATION_VERTICAL, -1, &min, &nat, NULL, NULL);
  return G_SOURCE_CONTINUE;
}

static void
warm_start (PacteWindow *self)
{
  if (self->warm_id != 0 || gtk_widget_get_parent (self->document_page) != NULL)
    return;
  self->warm_step = 0;
  self->warm_id = g_idle_add_full (G_PRIORITY_LOW, warm_idle, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->warm_id), "[pacte] style document page");
}

/* Over a portfolio shown, its long lists give back their rows while the
 * file loads and the progress page hides them, a batch per turn: the turn
 * that shows the new portfolio then has a few rows to destroy rather than
 * the 400 GTK 4.8's two list views keep (about 50 ms). */
static gboolean
shrink_idle (gpointer data)
{
  PacteWindow *self = data;

  if (pacte_document_get_loading (self->document) && _pacte_window_progress_shown (self)
      && _pacte_window_lists_shrink_step (self))
    return G_SOURCE_CONTINUE;
  self->shrink_id = 0;
  return G_SOURCE_REMOVE;
}

static void
shrink_start (PacteWindow *self)
{
  if (self->shrink_id != 0 || self->context == NULL)
    return;
  self->shrink_id = g_idle_add_full (G_PRIORITY_LOW, shrink_idle, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->shrink_id), "[pacte] lists give rows back");
}

static gboolean
progress_timeout_cb (gpointer data)
{
  PacteWindow *self = data;

  self->progress_timeout = 0;
  if (!pacte_document_get_loading (self->document))
    return G_SOURCE_REMOVE;
  if (self->progress_page == NULL)
    build_page (self);
  /* The page shows the figure of now. */
  self->progress_shown_at = 0;
  update_page (self);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  warm_start (self);
  shrink_start (self);
  return G_SOURCE_REMOVE;
}

gboolean
_pacte_window_progress_shown (PacteWindow *self)
{
  return self->progress_page != NULL
         && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "loading") == 0;
}

void
_pacte_window_update_progress (PacteWindow *self)
{
  if (pacte_document_get_loading (self->document))
    {
      if (g_strcmp0 (adw_window_title_get_subtitle (self->window_title), _("Opening…")) != 0)
        adw_window_title_set_subtitle (self->window_title, _("Opening…"));
      if (_pacte_window_progress_shown (self))
        update_page (self);
      else if (self->progress_timeout == 0)
        self->progress_timeout = g_timeout_add (self->progress_delay, progress_timeout_cb, self);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-open", TRUE);
      return;
    }

  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  g_clear_handle_id (&self->shrink_id, g_source_remove);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-open", FALSE);
  if (_pacte_window_progress_shown (self))
    gtk_stack_set_visible_child_name (self->main_stack, self->context != NULL ? "document" : "empty");
  _pacte_window_update_title (self);
}

void
_pacte_window_set_progress_delay (PacteWindow *self,
                                  guint        delay_ms)
{
  self->progress_delay = delay_ms;
}

static void
action_cancel_open (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  pacte_document_cancel_load (PACTE_WINDOW (widget)->document);
}

void
_pacte_window_progress_init (PacteWindow *self)
{
  self->progress_delay = PROGRESS_DELAY_MS;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-open", FALSE);
}

void
_pacte_window_progress_dispose (PacteWindow *self)
{
  g_clear_handle_id (&self->progress_timeout, g_source_remove);
  g_clear_handle_id (&self->warm_id, g_source_remove);
  g_clear_handle_id (&self->shrink_id, g_source_remove);
}

void
_pacte_window_class_add_progress_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, action_cancel_open);
}
