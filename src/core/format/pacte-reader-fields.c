/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-reader-fields.c: the record reader's (pacte-record-reader.c)
 * fields that hold one string (text, a choice, a date, a quarter) and its
 * maps (string and number maps, a rule override's parameters): each value
 * checked, stored raw on the record, or one GError at its JSON path. */
#include "config.h"

#include <string.h>

#include "pacte-record-private.h"
#include "pacte-record-reader-private.h"
#include "pacte-i18n.h"
#include "pacte-rules.h"

gboolean
pacte_reader_load_string_field (PacteRecordReader     *self,
                                PacteRecord           *record,
                                guint                  field,
                                const PacteFieldInfo  *info,
                                JsonNode              *node,
                                const char            *text,
                                GError               **error)
{
  if (text == NULL)
    return pacte_reader_fail_type (self, error, node, pacte_reader_kind_phrase (info->kind));
  if (*text == '\0')
    return TRUE;  /* "" means not filled in */

  switch (info->kind)
    {
    case PACTE_FIELD_CHOICE:
      if (info->choices != NULL && !g_strv_contains ((const char * const *) info->choices, text))
        {
          g_autofree char *list = g_strjoinv (", ", (char **) info->choices);

          return pacte_reader_fail (self, error, PACTE_MODEL_ERROR_INVALID,
                       _("unknown value \"%s\"; expected one of %s"), text, list);
        }
      pacte_record_take_string_raw (record, field, g_strdup (text));
      return TRUE;

    case PACTE_FIELD_DATE:
      {
        guint32 julian = pacte_date_parse (text);

        if (julian == 0)
          return pacte_reader_fail (self, error, PACTE_MODEL_ERROR_INVALID,
                       _("\"%s\" is not a real calendar date; expected a date as \"YYYY-MM-DD\""), text);
        pacte_record_set_date_raw (record, field, julian);
        return TRUE;
      }

    case PACTE_FIELD_QUARTER:
      if (!pacte_quarter_parse (text, NULL, NULL))
        return pacte_reader_fail (self, error, PACTE_MODEL_ERROR_INVALID,
                                  _("\"%s\" is not a quarter; expected a quarter as \"YYYY-Qn\" with n from 1 to 4"), text);
      pacte_record_take_string_raw (record, field, g_strdup (text));
      return TRUE;

    case PACTE_FIELD_STRING:
    default:
      pacte_record_take_string_raw (record, field, g_strdup (text));
      return TRUE;
    }
}

gboolean
pacte_reader_load_map_field (PacteRecordReader     *self,
                             PacteRecord           *record,
                             guint                  field,
                             const PacteFieldInfo  *info,
                             JsonNode              *node,
                             GError               **error)
{
  MemberIter iter;
  const char *key;
  JsonNode *value;
  const char *rule_id = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return pacte_reader_fail_type (self, error, node, pacte_reader_kind_phrase (info->kind));

  /* A rule override's parameters must be those of its rule. */
  if (self->rules != NULL && PACTE_IS_OVERRIDE (record) && info->kind == PACTE_FIELD_NUMBER_MAP)
    rule_id = pacte_record_get_string (record, PACTE_OVERRIDE_RULE_ID);

  /* A map is kept sorted by key: the order of its members does not matter,
   * but for which problem is reported first. */
  member_iter_init (&iter, self, json_node_get_object (node));
  while (member_iter_next (&iter, &key, &value))
    {
      guint depth = pacte_reader_path_push_member (self, key);

      if (pacte_reader_node_is_not_filled_in (value, FALSE, FALSE))
        {
          pacte_reader_path_pop (self, depth);
          continue;
        }
      if (info->kind == PACTE_FIELD_STRING_MAP)
        {
          const char *text;

          if (!pacte_reader_node_is_string (value))
            return pacte_reader_fail_type (self, error, value, _("a string"));
          text = json_node_get_string (value);
          if (info->choices != NULL && !g_strv_contains ((const char * const *) info->choices, text))
            {
              g_autofree char *list = g_strjoinv (", ", (char **) info->choices);

              return pacte_reader_fail (self, error, PACTE_MODEL_ERROR_INVALID,
                           _("unknown value \"%s\"; expected one of %s"), text, list);
            }
          pacte_record_map_take_string_raw (record, field, g_strdup (key), g_strdup (text));
        }
      else
        {
          double number;

          if (!pacte_reader_node_get_number (value, &number))
            return pacte_reader_fail_type (self, error, value, _("a number"));
          if (!pacte_reader_check_number (self, error, number, FALSE))
            return FALSE;
          if (rule_id != NULL && !pacte_rule_set_has_param (self->rules, rule_id, key))
            {
              int index = pacte_rule_set_find (self->rules, rule_id);
              const char * const *names = index >= 0 ? pacte_rule_set_get_param_names (self->rules, index) : NULL;
              g_autofree char *list = names != NULL && names[0] != NULL ? g_strjoinv (", ", (char **) names) : NULL;

              if (list != NULL)
                return pacte_reader_fail (self, error, PACTE_MODEL_ERROR_UNKNOWN_RULE,
                             _("rule %s has no parameter \"%s\"; expected one of %s"), rule_id, key, list);
              return pacte_reader_fail (self, error, PACTE_MODEL_ERROR_UNKNOWN_RULE,
                           _("rule %s has no parameter \"%s\"; expected no parameters for this rule"), rule_id, key);
            }
          pacte_record_map_set_number_raw (record, field, key, number);
        }
      pacte_reader_path_pop (self, depth);
    }
  return TRUE;
}
