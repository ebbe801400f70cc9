/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-values-private.h: what the record base class, the portfolio and the
 * undo history share with each other, and the unchecked fast access to
 * stored values that the rules engine and the loader use.  Only for
 * src/core. */
#pragma once

#include "pacte-portfolio.h"
#include "pacte-record-private.h"
#include "pacte-record-root.h"

G_BEGIN_DECLS

/* A sorted string -> string or string -> number map (STRING_MAP / NUMBER_MAP). */
typedef struct _PacteMap PacteMap;
struct _PacteMap
{
  GPtrArray *keys;     /* char*, sorted, NULL-terminated */
  GPtrArray *strings;  /* STRING_MAP: char*, same order as keys */
  GArray    *numbers;  /* NUMBER_MAP: double, same order as keys */
};

/* The items of a LIST field: a GListModel over a plain array, so that the
 * items can be read in place (pacte_record_get_items) without a lookup or a
 * reference per item.  It emits "items-changed" like a GListStore. */
#define PACTE_TYPE_ITEM_LIST (pacte_item_list_get_type ())
G_DECLARE_FINAL_TYPE (PacteItemList, pacte_item_list, PACTE, ITEM_LIST, GObject)

struct _PacteItemList
{
  GObject       parent_instance;
  GType         item_type;
  PacteRecord **items;     /* references; NULL while empty */
  guint         n_items;
  guint         size;
};

PacteItemList *pacte_item_list_new     (GType          item_type);
/* Takes a new reference to item. */
void           pacte_item_list_insert  (PacteItemList *self,
                                        guint          position,
                                        PacteRecord   *item);
/* The same without "items-changed", for the loader's raw stores (a list
 * being built, that nobody watches yet); position is not checked. */
void           pacte_item_list_insert_quiet (PacteItemList *self,
                                             guint          position,
                                             PacteRecord   *item);
/* Returns the item's reference: the caller owns it. */
PacteRecord   *pacte_item_list_steal   (PacteItemList *self,
                                        guint          position);
void           pacte_item_list_remove_all (PacteItemList *self);
gboolean       pacte_item_list_find    (PacteItemList *self,
                                        PacteRecord   *item,
                                        guint         *position);

/* The stored value of one field; which member is used follows the kind. */
union _PacteValue {
  char       *s;        /* STRING, CHOICE: NULL when unset */
  guint32     date;     /* DATE: Julian day, 0 when unknown */
  double      num;      /* NUMBER, INTEGER: NaN when unknown */
  int         boolean;  /* BOOLEAN: -1, 0, 1 */
  char      **strv;     /* STRV: NULL when empty */
  PacteItemList *list; /* LIST: always a list */
  PacteMap   *map;      /* maps: NULL when empty */
};

void          pacte_value_copy          (PacteFieldKind     kind,
                                         const PacteValue  *src,
                                         PacteValue        *dst);
void          pacte_value_clear         (PacteFieldKind     kind,
                                         PacteValue        *value);
gboolean      pacte_value_equal         (PacteFieldKind     kind,
                                         const PacteValue  *a,
                                         const PacteValue  *b);
/* The unset value of a field (a new empty store for a LIST). */
void          pacte_value_init          (const PacteFieldInfo *info,
                                         PacteValue        *value);

/* Maps (pacte-record-values.c).  NULL is the empty map. */
PacteMap     *pacte_map_new             (PacteFieldKind     kind);
void          pacte_map_free            (PacteMap          *map);
guint         pacte_map_len             (const PacteMap    *map);
PacteMap     *pacte_map_copy            (PacteFieldKind     kind,
                                         const PacteMap    *map);
/* TRUE and the index when found, else FALSE and the insertion index. */
gboolean      pacte_map_find            (const PacteMap    *map,
                                         const char        *key,
                                         guint             *index);
/* Stores key -> value in *map (creating or freeing it as needed); NULL
 * string / NaN number removes the key.  Takes key and string. */
void          pacte_map_store           (PacteMap         **map,
                                         PacteFieldKind     kind,
                                         char              *key,
                                         char              *string,
                                         double             number);

/* 0001-01-01 .. 9999-12-31 */
gboolean      pacte_julian_valid        (guint32            julian);
/* A double property where NaN means unknown (GParamSpecDouble refuses NaN). */
GParamSpec   *pacte_param_spec_number   (const char        *name,
                                         const char        *nick,
                                         GParamFlags        flags);

/* The values of a record, one per field, without any check: for the hot
 * loops of the rules engine, which know the field kinds from compiled rules. */
extern int pacte_record_private_offset;

static inline PacteValue *
pacte_record_values (PacteRecord *self)
{
  /* values is the first member of the record's private structure. */
  return G_STRUCT_MEMBER (PacteValue *, self, pacte_record_private_offset);
}

/* The stored value of a field (for the history). */
const PacteValue *pacte_record_peek_value (PacteRecord *self,
                                           guint        field);

/* Edits applied by undo and redo: store, notify, emit "record-changed", but
 * record nothing in the history. */
void          pacte_record_apply_value  (PacteRecord       *self,
                                         guint              field,
                                         const PacteValue  *value);
void          pacte_record_apply_insert (PacteRecord       *self,
                                         guint              field,
                                         guint              position,
                                         PacteRecord       *item);
/* item: the record expected there (found by identity), or NULL. */
void          pacte_record_apply_remove (PacteRecord       *self,
                                         guint              field,
                                         guint              position,
                                         PacteRecord       *item);
void          pacte_record_apply_move   (PacteRecord       *self,
                                         guint              field,
                                         guint              from,
                                         guint              to);

/* Binary search in a list of PacteOverride sorted by rule id. */
PacteOverride *pacte_override_list_find (GListModel *list,
                                         const char *rule_id);

/* ---- History ----------------------------------------------------------- */

PacteHistory *pacte_history_new          (PactePortfolio    *portfolio);
void          pacte_history_free         (PacteHistory      *self);
/* old_value is taken; the record's current value is the new one. */
void          pacte_history_add_field    (PacteHistory      *self,
                                          PacteRecord       *record,
                                          guint              field,
                                          PacteValue        *old_value);
void          pacte_history_add_insert   (PacteHistory      *self,
                                          PacteRecord       *owner,
                                          guint              field,
                                          guint              position,
                                          PacteRecord       *item);
void          pacte_history_add_remove   (PacteHistory      *self,
                                          PacteRecord       *owner,
                                          guint              field,
                                          guint              position,
                                          PacteRecord       *item);
/* An edit of something the field tables do not describe (the conflicts a
 * merge left): apply (data, TRUE) does it, now and on redo; apply (data,
 * FALSE) undoes it.  data is freed with destroy with the step. */
typedef void (*PacteHistoryApplyFunc) (gpointer data,
                                       gboolean forward);
void          pacte_history_add_custom   (PacteHistory          *self,
                                          const char            *label,
                                          PacteHistoryApplyFunc  apply,
                                          gpointer               data,
                                          GDestroyNotify         destroy);
void          pacte_history_add_move     (PacteHistory      *self,
                                          PacteRecord       *owner,
                                          guint              field,
                                          guint              from,
                                          guint              to);
gboolean      pacte_history_can_undo     (PacteHistory      *self);
gboolean      pacte_history_can_redo     (PacteHistory      *self);
const char   *pacte_history_get_undo_label (PacteHistory    *self);
const char   *pacte_history_get_redo_label (PacteHistory    *self);
gboolean      pacte_history_undo         (PacteHistory      *self);
gboolean      pacte_history_redo         (PacteHistory      *self);
void          pacte_history_begin_group  (PacteHistory      *self,
                                          const char        *label);
void          pacte_history_end_group    (PacteHistory      *self);
void          pacte_history_break_merge  (PacteHistory      *self);
/* The current position becomes the saved one. */
void          pacte_history_set_saved    (PacteHistory      *self);
/* A save point names the state the history is in when a save starts; the
 * state becomes the saved one when the save ends, even if edits were made
 * meanwhile (they stay unsaved). */
PacteSavePoint pacte_history_get_save_point (PacteHistory      *self);
void          pacte_history_set_saved_at (PacteHistory         *self,
                                          const PacteSavePoint *point);
/* Forgets every step; the current state is the saved one. */
void          pacte_history_clear        (PacteHistory      *self);
gboolean      pacte_history_is_modified  (PacteHistory      *self);

/* ---- Portfolio hooks ---------------------------------------------------- */
/* The history changed: notify can-undo, labels, modified if they did. */
void          pacte_portfolio_history_changed    (PactePortfolio *self);

G_END_DECLS
