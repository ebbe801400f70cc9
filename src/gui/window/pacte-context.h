/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-context.h: what the widgets of one open document share.
 *
 * A context bundles the document (portfolio), its live evaluator, the rule
 * set, the date rules are evaluated at, the settings and the interface
 * language, so that widgets receive one object instead of reaching for
 * globals, and tests can build their own.
 *
 * A context belongs to ONE document and never changes: opening or creating
 * another document makes a new context (and the window builds new editors
 * for it).  All properties are read-only after construction. */
#pragma once

#include <gio/gio.h>

#include "pacte-portfolio.h"
#include "pacte-rules.h"
#include "pacte-load-prepared.h"

G_BEGIN_DECLS

#define PACTE_TYPE_CONTEXT (pacte_context_get_type ())
G_DECLARE_FINAL_TYPE (PacteContext, pacte_context, PACTE, CONTEXT, GObject)

/* portfolio: the document (a reference is taken).
 * rules: NULL for pacte_rule_set_get_default().
 * settings: GSettings of io.github.pacte.Pacte, or NULL (tests).
 * today: Julian day the rules are evaluated at, 0 for the current local date.
 * The evaluator is created here, in pacte_i18n_user_language(). */
PacteContext   *pacte_context_new           (PactePortfolio *portfolio,
                                             PacteRuleSet   *rules,
                                             GSettings      *settings,
                                             guint32         today);
/* The context of a portfolio whose load prepared its evaluator in the
 * worker thread (every plan evaluated already): that evaluator, its rules,
 * date and language. */
PacteContext   *pacte_context_new_adopting  (PacteLoadPrepared *prepared,
                                             GSettings      *settings);

/* Properties: "portfolio", "evaluator", "rules", "settings", "today", "language". */
PactePortfolio *pacte_context_get_portfolio (PacteContext   *self);
PacteEvaluator *pacte_context_get_evaluator (PacteContext   *self);
PacteRuleSet   *pacte_context_get_rules     (PacteContext   *self);
GSettings      *pacte_context_get_settings  (PacteContext   *self); /* may be NULL */
guint32         pacte_context_get_today     (PacteContext   *self);
const char     *pacte_context_get_language  (PacteContext   *self); /* "en" or "fr" */

/* Convenience: the live results of a plan (transfer none). */
PactePlanResults *pacte_context_get_results (PacteContext   *self,
                                             PactePlan      *plan);

/* The current local date as a Julian day (same numbering as pacte_date_parse()). */
guint32         pacte_context_today_now     (void);
/* Drops the caller's reference to self in a thread of its own: when it is
 * the last one held on the portfolio too, its 150,000 records are freed
 * there, not in the main loop (300 ms of it when a large portfolio is
 * replaced by another).  The caller holds nothing of the portfolio any
 * more (widgets unbound); pending evaluations are run first, here. */
void            pacte_context_release_in_thread (PacteContext *self);

G_END_DECLS
