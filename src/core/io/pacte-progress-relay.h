/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Progress of work in a worker thread, handed to the main context that made
 * the relay: the worker posts the latest figures, and at most one idle
 * source is on its way at a time (thousands of pages or pieces, not
 * thousands of idles).  Used by the asynchronous load and the report's
 * PDF export. */
typedef struct _PacteProgressRelay PacteProgressRelay;

typedef void (*PacteProgressRelayFunc) (guint64  done,
                                        guint64  total,
                                        gpointer data);

PacteProgressRelay *pacte_progress_relay_new    (const char             *name,
                                                 PacteProgressRelayFunc  func,
                                                 gpointer                data,
                                                 GDestroyNotify          destroy);
PacteProgressRelay *pacte_progress_relay_ref    (PacteProgressRelay     *relay);
void                pacte_progress_relay_unref  (PacteProgressRelay     *relay);
/* Any thread. */
void                pacte_progress_relay_post   (PacteProgressRelay     *relay,
                                                 guint64                 done,
                                                 guint64                 total);
/* In the relay's context: reports the latest figures now, unless they
 * were reported already, then nothing more (the work is over). */
void                pacte_progress_relay_finish (PacteProgressRelay     *relay,
                                                 gboolean                report_last);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PacteProgressRelay, pacte_progress_relay_unref)

G_END_DECLS
