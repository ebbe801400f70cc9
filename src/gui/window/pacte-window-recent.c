/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-recent.c: the window's Open Recent menu: the portfolios used
 * last, newest first, their folders named when two share a name. */
#include "config.h"

#include "pacte-i18n.h"
#include "pacte-window-private.h"

#define MAX_RECENT 10

static gboolean
is_recent_portfolio (GtkRecentInfo *info)
{
  return (g_str_has_suffix (gtk_recent_info_get_uri (info), ".pacte.json") ||
          g_strcmp0 (gtk_recent_info_get_mime_type (info), "application/x-pacte+json") == 0) &&
         gtk_recent_info_exists (info);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  /* Newest first. */
  return g_date_time_compare (gtk_recent_info_get_modified ((GtkRecentInfo *) b),
                              gtk_recent_info_get_modified ((GtkRecentInfo *) a));
}

void
_pacte_window_update_recent (PacteWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  GList *portfolios = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  for (GList *l = items; l != NULL; l = l->next)
    if (is_recent_portfolio (l->data))
      portfolios = g_list_prepend (portfolios, l->data);
  portfolios = g_list_sort (portfolios, compare_recent);

  /* Two files of the same name: their folders tell them apart. */
  for (GList *l = portfolios; l != NULL && n < MAX_RECENT; l = l->next, n++)
    {
      const char *name = gtk_recent_info_get_display_name (l->data);

      g_hash_table_insert (names, (gpointer) name, GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (names, name)) + 1));
    }

  g_menu_remove_all (self->recent_menu);
  n = 0;
  for (GList *l = portfolios; l != NULL && n < MAX_RECENT; l = l->next, n++)
    {
      GtkRecentInfo *info = l->data;
      const char *name = gtk_recent_info_get_display_name (info);
      g_autofree char *label = _pacte_window_escape_underline (name);
      g_autoptr(GMenuItem) item = NULL;

      if (GPOINTER_TO_INT (g_hash_table_lookup (names, name)) > 1)
        {
          g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
          g_autofree char *folder = _pacte_window_document_folder (file);
          g_autofree char *escaped = _pacte_window_escape_underline (folder);

          g_free (label);
          /* Translators: a recent file whose name another one has: "plans.pacte.json (~/Documents)" */
          label = g_strdup_printf (_("%s (%s)"), name, escaped);
        }
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->recent_menu, item);
    }
  if (n == 0)
    g_menu_append (self->recent_menu, _("No Recent Portfolios"), "win.no-recent");

  g_list_free (portfolios);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* The placeholder of an empty Open Recent menu: always disabled. */
static void
action_nothing (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
}

static void
action_open_recent (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  pacte_window_open_files (PACTE_WINDOW (widget), &file, 1);
}

void
_pacte_window_install_recent_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", action_open_recent);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, action_nothing);
}
