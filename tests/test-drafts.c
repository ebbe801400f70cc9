/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-drafts.c: drafts of unsaved portfolios and the autosave that keeps
 * them: what was typed survives a killed program, and disappears once saved. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pacte-drafts.h"
#include "pacte-test-utils.h"

typedef struct {
  char            *tmpdir;
  GFile           *drafts_dir;
  GFile           *file;        /* a copy of the sample portfolio */
  PacteDraftStore *store;
  PactePortfolio  *portfolio;   /* loaded from file */
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                   "sample.pacte.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  fx->tmpdir = g_dir_make_tmp ("pacte-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  fx->drafts_dir = g_file_new_build_filename (fx->tmpdir, "drafts", NULL);

  g_file_get_contents (sample, &contents, &len, &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->tmpdir, "alliances.pacte.json", NULL);
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  fx->file = g_file_new_for_path (path);

  fx->store = pacte_draft_store_new (fx->drafts_dir);
  fx->portfolio = pacte_portfolio_load_file (fx->file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fx->portfolio);
  g_assert_false (pacte_portfolio_get_modified (fx->portfolio));
}

static void
remove_tree (GFile *dir)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GFileInfo *info;
  GFile *child;

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (enumerator != NULL &&
         g_file_enumerator_iterate (enumerator, &info, &child, NULL, NULL) && info != NULL)
    {
      if (g_file_query_file_type (child, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_file_delete (child, NULL, NULL);
    }
  g_file_delete (dir, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GFile) tmp = g_file_new_for_path (fx->tmpdir);

  g_clear_object (&fx->portfolio);
  g_clear_object (&fx->store);
  g_clear_object (&fx->file);
  g_clear_object (&fx->drafts_dir);
  remove_tree (tmp);
  g_clear_pointer (&fx->tmpdir, g_free);
}

/* Edits a user could make: a title, a plan's first objective's target,
 * a new partner. */
static void
edit_portfolio (PactePortfolio *portfolio,
                const char     *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePartner) partner = g_object_new (PACTE_TYPE_PARTNER, NULL);
  g_autofree char *id = NULL;
  GListModel *plans = pacte_portfolio_get_plans (portfolio);
  GListModel *partners = pacte_portfolio_get_partners (portfolio);

  pacte_record_set_string (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_META_TITLE, title, &error);
  g_assert_no_error (error);

  if (g_list_model_get_n_items (plans) > 0)
    {
      g_autoptr(PacteRecord) plan = g_list_model_get_item (plans, 0);
      GListModel *objectives = pacte_record_get_list (plan, PACTE_PLAN_OBJECTIVES);

      if (g_list_model_get_n_items (objectives) > 0)
        {
          g_autoptr(PacteRecord) objective = g_list_model_get_item (objectives, 0);

          pacte_record_set_number (objective, PACTE_OBJECTIVE_TARGET, 123456, &error);
          g_assert_no_error (error);
        }
    }

  id = pacte_portfolio_new_id (portfolio, PACTE_RECORD (portfolio), PACTE_PORTFOLIO_PARTNERS, "p-");
  pacte_record_set_string (PACTE_RECORD (partner), PACTE_PARTNER_ID, id, &error);
  g_assert_no_error (error);
  pacte_record_set_string (PACTE_RECORD (partner), PACTE_PARTNER_NAME, "Intégrateurs Réunis « Sud »", &error);
  g_assert_no_error (error);
  pacte_record_list_insert (PACTE_RECORD (portfolio), PACTE_PORTFOLIO_PARTNERS,
                            g_list_model_get_n_items (partners), PACTE_RECORD (partner));
  g_assert_true (pacte_portfolio_get_modified (portfolio));
}

static void
assert_same_bytes (PactePortfolio *a,
                   PactePortfolio *b)
{
  g_autoptr(GBytes) ba = pacte_portfolio_to_bytes (a);
  g_autoptr(GBytes) bb = pacte_portfolio_to_bytes (b);

  g_assert_cmpmem (g_bytes_get_data (ba, NULL), g_bytes_get_size (ba),
                   g_bytes_get_data (bb, NULL), g_bytes_get_size (bb));
}

static guint
count_drafts (PacteDraftStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = pacte_draft_store_list (store, &error);

  g_assert_no_error (error);
  return drafts->len;
}

static void
test_save_list_load (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(PactePortfolio) restored = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) after = NULL;
  g_autofree char *id = pacte_draft_new_id ();
  PacteDraftInfo *info;

  g_assert_cmpuint (count_drafts (fx->store), ==, 0);

  edit_portfolio (fx->portfolio, "Alliances EMEA 2027 (brouillon)");
  g_assert_true (pacte_draft_store_save (fx->store, id, fx->portfolio, NULL, &error));
  g_assert_no_error (error);
  after = g_date_time_new_now_utc ();

  drafts = pacte_draft_store_list (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  info = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (pacte_draft_info_get_id (info), ==, id);
  g_assert_cmpstr (pacte_draft_info_get_title (info), ==, "Alliances EMEA 2027 (brouillon)");
  g_assert_nonnull (pacte_draft_info_get_file (info));
  g_assert_true (g_file_equal (pacte_draft_info_get_file (info), fx->file));
  /* ISO 8601 keeps microseconds: the time is the moment of the save. */
  g_assert_cmpint (g_date_time_compare (pacte_draft_info_get_saved (info), before), >=, 0);
  g_assert_cmpint (g_date_time_compare (pacte_draft_info_get_saved (info), after), <=, 0);

  {
    g_autofree char *found = pacte_draft_store_find_for_file (fx->store, fx->file);

    g_assert_cmpstr (found, ==, id);
  }

  restored = pacte_draft_store_load (fx->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (restored);
  g_assert_true (pacte_record_equal (PACTE_RECORD (restored), PACTE_RECORD (fx->portfolio)));
  assert_same_bytes (restored, fx->portfolio);
  g_assert_true (g_file_equal (pacte_portfolio_get_file (restored), fx->file));
  g_assert_cmpstr (pacte_portfolio_get_etag (restored), ==, pacte_portfolio_get_etag (fx->portfolio));
  /* The restored state was never saved to the file; nothing to undo. */
  g_assert_true (pacte_portfolio_get_modified (restored));
  g_assert_false (pacte_portfolio_can_undo (restored));

  /* Editing and undoing comes back to the restored state, still unsaved. */
  pacte_record_set_string (PACTE_RECORD (restored), PACTE_PORTFOLIO_META_OWNER, "Autre", &error);
  g_assert_no_error (error);
  g_assert_true (pacte_portfolio_undo (restored));
  g_assert_true (pacte_portfolio_get_modified (restored));
  g_assert_true (pacte_record_equal (PACTE_RECORD (restored), PACTE_RECORD (fx->portfolio)));

  /* Saving it writes the file and makes it clean. */
  g_assert_true (pacte_portfolio_save (restored, fx->file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pacte_portfolio_get_modified (restored));

  g_assert_true (pacte_draft_store_remove (fx->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_drafts (fx->store), ==, 0);
  /* Removing again is not an error. */
  g_assert_true (pacte_draft_store_remove (fx->store, id, &error));
  g_assert_no_error (error);
}

static void
test_new_portfolio (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) portfolio = pacte_portfolio_new ();
  g_autoptr(PactePortfolio) restored = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  PacteDraftInfo *info;

  edit_portfolio (portfolio, "Nouveau portefeuille");
  g_assert_true (pacte_draft_store_save (fx->store, "new-1", portfolio, NULL, &error));
  g_assert_no_error (error);

  drafts = pacte_draft_store_list (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  info = g_ptr_array_index (drafts, 0);
  g_assert_null (pacte_draft_info_get_file (info));
  g_assert_cmpstr (pacte_draft_info_get_title (info), ==, "Nouveau portefeuille");

  restored = pacte_draft_store_load (fx->store, "new-1", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (pacte_portfolio_get_file (restored));
  g_assert_null (pacte_portfolio_get_etag (restored));
  g_assert_true (pacte_portfolio_get_modified (restored));
  g_assert_true (pacte_record_equal (PACTE_RECORD (restored), PACTE_RECORD (portfolio)));
}

static void
test_newest_first_and_orphans (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) orphan = NULL;
  g_autoptr(GFile) stray = NULL;
  g_autoptr(PactePortfolio) restored = NULL;

  edit_portfolio (fx->portfolio, "Premier");
  g_assert_true (pacte_draft_store_save (fx->store, "a", fx->portfolio, NULL, &error));
  g_usleep (2000);
  edit_portfolio (fx->portfolio, "Second");
  g_assert_true (pacte_draft_store_save (fx->store, "b", fx->portfolio, NULL, &error));
  g_assert_no_error (error);

  /* Data whose description never got written (killed in between): still
   * listed, so what was typed can be restored. */
  g_usleep (50000); /* file times come from a coarse clock */
  bytes = pacte_portfolio_to_bytes (fx->portfolio);
  orphan = g_file_get_child (fx->drafts_dir, "orphan.pacte.json");
  g_assert_true (g_file_replace_contents (orphan, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                          NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  /* A description without data, and a file of something else: ignored. */
  stray = g_file_get_child (fx->drafts_dir, "gone.draft.json");
  g_assert_true (g_file_replace_contents (stray, "{}", 2, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);

  drafts = pacte_draft_store_list (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 3);
  /* The orphan's time is its modification time: the newest. */
  g_assert_cmpstr (pacte_draft_info_get_id (g_ptr_array_index (drafts, 0)), ==, "orphan");
  g_assert_null (pacte_draft_info_get_file (g_ptr_array_index (drafts, 0)));
  g_assert_cmpstr (pacte_draft_info_get_id (g_ptr_array_index (drafts, 1)), ==, "b");
  g_assert_cmpstr (pacte_draft_info_get_id (g_ptr_array_index (drafts, 2)), ==, "a");
  g_assert_cmpstr (pacte_draft_info_get_title (g_ptr_array_index (drafts, 2)), ==, "Premier");

  restored = pacte_draft_store_load (fx->store, "orphan", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pacte_record_equal (PACTE_RECORD (restored), PACTE_RECORD (fx->portfolio)));
}

static void
test_errors (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) restored = NULL;
  g_autoptr(GFile) broken = NULL;
  g_autoptr(GFile) blocker = NULL;
  g_autoptr(PacteDraftStore) blocked = NULL;
  g_autoptr(GPtrArray) drafts = NULL;

  /* An id that could escape the folder. */
  g_assert_false (pacte_draft_store_save (fx->store, "../evil", fx->portfolio, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "../evil"));
  g_clear_error (&error);

  /* A missing draft says which file it looked for. */
  restored = pacte_draft_store_load (fx->store, "missing", NULL, &error);
  g_assert_null (restored);
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "missing.pacte.json"));
  g_clear_error (&error);

  /* A damaged draft: the loader's message, naming the draft file. */
  g_assert_true (g_file_make_directory_with_parents (fx->drafts_dir, NULL, &error));
  broken = g_file_get_child (fx->drafts_dir, "broken.pacte.json");
  g_assert_true (g_file_replace_contents (broken, "{\"format\": ", 11, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  restored = pacte_draft_store_load (fx->store, "broken", NULL, &error);
  g_assert_null (restored);
  g_assert_error (error, PACTE_MODEL_ERROR, PACTE_MODEL_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "broken.pacte.json"));
  g_clear_error (&error);

  /* A drafts "folder" that is a file: a clear error, no crash. */
  blocker = g_file_get_child (fx->drafts_dir, "not-a-folder");
  g_assert_true (g_file_replace_contents (blocker, "x", 1, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error));
  blocked = pacte_draft_store_new (blocker);
  g_assert_false (pacte_draft_store_save (blocked, "x", fx->portfolio, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "not-a-folder"));
  g_clear_error (&error);
  drafts = pacte_draft_store_list (blocked, &error);
  g_assert_null (drafts);
  g_assert_nonnull (error);
}

static void
test_default_dir (void)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) expected = g_file_new_build_filename (g_get_user_data_dir (), "pacte", "drafts", NULL);
  g_autofree char *old = g_strdup (g_getenv ("PACTE_DRAFTS_DIR"));

  g_unsetenv ("PACTE_DRAFTS_DIR");
  dir = pacte_draft_store_default_dir ();
  g_assert_true (g_file_equal (dir, expected));
  g_clear_object (&dir);

  g_setenv ("PACTE_DRAFTS_DIR", "/tmp/pacte-test-drafts", TRUE);
  dir = pacte_draft_store_default_dir ();
  g_assert_cmpstr (g_file_peek_path (dir), ==, "/tmp/pacte-test-drafts");

  if (old != NULL)
    g_setenv ("PACTE_DRAFTS_DIR", old, TRUE);
  else
    g_unsetenv ("PACTE_DRAFTS_DIR");
}

/* ---- Autosave ----------------------------------------------------------- */

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
count_cb (PacteAutosave *autosave,
          guint         *count)
{
  (*count)++;
}

/* Runs the main loop until *counter moves past start, or 5 s. */
static void
wait_for_count (guint *counter,
                guint  start)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (5000, timeout_cb, &timed_out);

  while (*counter == start && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

/* Runs the main loop for ms milliseconds. */
static void
run_for (guint ms)
{
  gboolean timed_out = FALSE;

  g_timeout_add (ms, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_autosave (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PacteAutosave) autosave = pacte_autosave_new (fx->store, fx->portfolio, NULL);
  g_autoptr(PactePortfolio) restored = NULL;
  guint saved = 0;
  const char *id = pacte_autosave_get_draft_id (autosave);

  g_assert_nonnull (id);
  g_assert_cmpuint (pacte_autosave_get_delay (autosave), ==, PACTE_AUTOSAVE_DEFAULT_DELAY);
  pacte_autosave_set_delay (autosave, 50);
  g_signal_connect (autosave, "saved", G_CALLBACK (count_cb), &saved);

  /* Nothing happens while nothing is edited. */
  g_assert_false (pacte_autosave_get_pending (autosave));
  run_for (150);
  g_assert_cmpuint (count_drafts (fx->store), ==, 0);

  edit_portfolio (fx->portfolio, "Édité sans enregistrer");
  g_assert_true (pacte_autosave_get_pending (autosave));
  g_assert_cmpuint (count_drafts (fx->store), ==, 0);
  wait_for_count (&saved, 0);
  g_assert_false (pacte_autosave_get_pending (autosave));

  /* The draft is exactly the unsaved state. */
  restored = pacte_draft_store_load (fx->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pacte_record_equal (PACTE_RECORD (restored), PACTE_RECORD (fx->portfolio)));
  g_clear_object (&restored);

  /* A later edit updates the same draft. */
  edit_portfolio (fx->portfolio, "Encore édité");
  wait_for_count (&saved, 1);
  g_assert_cmpuint (count_drafts (fx->store), ==, 1);
  restored = pacte_draft_store_load (fx->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pacte_record_get_string (PACTE_RECORD (restored), PACTE_PORTFOLIO_META_TITLE),
                   ==, "Encore édité");
  g_clear_object (&restored);

  /* Saving the portfolio removes the draft: nothing left to recover. */
  g_assert_true (pacte_portfolio_save (fx->portfolio, fx->file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pacte_portfolio_get_modified (fx->portfolio));
  g_assert_cmpuint (count_drafts (fx->store), ==, 0);
  run_for (150);
  g_assert_cmpuint (count_drafts (fx->store), ==, 0);
  g_assert_cmpuint (saved, ==, 2);

  /* Edit, draft written, then undo back to the saved state: draft gone. */
  pacte_portfolio_break_merge (fx->portfolio);
  pacte_record_set_string (PACTE_RECORD (fx->portfolio), PACTE_PORTFOLIO_META_OWNER, "Quelqu'un d'autre", &error);
  g_assert_no_error (error);
  wait_for_count (&saved, 2);
  g_assert_cmpuint (count_drafts (fx->store), ==, 1);
  g_assert_true (pacte_portfolio_undo (fx->portfolio));
  g_assert_false (pacte_portfolio_get_modified (fx->portfolio));
  g_assert_cmpuint (count_drafts (fx->store), ==, 0);

  /* Redo makes it modified again: a new draft follows. */
  g_assert_true (pacte_portfolio_redo (fx->portfolio));
  wait_for_count (&saved, 3);
  g_assert_cmpuint (count_drafts (fx->store), ==, 1);

  /* Closed after discarding the changes: no draft. */
  g_assert_true (pacte_autosave_close (autosave, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_drafts (fx->store), ==, 0);

  /* Closed: edits no longer write drafts. */
  edit_portfolio (fx->portfolio, "Après fermeture");
  run_for (150);
  g_assert_cmpuint (count_drafts (fx->store), ==, 0);
}

static void
test_autosave_close_keep (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PacteAutosave) autosave = pacte_autosave_new (fx->store, fx->portfolio, "kept");
  g_autoptr(PactePortfolio) restored = NULL;

  g_assert_cmpstr (pacte_autosave_get_draft_id (autosave), ==, "kept");

  /* Quitting right after an edit, keeping the changes as a draft: written
   * at once, without waiting for the delay. */
  edit_portfolio (fx->portfolio, "Gardé pour plus tard");
  g_assert_true (pacte_autosave_get_pending (autosave));
  g_assert_true (pacte_autosave_close (autosave, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (pacte_autosave_get_pending (autosave));

  restored = pacte_draft_store_load (fx->store, "kept", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pacte_record_equal (PACTE_RECORD (restored), PACTE_RECORD (fx->portfolio)));
  g_clear_object (&restored);

  /* Dropping the autosave afterwards keeps the draft (as a crash would). */
  g_clear_object (&autosave);
  g_assert_cmpuint (count_drafts (fx->store), ==, 1);
}

static void
test_autosave_restored (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) restored = NULL;
  g_autoptr(PacteAutosave) autosave = NULL;
  guint saved = 0;

  edit_portfolio (fx->portfolio, "Avant la panne");
  g_assert_true (pacte_draft_store_save (fx->store, "crash", fx->portfolio, NULL, &error));
  g_assert_no_error (error);

  /* After restoring, the same draft keeps being updated, then removed on save. */
  restored = pacte_draft_store_load (fx->store, "crash", NULL, &error);
  g_assert_no_error (error);
  autosave = pacte_autosave_new (fx->store, restored, "crash");
  pacte_autosave_set_delay (autosave, 30);
  g_signal_connect (autosave, "saved", G_CALLBACK (count_cb), &saved);

  pacte_record_set_string (PACTE_RECORD (restored), PACTE_PORTFOLIO_META_TITLE, "Après la panne", &error);
  g_assert_no_error (error);
  wait_for_count (&saved, 0);
  g_assert_cmpuint (count_drafts (fx->store), ==, 1);

  g_assert_true (pacte_portfolio_save (restored, fx->file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_drafts (fx->store), ==, 0);
}

static void
test_autosave_saved_unchanged (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PactePortfolio) restored = NULL;
  g_autoptr(PacteAutosave) autosave = NULL;

  edit_portfolio (fx->portfolio, "Restauré puis enregistré tel quel");
  g_assert_true (pacte_draft_store_save (fx->store, "as-is", fx->portfolio, NULL, &error));
  g_assert_no_error (error);

  /* Restored and saved at once, without another edit: the draft goes too. */
  restored = pacte_draft_store_load (fx->store, "as-is", NULL, &error);
  g_assert_no_error (error);
  autosave = pacte_autosave_new (fx->store, restored, "as-is");
  g_assert_true (pacte_portfolio_save (restored, fx->file, NULL, &error));
  g_assert_no_error (error);
  pacte_autosave_update (autosave);
  g_assert_cmpuint (count_drafts (fx->store), ==, 0);
  g_assert_false (pacte_autosave_get_pending (autosave));
}

/* Typing postpones the draft until a pause, but never beyond the longest
 * wait: a user typing without pause still gets drafts. */
static void
test_autosave_waits_for_pause (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(PacteAutosave) autosave = pacte_autosave_new (fx->store, fx->portfolio, NULL);
  guint saved = 0;
  gint64 start, end;
  int i;

  pacte_autosave_set_delay (autosave, 100);
  g_signal_connect (autosave, "saved", G_CALLBACK (count_cb), &saved);

  /* An edit every 40 ms for 0.6 s: no draft yet (0.6 s < 10 delays). */
  for (i = 0; i < 15; i++)
    {
      g_autofree char *title = g_strdup_printf ("Frappe %d", i);

      edit_portfolio (fx->portfolio, title);
      run_for (40);
    }
  g_assert_cmpuint (saved, ==, 0);
  g_assert_true (pacte_autosave_get_pending (autosave));
  /* The pause: written. */
  wait_for_count (&saved, 0);
  g_assert_cmpuint (count_drafts (fx->store), ==, 1);

  /* Typing without pause for 1.6 s: written once the longest wait (1 s) is over. */
  start = g_get_monotonic_time ();
  end = start + 1600 * 1000;
  for (i = 0; g_get_monotonic_time () < end; i++)
    {
      g_autofree char *title = g_strdup_printf ("Sans pause %d", i);

      edit_portfolio (fx->portfolio, title);
      run_for (30);
    }
  g_assert_cmpuint (saved, >=, 2);
}

/* An edit made while a large draft is being written (its text made a slice
 * at a time, then written in a worker thread) is not lost: the draft ends
 * up holding it, and the portfolio stays modified. */
static void
test_autosave_edit_while_writing (Fixture       *fx,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PacteAutosave) autosave = NULL;
  g_autoptr(PactePortfolio) restored = NULL;
  g_autoptr(PacteRecord) last = NULL;
  GListModel *partners = pacte_portfolio_get_partners (fx->portfolio);
  guint saved = 0;

  pacte_test_add_partners (fx->portfolio, 20000);
  last = g_list_model_get_item (partners, g_list_model_get_n_items (partners) - 1);
  autosave = pacte_autosave_new (fx->store, fx->portfolio, NULL);
  pacte_autosave_set_delay (autosave, 1);
  g_signal_connect (autosave, "saved", G_CALLBACK (count_cb), &saved);

  /* The timer fires and the draft's text is being made. */
  while (pacte_autosave_get_pending (autosave))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (saved, ==, 0);
  pacte_record_set_string (last, PACTE_PARTNER_NAME, "Typed during the autosave", &error);
  g_assert_no_error (error);
  pacte_record_set_string (PACTE_RECORD (fx->portfolio), PACTE_PORTFOLIO_META_TITLE, "Titre tapé pendant l’écriture", &error);
  g_assert_no_error (error);

  /* The write in progress lands, then the one that holds the edits. */
  wait_for_count (&saved, 0);
  while (pacte_autosave_get_pending (autosave) || saved < 2)
    wait_for_count (&saved, saved);
  g_assert_true (pacte_portfolio_get_modified (fx->portfolio));
  restored = pacte_draft_store_load (fx->store, pacte_autosave_get_draft_id (autosave), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pacte_record_equal (PACTE_RECORD (restored), PACTE_RECORD (fx->portfolio)));
  g_assert_true (pacte_autosave_close (autosave, FALSE, &error));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/drafts/save-list-load", Fixture, NULL, fixture_set_up, test_save_list_load, fixture_tear_down);
  g_test_add ("/drafts/new-portfolio", Fixture, NULL, fixture_set_up, test_new_portfolio, fixture_tear_down);
  g_test_add ("/drafts/newest-first-and-orphans", Fixture, NULL, fixture_set_up, test_newest_first_and_orphans, fixture_tear_down);
  g_test_add ("/drafts/errors", Fixture, NULL, fixture_set_up, test_errors, fixture_tear_down);
  g_test_add_func ("/drafts/default-dir", test_default_dir);
  g_test_add ("/drafts/autosave", Fixture, NULL, fixture_set_up, test_autosave, fixture_tear_down);
  g_test_add ("/drafts/autosave-waits-for-pause", Fixture, NULL, fixture_set_up, test_autosave_waits_for_pause, fixture_tear_down);
  g_test_add ("/drafts/autosave-close-keep", Fixture, NULL, fixture_set_up, test_autosave_close_keep, fixture_tear_down);
  g_test_add ("/drafts/autosave-restored", Fixture, NULL, fixture_set_up, test_autosave_restored, fixture_tear_down);
  g_test_add ("/drafts/autosave-edit-while-writing", Fixture, NULL, fixture_set_up, test_autosave_edit_while_writing, fixture_tear_down);
  g_test_add ("/drafts/autosave-saved-unchanged", Fixture, NULL, fixture_set_up, test_autosave_saved_unchanged, fixture_tear_down);

  return g_test_run ();
}
