/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-record.h: the generic base of every model object.
 *
 * Every object of a portfolio (partner, contact, plan, objective, action…) is a
 * PacteRecord subclass whose fields are described by a static table
 * (PacteFieldInfo).  The table gives, for each field, its JSON path inside the
 * object (nested objects such as a plan's "period" are flattened:
 * "period.start"), its kind, the values it may take, and its GObject property
 * name.  Loading, saving, validation, undo and property notification are all
 * driven by these tables, so a new field is one line in a table.
 *
 * Values are read with the typed getters below (fast, no allocation: the rules
 * engine uses them) and written with the typed setters, which validate, notify
 * the property, and record an undoable edit in the owning portfolio's history.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  PACTE_FIELD_STRING,      /* free text; "" = not filled in */
  PACTE_FIELD_CHOICE,      /* string limited to info->choices; NULL/"" = not filled in */
  PACTE_FIELD_DATE,        /* "YYYY-MM-DD", stored as a Julian day (guint32, 0 = unknown) */
  PACTE_FIELD_NUMBER,      /* JSON number, stored as double, NaN = unknown */
  PACTE_FIELD_INTEGER,     /* JSON integer, stored as double (NaN = unknown), must be whole */
  PACTE_FIELD_BOOLEAN,     /* stored as int: -1 unknown, 0 false, 1 true */
  PACTE_FIELD_STRV,        /* array of strings (territories, options, partner ids…) */
  PACTE_FIELD_LIST,        /* array of records of info->item_type, a GListModel */
  PACTE_FIELD_STRING_MAP,  /* object string -> string (a review's statuses) */
  PACTE_FIELD_NUMBER_MAP,  /* object string -> number (a rule override's params) */
  PACTE_FIELD_QUARTER,     /* "YYYY-Qn", n from 1 to 4, stored as its text; NULL/"" = not filled in */
} PacteFieldKind;

typedef struct {
  const char     *json_path;  /* "name", "period.start", "benchmark.value" */
  const char     *property;   /* GObject property name: "name", "period-start" */
  PacteFieldKind  kind;
  const char * const *choices;/* PACTE_FIELD_CHOICE: NULL-terminated allowed values */
  GType         (*item_type) (void); /* PACTE_FIELD_LIST: type of the items */
  gboolean        required;   /* must be present and non-empty (ids, names) */
  const char     *label;      /* N_() translatable label, e.g. N_("Target") */
  gboolean        has_minimum;/* PACTE_FIELD_NUMBER, _INTEGER: a count, a length... */
  double          minimum;    /* ...is refused below this, at load and in the editors */
} PacteFieldInfo;

#define PACTE_TYPE_RECORD (pacte_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (PacteRecord, pacte_record, PACTE, RECORD, GObject)

/* A stored value (pacte-values-private.h). */
typedef union _PacteValue PacteValue;

struct _PacteRecordClass
{
  GObjectClass parent_class;

  /* Optional: a further check of a value about to be stored in field, after
   * the checks its kind makes (a forecast's quarter, a plan's partners that
   * must exist).  FALSE with a PACTE_MODEL_ERROR to refuse it. */
  gboolean (*validate) (PacteRecord      *self,
                        guint             field,
                        const PacteValue *value,
                        GError          **error);

  /*< private >*/
  const PacteFieldInfo *fields;
  guint                 n_fields;
  const char           *type_label;  /* N_("Objective"), for undo names and messages */
  GParamSpec          **pspecs;      /* one per field, NULL for maps */
  int                   id_field;    /* the field holding the record's id, or -1 */
  guint                 is_owner : 1;     /* edits below it belong to it (partner, plan) */
  guint                 sorted_by_id : 1; /* kept sorted by id in its lists (overrides) */
};

/* Called from a subclass's class_init: stores the table and installs one
 * GObject property per field (string for STRING/CHOICE/DATE, double for
 * NUMBER/INTEGER, boolean for BOOLEAN, GStrv for STRV, GListModel for LIST).
 * A DATE property reads and writes "YYYY-MM-DD" (or NULL). */
void                  pacte_record_class_set_fields (PacteRecordClass     *klass,
                                                     const PacteFieldInfo *fields,
                                                     guint                 n_fields,
                                                     const char           *type_label);

/* The record's id field: unique among its siblings of the same type, and
 * what a root indexes.  keep_sorted: lists keep such records sorted by id
 * (an id change moves the record, in the same undo step). */
void                  pacte_record_class_set_id_field (PacteRecordClass   *klass,
                                                       guint               field,
                                                       gboolean            keep_sorted);
/* Records of this class own the edits made below them: the partner or plan
 * that pacte_record_get_owner() returns. */
void                  pacte_record_class_set_owner  (PacteRecordClass     *klass);

const PacteFieldInfo *pacte_record_get_field_info   (PacteRecord          *self,
                                                     guint                 field);
guint                 pacte_record_get_n_fields     (PacteRecord          *self);
/* -1 when the record has no field with that property name. */
int                   pacte_record_find_field       (PacteRecord          *self,
                                                     const char           *property);

/* The record that contains this one (a plan for an objective, the portfolio's
 * root record for a plan), or NULL for a detached record. Not a reference. */
PacteRecord          *pacte_record_get_parent       (PacteRecord          *self);
/* The partner or plan this record belongs to (itself for a partner or plan). */
PacteRecord          *pacte_record_get_owner        (PacteRecord          *self);
/* The portfolio (a PactePortfolio) this record is part of, or NULL. */
gpointer              pacte_record_get_portfolio    (PacteRecord          *self);

/* Getters: no allocation, pointers owned by the record. */
const char           *pacte_record_get_string       (PacteRecord          *self,
                                                     guint                 field); /* STRING/CHOICE; never NULL, "" if unset */
guint32               pacte_record_get_date         (PacteRecord          *self,
                                                     guint                 field); /* Julian day, 0 = unknown */
double                pacte_record_get_number       (PacteRecord          *self,
                                                     guint                 field); /* NaN = unknown */
int                   pacte_record_get_boolean      (PacteRecord          *self,
                                                     guint                 field); /* -1, 0, 1 */
const char * const   *pacte_record_get_strv         (PacteRecord          *self,
                                                     guint                 field); /* never NULL */
GListModel           *pacte_record_get_list         (PacteRecord          *self,
                                                     guint                 field); /* never NULL */
/* The items of a LIST field in place: no reference is taken, O(1).  The
 * array is owned by the list and valid until the list next changes; NULL
 * when *n_items is 0. */
PacteRecord * const  *pacte_record_get_items        (PacteRecord          *self,
                                                     guint                 field,
                                                     guint                *n_items);
/* STRING_MAP / NUMBER_MAP: keys kept sorted. NULL / NaN when absent. */
const char           *pacte_record_map_get_string   (PacteRecord          *self,
                                                     guint                 field,
                                                     const char           *key);
double                pacte_record_map_get_number   (PacteRecord          *self,
                                                     guint                 field,
                                                     const char           *key);
/* Sorted keys, NULL-terminated, owned by the record. */
const char * const   *pacte_record_map_get_keys     (PacteRecord          *self,
                                                     guint                 field);
gboolean              pacte_record_is_set           (PacteRecord          *self,
                                                     guint                 field);

/* Setters: validate (FALSE with a GError of PACTE_MODEL_ERROR naming the field
 * when the value is not allowed: an unknown choice, a non-whole integer…),
 * do nothing when the value is unchanged, otherwise store it, notify the
 * property, tell the portfolio, and record an undoable edit. */
gboolean              pacte_record_set_string       (PacteRecord          *self,
                                                     guint                 field,
                                                     const char           *value,
                                                     GError              **error);
gboolean              pacte_record_set_date         (PacteRecord          *self,
                                                     guint                 field,
                                                     guint32               julian,
                                                     GError              **error);
gboolean              pacte_record_set_number       (PacteRecord          *self,
                                                     guint                 field,
                                                     double                value,
                                                     GError              **error);
gboolean              pacte_record_set_boolean      (PacteRecord          *self,
                                                     guint                 field,
                                                     int                   value,
                                                     GError              **error);
gboolean              pacte_record_set_strv         (PacteRecord          *self,
                                                     guint                 field,
                                                     const char * const   *value,
                                                     GError              **error);
gboolean              pacte_record_map_set_string   (PacteRecord          *self,
                                                     guint                 field,
                                                     const char           *key,
                                                     const char           *value, /* NULL removes */
                                                     GError              **error);
gboolean              pacte_record_map_set_number   (PacteRecord          *self,
                                                     guint                 field,
                                                     const char           *key,
                                                     double                value, /* NaN removes */
                                                     GError              **error);
/* Lists: the item must be a detached record of the list's item type. */
void                  pacte_record_list_insert      (PacteRecord          *self,
                                                     guint                 field,
                                                     guint                 position,
                                                     PacteRecord          *item);
void                  pacte_record_list_remove      (PacteRecord          *self,
                                                     guint                 field,
                                                     guint                 position);
void                  pacte_record_list_move        (PacteRecord          *self,
                                                     guint                 field,
                                                     guint                 from,
                                                     guint                 to);

/* A deep copy (detached, with unknown keys), and deep equality of values. */
PacteRecord          *pacte_record_copy             (PacteRecord          *self);
gboolean              pacte_record_equal            (PacteRecord          *a,
                                                     PacteRecord          *b);

/* Dates: Julian day <-> "YYYY-MM-DD". parse returns 0 for an invalid date. */
guint32               pacte_date_parse              (const char           *text);
/* Today in the local time zone, as a Julian day. */
guint32               pacte_date_today              (void);
char                 *pacte_date_format             (guint32               julian); /* NULL for 0 */
void                  pacte_date_to_ymd             (guint32               julian,
                                                     int                  *year,
                                                     int                  *month,
                                                     int                  *day);

G_END_DECLS
