/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-merge.c: the semantic three-way merge (pacte-merge.h, pacte --merge)
 * — a table of merge cases, the conflicts recorded in the file and read back,
 * --check on a conflicted file, and git merge with the driver configured. */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "pacte-merge.h"
#include "pacte-merge-conflicts.h"
#include "pacte-rules.h"
#include "pacte-test-utils.h"

static const char base_text[] =
  "{ \"format\": \"pacte-portfolio\", \"version\": 1,"
  "  \"meta\": { \"title\": \"Alliances\" },"
  "  \"x_custom\": { \"a\": 1 },"
  "  \"partners\": [ { \"id\": \"p-1\", \"name\": \"Ashford\" }, { \"id\": \"p-2\", \"name\": \"Brightline\" } ],"
  "  \"plans\": ["
  "    { \"id\": \"plan-1\", \"name\": \"One\", \"partners\": [ \"p-1\" ],"
  "      \"objectives\": [ { \"id\": \"o-1\", \"title\": \"Joint deals\", \"target\": 10 } ],"
  "      \"governance\": [ { \"level\": \"executive\", \"body\": \"Board\", \"cadence_days\": 90 } ] },"
  "    { \"id\": \"plan-2\", \"name\": \"Two\", \"partners\": [ \"p-2\" ] }"
  "  ] }";

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The node at a dot path ("plans.0.objectives"), numbers index arrays. */
static JsonNode *
lookup (JsonNode   *root,
        const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;

  for (guint i = 0; node != NULL && parts[i] != NULL; i++)
    {
      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          guint64 index = g_ascii_strtoull (parts[i], NULL, 10);

          if (index >= json_array_get_length (json_node_get_array (node)))
            return NULL;
          node = json_array_get_element (json_node_get_array (node), index);
        }
      else if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      else
        return NULL;
    }
  return node;
}

/* Sets (value: JSON text), appends (last part "+") or removes (value NULL). */
static void
edit (JsonNode   *root,
      const char *path,
      const char *value)
{
  g_autofree char *parent_path = g_strdup (path);
  char *dot = strrchr (parent_path, '.');
  const char *last = dot != NULL ? dot + 1 : parent_path;
  JsonNode *parent;

  if (dot != NULL)
    *dot = '\0';
  parent = dot != NULL ? lookup (root, parent_path) : root;
  g_assert_nonnull (parent);
  if (JSON_NODE_HOLDS_ARRAY (parent))
    {
      JsonArray *array = json_node_get_array (parent);

      if (g_str_equal (last, "+"))
        json_array_add_element (array, parse (value));
      else
        {
          guint index = g_ascii_strtoull (last, NULL, 10);

          g_assert_null (value);
          json_array_remove_element (array, index);
        }
    }
  else if (value != NULL)
    json_object_set_member (json_node_get_object (parent), last, parse (value));
  else
    json_object_remove_member (json_node_get_object (parent), last);
}

static PactePortfolio *
load_tree (JsonNode *root)
{
  char *text = json_to_string (root, FALSE);
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));
  g_autoptr(GError) error = NULL;
  PactePortfolio *portfolio;

  portfolio = pacte_portfolio_load_bytes (bytes, "side", pacte_rule_set_get_default (), &error);
  g_assert_no_error (error);
  return portfolio;
}

typedef struct {
  const char *name;
  const char *ours[3][2];      /* path, value (NULL removes) */
  const char *theirs[3][2];
  const char *expect[4][2];    /* path in the result, its JSON text ("-" absent) */
  const char *conflicts[3];    /* the conflicts' paths, in order */
  gboolean    no_base;
} MergeCase;

static const MergeCase cases[] = {
  { "each side edits a different plan",
    { { "plans.0.name", "\"One (ours)\"" } }, { { "plans.1.name", "\"Two (theirs)\"" } },
    { { "plans.0.name", "\"One (ours)\"" }, { "plans.1.name", "\"Two (theirs)\"" } } },
  { "same plan, different fields",
    { { "plans.0.name", "\"One bis\"" } }, { { "plans.0.owner", "\"Zoé\"" }, { "plans.0.objectives.0.target", "12" } },
    { { "plans.0.name", "\"One bis\"" }, { "plans.0.owner", "\"Zoé\"" }, { "plans.0.objectives.0.target", "12" } } },
  { "same field, same value",
    { { "plans.0.objectives.0.target", "12" } }, { { "plans.0.objectives.0.target", "12" } },
    { { "plans.0.objectives.0.target", "12" } } },
  { "same field, different values",
    { { "plans.0.objectives.0.target", "12" } }, { { "plans.0.objectives.0.target", "15" }, { "plans.1.name", "\"Deux\"" } },
    { { "plans.0.objectives.0.target", "12" }, { "plans.1.name", "\"Deux\"" } },
    { "plans[\"plan-1\"].objectives[\"o-1\"].target" } },
  { "an add on one side, a removal on the other",
    { { "plans.0.objectives.+", "{ \"id\": \"o-2\", \"title\": \"Pipeline\" }" } }, { { "plans.1", NULL } },
    { { "plans.0.objectives.1.id", "\"o-2\"" }, { "plans.1", "-" } } },
  { "removed on one side, edited on the other",
    { { "plans.1", NULL } }, { { "plans.1.name", "\"Two, renamed\"" } },
    { { "plans.1", "-" } },
    { "plans[\"plan-2\"]" } },
  { "both add the same id, the same record",
    { { "partners.+", "{ \"id\": \"p-3\", \"name\": \"Cobalt\" }" } }, { { "partners.+", "{ \"id\": \"p-3\", \"name\": \"Cobalt\" }" } },
    { { "partners.2.name", "\"Cobalt\"" }, { "partners.3", "-" } } },
  { "both add the same id, different fields",
    { { "partners.+", "{ \"id\": \"p-3\", \"name\": \"Cobalt\" }" } },
    { { "partners.+", "{ \"id\": \"p-3\", \"name\": \"Cobalt SA\", \"label\": \"gold\" }" } },
    { { "partners.2.name", "\"Cobalt\"" }, { "partners.2.label", "\"gold\"" }, { "partners.3", "-" } },
    { "partners[\"p-3\"].name" } },
  { "a record added on their side lands after the one it follows",
    { { "plans.1.name", "\"Two bis\"" } }, { { "plans.+", "{ \"id\": \"plan-3\", \"name\": \"Three\" }" } },
    { { "plans.2.id", "\"plan-3\"" }, { "plans.1.name", "\"Two bis\"" } } },
  { "unknown members are merged like known ones",
    { { "x_custom.a", "2" }, { "plans.0.x_note", "\"ours\"" } }, { { "x_custom.b", "3" }, { "meta.x_region", "\"EMEA\"" } },
    { { "x_custom.a", "2" }, { "x_custom.b", "3" }, { "plans.0.x_note", "\"ours\"" }, { "meta.x_region", "\"EMEA\"" } } },
  { "a list without ids changed on one side is taken whole",
    { { "plans.0.name", "\"One bis\"" } }, { { "plans.0.governance.0.cadence_days", "30" }, { "plans.0.governance.+", "{ \"level\": \"operational\", \"body\": \"Desk\" }" } },
    { { "plans.0.governance.0.cadence_days", "30" }, { "plans.0.governance.1.body", "\"Desk\"" } } },
  { "a list without ids changed on both sides is a conflict",
    { { "plans.0.governance.0.cadence_days", "60" } }, { { "plans.0.governance.0.cadence_days", "30" } },
    { { "plans.0.governance.0.cadence_days", "60" } },
    { "plans[\"plan-1\"].governance" } },
  { "a partner removed on one side but named by a plan of the other is kept",
    { { "plans.1", NULL }, { "partners.1", NULL } },
    { { "plans.+", "{ \"id\": \"plan-3\", \"name\": \"Three\", \"partners\": [ \"p-2\" ] }" } },
    { { "partners.1.id", "\"p-2\"" }, { "plans.1.id", "\"plan-3\"" } },
    { "partners[\"p-2\"]" } },
  { "a partner removed on one side is kept when a plan both sides edited names it",
    { { "plans.1", NULL }, { "partners.1", NULL }, { "plans.0.name", "\"One bis\"" } },
    { { "plans.0.actions", "[ { \"id\": \"a-1\", \"title\": \"Joint pitch\", \"parties\": [ \"p-2\" ] } ]" } },
    { { "partners.1.id", "\"p-2\"" }, { "plans.0.name", "\"One bis\"" }, { "plans.0.actions.0.parties.0", "\"p-2\"" }, { "plans.1", "-" } },
    { "partners[\"p-2\"]" } },
  { "a partner removed with the only plan naming it stays removed",
    { { "plans.1", NULL }, { "partners.1", NULL } }, { { "plans.0.name", "\"One (theirs)\"" } },
    { { "partners.1", "-" }, { "plans.1", "-" }, { "plans.0.name", "\"One (theirs)\"" } } },
  { "the portfolio's own members and its records, edited on both sides",
    { { "meta.title", "\"Alliances 2027\"" }, { "partners.0.name", "\"Ashford & Lowe\"" } },
    { { "x_custom.a", "5" }, { "partners.1.name", "\"Brightline Ltd\"" }, { "plans.0.objectives.0.target", "11" } },
    { { "meta.title", "\"Alliances 2027\"" }, { "x_custom.a", "5" }, { "partners.0.name", "\"Ashford & Lowe\"" },
      { "partners.1.name", "\"Brightline Ltd\"" } } },
  { "no common ancestor (both added the file)",
    { { "plans.0.name", "\"One (ours)\"" } }, { { "plans.1.name", "\"Two (theirs)\"" } },
    { { "plans.0.name", "\"One (ours)\"" }, { "plans.1.name", "\"Two\"" } },
    { "plans[\"plan-1\"].name", "plans[\"plan-2\"].name" }, TRUE },
};

static void
test_cases (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const MergeCase *mc = &cases[c];
      g_autoptr(JsonNode) base = parse (base_text);
      g_autoptr(JsonNode) ours = parse (base_text);
      g_autoptr(JsonNode) theirs = parse (base_text);
      g_autoptr(PactePortfolio) pb = NULL;
      g_autoptr(PactePortfolio) po = NULL;
      g_autoptr(PactePortfolio) pt = NULL;
      g_autoptr(PactePortfolio) merged = NULL;
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(GPtrArray) recorded = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) result = NULL;
      guint n_expected = 0;

      g_test_message ("case: %s", mc->name);
      for (guint i = 0; i < 3 && mc->ours[i][0] != NULL; i++)
        edit (ours, mc->ours[i][0], mc->ours[i][1]);
      for (guint i = 0; i < 3 && mc->theirs[i][0] != NULL; i++)
        edit (theirs, mc->theirs[i][0], mc->theirs[i][1]);
      pb = mc->no_base ? NULL : load_tree (base);
      po = load_tree (ours);
      pt = load_tree (theirs);

      bytes = pacte_merge_portfolios (pb, po, pt, pacte_rule_set_get_default (), &conflicts, &error);
      g_assert_no_error (error);
      g_assert_nonnull (bytes);
      result = parse (g_bytes_get_data (bytes, NULL));

      for (guint i = 0; i < 4 && mc->expect[i][0] != NULL; i++)
        {
          JsonNode *node = lookup (result, mc->expect[i][0]);

          if (g_str_equal (mc->expect[i][1], "-"))
            {
              if (node != NULL)
                g_error ("%s: %s should be absent", mc->name, mc->expect[i][0]);
            }
          else
            {
              g_autoptr(JsonNode) want = parse (mc->expect[i][1]);

              if (node == NULL || !json_node_equal (node, want))
                g_error ("%s: %s is %s, expected %s", mc->name, mc->expect[i][0],
                         node != NULL ? json_to_string (node, FALSE) : "absent", mc->expect[i][1]);
            }
        }

      while (n_expected < 3 && mc->conflicts[n_expected] != NULL)
        n_expected++;
      if (conflicts->len != n_expected)
        g_error ("%s: %u conflicts, expected %u", mc->name, conflicts->len, n_expected);
      for (guint i = 0; i < n_expected; i++)
        g_assert_cmpstr (((PacteMergeConflict *) g_ptr_array_index (conflicts, i))->path, ==, mc->conflicts[i]);

      /* The result loads, and the conflicts are read back from it. */
      merged = pacte_portfolio_load_bytes (bytes, "merged", pacte_rule_set_get_default (), &error);
      g_assert_no_error (error);
      /* In canonical form, as the program saves it: what git stores. */
      {
        g_autoptr(GBytes) saved = pacte_portfolio_to_bytes (merged);

        if (!g_bytes_equal (saved, bytes))
          g_error ("%s: the merged file is not in canonical form:\n%s", mc->name, (const char *) g_bytes_get_data (bytes, NULL));
      }
      recorded = pacte_merge_get_conflicts (merged);
      g_assert_cmpuint (recorded->len, ==, n_expected);
      g_assert_true ((lookup (result, PACTE_MERGE_CONFLICTS_MEMBER) != NULL) == (n_expected > 0));
      for (guint i = 0; i < n_expected; i++)
        {
          PacteMergeConflict *a = g_ptr_array_index (conflicts, i);
          PacteMergeConflict *b = g_ptr_array_index (recorded, i);

          g_assert_cmpstr (a->path, ==, b->path);
          g_assert_true ((a->ours == NULL && b->ours == NULL) || json_node_equal (a->ours, b->ours));
          g_assert_true ((a->theirs == NULL && b->theirs == NULL) || json_node_equal (a->theirs, b->theirs));
          g_assert_true ((a->base == NULL && b->base == NULL) || json_node_equal (a->base, b->base));
        }
    }
}

/* The conflict recorded for "same field, different values" in full. */
static void
test_conflict_member (void)
{
  g_autoptr(JsonNode) ours = parse (base_text);
  g_autoptr(JsonNode) theirs = parse (base_text);
  g_autoptr(JsonNode) base = parse (base_text);
  g_autoptr(PactePortfolio) pb = load_tree (base);
  g_autoptr(PactePortfolio) po = NULL;
  g_autoptr(PactePortfolio) pt = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonNode) want = NULL;

  edit (ours, "plans.0.objectives.0.target", "12");
  edit (theirs, "plans.0.objectives.0.target", "15");
  po = load_tree (ours);
  pt = load_tree (theirs);
  bytes = pacte_merge_portfolios (pb, po, pt, pacte_rule_set_get_default (), NULL, NULL);
  result = parse (g_bytes_get_data (bytes, NULL));
  want = parse ("[ { \"path\": \"plans[\\\"plan-1\\\"].objectives[\\\"o-1\\\"].target\", \"base\": 10, \"ours\": 12, \"theirs\": 15 } ]");
  g_assert_true (json_node_equal (lookup (result, "merge_conflicts"), want));
  /* The member comes last, after the known ones. */
  g_assert_true (g_str_has_suffix (g_bytes_get_data (bytes, NULL), "\"theirs\": 15\n    }\n  ]\n}\n"));
}

/* A "merge_conflicts" member of the wrong shape is refused with its path. */
static void
test_loader_checks_member (void)
{
  const char *bad[][2] = {
    { "{ \"format\": \"pacte-portfolio\", \"version\": 1, \"merge_conflicts\": 3 }", "merge_conflicts:" },
    { "{ \"format\": \"pacte-portfolio\", \"version\": 1, \"merge_conflicts\": [ 3 ] }", "merge_conflicts[0]:" },
    { "{ \"format\": \"pacte-portfolio\", \"version\": 1, \"merge_conflicts\": [ { \"ours\": 1 } ] }", "merge_conflicts[0].path:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i][0], strlen (bad[i][0]));
      g_autoptr(GError) error = NULL;
      g_autoptr(PactePortfolio) portfolio = pacte_portfolio_load_bytes (bytes, "bad.pacte.json", NULL, &error);

      g_assert_null (portfolio);
      g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i][1]));
      g_assert_true (g_str_has_prefix (error->message, "bad.pacte.json: "));
    }
}

/* Two versions each valid alone whose merge would not load: refused with
 * the loader's message, and nothing is made.  Plan 2 comes whole from our
 * side, so its check was its version's: the settings of theirs it now sits
 * under must bring it back to the loader. */
static void
test_refuses_invalid (void)
{
  struct {
    const char *ours[2][2];
    const char *theirs[2][2];
    const char *message;
  } invalid[] = {
    { { { "plans.1.rule_overrides", "{ \"R09\": { \"params\": { \"amber_days\": 60 } } }" } },
      { { "rule_settings", "{ \"R09\": { \"params\": { \"red_days\": 50 } } }" } },
      "amber_days is 60 but must be at most red_days (50)" },
    { { { "rule_settings", "{ \"R09\": { \"params\": { \"red_days\": 50 } } }" } },
      { { "plans.1.rule_overrides", "{ \"R09\": { \"params\": { \"amber_days\": 60 } } }" } },
      "amber_days is 60 but must be at most red_days (50)" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (invalid); c++)
    {
      g_autoptr(JsonNode) base = parse (base_text);
      g_autoptr(JsonNode) ours = parse (base_text);
      g_autoptr(JsonNode) theirs = parse (base_text);
      g_autoptr(PactePortfolio) pb = NULL, po = NULL, pt = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < 2 && invalid[c].ours[i][0] != NULL; i++)
        edit (ours, invalid[c].ours[i][0], invalid[c].ours[i][1]);
      for (guint i = 0; i < 2 && invalid[c].theirs[i][0] != NULL; i++)
        edit (theirs, invalid[c].theirs[i][0], invalid[c].theirs[i][1]);
      pb = load_tree (base);
      po = load_tree (ours);
      pt = load_tree (theirs);
      bytes = pacte_merge_portfolios (pb, po, pt, pacte_rule_set_get_default (), NULL, &error);
      g_assert_null (bytes);
      g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "the two versions cannot be merged into a valid portfolio: "));
      if (strstr (error->message, invalid[c].message) == NULL)
        g_error ("case %u: %s", c, error->message);
    }
}

static int changed_count;

static void
changed_cb (PacteMergeConflicts *conflicts G_GNUC_UNUSED,
            gpointer             data G_GNUC_UNUSED)
{
  changed_count++;
}

/* Resolving in the model: one undo step each, the member goes with the last. */
static void
test_resolve (void)
{
  g_autoptr(JsonNode) base = parse (base_text);
  g_autoptr(JsonNode) ours = parse (base_text);
  g_autoptr(JsonNode) theirs = parse (base_text);
  g_autoptr(PactePortfolio) pb = NULL, po = NULL, pt = NULL, merged = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PacteMergeConflicts *conflicts;
  PactePlan *plan;
  PacteRecord *objective;
  guint n = 0;

  edit (ours, "plans.0.objectives.0.target", "12");
  edit (theirs, "plans.0.objectives.0.target", "15");
  edit (ours, "plans.1.name", "\"Two (ours)\"");
  edit (theirs, "plans.1.name", "\"Two (theirs)\"");
  edit (ours, "plans.0.governance.0.cadence_days", "60");
  edit (theirs, "plans.0.governance.0.cadence_days", "30");
  pb = load_tree (base);
  po = load_tree (ours);
  pt = load_tree (theirs);
  bytes = pacte_merge_portfolios (pb, po, pt, pacte_rule_set_get_default (), NULL, &error);
  g_assert_no_error (error);
  merged = pacte_portfolio_load_bytes (bytes, "merged", pacte_rule_set_get_default (), &error);
  g_assert_no_error (error);

  conflicts = pacte_merge_conflicts_get (merged);
  g_assert_true (conflicts == pacte_merge_conflicts_get (merged));
  g_signal_connect (conflicts, "changed", G_CALLBACK (changed_cb), NULL);
  changed_count = 0;
  g_assert_cmpuint (pacte_merge_conflicts_get_n_conflicts (conflicts), ==, 3);
  g_assert_cmpstr (pacte_merge_conflicts_get_conflict (conflicts, 0)->path, ==, "plans[\"plan-1\"].objectives[\"o-1\"].target");
  g_assert_cmpstr (pacte_merge_conflicts_get_conflict (conflicts, 1)->path, ==, "plans[\"plan-1\"].governance");
  g_assert_true (pacte_merge_conflicts_can_take_theirs (conflicts, 0));
  g_assert_true (pacte_merge_conflicts_can_take_theirs (conflicts, 1));  /* a list without ids, as a whole */
  g_assert_true (pacte_merge_conflicts_can_take_theirs (conflicts, 2));

  plan = pacte_portfolio_find_plan (merged, "plan-1");
  objective = pacte_record_get_items (PACTE_RECORD (plan), PACTE_PLAN_OBJECTIVES, &n)[0];
  g_assert_cmpfloat (pacte_record_get_number (objective, PACTE_OBJECTIVE_TARGET), ==, 12);

  /* Theirs for the target: the value and the entry change in one step. */
  g_assert_true (pacte_merge_conflicts_resolve (conflicts, 0, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (pacte_record_get_number (objective, PACTE_OBJECTIVE_TARGET), ==, 15);
  g_assert_cmpuint (pacte_merge_conflicts_get_n_conflicts (conflicts), ==, 2);
  g_assert_cmpint (changed_count, ==, 1);
  g_assert_true (pacte_portfolio_get_modified (merged));
  g_assert_true (pacte_portfolio_undo (merged));
  g_assert_cmpfloat (pacte_record_get_number (objective, PACTE_OBJECTIVE_TARGET), ==, 12);
  g_assert_cmpuint (pacte_merge_conflicts_get_n_conflicts (conflicts), ==, 3);
  g_assert_cmpstr (pacte_merge_conflicts_get_conflict (conflicts, 0)->path, ==, "plans[\"plan-1\"].objectives[\"o-1\"].target");
  g_assert_true (pacte_portfolio_redo (merged));
  g_assert_cmpfloat (pacte_record_get_number (objective, PACTE_OBJECTIVE_TARGET), ==, 15);
  g_assert_cmpuint (pacte_merge_conflicts_get_n_conflicts (conflicts), ==, 2);

  /* Theirs for a list without ids: their whole list, in one step. */
  g_assert_true (pacte_merge_conflicts_resolve (conflicts, 0, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pacte_merge_conflicts_get_n_conflicts (conflicts), ==, 1);
  g_assert_cmpfloat (pacte_record_get_number (pacte_record_get_items (PACTE_RECORD (plan), PACTE_PLAN_GOVERNANCE, &n)[0],
                                              PACTE_BODY_CADENCE_DAYS), ==, 30);
  g_assert_true (pacte_portfolio_undo (merged));
  g_assert_cmpfloat (pacte_record_get_number (pacte_record_get_items (PACTE_RECORD (plan), PACTE_PLAN_GOVERNANCE, &n)[0],
                                              PACTE_BODY_CADENCE_DAYS), ==, 60);
  g_assert_cmpuint (pacte_merge_conflicts_get_n_conflicts (conflicts), ==, 2);

  /* A whole list cannot be typed: refused, nothing changes. */
  g_assert_false (pacte_merge_conflicts_resolve_typed (conflicts, 0, "x", &error));
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (pacte_merge_conflicts_get_n_conflicts (conflicts), ==, 2);

  /* Ours for both: the member disappears from the file. */
  g_assert_true (pacte_merge_conflicts_resolve (conflicts, 0, FALSE, NULL));
  g_assert_true (pacte_merge_conflicts_resolve (conflicts, 0, FALSE, NULL));
  g_assert_cmpuint (pacte_merge_conflicts_get_n_conflicts (conflicts), ==, 0);
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (pacte_portfolio_find_plan (merged, "plan-2")), PACTE_PLAN_NAME), ==, "Two (ours)");
  {
    g_autoptr(GBytes) saved = pacte_portfolio_to_bytes (merged);

    g_assert_null (strstr (g_bytes_get_data (saved, NULL), "merge_conflicts"));
  }
  g_assert_true (pacte_portfolio_undo (merged));
  g_assert_cmpuint (pacte_merge_conflicts_get_n_conflicts (conflicts), ==, 1);
  {
    g_autoptr(GBytes) saved = pacte_portfolio_to_bytes (merged);

    g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "merge_conflicts"));
  }
}

/* ---- The command line and git ---------------------------------------- */

static char *
write_tree (const char *dir,
            const char *name,
            JsonNode   *root)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = json_to_string (root, TRUE);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_steal_pointer (&path);
}

static void
test_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pacte-merge-XXXXXX", &error);
  g_autoptr(JsonNode) base = parse (base_text);
  g_autoptr(JsonNode) ours = parse (base_text);
  g_autoptr(JsonNode) theirs = parse (base_text);
  g_autofree char *base_path = NULL, *ours_path = NULL, *theirs_path = NULL, *out_path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  edit (ours, "plans.0.name", "\"Ours\"");
  edit (theirs, "plans.0.name", "\"Theirs\"");
  edit (theirs, "plans.1.name", "\"Two bis\"");
  base_path = write_tree (dir, "base.json", base);
  ours_path = write_tree (dir, "ours.json", ours);
  theirs_path = write_tree (dir, "theirs.json", theirs);
  out_path = g_build_filename (dir, "out.json", NULL);
  g_assert_true (g_file_get_contents (ours_path, &before, NULL, NULL));

  {
    g_autofree char *out = NULL, *err = NULL;
    const char *argv[] = { "--merge", base_path, ours_path, theirs_path, "-o", out_path, NULL };

    g_assert_cmpint (pacte_test_run_pacte (argv, &out, &err), ==, 1);
    g_assert_cmpstr (out, ==, "");
    g_assert_nonnull (strstr (err, "1 merge conflict"));
    g_assert_nonnull (strstr (err, "plans[\"plan-1\"].name: ours \"Ours\", theirs \"Theirs\""));
    /* -o: OURS is left as it was. */
    g_assert_true (g_file_get_contents (ours_path, &after, NULL, NULL));
    g_assert_cmpstr (before, ==, after);
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *argv[] = { "--check", out_path, "--lang", "en", NULL };

    g_assert_cmpint (pacte_test_run_pacte (argv, &out, &err), ==, 4);
    g_assert_true (g_str_has_prefix (out, "1 unresolved merge conflict"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *argv[] = { "--check", out_path, "--json", NULL };
    g_autoptr(JsonNode) root = NULL;

    g_assert_cmpint (pacte_test_run_pacte (argv, &out, &err), ==, 4);
    root = parse (out);
    g_assert_cmpstr (json_node_get_string (lookup (root, "merge_conflicts.0.theirs")), ==, "Theirs");
  }
  {
    /* A side that does not load: nothing written, status 2. */
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *broken = g_build_filename (dir, "broken.json", NULL);
    const char *argv[] = { "--merge", base_path, ours_path, broken, NULL };

    g_assert_true (g_file_set_contents (broken, "{ \"format\": \"pacte-portfolio\", \"version\": 1, ", -1, NULL));
    g_assert_cmpint (pacte_test_run_pacte (argv, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "broken.json"));
    g_clear_pointer (&after, g_free);
    g_assert_true (g_file_get_contents (ours_path, &after, NULL, NULL));
    g_assert_cmpstr (before, ==, after);
  }
  pacte_test_remove_tree (dir);
}

static void
test_git_merge (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("pacte-merge-git-XXXXXX", &error);
  g_autofree char *repo = g_build_filename (home, "repo", NULL);
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *file = g_build_filename (repo, "team.pacte.json", NULL);
  g_autofree char *driver = g_strdup_printf ("%s --merge %%O %%A %%B", g_getenv ("PACTE_BIN"));
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *plan0 = NULL;

  g_autofree char *git_path = g_find_program_in_path ("git");
  g_autofree char *attributes = g_build_filename (repo, ".gitattributes", NULL);

  if (git_path == NULL)
    {
      g_test_skip ("git is not installed");
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (repo, 0700), ==, 0);
  g_assert_cmpint (pacte_test_git (repo, NULL, "init", "-q", "-b", "main", NULL), ==, 0);
  g_assert_cmpint (pacte_test_git (repo, NULL, "config", "merge.pacte.driver", driver, NULL), ==, 0);
  g_assert_cmpint (pacte_test_git (repo, NULL, "config", "merge.pacte.name", "Pacte portfolio merge", NULL), ==, 0);
  g_assert_true (g_file_set_contents (attributes, "*.pacte.json merge=pacte\n", -1, NULL));
  {
    const char *argv[] = { "--normalize", sample, "-o", file, NULL };

    g_assert_cmpint (pacte_test_run_pacte (argv, NULL, NULL), ==, 0);
  }
  g_assert_cmpint (pacte_test_git (repo, NULL, "add", ".", NULL), ==, 0);
  g_assert_cmpint (pacte_test_git (repo, NULL, "commit", "-q", "-m", "base", NULL), ==, 0);

  /* Two branches edit different plans: a line-based merge would conflict
   * only by luck; the driver merges them. */
  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  root = parse (text);
  g_assert_cmpint (pacte_test_git (repo, NULL, "checkout", "-q", "-b", "theirs", NULL), ==, 0);
  edit (root, "plans.1.name", "\"Renamed on their branch\"");
  edit (root, "plans.0.owner", "\"Their owner\"");
  g_free (write_tree (repo, "team.pacte.json", root));
  g_assert_cmpint (pacte_test_git (repo, NULL, "commit", "-q", "-am", "theirs", NULL), ==, 0);
  g_assert_cmpint (pacte_test_git (repo, NULL, "checkout", "-q", "main", NULL), ==, 0);
  json_node_unref (root);
  root = parse (text);
  edit (root, "plans.0.name", "\"Renamed on our branch\"");
  edit (root, "plans.0.revenue_target", "5000000");
  g_free (write_tree (repo, "team.pacte.json", root));
  g_assert_cmpint (pacte_test_git (repo, NULL, "commit", "-q", "-am", "ours", NULL), ==, 0);
  {
    g_autofree char *out = NULL;

    g_assert_cmpint (pacte_test_git (repo, &out, "merge", "-q", "--no-edit", "theirs", NULL), ==, 0);
  }
  {
    g_autofree char *merged_text = NULL;
    g_autoptr(JsonNode) merged = NULL;
    const char *argv[] = { "--check", file, NULL };
    g_autofree char *out = NULL, *err = NULL;

    g_assert_true (g_file_get_contents (file, &merged_text, NULL, NULL));
    merged = parse (merged_text);
    g_assert_cmpstr (json_node_get_string (lookup (merged, "plans.0.name")), ==, "Renamed on our branch");
    g_assert_cmpstr (json_node_get_string (lookup (merged, "plans.0.owner")), ==, "Their owner");
    g_assert_cmpint (json_node_get_int (lookup (merged, "plans.0.revenue_target")), ==, 5000000);
    g_assert_cmpstr (json_node_get_string (lookup (merged, "plans.1.name")), ==, "Renamed on their branch");
    g_assert_null (lookup (merged, "merge_conflicts"));
    g_assert_cmpint (pacte_test_run_pacte (argv, &out, &err), ==, 0);
  }

  /* Both branches change the same name: git reports the conflict, the file
   * is a valid portfolio that holds our name and records theirs. */
  g_assert_cmpint (pacte_test_git (repo, NULL, "checkout", "-q", "theirs", NULL), ==, 0);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  json_node_unref (root);
  root = parse (text);
  edit (root, "plans.2.name", "\"Theirs again\"");
  g_free (write_tree (repo, "team.pacte.json", root));
  g_assert_cmpint (pacte_test_git (repo, NULL, "commit", "-q", "-am", "theirs 2", NULL), ==, 0);
  g_assert_cmpint (pacte_test_git (repo, NULL, "checkout", "-q", "main", NULL), ==, 0);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  json_node_unref (root);
  root = parse (text);
  plan0 = g_strdup (json_node_get_string (lookup (root, "plans.2.id")));
  edit (root, "plans.2.name", "\"Ours again\"");
  g_free (write_tree (repo, "team.pacte.json", root));
  g_assert_cmpint (pacte_test_git (repo, NULL, "commit", "-q", "-am", "ours 2", NULL), ==, 0);
  {
    g_autofree char *out = NULL;
    g_autofree char *merged_text = NULL;
    g_autoptr(JsonNode) merged = NULL;
    g_autoptr(GPtrArray) conflicts = NULL;
    g_autoptr(PactePortfolio) portfolio = NULL;
    g_autoptr(GFile) gfile = g_file_new_for_path (file);
    g_autofree char *expected_path = g_strdup_printf ("plans[\"%s\"].name", plan0);

    g_assert_cmpint (pacte_test_git (repo, &out, "merge", "--no-edit", "theirs", NULL), !=, 0);
    g_assert_nonnull (strstr (out, "CONFLICT"));
    g_assert_true (g_file_get_contents (file, &merged_text, NULL, NULL));
    merged = parse (merged_text);
    g_assert_cmpstr (json_node_get_string (lookup (merged, "plans.2.name")), ==, "Ours again");
    portfolio = pacte_portfolio_load_file (gfile, pacte_rule_set_get_default (), NULL, &error);
    g_assert_no_error (error);
    conflicts = pacte_merge_get_conflicts (portfolio);
    g_assert_cmpuint (conflicts->len, ==, 1);
    g_assert_cmpstr (((PacteMergeConflict *) g_ptr_array_index (conflicts, 0))->path, ==, expected_path);
    g_assert_cmpstr (json_node_get_string (((PacteMergeConflict *) g_ptr_array_index (conflicts, 0))->theirs), ==, "Theirs again");
  }
  pacte_test_remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/cases", test_cases);
  g_test_add_func ("/merge/conflict-member", test_conflict_member);
  g_test_add_func ("/merge/loader-checks-member", test_loader_checks_member);
  g_test_add_func ("/merge/refuses-invalid", test_refuses_invalid);
  g_test_add_func ("/merge/resolve", test_resolve);
  g_test_add_func ("/merge/cli", test_cli);
  g_test_add_func ("/merge/git", test_git_merge);
  return g_test_run ();
}
