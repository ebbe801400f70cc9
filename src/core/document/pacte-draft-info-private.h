/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-draft-info-private.h: made by the draft store only. */
#pragma once

#include "pacte-draft-info.h"

G_BEGIN_DECLS

/* saved: NULL for "unknown" (the store fills it from the file's time). */
PacteDraftInfo *_pacte_draft_info_new       (const char     *id,
                                             GFile          *file,
                                             GDateTime      *saved,
                                             const char     *title);
/* Sets the time saved when the description did not give one. */
void            _pacte_draft_info_set_saved (PacteDraftInfo *self,
                                             GDateTime      *saved);

G_END_DECLS
