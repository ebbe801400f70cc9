/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-csv-import-dialog.h: "Import Partners from CSV".
 *
 * Choose a CSV file (GtkFileChooserNative), see one row per column with the
 * partner field it fills (guessed from its header; "Ignore" possible), and a
 * preview of the partners that will be added and updated, field by field.
 * Import applies it as one undo step and emits "imported" (guint added,
 * guint updated).  A file that cannot be read, or a cell a field cannot
 * take, is shown with its row and column, and Import stays off. */
#pragma once

#include <adwaita.h>

#include "pacte-portfolio.h"

G_BEGIN_DECLS

#define PACTE_TYPE_CSV_IMPORT_DIALOG (pacte_csv_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PacteCsvImportDialog, pacte_csv_import_dialog, PACTE, CSV_IMPORT_DIALOG, AdwWindow)

GtkWidget  *pacte_csv_import_dialog_new             (GtkWindow            *parent,
                                                     PactePortfolio       *portfolio);
/* What choosing a file does (also for tests): FALSE when it cannot be
 * read (the message is shown in the dialog). */
gboolean    pacte_csv_import_dialog_load_file       (PacteCsvImportDialog *self,
                                                     GFile                *file);
/* The mapping rows: one per column, an AdwComboRow whose item 0 is
 * "Ignore" and item i + 1 the i-th of pacte_csv_partner_fields(). */
guint       pacte_csv_import_dialog_get_n_columns   (PacteCsvImportDialog *self);
AdwComboRow *pacte_csv_import_dialog_get_column_row (PacteCsvImportDialog *self,
                                                     guint                 column);
/* The message shown (a file or value refused), or NULL. */
const char *pacte_csv_import_dialog_get_error       (PacteCsvImportDialog *self);
/* The preview's counts, 0 without a plan. */
guint       pacte_csv_import_dialog_get_n_added     (PacteCsvImportDialog *self);
guint       pacte_csv_import_dialog_get_n_updated   (PacteCsvImportDialog *self);
/* The preview's rows (AdwActionRow: the partner's name as title, what
 * changes as subtitle), in the order of the CSV rows. */
GtkWidget  *pacte_csv_import_dialog_get_preview_row (PacteCsvImportDialog *self,
                                                     guint                 index);
/* What Import does: applies the plan (one undo step), emits "imported"
 * and closes the dialog. */
gboolean    pacte_csv_import_dialog_apply           (PacteCsvImportDialog *self,
                                                     GError              **error);

G_END_DECLS
