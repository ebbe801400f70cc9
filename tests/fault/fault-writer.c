/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fault-writer.c: drives the core's real write paths for
 * test-fault-injection.py, which runs it under the fault shim.
 *
 *   fault-writer save|save-async IN OUT    load IN, change a plan's name,
 *                                          save to OUT (with OUT~ backup)
 *   fault-writer draft|draft-async IN DIR  write the draft "fault" of IN in DIR
 *
 * Exit 0 when written, 2 when the write failed with a truthful error (G_IO_ERROR
 * domain, the message naming the file and saying what is safe), 3 when the
 * error is not what it should be, 1 on a usage error. */
#include "config.h"

#include <string.h>

#include "pacte-drafts.h"
#include "pacte-portfolio.h"
#include "pacte-record.h"
#include "pacte-rules.h"

static GAsyncResult *async_result;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  async_result = g_object_ref (result);
}

static int
report (gboolean     ok,
        GError      *error,
        const char  *name,
        const char  *safe)
{
  if (ok)
    return 0;
  g_printerr ("%s\n", error->message);
  if (error->domain != G_IO_ERROR || strstr (error->message, name) == NULL
      || (safe != NULL && strstr (error->message, safe) == NULL))
    return 3;
  return 2;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GFile) in = NULL;
  g_autoptr(PactePortfolio) portfolio = NULL;
  g_autoptr(PacteRecord) plan = NULL;
  g_autoptr(GError) error = NULL;
  const char *mode;
  gboolean ok;

  if (argc != 4)
    return 1;
  mode = argv[1];
  in = g_file_new_for_path (argv[2]);
  portfolio = pacte_portfolio_load_file (in, pacte_rule_set_get_default (), NULL, &error);
  if (portfolio == NULL)
    {
      g_printerr ("cannot load %s: %s\n", argv[2], error->message);
      return 1;
    }
  plan = g_list_model_get_item (pacte_portfolio_get_plans (portfolio), 0);
  if (plan == NULL || !pacte_record_set_string (plan, PACTE_PLAN_NAME, "Changed by the fault test", &error))
    return 1;

  if (g_str_has_prefix (mode, "save"))
    {
      g_autoptr(GFile) out = g_file_new_for_path (argv[3]);
      gboolean existed = g_file_query_exists (out, NULL);
      const char *safe = existed ? "the original file was not changed" : "no file was written";

      if (g_str_equal (mode, "save"))
        ok = pacte_portfolio_save (portfolio, out, NULL, &error);
      else
        {
          pacte_portfolio_save_async (portfolio, out, NULL, done_cb, NULL);
          while (async_result == NULL)
            g_main_context_iteration (NULL, TRUE);
          ok = pacte_portfolio_save_finish (portfolio, async_result, &error);
          g_clear_object (&async_result);
        }
      /* A failed save leaves the work unsaved. */
      if (ok == pacte_portfolio_get_modified (portfolio))
        return 3;
      return report (ok, error, argv[3], safe);
    }
  if (g_str_has_prefix (mode, "draft"))
    {
      g_autoptr(GFile) dir = g_file_new_for_path (argv[3]);
      g_autoptr(PacteDraftStore) store = pacte_draft_store_new (dir);

      if (g_str_equal (mode, "draft"))
        ok = pacte_draft_store_save (store, "fault", portfolio, NULL, &error);
      else
        {
          pacte_draft_store_save_async (store, "fault", portfolio, NULL, done_cb, NULL);
          while (async_result == NULL)
            g_main_context_iteration (NULL, TRUE);
          ok = pacte_draft_store_save_finish (store, async_result, &error);
          g_clear_object (&async_result);
        }
      return report (ok, error, argv[3], NULL);
    }
  return 1;
}
