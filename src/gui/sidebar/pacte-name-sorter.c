/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-name-sorter.c: the name order of pacte-name-order.c as a GtkSorter. */
#include "config.h"

#include "pacte-name-sorter.h"

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  int cmp = pacte_name_order_compare ((PacteRecord *) a, (PacteRecord *) b);

  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

GtkSorter *
pacte_name_sorter_new (GType type)
{
  g_return_val_if_fail (pacte_name_order_field (type) != G_MAXUINT, NULL);

  return GTK_SORTER (gtk_custom_sorter_new (compare_names, NULL, NULL));
}
