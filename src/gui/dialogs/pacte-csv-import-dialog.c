/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-csv-import-dialog.c: the CSV import dialog.  The reading, the
 * guess, the plan and the undo step are src/core/csv's: this file only
 * shows them and lets the user change the mapping. */
#include "config.h"

#include "pacte-csv-import-dialog.h"
#include "pacte-csv.h"
#include "pacte-i18n.h"

/* The preview lists this many partners; the counts say the rest. */
#define MAX_PREVIEW_ROWS 200

struct _PacteCsvImportDialog
{
  AdwWindow        parent_instance;

  PactePortfolio  *portfolio;
  PacteCsvTable   *table;
  PacteCsvMapping *mapping;
  PacteCsvPlan    *plan;
  char            *error;
  GPtrArray       *column_rows;   /* AdwComboRow, one per column */
  GPtrArray       *preview_rows;  /* in preview_group */
  GtkFileChooserNative *chooser;

  /* template */
  GtkWidget            *import_button;
  AdwActionRow         *file_row;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *columns_group;
  AdwPreferencesGroup  *preview_group;
};

G_DEFINE_FINAL_TYPE (PacteCsvImportDialog, pacte_csv_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
show_error (PacteCsvImportDialog *self,
            const char           *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
clear_preview (PacteCsvImportDialog *self)
{
  for (guint i = 0; i < self->preview_rows->len; i++)
    adw_preferences_group_remove (self->preview_group, g_ptr_array_index (self->preview_rows, i));
  g_ptr_array_set_size (self->preview_rows, 0);
}

static const char *
field_label (guint field)
{
  return _(pacte_csv_field_info (field)->label);
}

static GtkWidget *
preview_row (const PacteCsvEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GString *subtitle = g_string_new (NULL);
  g_autofree char *text = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 pacte_record_get_string (PACTE_RECORD (entry->partner), PACTE_PARTNER_NAME));
  g_string_append_printf (subtitle, entry->is_new ? _("New partner (row %u)") : _("Updated (row %u)"),
                          entry->row_number);
  for (guint i = 0; i < entry->changes->len; i++)
    {
      PacteCsvChange *change = g_ptr_array_index (entry->changes, i);

      g_string_append_c (subtitle, '\n');
      if (entry->is_new)
        /* Translators: a field of a partner the import adds: "Sectors: Retail". */
        g_string_append_printf (subtitle, _("%s: %s"), field_label (change->field), change->after);
      else
        /* Translators: a field the import changes: "Sectors: Retail → Retail; Food". */
        g_string_append_printf (subtitle, _("%s: %s → %s"), field_label (change->field),
                                *change->before != '\0' ? change->before : "—", change->after);
    }
  text = g_string_free (subtitle, FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  gtk_widget_add_css_class (row, "property");
  gtk_widget_set_name (row, entry->is_new ? "added" : "updated");
  return row;
}

/* The plan for the current mapping, and its preview. */
static void
update_plan (PacteCsvImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  guint added, updated, unchanged;

  g_clear_pointer (&self->plan, pacte_csv_plan_free);
  clear_preview (self);
  show_error (self, NULL);
  gtk_widget_set_sensitive (self->import_button, FALSE);
  if (self->table == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->preview_group), FALSE);
      return;
    }

  self->plan = pacte_csv_plan_new (self->portfolio, self->table, self->mapping, &error);
  if (self->plan == NULL)
    {
      show_error (self, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->preview_group), FALSE);
      return;
    }
  added = pacte_csv_plan_get_n_added (self->plan);
  updated = pacte_csv_plan_get_n_updated (self->plan);
  unchanged = pacte_csv_plan_get_n_unchanged (self->plan);
  {
    g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u partner will be added",
                                                       "%u partners will be added", added), added);
    g_autofree char *u = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u will be updated",
                                                       "%u will be updated", updated), updated);
    g_autofree char *n = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged",
                                                       "%u unchanged", unchanged), unchanged);

    /* Translators: the counts of an import: "2 partners added, 1 updated, 9 unchanged." */
    description = g_strdup_printf (_("%s, %s, %s."), a, u, n);
  }
  adw_preferences_group_set_description (self->preview_group, description);
  for (guint i = 0; i < pacte_csv_plan_get_n_entries (self->plan) && i < MAX_PREVIEW_ROWS; i++)
    {
      GtkWidget *row = preview_row (pacte_csv_plan_get_entry (self->plan, i));

      adw_preferences_group_add (self->preview_group, row);
      g_ptr_array_add (self->preview_rows, row);
    }
  if (pacte_csv_plan_get_n_entries (self->plan) > MAX_PREVIEW_ROWS)
    {
      guint more = pacte_csv_plan_get_n_entries (self->plan) - MAX_PREVIEW_ROWS;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more partner",
                                                            "And %u more partners", more), more);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_preferences_group_add (self->preview_group, row);
      g_ptr_array_add (self->preview_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), TRUE);
  gtk_widget_set_sensitive (self->import_button, pacte_csv_plan_get_n_entries (self->plan) > 0);
}

static void
on_column_changed (AdwComboRow          *row,
                   GParamSpec           *pspec G_GNUC_UNUSED,
                   PacteCsvImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);
  guint n_fields;
  const guint *fields = pacte_csv_import_fields (&n_fields);
  int field = selected == 0 || selected > n_fields ? PACTE_CSV_IGNORE : (int) fields[selected - 1];

  if (self->mapping == NULL || pacte_csv_mapping_get_field (self->mapping, column) == field)
    return;
  pacte_csv_mapping_set_field (self->mapping, column, field);
  /* A field goes to one column: the column that had it shows Ignore. */
  for (guint c = 0; c < self->column_rows->len; c++)
    {
      AdwComboRow *other = g_ptr_array_index (self->column_rows, c);

      if (c != column && pacte_csv_mapping_get_field (self->mapping, c) == PACTE_CSV_IGNORE
          && adw_combo_row_get_selected (other) != 0)
        {
          g_signal_handlers_block_by_func (other, on_column_changed, self);
          adw_combo_row_set_selected (other, 0);
          g_signal_handlers_unblock_by_func (other, on_column_changed, self);
        }
    }
  update_plan (self);
}

static guint
field_position (int field)
{
  guint n_fields;
  const guint *fields = pacte_csv_import_fields (&n_fields);

  for (guint i = 0; i < n_fields; i++)
    if ((int) fields[i] == field)
      return i + 1;
  return 0;
}

/* An example of the column's content, for its row's subtitle. */
static char *
column_example (PacteCsvTable *table,
                guint          column)
{
  for (guint r = 0; r < pacte_csv_table_get_n_rows (table) && r < 50; r++)
    {
      const char *cell = pacte_csv_table_get_cell (table, r, column);

      if (*cell != '\0')
        {
          g_autofree char *line = g_strndup (cell, strcspn (cell, "\r\n"));
          g_autofree char *shown = g_utf8_strlen (line, -1) > 60
                                   ? g_strconcat (g_utf8_substring (line, 0, 60), "…", NULL)
                                   : g_strdup (line);

          /* Translators: an example of a CSV column's content. */
          return g_strdup_printf (_("e.g. %s"), shown);
        }
    }
  return g_strdup (_("Empty column"));
}

static void
build_columns (PacteCsvImportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n_fields;
  const guint *fields = pacte_csv_import_fields (&n_fields);

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);
  if (self->table == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->columns_group), FALSE);
      return;
    }

  gtk_string_list_append (labels, C_("csv column", "Ignore"));
  for (guint i = 0; i < n_fields; i++)
    gtk_string_list_append (labels, field_label (fields[i]));
  for (guint c = 0; c < pacte_csv_table_get_n_columns (self->table); c++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      const char *header = pacte_csv_table_get_header (self->table, c);
      g_autofree char *example = column_example (self->table, c);
      g_autofree char *title = *header != '\0' ? g_strdup (header)
                                               : g_strdup_printf (_("Column %u"), c + 1);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), example);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_combo_row_set_model (row, G_LIST_MODEL (labels));
      adw_combo_row_set_selected (row, field_position (pacte_csv_mapping_get_field (self->mapping, c)));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_column_changed), self);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), TRUE);
}

gboolean
pacte_csv_import_dialog_load_file (PacteCsvImportDialog *self,
                                   GFile                *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  PacteCsvTable *table;

  g_return_val_if_fail (PACTE_IS_CSV_IMPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  table = pacte_csv_table_new_from_file (file, NULL, &error);
  g_clear_pointer (&self->table, pacte_csv_table_free);
  g_clear_pointer (&self->mapping, pacte_csv_mapping_free);
  self->table = table;
  if (table != NULL)
    {
      guint rows = pacte_csv_table_get_n_rows (table);

      self->mapping = pacte_csv_mapping_guess (table);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row, cells separated by “%c”",
                                               "%u rows, cells separated by “%c”", rows),
                                  rows, pacte_csv_table_get_separator (table));
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->file_row), subtitle != NULL ? subtitle : "");
  build_columns (self);
  update_plan (self);
  if (table == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
on_chooser_response (GtkNativeDialog      *chooser,
                     int                   response,
                     PacteCsvImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        pacte_csv_import_dialog_load_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
on_choose_clicked (PacteCsvImportDialog *self)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GFile *portfolio_file = pacte_portfolio_get_file (self->portfolio);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  if (portfolio_file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (portfolio_file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

gboolean
pacte_csv_import_dialog_apply (PacteCsvImportDialog  *self,
                               GError               **error)
{
  guint added, updated;

  g_return_val_if_fail (PACTE_IS_CSV_IMPORT_DIALOG (self), FALSE);

  if (self->plan == NULL)
    {
      g_set_error_literal (error, PACTE_CSV_ERROR, PACTE_CSV_ERROR_EMPTY, _("Choose a CSV file first"));
      return FALSE;
    }
  if (!pacte_csv_plan_apply (self->plan, error))
    return FALSE;
  added = pacte_csv_plan_get_n_added (self->plan);
  updated = pacte_csv_plan_get_n_updated (self->plan);
  g_clear_pointer (&self->plan, pacte_csv_plan_free);
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, added, updated);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_import_clicked (PacteCsvImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!pacte_csv_import_dialog_apply (self, &error))
    {
      show_error (self, error->message);
      /* The portfolio changed: the preview is made again. */
      update_plan (self);
      if (self->error == NULL)
        show_error (self, error->message);
    }
}

static void
pacte_csv_import_dialog_dispose (GObject *object)
{
  PacteCsvImportDialog *self = PACTE_CSV_IMPORT_DIALOG (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_pointer (&self->plan, pacte_csv_plan_free);
  G_OBJECT_CLASS (pacte_csv_import_dialog_parent_class)->dispose (object);
}

static void
pacte_csv_import_dialog_finalize (GObject *object)
{
  PacteCsvImportDialog *self = PACTE_CSV_IMPORT_DIALOG (object);

  g_clear_pointer (&self->mapping, pacte_csv_mapping_free);
  g_clear_pointer (&self->table, pacte_csv_table_free);
  g_clear_object (&self->portfolio);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->preview_rows, g_ptr_array_unref);
  g_free (self->error);
  G_OBJECT_CLASS (pacte_csv_import_dialog_parent_class)->finalize (object);
}

static void
pacte_csv_import_dialog_class_init (PacteCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pacte_csv_import_dialog_dispose;
  object_class->finalize = pacte_csv_import_dialog_finalize;

  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pacte/Pacte/ui/pacte-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PacteCsvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, PacteCsvImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, PacteCsvImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PacteCsvImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, PacteCsvImportDialog, preview_group);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pacte_csv_import_dialog_init (PacteCsvImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_rows = g_ptr_array_new ();
  self->preview_rows = g_ptr_array_new ();
}

GtkWidget *
pacte_csv_import_dialog_new (GtkWindow      *parent,
                             PactePortfolio *portfolio)
{
  PacteCsvImportDialog *self;

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);

  self = g_object_new (PACTE_TYPE_CSV_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->portfolio = g_object_ref (portfolio);
  return GTK_WIDGET (self);
}

guint
pacte_csv_import_dialog_get_n_columns (PacteCsvImportDialog *self)
{
  return self->column_rows->len;
}

AdwComboRow *
pacte_csv_import_dialog_get_column_row (PacteCsvImportDialog *self,
                                        guint                 column)
{
  g_return_val_if_fail (column < self->column_rows->len, NULL);
  return g_ptr_array_index (self->column_rows, column);
}

const char *
pacte_csv_import_dialog_get_error (PacteCsvImportDialog *self)
{
  return self->error;
}

guint
pacte_csv_import_dialog_get_n_added (PacteCsvImportDialog *self)
{
  return self->plan != NULL ? pacte_csv_plan_get_n_added (self->plan) : 0;
}

guint
pacte_csv_import_dialog_get_n_updated (PacteCsvImportDialog *self)
{
  return self->plan != NULL ? pacte_csv_plan_get_n_updated (self->plan) : 0;
}

GtkWidget *
pacte_csv_import_dialog_get_preview_row (PacteCsvImportDialog *self,
                                         guint                 index)
{
  g_return_val_if_fail (index < self->preview_rows->len, NULL);
  return g_ptr_array_index (self->preview_rows, index);
}
