/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-overview.h: the portfolio at a glance.
 *
 * Three pages: the heat map (plans × rules in a GtkColumnView: recycled
 * rows, a totals row on top; sort and filter), the portfolio's fix-first
 * list (pacte-overview-lists.c) and the agenda (same file).  Figures come
 * from the core's PacteAnalysis over the evaluator's live results.
 *
 * Signals:
 *   "plan-activated" (PactePlan *plan, const char *rule_id or NULL): open
 *     the plan, with that rule's row focused.
 *   "overdue-counted" (guint n): the agenda's overdue items were counted
 *     (after the frame that shows new figures: 30 ms for 2,000 plans).
 *
 * A new overview takes its first figures and order in two idles before its
 * first frame (pacte_overview_new() itself only makes widgets); what is
 * asked for before then (plans, analysis) is made at once.
 */
#pragma once

#include <adwaita.h>

#include "pacte-analysis.h"
#include "pacte-context.h"

G_BEGIN_DECLS

typedef enum {
  PACTE_OVERVIEW_SORT_WORST,   /* lowest score first */
  PACTE_OVERVIEW_SORT_BEST,    /* highest score first */
  PACTE_OVERVIEW_SORT_NAME,
  PACTE_OVERVIEW_SORT_PHASE,
  PACTE_OVERVIEW_SORT_CHANGE,  /* largest drop since the last review first */
} PacteOverviewSort;

#define PACTE_TYPE_OVERVIEW (pacte_overview_get_type ())
G_DECLARE_FINAL_TYPE (PacteOverview, pacte_overview, PACTE, OVERVIEW, GtkBox)

GtkWidget     *pacte_overview_new               (PacteContext      *context);
PacteContext  *pacte_overview_get_context       (PacteOverview     *self);
/* "heat-map", "fix-first" or "agenda". */
void           pacte_overview_show_page         (PacteOverview     *self,
                                                 const char        *name);
const char    *pacte_overview_get_page          (PacteOverview     *self);

void           pacte_overview_set_sort          (PacteOverview     *self,
                                                 PacteOverviewSort  sort);
/* Matches the plan's name, id, owner and partners' names (accents ignored). */
void           pacte_overview_set_search        (PacteOverview     *self,
                                                 const char        *text);
/* A phase or segment value ("execution", "resale"), or NULL for all. */
void           pacte_overview_set_phase_filter  (PacteOverview     *self,
                                                 const char        *phase);
void           pacte_overview_set_segment_filter (PacteOverview    *self,
                                                 const char        *segment);
/* The plans as the heat map lists them (filtered, sorted; no totals row). */
GListModel    *pacte_overview_get_plans         (PacteOverview     *self);
/* Recomputes totals, fixes and agenda now (normally an idle after edits). */
void           pacte_overview_refresh           (PacteOverview     *self);
PacteAnalysis *pacte_overview_get_analysis      (PacteOverview     *self);

/* The accessible name of a heat-map cell:
 * "Ashford & Lowe, R04 Strong governance: amber — <explanation>". */
char          *pacte_overview_cell_name         (PacteContext      *context,
                                                 PactePlan         *plan,
                                                 guint              rule_index);

/* pacte-overview-lists.c: the fix-first and agenda pages. */
GtkWidget     *_pacte_overview_fix_first_new    (PacteOverview     *self);
void           _pacte_overview_fix_first_update (PacteOverview     *self,
                                                 GtkWidget         *page);
GtkWidget     *_pacte_overview_agenda_new       (PacteOverview     *self);
void           _pacte_overview_agenda_update    (PacteOverview     *self,
                                                 GtkWidget         *page);
/* The agenda's items as listed (after the owner filter): PacteAgendaItem. */
GPtrArray     *pacte_overview_get_agenda        (PacteOverview     *self);
/* How many items of the whole agenda (every owner) are overdue: counted
 * now if not yet (see "overdue-counted" to be told without waiting). */
guint          pacte_overview_count_overdue     (PacteOverview     *self);
/* The count made elsewhere for this portfolio and day (the load's worker
 * thread): not counted again until the portfolio changes. */
void           pacte_overview_set_overdue_count (PacteOverview     *self,
                                                 guint              n_overdue);
void           pacte_overview_set_agenda_owner  (PacteOverview     *self,
                                                 const char        *owner);
void           _pacte_overview_emit_plan        (PacteOverview     *self,
                                                 PactePlan         *plan,
                                                 const char        *rule_id);

G_END_DECLS
