/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-application.h: the application: windows, app-wide actions, settings. */
#pragma once

#include <adwaita.h>

#include "pacte-rules.h"

typedef struct _PacteWindow PacteWindow; /* pacte-window.h */

G_BEGIN_DECLS

#define PACTE_TYPE_APPLICATION (pacte_application_get_type ())
G_DECLARE_FINAL_TYPE (PacteApplication, pacte_application, PACTE, APPLICATION, AdwApplication)

PacteApplication *pacte_application_new        (void);
/* The rule set new documents are evaluated with (the default sixteen rules). */
PacteRuleSet     *pacte_application_get_rules  (PacteApplication *self);
/* io.github.pacte.Pacte settings, or NULL when the schema is not installed. */
GSettings        *pacte_application_get_settings (PacteApplication *self);
/* The window showing file or opening it, or NULL. */
PacteWindow      *pacte_application_find_window (PacteApplication *self,
                                                 GFile            *file);
/* Presents the About window over parent (may be NULL); returns it. */
GtkWindow        *pacte_application_show_about (PacteApplication *self,
                                                GtkWindow        *parent);
/* Once per run of the program: when drafts exist, a dialog transient for
 * parent offers to restore each in a window (parent itself when it has no
 * document, a new window otherwise).  Returns the dialog, or NULL when there
 * is nothing to offer or it was offered already. */
GtkWindow        *pacte_application_offer_drafts (PacteApplication *self,
                                                  PacteWindow      *parent);

G_END_DECLS
