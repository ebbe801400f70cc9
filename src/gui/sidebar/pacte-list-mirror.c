/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-list-mirror.c: the items of a list in another order (see the header). */
#include "config.h"

#include "pacte-list-mirror.h"

struct _PacteListMirror
{
  GObject     parent_instance;

  GListModel *source;
  GPtrArray  *items;    /* references */
  GHashTable *present;  /* the items, for membership */
};

static void pacte_list_mirror_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PacteListMirror, pacte_list_mirror, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pacte_list_mirror_model_init))

static GType
pacte_list_mirror_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (PACTE_LIST_MIRROR (model)->source);
}

static guint
pacte_list_mirror_get_n_items (GListModel *model)
{
  return PACTE_LIST_MIRROR (model)->items->len;
}

static gpointer
pacte_list_mirror_get_item (GListModel *model,
                            guint       position)
{
  PacteListMirror *self = PACTE_LIST_MIRROR (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
pacte_list_mirror_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pacte_list_mirror_get_item_type;
  iface->get_n_items = pacte_list_mirror_get_n_items;
  iface->get_item = pacte_list_mirror_get_item;
}

/* The source's items, as a set (its references: the source holds them). */
static GHashTable *
source_items (PacteListMirror *self)
{
  guint n = g_list_model_get_n_items (self->source);
  GHashTable *items = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_list_model_get_item (self->source, i);

      g_hash_table_add (items, item);
      g_object_unref (item);
    }
  return items;
}

static void
source_changed (PacteListMirror *self,
                guint            position,
                guint            removed,
                guint            added,
                GListModel      *source)
{
  guint old_len;

  if (removed > 0)
    {
      g_autoptr(GHashTable) now = source_items (self);

      /* Backwards, one notification per run of items gone. */
      for (guint end = self->items->len; end > 0;)
        {
          guint start = end;

          while (start > 0 && !g_hash_table_contains (now, g_ptr_array_index (self->items, start - 1)))
            {
              g_hash_table_remove (self->present, g_ptr_array_index (self->items, start - 1));
              start--;
            }
          if (start < end)
            {
              g_ptr_array_remove_range (self->items, start, end - start);
              g_list_model_items_changed (G_LIST_MODEL (self), start, end - start, 0);
            }
          end = start > 0 ? start - 1 : 0;
        }
    }

  old_len = self->items->len;
  for (guint i = position; i < position + added; i++)
    {
      GObject *item = g_list_model_get_item (source, i);

      if (g_hash_table_add (self->present, item))
        g_ptr_array_add (self->items, item);
      else
        g_object_unref (item);
    }
  if (self->items->len > old_len)
    g_list_model_items_changed (G_LIST_MODEL (self), old_len, 0, self->items->len - old_len);
}

static void
pacte_list_mirror_dispose (GObject *object)
{
  PacteListMirror *self = PACTE_LIST_MIRROR (object);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, source_changed, self);
  g_clear_object (&self->source);
  g_clear_pointer (&self->present, g_hash_table_unref);
  if (self->items != NULL)
    g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (pacte_list_mirror_parent_class)->dispose (object);
}

static void
pacte_list_mirror_finalize (GObject *object)
{
  PacteListMirror *self = PACTE_LIST_MIRROR (object);

  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (pacte_list_mirror_parent_class)->finalize (object);
}

static void
pacte_list_mirror_class_init (PacteListMirrorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pacte_list_mirror_dispose;
  object_class->finalize = pacte_list_mirror_finalize;
}

static void
pacte_list_mirror_init (PacteListMirror *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->present = g_hash_table_new (NULL, NULL);
}

GListModel *
pacte_list_mirror_new (GListModel *source,
                       GPtrArray  *order)
{
  PacteListMirror *self;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);

  self = g_object_new (PACTE_TYPE_LIST_MIRROR, NULL);
  self->source = g_object_ref (source);
  n = g_list_model_get_n_items (source);
  if (order != NULL && order->len == n)
    {
      g_autoptr(GHashTable) now = source_items (self);

      for (guint i = 0; i < order->len; i++)
        {
          gpointer item = g_ptr_array_index (order, i);

          if (g_hash_table_contains (now, item) && g_hash_table_add (self->present, item))
            g_ptr_array_add (self->items, g_object_ref (item));
        }
      /* Not the same items after all: the source's order. */
      if (self->items->len != n)
        {
          g_ptr_array_set_size (self->items, 0);
          g_hash_table_remove_all (self->present);
        }
    }
  if (self->items->len == 0)
    for (guint i = 0; i < n; i++)
      {
        GObject *item = g_list_model_get_item (source, i);

        g_hash_table_add (self->present, item);
        g_ptr_array_add (self->items, item);
      }
  g_signal_connect_swapped (source, "items-changed", G_CALLBACK (source_changed), self);
  return G_LIST_MODEL (self);
}
