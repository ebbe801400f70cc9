/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-private.h: shared by pacte-window.c (layout, lists, selection)
 * and pacte-window-actions.c (document actions: new, open, open recent,
 * drops, save, close, undo and redo). */
#pragma once

#include "pacte-document.h"
#include "pacte-field-row.h"
#include "pacte-growing-list.h"
#include "pacte-window.h"

G_BEGIN_DECLS

struct _PacteWindow
{
  AdwApplicationWindow  parent_instance;

  PacteDocument        *document;      /* the portfolio shown and its life */
  PacteContext         *context;       /* NULL while no portfolio is shown */
  GSettings            *settings;
  PacteRuleSet         *rules;
  guint32               today;
  GCancellable         *cancellable;   /* save in flight */
  gboolean              close_confirmed;

  /* document life (pacte-window-life.c) */
  GtkWidget            *document_bar;  /* changed on disk: weak, in content */
  GtkWidget            *merge_bar;     /* merge conflicts: weak, in content */
  gboolean              told_draft_failure;

  /* opening (pacte-window-progress.c) */
  GtkWidget            *progress_page; /* in main_stack as "loading", once shown */
  GtkProgressBar       *progress_bar;
  guint                 progress_timeout;
  guint                 progress_delay; /* ms before the progress shows */
  gint64                progress_shown_at; /* when the page last changed */
  guint                 warm_id;       /* the document page styled meanwhile */
  guint                 shrink_id;     /* the lists shown give rows back meanwhile */
  guint                 warm_step;
  char                 *plan_sort;     /* "name", "phase", "score" */
  char                 *partner_sort;  /* "name", "segment" */

  /* lists */
  GtkCustomFilter      *plan_filter;
  GtkCustomFilter      *partner_filter;
  char                **plan_words;     /* the search, folded; NULL: all */
  char                **partner_words;
  GtkSortListModel     *plan_sorted;
  GtkSortListModel     *partner_sorted;
  PacteGrowingList     *plan_growing;     /* between sorted and selection */
  PacteGrowingList     *partner_growing;
  GtkSingleSelection   *plan_selection;
  GtkSingleSelection   *partner_selection;

  /* editors, created for each document */
  GtkWidget            *plan_editor;
  GtkWidget            *partner_editor;
  GtkWidget            *overview;      /* PacteOverview, in content_stack's "overview" */
  GtkWidget            *overview_page; /* its scroller, "overview" (weak) */

  /* a new portfolio shown in steps (pacte-window-steps.c) */
  guint                 steps_id;      /* idle of the next step */
  guint                 step;
  GPtrArray            *partner_order; /* partners in name order, for their list */
  int                   prepared_overdue; /* the load's count of overdue items,
                                           * -1 when unknown or out of date */
  AdwToast             *overdue_note;  /* "3 items overdue", while shown (weak) */
  guint                 note_tick;     /* waiting for the lists to be whole */
  guint                 note_overdue;  /* what it will say */
  PactePlan            *plan;
  PactePartner         *partner;

  /* The main stack's "document" page: built by the template, kept out of
   * the window until the first document (the empty window's first frame
   * neither styles, realizes nor looks up the icons of it). */
  GtkWidget            *document_page;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  AdwViewStack         *view_stack;
  GtkSearchEntry       *plan_search;
  GtkSearchEntry       *partner_search;
  GtkListView          *plan_view;
  GtkListView          *partner_view;
  GtkStack             *plan_list_stack;    /* "list" or "no-results" */
  GtkStack             *partner_list_stack;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *rules_toggle;
  GtkStack             *content_stack;
  AdwFlap              *plan_flap;
  GtkBox               *plan_editor_box;
  GtkBox               *partner_editor_box;
  PacteRulesPanel      *rules_panel;
  GtkMenuButton        *menu_button;
  GMenu                *history_section; /* Undo and Redo, named after the edit */
  GMenu                *recent_menu;     /* Open Recent */
  char                 *undo_label;      /* as shown in history_section */
  char                 *redo_label;
};

/* pacte-window-actions.c */
void     _pacte_window_class_add_document_actions (GtkWidgetClass *widget_class);
void     _pacte_window_update_actions             (PacteWindow    *self);

/* pacte-window-rejected.c: text a field refused is never dropped silently. */
PacteFieldRow *_pacte_window_find_rejected        (PacteWindow    *self);
/* TRUE (and the user taken to the field, told why) when saving must wait. */
gboolean _pacte_window_stop_at_rejected           (PacteWindow    *self);
/* TRUE when leaving for wanted (a plan or partner) must wait for the
 * user's answer: the dialog then goes there or back to the field. */
gboolean _pacte_window_ask_leave_rejected         (PacteWindow    *self,
                                                   GObject        *wanted);
PacteRuleSet *_pacte_window_get_rules             (PacteWindow    *self);
guint32       _pacte_window_get_today             (PacteWindow    *self);
void     _pacte_window_update_title               (PacteWindow    *self);
gboolean _pacte_window_close_request              (GtkWindow      *window);
/* Undo and Redo items after the history changed (labels, enabled). */
void     _pacte_window_update_history             (PacteWindow    *self);
/* Fills the Open Recent menu from GtkRecentManager. */
void     _pacte_window_update_recent              (PacteWindow    *self);
void     _pacte_window_init_document_life         (PacteWindow    *self);

/* pacte-window-life.c: the window shows its document (PacteDocument). */
void     _pacte_window_life_init                  (PacteWindow    *self);
void     _pacte_window_life_dispose               (PacteWindow    *self);
/* The user chose to discard the unsaved changes: the draft goes. */
void     _pacte_window_life_discard               (PacteWindow    *self);
typedef void (*PacteWindowLifeFunc) (PacteWindow *self,
                                     gpointer     data);
/* Before saving the document to its own file: when another program changed
 * that file since it was loaded or saved, asks whether to overwrite it and
 * returns TRUE; then proceed(self, data) runs if the user agrees, and
 * destroy(data) in any case.  Returns FALSE (nothing done) when there is no
 * reason to ask. */
gboolean _pacte_window_life_ask_overwrite         (PacteWindow         *self,
                                                   GFile               *file,
                                                   PacteWindowLifeFunc  proceed,
                                                   gpointer             data,
                                                   GDestroyNotify       destroy);
/* pacte-window.c: builds the views of portfolio (NULL: drops them). */
void     _pacte_window_show_portfolio             (PacteWindow    *self,
                                                   PactePortfolio *portfolio);

/* pacte-window-progress.c: the opening page, after a short delay. */
void     _pacte_window_progress_init              (PacteWindow    *self);
void     _pacte_window_progress_dispose           (PacteWindow    *self);
void     _pacte_window_update_progress            (PacteWindow    *self);
gboolean _pacte_window_progress_shown             (PacteWindow    *self);
/* Tests: how long an open runs before its progress shows (300 ms). */
void     _pacte_window_set_progress_delay         (PacteWindow    *self,
                                                   guint           delay_ms);
void     _pacte_window_class_add_progress_actions (GtkWidgetClass *widget_class);

/* pacte-window-print.c: win.print. */
void     _pacte_window_class_add_print_actions    (GtkWidgetClass *widget_class);
/* pacte-window-lists.c: the lists' rows (GtkSignalListItemFactory
 * handlers, user data the window) and their sorters for the "plan-sort"
 * and "partner-sort" properties. */
void     _pacte_window_plan_setup                 (GtkSignalListItemFactory *factory,
                                                   GtkListItem    *item,
                                                   gpointer        user_data);
void     _pacte_window_plan_bind                  (GtkSignalListItemFactory *factory,
                                                   GtkListItem    *item,
                                                   gpointer        user_data);
void     _pacte_window_plan_unbind                (GtkSignalListItemFactory *factory,
                                                   GtkListItem    *item,
                                                   gpointer        user_data);
void     _pacte_window_partner_setup              (GtkSignalListItemFactory *factory,
                                                   GtkListItem    *item,
                                                   gpointer        user_data);
void     _pacte_window_partner_bind               (GtkSignalListItemFactory *factory,
                                                   GtkListItem    *item,
                                                   gpointer        user_data);
void     _pacte_window_partner_unbind             (GtkSignalListItemFactory *factory,
                                                   GtkListItem    *item,
                                                   gpointer        user_data);
GtkSorter *_pacte_window_make_plan_sorter         (PacteWindow    *self);
GtkSorter *_pacte_window_make_partner_sorter      (PacteWindow    *self);
/* Sorts a list again when what orders it changed (portfolio's "record-changed"). */
void     _pacte_window_lists_record_changed       (PacteWindow    *self,
                                                   PacteRecord    *owner,
                                                   PacteRecord    *record,
                                                   guint           field);
/* The list of plans (or partners) of doc (NULL: none), in order (plans
 * or partners in name order, or NULL); a long list's rows are made a
 * batch per frame (PacteGrowingList). */
void     _pacte_window_lists_set_plans            (PacteWindow    *self,
                                                   PactePortfolio *doc,
                                                   GPtrArray      *order);
/* While another portfolio loads and the progress page hides the lists:
 * one step of their giving back the rows past the first ones (and the
 * selected one); TRUE while there is more to give back. */
gboolean _pacte_window_lists_shrink_step          (PacteWindow    *self);
/* The lists grow back to whole (a load that failed or was cancelled). */
void     _pacte_window_lists_regrow               (PacteWindow    *self);
void     _pacte_window_lists_set_partners         (PacteWindow    *self,
                                                   PactePortfolio *doc,
                                                   GPtrArray      *order);

/* pacte-window-search.c: the list's filter for the search words (none
 * without words). */
void     _pacte_window_apply_search               (GtkSortListModel *sorted,
                                                   GtkCustomFilter  *filter,
                                                   char            **words);

/* pacte-window-steps.c: after the plans list, a new portfolio's partners
 * list and overview come each in its own turn of the main loop, so that
 * none blocks it long; _finish() does what is left at once (for code that
 * needs them now). */
void     _pacte_window_steps_start                (PacteWindow    *self,
                                                   GPtrArray      *partner_order);
void     _pacte_window_steps_finish               (PacteWindow    *self);
void     _pacte_window_steps_cancel               (PacteWindow    *self);
void     _pacte_window_set_sort                   (PacteWindow    *self,
                                                   char          **field,
                                                   const char     *value,
                                                   GParamSpec     *pspec);
/* pacte-window-rule.c: the rules panel's "rule-activated". */
void     _pacte_window_on_rule_activated          (PacteWindow    *self,
                                                   const char     *rule_id,
                                                   PacteRulesPanel *panel);

/* pacte-window-overview.c */
void     _pacte_window_class_add_overview_actions (GtkWidgetClass *widget_class);
void     _pacte_window_overview_attach            (PacteWindow    *self);
/* Shows the overview's page now, and builds the overview itself when
 * build; else _pacte_window_overview_build() does it later. */
void     _pacte_window_overview_show_page         (PacteWindow    *self,
                                                   const char     *page,
                                                   gboolean        build);
void     _pacte_window_overview_build             (PacteWindow    *self);
void     _pacte_window_overview_detach            (PacteWindow    *self);
/* After a portfolio opened: the note saying how many items are overdue. */
void     _pacte_window_overview_opened            (PacteWindow    *self);
/* Another toast is coming: the overdue note makes way for it. */
void     _pacte_window_overview_dismiss_note      (PacteWindow    *self);

/* pacte-window-actions.c: a menu label with its underscores doubled (no
 * mnemonic), and a file's folder as the user reads it ("~/Documents"). */
char    *_pacte_window_escape_underline      (const char     *text);
char    *_pacte_window_document_folder       (GFile          *file);
/* pacte-window-settings.c: Portfolio Properties and the Golden Rules for
 * every plan (win.portfolio-properties, win.portfolio-rules). */
void     _pacte_window_class_add_settings_actions (GtkWidgetClass *widget_class);
void     _pacte_window_update_settings_actions    (PacteWindow    *self);
/* pacte-window-export.c: Export PDF (win.export-pdf). */
void     _pacte_window_class_add_export_actions   (GtkWidgetClass *widget_class);
/* pacte-window-calendar.c: Export Calendar (portfolio, plan) */
void     _pacte_window_install_calendar_actions (GtkWidgetClass *widget_class);
void     _pacte_window_update_calendar_actions  (PacteWindow    *self);
/* pacte-window-actions.c: an AdwMessageDialog with a Close button. */
void     _pacte_window_show_message          (PacteWindow    *self,
                                              const char     *heading,
                                              const char     *body);
/* pacte-window-recent.c */
void     _pacte_window_install_recent_actions (GtkWidgetClass *widget_class);

/* The lists' search (pacte-window-search.c). */
gboolean _pacte_window_plan_matches              (gpointer        item,
                                                  gpointer        user_data);
gboolean _pacte_window_partner_matches           (gpointer        item,
                                                  gpointer        user_data);
void     _pacte_window_on_plan_search_changed    (PacteWindow    *self,
                                                  GtkSearchEntry *entry);
void     _pacte_window_on_partner_search_changed (PacteWindow    *self,
                                                  GtkSearchEntry *entry);

G_END_DECLS
