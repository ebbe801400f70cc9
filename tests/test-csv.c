/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv.c: CSV from and to the CRM (src/core/csv): reading CRM exports
 * (a Salesforce-like ',' file with quotes and line breaks in cells, a French
 * Excel-like ';' file with a byte-order mark and accents), refusing
 * malformed ones with the row and column, guessing the mapping, planning
 * updates and additions (matched by id, then by name without case or
 * accents), applying in one undo step, and exporting so that importing the
 * export changes nothing. */
#include "config.h"

#include <string.h>

#include "pacte-csv.h"
#include "pacte-test-utils.h"

/* Salesforce's "Export Accounts": ',' with quoted cells holding commas,
 * doubled quotes and a line break; CRLF line ends. */
static const char salesforce_csv[] =
  "\"Account ID\",\"Account Name\",\"Type\",\"Industry\",\"Website\",\"Billing Country\",\"Description\"\r\n"
  "\"p-sgi\",\"Société Générale d'Informatique\",\"Reseller\",\"Administration centrale; Santé publique\",\"https://sgi.example\",\"France\",\"Key account, public sector\"\r\n"
  "\"0015g00000XyZ1\",\"Northwind \"\"Blue\"\" Traders\",\"Partner\",\"Retail\",\"https://northwind.example\",\"United Kingdom\",\"Met at the \"\"Partner Day\"\",\r\nfollow up in May\"\r\n"
  "\"0015g00000XyZ2\",\"MERIDIAN CLOUD SERVICES LTD\",\"Partner\",\"Cloud\",\"\",\"Ireland\",\"\"\r\n";

/* Excel (French) "CSV UTF-8": BOM, ';', accents, a decimal comma. */
static const char excel_fr_csv[] =
  "\xEF\xBB\xBFRaison sociale;Secteur d'activité;Site web;Pays;Segment;Achats du partenaire chez nous\n"
  "electronique berard & fils;Électronique;https://berard.example;France;Revente;92 500,5\n"
  "Boulangerie Pâtissière du Marché;Agroalimentaire;;France;technologie;\n"
  ";;;;;\n";

static PactePortfolio *
load_sample (void)
{
  return pacte_test_load_sample (pacte_rule_set_get_default ());
}

static GBytes *
save_bytes (PactePortfolio *portfolio)
{
  return pacte_portfolio_to_bytes (portfolio);
}

static PacteCsvTable *
parse (const char *text,
       gsize       len)
{
  g_autoptr(GError) error = NULL;
  PacteCsvTable *table = pacte_csv_table_new_from_data (text, len, "crm.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
test_read_salesforce (void)
{
  g_autoptr(PacteCsvTable) table = parse (salesforce_csv, strlen (salesforce_csv));

  g_assert_cmpint (pacte_csv_table_get_separator (table), ==, ',');
  g_assert_false (pacte_csv_table_had_bom (table));
  g_assert_cmpuint (pacte_csv_table_get_n_columns (table), ==, 7);
  g_assert_cmpuint (pacte_csv_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (pacte_csv_table_get_header (table, 1), ==, "Account Name");
  g_assert_cmpstr (pacte_csv_table_get_cell (table, 1, 1), ==, "Northwind \"Blue\" Traders");
  g_assert_cmpstr (pacte_csv_table_get_cell (table, 0, 6), ==, "Key account, public sector");
  g_assert_cmpstr (pacte_csv_table_get_cell (table, 1, 6), ==,
                   "Met at the \"Partner Day\",\r\nfollow up in May");
  /* The third row is row 4 in a spreadsheet but starts on line 5. */
  g_assert_cmpuint (pacte_csv_table_get_row_number (table, 2), ==, 4);
  g_assert_cmpuint (pacte_csv_table_get_row_line (table, 2), ==, 5);
}

static void
test_read_excel_fr (void)
{
  g_autoptr(PacteCsvTable) table = parse (excel_fr_csv, strlen (excel_fr_csv));

  g_assert_cmpint (pacte_csv_table_get_separator (table), ==, ';');
  g_assert_true (pacte_csv_table_had_bom (table));
  g_assert_cmpuint (pacte_csv_table_get_n_columns (table), ==, 6);
  /* The row of empty cells Excel writes under the data is not a row. */
  g_assert_cmpuint (pacte_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (pacte_csv_table_get_header (table, 0), ==, "Raison sociale");
  g_assert_cmpstr (pacte_csv_table_get_header (table, 1), ==, "Secteur d'activité");
  g_assert_cmpstr (pacte_csv_table_get_cell (table, 1, 0), ==, "Boulangerie Pâtissière du Marché");
  g_assert_cmpstr (pacte_csv_table_get_cell (table, 0, 5), ==, "92 500,5");
}

typedef struct
{
  const char *name;
  const char *text;
  int         code;
  const char *where;   /* expected in the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "stray-quote", "Name,Industry\nAcme,Retail\nBeta \"Co\",Retail\n",
    PACTE_CSV_ERROR_SYNTAX, "row 3 (line 3), column 1 (“Name”)" },
  { "text-after-quote", "Name,Industry\n\"Acme\" Ltd,Retail\n",
    PACTE_CSV_ERROR_SYNTAX, "row 2 (line 2), column 1 (“Name”)" },
  { "unclosed-quote", "Name,Industry\nAcme,Retail\nBeta,\"Retail\n",
    PACTE_CSV_ERROR_SYNTAX, "not closed" },
  { "too-many-cells", "Name;Industry\nAcme;Retail\nBeta;Retail;Extra\n",
    PACTE_CSV_ERROR_SYNTAX, "row 3 (line 3), column 3" },
  { "too-few-cells", "Name,Industry,Country\n\"Acme\nGroup\",Retail,France\nBeta,Retail\n",
    PACTE_CSV_ERROR_SYNTAX, "row 3 (line 4), column 3 (“Country”)" },
  /* "Société" in Windows-1252, as Excel's plain "CSV" writes it. */
  { "latin-1", "Name,Industry\nAcme,Retail\nSoci\xE9t\xE9 G,Retail\n",
    PACTE_CSV_ERROR_ENCODING, "row 3 (line 3), column 1 (“Name”): the text is not UTF-8 (byte 0xE9" },
  { "nul-byte", "Name,Industry\nAc\0me,Retail\n",
    PACTE_CSV_ERROR_ENCODING, "row 2 (line 2), column 1" },
  { "empty", "", PACTE_CSV_ERROR_EMPTY, "empty" },
  { "bom-only", "\xEF\xBB\xBF\r\n", PACTE_CSV_ERROR_EMPTY, "empty" },
};

static void
test_read_malformed (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(GError) error = NULL;
  /* The NUL case needs its length: every text here ends with "\n". */
  gsize len = strlen (c->text);
  g_autoptr(PacteCsvTable) table = NULL;

  if (g_str_equal (c->name, "nul-byte"))
    len = sizeof "Name,Industry\nAc\0me,Retail\n" - 1;
  table = pacte_csv_table_new_from_data (c->text, len, "crm.csv", &error);
  g_assert_null (table);
  g_assert_error (error, PACTE_CSV_ERROR, c->code);
  g_assert_true (g_str_has_prefix (error->message, "crm.csv: "));
  if (strstr (error->message, c->where) == NULL)
    g_error ("“%s” not in “%s”", c->where, error->message);
}

typedef struct
{
  const char *headers;      /* one line */
  const char *expected;     /* the field names, "-" for ignore, space-separated */
} GuessCase;

static const GuessCase guess_cases[] = {
  /* Salesforce: the description fills the notes, so the website is left. */
  { "Account ID,Account Name,Type,Industry,Website,Billing Country,Description",
    "id name - sectors - territories notes" },
  /* HubSpot */
  { "Record ID,Company name,Industry,Country/Region,Website URL,Company owner",
    "id name sectors territories - -" },
  /* Odoo (English and French), where nothing else fills the notes */
  { "id,Name,Website,Industry,Country",
    "id name notes sectors territories" },
  { "ID externe;Nom;Site Web;Secteur d'activité;Pays;Étiquettes",
    "id name notes sectors territories -" },
  /* French Excel */
  { "Raison sociale;Secteur;Site internet;Région;Produits;Remarques",
    "name sectors - territories products notes" },
  /* Pacte's own export, in French */
  { "Identifiant;Nom;Segment;Label;Territoires;Produits;Secteurs;Achats du partenaire chez nous;"
    "Nos achats chez le partenaire;Notes sur les affaires croisées;Notes",
    "id name segment label territories products sectors cross_business.partner_buys_from_us "
    "cross_business.we_buy_from_partner cross_business.notes notes" },
  /* Two name columns: the better one wins. */
  { "Company,Account Name,Nothing", "- name -" },
  /* Accounts with their primary contact: Salesforce, then French Excel. */
  { "Account Name,Contact Name,Title,Email,Phone,Contact Role",
    "name contact.name contact.job_title contact.email contact.phone contact.role" },
  { "Raison sociale;Nom du contact;Fonction;Courriel;Téléphone",
    "name contact.name contact.job_title contact.email contact.phone" },
  { "Nom;Contact principal;Intitulé du poste;Adresse e-mail;Tél.",
    "name contact.name contact.job_title contact.email contact.phone" },
};

static void
test_map_guess (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (guess_cases); i++)
    {
      g_autofree char *text = g_strconcat (guess_cases[i].headers, "\n", NULL);
      g_autoptr(PacteCsvTable) table = parse (text, strlen (text));
      g_autoptr(PacteCsvMapping) mapping = pacte_csv_mapping_guess (table);
      g_autoptr(GString) got = g_string_new (NULL);

      for (guint c = 0; c < pacte_csv_mapping_get_n_columns (mapping); c++)
        {
          int field = pacte_csv_mapping_get_field (mapping, c);

          g_string_append_printf (got, "%s%s", c > 0 ? " " : "",
                                  field == PACTE_CSV_IGNORE ? "-" : pacte_csv_field_name (field));
        }
      g_assert_cmpstr (got->str, ==, guess_cases[i].expected);
    }
}

static void
test_map_parse (void)
{
  g_autoptr(PacteCsvTable) table = parse (salesforce_csv, strlen (salesforce_csv));
  g_autoptr(PacteCsvMapping) mapping = pacte_csv_mapping_guess (table);
  g_autoptr(GError) error = NULL;

  g_assert_true (pacte_csv_mapping_parse (mapping, table, "Type=segment, website=notes,7=ignore", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pacte_csv_mapping_get_field (mapping, 2), ==, PACTE_PARTNER_SEGMENT);
  g_assert_cmpint (pacte_csv_mapping_get_field (mapping, 4), ==, PACTE_PARTNER_NOTES);
  g_assert_cmpint (pacte_csv_mapping_get_field (mapping, 6), ==, PACTE_CSV_IGNORE);
  g_assert_cmpint (pacte_csv_mapping_get_field (mapping, 1), ==, PACTE_PARTNER_NAME);

  /* A field given to a second column leaves the first. */
  g_assert_true (pacte_csv_mapping_parse (mapping, table, "Description=name", &error));
  g_assert_cmpint (pacte_csv_mapping_get_field (mapping, 6), ==, PACTE_PARTNER_NAME);
  g_assert_cmpint (pacte_csv_mapping_get_field (mapping, 1), ==, PACTE_CSV_IGNORE);

  /* Errors change nothing, even after a good pair. */
  g_assert_false (pacte_csv_mapping_parse (mapping, table, "Type=ignore,Fax=notes", &error));
  g_assert_error (error, PACTE_CSV_ERROR, PACTE_CSV_ERROR_MAPPING);
  g_assert_nonnull (strstr (error->message, "no column “Fax”"));
  g_assert_nonnull (strstr (error->message, "“Account Name”"));
  g_assert_cmpint (pacte_csv_mapping_get_field (mapping, 2), ==, PACTE_PARTNER_SEGMENT);
  g_clear_error (&error);
  g_assert_false (pacte_csv_mapping_parse (mapping, table, "Type=revenue", &error));
  g_assert_nonnull (strstr (error->message, "unknown field “revenue”"));
  g_assert_nonnull (strstr (error->message, "cross_business.notes"));
  g_clear_error (&error);
  g_assert_false (pacte_csv_mapping_parse (mapping, table, "Type", &error));
  g_assert_nonnull (strstr (error->message, "expected COLUMN=field"));
}

static const PacteCsvChange *
find_change (const PacteCsvEntry *entry,
             guint                field)
{
  for (guint i = 0; i < entry->changes->len; i++)
    {
      const PacteCsvChange *change = g_ptr_array_index (entry->changes, i);

      if (change->field == field)
        return change;
    }
  return NULL;
}

static void
test_plan_salesforce (void)
{
  g_autoptr(PactePortfolio) portfolio = load_sample ();
  g_autoptr(PacteCsvTable) table = parse (salesforce_csv, strlen (salesforce_csv));
  g_autoptr(PacteCsvMapping) mapping = pacte_csv_mapping_guess (table);
  g_autoptr(GBytes) before = save_bytes (portfolio);
  g_autoptr(GBytes) after_plan = NULL;
  g_autoptr(GBytes) after_undo = NULL;
  g_autoptr(PacteCsvPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  const PacteCsvEntry *entry;
  PactePartner *sgi, *meridian, *added;
  guint n_before = g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio));

  plan = pacte_csv_plan_new (portfolio, table, mapping, &error);
  g_assert_no_error (error);
  /* p-sgi by id; Meridian by name (upper case, another id); Northwind new. */
  g_assert_cmpuint (pacte_csv_plan_get_n_updated (plan), ==, 2);
  g_assert_cmpuint (pacte_csv_plan_get_n_added (plan), ==, 1);
  g_assert_cmpuint (pacte_csv_plan_get_n_unchanged (plan), ==, 0);
  g_assert_cmpuint (pacte_csv_plan_get_n_entries (plan), ==, 3);
  /* Nothing changed yet. */
  after_plan = save_bytes (portfolio);
  g_assert_true (g_bytes_equal (before, after_plan));

  entry = pacte_csv_plan_get_entry (plan, 0);
  sgi = pacte_portfolio_find_partner (portfolio, "p-sgi");
  g_assert_true (entry->partner == sgi);
  g_assert_false (entry->is_new);
  g_assert_cmpuint (entry->row_number, ==, 2);
  /* Sectors and territories change; the name is the same text. */
  g_assert_null (find_change (entry, PACTE_PARTNER_NAME));
  g_assert_cmpstr (find_change (entry, PACTE_PARTNER_SECTORS)->before, ==,
                   "Administration centrale; Collectivités territoriales; Santé publique");
  g_assert_cmpstr (find_change (entry, PACTE_PARTNER_SECTORS)->after, ==,
                   "Administration centrale; Santé publique");
  g_assert_cmpstr (find_change (entry, PACTE_PARTNER_TERRITORIES)->after, ==, "France");
  g_assert_cmpstr (find_change (entry, PACTE_PARTNER_NOTES)->after, ==, "Key account, public sector");

  entry = pacte_csv_plan_get_entry (plan, 1);
  g_assert_true (entry->is_new);
  g_assert_cmpuint (entry->row_number, ==, 3);
  g_assert_cmpstr (find_change (entry, PACTE_PARTNER_NAME)->after, ==, "Northwind \"Blue\" Traders");
  g_assert_cmpstr (find_change (entry, PACTE_PARTNER_ID)->after, ==, "0015g00000XyZ1");
  g_assert_cmpstr (find_change (entry, PACTE_PARTNER_ID)->before, ==, "");

  entry = pacte_csv_plan_get_entry (plan, 2);
  meridian = pacte_portfolio_find_partner (portfolio, "p-meridian");
  g_assert_true (entry->partner == meridian);
  g_assert_cmpstr (find_change (entry, PACTE_PARTNER_SECTORS)->after, ==, "Cloud");
  /* The name matched without case: it is not rewritten, nor is the id. */
  g_assert_null (find_change (entry, PACTE_PARTNER_NAME));
  g_assert_null (find_change (entry, PACTE_PARTNER_ID));

  g_assert_true (pacte_csv_plan_apply (plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio)), ==, n_before + 1);
  added = pacte_portfolio_find_partner (portfolio, "0015g00000XyZ1");
  g_assert_nonnull (added);
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (added), PACTE_PARTNER_NOTES), ==,
                   "Met at the \"Partner Day\",\r\nfollow up in May");
  g_assert_cmpstr (pacte_record_get_strv (PACTE_RECORD (meridian), PACTE_PARTNER_SECTORS)[0], ==, "Cloud");
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (meridian), PACTE_PARTNER_NAME), ==,
                   "Meridian Cloud Services Ltd");
  g_assert_true (pacte_portfolio_get_modified (portfolio));

  /* One undo step takes all of it back. */
  g_assert_cmpstr (pacte_portfolio_get_undo_label (portfolio), ==, "Import Partners");
  g_assert_true (pacte_portfolio_undo (portfolio));
  after_undo = save_bytes (portfolio);
  g_assert_true (g_bytes_equal (before, after_undo));
  g_assert_false (pacte_portfolio_can_undo (portfolio));
  g_assert_true (pacte_portfolio_redo (portfolio));
  g_assert_nonnull (pacte_portfolio_find_partner (portfolio, "0015g00000XyZ1"));
}

static void
test_plan_excel_fr (void)
{
  g_autoptr(PactePortfolio) portfolio = load_sample ();
  g_autoptr(PacteCsvTable) table = parse (excel_fr_csv, strlen (excel_fr_csv));
  g_autoptr(PacteCsvMapping) mapping = pacte_csv_mapping_guess (table);
  g_autoptr(PacteCsvPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  PactePartner *berard;
  const PacteCsvEntry *entry;
  PacteRecord *added;

  g_assert_cmpint (pacte_csv_mapping_get_field (mapping, 0), ==, PACTE_PARTNER_NAME);
  g_assert_cmpint (pacte_csv_mapping_get_field (mapping, 4), ==, PACTE_PARTNER_SEGMENT);
  g_assert_cmpint (pacte_csv_mapping_get_field (mapping, 5), ==, PACTE_PARTNER_CROSS_BUSINESS_PARTNER_BUYS_FROM_US);
  plan = pacte_csv_plan_new (portfolio, table, mapping, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pacte_csv_plan_get_n_updated (plan), ==, 1);
  g_assert_cmpuint (pacte_csv_plan_get_n_added (plan), ==, 1);

  /* "electronique berard & fils" is "Électronique Bérard & Fils". */
  berard = pacte_portfolio_find_partner (portfolio, "p-berard");
  entry = pacte_csv_plan_get_entry (plan, 0);
  g_assert_true (entry->partner == berard);
  g_assert_cmpstr (find_change (entry, PACTE_PARTNER_CROSS_BUSINESS_PARTNER_BUYS_FROM_US)->before, ==, "85000");
  g_assert_cmpstr (find_change (entry, PACTE_PARTNER_CROSS_BUSINESS_PARTNER_BUYS_FROM_US)->after, ==, "92500.5");
  /* "Revente" is resale already: no change. */
  g_assert_null (find_change (entry, PACTE_PARTNER_SEGMENT));

  g_assert_true (pacte_csv_plan_apply (plan, &error));
  added = PACTE_RECORD (pacte_csv_plan_get_entry (plan, 1)->partner);
  g_assert_cmpstr (pacte_record_get_string (added, PACTE_PARTNER_NAME), ==, "Boulangerie Pâtissière du Marché");
  /* "technologie", the French name without its capital. */
  g_assert_cmpstr (pacte_record_get_string (added, PACTE_PARTNER_SEGMENT), ==, "technology");
  /* A fresh id as the window gives them. */
  g_assert_true (g_str_has_prefix (pacte_record_get_string (added, PACTE_PARTNER_ID), "p-"));
  g_assert_true (pacte_record_get_portfolio (added) == portfolio);
  g_assert_cmpfloat (pacte_record_get_number (PACTE_RECORD (berard), PACTE_PARTNER_CROSS_BUSINESS_PARTNER_BUYS_FROM_US),
                     ==, 92500.5);
}

typedef struct
{
  const char *name;
  const char *text;
  const char *map;
  int         code;
  const char *where;
} PlanErrorCase;

static const PlanErrorCase plan_error_cases[] = {
  { "unknown-segment", "Name,Segment\nNew One,Reseller\n", NULL, PACTE_CSV_ERROR_VALUE,
    "row 2 (line 2), column 2 (“Segment”): Segment cannot be “Reseller”: expected one of Resale" },
  { "not-a-number", "Name;Partner buys from us\r\nNew One;12\r\nOther;lots\r\n", NULL, PACTE_CSV_ERROR_VALUE,
    "row 3 (line 3), column 2 (“Partner buys from us”): Partner buys from us cannot be “lots”: expected a number" },
  { "new-without-name", "Name,Account ID\n,p-sgi\nNo Name Yet,\n,\"\"\n,nope\n", NULL,
    PACTE_CSV_ERROR_VALUE, "row 5 (line 5), column 1 (“Name”): this row matches no partner and has no name" },
  { "no-name-column", "Industry\nRetail\n", NULL, PACTE_CSV_ERROR_VALUE,
    "row 2 (line 2): this row matches no partner, and no column is mapped to the name" },
  { "same-partner-twice", "Name,Industry\nLumière Conseil SAS,Retail\nLUMIERE CONSEIL SAS,Food\n", NULL,
    PACTE_CSV_ERROR_DUPLICATE, "row 3 (line 3), column 1 (“Name”): this row describes the same partner as row 2" },
  { "same-new-partner-twice", "Id,Name\nx-1,Alpha\nx-1,Beta\n", NULL,
    PACTE_CSV_ERROR_DUPLICATE, "row 3 (line 3), column 1 (“Id”): this row describes the same partner as row 2" },
  { "mapped-type", "Name,Type\nAlpha,Partner\n", "Type=segment", PACTE_CSV_ERROR_VALUE,
    "column 2 (“Type”): Segment cannot be “Partner”" },
};

static void
test_plan_errors (gconstpointer data)
{
  const PlanErrorCase *c = data;
  g_autoptr(PactePortfolio) portfolio = load_sample ();
  g_autoptr(GBytes) before = save_bytes (portfolio);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(PacteCsvTable) table = parse (c->text, strlen (c->text));
  g_autoptr(PacteCsvMapping) mapping = pacte_csv_mapping_guess (table);
  g_autoptr(PacteCsvPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (c->map != NULL)
    g_assert_true (pacte_csv_mapping_parse (mapping, table, c->map, NULL));
  plan = pacte_csv_plan_new (portfolio, table, mapping, &error);
  g_assert_null (plan);
  g_assert_error (error, PACTE_CSV_ERROR, c->code);
  if (strstr (error->message, c->where) == NULL)
    g_error ("“%s” not in “%s”", c->where, error->message);
  after = save_bytes (portfolio);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (pacte_portfolio_get_modified (portfolio));
}

static void
test_plan_stale (void)
{
  g_autoptr(PactePortfolio) portfolio = load_sample ();
  static const char text[] = "Name,Industry\nBrand New Ltd,Retail\n";
  g_autoptr(PacteCsvTable) table = parse (text, strlen (text));
  g_autoptr(PacteCsvMapping) mapping = pacte_csv_mapping_guess (table);
  g_autoptr(PacteCsvPlan) plan = pacte_csv_plan_new (portfolio, table, mapping, NULL);
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio));

  g_assert_nonnull (plan);
  g_assert_true (pacte_record_set_string (PACTE_RECORD (pacte_portfolio_find_partner (portfolio, "p-cote")),
                                          PACTE_PARTNER_LABEL, "bronze", NULL));
  g_assert_false (pacte_csv_plan_apply (plan, &error));
  g_assert_error (error, PACTE_CSV_ERROR, PACTE_CSV_ERROR_VALUE);
  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio)), ==, n);
}

/* Exports the partners and imports them back into the same portfolio. */
static void
round_trip (PactePortfolio *portfolio,
            const char     *lang,
            gboolean        excel_fr)
{
  PacteCsvExportOptions options = { lang, excel_fr, 0, NULL };
  g_autoptr(GBytes) csv = pacte_csv_export (portfolio, PACTE_CSV_EXPORT_PARTNERS, &options);
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (csv, &len);
  g_autoptr(PacteCsvTable) table = pacte_csv_table_new_from_data (data, len, "export.csv", &error);
  g_autoptr(PacteCsvMapping) mapping = NULL;
  g_autoptr(PacteCsvPlan) plan = NULL;
  guint n = g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio));

  g_assert_no_error (error);
  g_assert_cmpint (pacte_csv_table_get_separator (table), ==, excel_fr ? ';' : ',');
  g_assert_true (pacte_csv_table_had_bom (table) == excel_fr);
  g_assert_cmpuint (pacte_csv_table_get_n_rows (table), ==, n);
  mapping = pacte_csv_mapping_guess (table);
  for (guint c = 0; c < pacte_csv_table_get_n_columns (table); c++)
    g_assert_cmpint (pacte_csv_mapping_get_field (mapping, c), !=, PACTE_CSV_IGNORE);
  plan = pacte_csv_plan_new (portfolio, table, mapping, &error);
  g_assert_no_error (error);
  if (pacte_csv_plan_get_n_entries (plan) > 0)
    {
      const PacteCsvEntry *entry = pacte_csv_plan_get_entry (plan, 0);
      const PacteCsvChange *change = g_ptr_array_index (entry->changes, 0);

      g_error ("row %u changes field %u: “%s” → “%s”", entry->row_number, change->field,
               change->before, change->after);
    }
  g_assert_cmpuint (pacte_csv_plan_get_n_unchanged (plan), ==, n);
}

static void
test_round_trip (void)
{
  g_autoptr(PactePortfolio) portfolio = load_sample ();
  PacteRecord *cote = PACTE_RECORD (pacte_portfolio_find_partner (portfolio, "p-cote"));

  /* What a spreadsheet would take for formulas, quotes, line breaks,
   * separators inside cells, a number that needs all its digits. */
  g_assert_true (pacte_record_set_string (cote, PACTE_PARTNER_NOTES, "=HYPERLINK(\"x\"); a, b\nline 2", NULL));
  g_assert_true (pacte_record_set_string (cote, PACTE_PARTNER_LABEL, "-gold ", NULL));
  g_assert_true (pacte_record_set_number (cote, PACTE_PARTNER_CROSS_BUSINESS_PARTNER_BUYS_FROM_US, 0.1 + 0.2, NULL));
  round_trip (portfolio, "en", FALSE);
  round_trip (portfolio, "fr", TRUE);
  round_trip (portfolio, "fr", FALSE);
}

static void
test_export_excel_fr (void)
{
  g_autoptr(PactePortfolio) portfolio = load_sample ();
  PacteCsvExportOptions options = { "fr", TRUE, 0, NULL };
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *text = NULL;
  PacteRecord *cote = PACTE_RECORD (pacte_portfolio_find_partner (portfolio, "p-cote"));

  g_assert_true (pacte_record_set_string (cote, PACTE_PARTNER_NOTES, "=1+1", NULL));
  csv = pacte_csv_export (portfolio, PACTE_CSV_EXPORT_PARTNERS, &options);
  text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFIdentifiant;Nom;Segment;Label;Territoires;"));
  g_assert_nonnull (strstr (text, "\r\np-sgi;Société Générale d'Informatique;Revente;gold;"
                                  "\"France; Belgique; Luxembourg\";"));
  g_assert_nonnull (strstr (text, ";1850000;42000;"));
  g_assert_nonnull (strstr (text, ";'=1+1\r\n"));
  /* The note holding ';' is quoted in a ';' file. */
  g_assert_nonnull (strstr (text, "\"Zéphyr produit nos campagnes retail ; leurs achats chez nous sont inconnus.\""));
}

static void
test_export_plans_actions (void)
{
  g_autoptr(PactePortfolio) portfolio = load_sample ();
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  PacteCsvExportOptions options = { "en", FALSE, pacte_date_parse ("2026-06-01"), NULL };
  PacteCsvExportOptions fr = { "fr", TRUE, pacte_date_parse ("2026-06-01"), NULL };
  g_autoptr(GBytes) plans_csv = pacte_csv_export (portfolio, PACTE_CSV_EXPORT_PLANS, &options);
  g_autoptr(GBytes) plans_fr = pacte_csv_export (portfolio, PACTE_CSV_EXPORT_PLANS, &fr);
  g_autoptr(GBytes) actions_csv = pacte_csv_export (portfolio, PACTE_CSV_EXPORT_ACTIONS, &options);
  g_autoptr(PacteCsvTable) plans = parse (g_bytes_get_data (plans_csv, NULL), g_bytes_get_size (plans_csv));
  g_autoptr(PacteCsvTable) plans_french = parse (g_bytes_get_data (plans_fr, NULL), g_bytes_get_size (plans_fr));
  g_autoptr(PacteCsvTable) actions = parse (g_bytes_get_data (actions_csv, NULL), g_bytes_get_size (actions_csv));
  PacteRecord * const *items;
  guint n_plans, n_actions = 0;
  PacteRuleOutcome outcomes[64];

  items = pacte_record_get_items (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_PLANS, &n_plans);
  g_assert_cmpuint (pacte_rule_set_get_n_rules (rules), ==, 16);
  g_assert_cmpuint (pacte_csv_table_get_n_columns (plans), ==, 5 + 16);
  g_assert_cmpuint (pacte_csv_table_get_n_rows (plans), ==, n_plans);
  g_assert_cmpstr (pacte_csv_table_get_header (plans, 4), ==, "Score");
  g_assert_cmpstr (pacte_csv_table_get_header (plans, 5), ==, "R01");
  g_assert_cmpstr (pacte_csv_table_get_header (plans, 20), ==, "R16");
  g_assert_cmpstr (pacte_csv_table_get_header (plans_french, 2), ==, "Phase");
  for (guint i = 0; i < n_plans; i++)
    {
      int score = pacte_evaluate_plan (rules, portfolio, PACTE_PLAN (items[i]), options.today, "en", outcomes);
      g_autofree char *score_text = g_strdup_printf ("%d", score);

      g_assert_cmpstr (pacte_csv_table_get_cell (plans, i, 0), ==, pacte_record_get_string (items[i], PACTE_PLAN_ID));
      g_assert_cmpstr (pacte_csv_table_get_cell (plans, i, 4), ==, score_text);
      for (guint r = 0; r < 16; r++)
        {
          g_assert_cmpstr (pacte_csv_table_get_cell (plans, i, 5 + r), ==,
                           pacte_status_display_name (outcomes[r].status, "en"));
          g_assert_cmpstr (pacte_csv_table_get_cell (plans_french, i, 5 + r), ==,
                           pacte_status_display_name (outcomes[r].status, "fr"));
        }
      n_actions += g_list_model_get_n_items (pacte_record_get_list (items[i], PACTE_PLAN_ACTIONS));
    }
  g_assert_cmpuint (n_actions, >, 0);
  g_assert_cmpuint (pacte_csv_table_get_n_rows (actions), ==, n_actions);
  g_assert_cmpstr (pacte_csv_table_get_header (actions, 0), ==, "Plan identifier");
  g_assert_cmpstr (pacte_csv_table_get_header (actions, 3), ==, "Title");
  g_assert_cmpstr (pacte_csv_table_get_header (actions, 4), ==, "Due date");
}

static void
test_export_file (void)
{
  g_autoptr(PactePortfolio) portfolio = load_sample ();
  g_autofree char *dir = g_dir_make_tmp ("pacte-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "partners.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PacteCsvTable) table = NULL;

  g_assert_true (pacte_csv_export_to_file (portfolio, PACTE_CSV_EXPORT_PARTNERS, NULL, file, NULL, &error));
  g_assert_no_error (error);
  table = pacte_csv_table_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pacte_csv_table_get_n_rows (table), ==, 12);
  pacte_test_remove_tree (dir);
}

/* A CRM export of accounts with their primary contact: a contact is found
 * by name (without case or accents) and updated, or added; a new partner
 * gets its contact; a contact's details without a name are refused. */
static const char contacts_csv[] =
  "Account Name,Contact Name,Title,Email,Phone,Contact Role\n"
  "Société Générale d'Informatique,anne-sophie LECLERC,Directrice des alliances,as.leclerc@sgi.example.fr,+33 1 23 45 67 89,Champion\n"
  "Groupe Dufrêne Distribution,Marc Olivier,Channel manager,m.olivier@dufrene.example.fr,,Alliance partner\n"
  "Harbour Lights Ltd,Jane Doe,CEO,jane@harbour.example,,executive-sponsor\n"
  "Castlebridge Analytics plc,,,,,\n";

static void
test_plan_contacts (void)
{
  g_autoptr(PactePortfolio) portfolio = load_sample ();
  g_autoptr(PacteCsvTable) table = parse (contacts_csv, strlen (contacts_csv));
  g_autoptr(PacteCsvMapping) mapping = pacte_csv_mapping_guess (table);
  g_autoptr(GBytes) before = save_bytes (portfolio);
  g_autoptr(GBytes) after_undo = NULL;
  g_autoptr(PacteCsvPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  const PacteCsvEntry *entry;
  PacteRecord *sgi, *dufrene, *added, *contact;
  PacteRecord * const *contacts;
  guint n, n_sgi, n_dufrene;

  sgi = PACTE_RECORD (pacte_portfolio_find_partner (portfolio, "p-sgi"));
  dufrene = PACTE_RECORD (pacte_portfolio_find_partner (portfolio, "p-dufrene"));
  pacte_record_get_items (sgi, PACTE_PARTNER_CONTACTS, &n_sgi);
  pacte_record_get_items (dufrene, PACTE_PARTNER_CONTACTS, &n_dufrene);

  plan = pacte_csv_plan_new (portfolio, table, mapping, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pacte_csv_plan_get_n_updated (plan), ==, 2);
  g_assert_cmpuint (pacte_csv_plan_get_n_added (plan), ==, 1);
  /* Castlebridge: only its name, which it has. */
  g_assert_cmpuint (pacte_csv_plan_get_n_unchanged (plan), ==, 1);

  /* Anne-Sophie Leclerc is found: her phone and role change, her job
   * title and email are the same, her name stays as written in Pacte. */
  entry = pacte_csv_plan_get_entry (plan, 0);
  g_assert_true (PACTE_RECORD (entry->partner) == sgi);
  g_assert_cmpuint (entry->changes->len, ==, 2);
  g_assert_cmpstr (find_change (entry, PACTE_CSV_CONTACT + PACTE_CONTACT_PHONE)->before, ==, "+33 1 44 56 71 20");
  g_assert_cmpstr (find_change (entry, PACTE_CSV_CONTACT + PACTE_CONTACT_PHONE)->after, ==, "+33 1 23 45 67 89");
  g_assert_cmpstr (find_change (entry, PACTE_CSV_CONTACT + PACTE_CONTACT_ROLE)->after, ==, "Champion");
  /* Marc Olivier is a new contact of Dufrêne; the role by its English name. */
  entry = pacte_csv_plan_get_entry (plan, 1);
  g_assert_true (PACTE_RECORD (entry->partner) == dufrene);
  g_assert_cmpstr (find_change (entry, PACTE_CSV_CONTACT + PACTE_CONTACT_NAME)->after, ==, "Marc Olivier");
  g_assert_cmpstr (find_change (entry, PACTE_CSV_CONTACT + PACTE_CONTACT_ROLE)->after, ==, "Alliance partner");
  /* A new partner with its contact. */
  entry = pacte_csv_plan_get_entry (plan, 2);
  g_assert_true (entry->is_new);
  g_assert_cmpstr (find_change (entry, PACTE_CSV_CONTACT + PACTE_CONTACT_EMAIL)->after, ==, "jane@harbour.example");

  g_assert_true (pacte_csv_plan_apply (plan, &error));
  g_assert_no_error (error);
  contacts = pacte_record_get_items (sgi, PACTE_PARTNER_CONTACTS, &n);
  g_assert_cmpuint (n, ==, n_sgi);
  g_assert_cmpstr (pacte_record_get_string (contacts[0], PACTE_CONTACT_NAME), ==, "Anne-Sophie Leclerc");
  g_assert_cmpstr (pacte_record_get_string (contacts[0], PACTE_CONTACT_ROLE), ==, "champion");
  g_assert_cmpstr (pacte_record_get_string (contacts[0], PACTE_CONTACT_PHONE), ==, "+33 1 23 45 67 89");
  contacts = pacte_record_get_items (dufrene, PACTE_PARTNER_CONTACTS, &n);
  g_assert_cmpuint (n, ==, n_dufrene + 1);
  contact = contacts[n - 1];
  g_assert_cmpstr (pacte_record_get_string (contact, PACTE_CONTACT_NAME), ==, "Marc Olivier");
  g_assert_cmpstr (pacte_record_get_string (contact, PACTE_CONTACT_EMAIL), ==, "m.olivier@dufrene.example.fr");
  added = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio)); i++)
    {
      g_autoptr(PacteRecord) partner = g_list_model_get_item (pacte_portfolio_get_partners (portfolio), i);

      if (g_str_equal (pacte_record_get_string (partner, PACTE_PARTNER_NAME), "Harbour Lights Ltd"))
        added = partner;
    }
  g_assert_nonnull (added);
  contacts = pacte_record_get_items (added, PACTE_PARTNER_CONTACTS, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (pacte_record_get_string (contacts[0], PACTE_CONTACT_ROLE), ==, "executive-sponsor");
  g_assert_cmpstr (pacte_record_get_string (contacts[0], PACTE_CONTACT_JOB_TITLE), ==, "CEO");

  /* One undo step takes it all back. */
  g_assert_true (pacte_portfolio_undo (portfolio));
  after_undo = save_bytes (portfolio);
  g_assert_true (g_bytes_equal (before, after_undo));

  /* Details without a name: refused at that row, nothing planned. */
  {
    static const char nameless[] =
      "Account Name,Contact Name,Email\n"
      "Groupe Dufrêne Distribution,,someone@dufrene.example.fr\n";
    g_autoptr(PacteCsvTable) bad = parse (nameless, strlen (nameless));
    g_autoptr(PacteCsvMapping) bad_mapping = pacte_csv_mapping_guess (bad);
    g_autoptr(PacteCsvPlan) refused = NULL;
    g_autoptr(GError) bad_error = NULL;

    refused = pacte_csv_plan_new (portfolio, bad, bad_mapping, &bad_error);
    g_assert_null (refused);
    g_assert_error (bad_error, PACTE_CSV_ERROR, PACTE_CSV_ERROR_VALUE);
    g_assert_cmpstr (bad_error->message, ==,
                     "crm.csv: row 2 (line 2), column 2 (“Contact Name”): this row has a contact’s details "
                     "but not the contact’s name: a contact needs one");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/read/salesforce", test_read_salesforce);
  g_test_add_func ("/csv/read/excel-fr", test_read_excel_fr);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv/read/malformed/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_read_malformed);
    }
  g_test_add_func ("/csv/map/guess", test_map_guess);
  g_test_add_func ("/csv/map/parse", test_map_parse);
  g_test_add_func ("/csv/plan/salesforce", test_plan_salesforce);
  g_test_add_func ("/csv/plan/excel-fr", test_plan_excel_fr);
  g_test_add_func ("/csv/plan/contacts", test_plan_contacts);
  for (guint i = 0; i < G_N_ELEMENTS (plan_error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv/plan/error/%s", plan_error_cases[i].name);

      g_test_add_data_func (path, &plan_error_cases[i], test_plan_errors);
    }
  g_test_add_func ("/csv/plan/stale", test_plan_stale);
  g_test_add_func ("/csv/round-trip", test_round_trip);
  g_test_add_func ("/csv/export/excel-fr", test_export_excel_fr);
  g_test_add_func ("/csv/export/plans-actions", test_export_plans_actions);
  g_test_add_func ("/csv/export/file", test_export_file);
  return g_test_run ();
}
