/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-merge-conflicts.c: resolving the conflicts a merge left, one undo
 * step each (pacte-merge-conflicts.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-i18n.h"
#include "pacte-merge-conflicts.h"
#include "pacte-values-private.h"

struct _PacteMergeConflicts
{
  GObject         parent_instance;
  PactePortfolio *portfolio;   /* not a reference: it owns us */
  GPtrArray      *conflicts;   /* PacteMergeConflict*, read from the member */
};

G_DEFINE_FINAL_TYPE (PacteMergeConflicts, pacte_merge_conflicts, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
pacte_merge_conflicts_finalize (GObject *object)
{
  PacteMergeConflicts *self = PACTE_MERGE_CONFLICTS (object);

  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  G_OBJECT_CLASS (pacte_merge_conflicts_parent_class)->finalize (object);
}

static void
pacte_merge_conflicts_class_init (PacteMergeConflictsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pacte_merge_conflicts_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pacte_merge_conflicts_init (PacteMergeConflicts *self G_GNUC_UNUSED)
{
}

static void
reread (PacteMergeConflicts *self)
{
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = pacte_merge_get_conflicts (self->portfolio);
}

PacteMergeConflicts *
pacte_merge_conflicts_get (PactePortfolio *portfolio)
{
  PacteMergeConflicts *self;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);

  self = g_object_get_data (G_OBJECT (portfolio), "pacte-merge-conflicts");
  if (self != NULL)
    return self;
  self = g_object_new (PACTE_TYPE_MERGE_CONFLICTS, NULL);
  self->portfolio = portfolio;
  reread (self);
  g_object_set_data_full (G_OBJECT (portfolio), "pacte-merge-conflicts", self, g_object_unref);
  return self;
}

guint
pacte_merge_conflicts_get_n_conflicts (PacteMergeConflicts *self)
{
  g_return_val_if_fail (PACTE_IS_MERGE_CONFLICTS (self), 0);
  return self->conflicts->len;
}

const PacteMergeConflict *
pacte_merge_conflicts_get_conflict (PacteMergeConflicts *self,
                                    guint                index)
{
  g_return_val_if_fail (PACTE_IS_MERGE_CONFLICTS (self), NULL);
  g_return_val_if_fail (index < self->conflicts->len, NULL);
  return g_ptr_array_index (self->conflicts, index);
}

/* ---- The path: members joined by '.', records by ["id"] ---------------- */

/* Splits plans["plan-1"].objectives["o-1"].target into its parts; an id
 * part is stored with a leading '\1'.  NULL when the path is malformed. */
static GPtrArray *
split_path (const char *path)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *p = path;

  while (*p != '\0')
    {
      if (*p == '.')
        p++;
      if (*p == '[')
        {
          /* A JSON string up to the closing "]". */
          const char *end = p + 1;
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autofree char *quoted = NULL;

          if (*end != '"')
            return NULL;
          for (end++; *end != '\0' && *end != '"'; end++)
            if (*end == '\\' && end[1] != '\0')
              end++;
          if (*end != '"' || end[1] != ']')
            return NULL;
          quoted = g_strndup (p + 1, end - p);
          if (!json_parser_load_from_data (parser, quoted, -1, NULL))
            return NULL;
          g_ptr_array_add (parts, g_strconcat ("\1", json_node_get_string (json_parser_get_root (parser)), NULL));
          p = end + 2;
        }
      else
        {
          gsize len = strcspn (p, ".[");

          if (len == 0)
            return NULL;
          g_ptr_array_add (parts, g_strndup (p, len));
          p += len;
        }
    }
  return g_steal_pointer (&parts);
}

static int
find_field (PacteRecord *record,
            const char  *json_path,
            gboolean    *is_group)
{
  guint n = pacte_record_get_n_fields (record);
  gsize len = strlen (json_path);

  *is_group = FALSE;
  for (guint i = 0; i < n; i++)
    {
      const PacteFieldInfo *info = pacte_record_get_field_info (record, i);

      if (g_str_equal (info->json_path, json_path))
        return (int) i;
      if (strncmp (info->json_path, json_path, len) == 0 && info->json_path[len] == '.')
        *is_group = TRUE;
    }
  return -1;
}

static PacteRecord *
find_item (PacteRecord *owner,
           guint        field,
           const char  *id)
{
  guint n = 0;
  PacteRecord * const *items = pacte_record_get_items (owner, field, &n);

  for (guint i = 0; i < n; i++)
    {
      int id_field = PACTE_RECORD_GET_CLASS (items[i])->id_field;

      if (id_field >= 0 && g_str_equal (pacte_record_get_string (items[i], id_field), id))
        return items[i];
    }
  return NULL;
}

/* The record and field the path names, when it is a single field. */
static gboolean
resolve_path (PactePortfolio  *portfolio,
              const char      *path,
              PacteRecord    **record_out,
              guint           *field_out)
{
  g_autoptr(GPtrArray) parts = split_path (path);
  PacteRecord *record = PACTE_RECORD (portfolio);
  g_autofree char *prefix = NULL;

  if (parts == NULL || parts->len == 0)
    return FALSE;
  for (guint i = 0; i < parts->len; i++)
    {
      const char *part = g_ptr_array_index (parts, i);
      g_autofree char *json_path = NULL;
      gboolean is_group;
      int field;

      if (part[0] == '\1')
        return FALSE;  /* an id with no list before it */
      json_path = prefix != NULL ? g_strconcat (prefix, ".", part, NULL) : g_strdup (part);
      field = find_field (record, json_path, &is_group);
      if (field < 0)
        {
          if (!is_group)
            return FALSE;
          g_free (prefix);
          prefix = g_steal_pointer (&json_path);
          continue;
        }
      if (pacte_record_get_field_info (record, field)->kind == PACTE_FIELD_LIST)
        {
          const char *id;

          /* The next part names the record: ["id"], or a key (rule overrides). */
          if (i + 1 >= parts->len)
            return FALSE;
          id = g_ptr_array_index (parts, ++i);
          record = find_item (record, field, id[0] == '\1' ? id + 1 : id);
          if (record == NULL)
            return FALSE;
          g_clear_pointer (&prefix, g_free);
          continue;
        }
      if (i + 1 != parts->len)
        return FALSE;
      *record_out = record;
      *field_out = field;
      return TRUE;
    }
  return FALSE;
}

static gboolean
settable_kind (PacteFieldKind kind)
{
  return kind != PACTE_FIELD_LIST && kind != PACTE_FIELD_STRING_MAP && kind != PACTE_FIELD_NUMBER_MAP;
}

gboolean
pacte_merge_conflicts_can_take_theirs (PacteMergeConflicts *self,
                                       guint                index)
{
  const PacteMergeConflict *c;
  PacteRecord *record;
  guint field;

  g_return_val_if_fail (PACTE_IS_MERGE_CONFLICTS (self), FALSE);
  g_return_val_if_fail (index < self->conflicts->len, FALSE);

  c = g_ptr_array_index (self->conflicts, index);
  return resolve_path (self->portfolio, c->path, &record, &field)
         && settable_kind (pacte_record_get_field_info (record, field)->kind);
}

static gboolean
set_value (PacteRecord  *record,
           guint         field,
           JsonNode     *node,
           GError      **error)
{
  PacteFieldKind kind = pacte_record_get_field_info (record, field)->kind;
  gboolean present = node != NULL && !JSON_NODE_HOLDS_NULL (node);

  switch (kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
    case PACTE_FIELD_QUARTER:
      return pacte_record_set_string (record, field, present ? json_node_get_string (node) : "", error);
    case PACTE_FIELD_DATE:
      return pacte_record_set_date (record, field, present ? pacte_date_parse (json_node_get_string (node)) : 0, error);
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      return pacte_record_set_number (record, field, present ? json_node_get_double (node) : NAN, error);
    case PACTE_FIELD_BOOLEAN:
      return pacte_record_set_boolean (record, field, present ? json_node_get_boolean (node) : -1, error);
    case PACTE_FIELD_STRV:
      {
        g_autoptr(GPtrArray) strings = g_ptr_array_new ();

        for (guint i = 0; present && JSON_NODE_HOLDS_ARRAY (node) && i < json_array_get_length (json_node_get_array (node)); i++)
          g_ptr_array_add (strings, (gpointer) json_array_get_string_element (json_node_get_array (node), i));
        g_ptr_array_add (strings, NULL);
        return pacte_record_set_strv (record, field, (const char * const *) strings->pdata, error);
      }
    case PACTE_FIELD_LIST:
    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
    default:
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                   _("their value cannot be taken here: edit it by hand"));
      return FALSE;
    }
}

/* ---- The undoable removal of one entry of "merge_conflicts" ------------ */

typedef struct {
  PacteMergeConflicts *self;   /* a reference */
  guint                index;
  JsonNode            *entry;  /* the removed entry, as it was in the file */
} Removal;

static void
removal_free (gpointer data)
{
  Removal *r = data;

  g_object_unref (r->self);
  json_node_unref (r->entry);
  g_free (r);
}

static void
find_member_cb (const char *member,
                JsonNode   *node,
                gpointer    user_data)
{
  JsonNode **out = user_data;

  if (g_str_equal (member, PACTE_MERGE_CONFLICTS_MEMBER))
    *out = node;
}

static void
apply_removal (gpointer data,
               gboolean forward)
{
  Removal *r = data;
  JsonNode *member = NULL;
  JsonArray *entries = json_array_new ();
  JsonArray *old_entries;
  guint n;

  pacte_record_foreach_unknown (PACTE_RECORD (r->self->portfolio), "", find_member_cb, &member);
  old_entries = member != NULL && JSON_NODE_HOLDS_ARRAY (member) ? json_node_get_array (member) : NULL;
  n = old_entries != NULL ? json_array_get_length (old_entries) : 0;
  for (guint i = 0; i <= n; i++)
    {
      if (!forward && i == r->index)
        json_array_add_element (entries, json_node_copy (r->entry));
      if (i == n)
        break;
      if (forward && i == r->index)
        continue;
      json_array_add_element (entries, json_node_copy (json_array_get_element (old_entries, i)));
    }
  if (json_array_get_length (entries) == 0)
    pacte_record_set_unknown (PACTE_RECORD (r->self->portfolio), "", PACTE_MERGE_CONFLICTS_MEMBER, NULL);
  else
    {
      g_autoptr(JsonNode) node = json_node_alloc ();

      json_node_init_array (node, entries);
      pacte_record_set_unknown (PACTE_RECORD (r->self->portfolio), "", PACTE_MERGE_CONFLICTS_MEMBER, node);
    }
  json_array_unref (entries);
  reread (r->self);
  g_signal_emit (r->self, signals[CHANGED], 0);
}

gboolean
pacte_merge_conflicts_resolve (PacteMergeConflicts  *self,
                               guint                 index,
                               gboolean              take_theirs,
                               GError              **error)
{
  const PacteMergeConflict *c;
  PacteHistory *history;
  JsonNode *member = NULL;
  Removal *removal;
  PacteRecord *record = NULL;
  guint field = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (PACTE_IS_MERGE_CONFLICTS (self), FALSE);
  g_return_val_if_fail (index < self->conflicts->len, FALSE);

  c = g_ptr_array_index (self->conflicts, index);
  if (take_theirs && !(resolve_path (self->portfolio, c->path, &record, &field)
                       && settable_kind (pacte_record_get_field_info (record, field)->kind)))
    {
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                   _("their value cannot be taken here: edit it by hand"));
      return FALSE;
    }

  pacte_record_foreach_unknown (PACTE_RECORD (self->portfolio), "", find_member_cb, &member);
  g_return_val_if_fail (member != NULL && JSON_NODE_HOLDS_ARRAY (member), FALSE);

  history = PACTE_RECORD_ROOT_GET_IFACE (self->portfolio)->get_history (PACTE_RECORD_ROOT (self->portfolio));
  pacte_portfolio_begin_group (self->portfolio, take_theirs ? _("Take Their Value") : _("Keep Our Value"));
  if (take_theirs)
    ok = set_value (record, field, c->theirs, error);
  if (ok)
    {
      removal = g_new0 (Removal, 1);
      removal->self = g_object_ref (self);
      removal->index = index;
      removal->entry = json_node_copy (json_array_get_element (json_node_get_array (member), index));
      pacte_history_add_custom (history, take_theirs ? _("Take Their Value") : _("Keep Our Value"),
                                apply_removal, removal, removal_free);
    }
  pacte_portfolio_end_group (self->portfolio);
  return ok;
}
