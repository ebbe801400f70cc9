/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-switch-row.c: a yes/no field. */
#include "config.h"

#include "pacte-field-row-private.h"
#include "pacte-switch-row.h"

struct _PacteSwitchRow
{
  PacteFieldRow  parent_instance;

  GtkSwitch     *toggle;
};

G_DEFINE_FINAL_TYPE (PacteSwitchRow, pacte_switch_row, PACTE_TYPE_FIELD_ROW)

static void
active_cb (PacteSwitchRow *self)
{
  PacteFieldRow *row = PACTE_FIELD_ROW (self);
  g_autoptr(GError) error = NULL;

  if (pacte_field_row_is_updating (row) || !pacte_field_row_has_record (row))
    return;
  if (!pacte_record_set_boolean (pacte_field_row_record (row), pacte_field_row_field (row),
                                 gtk_switch_get_active (self->toggle) ? 1 : 0, &error))
    pacte_field_row_show_gerror (row, error);
}

static void
pacte_switch_row_build (PacteFieldRow *row,
                        GtkBox        *header,
                        GtkBox        *content)
{
  PacteSwitchRow *self = PACTE_SWITCH_ROW (row);

  gtk_widget_set_hexpand (pacte_field_row_get_private (row)->title_label, TRUE);
  self->toggle = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->toggle), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->toggle, "notify::active", G_CALLBACK (active_cb), self);
  gtk_box_append (header, GTK_WIDGET (self->toggle));
  pacte_field_row_set_editor (row, GTK_WIDGET (self->toggle));
}

static void
pacte_switch_row_sync (PacteFieldRow *row,
                       gboolean       force)
{
  PacteSwitchRow *self = PACTE_SWITCH_ROW (row);
  gboolean active = pacte_field_row_has_record (row)
                    && pacte_record_get_boolean (pacte_field_row_record (row), pacte_field_row_field (row)) == 1;

  if (gtk_switch_get_active (self->toggle) != active)
    {
      pacte_field_row_set_updating (row, TRUE);
      gtk_switch_set_active (self->toggle, active);
      pacte_field_row_set_updating (row, FALSE);
    }
}

static void
pacte_switch_row_class_init (PacteSwitchRowClass *klass)
{
  PacteFieldRowClass *row_class = PACTE_FIELD_ROW_CLASS (klass);

  row_class->kind = PACTE_FIELD_ROW_BOOLEAN;
  row_class->build = pacte_switch_row_build;
  row_class->sync = pacte_switch_row_sync;
}

static void
pacte_switch_row_init (PacteSwitchRow *self)
{
}
