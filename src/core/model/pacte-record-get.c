/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-record-get.c: reading a record's fields (pacte-record.h): each
 * getter checks the field's kind and indexes the record's value array, with
 * no allocation and no hash. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-record-impl-private.h"

static const char * const empty_strv[] = { NULL };

const char *
pacte_record_get_string (PacteRecord *self,
                         guint        field)
{
  const char *s;

  CHECK_FIELD (self, field, pacte_field_kind_is_text, "");
  s = pacte_record_get_instance_private (self)->values[field].s;
  return s != NULL ? s : "";
}

guint32
pacte_record_get_date (PacteRecord *self,
                       guint        field)
{
  CHECK_FIELD (self, field, KIND_IS_DATE, 0);
  return pacte_record_get_instance_private (self)->values[field].date;
}

double
pacte_record_get_number (PacteRecord *self,
                         guint        field)
{
  CHECK_FIELD (self, field, pacte_field_kind_is_number, NAN);
  return pacte_record_get_instance_private (self)->values[field].num;
}

int
pacte_record_get_boolean (PacteRecord *self,
                          guint        field)
{
  CHECK_FIELD (self, field, KIND_IS_BOOLEAN, -1);
  return pacte_record_get_instance_private (self)->values[field].boolean;
}

const char * const *
pacte_record_get_strv (PacteRecord *self,
                       guint        field)
{
  char **strv;

  CHECK_FIELD (self, field, KIND_IS_STRV, empty_strv);
  strv = pacte_record_get_instance_private (self)->values[field].strv;
  return strv != NULL ? (const char * const *) strv : empty_strv;
}

GListModel *
pacte_record_get_list (PacteRecord *self,
                       guint        field)
{
  CHECK_FIELD (self, field, KIND_IS_LIST, NULL);
  return G_LIST_MODEL (pacte_record_get_instance_private (self)->values[field].list);
}

PacteRecord * const *
pacte_record_get_items (PacteRecord *self,
                        guint        field,
                        guint       *n_items)
{
  PacteItemList *list;

  g_return_val_if_fail (n_items != NULL, NULL);
  *n_items = 0;
  CHECK_FIELD (self, field, KIND_IS_LIST, NULL);
  list = pacte_record_get_instance_private (self)->values[field].list;
  *n_items = list->n_items;
  return list->items;
}

const char *
pacte_record_map_get_string (PacteRecord *self,
                             guint        field,
                             const char  *key)
{
  PacteMap *map;
  guint index;

  CHECK_FIELD (self, field, KIND_IS_SMAP, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  map = pacte_record_get_instance_private (self)->values[field].map;
  if (!pacte_map_find (map, key, &index))
    return NULL;
  return g_ptr_array_index (map->strings, index);
}

double
pacte_record_map_get_number (PacteRecord *self,
                             guint        field,
                             const char  *key)
{
  PacteMap *map;
  guint index;

  CHECK_FIELD (self, field, KIND_IS_NMAP, NAN);
  g_return_val_if_fail (key != NULL, NAN);

  map = pacte_record_get_instance_private (self)->values[field].map;
  if (!pacte_map_find (map, key, &index))
    return NAN;
  return g_array_index (map->numbers, double, index);
}

const char * const *
pacte_record_map_get_keys (PacteRecord *self,
                           guint        field)
{
  PacteMap *map;

  CHECK_FIELD (self, field, KIND_IS_MAP, empty_strv);
  map = pacte_record_get_instance_private (self)->values[field].map;
  if (map == NULL)
    return empty_strv;
  return (const char * const *) map->keys->pdata;
}

gboolean
pacte_record_is_set (PacteRecord *self,
                     guint        field)
{
  PacteValue *v;

  CHECK_FIELD (self, field, KIND_IS_ANY, FALSE);
  v = &pacte_record_get_instance_private (self)->values[field];
  switch (field_info (self, field)->kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
    case PACTE_FIELD_QUARTER:
      return v->s != NULL && *v->s != '\0';
    case PACTE_FIELD_DATE:
      return v->date != 0;
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      return !isnan (v->num);
    case PACTE_FIELD_BOOLEAN:
      return v->boolean != -1;
    case PACTE_FIELD_STRV:
      return v->strv != NULL && v->strv[0] != NULL;
    case PACTE_FIELD_LIST:
      return v->list->n_items > 0;
    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
      return pacte_map_len (v->map) > 0;
    default:
      return FALSE;
    }
}

