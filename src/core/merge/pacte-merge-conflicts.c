/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-merge-conflicts.c: resolving the conflicts a merge left, one undo
 * step each (pacte-merge-conflicts.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-i18n.h"
#include "pacte-merge-conflicts.h"
#include "pacte-json-layout-private.h"
#include "pacte-number.h"
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

      /* An override's rule id is its member name, not a member. */
      if (info->json_path == NULL)
        continue;
      if (g_str_equal (info->json_path, json_path))
        return (int) i;
      if (strncmp (info->json_path, json_path, len) == 0 && info->json_path[len] == '.')
        *is_group = TRUE;
    }
  return -1;
}

static int item_position (PacteRecord *owner,
                          guint        field,
                          const char  *id);

static PacteRecord *
find_item (PacteRecord *owner,
           guint        field,
           const char  *id)
{
  int position = item_position (owner, field, id);
  guint n = 0;

  return position >= 0 ? pacte_record_get_items (owner, field, &n)[position] : NULL;
}

/* What a conflict's path names: a single field of a record; a whole list
 * of owner (a list without ids); or one item of owner's list, by its id,
 * which may be missing on our side (a record we removed). */
typedef enum { TARGET_FIELD, TARGET_LIST, TARGET_ITEM } TargetKind;

typedef struct {
  TargetKind   kind;
  PacteRecord *record;   /* the field's record, or the list's owner */
  guint        field;
  char        *id;       /* TARGET_ITEM: the item's id */
} Target;

static void
target_clear (Target *target)
{
  g_clear_pointer (&target->id, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

static gboolean
walk_path (PactePortfolio *portfolio,
           const char     *path,
           Target         *target)
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

          target->record = record;
          target->field = field;
          if (i + 1 >= parts->len)
            {
              target->kind = TARGET_LIST;
              return TRUE;
            }
          /* The next part names the record: ["id"], or a key (rule overrides). */
          id = g_ptr_array_index (parts, ++i);
          id = id[0] == '\1' ? id + 1 : id;
          if (i + 1 == parts->len)
            {
              target->kind = TARGET_ITEM;
              target->id = g_strdup (id);
              return TRUE;
            }
          record = find_item (record, field, id);
          if (record == NULL)
            return FALSE;
          g_clear_pointer (&prefix, g_free);
          continue;
        }
      if (i + 1 != parts->len)
        return FALSE;
      target->kind = TARGET_FIELD;
      target->record = record;
      target->field = field;
      return TRUE;
    }
  return FALSE;
}

/* The record and field the path names, when it is a single field. */
static gboolean
resolve_path (PactePortfolio  *portfolio,
              const char      *path,
              PacteRecord    **record_out,
              guint           *field_out)
{
  g_auto(Target) target = { 0 };

  if (!walk_path (portfolio, path, &target) || target.kind != TARGET_FIELD)
    return FALSE;
  *record_out = target.record;
  *field_out = target.field;
  return TRUE;
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
  if (resolve_path (self->portfolio, c->path, &record, &field))
    return settable_kind (pacte_record_get_field_info (record, field)->kind);
  /* A whole record or list: put back, removed or replaced as a whole. */
  {
    g_auto(Target) target = { 0 };

    return walk_path (self->portfolio, c->path, &target);
  }
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

/* ---- Taking their whole record or list --------------------------------- */

/* TRUE when a plan names the partner (so the file must keep it). */
static gboolean
partner_is_named (PactePortfolio *portfolio,
                  const char     *id)
{
  GListModel *plans = pacte_portfolio_get_plans (portfolio);

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(PacteRecord) plan = g_list_model_get_item (plans, i);
      PacteRecord * const *items;
      guint n;

      if (g_strv_contains (pacte_record_get_strv (plan, PACTE_PLAN_PARTNERS), id))
        return TRUE;
      items = pacte_record_get_items (plan, PACTE_PLAN_ACTIONS, &n);
      for (guint k = 0; k < n; k++)
        if (g_strv_contains (pacte_record_get_strv (items[k], PACTE_ACTION_PARTIES), id))
          return TRUE;
      items = pacte_record_get_items (plan, PACTE_PLAN_EVENTS, &n);
      for (guint k = 0; k < n; k++)
        if (g_strv_contains (pacte_record_get_strv (items[k], PACTE_EVENT_PARTNERS), id))
          return TRUE;
    }
  return FALSE;
}

static JsonNode *
stub (const char *id)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node = json_node_alloc ();

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "name", "-");
  json_node_init_object (node, object);
  return node;
}

/* Their records for owner's list field, read as the loader reads a file
 * (every check of the format), then detached: value is their whole list (an
 * array, or an object for rule overrides).  The records are read inside a
 * small portfolio holding stand-ins for our partners, so that the partners
 * they name are checked against ours. */
static GPtrArray *
their_records (PactePortfolio  *portfolio,
               PacteRecord     *owner,
               guint            field,
               JsonNode        *value,
               GError         **error)
{
  const char *member = pacte_record_get_field_info (owner, field)->json_path;
  const char *scratch_id = "pacte-merge-their-record";
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) root_node = json_node_alloc ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PactePortfolio) scratch = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonArray *partners = json_array_new ();
  GListModel *ours = pacte_portfolio_get_partners (portfolio);
  PacteRecord *scratch_owner;
  PacteRecord * const *items;
  GPtrArray *records;
  char *text;
  guint n;

  json_object_set_string_member (root, "format", PACTE_PORTFOLIO_FORMAT);
  json_object_set_int_member (root, "version", PACTE_PORTFOLIO_VERSION);
  if (owner == PACTE_RECORD (portfolio) && g_str_equal (member, "partners"))
    json_object_set_member (root, "partners", json_node_copy (value));
  else
    {
      for (guint i = 0; i < g_list_model_get_n_items (ours); i++)
        {
          g_autoptr(PacteRecord) partner = g_list_model_get_item (ours, i);

          json_array_add_element (partners, stub (pacte_record_get_string (partner, PACTE_PARTNER_ID)));
        }
      if (PACTE_IS_PARTNER (owner))
        {
          JsonNode *item = stub (scratch_id);

          json_object_set_member (json_node_get_object (item), member, json_node_copy (value));
          json_array_add_element (partners, item);
        }
      json_object_set_array_member (root, "partners", g_steal_pointer (&partners));
      if (PACTE_IS_PLAN (owner))
        {
          g_autoptr(JsonArray) plans = json_array_new ();
          JsonNode *item = stub (scratch_id);

          json_object_set_member (json_node_get_object (item), member, json_node_copy (value));
          json_array_add_element (plans, item);
          json_object_set_array_member (root, "plans", g_steal_pointer (&plans));
        }
      else if (owner == PACTE_RECORD (portfolio))
        json_object_set_member (root, member, json_node_copy (value));
    }
  g_clear_pointer (&partners, json_array_unref);

  json_node_init_object (root_node, root);
  json_generator_set_root (generator, root_node);
  text = json_generator_to_data (generator, NULL);
  bytes = g_bytes_new_take (text, strlen (text));
  scratch = pacte_portfolio_load_bytes (bytes, _("their version"), NULL, &local_error);
  if (scratch == NULL)
    {
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                   _("their value cannot be put in: %s"), local_error->message);
      return NULL;
    }
  if (PACTE_IS_PLAN (owner))
    scratch_owner = PACTE_RECORD (pacte_portfolio_find_plan (scratch, scratch_id));
  else if (PACTE_IS_PARTNER (owner))
    scratch_owner = PACTE_RECORD (pacte_portfolio_find_partner (scratch, scratch_id));
  else
    scratch_owner = PACTE_RECORD (scratch);
  g_return_val_if_fail (scratch_owner != NULL, NULL);

  records = g_ptr_array_new_with_free_func (g_object_unref);
  items = pacte_record_get_items (scratch_owner, field, &n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (records, pacte_record_copy (items[i]));
  return records;
}

static int
item_position (PacteRecord *owner,
               guint        field,
               const char  *id)
{
  guint n = 0;
  PacteRecord * const *items = pacte_record_get_items (owner, field, &n);

  for (guint i = 0; i < n; i++)
    {
      int id_field = PACTE_RECORD_GET_CLASS (items[i])->id_field;

      if (id_field >= 0 && g_str_equal (pacte_record_get_string (items[i], id_field), id))
        return (int) i;
    }
  return -1;
}

/* Where a new item goes: lists kept sorted by id (rule overrides) at its
 * place, the others at the end. */
static guint
insert_position (PacteRecord *owner,
                 guint        field,
                 PacteRecord *item)
{
  guint n = 0;
  PacteRecord * const *items = pacte_record_get_items (owner, field, &n);
  int id_field = PACTE_RECORD_GET_CLASS (item)->id_field;

  if (!pacte_format_is_keyed (G_OBJECT_TYPE (item)) || id_field < 0)
    return n;
  for (guint i = 0; i < n; i++)
    if (strcmp (pacte_record_get_string (items[i], id_field), pacte_record_get_string (item, id_field)) > 0)
      return i;
  return n;
}

/* What taking their whole record or list does, prepared before any change
 * so that a refusal changes nothing. */
typedef struct {
  Target     target;
  GPtrArray *records;   /* their records (one for an item); NULL: theirs removed it */
} Whole;

static void
whole_clear (Whole *whole)
{
  target_clear (&whole->target);
  g_clear_pointer (&whole->records, g_ptr_array_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Whole, whole_clear)

static gboolean
prepare_whole (PacteMergeConflicts      *self,
               const PacteMergeConflict *c,
               Whole                    *whole,
               GError                  **error)
{
  Target *t = &whole->target;
  gboolean present = c->theirs != NULL && !JSON_NODE_HOLDS_NULL (c->theirs);
  g_autoptr(JsonNode) value = NULL;

  if (!present)
    {
      /* Their side removed it: a partner our plans still name stays. */
      if (t->kind == TARGET_ITEM && t->record == PACTE_RECORD (self->portfolio)
          && g_str_equal (pacte_record_get_field_info (t->record, t->field)->json_path, "partners")
          && partner_is_named (self->portfolio, t->id))
        {
          g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                       _("their version removed partner “%s”, but plans still name it: keep ours, or remove it from those plans first"),
                       t->id);
          return FALSE;
        }
      return TRUE;
    }
  if (t->kind == TARGET_LIST)
    value = json_node_copy (c->theirs);
  else
    {
      GType type = pacte_record_get_field_info (t->record, t->field)->item_type ();

      value = json_node_alloc ();
      if (pacte_format_is_keyed (type))
        {
          g_autoptr(JsonObject) object = json_object_new ();

          json_object_set_member (object, t->id, json_node_copy (c->theirs));
          json_node_init_object (value, object);
        }
      else
        {
          g_autoptr(JsonArray) array = json_array_new ();

          json_array_add_element (array, json_node_copy (c->theirs));
          json_node_init_array (value, array);
        }
    }
  whole->records = their_records (self->portfolio, t->record, t->field, value, error);
  return whole->records != NULL;
}

static void
apply_whole (Whole *whole)
{
  Target *t = &whole->target;
  int position = -1;

  if (t->kind == TARGET_LIST)
    {
      guint n = 0;

      pacte_record_get_items (t->record, t->field, &n);
      while (n-- > 0)
        pacte_record_list_remove (t->record, t->field, n);
    }
  else
    {
      position = item_position (t->record, t->field, t->id);
      if (position >= 0)
        pacte_record_list_remove (t->record, t->field, position);
    }
  for (guint i = 0; whole->records != NULL && i < whole->records->len; i++)
    {
      PacteRecord *item = g_ptr_array_index (whole->records, i);
      guint at = t->kind == TARGET_ITEM && position >= 0 ? (guint) position
                                                         : insert_position (t->record, t->field, item);

      pacte_record_list_insert (t->record, t->field, at, item);
    }
}

/* ---- Resolving ----------------------------------------------------------- */

/* Removes conflict index from the member, as the last edit of the group
 * the caller opened. */
static void
add_removal (PacteMergeConflicts *self,
             guint                index,
             const char          *label)
{
  PacteHistory *history = PACTE_RECORD_ROOT_GET_IFACE (self->portfolio)->get_history (PACTE_RECORD_ROOT (self->portfolio));
  JsonNode *member = NULL;
  Removal *removal;

  pacte_record_foreach_unknown (PACTE_RECORD (self->portfolio), "", find_member_cb, &member);
  g_return_if_fail (member != NULL && JSON_NODE_HOLDS_ARRAY (member));
  removal = g_new0 (Removal, 1);
  removal->self = g_object_ref (self);
  removal->index = index;
  removal->entry = json_node_copy (json_array_get_element (json_node_get_array (member), index));
  pacte_history_add_custom (history, label, apply_removal, removal, removal_free);
}

gboolean
pacte_merge_conflicts_resolve (PacteMergeConflicts  *self,
                               guint                 index,
                               gboolean              take_theirs,
                               GError              **error)
{
  const PacteMergeConflict *c;
  const char *label = take_theirs ? _("Take Their Value") : _("Keep Our Value");
  g_auto(Whole) whole = { 0 };
  PacteRecord *record = NULL;
  guint field = 0;
  gboolean is_field = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (PACTE_IS_MERGE_CONFLICTS (self), FALSE);
  g_return_val_if_fail (index < self->conflicts->len, FALSE);

  c = g_ptr_array_index (self->conflicts, index);
  if (take_theirs)
    {
      is_field = resolve_path (self->portfolio, c->path, &record, &field);
      if (is_field ? !settable_kind (pacte_record_get_field_info (record, field)->kind)
                   : !walk_path (self->portfolio, c->path, &whole.target))
        {
          g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                       _("their value cannot be taken here: edit it by hand"));
          return FALSE;
        }
      if (!is_field && !prepare_whole (self, c, &whole, error))
        return FALSE;
    }

  pacte_portfolio_begin_group (self->portfolio, label);
  if (take_theirs && is_field)
    ok = set_value (record, field, c->theirs, error);
  else if (take_theirs)
    apply_whole (&whole);
  if (ok)
    add_removal (self, index, label);
  pacte_portfolio_end_group (self->portfolio);
  return ok;
}

gboolean
pacte_merge_conflicts_get_field (PacteMergeConflicts  *self,
                                 guint                 index,
                                 PacteRecord         **record,
                                 guint                *field)
{
  const PacteMergeConflict *c;
  PacteRecord *found = NULL;
  guint found_field = 0;

  g_return_val_if_fail (PACTE_IS_MERGE_CONFLICTS (self), FALSE);
  g_return_val_if_fail (index < self->conflicts->len, FALSE);

  c = g_ptr_array_index (self->conflicts, index);
  if (!resolve_path (self->portfolio, c->path, &found, &found_field)
      || !settable_kind (pacte_record_get_field_info (found, found_field)->kind)
      || pacte_record_get_field_info (found, found_field)->kind == PACTE_FIELD_BOOLEAN)
    return FALSE;
  if (record != NULL)
    *record = found;
  if (field != NULL)
    *field = found_field;
  return TRUE;
}

/* text as the user typed it, set in record's field: numbers and dates as
 * the editors read them, a list of texts one per line or comma. */
static gboolean
set_typed (PacteRecord  *record,
           guint         field,
           const char   *text,
           GError      **error)
{
  const PacteFieldInfo *info = pacte_record_get_field_info (record, field);
  const PacteLanguage *language = pacte_language_user ();
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  switch (info->kind)
    {
    case PACTE_FIELD_DATE:
      {
        guint32 julian = 0;

        if (*trimmed != '\0'
            && !pacte_language_parse_date (language, pacte_date_order_user (), trimmed, &julian, error))
          return FALSE;
        return pacte_record_set_date (record, field, julian, error);
      }
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      {
        double value;

        if (!pacte_number_parse (trimmed, &value))
          {
            g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                         _("“%s” is not a number"), trimmed);
            return FALSE;
          }
        return pacte_record_set_number (record, field, value, error);
      }
    case PACTE_FIELD_QUARTER:
      {
        int year, quarter;
        g_autofree char *canonical = NULL;

        if (*trimmed == '\0')
          return pacte_record_set_string (record, field, "", error);
        if (!pacte_language_parse_quarter (language, trimmed, &year, &quarter))
          {
            g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                         _("“%s” is not a quarter; expected one such as 2027-Q1"), trimmed);
            return FALSE;
          }
        canonical = g_strdup_printf ("%04d-Q%d", year, quarter);
        return pacte_record_set_string (record, field, canonical, error);
      }
    case PACTE_FIELD_STRV:
      {
        g_auto(GStrv) parts = g_regex_split_simple ("\\s*[,\\n]\\s*", trimmed, 0, 0);
        g_autoptr(GPtrArray) strings = g_ptr_array_new ();

        for (guint i = 0; parts[i] != NULL; i++)
          if (*parts[i] != '\0')
            g_ptr_array_add (strings, parts[i]);
        g_ptr_array_add (strings, NULL);
        return pacte_record_set_strv (record, field, (const char * const *) strings->pdata, error);
      }
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
      return pacte_record_set_string (record, field, info->kind == PACTE_FIELD_CHOICE ? trimmed : text, error);
    default:
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                   _("this value cannot be typed: keep ours or take theirs"));
      return FALSE;
    }
}

gboolean
pacte_merge_conflicts_check_typed (PacteMergeConflicts  *self,
                                   guint                 index,
                                   const char           *text,
                                   GError              **error)
{
  PacteRecord *record = NULL;
  guint field = 0;
  g_autoptr(PacteRecord) trial = NULL;

  g_return_val_if_fail (PACTE_IS_MERGE_CONFLICTS (self), FALSE);
  g_return_val_if_fail (index < self->conflicts->len, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!pacte_merge_conflicts_get_field (self, index, &record, &field))
    {
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                   _("this value cannot be typed: keep ours or take theirs"));
      return FALSE;
    }
  /* On a detached copy: nothing is recorded, nothing is notified. */
  trial = pacte_record_copy (record);
  return set_typed (trial, field, text, error);
}

gboolean
pacte_merge_conflicts_resolve_typed (PacteMergeConflicts  *self,
                                     guint                 index,
                                     const char           *text,
                                     GError              **error)
{
  PacteRecord *record = NULL;
  guint field = 0;
  const char *label = _("Edit Conflicting Value");

  g_return_val_if_fail (PACTE_IS_MERGE_CONFLICTS (self), FALSE);
  g_return_val_if_fail (index < self->conflicts->len, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!pacte_merge_conflicts_get_field (self, index, &record, &field))
    {
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID,
                   _("this value cannot be typed: keep ours or take theirs"));
      return FALSE;
    }
  /* Checked before the group opens: a value refused changes nothing. */
  if (!pacte_merge_conflicts_check_typed (self, index, text, error))
    return FALSE;
  pacte_portfolio_begin_group (self->portfolio, label);
  set_typed (record, field, text, NULL);
  add_removal (self, index, label);
  pacte_portfolio_end_group (self->portfolio);
  return TRUE;
}
