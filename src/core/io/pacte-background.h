/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How much lower than its caller a background thread runs (a nice value
 * added to the caller's, on Linux). */
#define PACTE_BACKGROUND_NICE 10

/* Runs func in a thread of its own, at a lower scheduling priority than
 * the calling thread, as g_task_run_in_thread would: for long work (an
 * open's load) that a window waits for, so that when both want the same
 * processor the window's main loop is served first and keeps drawing.
 * The thread ends with the work: a thread of GLib's pool would keep the
 * lower priority for whatever it ran next.  Where no thread can be made,
 * falls back to g_task_run_in_thread. */
void pacte_task_run_in_background (GTask           *task,
                                   GTaskThreadFunc  func);

/* The calling thread's nice value (0 where threads have none). */
int  pacte_thread_get_nice        (void);

G_END_DECLS
