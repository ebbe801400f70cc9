/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-csv-map.c: which partner field a CSV column fills.
 *
 * A CRM names its columns in the user's language: "Account Name" in
 * Salesforce, "Company name" in HubSpot, "Nom" or "Raison sociale" in a
 * French Odoo or Excel file.  The guess compares each header, without case,
 * accents or punctuation, with a table of such names and with the labels
 * of the partner's fields in every language Pacte speaks (so that Pacte's
 * own export is read back exactly).  Also here: values as CSV text and
 * back, shared by the import and the export. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pacte-csv-private.h"
#include "pacte-i18n.h"
#include "pacte-language.h"
#include "pacte-number.h"

/* The fields a column can fill on import: the partner's own, in the order
 * the export writes them, then those of the row's contact
 * (PACTE_CSV_CONTACT + PACTE_CONTACT_*). */
static const guint import_fields[] = {
  PACTE_PARTNER_ID,
  PACTE_PARTNER_NAME,
  PACTE_PARTNER_SEGMENT,
  PACTE_PARTNER_LABEL,
  PACTE_PARTNER_TERRITORIES,
  PACTE_PARTNER_PRODUCTS,
  PACTE_PARTNER_SECTORS,
  PACTE_PARTNER_CROSS_BUSINESS_PARTNER_BUYS_FROM_US,
  PACTE_PARTNER_CROSS_BUSINESS_WE_BUY_FROM_PARTNER,
  PACTE_PARTNER_CROSS_BUSINESS_NOTES,
  PACTE_PARTNER_NOTES,
  PACTE_CSV_CONTACT + PACTE_CONTACT_NAME,
  PACTE_CSV_CONTACT + PACTE_CONTACT_ROLE,
  PACTE_CSV_CONTACT + PACTE_CONTACT_JOB_TITLE,
  PACTE_CSV_CONTACT + PACTE_CONTACT_EMAIL,
  PACTE_CSV_CONTACT + PACTE_CONTACT_PHONE,
};

/* A contact's fields as a column names them: "contact.email" for --map,
 * "Contact email" in the dialog. */
static const struct {
  const char *json_path;
  const char *property;
  const char *label;
} contact_names[] = {
  { "contact.name", "contact-name", N_("Contact name") },
  { "contact.role", "contact-role", N_("Contact role") },
  { "contact.job_title", "contact-job-title", N_("Contact job title") },
  { "contact.email", "contact-email", N_("Contact email") },
  { "contact.phone", "contact-phone", N_("Contact phone") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (contact_names) == PACTE_CONTACT_N_FIELDS);

/* Header names of CRM exports, as pacte_csv_header_key() gives them. A
 * weight of 1 only fills a field that no better column fills (a website
 * goes to the notes when there is no description). */
typedef struct
{
  const char *header;
  guint       field;
  guint       weight;
} Synonym;

static const Synonym synonyms[] = {
  /* ids: Salesforce, HubSpot, Odoo ("id" is its external id) */
  { "id", PACTE_PARTNER_ID, 10 },
  { "account id", PACTE_PARTNER_ID, 10 },
  { "record id", PACTE_PARTNER_ID, 10 },
  { "company id", PACTE_PARTNER_ID, 10 },
  { "partner id", PACTE_PARTNER_ID, 10 },
  { "external id", PACTE_PARTNER_ID, 10 },
  { "identifiant", PACTE_PARTNER_ID, 10 },
  { "id du compte", PACTE_PARTNER_ID, 10 },
  { "id de l enregistrement", PACTE_PARTNER_ID, 10 },
  { "id de l entreprise", PACTE_PARTNER_ID, 10 },
  { "id externe", PACTE_PARTNER_ID, 10 },
  { "id du partenaire", PACTE_PARTNER_ID, 10 },
  /* names */
  { "name", PACTE_PARTNER_NAME, 10 },
  { "account name", PACTE_PARTNER_NAME, 10 },
  { "company name", PACTE_PARTNER_NAME, 10 },
  { "company", PACTE_PARTNER_NAME, 8 },
  { "partner", PACTE_PARTNER_NAME, 8 },
  { "partner name", PACTE_PARTNER_NAME, 10 },
  { "organization", PACTE_PARTNER_NAME, 8 },
  { "organisation", PACTE_PARTNER_NAME, 8 },
  { "display name", PACTE_PARTNER_NAME, 9 },
  { "nom", PACTE_PARTNER_NAME, 10 },
  { "nom du compte", PACTE_PARTNER_NAME, 10 },
  { "nom de l entreprise", PACTE_PARTNER_NAME, 10 },
  { "nom de la societe", PACTE_PARTNER_NAME, 10 },
  { "nom du partenaire", PACTE_PARTNER_NAME, 10 },
  { "nom affiche", PACTE_PARTNER_NAME, 9 },
  { "raison sociale", PACTE_PARTNER_NAME, 10 },
  { "societe", PACTE_PARTNER_NAME, 8 },
  { "entreprise", PACTE_PARTNER_NAME, 8 },
  { "partenaire", PACTE_PARTNER_NAME, 8 },
  /* segment and label */
  { "partner segment", PACTE_PARTNER_SEGMENT, 10 },
  { "partnership type", PACTE_PARTNER_SEGMENT, 8 },
  { "segment du partenaire", PACTE_PARTNER_SEGMENT, 10 },
  { "type de partenariat", PACTE_PARTNER_SEGMENT, 8 },
  { "partner level", PACTE_PARTNER_LABEL, 8 },
  { "partner tier", PACTE_PARTNER_LABEL, 8 },
  { "tier", PACTE_PARTNER_LABEL, 8 },
  { "niveau", PACTE_PARTNER_LABEL, 8 },
  { "niveau de partenariat", PACTE_PARTNER_LABEL, 8 },
  /* territories */
  { "territory", PACTE_PARTNER_TERRITORIES, 10 },
  { "territoire", PACTE_PARTNER_TERRITORIES, 10 },
  { "region", PACTE_PARTNER_TERRITORIES, 8 },
  { "country", PACTE_PARTNER_TERRITORIES, 7 },
  { "country region", PACTE_PARTNER_TERRITORIES, 7 },
  { "billing country", PACTE_PARTNER_TERRITORIES, 6 },
  { "pays", PACTE_PARTNER_TERRITORIES, 7 },
  { "pays region", PACTE_PARTNER_TERRITORIES, 7 },
  { "pays de facturation", PACTE_PARTNER_TERRITORIES, 6 },
  /* products */
  { "product", PACTE_PARTNER_PRODUCTS, 10 },
  { "produit", PACTE_PARTNER_PRODUCTS, 10 },
  { "product line", PACTE_PARTNER_PRODUCTS, 8 },
  { "gamme", PACTE_PARTNER_PRODUCTS, 8 },
  /* sectors */
  { "industry", PACTE_PARTNER_SECTORS, 10 },
  { "industries", PACTE_PARTNER_SECTORS, 10 },
  { "sector", PACTE_PARTNER_SECTORS, 10 },
  { "secteur", PACTE_PARTNER_SECTORS, 10 },
  { "secteur d activite", PACTE_PARTNER_SECTORS, 10 },
  { "industrie", PACTE_PARTNER_SECTORS, 10 },
  /* notes, and a website when nothing better fills them */
  { "note", PACTE_PARTNER_NOTES, 10 },
  { "description", PACTE_PARTNER_NOTES, 10 },
  { "comments", PACTE_PARTNER_NOTES, 9 },
  { "comment", PACTE_PARTNER_NOTES, 9 },
  { "remarques", PACTE_PARTNER_NOTES, 9 },
  { "commentaires", PACTE_PARTNER_NOTES, 9 },
  { "commentaire", PACTE_PARTNER_NOTES, 9 },
  { "website", PACTE_PARTNER_NOTES, 1 },
  { "web site", PACTE_PARTNER_NOTES, 1 },
  { "site web", PACTE_PARTNER_NOTES, 1 },
  { "site internet", PACTE_PARTNER_NOTES, 1 },
  { "url", PACTE_PARTNER_NOTES, 1 },
  { "company domain name", PACTE_PARTNER_NOTES, 1 },
  /* the row's contact (an account export with its primary contact) */
  { "contact", PACTE_CSV_CONTACT + PACTE_CONTACT_NAME, 8 },
  { "contact name", PACTE_CSV_CONTACT + PACTE_CONTACT_NAME, 10 },
  { "primary contact", PACTE_CSV_CONTACT + PACTE_CONTACT_NAME, 10 },
  { "main contact", PACTE_CSV_CONTACT + PACTE_CONTACT_NAME, 9 },
  { "nom du contact", PACTE_CSV_CONTACT + PACTE_CONTACT_NAME, 10 },
  { "contact principal", PACTE_CSV_CONTACT + PACTE_CONTACT_NAME, 10 },
  { "interlocuteur", PACTE_CSV_CONTACT + PACTE_CONTACT_NAME, 8 },
  { "contact role", PACTE_CSV_CONTACT + PACTE_CONTACT_ROLE, 10 },
  { "role du contact", PACTE_CSV_CONTACT + PACTE_CONTACT_ROLE, 10 },
  { "job title", PACTE_CSV_CONTACT + PACTE_CONTACT_JOB_TITLE, 10 },
  { "contact title", PACTE_CSV_CONTACT + PACTE_CONTACT_JOB_TITLE, 10 },
  { "title", PACTE_CSV_CONTACT + PACTE_CONTACT_JOB_TITLE, 7 },
  { "fonction", PACTE_CSV_CONTACT + PACTE_CONTACT_JOB_TITLE, 9 },
  { "fonction du contact", PACTE_CSV_CONTACT + PACTE_CONTACT_JOB_TITLE, 10 },
  { "poste", PACTE_CSV_CONTACT + PACTE_CONTACT_JOB_TITLE, 8 },
  { "intitule du poste", PACTE_CSV_CONTACT + PACTE_CONTACT_JOB_TITLE, 10 },
  { "email", PACTE_CSV_CONTACT + PACTE_CONTACT_EMAIL, 10 },
  { "e mail", PACTE_CSV_CONTACT + PACTE_CONTACT_EMAIL, 10 },
  { "email address", PACTE_CSV_CONTACT + PACTE_CONTACT_EMAIL, 10 },
  { "contact email", PACTE_CSV_CONTACT + PACTE_CONTACT_EMAIL, 10 },
  { "mail", PACTE_CSV_CONTACT + PACTE_CONTACT_EMAIL, 8 },
  { "courriel", PACTE_CSV_CONTACT + PACTE_CONTACT_EMAIL, 10 },
  { "adresse e mail", PACTE_CSV_CONTACT + PACTE_CONTACT_EMAIL, 10 },
  { "adresse email", PACTE_CSV_CONTACT + PACTE_CONTACT_EMAIL, 10 },
  { "adresse electronique", PACTE_CSV_CONTACT + PACTE_CONTACT_EMAIL, 10 },
  { "phone", PACTE_CSV_CONTACT + PACTE_CONTACT_PHONE, 10 },
  { "phone number", PACTE_CSV_CONTACT + PACTE_CONTACT_PHONE, 10 },
  { "contact phone", PACTE_CSV_CONTACT + PACTE_CONTACT_PHONE, 10 },
  { "mobile", PACTE_CSV_CONTACT + PACTE_CONTACT_PHONE, 8 },
  { "mobile phone", PACTE_CSV_CONTACT + PACTE_CONTACT_PHONE, 8 },
  { "telephone", PACTE_CSV_CONTACT + PACTE_CONTACT_PHONE, 10 },
  { "tel", PACTE_CSV_CONTACT + PACTE_CONTACT_PHONE, 8 },
  { "numero de telephone", PACTE_CSV_CONTACT + PACTE_CONTACT_PHONE, 10 },
  { "portable", PACTE_CSV_CONTACT + PACTE_CONTACT_PHONE, 7 },
};

/* A field's own names (JSON path, property, label in each language) weigh
 * more than any synonym. */
#define OWN_NAME_WEIGHT 20

/* The partner's own fields: those of import_fields before the contact's. */
const guint *
pacte_csv_partner_fields (guint *n_fields)
{
  guint n = 0;

  while (n < G_N_ELEMENTS (import_fields) && import_fields[n] < PACTE_CSV_CONTACT)
    n++;
  if (n_fields != NULL)
    *n_fields = n;
  return import_fields;
}

const guint *
pacte_csv_import_fields (guint *n_fields)
{
  if (n_fields != NULL)
    *n_fields = G_N_ELEMENTS (import_fields);
  return import_fields;
}

/* The contact's field table with the names above. */
static const PacteFieldInfo *
contact_field_info (guint field)
{
  static PacteFieldInfo *infos;

  if (g_once_init_enter (&infos))
    {
      g_autoptr(PacteRecord) probe = g_object_new (PACTE_TYPE_CONTACT, NULL);
      PacteFieldInfo *table = g_new (PacteFieldInfo, PACTE_CONTACT_N_FIELDS);

      for (guint f = 0; f < PACTE_CONTACT_N_FIELDS; f++)
        {
          table[f] = *pacte_record_get_field_info (probe, f);
          table[f].json_path = contact_names[f].json_path;
          table[f].property = contact_names[f].property;
          table[f].label = contact_names[f].label;
        }
      g_once_init_leave (&infos, table);
    }
  return &infos[field];
}

static const PacteFieldInfo *
partner_field_info (guint field)
{
  /* The field table, through a partner kept for the program's life. */
  static PacteRecord *probe;

  if (field >= PACTE_CSV_CONTACT)
    return contact_field_info (field - PACTE_CSV_CONTACT);
  if (g_once_init_enter (&probe))
    g_once_init_leave (&probe, g_object_new (PACTE_TYPE_PARTNER, NULL));
  return pacte_record_get_field_info (probe, field);
}

const PacteFieldInfo *
pacte_csv_field_info (guint field)
{
  return partner_field_info (field);
}

const char *
pacte_csv_field_name (guint field)
{
  return partner_field_info (field)->json_path;
}

static gboolean
is_mappable (guint field)
{
  for (guint i = 0; i < G_N_ELEMENTS (import_fields); i++)
    if (import_fields[i] == field)
      return TRUE;
  return FALSE;
}

char *
pacte_csv_match_key (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  GString *plain;

  if (decomposed == NULL)
    return g_strdup ("");
  plain = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (plain, c);
    }
  {
    g_autofree char *bare = g_string_free (plain, FALSE);

    return g_utf8_casefold (bare, -1);
  }
}

char *
pacte_csv_header_key (const char *header)
{
  g_autofree char *key = pacte_csv_match_key (header);
  GString *words = g_string_new (NULL);
  gboolean space = FALSE;

  /* Words only: "Nom de l'entreprise" and "nom_de_l_entreprise" alike. */
  for (const char *p = key; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && words->len > 0)
            g_string_append_c (words, ' ');
          g_string_append_unichar (words, c);
          space = FALSE;
        }
      else
        space = TRUE;
    }
  /* A plural matches its singular: "Products", "Territories". */
  if (g_str_has_suffix (words->str, "ies") && words->len > 4)
    {
      g_string_truncate (words, words->len - 3);
      g_string_append_c (words, 'y');
    }
  else if (g_str_has_suffix (words->str, "s") && words->len > 3
           && !g_str_has_suffix (words->str, "ss"))
    g_string_truncate (words, words->len - 1);
  return g_string_free (words, FALSE);
}

/* The weight with which header names field, or 0. */
static guint
header_weight (const char *key,
               guint       field)
{
  const PacteFieldInfo *info = partner_field_info (field);
  guint best = 0;
  g_autofree char *path_key = pacte_csv_header_key (info->json_path);
  g_autofree char *property_key = pacte_csv_header_key (info->property);

  if (g_str_equal (key, path_key) || g_str_equal (key, property_key))
    return OWN_NAME_WEIGHT;
  for (guint l = 0; l < pacte_language_count (); l++)
    {
      const char *code = pacte_language_code (pacte_language_nth (l));
      g_autofree char *label_key = pacte_csv_header_key (pacte_gettext_lang (code, info->label));

      if (g_str_equal (key, label_key))
        return OWN_NAME_WEIGHT;
    }
  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (synonyms[i].field == field && synonyms[i].weight > best)
      {
        g_autofree char *synonym_key = pacte_csv_header_key (synonyms[i].header);

        if (g_str_equal (key, synonym_key))
          best = synonyms[i].weight;
      }
  return best;
}

/* ---- The mapping ------------------------------------------------------- */

struct _PacteCsvMapping
{
  guint n_columns;
  int  *fields;
};

static PacteCsvMapping *
mapping_new (guint n_columns)
{
  PacteCsvMapping *self = g_new0 (PacteCsvMapping, 1);

  self->n_columns = n_columns;
  self->fields = g_new (int, MAX (n_columns, 1));
  for (guint i = 0; i < n_columns; i++)
    self->fields[i] = PACTE_CSV_IGNORE;
  return self;
}

PacteCsvMapping *
pacte_csv_mapping_guess (PacteCsvTable *table)
{
  guint n = pacte_csv_table_get_n_columns (table);
  PacteCsvMapping *self = mapping_new (n);
  g_autofree guint *weights = g_new0 (guint, MAX (n, 1));

  for (guint c = 0; c < n; c++)
    {
      g_autofree char *key = pacte_csv_header_key (pacte_csv_table_get_header (table, c));
      int best_field = PACTE_CSV_IGNORE;
      guint best = 0;

      for (guint f = 0; f < G_N_ELEMENTS (import_fields); f++)
        {
          guint weight = header_weight (key, import_fields[f]);

          if (weight > best)
            {
              best = weight;
              best_field = (int) import_fields[f];
            }
        }
      if (best_field == PACTE_CSV_IGNORE)
        continue;
      /* One column per field: the best one, the first of equals. */
      {
        int other = pacte_csv_mapping_find_column (self, best_field);

        if (other >= 0 && weights[other] >= best)
          continue;
        if (other >= 0)
          self->fields[other] = PACTE_CSV_IGNORE;
      }
      self->fields[c] = best_field;
      weights[c] = best;
    }
  return self;
}

void
pacte_csv_mapping_free (PacteCsvMapping *self)
{
  if (self == NULL)
    return;
  g_free (self->fields);
  g_free (self);
}

PacteCsvMapping *
pacte_csv_mapping_copy (PacteCsvMapping *self)
{
  PacteCsvMapping *copy = mapping_new (self->n_columns);

  memcpy (copy->fields, self->fields, sizeof (int) * self->n_columns);
  return copy;
}

guint
pacte_csv_mapping_get_n_columns (PacteCsvMapping *self)
{
  return self->n_columns;
}

int
pacte_csv_mapping_get_field (PacteCsvMapping *self,
                             guint            column)
{
  g_return_val_if_fail (column < self->n_columns, PACTE_CSV_IGNORE);
  return self->fields[column];
}

void
pacte_csv_mapping_set_field (PacteCsvMapping *self,
                             guint            column,
                             int              field)
{
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (field == PACTE_CSV_IGNORE || is_mappable ((guint) field));

  if (field != PACTE_CSV_IGNORE)
    for (guint c = 0; c < self->n_columns; c++)
      if (self->fields[c] == field)
        self->fields[c] = PACTE_CSV_IGNORE;
  self->fields[column] = field;
}

int
pacte_csv_mapping_find_column (PacteCsvMapping *self,
                               guint            field)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (self->fields[c] == (int) field)
      return (int) c;
  return -1;
}

int
pacte_csv_field_from_name (const char *name)
{
  g_autofree char *key = NULL;

  if (g_ascii_strcasecmp (name, "ignore") == 0 || g_str_equal (name, "-"))
    return PACTE_CSV_IGNORE;
  key = pacte_csv_header_key (name);
  for (guint f = 0; f < G_N_ELEMENTS (import_fields); f++)
    if (header_weight (key, import_fields[f]) == OWN_NAME_WEIGHT)
      return (int) import_fields[f];
  return -2;
}

/* A column by its header (without case or accents) or its number. */
static int
find_column (PacteCsvTable *table,
             const char    *name)
{
  guint n = pacte_csv_table_get_n_columns (table);
  g_autofree char *key = pacte_csv_match_key (name);
  guint64 number;

  for (guint c = 0; c < n; c++)
    if (g_str_equal (pacte_csv_table_get_header (table, c), name))
      return (int) c;
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *header_key = pacte_csv_match_key (pacte_csv_table_get_header (table, c));

      if (g_str_equal (g_strstrip (header_key), g_strstrip (key)))
        return (int) c;
    }
  if (g_ascii_string_to_unsigned (name, 10, 1, n, &number, NULL))
    return (int) number - 1;
  return -1;
}

static char *
field_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint f = 0; f < G_N_ELEMENTS (import_fields); f++)
    g_string_append_printf (names, "%s, ", pacte_csv_field_name (import_fields[f]));
  g_string_append (names, "ignore");
  return g_string_free (names, FALSE);
}

gboolean
pacte_csv_mapping_parse (PacteCsvMapping *self,
                         PacteCsvTable   *table,
                         const char      *spec,
                         GError         **error)
{
  g_auto(GStrv) pairs = NULL;
  g_autoptr(PacteCsvMapping) result = NULL;

  g_return_val_if_fail (self->n_columns == pacte_csv_table_get_n_columns (table), FALSE);

  /* Every pair is checked before any is applied. */
  result = pacte_csv_mapping_copy (self);
  pairs = g_strsplit (spec, ",", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *pair = g_strstrip (pairs[i]);
      const char *equals = strrchr (pair, '=');
      g_autofree char *column_name = NULL;
      const char *field_name;
      int column, field;

      if (*pair == '\0')
        continue;
      if (equals == NULL)
        {
          g_set_error (error, PACTE_CSV_ERROR, PACTE_CSV_ERROR_MAPPING,
                       _("“%s” in --map: expected COLUMN=field"), pair);
          return FALSE;
        }
      column_name = g_strstrip (g_strndup (pair, equals - pair));
      field_name = equals + 1;
      column = find_column (table, column_name);
      if (column < 0)
        {
          g_autoptr(GString) headers = g_string_new (NULL);

          for (guint c = 0; c < pacte_csv_table_get_n_columns (table); c++)
            g_string_append_printf (headers, "%s“%s”", c > 0 ? ", " : "",
                                    pacte_csv_table_get_header (table, c));
          g_set_error (error, PACTE_CSV_ERROR, PACTE_CSV_ERROR_MAPPING,
                       _("--map: the file has no column “%s”; its columns are %s"),
                       column_name, headers->str);
          return FALSE;
        }
      field = pacte_csv_field_from_name (field_name);
      if (field < PACTE_CSV_IGNORE)
        {
          g_autofree char *names = field_names ();

          g_set_error (error, PACTE_CSV_ERROR, PACTE_CSV_ERROR_MAPPING,
                       _("--map: unknown field “%s” for column “%s”: expected one of %s"),
                       field_name, column_name, names);
          return FALSE;
        }
      pacte_csv_mapping_set_field (result, column, field);
    }
  memcpy (self->fields, result->fields, sizeof (int) * self->n_columns);
  return TRUE;
}

/* ---- Values as text ---------------------------------------------------- */

char *
pacte_csv_format_number (double   value,
                         gboolean decimal_comma)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");
  /* The shortest form that reads back as the same number. */
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  if (g_ascii_strtod (buffer, NULL) != value)
    g_ascii_formatd (buffer, sizeof buffer, "%.17g", value);
  if (decimal_comma)
    {
      char *point = strchr (buffer, '.');

      if (point != NULL)
        *point = ',';
    }
  return g_strdup (buffer);
}

char *
pacte_csv_format_value (PactePartner *partner,
                        guint         field,
                        const char   *lang,
                        gboolean      decimal_comma)
{
  return pacte_csv_format_record_value (PACTE_RECORD (partner), field, lang, decimal_comma);
}

char *
pacte_csv_format_record_value (PacteRecord *record,
                               guint        field,
                               const char  *lang,
                               gboolean     decimal_comma)
{
  const PacteFieldInfo *info = pacte_record_get_field_info (record, field);

  switch (info->kind)
    {
    case PACTE_FIELD_STRING:
      return g_strdup (pacte_record_get_string (record, field));
    case PACTE_FIELD_CHOICE:
      {
        const char *value = pacte_record_get_string (record, field);

        if (*value == '\0')
          return g_strdup ("");
        return g_strdup (lang != NULL ? pacte_choice_display_name_lang (lang, value)
                                      : pacte_choice_display_name (value));
      }
    case PACTE_FIELD_STRV:
      return g_strjoinv ("; ", (char **) pacte_record_get_strv (record, field));
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      return pacte_csv_format_number (pacte_record_get_number (record, field), decimal_comma);
    case PACTE_FIELD_DATE:
      {
        char *text = pacte_date_format (pacte_record_get_date (record, field));

        return text != NULL ? text : g_strdup ("");
      }
    default:  /* no partner field of another kind is mapped */
      g_return_val_if_reached (g_strdup (""));
    }
}

/* The choice that text names: its value or its name in any language,
 * without case or accents; NULL for none. */
static const char *
find_choice (const PacteFieldInfo *info,
             const char           *text)
{
  g_autofree char *key = pacte_csv_match_key (text);

  g_strstrip (key);
  for (guint i = 0; info->choices[i] != NULL; i++)
    {
      const char *value = info->choices[i];
      g_autofree char *value_key = pacte_csv_match_key (value);

      if (g_str_equal (key, value_key))
        return value;
      for (guint l = 0; l < pacte_language_count (); l++)
        {
          const char *code = pacte_language_code (pacte_language_nth (l));
          g_autofree char *name_key = pacte_csv_match_key (pacte_choice_display_name_lang (code, value));

          if (g_str_equal (key, name_key))
            return value;
        }
    }
  return NULL;
}

/* A cell the export prefixed with ' so that a spreadsheet shows it as text
 * ("'=cmd" for "=cmd") is read back without it. */
const char *
pacte_csv_unguard (const char *cell)
{
  if (cell[0] == '\'' && cell[1] != '\0' && strchr ("=+-@\t\r", cell[1]) != NULL)
    return cell + 1;
  return cell;
}

gboolean
pacte_csv_set_from_text (PacteRecord  *record,
                         guint         field,
                         const char   *cell,
                         GError      **error)
{
  const PacteFieldInfo *info = pacte_record_get_field_info (record, field);
  const char *text = pacte_csv_unguard (cell);

  switch (info->kind)
    {
    case PACTE_FIELD_STRING:
      return pacte_record_set_string (record, field, text, error);
    case PACTE_FIELD_CHOICE:
      {
        const char *value = find_choice (info, text);

        if (value == NULL)
          {
            GString *names = g_string_new (NULL);
            g_autofree char *list = NULL;

            for (guint i = 0; info->choices[i] != NULL; i++)
              g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                      pacte_choice_display_name (info->choices[i]));
            list = g_string_free (names, FALSE);
            g_set_error (error, PACTE_CSV_ERROR, PACTE_CSV_ERROR_VALUE,
                         _("%s cannot be “%s”: expected one of %s"),
                         _(info->label), text, list);
            return FALSE;
          }
        return pacte_record_set_string (record, field, value, error);
      }
    case PACTE_FIELD_STRV:
      {
        g_auto(GStrv) parts = g_strsplit_set (text, ";\n", -1);
        g_autoptr(GPtrArray) values = g_ptr_array_new ();

        for (guint i = 0; parts[i] != NULL; i++)
          {
            char *part = g_strstrip (parts[i]);

            if (*part != '\0')
              g_ptr_array_add (values, part);
          }
        g_ptr_array_add (values, NULL);
        return pacte_record_set_strv (record, field, (const char * const *) values->pdata, error);
      }
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      {
        double value;

        if (!pacte_number_parse (text, &value))
          {
            g_set_error (error, PACTE_CSV_ERROR, PACTE_CSV_ERROR_VALUE,
                         _("%s cannot be “%s”: expected a number, as 1234.5 or 1 234,5"),
                         _(info->label), text);
            return FALSE;
          }
        return pacte_record_set_number (record, field, value, error);
      }
    default:  /* no partner field of another kind is mapped */
      g_return_val_if_reached (FALSE);
    }
}

/* Whether field holds the same value in a and b. */
gboolean
pacte_csv_same_value (PacteRecord *a,
                      PacteRecord *b,
                      guint        field)
{
  const PacteFieldInfo *info = pacte_record_get_field_info (a, field);

  switch (info->kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
      return g_str_equal (pacte_record_get_string (a, field), pacte_record_get_string (b, field));
    case PACTE_FIELD_STRV:
      return g_strv_equal (pacte_record_get_strv (a, field), pacte_record_get_strv (b, field));
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      {
        double x = pacte_record_get_number (a, field), y = pacte_record_get_number (b, field);

        return x == y || (isnan (x) && isnan (y));
      }
    default:  /* no partner field of another kind is mapped */
      g_return_val_if_reached (FALSE);
    }
}

/* Copies field from src to dest through dest's setter (an undoable edit
 * when dest is in a portfolio). */
gboolean
pacte_csv_copy_value (PacteRecord  *src,
                      PacteRecord  *dest,
                      guint         field,
                      GError      **error)
{
  const PacteFieldInfo *info = pacte_record_get_field_info (src, field);

  switch (info->kind)
    {
    case PACTE_FIELD_STRING:
    case PACTE_FIELD_CHOICE:
      return pacte_record_set_string (dest, field, pacte_record_get_string (src, field), error);
    case PACTE_FIELD_STRV:
      return pacte_record_set_strv (dest, field, pacte_record_get_strv (src, field), error);
    case PACTE_FIELD_NUMBER:
    case PACTE_FIELD_INTEGER:
      return pacte_record_set_number (dest, field, pacte_record_get_number (src, field), error);
    default:  /* no partner field of another kind is mapped */
      g_return_val_if_reached (FALSE);
    }
}
