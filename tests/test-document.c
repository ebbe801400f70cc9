/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-document.c: a document (PacteDocument) loads in the background and
 * keeps what it shows when a load fails or is cancelled; it saves without
 * taking its own write for someone else's; its draft is kept for unsaved
 * work and goes once the work is saved or discarded. */
#include "config.h"

#include <string.h>

#include "pacte-analysis.h"
#include "pacte-document.h"
#include "pacte-load-companion.h"
#include "pacte-load-list-private.h"
#include "pacte-test-utils.h"

typedef struct {
  char            *tmpdir;
  GFile           *file;        /* a copy of the sample */
  GFile           *broken;      /* not a portfolio */
  PacteDraftStore *store;
  PacteDocument   *document;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *sample = pacte_test_sample_path ();
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *broken = NULL;
  g_autoptr(GFile) drafts = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  fx->tmpdir = g_dir_make_tmp ("pacte-document-XXXXXX", &error);
  g_assert_no_error (error);
  g_file_get_contents (sample, &contents, &len, &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->tmpdir, "alliances.pacte.json", NULL);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  fx->file = g_file_new_for_path (path);
  broken = g_build_filename (fx->tmpdir, "broken.pacte.json", NULL);
  g_file_set_contents (broken, "{ \"format\": \"pacte-portfolio\", ", -1, &error);
  g_assert_no_error (error);
  fx->broken = g_file_new_for_path (broken);

  drafts = g_file_new_build_filename (fx->tmpdir, "drafts", NULL);
  fx->store = pacte_draft_store_new (drafts);
  fx->document = pacte_document_new (fx->store, pacte_rule_set_get_default ());
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->document);
  g_clear_object (&fx->store);
  g_clear_object (&fx->file);
  g_clear_object (&fx->broken);
  pacte_test_remove_tree (fx->tmpdir);
  g_clear_pointer (&fx->tmpdir, g_free);
}

typedef struct {
  GAsyncResult *result;
} Wait;

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Wait *wait = data;

  wait->result = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return ((Wait *) data)->result != NULL;
}

/* Loads file and waits: TRUE, or FALSE with error set. */
static gboolean
load (PacteDocument  *document,
      GFile          *file,
      GError        **error)
{
  Wait wait = { NULL };
  gboolean ok;

  pacte_document_load_async (document, file, NULL, got_result, &wait);
  g_assert_true (pacte_document_get_loading (document));
  g_assert_true (g_file_equal (pacte_document_get_file (document), file));
  g_assert_true (pacte_test_wait_for (has_result, &wait, 30000));
  ok = pacte_document_load_finish (document, wait.result, error);
  g_object_unref (wait.result);
  g_assert_false (pacte_document_get_loading (document));
  return ok;
}

static guint
n_drafts (Fixture *fx)
{
  g_autoptr(GPtrArray) drafts = pacte_draft_store_list (fx->store, NULL);

  return drafts != NULL ? drafts->len : 0;
}

static void
edit (PacteDocument *document)
{
  PactePortfolio *portfolio = pacte_document_get_portfolio (document);
  g_autoptr(PactePlan) plan = g_list_model_get_item (pacte_portfolio_get_plans (portfolio), 0);
  g_autoptr(GError) error = NULL;

  pacte_record_set_string (PACTE_RECORD (plan), PACTE_PLAN_NAME, "Renamed while open", &error);
  g_assert_no_error (error);
  g_assert_true (pacte_document_get_modified (document));
}

static void
test_load (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PactePortfolio *shown;

  g_assert_null (pacte_document_get_portfolio (fx->document));
  g_assert_true (load (fx->document, fx->file, &error));
  g_assert_no_error (error);
  shown = pacte_document_get_portfolio (fx->document);
  g_assert_nonnull (shown);
  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_plans (shown)), >, 0);
  g_assert_true (g_file_equal (pacte_document_get_file (fx->document), fx->file));
  g_assert_nonnull (pacte_document_get_watch (fx->document));
  g_assert_nonnull (pacte_document_get_autosave (fx->document));
  g_assert_cmpfloat (pacte_document_get_progress (fx->document), ==, 0);

  /* A file that is not a portfolio: the message names it, the portfolio
   * shown stays, edits and all. */
  edit (fx->document);
  g_assert_false (load (fx->document, fx->broken, &error));
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "broken.pacte.json"));
  g_assert_true (pacte_document_get_portfolio (fx->document) == shown);
  g_assert_true (pacte_document_get_modified (fx->document));
  g_assert_true (g_file_equal (pacte_document_get_file (fx->document), fx->file));
}

static void
take_prepared_cb (PacteDocument      *document,
                  GParamSpec         *pspec,
                  PacteLoadPrepared **prepared)
{
  PactePortfolio *portfolio = pacte_document_get_portfolio (document);

  if (portfolio != NULL)
    *prepared = pacte_document_take_prepared (document, portfolio);
}

static void
assert_in_name_order (GPtrArray  *records,
                      GListModel *list)
{
  g_assert_cmpuint (records->len, ==, g_list_model_get_n_items (list));
  for (guint i = 1; i < records->len; i++)
    g_assert_cmpint (pacte_name_order_compare (g_ptr_array_index (records, i - 1),
                                               g_ptr_array_index (records, i)), <=, 0);
}

/* A load asked to prepare evaluates every plan and orders the plans and
 * partners by name in its worker thread, for whoever shows the portfolio. */
static void
test_prepare (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(PacteLoadPrepared) prepared = NULL;
  g_autoptr(GError) error = NULL;
  guint32 today = pacte_date_parse ("2027-03-15");
  PactePortfolio *portfolio;
  guint n_plans;

  /* Not asked: nothing prepared. */
  g_signal_connect (fx->document, "notify::portfolio", G_CALLBACK (take_prepared_cb), &prepared);
  g_assert_true (load (fx->document, fx->file, &error));
  g_assert_no_error (error);
  g_assert_null (prepared);

  pacte_document_set_prepare (fx->document, today, "fr");
  g_assert_true (load (fx->document, fx->file, &error));
  g_assert_no_error (error);
  portfolio = pacte_document_get_portfolio (fx->document);
  g_assert_nonnull (prepared);
  g_assert_true (prepared->portfolio == portfolio);
  g_assert_true (prepared->rules == pacte_rule_set_get_default ());
  g_assert_cmpuint (prepared->today, ==, today);
  g_assert_cmpstr (prepared->lang, ==, "fr");
  /* Taken once. */
  g_assert_null (pacte_document_take_prepared (fx->document, portfolio));

  /* Every plan evaluated already: asking for results evaluates nothing. */
  n_plans = g_list_model_get_n_items (pacte_portfolio_get_plans (portfolio));
  g_assert_cmpuint (n_plans, >, 1);
  g_assert_cmpuint (pacte_evaluator_get_n_evaluations (prepared->evaluator), ==, n_plans);
  for (guint i = 0; i < n_plans; i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (pacte_portfolio_get_plans (portfolio), i);

      g_assert_cmpint (pacte_plan_results_get_score (pacte_evaluator_get_results (prepared->evaluator, plan)), >=, 0);
    }
  g_assert_cmpuint (pacte_evaluator_get_n_evaluations (prepared->evaluator), ==, n_plans);

  assert_in_name_order (prepared->plans_by_name, pacte_portfolio_get_plans (portfolio));
  assert_in_name_order (prepared->partners_by_name, pacte_portfolio_get_partners (portfolio));

  /* The rule summaries made for that day in the worker serve this thread
   * once it takes them over (as the window's context does): an unchanged
   * plan evaluated again runs no check. */
  {
    g_autoptr(PacteRuleSummaries) summaries = pacte_rule_summaries_attach (portfolio, prepared->rules);
    g_autoptr(PactePlan) plan = g_list_model_get_item (pacte_portfolio_get_plans (portfolio), 0);
    g_autofree PacteRuleOutcome *outcomes = g_new0 (PacteRuleOutcome, pacte_rule_set_get_n_rules (prepared->rules));
    guint64 runs = pacte_rule_summaries_get_n_runs (summaries);

    g_assert_cmpuint (runs, >, 0);
    pacte_evaluate_plan (prepared->rules, portfolio, plan, today, "fr", outcomes);
    g_assert_cmpuint (pacte_rule_summaries_get_n_runs (summaries), ==, runs);
  }
}

static char *
generate_large (Fixture    *fx,
                const char *name,
                gboolean    plans_first)
{
  char *path = pacte_test_generate (fx->tmpdir, name, 60, 300, "7");
  /* The same portfolio with its plans before its partners. */
  const char *reorder[] = { "python3", "-c",
                            "import json, sys\n"
                            "d = json.load(open(sys.argv[1]))\n"
                            "partners = d.pop('partners')\n"
                            "d['partners'] = partners\n"
                            "json.dump(d, open(sys.argv[1], 'w'), indent=2)\n",
                            path, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (plans_first)
    {
      g_assert_true (g_spawn_sync (NULL, (char **) reorder, NULL, G_SPAWN_SEARCH_PATH,
                                   NULL, NULL, NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  return path;
}

/* Every plan's lights and explanations in portfolio as a plain load of the
 * same file and a check run from scratch find them. */
static void
assert_same_outcomes (PactePortfolio *portfolio,
                      GFile          *file,
                      guint32         today)
{
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  guint n_rules = pacte_rule_set_get_n_rules (rules);
  g_autofree PacteRuleOutcome *got = g_new0 (PacteRuleOutcome, n_rules);
  g_autofree PacteRuleOutcome *expected = g_new0 (PacteRuleOutcome, n_rules);
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) plain = pacte_portfolio_load_file (file, rules, NULL, &error);
  GListModel *plans = pacte_portfolio_get_plans (portfolio);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, g_list_model_get_n_items (pacte_portfolio_get_plans (plain)));
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);
      g_autoptr(PactePlan) plain_plan = g_list_model_get_item (pacte_portfolio_get_plans (plain), i);

      g_assert_cmpint (pacte_evaluate_plan (rules, portfolio, plan, today, "en", got), ==,
                       pacte_evaluate_plan (rules, plain, plain_plan, today, "en", expected));
      for (guint r = 0; r < n_rules; r++)
        {
          g_assert_cmpint (got[r].status, ==, expected[r].status);
          g_assert_cmpstr (got[r].explanation, ==, expected[r].explanation);
        }
    }
}

/* A portfolio large enough for the preparation to take a second thread
 * (the lists' order and the overdue count beside the checks): the same
 * outcome as one thread doing each step in turn. */
static void
test_prepare_large (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *path = generate_large (fx, "large.pacte.json", FALSE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PacteLoadPrepared) prepared = NULL;
  g_autoptr(GError) error = NULL;
  guint32 today = pacte_date_parse ("2027-03-15");
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  guint n_rules = pacte_rule_set_get_n_rules (rules);
  g_autofree PacteRuleOutcome *outcomes = g_new0 (PacteRuleOutcome, n_rules);
  PactePortfolio *portfolio;
  GListModel *plans;
  guint n_overdue;

  g_signal_connect (fx->document, "notify::portfolio", G_CALLBACK (take_prepared_cb), &prepared);
  pacte_document_set_prepare (fx->document, today, "en");
  g_assert_true (load (fx->document, file, &error));
  g_assert_no_error (error);
  portfolio = pacte_document_get_portfolio (fx->document);
  g_assert_nonnull (prepared);
  plans = pacte_portfolio_get_plans (portfolio);
  g_assert_cmpuint (g_list_model_get_n_items (plans), ==, 60);
  g_assert_cmpuint (g_list_model_get_n_items (pacte_portfolio_get_partners (portfolio)), ==, 300);

  assert_in_name_order (prepared->plans_by_name, plans);
  assert_in_name_order (prepared->partners_by_name, pacte_portfolio_get_partners (portfolio));
  n_overdue = pacte_agenda_count_overdue_at (portfolio, today);
  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpuint (prepared->n_overdue, ==, n_overdue);

  /* Every plan's lights as a check run now finds them. */
  g_assert_cmpuint (pacte_evaluator_get_n_evaluations (prepared->evaluator), ==, 60);
  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(PactePlan) plan = g_list_model_get_item (plans, i);
      PactePlanResults *results = pacte_evaluator_get_results (prepared->evaluator, plan);

      pacte_evaluate_plan (rules, portfolio, plan, today, "en", outcomes);
      for (guint r = 0; r < n_rules; r++)
        {
          PacteRuleResult *result = pacte_plan_results_get_result (results, r);

          g_assert_cmpint (pacte_rule_result_get_status (result), ==, outcomes[r].status);
          g_assert_cmpstr (pacte_rule_result_get_explanation (result), ==, outcomes[r].explanation);
        }
    }
}

/* The companion of a load sorts the partners once they are read and makes
 * each plan's summary as the load builds it: after the load, every plan's
 * summary is current (making them all again runs no check), and the lights
 * are those of a check from scratch.  Plans read before the partners get
 * no summary beside the load; the worker makes theirs afterwards. */
static void
test_load_companion (Fixture       *fx,
                     gconstpointer  data)
{
  PacteRuleSet *rules = pacte_rule_set_get_default ();
  guint32 today = pacte_date_parse ("2027-03-15");

  /* 0: in order; 1: the plans first; 2: in order, the lists read by two
   * threads (the items reach the companion in order all the same). */
  for (guint order = 0; order < 3; order++)
    {
      g_autofree char *path = generate_large (fx, order == 1 ? "plans-first.pacte.json" : "in-order.pacte.json", order == 1);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(PacteLoadCompanion) companion = pacte_load_companion_new (rules, today);
      g_autoptr(PactePortfolio) portfolio = NULL;
      g_autoptr(GPtrArray) partners = NULL;
      g_autoptr(PacteRuleSummaries) summaries = NULL;
      g_autoptr(GError) error = NULL;
      guint64 runs;

      pacte_load_list_set_threads_for_tests (order == 2 ? 2 : 1);
      portfolio = pacte_portfolio_load_file_observed (file, rules, NULL, NULL, pacte_load_companion_get_observer (),
                                                      companion, NULL, &error);
      pacte_load_list_set_threads_for_tests (0);
      g_assert_no_error (error);
      g_assert_nonnull (portfolio);
      partners = pacte_load_companion_finish (companion, portfolio);
      g_assert_nonnull (partners);
      assert_in_name_order (partners, pacte_portfolio_get_partners (portfolio));

      summaries = pacte_rule_summaries_attach (portfolio, rules);
      runs = pacte_rule_summaries_get_n_runs (summaries);
      if (order != 1)
        g_assert_cmpuint (runs, >=, 60);
      else
        g_assert_cmpuint (runs, ==, 0);
      pacte_rule_summaries_make (portfolio, rules, today, NULL);
      if (order != 1)
        g_assert_cmpuint (pacte_rule_summaries_get_n_runs (summaries), ==, runs);
      else
        g_assert_cmpuint (pacte_rule_summaries_get_n_runs (summaries), >=, 60);
      assert_same_outcomes (portfolio, file, today);
    }

  /* A load that fails: the companion stops, nothing is sorted. */
  {
    g_autoptr(PacteLoadCompanion) companion = pacte_load_companion_new (rules, today);
    g_autoptr(GError) error = NULL;

    g_assert_null (pacte_portfolio_load_file_observed (fx->broken, rules, NULL, NULL,
                                                       pacte_load_companion_get_observer (), companion, NULL, &error));
    g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_SYNTAX);
    g_assert_null (pacte_load_companion_finish (companion, NULL));
  }
}

/* Names in the order a person expects: accents and case do not count but
 * to break ties, numbers by value; a renamed record compares by its new
 * name. */
static void
test_name_order (void)
{
  static const char * const names[] = { "alpha", "B\u00e9rard", "b\u00e9rard", "Brightwater", "\u00c9lectronique",
                                        "Plan #2", "Plan #10", "Zebra" };
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = G_N_ELEMENTS (names); i > 0; i--)
    {
      PacteRecord *plan = g_object_new (PACTE_TYPE_PLAN, NULL);

      g_assert_true (pacte_record_set_string (plan, PACTE_PLAN_NAME, names[i - 1], &error));
      g_assert_no_error (error);
      g_ptr_array_add (plans, plan);
    }
  pacte_name_order_sort (plans);
  /* "Bérard" and "bérard" are equal but for the tiebreak: either order,
   * always the same one. */
  g_assert_cmpint (pacte_name_order_compare (g_ptr_array_index (plans, 1), g_ptr_array_index (plans, 2)), !=, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *name = pacte_record_get_string (g_ptr_array_index (plans, i), PACTE_PLAN_NAME);

      if (i == 1 || i == 2)
        g_assert_true (g_str_equal (name, names[1]) || g_str_equal (name, names[2]));
      else
        g_assert_cmpstr (name, ==, names[i]);
    }

  /* The keys: accents dropped, the case folded, numbers at a fixed width;
   * plain ASCII names (folded byte by byte) as any other. */
  {
    static const struct { const char *name, *key; } keys[] = {
      { "Plan #10 ABC", "plan #00000000000000000010 abc" },
      { "plan #0010 abc", "plan #00000000000000000010 abc" },
      { "\u00c9LECTRONIQUE Z\u00fcrich", "electronique zurich" },
      { "Electronique Zurich", "electronique zurich" },
      { "~Tilde_[Under]@Score!", "~tilde_[under]@score!" },
      { "", "" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        g_autofree char *key = pacte_name_sort_key (keys[i].name);
        g_autofree char *folded = pacte_name_fold (keys[i].name);
        g_autofree char *casefolded = g_utf8_casefold (folded, -1);

        g_assert_cmpstr (key, ==, keys[i].key);
        /* The same as the general path's case folding. */
        if (strpbrk (keys[i].name, "0123456789") == NULL)
          g_assert_cmpstr (key, ==, casefolded);
      }
  }

  /* "Zebra" renamed "Aardvark" is first now. */
  g_assert_true (pacte_record_set_string (g_ptr_array_index (plans, 7), PACTE_PLAN_NAME, "Aardvark", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pacte_name_order_compare (g_ptr_array_index (plans, 7), g_ptr_array_index (plans, 0)), <, 0);
}

static void
test_cancel (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PactePortfolio *shown;
  Wait wait = { NULL };

  g_assert_true (load (fx->document, fx->file, &error));
  shown = pacte_document_get_portfolio (fx->document);
  edit (fx->document);

  pacte_document_load_async (fx->document, fx->file, NULL, got_result, &wait);
  pacte_document_cancel_load (fx->document);
  g_assert_false (pacte_document_get_loading (fx->document));
  g_assert_true (pacte_test_wait_for (has_result, &wait, 30000));
  g_assert_false (pacte_document_load_finish (fx->document, wait.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&wait.result);
  g_clear_error (&error);
  /* As it was: the same portfolio, its edit, its file. */
  g_assert_true (pacte_document_get_portfolio (fx->document) == shown);
  g_assert_true (pacte_document_get_modified (fx->document));

  /* A second open replaces the first, which reports its cancellation. */
  {
    Wait first = { NULL }, second = { NULL };

    pacte_document_load_async (fx->document, fx->broken, NULL, got_result, &first);
    pacte_document_load_async (fx->document, fx->file, NULL, got_result, &second);
    g_assert_true (pacte_test_wait_for (has_result, &second, 30000));
    g_assert_true (pacte_test_wait_for (has_result, &first, 30000));
    g_assert_false (pacte_document_load_finish (fx->document, first.result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_true (pacte_document_load_finish (fx->document, second.result, NULL));
    g_object_unref (first.result);
    g_object_unref (second.result);
  }
  g_assert_true (pacte_document_get_portfolio (fx->document) != shown);
  g_assert_false (pacte_document_get_modified (fx->document));
  /* The edits of the portfolio replaced were kept as a draft. */
  g_assert_cmpuint (n_drafts (fx), ==, 1);
}

static void
test_save (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  Wait wait = { NULL };

  g_assert_true (load (fx->document, fx->file, &error));
  edit (fx->document);
  g_assert_true (pacte_autosave_flush (pacte_document_get_autosave (fx->document), &error));
  g_assert_cmpuint (n_drafts (fx), ==, 1);
  etag = g_strdup (pacte_portfolio_get_etag (pacte_document_get_portfolio (fx->document)));

  g_assert_false (pacte_document_save_would_overwrite (fx->document, fx->file));
  pacte_document_save_async (fx->document, NULL, NULL, got_result, &wait);
  g_assert_true (pacte_test_wait_for (has_result, &wait, 30000));
  g_assert_true (pacte_document_save_finish (fx->document, wait.result, &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);

  g_assert_false (pacte_document_get_modified (fx->document));
  g_assert_cmpstr (etag, !=, pacte_portfolio_get_etag (pacte_document_get_portfolio (fx->document)));
  /* Saved: the draft goes; our own write is not a change on disk. */
  g_assert_cmpuint (n_drafts (fx), ==, 0);
  g_usleep (200 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (pacte_file_watch_get_state (pacte_document_get_watch (fx->document)), ==,
                   PACTE_DISK_STATE_SAME);
  g_assert_false (pacte_document_save_would_overwrite (fx->document, fx->file));

  /* Another program writes the file: saving would overwrite its version. */
  {
    g_autofree char *path = g_file_get_path (fx->file);

    g_file_set_contents (path, "{}", -1, &error);
    g_assert_no_error (error);
  }
  g_assert_true (pacte_document_save_would_overwrite (fx->document, fx->file));
}

static void
test_close (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  char *id;

  /* Closed with unsaved changes: the draft is written and kept. */
  g_assert_true (load (fx->document, fx->file, &error));
  edit (fx->document);
  g_assert_true (pacte_document_close (fx->document, &error));
  g_assert_no_error (error);
  g_assert_null (pacte_document_get_portfolio (fx->document));
  g_assert_null (pacte_document_get_file (fx->document));
  drafts = pacte_draft_store_list (fx->store, &error);
  g_assert_cmpuint (drafts->len, ==, 1);
  id = g_strdup (pacte_draft_info_get_id (g_ptr_array_index (drafts, 0)));

  /* Restored: the edit is back, and the draft stays until saved or
   * discarded, even unedited. */
  g_assert_true (pacte_document_restore_draft (fx->document, fx->store, id, &error));
  g_assert_no_error (error);
  g_assert_true (pacte_document_get_modified (fx->document));
  {
    g_autoptr(PactePlan) plan = g_list_model_get_item (pacte_portfolio_get_plans (pacte_document_get_portfolio (fx->document)), 0);

    g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (plan), PACTE_PLAN_NAME), ==, "Renamed while open");
  }
  g_assert_cmpstr (pacte_autosave_get_draft_id (pacte_document_get_autosave (fx->document)), ==, id);
  g_assert_true (pacte_document_close (fx->document, &error));
  g_assert_cmpuint (n_drafts (fx), ==, 1);

  /* Discarded: the draft goes now, and closing keeps none. */
  g_assert_true (pacte_document_restore_draft (fx->document, fx->store, id, &error));
  g_assert_true (pacte_document_discard_changes (fx->document, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_drafts (fx), ==, 0);
  g_assert_true (pacte_document_close (fx->document, &error));
  g_assert_cmpuint (n_drafts (fx), ==, 0);
  g_free (id);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/document/load", Fixture, NULL, fixture_set_up, test_load, fixture_tear_down);
  g_test_add ("/document/prepare-large", Fixture, NULL, fixture_set_up, test_prepare_large, fixture_tear_down);
  g_test_add ("/document/load-companion", Fixture, NULL, fixture_set_up, test_load_companion, fixture_tear_down);
  g_test_add ("/document/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/document/prepare", Fixture, NULL, fixture_set_up, test_prepare, fixture_tear_down);
  g_test_add_func ("/document/name-order", test_name_order);
  g_test_add ("/document/save", Fixture, NULL, fixture_set_up, test_save, fixture_tear_down);
  g_test_add ("/document/close", Fixture, NULL, fixture_set_up, test_close, fixture_tear_down);
  return g_test_run ();
}
