/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-merge.c: the three-way merge of portfolios (pacte-merge.h).
 *
 * The three sides are loaded (so each is a valid portfolio) and taken in
 * canonical form as JSON trees, where "not filled in" is always "absent":
 * two values are the same exactly when their trees are equal.  The merge
 * walks the trees; the partners and plans, nearly all of a file, are
 * compared as records and only those both sides changed become trees
 * (pacte-merge-lists.c).  What the versions' loads did not already check
 * goes through the loader (pacte_merge_lists_finish()), so a merge never
 * writes a file the program would refuse. */
#include "config.h"

#include <string.h>

#include "pacte-i18n.h"
#include "pacte-merge.h"
#include "pacte-merge-private.h"
#include "pacte-record-private.h"
#include "pacte-rules.h"

void
pacte_merge_conflict_free (PacteMergeConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->path);
  g_clear_pointer (&conflict->base, json_node_unref);
  g_clear_pointer (&conflict->ours, json_node_unref);
  g_clear_pointer (&conflict->theirs, json_node_unref);
  g_free (conflict);
}

PacteMergeConflict *
pacte_merge_conflict_new (const char *path,
              JsonNode   *base,
              JsonNode   *ours,
              JsonNode   *theirs)
{
  PacteMergeConflict *conflict = g_new0 (PacteMergeConflict, 1);

  conflict->path = g_strdup (path);
  conflict->base = base != NULL ? json_node_copy (base) : NULL;
  conflict->ours = ours != NULL ? json_node_copy (ours) : NULL;
  conflict->theirs = theirs != NULL ? json_node_copy (theirs) : NULL;
  return conflict;
}

gboolean
pacte_merge_same (JsonNode *a,
                  JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

/* path + ".member" (or "member" at the top). */
gsize
pacte_merge_path_push_member (GString    *path,
                  const char *member)
{
  gsize len = path->len;

  if (path->len > 0)
    g_string_append_c (path, '.');
  g_string_append (path, member);
  return len;
}

/* path + ["id"], the id written as a JSON string. */
gsize
pacte_merge_path_push_id (GString    *path,
              const char *id)
{
  gsize len = path->len;
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), id);
  g_autofree char *quoted = json_to_string (node, FALSE);

  g_string_append_printf (path, "[%s]", quoted);
  return len;
}


const char *
pacte_merge_item_id (JsonNode *item)
{
  JsonNode *id;

  if (!JSON_NODE_HOLDS_OBJECT (item))
    return NULL;
  id = json_object_get_member (json_node_get_object (item), "id");
  if (id == NULL || json_node_get_value_type (id) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (id);
}

/* id -> item for an array whose items all have a distinct string id; NULL
 * when one has none or two share one (then it is a list without ids).  A
 * NULL array (absent, i.e. empty) gives an empty table. */
GHashTable *
pacte_merge_index_by_id (JsonNode *array)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  if (array == NULL)
    return index;
  if (!JSON_NODE_HOLDS_ARRAY (array))
    goto no;
  {
    JsonArray *items = json_node_get_array (array);
    guint n = json_array_get_length (items);

    for (guint i = 0; i < n; i++)
      {
        JsonNode *item = json_array_get_element (items, i);
        const char *id = pacte_merge_item_id (item);

        if (id == NULL || g_hash_table_contains (index, id))
          goto no;
        g_hash_table_insert (index, (gpointer) id, item);
      }
  }
  return index;

no:
  g_hash_table_unref (index);
  return NULL;
}

static guint
array_length (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_array_get_length (json_node_get_array (node)) : 0;
}

/* Records matched by id.  The result follows our order; a record only
 * theirs added comes after the record it follows in their list. */
static JsonNode *
merge_id_list (PacteMerge *m,
               JsonNode   *base,
               JsonNode   *ours,
               JsonNode   *theirs,
               GHashTable *base_ids,
               GHashTable *our_ids,
               GHashTable *their_ids)
{
  g_autoptr(GHashTable) after = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) at_start = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  JsonArray *result = json_array_new ();
  const char *anchor = NULL;
  JsonNode *node;

  /* Theirs first: the records we do not have, placed after their anchor. */
  for (guint i = 0; i < array_length (theirs); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (theirs), i);
      const char *id = pacte_merge_item_id (item);
      JsonNode *merged;
      gsize len;

      if (g_hash_table_contains (our_ids, id))
        {
          anchor = id;
          continue;
        }
      len = pacte_merge_path_push_id (m->path, id);
      merged = pacte_merge_node (m, g_hash_table_lookup (base_ids, id), NULL, item);
      g_string_truncate (m->path, len);
      if (merged == NULL)
        continue;
      if (anchor == NULL)
        g_ptr_array_add (at_start, merged);
      else
        {
          GPtrArray *list = g_hash_table_lookup (after, anchor);

          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
              g_hash_table_insert (after, (gpointer) anchor, list);
            }
          g_ptr_array_add (list, merged);
        }
    }

  for (guint i = 0; i < at_start->len; i++)
    json_array_add_element (result, json_node_ref (g_ptr_array_index (at_start, i)));
  for (guint i = 0; i < array_length (ours); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (ours), i);
      const char *id = pacte_merge_item_id (item);
      GPtrArray *following = g_hash_table_lookup (after, id);
      JsonNode *merged;
      gsize len;

      len = pacte_merge_path_push_id (m->path, id);
      merged = pacte_merge_node (m, g_hash_table_lookup (base_ids, id), item, g_hash_table_lookup (their_ids, id));
      g_string_truncate (m->path, len);
      if (merged != NULL)
        json_array_add_element (result, merged);
      for (guint j = 0; following != NULL && j < following->len; j++)
        json_array_add_element (result, json_node_ref (g_ptr_array_index (following, j)));
    }

  node = json_node_alloc ();
  json_node_init_array (node, result);
  json_array_unref (result);
  return node;
}

/* Members merged one by one: ours in our order, then those only theirs has. */
static JsonNode *
merge_object (PacteMerge *m,
              JsonNode *base,
              JsonNode *ours,
              JsonNode *theirs)
{
  JsonObject *b = base != NULL ? json_node_get_object (base) : NULL;
  JsonObject *o = json_node_get_object (ours);
  JsonObject *t = json_node_get_object (theirs);
  JsonObject *result = json_object_new ();
  g_autoptr(GList) our_members = json_object_get_members (o);
  g_autoptr(GList) their_members = json_object_get_members (t);
  g_autoptr(GList) base_members = b != NULL ? json_object_get_members (b) : NULL;
  JsonNode *node;

  for (int pass = 0; pass < 3; pass++)
    {
      GList *members = pass == 0 ? our_members : pass == 1 ? their_members : base_members;

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *name = l->data;
          JsonNode *merged;
          gsize len;

          if ((pass >= 1 && json_object_has_member (o, name))
              || (pass == 2 && json_object_has_member (t, name)))
            continue;
          len = pacte_merge_path_push_member (m->path, name);
          merged = pacte_merge_node (m, b != NULL ? json_object_get_member (b, name) : NULL,
                               json_object_get_member (o, name), json_object_get_member (t, name));
          g_string_truncate (m->path, len);
          if (merged != NULL)
            json_object_set_member (result, name, merged);
        }
    }

  node = json_node_alloc ();
  json_node_init_object (node, result);
  json_object_unref (result);
  return node;
}

/* The merged value (a new reference), or NULL for "absent". */
JsonNode *
pacte_merge_node (PacteMerge *m,
                  JsonNode   *base,
                  JsonNode   *ours,
                  JsonNode   *theirs)
{
  /* The portfolio's partners and plans: by their records. */
  if (pacte_merge_lists_handles (m))
    return pacte_merge_lists_merge (m);
  if (pacte_merge_same (ours, theirs) || pacte_merge_same (base, theirs))
    return ours != NULL ? json_node_ref (ours) : NULL;
  if (pacte_merge_same (base, ours))
    return theirs != NULL ? json_node_ref (theirs) : NULL;

  /* Both changed it, differently. */
  if (ours != NULL && theirs != NULL && JSON_NODE_HOLDS_OBJECT (ours) && JSON_NODE_HOLDS_OBJECT (theirs)
      && (base == NULL || JSON_NODE_HOLDS_OBJECT (base)))
    return merge_object (m, base, ours, theirs);

  if ((ours == NULL || JSON_NODE_HOLDS_ARRAY (ours)) && (theirs == NULL || JSON_NODE_HOLDS_ARRAY (theirs))
      && (base == NULL || JSON_NODE_HOLDS_ARRAY (base))
      && array_length (ours) + array_length (theirs) + array_length (base) > 0)
    {
      g_autoptr(GHashTable) base_ids = pacte_merge_index_by_id (base);
      g_autoptr(GHashTable) our_ids = pacte_merge_index_by_id (ours);
      g_autoptr(GHashTable) their_ids = pacte_merge_index_by_id (theirs);

      if (base_ids != NULL && our_ids != NULL && their_ids != NULL)
        return merge_id_list (m, base, ours, theirs, base_ids, our_ids, their_ids);
    }

  g_ptr_array_add (m->conflicts, pacte_merge_conflict_new (m->path->str, base, ours, theirs));
  return ours != NULL ? json_node_ref (ours) : NULL;
}

/* ---- The merged portfolio ------------------------------------------- */

static JsonNode *
conflict_to_json (PacteMergeConflict *conflict)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_alloc ();

  json_object_set_string_member (object, "path", conflict->path);
  json_object_set_member (object, "base", conflict->base != NULL ? json_node_copy (conflict->base) : json_node_new (JSON_NODE_NULL));
  json_object_set_member (object, "ours", conflict->ours != NULL ? json_node_copy (conflict->ours) : json_node_new (JSON_NODE_NULL));
  json_object_set_member (object, "theirs", conflict->theirs != NULL ? json_node_copy (conflict->theirs) : json_node_new (JSON_NODE_NULL));
  json_node_init_object (node, object);
  json_object_unref (object);
  return node;
}

JsonNode *
pacte_merge_parse (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (!json_parser_load_from_data (parser, data, (gssize) len, NULL))
    g_return_val_if_reached (NULL);  /* the saver writes JSON */
  return json_node_ref (json_parser_get_root (parser));
}

JsonNode *
pacte_merge_tree (PactePortfolio *portfolio)
{
  g_autoptr(GBytes) bytes = NULL;

  if (portfolio == NULL)
    return NULL;
  bytes = pacte_portfolio_to_bytes (portfolio);
  return pacte_merge_parse (bytes);
}

GBytes *
pacte_merge_portfolios (PactePortfolio  *base,
                        PactePortfolio  *ours,
                        PactePortfolio  *theirs,
                        PacteRuleSet    *rules,
                        GPtrArray      **conflicts,
                        GError         **error)
{
  g_autoptr(PacteMergeLists) lists = NULL;
  g_autoptr(JsonNode) base_tree = NULL;
  g_autoptr(JsonNode) our_tree = NULL;
  g_autoptr(JsonNode) their_tree = NULL;
  g_autoptr(JsonNode) merged = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) pacte_merge_conflict_free);
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GError) local_error = NULL;
  PacteMerge m = { 0 };

  g_return_val_if_fail (base == NULL || PACTE_IS_PORTFOLIO (base), NULL);
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (ours), NULL);
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (theirs), NULL);

  /* The trees of everything but the partners and plans, which the walk
   * hands to the lists where it meets them. */
  lists = pacte_merge_lists_new (base, ours, theirs);
  base_tree = pacte_merge_lists_shell (lists, 0);
  our_tree = pacte_merge_lists_shell (lists, 1);
  their_tree = pacte_merge_lists_shell (lists, 2);

  m.path = g_string_new (NULL);
  m.conflicts = found;
  m.lists = lists;
  merged = pacte_merge_node (&m, base_tree, our_tree, their_tree);
  g_string_free (m.path, TRUE);
  pacte_merge_lists_keep_named_partners (&m);

  if (found->len > 0)
    {
      JsonObject *root = json_node_get_object (merged);
      JsonNode *kept = json_object_get_member (root, PACTE_MERGE_CONFLICTS_MEMBER);
      JsonArray *list = json_array_new ();
      JsonNode *list_node = json_node_alloc ();

      /* Conflicts left from an earlier merge stay, before the new ones. */
      for (guint i = 0; kept != NULL && JSON_NODE_HOLDS_ARRAY (kept) && i < json_array_get_length (json_node_get_array (kept)); i++)
        {
          JsonNode *old = json_array_get_element (json_node_get_array (kept), i);
          JsonNode *old_path = JSON_NODE_HOLDS_OBJECT (old) ? json_object_get_member (json_node_get_object (old), "path") : NULL;

          /* The conflicts member itself changed on both sides: keep each once. */
          if (old_path != NULL && g_str_has_prefix (json_node_get_string (old_path), PACTE_MERGE_CONFLICTS_MEMBER))
            continue;
          json_array_add_element (list, json_node_copy (old));
        }
      for (guint i = 0; i < found->len; i++)
        {
          PacteMergeConflict *c = g_ptr_array_index (found, i);

          if (g_str_equal (c->path, PACTE_MERGE_CONFLICTS_MEMBER))
            continue;
          json_array_add_element (list, conflict_to_json (c));
        }
      json_node_init_array (list_node, list);
      json_array_unref (list);
      json_object_set_member (root, PACTE_MERGE_CONFLICTS_MEMBER, list_node);
    }

  {
    JsonNode *shells[3] = { base_tree, our_tree, their_tree };

    text = pacte_merge_lists_finish (lists, merged, shells, rules, &local_error);
  }
  if (text == NULL)
    {
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                   _("the two versions cannot be merged into a valid portfolio: %s"), local_error->message);
      return NULL;
    }
  if (conflicts != NULL)
    *conflicts = g_steal_pointer (&found);
  return g_steal_pointer (&text);
}

/* ---- Conflicts in a loaded portfolio --------------------------------- */

static JsonNode *
null_to_absent (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static void
collect_conflicts (const char *member,
                   JsonNode   *node,
                   gpointer    user_data)
{
  GPtrArray *conflicts = user_data;

  if (!g_str_equal (member, PACTE_MERGE_CONFLICTS_MEMBER) || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonObject *item = json_array_get_object_element (json_node_get_array (node), i);
      JsonNode *path;

      if (item == NULL)
        continue;
      path = json_object_get_member (item, "path");
      g_ptr_array_add (conflicts,
                       pacte_merge_conflict_new (path != NULL && json_node_get_value_type (path) == G_TYPE_STRING
                                       ? json_node_get_string (path) : "",
                                     null_to_absent (json_object_get_member (item, "base")),
                                     null_to_absent (json_object_get_member (item, "ours")),
                                     null_to_absent (json_object_get_member (item, "theirs"))));
    }
}

GPtrArray *
pacte_merge_get_conflicts (PactePortfolio *portfolio)
{
  GPtrArray *conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) pacte_merge_conflict_free);

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), conflicts);
  pacte_record_foreach_unknown (PACTE_RECORD (portfolio), "", collect_conflicts, conflicts);
  return conflicts;
}

char *
pacte_merge_check_member (JsonNode  *node,
                          char     **path_out)
{
  JsonArray *items;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      *path_out = g_strdup (PACTE_MERGE_CONFLICTS_MEMBER);
      return g_strdup (_("expected a list of merge conflicts, each with \"path\", \"base\", \"ours\" and \"theirs\""));
    }
  items = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      JsonNode *path;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          *path_out = g_strdup_printf ("%s[%u]", PACTE_MERGE_CONFLICTS_MEMBER, i);
          return g_strdup (_("expected a merge conflict: an object with \"path\", \"base\", \"ours\" and \"theirs\""));
        }
      path = json_object_get_member (json_node_get_object (item), "path");
      if (path == NULL || json_node_get_value_type (path) != G_TYPE_STRING || *json_node_get_string (path) == '\0')
        {
          *path_out = g_strdup_printf ("%s[%u].path", PACTE_MERGE_CONFLICTS_MEMBER, i);
          return g_strdup (_("expected the path of the conflicting value, as text"));
        }
    }
  return NULL;
}

char *
pacte_merge_value_text (JsonNode *node,
                        guint     max_chars)
{
  g_autofree char *text = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (_("(none)"));
  text = json_to_string (node, FALSE);
  if (g_utf8_strlen (text, -1) > (glong) max_chars && max_chars > 1)
    {
      char *end = g_utf8_offset_to_pointer (text, max_chars - 1);

      *end = '\0';
      return g_strconcat (text, "…", NULL);
    }
  return g_steal_pointer (&text);
}
