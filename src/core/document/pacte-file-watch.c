/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-file-watch.c: changes made on disk by another program (see the header). */
#include "config.h"

#include "pacte-file-watch.h"

/* Events come in bursts (a temporary file, a rename, a backup): one check
 * once the burst is over. */
#define CHECK_DELAY_MS 100

G_DEFINE_ENUM_TYPE (PacteDiskState, pacte_disk_state,
  G_DEFINE_ENUM_VALUE (PACTE_DISK_STATE_SAME, "same"),
  G_DEFINE_ENUM_VALUE (PACTE_DISK_STATE_CHANGED, "changed"),
  G_DEFINE_ENUM_VALUE (PACTE_DISK_STATE_DELETED, "deleted"))

struct _PacteFileWatch
{
  GObject         parent_instance;

  PactePortfolio *portfolio;
  GFile          *file;          /* the file being watched, or NULL */
  GFileMonitor   *monitor;
  GCancellable   *cancellable;   /* of the query in progress */
  guint           check_id;      /* pending check, or 0 */
  guint           pause_count;
  PacteDiskState  state;
  char           *seen_etag;     /* the other version last reported */
  char           *accepted_etag; /* the other version the user chose to ignore */
  guint           check_again : 1;
};

G_DEFINE_FINAL_TYPE (PacteFileWatch, pacte_file_watch, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PORTFOLIO,
  PROP_STATE,
  N_PROPS
};

enum {
  SIGNAL_CHANGED_ON_DISK,
  SIGNAL_DELETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_query (PacteFileWatch *self);

static void
set_state (PacteFileWatch *self,
           PacteDiskState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
replace_string (char       **slot,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*slot);
  *slot = copy;
}

/* What one look at the file says, given what the portfolio knows. */
static void
apply_result (PacteFileWatch *self,
              gboolean        exists,
              const char     *etag)
{
  const char *ours = pacte_portfolio_get_etag (self->portfolio);

  if (!exists)
    {
      g_clear_pointer (&self->seen_etag, g_free);
      if (self->state != PACTE_DISK_STATE_DELETED)
        {
          set_state (self, PACTE_DISK_STATE_DELETED);
          g_signal_emit (self, signals[SIGNAL_DELETED], 0);
        }
      return;
    }

  if ((ours != NULL && g_strcmp0 (etag, ours) == 0) ||
      (self->accepted_etag != NULL && g_strcmp0 (etag, self->accepted_etag) == 0))
    {
      /* Our own version (just saved, or put back), or one the user chose to
       * ignore. */
      g_clear_pointer (&self->seen_etag, g_free);
      set_state (self, PACTE_DISK_STATE_SAME);
      return;
    }

  if (self->state == PACTE_DISK_STATE_CHANGED && g_strcmp0 (etag, self->seen_etag) == 0)
    return;

  replace_string (&self->seen_etag, etag);
  set_state (self, PACTE_DISK_STATE_CHANGED);
  g_signal_emit (self, signals[SIGNAL_CHANGED_ON_DISK], 0);
}

static void
query_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PacteFileWatch) self = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = G_FILE (object);

  info = g_file_query_info_finish (file, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  /* Stale: the portfolio moved to another file, or a save is under way. */
  if (self->file == NULL || !g_file_equal (file, self->file) || self->pause_count > 0)
    return;

  if (info != NULL)
    apply_result (self, TRUE, g_file_info_get_etag (info));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    apply_result (self, FALSE, NULL);
  else
    g_debug ("Cannot check %s: %s", g_file_peek_path (file), error->message);

  if (self->check_again)
    {
      self->check_again = FALSE;
      start_query (self);
    }
}

static void
start_query (PacteFileWatch *self)
{
  if (self->file == NULL || self->pause_count > 0)
    return;

  if (self->cancellable != NULL)
    {
      self->check_again = TRUE;
      return;
    }

  self->cancellable = g_cancellable_new ();
  g_file_query_info_async (self->file,
                           G_FILE_ATTRIBUTE_ETAG_VALUE,
                           G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT,
                           self->cancellable,
                           query_cb,
                           g_object_ref (self));
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  PacteFileWatch *self = user_data;

  self->check_id = 0;
  start_query (self);

  return G_SOURCE_REMOVE;
}

static void
cancel_checks (PacteFileWatch *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_again = FALSE;
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    PacteFileWatch    *self)
{
  if (monitor != self->monitor || self->pause_count > 0)
    return;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
      return;
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }

  if (self->check_id == 0)
    self->check_id = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}

static void
stop_monitor (PacteFileWatch *self)
{
  cancel_checks (self);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
}

static void
start_monitor (PacteFileWatch *self)
{
  g_autoptr(GError) error = NULL;

  stop_monitor (self);
  if (self->file == NULL || self->pause_count > 0)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      /* Some file systems cannot be watched: explicit checks still work. */
      g_debug ("Cannot watch %s: %s", g_file_peek_path (self->file), error->message);
      return;
    }
  g_file_monitor_set_rate_limit (self->monitor, 500);
  g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
}

static void
follow_file (PacteFileWatch *self)
{
  GFile *file = pacte_portfolio_get_file (self->portfolio);

  if (file == self->file || (file != NULL && self->file != NULL && g_file_equal (file, self->file)))
    return;

  g_set_object (&self->file, file);
  g_clear_pointer (&self->seen_etag, g_free);
  g_clear_pointer (&self->accepted_etag, g_free);
  set_state (self, PACTE_DISK_STATE_SAME);
  start_monitor (self);
  start_query (self);
}

static void
portfolio_notify_file_cb (PactePortfolio *portfolio,
                          GParamSpec     *pspec,
                          PacteFileWatch *self)
{
  follow_file (self);
}

static void
pacte_file_watch_constructed (GObject *object)
{
  PacteFileWatch *self = PACTE_FILE_WATCH (object);

  G_OBJECT_CLASS (pacte_file_watch_parent_class)->constructed (object);

  g_assert (self->portfolio != NULL);
  g_signal_connect (self->portfolio, "notify::file",
                    G_CALLBACK (portfolio_notify_file_cb), self);
  follow_file (self);
}

static void
pacte_file_watch_dispose (GObject *object)
{
  PacteFileWatch *self = PACTE_FILE_WATCH (object);

  stop_monitor (self);
  if (self->portfolio != NULL)
    g_signal_handlers_disconnect_by_data (self->portfolio, self);

  G_OBJECT_CLASS (pacte_file_watch_parent_class)->dispose (object);
}

static void
pacte_file_watch_finalize (GObject *object)
{
  PacteFileWatch *self = PACTE_FILE_WATCH (object);

  g_clear_object (&self->portfolio);
  g_clear_object (&self->file);
  g_clear_pointer (&self->seen_etag, g_free);
  g_clear_pointer (&self->accepted_etag, g_free);

  G_OBJECT_CLASS (pacte_file_watch_parent_class)->finalize (object);
}

static void
pacte_file_watch_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PacteFileWatch *self = PACTE_FILE_WATCH (object);

  switch (prop_id)
    {
    case PROP_PORTFOLIO:
      g_value_set_object (value, self->portfolio);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_file_watch_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PacteFileWatch *self = PACTE_FILE_WATCH (object);

  switch (prop_id)
    {
    case PROP_PORTFOLIO:
      self->portfolio = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_file_watch_class_init (PacteFileWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pacte_file_watch_constructed;
  object_class->dispose = pacte_file_watch_dispose;
  object_class->finalize = pacte_file_watch_finalize;
  object_class->get_property = pacte_file_watch_get_property;
  object_class->set_property = pacte_file_watch_set_property;

  properties[PROP_PORTFOLIO] =
    g_param_spec_object ("portfolio", NULL, NULL, PACTE_TYPE_PORTFOLIO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, PACTE_TYPE_DISK_STATE, PACTE_DISK_STATE_SAME,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED_ON_DISK] =
    g_signal_new ("changed-on-disk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pacte_file_watch_init (PacteFileWatch *self)
{
  self->state = PACTE_DISK_STATE_SAME;
}

PacteFileWatch *
pacte_file_watch_new (PactePortfolio *portfolio)
{
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);

  return g_object_new (PACTE_TYPE_FILE_WATCH, "portfolio", portfolio, NULL);
}

PactePortfolio *
pacte_file_watch_get_portfolio (PacteFileWatch *self)
{
  g_return_val_if_fail (PACTE_IS_FILE_WATCH (self), NULL);

  return self->portfolio;
}

PacteDiskState
pacte_file_watch_get_state (PacteFileWatch *self)
{
  g_return_val_if_fail (PACTE_IS_FILE_WATCH (self), PACTE_DISK_STATE_SAME);

  return self->state;
}

void
pacte_file_watch_check (PacteFileWatch *self)
{
  g_return_if_fail (PACTE_IS_FILE_WATCH (self));

  start_query (self);
}

/* The etag of the file on disk now; NULL with *exists FALSE when absent,
 * NULL with *exists TRUE when it cannot be read. */
static char *
query_etag_now (GFile    *file,
                gboolean *exists)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  *exists = info != NULL || !(g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
                              g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY));

  return info ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

void
pacte_file_watch_acknowledge (PacteFileWatch *self)
{
  g_autofree char *etag = NULL;
  gboolean exists;

  g_return_if_fail (PACTE_IS_FILE_WATCH (self));

  if (self->file == NULL)
    return;

  etag = query_etag_now (self->file, &exists);
  g_free (self->accepted_etag);
  self->accepted_etag = g_steal_pointer (&etag);
  g_clear_pointer (&self->seen_etag, g_free);
  set_state (self, PACTE_DISK_STATE_SAME);
}

void
pacte_file_watch_pause (PacteFileWatch *self)
{
  g_return_if_fail (PACTE_IS_FILE_WATCH (self));

  self->pause_count++;
  cancel_checks (self);
}

void
pacte_file_watch_unpause (PacteFileWatch *self)
{
  g_return_if_fail (PACTE_IS_FILE_WATCH (self));
  g_return_if_fail (self->pause_count > 0);

  self->pause_count--;
  if (self->pause_count == 0)
    {
      /* A Save As may have moved the portfolio meanwhile. */
      if (self->monitor == NULL)
        start_monitor (self);
      start_query (self);
    }
}

gboolean
pacte_file_watch_check_before_save (PacteFileWatch *self)
{
  g_autofree char *etag = NULL;
  const char *ours;
  gboolean exists;

  g_return_val_if_fail (PACTE_IS_FILE_WATCH (self), FALSE);

  if (self->file == NULL)
    return FALSE;

  etag = query_etag_now (self->file, &exists);
  if (!exists)
    return FALSE;
  /* Unreadable: the save itself will say what is wrong. */
  if (etag == NULL)
    return FALSE;

  ours = pacte_portfolio_get_etag (self->portfolio);
  if (ours != NULL && g_strcmp0 (etag, ours) == 0)
    return FALSE;
  if (self->accepted_etag != NULL && g_strcmp0 (etag, self->accepted_etag) == 0)
    return FALSE;

  return TRUE;
}
