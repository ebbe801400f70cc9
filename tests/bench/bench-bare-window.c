/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-bare-window.c: the yardstick for Pacte's start-up: a bare GTK 4
 * application window (a header bar and a label, the size of Pacte's), timed
 * the same way bench-window times Pacte: the wall-clock time (µs since the
 * epoch) at main() and at the end of the window's first drawn frame.
 *
 * Prints one line "FIRST-FRAME MAIN_US FRAME_US" and exits.  Run by
 * bench-window, which records when it spawned the process. */
#include "config.h"

#include <stdio.h>

#include <gtk/gtk.h>

static gint64 main_time;

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (window));

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  printf ("FIRST-FRAME %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", main_time, g_get_real_time ());
  fflush (stdout);
  g_application_quit (app);
}

static void
realize_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *label = gtk_label_new ("Hello");

  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  main_time = g_get_real_time ();
  app = gtk_application_new ("io.github.pacte.BenchBareWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
