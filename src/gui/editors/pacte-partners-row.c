/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-partners-row.c: partners, by name, chosen in a chooser. */
#include "config.h"

#include "pacte-field-row-private.h"
#include "pacte-i18n.h"
#include "pacte-partner-chooser.h"
#include "pacte-partners-row.h"

struct _PactePartnersRow
{
  PacteTagsRow    parent_instance;

  GtkWidget      *empty_label;
  GtkWidget      *chooser;
  PactePortfolio *portfolio;      /* watched for names */
  gulong          portfolio_id;
};

G_DEFINE_FINAL_TYPE (PactePartnersRow, pacte_partners_row, PACTE_TYPE_TAGS_ROW)

static PactePortfolio *
row_portfolio (PactePartnersRow *self)
{
  PacteContext *context = pacte_field_row_context (PACTE_FIELD_ROW (self));

  if (self->portfolio != NULL)
    return self->portfolio;
  return context != NULL ? pacte_context_get_portfolio (context) : NULL;
}

static char *
pacte_partners_row_display (PacteTagsRow *row,
                            const char   *value)
{
  PactePortfolio *portfolio = row_portfolio (PACTE_PARTNERS_ROW (row));
  PactePartner *partner = portfolio != NULL ? pacte_portfolio_find_partner (portfolio, value) : NULL;

  if (partner != NULL)
    {
      const char *name = pacte_record_get_string (PACTE_RECORD (partner), PACTE_PARTNER_NAME);

      if (name[0] != '\0')
        return g_strdup (name);
    }
  return g_strdup (value);
}

static void
pacte_partners_row_chips_changed (PacteTagsRow       *row,
                                  const char * const *values)
{
  PactePartnersRow *self = PACTE_PARTNERS_ROW (row);

  gtk_widget_set_visible (self->empty_label, values == NULL || values[0] == NULL);
  pacte_partner_chooser_set_excluded (PACTE_PARTNER_CHOOSER (self->chooser), values);
}

static void
partner_chosen_cb (PactePartnersRow *self,
                   const char       *id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "field.add-value", "s", id);
}

/* A partner of the row renamed: its chip says so. */
static void
record_changed_cb (PactePartnersRow *self,
                   PacteRecord      *owner,
                   PacteRecord      *record,
                   guint             field)
{
  PacteFieldRow *row = PACTE_FIELD_ROW (self);
  const char * const *ids;

  if (!pacte_field_row_has_record (row) || !PACTE_IS_PARTNER (record) || field != PACTE_PARTNER_NAME)
    return;
  ids = pacte_record_get_strv (pacte_field_row_record (row), pacte_field_row_field (row));
  if (ids != NULL && g_strv_contains (ids, pacte_record_get_string (record, PACTE_PARTNER_ID)))
    pacte_tags_row_update_chips (PACTE_TAGS_ROW (self));
}

static void
unwatch (PactePartnersRow *self)
{
  if (self->portfolio != NULL)
    g_clear_signal_handler (&self->portfolio_id, self->portfolio);
  g_clear_object (&self->portfolio);
}

static void
pacte_partners_row_bind (PacteFieldRow *row,
                         PacteRecord   *record)
{
  PactePartnersRow *self = PACTE_PARTNERS_ROW (row);
  PactePortfolio *portfolio;

  portfolio = record != NULL ? pacte_record_get_portfolio (record) : NULL;
  if (record != NULL && portfolio == NULL && pacte_field_row_context (row) != NULL)
    portfolio = pacte_context_get_portfolio (pacte_field_row_context (row));
  /* Another plan of the same portfolio: the watch stays. */
  if (portfolio == self->portfolio)
    return;
  unwatch (self);
  if (portfolio != NULL)
    {
      self->portfolio = g_object_ref (portfolio);
      self->portfolio_id = g_signal_connect_swapped (portfolio, "record-changed",
                                                     G_CALLBACK (record_changed_cb), self);
    }
}

void
pacte_partners_row_context_changed (PactePartnersRow *self)
{
  g_return_if_fail (PACTE_IS_PARTNERS_ROW (self));

  pacte_partner_chooser_set_context (PACTE_PARTNER_CHOOSER (self->chooser),
                                     pacte_field_row_context (PACTE_FIELD_ROW (self)));
}

static void
pacte_partners_row_build (PacteFieldRow *row,
                          GtkBox        *header,
                          GtkBox        *content)
{
  PactePartnersRow *self = PACTE_PARTNERS_ROW (row);
  GtkWidget *content_box = adw_button_content_new ();
  GtkWidget *button = gtk_menu_button_new ();

  gtk_widget_set_hexpand (pacte_field_row_get_private (row)->title_label, TRUE);
  self->empty_label = gtk_label_new (_("None chosen yet"));
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (content, self->empty_label);

  self->chooser = pacte_partner_chooser_new ();
  g_signal_connect_swapped (self->chooser, "partner-chosen", G_CALLBACK (partner_chosen_cb), self);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content_box), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content_box), _("Add Partner…"));
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), content_box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), self->chooser);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (header, button);
  pacte_field_row_set_editor (row, button);

  pacte_tags_row_add_chips (PACTE_TAGS_ROW (self), content);
}

static void
pacte_partners_row_dispose (GObject *object)
{
  unwatch (PACTE_PARTNERS_ROW (object));

  G_OBJECT_CLASS (pacte_partners_row_parent_class)->dispose (object);
}

static void
pacte_partners_row_class_init (PactePartnersRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PacteFieldRowClass *row_class = PACTE_FIELD_ROW_CLASS (klass);
  PacteTagsRowClass *tags_class = PACTE_TAGS_ROW_CLASS (klass);

  object_class->dispose = pacte_partners_row_dispose;
  row_class->kind = PACTE_FIELD_ROW_PARTNERS;
  row_class->build = pacte_partners_row_build;
  row_class->bind = pacte_partners_row_bind;
  row_class->commit = NULL;
  tags_class->display = pacte_partners_row_display;
  tags_class->chips_changed = pacte_partners_row_chips_changed;
}

static void
pacte_partners_row_init (PactePartnersRow *self)
{
}
