/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-field-row-values.c: the parts of PacteFieldRow that edit several
 * values or choose among them: tags and partners shown as removable chips
 * (with their add and remove actions), and the drop-downs of a field's
 * allowed values and of a plan's objectives. */
#include "config.h"

#include <string.h>

#include "pacte-field-row-private.h"
#include "pacte-i18n.h"
#include "pacte-partner-chooser.h"

/* ---- Lists of strings: tags and partners ---------------------------------- */

gboolean
pacte_field_row_strv_has (const char * const *strv,
                          const char         *value)
{
  return strv != NULL && g_strv_contains (strv, value);
}

void
pacte_field_row_add_value_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  PacteFieldRow *self = PACTE_FIELD_ROW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) values = NULL;
  const char *value = g_variant_get_string (parameter, NULL);
  const char * const *current;

  if (!pacte_field_row_has_record (self) || value[0] == '\0')
    return;

  current = pacte_record_get_strv (self->record, self->field);
  if (pacte_field_row_strv_has (current, value))
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) current);
  g_strv_builder_add (builder, value);
  values = g_strv_builder_end (builder);
  if (!pacte_record_set_strv (self->record, self->field, (const char * const *) values, &error))
    pacte_field_row_show_gerror (self, error);
  else
    pacte_field_row_clear_error (self);
}

void
pacte_field_row_remove_value_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  PacteFieldRow *self = PACTE_FIELD_ROW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) values = NULL;
  const char *value = g_variant_get_string (parameter, NULL);
  const char * const *current;

  if (!pacte_field_row_has_record (self))
    return;

  current = pacte_record_get_strv (self->record, self->field);
  if (!pacte_field_row_strv_has (current, value))
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; current[i] != NULL; i++)
    if (strcmp (current[i], value) != 0)
      g_strv_builder_add (builder, current[i]);
  values = g_strv_builder_end (builder);
  if (!pacte_record_set_strv (self->record, self->field, (const char * const *) values, &error))
    pacte_field_row_show_gerror (self, error);
  else
    pacte_field_row_clear_error (self);
}

static char *
value_display (PacteFieldRow *self,
               const char    *value)
{
  if (self->kind == PACTE_FIELD_ROW_PARTNERS && self->portfolio != NULL)
    {
      PactePartner *partner = pacte_portfolio_find_partner (self->portfolio, value);

      if (partner != NULL)
        {
          const char *name = pacte_record_get_string (PACTE_RECORD (partner), PACTE_PARTNER_NAME);

          if (name[0] != '\0')
            return g_strdup (name);
        }
    }
  return g_strdup (value);
}

static GtkWidget *
make_chip (PacteFieldRow *self,
           const char    *value)
{
  g_autofree char *display = value_display (self, value);
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), display);
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (display);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_add_css_class (chip, "pacte-chip");
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "field.remove-value");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", value);
  gtk_box_append (GTK_BOX (chip), label);
  gtk_box_append (GTK_BOX (chip), button);
  return chip;
}

void
pacte_field_row_rebuild_chips (PacteFieldRow *self)
{
  const char * const *values = pacte_field_row_has_record (self) ? pacte_record_get_strv (self->record, self->field) : NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (self->flowbox)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->flowbox), child);

  for (guint i = 0; values != NULL && values[i] != NULL; i++, n++)
    {
      GtkWidget *chip = make_chip (self, values[i]);

      gtk_flow_box_append (GTK_FLOW_BOX (self->flowbox), chip);
      /* Packed to the start, not spread over the line. */
      gtk_widget_set_halign (gtk_widget_get_parent (chip), GTK_ALIGN_START);
    }

  gtk_widget_set_visible (self->flowbox, n > 0);
  if (self->empty_label != NULL)
    gtk_widget_set_visible (self->empty_label, n == 0);
  if (self->chooser != NULL)
    pacte_partner_chooser_set_excluded (PACTE_PARTNER_CHOOSER (self->chooser), values);
}

void
pacte_field_row_partner_chosen_cb (PacteFieldRow *self,
                                   const char    *id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "field.add-value", "s", id);
}

/* ---- Choices ---------------------------------------------------------------- */

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  PacteFieldRow *self = user_data;

  self->rebuild_id = 0;
  pacte_field_row_sync_from_model (self, FALSE);
  return G_SOURCE_REMOVE;
}

static gboolean
same_items (PacteFieldRow *self,
            GPtrArray     *labels,
            GPtrArray     *values)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (self->dropdown));

  if (self->choice_values == NULL || model == NULL
      || self->choice_values->len != values->len
      || g_list_model_get_n_items (model) != labels->len)
    return FALSE;
  for (guint i = 0; i < values->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->choice_values, i), g_ptr_array_index (values, i)) != 0
          || g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), g_ptr_array_index (labels, i)) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Returns FALSE when the items could not be replaced now. */
static gboolean
set_dropdown_items (PacteFieldRow *self,
                    GPtrArray     *labels,
                    GPtrArray     *values)
{
  g_autoptr(GtkStringList) model = NULL;

  if (same_items (self, labels, values))
    return TRUE;
  if (self->in_dropdown)
    {
      if (self->rebuild_id == 0)
        self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
      return FALSE;
    }

  model = gtk_string_list_new (NULL);
  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));

  g_clear_pointer (&self->choice_values, g_ptr_array_unref);
  self->choice_values = g_ptr_array_ref (values);

  self->updating = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->dropdown), G_LIST_MODEL (model));
  self->updating = FALSE;
  return TRUE;
}

gboolean
pacte_field_row_build_choices (PacteFieldRow *self)
{
  const PacteFieldInfo *info = pacte_record_get_field_info (self->record, self->field);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (labels, (gpointer) _("Not set"));
  g_ptr_array_add (values, NULL);
  for (guint i = 0; info->choices != NULL && info->choices[i] != NULL; i++)
    {
      g_ptr_array_add (labels, (gpointer) pacte_choice_display_name (info->choices[i]));
      g_ptr_array_add (values, g_strdup (info->choices[i]));
    }
  return set_dropdown_items (self, labels, values);
}

gboolean
pacte_field_row_build_objectives (PacteFieldRow *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  const char *current = pacte_field_row_has_record (self) ? pacte_record_get_string (self->record, self->field) : "";
  gboolean found = FALSE;
  guint n = self->objectives ? g_list_model_get_n_items (self->objectives) : 0;

  g_ptr_array_add (labels, g_strdup (_("None")));
  g_ptr_array_add (values, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PacteRecord) objective = g_list_model_get_item (self->objectives, i);
      const char *id = pacte_record_get_string (objective, PACTE_OBJECTIVE_ID);
      const char *title = pacte_record_get_string (objective, PACTE_OBJECTIVE_TITLE);

      g_ptr_array_add (labels, title[0] ? g_strdup (title) : g_strdup_printf (_("Untitled objective (%s)"), id));
      g_ptr_array_add (values, g_strdup (id));
      if (strcmp (id, current) == 0)
        found = TRUE;
    }
  if (current[0] != '\0' && !found)
    {
      /* Kept as the file says, and shown for what it is. */
      g_ptr_array_add (labels, g_strdup_printf (_("Unlinked (%s)"), current));
      g_ptr_array_add (values, g_strdup (current));
    }
  return set_dropdown_items (self, labels, values);
}

void
pacte_field_row_select_value (PacteFieldRow *self,
                              const char    *value)
{
  guint position = 0;

  for (guint i = 0; i < self->choice_values->len; i++)
    {
      const char *candidate = g_ptr_array_index (self->choice_values, i);

      if (g_strcmp0 (candidate, value[0] ? value : NULL) == 0)
        {
          position = i;
          break;
        }
    }
  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->dropdown)) != position)
    {
      self->updating = TRUE;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->dropdown), position);
      self->updating = FALSE;
    }
}
