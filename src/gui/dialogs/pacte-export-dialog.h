/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-export-dialog.h: what Export PDF asks first, as Print's Report tab
 * does: the report's language (default: the portfolio's report language,
 * else the interface's) and its scope (the plan shown, or the whole
 * portfolio).  Its "choose" response goes on to the file chooser. */
#pragma once

#include <adwaita.h>

#include "pacte-portfolio.h"

G_BEGIN_DECLS

#define PACTE_TYPE_EXPORT_DIALOG (pacte_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PacteExportDialog, pacte_export_dialog, PACTE, EXPORT_DIALOG, AdwMessageDialog)

/* plan: the plan shown, or NULL (then only the whole portfolio). */
GtkWidget  *pacte_export_dialog_new                 (GtkWindow         *parent,
                                                     PactePortfolio    *portfolio,
                                                     PactePlan         *plan);
const char *pacte_export_dialog_get_language        (PacteExportDialog *self);
void        pacte_export_dialog_set_language        (PacteExportDialog *self,
                                                     const char        *lang);
gboolean    pacte_export_dialog_get_whole_portfolio (PacteExportDialog *self);
void        pacte_export_dialog_set_whole_portfolio (PacteExportDialog *self,
                                                     gboolean           whole);

/* A heading above a choice, with its mnemonic (also Print's Report tab). */
GtkWidget  *pacte_export_dialog_heading             (const char        *text,
                                                     GtkWidget         *mnemonic_widget);

G_END_DECLS
