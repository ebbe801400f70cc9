/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-name-sorter.h: orders records by name as a person expects, in any
 * locale. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* text without its accents (NFD, combining marks removed), for searching
 * and sorting: "Électronique" -> "Electronique".  NULL gives NULL. */
char      *pacte_name_fold       (const char *text);
char      *pacte_name_sort_key   (const char *name);

/* A sorter on the "name" property of items of type: accent- and case-folded
 * name first ("Bérard" < "Brightwater" < "Électronique" < "Zebra" whatever
 * the locale), then the locale's collation of the name as a tiebreak. */
GtkSorter *pacte_name_sorter_new (GType       type);

G_END_DECLS
