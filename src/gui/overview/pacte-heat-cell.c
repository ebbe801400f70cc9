/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-heat-cell.c: one cell of the overview's heat map (see the header). */
#include "config.h"

#include <adwaita.h>

#include "pacte-heat-cell.h"
#include "pacte-light.h"

#define SHAPE_SIZE 14

struct _PacteHeatCell
{
  GtkWidget    parent_instance;

  gboolean     is_light;
  PacteStatus  status;
  char        *accessible_name;
  char        *tooltip;  /* given on query (see set_tooltip) */
  GtkWidget   *label;  /* text mode; NULL until then */
};

G_DEFINE_FINAL_TYPE (PacteHeatCell, pacte_heat_cell, GTK_TYPE_WIDGET)

enum { SIGNAL_ACTIVATE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
set_accessible_name (PacteHeatCell *self,
                     const char    *name)
{
  if (g_strcmp0 (self->accessible_name, name) == 0)
    return;
  g_free (self->accessible_name);
  self->accessible_name = g_strdup (name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name != NULL ? name : "",
                                  -1);
}

/* Setting a widget's tooltip text re-queries the tooltip at once, which
 * asks the X server where the pointer is: a round trip per cell, hundreds
 * per sort of the heat map.  The text is kept and given on query instead. */
static void
set_tooltip (PacteHeatCell *self,
             const char    *tooltip)
{
  if (g_strcmp0 (self->tooltip, tooltip) == 0)
    return;
  g_free (self->tooltip);
  self->tooltip = g_strdup (tooltip);
}

static gboolean
pacte_heat_cell_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  PacteHeatCell *self = PACTE_HEAT_CELL (widget);

  if (self->tooltip == NULL || *self->tooltip == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->tooltip);
  return TRUE;
}

const char *
pacte_heat_cell_get_tooltip (PacteHeatCell *self)
{
  g_return_val_if_fail (PACTE_IS_HEAT_CELL (self), NULL);
  return self->tooltip;
}

void
pacte_heat_cell_set_status (PacteHeatCell *self,
                            PacteStatus    status,
                            const char    *accessible_name,
                            const char    *tooltip)
{
  g_return_if_fail (PACTE_IS_HEAT_CELL (self));

  self->is_light = TRUE;
  self->status = status;
  if (self->label != NULL)
    gtk_widget_set_visible (self->label, FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  set_accessible_name (self, accessible_name);
  set_tooltip (self, tooltip);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pacte_heat_cell_set_text (PacteHeatCell *self,
                          const char    *text,
                          const char    *accessible_name)
{
  g_return_if_fail (PACTE_IS_HEAT_CELL (self));

  self->is_light = FALSE;
  if (self->label == NULL)
    {
      self->label = gtk_label_new (NULL);
      gtk_label_set_justify (GTK_LABEL (self->label), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (self->label, "caption");
      gtk_widget_set_parent (self->label, GTK_WIDGET (self));
      /* The label repeats the accessible name of the cell. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    }
  gtk_label_set_label (GTK_LABEL (self->label), text);
  gtk_widget_set_visible (self->label, TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  set_accessible_name (self, accessible_name);
  set_tooltip (self, accessible_name);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
pacte_heat_cell_is_light (PacteHeatCell *self)
{
  g_return_val_if_fail (PACTE_IS_HEAT_CELL (self), FALSE);
  return self->is_light;
}

PacteStatus
pacte_heat_cell_get_status (PacteHeatCell *self)
{
  g_return_val_if_fail (PACTE_IS_HEAT_CELL (self), PACTE_STATUS_OFF);
  return self->status;
}

const char *
pacte_heat_cell_get_accessible_name (PacteHeatCell *self)
{
  g_return_val_if_fail (PACTE_IS_HEAT_CELL (self), NULL);
  return self->accessible_name;
}

/* The four shapes, drawn once per theme and scale into textures: a heat
 * map shows hundreds of lights, and with the GL renderer a cairo node per
 * cell would be a texture upload per cell and frame. */
#define MAX_SCALE 4

static GdkTexture *shape_textures[2][PACTE_STATUS_OFF + 1][MAX_SCALE];

static GdkTexture *
shape_texture (PacteStatus status,
               gboolean    dark,
               int         scale)
{
  GdkTexture **texture;

  scale = CLAMP (scale, 1, MAX_SCALE);
  texture = &shape_textures[dark ? 1 : 0][status][scale - 1];
  if (*texture == NULL)
    {
      int size = SHAPE_SIZE * scale;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GBytes) bytes = NULL;

      cairo_scale (cr, scale, scale);
      pacte_light_draw_shape (cr, status, 0, 0, SHAPE_SIZE, dark);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                           (gsize) cairo_image_surface_get_stride (surface) * size);
      /* GDK_MEMORY_DEFAULT is cairo's ARGB32 in memory order. */
      *texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                         cairo_image_surface_get_stride (surface));
      cairo_surface_destroy (surface);
    }
  return *texture;
}

static void
pacte_heat_cell_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PacteHeatCell *self = PACTE_HEAT_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->is_light && width > 0 && height > 0 && self->status <= PACTE_STATUS_OFF)
    {
      gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

      gtk_snapshot_append_texture (snapshot, shape_texture (self->status, dark, gtk_widget_get_scale_factor (widget)),
                                   &GRAPHENE_RECT_INIT ((width - SHAPE_SIZE) / 2, (height - SHAPE_SIZE) / 2,
                                                        SHAPE_SIZE, SHAPE_SIZE));
    }
  else if (self->label != NULL)
    gtk_widget_snapshot_child (widget, self->label, snapshot);
}

static void
on_released (PacteHeatCell *self)
{
  if (self->is_light)
    g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0);
}

static void
pacte_heat_cell_real_activate (PacteHeatCell *self)
{
  /* The overview connects to "activate"; nothing to do by itself. */
  (void) self;
}

static void
pacte_heat_cell_dispose (GObject *object)
{
  PacteHeatCell *self = PACTE_HEAT_CELL (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);
  G_OBJECT_CLASS (pacte_heat_cell_parent_class)->dispose (object);
}

static void
pacte_heat_cell_finalize (GObject *object)
{
  g_free (PACTE_HEAT_CELL (object)->accessible_name);
  g_free (PACTE_HEAT_CELL (object)->tooltip);
  G_OBJECT_CLASS (pacte_heat_cell_parent_class)->finalize (object);
}

static void
pacte_heat_cell_class_init (PacteHeatCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacte_heat_cell_dispose;
  object_class->finalize = pacte_heat_cell_finalize;
  widget_class->snapshot = pacte_heat_cell_snapshot;
  widget_class->query_tooltip = pacte_heat_cell_query_tooltip;

  signals[SIGNAL_ACTIVATE] =
    g_signal_new_class_handler ("activate", G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                G_CALLBACK (pacte_heat_cell_real_activate),
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[SIGNAL_ACTIVATE]);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "heatcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
pacte_heat_cell_init (PacteHeatCell *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  /* The label of text mode is made when first needed: most cells are
   * lights, and a heat map on screen has hundreds. */
  self->status = PACTE_STATUS_OFF;

  gtk_widget_set_size_request (GTK_WIDGET (self), 24, 28);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_swapped (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
pacte_heat_cell_new (void)
{
  return g_object_new (PACTE_TYPE_HEAT_CELL, NULL);
}
