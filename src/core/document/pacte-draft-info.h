/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-draft-info.h: one draft of an unsaved portfolio, as listed by its
 * store (pacte-draft-store.h). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* ---- One draft, as listed ------------------------------------------------ */
#define PACTE_TYPE_DRAFT_INFO (pacte_draft_info_get_type ())
G_DECLARE_FINAL_TYPE (PacteDraftInfo, pacte_draft_info, PACTE, DRAFT_INFO, GObject)

/* Properties (read-only): "id", "file" (the original file, NULL for a
 * portfolio never saved), "saved" (GDateTime, UTC), "title" ("" if none). */
const char     *pacte_draft_info_get_id            (PacteDraftInfo  *self);
GFile          *pacte_draft_info_get_file          (PacteDraftInfo  *self);
GDateTime      *pacte_draft_info_get_saved         (PacteDraftInfo  *self);
const char     *pacte_draft_info_get_title         (PacteDraftInfo  *self);

G_END_DECLS
