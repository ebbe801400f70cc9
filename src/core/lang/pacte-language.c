/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-language.c: the language table (see pacte-language.h). */
#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "pacte-catalog.h"
#include "pacte-language-private.h"

#define NNBSP "\u202f"  /* narrow no-break space */
#define NBSP  "\u00a0"  /* no-break space */


G_DEFINE_QUARK (pacte-language-error-quark, pacte_language_error)


/* ---- The messages every language translates -------------------------- */

const char * const pacte_month_msgids[12] = {
  NC_("month name", "January"), NC_("month name", "February"), NC_("month name", "March"),
  NC_("month name", "April"), NC_("month name", "May"), NC_("month name", "June"),
  NC_("month name", "July"), NC_("month name", "August"), NC_("month name", "September"),
  NC_("month name", "October"), NC_("month name", "November"), NC_("month name", "December"),
};
const char * const pacte_month_abbrev_msgids[12] = {
  NC_("abbreviated month name", "Jan"), NC_("abbreviated month name", "Feb"),
  NC_("abbreviated month name", "Mar"), NC_("abbreviated month name", "Apr"),
  NC_("abbreviated month name", "May"), NC_("abbreviated month name", "Jun"),
  NC_("abbreviated month name", "Jul"), NC_("abbreviated month name", "Aug"),
  NC_("abbreviated month name", "Sep"), NC_("abbreviated month name", "Oct"),
  NC_("abbreviated month name", "Nov"), NC_("abbreviated month name", "Dec"),
};
static const char * const day_msgids[7] = {
  NC_("day name", "Monday"), NC_("day name", "Tuesday"), NC_("day name", "Wednesday"),
  NC_("day name", "Thursday"), NC_("day name", "Friday"), NC_("day name", "Saturday"),
  NC_("day name", "Sunday"),
};

/* ---- The table ------------------------------------------------------- */

static PacteLanguage *languages[PACTE_LANGUAGE_MAX];
static guint n_languages;

const char *
pacte_uninstalled_build_root (void)
{
  static gsize checked;
  static gboolean uninstalled;

  if (g_once_init_enter (&checked))
    {
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

      uninstalled = exe != NULL && g_str_has_prefix (exe, PACTE_BUILD_ROOT "/");
      g_once_init_leave (&checked, 1);
    }
  return uninstalled ? PACTE_BUILD_ROOT : NULL;
}

const char *
pacte_language_locale_dir (void)
{
  static const char *dir;

  if (g_once_init_enter (&dir))
    {
      const char *env = g_getenv ("PACTE_LOCALEDIR");
      const char *found;

      if (env != NULL && *env != '\0')
        found = g_intern_string (env);
      else if (pacte_uninstalled_build_root () != NULL)
        found = PACTE_BUILD_ROOT "/po";
      else
        found = LOCALEDIR;
      g_once_init_leave (&dir, found);
    }
  return dir;
}

static void
add_language (const char *code)
{
  PacteLanguage *lang;

  if (n_languages == PACTE_LANGUAGE_MAX || *code == '\0')
    return;
  for (guint i = 0; i < n_languages; i++)
    if (g_str_equal (languages[i]->code, code))
      return;
  lang = g_new0 (PacteLanguage, 1);
  lang->index = n_languages;
  lang->code = g_strdup (code);
  languages[n_languages++] = lang;
}

/* English, then po/LINGUAS (compiled in); a folder of catalogues named by
 * PACTE_LOCALEDIR may bring its own LINGUAS (the test suite's pseudo
 * language does). */
static void
ensure_table (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      const char *env = g_getenv ("PACTE_LOCALEDIR");
      g_autofree char *linguas = NULL;
      g_auto(GStrv) codes = NULL;

      add_language ("en");
      if (env != NULL && *env != '\0')
        {
          g_autofree char *path = g_build_filename (env, "LINGUAS", NULL);

          g_file_get_contents (path, &linguas, NULL, NULL);
        }
      if (linguas == NULL)
        linguas = g_strdup (PACTE_LINGUAS);
      /* Codes separated by spaces or lines; '#' starts a comment. */
      codes = g_strsplit (linguas, "\n", -1);
      for (guint i = 0; codes[i] != NULL; i++)
        {
          g_auto(GStrv) words = NULL;
          char *hash = strchr (codes[i], '#');

          if (hash != NULL)
            *hash = '\0';
          words = g_strsplit_set (codes[i], " \t", -1);
          for (guint j = 0; words[j] != NULL; j++)
            add_language (words[j]);
        }
      g_once_init_leave (&done, 1);
    }
}

guint
pacte_language_count (void)
{
  ensure_table ();
  return n_languages;
}

const PacteLanguage *
pacte_language_nth (guint index)
{
  ensure_table ();
  g_return_val_if_fail (index < n_languages, languages[0]);
  return languages[index];
}

static const PacteLanguage *
find_exact (const char *code)
{
  for (guint i = 0; i < n_languages; i++)
    if (g_ascii_strcasecmp (languages[i]->code, code) == 0)
      return languages[i];
  return NULL;
}

const PacteLanguage *
pacte_language_find (const char *name)
{
  g_autofree char *work = NULL;
  g_autofree char *modifier = NULL;
  const PacteLanguage *found;
  char *cut;

  ensure_table ();
  if (name == NULL || *name == '\0')
    return NULL;
  if ((found = find_exact (name)) != NULL)
    return found;

  /* language[_REGION][.codeset][@modifier], "-" taken as "_": try
   * language_REGION@modifier, language@modifier, language_REGION, language. */
  work = g_strdelimit (g_strdup (name), "-", '_');
  if ((cut = strchr (work, '@')) != NULL)
    {
      modifier = g_strdup (cut);
      *cut = '\0';
    }
  if ((cut = strchr (work, '.')) != NULL)
    *cut = '\0';
  for (int pass = 0; pass < 2; pass++)
    {
      if (modifier != NULL)
        {
          g_autofree char *with = g_strconcat (work, modifier, NULL);

          if ((found = find_exact (with)) != NULL)
            return found;
        }
      if ((found = find_exact (work)) != NULL)
        return found;
      if ((cut = strchr (work, '_')) == NULL)
        break;
      *cut = '\0';
    }
  return NULL;
}

const PacteLanguage *
pacte_language_get (const char *name)
{
  const PacteLanguage *found = pacte_language_find (name);

  return found != NULL ? found : pacte_language_nth (0);
}

const PacteLanguage *
pacte_language_user (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const PacteLanguage *found;

      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        break;
      if ((found = pacte_language_find (names[i])) != NULL)
        return found;
    }
  return pacte_language_nth (0);
}

const char *
pacte_language_code (const PacteLanguage *self)
{
  g_return_val_if_fail (self != NULL, "en");
  return self->code;
}

const char *
pacte_language_name (const PacteLanguage *self)
{
  g_return_val_if_fail (self != NULL, "English");

  pacte_language_ensure_loaded (self);
  return self->name;
}

guint
pacte_language_index (const PacteLanguage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->index;
}

/* ---- Loading --------------------------------------------------------- */

static const char *
lookup_context (const PacteLanguage *self,
                const char          *context,
                const char          *msgid)
{
  g_autofree char *key = NULL;
  const char *found;

  if (self->catalog == NULL)
    return msgid;
  key = g_strconcat (context, "\004", msgid, NULL);
  found = pacte_catalog_lookup (self->catalog, key);
  return found != NULL ? found : msgid;
}

static void
load (PacteLanguage *self)
{
  if (!g_str_equal (self->code, "en"))
    {
      g_autofree char *path = g_build_filename (pacte_language_locale_dir (), self->code,
                                                "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      g_autoptr(GError) error = NULL;

      self->catalog = pacte_catalog_new_from_file (path, &error);
      if (self->catalog == NULL)
        self->load_error = g_error_new (PACTE_LANGUAGE_ERROR, PACTE_LANGUAGE_ERROR_NO_CATALOGUE,
                                        _("The messages of the language “%s” cannot be read: %s"),
                                        self->code, error->message);
    }

  for (guint i = 0; i < 12; i++)
    {
      self->months[i] = lookup_context (self, "month name", pacte_month_msgids[i]);
      self->months_abbrev[i] = lookup_context (self, "abbreviated month name", pacte_month_abbrev_msgids[i]);
    }
  for (guint i = 0; i < 7; i++)
    self->days[i] = lookup_context (self, "day name", day_msgids[i]);
  /* Translators: the first day of a month in a long date ("1er mars" in
   * French); other days are written as plain numbers. */
  self->first_day = lookup_context (self, "first day of the month", NC_("first day of the month", "1"));
  /* Translators: a long date; keep the {day}, {month} and {year} names. */
  self->date_format = lookup_context (self, "long date", NC_("long date", "{day} {month} {year}"));
  self->decimal = lookup_context (self, "decimal separator", NC_("decimal separator", "."));
  /* Translators: between groups of three digits (French: U+202F). */
  self->group = lookup_context (self, "digit group separator", NC_("digit group separator", ","));
  /* Translators: keep {number}; French puts a no-break space before %. */
  self->percent_format = lookup_context (self, "percentage", NC_("percentage", "{number}%"));
  /* Translators: an amount with a currency symbol (€, £, $); keep {sign},
   * {symbol} and {number}. */
  self->amount_symbol_format = lookup_context (self, "amount with a symbol",
                                               NC_("amount with a symbol", "{sign}{symbol}{number}"));
  /* Translators: an amount with an ISO currency code (CHF); keep {sign},
   * {code} and {number}. */
  self->amount_code_format = lookup_context (self, "amount with a currency code",
                                             NC_("amount with a currency code", "{sign}{code}\u00a0{number}"));
  /* Translators: the symbol of the US dollar, or its code where "$" is
   * ambiguous. */
  self->dollar = lookup_context (self, "currency symbol", NC_("currency symbol", "$"));
  /* Translators: a quarter of a year; keep {quarter} and {year}. */
  self->quarter_format = lookup_context (self, "quarter", NC_("quarter", "Q{quarter} {year}"));
  /* Translators: the name of your language, in your language ("Français"). */
  self->name = lookup_context (self, "this language's own name", NC_("this language's own name", "English"));
  self->zero_singular = self->catalog != NULL
                        ? pacte_catalog_plural_index (self->catalog, 0) == pacte_catalog_plural_index (self->catalog, 1)
                        : FALSE;
}

void
pacte_language_ensure_loaded (const PacteLanguage *lang)
{
  PacteLanguage *self = (PacteLanguage *) lang;

  if (g_once_init_enter (&self->loaded))
    {
      load (self);
      g_once_init_leave (&self->loaded, 1);
    }
}

gboolean
pacte_language_ensure (const PacteLanguage *self,
                       GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  pacte_language_ensure_loaded (self);
  if (self->load_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->load_error));
      return FALSE;
    }
  return TRUE;
}

/* ---- Messages -------------------------------------------------------- */

const char *
pacte_language_gettext (const PacteLanguage *self,
                        const char          *msgid)
{
  const char *found;

  g_return_val_if_fail (self != NULL && msgid != NULL, msgid);

  pacte_language_ensure_loaded (self);
  if (self->catalog == NULL)
    return msgid;
  found = pacte_catalog_lookup (self->catalog, msgid);
  return found != NULL ? found : msgid;
}

const char *
pacte_language_pgettext (const PacteLanguage *self,
                         const char          *context,
                         const char          *msgid)
{
  g_return_val_if_fail (self != NULL && context != NULL && msgid != NULL, msgid);

  pacte_language_ensure_loaded (self);
  return lookup_context (self, context, msgid);
}

const char *
pacte_language_ngettext (const PacteLanguage *self,
                         const char          *msgid,
                         const char          *msgid_plural,
                         gulong               n)
{
  const char *found;

  g_return_val_if_fail (self != NULL && msgid != NULL && msgid_plural != NULL, msgid);

  pacte_language_ensure_loaded (self);
  if (self->catalog == NULL)
    return n == 1 ? msgid : msgid_plural;
  found = pacte_catalog_lookup_plural (self->catalog, msgid, n);
  if (found != NULL)
    return found;
  return n == 1 ? msgid : msgid_plural;
}

gboolean
pacte_language_is_singular (const PacteLanguage *self,
                            double               n)
{
  double whole;

  g_return_val_if_fail (self != NULL, n == 1);

  pacte_language_ensure_loaded (self);
  if (isnan (n))
    return FALSE;
  whole = floor (fabs (n));
  if (whole > (double) G_MAXULONG)
    return FALSE;
  if (whole != fabs (n))
    /* A fraction: singular only where the rule joins 0 and 1 (French
     * "1,5 jour"); English says "1.5 days". */
    return self->zero_singular && whole < 2;
  if (self->catalog == NULL)
    return whole == 1;
  return pacte_catalog_plural_index (self->catalog, (gulong) whole) == 0;
}

/* ---- Names ----------------------------------------------------------- */

const char *
pacte_language_month_name (const PacteLanguage *self,
                           int                  month)
{
  g_return_val_if_fail (self != NULL && month >= 1 && month <= 12, "");

  pacte_language_ensure_loaded (self);
  return self->months[month - 1];
}

const char *
pacte_language_month_abbrev (const PacteLanguage *self,
                             int                  month)
{
  g_return_val_if_fail (self != NULL && month >= 1 && month <= 12, "");

  pacte_language_ensure_loaded (self);
  return self->months_abbrev[month - 1];
}

const char *
pacte_language_day_name (const PacteLanguage *self,
                         int                  weekday)
{
  g_return_val_if_fail (self != NULL && weekday >= 1 && weekday <= 7, "");

  pacte_language_ensure_loaded (self);
  return self->days[weekday - 1];
}

/* ---- Numbers --------------------------------------------------------- */

/* format with each "{name}" replaced by its value; other text kept. */
static char *
substitute (const char         *format,
            const char * const *names,
            const char * const *values,
            guint               n)
{
  GString *out = g_string_new (NULL);
  const char *p = format;

  while (*p != '\0')
    {
      gboolean replaced = FALSE;

      if (*p == '{')
        for (guint i = 0; i < n; i++)
          {
            gsize len = strlen (names[i]);

            if (strncmp (p + 1, names[i], len) == 0 && p[1 + len] == '}')
              {
                g_string_append (out, values[i]);
                p += len + 2;
                replaced = TRUE;
                break;
              }
          }
      if (!replaced)
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

const char *
pacte_language_decimal_separator (const PacteLanguage *self)
{
  g_return_val_if_fail (self != NULL, ".");

  pacte_language_ensure_loaded (self);
  return self->decimal;
}

/* |value| rounded half away from zero to `decimals` places, grouped. */
static char *
format_fixed (const PacteLanguage *self,
              double               value,
              int                  decimals,
              gboolean             trim)
{
  double scale = pow (10.0, decimals);
  double scaled = floor (fabs (value) * scale + 0.5);
  double whole_part = floor (scaled / scale);
  g_autofree char *whole = g_strdup_printf ("%.0f", whole_part);
  g_autofree char *fraction = decimals > 0 ? g_strdup_printf ("%0*.0f", decimals, scaled - whole_part * scale)
                                           : g_strdup ("");
  GString *out = g_string_new (NULL);
  gsize len = strlen (whole), flen = strlen (fraction);

  if (trim)
    while (flen > 0 && fraction[flen - 1] == '0')
      fraction[--flen] = '\0';
  if (value < 0 && (strcmp (whole, "0") != 0 || flen > 0))
    g_string_append (out, "-");
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, self->group);
      g_string_append_c (out, whole[i]);
    }
  if (flen > 0)
    {
      g_string_append (out, self->decimal);
      g_string_append (out, fraction);
    }
  return g_string_free (out, FALSE);
}

char *
pacte_language_format_number (const PacteLanguage *self,
                              double               value,
                              int                  max_decimals)
{
  g_return_val_if_fail (self != NULL, NULL);

  pacte_language_ensure_loaded (self);
  if (isnan (value))
    return g_strdup ("—");
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "-∞");
  return format_fixed (self, value, CLAMP (max_decimals, 0, 6), TRUE);
}

char *
pacte_language_format_amount (const PacteLanguage *self,
                              double               value,
                              const char          *currency)
{
  static const char * const names[] = { "sign", "symbol", "code", "number" };
  g_autofree char *number = NULL;
  const char *symbol = NULL;
  const char *values[4];

  g_return_val_if_fail (self != NULL, NULL);

  pacte_language_ensure_loaded (self);
  if (isnan (value))
    return g_strdup ("—");
  if (currency == NULL || *currency == '\0')
    currency = "EUR";
  if (g_str_equal (currency, "EUR"))
    symbol = "€";
  else if (g_str_equal (currency, "GBP"))
    symbol = "£";
  else if (g_str_equal (currency, "USD") && !g_str_equal (self->dollar, "USD"))
    symbol = self->dollar;

  number = isinf (value) ? g_strdup ("∞") : format_fixed (self, fabs (value), 2, FALSE);
  values[0] = value < 0 ? "-" : "";
  values[1] = symbol != NULL ? symbol : currency;
  values[2] = currency;
  values[3] = number;
  return substitute (symbol != NULL ? self->amount_symbol_format : self->amount_code_format,
                     names, values, G_N_ELEMENTS (names));
}

char *
pacte_language_format_percent (const PacteLanguage *self,
                               double               percent)
{
  static const char * const names[] = { "number" };
  g_autofree char *number = NULL;
  const char *values[1];

  g_return_val_if_fail (self != NULL, NULL);

  if (isnan (percent))
    return g_strdup ("—");
  number = pacte_language_format_number (self, percent, 0);
  values[0] = number;
  return substitute (self->percent_format, names, values, 1);
}

/* ---- Dates ----------------------------------------------------------- */

static gboolean
julian_to_dmy (guint32  julian,
               int     *day,
               int     *month,
               int     *year)
{
  GDate date;

  if (!g_date_valid_julian (julian))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  *day = g_date_get_day (&date);
  *month = g_date_get_month (&date);
  *year = g_date_get_year (&date);
  return TRUE;
}

char *
pacte_language_format_date (const PacteLanguage *self,
                            guint32              julian)
{
  static const char * const names[] = { "day", "month", "year" };
  int day, month, year;
  char day_text[16], year_text[16];
  const char *values[3];

  g_return_val_if_fail (self != NULL, NULL);

  pacte_language_ensure_loaded (self);
  if (!julian_to_dmy (julian, &day, &month, &year))
    return g_strdup ("—");
  g_snprintf (day_text, sizeof day_text, "%d", day);
  g_snprintf (year_text, sizeof year_text, "%d", year);
  values[0] = day == 1 ? self->first_day : day_text;
  values[1] = self->months[month - 1];
  values[2] = year_text;
  return substitute (self->date_format, names, values, 3);
}

char *
pacte_language_format_date_numeric (const PacteLanguage *self,
                                    PacteDateOrder       order,
                                    guint32              julian)
{
  int day, month, year;

  g_return_val_if_fail (self != NULL, NULL);

  if (!julian_to_dmy (julian, &day, &month, &year))
    return g_strdup ("—");
  if (order == PACTE_DATE_ORDER_MDY)
    return g_strdup_printf ("%02d/%02d/%04d", month, day, year);
  return g_strdup_printf ("%02d/%02d/%04d", day, month, year);
}

char *
pacte_language_format_quarter (const PacteLanguage *self,
                               int                  year,
                               int                  quarter)
{
  static const char * const names[] = { "quarter", "year" };
  char quarter_text[16], year_text[16];
  const char *values[2] = { quarter_text, year_text };

  g_return_val_if_fail (self != NULL, NULL);

  pacte_language_ensure_loaded (self);
  g_snprintf (quarter_text, sizeof quarter_text, "%d", quarter);
  g_snprintf (year_text, sizeof year_text, "%d", year);
  return substitute (self->quarter_format, names, values, 2);
}

