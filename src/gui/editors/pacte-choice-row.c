/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-choice-row.c: a choice among values, in a drop-down. */
#include "config.h"

#include "pacte-accessible.h"
#include "pacte-choice-row.h"
#include "pacte-field-row-private.h"
#include "pacte-i18n.h"

typedef struct
{
  GtkDropDown *dropdown;
  GPtrArray   *values;       /* value per drop-down position (NULL: not set), NULL = no items */
  gboolean     in_dropdown;  /* the drop-down is changing its selection */
  guint        rebuild_id;   /* items to replace when idle */
} PacteChoiceRowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (PacteChoiceRow, pacte_choice_row, PACTE_TYPE_FIELD_ROW)

/* ---- Items ---------------------------------------------------------------- */

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  PacteChoiceRow *self = user_data;
  PacteChoiceRowPrivate *priv = pacte_choice_row_get_instance_private (self);

  priv->rebuild_id = 0;
  pacte_field_row_sync_from_model (PACTE_FIELD_ROW (self), FALSE);
  return G_SOURCE_REMOVE;
}

static gboolean
same_items (PacteChoiceRow *self,
            GPtrArray      *labels,
            GPtrArray      *values)
{
  PacteChoiceRowPrivate *priv = pacte_choice_row_get_instance_private (self);
  GListModel *model = gtk_drop_down_get_model (priv->dropdown);

  if (priv->values == NULL || model == NULL
      || priv->values->len != values->len
      || g_list_model_get_n_items (model) != labels->len)
    return FALSE;
  for (guint i = 0; i < values->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (priv->values, i), g_ptr_array_index (values, i)) != 0
          || g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), g_ptr_array_index (labels, i)) != 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
pacte_choice_row_set_items (PacteChoiceRow *self,
                            GPtrArray      *labels,
                            GPtrArray      *values)
{
  PacteChoiceRowPrivate *priv;
  g_autoptr(GtkStringList) model = NULL;

  g_return_val_if_fail (PACTE_IS_CHOICE_ROW (self), FALSE);

  priv = pacte_choice_row_get_instance_private (self);
  if (same_items (self, labels, values))
    return TRUE;
  /* Replacing the drop-down's model from inside its own selection change
   * would pull the model from under it. */
  if (priv->in_dropdown)
    {
      if (priv->rebuild_id == 0)
        priv->rebuild_id = g_idle_add (rebuild_idle_cb, self);
      return FALSE;
    }

  model = gtk_string_list_new (NULL);
  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));

  g_clear_pointer (&priv->values, g_ptr_array_unref);
  priv->values = g_ptr_array_ref (values);

  pacte_field_row_set_updating (PACTE_FIELD_ROW (self), TRUE);
  gtk_drop_down_set_model (priv->dropdown, G_LIST_MODEL (model));
  pacte_field_row_set_updating (PACTE_FIELD_ROW (self), FALSE);
  return TRUE;
}

/* The field's allowed values, "Not set" first. */
static gboolean
pacte_choice_row_real_refresh_items (PacteChoiceRow *self,
                                     gboolean        force)
{
  PacteChoiceRowPrivate *priv = pacte_choice_row_get_instance_private (self);
  PacteFieldRow *row = PACTE_FIELD_ROW (self);

  if (pacte_field_row_has_record (row) && (force || priv->values == NULL))
    {
      const PacteFieldInfo *info = pacte_record_get_field_info (pacte_field_row_record (row), pacte_field_row_field (row));
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (labels, (gpointer) _("Not set"));
      g_ptr_array_add (values, NULL);
      for (guint i = 0; info->choices != NULL && info->choices[i] != NULL; i++)
        {
          g_ptr_array_add (labels, (gpointer) pacte_choice_display_name (info->choices[i]));
          g_ptr_array_add (values, g_strdup (info->choices[i]));
        }
      pacte_choice_row_set_items (self, labels, values);
    }
  return priv->values != NULL;
}

static void
select_value (PacteChoiceRow *self,
              const char     *value)
{
  PacteChoiceRowPrivate *priv = pacte_choice_row_get_instance_private (self);
  guint position = 0;

  for (guint i = 0; i < priv->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (priv->values, i), value[0] ? value : NULL) == 0)
      {
        position = i;
        break;
      }
  if (gtk_drop_down_get_selected (priv->dropdown) != position)
    {
      pacte_field_row_set_updating (PACTE_FIELD_ROW (self), TRUE);
      gtk_drop_down_set_selected (priv->dropdown, position);
      pacte_field_row_set_updating (PACTE_FIELD_ROW (self), FALSE);
    }
}

/* ---- The row -------------------------------------------------------------- */

static void
selected_cb (PacteChoiceRow *self)
{
  PacteChoiceRowPrivate *priv = pacte_choice_row_get_instance_private (self);
  PacteFieldRow *row = PACTE_FIELD_ROW (self);
  guint selected;
  const char *value;

  if (pacte_field_row_is_updating (row) || !pacte_field_row_has_record (row))
    return;

  selected = gtk_drop_down_get_selected (priv->dropdown);
  if (selected == GTK_INVALID_LIST_POSITION || priv->values == NULL || selected >= priv->values->len)
    return;
  value = g_ptr_array_index (priv->values, selected);
  priv->in_dropdown = TRUE;
  pacte_field_row_commit_string (row, value ? value : "");
  priv->in_dropdown = FALSE;
}

static void
dropdown_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
dropdown_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      item ? gtk_string_object_get_string (item) : "");
}

/* Long choices ("Memorandum of understanding") shorten in the button
 * rather than widen the whole editor; the popup list shows them whole. */
static GtkListItemFactory *
dropdown_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (dropdown_setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (dropdown_bind_cb), NULL);
  return factory;
}

static void
pacte_choice_row_build (PacteFieldRow *row,
                        GtkBox        *header,
                        GtkBox        *content)
{
  PacteChoiceRow *self = PACTE_CHOICE_ROW (row);
  PacteChoiceRowPrivate *priv = pacte_choice_row_get_instance_private (self);
  g_autoptr(GtkListItemFactory) button_factory = dropdown_factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = dropdown_factory_new (FALSE);
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  priv->dropdown = GTK_DROP_DOWN (dropdown);
  gtk_drop_down_set_factory (priv->dropdown, button_factory);
  gtk_drop_down_set_list_factory (priv->dropdown, list_factory);
  pacte_accessible_tidy (dropdown);
  gtk_widget_set_hexpand (dropdown, TRUE);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (selected_cb), self);
  gtk_box_append (header, dropdown);
  pacte_field_row_set_editor (row, dropdown);
}

static void
pacte_choice_row_sync (PacteFieldRow *row,
                       gboolean       force)
{
  PacteChoiceRow *self = PACTE_CHOICE_ROW (row);

  if (PACTE_CHOICE_ROW_GET_CLASS (self)->refresh_items (self, force))
    select_value (self, pacte_field_row_has_record (row)
                        ? pacte_record_get_string (pacte_field_row_record (row), pacte_field_row_field (row)) : "");
}

static void
pacte_choice_row_dispose (GObject *object)
{
  PacteChoiceRow *self = PACTE_CHOICE_ROW (object);
  PacteChoiceRowPrivate *priv = pacte_choice_row_get_instance_private (self);

  g_clear_handle_id (&priv->rebuild_id, g_source_remove);
  g_clear_pointer (&priv->values, g_ptr_array_unref);

  G_OBJECT_CLASS (pacte_choice_row_parent_class)->dispose (object);
}

static void
pacte_choice_row_class_init (PacteChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PacteFieldRowClass *row_class = PACTE_FIELD_ROW_CLASS (klass);

  object_class->dispose = pacte_choice_row_dispose;
  row_class->kind = PACTE_FIELD_ROW_CHOICE;
  row_class->build = pacte_choice_row_build;
  row_class->sync = pacte_choice_row_sync;
  klass->refresh_items = pacte_choice_row_real_refresh_items;
}

static void
pacte_choice_row_init (PacteChoiceRow *self)
{
}
