/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-merge.c: the three-way merge of portfolios (pacte-merge.h).
 *
 * The three sides are loaded (so each is a valid portfolio) and taken in
 * canonical form as JSON trees, where "not filled in" is always "absent":
 * two values are the same exactly when their trees are equal.  The merge
 * walks the trees; the result goes back through the loader, so a merge
 * never writes a file the program would refuse. */
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

static PacteMergeConflict *
conflict_new (const char *path,
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

typedef struct {
  GString   *path;
  GPtrArray *conflicts;   /* of PacteMergeConflict */
} Merge;

static gboolean
same (JsonNode *a,
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

static JsonNode *merge_node (Merge    *m,
                             JsonNode *base,
                             JsonNode *ours,
                             JsonNode *theirs);

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
merge_id_list (Merge      *m,
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
      merged = merge_node (m, g_hash_table_lookup (base_ids, id), NULL, item);
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
      merged = merge_node (m, g_hash_table_lookup (base_ids, id), item, g_hash_table_lookup (their_ids, id));
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
merge_object (Merge    *m,
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
          merged = merge_node (m, b != NULL ? json_object_get_member (b, name) : NULL,
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
static JsonNode *
merge_node (Merge    *m,
            JsonNode *base,
            JsonNode *ours,
            JsonNode *theirs)
{
  if (same (ours, theirs) || same (base, theirs))
    return ours != NULL ? json_node_ref (ours) : NULL;
  if (same (base, ours))
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

  g_ptr_array_add (m->conflicts, conflict_new (m->path->str, base, ours, theirs));
  return ours != NULL ? json_node_ref (ours) : NULL;
}

/* ---- Keeping the result valid ---------------------------------------- */

static void
add_strings (GHashTable *set,
             JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (node), i);

      if (json_node_get_value_type (item) == G_TYPE_STRING)
        g_hash_table_add (set, (gpointer) json_node_get_string (item));
    }
}

static JsonArray *
member_array (JsonNode   *root,
              const char *member)
{
  JsonNode *node;

  if (root == NULL)
    return NULL;
  node = json_object_get_member (json_node_get_object (root), member);
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonNode *
find_by_id (JsonNode   *root,
            const char *member,
            const char *id)
{
  JsonArray *items = member_array (root, member);

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    if (g_strcmp0 (pacte_merge_item_id (json_array_get_element (items, i)), id) == 0)
      return json_array_get_element (items, i);
  return NULL;
}

/* A partner one side removed while the other still names it (a new plan of
 * theirs with a partner we deleted) is kept, and the removal recorded as a
 * conflict: the file must not name a partner it does not have. */
static void
keep_named_partners (Merge    *m,
                     JsonNode *merged,
                     JsonNode *base,
                     JsonNode *ours,
                     JsonNode *theirs)
{
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *plans = member_array (merged, "plans");
  JsonArray *partners = member_array (merged, "partners");
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; plans != NULL && i < json_array_get_length (plans); i++)
    {
      JsonObject *plan = json_array_get_object_element (plans, i);
      const char *lists[] = { "actions", "events" };
      const char *members[] = { "parties", "partners" };

      if (plan == NULL)
        continue;
      add_strings (named, plan, "partners");
      for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
        {
          JsonNode *list = json_object_get_member (plan, lists[k]);

          for (guint j = 0; list != NULL && JSON_NODE_HOLDS_ARRAY (list) && j < json_array_get_length (json_node_get_array (list)); j++)
            {
              JsonObject *item = json_array_get_object_element (json_node_get_array (list), j);

              if (item != NULL)
                add_strings (named, item, members[k]);
            }
        }
    }
  if (partners == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      const char *id = pacte_merge_item_id (json_array_get_element (partners, i));

      if (id != NULL)
        g_hash_table_add (present, (gpointer) id);
    }

  g_hash_table_iter_init (&iter, named);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *id = key;
      JsonNode *b, *o, *t, *kept;
      g_autoptr(GString) path = NULL;

      if (g_hash_table_contains (present, id))
        continue;
      b = find_by_id (base, "partners", id);
      o = find_by_id (ours, "partners", id);
      t = find_by_id (theirs, "partners", id);
      kept = o != NULL ? o : t != NULL ? t : b;
      if (kept == NULL)
        continue;  /* named by no side's partners: the loader will say so */
      json_array_add_element (partners, json_node_copy (kept));
      g_hash_table_add (present, (gpointer) id);

      path = g_string_new ("partners");
      pacte_merge_path_push_id (path, id);
      {
        gboolean recorded = FALSE;

        for (guint i = 0; i < m->conflicts->len; i++)
          {
            PacteMergeConflict *c = g_ptr_array_index (m->conflicts, i);

            if (g_str_equal (c->path, path->str))
              recorded = TRUE;
          }
        if (!recorded)
          g_ptr_array_add (m->conflicts, conflict_new (path->str, b, o, t));
      }
    }
}

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

static JsonNode *
parse_canonical (GBytes *bytes)
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
  return parse_canonical (bytes);
}

static gpointer
parse_thread (gpointer data)
{
  return parse_canonical (data);
}

/* pacte_merge_tree() of the three versions.  Parsing the canonical text
 * is most of the time a merge takes (json-glib builds a node per value):
 * the three texts, written here from the models, are parsed side by side,
 * each by its own parser. */
static void
merge_trees (PactePortfolio *base,
             PactePortfolio *ours,
             PactePortfolio *theirs,
             JsonNode      **base_tree,
             JsonNode      **our_tree,
             JsonNode      **their_tree)
{
  g_autoptr(GBytes) base_bytes = base != NULL ? pacte_portfolio_to_bytes (base) : NULL;
  g_autoptr(GBytes) our_bytes = pacte_portfolio_to_bytes (ours);
  g_autoptr(GBytes) their_bytes = pacte_portfolio_to_bytes (theirs);
  GThread *base_thread = NULL;
  GThread *their_thread;

  if (base_bytes != NULL)
    base_thread = g_thread_new ("pacte-merge-base", parse_thread, base_bytes);
  their_thread = g_thread_new ("pacte-merge-theirs", parse_thread, their_bytes);
  *our_tree = parse_canonical (our_bytes);
  *their_tree = g_thread_join (their_thread);
  *base_tree = base_thread != NULL ? g_thread_join (base_thread) : NULL;
}

GBytes *
pacte_merge_portfolios (PactePortfolio  *base,
                        PactePortfolio  *ours,
                        PactePortfolio  *theirs,
                        PacteRuleSet    *rules,
                        GPtrArray      **conflicts,
                        GError         **error)
{
  g_autoptr(JsonNode) base_tree = NULL;
  g_autoptr(JsonNode) our_tree = NULL;
  g_autoptr(JsonNode) their_tree = NULL;
  g_autoptr(JsonNode) merged = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) pacte_merge_conflict_free);
  g_autoptr(PactePortfolio) result = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GError) local_error = NULL;
  Merge m = { 0 };
  char *data;
  gsize len;

  g_return_val_if_fail (base == NULL || PACTE_IS_PORTFOLIO (base), NULL);
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (ours), NULL);
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (theirs), NULL);

  merge_trees (base, ours, theirs, &base_tree, &our_tree, &their_tree);

  m.path = g_string_new (NULL);
  m.conflicts = found;
  merged = merge_node (&m, base_tree, our_tree, their_tree);
  g_string_free (m.path, TRUE);
  keep_named_partners (&m, merged, base_tree, our_tree, their_tree);

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

  data = json_to_string (merged, FALSE);
  len = strlen (data);
  text = g_bytes_new_take (data, len);
  result = pacte_portfolio_load_bytes (text, _("the merged portfolio"), rules, &local_error);
  if (result == NULL)
    {
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                   _("the two versions cannot be merged into a valid portfolio: %s"), local_error->message);
      return NULL;
    }
  if (conflicts != NULL)
    *conflicts = g_steal_pointer (&found);
  return pacte_portfolio_to_bytes (result);
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
                       conflict_new (path != NULL && json_node_get_value_type (path) == G_TYPE_STRING
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
