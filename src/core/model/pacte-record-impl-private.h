/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-record-impl-private.h: what the two halves of the record base class
 * share: pacte-record.c (the class, getters, setters) and
 * pacte-record-store.c (the loader's raw stores, unknown members, lists,
 * copy and equality).  Only for those two files. */
#pragma once

#include "pacte-values-private.h"
#include "pacte-record-private.h"
#include "pacte-record-root.h"

G_BEGIN_DECLS

#define PacteRecord_private_offset pacte_record_private_offset

typedef struct
{
  char     *object_path;
  char     *member;
  JsonNode *node;
} PacteUnknown;

typedef struct
{
  PacteValue  *values;   /* one per field; first: see pacte_record_values () */
  PacteRecord *parent;   /* not a reference */
  GPtrArray   *unknown;  /* PacteUnknown*, lazily allocated */
} PacteRecordPrivate;




static inline PacteRecordPrivate *
pacte_record_get_instance_private (PacteRecord *self)
{
  return G_STRUCT_MEMBER_P (self, PacteRecord_private_offset);
}

static inline PacteRecordClass *
record_class (PacteRecord *self)
{
  return PACTE_RECORD_GET_CLASS (self);
}

static inline const PacteFieldInfo *
field_info (PacteRecord *self,
            guint        field)
{
  return &record_class (self)->fields[field];
}


static inline const char *
record_id (PacteRecord *self)
{
  return pacte_record_get_string (self, (guint) record_class (self)->id_field);
}

/* A list whose items are kept sorted by their id (rule overrides). */
gboolean      pacte_record_is_sorted_list    (const PacteFieldInfo *info);
/* Where a record with id key goes in a list sorted by id; ignore: an item
 * of the list that is moving, left out of the comparison. */
guint         pacte_record_sorted_position   (PacteItemList        *list,
                                              const char           *key,
                                              PacteRecord          *ignore);
PacteHistory *pacte_record_root_history      (PacteRecordRoot      *root);
/* Tells the root of an edit of record's field. */
void          pacte_record_tell_root         (PacteRecordRoot      *root,
                                              PacteRecord          *record,
                                              guint                 field);
/* A root's id index must be rebuilt (a record below it changed). */
void          pacte_record_ids_changed_below (PacteRecord          *self);
/* After a store of field: the root's id index when it is the id. */
void          pacte_record_check_id_change   (PacteRecord          *self,
                                              guint                 field);
void          pacte_record_unknown_free      (gpointer              data);

/* The checks of the public getters and setters: a record, a field of its
 * table, of the right kind. */
#define CHECK_FIELD(self, field, test, val)                                   \
  G_STMT_START {                                                              \
    g_return_val_if_fail (PACTE_IS_RECORD (self), val);                       \
    g_return_val_if_fail ((field) < record_class (self)->n_fields, val);      \
    g_return_val_if_fail (test (field_info (self, field)->kind), val);        \
  } G_STMT_END

#define KIND_IS_DATE(k)    ((k) == PACTE_FIELD_DATE)
#define KIND_IS_BOOLEAN(k) ((k) == PACTE_FIELD_BOOLEAN)
#define KIND_IS_STRV(k)    ((k) == PACTE_FIELD_STRV)
#define KIND_IS_LIST(k)    ((k) == PACTE_FIELD_LIST)
#define KIND_IS_SMAP(k)    ((k) == PACTE_FIELD_STRING_MAP)
#define KIND_IS_NMAP(k)    ((k) == PACTE_FIELD_NUMBER_MAP)
#define KIND_IS_MAP(k)     ((k) == PACTE_FIELD_STRING_MAP || (k) == PACTE_FIELD_NUMBER_MAP)
#define KIND_IS_ANY(k)     ((k) <= PACTE_FIELD_NUMBER_MAP)

G_END_DECLS
