/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-cli-csv.c: CSV from and to the CRM (docs/csv.md).
 *
 *   pacte --import-partners CSV FILE [--map COLUMN=field,…] [--dry-run] [-o OUT] [--lang]
 *   pacte --export-csv partners|plans|actions FILE -o OUT.csv [--excel-fr] [--lang] [--date]
 *
 * The import prints the mapping it uses (guessed from the headers, then
 * what --map changed), what it adds and updates, and writes the portfolio
 * atomically (FILE~ keeps the previous version) unless --dry-run.  Text
 * from the CSV file goes through pacte_cli_escape() on its way to the
 * terminal. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pacte-atomic-file.h"
#include "pacte-cli.h"
#include "pacte-csv.h"
#include "pacte-i18n.h"

/* printf with text that may come from the file, escaped. */
static void
print_escaped (const char *format,
               ...) G_GNUC_PRINTF (1, 2);

static void
print_escaped (const char *format,
               ...)
{
  g_autofree char *text = NULL;
  g_autofree char *safe = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  safe = pacte_cli_escape (text);
  printf ("%s\n", safe);
}

static const char *
field_label (const char *lang,
             guint       field)
{
  return pacte_gettext_lang (lang, pacte_csv_field_info (field)->label);
}

static void
print_mapping (PacteCsvTable   *table,
               PacteCsvMapping *mapping,
               gboolean         guessed,
               const char      *lang)
{
  printf ("%s\n", pacte_gettext_lang (lang, guessed
                                      ? N_("Columns, as guessed from their headers (change with --map COLUMN=field,…):")
                                      : N_("Columns, with --map:")));
  for (guint c = 0; c < pacte_csv_table_get_n_columns (table); c++)
    {
      int field = pacte_csv_mapping_get_field (mapping, c);
      const char *header = pacte_csv_table_get_header (table, c);

      if (field == PACTE_CSV_IGNORE)
        print_escaped (pacte_cli_format_lang (lang, N_("  %u “%s” → ignored")), c + 1, header);
      else
        print_escaped (pacte_cli_format_lang (lang, N_("  %u “%s” → %s (%s)")), c + 1, header,
                       pacte_csv_field_name (field), field_label (lang, field));
    }
}

static void
print_entries (PacteCsvPlan *plan,
               const char   *lang)
{
  for (guint i = 0; i < pacte_csv_plan_get_n_entries (plan); i++)
    {
      const PacteCsvEntry *entry = pacte_csv_plan_get_entry (plan, i);
      const char *name = pacte_record_get_string (PACTE_RECORD (entry->partner), PACTE_PARTNER_NAME);

      if (entry->is_new)
        print_escaped (pacte_cli_format_lang (lang, N_("Row %u: add “%s”")), entry->row_number, name);
      else
        print_escaped (pacte_cli_format_lang (lang, N_("Row %u: update “%s”")), entry->row_number, name);
      for (guint j = 0; j < entry->changes->len; j++)
        {
          PacteCsvChange *change = g_ptr_array_index (entry->changes, j);

          if (entry->is_new)
            print_escaped (pacte_cli_format_lang (lang, N_("    %s: %s")),
                           field_label (lang, change->field), change->after);
          else
            print_escaped (pacte_cli_format_lang (lang, N_("    %s: %s → %s")),
                           field_label (lang, change->field),
                           *change->before != '\0' ? change->before : "—", change->after);
        }
    }
}

/* "2 partners added, 1 updated, 9 unchanged." */
static void
print_counts (PacteCsvPlan *plan,
              const char   *lang,
              gboolean      dry_run)
{
  guint added = pacte_csv_plan_get_n_added (plan);
  guint updated = pacte_csv_plan_get_n_updated (plan);
  guint unchanged = pacte_csv_plan_get_n_unchanged (plan);
  g_autofree char *a = NULL;
  g_autofree char *u = NULL;
  g_autofree char *n = NULL;

  /* pacte_ngettext_lang() has no format attribute: each pair takes one %u. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  if (dry_run)
    {
      a = g_strdup_printf (pacte_ngettext_lang (lang, "%u partner would be added", "%u partners would be added", added), added);
      u = g_strdup_printf (pacte_ngettext_lang (lang, "%u would be updated", "%u would be updated", updated), updated);
    }
  else
    {
      a = g_strdup_printf (pacte_ngettext_lang (lang, "%u partner added", "%u partners added", added), added);
      u = g_strdup_printf (pacte_ngettext_lang (lang, "%u updated", "%u updated", updated), updated);
    }
  n = g_strdup_printf (pacte_ngettext_lang (lang, "%u unchanged", "%u unchanged", unchanged), unchanged);
#pragma GCC diagnostic pop
  /* Translators: the counts of an import: "2 partners added, 1 updated, 9 unchanged." */
  printf (pacte_cli_format_lang (lang, N_("%s, %s, %s.")), a, u, n);
  fputc ('\n', stdout);
}

int
pacte_cli_import_partners (PacteCliOptions *options)
{
  const char *csv_path = options->args[0];
  const char *file_path = options->args[1];
  const char *out_path = options->output != NULL ? options->output : file_path;
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autoptr(PacteCsvTable) table = NULL;
  g_autoptr(PacteCsvMapping) mapping = NULL;
  g_autoptr(PacteCsvPlan) plan = NULL;
  g_autoptr(GFile) csv_file = g_file_new_for_commandline_arg (csv_path);
  g_autoptr(GError) error = NULL;
  const char *lang;

  pacte_atomic_remove_temp_on_signals ();
  if (options->output != NULL && !pacte_cli_check_output (options->output, file_path, FALSE))
    return PACTE_CLI_EXIT_BAD_FILE;
  portfolio = pacte_cli_load (file_path);
  if (portfolio == NULL)
    return PACTE_CLI_EXIT_BAD_FILE;
  lang = pacte_cli_language (options, portfolio);
  if (lang == NULL)
    return PACTE_CLI_EXIT_BAD_FILE;

  table = pacte_csv_table_new_from_file (csv_file, NULL, &error);
  if (table == NULL)
    {
      pacte_cli_error (_("%s; nothing was imported"), error->message);
      return PACTE_CLI_EXIT_BAD_FILE;
    }
  mapping = pacte_csv_mapping_guess (table);
  if (options->map != NULL && !pacte_csv_mapping_parse (mapping, table, options->map, &error))
    {
      pacte_cli_error ("%s", error->message);
      return PACTE_CLI_EXIT_USAGE;
    }
  print_mapping (table, mapping, options->map == NULL, lang);

  plan = pacte_csv_plan_new (portfolio, table, mapping, &error);
  if (plan == NULL)
    {
      pacte_cli_error (_("%s; nothing was imported"), error->message);
      return PACTE_CLI_EXIT_BAD_FILE;
    }
  if (options->dry_run)
    {
      print_entries (plan, lang);
      print_counts (plan, lang, TRUE);
      printf ("%s\n", pacte_gettext_lang (lang, N_("Nothing was written (--dry-run).")));
      return PACTE_CLI_EXIT_OK;
    }

  if (pacte_csv_plan_get_n_entries (plan) > 0 || options->output != NULL)
    {
      g_autoptr(GFile) target = g_file_new_for_commandline_arg (out_path);

      if (!pacte_csv_plan_apply (plan, &error)
          || !pacte_portfolio_save (portfolio, target, NULL, &error))
        {
          g_autofree char *name = pacte_file_display_name (target);

          pacte_cli_error (_("%s: could not write the file: %s; nothing was changed"), name, error->message);
          return PACTE_CLI_EXIT_BAD_FILE;
        }
    }
  print_counts (plan, lang, FALSE);
  return PACTE_CLI_EXIT_OK;
}

int
pacte_cli_export_csv (PacteCliOptions *options)
{
  const char *file_path = options->args[0];
  PacteCsvExportOptions export = { NULL, options->excel_fr, options->today, pacte_rule_set_get_default () };
  PacteCsvExportKind kind;
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;

  pacte_atomic_remove_temp_on_signals ();
  if (!pacte_csv_export_kind_from_name (options->mode_value, &kind))
    {
      pacte_cli_error (_("unknown export “%s”: expected partners, plans or actions"), options->mode_value);
      return PACTE_CLI_EXIT_USAGE;
    }
  /* -o is required: the parser refused the command line without it. */
  g_return_val_if_fail (options->output != NULL, PACTE_CLI_EXIT_USAGE);
  if (!pacte_cli_check_output (options->output, file_path, TRUE))
    return PACTE_CLI_EXIT_BAD_FILE;
  portfolio = pacte_cli_load (file_path);
  if (portfolio == NULL)
    return PACTE_CLI_EXIT_BAD_FILE;
  export.lang = pacte_cli_language (options, portfolio);
  if (export.lang == NULL)
    return PACTE_CLI_EXIT_BAD_FILE;

  target = g_file_new_for_commandline_arg (options->output);
  if (!pacte_csv_export_to_file (portfolio, kind, &export, target, NULL, &error))
    {
      pacte_cli_error ("%s", error->message);
      return PACTE_CLI_EXIT_BAD_FILE;
    }
  return PACTE_CLI_EXIT_OK;
}
