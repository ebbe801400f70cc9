/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-drafts.h: drafts of unsaved portfolios, so that nothing typed is lost
 * when the program is killed or crashes.
 *
 * A draft store is a folder (g_get_user_data_dir()/pacte/drafts, or
 * $PACTE_DRAFTS_DIR) holding, for each draft id, two files written
 * atomically:
 *   ID.pacte.json   the portfolio in canonical JSON (pacte_portfolio_to_bytes)
 *   ID.draft.json   a small description: original file URI (or null for a
 *                   portfolio never saved), its etag, the time saved, the title.
 * The data is written before the description, and removed before it, so that
 * a crash at any moment leaves either a complete draft or a data file alone,
 * which is still listed (no typed data is ever dropped).
 *
 * PacteAutosave keeps the draft of one open portfolio up to date: after a
 * pause of a few seconds in editing (or at the latest 30 s after the first
 * unsaved edit) it writes the draft; when the portfolio becomes
 * unmodified (saved, or undone back to the saved state) it removes it. */
#pragma once

#include "pacte-draft-info.h"
#include "pacte-draft-store.h"
#include "pacte-autosave.h"
