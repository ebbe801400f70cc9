/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-load-order.c: what the order of the members in a file decides, and
 * nothing else.  The loader first reads each partner and plan in the order
 * json-glib's hash tables hold its members (src/core/format/
 * pacte-record-reader.c), and reads it again in the order of the file only
 * when that matters: whichever the order of the members, the problem
 * reported is the first one in the file, members we do not know come back
 * in their order, and an unknown partner named before the partners are read
 * is the first one named.  Each check runs on many orders of the same
 * members (a fixed seed), with one thread and with two reading the plans. */
#include "config.h"

#include <string.h>

#include "pacte-portfolio.h"
#include "pacte-load-list-private.h"
#include "pacte-test-utils.h"

#define N_TRIALS 150

/* Enough plans for two threads to read them (pacte-load-list.c). */
#define N_PLANS   40
#define BAD_PLAN  29

typedef struct
{
  const char *member;  /* "name": value, as written in the file */
  const char *path;    /* the JSON path of the problem, below the plan */
} Member;

/* Each a problem at its own path. */
static const Member bad_members[] = {
  { "\"segment\": \"reseller\"", "segment" },
  { "\"phase\": 3", "phase" },
  { "\"period\": { \"end\": \"2027-12-31\", \"start\": \"2027-02-30\" }", "period.start" },
  { "\"revenue_target\": \"lots\"", "revenue_target" },
  { "\"objectives\": [ { \"id\": \"o-1\" }, { \"id\": \"o-2\", \"due\": \"soon\" } ]", "objectives[1].due" },
  { "\"actions\": [ { \"id\": \"a-1\", \"title\": \"Call\", \"status\": \"maybe\" } ]", "actions[0].status" },
  { "\"owner\": 5", "owner" },
  { "\"resources\": { \"budget\": -1, \"headcount\": \"two\" }", "resources.headcount" },
  { "\"reviews\": [ { \"date\": \"2027-01-05\", \"statuses\": { \"R01\": \"green\", \"R02\": \"blue\" } } ]",
    "reviews[0].statuses.R02" },
};

static const char * const good_members[] = {
  "\"id\": \"plan-bad\"",
  "\"name\": \"Plan\"",
  "\"partners\": [\"p-1\"]",
  "\"sponsor\": { \"name\": \"S\", \"engaged_on\": \"2026-01-02\" }",
  "\"forecast\": [ { \"quarter\": \"2027-Q1\", \"amount\": 1 } ]",
  "\"agreement\": { \"type\": \"mou\" }",
  "\"x_unknown\": { \"kept\": true }",
  "\"events\": [ { \"title\": \"Fair\", \"x_event\": 1 } ]",
};

static void
shuffle (GRand    *rand,
         gpointer *items,
         guint     n)
{
  for (guint i = n; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      gpointer t = items[i - 1];

      items[i - 1] = items[j];
      items[j] = t;
    }
}

/* A portfolio whose plan BAD_PLAN has the members given, in that order. */
static GBytes *
portfolio_with_plan (const char * const *members,
                     guint               n_members,
                     gboolean            plans_first)
{
  GString *text = g_string_new ("{ \"format\": \"pacte-portfolio\", \"version\": 1,\n");
  const char *partners = "  \"partners\": [ { \"id\": \"p-1\", \"name\": \"One\" }, { \"id\": \"p-2\", \"name\": \"Two\" } ]";

  if (!plans_first)
    g_string_append_printf (text, "%s,\n", partners);
  g_string_append (text, "  \"plans\": [\n");
  for (guint i = 0; i < N_PLANS; i++)
    {
      if (i == BAD_PLAN)
        {
          g_string_append (text, "    { ");
          for (guint m = 0; m < n_members; m++)
            g_string_append_printf (text, "%s%s", m > 0 ? ", " : "", members[m]);
          g_string_append (text, " }");
        }
      else
        g_string_append_printf (text, "    { \"id\": \"plan-%u\", \"name\": \"Plan %u\", \"partners\": [\"p-2\"], "
                                "\"period\": { \"start\": \"2027-01-01\" } }", i, i);
      g_string_append (text, i + 1 < N_PLANS ? ",\n" : "\n");
    }
  g_string_append (text, "  ]");
  if (plans_first)
    g_string_append_printf (text, ",\n%s", partners);
  g_string_append (text, "\n}\n");
  return g_string_free_to_bytes (text);
}

/* The load's message, the same with one thread and with two. */
static char *
load_message (GBytes *bytes)
{
  return pacte_test_load_message_both_ways (bytes, "team.pacte.json", -1, 1);
}

static void
test_first_problem_in_file_order (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);

  for (guint trial = 0; trial < N_TRIALS; trial++)
    {
      g_autoptr(GPtrArray) members = g_ptr_array_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *message = NULL;
      g_autofree char *expected = NULL;
      const Member *first = NULL;
      guint n_bad = 0;

      /* Two problems or more, in different members. */
      while (n_bad < 2)
        {
          g_ptr_array_set_size (members, 0);
          n_bad = 0;
          for (guint i = 0; i < G_N_ELEMENTS (good_members); i++)
            g_ptr_array_add (members, (gpointer) good_members[i]);
          for (guint i = 0; i < G_N_ELEMENTS (bad_members); i++)
            if (g_rand_int_range (rand, 0, 3) == 0)
              {
                g_ptr_array_add (members, (gpointer) &bad_members[i]);
                n_bad++;
              }
        }
      shuffle (rand, members->pdata, members->len);
      /* The members written out; the first problem is the first bad one. */
      for (guint m = 0; m < members->len; m++)
        {
          const Member *bad = NULL;

          for (guint i = 0; i < G_N_ELEMENTS (bad_members); i++)
            if (members->pdata[m] == &bad_members[i])
              bad = &bad_members[i];
          if (bad != NULL)
            {
              members->pdata[m] = (gpointer) bad->member;
              if (first == NULL)
                first = bad;
            }
        }
      bytes = portfolio_with_plan ((const char * const *) members->pdata, members->len, FALSE);
      message = load_message (bytes);
      expected = g_strdup_printf ("team.pacte.json: plans[%d].%s: ", BAD_PLAN, first->path);
      if (!g_str_has_prefix (message, expected))
        g_error ("trial %u: \"%s\" does not start with \"%s\"", trial, message, expected);
    }
}

/* A map's values in the order of the file: the first bad one is reported. */
static void
test_first_problem_in_a_map (void)
{
  static const char * const statuses[] = {
    "\"R01\": \"green\"", "\"R02\": \"blue\"", "\"R03\": \"red\"", "\"R04\": \"purple\"",
    "\"R05\": \"off\"", "\"R06\": \"grey\"", "\"R07\": \"amber\"",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);

  for (guint trial = 0; trial < N_TRIALS; trial++)
    {
      const char *order[G_N_ELEMENTS (statuses)];
      g_autoptr(GString) map = g_string_new ("\"reviews\": [ { \"statuses\": { ");
      const char *members[3] = { "\"id\": \"plan-bad\"", "\"name\": \"Plan\"", NULL };
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *message = NULL;
      g_autofree char *expected = NULL;
      char first[4] = "";

      memcpy (order, statuses, sizeof order);
      shuffle (rand, (gpointer *) order, G_N_ELEMENTS (order));
      for (guint i = 0; i < G_N_ELEMENTS (order); i++)
        {
          g_string_append_printf (map, "%s%s", i > 0 ? ", " : "", order[i]);
          if (first[0] == '\0' && (strstr (order[i], "blue") || strstr (order[i], "purple") || strstr (order[i], "grey")))
            memcpy (first, order[i] + 1, 3);
        }
      g_string_append (map, " } } ]");
      members[2] = map->str;
      bytes = portfolio_with_plan (members, 3, FALSE);
      message = load_message (bytes);
      expected = g_strdup_printf ("team.pacte.json: plans[%d].reviews[0].statuses.%s: unknown value", BAD_PLAN, first);
      if (!g_str_has_prefix (message, expected))
        g_error ("trial %u: \"%s\" does not start with \"%s\"", trial, message, expected);
    }
}

/* Partners that do not exist, named in three members of a plan: the first
 * named in the file is reported, whether the partners come before the plans
 * or after them. */
static void
test_first_unknown_partner (void)
{
  static const char * const named[] = { "p-x1", "p-x2", "p-x3" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);

  for (guint trial = 0; trial < N_TRIALS; trial++)
    {
      g_autofree char *m_partners = g_strdup_printf ("\"partners\": [\"p-1\", \"%s\"]", named[0]);
      g_autofree char *m_actions = g_strdup_printf ("\"actions\": [ { \"id\": \"a-1\", \"parties\": [\"%s\"] } ]", named[1]);
      g_autofree char *m_events = g_strdup_printf ("\"events\": [ { \"title\": \"E\", \"partners\": [\"p-2\", \"%s\"] } ]", named[2]);
      const char *members[] = {
        "\"id\": \"plan-bad\"", "\"name\": \"Plan\"", m_partners, m_actions, m_events, "\"x_other\": 1",
      };
      gboolean plans_first = trial % 2 == 0;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *message = NULL;
      g_autofree char *expected = NULL;
      const char *first = NULL;

      shuffle (rand, (gpointer *) members, G_N_ELEMENTS (members));
      for (guint m = 0; m < G_N_ELEMENTS (members) && first == NULL; m++)
        if (members[m] == m_partners)
          first = "partners[1]";
        else if (members[m] == m_actions)
          first = "actions[0].parties[0]";
        else if (members[m] == m_events)
          first = "events[0].partners[1]";
      bytes = portfolio_with_plan (members, G_N_ELEMENTS (members), plans_first);
      message = load_message (bytes);
      expected = g_strdup_printf ("team.pacte.json: plans[%d].%s: unknown partner", BAD_PLAN, first);
      if (!g_str_has_prefix (message, expected))
        g_error ("trial %u (%s first): \"%s\" does not start with \"%s\"",
                 trial, plans_first ? "plans" : "partners", message, expected);
    }
}

/* Where each name of names is in text, in the order of names. */
static void
assert_in_order (const char          *text,
                 const char * const  *names,
                 guint                n)
{
  const char *previous = text;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", names[i]);
      const char *at = strstr (text, quoted);

      g_assert_nonnull (at);
      if (at < previous)
        g_error ("%s is before %s in the saved text", names[i], names[i - 1]);
      previous = at;
    }
}

/* known members and unknown ones (each with value) mixed at random, the
 * unknown ones in the order of unknown, appended to out: "m, m, …". */
static void
append_mixed (GString            *out,
              GRand              *rand,
              const char * const *known,
              guint               n_known,
              const char * const *unknown,
              guint               n_unknown,
              const char         *value)
{
  g_autoptr(GPtrArray) slots = g_ptr_array_new ();
  guint k = 0;

  for (guint i = 0; i < n_known; i++)
    g_ptr_array_add (slots, (gpointer) known[i]);
  for (guint i = 0; i < n_unknown; i++)
    g_ptr_array_add (slots, NULL);
  shuffle (rand, slots->pdata, slots->len);
  for (guint i = 0; i < slots->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      if (slots->pdata[i] == NULL)
        g_string_append_printf (out, "\"%s\": %s", unknown[k++], value);
      else
        g_string_append (out, slots->pdata[i]);
    }
}

/* Members we do not know, in a plan, in an object nested in it and in an
 * item of its lists, mixed with members we know: a save writes each
 * object's in the order of the file. */
static void
test_unknown_members_in_file_order (void)
{
  static const char * const top[] = { "x_a", "x_b", "x_c", "x_d", "x_e" };
  static const char * const nested[] = { "x_n1", "x_n2", "x_n3", "x_n4" };
  static const char * const item[] = { "x_i1", "x_i2", "x_i3", "x_i4" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);

  for (guint trial = 0; trial < N_TRIALS; trial++)
    {
      const char *top_order[G_N_ELEMENTS (top)], *nested_order[G_N_ELEMENTS (nested)], *item_order[G_N_ELEMENTS (item)];
      static const char * const period_members[] = { "\"start\": \"2027-01-01\"", "\"end\": \"2027-06-30\"" };
      static const char * const action_members[] = { "\"id\": \"a-1\"", "\"title\": \"Call\"", "\"status\": \"done\"" };
      g_autoptr(GString) plan = g_string_new (NULL);
      g_autoptr(GString) period = g_string_new ("\"period\": { ");
      g_autoptr(GString) action = g_string_new ("\"actions\": [ { ");
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PactePortfolio) portfolio = NULL;
      g_autofree char *saved_text = NULL;
      const char *plan_text;

      memcpy (top_order, top, sizeof top_order);
      memcpy (nested_order, nested, sizeof nested_order);
      memcpy (item_order, item, sizeof item_order);
      shuffle (rand, (gpointer *) top_order, G_N_ELEMENTS (top_order));
      shuffle (rand, (gpointer *) nested_order, G_N_ELEMENTS (nested_order));
      shuffle (rand, (gpointer *) item_order, G_N_ELEMENTS (item_order));

      append_mixed (period, rand, period_members, G_N_ELEMENTS (period_members),
                    nested_order, G_N_ELEMENTS (nested_order), "1");
      g_string_append (period, " }");
      append_mixed (action, rand, action_members, G_N_ELEMENTS (action_members),
                    item_order, G_N_ELEMENTS (item_order), "[1]");
      g_string_append (action, " } ]");

      {
        const char *known[] = { "\"id\": \"plan-bad\"", "\"name\": \"Plan\"", "\"phase\": \"launch\"", period->str, action->str };
        g_autofree char *value = g_strdup_printf ("\"%u\"", trial);

        append_mixed (plan, rand, known, G_N_ELEMENTS (known), top_order, G_N_ELEMENTS (top_order), value);
      }
      bytes = portfolio_with_plan ((const char * const *) &plan->str, 1, FALSE);
      for (guint threads = 1; threads <= 2; threads++)
        {
          pacte_load_list_set_threads_for_tests (threads);
          g_clear_object (&portfolio);
          portfolio = pacte_portfolio_load_bytes (bytes, "team.pacte.json", NULL, &error);
          pacte_load_list_set_threads_for_tests (0);
          g_assert_no_error (error);
          g_clear_pointer (&saved, g_bytes_unref);
          saved = pacte_portfolio_to_bytes (portfolio);
          g_free (saved_text);
          saved_text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
          plan_text = strstr (saved_text, "\"plan-bad\"");
          g_assert_nonnull (plan_text);
          assert_in_order (plan_text, top_order, G_N_ELEMENTS (top_order));
          assert_in_order (plan_text, nested_order, G_N_ELEMENTS (nested_order));
          assert_in_order (plan_text, item_order, G_N_ELEMENTS (item_order));
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/load-order/first-problem", test_first_problem_in_file_order);
  g_test_add_func ("/load-order/first-problem-in-a-map", test_first_problem_in_a_map);
  g_test_add_func ("/load-order/first-unknown-partner", test_first_unknown_partner);
  g_test_add_func ("/load-order/unknown-members", test_unknown_members_in_file_order);

  return g_test_run ();
}
