/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-number.h: numbers as people type and read them, in the locale's
 * decimal separator.  No GTK: the editors use it, and it is tested without
 * a display. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers as people type them: "1234.5", "1 234,5", "-3", with "," or "." as
 * the decimal separator and spaces (also no-break and thin) between digit
 * groups.  Empty text gives NaN ("not filled in").  FALSE for anything else. */
gboolean     pacte_number_parse                   (const char        *text,
                                                   double            *value);
/* The reverse, in the locale's decimal separator with narrow no-break spaces
 * between thousands: "1 234,5".  "" for NaN. */
char        *pacte_number_format                  (double             value);

G_END_DECLS
