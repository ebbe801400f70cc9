/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-report-blocks.c: text in the report's language and the blocks
 * (parts, headings, paragraphs, tables) the report's parts are made of. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-language.h"
#include "pacte-report-build.h"

/* ---- Text in the report's language --------------------------------------- */

const char *
pacte_report_text (PacteReport *self,
                   const char  *msgid)
{
  const char *text;

  /* pacte_gettext_lang() switches the message locale per call: cache it, a
   * portfolio report asks for the same few hundred strings thousands of times. */
  text = g_hash_table_lookup (self->translations, msgid);
  if (text == NULL)
    {
      text = pacte_gettext_lang (self->lang, msgid);
      g_hash_table_insert (self->translations, (gpointer) msgid, (gpointer) text);
    }
  return text;
}

/* The same, for a printf format (lets the compiler check the arguments against the msgid). */
const char *
pacte_report_text_format (PacteReport *self,
                          const char  *msgid)
{
  return T (self, msgid);
}

const char *
pacte_report_choice_name (PacteReport *self,
                          const char  *value)
{
  if (value == NULL || *value == '\0')
    return "—";
  return pacte_choice_display_name_lang (self->lang, value);
}

const char *
pacte_report_status_word (PacteReport *self,
                          PacteStatus  status)
{
  return pacte_status_display_name (status, self->lang);
}

char *
pacte_report_amount (PacteReport *self,
                     double       value)
{
  return pacte_format_amount (self->lang, value, self->currency);
}

/* A date is never broken across lines ("30 septembre" / "2027"): its
 * spaces become no-break spaces. */
char *
pacte_report_date_text (PacteReport *self,
                        guint32      julian)
{
  g_autofree char *date = pacte_format_date (self->lang, julian);
  g_auto(GStrv) words = g_strsplit (date, " ", -1);

  return g_strjoinv (PACTE_NBSP, words);
}

const char *
pacte_report_or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

char *
pacte_report_partner_names (PacteReport        *self,
                            const char * const *ids)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      PactePartner *partner = pacte_portfolio_find_partner (self->portfolio, ids[i]);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, partner != NULL
                            ? pacte_record_get_string (PACTE_RECORD (partner), PACTE_PARTNER_NAME)
                            : ids[i]);
    }
  if (out->len == 0)
    g_string_append (out, "—");
  return g_string_free (out, FALSE);
}

/* "+4.6 points" / "+4,6 points", held together. */
char *
pacte_report_gain_text (PacteReport *self,
                        double       gain,
                        int          decimals)
{
  g_autofree char *number = pacte_format_number (self->lang, gain, decimals);
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;

  PRINTF_PLURAL_BEGIN
  /* The language's plural rule for a number that need not be whole. */
  text = g_strdup_printf (pacte_ngettext_lang (self->lang, "+%s point", "+%s points",
                                               pacte_language_is_singular (pacte_language_get (self->lang),
                                                                           round (gain * 10) / 10) ? 1 : 2),
                          number);
  PRINTF_PLURAL_END
  words = g_strsplit (text, " ", -1);
  return g_strjoinv (PACTE_NBSP, words);
}

char *
pacte_report_hold_units (char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p != '\0'; p++)
    {
      /* "587 participants", "30 jours": a space after a digit holds. */
      if (*p == ' ' && p > text && g_ascii_isdigit (p[-1]) && p[1] != '\0' && p[1] != ' ')
        g_string_append (out, PACTE_NBSP);
      else
        g_string_append_c (out, *p);
    }
  g_free (text);
  return g_string_free (out, FALSE);
}

/* ---- Blocks --------------------------------------------------------------- */

PacteReportTable *
pacte_report_block_table (PacteReport            *self,
                          guint                   n_columns,
                          const double           *widths,
                          const PacteReportAlign *aligns,
                          const char * const     *header_msgids)
{
  PacteReportTable *t = pacte_report_layout_table (self->layout, n_columns, widths, aligns, TRUE);
  const char *texts[16];

  g_assert (n_columns <= G_N_ELEMENTS (texts));
  for (guint i = 0; i < n_columns; i++)
    texts[i] = T (self, header_msgids[i]);
  pacte_report_table_set_header (t, texts);
  return t;
}

/* A part of the report (the summary, a plan): a page break, and an entry of
 * the PDF's outline that links and the part's sections point to. */
void
pacte_report_begin_part (PacteReport *self,
                         char        *name,
                         const char  *outline_title,
                         const char  *running_title)
{
  g_free (self->part);
  self->part = name;
  self->n_sections = 0;
  pacte_report_layout_new_page (self->layout, running_title);
  pacte_report_layout_anchor (self->layout, name, outline_title, 1);
}

/* A section's heading, with its entry in the outline under its part. */
void
pacte_report_section_heading (PacteReport *self,
                              const char  *text)
{
  g_autofree char *name = g_strdup_printf ("%s-%u", self->part, ++self->n_sections);

  pacte_report_layout_anchor (self->layout, name, text, 2);
  pacte_report_layout_heading (self->layout, PACTE_REPORT_STYLE_H1, text);
}

void
pacte_report_heading (PacteReport *self,
                      const char  *msgid)
{
  section_heading (self, T (self, msgid));
}

void
pacte_report_paragraph (PacteReport      *self,
                        PacteReportStyle  style,
                        const char       *text)
{
  pacte_report_layout_paragraph (self->layout, style, text);
}

/* A paragraph that introduces what follows: never alone at a page bottom. */
void
pacte_report_lead_in (PacteReport      *self,
                      PacteReportStyle  style,
                      const char       *text)
{
  pacte_report_layout_paragraph (self->layout, style, text);
  pacte_report_layout_keep_with_next (self->layout);
}

/* The label/value lines of a cover block. */
void
pacte_report_key_value (PacteReport      *self,
                        PacteReportTable *t,
                        const char       *label_msgid,
                        char             *value)
{
  PacteReportRow *row = pacte_report_table_add_row (t, PACTE_REPORT_ROW_KEY);

  pacte_report_row_set (row, 0, T (self, label_msgid), PACTE_REPORT_STYLE_BOLD);
  pacte_report_row_take (row, 1, value != NULL ? value : g_strdup ("—"), PACTE_REPORT_STYLE_BODY);
}

const char *
pacte_report_language_name (const char *lang)
{
  /* Each language by its own name: the reader reads that language. */
  return pacte_language_name (pacte_language_get (lang));
}

char *
pacte_report_plan_anchor (guint index)
{
  return g_strdup_printf ("plan-%u", index + 1);
}
