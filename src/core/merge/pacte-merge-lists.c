/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-merge-lists.c: the portfolio's partners and plans, merged record by
 * record (pacte-merge-private.h).
 *
 * They are nearly all of a file, and a merge changes few of them.  A record
 * whose versions are equal on two sides (pacte_record_equal(), the values of
 * the loaded models) is taken as it is: its canonical text is written once,
 * for the result, and never parsed back.  Only a record both sides changed
 * is turned into JSON trees and merged member by member, like the rest of
 * the portfolio (pacte-merge.c); so the result is the same as merging the
 * trees of the whole files, at a fraction of the work. */
#include "config.h"

#include <string.h>

#include "pacte-i18n.h"
#include "pacte-json-layout-private.h"
#include "pacte-merge.h"
#include "pacte-merge-private.h"

enum { BASE, OURS, THEIRS, N_SIDES };

typedef struct {
  GBytes      *text;      /* the item as JSON text: the record's canonical
                           * piece, or the merged tree's text */
  const char  *id;        /* borrowed from the record or the tree */
  PacteRecord *record;    /* taken whole, borrowed; NULL for a merged tree */
  guint        side;      /* the version record comes from */
  JsonNode    *tree;      /* the merged tree, or NULL */
  gboolean     check;     /* goes through the loader */
} MergedItem;

typedef struct {
  const char *member;                 /* "partners", "plans" */
  guint       field;                  /* of the portfolio */
  guint       id_field;
  GListModel *items[N_SIDES];         /* borrowed; NULL for a NULL base */
  GHashTable *by_id[N_SIDES];         /* id -> PacteRecord (borrowed) */
  GArray     *merged;                 /* of MergedItem */
  GListModel *checked;                /* the loaded items that were checked */
  guint       next_checked;
} RecordList;

struct _PacteMergeLists {
  PactePortfolio *sides[N_SIDES];
  RecordList      lists[2];
};

static void
merged_item_clear (gpointer data)
{
  MergedItem *item = data;

  g_clear_pointer (&item->text, g_bytes_unref);
  g_clear_pointer (&item->tree, json_node_unref);
}

PacteMergeLists *
pacte_merge_lists_new (PactePortfolio *base,
                       PactePortfolio *ours,
                       PactePortfolio *theirs)
{
  PacteMergeLists *self = g_new0 (PacteMergeLists, 1);
  const char *members[] = { "partners", "plans" };
  guint fields[] = { PACTE_PORTFOLIO_PARTNERS, PACTE_PORTFOLIO_PLANS };
  guint id_fields[] = { PACTE_PARTNER_ID, PACTE_PLAN_ID };

  self->sides[BASE] = base;
  self->sides[OURS] = ours;
  self->sides[THEIRS] = theirs;
  for (guint l = 0; l < G_N_ELEMENTS (self->lists); l++)
    {
      RecordList *list = &self->lists[l];

      list->member = members[l];
      list->field = fields[l];
      list->id_field = id_fields[l];
      list->merged = g_array_new (FALSE, TRUE, sizeof (MergedItem));
      g_array_set_clear_func (list->merged, merged_item_clear);
      for (guint s = 0; s < N_SIDES; s++)
        {
          guint n;

          list->by_id[s] = g_hash_table_new (g_str_hash, g_str_equal);
          if (self->sides[s] == NULL)
            continue;
          list->items[s] = pacte_record_get_list (PACTE_RECORD (self->sides[s]), fields[l]);
          n = g_list_model_get_n_items (list->items[s]);
          /* The loader refused an empty or repeated id: each is a key. */
          for (guint i = 0; i < n; i++)
            {
              g_autoptr(PacteRecord) item = g_list_model_get_item (list->items[s], i);

              g_hash_table_insert (list->by_id[s], (gpointer) pacte_record_get_string (item, list->id_field), item);
            }
        }
    }
  return self;
}

void
pacte_merge_lists_free (PacteMergeLists *self)
{
  if (self == NULL)
    return;
  for (guint l = 0; l < G_N_ELEMENTS (self->lists); l++)
    {
      g_array_unref (self->lists[l].merged);
      for (guint s = 0; s < N_SIDES; s++)
        g_hash_table_unref (self->lists[l].by_id[s]);
    }
  g_free (self);
}

/* ---- Trees -------------------------------------------------------------- */

/* A record's canonical tree (NULL for NULL), as pacte_merge_tree() has it
 * inside its portfolio's. */
static JsonNode *
record_tree (PacteRecord *record)
{
  g_autoptr(GBytes) text = NULL;

  if (record == NULL)
    return NULL;
  text = pacte_format_portfolio_piece (record);
  return pacte_merge_parse (text);
}

static GBytes *
marker_piece (PacteRecord *item G_GNUC_UNUSED,
              gpointer     data G_GNUC_UNUSED)
{
  static const char zero[] = "0";

  return g_bytes_new_static (zero, 1);
}

static GBytes *
join_segments (GPtrArray *segments)
{
  gsize total = 0;
  char *data, *p;

  for (guint i = 0; i < segments->len; i++)
    total += g_bytes_get_size (g_ptr_array_index (segments, i));
  p = data = g_malloc (total + 1);
  for (guint i = 0; i < segments->len; i++)
    {
      gsize len;
      gconstpointer bytes = g_bytes_get_data (g_ptr_array_index (segments, i), &len);

      memcpy (p, bytes, len);
      p += len;
    }
  *p = '\0';
  return g_bytes_new_take (data, total);
}

JsonNode *
pacte_merge_lists_shell (PacteMergeLists *self,
                         guint            side)
{
  static const char * const side_names[] = { "base", "ours", "theirs" };
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GBytes) text = NULL;
  JsonNode *root;

  if (self->sides[side] == NULL)
    return NULL;
  /* The canonical text with a 0 for each partner and plan: a small tree. */
  pacte_format_portfolio_segments (self->sides[side], marker_piece, NULL, segments);
  text = join_segments (segments);
  root = pacte_merge_parse (text);
  for (guint l = 0; l < G_N_ELEMENTS (self->lists); l++)
    {
      JsonObject *object = json_node_get_object (root);
      g_autofree char *marker = NULL;

      if (!json_object_has_member (object, self->lists[l].member))
        continue;
      /* Different on every side, so that the walk never takes a whole
       * version for equal to another without merging its lists. */
      marker = g_strdup_printf ("%s of %s", self->lists[l].member, side_names[side]);
      json_object_set_string_member (object, self->lists[l].member, marker);
    }
  return root;
}

/* ---- Merging a list ------------------------------------------------------ */

static RecordList *
list_at_path (PacteMerge *m)
{
  if (m->lists == NULL)
    return NULL;
  for (guint l = 0; l < G_N_ELEMENTS (m->lists->lists); l++)
    if (g_str_equal (m->path->str, m->lists->lists[l].member))
      return &m->lists->lists[l];
  return NULL;
}

gboolean
pacte_merge_lists_handles (PacteMerge *m)
{
  return list_at_path (m) != NULL;
}

static gboolean
same_record (PacteRecord *a,
             PacteRecord *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return pacte_record_equal (a, b);
}

static void
add_record (RecordList  *list,
            PacteRecord *record,
            guint        side)
{
  MergedItem item = { 0 };

  item.record = record;
  item.side = side;
  item.id = pacte_record_get_string (record, list->id_field);
  item.text = pacte_format_portfolio_piece (record);
  g_array_append_val (list->merged, item);
}

static void
add_tree (RecordList *list,
          JsonNode   *tree)
{
  MergedItem item = { 0 };

  char *text = json_to_string (tree, FALSE);

  item.tree = tree;
  item.check = TRUE;
  item.id = pacte_merge_item_id (tree);
  item.text = g_bytes_new_take (text, strlen (text));
  g_array_append_val (list->merged, item);
}

/* The record of id, merged (m->path ends with the list's member). */
static void
merge_record (PacteMerge *m,
              RecordList *list,
              const char *id)
{
  PacteRecord *b = g_hash_table_lookup (list->by_id[BASE], id);
  PacteRecord *o = g_hash_table_lookup (list->by_id[OURS], id);
  PacteRecord *t = g_hash_table_lookup (list->by_id[THEIRS], id);
  g_autoptr(JsonNode) bt = NULL, ot = NULL, tt = NULL;
  JsonNode *merged;
  gsize len;

  if (same_record (o, t) || same_record (b, t))
    {
      if (o != NULL)
        add_record (list, o, OURS);
      return;
    }
  if (same_record (b, o))
    {
      if (t != NULL)
        add_record (list, t, THEIRS);
      return;
    }
  /* Both changed it, differently: member by member, as trees. */
  bt = record_tree (b);
  ot = record_tree (o);
  tt = record_tree (t);
  len = pacte_merge_path_push_id (m->path, id);
  merged = pacte_merge_node (m, bt, ot, tt);
  g_string_truncate (m->path, len);
  if (merged != NULL)
    add_tree (list, merged);
}

/* As merge_id_list() in pacte-merge.c: our order; a record only theirs has
 * comes after the record it follows in their list. */
JsonNode *
pacte_merge_lists_merge (PacteMerge *m)
{
  RecordList *list = list_at_path (m);
  g_autoptr(GHashTable) after = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) at_start = g_ptr_array_new ();
  const char *anchor = NULL;
  guint n_theirs, n_ours;

  g_return_val_if_fail (list != NULL, NULL);
  g_array_set_size (list->merged, 0);

  n_theirs = g_list_model_get_n_items (list->items[THEIRS]);
  for (guint i = 0; i < n_theirs; i++)
    {
      g_autoptr(PacteRecord) item = g_list_model_get_item (list->items[THEIRS], i);
      const char *id = pacte_record_get_string (item, list->id_field);

      if (g_hash_table_contains (list->by_id[OURS], id))
        anchor = id;
      else if (anchor == NULL)
        g_ptr_array_add (at_start, (gpointer) id);
      else
        {
          GPtrArray *following = g_hash_table_lookup (after, anchor);

          if (following == NULL)
            {
              following = g_ptr_array_new ();
              g_hash_table_insert (after, (gpointer) anchor, following);
            }
          g_ptr_array_add (following, (gpointer) id);
        }
    }

  for (guint i = 0; i < at_start->len; i++)
    merge_record (m, list, g_ptr_array_index (at_start, i));
  n_ours = g_list_model_get_n_items (list->items[OURS]);
  for (guint i = 0; i < n_ours; i++)
    {
      g_autoptr(PacteRecord) item = g_list_model_get_item (list->items[OURS], i);
      const char *id = pacte_record_get_string (item, list->id_field);
      GPtrArray *following = g_hash_table_lookup (after, id);

      merge_record (m, list, id);
      for (guint j = 0; following != NULL && j < following->len; j++)
        merge_record (m, list, g_ptr_array_index (following, j));
    }

  if (list->merged->len == 0)
    return NULL;
  return json_node_init_string (json_node_alloc (), list->member);
}

/* ---- Partners still named ------------------------------------------------ */

static void
add_strv (GHashTable         *set,
          const char * const *strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_hash_table_add (set, (gpointer) strv[i]);
}

static void
add_list_strv (GHashTable  *set,
               PacteRecord *record,
               guint        list_field,
               guint        field)
{
  GListModel *items = pacte_record_get_list (record, list_field);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PacteRecord) item = g_list_model_get_item (items, i);

      add_strv (set, pacte_record_get_strv (item, field));
    }
}

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

/* The partner ids a plan names: its partners, its actions' parties, its
 * events' partners (the references the loader checks). */
static void
add_named (GHashTable *named,
           MergedItem *plan)
{
  const char *lists[] = { "actions", "events" };
  const char *members[] = { "parties", "partners" };
  JsonObject *object;

  if (plan->record != NULL)
    {
      add_strv (named, pacte_record_get_strv (plan->record, PACTE_PLAN_PARTNERS));
      add_list_strv (named, plan->record, PACTE_PLAN_ACTIONS, PACTE_ACTION_PARTIES);
      add_list_strv (named, plan->record, PACTE_PLAN_EVENTS, PACTE_EVENT_PARTNERS);
      return;
    }
  object = json_node_get_object (plan->tree);
  add_strings (named, object, "partners");
  for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
    {
      JsonNode *list = json_object_get_member (object, lists[k]);

      for (guint j = 0; list != NULL && JSON_NODE_HOLDS_ARRAY (list) && j < json_array_get_length (json_node_get_array (list)); j++)
        {
          JsonObject *item = json_array_get_object_element (json_node_get_array (list), j);

          if (item != NULL)
            add_strings (named, item, members[k]);
        }
    }
}

void
pacte_merge_lists_keep_named_partners (PacteMerge *m)
{
  PacteMergeLists *self = m->lists;
  RecordList *partners = &self->lists[0];
  RecordList *plans = &self->lists[1];
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) named = NULL;
  g_autoptr(GPtrArray) removed = g_ptr_array_new ();
  static const guint order[] = { OURS, THEIRS, BASE };

  for (guint i = 0; i < partners->merged->len; i++)
    g_hash_table_add (present, (gpointer) g_array_index (partners->merged, MergedItem, i).id);
  /* The partners a side has and the merge has not, in file order. */
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      GListModel *items = partners->items[order[k]];
      guint n = items != NULL ? g_list_model_get_n_items (items) : 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PacteRecord) item = g_list_model_get_item (items, i);
          const char *id = pacte_record_get_string (item, partners->id_field);

          if (!g_hash_table_contains (present, id))
            {
              g_hash_table_add (present, (gpointer) id);
              g_ptr_array_add (removed, (gpointer) id);
            }
        }
    }
  if (removed->len == 0)
    return;

  named = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < plans->merged->len; i++)
    add_named (named, &g_array_index (plans->merged, MergedItem, i));
  for (guint i = 0; i < removed->len; i++)
    {
      const char *id = g_ptr_array_index (removed, i);
      PacteRecord *b = g_hash_table_lookup (partners->by_id[BASE], id);
      PacteRecord *o = g_hash_table_lookup (partners->by_id[OURS], id);
      PacteRecord *t = g_hash_table_lookup (partners->by_id[THEIRS], id);
      g_autoptr(GString) path = NULL;
      gboolean recorded = FALSE;

      if (!g_hash_table_contains (named, id))
        continue;
      /* Kept: the file must not name a partner it does not have. */
      add_record (partners, o != NULL ? o : t != NULL ? t : b, o != NULL ? OURS : t != NULL ? THEIRS : BASE);
      path = g_string_new (partners->member);
      pacte_merge_path_push_id (path, id);
      for (guint c = 0; c < m->conflicts->len; c++)
        if (g_str_equal (((PacteMergeConflict *) g_ptr_array_index (m->conflicts, c))->path, path->str))
          recorded = TRUE;
      if (!recorded)
        {
          g_autoptr(JsonNode) bt = record_tree (b);
          g_autoptr(JsonNode) ot = record_tree (o);
          g_autoptr(JsonNode) tt = record_tree (t);

          g_ptr_array_add (m->conflicts, pacte_merge_conflict_new (path->str, bt, ot, tt));
        }
    }
}

/* ---- The result ---------------------------------------------------------- */

static JsonNode *
member_of (JsonNode   *root,
           const char *member)
{
  return root != NULL ? json_object_get_member (json_node_get_object (root), member) : NULL;
}

/* Which records the loader checks.  A record taken whole was checked when
 * its version was loaded (with the same rules); of its checks, only two
 * depend on the rest of the file: the partners a plan names must be in the
 * file (checked here for every plan) and a plan's rule overrides must agree
 * with the portfolio's rule settings (a plan whose version had other
 * settings than the merged ones is checked again).  A record merged as a
 * tree is checked as any record read from a file, with the partners it
 * names. */
static void
choose_checked (PacteMergeLists *self,
                JsonNode        *merged,
                JsonNode        *shells[N_SIDES])
{
  RecordList *partners = &self->lists[0];
  RecordList *plans = &self->lists[1];
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *settings = member_of (merged, "rule_settings");

  for (guint i = 0; i < plans->merged->len; i++)
    {
      MergedItem *item = &g_array_index (plans->merged, MergedItem, i);

      if (item->record != NULL && !pacte_merge_same (settings, member_of (shells[item->side], "rule_settings")))
        item->check = TRUE;
      if (item->check)
        add_named (named, item);
    }
  for (guint i = 0; i < partners->merged->len; i++)
    {
      MergedItem *item = &g_array_index (partners->merged, MergedItem, i);

      if (g_hash_table_contains (named, item->id))
        item->check = TRUE;
    }
}

/* "display: path: message", as the loader says it. */
static gboolean
fail (GError     **error,
      const char  *display,
      const char  *path,
      const char  *message)
{
  g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID, "%s: %s: %s", display, path, message);
  return FALSE;
}

/* What the loader would refuse across records that it does not see: an id
 * twice in a list, a plan naming a partner the file does not have. */
static gboolean
check_unchecked (PacteMergeLists  *self,
                 const char       *display,
                 GError          **error)
{
  RecordList *plans = &self->lists[1];
  g_autoptr(GHashTable) partner_ids = NULL;

  for (guint l = 0; l < G_N_ELEMENTS (self->lists); l++)
    {
      RecordList *list = &self->lists[l];
      g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < list->merged->len; i++)
        {
          const char *id = g_array_index (list->merged, MergedItem, i).id;
          gpointer first = g_hash_table_lookup (ids, id);

          if (first != NULL)
            {
              g_autofree char *path = g_strdup_printf ("%s[%u].id", list->member, i);
              g_autofree char *where = g_strdup_printf ("%s[%u]", list->member, GPOINTER_TO_UINT (first) - 1);
              g_autofree char *message = g_strdup_printf (_("duplicate id \"%s\", already used by %s; expected each id once"),
                                                          id, where);

              return fail (error, display, path, message);
            }
          g_hash_table_insert (ids, (gpointer) id, GUINT_TO_POINTER (i + 1));
        }
      if (l == 0)
        partner_ids = g_steal_pointer (&ids);
    }
  for (guint i = 0; i < plans->merged->len; i++)
    {
      MergedItem *item = &g_array_index (plans->merged, MergedItem, i);
      g_autoptr(GHashTable) named = NULL;
      GHashTableIter iter;
      gpointer id;

      if (item->check)
        continue;
      named = g_hash_table_new (g_str_hash, g_str_equal);
      add_named (named, item);
      g_hash_table_iter_init (&iter, named);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        if (!g_hash_table_contains (partner_ids, id))
          {
            g_autofree char *path = g_strdup_printf ("plans[%u]", i);
            g_autofree char *message = g_strdup_printf (_("unknown partner \"%s\"; expected the id of one of the partners"),
                                                        (const char *) id);

            return fail (error, display, path, message);
          }
    }
  return TRUE;
}

static void
append_json (GString  *out,
             JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  g_string_append (out, text);
}

/* The merged tree with the checked records of each list in the place of
 * its marker: the text the loader checks (JSON, not in canonical form). */
static GBytes *
compose_checked (PacteMergeLists *self,
                 JsonNode        *merged)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;
  gsize size = 4096;
  GString *out;
  gboolean first = TRUE;

  for (guint l = 0; l < G_N_ELEMENTS (self->lists); l++)
    for (guint i = 0; i < self->lists[l].merged->len; i++)
      if (g_array_index (self->lists[l].merged, MergedItem, i).check)
        size += g_bytes_get_size (g_array_index (self->lists[l].merged, MergedItem, i).text) + 1;
  out = g_string_sized_new (size);

  g_string_append_c (out, '{');
  json_object_iter_init_ordered (&iter, json_node_get_object (merged));
  while (json_object_iter_next_ordered (&iter, &member, &value))
    {
      g_autoptr(JsonNode) key = json_node_init_string (json_node_alloc (), member);
      RecordList *list = NULL;
      gboolean first_item = TRUE;

      for (guint l = 0; l < G_N_ELEMENTS (self->lists); l++)
        if (g_str_equal (member, self->lists[l].member))
          list = &self->lists[l];
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      append_json (out, key);
      g_string_append_c (out, ':');
      if (list == NULL)
        {
          append_json (out, value);
          continue;
        }
      g_string_append_c (out, '[');
      for (guint i = 0; i < list->merged->len; i++)
        {
          MergedItem *item = &g_array_index (list->merged, MergedItem, i);
          gsize len;
          const char *text;

          if (!item->check)
            continue;
          text = g_bytes_get_data (item->text, &len);
          if (!first_item)
            g_string_append_c (out, ',');
          first_item = FALSE;
          g_string_append_len (out, text, len);
        }
      g_string_append_c (out, ']');
    }
  g_string_append (out, "}\n");
  return g_string_free_to_bytes (out);
}

/* The index-th item of the merged list field, as the file has it: the
 * text written from the version's record, or for a checked record the
 * text of the record the loader made. */
static GBytes *
result_item (guint    field,
             guint    index,
             gpointer data)
{
  PacteMergeLists *self = data;
  RecordList *list = field == self->lists[0].field ? &self->lists[0] : &self->lists[1];
  MergedItem *item;
  g_autoptr(PacteRecord) loaded = NULL;

  if (index >= list->merged->len)
    return NULL;
  item = &g_array_index (list->merged, MergedItem, index);
  if (!item->check)
    return g_bytes_ref (item->text);
  loaded = g_list_model_get_item (list->checked, list->next_checked++);
  g_return_val_if_fail (loaded != NULL, g_bytes_ref (item->text));
  return pacte_format_portfolio_piece (loaded);
}

GBytes *
pacte_merge_lists_finish (PacteMergeLists  *self,
                          JsonNode         *merged,
                          JsonNode         *shells[3],
                          PacteRuleSet     *rules,
                          GError          **error)
{
  g_autoptr(GBytes) text = NULL;
  g_autoptr(PactePortfolio) checked = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  const char *display = _("the merged portfolio");

  choose_checked (self, merged, shells);
  if (!check_unchecked (self, display, error))
    return NULL;
  /* Everything else through the loader, with the rules: the portfolio's
   * own members, the conflicts member, the checked records. */
  text = compose_checked (self, merged);
  checked = pacte_portfolio_load_bytes (text, display, rules, error);
  if (checked == NULL)
    return NULL;

  for (guint l = 0; l < G_N_ELEMENTS (self->lists); l++)
    {
      self->lists[l].checked = pacte_record_get_list (PACTE_RECORD (checked), self->lists[l].field);
      self->lists[l].next_checked = 0;
    }
  segments = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  pacte_format_portfolio_segments_items (checked, result_item, self, segments);
  for (guint l = 0; l < G_N_ELEMENTS (self->lists); l++)
    self->lists[l].checked = NULL;
  return join_segments (segments);
}
