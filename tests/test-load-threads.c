/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-load-threads.c: a portfolio's lists read by two threads
 * (src/core/format/pacte-load-list.c) load what one thread loads, and fail
 * with the same message when a file has problems in the middle of a list,
 * whichever thread meets them; a cancel at any point stops the load with
 * nothing left behind (ASan and ThreadSanitizer builds check the leaks and
 * races). */
#include "config.h"

#include <string.h>

#include "pacte-portfolio.h"
#include "pacte-record-private.h"
#include "pacte-load-list-private.h"
#include "pacte-test-utils.h"

#define N_PARTNERS 1000
#define N_PLANS    900

/* What to break in the portfolio written by portfolio_text (). */
typedef struct
{
  int bad_date_plan;        /* a plan whose period starts on 30 February */
  int bad_segment_partner;  /* a partner whose segment is unknown */
  int duplicate_plan;       /* a plan with the id of the plan before it */
  int unknown_partner_plan; /* a plan naming a partner that does not exist */
  gboolean plans_first;     /* the plans before the partners in the file */
} Breaks;

#define NO_BREAKS { -1, -1, -1, -1, FALSE }

static void
append_partners (GString      *text,
                 const Breaks *b)
{
  g_string_append (text, "  \"partners\": [\n");
  for (int i = 0; i < N_PARTNERS; i++)
    g_string_append_printf (text,
                            "    { \"id\": \"p-%d\", \"name\": \"Partner %d\", \"segment\": \"%s\", "
                            "\"territories\": [\"FR\", \"BE\"], \"notes\": \"Joint work since %d.\" }%s\n",
                            i, i, i == b->bad_segment_partner ? "reseller" : "technology", 2000 + i % 25,
                            i + 1 < N_PARTNERS ? "," : "");
  g_string_append (text, "  ]");
}

static void
append_plans (GString      *text,
              const Breaks *b)
{
  g_string_append (text, "  \"plans\": [\n");
  for (int i = 0; i < N_PLANS; i++)
    {
      int id = i == b->duplicate_plan ? i - 1 : i;
      const char *partner = i == b->unknown_partner_plan ? "p-none" : NULL;
      g_autofree char *named = partner != NULL ? g_strdup (partner) : g_strdup_printf ("p-%d", i % N_PARTNERS);

      g_string_append_printf (text,
                              "    { \"id\": \"plan-%d\", \"name\": \"Plan %d\", \"partners\": [\"%s\"], "
                              "\"period\": { \"start\": \"%s\", \"end\": \"2027-12-31\" }, "
                              "\"objectives\": [ { \"id\": \"o-1\", \"title\": \"Grow %d\" }, { \"id\": \"o-2\", \"title\": \"Train\" } ], "
                              "\"actions\": [ { \"id\": \"a-1\", \"title\": \"Call\", \"status\": \"planned\" } ] }%s\n",
                              id, i, named, i == b->bad_date_plan ? "2027-02-30" : "2027-01-01", i,
                              i + 1 < N_PLANS ? "," : "");
    }
  g_string_append (text, "  ]");
}

static GBytes *
portfolio_text (const Breaks *b)
{
  GString *text = g_string_new ("{\n  \"format\": \"pacte-portfolio\",\n  \"version\": 1,\n");

  if (b->plans_first)
    {
      append_plans (text, b);
      g_string_append (text, ",\n");
      append_partners (text, b);
    }
  else
    {
      append_partners (text, b);
      g_string_append (text, ",\n");
      append_plans (text, b);
    }
  g_string_append (text, "\n}\n");
  return g_string_free_to_bytes (text);
}

/* The load's message with one thread and with two (several times: which
 * thread meets which item changes from run to run); they must be the same.
 * Returns it. */
static char *
message_both_ways (const Breaks *b,
                   int           code)
{
  g_autoptr(GBytes) bytes = portfolio_text (b);

  return pacte_test_load_message_both_ways (bytes, "big.pacte.json", code, 8);
}

static void
test_same_records (void)
{
  Breaks b = NO_BREAKS;
  g_autoptr(GBytes) bytes = portfolio_text (&b);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) one = NULL;
  g_autoptr(PactePortfolio) two = NULL;

  pacte_load_list_set_threads_for_tests (1);
  one = pacte_portfolio_load_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  pacte_load_list_set_threads_for_tests (2);
  two = pacte_portfolio_load_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  pacte_load_list_set_threads_for_tests (0);

  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_plans (two)), ==, N_PLANS);
  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_partners (two)), ==, N_PARTNERS);
  /* In the order of the file, equal to one thread's. */
  g_assert_true (pacte_record_equal (PACTE_RECORD (one), PACTE_RECORD (two)));
  for (guint i = 0; i < N_PLANS; i++)
    {
      g_autoptr(PacteRecord) plan = g_list_model_get_item (pacte_portfolio_get_plans (two), i);
      g_autofree char *id = g_strdup_printf ("plan-%u", i);

      g_assert_cmpstr (pacte_record_get_string (plan, PACTE_PLAN_ID), ==, id);
    }
  {
    g_autoptr(GBytes) a = pacte_portfolio_to_bytes (one);
    g_autoptr(GBytes) c = pacte_portfolio_to_bytes (two);

    g_assert_true (g_bytes_equal (a, c));
  }
}

static void
test_error_in_the_middle (void)
{
  Breaks b = NO_BREAKS;
  g_autofree char *message = NULL;

  b.bad_date_plan = 137;
  message = message_both_ways (&b, PACTE_MODEL_ERROR_INVALID);
  g_assert_cmpstr (message, ==, "big.pacte.json: plans[137].period.start: \"2027-02-30\" is not a real calendar date; "
                                "expected a date as \"YYYY-MM-DD\"");
}

static void
test_first_of_several_problems (void)
{
  g_autofree char *message = NULL;

  {
    /* Two bad plans next to each other, taken by different threads. */
    Breaks b = NO_BREAKS;

    b.bad_date_plan = 181;
    b.duplicate_plan = 180;
    message = message_both_ways (&b, PACTE_MODEL_ERROR_DUPLICATE_ID);
    g_assert_cmpstr (message, ==, "big.pacte.json: plans[180].id: duplicate id \"plan-179\", already used by plans[179]; "
                                  "expected each id once");
    g_clear_pointer (&message, g_free);
  }
  {
    /* The problem in the item first comes before a duplicate id after it. */
    Breaks b = NO_BREAKS;

    b.bad_date_plan = 100;
    b.duplicate_plan = 101;
    message = message_both_ways (&b, PACTE_MODEL_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (message, "big.pacte.json: plans[100].period.start: "));
    g_clear_pointer (&message, g_free);
  }
  {
    /* A partner's problem before any plan's: the partners come first. */
    Breaks b = NO_BREAKS;

    b.bad_segment_partner = 250;
    b.bad_date_plan = 3;
    message = message_both_ways (&b, PACTE_MODEL_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (message, "big.pacte.json: partners[250].segment: unknown value \"reseller\""));
    g_clear_pointer (&message, g_free);
  }
  {
    /* Plans before partners: a partner a plan names is only known missing
     * once the partners are read, after a problem in a partner. */
    Breaks b = NO_BREAKS;

    b.plans_first = TRUE;
    b.unknown_partner_plan = 150;
    message = message_both_ways (&b, PACTE_MODEL_ERROR_UNKNOWN_REFERENCE);
    g_assert_cmpstr (message, ==, "big.pacte.json: plans[150].partners[0]: unknown partner \"p-none\"; "
                                  "expected the id of one of the partners");
    g_clear_pointer (&message, g_free);

    b.bad_segment_partner = 299;
    message = message_both_ways (&b, PACTE_MODEL_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (message, "big.pacte.json: partners[299].segment: "));
  }
}

/* ---- Cancelling ------------------------------------------------------- */

typedef struct
{
  GCancellable *cancellable;
  guint         at;        /* cancel at this call (0: never) */
  guint         calls;
  guint         calls_after_cancel;
} Cancel;

static void
cancel_progress (guint64  done,
                 guint64  total,
                 gpointer data)
{
  Cancel *c = data;

  c->calls++;
  if (g_cancellable_is_cancelled (c->cancellable))
    c->calls_after_cancel++;
  if (c->calls == c->at)
    g_cancellable_cancel (c->cancellable);
  (void) done;
  (void) total;
}

static GFile *
write_file (GBytes *bytes)
{
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = g_file_new_tmp ("pacte-load-threads-XXXXXX.pacte.json", &stream, &error);

  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (stream)),
                                            g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                            NULL, NULL, &error));
  g_assert_true (g_io_stream_close (G_IO_STREAM (stream), NULL, &error));
  g_assert_no_error (error);
  return file;
}

/* A cancel at each progress step of the load (each about 1 % of the file,
 * 64 KiB at least) but the last (the load is then done), with one thread
 * and with two. */
static void
test_cancel_anywhere (void)
{
  Breaks b = NO_BREAKS;
  g_autoptr(GBytes) bytes = portfolio_text (&b);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (bytes);
  guint n_calls;

  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(PactePortfolio) portfolio = NULL;
    Cancel c = { cancellable, 0, 0, 0 };

    portfolio = pacte_portfolio_load_file_with_progress (file, NULL, cancel_progress, &c, cancellable, &error);
    g_assert_no_error (error);
    n_calls = c.calls;
    g_assert_cmpuint (n_calls, >=, 6);
  }
  for (guint threads = 1; threads <= 2; threads++)
    for (guint at = 1; at < n_calls; at++)
      {
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        g_autoptr(PactePortfolio) portfolio = NULL;
        Cancel c = { cancellable, at, 0, 0 };

        pacte_load_list_set_threads_for_tests (threads);
        portfolio = pacte_portfolio_load_file_with_progress (file, NULL, cancel_progress, &c, cancellable, &error);
        /* Nothing loaded, no more progress once cancelled. */
        g_assert_null (portfolio);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        g_assert_cmpuint (c.calls, ==, at);
        g_assert_cmpuint (c.calls_after_cancel, ==, 0);
        g_clear_error (&error);
      }
  pacte_load_list_set_threads_for_tests (0);

  /* Cancelled before the load: nothing read. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(PactePortfolio) portfolio = NULL;

    g_cancellable_cancel (cancellable);
    portfolio = pacte_portfolio_load_file_with_progress (file, NULL, NULL, NULL, cancellable, &error);
    g_assert_null (portfolio);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }
  g_file_delete (file, NULL, NULL);
}

/* Progress in steps, in order, from the calling thread, with two threads. */
typedef struct
{
  GThread *thread;
  GArray  *steps;   /* guint64 */
} Steps;

static void
record_progress (guint64  done,
                 guint64  total,
                 gpointer data)
{
  Steps *s = data;

  g_assert_true (g_thread_self () == s->thread);
  g_array_append_val (s->steps, done);
  (void) total;
}

static void
test_progress_in_order (void)
{
  Breaks b = NO_BREAKS;
  g_autoptr(GBytes) bytes = portfolio_text (&b);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file (bytes);
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (guint64));
  Steps s = { g_thread_self (), steps };

  pacte_load_list_set_threads_for_tests (2);
  portfolio = pacte_portfolio_load_file_with_progress (file, NULL, record_progress, &s, NULL, &error);
  pacte_load_list_set_threads_for_tests (0);
  g_assert_no_error (error);
  g_assert_nonnull (portfolio);
  /* One step every 64 KiB of the file, in order, and the end. */
  g_assert_cmpuint (steps->len, >=, g_bytes_get_size (bytes) / (64 * 1024));
  for (guint i = 1; i < steps->len; i++)
    g_assert_cmpuint (g_array_index (steps, guint64, i), >=, g_array_index (steps, guint64, i - 1));
  g_assert_cmpuint (g_array_index (steps, guint64, steps->len - 1), ==, g_bytes_get_size (bytes));
  g_file_delete (file, NULL, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/load-threads/same-records", test_same_records);
  g_test_add_func ("/load-threads/error-in-the-middle", test_error_in_the_middle);
  g_test_add_func ("/load-threads/first-of-several-problems", test_first_of_several_problems);
  g_test_add_func ("/load-threads/cancel-anywhere", test_cancel_anywhere);
  g_test_add_func ("/load-threads/progress-in-order", test_progress_in_order);
  return g_test_run ();
}
