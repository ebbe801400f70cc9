/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-record-reader.c: records from the JSON trees of a portfolio file.
 *
 * The trees are walked with the field tables of the record classes
 * (pacte-model.c, pacte-json-layout.c): every value is checked and stored,
 * members we do not know are kept on the record.  The portfolio's own lists
 * (partners, plans) are read one item at a time, each from its own small
 * tree (pacte-portfolio-load.c parses them one by one).
 *
 * Every failure is one GError naming the file and the JSON path of the
 * value ("plans[2].partners[0]: unknown partner "p-9""), and what was
 * expected. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-json-layout-private.h"
#include "pacte-json-scan-private.h"
#include "pacte-record-reader-private.h"
#include "pacte-i18n.h"
#include "pacte-rules.h"

typedef PacteRecordReader Loader;
typedef PacteListReader ListReader;

typedef struct
{
  char *path;
  char *id;
} PendingRef;

/* A member we do not know, held until its record is complete. */
typedef struct
{
  const PacteFormatGroup *group;
  const char             *member;  /* owned by the tree, alive while it is */
  JsonNode               *node;
} Unknown;

struct _PacteReaderClass
{
  GType                    type;
  const PacteFormatLayout *layout;
  const PacteFieldInfo    *fields;
  guint                    n_fields;
  guint                    n_required;
  guint                    required[];  /* required fields, but the key field */
};

/* In a fast walk, something whose order matters was met (a partner named
 * before the partners are read: the first unknown one is reported): the
 * walk stops (FALSE, no error) and the item is walked again in the file's
 * order. */
static gboolean
walk_in_file_order (void)
{
  return FALSE;
}

/* What the reader needs of record's class: its layout, its field table and
 * its required fields, looked up once. */
static const PacteReaderClass *
class_of (Loader      *self,
          PacteRecord *record)
{
  GType type = G_OBJECT_TYPE (record);
  PacteRecordClass *klass;
  PacteReaderClass *cls;

  for (guint i = 0; i < self->classes->len; i++)
    {
      cls = g_ptr_array_index (self->classes, i);
      if (cls->type == type)
        return cls;
    }
  klass = PACTE_RECORD_GET_CLASS (record);
  cls = g_malloc (sizeof *cls + klass->n_fields * sizeof (guint));
  cls->type = type;
  cls->layout = pacte_format_layout_get (record);
  cls->fields = klass->fields;
  cls->n_fields = klass->n_fields;
  cls->n_required = 0;
  for (guint f = 0; f < klass->n_fields; f++)
    if (klass->fields[f].required && (int) f != cls->layout->key_field)
      cls->required[cls->n_required++] = f;
  g_ptr_array_add (self->classes, cls);
  return cls;
}

static const PacteFormatLayout *
layout_of (Loader      *self,
           PacteRecord *record)
{
  return class_of (self, record)->layout;
}

static void
pending_ref_clear (gpointer data)
{
  PendingRef *ref = data;

  g_free (ref->path);
  g_free (ref->id);
}

/* Whether records of type may name partners (is_partner_reference ()). */
static gboolean
may_name_partners (GType type)
{
  return type == PACTE_TYPE_PLAN || type == PACTE_TYPE_ACTION || type == PACTE_TYPE_EVENT;
}

static gboolean
is_partner_reference (PacteRecord *record,
                      guint        field)
{
  return (PACTE_IS_PLAN (record) && field == PACTE_PLAN_PARTNERS)
         || (PACTE_IS_ACTION (record) && field == PACTE_ACTION_PARTIES)
         || (PACTE_IS_EVENT (record) && field == PACTE_EVENT_PARTNERS);
}

static gboolean
check_partner (Loader     *self,
               GError    **error,
               const char *id)
{
  if (self->partner_ids != NULL && g_hash_table_contains (self->partner_ids, id))
    return TRUE;
  return pacte_reader_fail (self, error, PACTE_MODEL_ERROR_UNKNOWN_REFERENCE,
               _("unknown partner \"%s\"; expected the id of one of the partners"), id);
}

static gboolean
check_pending_refs (Loader  *self,
                    GError **error)
{
  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingRef *ref = &g_array_index (self->pending, PendingRef, i);

      if (self->partner_ids == NULL || !g_hash_table_contains (self->partner_ids, ref->id))
        {
          pacte_reader_path_pop (self, 0);
          pacte_reader_path_push (self, PACTE_READER_PATH_RAW, ref->path, 0);
          return check_partner (self, error, ref->id);
        }
    }
  g_array_set_size (self->pending, 0);
  return TRUE;
}

static char *
rule_id_list (PacteRuleSet *rules)
{
  guint n = pacte_rule_set_get_n_rules (rules);
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, pacte_rule_set_get_id (rules, i));
    }
  return g_string_free (list, FALSE);
}

static gboolean
load_strv_field (Loader      *self,
                 PacteRecord *record,
                 guint        field,
                 JsonNode    *node,
                 GError     **error)
{
  JsonArray *array;
  guint n;
  char **strv;
  gboolean references = is_partner_reference (record, field);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return pacte_reader_fail_type (self, error, node, _("an array of strings"));
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n == 0)
    return TRUE;

  strv = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      guint depth = pacte_reader_path_push_index (self, i);
      const char *text;

      if (!pacte_reader_node_is_string (item))
        {
          pacte_reader_fail_type (self, error, item, _("a string"));
          g_strfreev (strv);
          return FALSE;
        }
      text = json_node_get_string (item);
      if (references)
        {
          if (self->partner_ids != NULL)
            {
              if (!check_partner (self, error, text))
                {
                  g_strfreev (strv);
                  return FALSE;
                }
            }
          else if (self->fast)
            {
              /* Which of them is reported depends on their order. */
              g_strfreev (strv);
              return walk_in_file_order ();
            }
          else
            {
              PendingRef ref = { g_strdup (pacte_reader_path (self)), g_strdup (text) };

              g_array_append_val (self->pending, ref);
            }
        }
      strv[i] = g_strdup (text);
      pacte_reader_path_pop (self, depth);
    }
  pacte_record_take_strv_raw (record, field, strv);
  return TRUE;
}

static gboolean load_record (Loader      *self,
                             PacteRecord *record,
                             JsonObject  *object,
                             GError     **error);

static gboolean
load_keyed_list (Loader      *self,
                 PacteRecord *record,
                 guint        field,
                 GType        item_type,
                 JsonNode    *node,
                 GError     **error)
{
  JsonObject *object;
  GList *members;
  gboolean ok = TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return pacte_reader_fail_type (self, error, node, _("an object whose members are rule ids"));
  object = json_node_get_object (node);
  members = g_list_sort (json_object_get_members (object), (GCompareFunc) strcmp);
  for (GList *l = members; ok && l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *value = json_object_get_member (object, key);
      guint depth = pacte_reader_path_push_member (self, key);
      g_autoptr(PacteRecord) item = NULL;

      if (pacte_reader_node_is_not_filled_in (value, FALSE, TRUE))
        ;  /* not filled in */
      else if (!JSON_NODE_HOLDS_OBJECT (value))
        ok = pacte_reader_fail_type (self, error, value, _("an object"));
      else if (*key == '\0')
        ok = pacte_reader_fail (self, error, PACTE_MODEL_ERROR_INVALID, _("empty rule id; expected a rule id such as \"R01\""));
      else if (self->rules != NULL && !pacte_rule_set_has_rule (self->rules, key))
        {
          g_autofree char *list = rule_id_list (self->rules);

          ok = pacte_reader_fail (self, error, PACTE_MODEL_ERROR_UNKNOWN_RULE,
                     _("unknown rule \"%s\"; expected one of %s"), key, list);
        }
      else
        {
          item = g_object_new (item_type, NULL);
          pacte_record_take_string_raw (item, PACTE_OVERRIDE_RULE_ID, g_strdup (key));
          ok = load_record (self, item, json_node_get_object (value), error);
          if (ok)
            pacte_record_list_append_raw (record, field, item);
        }
      if (ok)
        pacte_reader_path_pop (self, depth);
    }
  g_list_free (members);
  return ok;
}

/* One list of records being read, item by item: the items may come from
 * one tree (load_list) or each from its own (the portfolio's lists, read as
 * the text is parsed). */
static void
list_reader_init (ListReader           *list,
                  PacteRecord          *record,
                  guint                 field,
                  const PacteFieldInfo *info)
{
  list->record = record;
  list->field = field;
  list->item_type = info->item_type ();
  list->ids = NULL;
  list->id_field = -1;
  list->n = 0;
}

static PacteRecord *
build_item (Loader      *self,
            GType        item_type,
            guint        index,
            JsonNode    *item_node,
            GError     **error)
{
  guint depth = pacte_reader_path_push_index (self, index);
  g_autoptr(PacteRecord) item = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (item_node))
    {
      pacte_reader_fail_type (self, error, item_node, _("an object"));
      return NULL;
    }
  item = g_object_new (item_type, NULL);
  if (!load_record (self, item, json_node_get_object (item_node), error))
    return NULL;
  pacte_reader_path_pop (self, depth);
  return g_steal_pointer (&item);
}

/* The record of the list's item at index, not yet in the list; NULL with
 * error set when the item is not one.  Partner ids it names before the
 * partners are read go to self->pending.
 *
 * Its members are first walked in the order of json-glib's hash tables
 * (member_iter_init ()).  The order of the file matters for the members we
 * do not know (kept in their order: order_unknowns () puts them back in
 * it), for which problem is reported first and for partners named before
 * the partners are read: when the fast walk meets either of these, it
 * stops, its record is dropped and the item is walked again in the order
 * of the file, which then reports what a walk in that order always did. */
static PacteRecord *
list_reader_build (Loader      *self,
                   GType        item_type,
                   guint        index,
                   JsonNode    *item_node,
                   GError     **error)
{
  guint n_parts = self->n_parts;
  guint n_unknowns = self->unknowns->len;
  guint n_pending = self->pending->len;
  PacteRecord *item;

  /* An item inside an item being walked fast: the outer item is walked
   * again when this one stops.  An item that may name partners before the
   * partners are read: which unknown one is reported depends on the order
   * of the file, in which it is walked at once. */
  if (self->fast || (self->partner_ids == NULL && may_name_partners (item_type)))
    return build_item (self, item_type, index, item_node, error);

  self->fast = TRUE;
  item = build_item (self, item_type, index, item_node, NULL);
  self->fast = FALSE;
  if (item != NULL)
    return item;
  pacte_reader_path_pop (self, n_parts);
  g_array_set_size (self->unknowns, n_unknowns);
  g_array_set_size (self->pending, n_pending);
  return build_item (self, item_type, index, item_node, error);
}

/* The next item of the list, built: its id checked, then appended. */
static gboolean
list_reader_add_built (Loader      *self,
                       ListReader  *list,
                       PacteRecord *item,
                       GError     **error)
{
  guint i = list->n++;

  if (i == 0)
    {
      list->id_field = layout_of (self, item)->id_field;
      if (list->id_field >= 0)
        list->ids = g_hash_table_new (g_str_hash, g_str_equal);
    }
  if (list->ids != NULL)
    {
      /* The key is owned by the item, which the list keeps alive. */
      const char *id = pacte_record_get_string (item, list->id_field);
      gpointer first = g_hash_table_lookup (list->ids, id);

      if (first != NULL)
        {
          g_autofree char *where = NULL;
          guint depth = pacte_reader_path_push_index (self, GPOINTER_TO_UINT (first) - 1);

          where = g_strdup (pacte_reader_path (self));
          pacte_reader_path_pop (self, depth);
          pacte_reader_path_push_index (self, i);
          pacte_reader_path_push_member (self, "id");
          return pacte_reader_fail (self, error, PACTE_MODEL_ERROR_DUPLICATE_ID,
                       _("duplicate id \"%s\", already used by %s; expected each id once"), id, where);
        }
      g_hash_table_insert (list->ids, (gpointer) id, GUINT_TO_POINTER (i + 1));
    }
  pacte_record_list_append_raw (list->record, list->field, item);
  return TRUE;
}

static gboolean
list_reader_add (Loader      *self,
                 ListReader  *list,
                 JsonNode    *item_node,
                 GError     **error)
{
  g_autoptr(PacteRecord) item = list_reader_build (self, list->item_type, list->n, item_node, error);

  if (item == NULL)
    {
      list->n++;
      return FALSE;
    }
  return list_reader_add_built (self, list, item, error);
}

static gboolean
list_reader_end (Loader      *self,
                 ListReader  *list,
                 GError     **error)
{
  if (PACTE_IS_PORTFOLIO (list->record) && list->field == PACTE_PORTFOLIO_PARTNERS)
    {
      if (list->ids == NULL)
        list->ids = g_hash_table_new (g_str_hash, g_str_equal);
      g_clear_pointer (&self->partner_ids, g_hash_table_unref);
      self->partner_ids = g_steal_pointer (&list->ids);
      return check_pending_refs (self, error);
    }
  g_clear_pointer (&list->ids, g_hash_table_unref);
  return TRUE;
}

static void
list_reader_clear (ListReader *list)
{
  g_clear_pointer (&list->ids, g_hash_table_unref);
}

static gboolean
load_list (Loader               *self,
           PacteRecord          *record,
           guint                 field,
           const PacteFieldInfo *info,
           JsonNode             *node,
           GError              **error)
{
  ListReader list;
  JsonArray *array;
  guint n;
  gboolean ok = TRUE;

  if (pacte_format_is_keyed (info->item_type ()))
    return load_keyed_list (self, record, field, info->item_type (), node, error);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return pacte_reader_fail_type (self, error, node, _("an array of objects"));
  array = json_node_get_array (node);
  n = json_array_get_length (array);

  list_reader_init (&list, record, field, info);
  for (guint i = 0; ok && i < n; i++)
    ok = list_reader_add (self, &list, json_array_get_element (array, i), error);
  if (ok)
    ok = list_reader_end (self, &list, error);
  list_reader_clear (&list);
  return ok;
}

static gboolean
load_field (Loader                 *self,
            PacteRecord            *record,
            const PacteReaderClass *cls,
            guint                   field,
            JsonNode               *node,
            GError                **error)
{
  const PacteFieldInfo *info = &cls->fields[field];
  JsonNodeType type = json_node_get_node_type (node);
  /* The node's string when it holds one (most values are strings). */
  const char *text = type == JSON_NODE_VALUE && json_node_get_value_type (node) == G_TYPE_STRING
                     ? json_node_get_string (node) : NULL;

  /* null and "" are "not filled in" (pacte_reader_node_is_not_filled_in ()). */
  if (type == JSON_NODE_NULL || (text != NULL && *text == '\0'))
    return TRUE;
  if (type == JSON_NODE_ARRAY || type == JSON_NODE_OBJECT)
    {
      gboolean keyed = info->kind == PACTE_FIELD_LIST && pacte_format_is_keyed (info->item_type ());
      gboolean array_belongs = (info->kind == PACTE_FIELD_LIST && !keyed) || info->kind == PACTE_FIELD_STRV;
      gboolean object_belongs = keyed || info->kind == PACTE_FIELD_STRING_MAP
                                || info->kind == PACTE_FIELD_NUMBER_MAP;

      if (pacte_reader_node_is_not_filled_in (node, array_belongs, object_belongs))
        return TRUE;
    }

  switch (info->kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
    case PACTE_FIELD_QUARTER:
    case PACTE_FIELD_DATE:
      return pacte_reader_load_string_field (self, record, field, info, node, text, error);

    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      {
        double value;

        if (!pacte_reader_node_get_number (node, &value))
          return pacte_reader_fail_type (self, error, node, pacte_reader_kind_phrase (info->kind));
        if (!pacte_reader_check_number (self, error, value, info->kind == PACTE_FIELD_INTEGER))
          return FALSE;
        if (info->has_minimum && value < info->minimum)
          {
            char shown[G_ASCII_DTOSTR_BUF_SIZE], minimum[G_ASCII_DTOSTR_BUF_SIZE];

            g_ascii_dtostr (shown, sizeof shown, value);
            g_ascii_dtostr (minimum, sizeof minimum, info->minimum);
            return pacte_reader_fail (self, error, PACTE_MODEL_ERROR_INVALID,
                         _("%s is less than %s; expected a number of %s or more"), shown, minimum, minimum);
          }
        pacte_record_set_number_raw (record, field, value);
        return TRUE;
      }

    case PACTE_FIELD_BOOLEAN:
      if (type != JSON_NODE_VALUE || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return pacte_reader_fail_type (self, error, node, pacte_reader_kind_phrase (info->kind));
      pacte_record_set_boolean_raw (record, field, json_node_get_boolean (node) ? 1 : 0);
      return TRUE;

    case PACTE_FIELD_STRV:
      return load_strv_field (self, record, field, node, error);

    case PACTE_FIELD_LIST:
      return load_list (self, record, field, info, node, error);

    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
      return pacte_reader_load_map_field (self, record, field, info, node, error);

    default:
      g_assert_not_reached ();
      return FALSE;
    }
}

/* Members we do not know are handed to the record in the order the saver
 * writes them (nested objects where their first field is, the record's own
 * object last), whatever their order in this file: two files that differ
 * only in the order of their members then load into equal records. */
static void
keep_unknowns (PacteRecord            *record,
               const PacteFormatGroup *group,
               GArray                 *unknowns,
               guint                   start)
{
  for (guint i = 0; i < group->n_entries; i++)
    if (group->entries[i].group != NULL)
      keep_unknowns (record, group->entries[i].group, unknowns, start);
  for (guint i = start; i < unknowns->len; i++)
    {
      Unknown *u = &g_array_index (unknowns, Unknown, i);

      if (u->group == group)
        pacte_record_add_unknown (record, group->object_path, u->member, u->node);
    }
}

static gboolean load_group (Loader                  *self,
                            PacteRecord             *record,
                            const PacteReaderClass  *cls,
                            const PacteFormatGroup  *group,
                            JsonObject              *object,
                            GError                 **error);

/* The entry of group for member, looked for from *next on (the members of
 * a file are mostly in the order of the table: the saver writes them so),
 * then from the start; *next moves past the entry found. */
static const PacteFormatEntry *
find_entry_from (const PacteFormatGroup *group,
                 const char             *member,
                 guint                  *next)
{
  guint n = group->n_entries;

  for (guint k = 0, i = *next; k < n; k++, i = i + 1 < n ? i + 1 : 0)
    {
      const char *name = group->entries[i].member;

      if (name[0] == member[0] && strcmp (name, member) == 0)
        {
          *next = i + 1 < n ? i + 1 : 0;
          return &group->entries[i];
        }
    }
  return NULL;
}

static const PacteFormatEntry *
find_entry (const PacteFormatGroup *group,
            const char             *member)
{
  guint next = 0;

  return find_entry_from (group, member, &next);
}

/* One member of the object of group; member and node stay alive until the
 * record is complete (unknown members are kept as they are).  next: where
 * to look for the member's entry first (find_entry_from ()). */
static gboolean
load_member (Loader                  *self,
             PacteRecord             *record,
             const PacteReaderClass  *cls,
             const PacteFormatGroup  *group,
             guint                   *next,
             const char              *member,
             JsonNode                *node,
             GError                 **error)
{
  const PacteFormatEntry *entry = find_entry_from (group, member, next);
  guint depth;

  if (entry == NULL)
    {
      Unknown u = { group, member, node };
      gboolean root_of_file = PACTE_IS_PORTFOLIO (record) && group->object_path[0] == '\0';

      /* format and version were checked before the walk. */
      if (!root_of_file || (!g_str_equal (member, "format") && !g_str_equal (member, "version")))
        g_array_append_val (self->unknowns, u);
      return TRUE;
    }

  depth = pacte_reader_path_push_member (self, member);
  if (entry->field >= 0)
    {
      if (!load_field (self, record, cls, entry->field, node, error))
        return FALSE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      if (!load_group (self, record, cls, entry->group, json_node_get_object (node), error))
        return FALSE;
    }
  else if (!pacte_reader_node_is_not_filled_in (node, FALSE, TRUE))
    return pacte_reader_fail_type (self, error, node, _("an object"));
  pacte_reader_path_pop (self, depth);
  return TRUE;
}

/* A fast walk met the unknown members of object (those of group among
 * self->unknowns[start..)) in the order of its hash table: they are put
 * back in the order of the file, which json_object_get_members () keeps,
 * in the places they took among the others. */
static void
order_unknowns (Loader                 *self,
                const PacteFormatGroup *group,
                JsonObject             *object,
                guint                   start)
{
  GArray *unknowns = self->unknowns;
  g_autoptr(GArray) mine = g_array_new (FALSE, FALSE, sizeof (Unknown));
  GList *members;
  guint slot = start;

  for (guint i = start; i < unknowns->len; i++)
    if (g_array_index (unknowns, Unknown, i).group == group)
      g_array_append_val (mine, g_array_index (unknowns, Unknown, i));
  if (mine->len < 2)
    return;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    for (guint k = 0; k < mine->len; k++)
      if (strcmp (g_array_index (mine, Unknown, k).member, l->data) == 0)
        {
          while (g_array_index (unknowns, Unknown, slot).group != group)
            slot++;
          g_array_index (unknowns, Unknown, slot++) = g_array_index (mine, Unknown, k);
          break;
        }
  g_list_free (members);
}

static gboolean
load_group (Loader                  *self,
            PacteRecord             *record,
            const PacteReaderClass  *cls,
            const PacteFormatGroup  *group,
            JsonObject              *object,
            GError                 **error)
{
  MemberIter iter;
  const char *member;
  JsonNode *node;
  guint next = 0;
  guint start = self->unknowns->len;

  member_iter_init (&iter, self, object);
  while (member_iter_next (&iter, &member, &node))
    if (!load_member (self, record, cls, group, &next, member, node, error))
      return FALSE;
  if (iter.fast && self->unknowns->len > start)
    order_unknowns (self, group, object, start);
  return TRUE;
}

/* After the last member of record's object: its unknown members, then
 * what is required. */
static gboolean
finish_record (Loader                 *self,
               PacteRecord            *record,
               const PacteReaderClass *cls,
               guint                   start,
               GError                **error)
{
  if (self->unknowns->len > start)
    {
      keep_unknowns (record, &cls->layout->root, self->unknowns, start);
      g_array_set_size (self->unknowns, start);
    }

  for (guint r = 0; r < cls->n_required; r++)
    {
      guint f = cls->required[r];
      const PacteFieldInfo *info = &cls->fields[f];

      if (!pacte_record_is_set (record, f))
        {
          g_auto(GStrv) parts = g_strsplit (info->json_path, ".", -1);
          guint depth = self->n_parts;

          for (guint p = 0; parts[p] != NULL; p++)
            pacte_reader_path_push_member (self, parts[p]);
          pacte_reader_fail (self, error, PACTE_MODEL_ERROR_INVALID,
                             _("missing or empty; expected %s"),
                             info->kind == PACTE_FIELD_STRING ? _("a non-empty string") : pacte_reader_kind_phrase (info->kind));
          /* parts are freed on return: off the path. */
          pacte_reader_path_pop (self, depth);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_record (Loader      *self,
             PacteRecord *record,
             JsonObject  *object,
             GError     **error)
{
  /* This record's unknown members go on top of the loader's stack; the
   * records nested in it push and pop theirs in between. */
  guint start = self->unknowns->len;
  const PacteReaderClass *cls = class_of (self, record);

  if (!load_group (self, record, cls, &cls->layout->root, object, error))
    return FALSE;
  return finish_record (self, record, cls, start, error);
}

/* ---- The portfolio, member by member ------------------------------------ */

void
pacte_record_reader_init (PacteRecordReader *self,
                          const char        *display,
                          PacteRuleSet      *rules)
{
  memset (self, 0, sizeof *self);
  self->display = display;
  self->rules = rules;
  self->path = g_string_new (NULL);
  self->classes = g_ptr_array_new_with_free_func (g_free);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingRef));
  g_array_set_clear_func (self->pending, pending_ref_clear);
  self->unknowns = g_array_new (FALSE, FALSE, sizeof (Unknown));
}

void
pacte_record_reader_clear (PacteRecordReader *self)
{
  g_string_free (self->path, TRUE);
  g_free (self->parts);
  g_ptr_array_unref (self->classes);
  g_array_unref (self->pending);
  g_array_unref (self->unknowns);
  g_clear_pointer (&self->partner_ids, g_hash_table_unref);
  list_reader_clear (&self->list);
}

void
pacte_record_reader_begin (PacteRecordReader *self,
                           PactePortfolio    *portfolio)
{
  self->portfolio = portfolio;
  self->root_start = self->unknowns->len;
}

static const PacteFormatGroup *
root_group (PacteRecordReader *self)
{
  return &layout_of (self, PACTE_RECORD (self->portfolio))->root;
}

gboolean
pacte_record_reader_member (PacteRecordReader  *self,
                            const char         *member,
                            JsonNode           *node,
                            GError            **error)
{
  PacteRecord *record = PACTE_RECORD (self->portfolio);
  const PacteReaderClass *cls = class_of (self, record);
  guint next = 0;

  return load_member (self, record, cls, &cls->layout->root, &next, member, node, error);
}

gboolean
pacte_record_reader_is_list (PacteRecordReader *self,
                             const char        *member)
{
  const PacteFormatEntry *entry = find_entry (root_group (self), member);
  const PacteFieldInfo *info;

  if (entry == NULL || entry->field < 0)
    return FALSE;
  info = pacte_record_get_field_info (PACTE_RECORD (self->portfolio), entry->field);
  return info->kind == PACTE_FIELD_LIST && !pacte_format_is_keyed (info->item_type ());
}

void
pacte_record_reader_list_begin (PacteRecordReader *self,
                                const char        *member)
{
  const PacteFormatEntry *entry = find_entry (root_group (self), member);
  PacteRecord *record = PACTE_RECORD (self->portfolio);

  g_return_if_fail (entry != NULL && entry->field >= 0);

  self->list_member = member;
  self->list_path_depth = pacte_reader_path_push_member (self, member);
  list_reader_init (&self->list, record, entry->field, pacte_record_get_field_info (record, entry->field));
}

gboolean
pacte_record_reader_list_item (PacteRecordReader  *self,
                               JsonNode           *item,
                               GError            **error)
{
  return list_reader_add (self, &self->list, item, error);
}

gboolean
pacte_record_reader_list_end (PacteRecordReader  *self,
                              GError            **error)
{
  if (!list_reader_end (self, &self->list, error))
    return FALSE;
  pacte_reader_path_pop (self, self->list_path_depth);
  return TRUE;
}

gboolean
pacte_record_reader_end (PacteRecordReader  *self,
                         GError            **error)
{
  PacteRecord *record = PACTE_RECORD (self->portfolio);

  if (!finish_record (self, record, class_of (self, record), self->root_start, error))
    return FALSE;
  if (self->pending->len > 0)
    return check_pending_refs (self, error);
  return TRUE;
}

/* ---- A list's items built in other threads ------------------------------ */

void
pacte_record_reader_init_worker (PacteRecordReader *self,
                                 PacteRecordReader *list_reader)
{
  pacte_record_reader_init (self, list_reader->display, list_reader->rules);
  if (list_reader->partner_ids != NULL)
    self->partner_ids = g_hash_table_ref (list_reader->partner_ids);
  self->list.item_type = list_reader->list.item_type;
  pacte_reader_path_push_member (self, list_reader->list_member);
}

PacteRecord *
pacte_record_reader_build_item (PacteRecordReader  *self,
                                guint               index,
                                JsonNode           *item,
                                GArray            **pending,
                                GError            **error)
{
  PacteRecord *record = list_reader_build (self, self->list.item_type, index, item, error);

  *pending = NULL;
  if (record != NULL && self->pending->len > 0)
    {
      *pending = g_steal_pointer (&self->pending);
      self->pending = g_array_new (FALSE, FALSE, sizeof (PendingRef));
      g_array_set_clear_func (self->pending, pending_ref_clear);
    }
  /* After an error the path and the stack of unknown members hold the
   * item's: back to the list's (the worker takes no item after it, but
   * nothing of the item's tree, about to be freed, is kept). */
  self->n_parts = MIN (self->n_parts, 1);
  g_array_set_size (self->unknowns, 0);
  if (record == NULL)
    g_array_set_size (self->pending, 0);
  return record;
}

gboolean
pacte_record_reader_list_add_built (PacteRecordReader  *self,
                                    PacteRecord        *item,
                                    GArray             *pending,
                                    GError            **error)
{
  if (pending != NULL)
    {
      g_array_append_vals (self->pending, pending->data, pending->len);
      /* The strings moved. */
      g_array_set_clear_func (pending, NULL);
      g_array_unref (pending);
    }
  return list_reader_add_built (self, &self->list, item, error);
}

void
pacte_pending_refs_free (GArray *pending)
{
  if (pending != NULL)
    g_array_unref (pending);
}
