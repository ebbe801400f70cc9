/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-file-read.h: reading a whole file, with limits.
 *
 * Every file Pacte reads (portfolios, rule files, drafts) comes through
 * here.  What is not a regular file (a folder, a FIFO, a device such as
 * /dev/zero or /dev/urandom, a socket) is refused at once, without waiting
 * for a writer (the file is opened with O_NONBLOCK); at most max_size bytes
 * are read, then the read stops, even when the file grows meanwhile; and a
 * check can stop it early (a byte that can never be in the file).
 *
 * Errors are G_IO_ERROR (G_IO_ERROR_NOT_REGULAR_FILE, G_IO_ERROR_IS_DIRECTORY,
 * G_IO_ERROR_MESSAGE_TOO_LARGE past max_size, G_IO_ERROR_CANCELLED, or what
 * the system said); their message does not name the file: the caller does. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Called after each block read: data[0..len) is everything read so far, of
 * which data[0..checked) was seen by earlier calls.  Return FALSE to stop
 * reading (the text read so far is returned, and *stopped is TRUE). */
typedef gboolean (*PacteReadCheck) (const char *data,
                                    gsize       len,
                                    gsize       checked,
                                    gpointer    user_data);

/* contents is NUL-terminated (not counted in length).  etag_out (may be
 * NULL): the etag g_file_query_info() gives for the content read, or NULL
 * when the file changed while it was read. */
gboolean pacte_file_read (GFile           *file,
                          gsize            max_size,
                          PacteReadCheck   check,
                          gpointer         check_data,
                          char           **contents,
                          gsize           *length,
                          gboolean        *stopped,
                          char           **etag_out,
                          GCancellable    *cancellable,
                          GError         **error);

/* How the files are named in every message: the full path (the parse name
 * of a non-local location). */
char    *pacte_file_display_name (GFile *file);

G_END_DECLS
