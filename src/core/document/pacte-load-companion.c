/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-load-companion.c: an open's work beside its load
 * (pacte-load-companion.h).
 *
 * The loading thread hands jobs to the companion's thread through a queue:
 * sort the partners (once the portfolio has them all), make a plan's
 * summary (each plan built after that), and a barrier when the plans are
 * about to go into the portfolio, which the loading thread waits for.  The
 * companion's thread reads only records the loading thread no longer
 * writes (the partners, once in the portfolio; a plan, once built) and the
 * portfolio's partner index, which only it asks for until the barrier: the
 * load checks a plan's partners against an index of its own. */
#include "config.h"

#include "pacte-load-companion.h"
#include "pacte-name-order.h"

/* Plans handed over at a time: a hand-over per plan woke the companion's
 * thread 2,000 times for the large portfolio, each a switch of threads
 * on a processor they share. */
#define PLANS_PER_JOB 32

typedef enum {
  JOB_PARTNERS,   /* sort the portfolio's partners */
  JOB_PLANS,      /* make the plans' summaries */
  JOB_BARRIER,    /* tell reply that every job before is done */
  JOB_STOP,
} JobKind;

typedef struct {
  JobKind       kind;
  GPtrArray    *plans;    /* JOB_PLANS: PactePlan, references */
  GAsyncQueue  *reply;    /* JOB_BARRIER */
} Job;

struct _PacteLoadCompanion
{
  PacteRuleSet       *rules;          /* may be NULL */
  guint32             today;
  GAsyncQueue        *jobs;           /* Job * */
  GThread            *thread;
  /* Only the loading thread, until the thread is joined: */
  PactePortfolio     *portfolio;      /* a reference, once it has its partners */
  GPtrArray          *pending;        /* plans built, not handed over yet */
  /* Only the companion's thread, until it is joined: */
  PacteRuleSummaries *summaries;
  GPtrArray          *partners_by_name;
};

static void
job_free (Job *job)
{
  g_clear_pointer (&job->plans, g_ptr_array_unref);
  g_clear_pointer (&job->reply, g_async_queue_unref);
  g_free (job);
}

static void
push (PacteLoadCompanion *self,
      JobKind             kind,
      GPtrArray          *plans,
      GAsyncQueue        *reply)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->plans = plans;
  job->reply = reply != NULL ? g_async_queue_ref (reply) : NULL;
  g_async_queue_push (self->jobs, job);
}

static gpointer
companion_thread (gpointer data)
{
  PacteLoadCompanion *self = data;
  gboolean stop = FALSE;

  while (!stop)
    {
      Job *job = g_async_queue_pop (self->jobs);

      switch (job->kind)
        {
        case JOB_PARTNERS:
          self->partners_by_name = pacte_name_order_sorted (pacte_portfolio_get_partners (self->portfolio));
          break;
        case JOB_PLANS:
          if (self->summaries == NULL)
            self->summaries = pacte_rule_summaries_attach (self->portfolio, self->rules);
          for (guint i = 0; i < job->plans->len; i++)
            pacte_rule_summaries_make_plan (self->summaries, self->portfolio,
                                            g_ptr_array_index (job->plans, i), self->today);
          break;
        case JOB_BARRIER:
          g_async_queue_push (job->reply, GINT_TO_POINTER (1));
          break;
        case JOB_STOP:
        default:
          stop = TRUE;
          break;
        }
      job_free (job);
    }
  /* The portfolio keeps them; whoever attaches next takes them over. */
  g_clear_object (&self->summaries);
  return NULL;
}

/* ---- The load's observer (in the loading thread) ---------------------- */

/* Hands the plans built since the last time over to the companion. */
static void
flush_plans (PacteLoadCompanion *self)
{
  if (self->pending != NULL && self->pending->len > 0)
    push (self, JOB_PLANS, g_steal_pointer (&self->pending), NULL);
}

static void
list_loaded (gpointer        data,
             PactePortfolio *portfolio,
             const char     *list)
{
  PacteLoadCompanion *self = data;

  if (g_strcmp0 (list, "partners") != 0 || self->portfolio != NULL)
    return;
  self->portfolio = g_object_ref (portfolio);
  /* Without a thread (the system refused one), the worker does it all
   * after the load, as before. */
  self->thread = g_thread_try_new ("pacte-load-companion", companion_thread, self, NULL);
  if (self->thread != NULL)
    push (self, JOB_PARTNERS, NULL, NULL);
}

static void
item_built (gpointer     data,
            const char  *list,
            PacteRecord *item)
{
  PacteLoadCompanion *self = data;

  /* The plans read after the partners. */
  if (self->rules == NULL || self->thread == NULL || !PACTE_IS_PLAN (item))
    return;
  if (self->pending == NULL)
    self->pending = g_ptr_array_new_full (PLANS_PER_JOB, g_object_unref);
  g_ptr_array_add (self->pending, g_object_ref (item));
  if (self->pending->len >= PLANS_PER_JOB)
    flush_plans (self);
}

static void
list_built (gpointer    data,
            const char *list)
{
  PacteLoadCompanion *self = data;
  g_autoptr(GAsyncQueue) reply = NULL;

  if (self->thread == NULL)
    return;
  flush_plans (self);
  reply = g_async_queue_new ();
  push (self, JOB_BARRIER, NULL, reply);
  g_async_queue_pop (reply);
}

static const PacteLoadObserver observer = {
  item_built,
  list_built,
  list_loaded,
};

const PacteLoadObserver *
pacte_load_companion_get_observer (void)
{
  return &observer;
}

/* ---- Life ----------------------------------------------------------------- */

PacteLoadCompanion *
pacte_load_companion_new (PacteRuleSet *rules,
                          guint32       today)
{
  PacteLoadCompanion *self;

  g_return_val_if_fail (rules == NULL || PACTE_IS_RULE_SET (rules), NULL);
  g_return_val_if_fail (rules == NULL || today != 0, NULL);

  self = g_new0 (PacteLoadCompanion, 1);
  self->rules = rules != NULL ? g_object_ref (rules) : NULL;
  self->today = today;
  self->jobs = g_async_queue_new_full ((GDestroyNotify) job_free);
  return self;
}

GPtrArray *
pacte_load_companion_finish (PacteLoadCompanion *self,
                             PactePortfolio     *portfolio)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->thread != NULL)
    {
      push (self, JOB_STOP, NULL, NULL);
      g_thread_join (self->thread);
      self->thread = NULL;
    }
  if (portfolio == NULL || portfolio != self->portfolio)
    return NULL;
  return g_steal_pointer (&self->partners_by_name);
}

void
pacte_load_companion_free (PacteLoadCompanion *self)
{
  if (self == NULL)
    return;
  pacte_load_companion_finish (self, NULL);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->partners_by_name, g_ptr_array_unref);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->rules);
  g_async_queue_unref (self->jobs);
  g_free (self);
}
