/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-i18n.c: the interface's gettext, and the short names the rest of
 * the code uses for the language table (pacte-language.c). */
#include "config.h"

#include <libintl.h>
#include <locale.h>

#include "pacte-i18n.h"
#include "pacte-language.h"

void
pacte_i18n_init (void)
{
  const char *current;

  setlocale (LC_ALL, "");
  /* With no locale set (LANG unset, or C), glibc ignores LANGUAGE and
   * writes ASCII only: take the C locale's UTF-8 variant, so that
   * LANGUAGE=fr alone gives French, as it does in a desktop session. */
  current = setlocale (LC_CTYPE, NULL);
  if (current != NULL && (g_str_equal (current, "C") || g_str_equal (current, "POSIX")))
    setlocale (LC_CTYPE, "C.UTF-8");
  current = setlocale (LC_MESSAGES, NULL);
  if (current != NULL && (g_str_equal (current, "C") || g_str_equal (current, "POSIX")))
    setlocale (LC_MESSAGES, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, pacte_language_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

const char *
pacte_i18n_user_language (void)
{
  return pacte_language_code (pacte_language_user ());
}

const char *
pacte_i18n_normalize_lang (const char *lang)
{
  const PacteLanguage *found = pacte_language_find (lang);

  return found != NULL ? pacte_language_code (found) : NULL;
}

const char *
pacte_gettext_lang (const char *lang,
                    const char *msgid)
{
  g_return_val_if_fail (msgid != NULL, NULL);

  return pacte_language_gettext (pacte_language_get (lang), msgid);
}

const char *
pacte_ngettext_lang (const char *lang,
                     const char *msgid,
                     const char *msgid_plural,
                     gulong      n)
{
  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  return pacte_language_ngettext (pacte_language_get (lang), msgid, msgid_plural, n);
}
