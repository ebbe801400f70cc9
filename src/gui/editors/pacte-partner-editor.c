/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-partner-editor.c: every field of a partner, edited in place. */
#include "config.h"

#include "pacte-editor-rows.h"
#include "pacte-field-row.h"
#include "pacte-i18n.h"
#include "pacte-list-section.h"
#include "pacte-partner-360.h"
#include "pacte-partner-editor.h"

struct _PactePartnerEditor
{
  AdwBin              parent_instance;

  PacteContext       *context;
  PactePartner       *partner;

  GPtrArray          *field_rows;

  GtkStack           *stack;
  AdwPreferencesPage *page;
  PacteListSection   *contacts_section;
  PacteFieldRow      *buys_row;
  PacteFieldRow      *sells_row;
  PactePartner360    *partner_360;  /* its plans, actions, events, figures */
};

G_DEFINE_FINAL_TYPE (PactePartnerEditor, pacte_partner_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PARTNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pacte_partner_editor_constructed (GObject *object)
{
  PactePartnerEditor *self = PACTE_PARTNER_EDITOR (object);
  const char *currency;

  G_OBJECT_CLASS (pacte_partner_editor_parent_class)->constructed (object);

  g_return_if_fail (self->context != NULL);

  currency = pacte_portfolio_get_currency (pacte_context_get_portfolio (self->context));
  for (guint i = 0; i < self->field_rows->len; i++)
    pacte_field_row_set_context (g_ptr_array_index (self->field_rows, i), self->context);
  pacte_list_section_set_context (self->contacts_section, self->context);
  pacte_field_row_set_unit (self->buys_row, currency);
  pacte_field_row_set_unit (self->sells_row, currency);
  pacte_partner_360_set_context (self->partner_360, self->context);
}

static void
pacte_partner_editor_dispose (GObject *object)
{
  PactePartnerEditor *self = PACTE_PARTNER_EDITOR (object);

  g_clear_object (&self->partner);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pacte_partner_editor_parent_class)->dispose (object);
}

static void
pacte_partner_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PactePartnerEditor *self = PACTE_PARTNER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_PARTNER:
      g_value_set_object (value, self->partner);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_partner_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PactePartnerEditor *self = PACTE_PARTNER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_PARTNER:
      pacte_partner_editor_set_partner (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pacte_partner_editor_class_init (PactePartnerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pacte_partner_editor_constructed;
  object_class->dispose = pacte_partner_editor_dispose;
  object_class->get_property = pacte_partner_editor_get_property;
  object_class->set_property = pacte_partner_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, PACTE_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER] =
    g_param_spec_object ("partner", NULL, NULL, PACTE_TYPE_PARTNER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PACTE_TYPE_FIELD_ROW);
  g_type_ensure (PACTE_TYPE_LIST_SECTION);
  g_type_ensure (PACTE_TYPE_PARTNER_360);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacte/Pacte/ui/pacte-partner-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PactePartnerEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, PactePartnerEditor, page);
  gtk_widget_class_bind_template_child (widget_class, PactePartnerEditor, contacts_section);
  gtk_widget_class_bind_template_child (widget_class, PactePartnerEditor, buys_row);
  gtk_widget_class_bind_template_child (widget_class, PactePartnerEditor, sells_row);
  gtk_widget_class_bind_template_child (widget_class, PactePartnerEditor, partner_360);
}

static void
pacte_partner_editor_init (PactePartnerEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_rows = g_ptr_array_new ();
  pacte_editor_collect_rows (GTK_WIDGET (self->page), self->field_rows, NULL);
}

GtkWidget *
pacte_partner_editor_new (PacteContext *ctx)
{
  g_return_val_if_fail (PACTE_IS_CONTEXT (ctx), NULL);

  return g_object_new (PACTE_TYPE_PARTNER_EDITOR, "context", ctx, NULL);
}

void
pacte_partner_editor_set_partner (PactePartnerEditor *self,
                                  PactePartner       *partner)
{
  g_return_if_fail (PACTE_IS_PARTNER_EDITOR (self));
  g_return_if_fail (partner == NULL || PACTE_IS_PARTNER (partner));

  if (!g_set_object (&self->partner, partner))
    return;

  for (guint i = 0; i < self->field_rows->len; i++)
    pacte_field_row_set_record (g_ptr_array_index (self->field_rows, i), PACTE_RECORD (partner));
  pacte_list_section_set_record (self->contacts_section, PACTE_RECORD (partner));
  pacte_partner_360_set_partner (self->partner_360, partner);

  gtk_stack_set_visible_child_name (self->stack, partner != NULL ? "editor" : "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNER]);
}

PactePartner *
pacte_partner_editor_get_partner (PactePartnerEditor *self)
{
  g_return_val_if_fail (PACTE_IS_PARTNER_EDITOR (self), NULL);

  return self->partner;
}

GtkWidget *
pacte_partner_editor_get_field_row (PactePartnerEditor *self,
                                    const char         *key)
{
  g_return_val_if_fail (PACTE_IS_PARTNER_EDITOR (self), NULL);

  return pacte_editor_find_field_row (self->field_rows, key);
}

GtkWidget *
pacte_partner_editor_get_contacts (PactePartnerEditor *self)
{
  g_return_val_if_fail (PACTE_IS_PARTNER_EDITOR (self), NULL);

  return GTK_WIDGET (self->contacts_section);
}

gboolean
pacte_partner_editor_reveal_fix (PactePartnerEditor *self,
                                 PacteFixKind        kind,
                                 PacteRecord        *record,
                                 const char         *field)
{
  g_autoptr(GPtrArray) sections = NULL;

  g_return_val_if_fail (PACTE_IS_PARTNER_EDITOR (self), FALSE);

  if (self->partner == NULL || record == NULL
      || pacte_record_get_owner (record) != PACTE_RECORD (self->partner))
    return FALSE;
  sections = g_ptr_array_new ();
  g_ptr_array_add (sections, self->contacts_section);
  return pacte_editor_reveal_fix (self->field_rows, sections, kind, record, field);
}

GtkWidget *
pacte_partner_editor_get_partner_360 (PactePartnerEditor *self)
{
  g_return_val_if_fail (PACTE_IS_PARTNER_EDITOR (self), NULL);

  return GTK_WIDGET (self->partner_360);
}
