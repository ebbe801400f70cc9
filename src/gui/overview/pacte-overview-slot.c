/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pacte-overview-slot.h"

struct _PacteOverviewSlot
{
  GObject    parent_instance;
  PactePlan *plan;
};

G_DEFINE_FINAL_TYPE (PacteOverviewSlot, pacte_overview_slot, G_TYPE_OBJECT)

enum { PROP_0, PROP_PLAN, N_PROPS };
static GParamSpec *properties[N_PROPS];

PactePlan *
pacte_overview_slot_get_plan (PacteOverviewSlot *self)
{
  g_return_val_if_fail (PACTE_IS_OVERVIEW_SLOT (self), NULL);
  return self->plan;
}

static void
set_plan (PacteOverviewSlot *self,
          PactePlan         *plan)
{
  if (g_set_object (&self->plan, plan))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

void
pacte_overview_slots_sync (GListStore *slots,
                           GListModel *plans,
                           guint       max)
{
  guint n_slots, n_plans, common;

  g_return_if_fail (G_IS_LIST_STORE (slots));
  g_return_if_fail (G_IS_LIST_MODEL (plans));

  n_slots = g_list_model_get_n_items (G_LIST_MODEL (slots));
  n_plans = MIN (g_list_model_get_n_items (plans), max);
  common = MIN (n_slots, n_plans);
  for (guint i = 0; i < common; i++)
    {
      g_autoptr(PacteOverviewSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), i);
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);

      set_plan (slot, plan);
    }
  if (n_plans > n_slots)
    {
      g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = n_slots; i < n_plans; i++)
        {
          PacteOverviewSlot *slot = g_object_new (PACTE_TYPE_OVERVIEW_SLOT, NULL);

          slot->plan = g_list_model_get_item (plans, i);
          g_ptr_array_add (added, slot);
        }
      g_list_store_splice (slots, n_slots, 0, added->pdata, added->len);
    }
  else if (n_plans < n_slots)
    g_list_store_splice (slots, n_plans, n_slots - n_plans, NULL, 0);
}

/* ---- the rows out of view ----------------------------------------------- */

/* GTK 4.8's list views keep up to 200 rows bound, of which a screen shows
 * about 25.  When a sort or filter gives the slots other plans, the rows in
 * view are bound at once; the others are queued and bound after the frame
 * (an idle below the redraw's priority), or at once when the view scrolls. */
struct _PacteOverviewSlotQueue
{
  GtkWidget *view;     /* not owned: cleared by pacte_overview_slot_queue_detach() */
  GPtrArray *pending;  /* GtkListItem, referenced */
  guint      idle_id;
};

#define PENDING "pacte-slot-pending"

typedef void (*CellFunc) (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  data);

typedef struct {
  CellFunc                bind;
  CellFunc                unbind;
  gpointer                data;
  PacteOverviewSlotQueue *queue;
} Column;

#define BOUND_PLAN "pacte-bound-plan"

PactePlan *
pacte_overview_slot_item_plan (GtkListItem *item)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  return child != NULL ? g_object_get_data (G_OBJECT (child), BOUND_PLAN) : NULL;
}

static void
set_bound_plan (GtkListItem *item,
                PactePlan   *plan)
{
  g_object_set_data_full (G_OBJECT (gtk_list_item_get_child (item)), BOUND_PLAN,
                          plan != NULL ? g_object_ref (plan) : NULL, plan != NULL ? g_object_unref : NULL);
}

/* The cell follows its slot's plan now. */
static void
rebind (GtkListItem       *item,
        PacteOverviewSlot *slot)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  Column *column = g_object_get_data (G_OBJECT (child), "pacte-column");

  g_object_set_data (G_OBJECT (child), PENDING, NULL);
  if (column->unbind != NULL)
    column->unbind (NULL, item, column->data);
  set_bound_plan (item, slot->plan);
  column->bind (NULL, item, column->data);
}

void
pacte_overview_slot_queue_flush (PacteOverviewSlotQueue *queue)
{
  g_autoptr(GPtrArray) pending = NULL;

  g_return_if_fail (queue != NULL);

  g_clear_handle_id (&queue->idle_id, g_source_remove);
  pending = g_steal_pointer (&queue->pending);
  queue->pending = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < pending->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (pending, i);
      GtkWidget *child = gtk_list_item_get_child (item);
      GObject *slot = gtk_list_item_get_item (item);

      /* Still waiting (not rebound nor unbound meanwhile). */
      if (child != NULL && PACTE_IS_OVERVIEW_SLOT (slot) && g_object_get_data (G_OBJECT (child), PENDING) != NULL)
        rebind (item, PACTE_OVERVIEW_SLOT (slot));
    }
}

static gboolean
flush_idle (gpointer data)
{
  PacteOverviewSlotQueue *queue = data;

  queue->idle_id = 0;
  pacte_overview_slot_queue_flush (queue);
  return G_SOURCE_REMOVE;
}

PacteOverviewSlotQueue *
pacte_overview_slot_queue_new (GtkWidget *view)
{
  PacteOverviewSlotQueue *queue = g_rc_box_new0 (PacteOverviewSlotQueue);

  queue->view = view;
  queue->pending = g_ptr_array_new_with_free_func (g_object_unref);
  return queue;
}

static void
queue_clear (PacteOverviewSlotQueue *queue)
{
  g_clear_handle_id (&queue->idle_id, g_source_remove);
  g_clear_pointer (&queue->pending, g_ptr_array_unref);
}

PacteOverviewSlotQueue *
pacte_overview_slot_queue_ref (PacteOverviewSlotQueue *queue)
{
  return g_rc_box_acquire (queue);
}

void
pacte_overview_slot_queue_unref (PacteOverviewSlotQueue *queue)
{
  g_rc_box_release_full (queue, (GDestroyNotify) queue_clear);
}

void
pacte_overview_slot_queue_detach (PacteOverviewSlotQueue *queue)
{
  g_return_if_fail (queue != NULL);

  queue->view = NULL;
  g_clear_handle_id (&queue->idle_id, g_source_remove);
  g_ptr_array_set_size (queue->pending, 0);
}

/* Whether the cell shows in the view: not allocated yet counts as shown. */
static gboolean
in_view (PacteOverviewSlotQueue *queue,
         GtkWidget              *child)
{
  graphene_rect_t bounds;
  int height;

  if (queue->view == NULL || !gtk_widget_get_mapped (queue->view))
    return TRUE;
  height = gtk_widget_get_height (queue->view);
  if (height <= 0 || !gtk_widget_compute_bounds (child, queue->view, &bounds) || bounds.size.height <= 0)
    return TRUE;
  return bounds.origin.y + bounds.size.height >= 0 && bounds.origin.y <= height;
}

/* ---- factories ---------------------------------------------------------- */

/* The slot now holds another plan: the cell follows it, now or after the
 * frame when out of view. */
static void
on_slot_plan (PacteOverviewSlot *slot,
              GParamSpec        *pspec,
              GtkListItem       *item)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  Column *column = g_object_get_data (G_OBJECT (child), "pacte-column");
  PacteOverviewSlotQueue *queue = column->queue;

  if (queue != NULL && !in_view (queue, child))
    {
      if (g_object_get_data (G_OBJECT (child), PENDING) == NULL)
        {
          g_object_set_data (G_OBJECT (child), PENDING, GINT_TO_POINTER (1));
          g_ptr_array_add (queue->pending, g_object_ref (item));
        }
      if (queue->idle_id == 0)
        queue->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, flush_idle, queue, NULL);
      return;
    }
  rebind (item, slot);
}

static void
slot_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            Column                   *column)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "pacte-column", column);
}

static void
slot_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           Column                   *column)
{
  GObject *object = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), PENDING, NULL);
  if (PACTE_IS_OVERVIEW_SLOT (object))
    {
      set_bound_plan (item, PACTE_OVERVIEW_SLOT (object)->plan);
      g_signal_connect_object (object, "notify::plan", G_CALLBACK (on_slot_plan), item, 0);
    }
  else
    set_bound_plan (item, NULL);
  column->bind (factory, item, column->data);
}

static void
slot_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             Column                   *column)
{
  GObject *object = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), PENDING, NULL);
  if (PACTE_IS_OVERVIEW_SLOT (object))
    g_signal_handlers_disconnect_by_func (object, on_slot_plan, item);
  if (column->unbind != NULL)
    column->unbind (factory, item, column->data);
  set_bound_plan (item, NULL);
}

static void
column_free (gpointer data)
{
  Column *column = data;

  if (column->queue != NULL)
    pacte_overview_slot_queue_unref (column->queue);
  g_free (column);
}

GtkListItemFactory *
pacte_overview_slot_factory_new (PacteOverviewSlotQueue *queue,
                                 GCallback               setup,
                                 GCallback               bind,
                                 GCallback               unbind,
                                 gpointer                data,
                                 GClosureNotify          destroy_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  Column *column = g_new0 (Column, 1);

  g_return_val_if_fail (setup != NULL && bind != NULL, NULL);

  column->bind = (CellFunc) (void (*) (void)) bind;
  column->unbind = (CellFunc) (void (*) (void)) unbind;
  column->data = data;
  column->queue = queue != NULL ? pacte_overview_slot_queue_ref (queue) : NULL;
  g_object_set_data_full (G_OBJECT (factory), "pacte-column", column, column_free);
  g_signal_connect_data (factory, "setup", setup, data, destroy_data, 0);
  g_signal_connect_after (factory, "setup", G_CALLBACK (slot_setup), column);
  g_signal_connect (factory, "bind", G_CALLBACK (slot_bind), column);
  g_signal_connect (factory, "unbind", G_CALLBACK (slot_unbind), column);
  return factory;
}

/* ---- object ------------------------------------------------------------- */

static void
pacte_overview_slot_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, PACTE_OVERVIEW_SLOT (object)->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_overview_slot_dispose (GObject *object)
{
  g_clear_object (&PACTE_OVERVIEW_SLOT (object)->plan);
  G_OBJECT_CLASS (pacte_overview_slot_parent_class)->dispose (object);
}

static void
pacte_overview_slot_class_init (PacteOverviewSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pacte_overview_slot_get_property;
  object_class->dispose = pacte_overview_slot_dispose;
  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, PACTE_TYPE_PLAN,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacte_overview_slot_init (PacteOverviewSlot *self)
{
}
