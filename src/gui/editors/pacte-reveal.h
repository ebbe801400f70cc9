/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-reveal.h: showing a widget in its scrolled window. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Scrolls widget into view in its scrolled window once it is laid out (and
 * focuses it, or its first focusable child, when focus is TRUE).  Returns
 * whether focus moved (TRUE when focus is FALSE). */
gboolean     pacte_reveal_widget                  (GtkWidget         *widget,
                                                   gboolean           focus);

G_END_DECLS
