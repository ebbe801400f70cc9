/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-field-row.c: one row editing one field of a record. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-field-row-private.h"
#include "pacte-accessible.h"
#include "pacte-i18n.h"
#include "pacte-partner-chooser.h"


G_DEFINE_FINAL_TYPE (PacteFieldRow, pacte_field_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_KIND,
  PROP_KEY,
  PROP_RECORD,
  PROP_CONTEXT,
  PROP_UNIT,
  PROP_PLACEHOLDER_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ENUM_TYPE (PacteFieldRowKind, pacte_field_row_kind,
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_TEXT, "text"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_MULTILINE, "multiline"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_CHOICE, "choice"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_DATE, "date"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_NUMBER, "number"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_QUARTER, "quarter"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_BOOLEAN, "boolean"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_TAGS, "tags"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_PARTNERS, "partners"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_OBJECTIVE, "objective"),
                    G_DEFINE_ENUM_VALUE (PACTE_FIELD_ROW_READONLY, "readonly"))

PacteFieldRowKind
pacte_field_row_kind_for_field (const PacteFieldInfo *info)
{
  g_return_val_if_fail (info != NULL, PACTE_FIELD_ROW_READONLY);

  switch (info->kind)
    {
    case PACTE_FIELD_STRING:
      return PACTE_FIELD_ROW_TEXT;
    case PACTE_FIELD_CHOICE:
      return PACTE_FIELD_ROW_CHOICE;
    case PACTE_FIELD_QUARTER:
      return PACTE_FIELD_ROW_QUARTER;
    case PACTE_FIELD_DATE:
      return PACTE_FIELD_ROW_DATE;
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      return PACTE_FIELD_ROW_NUMBER;
    case PACTE_FIELD_BOOLEAN:
      return PACTE_FIELD_ROW_BOOLEAN;
    case PACTE_FIELD_STRV:
      return PACTE_FIELD_ROW_TAGS;
    case PACTE_FIELD_LIST:
    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
    default:
      return PACTE_FIELD_ROW_READONLY;
    }
}

/* ---- Errors --------------------------------------------------------------- */

static void
show_error (PacteFieldRow *self,
            const char    *message)
{
  GtkWidget *target = self->entry ? self->entry : self->editor;

  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->error_label), message);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->error_revealer), TRUE);
  gtk_widget_set_visible (self->error_revealer, TRUE);
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
  GtkWidget *target = self->entry ? self->entry : self->editor;

  if (self->error == NULL)
    return;

  g_clear_pointer (&self->error, g_free);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->error_revealer), FALSE);
  gtk_widget_set_visible (self->error_revealer, FALSE);
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
  show_error (self, error->message);
}

/* ---- Writing the model ---------------------------------------------------- */

gboolean
pacte_field_row_has_record (PacteFieldRow *self)
{
  return self->record != NULL && self->field >= 0;
}

static PacteFieldKind
model_kind (PacteFieldRow *self)
{
  return pacte_record_get_field_info (self->record, self->field)->kind;
}

static void
commit_string (PacteFieldRow *self,
               const char    *text)
{
  g_autoptr(GError) error = NULL;

  if (!pacte_record_set_string (self->record, self->field, text, &error))
    pacte_field_row_show_gerror (self, error);
  else
    pacte_field_row_clear_error (self);
}

static void
commit_number (PacteFieldRow *self,
               const char    *text)
{
  g_autoptr(GError) error = NULL;
  double value;

  if (!pacte_number_parse (text, &value))
    {
      if (model_kind (self) == PACTE_FIELD_INTEGER)
        show_error (self, _("Enter a whole number, for example 30"));
      else
        show_error (self, _("Enter a number, for example 1 234.5"));
      return;
    }
  if (model_kind (self) == PACTE_FIELD_INTEGER && !isnan (value) && value != floor (value))
    {
      show_error (self, _("Enter a whole number, for example 30"));
      return;
    }
  if (!pacte_record_set_number (self->record, self->field, value, &error))
    pacte_field_row_show_gerror (self, error);
  else
    pacte_field_row_clear_error (self);
}

/* While typing, "2027-0" or "15/11/2" is not wrong yet: errors for dates
 * and quarters show once the text is complete (a year ends it, or ISO's
 * ten characters), or when the user leaves the entry (finished == TRUE). */
static gboolean
date_typed_whole (const char *text)
{
  gsize len = strlen (text);

  if (len >= 4 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1])
      && g_ascii_isdigit (text[2]) && g_ascii_isdigit (text[3]))
    return len >= 10;
  return len >= 6 && g_ascii_isdigit (text[len - 1]) && g_ascii_isdigit (text[len - 2])
         && g_ascii_isdigit (text[len - 3]) && g_ascii_isdigit (text[len - 4])
         && !g_ascii_isdigit (text[len - 5]);
}

/* Dates as the user writes them (pacte_date_read: "15/11/2026",
 * "15 nov. 2026", ISO); the file keeps ISO. */
static void
commit_date (PacteFieldRow *self,
             const char    *text,
             gboolean       finished)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  guint32 julian = 0;

  self->unjudged = FALSE;
  if (trimmed[0] != '\0' && !pacte_date_read (trimmed, &julian, &error))
    {
      if (finished || date_typed_whole (trimmed))
        show_error (self, error->message);
      else
        self->unjudged = TRUE;
      return;
    }
  if (!pacte_record_set_date (self->record, self->field, julian, &error))
    pacte_field_row_show_gerror (self, error);
  else
    pacte_field_row_clear_error (self);
}

static void
commit_quarter (PacteFieldRow *self,
                const char    *text,
                gboolean       finished)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *iso = trimmed[0] != '\0' ? pacte_quarter_read (trimmed) : g_strdup ("");

  self->unjudged = FALSE;
  if (iso == NULL)
    {
      if (finished || strlen (trimmed) >= 7)
        {
          g_autofree char *example = pacte_quarter_display ("2027-Q1");
          g_autofree char *message = g_strdup_printf (_("Enter a quarter such as %s or 2027-Q1"), example);

          show_error (self, message);
        }
      else
        self->unjudged = TRUE;
      return;
    }
  commit_string (self, iso);
}

static void commit_entry (PacteFieldRow *self);

static gboolean
commit_empty_cb (gpointer user_data)
{
  PacteFieldRow *self = user_data;

  self->pending_empty_id = 0;
  if (pacte_field_row_has_record (self))
    commit_entry (self);
  return G_SOURCE_REMOVE;
}

/* Replacing the text of an entry or a text buffer (as assistive technologies
 * and gtk_editable_set_text() do) first empties it, then inserts: an empty
 * text is committed once the main loop is idle, unless more text came. */
static gboolean
defer_if_empty (PacteFieldRow *self,
                gboolean       empty)
{
  if (!empty)
    {
      g_clear_handle_id (&self->pending_empty_id, g_source_remove);
      return FALSE;
    }
  if (self->pending_empty_id == 0)
    self->pending_empty_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, commit_empty_cb, self, NULL);
  return TRUE;
}

static void
entry_changed_cb (PacteFieldRow *self)
{
  if (self->updating || !pacte_field_row_has_record (self))
    return;
  if (self->kind == PACTE_FIELD_ROW_TAGS)
    return;
  if (defer_if_empty (self, gtk_editable_get_text (GTK_EDITABLE (self->entry))[0] == '\0'))
    return;
  commit_entry (self);
}

static void
commit_entry (PacteFieldRow *self)
{
  const char *text;

  if (self->kind == PACTE_FIELD_ROW_MULTILINE)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
      GtkTextIter start, end;
      g_autofree char *all = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      all = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      commit_string (self, all);
      return;
    }

  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  switch (self->kind)
    {
    case PACTE_FIELD_ROW_TEXT:
      commit_string (self, text);
      break;
    case PACTE_FIELD_ROW_NUMBER:
      commit_number (self, text);
      break;
    case PACTE_FIELD_ROW_DATE:
      commit_date (self, text, FALSE);
      break;
    case PACTE_FIELD_ROW_QUARTER:
      commit_quarter (self, text, FALSE);
      break;
    case PACTE_FIELD_ROW_TAGS:
      /* The add entry only writes when activated. */
      break;
    case PACTE_FIELD_ROW_MULTILINE:
    case PACTE_FIELD_ROW_CHOICE:
    case PACTE_FIELD_ROW_BOOLEAN:
    case PACTE_FIELD_ROW_PARTNERS:
    case PACTE_FIELD_ROW_OBJECTIVE:
    case PACTE_FIELD_ROW_READONLY:
    default:
      g_assert_not_reached ();
    }
}

static void
set_entry_text (PacteFieldRow *self,
                const char    *text)
{
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  self->updating = FALSE;
}

/* Leaving an entry: finish what typing left open. */
static void
entry_leave_cb (PacteFieldRow *self)
{
  const char *text;

  if (!pacte_field_row_has_record (self) || self->entry == NULL)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  switch (self->kind)
    {
    case PACTE_FIELD_ROW_DATE:
      commit_date (self, text, TRUE);
      /* Show what was read in the locale's form ("nov 15" -> "15/11/2026"). */
      if (self->error == NULL)
        pacte_field_row_sync_from_model (self, TRUE);
      break;
    case PACTE_FIELD_ROW_QUARTER:
      commit_quarter (self, text, TRUE);
      if (self->error == NULL)
        pacte_field_row_sync_from_model (self, TRUE);
      break;
    case PACTE_FIELD_ROW_NUMBER:
      /* Show the value in its usual form ("1234.5" becomes "1 234.5"). */
      if (self->error == NULL)
        pacte_field_row_sync_from_model (self, TRUE);
      break;
    case PACTE_FIELD_ROW_TEXT:
    case PACTE_FIELD_ROW_TAGS:
    case PACTE_FIELD_ROW_MULTILINE:
    case PACTE_FIELD_ROW_CHOICE:
    case PACTE_FIELD_ROW_BOOLEAN:
    case PACTE_FIELD_ROW_PARTNERS:
    case PACTE_FIELD_ROW_OBJECTIVE:
    case PACTE_FIELD_ROW_READONLY:
    default:
      break;
    }
}

static void
entry_activate_cb (PacteFieldRow *self)
{
  if (self->kind == PACTE_FIELD_ROW_TAGS)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
      g_auto(GStrv) parts = g_strsplit (text, ",", -1);

      if (!pacte_field_row_has_record (self))
        return;
      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (parts[i][0] != '\0')
            gtk_widget_activate_action (GTK_WIDGET (self), "field.add-value", "s", parts[i]);
        }
      set_entry_text (self, "");
      return;
    }
  entry_leave_cb (self);
}

static void
text_buffer_changed_cb (PacteFieldRow *self,
                        GtkTextBuffer *buffer)
{
  if (self->updating || !pacte_field_row_has_record (self))
    return;
  if (defer_if_empty (self, gtk_text_buffer_get_char_count (buffer) == 0))
    return;
  commit_entry (self);
}

static void
dropdown_selected_cb (PacteFieldRow *self)
{
  guint selected;
  const char *value;

  if (self->updating || !pacte_field_row_has_record (self))
    return;

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->dropdown));
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->choice_values->len)
    return;
  value = g_ptr_array_index (self->choice_values, selected);
  /* Replacing the drop-down's model from inside its own selection change
   * would pull the model from under it: see set_dropdown_items(). */
  self->in_dropdown = TRUE;
  commit_string (self, value ? value : "");
  self->in_dropdown = FALSE;
}

static void
switch_active_cb (PacteFieldRow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || !pacte_field_row_has_record (self))
    return;

  if (!pacte_record_set_boolean (self->record, self->field,
                                 gtk_switch_get_active (GTK_SWITCH (self->toggle)) ? 1 : 0,
                                 &error))
    pacte_field_row_show_gerror (self, error);
}

/* ---- Reading the model ------------------------------------------------------ */

static char *
readonly_text (PacteFieldRow *self)
{
  switch (model_kind (self))
    {
    case PACTE_FIELD_DATE:
      {
        char *text = pacte_date_display (pacte_record_get_date (self->record, self->field));

        return text ? text : g_strdup ("");
      }
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      return pacte_number_format (pacte_record_get_number (self->record, self->field));
    case PACTE_FIELD_CHOICE:
      {
        const char *value = pacte_record_get_string (self->record, self->field);

        return g_strdup (value[0] ? pacte_choice_display_name (value) : "");
      }
    case PACTE_FIELD_BOOLEAN:
      switch (pacte_record_get_boolean (self->record, self->field))
        {
        case 1:
          return g_strdup (_("Yes"));
        case 0:
          return g_strdup (_("No"));
        default:
          return g_strdup ("");
        }
    case PACTE_FIELD_STRV:
      return g_strjoinv (", ", (char **) pacte_record_get_strv (self->record, self->field));
    case PACTE_FIELD_STRING:
      return g_strdup (pacte_record_get_string (self->record, self->field));
    case PACTE_FIELD_QUARTER:
      return pacte_quarter_display (pacte_record_get_string (self->record, self->field));
    case PACTE_FIELD_LIST:
    case PACTE_FIELD_STRING_MAP:
    case PACTE_FIELD_NUMBER_MAP:
    default:
      return g_strdup ("");
    }
}

void
pacte_field_row_sync_from_model (PacteFieldRow *self,
                                 gboolean       force)
{
  gboolean bound = pacte_field_row_has_record (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self), bound);
  self->unjudged = FALSE;

  switch (self->kind)
    {
    case PACTE_FIELD_ROW_QUARTER:
      {
        /* The file's "2026-Q4", shown as the language writes it ("T4 2026"). */
        const char *value = bound ? pacte_record_get_string (self->record, self->field) : "";
        g_autofree char *shown = pacte_quarter_read (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

        if (force || g_strcmp0 (shown != NULL ? shown : "", value) != 0)
          {
            g_autofree char *text = pacte_quarter_display (value);

            set_entry_text (self, text);
            pacte_field_row_clear_error (self);
          }
      }
      break;

    case PACTE_FIELD_ROW_TEXT:
      {
        const char *value = bound ? pacte_record_get_string (self->record, self->field) : "";

        if (force || strcmp (gtk_editable_get_text (GTK_EDITABLE (self->entry)), value) != 0)
          {
            set_entry_text (self, value);
            pacte_field_row_clear_error (self);
          }
      }
      break;

    case PACTE_FIELD_ROW_NUMBER:
      {
        double value = bound ? pacte_record_get_number (self->record, self->field) : NAN;
        double shown;

        /* The user may be typing "1 0": equal values leave the text alone. */
        if (force
            || !pacte_number_parse (gtk_editable_get_text (GTK_EDITABLE (self->entry)), &shown)
            || !((isnan (shown) && isnan (value)) || shown == value))
          {
            g_autofree char *text = pacte_number_format (value);

            set_entry_text (self, text);
            pacte_field_row_clear_error (self);
          }
      }
      break;

    case PACTE_FIELD_ROW_DATE:
      {
        guint32 value = bound ? pacte_record_get_date (self->record, self->field) : 0;
        g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
        guint32 shown = 0;

        if (trimmed[0] != '\0' && !pacte_date_read (trimmed, &shown, NULL))
          shown = 0;
        if (force || shown != value || (trimmed[0] != '\0' && shown == 0))
          {
            g_autofree char *text = pacte_date_display (value);

            set_entry_text (self, text ? text : "");
            pacte_field_row_clear_error (self);
          }
      }
      break;

    case PACTE_FIELD_ROW_MULTILINE:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
        const char *value = bound ? pacte_record_get_string (self->record, self->field) : "";
        GtkTextIter start, end;
        g_autofree char *text = NULL;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        if (force || strcmp (text, value) != 0)
          {
            self->updating = TRUE;
            gtk_text_buffer_set_text (buffer, value, -1);
            self->updating = FALSE;
          }
      }
      break;

    case PACTE_FIELD_ROW_CHOICE:
      if (bound && (force || self->choice_values == NULL))
        pacte_field_row_build_choices (self);
      if (self->choice_values != NULL)
        pacte_field_row_select_value (self, bound ? pacte_record_get_string (self->record, self->field) : "");
      break;

    case PACTE_FIELD_ROW_OBJECTIVE:
      if (pacte_field_row_build_objectives (self))
        pacte_field_row_select_value (self, bound ? pacte_record_get_string (self->record, self->field) : "");
      break;

    case PACTE_FIELD_ROW_BOOLEAN:
      {
        gboolean active = bound && pacte_record_get_boolean (self->record, self->field) == 1;

        if (gtk_switch_get_active (GTK_SWITCH (self->toggle)) != active)
          {
            self->updating = TRUE;
            gtk_switch_set_active (GTK_SWITCH (self->toggle), active);
            self->updating = FALSE;
          }
      }
      break;

    case PACTE_FIELD_ROW_TAGS:
    case PACTE_FIELD_ROW_PARTNERS:
      pacte_field_row_rebuild_chips (self);
      break;

    case PACTE_FIELD_ROW_READONLY:
      {
        g_autofree char *text = bound ? readonly_text (self) : g_strdup ("");

        gtk_label_set_text (GTK_LABEL (self->value_label), text);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
record_notify_cb (PacteFieldRow *self)
{
  pacte_field_row_sync_from_model (self, FALSE);
}

static void
portfolio_record_changed_cb (PacteFieldRow *self,
                             PacteRecord   *owner,
                             PacteRecord   *record,
                             guint          field)
{
  if (!pacte_field_row_has_record (self))
    return;

  if (self->kind == PACTE_FIELD_ROW_PARTNERS)
    {
      if (PACTE_IS_PARTNER (record) && field == PACTE_PARTNER_NAME
          && pacte_field_row_strv_has (pacte_record_get_strv (self->record, self->field),
                                       pacte_record_get_string (record, PACTE_PARTNER_ID)))
        pacte_field_row_rebuild_chips (self);
    }
  else if (self->kind == PACTE_FIELD_ROW_OBJECTIVE)
    {
      if (PACTE_IS_OBJECTIVE (record)
          && (field == PACTE_OBJECTIVE_TITLE || field == PACTE_OBJECTIVE_ID)
          && owner == pacte_record_get_owner (self->record))
        pacte_field_row_sync_from_model (self, FALSE);
    }
}

static void
objectives_changed_cb (PacteFieldRow *self)
{
  pacte_field_row_sync_from_model (self, FALSE);
}

/* ---- Accessibility ---------------------------------------------------------- */

static void
apply_accessible_label (PacteFieldRow *self)
{
  const char *label = self->accessible_label;

  /* An entry is labelled by its title through the mnemonic (labelled-by):
   * a "label" property as well would be read after it ("Name Name").  A
   * label of its own replaces the title. */
  if (self->editor != NULL && self->editor == self->entry && self->kind != PACTE_FIELD_ROW_TAGS)
    {
      if (self->accessible_label != NULL)
        {
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->editor), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                          -1);
        }
      else
        {
          gtk_accessible_reset_property (GTK_ACCESSIBLE (self->editor), GTK_ACCESSIBLE_PROPERTY_LABEL);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (self->editor),
                                          GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                          -1);
        }
    }
  if (label == NULL)
    label = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  if (self->editor != NULL && label != NULL
      && !(self->editor == self->entry && self->kind != PACTE_FIELD_ROW_TAGS))
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  if (self->kind == PACTE_FIELD_ROW_DATE && self->menu_button != NULL && label != NULL)
    {
      g_autofree char *pick = g_strdup_printf (_("%s: choose in a calendar"), label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, pick,
                                      -1);
    }
}

/* ---- Calendar ------------------------------------------------------------- */

static void
calendar_popover_show_cb (PacteFieldRow *self)
{
  guint32 julian = pacte_field_row_has_record (self) ? pacte_record_get_date (self->record, self->field) : 0;
  g_autoptr(GDateTime) when = NULL;
  int year, month, day;

  if (julian == 0)
    julian = self->context ? pacte_context_get_today (self->context) : pacte_context_today_now ();
  pacte_date_to_ymd (julian, &year, &month, &day);
  when = g_date_time_new_utc (year, month, day, 12, 0, 0);
  if (when == NULL)
    return;
  self->updating = TRUE;
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), when);
  self->updating = FALSE;
}

static void
calendar_day_selected_cb (PacteFieldRow *self)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;
  GDate date;

  if (self->updating)
    return;

  when = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (when), g_date_time_get_month (when),
                  g_date_time_get_year (when));
  text = pacte_date_display (g_date_get_julian (&date));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
}

/* ---- Construction ---------------------------------------------------------- */

/* Long choices ("Memorandum of understanding") shorten in the button rather
 * than widen the whole editor; the popup list shows them whole. */
static void
dropdown_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
dropdown_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      item ? gtk_string_object_get_string (item) : "");
}

static GtkListItemFactory *
dropdown_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (dropdown_setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (dropdown_bind_cb), NULL);
  return factory;
}

static GtkWidget *
new_entry (PacteFieldRow *self)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 6);
  /* Ctrl+Z belongs to the document's history (named, grouped, shared by
   * every view).  The entry's own history would also hold the text the row
   * set when it was bound, so its undo emptied an untouched field. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (entry_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

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

static void
pacte_field_row_constructed (GObject *object)
{
  PacteFieldRow *self = PACTE_FIELD_ROW (object);
  GtkWidget *content, *revealer_box;

  G_OBJECT_CLASS (pacte_field_row_parent_class)->constructed (object);

  ensure_css ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "pacte-field-row");

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (content, "pacte-field-content");
  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (content), self->header);

  self->title_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->title_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (self->title_label), 18);
  gtk_widget_set_valign (self->title_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->title_label, "pacte-field-title");
  g_object_bind_property (self, "title", self->title_label, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (self->header), self->title_label);

  switch (self->kind)
    {
    case PACTE_FIELD_ROW_TEXT:
      self->entry = self->editor = new_entry (self);
      gtk_box_append (GTK_BOX (self->header), self->entry);
      break;

    case PACTE_FIELD_ROW_QUARTER:
      self->entry = self->editor = new_entry (self);
      {
        g_autofree char *example = pacte_quarter_display ("2027-Q1");

        gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), example);
      }
      gtk_box_append (GTK_BOX (self->header), self->entry);
      break;

    case PACTE_FIELD_ROW_NUMBER:
      self->entry = self->editor = new_entry (self);
      gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_NUMBER);
      gtk_editable_set_alignment (GTK_EDITABLE (self->entry), 1.0);
      gtk_box_append (GTK_BOX (self->header), self->entry);
      self->unit_label = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->unit_label, "dim-label");
      gtk_widget_set_visible (self->unit_label, FALSE);
      gtk_box_append (GTK_BOX (self->header), self->unit_label);
      break;

    case PACTE_FIELD_ROW_DATE:
      {
        GtkWidget *popover = gtk_popover_new ();

        self->entry = self->editor = new_entry (self);
        gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry),
                                        pacte_date_order_user () == PACTE_DATE_ORDER_MDY
                                        ? _("MM/DD/YYYY") : _("DD/MM/YYYY"));
        gtk_box_append (GTK_BOX (self->header), self->entry);

        self->calendar = gtk_calendar_new ();
        g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), self);
        gtk_popover_set_child (GTK_POPOVER (popover), self->calendar);
        g_signal_connect_swapped (popover, "show", G_CALLBACK (calendar_popover_show_cb), self);

        self->menu_button = gtk_menu_button_new ();
        gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "x-office-calendar-symbolic");
        gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), popover);
        gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
        gtk_widget_set_tooltip_text (self->menu_button, _("Choose a date"));
        gtk_widget_add_css_class (self->menu_button, "flat");
        gtk_box_append (GTK_BOX (self->header), self->menu_button);
      }
      break;

    case PACTE_FIELD_ROW_MULTILINE:
      {
        GtkWidget *frame = gtk_frame_new (NULL);

        gtk_widget_set_hexpand (self->title_label, TRUE);
        self->text_view = self->editor = gtk_text_view_new ();
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->text_view), FALSE);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->text_view), 8);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->text_view), 8);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), 8);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->text_view), 8);
        gtk_widget_set_size_request (self->text_view, -1, 80);
        gtk_widget_add_css_class (self->text_view, "pacte-notes");
        /* As for entries: Ctrl+Z undoes through the document's history. */
        gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)), FALSE);
        g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view)), "changed",
                                  G_CALLBACK (text_buffer_changed_cb), self);
        gtk_frame_set_child (GTK_FRAME (frame), self->text_view);
        gtk_box_append (GTK_BOX (content), frame);
      }
      break;

    case PACTE_FIELD_ROW_CHOICE:
    case PACTE_FIELD_ROW_OBJECTIVE:
      {
        g_autoptr(GtkListItemFactory) button_factory = dropdown_factory_new (TRUE);
        g_autoptr(GtkListItemFactory) list_factory = dropdown_factory_new (FALSE);

        self->dropdown = self->editor = gtk_drop_down_new (NULL, NULL);
        gtk_drop_down_set_factory (GTK_DROP_DOWN (self->dropdown), button_factory);
        gtk_drop_down_set_list_factory (GTK_DROP_DOWN (self->dropdown), list_factory);
        pacte_accessible_tidy (self->dropdown);
      }
      gtk_widget_set_hexpand (self->dropdown, TRUE);
      gtk_widget_set_valign (self->dropdown, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (self->dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb), self);
      gtk_box_append (GTK_BOX (self->header), self->dropdown);
      break;

    case PACTE_FIELD_ROW_BOOLEAN:
      gtk_widget_set_hexpand (self->title_label, TRUE);
      self->toggle = self->editor = gtk_switch_new ();
      gtk_widget_set_valign (self->toggle, GTK_ALIGN_CENTER);
      g_signal_connect_swapped (self->toggle, "notify::active", G_CALLBACK (switch_active_cb), self);
      gtk_box_append (GTK_BOX (self->header), self->toggle);
      break;

    case PACTE_FIELD_ROW_TAGS:
      {
        GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

        self->entry = self->editor = new_entry (self);
        gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry),
                                        self->placeholder ? self->placeholder : _("Type and press Enter to add"));
        gtk_box_append (GTK_BOX (self->header), self->entry);
        gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (add, "flat");
        gtk_widget_set_tooltip_text (add, _("Add"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add"), -1);
        g_signal_connect_swapped (add, "clicked", G_CALLBACK (entry_activate_cb), self);
        gtk_box_append (GTK_BOX (self->header), add);
      }
      break;

    case PACTE_FIELD_ROW_PARTNERS:
      {
        GtkWidget *content_box = adw_button_content_new ();

        gtk_widget_set_hexpand (self->title_label, TRUE);
        self->empty_label = gtk_label_new (_("None chosen yet"));
        gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
        gtk_widget_add_css_class (self->empty_label, "dim-label");
        gtk_box_append (GTK_BOX (content), self->empty_label);

        self->chooser = pacte_partner_chooser_new ();
        g_signal_connect_swapped (self->chooser, "partner-chosen", G_CALLBACK (pacte_field_row_partner_chosen_cb), self);
        adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content_box), "list-add-symbolic");
        adw_button_content_set_label (ADW_BUTTON_CONTENT (content_box), _("Add Partner…"));
        self->menu_button = self->editor = gtk_menu_button_new ();
        gtk_menu_button_set_child (GTK_MENU_BUTTON (self->menu_button), content_box);
        gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), self->chooser);
        gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (self->menu_button, "flat");
        gtk_box_append (GTK_BOX (self->header), self->menu_button);
      }
      break;

    case PACTE_FIELD_ROW_READONLY:
      self->value_label = self->editor = gtk_label_new (NULL);
      gtk_label_set_selectable (GTK_LABEL (self->value_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (self->value_label), 1);
      gtk_label_set_ellipsize (GTK_LABEL (self->value_label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_set_hexpand (self->value_label, TRUE);
      gtk_widget_add_css_class (self->value_label, "dim-label");
      gtk_box_append (GTK_BOX (self->header), self->value_label);
      break;

    default:
      g_assert_not_reached ();
    }

  if (self->kind == PACTE_FIELD_ROW_TAGS || self->kind == PACTE_FIELD_ROW_PARTNERS)
    {
      self->flowbox = gtk_flow_box_new ();
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flowbox), GTK_SELECTION_NONE);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flowbox), 6);
      gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flowbox), 6);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flowbox), 30);
      gtk_widget_set_visible (self->flowbox, FALSE);
      gtk_widget_add_css_class (self->flowbox, "pacte-chips");
      gtk_box_append (GTK_BOX (content), self->flowbox);
    }

  if (self->entry != NULL && self->kind != PACTE_FIELD_ROW_TAGS)
    gtk_label_set_mnemonic_widget (GTK_LABEL (self->title_label), self->entry);

  self->error_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_add_css_class (self->error_label, "caption");
  revealer_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (revealer_box), self->error_label);
  self->error_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->error_revealer), revealer_box);
  gtk_widget_set_visible (self->error_revealer, FALSE);
  gtk_box_append (GTK_BOX (content), self->error_revealer);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), content);

  if (self->unit != NULL)
    pacte_field_row_set_unit (self, self->unit);
  g_signal_connect_swapped (self, "notify::title", G_CALLBACK (apply_accessible_label), self);
  apply_accessible_label (self);
  pacte_field_row_sync_from_model (self, TRUE);
}

static void
unbind_record (PacteFieldRow *self)
{
  g_clear_handle_id (&self->pending_empty_id, g_source_remove);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->record != NULL)
    g_clear_signal_handler (&self->notify_id, self->record);
  if (self->portfolio != NULL)
    g_clear_signal_handler (&self->portfolio_id, self->portfolio);
  if (self->objectives != NULL)
    g_clear_signal_handler (&self->objectives_id, self->objectives);
  g_clear_object (&self->portfolio);
  g_clear_object (&self->objectives);
  g_clear_object (&self->record);
  self->field = -1;
}

static void
pacte_field_row_dispose (GObject *object)
{
  PacteFieldRow *self = PACTE_FIELD_ROW (object);

  unbind_record (self);
  g_clear_object (&self->context);
  g_clear_pointer (&self->choice_values, g_ptr_array_unref);

  G_OBJECT_CLASS (pacte_field_row_parent_class)->dispose (object);
}

static void
pacte_field_row_finalize (GObject *object)
{
  PacteFieldRow *self = PACTE_FIELD_ROW (object);

  g_free (self->key);
  g_free (self->unit);
  g_free (self->placeholder);
  g_free (self->accessible_label);
  g_free (self->error);

  G_OBJECT_CLASS (pacte_field_row_parent_class)->finalize (object);
}

static void
pacte_field_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PacteFieldRow *self = PACTE_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, self->placeholder);
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

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_KEY:
      self->key = g_value_dup_string (value);
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
      if (g_strcmp0 (self->placeholder, g_value_get_string (value)) != 0)
        {
          g_free (self->placeholder);
          self->placeholder = g_value_dup_string (value);
          if (self->entry != NULL)
            gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), self->placeholder);
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
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pacte_field_row_constructed;
  object_class->dispose = pacte_field_row_dispose;
  object_class->finalize = pacte_field_row_finalize;
  object_class->get_property = pacte_field_row_get_property;
  object_class->set_property = pacte_field_row_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PACTE_TYPE_FIELD_ROW_KIND, PACTE_FIELD_ROW_TEXT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
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

  gtk_widget_class_install_action (widget_class, "field.add-value", "s", pacte_field_row_add_value_action);
  gtk_widget_class_install_action (widget_class, "field.remove-value", "s", pacte_field_row_remove_value_action);
}

static void
pacte_field_row_init (PacteFieldRow *self)
{
  self->field = -1;
  self->fixed_field = -1;
}

GtkWidget *
pacte_field_row_new (PacteFieldRowKind  kind,
                     const char        *key,
                     const char        *title)
{
  g_return_val_if_fail (key != NULL, NULL);

  return g_object_new (PACTE_TYPE_FIELD_ROW,
                       "kind", kind,
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
  PacteFieldRow *self = g_object_new (PACTE_TYPE_FIELD_ROW,
                                      "kind", kind,
                                      "title", title,
                                      "use-markup", FALSE,
                                      NULL);

  self->fixed_field = (int) field;
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
find_field (PacteRecord *record,
            const char  *key)
{
  int field = pacte_record_find_field (record, key);
  guint n;

  if (field >= 0)
    return field;
  n = pacte_record_get_n_fields (record);
  for (guint i = 0; i < n; i++)
    {
      const PacteFieldInfo *info = pacte_record_get_field_info (record, i);

      if ((info->property && same_key (info->property, key))
          || (info->json_path && same_key (info->json_path, key)))
        return (int) i;
    }
  return -1;
}

void
pacte_field_row_set_record (PacteFieldRow *self,
                            PacteRecord   *record)
{
  g_autofree char *signal = NULL;
  const char *property;
  int field = -1;

  g_return_if_fail (PACTE_IS_FIELD_ROW (self));
  g_return_if_fail (record == NULL || PACTE_IS_RECORD (record));

  if (record == self->record)
    return;

  if (record != NULL)
    {
      if (self->key != NULL)
        field = find_field (record, self->key);
      else if (self->fixed_field >= 0 && (guint) self->fixed_field < pacte_record_get_n_fields (record))
        field = self->fixed_field;
      if (field < 0)
        {
          g_critical ("%s has no field “%s”", G_OBJECT_TYPE_NAME (record),
                      self->key ? self->key : "(index)");
          return;
        }
    }

  unbind_record (self);
  if (record != NULL)
    {
      PactePortfolio *portfolio = pacte_record_get_portfolio (record);

      self->record = g_object_ref (record);
      self->field = field;
      property = pacte_record_get_field_info (record, field)->property;
      signal = g_strconcat ("notify::", property, NULL);
      self->notify_id = g_signal_connect_swapped (record, signal, G_CALLBACK (record_notify_cb), self);

      if (portfolio == NULL && self->context != NULL)
        portfolio = pacte_context_get_portfolio (self->context);
      if (portfolio != NULL
          && (self->kind == PACTE_FIELD_ROW_PARTNERS || self->kind == PACTE_FIELD_ROW_OBJECTIVE))
        {
          self->portfolio = g_object_ref (portfolio);
          self->portfolio_id = g_signal_connect_swapped (portfolio, "record-changed",
                                                         G_CALLBACK (portfolio_record_changed_cb), self);
        }
      if (self->kind == PACTE_FIELD_ROW_OBJECTIVE)
        {
          PacteRecord *plan = pacte_record_get_owner (record);

          if (plan != NULL && PACTE_IS_PLAN (plan))
            {
              self->objectives = g_object_ref (pacte_record_get_list (plan, PACTE_PLAN_OBJECTIVES));
              self->objectives_id = g_signal_connect_swapped (self->objectives, "items-changed",
                                                              G_CALLBACK (objectives_changed_cb), self);
            }
        }
    }

  pacte_field_row_sync_from_model (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

PacteRecord *
pacte_field_row_get_record (PacteFieldRow *self)
{
  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), NULL);

  return self->record;
}

void
pacte_field_row_set_context (PacteFieldRow *self,
                             PacteContext  *context)
{
  g_return_if_fail (PACTE_IS_FIELD_ROW (self));
  g_return_if_fail (context == NULL || PACTE_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  if (self->chooser != NULL)
    pacte_partner_chooser_set_context (PACTE_PARTNER_CHOOSER (self->chooser), context);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

void
pacte_field_row_set_unit (PacteFieldRow *self,
                          const char    *unit)
{
  g_return_if_fail (PACTE_IS_FIELD_ROW (self));

  if (self->unit != unit && g_strcmp0 (self->unit, unit) != 0)
    {
      g_free (self->unit);
      self->unit = g_strdup (unit);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
    }
  if (self->unit_label != NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->unit_label), self->unit ? self->unit : "");
      gtk_widget_set_visible (self->unit_label, self->unit != NULL && self->unit[0] != '\0');
    }
}

PacteFieldRowKind
pacte_field_row_get_kind (PacteFieldRow *self)
{
  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), PACTE_FIELD_ROW_TEXT);

  return self->kind;
}

const char *
pacte_field_row_get_key (PacteFieldRow *self)
{
  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), NULL);

  return self->key;
}

void
pacte_field_row_set_accessible_label (PacteFieldRow *self,
                                      const char    *label)
{
  g_return_if_fail (PACTE_IS_FIELD_ROW (self));

  if (g_strcmp0 (self->accessible_label, label) == 0)
    return;
  g_free (self->accessible_label);
  self->accessible_label = g_strdup (label);
  apply_accessible_label (self);
}

const char *
pacte_field_row_get_accessible_label (PacteFieldRow *self)
{
  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), NULL);

  return self->accessible_label ? self->accessible_label
                                : adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
}

GtkWidget *
pacte_field_row_get_editor (PacteFieldRow *self)
{
  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), NULL);

  return self->editor;
}

gboolean
pacte_field_row_focus_editor (PacteFieldRow *self)
{
  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), FALSE);

  if (self->editor == NULL)
    return FALSE;
  return pacte_reveal_widget (self->editor, TRUE);
}

const char *
pacte_field_row_get_error (PacteFieldRow *self)
{
  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), NULL);

  return self->error;
}

const char *
pacte_field_row_get_field_name (PacteFieldRow *self)
{
  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), NULL);

  if (!pacte_field_row_has_record (self))
    return NULL;
  return pacte_record_get_field_info (self->record, (guint) self->field)->property;
}

gboolean
pacte_field_row_has_unjudged_text (PacteFieldRow *self)
{
  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), FALSE);

  return self->unjudged;
}

const char *
pacte_field_row_finish_editing (PacteFieldRow *self)
{
  g_return_val_if_fail (PACTE_IS_FIELD_ROW (self), NULL);

  if (self->entry != NULL && self->kind != PACTE_FIELD_ROW_TAGS && pacte_field_row_has_record (self))
    {
      /* An emptied entry waits for idle: commit it now. */
      if (self->pending_empty_id != 0)
        {
          g_clear_handle_id (&self->pending_empty_id, g_source_remove);
          commit_entry (self);
        }
      entry_leave_cb (self);
    }
  return self->error;
}

void
pacte_field_row_discard_text (PacteFieldRow *self)
{
  g_return_if_fail (PACTE_IS_FIELD_ROW (self));

  pacte_field_row_clear_error (self);
  pacte_field_row_sync_from_model (self, TRUE);
}
