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

typedef struct
{
  const char     *display;
  PacteRuleSet   *rules;
  GString        *path;          /* JSON path of the value being read */
  GHashTable     *partner_ids;   /* id -> index + 1, once the partners are read */
  GArray         *pending;       /* partner ids named before the partners were read */
  GArray         *unknowns;      /* members we do not know: a stack, one slice per record being read */
  PactePortfolio *portfolio;     /* being read, member by member */
  guint           root_start;
  PacteListReader list;          /* the portfolio's list being read */
  gsize           list_path_len;
  /* The layouts of the record types met so far (without the lock of
   * pacte_format_layout_get() for every record). */
  GType           layout_types[16];
  gconstpointer   layouts[16];
  guint           n_layouts;
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
/* Append .member (or ["member"]) or [index] to a JSON path; return the
 * length to restore. */
gsize        pacte_reader_path_push_member      (GString            *path,
                                                 const char         *member);
gsize        pacte_reader_path_push_index       (GString            *path,
                                                 guint               index);
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

G_END_DECLS
