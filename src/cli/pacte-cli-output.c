/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-cli-output.c: what the commands that write (--report, --ics,
 * --normalize -o) refuse as their output, before any work: something that
 * is not a regular file (a FIFO, a device, a folder, also through a link),
 * and, for a report, the input portfolio itself (also through a link); and
 * the --plan they are limited to. */
#include "config.h"

#include <sys/stat.h>

#include "pacte-cli.h"
#include "pacte-i18n.h"

static const char *
kind_of (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("it is a folder");
  if (S_ISFIFO (mode))
    return _("it is a named pipe (FIFO)");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("it is a device");
  if (S_ISSOCK (mode))
    return _("it is a socket");
  return _("it is not a regular file");
}

gboolean
pacte_cli_check_output (const char *output,
                        const char *input,
                        gboolean    refuse_input)
{
  g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (output);
  g_autoptr(GFile) in_file = g_file_new_for_commandline_arg (input);
  g_autofree char *out_name = pacte_file_display_name (out_file);
  g_autofree char *in_name = pacte_file_display_name (in_file);
  const char *out_path = g_file_peek_path (out_file);
  const char *in_path = g_file_peek_path (in_file);
  struct stat out_st, in_st;

  /* stat() follows links: a link to /dev/zero is a device. */
  if (out_path == NULL || stat (out_path, &out_st) != 0)
    return TRUE;
  if (!S_ISREG (out_st.st_mode))
    {
      pacte_cli_error (_("%s: cannot write the output there: %s; expected a regular file"),
                       out_name, kind_of (out_st.st_mode));
      return FALSE;
    }
  if (refuse_input && in_path != NULL && stat (in_path, &in_st) == 0
      && in_st.st_dev == out_st.st_dev && in_st.st_ino == out_st.st_ino)
    {
      pacte_cli_error (_("%s: the output is the input file %s; give another output file"),
                       out_name, in_name);
      return FALSE;
    }
  return TRUE;
}

static char *
plan_ids (PactePortfolio *portfolio)
{
  GListModel *plans = pacte_portfolio_get_plans (portfolio);
  guint n = g_list_model_get_n_items (plans);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < n && i < 20; i++)
    {
      g_autoptr(PacteRecord) plan = g_list_model_get_item (plans, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                              pacte_record_get_string (plan, PACTE_PLAN_ID));
    }
  if (n > 20)
    g_string_append (ids, ", …");
  return g_string_free (ids, FALSE);
}

PactePlan *
pacte_cli_find_plan (PactePortfolio *portfolio,
                     const char     *id,
                     const char     *file)
{
  PactePlan *plan = pacte_portfolio_find_plan (portfolio, id);
  g_autofree char *ids = NULL;

  if (plan != NULL)
    return plan;
  ids = plan_ids (portfolio);
  if (*ids != '\0')
    pacte_cli_error (_("no plan with id “%s” in %s (its plans: %s)"), id, file, ids);
  else
    pacte_cli_error (_("no plan with id “%s” in %s: it has no plans"), id, file);
  return NULL;
}
