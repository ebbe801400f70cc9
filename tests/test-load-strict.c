/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-load-strict.c: what the loader accepts it can write back, and what it
 * cannot keep it refuses: numbers near and beyond 2^53, tiny and huge
 * exponents, -0 and subnormals (a property test over random numbers), a
 * member name given twice, "not filled in" in each of its forms, counts
 * below zero. */
#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "pacte-portfolio.h"
#include "pacte-record-private.h"
#include "pacte-json-scan-private.h"
#include "pacte-test-utils.h"

#define HEAD "{\"format\":\"pacte-portfolio\",\"version\":1,"

static PactePortfolio *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return pacte_portfolio_load_bytes (bytes, "team.pacte.json", NULL, error);
}

static PacteRecord *
first_plan (PactePortfolio *portfolio)
{
  return g_list_model_get_item (pacte_portfolio_get_plans (portfolio), 0);
}

/* ---- Numbers: load, save, load gives the same value --------------------- */

/* The number of the plan's revenue_target and of an unknown member
 * "x_number" in the same plan (json-glib's value, written by the saver's
 * other path). */
static void
plan_numbers (PactePortfolio *portfolio,
              double         *target,
              double         *unknown)
{
  g_autoptr(PacteRecord) plan = first_plan (portfolio);
  g_autoptr(GBytes) saved = pacte_portfolio_to_bytes (portfolio);
  const char *text = g_bytes_get_data (saved, NULL);
  const char *member = strstr (text, "\"x_number\": ");

  *target = pacte_record_get_number (plan, PACTE_PLAN_REVENUE_TARGET);
  g_assert_nonnull (member);
  *unknown = g_ascii_strtod (member + strlen ("\"x_number\": "), NULL);
}

/* One number written as text: either it loads, saves, and loads again to the
 * same value (the saved text a fixed point), or it is refused with a clear
 * message at load. */
static void
check_number_text (const char *number,
                   double      expected)
{
  g_autofree char *text = g_strdup_printf (HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\","
                                           "\"revenue_target\":%s,\"x_number\":%s}]}",
                                           number, number);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) loaded = load_text (text, &error);
  g_autoptr(PactePortfolio) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  double target, unknown, target2, unknown2;

  if (loaded == NULL)
    {
      /* Only an integer beyond 2^53 may be refused, and it says so. */
      g_test_message ("%s: %s", number, error->message);
      g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_TOO_LARGE);
      g_assert_nonnull (strstr (error->message, "out of range"));
      g_assert_null (strpbrk (number, ".eE"));
      g_assert_cmpfloat (fabs (expected), >, 9007199254740992.0);
      return;
    }
  plan_numbers (loaded, &target, &unknown);
  if (target != expected || unknown != expected)
    g_error ("%s loaded as %.17g and %.17g, expected %.17g", number, target, unknown, expected);

  saved = pacte_portfolio_to_bytes (loaded);
  again = pacte_portfolio_load_bytes (saved, "saved.pacte.json", NULL, &error);
  if (error != NULL)
    g_error ("%s saved as text that does not load: %s\n%s", number, error->message,
             (const char *) g_bytes_get_data (saved, NULL));
  plan_numbers (again, &target2, &unknown2);
  if (target2 != expected || unknown2 != expected)
    g_error ("%s saved and loaded as %.17g and %.17g, expected %.17g\n%s", number, target2, unknown2,
             expected, (const char *) g_bytes_get_data (saved, NULL));
  saved_again = pacte_portfolio_to_bytes (again);
  g_assert_true (g_bytes_equal (saved, saved_again));
}

/* Every way a reader could write v: %.17g, %.17e, the integer when v is
 * whole (beyond 2^53 too: refused), with ".0", and the shortest %g. */
static void
check_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  static const char * const formats[] = { "%.17g", "%.17e", "%.15g", "%.3e" };

  g_assert_true (isfinite (value));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      double read;

      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      read = g_ascii_strtod (buffer, NULL);
      if ((read == 0 && value != 0) || !isfinite (read))
        continue;  /* the text is out of range: refused, see test_underflow */
      check_number_text (buffer, read);
    }
  g_ascii_dtostr (buffer, sizeof buffer, value);
  check_number_text (buffer, value);
  if (value == floor (value) && fabs (value) < 1e20)
    {
      g_autofree char *integer = g_strdup_printf ("%.0f", value);
      g_autofree char *with_point = g_strdup_printf ("%s.0", integer);

      check_number_text (integer, g_ascii_strtod (integer, NULL));
      check_number_text (with_point, g_ascii_strtod (with_point, NULL));
    }
}

static double
random_double_bits (void)
{
  for (;;)
    {
      guint64 bits = ((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ();
      double value;

      memcpy (&value, &bits, sizeof value);
      if (isfinite (value))
        return value;
    }
}

static void
test_numbers_examples (void)
{
  static const char * const texts[] = {
    "10000090071992547.0", "9.007199254740994e15", "9007199254740993.0", "9007199254740992",
    "-9007199254740992", "1e16", "1E+16", "-0", "-0.0", "-0e5", "5e-324", "4.9406564584124654e-324",
    "2.2250738585072014e-308", "2.225073858507201e-308", "1.7976931348623157e308", "0.1",
    "123456789012345678901234567890.5", "1e-300", "0.000001",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_test_message ("%s", texts[i]);
      check_number_text (texts[i], g_ascii_strtod (texts[i], NULL));
    }
  /* -0 is the same value as 0 and is written 0. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PactePortfolio) loaded = load_text (HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"revenue_target\":-0.0}]}", &error);
    g_autoptr(GBytes) saved = NULL;

    g_assert_no_error (error);
    saved = pacte_portfolio_to_bytes (loaded);
    g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "\"revenue_target\": 0\n"));
  }
  /* Beyond 2^53, a whole double is written with ".0", never as an integer. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PactePortfolio) loaded = load_text (HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"revenue_target\":10000090071992547.0}]}", &error);
    g_autoptr(GBytes) saved = NULL;

    g_assert_no_error (error);
    saved = pacte_portfolio_to_bytes (loaded);
    g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "\"revenue_target\": 10000090071992548.0\n"));
  }
}

static void
test_numbers_random (void)
{
  const double two53 = 9007199254740992.0;

  /* Around 2^53, where doubles stop holding every integer. */
  for (int k = -200; k <= 200; k++)
    {
      check_number (two53 + k);
      check_number (-(two53 + k));
      check_number (two53 * 2 + k * 2);
    }
  for (guint i = 0; i < 200; i++)
    {
      /* 1e15 to 1e17, whole or not. */
      double wide = g_test_rand_double_range (1e15, 1e17);

      check_number (wide);
      check_number (floor (wide));
      check_number (-wide);
      /* Any exponent a double has, tiny and huge. */
      check_number (g_test_rand_double_range (1, 10) * pow (10, g_test_rand_int_range (-323, 308)));
      /* Subnormals: below DBL_MIN, fewer digits. */
      check_number (g_test_rand_double_range (0, DBL_MIN));
      check_number (-ldexp ((double) g_test_rand_int_range (1, 1 << 30), -1074));
      /* Any bit pattern. */
      check_number (random_double_bits ());
    }
  check_number (DBL_MAX);
  check_number (-DBL_MAX);
  check_number (DBL_MIN);
  check_number (DBL_TRUE_MIN);
  check_number (-0.0);
}

/* 1e-400 would become 0: refused with its line:column. */
static void
test_underflow (void)
{
  static const char * const texts[] = { "1e-400", "-2.5e-330", "0.0000000001e-320", "1e-99999999999999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = g_strdup_printf (HEAD "\n\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"revenue_target\":%s}]}", texts[i]);
      g_autofree char *expected = g_strdup_printf ("team.pacte.json:2:48: number %s is too close to zero", texts[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PactePortfolio) loaded = load_text (text, &error);

      g_assert_null (loaded);
      g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_TOO_LARGE);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, expected));
    }
  /* Zero written any way is zero. */
  for (guint i = 0; i < 3; i++)
    {
      static const char * const zeros[] = { "0e-400", "0.000e5", "-0.0e-999" };
      g_autofree char *text = g_strdup_printf (HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"revenue_target\":%s}]}", zeros[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PactePortfolio) loaded = load_text (text, &error);
      g_autoptr(PacteRecord) plan = NULL;

      g_assert_no_error (error);
      plan = first_plan (loaded);
      g_assert_cmpfloat (pacte_record_get_number (plan, PACTE_PLAN_REVENUE_TARGET), ==, 0);
    }
}

/* ---- Duplicate member names -------------------------------------------- */

typedef struct
{
  const char *name;
  const char *text;
  const char *expected;
} DuplicateCase;

static const DuplicateCase duplicate_cases[] = {
  { "top level", HEAD "\"plans\":[],\n\"partners\":[],\"plans\":[]}",
    "team.pacte.json:2:15: duplicate member name \"plans\", already at 1:41 in the same object" },
  { "format twice", "{\"format\":\"pacte-portfolio\",\"format\":\"x\"}",
    "team.pacte.json:1:29: duplicate member name \"format\", already at 1:2" },
  { "in a plan", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"name\":\"B\"}]}",
    "team.pacte.json:1:71: duplicate member name \"name\", already at 1:60" },
  { "in a nested object", HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"period\":{\"start\":\"2027-01-01\",\"start\":\"2027-02-01\"}}]}",
    "team.pacte.json:1:102: duplicate member name \"start\", already at 1:81" },
  { "deep in an unknown member", HEAD "\"x\":[[{\"a\":{\"b\":{\"c\":1,\"c\":2}}}]]}",
    "team.pacte.json:1:64: duplicate member name \"c\", already at 1:58" },
  { "written with an escape", HEAD "\"meta\":{\"title\":\"T\",\"\\u0074itle\":\"U\"}}",
    "team.pacte.json:1:61: duplicate member name \"\\u0074itle\", already at 1:49" },
  { "in a rule override", HEAD "\"rule_settings\":{\"R01\":{},\"R01\":{}}}",
    "team.pacte.json:1:67: duplicate member name \"R01\", already at 1:58" },
  /* Names are told apart by their length and their first eight bytes first. */
  { "a long name", HEAD "\"plans\":[{\"id\":\"a\",\"revenue_target\":1,\"name\":\"A\",\"revenue_target\":2}]}",
    "team.pacte.json:1:90: duplicate member name \"revenue_target\", already at 1:60" },
  { "a long name among names of its length and head", HEAD "\"x\":{\"x_member_a\":1,\"x_member_b\":2,\"x_member_c\":3,\"x_member_b\":4}}",
    "team.pacte.json:1:91: duplicate member name \"x_member_b\", already at 1:61" },
  /* Past the first few members of an object, names are checked another way. */
  { "in a large object", HEAD "\"x\":{\"m0\":0,\"m1\":0,\"m2\":0,\"m3\":0,\"m4\":0,\"m5\":0,\"m6\":0,\"m7\":0,\"m8\":0,\"m9\":0,\"m10\":0,\"m11\":0,\"m12\":0,\"m13\":0,\"m14\":0,\"m15\":0,\"m16\":0,\"m17\":0,\"m18\":0,\"m19\":0,\"m20\":0,\"m21\":0,\"m22\":0,\"m23\":0,\"m24\":0,\"m25\":0,\"m26\":0,\"m27\":0,\"m28\":0,\"m29\":0,\"m29\":1}}",
    "team.pacte.json:1:276: duplicate member name \"m29\", already at 1:268" },
  { "in a large object, with an escape", HEAD "\"x\":{\"m0\":0,\"m1\":0,\"m2\":0,\"m3\":0,\"m4\":0,\"m5\":0,\"m6\":0,\"m7\":0,\"m8\":0,\"m9\":0,\"m10\":0,\"m11\":0,\"m12\":0,\"m13\":0,\"m14\":0,\"m15\":0,\"m16\":0,\"m17\":0,\"m18\":0,\"m19\":0,\"m20\":0,\"m21\":0,\"m22\":0,\"m23\":0,\"m24\":0,\"m25\":0,\"m26\":0,\"m27\":0,\"m28\":0,\"m29\":0,\"m\\u0033\":1}}",
    "team.pacte.json:1:276: duplicate member name \"m\\u0033\", already at 1:67" },
};

static void
test_duplicate (gconstpointer data)
{
  const DuplicateCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) loaded = load_text (c->text, &error);

  g_assert_null (loaded);
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_SYNTAX);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, c->expected));
}

static void
test_same_names_elsewhere (void)
{
  /* The same name in sibling objects, in nested ones, and a name that differs
   * only by case: all fine. */
  const char *text = HEAD "\"partners\":[{\"id\":\"p\",\"name\":\"P\"},{\"id\":\"q\",\"name\":\"Q\"}],"
    "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"x\":{\"name\":1,\"Name\":2,\"y\":{\"name\":3}},"
    "\"period\":{\"start\":\"2027-01-01\"}}],\"x\":{\"name\":4,"
    /* The same length and first eight bytes, or the same first eight bytes. */
    "\"x_member_a\":5,\"x_member_b\":6,\"x_member\":7,\"x_membe\":8,\"x_member_ab\":9,\"x_member_abcdefgh1\":10,\"x_member_abcdefgh2\":11}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) loaded = load_text (text, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_partners (loaded)), ==, 2);
}

/* ---- Not filled in: null, "", [] and {} anywhere ------------------------ */

static void
test_not_filled_in (void)
{
  static const char * const empties[] = { "null", "\"\"", "[]", "{}" };
  static const struct { const char *before, *after; } members[] = {
    { "\"segment\":", "" }, { "\"revenue_target\":", "" }, { "\"period\":", "" },
    { "\"objectives\":", "" }, { "\"partners\":", "" }, { "\"rule_overrides\":", "" },
    { "\"sponsor\":{\"engaged_on\":", "}" }, { "\"enablement\":[{\"done\":", "}]" },
    { "\"reviews\":[{\"statuses\":", "}]" }, { "\"reviews\":[{\"statuses\":{\"R01\":", "}}]" },
    { "\"rule_overrides\":{\"R01\":", "}" }, { "\"rule_overrides\":{\"R01\":{\"params\":", "}}" },
    { "\"governance\":[{\"cadence_days\":", "}]" },
  };

  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    for (guint e = 0; e < G_N_ELEMENTS (empties); e++)
      {
        g_autofree char *member = g_strconcat (members[m].before, empties[e], members[m].after, NULL);
        g_autofree char *text = g_strdup_printf (HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",%s}],"
                                                 "\"meta\":%s,\"partners\":%s}", member, empties[e], empties[e]);
        g_autoptr(GError) error = NULL;
        g_autoptr(PactePortfolio) loaded = load_text (text, &error);
        g_autoptr(PacteRecord) plan = NULL;
        g_autoptr(PactePortfolio) bare = load_text (HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\"}]}", NULL);
        g_autoptr(GBytes) saved = NULL;
        g_autoptr(GBytes) saved_bare = NULL;

        g_test_message ("%s", text);
        g_assert_no_error (error);
        plan = first_plan (loaded);
        g_assert_false (pacte_record_is_set (plan, PACTE_PLAN_SEGMENT));
        g_assert_false (pacte_record_is_set (plan, PACTE_PLAN_REVENUE_TARGET));
        /* As if the member were not there at all, with the rest kept. */
        saved = pacte_portfolio_to_bytes (loaded);
        saved_bare = pacte_portfolio_to_bytes (bare);
        if (*members[m].after != '\0')
          continue;  /* these keep an item or an object that holds nothing */
        g_assert_cmpstr (g_bytes_get_data (saved, NULL), ==, g_bytes_get_data (saved_bare, NULL));
      }
}

static void
test_filled_in_wrongly (void)
{
  /* A value that is not empty and of the wrong type is still refused. */
  static const struct { const char *member; const char *expected; } cases[] = {
    { "\"objectives\":{\"o\":{}}", "plans[0].objectives: found an object; expected an array of objects" },
    { "\"period\":\"2027\"", "plans[0].period: found a string; expected an object" },
    { "\"period\":[\"2027\"]", "plans[0].period: found an array; expected an object" },
    { "\"revenue_target\":[1]", "plans[0].revenue_target: found an array; expected a number" },
    { "\"partners\":\"p\"", "plans[0].partners: found a string; expected an array of strings" },
    { "\"rule_overrides\":[\"R01\"]", "plans[0].rule_overrides: found an array" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",%s}]}", cases[i].member);
      g_autoptr(GError) error = NULL;
      g_autoptr(PactePortfolio) loaded = load_text (text, &error);

      g_assert_null (loaded);
      g_test_message ("%s", error->message);
      g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].expected));
    }
}

/* ---- Counts never below zero ------------------------------------------- */

static void
test_negative_counts (void)
{
  static const struct { const char *member; const char *expected; } cases[] = {
    { "\"governance\":[{\"cadence_days\":-7}]",
      "team.pacte.json: plans[0].governance[0].cadence_days: -7 is less than 0; expected a number of 0 or more" },
    { "\"events\":[{},{\"expected_attendees\":-1}]",
      "team.pacte.json: plans[0].events[1].expected_attendees: -1 is less than 0; expected a number of 0 or more" },
    { "\"resources\":{\"budget\":5,\"headcount\":-0.5}",
      "team.pacte.json: plans[0].resources.headcount: -0.5 is less than 0; expected a number of 0 or more" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\",%s}]}", cases[i].member);
      g_autoptr(GError) error = NULL;
      g_autoptr(PactePortfolio) loaded = load_text (text, &error);

      g_assert_null (loaded);
      g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].expected);
    }
  /* Zero is a count; -0 is zero. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PactePortfolio) loaded = load_text (HEAD "\"plans\":[{\"id\":\"a\",\"name\":\"A\","
                                                  "\"resources\":{\"headcount\":-0.0},\"governance\":[{\"cadence_days\":0}]}]}", &error);

    g_assert_no_error (error);
  }
}

static void
test_negative_counts_setters (void)
{
  g_autoptr(PacteRecord) plan = g_object_new (PACTE_TYPE_PLAN, NULL);
  g_autoptr(PacteRecord) body = g_object_new (PACTE_TYPE_BODY, NULL);
  g_autoptr(PacteRecord) event = g_object_new (PACTE_TYPE_EVENT, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (pacte_record_set_number (plan, PACTE_PLAN_RESOURCES_HEADCOUNT, -2, &error));
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Headcount: -2 is less than 0; expected a number of 0 or more");
  g_assert_true (isnan (pacte_record_get_number (plan, PACTE_PLAN_RESOURCES_HEADCOUNT)));
  g_clear_error (&error);
  g_assert_false (pacte_record_set_number (body, PACTE_BODY_CADENCE_DAYS, -1, &error));
  g_assert_nonnull (strstr (error->message, "is less than 0"));
  g_clear_error (&error);
  g_assert_false (pacte_record_set_number (event, PACTE_EVENT_EXPECTED_ATTENDEES, -30, &error));
  g_clear_error (&error);
  g_assert_true (pacte_record_set_number (event, PACTE_EVENT_EXPECTED_ATTENDEES, 0, &error));
  g_assert_no_error (error);
  /* Amounts and targets may be negative. */
  g_assert_true (pacte_record_set_number (plan, PACTE_PLAN_REVENUE_TARGET, -5, &error));
  g_assert_no_error (error);
}

/* ---- Dates: the Julian day that GDate gives -------------------------------- */

static void
check_day (int year,
           int month,
           int day)
{
  char text[16];
  guint32 expected = 0;

  g_snprintf (text, sizeof text, "%04d-%02d-%02d", year, month, day);
  if (g_date_valid_dmy (day, month, year))
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, day, month, year);
      expected = g_date_get_julian (&date);
    }
  if (pacte_date_parse (text) != expected)
    g_error ("%s: %u; expected %u (GDate)", text, pacte_date_parse (text), expected);
}

/* Every day (and day 0, 29, 30, 31 and 32 of every month) of the years
 * around the leap-year rules, and 1 January, 28 February to 1 March and
 * 31 December of every year. */
static void
test_dates (void)
{
  static const int around[] = { 1, 2, 3, 4, 5, 99, 100, 101, 399, 400, 401, 1582, 1600, 1700, 1899, 1900,
                                1999, 2000, 2024, 2026, 2027, 2028, 2100, 2400, 9996, 9999 };

  for (guint i = 0; i < G_N_ELEMENTS (around); i++)
    for (int month = 0; month <= 13; month++)
      for (int day = 0; day <= 32; day++)
        check_day (around[i], month, day);
  for (int year = 0; year <= 9999; year++)
    {
      check_day (year, 1, 1);
      check_day (year, 2, 28);
      check_day (year, 2, 29);
      check_day (year, 3, 1);
      check_day (year, 12, 31);
    }
}

/* ---- Strings: the scan reads them eight bytes at a time ----------------- */

/* A partner's name and the portfolio's title of every length up to 17 (two steps of eight and then some) with
 * a character beyond ASCII, an escape or spaces at each place load exactly,
 * from an indented text (the white space between tokens is removed in the
 * same pass, not the spaces inside strings). */
static void
test_string_runs (void)
{
  static const char * const written[] = { "é", "😀", "\\\"", "\\u00e9", "  " };
  static const char * const read[] = { "é", "😀", "\"", "é", "  " };

  for (guint len = 0; len <= 17; len++)
    for (guint at = 0; at <= len; at++)
      for (guint k = 0; k < G_N_ELEMENTS (written); k++)
        {
          g_autoptr(GString) raw = g_string_new (NULL);
          g_autoptr(GString) want = g_string_new (NULL);
          g_autoptr(GError) error = NULL;
          g_autoptr(PactePortfolio) portfolio = NULL;
          g_autoptr(PacteRecord) partner = NULL;
          g_autofree char *text = NULL;

          for (guint c = 0; c <= len; c++)
            {
              if (c == at)
                {
                  g_string_append (raw, written[k]);
                  g_string_append (want, read[k]);
                }
              if (c < len)
                {
                  g_string_append_c (raw, 'a' + c % 26);
                  g_string_append_c (want, 'a' + c % 26);
                }
            }
          text = g_strdup_printf ("{\n  \"format\": \"pacte-portfolio\",\n  \"version\": 1,\n"
                                  "  \"meta\": {\n    \"title\": \"%s\"\n  },\n"
                                  "  \"partners\": [\n    {\n      \"id\": \"p\",\n      \"name\": \"x%s\"\n    }\n  ]\n}\n",
                                  raw->str, raw->str);
          portfolio = load_text (text, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_META_TITLE), ==,
                           want->len > 0 ? want->str : NULL);
          partner = g_list_model_get_item (pacte_portfolio_get_partners (portfolio), 0);
          g_assert_nonnull (partner);
          g_assert_cmpstr (pacte_record_get_string (partner, PACTE_PARTNER_NAME) + 1, ==, want->str);
        }
}

/* A byte that is not UTF-8 is refused at its line and column wherever it
 * is in a string or a member name, and before any other fault of the text,
 * as when the whole text was checked before the scan. */
static void
test_string_encoding (void)
{
  static const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { HEAD "\"meta\":{\"title\":x},\"b\":\"caf\xe9\"}", "team.pacte.json:1:68: byte 0xE9 is not valid UTF-8" },
    { HEAD "\"caf\xe9\":1}", "team.pacte.json:1:45: byte 0xE9 is not valid UTF-8" },
    { HEAD "\"x\":\"\xed\xa0\x80\"}", "team.pacte.json:1:46: byte 0xED is not valid UTF-8" },
    { HEAD "\"x\":\"\xc3\xa9\xc3\"}", "team.pacte.json:1:47: byte 0xC3 is not valid UTF-8" },
    { HEAD "\"x\":\"a\x00" "b\"}", "team.pacte.json:1:47: a NUL byte" },
    { "\xEF\xBB\xBF" HEAD "\"x\":\"\xff\"}", "team.pacte.json:1:47: byte 0xFF is not valid UTF-8" },
    { HEAD "\"x\":\xc3\xa9}", "team.pacte.json:1:45: unexpected character \"é\"; expected a value" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = strlen (cases[i].text);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PactePortfolio) portfolio = NULL;

      /* The NUL case: its text goes on after the NUL. */
      if (strstr (cases[i].expected, "NUL") != NULL)
        len += 1 + strlen (cases[i].text + len + 1);
      bytes = g_bytes_new (cases[i].text, len);
      portfolio = pacte_portfolio_load_bytes (bytes, "team.pacte.json", NULL, &error);
      g_assert_null (portfolio);
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, cases[i].expected))
        g_error ("case %u: %s; expected %s", i, error->message, cases[i].expected);
    }

  /* Long runs of plain text and of accented text, the bad byte at each place. */
  for (guint at = 0; at < 40; at++)
    {
      g_autoptr(GString) raw = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PactePortfolio) portfolio = NULL;
      g_autofree char *text = NULL;
      g_autofree char *expected = NULL;

      for (guint c = 0; c < 48; c++)
        g_string_append (raw, c == at ? "\xe9" : c % 3 == 0 ? "\xc3\xa9" : "a");
      text = g_strdup_printf (HEAD "\"x\":\"%s\"}", raw->str);
      expected = g_strdup_printf ("team.pacte.json:1:%u: byte 0xE9 is not valid UTF-8", (guint) strlen (HEAD) + 6 + at);
      portfolio = load_text (text, &error);
      g_assert_null (portfolio);
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, expected))
        g_error ("bad byte at %u: %s; expected %s", at, error->message, expected);
    }
}

/* ---- Bytes that can be nowhere in a JSON text --------------------------- */

static gsize
first_impossible_byte (const guchar *data,
                       gsize         from,
                       gsize         len)
{
  for (gsize i = from; i < len; i++)
    if ((data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
        || data[i] == 0xC0 || data[i] == 0xC1 || data[i] >= 0xF5)
      return i;
  return len;
}

/* The reading's check, eight bytes at a time, finds the same first byte as
 * one byte at a time: every byte value at every place of a word, then
 * random texts of the bytes on either side of each limit. */
static void
test_impossible_bytes (void)
{
  static const guchar edges[] = {
    0x00, 0x01, 0x08, '\t', '\n', 0x0B, 0x0C, '\r', 0x0E, 0x1F, ' ', '"', '\\', 'a', 0x7E, 0x7F,
    0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xEF, 0xF0, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  guchar text[40];

  for (guint b = 0; b < 256; b++)
    for (gsize at = 0; at < 24; at++)
      {
        memset (text, 'a', sizeof text);
        text[at] = (guchar) b;
        for (gsize from = 0; from <= at + 1; from++)
          g_assert_cmpuint (pacte_json_find_impossible_byte ((const char *) text, from, sizeof text), ==,
                            first_impossible_byte (text, from, sizeof text));
      }
  for (guint trial = 0; trial < 100000; trial++)
    {
      gsize len = (gsize) g_rand_int_range (rand, 0, sizeof text + 1);
      gsize from = (gsize) g_rand_int_range (rand, 0, (gint32) len + 1);

      for (gsize i = 0; i < len; i++)
        text[i] = g_rand_int_range (rand, 0, 4) == 0 ? edges[g_rand_int_range (rand, 0, G_N_ELEMENTS (edges))]
                                                     : (guchar) g_rand_int_range (rand, 0x20, 0x7F);
      g_assert_cmpuint (pacte_json_find_impossible_byte ((const char *) text, from, len), ==,
                        first_impossible_byte (text, from, len));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/load-strict/numbers/examples", test_numbers_examples);
  g_test_add_func ("/load-strict/numbers/random", test_numbers_random);
  g_test_add_func ("/load-strict/numbers/underflow", test_underflow);
  for (guint i = 0; i < G_N_ELEMENTS (duplicate_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/load-strict/duplicate/%s", duplicate_cases[i].name);

      g_test_add_data_func (name, &duplicate_cases[i], test_duplicate);
    }
  g_test_add_func ("/load-strict/duplicate/same-names-elsewhere", test_same_names_elsewhere);
  g_test_add_func ("/load-strict/not-filled-in/any-form", test_not_filled_in);
  g_test_add_func ("/load-strict/not-filled-in/wrong-type", test_filled_in_wrongly);
  g_test_add_func ("/load-strict/counts/load", test_negative_counts);
  g_test_add_func ("/load-strict/counts/setters", test_negative_counts_setters);
  g_test_add_func ("/load-strict/dates", test_dates);
  g_test_add_func ("/load-strict/strings/runs", test_string_runs);
  g_test_add_func ("/load-strict/strings/encoding", test_string_encoding);
  g_test_add_func ("/load-strict/strings/impossible-bytes", test_impossible_bytes);

  return g_test_run ();
}
