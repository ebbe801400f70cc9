/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-reveal.c: scrolling a widget into view (and focusing it) once it
 * is laid out, for the editors' "go to the field that fixes this rule". */
#include "config.h"

#include "pacte-reveal.h"

typedef struct {
  guint    frames;
  gboolean focus;
} RevealData;

static void
scroll_now (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *view;
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double page, value;

  if (scrolled == NULL)
    return;
  view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (view == NULL)
    return;
  /* Positions in the scrolled content, not in what is visible: they do not
   * depend on the current scroll, which another reveal of the same frame
   * (a section, then its first row) may just have changed before the layout
   * caught up.  Measured from the visible area, the second reveal added its
   * offset to the first one's and scrolled far past its widget. */
  content = GTK_IS_VIEWPORT (view) ? gtk_viewport_get_child (GTK_VIEWPORT (view)) : NULL;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  page = gtk_adjustment_get_page_size (adjustment);
  value = gtk_adjustment_get_value (adjustment);
  if (content != NULL)
    {
      if (!gtk_widget_compute_bounds (widget, content, &bounds))
        return;
    }
  else
    {
      if (!gtk_widget_compute_bounds (widget, view, &bounds))
        return;
      bounds.origin.y += value;
    }

  /* Move only when the widget is not wholly in view, and then show it with
   * some context above. */
  if (bounds.origin.y < value || bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y - 100);
}

static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  RevealData *data = user_data;

  /* The first tick comes before the layout of the frame that shows the
   * widget; by the second its position is known. */
  if (++data->frames < 2)
    return G_SOURCE_CONTINUE;
  /* An expander opening slides its content in: wait until it is in place. */
  if (data->frames < 60)
    {
      for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
        if (GTK_IS_REVEALER (w)
            && gtk_revealer_get_reveal_child (GTK_REVEALER (w))
            && !gtk_revealer_get_child_revealed (GTK_REVEALER (w)))
          return G_SOURCE_CONTINUE;
    }
  scroll_now (widget);
  if (data->focus)
    {
      GtkWidget *current = gtk_root_get_focus (gtk_widget_get_root (widget));

      /* It may not have been focusable yet (in an expander still closed). */
      if (current == NULL || (current != widget && !gtk_widget_is_ancestor (current, widget)))
        gtk_widget_grab_focus (widget);
    }
  return G_SOURCE_REMOVE;
}

gboolean
pacte_reveal_widget (GtkWidget *widget,
                     gboolean   focus)
{
  RevealData *data;
  gboolean focused = FALSE;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (focus)
    {
      GtkRoot *root = gtk_widget_get_root (widget);

      focused = gtk_widget_grab_focus (widget) || gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
      /* GTK shows the focus ring only after a key press: the user was
       * taken here and must see where. */
      if (GTK_IS_WINDOW (root))
        gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
    }

  data = g_new0 (RevealData, 1);
  data->focus = focus;
  gtk_widget_add_tick_callback (widget, reveal_tick_cb, data, g_free);
  return focused || !focus;
}
