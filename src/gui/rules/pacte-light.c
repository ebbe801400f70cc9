/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "pacte-i18n.h"
#include "pacte-lazy-tooltip.h"
#include "pacte-light.h"

#define DEFAULT_SIZE 16
#define SPACING      6

struct _PacteLight
{
  GtkWidget    parent_instance;

  /* The word, drawn beside the shape when show_text.  Not a GtkLabel: a
   * label's new text asks for a new layout of the window, and the light
   * keeps one size whatever its status (that of the widest word in its
   * font), so a new status only needs a redraw, and the lights of a list
   * line up without a size group. */
  PangoLayout *layout;
  PangoFontDescription *words_font;   /* the font the widths were measured in */
  int          words_width;
  int          words_height;
  PacteStatus  status;
  gboolean     show_text;
  int          size;
  char        *rule_label;
  char        *accessible_text;
};

G_DEFINE_FINAL_TYPE (PacteLight, pacte_light, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_SHOW_TEXT,
  PROP_RULE_LABEL,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
pacte_light_status_word (PacteStatus status)
{
  switch (status)
    {
    case PACTE_STATUS_GREEN:
      return _("Green");
    case PACTE_STATUS_AMBER:
      return _("Amber");
    case PACTE_STATUS_RED:
      return _("Red");
    case PACTE_STATUS_OFF:
      return _("Off");
    default:
      return "";
    }
}

static void
set_rgb (cairo_t    *cr,
         guint32     rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

void
pacte_light_draw_shape (cairo_t     *cr,
                        PacteStatus  status,
                        double       x,
                        double       y,
                        double       size,
                        gboolean     dark)
{
  /* GNOME palette; a darker outline keeps the shape visible on any background. */
  double line = MAX (1.0, size / 12.0);
  double cx = x + size / 2.0, cy = y + size / 2.0;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_width (cr, line);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  switch (status)
    {
    case PACTE_STATUS_GREEN:
      cairo_arc (cr, cx, cy, size / 2.0 - line / 2.0, 0, 2 * G_PI);
      set_rgb (cr, dark ? 0x57e389 : 0x2ec27e);
      cairo_fill_preserve (cr);
      set_rgb (cr, dark ? 0x8ff0a4 : 0x1a7f4b);
      cairo_stroke (cr);
      break;

    case PACTE_STATUS_AMBER:
      cairo_move_to (cr, cx, y + line);
      cairo_line_to (cr, x + size - line / 2.0, y + size - line);
      cairo_line_to (cr, x + line / 2.0, y + size - line);
      cairo_close_path (cr);
      set_rgb (cr, dark ? 0xf8e45c : 0xf5c211);
      cairo_fill_preserve (cr);
      set_rgb (cr, dark ? 0xf6d32d : 0x9c6e03);
      cairo_stroke (cr);
      break;

    case PACTE_STATUS_RED:
      {
        double inset = size * 0.08 + line / 2.0;

        cairo_rectangle (cr, x + inset, y + inset, size - 2 * inset, size - 2 * inset);
        set_rgb (cr, dark ? 0xf66151 : 0xe01b24);
        cairo_fill_preserve (cr);
        set_rgb (cr, dark ? 0xffa9a0 : 0x8a1019);
        cairo_stroke (cr);
      }
      break;

    case PACTE_STATUS_OFF:
      set_rgb (cr, dark ? 0x9a9996 : 0x77767b);
      cairo_arc (cr, cx, cy, size / 2.0 - line, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_set_line_width (cr, MAX (1.5, size / 8.0));
      cairo_move_to (cr, x + size * 0.3, cy);
      cairo_line_to (cr, x + size * 0.7, cy);
      cairo_stroke (cr);
      break;

    default:
      break;
    }

  cairo_restore (cr);
}

static void
update_accessible (PacteLight *self)
{
  g_autofree char *word = g_utf8_strdown (pacte_light_status_word (self->status), -1);
  g_autofree char *text = NULL;

  if (self->rule_label != NULL && *self->rule_label != '\0')
    /* Translators: accessible name of a light: "R04 Strong governance: amber" */
    text = g_strdup_printf (_("%s: %s"), self->rule_label, word);
  else
    text = g_strdup (pacte_light_status_word (self->status));
  /* Not for the same text (a plan switch gives most lights the status
   * they had): the accessible's change is sent to the bus. */
  if (g_strcmp0 (text, self->accessible_text) == 0)
    return;
  g_free (self->accessible_text);
  self->accessible_text = g_steal_pointer (&text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible_text,
                                  -1);
  pacte_lazy_tooltip_set (GTK_WIDGET (self), self->accessible_text);
}

static void
update_css (PacteLight *self)
{
  static const char * const classes[] = { "green", "amber", "red", "off" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (i == (guint) self->status)
        gtk_widget_add_css_class (GTK_WIDGET (self), classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), classes[i]);
    }
}

/* The widest and tallest of the four words in the light's current font,
 * measured again only when the font changes. */
static void
measure_words (PacteLight *self)
{
  static const PacteStatus statuses[] = { PACTE_STATUS_GREEN, PACTE_STATUS_AMBER, PACTE_STATUS_RED, PACTE_STATUS_OFF };
  const PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  PangoLayout *layout;

  if (self->words_font != NULL && font != NULL && pango_font_description_equal (font, self->words_font))
    return;
  g_clear_pointer (&self->words_font, pango_font_description_free);
  self->words_font = font != NULL ? pango_font_description_copy (font) : NULL;
  self->words_width = self->words_height = 0;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      int width, height;

      pango_layout_set_text (layout, pacte_light_status_word (statuses[i]), -1);
      pango_layout_get_pixel_size (layout, &width, &height);
      self->words_width = MAX (self->words_width, width);
      self->words_height = MAX (self->words_height, height);
    }
  g_object_unref (layout);
}

static void
pacte_light_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  PacteLight *self = PACTE_LIGHT (widget);

  if (self->show_text)
    measure_words (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = self->size + (self->show_text ? SPACING + self->words_width : 0);
  else
    *minimum = *natural = MAX (self->size, self->show_text ? self->words_height : 0);
}

static void
pacte_light_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  PacteLight *self = PACTE_LIGHT (widget);
  int height = gtk_widget_get_height (widget);
  double y = (height - self->size) / 2.0;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, y, self->size, self->size));
  pacte_light_draw_shape (cr, self->status, 0, y, self->size, dark);
  cairo_destroy (cr);

  if (self->show_text)
    {
      GdkRGBA color;
      int text_width, text_height;

      if (self->layout == NULL)
        self->layout = gtk_widget_create_pango_layout (widget, pacte_light_status_word (self->status));
      pango_layout_get_pixel_size (self->layout, &text_width, &text_height);
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
      G_GNUC_END_IGNORE_DEPRECATIONS
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->size + SPACING, (height - text_height) / 2));
      gtk_snapshot_append_layout (snapshot, self->layout, &color);
      gtk_snapshot_restore (snapshot);
    }
}

static void
on_dark_changed (PacteLight *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pacte_light_dispose (GObject *object)
{
  PacteLight *self = PACTE_LIGHT (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (),
                                        on_dark_changed, self);
  g_clear_object (&self->layout);
  G_OBJECT_CLASS (pacte_light_parent_class)->dispose (object);
}

static void
pacte_light_finalize (GObject *object)
{
  PacteLight *self = PACTE_LIGHT (object);

  g_free (self->rule_label);
  g_free (self->accessible_text);
  g_clear_pointer (&self->words_font, pango_font_description_free);
  G_OBJECT_CLASS (pacte_light_parent_class)->finalize (object);
}

static void
pacte_light_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PacteLight *self = PACTE_LIGHT (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_SHOW_TEXT:
      g_value_set_boolean (value, self->show_text);
      break;
    case PROP_RULE_LABEL:
      g_value_set_string (value, self->rule_label);
      break;
    case PROP_SIZE:
      g_value_set_int (value, self->size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_light_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PacteLight *self = PACTE_LIGHT (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      pacte_light_set_status (self, g_value_get_enum (value));
      break;
    case PROP_SHOW_TEXT:
      pacte_light_set_show_text (self, g_value_get_boolean (value));
      break;
    case PROP_RULE_LABEL:
      pacte_light_set_rule_label (self, g_value_get_string (value));
      break;
    case PROP_SIZE:
      {
        int size = g_value_get_int (value);

        if (size != self->size)
          {
            self->size = size;
            gtk_widget_queue_resize (GTK_WIDGET (self));
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_light_class_init (PacteLightClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacte_light_dispose;
  object_class->finalize = pacte_light_finalize;
  object_class->get_property = pacte_light_get_property;
  object_class->set_property = pacte_light_set_property;

  widget_class->measure = pacte_light_measure;
  widget_class->snapshot = pacte_light_snapshot;

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PACTE_TYPE_STATUS, PACTE_STATUS_OFF,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TEXT] =
    g_param_spec_boolean ("show-text", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RULE_LABEL] =
    g_param_spec_string ("rule-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] =
    g_param_spec_int ("size", NULL, NULL, 4, 256, DEFAULT_SIZE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "light");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pacte_light_init (PacteLight *self)
{
  self->status = PACTE_STATUS_OFF;
  self->size = DEFAULT_SIZE;

  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (on_dark_changed), self);
  update_css (self);
  update_accessible (self);
}

GtkWidget *
pacte_light_new (void)
{
  return g_object_new (PACTE_TYPE_LIGHT, NULL);
}

PacteStatus
pacte_light_get_status (PacteLight *self)
{
  g_return_val_if_fail (PACTE_IS_LIGHT (self), PACTE_STATUS_OFF);
  return self->status;
}

void
pacte_light_set_status (PacteLight  *self,
                        PacteStatus  status)
{
  g_return_if_fail (PACTE_IS_LIGHT (self));

  if (self->status == status)
    return;
  self->status = status;
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, pacte_light_status_word (status), -1);
  update_css (self);
  update_accessible (self);
  /* As wide as the widest word whatever the status: a redraw only. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

gboolean
pacte_light_get_show_text (PacteLight *self)
{
  g_return_val_if_fail (PACTE_IS_LIGHT (self), FALSE);
  return self->show_text;
}

void
pacte_light_set_show_text (PacteLight *self,
                           gboolean    show_text)
{
  g_return_if_fail (PACTE_IS_LIGHT (self));

  show_text = !!show_text;
  if (self->show_text == show_text)
    return;
  self->show_text = show_text;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TEXT]);
}

const char *
pacte_light_get_rule_label (PacteLight *self)
{
  g_return_val_if_fail (PACTE_IS_LIGHT (self), NULL);
  return self->rule_label;
}

void
pacte_light_set_rule_label (PacteLight *self,
                            const char *rule_label)
{
  g_return_if_fail (PACTE_IS_LIGHT (self));

  if (g_strcmp0 (self->rule_label, rule_label) == 0)
    return;
  g_free (self->rule_label);
  self->rule_label = g_strdup (rule_label);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULE_LABEL]);
}

const char *
pacte_light_get_accessible_text (PacteLight *self)
{
  g_return_val_if_fail (PACTE_IS_LIGHT (self), NULL);
  return self->accessible_text;
}
