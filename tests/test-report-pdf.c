/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report-pdf.c: the review report's PDF as a reader meets it.
 *  - Texts of 2,100, 20,000 and 1,048,576 characters (the loader's limit) in
 *    an action's title, an objective, a decision, a governance body and the
 *    plan's name: the report is written (no crash, no error), and every
 *    character of each text is in it, in order (read back with pdftotext).
 *  - Typography: no amount, number with its unit, date or word is broken
 *    across lines in the sample's reports, in French and in English.
 *  - The portfolio report's outline (read back with qpdf --json) lists the
 *    summary and every plan with its sections, each at the right page, and
 *    the summary's plan names link to their plans' pages. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "pacte-i18n.h"
#include "pacte-report.h"
#include "pacte-report-format.h"
#include "pacte-test-utils.h"

#define REVIEW_DATE "2027-03-15"
#define PLAN_ID     "plan-sgi-secteur-public"

/* ---- Helpers --------------------------------------------------------------- */

static char *
tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pacte-report-pdf-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static int
run (const char * const *argv,
     char              **out,
     char              **err)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

/* Writes the report (exit 0, nothing on standard error). */
static void
report (const char *pdf,
        const char *json,
        const char *lang,
        const char *plan)
{
  const char *argv[] = { "--report", pdf, json, "--date", REVIEW_DATE, "--lang", lang,
                         plan != NULL ? "--plan" : NULL, plan, NULL };
  g_autofree char *err = NULL;
  int status = pacte_test_run_pacte (argv, NULL, &err);

  if (status != 0 || (err != NULL && *err != '\0'))
    g_error ("pacte --report exited with %d: %s", status, err);
}

/* The text of the pages' bodies (headers and footers cut off), in drawing
 * order, or laid out as on the page. */
static char *
body_text (const char *pdf,
           gboolean    layout)
{
  const char *argv[] = { "pdftotext", layout ? "-layout" : "-raw", "-enc", "UTF-8",
                         "-x", "0", "-y", "52", "-W", "612", "-H", "734", pdf, "-", NULL };
  char *out = NULL;

  g_assert_cmpint (run (argv, &out, NULL), ==, 0);
  g_assert_true (g_utf8_validate (out, -1, NULL));
  return out;
}

/* Without white space, and without the hyphens the report adds where it
 * breaks a word too long for its line (U+2010 at a line's end). */
static char *
flatten (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2010 && (p[3] == '\n' || p[3] == '\0'))
        continue;
      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_SPACE_SEPARATOR)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* A text of exactly length bytes: a marker, then numbered words (or one
 * unbroken run of numbers: nothing repeats, so a lost line shows), a marker
 * in the middle, the end marker last. */
static char *
long_text (const char *tag,
           gsize       length,
           gboolean    words)
{
  g_autofree char *start = g_strdup_printf ("%s-START-", tag);
  g_autofree char *middle = g_strdup_printf ("-%s-MIDDLE-", tag);
  g_autofree char *end = g_strdup_printf ("-%s-END", tag);
  GString *text = g_string_sized_new (length + 16);

  g_string_append (text, start);
  for (guint i = 0; text->len < length; i++)
    g_string_append_printf (text, words ? "mot%06u " : "%07u", i);
  g_string_truncate (text, length);
  memcpy (text->str + length / 2, middle, strlen (middle));
  memcpy (text->str + length - strlen (end), end, strlen (end));
  return g_string_free (text, FALSE);
}

static JsonObject *
plan_object (JsonNode   *root,
             const char *id)
{
  JsonArray *plans = json_object_get_array_member (json_node_get_object (root), "plans");

  for (guint i = 0; i < json_array_get_length (plans); i++)
    {
      JsonObject *plan = json_array_get_object_element (plans, i);

      if (g_str_equal (json_object_get_string_member (plan, "id"), id))
        return plan;
    }
  g_assert_not_reached ();
}

static JsonObject *
first_of (JsonObject *plan,
          const char *list)
{
  return json_array_get_object_element (json_object_get_array_member (plan, list), 0);
}

static void
write_json (JsonNode   *root,
            const char *path)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;

  json_generator_set_root (generator, root);
  json_generator_to_file (generator, path, &error);
  g_assert_no_error (error);
}

static JsonNode *
sample_json (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, sample, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* Whether needle is in haystack, in order, in pieces: in a table, the
 * other cells of the row (and the repeated header on a new page) come
 * between the slices of a text split across pages.  A piece is at least 8
 * characters, or the end of the text. */
static gboolean
contains_in_pieces (const char *haystack,
                    const char *needle)
{
  gsize length = strlen (needle);
  gsize done = 0;
  const char *h = strstr (haystack, needle);

  if (h != NULL)
    return TRUE;
  for (h = haystack; done < length && *h != '\0';)
    {
      gsize k = 0;

      while (needle[done + k] != '\0' && h[k] == needle[done + k])
        k++;
      if (k >= 8 || (k > 0 && done + k == length && done > 0))
        {
          done += k;
          h += k;
        }
      else
        h++;
    }
  return done == length;
}

static void
assert_whole (const char *flat,
              const char *text,
              const char *what)
{
  g_autofree char *needle = flatten (text);

  if (!contains_in_pieces (flat, needle))
    g_error ("the %s (%zu bytes) is missing or cut in the report", what, strlen (text));
}

/* ---- Long texts ------------------------------------------------------------ */

typedef struct
{
  gsize    length;
  gboolean words;
} LongCase;

static void
test_long_texts (gconstpointer data)
{
  const LongCase *c = data;
  g_autofree char *dir = tmp_dir ();
  g_autofree char *json = g_build_filename (dir, "long.pacte.json", NULL);
  g_autofree char *pdf = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(JsonNode) root = sample_json ();
  JsonObject *plan = plan_object (root, PLAN_ID);
  JsonArray *decisions = json_object_get_array_member (plan, "decisions");
  JsonObject *open_decision = NULL;
  g_autofree char *name = long_text ("NAME", c->length, c->words);
  g_autofree char *action = long_text ("ACTION", MIN (c->length, 20000), !c->words);
  g_autofree char *objective = long_text ("OBJECTIVE", MIN (c->length, 20000), c->words);
  g_autofree char *question = long_text ("QUESTION", MIN (c->length, 20000), !c->words);
  g_autofree char *body = long_text ("BODY", MIN (c->length, 20000), c->words);
  g_autofree char *raw = NULL;
  g_autofree char *flat = NULL;

  g_assert_cmpuint (strlen (name), ==, c->length);
  for (guint i = 0; i < json_array_get_length (decisions); i++)
    {
      JsonObject *d = json_array_get_object_element (decisions, i);

      if (!json_object_has_member (d, "outcome") && open_decision == NULL)
        open_decision = d;
    }
  g_assert_nonnull (open_decision);
  json_object_set_string_member (plan, "name", name);
  json_object_set_string_member (first_of (plan, "actions"), "title", action);
  json_object_set_string_member (first_of (plan, "objectives"), "title", objective);
  json_object_set_string_member (open_decision, "question", question);
  json_object_set_string_member (first_of (plan, "governance"), "body", body);
  write_json (root, json);

  report (pdf, json, "fr", PLAN_ID);
  raw = body_text (pdf, FALSE);
  flat = flatten (raw);
  assert_whole (flat, name, "plan's name");
  assert_whole (flat, action, "action's title");
  assert_whole (flat, objective, "objective's title");
  assert_whole (flat, question, "decision's question");
  assert_whole (flat, body, "governance body");
  pacte_test_remove_tree (dir);
}

/* ---- Typography ------------------------------------------------------------ */

/* No-break spaces as spaces, as pdftotext -layout writes them. */
static char *
plain_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x00A0 || c == 0x202F)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
assert_on_one_line (const char *layout_text,
                    const char *value,
                    const char *lang)
{
  g_autofree char *wanted = plain_spaces (value);
  g_auto(GStrv) lines = g_strsplit (layout_text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = plain_spaces (lines[i]);
      g_auto(GStrv) words = g_strsplit (wanted, " ", -1);
      const char *p = line;
      guint w = 0;

      /* The words of value in order, separated by spaces only (-layout may
       * widen a space). */
      while (words[w] != NULL && (p = strstr (p, words[w])) != NULL)
        {
          const char *after = p + strlen (words[w]);

          if (words[w + 1] == NULL)
            return;
          while (*after == ' ')
            after++;
          if (!g_str_has_prefix (after, words[w + 1]))
            {
              p++;
              w = 0;
              continue;
            }
          p = after;
          w++;
        }
    }
  g_error ("“%s” is broken across lines in the %s report", wanted, lang);
}

static void
test_typography (gconstpointer data)
{
  const char *lang = data;
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *dir = tmp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "sample.pdf", NULL);
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_path (sample, pacte_rule_set_get_default ());
  GListModel *plans = pacte_portfolio_get_plans (portfolio);
  const char *currency = pacte_portfolio_get_currency (portfolio);
  g_autofree char *text = NULL;
  guint checked = 0;

  if (g_str_equal (lang, "fr") && g_str_equal (pacte_gettext_lang ("fr", "Objectives"), "Objectives"))
    {
      g_test_skip ("the French catalogue is not built");
      return;
    }
  report (pdf, sample, lang, NULL);
  text = body_text (pdf, TRUE);

  /* No word had to be broken: the report hyphenates where it breaks one. */
  if (strstr (text, "\u2010") != NULL)
    g_error ("a word is broken across lines in the %s report:\n%s", lang, text);

  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(PacteRecord) plan = g_list_model_get_item (plans, i);
      GListModel *objectives = pacte_record_get_list (plan, PACTE_PLAN_OBJECTIVES);
      GListModel *forecast = pacte_record_get_list (plan, PACTE_PLAN_FORECAST);
      GListModel *bodies = pacte_record_get_list (plan, PACTE_PLAN_GOVERNANCE);

      for (guint j = 0; j < g_list_model_get_n_items (objectives); j++)
        {
          g_autoptr(PacteRecord) o = g_list_model_get_item (objectives, j);
          const char *unit = pacte_record_get_string (o, PACTE_OBJECTIVE_UNIT);
          double target = pacte_record_get_number (o, PACTE_OBJECTIVE_TARGET);
          guint32 due = pacte_record_get_date (o, PACTE_OBJECTIVE_DUE);
          g_autofree char *value = NULL;

          if (isnan (target))
            continue;
          if (g_ascii_strcasecmp (unit, currency) == 0)
            value = pacte_format_amount (lang, target, currency);
          else if (g_str_equal (unit, "%"))
            value = pacte_format_percent (lang, target);
          else if (*unit != '\0')
            {
              g_autofree char *number = pacte_format_number (lang, target, 2);

              value = g_strconcat (number, PACTE_NBSP, unit, NULL);
            }
          if (value != NULL)
            {
              assert_on_one_line (text, value, lang);
              checked++;
            }
          if (due != 0)
            {
              g_autofree char *date = pacte_format_date (lang, due);

              assert_on_one_line (text, date, lang);
            }
        }
      for (guint j = 0; j < g_list_model_get_n_items (bodies); j++)
        {
          g_autoptr(PacteRecord) b = g_list_model_get_item (bodies, j);
          double cadence = pacte_record_get_number (b, PACTE_BODY_CADENCE_DAYS);
          g_autofree char *every = NULL;
          const char *number;

          if (isnan (cadence) || cadence <= 0)
            continue;
          /* "every 30 days": the number and its unit on one line. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          every = g_strdup_printf (pacte_ngettext_lang (lang, "every %d day", "every %d days", (gulong) cadence),
                                   (int) cadence);
#pragma GCC diagnostic pop
          number = strpbrk (every, "0123456789");
          g_assert_nonnull (number);
          assert_on_one_line (text, number, lang);
          checked++;
        }
      for (guint j = 0; j < g_list_model_get_n_items (forecast); j++)
        {
          g_autoptr(PacteRecord) f = g_list_model_get_item (forecast, j);
          g_autofree char *value = pacte_format_amount (lang, pacte_record_get_number (f, PACTE_FORECAST_AMOUNT),
                                                        currency);

          assert_on_one_line (text, value, lang);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 20);
  /* The status words of the health tables and the units of the sample. */
  assert_on_one_line (text, pacte_status_display_name (PACTE_STATUS_OFF, lang), lang);
  pacte_test_remove_tree (dir);
}

/* ---- Outline and links ------------------------------------------------------ */

static JsonObject *
pdf_json (const char *pdf)
{
  const char *argv[] = { "qpdf", "--json", "--json-key=pages", "--json-key=outlines", "--json-key=qpdf",
                         pdf, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  int status = run (argv, &out, &err);

  /* qpdf exits 3 on warnings: a damaged file is a failure too. */
  if (status != 0)
    g_error ("qpdf --json exited with %d: %s", status, err);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* The object (by "N 0 R") of the PDF. */
static JsonObject *
pdf_object (JsonObject *pdf,
            const char *ref)
{
  JsonArray *qpdf = json_object_get_array_member (pdf, "qpdf");
  JsonObject *objects = json_array_get_object_element (qpdf, 1);
  g_autofree char *key = g_strconcat ("obj:", ref, NULL);
  JsonObject *object = json_object_get_object_member (objects, key);

  g_assert_nonnull (object);
  return json_object_get_object_member (object, "value");
}

/* The page (1-based) an object reference is. */
static guint
page_of (JsonObject *pdf,
         const char *ref)
{
  JsonArray *pages = json_object_get_array_member (pdf, "pages");

  for (guint i = 0; i < json_array_get_length (pages); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (pages, i), "object"), ref))
      return i + 1;
  g_error ("%s is no page", ref);
}

/* The page a named destination is on (through the catalogue's name tree,
 * a flat /Names array as cairo writes it). */
static guint
destination_page (JsonObject *pdf,
                  const char *name)
{
  JsonArray *qpdf = json_object_get_array_member (pdf, "qpdf");
  JsonObject *objects = json_array_get_object_element (qpdf, 1);
  g_autoptr(GList) members = json_object_get_members (objects);
  g_autofree char *key = g_strconcat ("u:", name, NULL);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonObject *wrapper = json_object_get_object_member (objects, l->data);
      JsonNode *node = wrapper != NULL ? json_object_get_member (wrapper, "value") : NULL;
      JsonObject *value;
      JsonArray *names;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        continue;
      value = json_node_get_object (node);
      if (!json_object_has_member (value, "/Names") || json_object_has_member (value, "/Type"))
        continue;
      names = json_object_get_array_member (value, "/Names");
      for (guint i = 0; names != NULL && i + 1 < json_array_get_length (names); i += 2)
        {
          JsonNode *dest = json_array_get_element (names, i + 1);
          JsonArray *array;

          if (!g_str_equal (json_array_get_string_element (names, i), key))
            continue;
          if (JSON_NODE_HOLDS_VALUE (dest))
            array = json_object_get_array_member (pdf_object (pdf, json_node_get_string (dest)), "/D");
          else
            array = json_node_get_array (dest);
          return page_of (pdf, json_array_get_string_element (array, 0));
        }
    }
  g_error ("no destination named %s", name);
}

/* The bodies of the pages, as pdftotext reads them (a form feed ends each). */
static char **
page_texts (const char *pdf)
{
  g_autofree char *text = body_text (pdf, FALSE);

  return g_strsplit (text, "\f", -1);
}

static void
test_outline (void)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *dir = tmp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "portfolio.pdf", NULL);
  g_autoptr(PactePortfolio) portfolio = pacte_test_load_path (sample, pacte_rule_set_get_default ());
  GListModel *plans = pacte_portfolio_get_plans (portfolio);
  guint n_plans = g_list_model_get_n_items (plans);
  g_autoptr(JsonObject) json = NULL;
  g_auto(GStrv) texts = NULL;
  JsonArray *outlines;
  JsonArray *pages;
  guint first_plan_page;
  JsonArray *annotations;
  guint previous_page = 0;
  guint links = 0;

  report (pdf, sample, "en", NULL);
  json = pdf_json (pdf);
  texts = page_texts (pdf);
  outlines = json_object_get_array_member (json, "outlines");
  pages = json_object_get_array_member (json, "pages");

  /* The summary, then every plan in the file's order. */
  g_assert_cmpuint (json_array_get_length (outlines), ==, n_plans + 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (outlines, 0), "title"),
                   ==, "Portfolio summary");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (outlines, 0), "destpageposfrom1"),
                   ==, 1);
  for (guint i = 0; i < n_plans; i++)
    {
      g_autoptr(PacteRecord) plan = g_list_model_get_item (plans, i);
      const char *name = pacte_record_get_string (plan, PACTE_PLAN_NAME);
      JsonObject *entry = json_array_get_object_element (outlines, i + 1);
      JsonArray *kids = json_object_get_array_member (entry, "kids");
      guint page = (guint) json_object_get_int_member (entry, "destpageposfrom1");
      const char *start = texts[page - 1];
      g_autofree char *flat_start = flatten (start);
      g_autofree char *flat_name = flatten (name);
      g_autofree char *anchor = g_strdup_printf ("plan-%u", i + 1);
      guint section_page = page;

      g_assert_cmpstr (json_object_get_string_member (entry, "title"), ==, name);
      /* Its page starts with the plan's name, after the one before. */
      g_assert_cmpuint (page, >, previous_page);
      g_assert_cmpuint (page, <=, g_strv_length (texts));
      if (!g_str_has_prefix (flat_start, flat_name))
        g_error ("the outline's entry for %s points at page %u, which starts with: %.80s", name, page, start);
      previous_page = page;

      /* Its sections, in order, on that page or the following ones. */
      g_assert_cmpuint (json_array_get_length (kids), >=, 10);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (kids, 0), "title"),
                       ==, "Health summary");
      for (guint k = 0; k < json_array_get_length (kids); k++)
        {
          JsonObject *kid = json_array_get_object_element (kids, k);
          guint kid_page = (guint) json_object_get_int_member (kid, "destpageposfrom1");
          g_autofree char *flat_text = flatten (texts[kid_page - 1]);
          g_autofree char *flat_title = flatten (json_object_get_string_member (kid, "title"));

          g_assert_cmpuint (kid_page, >=, section_page);
          g_assert_cmpuint (kid_page, <=, g_strv_length (texts));
          if (strstr (flat_text, flat_title) == NULL)
            g_error ("the section “%s” of %s is not on page %u", json_object_get_string_member (kid, "title"),
                     name, kid_page);
          section_page = kid_page;
        }

      /* The summary's link to the plan leads to the same page. */
      g_assert_cmpuint (destination_page (json, anchor), ==, page);
    }

  /* The summary's links (its heat map's plan names, on the pages before
   * the first plan's): one per plan, top to bottom, each to its plan. */
  first_plan_page = (guint) json_object_get_int_member (json_array_get_object_element (outlines, 1), "destpageposfrom1");
  for (guint p = 0; p + 1 < first_plan_page; p++)
    {
      JsonObject *page = pdf_object (json, json_object_get_string_member (json_array_get_object_element (pages, p),
                                                                          "object"));

      if (!json_object_has_member (page, "/Annots"))
        continue;
      annotations = json_object_get_array_member (page, "/Annots");
      for (guint i = 0; i < json_array_get_length (annotations); i++)
        {
          JsonObject *link = pdf_object (json, json_array_get_string_element (annotations, i));
          g_autofree char *expected = g_strdup_printf ("u:plan-%u", links + 1);

          if (!g_str_equal (json_object_get_string_member (link, "/Subtype"), "/Link"))
            continue;
          g_assert_cmpstr (json_object_get_string_member (link, "/Dest"), ==, expected);
          links++;
        }
    }
  g_assert_cmpuint (links, ==, n_plans);
  pacte_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  static const LongCase short_page = { 2100, TRUE };
  static const LongCase several_pages = { 20000, FALSE };
  static const LongCase loader_limit = { 1048576, FALSE };

  pacte_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/report-pdf/long-text/2100", &short_page, test_long_texts);
  g_test_add_data_func ("/report-pdf/long-text/20000", &several_pages, test_long_texts);
  g_test_add_data_func ("/report-pdf/long-text/1048576", &loader_limit, test_long_texts);
  g_test_add_data_func ("/report-pdf/typography/english", "en", test_typography);
  g_test_add_data_func ("/report-pdf/typography/french", "fr", test_typography);
  g_test_add_func ("/report-pdf/outline", test_outline);

  return g_test_run ();
}
