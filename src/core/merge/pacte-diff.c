/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-diff.c: a portfolio's changes in words (pacte-diff.h).
 *
 * The two versions are compared as canonical JSON trees (as the merge
 * does), walked along the field tables of the record classes so that each
 * change is named by its record ("Plan “Ashford & Lowe”", "Objective “Joint
 * deals”") and its field's label ("Target"), in the chosen language.
 * Records in lists with ids are matched by id; lists without ids item by
 * item; members the program does not know by their name. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-diff.h"
#include "pacte-i18n.h"
#include "pacte-language.h"
#include "pacte-merge-private.h"

typedef struct {
  char     *record;     /* the owner: "Plan “Ashford & Lowe” (plan-ashford)", "Portfolio" */
  char     *path;       /* plans["plan-1"].objectives["o-1"].target */
  const char *change;   /* "changed", "added", "removed" */
  JsonNode *old_value;
  JsonNode *new_value;
  char     *text;       /* "Objective “Joint deals”, Target: 10 → 12" */
} Change;

typedef struct {
  char        *plan_id;
  char        *plan_name;
  const char  *rule_id;
  PacteStatus  old_status;
  PacteStatus  new_status;
} Light;

struct _PacteDiff {
  const char *lang;
  GPtrArray  *changes;   /* Change* */
  GArray     *lights;    /* Light */
  GString    *path;
  char       *record;    /* the owner being walked */
};

static void
change_free (Change *change)
{
  g_free (change->record);
  g_free (change->path);
  g_clear_pointer (&change->old_value, json_node_unref);
  g_clear_pointer (&change->new_value, json_node_unref);
  g_free (change->text);
  g_free (change);
}

static void
light_clear (Light *light)
{
  g_free (light->plan_id);
  g_free (light->plan_name);
}

void
pacte_diff_free (PacteDiff *diff)
{
  if (diff == NULL)
    return;
  g_ptr_array_unref (diff->changes);
  g_array_unref (diff->lights);
  g_string_free (diff->path, TRUE);
  g_free (diff->record);
  g_free (diff);
}

static const char *
T (PacteDiff  *d,
   const char *msgid)
{
  return pacte_gettext_lang (d->lang, msgid);
}

static const char *TF (PacteDiff *d, const char *msgid) G_GNUC_FORMAT (2);
static const char *
TF (PacteDiff  *d,
    const char *msgid)
{
  return pacte_gettext_lang (d->lang, msgid);
}

/* ---- Values in words ------------------------------------------------- */

static char *
quoted (PacteDiff  *d,
        const char *text)
{
  g_autofree char *shown = NULL;

  if (g_utf8_strlen (text, -1) > 60)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, 59);

      shown = g_strconcat (cut, "…", NULL);
    }
  else
    shown = g_strdup (text);
  /* Translators: a text value quoted in the list of changes. */
  return g_strdup_printf (TF (d, N_("“%s”")), shown);
}

static char *
number_text (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 9007199254740992.0)
    return g_strdup_printf ("%.0f", value);
  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

static char *
value_text (PacteDiff            *d,
            const PacteFieldInfo *field,
            JsonNode             *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (T (d, N_("(none)")));
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (node);

          if (field != NULL && field->kind == PACTE_FIELD_CHOICE)
            return g_strdup (pacte_choice_display_name_lang (d->lang, text));
          if (field != NULL && field->kind == PACTE_FIELD_DATE)
            return g_strdup (text);
          if (field != NULL && field->kind == PACTE_FIELD_QUARTER)
            {
              int year, quarter;

              if (pacte_quarter_parse (text, &year, &quarter))
                return pacte_language_format_quarter (pacte_language_get (d->lang), year, quarter);
            }
          return quoted (d, text);
        }
      if (type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? T (d, N_("yes")) : T (d, N_("no")));
      return number_text (json_node_get_double (node));
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);
      gboolean strings = TRUE;

      for (guint i = 0; i < n; i++)
        if (json_node_get_value_type (json_array_get_element (array, i)) != G_TYPE_STRING)
          strings = FALSE;
      if (strings)
        {
          GString *text = g_string_new (NULL);

          for (guint i = 0; i < n; i++)
            g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", json_array_get_string_element (array, i));
          if (n == 0)
            g_string_append (text, T (d, N_("(none)")));
          return g_string_free (text, FALSE);
        }
      /* pacte_ngettext_lang() carries no format attribute: one %u. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      return g_strdup_printf (pacte_ngettext_lang (d->lang, "%u item", "%u items", n), n);
#pragma GCC diagnostic pop
    }
  return g_strdup ("{…}");
}

/* A record's name in words: its name, title, body or question, else its id. */
static char *
item_title (PacteDiff *d,
            JsonNode  *item,
            guint      position)
{
  const char *members[] = { "name", "title", "body", "question", "message", "note", "quarter", "date", "id" };

  if (item != NULL && JSON_NODE_HOLDS_OBJECT (item))
    for (guint i = 0; i < G_N_ELEMENTS (members); i++)
      {
        JsonNode *node = json_object_get_member (json_node_get_object (item), members[i]);

        if (node != NULL && json_node_get_value_type (node) == G_TYPE_STRING)
          return quoted (d, json_node_get_string (node));
      }
  return g_strdup_printf ("#%u", position + 1);
}

static const char *
type_label (PacteDiff        *d,
            PacteRecordClass *klass)
{
  return klass != NULL && klass->type_label != NULL ? T (d, klass->type_label) : T (d, N_("Item"));
}

static void
add_change (PacteDiff  *d,
            const char *change,
            JsonNode   *old_value,
            JsonNode   *new_value,
            char       *text)
{
  Change *c = g_new0 (Change, 1);

  c->record = g_strdup (d->record);
  c->path = g_strdup (d->path->str);
  c->change = change;
  c->old_value = old_value != NULL ? json_node_copy (old_value) : NULL;
  c->new_value = new_value != NULL ? json_node_copy (new_value) : NULL;
  c->text = text;
  g_ptr_array_add (d->changes, c);
}

static char *
with_context (PacteDiff  *d,
              const char *context,
              char       *line)
{
  char *text;

  if (context == NULL)
    return line;
  /* Translators: a record, then what changed in it: "Objective “Joint deals”, Target: 10 → 12". */
  text = g_strdup_printf (TF (d, N_("%s, %s")), context, line);
  g_free (line);
  return text;
}

/* ---- The walk -------------------------------------------------------- */

static void diff_object (PacteDiff        *d,
                         PacteRecordClass *klass,
                         const char       *prefix,
                         JsonNode         *old_node,
                         JsonNode         *new_node,
                         const char       *context);

static const PacteFieldInfo *
find_field (PacteRecordClass *klass,
            const char       *json_path,
            gboolean         *is_group)
{
  gsize len = strlen (json_path);

  *is_group = FALSE;
  if (klass == NULL)
    return NULL;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (g_str_equal (klass->fields[i].json_path, json_path))
        return &klass->fields[i];
      if (strncmp (klass->fields[i].json_path, json_path, len) == 0 && klass->fields[i].json_path[len] == '.')
        *is_group = TRUE;
    }
  return NULL;
}

static void
diff_leaf (PacteDiff            *d,
           const PacteFieldInfo *field,
           const char           *label,
           JsonNode             *old_node,
           JsonNode             *new_node,
           const char           *context)
{
  g_autofree char *old_text = value_text (d, field, old_node);
  g_autofree char *new_text = value_text (d, field, new_node);
  const char *change = old_node == NULL ? "added" : new_node == NULL ? "removed" : "changed";

  add_change (d, change, old_node, new_node,
              with_context (d, context, g_strdup_printf (TF (d, N_("%s: %s → %s")), label, old_text, new_text)));
}

/* A record added or removed inside an owner ("Action added: “Joint pitch”"). */
static void
record_added_or_removed (PacteDiff        *d,
                         PacteRecordClass *klass,
                         JsonNode         *old_node,
                         JsonNode         *new_node,
                         guint             position,
                         const char       *context)
{
  g_autofree char *title = item_title (d, new_node != NULL ? new_node : old_node, position);
  char *line = new_node != NULL ? g_strdup_printf (TF (d, N_("%s added: %s")), type_label (d, klass), title)
                                : g_strdup_printf (TF (d, N_("%s removed: %s")), type_label (d, klass), title);

  add_change (d, new_node != NULL ? "added" : "removed", old_node, new_node, with_context (d, context, line));
}

/* The owner's name, for the heading of its changes. */
static char *
owner_heading (PacteDiff        *d,
               PacteRecordClass *klass,
               JsonNode         *item,
               const char       *id)
{
  g_autofree char *title = item_title (d, item, 0);

  /* Translators: a record's heading in the list of changes: "Plan “Ashford & Lowe” (plan-ashford)". */
  return g_strdup_printf (TF (d, N_("%s %s (%s)")), type_label (d, klass), title, id);
}

static void
diff_item (PacteDiff        *d,
           PacteRecordClass *klass,
           gboolean          owners,
           const char       *id,
           guint             position,
           JsonNode         *old_item,
           JsonNode         *new_item,
           const char       *context)
{
  gsize len = id != NULL ? pacte_merge_path_push_id (d->path, id) : d->path->len;
  g_autofree char *saved_record = NULL;

  if (id == NULL)
    g_string_append_printf (d->path, "[%u]", position);
  if (owners)
    {
      saved_record = d->record;
      d->record = owner_heading (d, klass, new_item != NULL ? new_item : old_item, id != NULL ? id : "");
    }
  if (old_item == NULL || new_item == NULL)
    {
      if (owners)
        {
          g_autofree char *title = item_title (d, new_item != NULL ? new_item : old_item, position);

          add_change (d, new_item != NULL ? "added" : "removed", old_item, new_item,
                      new_item != NULL ? g_strdup_printf (TF (d, N_("%s added: %s (%s)")), type_label (d, klass), title, id)
                                       : g_strdup_printf (TF (d, N_("%s removed: %s (%s)")), type_label (d, klass), title, id));
        }
      else
        record_added_or_removed (d, klass, old_item, new_item, position, context);
    }
  else if (!json_node_equal (old_item, new_item))
    {
      if (owners)
        diff_object (d, klass, NULL, old_item, new_item, NULL);
      else
        {
          g_autofree char *title = item_title (d, new_item, position);
          g_autofree char *item_context = g_strdup_printf ("%s %s", type_label (d, klass), title);
          g_autofree char *full = context != NULL ? g_strdup_printf (TF (d, N_("%s, %s")), context, item_context)
                                                  : g_strdup (item_context);

          diff_object (d, klass, NULL, old_item, new_item, full);
        }
    }
  if (owners)
    {
      g_free (d->record);
      d->record = g_steal_pointer (&saved_record);
    }
  g_string_truncate (d->path, len);
}

/* A list of records: by id when they have ids, else item by item. */
static void
diff_list (PacteDiff        *d,
           PacteRecordClass *klass,
           gboolean          owners,
           JsonNode         *old_node,
           JsonNode         *new_node,
           const char       *context)
{
  g_autoptr(GHashTable) old_ids = pacte_merge_index_by_id (old_node);
  g_autoptr(GHashTable) new_ids = pacte_merge_index_by_id (new_node);
  JsonArray *old_items = old_node != NULL && JSON_NODE_HOLDS_ARRAY (old_node) ? json_node_get_array (old_node) : NULL;
  JsonArray *new_items = new_node != NULL && JSON_NODE_HOLDS_ARRAY (new_node) ? json_node_get_array (new_node) : NULL;
  guint n_old = old_items != NULL ? json_array_get_length (old_items) : 0;
  guint n_new = new_items != NULL ? json_array_get_length (new_items) : 0;

  if (old_ids != NULL && new_ids != NULL && (n_old > 0 || n_new > 0)
      && (g_hash_table_size (old_ids) > 0 || g_hash_table_size (new_ids) > 0))
    {
      for (guint i = 0; i < n_old; i++)
        {
          JsonNode *item = json_array_get_element (old_items, i);
          const char *id = pacte_merge_item_id (item);

          diff_item (d, klass, owners, id, i, item, g_hash_table_lookup (new_ids, id), context);
        }
      for (guint i = 0; i < n_new; i++)
        {
          JsonNode *item = json_array_get_element (new_items, i);
          const char *id = pacte_merge_item_id (item);

          if (!g_hash_table_contains (old_ids, id))
            diff_item (d, klass, owners, id, i, NULL, item, context);
        }
      return;
    }
  for (guint i = 0; i < MAX (n_old, n_new); i++)
    diff_item (d, klass, FALSE, NULL, i,
               i < n_old ? json_array_get_element (old_items, i) : NULL,
               i < n_new ? json_array_get_element (new_items, i) : NULL, context);
}

/* A list kept in the file as an object keyed by id (rule overrides). */
static void
diff_keyed (PacteDiff        *d,
            PacteRecordClass *klass,
            JsonNode         *old_node,
            JsonNode         *new_node,
            const char       *context)
{
  JsonObject *o = old_node != NULL && JSON_NODE_HOLDS_OBJECT (old_node) ? json_node_get_object (old_node) : NULL;
  JsonObject *n = new_node != NULL && JSON_NODE_HOLDS_OBJECT (new_node) ? json_node_get_object (new_node) : NULL;
  g_autoptr(GList) old_keys = o != NULL ? json_object_get_members (o) : NULL;
  g_autoptr(GList) new_keys = n != NULL ? json_object_get_members (n) : NULL;

  for (GList *l = old_keys; l != NULL; l = l->next)
    {
      g_autofree char *item_context = g_strdup_printf ("%s %s", type_label (d, klass), (char *) l->data);
      g_autofree char *full = context != NULL ? g_strdup_printf (TF (d, N_("%s, %s")), context, item_context)
                                              : g_strdup (item_context);
      JsonNode *new_item = n != NULL ? json_object_get_member (n, l->data) : NULL;
      gsize len = pacte_merge_path_push_member (d->path, l->data);

      if (new_item == NULL)
        add_change (d, "removed", json_object_get_member (o, l->data), NULL,
                    g_strdup_printf (TF (d, N_("%s removed")), full));
      else
        diff_object (d, klass, NULL, json_object_get_member (o, l->data), new_item, full);
      g_string_truncate (d->path, len);
    }
  for (GList *l = new_keys; l != NULL; l = l->next)
    if (o == NULL || !json_object_has_member (o, l->data))
      {
        g_autofree char *item_context = g_strdup_printf ("%s %s", type_label (d, klass), (char *) l->data);
        g_autofree char *full = context != NULL ? g_strdup_printf (TF (d, N_("%s, %s")), context, item_context)
                                                : g_strdup (item_context);
        gsize len = pacte_merge_path_push_member (d->path, l->data);

        add_change (d, "added", NULL, json_object_get_member (n, l->data),
                    g_strdup_printf (TF (d, N_("%s added")), full));
        g_string_truncate (d->path, len);
      }
}

static void
diff_member (PacteDiff        *d,
             PacteRecordClass *klass,
             const char       *prefix,
             const char       *member,
             JsonNode         *old_node,
             JsonNode         *new_node,
             const char       *context)
{
  g_autofree char *json_path = prefix != NULL ? g_strconcat (prefix, ".", member, NULL) : g_strdup (member);
  gboolean is_group;
  const PacteFieldInfo *field = find_field (klass, json_path, &is_group);
  gsize len;

  if (old_node != NULL && new_node != NULL && json_node_equal (old_node, new_node))
    return;
  len = pacte_merge_path_push_member (d->path, member);
  if (field != NULL && field->kind == PACTE_FIELD_LIST && field->item_type != NULL)
    {
      g_autoptr(GTypeClass) item_class = g_type_class_ref (field->item_type ());
      JsonNode *any = old_node != NULL ? old_node : new_node;

      if (JSON_NODE_HOLDS_OBJECT (any))
        diff_keyed (d, PACTE_RECORD_CLASS (item_class), old_node, new_node, context);
      else
        diff_list (d, PACTE_RECORD_CLASS (item_class), G_TYPE_FROM_CLASS (klass) == PACTE_TYPE_PORTFOLIO,
                   old_node, new_node, context);
    }
  else if (field != NULL)
    diff_leaf (d, field, T (d, field->label), old_node, new_node, context);
  else if ((is_group || klass == NULL || field == NULL)
           && (old_node == NULL || JSON_NODE_HOLDS_OBJECT (old_node))
           && (new_node == NULL || JSON_NODE_HOLDS_OBJECT (new_node)))
    diff_object (d, is_group ? klass : NULL, json_path, old_node, new_node, context);
  else
    /* A member the program does not know: named as it is in the file. */
    diff_leaf (d, NULL, json_path, old_node, new_node, context);
  g_string_truncate (d->path, len);
}

static void
diff_object (PacteDiff        *d,
             PacteRecordClass *klass,
             const char       *prefix,
             JsonNode         *old_node,
             JsonNode         *new_node,
             const char       *context)
{
  JsonObject *o = old_node != NULL ? json_node_get_object (old_node) : NULL;
  JsonObject *n = new_node != NULL ? json_node_get_object (new_node) : NULL;
  g_autoptr(GList) old_members = o != NULL ? json_object_get_members (o) : NULL;
  g_autoptr(GList) new_members = n != NULL ? json_object_get_members (n) : NULL;
  /* "format" and "version" say what the file is, not what it holds. */
  gboolean top = klass != NULL && G_TYPE_FROM_CLASS (klass) == PACTE_TYPE_PORTFOLIO && prefix == NULL;

  for (GList *l = old_members; l != NULL; l = l->next)
    if (!top || (!g_str_equal (l->data, "format") && !g_str_equal (l->data, "version")))
      diff_member (d, klass, prefix, l->data, json_object_get_member (o, l->data),
                 n != NULL ? json_object_get_member (n, l->data) : NULL, context);
  for (GList *l = new_members; l != NULL; l = l->next)
    if ((o == NULL || !json_object_has_member (o, l->data))
        && (!top || (!g_str_equal (l->data, "format") && !g_str_equal (l->data, "version"))))
      diff_member (d, klass, prefix, l->data, NULL, json_object_get_member (n, l->data), context);
}

/* ---- Lights ---------------------------------------------------------- */

static void
diff_lights (PacteDiff      *d,
             PactePortfolio *old_portfolio,
             PactePortfolio *new_portfolio,
             PacteRuleSet   *rules,
             guint32         today)
{
  GListModel *plans = pacte_portfolio_get_plans (new_portfolio);
  guint n_rules = pacte_rule_set_get_n_rules (rules);
  g_autofree PacteRuleOutcome *before = g_new0 (PacteRuleOutcome, MAX (n_rules, 1));
  g_autofree PacteRuleOutcome *after = g_new0 (PacteRuleOutcome, MAX (n_rules, 1));

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);
      const char *id = pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_ID);
      PactePlan *old_plan = pacte_portfolio_find_plan (old_portfolio, id);

      if (old_plan == NULL)
        continue;
      pacte_evaluate_plan (rules, old_portfolio, old_plan, today, d->lang, before);
      pacte_evaluate_plan (rules, new_portfolio, plan, today, d->lang, after);
      for (guint r = 0; r < n_rules; r++)
        if (before[r].status != after[r].status)
          {
            Light light = { g_strdup (id), g_strdup (pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME)),
                            pacte_rule_set_get_id (rules, r), before[r].status, after[r].status };

            g_array_append_val (d->lights, light);
          }
    }
}

PacteDiff *
pacte_diff_new (PactePortfolio *old_portfolio,
                PactePortfolio *new_portfolio,
                PacteRuleSet   *rules,
                guint32         today,
                const char     *lang)
{
  PacteDiff *d = g_new0 (PacteDiff, 1);
  g_autoptr(JsonNode) old_tree = pacte_merge_tree (old_portfolio);
  g_autoptr(JsonNode) new_tree = pacte_merge_tree (new_portfolio);
  g_autoptr(GTypeClass) klass = g_type_class_ref (PACTE_TYPE_PORTFOLIO);

  d->lang = pacte_i18n_normalize_lang (lang) != NULL ? pacte_i18n_normalize_lang (lang) : "en";
  d->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  d->lights = g_array_new (FALSE, TRUE, sizeof (Light));
  g_array_set_clear_func (d->lights, (GDestroyNotify) light_clear);
  d->path = g_string_new (NULL);
  d->record = g_strdup (T (d, N_("Portfolio")));

  diff_object (d, PACTE_RECORD_CLASS (klass), NULL, old_tree, new_tree, NULL);
  if (old_portfolio != NULL && new_portfolio != NULL)
    diff_lights (d, old_portfolio, new_portfolio, rules, today);
  return d;
}

gboolean
pacte_diff_is_empty (PacteDiff *diff)
{
  return diff->changes->len == 0 && diff->lights->len == 0;
}

char *
pacte_diff_to_text (PacteDiff *d)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* Each record once, in the order of its first change. */
  for (guint i = 0; i < d->changes->len; i++)
    {
      Change *c = g_ptr_array_index (d->changes, i);

      if (!g_hash_table_contains (seen, c->record))
        {
          g_hash_table_add (seen, c->record);
          g_ptr_array_add (records, c->record);
        }
    }
  for (guint r = 0; r < records->len; r++)
    {
      const char *record = g_ptr_array_index (records, r);
      gboolean heading = FALSE;

      for (guint i = 0; i < d->changes->len; i++)
        {
          Change *c = g_ptr_array_index (d->changes, i);

          if (!g_str_equal (c->record, record))
            continue;
          /* A partner or plan added or removed is one line of its own. */
          if (strchr (c->path, '.') == NULL && strchr (c->path, '[') != NULL && !g_str_equal (c->change, "changed"))
            {
              g_string_append_printf (out, "%s\n", c->text);
              continue;
            }
          if (!heading)
            g_string_append_printf (out, "%s\n", record);
          heading = TRUE;
          g_string_append_printf (out, "  %s\n", c->text);
        }
    }
  if (d->lights->len > 0)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s\n", T (d, N_("Lights that changed:")));
      for (guint i = 0; i < d->lights->len; i++)
        {
          Light *l = &g_array_index (d->lights, Light, i);

          /* Translators: "Ashford & Lowe: R02 Amber → Green". */
          g_string_append_printf (out, TF (d, N_("  %s: %s %s → %s\n")), l->plan_name, l->rule_id,
                                  pacte_status_display_name (l->old_status, d->lang),
                                  pacte_status_display_name (l->new_status, d->lang));
        }
    }
  return g_string_free (out, FALSE);
}

static JsonNode *
node_or_null (JsonNode *node)
{
  return node != NULL ? json_node_copy (node) : json_node_new (JSON_NODE_NULL);
}

JsonNode *
pacte_diff_to_json (PacteDiff *d)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < d->changes->len; i++)
    {
      Change *c = g_ptr_array_index (d->changes, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "record");
      json_builder_add_string_value (builder, c->record);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, c->path);
      json_builder_set_member_name (builder, "change");
      json_builder_add_string_value (builder, c->change);
      json_builder_set_member_name (builder, "old");
      json_builder_add_value (builder, node_or_null (c->old_value));
      json_builder_set_member_name (builder, "new");
      json_builder_add_value (builder, node_or_null (c->new_value));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, c->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "lights");
  json_builder_begin_array (builder);
  for (guint i = 0; i < d->lights->len; i++)
    {
      Light *l = &g_array_index (d->lights, Light, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "plan");
      json_builder_add_string_value (builder, l->plan_id);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, l->rule_id);
      json_builder_set_member_name (builder, "old");
      json_builder_add_string_value (builder, pacte_status_to_string (l->old_status));
      json_builder_set_member_name (builder, "new");
      json_builder_add_string_value (builder, pacte_status_to_string (l->new_status));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
