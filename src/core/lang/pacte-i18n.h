/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pacte-i18n.h: gettext, and translation into a language chosen per call.
 *
 * The interface follows the user's locale (_()).  Reports and the command
 * line's --lang need text in a language chosen per call, whatever the
 * interface language is: pacte_gettext_lang() gives it, from the language
 * table (pacte-language.h) by the language's code.  Thread-safe. */
#pragma once

#include <glib.h>
#include <glib/gi18n.h>

#include "pacte-language.h"

G_BEGIN_DECLS

/* Sets up gettext: text domain, codeset, and the folder of the catalogues
 * (pacte_language_locale_dir(): the build tree's when run from it). */
void         pacte_i18n_init            (void);

/* The code of the user's interface language in the table, else "en". */
const char  *pacte_i18n_user_language   (void);

/* The table's code for a user's choice ("FR", "fr_CA.UTF-8" give "fr");
 * NULL for NULL or a language the table does not have. */
const char  *pacte_i18n_normalize_lang  (const char *lang);

/* msgid translated into lang (msgid itself for English, an unknown
 * language or an untranslated message). */
const char  *pacte_gettext_lang         (const char *lang,
                                         const char *msgid);
const char  *pacte_ngettext_lang        (const char *lang,
                                         const char *msgid,
                                         const char *msgid_plural,
                                         gulong      n);

G_END_DECLS
