/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-overview-slot.h: the heat map's rows as stable slots.
 *
 * Sorting or filtering 2,000 plans through a GtkSortListModel tells the
 * column view that every row changed: it destroys the rows on screen and
 * builds new ones (19 cells each).  The view shows a list of slots instead,
 * one per position: a sort or a filter only changes which plan each slot
 * holds ("notify::plan"), and the rows on screen bind their cells to the new
 * plan in place.  Only a change in the number of plans adds or removes
 * slots, at the end. */
#pragma once

#include <gtk/gtk.h>

#include "pacte-rules.h"

G_BEGIN_DECLS

#define PACTE_TYPE_OVERVIEW_SLOT (pacte_overview_slot_get_type ())
G_DECLARE_FINAL_TYPE (PacteOverviewSlot, pacte_overview_slot, PACTE, OVERVIEW_SLOT, GObject)

PactePlan *pacte_overview_slot_get_plan (PacteOverviewSlot *self);

/* Makes slots (a GListStore of PacteOverviewSlot) hold plans' first max
 * items (G_MAXUINT: all), in order: slots that already hold their plan are
 * left alone. */
void       pacte_overview_slots_sync    (GListStore        *slots,
                                         GListModel        *plans,
                                         guint              max);

/* The rows a view keeps out of view (GTK 4.8 keeps up to 200 bound) are
 * bound to their slot's new plan after the frame, not before it: a queue
 * per view.  Flush it when the view scrolls; detach it when the view goes. */
typedef struct _PacteOverviewSlotQueue PacteOverviewSlotQueue;

PacteOverviewSlotQueue *pacte_overview_slot_queue_new    (GtkWidget              *view);
PacteOverviewSlotQueue *pacte_overview_slot_queue_ref    (PacteOverviewSlotQueue *queue);
void                    pacte_overview_slot_queue_unref  (PacteOverviewSlotQueue *queue);
void                    pacte_overview_slot_queue_flush  (PacteOverviewSlotQueue *queue);
void                    pacte_overview_slot_queue_detach (PacteOverviewSlotQueue *queue);

/* A column's factory over slots.  bind and unbind are the column's own
 * (GtkSignalListItemFactory signatures, with data); they read the row's
 * plan with pacte_overview_slot_item_plan(), which is NULL for an item that
 * is no slot (the totals row).  When a slot's plan changes, the cell is
 * unbound from the old plan and bound to the new one in place: at once when
 * it shows in the queue's view, after the frame otherwise (queue may be
 * NULL: always at once). */
GtkListItemFactory *pacte_overview_slot_factory_new (PacteOverviewSlotQueue *queue,
                                                     GCallback               setup,
                                                     GCallback               bind,
                                                     GCallback               unbind,
                                                     gpointer                data,
                                                     GClosureNotify          destroy_data);
PactePlan          *pacte_overview_slot_item_plan   (GtkListItem            *item);

G_END_DECLS
