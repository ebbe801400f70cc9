/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-name-order.h: the order of plans and partners by name, as a person
 * expects it in any locale, with each record's sort key computed once.
 *
 * The first key is the name without accents, case-folded, with every run of
 * digits at a fixed width ("Bérard" < "Brightwater" < "Électronique" <
 * "Zebra"; "Plan #2" < "Plan #10"); the locale's collation of the name
 * itself breaks ties ("Cote" / "Côte").  Both collation keys are kept on the
 * record (object data) with the name they were made from, and made again
 * when the name is no longer that one: a comparison is two strcmp() once
 * the keys exist.  The keys of a freshly loaded portfolio are computed
 * beside the load (pacte_name_order_sorted(): the partners' by the load's
 * companion, pacte-load-companion.c, the plans' by the thread beside the
 * worker, pacte-load-prepared.c), so that the window's lists have only to
 * compare them. */
#pragma once

#include "pacte-model.h"

G_BEGIN_DECLS

/* text without its accents (NFD, combining marks removed), for searching
 * and sorting: "Électronique" -> "Electronique".  NULL gives NULL. */
char     *pacte_name_fold          (const char  *text);
/* Folded, case-folded, digits at a fixed width: "Plan #2" < "Plan #10". */
char     *pacte_name_sort_key      (const char  *name);

/* The field holding a record's name: PACTE_PLAN_NAME or PACTE_PARTNER_NAME
 * (records of another type have none: G_MAXUINT). */
guint     pacte_name_order_field   (GType        type);
/* <0, 0, >0 as a is before, beside or after b by name.  Not thread-safe for
 * one record: records are compared in one thread at a time. */
int       pacte_name_order_compare (PacteRecord *a,
                                    PacteRecord *b);
/* Sorts records (PacteRecord *) by name, computing their keys. */
void      pacte_name_order_sort    (GPtrArray   *records);
/* A new array of the records of a list (references), sorted by name. */
GPtrArray *pacte_name_order_sorted (GListModel  *records);

G_END_DECLS
