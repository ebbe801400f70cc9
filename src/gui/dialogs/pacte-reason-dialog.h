/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The question asked before a rule is switched off, for one plan (the
 * rules panel) or for all plans (the portfolio's Golden Rules page): a
 * message dialog with a Reason entry, whose "switch-off" response is
 * enabled once the reason is not blank.  *entry is the Reason entry, for
 * the caller's "response" handler to read. */
GtkWidget *pacte_reason_dialog_new (GtkWindow   *parent,
                                    const char  *heading,
                                    const char  *body,
                                    GtkWidget  **entry);

G_END_DECLS
