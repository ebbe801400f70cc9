/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-cli-merge.c: pacte --merge BASE OURS THEIRS [-o OUT], the semantic
 * three-way merge, usable as git's merge driver
 * (merge.pacte.driver = pacte --merge %O %A %B: the result goes to OURS).
 *
 * Exit status: 0 merged cleanly; 1 merged with conflicts (the file written
 * is a valid portfolio holding our values, the conflicts recorded in its
 * "merge_conflicts" member, so git marks it conflicted); 2 a side cannot be
 * used or the result cannot be written (nothing is written). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pacte-atomic-file.h"
#include "pacte-cli.h"
#include "pacte-i18n.h"
#include "pacte-merge.h"

/* git gives an empty file as the ancestor when both branches added the file. */
static gboolean
is_empty_file (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (contents[i]))
      return FALSE;
  return TRUE;
}

int
pacte_cli_merge (PacteCliOptions *options)
{
  const char *base_path = options->args[0];
  const char *our_path = options->args[1];
  const char *their_path = options->args[2];
  const char *out_path = options->output != NULL ? options->output : our_path;
  g_autoptr(PactePortfolio) base = NULL;
  g_autoptr(PactePortfolio) ours = NULL;
  g_autoptr(PactePortfolio) theirs = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GBytes) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) target = NULL;
  gconstpointer data;
  gsize len;

  pacte_atomic_remove_temp_on_signals ();
  if (options->output != NULL && !pacte_cli_check_output (options->output, our_path, FALSE))
    return PACTE_CLI_EXIT_BAD_FILE;
  if (!is_empty_file (base_path))
    {
      base = pacte_cli_load (base_path);
      if (base == NULL)
        return PACTE_CLI_EXIT_BAD_FILE;
    }
  ours = pacte_cli_load (our_path);
  if (ours == NULL)
    return PACTE_CLI_EXIT_BAD_FILE;
  theirs = pacte_cli_load (their_path);
  if (theirs == NULL)
    return PACTE_CLI_EXIT_BAD_FILE;

  merged = pacte_merge_portfolios (base, ours, theirs, pacte_rule_set_get_default (), &conflicts, &error);
  if (merged == NULL)
    {
      pacte_cli_error (_("%s: %s; nothing was written"), out_path, error->message);
      return PACTE_CLI_EXIT_BAD_FILE;
    }

  target = g_file_new_for_commandline_arg (out_path);
  data = g_bytes_get_data (merged, &len);
  if (!pacte_atomic_write (target, data, len, PACTE_ATOMIC_NONE, NULL, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (target);

      pacte_cli_error (_("%s: could not write the file: %s; nothing was changed"), name, error->message);
      return PACTE_CLI_EXIT_BAD_FILE;
    }

  if (conflicts->len == 0)
    return PACTE_CLI_EXIT_OK;

  pacte_cli_error (g_dngettext (GETTEXT_PACKAGE,
                                "%s: %u merge conflict, our value kept (resolve it in the window, or edit the file and remove “merge_conflicts”):",
                                "%s: %u merge conflicts, our values kept (resolve them in the window, or edit the file and remove “merge_conflicts”):",
                                conflicts->len),
                   out_path, conflicts->len);
  for (guint i = 0; i < conflicts->len; i++)
    {
      PacteMergeConflict *c = g_ptr_array_index (conflicts, i);
      g_autofree char *o = pacte_merge_value_text (c->ours, 60);
      g_autofree char *t = pacte_merge_value_text (c->theirs, 60);
      g_autofree char *line = g_strdup_printf (_("  %s: ours %s, theirs %s"), c->path, o, t);
      g_autofree char *safe = pacte_cli_escape (line);

      fprintf (stderr, "%s\n", safe);
    }
  return PACTE_CLI_EXIT_CONFLICTS;
}

/* For --check: the conflicts a merge left in the file, before the plans. */
guint
pacte_cli_print_conflicts (PactePortfolio *portfolio,
                           const char     *lang,
                           JsonBuilder    *json)
{
  g_autoptr(GPtrArray) conflicts = pacte_merge_get_conflicts (portfolio);

  if (json != NULL && conflicts->len > 0)
    {
      json_builder_set_member_name (json, "merge_conflicts");
      json_builder_begin_array (json);
      for (guint i = 0; i < conflicts->len; i++)
        {
          PacteMergeConflict *c = g_ptr_array_index (conflicts, i);

          json_builder_begin_object (json);
          json_builder_set_member_name (json, "path");
          json_builder_add_string_value (json, c->path);
          json_builder_set_member_name (json, "base");
          json_builder_add_value (json, c->base != NULL ? json_node_copy (c->base) : json_node_new (JSON_NODE_NULL));
          json_builder_set_member_name (json, "ours");
          json_builder_add_value (json, c->ours != NULL ? json_node_copy (c->ours) : json_node_new (JSON_NODE_NULL));
          json_builder_set_member_name (json, "theirs");
          json_builder_add_value (json, c->theirs != NULL ? json_node_copy (c->theirs) : json_node_new (JSON_NODE_NULL));
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
      return conflicts->len;
    }

  if (json != NULL || conflicts->len == 0)
    return conflicts->len;
  /* pacte_ngettext_lang() has no format attribute: both msgids take one %u. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  printf (pacte_ngettext_lang (lang,
                               "%u unresolved merge conflict (the file holds our value; resolve it in the window):",
                               "%u unresolved merge conflicts (the file holds our values; resolve them in the window):",
                               conflicts->len),
          conflicts->len);
#pragma GCC diagnostic pop
  fputc ('\n', stdout);
  for (guint i = 0; i < conflicts->len; i++)
    {
      PacteMergeConflict *c = g_ptr_array_index (conflicts, i);
      g_autofree char *o = pacte_merge_value_text (c->ours, 60);
      g_autofree char *t = pacte_merge_value_text (c->theirs, 60);
      g_autofree char *line = g_strdup_printf (pacte_cli_format_lang (lang, N_("  %s: ours %s, theirs %s")), c->path, o, t);
      g_autofree char *safe = pacte_cli_escape (line);

      printf ("%s\n", safe);
    }
  fputc ('\n', stdout);
  return conflicts->len;
}
