/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-catalog.c: a reader of GNU .mo files and of their plural rule.
 *
 * Layout (all numbers 32-bit, in the byte order the magic number shows):
 *   0 magic 0x950412de   4 revision   8 N strings   12 offset of the
 *   originals table   16 offset of the translations table; each table holds
 *   N (length, offset) pairs of NUL-terminated strings.  A plural original is
 *   "msgid\0msgid_plural" and its translation the forms joined by NULs; a
 *   context is written "context\004msgid".  Entry 0 (msgid "") is the header. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pacte-catalog.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

/* ---- The plural expression ------------------------------------------- */

typedef enum
{
  OP_N, OP_NUM, OP_NOT, OP_MUL, OP_DIV, OP_MOD, OP_ADD, OP_SUB,
  OP_LT, OP_GT, OP_LE, OP_GE, OP_EQ, OP_NE, OP_AND, OP_OR, OP_COND,
} Op;

typedef struct
{
  Op     op;
  gulong value;
  int    a, b, c; /* operands: indexes into the node array */
} Node;

typedef struct
{
  const char *p;
  GArray     *nodes;
  int         depth;
  gboolean    failed;
} Parser;

#define MAX_DEPTH 64

static int
add_node (Parser *parser,
          Op      op,
          gulong  value,
          int     a,
          int     b,
          int     c)
{
  Node node = { op, value, a, b, c };

  g_array_append_val (parser->nodes, node);
  return (int) parser->nodes->len - 1;
}

static void
skip_space (Parser *parser)
{
  while (*parser->p == ' ' || *parser->p == '\t' || *parser->p == '\n')
    parser->p++;
}

static gboolean
eat (Parser     *parser,
     const char *token)
{
  gsize len = strlen (token);

  skip_space (parser);
  if (strncmp (parser->p, token, len) != 0)
    return FALSE;
  /* "<" must not eat the start of "<=", nor "=" … */
  if (len == 1 && (token[0] == '<' || token[0] == '>' || token[0] == '!') && parser->p[1] == '=')
    return FALSE;
  parser->p += len;
  return TRUE;
}

static int parse_conditional (Parser *parser);

static int
parse_primary (Parser *parser)
{
  skip_space (parser);
  if (parser->failed || ++parser->depth > MAX_DEPTH)
    {
      parser->failed = TRUE;
      return 0;
    }
  if (eat (parser, "!"))
    {
      int operand = parse_primary (parser);
      parser->depth--;
      return add_node (parser, OP_NOT, 0, operand, 0, 0);
    }
  if (eat (parser, "("))
    {
      int inner = parse_conditional (parser);

      if (!eat (parser, ")"))
        parser->failed = TRUE;
      parser->depth--;
      return inner;
    }
  if (*parser->p == 'n')
    {
      parser->p++;
      parser->depth--;
      return add_node (parser, OP_N, 0, 0, 0, 0);
    }
  if (g_ascii_isdigit (*parser->p))
    {
      char *end = NULL;
      guint64 value = g_ascii_strtoull (parser->p, &end, 10);

      parser->p = end;
      parser->depth--;
      return add_node (parser, OP_NUM, (gulong) value, 0, 0, 0);
    }
  parser->failed = TRUE;
  parser->depth--;
  return 0;
}

/* Binary operators by level, tightest first. */
static const struct { const char *token; Op op; } levels[][4] = {
  { { "*", OP_MUL }, { "/", OP_DIV }, { "%", OP_MOD }, { NULL, 0 } },
  { { "+", OP_ADD }, { "-", OP_SUB }, { NULL, 0 } },
  { { "<=", OP_LE }, { ">=", OP_GE }, { "<", OP_LT }, { ">", OP_GT } },
  { { "==", OP_EQ }, { "!=", OP_NE }, { NULL, 0 } },
  { { "&&", OP_AND }, { NULL, 0 } },
  { { "||", OP_OR }, { NULL, 0 } },
};

static int
parse_level (Parser *parser,
             int     level)
{
  int left = level == 0 ? parse_primary (parser) : parse_level (parser, level - 1);

  while (!parser->failed)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (levels[level]) && levels[level][i].token != NULL; i++)
        if (eat (parser, levels[level][i].token))
          {
            int right = level == 0 ? parse_primary (parser) : parse_level (parser, level - 1);

            left = add_node (parser, levels[level][i].op, 0, left, right, 0);
            found = TRUE;
            break;
          }
      if (!found)
        break;
    }
  return left;
}

static int
parse_conditional (Parser *parser)
{
  int condition, yes, no;

  if (++parser->depth > MAX_DEPTH)
    {
      parser->failed = TRUE;
      return 0;
    }
  condition = parse_level (parser, G_N_ELEMENTS (levels) - 1);
  if (!parser->failed && eat (parser, "?"))
    {
      yes = parse_conditional (parser);
      if (!eat (parser, ":"))
        parser->failed = TRUE;
      no = parse_conditional (parser);
      condition = add_node (parser, OP_COND, 0, condition, yes, no);
    }
  parser->depth--;
  return condition;
}

/* The expression as nodes, the root last; NULL when it does not parse. */
static GArray *
plural_compile (const char *expression)
{
  Parser parser = { expression, g_array_new (FALSE, FALSE, sizeof (Node)), 0, FALSE };
  int root = parse_conditional (&parser);

  skip_space (&parser);
  if (parser.failed || *parser.p != '\0' && *parser.p != ';')
    {
      g_array_unref (parser.nodes);
      return NULL;
    }
  /* Evaluation starts from the last node: make sure it is the root. */
  if ((guint) root != parser.nodes->len - 1)
    add_node (&parser, OP_COND, 0, root, root, root);
  return parser.nodes;
}

static gulong
plural_run (const GArray *nodes,
            int           index,
            gulong        n)
{
  const Node *node = &g_array_index (nodes, Node, index);
  gulong a, b;

  switch (node->op)
    {
    case OP_N:
      return n;
    case OP_NUM:
      return node->value;
    case OP_NOT:
      return !plural_run (nodes, node->a, n);
    case OP_COND:
      return plural_run (nodes, node->a, n) ? plural_run (nodes, node->b, n)
                                            : plural_run (nodes, node->c, n);
    case OP_AND:
      return plural_run (nodes, node->a, n) && plural_run (nodes, node->b, n);
    case OP_OR:
      return plural_run (nodes, node->a, n) || plural_run (nodes, node->b, n);
    default:
      break;
    }

  a = plural_run (nodes, node->a, n);
  b = plural_run (nodes, node->b, n);
  switch (node->op)
    {
    case OP_MUL: return a * b;
    case OP_DIV: return b != 0 ? a / b : 0;
    case OP_MOD: return b != 0 ? a % b : 0;
    case OP_ADD: return a + b;
    case OP_SUB: return a - b;
    case OP_LT:  return a < b;
    case OP_GT:  return a > b;
    case OP_LE:  return a <= b;
    case OP_GE:  return a >= b;
    case OP_EQ:  return a == b;
    case OP_NE:  return a != b;
    default:     g_assert_not_reached ();
    }
}

gboolean
pacte_plural_eval (const char *expression,
                   gulong      n,
                   gulong     *result)
{
  GArray *nodes;

  g_return_val_if_fail (expression != NULL && result != NULL, FALSE);

  nodes = plural_compile (expression);
  if (nodes == NULL)
    return FALSE;
  *result = plural_run (nodes, (int) nodes->len - 1, n);
  g_array_unref (nodes);
  return TRUE;
}

/* ---- The catalogue --------------------------------------------------- */

struct _PacteCatalog
{
  GBytes     *bytes;
  GHashTable *messages;  /* msgid (points into bytes) -> Entry */
  GArray     *plural;    /* compiled plural rule, NULL: n != 1 */
  guint       n_plurals;
};

typedef struct
{
  const char *text;  /* the forms, NUL-separated */
  guint32     len;
} Entry;

void
pacte_catalog_free (PacteCatalog *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->messages, g_hash_table_unref);
  g_clear_pointer (&self->plural, g_array_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self);
}

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data + offset, 4);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The string of table entry i, checked to lie inside the file and end with
 * a NUL; NULL when it does not. */
static const char *
table_string (const guint8 *data,
              gsize         size,
              guint32       table,
              guint32       i,
              gboolean      swapped,
              guint32      *len)
{
  gsize at = (gsize) table + (gsize) i * 8;
  guint32 length, offset;

  if (at + 8 > size)
    return NULL;
  length = read_u32 (data, at, swapped);
  offset = read_u32 (data, at + 4, swapped);
  if ((gsize) offset + length >= size || data[offset + length] != '\0')
    return NULL;
  *len = length;
  return (const char *) data + offset;
}

/* Plural-Forms: nplurals=2; plural=(n > 1); */
static gboolean
read_header (PacteCatalog *self,
             const char   *header,
             const char   *name,
             GError      **error)
{
  const char *forms = strstr (header, "Plural-Forms:");
  const char *nplurals, *plural;
  g_autofree char *expression = NULL;
  const char *end;

  if (forms == NULL)
    return TRUE;
  nplurals = strstr (forms, "nplurals=");
  plural = strstr (forms, "plural=");
  /* "plural=" also matches inside "nplurals=": take the one after it. */
  if (plural != NULL && nplurals != NULL && plural == nplurals + 1)
    plural = strstr (nplurals + 1 + strlen ("plural="), "plural=");
  if (nplurals == NULL || plural == NULL)
    goto bad;
  self->n_plurals = (guint) g_ascii_strtoull (nplurals + strlen ("nplurals="), NULL, 10);
  end = strpbrk (plural, ";\n");
  expression = g_strndup (plural + strlen ("plural="),
                          end != NULL ? (gsize) (end - plural) - strlen ("plural=") : strlen (plural));
  self->plural = plural_compile (expression);
  if (self->n_plurals == 0 || self->plural == NULL)
    goto bad;
  return TRUE;

bad:
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
               _("%s: the catalogue’s plural rule (Plural-Forms) cannot be read"), name);
  return FALSE;
}

PacteCatalog *
pacte_catalog_new_from_bytes (GBytes     *bytes,
                              const char *name,
                              GError    **error)
{
  g_autoptr(PacteCatalog) self = g_new0 (PacteCatalog, 1);
  const guint8 *data;
  gsize size;
  guint32 magic, n, originals, translations;
  gboolean swapped;

  g_return_val_if_fail (bytes != NULL && name != NULL, NULL);

  self->bytes = g_bytes_ref (bytes);
  self->messages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->n_plurals = 2;
  data = g_bytes_get_data (bytes, &size);

  if (size < 20)
    goto bad;
  memcpy (&magic, data, 4);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    goto bad;
  swapped = magic == MO_MAGIC_SWAPPED;
  /* Major revision 0 or 1 (1 adds system-dependent strings, not used here). */
  if ((read_u32 (data, 4, swapped) >> 16) > 1)
    goto bad;
  n = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);
  if (n > size / 8)
    goto bad;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen, tlen;
      const char *original = table_string (data, size, originals, i, swapped, &olen);
      const char *translation = table_string (data, size, translations, i, swapped, &tlen);
      Entry *entry;

      if (original == NULL || translation == NULL)
        goto bad;
      if (olen == 0)
        {
          if (!read_header (self, translation, name, error))
            return NULL;
          continue;
        }
      if (tlen == 0)
        continue;
      entry = g_new (Entry, 1);
      entry->text = translation;
      entry->len = tlen;
      /* Keys point into the bytes, which the catalogue keeps. */
      g_hash_table_insert (self->messages, (gpointer) original, entry);
    }
  return g_steal_pointer (&self);

bad:
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
               _("%s: not a compiled gettext catalogue (.mo), or a damaged one"), name);
  return NULL;
}

PacteCatalog *
pacte_catalog_new_from_file (const char *path,
                             GError    **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (file);
  return pacte_catalog_new_from_bytes (bytes, path, error);
}

const char *
pacte_catalog_lookup (const PacteCatalog *self,
                      const char         *msgid)
{
  const Entry *entry;

  g_return_val_if_fail (self != NULL && msgid != NULL, NULL);

  entry = g_hash_table_lookup (self->messages, msgid);
  return entry != NULL ? entry->text : NULL;
}

guint
pacte_catalog_plural_index (const PacteCatalog *self,
                            gulong              n)
{
  gulong index;

  g_return_val_if_fail (self != NULL, 0);

  if (self->plural == NULL)
    return n != 1;
  index = plural_run (self->plural, (int) self->plural->len - 1, n);
  return index < self->n_plurals ? (guint) index : 0;
}

const char *
pacte_catalog_lookup_plural (const PacteCatalog *self,
                             const char         *msgid,
                             gulong              n)
{
  const Entry *entry;
  const char *form, *end;
  guint index;

  g_return_val_if_fail (self != NULL && msgid != NULL, NULL);

  entry = g_hash_table_lookup (self->messages, msgid);
  if (entry == NULL)
    return NULL;
  index = pacte_catalog_plural_index (self, n);
  form = entry->text;
  end = entry->text + entry->len;
  for (guint i = 0; i < index; i++)
    {
      form += strlen (form) + 1;
      if (form >= end)
        return entry->text;  /* fewer forms than the rule names: the first */
    }
  return form;
}
