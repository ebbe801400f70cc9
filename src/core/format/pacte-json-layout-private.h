/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-json-layout-private.h: the JSON shape (layout) of a record class, derived once from
 * its field table (pacte-json-layout.c) and shared by the loader and the saver.
 * Only for src/core/format (and the merge's writing of its result).
 *
 * A field table is flat ("period.start", "period.end"); the layout turns it
 * back into the nested objects of the file, in table order: a nested object
 * sits at the position of its first field. */
#pragma once

#include "pacte-record-private.h"

G_BEGIN_DECLS

typedef struct _PacteFormatGroup PacteFormatGroup;

typedef struct
{
  const char       *member;  /* member name inside the enclosing object */
  int               field;   /* field index, or -1 for a nested object */
  PacteFormatGroup *group;   /* the nested object when field is -1 */
} PacteFormatEntry;

struct _PacteFormatGroup
{
  char             *object_path;  /* "" for the record's own object, "period", "a.b" */
  PacteFormatEntry *entries;
  guint             n_entries;
};

typedef struct
{
  PacteFormatGroup  root;
  int               key_field;  /* the field that is the member name in the
                                   enclosing object (an override's rule id), or -1 */
  int               id_field;   /* the "id" field, unique within its array, or -1 */
} PacteFormatLayout;

/* Built on first use, then shared for the life of the program (thread-safe). */
const PacteFormatLayout *pacte_format_layout_get (PacteRecord *record);

/* TRUE when a LIST of this item type is written as an object keyed by the
 * items' key field (rule_overrides, rule_settings). */
gboolean                 pacte_format_is_keyed   (GType        item_type);

/* A field that is never omitted, even when not filled in. */
gboolean                 pacte_format_always_written (PacteRecord *record,
                                                      guint        field);

/* pacte-portfolio-save.c, for pacte-portfolio-snapshot.c: the text of one
 * partner or plan as the portfolio's file holds it (indented as an item of
 * its list), and the whole file as segments (GBytes) where each partner and
 * plan is the piece that piece(item, data) returns (transfer full).  Joined,
 * the segments are pacte_portfolio_to_bytes(). */
typedef GBytes *(*PacteFormatPieceFunc) (PacteRecord *item,
                                         gpointer     data);
GBytes *pacte_format_portfolio_piece    (PacteRecord          *item);
void    pacte_format_portfolio_segments (PactePortfolio       *self,
                                         PacteFormatPieceFunc  piece,
                                         gpointer              data,
                                         GPtrArray            *segments);

/* The same with other partners and plans than the portfolio's own (the
 * merge's, pacte-merge-lists.c): the items of the list field are the pieces
 * item(field, 0, data), item(field, 1, data)… (transfer full) up to the
 * first NULL. */
typedef GBytes *(*PacteFormatItemFunc) (guint    field,
                                        guint    index,
                                        gpointer data);
void    pacte_format_portfolio_segments_items (PactePortfolio      *self,
                                               PacteFormatItemFunc  item,
                                               gpointer             data,
                                               GPtrArray           *segments);

G_END_DECLS
