/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-portfolio-save.c: writing a portfolio file in canonical form.
 *
 * Our own small writer rather than JsonGenerator: json-glib writes 150000 as
 * 150000.0 and does not write the shortest form of a double, and the
 * canonical form must be stable byte for byte so that files diff well.
 *
 * Canonical form: two-space indent, ": " after keys, one member or item per
 * line, known keys in the order of the field tables (a nested object where
 * its first field is), then the members we did not know in their original
 * order, fields that are not filled in left out, map keys and rule ids
 * sorted, one trailing newline. */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "pacte-json-layout-private.h"
#include "pacte-atomic-file.h"
#include "pacte-file-read.h"
#include "pacte-i18n.h"

#define MAX_SAFE_INTEGER 9007199254740992.0  /* 2^53 */

/* ---- Scalars ------------------------------------------------------------ */

static void
append_indent (GString *out,
               guint    indent)
{
  static const char spaces[] = "                                ";

  while (indent > sizeof spaces - 1)
    {
      g_string_append_len (out, spaces, sizeof spaces - 1);
      indent -= sizeof spaces - 1;
    }
  g_string_append_len (out, spaces, indent);
}

static void
append_string (GString    *out,
               const char *text)
{
  const char *run = text;
  const char *p;

  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar c = *p;
      const char *escape = NULL;
      char buffer[8];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\t': escape = "\\t"; break;
        case '\r': escape = "\\r"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          g_snprintf (buffer, sizeof buffer, "\\u%04x", c);
          escape = buffer;
          break;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* Whole numbers up to 2^53 as integers; others in the shortest form that
 * reads back as the same double, whatever the locale, and always with a
 * fraction or an exponent: the loader takes a number written without one
 * for an integer and refuses integers beyond 2^53, so 1.0000090071992548e16
 * must never come out as the integer 10000090071992548.  -0 is written 0. */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 2];
  char format[8];
  guint first;

  if (!isfinite (value))
    {
      /* The loader refuses these; never write invalid JSON. */
      g_string_append (out, "null");
      return;
    }
  if (value == floor (value) && fabs (value) <= MAX_SAFE_INTEGER)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }
  /* Any decimal of 15 significant digits or fewer reads back exactly, so
   * %.15g is the shortest form when it round-trips; subnormal numbers
   * (below DBL_MIN) carry fewer digits and are searched from one digit. */
  first = fabs (value) < DBL_MIN ? 1 : 15;
  for (guint digits = first; digits <= 17; digits++)
    {
      g_snprintf (format, sizeof format, "%%.%ug", digits);
      g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  if (strpbrk (buffer, ".e") == NULL)
    strcat (buffer, ".0");
  g_string_append (out, buffer);
}

/* Starts a member of an object: the separator, the indent, the key. */
static void
begin_member (GString    *out,
              gboolean   *first,
              guint       indent,
              const char *key)
{
  g_string_append (out, *first ? "\n" : ",\n");
  *first = FALSE;
  append_indent (out, indent);
  append_string (out, key);
  g_string_append (out, ": ");
}

static void
end_container (GString  *out,
               gboolean  empty,
               guint     indent,
               char      close)
{
  if (!empty)
    {
      g_string_append_c (out, '\n');
      append_indent (out, indent);
    }
  g_string_append_c (out, close);
}

/* ---- Members we did not know -------------------------------------------- */

static void append_node (GString  *out,
                         JsonNode *node,
                         guint     indent);

static void
append_node (GString  *out,
             JsonNode *node,
             guint     indent)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *member;
        JsonNode *value;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &member, &value))
          {
            begin_member (out, &first, indent + 2, member);
            append_node (out, value, indent + 2);
          }
        end_container (out, first, indent, '}');
        break;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            g_string_append (out, i == 0 ? "\n" : ",\n");
            append_indent (out, indent + 2);
            append_node (out, json_array_get_element (array, i), indent + 2);
          }
        end_container (out, n == 0, indent, ']');
        break;
      }

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          append_string (out, json_node_get_string (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else if (type == G_TYPE_INT64)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else
          append_number (out, json_node_get_double (node));
        break;
      }

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

typedef struct
{
  GString  *out;
  gboolean *first;
  guint     indent;
} UnknownWriter;

static void
write_unknown (const char *member,
               JsonNode   *node,
               gpointer    user_data)
{
  UnknownWriter *w = user_data;

  begin_member (w->out, w->first, w->indent, member);
  append_node (w->out, node, w->indent);
}

/* ---- Records ------------------------------------------------------------ */

static gboolean
field_is_filled (PacteRecord          *record,
                 guint                 field,
                 const PacteFieldInfo *info)
{
  switch (info->kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
    case PACTE_FIELD_QUARTER:
      return pacte_record_get_string (record, field)[0] != '\0';
    case PACTE_FIELD_DATE:
      return pacte_record_get_date (record, field) != 0;
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      return !isnan (pacte_record_get_number (record, field));
    case PACTE_FIELD_BOOLEAN:
      return pacte_record_get_boolean (record, field) >= 0;
    case PACTE_FIELD_STRV:
      return pacte_record_get_strv (record, field)[0] != NULL;
    case PACTE_FIELD_LIST:
      return g_list_model_get_n_items (pacte_record_get_list (record, field)) > 0;
    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
      {
        const char * const *keys = pacte_record_map_get_keys (record, field);

        return keys != NULL && keys[0] != NULL;
      }
    default:
      return FALSE;
    }
}

static void append_record (GString     *out,
                           PacteRecord *record,
                           guint        indent);

static int
compare_by_key (gconstpointer a,
                gconstpointer b)
{
  PacteRecord *ra = *(PacteRecord **) a;
  PacteRecord *rb = *(PacteRecord **) b;

  return strcmp (pacte_record_get_string (ra, PACTE_OVERRIDE_RULE_ID),
                 pacte_record_get_string (rb, PACTE_OVERRIDE_RULE_ID));
}

static void
append_list (GString              *out,
             PacteRecord          *record,
             guint                 field,
             const PacteFieldInfo *info,
             guint                 indent)
{
  GListModel *list = pacte_record_get_list (record, field);
  guint n = g_list_model_get_n_items (list);

  if (pacte_format_is_keyed (info->item_type ()))
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);
      gboolean first = TRUE;

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, g_list_model_get_item (list, i));
      g_ptr_array_sort (items, compare_by_key);
      g_string_append_c (out, '{');
      for (guint i = 0; i < n; i++)
        {
          PacteRecord *item = g_ptr_array_index (items, i);

          begin_member (out, &first, indent + 2,
                        pacte_record_get_string (item, PACTE_OVERRIDE_RULE_ID));
          append_record (out, item, indent + 2);
        }
      end_container (out, first, indent, '}');
      return;
    }

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PacteRecord) item = g_list_model_get_item (list, i);

      g_string_append (out, i == 0 ? "\n" : ",\n");
      append_indent (out, indent + 2);
      append_record (out, item, indent + 2);
    }
  end_container (out, n == 0, indent, ']');
}

static void
append_field (GString              *out,
              PacteRecord          *record,
              guint                 field,
              const PacteFieldInfo *info,
              guint                 indent)
{
  switch (info->kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
    case PACTE_FIELD_QUARTER:
      append_string (out, pacte_record_get_string (record, field));
      break;

    case PACTE_FIELD_DATE:
      {
        g_autofree char *text = pacte_date_format (pacte_record_get_date (record, field));

        if (text != NULL)
          append_string (out, text);
        else
          g_string_append (out, "null");
        break;
      }

    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      {
        double value = pacte_record_get_number (record, field);

        if (isnan (value))
          g_string_append (out, "null");
        else
          append_number (out, value);
        break;
      }

    case PACTE_FIELD_BOOLEAN:
      {
        int value = pacte_record_get_boolean (record, field);

        g_string_append (out, value < 0 ? "null" : value ? "true" : "false");
        break;
      }

    case PACTE_FIELD_STRV:
      {
        const char * const *strv = pacte_record_get_strv (record, field);
        guint i;

        g_string_append_c (out, '[');
        for (i = 0; strv[i] != NULL; i++)
          {
            g_string_append (out, i == 0 ? "\n" : ",\n");
            append_indent (out, indent + 2);
            append_string (out, strv[i]);
          }
        end_container (out, i == 0, indent, ']');
        break;
      }

    case PACTE_FIELD_LIST:
      append_list (out, record, field, info, indent);
      break;

    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
      {
        const char * const *keys = pacte_record_map_get_keys (record, field);
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
          {
            begin_member (out, &first, indent + 2, keys[i]);
            if (info->kind == PACTE_FIELD_STRING_MAP)
              append_string (out, pacte_record_map_get_string (record, field, keys[i]));
            else
              append_number (out, pacte_record_map_get_number (record, field, keys[i]));
          }
        end_container (out, first, indent, '}');
        break;
      }

    default:
      g_assert_not_reached ();
      break;
    }
}

/* A portfolio written with its partners and plans as pieces made
 * beforehand (pacte-portfolio-snapshot.c): the text between them goes to
 * segments, each piece in its place. */
typedef struct {
  PacteFormatPieceFunc  piece;
  PacteFormatItemFunc   item;     /* instead of piece: the items themselves */
  gpointer              data;
  GPtrArray            *segments;
} PieceWriter;

static void
flush_segment (GString     *out,
               PieceWriter *pieces)
{
  if (out->len == 0)
    return;
  g_ptr_array_add (pieces->segments, g_bytes_new (out->str, out->len));
  g_string_truncate (out, 0);
}

static void
append_list_of_pieces (GString     *out,
                       PacteRecord *record,
                       guint        field,
                       guint        indent,
                       PieceWriter *pieces)
{
  /* Items of the portfolio's lists are at indent 4. */
  static const char first_item[] = "\n    ", next_item[] = ",\n    ";
  static GBytes *separators[2];
  GListModel *list = pacte_record_get_list (record, field);
  guint n = g_list_model_get_n_items (list);

  g_assert (indent == 2);
  if (g_once_init_enter (&separators[1]))
    {
      separators[0] = g_bytes_new_static (first_item, sizeof first_item - 1);
      g_once_init_leave (&separators[1], g_bytes_new_static (next_item, sizeof next_item - 1));
    }
  g_string_append_c (out, '[');
  flush_segment (out, pieces);
  if (pieces->item != NULL)
    {
      GBytes *piece;

      for (n = 0; (piece = pieces->item (field, n, pieces->data)) != NULL; n++)
        {
          g_ptr_array_add (pieces->segments, g_bytes_ref (separators[n == 0 ? 0 : 1]));
          g_ptr_array_add (pieces->segments, piece);
        }
    }
  for (guint i = 0; pieces->item == NULL && i < n; i++)
    {
      g_autoptr(PacteRecord) item = g_list_model_get_item (list, i);

      g_ptr_array_add (pieces->segments, g_bytes_ref (separators[i == 0 ? 0 : 1]));
      g_ptr_array_add (pieces->segments, pieces->piece (item, pieces->data));
    }
  end_container (out, n == 0, indent, ']');
}

GBytes *
pacte_format_portfolio_piece (PacteRecord *item)
{
  GString *out = g_string_sized_new (1024);

  /* Where pacte_portfolio_to_bytes() writes the items of partners and plans. */
  append_record (out, item, 4);
  return g_string_free_to_bytes (out);
}

/* The members of one object of the record (its own, or a nested one such as
 * "period"), after those already written (*first is FALSE then). */
static void
append_group_members (GString                *out,
                      PacteRecord            *record,
                      const PacteFormatGroup *group,
                      guint                   indent,
                      gboolean               *first,
                      PieceWriter            *pieces)
{
  UnknownWriter unknown = { out, first, indent };

  for (guint i = 0; i < group->n_entries; i++)
    {
      const PacteFormatEntry *entry = &group->entries[i];

      if (entry->field >= 0)
        {
          const PacteFieldInfo *info = pacte_record_get_field_info (record, entry->field);

          if (field_is_filled (record, entry->field, info)
              || pacte_format_always_written (record, entry->field))
            {
              begin_member (out, first, indent, entry->member);
              if (pieces != NULL && (entry->field == PACTE_PORTFOLIO_PARTNERS || entry->field == PACTE_PORTFOLIO_PLANS))
                append_list_of_pieces (out, record, entry->field, indent, pieces);
              else
                append_field (out, record, entry->field, info, indent);
            }
        }
      else
        {
          /* Written, then taken back if nothing was in it. */
          gsize mark = out->len;
          gboolean was_first = *first;
          gboolean inner_first = TRUE;

          begin_member (out, first, indent, entry->member);
          g_string_append_c (out, '{');
          append_group_members (out, record, entry->group, indent + 2, &inner_first, NULL);
          if (inner_first)
            {
              g_string_truncate (out, mark);
              *first = was_first;
            }
          else
            end_container (out, FALSE, indent, '}');
        }
    }
  pacte_record_foreach_unknown (record, group->object_path, write_unknown, &unknown);
}

static void
append_record (GString     *out,
               PacteRecord *record,
               guint        indent)
{
  const PacteFormatLayout *layout = pacte_format_layout_get (record);
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  append_group_members (out, record, &layout->root, indent + 2, &first, NULL);
  end_container (out, first, indent, '}');
}

static void
append_portfolio (GString        *out,
                  PactePortfolio *self,
                  PieceWriter    *pieces)
{
  PacteRecord *record = PACTE_RECORD (self);
  const PacteFormatLayout *layout = pacte_format_layout_get (record);
  gboolean first = FALSE;

  g_string_append_printf (out, "{\n  \"format\": \"%s\",\n  \"version\": %d",
                          PACTE_PORTFOLIO_FORMAT, PACTE_PORTFOLIO_VERSION);
  append_group_members (out, record, &layout->root, 2, &first, pieces);
  g_string_append (out, "\n}\n");
}

GBytes *
pacte_portfolio_to_bytes (PactePortfolio *self)
{
  GString *out;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), NULL);

  /* About 1 KiB a plan: one allocation for most files. */
  out = g_string_sized_new (4096 + 1024 * (gsize) g_list_model_get_n_items (pacte_portfolio_get_plans (self)));
  append_portfolio (out, self, NULL);
  return g_string_free_to_bytes (out);
}

void
pacte_format_portfolio_segments (PactePortfolio       *self,
                                 PacteFormatPieceFunc  piece,
                                 gpointer              data,
                                 GPtrArray            *segments)
{
  PieceWriter pieces = { piece, NULL, data, segments };
  g_autoptr(GString) out = g_string_sized_new (4096);

  append_portfolio (out, self, &pieces);
  flush_segment (out, &pieces);
}

void
pacte_format_portfolio_segments_items (PactePortfolio      *self,
                                       PacteFormatItemFunc  item,
                                       gpointer             data,
                                       GPtrArray           *segments)
{
  PieceWriter pieces = { NULL, item, data, segments };
  g_autoptr(GString) out = g_string_sized_new (4096);

  append_portfolio (out, self, &pieces);
  flush_segment (out, &pieces);
}

/* ---- Files -------------------------------------------------------------- */

/* Names the file and says what is still safe, keeping the cause's domain and
 * code (G_IO_ERROR_NO_SPACE, G_IO_ERROR_CANCELLED…) for the caller. */
static void
set_save_error (GError      **error,
                GFile        *file,
                gboolean      existed,
                GError       *cause)
{
  g_autofree char *display = pacte_file_display_name (file);
  g_autofree char *message = NULL;

  /* A failed atomic write leaves the target as it was. */
  if (existed)
    message = g_strdup_printf (_("%s: could not save: %s; the original file was not changed"),
                               display, cause->message);
  else
    message = g_strdup_printf (_("%s: could not save: %s; no file was written"),
                               display, cause->message);
  g_free (cause->message);
  cause->message = g_steal_pointer (&message);
  g_propagate_error (error, cause);
}

static gboolean
write_portfolio (GFile         *file,
                 GBytes        *bytes,
                 char         **etag,
                 GCancellable  *cancellable,
                 GError       **error)
{
  GError *local_error = NULL;
  gboolean existed = g_file_query_exists (file, NULL);
  gsize len;
  gconstpointer data = g_bytes_get_data (bytes, &len);

  /* Written beside the target and renamed over it once complete; the
   * previous version is kept as FILE~. */
  if (pacte_atomic_write (file, data, len, PACTE_ATOMIC_BACKUP, etag, cancellable, &local_error))
    return TRUE;
  set_save_error (error, file, existed, local_error);
  return FALSE;
}

gboolean
pacte_portfolio_save (PactePortfolio  *self,
                      GFile           *file,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *etag = NULL;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = pacte_portfolio_to_bytes (self);
  if (!write_portfolio (file, bytes, &etag, cancellable, error))
    return FALSE;
  pacte_portfolio_set_saved (self, file, etag);
  return TRUE;
}

typedef struct
{
  GFile          *file;
  GBytes         *bytes;
  PacteSavePoint  point;
  char           *etag;
} SaveTaskData;

static void
save_task_data_free (gpointer data)
{
  SaveTaskData *td = data;

  g_clear_object (&td->file);
  g_clear_pointer (&td->bytes, g_bytes_unref);
  g_free (td->etag);
  g_free (td);
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveTaskData *td = task_data;
  GError *error = NULL;

  if (write_portfolio (td->file, td->bytes, &td->etag, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_written (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GTask *inner = G_TASK (result);
  SaveTaskData *td = g_task_get_task_data (inner);
  GError *error = NULL;

  /* Back on the caller's thread: only here is the model touched. */
  if (!g_task_propagate_boolean (inner, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  pacte_portfolio_set_saved_at (PACTE_PORTFOLIO (source), td->file, td->etag, &td->point);
  g_task_return_boolean (task, TRUE);
}

static void
snapshot_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GTask) inner = NULL;
  SaveTaskData *td = g_task_get_task_data (task);
  GError *error = NULL;

  td->bytes = pacte_portfolio_snapshot_finish_at (PACTE_PORTFOLIO (source), result, &td->point, &error);
  if (td->bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  inner = g_task_new (source, g_task_get_cancellable (task), save_written, g_object_ref (task));
  g_task_set_check_cancellable (inner, FALSE);
  /* Owned by task, which inner holds until save_written(). */
  g_task_set_task_data (inner, td, NULL);
  g_task_run_in_thread (inner, save_in_thread);
}

void
pacte_portfolio_save_async (PactePortfolio      *self,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  SaveTaskData *td;
  GTask *task;

  g_return_if_fail (PACTE_IS_PORTFOLIO (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pacte_portfolio_save_async);
  /* A file written before a late cancel is saved: say so. */
  g_task_set_check_cancellable (task, FALSE);
  td = g_new0 (SaveTaskData, 1);
  td->file = g_object_ref (file);
  g_task_set_task_data (task, td, save_task_data_free);
  /* The text is made on this thread a slice at a time, from the model as
   * it is when the text is complete (the save point of that state is kept:
   * edits made while the file is written stay modified); the joining and
   * the writing happen in the background. */
  pacte_portfolio_snapshot_async (self, cancellable, snapshot_done, task);
}

gboolean
pacte_portfolio_save_finish (PactePortfolio  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pacte_portfolio_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
