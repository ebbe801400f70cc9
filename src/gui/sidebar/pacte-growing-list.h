/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-growing-list.h: the first items of a list, then more each frame,
 * until the whole list.
 *
 * GTK 4.8's GtkListView makes, binds and lays out a row for each of the
 * first 200 items of its model as soon as it has them (its
 * GTK_LIST_VIEW_MAX_LIST_ITEMS): given 2,000 plans at once, the frame that
 * shows a portfolio makes 200 rows where a screen shows 15.  Placed between
 * the sorted list and the view's selection, a growing list shows the view
 * the first items only (a screenful and more), then a batch more at each
 * frame of a widget, so that the rows are made a few per frame; once the
 * view has all the rows it keeps, the rest come at once (the view makes no
 * row for them).  Positions are the source's: the growing list is always a
 * prefix of it, and follows its changes.
 *
 * Code that looks for an item anywhere in the list (selecting a plan by
 * name, say) calls pacte_growing_list_complete() first. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PACTE_TYPE_GROWING_LIST (pacte_growing_list_get_type ())
G_DECLARE_FINAL_TYPE (PacteGrowingList, pacte_growing_list, PACTE, GROWING_LIST, GObject)

/* Shows all of source until pacte_growing_list_restart(). */
PacteGrowingList *pacte_growing_list_new       (GListModel       *source);
GListModel       *pacte_growing_list_get_source (PacteGrowingList *self);
/* From now on, shows the first first items of the source, and batch more
 * at each frame of widget (a tick callback) until it shows all (a source
 * filled just after starts small too). */
void              pacte_growing_list_restart   (PacteGrowingList *self,
                                                GtkWidget        *widget,
                                                guint             first,
                                                guint             batch);
/* Shows fewer items: batch fewer than now (at once down to the rows a
 * view keeps, which are the ones that cost), but never fewer than keep;
 * a list that shrinks grows no more until restarted.  TRUE while it shows
 * more than keep.  A long list hidden while another portfolio loads gives
 * its rows back a batch per turn rather than all in the turn that
 * replaces it. */
gboolean          pacte_growing_list_shrink    (PacteGrowingList *self,
                                                guint             keep,
                                                guint             batch);
/* Shows the whole source now. */
void              pacte_growing_list_complete  (PacteGrowingList *self);
gboolean          pacte_growing_list_is_complete (PacteGrowingList *self);

G_END_DECLS
