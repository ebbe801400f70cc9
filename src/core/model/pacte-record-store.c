/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-record-store.c: the record base class's stores without checks (for
 * the loader), members the program does not know, list edits (with their
 * undo steps), deep copy and equality.  The class, its getters and its
 * checked setters are in pacte-record.c. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-record-impl-private.h"

/* ---- Raw stores (loader) ------------------------------------------------ */

void
pacte_record_take_string_raw (PacteRecord *self,
                              guint        field,
                              char        *value)
{
  PacteValue *v;

  if (!PACTE_IS_RECORD (self) || field >= record_class (self)->n_fields
      || !pacte_field_kind_is_text (field_info (self, field)->kind))
    {
      g_free (value);
      g_return_if_reached ();
    }
  v = &pacte_record_get_instance_private (self)->values[field];
  g_free (v->s);
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  v->s = value;
  pacte_record_check_id_change (self, field);
}

void
pacte_record_set_date_raw (PacteRecord *self,
                           guint        field,
                           guint32      julian)
{
  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (field < record_class (self)->n_fields);
  g_return_if_fail (field_info (self, field)->kind == PACTE_FIELD_DATE);

  pacte_record_get_instance_private (self)->values[field].date = julian;
}

void
pacte_record_set_number_raw (PacteRecord *self,
                             guint        field,
                             double       value)
{
  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (field < record_class (self)->n_fields);
  g_return_if_fail (pacte_field_kind_is_number (field_info (self, field)->kind));

  pacte_record_get_instance_private (self)->values[field].num = value;
}

void
pacte_record_set_boolean_raw (PacteRecord *self,
                              guint        field,
                              int          value)
{
  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (field < record_class (self)->n_fields);
  g_return_if_fail (field_info (self, field)->kind == PACTE_FIELD_BOOLEAN);

  pacte_record_get_instance_private (self)->values[field].boolean = value < 0 ? -1 : value > 0 ? 1 : 0;
}

void
pacte_record_take_strv_raw (PacteRecord  *self,
                            guint         field,
                            char        **value)
{
  PacteValue *v;

  if (!PACTE_IS_RECORD (self) || field >= record_class (self)->n_fields
      || field_info (self, field)->kind != PACTE_FIELD_STRV)
    {
      g_strfreev (value);
      g_return_if_reached ();
    }
  v = &pacte_record_get_instance_private (self)->values[field];
  g_strfreev (v->strv);
  if (value != NULL && value[0] == NULL)
    g_clear_pointer (&value, g_strfreev);
  v->strv = value;
}

void
pacte_record_map_take_string_raw (PacteRecord *self,
                                  guint        field,
                                  char        *key,
                                  char        *value)
{
  if (!PACTE_IS_RECORD (self) || field >= record_class (self)->n_fields
      || field_info (self, field)->kind != PACTE_FIELD_STRING_MAP || key == NULL)
    {
      g_free (key);
      g_free (value);
      g_return_if_reached ();
    }
  pacte_map_store (&pacte_record_get_instance_private (self)->values[field].map,
             PACTE_FIELD_STRING_MAP, key, value, NAN);
}

void
pacte_record_map_set_number_raw (PacteRecord *self,
                                 guint        field,
                                 const char  *key,
                                 double       value)
{
  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (field < record_class (self)->n_fields);
  g_return_if_fail (field_info (self, field)->kind == PACTE_FIELD_NUMBER_MAP);
  g_return_if_fail (key != NULL);

  pacte_map_store (&pacte_record_get_instance_private (self)->values[field].map,
             PACTE_FIELD_NUMBER_MAP, g_strdup (key), NULL, value);
}

/* Where a record with id key goes in a list sorted by id: after the last
 * item whose id is <= key (appending in sorted order costs one comparison).
 * ignore: an item of the list that is moving, left out of the comparison. */
guint
pacte_record_sorted_position (PacteItemList *list,
                 const char    *key,
                 PacteRecord   *ignore)
{
  guint n = list->n_items;
  guint lo = 0, hi = n;

  if (n > 0 && list->items[n - 1] != ignore && strcmp (record_id (list->items[n - 1]), key) <= 0)
    return n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      PacteRecord *item = list->items[mid];

      if (item == ignore)
        {
          /* Compare with a neighbour instead. */
          if (mid + 1 < hi)
            {
              if (strcmp (record_id (list->items[mid + 1]), key) <= 0)
                lo = mid + 2;
              else
                hi = mid;
              continue;
            }
          hi = mid;
          continue;
        }
      if (strcmp (record_id (item), key) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
pacte_record_list_append_raw (PacteRecord *self,
                              guint        field,
                              PacteRecord *item)
{
  const PacteFieldInfo *info;
  PacteItemList *list;

  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (field < record_class (self)->n_fields);
  info = field_info (self, field);
  g_return_if_fail (info->kind == PACTE_FIELD_LIST);
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, info->item_type ()));
  g_return_if_fail (pacte_record_get_instance_private (item)->parent == NULL);

  list = pacte_record_get_instance_private (self)->values[field].list;
  pacte_record_get_instance_private (item)->parent = self;
  /* A raw store: no "items-changed" (nobody watches a list being loaded). */
  if (pacte_record_is_sorted_list (info))
    pacte_item_list_insert_quiet (list, pacte_record_sorted_position (list, record_id (item), NULL), item);
  else
    pacte_item_list_insert_quiet (list, list->n_items, item);
  pacte_record_ids_changed_below (self);
}

/* ---- Unknown members ---------------------------------------------------- */

void
pacte_record_add_unknown (PacteRecord *self,
                          const char  *object_path,
                          const char  *member,
                          JsonNode    *node)
{
  PacteRecordPrivate *priv;
  PacteUnknown *u;

  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (member != NULL);
  g_return_if_fail (node != NULL);

  priv = pacte_record_get_instance_private (self);
  if (priv->unknown == NULL)
    priv->unknown = g_ptr_array_new_with_free_func (pacte_record_unknown_free);
  u = g_new (PacteUnknown, 1);
  u->object_path = g_strdup (object_path != NULL ? object_path : "");
  u->member = g_strdup (member);
  u->node = json_node_ref (node);
  g_ptr_array_add (priv->unknown, u);
}

void
pacte_record_set_unknown (PacteRecord *self,
                          const char  *object_path,
                          const char  *member,
                          JsonNode    *node)
{
  PacteRecordPrivate *priv;

  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (member != NULL);

  priv = pacte_record_get_instance_private (self);
  if (object_path == NULL)
    object_path = "";
  for (guint i = 0; priv->unknown != NULL && i < priv->unknown->len; i++)
    {
      PacteUnknown *u = g_ptr_array_index (priv->unknown, i);

      if (g_str_equal (u->object_path, object_path) && g_str_equal (u->member, member))
        {
          if (node == NULL)
            g_ptr_array_remove_index (priv->unknown, i);
          else
            {
              json_node_unref (u->node);
              u->node = json_node_ref (node);
            }
          return;
        }
    }
  if (node != NULL)
    pacte_record_add_unknown (self, object_path, member, node);
}

gboolean
pacte_record_has_unknown (PacteRecord *self,
                          const char  *object_path)
{
  PacteRecordPrivate *priv;

  g_return_val_if_fail (PACTE_IS_RECORD (self), FALSE);

  priv = pacte_record_get_instance_private (self);
  if (priv->unknown == NULL)
    return FALSE;
  if (object_path == NULL)
    object_path = "";
  for (guint i = 0; i < priv->unknown->len; i++)
    {
      PacteUnknown *u = g_ptr_array_index (priv->unknown, i);

      if (g_str_equal (u->object_path, object_path))
        return TRUE;
    }
  return FALSE;
}

void
pacte_record_foreach_unknown (PacteRecord      *self,
                              const char       *object_path,
                              PacteUnknownFunc  func,
                              gpointer          user_data)
{
  PacteRecordPrivate *priv;

  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (func != NULL);

  priv = pacte_record_get_instance_private (self);
  if (priv->unknown == NULL)
    return;
  if (object_path == NULL)
    object_path = "";
  for (guint i = 0; i < priv->unknown->len; i++)
    {
      PacteUnknown *u = g_ptr_array_index (priv->unknown, i);

      if (g_str_equal (u->object_path, object_path))
        func (u->member, u->node, user_data);
    }
}

/* ---- Lists ------------------------------------------------------------- */

static PacteItemList *
list_store (PacteRecord *self,
            guint        field)
{
  return pacte_record_get_instance_private (self)->values[field].list;
}

/* Where an undoable edit of self is recorded, or NULL. */
static PacteHistory *
undo_history (PacteRecord *self,
              gboolean     undoable)
{
  PacteRecordRoot *root = undoable ? pacte_record_get_root (self) : NULL;

  return root != NULL ? pacte_record_root_history (root) : NULL;
}

static void
list_changed (PacteRecord *self,
              guint        field)
{
  PacteRecordRoot *root;

  pacte_record_ids_changed_below (self);
  root = pacte_record_get_root (self);
  if (root != NULL)
    pacte_record_tell_root (root, self, field);
}

static void
list_insert (PacteRecord *self,
             guint        field,
             guint        position,
             PacteRecord *item,
             gboolean     undoable)
{
  PacteItemList *store = list_store (self, field);
  PacteHistory *history;

  position = MIN (position, store->n_items);
  pacte_record_get_instance_private (item)->parent = self;
  pacte_item_list_insert (store, position, item);
  history = undo_history (self, undoable);
  if (history != NULL)
    pacte_history_add_insert (history, self, field, position, item);
  list_changed (self, field);
}

static void
list_remove (PacteRecord *self,
             guint        field,
             guint        position,
             gboolean     undoable)
{
  PacteItemList *store = list_store (self, field);
  g_autoptr(PacteRecord) item = NULL;
  PacteHistory *history;

  if (position >= store->n_items)
    return;
  history = undo_history (self, undoable);
  item = pacte_item_list_steal (store, position);
  pacte_record_get_instance_private (item)->parent = NULL;
  if (history != NULL)
    pacte_history_add_remove (history, self, field, position, item);
  list_changed (self, field);
}

static void
list_move (PacteRecord *self,
           guint        field,
           guint        from,
           guint        to,
           gboolean     undoable)
{
  PacteItemList *store = list_store (self, field);
  guint n = store->n_items;
  g_autoptr(PacteRecord) item = NULL;
  PacteHistory *history;

  if (from >= n || to >= n || from == to)
    return;
  item = pacte_item_list_steal (store, from);
  pacte_item_list_insert (store, to, item);
  history = undo_history (self, undoable);
  if (history != NULL)
    pacte_history_add_move (history, self, field, from, to);
  list_changed (self, field);
}

void
pacte_record_list_insert (PacteRecord *self,
                          guint        field,
                          guint        position,
                          PacteRecord *item)
{
  const PacteFieldInfo *info;

  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (field < record_class (self)->n_fields);
  info = field_info (self, field);
  g_return_if_fail (info->kind == PACTE_FIELD_LIST);
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, info->item_type ()));
  g_return_if_fail (pacte_record_get_instance_private (item)->parent == NULL);
  g_return_if_fail (item != self);

  if (pacte_record_is_sorted_list (info))
    position = pacte_record_sorted_position (list_store (self, field), record_id (item), NULL);
  list_insert (self, field, position, item, TRUE);
}

void
pacte_record_list_remove (PacteRecord *self,
                          guint        field,
                          guint        position)
{
  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (field < record_class (self)->n_fields);
  g_return_if_fail (field_info (self, field)->kind == PACTE_FIELD_LIST);
  g_return_if_fail (position < list_store (self, field)->n_items);

  list_remove (self, field, position, TRUE);
}

void
pacte_record_list_move (PacteRecord *self,
                        guint        field,
                        guint        from,
                        guint        to)
{
  guint n;

  g_return_if_fail (PACTE_IS_RECORD (self));
  g_return_if_fail (field < record_class (self)->n_fields);
  g_return_if_fail (field_info (self, field)->kind == PACTE_FIELD_LIST);
  n = list_store (self, field)->n_items;
  g_return_if_fail (from < n && to < n);

  list_move (self, field, from, to, TRUE);
}

void
pacte_record_apply_insert (PacteRecord *self,
                           guint        field,
                           guint        position,
                           PacteRecord *item)
{
  g_return_if_fail (PACTE_IS_RECORD (self) && PACTE_IS_RECORD (item));
  if (pacte_record_get_instance_private (item)->parent != NULL)
    return;  /* already somewhere else: the history no longer matches */
  list_insert (self, field, position, item, FALSE);
}

void
pacte_record_apply_remove (PacteRecord *self,
                           guint        field,
                           guint        position,
                           PacteRecord *item)
{
  guint found;

  g_return_if_fail (PACTE_IS_RECORD (self));
  /* Trust the item more than the position. */
  if (item != NULL && pacte_item_list_find (list_store (self, field), item, &found))
    position = found;
  else if (item != NULL)
    return;
  list_remove (self, field, position, FALSE);
}

void
pacte_record_apply_move (PacteRecord *self,
                         guint        field,
                         guint        from,
                         guint        to)
{
  g_return_if_fail (PACTE_IS_RECORD (self));
  list_move (self, field, from, to, FALSE);
}

/* ---- Copy and equality -------------------------------------------------- */

PacteRecord *
pacte_record_copy (PacteRecord *self)
{
  PacteRecordClass *klass;
  PacteRecordPrivate *priv, *cpriv;
  PacteRecord *copy;

  g_return_val_if_fail (PACTE_IS_RECORD (self), NULL);

  klass = record_class (self);
  priv = pacte_record_get_instance_private (self);
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  cpriv = pacte_record_get_instance_private (copy);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      PacteFieldKind kind = klass->fields[i].kind;

      if (kind == PACTE_FIELD_LIST)
        {
          PacteItemList *list = priv->values[i].list;

          for (guint j = 0; j < list->n_items; j++)
            {
              g_autoptr(PacteRecord) item_copy = pacte_record_copy (list->items[j]);

              pacte_record_get_instance_private (item_copy)->parent = copy;
              pacte_item_list_insert (cpriv->values[i].list, cpriv->values[i].list->n_items, item_copy);
            }
        }
      else
        {
          pacte_value_clear (kind, &cpriv->values[i]);
          pacte_value_copy (kind, &priv->values[i], &cpriv->values[i]);
        }
    }
  if (priv->unknown != NULL)
    for (guint i = 0; i < priv->unknown->len; i++)
      {
        PacteUnknown *u = g_ptr_array_index (priv->unknown, i);
        g_autoptr(JsonNode) node = json_node_copy (u->node);

        pacte_record_add_unknown (copy, u->object_path, u->member, node);
      }
  return copy;
}

gboolean
pacte_record_equal (PacteRecord *a,
                    PacteRecord *b)
{
  PacteRecordClass *klass;
  PacteRecordPrivate *pa, *pb;
  guint na, nb;

  g_return_val_if_fail (PACTE_IS_RECORD (a), FALSE);
  g_return_val_if_fail (PACTE_IS_RECORD (b), FALSE);

  if (a == b)
    return TRUE;
  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  klass = record_class (a);
  pa = pacte_record_get_instance_private (a);
  pb = pacte_record_get_instance_private (b);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      PacteFieldKind kind = klass->fields[i].kind;

      if (kind == PACTE_FIELD_LIST)
        {
          PacteItemList *la = pa->values[i].list;
          PacteItemList *lb = pb->values[i].list;

          if (la->n_items != lb->n_items)
            return FALSE;
          for (guint j = 0; j < la->n_items; j++)
            if (!pacte_record_equal (la->items[j], lb->items[j]))
              return FALSE;
        }
      else if (!pacte_value_equal (kind, &pa->values[i], &pb->values[i]))
        return FALSE;
    }
  na = pa->unknown != NULL ? pa->unknown->len : 0;
  nb = pb->unknown != NULL ? pb->unknown->len : 0;
  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      PacteUnknown *ua = g_ptr_array_index (pa->unknown, i);
      PacteUnknown *ub = g_ptr_array_index (pb->unknown, i);

      if (!g_str_equal (ua->object_path, ub->object_path)
          || !g_str_equal (ua->member, ub->member)
          || !json_node_equal (ua->node, ub->node))
        return FALSE;
    }
  return TRUE;
}
