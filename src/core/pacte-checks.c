/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-checks.c: the vocabulary of checks and conditions a rule file may use
 * (docs/rules.md), compiled once at load time and run without allocation. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-checks-private.h"
#include "pacte-history-private.h"
#include "pacte-i18n.h"

/* ==== Compiling ========================================================= */

static gboolean
fail (GError    **error,
      const char *path,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError    **error,
      const char *path,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, PACTE_RULES_ERROR, PACTE_RULES_ERROR_INVALID, "%s: %s", path, message);
  return FALSE;
}

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
  fail (error, path, _("unknown field \"%s\" of %s; expected one of: %s"),
        json_path, type_name (type), list);
  return -1;
}

static const PacteFieldInfo *
field_info (GType type,
            int   field)
{
  return &record_class (type)->fields[field];
}

static int
find_param (const PacteRule *rule,
            const char      *name)
{
  for (guint i = 0; i < rule->n_params; i++)
    if (strcmp (rule->param_names[i], name) == 0)
      return (int) i;
  return -1;
}

static gboolean
is_number_kind (PacteFieldKind kind)
{
  return kind == PACTE_FIELD_NUMBER || kind == PACTE_FIELD_INTEGER;
}

static gboolean
is_text_kind (PacteFieldKind kind)
{
  return kind == PACTE_FIELD_STRING || kind == PACTE_FIELD_CHOICE;
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

      out->param = find_param (rule, name);
      if (out->param < 0)
        return fail (error, path, _("\"%s\" is not a parameter of rule %s"), name, rule->id);
      return TRUE;
    }
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) && type != G_TYPE_INVALID)
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *field = json_object_get_member (object, "field");
      JsonNode *times = json_object_get_member (object, "times");

      if (field == NULL || json_node_get_value_type (field) != G_TYPE_STRING)
        return fail (error, path, _("expected {\"field\": NAME, \"times\": NUMBER}"));
      out->field = resolve_field (type, json_node_get_string (field), path, error);
      if (out->field < 0)
        return FALSE;
      if (!is_number_kind (field_info (type, out->field)->kind))
        return fail (error, path, _("the field \"%s\" is not a number"), json_node_get_string (field));
      if (times != NULL)
        {
          if (json_node_get_value_type (times) != G_TYPE_INT64 && json_node_get_value_type (times) != G_TYPE_DOUBLE)
            return fail (error, path, _("\"times\" must be a number"));
          out->factor = json_node_get_double (times);
        }
      return TRUE;
    }
  return fail (error, path, _("expected a number or the name of a parameter of rule %s"), rule->id);
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
    return fail (error, here, _("expected the name of a list, such as \"objectives\" or \"partners[].contacts\""));
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
    return fail (error, here, _("\"%s\" is not a list of records"), name);
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
parse_label (JsonObject *object,
             PacteCond  *cond,
             const char *path,
             GError    **error)
{
  static const char * const langs[PACTE_N_LANGS] = { "en", "fr" };
  JsonNode *node = json_object_get_member (object, "label");
  JsonObject *texts;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, path, _("\"label\" must be an object with the texts \"en\" and \"fr\""));
  texts = json_node_get_object (node);
  for (guint i = 0; i < PACTE_N_LANGS; i++)
    {
      JsonNode *text = json_object_get_member (texts, langs[i]);

      if (text == NULL || json_node_get_value_type (text) != G_TYPE_STRING)
        return fail (error, path, _("\"label\" needs a text \"%s\""), langs[i]);
      cond->label.text[i] = g_strdup (json_node_get_string (text));
    }
  return TRUE;
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
    return fail (error, path, _("\"%s\" needs a \"field\""), op_name);
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
        return fail (error, path, _("\"set\" must be true or false"));
      if (!json_node_get_boolean (arg))
        cond->op = PACTE_COND_UNSET;
      return TRUE;

    case PACTE_COND_ABOVE:
    case PACTE_COND_AT_LEAST:
    case PACTE_COND_BELOW:
      if (!is_number_kind (info->kind))
        return fail (error, path, _("\"%s\" needs a number field, and \"%s\" is not one"), op_name, field_name);
      return parse_num_arg (arg, type, rule, &cond->num, path, error);

    case PACTE_COND_EQUALS:
    case PACTE_COND_NOT_EQUALS:
      if (info->kind == PACTE_FIELD_BOOLEAN && json_node_get_value_type (arg) == G_TYPE_BOOLEAN)
        {
          cond->boolean = json_node_get_boolean (arg);
          return TRUE;
        }
      if (!is_text_kind (info->kind) || json_node_get_value_type (arg) != G_TYPE_STRING)
        return fail (error, path, _("\"%s\" compares a text field with a text, or a true/false field with true or false"), op_name);
      if (info->kind == PACTE_FIELD_CHOICE && info->choices != NULL
          && !g_strv_contains ((const char * const *) info->choices, json_node_get_string (arg)))
        return fail (error, path, _("\"%s\" is not a possible value of \"%s\""), json_node_get_string (arg), field_name);
      cond->string = g_strdup (json_node_get_string (arg));
      return TRUE;

    case PACTE_COND_IN:
    case PACTE_COND_NOT_IN:
      {
        JsonArray *array;
        guint n;

        if (!is_text_kind (info->kind) || !JSON_NODE_HOLDS_ARRAY (arg))
          return fail (error, path, _("\"%s\" needs a text field and an array of texts"), op_name);
        array = json_node_get_array (arg);
        n = json_array_get_length (array);
        cond->strings = g_new0 (char *, n + 1);
        for (guint i = 0; i < n; i++)
          {
            JsonNode *element = json_array_get_element (array, i);

            if (json_node_get_value_type (element) != G_TYPE_STRING)
              return fail (error, path, _("\"%s\" needs an array of texts"), op_name);
            cond->strings[i] = g_strdup (json_node_get_string (element));
          }
        return TRUE;
      }

    case PACTE_COND_CHOICE_AT_LEAST:
    case PACTE_COND_CHOICE_BELOW:
      if (info->kind != PACTE_FIELD_CHOICE || info->choices == NULL)
        return fail (error, path, _("\"%s\" needs a field with a list of values, and \"%s\" is not one"), op_name, field_name);
      if (json_node_get_value_type (arg) != G_TYPE_STRING)
        return fail (error, path, _("\"%s\" needs one of the values of \"%s\""), op_name, field_name);
      cond->rank = -1;
      for (guint i = 0; info->choices[i] != NULL; i++)
        if (strcmp (info->choices[i], json_node_get_string (arg)) == 0)
          cond->rank = (int) i;
      if (cond->rank < 0)
        return fail (error, path, _("\"%s\" is not a possible value of \"%s\""), json_node_get_string (arg), field_name);
      return TRUE;

    case PACTE_COND_LENGTH_AT_LEAST:
    case PACTE_COND_LENGTH_EQUALS:
      if (info->kind != PACTE_FIELD_STRV && info->kind != PACTE_FIELD_LIST)
        return fail (error, path, _("\"%s\" needs a list field, and \"%s\" is not one"), op_name, field_name);
      return parse_num_arg (arg, type, rule, &cond->num, path, error);

    case PACTE_COND_WITHIN_DAYS:
      if (info->kind != PACTE_FIELD_DATE)
        return fail (error, path, _("\"%s\" needs a date field, and \"%s\" is not one"), op_name, field_name);
      return parse_num_arg (arg, type, rule, &cond->num, path, error);

    case PACTE_COND_NAMES_ITEM:
      {
        g_auto(GStrv) parts = NULL;
        const PacteFieldInfo *list;

        if (!is_text_kind (info->kind) || json_node_get_value_type (arg) != G_TYPE_STRING)
          return fail (error, path, _("\"names-item\" needs a text field and a plan list's id such as \"objectives[].id\""));
        parts = g_strsplit (json_node_get_string (arg), "[].", 2);
        if (parts[0] == NULL || parts[1] == NULL)
          return fail (error, path, _("expected a plan list's id such as \"objectives[].id\""));
        cond->other_list = resolve_field (PACTE_TYPE_PLAN, parts[0], path, error);
        if (cond->other_list < 0)
          return FALSE;
        list = field_info (PACTE_TYPE_PLAN, cond->other_list);
        if (list->kind != PACTE_FIELD_LIST || list->item_type == NULL)
          return fail (error, path, _("\"%s\" is not a list of records"), parts[0]);
        cond->other_field = resolve_field (list->item_type (), parts[1], path, error);
        if (cond->other_field < 0)
          return FALSE;
        if (!is_text_kind (field_info (list->item_type (), cond->other_field)->kind))
          return fail (error, path, _("\"%s\" is not a text field"), parts[1]);
        return TRUE;
      }

    case PACTE_COND_SAME_AS_PLAN:
      if (!is_text_kind (info->kind) || json_node_get_value_type (arg) != G_TYPE_STRING)
        return fail (error, path, _("\"same-as-plan\" needs a text field and the name of a text field of the plan"));
      cond->other_field = resolve_field (PACTE_TYPE_PLAN, json_node_get_string (arg), path, error);
      if (cond->other_field < 0)
        return FALSE;
      if (!is_text_kind (field_info (PACTE_TYPE_PLAN, cond->other_field)->kind))
        return fail (error, path, _("\"%s\" is not a text field"), json_node_get_string (arg));
      return TRUE;

    case PACTE_COND_IN_HORIZON:
      if (!is_text_kind (info->kind))
        return fail (error, path, _("\"in-horizon\" needs a quarter field (\"YYYY-Qn\")"));
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
    return fail (error, path, _("expected a condition object"));
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
        return fail (error, here, _("expected the name of a list"));
      cond->field = resolve_field (type, json_node_get_string (list), here, error);
      if (cond->field < 0)
        return FALSE;
      info = field_info (type, cond->field);
      if (info->kind != PACTE_FIELD_LIST || info->item_type == NULL)
        return fail (error, here, _("\"%s\" is not a list of records"), json_node_get_string (list));
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
    return fail (error, path, _("a condition needs exactly one test among: set, above, at-least, below, equals, not-equals, in, not-in, choice-at-least, choice-below, length-at-least, length-equals, within-days, names-item, same-as-plan, in-horizon, any, all, not, list"));
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

      return fail (error, here, _("expected an array of conditions"));
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

static gboolean
template_compile (const char    *source,
                  PacteRule     *rule,
                  guint          available,
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
      PacteSegment segment = { PACTE_PH_LITERAL, 0, p, 0 };
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
          PacteSegment brace = { PACTE_PH_LITERAL, 0, open, 1 };

          g_array_append_val (segments, brace);
          p = open + 2;
          continue;
        }
      {
        const char *close = strchr (open, '}');
        g_autofree char *name = NULL;
        gboolean found = FALSE;

        if (close == NULL)
          return fail (error, path, _("a \"{\" is not closed (write \"{{\" for a brace)"));
        name = g_strndup (open + 1, close - open - 1);
        for (guint i = 0; i < G_N_ELEMENTS (placeholders) && !found; i++)
          if (strcmp (placeholders[i].name, name) == 0)
            {
              if ((placeholders[i].needs & available) != placeholders[i].needs)
                return fail (error, path, _("the placeholder {%s} has no meaning for this kind of check"), name);
              segment.kind = placeholders[i].kind;
              found = TRUE;
            }
        if (!found)
          {
            int param = find_param (rule, name);

            if (param < 0)
              return fail (error, path, _("unknown placeholder {%s}; expected a parameter of the rule or one of {plan}, {phase}, {today}, {quarter}, {partner}, {item}, {position}, {count}, {min}, {total}, {percent}, {days}, {limit}, {date}, {failed}, {value}"), name);
            segment.kind = PACTE_PH_PARAM;
            segment.param = (guint) param;
          }
        segment.text = NULL;
        g_array_append_val (segments, segment);
        p = close + 1;
      }
    }
  tmpl->n_segments = segments->len;
  tmpl->segments = (PacteSegment *) (void *) g_array_free (g_steal_pointer (&segments), FALSE);
  return TRUE;
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
  static const char * const langs[PACTE_N_LANGS] = { "en", "fr" };
  g_autofree char *here = g_strdup_printf ("%s.%s", path, member);
  JsonNode *node = json_object_get_member (object, member);
  JsonObject *texts;

  if (node == NULL)
    {
      if (required)
        return fail (error, here, _("missing; expected an object with the texts \"en\" and \"fr\""));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, here, _("expected an object with the texts \"en\" and \"fr\""));
  texts = json_node_get_object (node);
  for (guint i = 0; i < PACTE_N_LANGS; i++)
    {
      JsonNode *text = json_object_get_member (texts, langs[i]);
      g_autofree char *at = g_strdup_printf ("%s.%s", here, langs[i]);

      if (text == NULL || json_node_get_value_type (text) != G_TYPE_STRING
          || *json_node_get_string (text) == '\0')
        return fail (error, here, _("expected a non-empty text \"%s\""), langs[i]);
      if (!template_compile (json_node_get_string (text), rule, available, &out[i], at, error))
        return FALSE;
    }
  return TRUE;
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
  "comment", NULL
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
    return fail (error, path, _("a \"%s\" check needs \"%s\""), kind, member);
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
        return fail (error, path, _("unknown member \"%s\" in a check"), member);
      }
  g_list_free (members);

  node = json_object_get_member (object, "kind");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, path, _("a check needs a \"kind\": plan, each-item, each-partner, count, count-distinct, ratio or latest-date"));
  kind_name = json_node_get_string (node);
  for (guint i = 0; i < G_N_ELEMENTS (check_kinds); i++)
    if (strcmp (check_kinds[i].name, kind_name) == 0)
      {
        check->kind = check_kinds[i].kind;
        available = check_kinds[i].available;
        found = TRUE;
      }
  if (!found)
    return fail (error, path, _("unknown kind of check \"%s\"; expected plan, each-item, each-partner, count, count-distinct, ratio or latest-date"), kind_name);

  node = json_object_get_member (object, "severity");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, path, _("a check needs a \"severity\": \"red\" or \"amber\""));
  if (strcmp (json_node_get_string (node), "red") == 0)
    check->severity = PACTE_STATUS_RED;
  else if (strcmp (json_node_get_string (node), "amber") == 0)
    check->severity = PACTE_STATUS_AMBER;
  else
    return fail (error, path, _("unknown severity \"%s\": expected \"red\" or \"amber\""), json_node_get_string (node));

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
            return fail (error, path, _("\"which\" must be \"all\", \"primary\" or \"others\""));
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
        return fail (error, path, _("a \"%s\" check needs \"field\""), kind_name);
      check->field = resolve_field (item_type, json_node_get_string (node), here, error);
      if (check->field < 0)
        return FALSE;
      if (check->kind == PACTE_CHECK_LATEST_DATE && field_info (item_type, check->field)->kind != PACTE_FIELD_DATE)
        return fail (error, here, _("\"%s\" is not a date field"), json_node_get_string (node));
      if (check->kind == PACTE_CHECK_COUNT_DISTINCT && !is_text_kind (field_info (item_type, check->field)->kind))
        return fail (error, here, _("\"%s\" is not a text field"), json_node_get_string (node));
    }
  if (check->kind == PACTE_CHECK_EACH_ITEM)
    {
      g_autofree char *here = g_strdup_printf ("%s.name_field", path);

      node = json_object_get_member (object, "name_field");
      if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
        return fail (error, path, _("an \"each-item\" check needs \"name_field\", the field that names an item"));
      check->name_field = resolve_field (item_type, json_node_get_string (node), here, error);
      if (check->name_field < 0)
        return FALSE;
      if (!is_text_kind (field_info (item_type, check->name_field)->kind))
        return fail (error, here, _("\"%s\" is not a text field"), json_node_get_string (node));
    }

  if (!parse_templates (object, "explanation", TRUE, rule, available, check->explanation, path, error)
      || !parse_templates (object, "explanation_unset", FALSE, rule, available, check->explanation_unset, path, error))
    return FALSE;
  return TRUE;
}

/* ==== Running =========================================================== */

/* The fields a compiled rule names have been checked against the record
 * types when the rule file was loaded: while running, values are read in
 * place, without the type checks of the public getters. */
static const char * const empty_strv[] = { NULL };

static inline const char *
get_string (PacteRecord *record,
            int          field)
{
  const char *s = pacte_record_values (record)[field].s;

  return s != NULL ? s : "";
}

static inline guint32
get_date (PacteRecord *record,
          int          field)
{
  return pacte_record_values (record)[field].date;
}

static inline double
get_number (PacteRecord *record,
            int          field)
{
  return pacte_record_values (record)[field].num;
}

static inline int
get_boolean (PacteRecord *record,
             int          field)
{
  return pacte_record_values (record)[field].boolean;
}

static inline const char * const *
get_strv (PacteRecord *record,
          int          field)
{
  char **strv = pacte_record_values (record)[field].strv;

  return strv != NULL ? (const char * const *) strv : empty_strv;
}

static inline PacteRecord * const *
get_items (PacteRecord *record,
           int          field,
           guint       *n_items)
{
  PacteItemList *list = pacte_record_values (record)[field].list;

  *n_items = list->n_items;
  return list->items;
}

/* What a failure is about, gathered while running, rendered into the
 * explanation.  Fixed-size: no allocation. */
typedef struct
{
  const PacteCond *label;      /* the labelled condition that failed */
  gboolean         unset;      /* it failed because a field was not filled in */
  const char      *value;      /* the failing field's text value */
  double           number;     /* or its number (when value is NULL and has_number) */
  gboolean         has_number;
  const char      *partner;
  const char      *item;
  int              position;
  gint64           count, min, total, percent;
  gboolean         has_count, has_total;
  gint64           days, limit;
  gboolean         has_days, has_limit;
  guint32          date;
} Failure;

static double
num_value (const PacteNumArg *arg,
           PacteRecord       *record,
           PacteEvalContext  *ctx)
{
  if (arg->param >= 0)
    return ctx->params[arg->param];
  if (arg->field >= 0)
    return get_number (record, arg->field) * arg->factor;
  return arg->literal;
}

static gboolean
field_filled (PacteRecord   *record,
              int            field,
              PacteFieldKind kind)
{
  switch (kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
      return *get_string (record, field) != '\0';
    case PACTE_FIELD_DATE:
      return get_date (record, field) != 0;
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      return !isnan (get_number (record, field));
    case PACTE_FIELD_BOOLEAN:
      return get_boolean (record, field) >= 0;
    case PACTE_FIELD_STRV:
      return get_strv (record, field)[0] != NULL;
    case PACTE_FIELD_LIST:
      return pacte_record_values (record)[field].list->n_items > 0;
    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
      return pacte_record_map_get_keys (record, field)[0] != NULL;
    default:
      return FALSE;
    }
}

static guint
field_length (PacteRecord   *record,
              int            field,
              PacteFieldKind kind)
{
  if (kind == PACTE_FIELD_STRV)
    {
      const char * const *strv = get_strv (record, field);
      guint n = 0;

      while (strv[n] != NULL)
        n++;
      return n;
    }
  return pacte_record_values (record)[field].list->n_items;
}

/* The rank of a choice value in the field's list; unset or unknown: 0. */
static int
choice_rank (PacteRecord *record,
             int          field)
{
  const PacteFieldInfo *info = &PACTE_RECORD_GET_CLASS (record)->fields[field];
  const char *value = get_string (record, field);

  if (*value == '\0' || info->choices == NULL)
    return 0;
  for (int i = 0; info->choices[i] != NULL; i++)
    if (strcmp (info->choices[i], value) == 0)
      return i;
  return 0;
}

static void
note_value (PacteRecord *record,
            int          field,
            PacteFieldKind kind,
            Failure     *f)
{
  f->value = NULL;
  f->has_number = FALSE;
  if (is_text_kind (kind))
    f->value = get_string (record, field);
  else if (is_number_kind (kind))
    {
      f->number = get_number (record, field);
      f->has_number = !isnan (f->number);
    }
  else if (kind == PACTE_FIELD_DATE)
    f->date = get_date (record, field);
}

static gboolean cond_eval (const PacteCond  *c,
                           PacteRecord      *record,
                           PacteEvalContext *ctx,
                           Failure          *f);

static gboolean
conds_all (const PacteCond  *conds,
           guint             n,
           PacteRecord      *record,
           PacteEvalContext *ctx,
           Failure          *f)
{
  for (guint i = 0; i < n; i++)
    if (!cond_eval (&conds[i], record, ctx, f))
      return FALSE;
  return TRUE;
}

static gboolean
cond_test (const PacteCond  *c,
           PacteRecord      *record,
           PacteEvalContext *ctx,
           Failure          *f)
{
  switch (c->op)
    {
    case PACTE_COND_SET:
      f->unset = TRUE;
      return field_filled (record, c->field, c->kind);

    case PACTE_COND_UNSET:
      note_value (record, c->field, c->kind, f);
      return !field_filled (record, c->field, c->kind);

    case PACTE_COND_ABOVE:
    case PACTE_COND_AT_LEAST:
    case PACTE_COND_BELOW:
      {
        double value = get_number (record, c->field);
        double limit = num_value (&c->num, record, ctx);

        note_value (record, c->field, c->kind, f);
        if (isnan (value))
          {
            f->unset = TRUE;
            return FALSE;
          }
        if (c->op == PACTE_COND_ABOVE)
          return value > limit;
        if (c->op == PACTE_COND_AT_LEAST)
          return value >= limit;
        return value < limit;
      }

    case PACTE_COND_EQUALS:
    case PACTE_COND_NOT_EQUALS:
      {
        gboolean equal;

        if (c->kind == PACTE_FIELD_BOOLEAN)
          equal = get_boolean (record, c->field) == c->boolean;
        else
          {
            note_value (record, c->field, c->kind, f);
            equal = strcmp (get_string (record, c->field), c->string) == 0;
            if (c->op == PACTE_COND_EQUALS && *f->value == '\0')
              f->unset = TRUE;
          }
        return c->op == PACTE_COND_EQUALS ? equal : !equal;
      }

    case PACTE_COND_IN:
    case PACTE_COND_NOT_IN:
      {
        const char *value = get_string (record, c->field);
        gboolean in = FALSE;

        note_value (record, c->field, c->kind, f);
        for (guint i = 0; c->strings[i] != NULL && !in; i++)
          in = strcmp (c->strings[i], value) == 0;
        if (c->op == PACTE_COND_IN && *value == '\0')
          f->unset = TRUE;
        return c->op == PACTE_COND_IN ? in : !in;
      }

    case PACTE_COND_CHOICE_AT_LEAST:
      note_value (record, c->field, c->kind, f);
      return choice_rank (record, c->field) >= c->rank;

    case PACTE_COND_CHOICE_BELOW:
      note_value (record, c->field, c->kind, f);
      return choice_rank (record, c->field) < c->rank;

    case PACTE_COND_LENGTH_AT_LEAST:
    case PACTE_COND_LENGTH_EQUALS:
      {
        guint length = field_length (record, c->field, c->kind);
        double wanted = num_value (&c->num, record, ctx);

        f->count = length;
        f->has_count = TRUE;
        f->min = (gint64) wanted;
        if (length == 0)
          f->unset = TRUE;
        return c->op == PACTE_COND_LENGTH_AT_LEAST ? length >= wanted : length == wanted;
      }

    case PACTE_COND_WITHIN_DAYS:
      {
        guint32 date = get_date (record, c->field);
        double limit = num_value (&c->num, record, ctx);

        f->date = date;
        if (date == 0)
          {
            f->unset = TRUE;
            return FALSE;
          }
        /* An unknown limit (the cadence is not filled in) cannot be missed. */
        if (isnan (limit))
          return TRUE;
        f->days = (gint64) ctx->today - (gint64) date;
        f->limit = (gint64) floor (limit);
        f->has_days = f->has_limit = TRUE;
        return (double) f->days <= limit;
      }

    case PACTE_COND_NAMES_ITEM:
      {
        const char *value = get_string (record, c->field);
        PacteRecord * const *items;
        guint n;

        note_value (record, c->field, c->kind, f);
        if (*value == '\0')
          {
            f->unset = TRUE;
            return FALSE;
          }
        items = get_items (ctx->plan_record, c->other_list, &n);
        for (guint i = 0; i < n; i++)
          if (strcmp (get_string (items[i], c->other_field), value) == 0)
            return TRUE;
        return FALSE;
      }

    case PACTE_COND_SAME_AS_PLAN:
      {
        const char *value = get_string (record, c->field);
        const char *plan_value = get_string (ctx->plan_record, c->other_field);

        note_value (record, c->field, c->kind, f);
        if (*value == '\0')
          f->unset = TRUE;
        return strcmp (value, plan_value) == 0;
      }

    case PACTE_COND_IN_HORIZON:
      {
        int year, quarter, index;
        double n = num_value (&c->num, record, ctx);

        note_value (record, c->field, c->kind, f);
        if (!pacte_quarter_parse (get_string (record, c->field), &year, &quarter))
          {
            f->unset = TRUE;
            return FALSE;
          }
        index = year * 4 + quarter - 1;
        return index >= ctx->today_quarter && index < ctx->today_quarter + n;
      }

    case PACTE_COND_ANY:
      {
        for (guint i = 0; i < c->n_children; i++)
          if (cond_eval (&c->children[i], record, ctx, f))
            return TRUE;
        return FALSE;
      }

    case PACTE_COND_ALL:
      return conds_all (c->children, c->n_children, record, ctx, f);

    case PACTE_COND_NOT:
      {
        Failure scratch;  /* written, never read */

        return !cond_eval (c->children, record, ctx, &scratch);
      }

    case PACTE_COND_COUNT:
      {
        guint n;
        PacteRecord * const *items = get_items (record, c->field, &n);
        double wanted = num_value (&c->num, record, ctx);
        gint64 count = 0;

        for (guint i = 0; i < n; i++)
          {
            Failure scratch;  /* written, never read */

            if (conds_all (c->children, c->n_children, items[i], ctx, &scratch))
              count++;
          }
        f->count = count;
        f->min = (gint64) ceil (wanted);
        f->has_count = TRUE;
        if (n == 0)
          f->unset = TRUE;
        return count >= wanted;
      }

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static gboolean
cond_eval (const PacteCond  *c,
           PacteRecord      *record,
           PacteEvalContext *ctx,
           Failure          *f)
{
  Failure local;

  /* Only the explaining run (see pacte_check_run) gathers what a failure is
   * about: the first one only says whether the condition holds. */
  if (!ctx->explain)
    return cond_test (c, record, ctx, f);
  /* What a test notes is kept only when it fails. */
  memset (&local, 0, sizeof local);
  if (cond_test (c, record, ctx, &local))
    return TRUE;
  if (c->label.text[0] != NULL && (local.label == NULL || c->op == PACTE_COND_ANY))
    local.label = c;
  *f = local;
  return FALSE;
}

/* ---- Rendering ---------------------------------------------------------- */

typedef struct
{
  char  *buf;
  gsize  len;
  gsize  cap;
} Out;

static void
out_append (Out        *out,
            const char *text,
            gsize       len)
{
  gsize room = out->cap - 1 - out->len;

  if (len > room)
    {
      /* Cut at a character boundary. */
      len = room;
      while (len > 0 && ((guchar) text[len] & 0xC0) == 0x80)
        len--;
    }
  memcpy (out->buf + out->len, text, len);
  out->len += len;
  out->buf[out->len] = '\0';
}

static void
out_append_str (Out        *out,
                const char *text)
{
  if (text != NULL)
    out_append (out, text, strlen (text));
}

static void
out_append_int (Out    *out,
                gint64  value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  out_append_str (out, buf);
}

static void
out_append_number (Out    *out,
                   double  value,
                   int     lang)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return;
  if (value == floor (value) && fabs (value) < 1e15)
    {
      out_append_int (out, (gint64) value);
      return;
    }
  g_ascii_formatd (buf, sizeof buf, "%.6g", value);
  if (lang == PACTE_LANG_FR)
    {
      char *dot = strchr (buf, '.');

      if (dot != NULL)
        *dot = ',';
    }
  out_append_str (out, buf);
}

static void
out_append_date (Out     *out,
                 guint32  julian)
{
  int year, month, day;
  char buf[32];

  if (julian == 0)
    return;
  pacte_date_to_ymd (julian, &year, &month, &day);
  g_snprintf (buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  out_append_str (out, buf);
}

static void
render (const PacteTemplate *tmpl,
        PacteEvalContext    *ctx,
        const Failure       *f,
        PacteRuleOutcome    *outcome)
{
  Out out = { outcome->explanation, 0, sizeof outcome->explanation };

  outcome->explanation[0] = '\0';
  for (guint i = 0; i < tmpl->n_segments; i++)
    {
      const PacteSegment *s = &tmpl->segments[i];

      switch (s->kind)
        {
        case PACTE_PH_LITERAL:
          out_append (&out, s->text, s->len);
          break;
        case PACTE_PH_PLAN:
          out_append_str (&out, get_string (ctx->plan_record, PACTE_PLAN_NAME));
          break;
        case PACTE_PH_PHASE:
          {
            const char *phase = get_string (ctx->plan_record, PACTE_PLAN_PHASE);

            out_append_str (&out, pacte_rule_set_get_word (ctx->rules, *phase ? phase : "exploration", ctx->lang));
          }
          break;
        case PACTE_PH_TODAY:
          out_append_date (&out, ctx->today);
          break;
        case PACTE_PH_QUARTER:
          {
            char buf[32];

            g_snprintf (buf, sizeof buf, "%d-Q%d", ctx->today_quarter / 4, ctx->today_quarter % 4 + 1);
            out_append_str (&out, buf);
          }
          break;
        case PACTE_PH_PARTNER:
          out_append_str (&out, f->partner);
          break;
        case PACTE_PH_ITEM:
          if (f->item != NULL && *f->item != '\0')
            out_append_str (&out, f->item);
          else
            {
              out_append_str (&out, "#");
              out_append_int (&out, f->position);
            }
          break;
        case PACTE_PH_POSITION:
          out_append_int (&out, f->position);
          break;
        case PACTE_PH_COUNT:
          if (f->has_count)
            out_append_int (&out, f->count);
          break;
        case PACTE_PH_MIN:
          if (f->has_count)
            out_append_int (&out, f->min);
          break;
        case PACTE_PH_TOTAL:
          if (f->has_total)
            out_append_int (&out, f->total);
          break;
        case PACTE_PH_PERCENT:
          if (f->has_total)
            out_append_int (&out, f->percent);
          break;
        case PACTE_PH_DAYS:
          if (f->has_days)
            out_append_int (&out, f->days);
          break;
        case PACTE_PH_LIMIT:
          if (f->has_limit)
            out_append_int (&out, f->limit);
          break;
        case PACTE_PH_DATE:
          out_append_date (&out, f->date);
          break;
        case PACTE_PH_FAILED:
          if (f->label != NULL)
            out_append_str (&out, f->label->label.text[ctx->lang]);
          break;
        case PACTE_PH_VALUE:
          if (f->value != NULL)
            out_append_str (&out, pacte_rule_set_get_word (ctx->rules, f->value, ctx->lang));
          else if (f->has_number)
            out_append_number (&out, f->number, ctx->lang);
          break;
        case PACTE_PH_PARAM:
          out_append_number (&out, ctx->params[s->param], ctx->lang);
          break;
        default:
          break;
        }
    }
}

void
pacte_render_plain (const char       *text,
                    PacteRuleOutcome *outcome)
{
  Out out = { outcome->explanation, 0, sizeof outcome->explanation };

  outcome->explanation[0] = '\0';
  out_append_str (&out, text);
}

static gboolean
check_fails (const PacteCheck *check,
             PacteEvalContext *ctx,
             const Failure    *f,
             PacteRuleOutcome *outcome)
{
  const PacteTemplate *tmpl = check->explanation;

  if (!ctx->explain)
    return FALSE;
  if (f->unset && check->explanation_unset[0].source != NULL)
    tmpl = check->explanation_unset;
  outcome->status = check->severity;
  render (&tmpl[ctx->lang], ctx, f, outcome);
  return FALSE;
}

static gboolean
no_partner (const PacteCheck *check,
            PacteEvalContext *ctx,
            PacteRuleOutcome *outcome)
{
  static const char *texts[PACTE_N_LANGS];

  if (!ctx->explain)
    return FALSE;
  if (texts[ctx->lang] == NULL)
    texts[ctx->lang] = pacte_gettext_lang (ctx->lang == PACTE_LANG_FR ? "fr" : "en",
                                           N_("No partner is chosen for this plan yet."));
  outcome->status = check->severity;
  pacte_render_plain (texts[ctx->lang], outcome);
  return FALSE;
}

/* Walks a collection: calls func (item, partner, position) until it returns
 * FALSE.  Returns FALSE when it was stopped. */
typedef gboolean (*ItemFunc) (PacteRecord *item,
                              PacteRecord *partner,
                              guint        position,
                              gpointer     data);

static gboolean
walk_list (PacteRecord *owner,
           int          field,
           PacteRecord *partner,
           ItemFunc     func,
           gpointer     data)
{
  guint n;
  PacteRecord * const *items = get_items (owner, field, &n);

  for (guint i = 0; i < n; i++)
    if (!func (items[i], partner, i + 1, data))
      return FALSE;
  return TRUE;
}

static gboolean
walk (const PacteCollection *collection,
      PacteWhich             which,
      PacteEvalContext      *ctx,
      ItemFunc               func,
      gpointer               data)
{
  if (!collection->via_partners)
    return walk_list (ctx->plan_record, collection->list_field, NULL, func, data);

  for (guint p = 0; p < ctx->n_partners; p++)
    {
      PacteRecord *partner = ctx->partners[p];

      if ((which == PACTE_WHICH_PRIMARY && p > 0) || (which == PACTE_WHICH_OTHERS && p == 0))
        continue;
      if (collection->list_field < 0)
        {
          if (!func (partner, partner, p + 1, data))
            return FALSE;
        }
      else if (!walk_list (partner, collection->list_field, partner, func, data))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const PacteCheck *check;
  PacteEvalContext *ctx;
  Failure          *f;
  gint64            seen;
  gint64            count;
  gint64            linked;
  guint32           latest;
  const char       *distinct[64];
  guint             n_distinct;
} WalkData;

static gboolean
each_item (PacteRecord *item,
           PacteRecord *partner,
           guint        position,
           gpointer     user_data)
{
  WalkData *d = user_data;
  Failure scratch;  /* written, never read */

  if (!conds_all (d->check->where, d->check->n_where, item, d->ctx, &scratch))
    return TRUE;
  if (conds_all (d->check->require, d->check->n_require, item, d->ctx, d->f))
    return TRUE;
  d->f->position = position;
  if (partner != NULL)
    d->f->partner = get_string (partner, PACTE_PARTNER_NAME);
  if (d->check->name_field >= 0)
    d->f->item = get_string (item, d->check->name_field);
  return FALSE;
}

static gboolean
count_item (PacteRecord *item,
            PacteRecord *partner,
            guint        position,
            gpointer     user_data)
{
  WalkData *d = user_data;
  Failure scratch;  /* written, never read */

  d->seen++;
  if (!conds_all (d->check->where, d->check->n_where, item, d->ctx, &scratch))
    return TRUE;
  d->count++;
  switch (d->check->kind)
    {
    case PACTE_CHECK_RATIO:
      if (conds_all (d->check->linked, d->check->n_linked, item, d->ctx, &scratch))
        d->linked++;
      break;
    case PACTE_CHECK_COUNT_DISTINCT:
      {
        const char *value = get_string (item, d->check->field);
        gboolean seen = *value == '\0';

        for (guint i = 0; i < d->n_distinct && !seen; i++)
          seen = strcmp (d->distinct[i], value) == 0;
        if (!seen && d->n_distinct < G_N_ELEMENTS (d->distinct))
          d->distinct[d->n_distinct++] = value;
      }
      break;
    case PACTE_CHECK_LATEST_DATE:
      {
        guint32 date = get_date (item, d->check->field);

        if (date != 0 && date <= d->ctx->today && date > d->latest)
          d->latest = date;
      }
      break;
    case PACTE_CHECK_PLAN:
    case PACTE_CHECK_EACH_ITEM:
    case PACTE_CHECK_EACH_PARTNER:
    case PACTE_CHECK_COUNT:
    default:
      break;
    }
  return TRUE;
}

static gboolean
run_check (const PacteCheck *check,
           PacteEvalContext *ctx,
           PacteRuleOutcome *outcome)
{
  Failure f = { 0 };
  WalkData d;
  Failure scratch;  /* written, never read */

  /* distinct[] is filled up to n_distinct: no need to clear it. */
  d.check = check;
  d.ctx = ctx;
  d.f = &f;
  d.seen = d.count = d.linked = 0;
  d.latest = 0;
  d.n_distinct = 0;

  if (!conds_all (check->when, check->n_when, ctx->plan_record, ctx, &scratch))
    return TRUE;

  if (check->collection.via_partners && ctx->n_partners == 0)
    return no_partner (check, ctx, outcome);

  switch (check->kind)
    {
    case PACTE_CHECK_PLAN:
      if (conds_all (check->require, check->n_require, ctx->plan_record, ctx, &f))
        return TRUE;
      return check_fails (check, ctx, &f, outcome);

    case PACTE_CHECK_EACH_ITEM:
    case PACTE_CHECK_EACH_PARTNER:
      if (walk (&check->collection, check->which, ctx, each_item, &d))
        return TRUE;
      if (check->kind == PACTE_CHECK_EACH_PARTNER)
        f.item = f.partner;
      return check_fails (check, ctx, &f, outcome);

    case PACTE_CHECK_COUNT:
    case PACTE_CHECK_COUNT_DISTINCT:
    case PACTE_CHECK_RATIO:
      {
        double wanted = num_value (&check->at_least, NULL, ctx);
        gint64 have;

        walk (&check->collection, PACTE_WHICH_ALL, ctx, count_item, &d);
        f.has_count = TRUE;
        f.min = (gint64) ceil (wanted);
        if (check->kind == PACTE_CHECK_RATIO)
          {
            if (d.count == 0)
              return TRUE;
            f.count = d.linked;
            f.total = d.count;
            f.has_total = TRUE;
            f.percent = (gint64) floor (100.0 * d.linked / d.count + 0.5);
            f.min = (gint64) floor (wanted * 100 + 0.5);
            if ((double) d.linked >= wanted * d.count - 1e-9)
              return TRUE;
            return check_fails (check, ctx, &f, outcome);
          }
        have = check->kind == PACTE_CHECK_COUNT ? d.count : (gint64) d.n_distinct;
        f.count = have;
        f.unset = d.seen == 0;
        if ((double) have >= wanted)
          return TRUE;
        return check_fails (check, ctx, &f, outcome);
      }

    case PACTE_CHECK_LATEST_DATE:
      {
        double limit = num_value (&check->within_days, NULL, ctx);

        walk (&check->collection, PACTE_WHICH_ALL, ctx, count_item, &d);
        f.limit = (gint64) floor (limit);
        f.has_limit = TRUE;
        if (d.latest == 0)
          {
            f.unset = TRUE;
            return check_fails (check, ctx, &f, outcome);
          }
        f.date = d.latest;
        f.days = (gint64) ctx->today - (gint64) d.latest;
        f.has_days = TRUE;
        if ((double) f.days <= limit)
          return TRUE;
        return check_fails (check, ctx, &f, outcome);
      }

    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* Most checks pass: a first run only decides, without gathering anything
 * for an explanation; only a check that fails runs again, explaining (the
 * evaluation is deterministic, so the second run fails the same way). */
gboolean
pacte_check_run (const PacteCheck *check,
                 PacteEvalContext *ctx,
                 PacteRuleOutcome *outcome)
{
  ctx->explain = FALSE;
  if (run_check (check, ctx, outcome))
    return TRUE;
  ctx->explain = TRUE;
  run_check (check, ctx, outcome);
  ctx->explain = FALSE;
  return FALSE;
}
