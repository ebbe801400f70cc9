/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "pacte-i18n.h"

/* glibc's counter that invalidates gettext's cache of looked-up messages. */
extern int _nl_msg_cat_cntr;

void
pacte_i18n_init (void)
{
  const char *dir = g_getenv ("PACTE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

const char *
pacte_i18n_user_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        break;
      if (g_str_has_prefix (names[i], "fr"))
        return "fr";
      if (g_str_has_prefix (names[i], "en"))
        return "en";
    }
  return "en";
}

const char *
pacte_i18n_normalize_lang (const char *lang)
{
  if (lang == NULL)
    return NULL;
  if (g_ascii_strncasecmp (lang, "fr", 2) == 0)
    return "fr";
  if (g_ascii_strncasecmp (lang, "en", 2) == 0)
    return "en";
  return NULL;
}

/* Runs the lookup with LANGUAGE set to lang.  gettext ignores LANGUAGE when
 * the message locale is "C", so a C.UTF-8 message locale is used then. */
static const char *
lookup_in (const char *lang,
           const char *msgid,
           const char *msgid_plural,
           gulong      n)
{
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *saved_messages = NULL;
  const char *current = setlocale (LC_MESSAGES, NULL);
  const char *result;

  if (current != NULL && (strcmp (current, "C") == 0 || strcmp (current, "POSIX") == 0))
    {
      saved_messages = g_strdup (current);
      setlocale (LC_MESSAGES, "C.UTF-8");
    }

  g_setenv ("LANGUAGE", lang, TRUE);
  ++_nl_msg_cat_cntr;
  if (msgid_plural != NULL)
    result = dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  else
    result = dgettext (GETTEXT_PACKAGE, msgid);

  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  if (saved_messages != NULL)
    setlocale (LC_MESSAGES, saved_messages);
  ++_nl_msg_cat_cntr;

  return result;
}

const char *
pacte_gettext_lang (const char *lang,
                    const char *msgid)
{
  g_return_val_if_fail (msgid != NULL, NULL);

  if (g_strcmp0 (pacte_i18n_normalize_lang (lang), "fr") != 0)
    return msgid;
  return lookup_in ("fr", msgid, NULL, 0);
}

const char *
pacte_ngettext_lang (const char *lang,
                     const char *msgid,
                     const char *msgid_plural,
                     gulong      n)
{
  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  if (g_strcmp0 (pacte_i18n_normalize_lang (lang), "fr") != 0)
    return n == 1 ? msgid : msgid_plural;
  return lookup_in ("fr", msgid, msgid_plural, n);
}
