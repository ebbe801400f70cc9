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
                           GListModel *plans)
{
  guint n_slots, n_plans, common;

  g_return_if_fail (G_IS_LIST_STORE (slots));
  g_return_if_fail (G_IS_LIST_MODEL (plans));

  n_slots = g_list_model_get_n_items (G_LIST_MODEL (slots));
  n_plans = g_list_model_get_n_items (plans);
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

/* ---- factories ---------------------------------------------------------- */

typedef void (*CellFunc) (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  data);

typedef struct {
  CellFunc bind;
  CellFunc unbind;
  gpointer data;
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

/* The slot now holds another plan: the cell follows it. */
static void
on_slot_plan (PacteOverviewSlot *slot,
              GParamSpec        *pspec,
              GtkListItem       *item)
{
  Column *column = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "pacte-column");

  if (column->unbind != NULL)
    column->unbind (NULL, item, column->data);
  set_bound_plan (item, slot->plan);
  column->bind (NULL, item, column->data);
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

  if (PACTE_IS_OVERVIEW_SLOT (object))
    g_signal_handlers_disconnect_by_func (object, on_slot_plan, item);
  if (column->unbind != NULL)
    column->unbind (factory, item, column->data);
  set_bound_plan (item, NULL);
}

GtkListItemFactory *
pacte_overview_slot_factory_new (GCallback      setup,
                                 GCallback      bind,
                                 GCallback      unbind,
                                 gpointer       data,
                                 GClosureNotify destroy_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  Column *column = g_new0 (Column, 1);

  g_return_val_if_fail (setup != NULL && bind != NULL, NULL);

  column->bind = (CellFunc) (void (*) (void)) bind;
  column->unbind = (CellFunc) (void (*) (void)) unbind;
  column->data = data;
  g_object_set_data_full (G_OBJECT (factory), "pacte-column", column, g_free);
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
