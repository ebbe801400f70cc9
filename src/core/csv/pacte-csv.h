/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-csv.h: CSV from and to the CRM (docs/csv.md).
 *
 *   PacteCsvTable   a CSV file read with libcsv: header and rows, UTF-8
 *   PacteCsvMapping which partner field each column fills (or none)
 *   PacteCsvPlan    what an import will add and update, field by field;
 *                   applied to the portfolio in one undo step
 *   pacte_csv_export_*  partners, plans (score and statuses), actions
 *
 * No GTK: the command line and the window share all of it. */
#pragma once

#include "pacte-portfolio.h"
#include "pacte-rules.h"

G_BEGIN_DECLS

#define PACTE_CSV_ERROR (pacte_csv_error_quark ())
GQuark pacte_csv_error_quark (void);
typedef enum {
  PACTE_CSV_ERROR_EMPTY,      /* no header row */
  PACTE_CSV_ERROR_ENCODING,   /* a cell that is not UTF-8 */
  PACTE_CSV_ERROR_SYNTAX,     /* malformed quoting, a row of the wrong width */
  PACTE_CSV_ERROR_VALUE,      /* a cell that the mapped field cannot take */
  PACTE_CSV_ERROR_MAPPING,    /* a --map that names no column or field */
  PACTE_CSV_ERROR_DUPLICATE,  /* two rows describing the same partner */
} PacteCsvError;

/* CSV files larger than this are refused (a CRM export of 100,000 accounts
 * is about 30 MB). */
#define PACTE_CSV_MAX_SIZE (256 * 1024 * 1024)

/* ---- Reading ---------------------------------------------------------- */

typedef struct _PacteCsvTable PacteCsvTable;

/* Reads CSV text: an optional UTF-8 byte-order mark, then a header row, then
 * the rows.  The separator (',' or ';') is the one the header line uses
 * more.  Quoted cells may hold separators, doubled quotes and line breaks;
 * line ends may be LF or CRLF; empty lines are skipped.  Refused, with
 * "row R, column C" in the message (rows counted as a spreadsheet shows
 * them, the header being row 1): a cell that is not UTF-8, a quote in the
 * middle of an unquoted cell or after a quoted one, an unclosed quote, a row
 * with more or fewer cells than the header.  display_name starts messages. */
PacteCsvTable *pacte_csv_table_new_from_data  (const char     *data,
                                               gsize           len,
                                               const char     *display_name,
                                               GError        **error);
PacteCsvTable *pacte_csv_table_new_from_file  (GFile          *file,
                                               GCancellable   *cancellable,
                                               GError        **error);
void           pacte_csv_table_free           (PacteCsvTable  *self);
guint          pacte_csv_table_get_n_columns  (PacteCsvTable  *self);
/* Rows after the header. */
guint          pacte_csv_table_get_n_rows     (PacteCsvTable  *self);
const char    *pacte_csv_table_get_header     (PacteCsvTable  *self,
                                               guint           column);
/* row 0 is the first row after the header; never NULL ("" when empty). */
const char    *pacte_csv_table_get_cell       (PacteCsvTable  *self,
                                               guint           row,
                                               guint           column);
/* The row as a spreadsheet numbers it (the header is row 1, rows of empty
 * cells count), whatever line breaks the cells above hold. */
guint          pacte_csv_table_get_row_number (PacteCsvTable  *self,
                                               guint           row);
/* The line of the file where that row starts (1-based). */
guint          pacte_csv_table_get_row_line   (PacteCsvTable  *self,
                                               guint           row);
char           pacte_csv_table_get_separator  (PacteCsvTable  *self);
gboolean       pacte_csv_table_had_bom        (PacteCsvTable  *self);
const char    *pacte_csv_table_get_display_name (PacteCsvTable *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PacteCsvTable, pacte_csv_table_free)

/* ---- Mapping ---------------------------------------------------------- */

/* The partner's own fields (PACTE_PARTNER_* values), as the export writes
 * them: id, name, segment, label, territories, products, sectors, the
 * cross-business figures and notes, notes. */
const guint   *pacte_csv_partner_fields         (guint          *n_fields);
/* A field of the row's contact: PACTE_CSV_CONTACT + PACTE_CONTACT_*.  The
 * contact is found by name among the partner's contacts (without case or
 * accents), or added to them. */
#define PACTE_CSV_CONTACT 1000
/* The fields a column can fill on import: the partner's own, then the
 * contact's name, role, job title, email and phone. */
const guint   *pacte_csv_import_fields          (guint          *n_fields);
/* A field's table entry (its label, kind…); for a contact's field, with
 * the contact's names ("Contact email"). */
const PacteFieldInfo *pacte_csv_field_info      (guint           field);
/* A field's name for --map: its JSON path ("name", "cross_business.notes",
 * "contact.email"). */
const char    *pacte_csv_field_name             (guint           field);
/* The field a --map name gives ("name", "Name", "cross-business-notes"),
 * or -1; "ignore" and "-" give PACTE_CSV_IGNORE. */
int            pacte_csv_field_from_name        (const char     *name);

#define PACTE_CSV_IGNORE (-1)

typedef struct _PacteCsvMapping PacteCsvMapping;

/* The guess from the headers (English and French names of Salesforce,
 * HubSpot, Odoo and Excel exports, and the field labels Pacte's export
 * writes in either language); each field goes to one column at most. */
PacteCsvMapping *pacte_csv_mapping_guess        (PacteCsvTable  *table);
void             pacte_csv_mapping_free         (PacteCsvMapping *self);
PacteCsvMapping *pacte_csv_mapping_copy         (PacteCsvMapping *self);
guint            pacte_csv_mapping_get_n_columns (PacteCsvMapping *self);
/* A PACTE_PARTNER_* field or PACTE_CSV_IGNORE. */
int              pacte_csv_mapping_get_field    (PacteCsvMapping *self,
                                                 guint            column);
void             pacte_csv_mapping_set_field    (PacteCsvMapping *self,
                                                 guint            column,
                                                 int              field);
/* Applies "COLUMN=field,COLUMN=field" (a column by its header, or its
 * number from 1) over the mapping; a field given to a column is taken from
 * any other column.  FALSE with PACTE_CSV_ERROR_MAPPING when a column or
 * a field is unknown. */
gboolean         pacte_csv_mapping_parse        (PacteCsvMapping *self,
                                                 PacteCsvTable   *table,
                                                 const char      *spec,
                                                 GError         **error);
/* The column mapped to field, or -1. */
int              pacte_csv_mapping_find_column  (PacteCsvMapping *self,
                                                 guint            field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PacteCsvMapping, pacte_csv_mapping_free)

/* ---- The import plan -------------------------------------------------- */

/* One field an import changes: its value before and after, as text. */
typedef struct {
  guint  field;       /* PACTE_PARTNER_* */
  char  *before;      /* "" when it was not filled in */
  char  *after;
} PacteCsvChange;

typedef struct {
  guint         row_number;  /* as pacte_csv_table_get_row_number() */
  PactePartner *partner;     /* the partner updated (in the portfolio), or the new one (detached) */
  gboolean      is_new;
  GPtrArray    *changes;     /* of PacteCsvChange; for a new partner, every field it gets */
} PacteCsvEntry;

typedef struct _PacteCsvPlan PacteCsvPlan;

/* Matches each row to a partner of portfolio: by id (when a column is
 * mapped to id), then by name ignoring case and accents; rows that match
 * none add a partner (they need a name).  Empty cells change nothing.
 * Refused with the row and column: a value the field cannot take (an
 * unknown segment, a number that is not one), a new partner without a
 * name, two rows describing the same partner.  The portfolio is not
 * changed. */
PacteCsvPlan    *pacte_csv_plan_new             (PactePortfolio  *portfolio,
                                                 PacteCsvTable   *table,
                                                 PacteCsvMapping *mapping,
                                                 GError         **error);
void             pacte_csv_plan_free            (PacteCsvPlan    *self);
guint            pacte_csv_plan_get_n_added     (PacteCsvPlan    *self);
guint            pacte_csv_plan_get_n_updated   (PacteCsvPlan    *self);
/* Rows that matched a partner whose mapped fields already hold those values. */
guint            pacte_csv_plan_get_n_unchanged (PacteCsvPlan    *self);
/* The added and updated partners, in the order of the rows. */
guint            pacte_csv_plan_get_n_entries   (PacteCsvPlan    *self);
const PacteCsvEntry *pacte_csv_plan_get_entry   (PacteCsvPlan    *self,
                                                 guint            index);
/* Makes the changes, as one undo step ("Import Partners"); once only.
 * Returns FALSE, changing nothing, when the portfolio changed since the
 * plan was made. */
gboolean         pacte_csv_plan_apply           (PacteCsvPlan    *self,
                                                 GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PacteCsvPlan, pacte_csv_plan_free)

/* ---- Export ----------------------------------------------------------- */

typedef enum {
  PACTE_CSV_EXPORT_PARTNERS,
  PACTE_CSV_EXPORT_PLANS,     /* id, name, phase, owner, score, R01…R16 */
  PACTE_CSV_EXPORT_ACTIONS,   /* plan id and name, then the action's fields */
} PacteCsvExportKind;

typedef struct {
  const char *lang;      /* headers and choice names: "en" or "fr" */
  gboolean    excel_fr;  /* ';', a byte-order mark and decimal commas */
  guint32     today;     /* for the plans' lights (Julian day) */
  PacteRuleSet *rules;   /* for the plans' lights; NULL: the default set */
} PacteCsvExportOptions;

/* "partners", "plans", "actions" <-> the kind; FALSE for another name. */
gboolean         pacte_csv_export_kind_from_name (const char         *name,
                                                  PacteCsvExportKind *kind);
/* The CSV text (CRLF line ends, cells quoted when they must be, a cell
 * that a spreadsheet would take for a formula prefixed with '). */
GBytes          *pacte_csv_export               (PactePortfolio              *portfolio,
                                                 PacteCsvExportKind           kind,
                                                 const PacteCsvExportOptions *options);
/* The same, written atomically to file. */
gboolean         pacte_csv_export_to_file       (PactePortfolio              *portfolio,
                                                 PacteCsvExportKind           kind,
                                                 const PacteCsvExportOptions *options,
                                                 GFile                       *file,
                                                 GCancellable                *cancellable,
                                                 GError                     **error);

/* ---- Shared with the import and export -------------------------------- */

/* Text for matching names: NFD, without combining marks, case-folded. */
char            *pacte_csv_match_key            (const char     *text);
/* A partner field's value as CSV text (lists joined with "; ", choices by
 * their name in lang, numbers with '.' or ',' as decimal separator). */
char            *pacte_csv_format_value         (PactePartner   *partner,
                                                 guint           field,
                                                 const char     *lang,
                                                 gboolean        decimal_comma);

G_END_DECLS
