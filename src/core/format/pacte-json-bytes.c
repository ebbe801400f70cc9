/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-json-bytes.c: the bytes that can be nowhere in a JSON text, found
 * eight at a time (the read of a portfolio stops at the first one, before
 * the scan of pacte-json-scan.c). */
#include "config.h"

#include <string.h>

#include "pacte-json-scan-private.h"

/* The impossible bytes among the eight of w: the high bit of each, exact. */
static inline guint64
impossible_bytes (guint64 w)
{
  guint64 low = w & ONES (0x7F);
  /* Below 0x20: low + 0x60 does not reach 0x80 and the high bit is clear. */
  guint64 control = ~(low + ONES (0x60)) & ~w & ONES (0x80);
  guint64 allowed = equal_bytes (w, '\t') | equal_bytes (w, '\n') | equal_bytes (w, '\r');
  /* 0xF5 and up: the high bit set and low + 0x0B reaching 0x80. */
  guint64 never = ((low + ONES (0x0B)) & w & ONES (0x80)) | equal_bytes (w & ONES (0xFE), 0xC0);

  return (control & ~allowed) | never;
}

gsize
pacte_json_find_impossible_byte (const char *data,
                                 gsize       from,
                                 gsize       len)
{
  gsize i = from;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w, bad;

      memcpy (&w, data + i, 8);
      /* A quick look first: no byte below 0x20 nor from 0xC0 up. */
      if ((((w - ONES (0x20)) & ~w) | (w & (w << 1))) & ONES (0x80))
        {
          w = GUINT64_FROM_LE (w);
          bad = impossible_bytes (w);
          if (bad != 0)
            return i + (guint) __builtin_ctzll (bad) / 8;
        }
    }
  for (; i < len; i++)
    {
      guchar b = data[i];

      if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0xC0 || b == 0xC1 || b >= 0xF5)
        return i;
    }
  return len;
}
