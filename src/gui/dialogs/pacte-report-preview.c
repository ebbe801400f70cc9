/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-preview.c: the report's pages in a window. */
#include "config.h"

#include "pacte-i18n.h"
#include "pacte-report-preview.h"

struct _PacteReportPreview
{
  AdwWindow       parent_instance;

  PacteReport    *report;
  guint           page;
  guint           n_pages;
  double          width, height;   /* of a page, in points */
  GtkDrawingArea *area;
  GtkLabel       *page_label;
  GtkWidget      *previous;
  GtkWidget      *next;
};

G_DEFINE_FINAL_TYPE (PacteReportPreview, pacte_report_preview, ADW_TYPE_WINDOW)

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  PacteReportPreview *self = data;
  double margin = 16;
  double scale = MIN ((width - 2 * margin) / self->width, (height - 2 * margin) / self->height);
  double x, y;

  if (scale <= 0)
    return;
  x = (width - self->width * scale) / 2;
  y = (height - self->height * scale) / 2;
  /* The sheet: white with a thin shadow, whatever the window's colours. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, x + 2, y + 2, self->width * scale, self->height * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, self->width * scale, self->height * scale);
  cairo_fill (cr);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_clip (cr);
  pacte_report_draw_page (self->report, cr, self->page);
  cairo_restore (cr);
}

static void
update (PacteReportPreview *self)
{
  /* Translators: the preview's page: "Page 2 of 7" */
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);

  gtk_label_set_label (self->page_label, text);
  gtk_widget_set_sensitive (self->previous, self->page > 0);
  gtk_widget_set_sensitive (self->next, self->page + 1 < self->n_pages);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
on_previous (PacteReportPreview *self)
{
  if (self->page > 0)
    pacte_report_preview_set_page (self, self->page - 1);
}

static void
on_next (PacteReportPreview *self)
{
  pacte_report_preview_set_page (self, self->page + 1);
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        PacteReportPreview    *self)
{
  if (keyval == GDK_KEY_Page_Down || keyval == GDK_KEY_Right)
    on_next (self);
  else if (keyval == GDK_KEY_Page_Up || keyval == GDK_KEY_Left)
    on_previous (self);
  else if (keyval == GDK_KEY_Escape)
    gtk_window_close (GTK_WINDOW (self));
  else
    return FALSE;
  return TRUE;
}

static void
pacte_report_preview_dispose (GObject *object)
{
  PacteReportPreview *self = PACTE_REPORT_PREVIEW (object);

  g_clear_object (&self->report);
  G_OBJECT_CLASS (pacte_report_preview_parent_class)->dispose (object);
}

static void
pacte_report_preview_class_init (PacteReportPreviewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pacte_report_preview_dispose;
}

static void
pacte_report_preview_init (PacteReportPreview *self)
{
}

static GtkWidget *
nav_button (const char *icon,
            const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

GtkWidget *
pacte_report_preview_new (GtkWindow   *parent,
                          PacteReport *report,
                          double       width,
                          double       height)
{
  PacteReportPreview *self;
  GtkWidget *box, *header, *nav;
  GtkEventController *keys;

  g_return_val_if_fail (PACTE_IS_REPORT (report), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_object_new (PACTE_TYPE_REPORT_PREVIEW,
                       "transient-for", parent, "modal", TRUE,
                       "title", _("Print Preview"),
                       "default-width", 700, "default-height", 900,
                       NULL);
  self->report = g_object_ref (report);
  self->n_pages = pacte_report_paginate (report, NULL);
  self->width = width;
  self->height = height;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->previous = nav_button ("go-previous-symbolic", _("Previous Page"));
  self->next = nav_button ("go-next-symbolic", _("Next Page"));
  self->page_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->page_label), "numeric");
  gtk_box_append (GTK_BOX (nav), self->previous);
  gtk_box_append (GTK_BOX (nav), GTK_WIDGET (self->page_label));
  gtk_box_append (GTK_BOX (nav), self->next);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), nav);
  g_signal_connect_swapped (self->previous, "clicked", G_CALLBACK (on_previous), self);
  g_signal_connect_swapped (self->next, "clicked", G_CALLBACK (on_next), self);
  gtk_box_append (GTK_BOX (box), header);

  self->area = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->area), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->area), TRUE);
  gtk_drawing_area_set_draw_func (self->area, draw_page, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The report’s page as it will print"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->area));
  adw_window_set_content (ADW_WINDOW (self), box);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  update (self);
  return GTK_WIDGET (self);
}

guint
pacte_report_preview_get_page (PacteReportPreview *self)
{
  g_return_val_if_fail (PACTE_IS_REPORT_PREVIEW (self), 0);
  return self->page;
}

guint
pacte_report_preview_get_n_pages (PacteReportPreview *self)
{
  g_return_val_if_fail (PACTE_IS_REPORT_PREVIEW (self), 0);
  return self->n_pages;
}

void
pacte_report_preview_set_page (PacteReportPreview *self,
                               guint               page)
{
  g_return_if_fail (PACTE_IS_REPORT_PREVIEW (self));
  if (page >= self->n_pages)
    return;
  self->page = page;
  update (self);
}
