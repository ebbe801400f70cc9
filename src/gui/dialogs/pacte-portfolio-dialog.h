/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-portfolio-dialog.h: the portfolio's own settings, from the main
 * menu: "Properties" (title, company, currency, default report language)
 * and "Golden Rules" (the format's rule_settings: a rule switched off for
 * every plan with a reason, or tuned for every plan), with the plans that
 * override a rule named as such.  Each applied change is one undo step;
 * the pages follow undo and redo. */
#pragma once

#include <adwaita.h>

#include "pacte-context.h"

G_BEGIN_DECLS

#define PACTE_TYPE_PORTFOLIO_DIALOG (pacte_portfolio_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PactePortfolioDialog, pacte_portfolio_dialog, PACTE, PORTFOLIO_DIALOG, AdwPreferencesWindow)

GtkWidget  *pacte_portfolio_dialog_new           (GtkWindow            *parent,
                                                  PacteContext         *context);
/* "properties" or "rules". */
void        pacte_portfolio_dialog_show_page     (PactePortfolioDialog *self,
                                                  const char           *page);
const char *pacte_portfolio_dialog_get_page      (PactePortfolioDialog *self);
/* What a property row's Apply does: field is "title", "owner" or
 * "currency".  FALSE with the reason shown under the row (nothing applied). */
gboolean    pacte_portfolio_dialog_apply         (PactePortfolioDialog *self,
                                                  const char           *field,
                                                  const char           *text,
                                                  GError              **error);
/* The report language row: a code of the language table. */
void        pacte_portfolio_dialog_set_language  (PactePortfolioDialog *self,
                                                  const char           *code);
/* A rule's row on the Golden Rules page (its subtitle says its state for
 * every plan and which plans override it). */
AdwActionRow *pacte_portfolio_dialog_get_rule_row (PactePortfolioDialog *self,
                                                   const char           *rule_id);
/* What the rule row's switch and Tune button do. */
GtkWidget  *pacte_portfolio_dialog_ask_switch_off (PactePortfolioDialog *self,
                                                   const char           *rule_id);
gboolean    pacte_portfolio_dialog_switch_on     (PactePortfolioDialog *self,
                                                  const char           *rule_id,
                                                  GError              **error);
GtkWidget  *pacte_portfolio_dialog_present_tune  (PactePortfolioDialog *self,
                                                  const char           *rule_id);

G_END_DECLS
