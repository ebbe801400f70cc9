/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-escape.c: text from a file never reaches the terminal as control
 * characters: pacte --check's table and the command line's error messages
 * escape them (docs/cli.md); --json keeps them, as JSON escapes. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "pacte-cli.h"
#include "pacte-test-utils.h"

/* Set the terminal's title, clear the screen, write the clipboard (OSC 52),
 * the same with C1's one-byte CSI, DEL, and a line break that would forge a
 * result line under a fake plan. */
#define HOSTILE_NAME \
  "A\\u001b]0;pwned\\u0007B\\u001b[2J\\u001b]52;c;cm0gLXJmIH4=\\u001b\\\\C\\u009b2JD\\u007f" \
  "\\nScore: 100/100\\r\\tE"

/* Whether text holds a control character other than the line breaks that
 * end lines. */
static gboolean
has_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F))
        return TRUE;
    }
  return FALSE;
}

static guint
count_lines_starting (const char *text,
                      const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      n++;
  return n;
}

static char *
write_portfolio (const char *dir,
                 const char *name,
                 const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_escape_function (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "plain, accents: été “ok” €", "plain, accents: été “ok” €" },
    { "a\nb\r\tc", "a\\nb\\r\\tc" },
    { "\x1b]0;title\x07", "\\x1B]0;title\\x07" },
    { "x\x7fy", "x\\x7Fy" },
    { "\xc2\x9b" "2J", "\\u009B2J" },
    { "\xc2\x85next line", "\\u0085next line" },
    { "bad \xff byte", "bad \\xFF byte" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = pacte_cli_escape (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_check_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-escape-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_no_error (error);
  path = write_portfolio (dir, "hostile.pacte.json",
                          "{\"format\":\"pacte-portfolio\",\"version\":1,"
                          "\"partners\":[{\"id\":\"p\",\"name\":\"Partner\\u001b]52;c;eA==\\u0007\"}],"
                          "\"plans\":[{\"id\":\"a\\u001b[31m\",\"name\":\"" HOSTILE_NAME "\",\"partners\":[\"p\"],"
                          "\"objectives\":[{\"id\":\"o\",\"title\":\"T\\u001b[8m\"}]}]}");
  status = pacte_test_run_pacte ((const char * const []) { "--check", path, "--date", "2027-03-15", NULL }, &out, &err);
  g_test_message ("%s", out);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_false (has_control (out));
  /* One plan, one score line: the name's line break did not forge one. */
  g_assert_cmpuint (count_lines_starting (out, "Score:"), ==, 1);
  g_assert_nonnull (strstr (out, "A\\x1B]0;pwned\\x07B\\x1B[2J\\x1B]52;c;cm0gLXJmIH4=\\x1B\\C\\u009B2JD\\x7F"
                                 "\\nScore: 100/100\\r\\tE (a\\x1B[31m)\n"));
  /* An explanation quoting a partner's name. */
  g_assert_nonnull (strstr (out, "with Partner\\x1B]52;c;eA==\\x07: no territory"));

  /* --json keeps the text, escaped as JSON. */
  {
    g_autofree char *json_out = NULL;
    g_autofree char *json_err = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *plan;

    status = pacte_test_run_pacte ((const char * const []) { "--check", path, "--json", "--date", "2027-03-15", NULL },
                                   &json_out, &json_err);
    g_assert_cmpint (status, ==, 0);
    g_assert_false (has_control (json_out));
    json_parser_load_from_data (parser, json_out, -1, &error);
    g_assert_no_error (error);
    plan = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "plans"), 0);
    g_assert_true (g_str_has_prefix (json_object_get_string_member (plan, "name"), "A\x1b]0;pwned\x07" "B"));
  }
  pacte_test_remove_tree (dir);
}

static void
test_error_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-escape-XXXXXX", &error);
  g_autofree char *content = NULL;
  g_autofree char *name = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_no_error (error);
  /* A message quoting the file's content. */
  content = write_portfolio (dir, "content.pacte.json",
                             "{\"format\":\"pacte-portfolio\",\"version\":1,"
                             "\"plans\":[{\"id\":\"a\",\"name\":\"A\",\"partners\":[\"\\u001b]0;owned\\u0007\\nScore: 100/100\"]}]}");
  status = pacte_test_run_pacte ((const char * const []) { "--check", content, NULL }, &out, &err);
  g_test_message ("%s", err);
  g_assert_cmpint (status, ==, 2);
  g_assert_false (has_control (err));
  g_assert_cmpuint (count_lines_starting (err, "pacte: "), ==, 1);
  g_assert_nonnull (strstr (err, "unknown partner \"\\x1B]0;owned\\x07\\nScore: 100/100\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A file name holding an escape sequence and a line break. */
  name = write_portfolio (dir, "x\x1b[2J\nScore: 1.pacte.json", "[1]");
  status = pacte_test_run_pacte ((const char * const []) { "--check", name, NULL }, &out, &err);
  g_test_message ("%s", err);
  g_assert_cmpint (status, ==, 2);
  g_assert_false (has_control (err));
  /* One line, whatever form the name takes (escaped, or as a URI). */
  g_assert_true (g_str_has_prefix (err, "pacte: "));
  g_assert_cmpuint (count_lines_starting (err, ""), ==, 2);
  g_assert_cmpuint (strlen (err), ==, (gsize) (strchr (err, '\n') - err) + 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --plan ID from the command line, quoted back. */
  status = pacte_test_run_pacte ((const char * const []) { "--check", content, "--plan", "\x1b]2;t\x07", NULL }, &out, &err);
  g_assert_false (has_control (err));
  pacte_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-escape/function", test_escape_function);
  g_test_add_func ("/cli-escape/check-text", test_check_text);
  g_test_add_func ("/cli-escape/error-messages", test_error_messages);

  return g_test_run ();
}
