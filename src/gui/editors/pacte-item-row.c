/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-item-row.c: one item of a list section. */
#include "config.h"

#include "pacte-i18n.h"
#include "pacte-item-row.h"
#include "pacte-list-section-private.h"



struct _PacteItemRow
{
  AdwExpanderRow    parent_instance;

  PacteListSection *section;   /* not a reference: the section owns the list box */
  PacteRecord      *item;
  GPtrArray        *field_rows;
  GtkWidget        *menu_button;
};

G_DEFINE_FINAL_TYPE (PacteItemRow, pacte_item_row, ADW_TYPE_EXPANDER_ROW)

static void
item_row_update (PacteItemRow *self)
{
  const ItemSpec *spec = self->section->spec;
  g_autofree char *title = pacte_list_section_item_title (spec, self->item);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  g_autofree char *menu_label = NULL;

  spec->describe (self->section, self->item, parts);
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  menu_label = g_strdup_printf (_("Actions for “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                  -1);

  for (guint i = 0; self->field_rows != NULL && i < self->field_rows->len; i++)
    {
      const PacteFieldInfo *info = pacte_record_get_field_info (self->item, spec->fields[i].field);
      g_autofree char *label = pacte_list_section_fill_pattern (_(spec->accessible_format),
                                                                _(info->label), title);

      pacte_field_row_set_accessible_label (g_ptr_array_index (self->field_rows, i), label);
    }
}

/* Field rows are built the first time the item is opened: a plan shows
 * many items, and most are never opened. */
void
pacte_item_row_ensure_fields (PacteItemRow *self)
{
  const ItemSpec *spec = self->section->spec;
  PacteContext *context = self->section->context;

  if (self->field_rows != NULL)
    return;

  self->field_rows = g_ptr_array_new ();
  for (guint i = 0; i < spec->n_fields; i++)
    {
      const ItemField *f = &spec->fields[i];
      const PacteFieldInfo *info = pacte_record_get_field_info (self->item, f->field);
      PacteFieldRowKind kind = pacte_field_row_kind_for_record_field (G_OBJECT_TYPE (self->item), f->field);
      GtkWidget *row = pacte_field_row_new_for_field (kind, f->field, _(info->label));

      if (context != NULL)
        {
          pacte_field_row_set_context (PACTE_FIELD_ROW (row), context);
          if (f->currency)
            pacte_field_row_set_unit (PACTE_FIELD_ROW (row),
                                      pacte_portfolio_get_currency (pacte_context_get_portfolio (context)));
        }
      pacte_field_row_set_record (PACTE_FIELD_ROW (row), self->item);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      g_ptr_array_add (self->field_rows, row);
    }
  item_row_update (self);
}

static void
item_row_expanded_cb (PacteItemRow *self)
{
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    pacte_item_row_ensure_fields (self);
}

static guint
item_row_position (PacteItemRow *self)
{
  return (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self));
}

void
pacte_item_row_update_actions (PacteItemRow *self)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self));
  guint n = self->section->items ? g_list_model_get_n_items (self->section->items) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.move-up", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.move-down", index >= 0 && (guint) index + 1 < n);
}

static void
item_row_move (PacteItemRow *self,
               int           delta)
{
  PacteListSection *section = self->section;
  guint from = item_row_position (self);
  guint n = g_list_model_get_n_items (section->items);
  gboolean expanded = adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self));
  GtkListBoxRow *moved;
  int to = (int) from + delta;

  if (to < 0 || (guint) to >= n)
    return;

  /* The list box replaces this row: keep the user where they were. */
  pacte_record_list_move (section->record, section->spec->list_field, from, (guint) to);
  moved = gtk_list_box_get_row_at_index (GTK_LIST_BOX (section->list_box), to);
  if (moved != NULL)
    {
      if (expanded)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (moved), TRUE);
      gtk_widget_grab_focus (PACTE_ITEM_ROW (moved)->menu_button);
    }
}

static void
item_move_up_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  item_row_move (PACTE_ITEM_ROW (widget), -1);
}

static void
item_move_down_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  item_row_move (PACTE_ITEM_ROW (widget), +1);
}

static void
item_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PacteItemRow *self = PACTE_ITEM_ROW (widget);
  PacteListSection *section = self->section;
  guint position = item_row_position (self);
  guint n;

  pacte_record_list_remove (section->record, section->spec->list_field, position);

  /* Focus the next item, or the previous one, or the add button. */
  n = g_list_model_get_n_items (section->items);
  if (n > 0)
    {
      GtkListBoxRow *next = gtk_list_box_get_row_at_index (GTK_LIST_BOX (section->list_box),
                                                           (int) MIN (position, n - 1));
      if (next != NULL && !gtk_widget_grab_focus (GTK_WIDGET (next)))
        gtk_widget_child_focus (GTK_WIDGET (next), GTK_DIR_TAB_FORWARD);
    }
  else if (section->add_button != NULL)
    gtk_widget_grab_focus (section->add_button);
}

static void
item_row_dispose (GObject *object)
{
  PacteItemRow *self = PACTE_ITEM_ROW (object);

  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (pacte_item_row_parent_class)->dispose (object);
}

static void
pacte_item_row_class_init (PacteItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = item_row_dispose;

  gtk_widget_class_install_action (widget_class, "item.move-up", NULL, item_move_up_action);
  gtk_widget_class_install_action (widget_class, "item.move-down", NULL, item_move_down_action);
  gtk_widget_class_install_action (widget_class, "item.remove", NULL, item_remove_action);
}

static void
pacte_item_row_init (PacteItemRow *self)
{
}

/* The menu is made when first opened: a popover per row would double the
 * cost of showing a plan. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  PacteItemRow *self = user_data;
  g_autoptr(GMenu) menu = NULL;

  pacte_item_row_update_actions (self);
  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;
  menu = g_menu_new ();
  g_menu_append (menu, _("Move Up"), "item.move-up");
  g_menu_append (menu, _("Move Down"), "item.move-down");
  g_menu_append (menu, _("Remove"), "item.remove");
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

GtkWidget *
pacte_item_row_new (PacteListSection *section,
              PacteRecord      *item)
{
  PacteItemRow *self = g_object_new (PACTE_TYPE_ITEM_ROW, "use-markup", FALSE, NULL);

  self->section = section;
  self->item = g_object_ref (item);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "view-more-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button), create_menu_cb, self, NULL);
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_set_tooltip_text (self->menu_button, _("Move or remove"));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), self->menu_button);

  g_signal_connect (self, "notify::expanded", G_CALLBACK (item_row_expanded_cb), NULL);
  g_signal_connect_object (item, "notify", G_CALLBACK (item_row_update), self, G_CONNECT_SWAPPED);
  item_row_update (self);
  return GTK_WIDGET (self);
}

void
pacte_item_row_set_item (PacteItemRow *self,
                         PacteRecord  *item)
{
  g_return_if_fail (PACTE_IS_ITEM_ROW (self));
  g_return_if_fail (PACTE_IS_RECORD (item));

  if (item == self->item)
    return;
  g_signal_handlers_disconnect_by_func (self->item, item_row_update, self);
  g_set_object (&self->item, item);
  g_signal_connect_object (item, "notify", G_CALLBACK (item_row_update), self, G_CONNECT_SWAPPED);
  /* As a new row: closed.  Its field rows, if it has been opened, stay
   * and show this item. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), FALSE);
  for (guint i = 0; self->field_rows != NULL && i < self->field_rows->len; i++)
    pacte_field_row_set_record (g_ptr_array_index (self->field_rows, i), item);
  item_row_update (self);
}

guint
pacte_item_row_get_n_field_rows (PacteItemRow *self)
{
  g_return_val_if_fail (PACTE_IS_ITEM_ROW (self), 0);

  return self->field_rows ? self->field_rows->len : 0;
}

PacteFieldRow *
pacte_item_row_get_field_row (PacteItemRow *self,
                              guint         index)
{
  g_return_val_if_fail (PACTE_IS_ITEM_ROW (self), NULL);

  pacte_item_row_ensure_fields (self);
  if (index >= self->field_rows->len)
    return NULL;
  return g_ptr_array_index (self->field_rows, index);
}

PacteRecord *
pacte_item_row_get_item (PacteItemRow *self)
{
  g_return_val_if_fail (PACTE_IS_ITEM_ROW (self), NULL);

  return self->item;
}
