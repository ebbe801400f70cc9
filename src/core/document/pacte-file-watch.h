/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-file-watch.h: notices when another program changes or deletes the
 * file of an open portfolio.
 *
 * The watch follows the portfolio's "file" (a Save As moves it) with a
 * GFileMonitor; each burst of events is followed by one query of the file's
 * etag, compared with the etag the portfolio last loaded or saved
 * (pacte_portfolio_get_etag()).  Our own saves therefore pass unnoticed: the
 * portfolio knows the new etag by the time the check runs.  A save that
 * completes in the background should be bracketed by pause()/unpause(). */
#pragma once

#include <gio/gio.h>

#include "pacte-portfolio.h"

G_BEGIN_DECLS

typedef enum {
  PACTE_DISK_STATE_SAME,     /* the file is the version loaded or saved (or the user chose to keep theirs) */
  PACTE_DISK_STATE_CHANGED,  /* another program wrote it */
  PACTE_DISK_STATE_DELETED,  /* it is gone: deleted, or moved away */
} PacteDiskState;

#define PACTE_TYPE_DISK_STATE (pacte_disk_state_get_type ())
GType pacte_disk_state_get_type (void);

#define PACTE_TYPE_FILE_WATCH (pacte_file_watch_get_type ())
G_DECLARE_FINAL_TYPE (PacteFileWatch, pacte_file_watch, PACTE, FILE_WATCH, GObject)

/* Starts watching at once, and checks the file once (a restored draft may
 * already be behind its file).
 * Properties: "portfolio" (construct-only), "state" (PacteDiskState, read-only).
 * Signals: "changed-on-disk" () each time a new version by another program is
 * seen; "deleted" () when the file disappears. */
PacteFileWatch *pacte_file_watch_new                (PactePortfolio *portfolio);
PactePortfolio *pacte_file_watch_get_portfolio      (PacteFileWatch *self);
PacteDiskState  pacte_file_watch_get_state          (PacteFileWatch *self);

/* Checks now instead of waiting for the file monitor (when the window gets
 * the focus back, for instance); the result arrives through the signals. */
void            pacte_file_watch_check              (PacteFileWatch *self);

/* Keep Mine: the version now on disk is known to the user, who keeps theirs.
 * The state returns to SAME and check_before_save() no longer objects to
 * that version; a later change on disk is reported again. */
void            pacte_file_watch_acknowledge        (PacteFileWatch *self);

/* Around a save made in the background: events seen in between are ignored,
 * and unpause() checks once more. Calls nest. */
void            pacte_file_watch_pause              (PacteFileWatch *self);
void            pacte_file_watch_unpause            (PacteFileWatch *self);

/* Before Save: TRUE when the file on disk is not the version this portfolio
 * was loaded from or last saved to (nor one the user acknowledged), so that
 * saving would overwrite someone else's work: the window asks first.
 * FALSE when the portfolio has no file or the file does not exist. */
gboolean        pacte_file_watch_check_before_save  (PacteFileWatch *self);

G_END_DECLS
