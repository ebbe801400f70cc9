/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-merge-private.h: the JSON-tree helpers the merge and the diff share.
 * Only for src/core/merge. */
#pragma once

#include "pacte-portfolio.h"

G_BEGIN_DECLS

/* The portfolio in canonical form as a JSON tree ("not filled in" is always
 * absent, so equal values are equal trees); NULL for NULL. */
JsonNode   *pacte_merge_tree             (PactePortfolio *portfolio);
/* path + ".member" / path + ["id"]; return the old length, to truncate back. */
gsize       pacte_merge_path_push_member (GString        *path,
                                          const char     *member);
gsize       pacte_merge_path_push_id     (GString        *path,
                                          const char     *id);
/* The string "id" of an object item, or NULL. */
const char *pacte_merge_item_id          (JsonNode       *item);
/* id -> item (borrowed) when every item has a distinct string id (an
 * absent array gives an empty table); NULL otherwise. */
GHashTable *pacte_merge_index_by_id      (JsonNode       *array);

G_END_DECLS
