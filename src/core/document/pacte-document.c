/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-document.c: one open portfolio and its life (see the header). */
#include "config.h"

#include "pacte-document.h"
#include "pacte-background.h"
#include "pacte-load-companion.h"
#include "pacte-load-prepared.h"
#include "pacte-rules.h"

struct _PacteDocument
{
  GObject          parent_instance;

  PacteDraftStore *store;
  PacteRuleSet    *rules;
  PactePortfolio  *portfolio;
  PacteAutosave   *autosave;
  PacteFileWatch  *watch;

  GFile           *loading;           /* the file being loaded, or NULL */
  GCancellable    *load_cancellable;  /* of the load in progress */
  double           progress;
  guint32          prepare_today;     /* 0: loads prepare nothing */
  char            *prepare_lang;
  PacteLoadPrepared *prepared;        /* by the last load, until taken */

  guint            discarding : 1;    /* the changes were discarded: no draft to keep */
  guint            restored : 1;      /* a restored draft, not saved since */
};

G_DEFINE_FINAL_TYPE (PacteDocument, pacte_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PORTFOLIO,
  PROP_FILE,
  PROP_LOADING,
  PROP_PROGRESS,
  N_PROPS
};

enum {
  SIGNAL_DRAFT_SAVED,
  SIGNAL_DRAFT_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- The portfolio shown --------------------------------------------------- */

static void
autosave_saved_cb (PacteAutosave *autosave,
                   PacteDocument *self)
{
  g_signal_emit (self, signals[SIGNAL_DRAFT_SAVED], 0);
}

static void
autosave_failed_cb (PacteAutosave *autosave,
                    const GError  *error,
                    PacteDocument *self)
{
  g_signal_emit (self, signals[SIGNAL_DRAFT_FAILED], 0, error);
}

static void
portfolio_notify_file_cb (PacteDocument *self)
{
  if (self->loading == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/* Lets the portfolio go: its draft stays when it holds unsaved work. */
static gboolean
detach (PacteDocument  *self,
        GError        **error)
{
  gboolean ok = TRUE;

  if (self->autosave != NULL)
    {
      /* A restored draft not saved since is unsaved work, whatever happened. */
      gboolean keep = !self->discarding
                      && (pacte_portfolio_get_modified (self->portfolio) || self->restored);

      g_signal_handlers_disconnect_by_data (self->autosave, self);
      ok = pacte_autosave_close (self->autosave, keep, error);
      g_clear_object (&self->autosave);
    }
  g_clear_object (&self->watch);
  if (self->portfolio != NULL)
    g_signal_handlers_disconnect_by_data (self->portfolio, self);
  g_clear_object (&self->portfolio);
  self->discarding = FALSE;
  self->restored = FALSE;
  return ok;
}

static void
replace (PacteDocument  *self,
         PactePortfolio *portfolio,
         const char     *draft_id)
{
  g_autoptr(GError) error = NULL;

  g_object_freeze_notify (G_OBJECT (self));
  /* The document is going: nobody to tell but the draft's listeners. */
  if (!detach (self, &error))
    g_signal_emit (self, signals[SIGNAL_DRAFT_FAILED], 0, error);

  if (portfolio != NULL)
    {
      self->portfolio = g_object_ref (portfolio);
      self->restored = draft_id != NULL;
      self->autosave = pacte_autosave_new (self->store, portfolio, draft_id);
      g_signal_connect (self->autosave, "saved", G_CALLBACK (autosave_saved_cb), self);
      g_signal_connect (self->autosave, "failed", G_CALLBACK (autosave_failed_cb), self);
      self->watch = pacte_file_watch_new (portfolio);
      g_signal_connect_swapped (portfolio, "notify::file", G_CALLBACK (portfolio_notify_file_cb), self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTFOLIO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* ---- Loading ---------------------------------------------------------------- */

static void
set_loading (PacteDocument *self,
             GFile         *file)
{
  gboolean was_loading = self->loading != NULL;

  if (!g_set_object (&self->loading, file) && was_loading == (file != NULL))
    return;
  self->progress = 0;
  g_object_freeze_notify (G_OBJECT (self));
  if (was_loading != (file != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* What the worker thread tells the main thread of one load. */
typedef struct {
  PacteDocument *self;
  GCancellable  *cancellable;  /* the load's: a stale report is dropped */
  GMainContext  *context;      /* the caller's, where progress is told */
  gint           permille;     /* atomic */
  gint           told;         /* atomic: an idle is on its way */
} Progress;

static void
progress_clear (gpointer data)
{
  Progress *p = data;

  g_object_unref (p->self);
  g_object_unref (p->cancellable);
  g_main_context_unref (p->context);
}

static gboolean
progress_idle_cb (gpointer data)
{
  Progress *p = data;
  PacteDocument *self = p->self;
  double progress;

  g_atomic_int_set (&p->told, FALSE);
  progress = g_atomic_int_get (&p->permille) / 1000.0;
  if (p->cancellable == self->load_cancellable && progress > self->progress)
    {
      self->progress = progress;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
  return G_SOURCE_REMOVE;
}

/* From the worker thread: at most one idle at a time tells the main thread. */
static void
load_progress_cb (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  Progress *p = user_data;
  gint permille = total > 0 ? (gint) MIN (1000, done * 1000 / total) : 0;
  GSource *source;

  if (permille <= g_atomic_int_get (&p->permille))
    return;
  g_atomic_int_set (&p->permille, permille);
  if (!g_atomic_int_compare_and_exchange (&p->told, FALSE, TRUE))
    return;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_idle_cb, g_atomic_rc_box_acquire (p),
                         (GDestroyNotify) g_atomic_rc_box_release);
  g_source_set_static_name (source, "[pacte] load progress");
  g_source_attach (source, p->context);
  g_source_unref (source);
}

typedef struct {
  GFile         *file;
  PacteRuleSet  *rules;
  Progress      *progress;
  gboolean       discard;    /* Reload: the changes here go without a draft */
  guint32        today;      /* 0: nothing to prepare */
  char          *lang;
} LoadData;

/* What the worker thread hands over. */
typedef struct {
  PactePortfolio    *portfolio;
  PacteLoadPrepared *prepared;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *loaded = data;

  g_clear_object (&loaded->portfolio);
  pacte_load_prepared_free (loaded->prepared);
  g_free (loaded);
}

static void
load_data_free (gpointer data)
{
  LoadData *d = data;

  g_clear_object (&d->file);
  g_clear_object (&d->rules);
  g_free (d->lang);
  g_atomic_rc_box_release_full (d->progress, progress_clear);
  g_free (d);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *d = task_data;
  GError *error = NULL;
  PactePortfolio *portfolio;
  g_autoptr(PacteLoadCompanion) companion = NULL;
  g_autoptr(GPtrArray) partners_by_name = NULL;
  Loaded *loaded;

  /* With a window to prepare for, the partners' order and the plans'
   * summaries are made beside the load, as it reads them. */
  if (d->today != 0)
    companion = pacte_load_companion_new (d->rules, d->today);
  portfolio = pacte_portfolio_load_file_observed (d->file, d->rules, load_progress_cb, d->progress,
                                                  companion != NULL ? pacte_load_companion_get_observer () : NULL,
                                                  companion, cancellable, &error);
  if (companion != NULL)
    partners_by_name = pacte_load_companion_finish (companion, portfolio);
  /* What each plan's checks find, while this thread has the portfolio to
   * itself: the window's first evaluation of every plan only renders.  (With
   * a day to evaluate for, the preparation below makes them, beside the
   * lists' sorting.) */
  if (portfolio != NULL && d->rules != NULL && d->today == 0)
    pacte_rule_summaries_make (portfolio, d->rules, pacte_date_today (), cancellable);
  if (portfolio == NULL)
    g_task_return_error (task, error);
  else if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_object_unref (portfolio);
      g_task_return_error (task, error);
    }
  else
    {
      loaded = g_new0 (Loaded, 1);
      loaded->portfolio = portfolio;
      /* The window's work on a new portfolio, done here rather than in
       * the main loop: evaluating every plan, ordering the lists. */
      if (d->today != 0)
        loaded->prepared = pacte_load_prepared_new (portfolio, d->rules, d->today, d->lang,
                                                     d->rules != NULL, g_steal_pointer (&partners_by_name),
                                                     cancellable);
      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          loaded_free (loaded);
          g_task_return_error (task, error);
        }
      else
        g_task_return_pointer (task, loaded, loaded_free);
    }
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PacteDocument *self = g_task_get_source_object (task);
  LoadData *d = g_task_get_task_data (G_TASK (result));
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  Loaded *loaded;
  PactePortfolio *portfolio;
  GError *error = NULL;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  portfolio = loaded != NULL ? loaded->portfolio : NULL;
  /* A later load replaced this one: it is the later one's turn. */
  if (cancellable == self->load_cancellable)
    {
      g_clear_object (&self->load_cancellable);
      set_loading (self, NULL);
    }
  if (portfolio == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (d->discard)
    self->discarding = TRUE;
  pacte_load_prepared_free (self->prepared);
  self->prepared = g_steal_pointer (&loaded->prepared);
  replace (self, portfolio, NULL);
  /* Not taken while the portfolio was shown: of no use any more. */
  g_clear_pointer (&self->prepared, pacte_load_prepared_free);
  loaded_free (loaded);
  g_task_return_boolean (task, TRUE);
}

static void
start_load (PacteDocument       *self,
            GFile               *file,
            gboolean             discard,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *task;
  LoadData *d;

  pacte_document_cancel_load (self);
  self->load_cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  set_loading (self, file);

  task = g_task_new (self, self->load_cancellable, callback, user_data);
  g_task_set_source_tag (task, pacte_document_load_async);
  d = g_new0 (LoadData, 1);
  d->file = g_object_ref (file);
  d->rules = self->rules != NULL ? g_object_ref (self->rules) : NULL;
  d->progress = g_atomic_rc_box_new0 (Progress);
  d->progress->self = g_object_ref (self);
  d->progress->cancellable = g_object_ref (self->load_cancellable);
  d->progress->context = g_main_context_ref_thread_default ();
  d->discard = discard;
  d->today = self->prepare_today;
  d->lang = g_strdup (self->prepare_lang);
  inner = g_task_new (self, self->load_cancellable, load_done, task);
  g_task_set_task_data (inner, d, load_data_free);
  /* A cancelled load reports the cancellation, even when it finished. */
  g_task_set_return_on_cancel (inner, FALSE);
  /* Below the main loop's priority: the window keeps drawing while the
   * file loads, on a processor it shares with the load. */
  pacte_task_run_in_background (inner, load_in_thread);
}

void
pacte_document_load_async (PacteDocument       *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (PACTE_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_load (self, file, FALSE, cancellable, callback, user_data);
}

void
pacte_document_reload_async (PacteDocument       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GFile *file;

  g_return_if_fail (PACTE_IS_DOCUMENT (self));

  file = self->portfolio != NULL ? pacte_portfolio_get_file (self->portfolio) : NULL;
  if (file == NULL)
    {
      g_task_report_new_error (self, callback, user_data, pacte_document_load_async,
                               G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               "The portfolio has no file to reload");
      return;
    }
  start_load (self, file, TRUE, cancellable, callback, user_data);
}

gboolean
pacte_document_load_finish (PacteDocument  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (PACTE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
pacte_document_cancel_load (PacteDocument *self)
{
  g_return_if_fail (PACTE_IS_DOCUMENT (self));

  if (self->load_cancellable == NULL)
    return;
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  set_loading (self, NULL);
}

void
pacte_document_set_prepare (PacteDocument *self,
                            guint32        today,
                            const char    *lang)
{
  g_return_if_fail (PACTE_IS_DOCUMENT (self));

  self->prepare_today = today;
  g_free (self->prepare_lang);
  self->prepare_lang = g_strdup (lang);
}

PacteLoadPrepared *
pacte_document_take_prepared (PacteDocument  *self,
                              PactePortfolio *portfolio)
{
  g_return_val_if_fail (PACTE_IS_DOCUMENT (self), NULL);

  if (self->prepared == NULL || self->prepared->portfolio != portfolio)
    return NULL;
  return g_steal_pointer (&self->prepared);
}

void
pacte_document_set_portfolio (PacteDocument  *self,
                              PactePortfolio *portfolio)
{
  g_return_if_fail (PACTE_IS_DOCUMENT (self));
  g_return_if_fail (portfolio == NULL || PACTE_IS_PORTFOLIO (portfolio));

  pacte_document_cancel_load (self);
  replace (self, portfolio, NULL);
}

gboolean
pacte_document_restore_draft (PacteDocument    *self,
                              PacteDraftStore  *store,
                              const char       *draft_id,
                              GError          **error)
{
  g_autoptr(PactePortfolio) portfolio = NULL;

  g_return_val_if_fail (PACTE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (PACTE_IS_DRAFT_STORE (store), FALSE);
  g_return_val_if_fail (draft_id != NULL, FALSE);

  portfolio = pacte_draft_store_load (store, draft_id, self->rules, error);
  if (portfolio == NULL)
    return FALSE;

  /* The draft wins over a file still being loaded. */
  pacte_document_cancel_load (self);
  /* The portfolio shown now keeps its own draft in its own store. */
  {
    g_autoptr(GError) local_error = NULL;

    if (!detach (self, &local_error))
      g_signal_emit (self, signals[SIGNAL_DRAFT_FAILED], 0, local_error);
  }
  g_set_object (&self->store, store);
  replace (self, portfolio, draft_id);
  return TRUE;
}

/* ---- Saving ----------------------------------------------------------------- */

gboolean
pacte_document_save_would_overwrite (PacteDocument *self,
                                     GFile         *file)
{
  GFile *own;

  g_return_val_if_fail (PACTE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->watch == NULL)
    return FALSE;
  /* Save As to another file: the file chooser asked already. */
  own = pacte_portfolio_get_file (self->portfolio);
  if (own == NULL || !g_file_equal (own, file))
    return FALSE;
  return pacte_file_watch_check_before_save (self->watch);
}

typedef struct {
  PacteFileWatch *watch;     /* paused during the write */
  PacteAutosave  *autosave;
  char           *etag;      /* the portfolio's before the save */
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *d = data;

  g_clear_object (&d->watch);
  g_clear_object (&d->autosave);
  g_free (d->etag);
  g_free (d);
}

static void
save_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PacteDocument *self = g_task_get_source_object (task);
  SaveData *d = g_task_get_task_data (task);
  GError *error = NULL;
  gboolean saved = pacte_portfolio_save_finish (PACTE_PORTFOLIO (source), result, &error);

  pacte_file_watch_unpause (d->watch);
  /* A new etag means the save went through: a save that leaves "modified"
   * as it was (a restored draft) is not notified, so the draft is told. */
  if (g_strcmp0 (d->etag, pacte_portfolio_get_etag (PACTE_PORTFOLIO (source))) != 0)
    {
      if (self->autosave == d->autosave)
        self->restored = FALSE;
      pacte_autosave_update (d->autosave);
    }
  if (saved)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
pacte_document_save_async (PacteDocument       *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  SaveData *d;

  g_return_if_fail (PACTE_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pacte_document_save_async);
  g_task_set_check_cancellable (task, FALSE);
  if (file == NULL && self->portfolio != NULL)
    file = pacte_portfolio_get_file (self->portfolio);
  if (self->portfolio == NULL || file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s",
                               "Nothing to save, or no file to save to");
      g_object_unref (task);
      return;
    }

  d = g_new0 (SaveData, 1);
  d->watch = g_object_ref (self->watch);
  d->autosave = g_object_ref (self->autosave);
  d->etag = g_strdup (pacte_portfolio_get_etag (self->portfolio));
  g_task_set_task_data (task, d, save_data_free);
  /* Our own writing is not a change by someone else. */
  pacte_file_watch_pause (d->watch);
  pacte_portfolio_save_async (self->portfolio, file, cancellable, save_done, task);
}

gboolean
pacte_document_save_finish (PacteDocument  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (PACTE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Closing ---------------------------------------------------------------- */

gboolean
pacte_document_discard_changes (PacteDocument  *self,
                                GError        **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (PACTE_IS_DOCUMENT (self), FALSE);

  self->discarding = TRUE;
  if (self->autosave != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->autosave, self);
      ok = pacte_autosave_close (self->autosave, FALSE, error);
      g_clear_object (&self->autosave);
    }
  return ok;
}

gboolean
pacte_document_close (PacteDocument  *self,
                      GError        **error)
{
  gboolean ok;

  g_return_val_if_fail (PACTE_IS_DOCUMENT (self), FALSE);

  pacte_document_cancel_load (self);
  if (self->portfolio == NULL)
    return TRUE;
  g_object_freeze_notify (G_OBJECT (self));
  ok = detach (self, error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTFOLIO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_thaw_notify (G_OBJECT (self));
  return ok;
}

/* ---- Object ----------------------------------------------------------------- */

static void
pacte_document_dispose (GObject *object)
{
  PacteDocument *self = PACTE_DOCUMENT (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  /* Dropped without close(): the draft stays, as after a crash. */
  if (self->autosave != NULL)
    g_signal_handlers_disconnect_by_data (self->autosave, self);
  if (self->portfolio != NULL)
    g_signal_handlers_disconnect_by_data (self->portfolio, self);
  g_clear_object (&self->autosave);
  g_clear_object (&self->watch);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->loading);

  G_OBJECT_CLASS (pacte_document_parent_class)->dispose (object);
}

static void
pacte_document_finalize (GObject *object)
{
  PacteDocument *self = PACTE_DOCUMENT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->rules);
  g_free (self->prepare_lang);

  G_OBJECT_CLASS (pacte_document_parent_class)->finalize (object);
}

static void
pacte_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PacteDocument *self = PACTE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PORTFOLIO:
      g_value_set_object (value, self->portfolio);
      break;
    case PROP_FILE:
      g_value_set_object (value, pacte_document_get_file (self));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading != NULL);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_document_class_init (PacteDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pacte_document_dispose;
  object_class->finalize = pacte_document_finalize;
  object_class->get_property = pacte_document_get_property;

  properties[PROP_PORTFOLIO] =
    g_param_spec_object ("portfolio", NULL, NULL, PACTE_TYPE_PORTFOLIO,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_DRAFT_SAVED] =
    g_signal_new ("draft-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_DRAFT_FAILED] =
    g_signal_new ("draft-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
pacte_document_init (PacteDocument *self)
{
}

PacteDocument *
pacte_document_new (PacteDraftStore *store,
                    PacteRuleSet    *rules)
{
  PacteDocument *self;

  g_return_val_if_fail (store == NULL || PACTE_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (rules == NULL || PACTE_IS_RULE_SET (rules), NULL);

  self = g_object_new (PACTE_TYPE_DOCUMENT, NULL);
  self->store = store != NULL ? g_object_ref (store) : pacte_draft_store_new (NULL);
  self->rules = rules != NULL ? g_object_ref (rules) : NULL;
  return self;
}

PactePortfolio *
pacte_document_get_portfolio (PacteDocument *self)
{
  g_return_val_if_fail (PACTE_IS_DOCUMENT (self), NULL);
  return self->portfolio;
}

GFile *
pacte_document_get_file (PacteDocument *self)
{
  g_return_val_if_fail (PACTE_IS_DOCUMENT (self), NULL);
  if (self->loading != NULL)
    return self->loading;
  return self->portfolio != NULL ? pacte_portfolio_get_file (self->portfolio) : NULL;
}

gboolean
pacte_document_get_loading (PacteDocument *self)
{
  g_return_val_if_fail (PACTE_IS_DOCUMENT (self), FALSE);
  return self->loading != NULL;
}

double
pacte_document_get_progress (PacteDocument *self)
{
  g_return_val_if_fail (PACTE_IS_DOCUMENT (self), 0);
  return self->progress;
}

gboolean
pacte_document_get_modified (PacteDocument *self)
{
  g_return_val_if_fail (PACTE_IS_DOCUMENT (self), FALSE);
  return self->portfolio != NULL && pacte_portfolio_get_modified (self->portfolio);
}

PacteFileWatch *
pacte_document_get_watch (PacteDocument *self)
{
  g_return_val_if_fail (PACTE_IS_DOCUMENT (self), NULL);
  return self->watch;
}

PacteAutosave *
pacte_document_get_autosave (PacteDocument *self)
{
  g_return_val_if_fail (PACTE_IS_DOCUMENT (self), NULL);
  return self->autosave;
}

PacteDraftStore *
pacte_document_get_draft_store (PacteDocument *self)
{
  g_return_val_if_fail (PACTE_IS_DOCUMENT (self), NULL);
  return self->store;
}

void
pacte_document_set_rules (PacteDocument *self,
                          PacteRuleSet  *rules)
{
  g_return_if_fail (PACTE_IS_DOCUMENT (self));
  g_return_if_fail (rules == NULL || PACTE_IS_RULE_SET (rules));

  g_set_object (&self->rules, rules);
}
