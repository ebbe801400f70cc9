/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-checks-compile.c: the vocabulary of checks and conditions a rule
 * file may use (docs/rules.md), compiled once at load time: every field,
 * parameter and placeholder a rule names is resolved here, so that running
 * a check (pacte-checks.c) does no lookup and no allocation. */
#include "config.h"

#include <string.h>

#include "pacte-checks-private.h"
#include "pacte-i18n.h"

/* ==== Compiling ========================================================= */

static PacteRecordClass *
record_class (GType type)
{
  /* Record classes are static types: the reference is never dropped. */
  return PACTE_RECORD_CLASS (g_type_class_ref (type));
}

static const char *
type_name (GType type)
{
  PacteRecordClass *klass = record_class (type);

  return klass->type_label != NULL ? klass->type_label : g_type_name (type);
}

static char *
field_list (GType type)
{
  PacteRecordClass *klass = record_class (type);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, klass->fields[i].json_path);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* A field of a record type by its JSON path, or -1 with an error. */
static int
resolve_field (GType        type,
               const char  *json_path,
               const char  *path,
               GError     **error)
{
  PacteRecordClass *klass = record_class (type);
  g_autofree char *list = NULL;

  for (guint i = 0; i < klass->n_fields; i++)
    if (g_strcmp0 (klass->fields[i].json_path, json_path) == 0)
      return (int) i;
  list = field_list (type);
  pacte_rules_fail (error, path, _("unknown field \"%s\" of %s; expected one of: %s"),
                    json_path, type_name (type), list);
  return -1;
}

static const PacteFieldInfo *
field_info (GType type,
            int   field)
{
  return &record_class (type)->fields[field];
}

/* A number: 3, "param_name", or {"field": "cadence_days", "times": 2}. */
static gboolean
parse_num_arg (JsonNode    *node,
               GType        type,
               PacteRule   *rule,
               PacteNumArg *out,
               const char  *path,
               GError     **error)
{
  out->param = -1;
  out->field = -1;
  out->factor = 1;
  out->literal = 0;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
      && (json_node_get_value_type (node) == G_TYPE_INT64
          || json_node_get_value_type (node) == G_TYPE_DOUBLE))
    {
      out->literal = json_node_get_double (node);
      return TRUE;
    }
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *name = json_node_get_string (node);

      out->param = pacte_rule_find_param (rule, name);
      if (out->param < 0)
        return pacte_rules_fail (error, path, _("\"%s\" is not a parameter of rule %s"), name, rule->id);
      return TRUE;
    }
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) && type != G_TYPE_INVALID)
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *field = json_object_get_member (object, "field");
      JsonNode *times = json_object_get_member (object, "times");

      if (field == NULL || json_node_get_value_type (field) != G_TYPE_STRING)
        return pacte_rules_fail (error, path, _("expected {\"field\": NAME, \"times\": NUMBER}"));
      out->field = resolve_field (type, json_node_get_string (field), path, error);
      if (out->field < 0)
        return FALSE;
      if (!pacte_field_kind_is_number (field_info (type, out->field)->kind))
        return pacte_rules_fail (error, path, _("the field \"%s\" is not a number"), json_node_get_string (field));
      if (times != NULL)
        {
          if (json_node_get_value_type (times) != G_TYPE_INT64 && json_node_get_value_type (times) != G_TYPE_DOUBLE)
            return pacte_rules_fail (error, path, _("\"times\" must be a number"));
          out->factor = json_node_get_double (times);
        }
      return TRUE;
    }
  return pacte_rules_fail (error, path, _("expected a number or the name of a parameter of rule %s"), rule->id);
}

/* "objectives", "partners", "partners[].contacts". */
static gboolean
parse_collection (JsonObject      *object,
                  const char      *member,
                  PacteCollection *out,
                  const char      *path,
                  GError         **error)
{
  g_autofree char *here = g_strdup_printf ("%s.%s", path, member);
  JsonNode *node = json_object_get_member (object, member);
  const char *name;
  GType owner = PACTE_TYPE_PLAN;
  const PacteFieldInfo *info;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return pacte_rules_fail (error, here, _("expected the name of a list, such as \"objectives\" or \"partners[].contacts\""));
  name = json_node_get_string (node);
  out->via_partners = FALSE;
  out->list_field = -1;
  if (strcmp (name, "partners") == 0)
    {
      out->via_partners = TRUE;
      out->item_type = PACTE_TYPE_PARTNER;
      return TRUE;
    }
  if (g_str_has_prefix (name, "partners[]."))
    {
      out->via_partners = TRUE;
      owner = PACTE_TYPE_PARTNER;
      name += strlen ("partners[].");
    }
  out->list_field = resolve_field (owner, name, here, error);
  if (out->list_field < 0)
    return FALSE;
  info = field_info (owner, out->list_field);
  if (info->kind != PACTE_FIELD_LIST || info->item_type == NULL)
    return pacte_rules_fail (error, here, _("\"%s\" is not a list of records"), name);
  out->item_type = info->item_type ();
  return TRUE;
}

static gboolean parse_conds (JsonObject  *object,
                             const char  *member,
                             GType        type,
                             PacteRule   *rule,
                             PacteCond  **out,
                             guint       *n_out,
                             const char  *path,
                             GError     **error);

static void
cond_clear (PacteCond *cond)
{
  g_clear_pointer (&cond->string, g_free);
  g_clear_pointer (&cond->strings, g_strfreev);
  for (guint i = 0; i < PACTE_N_LANGS; i++)
    g_clear_pointer (&cond->label.text[i], g_free);
  for (guint i = 0; i < cond->n_children; i++)
    cond_clear (&cond->children[i]);
  g_clear_pointer (&cond->children, g_free);
  cond->n_children = 0;
}

static gboolean
keep_label (const char *text,
            int         lang,
            const char *path,
            gpointer    data,
            GError    **error)
{
  PacteCond *cond = data;

  cond->label.text[lang] = g_strdup (text);
  return TRUE;
}

static gboolean
parse_label (JsonObject *object,
             PacteCond  *cond,
             const char *path,
             GError    **error)
{
  JsonNode *node = json_object_get_member (object, "label");
  g_autofree char *here = g_strdup_printf ("%s.label", path);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *expected = pacte_texts_expected ();

      return pacte_rules_fail (error, here, "%s", expected);
    }
  return pacte_texts_parse (json_node_get_object (node), TRUE, here, keep_label, cond, error);
}

static const struct {
  const char *name;
  PacteCondOp op;
} field_ops[] = {
  { "set", PACTE_COND_SET },
  { "above", PACTE_COND_ABOVE },
  { "at-least", PACTE_COND_AT_LEAST },
  { "below", PACTE_COND_BELOW },
  { "equals", PACTE_COND_EQUALS },
  { "not-equals", PACTE_COND_NOT_EQUALS },
  { "in", PACTE_COND_IN },
  { "not-in", PACTE_COND_NOT_IN },
  { "choice-at-least", PACTE_COND_CHOICE_AT_LEAST },
  { "choice-below", PACTE_COND_CHOICE_BELOW },
  { "length-at-least", PACTE_COND_LENGTH_AT_LEAST },
  { "length-equals", PACTE_COND_LENGTH_EQUALS },
  { "within-days", PACTE_COND_WITHIN_DAYS },
  { "names-item", PACTE_COND_NAMES_ITEM },
  { "same-as-plan", PACTE_COND_SAME_AS_PLAN },
  { "in-horizon", PACTE_COND_IN_HORIZON },
};

static gboolean
parse_field_op (JsonObject  *object,
                GType        type,
                PacteRule   *rule,
                PacteCond   *cond,
                const char  *op_name,
                JsonNode    *arg,
                const char  *path,
                GError     **error)
{
  JsonNode *field_node = json_object_get_member (object, "field");
  const PacteFieldInfo *info;
  const char *field_name;

  if (field_node == NULL || json_node_get_value_type (field_node) != G_TYPE_STRING)
    return pacte_rules_fail (error, path, _("\"%s\" needs a \"field\""), op_name);
  field_name = json_node_get_string (field_node);
  cond->field = resolve_field (type, field_name, path, error);
  if (cond->field < 0)
    return FALSE;
  info = field_info (type, cond->field);
  cond->kind = info->kind;

  switch (cond->op)
    {
    case PACTE_COND_SET:
      if (json_node_get_value_type (arg) != G_TYPE_BOOLEAN)
        return pacte_rules_fail (error, path, _("\"set\" must be true or false"));
      if (!json_node_get_boolean (arg))
        cond->op = PACTE_COND_UNSET;
      return TRUE;

    case PACTE_COND_ABOVE:
    case PACTE_COND_AT_LEAST:
    case PACTE_COND_BELOW:
      if (!pacte_field_kind_is_number (info->kind))
        return pacte_rules_fail (error, path, _("\"%s\" needs a number field, and \"%s\" is not one"), op_name, field_name);
      return parse_num_arg (arg, type, rule, &cond->num, path, error);

    case PACTE_COND_EQUALS:
    case PACTE_COND_NOT_EQUALS:
      if (info->kind == PACTE_FIELD_BOOLEAN && json_node_get_value_type (arg) == G_TYPE_BOOLEAN)
        {
          cond->boolean = json_node_get_boolean (arg);
          return TRUE;
        }
      if (!pacte_field_kind_is_text (info->kind) || json_node_get_value_type (arg) != G_TYPE_STRING)
        return pacte_rules_fail (error, path, _("\"%s\" compares a text field with a text, or a true/false field with true or false"), op_name);
      if (info->kind == PACTE_FIELD_CHOICE && info->choices != NULL
          && !g_strv_contains ((const char * const *) info->choices, json_node_get_string (arg)))
        return pacte_rules_fail (error, path, _("\"%s\" is not a possible value of \"%s\""), json_node_get_string (arg), field_name);
      cond->string = g_strdup (json_node_get_string (arg));
      return TRUE;

    case PACTE_COND_IN:
    case PACTE_COND_NOT_IN:
      {
        JsonArray *array;
        guint n;

        if (!pacte_field_kind_is_text (info->kind) || !JSON_NODE_HOLDS_ARRAY (arg))
          return pacte_rules_fail (error, path, _("\"%s\" needs a text field and an array of texts"), op_name);
        array = json_node_get_array (arg);
        n = json_array_get_length (array);
        cond->strings = g_new0 (char *, n + 1);
        for (guint i = 0; i < n; i++)
          {
            JsonNode *element = json_array_get_element (array, i);

            if (json_node_get_value_type (element) != G_TYPE_STRING)
              return pacte_rules_fail (error, path, _("\"%s\" needs an array of texts"), op_name);
            cond->strings[i] = g_strdup (json_node_get_string (element));
          }
        return TRUE;
      }

    case PACTE_COND_CHOICE_AT_LEAST:
    case PACTE_COND_CHOICE_BELOW:
      if (info->kind != PACTE_FIELD_CHOICE || info->choices == NULL)
        return pacte_rules_fail (error, path, _("\"%s\" needs a field with a list of values, and \"%s\" is not one"), op_name, field_name);
      if (json_node_get_value_type (arg) != G_TYPE_STRING)
        return pacte_rules_fail (error, path, _("\"%s\" needs one of the values of \"%s\""), op_name, field_name);
      cond->rank = -1;
      for (guint i = 0; info->choices[i] != NULL; i++)
        if (strcmp (info->choices[i], json_node_get_string (arg)) == 0)
          cond->rank = (int) i;
      if (cond->rank < 0)
        return pacte_rules_fail (error, path, _("\"%s\" is not a possible value of \"%s\""), json_node_get_string (arg), field_name);
      return TRUE;

    case PACTE_COND_LENGTH_AT_LEAST:
    case PACTE_COND_LENGTH_EQUALS:
      if (info->kind != PACTE_FIELD_STRV && info->kind != PACTE_FIELD_LIST)
        return pacte_rules_fail (error, path, _("\"%s\" needs a list field, and \"%s\" is not one"), op_name, field_name);
      return parse_num_arg (arg, type, rule, &cond->num, path, error);

    case PACTE_COND_WITHIN_DAYS:
      if (info->kind != PACTE_FIELD_DATE)
        return pacte_rules_fail (error, path, _("\"%s\" needs a date field, and \"%s\" is not one"), op_name, field_name);
      return parse_num_arg (arg, type, rule, &cond->num, path, error);

    case PACTE_COND_NAMES_ITEM:
      {
        g_auto(GStrv) parts = NULL;
        const PacteFieldInfo *list;

        if (!pacte_field_kind_is_text (info->kind) || json_node_get_value_type (arg) != G_TYPE_STRING)
          return pacte_rules_fail (error, path, _("\"names-item\" needs a text field and a plan list’s id such as \"objectives[].id\""));
        parts = g_strsplit (json_node_get_string (arg), "[].", 2);
        if (parts[0] == NULL || parts[1] == NULL)
          return pacte_rules_fail (error, path, _("expected a plan list’s id such as \"objectives[].id\""));
        cond->other_list = resolve_field (PACTE_TYPE_PLAN, parts[0], path, error);
        if (cond->other_list < 0)
          return FALSE;
        list = field_info (PACTE_TYPE_PLAN, cond->other_list);
        if (list->kind != PACTE_FIELD_LIST || list->item_type == NULL)
          return pacte_rules_fail (error, path, _("\"%s\" is not a list of records"), parts[0]);
        cond->other_field = resolve_field (list->item_type (), parts[1], path, error);
        if (cond->other_field < 0)
          return FALSE;
        if (!pacte_field_kind_is_text (field_info (list->item_type (), cond->other_field)->kind))
          return pacte_rules_fail (error, path, _("\"%s\" is not a text field"), parts[1]);
        return TRUE;
      }

    case PACTE_COND_SAME_AS_PLAN:
      if (!pacte_field_kind_is_text (info->kind) || json_node_get_value_type (arg) != G_TYPE_STRING)
        return pacte_rules_fail (error, path, _("\"same-as-plan\" needs a text field and the name of a text field of the plan"));
      cond->other_field = resolve_field (PACTE_TYPE_PLAN, json_node_get_string (arg), path, error);
      if (cond->other_field < 0)
        return FALSE;
      if (!pacte_field_kind_is_text (field_info (PACTE_TYPE_PLAN, cond->other_field)->kind))
        return pacte_rules_fail (error, path, _("\"%s\" is not a text field"), json_node_get_string (arg));
      return TRUE;

    case PACTE_COND_IN_HORIZON:
      if (info->kind != PACTE_FIELD_QUARTER)
        return pacte_rules_fail (error, path, _("\"in-horizon\" needs a quarter field (\"YYYY-Qn\")"));
      return parse_num_arg (arg, type, rule, &cond->num, path, error);

    case PACTE_COND_UNSET:
    case PACTE_COND_ANY:
    case PACTE_COND_ALL:
    case PACTE_COND_NOT:
    case PACTE_COND_COUNT:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static gboolean
parse_cond (JsonNode   *node,
            GType       type,
            PacteRule  *rule,
            PacteCond  *cond,
            const char *path,
            GError    **error)
{
  JsonObject *object;
  const char *op_name = NULL;
  JsonNode *arg = NULL;
  guint n_ops = 0;

  cond->field = -1;
  cond->other_list = -1;
  cond->other_field = -1;
  cond->num.param = -1;
  cond->num.field = -1;
  cond->num.factor = 1;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return pacte_rules_fail (error, path, _("expected a condition object"));
  object = json_node_get_object (node);
  if (!parse_label (object, cond, path, error))
    return FALSE;

  if (json_object_has_member (object, "any") || json_object_has_member (object, "all"))
    {
      cond->op = json_object_has_member (object, "any") ? PACTE_COND_ANY : PACTE_COND_ALL;
      return parse_conds (object, cond->op == PACTE_COND_ANY ? "any" : "all",
                          type, rule, &cond->children, &cond->n_children, path, error);
    }
  if (json_object_has_member (object, "not"))
    {
      g_autofree char *here = g_strdup_printf ("%s.not", path);

      cond->op = PACTE_COND_NOT;
      cond->children = g_new0 (PacteCond, 1);
      cond->n_children = 1;
      return parse_cond (json_object_get_member (object, "not"), type, rule, cond->children, here, error);
    }
  if (json_object_has_member (object, "list"))
    {
      g_autofree char *here = g_strdup_printf ("%s.list", path);
      JsonNode *list = json_object_get_member (object, "list");
      const PacteFieldInfo *info;

      cond->op = PACTE_COND_COUNT;
      if (json_node_get_value_type (list) != G_TYPE_STRING)
        return pacte_rules_fail (error, here, _("expected the name of a list"));
      cond->field = resolve_field (type, json_node_get_string (list), here, error);
      if (cond->field < 0)
        return FALSE;
      info = field_info (type, cond->field);
      if (info->kind != PACTE_FIELD_LIST || info->item_type == NULL)
        return pacte_rules_fail (error, here, _("\"%s\" is not a list of records"), json_node_get_string (list));
      if (!parse_conds (object, "where", info->item_type (), rule, &cond->children, &cond->n_children, path, error))
        return FALSE;
      {
        g_autofree char *at = g_strdup_printf ("%s.count-at-least", path);

        return parse_num_arg (json_object_get_member (object, "count-at-least"), type, rule, &cond->num, at, error);
      }
    }

  for (guint i = 0; i < G_N_ELEMENTS (field_ops); i++)
    if (json_object_has_member (object, field_ops[i].name))
      {
        n_ops++;
        op_name = field_ops[i].name;
        cond->op = field_ops[i].op;
        arg = json_object_get_member (object, op_name);
      }
  if (n_ops != 1)
    return pacte_rules_fail (error, path, _("a condition needs exactly one test among: set, above, at-least, below, equals, not-equals, in, not-in, choice-at-least, choice-below, length-at-least, length-equals, within-days, names-item, same-as-plan, in-horizon, any, all, not, list"));
  return parse_field_op (object, type, rule, cond, op_name, arg, path, error);
}

static gboolean
parse_conds (JsonObject  *object,
             const char  *member,
             GType        type,
             PacteRule   *rule,
             PacteCond  **out,
             guint       *n_out,
             const char  *path,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;
  guint n;

  *out = NULL;
  *n_out = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *here = g_strdup_printf ("%s.%s", path, member);

      return pacte_rules_fail (error, here, _("expected an array of conditions"));
    }
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  *out = g_new0 (PacteCond, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *here = g_strdup_printf ("%s.%s[%u]", path, member, i);

      *n_out = i + 1;
      if (!parse_cond (json_array_get_element (array, i), type, rule, &(*out)[i], here, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- Templates ---------------------------------------------------------- */

enum {
  AVAIL_PARTNER = 1 << 0,
  AVAIL_ITEM    = 1 << 1,
  AVAIL_COUNT   = 1 << 2,
  AVAIL_RATIO   = 1 << 3,
};

static const struct {
  const char      *name;
  PactePlaceholder kind;
  guint            needs;
} placeholders[] = {
  { "plan", PACTE_PH_PLAN, 0 },
  { "phase", PACTE_PH_PHASE, 0 },
  { "today", PACTE_PH_TODAY, 0 },
  { "quarter", PACTE_PH_QUARTER, 0 },
  { "partner", PACTE_PH_PARTNER, AVAIL_PARTNER },
  { "item", PACTE_PH_ITEM, AVAIL_ITEM },
  { "position", PACTE_PH_POSITION, AVAIL_ITEM },
  { "count", PACTE_PH_COUNT, 0 },
  { "min", PACTE_PH_MIN, 0 },
  { "total", PACTE_PH_TOTAL, AVAIL_RATIO },
  { "percent", PACTE_PH_PERCENT, AVAIL_RATIO },
  { "days", PACTE_PH_DAYS, 0 },
  { "limit", PACTE_PH_LIMIT, 0 },
  { "date", PACTE_PH_DATE, 0 },
  { "failed", PACTE_PH_FAILED, 0 },
  { "value", PACTE_PH_VALUE, 0 },
};

void
pacte_template_clear (PacteTemplate *tmpl)
{
  g_clear_pointer (&tmpl->source, g_free);
  g_clear_pointer (&tmpl->segments, g_free);
  tmpl->n_segments = 0;
}

/* Resolves a placeholder's name: a fixed placeholder or a parameter of the
 * rule. */
static gboolean
resolve_placeholder (const char       *name,
                     PacteRule        *rule,
                     guint             available,
                     PactePlaceholder *kind,
                     guint            *param,
                     const char       *path,
                     GError          **error)
{
  int index;

  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (strcmp (placeholders[i].name, name) == 0)
      {
        if ((placeholders[i].needs & available) != placeholders[i].needs)
          return pacte_rules_fail (error, path, _("the placeholder {%s} has no meaning for this kind of check"), name);
        *kind = placeholders[i].kind;
        *param = 0;
        return TRUE;
      }
  index = pacte_rule_find_param (rule, name);
  if (index < 0)
    return pacte_rules_fail (error, path, _("unknown placeholder {%s}; expected a parameter of the rule or one of {plan}, {phase}, {today}, {quarter}, {partner}, {item}, {position}, {count}, {min}, {total}, {percent}, {days}, {limit}, {date}, {failed}, {value}"), name);
  *kind = PACTE_PH_PARAM;
  *param = (guint) index;
  return TRUE;
}

static gboolean
placeholder_is_number (PactePlaceholder kind)
{
  switch (kind)
    {
    case PACTE_PH_POSITION:
    case PACTE_PH_COUNT:
    case PACTE_PH_MIN:
    case PACTE_PH_TOTAL:
    case PACTE_PH_PERCENT:
    case PACTE_PH_DAYS:
    case PACTE_PH_LIMIT:
    case PACTE_PH_VALUE:
    case PACTE_PH_PARAM:
      return TRUE;
    case PACTE_PH_LITERAL:
    case PACTE_PH_PLAN:
    case PACTE_PH_PHASE:
    case PACTE_PH_TODAY:
    case PACTE_PH_QUARTER:
    case PACTE_PH_PARTNER:
    case PACTE_PH_ITEM:
    case PACTE_PH_DATE:
    case PACTE_PH_FAILED:
    case PACTE_PH_PLURAL:
    default:
      return FALSE;
    }
}

/* Compiles the inside of "{...}" (between open and close, excluded) into
 * segment: a placeholder "{name}", or a plural "{name|one|other}" whose
 * forms point into the template's source. */
static gboolean
placeholder_compile (const char   *open,
                     const char   *close,
                     PacteRule    *rule,
                     guint         available,
                     int           lang,
                     PacteSegment *segment,
                     const char   *path,
                     GError      **error)
{
  const char *bar = memchr (open + 1, '|', close - open - 1);
  g_autofree char *name = NULL;

  if (bar == NULL)
    {
      name = g_strndup (open + 1, close - open - 1);
      return resolve_placeholder (name, rule, available, &segment->kind, &segment->param, path, error);
    }
  {
    const char *bar2 = memchr (bar + 1, '|', close - bar - 1);

    name = g_strndup (open + 1, bar - open - 1);
    if (bar2 == NULL || memchr (bar2 + 1, '|', close - bar2 - 1) != NULL)
      return pacte_rules_fail (error, path, _("the plural {%s|…} must have exactly two forms, as in {%s|quarter|quarters}"), name, name);
    if (!resolve_placeholder (name, rule, available, &segment->of, &segment->param, path, error))
      return FALSE;
    if (!placeholder_is_number (segment->of))
      return pacte_rules_fail (error, path, _("the plural {%s|…} needs a number placeholder, and {%s} is not a number"), name, name);
    segment->kind = PACTE_PH_PLURAL;
    segment->text = bar + 1;
    segment->len = bar2 - bar - 1;
    segment->other = bar2 + 1;
    segment->other_len = close - bar2 - 1;
    segment->lang = lang;
  }
  return TRUE;
}

static gboolean
template_compile (const char    *source,
                  PacteRule     *rule,
                  guint          available,
                  int            lang,
                  PacteTemplate *tmpl,
                  const char    *path,
                  GError       **error)
{
  g_autoptr(GArray) segments = g_array_new (FALSE, TRUE, sizeof (PacteSegment));
  const char *p;

  tmpl->source = g_strdup (source);
  p = tmpl->source;
  while (*p != '\0')
    {
      PacteSegment segment = { .kind = PACTE_PH_LITERAL, .text = p };
      const char *open = strchr (p, '{');

      if (open == NULL)
        {
          segment.len = strlen (p);
          g_array_append_val (segments, segment);
          break;
        }
      if (open > p)
        {
          segment.len = open - p;
          g_array_append_val (segments, segment);
        }
      if (open[1] == '{')
        {
          PacteSegment brace = { .kind = PACTE_PH_LITERAL, .text = open, .len = 1 };

          g_array_append_val (segments, brace);
          p = open + 2;
          continue;
        }
      {
        const char *close = strchr (open, '}');
        PacteSegment placeholder = { .kind = PACTE_PH_LITERAL };

        if (close == NULL)
          return pacte_rules_fail (error, path, _("a \"{\" is not closed (write \"{{\" for a brace)"));
        if (!placeholder_compile (open, close, rule, available, lang, &placeholder, path, error))
          return FALSE;
        g_array_append_val (segments, placeholder);
        p = close + 1;
      }
    }
  tmpl->n_segments = segments->len;
  tmpl->segments = (PacteSegment *) (void *) g_array_free (g_steal_pointer (&segments), FALSE);
  return TRUE;
}

typedef struct
{
  PacteRule     *rule;
  guint          available;
  PacteTemplate *out;
} TemplateData;

static gboolean
compile_one (const char *text,
             int         lang,
             const char *path,
             gpointer    user_data,
             GError    **error)
{
  TemplateData *data = user_data;

  return template_compile (text, data->rule, data->available, lang, &data->out[lang], path, error);
}

static gboolean
parse_templates (JsonObject    *object,
                 const char    *member,
                 gboolean       required,
                 PacteRule     *rule,
                 guint          available,
                 PacteTemplate *out,
                 const char    *path,
                 GError       **error)
{
  g_autofree char *here = g_strdup_printf ("%s.%s", path, member);
  JsonNode *node = json_object_get_member (object, member);
  TemplateData data = { rule, available, out };

  if (node == NULL)
    {
      g_autofree char *expected = pacte_texts_expected ();

      if (required)
        return pacte_rules_fail (error, here, _("missing; %s"), expected);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *expected = pacte_texts_expected ();

      return pacte_rules_fail (error, here, "%s", expected);
    }
  return pacte_texts_parse (json_node_get_object (node), FALSE, here, compile_one, &data, error);
}

/* ---- Checks ------------------------------------------------------------- */

static const struct {
  const char     *name;
  PacteCheckKind  kind;
  guint           available;
} check_kinds[] = {
  { "plan", PACTE_CHECK_PLAN, 0 },
  { "each-item", PACTE_CHECK_EACH_ITEM, AVAIL_ITEM },
  { "each-partner", PACTE_CHECK_EACH_PARTNER, AVAIL_PARTNER },
  { "count", PACTE_CHECK_COUNT, AVAIL_COUNT },
  { "count-distinct", PACTE_CHECK_COUNT_DISTINCT, AVAIL_COUNT },
  { "ratio", PACTE_CHECK_RATIO, AVAIL_COUNT | AVAIL_RATIO },
  { "latest-date", PACTE_CHECK_LATEST_DATE, 0 },
};

static const char * const check_members[] = {
  "kind", "severity", "when", "require", "where", "linked", "list", "which",
  "field", "name_field", "at_least", "within_days", "explanation", "explanation_unset",
  "fix", "comment", NULL
};

void
pacte_check_clear (PacteCheck *check)
{
  PacteCond **lists[] = { &check->when, &check->require, &check->where, &check->linked };
  guint *counts[] = { &check->n_when, &check->n_require, &check->n_where, &check->n_linked };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      for (guint i = 0; i < *counts[l]; i++)
        cond_clear (&(*lists[l])[i]);
      g_clear_pointer (lists[l], g_free);
      *counts[l] = 0;
    }
  for (guint i = 0; i < PACTE_N_LANGS; i++)
    {
      pacte_template_clear (&check->explanation[i]);
      pacte_template_clear (&check->explanation_unset[i]);
    }
}

static gboolean
need_member (JsonObject  *object,
             const char  *member,
             const char  *kind,
             const char  *path,
             GError     **error)
{
  if (!json_object_has_member (object, member))
    return pacte_rules_fail (error, path, _("a \"%s\" check needs \"%s\""), kind, member);
  return TRUE;
}

gboolean
pacte_check_compile (JsonObject  *object,
                     PacteRule   *rule,
                     PacteCheck  *check,
                     const char  *path,
                     GError     **error)
{
  JsonNode *node;
  const char *kind_name;
  guint available = 0;
  gboolean found = FALSE;
  GType item_type = G_TYPE_INVALID;
  GList *members;

  check->field = -1;
  check->name_field = -1;
  check->at_least.param = -1;
  check->at_least.field = -1;
  check->within_days.param = -1;
  check->within_days.field = -1;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (check_members, l->data))
      {
        g_autofree char *member = g_strdup (l->data);

        g_list_free (members);
        return pacte_rules_fail (error, path, _("unknown member \"%s\" in a check"), member);
      }
  g_list_free (members);

  node = json_object_get_member (object, "kind");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return pacte_rules_fail (error, path, _("a check needs a \"kind\": plan, each-item, each-partner, count, count-distinct, ratio or latest-date"));
  kind_name = json_node_get_string (node);
  for (guint i = 0; i < G_N_ELEMENTS (check_kinds); i++)
    if (strcmp (check_kinds[i].name, kind_name) == 0)
      {
        check->kind = check_kinds[i].kind;
        available = check_kinds[i].available;
        found = TRUE;
      }
  if (!found)
    return pacte_rules_fail (error, path, _("unknown kind of check \"%s\"; expected plan, each-item, each-partner, count, count-distinct, ratio or latest-date"), kind_name);

  node = json_object_get_member (object, "severity");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return pacte_rules_fail (error, path, _("a check needs a \"severity\": \"red\" or \"amber\""));
  if (strcmp (json_node_get_string (node), "red") == 0)
    check->severity = PACTE_STATUS_RED;
  else if (strcmp (json_node_get_string (node), "amber") == 0)
    check->severity = PACTE_STATUS_AMBER;
  else
    return pacte_rules_fail (error, path, _("unknown severity \"%s\": expected \"red\" or \"amber\""), json_node_get_string (node));

  if (!parse_conds (object, "when", PACTE_TYPE_PLAN, rule, &check->when, &check->n_when, path, error))
    return FALSE;

  switch (check->kind)
    {
    case PACTE_CHECK_PLAN:
      if (!need_member (object, "require", kind_name, path, error))
        return FALSE;
      item_type = PACTE_TYPE_PLAN;
      break;

    case PACTE_CHECK_EACH_PARTNER:
      check->collection.via_partners = TRUE;
      check->collection.list_field = -1;
      check->collection.item_type = PACTE_TYPE_PARTNER;
      item_type = PACTE_TYPE_PARTNER;
      if (!need_member (object, "require", kind_name, path, error))
        return FALSE;
      node = json_object_get_member (object, "which");
      if (node != NULL)
        {
          const char *which = json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : "";

          if (strcmp (which, "all") == 0)
            check->which = PACTE_WHICH_ALL;
          else if (strcmp (which, "primary") == 0)
            check->which = PACTE_WHICH_PRIMARY;
          else if (strcmp (which, "others") == 0)
            check->which = PACTE_WHICH_OTHERS;
          else
            return pacte_rules_fail (error, path, _("\"which\" must be \"all\", \"primary\" or \"others\""));
        }
      break;

    case PACTE_CHECK_EACH_ITEM:
    case PACTE_CHECK_COUNT:
    case PACTE_CHECK_COUNT_DISTINCT:
    case PACTE_CHECK_RATIO:
    case PACTE_CHECK_LATEST_DATE:
      if (!parse_collection (object, "list", &check->collection, path, error))
        return FALSE;
      item_type = check->collection.item_type;
      if (check->collection.via_partners)
        available |= AVAIL_PARTNER;
      if (check->kind == PACTE_CHECK_EACH_ITEM && !need_member (object, "require", kind_name, path, error))
        return FALSE;
      break;

    default:
      g_assert_not_reached ();
    }

  if (!parse_conds (object, "require", item_type, rule, &check->require, &check->n_require, path, error)
      || !parse_conds (object, "where", item_type, rule, &check->where, &check->n_where, path, error))
    return FALSE;

  if (check->kind == PACTE_CHECK_RATIO
      && (!need_member (object, "linked", kind_name, path, error)
          || !parse_conds (object, "linked", item_type, rule, &check->linked, &check->n_linked, path, error)))
    return FALSE;

  if (check->kind == PACTE_CHECK_COUNT || check->kind == PACTE_CHECK_COUNT_DISTINCT
      || check->kind == PACTE_CHECK_RATIO)
    {
      g_autofree char *here = g_strdup_printf ("%s.at_least", path);

      if (!need_member (object, "at_least", kind_name, path, error)
          || !parse_num_arg (json_object_get_member (object, "at_least"), G_TYPE_INVALID, rule,
                             &check->at_least, here, error))
        return FALSE;
    }
  if (check->kind == PACTE_CHECK_LATEST_DATE)
    {
      g_autofree char *here = g_strdup_printf ("%s.within_days", path);

      if (!need_member (object, "within_days", kind_name, path, error)
          || !parse_num_arg (json_object_get_member (object, "within_days"), G_TYPE_INVALID, rule,
                             &check->within_days, here, error))
        return FALSE;
    }
  if (check->kind == PACTE_CHECK_COUNT_DISTINCT || check->kind == PACTE_CHECK_LATEST_DATE)
    {
      g_autofree char *here = g_strdup_printf ("%s.field", path);

      node = json_object_get_member (object, "field");
      if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
        return pacte_rules_fail (error, path, _("a \"%s\" check needs \"field\""), kind_name);
      check->field = resolve_field (item_type, json_node_get_string (node), here, error);
      if (check->field < 0)
        return FALSE;
      if (check->kind == PACTE_CHECK_LATEST_DATE && field_info (item_type, check->field)->kind != PACTE_FIELD_DATE)
        return pacte_rules_fail (error, here, _("\"%s\" is not a date field"), json_node_get_string (node));
      if (check->kind == PACTE_CHECK_COUNT_DISTINCT && !pacte_field_kind_is_text (field_info (item_type, check->field)->kind))
        return pacte_rules_fail (error, here, _("\"%s\" is not a text field"), json_node_get_string (node));
    }
  if (check->kind == PACTE_CHECK_EACH_ITEM)
    {
      g_autofree char *here = g_strdup_printf ("%s.name_field", path);

      node = json_object_get_member (object, "name_field");
      if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
        return pacte_rules_fail (error, path, _("an \"each-item\" check needs \"name_field\", the field that names an item"));
      check->name_field = resolve_field (item_type, json_node_get_string (node), here, error);
      if (check->name_field < 0)
        return FALSE;
      if (!pacte_field_kind_is_text (field_info (item_type, check->name_field)->kind))
        return pacte_rules_fail (error, here, _("\"%s\" is not a text field"), json_node_get_string (node));
    }

  /* Where the failure is fixed, when the failing condition does not say it
   * best: "add" (a new item of the check's list) or a field of the plan. */
  node = json_object_get_member (object, "fix");
  if (node != NULL)
    {
      g_autofree char *here = g_strdup_printf ("%s.fix", path);
      const char *fix;

      if (json_node_get_value_type (node) != G_TYPE_STRING)
        return pacte_rules_fail (error, here, _("expected \"add\" or the path of a field of the plan"));
      fix = json_node_get_string (node);
      if (g_strcmp0 (fix, "add") == 0)
        {
          if (check->collection.list_field < 0)
            return pacte_rules_fail (error, here, _("\"add\" needs a check of a list"));
          check->fix_kind = PACTE_FIX_ADD_ITEM;
        }
      else
        {
          check->fix_field = resolve_field (PACTE_TYPE_PLAN, fix, here, error);
          if (check->fix_field < 0)
            return FALSE;
          check->fix_kind = PACTE_FIX_FIELD;
        }
    }

  if (!parse_templates (object, "explanation", TRUE, rule, available, check->explanation, path, error)
      || !parse_templates (object, "explanation_unset", FALSE, rule, available, check->explanation_unset, path, error))
    return FALSE;
  return TRUE;
}

/* For the rule's other members (pacte-rule-extras.c): conditions on the
 * plan, compiled as a check's "when". */
gboolean
pacte_conds_compile (JsonObject  *object,
                     const char  *member,
                     PacteRule   *rule,
                     PacteCond  **out,
                     guint       *n_out,
                     const char  *path,
                     GError     **error)
{
  return parse_conds (object, member, PACTE_TYPE_PLAN, rule, out, n_out, path, error);
}

void
pacte_conds_clear (PacteCond **conds,
                   guint      *n)
{
  for (guint i = 0; i < *n; i++)
    cond_clear (&(*conds)[i]);
  g_clear_pointer (conds, g_free);
  *n = 0;
}
