/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-autosave.c: keeps one portfolio's draft up to date (see pacte-autosave.h). */
#include "config.h"

#include "pacte-autosave.h"
#include "pacte-i18n.h"

struct _PacteAutosave
{
  GObject          parent_instance;

  PacteDraftStore *store;
  PactePortfolio  *portfolio;
  char            *draft_id;
  guint            delay;

  guint            timeout_id;
  gint64           first_edit;   /* monotonic time the waiting began */
  GCancellable    *cancellable;  /* of the write in progress, or NULL */
  guint            write_again : 1; /* an edit came while writing */
  guint            closed : 1;
};

G_DEFINE_FINAL_TYPE (PacteAutosave, pacte_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PORTFOLIO,
  PROP_DRAFT_ID,
  PROP_DELAY,
  PROP_PENDING,
  N_PROPS
};

enum {
  SIGNAL_SAVED,
  SIGNAL_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void autosave_write          (PacteAutosave *self);
static void autosave_remove_draft   (PacteAutosave *self);

static void
set_pending (PacteAutosave *self,
             guint          timeout_id)
{
  gboolean was_pending = self->timeout_id != 0;

  if (self->timeout_id != 0 && self->timeout_id != timeout_id)
    g_source_remove (self->timeout_id);
  self->timeout_id = timeout_id;

  if (was_pending != (timeout_id != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static gboolean
autosave_timeout_cb (gpointer user_data)
{
  PacteAutosave *self = user_data;

  self->timeout_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  autosave_write (self);

  return G_SOURCE_REMOVE;
}

/* Writing a draft serializes the whole portfolio on this thread (about
 * 250 ms for 10,000 partners and 2,000 plans, 43 MB): it waits for a pause
 * in editing.  Each edit restarts the delay, but a user typing without
 * pause still gets a draft at least every PACTE_AUTOSAVE_MAX_WAIT_FACTOR
 * delays. */
static void
autosave_schedule (PacteAutosave *self)
{
  if (self->closed || self->timeout_id != 0)
    return;

  self->first_edit = g_get_monotonic_time ();
  set_pending (self, g_timeout_add (self->delay, autosave_timeout_cb, self));
}

static void
autosave_postpone (PacteAutosave *self)
{
  gint64 left_ms;

  if (self->closed)
    return;
  if (self->timeout_id == 0)
    {
      autosave_schedule (self);
      return;
    }

  left_ms = (self->first_edit + (gint64) self->delay * PACTE_AUTOSAVE_MAX_WAIT_FACTOR * 1000
             - g_get_monotonic_time ()) / 1000;
  /* Past the longest wait: the timer already running writes it. */
  if (left_ms <= 0)
    return;
  set_pending (self, g_timeout_add (MIN ((gint64) self->delay, left_ms), autosave_timeout_cb, self));
}

static void
autosave_write_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PacteAutosave) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = pacte_draft_store_save_finish (PACTE_DRAFT_STORE (object), result, &error);
  g_clear_object (&self->cancellable);

  if (self->closed)
    return;

  /* Saved or undone to the saved state while writing: the draft is stale. */
  if (!pacte_portfolio_get_modified (self->portfolio))
    {
      autosave_remove_draft (self);
      return;
    }

  if (ok)
    g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);

  if (self->write_again)
    {
      self->write_again = FALSE;
      autosave_schedule (self);
    }
}

static void
autosave_write (PacteAutosave *self)
{
  if (self->closed || !pacte_portfolio_get_modified (self->portfolio))
    return;

  if (self->cancellable != NULL)
    {
      self->write_again = TRUE;
      return;
    }

  self->cancellable = g_cancellable_new ();
  pacte_draft_store_save_async (self->store, self->draft_id, self->portfolio,
                                self->cancellable, autosave_write_cb,
                                g_object_ref (self));
}

static void
autosave_remove_draft (PacteAutosave *self)
{
  g_autoptr(GError) error = NULL;

  set_pending (self, 0);
  self->write_again = FALSE;

  /* A write in progress removes the draft itself when it completes. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }

  if (!pacte_draft_store_remove (self->store, self->draft_id, &error))
    g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);
}

static void
portfolio_record_changed_cb (PactePortfolio *portfolio,
                             PacteRecord    *owner,
                             PacteRecord    *record,
                             guint           field,
                             PacteAutosave  *self)
{
  if (pacte_portfolio_get_modified (portfolio))
    autosave_postpone (self);
}

static void
portfolio_notify_modified_cb (PactePortfolio *portfolio,
                              GParamSpec     *pspec,
                              PacteAutosave  *self)
{
  if (self->closed)
    return;

  if (pacte_portfolio_get_modified (portfolio))
    autosave_schedule (self);
  else
    autosave_remove_draft (self);
}

static void
autosave_disconnect (PacteAutosave *self)
{
  set_pending (self, 0);
  if (self->portfolio != NULL)
    g_signal_handlers_disconnect_by_data (self->portfolio, self);
}

static void
pacte_autosave_constructed (GObject *object)
{
  PacteAutosave *self = PACTE_AUTOSAVE (object);

  G_OBJECT_CLASS (pacte_autosave_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->portfolio != NULL);

  if (self->draft_id == NULL || !pacte_draft_id_is_valid (self->draft_id))
    {
      g_free (self->draft_id);
      self->draft_id = pacte_draft_new_id ();
    }

  g_signal_connect (self->portfolio, "record-changed",
                    G_CALLBACK (portfolio_record_changed_cb), self);
  g_signal_connect (self->portfolio, "notify::modified",
                    G_CALLBACK (portfolio_notify_modified_cb), self);

  if (pacte_portfolio_get_modified (self->portfolio))
    autosave_schedule (self);
}

static void
pacte_autosave_dispose (GObject *object)
{
  PacteAutosave *self = PACTE_AUTOSAVE (object);

  /* Dropped without close(): the draft stays, as after a crash. */
  autosave_disconnect (self);
  self->closed = TRUE;

  G_OBJECT_CLASS (pacte_autosave_parent_class)->dispose (object);
}

static void
pacte_autosave_finalize (GObject *object)
{
  PacteAutosave *self = PACTE_AUTOSAVE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->draft_id, g_free);

  G_OBJECT_CLASS (pacte_autosave_parent_class)->finalize (object);
}

static void
pacte_autosave_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PacteAutosave *self = PACTE_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PORTFOLIO:
      g_value_set_object (value, self->portfolio);
      break;
    case PROP_DRAFT_ID:
      g_value_set_string (value, self->draft_id);
      break;
    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;
    case PROP_PENDING:
      g_value_set_boolean (value, self->timeout_id != 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_autosave_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PacteAutosave *self = PACTE_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PORTFOLIO:
      self->portfolio = g_value_dup_object (value);
      break;
    case PROP_DRAFT_ID:
      self->draft_id = g_value_dup_string (value);
      break;
    case PROP_DELAY:
      pacte_autosave_set_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_autosave_class_init (PacteAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pacte_autosave_constructed;
  object_class->dispose = pacte_autosave_dispose;
  object_class->finalize = pacte_autosave_finalize;
  object_class->get_property = pacte_autosave_get_property;
  object_class->set_property = pacte_autosave_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PACTE_TYPE_DRAFT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PORTFOLIO] =
    g_param_spec_object ("portfolio", NULL, NULL, PACTE_TYPE_PORTFOLIO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAFT_ID] =
    g_param_spec_string ("draft-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 1, 10 * 60 * 1000, PACTE_AUTOSAVE_DEFAULT_DELAY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
pacte_autosave_init (PacteAutosave *self)
{
  self->delay = PACTE_AUTOSAVE_DEFAULT_DELAY;
}

PacteAutosave *
pacte_autosave_new (PacteDraftStore *store,
                    PactePortfolio  *portfolio,
                    const char      *draft_id)
{
  g_return_val_if_fail (PACTE_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);

  return g_object_new (PACTE_TYPE_AUTOSAVE,
                       "store", store,
                       "portfolio", portfolio,
                       "draft-id", draft_id,
                       NULL);
}

const char *
pacte_autosave_get_draft_id (PacteAutosave *self)
{
  g_return_val_if_fail (PACTE_IS_AUTOSAVE (self), NULL);

  return self->draft_id;
}

PactePortfolio *
pacte_autosave_get_portfolio (PacteAutosave *self)
{
  g_return_val_if_fail (PACTE_IS_AUTOSAVE (self), NULL);

  return self->portfolio;
}

guint
pacte_autosave_get_delay (PacteAutosave *self)
{
  g_return_val_if_fail (PACTE_IS_AUTOSAVE (self), 0);

  return self->delay;
}

void
pacte_autosave_set_delay (PacteAutosave *self,
                          guint          delay_ms)
{
  g_return_if_fail (PACTE_IS_AUTOSAVE (self));
  g_return_if_fail (delay_ms > 0);

  if (self->delay == delay_ms)
    return;

  self->delay = delay_ms;

  /* A save already waiting follows the new delay. */
  if (self->timeout_id != 0)
    {
      set_pending (self, 0);
      autosave_schedule (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

void
pacte_autosave_update (PacteAutosave *self)
{
  g_return_if_fail (PACTE_IS_AUTOSAVE (self));

  if (self->closed)
    return;

  if (pacte_portfolio_get_modified (self->portfolio))
    autosave_schedule (self);
  else
    autosave_remove_draft (self);
}

gboolean
pacte_autosave_get_pending (PacteAutosave *self)
{
  g_return_val_if_fail (PACTE_IS_AUTOSAVE (self), FALSE);

  return self->timeout_id != 0;
}

/* A write in progress serialized an older state: let it land before a
 * synchronous write or a removal, or it could land after them. */
static void
autosave_wait_for_write (PacteAutosave *self)
{
  self->write_again = FALSE;
  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  while (self->cancellable != NULL)
    g_main_context_iteration (NULL, TRUE);
  self->write_again = FALSE;
}

gboolean
pacte_autosave_flush (PacteAutosave  *self,
                      GError        **error)
{
  g_return_val_if_fail (PACTE_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  set_pending (self, 0);
  autosave_wait_for_write (self);

  if (!pacte_portfolio_get_modified (self->portfolio))
    return TRUE;

  return pacte_draft_store_save (self->store, self->draft_id, self->portfolio,
                                 NULL, error);
}

gboolean
pacte_autosave_close (PacteAutosave  *self,
                      gboolean        keep_draft,
                      GError        **error)
{
  g_autoptr(PacteAutosave) hold = NULL;
  gboolean ok;

  g_return_val_if_fail (PACTE_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->closed)
    return TRUE;

  hold = g_object_ref (self);
  autosave_disconnect (self);
  self->closed = TRUE;

  if (keep_draft)
    ok = pacte_autosave_flush (self, error);
  else
    {
      autosave_wait_for_write (self);
      ok = pacte_draft_store_remove (self->store, self->draft_id, error);
    }

  return ok;
}
