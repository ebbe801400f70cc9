/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window.h: the main window: an empty state, or one open portfolio
 * with its plans and partners in a sidebar and the selected item's editor
 * (and, for a plan, the golden-rules panel) beside it. */
#pragma once

#include <adwaita.h>

#include "pacte-application.h"
#include "pacte-context.h"
#include "pacte-document.h"
#include "pacte-drafts.h"
#include "pacte-rules-panel.h"

G_BEGIN_DECLS

#define PACTE_TYPE_WINDOW (pacte_window_get_type ())
G_DECLARE_FINAL_TYPE (PacteWindow, pacte_window, PACTE, WINDOW, AdwApplicationWindow)

/* app may be NULL (tests): then no settings, the default rule set. */
PacteWindow     *pacte_window_new               (PacteApplication *app);

/* Loads file asynchronously and shows it; a failure shows a dialog with the
 * model's message and leaves the current document as it is.  No question
 * about unsaved changes is asked here (the Open action asks first). */
void             pacte_window_open_file         (PacteWindow      *self,
                                                 GFile            *file);
/* Shows portfolio at once (replacing any document, without asking). */
void             pacte_window_set_portfolio     (PacteWindow      *self,
                                                 PactePortfolio   *portfolio);
/* Opens files as a user expects (the Open dialog, Open Recent, a drop, the
 * command line): a file already open in a window brings that window
 * forward; the first other file goes into this window if it is empty, the
 * others into new windows. */
void             pacte_window_open_files        (PacteWindow      *self,
                                                 GFile           **files,
                                                 guint             n_files);
/* Opens the draft draft_id of store in the window (replacing its document,
 * without asking): the unsaved state comes back, and keeps being written to
 * the same draft until it is saved. */
gboolean         pacte_window_restore_draft     (PacteWindow      *self,
                                                 PacteDraftStore  *store,
                                                 const char       *draft_id,
                                                 GError          **error);
/* The document shown (its portfolio, file, draft, load and save). */
PacteDocument   *pacte_window_get_document      (PacteWindow      *self);
gboolean         pacte_window_has_document      (PacteWindow      *self);
/* No document, and none being opened: the window may take a file. */
gboolean         pacte_window_is_empty          (PacteWindow      *self);
/* The file shown, or being opened (NULL if none). */
GFile           *pacte_window_get_file          (PacteWindow      *self);
/* The Open Recent menu: recent portfolios, newest first, at most 10; each
 * item activates win.open-recent with the file's URI. */
GMenuModel      *pacte_window_get_recent_menu   (PacteWindow      *self);
PactePortfolio  *pacte_window_get_portfolio     (PacteWindow      *self);
PacteContext    *pacte_window_get_context       (PacteWindow      *self);
/* Julian day rules are evaluated at for documents opened from now on
 * (0: the current date; the environment variable PACTE_TODAY=YYYY-MM-DD
 * sets it for the whole program). */
void             pacte_window_set_today         (PacteWindow      *self,
                                                 guint32           today);

/* The rules documents opened from now on are checked against (by default
 * the application's). */
void             pacte_window_set_rules         (PacteWindow      *self,
                                                 PacteRuleSet     *rules);

/* Selection (also used by tests). */
void             pacte_window_select_plan       (PacteWindow      *self,
                                                 PactePlan        *plan);
void             pacte_window_select_partner    (PacteWindow      *self,
                                                 PactePartner     *partner);
PactePlan       *pacte_window_get_plan          (PacteWindow      *self);
/* Shows plan and takes the user to what fixes rule_id there ("R05"): a
 * field of the plan or of one of its items, a list's add button, or a
 * partner's record on the Partners page; scrolled to and visibly focused.
 * FALSE (and a toast) when the rule names no such place (green, off).
 * Also the action "win.show-rule" with ("plan-id", "rule-id"). */
gboolean         pacte_window_show_rule         (PacteWindow      *self,
                                                 PactePlan        *plan,
                                                 const char       *rule_id);
PactePartner    *pacte_window_get_partner       (PacteWindow      *self);
PacteRulesPanel *pacte_window_get_rules_panel   (PacteWindow      *self);
GtkWidget       *pacte_window_get_plan_editor   (PacteWindow      *self);
GtkWidget       *pacte_window_get_partner_editor (PacteWindow     *self);
/* The plans as listed (filtered by the search, sorted). */
GListModel      *pacte_window_get_plan_list     (PacteWindow      *self);
GListModel      *pacte_window_get_partner_list  (PacteWindow      *self);
void             pacte_window_set_search        (PacteWindow      *self,
                                                 const char       *text);

/* The Overview page (heat map, fix first, agenda): page "heat-map",
 * "fix-first", "agenda" or NULL (as last shown).  Ctrl+1. */
void             pacte_window_show_overview     (PacteWindow      *self,
                                                 const char       *page);
GtkWidget       *pacte_window_get_overview      (PacteWindow      *self); /* a PacteOverview, or NULL */
/* Shows a passing message at the bottom of the window; text is plain text
 * (escaped here: a toast's title is markup). */
void             pacte_window_show_toast        (PacteWindow      *self,
                                                 const char       *text);

G_END_DECLS
