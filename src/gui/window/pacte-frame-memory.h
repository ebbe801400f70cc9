/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Keeps the memory the window's frames are drawn in between frames, when
 * GTK draws with cairo on X11 (see pacte-frame-memory.c).  Call once,
 * before the window is realized. */
void     pacte_frame_memory_keep    (GtkWindow *window);

/* Whether the window holds its frames' memory now. */
gboolean pacte_frame_memory_is_kept (GtkWindow *window);

G_END_DECLS
