/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-partner-chooser.c: pick a partner by name. */
#include "config.h"

#include "pacte-i18n.h"
#include "pacte-name-sorter.h"
#include "pacte-partner-chooser.h"

struct _PactePartnerChooser
{
  GtkPopover          parent_instance;

  PacteContext       *context;
  GHashTable         *excluded;      /* id -> NULL */
  char               *search;        /* casefolded, or NULL */

  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;      /* made when first shown */
  gboolean            stale;         /* the exclusion changed while hidden */

  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (PactePartnerChooser, pacte_partner_chooser, GTK_TYPE_POPOVER)

enum {
  PARTNER_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
partner_matches (gpointer item,
                 gpointer user_data)
{
  PactePartnerChooser *self = user_data;
  PacteRecord *partner = item;
  const char *id = pacte_record_get_string (partner, PACTE_PARTNER_ID);
  const char *name;
  g_autofree char *unaccented = NULL;
  g_autofree char *folded = NULL;

  if (g_hash_table_contains (self->excluded, id))
    return FALSE;
  if (self->search == NULL || self->search[0] == '\0')
    return TRUE;

  name = pacte_record_get_string (partner, PACTE_PARTNER_NAME);
  unaccented = pacte_name_fold (name);
  folded = g_utf8_casefold (unaccented, -1);
  /* A substring anywhere ignoring accents and case, as the window's lists
   * search ("zephyr" finds "Zéphyr"), or the start of words in any order. */
  return strstr (folded, self->search) != NULL
         || g_str_match_string (self->search, name, TRUE);
}

static void
update_stack (PactePartnerChooser *self)
{
  guint n = self->filtered != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
refilter (PactePartnerChooser *self)
{
  self->stale = FALSE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

/* The partners sorted by name and filtered, made when the chooser is first
 * needed: a window that never adds a partner does not sort 10,000 names,
 * and a plan switch (a new exclusion) does not filter them while the
 * chooser is closed. */
static void
ensure_model (PactePartnerChooser *self)
{
  g_autoptr(GtkSorter) sorter = NULL;
  GtkSortListModel *sorted;
  GtkNoSelection *selection;

  if (self->filtered == NULL && self->context != NULL)
    {
      /* Sorted by name, so a long list reads like a directory. */
      sorter = pacte_name_sorter_new (PACTE_TYPE_PARTNER);
      sorted = gtk_sort_list_model_new (g_object_ref (pacte_portfolio_get_partners (pacte_context_get_portfolio (self->context))),
                                        g_object_ref (sorter));
      self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (sorted), g_object_ref (GTK_FILTER (self->filter)));
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
      g_object_unref (selection);
      self->stale = FALSE;
      update_stack (self);
    }
  if (self->stale)
    refilter (self);
}

static void
search_changed_cb (PactePartnerChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *unaccented = pacte_name_fold (text);

  g_clear_pointer (&self->search, g_free);
  self->search = g_utf8_casefold (unaccented, -1);
  refilter (self);
}

static void
choose_position (PactePartnerChooser *self,
                 guint                position)
{
  g_autoptr(PacteRecord) partner = NULL;
  g_autofree char *id = NULL;

  if (self->filtered == NULL)
    return;
  partner = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (partner == NULL)
    return;
  /* Copy: the handler may change the exclusion and so the filter. */
  id = g_strdup (pacte_record_get_string (partner, PACTE_PARTNER_ID));
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[PARTNER_CHOSEN], 0, id);
}

static void
search_activate_cb (PactePartnerChooser *self)
{
  /* Enter picks the first match, as in most search popovers. */
  choose_position (self, 0);
}

static void
list_activate_cb (PactePartnerChooser *self,
                  guint                position)
{
  choose_position (self, position);
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  PacteRecord *partner = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  const char *segment = pacte_record_get_string (partner, PACTE_PARTNER_SEGMENT);
  const char *label = pacte_record_get_string (partner, PACTE_PARTNER_LABEL);
  const char *text = pacte_record_get_string (partner, PACTE_PARTNER_NAME);
  g_autofree char *details = NULL;

  gtk_label_set_text (GTK_LABEL (name), text[0] ? text : pacte_record_get_string (partner, PACTE_PARTNER_ID));
  if (segment[0] && label[0])
    details = g_strdup_printf ("%s · %s", pacte_choice_display_name (segment), label);
  else if (segment[0])
    details = g_strdup (pacte_choice_display_name (segment));
  else
    details = g_strdup (label);
  gtk_label_set_text (GTK_LABEL (detail), details);
  gtk_widget_set_visible (detail, details[0] != '\0');
}

static void
pacte_partner_chooser_dispose (GObject *object)
{
  PactePartnerChooser *self = PACTE_PARTNER_CHOOSER (object);

  gtk_popover_set_child (GTK_POPOVER (self), NULL);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pacte_partner_chooser_parent_class)->dispose (object);
}

static void
pacte_partner_chooser_finalize (GObject *object)
{
  PactePartnerChooser *self = PACTE_PARTNER_CHOOSER (object);

  g_hash_table_unref (self->excluded);
  g_free (self->search);

  G_OBJECT_CLASS (pacte_partner_chooser_parent_class)->finalize (object);
}

static void
pacte_partner_chooser_show (GtkWidget *widget)
{
  PactePartnerChooser *self = PACTE_PARTNER_CHOOSER (widget);

  ensure_model (self);
  GTK_WIDGET_CLASS (pacte_partner_chooser_parent_class)->show (widget);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  update_stack (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
pacte_partner_chooser_class_init (PactePartnerChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacte_partner_chooser_dispose;
  object_class->finalize = pacte_partner_chooser_finalize;
  widget_class->show = pacte_partner_chooser_show;

  signals[PARTNER_CHOSEN] =
    g_signal_new ("partner-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacte/Pacte/ui/pacte-partner-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, PactePartnerChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PactePartnerChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, PactePartnerChooser, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

static void
pacte_partner_chooser_init (PactePartnerChooser *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->filter = gtk_custom_filter_new (partner_matches, self, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}

GtkWidget *
pacte_partner_chooser_new (void)
{
  return g_object_new (PACTE_TYPE_PARTNER_CHOOSER, NULL);
}

void
pacte_partner_chooser_set_context (PactePartnerChooser *self,
                                   PacteContext        *context)
{
  g_return_if_fail (PACTE_IS_PARTNER_CHOOSER (self));
  g_return_if_fail (context == NULL || PACTE_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  g_clear_object (&self->filtered);
  gtk_list_view_set_model (self->list_view, NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    ensure_model (self);
  update_stack (self);
}

void
pacte_partner_chooser_set_excluded (PactePartnerChooser *self,
                                    const char * const  *ids)
{
  g_return_if_fail (PACTE_IS_PARTNER_CHOOSER (self));

  g_hash_table_remove_all (self->excluded);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (self->excluded, g_strdup (ids[i]));
  if (self->filtered == NULL)
    return;
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    refilter (self);
  else
    self->stale = TRUE;
}

guint
pacte_partner_chooser_get_n_shown (PactePartnerChooser *self)
{
  g_return_val_if_fail (PACTE_IS_PARTNER_CHOOSER (self), 0);

  ensure_model (self);
  return self->filtered ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;
}

void
pacte_partner_chooser_set_search (PactePartnerChooser *self,
                                  const char          *text)
{
  g_return_if_fail (PACTE_IS_PARTNER_CHOOSER (self));

  ensure_model (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  search_changed_cb (self);
}
