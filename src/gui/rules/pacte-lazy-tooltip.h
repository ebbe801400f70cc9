/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A widget's tooltip given when GTK asks for it ("query-tooltip").
 * gtk_widget_set_tooltip_text() asks the display where the pointer is (an
 * X round trip) at every change, which a plan switch makes for every light
 * whose status changes.  NULL or "" removes the tooltip's text. */
void        pacte_lazy_tooltip_set (GtkWidget  *widget,
                                    const char *text);
const char *pacte_lazy_tooltip_get (GtkWidget  *widget);

G_END_DECLS
