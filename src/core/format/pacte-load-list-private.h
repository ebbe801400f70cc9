/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-load-list-private.h: one of a portfolio's lists (partners, plans)
 * read by two threads at once (pacte-load-list.c).  Only for
 * pacte-portfolio-load.c and the tests. */
#pragma once

#include <time.h>
#include <json-glib/json-glib.h>

#include "pacte-json-scan-private.h"
#include "pacte-record-reader-private.h"

G_BEGIN_DECLS

/* The loading thread has reached source_end in the text as read (every
 * item up to there is built): reports progress; FALSE with error set (a
 * cancel) stops the reading. */
typedef gboolean (*PacteLoadReachFunc) (gpointer   data,
                                        gsize      source_end,
                                        GError   **error);

/* In the loading thread: item (not a reference), built, in the order of
 * the list, before it is in the list. */
typedef void (*PacteLoadBuiltFunc) (gpointer     data,
                                    PacteRecord *item);
/* In the loading thread: the items are built (or the reading stopped) and
 * about to be given to the list's reader. */
typedef void (*PacteLoadSettleFunc) (gpointer data);

typedef struct
{
  /* In */
  const char         *data;        /* the compact text */
  const char         *display;
  const PacteJsonSpan *items;      /* the list's items, n of them */
  guint               n;
  PacteRecordReader  *reader;      /* between list_begin and list_end */
  PacteLoadReachFunc  reach;
  gpointer            reach_data;
  PacteLoadBuiltFunc  built;       /* may be NULL; with built_data */
  PacteLoadSettleFunc settle;      /* may be NULL; with built_data */
  gpointer            built_data;
  gboolean            timed;
  /* Private: an item failed before (built is told of no later one). */
  gboolean            built_stopped;
  /* Out, when timed: CPU time of every thread in each phase, and the
   * other thread's whole CPU time. */
  double              parse, parse_wall, build, free, other_threads;
  guint               pieces;
} PacteLoadList;

/* Parses each item of the list into a tree, builds its record and drops the
 * tree, in this thread and a second one (each item by one thread, from
 * parse to free), telling built of each record in order as it comes; then
 * tells settle and gives the records to the list's reader in order.
 * The first problem in the order of the items is reported, as when they
 * were read one after the other: an item that is not a record, then a
 * duplicate id; a cancel only when every item before it is well. */
gboolean pacte_load_list_read             (PacteLoadList  *list,
                                           GError        **error);

/* "display:line:column: what" from json-glib's message. */
void     pacte_load_set_parser_error      (GError        **error,
                                           const char     *display,
                                           const char     *message);

/* The time of that clock in seconds (0 when it cannot be read). */
double   pacte_load_clock                 (clockid_t       id);

/* For the tests: how many threads read a list (1: the loading thread
 * alone; 0: as many as the machine has cores, at most 2: the default). */
void     pacte_load_list_set_threads_for_tests (guint threads);

G_END_DECLS
