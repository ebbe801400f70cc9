/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-record-root.h: what the top of a record tree (the portfolio) does
 * for the records below it.  The record base class knows nothing of the
 * portfolio: every edit made through a setter is reported to the root, which
 * records the undo step, tells its listeners, and keeps its id index.  Only
 * for src/core. */
#pragma once

#include "pacte-record.h"

G_BEGIN_DECLS

typedef struct _PacteHistory PacteHistory;

#define PACTE_TYPE_RECORD_ROOT (pacte_record_root_get_type ())
G_DECLARE_INTERFACE (PacteRecordRoot, pacte_record_root, PACTE, RECORD_ROOT, PacteRecord)

struct _PacteRecordRootInterface
{
  GTypeInterface g_iface;

  /* Where undoable edits are recorded (NULL: they are not). */
  PacteHistory *(*get_history)    (PacteRecordRoot *self);
  /* After any edit of record's field below the root (or of the root). */
  void          (*record_changed) (PacteRecordRoot *self,
                                   PacteRecord     *record,
                                   guint            field);
  /* A record directly below the root was added, removed or changed its id. */
  void          (*ids_changed)    (PacteRecordRoot *self);
  /* The record of that type with that id directly below the root, or NULL. */
  PacteRecord  *(*find_record)    (PacteRecordRoot *self,
                                   GType            type,
                                   const char      *id);
};

/* The root of record's tree, or NULL for a detached tree. */
PacteRecordRoot *pacte_record_get_root (PacteRecord *record);

G_END_DECLS
