/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-portfolio-load.c: reading a portfolio file.
 *
 * Three steps.  First one pass over the bytes checks that they are strict
 * JSON (RFC 8259) within our limits: json-glib accepts much more (comments,
 * single quotes, hexadecimal, integers that silently wrap) and overflows its
 * stack on deep nesting, so it only ever sees text that passed this scan.
 * Then json-glib builds the tree.  Last, the tree is walked with the field
 * tables of the record classes (pacte-model.c): every value is checked and
 * stored, members we do not know are kept on the record, and the tree is
 * dropped piece by piece as the model grows.
 *
 * Every failure is one GError naming the file and either line:column (the
 * text) or the JSON path (the values), and what was expected. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-format-private.h"
#include "pacte-i18n.h"
#include "pacte-rules.h"

#define MAX_DEPTH          512
#define MAX_FILE_SIZE      (G_GINT64_CONSTANT (1) << 30)   /* 1 GiB */
#define MAX_STRING_BYTES   (1 << 20)                       /* 1 MiB */
#define MAX_SAFE_INTEGER   9007199254740992.0              /* 2^53 */

/* ---- Layouts ------------------------------------------------------------ */

static GMutex layouts_lock;
static GHashTable *layouts; /* GType -> PacteFormatLayout, never freed */

gboolean
pacte_format_is_keyed (GType item_type)
{
  return item_type == PACTE_TYPE_OVERRIDE;
}

gboolean
pacte_format_always_written (PacteRecord *record,
                             guint        field)
{
  const PacteFieldInfo *info = pacte_record_get_field_info (record, field);

  if (info->required)
    return TRUE;
  /* A portfolio always shows its two lists, even empty: the shape of the
   * file is then obvious to whoever opens it in an editor. */
  return PACTE_IS_PORTFOLIO (record)
         && (field == PACTE_PORTFOLIO_PARTNERS || field == PACTE_PORTFOLIO_PLANS);
}

static PacteFormatGroup *
group_find_subgroup (PacteFormatGroup *group,
                     GArray           *entries,
                     const char       *member)
{
  for (guint i = 0; i < entries->len; i++)
    {
      PacteFormatEntry *entry = &g_array_index (entries, PacteFormatEntry, i);

      if (entry->field < 0 && g_str_equal (entry->member, member))
        return entry->group;
    }
  return NULL;
}

/* Groups under construction keep their entries in a GArray stored in the
 * entries pointer; finish_group turns them into plain arrays. */
static PacteFormatGroup *
new_group (const char *object_path)
{
  PacteFormatGroup *group = g_new0 (PacteFormatGroup, 1);

  group->object_path = g_strdup (object_path);
  group->entries = (PacteFormatEntry *) g_array_new (FALSE, TRUE, sizeof (PacteFormatEntry));
  return group;
}

static void
finish_group (PacteFormatGroup *group)
{
  GArray *entries = (GArray *) group->entries;

  group->n_entries = entries->len;
  group->entries = (PacteFormatEntry *) (void *) g_array_free (entries, FALSE);
  for (guint i = 0; i < group->n_entries; i++)
    if (group->entries[i].group != NULL)
      finish_group (group->entries[i].group);
}

static PacteFormatLayout *
build_layout (PacteRecord *record)
{
  PacteFormatLayout *layout = g_new0 (PacteFormatLayout, 1);
  PacteFormatGroup *root = new_group ("");
  guint n_fields = pacte_record_get_n_fields (record);

  layout->key_field = -1;
  layout->id_field = -1;

  for (guint f = 0; f < n_fields; f++)
    {
      const PacteFieldInfo *info = pacte_record_get_field_info (record, f);
      g_auto(GStrv) parts = NULL;
      PacteFormatGroup *group = root;
      guint n_parts;

      /* No path: the member name under which the record is written
       * (an override's rule id). */
      if (info->json_path == NULL)
        {
          layout->key_field = f;
          continue;
        }
      if (g_str_equal (info->json_path, "id"))
        layout->id_field = f;

      parts = g_strsplit (info->json_path, ".", -1);
      n_parts = g_strv_length (parts);
      for (guint p = 0; p + 1 < n_parts; p++)
        {
          GArray *entries = (GArray *) group->entries;
          PacteFormatGroup *sub = group_find_subgroup (group, entries, parts[p]);

          if (sub == NULL)
            {
              g_autofree char *saved = parts[p + 1];
              g_autofree char *path = NULL;
              PacteFormatEntry entry = { 0 };

              /* object_path: the first p + 1 parts */
              parts[p + 1] = NULL;
              path = g_strjoinv (".", parts);
              parts[p + 1] = g_steal_pointer (&saved);
              sub = new_group (path);
              entry.member = g_intern_string (parts[p]);
              entry.field = -1;
              entry.group = sub;
              g_array_append_val (entries, entry);
            }
          group = sub;
        }
      {
        PacteFormatEntry entry = { 0 };

        entry.member = g_intern_string (parts[n_parts - 1]);
        entry.field = f;
        g_array_append_val ((GArray *) group->entries, entry);
      }
    }
  finish_group (root);
  layout->root = *root;
  g_free (root);
  return layout;
}

const PacteFormatLayout *
pacte_format_layout_get (PacteRecord *record)
{
  GType type = G_OBJECT_TYPE (record);
  PacteFormatLayout *layout;

  g_mutex_lock (&layouts_lock);
  if (layouts == NULL)
    layouts = g_hash_table_new (g_direct_hash, g_direct_equal);
  layout = g_hash_table_lookup (layouts, GSIZE_TO_POINTER (type));
  if (layout == NULL)
    {
      layout = build_layout (record);
      g_hash_table_insert (layouts, GSIZE_TO_POINTER (type), layout);
    }
  g_mutex_unlock (&layouts_lock);
  return layout;
}

/* ---- Positions and messages --------------------------------------------- */

/* 1-based line and column (in characters) of a byte offset. */
static void
position_of (const char *data,
             gsize       offset,
             guint      *line,
             guint      *column)
{
  guint l = 1, c = 1;

  for (gsize i = 0; i < offset; i++)
    {
      guchar b = data[i];

      if (b == '\n')
        {
          l++;
          c = 1;
        }
      else if ((b & 0xC0) != 0x80)
        c++;
    }
  *line = l;
  *column = c;
}

static gboolean G_GNUC_PRINTF (6, 7)
fail_at (GError     **error,
         int          code,
         const char  *display,
         const char  *data,
         gsize        offset,
         const char  *format,
         ...)
{
  g_autofree char *what = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  position_of (data, offset, &line, &column);
  g_set_error (error, PACTE_MODEL_ERROR, code, "%s:%u:%u: %s", display, line, column, what);
  return FALSE;
}

/* A short quotable form of the text at data[offset], for messages. */
static char *
excerpt (const char *data,
         gsize       len,
         gsize       offset,
         gsize       token_len)
{
  gsize n = MIN (token_len, len - offset);

  if (n > 40)
    {
      const char *end = g_utf8_find_prev_char (data + offset, data + offset + 40);

      return g_strdup_printf ("%.*s…", (int) (end - (data + offset)), data + offset);
    }
  return g_strndup (data + offset, n);
}

/* The character at data[offset], quoted, or its code point. */
static char *
describe_char (const char *data,
               gsize       len,
               gsize       offset)
{
  gunichar c = g_utf8_get_char_validated (data + offset, len - offset);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    return g_strdup_printf ("0x%02X", (guchar) data[offset]);
  if (c == '"')
    return g_strdup ("'\"'");
  if (g_unichar_isgraph (c))
    return g_strdup_printf ("\"%.*s\"", (int) g_unichar_to_utf8 (c, NULL), data + offset);
  return g_strdup_printf ("U+%04X", c);
}

/* ---- Step 1: the bytes -------------------------------------------------- */

typedef enum {
  ST_VALUE,              /* a value must come */
  ST_FIRST_VALUE_OR_END, /* just after "[" */
  ST_FIRST_KEY_OR_END,   /* just after "{" */
  ST_KEY,                /* after "," in an object */
  ST_COLON,
  ST_COMMA_OR_END,
  ST_DONE,
} ScanState;

typedef struct
{
  const char *data;
  gsize       len;
  const char *display;
  GError    **error;
} Scanner;

static inline gboolean
is_json_space (guchar c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits at data[i]; -1 when they are not. */
static int
read_hex4 (Scanner *s,
           gsize    i)
{
  int value = 0;

  if (i + 4 > s->len)
    return -1;
  for (int k = 0; k < 4; k++)
    {
      int h = hex_value (s->data[i + k]);

      if (h < 0)
        return -1;
      value = value * 16 + h;
    }
  return value;
}

/* A string starting at the quote *pos; leaves *pos after the closing quote. */
static gboolean
scan_string (Scanner *s,
             gsize   *pos)
{
  const char *data = s->data;
  gsize start = *pos;
  gsize i = start + 1;

  for (;;)
    {
      guchar c;

      if (i >= s->len)
        return fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, start,
                        _("unterminated string; expected a closing '\"'"));
      c = data[i];
      if (c == '"')
        break;
      if (c < 0x20)
        {
          if (c == '\n' || c == '\r')
            return fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, i,
                            _("line break inside a string; expected \\n or a closing '\"'"));
          return fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, i,
                          _("control character U+%04X inside a string; expected it written as an escape such as \\t or \\u%04X"),
                          c, c);
        }
      if (c == '\\')
        {
          guchar e = i + 1 < s->len ? data[i + 1] : 0;

          switch (e)
            {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
              i += 2;
              continue;
            case 'u':
              {
                int u = read_hex4 (s, i + 2);

                if (u < 0)
                  return fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, i,
                                  _("invalid \\u escape; expected four hexadecimal digits"));
                if (u == 0)
                  return fail_at (s->error, PACTE_MODEL_ERROR_ENCODING, s->display, data, i,
                                  _("\\u0000 (a NUL character) inside a string; expected text without NUL characters"));
                if (u >= 0xDC00 && u <= 0xDFFF)
                  return fail_at (s->error, PACTE_MODEL_ERROR_ENCODING, s->display, data, i,
                                  _("lone low surrogate \\u%04X; expected a complete character"), u);
                if (u >= 0xD800 && u <= 0xDBFF)
                  {
                    int low = (i + 7 < s->len && data[i + 6] == '\\' && data[i + 7] == 'u')
                              ? read_hex4 (s, i + 8) : -1;

                    if (low < 0xDC00 || low > 0xDFFF)
                      return fail_at (s->error, PACTE_MODEL_ERROR_ENCODING, s->display, data, i,
                                      _("lone high surrogate \\u%04X; expected it followed by a low surrogate \\uDC00 to \\uDFFF"), u);
                    i += 6;
                  }
                i += 6;
                continue;
              }
            default:
              if (e == 0 && i + 1 >= s->len)
                return fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, start,
                                _("unterminated string; expected a closing '\"'"));
              {
                g_autofree char *what = describe_char (data, s->len, i + 1);

                return fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, i,
                                _("invalid escape \\%s; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"),
                                what);
              }
            }
        }
      i++;
    }
  if (i - start - 1 > MAX_STRING_BYTES)
    return fail_at (s->error, PACTE_MODEL_ERROR_TOO_LARGE, s->display, data, start,
                    _("string of %lu bytes; expected at most 1 MiB"),
                    (unsigned long) (i - start - 1));
  *pos = i + 1;
  return TRUE;
}

static gboolean
scan_number (Scanner *s,
             gsize   *pos)
{
  const char *data = s->data;
  gsize start = *pos;
  gsize i = start;
  gsize int_digits = 0;
  gboolean is_integer = TRUE;

  if (data[i] == '-')
    i++;
  if (i >= s->len || !g_ascii_isdigit (data[i]))
    return fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, i,
                    _("a minus sign not followed by a digit; expected a number"));
  if (data[i] == '0')
    {
      i++;
      int_digits = 1;
      if (i < s->len && g_ascii_isdigit (data[i]))
        return fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, start,
                        _("a number with a leading zero; expected a number written without leading zeros"));
    }
  else
    while (i < s->len && g_ascii_isdigit (data[i]))
      {
        i++;
        int_digits++;
      }
  if (i < s->len && data[i] == '.')
    {
      is_integer = FALSE;
      i++;
      if (i >= s->len || !g_ascii_isdigit (data[i]))
        return fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, i,
                        _("no digit after the decimal point; expected a digit"));
      while (i < s->len && g_ascii_isdigit (data[i]))
        i++;
    }
  if (i < s->len && (data[i] == 'e' || data[i] == 'E'))
    {
      is_integer = FALSE;
      i++;
      if (i < s->len && (data[i] == '+' || data[i] == '-'))
        i++;
      if (i >= s->len || !g_ascii_isdigit (data[i]))
        return fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, i,
                        _("no digit in the exponent; expected a digit"));
      while (i < s->len && g_ascii_isdigit (data[i]))
        i++;
    }

  if (is_integer)
    {
      /* json-glib would wrap an integer beyond 64 bits around silently. */
      gboolean too_large = int_digits > 16;

      if (int_digits == 16)
        {
          const char *digits = data + start + (data[start] == '-' ? 1 : 0);

          too_large = g_ascii_strtoull (digits, NULL, 10) > (guint64) MAX_SAFE_INTEGER;
        }
      if (too_large)
        {
          g_autofree char *text = excerpt (data, s->len, start, i - start);

          return fail_at (s->error, PACTE_MODEL_ERROR_TOO_LARGE, s->display, data, start,
                          _("number %s is out of range; expected a whole number between -9007199254740992 and 9007199254740992"),
                          text);
        }
    }
  else
    {
      char buffer[64];
      const char *text = data + start;
      double value;

      /* g_ascii_strtod needs a terminated string; the data is not. */
      if (i - start < sizeof buffer)
        {
          memcpy (buffer, data + start, i - start);
          buffer[i - start] = '\0';
          text = buffer;
          value = g_ascii_strtod (text, NULL);
        }
      else
        {
          g_autofree char *copy = g_strndup (data + start, i - start);

          value = g_ascii_strtod (copy, NULL);
        }
      if (!isfinite (value))
        {
          g_autofree char *shown = excerpt (data, s->len, start, i - start);

          return fail_at (s->error, PACTE_MODEL_ERROR_TOO_LARGE, s->display, data, start,
                          _("number %s is too large; expected a finite number"), shown);
        }
    }
  *pos = i;
  return TRUE;
}

static gboolean
scan_literal (Scanner *s,
              gsize   *pos)
{
  static const char * const literals[] = { "true", "false", "null" };
  gsize i = *pos;

  for (guint k = 0; k < G_N_ELEMENTS (literals); k++)
    {
      gsize n = strlen (literals[k]);

      if (s->data[i] == literals[k][0])
        {
          if (i + n <= s->len && memcmp (s->data + i, literals[k], n) == 0)
            {
              *pos = i + n;
              return TRUE;
            }
          break;
        }
    }
  {
    gsize end = i;
    g_autofree char *word = NULL;

    while (end < s->len && g_ascii_isalnum (s->data[end]))
      end++;
    word = excerpt (s->data, s->len, i, end - i);
    return fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, s->data, i,
                    _("unknown word \"%s\"; expected a value: a string in double quotes, a number, true, false, null, an object or an array"),
                    word);
  }
}

static gboolean
fail_unexpected (Scanner    *s,
                 gsize       i,
                 const char *expected)
{
  g_autofree char *what = NULL;
  guchar c = s->data[i];

  if (c == '/')
    return fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, s->data, i,
                    _("a comment; expected %s (JSON has no comments)"), expected);
  if (c == '\'')
    return fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, s->data, i,
                    _("a single quote; expected %s (JSON strings are in double quotes)"), expected);
  what = describe_char (s->data, s->len, i);
  return fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, s->data, i,
                  _("unexpected character %s; expected %s"), what, expected);
}

/* Strict JSON, nesting at most MAX_DEPTH, nothing after the value. */
static gboolean
scan_json (const char  *data,
           gsize        len,
           const char  *display,
           GError     **error)
{
  Scanner s = { data, len, display, error };
  char stack[MAX_DEPTH];
  guint depth = 0;
  ScanState state = ST_VALUE;
  gboolean after_comma = FALSE;
  gsize i = 0;

  for (;;)
    {
      guchar c;

      while (i < len && is_json_space (data[i]))
        i++;
      if (i >= len)
        {
          const char *expected;

          if (state == ST_DONE)
            return TRUE;
          switch (state)
            {
            case ST_COLON: expected = "\":\""; break;
            case ST_KEY: expected = _("a member name in double quotes"); break;
            case ST_COMMA_OR_END:
              expected = stack[depth - 1] == '{' ? "\",\" or \"}\"" : "\",\" or \"]\"";
              break;
            case ST_FIRST_KEY_OR_END: expected = _("a member name or \"}\""); break;
            case ST_FIRST_VALUE_OR_END: expected = _("a value or \"]\""); break;
            case ST_VALUE:
            case ST_DONE:
            default:
              expected = _("a value");
              break;
            }
          return fail_at (error, PACTE_MODEL_ERROR_SYNTAX, display, data, len,
                          _("the file ends too early; expected %s"), expected);
        }
      c = data[i];
      switch (state)
        {
        case ST_DONE:
          return fail_at (error, PACTE_MODEL_ERROR_SYNTAX, display, data, i,
                          _("more content after the end of the JSON document; expected nothing after its closing bracket"));

        case ST_COLON:
          if (c != ':')
            return fail_unexpected (&s, i, "\":\"");
          i++;
          state = ST_VALUE;
          after_comma = FALSE;
          continue;

        case ST_COMMA_OR_END:
          if (c == ',')
            {
              i++;
              state = stack[depth - 1] == '{' ? ST_KEY : ST_VALUE;
              after_comma = TRUE;
              continue;
            }
          if (c == (stack[depth - 1] == '{' ? '}' : ']'))
            {
              i++;
              depth--;
              state = depth > 0 ? ST_COMMA_OR_END : ST_DONE;
              continue;
            }
          return fail_unexpected (&s, i, stack[depth - 1] == '{' ? "\",\" or \"}\"" : "\",\" or \"]\"");

        case ST_FIRST_KEY_OR_END:
          if (c == '}')
            {
              i++;
              depth--;
              state = depth > 0 ? ST_COMMA_OR_END : ST_DONE;
              continue;
            }
          G_GNUC_FALLTHROUGH;
        case ST_KEY:
          if (c != '"')
            {
              if (after_comma && c == '}')
                return fail_at (error, PACTE_MODEL_ERROR_SYNTAX, display, data, i,
                                _("a comma before \"}\"; expected another member (JSON allows no trailing comma)"));
              return fail_unexpected (&s, i, _("a member name in double quotes"));
            }
          if (!scan_string (&s, &i))
            return FALSE;
          state = ST_COLON;
          continue;

        case ST_FIRST_VALUE_OR_END:
          if (c == ']')
            {
              i++;
              depth--;
              state = depth > 0 ? ST_COMMA_OR_END : ST_DONE;
              continue;
            }
          G_GNUC_FALLTHROUGH;
        case ST_VALUE:
        default:
          if (c == '{' || c == '[')
            {
              if (depth >= MAX_DEPTH)
                return fail_at (error, PACTE_MODEL_ERROR_TOO_DEEP, display, data, i,
                                _("nested more than %d levels deep; expected a portfolio nested at most %d levels"),
                                MAX_DEPTH, MAX_DEPTH);
              stack[depth++] = c;
              i++;
              state = c == '{' ? ST_FIRST_KEY_OR_END : ST_FIRST_VALUE_OR_END;
              after_comma = FALSE;
              continue;
            }
          if (c == '"')
            {
              if (!scan_string (&s, &i))
                return FALSE;
            }
          else if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (&s, &i))
                return FALSE;
            }
          else if (g_ascii_isalpha (c))
            {
              if (!scan_literal (&s, &i))
                return FALSE;
            }
          else if (after_comma && (c == ']' || c == '}'))
            return fail_at (error, PACTE_MODEL_ERROR_SYNTAX, display, data, i,
                            _("a comma before \"%c\"; expected another value (JSON allows no trailing comma)"), c);
          else
            return fail_unexpected (&s, i, _("a value"));
          state = depth > 0 ? ST_COMMA_OR_END : ST_DONE;
          after_comma = FALSE;
          continue;
        }
    }
}

/* Everything that can be said about the bytes before parsing them. */
static gboolean
check_text (const char **data_inout,
            gsize       *len_inout,
            const char  *display,
            GError     **error)
{
  const char *data = *data_inout;
  gsize len = *len_inout;
  const char *end = NULL;
  gsize i;

  if ((guint64) len > (guint64) MAX_FILE_SIZE)
    {
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_TOO_LARGE,
                   _("%s: the file is %lu MiB; expected at most 1024 MiB"),
                   display, (unsigned long) (len >> 20));
      return FALSE;
    }
  for (i = 0; i < len && g_ascii_isspace (data[i]); i++)
    ;
  if (i == len)
    {
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_EMPTY,
                   len == 0 ? _("%s: the file is empty; expected a Pacte portfolio")
                            : _("%s: the file contains only white space; expected a Pacte portfolio"),
                   display);
      return FALSE;
    }
  if (!g_utf8_validate_len (data, len, &end))
    {
      gsize offset = end - data;

      if (data[offset] == '\0')
        return fail_at (error, PACTE_MODEL_ERROR_ENCODING, display, data, offset,
                        _("a NUL byte (is this a binary file?); expected UTF-8 text"));
      return fail_at (error, PACTE_MODEL_ERROR_ENCODING, display, data, offset,
                      _("byte 0x%02X is not valid UTF-8; expected a file saved as UTF-8"),
                      (guchar) data[offset]);
    }
  /* A byte order mark is not JSON, but some editors write one. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      *data_inout = data + 3;
      *len_inout = len - 3;
      return scan_json (data + 3, len - 3, display, error);
    }
  return scan_json (data, len, display, error);
}

/* json-glib's messages look like "<data>:12:5: Parse error: unexpected …". */
static void
set_parser_error (GError     **error,
                  const char  *display,
                  const char  *message)
{
  const char *p = message;
  guint64 line, column;
  char *rest;

  if (g_str_has_prefix (p, "<data>:"))
    {
      p += strlen ("<data>:");
      line = g_ascii_strtoull (p, &rest, 10);
      if (rest != p && *rest == ':')
        {
          p = rest + 1;
          column = g_ascii_strtoull (p, &rest, 10);
          if (rest != p && *rest == ':')
            {
              p = rest + 1;
              while (*p == ' ')
                p++;
              if (g_str_has_prefix (p, "Parse error: "))
                p += strlen ("Parse error: ");
              g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_SYNTAX,
                           "%s:%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ": %s",
                           display, line, column, p);
              return;
            }
        }
    }
  g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_SYNTAX, "%s: %s", display, message);
}

/* ---- Step 3: the tree --------------------------------------------------- */

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

typedef struct
{
  const char   *display;
  PacteRuleSet *rules;
  GString      *path;          /* JSON path of the value being read */
  GHashTable   *partner_ids;   /* id -> index + 1, once the partners are read */
  GArray       *pending;       /* PendingRef: partner ids named before the partners were read */
  GArray       *unknowns;      /* Unknown: a stack, one slice per record being read */
} Loader;

static void
pending_ref_clear (gpointer data)
{
  PendingRef *ref = data;

  g_free (ref->path);
  g_free (ref->id);
}

static gboolean G_GNUC_PRINTF (4, 5)
fail (Loader      *self,
      GError     **error,
      int          code,
      const char  *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (self->path->len > 0)
    g_set_error (error, PACTE_MODEL_ERROR, code, "%s: %s: %s", self->display, self->path->str, what);
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

/* Appends .member (or ["member"]) to the path; returns the length to restore. */
static gsize
path_push_member (GString    *path,
                  const char *member)
{
  gsize len = path->len;

  if (is_plain_member (member))
    {
      if (len > 0)
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
  return len;
}

static gsize
path_push_index (GString *path,
                 guint    index)
{
  gsize len = path->len;

  g_string_append_printf (path, "[%u]", index);
  return len;
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

static gboolean
fail_type (Loader     *self,
           GError    **error,
           JsonNode   *node,
           const char *expected)
{
  return fail (self, error, PACTE_MODEL_ERROR_INVALID, _("found %s; expected %s"),
               node_phrase (node), expected);
}

static const char *
kind_phrase (PacteFieldKind kind)
{
  switch (kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
      return _("a string");
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

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_get_number (JsonNode *node,
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
static gboolean
check_number (Loader  *self,
              GError **error,
              double   value,
              gboolean integer)
{
  if (!isfinite (value))
    return fail (self, error, PACTE_MODEL_ERROR_TOO_LARGE, _("number out of range; expected a finite number"));
  if (integer && value != floor (value))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return fail (self, error, PACTE_MODEL_ERROR_INVALID, _("%s is not a whole number; expected a whole number"),
                   g_ascii_dtostr (buffer, sizeof buffer, value));
    }
  if (integer && fabs (value) > MAX_SAFE_INTEGER)
    return fail (self, error, PACTE_MODEL_ERROR_TOO_LARGE,
                 _("number out of range; expected a whole number between -9007199254740992 and 9007199254740992"));
  return TRUE;
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
  return fail (self, error, PACTE_MODEL_ERROR_UNKNOWN_REFERENCE,
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
          g_string_assign (self->path, ref->path);
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
load_string_field (Loader               *self,
                   PacteRecord          *record,
                   guint                 field,
                   const PacteFieldInfo *info,
                   JsonNode             *node,
                   GError              **error)
{
  const char *text;

  if (!node_is_string (node))
    return fail_type (self, error, node, kind_phrase (info->kind));
  text = json_node_get_string (node);
  if (*text == '\0')
    return TRUE;  /* "" means not filled in */

  switch (info->kind)
    {
    case PACTE_FIELD_CHOICE:
      if (info->choices != NULL && !g_strv_contains ((const char * const *) info->choices, text))
        {
          g_autofree char *list = g_strjoinv (", ", (char **) info->choices);

          return fail (self, error, PACTE_MODEL_ERROR_INVALID,
                       _("unknown value \"%s\"; expected one of %s"), text, list);
        }
      pacte_record_take_string_raw (record, field, g_strdup (text));
      return TRUE;

    case PACTE_FIELD_DATE:
      {
        guint32 julian = pacte_date_parse (text);

        if (julian == 0)
          return fail (self, error, PACTE_MODEL_ERROR_INVALID,
                       _("\"%s\" is not a real calendar date; expected a date as \"YYYY-MM-DD\""), text);
        pacte_record_set_date_raw (record, field, julian);
        return TRUE;
      }

    case PACTE_FIELD_STRING:
    default:
      if (PACTE_IS_FORECAST (record) && field == PACTE_FORECAST_QUARTER)
        {
          int year, quarter;

          if (!pacte_quarter_parse (text, &year, &quarter))
            return fail (self, error, PACTE_MODEL_ERROR_INVALID,
                         _("\"%s\" is not a quarter; expected a quarter as \"YYYY-Qn\" with n from 1 to 4"), text);
        }
      pacte_record_take_string_raw (record, field, g_strdup (text));
      return TRUE;
    }
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
    return fail_type (self, error, node, _("an array of strings"));
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n == 0)
    return TRUE;

  strv = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      gsize len = path_push_index (self->path, i);
      const char *text;

      if (!node_is_string (item))
        {
          fail_type (self, error, item, _("a string"));
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
          else
            {
              PendingRef ref = { g_strdup (self->path->str), g_strdup (text) };

              g_array_append_val (self->pending, ref);
            }
        }
      strv[i] = g_strdup (text);
      g_string_truncate (self->path, len);
    }
  pacte_record_take_strv_raw (record, field, strv);
  return TRUE;
}

static gboolean
load_map_field (Loader               *self,
                PacteRecord          *record,
                guint                 field,
                const PacteFieldInfo *info,
                JsonNode             *node,
                GError              **error)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  const char *rule_id = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_type (self, error, node, kind_phrase (info->kind));

  /* A rule override's parameters must be those of its rule. */
  if (self->rules != NULL && PACTE_IS_OVERRIDE (record) && info->kind == PACTE_FIELD_NUMBER_MAP)
    rule_id = pacte_record_get_string (record, PACTE_OVERRIDE_RULE_ID);

  json_object_iter_init_ordered (&iter, json_node_get_object (node));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      gsize len = path_push_member (self->path, key);

      if (JSON_NODE_HOLDS_NULL (value))
        {
          g_string_truncate (self->path, len);
          continue;
        }
      if (info->kind == PACTE_FIELD_STRING_MAP)
        {
          const char *text;

          if (!node_is_string (value))
            return fail_type (self, error, value, _("a string"));
          text = json_node_get_string (value);
          if (info->choices != NULL && !g_strv_contains ((const char * const *) info->choices, text))
            {
              g_autofree char *list = g_strjoinv (", ", (char **) info->choices);

              return fail (self, error, PACTE_MODEL_ERROR_INVALID,
                           _("unknown value \"%s\"; expected one of %s"), text, list);
            }
          pacte_record_map_take_string_raw (record, field, g_strdup (key), g_strdup (text));
        }
      else
        {
          double number;

          if (!node_get_number (value, &number))
            return fail_type (self, error, value, _("a number"));
          if (!check_number (self, error, number, FALSE))
            return FALSE;
          if (rule_id != NULL && !pacte_rule_set_has_param (self->rules, rule_id, key))
            {
              int index = pacte_rule_set_find (self->rules, rule_id);
              const char * const *names = index >= 0 ? pacte_rule_set_get_param_names (self->rules, index) : NULL;
              g_autofree char *list = names != NULL && names[0] != NULL ? g_strjoinv (", ", (char **) names) : NULL;

              if (list != NULL)
                return fail (self, error, PACTE_MODEL_ERROR_UNKNOWN_RULE,
                             _("rule %s has no parameter \"%s\"; expected one of %s"), rule_id, key, list);
              return fail (self, error, PACTE_MODEL_ERROR_UNKNOWN_RULE,
                           _("rule %s has no parameter \"%s\"; expected no parameters for this rule"), rule_id, key);
            }
          pacte_record_map_set_number_raw (record, field, key, number);
        }
      g_string_truncate (self->path, len);
    }
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
    return fail_type (self, error, node, _("an object whose members are rule ids"));
  object = json_node_get_object (node);
  members = g_list_sort (json_object_get_members (object), (GCompareFunc) strcmp);
  for (GList *l = members; ok && l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *value = json_object_get_member (object, key);
      gsize len = path_push_member (self->path, key);
      g_autoptr(PacteRecord) item = NULL;

      if (JSON_NODE_HOLDS_NULL (value))
        ;  /* not filled in */
      else if (!JSON_NODE_HOLDS_OBJECT (value))
        ok = fail_type (self, error, value, _("an object"));
      else if (*key == '\0')
        ok = fail (self, error, PACTE_MODEL_ERROR_INVALID, _("empty rule id; expected a rule id such as \"R01\""));
      else if (self->rules != NULL && !pacte_rule_set_has_rule (self->rules, key))
        {
          g_autofree char *list = rule_id_list (self->rules);

          ok = fail (self, error, PACTE_MODEL_ERROR_UNKNOWN_RULE,
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
        g_string_truncate (self->path, len);
    }
  g_list_free (members);
  return ok;
}

static gboolean
load_list (Loader               *self,
           PacteRecord          *record,
           guint                 field,
           const PacteFieldInfo *info,
           JsonNode             *node,
           GError              **error)
{
  GType item_type = info->item_type ();
  JsonArray *array;
  guint n;
  g_autoptr(GHashTable) ids = NULL;
  int id_field = -1;
  gboolean top = PACTE_IS_PORTFOLIO (record);

  if (pacte_format_is_keyed (item_type))
    return load_keyed_list (self, record, field, item_type, node, error);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (self, error, node, _("an array of objects"));
  array = json_node_get_array (node);
  n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *item_node = json_array_get_element (array, i);
      gsize len = path_push_index (self->path, i);
      g_autoptr(PacteRecord) item = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item_node))
        return fail_type (self, error, item_node, _("an object"));
      item = g_object_new (item_type, NULL);
      if (!load_record (self, item, json_node_get_object (item_node), error))
        return FALSE;

      if (i == 0)
        {
          id_field = pacte_format_layout_get (item)->id_field;
          if (id_field >= 0)
            ids = g_hash_table_new (g_str_hash, g_str_equal);
        }
      if (ids != NULL)
        {
          /* The key is owned by the item, which the list keeps alive. */
          const char *id = pacte_record_get_string (item, id_field);
          gpointer first = g_hash_table_lookup (ids, id);

          if (first != NULL)
            {
              g_autofree char *where = NULL;

              g_string_truncate (self->path, len);
              path_push_index (self->path, GPOINTER_TO_UINT (first) - 1);
              where = g_strdup (self->path->str);
              g_string_truncate (self->path, len);
              path_push_index (self->path, i);
              path_push_member (self->path, "id");
              return fail (self, error, PACTE_MODEL_ERROR_DUPLICATE_ID,
                           _("duplicate id \"%s\", already used by %s; expected each id once"), id, where);
            }
          g_hash_table_insert (ids, (gpointer) id, GUINT_TO_POINTER (i + 1));
        }
      pacte_record_list_append_raw (record, field, item);
      /* Drop this part of the tree now that the model has it, so that the
       * whole tree and the whole model are never in memory together. */
      if (top)
        json_node_init_null (item_node);
      g_string_truncate (self->path, len);
    }

  if (top && field == PACTE_PORTFOLIO_PARTNERS)
    {
      if (ids == NULL)
        ids = g_hash_table_new (g_str_hash, g_str_equal);
      g_clear_pointer (&self->partner_ids, g_hash_table_unref);
      self->partner_ids = g_steal_pointer (&ids);
      return check_pending_refs (self, error);
    }
  return TRUE;
}

static gboolean
load_field (Loader      *self,
            PacteRecord *record,
            guint        field,
            JsonNode    *node,
            GError     **error)
{
  const PacteFieldInfo *info = pacte_record_get_field_info (record, field);

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;  /* null: not filled in */

  switch (info->kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
    case PACTE_FIELD_DATE:
      return load_string_field (self, record, field, info, node, error);

    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      {
        double value;

        if (node_is_string (node) && *json_node_get_string (node) == '\0')
          return TRUE;  /* "" means not filled in */
        if (!node_get_number (node, &value))
          return fail_type (self, error, node, kind_phrase (info->kind));
        if (!check_number (self, error, value, info->kind == PACTE_FIELD_INTEGER))
          return FALSE;
        pacte_record_set_number_raw (record, field, value);
        return TRUE;
      }

    case PACTE_FIELD_BOOLEAN:
      if (node_is_string (node) && *json_node_get_string (node) == '\0')
        return TRUE;
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return fail_type (self, error, node, kind_phrase (info->kind));
      pacte_record_set_boolean_raw (record, field, json_node_get_boolean (node) ? 1 : 0);
      return TRUE;

    case PACTE_FIELD_STRV:
      return load_strv_field (self, record, field, node, error);

    case PACTE_FIELD_LIST:
      return load_list (self, record, field, info, node, error);

    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
      return load_map_field (self, record, field, info, node, error);

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

static gboolean
load_group (Loader                  *self,
            PacteRecord             *record,
            const PacteFormatGroup  *group,
            JsonObject              *object,
            GError                 **error)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;
  gboolean root_of_file = PACTE_IS_PORTFOLIO (record) && group->object_path[0] == '\0';

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      const PacteFormatEntry *entry = NULL;
      gsize len;

      for (guint i = 0; i < group->n_entries; i++)
        if (g_str_equal (group->entries[i].member, member))
          {
            entry = &group->entries[i];
            break;
          }

      if (entry == NULL)
        {
          Unknown u = { group, member, node };

          /* format and version were checked before the walk. */
          if (!root_of_file || (!g_str_equal (member, "format") && !g_str_equal (member, "version")))
            g_array_append_val (self->unknowns, u);
          continue;
        }

      len = path_push_member (self->path, member);
      if (entry->field >= 0)
        {
          if (!load_field (self, record, entry->field, node, error))
            return FALSE;
        }
      else if (JSON_NODE_HOLDS_OBJECT (node))
        {
          if (!load_group (self, record, entry->group, json_node_get_object (node), error))
            return FALSE;
        }
      else if (!JSON_NODE_HOLDS_NULL (node))
        return fail_type (self, error, node, _("an object"));
      g_string_truncate (self->path, len);
    }
  return TRUE;
}

static gboolean
load_record (Loader      *self,
             PacteRecord *record,
             JsonObject  *object,
             GError     **error)
{
  const PacteFormatLayout *layout = pacte_format_layout_get (record);
  guint n_fields = pacte_record_get_n_fields (record);
  /* This record's unknown members go on top of the loader's stack; the
   * records nested in it push and pop theirs in between. */
  guint start = self->unknowns->len;

  if (!load_group (self, record, &layout->root, object, error))
    return FALSE;
  if (self->unknowns->len > start)
    {
      keep_unknowns (record, &layout->root, self->unknowns, start);
      g_array_set_size (self->unknowns, start);
    }

  for (guint f = 0; f < n_fields; f++)
    {
      const PacteFieldInfo *info = pacte_record_get_field_info (record, f);

      if (info->required && (int) f != layout->key_field && !pacte_record_is_set (record, f))
        {
          g_auto(GStrv) parts = g_strsplit (info->json_path, ".", -1);

          for (guint p = 0; parts[p] != NULL; p++)
            path_push_member (self->path, parts[p]);
          return fail (self, error, PACTE_MODEL_ERROR_INVALID,
                       _("missing or empty; expected %s"),
                       info->kind == PACTE_FIELD_STRING ? _("a non-empty string") : kind_phrase (info->kind));
        }
    }
  return TRUE;
}

/* format and version, before anything else. */
static gboolean
check_header (Loader      *self,
              JsonNode    *root,
              GError     **error)
{
  JsonObject *object;
  JsonNode *format, *version;
  double number;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto not_portfolio;
  object = json_node_get_object (root);
  format = json_object_get_member (object, "format");
  if (format == NULL || !node_is_string (format)
      || !g_str_equal (json_node_get_string (format), PACTE_PORTFOLIO_FORMAT))
    goto not_portfolio;

  version = json_object_get_member (object, "version");
  path_push_member (self->path, "version");
  if (version == NULL || JSON_NODE_HOLDS_NULL (version))
    return fail (self, error, PACTE_MODEL_ERROR_INVALID, _("missing; expected the file version, 1"));
  if (!node_get_number (version, &number))
    return fail_type (self, error, version, _("the file version, 1"));
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

      return fail (self, error, PACTE_MODEL_ERROR_INVALID, _("unknown file version %s; expected 1"),
                   g_ascii_dtostr (buffer, sizeof buffer, number));
    }
  g_string_truncate (self->path, 0);
  return TRUE;

not_portfolio:
  g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_NOT_PORTFOLIO,
               _("%s is not a Pacte portfolio (expected \"format\": \"pacte-portfolio\")"),
               self->display);
  return FALSE;
}

static PactePortfolio *
build_portfolio (JsonNode      *root,
                 const char    *display,
                 PacteRuleSet  *rules,
                 GError       **error)
{
  Loader loader = { 0 };
  g_autoptr(PactePortfolio) portfolio = NULL;
  gboolean ok;

  loader.display = display;
  loader.rules = rules;
  loader.path = g_string_new (NULL);
  loader.pending = g_array_new (FALSE, FALSE, sizeof (PendingRef));
  g_array_set_clear_func (loader.pending, pending_ref_clear);
  loader.unknowns = g_array_new (FALSE, FALSE, sizeof (Unknown));

  ok = check_header (&loader, root, error);
  if (ok)
    {
      portfolio = pacte_portfolio_new ();
      ok = load_record (&loader, PACTE_RECORD (portfolio), json_node_get_object (root), error);
    }
  if (ok && loader.pending->len > 0)
    ok = check_pending_refs (&loader, error);

  g_string_free (loader.path, TRUE);
  g_array_unref (loader.pending);
  g_array_unref (loader.unknowns);
  g_clear_pointer (&loader.partner_ids, g_hash_table_unref);
  if (!ok)
    return NULL;
  return g_steal_pointer (&portfolio);
}

/* ---- Entry points ------------------------------------------------------- */

/* Removes the white space between the tokens of a text that passed
 * scan_json, in place; returns the new length.  json-glib's scanner tests
 * every character it skips with strchr (): a canonical file, indented, is
 * parsed about a fifth faster without its indentation. */
static gsize
compact_text (char  *data,
              gsize  len)
{
  gsize in = 0, out = 0;

  while (in < len)
    {
      char c = data[in++];

      if (is_json_space ((guchar) c))
        continue;
      data[out++] = c;
      if (c != '"')
        continue;
      /* A string, copied as it is; scan_json checked that it ends. */
      while (in < len)
        {
          c = data[in++];
          data[out++] = c;
          if (c == '\\')
            data[out++] = data[in++];
          else if (c == '"')
            break;
        }
    }
  return out;
}

/* The tree of a text that passed every check, or NULL.  writable: data
 * itself when the caller lets it be changed (its white space is removed). */
static JsonNode *
parse_text (const char  *data,
            gsize        len,
            char        *writable,
            const char  *display,
            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!check_text (&data, &len, display, error))
    return NULL;
  /* The text is valid: json-glib cannot fail on it, so the positions its
   * messages would give are not needed any more. */
  if (writable != NULL)
    len = compact_text (writable + (data - writable), len);
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      set_parser_error (error, display, local_error->message);
      return NULL;
    }
  return json_parser_steal_root (parser);
}

PactePortfolio *
pacte_portfolio_load_bytes (GBytes        *bytes,
                            const char    *display_name,
                            PacteRuleSet  *rules,
                            GError       **error)
{
  g_autoptr(JsonNode) root = NULL;
  PactePortfolio *portfolio;
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("portfolio");
  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";
  root = parse_text (data, len, NULL, display_name, error);
  if (root == NULL)
    return NULL;
  portfolio = build_portfolio (root, display_name, rules, error);
  if (portfolio != NULL)
    pacte_portfolio_set_loaded (portfolio, NULL, NULL);
  return portfolio;
}

static char *
file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);
  return g_filename_display_name (basename);
}

PactePortfolio *
pacte_portfolio_load_file (GFile         *file,
                           PacteRuleSet  *rules,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *display = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  PactePortfolio *portfolio;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = file_display_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_IO,
                   _("%s: cannot read the file: %s"), display, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_IO,
                   _("%s: cannot read the file: it is a folder; expected a portfolio file"), display);
      return NULL;
    }
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE)
      && g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_TOO_LARGE,
                   _("%s: the file is %lu MiB; expected at most 1024 MiB"),
                   display, (unsigned long) (g_file_info_get_size (info) >> 20));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &len, &etag, &local_error))
    {
      g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_IO,
                   _("%s: cannot read the file: %s"), display, local_error->message);
      return NULL;
    }

  /* The text is freed before the model is built: only the tree and the
   * model are in memory at the same time. */
  root = parse_text (contents, len, contents, display, error);
  g_clear_pointer (&contents, g_free);
  if (root == NULL)
    return NULL;
  portfolio = build_portfolio (root, display, rules, error);
  if (portfolio != NULL)
    pacte_portfolio_set_loaded (portfolio, file, etag);
  return portfolio;
}

typedef struct
{
  GFile        *file;
  PacteRuleSet *rules;
} LoadTaskData;

static void
load_task_data_free (gpointer data)
{
  LoadTaskData *td = data;

  g_clear_object (&td->file);
  g_clear_object (&td->rules);
  g_free (td);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadTaskData *td = task_data;
  GError *error = NULL;
  PactePortfolio *portfolio;

  portfolio = pacte_portfolio_load_file (td->file, td->rules, cancellable, &error);
  if (portfolio == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, portfolio, g_object_unref);
}

void
pacte_portfolio_load_file_async (GFile               *file,
                                 PacteRuleSet        *rules,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadTaskData *td;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pacte_portfolio_load_file_async);
  td = g_new0 (LoadTaskData, 1);
  td->file = g_object_ref (file);
  td->rules = rules != NULL ? g_object_ref (rules) : NULL;
  g_task_set_task_data (task, td, load_task_data_free);
  g_task_run_in_thread (task, load_in_thread);
}

PactePortfolio *
pacte_portfolio_load_file_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pacte_portfolio_load_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
