/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-overview-private.h: shared by pacte-overview.c (the heat map) and
 * pacte-overview-lists.c (fix first, agenda). */
#pragma once

#include "pacte-overview.h"

G_BEGIN_DECLS

struct _PacteOverview
{
  GtkBox              parent_instance;

  PacteContext       *context;
  PacteAnalysis      *analysis;      /* the last refresh's figures */
  GPtrArray          *agenda;        /* every PacteAgendaItem; made when the page is shown */
  GPtrArray          *agenda_shown;  /* those of agenda_owner (not owned) */
  char               *agenda_owner;  /* NULL: everyone */
  guint               n_overdue;     /* of the whole agenda, unless overdue_stale */
  gboolean            overdue_stale; /* counted after the refresh's frame */
  guint               overdue_id;    /* its idle */
  gulong              after_paint_id; /* the frame clock's, until that frame */
  guint               refresh_id;    /* pending idle */
  guint               figures_id;    /* a new overview's first figures, then */
  guint               order_id;      /* its first order (idles) */
  gboolean            first_step;    /* the first figures: the order after */
  gboolean            dirty;         /* an edit since the last refresh */
  /* Made when first needed, kept until the portfolio changes: */
  GHashTable         *sort_keys;     /* PactePlan -> collation key of its folded name */
  GHashTable         *search_texts;  /* PactePlan -> folded name, id, owner, partners */
  GHashTable         *changes;       /* PactePlan -> change since its last review + 1000, 0: none (made when asked) */

  PacteOverviewSort   sort;
  char               *search;        /* folded, or NULL */
  gboolean            setting_search; /* the entry follows a set_search() */
  char               *phase;
  char               *segment;

  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkStack           *stack;  /* not an AdwViewStack: the window's lists own the only one */
  GtkWidget          *grid;          /* PacteHeatGrid */
  GtkLabel           *summary_label;
  GtkDrawingArea     *histogram;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *sort_drop;
  GtkDropDown        *phase_drop;
  GtkDropDown        *segment_drop;
  GtkWidget          *fix_first_page;
  GtkWidget          *agenda_page;
  gboolean            fix_first_stale;  /* rebuilt when shown */
  gboolean            agenda_stale;
};

#define NO_CHANGE 1000  /* changes are stored + NO_CHANGE; absent: no review */

/* pacte-overview.c */
const char *_pacte_overview_plan_name     (PactePlan     *plan);
gboolean    _pacte_overview_plan_change   (PacteOverview *self,
                                           PactePlan     *plan,
                                           int           *change);
int         _pacte_overview_plan_score    (PacteOverview *self,
                                           PactePlan     *plan);
void        _pacte_overview_ensure_ready  (PacteOverview *self);
/* pacte-overview-sort.c: the view's sorter and filter functions. */
int         _pacte_overview_compare_plans (gconstpointer  a,
                                           gconstpointer  b,
                                           gpointer       data);
gboolean    _pacte_overview_filter_plan   (gpointer       item,
                                           gpointer       data);

G_END_DECLS
