/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-document-bar.c: changed or deleted on disk, Reload or Keep Mine. */
#include "config.h"

#include "pacte-document-bar.h"
#include "pacte-i18n.h"

struct _PacteDocumentBar
{
  GtkWidget       parent_instance;

  GtkInfoBar     *info_bar;
  GtkLabel       *title_label;
  GtkLabel       *detail_label;
  GtkButton      *reload_button;
  GtkButton      *keep_button;

  PacteFileWatch *watch;
  PacteDiskState  state;
};

G_DEFINE_FINAL_TYPE (PacteDocumentBar, pacte_document_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WATCH,
  PROP_STATE,
  N_PROPS
};

enum {
  SIGNAL_RELOAD,
  SIGNAL_KEEP_MINE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_state (PacteDocumentBar *self,
            PacteDiskState    state)
{
  if (self->state == state)
    return;

  self->state = state;

  switch (state)
    {
    case PACTE_DISK_STATE_CHANGED:
      gtk_label_set_text (self->title_label, _("The file was changed by another program"));
      gtk_label_set_text (self->detail_label,
                          _("Reload to see the other version, or keep yours and save it over theirs."));
      gtk_widget_set_visible (GTK_WIDGET (self->reload_button), TRUE);
      gtk_info_bar_set_message_type (self->info_bar, GTK_MESSAGE_WARNING);
      break;
    case PACTE_DISK_STATE_DELETED:
      gtk_label_set_text (self->title_label, _("The file was deleted"));
      gtk_label_set_text (self->detail_label,
                          _("Your version is still open: save it to write the file again."));
      /* Nothing on disk to reload. */
      gtk_widget_set_visible (GTK_WIDGET (self->reload_button), FALSE);
      gtk_info_bar_set_message_type (self->info_bar, GTK_MESSAGE_WARNING);
      break;
    case PACTE_DISK_STATE_SAME:
    default:
      break;
    }

  gtk_info_bar_set_revealed (self->info_bar, state != PACTE_DISK_STATE_SAME);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
watch_notify_state_cb (PacteFileWatch   *watch,
                       GParamSpec       *pspec,
                       PacteDocumentBar *self)
{
  show_state (self, pacte_file_watch_get_state (watch));
}

static void
reload_clicked_cb (PacteDocumentBar *self)
{
  g_signal_emit (self, signals[SIGNAL_RELOAD], 0);
}

static void
keep_clicked_cb (PacteDocumentBar *self)
{
  g_autoptr(PacteFileWatch) watch = self->watch ? g_object_ref (self->watch) : NULL;

  g_signal_emit (self, signals[SIGNAL_KEEP_MINE], 0);
  if (watch != NULL)
    pacte_file_watch_acknowledge (watch);
  else
    show_state (self, PACTE_DISK_STATE_SAME);
}

static void
pacte_document_bar_dispose (GObject *object)
{
  PacteDocumentBar *self = PACTE_DOCUMENT_BAR (object);

  pacte_document_bar_set_watch (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PACTE_TYPE_DOCUMENT_BAR);

  G_OBJECT_CLASS (pacte_document_bar_parent_class)->dispose (object);
}

static void
pacte_document_bar_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PacteDocumentBar *self = PACTE_DOCUMENT_BAR (object);

  switch (prop_id)
    {
    case PROP_WATCH:
      g_value_set_object (value, self->watch);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_document_bar_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PacteDocumentBar *self = PACTE_DOCUMENT_BAR (object);

  switch (prop_id)
    {
    case PROP_WATCH:
      pacte_document_bar_set_watch (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_document_bar_class_init (PacteDocumentBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacte_document_bar_dispose;
  object_class->get_property = pacte_document_bar_get_property;
  object_class->set_property = pacte_document_bar_set_property;

  properties[PROP_WATCH] =
    g_param_spec_object ("watch", NULL, NULL, PACTE_TYPE_FILE_WATCH,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, PACTE_TYPE_DISK_STATE, PACTE_DISK_STATE_SAME,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_RELOAD] =
    g_signal_new ("reload", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_KEEP_MINE] =
    g_signal_new ("keep-mine", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacte/Pacte/ui/pacte-document-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, PacteDocumentBar, info_bar);
  gtk_widget_class_bind_template_child (widget_class, PacteDocumentBar, title_label);
  gtk_widget_class_bind_template_child (widget_class, PacteDocumentBar, detail_label);
  gtk_widget_class_bind_template_child (widget_class, PacteDocumentBar, reload_button);
  gtk_widget_class_bind_template_child (widget_class, PacteDocumentBar, keep_button);
  gtk_widget_class_bind_template_callback (widget_class, reload_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, keep_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pacte_document_bar_init (PacteDocumentBar *self)
{
  self->state = PACTE_DISK_STATE_SAME;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pacte_document_bar_new (void)
{
  return g_object_new (PACTE_TYPE_DOCUMENT_BAR, NULL);
}

PacteFileWatch *
pacte_document_bar_get_watch (PacteDocumentBar *self)
{
  g_return_val_if_fail (PACTE_IS_DOCUMENT_BAR (self), NULL);

  return self->watch;
}

void
pacte_document_bar_set_watch (PacteDocumentBar *self,
                              PacteFileWatch   *watch)
{
  g_return_if_fail (PACTE_IS_DOCUMENT_BAR (self));
  g_return_if_fail (watch == NULL || PACTE_IS_FILE_WATCH (watch));

  if (self->watch == watch)
    return;

  if (self->watch != NULL)
    g_signal_handlers_disconnect_by_data (self->watch, self);
  g_set_object (&self->watch, watch);
  if (watch != NULL)
    g_signal_connect (watch, "notify::state", G_CALLBACK (watch_notify_state_cb), self);

  show_state (self, watch ? pacte_file_watch_get_state (watch) : PACTE_DISK_STATE_SAME);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WATCH]);
}

PacteDiskState
pacte_document_bar_get_state (PacteDocumentBar *self)
{
  g_return_val_if_fail (PACTE_IS_DOCUMENT_BAR (self), PACTE_DISK_STATE_SAME);

  return self->state;
}

const char *
pacte_document_bar_get_title (PacteDocumentBar *self)
{
  g_return_val_if_fail (PACTE_IS_DOCUMENT_BAR (self), "");

  return self->state == PACTE_DISK_STATE_SAME ? "" : gtk_label_get_text (self->title_label);
}
