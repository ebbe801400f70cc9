/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pacte-list-search.h"
#include "pacte-i18n.h"
#include "pacte-partner-row.h"

struct _PactePartnerRow
{
  GtkBox        parent_instance;

  PactePartner *partner;

  GtkLabel     *name_label;
  GtkLabel     *detail_label;
};

G_DEFINE_FINAL_TYPE (PactePartnerRow, pacte_partner_row, GTK_TYPE_BOX)

static void
update_partner (PactePartnerRow *self)
{
  PacteRecord *record = PACTE_RECORD (self->partner);
  const char *name = pacte_record_get_string (record, PACTE_PARTNER_NAME);
  const char *segment = pacte_record_get_string (record, PACTE_PARTNER_SEGMENT);
  const char *label = pacte_record_get_string (record, PACTE_PARTNER_LABEL);
  g_autofree char *detail = NULL;

  segment = *segment != '\0' ? pacte_choice_display_name (segment) : _("No segment");
  if (*label != '\0')
    /* Translators: partner row detail: "Technology · gold" (segment · label) */
    detail = g_strdup_printf (_("%s · %s"), segment, label);
  else
    detail = g_strdup (segment);

  gtk_label_set_label (self->name_label, *name != '\0' ? name : _("Unnamed partner"));
  gtk_label_set_label (self->detail_label, detail);
}

void
pacte_partner_row_bind (PactePartnerRow *self,
                        PactePartner    *partner)
{
  g_return_if_fail (PACTE_IS_PARTNER_ROW (self));
  g_return_if_fail (partner == NULL || PACTE_IS_PARTNER (partner));

  if (self->partner != NULL)
    g_signal_handlers_disconnect_by_data (self->partner, self);
  g_clear_object (&self->partner);
  if (partner == NULL)
    return;

  self->partner = g_object_ref (partner);
  g_signal_connect_swapped (partner, "notify::name", G_CALLBACK (update_partner), self);
  g_signal_connect_swapped (partner, "notify::segment", G_CALLBACK (update_partner), self);
  g_signal_connect_swapped (partner, "notify::label", G_CALLBACK (update_partner), self);
  update_partner (self);
}

PactePartner *
pacte_partner_row_get_partner (PactePartnerRow *self)
{
  g_return_val_if_fail (PACTE_IS_PARTNER_ROW (self), NULL);
  return self->partner;
}

static void
pacte_partner_row_dispose (GObject *object)
{
  PactePartnerRow *self = PACTE_PARTNER_ROW (object);

  pacte_partner_row_bind (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PACTE_TYPE_PARTNER_ROW);
  G_OBJECT_CLASS (pacte_partner_row_parent_class)->dispose (object);
}

static void
pacte_partner_row_class_init (PactePartnerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacte_partner_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacte/Pacte/ui/pacte-partner-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PactePartnerRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, PactePartnerRow, detail_label);
}

static void
pacte_partner_row_init (PactePartnerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pacte_label_tooltip_when_cut (self->name_label);
}

GtkWidget *
pacte_partner_row_new (void)
{
  return g_object_new (PACTE_TYPE_PARTNER_ROW, NULL);
}
