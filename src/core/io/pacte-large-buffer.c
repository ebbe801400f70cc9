/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-large-buffer.c: memory for a whole large file's text.
 *
 * Fresh memory costs a page fault at the first touch of each 4 KiB page;
 * on a virtual machine a fault costs more than scanning the page (measured:
 * 0.15 s of CPU to touch 43 MB, 0.05 s in 2 MiB pages).  The text of a
 * large portfolio is read into such memory, then copied without its white
 * space into another (pacte-json-scan.c). */
#include "config.h"

#include <stdlib.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#include "pacte-large-buffer.h"

#define HUGE_PAGE ((gsize) 2 << 20)

char *
pacte_large_buffer_alloc (gsize size)
{
#ifdef MADV_HUGEPAGE
  if (size >= 4 * HUGE_PAGE)
    {
      gsize rounded = (size + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
      char *p = aligned_alloc (HUGE_PAGE, rounded);

      if (p != NULL)
        {
          /* Only advice: without huge pages, the memory is as usual. */
          madvise (p, rounded, MADV_HUGEPAGE);
          return p;
        }
    }
#endif
  /* g_malloc () is malloc () (GLib 2.46 and later): both are freed with g_free (). */
  return g_malloc (MAX (size, 1));
}
