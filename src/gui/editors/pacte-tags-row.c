/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-tags-row.c: a list of strings as removable chips. */
#include "config.h"

#include <string.h>

#include "pacte-field-row-private.h"
#include "pacte-i18n.h"
#include "pacte-lazy-tooltip.h"
#include "pacte-tags-row.h"

typedef struct
{
  GtkWidget *flowbox;
} PacteTagsRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (PacteTagsRow, pacte_tags_row, PACTE_TYPE_FIELD_ROW)

/* ---- Adding and removing values ---------------------------------------------- */

static void
set_values (PacteFieldRow      *row,
            const char * const *values)
{
  g_autoptr(GError) error = NULL;

  if (!pacte_record_set_strv (pacte_field_row_record (row), pacte_field_row_field (row), values, &error))
    pacte_field_row_show_gerror (row, error);
  else
    pacte_field_row_clear_error (row);
}

static void
add_value_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PacteFieldRow *row = PACTE_FIELD_ROW (widget);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) values = NULL;
  const char *value = g_variant_get_string (parameter, NULL);
  const char * const *current;

  if (!pacte_field_row_has_record (row) || value[0] == '\0')
    return;
  current = pacte_record_get_strv (pacte_field_row_record (row), pacte_field_row_field (row));
  if (current != NULL && g_strv_contains (current, value))
    return;

  builder = g_strv_builder_new ();
  if (current != NULL)
    g_strv_builder_addv (builder, (const char **) current);
  g_strv_builder_add (builder, value);
  values = g_strv_builder_end (builder);
  set_values (row, (const char * const *) values);
}

static void
remove_value_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PacteFieldRow *row = PACTE_FIELD_ROW (widget);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) values = NULL;
  const char *value = g_variant_get_string (parameter, NULL);
  const char * const *current;

  if (!pacte_field_row_has_record (row))
    return;
  current = pacte_record_get_strv (pacte_field_row_record (row), pacte_field_row_field (row));
  if (current == NULL || !g_strv_contains (current, value))
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; current[i] != NULL; i++)
    if (strcmp (current[i], value) != 0)
      g_strv_builder_add (builder, current[i]);
  values = g_strv_builder_end (builder);
  set_values (row, (const char * const *) values);
}

/* ---- Chips ------------------------------------------------------------------ */

static char *
pacte_tags_row_real_display (PacteTagsRow *self,
                             const char   *value)
{
  return g_strdup (value);
}

static GtkWidget *
chip_new (void)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_add_css_class (chip, "pacte-chip");
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Its value (the target) is set when it shows one. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "field.remove-value");
  gtk_box_append (GTK_BOX (chip), label);
  gtk_box_append (GTK_BOX (chip), button);
  return chip;
}

/* A chip (made or kept from another record) shows value. */
static void
chip_show (PacteTagsRow *self,
           GtkWidget    *chip,
           const char   *value)
{
  GtkWidget *label = gtk_widget_get_first_child (chip);
  GtkWidget *button = gtk_widget_get_next_sibling (label);
  g_autofree char *display = PACTE_TAGS_ROW_GET_CLASS (self)->display (self, value);
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), display);

  gtk_label_set_text (GTK_LABEL (label), display);
  pacte_lazy_tooltip_set (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", value);
}

/* The chips already there are given the values in order; chips left over
 * are hidden for a later record with more values: no widget is made when
 * switching records. */
void
pacte_tags_row_update_chips (PacteTagsRow *self)
{
  PacteTagsRowPrivate *priv = pacte_tags_row_get_instance_private (self);
  PacteFieldRow *row = PACTE_FIELD_ROW (self);
  const char * const *values = pacte_field_row_has_record (row)
                               ? pacte_record_get_strv (pacte_field_row_record (row), pacte_field_row_field (row)) : NULL;
  GtkWidget *child = gtk_widget_get_first_child (priv->flowbox);
  guint n = 0;

  for (; values != NULL && values[n] != NULL; n++)
    {
      if (child == NULL)
        {
          GtkWidget *chip = chip_new ();

          gtk_flow_box_append (GTK_FLOW_BOX (priv->flowbox), chip);
          /* Packed to the start, not spread over the line. */
          child = gtk_widget_get_parent (chip);
          gtk_widget_set_halign (child, GTK_ALIGN_START);
        }
      chip_show (self, gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)), values[n]);
      gtk_widget_set_visible (child, TRUE);
      child = gtk_widget_get_next_sibling (child);
    }
  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_visible (child, FALSE);

  gtk_widget_set_visible (priv->flowbox, n > 0);
  if (PACTE_TAGS_ROW_GET_CLASS (self)->chips_changed != NULL)
    PACTE_TAGS_ROW_GET_CLASS (self)->chips_changed (self, values);
}

void
pacte_tags_row_add_chips (PacteTagsRow *self,
                          GtkBox       *content)
{
  PacteTagsRowPrivate *priv;

  g_return_if_fail (PACTE_IS_TAGS_ROW (self));

  priv = pacte_tags_row_get_instance_private (self);
  priv->flowbox = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (priv->flowbox), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (priv->flowbox), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (priv->flowbox), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (priv->flowbox), 30);
  gtk_widget_set_visible (priv->flowbox, FALSE);
  gtk_widget_add_css_class (priv->flowbox, "pacte-chips");
  gtk_box_append (content, priv->flowbox);
}

/* ---- The add entry ------------------------------------------------------------ */

/* Enter (or the add button) adds what the entry holds: several values
 * separated by commas. */
static void
add_typed_cb (PacteTagsRow *self)
{
  PacteFieldRow *row = PACTE_FIELD_ROW (self);
  GtkWidget *entry = pacte_field_row_get_editor (row);
  g_auto(GStrv) parts = NULL;

  if (!pacte_field_row_has_record (row))
    return;
  parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (entry)), ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        gtk_widget_activate_action (GTK_WIDGET (self), "field.add-value", "s", parts[i]);
    }
  pacte_field_row_set_entry_text (row, "");
}

static void
pacte_tags_row_build (PacteFieldRow *row,
                      GtkBox        *header,
                      GtkBox        *content)
{
  PacteTagsRow *self = PACTE_TAGS_ROW (row);
  PacteFieldRowPrivate *base = pacte_field_row_get_private (row);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  const char *placeholder = pacte_field_row_get_placeholder (row);

  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder ? placeholder : _("Type and press Enter to add"));
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (add_typed_cb), self);
  gtk_box_append (header, entry);
  /* The entry of the placeholder, named by the row's label (not its title:
   * it adds a value, it does not hold the field). */
  base->entry = entry;
  pacte_field_row_set_editor (row, entry);

  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("Add"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add"), -1);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_typed_cb), self);
  gtk_box_append (header, add);

  pacte_tags_row_add_chips (self, content);
}

/* The add entry only writes when activated. */
static void
pacte_tags_row_commit (PacteFieldRow *row,
                       gboolean       finished)
{
}

static void
pacte_tags_row_sync (PacteFieldRow *row,
                     gboolean       force)
{
  pacte_tags_row_update_chips (PACTE_TAGS_ROW (row));
}

static void
pacte_tags_row_class_init (PacteTagsRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PacteFieldRowClass *row_class = PACTE_FIELD_ROW_CLASS (klass);

  row_class->kind = PACTE_FIELD_ROW_TAGS;
  row_class->build = pacte_tags_row_build;
  row_class->sync = pacte_tags_row_sync;
  row_class->commit = pacte_tags_row_commit;
  klass->display = pacte_tags_row_real_display;

  gtk_widget_class_install_action (widget_class, "field.add-value", "s", add_value_action);
  gtk_widget_class_install_action (widget_class, "field.remove-value", "s", remove_value_action);
}

static void
pacte_tags_row_init (PacteTagsRow *self)
{
}
