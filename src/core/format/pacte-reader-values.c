/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-reader-values.c: what the record reader (pacte-record-reader.c)
 * says of values: their JSON paths, the phrases of its messages, what a
 * node holds, and the numbers the model can hold; and the file's header
 * (format and version). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-json-scan-private.h"
#include "pacte-record-reader-private.h"
#include "pacte-i18n.h"

gboolean
pacte_reader_fail (PacteRecordReader      *self,
      GError     **error,
      int          code,
      const char  *format,
      ...)
{
  g_autofree char *what = NULL;
  const char *path;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  path = pacte_reader_path (self);
  if (*path != '\0')
    g_set_error (error, PACTE_MODEL_ERROR, code, "%s: %s: %s", self->display, path, what);
  else
    g_set_error (error, PACTE_MODEL_ERROR, code, "%s: %s", self->display, what);
  return FALSE;
}

static gboolean
is_plain_member (const char *member)
{
  if (*member == '\0')
    return FALSE;
  for (const char *p = member; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      return FALSE;
  return TRUE;
}

/* Appends .member (or ["member"]) to path. */
static void
append_member (GString    *path,
               const char *member)
{
  if (is_plain_member (member))
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, member);
    }
  else
    {
      g_string_append (path, "[\"");
      for (const char *p = member; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (path, '\\');
          g_string_append_c (path, *p);
        }
      g_string_append (path, "\"]");
    }
}

guint
pacte_reader_path_grow (PacteRecordReader *self)
{
  self->parts_size = MAX (16, 2 * self->parts_size);
  self->parts = g_renew (PacteReaderPathPart, self->parts, self->parts_size);
  return self->parts_size;
}

const char *
pacte_reader_path (PacteRecordReader *self)
{
  g_string_truncate (self->path, 0);
  for (guint i = 0; i < self->n_parts; i++)
    {
      const PacteReaderPathPart *part = &self->parts[i];

      switch (part->kind)
        {
        case PACTE_READER_PATH_MEMBER:
          append_member (self->path, part->text);
          break;
        case PACTE_READER_PATH_INDEX:
          g_string_append_printf (self->path, "[%u]", part->index);
          break;
        case PACTE_READER_PATH_RAW:
        default:
          g_string_append (self->path, part->text);
          break;
        }
    }
  return self->path->str;
}

static const char *
node_phrase (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          return _("a string");
        if (type == G_TYPE_BOOLEAN)
          return _("true or false");
        return _("a number");
      }
    }
}

gboolean
pacte_reader_fail_type (PacteRecordReader     *self,
           GError    **error,
           JsonNode   *node,
           const char *expected)
{
  return pacte_reader_fail (self, error, PACTE_MODEL_ERROR_INVALID, _("found %s; expected %s"),
               node_phrase (node), expected);
}

const char *
pacte_reader_kind_phrase (PacteFieldKind kind)
{
  switch (kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
      return _("a string");
    case PACTE_FIELD_QUARTER:
      return _("a quarter as \"YYYY-Qn\"");
    case PACTE_FIELD_DATE:
      return _("a date as \"YYYY-MM-DD\"");
    case PACTE_FIELD_NUMBER:
      return _("a number");
    case PACTE_FIELD_INTEGER:
      return _("a whole number");
    case PACTE_FIELD_BOOLEAN:
      return _("true or false");
    case PACTE_FIELD_STRV:
      return _("an array of strings");
    case PACTE_FIELD_LIST:
      return _("an array of objects");
    case PACTE_FIELD_STRING_MAP:
      return _("an object whose values are strings");
    case PACTE_FIELD_NUMBER_MAP:
      return _("an object whose values are numbers");
    default:
      return _("a value");
    }
}

gboolean
pacte_reader_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* null, "", [] and {}: "not filled in", whatever the member (docs/format.md).
 * An empty array where an array belongs (a list) and an empty object where an
 * object belongs (a map, a nested object) are not: they go the normal way. */
gboolean
pacte_reader_node_is_not_filled_in (JsonNode *node,
                       gboolean  array_belongs,
                       gboolean  object_belongs)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return !array_belongs && json_array_get_length (json_node_get_array (node)) == 0;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return !object_belongs && json_object_get_size (json_node_get_object (node)) == 0;
  return json_node_get_value_type (node) == G_TYPE_STRING && *json_node_get_string (node) == '\0';
}

gboolean
pacte_reader_node_get_number (JsonNode *node,
                 double   *value)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else
    return FALSE;
  return TRUE;
}

/* A number that the model can hold exactly. */
gboolean
pacte_reader_check_number (PacteRecordReader  *self,
              GError **error,
              double   value,
              gboolean integer)
{
  if (!isfinite (value))
    return pacte_reader_fail (self, error, PACTE_MODEL_ERROR_TOO_LARGE, _("number out of range; expected a finite number"));
  if (integer && value != floor (value))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return pacte_reader_fail (self, error, PACTE_MODEL_ERROR_INVALID, _("%s is not a whole number; expected a whole number"),
                   g_ascii_dtostr (buffer, sizeof buffer, value));
    }
  if (integer && fabs (value) > PACTE_JSON_MAX_SAFE_INTEGER)
    return pacte_reader_fail (self, error, PACTE_MODEL_ERROR_TOO_LARGE,
                 _("number out of range; expected a whole number between -9007199254740992 and 9007199254740992"));
  return TRUE;
}

/* ---- The file's header ------------------------------------------------ */

/* format and version, before anything else. */
gboolean
pacte_record_reader_check_header (PacteRecordReader  *self,
                                  JsonNode           *format,
                                  JsonNode           *version,
                                  GError            **error)
{
  double number;

  if (format == NULL || !pacte_reader_node_is_string (format)
      || !g_str_equal (json_node_get_string (format), PACTE_PORTFOLIO_FORMAT))
    goto not_portfolio;

  pacte_reader_path_push_member (self, "version");
  if (version == NULL || JSON_NODE_HOLDS_NULL (version))
    return pacte_reader_fail (self, error, PACTE_MODEL_ERROR_INVALID, _("missing; expected the file version, 1"));
  if (!pacte_reader_node_get_number (version, &number))
    return pacte_reader_fail_type (self, error, version, _("the file version, 1"));
  if (number == floor (number) && number > PACTE_PORTFOLIO_VERSION)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_FUTURE_VERSION,
                   _("%s: written by a newer version of Pacte (file version %s, this program reads version %d)"),
                   self->display, g_ascii_formatd (buffer, sizeof buffer, "%.0f", number), PACTE_PORTFOLIO_VERSION);
      return FALSE;
    }
  if (number != PACTE_PORTFOLIO_VERSION)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return pacte_reader_fail (self, error, PACTE_MODEL_ERROR_INVALID, _("unknown file version %s; expected 1"),
                   g_ascii_dtostr (buffer, sizeof buffer, number));
    }
  pacte_reader_path_pop (self, 0);
  return TRUE;

not_portfolio:
  g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_NOT_PORTFOLIO,
               _("%s is not a Pacte portfolio (expected \"format\": \"pacte-portfolio\")"),
               self->display);
  return FALSE;
}
