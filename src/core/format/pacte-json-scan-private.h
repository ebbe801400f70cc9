/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-json-scan-private.h: the strict byte pre-scan of a portfolio file
 * (pacte-json-scan.c).  Only for pacte-portfolio-load.c. */
#pragma once

#include "pacte-model.h"

G_BEGIN_DECLS

#define PACTE_JSON_MAX_DEPTH          512
#define PACTE_JSON_MAX_FILE_SIZE      (G_GINT64_CONSTANT (1) << 30)   /* 1 GiB */
#define PACTE_JSON_MAX_STRING_BYTES   (1 << 20)                       /* 1 MiB */
#define PACTE_JSON_MAX_SAFE_INTEGER   9007199254740992.0              /* 2^53 */

/* Everything that can be said about the bytes before parsing them: size,
 * not empty, UTF-8, then strict JSON (RFC 8259) nested at most
 * PACTE_JSON_MAX_DEPTH levels with nothing after the value.  A leading byte
 * order mark is skipped (*data_inout and *len_inout move past it).  Errors
 * are PACTE_MODEL_ERROR, prefixed with display and line:column. */
gboolean pacte_json_check_text (const char **data_inout,
                                gsize       *len_inout,
                                const char  *display,
                                GError     **error);

/* Removes the white space between the tokens of a text that passed
 * pacte_json_check_text(), in place; returns the new length. */
gsize    pacte_json_compact    (char        *data,
                                gsize        len);

G_END_DECLS
