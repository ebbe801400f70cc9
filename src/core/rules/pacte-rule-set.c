/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-rule-set.c: the golden rules as data, loaded from a rule file
 * (docs/rules.md) and compiled for fast evaluation. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pacte-checks-private.h"
#include "pacte-core-resources.h"
#include "pacte-file-read.h"
#include "pacte-i18n.h"

#define PACTE_RULES_FORMAT  "pacte-rules"
#define PACTE_RULES_VERSION 1
#define DEFAULT_RESOURCE    "/io/github/pacte/Pacte/core/rules/golden-rules.json"

struct _PacteRuleSet
{
  GObject     parent_instance;

  PacteRule  *rules;
  guint       n_rules;
  GHashTable *index;     /* id -> index + 1 */
  PacteWord  *words;
  guint       n_words;
};

G_DEFINE_TYPE (PacteRuleSet, pacte_rule_set, G_TYPE_OBJECT)

G_DEFINE_QUARK (pacte-rules-error-quark, pacte_rules_error)

static void
text_clear (PacteText *text)
{
  for (guint i = 0; i < PACTE_N_LANGS; i++)
    g_clear_pointer (&text->text[i], g_free);
}

static void
rule_clear (PacteRule *rule)
{
  g_clear_pointer (&rule->id, g_free);
  text_clear (&rule->title);
  text_clear (&rule->statement);
  text_clear (&rule->advice);
  text_clear (&rule->green);
  g_clear_pointer (&rule->param_names, g_strfreev);
  g_clear_pointer (&rule->param_defaults, g_free);
  for (guint i = 0; i < rule->n_checks; i++)
    pacte_check_clear (&rule->checks[i]);
  g_clear_pointer (&rule->checks, g_free);
  pacte_green_cases_clear (rule);
}

static void
pacte_rule_set_finalize (GObject *object)
{
  PacteRuleSet *self = PACTE_RULE_SET (object);

  for (guint i = 0; i < self->n_rules; i++)
    rule_clear (&self->rules[i]);
  g_free (self->rules);
  for (guint i = 0; i < self->n_words; i++)
    {
      g_free (self->words[i].value);
      text_clear (&self->words[i].word);
    }
  g_free (self->words);
  g_clear_pointer (&self->index, g_hash_table_unref);

  G_OBJECT_CLASS (pacte_rule_set_parent_class)->finalize (object);
}

static void
pacte_rule_set_class_init (PacteRuleSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pacte_rule_set_finalize;
}

static void
pacte_rule_set_init (PacteRuleSet *self)
{
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
}

/* ---- Loading ---------------------------------------------------------- */

gboolean
pacte_rules_fail (GError    **error,
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

gboolean
pacte_text_keep (const char *text,
                 int         lang,
                 const char *path,
                 gpointer    data,
                 GError    **error)
{
  PacteText *out = data;

  out->text[lang] = g_strdup (text);
  return TRUE;
}

/* {"en": "…", "fr": "…"}: a non-empty text in every language of the table. */
static gboolean
parse_text (JsonObject *parent,
            const char *member,
            gboolean    required,
            PacteText  *out,
            const char *path,
            GError    **error)
{
  g_autofree char *here = g_strdup_printf ("%s.%s", path, member);
  JsonNode *node = json_object_get_member (parent, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
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
  return pacte_texts_parse (json_node_get_object (node), FALSE, here, pacte_text_keep, out, error);
}

static gboolean
parse_params (JsonObject *object,
              PacteRule  *rule,
              const char *path,
              GError    **error)
{
  g_autofree char *here = g_strdup_printf ("%s.params", path);
  JsonNode *node = json_object_get_member (object, "params");
  JsonObject *params;
  GList *names;
  guint i = 0;

  rule->param_names = g_new0 (char *, 1);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return pacte_rules_fail (error, here, _("expected an object of parameter names and numbers"));

  params = json_node_get_object (node);
  rule->n_params = json_object_get_size (params);
  if (rule->n_params > PACTE_MAX_PARAMS)
    return pacte_rules_fail (error, here, _("at most %d parameters are allowed"), PACTE_MAX_PARAMS);
  g_free (rule->param_names);
  rule->param_names = g_new0 (char *, rule->n_params + 1);
  rule->param_defaults = g_new0 (double, MAX (rule->n_params, 1));

  names = json_object_get_members (params);
  for (GList *l = names; l != NULL; l = l->next, i++)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (params, name);
      GType type = json_node_get_value_type (value);

      rule->param_names[i] = g_strdup (name);
      if (!JSON_NODE_HOLDS_VALUE (value)
          || (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE))
        {
          g_list_free (names);
          return pacte_rules_fail (error, here, _("the parameter \"%s\" must be a number"), name);
        }
      rule->param_defaults[i] = json_node_get_double (value);
      if (!isfinite (rule->param_defaults[i]))
        {
          g_list_free (names);
          return pacte_rules_fail (error, here, _("the parameter \"%s\" must be a number"), name);
        }
      if (*name == '\0' || strspn (name, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen (name))
        {
          g_list_free (names);
          return pacte_rules_fail (error, here, _("invalid parameter name \"%s\": expected lower-case letters, digits and _"), name);
        }
    }
  g_list_free (names);
  return TRUE;
}

static gboolean
parse_rule (PacteRuleSet *self,
            JsonNode     *node,
            PacteRule    *rule,
            const char   *path,
            GError      **error)
{
  JsonObject *object;
  JsonNode *member;
  JsonArray *checks;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return pacte_rules_fail (error, path, _("expected a rule object"));
  object = json_node_get_object (node);

  member = json_object_get_member (object, "id");
  if (member == NULL || json_node_get_value_type (member) != G_TYPE_STRING
      || *json_node_get_string (member) == '\0')
    return pacte_rules_fail (error, path, _("a rule needs a non-empty text \"id\""));
  rule->id = g_strdup (json_node_get_string (member));
  if (g_hash_table_contains (self->index, rule->id))
    return pacte_rules_fail (error, path, _("the rule id \"%s\" is used twice"), rule->id);

  member = json_object_get_member (object, "number");
  if (member == NULL || json_node_get_value_type (member) != G_TYPE_INT64
      || json_node_get_int (member) < 1 || json_node_get_int (member) > 9999)
    return pacte_rules_fail (error, path, _("a rule needs a whole \"number\" from 1 to 9999"));
  rule->number = (guint) json_node_get_int (member);

  if (!parse_text (object, "title", TRUE, &rule->title, path, error)
      || !parse_text (object, "statement", TRUE, &rule->statement, path, error)
      || !parse_text (object, "advice", TRUE, &rule->advice, path, error)
      || !parse_text (object, "green", TRUE, &rule->green, path, error)
      || !parse_params (object, rule, path, error)
      || !pacte_param_limits_parse (object, rule, path, error))
    return FALSE;

  member = json_object_get_member (object, "checks");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    return pacte_rules_fail (error, path, _("a rule needs an array \"checks\""));
  checks = json_node_get_array (member);
  rule->checks = g_new0 (PacteCheck, MAX (json_array_get_length (checks), 1));
  for (guint i = 0; i < json_array_get_length (checks); i++)
    {
      g_autofree char *here = g_strdup_printf ("%s.checks[%u]", path, i);
      JsonNode *check = json_array_get_element (checks, i);

      rule->n_checks = i + 1;
      if (!JSON_NODE_HOLDS_OBJECT (check))
        return pacte_rules_fail (error, here, _("expected a check object"));
      if (!pacte_check_compile (json_node_get_object (check), rule, &rule->checks[i], here, error))
        return FALSE;
    }
  return pacte_green_cases_compile (object, rule, path, error);
}

static gboolean
parse_words (PacteRuleSet *self,
             JsonObject   *root,
             GError      **error)
{
  JsonNode *node = json_object_get_member (root, "words");
  JsonObject *words;
  GList *names;
  guint i = 0;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return pacte_rules_fail (error, "words", _("expected an object of values and their words"));
  words = json_node_get_object (node);
  self->n_words = json_object_get_size (words);
  self->words = g_new0 (PacteWord, MAX (self->n_words, 1));
  names = json_object_get_members (words);
  for (GList *l = names; l != NULL; l = l->next, i++)
    {
      self->words[i].value = g_strdup (l->data);
      if (!parse_text (words, l->data, TRUE, &self->words[i].word, "words", error))
        {
          g_list_free (names);
          return FALSE;
        }
    }
  g_list_free (names);
  return TRUE;
}

static gboolean
rule_set_parse (PacteRuleSet *self,
                JsonNode     *root_node,
                GError      **error)
{
  JsonObject *root;
  JsonNode *member;
  JsonArray *rules;

  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    return pacte_rules_fail (error, "(root)", _("expected a JSON object with \"format\": \"pacte-rules\""));
  root = json_node_get_object (root_node);

  member = json_object_get_member (root, "format");
  if (member == NULL || json_node_get_value_type (member) != G_TYPE_STRING
      || g_strcmp0 (json_node_get_string (member), PACTE_RULES_FORMAT) != 0)
    return pacte_rules_fail (error, "format", _("not a rule file: expected \"format\": \"pacte-rules\""));
  member = json_object_get_member (root, "version");
  if (member == NULL || json_node_get_value_type (member) != G_TYPE_INT64)
    return pacte_rules_fail (error, "version", _("expected a whole version number"));
  if (json_node_get_int (member) > PACTE_RULES_VERSION || json_node_get_int (member) < 1)
    return pacte_rules_fail (error, "version", _("version %d is not supported: this program reads version %d"),
                             (int) CLAMP (json_node_get_int (member), G_MININT, G_MAXINT), PACTE_RULES_VERSION);

  if (!parse_words (self, root, error))
    return FALSE;

  member = json_object_get_member (root, "rules");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    return pacte_rules_fail (error, "rules", _("expected an array of rules"));
  rules = json_node_get_array (member);
  self->rules = g_new0 (PacteRule, MAX (json_array_get_length (rules), 1));
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      g_autofree char *path = g_strdup_printf ("rules[%u]", i);

      self->n_rules = i + 1;
      if (!parse_rule (self, json_array_get_element (rules, i), &self->rules[i], path, error))
        return FALSE;
      g_hash_table_insert (self->index, self->rules[i].id, GUINT_TO_POINTER (i + 1));
    }
  return TRUE;
}

PacteRuleSet *
pacte_rule_set_new_from_bytes (GBytes     *json,
                               const char *display_name,
                               GError    **error)
{
  g_autoptr(PacteRuleSet) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("rule file");
  data = g_bytes_get_data (json, &size);
  if (size == 0 || data == NULL)
    {
      g_set_error (error, PACTE_RULES_ERROR, PACTE_RULES_ERROR_INVALID,
                   _("%s: the rule file is empty"), display_name);
      return NULL;
    }
  if (!g_utf8_validate (data, size, NULL))
    {
      g_set_error (error, PACTE_RULES_ERROR, PACTE_RULES_ERROR_INVALID,
                   _("%s: the rule file is not valid UTF-8"), display_name);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, PACTE_RULES_ERROR, PACTE_RULES_ERROR_INVALID,
                   "%s: %s", display_name, local_error->message);
      return NULL;
    }

  self = g_object_new (PACTE_TYPE_RULE_SET, NULL);
  if (!rule_set_parse (self, json_parser_get_root (parser), &local_error))
    {
      g_set_error (error, PACTE_RULES_ERROR, PACTE_RULES_ERROR_INVALID,
                   "%s: %s", display_name, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&self);
}

PacteRuleSet *
pacte_rule_set_new_from_file (GFile   *file,
                              GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = pacte_file_display_name (file);
  /* A rule file is a few kilobytes: 16 MiB is far more than any needs, and
   * what is not a regular file (a FIFO, /dev/zero) is refused at once. */
  if (pacte_file_read (file, 16 << 20, NULL, NULL, &contents, &len, NULL, NULL, NULL, &local_error))
    bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  else
    {
      g_set_error (error, PACTE_RULES_ERROR, PACTE_RULES_ERROR_INVALID,
                   "%s: %s", name, local_error->message);
      return NULL;
    }
  return pacte_rule_set_new_from_bytes (bytes, name, error);
}

PacteRuleSet *
pacte_rule_set_get_default (void)
{
  static PacteRuleSet *default_set;

  if (g_once_init_enter (&default_set))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      const char *replacement = g_getenv ("PACTE_RULES_FILE");
      PacteRuleSet *set;

      /* A rule file named in the environment replaces the built-in one: the
       * test suite's pseudo language brings its rule texts that way.  A
       * broken one is a setup mistake: say so and stop. */
      if (replacement != NULL && *replacement != '\0')
        {
          g_autoptr(GFile) file = g_file_new_for_path (replacement);

          set = pacte_rule_set_new_from_file (file, &error);
          if (set == NULL)
            {
              g_printerr ("pacte: PACTE_RULES_FILE: %s\n", error->message);
              exit (2);
            }
          g_once_init_leave (&default_set, set);
          return default_set;
        }

      /* A static library may drop the resource's constructor: register it
       * unless it is already there. */
      bytes = g_resources_lookup_data (DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes == NULL)
        {
          g_resources_register (pacte_core_get_resource ());
          bytes = g_resources_lookup_data (DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
        }
      if (bytes == NULL)
        g_error ("The built-in rule file is missing: %s", error->message);
      set = pacte_rule_set_new_from_bytes (bytes, "golden-rules.json", &error);
      if (set == NULL)
        g_error ("The built-in rule file is broken: %s", error->message);
      g_once_init_leave (&default_set, set);
    }
  return default_set;
}

/* ---- Getters ---------------------------------------------------------- */

const PacteRule *
pacte_rule_set_get_rule (PacteRuleSet *self,
                         guint         index)
{
  g_return_val_if_fail (PACTE_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (index < self->n_rules, NULL);
  return &self->rules[index];
}

const char *
pacte_rule_set_get_word (PacteRuleSet *self,
                         const char   *value,
                         int           lang)
{
  for (guint i = 0; i < self->n_words; i++)
    if (strcmp (self->words[i].value, value) == 0)
      return self->words[i].word.text[lang];
  return value;
}

int
pacte_lang_index (const char *lang)
{
  return (int) pacte_language_index (pacte_language_get (lang));
}

const char *
pacte_lang_code (int lang)
{
  return pacte_language_code (pacte_language_nth ((guint) lang));
}

char *
pacte_texts_expected (void)
{
  g_autoptr(GString) codes = g_string_new (NULL);
  guint n = pacte_language_count ();

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (codes, i + 1 == n ? _(" and ") : ", ");
      g_string_append_printf (codes, "\"%s\"", pacte_lang_code ((int) i));
    }
  /* Translators: %s lists the language codes: "en" and "fr". */
  return g_strdup_printf (_("expected an object with the texts %s"), codes->str);
}

gboolean
pacte_texts_parse (JsonObject   *texts,
                   gboolean      allow_empty,
                   const char   *path,
                   PacteTextFunc func,
                   gpointer      data,
                   GError      **error)
{
  for (guint i = 0; i < pacte_language_count (); i++)
    {
      const char *code = pacte_lang_code ((int) i);
      JsonNode *text = json_object_get_member (texts, code);
      g_autofree char *at = g_strdup_printf ("%s.%s", path, code);

      if (text == NULL || json_node_get_value_type (text) != G_TYPE_STRING
          || (!allow_empty && *json_node_get_string (text) == '\0'))
        return pacte_rules_fail (error, path, _("expected a non-empty text \"%s\""), code);
      if (!g_utf8_validate (json_node_get_string (text), -1, NULL))
        return pacte_rules_fail (error, path, _("the text \"%s\" is not valid UTF-8"), code);
      if (!func (json_node_get_string (text), (int) i, at, data, error))
        return FALSE;
    }
  return TRUE;
}

guint
pacte_rule_set_get_n_rules (PacteRuleSet *self)
{
  g_return_val_if_fail (PACTE_IS_RULE_SET (self), 0);
  return self->n_rules;
}

int
pacte_rule_set_find (PacteRuleSet *self,
                     const char   *rule_id)
{
  g_return_val_if_fail (PACTE_IS_RULE_SET (self), -1);
  if (rule_id == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (self->index, rule_id)) - 1;
}

gboolean
pacte_rule_set_has_rule (PacteRuleSet *self,
                         const char   *rule_id)
{
  return pacte_rule_set_find (self, rule_id) >= 0;
}

int
pacte_rule_find_param (const PacteRule *rule,
                       const char      *param)
{
  if (param == NULL)
    return -1;
  for (guint i = 0; i < rule->n_params; i++)
    if (strcmp (rule->param_names[i], param) == 0)
      return (int) i;
  return -1;
}

gboolean
pacte_rule_set_has_param (PacteRuleSet *self,
                          const char   *rule_id,
                          const char   *param)
{
  int index = pacte_rule_set_find (self, rule_id);

  if (index < 0)
    return FALSE;
  return pacte_rule_find_param (&self->rules[index], param) >= 0;
}

const char *
pacte_rule_set_get_id (PacteRuleSet *self,
                       guint         index)
{
  g_return_val_if_fail (PACTE_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (index < self->n_rules, NULL);
  return self->rules[index].id;
}

guint
pacte_rule_set_get_number (PacteRuleSet *self,
                           guint         index)
{
  g_return_val_if_fail (PACTE_IS_RULE_SET (self), 0);
  g_return_val_if_fail (index < self->n_rules, 0);
  return self->rules[index].number;
}

const char *
pacte_rule_set_get_title (PacteRuleSet *self,
                          guint         index,
                          const char   *lang)
{
  g_return_val_if_fail (PACTE_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (index < self->n_rules, NULL);
  return self->rules[index].title.text[pacte_lang_index (lang)];
}

const char *
pacte_rule_set_get_statement (PacteRuleSet *self,
                              guint         index,
                              const char   *lang)
{
  g_return_val_if_fail (PACTE_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (index < self->n_rules, NULL);
  return self->rules[index].statement.text[pacte_lang_index (lang)];
}

const char *
pacte_rule_set_get_advice (PacteRuleSet *self,
                           guint         index,
                           const char   *lang)
{
  g_return_val_if_fail (PACTE_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (index < self->n_rules, NULL);
  return self->rules[index].advice.text[pacte_lang_index (lang)];
}

const char * const *
pacte_rule_set_get_param_names (PacteRuleSet *self,
                                guint         index)
{
  g_return_val_if_fail (PACTE_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (index < self->n_rules, NULL);
  return (const char * const *) self->rules[index].param_names;
}

double
pacte_rule_set_get_param_default (PacteRuleSet *self,
                                  guint         index,
                                  const char   *param)
{
  int i;

  g_return_val_if_fail (PACTE_IS_RULE_SET (self), NAN);
  g_return_val_if_fail (index < self->n_rules, NAN);
  i = pacte_rule_find_param (&self->rules[index], param);
  return i < 0 ? NAN : self->rules[index].param_defaults[i];
}
