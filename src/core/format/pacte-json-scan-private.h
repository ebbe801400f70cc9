/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-json-scan-private.h: the strict byte pre-scan of a portfolio file
 * (pacte-json-scan.c).  Only for the loader (format/). */
#pragma once

#include "pacte-model.h"

G_BEGIN_DECLS

#define PACTE_JSON_MAX_DEPTH          512
#define PACTE_JSON_MAX_FILE_SIZE      (G_GINT64_CONSTANT (1) << 30)   /* 1 GiB */
#define PACTE_JSON_MAX_STRING_BYTES   (1 << 20)                       /* 1 MiB */
#define PACTE_JSON_MAX_SAFE_INTEGER   9007199254740992.0              /* 2^53 */

/* Where things are in the compact text: compact[start..end), which ends
 * before data[source_end] in the text as read. */
typedef struct
{
  gsize start, end;
  gsize source_end;
} PacteJsonSpan;

/* A member of the root object. */
typedef struct
{
  char          *name;        /* escapes decoded */
  PacteJsonSpan  value;
  gboolean       is_array;
  guint          first_item;  /* when is_array: its items in the outline's items */
  guint          n_items;
} PacteJsonMember;

/* The outline of a text: the members of its root object (when it is one),
 * in order, and the items of those of them that are arrays. */
typedef struct
{
  gboolean  root_is_object;
  GArray   *members;          /* PacteJsonMember */
  GArray   *items;            /* PacteJsonSpan */
} PacteJsonOutline;

/* Messages of the scan (pacte-json-messages.c): each sets error to
 * "display:line:column: what" and returns FALSE. */
gboolean pacte_json_fail_at       (GError     **error,
                                   int          code,
                                   const char  *display,
                                   const char  *data,
                                   gsize        offset,
                                   const char  *format,
                                   ...) G_GNUC_PRINTF (6, 7);
gboolean pacte_json_fail_encoding (GError     **error,
                                   const char  *display,
                                   const char  *data,
                                   gsize        offset);
/* 1-based line and column (in characters) of a byte offset. */
void     pacte_json_position_of   (const char *data,
                                   gsize       offset,
                                   guint      *line,
                                   guint      *column);
/* A short quotable form of the token at data[offset]. */
char    *pacte_json_excerpt       (const char *data,
                                   gsize       len,
                                   gsize       offset,
                                   gsize       token_len);
/* The character at data[offset], quoted, or its code point. */
char    *pacte_json_describe_char (const char *data,
                                   gsize       len,
                                   gsize       offset);

/* Eight bytes at a time: b in each byte of a word. */
#define ONES(b) (G_GUINT64_CONSTANT (0x0101010101010101) * (b))

/* The bytes of w equal to c: the high bit of each, exact (no carry from
 * one byte to the next). */
static inline guint64
equal_bytes (guint64 w,
             guchar  c)
{
  guint64 y = w ^ ONES (c);

  return ~(((y & ONES (0x7F)) + ONES (0x7F)) | y) & ONES (0x80);
}

/* The first byte of data[from..len) that can be nowhere in a JSON text,
 * not even in a string (a control character other than tab and line
 * breaks, or a byte never in UTF-8: 0xC0, 0xC1, 0xF5 and up); len when
 * there is none.  Eight bytes at a time. */
gsize    pacte_json_find_impossible_byte (const char *data,
                                          gsize       from,
                                          gsize       len);

void     pacte_json_outline_init  (PacteJsonOutline *outline);
void     pacte_json_outline_clear (PacteJsonOutline *outline);

/* Everything that can be said about the bytes before parsing them: size,
 * not empty, UTF-8, then strict JSON (RFC 8259) nested at most
 * PACTE_JSON_MAX_DEPTH levels with nothing after the value.  A leading byte
 * order mark is skipped (*data_inout and *len_inout move past it).  Errors
 * are PACTE_MODEL_ERROR, prefixed with display and line:column.
 *
 * The same pass copies the text without the white space between its tokens
 * to *compact (NUL-terminated, *compact_len bytes; free it with g_free ()),
 * where the outline's spans are: json-glib's scanner tests every character
 * it skips with strchr (), so an indented file is parsed about a fifth
 * faster without its indentation. */
gboolean pacte_json_check_text (const char        **data_inout,
                                gsize              *len_inout,
                                const char         *display,
                                PacteJsonOutline   *outline,
                                char              **compact,
                                gsize              *compact_len,
                                GError            **error);

G_END_DECLS
