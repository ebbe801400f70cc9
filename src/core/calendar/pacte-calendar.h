/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-calendar.h: the dates of a portfolio (or of one plan) as an
 * iCalendar file that calendar programs import (docs/calendar.md).
 *
 * Every date becomes an all-day event (VALUE=DATE, no time zone):
 * governance meetings recur from their next meeting at their cadence;
 * joint events, action due dates, decision dates and review due dates are
 * single days.  Each event's UID is derived from the records it comes from
 * (the portfolio's title, the plan's id, the action's id, or for records
 * without an id the body's name, the decision's question, the event's title
 * and their rank among namesakes), so that importing a newer export updates
 * the events instead of adding them twice.  Summaries and descriptions are
 * in the language asked for, through the language table. */
#pragma once

#include <gio/gio.h>

#include "pacte-portfolio.h"

G_BEGIN_DECLS

/* The VCALENDAR text of portfolio's plans, or of plan alone when not NULL.
 * stamp: the DTSTAMP of every event (NULL: now).  n_events (may be NULL):
 * how many events it holds.  Never fails: an undated record is left out. */
char     *pacte_calendar_build (PactePortfolio *portfolio,
                                PactePlan      *plan,
                                const char     *lang,
                                GDateTime      *stamp,
                                guint          *n_events);

/* pacte_calendar_build() written to target through the atomic writer
 * (no backup).  On failure target is as it was; the message names it. */
gboolean  pacte_calendar_write (PactePortfolio *portfolio,
                                PactePlan      *plan,
                                const char     *lang,
                                GFile          *target,
                                guint          *n_events,
                                GError        **error);

G_END_DECLS
