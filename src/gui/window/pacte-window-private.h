/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-window-private.h: shared by pacte-window.c (layout, lists, selection)
 * and pacte-window-actions.c (document actions: new, open, open recent,
 * drops, save, close, undo and redo). */
#pragma once

#include "pacte-field-row.h"
#include "pacte-window.h"

G_BEGIN_DECLS

struct _PacteWindow
{
  AdwApplicationWindow  parent_instance;

  PacteContext         *context;       /* NULL while no document is open */
  GSettings            *settings;
  PacteRuleSet         *rules;
  guint32               today;
  GCancellable         *cancellable;   /* load or save in flight */
  GFile                *loading;       /* the file being opened, or NULL */
  gboolean              close_confirmed;
  char                 *plan_sort;     /* "name", "phase", "score" */
  char                 *partner_sort;  /* "name", "segment" */

  /* lists */
  GtkCustomFilter      *plan_filter;
  GtkCustomFilter      *partner_filter;
  char                **plan_words;     /* the search, folded; NULL: all */
  char                **partner_words;
  GtkSortListModel     *plan_sorted;
  GtkSortListModel     *partner_sorted;
  GtkSingleSelection   *plan_selection;
  GtkSingleSelection   *partner_selection;

  /* editors, created for each document */
  GtkWidget            *plan_editor;
  GtkWidget            *partner_editor;
  GtkWidget            *overview;      /* PacteOverview, in content_stack as "overview" */
  AdwToast             *overdue_note;  /* "3 items overdue", while shown (weak) */
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
void     _pacte_window_update_title               (PacteWindow    *self);
gboolean _pacte_window_close_request              (GtkWindow      *window);
/* Undo and Redo items after the history changed (labels, enabled). */
void     _pacte_window_update_history             (PacteWindow    *self);
/* Fills the Open Recent menu from GtkRecentManager. */
void     _pacte_window_update_recent              (PacteWindow    *self);
void     _pacte_window_init_document_life         (PacteWindow    *self);

/* pacte-window-overview.c */
void     _pacte_window_class_add_overview_actions (GtkWidgetClass *widget_class);
void     _pacte_window_overview_attach            (PacteWindow    *self);
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
/* pacte-window-recent.c */
void     _pacte_window_install_recent_actions (GtkWidgetClass *widget_class);

G_END_DECLS
