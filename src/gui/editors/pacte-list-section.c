/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-list-section.c: a group editing one list of records. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-i18n.h"
#include "pacte-item-row.h"
#include "pacte-list-section-private.h"
#include "pacte-number.h"
#include "pacte-reveal.h"

G_DEFINE_FINAL_TYPE (PacteListSection, pacte_list_section, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_KEY,
  PROP_RECORD,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Reviews are records of the past: shown, not edited. */
static void
review_row_update (PacteListSection *section,
                   GtkWidget        *row,
                   PacteRecord      *item)
{
  g_autofree char *title = pacte_list_section_item_title (section->spec, item);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;

  section->spec->describe (section, item, parts);
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static GtkWidget *
review_row_new (PacteListSection *section,
                PacteRecord      *item)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  review_row_update (section, row, item);
  return row;
}

/* A row of another record's list shows this item: no widget is made. */
static void
rebind_row (PacteListSection *self,
            GtkWidget        *row,
            PacteRecord      *item)
{
  if (PACTE_IS_ITEM_ROW (row))
    pacte_item_row_set_item (PACTE_ITEM_ROW (row), item);
  else
    review_row_update (self, row, item);
}

/* A row for item: one put aside by an earlier record if there is one. */
static GtkWidget *
create_row (PacteListSection *self,
            PacteRecord      *item)
{
  if (self->spare_rows != NULL && self->spare_rows->len > 0)
    {
      GtkWidget *row = g_ptr_array_steal_index (self->spare_rows, self->spare_rows->len - 1);

      rebind_row (self, row, item);
      /* Handed over as a new widget is: the list box sinks this reference. */
      g_object_force_floating (G_OBJECT (row));
      return row;
    }
  if (self->spec->read_only)
    return review_row_new (self, item);
  return pacte_item_row_new (self, item);
}

/* Rows that a record with fewer items leaves over are kept for the next
 * record with more (up to a bound): switching plans back and forth then
 * makes no widget. */
#define MAX_SPARE_ROWS 64

static void
remove_row (PacteListSection *self,
            GtkWidget        *row,
            gboolean          spare)
{
  if (spare && (self->spare_rows == NULL || self->spare_rows->len < MAX_SPARE_ROWS))
    {
      if (self->spare_rows == NULL)
        self->spare_rows = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (self->spare_rows, g_object_ref (row));
    }
  gtk_list_box_remove (GTK_LIST_BOX (self->list_box), row);
}

/* ---- The section ----------------------------------------------------------- */

static void
update_all_actions (PacteListSection *self)
{
  GtkWidget *child;

  if (self->spec->read_only)
    return;
  for (child = gtk_widget_get_first_child (self->list_box); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (PACTE_IS_ITEM_ROW (child))
      pacte_item_row_update_actions (PACTE_ITEM_ROW (child));
}

static void
update_visibility (PacteListSection *self)
{
  gboolean empty = g_list_model_get_n_items (self->items) == 0;

  /* Rows not made yet: neither the other record's rows nor "no items". */
  gtk_widget_set_visible (self->list_box, !empty && self->bound);
  gtk_widget_set_visible (self->empty_label, empty);
  if (self->bound)
    update_all_actions (self);
}

/* An edit of the list (add, remove, move, undo): the rows of the items
 * that changed, as gtk_list_box_bind_model() would do. */
static void
items_changed_cb (PacteListSection *self,
                  guint             position,
                  guint             removed,
                  guint             added)
{
  if (self->bound)
    {
      for (guint i = 0; i < removed; i++)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list_box), (int) position);

          if (row == NULL)
            break;
          gtk_list_box_remove (GTK_LIST_BOX (self->list_box), GTK_WIDGET (row));
        }
      for (guint i = 0; i < added; i++)
        {
          g_autoptr(PacteRecord) item = g_list_model_get_item (self->items, position + i);

          gtk_list_box_insert (GTK_LIST_BOX (self->list_box), create_row (self, item), (int) (position + i));
        }
    }
  update_visibility (self);
}

/* The rows show the items of the current record: the rows already there
 * (another record's) are given this record's items, and only the
 * difference in number is made or removed. */
static void
bind_rows (PacteListSection *self)
{
  guint n = g_list_model_get_n_items (self->items);
  GtkWidget *child = gtk_widget_get_first_child (self->list_box);

  self->bound = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PacteRecord) item = g_list_model_get_item (self->items, i);

      if (child != NULL)
        {
          rebind_row (self, child, item);
          child = gtk_widget_get_next_sibling (child);
        }
      else
        gtk_list_box_append (GTK_LIST_BOX (self->list_box), create_row (self, item));
    }
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      remove_row (self, child, TRUE);
      child = next;
    }
}

static void
remove_rows (PacteListSection *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list_box)) != NULL)
    remove_row (self, child, TRUE);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  pacte_list_section_add_item (PACTE_LIST_SECTION (widget));
}

static void
title_changed_cb (PacteListSection *self)
{
  const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : "",
                                  -1);
}

static void
pacte_list_section_constructed (GObject *object)
{
  PacteListSection *self = PACTE_LIST_SECTION (object);

  G_OBJECT_CLASS (pacte_list_section_parent_class)->constructed (object);

  self->spec = pacte_list_section_find_spec (self->key);
  if (self->spec == NULL)
    {
      g_critical ("No list section for the key “%s”", self->key ? self->key : "(null)");
      self->spec = pacte_list_section_find_spec ("contacts");
    }

  self->list_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list_box, "boxed-list");
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->list_box);

  /* Outside the boxed list: an empty frame reads as a broken widget. */
  self->empty_label = gtk_label_new (_(self->spec->empty_label));
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_add_css_class (self->empty_label, "pacte-empty-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty_label);
  gtk_widget_set_visible (self->list_box, FALSE);

  if (!self->spec->read_only)
    {
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _(self->spec->add_label));
      self->add_button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (self->add_button), content);
      gtk_widget_add_css_class (self->add_button, "flat");
      gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "section.add");
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.add", FALSE);
}

static void
pacte_list_section_dispose (GObject *object)
{
  PacteListSection *self = PACTE_LIST_SECTION (object);

  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, items_changed_cb, self);
  g_clear_object (&self->items);
  g_clear_object (&self->record);
  g_clear_object (&self->context);
  g_clear_pointer (&self->spare_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pacte_list_section_parent_class)->dispose (object);
}

static void
pacte_list_section_finalize (GObject *object)
{
  PacteListSection *self = PACTE_LIST_SECTION (object);

  g_free (self->key);

  G_OBJECT_CLASS (pacte_list_section_parent_class)->finalize (object);
}

static void
pacte_list_section_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PacteListSection *self = PACTE_LIST_SECTION (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_list_section_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PacteListSection *self = PACTE_LIST_SECTION (object);

  switch (prop_id)
    {
    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;
    case PROP_RECORD:
      pacte_list_section_set_record (self, g_value_get_object (value));
      break;
    case PROP_CONTEXT:
      pacte_list_section_set_context (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_list_section_class_init (PacteListSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pacte_list_section_constructed;
  object_class->dispose = pacte_list_section_dispose;
  object_class->finalize = pacte_list_section_finalize;
  object_class->get_property = pacte_list_section_get_property;
  object_class->set_property = pacte_list_section_set_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, PACTE_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PACTE_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "section.add", NULL, add_action);
}

static void
pacte_list_section_init (PacteListSection *self)
{
}

GtkWidget *
pacte_list_section_new (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return g_object_new (PACTE_TYPE_LIST_SECTION, "key", key, NULL);
}

void
pacte_list_section_set_record (PacteListSection *self,
                               PacteRecord      *record)
{
  g_return_if_fail (PACTE_IS_LIST_SECTION (self));
  g_return_if_fail (record == NULL || g_type_is_a (G_OBJECT_TYPE (record), self->spec->owner_type ()));

  if (record == self->record)
    return;

  if (self->items != NULL)
    g_signal_handlers_disconnect_by_func (self->items, items_changed_cb, self);
  g_clear_object (&self->items);
  g_set_object (&self->record, record);

  self->bound = FALSE;
  if (record != NULL)
    {
      self->items = g_object_ref (pacte_record_get_list (record, self->spec->list_field));
      /* Deferred: the other record's rows stay (hidden) until the rows of
       * this one are made; an empty list costs nothing to bind. */
      if (!self->deferred || g_list_model_get_n_items (self->items) == 0)
        bind_rows (self);
      g_signal_connect_swapped (self->items, "items-changed", G_CALLBACK (items_changed_cb), self);
      update_visibility (self);
    }
  else
    {
      remove_rows (self);
      gtk_widget_set_visible (self->list_box, FALSE);
      gtk_widget_set_visible (self->empty_label, TRUE);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.add", record != NULL && !self->spec->read_only);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

void
pacte_list_section_set_context (PacteListSection *self,
                                PacteContext     *context)
{
  g_return_if_fail (PACTE_IS_LIST_SECTION (self));
  g_return_if_fail (context == NULL || PACTE_IS_CONTEXT (context));

  if (g_set_object (&self->context, context))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

const char *
pacte_list_section_get_key (PacteListSection *self)
{
  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), NULL);

  return self->key;
}

void
pacte_list_section_set_deferred (PacteListSection *self,
                                 gboolean          deferred)
{
  g_return_if_fail (PACTE_IS_LIST_SECTION (self));

  self->deferred = deferred;
  if (!deferred)
    pacte_list_section_ensure_rows (self);
}

gboolean
pacte_list_section_get_pending (PacteListSection *self)
{
  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), FALSE);

  return self->items != NULL && !self->bound;
}

void
pacte_list_section_ensure_rows (PacteListSection *self)
{
  g_return_if_fail (PACTE_IS_LIST_SECTION (self));

  if (self->items == NULL || self->bound)
    return;
  bind_rows (self);
  update_visibility (self);
}

GtkListBox *
pacte_list_section_get_list_box (PacteListSection *self)
{
  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), NULL);

  pacte_list_section_ensure_rows (self);
  return GTK_LIST_BOX (self->list_box);
}

GtkWidget *
pacte_list_section_get_add_button (PacteListSection *self)
{
  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), NULL);

  return self->add_button;
}

guint
pacte_list_section_add_item (PacteListSection *self)
{
  g_autoptr(PacteRecord) item = NULL;
  PactePortfolio *portfolio;
  GtkWidget *row;
  guint position;

  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), 0);
  g_return_val_if_fail (self->record != NULL && !self->spec->read_only, 0);

  pacte_list_section_ensure_rows (self);

  item = g_object_new (pacte_record_get_field_info (self->record, self->spec->list_field)->item_type (), NULL);
  portfolio = pacte_record_get_portfolio (self->record);
  if (portfolio == NULL && self->context != NULL)
    portfolio = pacte_context_get_portfolio (self->context);
  if (self->spec->id_prefix != NULL && portfolio != NULL)
    {
      g_autofree char *id = pacte_portfolio_new_id (portfolio, self->record, self->spec->list_field,
                                                    self->spec->id_prefix);

      pacte_record_set_string (item, self->spec->id_field, id, NULL);
    }
  if (self->spec->init_item != NULL)
    self->spec->init_item (self, item);

  /* One undoable step: the item is complete before it goes in. */
  position = g_list_model_get_n_items (self->items);
  pacte_record_list_insert (self->record, self->spec->list_field, position, item);

  row = pacte_list_section_get_row (self, position);
  if (row != NULL && PACTE_IS_ITEM_ROW (row))
    {
      PacteItemRow *item_row = PACTE_ITEM_ROW (row);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      pacte_item_row_ensure_fields (item_row);
      if (pacte_item_row_get_n_field_rows (item_row) > 0)
        pacte_field_row_focus_editor (pacte_item_row_get_field_row (item_row, 0));
    }
  return position;
}

GtkWidget *
pacte_list_section_get_row (PacteListSection *self,
                            guint             position)
{
  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), NULL);

  pacte_list_section_ensure_rows (self);
  return (GtkWidget *) gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list_box), (int) position);
}

PacteFieldRow *
pacte_list_section_get_field_row (PacteListSection *self,
                                  guint             position,
                                  guint             field)
{
  GtkWidget *row;
  PacteItemRow *item_row;

  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), NULL);

  row = pacte_list_section_get_row (self, position);
  if (row == NULL || !PACTE_IS_ITEM_ROW (row))
    return NULL;

  item_row = PACTE_ITEM_ROW (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  pacte_item_row_ensure_fields (item_row);
  for (guint i = 0; i < self->spec->n_fields; i++)
    if (self->spec->fields[i].field == field)
      return pacte_item_row_get_field_row (item_row, i);
  return NULL;
}

gboolean
pacte_list_section_focus (PacteListSection *self)
{
  GtkWidget *row;

  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), FALSE);

  pacte_list_section_ensure_rows (self);
  /* The group's title and description say what is wanted: show them too. */
  pacte_reveal_widget (GTK_WIDGET (self), FALSE);
  row = pacte_list_section_get_row (self, 0);
  if (row != NULL)
    return pacte_reveal_widget (row, TRUE);
  if (self->add_button != NULL && gtk_widget_get_sensitive (self->add_button))
    return pacte_reveal_widget (self->add_button, TRUE);
  return FALSE;
}

PacteRecord *
pacte_list_section_get_record (PacteListSection *self)
{
  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), NULL);

  return self->record;
}

guint
pacte_list_section_get_list_field (PacteListSection *self)
{
  g_return_val_if_fail (PACTE_IS_LIST_SECTION (self), 0);

  return self->spec->list_field;
}
