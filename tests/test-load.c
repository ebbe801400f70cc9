/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-load.c: reading portfolio files, and what a reader gets back when it
 * writes them again: round trips, unknown members kept at every depth, the
 * canonical form, and one clear error for each kind of broken file. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pacte-portfolio.h"
#include "pacte-record-private.h"
#include "pacte-rules.h"
#include "pacte-test-utils.h"

#define HEAD "{\"format\":\"pacte-portfolio\",\"version\":1,"

static PactePortfolio *
load_fixture (const char *name)
{
  g_autofree char *path = pacte_test_fixture_path (name);

  return pacte_test_load_path (path, NULL);
}

static PactePortfolio *
load_text (const char  *text,
           gssize       len,
           PacteRuleSet *rules,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);

  return pacte_portfolio_load_bytes (bytes, "team.pacte.json", rules, error);
}

static void
assert_bytes_equal_text (GBytes     *bytes,
                         GBytes     *expected)
{
  gsize len, expected_len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *expected_data = g_bytes_get_data (expected, &expected_len);
  g_autofree char *a = g_strndup (data, len);
  g_autofree char *b = g_strndup (expected_data, expected_len);

  /* As strings first: a failure then shows where they differ. */
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpuint (len, ==, expected_len);
}

/* ---- Round trips -------------------------------------------------------- */

static void
test_canonical_round_trip (void)
{
  g_autoptr(PactePortfolio) first = load_fixture ("format-canonical.pacte.json");
  g_autoptr(PactePortfolio) second = NULL;
  g_autoptr(GBytes) original = pacte_test_read_fixture ("format-canonical.pacte.json");
  g_autoptr(GBytes) saved = pacte_portfolio_to_bytes (first);
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;

  /* A canonical file saves byte for byte identical. */
  assert_bytes_equal_text (saved, original);

  /* And what was saved loads into an equal model. */
  second = pacte_portfolio_load_bytes (saved, "saved.pacte.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pacte_record_equal (PACTE_RECORD (first), PACTE_RECORD (second)));
  saved_again = pacte_portfolio_to_bytes (second);
  g_assert_true (g_bytes_equal (saved, saved_again));

  /* Loading does not count as a change. */
  g_assert_false (pacte_portfolio_get_modified (first));
  g_assert_nonnull (pacte_portfolio_get_file (first));
  g_assert_nonnull (pacte_portfolio_get_etag (first));
}

static void
test_values_loaded (void)
{
  g_autoptr(PactePortfolio) portfolio = load_fixture ("format-canonical.pacte.json");
  GListModel *partners = pacte_portfolio_get_partners (portfolio);
  GListModel *plans = pacte_portfolio_get_plans (portfolio);
  g_autoptr(PacteRecord) partner = g_list_model_get_item (partners, 0);
  g_autoptr(PacteRecord) plan = g_list_model_get_item (plans, 0);
  g_autoptr(PacteRecord) objective = NULL;
  g_autoptr(PacteRecord) enablement = NULL;
  g_autoptr(PacteRecord) review = NULL;
  PacteOverride *override;
  g_autofree char *start = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (partners), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 2);
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_META_LANGUAGE), ==, "fr");
  g_assert_cmpstr (pacte_record_get_string (partner, PACTE_PARTNER_NAME), ==, "Société Générale d'Informatique");
  g_assert_cmpstr (pacte_record_get_string (partner, PACTE_PARTNER_CROSS_BUSINESS_NOTES), ==, "Line one\nLine two\ttabbed");
  g_assert_cmpstr (pacte_record_get_string (partner, PACTE_PARTNER_NOTES), ==, "Control \001 character");
  g_assert_cmpstr (pacte_record_get_strv (partner, PACTE_PARTNER_PRODUCTS)[0], ==, "Suite \"Pro\"");
  g_assert_cmpfloat (pacte_record_get_number (partner, PACTE_PARTNER_CROSS_BUSINESS_PARTNER_BUYS_FROM_US), ==, 150000);
  g_assert_cmpfloat (pacte_record_get_number (partner, PACTE_PARTNER_CROSS_BUSINESS_WE_BUY_FROM_PARTNER), ==, 12500.5);

  start = pacte_date_format (pacte_record_get_date (plan, PACTE_PLAN_PERIOD_START));
  g_assert_cmpstr (start, ==, "2027-01-01");
  g_assert_cmpfloat (pacte_record_get_number (plan, PACTE_PLAN_RESOURCES_HEADCOUNT), ==, 1.5);
  objective = g_list_model_get_item (pacte_record_get_list (plan, PACTE_PLAN_OBJECTIVES), 1);
  g_assert_cmpfloat (pacte_record_get_number (objective, PACTE_OBJECTIVE_TARGET), ==, 1e300);
  g_assert_cmpfloat (pacte_record_get_number (objective, PACTE_OBJECTIVE_ACTUAL), ==, -0.000123);
  enablement = g_list_model_get_item (pacte_record_get_list (plan, PACTE_PLAN_ENABLEMENT), 1);
  g_assert_cmpint (pacte_record_get_boolean (enablement, PACTE_ENABLEMENT_DONE), ==, 0);
  review = g_list_model_get_item (pacte_record_get_list (plan, PACTE_PLAN_REVIEWS), 0);
  g_assert_cmpstr (pacte_record_map_get_string (review, PACTE_REVIEW_STATUSES, "R02"), ==, "amber");

  override = pacte_plan_find_override (PACTE_PLAN (plan), "R03");
  g_assert_nonnull (override);
  g_assert_cmpint (pacte_record_get_boolean (PACTE_RECORD (override), PACTE_OVERRIDE_DISABLED), ==, 1);
  override = pacte_plan_find_override (PACTE_PLAN (plan), "R12");
  g_assert_nonnull (override);
  g_assert_cmpfloat (pacte_record_map_get_number (PACTE_RECORD (override), PACTE_OVERRIDE_PARAMS, "min_linked_ratio"), ==, 0.5);
  override = pacte_portfolio_find_setting (portfolio, "R14");
  g_assert_nonnull (override);
  g_assert_cmpfloat (pacte_record_map_get_number (PACTE_RECORD (override), PACTE_OVERRIDE_PARAMS, "horizon_quarters"), ==, 3);
}

static void
test_unknown_members_kept (void)
{
  g_autoptr(PactePortfolio) portfolio = load_fixture ("format-canonical.pacte.json");
  g_autoptr(PacteRecord) partner = g_list_model_get_item (pacte_portfolio_get_partners (portfolio), 0);
  g_autoptr(PacteRecord) contact = g_list_model_get_item (pacte_record_get_list (partner, PACTE_PARTNER_CONTACTS), 0);
  g_autoptr(PacteRecord) plan = g_list_model_get_item (pacte_portfolio_get_plans (portfolio), 0);
  g_autoptr(PacteRecord) objective = g_list_model_get_item (pacte_record_get_list (plan, PACTE_PLAN_OBJECTIVES), 0);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  /* Where each one was found: the top level, nested objects, list items, overrides. */
  g_assert_true (pacte_record_has_unknown (PACTE_RECORD (portfolio), ""));
  g_assert_true (pacte_record_has_unknown (PACTE_RECORD (portfolio), "meta"));
  g_assert_true (pacte_record_has_unknown (partner, ""));
  g_assert_true (pacte_record_has_unknown (partner, "cross_business"));
  g_assert_true (pacte_record_has_unknown (contact, ""));
  g_assert_true (pacte_record_has_unknown (plan, ""));
  g_assert_true (pacte_record_has_unknown (plan, "period"));
  g_assert_false (pacte_record_has_unknown (plan, "sponsor"));
  g_assert_true (pacte_record_has_unknown (objective, ""));
  g_assert_true (pacte_record_has_unknown (objective, "benchmark"));
  g_assert_true (pacte_record_has_unknown (PACTE_RECORD (pacte_plan_find_override (PACTE_PLAN (plan), "R03")), ""));
  g_assert_true (pacte_record_has_unknown (PACTE_RECORD (pacte_portfolio_find_setting (portfolio, "R14")), ""));

  /* An edit elsewhere does not lose them. */
  pacte_record_set_string (plan, PACTE_PLAN_NAME, "Plan 2027 (renamed)", &error);
  g_assert_no_error (error);
  saved = pacte_portfolio_to_bytes (portfolio);
  text = g_bytes_get_data (saved, NULL);
  g_assert_nonnull (strstr (text, "\"name\": \"Plan 2027 (renamed)\""));
  g_assert_nonnull (strstr (text, "  \"x_top_level\": {\n    \"exported_by\": \"a script\",\n    \"count\": 3\n  }\n}\n"));
  g_assert_nonnull (strstr (text, "\"x_fiscal\": \"FY27\""));
  g_assert_nonnull (strstr (text, "\"x_year\": 2026"));
  g_assert_nonnull (strstr (text, "\"x_objective\": null"));
  g_assert_nonnull (strstr (text, "\"x_override\": {}"));
  g_assert_nonnull (strstr (text, "\"x_contact_pronouns\": \"elle\""));
  g_assert_nonnull (strstr (text, "\"x_meta_note\": \"kept\""));
  g_assert_nonnull (strstr (text, "\"deep\": \"yes\""));
}

static void
test_unknown_members_only (void)
{
  /* A nested object holding only members we do not know is still written. */
  const char *text = HEAD "\"partners\":[],\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"sponsor\":{\"x_only\":[true]}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = load_text (text, -1, NULL, &error);
  g_autoptr(GBytes) saved = NULL;

  g_assert_no_error (error);
  saved = pacte_portfolio_to_bytes (portfolio);
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL),
                            "      \"sponsor\": {\n        \"x_only\": [\n          true\n        ]\n      }\n"));
}

static void
test_unknown_members_order (void)
{
  /* The same members in another order: equal models (found by fuzzing). */
  const char *a = HEAD "\"x_top\":1,\"meta\":{\"x_meta\":2,\"title\":\"T\"},\"partners\":[{\"x_p\":3,\"id\":\"p\",\"name\":\"P\",\"cross_business\":{\"x_cb\":4}}]}";
  const char *b = "{\"partners\":[{\"cross_business\":{\"x_cb\":4},\"name\":\"P\",\"x_p\":3,\"id\":\"p\"}],\"meta\":{\"title\":\"T\",\"x_meta\":2},"
                  "\"version\":1,\"x_top\":1,\"format\":\"pacte-portfolio\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) pa = load_text (a, -1, NULL, &error);
  g_autoptr(PactePortfolio) pb = NULL;
  g_autoptr(GBytes) sa = NULL;
  g_autoptr(GBytes) sb = NULL;

  g_assert_no_error (error);
  pb = load_text (b, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pacte_record_equal (PACTE_RECORD (pa), PACTE_RECORD (pb)));
  sa = pacte_portfolio_to_bytes (pa);
  sb = pacte_portfolio_to_bytes (pb);
  g_assert_true (g_bytes_equal (sa, sb));
}

static void
test_messy_file_normalizes (void)
{
  g_autoptr(PactePortfolio) portfolio = load_fixture ("format-messy.pacte.json");
  g_autoptr(GBytes) expected = pacte_test_read_fixture ("format-messy.expected.json");
  g_autoptr(GBytes) saved = pacte_portfolio_to_bytes (portfolio);
  g_autoptr(PactePortfolio) again = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;

  assert_bytes_equal_text (saved, expected);
  /* The canonical form is a fixed point. */
  again = pacte_portfolio_load_bytes (expected, "expected.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pacte_record_equal (PACTE_RECORD (portfolio), PACTE_RECORD (again)));
  saved_again = pacte_portfolio_to_bytes (again);
  g_assert_true (g_bytes_equal (saved_again, expected));
}

static void
test_empty_portfolio (void)
{
  g_autoptr(PactePortfolio) portfolio = pacte_portfolio_new ();
  g_autoptr(GBytes) saved = pacte_portfolio_to_bytes (portfolio);
  static const char text[] =
    "{\n  \"format\": \"pacte-portfolio\",\n  \"version\": 1,\n  \"partners\": [],\n  \"plans\": []\n}\n";
  g_autoptr(GBytes) expected = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) loaded = NULL;

  assert_bytes_equal_text (saved, expected);
  loaded = pacte_portfolio_load_bytes (saved, "new.pacte.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_partners (loaded)), ==, 0);
}

static void
test_numbers (void)
{
  static const struct {
    double      value;
    const char *text;
  } cases[] = {
    { 150000, "150000" },
    { -42, "-42" },
    { 0.1, "0.1" },
    { 1.0 / 3.0, "0.3333333333333333" },
    { 2.5e-7, "2.5e-07" },
    { 1e21, "1e+21" },
    { 9007199254740991.0, "9007199254740991" },
    { 9007199254740992.0, "9007199254740992" },
    { 123456.789, "123456.789" },
    { 0.30000000000000004, "0.30000000000000004" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PactePortfolio) portfolio = pacte_portfolio_new ();
      g_autoptr(PacteRecord) plan = g_object_new (PACTE_TYPE_PLAN, NULL);
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PactePortfolio) loaded = NULL;
      g_autoptr(PacteRecord) loaded_plan = NULL;
      g_autofree char *line = g_strdup_printf ("\"revenue_target\": %s,\n", cases[i].text);

      pacte_record_set_string (plan, PACTE_PLAN_ID, "plan-1", &error);
      g_assert_no_error (error);
      pacte_record_set_string (plan, PACTE_PLAN_NAME, "Plan", &error);
      g_assert_no_error (error);
      pacte_record_set_number (plan, PACTE_PLAN_REVENUE_TARGET, cases[i].value, &error);
      g_assert_no_error (error);
      pacte_record_set_number (plan, PACTE_PLAN_RESOURCES_BUDGET, 1, &error);
      g_assert_no_error (error);
      pacte_record_list_insert (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_PLANS, 0, plan);
      saved = pacte_portfolio_to_bytes (portfolio);
      g_test_message ("%s", (const char *) g_bytes_get_data (saved, NULL));
      g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), line));

      loaded = pacte_portfolio_load_bytes (saved, "n.pacte.json", NULL, &error);
      g_assert_no_error (error);
      loaded_plan = g_list_model_get_item (pacte_portfolio_get_plans (loaded), 0);
      g_assert_cmpfloat (pacte_record_get_number (loaded_plan, PACTE_PLAN_REVENUE_TARGET), ==, cases[i].value);
    }
}

static void
test_lenient_values (void)
{
  /* null, "" and [] all mean "not filled in"; a byte order mark is skipped;
   * plans may come before the partners they name. */
  const char *text = "\xEF\xBB\xBF" HEAD
    "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"partners\":[\"p-1\"],\"segment\":\"\",\"phase\":null,"
    "\"revenue_target\":\"\",\"period\":null,\"agreement\":{\"type\":\"\"},\"objectives\":[],"
    "\"enablement\":[{\"done\":null}]}],"
    "\"partners\":[{\"id\":\"p-1\",\"name\":\"One\",\"territories\":[],\"label\":null}],\"meta\":null}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = load_text (text, -1, NULL, &error);
  g_autoptr(PacteRecord) plan = NULL;

  g_assert_no_error (error);
  plan = g_list_model_get_item (pacte_portfolio_get_plans (portfolio), 0);
  g_assert_false (pacte_record_is_set (plan, PACTE_PLAN_SEGMENT));
  g_assert_false (pacte_record_is_set (plan, PACTE_PLAN_REVENUE_TARGET));
  g_assert_false (pacte_record_is_set (plan, PACTE_PLAN_AGREEMENT_TYPE));
  g_assert_cmpstr (pacte_record_get_strv (plan, PACTE_PLAN_PARTNERS)[0], ==, "p-1");
}

/* ---- Broken files ------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *text;
  int         code;
  const char *expected;   /* in the message */
} BrokenCase;

static const BrokenCase broken_cases[] = {
  /* The text */
  { "empty file", "", PACTE_MODEL_ERROR_EMPTY, "team.pacte.json: the file is empty" },
  { "only white space", "  \n\t\r\n  ", PACTE_MODEL_ERROR_EMPTY, "team.pacte.json: the file contains only white space" },
  { "truncated in a string", HEAD "\"partners\":[{\"id\":\"p-1\",\"na", PACTE_MODEL_ERROR_SYNTAX,
    "team.pacte.json:1:65: unterminated string" },
  { "truncated after a value", HEAD "\"partners\":[]", PACTE_MODEL_ERROR_SYNTAX,
    "team.pacte.json:1:54: the file ends too early; expected \",\" or \"}\"" },
  { "trailing document", HEAD "\"partners\":[],\"plans\":[]}\n{}\n", PACTE_MODEL_ERROR_SYNTAX,
    "team.pacte.json:2:1: more content after the end" },
  { "trailing garbage", HEAD "\"partners\":[]} x", PACTE_MODEL_ERROR_SYNTAX, "team.pacte.json:1:56:" },
  { "missing comma", "{\n  \"format\": \"pacte-portfolio\"\n  \"version\": 1\n}", PACTE_MODEL_ERROR_SYNTAX,
    "team.pacte.json:3:3: unexpected character '\"'; expected \",\" or \"}\"" },
  { "trailing comma", HEAD "\"partners\":[],}", PACTE_MODEL_ERROR_SYNTAX, "team.pacte.json:1:55: a comma before" },
  { "comment", "{\n// a comment\n\"format\": \"pacte-portfolio\"}", PACTE_MODEL_ERROR_SYNTAX,
    "team.pacte.json:2:1: a comment" },
  { "single quotes", "{'format': 'pacte-portfolio'}", PACTE_MODEL_ERROR_SYNTAX, "team.pacte.json:1:2: a single quote" },
  { "raw line break in a string", HEAD "\"meta\":{\"title\":\"a\nb\"}}", PACTE_MODEL_ERROR_SYNTAX,
    "team.pacte.json:1:59: line break inside a string" },
  { "bad escape", HEAD "\"meta\":{\"title\":\"a\\qb\"}}", PACTE_MODEL_ERROR_SYNTAX, "team.pacte.json:1:59: invalid escape \\\"q\"" },
  { "hexadecimal number", HEAD "\"plans\":[{\"revenue_target\":0x10}]}", PACTE_MODEL_ERROR_SYNTAX, "team.pacte.json:1:69: unexpected character \"x\"; expected \",\" or \"}\"" },
  { "leading zero", HEAD "\"plans\":[{\"revenue_target\":012}]}", PACTE_MODEL_ERROR_SYNTAX, "team.pacte.json:1:68: a number with a leading zero" },
  { "NaN", HEAD "\"plans\":[{\"revenue_target\":NaN}]}", PACTE_MODEL_ERROR_SYNTAX, "team.pacte.json:1:68: unknown word \"NaN\"" },
  { "binary garbage", "\x7f" "ELF\x02\x01\x01\x00\x00\x00\xff\xfe", PACTE_MODEL_ERROR_ENCODING, "team.pacte.json:1:8: a NUL byte" },
  { "invalid UTF-8", HEAD "\"meta\":{\"title\":\"caf\xe9\"}}", PACTE_MODEL_ERROR_ENCODING,
    "team.pacte.json:1:61: byte 0xE9 is not valid UTF-8" },
  { "UTF-16", "\xff\xfe{\x00}\x00", PACTE_MODEL_ERROR_ENCODING, "team.pacte.json:1:1: byte 0xFF" },
  { "lone surrogate", HEAD "\"meta\":{\"title\":\"\\ud800\"}}", PACTE_MODEL_ERROR_ENCODING, "team.pacte.json:1:58: lone high surrogate" },
  { "NUL escape", HEAD "\"meta\":{\"title\":\"a\\u0000\"}}", PACTE_MODEL_ERROR_ENCODING, "team.pacte.json:1:59: \\u0000" },
  { "1e999", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"revenue_target\":1e999}]}", PACTE_MODEL_ERROR_TOO_LARGE,
    "team.pacte.json:1:88: number 1e999 is too large" },
  { "integer beyond 64 bits", HEAD "\"plans\":[{\"revenue_target\":99999999999999999999}]}", PACTE_MODEL_ERROR_TOO_LARGE,
    "team.pacte.json:1:68: number 99999999999999999999 is out of range" },
  { "integer beyond 2^53", HEAD "\"x\":-9007199254740993}", PACTE_MODEL_ERROR_TOO_LARGE, "team.pacte.json:1:45: number -9007199254740993" },

  /* The header */
  { "array instead of object", "[1, 2]", PACTE_MODEL_ERROR_NOT_PORTFOLIO,
    "team.pacte.json is not a Pacte portfolio (expected \"format\": \"pacte-portfolio\")" },
  { "wrong format", "{\"format\":\"pacte-rules\",\"version\":1}", PACTE_MODEL_ERROR_NOT_PORTFOLIO, "is not a Pacte portfolio" },
  { "missing format", "{\"version\":1,\"partners\":[]}", PACTE_MODEL_ERROR_NOT_PORTFOLIO, "is not a Pacte portfolio" },
  { "version 2", "{\"format\":\"pacte-portfolio\",\"version\":2}", PACTE_MODEL_ERROR_FUTURE_VERSION,
    "team.pacte.json: written by a newer version of Pacte (file version 2, this program reads version 1)" },
  { "version missing", "{\"format\":\"pacte-portfolio\"}", PACTE_MODEL_ERROR_INVALID, "team.pacte.json: version: missing" },
  { "version as string", "{\"format\":\"pacte-portfolio\",\"version\":\"1\"}", PACTE_MODEL_ERROR_INVALID,
    "team.pacte.json: version: found a string" },
  { "version 0", "{\"format\":\"pacte-portfolio\",\"version\":0}", PACTE_MODEL_ERROR_INVALID, "version: unknown file version 0" },

  /* Types at several depths */
  { "meta not an object", HEAD "\"meta\":[1]}", PACTE_MODEL_ERROR_INVALID, "team.pacte.json: meta: found an array; expected an object" },
  { "partners not an array", HEAD "\"partners\":{\"p-1\":{}}}", PACTE_MODEL_ERROR_INVALID, "team.pacte.json: partners: found an object; expected an array of objects" },
  { "partner not an object", HEAD "\"partners\":[1]}", PACTE_MODEL_ERROR_INVALID, "team.pacte.json: partners[0]: found a number; expected an object" },
  { "name as number", HEAD "\"partners\":[{\"id\":\"p-1\",\"name\":42}]}", PACTE_MODEL_ERROR_INVALID,
    "team.pacte.json: partners[0].name: found a number; expected a string" },
  { "territory as number", HEAD "\"partners\":[{\"id\":\"p-1\",\"name\":\"A\",\"territories\":[\"FR\",1]}]}", PACTE_MODEL_ERROR_INVALID,
    "team.pacte.json: partners[0].territories[1]: found a number; expected a string" },
  { "cross business as string", HEAD "\"partners\":[{\"id\":\"p-1\",\"name\":\"A\",\"cross_business\":{\"partner_buys_from_us\":\"lots\"}}]}",
    PACTE_MODEL_ERROR_INVALID, "team.pacte.json: partners[0].cross_business.partner_buys_from_us: found a string; expected a number" },
  { "nested object as string", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"period\":\"2027\"}]}", PACTE_MODEL_ERROR_INVALID,
    "team.pacte.json: plans[0].period: found a string; expected an object" },
  { "boolean as string", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"enablement\":[{\"done\":\"yes\"}]}]}", PACTE_MODEL_ERROR_INVALID,
    "team.pacte.json: plans[0].enablement[0].done: found a string; expected true or false" },
  { "benchmark value as bool", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"objectives\":[{\"id\":\"o\",\"benchmark\":{\"value\":true}}]}]}",
    PACTE_MODEL_ERROR_INVALID, "team.pacte.json: plans[0].objectives[0].benchmark.value: found true or false; expected a number" },
  { "overrides as array", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"rule_overrides\":[\"R01\"]}]}", PACTE_MODEL_ERROR_INVALID,
    "team.pacte.json: plans[0].rule_overrides: found an array" },
  { "override as boolean", HEAD "\"rule_settings\":{\"R01\":true}}", PACTE_MODEL_ERROR_INVALID,
    "team.pacte.json: rule_settings.R01: found true or false; expected an object" },
  { "parameter as string", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"rule_overrides\":{\"R12\":{\"params\":{\"min_linked_ratio\":\"half\"}}}}]}",
    PACTE_MODEL_ERROR_INVALID, "team.pacte.json: plans[0].rule_overrides.R12.params.min_linked_ratio: found a string; expected a number" },

  /* Values */
  { "unknown segment", HEAD "\"partners\":[{\"id\":\"p-1\",\"name\":\"A\",\"segment\":\"reseller\"}]}", PACTE_MODEL_ERROR_INVALID,
    "team.pacte.json: partners[0].segment: unknown value \"reseller\"; expected one of resale, marketing-alliance, commercial-alignment, technology, services" },
  { "unknown contact role", HEAD "\"partners\":[{\"id\":\"p-1\",\"name\":\"A\",\"contacts\":[{\"name\":\"B\",\"role\":\"boss\"}]}]}",
    PACTE_MODEL_ERROR_INVALID, "team.pacte.json: partners[0].contacts[0].role: unknown value \"boss\"" },
  { "unknown language", HEAD "\"meta\":{\"language\":\"de\"}}", PACTE_MODEL_ERROR_INVALID,
    "team.pacte.json: meta.language: unknown value \"de\"; expected one of en, fr" },
  { "unknown status in a review", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"reviews\":[{\"statuses\":{\"R01\":\"blue\"}}]}]}",
    PACTE_MODEL_ERROR_INVALID, "team.pacte.json: plans[0].reviews[0].statuses.R01: unknown value \"blue\"; expected one of green, amber, red, off" },
  { "not a real date", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"period\":{\"start\":\"2027-02-30\"}}]}", PACTE_MODEL_ERROR_INVALID,
    "team.pacte.json: plans[0].period.start: \"2027-02-30\" is not a real calendar date; expected a date as \"YYYY-MM-DD\"" },
  { "date in another form", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"objectives\":[{\"id\":\"o\",\"due\":\"15/03/2027\"}]}]}",
    PACTE_MODEL_ERROR_INVALID, "team.pacte.json: plans[0].objectives[0].due: \"15/03/2027\" is not a real calendar date" },
  { "bad quarter", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"forecast\":[{\"quarter\":\"2027-Q5\",\"amount\":1}]}]}",
    PACTE_MODEL_ERROR_INVALID, "team.pacte.json: plans[0].forecast[0].quarter: \"2027-Q5\" is not a quarter" },
  { "non-whole integer", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"governance\":[{\"cadence_days\":7.5}]}]}",
    PACTE_MODEL_ERROR_INVALID, "team.pacte.json: plans[0].governance[0].cadence_days: 7.5 is not a whole number" },
  { "null required id", HEAD "\"partners\":[{\"id\":null,\"name\":\"A\"}]}", PACTE_MODEL_ERROR_INVALID,
    "team.pacte.json: partners[0].id: missing or empty; expected a non-empty string" },
  { "missing plan name", HEAD "\"plans\":[{\"id\":\"a\"}]}", PACTE_MODEL_ERROR_INVALID, "team.pacte.json: plans[0].name: missing or empty" },
  { "empty contact name", HEAD "\"partners\":[{\"id\":\"p\",\"name\":\"P\",\"contacts\":[{\"name\":\"\"}]}]}", PACTE_MODEL_ERROR_INVALID,
    "team.pacte.json: partners[0].contacts[0].name: missing or empty" },
  { "missing objective id", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"objectives\":[{\"title\":\"T\"}]}]}", PACTE_MODEL_ERROR_INVALID,
    "team.pacte.json: plans[0].objectives[0].id: missing or empty" },

  /* Duplicate ids, in each array that has them */
  { "duplicate partner id", HEAD "\"partners\":[{\"id\":\"p-1\",\"name\":\"A\"},{\"id\":\"p-2\",\"name\":\"B\"},{\"id\":\"p-1\",\"name\":\"C\"}]}",
    PACTE_MODEL_ERROR_DUPLICATE_ID, "team.pacte.json: partners[2].id: duplicate id \"p-1\", already used by partners[0]" },
  { "duplicate plan id", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\"},{\"id\":\"a\",\"name\":\"B\"}]}",
    PACTE_MODEL_ERROR_DUPLICATE_ID, "team.pacte.json: plans[1].id: duplicate id \"a\", already used by plans[0]" },
  { "duplicate objective id", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"objectives\":[{\"id\":\"o\"},{\"id\":\"o\"}]}]}",
    PACTE_MODEL_ERROR_DUPLICATE_ID, "team.pacte.json: plans[0].objectives[1].id: duplicate id \"o\", already used by plans[0].objectives[0]" },
  { "duplicate action id", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"actions\":[{\"id\":\"x\"},{\"id\":\"y\"},{\"id\":\"y\"}]}]}",
    PACTE_MODEL_ERROR_DUPLICATE_ID, "team.pacte.json: plans[0].actions[2].id: duplicate id \"y\", already used by plans[0].actions[1]" },

  /* Unknown partners, in each place that names them */
  { "unknown partner in a plan",
    HEAD "\"partners\":[{\"id\":\"p-1\",\"name\":\"A\"}],\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"partners\":[\"p-1\"]},"
    "{\"id\":\"b\",\"name\":\"B\"},{\"id\":\"c\",\"name\":\"C\",\"partners\":[\"p-9\"]}]}",
    PACTE_MODEL_ERROR_UNKNOWN_REFERENCE, "team.pacte.json: plans[2].partners[0]: unknown partner \"p-9\"" },
  { "unknown party of an action",
    HEAD "\"partners\":[{\"id\":\"p-1\",\"name\":\"A\"}],\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"actions\":[{\"id\":\"x\",\"parties\":[\"p-1\",\"p-2\"]}]}]}",
    PACTE_MODEL_ERROR_UNKNOWN_REFERENCE, "team.pacte.json: plans[0].actions[0].parties[1]: unknown partner \"p-2\"" },
  { "unknown partner of an event",
    HEAD "\"partners\":[{\"id\":\"p-1\",\"name\":\"A\"}],\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"events\":[{\"partners\":[\"P-1\"]}]}]}",
    PACTE_MODEL_ERROR_UNKNOWN_REFERENCE, "team.pacte.json: plans[0].events[0].partners[0]: unknown partner \"P-1\"" },
  { "unknown partner, plans first",
    "{\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"partners\":[\"p-1\",\"p-3\"]}],\"format\":\"pacte-portfolio\",\"version\":1,"
    "\"partners\":[{\"id\":\"p-1\",\"name\":\"A\"}]}",
    PACTE_MODEL_ERROR_UNKNOWN_REFERENCE, "team.pacte.json: plans[0].partners[1]: unknown partner \"p-3\"" },
  { "unknown partner, no partners at all", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"partners\":[\"p-1\"]}]}",
    PACTE_MODEL_ERROR_UNKNOWN_REFERENCE, "team.pacte.json: plans[0].partners[0]: unknown partner \"p-1\"" },
};

static void
test_broken (gconstpointer data)
{
  const BrokenCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  gsize len = strlen (c->text);

  /* The binary and UTF-16 cases hold NUL bytes. */
  if (g_str_equal (c->name, "binary garbage"))
    len = 13;
  else if (g_str_equal (c->name, "UTF-16"))
    len = 6;
  portfolio = load_text (c->text, len, NULL, &error);
  g_assert_null (portfolio);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "team.pacte.json"));
  g_assert_nonnull (strstr (error->message, c->expected));
  g_assert_error (error, PACTE_MODEL_ERROR, c->code);
}

static void
test_too_deep (void)
{
  /* 100000 levels would overflow json-glib's stack: refused before it parses. */
  GString *text = g_string_new (HEAD "\"x\":");
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  portfolio = load_text (text->str, text->len, NULL, &error);
  g_assert_null (portfolio);
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_TOO_DEEP);
  /* The 513th level: column 45 is the first bracket, the top level is one. */
  g_assert_nonnull (strstr (error->message, "team.pacte.json:1:556: nested more than 512 levels"));
  g_string_free (text, TRUE);

  /* 512 levels in all are fine (as far as nesting goes). */
  text = g_string_new (HEAD "\"x\":");
  for (guint i = 0; i < 511; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 511; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  g_clear_error (&error);
  portfolio = load_text (text->str, text->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (portfolio);
  g_string_free (text, TRUE);
}

static void
test_huge_string (void)
{
  GString *text = g_string_new (HEAD "\"partners\":[{\"id\":\"p\",\"name\":\"P\",\"notes\":\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;

  for (guint i = 0; i < (1 << 20) + 1; i++)
    g_string_append_c (text, 'a');
  g_string_append (text, "\"}]}");
  portfolio = load_text (text->str, text->len, NULL, &error);
  g_assert_null (portfolio);
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "team.pacte.json:1:82: string of 1048577 bytes; expected at most 1 MiB"));
  g_string_free (text, TRUE);
}

static void
test_unknown_rules (void)
{
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  const char *good = HEAD "\"rule_settings\":{\"R12\":{\"params\":{\"min_linked_ratio\":0.5}}},\"partners\":[],"
                     "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"rule_overrides\":{\"R14\":{\"disabled\":true,\"params\":{\"horizon_quarters\":2}}}}]}";
  const char *bad_rule = HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"rule_overrides\":{\"R99\":{\"disabled\":true}}}]}";
  const char *bad_setting = HEAD "\"rule_settings\":{\"R1\":{}}}";
  const char *bad_param = HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"rule_overrides\":{\"R12\":{\"params\":{\"max_ratio\":1}}}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;

  if (rules == NULL || !pacte_rule_set_has_rule (rules, "R12") || !pacte_rule_set_has_param (rules, "R12", "min_linked_ratio"))
    {
      g_test_skip ("the default rule set does not have R12 with min_linked_ratio");
      return;
    }

  portfolio = load_text (good, -1, rules, &error);
  g_assert_no_error (error);
  g_clear_object (&portfolio);

  portfolio = load_text (bad_rule, -1, rules, &error);
  g_assert_null (portfolio);
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_UNKNOWN_RULE);
  g_assert_nonnull (strstr (error->message, "team.pacte.json: plans[0].rule_overrides.R99: unknown rule \"R99\"; expected one of R01,"));
  g_clear_error (&error);

  portfolio = load_text (bad_setting, -1, rules, &error);
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_UNKNOWN_RULE);
  g_assert_nonnull (strstr (error->message, "team.pacte.json: rule_settings.R1: unknown rule \"R1\""));
  g_clear_error (&error);

  portfolio = load_text (bad_param, -1, rules, &error);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_UNKNOWN_RULE);
  g_assert_nonnull (strstr (error->message,
                            "team.pacte.json: plans[0].rule_overrides.R12.params.max_ratio: rule R12 has no parameter \"max_ratio\"; expected one of "));
  g_clear_error (&error);

  /* Without a rule set, rule ids are not checked. */
  portfolio = load_text (bad_rule, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (portfolio);
}

/* ---- Files -------------------------------------------------------------- */

static void
test_directory (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pacte-load-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = pacte_portfolio_load_file (file, NULL, NULL, &error);

  /* Files are named by their full path, in load and save errors alike. */
  g_assert_null (portfolio);
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, dir));
  g_assert_nonnull (strstr (error->message, "it is a folder"));
  g_rmdir (dir);
}

static void
test_missing_and_unreadable (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pacte-load-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.pacte.json", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked.pacte.json", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) locked_file = g_file_new_for_path (locked);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;

  portfolio = pacte_portfolio_load_file (missing_file, NULL, NULL, &error);
  g_assert_null (portfolio);
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, missing));
  g_assert_nonnull (strstr (error->message, "/missing.pacte.json: cannot read the file: "));
  g_clear_error (&error);

  g_file_set_contents (locked, HEAD "\"partners\":[],\"plans\":[]}", -1, &error);
  g_assert_no_error (error);
  g_chmod (locked, 0);
  if (geteuid () != 0)
    {
      portfolio = pacte_portfolio_load_file (locked_file, NULL, NULL, &error);
      g_assert_null (portfolio);
      g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_IO);
      g_assert_true (g_str_has_prefix (error->message, locked));
      g_assert_nonnull (strstr (error->message, "/locked.pacte.json: cannot read the file: "));
      g_clear_error (&error);
    }
  g_remove (locked);
  g_rmdir (dir);
}

static void
test_file_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pacte-load-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.pacte.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  FILE *f = fopen (path, "w");

  /* A sparse file: refused from its size, never read. */
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), (G_GINT64_CONSTANT (1) << 30) + 1), ==, 0);
  fclose (f);
  portfolio = pacte_portfolio_load_file (file, NULL, NULL, &error);
  g_assert_null (portfolio);
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.pacte.json: the file is 1024 MiB; expected at most 1024 MiB"));
  g_remove (path);
  g_rmdir (dir);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autofree char *path = pacte_test_fixture_path ("format-canonical.pacte.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) directory = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;

  pacte_portfolio_load_file_async (file, NULL, NULL, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  portfolio = pacte_portfolio_load_file_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_plans (portfolio)), ==, 2);
  g_assert_true (g_file_equal (pacte_portfolio_get_file (portfolio), file));
  g_clear_object (&result);

  /* Failures come back the same way. */
  pacte_portfolio_load_file_async (directory, NULL, NULL, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&portfolio);
  portfolio = pacte_portfolio_load_file_finish (result, &error);
  g_assert_null (portfolio);
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_IO);
}

/* A portfolio of n partners with long notes, written to a new temporary
 * file (about 1 KiB per partner). */
static GFile *
write_large_portfolio (guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  GString *text = g_string_new ("{\n  \"format\": \"pacte-portfolio\",\n  \"version\": 1,\n  \"partners\": [\n");
  GFile *file;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (text, "    { \"id\": \"p-%u\", \"name\": \"Partner %u\", \"notes\": \"", i + 1, i + 1);
      for (guint k = 0; k < 16; k++)
        g_string_append (text, "A partner with a long history of joint work. ");
      g_string_append (text, i + 1 < n ? "\" },\n" : "\" }\n");
    }
  g_string_append (text, "  ],\n  \"plans\": []\n}\n");
  file = g_file_new_tmp ("pacte-load-progress-XXXXXX.pacte.json", &stream, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (stream)),
                                            text->str, text->len, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_io_stream_close (G_IO_STREAM (stream), NULL, &error));
  g_string_free (text, TRUE);
  return file;
}

typedef struct
{
  GArray       *done;       /* guint64 */
  guint64       total;
  GThread      *thread;     /* where the calls came from */
  GCancellable *cancel_at_half;
} Progress;

static void
record_progress (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  Progress *progress = user_data;

  g_array_append_val (progress->done, done);
  progress->total = total;
  progress->thread = g_thread_self ();
  if (progress->cancel_at_half != NULL && done >= total / 2)
    g_cancellable_cancel (progress->cancel_at_half);
}

static void
test_progress (void)
{
  g_autoptr(GFile) file = write_large_portfolio (2000);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  Progress progress = { g_array_new (FALSE, FALSE, sizeof (guint64)), 0, NULL, NULL };
  guint64 size = g_file_info_get_size (info);

  portfolio = pacte_portfolio_load_file_with_progress (file, NULL, record_progress, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio)), ==, 2000);
  /* Several steps, in order, ending with the whole file. */
  g_assert_cmpuint (progress.total, ==, size);
  g_assert_cmpuint (progress.done->len, >=, 10);
  for (guint i = 1; i < progress.done->len; i++)
    g_assert_cmpuint (g_array_index (progress.done, guint64, i), >=, g_array_index (progress.done, guint64, i - 1));
  g_assert_cmpuint (g_array_index (progress.done, guint64, progress.done->len - 1), ==, size);
  g_assert_true (progress.thread == g_thread_self ());
  g_array_unref (progress.done);
  g_file_delete (file, NULL, NULL);
}

static void
test_progress_cancel (void)
{
  g_autoptr(GFile) file = write_large_portfolio (2000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  Progress progress = { g_array_new (FALSE, FALSE, sizeof (guint64)), 0, NULL, cancellable };

  /* Cancelled half-way, by the progress itself: a cancellation, not an
   * error to show, and no more progress once cancelled. */
  portfolio = pacte_portfolio_load_file_with_progress (file, NULL, record_progress, &progress, cancellable, &error);
  g_assert_null (portfolio);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_array_index (progress.done, guint64, progress.done->len - 1), <, progress.total);
  g_array_unref (progress.done);
  g_file_delete (file, NULL, NULL);
}

typedef struct
{
  Progress      progress;
  gboolean      destroyed;
  GAsyncResult *result;
  guint         calls_at_result;
} AsyncProgress;

static void
progress_destroyed (gpointer data)
{
  AsyncProgress *a = data;

  a->destroyed = TRUE;
}

static void
async_progress (guint64  done,
                guint64  total,
                gpointer user_data)
{
  AsyncProgress *a = user_data;

  /* Never after the load's callback. */
  g_assert_null (a->result);
  record_progress (done, total, &a->progress);
}

static void
async_progress_loaded (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  AsyncProgress *a = user_data;

  a->result = g_object_ref (result);
  a->calls_at_result = a->progress.done->len;
}

static void
test_progress_async (void)
{
  g_autoptr(GFile) file = write_large_portfolio (2000);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  AsyncProgress a = { { g_array_new (FALSE, FALSE, sizeof (guint64)), 0, NULL, NULL }, FALSE, NULL, 0 };

  pacte_portfolio_load_file_with_progress_async (file, NULL, async_progress, &a, NULL,
                                                 NULL, async_progress_loaded, &a);
  while (a.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  portfolio = pacte_portfolio_load_file_finish (a.result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio)), ==, 2000);
  /* The progress came in this thread, the one that asked. */
  g_assert_cmpuint (a.progress.done->len, >=, 1);
  g_assert_true (a.progress.thread == g_thread_self ());
  g_clear_object (&a.result);
  g_array_set_size (a.progress.done, 0);

  /* progress_destroy is called once the load is over, even cancelled. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(PactePortfolio) none = NULL;
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    g_cancellable_cancel (cancellable);
    pacte_portfolio_load_file_with_progress_async (file, NULL, async_progress, &a, progress_destroyed,
                                                   cancellable, async_progress_loaded, &a);
    while (a.result == NULL)
      g_main_context_iteration (NULL, TRUE);
    none = pacte_portfolio_load_file_finish (a.result, &error);
    g_assert_null (none);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_clear_object (&a.result);
    while (!a.destroyed && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    g_assert_true (a.destroyed);
    g_assert_cmpuint (a.progress.done->len, ==, a.calls_at_result);
  }
  g_array_unref (a.progress.done);
  g_file_delete (file, NULL, NULL);
}

static void
test_sample (void)
{
  const char *root = g_getenv ("PACTE_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (root != NULL ? root : ".", "data", "samples", "sample.pacte.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autoptr(PactePortfolio) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  PacteRuleSet *rules = pacte_rule_set_get_default ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no sample portfolio");
      return;
    }
  if (rules != NULL && pacte_rule_set_get_n_rules (rules) == 0)
    rules = NULL;
  portfolio = pacte_portfolio_load_file (file, rules, NULL, &error);
  g_assert_no_error (error);
  saved = pacte_portfolio_to_bytes (portfolio);
  again = pacte_portfolio_load_bytes (saved, "sample.pacte.json", rules, &error);
  g_assert_no_error (error);
  g_assert_true (pacte_record_equal (PACTE_RECORD (portfolio), PACTE_RECORD (again)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/load/round-trip/canonical", test_canonical_round_trip);
  g_test_add_func ("/load/round-trip/values", test_values_loaded);
  g_test_add_func ("/load/round-trip/unknown-members", test_unknown_members_kept);
  g_test_add_func ("/load/round-trip/unknown-members-only", test_unknown_members_only);
  g_test_add_func ("/load/round-trip/unknown-members-order", test_unknown_members_order);
  g_test_add_func ("/load/round-trip/messy-file", test_messy_file_normalizes);
  g_test_add_func ("/load/round-trip/empty-portfolio", test_empty_portfolio);
  g_test_add_func ("/load/round-trip/numbers", test_numbers);
  g_test_add_func ("/load/round-trip/sample", test_sample);
  g_test_add_func ("/load/lenient-values", test_lenient_values);
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/load/broken/%s", broken_cases[i].name);

      g_test_add_data_func (name, &broken_cases[i], test_broken);
    }
  g_test_add_func ("/load/broken/too-deep", test_too_deep);
  g_test_add_func ("/load/broken/huge-string", test_huge_string);
  g_test_add_func ("/load/broken/unknown-rules", test_unknown_rules);
  g_test_add_func ("/load/file/directory", test_directory);
  g_test_add_func ("/load/file/missing-and-unreadable", test_missing_and_unreadable);
  g_test_add_func ("/load/file/too-large", test_file_too_large);
  g_test_add_func ("/load/file/async", test_async);
  g_test_add_func ("/load/file/progress", test_progress);
  g_test_add_func ("/load/file/progress-cancel", test_progress_cancel);
  g_test_add_func ("/load/file/progress-async", test_progress_async);

  return g_test_run ();
}
