/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-analysis.h: the portfolio cockpit's figures, shared by the window,
 * the report and the command line (no GTK).
 *
 *   PacteFix           one failing rule of a plan and the points turning it
 *                      green would add to the plan's score
 *   PacteAnalysis      every plan's lights and score, per-rule totals, the
 *                      average score and its distribution, fix-first lists
 *   PacteTrendPoint    a plan's score at each recorded review, then now
 *   PacteAgendaItem    what is due across the portfolio (pacte-agenda.c)
 *
 * Every score comes from the engine's own pacte_score_from_counts(), so a
 * gain shown here is exactly what the plan's score becomes when the rule
 * turns green.  Switched-off rules are never fixes.
 */
#pragma once

#include "pacte-rules.h"

G_BEGIN_DECLS

/* ---- Fix first: one plan ----------------------------------------------- */
typedef struct {
  guint       rule_index;
  PacteStatus status;     /* PACTE_STATUS_RED or PACTE_STATUS_AMBER */
  int         gain;       /* score with this rule green − score now (> 0) */
} PacteFix;

/* statuses[0 .. n_rules-1] in rule order.  Fills fixes (room for n_rules)
 * with the failing rules, largest gain first (then red before amber, then
 * rule order) and returns how many. */
guint        pacte_fix_first_plan        (const PacteStatus *statuses,
                                          guint              n_rules,
                                          PacteFix          *fixes);
/* The same for evaluation outcomes. */
guint        pacte_fix_first_outcomes    (const PacteRuleOutcome *outcomes,
                                          guint                   n_rules,
                                          PacteFix               *fixes);

/* ---- The portfolio ----------------------------------------------------- */
typedef struct _PacteAnalysis PacteAnalysis;

#define PACTE_ANALYSIS_N_BUCKETS 10  /* scores 0–9, 10–19, … 90–100 */

/* One rule to fix across the portfolio: the plans where it is red or amber,
 * and what turning it green in all of them adds to the average score. */
typedef struct {
  guint        rule_index;
  guint        n_plans;       /* plans where the rule fails */
  guint        n_red;
  guint        n_amber;
  const guint *plans;         /* analysis plan indexes, largest gain first */
  const int   *gains;         /* each plan's own gain, same order */
  int          total_gain;    /* sum of gains */
  double       average_gain;  /* total_gain / scored plans: the average's rise */
} PactePortfolioFix;

/* An empty analysis; add plans with pacte_analysis_add_plan(). */
PacteAnalysis *pacte_analysis_new          (PacteRuleSet    *rules);
/* Evaluates every plan of portfolio at today (Julian day) and adds it. */
PacteAnalysis *pacte_analysis_new_evaluate (PacteRuleSet    *rules,
                                            PactePortfolio  *portfolio,
                                            guint32          today,
                                            const char      *lang);
void           pacte_analysis_free         (PacteAnalysis   *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PacteAnalysis, pacte_analysis_free)

/* statuses in rule order (n_rules of them); score as the engine gave it. */
void           pacte_analysis_add_plan     (PacteAnalysis     *self,
                                            PactePlan         *plan,
                                            const PacteStatus *statuses,
                                            int                score);

PacteRuleSet  *pacte_analysis_get_rules    (PacteAnalysis   *self);
guint          pacte_analysis_get_n_plans  (PacteAnalysis   *self);
PactePlan     *pacte_analysis_get_plan     (PacteAnalysis   *self,
                                            guint            index);  /* transfer none */
int            pacte_analysis_get_score    (PacteAnalysis   *self,
                                            guint            index);  /* -1: every rule off */
const PacteStatus *pacte_analysis_get_statuses (PacteAnalysis *self,
                                            guint            index);
/* Plans with a score (not every rule off). */
guint          pacte_analysis_get_n_scored (PacteAnalysis   *self);
/* Mean of the scores, NaN when no plan has one. */
double         pacte_analysis_get_average  (PacteAnalysis   *self);
/* How many plans have a score in each tenth (bucket 9 holds 90–100). */
guint          pacte_analysis_get_bucket   (PacteAnalysis   *self,
                                            guint            bucket);
/* How many plans have rule_index at status. */
guint          pacte_analysis_count        (PacteAnalysis   *self,
                                            guint            rule_index,
                                            PacteStatus      status);
/* A plan's fixes (room for n_rules), largest gain first. */
guint          pacte_analysis_get_fixes    (PacteAnalysis   *self,
                                            guint            index,
                                            PacteFix        *fixes);
/* The portfolio's fixes, one per rule that fails somewhere, the largest rise
 * of the average first (then more plans, then rule order).  Owned by self,
 * valid until the next pacte_analysis_add_plan(). */
const PactePortfolioFix *pacte_analysis_get_portfolio_fixes (PacteAnalysis *self,
                                                             guint         *n_fixes);

/* ---- Trend ------------------------------------------------------------- */
typedef struct {
  guint32  date;     /* Julian day */
  int      score;    /* the engine's score of the statuses recorded then */
  gboolean current;  /* TRUE for the last point: today's live score */
} PacteTrendPoint;

/* The plan's recorded reviews that have a date and a score, oldest first,
 * then (when current_score >= 0) the point (today, current_score).  A
 * review's score counts the statuses it recorded for the rules of rules.
 * Returns a GArray of PacteTrendPoint. */
GArray      *pacte_plan_trend            (PacteRuleSet    *rules,
                                          PactePlan       *plan,
                                          guint32          today,
                                          int              current_score);
/* Current score minus the last recorded review's score; FALSE (and *change
 * untouched) when there is no scored review or no current score. */
gboolean     pacte_plan_change_since_review (PacteRuleSet *rules,
                                          PactePlan       *plan,
                                          int              current_score,
                                          int             *change);

/* ---- Agenda ------------------------------------------------------------ */
typedef enum {
  PACTE_AGENDA_ACTION,    /* an open action, overdue or due within the days */
  PACTE_AGENDA_DECISION,  /* a decision without an outcome past its due date */
  PACTE_AGENDA_MEETING,   /* a governance body whose next meeting is overdue */
  PACTE_AGENDA_REVIEW,    /* a plan without a review for more than a quarter */
  PACTE_AGENDA_EVENT,     /* an event within the days */
  PACTE_AGENDA_N_KINDS
} PacteAgendaKind;

typedef struct {
  PacteAgendaKind kind;
  guint32         date;     /* due date, next meeting, review due, event date */
  gboolean        overdue;  /* date < today */
  PactePlan      *plan;     /* a reference */
  PacteRecord    *record;   /* a reference; the plan itself for a review */
  char           *key;      /* action id, decision question, body name, event title, plan id */
  char           *title;    /* what to show: action title, question, body, event title, plan name */
  char           *owner;    /* the body's owner, else the plan's owner ("" when none) */
} PacteAgendaItem;

void         pacte_agenda_item_free      (PacteAgendaItem *item);
/* Every item of the portfolio's agenda at today, looking days ahead, sorted
 * by date (then kind, plan id, key).  A GPtrArray of PacteAgendaItem. */
GPtrArray   *pacte_agenda_collect        (PactePortfolio  *portfolio,
                                          guint32          today,
                                          guint            days);
/* "action", "decision", "meeting", "review", "event" (not translated). */
const char  *pacte_agenda_kind_to_string (PacteAgendaKind  kind);
/* "Action", "Decision", "Meeting overdue", "Review due", "Event" in lang. */
const char  *pacte_agenda_kind_display_name (PacteAgendaKind kind,
                                          const char      *lang);
/* The dates the agenda is made of, for the calendar export too: a
 * governance body's next meeting (last met + cadence; 0 without a last
 * meeting or a cadence of 1 to 36,600 days), a plan's last review (its
 * start when never reviewed; 0 when neither is known) and the day its next
 * review is due (a quarter after the last one; 0 when unknown). */
guint32      pacte_body_next_meeting     (PacteRecord     *body);
guint32      pacte_plan_last_review      (PactePlan       *plan);
guint32      pacte_plan_review_due       (PactePlan       *plan);
/* How many items are overdue. */
guint        pacte_agenda_count_overdue  (GPtrArray       *items);
/* How many items of the portfolio's agenda at today are overdue, without
 * making the agenda (what pacte_agenda_count_overdue() of
 * pacte_agenda_collect() gives, for any days). */
guint        pacte_agenda_count_overdue_at (PactePortfolio *portfolio,
                                            guint32         today);

G_END_DECLS
