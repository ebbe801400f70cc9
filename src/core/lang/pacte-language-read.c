/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-language-read.c: reading what a user types in a language (see
 * pacte-language.h): dates in any order the language allows, with month
 * names or numbers ("1er mars 2027", "3/1/2027"), and quarters ("T1 2027");
 * the date order of the user's locale; the window's helpers. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pacte-language-private.h"

PacteDateOrder
pacte_date_order_for_locale (const char *locale_name)
{
  /* The United States (and a few of its territories) write month first. */
  static const char * const month_first[] = { "_US", "_PH", "_PR", "_AS", "_GU", "_UM", "_VI" };

  if (locale_name == NULL)
    return PACTE_DATE_ORDER_DMY;
  for (guint i = 0; i < G_N_ELEMENTS (month_first); i++)
    {
      const char *at = strstr (locale_name, month_first[i]);

      if (at != NULL && (at[3] == '\0' || at[3] == '.' || at[3] == '@'))
        return PACTE_DATE_ORDER_MDY;
    }
  return PACTE_DATE_ORDER_DMY;
}

PacteDateOrder
pacte_date_order_user (void)
{
  static gsize order;

  if (g_once_init_enter (&order))
    {
      static const char * const variables[] = { "LC_ALL", "LC_TIME", "LANG" };
      PacteDateOrder found = PACTE_DATE_ORDER_DMY;

      for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
        {
          const char *value = g_getenv (variables[i]);

          if (value != NULL && *value != '\0')
            {
              found = pacte_date_order_for_locale (value);
              break;
            }
        }
      g_once_init_leave (&order, found + 1);
    }
  return (PacteDateOrder) (order - 1);
}

/* Lower case without accents or a final dot: "Févr." -> "fevr". */
static char *
fold_word (const char *word)
{
  g_autofree char *down = g_utf8_strdown (word, -1);
  g_autofree char *decomposed = g_utf8_normalize (down, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c) || c == '.')
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The month a word names in names[] (full) or abbrevs[]: 1..12, 0 for none,
 * -1 when a prefix fits more than one month. */
static int
match_month_in (const char * const *names,
                const char * const *abbrevs,
                const char         *folded)
{
  int found = 0;

  for (int m = 0; m < 12; m++)
    {
      g_autofree char *name = fold_word (names[m]);
      g_autofree char *abbrev = fold_word (abbrevs[m]);

      if (g_str_equal (folded, name) || g_str_equal (folded, abbrev))
        return m + 1;
    }
  if (g_utf8_strlen (folded, -1) < 3)
    return 0;
  for (int m = 0; m < 12; m++)
    {
      g_autofree char *name = fold_word (names[m]);

      if (g_str_has_prefix (name, folded))
        {
          if (found != 0 && found != m + 1)
            return -1;
          found = m + 1;
        }
    }
  return found;
}

static int
match_month (const PacteLanguage *self,
             const char          *word)
{
  g_autofree char *folded = fold_word (word);
  int found = match_month_in (self->months, self->months_abbrev, folded);

  if (found == 0 && self->index != 0)
    found = match_month_in (pacte_month_msgids, pacte_month_abbrev_msgids, folded);
  return found;
}

/* Ordinal endings after a day number: 1er, 1re, 2e, 1st, 2nd, 3rd, 4th. */
static gboolean
is_ordinal_suffix (const char *word)
{
  static const char * const suffixes[] = { "er", "re", "e", "eme", "st", "nd", "rd", "th" };
  g_autofree char *folded = fold_word (word);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_equal (folded, suffixes[i]))
      return TRUE;
  return FALSE;
}

typedef struct
{
  gboolean  is_number;
  int       value;      /* the number, or the month of a word */
  guint     digits;
  char     *text;
} Token;

static void
token_clear (Token *token)
{
  g_free (token->text);
}

static gboolean
fail (GError             **error,
      const PacteLanguage *self,
      const char          *message)
{
  g_set_error_literal (error, PACTE_LANGUAGE_ERROR, PACTE_LANGUAGE_ERROR_INVALID_DATE, message);
  return FALSE;
}

static gboolean
fail_example (GError             **error,
              const PacteLanguage *self,
              PacteDateOrder       order)
{
  GDate example;
  g_autofree char *numeric = NULL;
  g_autofree char *message = NULL;

  g_date_clear (&example, 1);
  g_date_set_dmy (&example, 15, 11, 2026);
  numeric = pacte_language_format_date_numeric (self, order, g_date_get_julian (&example));
  message = g_strdup_printf (pacte_language_gettext (self, N_("Not a date: write it as %s or 2026-11-15")),
                             numeric);
  return fail (error, self, message);
}

gboolean
pacte_language_parse_date (const PacteLanguage *self,
                           PacteDateOrder       order,
                           const char          *text,
                           guint32             *julian,
                           GError             **error)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  g_autofree char *message = NULL;
  int day = 0, month = 0, year = 0;
  guint n_words = 0;
  const char *p;
  GDate date;

  g_return_val_if_fail (self != NULL && julian != NULL, FALSE);

  pacte_language_ensure_loaded (self);
  g_array_set_clear_func (tokens, (GDestroyNotify) token_clear);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return fail_example (error, self, order);

  /* Numbers and words; anything else (space, / . - ,) separates. */
  for (p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);
      const char *start = p;
      Token token = { 0 };

      if (g_unichar_isdigit (c) && c < 128)
        {
          while (g_ascii_isdigit (*p))
            p++;
          token.is_number = TRUE;
          token.digits = (guint) (p - start);
          token.text = g_strndup (start, p - start);
          if (token.digits > 4)
            {
              token_clear (&token);
              return fail_example (error, self, order);
            }
          token.value = atoi (token.text);
          g_array_append_val (tokens, token);
        }
      else if (g_unichar_isalpha (c))
        {
          while (*p != '\0' && (g_unichar_isalpha (g_utf8_get_char (p)) || *p == '.'))
            p = g_utf8_next_char (p);
          token.text = g_strndup (start, p - start);
          /* "1er", "2nd": an ordinal ending glued to the day belongs to it. */
          if (tokens->len > 0 && g_array_index (tokens, Token, tokens->len - 1).is_number
              && start > text && g_ascii_isdigit (start[-1]) && is_ordinal_suffix (token.text))
            {
              token_clear (&token);
              continue;
            }
          token.value = match_month (self, token.text);
          if (token.value <= 0)
            {
              if (token.value < 0)
                message = g_strdup_printf (pacte_language_gettext (self, N_("“%s” could be more than one month: write more of its name")),
                                           token.text);
              else
                message = g_strdup_printf (pacte_language_gettext (self, N_("“%s” is not a month")), token.text);
              token_clear (&token);
              return fail (error, self, message);
            }
          n_words++;
          g_array_append_val (tokens, token);
        }
      else if (c == ' ' || c == '/' || c == '.' || c == '-' || c == ',' || c == 0xA0 || c == 0x202F
               || c == '\t')
        p = g_utf8_next_char (p);
      else
        return fail_example (error, self, order);
    }

  if (tokens->len != 3 || n_words > 1)
    return fail_example (error, self, order);

#define TOK(i) (&g_array_index (tokens, Token, (i)))
  if (n_words == 1)
    {
      /* "15 nov. 2026", "Nov 15, 2026", "2026 nov 15" is not a form. */
      if (!TOK (0)->is_number && TOK (2)->is_number)
        {
          month = TOK (0)->value;
          day = TOK (1)->value;
          year = TOK (2)->value;
          if (TOK (2)->digits != 4)
            return fail_example (error, self, order);
        }
      else if (!TOK (1)->is_number && TOK (0)->is_number && TOK (2)->is_number && TOK (2)->digits == 4)
        {
          day = TOK (0)->value;
          month = TOK (1)->value;
          year = TOK (2)->value;
        }
      else
        return fail_example (error, self, order);
    }
  else if (TOK (0)->digits == 4)
    {
      year = TOK (0)->value;  /* ISO */
      month = TOK (1)->value;
      day = TOK (2)->value;
    }
  else if (TOK (2)->digits == 4)
    {
      day = TOK (order == PACTE_DATE_ORDER_MDY ? 1 : 0)->value;
      month = TOK (order == PACTE_DATE_ORDER_MDY ? 0 : 1)->value;
      year = TOK (2)->value;
    }
  else
    {
      message = g_strdup (pacte_language_gettext (self, N_("Write the year with four digits, such as 2026")));
      return fail (error, self, message);
    }
#undef TOK

  if (year < 1)
    return fail_example (error, self, order);
  if (month < 1 || month > 12)
    {
      message = g_strdup_printf (pacte_language_gettext (self, N_("There is no month %d: months go from 1 to 12")),
                                 month);
      return fail (error, self, message);
    }
  if (day < 1 || day > g_date_get_days_in_month (month, year))
    {
      /* Translators: "February 2027 has 28 days": the month's name, its
       * year, its number of days. */
      message = g_strdup_printf (pacte_language_gettext (self, N_("%s %d has %d days")),
                                 self->months[month - 1], year,
                                 g_date_get_days_in_month (month, year));
      return fail (error, self, message);
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  *julian = g_date_get_julian (&date);
  return TRUE;
}

gboolean
pacte_language_parse_quarter (const PacteLanguage *self,
                              const char          *text,
                              int                 *year,
                              int                 *quarter)
{
  g_autofree char *folded = NULL;
  g_autofree char *letter = NULL;
  const char *brace;
  int y = 0, q = 0;
  guint year_digits = 0;
  char *p;

  g_return_val_if_fail (self != NULL && year != NULL && quarter != NULL, FALSE);

  pacte_language_ensure_loaded (self);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  /* The language's letter: what its format writes before {quarter}. */
  brace = strstr (self->quarter_format, "{quarter}");
  if (brace != NULL)
    {
      g_autofree char *before = g_strndup (self->quarter_format, brace - self->quarter_format);

      letter = g_strstrip (fold_word (before));
    }
  else
    letter = g_strdup ("q");
  folded = fold_word (text);
  /* Year (four digits) and "<letter><1-4>" (or "<1-4><letter>"), in any
   * order, separated by spaces or a dash. */
  for (p = folded; *p != '\0';)
    {
      if (*p == ' ' || *p == '-' || *p == '/')
        p++;
      else if (g_ascii_isdigit (*p) && g_ascii_isdigit (p[1]))
        {
          if (year_digits != 0)
            return FALSE;
          while (g_ascii_isdigit (*p))
            {
              y = y * 10 + (*p++ - '0');
              if (++year_digits > 4)
                return FALSE;
            }
        }
      else if (q == 0 && (*p == 'q' || (*letter != '\0' && g_str_has_prefix (p, letter)))
               && p[*p == 'q' ? 1 : strlen (letter)] >= '1' && p[*p == 'q' ? 1 : strlen (letter)] <= '4')
        {
          p += *p == 'q' ? 1 : strlen (letter);
          q = *p++ - '0';
          if (g_ascii_isdigit (*p))
            return FALSE;
        }
      else if (q == 0 && *p >= '1' && *p <= '4' && (p[1] == 'q' || (*letter != '\0' && g_str_has_prefix (p + 1, letter))))
        {
          q = *p - '0';
          p += 1 + (p[1] == 'q' ? 1 : strlen (letter));
        }
      else
        return FALSE;
    }
  if (q == 0 || year_digits != 4)
    return FALSE;
  *year = y;
  *quarter = q;
  return TRUE;
}

/* ---- In the window: the user's language and date order ---------------- */

char *
pacte_date_display (guint32 julian)
{
  if (julian == 0 || !g_date_valid_julian (julian))
    return NULL;
  return pacte_language_format_date_numeric (pacte_language_user (), pacte_date_order_user (), julian);
}

gboolean
pacte_date_read (const char *text,
                 guint32    *julian,
                 GError    **error)
{
  return pacte_language_parse_date (pacte_language_user (), pacte_date_order_user (), text, julian, error);
}

char *
pacte_quarter_display (const char *iso)
{
  int year, quarter;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  /* "YYYY-Qn" as the file writes it. */
  if (strlen (iso) != 7 || iso[4] != '-' || iso[5] != 'Q'
      || !pacte_language_parse_quarter (pacte_language_nth (0), iso, &year, &quarter))
    return g_strdup (iso);
  return pacte_language_format_quarter (pacte_language_user (), year, quarter);
}

char *
pacte_quarter_read (const char *text)
{
  int year, quarter;

  if (!pacte_language_parse_quarter (pacte_language_user (), text, &year, &quarter))
    return NULL;
  return g_strdup_printf ("%04d-Q%d", year, quarter);
}
