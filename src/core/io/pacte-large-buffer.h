/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-large-buffer.h: memory for a whole large file's text
 * (pacte-large-buffer.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* size bytes (at least 1), like g_malloc () and freed with g_free (): from
 * 8 MiB up, advised for 2 MiB pages (transparent huge pages in "madvise"
 * mode), so that touching it costs a page fault per 2 MiB rather than per
 * 4 KiB.  Aborts when memory is exhausted, as g_malloc () does. */
char *pacte_large_buffer_alloc (gsize size);

G_END_DECLS
