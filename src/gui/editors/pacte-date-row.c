/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-date-row.c: a date, typed or picked in a calendar. */
#include "config.h"

#include <string.h>

#include "pacte-date-row.h"
#include "pacte-field-row-private.h"
#include "pacte-i18n.h"

struct _PacteDateRow
{
  PacteFieldRow  parent_instance;

  GtkWidget     *menu_button;
  GtkWidget     *calendar;
};

G_DEFINE_FINAL_TYPE (PacteDateRow, pacte_date_row, PACTE_TYPE_FIELD_ROW)

static void
calendar_popover_show_cb (PacteDateRow *self)
{
  PacteFieldRow *row = PACTE_FIELD_ROW (self);
  PacteContext *context = pacte_field_row_context (row);
  guint32 julian = pacte_field_row_has_record (row)
                   ? pacte_record_get_date (pacte_field_row_record (row), pacte_field_row_field (row)) : 0;
  g_autoptr(GDateTime) when = NULL;
  int year, month, day;

  if (julian == 0)
    julian = context ? pacte_context_get_today (context) : pacte_context_today_now ();
  pacte_date_to_ymd (julian, &year, &month, &day);
  when = g_date_time_new_utc (year, month, day, 12, 0, 0);
  if (when == NULL)
    return;
  pacte_field_row_set_updating (row, TRUE);
  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), when);
  pacte_field_row_set_updating (row, FALSE);
}

static void
calendar_day_selected_cb (PacteDateRow *self)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *text = NULL;
  GDate date;

  if (pacte_field_row_is_updating (PACTE_FIELD_ROW (self)))
    return;

  when = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (when), g_date_time_get_month (when),
                  g_date_time_get_year (when));
  text = pacte_date_display (g_date_get_julian (&date));
  /* As if typed: the entry commits it. */
  gtk_editable_set_text (GTK_EDITABLE (pacte_field_row_get_editor (PACTE_FIELD_ROW (self))), text);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->menu_button));
}

static void
pacte_date_row_build (PacteFieldRow *row,
                      GtkBox        *header,
                      GtkBox        *content)
{
  PacteDateRow *self = PACTE_DATE_ROW (row);
  GtkWidget *entry = pacte_field_row_add_entry (row, header);
  GtkWidget *popover = gtk_popover_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry),
                                  pacte_date_order_user () == PACTE_DATE_ORDER_MDY
                                  ? _("MM/DD/YYYY") : _("DD/MM/YYYY"));

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
  gtk_box_append (header, self->menu_button);
}

static void
pacte_date_row_label_changed (PacteFieldRow *row,
                              const char    *label)
{
  PacteDateRow *self = PACTE_DATE_ROW (row);
  g_autofree char *pick = g_strdup_printf (_("%s: choose in a calendar"), label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pick,
                                  -1);
}

static void
pacte_date_row_sync (PacteFieldRow *row,
                     gboolean       force)
{
  guint32 value = pacte_field_row_has_record (row)
                  ? pacte_record_get_date (pacte_field_row_record (row), pacte_field_row_field (row)) : 0;
  g_autofree char *trimmed = g_strstrip (g_strdup (pacte_field_row_entry_text (row)));
  guint32 shown = 0;

  if (trimmed[0] != '\0' && !pacte_date_read (trimmed, &shown, NULL))
    shown = 0;
  if (force || shown != value || (trimmed[0] != '\0' && shown == 0))
    {
      g_autofree char *text = pacte_date_display (value);

      pacte_field_row_set_entry_text (row, text ? text : "");
      pacte_field_row_clear_error (row);
    }
}

/* While typing, "2027-0" or "15/11/2" is not wrong yet: errors show once
 * the text is complete (a year ends it, or ISO's ten characters), or when
 * the user leaves the entry (finished). */
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

/* Dates as the user writes them; the file keeps ISO. */
static void
pacte_date_row_commit (PacteFieldRow *row,
                       gboolean       finished)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (pacte_field_row_entry_text (row)));
  guint32 julian = 0;

  pacte_field_row_set_unjudged (row, FALSE);
  if (trimmed[0] != '\0' && !pacte_date_read (trimmed, &julian, &error))
    {
      if (finished || date_typed_whole (trimmed))
        pacte_field_row_show_error (row, error->message);
      else
        pacte_field_row_set_unjudged (row, TRUE);
      return;
    }
  if (!pacte_record_set_date (pacte_field_row_record (row), pacte_field_row_field (row), julian, &error))
    pacte_field_row_show_gerror (row, error);
  else
    pacte_field_row_clear_error (row);
  /* Show what was read in the locale's form ("nov 15" becomes "15/11/2026"). */
  if (finished && pacte_field_row_get_error (row) == NULL)
    pacte_field_row_sync_from_model (row, TRUE);
}

static void
pacte_date_row_class_init (PacteDateRowClass *klass)
{
  PacteFieldRowClass *row_class = PACTE_FIELD_ROW_CLASS (klass);

  row_class->kind = PACTE_FIELD_ROW_DATE;
  row_class->build = pacte_date_row_build;
  row_class->sync = pacte_date_row_sync;
  row_class->commit = pacte_date_row_commit;
  row_class->label_changed = pacte_date_row_label_changed;
}

static void
pacte_date_row_init (PacteDateRow *self)
{
}
