/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-merge-bar.c: the merge conflicts bar (pacte-merge-bar.h).  The rows
 * are rebuilt from the model (PacteMergeConflicts) whenever it changes:
 * after a resolution, an undo or a redo. */
#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "pacte-i18n.h"
#include "pacte-merge-bar.h"
#include "pacte-merge-conflicts.h"
#include "pacte-number.h"

struct _PacteMergeBar
{
  GtkWidget            parent_instance;
  GtkWidget           *info_bar;
  GtkWidget           *title_label;
  GtkWidget           *rows;
  PactePortfolio      *portfolio;
  PacteMergeConflicts *conflicts;
  gulong               changed_id;
};

G_DEFINE_FINAL_TYPE (PacteMergeBar, pacte_merge_bar, GTK_TYPE_WIDGET)

static void rebuild (PacteMergeBar *self);

static void
resolve (GtkButton *button,
         gboolean   take_theirs)
{
  PacteMergeBar *self = PACTE_MERGE_BAR (gtk_widget_get_ancestor (GTK_WIDGET (button), PACTE_TYPE_MERGE_BAR));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "conflict-index"));
  g_autoptr(GError) error = NULL;

  if (self == NULL || self->conflicts == NULL)
    return;
  if (!pacte_merge_conflicts_resolve (self->conflicts, index, take_theirs, &error))
    gtk_label_set_text (GTK_LABEL (self->title_label), error->message);
}

static void
keep_clicked_cb (GtkButton *button)
{
  resolve (button, FALSE);
}

static void
take_clicked_cb (GtkButton *button)
{
  resolve (button, TRUE);
}

/* ---- Edit: the user types the value ------------------------------------ */

/* The field's value as the user would type it (ours, the one the file holds). */
static char *
typed_value (PacteRecord *record,
             guint        field)
{
  switch (pacte_record_get_field_info (record, field)->kind)
    {
    case PACTE_FIELD_DATE:
      return pacte_date_format (pacte_record_get_date (record, field));
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      return pacte_number_format (pacte_record_get_number (record, field));
    case PACTE_FIELD_STRV:
      return g_strjoinv (", ", (char **) pacte_record_get_strv (record, field));
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
    case PACTE_FIELD_QUARTER:
    default:
      return g_strdup (pacte_record_get_string (record, field));
    }
}

typedef struct {
  PacteMergeBar *bar;     /* a reference */
  guint          index;
  GtkWidget     *entry;
  GtkWidget     *problem;
} EditDialog;

static void
edit_dialog_free (gpointer data)
{
  EditDialog *edit = data;

  g_object_unref (edit->bar);
  g_free (edit);
}

/* As the user types: what the field would refuse, said at once, and
 * "Resolve" only for a value it takes. */
static void
edit_changed_cb (GtkEditable *entry,
                 AdwMessageDialog *dialog)
{
  EditDialog *edit = g_object_get_data (G_OBJECT (dialog), "edit");
  g_autoptr(GError) error = NULL;
  gboolean ok = pacte_merge_conflicts_check_typed (edit->bar->conflicts, edit->index,
                                                   gtk_editable_get_text (entry), &error);

  gtk_label_set_text (GTK_LABEL (edit->problem), ok ? "" : error->message);
  gtk_widget_set_visible (edit->problem, !ok);
  adw_message_dialog_set_response_enabled (dialog, "resolve", ok);
}

static void
edit_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data G_GNUC_UNUSED)
{
  EditDialog *edit = g_object_get_data (G_OBJECT (dialog), "edit");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "resolve") || edit->bar->conflicts == NULL
      || edit->index >= pacte_merge_conflicts_get_n_conflicts (edit->bar->conflicts))
    return;
  if (!pacte_merge_conflicts_resolve_typed (edit->bar->conflicts, edit->index,
                                            gtk_editable_get_text (GTK_EDITABLE (edit->entry)), &error))
    gtk_label_set_text (GTK_LABEL (edit->bar->title_label), error->message);
}

static void
edit_clicked_cb (GtkButton *button)
{
  PacteMergeBar *self = PACTE_MERGE_BAR (gtk_widget_get_ancestor (GTK_WIDGET (button), PACTE_TYPE_MERGE_BAR));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "conflict-index"));
  const PacteMergeConflict *c;
  PacteRecord *record = NULL;
  guint field = 0;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *body = NULL;
  g_autofree char *value = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  EditDialog *edit;
  GtkRoot *root;

  if (self == NULL || self->conflicts == NULL
      || !pacte_merge_conflicts_get_field (self->conflicts, index, &record, &field))
    return;
  c = pacte_merge_conflicts_get_conflict (self->conflicts, index);
  ours = pacte_merge_value_text (c->ours, 60);
  theirs = pacte_merge_value_text (c->theirs, 60);
  /* Translators: the field's name, then where it is, our value, theirs. */
  body = g_strdup_printf (_("%s at %s\nOurs: %s\nTheirs: %s\nType the value to keep."),
                          _(pacte_record_get_field_info (record, field)->label), c->path, ours, theirs);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Edit the Conflicting Value"), NULL);
  /* Plain text: the path and the values come from the file. */
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);

  edit = g_new0 (EditDialog, 1);
  edit->bar = g_object_ref (self);
  edit->index = index;
  edit->entry = gtk_entry_new ();
  edit->problem = gtk_label_new (NULL);
  value = typed_value (record, field);
  gtk_editable_set_text (GTK_EDITABLE (edit->entry), value);
  gtk_entry_set_activates_default (GTK_ENTRY (edit->entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(pacte_record_get_field_info (record, field)->label), -1);
  gtk_label_set_wrap (GTK_LABEL (edit->problem), TRUE);
  gtk_widget_add_css_class (edit->problem, "error");
  gtk_widget_set_visible (edit->problem, FALSE);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), edit->entry);
  gtk_box_append (GTK_BOX (box), edit->problem);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data_full (G_OBJECT (dialog), "edit", edit, edit_dialog_free);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "resolve", _("_Resolve"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "resolve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "resolve");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (edit->entry, "changed", G_CALLBACK (edit_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (edit_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (edit->entry);
}

static GtkWidget *
conflict_row (PacteMergeBar *self,
              guint          index)
{
  const PacteMergeConflict *c = pacte_merge_conflicts_get_conflict (self->conflicts, index);
  g_autofree char *ours = pacte_merge_value_text (c->ours, 60);
  g_autofree char *theirs = pacte_merge_value_text (c->theirs, 60);
  /* Translators: a merge conflict: where, our value, their value. */
  g_autofree char *text = g_strdup_printf (_("%s: ours %s, theirs %s"), c->path, ours, theirs);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *keep = gtk_button_new_with_mnemonic (_("Keep _Ours"));
  GtkWidget *take = gtk_button_new_with_mnemonic (_("Take _Theirs"));

  /* Plain text: the path and the values come from the file. */
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), label);

  g_object_set_data (G_OBJECT (keep), "conflict-index", GUINT_TO_POINTER (index));
  gtk_widget_set_tooltip_text (keep, _("Keep the value the file holds, and mark this conflict resolved"));
  g_signal_connect (keep, "clicked", G_CALLBACK (keep_clicked_cb), NULL);
  gtk_box_append (GTK_BOX (row), keep);

  if (pacte_merge_conflicts_get_field (self->conflicts, index, NULL, NULL))
    {
      GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit…"));

      g_object_set_data (G_OBJECT (edit), "conflict-index", GUINT_TO_POINTER (index));
      gtk_widget_set_tooltip_text (edit, _("Type the value to keep, and mark this conflict resolved"));
      g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), NULL);
      gtk_box_append (GTK_BOX (row), edit);
    }

  if (pacte_merge_conflicts_can_take_theirs (self->conflicts, index))
    {
      g_object_set_data (G_OBJECT (take), "conflict-index", GUINT_TO_POINTER (index));
      gtk_widget_set_tooltip_text (take, _("Put their value in its place, and mark this conflict resolved"));
      g_signal_connect (take, "clicked", G_CALLBACK (take_clicked_cb), NULL);
      gtk_box_append (GTK_BOX (row), take);
    }
  else
    {
      GtkWidget *note = gtk_label_new (_("Their value cannot be put in here: copy what you need by hand, then keep ours."));

      g_object_ref_sink (take);
      g_object_unref (take);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (note), 30);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (row), note);
    }
  return row;
}

static void
rebuild (PacteMergeBar *self)
{
  GtkWidget *child;
  guint n = self->conflicts != NULL ? pacte_merge_conflicts_get_n_conflicts (self->conflicts) : 0;
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (self->rows)) != NULL)
    gtk_box_remove (GTK_BOX (self->rows), child);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->info_bar), n > 0);
  gtk_widget_set_visible (self->info_bar, n > 0);
  if (n == 0)
    {
      gtk_label_set_text (GTK_LABEL (self->title_label), "");
      return;
    }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u merge conflict", "%u merge conflicts", n), n);
  gtk_label_set_text (GTK_LABEL (self->title_label), title);
  for (guint i = 0; i < n; i++)
    gtk_box_append (GTK_BOX (self->rows), conflict_row (self, i));
}

static void
conflicts_changed_cb (PacteMergeBar *self)
{
  rebuild (self);
}

void
pacte_merge_bar_set_portfolio (PacteMergeBar  *self,
                               PactePortfolio *portfolio)
{
  g_return_if_fail (PACTE_IS_MERGE_BAR (self));

  if (self->conflicts != NULL)
    g_clear_signal_handler (&self->changed_id, self->conflicts);
  g_clear_object (&self->conflicts);
  g_set_object (&self->portfolio, portfolio);
  if (portfolio != NULL)
    {
      self->conflicts = g_object_ref (pacte_merge_conflicts_get (portfolio));
      self->changed_id = g_signal_connect_swapped (self->conflicts, "changed", G_CALLBACK (conflicts_changed_cb), self);
    }
  rebuild (self);
}

const char *
pacte_merge_bar_get_title (PacteMergeBar *self)
{
  g_return_val_if_fail (PACTE_IS_MERGE_BAR (self), "");
  return gtk_label_get_text (GTK_LABEL (self->title_label));
}

static void
pacte_merge_bar_dispose (GObject *object)
{
  PacteMergeBar *self = PACTE_MERGE_BAR (object);

  if (self->conflicts != NULL)
    g_clear_signal_handler (&self->changed_id, self->conflicts);
  g_clear_object (&self->conflicts);
  g_clear_object (&self->portfolio);
  g_clear_pointer (&self->info_bar, gtk_widget_unparent);
  G_OBJECT_CLASS (pacte_merge_bar_parent_class)->dispose (object);
}

static void
pacte_merge_bar_class_init (PacteMergeBarClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pacte_merge_bar_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
pacte_merge_bar_init (PacteMergeBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *hint = gtk_label_new (_("A git merge could not decide these values: the file holds ours. Choose for each."));

  self->info_bar = gtk_info_bar_new ();
  gtk_info_bar_set_message_type (GTK_INFO_BAR (self->info_bar), GTK_MESSAGE_WARNING);
  gtk_widget_set_parent (self->info_bar, GTK_WIDGET (self));
  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_widget_add_css_class (self->title_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  self->rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (box), self->title_label);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), self->rows);
  gtk_info_bar_add_child (GTK_INFO_BAR (self->info_bar), box);
  gtk_widget_set_visible (self->info_bar, FALSE);
}

GtkWidget *
pacte_merge_bar_new (void)
{
  return g_object_new (PACTE_TYPE_MERGE_BAR, NULL);
}
