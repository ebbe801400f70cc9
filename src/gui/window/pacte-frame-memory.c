/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The memory a window's frames are drawn in, kept between frames when GTK
 * draws with cairo on X11.
 *
 * There, GTK draws each frame into a pixmap the size of what changed, and
 * cairo draws into that pixmap through a shared-memory image taken from a
 * pool of System V segments (cairo-xlib-surface-shm.c).  Cairo destroys a
 * pool as soon as nothing in it is in use, so after a few small frames (a
 * progress bar, a blinking cursor) the next frame that changes the whole
 * window gets a new segment, whose pages the kernel hands out one fault at
 * a time: about 2,000 faults for a 1280×800 window, 20–25 ms of CPU in a
 * virtual machine, when the same frame drawn in memory already touched
 * takes 5 ms.  That is most of the first frame of an opened portfolio.
 *
 * So once the window has drawn, this makes cairo create a pool large
 * enough for a whole-window frame, touches that frame's memory once, and
 * keeps a small image alive in the pool for the window's life: the pool is
 * never empty, cairo keeps it, and every later frame, whatever its size up
 * to the window's, is drawn in memory already there.  The cost is the pool
 * (eight times a frame, reserved; only the pages a frame touched are
 * resident).  With any other renderer or display, nothing is done.
 */

#include "config.h"

#include "pacte-frame-memory.h"

#if defined (GDK_WINDOWING_X11) && defined (PACTE_HAVE_CAIRO_XLIB)
#include <gdk/x11/gdkx.h>
#include <cairo-xlib.h>
#endif

#if defined (GDK_WINDOWING_X11) && defined (PACTE_HAVE_CAIRO_XLIB)

#define KEEPER_KEY "pacte-frame-memory"

typedef struct
{
  cairo_surface_t *keeper;
  gulong after_paint;
  GdkFrameClock *clock;
  int width;            /* the frame size the pool was made for */
  int height;
} Keep;

static void
keep_free (gpointer data)
{
  Keep *keep = data;

  /* The handler goes with the window already when the window goes first. */
  if (keep->after_paint != 0 && g_signal_handler_is_connected (keep->clock, keep->after_paint))
    g_signal_handler_disconnect (keep->clock, keep->after_paint);
  g_clear_object (&keep->clock);
  g_clear_pointer (&keep->keeper, cairo_surface_destroy);
  g_free (keep);
}

/* Makes cairo's shared-memory pool for frames of width × height device
 * pixels, with their memory touched, and keeps it with a small image. */
static void
keep_pool (Keep       *keep,
           GdkSurface *surface,
           int         width,
           int         height)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));
  Window xid = gdk_x11_surface_get_xid (surface);
  XWindowAttributes attributes;
  cairo_surface_t *window_surface;
  cairo_surface_t *frame;
  cairo_surface_t *keeper;
  cairo_t *cr;

  if (!XGetWindowAttributes (xdisplay, xid, &attributes))
    return;
  window_surface = cairo_xlib_surface_create (xdisplay, xid, attributes.visual, width, height);
  /* An image "similar" to an X window is cairo's shared-memory image:
   * the first, as large as a whole-window frame, makes the pool. */
  frame = cairo_surface_create_similar_image (window_surface, CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (frame);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_destroy (cr);
  /* The second, small, lands in that pool and keeps it. */
  keeper = cairo_surface_create_similar_image (window_surface, CAIRO_FORMAT_ARGB32, 32, 32);
  cairo_surface_destroy (frame);
  cairo_surface_destroy (window_surface);

  if (cairo_surface_status (keeper) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (keeper);
      return;
    }
  g_clear_pointer (&keep->keeper, cairo_surface_destroy);
  keep->keeper = keeper;
  keep->width = width;
  keep->height = height;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  Keep *keep = g_object_get_data (G_OBJECT (window), KEEPER_KEY);
  GtkNative *native = GTK_NATIVE (window);
  GdkSurface *surface = gtk_native_get_surface (native);
  int scale;
  int width;
  int height;

  if (keep == NULL || surface == NULL)
    return;
  if (!GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native)))
    {
      /* Another renderer: nothing to keep, now or later. */
      g_signal_handler_disconnect (clock, keep->after_paint);
      keep->after_paint = 0;
      return;
    }
  scale = gdk_surface_get_scale_factor (surface);
  width = gdk_surface_get_width (surface) * scale;
  height = gdk_surface_get_height (surface) * scale;
  /* Smaller frames fit in the pool made for a larger one. */
  if (width <= 0 || height <= 0
      || (keep->keeper != NULL && (gint64) width * height <= (gint64) keep->width * keep->height))
    return;
  keep_pool (keep, surface, width, height);
}

static void
realize_cb (GtkWidget *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Keep *keep;

  if (surface == NULL || !GDK_IS_X11_SURFACE (surface))
    return;
  keep = g_new0 (Keep, 1);
  keep->clock = g_object_ref (gdk_surface_get_frame_clock (surface));
  keep->after_paint = g_signal_connect_object (keep->clock, "after-paint",
                                               G_CALLBACK (after_paint_cb), window, 0);
  g_object_set_data_full (G_OBJECT (window), KEEPER_KEY, keep, keep_free);
}

static void
unrealize_cb (GtkWidget *window)
{
  g_object_set_data (G_OBJECT (window), KEEPER_KEY, NULL);
}

#endif

void
pacte_frame_memory_keep (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

#if defined (GDK_WINDOWING_X11) && defined (PACTE_HAVE_CAIRO_XLIB)
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  g_signal_connect (window, "unrealize", G_CALLBACK (unrealize_cb), NULL);
#endif
}

gboolean
pacte_frame_memory_is_kept (GtkWindow *window)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

#if defined (GDK_WINDOWING_X11) && defined (PACTE_HAVE_CAIRO_XLIB)
  {
    Keep *keep = g_object_get_data (G_OBJECT (window), KEEPER_KEY);

    return keep != NULL && keep->keeper != NULL;
  }
#else
  return FALSE;
#endif
}
