/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-json-scan.c: the first step of loading a portfolio, one strict pass
 * over the bytes before json-glib sees them.
 *
 * json-glib accepts much more than JSON (comments, single quotes,
 * hexadecimal, integers that silently wrap) and overflows its stack on deep
 * nesting, so it only ever sees text that passed this scan.  Every failure
 * names the file and line:column, and what was expected. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-i18n.h"
#include "pacte-json-scan-private.h"
#include "pacte-large-buffer.h"

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
  gboolean    escaped;  /* the last string scanned held an escape */
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

/* The quotes, backslashes and control characters among the eight bytes of
 * w (little-endian: the first byte is the lowest), what ends a run of
 * plain characters in a string: the high bit of each such byte, exact up
 * to the first one (the borrow of a subtraction may mark bytes after it). */
static inline guint64
string_specials (guint64 w)
{
  guint64 quote = w ^ ONES ('"');
  guint64 backslash = w ^ ONES ('\\');

  return (((quote - ONES (1)) & ~quote) | ((backslash - ONES (1)) & ~backslash)
          | ((w - ONES (0x20)) & ~w)) & ONES (0x80);
}

/* A string starting at the quote *pos; leaves *pos after the closing quote.
 * The bytes of a string are the only ones that may be beyond ASCII: a
 * string that has some is checked to be UTF-8. */
static gboolean
scan_string (Scanner *s,
             gsize   *pos)
{
  const char *data = s->data;
  gsize start = *pos;
  gsize i = start + 1;
  guint64 high = 0;

  s->escaped = FALSE;
  for (;;)
    {
      guchar c;

      /* Runs of plain characters, eight bytes at a time. */
      while (i + 8 <= s->len)
        {
          guint64 w, specials;

          memcpy (&w, data + i, 8);
          w = GUINT64_FROM_LE (w);
          specials = string_specials (w);
          if (specials != 0)
            {
              /* The plain bytes before the first special one. */
              guint n = (guint) __builtin_ctzll (specials) / 8;

              if (n > 0)
                high |= w & (G_MAXUINT64 >> (64 - 8 * n));
              i += n;
              break;
            }
          high |= w;
          i += 8;
        }
      if (i >= s->len)
        return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, start,
                        _("unterminated string; expected a closing '\"'"));
      c = data[i];
      if (c == '"')
        break;
      if (c < 0x20)
        {
          if (c == '\n' || c == '\r')
            return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, i,
                            _("line break inside a string; expected \\n or a closing '\"'"));
          return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, i,
                          _("control character U+%04X inside a string; expected it written as an escape such as \\t or \\u%04X"),
                          c, c);
        }
      if (c == '\\')
        {
          guchar e = i + 1 < s->len ? data[i + 1] : 0;

          s->escaped = TRUE;

          switch (e)
            {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
              i += 2;
              continue;
            case 'u':
              {
                int u = read_hex4 (s, i + 2);

                if (u < 0)
                  return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, i,
                                  _("invalid \\u escape; expected four hexadecimal digits"));
                if (u == 0)
                  return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_ENCODING, s->display, data, i,
                                  _("\\u0000 (a NUL character) inside a string; expected text without NUL characters"));
                if (u >= 0xDC00 && u <= 0xDFFF)
                  return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_ENCODING, s->display, data, i,
                                  _("lone low surrogate \\u%04X; expected a complete character"), u);
                if (u >= 0xD800 && u <= 0xDBFF)
                  {
                    int low = (i + 7 < s->len && data[i + 6] == '\\' && data[i + 7] == 'u')
                              ? read_hex4 (s, i + 8) : -1;

                    if (low < 0xDC00 || low > 0xDFFF)
                      return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_ENCODING, s->display, data, i,
                                      _("lone high surrogate \\u%04X; expected it followed by a low surrogate \\uDC00 to \\uDFFF"), u);
                    i += 6;
                  }
                i += 6;
                continue;
              }
            default:
              if (e == 0 && i + 1 >= s->len)
                return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, start,
                                _("unterminated string; expected a closing '\"'"));
              {
                g_autofree char *what = pacte_json_describe_char (data, s->len, i + 1);

                return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, i,
                                _("invalid escape \\%s; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"),
                                what);
              }
            }
        }
      high |= c;
      i++;
    }
  if ((high & ONES (0x80)) != 0)
    {
      const char *bad = NULL;

      if (!g_utf8_validate_len (data + start + 1, i - start - 1, &bad))
        return pacte_json_fail_encoding (s->error, s->display, data, bad - data);
    }
  if (i - start - 1 > PACTE_JSON_MAX_STRING_BYTES)
    return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_TOO_LARGE, s->display, data, start,
                    _("string of %lu bytes; expected at most 1 MiB"),
                    (unsigned long) (i - start - 1));
  *pos = i + 1;
  return TRUE;
}

/* Whether data[0..len) holds one of the bytes of set. */
static gboolean
strpbrk_len (const char *data,
             gsize       len,
             const char *set)
{
  for (gsize k = 0; k < len; k++)
    if (data[k] != '\0' && strchr (set, data[k]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
scan_number (Scanner *s,
             gsize   *pos)
{
  const char *data = s->data;
  gsize start = *pos;
  gsize i = start;
  gsize int_digits = 0;
  gsize mantissa_end;
  gboolean is_integer = TRUE;

  if (data[i] == '-')
    i++;
  if (i >= s->len || !g_ascii_isdigit (data[i]))
    return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, i,
                    _("a minus sign not followed by a digit; expected a number"));
  if (data[i] == '0')
    {
      i++;
      int_digits = 1;
      if (i < s->len && g_ascii_isdigit (data[i]))
        return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, start,
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
        return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, i,
                        _("no digit after the decimal point; expected a digit"));
      while (i < s->len && g_ascii_isdigit (data[i]))
        i++;
    }
  mantissa_end = i;
  if (i < s->len && (data[i] == 'e' || data[i] == 'E'))
    {
      is_integer = FALSE;
      i++;
      if (i < s->len && (data[i] == '+' || data[i] == '-'))
        i++;
      if (i >= s->len || !g_ascii_isdigit (data[i]))
        return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, data, i,
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

          too_large = g_ascii_strtoull (digits, NULL, 10) > (guint64) PACTE_JSON_MAX_SAFE_INTEGER;
        }
      if (too_large)
        {
          g_autofree char *text = pacte_json_excerpt (data, s->len, start, i - start);

          return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_TOO_LARGE, s->display, data, start,
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
          g_autofree char *shown = pacte_json_excerpt (data, s->len, start, i - start);

          return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_TOO_LARGE, s->display, data, start,
                          _("number %s is too large; expected a finite number"), shown);
        }
      /* 1e-400 reads as 0: refuse it rather than change the value. */
      if (value == 0 && strpbrk_len (data + start, mantissa_end - start, "123456789"))
        {
          g_autofree char *shown = pacte_json_excerpt (data, s->len, start, i - start);

          return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_TOO_LARGE, s->display, data, start,
                          _("number %s is too close to zero to be stored (it would become 0); expected 0 or a number of magnitude at least 5e-324"),
                          shown);
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
    word = pacte_json_excerpt (s->data, s->len, i, end - i);
    return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, s->data, i,
                    _("unknown word \"%s\"; expected a value: a string in double quotes, a number, true, false, null, an object or an array"),
                    word);
  }
}

/* The text of the string token data[start..end) (quotes included, already
 * checked by scan_string), its escapes decoded: "\u0061" and "a" are the same
 * member name. */
static char *
decode_string (const char *data,
               gsize       start,
               gsize       end)
{
  const char *p = data + start + 1;
  const char *stop = data + end - 1;
  GString *out;

  if (memchr (p, '\\', stop - p) == NULL)
    return g_strndup (p, stop - p);
  out = g_string_sized_new (stop - p);
  while (p < stop)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      p++;
      switch (*p)
        {
        case 'b': g_string_append_c (out, '\b'); p++; break;
        case 'f': g_string_append_c (out, '\f'); p++; break;
        case 'n': g_string_append_c (out, '\n'); p++; break;
        case 'r': g_string_append_c (out, '\r'); p++; break;
        case 't': g_string_append_c (out, '\t'); p++; break;
        case 'u':
          {
            gunichar u = 0;

            for (int k = 1; k <= 4; k++)
              u = u * 16 + hex_value (p[k]);
            p += 5;
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                gunichar low = 0;

                for (int k = 2; k <= 5; k++)
                  low = low * 16 + hex_value (p[k]);
                p += 6;
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
              }
            g_string_append_unichar (out, u);
            break;
          }
        default:  /* " \ / */
          g_string_append_c (out, *p++);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

/* The member names seen in one object.  Most objects have a few members:
 * their names are compared where they are in the text; past
 * NAMES_LINEAR of them, decoded names go into a hash table. */
#define NAMES_LINEAR 24

typedef struct
{
  gsize    start, end;   /* the name's token, quotes included */
  guint64  head;         /* its first eight bytes inside the quotes (fewer: then zeros) */
  gboolean escaped;      /* holds a backslash: compare decoded */
} NameSpan;

typedef struct
{
  NameSpan    spans[NAMES_LINEAR + 1];
  guint       n_spans;
  GHashTable *table;     /* decoded name -> start, once past NAMES_LINEAR */
} NameSet;

static void
name_set_reset (NameSet *set)
{
  set->n_spans = 0;
  g_clear_pointer (&set->table, g_hash_table_unref);
}

static void
name_set_clear (NameSet *set)
{
  g_clear_pointer (&set->table, g_hash_table_unref);
}

static gboolean
same_decoded_name (const char     *data,
                   const NameSpan *a,
                   const NameSpan *b)
{
  g_autofree char *x = decode_string (data, a->start, a->end);
  g_autofree char *y = decode_string (data, b->start, b->end);

  return g_str_equal (x, y);
}

/* Most names differ in their length or their first eight bytes. */
static inline gboolean
same_name (const char     *data,
           const NameSpan *a,
           const NameSpan *b)
{
  gsize n = a->end - a->start;

  if (G_UNLIKELY (a->escaped || b->escaped))
    return same_decoded_name (data, a, b);
  /* Past the quote and the eight bytes of head, up to the closing quote. */
  return n == b->end - b->start && a->head == b->head
         && (n <= 10 || memcmp (data + a->start + 9, data + b->start + 9, n - 10) == 0);
}

static gboolean
fail_duplicate (Scanner *s,
                gsize    start,
                gsize    end,
                gsize    first)
{
  g_autofree char *shown = pacte_json_excerpt (s->data, s->len, start, end - start);
  guint line, column;

  pacte_json_position_of (s->data, first, &line, &column);
  return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, s->data, start,
                  _("duplicate member name %s, already at %u:%u in the same object; expected each name once"),
                  shown, line, column);
}

/* A member name starting at data[start], ending before data[end]: refused
 * when the object whose names are in seen already has it.  json-glib would
 * keep the last one silently, and a save would then drop the others.  "\u0061"
 * and "a" are the same name. */
static gboolean
check_member_name (Scanner *s,
                   NameSet *seen,
                   gsize    start,
                   gsize    end)
{
  NameSpan span = { start, end, 0, s->escaped };
  char *name;
  gpointer first;

  memcpy (&span.head, s->data + start + 1, MIN (end - start - 2, 8));

  if (seen->table == NULL)
    {
      for (guint k = 0; k < seen->n_spans; k++)
        {
          const NameSpan *other = &seen->spans[k];

          if (same_name (s->data, &span, other))
            return fail_duplicate (s, start, end, other->start);
        }
      seen->spans[seen->n_spans++] = span;
      if (seen->n_spans <= NAMES_LINEAR)
        return TRUE;
      seen->table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint k = 0; k < seen->n_spans; k++)
        {
          const NameSpan *other = &seen->spans[k];

          g_hash_table_insert (seen->table, decode_string (s->data, other->start, other->end),
                               GSIZE_TO_POINTER (other->start));
        }
      return TRUE;
    }

  name = decode_string (s->data, start, end);
  if (g_hash_table_lookup_extended (seen->table, name, NULL, &first))
    {
      g_free (name);
      return fail_duplicate (s, start, end, GPOINTER_TO_SIZE (first));
    }
  g_hash_table_insert (seen->table, name, GSIZE_TO_POINTER (start));
  return TRUE;
}

static gboolean
fail_unexpected (Scanner    *s,
                 gsize       i,
                 const char *expected)
{
  g_autofree char *what = NULL;
  guchar c = s->data[i];

  if (c == '/')
    return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, s->data, i,
                    _("a comment; expected %s (JSON has no comments)"), expected);
  if (c == '\'')
    return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, s->data, i,
                    _("a single quote; expected %s (JSON strings are in double quotes)"), expected);
  what = pacte_json_describe_char (s->data, s->len, i);
  return pacte_json_fail_at (s->error, PACTE_MODEL_ERROR_SYNTAX, s->display, s->data, i,
                  _("unexpected character %s; expected %s"), what, expected);
}

/* ---- The outline: where the portfolio's members and items are ---------- */

/* A value begins at compact[o], in the container at depth (0: the root). */
static void
outline_value_start (PacteJsonOutline *outline,
                     const char       *stack,
                     guint             depth,
                     gboolean          is_array,
                     gsize             o)
{
  if (depth == 1 && stack[0] == '{')
    {
      PacteJsonMember *member = &g_array_index (outline->members, PacteJsonMember,
                                                outline->members->len - 1);

      member->value.start = o;
      member->is_array = is_array;
      member->first_item = outline->items->len;
    }
  else if (depth == 2 && stack[0] == '{' && stack[1] == '[')
    {
      PacteJsonSpan span = { o, o, 0 };

      g_array_append_val (outline->items, span);
    }
}

/* The value that began at that depth ends before compact[o], before data[i]
 * in the text as read. */
static void
outline_value_end (PacteJsonOutline *outline,
                   const char       *stack,
                   guint             depth,
                   gsize             o,
                   gsize             i)
{
  PacteJsonSpan *span;

  if (depth == 1 && stack[0] == '{')
    {
      PacteJsonMember *member = &g_array_index (outline->members, PacteJsonMember,
                                                outline->members->len - 1);

      span = &member->value;
      if (member->is_array)
        member->n_items = outline->items->len - member->first_item;
    }
  else if (depth == 2 && stack[0] == '{' && stack[1] == '[')
    span = &g_array_index (outline->items, PacteJsonSpan, outline->items->len - 1);
  else
    return;
  span->end = o;
  span->source_end = i;
}

static void
outline_member (PacteJsonOutline *outline,
                const char       *data,
                gsize             start,
                gsize             end)
{
  PacteJsonMember member = { decode_string (data, start, end), { 0, 0, 0 }, FALSE, 0, 0 };

  g_array_append_val (outline->members, member);
}

static void
member_clear (gpointer data)
{
  PacteJsonMember *member = data;

  g_free (member->name);
}

void
pacte_json_outline_init (PacteJsonOutline *outline)
{
  outline->root_is_object = FALSE;
  outline->members = g_array_new (FALSE, FALSE, sizeof (PacteJsonMember));
  g_array_set_clear_func (outline->members, member_clear);
  outline->items = g_array_new (FALSE, FALSE, sizeof (PacteJsonSpan));
}

void
pacte_json_outline_clear (PacteJsonOutline *outline)
{
  g_clear_pointer (&outline->members, g_array_unref);
  g_clear_pointer (&outline->items, g_array_unref);
}

/* Strict JSON, nesting at most PACTE_JSON_MAX_DEPTH, each member name once
 * in its object, nothing after the value.  names[d] holds the member names
 * seen in the object at depth d (created when first needed).  outline (may
 * be NULL) receives where the members of the root object and the items of
 * their arrays are in compact, which receives the text without the white
 * space between its tokens (*compact_len bytes). */
static gboolean
scan_tokens (const char        *data,
             gsize              len,
             const char        *display,
             NameSet           *names,
             PacteJsonOutline  *outline,
             char              *compact,
             gsize             *compact_len,
             GError           **error)
{
  Scanner s = { data, len, display, error, FALSE };
  char stack[PACTE_JSON_MAX_DEPTH];
  guint depth = 0;
  ScanState state = ST_VALUE;
  gboolean after_comma = FALSE;
  gsize i = 0;
  /* data[run..i) is still to be copied to compact[o..): data[i] is at
   * compact[o + i - run]. */
  gsize run = 0, o = 0;

#define COMPACT_POS(at) (o + (at) - run)

  for (;;)
    {
      guchar c;

      if (i < len && is_json_space (data[i]))
        {
          memcpy (compact + o, data + run, i - run);
          o += i - run;
          for (;;)
            {
              /* Indentation: the spaces among the next eight bytes at once. */
              if (i + 8 <= len)
                {
                  guint64 w;

                  memcpy (&w, data + i, 8);
                  w = GUINT64_FROM_LE (w) ^ ONES (' ');
                  if (w == 0)
                    {
                      i += 8;
                      continue;
                    }
                  /* The lowest byte that is not a space. */
                  i += (guint) __builtin_ctzll (w) / 8;
                }
              if (i >= len || !is_json_space (data[i]))
                break;
              i++;
            }
          run = i;
        }
      if (i >= len)
        {
          const char *expected;

          if (state == ST_DONE)
            {
              memcpy (compact + o, data + run, i - run);
              *compact_len = o + i - run;
              return TRUE;
            }
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
          return pacte_json_fail_at (error, PACTE_MODEL_ERROR_SYNTAX, display, data, len,
                          _("the file ends too early; expected %s"), expected);
        }
      c = data[i];
      switch (state)
        {
        case ST_DONE:
          return pacte_json_fail_at (error, PACTE_MODEL_ERROR_SYNTAX, display, data, i,
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
              if (outline != NULL)
                outline_value_end (outline, stack, depth, COMPACT_POS (i), i);
              state = depth > 0 ? ST_COMMA_OR_END : ST_DONE;
              continue;
            }
          return fail_unexpected (&s, i, stack[depth - 1] == '{' ? "\",\" or \"}\"" : "\",\" or \"]\"");

        case ST_FIRST_KEY_OR_END:
          if (c == '}')
            {
              i++;
              depth--;
              if (outline != NULL)
                outline_value_end (outline, stack, depth, COMPACT_POS (i), i);
              state = depth > 0 ? ST_COMMA_OR_END : ST_DONE;
              continue;
            }
          G_GNUC_FALLTHROUGH;
        case ST_KEY:
          if (c != '"')
            {
              if (after_comma && c == '}')
                return pacte_json_fail_at (error, PACTE_MODEL_ERROR_SYNTAX, display, data, i,
                                _("a comma before \"}\"; expected another member (JSON allows no trailing comma)"));
              return fail_unexpected (&s, i, _("a member name in double quotes"));
            }
          {
            gsize start = i;

            if (!scan_string (&s, &i))
              return FALSE;
            if (!check_member_name (&s, &names[depth - 1], start, i))
              return FALSE;
            if (outline != NULL && depth == 1)
              outline_member (outline, data, start, i);
          }
          state = ST_COLON;
          continue;

        case ST_FIRST_VALUE_OR_END:
          if (c == ']')
            {
              i++;
              depth--;
              if (outline != NULL)
                outline_value_end (outline, stack, depth, COMPACT_POS (i), i);
              state = depth > 0 ? ST_COMMA_OR_END : ST_DONE;
              continue;
            }
          G_GNUC_FALLTHROUGH;
        case ST_VALUE:
        default:
          if (outline != NULL)
            outline_value_start (outline, stack, depth, c == '[', COMPACT_POS (i));
          if (c == '{' || c == '[')
            {
              if (depth == 0 && outline != NULL)
                outline->root_is_object = c == '{';
              if (depth >= PACTE_JSON_MAX_DEPTH)
                return pacte_json_fail_at (error, PACTE_MODEL_ERROR_TOO_DEEP, display, data, i,
                                _("nested more than %d levels deep; expected a portfolio nested at most %d levels"),
                                PACTE_JSON_MAX_DEPTH, PACTE_JSON_MAX_DEPTH);
              if (c == '{')
                name_set_reset (&names[depth]);
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
            return pacte_json_fail_at (error, PACTE_MODEL_ERROR_SYNTAX, display, data, i,
                            _("a comma before \"%c\"; expected another value (JSON allows no trailing comma)"), c);
          else
            return fail_unexpected (&s, i, _("a value"));
          if (outline != NULL)
            outline_value_end (outline, stack, depth, COMPACT_POS (i), i);
          state = depth > 0 ? ST_COMMA_OR_END : ST_DONE;
          after_comma = FALSE;
          continue;
        }
    }
#undef COMPACT_POS
}

/* text[0..text_len) is the whole text, data[0..len) the JSON in it (past
 * a byte order mark).  The scan checks the encoding of strings only (the
 * only place where a byte beyond ASCII may be); when it fails, a byte that
 * is not UTF-8 anywhere in the text is what is reported, as it was when the
 * whole text was checked first. */
static gboolean
scan_json (const char        *text,
           gsize              text_len,
           const char        *data,
           gsize              len,
           const char        *display,
           PacteJsonOutline  *outline,
           char              *compact,
           gsize             *compact_len,
           GError           **error)
{
  NameSet *names = g_new0 (NameSet, PACTE_JSON_MAX_DEPTH);
  GError *local_error = NULL;
  gboolean ok = scan_tokens (data, len, display, names, outline, compact, compact_len, &local_error);
  const char *end = NULL;

  for (guint d = 0; d < PACTE_JSON_MAX_DEPTH; d++)
    name_set_clear (&names[d]);
  g_free (names);
  if (ok)
    return TRUE;
  if (!g_utf8_validate_len (text, text_len, &end))
    {
      g_clear_error (&local_error);
      pacte_json_fail_encoding (&local_error, display, text, end - text);
    }
  g_propagate_error (error, local_error);
  return FALSE;
}

/* Everything that can be said about the bytes before parsing them. */
gboolean
pacte_json_check_text (const char        **data_inout,
                       gsize              *len_inout,
                       const char         *display,
                       PacteJsonOutline   *outline,
                       char              **compact_out,
                       gsize              *compact_len,
                       GError            **error)
{
  const char *data = *data_inout;
  gsize len = *len_inout;
  gsize i, skip = 0;
  char *compact;

  *compact_out = NULL;
  *compact_len = 0;
  if ((guint64) len > (guint64) PACTE_JSON_MAX_FILE_SIZE)
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
  /* A byte order mark is not JSON, but some editors write one. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  /* Fresh memory: a large text's goes in 2 MiB pages. */
  compact = pacte_large_buffer_alloc (len - skip + 1);
  if (!scan_json (data, len, data + skip, len - skip, display, outline, compact, compact_len, error))
    {
      g_free (compact);
      *compact_len = 0;
      return FALSE;
    }
  compact[*compact_len] = '\0';
  *compact_out = compact;
  *data_inout = data + skip;
  *len_inout = len - skip;
  return TRUE;
}
