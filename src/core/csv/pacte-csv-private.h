/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-csv-private.h: what the CSV import and export share
 * (pacte-csv-map.c). */
#pragma once

#include "pacte-csv.h"

G_BEGIN_DECLS

/* A header as the guess compares it: pacte_csv_match_key() in words of
 * letters and digits separated by one space, the last word singular. */
char                 *pacte_csv_header_key          (const char   *header);
/* The shortest text that reads back as value; "" for NaN. */
char                 *pacte_csv_format_number       (double        value,
                                                     gboolean      decimal_comma);
/* Text, choice (by its name in lang; NULL: the interface's), list, number
 * or date field of any record as CSV text. */
char                 *pacte_csv_format_record_value (PacteRecord  *record,
                                                     guint         field,
                                                     const char   *lang,
                                                     gboolean      decimal_comma);
/* cell without the ' the export puts before a cell a spreadsheet would
 * take for a formula. */
const char           *pacte_csv_unguard             (const char   *cell);
/* Sets field of record from a CSV cell: a choice by its value or its name
 * in any language, a list split at ';', a number with '.' or ','. */
gboolean              pacte_csv_set_from_text       (PacteRecord  *record,
                                                     guint         field,
                                                     const char   *cell,
                                                     GError      **error);
gboolean              pacte_csv_same_value          (PacteRecord  *a,
                                                     PacteRecord  *b,
                                                     guint         field);
gboolean              pacte_csv_copy_value          (PacteRecord  *src,
                                                     PacteRecord  *dest,
                                                     guint         field,
                                                     GError      **error);

G_END_DECLS
