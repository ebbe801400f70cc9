/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-name-sorter.h: orders records by name as a person expects, in any
 * locale (pacte-name-order.h). */
#pragma once

#include <gtk/gtk.h>

#include "pacte-name-order.h"

G_BEGIN_DECLS

/* A sorter of plans or partners by name: accent- and case-folded name first
 * ("Bérard" < "Brightwater" < "Électronique" < "Zebra" whatever the locale),
 * then the locale's collation of the name as a tiebreak.  It compares the
 * keys kept on the records (made once per name), so sorting 10,000 names
 * costs only their comparisons.  A sort model does not watch its items: the
 * owner calls gtk_sorter_changed() when a name changes. */
GtkSorter *pacte_name_sorter_new (GType type);

G_END_DECLS
