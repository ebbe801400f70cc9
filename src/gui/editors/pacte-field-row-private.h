/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-field-row-private.h: shared by pacte-field-row.c (the row: writing
 * and reading the model, construction) and pacte-field-row-values.c (the
 * editors of several values: tags and partners as chips, drop-downs of
 * choices and objectives). */
#pragma once

#include "pacte-field-row.h"

G_BEGIN_DECLS

struct _PacteFieldRow
{
  AdwPreferencesRow  parent_instance;

  PacteFieldRowKind  kind;
  gboolean           unjudged;        /* text not read yet, its error held back while typing */
  char              *key;
  int                fixed_field;     /* rows built in code name their field by index */
  char              *unit;
  char              *placeholder;
  char              *accessible_label;
  PacteContext      *context;

  PacteRecord       *record;
  int                field;           /* index in record, -1 without a record */
  gulong             notify_id;
  PactePortfolio    *portfolio;       /* watched for names and objective titles */
  gulong             portfolio_id;
  GListModel        *objectives;      /* OBJECTIVE: the plan's objectives */
  gulong             objectives_id;

  gboolean           updating;        /* the row is writing its own widgets */
  guint              pending_empty_id;/* an emptied entry, committed when idle */
  gboolean           in_dropdown;     /* the drop-down is changing its selection */
  guint              rebuild_id;      /* drop-down items to rebuild when idle */
  char              *error;

  GtkWidget         *title_label;
  GtkWidget         *header;
  GtkWidget         *editor;          /* what the user operates */
  GtkWidget         *entry;           /* TEXT, QUARTER, NUMBER, DATE; the add entry of TAGS */
  GtkWidget         *dropdown;        /* CHOICE, OBJECTIVE */
  GPtrArray         *choice_values;   /* value per drop-down position, NULL = not set */
  GtkWidget         *toggle;          /* BOOLEAN */
  GtkWidget         *text_view;       /* MULTILINE */
  GtkWidget         *value_label;     /* READONLY */
  GtkWidget         *unit_label;
  GtkWidget         *flowbox;         /* TAGS, PARTNERS */
  GtkWidget         *empty_label;     /* PARTNERS with none */
  GtkWidget         *menu_button;     /* DATE calendar, PARTNERS chooser */
  GtkWidget         *calendar;
  GtkWidget         *chooser;
  GtkWidget         *error_revealer;
  GtkWidget         *error_label;
};

/* pacte-field-row.c */
gboolean pacte_field_row_has_record        (PacteFieldRow *self);
void     pacte_field_row_clear_error       (PacteFieldRow *self);
void     pacte_field_row_show_gerror       (PacteFieldRow *self,
                                            GError        *error);
/* Shows the record's value in the widgets; force: rebuild choices too. */
void     pacte_field_row_sync_from_model   (PacteFieldRow *self,
                                            gboolean       force);

/* pacte-field-row-values.c */
gboolean pacte_field_row_strv_has          (const char * const *strv,
                                            const char         *value);
/* The actions "field.add-value" and "field.remove-value" (s). */
void     pacte_field_row_add_value_action  (GtkWidget     *widget,
                                            const char    *action_name,
                                            GVariant      *parameter);
void     pacte_field_row_remove_value_action (GtkWidget   *widget,
                                              const char  *action_name,
                                              GVariant    *parameter);
void     pacte_field_row_rebuild_chips     (PacteFieldRow *self);
void     pacte_field_row_partner_chosen_cb (PacteFieldRow *self,
                                            const char    *id);
/* FALSE when the drop-down's items could not be replaced now. */
gboolean pacte_field_row_build_choices     (PacteFieldRow *self);
gboolean pacte_field_row_build_objectives  (PacteFieldRow *self);
void     pacte_field_row_select_value      (PacteFieldRow *self,
                                            const char    *value);

G_END_DECLS
