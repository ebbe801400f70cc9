/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Threads for long work, below the main loop's priority.
 *
 * On Linux each thread has its own nice value (setpriority on its thread
 * id): raising it is allowed to anyone, lowering it again is not, which is
 * why the work gets a thread of its own rather than one of GLib's pool.
 * Threads it makes (the load's second list reader, its companion) inherit
 * the value.  With a nice value of 10 against the main thread's 0, the
 * scheduler gives the main thread about nine tenths of a processor they
 * share while both are busy, and wakes it ahead of the load: on one
 * processor, with the window's frame memory kept too, the longest stall of
 * an open fell from 93–121 ms to 50–53 ms (README, "The open's frames,
 * again"); with a nice value of 5 it was a few milliseconds longer (three
 * alternated pairs: 34.8–37.5 ms against 24.8–36.3 ms).  The price: on a
 * machine busy with other programs, the load waits for them more.
 * The work takes no longer when the main loop is idle, which is most of
 * an open.
 */

#include "config.h"

#include "pacte-background.h"

#include <errno.h>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

typedef struct
{
  GTask *task;
  GTaskThreadFunc func;
} Work;

#ifdef __linux__
static id_t
thread_id (void)
{
  return (id_t) syscall (SYS_gettid);
}
#endif

int
pacte_thread_get_nice (void)
{
#ifdef __linux__
  int nice_value;

  errno = 0;
  nice_value = getpriority (PRIO_PROCESS, thread_id ());
  return errno == 0 ? nice_value : 0;
#else
  return 0;
#endif
}

static gpointer
run_work (gpointer data)
{
  Work *work = data;
  GTask *task = work->task;

#ifdef __linux__
  {
    int target = MIN (pacte_thread_get_nice () + PACTE_BACKGROUND_NICE, 19);

    /* Best effort: at worst the work runs at its caller's priority. */
    if (setpriority (PRIO_PROCESS, thread_id (), target) != 0)
      g_debug ("background thread: could not lower its priority: %s", g_strerror (errno));
  }
#endif
  work->func (task, g_task_get_source_object (task), g_task_get_task_data (task),
              g_task_get_cancellable (task));
  g_object_unref (task);
  g_free (work);
  return NULL;
}

void
pacte_task_run_in_background (GTask           *task,
                              GTaskThreadFunc  func)
{
  g_autoptr(GError) error = NULL;
  Work *work;
  GThread *thread;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  work = g_new (Work, 1);
  work->task = g_object_ref (task);
  work->func = func;
  thread = g_thread_try_new ("pacte-background", run_work, work, &error);
  if (thread == NULL)
    {
      g_debug ("background thread: %s; running in GLib's pool", error->message);
      g_object_unref (work->task);
      g_free (work);
      g_task_run_in_thread (task, func);
      return;
    }
  g_thread_unref (thread);
}
