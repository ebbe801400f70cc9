/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-csv-export.c: partners, plans and actions as CSV.
 *
 * RFC 4180 as spreadsheets read it: CRLF line ends, a header row, cells
 * quoted (by libcsv) only when they hold the separator, a quote, a line
 * break or outer spaces.  Excel's French defaults (--excel-fr): ';' between
 * cells, a UTF-8 byte-order mark (without it Excel reads the file as
 * Windows-1252) and decimal commas. */
#include "config.h"

#include <csv.h>
#include <string.h>

#include "pacte-atomic-file.h"
#include "pacte-csv-private.h"
#include "pacte-file-read.h"
#include "pacte-i18n.h"

typedef struct
{
  GString  *out;
  char      separator;
  gboolean  first;  /* no cell yet on this line */
} Writer;

static void
write_cell (Writer     *w,
            const char *text)
{
  gsize len = strlen (text);

  if (!w->first)
    g_string_append_c (w->out, w->separator);
  w->first = FALSE;
  if (len > 0 && (strchr (text, w->separator) != NULL || strpbrk (text, "\"\r\n") != NULL
                  || text[0] == ' ' || text[len - 1] == ' '))
    {
      gsize size = 2 * len + 2;
      gsize start = w->out->len;

      g_string_set_size (w->out, start + size);
      g_string_set_size (w->out, start + csv_write (w->out->str + start, size, text, len));
    }
  else
    g_string_append_len (w->out, text, len);
}

/* A spreadsheet runs a cell starting with = + - @ as a formula: text from
 * a CRM or a portfolio is data, so it is written as text ('=…); the import
 * takes the quote off again. */
static void
write_text (Writer     *w,
            const char *text)
{
  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    {
      g_autofree char *guarded = g_strconcat ("'", text, NULL);

      write_cell (w, guarded);
    }
  else
    write_cell (w, text);
}

static void
end_line (Writer *w)
{
  g_string_append (w->out, "\r\n");
  w->first = TRUE;
}

static void
write_field (Writer      *w,
             PacteRecord *record,
             guint        field,
             const char  *lang,
             gboolean     decimal_comma)
{
  const PacteFieldInfo *info = pacte_record_get_field_info (record, field);
  g_autofree char *text = pacte_csv_format_record_value (record, field, lang, decimal_comma);

  if (info->kind == PACTE_FIELD_STRING || info->kind == PACTE_FIELD_STRV)
    write_text (w, text);
  else
    write_cell (w, text);
}

static void
write_label (Writer               *w,
             const char           *lang,
             const PacteFieldInfo *info)
{
  write_text (w, pacte_gettext_lang (lang, info->label));
}

static void
export_partners (Writer                      *w,
                 PactePortfolio              *portfolio,
                 const PacteCsvExportOptions *options)
{
  guint n_fields, n;
  const guint *fields = pacte_csv_partner_fields (&n_fields);
  PacteRecord * const *partners = pacte_record_get_items (PACTE_RECORD (portfolio),
                                                          PACTE_PORTFOLIO_PARTNERS, &n);

  for (guint f = 0; f < n_fields; f++)
    write_label (w, options->lang, pacte_csv_field_info (fields[f]));
  end_line (w);
  for (guint i = 0; i < n; i++)
    {
      for (guint f = 0; f < n_fields; f++)
        write_field (w, partners[i], fields[f], options->lang, options->excel_fr);
      end_line (w);
    }
}

static void
export_plans (Writer                      *w,
              PactePortfolio              *portfolio,
              const PacteCsvExportOptions *options)
{
  static const guint plan_fields[] = { PACTE_PLAN_ID, PACTE_PLAN_NAME, PACTE_PLAN_PHASE, PACTE_PLAN_OWNER };
  PacteRuleSet *rules = options->rules != NULL ? options->rules : pacte_rule_set_get_default ();
  guint n_rules = pacte_rule_set_get_n_rules (rules);
  g_autofree PacteRuleOutcome *outcomes = g_new0 (PacteRuleOutcome, MAX (n_rules, 1));
  g_autoptr(PactePlan) probe = g_object_new (PACTE_TYPE_PLAN, NULL);
  PacteRecord * const *plans;
  guint n;

  for (guint f = 0; f < G_N_ELEMENTS (plan_fields); f++)
    write_label (w, options->lang, pacte_record_get_field_info (PACTE_RECORD (probe), plan_fields[f]));
  write_text (w, pacte_gettext_lang (options->lang, N_("Score")));
  for (guint r = 0; r < n_rules; r++)
    write_text (w, pacte_rule_set_get_id (rules, r));
  end_line (w);

  plans = pacte_record_get_items (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_PLANS, &n);
  for (guint i = 0; i < n; i++)
    {
      int score = pacte_evaluate_plan (rules, portfolio, PACTE_PLAN (plans[i]), options->today,
                                       options->lang, outcomes);
      g_autofree char *score_text = score >= 0 ? g_strdup_printf ("%d", score) : g_strdup ("");

      for (guint f = 0; f < G_N_ELEMENTS (plan_fields); f++)
        write_field (w, plans[i], plan_fields[f], options->lang, options->excel_fr);
      write_cell (w, score_text);
      for (guint r = 0; r < n_rules; r++)
        write_cell (w, pacte_status_display_name (outcomes[r].status, options->lang));
      end_line (w);
    }
}

static void
export_actions (Writer                      *w,
                PactePortfolio              *portfolio,
                const PacteCsvExportOptions *options)
{
  g_autoptr(PacteAction) probe = g_object_new (PACTE_TYPE_ACTION, NULL);
  guint n_fields = pacte_record_get_n_fields (PACTE_RECORD (probe));
  PacteRecord * const *plans;
  guint n;

  write_text (w, pacte_gettext_lang (options->lang, N_("Plan identifier")));
  write_text (w, pacte_gettext_lang (options->lang, N_("Plan name")));
  for (guint f = 0; f < n_fields; f++)
    write_label (w, options->lang, pacte_record_get_field_info (PACTE_RECORD (probe), f));
  end_line (w);

  plans = pacte_record_get_items (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_PLANS, &n);
  for (guint i = 0; i < n; i++)
    {
      guint n_actions;
      PacteRecord * const *actions = pacte_record_get_items (plans[i], PACTE_PLAN_ACTIONS, &n_actions);

      for (guint a = 0; a < n_actions; a++)
        {
          write_field (w, plans[i], PACTE_PLAN_ID, options->lang, options->excel_fr);
          write_field (w, plans[i], PACTE_PLAN_NAME, options->lang, options->excel_fr);
          for (guint f = 0; f < n_fields; f++)
            write_field (w, actions[a], f, options->lang, options->excel_fr);
          end_line (w);
        }
    }
}

gboolean
pacte_csv_export_kind_from_name (const char         *name,
                                 PacteCsvExportKind *kind)
{
  static const char * const names[] = { "partners", "plans", "actions" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      {
        *kind = (PacteCsvExportKind) i;
        return TRUE;
      }
  return FALSE;
}

GBytes *
pacte_csv_export (PactePortfolio              *portfolio,
                  PacteCsvExportKind           kind,
                  const PacteCsvExportOptions *options)
{
  Writer w = { NULL, ',', TRUE };
  PacteCsvExportOptions defaults = { "en", FALSE, 0, NULL };

  g_return_val_if_fail (PACTE_IS_PORTFOLIO (portfolio), NULL);

  if (options == NULL)
    options = &defaults;
  if (options->lang == NULL)
    {
      defaults = *options;
      defaults.lang = pacte_i18n_user_language ();
      options = &defaults;
    }
  w.out = g_string_new (NULL);
  if (options->excel_fr)
    {
      g_string_append (w.out, "\xEF\xBB\xBF");
      w.separator = ';';
    }
  switch (kind)
    {
    case PACTE_CSV_EXPORT_PARTNERS:
      export_partners (&w, portfolio, options);
      break;
    case PACTE_CSV_EXPORT_PLANS:
      export_plans (&w, portfolio, options);
      break;
    case PACTE_CSV_EXPORT_ACTIONS:
      export_actions (&w, portfolio, options);
      break;
    default:
      g_return_val_if_reached (g_string_free_to_bytes (w.out));
    }
  return g_string_free_to_bytes (w.out);
}

gboolean
pacte_csv_export_to_file (PactePortfolio              *portfolio,
                          PacteCsvExportKind           kind,
                          const PacteCsvExportOptions *options,
                          GFile                       *file,
                          GCancellable                *cancellable,
                          GError                     **error)
{
  g_autoptr(GBytes) bytes = pacte_csv_export (portfolio, kind, options);
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!pacte_atomic_write (file, data, size, PACTE_ATOMIC_NONE, NULL, cancellable, &local_error))
    {
      g_autofree char *name = pacte_file_display_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write %s: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
