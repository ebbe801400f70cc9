/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-field-row.c: the base of the rows editing one field of a record:
 * binding, rejected input, accessible name, title from the field table. */
#include "config.h"

#include <string.h>

#include "pacte-field-row-private.h"
#include "pacte-field-rows.h"
#include "pacte-i18n.h"

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PacteFieldRow, pacte_field_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_KEY,
  PROP_RECORD,
  PROP_CONTEXT,
  PROP_UNIT,
  PROP_PLACEHOLDER_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Accessors for the row classes --------------------------------------------- */

PacteFieldRowPrivate *
pacte_field_row_get_private (PacteFieldRow *self)
{
  return pacte_field_row_get_instance_private (self);
}

gboolean
pacte_field_row_has_record (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  return priv->record != NULL && priv->field >= 0;
}

PacteRecord *
pacte_field_row_record (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  return priv->record;
}

guint
pacte_field_row_field (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  g_assert (priv->field >= 0);
  return (guint) priv->field;
}

PacteContext *
pacte_field_row_context (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  return priv->context;
}

const char *
pacte_field_row_get_unit (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  return priv->unit;
}

const char *
pacte_field_row_get_placeholder (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  return priv->placeholder;
}

void
pacte_field_row_set_updating (PacteFieldRow *self,
                              gboolean       updating)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  priv->updating = updating;
}

gboolean
pacte_field_row_is_updating (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  return priv->updating;
}

void
pacte_field_row_set_unjudged (PacteFieldRow *self,
                              gboolean       unjudged)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  priv->unjudged = unjudged;
}

/* ---- Errors --------------------------------------------------------------- */

void
pacte_field_row_show_error (PacteFieldRow *self,
                            const char    *message)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);
  GtkWidget *target = priv->editor;

  if (g_strcmp0 (priv->error, message) == 0)
    return;

  g_free (priv->error);
  priv->error = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (priv->error_label), message);
  gtk_revealer_set_reveal_child (GTK_REVEALER (priv->error_revealer), TRUE);
  gtk_widget_set_visible (priv->error_revealer, TRUE);
  if (target != NULL)
    {
      gtk_widget_add_css_class (target, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (target),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
}

void
pacte_field_row_clear_error (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);
  GtkWidget *target = priv->editor;

  if (priv->error == NULL)
    return;

  g_clear_pointer (&priv->error, g_free);
  gtk_revealer_set_reveal_child (GTK_REVEALER (priv->error_revealer), FALSE);
  gtk_widget_set_visible (priv->error_revealer, FALSE);
  if (target != NULL)
    {
      gtk_widget_remove_css_class (target, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

void
pacte_field_row_show_gerror (PacteFieldRow *self,
                             GError        *error)
{
  pacte_field_row_show_error (self, error->message);
}

void
pacte_field_row_commit_string (PacteFieldRow *self,
                               const char    *text)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  if (!pacte_record_set_string (priv->record, (guint) priv->field, text, &error))
    pacte_field_row_show_gerror (self, error);
  else
    pacte_field_row_clear_error (self);
}

/* ---- Entries ------------------------------------------------------------------ */

static void
commit_entry (PacteFieldRow *self,
              gboolean       finished)
{
  PACTE_FIELD_ROW_GET_CLASS (self)->commit (self, finished);
}

static gboolean
commit_empty_cb (gpointer user_data)
{
  PacteFieldRow *self = user_data;
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  priv->pending_empty_id = 0;
  if (pacte_field_row_has_record (self))
    commit_entry (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* Replacing the text of an entry or a text buffer (as assistive
 * technologies and gtk_editable_set_text() do) first empties it, then
 * inserts: an empty text is committed once the main loop is idle, unless
 * more text came. */
gboolean
pacte_field_row_defer_if_empty (PacteFieldRow *self,
                gboolean       empty)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  if (!empty)
    {
      g_clear_handle_id (&priv->pending_empty_id, g_source_remove);
      return FALSE;
    }
  if (priv->pending_empty_id == 0)
    priv->pending_empty_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, commit_empty_cb, self, NULL);
  return TRUE;
}

static void
entry_changed_cb (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  if (priv->updating || !pacte_field_row_has_record (self))
    return;
  if (pacte_field_row_defer_if_empty (self, gtk_editable_get_text (GTK_EDITABLE (priv->entry))[0] == '\0'))
    return;
  commit_entry (self, FALSE);
}

/* Leaving the entry (or Enter): the row finishes what typing left open
 * ("2027-0" becomes an error) and shows what was read in its usual form
 * ("nov 15" becomes "15/11/2026", "1234.5" becomes "1 234.5"). */
static void
entry_leave_cb (PacteFieldRow *self)
{
  if (!pacte_field_row_has_record (self))
    return;
  commit_entry (self, TRUE);
}

const char *
pacte_field_row_entry_text (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  return gtk_editable_get_text (GTK_EDITABLE (priv->entry));
}

void
pacte_field_row_set_entry_text (PacteFieldRow *self,
                                const char    *text)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  priv->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (priv->entry), text);
  priv->updating = FALSE;
}

GtkWidget *
pacte_field_row_add_entry (PacteFieldRow *self,
                           GtkBox        *box)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_return_val_if_fail (PACTE_FIELD_ROW_GET_CLASS (self)->commit != NULL, NULL);

  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  /* Ctrl+Z belongs to the document's history (named, grouped, shared by
   * every view).  The entry's own history would also hold the text the row
   * set when it was bound, so its undo emptied an untouched field. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (entry_leave_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (entry_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  gtk_box_append (box, entry);

  priv->entry = entry;
  priv->labelled_by_title = TRUE;
  gtk_label_set_mnemonic_widget (GTK_LABEL (priv->title_label), entry);
  pacte_field_row_set_editor (self, entry);
  return entry;
}

/* ---- Reading the model ------------------------------------------------------ */

void
pacte_field_row_sync_from_model (PacteFieldRow *self,
                                 gboolean       force)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self), pacte_field_row_has_record (self));
  priv->unjudged = FALSE;
  PACTE_FIELD_ROW_GET_CLASS (self)->sync (self, force);
}

static void
record_notify_cb (PacteFieldRow *self)
{
  pacte_field_row_sync_from_model (self, FALSE);
}

/* ---- Accessibility ---------------------------------------------------------- */

const char *
pacte_field_row_label (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  return priv->accessible_label ? priv->accessible_label
                                : adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
}

static void
apply_accessible_label (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);
  const char *label = pacte_field_row_label (self);

  if (priv->editor == NULL)
    return;
  /* An entry is labelled by its title through the mnemonic (labelled-by):
   * a "label" property as well would be read after it ("Name Name").  A
   * label of its own replaces the title. */
  if (priv->labelled_by_title)
    {
      if (priv->accessible_label != NULL)
        {
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (priv->editor), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gtk_accessible_update_property (GTK_ACCESSIBLE (priv->editor),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                          -1);
        }
      else
        {
          gtk_accessible_reset_property (GTK_ACCESSIBLE (priv->editor), GTK_ACCESSIBLE_PROPERTY_LABEL);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (priv->editor),
                                          GTK_ACCESSIBLE_RELATION_LABELLED_BY, priv->title_label, NULL,
                                          -1);
        }
    }
  else if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (priv->editor),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  if (label != NULL && PACTE_FIELD_ROW_GET_CLASS (self)->label_changed != NULL)
    PACTE_FIELD_ROW_GET_CLASS (self)->label_changed (self, label);
}

void
pacte_field_row_set_editor (PacteFieldRow *self,
                            GtkWidget     *editor)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  priv->editor = editor;
}

/* ---- Construction ---------------------------------------------------------- */

static void
ensure_css (void)
{
  static gboolean loaded;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/pacte/Pacte/ui/pacte-editors.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* The rows of one list (a group of fields) share the width of their titles:
 * the fields start at one line, also where a long title wraps (in French
 * « Achats du partenaire chez nous » and « Nos achats chez le partenaire »
 * wrapped to different widths and their entries did not align). */
static void
align_title (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkSizeGroup *group;

  if (list == NULL)
    return;
  group = g_object_get_data (G_OBJECT (list), "pacte-field-titles");
  if (group == NULL)
    {
      group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
      g_object_set_data_full (G_OBJECT (list), "pacte-field-titles", group, g_object_unref);
    }
  gtk_size_group_add_widget (group, priv->title_label);
}

static void
pacte_field_row_constructed (GObject *object)
{
  PacteFieldRow *self = PACTE_FIELD_ROW (object);
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);
  GtkWidget *content, *header, *revealer_box;

  G_OBJECT_CLASS (pacte_field_row_parent_class)->constructed (object);

  ensure_css ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "pacte-field-row");

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (content, "pacte-field-content");
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (content), header);

  priv->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (priv->title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (priv->title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (priv->title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (priv->title_label), 18);
  gtk_widget_set_valign (priv->title_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (priv->title_label, "pacte-field-title");
  g_object_bind_property (self, "title", priv->title_label, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (header), priv->title_label);

  PACTE_FIELD_ROW_GET_CLASS (self)->build (self, GTK_BOX (header), GTK_BOX (content));

  priv->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (priv->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (priv->error_label), TRUE);
  gtk_widget_add_css_class (priv->error_label, "error");
  gtk_widget_add_css_class (priv->error_label, "caption");
  revealer_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (revealer_box), priv->error_label);
  priv->error_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (priv->error_revealer), revealer_box);
  gtk_widget_set_visible (priv->error_revealer, FALSE);
  gtk_box_append (GTK_BOX (content), priv->error_revealer);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), content);

  g_signal_connect_swapped (self, "notify::title", G_CALLBACK (apply_accessible_label), self);
  g_signal_connect (self, "map", G_CALLBACK (align_title), NULL);
  apply_accessible_label (self);
  pacte_field_row_sync_from_model (self, TRUE);
}

static void
unbind_record (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  g_clear_handle_id (&priv->pending_empty_id, g_source_remove);
  if (priv->record != NULL)
    g_clear_signal_handler (&priv->notify_id, priv->record);
  if (priv->record != NULL && PACTE_FIELD_ROW_GET_CLASS (self)->bind != NULL)
    PACTE_FIELD_ROW_GET_CLASS (self)->bind (self, NULL);
  g_clear_object (&priv->record);
  priv->field = -1;
}

static void
pacte_field_row_dispose (GObject *object)
{
  PacteFieldRow *self = PACTE_FIELD_ROW (object);
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  unbind_record (self);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (pacte_field_row_parent_class)->dispose (object);
}

static void
pacte_field_row_finalize (GObject *object)
{
  PacteFieldRow *self = PACTE_FIELD_ROW (object);
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  g_free (priv->key);
  g_free (priv->unit);
  g_free (priv->placeholder);
  g_free (priv->accessible_label);
  g_free (priv->error);

  G_OBJECT_CLASS (pacte_field_row_parent_class)->finalize (object);
}

static void
pacte_field_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PacteFieldRow *self = PACTE_FIELD_ROW (object);
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, priv->key);
      break;
    case PROP_RECORD:
      g_value_set_object (value, priv->record);
      break;
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
      break;
    case PROP_UNIT:
      g_value_set_string (value, priv->unit);
      break;
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, priv->placeholder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_field_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PacteFieldRow *self = PACTE_FIELD_ROW (object);
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_KEY:
      priv->key = g_value_dup_string (value);
      break;
    case PROP_RECORD:
      pacte_field_row_set_record (self, g_value_get_object (value));
      break;
    case PROP_CONTEXT:
      pacte_field_row_set_context (self, g_value_get_object (value));
      break;
    case PROP_UNIT:
      pacte_field_row_set_unit (self, g_value_get_string (value));
      break;
    case PROP_PLACEHOLDER_TEXT:
      if (g_strcmp0 (priv->placeholder, g_value_get_string (value)) != 0)
        {
          g_free (priv->placeholder);
          priv->placeholder = g_value_dup_string (value);
          if (priv->entry != NULL)
            gtk_entry_set_placeholder_text (GTK_ENTRY (priv->entry), priv->placeholder);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_field_row_class_init (PacteFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pacte_field_row_constructed;
  object_class->dispose = pacte_field_row_dispose;
  object_class->finalize = pacte_field_row_finalize;
  object_class->get_property = pacte_field_row_get_property;
  object_class->set_property = pacte_field_row_set_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, PACTE_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PACTE_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pacte_field_row_init (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  priv->field = -1;
  priv->fixed_field = -1;
}

GtkWidget *
pacte_field_row_new (PacteFieldRowKind  kind,
                     const char        *key,
                     const char        *title)
{
  g_return_val_if_fail (key != NULL, NULL);

  return g_object_new (pacte_field_row_type_for_kind (kind),
                       "key", key,
                       "title", title,
                       "use-markup", FALSE,
                       NULL);
}

GtkWidget *
pacte_field_row_new_for_field (PacteFieldRowKind  kind,
                               guint              field,
                               const char        *title)
{
  PacteFieldRow *self = g_object_new (pacte_field_row_type_for_kind (kind),
                                      "title", title,
                                      "use-markup", FALSE,
                                      NULL);
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);

  priv->fixed_field = (int) field;
  return GTK_WIDGET (self);
}

/* "sponsor.engaged_on", "sponsor-engaged-on" and "sponsor_engaged_on" all
 * name the same field. */
static gboolean
same_key (const char *a,
          const char *b)
{
  for (; *a != '\0' && *b != '\0'; a++, b++)
    {
      char ca = (*a == '_' || *a == '.') ? '-' : *a;
      char cb = (*b == '_' || *b == '.') ? '-' : *b;

      if (ca != cb)
        return FALSE;
    }
  return *a == *b;
}

static int
find_field (GType       record_type,
            const char *key)
{
  g_autoptr(GTypeClass) type_class = g_type_class_ref (record_type);
  PacteRecordClass *klass = PACTE_RECORD_CLASS (type_class);

  for (guint i = 0; i < klass->n_fields; i++)
    if (g_strcmp0 (klass->fields[i].property, key) == 0)
      return (int) i;
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const PacteFieldInfo *info = &klass->fields[i];

      if ((info->property && same_key (info->property, key))
          || (info->json_path && same_key (info->json_path, key)))
        return (int) i;
    }
  return -1;
}

static int
row_field (PacteFieldRow *self,
           GType          record_type)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);
  g_autoptr(GTypeClass) type_class = NULL;

  if (priv->key != NULL)
    return find_field (record_type, priv->key);
  type_class = g_type_class_ref (record_type);
  if (priv->fixed_field >= 0 && (guint) priv->fixed_field < PACTE_RECORD_CLASS (type_class)->n_fields)
    return priv->fixed_field;
  return -1;
}

/* The record type tells the row which field it edits: its title is the
 * field table's label, and its class must be the one the table asks for
 * (a template naming another class is a mistake to see at once). */
static void
check_field (PacteFieldRow *self,
             GType          record_type,
             guint          field)
{
  PacteFieldRowPrivate *priv = pacte_field_row_get_instance_private (self);
  g_autoptr(GTypeClass) type_class = NULL;
  const PacteFieldInfo *info;
  PacteFieldRowKind wanted;

  if (priv->titled)
    return;
  priv->titled = TRUE;
  type_class = g_type_class_ref (record_type);
  info = &PACTE_RECORD_CLASS (type_class)->fields[field];
  if (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)) == NULL
      || adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self))[0] == '\0')
    {
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _(info->label));
    }
  wanted = pacte_field_row_kind_for_record_field (record_type, field);
  if (wanted != PACTE_FIELD_ROW_GET_CLASS (self)->kind)
    g_critical ("%s edits “%s” of %s, whose field table asks for a %s",
                G_OBJECT_TYPE_NAME (self), info->property, g_type_name (record_type),
                g_type_name (pacte_field_row_type_for_kind (wanted)));
}

void
pacte_field_row_set_record_type (PacteFieldRow *self,
                                 GType          record_type)
{
  int field;

  g_return_if_fail (PACTE_IS_FIELD_ROW (self));
  g_return_if_fail (g_type_is_a (record_type, PACTE_TYPE_RECORD));

  field = row_field (self, record_type);
  if (field < 0)
    {
      g_critical ("%s has no field “%s”", g_type_name (record_type),
                  pacte_field_row_get_key (self) ? pacte_field_row_get_key (self) : "(index)");
      return;
    }
  check_field (self, record_type, (guint) field);
}

void
pacte_field_row_set_record (PacteFieldRow *self,
                            PacteRecord   *record)
{
  PacteFieldRowPrivate *priv;
  g_autofree char *signal = NULL;
  int field = -1;

  g_return_if_fail (PACTE_IS_FIELD_ROW (self));
  g_return_if_fail (record == NULL || PACTE_IS_RECORD (record));

  priv = pacte_field_row_get_instance_private (self);
  if (record == priv->record)
    return;

  if (record != NULL)
    {
      field = row_field (self, G_OBJECT_TYPE (record));
      if (field < 0)
        {
          g_critical ("%s has no field “%s”", G_OBJECT_TYPE_NAME (record),
                      priv->key ? priv->key : "(index)");
          return;
        }
      check_field (self, G_OBJECT_TYPE (record), (guint) field);
    }

  unbind_record (self);
  if (record != NULL)
    {
      priv->record = g_object_ref (record);
      priv->field = field;
      signal = g_strconcat ("notify::", pacte_record_get_field_info (record, (guint) field)->property, NULL);
      priv->notify_id = g_signal_connect_swapped (record, signal, G_CALLBACK (record_notify_cb), self);
      if (PACTE_FIELD_ROW_GET_CLASS (self)->bind != NULL)
        PACTE_FIELD_ROW_GET_CLASS (self)->bind (self, record);
    }

  pacte_field_row_sync_from_model (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

PacteRecord *
pacte_field_row_get_record (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv;

  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), NULL);

  priv = pacte_field_row_get_instance_private (self);
  return priv->record;
}

void
pacte_field_row_set_context (PacteFieldRow *self,
                             PacteContext  *context)
{
  PacteFieldRowPrivate *priv;

  g_return_if_fail (PACTE_IS_FIELD_ROW (self));
  g_return_if_fail (context == NULL || PACTE_IS_CONTEXT (context));

  priv = pacte_field_row_get_instance_private (self);
  if (!g_set_object (&priv->context, context))
    return;
  /* Rows that use it (the partner chooser) read it from there. */
  if (PACTE_IS_PARTNERS_ROW (self))
    pacte_partners_row_context_changed (PACTE_PARTNERS_ROW (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

void
pacte_field_row_set_unit (PacteFieldRow *self,
                          const char    *unit)
{
  PacteFieldRowPrivate *priv;

  g_return_if_fail (PACTE_IS_FIELD_ROW (self));

  priv = pacte_field_row_get_instance_private (self);
  if (priv->unit == unit || g_strcmp0 (priv->unit, unit) == 0)
    return;
  g_free (priv->unit);
  priv->unit = g_strdup (unit);
  if (PACTE_IS_NUMBER_ROW (self))
    pacte_number_row_unit_changed (PACTE_NUMBER_ROW (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

PacteFieldRowKind
pacte_field_row_get_kind (PacteFieldRow *self)
{
  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), PACTE_FIELD_ROW_TEXT);

  return PACTE_FIELD_ROW_GET_CLASS (self)->kind;
}

const char *
pacte_field_row_get_key (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv;

  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), NULL);

  priv = pacte_field_row_get_instance_private (self);
  return priv->key;
}

void
pacte_field_row_set_accessible_label (PacteFieldRow *self,
                                      const char    *label)
{
  PacteFieldRowPrivate *priv;

  g_return_if_fail (PACTE_IS_FIELD_ROW (self));

  priv = pacte_field_row_get_instance_private (self);
  if (g_strcmp0 (priv->accessible_label, label) == 0)
    return;
  g_free (priv->accessible_label);
  priv->accessible_label = g_strdup (label);
  apply_accessible_label (self);
}

const char *
pacte_field_row_get_accessible_label (PacteFieldRow *self)
{
  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), NULL);

  return pacte_field_row_label (self);
}

GtkWidget *
pacte_field_row_get_editor (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv;

  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), NULL);

  priv = pacte_field_row_get_instance_private (self);
  return priv->editor;
}

gboolean
pacte_field_row_focus_editor (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv;

  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), FALSE);

  priv = pacte_field_row_get_instance_private (self);
  if (priv->editor == NULL)
    return FALSE;
  return pacte_reveal_widget (priv->editor, TRUE);
}

const char *
pacte_field_row_get_error (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv;

  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), NULL);

  priv = pacte_field_row_get_instance_private (self);
  return priv->error;
}

const char *
pacte_field_row_get_field_name (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv;

  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), NULL);

  priv = pacte_field_row_get_instance_private (self);
  if (!pacte_field_row_has_record (self))
    return NULL;
  return pacte_record_get_field_info (priv->record, (guint) priv->field)->property;
}

gboolean
pacte_field_row_has_unjudged_text (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv;

  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), FALSE);

  priv = pacte_field_row_get_instance_private (self);
  return priv->unjudged;
}

const char *
pacte_field_row_finish_editing (PacteFieldRow *self)
{
  PacteFieldRowPrivate *priv;

  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), NULL);

  priv = pacte_field_row_get_instance_private (self);
  if (priv->entry != NULL && pacte_field_row_has_record (self))
    {
      /* An emptied entry waits for idle: commit it now. */
      if (priv->pending_empty_id != 0)
        {
          g_clear_handle_id (&priv->pending_empty_id, g_source_remove);
          commit_entry (self, FALSE);
        }
      entry_leave_cb (self);
    }
  return priv->error;
}

void
pacte_field_row_discard_text (PacteFieldRow *self)
{
  g_return_if_fail (PACTE_IS_FIELD_ROW (self));

  pacte_field_row_clear_error (self);
  pacte_field_row_sync_from_model (self, TRUE);
}
