/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-atomic-file.h: the one way Pacte writes a file.
 *
 * The new content goes to a temporary file in the target's folder
 * (".pacte-tmp-XXXXXX-NAME", created with O_EXCL, with the target's mode);
 * every write, the fsync and the close are checked, and only then is the
 * temporary file renamed over the target.  On any failure the temporary
 * file is removed and the target is left byte-identical.  A file is never
 * rewritten in place: when its folder is not writable the write is refused
 * (G_IO_ERROR_PERMISSION_DENIED, saying why).  A target that exists and is
 * not a regular file (folder, FIFO, device, socket) is refused; a symbolic
 * link is followed (the link stays, the file it points to is replaced).
 *
 * Errors keep GIO's domain and code (G_IO_ERROR_NO_SPACE on a full disk,
 * G_IO_ERROR_CANCELLED when cancelled) and their message does not name the
 * target: the caller says which file it was saving.
 *
 * Leftovers of killed runs (our own temporary files, and GLib's
 * ".goutputstream-XXXXXX" files holding a Pacte file, owned by the user and
 * untouched for PACTE_ATOMIC_LEFTOVER_AGE seconds) are removed at the next
 * write to the same folder. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PACTE_ATOMIC_TEMP_PREFIX    ".pacte-tmp-"
#define PACTE_ATOMIC_LEFTOVER_AGE   (10 * 60) /* seconds */

typedef enum {
  PACTE_ATOMIC_NONE    = 0,
  PACTE_ATOMIC_BACKUP  = 1 << 0, /* keep the replaced version as FILE~ (itself written atomically) */
  PACTE_ATOMIC_PRIVATE = 1 << 1, /* a new file is created 0600 */
} PacteAtomicFlags;

typedef struct _PacteAtomicFile PacteAtomicFile;

/* Creates the temporary file beside target (a local file). */
PacteAtomicFile *pacte_atomic_file_new          (GFile             *target,
                                                 PacteAtomicFlags   flags,
                                                 GError           **error);
gboolean         pacte_atomic_file_write        (PacteAtomicFile   *self,
                                                 const void        *data,
                                                 gsize              len,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
/* fsync, close, backup, rename.  etag_out (may be NULL): the new file's
 * etag as g_file_query_info() gives it.  On failure the target is as it was. */
gboolean         pacte_atomic_file_commit       (PacteAtomicFile   *self,
                                                 char             **etag_out,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
/* Removes the temporary file unless committed, and frees. */
void             pacte_atomic_file_free         (PacteAtomicFile   *self);
/* The temporary file's path (for tests and messages). */
const char      *pacte_atomic_file_get_temp_path (PacteAtomicFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PacteAtomicFile, pacte_atomic_file_free)

/* The whole routine for content in memory. */
gboolean         pacte_atomic_write             (GFile             *target,
                                                 const void        *data,
                                                 gsize              len,
                                                 PacteAtomicFlags   flags,
                                                 char             **etag_out,
                                                 GCancellable      *cancellable,
                                                 GError           **error);

/* Removes, in dir, the leftovers described above; returns how many. */
guint            pacte_atomic_clean_leftovers   (const char        *dir);

/* For a synchronous program (the command line): on SIGINT, SIGTERM and
 * SIGHUP the temporary files being written are removed, then the signal
 * kills the process as it would have.  Signals already ignored stay so. */
void             pacte_atomic_remove_temp_on_signals (void);

G_END_DECLS
