/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pacte_accessible_tidy          (GtkWidget   *root);
void pacte_accessible_tidy_on_map   (GtkWidget   *widget);
void pacte_accessible_watch_windows (GtkApplication *app);
void pacte_accessible_name_shortcuts_window (GtkWindow *window);

G_END_DECLS
