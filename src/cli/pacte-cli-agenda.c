/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-cli-agenda.c: pacte --agenda FILE — what is due across the
 * portfolio (overdue and coming actions, decisions waiting, missed
 * meetings, reviews due, coming events) as a list or as JSON (docs/cli.md). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pacte-analysis.h"
#include "pacte-cli.h"
#include "pacte-i18n.h"
#include "pacte-report-format.h"

#define DEFAULT_DAYS 30
#define MAX_DAYS     3660

gboolean
pacte_cli_parse_days (const char *text,
                      guint      *days)
{
  guint64 value;

  if (text == NULL)
    {
      *days = DEFAULT_DAYS;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, MAX_DAYS, &value, NULL))
    {
      pacte_cli_error (_("invalid number of days “%s”: expected a whole number from 0 to %d"), text, MAX_DAYS);
      return FALSE;
    }
  *days = (guint) value;
  return TRUE;
}

/* Text from the file, for a terminal: control characters as visible
 * escapes (pacte_cli_escape), never obeyed. */
static void
print_safe (const char *text)
{
  g_autofree char *shown = pacte_cli_escape (text);

  fputs (shown, stdout);
}

static void
print_padded (const char *text,
              glong       width)
{
  fputs (text, stdout);
  for (glong i = g_utf8_strlen (text, -1); i < width; i++)
    fputc (' ', stdout);
}

static void
print_text (GPtrArray  *items,
            guint32     today,
            guint       days,
            const char *lang)
{
  g_autofree char *date = pacte_format_date (lang, today);
  g_autofree char *heading = NULL;
  g_autofree char *count = NULL;
  glong date_width = 0, state_width = 0, kind_width = 0;
  guint n_overdue = pacte_agenda_count_overdue (items);

  /* pacte_ngettext_lang() carries no format attribute: each msgid here
   * takes exactly the arguments passed. */
  _Pragma ("GCC diagnostic push")
  _Pragma ("GCC diagnostic ignored \"-Wformat-nonliteral\"")
  heading = g_strdup_printf (pacte_ngettext_lang (lang, "Agenda on %s, looking %u day ahead",
                                                  "Agenda on %s, looking %u days ahead", days),
                             date, days);
  count = g_strdup_printf (pacte_ngettext_lang (lang, "%u item", "%u items", items->len), items->len);
  /* Translators: the agenda's heading, then how many items it has. */
  printf (pacte_gettext_lang (lang, N_("%s: %s")), heading, count);
  if (n_overdue > 0)
    printf (pacte_ngettext_lang (lang, ", %u overdue", ", %u overdue", n_overdue), n_overdue);
  _Pragma ("GCC diagnostic pop")
  fputs (".\n", stdout);
  if (items->len == 0)
    return;

  for (guint i = 0; i < items->len; i++)
    {
      PacteAgendaItem *item = g_ptr_array_index (items, i);
      g_autofree char *when = pacte_format_date (lang, item->date);

      date_width = MAX (date_width, g_utf8_strlen (when, -1));
      state_width = MAX (state_width, g_utf8_strlen (pacte_gettext_lang (lang, item->overdue ? N_("Overdue") : N_("Coming")), -1));
      kind_width = MAX (kind_width, g_utf8_strlen (pacte_agenda_kind_display_name (item->kind, lang), -1));
    }

  fputc ('\n', stdout);
  for (guint i = 0; i < items->len; i++)
    {
      PacteAgendaItem *item = g_ptr_array_index (items, i);
      g_autofree char *when = pacte_format_date (lang, item->date);

      fputs ("  ", stdout);
      print_padded (when, date_width + 2);
      print_padded (pacte_gettext_lang (lang, item->overdue ? N_("Overdue") : N_("Coming")), state_width + 2);
      print_padded (pacte_agenda_kind_display_name (item->kind, lang), kind_width + 2);
      print_safe (item->title);
      if (item->kind != PACTE_AGENDA_REVIEW)
        {
          fputs (" — ", stdout);
          print_safe (pacte_record_get_string (PACTE_RECORD (item->plan), PACTE_PLAN_NAME));
        }
      fputs (" (", stdout);
      print_safe (pacte_record_get_string (PACTE_RECORD (item->plan), PACTE_PLAN_ID));
      fputc (')', stdout);
      if (*item->owner != '\0')
        {
          fputs (", ", stdout);
          print_safe (item->owner);
        }
      fputc ('\n', stdout);
    }
}

static JsonNode *
items_json (GPtrArray  *items,
            const char *file_name,
            guint32     today,
            guint       days)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *date = pacte_date_format (today);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, file_name);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "days");
  json_builder_add_int_value (builder, days);
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_int_value (builder, pacte_agenda_count_overdue (items));
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      PacteAgendaItem *item = g_ptr_array_index (items, i);
      g_autofree char *item_date = pacte_date_format (item->date);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, pacte_agenda_kind_to_string (item->kind));
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, item_date);
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_boolean_value (builder, item->overdue);
      json_builder_set_member_name (builder, "plan");
      json_builder_add_string_value (builder, pacte_record_get_string (PACTE_RECORD (item->plan), PACTE_PLAN_ID));
      /* An action has an id; the others are known by their name. */
      json_builder_set_member_name (builder, item->kind == PACTE_AGENDA_ACTION ? "id" : "name");
      json_builder_add_string_value (builder, item->kind == PACTE_AGENDA_REVIEW ? item->title : item->key);
      if (item->kind == PACTE_AGENDA_ACTION)
        {
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, item->title);
        }
      json_builder_set_member_name (builder, "owner");
      json_builder_add_string_value (builder, item->owner);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

int
pacte_cli_agenda (PacteCliOptions *options)
{
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const char *lang;
  guint days;

  if (!pacte_cli_parse_days (options->days, &days))
    return PACTE_CLI_EXIT_USAGE;
  portfolio = pacte_cli_load (options->agenda_file);
  if (portfolio == NULL)
    return PACTE_CLI_EXIT_BAD_FILE;
  lang = pacte_cli_language (options, portfolio);
  items = pacte_agenda_collect (portfolio, options->today, days);

  if (options->json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *file_name = g_filename_display_name (options->agenda_file);
      g_autofree char *text = NULL;

      root = items_json (items, file_name, options->today, days);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      text = json_generator_to_data (generator, NULL);
      {
        g_autofree char *shown = pacte_cli_escape_json (text);

        fputs (shown, stdout);
      }
      fputc ('\n', stdout);
    }
  else
    print_text (items, options->today, days, lang);

  if (fflush (stdout) != 0 || ferror (stdout))
    {
      pacte_cli_error (_("could not write the results to the standard output: %s"), g_strerror (errno));
      return PACTE_CLI_EXIT_BAD_FILE;
    }
  return PACTE_CLI_EXIT_OK;
}
