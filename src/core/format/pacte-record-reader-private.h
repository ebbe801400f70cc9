/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-record-reader-private.h: records from JSON trees, with the field
 * tables of the record classes (pacte-record-reader.c).  Only for
 * pacte-portfolio-load.c. */
#pragma once

#include <json-glib/json-glib.h>

#include "pacte-portfolio.h"

G_BEGIN_DECLS

/* A list of records being read, one item at a time. */
typedef struct
{
  PacteRecord *record;
  guint        field;
  GType        item_type;
  GHashTable  *ids;        /* id -> index + 1 */
  int          id_field;
  guint        n;
} PacteListReader;

/* One step of the JSON path of the value being read: a member name (owned
 * by the tree being read, or static), an index, or a path already written
 * out.  The path is written out only for a message. */
typedef enum
{
  PACTE_READER_PATH_MEMBER,
  PACTE_READER_PATH_INDEX,
  PACTE_READER_PATH_RAW,
} PacteReaderPathKind;

typedef struct
{
  const char          *text;   /* MEMBER, RAW */
  guint                index;  /* INDEX */
  PacteReaderPathKind  kind;
} PacteReaderPathPart;

/* What the reader needs of a record class, looked up once per class. */
typedef struct _PacteReaderClass PacteReaderClass;

typedef struct
{
  const char          *display;
  PacteRuleSet        *rules;
  PacteReaderPathPart *parts;         /* the JSON path of the value being read */
  guint                n_parts;
  guint                parts_size;
  GString             *path;          /* parts written out (pacte_reader_path ()) */
  GHashTable     *partner_ids;   /* id -> index + 1, once the partners are read */
  GArray         *pending;       /* partner ids named before the partners were read */
  GArray         *unknowns;      /* members we do not know: a stack, one slice per record being read */
  PactePortfolio *portfolio;     /* being read, member by member */
  guint           root_start;
  PacteListReader list;          /* the portfolio's list being read */
  guint           list_path_depth;
  const char     *list_member;   /* its name, alive while it is read */
  /* The record classes met so far (without the lock of
   * pacte_format_layout_get() for every record). */
  GPtrArray      *classes;       /* PacteReaderClass */
  /* Walking an item of a list in the order of json-glib's hash tables
   * rather than the file's (pacte-record-reader.c, list_reader_build ()). */
  gboolean        fast;
} PacteRecordReader;

void     pacte_record_reader_init         (PacteRecordReader  *self,
                                           const char         *display,
                                           PacteRuleSet       *rules);
void     pacte_record_reader_clear        (PacteRecordReader  *self);

/* The members "format" and "version" of the file (NULL when missing),
 * before anything else. */
gboolean pacte_record_reader_check_header (PacteRecordReader  *self,
                                           JsonNode           *format,
                                           JsonNode           *version,
                                           GError            **error);

/* The portfolio's own members, in the order of the file, between begin and
 * end.  member and node stay alive until end (members we do not know are
 * kept as they are). */
void     pacte_record_reader_begin        (PacteRecordReader  *self,
                                           PactePortfolio     *portfolio);
gboolean pacte_record_reader_member       (PacteRecordReader  *self,
                                           const char         *member,
                                           JsonNode           *node,
                                           GError            **error);
/* Whether member of the portfolio is a list of records that can be read one
 * item at a time (its array's items given to list_item, each from its own
 * tree, which may be dropped as soon as list_item returns). */
gboolean pacte_record_reader_is_list      (PacteRecordReader  *self,
                                           const char         *member);
void     pacte_record_reader_list_begin   (PacteRecordReader  *self,
                                           const char         *member);
gboolean pacte_record_reader_list_item    (PacteRecordReader  *self,
                                           JsonNode           *item,
                                           GError            **error);
gboolean pacte_record_reader_list_end     (PacteRecordReader  *self,
                                           GError            **error);
gboolean pacte_record_reader_end          (PacteRecordReader  *self,
                                           GError            **error);

/* A list's items built in other threads (pacte-portfolio-load.c), between
 * list_begin and list_end: each thread its own reader, made for the list
 * being read by list_reader; the list's reader takes the items built, in
 * order (their ids are checked then).  pending: the partner ids an item
 * names before the partners are read (NULL when none), for add_built. */
void         pacte_record_reader_init_worker    (PacteRecordReader  *self,
                                                 PacteRecordReader  *list_reader);
PacteRecord *pacte_record_reader_build_item     (PacteRecordReader  *self,
                                                 guint               index,
                                                 JsonNode           *item,
                                                 GArray            **pending,
                                                 GError            **error);
gboolean     pacte_record_reader_list_add_built (PacteRecordReader  *self,
                                                 PacteRecord        *item,
                                                 GArray             *pending,
                                                 GError            **error);
void         pacte_pending_refs_free            (GArray             *pending);

/* ---- Shared by the reader's files (pacte-reader-values.c) ---------------- */

/* One PACTE_MODEL_ERROR: "display: path: what". */
gboolean     pacte_reader_fail                  (PacteRecordReader  *self,
                                                 GError            **error,
                                                 int                 code,
                                                 const char         *format,
                                                 ...) G_GNUC_PRINTF (4, 5);
/* "found a string; expected …" */
gboolean     pacte_reader_fail_type             (PacteRecordReader  *self,
                                                 GError            **error,
                                                 JsonNode           *node,
                                                 const char         *expected);
/* What a field of that kind holds, for messages ("a date as …"). */
const char  *pacte_reader_kind_phrase           (PacteFieldKind      kind);
/* Append .member (or ["member"]) or [index] to the JSON path of the value
 * being read; return the depth to go back to with pacte_reader_path_pop().
 * member must stay alive while it is on the path. */
guint        pacte_reader_path_grow             (PacteRecordReader  *self);

static inline guint
pacte_reader_path_push (PacteRecordReader   *self,
                        PacteReaderPathKind  kind,
                        const char          *text,
                        guint                index)
{
  guint depth = self->n_parts;
  PacteReaderPathPart *part;

  if (G_UNLIKELY (depth == self->parts_size))
    pacte_reader_path_grow (self);
  part = &self->parts[depth];
  part->kind = kind;
  part->text = text;
  part->index = index;
  self->n_parts = depth + 1;
  return depth;
}

static inline guint
pacte_reader_path_push_member (PacteRecordReader *self,
                               const char        *member)
{
  return pacte_reader_path_push (self, PACTE_READER_PATH_MEMBER, member, 0);
}

static inline guint
pacte_reader_path_push_index (PacteRecordReader *self,
                              guint              index)
{
  return pacte_reader_path_push (self, PACTE_READER_PATH_INDEX, NULL, index);
}

static inline void
pacte_reader_path_pop (PacteRecordReader *self,
                       guint              depth)
{
  self->n_parts = depth;
}

/* The JSON path written out ("plans[2].partners[0]"), valid until the
 * next call. */
const char  *pacte_reader_path                  (PacteRecordReader  *self);
gboolean     pacte_reader_node_is_string        (JsonNode           *node);
/* null, "", [] and {}: "not filled in" (docs/format.md), except an empty
 * array where an array belongs and an empty object where an object does. */
gboolean     pacte_reader_node_is_not_filled_in (JsonNode           *node,
                                                 gboolean            array_belongs,
                                                 gboolean            object_belongs);
gboolean     pacte_reader_node_get_number       (JsonNode           *node,
                                                 double             *value);
/* A number the model can hold exactly (finite; whole and at most 2^53
 * when integer). */
gboolean     pacte_reader_check_number          (PacteRecordReader  *self,
                                                 GError            **error,
                                                 double              value,
                                                 gboolean            integer);

/* The members of an object, one at a time: in the file's order, or in a
 * fast walk (list_reader_build () in pacte-record-reader.c) in the order
 * of json-glib's hash table, which gives each member's node without
 * looking its name up again (json_object_iter_next_ordered () hashes and
 * compares every name). */
typedef struct
{
  JsonObjectIter iter;
  gboolean       fast;
} MemberIter;

static inline void
member_iter_init (MemberIter        *it,
                  PacteRecordReader *self,
                  JsonObject        *object)
{
  it->fast = self->fast;
  if (it->fast)
    json_object_iter_init (&it->iter, object);
  else
    json_object_iter_init_ordered (&it->iter, object);
}

static inline gboolean
member_iter_next (MemberIter  *it,
                  const char **member,
                  JsonNode   **node)
{
  if (it->fast)
    return json_object_iter_next (&it->iter, member, node);
  return json_object_iter_next_ordered (&it->iter, member, node);
}

/* The fields that hold one string (text, choice, date, quarter) and maps,
 * in pacte-reader-fields.c.  text: the node's string, NULL when it holds
 * something else. */
gboolean     pacte_reader_load_string_field     (PacteRecordReader    *self,
                                                 PacteRecord          *record,
                                                 guint                 field,
                                                 const PacteFieldInfo *info,
                                                 JsonNode             *node,
                                                 const char           *text,
                                                 GError              **error);
gboolean     pacte_reader_load_map_field        (PacteRecordReader    *self,
                                                 PacteRecord          *record,
                                                 guint                 field,
                                                 const PacteFieldInfo *info,
                                                 JsonNode             *node,
                                                 GError              **error);

G_END_DECLS
