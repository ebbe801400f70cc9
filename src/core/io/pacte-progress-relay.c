/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-progress-relay.c: a worker's progress, reported in the main context
 * that asked for the work. */
#include "config.h"

#include "pacte-progress-relay.h"

struct _PacteProgressRelay
{
  gatomicrefcount         ref;
  char                   *name;
  GMainContext           *context;
  PacteProgressRelayFunc  func;
  gpointer                data;
  GDestroyNotify          destroy;
  GMutex                  lock;
  guint64                 done, total;
  guint64                 reported;   /* G_MAXUINT64: nothing yet */
  gboolean                pending;    /* an idle source is on its way */
  gboolean                finished;
};

PacteProgressRelay *
pacte_progress_relay_new (const char             *name,
                          PacteProgressRelayFunc  func,
                          gpointer                data,
                          GDestroyNotify          destroy)
{
  PacteProgressRelay *relay;

  g_return_val_if_fail (func != NULL, NULL);

  relay = g_new0 (PacteProgressRelay, 1);
  g_atomic_ref_count_init (&relay->ref);
  relay->name = g_strdup (name != NULL ? name : "[pacte] progress");
  relay->context = g_main_context_ref_thread_default ();
  relay->func = func;
  relay->data = data;
  relay->destroy = destroy;
  relay->reported = G_MAXUINT64;
  g_mutex_init (&relay->lock);
  return relay;
}

PacteProgressRelay *
pacte_progress_relay_ref (PacteProgressRelay *relay)
{
  g_return_val_if_fail (relay != NULL, NULL);

  g_atomic_ref_count_inc (&relay->ref);
  return relay;
}

void
pacte_progress_relay_unref (PacteProgressRelay *relay)
{
  if (relay == NULL || !g_atomic_ref_count_dec (&relay->ref))
    return;
  if (relay->destroy != NULL)
    relay->destroy (relay->data);
  g_main_context_unref (relay->context);
  g_mutex_clear (&relay->lock);
  g_free (relay->name);
  g_free (relay);
}

/* In the relay's context: the latest figures, once. */
static void
report (PacteProgressRelay *relay)
{
  guint64 done, total;

  g_mutex_lock (&relay->lock);
  relay->pending = FALSE;
  done = relay->done;
  total = relay->total;
  if (relay->finished || done == relay->reported)
    {
      g_mutex_unlock (&relay->lock);
      return;
    }
  relay->reported = done;
  g_mutex_unlock (&relay->lock);
  relay->func (done, total, relay->data);
}

static gboolean
dispatch (gpointer data)
{
  report (data);
  return G_SOURCE_REMOVE;
}

void
pacte_progress_relay_post (PacteProgressRelay *relay,
                           guint64             done,
                           guint64             total)
{
  gboolean add;

  g_return_if_fail (relay != NULL);

  g_mutex_lock (&relay->lock);
  relay->done = done;
  relay->total = total;
  add = !relay->pending && !relay->finished;
  if (add)
    relay->pending = TRUE;
  g_mutex_unlock (&relay->lock);
  if (add)
    {
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, dispatch, pacte_progress_relay_ref (relay),
                             (GDestroyNotify) pacte_progress_relay_unref);
      g_source_set_name (source, relay->name);
      g_source_attach (source, relay->context);
      g_source_unref (source);
    }
}

void
pacte_progress_relay_finish (PacteProgressRelay *relay,
                             gboolean            report_last)
{
  g_return_if_fail (relay != NULL);

  if (report_last)
    report (relay);
  g_mutex_lock (&relay->lock);
  relay->finished = TRUE;
  g_mutex_unlock (&relay->lock);
}
