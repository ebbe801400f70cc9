/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-i18n.h: gettext, and translation into a language chosen per call.
 *
 * The interface follows the user's locale (_()).  Reports and the command
 * line's --lang need text in a language chosen per call, whatever the
 * interface language is: pacte_gettext_lang() gives it. */
#pragma once

#include <glib.h>
#include <glib/gi18n.h>

G_BEGIN_DECLS

/* Sets up gettext: text domain, codeset, and the folder of the catalogues
 * (PACTE_LOCALEDIR in the environment wins over the installed one, so that
 * the uninstalled program and the tests find build/po). */
void         pacte_i18n_init            (void);

/* "fr" when the user's interface language is French, else "en". */
const char  *pacte_i18n_user_language   (void);

/* "en" or "fr" from a user's choice; NULL or anything else gives NULL. */
const char  *pacte_i18n_normalize_lang  (const char *lang);

/* msgid translated into lang ("en" returns msgid itself, "fr" the French
 * catalogue's text).  Main thread only. */
const char  *pacte_gettext_lang         (const char *lang,
                                         const char *msgid);
const char  *pacte_ngettext_lang        (const char *lang,
                                         const char *msgid,
                                         const char *msgid_plural,
                                         gulong      n);

G_END_DECLS
