/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What a screen reader hears, where GTK 4.8's own names say too much or
 * nothing.
 *
 * GTK 4.8 names a button with a mnemonic twice: its "label" property holds
 * the raw text ("_Open…") and its label child, the mnemonic label, is also
 * "labelled-by" it ("Open…"); AT-SPI reads both: "_Open… Open…".  The same
 * holds for libadwaita's message dialog responses.  A drop-down's inner
 * toggle button, which takes the focus, has no name at all and is read as
 * its class ("GtkToggleButton"), as is an icon button ("GtkImage")
 * that only has a tooltip.  pacte_accessible_tidy() walks a widget tree and
 * fixes them; pacte_accessible_watch_windows() runs it on every
 * window of the application when it is mapped, dialogs included.
 * tests/e2e/test-a11y.py audits the result through the accessibility bus.
 */
#include "config.h"

#include "pacte-accessible.h"

#include <glib/gi18n.h>

static void
tidy_button (GtkButton *button)
{
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (button));

  /* An icon button is read by its tooltip, not as "GtkImage". */
  if (gtk_button_get_label (button) == NULL && tooltip != NULL
      && GTK_IS_IMAGE (gtk_button_get_child (button)))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  /* The label child (labelled-by) already says it, without the underscore. */
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
tidy_drop_down (GtkWidget *drop_down)
{
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (drop_down); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, NULL,
                                      -1);
}

void
pacte_accessible_tidy (GtkWidget *root)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    tidy_button (GTK_BUTTON (root));
  else if (GTK_IS_DROP_DOWN (root))
    tidy_drop_down (root);
  for (child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    pacte_accessible_tidy (child);
}

/* Connect to "map" of a widget whose children come and go (a dialog, a
 * popover): tidied each time it shows. */
void
pacte_accessible_tidy_on_map (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_signal_connect (widget, "map", G_CALLBACK (pacte_accessible_tidy), NULL);
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (g_object_get_data (window, "pacte-accessible-tidy") == NULL)
        {
          g_object_set_data (window, "pacte-accessible-tidy", GINT_TO_POINTER (TRUE));
          pacte_accessible_tidy_on_map (GTK_WIDGET (window));
        }
    }
}

/* Every toplevel, message dialogs included (they need not belong to the
 * application), is tidied when it is mapped. */
void
pacte_accessible_watch_windows (GtkApplication *app)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_return_if_fail (GTK_IS_APPLICATION (app));

  toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels));
  g_signal_connect (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), NULL);
}

static void
name_unnamed_buttons (GtkWidget *root)
{
  GtkWidget *child;

  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_label (GTK_MENU_BUTTON (root)) == NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Sections"), -1);
  else if (GTK_IS_TOGGLE_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) == NULL
           && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (root)))
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Search Shortcuts"), -1);
  else if (GTK_IS_SEARCH_ENTRY (root))
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Search Shortcuts"), -1);
  for (child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    name_unnamed_buttons (child);
}

/* GtkShortcutsWindow has no title of its own, and its header's section
 * switcher, search button (icons only) and search entry no names: a screen reader reads
 * "GtkShortcutsWindow", "GtkMenuButton", "GtkImage". */
void
pacte_accessible_name_shortcuts_window (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (window));

  if (gtk_window_get_title (window) == NULL)
    gtk_window_set_title (window, _("Keyboard Shortcuts"));
  name_unnamed_buttons (GTK_WIDGET (window));
}
