/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-load-companion.h: work an open does beside its load, in a thread of
 * its own, on what the load has read so far: the partners in name order
 * once they are all read (pacte-name-order.h), and each plan's rule summary
 * (pacte-rule-summaries.h) as soon as the load has built it.  A file has
 * its partners before its plans, and the plans are most of it: by the time
 * the last plan is read, what the worker would have done after the load
 * (about 100 ms on 2,000 plans and 10,000 partners) is done.
 *
 * The load tells it through its observer (pacte_portfolio_load_file_observed
 * with pacte_load_companion_get_observer ()); the companion has stopped
 * reading the portfolio when the load puts the plans in it.  Plans read
 * before the partners (a file in another order) get no summary here: the
 * worker makes theirs after the load, as it does for any summary that is
 * not current. */
#pragma once

#include "pacte-model.h"
#include "pacte-rules.h"

G_BEGIN_DECLS

typedef struct _PacteLoadCompanion PacteLoadCompanion;

/* rules: NULL makes no summaries. */
PacteLoadCompanion      *pacte_load_companion_new          (PacteRuleSet       *rules,
                                                            guint32             today);
/* The observer to give the load, with the companion as its data. */
const PacteLoadObserver *pacte_load_companion_get_observer (void);
/* Waits for the companion's thread.  The partners of portfolio in name
 * order (PactePartner *, references; transfer full), or NULL when it did
 * not sort them (the load failed before, or portfolio is another one). */
GPtrArray               *pacte_load_companion_finish       (PacteLoadCompanion *self,
                                                            PactePortfolio     *portfolio);
/* Finishes it if needed and frees it. */
void                     pacte_load_companion_free         (PacteLoadCompanion *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PacteLoadCompanion, pacte_load_companion_free)

G_END_DECLS
