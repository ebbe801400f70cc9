/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-csv-read.c: a CSV file as a table of UTF-8 cells, read with libcsv.
 *
 * libcsv does the quoting (separators, doubled quotes and line breaks inside
 * quotes, strict mode for stray quotes); this file adds what a CRM export
 * needs around it: the byte-order mark, the separator sniffed from the
 * header line, UTF-8 checks, rows of the header's width, and messages that
 * say the row and column. */
#include "config.h"

#include <csv.h>
#include <string.h>

#include "pacte-csv.h"
#include "pacte-file-read.h"
#include "pacte-i18n.h"

G_DEFINE_QUARK (pacte-csv-error-quark, pacte_csv_error)

struct _PacteCsvTable
{
  char         *display_name;
  char          separator;
  gboolean      bom;
  guint         n_columns;
  GStringChunk *text;
  GPtrArray    *cells;     /* const char *, row-major; the header first */
  GArray       *lines;     /* guint: the line each row (header first) starts on */
  GArray       *numbers;   /* guint: each row's number, as a spreadsheet shows it */
};

/* The state of one parse, handed to libcsv's callbacks. */
typedef struct
{
  PacteCsvTable *table;
  GPtrArray     *record;     /* the cells of the record being read (in table->text) */
  gboolean       all_empty;
  guint          records;    /* records kept, the header included */
  guint          seen;       /* records read, the empty ones included */
  guint          line;       /* the line being fed */
  guint          start_line; /* where the record being read started */
  gboolean       need_start;
  GError        *error;
} Reader;

/* "FILE: row 3, column 2 (“Account Name”): " before a message. */
static void
set_error (Reader     *r,
           int         code,
           guint       column,  /* 0-based */
           const char *format,
           ...) G_GNUC_PRINTF (4, 5);

static void
set_error (Reader     *r,
           int         code,
           guint       column,
           const char *format,
           ...)
{
  g_autofree char *detail = NULL;
  g_autofree char *where = NULL;
  va_list args;

  if (r->error != NULL)
    return;
  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  if (r->records > 0 && column < r->table->n_columns)
    {
      g_autofree char *header = g_utf8_make_valid (g_ptr_array_index (r->table->cells, column), -1);

      /* Translators: where a CSV file is wrong: row (as a spreadsheet counts
       * them, the header being row 1), line of the file, column number and
       * the column's header. */
      where = g_strdup_printf (_("row %u (line %u), column %u (“%s”)"),
                               r->seen + 1, r->start_line, column + 1, header);
    }
  else
    where = g_strdup_printf (_("row %u (line %u), column %u"),
                             r->seen + 1, r->start_line, column + 1);
  g_set_error (&r->error, PACTE_CSV_ERROR, code, "%s: %s: %s",
               r->table->display_name, where, detail);
}

static void
on_field (void   *data,
          size_t  len,
          void   *user_data)
{
  Reader *r = user_data;
  const char *end;
  const char *text = data != NULL ? data : "";

  if (r->error != NULL)
    return;
  if (!g_utf8_validate (text, len, &end))
    {
      set_error (r, PACTE_CSV_ERROR_ENCODING, r->record->len,
                 /* Translators: a CSV cell with bytes that are not UTF-8
                  * (%02X is the first such byte, in hexadecimal). */
                 _("the text is not UTF-8 (byte 0x%02X after “%.*s”): save the file as “CSV UTF-8”"),
                 (guchar) *end, (int) MIN (end - text, 40), text);
      return;
    }
  if (len > 0)
    r->all_empty = FALSE;
  g_ptr_array_add (r->record, g_string_chunk_insert_len (r->table->text, text, len));
}

static void
on_record (int   terminator G_GNUC_UNUSED,
           void *user_data)
{
  Reader *r = user_data;
  PacteCsvTable *table = r->table;

  if (r->error != NULL)
    return;
  if (r->all_empty && r->records > 0)
    {
      /* Spreadsheets write rows of empty cells (";;;;") under the data. */
      g_ptr_array_set_size (r->record, 0);
      r->need_start = TRUE;
      r->seen++;
      return;
    }
  if (r->records == 0)
    table->n_columns = r->record->len;
  else if (r->record->len > table->n_columns)
    {
      set_error (r, PACTE_CSV_ERROR_SYNTAX, table->n_columns,
                 _("this row has %u cells but the header has %u: a separator too many, or a quote not closed"),
                 r->record->len, table->n_columns);
      return;
    }
  else if (r->record->len < table->n_columns)
    {
      set_error (r, PACTE_CSV_ERROR_SYNTAX, r->record->len,
                 _("this row has %u cells but the header has %u: the cell is missing"),
                 r->record->len, table->n_columns);
      return;
    }
  for (guint i = 0; i < r->record->len; i++)
    g_ptr_array_add (table->cells, g_ptr_array_index (r->record, i));
  g_array_append_val (table->lines, r->start_line);
  r->seen++;
  g_array_append_val (table->numbers, r->seen);
  g_ptr_array_set_size (r->record, 0);
  r->records++;
  r->all_empty = TRUE;
  r->need_start = TRUE;
}

/* ',' or ';': whichever the header line holds more of, outside quotes. */
static char
sniff_separator (const char *data,
                 gsize       len)
{
  guint commas = 0, semicolons = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ',')
        commas++;
      else if (!quoted && c == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

/* The bytes from a quote that is wrong, for the message. */
static void
syntax_error (Reader     *r,
              const char *data,
              gsize       len,
              gsize       at)
{
  gsize from = at, to = at;
  g_autofree char *excerpt = NULL;

  while (from > 0 && at - from < 20 && data[from - 1] != '\n')
    from--;
  while (to < len && to - at < 20 && data[to] != '\n' && data[to] != '\r')
    to++;
  excerpt = g_utf8_make_valid (data + from, to - from);
  set_error (r, PACTE_CSV_ERROR_SYNTAX, r->record->len,
             /* Translators: %s is the text around the wrong quote. */
             _("a quote that is not where CSV allows it (in “%s”): a quoted cell must start and end with \", and a \" inside it is written \"\""),
             excerpt);
}

PacteCsvTable *
pacte_csv_table_new_from_data (const char  *data,
                               gsize        len,
                               const char  *display_name,
                               GError     **error)
{
  g_autoptr(PacteCsvTable) table = g_new0 (PacteCsvTable, 1);
  struct csv_parser parser;
  Reader r = { 0 };
  gsize pos = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  table->display_name = g_strdup (display_name != NULL ? display_name : "CSV");
  table->text = g_string_chunk_new (64 * 1024);
  table->cells = g_ptr_array_new ();
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  table->numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      table->bom = TRUE;
      pos = 3;
    }
  table->separator = sniff_separator (data + pos, len - pos);

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
    g_error ("libcsv could not start");
  csv_set_delim (&parser, (unsigned char) table->separator);
  r.table = table;
  r.record = g_ptr_array_new ();
  r.all_empty = TRUE;
  r.need_start = TRUE;

  /* One line at a time, so that each row knows its line and an error
   * knows its place. */
  while (pos < len && r.error == NULL)
    {
      const char *nl = memchr (data + pos, '\n', len - pos);
      gsize end = nl != NULL ? (gsize) (nl - data) + 1 : len;
      gsize parsed;

      r.line++;
      if (r.need_start && end - pos > 0 && data[pos] != '\n'
          && !(data[pos] == '\r' && end - pos <= 2))
        {
          r.start_line = r.line;
          r.need_start = FALSE;
        }
      parsed = csv_parse (&parser, data + pos, end - pos, on_field, on_record, &r);
      if (r.error == NULL && parsed < end - pos)
        {
          if (csv_error (&parser) == CSV_EPARSE)
            syntax_error (&r, data, len, pos + parsed);
          else
            set_error (&r, PACTE_CSV_ERROR_SYNTAX, r.record->len, "%s",
                       csv_strerror (csv_error (&parser)));
        }
      pos = end;
    }
  if (r.error == NULL && csv_fini (&parser, on_field, on_record, &r) != 0 && r.error == NULL)
    set_error (&r, PACTE_CSV_ERROR_SYNTAX, r.record->len,
               _("the file ends inside a quoted cell: a quote is not closed"));
  csv_free (&parser);
  g_ptr_array_unref (r.record);

  if (r.error != NULL)
    {
      g_propagate_error (error, r.error);
      return NULL;
    }
  if (r.records == 0)
    {
      g_set_error (error, PACTE_CSV_ERROR, PACTE_CSV_ERROR_EMPTY,
                   _("%s: the file is empty: expected a header row naming the columns"),
                   table->display_name);
      return NULL;
    }
  return g_steal_pointer (&table);
}

PacteCsvTable *
pacte_csv_table_new_from_file (GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = pacte_file_display_name (file);
  if (!pacte_file_read (file, PACTE_CSV_MAX_SIZE, NULL, NULL, &contents, &length, NULL, NULL,
                        cancellable, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
      return NULL;
    }
  return pacte_csv_table_new_from_data (contents, length, name, error);
}

void
pacte_csv_table_free (PacteCsvTable *self)
{
  if (self == NULL)
    return;
  g_free (self->display_name);
  if (self->text != NULL)
    g_string_chunk_free (self->text);
  if (self->cells != NULL)
    g_ptr_array_unref (self->cells);
  if (self->lines != NULL)
    g_array_unref (self->lines);
  if (self->numbers != NULL)
    g_array_unref (self->numbers);
  g_free (self);
}

guint
pacte_csv_table_get_n_columns (PacteCsvTable *self)
{
  return self->n_columns;
}

guint
pacte_csv_table_get_n_rows (PacteCsvTable *self)
{
  return self->n_columns == 0 ? 0 : self->cells->len / self->n_columns - 1;
}

const char *
pacte_csv_table_get_header (PacteCsvTable *self,
                            guint          column)
{
  g_return_val_if_fail (column < self->n_columns, NULL);
  return g_ptr_array_index (self->cells, column);
}

const char *
pacte_csv_table_get_cell (PacteCsvTable *self,
                          guint          row,
                          guint          column)
{
  g_return_val_if_fail (column < self->n_columns, NULL);
  g_return_val_if_fail (row < pacte_csv_table_get_n_rows (self), NULL);
  return g_ptr_array_index (self->cells, (row + 1) * self->n_columns + column);
}

guint
pacte_csv_table_get_row_number (PacteCsvTable *self,
                                guint          row)
{
  g_return_val_if_fail (row + 1 < self->numbers->len, 0);
  return g_array_index (self->numbers, guint, row + 1);
}

guint
pacte_csv_table_get_row_line (PacteCsvTable *self,
                              guint          row)
{
  g_return_val_if_fail (row + 1 < self->lines->len, 0);
  return g_array_index (self->lines, guint, row + 1);
}

char
pacte_csv_table_get_separator (PacteCsvTable *self)
{
  return self->separator;
}

gboolean
pacte_csv_table_had_bom (PacteCsvTable *self)
{
  return self->bom;
}

const char *
pacte_csv_table_get_display_name (PacteCsvTable *self)
{
  return self->display_name;
}
