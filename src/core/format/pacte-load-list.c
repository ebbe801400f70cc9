/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-load-list.c: one of a portfolio's lists read by two threads
 * (on a machine with processors to spare: see n_threads()).
 *
 * json-glib's parse is the longest step of a load, and building the records
 * and freeing each item's tree cost about two thirds of it again.  The
 * items of a list are independent until they are put in the list, so the
 * loading thread and a second one take them in turn (the next item not yet
 * taken, one at a time): each parses its item into a tree, builds its
 * record and frees the tree.  An item's tree stays on the core that made
 * it: handing trees from a parsing thread to a building one was measured
 * slower than doing it all in one thread (every node read again from the
 * other core's cache, and every free sent back to the other thread's
 * allocator).
 *
 * The records are put in the list by the loading thread, in order, once
 * both threads are done; the ids are checked then.  So the first problem
 * reported is the first in the order of the items, whichever thread met
 * it: an item that is not a valid record (its message names its path),
 * then a duplicate id; a thread takes no item after one that failed.
 *
 * Progress is reported by the loading thread, at the end of the items done
 * in order so far (the bytes parsed); a cancel makes both threads stop
 * after their current item, and is reported unless an item before failed.
 * Nothing outlives the call: the second thread is joined, every tree and
 * every record not put in the list is freed. */
#include "config.h"

#include <string.h>
#include <time.h>

#include "pacte-load-list-private.h"
#include "pacte-model.h"

/* Below this many items, one thread reads the list. */
#define MIN_ITEMS_FOR_TWO 16

typedef struct
{
  PacteRecord *record;
  GArray      *pending;   /* partner ids named before the partners */
  GError      *error;
  gint         done;      /* atomic: set last */
} Slot;

typedef struct
{
  PacteLoadList *list;
  Slot          *slots;
  gint           next;          /* atomic: the next item to take */
  gint           first_failed;  /* atomic: the first item that failed, or G_MAXINT */
  gint           stop;          /* atomic: a cancel */
} Shared;

typedef struct
{
  Shared            *shared;
  JsonParser        *parser;
  PacteRecordReader  reader;
  double             parse, parse_wall, build, free, thread_cpu;
  guint              pieces;
} Worker;

static guint threads_for_tests;

void
pacte_load_list_set_threads_for_tests (guint threads)
{
  g_atomic_int_set (&threads_for_tests, threads);
}

double
pacte_load_clock (clockid_t id)
{
  struct timespec now;

  if (clock_gettime (id, &now) != 0)
    return 0;
  return now.tv_sec + now.tv_nsec / 1e9;
}

#define cpu_clock() pacte_load_clock (CLOCK_THREAD_CPUTIME_ID)
#define wall_clock() pacte_load_clock (CLOCK_MONOTONIC)

/* json-glib's messages look like "<data>:12:5: Parse error: unexpected …". */
void
pacte_load_set_parser_error (GError     **error,
                             const char  *display,
                             const char  *message)
{
  const char *p = message;
  guint64 line, column;
  char *rest;

  if (g_str_has_prefix (p, "<data>:"))
    {
      p += strlen ("<data>:");
      line = g_ascii_strtoull (p, &rest, 10);
      if (rest != p && *rest == ':')
        {
          p = rest + 1;
          column = g_ascii_strtoull (p, &rest, 10);
          if (rest != p && *rest == ':')
            {
              p = rest + 1;
              while (*p == ' ')
                p++;
              if (g_str_has_prefix (p, "Parse error: "))
                p += strlen ("Parse error: ");
              g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_SYNTAX,
                           "%s:%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ": %s",
                           display, line, column, p);
              return;
            }
        }
    }
  g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_SYNTAX, "%s: %s", display, message);
}

/* Item i, from its text to its record (or its error), its tree freed. */
static void
read_item (Worker *w,
           guint   i)
{
  PacteLoadList *list = w->shared->list;
  Slot *slot = &w->shared->slots[i];
  const PacteJsonSpan *span = &list->items[i];
  g_autoptr(GError) parse_error = NULL;
  double w0 = 0, t0 = 0, t1 = 0, t2 = 0;

  if (list->timed)
    {
      w0 = wall_clock ();
      t0 = cpu_clock ();
    }
  /* The text passed every check: json-glib cannot fail on it. */
  if (!json_parser_load_from_data (w->parser, list->data + span->start, span->end - span->start, &parse_error))
    pacte_load_set_parser_error (&slot->error, list->display, parse_error->message);
  else
    {
      JsonNode *tree = json_parser_steal_root (w->parser);

      if (list->timed)
        {
          t1 = cpu_clock ();
          w->parse_wall += wall_clock () - w0;
          w->parse += t1 - t0;
          w->pieces++;
        }
      slot->record = pacte_record_reader_build_item (&w->reader, i, tree, &slot->pending, &slot->error);
      if (list->timed)
        t2 = cpu_clock ();
      json_node_unref (tree);
      if (list->timed)
        {
          w->build += t2 - t1;
          w->free += cpu_clock () - t2;
        }
    }
  if (slot->error != NULL)
    {
      gint first = g_atomic_int_get (&w->shared->first_failed);

      while ((gint) i < first && !g_atomic_int_compare_and_exchange (&w->shared->first_failed, first, (gint) i))
        first = g_atomic_int_get (&w->shared->first_failed);
    }
  g_atomic_int_set (&slot->done, 1);
}

/* Progress at the end of each item done in order since the last call
 * (*prefix of them before): the steps the other thread crossed while this
 * one was busy are reported one by one, as a load in one thread would. */
static gboolean
reach_done (PacteLoadList  *list,
            Slot           *slots,
            guint          *prefix,
            GError        **stop_error)
{
  while (*prefix < list->n && g_atomic_int_get (&slots[*prefix].done))
    {
      Slot *slot = &slots[*prefix];

      (*prefix)++;
      /* Only the items before the first problem: the list ends there. */
      if (slot->error != NULL || slot->record == NULL)
        list->built_stopped = TRUE;
      if (list->built != NULL && !list->built_stopped)
        list->built (list->built_data, slot->record);
      if (list->reach != NULL && !list->reach (list->reach_data, list->items[*prefix - 1].source_end, stop_error))
        return FALSE;
    }
  return TRUE;
}

/* Takes items until none is left, one failed before or a cancel.  In the
 * loading thread (prefix not NULL), reports progress at the end of the
 * items done in order (*prefix of them); stop_error: a cancel. */
static void
work (Worker  *w,
      guint   *prefix,
      GError **stop_error)
{
  Shared *shared = w->shared;
  PacteLoadList *list = shared->list;

  while (!g_atomic_int_get (&shared->stop))
    {
      guint i = (guint) g_atomic_int_add (&shared->next, 1);

      if (i >= list->n || (gint) i > g_atomic_int_get (&shared->first_failed))
        break;
      read_item (w, i);
      if (prefix != NULL && !reach_done (list, shared->slots, prefix, stop_error))
        g_atomic_int_set (&shared->stop, 1);
    }
}

static gpointer
second_thread (gpointer data)
{
  Worker *w = data;

  work (w, NULL, NULL);
  w->thread_cpu = cpu_clock ();
  return NULL;
}

static void
worker_init (Worker *w,
             Shared *shared)
{
  memset (w, 0, sizeof *w);
  w->shared = shared;
  w->parser = json_parser_new ();
  pacte_record_reader_init_worker (&w->reader, shared->list->reader);
}

static void
worker_clear (Worker *w)
{
  g_object_unref (w->parser);
  pacte_record_reader_clear (&w->reader);
}

static void
worker_add_times (Worker        *w,
                  PacteLoadList *list)
{
  list->parse += w->parse;
  list->parse_wall += w->parse_wall;
  list->build += w->build;
  list->free += w->free;
  list->pieces += w->pieces;
}

static guint
n_threads (guint n_items)
{
  guint threads = g_atomic_int_get (&threads_for_tests);

  /* Measured on 2 processors (README, "Around json-glib's parse"): two
   * threads gained no wall-clock time (0.77 s against 0.79 s) for twice the
   * CPU (each parsed at half speed, the processors shared with the window's
   * main thread and the sort keys' thread): a second thread only where
   * there are processors to spare. */
  if (threads == 0)
    threads = g_get_num_processors () >= 4 ? 2 : 1;
  return n_items >= MIN_ITEMS_FOR_TWO ? MIN (threads, 2) : 1;
}

gboolean
pacte_load_list_read (PacteLoadList  *list,
                      GError        **error)
{
  Shared shared = { list, g_new0 (Slot, list->n), 0, G_MAXINT, 0 };
  Worker mine, other;
  GThread *thread = NULL;
  g_autoptr(GError) stop_error = NULL;
  guint prefix = 0, k;
  gboolean ok = TRUE;

  worker_init (&mine, &shared);
  if (n_threads (list->n) > 1)
    {
      worker_init (&other, &shared);
      thread = g_thread_try_new ("pacte-load-list", second_thread, &other, NULL);
      if (thread == NULL)
        worker_clear (&other);
    }
  work (&mine, &prefix, &stop_error);
  if (thread != NULL)
    {
      /* While the other thread ends its item, this one waits. */
      g_thread_join (thread);
      worker_add_times (&other, list);
      list->other_threads += other.thread_cpu;
      worker_clear (&other);
    }
  worker_add_times (&mine, list);
  worker_clear (&mine);
  /* The items the other thread did last. */
  if (stop_error == NULL)
    reach_done (list, shared.slots, &prefix, &stop_error);

  /* Whoever was told of the items is done with them before they are in
   * the list. */
  if (list->settle != NULL)
    list->settle (list->built_data);

  /* Into the list, in order, up to the first problem. */
  for (k = 0; ok && k < list->n; k++)
    {
      Slot *slot = &shared.slots[k];

      if (!slot->done)
        break;
      if (slot->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&slot->error));
          ok = FALSE;
          break;
        }
      ok = pacte_record_reader_list_add_built (list->reader, slot->record, g_steal_pointer (&slot->pending), error);
      g_clear_object (&slot->record);
    }
  if (ok && (k < list->n || stop_error != NULL))
    {
      /* Stopped before the end, or cancelled at the end: only a cancel
       * does that. */
      if (stop_error == NULL)
        g_set_error_literal (&stop_error, G_IO_ERROR, G_IO_ERROR_CANCELLED, g_dgettext ("glib20", "Operation was cancelled"));
      g_propagate_error (error, g_steal_pointer (&stop_error));
      ok = FALSE;
    }
  for (guint i = 0; i < list->n; i++)
    {
      g_clear_object (&shared.slots[i].record);
      g_clear_pointer (&shared.slots[i].pending, pacte_pending_refs_free);
      g_clear_error (&shared.slots[i].error);
    }
  g_free (shared.slots);
  return ok;
}
