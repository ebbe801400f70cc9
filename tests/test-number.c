/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-number.c: numbers as people type and read them (the editors' number
 * entries), without a display. */
#include "config.h"

#include <math.h>

#include "pacte-number.h"

/* ---- Numbers as people type them ------------------------------------------ */

static void
test_number_parse (void)
{
  static const struct {
    const char *text;
    gboolean    ok;
    double      value;
  } cases[] = {
    { "1234.5", TRUE, 1234.5 },
    { "1234,5", TRUE, 1234.5 },
    { "1 234,5", TRUE, 1234.5 },
    { "1\xc2\xa0" "234,5", TRUE, 1234.5 },          /* no-break space */
    { "1\xe2\x80\xaf" "234.5", TRUE, 1234.5 },      /* narrow no-break space */
    { "1\xe2\x80\x89" "000\xe2\x80\x89" "000", TRUE, 1000000 }, /* thin spaces */
    { "  42  ", TRUE, 42 },
    { "-3", TRUE, -3 },
    { "\xe2\x88\x92" "3,25", TRUE, -3.25 },         /* minus sign */
    { "+7", TRUE, 7 },
    { "0,5", TRUE, 0.5 },
    { ",5", TRUE, 0.5 },
    { "12abc", FALSE, 0 },
    { "1,234.5", FALSE, 0 },
    { "1..2", FALSE, 0 },
    { "1e5", FALSE, 0 },
    { "1  234", FALSE, 0 },
    { "1 ,5", FALSE, 0 },
    { "-", FALSE, 0 },
    { ",", FALSE, 0 },
    { "nan", FALSE, 0 },
    { "inf", FALSE, 0 },
    { "1 234 ", TRUE, 1234 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -999;
      gboolean ok = pacte_number_parse (cases[i].text, &value);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_cmpfloat (value, ==, cases[i].value);
    }

  /* Empty means "not filled in". */
  {
    double value = 0;

    g_assert_true (pacte_number_parse ("", &value));
    g_assert_true (isnan (value));
    g_assert_true (pacte_number_parse ("   ", &value));
    g_assert_true (isnan (value));
  }
}

static void
test_number_format (void)
{
  static const struct {
    double      value;
    const char *text;
  } cases[] = {
    { 0, "0" },
    { 12, "12" },
    { 1234.5, "1\xe2\x80\xaf" "234.5" },
    { 3000000, "3\xe2\x80\xaf" "000\xe2\x80\xaf" "000" },
    { -1000, "\xe2\x88\x92" "1\xe2\x80\xaf" "000" },
    { 0.25, "0.25" },
    { 2.5, "2.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pacte_number_format (cases[i].value);
      double back;

      g_assert_cmpstr (text, ==, cases[i].text);
      /* What is shown can be typed back. */
      g_assert_true (pacte_number_parse (text, &back));
      g_assert_cmpfloat (back, ==, cases[i].value);
    }
  {
    g_autofree char *text = pacte_number_format (NAN);

    g_assert_cmpstr (text, ==, "");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/number/parse", test_number_parse);
  g_test_add_func ("/number/format", test_number_format);

  return g_test_run ();
}
