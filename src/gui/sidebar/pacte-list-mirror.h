/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-list-mirror.h: the items of a list in another order.
 *
 * The window's lists sort the portfolio's plans and partners with a
 * GtkSortListModel.  Sorting 12,000 names in file order costs the main
 * loop n log n comparisons at once; handed a list already in order, the
 * sort model's merge sort makes one pass.  A mirror holds the same items as
 * its source in the order given (the load's worker thread sorts them), and
 * follows the source: items added there are added at its end, items
 * removed there are removed (the sort model above puts them in place). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PACTE_TYPE_LIST_MIRROR (pacte_list_mirror_get_type ())
G_DECLARE_FINAL_TYPE (PacteListMirror, pacte_list_mirror, PACTE, LIST_MIRROR, GObject)

/* order: the source's items (GObject *) in the order wanted, or NULL for
 * the source's order; ignored unless it holds exactly the source's items. */
GListModel *pacte_list_mirror_new (GListModel *source,
                                   GPtrArray  *order);

G_END_DECLS
