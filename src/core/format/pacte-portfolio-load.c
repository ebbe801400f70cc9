/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-portfolio-load.c: reading a portfolio file.
 *
 * Two steps.  First one pass over the bytes checks that they are strict
 * JSON (RFC 8259) within our limits (pacte-json-scan.c): json-glib accepts
 * much more (comments, single quotes, hexadecimal, integers that silently
 * wrap) and overflows its stack on deep nesting, so it only ever sees text
 * that passed this scan.  The same pass notes where the members of the
 * portfolio and the items of its lists are (the outline).
 * The same pass copies the text without its white space (the compact text).
 * Then the portfolio is read piece by piece: json-glib parses one partner or
 * plan (or one other member) at a time from the compact text into a small
 * tree that becomes records at once (pacte-record-reader.c) and is dropped
 * then.  The partners and the plans are read so by two threads at once, each
 * item by one of them (pacte-load-list.c).  The whole tree of the file is
 * never in memory: only the compact text, the model and one piece's tree
 * per thread (the text as read is dropped after the scan when the loader
 * owns it).
 *
 * Every failure is one GError naming the file and either line:column (the
 * text) or the JSON path (the values), and what was expected. */
#include "config.h"

#include <string.h>
#include <time.h>

#include "pacte-progress-relay.h"
#include "pacte-json-scan-private.h"
#include "pacte-load-list-private.h"
#include "pacte-portfolio-load-private.h"
#include "pacte-record-private.h"
#include "pacte-record-reader-private.h"
#include "pacte-file-read.h"
#include "pacte-i18n.h"
#include "pacte-merge.h"
#include "pacte-rule-set.h"

/* ---- Progress and cancellation ---------------------------------------- */

typedef struct
{
  PacteLoadProgressFunc func;     /* may be NULL */
  gpointer              data;
  GCancellable         *cancellable;
  guint64               total;    /* bytes of the file */
  guint64               step;     /* reported every step bytes */
  guint64               next;     /* the next report, at this many bytes done */
  guint64               done;
  const PacteLoadObserver *observer;   /* may be NULL */
  gpointer              observer_data;
} LoadProgress;

static void
load_progress_init (LoadProgress          *self,
                    PacteLoadProgressFunc  func,
                    gpointer               data,
                    GCancellable          *cancellable)
{
  memset (self, 0, sizeof *self);
  self->func = func;
  self->data = data;
  self->cancellable = cancellable;
}

static void
load_progress_set_total (LoadProgress *self,
                         guint64       total)
{
  self->total = total;
  self->step = MAX (total / 100, (guint64) 64 * 1024);
  self->next = 0;
}

/* done bytes of the file are behind us: reports it when a step is crossed,
 * and says whether to go on (FALSE with G_IO_ERROR_CANCELLED when not). */
static gboolean
load_progress_reach (LoadProgress  *self,
                     guint64        done,
                     GError       **error)
{
  if (self == NULL)
    return TRUE;
  done = MIN (done, self->total);
  if (done < self->next && done < self->total)
    return TRUE;
  if (done <= self->done && self->done > 0 && done < self->total)
    return TRUE;
  self->done = MAX (self->done, done);
  self->next = self->done + self->step;
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;
  if (self->func != NULL)
    self->func (self->done, self->total, self->data);
  return TRUE;
}

/* ---- Step 2: the portfolio, piece by piece ------------------------------- */

typedef struct
{
  const char      *data;       /* the compact text (pacte_json_check_text ()) */
  const char      *display;
  JsonParser      *parser;     /* one for every piece */
  LoadProgress    *progress;   /* may be NULL */
  gsize            offset;     /* of the text as read in the file */
  PacteLoadPhases *phases;     /* may be NULL */
} Pieces;

/* The CPU time of this thread, and the wall clock, when phases are timed. */
static double
phase_clock (PacteLoadPhases *phases)
{
  return phases != NULL ? pacte_load_clock (CLOCK_THREAD_CPUTIME_ID) : 0;
}

static double
wall_clock (PacteLoadPhases *phases)
{
  return phases != NULL ? pacte_load_clock (CLOCK_MONOTONIC) : 0;
}

/* The tree of data[span], owned by the parser until the next piece. */
static JsonNode *
parse_piece (Pieces         *self,
             PacteJsonSpan   span,
             GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  double w0 = wall_clock (self->phases);
  double t0 = phase_clock (self->phases);

  /* The text passed every check: json-glib cannot fail on it. */
  if (!json_parser_load_from_data (self->parser, self->data + span.start, span.end - span.start, &local_error))
    {
      pacte_load_set_parser_error (error, self->display, local_error->message);
      return NULL;
    }
  if (self->phases != NULL)
    {
      self->phases->parse += phase_clock (self->phases) - t0;
      self->phases->parse_wall += wall_clock (self->phases) - w0;
      self->phases->pieces++;
    }
  return json_parser_get_root (self->parser);
}

/* A piece kept until the portfolio is complete (the members of the
 * portfolio other than its lists: their unknown parts are kept as they
 * are). */
static JsonNode *
parse_piece_kept (Pieces         *self,
                  PacteJsonSpan   span,
                  GError        **error)
{
  JsonNode *node = parse_piece (self, span, error);

  return node != NULL ? json_parser_steal_root (self->parser) : NULL;
}

static const PacteJsonMember *
find_member (PacteJsonOutline *outline,
             const char       *name)
{
  for (guint i = 0; i < outline->members->len; i++)
    {
      const PacteJsonMember *member = &g_array_index (outline->members, PacteJsonMember, i);

      if (g_str_equal (member->name, name))
        return member;
    }
  return NULL;
}

static gboolean
read_header (Pieces             *self,
             PacteRecordReader  *reader,
             PacteJsonOutline   *outline,
             GPtrArray          *kept,
             GError            **error)
{
  const PacteJsonMember *format = find_member (outline, "format");
  const PacteJsonMember *version = find_member (outline, "version");
  const PacteJsonMember *conflicts;
  JsonNode *format_node = NULL, *version_node = NULL;

  if (!outline->root_is_object)
    return pacte_record_reader_check_header (reader, NULL, NULL, error);
  if (format != NULL)
    {
      if ((format_node = parse_piece_kept (self, format->value, error)) == NULL)
        return FALSE;
      g_ptr_array_add (kept, format_node);
    }
  if (version != NULL)
    {
      if ((version_node = parse_piece_kept (self, version->value, error)) == NULL)
        return FALSE;
      g_ptr_array_add (kept, version_node);
    }
  if (!pacte_record_reader_check_header (reader, format_node, version_node, error))
    return FALSE;

  /* The conflicts a merge left (pacte-merge.h): kept as an unknown
   * member, but only in the shape the window and --check read. */
  conflicts = find_member (outline, PACTE_MERGE_CONFLICTS_MEMBER);
  if (conflicts != NULL)
    {
      g_autofree char *where = NULL;
      g_autofree char *expected = NULL;
      JsonNode *node = parse_piece (self, conflicts->value, error);

      if (node == NULL)
        return FALSE;
      expected = pacte_merge_check_member (node, &where);
      if (expected != NULL)
        {
          g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID, "%s: %s: %s",
                       self->display, where, expected);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
reach_source (gpointer   data,
              gsize      source_end,
              GError   **error)
{
  Pieces *self = data;

  return load_progress_reach (self->progress, self->offset + source_end, error);
}

/* What the observer of a load is told of one list. */
typedef struct
{
  const PacteLoadObserver *observer;
  gpointer                 data;
  const char              *name;
} ListObserved;

static void
item_built (gpointer     data,
            PacteRecord *item)
{
  ListObserved *observed = data;

  if (observed->observer->item_built != NULL)
    observed->observer->item_built (observed->data, observed->name, item);
}

static void
list_built (gpointer data)
{
  ListObserved *observed = data;

  if (observed->observer->list_built != NULL)
    observed->observer->list_built (observed->data, observed->name);
}

/* One of the portfolio's lists, its items read by two threads
 * (pacte-load-list.c). */
static gboolean
read_list (Pieces                 *self,
           PacteRecordReader      *reader,
           PacteJsonOutline       *outline,
           const PacteJsonMember  *member,
           GError                **error)
{
  PacteLoadList list;
  gboolean ok;

  ListObserved observed = { NULL, NULL, member->name };

  memset (&list, 0, sizeof list);
  list.data = self->data;
  list.display = self->display;
  list.items = &g_array_index (outline->items, PacteJsonSpan, member->first_item);
  list.n = member->n_items;
  list.reader = reader;
  list.reach = reach_source;
  list.reach_data = self;
  list.timed = self->phases != NULL;
  if (self->progress != NULL && self->progress->observer != NULL)
    {
      observed.observer = self->progress->observer;
      observed.data = self->progress->observer_data;
      list.built = item_built;
      list.settle = list_built;
      list.built_data = &observed;
    }

  pacte_record_reader_list_begin (reader, member->name);
  ok = pacte_load_list_read (&list, error);
  if (self->phases != NULL)
    {
      self->phases->parse += list.parse;
      self->phases->parse_wall += list.parse_wall;
      self->phases->build += list.build;
      self->phases->free += list.free;
      self->phases->other_threads += list.other_threads;
      self->phases->pieces += list.pieces;
    }
  ok = ok && pacte_record_reader_list_end (reader, error);
  if (ok && observed.observer != NULL && observed.observer->list_loaded != NULL)
    observed.observer->list_loaded (observed.data, reader->portfolio, member->name);
  return ok;
}

/* Every piece a load parses, each tree dropped at once (untimed): the
 * parse alone (pacte_portfolio_parse_file_timed ()). */
static gboolean
parse_only (const char        *data,
            PacteJsonOutline  *outline,
            const char        *display,
            PacteLoadPhases   *phases,
            GError           **error)
{
  Pieces pieces = { data, display, json_parser_new (), NULL, 0, phases };
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < outline->members->len; i++)
    {
      const PacteJsonMember *member = &g_array_index (outline->members, PacteJsonMember, i);
      JsonNode *node;

      if (!member->is_array || member->n_items == 0)
        {
          ok = (node = parse_piece_kept (&pieces, member->value, error)) != NULL;
          if (ok)
            json_node_unref (node);
          continue;
        }
      for (guint k = 0; ok && k < member->n_items; k++)
        {
          PacteJsonSpan span = g_array_index (outline->items, PacteJsonSpan, member->first_item + k);

          ok = (node = parse_piece_kept (&pieces, span, error)) != NULL;
          if (ok)
            json_node_unref (node);
        }
    }
  g_object_unref (pieces.parser);
  return ok;
}

/* The portfolio of a text that passed pacte_json_check_text(). */
static PactePortfolio *
read_portfolio (const char        *data,
                gsize              offset,
                PacteJsonOutline  *outline,
                const char        *display,
                PacteRuleSet      *rules,
                LoadProgress      *progress,
                PacteLoadPhases   *phases,
                GError           **error)
{
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  PacteRecordReader reader;
  Pieces pieces = { data, display, json_parser_new (), progress, offset, phases };
  gboolean ok;

  pacte_record_reader_init (&reader, display, rules);
  ok = read_header (&pieces, &reader, outline, kept, error);
  if (ok)
    {
      portfolio = pacte_portfolio_new ();
      pacte_record_reader_begin (&reader, portfolio);
    }
  for (guint i = 0; ok && i < outline->members->len; i++)
    {
      const PacteJsonMember *member = &g_array_index (outline->members, PacteJsonMember, i);

      if (member->is_array && pacte_record_reader_is_list (&reader, member->name))
        ok = read_list (&pieces, &reader, outline, member, error);
      else
        {
          JsonNode *node = parse_piece_kept (&pieces, member->value, error);

          ok = node != NULL;
          if (ok)
            {
              g_ptr_array_add (kept, node);
              ok = pacte_record_reader_member (&reader, member->name, node, error);
            }
        }
    }
  if (ok)
    ok = pacte_record_reader_end (&reader, error);
  /* Rule parameters that contradict each other (amber after red). */
  if (ok && rules != NULL)
    ok = pacte_rule_set_check_portfolio (rules, portfolio, display, error);

  pacte_record_reader_clear (&reader);
  g_object_unref (pieces.parser);
  if (!ok)
    return NULL;
  return g_steal_pointer (&portfolio);
}

/* ---- Entry points ------------------------------------------------------- */

/* The portfolio in data[0..len): the text, then the portfolio.  owned:
 * when not NULL, where data was allocated, freed once the text is checked
 * (the compact text is read from then on). */
static PactePortfolio *
load_text (const char       *data,
           gsize             len,
           char            **owned,
           const char       *display,
           PacteRuleSet     *rules,
           LoadProgress     *progress,
           PacteLoadPhases  *phases,
           GError          **error)
{
  PacteJsonOutline outline;
  const char *start = data;
  char *compact = NULL;
  gsize compact_len = 0, offset;
  PactePortfolio *portfolio = NULL;
  double w0 = wall_clock (phases);
  double c0 = phase_clock (phases);
  double t0 = c0;
  gboolean ok;

  pacte_json_outline_init (&outline);
  ok = pacte_json_check_text (&start, &len, display, &outline, &compact, &compact_len, error);
  if (phases != NULL)
    phases->check += phase_clock (phases) - t0;
  offset = start - data;
  if (owned != NULL)
    {
      t0 = phase_clock (phases);
      g_clear_pointer (owned, g_free);
      if (phases != NULL)
        phases->text_free += phase_clock (phases) - t0;
    }
  if (ok && phases != NULL && phases->parse_only)
    parse_only (compact, &outline, display, phases, error);
  else if (ok)
    portfolio = read_portfolio (compact, offset, &outline, display, rules, progress, phases, error);
  pacte_json_outline_clear (&outline);
  g_free (compact);
  if (phases != NULL)
    {
      phases->wall = wall_clock (phases) - w0;
      phases->cpu = phase_clock (phases) - c0 + phases->other_threads;
    }
  return portfolio;
}

PactePortfolio *
pacte_portfolio_load_bytes (GBytes        *bytes,
                            const char    *display_name,
                            PacteRuleSet  *rules,
                            GError       **error)
{
  PactePortfolio *portfolio;
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("portfolio");
  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";
  portfolio = load_text (data, len, NULL, display_name, rules, NULL, NULL, error);
  if (portfolio != NULL)
    pacte_portfolio_set_loaded (portfolio, NULL, NULL);
  return portfolio;
}

/* A byte that can be nowhere in a JSON text, not even in a string: a
 * control character other than tab and line breaks, or one that is never in
 * UTF-8.  Reading stops there (a file of NUL bytes is refused at its first
 * block, not after reading it all): the scan then reports it where it is. */
static gboolean
no_impossible_byte (const char *data,
                    gsize       len,
                    gsize       checked,
                    gpointer    user_data)
{
  gsize *bad = user_data;

  *bad = pacte_json_find_impossible_byte (data, checked, len);
  return *bad == len;
}

static PactePortfolio *
load_file (GFile                   *file,
           PacteRuleSet            *rules,
           PacteLoadProgressFunc    progress_func,
           gpointer                 progress_data,
           const PacteLoadObserver *observer,
           gpointer                 observer_data,
           PacteLoadPhases         *phases,
           GCancellable            *cancellable,
           GError                 **error)
{
  g_autofree char *display = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GError) local_error = NULL;
  PactePortfolio *portfolio;
  LoadProgress progress;
  gsize bad = 0;
  gsize len = 0;
  gboolean stopped = FALSE;
  double t0 = phase_clock (phases);

  display = pacte_file_display_name (file);
  load_progress_init (&progress, progress_func, progress_data, cancellable);
  progress.observer = observer;
  progress.observer_data = observer_data;
  if (progress_func != NULL)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, cancellable, NULL);

      if (info != NULL)
        load_progress_set_total (&progress, (guint64) MAX (g_file_info_get_size (info), 0));
    }
  /* Only a regular file, at most the size limit, without waiting for a
   * FIFO's writer or reading a device forever. */
  if (!pacte_file_read (file, PACTE_JSON_MAX_FILE_SIZE, no_impossible_byte, &bad,
                        &contents, &len, &stopped, &etag, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_TOO_LARGE,
                     "%s: %s", display, local_error->message);
      else
        g_set_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_IO,
                     _("%s: cannot read the file: %s"), display, local_error->message);
      return NULL;
    }
  if (stopped)
    len = bad + 1;
  if (phases != NULL)
    phases->read += phase_clock (phases) - t0;
  /* The file may have changed since its size was asked. */
  if (progress.total != len)
    load_progress_set_total (&progress, len);

  portfolio = load_text (contents, len, &contents, display, rules, &progress, phases, error);
  if (portfolio == NULL)
    return NULL;
  if (!load_progress_reach (&progress, len, error))
    {
      g_object_unref (portfolio);
      return NULL;
    }
  pacte_portfolio_set_loaded (portfolio, file, etag);
  return portfolio;
}

PactePortfolio *
pacte_portfolio_load_file_with_progress (GFile                 *file,
                                         PacteRuleSet          *rules,
                                         PacteLoadProgressFunc  progress_func,
                                         gpointer               progress_data,
                                         GCancellable          *cancellable,
                                         GError               **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_file (file, rules, progress_func, progress_data, NULL, NULL, NULL, cancellable, error);
}

PactePortfolio *
pacte_portfolio_load_file_observed (GFile                   *file,
                                    PacteRuleSet            *rules,
                                    PacteLoadProgressFunc    progress_func,
                                    gpointer                 progress_data,
                                    const PacteLoadObserver *observer,
                                    gpointer                 observer_data,
                                    GCancellable            *cancellable,
                                    GError                 **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_file (file, rules, progress_func, progress_data, observer, observer_data, NULL, cancellable, error);
}

PactePortfolio *
pacte_portfolio_load_file_timed (GFile            *file,
                                 PacteRuleSet     *rules,
                                 PacteLoadPhases  *phases,
                                 GError          **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (phases != NULL, NULL);

  memset (phases, 0, sizeof *phases);
  return load_file (file, rules, NULL, NULL, NULL, NULL, phases, NULL, error);
}

gboolean
pacte_portfolio_parse_file_timed (GFile            *file,
                                  PacteLoadPhases  *phases,
                                  GError          **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (phases != NULL, FALSE);

  memset (phases, 0, sizeof *phases);
  phases->parse_only = TRUE;
  load_file (file, NULL, NULL, NULL, NULL, NULL, phases, NULL, &local_error);
  if (local_error == NULL)
    return TRUE;
  g_propagate_error (error, local_error);
  return FALSE;
}

PactePortfolio *
pacte_portfolio_load_file (GFile         *file,
                           PacteRuleSet  *rules,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return pacte_portfolio_load_file_with_progress (file, rules, NULL, NULL, cancellable, error);
}

/* ---- In a worker thread ------------------------------------------------ */

/* In the worker thread: the load's progress, to the caller's context. */
static void
post_progress (guint64  done,
               guint64  total,
               gpointer data)
{
  pacte_progress_relay_post (data, done, total);
}

typedef struct
{
  GFile               *file;
  PacteRuleSet        *rules;
  PacteProgressRelay  *relay;      /* may be NULL */
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} LoadTaskData;

static void
load_task_data_free (gpointer data)
{
  LoadTaskData *td = data;

  g_clear_object (&td->file);
  g_clear_object (&td->rules);
  g_clear_pointer (&td->relay, pacte_progress_relay_unref);
  g_free (td);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadTaskData *td = task_data;
  GError *error = NULL;
  PactePortfolio *portfolio;

  portfolio = pacte_portfolio_load_file_with_progress (td->file, td->rules,
                                                       td->relay != NULL ? post_progress : NULL,
                                                       td->relay, cancellable, &error);
  if (portfolio == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, portfolio, g_object_unref);
}

/* In the caller's context: no progress after the callback. */
static void
load_task_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  LoadTaskData *td = g_task_get_task_data (G_TASK (result));

  if (td->relay != NULL)
    pacte_progress_relay_finish (td->relay, FALSE);
  if (td->callback != NULL)
    td->callback (source, result, td->user_data);
}

void
pacte_portfolio_load_file_with_progress_async (GFile                 *file,
                                               PacteRuleSet          *rules,
                                               PacteLoadProgressFunc  progress,
                                               gpointer               progress_data,
                                               GDestroyNotify         progress_destroy,
                                               GCancellable          *cancellable,
                                               GAsyncReadyCallback    callback,
                                               gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadTaskData *td;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, load_task_done, NULL);
  g_task_set_source_tag (task, pacte_portfolio_load_file_async);
  g_task_set_name (task, "[pacte] load portfolio");
  td = g_new0 (LoadTaskData, 1);
  td->file = g_object_ref (file);
  td->rules = rules != NULL ? g_object_ref (rules) : NULL;
  td->callback = callback;
  td->user_data = user_data;
  if (progress != NULL)
    {
      td->relay = pacte_progress_relay_new ("[pacte] load progress", progress, progress_data, progress_destroy);
    }
  else if (progress_destroy != NULL)
    progress_destroy (progress_data);
  g_task_set_task_data (task, td, load_task_data_free);
  g_task_run_in_thread (task, load_in_thread);
}

void
pacte_portfolio_load_file_async (GFile               *file,
                                 PacteRuleSet        *rules,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  pacte_portfolio_load_file_with_progress_async (file, rules, NULL, NULL, NULL, cancellable, callback, user_data);
}

PactePortfolio *
pacte_portfolio_load_file_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pacte_portfolio_load_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
